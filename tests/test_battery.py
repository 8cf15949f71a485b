"""The bad-input battery: what a user sees for every kind of wrong input.

Each bad input gives exactly one line on stderr, ``natodiff: error: <file>:
<problem>``, exit status 2, nothing on stdout and no traceback, whichever
command reads it. The installed command is run for real (its processes run
side by side, started once for the module, so the battery stays a few
seconds long); CliRunner repeats the whole matrix for every command.
"""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import OUTLET, SOURCE
from test_cli import run
from test_e2e import NATODIFF, natodiff

COMMANDS = ("compare", "memo", "redline", "batch", "facts")
DIRECTORY = object()  # a Bad whose path is a directory


@dataclass(frozen=True)
class Bad:
    file: str
    content: bytes | None | object  # None: the file does not exist
    problem: str
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    shown: str | None = None  # the name as the message shows it, when not as given


PDF = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Length 12 /Filter /FlateDecode >>\nstream\nx\x9c\x00\xff\x10\nendstream\nendobj\n%%EOF\n")
HTML_SOUP = (b"<html><head><title></title><script>var p = '<p>not text</p>';</script><style>p{}</style>"
             b"</head><body><div><span><p></div></span><nav>Home | World</nav><!-- comment --><form>"
             b"<button>Subscribe</button></form></table></body>")

BAD = {
    "missing": Bad("missing.txt", None, "no such file"),
    "directory": Bad("folder.txt", DIRECTORY, "is a directory"),
    "empty": Bad("empty.txt", b"", "empty file"),
    "whitespace": Bad("blank.txt", b"  \n\t\r\n \xc2\xa0 \n\n", "no text (only whitespace)"),
    "nul-bytes": Bad("binary.txt", b"NATO defence \x00\x00\x01\x02\xff\xfe spending", "binary file, not text"),
    "pdf": Bad("report.pdf", PDF, "a PDF file; save it as text first"),
    "pdf-named-txt": Bad("story.txt", PDF, "a PDF file; save it as text first"),
    "undecodable-strict": Bad("latin.txt", "Défense : 2 % du PIB.".encode("cp1252"),
                              "not valid UTF-8 (byte 0xe9 at offset 1)", args=("--strict-encoding",)),
    "too-large": Bad("big.txt", b"NATO met. " * 200, "file is larger than the 1 KB limit (use --max-size)",
                     args=("--max-size", "1K")),
    "too-large-env": Bad("big.txt", b"NATO met. " * 300, "file is larger than the 2 KB limit (use --max-size)",
                         env={"NATODIFF_MAX_SIZE": "2K"}),
    "html-soup": Bad("page.html", HTML_SOUP, "no text after removing markup"),
    "control-characters": Bad("noise.txt", b"\x1b[31m\x1b[0m\x07\x08\x1b]0;title\x07\x01\x02\x03\n",
                              "mostly control characters, not article text"),
    "brackets": Bad("brackets.txt", b"[[ ]] [/] [] {} (( )) <> --- ***\n[/]\n",
                    "no words (only punctuation and symbols)"),
    "brackets-and-escapes": Bad("esc.txt", b"[/] \x1b[1m[[ ]]\x1b[0m {} ...\n",
                                "no words (only punctuation and symbols)"),
    "name-with-newline-and-escape": Bad("evil\n\x1b[31mname.txt", None, "no such file",
                                        shown="evil\\n\\x1b[31mname.txt"),
}

# The installed command (about 0.5 s a process, most of it typer's start-up):
# each kind of problem with compare, one with each other command. They share
# one reading funnel; CliRunner covers every command with every case below.
SUBPROCESS = [
    ("compare", case) for case in BAD if case not in ("pdf-named-txt", "too-large", "brackets-and-escapes")
] + [("memo", "pdf"), ("redline", "directory"), ("batch", "too-large-env"), ("facts", "undecodable-strict")]


def make(tmp: Path, bad: Bad) -> Path:
    path = tmp / bad.file
    if bad.content is DIRECTORY:
        path.mkdir()
    elif bad.content is not None:
        path.write_bytes(bad.content)
    return path


def argv(command: str, bad: Path, out: Path, partner: Path) -> list[str]:
    """The bad file where each command reads text; a good partner where it needs one."""
    return {
        "compare": ["compare", str(partner), str(bad)],
        "memo": ["memo", str(partner), str(bad), "-o", str(out / "memo.docx")],
        "redline": ["redline", str(partner), str(bad), "-o", str(out / "redline.docx")],
        "batch": ["batch", str(bad), str(partner)],
        "facts": ["facts", str(bad)],
    }[command]


