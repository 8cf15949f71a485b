"""Quotations: finding them, reading the speaker, and each verdict."""

from __future__ import annotations

import pytest
from rich.console import Console

from natodiff import quotes
from natodiff.api import read_document
from natodiff.model import DiffOp, Op, Quote, Side, Verdict


def sents(text: str, side: Side = Side.SOURCE):
    return read_document(text, side, side.value).sentences


def found(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes.find_quotes(sents(text))]


# ------------------------------------------------------------------ finding


def test_curly_and_straight_quotes():
    text = 'Mr Stoltenberg said “we are ready”. Jens Stoltenberg later said "we will stay ready".'
    assert [t for t, _ in found(text)] == ["we are ready", "we will stay ready"]


def test_quote_split_by_he_said_is_two_quotations_by_one_speaker():
    text = "Secretary General Jens Stoltenberg spoke. “We are ready,” he said. “Russia must not win.”"
    assert found(text) == [("We are ready", "Jens Stoltenberg"), ("Russia must not win.", "Jens Stoltenberg")]


def test_single_quoted_inner_quote_stays_inside():
    text = '"He told me \'no way\' today, and Russia\'s answer was clear," said Jens Stoltenberg.'
    assert found(text) == [("He told me 'no way' today, and Russia's answer was clear", "Jens Stoltenberg")]


def test_apostrophes_are_never_quote_marks():
    text = "Russia’s war and the Allies’ resolve don’t change, as in the ’90s and the '80s. Ukraine's plan stands."
    assert found(text) == []


def test_single_quotes_as_primary_marks_without_apostrophe_confusion():
    text = "The minister said the deal was 'historic' and that Russia's claims don't hold 'any water'."
    assert [t for t, _ in found(text)] == ["historic", "any water"]


def test_quote_spanning_a_paragraph_break():
    text = ("Secretary General Jens Stoltenberg spoke in Brussels.\n\n"
            "“This is the first paragraph of a long quote. It goes on.\n\n"
            "“And this is the second paragraph,” he said.")
    assert found(text) == [(
        "This is the first paragraph of a long quote. It goes on. And this is the second paragraph",
        "Jens Stoltenberg",
    )]


def test_unclosed_quote_ends_with_its_paragraph_when_next_does_not_reopen():
    text = "He said “we are ready.\n\nMinisters then left for Brussels."
    assert [t for t, _ in found(text)] == ["we are ready."]


@pytest.mark.parametrize("text", [
    "“We are ready,” Mr Stoltenberg said.",
    "“We are ready,” Stoltenberg said.",
    "“We are ready,” said Jens Stoltenberg.",
    "The Secretary General confirmed that while “we are ready”, talks go on.",
    "NATO Secretary General Jens Stoltenberg said: “We are ready.”",
])
def test_speaker_forms_resolve_to_the_full_name(text):
    intro = "Secretary General Jens Stoltenberg arrived.\n\n"
    assert [s for _, s in found(intro + text)] == ["Jens Stoltenberg"]


def test_slanted_and_restating_reporting_verbs_name_the_speaker():
    # A state-media rewrite: "claimed", not "said"; the ministry named in the lead does not speak.
    text = ("The Finnish authorities shut the crossing, the Finnish Foreign Ministry said.\n\n"
            "“Finland is closing its border,” Finnish Foreign Minister Elina Valtonen claimed.")
    assert found(text)[-1] == ("Finland is closing its border", "Elina Valtonen")
    # "said" here takes a clause whose subject is not a person: the verb before the quote speaks.
    text = ("Defense Secretary Lloyd Austin met his counterpart.\n\n"
            "Austin reaffirmed the “ironclad” U.S. commitment and said the Mutual Defense Treaty applies.")
    assert found(text) == [("ironclad", "Lloyd Austin")]


def test_he_said_takes_the_last_named_speaker_not_the_last_name():
    text = ("Jens Stoltenberg, the Secretary General, spoke first. Foreign Minister Jane Doe said she agreed.\n\n"
            "“We are united,” she said.")
    assert found(text) == [("We are united", "Jane Doe")]


