"""Hostile runs of markup and punctuation take time linear in their length.

Growth only, never absolute time: 4x the input may take at most 6x the
time (a quadratic pattern takes 16x). Both sizes are timed in turn, up to
5 rounds, best time of each, so one busy moment on a shared machine does
not decide. The bench with every family: bench/adversarial.py.
"""

from __future__ import annotations

import gc
import time

import pytest

from natodiff import boilerplate
from natodiff.markdown_text import markdown_to_text

furniture = boilerplate.furniture_rule.__wrapped__  # uncached: every call does the work

# name: (function, what is repeated, repeats at size n, prefix, suffix)
CASES = {
    "markdown **a": (markdown_to_text, "**a ", 7500, "", ""),
    "markdown *a": (markdown_to_text, "*a ", 10200, "", ""),
    "markdown __a": (markdown_to_text, "__a ", 7500, "", ""),
    "markdown _a": (markdown_to_text, "_a ", 10200, "", ""),
    "markdown ~~a": (markdown_to_text, "~~a ", 7500, "", ""),
    "markdown [ run": (markdown_to_text, "[", 30000, "a ", ""),
    "markdown [a]( run": (markdown_to_text, "[a](", 7500, "", ""),
    "markdown ![ run": (markdown_to_text, "![", 15000, "a ", ""),
    "markdown <http: run": (markdown_to_text, "<http:", 4800, "a ", ""),
    "markdown heading with spaces": (markdown_to_text, " ", 60000, "# a", "b"),
    "byline By A-a-a!": (furniture, "-a", 30000, "By A", "!"),
    "contact: one long word": (furniture, "a", 60000, "", ""),
}
CALLS = 2


def timed(function, text: str) -> float:
    # Without the cycle collector, as natodiff runs (cli.main): its passes
    # scan every object the test session holds, a cost that is not ours.
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(CALLS):
            function(text)
        return time.perf_counter() - start
    finally:
        gc.enable()


@pytest.mark.parametrize("name", CASES)
def test_four_times_the_input_takes_at_most_six_times_as_long(name):
    function, unit, n, prefix, suffix = CASES[name]
    small_text, large_text = prefix + unit * n + suffix, prefix + unit * (4 * n) + suffix
    function(prefix + unit * 10 + suffix)  # lazy imports and compiled patterns out of the way
    small = large = float("inf")
    for round in range(5):  # both sizes in turn, so a busy spell on the machine slows both
        small = min(small, timed(function, small_text))
        large = min(large, timed(function, large_text))
        if large <= 6 * small or round >= 1 and large > 16 * small:  # linear, or plainly quadratic
            break
    assert large <= 6 * small, f"{name}: {large / small:.1f}x the time for 4x the input"
