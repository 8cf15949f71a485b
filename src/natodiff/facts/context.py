"""What a figure is a figure of: the content words around it, weighted by closeness.

Two texts' different figures conflict only when their surroundings are alike.
"""

from __future__ import annotations

import bisect
import math
from itertools import chain

from natodiff.analysis import per_text
from natodiff.facts.mention import Mention
from natodiff.normalise import tokens

CONTEXT_WINDOW = 64


@per_text(4096)  # once per sentence per comparison
def _context_words(text: str) -> tuple[tuple[str | None, ...], tuple[int, ...], tuple[int, ...]]:
    """Each token's key if it may be context (a content word, not a number), else None; and token bounds.

    Once per sentence, not per mention: a sentence of figures has many mentions.
    """
    toks = tokens(text)
    keys = tuple(None if t.cls in _NOT_CONTEXT else t.key for t in toks)
    return keys, tuple(t.start for t in toks), tuple(t.end for t in toks)


_NOT_CONTEXT = frozenset({"stop", "meta", "number"})  # Token.content is false for the first two
# Weight of a context word ``d`` tokens from the fact, as with_context gives it.
_WEIGHTS = tuple(1.0 / (1.0 + d / 4.0) for d in range(CONTEXT_WINDOW + 1))


def with_context(m: Mention) -> Mention:
    """Attach the sentence's content words, weighted by closeness to the fact."""
    keys, starts, ends = _context_words(m.sentence.text)
    first, stop = bisect.bisect_right(ends, m.start), bisect.bisect_left(starts, m.end)
    lo, hi = (first, stop - 1) if first < stop else (0, 0)
    # Beyond CONTEXT_WINDOW tokens a word weighs under 6%: leaving it out keeps
    # a 100 KB one-line paste from costing mentions x tokens.
    a, b = max(0, lo - CONTEXT_WINDOW), min(len(keys), hi + CONTEXT_WINDOW + 1)
    # Words before the fact, then after it, in text order: the order the weights are summed in.
    before = zip(keys[a:lo], _WEIGHTS[lo - a:0:-1])
    after = zip(keys[hi + 1:b], _WEIGHTS[1:b - hi])
    ctx: dict[str, float] = {}
    for key, weight in chain(before, after):
        if key is not None and weight > ctx.get(key, 0.0):  # a word weighs as its nearest occurrence
            ctx[key] = weight
    m.context.update(ctx)
    return m


def near(m: Mention) -> set[str]:
    """Content words within three tokens of the fact: what it is a figure of."""
    return {k for k, w in m.context.items() if w >= NEAR_WEIGHT}


NEAR_WEIGHT = 0.57  # 1 / (1 + 3/4): three tokens away


def similarity(a: Mention, b: Mention) -> float:
    shared = a.context.keys() & b.context.keys()
    if len(shared) < 2:
        return 0.0
    num = sum(min(a.context[k], b.context[k]) for k in shared)
    return num / math.sqrt(sum(a.context.values()) * sum(b.context.values()))


