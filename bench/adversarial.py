"""Pathological inputs: does the time grow with the input, and no faster?

    python bench/adversarial.py              # every family at n and 4n
    python bench/adversarial.py strong em    # only families whose name holds one of these

Run from the repository root with natodiff installed. Standard library only.

Each family is one hostile pattern repeated (a long run of brackets, quotes,
dashes, capitals, digits, speech verbs, Markdown markers...), about 20 KB at
size n and 80 KB at 4n. It goes through the loaders and ``natodiff.compare``
in this process, against the sample press release, facts and quotations on.
The table shows seconds at each size (best of 3 when a run is under a
second) and the growth ratio: about 4 is linear, 16 is quadratic. The goal
is 4.5 or less for every family.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from natodiff import compare
from natodiff.load import load

ROOT = Path(__file__).resolve().parent.parent
SOURCE = (ROOT / "samples" / "nato-press-release-2024-02-15.txt").read_text(encoding="utf-8")

# name: (how it is read, what is repeated, repeats at size n, prefix, suffix)
FAMILIES: dict[str, tuple[str, str, int, str, str]] = {
    # issue 22, items 2-6
    "quotes: speech verbs, no full stop (2)": ("text", "the minister said that we will ", 700, "", ""),
    "markdown: **a (3)": ("md", "**a ", 5000, "", ""),
    "markdown: *a (3)": ("md", "*a ", 6700, "", ""),
    "markdown: __a (3)": ("md", "__a ", 5000, "", ""),
    "markdown: ~~a (3)": ("md", "~~a ", 5000, "", ""),
    "byline: By A-a-a (4)": ("text", "-a", 10000, "By A", ""),
    "byline: By A-a-a! (4)": ("text", "-a", 10000, "By A", "!"),
    "facts: February 15, (5)": ("text", "February 15, ", 1500, "", ""),
    "quotes: unclosed [ in a quotation (6)": ("text", "stand ", 3300, 'He said: "We [will ', ' with us," he said.'),
    "text: [ before each word": ("text", "[we will ", 2200, 'He said: "', '" today.'),
    # more of the same kinds
    "markdown: _a": ("md", "_a ", 6700, "", ""),
    "markdown: [ run": ("md", "[", 20000, "a ", ""),
    "markdown: [a]( run": ("md", "[a](", 5000, "", ""),
    "markdown: ![ run": ("md", "![", 10000, "a ", ""),
    "markdown: <http: run": ("md", "<http:", 3300, "a ", ""),
    "markdown: heading, spaces": ("md", " ", 20000, "# a", "b"),
    "markdown: backtick runs": ("md", "`a ", 6700, "", ""),
    "html: < run": ("html", "<", 20000, "<p>a ", "</p>"),
    "html: <p> run": ("html", "<p>a ", 4000, "", ""),
    "html: &amp; run": ("html", "&amp;", 4000, "<p>a ", "</p>"),
    "text: [ run": ("text", "[", 20000, "NATO said ", ""),
    "text: ( run": ("text", "(", 20000, "NATO said ", ""),
    "text: straight quotes": ("text", '"', 20000, "NATO said ", ""),
    "text: curly quotes": ("text", "\u201ca ", 6700, "NATO said ", ""),
    "text: dashes": ("text", "- ", 10000, "NATO said ", ""),
    "text: em dashes": ("text", "\u2014", 20000, "NATO said ", ""),
    "text: capitals": ("text", "Alpha ", 3300, "", ""),
    "text: capitals, one word": ("text", "A", 20000, "", ""),
    "text: capitals and commas": ("text", "Alpha, ", 3300, "", ""),
    "text: listed organisations": ("text", "Alpha Beta, Gamma and Delta Centre, ", 800, "", ""),
    "text: digits": ("text", "1 ", 10000, "", ""),
    "text: digits, one number": ("text", "1", 20000, "", ""),
    "text: figures with units": ("text", "5 million euros, ", 1200, "", ""),
    "text: speech verbs": ("text", "said ", 4000, "", ""),
    "text: long word": ("text", "a", 20000, "", ""),
    "text: addresses": ("text", "a@b.", 5000, "", ""),
    "text: ellipses": ("text", "... ", 5000, "", ""),
    "text: full stops": ("text", "a. ", 6700, "", ""),
    "text: single capitals": ("text", "A ", 10000, "", "end."),
    # issue 19: page furniture
    "furniture: caption toggles": ("text", "Ministry of Defence more ", 800, "", "The end."),
    "furniture: glued credits": ("text", "A. (a/b) ", 2200, "", "The end."),
    "furniture: credit brackets, unclosed": ("text", "(", 20000, "", "Jane Roe/AP)"),
    "furniture: credit chain": ("text", "A/", 10000, "", "AFP via AP"),
    "furniture: interface words": ("text", "SHARE ", 3300, "", ""),
    "furniture: interface lines": ("text", "Share\n", 3300, "", "A story sentence."),
    "furniture: masthead stamp": ("text", "THE ", 5000, "", "Published 6:02 a.m."),
    "furniture: title bars": ("text", "Headline | ", 2000, "", ""),
    "furniture: short lines around a story": ("text", "Short line\n", 2000, "", "A story sentence with a verb.\nFooter"),
    "furniture: toggle ends": ("text", "a ", 10000, "", "Name/PA less"),
    "html: class hints, nested": ("html", '<div class="share"><div>', 1000, "<p>Allies met.</p>", "a"),
}


def build(family: str, times: int) -> tuple[str, str]:
    kind, unit, n, prefix, suffix = FAMILIES[family]
    return kind, prefix + unit * (n * times) + suffix


def run(kind: str, text: str) -> None:
    if kind == "text":
        outlet = text
    else:
        outlet = load(text.encode("utf-8"), f"outlet.{'md' if kind == 'md' else 'html'}").text
    compare(SOURCE, outlet)


def seconds(kind: str, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run(kind, text)
        took = time.perf_counter() - start
        best = min(best, took)
        if took > 1.0:
            break
    return best


def main(argv: list[str]) -> int:
    names = [f for f in FAMILIES if not argv or any(a in f for a in argv)]
    print(f"| {'family':<42} | {'size n':>8} | {'s at n':>7} | {'s at 4n':>7} | {'growth':>6} |")
    print(f"|{'-' * 44}|{'-' * 10}:|{'-' * 8}:|{'-' * 8}:|{'-' * 7}:|")
    worst = 0.0
    for family in names:
        kind, small = build(family, 1)
        _, large = build(family, 4)
        run(kind, small[:2000])  # warm the caches and lazy imports
        t1, t4 = seconds(kind, small), seconds(kind, large)
        growth = t4 / t1 if t1 > 0 else float("inf")
        worst = max(worst, growth)
        print(f"| {family:<42} | {len(small):>8,} | {t1:>7.3f} | {t4:>7.3f} | {growth:>5.1f}x |", flush=True)
    print(f"\nworst growth {worst:.1f}x for 4x the input (goal: 4.5x or less)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
