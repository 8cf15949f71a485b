"""Worker processes for the command line: who runs where is the caller's choice, never the result's.

``batch -j`` compares outlets in a pool; ``compare`` gathers facts and
quotations in a second process while the alignment runs, on long texts only,
where the second core pays for the fork and the copy of the sentences back.
"""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Generic, Iterator, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from natodiff.model import Sentence

R = TypeVar("R")

# Below this many characters (both texts together) a second process costs
# more than it saves. Whole command on the 2-core project machine: 100 KB a
# side 1.04 s in one process, 0.84 s with facts beside (1 MB: 11.7 s, 7.0 s);
# the samples (6 KB) 0.19 s in one, 0.21 s with a fork.
FACTS_BESIDE_CHARS = 50_000


@contextmanager
def facts_beside(chars: int, facts: bool) -> Iterator[_OneTask | None]:
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

    if "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    with pool(1, "fork", leave_signals_to_parent) as executor:
        yield _OneTask(executor)


class _OneTask:
    """The facts pool as ``api.compare`` uses it: one task, whose worker stops as soon as its result is in.

    The worker holds about as much memory as the comparison (its own analysis,
    and the parent's pages it has touched); left idle until the pool closes, it
    would hold it through the cross-check and the claims as well.
    """

    def __init__(self, executor: ProcessPoolExecutor) -> None:
        self._executor = executor

    def submit(self, fn: Callable[..., R], /, *args: object) -> _Resolving[R]:
        future = self._executor.submit(_by_reference, fn, *args)
        future.add_done_callback(lambda _: self._executor.shutdown(wait=False))
        return _Resolving(future, _sentences(args))


# The worker's result names sentences of the documents it was given (every fact
# mention carries its sentence): they come back as their place in those
# documents, and the parent puts its own in, rather than a copy of each.


def _sentences(args: tuple[object, ...]) -> list[Sentence]:
    """Every sentence of the documents among ``args``, in the order both processes list them."""
    from natodiff.model import Document

    return [s for a in args if isinstance(a, Document) for s in a.sentences]


def _by_reference(fn: Callable[..., R], /, *args: object) -> bytes:
    """``fn(*args)`` pickled with each sentence of ``args``' documents as its place among them."""
    import io
    import pickle

    places = {id(s): i for i, s in enumerate(_sentences(args))}

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: object) -> int | None:
            return places.get(id(obj))

    buffer = io.BytesIO()
    Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(fn(*args))
    return buffer.getvalue()


class _Resolving(Generic[R]):
    """The worker's result, read back with the parent's own sentences in place of the references."""

    def __init__(self, future: Future[bytes], sentences: list[Sentence]) -> None:
        self._future = future
        self._sentences = sentences

    def result(self) -> R:
        import io
        import pickle

        sentences = self._sentences

        class Unpickler(pickle.Unpickler):
            def persistent_load(self, place: int) -> Sentence:
                return sentences[place]

        return Unpickler(io.BytesIO(self._future.result())).load()


@contextmanager
def pool(workers: int, start_method: str, initializer: Callable[[], None]) -> Iterator[ProcessPoolExecutor]:
    """A process pool that ends with the block: waited for when it ends well.

    On an error, Ctrl-C or SIGTERM, also while waiting, the workers are stopped
    at once, not after the task each is on. They are the children this process
    started while the pool was open (a pool lists its own workers only from
    Python 3.14).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    before = set(multiprocessing.active_children())
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(start_method),
                                   initializer=initializer)
    try:
        yield executor
        executor.shutdown()
    except BaseException:
        from natodiff.inputs import stop_processes

        started = [p for p in multiprocessing.active_children() if p not in before]
        executor.shutdown(wait=False, cancel_futures=True)
        stop_processes(started)
        raise


def ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run in one place."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def leave_signals_to_parent() -> None:
    """A forked worker ignores Ctrl-C and takes SIGTERM plainly: the parent's handlers are not its own."""
    ignore_sigint()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
