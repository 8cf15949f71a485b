"""Each sentence analysed once per comparison, however long the texts.

Alignment, classification, the figures, facts, quotations and shifts all
read the same sentences' tokens, context words and capitalised runs. A
bounded cache forgets them on long texts (at 4 MB a side, 60,000 sentences
were tokenised three times over); an unbounded one would keep every text a
process ever saw. So ``per_text`` functions remember everything while
``analysing()`` lasts (a comparison opens it) and forget it when it ends;
outside it they fall back to a bounded LRU cache.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache, update_wrapper
from typing import Any, Callable, Iterator, TypeVar

R = TypeVar("R")

_scopes: list[None] = []  # one entry per analysing() under way in this process
_memos: list[dict[Any, Any]] = []  # every per_text function's memo


@contextmanager
def analysing() -> Iterator[None]:
    """Within it, each per_text function computes once per argument; after it, all is forgotten."""
    _scopes.append(None)
    try:
        yield
    finally:
        _scopes.pop()
        if not _scopes:
            for memo in _memos:
                memo.clear()


def per_text(maxsize: int) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Remember a pure function of hashable arguments for the comparison under way.

    Outside ``analysing()`` an LRU cache of ``maxsize`` entries serves, as
    before.
    """

    def wrap(fn: Callable[..., R]) -> Callable[..., R]:
        memo: dict[Any, R] = {}
        _memos.append(memo)
        cached = lru_cache(maxsize=maxsize)(fn)

        def remembered(*args: Any) -> R:
            if not _scopes:
                return cached(*args)
            key = args[0] if len(args) == 1 else args
            try:
                return memo[key]
            except KeyError:
                found = memo[key] = fn(*args)
                return found

        def cache_clear() -> None:
            cached.cache_clear()
            memo.clear()

        remembered.cache_clear = cache_clear  # type: ignore[attr-defined]
        return update_wrapper(remembered, fn)

    return wrap


def _forget_in_child() -> None:
    """A forked worker starts with no comparison under way, but keeps what its parent had analysed.

    Its own analysing() reads those memos (pure results, shared with the
    parent until written) and clears them when it ends.
    """
    _scopes.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)
