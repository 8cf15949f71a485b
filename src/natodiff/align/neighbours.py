"""Links beside the links: what a sentence split or a paragraph rewritten leaves next to its anchor.

A diff anchors on the matches it is sure of and reads what lies beside them
in that light. A sentence split in two ("... to protect undersea cables" /
"The mission follows several incidents in which cables were damaged") leaves
its second half next to the first, which is linked, on a score too low to
link anywhere else. Such pairs are raised by position, as titles and leads
are (x1/PRIOR_DISCOUNT), and still need words in common with what the
anchor's links leave over.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING, Callable, Sequence

from natodiff.align.prepared import PreparedSentence, rest_keys
from natodiff.align.scoring import PRIOR_DISCOUNT, score_at_least, with_prior
from natodiff.align.weights import Weights
from natodiff.lexicon import TITLE_WORDS
from natodiff.model import LinkScore
from natodiff.normalise import word_key

if TYPE_CHECKING:
    from natodiff.align.linking import _Items

Node = tuple[str, int]  # ("s", source index) or ("o", outlet index)

# Words a sentence beside a link shares with what that link leaves over; a rest join anywhere
# needs three (linking.REST_MIN_COMMON): position stands in for the third.
# tests/test_align_neighbours.py pins it both ways.
NEIGHBOUR_MIN_COMMON = 2


def neighbour_joins(
    source: Sequence[PreparedSentence], outlet: Sequence[PreparedSentence], weights: Weights,
    totals: tuple[list[float], list[float]], pairs: set[tuple[int, int]], items: _Items, threshold: float,
    order: Callable[[LinkScore], tuple],
) -> list[LinkScore]:
    """Links of a pair next to a link, each sentence taking at most one; see the module docstring.

    A sentence alone joins the other text's sentence that its neighbour (the
    one before or after it, no heading between) is linked to, when it shares
    NEIGHBOUR_MIN_COMMON words or numbers, not names or titles, with what
    that sentence's links leave over: names and titles say who, and a
    neighbour often names the same people. Two items side by side in both
    texts join through a pair each of whose sentences sits next to the
    other's partner, when each one's rest shares NEIGHBOUR_MIN_COMMON content
    words with the other: a paragraph rewritten as a paragraph.
    """
    at = {("s", u.sentence.index): k for k, u in enumerate(source)} | \
         {("o", u.sentence.index): k for k, u in enumerate(outlet)}
    texts = {"s": source, "o": outlet}
    partners: dict[Node, set[Node]] = defaultdict(set)
    for s in items.accepted:
        partners["s", s.source].add(("o", s.outlet))
        partners["o", s.outlet].add(("s", s.source))

    def beside(node: Node) -> list[Node]:
        mine, k = texts[node[0]], at[node]
        if mine[k].sentence.heading:
            return []
        return [(node[0], mine[m].sentence.index) for m in (k - 1, k + 1)
                if 0 <= m < len(mine) and not mine[m].sentence.heading]

    # (a sentence, the sentence its neighbour is linked to): the pairs position proposes.
    proposed = {(n, whole) for whole, ps in partners.items() for p in ps for n in beside(p) if n not in ps}
    rests: dict[Node, frozenset[str]] = {}
    floor = threshold * PRIOR_DISCOUNT
    found = []
    for n, whole in proposed:
        a, b = (n, whole) if n[0] == "s" else (whole, n)
        i, j = at[a], at[b]
        if (i, j) not in pairs or not items.fits(a, b):
            continue
        if n in partners and (items.root(a) == items.root(b) or not any(m in partners[n] for m in beside(whole))):
            continue  # two items join only when each sentence sits next to the other's partner
        if not all(_shares(items, rests, w, other, what=n not in partners) for w, other in ((whole, n), (n, whole))
                   if w in partners):
            continue
        s = score_at_least(source[i], outlet[j], weights, totals[0][i], totals[1][j], floor)
        if s is not None and (s := with_prior(s, "neighbour")).score >= threshold:
            found.append(s)
    out, taken = [], set()
    for s in sorted(set(found), key=order):
        a, b = ("s", s.source), ("o", s.outlet)
        if a not in taken and b not in taken:
            out.append(s)
            taken |= {a, b}
    return out


def _shares(items: _Items, rests: dict[Node, frozenset[str]], whole: Node, other: Node, what: bool) -> bool:
    """``other`` shares NEIGHBOUR_MIN_COMMON content words with what ``whole``'s links leave over;
    with ``what``, words or numbers that are no title."""
    left = rests.get(whole)
    if left is None:
        left = rests[whole] = rest_keys(items.at[whole], items.partners[whole])
    toks = items.at[other].tokens
    if what:
        shared = {t.key for t in toks if t.key in left and t.cls in ("word", "number") and t.key not in _titles()}
    else:
        shared = {t.key for t in toks if t.key in left and t.content}
    return len(shared) >= NEIGHBOUR_MIN_COMMON


@cache
def _titles() -> frozenset[str]:
    """Title words, keyed: "China's representative said" restates no one's report."""
    return frozenset(map(word_key, TITLE_WORDS))
