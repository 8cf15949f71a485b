"""The Markdown report: pastes into a ticket or wiki (GitHub/GitLab-flavoured).

A summary table, then one list entry per item, then facts and quotations
(when there are any) and a legend. Article text is escaped so that ``*``,
``_``, ``|``, ``[``, ``<``, ``$``, ``@``, ``#`` and friends print as
themselves; word diffs use ``~~deleted~~`` and ``**inserted**``.
Consumes a Comparison only; nothing here aligns or counts.
"""

from __future__ import annotations

import unicodedata
from typing import Sequence

from natodiff.model import Alignment, Comparison, DiffOp, Fact, Kind, Op, Quote, Sentence
from natodiff.order import source_order
from natodiff.patterns import Pattern
from natodiff.render import UNSAFE, code, in_quotes, lead_line, similarity
from natodiff.render.vocabulary import KIND_LABELS, STATUSES, VERDICTS, coverage_line, document_size, flags, kind_counts, reuse_line


# Backslash-escapable ASCII punctuation that can start markup somewhere:
# emphasis, code, links, raw HTML and entities, tables, strikethrough, math
# ($), mentions (@) and issue references (#) on GitHub/GitLab.
_SPECIAL = Pattern(r"([\\`*_\[\]<>|~$@&#!])")
# What would open a block (list, heading underline, ordered list) at line start.
_BLOCK_START = Pattern(r"^([-+=])|^(\d{1,9})([.)])")
_CONTROL = UNSAFE  # shown as their escape code (see render.visible); tab and newlines as spaces


def escape(text: str) -> str:
    """Article text as literal Markdown on one line."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _CONTROL.sub(lambda m: " " if m.group() in "\t\n\r" else "\\" + code(m.group()), text)


def _block_safe(line: str) -> str:
    """Escape a leading character that would start a list or heading."""
    m = _BLOCK_START.match(line)
    if not m:
        return line
    if m.group(1):
        return "\\" + line
    return f"{m.group(2)}\\{line[m.end(2):]}"


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _opens(before: str, first: str) -> bool:
    """CommonMark's left-flanking rule for a delimiter run."""
    return not first.isspace() and (not _is_punct(first) or not before or before.isspace() or _is_punct(before))


def _closes(last: str, after: str) -> bool:
    """CommonMark's right-flanking rule for a delimiter run."""
    return not last.isspace() and (not _is_punct(last) or not after or after.isspace() or _is_punct(after))


_FALLBACK = {"~~": ("<del>", "</del>"), "**": ("<strong>", "</strong>")}


def _join(parts: list[tuple[str, str | None]]) -> str:
    """Concatenate (text, mark) parts, marking words with ``~~``/``**``.

    Spaces stay outside the delimiters, or they would not count as emphasis;
    where a delimiter still could not open or close (``~~$~~10``: punctuation
    inside, a letter outside) the part falls back to <del>/<strong>.
    """
    pieces: list[tuple[str, str, str, str | None]] = []  # lead, body, tail, mark
    for raw, mark in parts:
        text = escape(raw)
        body = text.strip() if mark else text
        if mark and not body:
            continue
        lead = text[: len(text) - len(text.lstrip())] if mark else ""
        tail = text[len(text.rstrip()) :] if mark else ""
        pieces.append((lead, body, tail, mark))
    out = ""
    for n, (lead, body, tail, mark) in enumerate(pieces):
        out += lead
        if mark is None:
            out += body
            continue
        if tail:
            after = tail[0]
        elif n + 1 < len(pieces):
            nxt = pieces[n + 1]
            after = (nxt[0] or (nxt[3] or "") or nxt[1])[:1]
        else:
            after = ""
        if _opens(out[-1:], body[0]) and _closes(body[-1], after):
            out += f"{mark}{body}{mark}{tail}"
        else:
            left, right = _FALLBACK[mark]
            out += f"{left}{body}{right}{tail}"
    return out.strip()


def diff_line(ops: Sequence[DiffOp]) -> str:
    """Both sides in one line: ``~~source words~~ **outlet words**``."""
    from natodiff.render.html import combined

    marks = {None: None, "del": "~~", "ins": "**"}
    return _join([(text, marks[tag]) for text, tag in combined(ops)])


def side_line(ops: Sequence[DiffOp], side: str) -> str:
    """One side's own words, with what the other side lacks marked."""
    changed, mark = (Op.DELETE, "~~") if side == "source" else (Op.INSERT, "**")
    parts: list[tuple[str, str | None]] = []
    for op in ops:
        piece = op.source if side == "source" else op.outlet
        if op.op is Op.EQUAL:
            parts.append((piece, None))
        elif op.op in (changed, Op.REPLACE):
            parts.append((piece, mark))
    return _join(parts)


def _ids(sentences: Sequence[Sentence], prefix: str) -> str:
    return ",".join(f"{prefix}{s.index + 1}" for s in sentences)


def _quoted(text: str) -> str:
    return in_quotes(text, escape)


def _cell(text: str) -> str:
    return text.replace("\n", " ")


