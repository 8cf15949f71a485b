"""Figures a sentence states: money, percentages, dates, years and counts.

Values are normalised, so "2%" and "2 per cent", "$10 billion" and "10
billion US dollars", "18 Allies" and "18 member states" agree.
"""

from __future__ import annotations

import re

from natodiff.facts.mention import Claimed, Mention, mention
from natodiff.lexicon import (
    ALLY_NOUNS, CURRENCIES, CURRENCY_NAMES, IRREGULAR_PLURALS, MEMBER_HEADS, MEMBER_OF, MONTH_NAMES, MONTHS,
    NUMBER_WORDS, NUMBERED, POUNDS, SAME_COUNT, SCALE_NAMES, SCALES, STOPWORDS, YEAR_BEFORE,
)
from natodiff.model import FactType, Sentence
from natodiff.normalise import fold, tokens
from natodiff.patterns import Pattern, one_of

_NUMWORDS = [w for w in NUMBER_WORDS if w != "zero"]
# The lookahead on first letters only lets the engine pass over most words without trying each number word.
_NUMWORD = rf"\b(?=[{''.join(sorted({w[0] for w in _NUMWORDS}))}]){one_of(_NUMWORDS)}\b"
# Thousands grouped by commas or by spaces ("1 200", as translated texts write them), a
# decimal comma before a scale ("4,2 bln"), plain numbers and number words.
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[ \u00a0\u202f\u2009]\d{{3}})+(?!\d|[,.]\d)"
        rf"|\d+,\d\d?(?=\s?(?:bn|mn|mln|bln|billion|million)\b)|\d+(?:\.\d+)?"
        rf"|{_NUMWORD}(?:\s+and\s+a\s+half\b)?)")
# A scale's abbreviation may be glued to its number ("4bn"); a word takes a space.
_SCALE = (rf"(?:\s?(?:{'|'.join(w for w in SCALES if w not in SCALE_NAMES.values())})\b"
          rf"|\s(?:{'|'.join(SCALE_NAMES.values())})\b)")
_BEFORE = r"(?<![\w$€£¥.,-])"  # a number glued to a word ("F-16") is a name, not a figure

_CURRENCIES = CURRENCIES | POUNDS  # beside a figure, "pounds" is money
_CUR_SYMBOL = r"(?:US\s?\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?)"
_CUR_WORD = r"(?:(?:US\s|U\.S\.\s)?dollars?|euros?|pounds?(?:\ssterling)?|yen|USD|EUR|GBP)"

