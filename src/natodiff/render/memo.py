"""The briefing memo: a Word document that says what the outlet did with its source.

Sections (Word heading styles, so the navigation pane lists them):
title block, Bottom line up front, Combined key facts, What the outlet
added, What the outlet left out, Quotations check, Appendix: full alignment.

Everything comes from the Comparison (nothing is re-aligned or re-counted
here). Facts and quotations may be empty (``--no-facts``, or the layer is
missing): their sections then say so, and every figure still appears in the
added/left-out lists and the appendix. Boilerplate (captions, "READ MORE"
links, date stamps) is left out of every section. The renderer is pure: no
clock; the CLI passes ``created`` for the document properties.

Only this module and render.redline import python-docx.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from natodiff.model import Alignment, Comparison, DiffOp, Fact, FactStatus, FactType, Kind, Op, Quote, Verdict
from natodiff.render import in_quotes, negation_flag, similarity
from natodiff.render.redline import add_field, new_document, set_properties, to_bytes, xml_safe

RED = "C00000"
BLUE = "1F4EB4"
GREY = "707070"
HEADER_FILL = "1F3864"
SHADES = {  # appendix rows, by kind
    Kind.SHARED: "DDEBF7",
    Kind.REWORDED: "FFF2CC",
    Kind.OUTLET_ONLY: "E2EFDA",
    Kind.SOURCE_ONLY: "FBE2E2",
}
REPEAT_SHADE = "EDEDED"
STATUS_ORDER = {FactStatus.CONFIRMED: 0, FactStatus.CONFLICT: 1, FactStatus.SOURCE_ONLY: 2, FactStatus.OUTLET_ONLY: 3}
TYPE_ORDER = {FactType.MONEY: 0, FactType.PERCENT: 1, FactType.COUNT: 2, FactType.DATE: 3, FactType.ENTITY: 4}
STATUS_LABELS = {
    FactStatus.CONFIRMED: "Confirmed",
    FactStatus.CONFLICT: "CONFLICT",
    FactStatus.SOURCE_ONLY: "Source only",
    FactStatus.OUTLET_ONLY: "Outlet only",
}
STATUS_FILLS = {FactStatus.CONFIRMED: "E2EFDA", FactStatus.CONFLICT: "F8CBAD"}
VERDICT_LABELS = {
    Verdict.FAITHFUL: "Faithful",
    Verdict.ALTERED: "ALTERED",
    Verdict.UNSOURCED: "UNSOURCED",
    Verdict.MISATTRIBUTED: "MISATTRIBUTED",
    Verdict.STATEMENT_TEXT: "The statement's own words",
}
VERDICT_FILLS = {Verdict.FAITHFUL: "E2EFDA", Verdict.ALTERED: "F8CBAD", Verdict.UNSOURCED: "F8CBAD",
                 Verdict.MISATTRIBUTED: "FFF2CC", Verdict.STATEMENT_TEXT: "E2EFDA"}
KIND_LABELS = {
    Kind.SHARED: "shared",
    Kind.REWORDED: "reworded",
    Kind.OUTLET_ONLY: "outlet only",
    Kind.SOURCE_ONLY: "left out",
    Kind.BOILERPLATE: "boilerplate",
}
FIGURES = (FactType.MONEY, FactType.PERCENT, FactType.COUNT)
FRAGMENT_WORDS = 6  # shortest added/dropped wording inside a carried sentence worth listing
SNIPPET = 150  # characters of a sentence shown beside a fact


# --- what to say (pure; no docx) ---------------------------------------------------


def headline(c: Comparison) -> str:
    """The source's headline: its first heading before the body, else its first sentence."""
    for s in c.source.sentences[:4]:
        if s.heading and not s.boilerplate and len(s.text.split()) >= 3:
            return s.text
    content = [s for s in c.source.sentences if not s.boilerplate]
    if content:
        return trim(content[0].text, 120)
    return f"Coverage of {c.source.name}"


def source_date(c: Comparison) -> str | None:
    """The event's date if the facts give a full date stated by the source."""
    for f in c.facts:
        if f.type is FactType.DATE and f.source_says and isinstance(f.value, str):
            try:
                day = date.fromisoformat(f.value)
            except ValueError:
                continue
            return f"{day.day} {day.strftime('%B')} {day.year}"
    return None


