"""Rewrite the coverage-matrix goldens under tests/coverage/ from the current code.

    python tests/coverage/regenerate.py        (from anywhere; PYTHONPATH=src if not installed)

Then REVIEW THE DIFF (``git diff tests/coverage``): every changed line is a
change users will see. Each golden is what ``natodiff batch SOURCE OUTLET...
--matrix ARGS`` writes on stdout, run from the repository root with relative
paths, as tests/golden/regenerate.py does for ``compare``. Facts stay on: the
``!`` cells come from the quotation and figure checks.
tests/test_coverage.py::test_golden compares every file byte for byte.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLDEN = ROOT / "tests" / "golden" / "regenerate.py"
INPUTS = [f"tests/coverage/{name}.txt" for name in ("source", "wire", "daily", "tribune", "digest")]
CASES = {
    "matrix.json": ["--format", "json"],
    "matrix.csv": ["--format", "csv"],
    "matrix.md": ["--format", "markdown"],
}


def load(path: Path):
    """A script as a module, under a name of its own (both scripts are called regenerate.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def produce(name: str) -> bytes:
    """The output for one golden, as bytes; fails loudly on any error."""
    return load(GOLDEN).stdout_of(name, ["batch", *INPUTS, "--matrix", *CASES[name]], {"COLUMNS": "100"})


def main() -> None:
    load(GOLDEN).rewrite(CASES, produce, HERE)


if __name__ == "__main__":
    main()
