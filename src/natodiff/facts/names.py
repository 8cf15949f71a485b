"""Names in a text: people with their titles, organisations and places, resolved to one name each.

Pattern-based on purpose, as a wrong name is worse than a missing one: a
name is a run of capitalised words that is not a sentence's first common
word, a title, a demonym or page furniture.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from types import MappingProxyType
from typing import NamedTuple

from natodiff.facts.mention import Mention, content, mention
from natodiff.lexicon import (
    BACK_REFERENCES, CAPITALS_FURNITURE, DEMONYMS, GROUP_NOUNS, HONORIFICS, NAME_ALIASES, NAME_PARTICLES,
    NOT_NAME_ADJECTIVES, NOT_NAMES, ORGANISATION_WORDS, PLACES, STOPWORDS, TITLE_MODIFIERS, TITLE_WORDS,
)
from natodiff.model import FactType, Sentence
from natodiff.analysis import per_text
from natodiff.normalise import fold, meta_spans, tokens
from natodiff.patterns import Pattern

_NAME_WORD = Pattern(r"[^\W_](?:[\w'’.&-]*[^\W_])?")
_TITLE_HEADS = HONORIFICS | TITLE_WORDS
_NOT_NAME_WORDS = DEMONYMS.keys() | NOT_NAME_ADJECTIVES


class Word(NamedTuple):
    """One word with its span; a named tuple, as a long text has many."""

    text: str
    start: int
    end: int
    initial: bool  # first word of the sentence (or of a quotation opening it)

    @property
    def low(self) -> str:
        return _low(self.text)


@dataclass(slots=True)
class People:
    """Who is who in a text: full names, by surname and by title."""

    names: dict[str, str] = field(default_factory=dict)  # key -> "Jens Stoltenberg"
    surnames: dict[str, str] = field(default_factory=dict)  # "stoltenberg" -> full name
    titles: dict[str, str] = field(default_factory=dict)  # "secretary general" -> full name

    def add(self, name: str, title: str) -> None:
        key = entity_key(name)
        self.names.setdefault(key, name)
        self.surnames.setdefault(key.split()[-1], name)
        if title:
            self.titles.setdefault(title_key(title), name)

    def merged(self, other: People) -> People:
        out = People(dict(self.names), dict(self.surnames), dict(self.titles))
        for src, dst in ((other.names, out.names), (other.surnames, out.surnames), (other.titles, out.titles)):
            for k, v in src.items():
                dst.setdefault(k, v)
        return out


@lru_cache(maxsize=1 << 15)  # a text names the same few thousand people and bodies again and again
def entity_key(name: str) -> str:
    """Matching key of a name: accents, spelling, plurals, case, dots and hyphens folded."""
    plain = unicodedata.normalize("NFKD", fold(name))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace(".", "")
    return " ".join(t.key for t in tokens(plain))


@cache
def _aliases() -> Mapping[str, str]:
    """NAME_ALIASES by entity_key: built on first use, as the keys come from the tokeniser."""
    return MappingProxyType({entity_key(k): v for k, v in NAME_ALIASES.items()})


def title_key(title: str) -> str:
    words = [w for w in entity_key(title).split() if w not in HONORIFICS]
    return " ".join(words)


_SUFFIX = Pattern(r"(?:['’]s|['’]|-(?:led|based|backed|made|run))$")


def _bare(word: str) -> str:
    """A word without a possessive, a "-led" or a trailing abbreviation dot."""
    word = _SUFFIX.sub("", word)
    return word if "." in word[:-1] else word.rstrip(".")


# Room for the vocabulary of a 10 MB text, as normalise.word_key: a cache smaller
# than the words a text uses misses on every rare word it meets again.
@lru_cache(maxsize=1 << 17)
def _low(word: str) -> str:
    return _bare(word).casefold()


_ANY_WORD = Pattern(r"\w")
# Where a quotation or a "Title: …" clause opens mid-sentence: its first word, two characters
# on from the match, is initial. Matching the mark rather than looking behind at every
# position lets the engine skip to candidates.
_OPENS = Pattern(r"[:\-–—](?=\s)|\s(?=[\"“])")


def _words(text: str) -> tuple[Word, ...]:
    """The words of ``text``; a sentence's are read once, by _analysed()."""
    folded = fold(text)
    spans = [m.span() for m in _NAME_WORD.finditer(folded)]
    first = _ANY_WORD.search(folded)
    if first is None:
        return tuple(Word(text[start:end], start, end, True) for start, end in spans)
    lead = first.start()
    opens = {m.start() + 2 for m in _OPENS.finditer(folded)}
    return tuple(Word(text[start:end], start, end, start <= lead or start in opens) for start, end in spans)


