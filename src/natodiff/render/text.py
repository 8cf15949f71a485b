"""The terminal report.

Article text only ever enters rich as ``Text`` (never markup), so brackets
in an article print as brackets. Without colour, wdiff-style markers
``[-deleted-]`` and ``{+inserted+}`` carry what colour would.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from natodiff.model import BLEND_CONTAINMENT, Alignment, Comparison, DiffOp, Kind, Op, Sentence
from natodiff.order import source_order
from natodiff.render import in_quotes, lead_line, similarity, visible
from natodiff.render.vocabulary import KINDS, coverage_line, document_size, flags, kind_counts, reuse_line

DELETED = "red strike"
INSERTED = "green underline"


def clean(text: str) -> str:
    """Control characters shown as their code, so none reaches the terminal."""
    return visible(text)


def ids(sentences: Sequence[Sentence], prefix: str) -> str:
    return ",".join(f"{prefix}{s.index + 1}" for s in sentences)


def diff_text(ops: Sequence[DiffOp], *, markers: bool) -> Text:
    """One line of prose with deletions struck and insertions underlined."""
    out = Text()
    for op in ops:
        if op.op is Op.EQUAL:
            out.append(clean(op.outlet))
            continue
        if op.op in (Op.DELETE, Op.REPLACE) and op.source.strip():
            out.append(_marked(op.source, "[-", "-]", markers), style=DELETED)
        if op.op in (Op.INSERT, Op.REPLACE) and op.outlet.strip():
            out.append(_marked(op.outlet, "{+", "+}", markers), style=INSERTED)
    return out


def side_text(ops: Sequence[DiffOp], side: str, *, markers: bool) -> Text:
    """One side of a diff: its own words, with what the other side lacks marked."""
    out = Text()
    changed, left, right, style = (
        (Op.DELETE, "[-", "-]", DELETED) if side == "source" else (Op.INSERT, "{+", "+}", INSERTED)
    )
    for op in ops:
        piece = op.source if side == "source" else op.outlet
        if op.op is Op.EQUAL:
            out.append(clean(piece))
        elif (op.op is changed or op.op is Op.REPLACE) and piece.strip():
            out.append(_marked(piece, left, right, markers), style=style)
    return out


def _marked(text: str, left: str, right: str, markers: bool) -> str:
    body = clean(text)
    stripped = body.rstrip()
    tail = body[len(stripped) :]
    return f"{left}{stripped}{right}{tail}" if markers else body


def header(c: Comparison) -> RenderableType:
    """File names, counts and the summary figures, each under its label."""
    s = c.summary
    rows = []
    for label, doc in (("source", c.source), ("outlet", c.outlet)):
        rows.append((label, Text(f"{clean(doc.name)}  {document_size(doc)}")))
    counts = Text()
    for kind, n in kind_counts(s):
        counts.append(KINDS[kind].label, style=KINDS[kind].style)
        counts.append(f" {n}  ")
    counts.append(f"(sentences; {s.repeats} repeats not counted, {s.moved} moved)")
    rows.append(("kinds", counts))
    rows.append(("reuse", Text(reuse_line(s))))
    rows.append(("coverage", Text(coverage_line(s))))
    run = f"{s.density:.2f} (longest verbatim run: {s.longest_shared.words} words"
    if s.longest_shared.text:
        run += f", {in_quotes(_trim(s.longest_shared.text, 80), clean)}"
    rows.append(("density", Text(run + ")")))
    rows.append(("lead", _lead(c)))
    from natodiff.render.shifts import counts

    if counts(c):
        rows.append(("shifts", Text(f"meaning shifts: {counts(c)}")))
    return labelled(rows)


def _lead(c: Comparison) -> Text:
    return Text(lead_line(c, lambda text: in_quotes(_trim(text, 70), clean)))


def _trim(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def explanation(a: Alignment, threshold: float | None = None) -> Text:
    """Score parts of each link, for --explain."""
    out = Text(style="dim")
    for s in a.links:
        prior = f"; x1/{s.discount} as {s.prior} against {s.prior}" if s.discount else ""
        if s.prior == "rest":
            prior = "; on the words the sentence's other links leave over (a merged clause)"
        elif s.prior == "quote intro":
            prior = "; the intro of the quotation that follows it, folded into this sentence's attribution"
        elif s.prior == "neighbour":
            prior = f"; x1/{s.discount}, as it sits next to a sentence linked to its partner (a split sentence)"
        elif threshold is not None and s.score < threshold:
            prior += (f"; below the {threshold:.2f} threshold, linked because each sentence is the other's "
                      "clear best match")
        out.append(
            f"why: S{s.source + 1}~O{s.outlet + 1} score {s.score:.2f} = best of ratio {s.ratio:.2f}, "
            f"blend {s.blend:.2f} ({BLEND_CONTAINMENT} x containment {s.containment:.2f} + "
            f"{1 - BLEND_CONTAINMENT:.1f} x overlap {s.weighted_overlap:.2f}) and the longest verbatim run{prior}; "
            f"rarest shared: {clean(', '.join(s.common)) or '-'}\n"
        )
    return out


def item(a: Alignment, *, markers: bool, explain: bool = False, threshold: float | None = None) -> RenderableType:
    """A label line (kind, score, sentence ids, flags) and the text below it."""
    label = Text()
    label.append(f"{KINDS[a.kind].label:<12}", style=KINDS[a.kind].style)
    if a.similarity is not None:
        label.append(f"{similarity(a.similarity)}  ")
    if a.outlet:
        label.append(ids(a.outlet, "O"))
    if a.source and a.outlet:
        label.append(" ← ")
    if a.source:
        label.append(ids(a.source, "S"))
    said = flags(a, lambda n: f"repeats #{n}")
    if said:
        label.append(f"  ({', '.join(said)})", style="italic")
    label.append(f"  #{a.id}", style="dim")
    body: RenderableType
    if a.diff and a.kind is Kind.REWORDED:
        body = labelled((("source", side_text(a.diff, "source", markers=markers)),
                         ("outlet", side_text(a.diff, "outlet", markers=markers))))
    elif a.diff:
        body = diff_text(a.diff, markers=markers)
    else:
        sentences = a.outlet or a.source
        body = Text(clean(" ".join(s.text for s in sentences)))
        if a.kind is Kind.BOILERPLATE or a.repeat_of is not None:
            body.stylize("dim")
        elif a.kind is Kind.SOURCE_ONLY:
            body.stylize("red")
        elif a.kind is Kind.OUTLET_ONLY:
            body.stylize("green")
    parts: list[RenderableType] = [label]
    if explain and a.links:
        parts.append(indented(explanation(a, threshold), blank=0))
    if explain and a.kind is Kind.BOILERPLATE:
        rules = ", ".join(s.furniture_rule or "-" for s in (*a.source, *a.outlet))
        parts.append(indented(Text(f"furniture: {rules}", style="dim"), blank=0))
    parts.append(indented(body, blank=0 if a.shifts else 1))
    if a.shifts:
        parts.append(indented(shift_lines(a)))
    return Group(*parts)


def shift_lines(a: Alignment) -> Text:
    """One line per meaning shift under its item: ``shift  hedge: "reportedly" added``."""
    from natodiff.render.shifts import line

    return Text("\n".join(f"shift  {clean(line(s))}" for s in a.shifts), style="bold magenta")


def framing_lines(c: Comparison) -> Text:
    """The framing tally after the facts: one line per swapped term."""
    from natodiff.render.shifts import framing_row

    out = Text()
    out.append("Framing (source term → outlet term, times, items)\n", style="bold")
    for f in c.framing:
        src, dst, n, items = framing_row(f)
        out.append(clean(f"  {src} → {dst}  ×{n}  ({items})") + "\n")
    return out


def labelled(rows: Sequence[tuple[str, Text]], gap: int = 2) -> Table:
    """Rows of a bold label and text wrapped under its own start (a hanging indent).

    A word wider than the line is folded, never cut.
    """
    grid = Table.grid(padding=(0, gap, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, text in rows:
        grid.add_row(Text(label, style="bold"), text)
    return grid


def indented(body: RenderableType, indent: int = 4, blank: int = 1) -> Padding:
    """``body`` wrapped four columns in, then ``blank`` empty lines."""
    return Padding(body, (0, 0, blank, indent))


LEGEND = (
    "legend: shared = carried over verbatim (up to spelling, typography, number format); "
    "reworded = same content, new wording; outlet-only = added by the outlet; "
    "source-only = left out by the outlet; boilerplate = page furniture, not counted. "
    "O = outlet sentence, S = source sentence; "
)


def combined_facts(c: Comparison) -> RenderableType:
    """One line a claim: provenance, sentence ids, its text shortened, how the outlet differs."""
    from natodiff.render import combined

    rows = []
    for line in combined.lines(c):
        body = Text(f"{line.ids}  ", style="dim") + Text(in_quotes(line.text, clean))
        if line.note:
            body.append(f"  ({clean(line.note)})", style="dim")
        rows.append((line.marker, body))
    return Group(Text(combined.heading(c), style="bold"), labelled(rows), Text())


def legend(markers: bool) -> Text:
    text = Text(LEGEND, style="dim")
    if markers:
        text.append("[-text-] = source words the outlet dropped or changed, {+text+} = outlet's words.", style="dim")
    else:
        text.append("struck red = source words the outlet dropped or changed; underlined green = outlet's words.",
                    style="dim")
    return text


def report(
    c: Comparison, *, markers: bool, order: str = "outlet", facts: bool = True, explain: bool = False,
) -> Iterator[RenderableType]:
    """The whole report, one printable part after another."""
    yield header(c)
    yield Text()
    if c.claims:
        yield combined_facts(c)
    items = source_order(c.alignments) if order == "source" else c.alignments
    yield Rule(f"in {order} order", style="dim")
    for a in items:
        yield item(a, markers=markers, explain=explain, threshold=c.options.threshold)
    if facts and (c.facts or c.quotes):
        from natodiff.render import tables

        if c.facts:
            yield tables.facts_table(c.facts)
        from natodiff.render.combined import names_line

        alike = names_line(c)
        if alike:
            yield Text(clean(alike), style="dim")
        if c.quotes:
            yield tables.quotes_table(c.quotes)
    if c.framing:
        yield framing_lines(c)
    yield legend(markers)


def render(c: Comparison, console: Console, *, markers: bool, order: str = "outlet", facts: bool = True,
           explain: bool = False) -> None:
    """Print the whole report to ``console``."""
    for part in report(c, markers=markers, order=order, facts=facts, explain=explain):
        console.print(part)
