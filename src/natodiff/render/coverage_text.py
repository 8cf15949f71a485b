"""The coverage matrix for the terminal: a row per source claim, a mark per outlet, a legend.

The marks carry the meaning without colour; colour (on a terminal, unless
NO_COLOR) only helps the eye.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from natodiff.coverage import Mark, Matrix
from natodiff.render import visible
from natodiff.render import coverage as words

STYLES = {Mark.VERBATIM: "blue", Mark.REWORDED: "yellow", Mark.LEFT_OUT: "dim", Mark.FLAGGED: "bold red",
          words.ADDED: "green"}


def _table(m: Matrix, title: str, first: str) -> Table:
    t = Table(title=Text(title), title_justify="left", box=None, header_style="bold", pad_edge=False,
              padding=(0, 1), collapse_padding=True)
    ids = max([len(f"S{x.sentence + 1}") for x in m.claims] + [len(f"A{len(m.clusters)}")])
    t.add_column("", justify="right", no_wrap=True, width=ids)
    t.add_column(first, min_width=20)  # may shrink; each claim is cut to one line (``_line``)
    for head in words.heads(m):  # a head keeps its width: the claim is cut instead
        t.add_column(Text(visible(head)), justify="center", no_wrap=True, width=max(3, cell_len(visible(head))))
    return t


def _line(text: str) -> Text:
    return Text(visible(text), no_wrap=True, overflow="ellipsis")


def _mark(mark: str) -> Text:
    return Text(mark, style=STYLES.get(mark, ""))


def matrix(m: Matrix) -> list[RenderableType]:
    """The claims table, the additions table, the flagged cells, the legend and the key."""
    n_out = len(m.outlets)
    claims = _table(m, f"coverage of {visible(m.source.name)} by {n_out} outlet{'s' * (n_out != 1)}",
                    "source claim")
    for x, row in zip(m.claims, m.cells):
        claims.add_row(f"S{x.sentence + 1}", _line(x.text), *(_mark(c.mark) for c in row))
    claims.add_row("", Text("carried", style="bold"),
                   *(f"{words.carried(m, n)}/{len(m.claims)}" for n in range(n_out)))
    parts: list[RenderableType] = [claims]
    if m.clusters:
        added = _table(m, "added by the outlets (not in the source)", "added claim")
        for k in m.clusters:
            added.add_row(f"A{k.id + 1}", _line(k.text), *(_mark(x) for x in words.added_marks(m, k)))
        parts += [Text(""), added]
    flagged = words.flagged_lines(m)
    if flagged:
        parts += [Text(""), Text("flagged", style="bold")] + [Text("  ! " + visible(line)) for line in flagged]
    parts += [Text(""), _legend()]
    parts += [Text(visible(line), style="red" if line.startswith("not compared") else "")
              for line in words.key_lines(m)]
    return [Group(*parts)]


def _legend() -> Text:
    text = Text("legend  ")
    for mark, meaning in words.MEANINGS:
        text.append(mark, style=STYLES.get(mark, ""))
        text.append(f" {meaning}  ")
    return text
