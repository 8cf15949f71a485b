"""End to end through the installed ``natodiff`` command, in real processes.

CliRunner fakes the streams; these tests do not: pipes, a pseudo-terminal
for the colour decision, real exit statuses, real environment variables.
The command is looked up next to the running Python (CI installs the
package into a venv and runs pytest with that venv's python).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import OUTLET, SOURCE

NATODIFF = Path(sys.executable).parent / ("natodiff.exe" if os.name == "nt" else "natodiff")
ANSI = re.compile(rb"\x1b\[[0-9;]*m")

pytestmark = pytest.mark.skipif(
    not NATODIFF.exists(), reason=f"natodiff is not installed next to {sys.executable} (pip install -e .)"
)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without anything that would decide colour or width for us."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM", "CLICOLOR_FORCE", "TTY_COMPATIBLE")}
    env["TERM"] = "xterm-256color"
    env.update(extra)
    return env


def natodiff(*args: str, input: bytes | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(NATODIFF), *args], input=input, capture_output=True, env=clean_env(**env),
                          timeout=120)


def on_a_tty(*args: str, columns: int = 100, **env: str) -> tuple[int, bytes]:
    """Run with stdin, stdout and stderr on a pseudo-terminal; (status, everything it printed)."""
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    proc = subprocess.Popen([str(NATODIFF), *args], stdin=slave, stdout=slave, stderr=slave,
                            env=clean_env(**env), close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks)


# ---------------------------------------------------------------- stdin and pipes


def test_outlet_on_stdin_json_summary():
    r = natodiff("compare", str(SOURCE), "-", "--format", "json", input=OUTLET.read_bytes())
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    data = json.loads(r.stdout)
    assert data["outlet"]["name"] == "<stdin>"
    by_path = json.loads(natodiff("compare", str(SOURCE), str(OUTLET), "-f", "json").stdout)
    assert data["summary"] == by_path["summary"]


@pytest.mark.skipif(not shutil.which("jq") or not shutil.which("sh"), reason="needs sh and jq")
def test_the_documented_pipeline_with_jq():
    r = subprocess.run(f'cat "{OUTLET}" | "{NATODIFF}" compare "{SOURCE}" - --format json | jq -c .summary',
                       shell=True, capture_output=True, env=clean_env(), timeout=120)
    assert r.returncode == 0 and r.stderr == b""
    summary = json.loads(r.stdout)
    assert summary["outlet_only"] > 0 and 0 < summary["reuse"] < 1


@pytest.mark.skipif(not shutil.which("jq"), reason="needs jq")
def test_jsonl_streams_into_jq():
    lines = natodiff("compare", str(SOURCE), str(OUTLET), "-f", "jsonl").stdout
    r = subprocess.run(["jq", "-c", "select(.kind == \"outlet_only\") | .id"], input=lines, capture_output=True)
    assert r.returncode == 0 and r.stdout.strip()


def test_closed_pipe_is_not_an_error():
    if not shutil.which("sh") or not shutil.which("head"):
        pytest.skip("needs sh and head")
    r = subprocess.run(f'"{NATODIFF}" compare "{SOURCE}" "{OUTLET}" -f jsonl | head -n 1; exit ${{PIPESTATUS[0]:-0}}',
                       shell=True, executable=shutil.which("bash") or shutil.which("sh"), capture_output=True,
                       env=clean_env(), timeout=120)
    assert r.stderr == b""
    assert len(r.stdout.splitlines()) == 1


# ---------------------------------------------------------------- exit codes


def test_exit_code_1_on_the_sample_pair():
    r = natodiff("compare", str(SOURCE), str(OUTLET), "--exit-code", "--quiet")
    assert (r.returncode, r.stdout, r.stderr) == (1, b"", b"")


def test_exit_code_0_for_a_text_against_itself():
    r = natodiff("compare", str(SOURCE), str(SOURCE), "--exit-code", "--quiet")
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")


def test_differences_without_exit_code_exit_0():
    assert natodiff("compare", str(SOURCE), str(OUTLET), "-q").returncode == 0


def test_unreadable_input_exits_2_with_one_line(tmp_path):
    missing = tmp_path / "missing.txt"
    r = natodiff("compare", str(SOURCE), str(missing), "--exit-code")
    assert (r.returncode, r.stdout) == (2, b"")
    assert r.stderr == f"natodiff: error: {missing}: no such file\n".encode()


def test_bad_arguments_exit_2():
    r = natodiff("compare", str(SOURCE))
    assert r.returncode == 2 and r.stdout == b"" and b"Missing argument" in r.stderr
    assert natodiff("compare", str(SOURCE), str(OUTLET), "--color", "purple").returncode == 2


def test_version():
    r = natodiff("--version")
    assert (r.returncode, r.stdout, r.stderr) == (0, b"natodiff 0.1.0\n", b"")


def test_python_dash_m_works_too():
    r = subprocess.run([sys.executable, "-m", "natodiff", "--version"], capture_output=True, env=clean_env())
    assert r.returncode == 0 and r.stdout == b"natodiff 0.1.0\n"


# ---------------------------------------------------------------- colour: the TTY decision


def test_colour_on_a_terminal():
    status, out = on_a_tty("compare", str(SOURCE), str(OUTLET), "--no-facts")
    assert status == 0
    assert ANSI.search(out)
    assert b"{+" not in out.split(b"legend:")[0]  # colour replaces the markers in the report


def test_no_colour_in_a_pipe():
    r = natodiff("compare", str(SOURCE), str(OUTLET))
    assert r.returncode == 0 and not ANSI.search(r.stdout)
    assert b"{+" in r.stdout


def test_no_color_env_on_a_terminal():
    status, out = on_a_tty("compare", str(SOURCE), str(OUTLET), NO_COLOR="1")
    assert status == 0 and not ANSI.search(out)


def test_color_flag_overrides_both():
    assert ANSI.search(natodiff("compare", str(SOURCE), str(OUTLET), "--color", "always").stdout)
    status, out = on_a_tty("compare", str(SOURCE), str(OUTLET), "--color", "never")
    assert not ANSI.search(out)


@pytest.mark.parametrize("columns", [72, 130])
def test_width_follows_the_terminal(columns):
    status, out = on_a_tty("compare", str(SOURCE), str(OUTLET), "--color", "never", columns=columns)
    widths = [len(line) for line in out.decode().replace("\r\n", "\n").split("\n")]
    assert columns - 10 <= max(widths) <= columns


def test_width_in_a_pipe_follows_columns():
    r = natodiff("compare", str(SOURCE), str(OUTLET), COLUMNS="70")
    assert max(len(line) for line in r.stdout.decode().splitlines()) <= 70


# ---------------------------------------------------------------- batch


@pytest.fixture()
def ten(tmp_path, source_text, outlet_text):
    from test_cli import make_outlets

    return make_outlets(tmp_path, source_text, outlet_text)


def test_batch_csv_and_json_parse(ten):
    glob = str(ten[0].parent / "*")
    as_csv = natodiff("batch", str(SOURCE), glob, "--format", "csv", "--jobs", "2")
    assert as_csv.returncode == 0
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout.decode())))
    assert len(rows) == 10
    as_json = natodiff("batch", str(SOURCE), glob, "--format", "json")
    assert [o["name"] for o in json.loads(as_json.stdout)["outlets"]] == [r["name"] for r in rows]
    # In a pipe: the cp1252 warning and no progress bar.
    assert as_json.stderr == f"natodiff: warning: {ten[8]}: not valid UTF-8; read as Windows-1252\n".encode()


def test_batch_progress_bar_only_on_a_terminal(ten):
    status, out = on_a_tty("batch", str(SOURCE), *map(str, ten), "--jobs", "2", columns=160)
    assert status == 0
    assert b"comparing" in out  # the bar (transient: drawn, then cleared)
    assert b"outlets against" in out
    piped = natodiff("batch", str(SOURCE), *map(str, ten[:2]))
    assert b"comparing" not in piped.stderr and b"\x1b" not in piped.stderr


def test_batch_unreadable_outlet(ten, tmp_path):
    missing = tmp_path / "missing.txt"
    r = natodiff("batch", str(SOURCE), str(ten[0]), str(missing), "-f", "json")
    assert r.returncode == 2
    assert r.stderr == f"natodiff: error: {missing}: no such file\n".encode()
    outlets = json.loads(r.stdout)["outlets"]
    assert outlets[0]["reuse"] is not None and outlets[1]["error"] == "no such file"


# ---------------------------------------------------------------- --debug


def test_debug_shows_the_traceback_of_a_user_error(tmp_path):
    missing = tmp_path / "missing.txt"
    r = natodiff("compare", str(SOURCE), str(missing), "--debug")
    assert (r.returncode, r.stdout) == (2, b"")
    assert r.stderr.startswith(b"Traceback (most recent call last):\n")
    assert r.stderr.endswith(f"natodiff.errors.InputError: {missing}: no such file\n".encode())


# natodiff with a bug planted in the core, as a real process.
A_BUG = """
import sys
import natodiff.api

