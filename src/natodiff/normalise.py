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
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W\d_])|[$€£¥]|%|\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")

# Function words that flip what a sentence says: an edit to one is never trivial.
NEGATIONS = frozenset({"not", "no", "nor", "never", "none", "neither", "without", "cannot"})
POLARITY = NEGATIONS | {"before", "after", "more", "less", "fewer", "above", "below", "against", "only"}

STOPWORDS = frozenset(
    """a an the and or but nor so yet for of to in on at by with from into onto
    upon about above below over under after before during since until while as
    than then that this these those there here it its it's itself they them their
    theirs we us our ours you your he him his she her hers i me my mine who whom
    whose which what when where why how is are was were be been being am do does
    did done have has had having will would shall should can could may might must
    not no also such both each all any some more most other another same own only
    just very too again further once out up down off if because per via
    through throughout across among amongst between within without against
    including toward towards around onto whether however although though
    mr mrs ms dr said say says saying told according""".split()
)

NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
    "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100", "dozen": "12",
}
# Ordinals as written in figures ("16th"); "first" and "second" are left out,
# being as often order or time ("first elections", "a second") as counting.
ORDINAL_WORDS = {
    "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th", "seventh": "7th", "eighth": "8th",
    "ninth": "9th", "tenth": "10th", "eleventh": "11th", "twelfth": "12th", "thirteenth": "13th",
    "fourteenth": "14th", "fifteenth": "15th", "sixteenth": "16th", "seventeenth": "17th",
    "eighteenth": "18th", "nineteenth": "19th", "twentieth": "20th", "thirtieth": "30th",
    "fortieth": "40th", "fiftieth": "50th", "sixtieth": "60th", "seventieth": "70th",
    "eightieth": "80th", "ninetieth": "90th", "hundredth": "100th",
}
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
SCALES = {
    "thousand": "thousand", "million": "million", "mln": "million", "mn": "million",
    "billion": "billion", "bn": "billion", "bln": "billion",
    "trillion": "trillion", "tn": "trillion", "trn": "trillion",
}
CURRENCIES = {
    "$": "usd", "usd": "usd", "dollar": "usd", "dollars": "usd",
    "€": "eur", "eur": "eur", "euro": "eur", "euros": "eur",
    "£": "gbp", "gbp": "gbp", "sterling": "gbp", "¥": "jpy", "yen": "jpy",
}
CURRENCY_KEYS = frozenset(CURRENCIES.values())
SCALE_KEYS = frozenset(SCALES.values())
MONTHS = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april",
    "jun": "june", "jul": "july", "aug": "august", "sep": "september",
    "sept": "september", "oct": "october", "nov": "november", "dec": "december",
}
# British -> American where no broad rule below covers it.
SPELLING = {
    "defence": "defense", "offence": "offense", "licence": "license",
    "pretence": "pretense", "programme": "program", "programmes": "programs",
    "grey": "gray", "ageing": "aging", "judgement": "judgment",
    "manoeuvre": "maneuver", "manoeuvres": "maneuvers", "aluminium": "aluminum",
    "cheque": "check", "tyre": "tire", "sceptical": "skeptical",
    "enrol": "enroll", "fulfil": "fulfill", "whilst": "while", "amongst": "among",
    "towards": "toward", "afterwards": "afterward", "learnt": "learned",
    "spelt": "spelled", "percent": "percent", "pct": "percent",
    "kilometre": "kilometer", "kilometres": "kilometers", "jewellery": "jewelry",
}
_DOUBLE_L = frozenset(
    "travel label cancel model fuel signal level total channel counsel marshal "
    "dial duel equal jewel libel pedal quarrel rival shovel tunnel funnel "
    "marvel panel parcel pencil".split()
)
# Broad rules, applied to both texts alike (see module docstring).
_DOUBLE_L_ENDINGS = ("lled", "lling", "ller", "llers")
_RULES = (  # (a substring every match contains, pattern, replacement)
    ("our", re.compile(r"^(colo|hono|labo|favo|behavio|neighbo|harbo|rumo|vigo|armo|endeavo|"
                       r"valo|humo|flavo|savo|odo|parlo|splendo|clamo|cando|ardo|ranco|tumo|vapo)ur"),
     r"\1r"),
    ("is", re.compile(r"^(\w{2,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    ("ys", re.compile(r"^(\w{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    ("tre", re.compile(r"^(\w{3,})tre(s?)$"), r"\1ter\2"),
    ("bre", re.compile(r"^(\w{3,})bre(s?)$"), r"\1ber\2"),
    ("ogue", re.compile(r"^(\w{2,})ogue(s?)$"), r"\1og\2"),
)


# Names the press uses interchangeably for one body, written as plain words;
# keyed through word_key() at the end of this module, so a table entry always
# meets the key the text's word gets ("alliance" stems to "allianc").
_ALIAS_WORDS = {
    "alliance": "nato", "britain": "uk", "british": "uk", "ally": "member",
    # Place names in their older or other transliteration.
    "türkiye": "turkey", "kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv",
    "byelorussia": "belarus", "belorussia": "belarus", "burma": "myanmar",
}
# Country adjectives: "Russian forces" report on Russia.
_DEMONYMS = {
    "afghan": "afghanistan", "albanian": "albania", "armenian": "armenia", "australian": "australia",
    "austrian": "austria", "azerbaijani": "azerbaijan", "belarusian": "belarus", "belgian": "belgium",
    "bosnian": "bosnia", "bulgarian": "bulgaria", "canadian": "canada", "chinese": "china",
    "croatian": "croatia", "danish": "denmark", "dutch": "netherlands", "egyptian": "egypt",
    "estonian": "estonia", "finnish": "finland", "french": "france", "georgian": "georgia",
    "german": "germany", "greek": "greece", "hungarian": "hungary", "indian": "india",
    "iranian": "iran", "iraqi": "iraq", "irish": "ireland", "israeli": "israel", "italian": "italy",
    "japanese": "japan", "korean": "korea", "latvian": "latvia", "lithuanian": "lithuania",
    "macedonian": "macedonia", "moldovan": "moldova", "montenegrin": "montenegro",
    "norwegian": "norway", "pakistani": "pakistan", "palestinian": "palestine", "portuguese": "portugal",
    "romanian": "romania", "russian": "russia", "serbian": "serbia", "slovak": "slovakia",
    "slovenian": "slovenia", "spanish": "spain", "sudanese": "sudan", "swedish": "sweden",
    "swiss": "switzerland", "syrian": "syria", "turkish": "turkey", "ukrainian": "ukraine",
}
# Places a sentence may open with that are names, not capitalised common words.
PLACES = frozenset(
    {"nato", "europe", "africa", "asia", "america", "ukraine", "turkey", "kyiv", "moscow", "brussels",
     "washington", "london", "paris", "berlin", "warsaw", "ankara", "beijing", "vilnius", "riga",
     "tallinn", "helsinki", "stockholm", "oslo", "copenhagen", "madrid", "rome", "bucharest", "sofia",
     "budapest", "prague", "bratislava", "vienna", "athens", "lisbon", "ottawa", "tokyo", "tehran",
     "minsk", "chisinau", "tbilisi", "belgrade", "zagreb", "ljubljana", "skopje", "tirana", "podgorica",
     "britain", "england", "scotland", "wales", "kosovo", "montenegro", "usa", "uk"}
    | set(_DEMONYMS.values())
)
# Multi-word names folded to one key, matched on the words' keys.
_PHRASE_WORDS = {
    "north atlantic treaty organization": "nato",
    "united nations": "un",
    "european union": "eu",
    "united states": "usa",
    "united kingdom": "uk",
    "russian federation": "russia",
    "member states": "member",
    "member countries": "member",
}
# Filled in at the end of the module, once word_key() exists.
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


# "BRUSSELS -", "LONDON (Reuters) —", "BRUSSELS, March 21 (ENA) --": where the
# story was filed, not what it says.
_DATELINE = re.compile(
    r"^[\"'“‘]?[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:-{1,2}|[–—:])\s+"
)
# ", he said." / ", Stoltenberg added." / "said Mr Smith." closing a sentence.
_SPEAKER = r"(?:he|she|they|it|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
_VERB = r"(?:said|says|added|adds|noted|stressed|told\s+\w+|concluded|continued|explained|wrote|insisted)"
# Where or how it was said: "told reporters in Brussels", "said in a statement".
# Common words only: "said in 2014" or "in Moscow" is a fact that may change, not a tag.
_OCCASION = r"(?:\s+(?:in|at)\s+(?:an?\s+|the\s+)?[a-z][a-z'’-]*(?:\s+[a-z][a-z'’-]*)?)?"
# Most words a "citing ..." source takes; a longer clause is a reason.
_SOURCE_WORDS = 6
_ATTRIBUTION = re.compile(
    rf"[,.!?]?[\"'”’]?,?\s+(?:{_SPEAKER}\s+{_VERB}|{_VERB}\s+{_SPEAKER}){_OCCASION}(?:\s+on\s+\w+)?[.!]?[\"'”’]?$"
    # ", the Interfax news agency reported Thursday, citing NATO's chief."
    rf"|,\s+(?:the\s+)?[\w' -]{{0,40}}\b(?:reported|said|announced){_OCCASION}(?:\s+on)?(?:\s+\w+day)?"
    rf"(?:,?\s+(?:citing|quoting)\s+[^,]{{1,80}})?[.!]?$"
    rf"|,\s+according\s+to\s+[^,]{{1,80}}[.!]?$"
    # "citing NATO's chief" names a source; "citing the need to protect cities
    # from drone attacks" gives a reason, which is what the sentence says.
    rf"|,\s+(?:citing|quoting)(?:\s+[^\s,]+){{1,{_SOURCE_WORDS}}}$"
)


# One of these is in every tag _ATTRIBUTION finds: a cheap test spares most sentences its search.
_ATTRIBUTION_WORDS = ("said", "says", "add", "noted", "stressed", "told", "conclu", "continu", "explain", "wrote",
                      "insist", "report", "announc", "according", "citing", "quoting")


# "STOLTENBERG:", "OANA LUNGESCU (NATO Spokesperson):", "Q:": who speaks in a transcript.
SPEAKER_LABEL = re.compile(
    r"^(?:Q|A|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:\s*\([^()]{1,60}\))?\s*:\s+(?=\S)"
)


# Words before a colon that open a headline, not a speaker's turn ("NATO: …", "UPDATE: …").
_NOT_SPEAKERS = frozenset("nato eu un uk us usa note update breaking watch video exclusive analysis opinion "
                          "editorial live factbox explainer timeline".split())


def speaker_label(text: str) -> re.Match[str] | None:
    m = SPEAKER_LABEL.match(text)
    if m is None:
        return None
    name = m.group().split("(")[0].strip(" :").casefold()
    return None if name in _NOT_SPEAKERS or name in PLACES else m


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
            if word.endswith("l" + suffix) and word[: -len(suffix) - 1] in _DOUBLE_L:
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


@lru_cache(maxsize=65536)
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
    if w in MONTHS:
        return MONTHS[w]
    if w in STOPWORDS:
        return w
    if w.endswith("'s"):
        w = w[:-2]  # as stem() would, before the Slavic ending is looked at
    if w.endswith(_SLAVIC_ENDINGS):  # "Zelenskyy", "Zelenskiy" = "Zelensky"
        w = w[:-4] + "sky"
    return stem(spelling(w))


# Transliterations of one Slavic surname ending.
_SLAVIC_ENDINGS = ("skyy", "skyi", "skiy", "skii")


@lru_cache(maxsize=1 << 15)
def tokens(text: str) -> tuple[Token, ...]:
    """Matching tokens of ``text``, each with the span of the word it came from.

    Cached: alignment, facts, quotations and metrics all read the same
    sentences, and the result is immutable.
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
            append(_new_token(Token, (keyed[0], start, end, keyed[1])))
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
            if i + 1 < n and raw[i + 1][1] == end and nxt in _ORDINAL_ENDINGS and key.isdigit():
                # "16th", "21st"; but "July 9th" is the day "9 July" names.
                after = [w.casefold().rstrip(".") for w, _, _ in raw[i + 2 : i + 4]]
                day = (i > 0 and raw[i - 1][0].casefold().rstrip(".") in _MONTH_WORDS
                       or bool(after) and after[0] in _MONTH_WORDS
                       or len(after) == 2 and after[0] == "of" and after[1] in _MONTH_WORDS)
                key, end = key + ("" if day else "th" if nxt == "th" else nxt), raw[i + 1][2]
                i += 1
            out.append(Token(key, start, end, "number"))
        elif low in _TENS and nxt in _UNITS and raw[i + 1][1] == end + 1 and folded[end] == "-":
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
        elif low in _PREFIXES and nxt.isalpha() and nxt == raw[i + 1][0] and raw[i + 1][1] == end + 1 \
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


@lru_cache(maxsize=65536)
def _plain_keyed(word: str) -> tuple[str, str] | None:
    """A word's key and class when no rule of tokens() looks at it twice, else None: its fast path."""
    low = word.casefold()
    if low in _SPECIAL or "'" in low or not word[0].isalpha():
        return None
    return _keyed(word)


_new_token = tuple.__new__  # Token(...) without the Python-level __new__ of a NamedTuple


def _word_token(word: str, start: int, end: int) -> Token:
    key, cls = _keyed(word)
    return Token(key, start, end, cls)


@lru_cache(maxsize=65536)
def _keyed(word: str) -> tuple[str, str]:
    """A word's key and class (cached with it: both depend on the word alone)."""
    key = word_key(word)
    if key[:1].isdigit():  # "three", "sixteenth"
        return key, "number"
    if key in STOPWORDS:
        return key, "stop"
    if word[0].isupper() and not word.isupper() or len(word) > 1 and word.isupper():
        return key, "name"
    return key, "word"


# The parts of a hyphenated number word: "twenty-five", "seventy-fifth".
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_UNITS = {w: (k + 1, "") for k, w in enumerate("one two three four five six seven eight nine".split())}
_UNITS |= {w: (k + 1, "st" if k == 0 else "nd" if k == 1 else "rd" if k == 2 else "th") for k, w in
           enumerate("first second third fourth fifth sixth seventh eighth ninth".split())}
# Spaces that group thousands ("17 000"); a plain space is too ambiguous.
_GROUP_SPACES = "\u00a0\u202f\u2009"
_SHORT_SCALES = {"m": "million", "k": "thousand"}
_PREFIXES = frozenset({"co", "re", "pre", "non", "e", "anti", "multi", "inter", "semi", "sub"})
# Lower-cased words the tokens() loop treats specially; any other word takes its fast path.
_SPECIAL = frozenset({"per", "us", "a", "s", "cannot", *CURRENCIES, *_SHORT_SCALES, *_PREFIXES, *_TENS})
# "isn't" = "is not", "won't" = "will not", "we're" = "we are".
_NOT_BASES = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
_CLITICS = {"re": "are", "ve": "have", "ll": "will", "m": "am", "d": "would"}


def _contraction(word: str, low: str, start: int, end: int) -> list[Token]:
    """A contraction as its two words, each with its own span; other words whole."""
    if low == "cannot":
        return [Token("can", start, start + 3, "stop"), Token("not", start + 3, end, "stop")]
    if low.endswith("n't") and len(low) > 3:
        base = low[:-3]
        return [_word_token(_NOT_BASES.get(base, base), start, end - 3), Token("not", end - 3, end, "stop")]
    head, _, tail = low.rpartition("'")
    if tail in _CLITICS and head:
        cut = start + len(head)
        return [_word_token(word[: len(head)], start, cut), _word_token(_CLITICS[tail], cut, end)]
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


@lru_cache(maxsize=4096)
def _compound(parts: tuple[str, ...]) -> re.Pattern[str]:
    """The parts run together, each perhaps having lost a final e (compiled once: re's own cache is small)."""
    return re.compile("e?".join(re.escape(part.removesuffix("e")) for part in parts) + "e?")


def keys(text: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokens(text))


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _thousands(number: str) -> bool:
    """``1,000`` and ``12,500,000`` are grouped thousands; ``2,5`` is not."""
    return bool(_THOUSANDS.fullmatch(number))


def _build_tables() -> None:
    """Key the alias and phrase tables the way the texts' words are keyed."""
    for word, target in (*_ALIAS_WORDS.items(), *_DEMONYMS.items()):
        ALIASES[_plain_key(word)] = word_key(target)
    word_key.cache_clear()
    _keyed.cache_clear()
    _plain_keyed.cache_clear()
    for phrase, key in _PHRASE_WORDS.items():
        PHRASES[tuple(word_key(w) for w in phrase.split())] = key
    _PHRASE_FIRST.update(p[0] for p in PHRASES)


_build_tables()
