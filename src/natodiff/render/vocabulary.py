"""The words every report uses for the same things: kinds, flags, statuses, summary figures.

A renderer escapes and styles these for its format; it does not spell them itself.
"""

from __future__ import annotations

from typing import Callable

from natodiff.model import Alignment, Document, FactStatus, Kind, Summary, Verdict
from natodiff.render import negation_flag

KIND_LABELS = {
    Kind.SHARED: "shared",
    Kind.REWORDED: "reworded",
    Kind.OUTLET_ONLY: "outlet-only",
    Kind.SOURCE_ONLY: "source-only",
    Kind.BOILERPLATE: "boilerplate",
}
KIND_MEANINGS = {
    Kind.SHARED: "carried over verbatim (up to spelling, typography, number format)",
    Kind.REWORDED: "same content, new wording",
    Kind.OUTLET_ONLY: "added by the outlet",
    Kind.SOURCE_ONLY: "left out by the outlet",
    Kind.BOILERPLATE: "page furniture (captions, related links, bylines); not counted",
}
STATUS_LABELS = {
    FactStatus.CONFIRMED: "confirmed",
    FactStatus.CONFLICT: "CONFLICT",
    FactStatus.SOURCE_ONLY: "source only",
    FactStatus.OUTLET_ONLY: "outlet only",
}
VERDICT_LABELS = {
    Verdict.FAITHFUL: "faithful",
    Verdict.ALTERED: "ALTERED",
    Verdict.UNSOURCED: "UNSOURCED",
    Verdict.MISATTRIBUTED: "MISATTRIBUTED",
    Verdict.STATEMENT_TEXT: "statement text",
}


def flags(a: Alignment, repeat: Callable[[int], str]) -> list[str]:
    """What else an item's label says; ``repeat`` words the pointer to the item it repeats."""
    out = [flag for flag in (negation_flag(a),) if flag]
    if a.moved:
        out.append("moved")
    if a.repeat_of is not None:
        out.append(repeat(a.repeat_of))
    if a.kind is Kind.SOURCE_ONLY and a.repeat_of is None:
        out.append("left out")
    return out


def kind_counts(s: Summary) -> tuple[tuple[Kind, int], ...]:
    """Sentences of each kind, in the order every summary lists them."""
    return ((Kind.SHARED, s.shared), (Kind.REWORDED, s.reworded), (Kind.OUTLET_ONLY, s.outlet_only),
            (Kind.SOURCE_ONLY, s.source_only), (Kind.BOILERPLATE, s.boilerplate))


def document_size(doc: Document) -> str:
    return f"({doc.words} words, {len(doc.sentences)} sentences)"


def reuse_line(s: Summary) -> str:
    return f"{s.reuse:.0%} of the outlet's words come from the source"


def coverage_line(s: Summary) -> str:
    return f"{s.coverage:.0%} of the source's words are carried by the outlet"
