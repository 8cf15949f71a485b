"""How much each matching key weighs: IDF over both texts, boosted by token class."""

from __future__ import annotations

import copy
import math
from collections import Counter
from typing import Iterable

from natodiff.align.prepared import PreparedSentence

# Weight of a function word relative to a content word's IDF.
STOP_WEIGHT = 0.1
# Numbers and names carry the facts an analyst checks first.
NUMBER_BOOST = 1.5
NAME_BOOST = 1.2

_RANK = {"stop": 0, "meta": 1, "word": 2, "name": 3, "number": 4}


class Weights:
    """IDF over the sentences of both texts, with boosts by token class.

    ``by_key`` is the table itself, for loops that read it per key; a key
    missing from it weighs STOP_WEIGHT.
    """

    def __init__(self, sentences: Iterable[PreparedSentence]) -> None:
        df: Counter[str] = Counter()
        cls: dict[str, str] = {}
        n = 0
        for u in sentences:
            n += 1
            df.update(u.bag.keys())
            for t in u.tokens:
                # A key is as weighty as its weightiest use ("NATO" in a dateline
                # is still NATO), whichever text or order it comes in.
                if _RANK[t.cls] > _RANK.get(cls.get(t.key, ""), -1):
                    cls[t.key] = t.cls
        self.n = max(n, 1)
        self.df = df
        self.by_key: dict[str, float] = {}
        for key, count in df.items():
            c = cls[key]
            if c in ("stop", "meta"):
                w = STOP_WEIGHT
            else:
                w = math.log(1 + self.n / count)
                w *= NUMBER_BOOST if c == "number" else NAME_BOOST if c == "name" else 1.0
            self.by_key[key] = w

    def adding(self, sentences: Iterable[PreparedSentence]) -> Weights:
        """These weights and, for keys of ``sentences`` they lack, a word's weight by its own count.

        For linking's view of the sentences (``prepared.with_verbs``): a key
        both views hold keeps its weight, so no pair without such a key
        scores otherwise.
        """
        df = Counter(k for u in sentences for k in u.bag.keys() if k not in self.by_key)
        if not df:
            return self
        out = copy.copy(self)
        out.by_key = self.by_key | {k: math.log(1 + self.n / count) for k, count in df.items()}
        return out

    def __getitem__(self, key: str) -> float:
        return self.by_key.get(key, STOP_WEIGHT)

    def total(self, bag: Counter[str]) -> float:
        w = self.by_key
        return sum(w.get(k, STOP_WEIGHT) * c for k, c in bag.items())
