"""Sentences one text prints twice (pull quotes, a summary repeating the lead)."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from math import fsum
from typing import Sequence

from natodiff.align.prepared import PreparedSentence
from natodiff.align.weights import STOP_WEIGHT, Weights
from natodiff.normalise import NEGATIONS
from natodiff.sequences import Matcher

# A repeat within one text: this much of it is found in an earlier sentence.
REPEAT_CONTAINMENT = 0.9
# ... and this much of it in the same order (the pull quotes of tests/gold all score 0.87 or more).
REPEAT_IN_ORDER = 0.8


def find_repeats(sentences: Sequence[PreparedSentence], weights: Weights) -> dict[int, int]:
    """Sentence index -> index of the earlier sentence it repeats.

    A repeat has REPEAT_CONTAINMENT of its weight in an earlier sentence, so
    that sentence holds at least one of any set of its keys weighing more
    than the rest: only sentences holding one of its rarest such keys are
    read (prefix filtering), however long the text and however common its
    other words; and of those, only the ones weighing that much (a size
    filter) are compared key by key.
    """
    out: dict[int, int] = {}
    first: dict[tuple[str, ...], int] = {}  # keys -> the first sentence with them
    for u in sentences:  # a short sentence printed twice word for word ("The UK will not falter.")
        if not u.sentence.boilerplate and 1 <= u.content < 3:
            if u.keys in first:
                out[u.sentence.index] = first[u.keys]
            else:
                first[u.keys] = u.sentence.index
    live = [u for u in sentences if not u.sentence.boilerplate and u.content >= 3]
    w = weights.by_key
    postings: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(live):
        for key in u.bag:
            postings[key].append(k)
    totals = [weights.total(u.bag) for u in live]
    for i, later in enumerate(live):
        lb = later.bag
        total = totals[i]
        if not total:
            continue
        # What an earlier sentence shares weighs no more than all of it: a lighter one cannot hold
        # REPEAT_CONTAINMENT of this one (the margin covers the sums' rounding).
        least = total * REPEAT_CONTAINMENT * (1 - 1e-9)
        rest, earlier_ones = total * (1 - REPEAT_CONTAINMENT) * (1 + 1e-9), set()
        for key in sorted(lb, key=lambda k: (len(postings[k]), k)):
            post = postings[key]
            earlier_ones.update(post[: bisect_left(post, i)])
            rest -= w.get(key, STOP_WEIGHT) * lb[key]
            if rest < 0:
                break
        for j in sorted(earlier_ones):
            earlier = live[j]
            if totals[j] < least or earlier.sentence.index in out:
                continue
            eb = earlier.bag
            # As Counter's "&", summed exactly (fsum), so no order of the keys moves the result.
            found = fsum([w.get(k, STOP_WEIGHT) * min(lb[k], eb[k]) for k in lb.keys() & eb.keys()])
            if found / total >= REPEAT_CONTAINMENT and _polarity(later) == _polarity(earlier) \
                    and _in_order(later, earlier) >= REPEAT_IN_ORDER:
                out[later.sentence.index] = earlier.sentence.index
                break
    return out


def _in_order(later: PreparedSentence, earlier: PreparedSentence) -> float:
    """Share of the later sentence's words (tags aside) found in the earlier one in the same order.

    "Russia is a bigger threat than China" holds every word of "China is a
    bigger threat than Russia" and repeats nothing.
    """
    said = [t.key for t in later.tokens if t.cls != "meta"]
    if not said:
        return 0.0
    matcher = Matcher([t.key for t in earlier.tokens if t.cls != "meta"], said)
    return sum(b.size for b in matcher.get_matching_blocks()) / len(said)


def _polarity(u: PreparedSentence) -> list[str]:
    """The negations a sentence holds: "NATO is not a party" never repeats "NATO is a party"."""
    return sorted(t.key for t in u.tokens if t.key in NEGATIONS)
