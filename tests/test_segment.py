"""Segmentation: the sentence boundaries an analyst would draw."""

from __future__ import annotations

import textwrap

import pytest

from natodiff.model import Side
from natodiff.segment import paragraphs, segment, sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Stoltenberg spoke. He left.", ["Mr. Stoltenberg spoke.", "He left."]),
        ("It met on 15 Feb. 2024 in Brussels. Then it ended.", ["It met on 15 Feb. 2024 in Brussels.", "Then it ended."]),
        ("U.S. forces moved. Others stayed.", ["U.S. forces moved.", "Others stayed."]),
        ("Growth was 2.5 per cent. It rose.", ["Growth was 2.5 per cent.", "It rose."]),
        ("J. R. Smith said so. Then he left.", ["J. R. Smith said so.", "Then he left."]),
        ("“We need to shift to high tempo production,” he said. Next.",
         ["“We need to shift to high tempo production,” he said.", "Next."]),
        ("“Stop!” she shouted. “Now?” he asked.", ["“Stop!” she shouted.", "“Now?” he asked."]),
        ("He said: “We will.” Then he left.", ["He said: “We will.”", "Then he left."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        ("Dr. Ana Costa and Gen. Cavoli met.", ["Dr. Ana Costa and Gen. Cavoli met."]),
        ("J.D. Vance spoke. Then he left.", ["J.D. Vance spoke.", "Then he left."]),
        ("He arrived at 5 p.m. The meeting ended.", ["He arrived at 5 p.m.", "The meeting ended."]),
        ("They met at 10 a.m. Monday in Brussels.", ["They met at 10 a.m. Monday in Brussels."]),
        ("Troops left the U.S. They flew to Europe.", ["Troops left the U.S.", "They flew to Europe."]),
        ("He serves in U.S. Army Europe.", ["He serves in U.S. Army Europe."]),
        ("It cost approx. $5 billion. Then it rose.", ["It cost approx. $5 billion.", "Then it rose."]),
        ("The meeting began at 10.30. Rutte opened it.", ["The meeting began at 10.30.", "Rutte opened it."]),
        ("See details on nato.int. Allies will meet.", ["See details on nato.int.", "Allies will meet."]),
        ("He met J. A. Smith in Brussels. Then he left.", ["He met J. A. Smith in Brussels.", "Then he left."]),
        ("Police detained the tanker Eagle S. The vessel was seized.",
         ["Police detained the tanker Eagle S.", "The vessel was seized."]),
        # A numbered paragraph: the number stays with its first sentence.
        ("1. We, the Heads of State, have gathered in Vilnius. NATO is a defensive Alliance.",
         ["1. We, the Heads of State, have gathered in Vilnius.", "NATO is a defensive Alliance."]),
        ("12. Allies agreed. They left.", ["12. Allies agreed.", "They left."]),
        ("Allies met in 2024. 12. They left.", ["Allies met in 2024.", "12.", "They left."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_blank_line_paragraphs() -> None:
    text = "First para one. Still one.\n\nSecond para.\n\n\nThird."
    assert paragraphs(text) == ["First para one. Still one.", "Second para.", "Third."]


def test_one_paragraph_per_line() -> None:
    text = "A long first paragraph that goes on and on about the ministers meeting in Brussels.\nSecond paragraph.\nThird one here."
    assert len(paragraphs(text)) == 3


def test_hard_wrapped_paragraphs_rejoin() -> None:
    para = ("The ministers agreed to expand the training mission and to deliver more air defence "
            "systems before the winter, officials said on Thursday after the meeting in Brussels.")
    wrapped = textwrap.fill(para, 72) + "\n\n" + textwrap.fill(para, 60)
    assert paragraphs(wrapped) == [para, para]


def test_hyphen_at_wrap_rejoins_without_space() -> None:
    text = ("It provides more jobs in Europe and North America for the highly-\n"
            "skilled workers of the defence industry, the minister told the\n"
            "reporters on Thursday afternoon in Brussels.")
    assert "highly-skilled" in paragraphs(text)[0]


def test_a_number_wrapped_to_the_start_of_a_line_is_not_a_list_item() -> None:
    wrapped = "Allies agreed to buy the interceptors for the centre in Article\n5. Ministers met later in the day to discuss it."
    assert paragraphs(wrapped) == [wrapped.replace("\n", " ")]
    listed = "Ministers agreed on three points for the year ahead in Brussels:\n1. More air defence for the eastern flank."
    assert paragraphs(listed) == listed.split("\n")


def test_headings_are_their_own_units() -> None:
    sents, n = segment("Training center in Poland\nThe centre opens in May. It trains troops.", Side.OUTLET)
    assert [s.text for s in sents] == ["Training center in Poland", "The centre opens in May.", "It trains troops."]
    assert sents[0].heading and not sents[1].heading
    assert n == 2


def test_a_long_first_line_without_a_full_stop_is_the_title() -> None:
    title = ("Press conference by NATO Secretary General Jens Stoltenberg following the meeting of "
             "NATO Ministers of Foreign Affairs")
    sents, _ = segment(f"{title}\n\nGood afternoon. Today is a historic day.\n\n{title}\n", Side.SOURCE)
    assert sents[0].heading
    assert not sents[-1].heading  # only the first line may be that long


def test_sample_sentence_counts(source_text: str, outlet_text: str) -> None:
    src, _ = segment(source_text, Side.SOURCE)
    out, _ = segment(outlet_text, Side.OUTLET)
    texts = [s.text for s in src]
    assert "Minsters also discussed progress in ramping up ammunition production." in texts
    assert any(t.startswith("“By the end of 2024") and t.endswith("on defence this year.") for t in texts)
    assert "Jens Stoltenberg, NATO Secretary General" in [s.text for s in out]
    assert len(src) == 21 and len(out) == 25


def test_the_title_is_the_first_line_that_is_not_furniture() -> None:
    title = ("Security Council Demands Immediate Ceasefire in Gaza for Month of Ramadan, Adopting "
             "Resolution 2728 (2024) with United States Abstaining")
    sents, _ = segment(f"SC/15595\n\n25 March 2024\n\n{title}\n\nThe Council today demanded a ceasefire.\n",
                       Side.SOURCE)
    assert title in [s.text for s in sents if s.heading]


def test_a_title_case_title_may_end_in_an_abbreviation() -> None:
    title = ("Readout of Secretary of Defense Lloyd J. Austin III's Meeting With Philippine Secretary "
             "of National Defense Gilberto Teodoro Jr.")
    sents, _ = segment(f"{title}\n\nApril 11, 2024\n\nSecretary Austin welcomed him. They met.\n", Side.SOURCE)
    assert sents[0].heading and sents[0].text == title
    # A sentence ending in an abbreviation is still a sentence.
    sents, _ = segment("Troops left the U.S.\n\nThey flew to Europe.\n", Side.SOURCE)
    assert not sents[0].heading


def test_a_long_subtitle_under_the_title_is_a_heading_too() -> None:
    sub = ("Issued by NATO Heads of State and Government participating in the meeting of the North "
           "Atlantic Council in Vilnius 11 July 2023")
    sents, _ = segment(f"Vilnius Summit Communiqué\n\n{sub}\n\n1. We have gathered in Vilnius.\n\n{sub}\n",
                       Side.SOURCE)
    assert sents[1].text == sub and sents[1].heading
    assert not sents[-1].heading  # below the first sentence, 14 words is the limit again


def test_an_article_pasted_as_one_line_splits_as_its_paragraphs_do(source_text: str) -> None:
    """Each stop is judged on the words around it, wherever it sits in a very long line."""
    body = [p for p in source_text.splitlines() if p.rstrip().endswith((".", '."', ".”"))]
    assert len(body) >= 5
    line = " ".join(body * 40)  # about 80 KB in one paragraph
    expected = [s for p in body * 40 for s in sentences(p)]
    assert sentences(line) == expected
    # Initials, titles and dotted abbreviations far into the line still run on.
    tail = " Mr. J. A. Smith met U.S. officials at 10 a.m. Monday in Brussels. It rained."
    assert sentences(line + tail)[-2:] == ["Mr. J. A. Smith met U.S. officials at 10 a.m. Monday in Brussels.",
                                           "It rained."]
