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


# Scraped-page pairs (issue #19) whose furniture is found but whose headline or quote-intro
# links the aligner still misses or adds; strict, so fixing one says so.
_HEADLINE_LINKS = "headline or quote-intro links: an alignment limit, not furniture (bench/accuracy.py -v)"
_KNOWN_LINK_MISSES = {
    "heldout-us-cable", "live-updates", "same-site-pages", "uk-broadcaster", "uk-caption-toggle", "us-editors-note",
    "wire-video-credit",
}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=_HEADLINE_LINKS)) if n in _KNOWN_LINK_MISSES else n
    for n in sorted(set(PAIRS) - {"sample"})
])
def test_other_pairs_keep_precision_and_recall(name: str) -> None:
    _, view, predicted = run(name)
    p, r, f = f1(predicted, view.links)
    assert p >= 0.85 and r >= 0.7, (p, r)
    assert f >= 0.90, f  # issue #3: every gold pair


# The article pairs the default threshold was tuned on. The scraped-page pairs of issue #19 prefer
# a higher one (0.50: micro F1 0.910 against 0.891 over all pairs); re-tuning it changes the samples'
# links, so it waits for the aligner's own issue.
TUNED_ON = ("condensed-merge-split", "sample", "short-vs-long", "state-media-wrapped", "wire-furniture")


def test_default_threshold_beats_neighbours_on_the_pairs_it_was_tuned_on() -> None:
    """The default is a local optimum of micro F1 over the article pairs."""

    def micro(threshold: float | None) -> float:
        tp = n_pred = n_gold = 0
        for name in TUNED_ON:
            _, view, predicted = run(name, threshold)
            tp += len(predicted & view.links)
            n_pred += len(predicted)
            n_gold += len(view.links)
        return 2 * tp / (n_pred + n_gold)

    default = micro(None)
    assert default >= micro(Options().threshold + 0.07)
    assert default >= 0.85