_MONEY = Pattern(
    rf"(?P<sym>{_CUR_SYMBOL})\s?(?P<num>{_NUM})(?P<scale>{_SCALE})?(?:\s(?P<word>{_CUR_WORD})\b)?"
    rf"|{_BEFORE}(?P<num2>{_NUM})(?P<scale2>{_SCALE})?\s(?P<word2>{_CUR_WORD})\b",
    re.IGNORECASE,
)
_PERCENT = Pattern(
    rf"{_BEFORE}(?P<num>{_NUM})\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE
)
_MONTH = one_of(month.title() for month in MONTHS)
_DATES = (
    Pattern(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b"),
    Pattern(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    Pattern(rf"\b(?P<m>{_MONTH})\.?\s+(?P<y>\d{{4}})\b"),
    # "03.03.2025": day, month, year, as most of Europe writes it.
    Pattern(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d\d)(?!\d|\.\d)"),
    # "<Month> 13", "13 <Month>": the year is the story's; see _YEARLESS.
    Pattern(rf"(?<![\w.,-])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\b"),
    Pattern(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]?\d)"),
)
_YEAR = Pattern(r"(?<![\w$€£¥.,-])(?P<y>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)")
_COUNT = Pattern(rf"{_BEFORE}(?P<num>{_NUM})(?:\s(?P<scale>{'|'.join(SCALE_NAMES.values())})\b)?", re.I)
_NOUN_WORD = Pattern(r"\s([A-Za-z][A-Za-z'’-]*)")
_DIGIT = Pattern(r"\d")
_ANY_NUMWORD = Pattern(_NUMWORD, re.IGNORECASE)
# What each pattern cannot match without: a cheap search that spares most sentences the pattern.
_MONEY_HINT = Pattern(r"[$€£¥]|dollar|eur|pound|yen|usd|gbp", re.IGNORECASE)
_PERCENT_HINT = Pattern(r"%|per\s?cent|pct", re.IGNORECASE)
_MONTH_HINT = Pattern(_MONTH)
_DOTTED_HINT = Pattern(r"\d\.\d")


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
    return SCALES[text.strip().casefold()] if text else 1.0


def _plain(value: float) -> str:
    """A number as people write it: 18, 2.5, 1,000."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.3g}"


def human(value: float) -> str:
    """A large number with its scale word: 6e11 -> "600 billion"."""
    for size, name in sorted(SCALE_NAMES.items(), reverse=True):
        if abs(value) >= size and size > 1e3:  # thousands are written out: "1,500 troops"
            return f"{_plain(value / size)} {name}"
    return _plain(value)


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
        label = f"{human(value)} {CURRENCY_NAMES[cur]}"
        out.append(mention(FactType.MONEY, cur, value, label, sent, m.start(), m.end()))
    return out


def _currency(text: str) -> str:
    low = text.casefold().replace("u.s.", "").replace("us", "").strip()
    return _CURRENCIES.get(low, _CURRENCIES.get(low.split()[-1] if low.split() else low, "usd"))


def _percent(sent: Sentence, folded: str) -> list[Mention]:
    out: list[Mention] = []
    if not _PERCENT_HINT.search(folded):
        return out
    for m in _PERCENT.finditer(folded):
        value = _number(m.group("num"))
        out.append(mention(FactType.PERCENT, "", value, f"{_plain(value)}%", sent, m.start(), m.end()))
    return out


def _dates(sent: Sentence, folded: str) -> list[Mention]:
    out: list[Mention] = []
    taken = Claimed(len(folded))  # a day matched by one pattern is not matched again by a later one
    for pattern in _date_patterns(folded):
        for m in pattern.finditer(folded):
            if not taken.free(m.start(), m.end()):
                continue
            month = _month_number(m.group("m"))
            year = m.groupdict().get("y")
            if "d" in m.groupdict() and m.group("d"):
                day = int(m.group("d"))
                if not 1 <= day <= 31:
                    continue
                # ISO 8601 writes a day without its year "--03-13".
                iso, group = f"{year or '-'}-{month:02d}-{day:02d}", "day"
                label = f"{day} {MONTH_NAMES[month - 1].title()}" + (f" {year}" if year else "")
            else:
                iso, group, label = f"{year}-{month:02d}", "month", f"{MONTH_NAMES[month - 1].title()} {year}"
            taken.claim(m.start(), m.end())
            out.append(mention(FactType.DATE, group, iso, label, sent, m.start(), m.end()))
    return out


def _date_patterns(folded: str) -> tuple[re.Pattern[str], ...]:
    """The date patterns that may match: all but "03.03.2025" name a month."""
    if _MONTH_HINT.search(folded):
        return _DATES
    return _DATES[3:4] if _DOTTED_HINT.search(folded) else ()


def _years(sent: Sentence, folded: str, taken: Claimed) -> list[Mention]:
    out = []
    for m in _YEAR.finditer(folded):
        if taken.free(m.start(), m.end()):
            year = m.group("y")
            out.append(mention(FactType.DATE, "year", year, year, sent, m.start(), m.end()))
    return out


def _month_number(name: str) -> int:
    if name.isdigit():  # "03.03.2025"
        return int(name)
    return MONTHS[name.casefold()]


def _counts(sent: Sentence, folded: str, taken: Claimed) -> list[Mention]:
    """"18 Allies", "one million drones": a number and the plural noun it counts."""
    out = []
    for m in _COUNT.finditer(folded):
        if not taken.free(m.start(), m.end()) or _after_name(folded, m.start()):
            continue
        year_like = _YEAR.fullmatch(m.group("num")) and not m.group("scale")
        if year_like and _YEAR_BEFORE.search(folded, max(0, m.start() - 16), m.start()):
            continue  # "above 2023 levels", "the 2024 budget": a year, listed as a date; "send 1800 troops" counts
        noun = _counted_noun(folded, m.end())
        value = _number(m.group("num")) * _scale(m.group("scale"))
        if noun is None or (noun[2] is False and value != 1):
            if _bare_figure(m, folded) and not year_like:
                # "train 10,000 more", "rose to 150": a figure whose noun is elsewhere still counts.
                out.append(mention(FactType.COUNT, "", value, human(value), sent, m.start(), m.end()))
            continue
        words, end, _ = noun
        group, display = _noun_key(words)
        label = f"{human(value)} {display}"
        out.append(mention(FactType.COUNT, group, value, label, sent, m.start(), end))
    return out


def _bare_figure(m: re.Match[str], text: str) -> bool:
    """A number worth checking without its noun: three digits or more, not a time, a measure
    written onto it ("155mm", "650-kilometer") or a label's number ("resolution 2728")."""
    digits = sum(ch.isdigit() for ch in m.group("num"))
    if digits < 3 and not m.group("scale") or re.match(r"[:./-]?\d|-?[^\W\d_]", text[m.end():m.end() + 2]):
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 32), m.start())
    return not (before and before.group(1).casefold() in NUMBERED)


_WORD_BEFORE = Pattern(r"([A-Za-z][\w-]*) $")
_YEAR_BEFORE = Pattern(rf"\b(?:{'|'.join(YEAR_BEFORE)})\s+$", re.IGNORECASE)


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
        if low in STOPWORDS or low in SCALES or low in _CURRENCIES or _is_month(low):
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
    return low.rstrip(".") in MONTHS


def _plural(word: str) -> bool:
    low = word.casefold().rstrip("'’")
    return low in IRREGULAR_PLURALS or (
        low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3
    )


def _noun_key(words: list[str]) -> tuple[str, str]:
    """Group key and display of a counted noun; NATO members all fold to "Allies"."""
    low = [w.casefold() for w in words]
    shown = " ".join(w if len(w) > 1 and w.isupper() else w.casefold() for w in words)
    if low[-1] in ALLY_NOUNS or len(low) >= 2 and low[-2] in MEMBER_OF and low[-1] in MEMBER_HEADS:
        return "allies", "Allies" if low[-1] in ("allies", "ally") else shown
    head = low[-1]
    key = tokens(head)[0].key if tokens(head) else head
    return SAME_COUNT.get(key, key), shown


def figures(sent: Sentence) -> list[Mention]:
    """Money first, then percentages, dates, counts and bare years, never overlapping."""
    folded = fold(sent.text)
    found: list[Mention] = []
    if not (_DIGIT.search(folded) or _ANY_NUMWORD.search(folded)):
        return found  # every figure has a digit or a number word
    claimed = Claimed(len(folded))
    for extractor in (_money, _percent, _dates):
        for m in extractor(sent, folded):
            if claimed.free(m.start, m.end):
                claimed.claim(m.start, m.end)
                found.append(m)
    counts = _counts(sent, folded, claimed)  # a count's noun may hold another count ("5 two-day drills")
    for m in counts:
        claimed.claim(m.start, m.end)
    return found + counts + _years(sent, folded, claimed)