def broken(*args, **kwargs):
    raise RuntimeError("boom")

natodiff.api.compare = broken
from natodiff.cli import main
sys.argv[0] = "natodiff"
main()
"""


@pytest.mark.parametrize("debug", [False, True], ids=["one-line", "debug"])
def test_a_bug_in_a_real_process(debug):
    r = subprocess.run([sys.executable, "-c", A_BUG, "compare", str(SOURCE), str(OUTLET), "--exit-code",
                        *(["--debug"] if debug else [])], capture_output=True, env=clean_env(), timeout=120)
    assert (r.returncode, r.stdout) == (2, b"")
    if debug:
        assert r.stderr.startswith(b"Traceback (most recent call last):\n")
        assert b'File "<string>", line 6, in broken\nRuntimeError: boom\n' in r.stderr
    else:
        assert r.stderr == b"natodiff: internal error: RuntimeError: boom (run with --debug for the traceback)\n"


# ---------------------------------------------------------------- facts


def test_facts_json_from_stdin():
    r = natodiff("facts", "-", "--format", "json", input=SOURCE.read_bytes())
    assert (r.returncode, r.stderr) == (0, b"")
    data = json.loads(r.stdout)
    assert data["schema"] == "natodiff.facts/1" and data["document"]["name"] == "<stdin>"
    assert {"600 billion dollars", "2%", "Steadfast Defender 24"} <= {f["text"] for f in data["facts"]}
    assert "Jens Stoltenberg" in {q["speaker"] for q in data["quotes"]}


def test_identical_bytes_across_hash_seeds():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(natodiff, "compare", str(SOURCE), str(OUTLET), "-f", "json", PYTHONHASHSEED=seed)
                for seed in ("0", "4242")]
        first, second = (f.result() for f in runs)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
