"""Paragraphs and sentences, whatever convention the text uses.

Articles arrive with blank-line paragraphs, one paragraph per line, or
hard-wrapped lines; a line break is a paragraph break unless the line is a
soft wrap (it runs on mid-sentence and the next line continues it).
"""

from __future__ import annotations

import re

from natodiff.boilerplate import IN_SENTENCE_CREDIT, is_boilerplate
from natodiff.lexicon import ABBREVIATED_TITLES, ABBREVIATIONS, MONTH_ABBREVIATIONS, SENTENCE_STARTERS, SMALL_WORDS
from natodiff.model import Sentence, Side
from natodiff.patterns import Pattern

_BULLET = Pattern(r"^\s*(?:[-*•·▪◦‣]|\d{1,3}[.)])\s+")
_END = Pattern(r"""[.!?]+["'”’»)\]]*$""")
# A candidate boundary: terminal punctuation, optional closers, whitespace.
# A parenthesis after a full stop is a credit or an aside of the same sentence.
_BOUNDARY = Pattern(r"""([.!?…]+)(["'”’»)\]]*)(\s+)(?=["'“‘«]?[\w$€£¥\d])""")
_WORD_BEFORE = Pattern(r"""([\w.]+)$""")
_FIRST_WORD = Pattern(r"""["'“‘«(\[]*(\w+)""")
_INITIAL = Pattern(r"[A-Z]\.\s")  # the next word is an initial too: "J. A. Smith"
_DOTTED = Pattern(r"(?:[a-z]\.)+[a-z]")  # "u.s", "j.d", "a.m" (the last dot stripped)
def paragraphs(text: str) -> list[str]:
    """Split into paragraphs, whitespace folded; empty ones dropped."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        width = max(len(ln) for ln in lines)
        current = lines[0]
        for prev, line in zip(lines, lines[1:]):
            if _soft_wrap(prev, line, width):
                # A line broken after a hyphen ("highly-/skilled") rejoins without a space.
                glue = "" if re.search(r"\w-$", current) else " "
                current = current + glue + line
            else:
                out.append(current)
                current = line
        out.append(current)
    return [part for p in out for part in _split_toggles(" ".join(p.split()))]


# A caption's "less"/"more" toggle that a scraper glued onto the next paragraph: after a stop
# ("…shake hands. less Election officials…"), or after a credit before a sentence's first
# word ("…Jane Roe/PA less The government…"); "more NATO troops" is prose.
_TOGGLE = Pattern(r"(?<=[\w.!?\"'”’)])\s(?:less|more)(?=\s[\"“]?([A-Z][a-z]*))")


def _split_toggles(paragraph: str) -> list[str]:
    """The paragraph cut after each caption toggle; the toggle stays with its caption."""
    out = []
    start = 0
    for m in _TOGGLE.finditer(paragraph):
        before = paragraph[max(start, m.start() - 40) : m.start()].rsplit(" ", 1)[-1]
        after_stop = before[-1:] in ".!?\"'”’)"
        if after_stop or before[:1].isupper() and m.group(1).casefold() in SENTENCE_STARTERS:
            out.append(paragraph[start : m.end()])
            start = m.end() + 1
    out.append(paragraph[start:])
    return [p for p in out if p]


def _soft_wrap(prev: str, line: str, width: int) -> bool:
    """True when ``line`` continues ``prev`` (hard-wrapped prose)."""
    # Hard wrapping happens at 60-100 columns; longer lines are paragraphs.
    if not 40 <= width <= 100:
        return False
    if _BULLET.match(line) and not (line[0].isdigit() and re.search(r"[\w,]$", prev)):
        return False  # a list item, unless a number wrapped mid-sentence ("the centre\n1. Ministers")
    if is_boilerplate(prev) or is_boilerplate(line):
        return False  # "From: Ministry of Defence" / "Published 4 <Month> 2024"
    if len(prev) < 0.6 * width:  # a short line ends a paragraph or is a heading
        return False
    if _END.search(prev) and not _abbreviation_end(prev):
        return False
    return True


def _abbreviation_end(text: str) -> bool:
    m = _WORD_BEFORE.search(text.rstrip(".!?\"'”’)"))
    if not text.rstrip("\"'”’)").endswith("."):
        return False
    word = (m.group(1) if m else "").rstrip(".").casefold()
    return word in ABBREVIATIONS or len(word) == 1 and word.isalpha()


def sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, keeping quotes with their sentence."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        end = m.end(2)
        if _is_boundary(paragraph, m):
            piece = paragraph[start:end].strip()
            if piece:
                out.append(piece)
            start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [piece for sent in out for piece in _split_credit(sent)]


# A photo credit between two sentences: "…at the palace. (Jane Roe/Agency via AP) Jane Roe AP The talks…".
_CREDIT_BETWEEN = Pattern(rf"(?<=[.!?])\s+({IN_SENTENCE_CREDIT})(?=\s+[\"“]?[A-Z])")


def _split_credit(sentence: str) -> list[str]:
    """The sentence, the credit and the sentence after it, apart."""
    out = []
    start = 0
    for m in _CREDIT_BETWEEN.finditer(sentence):
        out += [sentence[start : m.start()], m.group(1)]
        start = m.end(1)
    out.append(sentence[start:])
    return [piece.strip() for piece in out if piece.strip()]


# A paragraph's own number: "1. We, the Heads of State …" (a communiqué's numbered paragraphs).
_PARAGRAPH_NUMBER = Pattern(r"\s*\d{1,3}")


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    """Whether the stop ``m`` ends a sentence; it reads only near ``m``, so a long paragraph splits in linear time."""
    if m.group(1) == "." and not m.group(2) and _PARAGRAPH_NUMBER.fullmatch(text, 0, m.start(1)):
        return False  # "1." numbers the paragraph; it is not a sentence
    after = m.end()
    opens = after
    while opens < len(text) and text[opens] in _OPENERS:
        opens += 1
    first = text[opens : opens + 1]
    if first.islower():
        return False  # "…conflict,” he said." and "U.S. forces" stay whole
    if not m.group(1).startswith(".") or m.group(2):
        return True
    word = _word_before(text, m.start(1)).casefold().strip(".")
    if word in ABBREVIATED_TITLES:
        return False  # "Mr. Stoltenberg"
    if len(word) == 1 and word.isalpha():
        # An initial: "J. Smith", "J. A. Smith" run on; "the tanker Eagle S. The vessel" ends.
        return _next_word(text, after) in SENTENCE_STARTERS and not _INITIAL.match(text, after)
    if _DOTTED.fullmatch(word):
        # "U.S. Army", "J.D. Vance", "10 a.m. Monday" run on; "5 p.m. The meeting" ends.
        return _next_word(text, after) in SENTENCE_STARTERS
    if word in ABBREVIATIONS:
        # A shortened month before its day or year, "No. 10", "approx. $5 bn" run on.
        return first.isupper() and word not in MONTH_ABBREVIATIONS
    return True


# Quotation marks and brackets that may open the next sentence.
_OPENERS = "\"'“‘«(["
# How far before a stop its word is looked for first.
_BEHIND = 80


def _word_before(text: str, end: int) -> str:
    """The run of word characters and dots that ends at ``end``; searched near ``end`` first."""
    lo = max(0, end - _BEHIND)
    w = _WORD_BEFORE.search(text, lo, end)
    if w and w.start() == lo and lo > 0:  # the run may go on before the window
        w = _WORD_BEFORE.search(text, 0, end)
    return w.group(1) if w else ""


def _next_word(text: str, at: int = 0) -> str:
    m = _FIRST_WORD.match(text, at)
    return m.group(1).casefold() if m else ""


def is_heading(paragraph: str, limit: int = 14) -> bool:
    """A short line without closing punctuation: a title, heading or caption.

    A document's first line may be longer ("Press conference by NATO Secretary
    General Jens Stoltenberg following the meeting of …"): ``limit`` words.
    """
    words = paragraph.split()
    return len(words) <= limit and not _END.search(paragraph) and not paragraph.endswith((",", ";"))


TITLE_WORDS = 30


def _is_title(paragraph: str) -> bool:
    """The document's title: a heading up to 30 words, or a title-case line ending in "Jr."."""
    if is_heading(paragraph, TITLE_WORDS):
        return True
    words = paragraph.split()
    if len(words) > TITLE_WORDS or not _abbreviation_end(paragraph):
        return False
    # "Readout of … Meeting With Philippine Secretary … Gilberto Teodoro Jr.": every word but
    # the small ones capitalised, as headlines are and sentences are not.
    return all(w[:1].isupper() or not w[:1].isalpha() or w.casefold() in SMALL_WORDS for w in words)


def segment(text: str, side: Side) -> tuple[tuple[Sentence, ...], int]:
    """All sentences of ``text`` in order, and the number of paragraphs."""
    out: list[Sentence] = []
    paras = paragraphs(text)
    # The header: the title and any subtitle or standfirst without a full stop, up to the first
    # sentence; page furniture ("SC/15595", a date, a byline) may stand among them.
    header = True
    for p, para in enumerate(paras):
        title = header and _is_title(para)
        header = title or header and is_boilerplate(para)
        if title or not header and is_heading(para, 14):
            out.append(Sentence(side, len(out), p, para, heading=True))
            continue
        for sent in sentences(para):
            out.append(Sentence(side, len(out), p, sent))
    return tuple(out), len(paras)
