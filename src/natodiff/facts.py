"""Facts (figures, dates, names) stated by each text, and their cross-check.

Pattern-based on purpose: the texts are short news items and a wrong fact is
worse than a missing one, so every extractor errs on the side of silence.
Values are compared after normalisation, so "2%" and "2 per cent",
"$10 billion" and "10 billion US dollars", "18 Allies" and "18 member
states" agree.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from typing import Callable, NamedTuple

from natodiff.model import Fact, FactStatus, FactType, Sentence, Side
from natodiff.normalise import NUMBER_WORDS, PLACES, STOPWORDS, fold, meta_spans, tokens

# ------------------------------------------------------------------ numbers

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_NUMWORDS = "|".join(sorted((w for w in NUMBER_WORDS if w != "zero"), key=len, reverse=True))
# The lookahead on first letters only lets the engine pass over most words without trying each number word.
_NUMWORD = rf"\b(?=[{''.join(sorted({w[0] for w in _NUMWORDS.split('|')}))}])(?:{_NUMWORDS})\b"
# Thousands grouped by commas or by spaces ("1 200", as translated texts write them), a
# decimal comma before a scale ("4,2 bln"), plain numbers and number words.
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}})+(?!\d|[,.]\d)"
        rf"|\d+,\d\d?(?=\s?(?:bn|mn|mln|bln|billion|million)\b)|\d+(?:\.\d+)?"
        rf"|{_NUMWORD}(?:\s+and\s+a\s+half\b)?)")
_SCALE = r"(?:\s?(?:bn|mn|mln|bln|tn|trn|m|k)\b|\s(?:thousand|million|billion|trillion)\b)"
_BEFORE = r"(?<![\w$€£¥.,-])"  # a number glued to a word ("F-16") is a name, not a figure

_CUR_SYMBOL = r"(?:US\s?\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?)"
_CUR_WORD = r"(?:(?:US\s|U\.S\.\s)?dollars?|euros?|pounds?(?:\ssterling)?|yen|USD|EUR|GBP)"
_CURRENCY = {
    "$": "usd", "dollar": "usd", "dollars": "usd", "usd": "usd",
    "€": "eur", "euro": "eur", "euros": "eur", "eur": "eur",
    "£": "gbp", "pound": "gbp", "pounds": "gbp", "gbp": "gbp", "¥": "jpy", "yen": "jpy",
}
_CURRENCY_NAME = {"usd": "dollars", "eur": "euros", "gbp": "pounds", "jpy": "yen"}

_MONEY = re.compile(
    rf"(?P<sym>{_CUR_SYMBOL})\s?(?P<num>{_NUM})(?P<scale>{_SCALE})?(?:\s(?P<word>{_CUR_WORD})\b)?"
    rf"|{_BEFORE}(?P<num2>{_NUM})(?P<scale2>{_SCALE})?\s(?P<word2>{_CUR_WORD})\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    rf"{_BEFORE}(?P<num>{_NUM})\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE
)
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_DATES = (
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<y>\d{{4}})\b"),
    # "03.03.2025": day, month, year, as most of Europe writes it.
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d\d)(?!\d|\.\d)"),
    # "March 13", "13 March": the year is the story's; see _YEARLESS.
    re.compile(rf"(?<![\w.,-])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\b"),
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]?\d)"),
)
_YEAR = re.compile(r"(?<![\w$€£¥.,-])(?P<y>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)")
_COUNT = re.compile(rf"{_BEFORE}(?P<num>{_NUM})(?:\s(?P<scale>thousand|million|billion|trillion)\b)?", re.I)
_NOUN_WORD = re.compile(r"\s([A-Za-z][A-Za-z'’-]*)")
_DIGIT = re.compile(r"\d")
_ANY_NUMWORD = re.compile(_NUMWORD, re.IGNORECASE)
# What each pattern cannot match without: a cheap search that spares most sentences the pattern.
_MONEY_HINT = re.compile(r"[$€£¥]|dollar|eur|pound|yen|usd|gbp", re.IGNORECASE)
_PERCENT_HINT = re.compile(r"%|per\s?cent|pct", re.IGNORECASE)
_MONTH_HINT = re.compile(_MONTH)
_DOTTED_HINT = re.compile(r"\d\.\d")


def _number(text: str) -> float:
    """Value of a written number: "1,000", "2.5", "eighteen"."""
    low = text.casefold()
    if low.endswith(" half"):  # "two and a half"
        return _number(low.split()[0]) + 0.5
    if low in NUMBER_WORDS:
        return float(NUMBER_WORDS[low])
    if re.fullmatch(r"\d+,\d\d?", low):  # "4,2 bln": a decimal comma
        return float(low.replace(",", "."))
    return float(re.sub(r"[,\s\u00a0\u202f\u2009]", "", low))


def _scale(text: str | None) -> float:
    return _SCALES[text.strip().casefold()] if text else 1.0


def _plain(value: float) -> str:
    """A number as people write it: 18, 2.5, 1,000."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.3g}"


def human(value: float) -> str:
    """A large number with its scale word: 6e11 -> "600 billion"."""
    for name, size in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= size:
            return f"{_plain(value / size)} {name}"
    return _plain(value)


# ----------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class Mention:
    """One fact as one text states it, with where and how it says it."""

    type: FactType
    group: str  # what is measured: currency, counted noun, date precision; "" if nothing
    value: str | float
    label: str  # canonical readable label
    says: str  # the text's own wording
    sentence: Sentence
    start: int
    end: int
    context: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> tuple[FactType, str, str | float]:
        return (self.type, self.group, self.value)


