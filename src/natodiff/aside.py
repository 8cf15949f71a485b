"""A second process for work that does not depend on what this one computes next.

Facts and quotations take as long as the alignment and need only its result
at the very end, so on a machine with two cores they run beside it; on long
texts, half of the alignment's candidate pairs are scored beside it too. The
child is a fork: it starts with everything this process has read and
computed, and sends back only its result (pickled, through a pipe). Where
there is no fork (Windows), or anything at all goes wrong in the child, the
work runs here instead, with the same result.
"""

from __future__ import annotations

import os
import pickle
import signal
from typing import Any, Callable

_EXIT_FAILED = 70


class Aside:
    """``fn(*args, receive)`` run in a child process; each ``receive()`` returns the next value ``send`` sent.

    Start it early: the child can prepare (import what it needs) while this
    process computes what it will send. Call ``send`` as often as ``fn``
    calls ``receive``, then ``result``; a failed or missing child makes
    ``result`` run ``fn`` here. ``close`` (also on error) never leaves a child
    behind.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, fork: bool = True) -> None:
        self.fn, self.args = fn, args
        self.pid = 0
        self._sent: list[Any] = []
        if fork and hasattr(os, "fork"):
            try:
                self._start()
            except OSError:
                self.pid = 0  # no process to spare: run here

    def _start(self) -> None:
        fds: list[int] = []
        try:
            fds += os.pipe()  # parent -> child: what send() sends
            fds += os.pipe()  # child -> parent: the result
            pid = os.fork()
        except OSError:
            for fd in fds:
                os.close(fd)
            raise
        down_r, down_w, up_r, up_w = fds
        if pid == 0:  # the child: never returns
            code = _EXIT_FAILED
            try:
                if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it without a traceback
                os.close(down_w)
                os.close(up_r)

                down = os.fdopen(down_r, "rb")

                def receive() -> Any:
                    return pickle.load(down)

                result = self.fn(*self.args, receive)
                with os.fdopen(up_w, "wb") as pipe:
                    pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            finally:
                os._exit(code)  # no atexit handlers, no flushing of the parent's buffers
        os.close(down_r)
        os.close(up_w)
        self.pid = pid
        self._down, self._up = os.fdopen(down_w, "wb"), os.fdopen(up_r, "rb")

    def send(self, value: Any) -> None:
        self._sent.append(value)
        if self.pid:
            try:
                pickle.dump(value, self._down, protocol=pickle.HIGHEST_PROTOCOL)
                self._down.flush()
            except Exception:  # the child cannot be told: it is ended, and the work runs here
                self.close()

    def result(self) -> Any:
        if self.pid:
            try:
                self._down.close()  # nothing more to send: a child reading on sees the end
                with self._up as pipe:
                    data = pipe.read()
                pid, self.pid = self.pid, 0  # reaped below: never signal a pid that may be reused
                _, status = os.waitpid(pid, 0)
                if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
                    return pickle.loads(data)
            except Exception:  # a broken pipe or an unreadable result: the work runs here
                self.close()
        sent = iter(self._sent)
        return self.fn(*self.args, lambda: next(sent, None))

    def close(self) -> None:
        """End the child if it still runs (an error or an interrupt here)."""
        if self.pid:
            pid, self.pid = self.pid, 0
            for pipe in (self._down, self._up):
                try:
                    pipe.close()  # the descriptor is released even when flushing fails
                except OSError:
                    pass  # what was still buffered for a child that has gone
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
