"""Interrupted runs: exit 130 (SIGINT) or 143 (SIGTERM), quietly, and no partial file.

Two ways to interrupt a real process: a signal sent by the process to itself
from inside the write (between creating the temporary file and renaming it,
every time), and a signal from outside at a moment during a long run (as a
user's Ctrl-C or a service manager's stop would come).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import OUTLET, SOURCE
from test_e2e import NATODIFF, clean_env

STATUS = {"SIGINT": 130, "SIGTERM": 143}

# natodiff with os.fsync patched to deliver a signal to the process: fsync of
# the temporary file is the last step before the rename, so the signal
# arrives with a complete temporary file and no target yet.
SELF_SIGNAL = """
import os, signal, sys
real_fsync = os.fsync
def fsync(fd):
    os.fsync = real_fsync
    os.kill(os.getpid(), getattr(signal, os.environ["SEND_SIGNAL"]))
    return real_fsync(fd)
os.fsync = fsync
from natodiff.cli import main
sys.argv[0] = "natodiff"
main()
"""


CASES = [("memo", "SIGINT"), ("memo", "SIGTERM"), ("compare-json", "SIGINT"), ("compare-json", "SIGTERM"),
         ("redline", "SIGTERM"), ("facts", "SIGINT"), ("memo-overwrite", "SIGTERM")]


def outputs(command: str, source: Path, outlet: Path, target: Path) -> list[str]:
    return {
        "memo": ["memo", str(source), str(outlet), "-o", str(target)],
        "memo-overwrite": ["memo", str(source), str(outlet), "-o", str(target), "--force"],
        "redline": ["redline", str(source), str(outlet), "-o", str(target)],
        "compare-json": ["compare", str(source), str(outlet), "-f", "json", "-o", str(target)],
        "facts": ["facts", str(outlet), "-o", str(target)],
    }[command]


@pytest.fixture(scope="module")
def self_signalled(tmp_path_factory):
    """Every case run once, side by side: {case: (result, output directory)}."""
    inputs = tmp_path_factory.mktemp("inputs")
    source, outlet = inputs / "source.txt", inputs / "outlet.txt"
    source.write_text('NATO ministers met in Brussels. "We stand with Ukraine," Mr Stoltenberg said.\n')
    outlet.write_text('Ministers met in Brussels on Thursday. "We stand with Ukraine," Stoltenberg said.\n')
    runs = {}
    for command, name in CASES:
        out = tmp_path_factory.mktemp(f"{command}-{name}")
        target = out / "report.out"
        if command == "memo-overwrite":
            target.write_bytes(b"the old memo")
        args = [sys.executable, "-c", SELF_SIGNAL, *outputs(command, source, outlet, target)]
        runs[command, name] = (args, out)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {case: pool.submit(subprocess.run, args, capture_output=True, timeout=120,
                                     env=clean_env(SEND_SIGNAL=case[1]))
                   for case, (args, _) in runs.items()}
        return {case: (futures[case].result(), runs[case][1]) for case in runs}


@pytest.mark.parametrize("command, name", CASES, ids=[f"{c}-{n}" for c, n in CASES])
def test_a_signal_during_the_write_leaves_nothing(self_signalled, command, name):
    r, out = self_signalled[command, name]
    assert (r.returncode, r.stdout, r.stderr) == (STATUS[name], b"", b"")
    if command == "memo-overwrite":  # the old file, untouched
        assert os.listdir(out) == ["report.out"] and (out / "report.out").read_bytes() == b"the old memo"
    else:
        assert os.listdir(out) == []  # no target, no temporary file


def long_outlet(tmp_path: Path, copies: int) -> Path:
    """The sample outlet repeated: a run that takes a few seconds."""
    path = tmp_path / f"long-{copies}.txt"
    text = OUTLET.read_text(encoding="utf-8")
    path.write_text("\n\n".join(text.replace("Ukraine", f"Ukraine-{k}") for k in range(copies)), encoding="utf-8")
    return path


@pytest.mark.skipif(not NATODIFF.exists(), reason="natodiff is not installed next to the running python")
def test_a_signal_from_outside_during_a_long_run(tmp_path):
    """SIGINT and SIGTERM, side by side, while writing a memo from a long input.

    A run that ends before its signal proves nothing: it is retried with a
    longer input. A signal that comes during Python's start-up (before
    natodiff has installed its handlers; a slow machine) is retried later.
    The test is skipped if no run was ever interrupted.
    """
    interrupted: set[str] = set()
    copies, delay = 20, 1.5  # a run of a few seconds, long enough for facts in a second process
    for attempt in range(4):
        outlet = long_outlet(tmp_path, copies)
        procs = {}
        for name in set(STATUS) - interrupted:
            out = tmp_path / f"out-{name}-{attempt}"
            out.mkdir()
            procs[name] = (out, subprocess.Popen(
                [str(NATODIFF), "memo", str(SOURCE), str(outlet), "-o", str(out / "memo.docx")],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean_env()))
        time.sleep(delay)
        for name, (_, proc) in procs.items():
            proc.send_signal(getattr(signal, name))
        finished = too_early = False
        for name, (out, proc) in procs.items():
            stdout, stderr = proc.communicate(timeout=120)
            if proc.returncode == 0:  # finished first: the memo must be whole
                assert (out / "memo.docx").read_bytes()[:2] == b"PK"
                finished = True
            elif proc.returncode < 0:  # killed before natodiff's handlers were in place
                too_early = True
            else:
                assert (proc.returncode, stdout, stderr) == (STATUS[name], b"", b"")
                assert os.listdir(out) == []
                interrupted.add(name)
        if interrupted == set(STATUS):
            return
        copies *= 2 if finished else 1
        delay += 1.0 if too_early else 0.0
    if not interrupted:
        pytest.skip("no run was interrupted while natodiff was working")