def _mention(type_: FactType, group: str, value: str | float, label: str,
             sent: Sentence, start: int, end: int) -> Mention:
    return Mention(type_, group, value, label, sent.text[start:end], sent, start, end)


def _money(sent: Sentence, folded: str) -> list[Mention]:
    out: list[Mention] = []
    if not _MONEY_HINT.search(folded):
        return out
    for m in _MONEY.finditer(folded):
        if m.group("sym"):
            num, scale = m.group("num"), m.group("scale")
            cur = _currency(m.group("word") or m.group("sym"))
        else:
            num, scale, cur = m.group("num2"), m.group("scale2"), _currency(m.group("word2"))
        value = _number(num) * _scale(scale)
        label = f"{human(value)} {_CURRENCY_NAME[cur]}"
        out.append(_mention(FactType.MONEY, cur, value, label, sent, m.start(), m.end()))
    return out


def _currency(text: str) -> str:
    low = text.casefold().replace("u.s.", "").replace("us", "").strip()
    return _CURRENCY.get(low, _CURRENCY.get(low.split()[-1] if low.split() else low, "usd"))


def _percent(sent: Sentence, folded: str) -> list[Mention]:
    out: list[Mention] = []
    if not _PERCENT_HINT.search(folded):
        return out
    for m in _PERCENT.finditer(folded):
        value = _number(m.group("num"))
        out.append(_mention(FactType.PERCENT, "", value, f"{_plain(value)}%", sent, m.start(), m.end()))
    return out


def _dates(sent: Sentence, folded: str) -> list[Mention]:
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _date_patterns(folded):
        for m in pattern.finditer(folded):
            if _overlaps(m.start(), m.end(), taken):
                continue
            month = _month_number(m.group("m"))
            year = m.groupdict().get("y")
            if "d" in m.groupdict() and m.group("d"):
                day = int(m.group("d"))
                if not 1 <= day <= 31:
                    continue
                # ISO 8601 writes a day without its year "--03-13".
                iso, group = f"{year or '-'}-{month:02d}-{day:02d}", "day"
                label = f"{day} {_MONTH_NAMES[month - 1].title()}" + (f" {year}" if year else "")
            else:
                iso, group, label = f"{year}-{month:02d}", "month", f"{_MONTH_NAMES[month - 1].title()} {year}"
            taken.append((m.start(), m.end()))
            out.append(_mention(FactType.DATE, group, iso, label, sent, m.start(), m.end()))
    return out


def _date_patterns(folded: str) -> tuple[re.Pattern[str], ...]:
    """The date patterns that may match: all but "03.03.2025" name a month."""
    if _MONTH_HINT.search(folded):
        return _DATES
    return _DATES[3:4] if _DOTTED_HINT.search(folded) else ()


def _years(sent: Sentence, folded: str, taken: list[tuple[int, int]]) -> list[Mention]:
    out = []
    for m in _YEAR.finditer(folded):
        if not _overlaps(m.start(), m.end(), taken):
            year = m.group("y")
            out.append(_mention(FactType.DATE, "year", year, year, sent, m.start(), m.end()))
    return out


def _month_number(name: str) -> int:
    if name.isdigit():  # "03.03.2025"
        return int(name)
    low = name.casefold()[:3]
    return [m[:3] for m in _MONTH_NAMES].index(low) + 1


# Nouns that mean "member countries of NATO" in news copy.
_ALLY_NOUNS = {"ally", "allies", "members", "member", "nato allies"}
_MEMBER_HEADS = {"state", "states", "country", "countries", "nation", "nations"}
_MEMBER_OF = {"member", "allied", "nato", "alliance"}  # "18 member states", "13 NATO countries"
# Counted nouns reports use for one another: "1,000 personnel" and "1,500 troops" count one thing.
_SAME_COUNT = {"personnel": "troop", "soldier": "troop", "servicemember": "troop", "servicemen": "troop"}


def _counts(sent: Sentence, folded: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """"18 Allies", "one million drones": a number and the plural noun it counts."""
    out = []
    for m in _COUNT.finditer(folded):
        if _overlaps(m.start(), m.end(), taken) or _after_name(folded, m.start()):
            continue
        year_like = _YEAR.fullmatch(m.group("num")) and not m.group("scale")
        if year_like and _YEAR_BEFORE.search(folded, max(0, m.start() - 16), m.start()):
            continue  # "above 2023 levels", "the 2024 budget": a year, listed as a date; "send 1800 troops" counts
        noun = _counted_noun(folded, m.end())
        value = _number(m.group("num")) * _scale(m.group("scale"))
        if noun is None or (noun[2] is False and value != 1):
            if _bare_figure(m, folded) and not year_like:
                # "train 10,000 more", "rose to 150": a figure whose noun is elsewhere still counts.
                out.append(_mention(FactType.COUNT, "", value, human(value), sent, m.start(), m.end()))
            continue
        words, end, _ = noun
        group, display = _noun_key(words)
        label = f"{human(value)} {display}"
        out.append(_mention(FactType.COUNT, group, value, label, sent, m.start(), end))
    return out


def _bare_figure(m: re.Match[str], text: str) -> bool:
    """A number worth checking without its noun: three digits or more, not a time, a measure
    written onto it ("155mm", "650-kilometer") or a label's number ("resolution 2728")."""
    digits = sum(ch.isdigit() for ch in m.group("num"))
    if digits < 3 and not m.group("scale") or re.match(r"[:./-]?\d|-?[^\W\d_]", text[m.end():m.end() + 2]):
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 32), m.start())
    return not (before and before.group(1).casefold() in _NUMBERED)


