"""Issue 22: inputs and invocations that once ended in an "internal error", a
wrong reading or a silently lost file. Each test failed on the code before
the fix; slowness on long inputs is tested in tests/test_adversarial.py.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from datetime import datetime, timezone

import pytest

from conftest import OUTLET, SOURCE
from natodiff.load import decode, load
from natodiff.errors import InputError
from natodiff.render import memo, redline
from test_cli import run
from test_e2e import NATODIFF, clean_env

PAIR = (str(SOURCE), str(OUTLET))


def one_line_error(r) -> str:
    assert r.exit_code == 2, (r.exit_code, r.stderr)
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("natodiff: error: "), r.stderr
    return r.stderr


# --- options -------------------------------------------------------------------------


def test_threshold_nan_is_a_usage_error():
    assert "--threshold" in one_line_error(run("compare", *PAIR, "--threshold", "nan", "-f", "json"))


@pytest.mark.parametrize("size", ["inf", "-inf", "nan", "1e30G", "1e400"])
def test_a_max_size_that_is_no_number_or_overflows_is_a_usage_error(size):
    message = one_line_error(run("compare", *PAIR, "--max-size", size))
    assert "--max-size" in message and "internal error" not in message


def test_ordinary_sizes_still_parse():
    from natodiff.inputs import parse_size

    assert [parse_size(v) for v in ("50M", "2g", "1.5K", "4096", "1T")] == [
        50 * 1024**2, 2 * 1024**3, 1536, 4096, 1024**4]


# --- decoding ------------------------------------------------------------------------


def test_utf8_with_a_run_of_bad_bytes_stays_utf8():
    data = "\u201cWe will defend,\u201d he said\u2026".encode() + b" \xff\xfe\xfd"
    text, encoding, warnings = decode(data, "a.txt")
    assert encoding == "utf-8"
    assert text.startswith("\u201cWe will defend,\u201d")
    assert warnings == ["not valid UTF-8: 3 bad bytes replaced with U+FFFD"]


def test_windows_1252_with_one_accidental_utf8_pair_stays_windows_1252():
    data = "caf\u00e9, na\u00efve, r\u00e9sum\u00e9, \u00c3\u00a9t\u00e9 d\u00e9j\u00e0".encode("cp1252")
    assert decode(data, "a.txt")[1] == "cp1252"


def test_utf16_without_a_bom_is_named():
    with pytest.raises(InputError, match=r"UTF-16 without a byte-order mark\?"):
        load("NATO ministers met in Brussels.".encode("utf-16-le"), "a.txt")


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "undefined", "no-such-charset"])
def test_a_meta_charset_that_is_no_page_encoding_is_ignored_with_a_warning(tmp_path, charset):
    page = tmp_path / "page.html"
    page.write_bytes(f'<html><head><meta charset="{charset}"></head><body><p>Caf'.encode()
                     + b"\xe9 ministers met in Brussels.</p></body></html>")
    r = run("facts", str(page))
    assert r.exit_code == 0, r.stderr
    assert f'ignored <meta charset="{charset}">' in r.stderr
    assert "internal error" not in r.stderr


# --- outputs ------------------------------------------------------------------------


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_memo_and_output_on_the_same_path_are_refused_before_anything_is_written(tmp_path, force):
    target = tmp_path / "both.out"
    r = run("compare", *PAIR, "--memo", str(target), "-o", str(tmp_path / "." / "both.out"), *force)
    assert "--memo and --output name the same file" in one_line_error(r)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", [False, True])
def test_when_the_report_cannot_be_written_the_memo_is_not_written_either(tmp_path, monkeypatch, existing):
    """The disk fills up while the report is written, after the memo: neither file changes."""
    import errno

    memo_path, report_path = tmp_path / "memo.docx", tmp_path / "report.json"
    if existing:
        memo_path.write_bytes(b"old memo")
        report_path.write_text("old report")
    real_fsync, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 2:  # the second file written: the report
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    r = run("compare", *PAIR, "--memo", str(memo_path), "-o", str(report_path), "-f", "json", "--force")
    assert "report.json: no space left on device" in one_line_error(r).lower()
    if existing:
        assert memo_path.read_bytes() == b"old memo" and report_path.read_text() == "old report"
    else:
        assert not memo_path.exists() and not report_path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["memo.docx", "report.json"] if existing else [])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_when_a_special_output_fails_the_memo_is_not_written_either(tmp_path):
    memo_path = tmp_path / "memo.docx"
    r = run("compare", *PAIR, "--memo", str(memo_path), "-o", "/dev/full", "-f", "json")
    assert "/dev/full: no space left on device" in one_line_error(r)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_an_output_in_a_directory_that_takes_no_files_says_so():
    assert one_line_error(run("compare", *PAIR, "-o", "/proc/x")) == (
        "natodiff: error: /proc/x: cannot create a file in /proc\n")


@pytest.mark.parametrize("write", ["memo", "redline"])
def test_docx_zip_entries_carry_a_fixed_time(sample, write):
    when = datetime(2024, 2, 16, tzinfo=timezone.utc)
    data = memo.render(sample, created=when) if write == "memo" else redline.render(sample, date=when)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    again = memo.render(sample, created=when) if write == "memo" else redline.render(sample, date=when)
    assert again == data


# --- streams and the environment, in a real process ----------------------------------

needs_natodiff = pytest.mark.skipif(not NATODIFF.exists(), reason="natodiff is not installed")


def shell(command: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=60,
                          env=clean_env(NATODIFF=str(NATODIFF), SOURCE=str(SOURCE), OUTLET=str(OUTLET), **env))


@needs_natodiff
@pytest.mark.parametrize("command, message", [
    ('"$NATODIFF" compare "$SOURCE" "$OUTLET" >&-', "<stdout>: standard output is closed"),
    ('"$NATODIFF" compare "$SOURCE" "$OUTLET" -f json >&-', "<stdout>: standard output is closed"),
    ('"$NATODIFF" redline "$SOURCE" "$OUTLET" -o - >&-', "<stdout>: standard output is closed"),
    ('"$NATODIFF" compare - "$OUTLET" <&-', "<stdin>: standard input is closed"),
    pytest.param('"$NATODIFF" compare "$SOURCE" "$OUTLET" > /dev/full', "<stdout>: no space left on device",
                 marks=pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")),
    pytest.param('"$NATODIFF" redline "$SOURCE" "$OUTLET" -o - > /dev/full', "<stdout>: no space left on device",
                 marks=pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")),
], ids=["closed", "closed-json", "closed-docx", "stdin-closed", "full", "full-docx"])
def test_a_closed_or_full_stream_is_one_line_naming_it(command, message):
    r = shell(command)
    assert (r.returncode, r.stderr) == (2, f"natodiff: error: {message}\n")


@needs_natodiff
def test_a_source_date_epoch_past_the_year_9999_is_one_line(tmp_path):
    r = shell(f'"$NATODIFF" redline "$SOURCE" "$OUTLET" -o {tmp_path / "r.docx"}',
              SOURCE_DATE_EPOCH="99999999999999999")
    assert (r.returncode, r.stderr) == (
        2, "natodiff: error: SOURCE_DATE_EPOCH: not a time this system can show: 99999999999999999\n")
    assert list(tmp_path.iterdir()) == []


# --- dependencies -------------------------------------------------------------------


def test_click_is_bounded_below_9_and_the_installed_one_fits():
    import tomllib
    from importlib.metadata import version

    from conftest import ROOT

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    click = [d for d in deps if d.replace(" ", "").startswith("click")]
    assert click == ["click>=8.1,<9"], deps
    assert 8 <= int(version("click").split(".")[0]) < 9


# --- .docx: --max-size bounds the archive unpacked ------------------------------------

PARAGRAPH = b"<w:p><w:r><w:t>NATO ministers met in Brussels on Thursday to discuss support.</w:t></w:r></w:p>"


def docx_bomb(repeats: int, *, understate: bool = False) -> bytes:
    """A small .docx whose document.xml holds one paragraph ``repeats`` times;
    with ``understate``, the zip's index says that member is 1000 bytes."""
    import struct

    import docx

    document = docx.Document()
    document.add_paragraph("Start.")
    base, out = io.BytesIO(), io.BytesIO()
    document.save(base)
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + PARAGRAPH * repeats, 1)
            target.writestr(info.filename, data)
    data = out.getvalue()
    if understate:  # the central directory's "uncompressed size" of word/document.xml
        at = data.index(b"PK\x01\x02")
        while data[at + 46:at + 46 + struct.unpack("<H", data[at + 28:at + 30])[0]] != b"word/document.xml":
            at = data.index(b"PK\x01\x02", at + 4)
        data = data[:at + 24] + struct.pack("<I", 1000) + data[at + 28:]
    return data