def test_pull_quote_line_with_attribution_below():
    text = ("NATO met in Brussels on Thursday.\n"
            "We need to shift to the high-tempo production demanded by conflict.\n"
            "Jens Stoltenberg, NATO Secretary General\n"
            "Ministers discussed ammunition.")
    qs = quotes.find_quotes(sents(text))
    assert [(q.text, q.speaker, q.pull) for q in qs] == [
        ("We need to shift to the high-tempo production demanded by conflict.", "Jens Stoltenberg", True)]


# ------------------------------------------------------------------ verdicts

SOURCE = ("Secretary General Jens Stoltenberg said: “We do not see any imminent threat against the Alliance, "
          "and we will defend every inch of Allied territory.”\n\n"
          "The Alliance will hold its summit in Washington in July, where leaders will agree new targets.")


def verdict(outlet: str) -> Quote:
    (q,) = quotes.compare_quotes(sents(SOURCE), sents(outlet, Side.OUTLET))
    return q


def changes(q: Quote) -> list[tuple[Op, str, str]]:
    return [(d.op, d.source.strip(), d.outlet.strip()) for d in q.diff if d.op is not Op.EQUAL]


def test_faithful_up_to_punctuation_case_hyphens_and_spelling():
    q = verdict('"We do not see any imminent threat against the alliance and we will defend every inch of '
                'allied territory," Stoltenberg said.')
    assert (q.verdict, q.speaker, q.diff) == (Verdict.FAITHFUL, "Jens Stoltenberg", ())
    assert q.source_text.startswith("We do not see any imminent threat")


def test_fragment_of_a_longer_source_quote_is_faithful():
    assert verdict('NATO sees no "imminent threat against the Alliance".').verdict is Verdict.FAITHFUL


def test_dropped_word_is_altered_with_a_word_diff():
    q = verdict('"We will defend every inch of territory," he said.')
    assert q.verdict is Verdict.ALTERED
    assert changes(q) == [(Op.DELETE, "Allied", "")]
    assert "".join(d.outlet for d in q.diff) == q.text  # pieces keep the original wording


def test_dropped_negation_is_altered():
    q = verdict('"We do see any imminent threat against the Alliance," he said.')
    assert q.verdict is Verdict.ALTERED
    assert (Op.DELETE, "not", "") in changes(q)


@pytest.mark.parametrize("outlet", [
    '"We do not see any imminent threat … and we will defend every inch of Allied territory," he said.',
    '"We do not see any imminent threat ... and we will defend every inch of Allied territory," he said.',
    '"We do not see any imminent threat [...] and we will defend every inch of Allied territory," he said.',
    '"[NATO] will defend every inch of Allied territory," he said.',
    '"We do not see any imminent threat against [NATO]," he said.',
])
def test_words_left_out_at_an_ellipsis_or_put_in_brackets_are_faithful(outlet):
    assert verdict(outlet).verdict is Verdict.FAITHFUL


@pytest.mark.parametrize("outlet", [
    '"We do not see any imminent [danger] against the Alliance," he said.',  # a word swapped in brackets
    '"We do … see any imminent threat against the Alliance," he said.',  # the "not" left out
    '"We do not see any imminent threat and we will defend every inch of Allied territory," he said.',  # no mark
    '"We do not see [a danger to us] and we will defend every inch of Allied territory," he said.',  # too much
])
def test_unmarked_cuts_a_cut_negation_and_long_brackets_stay_altered(outlet):
    assert verdict(outlet).verdict is Verdict.ALTERED


def test_a_compound_written_as_one_word_is_faithful():
    source = "The minister said: “We will reinforce the front line with more troops.”"
    (q,) = quotes.compare_quotes(sents(source), sents('"We will reinforce the frontline with more troops," '
                                                      'he said.', Side.OUTLET))
    assert q.verdict is Verdict.FAITHFUL


def test_words_from_source_prose_given_to_a_person_are_misattributed():
    q = verdict('Stoltenberg said leaders "will agree new targets" at the summit.')
    assert (q.verdict, q.source_text) == (Verdict.MISATTRIBUTED, "will agree new targets")


def test_words_not_in_source_are_unsourced():
    q = verdict('"Russia is losing the war," Stoltenberg said.')
    assert (q.verdict, q.source_text) == (Verdict.UNSOURCED, None)


