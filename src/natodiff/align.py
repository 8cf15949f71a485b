"""Sentence links between the two texts: order-free, many-to-many, symmetric.

Each sentence becomes a bag of weighted matching keys (rare words, numbers
and names weigh most). An inverted index proposes candidate pairs, so
difflib only runs on pairs that share something rare. Pairs are accepted
greedily by score, one-to-one links first; then a leftover sentence may join
an existing link (merges and splits), but two existing links never join,
which keeps items readable.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Iterable, Sequence

from natodiff.model import LinkScore, Sentence
from natodiff.normalise import Token, tokens

# Weight of a function word relative to a content word's IDF.
STOP_WEIGHT = 0.1
# Numbers and names carry the facts an analyst checks first.
NUMBER_BOOST = 1.5
NAME_BOOST = 1.2
# Content words in one verbatim run that make a link certain (score 1.0).
RUN_FOR_CERTAIN = 10
RUN_CAP = 0.95
# A dateline or "he said" tag word counts this much of a word.
META_SHARE = 0.1
# Title-to-title and lead-to-lead scores are divided by this (see with_prior).
PRIOR_DISCOUNT = 0.6
PRIOR_MIN_COMMON = {"title": 2, "lead": 4}
# A repeat within one text: this much of it is found in an earlier sentence.
REPEAT_CONTAINMENT = 0.9
# Largest item (sentences on both sides together) a merge or split may build.
MAX_ITEM = 8
# An index key in more sentences than this is too common to propose pairs;
# the floor keeps every key for article-sized texts.
MIN_DF_CAP = 64


@dataclass(slots=True)
class Unit:
    """A sentence prepared for matching; built once, reused for every pair."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    bag: Counter[str]
    content: int  # number of content tokens


def prepare(sentences: Sequence[Sentence]) -> list[Unit]:
    out = []
    for s in sentences:
        toks = tokens(s.text)
        keys = tuple(t.key for t in toks)
        out.append(Unit(s, toks, keys, _bag(toks), sum(1 for t in toks if t.content)))
    return out


def _bag(toks: Sequence[Token]) -> Counter[str]:
    """Key counts, a run of capitalised words counting about as one entity.

    "NATO Secretary General Jens Stoltenberg" is one attribution, not five
    facts; without this, any two sentences citing him look alike.
    """
    bag: Counter[str] = Counter()
    run: list[str] = []
    for t in (*toks, None):
        if t is not None and t.cls == "name":
            run.append(t.key)
            continue
        share = 1.0 if len(run) < 3 else 2.0 / len(run)
        for key in run:
            bag[key] += share
        run = []
        if t is not None:
            bag[t.key] += META_SHARE if t.cls == "meta" else 1
    return bag


_RANK = {"stop": 0, "meta": 1, "word": 2, "name": 3, "number": 4}


class Weights:
    """IDF over the sentences of both texts, with boosts by token class."""

    def __init__(self, units: Iterable[Unit]) -> None:
        df: Counter[str] = Counter()
        cls: dict[str, str] = {}
        n = 0
        for u in units:
            n += 1
            df.update(u.bag.keys())
            for t in u.tokens:
                # A key is as weighty as its weightiest use ("NATO" in a dateline
                # is still NATO), whichever text or order it comes in.
                if _RANK[t.cls] > _RANK.get(cls.get(t.key, ""), -1):
                    cls[t.key] = t.cls
        self.n = max(n, 1)
        self.df = df
        self._w: dict[str, float] = {}
        for key, count in df.items():
            c = cls[key]
            if c in ("stop", "meta"):
                w = STOP_WEIGHT
            else:
                w = math.log(1 + self.n / count)
                w *= NUMBER_BOOST if c == "number" else NAME_BOOST if c == "name" else 1.0
            self._w[key] = w

    def __getitem__(self, key: str) -> float:
        return self._w.get(key, STOP_WEIGHT)

    def total(self, bag: Counter[str]) -> float:
        return sum(self._w.get(k, STOP_WEIGHT) * c for k, c in bag.items())


