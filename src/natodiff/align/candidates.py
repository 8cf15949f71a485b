"""Which sentence pairs are worth scoring: an inverted index over rare keys."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from natodiff.align.prepared import PreparedSentence

# An index key in more sentences than this (both texts together) proposes
# no pair: pairing it costs quadratic time on long texts, and sentences worth
# linking share a rarer word too. A proposed pair still counts every key
# within _counting_cap, so texts up to 256 sentences get the pairs they got
# when every such key proposed.
DF_CAP = 64


def candidates(left: Sequence[PreparedSentence], right: Sequence[PreparedSentence]) -> set[tuple[int, int]]:
    """Pairs (left position, right position) that share a rare enough key.

    Symmetric: swapping the sides swaps the pairs. A key in more sentences
    than DF_CAP (both sides together) proposes nothing, so the work grows
    with the length of the texts, not with its square.
    """
    # Each sentence's keys are made where they are read and then dropped: held
    # for every sentence at once, they would be the largest thing in the alignment.
    ldf = Counter(key for u in left for key in u.proposing_keys())  # left sentences holding each key
    cap = _counting_cap(len(left) + len(right))
    # Only keys the left text holds, and not in more than ``cap`` of its sentences, can
    # propose or count: most bigrams are in one text only, and are not listed at all.
    rpost = _postings([key for key in u.proposing_keys() if 0 < ldf.get(key, 0) <= cap] for u in right)
    ldf = Counter({key: ldf[key] for key in rpost})  # what is read from here on: keys both texts hold
    # Keys too common to propose a pair that still count towards its two.
    common = {k for k, rs in rpost.items() if ldf[k] and DF_CAP < ldf[k] + len(rs) <= cap}
    rcommon: list[set[str]] = [set() for _ in right]  # each right sentence's keys in common
    for key in common:
        for j in rpost[key]:
            rcommon[j].add(key)
    rshort = {j for j, u in enumerate(right) if u.content <= 2}
    # Sharing a bigram or two content words is the least a link needs. One left
    # sentence at a time: its row of shared rare keys is all that is held.
    pairs = set()
    for i, u in enumerate(left):
        ks = u.proposing_keys()
        hits: list[int] = []  # right positions, once per rare key shared
        for key in ks:
            rs = rpost.get(key)
            if rs is not None and ldf[key] + len(rs) <= DF_CAP:
                hits.extend(rs)
        row = Counter(hits)  # right position -> rare keys shared
        if left[i].content <= 2:
            pairs.update((i, j) for j in row)
            continue
        mine = ks & common
        pairs.update((i, j) for j, n in row.items() if n >= 2 or j in rshort or not mine.isdisjoint(rcommon[j]))
    # Identical sentences always qualify, even ones made of function words only.
    exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, u in enumerate(right):
        if u.keys:
            exact[u.keys].append(j)
    for i, u in enumerate(left):
        pairs.update((i, j) for j in exact.get(u.keys, ())[:cap])
    return pairs


def _counting_cap(n: int) -> int:
    """Keys in at most this many of ``n`` sentences count towards a pair's two."""
    return max(DF_CAP, int(4 * math.sqrt(n)))


def _postings(keys: Iterable[Iterable[str]]) -> dict[str, list[int]]:
    post: dict[str, list[int]] = defaultdict(list)
    for k, ks in enumerate(keys):
        for key in ks:
            post[key].append(k)
    return post
