"""An irregular verb's past forms match the verb: "will pay for the fuel" / "the fuel will be paid for".

Stemming joins "pays" and "paying" to "pay" but not "paid"; a sentence turned
into the passive lost its verb and matched on its nouns alone. Made-up pairs of
the class found on a scraped gold pair (wire-reuters-ministry).
"""

from __future__ import annotations

import pytest

from natodiff.api import compare
from natodiff.align.prepared import lemmas
from natodiff.lexicon import IRREGULAR_VERBS
from natodiff.model import Kind, Options
from natodiff.normalise import tokens, word_key

NO_FACTS = Options(facts=False)

RELEASE = ("Norway will send two frigates to the Baltic Sea in April.\n\n"
           "Oslo will host the maritime exercise in the autumn. The fuel will be paid for by the host nation.\n\n"
           "Ministers will meet again in June.\n")
STORY = ("Norway is sending two frigates to the Baltic in April.\n\n"
         "Oslo will host the maritime exercise in the autumn and pay for the fuel.\n")


def linked(source: str, outlet: str) -> set[tuple[str, str]]:
    c = compare(source, outlet, options=NO_FACTS)
    src = {s.index: s.text for s in c.source.sentences}
    out = {s.index: s.text for s in c.outlet.sentences}
    return {(src[s.source][:20], out[s.outlet][:20]) for a in c.alignments for s in a.links}


def keyed(text: str) -> list[str]:
    return [t.key for t in lemmas(text, tokens(text))]


@pytest.mark.parametrize("reverse", [False, True], ids=["release-passive", "story-passive"])
def test_a_clause_merged_from_a_passive_sentence_links_on_its_irregular_verb(reverse: bool) -> None:
    source, outlet = (STORY, RELEASE) if reverse else (RELEASE, STORY)
    pairs = {tuple(sorted(p)) for p in linked(source, outlet)}
    assert tuple(sorted(("The fuel will be pai", "Oslo will host the m"))) in pairs


def test_the_same_clause_with_another_verb_stays_alone() -> None:
    # Precision guard: "covered" is no form of "pay"; the passive sentence shares the fuel alone.
    pairs = linked(RELEASE.replace("paid", "covered"), STORY)
    assert not any(s.startswith("The fuel") for s, _ in pairs)


@pytest.mark.parametrize("lemma, forms", sorted(IRREGULAR_VERBS.items()))
def test_every_form_keys_as_its_verb_does(lemma: str, forms: tuple[str, ...]) -> None:
    for form in forms:
        assert keyed(f"the ships {form} it") == keyed(f"the ships {lemma} it"), form


def test_only_lower_case_words_are_read_as_verbs() -> None:
    # "Drew" and "Met" may be names; a name keeps its own key.
    assert keyed("Drew arrived.")[0] == word_key("Drew")
    assert keyed("Ministers drew lessons.")[1] == word_key("draw")


@pytest.mark.parametrize("word", ["left", "found", "born", "tear", "won"])
def test_forms_that_are_as_often_another_word_keep_their_own_key(word: str) -> None:
    assert keyed(f"the {word} flank") == [t.key for t in tokens(f"the {word} flank")]


def test_the_report_still_shows_the_verb_as_changed() -> None:
    # The verb list is for linking: the report shows "paid" and "pay" as the different words they are.
    c = compare("Norway paid for the new radars at Bodo.\n", "Norway will pay for the new radars at Bodo.\n",
                options=NO_FACTS)
    (item,) = c.alignments
    assert item.kind is Kind.REWORDED
    assert any(op.op.value == "replace" and op.source.strip() == "paid" for op in item.diff)
