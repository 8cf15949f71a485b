"""Claims: the combined facts of both texts (natodiff.claims).

The golden (tests/golden/sample.claims.json) pins the claims of the sample
pair as the JSON prints them. Rewrite it with
``NATODIFF_REGENERATE=1 python -m pytest tests/test_claims.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from test_properties import article, pair, sentence

from natodiff import claims
from natodiff import compare
from natodiff.model import Comparison, Fact, FactStatus, FactType, Options, Provenance
from natodiff.render.json import SCHEMA, dumps, to_dict

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "sample.claims.json"
FURNITURE = ("READ MORE: Ministers meet again next week", "ALSO READ: A summit in the spring", "Photo: AP")


def sample(facts: bool = True) -> Comparison:
    return compare((ROOT / "samples" / "nato-press-release-2024-02-15.txt").read_text(encoding="utf-8"),
                   (ROOT / "samples" / "outlet-report-2024-02-15.txt").read_text(encoding="utf-8"),
                   options=Options(facts=facts))


def assert_each_sentence_told_once(c: Comparison) -> None:
    """Every sentence but furniture and repeats is in exactly one claim, on its own side."""
    repeats = {(side, s.index) for a in c.alignments if a.repeat_of is not None
               for side, sentences in (("source", a.source), ("outlet", a.outlet)) for s in sentences}
    wanted = Counter({(side, s.index): 1 for side, doc in (("source", c.source), ("outlet", c.outlet))
                      for s in doc.sentences if not s.boilerplate and (side, s.index) not in repeats})
    told = Counter([("source", i) for x in c.claims for i in x.source]
                   + [("outlet", i) for x in c.claims for i in x.outlet])
    assert told == wanted
    assert [x.id for x in c.claims] == list(range(len(c.claims)))
    for x in c.claims:
        assert bool(x.source) == (x.provenance is not Provenance.OUTLET_ONLY)
        assert bool(x.outlet) == (x.provenance is not Provenance.SOURCE_ONLY)
        assert (x.place is not None) == (x.provenance is Provenance.OUTLET_ONLY)


def rank(x) -> int:
    """The issue's order, restated: problems, meaning shifts, additions with figures or names,
    omissions with figures, rest."""
    if claims.FIRST.intersection(x.flags):
        return 0
    if "meaning_shift" in x.flags:
        return 1
    if x.provenance is Provenance.OUTLET_ONLY and x.figures:
        return 2
    if x.provenance is Provenance.SOURCE_ONLY and {"dropped_figures"} & set(x.flags):
        return 3
    return 4


@st.composite
def furnished_pair(draw) -> tuple[str, str]:
    """A generated pair whose outlet also carries page furniture and a sentence it prints twice."""
    source, outlet = draw(pair())
    flat = [s for p in outlet for s in p]
    if draw(st.booleans()) and flat:
        outlet.insert(draw(st.integers(0, len(outlet))), [draw(st.sampled_from(flat))])
    for line in draw(st.lists(st.sampled_from(FURNITURE), max_size=2)):
        outlet.insert(draw(st.integers(0, len(outlet))), [line])
    if draw(st.booleans()):
        source.append([draw(sentence())])
    return article(source), article(outlet)


@given(furnished_pair())
def test_every_sentence_is_in_exactly_one_claim(texts):
    source, outlet = texts
    c = compare(source, outlet)
    assert_each_sentence_told_once(c)
    ranks = [rank(x) for x in c.claims]
    assert ranks == sorted(ranks)


def test_every_sample_sentence_is_in_exactly_one_claim():
    for c in (sample(), sample(facts=False)):
        assert_each_sentence_told_once(c)
        ranks = [rank(x) for x in c.claims]
        assert ranks == sorted(ranks)


def test_sample_claims_lead_with_what_a_reader_must_see():
    c = sample()
    first, second = c.claims[:2]
    assert "altered_quotation" in first.flags and "in 2014" in first.outlet_variant
    assert "misattributed_quotation" in second.flags and "It will enable Ukraine" in second.outlet_variant
    added = next(x for x in c.claims if "380 billion dollars" in x.figures)
    assert added.provenance is Provenance.OUTLET_ONLY and added.place == "after S8"
    assert added.text.startswith("This year, NATO member states") and added.text.endswith("he said.")
    shifted = sum("meaning_shift" in x.flags for x in c.claims[2:])
    assert c.claims.index(added) == 2 + shifted  # the first outlet addition, after quotations and shifts
    left = next(x for x in c.claims if "99%" in x.figures)
    assert left.provenance is Provenance.SOURCE_ONLY and "dropped_figures" in left.flags
    # Both: told in the source's words.
    both = next(x for x in c.claims if x.source == (10,))
    assert both.text == "In the past months, NATO has agreed contracts worth $10 billion US dollars."


def test_without_facts_claims_carry_no_figures():
    c = sample(facts=False)
    assert c.claims and not any(x.figures for x in c.claims)
    assert not any({"altered_quotation", "added_figures"} & set(x.flags) for x in c.claims)


def test_a_name_both_texts_give_alike_is_not_a_fact():
    def fact(type_, text, status):
        return Fact(type_, text, text, status, None, None)

    facts = (
        fact(FactType.ENTITY, "NATO", FactStatus.CONFIRMED),
        fact(FactType.ENTITY, "Allies", FactStatus.CONFIRMED),
        fact(FactType.COUNT, "18 Allies", FactStatus.CONFIRMED),
        fact(FactType.ENTITY, "Bydgoszcz", FactStatus.OUTLET_ONLY),
        fact(FactType.ENTITY, "Moscow", FactStatus.SOURCE_ONLY),
        fact(FactType.ENTITY, "Kyiv", FactStatus.CONFLICT),
        fact(FactType.DATE, "2024", FactStatus.CONFIRMED),
    )
    kept, names = claims.split_names(facts)
    assert [f.text for f in names] == ["NATO"]
    assert [f.text for f in kept] == ["Allies", "18 Allies", "Bydgoszcz", "Moscow", "Kyiv", "2024"]


def test_sample_facts_keep_every_figure_and_no_name_given_alike():
    c = sample()
    assert not any(f.type is FactType.ENTITY and f.status is FactStatus.CONFIRMED for f in c.facts)
    assert {"NATO", "Ukraine", "Poland"} <= {f.text for f in c.names}
    assert {"600 billion dollars", "18 Allies", "2%", "380 billion dollars", "99%"} <= {f.text for f in c.facts}
    assert all(f.source_index is not None or f.outlet_index is not None for f in c.facts)


def test_json_claims_and_golden():
    data = to_dict(sample())
    assert data["schema"] == SCHEMA == "natodiff.comparison/2"
    got = dumps(data["claims"], indent=2) + "\n"
    if os.environ.get("NATODIFF_REGENERATE"):
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8"), "claims changed: regenerate and review the diff"
    first = data["claims"][0]
    assert list(first) == ["id", "text", "provenance", "source", "outlet", "items", "figures", "flags",
                           "outlet_variant", "place"]
    assert first["source"] == [8] and first["outlet"] == [6, 9]  # 1-based, as sentence numbers print
    assert json.loads(got) == data["claims"]


def test_reports_list_combined_facts_and_name_the_names_given_alike():
    from natodiff.render import html, markdown
    from natodiff.render.combined import names_line

    c = sample()
    line = names_line(c)
    assert line is not None and "Poland" in line
    for out in (markdown.render(c), html.render(c)):
        assert "Combined facts (22 claims: 8 both, 7 outlet only, 7 source only)" in out
        assert "not in the source, after S8" in out
        assert "Named alike in both texts" in out and "Poland" in out
    assert names_line(sample(facts=False)) is None


def test_a_quotation_verdict_maps_to_its_flag_by_value():
    """The flags follow the verdicts' values, so a split verdict ("misattributed") needs no new code."""
    from natodiff.model import Quote

    c = sample(facts=False)
    addition = next(x for x in c.claims if x.provenance is Provenance.OUTLET_ONLY)
    quote = Quote("words", "a speaker", "misattributed", None, (), addition.outlet[0])  # type: ignore[arg-type]
    told = claims.build(c.alignments, (), (quote,))
    first = told[0]
    assert first.outlet == addition.outlet and first.flags == ("misattributed_quotation",)
