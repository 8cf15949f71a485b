"""Facts and quotations beside the alignment, in a forked process: same result, never a stray child."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from natodiff import compare
from natodiff.aside import Aside
from natodiff.model import Options

ROOT = Path(__file__).resolve().parent.parent
fork_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@fork_only
def test_a_comparison_on_two_cores_is_the_comparison_on_one() -> None:
    source = (ROOT / "samples" / "nato-press-release-2024-02-15.txt").read_text(encoding="utf-8")
    outlet = (ROOT / "samples" / "outlet-report-2024-02-15.txt").read_text(encoding="utf-8")
    one = compare(source, outlet, options=Options(workers=1))
    two = compare(source, outlet, options=Options(workers=2))
    assert two.facts and two.quotes
    assert (two.alignments, two.summary, two.facts, two.quotes) == (one.alignments, one.summary, one.facts, one.quotes)


@fork_only
def test_the_child_gets_what_was_sent_and_returns_its_result() -> None:
    parent = os.getpid()
    aside = Aside(lambda x, receive: (x + receive(), os.getpid() != parent), 1)
    aside.send(2)
    assert aside.result() == (3, True)  # computed in the child


@pytest.mark.parametrize("fork", [pytest.param(True, marks=fork_only), False])
def test_each_receive_gets_the_next_send_in_order(fork: bool) -> None:
    # The child asks before the parent has sent (it loads its modules first, in compare).
    aside = Aside(lambda receive: [receive(), receive(), receive()], fork=fork)
    aside.send({"documents": 2})
    aside.send([(0, 1)])
    aside.send("last")
    assert aside.result() == [{"documents": 2}, [(0, 1)], "last"]


@fork_only
def test_a_child_that_dies_is_replaced_by_the_same_work_here() -> None:
    parent = os.getpid()

    def work(x: int, receive) -> int:
        if os.getpid() != parent:
            os._exit(3)
        return x + receive()

    aside = Aside(work, 1)
    aside.send(2)
    assert aside.result() == 3


@pytest.mark.skipif(not hasattr(os, "waitid") or not os.path.isdir("/proc/self/fd"), reason="needs waitid and /proc")
def test_a_child_gone_before_a_send_leaves_the_work_here_no_zombie_and_no_descriptor() -> None:
    parent = os.getpid()
    before = len(os.listdir("/proc/self/fd"))

    def work(receive) -> tuple:
        if os.getpid() != parent:
            os._exit(3)  # killed, say, by the out-of-memory killer, before it reads anything
        return receive(), receive()

    aside = Aside(work)
    pid = aside.pid
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # gone, not yet reaped: the send meets a broken pipe
    aside.send("documents")
    aside.send("pairs")
    assert aside.result() == ("documents", "pairs")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)
    assert len(os.listdir("/proc/self/fd")) == before


@fork_only
def test_closing_ends_a_child_still_at_work() -> None:
    aside = Aside(lambda receive: time.sleep(30))
    pid = aside.pid
    assert pid
    started = time.monotonic()
    aside.close()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)  # reaped: no zombie left behind


def test_without_fork_the_work_runs_here() -> None:
    aside = Aside(lambda x, receive: (x, receive(), os.getpid()), "a", fork=False)
    aside.send("b")
    assert aside.result() == ("a", "b", os.getpid())


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_a_fork_that_fails_runs_the_work_here_and_leaks_no_pipe(monkeypatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError("no process to spare")

    monkeypatch.setattr(os, "fork", no_fork)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        aside = Aside(lambda x, receive: x * receive(), 3)
        aside.send(2)
        assert aside.result() == 6
    assert len(os.listdir("/proc/self/fd")) == before


@fork_only
@pytest.mark.parametrize("pair", sorted(p.name for p in (ROOT / "tests" / "gold").iterdir() if (p / "source.txt").is_file()))
def test_pairs_scored_in_two_processes_link_as_in_one(pair: str, monkeypatch, tmp_path: Path) -> None:
    from natodiff import align

    source = (ROOT / "tests" / "gold" / pair / "source.txt").read_text(encoding="utf-8")
    outlet = (ROOT / "tests" / "gold" / pair / "outlet.txt").read_text(encoding="utf-8")
    one = compare(source, outlet, options=Options(workers=1, facts=False))
    parent, real = os.getpid(), align._score_pairs

    def spy(*args):
        if os.getpid() != parent:  # the forked half: leave a trace the parent can see
            (tmp_path / str(os.getpid())).write_text("scored")
        return real(*args)

    monkeypatch.setattr(align, "_score_pairs", spy)
    monkeypatch.setattr(align, "PARALLEL_PAIRS", 1)  # these texts are short: split them anyway
    two = compare(source, outlet, options=Options(workers=2, facts=False))
    assert list(tmp_path.iterdir()), "no pair was scored in a second process"
    assert (two.alignments, two.summary) == (one.alignments, one.summary)