def test_a_small_docx_that_unpacks_past_max_size_is_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bomb(20_000))  # 2 MB of XML in about 10 KB
    assert bomb.stat().st_size < 64 * 1024
    r = run("compare", str(SOURCE), str(bomb), "--max-size", "512K")
    assert one_line_error(r) == (f"natodiff: error: {bomb}: not a readable .docx file "
                                 "(larger than the 512 KB limit when unpacked; use --max-size)\n")


def test_a_docx_within_max_size_is_read():
    assert load(docx_bomb(100), "a.docx", max_size=2**20).text.count("NATO ministers") == 100


def test_a_docx_whose_index_understates_a_member_is_refused_without_unpacking_it():
    import tracemalloc

    bomb = docx_bomb(300_000, understate=True)  # 29 MB of XML, said to be 1000 bytes
    limit = 256 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="not a readable .docx file"):
            load(bomb, "a.docx", max_size=limit)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * limit, f"peak {peak / 2**20:.1f} MB"


def test_reading_a_docx_at_the_limit_takes_under_40_times_the_limit(tmp_path):
    limit = 4 * 2**20
    path = tmp_path / "big.docx"
    path.write_bytes(docx_bomb(35_000))  # 3.8 MB of XML, 4 MB with the other parts
    code = ("import resource, sys\nfrom natodiff.load import load\n"
            "data = open(sys.argv[1], 'rb').read()\n"
            "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "load(data, 'big.docx', max_size=int(sys.argv[2]))\n"
            "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(limit)], capture_output=True, text=True,
                         check=True, timeout=120)
    assert int(out.stdout) < 40 * limit


