"""Speed and memory of natodiff against wdiff, a plain line diff and naive difflib.

    python bench/speed.py            # 10 KB, 100 KB and 1 MB per side
    python bench/speed.py --big      # also 10 MB per side (one run; minutes)
    python bench/speed.py --quick    # 10 KB and 100 KB, one run each
    python bench/speed.py --keep DIR # also keep the generated inputs in DIR

Run from the repository root with natodiff installed. Standard library only.

Inputs are generated from a fixed seed, so every run times the same texts:
the source is article-like paragraphs (a Zipf-distributed vocabulary whose
size grows with the text's length, with function words, names, figures,
dates and quotations); the outlet keeps,
rewords, merges, reorders and drops source sentences and adds its own.

Every measurement runs in a fresh wrapper process that starts the command
and reports its wall time, the peak RSS of its largest process
(``resource.getrusage(RUSAGE_CHILDREN)``) and the peak PSS of all its
processes together (sampled from /proc). The commands of one size run
alternately, so a machine that slows down slows them all alike; read the
ratios. Compared, on the same inputs:

* natodiff -- the whole command, ``python -m natodiff compare --format json``
  (start-up, reading, facts and quotations, rendering);
* wdiff -- GNU wdiff, the word-diff tool, where installed;
* git -- ``git diff --no-index --word-diff``, the speed of a plain line diff;
* difflib -- every outlet sentence against every source sentence with
  ``SequenceMatcher.ratio`` on words, the naive way to align sentences.
  Sizes where it would take over a minute are estimated from the largest
  size run (it is quadratic in sentences) and marked as estimates.

The 100 KB pair is also timed with every line break removed (a page pasted
as one paragraph), which must cost no more than the same text in paragraphs.
Last, the ratios issue 20 sets as targets are printed from the same run.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SOURCE = ROOT / "samples" / "nato-press-release-2024-02-15.txt"
SAMPLE_OUTLET = ROOT / "samples" / "outlet-report-2024-02-15.txt"
SEED = 20240215
SIZES = (("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000))
DIFFLIB_BUDGET = 60.0  # seconds; above this the baseline is estimated, not run
# Heaps' law: a text of n running words uses about K * n**BETA distinct ones
# (BETA 0.4-0.6 for English news). A fixed vocabulary would make a 1 MB text
# ten 100 KB texts of the same words: every content word common, every
# sentence alike, none of the rare names and terms that a real long text
# keeps adding. K puts the 100 KB case at about the 6,000 words every size
# drew from before.
HEAPS_K = 30
HEAPS_BETA = 0.55
BYTES_PER_WORD = 6.0  # of the generated prose, spaces and punctuation included

# ---------------------------------------------------------------- generating

FUNCTION_WORDS = (
    "the the the the of of of to to and and a a in in is that for on with as by at "
    "from its it was be has have will would not this which their are were an also "
    "but after over more than into about between during under against while"
).split()
SPEECH = ("said", "added", "told reporters", "stressed", "noted")
MONTHS = "January February March April May June July August September October November December".split()
SYLLABLES = (
    "ba be bi bo da de di do fa fe ga go ka ke ko la le li lo ma me mi mo na ne ni no "
    "pa pe po ra re ri ro sa se si so ta te ti to va ve vi za ze zo tra pro con der "
    "men ter lan str ing tion ment ver sta"
).split()


class Writer:
    """Deterministic article-like prose from one seeded generator."""

    def __init__(self, rng: random.Random, vocabulary: int = 6000) -> None:
        self.rng = rng
        words: list[str] = []
        seen: set[str] = set()
        while len(words) < vocabulary:
            w = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
            if w not in seen:
                seen.add(w)
                words.append(w)
        self.words = words
        # Zipf-Mandelbrot: word k is about 1/(k + 5) as frequent as the first
        # few; the offset keeps any one content word from being in every sentence.
        self.cum = list(_accumulate(1.0 / (k + 5) for k in range(vocabulary)))
        self.people = [
            f"{self._name()} {self._name()}" for _ in range(max(20, vocabulary // 60))
        ]
        self.places = [self._name() for _ in range(max(20, vocabulary // 60))]
        self.orgs = [
            f"{self._name()} {rng.choice(('Council', 'Ministry', 'Agency', 'Command', 'Institute'))}"
            for _ in range(max(10, vocabulary // 120))
        ]

    def _name(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.choice((2, 3)))).title()

    def word(self) -> str:
        return self.words[_pick(self.rng, self.cum)]

    def figure(self) -> str:
        r = self.rng
        kind = r.randrange(5)
        if kind == 0:
            return f"{r.randint(2, 99)} {self.word()}s"
        if kind == 1:
            return f"${r.randint(1, 900)} {r.choice(('million', 'billion'))}"
        if kind == 2:
            return f"{r.randint(1, 60)}.{r.randint(0, 9)} percent"
        if kind == 3:
            return f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1990, 2030)}"
        return str(r.randint(1990, 2030))

    def clause(self, n: int) -> list[str]:
        r = self.rng
        out: list[str] = []
        for _ in range(n):
            x = r.random()
            if x < 0.42:
                out.append(r.choice(FUNCTION_WORDS))
            elif x < 0.47:
                out.append(r.choice(self.people + self.places + self.orgs))
            elif x < 0.50:
                out.append(self.figure())
            else:
                out.append(self.word())
        return out

    def sentence(self) -> str:
        r = self.rng
        words = self.clause(r.randint(8, 30))
        text = " ".join(words)
        text = text[0].upper() + text[1:]
        if r.random() < 0.12:  # a quotation with its speaker
            speaker = r.choice(self.people)
            return f"\u201c{text},\u201d {speaker} {r.choice(SPEECH)}."
        if r.random() < 0.1:
            text += ", " + " ".join(self.clause(r.randint(4, 10)))
        return text + "."

    def heading(self) -> str:
        return " ".join(w.title() for w in self.clause(self.rng.randint(3, 8)))

    def reword(self, sentence: str) -> str:
        """Swap, drop and add a few words; sometimes cut the sentence short."""
        r = self.rng
        words = sentence.rstrip(".").split()
        for _ in range(max(1, len(words) // 6)):
            k = r.randrange(len(words))
            x = r.random()
            if x < 0.4:
                words[k] = self.word()
            elif x < 0.7 and len(words) > 4:
                del words[k]
            else:
                words.insert(k, r.choice(FUNCTION_WORDS + [self.word()]))
        if r.random() < 0.2 and len(words) > 12:
            words = words[: len(words) * 2 // 3]
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."


def _accumulate(values):
    total = 0.0
    for v in values:
        total += v
        yield total


def _pick(rng: random.Random, cum: list[float]) -> int:
    from bisect import bisect_left

    return min(bisect_left(cum, rng.random() * cum[-1]), len(cum) - 1)


def vocabulary(size: int) -> int:
    """Distinct content words a text of ``size`` bytes draws from (Heaps' law)."""
    return int(HEAPS_K * (size / BYTES_PER_WORD) ** HEAPS_BETA)


def make_pair(size: int, seed: int = SEED) -> tuple[str, str]:
    """A source of about ``size`` bytes and an outlet report of about the same size."""
    rng = random.Random(seed + size)
    w = Writer(rng, vocabulary(size))
    paragraphs: list[list[str]] = []
    total = 0
    while total < size:
        if paragraphs and rng.random() < 0.08:
            para = [w.heading()]
        else:
            para = [w.sentence() for _ in range(rng.randint(1, 5))]
        paragraphs.append(para)
        total += sum(len(s) + 1 for s in para) + 1
    source = "\n\n".join(" ".join(p) for p in paragraphs) + "\n"

    # The outlet: source paragraphs in a locally shuffled order; each sentence
    # kept, reworded, merged with the next or dropped; new sentences added.
    order = list(range(len(paragraphs)))
    for k in range(0, len(order), 6):
        block = order[k : k + 6]
        rng.shuffle(block)
        order[k : k + 6] = block
    out_paras: list[str] = []
    total = 0
    for p in order:
        kept: list[str] = []
        sents = paragraphs[p]
        i = 0
        while i < len(sents):
            s, x = sents[i], rng.random()
            if x < 0.25:
                kept.append(s)
            elif x < 0.6:
                kept.append(w.reword(s))
            elif x < 0.68 and i + 1 < len(sents):
                kept.append(s.rstrip(".") + ", and " + sents[i + 1][0].lower() + sents[i + 1][1:])
                i += 1
            if rng.random() < 0.2:
                kept.append(w.sentence())
            i += 1
        if kept:
            out_paras.append(" ".join(kept))
            total += sum(len(s) + 1 for s in kept) + 1
        if total >= size:
            break
    while total < size:  # the outlet's own closing paragraphs
        para = " ".join(w.sentence() for _ in range(rng.randint(1, 4)))
        out_paras.append(para)
        total += len(para) + 2
    return source, "\n\n".join(out_paras) + "\n"


# ---------------------------------------------------------------- measuring

# Runs one command and prints its wall time, the peak RSS of its largest
# process (KiB on Linux) and the peak of the proportional set size (PSS) of
# all its processes together, sampled every 20 ms from /proc: a forked
# worker shares its parent's pages, which PSS counts once.
_WRAPPER = """
import os, resource, subprocess, sys, time

def tree(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out

def pss(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total

t = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
peak = 0
can_sample = os.path.exists(f"/proc/{proc.pid}/smaps_rollup")
while proc.poll() is None:
    if can_sample:
        peak = max(peak, pss(tree(proc.pid)))
    time.sleep(0.02)
wall = time.perf_counter() - t
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, peak, proc.returncode)
"""

# The naive baseline: best SequenceMatcher ratio of every outlet sentence
# against every source sentence, words compared in lower case.
_DIFFLIB = r"""
import re, sys
from difflib import SequenceMatcher
def sentences(path):
    text = open(path, encoding="utf-8").read()
    return [s.lower().split() for s in re.split(r"(?<=[.!?])\s+|\n\s*\n", text) if s.strip()]
src, out = sentences(sys.argv[1]), sentences(sys.argv[2])
m = SequenceMatcher(None, autojunk=False)
linked = 0
for b in out:
    m.set_seq2(b)
    best = 0.0
    for a in src:
        m.set_seq1(a)
        if m.real_quick_ratio() > best and m.quick_ratio() > best:
            best = max(best, m.ratio())
    linked += best >= 0.5
print(linked)
"""


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak MB of the largest process, peak MB of all together) of one run of ``cmd``."""
    res = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, check=True)
    wall, rss, pss, rc = res.stdout.split()
    if cmd[0] not in ("git", "wdiff") and rc != "0":
        raise SystemExit(f"failed ({rc}): {' '.join(cmd)}")
    return float(wall), int(rss) / 1024, (int(pss) or int(rss)) / 1024


def repeat(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall time and the largest peaks over ``runs`` runs."""
    return side_by_side({"x": cmd}, runs)["x"]