def summary(c: Comparison) -> list[str]:
    s = c.summary
    rows: list[tuple[str, str]] = []
    for label, doc in (("source", c.source), ("outlet", c.outlet)):
        rows.append((label, f"{escape(doc.name)} {document_size(doc)}"))
    for kind, n in kind_counts(s):
        rows.append((KIND_LABELS[kind], f"{n} sentence{'' if n == 1 else 's'}"))
    rows.append(("repeats", f"{s.repeats} (not counted)"))
    rows.append(("moved", str(s.moved)))
    rows.append(("reuse", reuse_line(s)))
    rows.append(("coverage", coverage_line(s)))
    rows.append(("density", f"{s.density:.2f}"))
    run = f"{s.longest_shared.words} words"
    if s.longest_shared.text:
        run += f": {_quoted(s.longest_shared.text)}"
    rows.append(("longest verbatim run", run))
    rows.append(("lead", _lead(c)))
    rows.append(("threshold", f"{c.options.threshold:.2f}"))
    rows += shift_rows(c)
    out = ["| measure | value |", "|---|---|"]
    out += [f"| {label} | {_cell(value)} |" for label, value in rows]
    return out


def _lead(c: Comparison) -> str:
    return lead_line(c, _quoted)


def item(a: Alignment) -> list[str]:
    """A list entry: kind, score, sentence ids and flags; the text below it."""
    head = f"**{KIND_LABELS[a.kind]}**"
    if a.similarity is not None:
        head += f" {similarity(a.similarity)}"
    ids = " ← ".join(x for x in (_ids(a.outlet, "O"), _ids(a.source, "S")) if x)
    if ids:
        head += f" · {ids}"
    # "item N", not "#N": a "#12" in a GitHub or GitLab ticket links issue 12.
    said = flags(a, lambda n: f"repeats item {n}")
    if said:
        head += f" · *{', '.join(said)}*"
    head += f" · item {a.id}"
    lines = [f"- {head}"]
    if a.diff and a.kind is Kind.REWORDED:
        lines.append(f"  - source: {side_line(a.diff, 'source')}")
        lines.append(f"  - outlet: {side_line(a.diff, 'outlet')}")
    elif a.diff:
        lines.append(f"  - {_block_safe(diff_line(a.diff))}")
    else:
        sentences = a.outlet or a.source
        lines.append(f"  - {_block_safe(escape(' '.join(s.text for s in sentences)))}")
    lines += [f"  - shift: {escape(line)}" for line in _shift_lines(a)]
    return lines


def _shift_lines(a: Alignment) -> list[str]:
    from natodiff.render.shifts import line

    return [line(s) for s in a.shifts]


def shift_rows(c: Comparison) -> list[tuple[str, str]]:
    """The summary's "meaning shifts" row, when there are any."""
    from natodiff.render.shifts import counts

    found = counts(c)
    return [("meaning shifts", found)] if found else []


def framing_table(c: Comparison) -> list[str]:
    from natodiff.render.shifts import framing_row

    out = ["| source term | outlet term | times | items |", "|---|---|---|---|"]
    out += ["| " + " | ".join(escape(cell) for cell in framing_row(f)) + " |" for f in c.framing]
    return out


def facts_table(facts: Sequence[Fact]) -> list[str]:
    out = ["| fact | type | status | source says | outlet says |", "|---|---|---|---|---|"]
    for f in facts:
        source = f.source_says or f.source or ""
        outlet = f.outlet_says or f.outlet or ""
        out.append(
            f"| {escape(f.text)} | {f.type.value} | {STATUSES[f.status].label} "
            f"| {escape(source)} | {escape(outlet)} |"
        )
    return out


def quotes_table(quotes: Sequence[Quote]) -> list[str]:
    out = ["| verdict | speaker | quotation in the outlet | in the source |", "|---|---|---|---|"]
    for q in quotes:
        theirs = diff_line(q.diff) if q.diff else escape(q.source_text or "")
        out.append(
            f"| {VERDICTS[q.verdict].label} | {escape(q.speaker or '')} "
            f"| {_quoted(q.text)} | {theirs} |"
        )
    return out


LEGEND = (
    "**Legend.** *shared*: carried over verbatim (up to spelling, typography, number format); "
    "*reworded*: same content, new wording; *outlet-only*: added by the outlet; "
    "*source-only*: left out by the outlet; *boilerplate*: page furniture, not counted. "
    "O = outlet sentence, S = source sentence. "
    "In word diffs ~~struck~~ = source words the outlet dropped or changed, "
    "**bold** = the outlet's words."
)


def combined_facts(c: Comparison) -> list[str]:
    """One list entry a claim, with its provenance in bold."""
    from natodiff.render import combined

    if not c.claims:
        return []
    out = ["", f"## {combined.heading(c)}", ""]
    for line in combined.lines(c):
        note = f" ({escape(line.note)})" if line.note else ""
        out.append(f"- **{line.marker}** {line.ids}: {_quoted(line.text)}{note}")
    return out


def render(c: Comparison, *, order: str = "outlet", facts: bool = True) -> str:
    """The whole report as Markdown text ending in a newline."""
    out = [f"# natodiff: {escape(c.outlet.name)} against {escape(c.source.name)}", "", "## Summary", ""]
    out += summary(c)
    out += combined_facts(c)
    items = source_order(c.alignments) if order == "source" else c.alignments
    out += ["", f"## Items in {order} order", ""]
    for a in items:
        out += item(a)
    if facts and c.facts:
        out += ["", "## Facts", ""] + facts_table(c.facts)
    if facts and c.names:
        from natodiff.render.combined import names_line

        out += ["", escape(names_line(c) or "")]
    if facts and c.quotes:
        out += ["", "## Quotations", ""] + quotes_table(c.quotes)
    if c.framing:
        out += ["", "## Framing", ""] + framing_table(c)
    out += ["", LEGEND, ""]
    return "\n".join(out)
