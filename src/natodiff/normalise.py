"""Matching keys for words, so that typography, spelling and number formats
do not count as differences.

The keys only need to agree between the two texts, not to be good English:
a rule applied to both sides (``exercise`` -> ``exercize``) is harmless, so
rules are broad and tables short. Every token keeps the character span of
the original word, so reports always show the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Sequence

from natodiff import lexicon
from natodiff.analysis import per_text
from natodiff.lexicon import (  # NEGATIONS, POLARITY: classify and align read them from here
    CLITICS, CURRENCIES, DEMONYMS, DOUBLE_L, MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS, NEGATIONS, NOT_BASES,
    NOT_SPEAKERS, NUMBER_WORDS, ORDINAL_ENDINGS, ORDINAL_WORDS, PHRASE_ALIASES, PLACES, POLARITY, PREFIXES,
    REPORT_VERBS, SCALE_NAMES, SHORT_SCALES, SLAVIC_ENDINGS, SPELLING, STOPWORDS, TAG_VERBS, TENS, UNIT_ORDINALS,
    UNITS, WORD_ALIASES,
)
from natodiff.patterns import Pattern

# Characters that typography varies but meaning does not.
_TYPO = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00ad": " ",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u200b": " ", "\u2060": " ", "\ufeff": " ",
        "\u2026": ".",
    }
)

# Dotted acronyms ("U.K.", "U.S.") first, so they stay one word.
_WORD = Pattern(r"(?:[^\W\d_]\.){2,}(?![^\W\d_])|[$€£¥]|%|\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")

# What tokens() keys scale and currency words by.
SCALES = {w: SCALE_NAMES[v] for w, v in lexicon.SCALES.items() if w not in SHORT_SCALES}
SCALE_KEYS = frozenset(SCALES.values())
CURRENCY_KEYS = frozenset(CURRENCIES.values())
# A shortened month (lexicon.MONTH_ABBREVIATIONS) keys as its full name, so both spellings match.
_MONTH_KEYS = {w: MONTH_NAMES[n - 1] for w, n in MONTHS.items() if w in MONTH_ABBREVIATIONS}
# Broad rules, applied to both texts alike (see module docstring).
_DOUBLE_L_ENDINGS = ("lled", "lling", "ller", "llers")
_RULES = (  # (a substring every match contains, pattern, replacement)
    ("our", Pattern(r"^(colo|hono|labo|favo|behavio|neighbo|harbo|rumo|vigo|armo|endeavo|"
                       r"valo|humo|flavo|savo|odo|parlo|splendo|clamo|cando|ardo|ranco|tumo|vapo)ur"),
     r"\1r"),
    ("is", Pattern(r"^(\w{2,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    ("ys", Pattern(r"^(\w{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    ("tre", Pattern(r"^(\w{3,})tre(s?)$"), r"\1ter\2"),
    ("bre", Pattern(r"^(\w{3,})bre(s?)$"), r"\1ber\2"),
    ("ogue", Pattern(r"^(\w{2,})ogue(s?)$"), r"\1og\2"),
)


# Word and phrase aliases keyed the way the texts' words are keyed, so a table entry always meets
# the key the text's word gets ("alliance" stems to "allianc"); filled in at the end of the module,
# once word_key() exists.
ALIASES: dict[str, str] = {}
PHRASES: dict[tuple[str, ...], str] = {}
_PHRASE_FIRST: set[str] = set()


class Token(NamedTuple):
    """One word's matching key and span; a named tuple, as books have many."""

    key: str
    start: int
    end: int
    cls: str  # "stop", "word", "name", "number", or "meta" (dateline, "he said")

    @property
    def content(self) -> bool:
        return self.cls not in ("stop", "meta")