def side_by_side(cmds: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float, float]]:
    """Each command ``runs`` times, alternating, so a machine that slows down slows all alike.

    Per command: median wall time, the largest single-process peak and the
    largest all-processes peak (MB).
    """
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            results[name].append(measure(cmd))
    return {
        name: (statistics.median(r[0] for r in rs), max(r[1] for r in rs), max(r[2] for r in rs))
        for name, rs in results.items()
    }


def natodiff_cmd(src: Path, out: Path, fmt: str = "json") -> list[str]:
    return [sys.executable, "-m", "natodiff", "compare", str(src), str(out), "--format", fmt]


def git_cmd(src: Path, out: Path) -> list[str]:
    return ["git", "diff", "--no-index", "--word-diff", "--no-color", str(src), str(out)]


def sentence_count(path: Path) -> int:
    from natodiff.segment import segment
    from natodiff.model import Side

    return len(segment(path.read_text(encoding="utf-8"), Side.SOURCE)[0])


def wdiff_cmd(src: Path, out: Path) -> list[str] | None:
    """GNU wdiff, the word-diff tool natodiff is held against, where installed."""
    return ["wdiff", str(src), str(out)] if shutil.which("wdiff") else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10 KB and 100 KB only, one run each")
    ap.add_argument("--big", action="store_true", help="also 10 MB a side (one run; minutes)")
    ap.add_argument("--keep", type=Path, help="keep the generated inputs in this directory")
    args = ap.parse_args(argv)
    if shutil.which("git") is None:
        raise SystemExit("git not found")
    sizes = SIZES[:2] if args.quick else SIZES + (BIG,) if args.big else SIZES
    workdir = Path(tempfile.mkdtemp(prefix="natodiff-speed-"))
    rows = []
    one_line = None
    difflib_rate = None  # seconds per sentence pair, from the largest size run
    try:
        for label, size in sizes:
            source, outlet = make_pair(size)
            src, out = workdir / f"source-{size}.txt", workdir / f"outlet-{size}.txt"
            src.write_text(source, encoding="utf-8")
            out.write_text(outlet, encoding="utf-8")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(src, args.keep)
                shutil.copy(out, args.keep)
            runs = 1 if args.quick or size > 5_000_000 else (5 if size < 500_000 else 3)
            n_src, n_out = sentence_count(src), sentence_count(out)
            cmds = {"natodiff": natodiff_cmd(src, out), "git": git_cmd(src, out)}
            if (wdiff := wdiff_cmd(src, out)) is not None:
                cmds["wdiff"] = wdiff
            timed = side_by_side(cmds, runs)
            pairs = n_src * n_out
            if difflib_rate is None or difflib_rate * pairs <= DIFFLIB_BUDGET:
                dl = repeat([sys.executable, "-c", _DIFFLIB, str(src), str(out)], 1 if size >= 100_000 else runs)
                difflib_rate = dl[0] / pairs
                dl_cell = (f"{dl[0]:.2f}", f"{dl[1]:.0f}")
            else:
                dl_cell = (f"~{difflib_rate * pairs:.0f} (estimate, not run)", "–")
            rows.append(Row(label, len(source.encode()), len(outlet.encode()), n_src, n_out, timed["natodiff"],
                            timed["git"], timed.get("wdiff"), dl_cell))
            if size == 100_000:  # the same texts pasted without a line break: one paragraph each
                src1, out1 = workdir / "source-one-line.txt", workdir / "outlet-one-line.txt"
                src1.write_text(" ".join(source.split()), encoding="utf-8")
                out1.write_text(" ".join(outlet.split()), encoding="utf-8")
                one_line = repeat(natodiff_cmd(src1, out1), runs)
            wd = timed.get("wdiff")
            print(f"  {label}: natodiff {timed['natodiff'][0]:.2f} s, git {timed['git'][0]:.3f} s, "
                  f"wdiff {f'{wd[0]:.2f} s' if wd else 'not installed'}, difflib {dl_cell[0]} s", file=sys.stderr)
        small = 1 if args.quick else 9
        start = side_by_side({"json": natodiff_cmd(SAMPLE_SOURCE, SAMPLE_OUTLET),
                              "text": natodiff_cmd(SAMPLE_SOURCE, SAMPLE_OUTLET, "text"),
                              "imports": [sys.executable, "-c", "import typer, rich.console"],
                              "help": [sys.executable, "-m", "natodiff", "--help"],
                              "python": [sys.executable, "-c", "pass"]}, small)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(rows, start, one_line))
    return 0


