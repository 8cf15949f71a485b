"""Word building blocks of the memo: runs, shaded tables, diffs marked up.

Text goes through ``xml_safe`` on its way in, so a control character in an
article never reaches the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from natodiff.model import DiffOp, Op
from natodiff.render.word import add_field, xml_safe

RED = "C00000"
BLUE = "1F4EB4"
GREY = "707070"
HEADER_FILL = "1F3864"


def shade(cell, fill: str) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_header(row) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def run(paragraph, text: str, *, bold=False, italic=False, size=None, color=None, strike=False, underline=False):
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(xml_safe(text))
    font = run.font
    if bold:
        font.bold = True
    if italic:
        font.italic = True
    if size:
        font.size = Pt(size)
    if color:
        font.color.rgb = RGBColor.from_string(color)
    if strike:
        font.strike = True
    if underline:
        font.underline = True
    return run


def table(document, headers: Sequence[str], widths_mm: Sequence[float]):
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for cell, title, width in zip(table.rows[0].cells, headers, widths_mm):
        cell.width = Mm(width)
        run(cell.paragraphs[0], title, bold=True, color="FFFFFF", size=9.5)
        shade(cell, HEADER_FILL)
    repeat_header(table.rows[0])
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    return table


def row(table, widths_mm: Sequence[float]):
    from docx.oxml.parser import OxmlElement
    from docx.shared import Mm

    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
    cells = row.cells
    for cell, width in zip(cells, widths_mm):
        cell.width = Mm(width)
    return cells


def diff_runs(paragraph, ops: Sequence[DiffOp], side: str | None, size: float = 9.5) -> None:
    """Equal words plain; source words struck red, outlet words underlined blue.

    ``side`` "source"/"outlet" shows that side's text only, with its own
    changed words marked; None shows both in one line.
    """
    for op in ops:
        if op.op is Op.EQUAL:
            run(paragraph, op.outlet if side != "source" else op.source, size=size)
            continue
        if side in (None, "source") and op.source:
            shown = op.source
            if side is None and op.outlet and not shown[-1:].isspace():
                shown += " "  # both sides in one line: keep them apart
            run(paragraph, shown, size=size, strike=True, color=RED)
        if side in (None, "outlet") and op.outlet:
            run(paragraph, op.outlet, size=size, underline=True, color=BLUE)


def note(document, text: str, size: float = 9) -> None:
    run(document.add_paragraph(), text, size=size, italic=True, color=GREY)


def bullet(document, after: float = 2):
    from docx.shared import Pt

    p = document.add_paragraph(style="List Bullet")
    p.paragraph_format.space_after = Pt(after)
    return p


def header_footer(document, classification: str | None) -> None:
    """The marking (if any) in header and footer, and "Page N of M" in the footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if classification:
        run(header, classification, bold=True, size=10)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if classification:
        run(footer, classification, bold=True, size=10)
        footer = section.footer.add_paragraph()
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run(footer, "Page ", size=9, color=GREY)
    add_field(footer, "PAGE")
    run(footer, " of ", size=9, color=GREY)
    add_field(footer, "NUMPAGES")
