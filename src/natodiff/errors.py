"""One error type for everything a user can get wrong, and the exit codes.

Edges (reading, decoding, writing) raise NatodiffError; the CLI catches it in
one place and prints ``natodiff: error: <file>: <problem>``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    DIFFERENCES = 1  # only with --exit-code
    ERROR = 2
    INTERRUPTED = 130  # SIGINT
    TERMINATED = 143  # SIGTERM


class NatodiffError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""

    def __init__(self, problem: str, name: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.name = name

    def __str__(self) -> str:
        return f"{self.name}: {self.problem}" if self.name else self.problem


class InputError(NatodiffError):
    """An input could not be read or is not an article."""


class OutputError(NatodiffError):
    """An output could not be written."""