def trim(text: str, n: int) -> str:
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(",;:– ") + "…"


def snippet(sentence: str, needle: str | None, width: int = SNIPPET) -> str:
    """The part of a sentence around ``needle`` (a fact's wording), with ellipses."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    at = sentence.lower().find(needle.lower()) if needle else -1
    if at < 0:
        return trim(sentence, width)
    start = max(0, at - (width - len(needle)) // 2)
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    piece = trim(sentence[start:], width)
    return ("…" if start else "") + piece


def content_items(c: Comparison) -> list[Alignment]:
    """Every item but boilerplate, in the outlet's order."""
    return [a for a in c.alignments if a.kind is not Kind.BOILERPLATE]


def added(c: Comparison) -> list[Alignment]:
    return [a for a in c.alignments if a.kind is Kind.OUTLET_ONLY and a.repeat_of is None and a.outlet]


def left_out(c: Comparison) -> list[Alignment]:
    return [a for a in c.alignments if a.kind is Kind.SOURCE_ONLY and a.repeat_of is None and a.source]


def fragments(c: Comparison, side: str) -> list[tuple[Alignment, str]]:
    """Wording of at least FRAGMENT_WORDS words added to (or dropped from) carried sentences."""
    out = []
    for a in c.alignments:
        if not (a.source and a.outlet):
            continue
        for op in a.diff:
            text = op.outlet if side == "outlet" else op.source
            wanted = (Op.INSERT, Op.REPLACE) if side == "outlet" else (Op.DELETE, Op.REPLACE)
            if op.op in wanted and len(text.split()) >= FRAGMENT_WORDS:
                out.append((a, " ".join(text.split()).strip(" “”\"")))
    return out


def words(items: Sequence[Alignment], side: str) -> int:
    return sum(len(s.text.split()) for a in items for s in (a.outlet if side == "outlet" else a.source))


def ordered_facts(facts: Sequence[Fact]) -> list[Fact]:
    """Deduplicated; confirmed first, then conflicts, then one-sided; figures before names."""
    seen = set()
    unique = []
    for f in facts:
        key = (f.type, f.text.casefold(), f.status, f.source_says, f.outlet_says)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return sorted(unique, key=lambda f: (STATUS_ORDER[f.status], TYPE_ORDER.get(f.type, 9)))


def _listing(names: Sequence[str]) -> str:
    names = [n for n in dict.fromkeys(names)]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _highlights(facts: Sequence[Fact], status: FactStatus, side: str, n: int = 4) -> list[str]:
    chosen = [f for f in facts if f.status is status]
    chosen.sort(key=lambda f: TYPE_ORDER.get(f.type, 9))
    out = []
    for f in chosen:
        said = (f.outlet_says if side == "outlet" else f.source_says) or f.text
        if said not in out:
            out.append(said)
        if len(out) == n:
            break
    return out


def _source_sentences(c: Comparison, kind: Kind) -> int:
    return sum(len(a.source) for a in c.alignments if a.kind is kind and a.repeat_of is None)


