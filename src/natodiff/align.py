"""Sentence links between the two texts: order-free, many-to-many, symmetric.

Each sentence becomes a bag of weighted matching keys (rare words, numbers
and names weigh most). An inverted index proposes candidate pairs, so
difflib only runs on pairs that share something rare. Pairs are accepted
greedily by score, one-to-one links first; then a leftover sentence may join
an existing link (merges and splits), but two existing links never join,
which keeps items readable. Last, two sentences still alone that are each
other's best match link a little below the threshold.
"""

from __future__ import annotations

import math
from math import fsum
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Iterable, Sequence

from natodiff.model import LinkScore, Sentence
from natodiff.normalise import NEGATIONS, Token, tokens

# Weight of a function word relative to a content word's IDF.
STOP_WEIGHT = 0.1
# Numbers and names carry the facts an analyst checks first.
NUMBER_BOOST = 1.5
NAME_BOOST = 1.2
# Share of containment in the blend of containment and weighted overlap.
BLEND_CONTAINMENT = 0.6
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
# ... and this much of it in the same order (the pull quotes of tests/gold all score 0.87 or more).
REPEAT_IN_ORDER = 0.8
# Largest item (sentences on both sides together) a merge or split may build.
MAX_ITEM = 8
# An index key in more sentences than this (both texts together) proposes
# no pair: pairing it costs quadratic time on long texts, and sentences worth
# linking share a rarer word too. A proposed pair still counts every key
# within _counting_cap, so texts up to 256 sentences get the pairs they got
# when every such key proposed.
DF_CAP = 64
# Sentences left alone that are each other's best match link this far below
# the threshold, when they share this many matching words.
MUTUAL_MARGIN = 0.07
MUTUAL_MIN_COMMON = 3
# ... and when each is clear of its runner-up by this much: three sentences
# scoring within a hair of each other are a guess, not a paraphrase.
MUTUAL_GAP = 0.02
# Content words the rest of a linked sentence must share with a lone one.
REST_MIN_COMMON = 3


