"""The briefing memo: a Word document an analyst can send on.

Page 1: title, "How OUTLET reported SOURCE", the date, the bottom line and
what differs. Page 2: the combined facts (Comparison.claims) grouped by
provenance. Annex: the figures and names that are one-sided or in conflict,
the quotations check, the full alignment. Word heading styles throughout, so
the navigation pane shows the outline.

Everything comes from the Comparison: nothing is re-aligned or re-counted,
and sentence ids come from the indices on the model, never from a search of
the text. A document is named by a label, never by a path. The renderer is
pure: no clock; the CLI passes ``created`` for the document properties.

Only this module, render.docx_parts, render.word and render.redline import python-docx.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from natodiff.claims import is_figure
from natodiff.coverage import title_of
from natodiff.model import (
    Alignment, Claim, Comparison, Document, Fact, FactStatus, FactType, Kind, Provenance, Quote, ShiftType, Verdict,
)
from natodiff.render import in_quotes, negation_flag, similarity
from natodiff.render import docx_parts as wd
from natodiff.render.combined import shorten as trim
from natodiff.render.docx_parts import BLUE, GREY
from natodiff.render.docx_parts import bullet as _bullet
from natodiff.render.docx_parts import header_footer as _header_footer
from natodiff.render.docx_parts import note as _note
from natodiff.render.shifts import line as shift_line
from natodiff.render.vocabulary import KINDS, STATUSES, VERDICTS, Term, flags, heading
from natodiff.render.word import new_document, set_properties, to_bytes, xml_safe

REPEAT_SHADE = "EDEDED"
STATUS_ORDER = {FactStatus.CONFLICT: 0, FactStatus.OUTLET_ONLY: 1, FactStatus.SOURCE_ONLY: 2, FactStatus.CONFIRMED: 3}
TYPE_ORDER = {FactType.MONEY: 0, FactType.PERCENT: 1, FactType.COUNT: 2, FactType.DATE: 3, FactType.ENTITY: 4}
FAITHFUL = frozenset({"faithful", "statement_text"})  # the statement's own words, quoted as its issuer's
# What differs: how each kind of problem quotation is named on page 1.
QUOTE_PROBLEMS = {
    "altered": "Altered quotation",
    "misattributed": "Misattributed quotation",
    "unsourced": "Unsourced quotation",
}
GROUPS = (
    (Provenance.BOTH, "Reported by both"),
    (Provenance.OUTLET_ONLY, "Only in the outlet"),
    (Provenance.SOURCE_ONLY, "Only in the source"),
)
CLAIM_CHARS = 140  # a claim on page 2: about a line and a half; the annex has the whole sentence
VARIANT_CHARS = 150  # the outlet's variant beside it
QUOTE_CHARS = 110  # a quotation on page 1
LABEL_CHARS = 60  # a document's title used as its label
# Lines of What differs on page 1 (on the samples 9); problems come first, so figures are the first cut.
DIFFERS = 15
ANNEX = "Annex: "


# --- what to say (pure; no docx) ---------------------------------------------------


def label(doc: Document, given: str | None = None) -> str:
    """What the memo calls a document: ``given``, else its title, else its file name without folders."""
    if given and given.strip():
        return " ".join(given.split())
    title = title_of(doc)
    if title:
        return f"“{trim(title, LABEL_CHARS)}”"
    return doc.name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or doc.name


def headline(c: Comparison) -> str:
    return headline_of(c.source)


def headline_of(source: Document) -> str:
    """The source's headline, else its first sentence."""
    title = title_of(source)
    if title:
        return title
    content = [s for s in source.sentences if not s.boilerplate]
    if content:
        return trim(content[0].text, 120)
    return f"Coverage of {label(source)}"


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


def ids(indices: Sequence[int], prefix: str) -> str:
    return ", ".join(f"{prefix}{i + 1}" for i in indices)


def refs(claim: Claim) -> str:
    """"O6, O9 ← S8"; one side alone for a one-sided claim."""
    out, src = ids(claim.outlet, "O"), ids(claim.source, "S")
    return f"{out} ← {src}" if out and src else out or src


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _end(text: str) -> str:
    """A full stop, unless a quotation that ends the sentence already has one."""
    return text if text.rstrip("”\"’").endswith((".", "!", "?", "…")) else text + "."