def _junk(word: Word) -> bool:
    low = _low(word.text)
    return low in NOT_NAMES or word.text.isupper() and low in CAPITALS_FURNITURE


def _capital(word: Word) -> bool:
    return word.text[0].isupper() and not _junk(word)


class _Analysed(NamedTuple):
    """What names read of one sentence, from one pass over its words; the words themselves are not kept."""

    runs: tuple[tuple[Word, ...], ...]
    lower: tuple[str, ...]  # distinct words written in lower case, as _low() gives them
    midcaps: tuple[str, ...]  # distinct words capitalised, not opening the sentence


@per_text(1 << 15)
def _analysed(text: str) -> _Analysed:
    words = _words(text)
    lower = dict.fromkeys(_low(w.text) for w in words if w.text[0].islower())
    midcaps = dict.fromkeys(_low(w.text) for w in words if not w.initial and w.text[0].isupper())
    return _Analysed(_runs_in(text, words), tuple(lower), tuple(midcaps))


def _runs(text: str) -> tuple[tuple[Word, ...], ...]:
    """Runs of capitalised words joined only by spaces ("Steadfast Defender 24")."""
    return _analysed(text).runs


def _runs_in(text: str, words: Sequence[Word]) -> tuple[tuple[Word, ...], ...]:
    folded = fold(text)
    runs: list[tuple[Word, ...]] = []
    cur: list[Word] = []
    for i, w in enumerate(words):
        if not cur:  # most words: outside any run, only a capital starts one
            if w.text[0].isupper() and _capital(w):
                cur = [w]
            continue
        joined = _joined(folded[cur[-1].end:w.start], cur[-1]) and not _possessive(cur[-1])
        if _capital(w):
            if not joined and _listed(cur, words, i, folded):
                last = cur[-1]  # its comma kept, so that the name reads as written
                cur[-1] = last._replace(text=last.text + ",", end=last.end + 1)
            elif not joined:
                _flush(runs, cur)
                cur = []
            cur.append(w)
        elif w.text[0].isdigit() and joined and len(w.text) <= 4 and cur[-1].text[0].isupper():
            cur.append(w)
            _flush(runs, cur)
            cur = []
        elif joined and _connector(w, cur, words, i + 1, folded):
            cur.append(w)
        else:
            _flush(runs, cur)
            cur = []
    _flush(runs, cur)
    return tuple(runs)


def _flush(runs: list[tuple[Word, ...]], cur: list[Word]) -> None:
    while cur and not _capital(cur[-1]) and not cur[-1].text[0].isdigit():
        cur = cur[:-1]  # a connector left dangling
    if cur:
        runs.append(tuple(cur))


_SPACE = Pattern(r"\s+")
_DOT_SPACE = Pattern(r"\.\s+")
_POSSESSIVE = Pattern(r"['’]s?$")


def _joined(gap: str, prev: Word) -> bool:
    if gap == " " or _SPACE.fullmatch(gap):
        return True
    # "Mr. Stoltenberg", "J. Smith", "U.S. forces"
    return bool(_DOT_SPACE.fullmatch(gap)) and (prev.low in HONORIFICS or len(prev.low) == 1 or "." in prev.text)


def _possessive(word: Word) -> bool:
    return bool(_POSSESSIVE.search(word.text))


# Particles a name chains at most ("van der", "de la"): a longer chain is no name, and the
# bound keeps a long run of them from being walked once per particle.
PARTICLE_CHAIN = 4


