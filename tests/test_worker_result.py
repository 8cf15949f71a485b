"""The facts worker's result comes back naming the parent's own sentences, not copies of them.

Every fact mention carries its sentence; on a long text (some 12,000
sentences a side at 1 MB) copies of them all would be unpickled in the
parent beside the originals.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from natodiff import api
from natodiff.analysis import analysing
from natodiff.api import compare, gather_facts, read_document
from natodiff.model import Sentence, Side
from natodiff.parallel import FACTS_BESIDE_CHARS, facts_beside
from natodiff.render.json import render

GOLD = Path(__file__).parent / "gold"
PAIRS = sorted(p for p in GOLD.iterdir() if (p / "source.txt").is_file())


def _sentences_in(value, found: list[Sentence]) -> list[Sentence]:
    """Every Sentence reachable through tuples, lists, dicts and dataclass or namedtuple fields."""
    if isinstance(value, Sentence):
        found.append(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _sentences_in(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _sentences_in(item, found)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            _sentences_in(getattr(value, name), found)
    return found


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_the_worker_result_names_the_parents_sentences_and_equals_the_result_in_process(pair):
    source, outlet = (pair / "source.txt").read_text(), (pair / "outlet.txt").read_text()
    with analysing():
        src_doc, out_doc = read_document(source, Side.SOURCE, "s"), read_document(outlet, Side.OUTLET, "o")
        alone = gather_facts(src_doc, out_doc)
        with facts_beside(FACTS_BESIDE_CHARS, True) as executor:
            if executor is None:
                pytest.skip("one core or no fork: no second process")
            beside = executor.submit(gather_facts, src_doc, out_doc).result()
    assert beside == alone
    named = _sentences_in(beside, [])
    assert named, "the gold pairs state facts"
    own = {id(s) for s in (*src_doc.sentences, *out_doc.sentences)}
    assert all(id(s) in own for s in named)


def test_a_long_comparison_with_facts_beside_renders_as_in_one_process():
    pair = max(PAIRS, key=lambda p: (p / "outlet.txt").stat().st_size)
    source, outlet = (pair / "source.txt").read_text(), (pair / "outlet.txt").read_text()
    with facts_beside(FACTS_BESIDE_CHARS, True) as executor:
        beside = compare(source, outlet, executor=executor)
    assert render(beside, explain=True) == render(compare(source, outlet), explain=True)


def test_an_error_in_the_worker_reaches_the_caller():
    with facts_beside(FACTS_BESIDE_CHARS, True) as executor:
        if executor is None:
            pytest.skip("one core or no fork: no second process")
        with pytest.raises(ZeroDivisionError):
            executor.submit(divmod, 1, 0).result()
