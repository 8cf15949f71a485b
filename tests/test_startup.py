"""Start-up stays light: commands import only what they use (issue 7).

Each case runs the real command in a fresh interpreter with ``-X importtime``
and reads the modules it imported from stderr.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import OUTLET, SOURCE


def imported(*args: str) -> set[str]:
    res = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "natodiff", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr[-2000:]  # help, and a comparison without --exit-code
    return {
        line.rsplit("|", 1)[1].strip()
        for line in res.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_help_imports_neither_docx_nor_the_pipeline():
    mods = imported("--help")
    assert "docx" not in top_level(mods)
    # --help only needs the command definitions, not the comparison stages.
    assert not mods & {"natodiff.align", "natodiff.facts", "natodiff.quotes", "natodiff.segment"}
    # click's plain help (rich_markup_mode=None): rich's console alone costs about as much as typer's import.
    assert "rich" not in top_level(mods)
    assert "rich" not in top_level(imported("compare", "--help"))


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_compare_does_not_import_docx(fmt):
    mods = imported("compare", str(SOURCE), str(OUTLET), "--format", fmt, "--color", "never")
    assert "docx" not in top_level(mods)
    assert "natodiff.align" in mods  # the command did run the comparison
    if fmt == "json":
        assert "rich" not in top_level(mods)
    # Readers of other input formats load only for those formats.
    assert not mods & {"html.parser", "natodiff.html_text", "natodiff.markdown_text", "natodiff.docx_text"}


def test_a_small_comparison_loads_no_process_or_temp_file_machinery():
    """Below parallel.FACTS_BESIDE_CHARS no worker starts, so nothing for one is imported; stdout needs no temp file."""
    mods = imported("compare", str(SOURCE), str(OUTLET), "--format", "json")
    assert "natodiff.facts" in mods  # facts were gathered, in this process
    assert not mods & {"multiprocessing", "concurrent.futures", "tempfile", "importlib.resources"}


def test_no_facts_imports_neither_facts_nor_quotations():
    mods = imported("compare", str(SOURCE), str(OUTLET), "--format", "json", "--no-facts")
    assert "natodiff.align" in mods
    assert not mods & {"natodiff.facts", "natodiff.quotes"}
