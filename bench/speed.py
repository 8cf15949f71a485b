"""Speed and memory of natodiff against a plain line diff and naive difflib.

    python bench/speed.py            # 10 KB, 100 KB and 1 MB per side
    python bench/speed.py --quick    # 10 KB and 100 KB, one run each
    python bench/speed.py --keep DIR # also keep the generated inputs in DIR

Run from the repository root with natodiff installed. Standard library only.

Inputs are generated from a fixed seed, so every run times the same texts:
the source is article-like paragraphs (a Zipf-distributed vocabulary whose
size grows with the text's length, with function words, names, figures,
dates and quotations); the outlet keeps,
rewords, merges, reorders and drops source sentences and adds its own.

Every measurement runs in a fresh wrapper process that starts the command
and reports its wall time and the peak RSS of that command alone
(``resource.getrusage(RUSAGE_CHILDREN)``). Compared, on the same inputs:

* natodiff -- the whole command, ``python -m natodiff compare --format json``
  (start-up, reading, facts and quotations, rendering);
* git -- ``git diff --no-index --word-diff``, the speed of a plain line diff;
* difflib -- every outlet sentence against every source sentence with
  ``SequenceMatcher.ratio`` on words, the naive way to align sentences.
  Sizes where it would take over a minute are estimated from the largest
  size run (it is quadratic in sentences) and marked as estimates.

The 100 KB pair is also timed with every line break removed (a page pasted
as one paragraph), which must cost no more than the same text in paragraphs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

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

# Runs one command and prints its wall time and peak RSS (KiB on Linux).
_WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - t
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)
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


def measure(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, peak MB) of one run of ``cmd`` in a fresh wrapper."""
    res = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, check=True)
    wall, rss, rc = res.stdout.split()
    if cmd[0] != "git" and rc != "0":
        raise SystemExit(f"failed ({rc}): {' '.join(cmd)}")
    return float(wall), int(rss) / 1024


def repeat(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and the largest peak over ``runs`` runs."""
    results = [measure(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def natodiff_cmd(src: Path, out: Path, fmt: str = "json") -> list[str]:
    return [sys.executable, "-m", "natodiff", "compare", str(src), str(out), "--format", fmt]


def git_cmd(src: Path, out: Path) -> list[str]:
    return ["git", "diff", "--no-index", "--word-diff", "--no-color", str(src), str(out)]


def sentence_count(path: Path) -> int:
    from natodiff.segment import segment
    from natodiff.model import Side

    return len(segment(path.read_text(encoding="utf-8"), Side.SOURCE)[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10 KB and 100 KB only, one run each")
    ap.add_argument("--keep", type=Path, help="keep the generated inputs in this directory")
    args = ap.parse_args(argv)
    if shutil.which("git") is None:
        raise SystemExit("git not found")
    sizes = SIZES[:2] if args.quick else SIZES
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
            runs = 1 if args.quick else (5 if size < 500_000 else 3)
            n_src, n_out = sentence_count(src), sentence_count(out)
            nat = repeat(natodiff_cmd(src, out), runs)
            git = repeat(git_cmd(src, out), runs)
            pairs = n_src * n_out
            if difflib_rate is None or difflib_rate * pairs <= DIFFLIB_BUDGET:
                dl = repeat([sys.executable, "-c", _DIFFLIB, str(src), str(out)], 1 if size >= 100_000 else runs)
                difflib_rate = dl[0] / pairs
                dl_cell = (f"{dl[0]:.2f}", f"{dl[1]:.0f}")
            else:
                dl_cell = (f"~{difflib_rate * pairs:.0f} (estimate, not run)", "–")
            rows.append((label, len(source.encode()), len(outlet.encode()), n_src, n_out, nat, git, dl_cell))
            if size == 100_000:  # the same texts pasted without a line break: one paragraph each
                src1, out1 = workdir / "source-one-line.txt", workdir / "outlet-one-line.txt"
                src1.write_text(" ".join(source.split()), encoding="utf-8")
                out1.write_text(" ".join(outlet.split()), encoding="utf-8")
                one_line = repeat(natodiff_cmd(src1, out1), runs)
            print(f"  {label}: natodiff {nat[0]:.2f} s, git {git[0]:.3f} s, difflib {dl_cell[0]} s",
                  file=sys.stderr)
        sample = repeat(natodiff_cmd(SAMPLE_SOURCE, SAMPLE_OUTLET), 1 if args.quick else 9)
        sample_text = repeat(natodiff_cmd(SAMPLE_SOURCE, SAMPLE_OUTLET, "text"), 1 if args.quick else 9)
        help_ = repeat([sys.executable, "-m", "natodiff", "--help"], 1 if args.quick else 7)
        python = repeat([sys.executable, "-c", "pass"], 1 if args.quick else 7)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(rows, sample, sample_text, help_, python, one_line))
    return 0


def table(rows, sample, sample_text, help_, python, one_line=None) -> str:
    lines = [
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; median wall time, peak RSS per run.",
        "",
        "| input per side | sentences (src/out) | natodiff s | natodiff peak MB | git word-diff s "
        "| git peak MB | natodiff / git | all-pairs difflib s | difflib peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, sb, ob, ns, no, nat, git, dl in rows:
        lines.append(
            f"| {label} ({sb / 1000:.0f}/{ob / 1000:.0f} KB) | {ns}/{no} | {nat[0]:.2f} | {nat[1]:.0f} "
            f"| {git[0]:.3f} | {git[1]:.0f} | {nat[0] / git[0]:.0f}× | {dl[0]} | {dl[1]} |"
        )
    lines.append("")
    by_label = {r[0]: r for r in rows}
    if "100 KB" in by_label and "1 MB" in by_label:
        a, b = by_label["100 KB"], by_label["1 MB"]
        lines.append(f"Growth 100 KB → 1 MB (10× input): natodiff {b[5][0] / a[5][0]:.1f}×, "
                     f"git {b[6][0] / a[6][0]:.1f}×.")
    if "10 KB" in by_label and "100 KB" in by_label:
        a, b = by_label["10 KB"], by_label["100 KB"]
        lines.append(f"Growth 10 KB → 100 KB (10× input): natodiff {b[5][0] / a[5][0]:.1f}×, "
                     f"git {b[6][0] / a[6][0]:.1f}×.")
    if one_line and "100 KB" in by_label:
        lines.append(f"The 100 KB pair with no line breaks (each text one paragraph): natodiff {one_line[0]:.2f} s "
                     f"(with its paragraphs: {by_label['100 KB'][5][0]:.2f} s).")
    lines.append(
        f"Sample pair (samples/), whole command: {sample[0]:.2f} s as JSON, {sample_text[0]:.2f} s as the "
        f"text report (the default; rich tables), {sample[1]:.0f} MB peak; "
        f"`natodiff --help`: {help_[0]:.2f} s; bare `python -c pass`: {python[0]:.2f} s."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
