"""Accepting links among the scored pairs, and the groups (items) they form.

Pairs are accepted greedily by score, one-to-one links first; then a
leftover sentence may join an existing link (merges and splits), but two
existing links never join, which keeps items readable. Last, two sentences
still alone that are each other's best match link a little below the
threshold.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Sequence

from natodiff.align.candidates import candidates
from natodiff.align.prepared import PreparedSentence, merged, rest
from natodiff.align.scoring import in_stretch, openers, score, score_at_least, with_prior
from natodiff.align.weights import Weights
from natodiff.model import LinkScore

# Largest item (sentences on both sides together) a merge or split may build.
MAX_ITEM = 8
# Sentences left alone that are each other's best match link this far below
# the threshold, when they share this many matching words.
MUTUAL_MARGIN = 0.07
MUTUAL_MIN_COMMON = 3
# ... and when each is clear of its runner-up by this much: three sentences
# scoring within a hair of each other are a guess, not a paraphrase.
MUTUAL_GAP = 0.02
# Content words the rest of a linked sentence must share with a lone one.
REST_MIN_COMMON = 3

Node = tuple[str, int]  # ("s", source index) or ("o", outlet index)


def link(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights, threshold: float
) -> list[LinkScore]:
    """Accepted links, strongest first; see the module docstring for the rule."""
    pairs = candidates(source, outlet)
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
    for s in _scores(source, outlet, weights, totals, pairs, priors, floor - MUTUAL_GAP):
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
    parent: dict[Node, Node] = {}
    size: dict[Node, int] = {}

    def root(node: Node) -> Node:
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
    used: dict[Node, set[str]] = defaultdict(set)
    joins = rest_joins(source, outlet, weights, totals, pairs, accepted, threshold)
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


def _scores(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights,
    totals: tuple[list[float], list[float]], pairs: set[tuple[int, int]], priors: dict[tuple[int, int], str],
    floor: float,
) -> list[LinkScore]:
    """The scores of ``pairs`` that reach ``floor`` (title and lead pairs whatever they score)."""
    src_total, out_total = totals
    out = []
    for i, j in pairs:
        prior = priors.get((i, j))
        s = score_at_least(source[i], outlet[j], weights, src_total[i], out_total[j], None if prior else floor)
        if s is not None:
            out.append(with_prior(s, prior) if prior else s)
    return out


def rest_joins(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights,
    totals: tuple[list[float], list[float]], pairs: set[tuple[int, int]], accepted: Sequence[LinkScore],
    threshold: float,
) -> list[tuple[LinkScore, set[str]]]:
    """Links of a sentence alone to the rest of a linked one, with the content words they share.

    "The Council extended the mission, with China and Russia abstaining" is
    linked to the extension; its rest ("China", "Russia", "abstain") is what
    the vote sentence says. The two must share REST_MIN_COMMON content words,
    not all names: a rest is short, so two words, or a speaker and a place,
    would be chance.
    """
    partners: dict[Node, list[PreparedSentence]] = defaultdict(list)
    src_at = {u.sentence.index: u for u in source}
    out_at = {u.sentence.index: u for u in outlet}
    for s in accepted:
        partners["s", s.source].append(out_at[s.outlet])
        partners["o", s.outlet].append(src_at[s.source])
    rests: dict[Node, tuple[PreparedSentence, float]] = {}
    content: dict[int, frozenset[str]] = {}  # id(sentence) -> its content keys
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
        a, b, wa, wb = (r, ou, w_rest, w_lone) if s_linked else (su, r, w_lone, w_rest)
        s = score_at_least(a, b, weights, wa, wb)
        assert s is not None  # no floor: every pair is scored
        if lone.content > r.content:
            s = in_stretch(s, r, lone, shared, weights)
        if s.score >= threshold:
            found.append((replace(s, prior="rest"), shared))
    return found


def _says_what(u: PreparedSentence, shared: set[str]) -> bool:
    """A shared word or number, not names alone: names say who and where, not what."""
    return any(t.key in shared and t.cls in ("word", "number") for t in u.tokens)


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences joined by links into one item, and how alike its two sides are taken together."""

    source: tuple[int, ...]  # sentence indices, ascending
    outlet: tuple[int, ...]
    links: tuple[LinkScore, ...]  # by outlet, then source
    likeness: float


def groups(
    links: Sequence[LinkScore], source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence],
    weights: Weights,
) -> list[Group]:
    """The connected groups of ``links``, by their first outlet sentence.

    ``source`` and ``outlet`` hold every sentence of each text, at its index.
    """
    parent: dict[Node, Node] = {}

    def root(n: Node) -> Node:
        parent.setdefault(n, n)
        while parent[n] != n:
            n = parent[n]
        return n

    for s in links:
        ra, rb = root(("s", s.source)), root(("o", s.outlet))
        if ra != rb:
            parent[rb] = ra
    members: dict[Node, tuple[list[int], list[int]]] = {}
    for n in sorted(parent):
        srcs, outs = members.setdefault(root(n), ([], []))
        (srcs if n[0] == "s" else outs).append(n[1])
    own: dict[Node, list[LinkScore]] = defaultdict(list)  # a link lies inside one group
    for s in links:
        own[root(("s", s.source))].append(s)
    out = []
    for key, (srcs, outs) in sorted(members.items(), key=lambda m: min(m[1][1])):
        mine = own[key]
        if len(srcs) == 1 and len(outs) == 1 and len(mine) == 1 and mine[0].prior is None:
            likeness = mine[0].score  # the link's own score: the same two sentences, scored alike
        else:
            # Without the title/lead prior that may have linked them (--explain shows
            # it), which says nothing of likeness.
            likeness = score(merged([source[i] for i in srcs]), merged([outlet[j] for j in outs]), weights).score
        out.append(Group(tuple(srcs), tuple(outs), tuple(sorted(mine, key=lambda s: (s.outlet, s.source))), likeness))
    return out
