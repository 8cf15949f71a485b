"""natodiff.patterns: a Pattern finds what re.compile finds, and compiles only when first used."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

import natodiff
from natodiff import patterns
from natodiff.patterns import Pattern, one_of


def every_pattern() -> list[Pattern]:
    """The module-level patterns of every natodiff module (importing them all)."""
    found = {}
    for info in pkgutil.walk_packages(natodiff.__path__, "natodiff."):
        if info.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(info.name)).values():
            for item in value if isinstance(value, tuple) else (value,):
                for p in item if isinstance(item, tuple) else (item,):
                    if isinstance(p, Pattern) and isinstance(p.pattern, str):
                        found[p.pattern, p.flags] = p
    return list(found.values())


PATTERNS = every_pattern()
# Text made of what natodiff's patterns look for: words, figures, quotation marks, dashes, credits.
TEXT = st.lists(st.sampled_from(list("aAbByYsSnNtT 0123456789.,:;!?'’\"“”«»-—–/()$€%|\n") + [
    " said ", "Reuters", " March ", "Sept. ", "2024", " per cent", " billion ", "By ", "Photo", "@", "www.",
]), max_size=40).map("".join)


def test_module_patterns_found():
    assert len(PATTERNS) > 100


@given(st.sampled_from(PATTERNS), TEXT, st.integers(0, 90), st.integers(0, 90))
def test_a_pattern_finds_what_re_finds(p: Pattern, text: str, pos: int, endpos: int):
    plain = re.compile(p.pattern, p.flags)
    spans = lambda ms: [(m.span(), m.groups()) for m in ms]  # noqa: E731
    for method in ("match", "fullmatch", "search"):
        got, want = getattr(p, method)(text, pos, endpos), getattr(plain, method)(text, pos, endpos)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
    assert spans(p.finditer(text, pos, endpos)) == spans(plain.finditer(text, pos, endpos))
    assert p.findall(text, pos, endpos) == plain.findall(text, pos, endpos)
    assert p.split(text) == plain.split(text)
    assert p.subn("<>", text) == plain.subn("<>", text)
    assert p.sub(lambda m: m.group().upper(), text, 2) == plain.sub(lambda m: m.group().upper(), text, 2)


WORDS = st.lists(st.text(alphabet="abc", min_size=1, max_size=4), min_size=1, max_size=8)


@given(WORDS, st.text(alphabet="abc", max_size=6))
def test_one_of_matches_the_longest_word_that_fits(words: list[str], text: str):
    m = re.match(one_of(words), text)
    fits = [w for w in words if text.startswith(w)]
    assert (m.group() if m else None) == (max(fits, key=len) if fits else None)


def test_one_of_docstring_example():
    assert doctest.testmod(patterns).failed == 0


def test_importing_compiles_no_pattern():
    """Every module imported, not one pattern compiled: a command compiles only what it runs."""
    code = (
        "import importlib, pkgutil, natodiff\n"
        "from natodiff.patterns import Pattern\n"
        "mods = [importlib.import_module(i.name) for i in pkgutil.walk_packages(natodiff.__path__, 'natodiff.')"
        " if not i.name.endswith('__main__')]\n"
        "print(sum(isinstance(v, Pattern) and v._compiled is not None for m in mods for v in vars(m).values()))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert res.stdout.strip() == "0"
