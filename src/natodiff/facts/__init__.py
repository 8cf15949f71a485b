"""Facts (figures, dates, names) stated by each text, and their cross-check.

Pattern-based on purpose: the texts are short news items and a wrong fact is
worse than a missing one, so every extractor errs on the side of silence.

- numbers: money, percentages, dates, years and counts in one sentence;
- names: people with their titles, bodies and places, and who is who across a text (``People``);
- context: the words around a figure, which tell what it is a figure of;
- gathering: every mention of both texts, gaps filled from the other text;
- crosscheck: the two texts' mentions paired into ``Fact`` with a status.
"""

from natodiff.facts.crosscheck import cross_check, list_facts
from natodiff.facts.gathering import Gathered, extract, gather
from natodiff.facts.mention import Mention
from natodiff.facts.names import People, entity_key, people, persons_in, register, resolve_person
from natodiff.facts.numbers import human

__all__ = [
    "Gathered", "Mention", "People", "cross_check", "entity_key", "extract", "gather", "human", "list_facts",
    "people", "persons_in", "register", "resolve_person",
]
