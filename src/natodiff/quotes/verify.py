"""Each outlet quotation checked against the source: faithful, altered, not quoted there, or unsourced.

The check works on normalised token keys, so punctuation, case, hyphenation
and British/American spelling never count as changes; a changed, added or
dropped word does. Changes that do not make a quotation unfaithful: articles
anywhere, and function words at the edges of a fragment ("We need to shift"
against a source that quotes "need to shift"); a negation never.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from natodiff.facts import People, register
from natodiff.facts.mention import content
from natodiff.lexicon import ARTICLES, NEGATIONS, POLARITY
from natodiff.model import DiffOp, Quote, Sentence, Verdict
from natodiff.normalise import Token, fold, same_compound, speaker_label, tokens
from natodiff.patterns import Pattern
from natodiff.quotes.find import Piece, Quotation, find_quotes, scan
from natodiff.sequences import Matcher
from natodiff.worddiff import word_diff

ALTERED_MIN = 0.6  # difflib ratio of the best source window, for "altered"
PROSE_MIN = 0.7  # ... of the best prose window, for words the source says unquoted


class _Match(NamedTuple):
    """How a quotation lines up with one source passage: the window of it, and how the words differ."""

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
        gaps = set()
        for j in range(len(toks) + 1):
            lo = toks[j - 1].end if j else 0
            hi = toks[j].start if j < len(toks) else len(text)
            if _ELLIPSIS.search(text, lo, hi):
                gaps.add(j)
        # Brackets hold no brackets, so the spans are in order and apart: a bisection finds a token's.
        spans = [m.span() for m in _BRACKETS.finditer(text) if _ANY_WORD.search(text, *m.span())]
        starts = [a for a, _ in spans]
        bracketed = set()
        for j, t in enumerate(toks):
            k = bisect.bisect_left(starts, t.start) - 1
            if k >= 0 and t.end < spans[k][1]:
                bracketed.add(j)
        return _Marks(frozenset(gaps), frozenset(bracketed))


NO_MARKS = _Marks(frozenset(), frozenset())
_ELLIPSIS = Pattern(r"…|\.\s?\.\s?\.")
_BRACKETS = Pattern(r"\[[^\]\[]*\]")  # with a word inside, or it marks nothing
_ANY_WORD = Pattern(r"\w")
# Words an ellipsis may stand for: a clause or two, not paragraphs.
ELISION_MAX = 40
# Source words one [bracketed] insertion may stand for ("[NATO]" for "we").
BRACKET_MAX = 4


def _negates(toks: Sequence[Token]) -> bool:
    """A negation among ``toks``; "not only" (… but also) is not one."""
    return any(t.key in NEGATIONS and not (t.key == "not" and k + 1 < len(toks) and toks[k + 1].key == "only")
               for k, t in enumerate(toks))


def _window(matcher: Matcher, a: list[str], gaps: int = 0) -> tuple[int, int] | None:
    """The stretch of ``a`` that lines up with the matcher's quotation: blocks consistent with the longest."""
    matcher.set_seq1(a)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    if not blocks:
        return None
    anchor = max(blocks, key=lambda blk: blk.size)
    tolerance = max(3, len(matcher.b) // 6) + gaps * ELISION_MAX
    kept = [blk for blk in blocks if abs((blk.a - blk.b) - (anchor.a - anchor.b)) <= tolerance]
    return min(k.a for k in kept), max(k.a + k.size for k in kept)


def _matcher(out: Sequence[Token], marks: _Marks = NO_MARKS) -> Matcher:
    """A matcher holding an outlet quotation: difflib indexes it once, not once per source passage."""
    # A [bracketed] word is the journalist's: it may stand for source words, never match one.
    b = [f"\x00{j}" if j in marks.bracketed else t.key for j, t in enumerate(out)]
    return Matcher((), b)


def _match(src: Sequence[Token], out: Sequence[Token], marks: _Marks = NO_MARKS,
           matcher: Matcher | None = None) -> _Match | None:
    """How ``out`` lines up with ``src``; ``matcher`` is _matcher(out, marks), when the caller has it."""
    matcher = matcher or _matcher(out, marks)
    a, b = [t.key for t in src], matcher.b
    window = _window(matcher, a, len(marks.gaps))
    if window is None:
        return None
    w0, w1 = window
    matcher.set_seq1(a[w0:w1])
    ops = tuple(matcher.get_opcodes())
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    said = src[w0:w1]
    changes = sum(1 for op in ops if op[0] != "equal" and _meaningful(op, said, out, marks))
    ratio = 2 * matched / ((w1 - w0) + len(b)) if b else 0.0
    return _Match(w0, w1, ops, matched, ratio, changes)


def _meaningful(op: tuple[str, int, int, int, int], src: Sequence[Token], out: Sequence[Token],
                marks: _Marks = NO_MARKS) -> bool:
    tag, i1, i2, j1, j2 = op
    involved = list(src[i1:i2]) + list(out[j1:j2])
    if all(t.key in ARTICLES for t in involved):
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


class _Passage(NamedTuple):
    """Source text to match against: a quotation, or the prose outside quotes."""

    text: str
    toks: tuple[Token, ...]
    sentences: tuple[int, ...] = ()  # for prose: the sentence of each token


def _prose(stated: list[Sentence], scanned: list[list[Piece]]) -> _Passage:
    """All words outside quotation marks, as one stream (sentence kept per token)."""
    quoted: dict[int, list[tuple[int, int]]] = {}
    for pieces in scanned:
        for p in pieces:
            quoted.setdefault(p.sentence, []).append((p.start, p.end))
    toks: list[Token] = []
    where: list[int] = []
    for sent in stated:
        spans = quoted.get(sent.index)
        kept = tokens(sent.text)  # most sentences quote nothing: all their words are prose
        if spans is not None:
            kept = [t for t in kept if not _quoted(t.start, spans)]
        toks += kept
        where += [sent.index] * len(kept)
    return _Passage("", tuple(toks), tuple(where))


def _quoted(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans``: a sentence's quoted spans are in order and apart."""
    k = bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1
    return k >= 0 and pos < spans[k][1]


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
    source: Sequence[Sentence], outlet: Sequence[Sentence], known: People | None = None
) -> tuple[Quote, ...]:
    """One verdict per outlet quotation, in outlet order."""
    src_content = content(source)
    known = known if known is not None else register(source, outlet)
    src_quotes = find_quotes(source, known)
    passages = _source_passages(src_quotes) + _speech(src_content)
    finder = _Finder(passages, _prose(src_content, scan(src_content)))
    by_index = {s.index: s for s in src_content}
    verdicts = []
    seen: set[str] = set()
    for q in find_quotes(outlet, known):
        key = " ".join(fold(q.text).split())
        if key in seen:
            continue  # a pull quote printed again is one quotation, checked once
        seen.add(key)
        verdicts.append(_verdict(q, finder, by_index))
    return tuple(verdicts)

