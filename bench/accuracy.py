"""Score natodiff against the hand-written gold corpus in tests/gold/.

    python bench/accuracy.py            # table for every pair
    python bench/accuracy.py --json     # the same figures as JSON
    python bench/accuracy.py --pair sample
    python bench/accuracy.py -v         # plus every missed/spurious link and wrong kind
    python bench/accuracy.py --shifts   # meaning-shift precision and recall only

Run from the repository root with natodiff installed (or PYTHONPATH=src).
Standard library + natodiff only.

What is measured, per pair:

* links -- the set of (outlet sentence, source sentence) pairs.  Gold links
  come from each outlet item's "source" list; predicted links are the
  ``LinkScore`` pairs of every ``Alignment.links``.  Outlet sentences that the
  gold marks as repeats ("repeat_of") are left out of the link score on both
  sides: a repeat is judged by its repeat_of pointer instead.
* kinds -- for every gold sentence of both sides, whether the alignment
  holding it has the gold kind (a sentence held by several alignments takes
  the strongest kind: shared > reworded > *_only > boilerplate).  A gold
  repeat counts as correct when the predicted alignment's ``repeat_of`` is the
  id of the alignment holding the first occurrence.
* furniture -- for every gold sentence of both sides (repeats left out),
  whether the predicted sentence holding it is marked as page furniture
  (``Sentence.boilerplate``): gold kind "boilerplate" marked is a true
  positive, any other gold kind marked a false positive, gold boilerplate
  left unmarked a false negative.  Two gold items in one predicted sentence
  cannot both be right, so a missed split counts against it.
* baseline -- for each outlet sentence, the source sentence with the best
  ``difflib.SequenceMatcher(None, a.lower().split(), b.lower().split())``
  ratio, linked when the ratio is >= 0.5; scored like natodiff's links on the
  same sentence segmentation.

* shifts -- over tests/gold/meaning-shifts/ (one JSON file per small pair, see
  its README): a predicted shift matches an expected one of the same type
  when the expected words of each side (as word keys) are among the
  predicted shift's words of that side; each expected shift is matched once.
  Precision = matched / predicted, recall = matched / expected, summed over
  all pairs.

Gold snippets are mapped to the predicted sentences that contain them (after
folding whitespace).  A snippet that matches no predicted sentence, or
several without an "occurrence", is reported as a segmentation problem; its
sentence then counts as a miss (its gold links as false negatives, its kind as
wrong).  If ``from natodiff import compare`` fails, the script falls back to
its own simple splitter (which also cuts a caption's "less"/"more" toggle and
a bracketed photo credit glued between two sentences, as natodiff does) and prints the baseline only.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
import re
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
CUTOFF = 0.5
KINDS = ("shared", "reworded", "outlet_only", "source_only", "boilerplate")
_PRIORITY = {"shared": 0, "reworded": 1, "outlet_only": 2, "source_only": 2, "boilerplate": 3}


def fold(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Fallback splitter (only used when the core cannot be imported)

_ABBREV = set(
    """mr mrs ms dr prof gen lt col maj capt sen rep gov st jr sr rev hon no nos
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp vs etc
    u.s u.k u.n e.u a.m p.m""".split()
)
_BOUNDARY = re.compile(r"""[.!?]+["'”’)]*\s+(?=["'“‘]?[A-Z0-9])""")


# Page furniture glued into a paragraph: a caption's "less"/"more" toggle before the next
# paragraph, and a bracketed photo credit (with its name and agency again) between two sentences.
_GLUED_CREDIT = re.compile(r"(?<=[.!?]) (\([^()/]{1,60}/[^()]{1,60}\)(?: [A-Z][\w.'’-]*){0,5})(?= [A-Z][a-z])")


_CREDIT_LABEL = re.compile(r"(?:Photograph|Photo|Picture|Image):")


def _unglue(para: str) -> list[str]:
    out: list[str] = []
    for part in _GLUED_CREDIT.sub(lambda m: "\n" + m.group(1) + "\n", para).split("\n"):
        start = 0
        for m in re.finditer(r" (?:less|more)(?= [A-Z])", part):
            if _toggle_at(part, m.start()):
                out.append(part[start : m.end()])
                start = m.end() + 1
        out.append(part[start:])
    return [p for p in out if p.strip()]


def _toggle_at(part: str, at: int) -> bool:
    """A toggle after a stop, or after a capitalised credit word and before a sentence's first word."""
    before = part[:at].rsplit(" ", 1)[-1]
    after = part[at:].split()[1:2]
    starters = {"The", "A", "An", "He", "She", "It", "They", "We", "In", "On"}
    return before[-1:] in ".!?" or before[:1].isupper() and bool(after) and after[0] in starters


def simple_sentences(text: str) -> list[str]:
    """Paragraphs (blank-line blocks, or lines), then sentences; crude on purpose."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    wrapped = bool(lines) and max(len(ln) for ln in lines) <= 80 and len(blocks) < len(lines)
    paragraphs: list[str] = []
    for block in blocks:
        block_lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if wrapped:
            paragraphs.append(" ".join(block_lines))
        else:
            paragraphs.extend(block_lines)
    out: list[str] = []
    for para in [piece for p in paragraphs for piece in _unglue(p)]:
        start = 0
        for m in _BOUNDARY.finditer(para):
            before = para[start : m.start() + 1].split()
            word = before[-1].rstrip(".").lower().lstrip("(\"'“‘") if before else ""
            if para[m.start()] == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
                continue
            if _CREDIT_LABEL.match(para, m.end()):
                continue  # "… on Tuesday. Photograph: Jane Roe/PA": the caption's credit
            out.append(fold(para[start : m.end()]))
            start = m.end()
        if para[start:].strip():
            out.append(fold(para[start:]))
    return out


# --------------------------------------------------------------------------
# Gold loading and snippet mapping


@dataclass
class Pair:
    name: str
    description: str
    source_text: str
    outlet_text: str
    gold: dict


def load_pairs(gold_dir: Path, only: str | None) -> list[Pair]:
    pairs = []
    for d in sorted(p for p in gold_dir.iterdir() if (p / "gold.json").is_file()):
        if only and d.name != only:
            continue
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        pairs.append(
            Pair(
                d.name,
                gold.get("description", ""),
                (d / "source.txt").read_text(encoding="utf-8"),
                (d / "outlet.txt").read_text(encoding="utf-8"),
                gold,
            )
        )
    return pairs


def map_items(items: list[dict], sentences: list[str], side: str, problems: list[str]) -> list[int | None]:
    """Position in ``sentences`` of each gold item, None when it cannot be placed."""
    folded = [fold(s) for s in sentences]
    out: list[int | None] = []
    for item in items:
        snippet = fold(item["text"])
        hits = [i for i, s in enumerate(folded) if snippet in s]
        k = item.get("occurrence")
        if k is not None:
            if len(hits) >= k:
                out.append(hits[k - 1])
                continue
            problems.append(f"{side} snippet {snippet!r} (occurrence {k}) matches {len(hits)} predicted sentence(s)")
        elif len(hits) == 1:
            out.append(hits[0])
            continue
        else:
            what = "no predicted sentence" if not hits else f"{len(hits)} predicted sentences"
            problems.append(f"{side} snippet {snippet!r} matches {what}")
        out.append(None)
    return out


@dataclass
class GoldView:
    """The gold of one pair, resolved against one segmentation."""

    src_pos: list[int | None]
    out_pos: list[int | None]
    links: set[tuple[int, int]]  # (outlet position, source position), both placed
    unplaced_links: int  # gold links with an endpoint that could not be placed
    repeat_positions: set[int]  # outlet positions of gold repeats (excluded from links)
    problems: list[str]
    unlisted_source: int
    unlisted_outlet: int
    merged: int  # predicted sentences holding more than one gold item


def resolve(pair: Pair, src_sents: list[str], out_sents: list[str]) -> GoldView:
    problems: list[str] = []
    gold = pair.gold
    src_pos = map_items(gold["source"], src_sents, "source", problems)
    out_pos = map_items(gold["outlet"], out_sents, "outlet", problems)
    src_by_text = {item["text"]: src_pos[i] for i, item in enumerate(gold["source"])}
    links: set[tuple[int, int]] = set()
    unplaced = 0
    repeats: set[int] = set()
    for i, item in enumerate(gold["outlet"]):
        if "repeat_of" in item:
            if out_pos[i] is not None:
                repeats.add(out_pos[i])
            continue
        for ref in item.get("source", []):
            s = src_by_text.get(ref)
            if out_pos[i] is None or s is None:
                unplaced += 1
            else:
                links.add((out_pos[i], s))
    placed_src = [p for p in src_pos if p is not None]
    placed_out = [p for p in out_pos if p is not None]
    merged = (len(placed_src) - len(set(placed_src))) + (len(placed_out) - len(set(placed_out)))
    return GoldView(
        src_pos,
        out_pos,
        links,
        unplaced,
        repeats,
        problems,
        len(src_sents) - len(set(placed_src)),
        len(out_sents) - len(set(placed_out)),
        merged,
    )


# --------------------------------------------------------------------------
# Scoring


@dataclass
class LinkScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: LinkScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def score_links(predicted: set[tuple[int, int]], view: GoldView) -> LinkScore:
    predicted = {(o, s) for o, s in predicted if o not in view.repeat_positions}
    tp = len(predicted & view.links)
    return LinkScore(tp, len(predicted - view.links), len(view.links - predicted) + view.unplaced_links)


def baseline_links(src_sents: list[str], out_sents: list[str], cutoff: float = CUTOFF) -> set[tuple[int, int]]:
    src_tokens = [s.lower().split() for s in src_sents]
    links = set()
    for o, text in enumerate(out_sents):
        a = text.lower().split()
        best, best_ratio = None, -1.0
        for s, b in enumerate(src_tokens):
            ratio = difflib.SequenceMatcher(None, a, b).ratio()
            if ratio > best_ratio:
                best, best_ratio = s, ratio
        if best is not None and best_ratio >= cutoff:
            links.add((o, best))
    return links


@dataclass
class KindScore:
    n: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    ok: dict[str, int] = field(default_factory=lambda: {k: 0 for k in KINDS})
    repeats_n: int = 0
    repeats_ok: int = 0

    def add(self, other: KindScore) -> None:
        for k in KINDS:
            self.n[k] += other.n[k]
            self.ok[k] += other.ok[k]
        self.repeats_n += other.repeats_n
        self.repeats_ok += other.repeats_ok

    @property
    def total(self) -> tuple[int, int]:
        return sum(self.ok.values()), sum(self.n.values())

    def as_dict(self) -> dict:
        ok, n = self.total
        d = {k: {"n": self.n[k], "correct": self.ok[k], "accuracy": _round(_div(self.ok[k], self.n[k]))} for k in KINDS}
        d["repeats"] = {"n": self.repeats_n, "correct": self.repeats_ok, "accuracy": _round(_div(self.repeats_ok, self.repeats_n))}
        d["all"] = {"n": n, "correct": ok, "accuracy": _round(_div(ok, n))}
        return d


def score_kinds(pair: Pair, view: GoldView, comparison, details: list[str] | None = None) -> KindScore:
    by_src: dict[int, list] = {}
    by_out: dict[int, list] = {}
    for a in comparison.alignments:
        for s in a.source:
            by_src.setdefault(s.index, []).append(a)
        for s in a.outlet:
            by_out.setdefault(s.index, []).append(a)
    src_index = [s.index for s in comparison.source.sentences]
    out_index = [s.index for s in comparison.outlet.sentences]

    def predicted_kind(aligns: list) -> str | None:
        kinds = [str(getattr(a.kind, "value", a.kind)) for a in aligns]
        return min(kinds, key=lambda k: _PRIORITY.get(k, 9)) if kinds else None

    ks = KindScore()
    gold = pair.gold
    out_text_pos = {item["text"]: view.out_pos[i] for i, item in enumerate(gold["outlet"])}
    for side, items, positions, index, table in (
        ("source", gold["source"], view.src_pos, src_index, by_src),
        ("outlet", gold["outlet"], view.out_pos, out_index, by_out),
    ):
        for item, pos in zip(items, positions):
            kind = item["kind"]
            ks.n[kind] += 1
            if pos is None:
                if "repeat_of" in item:
                    ks.repeats_n += 1
                continue
            aligns = table.get(index[pos], [])
            if "repeat_of" in item:
                ks.repeats_n += 1
                first = out_text_pos.get(item["repeat_of"])
                targets = {a.id for a in by_out.get(out_index[first], [])} if first is not None else set()
                correct = any(a.repeat_of is not None and a.repeat_of in targets for a in aligns)
                ks.repeats_ok += correct
                if not correct and details is not None:
                    got = [a.repeat_of for a in aligns]
                    details.append(f"repeat   {side} {item['text']!r}: repeat_of {got}, want one of {sorted(targets)}")
            else:
                got = predicted_kind(aligns)
                correct = got == kind
                if not correct and details is not None:
                    details.append(f"kind     {side} {item['text']!r}: gold {kind}, got {got}")
            ks.ok[kind] += correct
    return ks


def score_furniture(pair: Pair, view: GoldView, comparison, details: list[str] | None = None) -> LinkScore:
    """Gold furniture against the sentences the core marked as furniture."""
    score = LinkScore()
    for side, items, positions, sents in (
        ("source", pair.gold["source"], view.src_pos, comparison.source.sentences),
        ("outlet", pair.gold["outlet"], view.out_pos, comparison.outlet.sentences),
    ):
        for item, pos in zip(items, positions):
            if "repeat_of" in item:
                continue
            gold = item["kind"] == "boilerplate"
            marked = pos is not None and sents[pos].boilerplate
            score.tp += gold and marked
            score.fp += marked and not gold
            score.fn += gold and not marked
            if gold != marked and details is not None:
                tag = "missed" if gold else "spurious"
                details.append(f"{tag:<8} furniture {side} {item['text']!r}")
    return score


def _div(a: int, b: int) -> float | None:
    return a / b if b else None


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# --------------------------------------------------------------------------
# Running


@dataclass
class Result:
    pair: Pair
    source_sentences: int
    outlet_sentences: int
    gold_links: int
    view: GoldView
    baseline: LinkScore
    natodiff: LinkScore | None = None
    kinds: KindScore | None = None
    furniture: LinkScore | None = None
    error: str | None = None
    details: list[str] = field(default_factory=list)  # for --verbose


def run_pair(pair: Pair, compare) -> Result:
    comparison = None
    error = None
    if compare is not None:
        try:
            comparison = compare(pair.source_text, pair.outlet_text)
        except Exception as exc:  # report and keep going with the baseline
            error = f"compare() failed: {type(exc).__name__}: {exc}"
    if comparison is not None:
        src_sents = [s.text for s in comparison.source.sentences]
        out_sents = [s.text for s in comparison.outlet.sentences]
    else:
        src_sents = simple_sentences(pair.source_text)
        out_sents = simple_sentences(pair.outlet_text)
    view = resolve(pair, src_sents, out_sents)
    gold_links = view.links
    result = Result(
        pair,
        len(pair.gold["source"]),
        len(pair.gold["outlet"]),
        len(gold_links) + view.unplaced_links,
        view,
        score_links(baseline_links(src_sents, out_sents), view),
        error=error,
    )
    if comparison is not None:
        src_pos = {s.index: i for i, s in enumerate(comparison.source.sentences)}
        out_pos = {s.index: i for i, s in enumerate(comparison.outlet.sentences)}
        predicted = {
            (out_pos[link.outlet], src_pos[link.source])
            for a in comparison.alignments
            for link in a.links
            if link.outlet in out_pos and link.source in src_pos
        }
        result.natodiff = score_links(predicted, view)
        result.kinds = score_kinds(pair, view, comparison, result.details)
        result.furniture = score_furniture(pair, view, comparison, result.details)
        result.details[:0] = _link_details(predicted, view, src_sents, out_sents)
    result.details[:0] = _segmentation_details(view, src_sents, out_sents)
    return result


def _short(text: str, n: int = 60) -> str:
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def _segmentation_details(view: GoldView, src_sents: list[str], out_sents: list[str]) -> list[str]:
    out = []
    for side, sents, pos in (("source", src_sents, view.src_pos), ("outlet", out_sents, view.out_pos)):
        placed = [p for p in pos if p is not None]
        for i, text in enumerate(sents):
            if i not in placed:
                out.append(f"unlisted {side} sentence {_short(text)}")
            elif placed.count(i) > 1:
                out.append(f"merged   {side} sentence holds {placed.count(i)} gold items: {_short(text)}")
    return out


def _link_details(predicted: set[tuple[int, int]], view: GoldView, src_sents: list[str], out_sents: list[str]) -> list[str]:
    predicted = {(o, s) for o, s in predicted if o not in view.repeat_positions}
    out = []
    for tag, pairs in (("missed", view.links - predicted), ("spurious", predicted - view.links)):
        for o, s in sorted(pairs):
            out.append(f"{tag:<8} link {_short(out_sents[o], 45)} -> {_short(src_sents[s], 45)}")
    return out


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _frac(ok: int, n: int) -> str:
    return "-" if n == 0 else f"{ok}/{n}"


def render_table(results: list[Result], core: bool, core_note: str) -> str:
    lines = [
        "natodiff accuracy on tests/gold "
        f"(links = (outlet sentence, source sentence) pairs; baseline = best difflib word ratio >= {CUTOFF:.2f})",
    ]
    if not core:
        lines.append(f"natodiff core unavailable ({core_note}); baseline only, on the fallback splitter")
    lines.append("")
    head = ["pair", "src", "out", "links"]
    if core:
        head += ["P", "R", "F1"]
    head += ["base P", "base R", "base F1", "unlisted", "problems"]
    rows = []
    tot_nd, tot_bl = LinkScore(), LinkScore()
    totals = [0, 0, 0, 0, 0]
    for r in results:
        row = [r.pair.name, str(r.source_sentences), str(r.outlet_sentences), str(r.gold_links)]
        if core:
            nd = r.natodiff or LinkScore()
            row += [_fmt(nd.precision), _fmt(nd.recall), _fmt(nd.f1)] if r.natodiff else ["error"] * 3
            if r.natodiff:
                tot_nd.add(r.natodiff)
        bl = r.baseline
        tot_bl.add(bl)
        unl = f"{r.view.unlisted_source}+{r.view.unlisted_outlet}"
        row += [_fmt(bl.precision), _fmt(bl.recall), _fmt(bl.f1), unl, str(len(r.view.problems) + bool(r.error))]
        rows.append(row)
        totals[0] += r.source_sentences
        totals[1] += r.outlet_sentences
        totals[2] += r.gold_links
        totals[3] += r.view.unlisted_source + r.view.unlisted_outlet
        totals[4] += len(r.view.problems) + bool(r.error)
    total = ["TOTAL (micro)", str(totals[0]), str(totals[1]), str(totals[2])]
    if core:
        total += [_fmt(tot_nd.precision), _fmt(tot_nd.recall), _fmt(tot_nd.f1)]
    total += [_fmt(tot_bl.precision), _fmt(tot_bl.recall), _fmt(tot_bl.f1), str(totals[3]), str(totals[4])]
    lines += _grid(head, rows, total)

    if core:
        lines += ["", "kind accuracy (gold sentences of that kind, both sides, that got that kind; repeats judged by repeat_of)", ""]
        head = ["pair", *KINDS, "repeats", "all"]
        rows = []
        tk = KindScore()
        for r in results:
            if r.kinds is None:
                rows.append([r.pair.name] + ["error"] * (len(KINDS) + 2))
                continue
            k = r.kinds
            tk.add(k)
            ok, n = k.total
            rows.append([r.pair.name, *(_frac(k.ok[x], k.n[x]) for x in KINDS), _frac(k.repeats_ok, k.repeats_n), _frac(ok, n)])
        ok, n = tk.total
        total = ["TOTAL", *(f"{_frac(tk.ok[x], tk.n[x])} {_pct(tk.ok[x], tk.n[x])}" for x in KINDS),
                 _frac(tk.repeats_ok, tk.repeats_n), f"{_frac(ok, n)} {_pct(ok, n)}"]
        lines += _grid(head, rows, total)

        lines += ["", "furniture (gold sentences, both sides: gold boilerplate against sentences marked as furniture)", ""]
        head = ["pair", "gold", "tp", "fp", "fn", "P", "R"]
        rows = []
        tf = LinkScore()
        for r in results:
            f = r.furniture or LinkScore()
            tf.add(f)
            rows.append([r.pair.name, str(f.tp + f.fn), str(f.tp), str(f.fp), str(f.fn), _fmt(f.precision), _fmt(f.recall)])
        total = ["TOTAL", str(tf.tp + tf.fn), str(tf.tp), str(tf.fp), str(tf.fn), _fmt(tf.precision), _fmt(tf.recall)]
        lines += _grid(head, rows, total)

    notes = [(r.pair.name, p) for r in results for p in ([r.error] if r.error else []) + r.view.problems]
    lines.append("")
    lines.append("src/out = gold sentences; links = gold links; unlisted = predicted sentences (source+outlet) no gold snippet points at")
    if notes:
        lines.append("")
        lines.append("problems (compare() errors; gold snippets the predicted segmentation cannot place):")
        lines += [f"  {name}: {p}" for name, p in notes]
    return "\n".join(lines)


def _pct(ok: int, n: int) -> str:
    return "" if n == 0 else f"({100 * ok / n:.0f}%)"


def _grid(head: list[str], rows: list[list[str]], total: list[str]) -> list[str]:
    table = [head, *rows, total]
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]

    def line(r: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(head), rule, *(line(r) for r in rows), rule, line(total)]


def as_json(results: list[Result], core: bool, core_note: str) -> dict:
    tot_nd, tot_bl, tk, tf = LinkScore(), LinkScore(), KindScore(), LinkScore()
    pairs = []
    for r in results:
        tot_bl.add(r.baseline)
        if r.natodiff:
            tot_nd.add(r.natodiff)
        if r.kinds:
            tk.add(r.kinds)
        if r.furniture:
            tf.add(r.furniture)
        pairs.append(
            {
                "pair": r.pair.name,
                "description": r.pair.description,
                "source_sentences": r.source_sentences,
                "outlet_sentences": r.outlet_sentences,
                "gold_links": r.gold_links,
                "natodiff": r.natodiff.as_dict() if r.natodiff else None,
                "baseline": r.baseline.as_dict(),
                "kinds": r.kinds.as_dict() if r.kinds else None,
                "furniture": r.furniture.as_dict() if r.furniture else None,
                "unlisted": {"source": r.view.unlisted_source, "outlet": r.view.unlisted_outlet},
                "merged": r.view.merged,
                "problems": ([r.error] if r.error else []) + r.view.problems,
            }
        )
    return {
        "core": core,
        "core_note": core_note or None,
        "baseline_cutoff": CUTOFF,
        "pairs": pairs,
        "totals": {
            "source_sentences": sum(r.source_sentences for r in results),
            "outlet_sentences": sum(r.outlet_sentences for r in results),
            "gold_links": sum(r.gold_links for r in results),
            "natodiff": tot_nd.as_dict() if core else None,
            "baseline": tot_bl.as_dict(),
            "kinds": tk.as_dict() if core else None,
            "furniture": tf.as_dict() if core else None,
        },
    }


SHIFT_GOLD_DIR = GOLD_DIR / "meaning-shifts"


@dataclass
class ShiftScore(LinkScore):
    """Shift matches counted like links (tp, fp, fn), with the pairs read and every miss named."""

    pairs: int = 0
    details: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"pairs": self.pairs, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": _round(self.precision), "recall": _round(self.recall)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def shift_matches(predicted: dict, expected: dict) -> bool:
    """Same type, and each side's expected words among the predicted shift's words."""
    from natodiff.normalise import keys

    return predicted["type"] == expected["type"] and all(
        set(keys(expected[side])) <= set(keys(predicted[side])) for side in ("source", "outlet"))


def score_shifts(compare, gold_dir: Path = SHIFT_GOLD_DIR) -> ShiftScore:
    """Meaning shifts found in every gold pair against the shifts written down for it."""
    score = ShiftScore()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        c = compare(gold["source"], gold["outlet"])
        predicted = [{"type": s.type.value, "source": s.source, "outlet": s.outlet, "note": s.note}
                     for a in c.alignments for s in a.shifts]
        expected = list(gold["shifts"])
        score.pairs += 1
        for p in predicted:
            hit = next((e for e in expected if shift_matches(p, e)), None)
            if hit is None:
                score.fp += 1
                score.details.append(f"{path.stem}: spurious {p['type']}: {p['note']}")
            else:
                score.tp += 1
                expected.remove(hit)
        for e in expected:
            score.fn += 1
            score.details.append(f"{path.stem}: missed {e['type']}: {e['source']!r} -> {e['outlet']!r}")
    return score


def shift_line(score: ShiftScore) -> str:
    p, r = score.precision, score.recall
    return (f"meaning shifts ({score.pairs} pairs in {SHIFT_GOLD_DIR.relative_to(ROOT)}): "
            f"precision {'-' if p is None else f'{p:.3f}'}, recall {'-' if r is None else f'{r:.3f}'} "
            f"(tp {score.tp}, fp {score.fp}, fn {score.fn})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score natodiff against tests/gold.")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--pair", metavar="NAME", help="run one pair (a directory name under tests/gold)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed/spurious links, wrong kinds and segmentation mismatches")
    parser.add_argument("--gold", metavar="DIR", type=Path, default=GOLD_DIR, help="gold corpus directory")
    parser.add_argument("--threshold", type=float, metavar="T", help="link cut-off to score (default: natodiff's)")
    parser.add_argument("--shifts", action="store_true", help="score meaning shifts only")
    args = parser.parse_args(argv)
    if args.shifts:
        from natodiff.api import compare as run

        shifts = score_shifts(run)
        print(json.dumps(shifts.as_dict(), indent=2) if args.json else shift_line(shifts))
        if args.verbose:
            for line in shifts.details or ["(nothing to report)"]:
                print(f"  {line}")
        return 0

    pairs = load_pairs(args.gold, args.pair)
    if not pairs:
        names = sorted(p.name for p in args.gold.iterdir() if (p / "gold.json").is_file()) if args.gold.is_dir() else []
        print(f"accuracy: no gold pair {args.pair!r} under {args.gold} (have: {', '.join(names) or 'none'})", file=sys.stderr)
        return 2

    compare = None
    core_note = ""
    try:
        import natodiff

        compare = natodiff.compare
        if isinstance(compare, types.ModuleType):
            # A lazy package __getattr__ that imports the submodule natodiff.compare
            # leaves the module, not the function, bound as natodiff.compare.
            compare = compare.compare
    except Exception as exc:  # the core may be mid-rewrite
        compare = None
        core_note = f"{type(exc).__name__}: {exc}"

    if compare is not None and args.threshold is not None:
        from natodiff.model import Options

        compare = functools.partial(compare, options=Options(threshold=args.threshold))
    results = [run_pair(p, compare) for p in pairs]
    core = compare is not None
    shifts = score_shifts(compare) if core and args.pair is None and SHIFT_GOLD_DIR.is_dir() else None
    if args.json:
        data = as_json(results, core, core_note)
        if shifts is not None:
            data["shifts"] = shifts.as_dict()
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(render_table(results, core, core_note))
        if shifts is not None:
            print(shift_line(shifts))
        if args.verbose:
            for r in results:
                print(f"\n== {r.pair.name}: {r.pair.description}")
                for line in r.details or ["(nothing to report)"]:
                    print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