def _connector(w: Word, cur: list[Word], words: Sequence[Word], at: int, folded: str) -> bool:
    """"Ministry of Defence", "Training and Education Centre", "Ursula von der Leyen".

    ``words[at]`` is the word after ``w``.
    """
    if w.text in NAME_PARTICLES:  # particles may chain ("von der"); a name must follow
        prev = w
        for nxt in words[at:at + PARTICLE_CHAIN]:
            if not _SPACE.fullmatch(folded, prev.end, nxt.start):
                return False
            if nxt.text not in NAME_PARTICLES:
                return _capital(nxt)
            prev = nxt
        return False
    if at >= len(words) or not _capital(words[at]) or not _SPACE.fullmatch(folded, w.end, words[at].start):
        return False
    if w.text in ("of", "for"):
        return cur[-1].low in ORGANISATION_WORDS or cur[-1].low in _TITLE_HEADS
    if w.text == "and":
        tail = _capitals_after(w, words, at, len(words), folded)
        return bool(tail) and tail[-1].low in ORGANISATION_WORDS and cur[-1].low not in ORGANISATION_WORDS
    return False


def _capitals_after(prev: Word, words: Sequence[Word], start: int, stop: int, folded: str) -> list[Word]:
    """The capitalised words of ``words[start:stop]`` that follow ``prev``, each after a space:
    "and Education Centre"."""
    tail: list[Word] = []
    for k in range(start, min(stop, len(words))):
        nxt = words[k]
        if not _capital(nxt) or not _SPACE.fullmatch(folded, prev.end, nxt.start):
            break
        tail.append(nxt)
        prev = nxt
    return tail


# Words a listed organisation runs to after its first comma: the bound keeps a long run
# of capitalised words and commas from being walked again at every comma.
LISTED_WORDS = 12


def _listed(cur: list[Word], words: Sequence[Word], at: int, folded: str) -> bool:
    """"Joint Analysis, Training and Education Centre": ``cur`` and ``words[at]`` are items of a list
    before "and" that the last word heads as one organisation.

    Only when no item is a place, an organisation or a title of its own: "Kyiv, Warsaw and Riga",
    "the Council, Commission and Parliament" and "the Defence Minister, Army and Navy Command"
    are lists of names.
    """
    if folded[cur[-1].end:words[at].start] != ", ":
        return False
    items, item, k = [cur], [words[at]], at + 1
    while k < min(len(words), at + LISTED_WORDS):
        gap, nxt = folded[item[-1].end:words[k].start], words[k]
        if gap == " " and _capital(nxt):
            item.append(nxt)
        elif gap == ", " and _capital(nxt):
            items.append(item)
            item = [nxt]
        elif gap == " " and nxt.text == "and":
            items.append(item)
            tail = _capitals_after(nxt, words, k + 1, at + LISTED_WORDS, folded)
            return (bool(tail) and tail[-1].low in ORGANISATION_WORDS
                    and not any(it[-1].low in ORGANISATION_WORDS or it[-1].low in _TITLE_HEADS
                                or len(it) == 1 and it[0].low in PLACES for it in items))
        else:
            return False
        k += 1
    return False


class _Name(NamedTuple):
    """A name (or a title) found in a run of capitalised words, with its span in the sentence."""

    kind: str  # "name", "person", "surname" (after an honorific) or "title"
    text: str
    start: int
    end: int
    title: str = ""


class _Vocabulary(NamedTuple):
    """Per-text evidence used to tell names from capitalised common words."""

    lower: frozenset[str] = frozenset()  # words seen in lower case
    midcaps: frozenset[str] = frozenset()  # words seen capitalised mid-sentence


def _body_vocabulary(sentences: Sequence[Sentence]) -> _Vocabulary:
    """The vocabulary of a text's sentences, title-case headlines left out (they capitalise all)."""
    return _vocabulary(tuple(s.text for s in sentences if not _title_case(s)))


@lru_cache(maxsize=8)  # people() and entities() read the same text's vocabulary
def _vocabulary(texts: tuple[str, ...]) -> _Vocabulary:
    lower: set[str] = set()
    midcaps: set[str] = set()
    for text in texts:
        seen = _analysed(text)
        lower.update(seen.lower)
        midcaps.update(seen.midcaps)
    return _Vocabulary(frozenset(lower), frozenset(midcaps))