def test_one_quote_per_outlet_quotation_in_outlet_order():
    outlet = ('"Russia is losing," he said. "We will defend every inch of Allied territory."\n\n'
              'Leaders "will agree new targets".')
    result = quotes.compare_quotes(sents(SOURCE), sents(outlet, Side.OUTLET))
    assert [(q.verdict, q.outlet_sentence) for q in result] == [
        (Verdict.UNSOURCED, 0), (Verdict.FAITHFUL, 1), (Verdict.MISATTRIBUTED, 2)]


# ------------------------------------------------------------------ the sample pair


@pytest.fixture(scope="module")
def sample_quotes(source_text, outlet_text):
    return quotes.compare_quotes(sents(source_text), sents(outlet_text, Side.OUTLET))


def pick(result, start: str) -> Quote:
    (q,) = [q for q in result if q.text.startswith(start)][:1]
    return q


def test_sample_pledge_quote_is_altered_by_in_2014(sample_quotes):
    q = pick(sample_quotes, "By the end of 2024")
    assert (q.verdict, q.speaker) == (Verdict.ALTERED, "Jens Stoltenberg")
    assert changes(q) == [(Op.INSERT, "", "in 2014")]


def test_sample_shift_quote_is_checked_once_and_faithful(sample_quotes):
    shift = [q for q in sample_quotes if q.text.startswith("We need to shift")]
    assert [q.verdict for q in shift] == [Verdict.FAITHFUL]  # the pull quote, printed twice, counts once
    assert all(q.source_text.startswith("need to shift from the slow pace of peacetime,") for q in shift)


def test_sample_scare_quote_is_faithful(sample_quotes):
    q = pick(sample_quotes, "imminent military threat")
    assert (q.verdict, q.speaker) == (Verdict.FAITHFUL, "Jens Stoltenberg")


def test_sample_lessons_learned_is_misattributed(sample_quotes):
    q = pick(sample_quotes, "It will enable Ukraine")
    assert q.verdict is Verdict.MISATTRIBUTED
    assert "share lessons learned from Russia’s war" in q.source_text


def test_sample_quotes_in_outlet_order(sample_quotes):
    indices = [q.outlet_sentence for q in sample_quotes]
    assert indices == sorted(indices) and len(indices) == 4


# ------------------------------------------------------------------ the table


def render(renderable) -> str:
    console = Console(width=200, no_color=True, record=True)
    console.print(renderable)
    return console.export_text()


def test_quotes_table_marks_changes_without_colour_and_keeps_markup_literal():
    from natodiff.render.tables import quotes_table

    altered = Quote("[bold]We will[/bold] defend in 2014", "[i]Jens[/i]", Verdict.ALTERED, "We will defend",
                    (DiffOp(Op.EQUAL, "We will defend", "We will defend"), DiffOp(Op.INSERT, "", "in 2014"),
                     DiffOp(Op.REPLACE, "Allied", "allied [red]")), 3)
    out = render(quotes_table([altered, Quote("x", None, Verdict.UNSOURCED, None)]))
    assert "[bold]We will[/bold]" in out and "[i]Jens[/i]" in out
    assert "{+in 2014+}" in out and "[-Allied-] {+allied [red]+}" in out
    assert "ALTERED" in out and "UNSOURCED" in out


def test_words_spoken_in_a_transcript_are_quotable():
    transcript = ("Press conference by the Secretary General\n\n"
                  "OANA LUNGESCU (NATO Spokesperson): Good afternoon, the Secretary General will start.\n\n"
                  "STOLTENBERG: Today is a historic day. Finland will become the 31st member of our Alliance.\n\n"
                  "Q: Will NATO deploy more forces to Finland soon?\n\n"
                  "STOLTENBERG: There will be no NATO troops in Finland without the consent of the Finnish "
                  "government.\n")
    outlet = ('Stoltenberg said: "There will be no NATO troops in Finland without the consent of the '
              'Finnish government." He added that it was "a historic day." '
              '"Will NATO deploy more forces to Finland soon?" a reporter asked.')
    verdicts = {q.text: q.verdict for q in quotes.compare_quotes(sents(transcript), sents(outlet, Side.OUTLET))}
    assert verdicts["There will be no NATO troops in Finland without the consent of the Finnish government."] \
        is Verdict.FAITHFUL
    assert verdicts["a historic day."] is Verdict.FAITHFUL
    # A journalist's question is not the official's word.
    assert verdicts["Will NATO deploy more forces to Finland soon?"] is not Verdict.FAITHFUL