# Words whose number names a thing rather than counting it.
_NUMBERED = frozenset(
    "resolution resolutions article articles paragraph section chapter page pages item items no number "
    "flight route decision case file annex protocol rule regulation directive line unit room".split()
)


_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*) $")
_YEAR_BEFORE = re.compile(
    r"\b(?:the|in|of|since|by|until|till|from|before|after|above|below|over|under|than|for|to|its|their|"
    r"this|last|next)\s+$",
    re.IGNORECASE,
)


def _after_name(text: str, start: int) -> bool:
    """"Defender 24", "Article 5": a number right after a mid-sentence capitalised word."""
    # Searched in a window before the number: a long line must not cost its length per number.
    m = _WORD_BEFORE.search(text, max(0, start - 64), start)
    if not m or m.group(1).casefold() in STOPWORDS or not m.group(1)[0].isupper():
        return False
    return m.start() > len(text) - len(text.lstrip())  # not the first word of the sentence


def _counted_noun(text: str, pos: int) -> tuple[list[str], int, bool] | None:
    """Up to three words after a number, to the last plural one (the head)."""
    words: list[tuple[str, int]] = []
    while len(words) < 3:
        m = _NOUN_WORD.match(text, pos)
        if not m:
            break
        word = m.group(1)
        low = word.casefold()
        if low in STOPWORDS or low in _SCALES or low in _CURRENCY or _is_month(low):
            break
        words.append((word, m.end()))
        pos = m.end()
    if not words:
        return None
    plural = [i for i, (w, _) in enumerate(words) if _plural(w)]
    if plural:
        head = plural[-1]
        return [w for w, _ in words[: head + 1]], words[head][1], True
    return [words[0][0]], words[0][1], False


def _is_month(low: str) -> bool:
    return low.rstrip(".") in _MONTH_NAMES or low.rstrip(".") in {m[:3] for m in _MONTH_NAMES} | {"sept"}


def _plural(word: str) -> bool:
    low = word.casefold().rstrip("'’")
    return low in ("allies", "people", "children", "men", "women", "personnel", "troops") or (
        low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3
    )


def _noun_key(words: list[str]) -> tuple[str, str]:
    """Group key and display of a counted noun; NATO members all fold to "Allies"."""
    low = [w.casefold() for w in words]
    shown = " ".join(w if len(w) > 1 and w.isupper() else w.casefold() for w in words)
    if low[-1] in _ALLY_NOUNS or len(low) >= 2 and low[-2] in _MEMBER_OF and low[-1] in _MEMBER_HEADS:
        return "allies", "Allies" if low[-1] in ("allies", "ally") else shown
    head = low[-1]
    key = tokens(head)[0].key if tokens(head) else head
    return _SAME_COUNT.get(key, key), shown


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _figures(sent: Sentence) -> list[Mention]:
    """Money first, then percentages, dates, counts and bare years, never overlapping."""
    folded = fold(sent.text)
    found: list[Mention] = []
    if not (_DIGIT.search(folded) or _ANY_NUMWORD.search(folded)):
        return found  # every figure has a digit or a number word
    for extractor in (_money, _percent, _dates):
        for m in extractor(sent, folded):
            if not _overlaps(m.start, m.end, [(x.start, x.end) for x in found]):
                found.append(m)
    found += _counts(sent, folded, [(x.start, x.end) for x in found])
    found += _years(sent, folded, [(x.start, x.end) for x in found])
    return found


# ----------------------------------------------------------------- entities

_NAME_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?")
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "mx"}
_TITLE_HEADS = _HONORIFICS | set(
    """secretary general secretary-general minister ministers president chancellor
    ambassador ambassadors commander chief spokesperson spokesman spokeswoman admiral
    colonel lieutenant captain premier king queen prince princess senator governor mayor
    chairman chairwoman chair director envoy representative pm gen lt col adm sgt
    rep sen gov pres amb manager marshal officer maj capt cpl brig cmdr""".split()
)
_TITLE_MODIFIERS = set(
    """defence defense foreign prime vice deputy assistant supreme allied finance
    interior security army navy first former acting state national air high executive""".split()
)
_ORG_HEADS = set(
    """council committee commission organization organisation agency centre center
    institute ministry department office command union bank fund assembly parliament
    university court alliance treaty forum initiative partnership programme program
    group force forces summit conference policy facility""".split()
)
_GENERIC = set(
    """allies ally allied members member states nations countries leaders heads
    government governments ministers minister officials forces partners capitals
    headquarters troops people""".split()
)
_BACK_REFERENCES = set("mission republic resolution agreement conflict federation kingdom state".split())
_DEMONYMS = set(
    "german french dutch greek czech british western eastern northern southern moldovan afghan cuban".split()
)
_JUNK = set(
    "gdp gnp thursday monday tuesday wednesday friday saturday sunday".split()
) | set(_MONTH_NAMES) | {m[:3] for m in _MONTH_NAMES} | {"sept"}
# Page furniture in capitals ("READ MORE", "PHOTO"); "More" in a name is fine.
_CAPS_JUNK = set("read more also photo video update breaking watch live exclusive opinion".split()) | {"q"}  # "Q:"
ALIASES = {
    "nato": "NATO", "alliance": "NATO", "the alliance": "NATO", "north atlantic alliance": "NATO",
    "north atlantic treaty organization": "NATO", "north atlantic treaty organisation": "NATO",
    "us": "United States", "u.s": "United States", "u.s.": "United States", "usa": "United States",
    "united states": "United States", "united states of america": "United States",
    "uk": "United Kingdom", "u.k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "eu": "European Union", "european union": "European Union",
    "un": "United Nations", "united nations": "United Nations",
    "russian federation": "Russia",
    "un security council": "UN Security Council", "security council": "UN Security Council",
    "united nations security council": "UN Security Council",
}


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


