"""One memo for one source and many outlets: who carried what, who added what.

Page 1: the source's headline, "How N outlets reported SOURCE", the bottom
line across outlets (what every outlet carried, what every outlet dropped,
what several added that the source lacks, who changed what a claim says),
then the coverage matrix as a Word table across the page. With more than
``PORTRAIT_OUTLETS`` outlets the matrix goes to a landscape annex instead,
in tables of at most ``PER_TABLE`` outlets with numbered columns and a key.
Then one short section per outlet.

Built from a natodiff.coverage Matrix only, with the single-outlet memo's
pieces (labels, headline, header and footer, notes, tables).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from natodiff.coverage import Cell, Column, Mark, Matrix
from natodiff.model import Kind
from natodiff.render import coverage as words
from natodiff.render import in_quotes
from natodiff.render import docx_parts as wd
from natodiff.render.combined import shorten as trim
from natodiff.render.docx_parts import GREY
from natodiff.render.memo import _listing, _n, headline_of, label
from natodiff.render.vocabulary import KINDS
from natodiff.render.word import new_document, set_properties, to_bytes, xml_safe

PORTRAIT_OUTLETS = 6  # more than this and the matrix needs a landscape page
PER_TABLE = 15  # outlets side by side in one landscape table: numbered 9 mm columns leave 108 mm for the claim
CLAIM_CHARS = 110  # a claim in the matrix; the outlet sections and the JSON have more
QUOTED = 80  # a claim quoted in the bottom line
SHOWN = 3  # claims quoted by name in one bullet before "and N more"
NAMED = 4  # outlets named in one place before "and N more"
ID_MM = 10
MIN_COLUMN_MM, MAX_COLUMN_MM = 9.0, 24.0  # an outlet's column: a mark, or a short label's longest word


# --- what to say (pure; no docx) ---------------------------------------------------


def _quoted(texts: Sequence[str], more: int) -> str:
    said = "; ".join(in_quotes(trim(t, QUOTED)) for t in texts[:SHOWN])
    return said + (f"; and {more - SHOWN} more" if more > SHOWN else "")


def _who(names: Sequence[str]) -> str:
    """A few outlets by name; past NAMED, the first ones and how many more."""
    if len(names) <= NAMED:
        return _listing(names)
    return f"{', '.join(names[:NAMED - 1])} and {len(names) - NAMED + 1} more"


def bottom_line(m: Matrix) -> list[str]:
    """What all carried, what all dropped, what several added, who changed a claim, the spread of coverage."""
    names = words.labels(m)
    n_out, n_claims = len(m.outlets), len(m.claims)
    everyone = [x for x in m.claims if m.reach(x.id) == n_out]
    no_one = [x for x in m.claims if m.reach(x.id) == 0]
    bullets = []
    if everyone:
        altered = sum(m.changed(x.id) > 0 for x in everyone)
        change = f" ({altered} of them with a change by some outlet, marked !)" if altered else ""
        bullets.append(f"All {n_out} outlets carried {len(everyone)} of the source's {n_claims} claims{change}: "
                       + _quoted([x.text for x in everyone], len(everyone)) + ".")
    elif m.claims:
        widest = max(m.claims, key=lambda x: (m.reach(x.id), -x.id))
        bullets.append(f"No claim of the source's {n_claims} was carried by all {n_out} outlets; the most widely "
                       f"carried, by {m.reach(widest.id)}: " + _quoted([widest.text], 1) + ".")
    if no_one:
        bullets.append(f"No outlet carried {len(no_one)} of them: " + _quoted([x.text for x in no_one], len(no_one))
                       + ".")
    shared = [k for k in m.clusters if len(k.outlets) > 1]
    if shared:
        parts = [f"{in_quotes(trim(k.text, QUOTED))} ({_who([names[n] for n in k.outlets])})" for k in shared[:SHOWN]]
        more = f"; and {len(shared) - SHOWN} more" if len(shared) > SHOWN else ""
        bullets.append(f"{_n(len(shared), 'addition')} not in the source {'appears' if len(shared) == 1 else 'appear'}"
                       f" in several outlets, a sign of a common second source: " + "; ".join(parts) + more + ".")
    changed = [n for n in range(n_out) if m.totals[n].flagged]
    if changed:
        count = sum(m.changed(x.id) > 0 for x in m.claims)
        bullets.append(f"{_who([names[n] for n in changed])} changed what the source says "
                       f"({_n(count, 'claim')} with a conflict, an altered quotation or a meaning shift; "
                       "marked ! in the matrix).")
    if n_out > 1:
        by = sorted(range(n_out), key=lambda n: (m.outlets[n].coverage, n))
        low, high = by[0], by[-1]
        bullets.append(f"Coverage of the source's words ranges from {m.outlets[low].coverage:.0%} ({names[low]}) "
                       f"to {m.outlets[high].coverage:.0%} ({names[high]}).")
    return bullets[:5]


def outlet_lines(m: Matrix, n: int) -> tuple[str, list[str], list[str]]:
    """(figures line, flagged claims, additions) of outlet ``n``'s section."""
    col, cells = m.outlets[n], m.column(n)
    names = words.labels(m)
    count = m.totals[n]
    gone = [x for x, c in zip(m.claims, cells) if c.mark is Mark.LEFT_OUT]
    figures = (f"{col.words} words; {col.reuse:.0%} of them from the source (reuse), and {col.coverage:.0%} of the "
               f"source's words carried (coverage). Carries {count.carried} of {len(m.claims)} source claims: "
               f"{count.verbatim} verbatim, {count.reworded} reworded, {count.flagged} changed")
    figures += (f"; leaves out {', '.join(f'S{x.sentence + 1}' for x in gone)}." if gone else "; leaves out none.")
    flagged = [f"S{x.sentence + 1}: {c.variant or ', '.join(c.flags)}"
               for x, c in zip(m.claims, cells) if c.mark is Mark.FLAGGED]
    added = []
    for k in m.clusters:
        if n in k.outlets:
            others = [names[o] for o in k.outlets if o != n]
            mine = next(mb.addition for mb in k.members if mb.outlet == n)
            added.append(in_quotes(trim(mine.text, CLAIM_CHARS)) + (f" (also {_who(others)})" if others else ""))
    return figures, flagged, added