@dataclass(slots=True)
class Unit:
    """A sentence prepared for matching; built once, reused for every pair."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    bag: Counter[str]
    content: int  # number of content tokens
    # Key counts, and the keys used as a word or number: for score()'s ceiling.
    counts: tuple[Counter[str], frozenset[str]] | None = None
    index: frozenset[str] | None = None  # see _index_keys
    _matcher: SequenceMatcher | None = None

    def matcher(self) -> SequenceMatcher:
        """A matcher with this sentence as its second sequence, indexed once for every pair."""
        if self._matcher is None:
            self._matcher = SequenceMatcher(None, (), self.keys, autojunk=False)
        return self._matcher

    def profile(self) -> tuple[Counter[str], frozenset[str]]:
        if self.counts is None:
            self.counts = Counter(self.keys), frozenset(t.key for t in self.tokens if t.cls in ("word", "number"))
        return self.counts


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
    s = _score(src, out, weights, weights.total(src.bag), weights.total(out.bag))
    assert s is not None
    return s


def _score(
    src: Unit, out: Unit, weights: Weights, wa: float, wb: float, floor: float | None = None
) -> LinkScore | None:
    """score() with both bags' total weights given (computed once per sentence).

    With a ``floor``, None for a pair that cannot score that much, decided
    from word counts before difflib runs (most candidate pairs end there).
    """
    sb, ob = src.bag, out.bag
    w = weights._w
    # As Counter's "&"; fsum, so that neither argument order nor set order moves the last digit.
    common = {k: (a if (a := sb[k]) <= (b := ob[k]) else b) for k in sb.keys() & ob.keys()}
    overlap = fsum([w.get(k, STOP_WEIGHT) * c for k, c in common.items()])
    if not overlap or not wa or not wb:
        if floor is not None and floor > 0:
            return None
        return LinkScore(src.sentence.index, out.sentence.index, 0.0, 0.0, 0.0, 0.0, ())
    shared_content = fsum([c for k, c in common.items() if w.get(k, STOP_WEIGHT) > STOP_WEIGHT])
    # A pair sharing one or two words is weak evidence, however short.
    evidence = min(1.0, shared_content / 3)
    if src.sentence.heading != out.sentence.heading:
        evidence *= evidence  # a two-word headline is inside many long sentences
    containment = overlap / min(wa, wb) * evidence
    dice = 2 * overlap / (wa + wb)
    blend = blend_of(containment, dice)
    difflib = containment > 0.2 or dice > 0.5
    if floor is not None and blend < floor - 1e-6:
        if not difflib:
            return None
        # ratio and run are bounded by the words both sides have, in any order.
        (sk, s_words), (ok, o_words) = src.profile(), out.profile()
        both = words = 0
        for k in sk.keys() & ok.keys():
            m = min(sk[k], ok[k])
            both += m
            if k in s_words or k in o_words:
                words += m
        ceiling = max(2.0 * both / (len(src.keys) + len(out.keys)), min(RUN_CAP, (words + 1) / RUN_FOR_CERTAIN))
        if ceiling < floor - 1e-6:
            return None
    # difflib's ratio depends slightly on argument order; fix the order.
    ratio = run = 0.0
    if difflib and src.keys == out.keys:  # what difflib finds in a copy: one block, the whole sentence
        ratio, run = 1.0, _run_weight(src.tokens)
    elif difflib:
        x, y = sorted((src, out), key=lambda u: u.keys)
        matcher = y.matcher()
        matcher.set_seq1(x.keys)
        ratio = matcher.ratio()
        run = max((_run_weight(x.tokens[b.a : b.a + b.size]) for b in matcher.get_matching_blocks()), default=0.0)
    best = max(ratio, blend, run)
    rare = sorted((k for k in common if w.get(k, STOP_WEIGHT) > STOP_WEIGHT), key=lambda k: (-w[k], k))
    return LinkScore(
        src.sentence.index,
        out.sentence.index,
        round(best, 6),
        round(ratio, 6),
        round(containment, 6),
        round(dice, 6),
        tuple(rare[:6]),
    )


def blend_of(containment: float, overlap: float) -> float:
    """Containment carries condensation; overlap keeps a short sentence from matching any long one."""
    return BLEND_CONTAINMENT * containment + (1 - BLEND_CONTAINMENT) * overlap


def _run_weight(run: Sequence[Token]) -> float:
    """A verbatim run of ten content words is copying, whatever surrounds it.

    Names count once per run: "NATO Secretary General Jens Stoltenberg" is
    one attribution, not five copied words.
    """
    words = sum(1 for t in run if t.cls in ("word", "number"))
    names = any(t.cls == "name" for t in run)
    # Capped below 1.0 so that a sentence's identical twin always ranks first.
    return min(RUN_CAP, (words + names) / RUN_FOR_CERTAIN)


def _index_keys(u: Unit) -> frozenset[str]:
    """Content unigrams and adjacent content bigrams: what proposes a pair (built once per sentence)."""
    if u.index is None:
        content = [t.key for t in u.tokens if t.content]
        u.index = frozenset((*content, *map(" ".join, zip(content, content[1:]))))
    return u.index


def candidates(
    left: Sequence[Unit], right: Sequence[Unit], weights: Weights
) -> set[tuple[int, int]]:
    """Pairs (left position, right position) that share a rare enough key.

    Symmetric: swapping the sides swaps the pairs. A key in more sentences
    than DF_CAP (both sides together) proposes nothing, so the work grows
    with the length of the texts, not with its square.
    """
    lkeys = [_index_keys(u) for u in left]
    rkeys = [_index_keys(u) for u in right]
    lpost, rpost = _postings(lkeys), _postings(rkeys)
    hits: list[list[int]] = [[] for _ in left]  # left position -> right positions, once per shared key
    for key, ls in lpost.items():
        rs = rpost.get(key)
        if rs is None or len(ls) + len(rs) > DF_CAP:
            continue
        for i in ls:
            hits[i].extend(rs)
    cap = _counting_cap(len(left) + len(right))
    # Keys too common to propose a pair that still count towards its two.
    common = {k for k, ls in lpost.items() if (rs := rpost.get(k)) and DF_CAP < len(ls) + len(rs) <= cap}
    rcommon = [ks & common for ks in rkeys]
    rshort = {j for j, u in enumerate(right) if u.content <= 2}
    # Sharing a bigram or two content words is the least a link needs.
    pairs = set()
    for i, h in enumerate(hits):
        row = Counter(h)  # right position -> rare keys shared
        if left[i].content <= 2:
            pairs.update((i, j) for j in row)
            continue
        mine = lkeys[i] & common
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


def _postings(keys: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    post: dict[str, list[int]] = defaultdict(list)
    for k, ks in enumerate(keys):
        for key in ks:
            post[key].append(k)
    return post


def find_repeats(units: Sequence[Unit], weights: Weights) -> dict[int, int]:
    """Sentence index -> index of the earlier sentence it repeats.

    A repeat has REPEAT_CONTAINMENT of its weight in an earlier sentence, so
    that sentence holds at least one of any set of its keys weighing more
    than the rest: only sentences holding one of its rarest such keys are
    read (prefix filtering), however long the text and however common its
    other words.
    """
    out: dict[int, int] = {}
    first: dict[tuple[str, ...], int] = {}  # keys -> the first sentence with them
    for u in units:  # a short sentence printed twice word for word ("The UK will not falter.")
        if not u.sentence.boilerplate and 1 <= u.content < 3:
            if u.keys in first:
                out[u.sentence.index] = first[u.keys]
            else:
                first[u.keys] = u.sentence.index
    live = [u for u in units if not u.sentence.boilerplate and u.content >= 3]
    w = weights._w
    postings: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(live):
        for key in u.bag:
            postings[key].append(k)
    for i, later in enumerate(live):
        lb = later.bag
        total = weights.total(lb)
        if not total:
            continue
        rest, earlier_ones = total * (1 - REPEAT_CONTAINMENT) * (1 + 1e-9), set()
        for key in sorted(lb, key=lambda k: (len(postings[k]), k)):
            post = postings[key]
            earlier_ones.update(post[: bisect_left(post, i)])
            rest -= w.get(key, STOP_WEIGHT) * lb[key]
            if rest < 0:
                break
        for j in sorted(earlier_ones):
            earlier = live[j]
            if earlier.sentence.index in out:
                continue
            eb = earlier.bag
            # As Counter's "&", summed exactly (fsum), so no order of the keys moves the result.
            found = fsum([w.get(k, STOP_WEIGHT) * min(lb[k], eb[k]) for k in lb.keys() & eb.keys()])
            if found / total >= REPEAT_CONTAINMENT and _polarity(later) == _polarity(earlier) \
                    and _in_order(later, earlier) >= REPEAT_IN_ORDER:
                out[later.sentence.index] = earlier.sentence.index
                break
    return out


def _in_order(later: Unit, earlier: Unit) -> float:
    """Share of the later sentence's words (tags aside) found in the earlier one in the same order.

    "Russia is a bigger threat than China" holds every word of "China is a
    bigger threat than Russia" and repeats nothing.
    """
    said = [t.key for t in later.tokens if t.cls != "meta"]
    if not said:
        return 0.0
    matcher = SequenceMatcher(None, [t.key for t in earlier.tokens if t.cls != "meta"], said, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / len(said)


def _polarity(u: Unit) -> list[str]:
    """The negations a sentence holds: "NATO is not a party" never repeats "NATO is a party"."""
    return sorted(t.key for t in u.tokens if t.key in NEGATIONS)


def rest(u: Unit, partners: Iterable[Unit]) -> Unit:
    """``u`` less the words its linked partners already account for."""
    covered = {k for p in partners for k in p.bag}
    toks = tuple(t for t in u.tokens if t.key not in covered)
    bag = Counter({k: c for k, c in u.bag.items() if k not in covered})
    return Unit(u.sentence, toks, tuple(t.key for t in toks), bag, sum(1 for t in toks if t.content))


def _rest_joins(
    source: Sequence[Unit], outlet: Sequence[Unit], weights: Weights, totals: tuple[list[float], list[float]],
    pairs: set[tuple[int, int]], accepted: Sequence[LinkScore], threshold: float,
) -> list[tuple[LinkScore, set[str]]]:
    """Links of a sentence alone to the rest of a linked one, with the content words they share.

    "The Council extended the mission, with China and Russia abstaining" is
    linked to the extension; its rest ("China", "Russia", "abstain") is what
    the vote sentence says. The two must share REST_MIN_COMMON content words,
    not all names: a rest is short, so two words, or a speaker and a place,
    would be chance.
    """
    partners: dict[tuple[str, int], list[Unit]] = defaultdict(list)
    src_at = {u.sentence.index: u for u in source}
    out_at = {u.sentence.index: u for u in outlet}
    for s in accepted:
        partners["s", s.source].append(out_at[s.outlet])
        partners["o", s.outlet].append(src_at[s.source])
    rests: dict[tuple[str, int], tuple[Unit, float]] = {}
    content: dict[int, frozenset[str]] = {}  # id(unit) -> its content keys
    found = []
    s_is = [("s", u.sentence.index) in partners for u in source]
    o_is = [("o", u.sentence.index) in partners for u in outlet]
    for i, j in pairs:
        s_linked, o_linked = s_is[i], o_is[j]
        if s_linked == o_linked:
            continue
        su, ou = source[i], outlet[j]
        node, whole, lone = (("s", su.sentence.index), su, ou) if s_linked else (("o", ou.sentence.index), ou, su)
        if node not in rests:
            r = rest(whole, partners[node])
            rests[node] = r, weights.total(r.bag)
        r, w_rest = rests[node]
        mine = content.get(id(lone))
        if mine is None:
            mine = content[id(lone)] = frozenset(t.key for t in lone.tokens if t.content)
        shared = set(mine & r.bag.keys())
        if len(shared) < REST_MIN_COMMON or not _says_what(lone, shared):
            continue
        w_lone = totals[1][j] if s_linked else totals[0][i]
        s = _score(r, ou, weights, w_rest, w_lone) if s_linked else _score(su, r, weights, w_lone, w_rest)
        if lone.content > r.content:
            s = _in_stretch(s, r, lone, shared, weights)
        if s.score >= threshold:
            found.append((replace(s, prior="rest"), shared))
    return found


def _says_what(u: Unit, shared: set[str]) -> bool:
    """A shared word or number, not names alone: names say who and where, not what."""
    return any(t.key in shared and t.cls in ("word", "number") for t in u.tokens)


def _in_stretch(s: LinkScore, rest_: Unit, lone: Unit, shared: set[str], weights: Weights) -> LinkScore:
    """``s`` with its overlap taken on the stretch of the lone sentence that holds the shared words.

    A clause merged into another sentence comes from one stretch of a longer
    sentence ("with 2 abstentions (China, Russian Federation)"); the rest of
    that sentence was left out, so it does not dilute the match. Shared
    words scattered over the whole sentence get no such credit.
    """
    at = [k for k, t in enumerate(lone.tokens) if t.key in shared]
    stretch = lone.tokens[at[0] : at[-1] + 1]
    w_stretch = sum(weights[t.key] * (META_SHARE if t.cls == "meta" else 1) for t in stretch)
    overlap = sum(weights[k] * min(c, lone.bag[k]) for k, c in rest_.bag.items() if k in lone.bag)
    local = max(s.weighted_overlap, min(1.0, 2 * overlap / (weights.total(rest_.bag) + w_stretch)))
    best = max(s.score, blend_of(s.containment, local))
    return replace(s, score=round(best, 6), weighted_overlap=round(local, 6))


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


# Candidate pairs from which link() scores in two processes. Below it there is
# nothing to gain: two 100 KB texts give 7,300 pairs, scored in 0.3 s while
# facts and quotations keep the second core busy anyway.
PARALLEL_PAIRS = 20_000


def _score_all(
    source: Sequence[Unit], outlet: Sequence[Unit], weights: Weights, totals: tuple[list[float], list[float]],
    pairs: list[tuple[int, int]], priors: dict[tuple[int, int], str], floor: float, workers: int,
) -> list[LinkScore]:
    """The scores of ``pairs`` that reach ``floor`` (title and lead pairs whatever they score)."""
    args = source, outlet, weights, totals
    if workers > 1 and len(pairs) >= PARALLEL_PAIRS:
        from natodiff.aside import Aside

        half = Aside(_score_pairs, *args, pairs[1::2], priors, floor)
        try:
            return _score_pairs(*args, pairs[::2], priors, floor, None) + half.result()
        finally:
            half.close()
    return _score_pairs(*args, pairs, priors, floor, None)


def _score_pairs(
    source: Sequence[Unit], outlet: Sequence[Unit], weights: Weights, totals: tuple[list[float], list[float]],
    pairs: list[tuple[int, int]], priors: dict[tuple[int, int], str], floor: float, _receive: object,
) -> list[LinkScore]:
    """One share of _score_all; ``_receive`` is Aside's, unused: a fork starts with everything it needs."""
    src_total, out_total = totals
    out = []
    for i, j in pairs:
        prior = priors.get((i, j))
        s = _score(source[i], outlet[j], weights, src_total[i], out_total[j], None if prior else floor)
        if s is not None:
            out.append(with_prior(s, prior) if prior else s)
    return out


