"""Every fact each text states, with what one text leaves implicit filled in from the other.

The costly half of the facts check, and it needs no alignment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from natodiff.facts.context import with_context
from natodiff.facts.mention import Claimed, Mention, content
from natodiff.facts.names import People, entities, people, register
from natodiff.facts.numbers import figures
from natodiff.lexicon import MONTH_NAMES
from natodiff.model import FactType, Sentence


def extract(sentences: Sequence[Sentence], known: People | None = None) -> list[Mention]:
    """Every fact mention of one text, in text order (boilerplate skipped)."""
    return _extract(sentences, known)[0]


def _extract(sentences: Sequence[Sentence], known: People | None = None) -> tuple[list[Mention], list[Mention]]:
    """extract(), and the names said inside a count ("1,000 Patriot missiles").

    A name inside a figure is not listed twice, but it is said: the other
    text naming it is not naming something this one leaves out.
    """
    stated = content(sentences)
    known = known if known is not None else people(stated)
    found: list[Mention] = []
    for sent in stated:
        found += figures(sent)
    in_figures: dict[int, Claimed] = {}  # sentence index -> characters inside a figure
    in_counts: dict[int, Claimed] = {}  # ... inside a count, whose noun names a thing
    for m in found:
        for claimed in (in_figures, in_counts) if m.type is FactType.COUNT else (in_figures,):
            # Not money: "US dollars" names a currency, not a country.
            if m.sentence.index not in claimed:
                claimed[m.sentence.index] = Claimed(len(m.sentence.text))
            claimed[m.sentence.index].claim(m.start, m.end)
    inside: list[Mention] = []
    for e in entities(stated, known):
        figure = in_figures.get(e.sentence.index)
        if figure is None or figure.free(e.start, e.end):
            found.append(e)
        elif e.sentence.index in in_counts and not in_counts[e.sentence.index].free(e.start, e.end):
            inside.append(e)
    found.sort(key=lambda m: (m.sentence.index, m.start))
    return [m if m.type in _NO_CONTEXT else with_context(m) for m in found], inside


# cross_check compares the surroundings of figures only: a name's are never read, so not gathered
# (tests/test_facts_context.py gathers them and finds the same comparison).
_NO_CONTEXT = frozenset({FactType.ENTITY})


Gathered = tuple[tuple[list[Mention], list[Mention]], tuple[list[Mention], list[Mention]]]


def gather(source: Sequence[Sentence], outlet: Sequence[Sentence], known: People | None = None) -> Gathered:
    """Both texts' mentions, and the names each says inside a count: what cross_check pairs."""
    known = known if known is not None else register(source, outlet)
    (src, src_inside), (out, out_inside) = _extract(source, known), _extract(outlet, known)
    src, out = _fill_gaps(src, out, _YEARLESS), _fill_gaps(out, src, _YEARLESS)
    return (_fill_gaps(src, out, _NOUNLESS), src_inside), (_fill_gaps(out, src, _NOUNLESS), out_inside)


class _Gap(NamedTuple):
    """What a mention may leave unsaid, where the answer is found, and how it is filled in."""

    missing: Callable[[Mention], str | float | None]  # the lookup key of a mention lacking it
    having: Callable[[Mention], tuple[str | float, object] | None]  # (lookup key, what it has)
    fill: Callable[[Mention, object], Mention]


def _fill_gaps(mine: list[Mention], theirs: list[Mention], gap: _Gap) -> list[Mention]:
    """Mentions with the gap take the answer when the other text (else this one) has exactly one."""
    def index(mentions: list[Mention]) -> dict[str | float, set[object]]:
        out: dict[str | float, set[object]] = {}
        for m in mentions:
            found = gap.having(m)
            if found is not None:
                out.setdefault(found[0], set()).add(found[1])
        return out

    known = [index(theirs), index(mine)]
    resolved = []
    for m in mine:
        key = gap.missing(m)
        if key is not None:
            answers = next((k[key] for k in known if key in k), set())
            if len(answers) == 1:
                m = gap.fill(m, next(iter(answers)))
        resolved.append(m)
    return resolved


def _day(m: Mention) -> bool:
    return m.type is FactType.DATE and m.group == "day"


def _with_year(m: Mention, iso: object) -> Mention:
    assert isinstance(iso, str)
    day, month, year = int(iso[8:]), int(iso[5:7]), iso[:4]
    return replace(m, value=iso, label=f"{day} {MONTH_NAMES[month - 1].title()} {year}")


# "<Month> 13" is that day in 2024 when a text gives it a year ("--03-13" and "2024-03-13" end alike).
_YEARLESS = _Gap(
    missing=lambda m: m.value[1:] if _day(m) and m.value.startswith("--") else None,
    having=lambda m: (m.value[4:], m.value) if _day(m) and not m.value.startswith("--") else None,
    fill=_with_year,
)
# "2,101" alone counts what a text counts with 2,101: "2,101 police personnel".
_NOUNLESS = _Gap(
    missing=lambda m: m.value if m.type is FactType.COUNT and not m.group else None,
    having=lambda m: (m.value, (m.group, m.label)) if m.type is FactType.COUNT and m.group else None,
    fill=lambda m, noun: replace(m, group=noun[0], label=noun[1]),  # type: ignore[index]
)