# "BRUSSELS -", "LONDON (Reuters) —", "BRUSSELS, <Month> 21 (ENA) --": where the
# story was filed, not what it says.
_DATELINE = Pattern(
    r"^[\"'“‘]?[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:-{1,2}|[–—:])\s+"
)
# ", he said." / ", Stoltenberg added." / "said Mr Smith." closing a sentence.
_SPEAKER = r"(?:he|she|they|it|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
_VERB = "(?:" + "|".join(r"told\s+\w+" if verb == "told" else verb for verb in TAG_VERBS) + ")"  # told whom
# Where or how it was said: "told reporters in Brussels", "said in a statement".
# Common words only: "said in 2014" or "in Moscow" is a fact that may change, not a tag.
_OCCASION = r"(?:\s+(?:in|at)\s+(?:an?\s+|the\s+)?[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*)?)?"
# Most words a "citing ..." source takes; a longer clause is a reason.
_SOURCE_WORDS = 6
_ATTRIBUTION = Pattern(
    rf"[,.!?]?[\"'”’]?,?\s+(?:{_SPEAKER}\s+{_VERB}|{_VERB}\s+{_SPEAKER}){_OCCASION}(?:\s+on\s+\w+)?[.!]?[\"'”’]?$"
    # ", the Interfax news agency reported Thursday, citing NATO's chief."
    rf"|,\s+(?:the\s+)?[\w' -]{{0,40}}\b(?:{'|'.join(REPORT_VERBS)}){_OCCASION}(?:\s+on)?(?:\s+\w+day)?"
    rf"(?:,?\s+(?:citing|quoting)\s+[^,]{{1,80}})?[.!]?$"
    rf"|,\s+according\s+to\s+[^,]{{1,80}}[.!]?$"
    # "citing NATO's chief" names a source; "citing the need to protect cities
    # from drone attacks" gives a reason, which is what the sentence says.
    rf"|,\s+(?:citing|quoting)(?:\s+[^\s,]+){{1,{_SOURCE_WORDS}}}$"
)


# One of these is in every tag _ATTRIBUTION finds: a cheap test spares most sentences its search.
_ATTRIBUTION_WORDS = (*TAG_VERBS, *REPORT_VERBS, "according", "citing", "quoting")


# "STOLTENBERG:", "OANA LUNGESCU (NATO Spokesperson):", "Q:": who speaks in a transcript.
SPEAKER_LABEL = Pattern(
    r"^(?:Q|A|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:\s*\([^()]{1,60}\))?\s*:\s+(?=\S)"
)


def speaker_label(text: str) -> re.Match[str] | None:
    m = SPEAKER_LABEL.match(text)
    if m is None:
        return None
    name = m.group().split("(")[0].strip(" :").casefold()
    return None if name in NOT_SPEAKERS or name in PLACES else m


