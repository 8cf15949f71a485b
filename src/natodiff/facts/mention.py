"""One fact as one text states it: what every extractor finds and the cross-check pairs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from natodiff.model import FactType, Sentence


@dataclass(frozen=True, slots=True)
class Mention:
    """One fact as one text states it, with where and how it says it."""

    type: FactType
    group: str  # what is measured: currency, counted noun, date precision; "" if nothing
    value: str | float
    label: str  # canonical readable label
    says: str  # the text's own wording
    sentence: Sentence
    start: int
    end: int
    context: dict[str, float] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> tuple[FactType, str, str | float]:
        return (self.type, self.group, self.value)


def mention(type_: FactType, group: str, value: str | float, label: str,
            sent: Sentence, start: int, end: int) -> Mention:
    return Mention(type_, group, value, label, sent.text[start:end], sent, start, end)


def content(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences that state facts: page furniture states none."""
    return [s for s in sentences if not s.boilerplate]


class Claimed:
    """The characters of one sentence already claimed by a mention, so mentions never overlap.

    A mask, not a list of spans: asking costs the length of the span asked
    about, not the number of mentions before it.
    """

    __slots__ = ("_mask",)

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length)

    def free(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) < 0

    def claim(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)
