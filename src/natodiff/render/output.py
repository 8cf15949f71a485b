"""Each command's output in the format asked for: one string, or pieces to write as they come.

A file is written whole or not at all either way (inputs.atomic_write_all
writes pieces to a temp file first). Each renderer is imported only when
asked for: JSON, Markdown and HTML never load rich.
"""

from __future__ import annotations

import shutil
from io import StringIO
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from natodiff.batch import Row
    from natodiff.coverage import Matrix
    from natodiff.model import Comparison, Document, Fact
    from natodiff.quotes import Quotation


def make_console(file, *, color: bool, width: int | None = None) -> "Console":
    """A console that shows article text literally: no markup, emoji or highlighting."""
    from rich.console import Console

    return Console(
        file=file,
        force_terminal=color,
        color_system="auto" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        width=width,
        legacy_windows=False,
    )


def printed(parts: "Iterable[RenderableType]", *, color: bool) -> str:
    """What rich prints of ``parts`` at the terminal's width (or $COLUMNS; 100 to a pipe or file)."""
    buffer = StringIO()
    console = make_console(buffer, color=color, width=max(60, min(shutil.get_terminal_size((100, 24)).columns, 160)))
    for part in parts:
        console.print(part)
    # rich pads lines to the full width; trailing blanks are noise in a file.
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def report(c: "Comparison", fmt: str, *, order: str, facts: bool, explain: bool, color: bool) -> str:
    """``compare``'s report: text, json, jsonl, markdown or html."""
    return "".join(report_pieces(c, fmt, order=order, facts=facts, explain=explain, color=color))


def report_pieces(c: "Comparison", fmt: str, *, order: str, facts: bool, explain: bool,
                  color: bool) -> Iterator[str]:
    """``report`` in pieces: JSON and JSON Lines as they are made, the other formats whole."""
    if fmt in ("json", "jsonl"):
        from natodiff.render import json as as_json

        render = as_json.render_chunks if fmt == "json" else as_json.render_lines
        yield from render(c, explain=explain)
        return
    yield _whole_report(c, fmt, order=order, facts=facts, explain=explain, color=color)


def _whole_report(c: "Comparison", fmt: str, *, order: str, facts: bool, explain: bool, color: bool) -> str:
    if fmt == "markdown":
        from natodiff.render import markdown

        return markdown.render(c, order=order)
    if fmt == "html":
        from natodiff.render import html

        return html.render(c, order=order)
    from natodiff.render import text

    return printed(text.report(c, markers=not color, order=order, facts=facts, explain=explain), color=color)


def batch_table(rows: "Sequence[Row]", fmt: str, source_name: str, *, color: bool,
                labels: "Mapping[str, str] | None" = None) -> str:
    """``batch``'s table: text, json or csv."""
    from natodiff import batch as batching

    if fmt == "json":
        return batching.to_json(rows, source_name)
    if fmt == "csv":
        return batching.to_csv(rows)
    from natodiff.render.batch import table

    return printed([table(rows, source_name, labels)], color=color)


def coverage_matrix(m: "Matrix", fmt: str, *, color: bool) -> str:
    """``batch --matrix``: text, json, csv, markdown or html."""
    from natodiff.render import coverage

    if fmt == "json":
        return coverage.to_json(m)
    if fmt == "csv":
        return coverage.to_csv(m)
    if fmt == "markdown":
        return coverage.to_markdown(m)
    if fmt == "html":
        from natodiff.render import coverage_html

        return coverage_html.render(m)
    from natodiff.render import coverage_text

    return printed(coverage_text.matrix(m), color=color)


def facts_listing(doc: "Document", found: "Sequence[Fact]", quoted: "Sequence[Quotation]", fmt: str, *,
                  color: bool) -> str:
    """``facts``' listing: text or json."""
    if fmt == "json":
        from natodiff.render import json as render_json

        return render_json.render_listing(doc, found, quoted)
    from natodiff.render import tables

    return printed(tables.listing(doc, found, quoted), color=color)
