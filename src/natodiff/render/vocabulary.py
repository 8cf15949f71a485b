"""The words every report uses for the same things: kinds, flags, statuses, summary figures.

A renderer escapes and styles these for its format; it does not spell them itself.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from natodiff.model import Alignment, Document, FactStatus, Kind, Summary, Verdict
from natodiff.render import negation_flag

class Term(NamedTuple):
    """One thing's name in every report, with the colour the terminal repeats it in and the
    shade a Word cell gets for it (blank: none)."""

    label: str
    style: str
    fill: str = ""


KINDS = {
    Kind.SHARED: Term("shared", "bold cyan", "DDEBF7"),
    Kind.REWORDED: Term("reworded", "bold yellow", "FFF2CC"),
    Kind.OUTLET_ONLY: Term("outlet-only", "bold green", "E2EFDA"),
    Kind.SOURCE_ONLY: Term("source-only", "bold red", "FBE2E2"),
    Kind.BOILERPLATE: Term("boilerplate", "dim"),
}
KIND_MEANINGS = {
    Kind.SHARED: "carried over verbatim (up to spelling, typography, number format)",
    Kind.REWORDED: "same content, new wording",
    Kind.OUTLET_ONLY: "added by the outlet",
    Kind.SOURCE_ONLY: "left out by the outlet",
    Kind.BOILERPLATE: "page furniture (captions, related links, bylines); not counted",
}
STATUSES = {
    FactStatus.CONFIRMED: Term("confirmed", "green"),
    FactStatus.CONFLICT: Term("CONFLICT", "bold red", "F8CBAD"),
    FactStatus.SOURCE_ONLY: Term("source only", "yellow", "FBE2E2"),
    FactStatus.OUTLET_ONLY: Term("outlet only", "cyan", "E2EFDA"),
}
VERDICTS = {
    Verdict.FAITHFUL: Term("faithful", "green", "E2EFDA"),
    Verdict.ALTERED: Term("ALTERED", "bold red", "F8CBAD"),
    Verdict.UNSOURCED: Term("UNSOURCED", "bold magenta", "F8CBAD"),
    Verdict.MISATTRIBUTED: Term("MISATTRIBUTED", "bold yellow", "FFF2CC"),
    Verdict.STATEMENT_TEXT: Term("statement text", "green", "E2EFDA"),
}
KIND_LABELS = {kind: term.label for kind, term in KINDS.items()}


def heading(term: Term) -> str:
    """A label opening a table cell: its first letter raised ("Source only"; "CONFLICT" stays)."""
    return term.label[:1].upper() + term.label[1:]

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
