"""Alignment on small hand-made pairs: reordering, merges, splits, additions."""

from __future__ import annotations

from natodiff.api import compare
from natodiff.align import MUTUAL_MARGIN
from natodiff.model import Kind, Options

SOURCE = """\
Defence ministers met in Brussels on Thursday to discuss air defence for Ukraine.

The Secretary General said that 23 Allies will spend two percent of GDP on defence this year.

Ministers also agreed to open a new logistics hub in Romania to speed up deliveries.

The meeting ended with a joint statement on maritime security in the Black Sea.
"""

NO_FACTS = Options(facts=False)


def links(c) -> set[tuple[int, int]]:
    return {(s.source, s.outlet) for a in c.alignments for s in a.links}


def item_of(c, side: str, needle: str):
    for a in c.alignments:
        for s in getattr(a, side):
            if needle in s.text:
                return a
    raise AssertionError(f"{needle!r} not found on the {side} side")


def test_reordered_outlet_links_every_sentence() -> None:
    outlet = """\
The meeting ended with a joint statement on maritime security in the Black Sea.
Ministers also agreed to open a new logistics hub in Romania to speed up deliveries.
Defence ministers met in Brussels on Thursday to discuss air defence for Ukraine.
"""
    c = compare(SOURCE, outlet, options=NO_FACTS)
    assert links(c) == {(3, 0), (2, 1), (0, 2)}
    assert item_of(c, "outlet", "Black Sea").kind is Kind.SHARED
    assert item_of(c, "source", "23 Allies").kind is Kind.SOURCE_ONLY
    assert sum(a.moved for a in c.alignments) == 2  # one kept in order, two moved


def test_merged_sentence_links_to_both_sources() -> None:
    outlet = ("Ministers agreed to open a logistics hub in Romania to speed up deliveries, "
              "and the meeting ended with a joint statement on Black Sea maritime security.")
    c = compare(SOURCE, outlet, options=NO_FACTS)
    item = item_of(c, "outlet", "logistics hub")
    assert {s.index for s in item.source} == {2, 3}
    assert item.kind is Kind.REWORDED


def test_split_source_sentence_links_to_both_outlet_sentences() -> None:
    outlet = ("The Secretary General said 23 Allies will meet the target this year. "
              "The target is to spend two percent of GDP on defence.")
    c = compare(SOURCE, outlet, options=NO_FACTS)
    item = item_of(c, "source", "23 Allies")
    assert [s.index for s in item.outlet] == [0, 1]


def test_addition_inside_a_sentence_is_an_insert() -> None:
    outlet = ("The Secretary General said that 23 Allies will spend two percent of GDP on defence "
              "this year, compared to only three in 2014.")
    c = compare(SOURCE, outlet, options=NO_FACTS)
    item = item_of(c, "outlet", "23 Allies")
    assert item.kind is Kind.REWORDED
    inserted = " ".join(op.outlet for op in item.diff if op.op.value == "insert")
    assert "compared to only three in 2014" in inserted


def test_spelling_and_typography_alone_keep_a_sentence_shared() -> None:
    outlet = "Defense ministers met in Brussels on Thursday to discuss air defense for Ukraine."
    c = compare(SOURCE, outlet, options=NO_FACTS)
    assert item_of(c, "outlet", "Defense ministers").kind is Kind.SHARED


def test_unrelated_sentence_on_the_same_topic_is_not_linked() -> None:
    outlet = "Ukraine asked its partners for more air defence systems ahead of the winter."
    c = compare(SOURCE, outlet, options=NO_FACTS)
    assert item_of(c, "outlet", "winter").kind is Kind.OUTLET_ONLY


def test_furniture_is_boilerplate_and_not_counted() -> None:
    outlet = """\
READ MORE: Ministers meet in Brussels
Defence ministers met in Brussels on Thursday to discuss air defence for Ukraine.
Jens Stoltenberg, NATO Secretary General
Reporting by Jane Doe; Editing by John Roe
"""
    c = compare(SOURCE, outlet, options=NO_FACTS)
    kinds = [a.kind for a in c.alignments if a.outlet]
    assert kinds == [Kind.BOILERPLATE, Kind.SHARED, Kind.BOILERPLATE, Kind.BOILERPLATE]
    assert c.summary.boilerplate == 3 and c.summary.outlet_only == 0


def test_repeat_in_outlet_points_at_first_occurrence() -> None:
    outlet = """\
Ministers also agreed to open a new logistics hub in Romania to speed up deliveries.
The hub will be ready in spring, officials said.
Ministers also agreed to open a new logistics hub in Romania to speed up deliveries.
"""
    c = compare(SOURCE, outlet, options=NO_FACTS)
    first = item_of(c, "outlet", "logistics hub")
    repeat = [a for a in c.alignments if a.repeat_of is not None]
    assert len(repeat) == 1 and repeat[0].repeat_of == first.id
    assert c.summary.repeats == 1 and c.summary.shared == 1


