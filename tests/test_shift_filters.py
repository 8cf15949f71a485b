"""Shifts skip the lists an item's edits cannot touch; with the checks off, every item has the same shifts.

A lexical, modal or framing shift starts at a changed word, and an
attribution shift needs a speech verb in the outlet; shifts.py looks for
none where the item has no such word. These tests turn every such check off
(each lets everything through) and compare, on generated pairs dense in the lists' words and on the gold pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff import shifts
from natodiff.api import compare
from natodiff.model import Options

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "allegedly reportedly so-called claimed according to is said to what it called will shall must should may "
    "might could would can condemned strongly welcomed rejects illegal sham stand with war conflict crisis "
    "invasion special military operation aggression allies partners regime government annexation reunification "
    "attack incident occupied liberated NATO Russia Moscow Kremlin Stoltenberg Rutte the a of and not never "
    "said says told stated citing quoting he she officials statement ministry 5 12 2024 May March Monday "
    "percent million troops forces Ukraine Kyiv \" “ ” ,"
).split()


@st.composite
def edited(draw) -> tuple[str, str]:
    """A sentence and a copy with a few words replaced, added or dropped: one linked item."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=6, max_size=16))
    copy = list(words)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(copy) - 1))
        how = draw(st.sampled_from(("replace", "insert", "drop")))
        if how == "drop" and len(copy) > 3:
            del copy[at]
        else:
            copy[at:at + (how == "replace")] = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
    return " ".join(words) + ".", " ".join(copy) + "."


def _shifts(source: str, outlet: str, checks: bool) -> list:
    with pytest.MonkeyPatch.context() as mp:
        if not checks:
            mp.setattr(shifts, "_may_hold", lambda it, openers: True)
            mp.setattr(shifts, "_may_open", lambda side, term: True)
            mp.setattr(shifts, "_speech_hint", lambda: re.compile(""))
        c = compare(source, outlet, options=Options(facts=False))
    return [(a.id, a.shifts) for a in c.alignments]


@given(st.lists(edited(), min_size=1, max_size=3))
def test_generated_items_have_the_same_shifts_with_the_checks_off(pairs) -> None:
    source = " ".join(s for s, _ in pairs)
    outlet = " ".join(o for _, o in pairs)
    assert _shifts(source, outlet, True) == _shifts(source, outlet, False)


# One edit of each kind the checks look for, either way round.
EDITS = [
    ("NATO condemned the war in Ukraine today.", "NATO condemned the conflict in Ukraine today."),
    ("NATO condemned the conflict in Ukraine today.", "NATO condemned the war in Ukraine today."),
    ("Russia carried out the annexation of Crimea in 2014.", "Russia carried out the reunification of Crimea in 2014."),
    ("Allies will send more troops to the east.", "Allies may send more troops to the east."),
    ("Allies send more troops to the east, officials said.", "Allies allegedly send more troops to the east."),
    ("Allies allegedly send more troops to the east.", "Allies send more troops to the east, officials said."),
    ("Allies strongly condemned the attack on Kyiv.", "Allies criticised the attack on Kyiv."),
    ("Allies criticised the attack on Kyiv.", "Allies strongly condemned the attack on Kyiv."),
    ("Stoltenberg said Allies would send more troops.", "Rutte said Allies would send more troops."),
    ("Allies will send more troops to the east.", "Allies will send more troops to the east, Rutte said."),
    ("Allies will send more troops to the east.", "“Allies will send more troops to the east,” Rutte said."),
]


@pytest.mark.parametrize("source, outlet", EDITS)
def test_each_kind_of_edit_has_the_same_shifts_with_the_checks_off(source, outlet) -> None:
    assert _shifts(source, outlet, True) == _shifts(source, outlet, False)


@pytest.mark.parametrize("pair", sorted(p.name for p in (ROOT / "tests" / "gold").iterdir()
                                        if (p / "source.txt").exists()))
def test_the_gold_pairs_have_the_same_shifts_with_the_checks_off(pair) -> None:
    d = ROOT / "tests" / "gold" / pair
    source, outlet = (d / "source.txt").read_text(encoding="utf-8"), (d / "outlet.txt").read_text(encoding="utf-8")
    assert _shifts(source, outlet, True) == _shifts(source, outlet, False)