def bottom_line(c: Comparison) -> list[str]:
    """Three to five sentences for the top of the memo."""
    s = c.summary
    # Counted in source sentences: an outlet sentence may carry several.
    shared = _source_sentences(c, Kind.SHARED)
    reworded = _source_sentences(c, Kind.REWORDED)
    out = left_out(c)
    total_source = shared + reworded + sum(len(a.source) for a in out)
    bullets = [
        f"{s.reuse:.0%} of the outlet's words come from the source (reuse), and the outlet carries "
        f"{s.coverage:.0%} of the source's words (coverage): {shared + reworded} of {total_source} source "
        f"sentences appear in the outlet, {shared} of them verbatim and {reworded} reworded."
    ]
    facts = ordered_facts(c.facts)
    add = added(c)
    if add:
        # Only the figures the added sentences bring, not any outlet-only fact.
        said = {x.text for a in add for x in a.outlet}
        figures = _highlights([f for f in facts if f.outlet in said], FactStatus.OUTLET_ONLY, "outlet")
        text = (f"The outlet adds {len(add)} sentence{'s' if len(add) != 1 else ''} "
                f"({words(add, 'outlet')} words) that the source does not contain")
        if figures:
            text += f", bringing in {_listing(figures)}"
        else:
            text += f", e.g. {in_quotes(trim(add[0].outlet[0].text, 110))}"
        bullets.append(_end(text))
    if out:
        said = {x.text for a in out for x in a.source}
        figures = _highlights([f for f in facts if f.source in said], FactStatus.SOURCE_ONLY, "source")
        text = (f"It leaves out {len(out)} source sentence{'s' if len(out) != 1 else ''} "
                f"({words(out, 'source')} words)")
        if figures:
            text += f", among them {_listing(figures)}"
        else:
            text += f", e.g. {in_quotes(trim(out[0].source[0].text, 110))}"
        bullets.append(_end(text))
    conflicts = [f for f in facts if f.status is FactStatus.CONFLICT]
    if conflicts:
        parts = [f"{f.text} (source: {f.source_says or '—'}; outlet: {f.outlet_says or '—'})" for f in conflicts[:3]]
        bullets.append(f"The two texts disagree on {len(conflicts)} fact{'s' if len(conflicts) != 1 else ''}: "
                       + "; ".join(parts) + ".")
    quotes = unique_quotes(c.quotes)
    if quotes:
        bad = [q for q in quotes if q.verdict not in (Verdict.FAITHFUL, Verdict.STATEMENT_TEXT)]
        if bad:
            kinds = {}
            for q in bad:
                kinds[VERDICT_LABELS[q.verdict].lower()] = kinds.get(VERDICT_LABELS[q.verdict].lower(), 0) + 1
            detail = ", ".join(f"{n} {label}" for label, n in kinds.items())
            first = bad[0]
            bullets.append(_end(f"{len(bad)} of {len(quotes)} quotations in the outlet do not match the source "
                                f"({detail}), e.g. {in_quotes(trim(first.text, 90))}"))
        else:
            bullets.append(f"All {len(quotes)} quotations in the outlet match the source word for word.")
    shifted = [(a, sh) for a in c.alignments for sh in a.shifts]
    if shifted:
        from natodiff.render.shifts import counts, line

        bullets.append(_end(f"{len(shifted)} meaning shift{'s' * (len(shifted) != 1)} inside reworded "
                            f"sentences ({counts(c)}), e.g. {line(shifted[0][1])}"))
    lead = s.lead
    if len(bullets) < 5 and lead.outlet_leads_with is not None and not lead.same:
        bullets.append(f"The outlet opens with the source's sentence S{lead.outlet_leads_with.index + 1} "
                       f"({in_quotes(trim(lead.outlet_leads_with.text, 80))}), not with the source's own lead.")
    if len(bullets) < 3 and s.moved:
        bullets.append(f"{s.moved} passage{'s are' if s.moved != 1 else ' is'} told in a different order.")
    if len(bullets) < 3:
        bullets.append(f"Longest verbatim run: {s.longest_shared.words} words.")
    return bullets[:5]


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _end(text: str) -> str:
    """A full stop, unless a quotation that ends the sentence already has one."""
    return text if text.rstrip("”\"’").endswith((".", "!", "?", "…")) else text + "."


def unique_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    seen = set()
    out = []
    for q in quotes:
        key = (" ".join(q.text.split()).casefold(), q.verdict)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def sentence_id(c: Comparison, text: str | None, side: str) -> str:
    if not text:
        return ""
    doc = c.outlet if side == "outlet" else c.source
    folded = " ".join(text.split())
    for s in doc.sentences:
        if s.text == folded or s.text == text:
            return f"{'O' if side == 'outlet' else 'S'}{s.index + 1}"
    return ""


# --- docx helpers ------------------------------------------------------------------


def _shade(cell, fill: str) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _run(paragraph, text: str, *, bold=False, italic=False, size=None, color=None, strike=False, underline=False):
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


def _table(document, headers: Sequence[str], widths_mm: Sequence[float]):
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for cell, title, width in zip(table.rows[0].cells, headers, widths_mm):
        cell.width = Mm(width)
        p = cell.paragraphs[0]
        _run(p, title, bold=True, color="FFFFFF", size=9.5)
        _shade(cell, HEADER_FILL)
    _repeat_header(table.rows[0])
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
    return table


