"""Headlines, subheadings and joins on scraped pages (issue #19): who may link whom.

Made-up pairs, each of one class of false or missed link found on the gold pairs.
"""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from natodiff.api import compare
from natodiff.markdown_text import markdown_to_text
from natodiff.model import Kind, Options

NO_FACTS = Options(facts=False)


def links(source: str, outlet: str) -> set[tuple[str, str]]:
    c = compare(source, outlet, options=NO_FACTS)
    src = {s.index: s.text for s in c.source.sentences}
    out = {s.index: s.text for s in c.outlet.sentences}
    return {(src[s.source][:30], out[s.outlet][:30]) for a in c.alignments for s in a.links}


def test_a_copied_sentence_gathers_no_neighbour_on_the_words_the_copy_accounts_for() -> None:
    # The outlet copies S1; S2 shares its words with the copy and adds none of the outlet's.
    source = ("Riga, 4 May\n\nThe brigade will exercise with Latvian and Estonian battalions throughout the spring.\n\n"
              "Danish engineers have exercised with Latvian battalions near Adazi for many springs, "
              "including the annual Winter Shield drill.\n")
    outlet = ("The brigade will exercise with Latvian and Estonian battalions throughout the spring.\n\n"
              "Fuel prices rose again in Copenhagen on Monday.\n")
    assert links(source, outlet) == {("The brigade will exercise with", "The brigade will exercise with")}


def test_two_titles_link_each_other_and_not_the_lead_a_title_restates() -> None:
    source = ("Statement by the Minister on the delivery of patrol vessels to Moldova\n\n"
              "Romania will deliver six additional patrol boats to Moldova before the end of the year, the "
              "Minister of Defence said on Monday.\n\nThe boats will come from naval reserve stocks.\n")
    outlet = ("Romania to send six more patrol boats to Moldova, ministry says\n\n"
              "BUCHAREST - Romania will deliver six additional patrol boats to Moldova before the end of the year, "
              "the defence minister said on Monday.\n\nThe boats will come from naval reserve stocks.\n")
    found = links(source, outlet)
    assert ("Statement by the Minister on t", "Romania to send six more patro") in found
    assert ("Romania will deliver six addit", "Romania to send six more patro") not in found
    assert ("Romania will deliver six addit", "BUCHAREST - Romania will deliv") in found


def test_titles_of_texts_that_open_on_different_news_are_scored_like_any_pair() -> None:
    # A live page's headline and a press conference's title name the same meeting; the two
    # texts open on different news, so position lends the titles nothing.
    source = ("Press conference by the Chief of Defence following the informal meeting of Nordic Ministers of "
              "Defence at Akershus Fortress, with questions from the press\n\n"
              "Good afternoon.\n\nWe have just finished a meeting of Nordic Defence Ministers.\n\n"
              "The winter exercise will take place in Lapland with 9,000 troops.\n\n"
              "We will double the stock of artillery shells by 2027.\n")
    outlet = ("Live updates: Nordic defense ministers meet in Oslo\n\n"
              "Traffic around the parliament was closed for most of the morning.\n\n"
              "The stock of artillery shells will double by 2027, the chief of defence told reporters.\n")
    found = links(source, outlet)
    assert not any(o.startswith("Live updates") for _, o in found)
    assert ("We will double the stock of ar", "The stock of artillery shells ") in found


def test_a_subheading_joins_the_item_of_the_paragraph_it_heads() -> None:
    # The second post's body merges S1 and S2; its headline restates S1 and must not take S1
    # from the body, nor pick up S3 for sharing "new targets".
    source = ("Press conference by the Secretary General\n\n"
              "Ministers agreed new drone targets for every member state.\n\n"
              "These targets will require a large rise in counter-drone spending.\n\n"
              "The production plan agreed in Vilnius will be revised in June to reflect the new targets.\n")
    outlet = ("Drone makers wait for orders from ministries\n10:45 a.m.\nMinisters arrive at the headquarters\n"
              "Defence ministers began arriving at the headquarters in Brussels on Thursday morning.\n"
              "10:15 a.m.\nMinisters agree new drone targets\n"
              "Defence ministers agreed new drone targets for every member state, requiring a large rise in "
              "counter-drone spending.\n")
    c = compare(source, outlet, options=NO_FACTS)
    (item,) = [a for a in c.alignments if any(s.text == "Ministers agree new drone targets" for s in a.outlet)]
    assert [s.index for s in item.source] == [1, 2]
    assert len(item.outlet) == 2
    assert any(a.kind is Kind.SOURCE_ONLY and a.source[0].index == 3 for a in c.alignments)


