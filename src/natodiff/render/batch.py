"""The batch table for the terminal: one row per outlet.

An outlet is shown by its --label, else its file name without folders, on
one line: a path folded mid-word reads as two outlets.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator, Mapping, Sequence

from rich.console import Console, Group
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from natodiff.batch import Row
from natodiff.render import visible
from natodiff.render.coverage import file_name

# Narrow heads, so the table fits 80 columns with a 12-character name.
HEADERS = ("outlet", "reuse", "cover-\nage", "shared", "re-\nworded", "outlet\nonly", "source\nonly",
           "boiler-\nplate", "altered\nquotes", "un-\nsourced\nquotes")


def shown_name(name: str, labels: Mapping[str, str]) -> str:
    """The outlet's --label, else its file name without folders (the path itself is in JSON and CSV)."""
    given = labels.get(name, "")
    return " ".join(given.split()) if given.strip() else file_name(name)


def table(rows: Sequence[Row], source_name: str, labels: Mapping[str, str] | None = None) -> Table:
    """A failed outlet shows its error under its name; a file name's escapes are shown, not obeyed."""
    t = Table(title=Text(f"outlets against {visible(source_name)}"), title_justify="left", box=None,
              header_style="bold", pad_edge=False, padding=(0, 1), collapse_padding=True)
    t.add_column(HEADERS[0], min_width=12)
    for header in HEADERS[1:]:
        t.add_column(header, justify="right", no_wrap=True)
    for r in rows:
        name = Text(visible(shown_name(r.name, labels or {})), no_wrap=True, overflow="ellipsis")
        if r.error is not None:
            t.add_row(Group(name, Text(f"error: {r.error}", style="red")), *["-"] * (len(HEADERS) - 1))
            continue
        t.add_row(
            name,
            f"{r.reuse:.0%}",
            f"{r.coverage:.0%}",
            str(r.shared),
            str(r.reworded),
            Text(str(r.outlet_only), style="green" if r.outlet_only else ""),
            Text(str(r.source_only), style="red" if r.source_only else ""),
            str(r.boilerplate),
            Text(str(r.altered_quotes), style="bold yellow" if r.altered_quotes else ""),
            Text(str(r.unsourced_quotes), style="bold yellow" if r.unsourced_quotes else ""),
        )
    return t


@contextmanager
def progress_bar(console: Console, *, hidden: bool) -> Iterator[Callable[[str, int, int], None]]:
    """A ``batch.run`` progress callback drawing a bar per stage on ``console`` (stderr), gone when done."""
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=console, transient=True, disable=hidden)
    bars: dict[str, TaskID] = {}

    def step(stage: str, done: int, total: int) -> None:
        if stage not in bars:
            bars[stage] = progress.add_task(stage, total=total)
        progress.update(bars[stage], completed=done)

    with progress:
        yield step