def score(src: Unit, out: Unit, weights: Weights) -> LinkScore:
    """How much two sentences say the same thing; symmetric in its arguments.

    containment survives condensation (an outlet keeping half a sentence);
    dice penalises a match that covers little of either side; the difflib
    ratio rewards word order kept; a long verbatim run is copying by itself.
    The best of the three counts.
    """
    common = src.bag & out.bag
    overlap = sum(weights[k] * c for k, c in common.items())
    wa, wb = weights.total(src.bag), weights.total(out.bag)
    if not overlap or not wa or not wb:
        return LinkScore(src.sentence.index, out.sentence.index, 0.0, 0.0, 0.0, 0.0, ())
    shared_content = sum(c for k, c in common.items() if weights[k] > STOP_WEIGHT)
    # A pair sharing one or two words is weak evidence, however short.
    evidence = min(1.0, shared_content / 3)
    containment = overlap / min(wa, wb) * evidence
    dice = 2 * overlap / (wa + wb)
    # difflib's ratio depends slightly on argument order; fix the order.
    ratio = run = 0.0
    if containment > 0.2 or dice > 0.5:
        x, y = sorted((src.tokens, out.tokens), key=lambda ts: [t.key for t in ts])
        matcher = SequenceMatcher(None, [t.key for t in x], [t.key for t in y], autojunk=False)
        ratio = matcher.ratio()
        run = max((_run_weight(x[b.a : b.a + b.size]) for b in matcher.get_matching_blocks()), default=0.0)
    blend = 0.6 * containment + 0.4 * dice
    best = max(ratio, blend, run)
    rare = sorted((k for k in common if weights[k] > STOP_WEIGHT), key=lambda k: (-weights[k], k))
    return LinkScore(
        src.sentence.index,
        out.sentence.index,
        round(best, 6),
        round(ratio, 6),
        round(containment, 6),
        round(dice, 6),
        tuple(rare[:6]),
    )


def _run_weight(run: Sequence[Token]) -> float:
    """A verbatim run of ten content words is copying, whatever surrounds it.

    Names count once per run: "NATO Secretary General Jens Stoltenberg" is
    one attribution, not five copied words.
    """
    words = sum(1 for t in run if t.cls in ("word", "number"))
    names = any(t.cls == "name" for t in run)
    # Capped below 1.0 so that a sentence's identical twin always ranks first.
    return min(RUN_CAP, (words + names) / RUN_FOR_CERTAIN)


def _index_keys(u: Unit) -> set[str]:
    """Content unigrams and adjacent content bigrams: what proposes a pair."""
    content = [t.key for t in u.tokens if t.content]
    keys = set(content)
    keys.update(f"{x} {y}" for x, y in zip(content, content[1:]))
    return keys


def candidates(left: Sequence[Unit], right: Sequence[Unit], weights: Weights) -> set[tuple[int, int]]:
    """Pairs (left position, right position) that share a rare enough key.

    Symmetric: swapping the sides swaps the pairs. A key in more sentences
    than the cap (both sides together) proposes nothing: it is too common to
    mean anything, and pairing it costs quadratic time.
    """
    lpost = _postings(left)
    rpost = _postings(right)
    cap = max(MIN_DF_CAP, int(4 * math.sqrt(len(left) + len(right))))
    hits: Counter[tuple[int, int]] = Counter()
    for key, ls in lpost.items():
        rs = rpost.get(key)
        if rs is None or len(ls) + len(rs) > cap:
            continue
        for i in ls:
            for j in rs:
                hits[(i, j)] += 1
    # Sharing a bigram or two content words is the least a link needs.
    pairs = {(i, j) for (i, j), h in hits.items() if h >= 2 or min(left[i].content, right[j].content) <= 2}
    # Identical sentences always qualify, even ones made of function words only.
    exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, u in enumerate(right):
        if u.keys:
            exact[u.keys].append(j)
    for i, u in enumerate(left):
        pairs.update((i, j) for j in exact.get(u.keys, ())[:cap])
    return pairs


