"""Facts gathered in a second process give the same comparison as in one.

``compare`` hands the facts and quotations to an executor when its caller
gives one (the command line does, on long texts); nothing else may differ.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from natodiff import analysis, api
from natodiff.api import compare
from natodiff.parallel import FACTS_BESIDE_CHARS, facts_beside, leave_signals_to_parent
from natodiff.parallel import pool as pool_of
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


_GATHER = api.gather_facts


def _gather_with_inherited_tokens(src_doc, out_doc):
    """api.gather_facts, failing unless the worker starts with every sentence already tokenised."""
    remembered = set().union(*analysis._memos)
    missing = [s.text for s in (*src_doc.sentences, *out_doc.sentences) if s.text not in remembered]
    assert not missing, f"{len(missing)} sentences tokenised again in the worker"
    return _GATHER(src_doc, out_doc)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_forked_facts_worker_inherits_the_sentences_tokens(monkeypatch):
    pair = GOLD / "sample"
    source, outlet = (pair / "source.txt").read_text(), (pair / "outlet.txt").read_text()
    monkeypatch.setattr(api, "gather_facts", _gather_with_inherited_tokens)
    with pool_of(1, "fork", leave_signals_to_parent) as executor:  # forked at the first task
        beside = compare(source, outlet, executor=executor)
    assert render(beside, explain=True) == render(compare(source, outlet), explain=True)


def test_the_facts_worker_stops_as_soon_as_its_result_is_in():
    """Not when the comparison ends: idle, it held as much memory as the comparison."""
    import time

    before = set(multiprocessing.active_children())
    with facts_beside(FACTS_BESIDE_CHARS, True) as executor:
        if executor is None:
            pytest.skip("one core or no fork: no second process")
        assert executor.submit(sum, (1, 2)).result() == 3
        started = set(multiprocessing.active_children()) - before
        deadline = time.monotonic() + 10
        while any(p.is_alive() for p in started) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not any(p.is_alive() for p in started)
