"""The "Combined facts" lines of the reports: one line a claim, with its provenance.

Shared by the text, Markdown and HTML reports (each escapes for its format):
the words come from the Claim, the sentence ids from its indices.
"""

from __future__ import annotations

from typing import NamedTuple

from natodiff.model import Claim, Comparison, Provenance

TITLE = "Combined facts"
CLAIM_CHARS = 110  # a claim's text on one line of the report: the rest is in the alignment
MARKERS = {Provenance.BOTH: "both", Provenance.OUTLET_ONLY: "outlet only", Provenance.SOURCE_ONLY: "source only"}


class Line(NamedTuple):
    marker: str
    ids: str
    text: str
    note: str | None


def refs(claim: Claim) -> str:
    """"O6,O9 ← S8" as the alignment writes an item; one side alone for a one-sided claim."""
    src = ",".join(f"S{i + 1}" for i in claim.source)
    out = ",".join(f"O{i + 1}" for i in claim.outlet)
    return f"{out} ← {src}" if src and out else src or out


def shorten(text: str, n: int = CLAIM_CHARS) -> str:
    """At most ``n`` characters, cut at a word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(",;:–— ") + "…"


def note(claim: Claim) -> str | None:
    if claim.provenance is Provenance.OUTLET_ONLY:
        return "not in the source" + (f", {claim.place}" if claim.place else "")
    if claim.outlet_variant:
        return f"outlet: {claim.outlet_variant}"
    return None


def lines(c: Comparison) -> list[Line]:
    return [Line(MARKERS[x.provenance], refs(x), shorten(x.text), note(x)) for x in c.claims]


def heading(c: Comparison) -> str:
    counts = {p: sum(x.provenance is p for x in c.claims) for p in MARKERS}
    parts = ", ".join(f"{counts[p]} {MARKERS[p]}" for p in MARKERS)
    return f"{TITLE} ({len(c.claims)} claim{'s' * (len(c.claims) != 1)}: {parts})"


def names_line(c: Comparison) -> str | None:
    """Under the facts table: the names both texts give alike, which are not facts but not lost."""
    if not c.names:
        return None
    names = list(dict.fromkeys(f.text for f in c.names))
    return f"Named alike in both texts (not listed as facts): {', '.join(names)}."
