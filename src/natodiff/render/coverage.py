"""The coverage matrix as words: outlet labels, the legend, and its JSON, CSV and Markdown.

Every format reads a natodiff.coverage Matrix and nothing else. An outlet is
named by a short label (its --label, else its headline, else its file name
without folders or extension), never by a path that would wrap.
"""

from __future__ import annotations

import re

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

from natodiff.coverage import SCHEMA, Cell, Cluster, Column, Mark, Matrix
from natodiff.model import FactStatus, Kind
from natodiff.render.vocabulary import KINDS, STATUSES, Term

LABEL_CHARS = 16  # a column head; the full name is in the key, JSON and the hover
# Above this many characters of labels side by side, columns are numbered and a key names them.
HEAD_CHARS = 60
CLAIM_CHARS = 90  # a claim's text on one line of the text and Markdown tables
ADDED = "+"  # an addition row: this outlet adds it
# Each mark's status word (JSON, HTML class), terminal colour and Word shade; "+" (ADDED) is green.
MARKS = {
    Mark.VERBATIM: Term("verbatim", KINDS[Kind.SHARED].style, KINDS[Kind.SHARED].fill),
    Mark.REWORDED: Term("reworded", KINDS[Kind.REWORDED].style, KINDS[Kind.REWORDED].fill),
    Mark.LEFT_OUT: Term("left_out", "dim"),
    Mark.FLAGGED: Term("flagged", STATUSES[FactStatus.CONFLICT].style, STATUSES[FactStatus.CONFLICT].fill),
}
MEANINGS = (
    (Mark.VERBATIM.value, "carried verbatim"),
    (Mark.REWORDED.value, "reworded"),
    (Mark.LEFT_OUT.value, "left out"),
    (Mark.FLAGGED.value, "carried with a conflict, an altered quotation or a meaning shift"),
    (ADDED, "added, not in the source"),
)


def file_name(name: str) -> str:
    """A path without its folders: ``news/reuters.html`` -> ``reuters.html``."""
    return name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or name


def stem(name: str) -> str:
    """A file name without folders, extension or a trailing date, which pages of one day share:
    ``news/reuters-2024-02-15.html`` -> ``reuters``."""
    tail = file_name(name)
    base, dot, _ = tail.rpartition(".")
    base = base if dot and base else tail
    return re.sub(r"[-_ .]*(?:\d{4}-?\d{2}-?\d{2}|\d{2}-\d{2}-\d{4})$", "", base) or base


def _wanted(m: Matrix) -> tuple[str, ...]:
    """Each outlet's --label, else its headline, else its file stem."""
    return tuple(" ".join(given.split()) if given and given.strip() else col.title or stem(col.name)
                 for given, col in zip(m.labels, m.outlets))


def full_labels(m: Matrix) -> tuple[str, ...]:
    """One distinct label per outlet, uncut (JSON, CSV, the key)."""
    return distinct(_wanted(m), lambda text, suffix: text + suffix)


def labels(m: Matrix) -> tuple[str, ...]:
    """One short, distinct label per outlet, for a column head: a second "Reuters" reads "Reuters 2"."""
    from natodiff.render.combined import shorten

    return distinct(full_labels(m), lambda text, suffix: shorten(text, LABEL_CHARS - len(suffix)) + suffix)


def distinct(wanted: Sequence[str], fit: Callable[[str, str], str]) -> tuple[str, ...]:
    """``fit(text, "")`` for each text, unless an earlier one took it; then ``fit(text, " 2")``, " 3" … unused.

    Every label that is free keeps its own text first, so a given "Reuters 2" is never taken by a numbered one.
    """
    out: list[str | None] = [None] * len(wanted)
    taken: set[str] = set()
    for n, text in enumerate(wanted):
        if fit(text, "") not in taken:
            out[n] = fit(text, "")
            taken.add(out[n])
    for n, text in enumerate(wanted):
        k = 1
        while out[n] is None:
            k += 1
            if fit(text, f" {k}") not in taken:
                out[n] = fit(text, f" {k}")
                taken.add(out[n])
    return tuple(label for label in out if label is not None)


def numbered(m: Matrix) -> bool:
    """Columns headed 1, 2, 3 with a key, when the labels side by side would crowd out the claims."""
    return sum(len(label) + 2 for label in labels(m)) > HEAD_CHARS


def keyed(m: Matrix) -> bool:
    """Whether a key names each column's outlet: the heads are numbers, or a label was shortened or numbered."""
    return numbered(m) or labels(m) != _wanted(m)


def heads(m: Matrix) -> tuple[str, ...]:
    return tuple(str(n + 1) for n in range(len(m.outlets))) if numbered(m) else labels(m)


NONE = "No outlet could be compared."


def outlets(n: int) -> str:
    """"1 outlet", "4 outlets"."""
    return f"{n} outlet{'s' * (n != 1)}"


def legend() -> str:
    return "  ".join(f"{mark} {meaning}" for mark, meaning in MEANINGS)


def carried(m: Matrix, n: int) -> str:
    """"carried/claims" of outlet ``n``, as every table's last row shows it."""
    return f"{m.totals[n].carried}/{len(m.claims)}"


def hover(cell: Cell) -> str:
    """What a cell's tooltip says: the outlet's sentence, and how it differs."""
    if cell.mark is Mark.LEFT_OUT:
        return "left out"
    text = cell.text or ""
    return f"{cell.variant} — {text}" if cell.variant else text


