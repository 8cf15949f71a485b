"""Accepting links among the scored pairs, and the groups (items) they form.

Body sentences first: pairs are accepted greedily by score, one-to-one
links first; then a leftover sentence may join an existing link (merges and
splits) if it brings a word its new partner's links leave over, but two
existing links never join, which keeps items readable. Then two sentences
still alone that are each other's best match link a little below the
threshold, and last what lies beside a link may join it, raised by
position (``neighbours``). Then headings, each into the item of the
paragraph it heads or to a sentence still alone; last the two titles, with
each other, and each with the other text's lead if no sentence took it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Sequence

from natodiff.align.candidates import candidates
from natodiff.align.neighbours import neighbour_joins
from natodiff.align.prepared import PreparedSentence, merged, rest, rest_keys
from natodiff.align.scoring import (
    PRIOR_DISCOUNT, cannot_reach, in_stretch, openers, reach_side, score, score_at_least, with_prior,
)
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
# Titles of two texts whose leads are linked: their score is divided by this, so that
# two shared rare words link them (titles sharing two score 0.17-0.22 on the scraped gold;
# tests/test_align_headings.py::test_two_titles_link_each_other_and_not_the_lead_a_title_restates).
TITLE_LEADS_DISCOUNT = 0.4
# Body sentences from the lead on that make a text's opening: a wire lead often restates the
# source's second sentence, not its first (the wire-video-credit gold pair).
OPENING = 2

Node = tuple[str, int]  # ("s", source index) or ("o", outlet index)


def link(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights, threshold: float
) -> list[LinkScore]:
    """Accepted links, in the order accepted; see the module docstring for the rule."""
    pairs = candidates(source, outlet)
    src_open, out_open = openers(source), openers(outlet)
    # Only a title set as a heading: a long first line missing its full stop is a body sentence.
    titled = all("title" in o and texts[o["title"]].sentence.heading
                 for o, texts in ((src_open, source), (out_open, outlet)))
    # Headings wait for the body: a subheading restates the paragraph it heads, and two
    # titles name the news of their texts, so they pair with each other only. A title
    # the other text lacks stays with the body (the outlet's lead may restate it).
    late_s = _late(source, src_open, titled)
    late_o = _late(outlet, out_open, titled)
    body = {p for p in pairs if p[0] not in late_s and p[1] not in late_o}  # the same tuples, not copies
    priors = {(src_open["lead"], out_open["lead"]): "lead"} if "lead" in src_open and "lead" in out_open else {}
    body.update(priors)
    items = _Items(source, outlet)
    for side, texts, opened in (("s", source, src_open), ("o", outlet, out_open)):
        if "title" in opened and not titled:
            items.restating.add((side, texts[opened["title"]].sentence.index))
    # Each sentence's total weight, once: every pair and every rest-join reads it.
    totals = [weights.total(u.bag) for u in source], [weights.total(u.bag) for u in outlet]
    order = _order(source, outlet)
    _link_body(source, outlet, weights, threshold, body, priors, totals, items, order)
    title_s, title_o = ({src_open["title"]}, {out_open["title"]}) if titled else (set(), set())
    heads = late_s - title_s, late_o - title_o
    # A heading pairs with a heading or a body sentence, never with a title (the titles' pass has those).
    with_heads = {(i, j) for i, j in pairs
                  if (i in heads[0] or j in heads[1]) and i not in title_s and j not in title_o}
    _link_headings(source, outlet, weights, threshold, with_heads, heads, totals, items, order)
    if titled:
        _link_titles(source, outlet, weights, threshold, src_open, out_open, items)
    return items.accepted


class _Items:
    """Sentences joined into items as links are accepted (a union-find), with each one's partners."""

    def __init__(self, source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence]) -> None:
        self.parent: dict[Node, Node] = {}
        self.size: dict[Node, int] = {}
        self.partners: dict[Node, list[PreparedSentence]] = defaultdict(list)
        self.accepted: list[LinkScore] = []
        self.at = {("s", u.sentence.index): u for u in source} | {("o", u.sentence.index): u for u in outlet}
        self.restating: set[Node] = set()  # sentences that join without bringing anything (a lone title)

    def root(self, node: Node) -> Node:
        parent = self.parent
        if node not in parent:
            return node
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def fits(self, a: Node, b: Node) -> bool:
        return self.size.get(self.root(a), 1) + self.size.get(self.root(b), 1) <= MAX_ITEM

    def add(self, s: LinkScore) -> None:
        a, b = ("s", s.source), ("o", s.outlet)
        for node in (a, b):
            if node not in self.parent:
                self.parent[node], self.size[node] = node, 1
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[rb] = ra
            self.size[ra] += self.size[rb]
        self.partners[a].append(self.at[b])
        self.partners[b].append(self.at[a])
        self.accepted.append(s)

    def adds(self, s: LinkScore, threshold: float) -> bool:
        """A sentence joining a linked one brings something: a content word its partners leave over.

        Without this a sentence copied whole would gather its neighbours on
        the words the copy already accounts for. When position raised the
        score, a word or number is needed: a lead's rest of names is its
        dateline, who and where. A title the other text lacks restates the
        lead by nature, so it needs bring nothing.
        """
        a, b = ("s", s.source), ("o", s.outlet)
        linked, alone = (a, b) if a in self.parent else (b, a)
        if alone in self.restating:
            return True
        left = rest_keys(self.at[linked], self.partners[linked])
        lone = self.at[alone]
        shared = {t.key for t in lone.tokens if t.content} & left
        by_position = s.discount is not None and s.score * s.discount < threshold
        return bool(shared) and (not by_position or _says_what(lone, shared))


