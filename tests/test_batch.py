"""Batch helpers: rows from comparisons, sorting, CSV/JSON, globbing, workers."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from natodiff import batch
from natodiff.api import compare, read_document
from natodiff.model import Options, Side

from conftest import OUTLET, SOURCE


def test_row_carries_the_summary_figures(sample):
    r = batch.row(sample)
    s = sample.summary
    assert (r.name, r.reuse, r.coverage) == (sample.outlet.name, s.reuse, s.coverage)
    assert (r.shared, r.reworded, r.outlet_only, r.source_only, r.boilerplate) == (
        s.shared, s.reworded, s.outlet_only, s.source_only, s.boilerplate)
    assert r.altered_quotes == sum(q.verdict.value == "altered" for q in sample.quotes)
    assert r.error is None


def test_differences_match_the_cli_exit_status(sample, source_text):
    from natodiff.cli import exit_status

    same = compare(source_text, source_text)
    for c in (sample, same):
        assert batch.row(c).differences == bool(exit_status(c, True))
    assert batch.row(sample).differences is True
    assert batch.row(same).differences is False


def test_sort_by_reuse_then_name_errors_last():
    rows = [batch.Row("b", reuse=0.5), batch.Row("z", error="no such file"), batch.Row("a", reuse=0.5),
            batch.Row("c", reuse=0.9), batch.Row("y", error="empty file")]
    assert [r.name for r in batch.sort_rows(rows)] == ["c", "a", "b", "y", "z"]


ROWS = [
    batch.Row("out, \"one\".txt", reuse=0.5, coverage=0.25, shared=1, reworded=2, outlet_only=3, source_only=4,
              boilerplate=5, altered_quotes=0, unsourced_quotes=1, differences=True),
    batch.Row("missing.txt", error="no such file"),
]


def test_csv_parses_with_a_header_and_empty_cells_for_failures():
    text = batch.to_csv(ROWS)
    assert text.startswith("name,reuse,coverage,shared,")
    records = list(csv.DictReader(io.StringIO(text)))
    assert records[0]["name"] == "out, \"one\".txt"
    assert records[0]["reuse"] == "0.5" and records[0]["differences"] == "true"
    assert records[1]["error"] == "no such file" and records[1]["reuse"] == ""
    assert list(records[0]) == list(batch.COLUMNS)


def test_json_parses():
    data = json.loads(batch.to_json(ROWS, "src.txt"))
    assert data["schema"] == "natodiff.batch/1" and data["source"] == "src.txt"
    assert data["outlets"][0]["outlet_only"] == 3
    assert data["outlets"][1] == {**{k: None for k in batch.COLUMNS}, "name": "missing.txt", "error": "no such file"}


def test_table_shows_errors_under_the_name():
    from rich.console import Console

    from natodiff.render.batch import table

    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(table(ROWS, "src.txt"))
    out = console.file.getvalue()
    assert "outlets against src.txt" in out
    assert "error: no such file" in out
    assert "50%" in out and "unsourced" not in out.split("outlet")[-1]  # a column, not words in a cell
    first = next(line for line in out.splitlines() if line.startswith("out, "))
    assert first.split()[-2:] == ["0", "1"]  # altered 0, unsourced 1: two columns


def test_table_names_outlets_on_one_line_without_folders():
    from rich.console import Console

    from natodiff.render.batch import table

    rows = [batch.Row("some/very/long/folder/name/that/would/wrap/reuters-2024-02-15.html", reuse=0.5, coverage=0.2,
                      shared=1, reworded=2, outlet_only=3, source_only=4, boilerplate=5, altered_quotes=0,
                      unsourced_quotes=0, differences=True),
            batch.Row("b/tass.txt", reuse=0.1, coverage=0.1, shared=1, reworded=2, outlet_only=3, source_only=4,
                      boilerplate=5, altered_quotes=0, unsourced_quotes=0, differences=True)]
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(table(rows, "src.txt", {"b/tass.txt": "TASS"}))
    lines = console.file.getvalue().splitlines()
    assert lines[-2].startswith("reuters-2024-") and "folder" not in console.file.getvalue()
    assert lines[-1].startswith("TASS ")
    assert all(len(line) <= 80 for line in lines)


def test_expand_globs_sorted_keeps_literals_and_misses(tmp_path):
    for name in ("b.txt", "a.txt", "c.html", "[odd].txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "dir.txt").mkdir()
    got, labels = batch.labelled([str(tmp_path / "*.txt"), str(tmp_path / "[odd].txt"),
                                  str(tmp_path / "none*.txt"), "-", str(tmp_path / "a.txt")], [])
    assert got == [str(tmp_path / n) for n in ("[odd].txt", "a.txt", "b.txt")] + [str(tmp_path / "none*.txt"), "-"]
    assert labels == [None] * len(got)


def source_doc(text: str):
    return read_document(text, Side.SOURCE, "s")


def test_unreadable_inputs_become_errors_where_they_are_compared(tmp_path, source_text):
    good = tmp_path / "good.txt"
    good.write_bytes(b"NATO met in Brussels.")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    paths = [str(good), str(tmp_path / "nope.txt"), str(tmp_path), str(big)]
    jobs = batch.read_all(paths, max_bytes=100)
    assert all(j.data is None and j.path == p for j, p in zip(jobs, paths))  # files are not held by the parent
    rows = [batch.analyse(j, source_doc(source_text), "auto", Options(), max_size=100).row for j in jobs]
    assert rows[0].error is None and rows[0].name == str(good)
    assert [r.error for r in rows[1:3]] == ["no such file", "is a directory"]
    assert rows[3].error.startswith("file is larger than the 100 bytes limit")


def test_analyse_reports_undecodable_outlets_in_the_row(source_text):
    out = batch.analyse(batch.Job("x.png", b"\x89PNG\r\n\x1a\nrest"), source_doc(source_text), "auto", Options())
    assert out.row == batch.Row("x.png", error="binary file (PNG image), not text")
    out = batch.analyse(batch.Job("e.txt", b""), source_doc(source_text), "auto", Options())
    assert out.row.error == "empty file"


def test_analyse_passes_decoding_warnings_back(source_text, outlet_text):
    data = outlet_text.replace("'", "\u2019").encode("cp1252")
    out = batch.analyse(batch.Job("w.txt", data), source_doc(source_text), "auto", Options())
    assert out.warnings == ("not valid UTF-8; read as Windows-1252",)
    assert out.row.error is None


@pytest.fixture(scope="module")
def jobs(source_text, outlet_text):
    lines = outlet_text.splitlines()
    texts = [outlet_text, "\n".join(lines[:8]), "\n".join(lines[8:]), source_text]
    out = [batch.Job(f"o{n}.txt", t.encode()) for n, t in enumerate(texts)]
    return out + [batch.Job("gone.txt", None, "no such file")]


def test_run_in_processes_equals_run_in_one(jobs, source_text):
    seen, steps = [], []
    serial = batch.run(jobs, source_text, "s", workers=1, on_done=seen.append,
                       progress=lambda *step: steps.append(step))
    parallel = batch.run(jobs, source_text, "s", workers=3)
    assert serial == parallel
    assert [o.row.name for o in serial.outcomes] == [j.name for j in jobs]  # job order, whatever finished first
    assert len(seen) == len(jobs)
    assert steps == [("comparing", n, len(jobs)) for n in range(len(jobs) + 1)]
    assert serial.outcomes[-1].row.error == "no such file"
    assert serial.outcomes[3].row.reuse == 1.0
    assert serial.matrix is None and serial.rows == batch.sort_rows(o.row for o in serial.outcomes)


def test_matrix_in_processes_equals_matrix_in_one(jobs, source_text):
    labels = ["zero", None, "two", None, "gone"]
    steps = []
    serial = batch.run(jobs, source_text, "s", matrix=True, labels=labels, progress=lambda *step: steps.append(step))
    parallel = batch.run(jobs, source_text, "s", matrix=True, labels=labels, workers=2)
    assert serial.matrix == parallel.matrix
    kept = len(jobs) - 1  # the unreadable one is a failed outlet, not a column
    assert [c.name for c in serial.matrix.outlets] == [j.name for j in jobs[:kept]]
    assert serial.matrix.labels == ("zero", None, "two", None)
    assert [(f.name, f.error) for f in serial.matrix.failed] == [("gone.txt", "no such file")]
    assert steps[len(jobs) + 1:] == [("linking additions", n, kept) for n in range(kept + 1)]


def test_rows_agree_with_compare(jobs, source_text):
    out = batch.run(jobs[:1], source_text, SOURCE.name).outcomes
    direct = compare(source_text, OUTLET.read_text(encoding="utf-8"), source_name=SOURCE.name, outlet_name="o0.txt")
    assert out[0].row == batch.row(direct)
    assert replace(out[0].row, name="x") != batch.Row("x")


def test_json_survives_an_undecodable_file_name() -> None:
    from natodiff.batch import to_json

    name = "report-\udcff.txt"  # how Python spells a non-UTF-8 byte in a file name
    text = to_json([], name)
    text.encode("utf-8")  # printable on a strict UTF-8 stdout
    assert json.loads(text)["source"] == name