def added_marks(m: Matrix, k: Cluster) -> list[str]:
    return [ADDED if n in k.outlets else "" for n in range(len(m.outlets))]


# --- JSON --------------------------------------------------------------------------


def _outlet(n: int, col: Column, label: str) -> dict[str, Any]:
    return {"id": n, "label": label, "name": col.name, "title": col.title, "words": col.words,
            "reuse": round(col.reuse, 4), "coverage": round(col.coverage, 4)}


def _cell(claim: int, outlet: int, cell: Cell) -> dict[str, Any]:
    return {"claim": claim, "outlet": outlet, "mark": cell.mark.value, "status": MARKS[cell.mark].label,
            "outlet_sentences": [j + 1 for j in cell.outlet], "outlet_text": cell.text,
            "similarity": None if cell.similarity is None else round(cell.similarity, 4),
            "flags": list(cell.flags), "variant": cell.variant}


def to_dict(m: Matrix) -> dict[str, Any]:
    names = full_labels(m)
    return {
        "schema": SCHEMA,
        "source": {"name": m.source.name, "words": m.source.words, "sentences": len(m.source.sentences)},
        "outlets": [_outlet(n, col, names[n]) for n, col in enumerate(m.outlets)],
        "failed": [{"name": f.name, "error": f.error} for f in m.failed],
        "claims": [{"id": x.id, "sentence": x.sentence + 1, "text": x.text} for x in m.claims],
        "cells": [_cell(x.id, n, cell) for x, row in zip(m.claims, m.cells) for n, cell in enumerate(row)],
        "clusters": [{"id": k.id, "text": k.text, "facts": list(k.facts), "outlets": list(k.outlets),
                      "members": [{"outlet": mb.outlet, "outlet_sentences": [j + 1 for j in mb.addition.outlet],
                                   "text": mb.addition.text, "place": mb.addition.place} for mb in k.members]}
                     for k in m.clusters],
    }


def to_json(m: Matrix) -> str:
    from natodiff.render.json import dumps  # escapes lone surrogates from odd file names

    return dumps(to_dict(m), indent=2) + "\n"


# --- CSV ---------------------------------------------------------------------------


def to_csv(m: Matrix) -> str:
    """A row of file names, one per source claim (S1, S2 …), one per added claim (A1 …), one per outlet that
    could not be compared ("failed"); a column per outlet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["row", "text", *full_labels(m)])
    writer.writerow(["file", "", *(file_name(col.name) for col in m.outlets)])
    for x, row in zip(m.claims, m.cells):
        writer.writerow([f"S{x.sentence + 1}", x.text, *(cell.mark.value for cell in row)])
    for k in m.clusters:
        writer.writerow([f"A{k.id + 1}", k.text, *added_marks(m, k)])
    for f in m.failed:
        writer.writerow(["failed", f"{file_name(f.name)}: {f.error}", *[""] * len(m.outlets)])
    return buffer.getvalue()


# --- Markdown ----------------------------------------------------------------------


def key_lines(m: Matrix) -> list[str]:
    """"head = full label (file)" when a head is a number or a shortened or numbered label; the failed outlets."""
    lines = []
    if keyed(m):
        lines += [f"{head} = {label} ({col.name})" if head != label else f"{head} ({col.name})"
                  for head, label, col in zip(heads(m), full_labels(m), m.outlets)]
    lines += [f"not compared: {f.name}: {f.error}" for f in m.failed]
    return lines


def to_markdown(m: Matrix) -> str:
    from natodiff.render.combined import shorten
    from natodiff.render.markdown import escape

    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    names = [escape(h) for h in heads(m)]
    lines = [f"# Coverage of {escape(m.source.name)} by {outlets(len(m.outlets))}", ""]
    if not m.outlets:
        return "\n".join(lines + [NONE, ""] + [f"- {escape(line)}" for line in key_lines(m)]) + "\n"
    lines += [row(["", "source claim", *names]), row(["---", "---", *[":-:"] * len(names)])]
    for x, cells in zip(m.claims, m.cells):
        lines.append(row([f"S{x.sentence + 1}", escape(shorten(x.text, CLAIM_CHARS)),
                          *(escape(c.mark.value) for c in cells)]))
    lines.append(row(["", "**carried**", *(carried(m, n) for n in range(len(m.outlets)))]))
    if m.clusters:
        lines += ["", "## Added by the outlets", ""]
        lines += [row(["", "added claim", *names]), row(["---", "---", *[":-:"] * len(names)])]
        for k in m.clusters:
            lines.append(row([f"A{k.id + 1}", escape(shorten(k.text, CLAIM_CHARS)), *added_marks(m, k)]))
    flagged = flagged_lines(m)
    if flagged:
        lines += ["", "## Flagged", ""] + [f"- {escape(line)}" for line in flagged]
    lines += ["", "Legend: " + escape(legend())]
    if key_lines(m):
        lines += [""] + [f"- {escape(line)}" for line in key_lines(m)]
    return "\n".join(lines) + "\n"


def flagged_lines(m: Matrix) -> list[str]:
    """Every "!" cell as "S3 tribune: what differs"."""
    names = labels(m)
    return [f"S{x.sentence + 1} {names[n]}: {cell.variant or ', '.join(cell.flags)}"
            for x, row in zip(m.claims, m.cells) for n, cell in enumerate(row) if cell.mark is Mark.FLAGGED]