# --- Ctrl-C during start-up -----------------------------------------------------------

# The installed command's entry point, run as its console script runs it, with
# SIGINT delivered by the first import of a natodiff module (as a Ctrl-C in
# the first tens of milliseconds would be).
EARLY_SIGINT = """
import builtins, os, signal, sys
from importlib.metadata import entry_points

entry = next(e for e in entry_points(group="console_scripts") if e.name == "natodiff")
real_import = builtins.__import__

def import_(name, *args, **kwargs):
    if name.startswith("natodiff"):
        builtins.__import__ = real_import
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)

builtins.__import__ = import_
sys.argv = ["natodiff", "--version"]
sys.exit(entry.load()())
"""


def test_ctrl_c_while_the_command_starts_exits_130_quietly():
    r = subprocess.run([sys.executable, "-c", EARLY_SIGINT], capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stdout, r.stderr) == (130, "", "")


def test_the_entry_point_still_runs_the_command():
    r = subprocess.run([sys.executable, "-c", EARLY_SIGINT.replace("os.kill(os.getpid(), signal.SIGINT)", "pass")],
                       capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stdout) == (0, "natodiff 0.1.0\n")


# --- batch -j 2 stops at once ---------------------------------------------------------


def long_outlet(seed: int, size: int) -> str:
    import random

    words = OUTLET.read_text(encoding="utf-8").split()
    rng, parts, n = random.Random(seed), [], 0
    while n < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 25))) + ".\n\n"
        parts.append(sentence)
        n += len(sentence)
    return "".join(parts)


def group_processes(pgid: int) -> list[str]:
    out = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-g", str(pgid)], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line.strip()]


@needs_natodiff
@pytest.mark.skipif(not os.path.exists("/bin/ps") and not os.path.exists("/usr/bin/ps"), reason="needs ps")
@pytest.mark.parametrize("name, status", [("SIGINT", 130), ("SIGTERM", 143)])
def test_batch_with_workers_stops_within_a_second_and_leaves_no_process(tmp_path, name, status):
    import signal
    import time

    outlets = []
    for seed in range(2):
        path = tmp_path / f"outlet{seed}.txt"
        path.write_text(long_outlet(seed, 300_000), encoding="utf-8")  # seconds each
        outlets.append(str(path))
    p = subprocess.Popen([str(NATODIFF), "batch", str(SOURCE), *outlets, "-j", "2"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, start_new_session=True, env=clean_env())
    try:
        deadline = time.monotonic() + 30
        while len(group_processes(p.pid)) < 3 and time.monotonic() < deadline:  # main + 2 workers
            time.sleep(0.1)
        time.sleep(0.5)  # the workers are comparing
        assert p.poll() is None, "finished before it could be interrupted"
        sent = time.monotonic()
        os.killpg(p.pid, getattr(signal, name))  # as a terminal's Ctrl-C reaches the whole group
        stderr = p.communicate(timeout=60)[1]
        took = time.monotonic() - sent
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    assert (p.returncode, stderr) == (status, b"")
    assert took < 1.5, f"stopped after {took:.1f} s"
    # multiprocessing's resource tracker ends when it sees us gone; whoever
    # adopts it reaps it, in its own time (a zombie is no running process).
    time.sleep(0.5)
    assert [line for line in group_processes(p.pid) if line.split()[1][0] != "Z"] == []