def _late(sentences: Sequence[PreparedSentence], opened: dict[str, int], titled: bool) -> set[int]:
    """Positions linked after the body: headings, and the title when both texts have one."""
    late = {k for k, u in enumerate(sentences) if u.sentence.heading}
    if "title" in opened:
        (late.add if titled else late.discard)(opened["title"])
    return late


def _order(source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence]):
    """Ties go to the closer match (ratio), then by the words themselves, so neither
    position nor which text is which decides; positions only order identical sentences."""
    src_keys = {u.sentence.index: u.keys for u in source}
    out_keys = {u.sentence.index: u.keys for u in outlet}

    def order(s: LinkScore) -> tuple:
        words = sorted((src_keys[s.source], out_keys[s.outlet]))
        return (-s.score, -s.ratio, words, s.source + s.outlet, abs(s.source - s.outlet), s.source)

    return order


def _link_body(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights, threshold: float,
    pairs: set[tuple[int, int]], priors: dict[tuple[int, int], str], totals: tuple[list[float], list[float]],
    items: _Items, order,
) -> None:
    """Links among body sentences: one-to-one, then merges and splits, rests, and mutual best matches."""
    scored, near = [], []
    # Best two scores of each sentence, for the mutual-best rule.
    best_src: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    best_out: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    floor = threshold - MUTUAL_MARGIN
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
    scored.sort(key=order)
    parent = items.parent
    # First one-to-one links, strongest first; then the leftovers may join an
    # existing link (merges and splits), again strongest first.
    for one_to_one in (True, False):
        for s in scored:
            a, b = ("s", s.source), ("o", s.outlet)
            if a in parent and b in parent:
                continue  # both already linked: joining would chain two items
            if one_to_one and (a in parent or b in parent):
                continue
            if not items.fits(a, b) or not one_to_one and not items.adds(s, threshold):
                continue
            items.add(s)
    # Then a sentence still alone may join a linked one on what its partners
    # leave over: a clause merged into a sentence that reports something else.
    # A rest that one join has used is used up for the next.
    used: dict[Node, set[str]] = defaultdict(set)
    joins = rest_joins(source, outlet, weights, totals, pairs, items.accepted, threshold)
    for s, shared in sorted(joins, key=lambda j: order(j[0])):
        a, b = ("s", s.source), ("o", s.outlet)
        if a in parent and b in parent:
            continue
        linked = a if a in parent else b
        left, lone = shared - used[linked], items.at[a if b == linked else b]
        if not items.fits(a, b) or len(left) < REST_MIN_COMMON and not _phrase(items.at[linked], lone, left):
            continue
        used[linked] |= shared
        items.add(s)
    for s in quote_intros(items, weights):
        items.add(s)
    # Last, two sentences still alone that are each other's best match link
    # on a lower score: a paraphrase that kept the facts but not the words.
    near.sort(key=order)
    for s in near:
        a, b = ("s", s.source), ("o", s.outlet)
        if a in parent or b in parent or len(s.common) < MUTUAL_MIN_COMMON:
            continue
        if any(s.score < top[0] or top[1] > s.score - MUTUAL_GAP for top in (best_src[s.source], best_out[s.outlet])):
            continue
        items.add(s)
    # Last, what lies beside the links.
    for s in neighbour_joins(source, outlet, weights, totals, pairs, items, threshold, order):
        items.add(s)