def _row(table, widths_mm: Sequence[float]):
    from docx.oxml.parser import OxmlElement
    from docx.shared import Mm

    row = table.add_row()
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row stays on one page
    cells = row.cells
    for cell, width in zip(cells, widths_mm):
        cell.width = Mm(width)
    return cells


def _diff_runs(paragraph, ops: Sequence[DiffOp], side: str | None, size: float = 9.5) -> None:
    """Equal words plain; source words struck red, outlet words underlined blue.

    ``side`` "source"/"outlet" shows that side's text only, with its own
    changed words marked; None shows both in one line.
    """
    for op in ops:
        if op.op is Op.EQUAL:
            _run(paragraph, op.outlet if side != "source" else op.source, size=size)
            continue
        if side in (None, "source") and op.source:
            shown = op.source
            if side is None and op.outlet and not shown[-1:].isspace():
                shown += " "  # both sides in one line: keep them apart
            _run(paragraph, shown, size=size, strike=True, color=RED)
        if side in (None, "outlet") and op.outlet:
            _run(paragraph, op.outlet, size=size, underline=True, color=BLUE)


def _styled_paragraph(container, text: str = "", style: str | None = None):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        p.add_run(xml_safe(text))
    return p


# --- sections ----------------------------------------------------------------------


def _header_footer(document, classification: str | None) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if classification:
        _run(header, classification, bold=True, size=10)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if classification:
        _run(footer, classification, bold=True, size=10)
        footer = section.footer.add_paragraph()
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, "Page ", size=9, color=GREY)
    add_field(footer, "PAGE")
    _run(footer, " of ", size=9, color=GREY)
    add_field(footer, "NUMPAGES")


def _title_block(document, c: Comparison, title: str, author: str | None) -> None:
    from docx.shared import Pt

    heading = document.add_paragraph(style="Title")
    heading.add_run(xml_safe(title)).font.size = Pt(22)
    sub = document.add_paragraph(style="Subtitle")
    sub.add_run(xml_safe(f"How {c.outlet.name} reported {c.source.name}"))
    meta = document.add_paragraph()
    when = source_date(c)
    if when:
        _run(meta, "Date of the source: ", bold=True)
        _run(meta, when)
    if author:
        if when:
            meta.add_run().add_break()
        _run(meta, "Prepared by: ", bold=True)
        _run(meta, author)
    if not meta.runs:
        meta._p.getparent().remove(meta._p)
    widths = (30, 90, 22, 24)
    table = _table(document, ("Role", "Document", "Words", "Sentences"), widths)
    for role, doc in (("Source", c.source), ("Outlet", c.outlet)):
        cells = _row(table, widths)
        for cell, text in zip(cells, (role, doc.name, str(doc.words), str(len(doc.sentences)))):
            _run(cell.paragraphs[0], text, size=10, bold=cell is cells[0])


def _bluf(document, c: Comparison) -> None:
    document.add_heading("Bottom line up front", level=1)
    for text in bottom_line(c):
        document.add_paragraph(xml_safe(text), style="List Bullet")