def meta_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of a leading dateline or speaker label and a closing "he said" tag."""
    spans = []
    m = _DATELINE.match(text) or speaker_label(text)
    if m and len(text) - m.end() > 20:
        spans.append((0, m.end()))
    m = _ATTRIBUTION.search(text) if any(word in text for word in _ATTRIBUTION_WORDS) else None
    if m and m.start() > 20:
        spans.append((m.start(), len(text)))
    return spans


def fold(text: str) -> str:
    """Typography folded; same length as the input so spans stay valid."""
    return text if text.isascii() else text.translate(_TYPO)


def spelling(word: str) -> str:
    """American spelling key of a lower-case word, by table then rule."""
    if word in SPELLING:
        return SPELLING[word]
    if word.endswith(_DOUBLE_L_ENDINGS):
        for suffix in ("ed", "ing", "er", "ers"):
            if word.endswith("l" + suffix) and word[: -len(suffix) - 1] in DOUBLE_L:
                return word[: -len(suffix) - 1] + suffix
    for hint, pattern, repl in _RULES:
        if hint in word:  # a substring test first: most words meet no rule
            new = pattern.sub(repl, word)
            if new != word:
                return new
    return word


# Inflectional endings, then derivational ones, longest first; a stem keeps
# at least four letters so short words ("news", "unit") stay whole.
_INFLECTIONS = (("ings", ""), ("ing", ""), ("ied", "y"), ("ies", "y"), ("ed", ""), ("es", ""), ("s", ""))
_DERIVATIONS = (
    ("ational", "at"), ("ations", "at"), ("ation", "at"), ("ional", ""), ("ments", ""),
    ("ment", ""), ("ions", ""), ("ion", ""), ("ical", ""), ("ally", ""), ("ness", ""), ("ity", ""),
    ("al", ""), ("ly", ""), ("e", ""),
)
# A noun whose stem is not its verb's ("abstention" of "abstain"): the noun
# ending becomes the verb's before stripping. Left out on purpose: -olution
# ("resolution" is not "resolve", a NATO word) and -ission ("Commission").
# The verb keeps five letters, so "vision" and "tension" stay whole.
_NOUN_TO_VERB = (
    ("stention", "stain"), ("etention", "etain"), ("ization", "ize"), ("ision", "ide"), ("usion", "ude"),
    ("asion", "ade"), ("ension", "end"),
    ("ansion", "and"), ("scription", "scribe"), ("duction", "duce"), ("ification", "ify"), ("mentation", "ment"),
)
_KEEP = ("ss", "us", "is", "ys")


def stem(word: str) -> str:
    """Light suffix stripping (a few Porter-like steps), possessives first.

    An inflection goes first, so a word and its inflected forms share a key
    (``implement``/``implemented``, ``official``/``officials``); then one
    derivational ending (``education``/``educational``, ``abstain``/``abstention``).
    Both texts go through it, so an odd stem does no harm.
    """
    if word.endswith("'s"):
        word = word[:-2]
    if not word.isalpha() or word.endswith(_KEEP):
        return word
    word = _strip(word, _INFLECTIONS)
    if word.endswith(_KEEP):  # "businesses" -> "business", kept as "business" is
        return word
    for noun, verb in _NOUN_TO_VERB:
        if word.endswith(noun) and len(word) - len(noun) + len(verb) >= 5:
            word = word[: -len(noun)] + verb
            break
    word = _strip(word, _DERIVATIONS)
    # "procurement" -> "procure" -> "procur", as "procure" -> "procur".
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _strip(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    """``word`` less its first ending that leaves a stem of four letters or more."""
    for suffix, repl in endings:
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 4:
            return word[: len(word) - len(suffix)] + repl
    return word


# Room for the vocabulary of a 10 MB text (about 100,000 words by Heaps' law): an LRU
# cache smaller than the working set misses on every rare word it meets again.
@lru_cache(maxsize=1 << 17)
def word_key(word: str) -> str:
    """Key of one already-tokenised alphabetic word (cached: words repeat)."""
    key = _plain_key(word)
    return ALIASES.get(key, key)


def _plain_key(word: str) -> str:
    """word_key() before aliases: what the alias table is keyed by."""
    if word in ("US", "U.S.", "U.S"):  # the country, not the pronoun "us"
        return "usa"
    w = unicodedata.normalize("NFKC", word).casefold().replace(".", "")
    if not w.isascii():  # "Kogălniceanu" = "Kogalniceanu"
        w = "".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch))
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if w in ORDINAL_WORDS:
        return ORDINAL_WORDS[w]
    if w in SCALES:
        return SCALES[w]
    if w in CURRENCIES:
        return CURRENCIES[w]
    if w in _MONTH_KEYS:
        return _MONTH_KEYS[w]
    if w in STOPWORDS:
        return w
    if w.endswith("'s"):
        w = w[:-2]  # as stem() would, before the Slavic ending is looked at
    if w.endswith(SLAVIC_ENDINGS):  # "Zelenskyy", "Zelenskiy" = "Zelensky"
        w = w[:-4] + "sky"
    return stem(spelling(w))


@per_text(1 << 15)
def tokens(text: str) -> tuple[Token, ...]:
    """Matching tokens of ``text``, each with the span of the word it came from.

    Remembered (``analysis.per_text``): alignment, facts, quotations, metrics
    and shifts all read the same sentences, and the result is immutable.
    """
    folded = fold(text)
    raw = [(m[0], m.start(), m.end()) for m in _WORD.finditer(folded)]
    out: list[Token] = []
    append = out.append
    i = 0
    n = len(raw)
    while i < n:
        word, start, end = raw[i]
        keyed = _plain_keyed(word)
        if keyed is not None:  # most words: no rule below applies
            append(Token(keyed[0], start, end, keyed[1]))
            i += 1
            continue
        nxt = raw[i + 1][0].casefold() if i + 1 < n else ""
        low = word.casefold()
        attached = i > 0 and raw[i - 1][2] == start  # no space before: "3m", "F-16s"
        if word[0].isdigit():
            key = word.replace(",", "") if _thousands(word) else word
            # "17 000" with a no-break or thin space: one number, as "17,000".
            while (i + 1 < n and key.isdigit() and len(raw[i + 1][0]) == 3 and raw[i + 1][0].isdigit()
                   and raw[i + 1][1] == end + 1 and text[end] in _GROUP_SPACES):
                key, end = key + raw[i + 1][0], raw[i + 1][2]
                i += 1
            if i + 1 < n and raw[i + 1][1] == end and nxt in ORDINAL_ENDINGS and key.isdigit():
                # "16th", "21st"; but "9th" beside a month name is the same day as a plain "9" there.
                after = [w.casefold().rstrip(".") for w, _, _ in raw[i + 2 : i + 4]]
                day = (i > 0 and raw[i - 1][0].casefold().rstrip(".") in MONTHS
                       or bool(after) and after[0] in MONTHS
                       or len(after) == 2 and after[0] == "of" and after[1] in MONTHS)
                key, end = key + ("" if day else "th" if nxt == "th" else nxt), raw[i + 1][2]
                i += 1
            out.append(Token(key, start, end, "number"))
        elif low in TENS and nxt in _UNITS and raw[i + 1][1] == end + 1 and folded[end] == "-":
            # "twenty-five" = 25, "seventy-fifth" = 75th
            value, suffix = _UNITS[nxt]
            out.append(Token(f"{int(NUMBER_WORDS[low]) + value}{suffix}", start, raw[i + 1][2], "number"))
            i += 1
        elif word == "%":
            out.append(Token("percent", start, end, "word"))
        elif low == "per" and nxt == "cent":
            out.append(Token("percent", start, raw[i + 1][2], "word"))
            i += 1
        elif low == "us" and nxt in ("dollar", "dollars", "$"):
            pass  # "US dollars", "US$": the currency token that follows says it
        elif low == "a" and nxt in SCALES:
            out.append(Token("1", start, end, "number"))
        elif low in CURRENCIES and _said_already(out, CURRENCIES[low]):
            pass  # "$10 billion US dollars" names its currency twice
        elif attached and out and out[-1].cls == "number" and low == "s":
            pass  # "F-16s", "1990s": a plural, not a word
        elif attached and low in _SHORT_SCALES and out and out[-1].cls == "number" and _money(out):
            out.append(Token(_SHORT_SCALES[low], start, end, "word"))  # "£3m", "$40k"
        elif low in PREFIXES and nxt.isalpha() and nxt == raw[i + 1][0] and raw[i + 1][1] == end + 1 \
                and folded[end] == "-":
            # "co-operation" = "cooperation": a prefix that is never a word by itself
            # ("non-NATO" stays two words, so that it still says NATO).
            joined, end = word + raw[i + 1][0], raw[i + 1][2]
            out.append(_word_token(joined, start, end))
            i += 1
        elif "'" in low or low == "cannot":
            out.extend(_contraction(word, low, start, end))
        else:
            out.append(_word_token(word, start, end))
        i += 1
    out = _phrases(out)
    spans = meta_spans(folded)
    if spans:
        out = [
            Token(t.key, t.start, t.end, "meta") if any(a <= t.start < b for a, b in spans) else t
            for t in out
        ]
    return tuple(out)


def keys(text: str) -> tuple[str, ...]:
    """The matching keys of ``text``: what shifts and quotation checks compare."""
    return tuple(t.key for t in tokens(text))


# Cached per word as written (the class reads its capitals): tokens() asks once per word it meets.
@lru_cache(maxsize=1 << 17)
def _plain_keyed(word: str) -> tuple[str, str] | None:
    """A word's key and class when no rule of tokens() looks at it twice, else None: its fast path."""
    low = word.casefold()
    if low in _SPECIAL or "'" in low or not word[0].isalpha():
        return None
    return _keyed(word)


