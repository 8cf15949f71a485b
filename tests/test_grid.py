"""The report's tables look exactly as rich's Table draws them, at any width."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from natodiff.render.grid import Column, Grid

COLUMNS = (
    Column("fact", overflow="fold"),
    Column("type", style="dim"),
    Column("source says", overflow="fold"),
    Column("status", no_wrap=True),
)
ROWS = [
    ("NATO", "entity", "North Atlantic Treaty Organization", "confirmed"),
    ("600 billion dollars", "money", "$600bn", "CONFLICT"),
    ("Supercalifragilisticexpialidocious-Unbreakable-Name", "entity", "—", "source only"),
    ("line one\nline two", "date", "15 February 2024", "outlet only"),
    ("", "count", "x", "confirmed"),
]


def _plain(renderable, width: int) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, no_color=True, legacy_windows=False).print(renderable)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _rich_table(columns, rows) -> Table:
    table = Table(title="Facts", title_justify="left", expand=False)
    for c in columns:
        table.add_column(c.header, style=c.style or None, no_wrap=c.no_wrap, overflow=c.overflow)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


@pytest.mark.parametrize("width", [12, 16, 20, 24, 30, 41, 52, 60, 75, 90, 100, 130, 160])
def test_grid_draws_what_a_rich_table_draws(width):
    grid = Grid("Facts", COLUMNS, [tuple(Text(cell) for cell in row) for row in ROWS])
    assert _plain(grid, width) == _plain(_rich_table(COLUMNS, ROWS), width)


def test_grid_fits_the_screen_and_keeps_every_word():
    grid = Grid("Facts", COLUMNS, [tuple(Text(cell) for cell in row) for row in ROWS])
    out = _plain(grid, 60)
    assert max(len(line) for line in out.splitlines()) <= 60
    first_column = "".join(line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│"))
    assert "Supercalifragilisticexpialidocious-Unbreakable-Name" in first_column  # folded, never cut