def _listing(names: Sequence[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def held(c: Comparison) -> dict[int, list[Fact]]:
    """Claim id -> the facts it holds, found by sentence index."""
    by_source: dict[int, list[Fact]] = {}
    by_outlet: dict[int, list[Fact]] = {}
    for f in c.facts:
        if f.source_index is not None:
            by_source.setdefault(f.source_index, []).append(f)
        elif f.outlet_index is not None:  # a fact both state is held where the source states it
            by_outlet.setdefault(f.outlet_index, []).append(f)
    return {x.id: [f for i in x.source for f in by_source.get(i, ())] + [f for j in x.outlet for f in by_outlet.get(j, ())]
            for x in c.claims}


def claim_quotes(c: Comparison) -> dict[int, list[Quote]]:
    """Claim id -> the outlet's quotations in its sentences, each once."""
    by_outlet: dict[int, list[Quote]] = {}
    for q in c.quotes:
        if q.outlet_sentence is not None:
            by_outlet.setdefault(q.outlet_sentence, []).append(q)
    return {x.id: unique_quotes([q for j in x.outlet for q in by_outlet.get(j, ())]) for x in c.claims}


def unique_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    seen = set()
    out = []
    for q in quotes:
        key = (" ".join(q.text.split()).casefold(), q.verdict)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def _words(c: Comparison, claims: Sequence[Claim], side: str) -> int:
    doc = c.outlet if side == "outlet" else c.source
    return sum(len(doc.sentences[i].text.split()) for x in claims for i in (x.outlet if side == "outlet" else x.source))


def _figures_said(c: Comparison, claims: Sequence[Claim], status: FactStatus, n: int = 4) -> list[str]:
    side = "outlet" if status is FactStatus.OUTLET_ONLY else "source"
    facts = held(c)
    found = [f for x in claims for f in facts[x.id] if f.status is status and is_figure(f)]
    found.sort(key=lambda f: TYPE_ORDER[f.type])
    return list(dict.fromkeys((f.outlet_says if side == "outlet" else f.source_says) or f.text for f in found))[:n]


def bottom_line(c: Comparison) -> list[str]:
    """Three to five sentences for the top of the memo."""
    s = c.summary
    both = [x for x in c.claims if x.provenance is Provenance.BOTH]
    added = [x for x in c.claims if x.provenance is Provenance.OUTLET_ONLY]
    dropped = [x for x in c.claims if x.provenance is Provenance.SOURCE_ONLY]
    # Counted in source sentences: an outlet sentence may carry several.
    kept = sum(len(x.source) for x in both)
    verbatim = sum(len(a.source) for a in c.alignments if a.kind is Kind.SHARED and a.repeat_of is None)
    bullets = [
        f"{s.reuse:.0%} of the outlet's words come from the source (reuse), and the outlet carries "
        f"{s.coverage:.0%} of the source's words (coverage): {kept} of {kept + sum(len(x.source) for x in dropped)} "
        f"source sentences appear in the outlet, {verbatim} of them verbatim and {kept - verbatim} reworded."
    ]
    if added:
        text = f"The outlet adds {_n(len(added), 'sentence')} ({_words(c, added, 'outlet')} words) not in the source"
        figures = _figures_said(c, added, FactStatus.OUTLET_ONLY)
        text += f", bringing in {_listing(figures)}" if figures else f", e.g. {in_quotes(trim(added[0].text, 100))}"
        bullets.append(_end(text))
    if dropped:
        text = f"It leaves out {_n(len(dropped), 'source sentence')} ({_words(c, dropped, 'source')} words)"
        figures = _figures_said(c, dropped, FactStatus.SOURCE_ONLY)
        text += f", among them {_listing(figures)}" if figures else f", e.g. {in_quotes(trim(dropped[0].text, 100))}"
        bullets.append(_end(text))
    conflicts = [f for f in c.facts if f.status is FactStatus.CONFLICT]
    if conflicts:
        parts = [f"{f.outlet_says} for the source's {f.source_says}" for f in conflicts[:3]]
        bullets.append(f"The two texts disagree on {_n(len(conflicts), 'fact')}: " + "; ".join(parts) + ".")
    quotes = unique_quotes(c.quotes)
    bad = [q for q in quotes if q.verdict not in FAITHFUL]
    if bad:
        kinds = Counter(_problem(q.verdict).split()[0].lower() for q in bad)
        detail = ", ".join(f"{n} {kind}" for kind, n in kinds.items())
        bullets.append(f"{len(bad)} of {len(quotes)} quotations in the outlet do not match the source ({detail}).")
    elif quotes:
        bullets.append(f"All {len(quotes)} quotations in the outlet match the source word for word.")
    lead = s.lead
    if len(bullets) < 5 and lead.outlet_leads_with is not None and not lead.same:
        bullets.append(f"The outlet opens with the source's sentence S{lead.outlet_leads_with.index + 1} "
                       f"({in_quotes(trim(lead.outlet_leads_with.text, 80))}), not with the source's own lead.")
    if len(bullets) < 3 and s.moved:
        bullets.append(f"{s.moved} passage{'s are' if s.moved != 1 else ' is'} told in a different order.")
    if len(bullets) < 3:
        bullets.append(f"Longest verbatim run: {s.longest_shared.words} words.")
    return bullets[:5]


def _problem(verdict: Verdict) -> str:
    """How What differs names a quotation's problem; a verdict added later reads as its value."""
    return QUOTE_PROBLEMS.get(verdict) or verdict.value.replace("_", " ").capitalize() + " quotation"


class Line(NamedTuple):
    """One line of What differs: a bold label, what it is, the sentence ids; quotations keep their diff."""

    label: str
    text: str
    where: str
    quote: Quote | None = None


def what_differs(c: Comparison) -> list[Line]:
    """Conflicts, problem quotations, flipped negations, meaning shifts, added and omitted figures: a line each."""
    conflicts, quoted, negations, shifted, added, omitted = [], [], [], [], [], []
    facts_of, quotes_of = held(c), claim_quotes(c)
    items = {a.id: a for a in c.alignments}
    for x in c.claims:
        facts = facts_of[x.id]
        for f in facts:
            if f.status is FactStatus.CONFLICT:
                conflicts.append(Line("Conflict", f"the outlet says {f.outlet_says}, the source {f.source_says}",
                                      refs(x)))
        for q in quotes_of[x.id]:
            if q.verdict in FAITHFUL:
                continue
            where = f"O{q.outlet_sentence + 1}" if q.outlet_sentence is not None else refs(x)
            if q.verdict is Verdict.ALTERED and x.source:
                where += f" ← {ids(x.source, 'S')}"
            who = f", {q.speaker}" if q.speaker else ""
            tail = {"misattributed": f"{who}; the source says it in its own words or another's",
                    "unsourced": f"{who}; not found in the source"}.get(q.verdict, who)
            quoted.append(Line(_problem(q.verdict), tail, where, q))
        for a in (items[i] for i in x.items if i in items):
            if negation_flag(a):
                negations.append(Line(negation_flag(a).capitalize(), in_quotes(trim(x.text, 90)), refs(x)))
            shifted.extend(Line("Meaning shift", shift_line(sh), refs(x))
                           for sh in a.shifts if sh.type is not ShiftType.NEGATION)
        new = [f.outlet_says or f.text for f in facts if f.status is FactStatus.OUTLET_ONLY and is_figure(f)]
        if new:
            where = refs(x) + (f", not in the source, {x.place}" if x.place else "")
            added.append(Line("Added", ", ".join(dict.fromkeys(new)), where))
        gone = [f.source_says or f.text for f in facts if f.status is FactStatus.SOURCE_ONLY and is_figure(f)]
        if gone:
            omitted.append(Line("Left out", ", ".join(dict.fromkeys(gone)), refs(x)))
    return conflicts + quoted + negations + shifted + added + omitted


def _quoted_words(paragraph, q: Quote, size: float) -> None:
    """A quotation as the outlet prints it; altered words marked against the source's."""
    wd.run(paragraph, "“", size=size)
    if q.verdict is Verdict.ALTERED and q.diff:
        wd.diff_runs(paragraph, q.diff, None, size=size)
    else:
        wd.run(paragraph, trim(q.text, QUOTE_CHARS), size=size)
    wd.run(paragraph, "”", size=size)


# --- page 1 ------------------------------------------------------------------------


def _title_block(document, c: Comparison, title: str, author: str | None, labels: tuple[str, str]) -> None:
    from docx.shared import Pt

    source_label, outlet_label = labels
    heading = document.add_paragraph(style="Title")
    heading.add_run(xml_safe(title)).font.size = Pt(20)
    sub = document.add_paragraph(style="Subtitle")
    sub.add_run(xml_safe(f"How {outlet_label} reported {source_label}"))
    meta = document.add_paragraph()
    when = source_date(c)
    if when:
        wd.run(meta, "Date of the source: ", bold=True)
        wd.run(meta, when)
    if author:
        if when:
            wd.run(meta, "   ·   ")
        wd.run(meta, "Prepared by: ", bold=True)
        wd.run(meta, author)
    for role, doc, name in (("Source", c.source, source_label), ("Outlet", c.outlet, outlet_label)):
        if meta.runs:
            meta.add_run().add_break()
        wd.run(meta, f"{role}: ", bold=True, size=9.5)
        wd.run(meta, f"{name} ({doc.words} words, {len(doc.sentences)} sentences)", size=9.5)


def _bluf(document, c: Comparison) -> None:
    document.add_heading("Bottom line", level=1)
    for text in bottom_line(c):
        _bullet(document).add_run(xml_safe(text))


def _differs(document, c: Comparison) -> None:
    document.add_heading("What differs", level=1)
    lines = what_differs(c)
    if not lines:
        note = ("Facts and quotations were not checked (run without --no-facts); "
                if not c.options.facts else "No conflict, quotation problem or one-sided figure was found; ")
        _note(document, note + "the combined facts below still show what each text alone says.")
        return
    for line in lines[:DIFFERS]:
        p = _bullet(document)
        wd.run(p, line.label + ": ", bold=True, size=10)
        if line.quote is not None:
            _quoted_words(p, line.quote, 10)
        wd.run(p, line.text, size=10)
        wd.run(p, f"  ({line.where})", size=8.5, color=GREY)
    if len(lines) > DIFFERS:
        _note(document, f"{len(lines) - DIFFERS} more (figures added or left out): see the combined facts "
                        "and the annex.")


# --- page 2 ------------------------------------------------------------------------


def _combined(document, c: Comparison) -> None:
    # No page break before: on a long page 1 the claims flow on, and the brief stays within two pages.
    document.add_heading("Combined facts", level=1)
    if not c.claims:
        _note(document, "Neither text has a sentence beyond page furniture.")
        return
    _note(document, "One bullet a claim, told in the source's words, in the order a reader must see them; "
                    "where the outlet differs, its version follows in blue. S = source sentence, O = outlet "
                    "sentence; the annex has every sentence in full.", size=8.5)
    for provenance, heading in GROUPS:
        group = [x for x in c.claims if x.provenance is provenance]
        if not group:
            continue
        document.add_heading(f"{heading} ({len(group)})", level=2)
        for x in group:
            p = _bullet(document, after=1)
            wd.run(p, trim(x.text, CLAIM_CHARS), size=9)
            if x.outlet_variant:
                wd.run(p, "  Outlet: " + _end(trim(x.outlet_variant, VARIANT_CHARS)), size=9, italic=True, color=BLUE)
            where = refs(x) + (f"; {x.place}" if x.place else "")
            wd.run(p, f"  ({where})", size=8, color=GREY)


# --- annex -------------------------------------------------------------------------


def _annex_facts(document, c: Comparison) -> None:
    # A page break in the heading itself: a break paragraph after a full page would leave one blank.
    document.add_heading(ANNEX + "figures and names", level=1).paragraph_format.page_break_before = True
    if not c.options.facts:
        _note(document, "Facts were not extracted for this memo (run without --no-facts).")
        return
    listed = sorted((f for f in c.facts if f.status is not FactStatus.CONFIRMED),
                    key=lambda f: (STATUS_ORDER[f.status], TYPE_ORDER[f.type]))
    alike = [f for f in c.facts if f.status is FactStatus.CONFIRMED]
    figures = [f.text for f in alike if is_figure(f)]
    names = len(c.names) + sum(not is_figure(f) for f in alike)
    line = f"{_n(names, 'name')} {'appears' if names == 1 else 'appear'} in both texts alike"
    if figures:
        line += f", and {_n(len(figures), 'figure')} ({_listing(figures)})"
    _note(document, line + ". Listed: what only one text states, and what they state differently.")
    if not listed:
        return
    widths = (36, 50, 50, 30)
    table = wd.table(document, ("Fact", "Source says", "Outlet says", "Status"), widths)
    for f in listed:
        cells = wd.row(table, widths)
        wd.run(cells[0].paragraphs[0], f.text, bold=True, size=9.5)
        wd.run(cells[0].paragraphs[0], f"  {f.type.value}", size=8, color=GREY)
        for cell, says, index, prefix in ((cells[1], f.source_says, f.source_index, "S"),
                                         (cells[2], f.outlet_says, f.outlet_index, "O")):
            p = cell.paragraphs[0]
            wd.run(p, says or "—", bold=bool(says), size=9.5, color=None if says else GREY)
            if index is not None:
                wd.run(p, f"  ({prefix}{index + 1})", size=8, color=GREY)
        _term_cell(cells[3], STATUSES[f.status], bold=f.status is FactStatus.CONFLICT)


def _term_cell(cell, term: Term, *, bold: bool) -> None:
    wd.run(cell.paragraphs[0], heading(term), bold=bold, size=9.5)
    if term.fill:
        wd.shade(cell, term.fill)


def _quotes(document, c: Comparison) -> None:
    document.add_heading(ANNEX + "quotations check", level=1)
    quotes = unique_quotes(c.quotes)
    if not quotes:
        note = ("Quotations were not checked for this memo (run without --no-facts)."
                if not c.options.facts else "The outlet quotes no one, or the quotations layer found none.")
        _note(document, note)
        return
    _note(document, "Each quotation in the outlet against the source. In altered ones, struck red words are the "
                    "source's, underlined blue words the outlet's.")
    widths = (58, 24, 30, 54)
    table = wd.table(document, ("Outlet quotation", "Speaker", "Verdict", "Source wording"), widths)
    for q in quotes:
        cells = wd.row(table, widths)
        _quoted_words(cells[0].paragraphs[0], q, 9.5)
        if q.outlet_sentence is not None:
            wd.run(cells[0].add_paragraph(), f"O{q.outlet_sentence + 1}", size=8, color=GREY)
        wd.run(cells[1].paragraphs[0], q.speaker or "—", size=9.5)
        _term_cell(cells[2], VERDICTS[q.verdict], bold=q.verdict in (Verdict.ALTERED, Verdict.UNSOURCED))
        if q.source_text:
            wd.run(cells[3].paragraphs[0], trim(q.source_text, 400), size=9.5)
        else:
            wd.run(cells[3].paragraphs[0], "— not in the source", size=9.5, color=GREY)


def content_items(c: Comparison) -> list[Alignment]:
    """Every item but boilerplate, in the outlet's order."""
    return [a for a in c.alignments if a.kind is not Kind.BOILERPLATE]


def _alignment(document, c: Comparison) -> None:
    document.add_heading(ANNEX + "full alignment", level=1)
    items = content_items(c)
    furniture = len(c.alignments) - len(items)
    _note(document, "Every sentence of both texts in the outlet's order. Rows: blue = shared, yellow = reworded "
                    "(struck red = source words dropped or changed, underlined blue = the outlet's words), "
                    "green = outlet only, red = left out, grey = a repeat. "
                    f"{_n(furniture, 'boilerplate item')} (captions, related links, date stamps) "
                    f"{'is' if furniture == 1 else 'are'} not shown. S = source sentence, O = outlet sentence.")
    widths = (83, 83)
    table = wd.table(document, ("Source", "Outlet"), widths)
    for a in items:
        cells = wd.row(table, widths)
        tag = " · ".join([KINDS[a.kind].label + (f" {similarity(a.similarity)}" if a.similarity is not None else ""),
                          *flags(a, lambda row: f"repeats row #{row}")])
        for cell, sentences, prefix, side in ((cells[0], a.source, "S", "source"), (cells[1], a.outlet, "O", "outlet")):
            shown = ids([s.index for s in sentences], prefix)
            wd.run(cell.paragraphs[0], f"#{a.id} · {shown + ' · ' if shown else ''}{tag}", size=7.5, color=GREY)
            body = cell.add_paragraph()
            if not sentences:
                wd.run(body, "—", size=9.5, color=GREY)
            elif a.diff and a.source and a.outlet:
                wd.diff_runs(body, a.diff, side)
            else:
                wd.run(body, " ".join(s.text for s in sentences), size=9.5)
        fill = REPEAT_SHADE if a.repeat_of is not None else KINDS[a.kind].fill
        if fill:
            for cell in cells:
                wd.shade(cell, fill)


def render(
    c: Comparison,
    *,
    title: str | None = None,
    author: str | None = None,
    classification: str | None = None,
    paper: str = "a4",
    created: datetime | None = None,
    source_label: str | None = None,
    outlet_label: str | None = None,
) -> bytes:
    """The memo .docx as bytes."""
    from docx.shared import Pt

    document = new_document(paper)
    document.styles["Normal"].font.size = Pt(10)
    title = title or headline(c)
    labels = (label(c.source, source_label), label(c.outlet, outlet_label))
    _header_footer(document, classification)
    _title_block(document, c, title, author, labels)
    _bluf(document, c)
    _differs(document, c)
    _combined(document, c)
    _annex_facts(document, c)
    _quotes(document, c)
    _alignment(document, c)
    set_properties(
        document,
        title=title,
        author=author or "natodiff",
        subject=f"Comparison of {labels[1]} with its source {labels[0]}",
        when=created,
        keywords="natodiff; memo",
        comments="Generated by natodiff memo.",
        classification=classification,
    )
    return to_bytes(document)


__all__ = ["render", "bottom_line", "what_differs", "headline", "label", "source_date"]
