"""The vocabulary of meaning shifts, read once from meaning.toml.

The lists live in a data file so that a user adds a framing pair or a hedge
without reading code; here they become the word keys natodiff matches on.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping, NamedTuple

from natodiff.normalise import keys

Phrase = tuple[str, ...]  # the word keys of a word or phrase


class Meaning(NamedTuple):
    hedges: frozenset[Phrase]
    modal_force: Mapping[str, str]  # modal verb key -> its group ("certain", "possible", ...)
    stance: frozenset[Phrase]
    framing: tuple[tuple[Phrase, Phrase], ...]  # (official term, reframing term)
    speech_verbs: frozenset[str]  # as written, lower case: "states" is a noun more often than a verb
    speech_phrases: frozenset[Phrase]  # as written, like the verbs: "quoting", not its word key
    statement_words: frozenset[Phrase]
    same_names: Mapping[Phrase, int]  # name -> its group of interchangeable names


def _phrases(words: list[str]) -> frozenset[Phrase]:
    return frozenset(k for k in (keys(w) for w in words) if k)


@lru_cache(maxsize=1)
def meaning() -> Meaning:
    """The lists, keyed; read on first use, so importing natodiff stays cheap."""
    # Read beside this module, as the wheel installs it: importlib.resources would cost more than the lists.
    with open(os.path.join(os.path.dirname(__file__), "meaning.toml"), "rb") as f:
        data = tomllib.load(f)
    force = {keys(word)[0]: group for group, words in data["modality"].items() for word in words}
    same: dict[Phrase, int] = {}
    for n, group in enumerate(data["names"]["equivalent"]):
        for name in group:
            same[keys(name)] = n
    return Meaning(
        hedges=_phrases(data["hedge"]["words"] + data["hedge"]["phrases"]),
        modal_force=MappingProxyType(force),
        stance=_phrases(data["stance"]["words"]),
        framing=tuple((keys(a), keys(b)) for a, b in data["framing"]["pairs"]),
        speech_verbs=frozenset(v.casefold() for v in data["attribution"]["verbs"]),
        speech_phrases=frozenset(tuple(p.casefold().split()) for p in data["attribution"]["phrases"]),
        statement_words=_phrases(data["attribution"]["statement"]),
        same_names=MappingProxyType(same),
    )