def test_threshold_option_controls_linking() -> None:
    outlet = "Ministers agreed on a logistics hub."
    loose = compare(SOURCE, outlet, options=Options(facts=False, threshold=0.3))
    strict = compare(SOURCE, outlet, options=Options(facts=False, threshold=0.95))
    assert item_of(loose, "outlet", "hub").kind is Kind.REWORDED
    assert item_of(strict, "outlet", "hub").kind is Kind.OUTLET_ONLY


MUTUAL_SRC = ("Air and missile defence has been a top priority for the Alliance since "
              "Russia's full-scale invasion of Ukraine.")
MUTUAL_OUT = ("NATO officials say air defense has been a top priority since the Ukraine crisis "
              "escalated in February 2022.")


def _linked(source: str, outlet: str, threshold: float) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    c = compare(source, outlet, options=Options(threshold=threshold, facts=False))
    return [(tuple(s.index for s in a.source), tuple(s.index for s in a.outlet))
            for a in c.alignments if a.source and a.outlet]


def _link_score(source: str, outlet: str) -> float:
    (item,) = compare(source, outlet, options=Options(threshold=0.05, facts=False)).alignments
    return item.links[0].score


def test_mutual_best_matches_link_a_little_below_the_threshold() -> None:
    score = _link_score(MUTUAL_SRC, MUTUAL_OUT)
    assert _linked(MUTUAL_SRC, MUTUAL_OUT, score + MUTUAL_MARGIN - 0.01) == [((0,), (0,))]
    assert _linked(MUTUAL_SRC, MUTUAL_OUT, score + MUTUAL_MARGIN + 0.01) == []


def test_no_link_below_the_threshold_when_two_sentences_match_about_equally() -> None:
    # The outlet sentence reports one of two source sentences; which one is a guess.
    # Leads differ, so that no lead-to-lead prior tips the balance.
    lead = "Ministers met in Brussels on Thursday for two days of talks.\n\n"
    twin = MUTUAL_SRC.replace("full-scale invasion of", "full-scale attack on")
    source, outlet = f"{lead}{MUTUAL_SRC}\n\n{twin}\n", f"Cold weather hit Madrid.\n\n{MUTUAL_OUT}\n"
    alone = f"{lead}{MUTUAL_SRC}\n"
    score = max(s.score for a in compare(alone, outlet, options=Options(threshold=0.05, facts=False)).alignments
                for s in a.links if s.source == 1)
    assert _linked(alone, outlet, score + MUTUAL_MARGIN - 0.01) == [((1,), (1,))]
    assert _linked(source, outlet, score + MUTUAL_MARGIN - 0.01) == []
    assert len(_linked(source, outlet, score - 0.01)) == 1  # above the threshold, one link


def test_a_dropped_or_flipped_function_word_that_changes_meaning_is_not_shared() -> None:
    for source, outlet in [
        ("NATO will not send troops to Ukraine this year.", "NATO will send troops to Ukraine this year."),
        ("Ministers did not agree on the new air defence plan.", "Ministers did agree on the new air defence plan."),
        ("The allies met before the summit in Vilnius.", "The allies met after the summit in Vilnius."),
    ]:
        (item,) = compare(source, outlet, options=NO_FACTS).alignments
        assert item.kind is Kind.REWORDED, outlet
    (item,) = compare("NATO will send the troops to Ukraine.", "NATO will send troops to Ukraine.",
                      options=NO_FACTS).alignments
    assert item.kind is Kind.SHARED  # an article dropped is still verbatim


def test_a_short_headline_does_not_link_to_a_long_sentence_that_contains_its_words(source_text: str) -> None:
    # The sample source has long sentences with "Allies" and "meeting" in them.
    outlet = "Allies meet\n\nThe weather in Madrid stayed warm and dry for the whole of the week.\n"
    c = compare(source_text, outlet, options=NO_FACTS)
    assert item_of(c, "outlet", "Allies meet").kind is Kind.OUTLET_ONLY


def test_a_denial_is_not_a_repeat_of_the_claim_it_denies() -> None:
    source = ("Ministers met in Brussels.\n\nRussia says NATO is a party to the conflict because it sends weapons.\n\n"
              "NATO is not a party to the conflict.\n")
    c = compare(source, "Ministers met in Brussels.", options=NO_FACTS)
    denial = item_of(c, "source", "not a party")
    assert denial.repeat_of is None and denial.kind is Kind.SOURCE_ONLY
    assert c.summary.repeats == 0


def test_a_currency_before_or_after_its_amount_is_still_shared() -> None:
    (item,) = compare("Around $5bn of new aid was agreed by the Allies on Thursday.",
                      "Around 5 billion dollars of new aid was agreed by the Allies on Thursday.",
                      options=NO_FACTS).alignments
    assert item.kind is Kind.SHARED
    (item,) = compare("Contracts worth €10 billion were agreed.", "Contracts worth $10 billion were agreed.",
                      options=NO_FACTS).alignments
    assert item.kind is Kind.REWORDED  # another currency is another figure


