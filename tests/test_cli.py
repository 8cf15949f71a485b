"""The command line through typer's CliRunner: stdout and stderr apart, exactly.

Goldens (tests/golden/, rewritten by tests/golden/regenerate.py) are compared
byte for byte here. Subprocess tests of the installed command are in
tests/test_e2e.py.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from pathlib import Path

import pytest

from natodiff import __version__
from natodiff.cli import app

from conftest import OUTLET, ROOT, SOURCE

GOLDEN = ROOT / "tests" / "golden"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

_spec = importlib.util.spec_from_file_location("golden_regenerate", GOLDEN / "regenerate.py")
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)


def run(*args: str, input: str | bytes | None = None, env: dict | None = None):
    env = {"NO_COLOR": None, "COLUMNS": "100", **(env or {})}
    return regenerate.runner().invoke(app, list(args), input=input, env=env)


def summary_of(stdout: str) -> dict:
    return json.loads(stdout)["summary"]


def alignment_shape(stdout: str) -> list:
    """Alignments without document names: what must survive a change of format."""
    return json.loads(stdout)["alignments"]


# ---------------------------------------------------------------- goldens


@pytest.mark.parametrize("name", sorted(regenerate.CASES))
def test_golden(name):
    expected = (GOLDEN / name).read_bytes()
    assert regenerate.produce(name) == expected, f"{name} changed: run tests/golden/regenerate.py and review the diff"


def test_goldens_have_no_ansi_and_no_trailing_blanks():
    for name in regenerate.CASES:
        text = (GOLDEN / name).read_text(encoding="utf-8")
        assert "\x1b" not in text
        assert not any(line != line.rstrip() for line in text.splitlines()), name


# ---------------------------------------------------------------- basics


def test_version():
    r = run("--version")
    assert (r.exit_code, r.stdout, r.stderr) == (0, f"natodiff {__version__}\n", "")


def test_help_has_examples_and_exit_codes():
    r = run("--help")
    assert r.exit_code == 0 and r.stderr == ""
    assert "natodiff compare release.txt story.html" in r.stdout
    assert "Exit status:\n    0  done\n    1  differences found" in r.stdout
    assert "2  error: bad arguments, unreadable input" in r.stdout
    assert "batch" in r.stdout and "compare" in r.stdout
    assert "--install-completion" in r.stdout  # typer's shell completion


def test_batch_help_has_an_example():
    r = run("batch", "--help")
    assert r.exit_code == 0
    assert "natodiff batch release.txt 'coverage/*.html' --jobs 4 --format csv" in r.stdout


# ---------------------------------------------------------------- inputs


def test_outlet_from_stdin_gives_the_same_result():
    from_file = run("compare", str(SOURCE), str(OUTLET), "-f", "json")
    from_stdin = run("compare", str(SOURCE), "-", "-f", "json", input=OUTLET.read_bytes())
    assert from_stdin.exit_code == 0 and from_stdin.stderr == ""
    assert json.loads(from_stdin.stdout)["outlet"]["name"] == "<stdin>"
    assert summary_of(from_stdin.stdout) == summary_of(from_file.stdout)


def test_source_from_stdin():
    r = run("compare", "-", str(OUTLET), "-f", "json", input=SOURCE.read_bytes())
    assert r.exit_code == 0
    assert json.loads(r.stdout)["source"]["name"] == "<stdin>"


def test_stdin_only_once():
    r = run("compare", "-", "-", input="x")
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", "natodiff: error: -: standard input can be read only once\n")


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    r = run("compare", str(SOURCE), str(missing))
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", f"natodiff: error: {missing}: no such file\n")


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("compare", str(empty), str(OUTLET))
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", f"natodiff: error: {empty}: empty file\n")


def test_bad_option_is_a_usage_error():
    r = run("compare", str(SOURCE), str(OUTLET), "--format", "pdf")
    assert r.exit_code == 2 and r.stdout == ""
    assert "Invalid value for '--format'" in r.stderr


def test_cp1252_fallback_warns_on_stderr(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(OUTLET.read_text(encoding="utf-8").replace("'", "\u2019").encode("cp1252"))
    r = run("compare", str(SOURCE), str(path), "-f", "json")
    assert r.exit_code == 0
    assert r.stderr == f"natodiff: warning: {path}: not valid UTF-8; read as Windows-1252\n"
    assert json.loads(r.stdout)["summary"]


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8-sig"),
    lambda t: t.encode("utf-16"),  # with BOM
    lambda t: t.replace("\n", "\r\n").encode(),
    lambda t: t.replace("\n", "\r").encode(),
], ids=["utf8-bom", "utf16-bom", "crlf", "cr"])
def test_encodings_and_line_ends_give_the_same_alignment(tmp_path, encode):
    path = tmp_path / "outlet.txt"
    path.write_bytes(encode(OUTLET.read_text(encoding="utf-8")))
    plain = run("compare", str(SOURCE), str(OUTLET), "-f", "json")
    other = run("compare", str(SOURCE), str(path), "-f", "json")
    assert other.exit_code == 0 and other.stderr == ""
    assert alignment_shape(other.stdout) == alignment_shape(plain.stdout)


def outlet_as_html() -> str:
    from html import escape

    body = []
    for line in OUTLET.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        tag = "h2" if line == "Training center in Poland" else "p"
        body.append(f"<{tag}>{escape(line).replace('&#x27;', '&#39;')}</{tag}>")
    return (
        "<!DOCTYPE html><html><head><meta charset=utf-8><style>p{color:red}</style>"
        "<script>var x = '<p>not text</p>';</script></head><body>"
        "<header><a href='/'>Outlet home</a></header><nav><ul><li>World</li><li>Europe</li></ul></nav>"
        "<article>" + "\n".join(body) + "</article>"
        "<aside>Most read: something else</aside><footer>&copy; 2024 Outlet</footer></body></html>"
    )


def outlet_as_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    for line in OUTLET.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d.add_paragraph(line)
    d.save(path)


def test_round_trip_html_and_docx_give_the_txt_alignment(tmp_path):
    html_path = tmp_path / "outlet.html"
    html_path.write_text(outlet_as_html(), encoding="utf-8")
    docx_path = tmp_path / "outlet.docx"
    outlet_as_docx(docx_path)
    plain = alignment_shape(run("compare", str(SOURCE), str(OUTLET), "-f", "json").stdout)
    for path in (html_path, docx_path):
        r = run("compare", str(SOURCE), str(path), "-f", "json")
        assert r.exit_code == 0 and r.stderr == "", path
        assert alignment_shape(r.stdout) == plain, path.suffix


def test_format_override_reads_a_txt_as_html(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(outlet_as_html().replace("<!DOCTYPE html><html>", "<div>"), encoding="utf-8")
    as_html = run("compare", str(SOURCE), str(path), "-f", "json", "--outlet-format", "html")
    as_text = run("compare", str(SOURCE), str(path), "-f", "json", "--outlet-format", "text")
    assert alignment_shape(as_html.stdout) == alignment_shape(run("compare", str(SOURCE), str(OUTLET), "-f", "json").stdout)
    assert "<script>" in as_text.stdout  # read literally


# ---------------------------------------------------------------- outputs


def test_json_summary_is_on_stdout_only():
    r = run("compare", str(SOURCE), str(OUTLET), "--format", "json")
    assert r.exit_code == 0 and r.stderr == ""
    assert set(summary_of(r.stdout)) >= {"shared", "reworded", "outlet_only", "source_only", "reuse", "coverage"}


def test_jsonl_is_one_alignment_per_line():
    full = json.loads(run("compare", str(SOURCE), str(OUTLET), "-f", "json").stdout)
    r = run("compare", str(SOURCE), str(OUTLET), "-f", "jsonl")
    lines = r.stdout.splitlines()
    assert r.stdout.endswith("\n") and len(lines) == len(full["alignments"])
    assert [json.loads(line) for line in lines] == full["alignments"]


@pytest.mark.parametrize("fmt, start", [("markdown", "# natodiff: "), ("html", "<!DOCTYPE html>")])
def test_markdown_and_html_formats(fmt, start):
    r = run("compare", str(SOURCE), str(OUTLET), "-f", fmt)
    assert r.exit_code == 0 and r.stderr == "" and r.stdout.startswith(start)


def test_output_file_and_force(tmp_path):
    out = tmp_path / "report.html"
    r = run("compare", str(SOURCE), str(OUTLET), "-f", "html", "-o", str(out))
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = run("compare", str(SOURCE), str(OUTLET), "-f", "html", "-o", str(out))
    assert (again.exit_code, again.stdout) == (2, "")
    assert again.stderr == f"natodiff: error: {out}: file exists (use --force to overwrite)\n"
    assert run("compare", str(SOURCE), str(OUTLET), "-f", "html", "-o", str(out), "--force").exit_code == 0


def test_memo_is_not_written_when_the_report_cannot_be(tmp_path):
    report, memo = tmp_path / "report.txt", tmp_path / "memo.docx"
    report.write_text("keep me")
    r = run("compare", str(SOURCE), str(OUTLET), "-o", str(report), "--memo", str(memo))
    assert r.exit_code == 2 and "file exists" in r.stderr
    assert not memo.exists() and report.read_text() == "keep me"


# ---------------------------------------------------------------- colour and width


def test_no_colour_when_not_a_terminal():
    r = run("compare", str(SOURCE), str(OUTLET))
    assert not ANSI.search(r.stdout)
    assert "[-" in r.stdout and "{+" in r.stdout  # markers carry what colour would


def test_color_always_and_never():
    always = run("compare", str(SOURCE), str(OUTLET), "--color", "always", "--no-facts")
    assert ANSI.search(always.stdout)
    assert "{+" not in always.stdout
    never = run("compare", str(SOURCE), str(OUTLET), "--color", "never")
    assert not ANSI.search(never.stdout)


def test_no_color_env_is_honoured_and_color_always_overrides_it():
    assert not ANSI.search(run("compare", str(SOURCE), str(OUTLET), env={"NO_COLOR": "1"}).stdout)
    assert ANSI.search(run("compare", str(SOURCE), str(OUTLET), "--color", "always", env={"NO_COLOR": "1"}).stdout)


@pytest.mark.parametrize("width", [60, 80, 140])
def test_width_follows_columns(width):
    r = run("compare", str(SOURCE), str(OUTLET), "--color", "never", env={"COLUMNS": str(width)})
    lengths = [len(line) for line in r.stdout.splitlines()]
    assert max(lengths) <= width
    assert max(lengths) >= width - 10


def test_no_colour_in_a_written_file(tmp_path):
    out = tmp_path / "r.txt"
    run("compare", str(SOURCE), str(OUTLET), "--color", "always", "-o", str(out))
    assert not ANSI.search(out.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- exit codes


def test_exit_code_1_on_the_sample_pair():
    r = run("compare", str(SOURCE), str(OUTLET), "--exit-code", "-f", "json")
    assert r.exit_code == 1 and r.stderr == ""
    assert summary_of(r.stdout)["outlet_only"] > 0


def test_exit_code_0_for_a_text_against_itself():
    r = run("compare", str(SOURCE), str(SOURCE), "--exit-code", "-f", "json")
    assert r.exit_code == 0 and r.stderr == ""
    assert summary_of(r.stdout)["outlet_only"] == 0


@pytest.mark.parametrize("edit", [
    ("would not replace national plans", "would replace national plans"),  # a negation dropped
    ("3.5 per cent of GDP", "4.5 per cent of GDP"),  # a figure changed
])
def test_exit_code_1_on_a_flipped_negation_or_a_changed_figure(tmp_path, edit):
    source = ("Allies agreed to spend 3.5 per cent of GDP on core defence by 2035.\n\n"
              "The new target would not replace national plans, the Secretary General said.\n")
    (tmp_path / "s.txt").write_text(source)
    (tmp_path / "o.txt").write_text(source.replace(*edit))
    assert run("compare", str(tmp_path / "s.txt"), str(tmp_path / "s.txt"), "--exit-code").exit_code == 0
    assert run("compare", str(tmp_path / "s.txt"), str(tmp_path / "o.txt"), "--exit-code").exit_code == 1


@pytest.mark.parametrize("fmt, flag", [("text", "negation dropped"), ("markdown", "negation dropped"),
                                       ("html", "negation dropped"), ("json", '"negation": "dropped"')])
def test_every_report_flags_a_dropped_negation_on_its_item(tmp_path, fmt, flag):
    (tmp_path / "s.txt").write_text("Ministers met in Brussels.\n\n"
                                    "\"We did not agree with everything in the resolution,\" she said.\n")
    (tmp_path / "o.txt").write_text("Ministers met in Brussels.\n\n"
                                    "\"We did agree with everything in the resolution,\" she said.\n")
    r = run("compare", str(tmp_path / "s.txt"), str(tmp_path / "o.txt"), "-f", fmt)
    assert r.stdout.count(flag) == 1
    same = run("compare", str(tmp_path / "s.txt"), str(tmp_path / "s.txt"), "-f", fmt)
    assert "negation dropped" not in same.stdout and '"negation": "dropped"' not in same.stdout


def test_exit_code_0_when_a_negation_is_only_reworded(tmp_path):
    (tmp_path / "s.txt").write_text("NATO has no plans to deploy troops to Ukraine this year, officials said.\n")
    (tmp_path / "o.txt").write_text("NATO does not plan to deploy troops to Ukraine this year, officials said.\n")
    assert run("compare", str(tmp_path / "s.txt"), str(tmp_path / "o.txt"), "--exit-code").exit_code == 0


def test_without_exit_code_differences_still_exit_0():
    assert run("compare", str(SOURCE), str(OUTLET)).exit_code == 0


def test_quiet_prints_nothing():
    r = run("compare", str(SOURCE), str(OUTLET), "--quiet", "--exit-code")
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", "")
    r = run("compare", str(SOURCE), str(SOURCE), "-q", "--exit-code")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")


def test_a_bug_exits_2_not_1(monkeypatch):
    import sys

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(sys.modules["natodiff.api"], "compare", broken)
    r = run("compare", str(SOURCE), str(OUTLET), "--exit-code")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == "natodiff: internal error: RuntimeError: boom (run with --debug for the traceback)\n"
    debug = run("compare", str(SOURCE), str(OUTLET), "--debug", "--exit-code")
    assert (debug.exit_code, debug.stdout) == (2, "")
    assert debug.stderr.startswith("Traceback (most recent call last):\n")
    assert debug.stderr.endswith("RuntimeError: boom\n") and "natodiff: " not in debug.stderr


def test_debug_shows_the_traceback_of_a_user_error(tmp_path):
    missing = tmp_path / "missing.txt"
    plain = run("compare", str(SOURCE), str(missing))
    assert (plain.exit_code, plain.stderr) == (2, f"natodiff: error: {missing}: no such file\n")
    debug = run("compare", str(SOURCE), str(missing), "--debug")
    assert (debug.exit_code, debug.stdout) == (2, "")
    assert "FileNotFoundError" in debug.stderr  # the cause, then
    assert debug.stderr.endswith(f"natodiff.errors.InputError: {missing}: no such file\n")


# ---------------------------------------------------------------- batch


def make_outlets(tmp_path: Path, source_text: str, outlet_text: str) -> list[Path]:
    """Ten outlet files: the sample in five formats or encodings, cuts, shuffles, a copy, an unrelated text."""
    import random
    from html import escape

    d = tmp_path / "outlets"
    d.mkdir()
    lines = [line for line in outlet_text.splitlines() if line.strip()]
    shuffled = lines[:]
    random.Random(7).shuffle(shuffled)
    files = {
        "01-original.txt": outlet_text,
        "02-first-half.txt": "\n".join(lines[: len(lines) // 2]),
        "03-second-half.txt": "\n".join(lines[len(lines) // 2 :]),
        "04-shuffled.txt": "\n".join(shuffled),
        "05-copy-of-source.txt": source_text,
        "06-report.html": "<html><body>" + "".join(f"<p>{escape(x)}</p>" for x in lines) + "</body></html>",
        "08-report.md": "\n\n".join(lines),
        "10-unrelated.txt": "The city council approved a budget for road repairs.\nThe mayor welcomed it.\n",
    }
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "09-cp1252.txt").write_bytes(outlet_text.replace("'", "\u2019").encode("cp1252"))
    outlet_as_docx(d / "07-report.docx")
    return sorted(d.iterdir())


@pytest.fixture()
def outlets(tmp_path, source_text, outlet_text):
    return make_outlets(tmp_path, source_text, outlet_text)


def test_batch_table_one_row_per_outlet(outlets):
    glob = str(outlets[0].parent / "*")
    r = run("batch", str(SOURCE), glob, env={"COLUMNS": "160"})
    assert r.exit_code == 0
    assert r.stderr == f"natodiff: warning: {outlets[8]}: not valid UTF-8; read as Windows-1252\n"
    lines = r.stdout.splitlines()
    assert lines[0] == f"outlets against {SOURCE}"
    rows = [line for line in lines if re.match(r"\d\d-", line)]  # file names, not wrapped folders
    assert len(rows) == 10 and str(outlets[0].parent) not in r.stdout
    assert rows[0].startswith(outlets[4].name)  # the copy of the source: 100% reuse
    assert rows[-1].startswith(outlets[9].name)  # the unrelated text: 0%
    reuse = [int(re.search(r"\s(\d+)%", row).group(1)) for row in rows]
    assert reuse == sorted(reuse, reverse=True)


def test_batch_json_and_csv_parse_and_agree(outlets):
    args = ("batch", str(SOURCE), *map(str, outlets))
    as_json = run(*args, "--format", "json")
    as_csv = run(*args, "--format", "csv")
    assert as_json.exit_code == as_csv.exit_code == 0
    data = json.loads(as_json.stdout)
    records = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [o["name"] for o in data["outlets"]] == [r["name"] for r in records]
    assert len(records) == 10
    assert data["outlets"][0]["reuse"] == 1.0
    assert {o["name"] for o in data["outlets"]} == set(map(str, outlets))


def test_batch_jobs_give_the_same_result(outlets):
    args = ("batch", str(SOURCE), *map(str, outlets[:4]), "-f", "json")
    assert run(*args, "--jobs", "3").stdout == run(*args).stdout


def test_batch_unreadable_outlet_is_a_row_and_the_rest_run(outlets, tmp_path):
    missing = tmp_path / "missing.txt"
    r = run("batch", str(SOURCE), str(outlets[0]), str(missing), str(outlets[4]), "-f", "json")
    assert r.exit_code == 2
    assert r.stderr == f"natodiff: error: {missing}: no such file\n"
    data = json.loads(r.stdout)["outlets"]
    assert [o["name"] for o in data] == [str(outlets[4]), str(outlets[0]), str(missing)]
    assert data[-1]["error"] == "no such file" and data[-1]["reuse"] is None


def test_batch_exit_code(outlets):
    assert run("batch", str(SOURCE), str(outlets[4]), "--exit-code", "-q").exit_code == 0
    r = run("batch", str(SOURCE), str(outlets[4]), str(outlets[0]), "--exit-code", "-q")
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", "")


def test_batch_unreadable_source_is_an_error(outlets, tmp_path):
    r = run("batch", str(tmp_path / "nope.txt"), str(outlets[0]))
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", f"natodiff: error: {tmp_path / 'nope.txt'}: no such file\n")


def test_batch_outlet_from_stdin():
    r = run("batch", str(SOURCE), "-", "-f", "csv", input=OUTLET.read_bytes())
    assert r.exit_code == 0
    assert list(csv.DictReader(io.StringIO(r.stdout)))[0]["name"] == "<stdin>"
    assert run("batch", "-", "-", input="x").exit_code == 2


# ---------------------------------------------------------------- facts


def test_facts_lists_the_sample_sources_figures_names_and_quotes():
    r = run("facts", str(SOURCE), env={"COLUMNS": "120"})
    assert (r.exit_code, r.stderr) == (0, "")
    lines = r.stdout.splitlines()
    assert lines[0] == f"{SOURCE}  (26 facts, 7 quotations)"  # the centre is one name
    rows = {line.split("│")[1].strip(): line for line in lines if line.startswith("│")}
    for fact, kind, written in [("600 billion dollars", "money", "600 billion dollars"),
                                ("2%", "percent", "2%"),
                                ("10 billion dollars", "money", "$10 billion US dollars"),
                                ("1 million drones", "count", "one million drones"),
                                ("Steadfast Defender 24", "entity", "Steadfast Defender 24"),
                                ("Rustem Umerov", "entity", "Rustem Umerov")]:
        assert [cell.strip() for cell in rows[fact].split("│")[1:4]] == [fact, kind, written]
    assert "│ “historic progress”" in r.stdout
    assert r.stdout.count("Jens Stoltenberg │") >= 7 - 1  # every quotation is his (one cell may wrap)


def test_facts_json():
    r = run("facts", str(SOURCE), "-f", "json")
    assert (r.exit_code, r.stderr) == (0, "")
    data = json.loads(r.stdout)
    assert list(data) == ["schema", "document", "facts", "quotes"]
    assert data["schema"] == "natodiff.facts/1"
    assert data["document"] == {"name": str(SOURCE), "words": 439, "sentences": 21, "paragraphs": 11}
    facts = {f["text"]: f for f in data["facts"]}
    assert facts["600 billion dollars"] == {
        "type": "money", "text": "600 billion dollars", "value": 600000000000.0, "says": "600 billion dollars",
        "sentence": facts["600 billion dollars"]["sentence"]}
    assert "600 billion dollars for defence" in facts["600 billion dollars"]["sentence"]
    assert facts["2%"]["value"] == 2.0 and facts["18 Allies"]["value"] == 18
    assert facts["Steadfast Defender 24"]["type"] == "entity"
    assert facts["10 billion dollars"]["says"] == "$10 billion US dollars"
    quotes = data["quotes"]
    assert len(quotes) == 7 and {q["speaker"] for q in quotes} == {"Jens Stoltenberg"}
    assert quotes[0] == {"text": "historic progress", "speaker": "Jens Stoltenberg", "pull": False,
                         "sentence": quotes[0]["sentence"]}
    assert "historic progress" in quotes[0]["sentence"]


def test_facts_from_stdin_and_to_a_file(tmp_path):
    out = tmp_path / "facts.json"
    r = run("facts", "-", "-f", "json", "-o", str(out), input=OUTLET.read_bytes())
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["document"]["name"] == "<stdin>"
    assert {"$380 billion", "Bydgoszcz"} & {f["says"] for f in data["facts"]}
    again = run("facts", "-", "-o", str(out), input=OUTLET.read_bytes())
    assert (again.exit_code, again.stderr) == (2, f"natodiff: error: {out}: file exists (use --force to overwrite)\n")


def test_facts_of_a_text_without_any():
    r = run("facts", "-", input=b"the talks went on late into the night.\n")
    assert (r.exit_code, r.stdout, r.stderr) == (0, "<stdin>  (0 facts, 0 quotations)\n", "")


def test_facts_colour_and_input_format(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<p>NATO said 2% on <b>15 February 2024</b>.</p><p>More text here.</p>", encoding="utf-8")
    r = run("facts", str(page), "--input-format", "html", "-f", "json")
    assert [f["text"] for f in json.loads(r.stdout)["facts"]] == ["NATO", "2%", "15 February 2024"]
    assert ANSI.search(run("facts", str(SOURCE), "--color", "always").stdout)
    assert not ANSI.search(run("facts", str(SOURCE)).stdout)


def test_facts_help_has_an_example():
    r = run("facts", "--help")
    assert r.exit_code == 0 and "natodiff facts release.txt --format json" in r.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_lead_that_is_a_quotation_is_not_wrapped_in_a_second_pair_of_quotes(tmp_path, fmt):
    quote = "“We will continue to stand with Ukraine for as long as it takes,” Stoltenberg said."
    (tmp_path / "s.txt").write_text(f"NATO ministers met in Brussels on Thursday to discuss air defence.\n\n{quote}\n")
    (tmp_path / "o.txt").write_text(f"{quote[:-1]} on Thursday.\n\nThe weather in Madrid was cold and dry all week.\n")
    result = run("compare", str(tmp_path / "s.txt"), str(tmp_path / "o.txt"), "--format", fmt, "--no-facts")
    assert result.exit_code == 0, result.output
    lead = next(line for line in result.stdout.splitlines() if "leads with" in line)
    assert "S2 “We will continue" in lead
    assert "““" not in result.stdout and "””" not in result.stdout


# --- the input options every reading command shares (cli.reads) ----------------------------------

READERS = ["compare", "redline", "batch", "memo", "facts"]


def reader_args(command: str, source: Path, tmp_path: Path) -> list[str]:
    args = [str(source)] if command == "facts" else [str(source), str(OUTLET)]
    return args + (["-o", str(tmp_path / "out.docx")] if command in ("redline", "memo") else [])


@pytest.mark.parametrize("command", READERS)
def test_every_reading_command_parses_max_size_alike(command, tmp_path):
    r = run(command, *reader_args(command, SOURCE, tmp_path), "--max-size", "10x")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == (f"natodiff: error: Invalid value for --max-size: not a size: '10x' (try 50M) "
                        f"(see 'natodiff {command} --help')\n")
    small = run(command, *reader_args(command, SOURCE, tmp_path), "--max-size", "1K")
    assert small.exit_code == 2
    assert f"{SOURCE}: file is larger than the 1 KB limit (use --max-size)" in small.stderr


@pytest.mark.parametrize("command", READERS)
def test_every_reading_command_takes_strict_encoding_and_debug(command, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("NATO met in Brussels. Café talk.\n".encode("cp1252"))
    strict = run(command, *reader_args(command, latin, tmp_path), "--strict-encoding")
    assert (strict.exit_code, strict.stdout) == (2, "")
    assert strict.stderr == f"natodiff: error: {latin}: not valid UTF-8 (byte 0xe9 at offset 25)\n"
    debug = run(command, *reader_args(command, latin, tmp_path), "--strict-encoding", "--debug")
    assert debug.exit_code == 2
    assert debug.stderr.startswith("Traceback (most recent call last):\n")
    lenient = run(command, *reader_args(command, latin, tmp_path), "--force")
    assert f"natodiff: warning: {latin}: not valid UTF-8; read as Windows-1252\n" in lenient.stderr


@pytest.mark.parametrize("command, inputs", [("compare", ("source", "outlet")), ("facts", ("input",))])
def test_each_input_has_its_own_format_option(command, inputs):
    shown = run(command, "--help").stdout
    for name in inputs:
        assert f"--{name}-format" in shown
    assert ("--input-format" in shown) == (command == "facts")


@pytest.mark.parametrize("args", [["facts", str(SOURCE), "--format", "json"],
                                  ["batch", str(SOURCE), str(OUTLET), "--matrix", "--format", "json"],
                                  ["compare", str(SOURCE), str(OUTLET), "--format", "json"]])
def test_reports_are_utf8_whatever_stdout_encodes(args):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    r = subprocess.run([sys.executable, "-m", "natodiff", *args], capture_output=True, env=env, timeout=120)
    assert (r.returncode, r.stderr) == (0, b"")
    assert "Alliance’s".encode("utf-8") in r.stdout


@pytest.mark.parametrize("args", [["redline", "-o"], ["memo", "-o"], ["compare", "-o"], ["compare", "-q", "--memo"]])
def test_an_existing_output_is_refused_before_the_comparison(args, tmp_path, monkeypatch):
    import natodiff.api

    def never(*a, **k):
        raise AssertionError("compared before the output was checked")

    monkeypatch.setattr(natodiff.api, "compare_documents", never)
    taken = tmp_path / "taken.docx"
    taken.write_text("keep me")
    r = run(args[0], str(SOURCE), str(OUTLET), *args[1:], str(taken))
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == f"natodiff: error: {taken}: file exists (use --force to overwrite)\n"
    assert taken.read_text() == "keep me"