BIG = ("10 MB", 10_000_000)


class Row(NamedTuple):
    label: str
    source_bytes: int
    outlet_bytes: int
    source_sentences: int
    outlet_sentences: int
    natodiff: tuple[float, float, float]  # median s, peak MB largest process, peak MB all processes
    git: tuple[float, float, float]
    wdiff: tuple[float, float, float] | None
    difflib: tuple[str, str]


def table(rows: list[Row], start: dict[str, tuple[float, float, float]], one_line=None) -> str:
    lines = [
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; median wall time; peak RSS of the "
        "largest process and peak PSS of all processes together.",
        "",
        "| input per side | sentences (src/out) | natodiff s | peak MB (all) | wdiff s | ÷ wdiff "
        "| git word-diff s | ÷ git | all-pairs difflib s | difflib peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        nat, git, wd = r.natodiff, r.git, r.wdiff
        lines.append(
            f"| {r.label} ({r.source_bytes / 1000:.0f}/{r.outlet_bytes / 1000:.0f} KB) "
            f"| {r.source_sentences}/{r.outlet_sentences} | {nat[0]:.2f} | {nat[1]:.0f} ({nat[2]:.0f}) "
            f"| {f'{wd[0]:.2f}' if wd else '–'} | {f'{nat[0] / wd[0]:.2f}×' if wd else '–'} "
            f"| {git[0]:.3f} | {nat[0] / git[0]:.0f}× | {r.difflib[0]} | {r.difflib[1]} |"
        )
    lines.append("")
    by_label = {r.label: r for r in rows}
    for a, b in (("10 KB", "100 KB"), ("100 KB", "1 MB"), ("1 MB", "10 MB")):
        if a in by_label and b in by_label:
            x, y = by_label[a], by_label[b]
            grow = y.natodiff[0] / x.natodiff[0]
            size = (y.source_bytes + y.outlet_bytes) / (x.source_bytes + x.outlet_bytes)
            lines.append(f"Growth {a} → {b} ({size:.1f}× input): natodiff {grow:.1f}× "
                         f"(exponent {math.log(grow) / math.log(size):.2f}), git {y.git[0] / x.git[0]:.1f}×"
                         + (f", wdiff {y.wdiff[0] / x.wdiff[0]:.1f}×." if x.wdiff and y.wdiff else "."))
    if one_line and "100 KB" in by_label:
        lines.append(f"The 100 KB pair with no line breaks (each text one paragraph): natodiff {one_line[0]:.2f} s "
                     f"(with its paragraphs: {by_label['100 KB'].natodiff[0]:.2f} s).")
    lines.append(
        f"Sample pair (samples/), whole command: {start['json'][0]:.3f} s as JSON, {start['text'][0]:.3f} s as "
        f"the text report; `natodiff --help` {start['help'][0]:.3f} s; "
        f"`python -c \"import typer, rich.console\"` {start['imports'][0]:.3f} s; "
        f"bare `python -c pass` {start['python'][0]:.3f} s."
    )
    lines += ["", "Issue 20's targets, from this run:", ""]
    lines.append(f"- samples, JSON ÷ importing typer and rich: {start['json'][0] / start['imports'][0]:.2f}× "
                 "(target ≤ 1.3×)")
    for label, goal in (("1 MB", 1.0), ("10 MB", 1.5)):
        r = by_label.get(label)
        if r and r.wdiff:
            lines.append(f"- {label} ÷ wdiff: {r.natodiff[0] / r.wdiff[0]:.2f}× (target ≤ {goal}×)")
    if "1 MB" in by_label and "10 MB" in by_label:
        x, y = by_label["1 MB"], by_label["10 MB"]
        lines.append(f"- growth 1 MB → 10 MB: {y.natodiff[0] / x.natodiff[0]:.1f}× (target ≤ 11×)")
    if rows:  # the largest size: on small inputs the interpreter itself is most of the peak
        big = rows[-1]
        per_byte = big.natodiff[2] * 2**20 / (big.source_bytes + big.outlet_bytes)
        lines.append(f"- peak memory, all processes, per input byte: {per_byte:.0f} at {big.label} (target ≤ 40)")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
