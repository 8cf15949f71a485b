"""The layout rules of issue #16 that a later change could silently break."""

from __future__ import annotations

import re
from pathlib import Path

import natodiff
from natodiff.lexicon import MONTH_NAMES

SRC = Path(natodiff.__file__).parent
LEXICON = SRC / "lexicon"


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_month_names_are_spelled_only_in_the_lexicon() -> None:
    # "may" and "march" are also ordinary words: "March" counts only capitalised, "May" not at all (the modal).
    others = "|".join(n for n in MONTH_NAMES if n not in ("may", "march"))
    months = re.compile(rf"\b(?:(?i:{others})|March)\b")
    spelled = [str(p.relative_to(SRC)) for p in _modules() if LEXICON not in p.parents and months.search(p.read_text())]
    assert spelled == []


def test_no_module_is_over_600_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in _modules() if (n := len(p.read_text().splitlines())) > 600}
    assert long == {}
