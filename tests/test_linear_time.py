"""No input makes a per-sentence pass quadratic: four times the text takes at most six times as long.

Growth only, never absolute time, so a slow or busy machine does not fail
the test: each case is timed at size n and 4n (best of three runs, in CPU
time, which other processes on the machine do not stretch) and the ratio is
asserted. A linear pass grows about 4x; a quadratic one 16x.
"""

from __future__ import annotations

import gc
import itertools
import random
import time
from collections.abc import Callable

import pytest

from natodiff import api, facts, quotes
from natodiff.model import Side
from natodiff.segment import segment

GROWTH = 6.0


def _seconds(run: Callable[[], object]) -> float:
    # The garbage collector's passes cost what the whole test process holds, not what the code
    # under test does: with it on, any allocating code looks superlinear.
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = make(n), make(4 * n)
    small()  # warm the caches of everything the size does not change
    # A stall of the machine during one measurement can lift a linear pass just past the bound;
    # a quadratic one grows about 16x at every try, so up to three tries still tell them apart.
    growth = float("inf")
    for _ in range(3):
        growth = min(growth, _seconds(large) / max(_seconds(small), 1e-6))
        if growth <= GROWTH:
            break
    return growth


def _sentences(text: str, side: Side = Side.SOURCE):
    return segment(text, side)[0]


def _facts_of(text: str) -> Callable[[], object]:
    sents = _sentences(text)
    return lambda: facts.extract(sents)


def _fresh_facts_of(text: str) -> Callable[[], object]:
    """Facts of a new text each run, so no cache of the names stage answers from the last run."""
    runs = itertools.count()
    return lambda: facts.extract(_sentences(f"{text} {next(runs)}"))


def _quotes_of(text: str) -> Callable[[], object]:
    sents = _sentences(text)
    return lambda: quotes.find_quotes(sents)


@pytest.mark.parametrize("make, n", [
    # One sentence of many dates: each figure was checked against every figure before it.
    pytest.param(lambda n: _facts_of("February 15, " * n), 1500, id="dates-in-one-sentence"),
    pytest.param(lambda n: _facts_of("It cost $5 million, 3% and 1,200 troops " * n), 400, id="figures-in-one-sentence"),
    # Names joined by "and" or "of": each joining word copied the rest of the sentence's words.
    pytest.param(lambda n: _fresh_facts_of("NATO and Partners and " * n), 1000, id="names-joined-in-one-sentence"),
    # A run of capitalised function words: each was cut from the front of the run by a copy of the rest.
    pytest.param(lambda n: _quotes_of("The " * n + "Council"), 4000, id="capitalised-stopwords"),
    # An unpunctuated transcript: each speech verb searched the whole sentence before it for its subject.
    pytest.param(lambda n: _quotes_of("the minister said that the allies will meet and " * n), 1000,
                 id="speech-verbs-in-one-sentence"),
    pytest.param(lambda n: _quotes_of('"we will act" he said and ' * n), 1000, id="quotations-in-one-sentence"),
])
def test_one_long_sentence_is_read_in_linear_time(make, n):
    growth = _growth(make, n)
    assert growth <= GROWTH


def test_an_unclosed_bracket_in_a_quotation_is_read_in_linear_time():
    # "[" never closed: a pattern for "[words]" tried every split of the rest of the quotation.
    source = _sentences('"We will defend every inch of Allied territory," the Secretary General said.')

    def make(n: int) -> Callable[[], object]:
        words = " ".join(f"word{k}" for k in range(n))  # all different, as difflib is slow on repeats
        outlet = _sentences(f'"We [will defend {words}," he said.', Side.OUTLET)
        return lambda: quotes.compare_quotes(source, outlet)

    assert _growth(make, 8000) <= GROWTH


def test_a_sentence_of_one_repeated_word_is_compared_in_linear_time():
    # Reuse fragments: every start of a repeated word was extended to the end of the sentence.
    def make(n: int) -> Callable[[], object]:
        text = " ".join(["alliance"] * n) + "."
        return lambda: api.compare(text, text)

    assert _growth(make, 1500) <= GROWTH


def test_a_long_sentence_of_few_words_with_one_edit_is_compared_in_linear_time():
    # difflib's longest-match search stepped through every place of every word: len(a) x len(b).
    def make(n: int) -> Callable[[], object]:
        rng = random.Random(n)
        words = [rng.choice(("the", "of", "and", "said", "alpha", "beta", "gamma", "delta")) for _ in range(n)]
        edited = [*words[: n // 2], "zebra", *words[n // 2 + 1:]]
        return lambda: api.compare(" ".join(words) + ".", " ".join(edited) + ".")

    assert _growth(make, 2000) <= GROWTH
