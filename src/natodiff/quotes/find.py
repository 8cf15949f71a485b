"""Quotations in one text, with who said them where the text says so.

A quotation is what stands between quote marks (or a pull quote: a lone
sentence followed by a "Name, Title" line); its speaker is the subject of
the speech verb nearest to it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from natodiff.boilerplate import NAME_TITLE
from natodiff.facts import People, people, persons_in, resolve_person
from natodiff.facts.mention import content
from natodiff.lexicon import SPEAKER_PRONOUNS, SPEECH_VERBS
from natodiff.model import Sentence
from natodiff.normalise import fold
from natodiff.patterns import Pattern


class Quotation(NamedTuple):
    """One quoted passage of one text, with who said it when the text says so."""

    text: str
    speaker: str | None
    sentence: int  # Sentence.index where the quotation opens
    sentences: tuple[int, ...]  # every sentence it runs through
    pull: bool = False  # a pull quote (no quote marks, attribution line below)


class Piece(NamedTuple):
    """The quoted words of one sentence, by their span."""

    sentence: int  # Sentence.index
    start: int  # span of the quoted words inside Sentence.text, marks excluded
    end: int


# ------------------------------------------------------------------ scanning

_OPENERS = "“„«"
_CLOSERS = "”»"
_DOUBLE = _OPENERS + _CLOSERS + '"'
_HAS_DOUBLE = Pattern(f"[{_DOUBLE}]")
# Every character _mark may call a quote mark; the others need no look.
_MARKS = Pattern(f"[{_DOUBLE}‘’']")
_CONTINUED = Pattern(r"\s*[“\"«„‘']")
_ANY_WORD = Pattern(r"\w")


def scan(sentences: Sequence[Sentence]) -> list[list[Piece]]:
    """Quoted spans, in order; a quotation may run over sentences and paragraphs."""
    single = not any(_HAS_DOUBLE.search(s.text) for s in sentences)
    quotes: list[list[Piece]] = []
    pieces: list[Piece] | None = None  # the open quotation
    depth = 0
    prev_para = None
    for sent in sentences:
        text, begin = sent.text, 0
        if pieces is not None and sent.paragraph != prev_para:
            # Classic news style: an unclosed quote goes on when the next paragraph
            # opens with a quote mark; otherwise it simply ended with the paragraph.
            cont = _CONTINUED.match(text)
            if cont and (not single or cont.group().strip() in "‘'"):
                begin = cont.end()
            else:
                quotes.append(pieces)
                pieces, depth = None, 0
        prev_para = sent.paragraph
        start = begin
        for mark in _MARKS.finditer(text, begin):
            i = mark.start()
            kind = _mark(text, i, pieces is not None, single)
            if kind == "open":
                if pieces is None:
                    pieces, start, depth = [], i + 1, 0
                else:
                    depth += 1  # a nested quote in the same style
            elif kind == "close" and pieces is not None:
                if depth:
                    depth -= 1
                    continue
                pieces.append(Piece(sent.index, start, i))
                quotes.append(pieces)
                pieces = None
        if pieces is not None:
            pieces.append(Piece(sent.index, start, len(text)))
            start = 0
    if pieces:
        quotes.append(pieces)
    by_index = {s.index: s for s in reversed(sentences)}  # of two sentences with one index, the first
    return [q for q in quotes if any(_ANY_WORD.search(_piece_text(by_index, p)) for p in q)]


def _mark(text: str, i: int, is_open: bool, single: bool) -> str | None:
    """"open", "close" or None for the character at ``i``."""
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not single:
        if ch in _OPENERS:
            return "open"
        if ch in _CLOSERS:
            return "close"
        if ch == '"':
            return "close" if is_open else ("open" if not after.isspace() else None)
        return None
    # Single quotes as primary marks: an apostrophe (Russia's, don't, '90s) sits
    # between letters or before a digit, never where a quote opens or closes.
    if ch in "‘'" and not is_open and (before.isspace() or before in "([—–-") and after.isalpha():
        return "open"
    if ch in "’'" and is_open and not before.isspace() and not (before.isalnum() and after.isalnum()):
        return "close" if (after.isspace() or after in ".,;:!?)—–-") else None
    return None


def _piece_text(by_index: dict[int, Sentence], piece: Piece) -> str:
    return by_index[piece.sentence].text[piece.start:piece.end]


def _quote_text(by_index: dict[int, Sentence], pieces: list[Piece]) -> str:
    """The quoted words, pieces joined; a trailing comma belongs to the sentence."""
    text = " ".join(by_index[p.sentence].text[p.start:p.end].strip() for p in pieces)
    return text.strip().rstrip(",;:").strip()


# ---------------------------------------------------------------- attribution

# The lookahead on first letters lets the engine pass over most words without trying each verb.
_VERB = Pattern(rf"\b(?=[{''.join(sorted({verb[0] for verb in SPEECH_VERBS}))}])"
                   rf"(?:{'|'.join(map(re.escape, SPEECH_VERBS))})\b")
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:of|for)\s+|\s+))*[A-Z][\w.'’-]*"
_SUBJECT_BEFORE = Pattern(
    rf"(?P<subj>\b(?:he|she|He|She)\b|(?:\b[Tt]he\s+)?{_NAME})\s+(?:(?:also|further|then|later|again|\w+ly)\s+)?$"
)
_SUBJECT_AFTER = Pattern(rf"\s+(?P<subj>\b(?:he|she)\b|(?:[Tt]he\s+)?{_NAME})")
# How far before or after a speech verb its subject is looked for: a name with its title fits many
# times over, and the bound keeps a long unpunctuated sentence from costing its length per verb.
SUBJECT_REACH = 200


class _Event(NamedTuple):
    """A speech verb with the person it names (or None when unreadable)."""

    pos: int
    speaker: str | None


def _masked(sent: Sentence, spans: list[tuple[int, int]]) -> str:
    """The sentence with quoted words blanked out, so names inside quotes do not speak."""
    text = fold(sent.text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "\x00" * (end - start)
    return "".join(chars)


def _events(frame: str, known: People, last: str | None) -> list[_Event]:
    """The speech verbs of one sentence in order, each with its subject resolved to a speaker."""
    out = []
    for verb in _VERB.finditer(frame):
        start, end = verb.span()
        m = _SUBJECT_BEFORE.search(frame, max(0, start - SUBJECT_REACH), start)
        if not m:
            m = _SUBJECT_AFTER.match(frame, end, end + SUBJECT_REACH)
        if not m:
            continue
        subject = m.group("subj")
        if subject.casefold() in SPEAKER_PRONOUNS:
            who = last
        else:
            who = resolve_person(subject, known)
        out.append(_Event(verb.start(), who))
        if who:
            last = who
    return out


def _pull_quotes(sentences: Sequence[Sentence], known: People) -> dict[int, str | None]:
    """Lone sentences without quote marks followed by a "Name, Title" line."""
    paras: dict[int, list[Sentence]] = {}
    for s in sentences:
        paras.setdefault(s.paragraph, []).append(s)
    out: dict[int, str | None] = {}
    for p, sents in paras.items():
        nxt = paras.get(p + 1)
        if len(sents) != 1 or not nxt or len(nxt) != 1:
            continue
        sent, line = sents[0], nxt[0].text
        m = NAME_TITLE.match(line)
        if sent.boilerplate or sent.heading or any(ch in _DOUBLE for ch in sent.text) or not m:
            continue
        if len(line.split()) <= 12:
            out[sent.index] = resolve_person(m.group("name"), known) or m.group("name")
    return out


def find_quotes(sentences: Sequence[Sentence], known: People | None = None) -> tuple[Quotation, ...]:
    """Every quotation of one text in text order, with its speaker where readable."""
    stated = content(sentences)
    known = known if known is not None else people(stated)
    by_index = {s.index: s for s in stated}
    scanned = scan(stated)
    spans: dict[int, list[tuple[int, int]]] = {}
    for pieces in scanned:
        for p in pieces:
            spans.setdefault(p.sentence, []).append((max(p.start - 1, 0), min(p.end + 1, len(by_index[p.sentence].text))))
    events, before = _speech_events(stated, spans, known)
    pulls = _pull_quotes(sentences, known)
    found = [_quotation(pieces, by_index, events, before) for pieces in scanned]
    found += [Quotation(by_index[i].text.strip(), who, i, (i,), pull=True) for i, who in pulls.items()]
    return tuple(sorted(found, key=lambda q: q.sentence))


def _speech_events(stated: list[Sentence], spans: dict[int, list[tuple[int, int]]], known: People):
    """Speech events per sentence, and the last named speaker before each sentence."""
    events: dict[int, list[_Event]] = {}
    before: dict[int, tuple[str | None, int]] = {}
    last, last_pos, mentioned = None, -99, None
    for pos, sent in enumerate(stated):
        before[sent.index] = (last, pos - last_pos)
        masked = _masked(sent, spans.get(sent.index, []))
        # "he said" is the last named speaker; before anyone spoke, the last person named.
        events[sent.index] = _events(masked, known, last or mentioned)
        named = [e.speaker for e in events[sent.index] if e.speaker]
        if named:
            last, last_pos = named[-1], pos
        if last is None:  # once someone has spoken, the last person named is never asked for
            persons = persons_in(masked.replace("\x00", " "), known)
            mentioned = persons[-1] if persons else mentioned
    return events, before


def _quotation(pieces: list[Piece], by_index: dict[int, Sentence],
               events: dict[int, list[_Event]], before: dict[int, tuple[str | None, int]]) -> Quotation:
    first, last = pieces[0], pieces[-1]
    # The speech verb closest to the quotation, in its first or last sentence; on a tie the earlier.
    near = [n for n in (_nearest(events.get(first.sentence, ()), first.start),
                        _nearest(events.get(last.sentence, ()), last.end) if last.sentence != first.sentence else None)
            if n is not None]
    speaker = min(near, key=lambda pair: pair[0])[1].speaker if near else None
    if not near:
        # A quotation standing alone continues the speaker of the sentence before.
        prior, distance = before.get(first.sentence, (None, 99))
        speaker = prior if distance <= 2 else None
    sents = tuple(dict.fromkeys(p.sentence for p in pieces))
    return Quotation(_quote_text(by_index, pieces), speaker, first.sentence, sents)




def _nearest(events: Sequence[_Event], at: int) -> tuple[int, _Event] | None:
    """(distance, event) of the event nearest ``at``; events are in text order, so a bisection finds it."""
    k = bisect.bisect_left(events, at, key=lambda e: e.pos)
    candidates = [(abs(e.pos - at), e) for e in events[max(k - 1, 0):k + 1]]
    return min(candidates, key=lambda pair: pair[0]) if candidates else None