def _word_token(word: str, start: int, end: int) -> Token:
    key, cls = _keyed(word)
    return Token(key, start, end, cls)


def _keyed(word: str) -> tuple[str, str]:
    """A word's key and class."""
    key = word_key(word)
    if key[:1].isdigit():  # "three", "sixteenth"
        return key, "number"
    if key in STOPWORDS:
        return key, "stop"
    if word[0].isupper() and not word.isupper() or len(word) > 1 and word.isupper():
        return key, "name"
    return key, "word"


# The unit of a hyphenated number word, by its value and ordinal ending: "twenty-five", "seventy-fifth".
_UNITS = {w: (k + 1, "") for k, w in enumerate(UNITS)}
_UNITS |= {w: (k + 1, "st" if k == 0 else "nd" if k == 1 else "rd" if k == 2 else "th") for k, w in
           enumerate(UNIT_ORDINALS)}
# Spaces that group thousands ("17 000"); a plain space is too ambiguous.
_GROUP_SPACES = "\u00a0\u202f\u2009"
_SHORT_SCALES = {w: SCALE_NAMES[lexicon.SCALES[w]] for w in SHORT_SCALES}
# Lower-cased words the tokens() loop treats specially; any other word takes its fast path.
_SPECIAL = frozenset({"per", "us", "a", "s", "cannot", *CURRENCIES, *_SHORT_SCALES, *PREFIXES, *TENS})


