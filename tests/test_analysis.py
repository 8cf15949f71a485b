"""Each sentence analysed once per comparison: the memo gives what computing afresh gives, and forgets."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff import analysis, api
from natodiff.analysis import analysing, per_text
from natodiff.facts import context, names
from natodiff.normalise import tokens

WORDS = st.sampled_from("NATO said the 2% $5bn Jens Stoltenberg not co-operation U.S. twenty-five ,".split())


@given(st.lists(st.lists(WORDS, min_size=0, max_size=12).map(" ".join), min_size=1, max_size=6))
def test_inside_a_comparison_every_per_text_function_gives_what_it_computes_afresh(texts) -> None:
    plain = [tokens.__wrapped__(t) for t in texts]
    with analysing():
        first = [tokens(t) for t in texts]
        again = [tokens(t) for t in texts]
        words = [names._analysed(t) for t in texts]
        ctx = [context._context_words(t) for t in texts]
    assert first == again == plain
    assert words == [names._analysed.__wrapped__(t) for t in texts]
    assert ctx == [context._context_words.__wrapped__(t) for t in texts]
    assert [tokens(t) for t in texts] == plain  # and the bounded cache outside agrees


def test_a_comparison_forgets_its_sentences_when_it_ends() -> None:
    api.compare("NATO met in Brussels. Ministers agreed a plan.", "Ministers agreed a plan, NATO said.")
    assert all(not memo for memo in analysis._memos)


def test_nested_scopes_keep_what_the_outer_one_holds() -> None:
    calls = []

    @per_text(4)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    with analysing():
        length("abc")
        with analysing():
            length("abc")
        length("abc")
    assert calls == ["abc"]
    with analysing():
        length("abc")
    assert calls == ["abc", "abc"]


def _in_child(queue) -> None:
    inherited = (len(analysis._scopes), sum(len(m) for m in analysis._memos))
    with analysing():
        tokens("Ministers agreed.")
    queue.put((inherited, sum(len(m) for m in analysis._memos)))


@pytest.mark.skipif(not hasattr(os, "register_at_fork"), reason="no fork")
def test_a_forked_worker_keeps_its_parents_analysis_until_its_own_comparison_ends() -> None:
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    with analysing():
        tokens("NATO met in Brussels.")
        child = ctx.Process(target=_in_child, args=(queue,))
        child.start()
        child.join(30)
    assert queue.get(timeout=5) == ((0, 1), 0)