def _names_in_run(run: Sequence[Word], vocabulary: _Vocabulary) -> list[_Name]:
    """Split one capitalised run into names, people and titles; drop the junk."""
    run = _strip_leading(run)
    if not run:
        return []
    if run[0].initial and not run[0].text.isupper() and _common_initial(run, vocabulary):
        run = run[1:]
    if not run:
        return []
    return _split_title(run)


def _strip_leading(run: Sequence[Word]) -> list[Word]:
    """"The Secretary General", "With Steadfast Defender 24", "READ MORE"."""
    k = 0
    while k < len(run) and (run[k].low in STOPWORDS and not _acronym(run[k]) or _junk(run[k])):
        k += 1
    out = list(run[k:])
    if k and out:
        out[0] = out[0]._replace(initial=False)  # what opened the sentence is gone
    return [w for w in out if not _junk(w)]


def _acronym(word: Word) -> bool:
    return len(word.text) > 1 and word.text.isupper()


def _common_initial(run: list[Word], vocabulary: _Vocabulary) -> bool:
    """A sentence-initial word that is just a capitalised common word ("Finally")."""
    first = run[0].low
    if first in PLACES:
        return False  # "Germany, the Netherlands and Denmark have agreed"
    if first in vocabulary.lower or first.endswith(("ly", "ing")):
        return True
    return len(run) == 1 and first not in vocabulary.midcaps


def _split_title(run: list[Word]) -> list[_Name]:
    lows = [w.low for w in run]
    last_head = max((i for i, w in enumerate(lows) if w in _TITLE_HEADS), default=-1)
    if last_head < 0 or any(w in ORGANISATION_WORDS for w in lows[last_head + 1:]):
        return _plain_name(run)
    first = last_head
    while first > 0 and (lows[first - 1] in _TITLE_HEADS or lows[first - 1] in TITLE_MODIFIERS):
        first -= 1
    before, after = run[:first], run[last_head + 1:]
    if after and after[0].low in ("of", "for"):
        # "Secretary General for Defence Investment Marta Lindqvist": the name is last.
        cut = len(after) - 2 if len(after) >= 4 else len(after)
        last_head, after = last_head + cut, after[cut:]
    title = " ".join(_bare(w.text) for w in run[first:last_head + 1])
    out = _plain_name(before)
    if 1 <= len(after) <= 3 and not any(w.text[0].isdigit() for w in after):
        kind = "person" if len(after) >= 2 else "surname"
        out.append(_Name(kind, _span_text(after), after[0].start, _bare_end(after[-1]), title))
    elif not after:
        if lows[last_head] not in ("ministers", "ambassadors") and lows[last_head] not in HONORIFICS:
            out.append(_Name("title", title, run[first].start, run[last_head].end, title))
    else:
        out += _plain_name(after)
    return out


def _plain_name(run: list[Word]) -> list[_Name]:
    """A name without a title; all-generic runs ("European Allies") are not names."""
    if run and entity_key(_span_text(run)) in _aliases():
        return [_Name("name", _span_text(run), run[0].start, _bare_end(run[-1]))]
    while run and run[-1].low in GROUP_NOUNS:
        run = run[:-1]
    if not run or all(_demonym(w.low) or w.low in GROUP_NOUNS for w in run):
        return []
    if len(run) == 1 and run[0].low in _REFERENCES:
        return []  # "the Council", "the Mission": a reference back, not a name
    return [_Name("name", _span_text(run), run[0].start, _bare_end(run[-1]))]


_REFERENCES = TITLE_MODIFIERS | _TITLE_HEADS | ORGANISATION_WORDS | BACK_REFERENCES  # a word alone names no one


def _bare_end(word: Word) -> int:
    """End of a word without its possessive, so "NATO’s" is said as "NATO"."""
    return word.start + len(_bare(word.text))


def _demonym(low: str) -> bool:
    return low in _NOT_NAME_WORDS or low.endswith(("ian", "ean", "ese", "ish", "ican"))


def _span_text(run: list[Word]) -> str:
    return " ".join(_bare(w.text) if i == len(run) - 1 else w.text for i, w in enumerate(run))


def people(sentences: Sequence[Sentence]) -> People:
    """Full names with their titles ("Secretary General Jens Stoltenberg")."""
    known = People()
    vocabulary = _body_vocabulary(sentences)
    for sent in sentences:
        for run in _runs(sent.text):
            if not _titled(run):
                continue  # a run without a title word splits into plain names only
            for name in _names_in_run(run, vocabulary):
                if name.kind == "person":
                    known.add(name.text, name.title)
    return known


