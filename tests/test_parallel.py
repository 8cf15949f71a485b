"""Facts gathered in a second process give the same comparison as in one.

``compare`` hands the facts and quotations to an executor when its caller
gives one (the command line does, on long texts); nothing else may differ.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from natodiff.api import compare
from natodiff.parallel import FACTS_BESIDE_CHARS, facts_beside
from natodiff.render.json import render

GOLD = Path(__file__).parent / "gold"
PAIRS = sorted(p for p in GOLD.iterdir() if (p / "source.txt").is_file())


@pytest.fixture(scope="module")
def pool():
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as executor:
        yield executor


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_facts_beside_equal_facts_in_process(pool, pair):
    source, outlet = (pair / "source.txt").read_text(), (pair / "outlet.txt").read_text()
    alone = compare(source, outlet)
    beside = compare(source, outlet, executor=pool)
    assert render(beside, explain=True) == render(alone, explain=True)


def test_only_long_texts_get_a_second_process():
    with facts_beside(FACTS_BESIDE_CHARS - 1, True) as short, facts_beside(FACTS_BESIDE_CHARS, False) as off:
        assert short is None and off is None
    with facts_beside(FACTS_BESIDE_CHARS, True) as long:
        if long is not None:  # a machine with one core, or no fork, keeps to one process
            assert long.submit(sum, (1, 2)).result() == 3
