"""Sentence links between the two texts: order-free, many-to-many, symmetric.

Each sentence becomes a bag of weighted matching keys (rare words, numbers
and names weigh most: ``weights``). An inverted index proposes candidate
pairs (``candidates``), so difflib only runs on pairs that share something
rare (``scoring``). Links are then accepted greedily and joined into groups,
one per item (``linking``). Sentences a text prints twice are found first
(``repeats``) and link nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from natodiff.align.candidates import DF_CAP, candidates
from natodiff.align.linking import MUTUAL_MARGIN, Group, groups, link
from natodiff.align.prepared import PreparedSentence, prepare, with_verbs
from natodiff.align.repeats import find_repeats
from natodiff.align.scoring import score
from natodiff.align.weights import Weights
from natodiff.model import Sentence


@dataclass(frozen=True, slots=True)
class Aligned:
    """What classification and the summary figures read: every sentence prepared, its repeat, its group."""

    source: list[PreparedSentence]  # every sentence, at its index
    outlet: list[PreparedSentence]
    repeats_source: dict[int, int]  # sentence index -> the earlier one it repeats
    repeats_outlet: dict[int, int]
    groups: list[Group]


def align(source: Sequence[Sentence], outlet: Sequence[Sentence], threshold: float) -> Aligned:
    """Link the sentences of two texts; furniture and repeats link nothing."""
    src, out = prepare(source), prepare(outlet)
    weights = Weights(u for u in src + out if not u.sentence.boilerplate)
    rep_src, rep_out = find_repeats(src, weights), find_repeats(out, weights)
    live_src = [u for u in src if not u.sentence.boilerplate and u.sentence.index not in rep_src]
    live_out = [u for u in out if not u.sentence.boilerplate and u.sentence.index not in rep_out]
    # Linking reads irregular verbs as their verb; the items show the words as written.
    verb_src, verb_out = [with_verbs(u) for u in live_src], [with_verbs(u) for u in live_out]
    links = link(verb_src, verb_out, weights.adding(verb_src + verb_out), threshold)
    return Aligned(src, out, rep_src, rep_out, groups(links, src, out, weights))


__all__ = ["Aligned", "DF_CAP", "Group", "MUTUAL_MARGIN", "PreparedSentence", "Weights", "align", "candidates",
           "find_repeats", "link", "prepare", "score"]
