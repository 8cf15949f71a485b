"""Worker processes for the command line: who runs where is the caller's choice, never the result's.

``batch -j`` compares outlets in a pool; ``compare`` gathers facts and
quotations in a second process while the alignment runs, on long texts only,
where the second core pays for the fork and the copy of the sentences back.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Below this many characters (both texts together) a second process costs
# more than it saves. Whole command on the 2-core project machine: 100 KB a
# side 1.04 s in one process, 0.84 s with facts beside (1 MB: 11.7 s, 7.0 s);
# the samples (6 KB) 0.19 s in one, 0.21 s with a fork.
FACTS_BESIDE_CHARS = 50_000


@contextmanager
def facts_beside(chars: int, facts: bool) -> "Iterator[ProcessPoolExecutor | None]":
    """A one-worker pool for ``api.compare(executor=...)``, or None where it would not pay.

    The worker is forked, so it starts with every module already imported; the
    command line is single-threaded when it asks (a library caller passes its
    own executor, or none). Below the size it pays at, not even the modules
    for processes are imported: they cost a small comparison a tenth of its time.
    """
    if not facts or chars < FACTS_BESIDE_CHARS or (os.cpu_count() or 1) < 2:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=leave_signals_to_parent)
    done = False
    try:
        yield pool
        pool.shutdown()
        done = True
    finally:
        if not done:  # an error, Ctrl-C or SIGTERM, also during the shutdown: end the worker now
            stop_now(pool)


def stop_now(pool: "ProcessPoolExecutor") -> None:
    """On Ctrl-C or SIGTERM: end the workers now, not after the task each is on."""
    from natodiff.inputs import stop_processes

    workers = list((getattr(pool, "_processes", None) or {}).values())  # public only from Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    stop_processes(workers)


def ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run in one place."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def leave_signals_to_parent() -> None:
    """A forked worker ignores Ctrl-C and takes SIGTERM plainly: the parent's handlers are not its own."""
    ignore_sigint()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
