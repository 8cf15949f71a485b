"""Alignment quality against the hand-written gold (bench/accuracy.py scores it).

The thresholds here are the floor the current aligner reaches; a change that
lowers them must say why in its changelog entry.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from natodiff import compare
from natodiff.model import Options

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
accuracy = importlib.util.module_from_spec(spec)
sys.modules["accuracy"] = accuracy  # dataclasses look their module up here
spec.loader.exec_module(accuracy)

PAIRS = {p.name: p for p in accuracy.load_pairs(ROOT / "tests" / "gold", None)}


def run(name: str, threshold: float | None = None):
    options = Options(facts=False) if threshold is None else Options(facts=False, threshold=threshold)
    pair = PAIRS[name]
    c = compare(pair.source_text, pair.outlet_text, options=options)
    view = accuracy.resolve(pair, [s.text for s in c.source.sentences], [s.text for s in c.outlet.sentences])
    predicted = {(s.outlet, s.source) for a in c.alignments for s in a.links}
    return c, view, predicted


def f1(predicted: set, gold: set) -> tuple[float, float, float]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def test_sample_pair_link_f1_at_least_095() -> None:
    _, view, predicted = run("sample")
    assert f1(predicted, view.links)[2] >= 0.95


def test_sample_pair_boilerplate_all_found() -> None:
    c, view, _ = run("sample")
    gold = PAIRS["sample"].gold
    for side, positions in (("source", view.src_pos), ("outlet", view.out_pos)):
        sentences = getattr(c, side).sentences
        for item, pos in zip(gold[side], positions):
            if item["kind"] == "boilerplate":
                assert sentences[pos].boilerplate, item["text"]


@pytest.mark.parametrize("name", sorted(set(PAIRS) - {"sample"}))
def test_other_pairs_keep_precision_and_recall(name: str) -> None:
    _, view, predicted = run(name)
    p, r, f = f1(predicted, view.links)
    assert p >= 0.85 and r >= 0.7, (p, r)
    assert f >= 0.90, f  # issue #3: every gold pair


# The article pairs the default threshold was tuned on.
TUNED_ON = ("condensed-merge-split", "sample", "short-vs-long", "state-media-wrapped", "wire-furniture")
@pytest.mark.parametrize("name", sorted(set(PAIRS) - set(TUNED_ON)))
def test_scraped_pairs_reach_link_f1_095(name: str) -> None:
    """Issue #19: link F1 >= 0.95 on each scraped-page gold pair."""
    _, view, predicted = run(name)
    assert f1(predicted, view.links)[2] >= 0.95


def micro_f1(names, threshold: float | None) -> float:
    tp = n_pred = n_gold = 0
    for name in names:
        _, view, predicted = run(name, threshold)
        tp += len(predicted & view.links)
        n_pred += len(predicted)
        n_gold += len(view.links)
    return 2 * tp / (n_pred + n_gold)


def test_default_threshold_beats_neighbours_on_the_pairs_it_was_tuned_on() -> None:
    """The default is a local optimum of micro F1 over the article pairs."""
    default = micro_f1(TUNED_ON, None)
    assert default >= micro_f1(TUNED_ON, Options().threshold + 0.07)
    assert default >= 0.85


def test_default_threshold_beats_neighbours_on_every_pair() -> None:
    """The scraped pages once preferred 0.50: their false links were joins that added nothing and
    headlines linked to body sentences, which a higher cut-off hid; one default serves both kinds."""
    default = micro_f1(PAIRS, None)
    for step in (-0.07, 0.07):
        assert default >= micro_f1(PAIRS, Options().threshold + step)


def _readme_link_f1() -> dict[str, float]:
    """Each pair's link F1 as the README's "Accuracy" table gives it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Accuracy", 1)[1].split("```")[1]
    rows = (line.split() for line in table.splitlines())
    return {r[0]: float(r[6]) for r in rows if r and r[0] in PAIRS}


def test_readme_accuracy_table_lists_every_gold_pair() -> None:
    assert set(_readme_link_f1()) == set(PAIRS)


@pytest.mark.parametrize("name", sorted(_readme_link_f1()))
def test_no_pair_falls_below_its_link_f1_in_the_readme(name: str) -> None:
    """A change that helps one class of pages must not cost another pair a link (the heading rules)."""
    _, view, predicted = run(name)
    assert round(f1(predicted, view.links)[2], 3) >= _readme_link_f1()[name]
