"""Quotations: find them in each text, then check the outlet's against the source.

A quotation is what stands between quote marks (or a pull quote: a lone
sentence followed by a "Name, Title" line). The check works on normalised
token keys, so punctuation, case, hyphenation and British/American spelling
never count as changes; a changed, added or dropped word does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from typing import NamedTuple

from natodiff.facts import People, people, persons_in, register, resolve_person
from natodiff.model import DiffOp, Quote, Sentence, Verdict
from natodiff.normalise import NEGATIONS, POLARITY, Token, fold, same_compound, speaker_label, tokens
from natodiff.worddiff import word_diff


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quoted passage of one text, with who said it when the text says so."""

    text: str
    speaker: str | None
    sentence: int  # Sentence.index where the quotation opens
    sentences: tuple[int, ...]  # every sentence it runs through
    pull: bool = False  # a pull quote (no quote marks, attribution line below)


@dataclass(frozen=True, slots=True)
class _Piece:
    sentence: int  # Sentence.index
    start: int  # span of the quoted words inside Sentence.text, marks excluded
    end: int


# ------------------------------------------------------------------ scanning

_OPENERS = "“„«"
_CLOSERS = "”»"
_DOUBLE = _OPENERS + _CLOSERS + '"'
_HAS_DOUBLE = re.compile(f"[{_DOUBLE}]")
# Every character _mark may call a quote mark; the others need no look.
_MARKS = re.compile(f"[{_DOUBLE}‘’']")
_CONTINUED = re.compile(r"\s*[“\"«„‘']")
_ANY_WORD = re.compile(r"\w")


def _content(sentences: Sequence[Sentence]) -> list[Sentence]:
    return [s for s in sentences if not s.boilerplate]


def _scan(sentences: Sequence[Sentence]) -> list[list[_Piece]]:
    """Quoted spans, in order; a quotation may run over sentences and paragraphs."""
    single = not any(_HAS_DOUBLE.search(s.text) for s in sentences)
    quotes: list[list[_Piece]] = []
    pieces: list[_Piece] | None = None  # the open quotation
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
                pieces.append(_Piece(sent.index, start, i))
                quotes.append(pieces)
                pieces = None
        if pieces is not None:
            pieces.append(_Piece(sent.index, start, len(text)))
            start = 0
    if pieces:
        quotes.append(pieces)
    by_index = {s.index: s for s in reversed(sentences)}  # the first of an index wins, as next() did
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


def _piece_text(by_index: dict[int, Sentence], piece: _Piece) -> str:
    return by_index[piece.sentence].text[piece.start:piece.end]


def _quote_text(by_index: dict[int, Sentence], pieces: list[_Piece]) -> str:
    """The quoted words, pieces joined; a trailing comma belongs to the sentence."""
    text = " ".join(by_index[p.sentence].text[p.start:p.end].strip() for p in pieces)
    return text.strip().rstrip(",;:").strip()


# ---------------------------------------------------------------- attribution

