"""The coverage matrix as one self-contained HTML page: hover a cell to read the outlet's sentence.

The sentence is in the cell's ``title`` attribute, so no script is needed.
"""

from __future__ import annotations

from natodiff.coverage import Matrix
from natodiff.render import coverage as words
from natodiff.render.html import esc

CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top}
th{background:#1f3864;color:#fff;font-weight:600}
td.m{text-align:center;font-family:ui-monospace,monospace;cursor:help;min-width:2em}
td.verbatim{background:#ddebf7}td.reworded{background:#fff2cc}td.left_out{color:#999}
td.flagged{background:#f8cbad;font-weight:bold}td.added{background:#e2efda}
td.id{color:#707070;white-space:nowrap}
.legend span{display:inline-block;margin-right:1.5em}.failed{color:#c00000}
""".strip()


def _head(m: Matrix, first: str) -> str:
    cells = "".join(f'<th title="{esc(col.name)}">{esc(head)}</th>' for head, col in zip(words.heads(m), m.outlets))
    return f"<tr><th></th><th>{first}</th>{cells}</tr>"


def render(m: Matrix) -> str:
    n_out = len(m.outlets)
    title = f"Coverage of {esc(m.source.name)} by {words.outlets(n_out)}"
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{title}</title><style>{CSS}</style></head><body>", f"<h1>{title}</h1>"]
    if not m.outlets:
        out += [f"<p>{words.NONE}</p>", "<ul>"]
        out += [f'<li class="failed">{esc(k)}</li>' for k in words.key_lines(m)] + ["</ul>", "</body></html>"]
        return "\n".join(out) + "\n"
    out += ["<table>", _head(m, "source claim")]
    for x, row in zip(m.claims, m.cells):
        cells = "".join(f'<td class="m {words.MARKS[c.mark].label}" title="{esc(words.hover(c))}">{esc(c.mark.value)}</td>'
                        for c in row)
        out.append(f'<tr><td class="id">S{x.sentence + 1}</td><td>{esc(x.text)}</td>{cells}</tr>')
    totals = "".join(f'<td class="m">{words.carried(m, n)}</td>' for n in range(n_out))
    out += [f"<tr><td></td><th>carried</th>{totals}</tr>", "</table>"]
    if m.clusters:
        out += ["<h2>Added by the outlets</h2>", "<table>", _head(m, "added claim")]
        for k in m.clusters:
            texts = {mb.outlet: mb.addition.text for mb in k.members}
            cells = "".join(f'<td class="m added" title="{esc(texts[n])}">{words.ADDED}</td>' if n in texts
                            else '<td class="m"></td>' for n in range(n_out))
            out.append(f'<tr><td class="id">A{k.id + 1}</td><td>{esc(k.text)}</td>{cells}</tr>')
        out.append("</table>")
    flagged = words.flagged_lines(m)
    if flagged:
        out += ["<h2>Flagged</h2>", "<ul>"] + [f"<li>{esc(line)}</li>" for line in flagged] + ["</ul>"]
    out.append('<p class="legend">' + "".join(f"<span><b>{esc(mark)}</b> {esc(meaning)}</span>"
                                               for mark, meaning in words.MEANINGS) + "</p>")
    keys = words.key_lines(m)
    if keys:
        out += ["<ul>"] + [f'<li class="{"failed" if k.startswith("not compared") else ""}">{esc(k)}</li>'
                           for k in keys] + ["</ul>"]
    out.append("</body></html>")
    return "\n".join(out) + "\n"
