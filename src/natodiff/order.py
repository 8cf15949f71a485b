"""Reading orders of the items; the core's own order is the outlet's."""

from __future__ import annotations

from typing import Sequence

from natodiff.model import Alignment


def source_order(items: Sequence[Alignment]) -> list[Alignment]:
    """Items in source order; outlet-only items stay after what preceded them."""
    head: list[Alignment] = []
    anchored: list[tuple[int, list[Alignment]]] = []
    for it in items:
        if it.source:
            anchored.append((min(s.index for s in it.source), [it]))
        elif anchored:
            anchored[-1][1].append(it)
        else:
            head.append(it)
    anchored.sort(key=lambda pair: pair[0])
    return head + [it for _, group in anchored for it in group]
