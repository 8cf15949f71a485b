"""Markdown to plain text: markup dropped, every line kept where it was.

Its own module, imported only for Markdown input: its patterns cost start-up
time that a plain-text comparison should not pay.
"""

from __future__ import annotations

import re


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^(\s{0,3})#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# Each starts with its literal so the regex engine can skip ahead quickly.
_STRONG_STAR = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_STRONG_UNDER = re.compile(r"__(?<!\w__)(?=\S)(.+?)(?<=\S)__(?!\w)")
_EM_STAR = re.compile(r"\*(?<![\w*]\*)(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"_(?<![\w_]_)(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


_BLOCK_MARKERS = "`~-*_=[>#+|"
# "|---|:---:|": the line under a table's header.
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_UNESCAPE = re.compile("[\U000f0000-\U000f007f]")


def _markdown_inline(text: str) -> str:
    """Inline markup; run on many lines at once (no pattern crosses a newline)."""
    # Escaped characters hide in the private-use area until markup is gone.
    text = _ESCAPE.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\2", text)
    text = _STRONG_STAR.sub(r"\1", text)
    text = _STRONG_UNDER.sub(r"\1", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    return _UNESCAPE.sub(lambda m: chr(ord(m.group()) - 0xF0000), text)


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
                line = heading.group(1) + heading.group(2)
            prose.append(_BULLET.sub(r"\1", line))
    if prose:
        out.append(_markdown_inline("\n".join(prose)))
    return "\n".join(out)
