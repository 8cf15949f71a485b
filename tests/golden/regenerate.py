"""Rewrite the golden reports under tests/golden/ from the current code.

    python tests/golden/regenerate.py        (from anywhere; PYTHONPATH=src if not installed)

Then REVIEW THE DIFF (``git diff tests/golden``) before committing: every
changed line is a change users will see. A golden that changes because the
core aligned differently is expected after core work; one that changes after
a renderer edit you meant to be invisible is a bug.

Each golden is what ``natodiff compare SOURCE OUTLET --no-facts ARGS`` writes
on stdout, run from the repository root with relative paths (so the names in
the reports carry no machine-specific directory), COLUMNS=100 and
``--color never`` for the text report. No timestamps anywhere. Facts and
quotations are left out (``--no-facts``) so that work on that layer does not
churn these files; tests/test_render_*.py cover those sections.
tests/test_cli.py::test_golden compares every file byte for byte.
"""

from __future__ import annotations

import inspect
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WIDTH = "100"

PAIRS = {
    "sample": ("samples/nato-press-release-2024-02-15.txt", "samples/outlet-report-2024-02-15.txt"),
    "tiny": ("tests/golden/tiny/source.txt", "tests/golden/tiny/outlet.txt"),
}
VARIANTS = {
    "txt": ["--format", "text", "--color", "never"],
    "json": ["--format", "json"],
    "jsonl": ["--format", "jsonl"],
    "md": ["--format", "markdown"],
    "html": ["--format", "html"],
    "source-order.md": ["--format", "markdown", "--order", "source"],
    "source-order.html": ["--format", "html", "--order", "source"],
}
# The sample pair has moved items, so --order source shows there; the tiny
# pair carries every kind and the characters Markdown and HTML must escape.
WANTED = {
    "sample": ("txt", "json", "md", "html", "source-order.md", "source-order.html"),
    "tiny": ("txt", "json", "jsonl", "md", "html"),
}
CASES = {
    f"{pair}.{suffix}": [*PAIRS[pair], "--no-facts", *VARIANTS[suffix]]
    for pair, suffixes in WANTED.items()
    for suffix in suffixes
}


def runner():
    """A CliRunner that keeps stderr apart from stdout on any click version."""
    from typer.testing import CliRunner

    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:  # click < 8.2
        return CliRunner(mix_stderr=False)
    return CliRunner()


def produce(name: str) -> bytes:
    """The report for one golden, as bytes; fails loudly on any error."""
    return stdout_of(name, ["compare", *CASES[name]], {"COLUMNS": WIDTH, "NO_COLOR": None})


def stdout_of(name: str, args: list[str], env: dict) -> bytes:
    """What the command writes on stdout, run from the repository root; fails loudly on any error."""
    from natodiff.cli import app

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = runner().invoke(app, args, env=env)
    finally:
        os.chdir(cwd)
    if result.exit_code != 0 or result.stderr:
        raise RuntimeError(f"{name}: exit {result.exit_code}, stderr {result.stderr!r}") from result.exception
    return result.stdout_bytes


def main() -> None:
    rewrite(CASES, produce, HERE)


def rewrite(cases, make, here: Path) -> None:
    """Write each case's output under ``here`` where it changed (also tests/coverage/regenerate.py's)."""
    sys.path.insert(0, str(ROOT / "src"))
    for name in cases:
        path = here / name
        new = make(name)
        old = path.read_bytes() if path.exists() else None
        if new != old:
            path.write_bytes(new)
            print(f"{'updated' if old is not None else 'created'} {path.relative_to(ROOT)}")
    print(f"now review the diff: git diff {here.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