def good(tmp: Path) -> Path:
    """A short, good text: under every size limit used here."""
    path = tmp / "partner.txt"
    path.write_text("NATO defence ministers met in Brussels on Thursday.\n", encoding="utf-8")
    return path


def expected(bad: Bad, path: Path) -> str:
    shown = str(path.parent / bad.shown) if bad.shown else str(path)
    return f"natodiff: error: {shown}: {bad.problem}\n"


def parallel(calls: dict) -> dict:
    """Run independent subprocesses side by side: {key: (args, kwargs)} -> {key: CompletedProcess}."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {key: pool.submit(natodiff, *args, **kwargs) for key, (args, kwargs) in calls.items()}
        return {key: f.result() for key, f in futures.items()}


@pytest.fixture(scope="module")
def battery(tmp_path_factory):
    """Every subprocess case, run once: {(command, case): (result, expected stderr, output dir)}."""
    if not NATODIFF.exists():
        pytest.skip(f"natodiff is not installed next to the running python")
    calls, expect, outs = {}, {}, {}
    for command, case in SUBPROCESS:
        tmp = tmp_path_factory.mktemp(f"{command}-{case}")
        out = tmp / "out"
        out.mkdir()
        path = make(tmp, BAD[case])
        calls[command, case] = (argv(command, path, out, good(tmp)) + list(BAD[case].args), BAD[case].env)
        expect[command, case] = expected(BAD[case], path)
        outs[command, case] = out
    results = parallel({key: (args, env) for key, (args, env) in calls.items()})
    return {key: (results[key], expect[key], outs[key]) for key in calls}


def assert_one_line_error(stdout: bytes | str, stderr: bytes | str, status: int, line: str) -> None:
    if isinstance(stderr, bytes):
        stdout, stderr = stdout.decode(), stderr.decode()
    assert "Traceback" not in stderr
    assert (status, stdout, stderr) == (2, "", line)


@pytest.mark.parametrize("command, case", SUBPROCESS, ids=[f"{c}-{k}" for c, k in SUBPROCESS])
def test_installed_command(battery, command, case):
    result, line, out = battery[command, case]
    assert_one_line_error(result.stdout, result.stderr, result.returncode, line)
    assert list(out.iterdir()) == []  # no memo, no temp file


@pytest.mark.parametrize("case", BAD)
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_in_process(tmp_path, command, case):
    bad = BAD[case]
    out = tmp_path / "out"
    out.mkdir()
    path = make(tmp_path, bad)
    r = run(*argv(command, path, out, good(tmp_path)), *bad.args, env=bad.env)
    assert_one_line_error(r.stdout, r.stderr, r.exit_code, expected(bad, path))
    assert list(out.iterdir()) == []


# ---------------------------------------------------------------- the rest, in real processes


@pytest.fixture(scope="module")
def others(tmp_path_factory):
    """The remaining cases, also run side by side once."""
    if not NATODIFF.exists():
        pytest.skip(f"natodiff is not installed next to the running python")
    tmp = tmp_path_factory.mktemp("others")
    missing = tmp / "no" / "such" / "dir"
    calls = {
        "twice-compare": (["compare", str(OUTLET), str(OUTLET), "-f", "json"], {}),
        "format-compare": (unknown_format("compare"), {}),
        "format-facts": (unknown_format("facts"), {}),
        "output-compare": (missing_directory("compare", missing), {}),
        "output-memo": (missing_directory("memo", missing), {}),
    }
    return parallel(calls), missing


def unknown_format(command: str) -> list[str]:
    return [command, str(SOURCE), *([str(OUTLET)] if command != "facts" else []), "--format", "pdf"]


def missing_directory(command: str, missing: Path) -> list[str]:
    extra = ["-o", str(missing / "report.txt")] if command in ("compare", "batch", "facts") else []
    return argv(command, OUTLET, missing, OUTLET) + extra


def missing_target(command: str, missing: Path) -> Path:
    return missing / {"memo": "memo.docx", "redline": "redline.docx"}.get(command, "report.txt")


def test_the_same_path_twice_is_allowed(others):
    r = others[0]["twice-compare"]
    assert (r.returncode, r.stderr) == (0, b"")
    summary = json.loads(r.stdout)["summary"]
    assert summary["outlet_only"] == summary["source_only"] == 0 and summary["shared"] > 0


@pytest.mark.parametrize("command", ["memo", "redline", "batch"])
def test_the_same_path_twice_in_process(tmp_path, command):
    r = run(*argv(command, OUTLET, tmp_path, OUTLET))
    assert (r.exit_code, r.stderr) == (0, "")
    if command == "batch":
        assert re.search(r"100%\s+100%", r.stdout)  # one row: full reuse and coverage
    else:
        assert r.stdout == "" and (tmp_path / f"{command}.docx").stat().st_size > 0


def assert_unknown_format(status: int, stdout: str, stderr: str, command: str) -> None:
    assert status == 2 and stdout == "" and "Traceback" not in stderr
    assert stderr.count("\n") == 1
    assert stderr.startswith("natodiff: error: Invalid value for '--format' / '-f': 'pdf' is not one of 'text', 'json'")
    assert stderr.endswith(f" (see 'natodiff {command} --help')\n")


@pytest.mark.parametrize("command", ["compare", "facts"])
def test_an_unknown_format(others, command):
    r = others[0][f"format-{command}"]
    assert_unknown_format(r.returncode, r.stdout.decode(), r.stderr.decode(), command)


@pytest.mark.parametrize("command", ["compare", "batch", "facts"])
def test_an_unknown_format_in_process(command):
    r = run(*unknown_format(command))
    assert_unknown_format(r.exit_code, r.stdout, r.stderr, command)


@pytest.mark.parametrize("command", ["memo", "redline"])
def test_memo_and_redline_have_no_format_option(command):
    r = run(command, str(SOURCE), str(OUTLET), "-o", "x.docx", "--format", "pdf")
    assert (r.exit_code, r.stdout) == (2, "")
    # click words it differently from version to version; the option and the fix are what matter
    assert r.stderr.startswith("natodiff: error: No such option") and "--format" in r.stderr
    assert r.stderr.endswith(f"(see 'natodiff {command} --help')\n") and r.stderr.count("\n") == 1


@pytest.mark.parametrize("command", ["compare", "memo"])
def test_an_output_in_a_missing_directory(others, command):
    results, missing = others
    r = results[f"output-{command}"]
    assert_one_line_error(r.stdout, r.stderr, r.returncode,
                          f"natodiff: error: {missing_target(command, missing)}: directory does not exist\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_output_in_a_missing_directory_in_process(tmp_path, command):
    missing = tmp_path / "no" / "such" / "dir"
    r = run(*missing_directory(command, missing))
    assert_one_line_error(r.stdout, r.stderr, r.exit_code,
                          f"natodiff: error: {missing_target(command, missing)}: directory does not exist\n")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
@pytest.mark.parametrize("command", COMMANDS)
def test_an_unreadable_file(tmp_path, command):
    path = tmp_path / "secret.txt"
    path.write_text("NATO met in Brussels.\n")
    path.chmod(0)
    try:
        r = natodiff(*argv(command, path, tmp_path, good(tmp_path)))
    finally:
        path.chmod(0o600)
    assert_one_line_error(r.stdout, r.stderr, r.returncode, f"natodiff: error: {path}: permission denied\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unreadable_file_even_as_root(tmp_path, monkeypatch, command):
    """The same message when the OS says no, whoever runs the tests."""
    from natodiff import inputs

    real_open = open

    def deny(file, *args, **kwargs):
        if str(file).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", deny, raising=False)
    path = tmp_path / "secret.txt"
    path.write_text("NATO met in Brussels.\n")
    out = tmp_path / "out"
    out.mkdir()
    r = run(*argv(command, path, out, good(tmp_path)))
    assert_one_line_error(r.stdout, r.stderr, r.exit_code, f"natodiff: error: {path}: permission denied\n")


def test_a_bad_outlet_in_batch_is_a_row_and_one_line(tmp_path):
    pdf = make(tmp_path, BAD["pdf"])
    r = run("batch", str(SOURCE), str(OUTLET), str(pdf), "-f", "json")
    assert r.exit_code == 2
    assert r.stderr == f"natodiff: error: {pdf}: a PDF file; save it as text first\n"
    rows = {o["name"]: o for o in json.loads(r.stdout)["outlets"]}
    assert rows[str(pdf)]["error"] == "a PDF file; save it as text first"
    assert rows[str(OUTLET)]["reuse"] > 0


def test_strict_encoding_is_off_by_default(tmp_path):
    path = make(tmp_path, BAD["undecodable-strict"])
    r = run("facts", str(path), "-f", "json")
    assert r.exit_code == 0
    assert r.stderr == f"natodiff: warning: {path}: not valid UTF-8; read as Windows-1252\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_strict_encoding_is_in_every_commands_help(command):
    r = run(command, "--help", env={"COLUMNS": "200"})
    assert "--strict-encoding" in r.stdout and "not valid UTF-8" in r.stdout