def _postings(units: Sequence[Unit]) -> dict[str, list[int]]:
    post: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        for key in _index_keys(u):
            post[key].append(k)
    return post


def find_repeats(units: Sequence[Unit], weights: Weights) -> dict[int, int]:
    """Sentence index -> index of the earlier sentence it repeats."""
    out: dict[int, int] = {}
    live = [u for u in units if not u.sentence.boilerplate and u.content >= 3]
    for i, j in sorted(candidates(live, live, weights)):
        if j >= i or live[j].sentence.index in out or live[i].sentence.index in out:
            continue
        later, earlier = live[i], live[j]
        common = later.bag & earlier.bag
        w_later = weights.total(later.bag)
        if w_later and sum(weights[k] * c for k, c in common.items()) / w_later >= REPEAT_CONTAINMENT:
            out[later.sentence.index] = earlier.sentence.index
    return out


def openers(units: Sequence[Unit]) -> dict[str, int]:
    """Positions of the title (a first heading) and the lead (first body sentence)."""
    out: dict[str, int] = {}
    for k, u in enumerate(units):
        first_line = k == 0 and not u.sentence.text.rstrip("\"'”’)").endswith((".", "!", "?"))
        if (u.sentence.heading or first_line) and not out:
            out["title"] = k
        elif not u.sentence.heading:
            out["lead"] = k
            break
    return out


def with_prior(s: LinkScore, prior: str) -> LinkScore:
    """Titles and leads of two reports of one event describe that event.

    Their score is divided by PRIOR_DISCOUNT (capped at 1), so a title pair
    sharing a few rare words links where two body sentences would not. A
    lead, being longer, must share PRIOR_MIN_COMMON["lead"] words: leads on
    one topic share its two or three words anyway.
    """
    if len(s.common) < PRIOR_MIN_COMMON[prior]:
        return s
    return replace(s, score=round(min(1.0, s.score / PRIOR_DISCOUNT), 6), prior=prior)


def link(
    source: Sequence[Unit], outlet: Sequence[Unit], weights: Weights, threshold: float
) -> list[LinkScore]:
    """Accepted links, strongest first; see the module docstring for the rule."""
    pairs = candidates(source, outlet, weights)
    src_open, out_open = openers(source), openers(outlet)
    priors = {(src_open[k], out_open[k]): k for k in ("title", "lead") if k in src_open and k in out_open}
    pairs.update(priors)
    scored = []
    for i, j in pairs:
        s = score(source[i], outlet[j], weights)
        if (i, j) in priors:
            s = with_prior(s, priors[(i, j)])
        if s.score >= threshold:
            scored.append(s)
    # Ties go to the closer match (ratio), then by the words themselves, so
    # neither position nor which text is which decides; positions only order
    # identical sentences.
    src_keys = {u.sentence.index: u.keys for u in source}
    out_keys = {u.sentence.index: u.keys for u in outlet}

    def order(s: LinkScore) -> tuple:
        words = sorted((src_keys[s.source], out_keys[s.outlet]))
        return (-s.score, -s.ratio, words, s.source + s.outlet, abs(s.source - s.outlet), s.source)

    scored.sort(key=order)
    parent: dict[tuple[str, int], tuple[str, int]] = {}
    size: dict[tuple[str, int], int] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        if node not in parent:
            return node
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    accepted = []
    # First one-to-one links, strongest first; then the leftovers may join an
    # existing link (merges and splits), again strongest first.
    for one_to_one in (True, False):
        for s in scored:
            a, b = ("s", s.source), ("o", s.outlet)
            if a in parent and b in parent:
                continue  # both already linked: joining would chain two items
            if one_to_one and (a in parent or b in parent):
                continue
            ra, rb = root(a), root(b)
            if size.get(ra, 1) + size.get(rb, 1) > MAX_ITEM:
                continue
            for node in (a, b):
                if node not in parent:
                    parent[node], size[node] = node, 1
            parent[rb] = ra
            size[ra] += size[rb]
            accepted.append(s)
    return accepted
