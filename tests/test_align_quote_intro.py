"""A quotation's intro ("Speaking at the dockyard, Wells said:") that the other text folded into the
quotation's own sentence ("…," Wells said during a visit to the dockyard) joins that sentence.

Made-up pairs of the class found on a scraped gold pair (uk-caption-toggle).
"""

from __future__ import annotations

import pytest

from natodiff.api import compare
from natodiff.model import Options
from natodiff.render.text import explanation

NO_FACTS = Options(facts=False)

RELEASE = ("The Navy ordered four new minehunters from the Rosyth yard on Monday.\n\n"
           "Visiting the shipyard on Monday, Navy Minister Claire Dunmore said:\n\n"
           "\"These ships will clear the sea lanes for our allies and keep four hundred welders in work. "
           "We need hulls in the water.\"\n")
STORY = ("The Navy has ordered four minehunters from Rosyth.\n\n"
         "\"These ships will clear the sea lanes for our allies and keep four hundred welders in work,\" "
         "Dunmore said during a visit to the shipyard.\n")


def linked(source: str, outlet: str) -> dict[str, set[str]]:
    c = compare(source, outlet, options=NO_FACTS)
    src = {s.index: s.text for s in c.source.sentences}
    out = {s.index: s.text for s in c.outlet.sentences}
    pairs: dict[str, set[str]] = {}
    for a in c.alignments:
        for s in a.links:
            pairs.setdefault(src[s.source][:20], set()).add(out[s.outlet][:20])
    return pairs


@pytest.mark.parametrize("reverse", [False, True], ids=["source-intro", "outlet-intro"])
def test_an_intro_folded_into_the_quotation_sentence_joins_it(reverse: bool) -> None:
    source, outlet = (STORY, RELEASE) if reverse else (RELEASE, STORY)
    pairs = linked(source, outlet)
    if reverse:
        assert "Visiting the shipyar" in {o for outs in pairs.values() for o in outs}
    else:
        assert pairs["Visiting the shipyar"] == {"\"These ships will cl"}


def test_the_explanation_says_why_an_intro_below_the_threshold_links() -> None:
    c = compare(RELEASE, STORY, options=NO_FACTS)
    (item,) = [a for a in c.alignments if any(s.text.startswith("Visiting") for s in a.source)]
    assert "the intro of the quotation that follows it" in explanation(item, c.options.threshold).plain


def test_an_intro_sharing_only_names_with_the_attribution_stays_alone() -> None:
    # The story's attribution names Dunmore and Rosyth, but says nothing the intro says.
    story = ("\"These ships will clear the sea lanes for our allies and keep four hundred welders in work,\" "
             "Dunmore said of Rosyth.\n")
    assert "Visiting the shipyar" not in linked(RELEASE, story)


def test_a_line_ending_in_a_colon_away_from_its_quotation_stays_alone() -> None:
    # The intro's next sentence is not the quoted one: nothing ties them.
    release = RELEASE.replace("Dunmore said:\n\n", "Dunmore said:\n\nThe yard employs welders from Fife.\n\n")
    assert "Visiting the shipyar" not in linked(release, STORY)