def _facts(document, c: Comparison) -> None:
    document.add_heading("Combined key facts", level=1)
    facts = ordered_facts(c.facts)
    if not facts:
        note = ("Facts were not extracted for this memo (run without --no-facts); "
                if not c.options.facts else "No facts (figures, dates, names) were found in either text; ")
        _styled_paragraph(document).add_run(note + "the figures appear in the lists below and in the appendix.").italic = True
        return
    p = document.add_paragraph()
    counts = {status: sum(1 for f in facts if f.status is status) for status in STATUS_ORDER}
    _run(p, f"{len(facts)} facts from both texts: {counts[FactStatus.CONFIRMED]} confirmed, "
            f"{counts[FactStatus.CONFLICT]} in conflict, {counts[FactStatus.SOURCE_ONLY]} only in the source, "
            f"{counts[FactStatus.OUTLET_ONLY]} only in the outlet. Under each wording: the sentence it comes from.",
         size=9.5, italic=True, color=GREY)
    widths = (32, 52, 52, 30)
    table = _table(document, ("Fact", "Source says", "Outlet says", "Status"), widths)
    for f in facts:
        cells = _row(table, widths)
        _run(cells[0].paragraphs[0], f.text, bold=True, size=9.5)
        _run(cells[0].add_paragraph(), f.type.value, size=8, color=GREY)
        for cell, says, sentence, side in ((cells[1], f.source_says, f.source, "source"),
                                           (cells[2], f.outlet_says, f.outlet, "outlet")):
            p = cell.paragraphs[0]
            if not says and not sentence:
                _run(p, "—", size=9.5, color=GREY)
                continue
            _run(p, says or "—", bold=True, size=9.5)
            if sentence:
                ref = sentence_id(c, sentence, side)
                q = cell.add_paragraph()
                _run(q, snippet(sentence, says) + (f" ({ref})" if ref else ""), size=8, italic=True, color=GREY)
        _run(cells[3].paragraphs[0], STATUS_LABELS[f.status], bold=f.status is FactStatus.CONFLICT, size=9.5)
        if f.status in STATUS_FILLS:
            _shade(cells[3], STATUS_FILLS[f.status])


def _sentence_list(document, items: Sequence[Alignment], side: str, empty: str) -> None:
    if not items:
        _styled_paragraph(document).add_run(empty).italic = True
        return
    for a in items:
        sentences = a.outlet if side == "outlet" else a.source
        p = document.add_paragraph(style="List Bullet")
        _run(p, " ".join(s.text for s in sentences))
        prefix = "O" if side == "outlet" else "S"
        _run(p, "  (" + ", ".join(f"{prefix}{s.index + 1}" for s in sentences) + ")", size=8.5, color=GREY)


def _fragment_list(document, c: Comparison, side: str, heading: str) -> None:
    found = fragments(c, side)
    if not found:
        return
    document.add_heading(heading, level=2)
    for a, text in found:
        p = document.add_paragraph(style="List Bullet")
        _run(p, "… " + text + " …", underline=side == "outlet", strike=False)
        ids = ", ".join(f"O{s.index + 1}" for s in a.outlet) + " ← " + ", ".join(f"S{s.index + 1}" for s in a.source)
        _run(p, f"  ({ids})", size=8.5, color=GREY)


def _added_and_left_out(document, c: Comparison) -> None:
    add = added(c)
    document.add_heading("What the outlet added", level=1)
    p = document.add_paragraph()
    _run(p, f"{_n(len(add), 'sentence')} ({words(add, 'outlet')} words) of the outlet "
            f"{'has' if len(add) == 1 else 'have'} no counterpart in the source "
            "(page furniture such as captions and related-article links left out).", size=9.5, italic=True, color=GREY)
    _sentence_list(document, add, "outlet", "The outlet adds no sentence of its own.")
    _fragment_list(document, c, "outlet", "Wording added to sentences taken from the source")

    out = left_out(c)
    document.add_heading("What the outlet left out", level=1)
    p = document.add_paragraph()
    _run(p, f"{_n(len(out), 'sentence')} ({words(out, 'source')} words) of the source "
            f"{'does' if len(out) == 1 else 'do'} not appear in the outlet "
            "(date stamps and other furniture left out).", size=9.5, italic=True, color=GREY)
    _sentence_list(document, out, "source", "The outlet leaves out no sentence of the source.")
    _fragment_list(document, c, "source", "Wording dropped from sentences the outlet kept")