def test_a_clause_merged_as_a_two_word_phrase_joins_on_what_the_link_leaves_over() -> None:
    # The outlet's sentence copies S0 and ends with S1's "on constant watch": two words, but a phrase.
    source = ("The frigates will be based at Souda Bay in Crete from March until the end of the summer.\n\n"
              "They will be on constant watch to track any submarine entering the Aegean without notice.\n\n"
              "Greece has asked for a third frigate.\n")
    outlet = ("The frigates will be based at Souda Bay in Crete until the end of the summer and will be on "
              "constant watch.\n")
    c = compare(source, outlet, options=NO_FACTS)
    (item,) = [a for a in c.alignments if a.outlet]
    assert [s.index for s in item.source] == [0, 1]


def test_two_scattered_words_left_over_join_nothing() -> None:
    # Away from the linked sentence: beside it, position would count as a third word
    # (tests/test_align_neighbours.py).
    source = ("The frigates will be based at Souda Bay in Crete from March until the end of the summer.\n\n"
              "Greece has asked for a third frigate.\n\n"
              "Any submarine entering the Aegean will be tracked, and the watch will be constant.\n")
    outlet = ("The frigates will be based at Souda Bay in Crete until the end of the summer and will be on "
              "constant watch.\n")
    c = compare(source, outlet, options=NO_FACTS)
    (item,) = [a for a in c.alignments if a.outlet]
    assert [s.index for s in item.source] == [0]


# Pages with titles and subheadings: the heading and title passes keep linking symmetric.
_WORDS = ("ministers allies defence drones targets command staff training Wiesbaden Brussels agreed deliver "
          "spending summit mission frigates jobs Rosyth patrols cables Baltic").split()
_FILL = "the a of to in and on for will has".split()


@st.composite
def _line(draw, stop: bool) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS + _FILL), min_size=3 if stop else 2, max_size=14 if stop else 6,
                          unique=True))
    text = " ".join(words)
    return text[0].upper() + text[1:] + ("." if stop else "")


@st.composite
def _page(draw) -> str:
    blocks = [draw(_line(False))]  # the title
    for _ in range(draw(st.integers(1, 5))):
        if draw(st.booleans()):
            blocks.append(draw(_line(False)))  # a subheading
        blocks.append(" ".join(draw(st.lists(_line(True), min_size=1, max_size=3))))
    return "\n\n".join(blocks) + "\n"


@given(_page(), _page())
def test_headings_and_titles_link_the_same_both_ways(a: str, b: str) -> None:
    def texts(c) -> set[tuple[str, str]]:
        src = {s.index: s.text for s in c.source.sentences}
        out = {s.index: s.text for s in c.outlet.sentences}
        return {(src[s.source], out[s.outlet]) for x in c.alignments for s in x.links}

    forward, backward = compare(a, b, options=NO_FACTS), compare(b, a, options=NO_FACTS)
    assert {(o, s) for s, o in texts(backward)} == texts(forward)


@given(_page())
@example("I\n\nÌ")  # a title and a heading alike once accents go: the heading must not take the title
def test_a_page_compared_with_itself_links_each_sentence_to_itself(a: str) -> None:
    c = compare(a, a, options=NO_FACTS)
    assert all(s.source == s.outlet for x in c.alignments for s in x.links)
    assert all(x.kind in (Kind.SHARED, Kind.BOILERPLATE) for x in c.alignments if x.repeat_of is None)