def _contraction(word: str, low: str, start: int, end: int) -> list[Token]:
    """A contraction as its two words, each with its own span; other words whole."""
    if low == "cannot":
        return [Token("can", start, start + 3, "stop"), Token("not", start + 3, end, "stop")]
    if low.endswith("n't") and len(low) > 3:
        base = low[:-3]
        return [_word_token(NOT_BASES.get(base, base), start, end - 3), Token("not", end - 3, end, "stop")]
    head, _, tail = low.rpartition("'")
    if tail in CLITICS and head:
        cut = start + len(head)
        return [_word_token(word[: len(head)], start, cut), _word_token(CLITICS[tail], cut, end)]
    return [_word_token(word, start, end)]


def _money(out: list[Token]) -> bool:
    """A currency just before the number: "£3m" is money, "3m" alone may be metres."""
    return len(out) >= 2 and out[-2].key in CURRENCY_KEYS


def _phrases(toks: list[Token]) -> list[Token]:
    """Multi-word names folded to one key: "North Atlantic Treaty Organization" = "NATO"."""
    if _PHRASE_FIRST.isdisjoint([t[0] for t in toks]):
        return toks
    out: list[Token] = []
    i = 0
    while i < len(toks):
        if toks[i].key not in _PHRASE_FIRST:
            out.append(toks[i])
            i += 1
            continue
        for phrase, key in PHRASES.items():
            n = len(phrase)
            if tuple(t.key for t in toks[i : i + n]) == phrase:
                out.append(Token(key, toks[i].start, toks[i + n - 1].end, "name"))
                i += n
                break
        else:
            out.append(toks[i])
            i += 1
    return out


def _said_already(out: list[Token], currency: str) -> bool:
    """The same currency among the last three tokens: "$10 billion dollars"."""
    return any(t.key == currency for t in out[-3:])


def same_compound(a: Sequence[str], b: Sequence[str]) -> bool:
    """Keys of one compound written as one word or two: "front line" = "frontline".

    Stemming drops a final e from a word but not from inside a compound
    ("peace keeping" -> peac, keep; "peacekeeping" -> peacekeep), so the parts
    may each have lost an e. The two sides must differ in their number of words.
    """
    if not a or not b or len(a) == len(b) or len(a) + len(b) > 6:
        return False
    few, many = sorted((a, b), key=len)
    return _compound(tuple(many)).fullmatch("".join(few)) is not None


def _compound(parts: tuple[str, ...]) -> re.Pattern[str]:
    """The parts run together, each perhaps having lost a final e."""
    return re.compile("e?".join(re.escape(part.removesuffix("e")) for part in parts) + "e?")


_THOUSANDS = Pattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _thousands(number: str) -> bool:
    """``1,000`` and ``12,500,000`` are grouped thousands; ``2,5`` is not."""
    return bool(_THOUSANDS.fullmatch(number))


def _build_tables() -> None:
    """Key the alias and phrase tables the way the texts' words are keyed."""
    for word, target in (*WORD_ALIASES.items(), *DEMONYMS.items()):
        ALIASES[_plain_key(word)] = word_key(target)
    word_key.cache_clear()  # keyed before the aliases were in
    _plain_keyed.cache_clear()
    for phrase, key in PHRASE_ALIASES.items():
        PHRASES[tuple(word_key(w) for w in phrase.split())] = key
    _PHRASE_FIRST.update(p[0] for p in PHRASES)


_build_tables()