def test_a_compound_written_as_one_word_or_two_is_still_shared() -> None:
    for source, outlet in [("NATO will reinforce the front line with more troops this year.",
                            "NATO will reinforce the frontline with more troops this year."),
                           ("UN peace keeping forces will stay in the region for another year.",
                            "UN peacekeeping forces will stay in the region for another year.")]:
        (item,) = compare(source, outlet, options=NO_FACTS).alignments
        assert item.kind is Kind.SHARED, outlet
    (item,) = compare("NATO will reinforce the front with more troops this year.",
                      "NATO will reinforce the frontline with more troops this year.", options=NO_FACTS).alignments
    assert item.kind is Kind.REWORDED  # "line" added is a word added


VOTE_SOURCE = """\
The Security Council today extended the mandate of the United Nations Mission in South Sudan until 30 April 2025.

Adopting resolution 2799 by a recorded vote of 13 in favour to none against, with 2 abstentions (China, Russian \
Federation), the Council decided that the mandate would continue to focus on the protection of civilians and the \
delivery of humanitarian assistance.

The representative of France welcomed the renewal and the focus on women and girls.
"""
VOTE_OUTLET = ("The U.N. Security Council on Tuesday extended its mission in South Sudan for another year, "
               "with China and Russia abstaining.\n")


def test_a_clause_merged_into_a_linked_sentence_joins_on_what_the_link_leaves_over() -> None:
    # The outlet's lead reports the extension (S0) and, in a clause, the vote (S1): S1
    # shares few of the lead's words, but most of what S0 leaves over.
    c = compare(VOTE_SOURCE, VOTE_OUTLET, options=NO_FACTS)
    assert {s.index for s in item_of(c, "outlet", "abstaining").source} == {0, 1}
    (rest,) = [s for s in item_of(c, "outlet", "abstaining").links if s.source == 1]
    assert rest.prior == "rest"


def test_a_rest_is_used_once() -> None:
    # Two source sentences report the abstentions; the outlet's clause joins one of them.
    source = VOTE_SOURCE + "\nChina and Russia abstained, saying the text held politicized language on rights.\n"
    c = compare(source, VOTE_OUTLET, options=NO_FACTS)
    assert len(item_of(c, "outlet", "abstaining").source) == 2


def test_a_rest_of_names_alone_joins_nothing() -> None:
    # "Mark Rutte … in Brussels on Thursday" is who, where and when: the lone source
    # sentence shares only those with the outlet's attribution.
    source = ("NATO Defence Ministers agreed to double the Alliance's stockpiles of artillery ammunition by 2027.\n\n"
              "Later, Mark Rutte met Rustem Umerov in Brussels on Thursday to discuss winter fuel, demining "
              "equipment and the training of pilots.\n")
    outlet = ("Defence ministers agreed to double stockpiles of artillery ammunition by 2027, Mark Rutte told "
              "reporters in Brussels on Thursday.\n")
    assert links(compare(source, outlet, options=NO_FACTS)) == {(0, 0)}


def test_a_repeat_is_found_however_common_its_words() -> None:
    """Every word of the repeat is in over DF_CAP sentences, which propose no pairs; it is still a repeat."""
    from natodiff.align import DF_CAP, Weights, find_repeats, prepare
    from natodiff.model import Sentence, Side

    lines = ["Ministers discussed defence spending and support for Ukraine."]
    lines += [f"Ministers discussed defence spending and support for Ukraine with delegation{n:03d}."
              for n in range(DF_CAP + 10)]
    lines.append("Ministers discussed defence spending and support for Ukraine, officials said.")
    units = prepare([Sentence(Side.SOURCE, k, k, text) for k, text in enumerate(lines)])
    repeats = find_repeats(units, Weights(units))
    assert repeats == {len(lines) - 1: 0}


def test_the_same_words_with_the_roles_swapped_are_not_a_repeat() -> None:
    source = ("Ministers met in Brussels.\n\nRussia is a bigger threat to Europe than China.\n\n"
              "China is a bigger threat to Europe than Russia.\n")
    c = compare(source, "Ministers met in Brussels.", options=NO_FACTS)
    assert item_of(c, "source", "China is a bigger").repeat_of is None
    assert c.summary.repeats == 0


def test_a_short_sentence_printed_twice_is_a_repeat() -> None:
    outlet = ("Sunak visited Kyiv.\n\n\"The UK will not falter.\"\n\nAid will rise next year.\n\n"
              "\"The UK will not falter.\"\n")
    c = compare("Sunak visited Kyiv. \"The UK will not falter,\" he said.", outlet, options=NO_FACTS)
    repeats = [a for a in c.alignments if a.repeat_of is not None]
    assert len(repeats) == 1 and repeats[0].outlet[0].index == 3
    assert c.summary.repeats == 1
