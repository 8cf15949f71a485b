"""Whose words a quotation of the source's own prose gives: statement_text, misattributed, faithful."""

from __future__ import annotations

from natodiff import attribution
from natodiff.api import compare, read_document
from natodiff.model import Options, Side, Verdict

STATEMENT = (
    "Statement by the North Atlantic Council on the attack on the Estonian embassy\n\n"
    "NATO Allies strongly condemn the reckless attack on the Estonian embassy in Kyiv. "
    "Moscow bears full responsibility for this attack and its consequences."
)


def verdicts(outlet: str, source: str = STATEMENT, **options) -> list[tuple[Verdict, str]]:
    c = compare(source, outlet, options=Options(**options))
    return [(q.verdict, q.text) for q in c.quotes]


def test_the_body_quoted_as_the_body_is_statement_text() -> None:
    outlet = 'NATO said that "Moscow bears full responsibility for this attack and its consequences."'
    assert verdicts(outlet)[0][0] is Verdict.STATEMENT_TEXT


def test_the_statement_quoted_as_the_statement_is_statement_text() -> None:
    outlet = '"Moscow bears full responsibility for this attack and its consequences," the statement said.'
    assert verdicts(outlet)[0][0] is Verdict.STATEMENT_TEXT


def test_the_body_s_words_given_to_a_person_are_misattributed() -> None:
    outlet = ('NATO Secretary General Jens Stoltenberg spoke in Brussels. '
              '"Moscow bears full responsibility for this attack and its consequences," Stoltenberg said.')
    assert verdicts(outlet)[0][0] is Verdict.MISATTRIBUTED


def test_a_scare_quote_found_verbatim_is_faithful() -> None:
    outlet = 'Allies called the attack on the embassy "reckless" and blamed Moscow, Stoltenberg said.'
    assert verdicts(outlet) == [(Verdict.FAITHFUL, "reckless")]


def test_source_speaker_makes_a_person_the_issuing_body() -> None:
    source = ("Statement by the Secretary General on the power plant strike\n\n"
              "The strike on the power plant is a grave violation of international law and must stop.")
    outlet = ('"The strike on the power plant is a grave violation of international law and must stop," '
              "Stoltenberg said.")
    assert verdicts(outlet, source)[0][0] is Verdict.MISATTRIBUTED
    assert verdicts(outlet, source, source_speaker="Jens Stoltenberg")[0][0] is Verdict.STATEMENT_TEXT


def test_the_issuing_body_comes_from_the_first_lines() -> None:
    doc = read_document("Ministry of Foreign Affairs of Ukraine\n\nComment on the shelling of Odesa.\n\n"
                        "The OSCE and Ukraine discussed it.", Side.SOURCE, "source")
    body = attribution.issuing_body(doc)
    assert ("ministry", "of", "foreign", "affair") in body
    assert ("osce",) in body


def test_the_samples_misattribution_and_alteration(source_text, outlet_text) -> None:
    c = compare(source_text, outlet_text)
    by_start = {q.text[:22]: q.verdict for q in c.quotes}
    assert by_start["It will enable Ukraine"] is Verdict.MISATTRIBUTED
    assert by_start["By the end of 2024, Eu"] is Verdict.ALTERED
    assert Verdict.STATEMENT_TEXT not in by_start.values()
