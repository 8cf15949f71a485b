"""Names are gathered without their surroundings, which only figures are compared by: nothing changes.

The plain path gathers every mention's context words; the test compares
whole comparisons, on the gold pairs and on generated pairs where names and
figures sit side by side and change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff.api import compare
from natodiff.facts import gathering
from natodiff.render.json import render

ROOT = Path(__file__).resolve().parent.parent
PAIRS = sorted(p for p in (ROOT / "tests" / "gold").iterdir() if (p / "source.txt").exists())
WORDS = ("NATO", "Russia", "Ukraine", "Jens Stoltenberg", "Secretary General", "Mr Rutte", "Brussels", "Allies",
         "sent", "troops", "spent", "budget", "the", "of", "in", "on", "said", "12", "3,000", "$5 billion", "2%",
         "15 March 2024", "March", "Patriot", "missiles", "air defence", "Kyiv", "the Pentagon", "Defence Ministry")


def _both(source: str, outlet: str) -> tuple[str, str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(gathering, "_NO_CONTEXT", frozenset())
        plain = render(compare(source, outlet), explain=True)
    return render(compare(source, outlet), explain=True), plain


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_the_gold_pairs_compare_the_same_without_names_context(pair) -> None:
    fast, plain = _both((pair / "source.txt").read_text(encoding="utf-8"), (pair / "outlet.txt").read_text(encoding="utf-8"))
    assert fast == plain


SENTENCE = st.lists(st.sampled_from(WORDS), min_size=4, max_size=12).map(lambda ws: " ".join(ws) + ".")


@given(st.lists(st.tuples(SENTENCE, SENTENCE), min_size=1, max_size=4))
def test_generated_pairs_compare_the_same_without_names_context(pairs) -> None:
    source = " ".join(s for s, _ in pairs)
    outlet = " ".join(s[: len(s) // 2] + " " + o for s, o in pairs)
    fast, plain = _both(source, outlet)
    assert fast == plain
