"""Meaning shifts said in words, the same in every report format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from natodiff.model import ShiftType

if TYPE_CHECKING:
    from natodiff.model import Comparison, Framing, Shift


def line(s: "Shift") -> str:
    """``hedge: "reportedly" added``."""
    return f"{s.type.value}: {s.note}"


def counts(c: "Comparison") -> str | None:
    """``stance 1, attribution 1``: shifts per type in the types' order; None when there are none."""
    found = [s.type for a in c.alignments for s in a.shifts]
    if not found:
        return None
    return ", ".join(f"{t.value} {found.count(t)}" for t in ShiftType if t in found)


def framing_row(f: "Framing") -> tuple[str, str, str, str]:
    """source term, outlet term, count, item numbers."""
    return f.source_term, f.outlet_term, str(f.count), ", ".join(f"#{n}" for n in f.items)
