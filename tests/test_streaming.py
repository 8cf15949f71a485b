"""The JSON report is written as it is made, yet every byte is what the one-string render gives.

A long report is never one string (nor one dict of every alignment): the
writer yields pieces, the CLI encodes and writes each. A file is still
written whole or not at all; stdout gets the same bytes as ``-o FILE``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff import api, inputs
from natodiff.errors import OutputError
from natodiff.render import indented
from natodiff.render import json as render_json
from natodiff.render.indented import iter_indented

from conftest import OUTLET, ROOT, SOURCE
from test_cli import run
from test_fast_paths import _JSON

GOLD = sorted(p for p in (ROOT / "tests" / "gold").iterdir() if (p / "source.txt").exists())


def _compare(pair: Path):
    return api.compare((pair / "source.txt").read_text(encoding="utf-8"),
                       (pair / "outlet.txt").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the writer


@given(st.dictionaries(st.text(max_size=8), _JSON | st.lists(_JSON, max_size=5).map(lambda x: ("gen", x)),
                       max_size=5),
       st.integers(0, 4), st.integers(0, 3))
def test_pieces_join_to_what_json_dumps_writes_with_lists_given_as_generators(data, indent, chunk) -> None:
    plain = {k: v[1] if isinstance(v, tuple) and v[:1] == ("gen",) else v for k, v in data.items()}
    lazy = {k: (x for x in v[1]) if isinstance(v, tuple) and v[:1] == ("gen",) else v for k, v in data.items()}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(indented, "CHUNK", chunk)  # a piece every few parts, as a long report has
        assert "".join(iter_indented(lazy, indent)) == json.dumps(plain, ensure_ascii=False, indent=indent)


def test_an_item_the_writer_leaves_to_json_dumps_is_written_alone_at_its_depth() -> None:
    items = [{"a": 1}, {"nan": float("nan"), "b": [1.5]}, {2: "int key"}, {"a": [float("inf")]}]
    lazy = {"x": 1, "items": (i for i in items), "after": []}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(indented, "CHUNK", 1)
        pieces = list(iter_indented(lazy, 2))
    assert len(pieces) > 2
    assert "".join(pieces) == json.dumps({"x": 1, "items": items, "after": []}, ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- the report


@pytest.mark.parametrize("pair", GOLD, ids=lambda p: p.name)
def test_the_streamed_report_is_the_one_string_report(pair) -> None:
    c = _compare(pair)
    for explain in (False, True):
        whole = render_json.dumps(render_json.to_dict(c, explain=explain), indent=2) + "\n"
        assert "".join(render_json.render_chunks(c, explain=explain)) == whole


def test_a_long_report_comes_in_many_pieces_none_holding_it_all(monkeypatch) -> None:
    monkeypatch.setattr(indented, "CHUNK", 200)  # the gold pairs are short; a real long report has 20k parts a piece
    c = _compare(max(GOLD, key=lambda p: (p / "outlet.txt").stat().st_size))
    pieces = list(render_json.render_chunks(c))
    assert len(pieces) > 3
    assert max(map(len, pieces)) < len("".join(pieces)) / 2


def test_risky_characters_are_escaped_in_every_piece(monkeypatch) -> None:
    monkeypatch.setattr(indented, "CHUNK", 1)
    c = api.compare("NATO met.\u202e Allies\u2028 agreed \x9b on spending.\n",
                    "NATO met.\u202e Allies\u2028 agreed \x9b on spending. Something new.\n")
    streamed = "".join(render_json.render_chunks(c))
    assert streamed == render_json.dumps(render_json.to_dict(c), indent=2) + "\n"
    assert "\\u202e" in streamed and "\u202e" not in streamed


# ---------------------------------------------------------------- the command


def test_stdout_and_output_file_get_the_same_bytes_as_the_one_string_render(tmp_path) -> None:
    target = tmp_path / "report.json"
    to_stdout = run("compare", str(SOURCE), str(OUTLET), "-f", "json")
    to_file = run("compare", str(SOURCE), str(OUTLET), "-f", "json", "-o", str(target))
    assert to_stdout.exit_code == to_file.exit_code == 0, to_stdout.stderr + to_file.stderr
    c = api.compare(SOURCE.read_text(encoding="utf-8"), OUTLET.read_text(encoding="utf-8"),
                    source_name=str(SOURCE), outlet_name=str(OUTLET))
    expected = render_json.render(c)
    assert to_stdout.stdout_bytes == target.read_bytes() == expected.encode("utf-8")
    assert to_file.stdout == ""


def test_a_report_that_fails_half_way_leaves_no_file_and_no_temp_file(tmp_path, monkeypatch) -> None:
    made = []

    def alignment_then_fail(a, *, explain=False):
        made.append(a)
        if len(made) == 3:
            raise RuntimeError("renderer broke")
        return real(a, explain=explain)

    real = render_json.alignment
    monkeypatch.setattr(indented, "CHUNK", 1)  # the first alignments are already on their way to the disk
    monkeypatch.setattr(render_json, "alignment", alignment_then_fail)
    target = tmp_path / "report.json"
    r = run("compare", str(SOURCE), str(OUTLET), "-f", "json", "-o", str(target))
    assert r.exit_code == 2 and "internal error: RuntimeError: renderer broke" in r.stderr
    assert len(made) == 3
    assert os.listdir(tmp_path) == []


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temp_file(tmp_path) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old report\n")

    def pieces():
        yield b"{\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="no space left on device"):
        inputs.atomic_write_all([(str(target), pieces())], force=True)
    assert os.listdir(tmp_path) == ["report.json"]
    assert target.read_bytes() == b"old report\n"


def test_pieces_and_memo_are_written_together(tmp_path) -> None:
    report, memo = tmp_path / "r.json", tmp_path / "m.bin"
    inputs.atomic_write_all([(str(memo), b"memo"), (str(report), (p for p in (b"a", b"b", b"c")))])
    assert (report.read_bytes(), memo.read_bytes()) == (b"abc", b"memo")