def _link_headings(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights, threshold: float,
    pairs: set[tuple[int, int]], heads: tuple[set[int], set[int]], totals: tuple[list[float], list[float]],
    items: _Items, order,
) -> None:
    """Each heading (a title apart) links once: to a sentence still alone, or into its paragraph's item.

    A subheading restates the paragraph under it ("New command in Germany to
    coordinate aid" above the sentence reporting the command), so against
    that paragraph's item it is scored as a sentence: the guard that keeps a
    two-word headline from matching the many long sentences holding its
    words has only that item to choose from.
    """
    heads_s, heads_o = heads
    src_total, out_total = totals
    parent = items.parent
    found: dict[tuple[int, int], tuple[LinkScore, Node | None]] = {}  # pair -> score, the item it may join
    for i, j in pairs:
        s = score_at_least(source[i], outlet[j], weights, src_total[i], out_total[j], threshold)
        if s is not None and s.score >= threshold:
            found[i, j] = s, None
    members: dict[Node, list[Node]] = defaultdict(list)  # the items the body formed, by root
    for n in parent:
        members[items.root(n)].append(n)
    for side, mine, other in (("s", source, outlet), ("o", outlet, source)):
        at = {u.sentence.index: k for k, u in enumerate(other)}
        for k in sorted(heads_s if side == "s" else heads_o):
            below = _below(mine, k)
            node = (side, mine[below].sentence.index) if below is not None else None
            if node not in parent:
                continue
            for n in members[items.root(node)]:
                if n[0] == side:
                    continue
                m = at[n[1]]
                i, j = (k, m) if side == "s" else (m, k)
                s = score_at_least(source[i], outlet[j], weights, src_total[i], out_total[j], guard=False)
                assert s is not None  # no floor: every pair is scored
                if s.score >= threshold and ((i, j) not in found or found[i, j][0].score <= s.score):
                    found[i, j] = s, node
    for s, node in sorted(found.values(), key=lambda f: order(f[0])):
        a, b = ("s", s.source), ("o", s.outlet)
        if a in parent and b in parent or not items.fits(a, b):
            continue
        if (a in parent or b in parent) and (node is None or items.root(a if a in parent else b) != items.root(node)):
            continue  # a heading joins an item only as the heading of its paragraph
        items.add(s)


def _below(sentences: Sequence[PreparedSentence], k: int) -> int | None:
    """The position of the sentence a heading heads: the next one, when it is not a heading too."""
    if k + 1 < len(sentences) and not sentences[k + 1].sentence.heading:
        return k + 1
    return None


def _link_titles(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights, threshold: float,
    src_open: dict[str, int], out_open: dict[str, int], items: _Items,
) -> None:
    """The two titles: linked on their score, raised by how alike the two texts open.

    Two texts whose leads report the same news (the leads are linked) are two
    reports of it, and their titles name it: TITLE_LEADS_DISCOUNT. One lead
    linked into the other text's opening is weaker evidence (PRIOR_DISCOUNT).
    Texts that open on different news get no prior: a live page's headline
    and a press conference's title may share the event's words and say
    different things.
    """
    i, j = src_open["title"], out_open["title"]
    s = score(source[i], outlet[j], weights)
    discount = _opening_evidence(source, outlet, src_open, out_open, items)
    if discount is not None:
        s = with_prior(s, "title", discount)
    if s.score >= threshold:
        items.add(s)
    # Both directions are decided before either link is added, so neither sees the other's.
    for s in _titles_to_leads(source, outlet, weights, threshold, src_open, out_open, items):
        items.add(s)


