"""One source against many outlets: wall time and peak memory of ``batch --matrix`` and the memo.

    python bench/many.py                 # 1 source x 50 outlets of about 1,000 words, --jobs 2, 3 runs
    python bench/many.py --outlets 100 --jobs 1 --runs 1
    python bench/many.py --keep DIR      # also keep the generated texts in DIR

Run from the repository root with natodiff installed. Standard library only.

The texts come from bench/speed.py's generator (same seed, same vocabulary
model): a source of about 6 KB, and each outlet keeps, rewords or drops its
sentences, shuffles paragraphs locally and adds sentences of its own, a few
of them drawn from a pool several outlets share (a common second source), so
the additions cluster as they would on a real story.

Each run starts the whole command and polls /proc every 20 ms for the
resident memory of the command and all its workers together; "peak MB" is
the largest such sum, "largest process MB" the largest single process
(``getrusage(RUSAGE_CHILDREN)``); "CPU s" is the user and system time of
the command and its workers, which another job on the machine changes less
than the wall time. The figures are medians; the load average is printed
before and after, since a busy machine slows a pool of 2 more than 1.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import SEED, Writer, vocabulary  # noqa: E402  (the generator every bench shares)

SIZE = 6_000  # bytes a text: about 1,000 words
SHARED = 12  # additions in the pool several outlets draw from
POLL = 0.02


def make_texts(n: int, size: int = SIZE, seed: int = SEED) -> tuple[str, list[str]]:
    """A source and ``n`` outlets of about ``size`` bytes each."""
    rng = random.Random(seed)
    w = Writer(rng, vocabulary(size * 4))
    paragraphs: list[list[str]] = []
    while sum(len(s) + 1 for p in paragraphs for s in p) < size:
        paragraphs.append([w.heading()] if paragraphs and rng.random() < 0.08
                          else [w.sentence() for _ in range(rng.randint(1, 4))])
    pool = [w.sentence() for _ in range(SHARED)]
    outlets = []
    for _ in range(n):
        order = list(range(len(paragraphs)))
        for k in range(0, len(order), 5):
            block = order[k : k + 5]
            rng.shuffle(block)
            order[k : k + 5] = block
        out: list[str] = []
        for p in order:
            kept = []
            for s in paragraphs[p]:
                x = rng.random()
                if x < 0.35:
                    kept.append(s)
                elif x < 0.75:
                    kept.append(w.reword(s))
                if rng.random() < 0.12:
                    kept.append(rng.choice(pool) if rng.random() < 0.4 else w.sentence())
            if kept:
                out.append(" ".join(kept))
        while sum(len(p) + 2 for p in out) < size:
            out.append(" ".join(w.sentence() for _ in range(rng.randint(1, 3))))
        outlets.append("\n\n".join(out) + "\n")
    return "\n\n".join(" ".join(p) for p in paragraphs) + "\n", outlets


def _tree_rss(root: int) -> int:
    """Resident KiB of ``root`` and every process descended from it."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total = 0
    for pid in rss:
        p = pid
        while p and p != root and p in parents:
            p = parents[p]
        if p == root:
            total += rss[pid]
    return total


def measure(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB of the whole process tree) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(POLL)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, peak / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--outlets", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the generated texts in this folder")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        source, outlets = make_texts(args.outlets)
        (where / "source.txt").write_text(source, encoding="utf-8")
        paths = []
        for n, text in enumerate(outlets):
            path = where / f"outlet-{n + 1:03}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        words = statistics.mean(len(t.split()) for t in outlets)
        print(f"1 source ({len(source.split())} words) x {len(outlets)} outlets (mean {words:.0f} words), "
              f"--jobs {args.jobs}, {os.cpu_count()} cores, median of {args.runs}")
        base = [sys.executable, "-m", "natodiff"]
        cases = {
            "batch (figures)": [*base, "batch", str(where / "source.txt"), *paths, "-j", str(args.jobs), "-f", "json"],
            "batch --matrix": [*base, "batch", str(where / "source.txt"), *paths, "--matrix", "-j", str(args.jobs),
                               "-f", "json"],
            "memo (many)": [*base, "memo", str(where / "source.txt"), *paths, "-j", str(args.jobs), "--force",
                            "-o", str(where / "memo.docx")],
        }
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        print(f"{'command':<18} {'wall s':>7} {'CPU s':>6} {'peak MB':>8}")
        for name, cmd in cases.items():
            runs = [measure(cmd) for _ in range(args.runs)]
            wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            print(f"{name:<18} {wall:7.2f} {cpu:6.2f} {max(r[2] for r in runs):8.0f}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"largest single process: {largest:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