# --- the document ------------------------------------------------------------------


def _usable_mm(section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / 36000  # EMU per mm


def _matrix_table(document, m: Matrix, outlets: Sequence[int], heads: Sequence[str], width_mm: float) -> None:
    """Source claims, then the additions several outlets share, one column per outlet in ``outlets``."""
    column = _column_mm(heads[n] for n in outlets)
    widths = (ID_MM, width_mm - ID_MM - column * len(outlets), *([column] * len(outlets)))
    table = wd.table(document, ("", "Source claim", *(heads[n] for n in outlets)), widths)
    for x, row in zip(m.claims, m.cells):
        cells = wd.row(table, widths)
        wd.run(cells[0].paragraphs[0], f"S{x.sentence + 1}", size=8, color=GREY)
        wd.run(cells[1].paragraphs[0], trim(x.text, CLAIM_CHARS), size=8.5)
        for cell, n in zip(cells[2:], outlets):
            _mark_cell(cell, row[n])
    for k in m.clusters:
        if len(k.outlets) < 2:
            continue
        cells = wd.row(table, widths)
        wd.run(cells[0].paragraphs[0], f"A{k.id + 1}", size=8, color=GREY)
        wd.run(cells[1].paragraphs[0], trim(k.text, CLAIM_CHARS), size=8.5, italic=True)
        for cell, n in zip(cells[2:], outlets):
            if n in k.outlets:
                _centred(cell, words.ADDED)
                wd.shade(cell, KINDS[Kind.OUTLET_ONLY].fill)


def _column_mm(heads) -> float:
    """Wide enough for the longest head on one line (9.5 pt bold, about 2.1 mm a letter), within bounds:
    a 16-character label then takes two lines, not one a word."""
    longest = max((len(head) for head in heads), default=1)
    return min(MAX_COLUMN_MM, max(MIN_COLUMN_MM, 2.1 * longest + 4))


def _centred(cell, mark: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    wd.run(p, mark, bold=True, size=10, color=GREY if mark == Mark.LEFT_OUT else None)


def _mark_cell(cell, c: Cell) -> None:
    _centred(cell, c.mark.value)
    if words.MARKS[c.mark].fill:
        wd.shade(cell, words.MARKS[c.mark].fill)


def _legend(document) -> None:
    wd.note(document, "Legend: " + words.legend() + ". S = source sentence; A = an addition several outlets share "
                      "(not in the source).", size=8.5)


def _matrix(document, m: Matrix) -> None:
    """In the body when it fits the portrait page; else the body points to the landscape annex."""
    document.add_heading("Coverage matrix", level=1)
    if len(m.outlets) > PORTRAIT_OUTLETS:
        wd.note(document, f"With {len(m.outlets)} outlets the matrix is in the annex, on landscape pages.")
        return
    _legend(document)
    _matrix_table(document, m, range(len(m.outlets)), words.labels(m), _usable_mm(document.sections[-1]))


def _annex(document, m: Matrix) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading("Annex: coverage matrix", level=1)
    _legend(document)
    names = words.labels(m)
    key = "; ".join(f"{n + 1} = {name}" for n, name in enumerate(names))
    wd.note(document, "Columns: " + key + ".", size=8.5)
    heads = [str(n + 1) for n in range(len(m.outlets))]
    for start in range(0, len(m.outlets), PER_TABLE):
        outlets = range(start, min(start + PER_TABLE, len(m.outlets)))
        if start:
            document.add_paragraph()
        _matrix_table(document, m, outlets, heads, _usable_mm(section))


def _outlets(document, m: Matrix) -> None:
    document.add_heading("Outlet by outlet", level=1)
    names = words.labels(m)
    for n, col in enumerate(m.outlets):
        figures, flagged, added = outlet_lines(m, n)
        document.add_heading(names[n], level=2)
        wd.run(document.add_paragraph(), f"{_file(col)}. {figures}", size=9.5)
        for line in flagged:
            p = wd.bullet(document, after=1)
            wd.run(p, "Changed: ", bold=True, size=9.5)
            wd.run(p, line, size=9.5)
        for line in added[:SHOWN]:
            p = wd.bullet(document, after=1)
            wd.run(p, "Adds: ", bold=True, size=9.5)
            wd.run(p, line, size=9.5)
        if len(added) > SHOWN:
            wd.note(document, f"{len(added) - SHOWN} more additions: see the JSON of batch --matrix.")
    for f in m.failed:
        p = wd.bullet(document, after=1)
        wd.run(p, f"Not compared: {words.file_name(f.name)}: {f.error}", size=9.5, color="C00000")


def _file(col: Column) -> str:
    return f"File {words.file_name(col.name)}" + (f", headline “{trim(col.title, 80)}”" if col.title else "")


def render(m: Matrix, *, title: str | None = None, author: str | None = None, classification: str | None = None,
           paper: str = "a4", created: datetime | None = None, source_label: str | None = None) -> bytes:
    """The memo .docx as bytes."""
    from docx.shared import Pt

    document = new_document(paper)
    document.styles["Normal"].font.size = Pt(10)
    title = title or headline_of(m.source)
    source = label(m.source, source_label)
    wd.header_footer(document, classification)
    heading = document.add_paragraph(style="Title")
    heading.add_run(xml_safe(title)).font.size = Pt(20)
    document.add_paragraph(style="Subtitle").add_run(xml_safe(f"How {_n(len(m.outlets), 'outlet')} reported {source}"))
    if author:
        meta = document.add_paragraph()
        wd.run(meta, "Prepared by: ", bold=True)
        wd.run(meta, author)
    document.add_heading("Bottom line", level=1)
    for text in bottom_line(m):
        wd.bullet(document).add_run(xml_safe(text))
    _matrix(document, m)
    _outlets(document, m)
    if len(m.outlets) > PORTRAIT_OUTLETS:
        _annex(document, m)
    set_properties(
        document, title=title, author=author or "natodiff", when=created,
        subject=f"Coverage of {source} by {_n(len(m.outlets), 'outlet')}",
        keywords="natodiff; memo; coverage", comments="Generated by natodiff memo.", classification=classification,
    )
    return to_bytes(document)