def _titles_to_leads(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights, threshold: float,
    src_open: dict[str, int], out_open: dict[str, int], items: _Items,
) -> list[LinkScore]:
    """Links of a title to the other text's lead, when no sentence of that text took the lead.

    Wire and state-media headlines often reword the source's lead ("NATO
    agrees plan to strengthen air defence on eastern flank"); with titles
    pairing only with each other, such a lead would be reported as left out.
    A title already linked to the other title joins the lead as a rest join
    would: on content words of the lead it brings beyond that title.
    """
    found = []
    directions = ((src_open["title"], out_open.get("lead"), "o"), (src_open.get("lead"), out_open["title"], "s"))
    for i, j, lone_side in directions:
        if i is None or j is None:
            continue
        a, b = ("s", source[i].sentence.index), ("o", outlet[j].sentence.index)
        lone, title = (b, a) if lone_side == "o" else (a, b)
        if lone in items.parent or not items.fits(a, b):
            continue
        s = score(source[i], outlet[j], weights)
        if s.score < threshold:
            continue
        if title in items.parent:
            whole, lead = items.at[title], items.at[lone]
            shared = {t.key for t in lead.tokens if t.content} & rest_keys(whole, items.partners[title])
            if len(shared) < REST_MIN_COMMON and not _phrase(whole, lead, shared) or not _says_what(lead, shared):
                continue
        found.append(s)
    return found


def _opening_evidence(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], src_open: dict[str, int],
    out_open: dict[str, int], items: _Items,
) -> float | None:
    """How far two texts open alike, as the discount their titles' score takes (None: not alike)."""
    if "lead" not in src_open or "lead" not in out_open:
        return None
    lead_s, lead_o = ("s", source[src_open["lead"]].sentence.index), ("o", outlet[out_open["lead"]].sentence.index)
    parent = items.parent
    if lead_s in parent and lead_o in parent and items.root(lead_s) == items.root(lead_o):
        return TITLE_LEADS_DISCOUNT
    opening = {("s", u.sentence.index) for u in _opening(source, src_open["lead"])}
    opening |= {("o", u.sentence.index) for u in _opening(outlet, out_open["lead"])}
    for lead in (lead_s, lead_o):
        if lead in parent and any(items.root(u) == items.root(lead) for u in opening & parent.keys()
                                  if u[0] != lead[0]):
            return PRIOR_DISCOUNT
    return None


def _opening(sentences: Sequence[PreparedSentence], lead: int) -> list[PreparedSentence]:
    """A text's first OPENING body sentences, from its lead on."""
    return [u for u in sentences[lead:] if not u.sentence.heading][:OPENING]