@lru_cache(maxsize=1 << 14)
def entity_key(name: str) -> str:
    """Matching key of a name: accents, spelling, plurals, case, dots and hyphens folded."""
    plain = unicodedata.normalize("NFKD", fold(name))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace(".", "")
    return " ".join(t.key for t in tokens(plain))


ALIASES = {entity_key(k): v for k, v in ALIASES.items()}


def title_key(title: str) -> str:
    words = [w for w in entity_key(title).split() if w not in _HONORIFICS]
    return " ".join(words)


_SUFFIX = re.compile(r"(?:['’]s|['’]|-(?:led|based|backed|made|run))$")


@lru_cache(maxsize=1 << 14)
def _bare(word: str) -> str:
    """A word without a possessive, a "-led" or a trailing abbreviation dot."""
    word = _SUFFIX.sub("", word)
    return word if "." in word[:-1] else word.rstrip(".")


@lru_cache(maxsize=1 << 14)
def _low(word: str) -> str:
    return _bare(word).casefold()


_ANY_WORD = re.compile(r"\w")
# Where a quotation or a "Title: …" clause opens mid-sentence: its first word, two characters
# on from the match, is initial. Matching the mark rather than looking behind at every
# position lets the engine skip to candidates.
_OPENS = re.compile(r"[:\-–—](?=\s)|\s(?=[\"“])")
_new_word = tuple.__new__  # Word(...) without the Python-level __new__ of a NamedTuple


