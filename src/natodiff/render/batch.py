"""The batch table for the terminal: one row per outlet."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from natodiff.batch import Row
from natodiff.render import visible

HEADERS = ("outlet", "reuse", "coverage", "shared", "reworded", "outlet\nonly", "source\nonly",
           "boiler-\nplate", "altered\nquotes")


def table(rows: Sequence[Row], source_name: str) -> Table:
    """A failed outlet shows its error under its name; a file name's escapes are shown, not obeyed."""
    t = Table(title=Text(f"outlets against {visible(source_name)}"), title_justify="left", box=None,
              header_style="bold", pad_edge=False, padding=(0, 1), collapse_padding=True)
    t.add_column(HEADERS[0], overflow="fold", ratio=1, min_width=12)
    for header in HEADERS[1:]:
        t.add_column(header, justify="right", overflow="fold")
    for r in rows:
        if r.error is not None:
            name = Text(visible(r.name))
            name.append(f"\nerror: {r.error}", style="red")
            t.add_row(name, *["-"] * (len(HEADERS) - 1))
            continue
        quotes = str(r.altered_quotes)
        if r.unsourced_quotes:
            quotes += f" +{r.unsourced_quotes} unsourced"
        t.add_row(
            Text(visible(r.name)),
            f"{r.reuse:.0%}",
            f"{r.coverage:.0%}",
            str(r.shared),
            str(r.reworded),
            Text(str(r.outlet_only), style="green" if r.outlet_only else ""),
            Text(str(r.source_only), style="red" if r.source_only else ""),
            str(r.boilerplate),
            Text(quotes, style="bold yellow" if r.altered_quotes or r.unsourced_quotes else ""),
        )
    return t


@contextmanager
def progress_bar(console: Console, total: int, *, hidden: bool) -> Iterator[tuple[Progress, TaskID]]:
    """Outlets compared so far, on ``console`` (stderr), gone when done."""
    progress = Progress(TextColumn("comparing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True, disable=hidden)
    with progress:
        yield progress, progress.add_task("comparing", total=total)
