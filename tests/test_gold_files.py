"""Validate the hand-written gold corpus under tests/gold/.

Pure file checks: nothing here imports the alignment core, so a broken core
never hides a broken gold file (and vice versa).

Format (one directory per pair: source.txt, outlet.txt, gold.json)::

    {
      "description": "what this pair tests",
      "outlet": [
        {"text": "<snippet>", "kind": "shared|reworded|outlet_only|boilerplate",
         "source": ["<source item text>", ...]},
        {"text": "<snippet>", "kind": "reworded", "repeat_of": "<outlet item text>"}
      ],
      "source": [{"text": "<snippet>", "kind": "shared|reworded|source_only|boilerplate"}]
    }

Snippets are compared after folding runs of whitespace to one space (so a
snippet may cross a hard line wrap).  A snippet must occur exactly once in its
file, unless the item carries ``"occurrence": k`` (1-based): then it names the
k-th occurrence, for sentences that are wholly contained in another one (a
pull quote repeated inside a paragraph, a second "Advertisement" line).
Optional ``"note"`` explains a judgement call.  Items are listed in document
order, one per sentence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD = Path(__file__).parent / "gold"
PAIRS = sorted(p for p in GOLD.iterdir() if (p / "gold.json").is_file()) if GOLD.is_dir() else []

OUTLET_KINDS = {"shared", "reworded", "outlet_only", "boilerplate"}
SOURCE_KINDS = {"shared", "reworded", "source_only", "boilerplate"}
OUTLET_KEYS = {"text", "kind", "source", "repeat_of", "occurrence", "note"}
SOURCE_KEYS = {"text", "kind", "occurrence", "note"}


def fold(text: str) -> str:
    return " ".join(text.split())


def occurrences(haystack: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), haystack)]


def load(pair: Path) -> tuple[dict, str, str]:
    gold = json.loads((pair / "gold.json").read_text(encoding="utf-8"))
    source = (pair / "source.txt").read_text(encoding="utf-8")
    outlet = (pair / "outlet.txt").read_text(encoding="utf-8")
    return gold, source, outlet


def test_corpus_present() -> None:
    names = {p.name for p in PAIRS}
    assert "sample" in names
    assert len(PAIRS) >= 5


def test_sample_is_byte_identical_copy() -> None:
    root = Path(__file__).parent.parent / "samples"
    pairs = {
        "source.txt": root / "nato-press-release-2024-02-15.txt",
        "outlet.txt": root / "outlet-report-2024-02-15.txt",
    }
    for name, original in pairs.items():
        if original.is_file():
            assert (GOLD / "sample" / name).read_bytes() == original.read_bytes(), name


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_schema(pair: Path) -> None:
    gold, _, _ = load(pair)
    assert set(gold) <= {"description", "outlet", "source"}, set(gold)
    assert isinstance(gold.get("description"), str) and gold["description"].strip()
    for side, kinds, keys in (("outlet", OUTLET_KINDS, OUTLET_KEYS), ("source", SOURCE_KINDS, SOURCE_KEYS)):
        items = gold.get(side)
        assert isinstance(items, list) and items, f"{side}: empty or missing"
        for i, item in enumerate(items):
            where = f"{side}[{i}] {item.get('text')!r}"
            assert isinstance(item, dict), where
            assert set(item) <= keys, f"{where}: unknown keys {set(item) - keys}"
            assert isinstance(item.get("text"), str) and item["text"].strip(), where
            assert item.get("kind") in kinds, f"{where}: kind {item.get('kind')!r}"
            if "occurrence" in item:
                assert isinstance(item["occurrence"], int) and item["occurrence"] >= 1, where
            if "note" in item:
                assert isinstance(item["note"], str), where
            if side == "outlet":
                if "repeat_of" in item:
                    assert isinstance(item["repeat_of"], str), where
                    assert "source" not in item, f"{where}: a repeat carries no source"
                else:
                    assert isinstance(item.get("source"), list), f"{where}: needs a source list"
                    assert all(isinstance(s, str) for s in item["source"]), where


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_snippets_locate_exactly_one_place_in_document_order(pair: Path) -> None:
    gold, source, outlet = load(pair)
    for side, text in (("source", source), ("outlet", outlet)):
        folded = fold(text)
        last = -1
        seen: set[tuple[str, int]] = set()
        for item in gold[side]:
            snippet = fold(item["text"])
            assert snippet == item["text"].strip(), f"{side}: {item['text']!r} has odd whitespace"
            hits = occurrences(folded, snippet)
            k = item.get("occurrence")
            if k is None:
                assert len(hits) == 1, f"{side}: {snippet!r} occurs {len(hits)} times in {side}.txt"
                pos = hits[0]
            else:
                assert len(hits) >= 2, f"{side}: {snippet!r} is unique; drop 'occurrence'"
                assert k <= len(hits), f"{side}: {snippet!r} has no occurrence {k}"
                pos = hits[k - 1]
            key = (snippet, k or 1)
            assert key not in seen, f"{side}: {snippet!r} listed twice"
            seen.add(key)
            assert pos > last, f"{side}: {snippet!r} is out of document order"
            last = pos


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_links_and_repeats_resolve(pair: Path) -> None:
    gold, _, _ = load(pair)
    source_texts = [s["text"] for s in gold["source"]]
    outlet_texts = [o["text"] for o in gold["outlet"]]
    linked: dict[str, set[str]] = {}
    for i, item in enumerate(gold["outlet"]):
        where = f"outlet {item['text']!r}"
        if "repeat_of" in item:
            target = item["repeat_of"]
            assert outlet_texts.count(target) == 1, f"{where}: repeat_of {target!r} names no single outlet item"
            j = outlet_texts.index(target)
            assert j < i, f"{where}: repeat_of must point at an earlier item"
            first = gold["outlet"][j]
            assert "repeat_of" not in first, f"{where}: repeat_of must point at the first occurrence"
            assert item["kind"] == first["kind"], f"{where}: a repeat keeps the kind of its first occurrence"
            continue
        refs = item["source"]
        assert len(set(refs)) == len(refs), f"{where}: duplicate source link"
        for ref in refs:
            assert source_texts.count(ref) == 1, f"{where}: link {ref!r} is not the text of one source item"
            linked.setdefault(ref, set()).add(item["kind"])
        if item["kind"] in {"shared", "reworded"}:
            assert refs, f"{where}: {item['kind']} needs at least one source link"
        else:
            assert not refs, f"{where}: {item['kind']} must not link to the source"
    for item in gold["source"]:
        where = f"source {item['text']!r}"
        kinds = linked.get(item["text"])
        if kinds:
            expected = "shared" if "shared" in kinds else "reworded"
            assert item["kind"] == expected, f"{where}: linked from {sorted(kinds)}, so kind should be {expected}"
        else:
            assert item["kind"] in {"source_only", "boilerplate"}, f"{where}: not linked, so source_only or boilerplate"


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_source_length_in_range(pair: Path) -> None:
    if pair.name == "sample":
        return
    _, source, _ = load(pair)
    assert 300 <= len(source.split()) <= 900


def _bench():
    import importlib.util
    import sys

    if "_gold_bench" in sys.modules:
        return sys.modules["_gold_bench"]
    path = Path(__file__).parent.parent / "bench" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("_gold_bench", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["_gold_bench"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_every_sentence_listed_under_reference_splitter(pair: Path) -> None:
    """Completeness: bench/accuracy.py's own crude splitter (the documented rules:
    break at . ! ? plus closing quotes before a capital, not after abbreviations
    or initials; one paragraph per line unless the text is hard-wrapped) yields
    exactly one sentence per gold item.  Independent of the alignment core."""
    bench = _bench()
    gold, source, outlet = load(pair)
    item = bench.Pair(pair.name, gold["description"], source, outlet, gold)
    view = bench.resolve(item, bench.simple_sentences(source), bench.simple_sentences(outlet))
    assert view.problems == []
    assert (view.unlisted_source, view.unlisted_outlet, view.merged) == (0, 0, 0)