@lru_cache(maxsize=1 << 15)
def _words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` (cached: every fact extractor reads them)."""
    folded = fold(text)
    spans = [m.span() for m in _NAME_WORD.finditer(folded)]
    first = _ANY_WORD.search(folded)
    if first is None:
        return tuple(_new_word(Word, (text[start:end], start, end, True)) for start, end in spans)
    lead = first.start()
    opens = {m.start() + 2 for m in _OPENS.finditer(folded)}
    return tuple(_new_word(Word, (text[start:end], start, end, start <= lead or start in opens)) for start, end in spans)


def _junk(word: Word) -> bool:
    low = _low(word.text)
    return low in _JUNK or word.text.isupper() and low in _CAPS_JUNK


def _capital(word: Word) -> bool:
    return word.text[0].isupper() and not _junk(word)


@lru_cache(maxsize=1 << 15)
def _runs(text: str) -> tuple[list[Word], ...]:
    """Runs of capitalised words joined only by spaces ("Steadfast Defender 24").

    Cached; callers copy a run before changing it.
    """
    words = _words(text)
    folded = fold(text)
    runs: list[list[Word]] = []
    cur: list[Word] = []
    for i, w in enumerate(words):
        if not cur:  # most words: outside any run, only a capital starts one
            if w.text[0].isupper() and _capital(w):
                cur = [w]
            continue
        joined = _joined(folded[cur[-1].end:w.start], cur[-1]) and not _possessive(cur[-1])
        if _capital(w):
            if not joined:
                _flush(runs, cur)
                cur = []
            cur.append(w)
        elif w.text[0].isdigit() and joined and len(w.text) <= 4 and cur[-1].text[0].isupper():
            cur.append(w)
            _flush(runs, cur)
            cur = []
        elif joined and _connector(w, cur, words[i + 1:], folded):
            cur.append(w)
        else:
            _flush(runs, cur)
            cur = []
    _flush(runs, cur)
    return tuple(runs)


def _flush(runs: list[list[Word]], cur: list[Word]) -> None:
    while cur and not _capital(cur[-1]) and not cur[-1].text[0].isdigit():
        cur = cur[:-1]  # a connector left dangling
    if cur:
        runs.append(list(cur))


_SPACE = re.compile(r"\s+")
_DOT_SPACE = re.compile(r"\.\s+")
_POSSESSIVE = re.compile(r"['’]s?$")


def _joined(gap: str, prev: Word) -> bool:
    if gap == " " or _SPACE.fullmatch(gap):
        return True
    # "Mr. Stoltenberg", "J. Smith", "U.S. forces"
    return bool(_DOT_SPACE.fullmatch(gap)) and (prev.low in _HONORIFICS or len(prev.low) == 1 or "." in prev.text)


def _possessive(word: Word) -> bool:
    return bool(_POSSESSIVE.search(word.text))


_PARTICLES = frozenset("von van der den de da di du del della bin ibn".split())


def _connector(w: Word, cur: list[Word], rest: list[Word], folded: str) -> bool:
    """"Ministry of Defence", "Training and Education Centre", "Ursula von der Leyen"."""
    if w.text in _PARTICLES:  # particles may chain ("von der"); a name must follow
        prev = w
        for nxt in rest:
            if not _SPACE.fullmatch(folded, prev.end, nxt.start):
                return False
            if nxt.text not in _PARTICLES:
                return _capital(nxt)
            prev = nxt
        return False
    if not rest or not _capital(rest[0]) or not _SPACE.fullmatch(folded, w.end, rest[0].start):
        return False
    if w.text in ("of", "for"):
        return cur[-1].low in _ORG_HEADS or cur[-1].low in _TITLE_HEADS
    if w.text == "and":
        tail = []
        for prev, nxt in zip([w, *rest], rest):
            if not _capital(nxt) or not _SPACE.fullmatch(folded, prev.end, nxt.start):
                break
            tail.append(nxt)
        return bool(tail) and tail[-1].low in _ORG_HEADS and cur[-1].low not in _ORG_HEADS
    return False


@dataclass(frozen=True, slots=True)
class _Name:
    kind: str  # "name", "person", "surname" (after an honorific) or "title"
    text: str
    start: int
    end: int
    title: str = ""


@dataclass(slots=True)
class _Vocabulary:
    """Per-text evidence used to tell names from capitalised common words."""

    lower: set[str] = field(default_factory=set)  # words seen in lower case
    midcaps: set[str] = field(default_factory=set)  # words seen capitalised mid-sentence


def _body_vocabulary(sentences: Sequence[Sentence]) -> _Vocabulary:
    """The vocabulary of a text's sentences, title-case headlines left out (they capitalise all)."""
    return _vocabulary(tuple(s.text for s in sentences if not _title_case(s)))


@lru_cache(maxsize=8)  # people() and _entities() read the same text's vocabulary
def _vocabulary(texts: tuple[str, ...]) -> _Vocabulary:
    voc = _Vocabulary()
    for text in texts:
        for w in _words(text):
            if w.text[0].islower():
                voc.lower.add(_low(w.text))
            elif not w.initial and w.text[0].isupper():
                voc.midcaps.add(_low(w.text))
    return voc


def _names_in_run(run: list[Word], voc: _Vocabulary) -> list[_Name]:
    """Split one capitalised run into names, people and titles; drop the junk."""
    run = _strip_leading(run)
    if not run:
        return []
    if run[0].initial and not run[0].text.isupper() and _common_initial(run, voc):
        run = run[1:]
    if not run:
        return []
    return _split_title(run)


def _strip_leading(run: list[Word]) -> list[Word]:
    """"The Secretary General", "With Steadfast Defender 24", "READ MORE"."""
    out = list(run)
    while out and (out[0].low in STOPWORDS and not _acronym(out[0]) or _junk(out[0])):
        out = out[1:]
        if out:
            out[0] = Word(out[0].text, out[0].start, out[0].end, False)
    return [w for w in out if not _junk(w)]


def _acronym(word: Word) -> bool:
    return len(word.text) > 1 and word.text.isupper()


def _common_initial(run: list[Word], voc: _Vocabulary) -> bool:
    """A sentence-initial word that is just a capitalised common word ("Finally")."""
    first = run[0].low
    if first in PLACES:
        return False  # "Germany, the Netherlands and Denmark have agreed"
    if first in voc.lower or first.endswith(("ly", "ing")):
        return True
    return len(run) == 1 and first not in voc.midcaps


def _split_title(run: list[Word]) -> list[_Name]:
    lows = [w.low for w in run]
    last_head = max((i for i, w in enumerate(lows) if w in _TITLE_HEADS), default=-1)
    if last_head < 0 or any(w in _ORG_HEADS for w in lows[last_head + 1:]):
        return _plain_name(run)
    first = last_head
    while first > 0 and (lows[first - 1] in _TITLE_HEADS or lows[first - 1] in _TITLE_MODIFIERS):
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
        if lows[last_head] not in ("ministers", "ambassadors") and lows[last_head] not in _HONORIFICS:
            out.append(_Name("title", title, run[first].start, run[last_head].end, title))
    else:
        out += _plain_name(after)
    return out


def _plain_name(run: list[Word]) -> list[_Name]:
    """A name without a title; all-generic runs ("European Allies") are not names."""
    if run and entity_key(_span_text(run)) in ALIASES:
        return [_Name("name", _span_text(run), run[0].start, _bare_end(run[-1]))]
    while run and run[-1].low in _GENERIC:
        run = run[:-1]
    if not run or all(_demonym(w.low) or w.low in _GENERIC for w in run):
        return []
    if len(run) == 1 and run[0].low in _REFERENCES:
        return []  # "the Council", "the Mission": a reference back, not a name
    return [_Name("name", _span_text(run), run[0].start, _bare_end(run[-1]))]


_REFERENCES = _TITLE_MODIFIERS | _TITLE_HEADS | _ORG_HEADS | _BACK_REFERENCES  # a word alone names no one


def _bare_end(word: Word) -> int:
    """End of a word without its possessive, so "NATO’s" is said as "NATO"."""
    return word.start + len(_bare(word.text))


def _demonym(low: str) -> bool:
    return low in _DEMONYMS or low.endswith(("ian", "ean", "ese", "ish", "ican"))


def _span_text(run: list[Word]) -> str:
    return " ".join(_bare(w.text) if i == len(run) - 1 else w.text for i, w in enumerate(run))


def _content(sentences: Sequence[Sentence]) -> list[Sentence]:
    return [s for s in sentences if not s.boilerplate]


def people(sentences: Sequence[Sentence]) -> People:
    """Full names with their titles ("Secretary General Jens Stoltenberg")."""
    reg = People()
    voc = _body_vocabulary(sentences)
    for sent in sentences:
        for run in _runs(sent.text):
            if not _titled(run):
                continue  # a run without a title word splits into plain names only
            for name in _names_in_run(run, voc):
                if name.kind == "person":
                    reg.add(name.text, name.title)
    return reg


def _titled(run: list[Word]) -> bool:
    """Whether a run holds a title word ("Secretary", "Mr"), without which _split_title finds no person."""
    return any(_low(w.text) in _TITLE_HEADS for w in run)


def resolve_person(text: str, reg: People) -> str | None:
    """Who a phrase like "Mr Stoltenberg" or "the Secretary General" names."""
    voc = _Vocabulary(midcaps={w.low for w in _words(text)})
    names = [n for run in _runs(text) for n in _names_in_run(run, voc)]
    # "NATO Secretary General Jens Stoltenberg": the person, not the organisation.
    names.sort(key=lambda n: n.kind == "name")
    for name in names:
        resolved = _canonical(name, reg)
        if resolved:
            return resolved[0]
    return None


def persons_in(text: str, reg: People) -> list[str]:
    """People named in ``text``, in order, resolved to full names where known."""
    voc = _Vocabulary(midcaps={w.low for w in _words(text)})
    out = []
    for run in _runs(text):
        for name in _names_in_run(run, voc):
            resolved = _canonical(name, reg)
            if resolved and (name.kind != "name" or resolved[1] in reg.names.keys() | set(map(entity_key, reg.surnames.values()))):
                out.append(resolved[0])
    return out


def _canonical(name: _Name, reg: People) -> tuple[str, str] | None:
    """(display, key) of a name, with aliases, surnames and titles resolved."""
    key = entity_key(name.text)
    if name.kind == "title":
        full = reg.titles.get(title_key(name.text))
        return (full, entity_key(full)) if full else None
    if key in ALIASES:
        return ALIASES[key], entity_key(ALIASES[key])
    if key in reg.names:
        return reg.names[key], key
    if " " not in key and key in reg.surnames:
        full = reg.surnames[key]
        return full, entity_key(full)
    return _titlecase_caps(name.text), key


def _titlecase_caps(text: str) -> str:
    """"BRUSSELS" in a dateline is Brussels; short all-caps words are acronyms."""
    return text.title() if text.isupper() and len(text) > 4 else text


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CLOSED = re.compile(r"[.!?\"”’]$")


def _title_case(sent: Sentence) -> bool:
    return _title_cased(sent.text, sent.heading)


@lru_cache(maxsize=1 << 15)
def _title_cased(text: str, heading: bool) -> bool:
    """Asked of every sentence by people() and _entities() alike, so cached."""
    if not heading and _CLOSED.search(text.strip()):
        return False  # a closed sentence is no headline: its words need no count
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _entities(sentences: Sequence[Sentence], reg: People) -> list[Mention]:
    voc = _body_vocabulary(sentences)
    out = []
    for sent in sentences:
        if _title_case(sent):
            continue  # "Council Extends Mission By One Year": every word is capitalised
        opened, closed = _dateline_credit(sent.text)
        for run in _runs(sent.text):
            for name in _names_in_run(run, voc):
                if opened < name.start < closed:
                    continue  # the agency in "BRUSSELS (Reuters) -": who filed it, not what it says
                canon = _canonical(name, reg)
                if canon:
                    display, key = canon
                    out.append(_mention(FactType.ENTITY, "", key, display, sent, name.start, name.end))
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


# ------------------------------------------------------------------ context


CONTEXT_WINDOW = 64


@lru_cache(maxsize=4096)
def _context_words(text: str) -> tuple[tuple[str | None, ...], list[int], list[int]]:
    """Each token's key if it may be context (a content word, not a number), else None; and token bounds.

    Once per sentence, not per mention: a sentence of figures has many mentions.
    """
    toks = tokens(text)
    keys = tuple(None if t.cls in _NOT_CONTEXT else t.key for t in toks)
    return keys, [t.start for t in toks], [t.end for t in toks]


_NOT_CONTEXT = frozenset({"stop", "meta", "number"})  # Token.content is false for the first two
# Weight of a context word ``d`` tokens from the fact, as _with_context gives it.
_WEIGHTS = tuple(1.0 / (1.0 + d / 4.0) for d in range(CONTEXT_WINDOW + 1))


def _with_context(m: Mention) -> Mention:
    """Attach the sentence's content words, weighted by closeness to the fact."""
    keys, starts, ends = _context_words(m.sentence.text)
    first, stop = bisect.bisect_right(ends, m.start), bisect.bisect_left(starts, m.end)
    lo, hi = (first, stop - 1) if first < stop else (0, 0)
    # Beyond CONTEXT_WINDOW tokens a word weighs under 6%: leaving it out keeps
    # a 100 KB one-line paste from costing mentions x tokens.
    a, b = max(0, lo - CONTEXT_WINDOW), min(len(keys), hi + CONTEXT_WINDOW + 1)
    # Words before the fact, then after it, in text order: the order the weights are summed in.
    before = zip(keys[a:lo], _WEIGHTS[lo - a:0:-1])
    after = zip(keys[hi + 1:b], _WEIGHTS[1:b - hi])
    ctx: dict[str, float] = {}
    for key, weight in chain(before, after):
        if key is not None and weight > ctx.get(key, 0.0):  # a word weighs as its nearest occurrence
            ctx[key] = weight
    m.context.update(ctx)
    return m


def _near(m: Mention) -> set[str]:
    """Content words within three tokens of the fact: what it is a figure of."""
    return {k for k, w in m.context.items() if w >= NEAR_WEIGHT}


NEAR_WEIGHT = 0.57  # 1 / (1 + 3/4): three tokens away


def _similarity(a: Mention, b: Mention) -> float:
    shared = a.context.keys() & b.context.keys()
    if len(shared) < 2:
        return 0.0
    num = sum(min(a.context[k], b.context[k]) for k in shared)
    return num / math.sqrt(sum(a.context.values()) * sum(b.context.values()))


# ----------------------------------------------------------------- public


def extract(sentences: Sequence[Sentence], reg: People | None = None) -> list[Mention]:
    """Every fact mention of one text, in text order (boilerplate skipped)."""
    return _extract(sentences, reg)[0]


def _extract(sentences: Sequence[Sentence], reg: People | None = None) -> tuple[list[Mention], list[Mention]]:
    """extract(), and the names said inside a count ("1,000 Patriot missiles").

    A name inside a figure is not listed twice, but it is said: the other
    text naming it is not naming something this one leaves out.
    """
    content = _content(sentences)
    reg = reg if reg is not None else people(content)
    found: list[Mention] = []
    for sent in content:
        found += _figures(sent)
    spans: dict[int, list[tuple[int, int]]] = {}  # sentence index -> figure spans
    counted: dict[int, list[tuple[int, int]]] = {}  # ... of counts, whose noun names a thing
    for m in found:
        spans.setdefault(m.sentence.index, []).append((m.start, m.end))
        if m.type is FactType.COUNT:  # not money: "US dollars" names a currency, not a country
            counted.setdefault(m.sentence.index, []).append((m.start, m.end))
    inside: list[Mention] = []
    for e in _entities(content, reg):
        if not _overlaps(e.start, e.end, spans.get(e.sentence.index, [])):
            found.append(e)
        elif _overlaps(e.start, e.end, counted.get(e.sentence.index, [])):
            inside.append(e)
    found.sort(key=lambda m: (m.sentence.index, m.start))
    return [_with_context(m) for m in found], inside


def list_facts(sentences: Sequence[Sentence], side: Side = Side.SOURCE) -> tuple[Fact, ...]:
    """One text's facts, one per distinct value, as that side's only facts."""
    status = FactStatus.SOURCE_ONLY if side is Side.SOURCE else FactStatus.OUTLET_ONLY
    return tuple(_fact(ms[0], None, status) if side is Side.SOURCE else _fact(None, ms[0], status)
                 for ms in _grouped(extract(sentences)).values())


def _grouped(mentions: list[Mention]) -> dict[tuple, list[Mention]]:
    out: dict[tuple, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.key, []).append(m)
    return out


def _fact(src: Mention | None, out: Mention | None, status: FactStatus) -> Fact:
    first = src or out
    assert first is not None
    value = first.label if first.type is FactType.ENTITY else first.value
    if first.type is FactType.COUNT and isinstance(value, float) and value.is_integer():
        value = int(value)
    return Fact(
        type=first.type, text=first.label, value=value, status=status,
        source=src.sentence.text if src else None, outlet=out.sentence.text if out else None,
        source_says=src.says if src else None, outlet_says=out.says if out else None,
        source_index=src.sentence.index if src else None, outlet_index=out.sentence.index if out else None,
    )


# Below this context similarity two different figures are about different things.
# Measured on the sample pair: edited figures score 0.66-0.92, neighbouring
# unrelated figures ("18 Allies" / "three members in 2014") up to 0.50.
CONFLICT_THRESHOLD = 0.55
# ... and in sentences the alignment linked: "only 35 per cent of eligible voters had been
# registered" / "only 38 percent of eligible voters had registered" scores 0.36.
LINKED_CONFLICT_THRESHOLD = 0.3


def _conflicts(src: dict[tuple, list[Mention]], out: dict[tuple, list[Mention]],
               linked: Collection[tuple[int, int]] = ()) -> list[tuple[Mention, Mention]]:
    """Pair unmatched figures that measure the same thing in similar sentences.

    Sentences the alignment linked report the same thing already, so their
    figures need less alike surroundings (LINKED_CONFLICT_THRESHOLD).
    """
    same_kind: dict[tuple, list[tuple]] = {}  # (type, group) -> outlet keys, in order
    for okey in out:
        same_kind.setdefault(okey[:2], []).append(okey)
    order = {okey: k for k, okey in enumerate(out)}
    buckets: dict[tuple, _Bucket] = {}
    candidates = []
    for skey, sms in src.items():
        if skey[0] is FactType.ENTITY or skey[:2] not in same_kind:
            continue
        if skey[:2] not in buckets:
            buckets[skey[:2]] = _Bucket(same_kind[skey[:2]], out)
        alike = buckets[skey[:2]].alike(sms)
        for okey in sorted(alike, key=order.__getitem__):  # every other outlet key scores 0
            oms = out[okey]
            score = alike[okey]
            if score < LINKED_CONFLICT_THRESHOLD:
                continue
            if score >= CONFLICT_THRESHOLD or any(
                    (a.sentence.index, b.sentence.index) in linked and _near(a) & _near(b) for a in sms for b in oms):
                candidates.append((score, skey, okey))
    pairs, used_s, used_o = [], set(), set()
    for _, skey, okey in sorted(candidates, key=lambda c: -c[0]):
        if skey not in used_s and okey not in used_o:
            used_s.add(skey)
            used_o.add(okey)
            a, b = max(((a, b) for a in src[skey] for b in out[okey]), key=lambda p: _similarity(*p))
            pairs.append((a, b))
    return pairs


class _Bucket:
    """The outlet's mentions of one kind of figure, by the context words they have.

    Most pairs of mentions share fewer than two context words, so score 0:
    the index finds the few that do without a look at every pair.
    """

    def __init__(self, okeys: list[tuple], out: dict[tuple, list[Mention]]) -> None:
        self.mentions = [(okey, b) for okey in okeys for b in out[okey]]
        self.by_word: dict[str, list[int]] = {}
        for pos, (_, b) in enumerate(self.mentions):
            for word in b.context:
                self.by_word.setdefault(word, []).append(pos)

    def alike(self, sms: list[Mention]) -> dict[tuple, float]:
        """Outlet keys with a mention sharing two context words or more with one of ``sms``: best _similarity."""
        best: dict[tuple, float] = {}
        by_word = self.by_word
        for a in sms:
            shared = Counter(chain.from_iterable(by_word[w] for w in a.context if w in by_word))
            for pos, n in shared.items():
                if n >= 2:
                    okey, b = self.mentions[pos]
                    best[okey] = max(best.get(okey, 0.0), _similarity(a, b))
        return best


def register(source: Sequence[Sentence], outlet: Sequence[Sentence]) -> People:
    """Who is who across both texts, as facts and quotations resolve names."""
    return people(_content(source)).merged(people(_content(outlet)))


def compare_facts(
    source: Sequence[Sentence], outlet: Sequence[Sentence], reg: People | None = None,
    linked: Collection[tuple[int, int]] = (),
) -> tuple[Fact, ...]:
    """Cross-check both texts' facts: confirmed, conflict, source_only, outlet_only."""
    return cross_check(gather(source, outlet, reg), linked)


Gathered = tuple[tuple[list[Mention], list[Mention]], tuple[list[Mention], list[Mention]]]


def gather(source: Sequence[Sentence], outlet: Sequence[Sentence], reg: People | None = None) -> Gathered:
    """Both texts' mentions: the costly half of compare_facts, which needs no alignment."""
    reg = reg if reg is not None else register(source, outlet)
    (src, src_inside), (out, out_inside) = _extract(source, reg), _extract(outlet, reg)
    src, out = _borrow(src, out, _YEARLESS), _borrow(out, src, _YEARLESS)
    return (_borrow(src, out, _NOUNLESS), src_inside), (_borrow(out, src, _NOUNLESS), out_inside)


class _Lack(NamedTuple):
    """What a mention may lack, where to find it, and how to fill it in."""

    missing: Callable[[Mention], str | float | None]  # the lookup key of a mention lacking it
    having: Callable[[Mention], tuple[str | float, object] | None]  # (lookup key, what it has)
    fill: Callable[[Mention, object], Mention]


def _borrow(mine: list[Mention], theirs: list[Mention], lack: _Lack) -> list[Mention]:
    """Mentions lacking something take it when the other text (else this one) has exactly one answer."""
    def index(mentions: list[Mention]) -> dict[str | float, set[object]]:
        out: dict[str | float, set[object]] = {}
        for m in mentions:
            found = lack.having(m)
            if found is not None:
                out.setdefault(found[0], set()).add(found[1])
        return out

    known = [index(theirs), index(mine)]
    resolved = []
    for m in mine:
        key = lack.missing(m)
        if key is not None:
            answers = next((k[key] for k in known if key in k), set())
            if len(answers) == 1:
                m = lack.fill(m, next(iter(answers)))
        resolved.append(m)
    return resolved


def _day(m: Mention) -> bool:
    return m.type is FactType.DATE and m.group == "day"


def _with_year(m: Mention, iso: object) -> Mention:
    assert isinstance(iso, str)
    day, month, year = int(iso[8:]), int(iso[5:7]), iso[:4]
    return replace(m, value=iso, label=f"{day} {_MONTH_NAMES[month - 1].title()} {year}")


# "March 13" is 13 March 2024 when a text gives that day a year ("--03-13" and "2024-03-13" end alike).
_YEARLESS = _Lack(
    missing=lambda m: m.value[1:] if _day(m) and m.value.startswith("--") else None,
    having=lambda m: (m.value[4:], m.value) if _day(m) and not m.value.startswith("--") else None,
    fill=_with_year,
)
# "2,101" alone counts what a text counts with 2,101: "2,101 police personnel".
_NOUNLESS = _Lack(
    missing=lambda m: m.value if m.type is FactType.COUNT and not m.group else None,
    having=lambda m: (m.value, (m.group, m.label)) if m.type is FactType.COUNT and m.group else None,
    fill=lambda m, noun: replace(m, group=noun[0], label=noun[1]),  # type: ignore[index]
)


def cross_check(gathered: Gathered, linked: Collection[tuple[int, int]] = ()) -> tuple[Fact, ...]:
    """compare_facts() on gathered mentions; ``linked`` sentence pairs let figures differ more."""
    (src_found, src_inside), (out_found, out_inside) = gathered
    src, out = _grouped(src_found), _grouped(out_found)
    # A name listed on one side and said inside a figure on the other is confirmed.
    for mine, theirs, said in ((src, out, out_inside), (out, src, src_inside)):
        for m in said:
            if m.key in mine and m.key not in theirs:
                theirs[m.key] = [_with_context(m)]
    confirmed = [(src[k][0], out[k][0]) for k in src if k in out]
    conflicts = _conflicts({k: v for k, v in src.items() if k not in out},
                           {k: v for k, v in out.items() if k not in src}, linked)
    paired_s = {a.key for a, _ in conflicts}
    paired_o = {b.key for _, b in conflicts}
    src_only = [v[0] for k, v in src.items() if k not in out and k not in paired_s]
    out_only = [v[0] for k, v in out.items() if k not in src and k not in paired_o]
    order = lambda m: (m.sentence.index, m.start)  # noqa: E731
    return (
        tuple(_fact(a, b, FactStatus.CONFIRMED) for a, b in sorted(confirmed, key=lambda p: order(p[0])))
        + tuple(_fact(a, b, FactStatus.CONFLICT) for a, b in sorted(conflicts, key=lambda p: order(p[0])))
        + tuple(_fact(a, None, FactStatus.SOURCE_ONLY) for a in sorted(src_only, key=order))
        + tuple(_fact(None, b, FactStatus.OUTLET_ONLY) for b in sorted(out_only, key=order))
    )
