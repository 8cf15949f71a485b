"""Regular expressions compiled when their feature first runs, not at import.

Compiling is pure Python and costs about as much as comparing a short pair,
so a command pays only for the patterns its features use: ``--help`` for
none, ``compare --no-facts`` not for the facts'.
"""

from __future__ import annotations

import re
import sys
from typing import Callable, Iterable, Iterator


class Pattern:
    """``re.compile(pattern, flags)`` on first use, with the methods of ``re.Pattern`` that natodiff calls."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.compiled.findall(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list:
        return self.compiled.split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count)

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r}, {self.flags!r})"


def one_of(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first: the engine takes the first that fits, so "sept" before "sep".

    >>> one_of(["sep", "september", "sept"])
    '(?:september|sept|sep)'
    """
    return f"(?:{'|'.join(sorted(words, key=len, reverse=True))})"
