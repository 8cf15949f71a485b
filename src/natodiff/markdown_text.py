"""Markdown to plain text: markup dropped, every line kept where it was.

Its own module, imported only for Markdown input: its patterns cost start-up
time that a plain-text comparison should not pay.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from natodiff.patterns import Pattern

_FENCE = Pattern(r"^\s{0,3}(```|~~~)")
_HEADING = Pattern(r"^(\s{0,3})#{1,6}(?:\s+|$)")
_RULE = Pattern(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)\s*$")
_REF_DEF = Pattern(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_QUOTE = Pattern(r"^\s{0,3}(?:>\s?)+")
_BULLET = Pattern(r"^(\s*)[-*+]\s+")
_ESCAPE = Pattern(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")
# No "[" in a link's text and no "(" or "[" in its target beyond one level of
# parentheses: each attempt then stops at the next bracket, so "[" * 40000
# is one pass over the line, not one pass per bracket.
_TARGET = r"\((?:[^()\[\]\n]|\([^()\[\]\n]*+\))*+\)"
_IMAGE = Pattern(r"!\[[^\[\]\n]*+\]" + _TARGET + r"|!\[[^\[\]\n]*+\]\[[^\[\]\n]*+\]")
_LINK = Pattern(r"\[([^\[\]\n]*+)\](?:" + _TARGET + r"|\[[^\[\]\n]*+\])")
_AUTOLINK = Pattern(r"<((?:https?|mailto):[^<>\s]++)>")


class _Spans:
    """Inline spans delimited by a mark, as ``re.sub(open (.+?) close, content)`` would strip them.

    That regex rescans the rest of the line from every opener that has no
    closer (``"**a " * 20000``: quadratic); here openers and closers are
    found once each and paired with a bisect. The group in each pattern is
    the mark; a closer pairs with an opener whose mark is the same.
    tests/test_markdown_spans.py pins it to the regex.
    """

    def __init__(self, opener: str, closer: str) -> None:
        self.opener, self.closer = re.compile(opener), re.compile(closer)

    def strip(self, text: str) -> str:
        closers: dict[str, list[int]] = {}
        for m in self.closer.finditer(text):
            closers.setdefault(m.group(1), []).append(m.start())
        if not closers:
            return text
        newlines = [m.start() for m in _NEWLINE.finditer(text)]
        out: list[str] = []
        pos = 0
        for m in self.opener.finditer(text):
            start, mark = m.start(), m.group(1)
            if start < pos:
                continue
            content = start + len(mark)
            ends = closers.get(mark, ())
            k = bisect_left(ends, content + 1)  # at least one character between
            if k == len(ends):
                continue
            end = ends[k]
            n = bisect_left(newlines, content)
            if n < len(newlines) and newlines[n] < end:  # a span never crosses a line
                continue
            out += (text[pos:start], text[content:end])
            pos = end + len(mark)
        out.append(text[pos:])
        return "".join(out)


_NEWLINE = Pattern("\n")
_CODE = _Spans(r"(?<!`)(?=(`+)(?!`))", r"(?<!`)(?=(`+)(?!`))")
_STRONG_STAR = _Spans(r"(?=(\*\*)\S)", r"(?<=\S)(?=(\*\*))")
_STRONG_UNDER = _Spans(r"(?<!\w)(?=(__)\S)", r"(?<=\S)(?=(__)(?!\w))")
_EM_STAR = _Spans(r"(?<![\w*])(?=(\*)\S)", r"(?<=\S)(?=(\*)(?![\w*]))")
_EM_UNDER = _Spans(r"(?<![\w_])(?=(_)\S)", r"(?<=\S)(?=(_)(?![\w_]))")
_STRIKE = _Spans(r"(?=(~~)\S)", r"(?<=\S)(?=(~~))")


_BLOCK_MARKERS = "`~-*_=[>#+|"
# "|---|:---:|": the line under a table's header.
_TABLE_RULE = Pattern(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_UNESCAPE = Pattern("[\U000f0000-\U000f007f]")


def _markdown_inline(text: str) -> str:
    """Inline markup; run on many lines at once (no pattern crosses a newline)."""
    # Escaped characters hide in the private-use area until markup is gone.
    text = _ESCAPE.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    for spans in (_CODE, _STRONG_STAR, _STRONG_UNDER, _EM_STAR, _EM_UNDER, _STRIKE):
        text = spans.strip(text)
    return _UNESCAPE.sub(lambda m: chr(ord(m.group()) - 0xF0000), text)


def _heading_text(rest: str) -> str:
    """A heading's text without its closing #s ("## Title ##"); string methods, as a
    regex for the closing run rescans a long run of spaces from each of its spaces."""
    text = rest.rstrip()
    unclosed = text.rstrip("#")
    if unclosed and unclosed[-1].isspace():
        return unclosed.rstrip()
    return text


def markdown_to_text(text: str) -> str:
    """Drop markup but keep every line where it was, so paragraphs survive."""
    out: list[str] = []
    prose: list[str] = []  # lines waiting for inline processing
    in_fence = False
    for line in text.split("\n"):
        first = line.lstrip()[:1]
        if first in ("`", "~") and _FENCE.match(line):
            if prose:
                out.append(_markdown_inline("\n".join(prose)))
                prose = []
            in_fence = not in_fence
            out.append("")
        elif in_fence:
            out.append(line)
        elif not first or first not in _BLOCK_MARKERS:  # the common case, made cheap
            prose.append(line)
        elif _RULE.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line):
            prose.append("")
        elif first == "|" and line.rstrip().endswith("|"):
            # A table row: its cells as one line of text, separated as a list is.
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            prose.append("; ".join(cell for cell in cells if cell))
        else:
            line = _QUOTE.sub("", line)
            heading = _HEADING.match(line)
            if heading:
                line = heading.group(1) + _heading_text(line[heading.end():])
            prose.append(_BULLET.sub(r"\1", line))
    if prose:
        out.append(_markdown_inline("\n".join(prose)))
    return "\n".join(out)
