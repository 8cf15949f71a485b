"""The HTML report: one self-contained file to open in a browser or mail round.

Inline CSS in one <style> block, no scripts, no external assets (a
Content-Security-Policy says so to the browser too). Every piece of article
text and every file name goes through ``html.escape``. The page holds the
summary, a side-by-side table (source | outlet) whose rows are coloured by
kind, the word diff of each linked item, facts and quotations when there are
any, and a legend. Consumes a Comparison only; nothing here aligns or counts.
"""

from __future__ import annotations

from html import escape as _escape
from typing import Iterable, Sequence

from natodiff.model import Alignment, Comparison, DiffOp, Fact, Kind, Op, Quote, Sentence
from natodiff.order import source_order
from natodiff.patterns import Pattern
from natodiff.render import code, in_quotes, lead_line, similarity
from natodiff.render.vocabulary import (
    KIND_LABELS, KIND_MEANINGS, STATUSES, VERDICTS, coverage_line, document_size, flags, kind_counts, reuse_line,
)


# Characters HTML does not allow in text (C0 except tab/LF/CR, DEL, C1, lone
# surrogates) or that would reorder it (bidi overrides): see render.visible.
_CONTROL = Pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 1500px; color: #1d1d1f; background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.35rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .6rem; }
.names { color: #444; margin: -.6rem 0 1rem; }
table { border-collapse: collapse; }
th { text-align: left; }
.summary th { padding: .2rem 1.2rem .2rem 0; vertical-align: top; white-space: nowrap; }
.summary td { padding: .2rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: .4rem; }
.chip { display: inline-block; padding: .05rem .55rem; border-radius: .8rem; border: 1px solid #0002;
  font-size: .85rem; white-space: nowrap; }
.items { width: 100%; table-layout: fixed; }
.items col.n { width: 3.2rem; }
.items col.k { width: 9rem; }
.items thead th { position: sticky; top: 0; background: #f3f3f5; border-bottom: 2px solid #bbb;
  padding: .4rem .6rem; }
.items td { padding: .45rem .6rem; vertical-align: top; border-bottom: 1px solid #d8d8dc;
  overflow-wrap: anywhere; }
.items td.n { color: #666; font-size: .85rem; text-align: right; }
.items td.k { border-left: 6px solid transparent; }
.kind { font-weight: 600; display: block; }
.score, .flags { font-size: .8rem; color: #555; display: block; }
ul.shifts { margin: .3rem 0 0; padding-left: 1.2rem; color: #7a1f5c; font-size: .85rem; }
.sid { font-size: .75rem; color: #666; font-variant-numeric: tabular-nums; margin-right: .35rem; }
.none { color: #999; }
tr.kind-shared td { background: #e7f1fb; }
tr.kind-shared td.k { border-left-color: #2a7bc8; }
tr.kind-reworded td { background: #fff6d9; }
tr.kind-reworded td.k { border-left-color: #d9a400; }
tr.kind-outlet_only td { background: #e5f5e6; }
tr.kind-outlet_only td.k { border-left-color: #2e9a3e; }
tr.kind-source_only td { background: #fde8e8; }
tr.kind-source_only td.k { border-left-color: #cf3a3a; }
tr.kind-boilerplate td { background: #f4f4f5; color: #777; }
tr.kind-boilerplate td.k { border-left-color: #aaa; }
tr.repeat td { color: #777; }
.chip.kind-shared, .swatch.kind-shared { background: #e7f1fb; border-color: #2a7bc8; }
.chip.kind-reworded, .swatch.kind-reworded { background: #fff6d9; border-color: #d9a400; }
.chip.kind-outlet_only, .swatch.kind-outlet_only { background: #e5f5e6; border-color: #2e9a3e; }
.chip.kind-source_only, .swatch.kind-source_only { background: #fde8e8; border-color: #cf3a3a; }
.chip.kind-boilerplate, .swatch.kind-boilerplate { background: #f4f4f5; border-color: #aaa; }
del { color: #a3161a; background: #f9c9c9; text-decoration: line-through; text-decoration-thickness: 1px; }
ins { color: #13561f; background: #bfe6c4; text-decoration: underline; }
details.wd { margin-top: .35rem; font-size: .88rem; }
details.wd summary { color: #555; cursor: pointer; }
details.wd p { margin: .3rem 0 0; padding: .35rem .5rem; background: #fffc; border: 1px solid #0001; }
.claims li.claim-outlet_only strong { color: #1d6b2f; } .claims li.claim-source_only strong { color: #a01c1c; }
.claims .note { color: #666; }
.facts td, .facts th, .quotes td, .quotes th { padding: .3rem .6rem; border-bottom: 1px solid #ddd;
  vertical-align: top; }
.facts tr.fact-conflict td, .quotes tr.quote-altered td, .quotes tr.quote-unsourced td { background: #fde8e8; }
.facts tr.fact-outlet_only td, .quotes tr.quote-misattributed td { background: #fff6d9; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
.legend dt { font-weight: 600; }
.legend dd { margin: 0; }
.swatch { display: inline-block; width: 1rem; height: 1rem; border: 1px solid; border-radius: .2rem;
  vertical-align: -.15rem; margin-right: .4rem; }
a { color: inherit; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .items thead th { position: static; }
}
""".strip()


def esc(text: str) -> str:
    """Escaped text; control characters shown as their code, as in the terminal."""
    text = _CONTROL.sub(lambda m: code(m.group()), text)
    return _escape(text, quote=True)


def _marked(text: str, tag: str) -> str:
    """<tag> around the words of ``text``, its trailing space left outside."""
    body = text.rstrip()
    if not body.strip():
        return esc(text)
    return f"<{tag}>{esc(body)}</{tag}>{esc(text[len(body):])}"


def combined(ops: Sequence[DiffOp]) -> list[tuple[str, str | None]]:
    """The pieces of a one-line diff as (text, None | "del" | "ins").

    Where one side's text ends before the line does ("conflict." then the
    source's "in order to ..."), the piece gets the space it lacks.
    """
    parts: list[tuple[str, str | None]] = []
    n = len(ops)
    for i, op in enumerate(ops):
        later = ops[i + 1 :]
        src_done = not any(o.source for o in later)
        out_done = not any(o.outlet for o in later)
        if op.op is Op.EQUAL:
            parts.append((_spaced(op.outlet, out_done and i < n - 1), None))
            continue
        if op.op in (Op.DELETE, Op.REPLACE) and op.source.strip():
            more = i < n - 1 or (op.op is Op.REPLACE and op.outlet.strip())
            parts.append((_spaced(op.source, src_done and bool(more)), "del"))
        if op.op in (Op.INSERT, Op.REPLACE) and op.outlet.strip():
            parts.append((_spaced(op.outlet, out_done and i < n - 1), "ins"))
    return parts


def _spaced(text: str, needed: bool) -> str:
    return text + " " if needed and text and not text[-1].isspace() else text


def diff_html(ops: Sequence[DiffOp]) -> str:
    """Both sides inline: <del>source words</del> <ins>outlet words</ins>."""
    return "".join(_marked(text, tag) if tag else esc(text) for text, tag in combined(ops)).strip()


def side_html(ops: Sequence[DiffOp], side: str) -> str:
    """One side's own words, with what the other side lacks marked."""
    changed, tag = (Op.DELETE, "del") if side == "source" else (Op.INSERT, "ins")
    out = []
    for op in ops:
        piece = op.source if side == "source" else op.outlet
        if op.op is Op.EQUAL:
            out.append(esc(piece))
        elif op.op in (changed, Op.REPLACE) and piece.strip():
            out.append(_marked(piece, tag))
    return "".join(out).strip()


def _ids(sentences: Sequence[Sentence], prefix: str) -> str:
    return ", ".join(f"{prefix}{s.index + 1}" for s in sentences)


def _quoted(text: str) -> str:
    return in_quotes(text, esc)


def summary(c: Comparison) -> list[str]:
    s = c.summary
    rows: list[tuple[str, str]] = []
    for label, doc in (("source", c.source), ("outlet", c.outlet)):
        rows.append((label, f"{esc(doc.name)} {document_size(doc)}"))
    chips = "".join(
        f'<span class="chip kind-{kind.value}">{KIND_LABELS[kind]} {n}</span>' for kind, n in kind_counts(s)
    )
    rows.append(("kinds", f'<div class="counts">{chips}</div>'
                 f"sentences; {s.repeats} repeats not counted, {s.moved} moved"))
    rows.append(("reuse", reuse_line(s)))
    rows.append(("coverage", coverage_line(s)))
    run = f"{s.density:.2f} (longest verbatim run: {s.longest_shared.words} words"
    if s.longest_shared.text:
        run += f", {_quoted(s.longest_shared.text)}"
    rows.append(("density", run + ")"))
    rows.append(("lead", _lead(c)))
    rows.append(("threshold", f"{c.options.threshold:.2f}"))
    rows += [("meaning shifts", esc(found)) for found in [shift_counts(c)] if found]
    out = ['<table class="summary">']
    out += [f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in rows]
    out.append("</table>")
    return out


def _lead(c: Comparison) -> str:
    return lead_line(c, _quoted)


def _cell(sentences: Sequence[Sentence], prefix: str, body: str | None) -> str:
    if not sentences:
        return '<td><span class="none">—</span></td>'
    if body is None:
        body = esc(" ".join(s.text for s in sentences))
    return f'<td><span class="sid">{_ids(sentences, prefix)}</span>{body}</td>'


def row(a: Alignment) -> str:
    """One <tr>: item number, kind with score and flags, source cell, outlet cell."""
    classes = ["item", f"kind-{a.kind.value}"]
    if a.moved:
        classes.append("moved")
    if a.repeat_of is not None:
        classes.append("repeat")
    kind = [f'<span class="kind">{KIND_LABELS[a.kind]}</span>']
    if a.similarity is not None:
        kind.append(f'<span class="score">similarity {similarity(a.similarity)}</span>')
    said = flags(a, lambda n: f'repeats <a href="#item-{n}">#{n}</a>')
    if said:
        kind.append(f'<span class="flags">{", ".join(said)}</span>')
    source_body = outlet_body = None
    if a.diff:
        source_body = side_html(a.diff, "source")
        outlet_body = side_html(a.diff, "outlet")
        if any(op.op is not Op.EQUAL for op in a.diff):
            outlet_body += (
                '<details class="wd"><summary>word diff</summary>'
                f"<p>{diff_html(a.diff)}</p></details>"
            )
    if a.shifts:
        outlet_body = (outlet_body or "") + shift_list(a)
    return (
        f'<tr id="item-{a.id}" class="{" ".join(classes)}">'
        f'<td class="n">#{a.id}</td>'
        f'<td class="k">{"".join(kind)}</td>'
        f"{_cell(a.source, 'S', source_body)}"
        f"{_cell(a.outlet, 'O', outlet_body)}</tr>"
    )


def shift_counts(c: Comparison) -> str | None:
    from natodiff.render.shifts import counts

    return counts(c)


def shift_list(a: Alignment) -> str:
    """The item's meaning shifts, one per line, under the outlet's text."""
    from natodiff.render.shifts import line

    return '<ul class="shifts">' + "".join(f"<li>shift: {esc(line(s))}</li>" for s in a.shifts) + "</ul>"


def _table(cls: str, headers: Sequence[str], rows: Iterable[tuple[str, Sequence[str]]]) -> list[str]:
    """A table of escaped cells; each row comes with its class (blank: none)."""
    out = [f'<table class="{cls}">', "<tr>" + "".join(f"<th>{h}</th>" for h in headers) + "</tr>"]
    for row_class, cells in rows:
        opening = f'<tr class="{row_class}">' if row_class else "<tr>"
        out.append(opening + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    out.append("</table>")
    return out


def framing_table(c: Comparison) -> list[str]:
    from natodiff.render.shifts import framing_row

    return _table("framing", ("source term", "outlet term", "times", "items"),
                  (("", [esc(cell) for cell in framing_row(f)]) for f in c.framing))


def facts_table(facts: Sequence[Fact]) -> list[str]:
    return _table("facts", ("fact", "type", "status", "source says", "outlet says"), (
        (f"fact-{f.status.value}", [esc(f.text), f.type.value, STATUSES[f.status].label,
                                    esc(f.source_says or f.source or ""), esc(f.outlet_says or f.outlet or "")])
        for f in facts))


def quotes_table(quotes: Sequence[Quote]) -> list[str]:
    return _table("quotes", ("verdict", "speaker", "quotation in the outlet", "in the source"), (
        (f"quote-{q.verdict.value}", [VERDICTS[q.verdict].label, esc(q.speaker or ""), _quoted(q.text),
                                      diff_html(q.diff) if q.diff else esc(q.source_text or "")])
        for q in quotes))


def legend() -> list[str]:
    out = ['<section class="legend">', "<h2>Legend</h2>", "<dl>"]
    for kind in Kind:
        out.append(
            f'<dt><span class="swatch kind-{kind.value}"></span>{KIND_LABELS[kind]}</dt><dd>{KIND_MEANINGS[kind]}</dd>'
        )
    out.append("<dt><del>struck</del></dt><dd>source words the outlet dropped or changed</dd>")
    out.append("<dt><ins>underlined</ins></dt><dd>the outlet's words</dd>")
    out.append("<dt>S3, O5</dt><dd>source sentence 3, outlet sentence 5; #n is the item number</dd>")
    out += ["</dl>", "</section>"]
    return out


def combined_facts(c: Comparison) -> list[str]:
    """One list item a claim, classed by provenance."""
    from natodiff.render import combined

    if not c.claims:
        return []
    out = [f"<h2>{esc(combined.heading(c))}</h2>", '<ul class="claims">']
    for claim, line in zip(c.claims, combined.lines(c)):
        note = f' <span class="note">({esc(line.note)})</span>' if line.note else ""
        out.append(f'<li class="claim-{claim.provenance.value}"><strong>{esc(line.marker)}</strong> '
                   f'<span class="sid">{esc(line.ids)}</span> {_quoted(line.text)}{note}</li>')
    out.append("</ul>")
    return out


def render(c: Comparison, *, order: str = "outlet", facts: bool = True) -> str:
    """The whole page as one string ending in a newline."""
    title = f"natodiff: {esc(c.outlet.name)} against {esc(c.source.name)}"
    items = source_order(c.alignments) if order == "source" else c.alignments
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="generator" content="natodiff">',
        f"<title>{title}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<h1>natodiff report</h1>",
        f'<p class="names">outlet <strong>{esc(c.outlet.name)}</strong> against source '
        f"<strong>{esc(c.source.name)}</strong></p>",
        "<h2>Summary</h2>",
        *summary(c),
        *combined_facts(c),
        f"<h2>Items in {esc(order)} order</h2>",
        '<table class="items">',
        '<colgroup><col class="n"><col class="k"><col class="s"><col class="o"></colgroup>',
        "<thead><tr><th>#</th><th>kind</th><th>source</th><th>outlet</th></tr></thead>",
        "<tbody>",
        *(row(a) for a in items),
        "</tbody>",
        "</table>",
    ]
    if facts and c.facts:
        out += ["<h2>Facts</h2>", *facts_table(c.facts)]
    if facts and c.names:
        from natodiff.render.combined import names_line

        out.append(f'<p class="names-alike">{esc(names_line(c) or "")}</p>')
    if facts and c.quotes:
        out += ["<h2>Quotations</h2>", *quotes_table(c.quotes)]
    if c.framing:
        out += ["<h2>Framing</h2>", *framing_table(c)]
    out += [*legend(), "</body>", "</html>", ""]
    return "\n".join(out)
