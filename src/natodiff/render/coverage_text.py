"""The coverage matrix for the terminal: a row per source claim, a mark per outlet, a legend.

The marks carry the meaning without colour; colour (on a terminal, unless
NO_COLOR) only helps the eye.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from natodiff.coverage import Mark, Matrix
from natodiff.render import visible
from natodiff.render import coverage as words

STYLES = {**{mark.value: term.style for mark, term in words.MARKS.items()}, words.ADDED: "green"}


CLAIM_MIN = 30  # characters of a claim kept on screen; outlets that would squeeze it go to the next table


class _Tables:
    """The claims and additions tables, in as many parts as the width needs: a claim keeps CLAIM_MIN characters."""

    def __init__(self, m: Matrix) -> None:
        self.m = m
        self.heads = [visible(head) for head in words.heads(m)]
        # A column keeps its head and its "carried" count whole.
        self.widths = [max(3, cell_len(head), len(words.carried(m, n))) for n, head in enumerate(self.heads)]
        self.ids = max([len(f"S{x.sentence + 1}") for x in m.claims] + [len(f"A{len(m.clusters)}")])

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        m, n_out = self.m, len(self.m.outlets)
        parts, start = [], 0
        while start < n_out:
            room, end = options.max_width - self.ids - CLAIM_MIN - 1, start
            while end < n_out and (end == start or room >= self.widths[end] + 1):
                room -= self.widths[end] + 1
                end += 1
            parts.append(range(start, end))
            start = end
        title = f"coverage of {visible(m.source.name)} by {words.outlets(n_out)}"
        for k, outlets in enumerate(parts):
            if k:
                yield Text("")
            yield self._claims(outlets, title + _span(outlets, len(parts)))
        for outlets in parts:
            if any(n in k.outlets for k in m.clusters for n in outlets):
                yield Text("")
                yield self._added(outlets, "added by the outlets (not in the source)" + _span(outlets, len(parts)))

    def _table(self, outlets: range, title: str, first: str) -> Table:
        t = Table(title=Text(title), title_justify="left", box=None, header_style="bold", pad_edge=False,
                  padding=(0, 1), collapse_padding=True)
        t.add_column("", justify="right", no_wrap=True, width=self.ids)
        t.add_column(first, min_width=CLAIM_MIN)  # each claim is cut to one line (``_line``)
        for n in outlets:
            t.add_column(Text(self.heads[n]), justify="center", no_wrap=True, width=self.widths[n])
        return t

    def _claims(self, outlets: range, title: str) -> Table:
        m = self.m
        t = self._table(outlets, title, "source claim")
        for x, row in zip(m.claims, m.cells):
            t.add_row(f"S{x.sentence + 1}", _line(x.text), *(_mark(row[n].mark) for n in outlets))
        t.add_row("", Text("carried", style="bold"), *(words.carried(m, n) for n in outlets))
        return t

    def _added(self, outlets: range, title: str) -> Table:
        t = self._table(outlets, title, "added claim")
        for k in self.m.clusters:
            if not any(n in k.outlets for n in outlets):
                continue  # a split table shows the additions of its own outlets
            marks = words.added_marks(self.m, k)
            t.add_row(f"A{k.id + 1}", _line(k.text), *(_mark(marks[n]) for n in outlets))
        return t


def _span(outlets: range, parts: int) -> str:
    """Which outlets a part of a split table shows: " (outlets 1–3)", " (outlet 4)"; nothing if not split."""
    if parts == 1:
        return ""
    if len(outlets) == 1:
        return f" (outlet {outlets[0] + 1})"
    return f" (outlets {outlets[0] + 1}–{outlets[-1] + 1})"


def _hanging(first: Text | str, rest: Text) -> Table:
    """``first``, then ``rest`` wrapped under its own start rather than at the margin."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(first, rest)
    return grid


def _line(text: str) -> Text:
    return Text(visible(text), no_wrap=True, overflow="ellipsis")


def _mark(mark: str) -> Text:
    return Text(mark, style=STYLES.get(mark, ""))


def matrix(m: Matrix) -> list[RenderableType]:
    """The claims and additions tables, the flagged cells, the legend and the key."""
    if not m.outlets:
        return [Group(Text(f"coverage of {visible(m.source.name)}: {words.NONE.lower()}"),
                      *(Text(visible(line), style="red") for line in words.key_lines(m)))]
    parts: list[RenderableType] = [_Tables(m)]
    flagged = words.flagged_lines(m)
    if flagged:
        parts += [Text(""), Text("flagged", style="bold")]
        parts += [_hanging("  ! ", Text(visible(line))) for line in flagged]
    parts += [Text(""), _hanging("legend  ", _legend())]
    parts += [Text(visible(line), style="red" if line.startswith("not compared") else "")
              for line in words.key_lines(m)]
    return [Group(*parts)]


def _legend() -> Text:
    text = Text()
    for mark, meaning in words.MEANINGS:
        text.append(mark, style=STYLES.get(mark, ""))
        text.append(f" {meaning}  ")
    return text