def _quotes(document, c: Comparison) -> None:
    document.add_heading("Quotations check", level=1)
    quotes = unique_quotes(c.quotes)
    if not quotes:
        note = ("Quotations were not checked for this memo (run without --no-facts)."
                if not c.options.facts else "The outlet quotes no one, or the quotations layer found none.")
        _styled_paragraph(document).add_run(note).italic = True
        return
    p = document.add_paragraph()
    _run(p, "Each quotation in the outlet against the source. In altered ones, struck red words are the source's, "
            "underlined blue words the outlet's.", size=9.5, italic=True, color=GREY)
    widths = (58, 24, 30, 54)
    table = _table(document, ("Outlet quotation", "Speaker", "Verdict", "Source wording"), widths)
    for q in quotes:
        cells = _row(table, widths)
        para = cells[0].paragraphs[0]
        if q.verdict is Verdict.ALTERED and q.diff:
            _run(para, "“", size=9.5)
            _diff_runs(para, q.diff, None)
            _run(para, "”", size=9.5)
        else:
            _run(para, f"“{q.text}”", size=9.5)
        if q.outlet_sentence is not None:
            _run(cells[0].add_paragraph(), f"O{q.outlet_sentence + 1}", size=8, color=GREY)
        _run(cells[1].paragraphs[0], q.speaker or "—", size=9.5)
        _run(cells[2].paragraphs[0], VERDICT_LABELS[q.verdict], size=9.5,
             bold=q.verdict in (Verdict.ALTERED, Verdict.UNSOURCED))
        _shade(cells[2], VERDICT_FILLS[q.verdict])
        if q.source_text:
            _run(cells[3].paragraphs[0], trim(q.source_text, 400), size=9.5)
        else:
            _run(cells[3].paragraphs[0], "— not in the source", size=9.5, color=GREY)


def _appendix(document, c: Comparison) -> None:
    document.add_page_break()
    document.add_heading("Appendix: full alignment", level=1)
    p = document.add_paragraph()
    items = content_items(c)
    furniture = len(c.alignments) - len(items)
    _run(p, "Every sentence of both texts in the outlet's order. Rows: blue = shared, yellow = reworded "
            "(struck red = source words dropped or changed, underlined blue = the outlet's words), "
            "green = outlet only, red = left out, grey = a repeat. "
            f"{_n(furniture, 'boilerplate item')} (captions, related links, date stamps) "
            f"{'is' if furniture == 1 else 'are'} not shown. "
            "S = source sentence, O = outlet sentence.", size=9, italic=True, color=GREY)
    widths = (83, 83)
    table = _table(document, ("Source", "Outlet"), widths)
    for a in items:
        cells = _row(table, widths)
        label = KIND_LABELS[a.kind]
        if a.similarity is not None:
            label += f" {similarity(a.similarity)}"
        if negation_flag(a):
            label += f" · {negation_flag(a)}"
        if a.moved:
            label += " · moved"
        if a.repeat_of is not None:
            label += f" · repeats row #{a.repeat_of}"
        for cell, sentences, side in ((cells[0], a.source, "source"), (cells[1], a.outlet, "outlet")):
            tag = cell.paragraphs[0]
            prefix = "S" if side == "source" else "O"
            ids = ", ".join(f"{prefix}{s.index + 1}" for s in sentences)
            _run(tag, f"#{a.id} · {ids + ' · ' if ids else ''}{label}", size=7.5, color=GREY)
            body = cell.add_paragraph()
            if not sentences:
                _run(body, "—", size=9.5, color=GREY)
            elif a.diff and a.source and a.outlet:
                _diff_runs(body, a.diff, side)
            else:
                _run(body, " ".join(s.text for s in sentences), size=9.5)
        fill = REPEAT_SHADE if a.repeat_of is not None else SHADES.get(a.kind)
        if fill:
            for cell in cells:
                _shade(cell, fill)


def render(
    c: Comparison,
    *,
    title: str | None = None,
    author: str | None = None,
    classification: str | None = None,
    paper: str = "a4",
    created: datetime | None = None,
) -> bytes:
    """The memo .docx as bytes."""
    from docx.shared import Pt

    document = new_document(paper)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    title = title or headline(c)
    _header_footer(document, classification)
    _title_block(document, c, title, author)
    _bluf(document, c)
    _facts(document, c)
    _added_and_left_out(document, c)
    _quotes(document, c)
    _appendix(document, c)
    subject = f"Comparison of {c.outlet.name} with its source {c.source.name}"
    set_properties(
        document,
        title=title,
        author=author or "natodiff",
        subject=subject,
        when=created,
        keywords="natodiff; memo" + (f"; {classification}" if classification else ""),
        comments=(f"{classification}. " if classification else "") + "Generated by natodiff memo.",
    )
    if classification:
        document.core_properties.category = xml_safe(classification)[:255]
    return to_bytes(document)


__all__ = ["render", "bottom_line", "headline", "source_date", "ordered_facts"]
