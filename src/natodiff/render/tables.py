"""Facts and quotations tables for the terminal report (and ``natodiff facts``).

Every piece of article text enters rich as a ``Text`` object, never as
markup, so "[bold]" in an article prints literally. Status and verdict
labels are words (colour only repeats them), and a diff carries
``[-deleted-]`` / ``{+inserted+}`` markers, so the tables read the same
without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from natodiff.model import DiffOp, Document, Fact, FactStatus, Op, Quote, Verdict
from natodiff.render import visible
from natodiff.render.vocabulary import STATUSES, VERDICTS, Term

if TYPE_CHECKING:
    from natodiff.quotes import Quotation

QUOTE_WIDTH = 120  # characters of a quotation shown before "…"


def _term(term: Term) -> Text:
    return Text(term.label, style=term.style)


def _article_column(header: str) -> dict:
    """A column of article text: a word wider than the column is carried on, not cut."""
    return dict(header=header, overflow="fold")


def _table(title: str, columns: Sequence[dict], rows: Sequence[Sequence[Text]]) -> Table:
    """A boxed table; ``columns`` are ``Table.add_column`` arguments, the header first."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(**column)
    for row in rows:
        table.add_row(*row)
    return table


def _plain(text: str | None, limit: int | None = None) -> Text:
    """Article text as a literal Text, control characters shown, long text cut."""
    if not text:
        return Text("—", style="dim")
    text = visible(" ".join(text.split()))
    if limit and len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        text = cut.rstrip(",;: ") + " …"
    return Text(text)


def facts_table(facts: Sequence[Fact]) -> Table:
    """fact · type · source says · outlet says · status."""
    columns = (_article_column("fact"), dict(header="type", style="dim"), _article_column("source says"),
               _article_column("outlet says"), dict(header="status", no_wrap=True))
    rows = [
        (
            _plain(f.text),
            Text(f.type.value),
            _plain(f.source_says),
            _plain(f.outlet_says),
            _term(STATUSES[f.status]),
        )
        for f in facts
    ]
    return _table("Facts", columns, rows)


def diff_markers(ops: Sequence[DiffOp]) -> Text:
    """The changed words only: ``[-source words-] {+outlet words+}``, with a little context."""
    out = Text()
    for i, op in enumerate(ops):
        if op.op is Op.EQUAL:
            continue
        if out:
            out.append(" … ", style="dim")
        before = ops[i - 1].outlet.split()[-3:] if i and ops[i - 1].op is Op.EQUAL else []
        after = ops[i + 1].outlet.split()[:3] if i + 1 < len(ops) and ops[i + 1].op is Op.EQUAL else []
        if before:
            out.append_text(_plain(" ".join(before)))
            out.append(" ")
        if op.op in (Op.DELETE, Op.REPLACE):
            out.append_text(_marked(op.source, "[-", "-]", "red strike"))
        if op.op is Op.REPLACE:
            out.append(" ")
        if op.op in (Op.INSERT, Op.REPLACE):
            out.append_text(_marked(op.outlet, "{+", "+}", "green underline"))
        if after:
            out.append(" ")
            out.append_text(_plain(" ".join(after)))
    return out


def _marked(words: str, left: str, right: str, style: str) -> Text:
    piece = _plain(words)
    piece.stylize(style)
    return Text(left) + piece + Text(right)


def _what_changed(q: Quote) -> Text:
    if q.verdict is Verdict.ALTERED and q.diff:
        return diff_markers(q.diff)
    if q.verdict in (Verdict.MISATTRIBUTED, Verdict.STATEMENT_TEXT):
        return Text("source's own words: ", style="dim") + _plain(q.source_text, QUOTE_WIDTH)
    if q.verdict is Verdict.UNSOURCED:
        return Text("not found in the source", style="dim")
    return Text("—", style="dim")


def listing(doc: Document, facts: Sequence[Fact], quotes: Sequence["Quotation"]) -> list[RenderableType]:
    """``natodiff facts``: a title line, then one text's facts and its quotations."""
    counts = f"{len(facts)} fact{'s' * (len(facts) != 1)}, {len(quotes)} quotation{'s' * (len(quotes) != 1)}"
    out: list[RenderableType] = [Text(visible(doc.name), style="bold") + Text(f"  ({counts})")]
    if facts:
        columns = (_article_column("fact"), dict(header="type", style="dim"), _article_column("as written"))
        out.append(_table("Facts", columns, [
            (_plain(f.text), Text(f.type.value), _plain(f.source_says or f.outlet_says)) for f in facts
        ]))
    if quotes:
        rows = []
        for q in quotes:
            speaker = _plain(q.speaker) if q.speaker else Text("unknown", style="dim")
            if q.pull:
                speaker.append(" (pull quote)", style="dim")
            rows.append((Text("“") + _plain(q.text) + Text("”"), speaker))
        out.append(_table("Quotations", (_article_column("quote"), dict(header="speaker")), rows))
    return out


def quotes_table(quotes: Sequence[Quote]) -> Table:
    """quote · speaker · verdict · what changed."""
    columns = (_article_column("quote"), dict(header="speaker"), dict(header="verdict", no_wrap=True),
               _article_column("what changed"))
    rows = [
        (
            Text("“") + _plain(q.text, QUOTE_WIDTH) + Text("”"),
            _plain(q.speaker) if q.speaker else Text("unknown", style="dim"),
            _term(VERDICTS[q.verdict]),
            _what_changed(q),
        )
        for q in quotes
    ]
    return _table("Quotations", columns, rows)
