"""Two installs of natodiff timed side by side on the same inputs.

    python bench/versus.py BEFORE_PYTHON AFTER_PYTHON [--runs 5] [--big-runs 3]

Each PYTHON is the interpreter of a venv with one build installed (e.g. main's
and a branch's). Runs alternate between the two, so a machine that slows down
mid-run slows both alike; the ratio is what to read. Inputs: the samples, and
bench/speed.py's generated 100 KB and 1 MB pairs (the same seed, so the same
texts every time). Prints medians, the after/before ratio and the peak memory of all processes
together (PSS).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import speed  # noqa: E402  (bench/speed.py: generator and measuring wrapper)


def compare_cmd(python: str, src: Path, out: Path, fmt: str) -> list[str]:
    return [python, "-m", "natodiff", "compare", str(src), str(out), "--format", fmt]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--runs", type=int, default=7, help="runs of each small case per build")
    ap.add_argument("--big-runs", type=int, default=3, help="runs of the 1 MB case per build")
    ap.add_argument("--no-big", action="store_true", help="skip the 1 MB case")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("samples, json", speed.SAMPLE_SOURCE, speed.SAMPLE_OUTLET, "json", args.runs),
                 ("samples, text", speed.SAMPLE_SOURCE, speed.SAMPLE_OUTLET, "text", args.runs)]
        for label, size in speed.SIZES[1:] if not args.no_big else speed.SIZES[1:2]:
            src, out = Path(tmp) / f"{size}.source.txt", Path(tmp) / f"{size}.outlet.txt"
            a, b = speed.make_pair(size)
            src.write_text(a, encoding="utf-8")
            out.write_text(b, encoding="utf-8")
            cases.append((label, src, out, "json", args.big_runs if size >= 1_000_000 else args.runs))
        print(f"{'case':<16}{'before s':>10}{'after s':>10}{'ratio':>8}{'before MB':>11}{'after MB':>10}")
        for label, src, out, fmt, runs in cases:
            times: dict[str, list[float]] = {"before": [], "after": []}
            peaks: dict[str, float] = {"before": 0.0, "after": 0.0}
            for _ in range(runs):
                for name, python in (("before", args.before), ("after", args.after)):
                    wall, _, peak = speed.measure(compare_cmd(python, src, out, fmt))
                    times[name].append(wall)
                    peaks[name] = max(peaks[name], peak)
            b, a = statistics.median(times["before"]), statistics.median(times["after"])
            print(f"{label:<16}{b:>10.3f}{a:>10.3f}{a / b:>8.2f}{peaks['before']:>11.0f}{peaks['after']:>10.0f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
