"""A boxed table of text cells, drawn as rich's ``Table`` draws one, in one pass.

rich measures every cell twice and renders each through a padding layer:
about a quarter of a millisecond a cell, and the facts table of one pair of
articles has a few hundred cells. Every cell here is a ``Text``; it is
measured once and wrapped once. Widths follow ``Table``'s rule: each column
as wide as its widest line; when that is too wide for the screen, the widest
wrappable columns give way first, then all columns evenly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rich.box import HEAVY_HEAD
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

PADDING = 1  # blank columns each side of a cell's text


@dataclass(frozen=True)
class Column:
    header: str
    style: str = ""
    no_wrap: bool = False
    overflow: str = "ellipsis"  # how a word wider than the column is cut ("fold": carried on)


class Grid:
    def __init__(self, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Text]]) -> None:
        self.title, self.columns, self.rows = title, columns, rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        box = HEAVY_HEAD.substitute(options, safe=console.safe_box)
        widths = self._widths(options.max_width - len(self.columns) - 1)
        line = Segment.line()
        yield Segment(self.title, console.get_style("table.title"))
        yield line
        yield Segment(box.get_top(widths))
        yield line
        header = [Text(c.header) for c in self.columns]
        yield from self._row(console, header, widths, (box.head_left, box.head_vertical, box.head_right), head=True)
        yield Segment(box.get_row(widths, "head"))
        yield line
        for k, cells in enumerate(self.rows):
            walls = (box.foot_left, box.foot_vertical, box.foot_right) if k == len(self.rows) - 1 else \
                (box.mid_left, box.mid_vertical, box.mid_right)
            yield from self._row(console, cells, widths, walls, head=False)
        yield Segment(box.get_bottom(widths))
        yield line

    def _widths(self, room: int) -> list[int]:
        """Column widths, padding included, that fit ``room`` columns if they can."""
        widths = []
        for k, column in enumerate(self.columns):
            texts = [column.header, *(row[k].plain for row in self.rows)]
            widest = max(cell_len(line) for text in texts for line in text.splitlines() or [""])
            widths.append(max(1, min(widest + 2 * PADDING, room)))
        if sum(widths) > room:
            widths = _collapse(widths, [not c.no_wrap for c in self.columns], room)
            if sum(widths) > room:
                widths = _reduce(sum(widths) - room, [1] * len(widths), widths, widths)
        return widths

    def _row(self, console: Console, cells: Sequence[Text], widths: Sequence[int],
             walls: tuple[str, str, str], head: bool) -> RenderResult:
        left, middle, right = walls
        styles = [console.get_style("table.header" if head else column.style or "none") for column in self.columns]
        shaped: list[list[list[Segment]]] = []
        for cell, width, column, style in zip(cells, widths, self.columns, styles):
            inner = width - 2 * PADDING
            if inner < 1:  # squeezed to its padding: drawn blank, as rich draws it
                shaped.append([[Segment(" " * width, style)]])
                continue
            lines = cell.wrap(console, inner, overflow=column.overflow, no_wrap=column.no_wrap)
            pad = Segment(" " * PADDING, style)
            shaped.append([
                [pad, *Segment.apply_style(line_segments(line, console), style), _fill(line, inner, style), pad]
                for line in lines
            ])
        height = max(len(lines) for lines in shaped)
        for lines, width, style in zip(shaped, widths, styles):
            blank = [Segment(" " * width, style)]
            # A header sits on the row's last line; a body cell on its first.
            missing = [blank] * (height - len(lines))
            lines[:] = missing + lines if head else lines + missing
        for k in range(height):
            yield Segment(left)
            for n, lines in enumerate(shaped):
                if n:
                    yield Segment(middle)
                yield from lines[k]
            yield Segment(right)
            yield Segment.line()


def line_segments(line: Text, console: Console) -> list[Segment]:
    """A wrapped line's segments, its base style included (``Text.render`` leaves it out without spans)."""
    if line.style and not line.spans:
        return [Segment(line.plain, console.get_style(line.style))]
    return list(line.render(console))


def _fill(line: Text, width: int, style: Style) -> Segment:
    """Blanks that bring a cell's line to the width of its column (cut lines are exactly as wide)."""
    return Segment(" " * max(0, width - cell_len(line.plain)), style)


def _collapse(widths: list[int], wrappable: list[bool], room: int) -> list[int]:
    """The widest wrappable columns narrowed to the next widest, and so on, until the table fits."""
    excess = sum(widths) - room
    while excess > 0 and any(wrappable):
        widest = max(w for w, ok in zip(widths, wrappable) if ok)
        second = max((w for w, ok in zip(widths, wrappable) if ok and w != widest), default=0)
        ratios = [1 if ok and w == widest else 0 for w, ok in zip(widths, wrappable)]
        if not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], most: list[int], values: list[int]) -> list[int]:
    """``values`` less ``total`` shared out by ``ratios``, none losing more than its ``most``."""
    ratios = [r if m else 0 for r, m in zip(ratios, most)]
    left, weight = total, sum(ratios)
    out = []
    for ratio, limit, value in zip(ratios, most, values):
        if ratio and weight > 0:
            cut = min(limit, round(ratio * left / weight))
            out.append(value - cut)
            left -= cut
            weight -= ratio
        else:
            out.append(value)
    return out
