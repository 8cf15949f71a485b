"""What lies beside a link is read in its light: a sentence split in two, a paragraph rewritten.

The second half of a split sentence, or a clause moved into the next
sentence, scores too low to link anywhere; next to the link of its other
half, with words in common with what that link leaves over, it joins.
Made-up pairs of the class found on two scraped gold pairs (heldout-us-cable,
heldout-aggregator).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff.api import compare
from natodiff.model import Kind, Options
from natodiff.render.text import explanation

NO_FACTS = Options(facts=False)

# The release reports the deployment and its reason in one sentence; the story splits them.
RELEASE = ("Danish F-35 jets will police Icelandic airspace from May, after Russian bombers were tracked near the "
           "coast several times this winter.\n\n"
           "Four jets and 80 airmen will take part.\n\n"
           "Iceland has no air force of its own.\n")
SENT = "Denmark will send F-35 jets to police Icelandic airspace from May."
REASON = "The deployment follows several incidents in which bombers flew near the island."
STORY = f"{SENT}\n\n{REASON}\n\nIceland has no air force.\n"

# A fund set up in the release's first sentence, named in the story's second.
FUND_RELEASE = ("Ministers agreed to raise the ceiling of the Allied Support Facility by two billion euros to set up a "
                "dedicated Air Defence Fund.\n\n"
                "The fund will buy interceptors and radars for frontline countries next year.\n\n"
                "Germany and the Netherlands will host the first training courses.\n")
FUND_LEAD = "Allies on Friday agreed to add two billion euros to their support facility."
FUND_MONEY = ("The money will go into a new Air Defence Fund under the Allied Support Facility and buy interceptors "
              "and radars next year.")
FUND_STORY = f"{FUND_LEAD}\n\n{FUND_MONEY}\n\nCritics say the money comes too late.\n"


def links(source: str, outlet: str, reverse: bool = False) -> set[tuple[str, str]]:
    """(source sentence, outlet sentence) pairs, first 20 characters each, whichever text is which."""
    c = compare(outlet, source, options=NO_FACTS) if reverse else compare(source, outlet, options=NO_FACTS)
    src = {s.index: s.text[:20] for s in c.source.sentences}
    out = {s.index: s.text[:20] for s in c.outlet.sentences}
    pairs = {(src[s.source], out[s.outlet]) for a in c.alignments for s in a.links}
    return {(b, a) for a, b in pairs} if reverse else pairs


@pytest.mark.parametrize("reverse", [False, True], ids=["release-source", "story-source"])
def test_the_second_half_of_a_split_sentence_joins_it(reverse: bool) -> None:
    pairs = links(RELEASE, STORY, reverse)
    assert (RELEASE[:20], REASON[:20]) in pairs
    assert (RELEASE[:20], SENT[:20]) in pairs


def test_the_explanation_says_position_raised_the_score() -> None:
    c = compare(RELEASE, STORY, options=NO_FACTS)
    (item,) = [a for a in c.alignments if any(s.text == REASON for s in a.outlet)]
    assert "next to a sentence linked to its partner" in explanation(item, c.options.threshold).plain


def test_the_same_sentence_away_from_the_link_stays_alone() -> None:
    # Position is the evidence: after the unrelated closing line, the reason shares two words by chance.
    story = f"{SENT}\n\nIceland has no air force.\n\n{REASON}\n"
    c = compare(RELEASE, story, options=NO_FACTS)
    assert any(a.kind is Kind.OUTLET_ONLY and a.outlet[0].text == REASON for a in c.alignments)


def test_a_neighbour_sharing_one_word_with_what_the_link_leaves_over_stays_alone() -> None:
    story = STORY.replace(REASON, "The deployment follows several incidents at sea.")
    c = compare(RELEASE, story, options=NO_FACTS)
    assert any(a.kind is Kind.OUTLET_ONLY and a.outlet[0].text.startswith("The deployment") for a in c.alignments)


@pytest.mark.parametrize("reverse", [False, True], ids=["release-source", "story-source"])
def test_two_items_side_by_side_in_both_texts_join_through_the_sentence_both_restate(reverse: bool) -> None:
    pairs = links(FUND_RELEASE, FUND_STORY, reverse)
    assert {(FUND_RELEASE[:20], FUND_LEAD[:20]), (FUND_RELEASE[:20], FUND_MONEY[:20])} <= pairs
    assert ("The fund will buy in", FUND_MONEY[:20]) in pairs


def test_two_items_apart_in_one_text_stay_apart() -> None:
    # The story reports the training between the two: its lead's item and the money's are not side by side.
    story = FUND_STORY.replace(
        "\n\nThe money", "\n\nGermany and the Netherlands will host the first training courses in May.\n\nThe money")
    assert (FUND_RELEASE[:20], FUND_MONEY[:20]) not in links(FUND_RELEASE, story)


# A precision guard: source sentences the outlet condenses (so each link leaves words over), and an
# outlet sentence on another subject beside one of them that borrows a word both texts keep and at
# most one of the words left over.
_TOPIC = ("frigates radars drones brigade airbase pipeline exercise budget runway hangars convoy battalion "
          "sensors satellites corvettes submarines").split()
_OTHER = "harvest orchestra museum festival recipe garden novel painter tourism weather violin cathedral".split()


@given(st.data())
def test_a_sentence_on_another_subject_beside_a_link_stays_alone(data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 4), label="sentences")
    words = [data.draw(st.lists(st.sampled_from(_TOPIC), min_size=5, max_size=5, unique=True)) for _ in range(n)]
    source = "\n\n".join(f"The {a} and the {b} will reach the {c}, with the {d} and the {e}." for a, b, c, d, e in words)
    kept = [f"The {a} and the {b} will reach the {c}." for a, b, c, _, _ in words]
    at = data.draw(st.integers(0, n), label="stranger at")
    x, y = data.draw(st.lists(st.sampled_from(_OTHER), min_size=2, max_size=2, unique=True))
    beside = words[max(at - 1, 0) : at + 1]  # the sentences next to it
    over = [w for ws in beside for w in ws[3:]]
    said = data.draw(st.sampled_from([w for ws in beside for w in ws[:3] if w not in over] or [x]),
                     label="a word both keep")
    left = data.draw(st.sampled_from(over + [x]), label="a word left over")
    stranger = f"A {x} about {said} opened in spring, and critics praised its {y} and {left}."
    outlet = "\n\n".join(kept[:at] + [stranger] + kept[at:])
    reverse = data.draw(st.booleans(), label="reverse")
    c = compare(outlet, source, options=NO_FACTS) if reverse else compare(source, outlet, options=NO_FACTS)
    side = "source" if reverse else "outlet"
    (item,) = [a for a in c.alignments if any(s.text == stranger for s in getattr(a, side))]
    assert item.kind is (Kind.SOURCE_ONLY if reverse else Kind.OUTLET_ONLY)