_VERBS = (
    r"said|says|say|added|adds|concluded|concludes|stated|told|tells|noted|notes|"
    r"stressed|stresses|warned|warns|explained|explains|confirmed|confirms|declared|"
    r"insisted|insists|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|pointed out|"
    r"pointed to|made clear|makes clear|welcomed|argued|argues|wrote|writes|asked|"
    r"replied|announced|pledged|urged|remarked|observed|continued|according to|"
    # The reporting verbs of a slanted rewrite, and restating ones: "…,” the minister claimed.
    r"claimed|claims|admitted|admits|alleged|alleges|acknowledged|acknowledges|"
    r"reaffirmed|reaffirms|reiterated|reiterates|recalled|recalls|cautioned|cautions"
)
# The lookahead on first letters lets the engine pass over most words without trying each verb.
_VERB = re.compile(rf"\b(?=[{''.join(sorted({verb[0] for verb in _VERBS.split('|')}))}])(?:{_VERBS})\b")
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:of|for)\s+|\s+))*[A-Z][\w.'’-]*"
_SUBJECT_BEFORE = re.compile(
    rf"(?P<subj>\b(?:he|she|He|She)\b|(?:\b[Tt]he\s+)?{_NAME})\s+(?:(?:also|further|then|later|again|\w+ly)\s+)?$"
)
_SUBJECT_AFTER = re.compile(rf"^\s+(?P<subj>\b(?:he|she)\b|(?:[Tt]he\s+)?{_NAME})")
_ATTRIBUTION = re.compile(
    r"^[-—–\s]*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})\s*,\s*"
    r"(?P<title>(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,8})\s*$"
)
_PRONOUNS = {"he", "she"}


@dataclass(frozen=True, slots=True)
class _Event:
    """A speech verb with the person it names (or None when unreadable)."""

    pos: int
    speaker: str | None


def _masked(sent: Sentence, spans: list[tuple[int, int]]) -> str:
    """The sentence with quoted words blanked out, so names inside quotes do not speak."""
    text = fold(sent.text)
    for start, end in spans:
        text = text[:start] + "\x00" * (end - start) + text[end:]
    return text


def _events(frame: str, reg: People, last: str | None) -> list[_Event]:
    out = []
    for verb in _VERB.finditer(frame):
        m = _SUBJECT_BEFORE.search(frame[: verb.start()])
        if not m:
            m = _SUBJECT_AFTER.match(frame[verb.end():])
        if not m:
            continue
        subject = m.group("subj")
        if subject.casefold() in _PRONOUNS:
            who = last
        else:
            who = resolve_person(subject, reg)
        out.append(_Event(verb.start(), who))
        if who:
            last = who
    return out


def _pull_quotes(sentences: Sequence[Sentence], reg: People) -> dict[int, str | None]:
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
        m = _ATTRIBUTION.match(line)
        if sent.boilerplate or sent.heading or any(ch in _DOUBLE for ch in sent.text) or not m:
            continue
        if len(line.split()) <= 12:
            out[sent.index] = resolve_person(m.group("name"), reg) or m.group("name")
    return out


def find_quotes(sentences: Sequence[Sentence], reg: People | None = None) -> tuple[Quotation, ...]:
    """Every quotation of one text in text order, with its speaker where readable."""
    content = _content(sentences)
    reg = reg if reg is not None else people(content)
    by_index = {s.index: s for s in content}
    scanned = _scan(content)
    spans: dict[int, list[tuple[int, int]]] = {}
    for pieces in scanned:
        for p in pieces:
            spans.setdefault(p.sentence, []).append((max(p.start - 1, 0), min(p.end + 1, len(by_index[p.sentence].text))))
    events, before = _speech_events(content, spans, reg)
    pulls = _pull_quotes(sentences, reg)
    found = [_quotation(pieces, by_index, events, before) for pieces in scanned]
    found += [Quotation(by_index[i].text.strip(), who, i, (i,), pull=True) for i, who in pulls.items()]
    return tuple(sorted(found, key=lambda q: q.sentence))


def _speech_events(content: list[Sentence], spans: dict[int, list[tuple[int, int]]], reg: People):
    """Speech events per sentence, and the last named speaker before each sentence."""
    events: dict[int, list[_Event]] = {}
    before: dict[int, tuple[str | None, int]] = {}
    last, last_pos, mentioned = None, -99, None
    for pos, sent in enumerate(content):
        before[sent.index] = (last, pos - last_pos)
        masked = _masked(sent, spans.get(sent.index, []))
        # "he said" is the last named speaker; before anyone spoke, the last person named.
        events[sent.index] = _events(masked, reg, last or mentioned)
        named = [e.speaker for e in events[sent.index] if e.speaker]
        if named:
            last, last_pos = named[-1], pos
        if last is None:  # once someone has spoken, the last person named is never asked for
            persons = persons_in(masked.replace("\x00", " "), reg)
            mentioned = persons[-1] if persons else mentioned
    return events, before


def _quotation(pieces: list[_Piece], by_index: dict[int, Sentence],
               events: dict[int, list[_Event]], before: dict[int, tuple[str | None, int]]) -> Quotation:
    first, last = pieces[0], pieces[-1]
    # The speech verb closest to the quotation, in its first or last sentence.
    near = [(abs(e.pos - first.start), e) for e in events.get(first.sentence, [])]
    if last.sentence != first.sentence:
        near += [(abs(e.pos - last.end), e) for e in events.get(last.sentence, [])]
    speaker = min(near, key=lambda pair: pair[0])[1].speaker if near else None
    if not near:
        # A quotation standing alone continues the speaker of the sentence before.
        prior, distance = before.get(first.sentence, (None, 99))
        speaker = prior if distance <= 2 else None
    sents = tuple(dict.fromkeys(p.sentence for p in pieces))
    return Quotation(_quote_text(by_index, pieces), speaker, first.sentence, sents)


# ----------------------------------------------------------------- matching

# Changes that do not make a quotation unfaithful: articles anywhere, and
# function words at the edges of a fragment ("We need to shift" against a
# source that quotes "need to shift"); a negation never.
_ARTICLES = {"the", "a", "an"}
_NEGATIONS = NEGATIONS
ALTERED_MIN = 0.6  # difflib ratio of the best source window, for "altered"
PROSE_MIN = 0.7  # ... of the best prose window, for words the source says unquoted


@dataclass(frozen=True, slots=True)
class _Match:
    w0: int  # window of the source token list
    w1: int
    ops: tuple[tuple[str, int, int, int, int], ...]  # opcodes, window-relative
    matched: int
    ratio: float
    changes: int  # meaningful changes

    @property
    def faithful(self) -> bool:
        return self.changes == 0 and self.matched > 0


class _Marks(NamedTuple):
    """A journalist's marks inside a quotation: "…" for words left out, [brackets] for words put in."""

    gaps: frozenset[int]  # token positions an ellipsis stands before (len(toks): at the end)
    bracketed: frozenset[int]  # tokens inside [square brackets]

    @staticmethod
    def of(text: str, toks: Sequence[Token]) -> "_Marks":
        if "[" not in text and "…" not in text and ".." not in text and ". ." not in text:
            return NO_MARKS
        gaps = set()
        for j in range(len(toks) + 1):
            lo = toks[j - 1].end if j else 0
            hi = toks[j].start if j < len(toks) else len(text)
            if _ELLIPSIS.search(text, lo, hi):
                gaps.add(j)
        spans = [(m.start(), m.end()) for m in _BRACKETED.finditer(text)]
        bracketed = {j for j, t in enumerate(toks) if any(a < t.start and t.end < b for a, b in spans)}
        return _Marks(frozenset(gaps), frozenset(bracketed))


NO_MARKS = _Marks(frozenset(), frozenset())
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
_BRACKETED = re.compile(r"\[[^\]\[]*\w[^\]\[]*\]")
# Words an ellipsis may stand for: a clause or two, not paragraphs.
ELISION_MAX = 40
# Source words one [bracketed] insertion may stand for ("[NATO]" for "we").
BRACKET_MAX = 4


def _negates(toks: Sequence[Token]) -> bool:
    """A negation among ``toks``; "not only" (… but also) is not one."""
    return any(t.key in _NEGATIONS and not (t.key == "not" and k + 1 < len(toks) and toks[k + 1].key == "only")
               for k, t in enumerate(toks))


def _window(matcher: SequenceMatcher, a: list[str], gaps: int = 0) -> tuple[int, int, list[Match] | None] | None:
    """The stretch of ``a`` that lines up with the matcher's quotation: blocks consistent with the longest.

    With the passage's blocks when all of them are kept, for _opcodes.
    """
    matcher.set_seq1(a)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    if not blocks:
        return None
    anchor = max(blocks, key=lambda blk: blk.size)
    tolerance = max(3, len(matcher.b) // 6) + gaps * ELISION_MAX
    kept = [blk for blk in blocks if abs((blk.a - blk.b) - (anchor.a - anchor.b)) <= tolerance]
    return min(k.a for k in kept), max(k.a + k.size for k in kept), blocks if len(kept) == len(blocks) else None


def _matcher(out: Sequence[Token], marks: _Marks = NO_MARKS) -> SequenceMatcher:
    """A matcher holding an outlet quotation: difflib indexes it once, not once per source passage."""
    # A [bracketed] word is the journalist's: it may stand for source words, never match one.
    b = [f"\x00{j}" if j in marks.bracketed else t.key for j, t in enumerate(out)]
    return SequenceMatcher(None, (), b, autojunk=False)


def _opcodes(matcher: SequenceMatcher, a: list[str], w0: int, w1: int, blocks: list[Match] | None) -> list[tuple]:
    """difflib's opcodes of ``a[w0:w1]`` against the quotation.

    When every block of the whole passage lies in the window (``blocks``), difflib
    would find those very blocks in the window alone: they are shifted, not searched again.
    """
    if blocks is None:
        matcher.set_seq1(a[w0:w1])
        return matcher.get_opcodes()
    ops, i, j = [], 0, 0
    for ai, bj, size in [(blk.a - w0, blk.b, blk.size) for blk in blocks] + [(w1 - w0, len(matcher.b), 0)]:
        # As SequenceMatcher.get_opcodes reads its matching blocks.
        tag = "replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else ""
        if tag:
            ops.append((tag, i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            ops.append(("equal", ai, i, bj, j))
    return ops


def _match(src: Sequence[Token], out: Sequence[Token], marks: _Marks = NO_MARKS,
           matcher: SequenceMatcher | None = None) -> _Match | None:
    """How ``out`` lines up with ``src``; ``matcher`` is _matcher(out, marks), when the caller has it."""
    matcher = matcher or _matcher(out, marks)
    a, b = [t.key for t in src], matcher.b
    window = _window(matcher, a, len(marks.gaps))
    if window is None:
        return None
    w0, w1, blocks = window
    ops = tuple(_opcodes(matcher, a, w0, w1, blocks))
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    said = src[w0:w1]
    changes = sum(1 for op in ops if op[0] != "equal" and _meaningful(op, said, out, marks))
    ratio = 2 * matched / ((w1 - w0) + len(b)) if b else 0.0
    return _Match(w0, w1, ops, matched, ratio, changes)


def _meaningful(op: tuple[str, int, int, int, int], src: Sequence[Token], out: Sequence[Token],
                marks: _Marks = NO_MARKS) -> bool:
    tag, i1, i2, j1, j2 = op
    involved = list(src[i1:i2]) + list(out[j1:j2])
    if all(t.key in _ARTICLES for t in involved):
        return False
    if tag == "replace" and same_compound([t.key for t in src[i1:i2]], [t.key for t in out[j1:j2]]):
        return False  # "front line" / "frontline": one word written in two
    negation = _negates(src[i1:i2]) or _negates(out[j1:j2])
    at_edge = tag == "insert" and (j1 == 0 or j2 == len(out))
    if at_edge and all(not t.content for t in involved) and not negation:
        return False
    if negation:
        return True  # a "not" left out at an ellipsis or replaced in brackets changes the claim
    if tag == "delete" and j1 in marks.gaps and i2 - i1 <= ELISION_MAX:
        return False  # left out where the quotation says so
    inserted = range(j1, j2)
    if tag in ("insert", "replace") and inserted and all(j in marks.bracketed for j in inserted):
        # "[NATO] will" for "we will": brackets name what a word refers to. Content words
        # swapped for others ("[less]" for "more", "[fighter jets]" for "air defence
        # systems") change what was said, marked or not.
        replaced = [t for t in src[i1:i2] if t.content or t.key in POLARITY]
        bracket_keys = {out[j].key for j in inserted}
        return i2 - i1 > BRACKET_MAX or any(t.key not in bracket_keys for t in replaced)
    return True


@dataclass(frozen=True, slots=True)
class _Passage:
    """Source text to match against: a quotation, or the prose outside quotes."""

    text: str
    toks: tuple[Token, ...]
    sentences: tuple[int, ...] = ()  # for prose: the sentence of each token


def _prose(content: list[Sentence], scanned: list[list[_Piece]]) -> _Passage:
    """All words outside quotation marks, as one stream (sentence kept per token)."""
    quoted: dict[int, list[tuple[int, int]]] = {}
    for pieces in scanned:
        for p in pieces:
            quoted.setdefault(p.sentence, []).append((p.start, p.end))
    toks: list[Token] = []
    where: list[int] = []
    for sent in content:
        spans = quoted.get(sent.index)
        kept = tokens(sent.text)  # most sentences quote nothing: all their words are prose
        if spans is not None:
            kept = [t for t in kept if not any(s <= t.start < e for s, e in spans)]
        toks += kept
        where += [sent.index] * len(kept)
    return _Passage("", tuple(toks), tuple(where))


def _prose_text(passage: _Passage, match: _Match, by_index: dict[int, Sentence]) -> str:
    """The source's own words for a prose match, sentence by sentence."""
    parts: list[str] = []
    i = match.w0
    while i < match.w1:
        j = i
        while j + 1 < match.w1 and passage.sentences[j + 1] == passage.sentences[i]:
            j += 1
        text = by_index[passage.sentences[i]].text
        parts.append(text[passage.toks[i].start:passage.toks[j].end])
        i = j + 1
    return " … ".join(parts)


def _source_passages(quotes: Sequence[Quotation]) -> list[_Passage]:
    """Each source quotation, and each pair of neighbouring ones read together."""
    out = [_Passage(q.text, tokens(q.text)) for q in quotes]
    for q1, q2 in zip(quotes, quotes[1:]):
        if q2.sentence - q1.sentences[-1] <= 1:
            text = f"{q1.text} {q2.text}"
            out.append(_Passage(text, tokens(text)))
    return out


def _speech(content: Sequence[Sentence]) -> list[_Passage]:
    """A transcript's turns ("STOLTENBERG: Good afternoon. …"): spoken words are quotable.

    A turn runs from its label to the next label; a journalist's question ("Q:")
    is not the official's word. A text is a transcript when two or more of its
    paragraphs open with a label: one "THE HAGUE:" dateline does not make a
    press release speech.
    """
    if sum(1 for sent in content if speaker_label(sent.text)) < 2:
        return []
    out: list[_Passage] = []
    turn: list[str] = []
    for sent in [*content, None]:
        label = speaker_label(sent.text) if sent is not None else None
        if sent is None or label is not None:
            if turn:
                text = " ".join(turn)
                out.append(_Passage(text, tokens(text)))
            turn = []
            if label is not None and label.group().split("(")[0].strip(" :") != "Q":
                turn = [sent.text[label.end():]]
        elif turn:
            turn.append(sent.text)
    return out


def _diff(src: _Passage, match: _Match, out_text: str) -> tuple[DiffOp, ...]:
    """Word diff of the matched source window against the outlet's quotation.

    Built by worddiff, so each side's pieces concatenate back to its text, as
    every renderer expects.
    """
    window = src.text[src.toks[match.w0].start:src.toks[match.w1 - 1].end]
    return word_diff(window, out_text)


# An article-sized source is searched whole: every outlet quotation against
# every source passage and against all of the prose. Above these sizes (a
# book-length source) only passages and prose sentences sharing a rare word
# with the quotation are searched, so the check grows linearly, not as
# quotations x source.
WHOLE_PASSAGES = 64
WHOLE_PROSE = 5000  # tokens, about 30 KB of prose
RARE = 64  # a word in more passages (or prose sentences) than this proposes none
NEAR = 3  # prose sentences most alike the quotation, each read with its neighbours
NEAR_PASSAGES = 8  # source quotations most alike it


class _Finder:
    """Where in the source an outlet quotation may come from."""

    def __init__(self, passages: list[_Passage], prose: _Passage) -> None:
        self.passages = passages
        self.prose = prose
        self.by_passage = _index([p.toks for p in passages]) if len(passages) > WHOLE_PASSAGES else None
        self.bounds: list[tuple[int, int]] = []  # token range of each prose sentence
        self.by_sentence = None
        if len(prose.toks) > WHOLE_PROSE:
            start = 0
            for k in range(1, len(prose.toks) + 1):
                if k == len(prose.toks) or prose.sentences[k] != prose.sentences[start]:
                    self.bounds.append((start, k))
                    start = k
            self.by_sentence = _index([prose.toks[a:b] for a, b in self.bounds])

    def passages_for(self, out_toks: Sequence[Token]) -> list[_Passage]:
        if self.by_passage is None:
            return self.passages
        hits = _hits(self.by_passage, out_toks)
        near = sorted(hits, key=lambda k: (-hits[k], k))[:NEAR_PASSAGES]
        return [self.passages[k] for k in sorted(near)]

    def prose_for(self, out_toks: Sequence[Token]) -> list[_Passage]:
        """The prose, or for a long source the stretches around the likeliest sentences."""
        if self.by_sentence is None:
            return [self.prose] if self.prose.toks else []
        hits = _hits(self.by_sentence, out_toks)
        near = sorted(hits, key=lambda k: (-hits[k], k))[:NEAR]
        spans: list[list[int]] = []
        for k in sorted(near):
            lo, hi = max(k - 1, 0), min(k + 1, len(self.bounds) - 1)
            if spans and lo <= spans[-1][1] + 1:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
        prose = self.prose
        out = []
        for lo, hi in spans:
            a, b = self.bounds[lo][0], self.bounds[hi][1]
            out.append(_Passage("", prose.toks[a:b], prose.sentences[a:b]))
        return out


def _index(streams: Sequence[Sequence[Token]]) -> dict[str, list[int]]:
    """Content word -> positions of the streams holding it."""
    index: dict[str, list[int]] = {}
    for k, toks in enumerate(streams):
        for key in dict.fromkeys(t.key for t in toks if t.content):
            index.setdefault(key, []).append(k)
    return index


def _hits(index: dict[str, list[int]], toks: Sequence[Token]) -> dict[int, int]:
    """Streams sharing rare words with ``toks``, with how many; the rarest word if none is rare."""
    postings = sorted((index[key] for key in dict.fromkeys(t.key for t in toks if t.content) if key in index), key=len)
    hits: dict[int, int] = {}
    for post in [p for p in postings if len(p) <= RARE] or postings[:1]:
        for k in post:
            hits[k] = hits.get(k, 0) + 1
    return hits


def _best(scored: list[tuple[_Match, _Passage]]) -> tuple[_Match, _Passage] | None:
    return max(scored, key=lambda mp: (mp[0].faithful, mp[0].matched, mp[0].ratio), default=None)


def _verdict(q: Quotation, finder: _Finder, by_index: dict[int, Sentence]) -> Quote:
    out_toks = tokens(q.text)
    marks = _Marks.of(q.text, out_toks)
    matcher = _matcher(out_toks, marks)
    best = _best([(m, p) for p in finder.passages_for(out_toks) if (m := _match(p.toks, out_toks, marks, matcher))])

    def quote(verdict: Verdict, source_text: str | None, diff: tuple[DiffOp, ...] = ()) -> Quote:
        return Quote(q.text, q.speaker, verdict, source_text, diff, q.sentence)

    if best and best[0].faithful:
        return quote(Verdict.FAITHFUL, best[1].text)  # the prose need not be searched
    near = _best([(m, p) for p in finder.prose_for(out_toks) if (m := _match(p.toks, out_toks, marks, matcher))])
    pm, prose = near if near else (None, finder.prose)
    enough = lambda m: m.matched >= 3 or m.matched == len(out_toks)  # noqa: E731
    # Words the source says unquoted: misattributed until attribution.settle finds
    # that the outlet gives them to the issuing body, or that they are a scare quote.
    if pm and pm.faithful:
        return quote(Verdict.MISATTRIBUTED, _prose_text(prose, pm, by_index))
    altered = best if best and best[0].ratio >= ALTERED_MIN and enough(best[0]) else None
    if altered and (not pm or altered[0].matched >= pm.matched):
        return quote(Verdict.ALTERED, altered[1].text, _diff(altered[1], altered[0], q.text))
    if pm and pm.ratio >= PROSE_MIN and enough(pm):
        return quote(Verdict.MISATTRIBUTED, _prose_text(prose, pm, by_index))
    if altered:
        return quote(Verdict.ALTERED, altered[1].text, _diff(altered[1], altered[0], q.text))
    return quote(Verdict.UNSOURCED, None)


def compare_quotes(
    source: Sequence[Sentence], outlet: Sequence[Sentence], reg: People | None = None
) -> tuple[Quote, ...]:
    """One verdict per outlet quotation, in outlet order."""
    src_content = _content(source)
    reg = reg if reg is not None else register(source, outlet)
    src_quotes = find_quotes(source, reg)
    passages = _source_passages(src_quotes) + _speech(src_content)
    finder = _Finder(passages, _prose(src_content, _scan(src_content)))
    by_index = {s.index: s for s in src_content}
    verdicts = []
    seen: set[str] = set()
    for q in find_quotes(outlet, reg):
        key = " ".join(fold(q.text).split())
        if key in seen:
            continue  # a pull quote printed again is one quotation, checked once
        seen.add(key)
        verdicts.append(_verdict(q, finder, by_index))
    return tuple(verdicts)
