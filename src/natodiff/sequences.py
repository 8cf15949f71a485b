"""difflib's sequence matcher, kept near linear on very long sentences.

SequenceMatcher's search for the longest match steps through every place
each word of one side stands in the other: up to len(a) × len(b) steps,
which a sentence of thousands of words from a few dozen (an unpunctuated
transcript, a word pasted over and over) turns into minutes. Sentences
within LIMIT steps go to difflib exactly as they are. Longer ones are split
the way patience diff splits a file: the common ends match first, then the
middle is cut at words that stand once on each side and in the same order,
and each piece within the limit goes to difflib. A piece still over the limit
with no such word left gets the better of difflib's own heuristic for long
sequences and windows taken in step along both sides (``_unanchored``).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from difflib import Match, SequenceMatcher

# len(a) × len(b) above which a pair is split before difflib sees it: about
# a second of difflib's worst case, far beyond any sentence of real prose.
LIMIT = 1_000_000


class Matcher(SequenceMatcher):
    """A SequenceMatcher without junk whose matching blocks stay cheap on very long sequences."""

    def __init__(self, a: Sequence[Hashable] = (), b: Sequence[Hashable] = ()) -> None:
        super().__init__(None, a, b, autojunk=False)

    def get_matching_blocks(self) -> list[Match]:
        if len(self.a) * len(self.b) <= LIMIT:
            return super().get_matching_blocks()
        if self.matching_blocks is None:  # difflib's own cache, which set_seq1 and set_seq2 clear
            self.matching_blocks = matching_blocks(self.a, self.b)
        return self.matching_blocks


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable], limit: int = LIMIT) -> list[Match]:
    """Blocks as get_matching_blocks gives them: ascending, adjacent ones joined, then (len(a), len(b), 0)."""
    found: list[tuple[int, int, int]] = []
    pieces = [(0, len(a), 0, len(b))]
    while pieces:
        a0, a1, b0, b1 = pieces.pop()
        while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
            found.append((a0, b0, 1))
            a0, b0 = a0 + 1, b0 + 1
        while a0 < a1 and b0 < b1 and a[a1 - 1] == b[b1 - 1]:
            a1, b1 = a1 - 1, b1 - 1
            found.append((a1, b1, 1))
        if a0 == a1 or b0 == b1:
            continue
        if (a1 - a0) * (b1 - b0) <= limit:
            found.extend((a0 + m.a, b0 + m.b, m.size)
                         for m in SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False).get_matching_blocks())
            continue
        anchors = _anchors(a, a0, a1, b, b0, b1)
        if not anchors:
            found.extend(_unanchored(a, a0, a1, b, b0, b1, limit))
            continue
        for i, j in anchors:
            found.append((i, j, 1))
            pieces.append((a0, i, b0, j))
            a0, b0 = i + 1, j + 1
        pieces.append((a0, a1, b0, b1))
    return _joined(sorted(m for m in found if m[2]), len(a), len(b))


def _unanchored(a: Sequence[Hashable], a0: int, a1: int,
                b: Sequence[Hashable], b0: int, b1: int, limit: int) -> list[tuple[int, int, int]]:
    """The blocks of a piece over the limit with no word to anchor on: the better of two cheap answers.

    difflib's heuristic for long sequences ignores the words too frequent to
    place, which in a text of a few dozen words is all of them. So the piece
    is also cut into windows taken in step along both sides, each within the
    limit and given to difflib, which keeps an edited copy whole; whichever
    answer matches more words is kept.
    """
    junked = [(a0 + m.a, b0 + m.b, m.size) for m in SequenceMatcher(None, a[a0:a1], b[b0:b1]).get_matching_blocks()]
    la, lb = a1 - a0, b1 - b0
    n = math.isqrt(la * lb // limit) + 1  # windows: (la / n) * (lb / n) < limit
    stepped = []
    for k in range(n):
        i0, i1, j0, j1 = a0 + la * k // n, a0 + la * (k + 1) // n, b0 + lb * k // n, b0 + lb * (k + 1) // n
        stepped.extend((i0 + m.a, j0 + m.b, m.size)
                       for m in SequenceMatcher(None, a[i0:i1], b[j0:j1], autojunk=False).get_matching_blocks())
    return max(junked, stepped, key=lambda blocks: sum(size for _, _, size in blocks))


def _anchors(a: Sequence[Hashable], a0: int, a1: int,
             b: Sequence[Hashable], b0: int, b1: int) -> list[tuple[int, int]]:
    """Words found once in a[a0:a1] and once in b[b0:b1]: the longest run of them in the same order on both sides."""
    in_a, in_b = Counter(a[a0:a1]), Counter(b[b0:b1])
    at_b = {b[j]: j for j in range(b0, b1) if in_b[b[j]] == 1 and in_a[b[j]] == 1}
    pairs = [(i, at_b[a[i]]) for i in range(a0, a1) if a[i] in at_b]
    # Longest increasing run of b positions (patience sorting): tails[k] ends the best run of length k + 1.
    tails: list[int] = []
    tail_at: list[int] = []
    before: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        before.append(tail_at[k - 1] if k else -1)
        if k == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[k], tail_at[k] = j, n
    run: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        run.append(pairs[n])
        n = before[n]
    return run[::-1]


def _joined(blocks: list[tuple[int, int, int]], la: int, lb: int) -> list[Match]:
    out: list[Match] = []
    for i, j, k in blocks:
        if out and out[-1].a + out[-1].size == i and out[-1].b + out[-1].size == j:
            out[-1] = Match(out[-1].a, out[-1].b, out[-1].size + k)
        else:
            out.append(Match(i, j, k))
    out.append(Match(la, lb, 0))
    return out