def register(source: Sequence[Sentence], outlet: Sequence[Sentence]) -> People:
    """Who is who across both texts, as facts and quotations resolve names."""
    return people(content(source)).merged(people(content(outlet)))


def _titled(run: Sequence[Word]) -> bool:
    """Whether a run holds a title word ("Secretary", "Mr"), without which _split_title finds no person."""
    return any(_low(w.text) in _TITLE_HEADS for w in run)


def resolve_person(text: str, known: People) -> str | None:
    """Who a phrase like "Mr Stoltenberg" or "the Secretary General" names."""
    vocabulary = _Vocabulary(midcaps=frozenset(w.low for w in _words(text)))
    names = [n for run in _runs(text) for n in _names_in_run(run, vocabulary)]
    # "NATO Secretary General Jens Stoltenberg": the person, not the organisation.
    names.sort(key=lambda n: n.kind == "name")
    for name in names:
        resolved = _canonical(name, known)
        if resolved:
            return resolved[0]
    return None


def persons_in(text: str, known: People) -> list[str]:
    """People named in ``text``, in order, resolved to full names where known."""
    vocabulary = _Vocabulary(midcaps=frozenset(w.low for w in _words(text)))
    out = []
    for run in _runs(text):
        for name in _names_in_run(run, vocabulary):
            resolved = _canonical(name, known)
            if resolved and (name.kind != "name" or resolved[1] in known.names.keys() | set(map(entity_key, known.surnames.values()))):
                out.append(resolved[0])
    return out


def _canonical(name: _Name, known: People) -> tuple[str, str] | None:
    """(display, key) of a name, with aliases, surnames and titles resolved."""
    key = entity_key(name.text)
    if name.kind == "title":
        full = known.titles.get(title_key(name.text))
        return (full, entity_key(full)) if full else None
    alias = _aliases().get(key)
    if alias:
        return alias, entity_key(alias)
    if key in known.names:
        return known.names[key], key
    if " " not in key and key in known.surnames:
        full = known.surnames[key]
        return full, entity_key(full)
    return _titlecase_caps(name.text), key


def _titlecase_caps(text: str) -> str:
    """"BRUSSELS" in a dateline is Brussels; short all-caps words are acronyms."""
    return text.title() if text.isupper() and len(text) > 4 else text


_TITLE_WORD = Pattern(r"[^\W\d_][\w'’-]*")
_CLOSED = Pattern(r"[.!?\"”’]$")


def _title_case(sent: Sentence) -> bool:
    return _title_cased(sent.text, sent.heading)


@per_text(1 << 15)
def _title_cased(text: str, heading: bool) -> bool:
    """Asked of every sentence by people() and entities() alike, so cached."""
    if not heading and _CLOSED.search(text.strip()):
        return False  # a closed sentence is no headline: its words need no count
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def entities(sentences: Sequence[Sentence], known: People) -> list[Mention]:
    vocabulary = _body_vocabulary(sentences)
    out = []
    for sent in sentences:
        if _title_case(sent):
            continue  # "Council Extends Mission By One Year": every word is capitalised
        opened, closed = _dateline_credit(sent.text)
        for run in _runs(sent.text):
            for name in _names_in_run(run, vocabulary):
                if opened < name.start < closed:
                    continue  # the agency in "BRUSSELS (Reuters) -": who filed it, not what it says
                canon = _canonical(name, known)
                if canon:
                    display, key = canon
                    out.append(mention(FactType.ENTITY, "", key, display, sent, name.start, name.end))
    return out


def _dateline_credit(text: str) -> tuple[int, int]:
    """Where "(Reuters)" sits in a leading dateline; (0, 0) when there is none."""
    if "(" not in text:
        return 0, 0  # no credit to find; spares the dateline patterns most sentences
    spans = meta_spans(fold(text))
    if spans and spans[0][0] == 0:
        closed = text.rfind(")", 0, spans[0][1])
        opened = text.rfind("(", 0, closed)
        if opened >= 0:
            return opened, closed
    return 0, 0