def link(
    source: Sequence[Unit], outlet: Sequence[Unit], weights: Weights, threshold: float, *, workers: int = 1
) -> list[LinkScore]:
    """Accepted links, strongest first; see the module docstring for the rule.

    With ``workers`` > 1 and many candidate pairs, a forked child scores
    half of them: scoring is most of the work on long texts, and each pair's
    score is independent of every other's.
    """
    pairs = candidates(source, outlet, weights)
    src_open, out_open = openers(source), openers(outlet)
    priors = {(src_open[k], out_open[k]): k for k in ("title", "lead") if k in src_open and k in out_open}
    pairs.update(priors)
    scored, near = [], []
    # Best two scores of each sentence, for the mutual-best rule.
    best_src: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    best_out: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    floor = threshold - MUTUAL_MARGIN
    # Each sentence's total weight, once: every pair and every rest-join reads it.
    totals = [weights.total(u.bag) for u in source], [weights.total(u.bag) for u in outlet]
    for s in _score_all(source, outlet, weights, totals, list(pairs), priors, floor - MUTUAL_GAP, workers):
        for top in (best_src[s.source], best_out[s.outlet]):
            if s.score > top[0]:
                top[:] = s.score, top[0]
            elif s.score > top[1]:
                top[1] = s.score
        if s.score >= threshold:
            scored.append(s)
        elif s.score >= floor:
            near.append(s)
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
    # Then a sentence still alone may join a linked one on what its partners
    # leave over: a clause merged into a sentence that reports something else.
    # A rest that one join has used is used up for the next.
    used: dict[tuple[str, int], set[str]] = defaultdict(set)
    joins = _rest_joins(source, outlet, weights, totals, pairs, accepted, threshold)
    for s, shared in sorted(joins, key=lambda j: order(j[0])):
        a, b = ("s", s.source), ("o", s.outlet)
        if a in parent and b in parent:
            continue
        linked, alone = (a, b) if a in parent else (b, a)
        r = root(linked)
        if size[r] + 1 > MAX_ITEM or len(shared - used[linked]) < REST_MIN_COMMON:
            continue
        used[linked] |= shared
        parent[alone], size[r] = r, size[r] + 1
        accepted.append(s)
    # Last, two sentences still alone that are each other's best match link
    # on a lower score: a paraphrase that kept the facts but not the words.
    near.sort(key=order)
    for s in near:
        a, b = ("s", s.source), ("o", s.outlet)
        if a in parent or b in parent or len(s.common) < MUTUAL_MIN_COMMON:
            continue
        if any(s.score < top[0] or top[1] > s.score - MUTUAL_GAP for top in (best_src[s.source], best_out[s.outlet])):
            continue
        parent[a] = parent[b] = a
        size[a] = 2
        accepted.append(s)
    return accepted
