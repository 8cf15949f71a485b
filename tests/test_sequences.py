"""Matcher: difflib's answer on sentences of normal length, a valid and cheap one on very long ones."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff import sequences
from natodiff.sequences import Matcher

words = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]), max_size=60)


def assert_true_alignment(blocks, a, b):
    """Blocks of equal words, ascending and never overlapping, closed by difflib's sentinel."""
    assert blocks[-1] == (len(a), len(b), 0)
    end_a = end_b = 0
    for i, j, k in blocks[:-1]:
        assert k > 0 and i >= end_a and j >= end_b and a[i:i + k] == b[j:j + k]
        end_a, end_b = i + k, j + k


@given(words, words)
def test_within_the_limit_it_is_difflib(a, b):
    assert Matcher(a, b).get_opcodes() == SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


@pytest.mark.parametrize("limit", [1, 16, 200])
@given(a=words, b=words)
def test_past_the_limit_the_blocks_are_a_true_alignment(limit, a, b):
    blocks = sequences.matching_blocks(a, b, limit)
    assert_true_alignment(blocks, a, b)
    for (i, j, k), (i2, j2, _) in zip(blocks[:-2], blocks[1:-1]):
        assert (i2, j2) != (i + k, j + k)  # adjacent blocks are joined


@given(words)
def test_past_the_limit_a_copy_is_one_block(a):
    assert [tuple(m) for m in sequences.matching_blocks(a, list(a), 1)][:-1] == ([(0, 0, len(a))] if a else [])


def test_words_found_once_anchor_a_long_sentence_with_scattered_edits():
    rng = random.Random(7)
    a = [rng.choice("abcdefgh") for _ in range(5000)]
    for n in range(0, 5000, 250):
        a[n] = f"name{n}"  # a word each side holds once
    b = list(a)
    for n in range(125, 5000, 250):
        b[n] = "edit"
    assert len(a) * len(b) > sequences.LIMIT
    assert Matcher(a, b).ratio() >= 0.99  # 20 words of 5,000 changed
    ops = Matcher(a, b).get_opcodes()
    assert [(i1, j1) for tag, i1, _, j1, _ in ops if tag != "equal"] == [(n, n) for n in range(125, 5000, 250)]


def test_a_long_sentence_of_a_few_words_with_two_edits_keeps_its_matches():
    # No word stands once on either side between the edits, and difflib's heuristic for long
    # sequences ignores every word of a text of eight: the sentence read as half rewritten.
    rng = random.Random(3)
    a = [rng.choice(("the", "of", "and", "to", "a", "in", "nato", "said")) for _ in range(3000)]
    b = list(a)
    b[750], b[2250] = "zebra", "yak"
    assert len(a) * len(b) > sequences.LIMIT
    assert Matcher(a, b).ratio() >= 0.99
    assert [(tag, i1, j1) for tag, i1, _, j1, _ in Matcher(a, b).get_opcodes() if tag != "equal"] == [
        ("replace", 750, 750), ("replace", 2250, 2250)]


# Every word twice or more on each side: no anchor, and past 200 words difflib's heuristic
# ignores the frequent ones and keeps the rest.
TWICE = st.lists(st.integers(0, 59).map(str), min_size=100, max_size=200).map(lambda w: w + w[::-1])


@pytest.mark.parametrize("limit", [1, 200, 5000])
@given(a=TWICE, b=TWICE)
def test_without_anchors_the_blocks_are_a_true_alignment_and_no_fewer_than_difflibs_heuristic(limit, a, b):
    blocks = sequences.matching_blocks(a, b, limit)
    assert_true_alignment(blocks, a, b)
    if len(a) * len(b) > limit and a[0] != b[0] and a[-1] != b[-1]:
        heuristic = SequenceMatcher(None, a, b).get_matching_blocks()
        assert sum(k for _, _, k in blocks) >= sum(m.size for m in heuristic)