def test_a_long_first_line_missing_its_full_stop_still_links_as_a_body_sentence() -> None:
    source = ("Allies agree new air defence plan\n\nNATO Defence Ministers met on Thursday in Brussels to agree a new "
              "plan for air defence and to review the budget for 2025.\n\nThe plan covers 12 Allies.\n")
    outlet = ("NATO defence ministers met on Thursday in Brussels to agree a new plan for air defence and to review "
              "the budget for 2025 according to officials who spoke to reporters after the meeting ended late\n\n"
              "The plan covers 12 allies.\n")
    assert ("NATO Defence Ministers met on ", "NATO defence ministers met on ") in links(source, outlet)


# A headline that rewords the other text's lead (wire and state-media outlets do so constantly).
_RELEASE_TITLE = "Allies agree to expand Baltic air policing"
_RELEASE = ("NATO Defence Ministers agreed on Tuesday to double the number of fighter jets policing the airspace "
            "of Estonia, Latvia and Lithuania from next spring.\n\n"
            "The additional jets will come from eight Allies.\n\n"
            "Pilots from the three Baltic states will train with the rotating detachments.\n")
_WIRE_HEADLINE = "NATO to expand Baltic air policing, doubling fighter jets from spring"
_WIRE = ("Eight allies will provide the additional aircraft, officials said.\n\n"
         "Baltic pilots will also train with the rotating detachments.\n")


def _titled(title: str | None, body: str, markdown: bool) -> str:
    """The text as compare() gets it: markdown as the loader turns it into text (a heading line)."""
    if title is None:
        return markdown_to_text(body) if markdown else body
    return markdown_to_text(f"# {title}\n\n{body}") if markdown else f"{title}\n\n{body}"


@pytest.mark.parametrize(("release_md", "wire_md", "release_titled", "swap"), list(product((True, False), repeat=4)))
def test_a_headline_rewording_the_lead_carries_the_lead(
    release_md: bool, wire_md: bool, release_titled: bool, swap: bool
) -> None:
    release = _titled(_RELEASE_TITLE if release_titled else None, _RELEASE, release_md)
    wire = _titled(_WIRE_HEADLINE, _WIRE, wire_md)
    pairs = links(wire, release) if swap else links(release, wire)
    found = {(o, s) for s, o in pairs} if swap else pairs
    assert ("NATO Defence Ministers agreed ", "NATO to expand Baltic air poli") in found
    if release_titled:  # and the two titles, which share "expand Baltic air policing", link each other
        assert ("Allies agree to expand Baltic ", "NATO to expand Baltic air poli") in found


@pytest.mark.parametrize(("release_md", "swap"), list(product((True, False), repeat=2)))
def test_a_headline_rewording_the_lead_links_it_when_the_titles_do_not_link(release_md: bool, swap: bool) -> None:
    release = _titled("Ministerial meeting of the North Atlantic Council", _RELEASE, release_md)
    wire = _titled("NATO to double fighter jets guarding Baltic skies from spring", _WIRE, False)
    pairs = links(wire, release) if swap else links(release, wire)
    found = {(o, s) for s, o in pairs} if swap else pairs
    assert ("NATO Defence Ministers agreed ", "NATO to double fighter jets gu") in found
    assert not any(s.startswith("Ministerial meeting") for s, _ in found)


def test_a_headline_joins_the_lead_only_on_words_it_brings_beyond_the_other_title() -> None:
    # The outlet's headline is the release's title; the lead, which the outlet's body does not
    # carry, shares only the title's words with it: the outlet did leave the lead out.
    release = _titled(_RELEASE_TITLE, "Allies agreed on Tuesday to expand Baltic air policing to cover the Gulf "
                      "of Finland from next spring.\n\nThe additional jets will come from eight Allies.\n", True)
    wire = _titled(_RELEASE_TITLE, "Eight allies will provide the additional aircraft, officials said.\n", True)
    found = links(release, wire)
    assert (_RELEASE_TITLE[:30], _RELEASE_TITLE[:30]) in found
    assert not any(s.startswith("Allies agreed on Tuesday") for s, _ in found)