def _scores(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights,
    totals: tuple[list[float], list[float]], pairs: set[tuple[int, int]], priors: dict[tuple[int, int], str],
    floor: float,
) -> list[LinkScore]:
    """The scores of ``pairs`` that reach ``floor`` (title and lead pairs whatever they score)."""
    src_total, out_total = totals
    by_source: dict[int, list[int]] = defaultdict(list)  # one source sentence's pairs together, to weigh it once
    for i, j in pairs:
        by_source[i].append(j)
    out = []
    for i, js in by_source.items():
        u, wa, side = source[i], src_total[i], reach_side(source[i], weights)
        for j in js:
            prior = priors.get((i, j))
            if prior is None and cannot_reach(side, wa, outlet[j], out_total[j], floor):
                continue
            s = score_at_least(u, outlet[j], weights, wa, out_total[j], None if prior else floor)
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
    or two side by side in both (a phrase: "will be on permanent alert"),
    not all names: a rest is short, so two scattered words, or a speaker
    and a place, would be chance.
    """
    partners: dict[Node, list[PreparedSentence]] = defaultdict(list)
    src_at = {u.sentence.index: u for u in source}
    out_at = {u.sentence.index: u for u in outlet}
    for s in accepted:
        partners["s", s.source].append(out_at[s.outlet])
        partners["o", s.outlet].append(src_at[s.source])
    # The pairs of each linked sentence with one alone, so that what it leaves over is worked out
    # once and dropped when its pairs are done: held for every linked sentence, it would be the
    # largest thing made here.
    s_is = [("s", u.sentence.index) in partners for u in source]
    o_is = [("o", u.sentence.index) in partners for u in outlet]
    by_node: dict[Node, list[tuple[int, int]]] = defaultdict(list)
    for p in pairs:
        if s_is[p[0]] != o_is[p[1]]:
            by_node[("s", source[p[0]].sentence.index) if s_is[p[0]] else ("o", outlet[p[1]].sentence.index)].append(p)
    found = []
    for node, node_pairs in by_node.items():
        s_linked = node[0] == "s"
        keys = rest_keys((src_at if s_linked else out_at)[node[1]], partners[node])
        made: tuple[PreparedSentence, float] | None = None
        for i, j in node_pairs:
            su, ou = source[i], outlet[j]
            whole, lone = (su, ou) if s_linked else (ou, su)
            if keys.isdisjoint(lone.bag):  # every token's key is in the bag: nothing shared, tested in C
                continue
            shared = {t.key for t in lone.tokens if t.content and t.key in keys}
            # Most pairs share nothing with the rest: the cheap tests first.
            if not shared or not _says_what(lone, shared):
                continue
            if len(shared) < REST_MIN_COMMON and not _phrase(whole, lone, shared):
                continue
            if made is None:
                r = rest(whole, partners[node])
                made = r, weights.total(r.bag)
            r, w_rest = made
            w_lone = totals[1][j] if s_linked else totals[0][i]
            a, b, wa, wb = (r, ou, w_rest, w_lone) if s_linked else (su, r, w_lone, w_rest)
            s = score_at_least(a, b, weights, wa, wb)
            assert s is not None  # no floor: every pair is scored
            if lone.content > r.content:
                s = in_stretch(s, r, lone, shared, weights)
            if s.score >= threshold:
                found.append((replace(s, prior="rest"), shared))
    return found


def quote_intros(items: _Items, weights: Weights) -> list[LinkScore]:
    """Links of a quotation's intro ("Speaking at the dockyard, Wells said:") to the sentence that
    carries its quotation in the other text ("…," Wells said during a visit to the dockyard).

    The intro stands alone, just before its quotation, which is linked; the other text folded the
    intro into the quotation's sentence. Standing next to its quotation is the evidence, so the
    intro needs no threshold, only a word (not names alone) in what that sentence's links leave
    over: the attribution it was folded into.
    """
    parent, found = items.parent, []
    partners: dict[Node, list[Node]] = defaultdict(list)
    for s in items.accepted:
        partners["s", s.source].append(("o", s.outlet))
        partners["o", s.outlet].append(("s", s.source))
    for (side, k), intro in items.at.items():
        if (side, k) in parent or not intro.sentence.text.rstrip().endswith(":"):
            continue
        quoted = (side, k + 1)
        for whole_node in partners.get(quoted, ()):
            whole = items.at[whole_node]
            left = rest(whole, [items.at[n] for n in partners[whole_node]])
            shared = {t.key for t in intro.tokens if t.content} & left.bag.keys()
            if not shared or not _says_what(intro, shared) or not items.fits((side, k), whole_node):
                continue
            a, b = (intro, left) if side == "s" else (left, intro)
            s = score_at_least(a, b, weights, weights.total(a.bag), weights.total(b.bag))
            assert s is not None  # no floor: every pair is scored
            found.append(replace(s, prior="quote intro"))
            break
    return found


def _phrase(whole: PreparedSentence, lone: PreparedSentence, shared: set[str]) -> bool:
    """Two of the shared words side by side in both sentences ("on permanent alert"): a phrase, not chance."""
    return not _pairs_within(whole, shared).isdisjoint(_pairs_within(lone, shared))


def _pairs_within(u: PreparedSentence, shared: set[str]) -> set[tuple[str, str]]:
    """Adjacent content words of ``u`` (its proposing bigrams) made of ``shared`` words only."""
    content = [t.key for t in u.tokens if t.content]
    return {(a, b) for a, b in zip(content, content[1:]) if a in shared and b in shared}


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
