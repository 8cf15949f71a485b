"""Regular expressions compiled when their feature first runs, not at import.

Compiling is pure Python and costs about as much as comparing a short pair,
so a command pays only for the patterns its features use: ``--help`` for
none, ``compare --no-facts`` not for the facts'.
"""

from __future__ import annotations

import re
from typing import Iterable

# The methods of re.Pattern that natodiff calls.
_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "split", "sub", "subn")


class Pattern:
    """``re.compile(pattern, flags)``, done the first time one of its methods is asked for.

    Compiling puts the compiled pattern's own methods on this object, so a
    call after the first costs what a call on ``re.Pattern`` costs
    (tests/test_patterns.py pins every module's patterns to ``re``).
    """

    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):  # reached only while a method is not set yet
        if name not in _METHODS:
            raise AttributeError(name)
        self._compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(self._compiled, method))
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r}, {self.flags!r})"


def one_of(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first: the engine takes the first that fits, so "kilometres" before "kilometre".

    >>> one_of(["km", "kilometre", "kilometres"])
    '(?:kilometres|kilometre|km)'
    """
    return f"(?:{'|'.join(sorted(words, key=len, reverse=True))})"
