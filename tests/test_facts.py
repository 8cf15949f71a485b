"""Facts: extraction per kind, the cross-check, and the sample pair."""

from __future__ import annotations

import pytest
from rich.console import Console

from natodiff import facts
from natodiff.api import read_document
from natodiff.model import FactStatus, FactType, Side


def sents(text: str, side: Side = Side.SOURCE):
    return read_document(text, side, side.value).sentences


def found(text: str, kind: FactType) -> dict[str, object]:
    """says -> value for one kind of fact in ``text``."""
    return {m.says: m.value for m in facts.extract(sents(text)) if m.type is kind}


def entities(text: str) -> set[str]:
    return {f.text for f in facts.list_facts(sents(text)) if f.type is FactType.ENTITY}


def compared(source: str, outlet: str):
    return facts.cross_check(facts.gather(sents(source), sents(outlet, Side.OUTLET)))


def by_text(result, kind: FactType | None = None) -> dict[str, FactStatus]:
    return {f.text: f.status for f in result if kind is None or f.type is kind}


# ------------------------------------------------------------------ extractors


def test_money_with_currency_and_scale():
    text = ("NATO agreed contracts worth $10 billion US dollars. Allies added 600 billion dollars. "
            "Europe will invest $380 billion. The EU pledged €2.5bn and London £300 million.")
    assert found(text, FactType.MONEY) == {
        "$10 billion US dollars": 1e10, "600 billion dollars": 6e11, "$380 billion": 3.8e11,
        "€2.5bn": 2.5e9, "£300 million": 3e8,
    }


def test_numbers_as_translated_texts_write_them():
    assert found("The EU gave 4,2 bln euros.", FactType.MONEY) == {"4,2 bln euros": 4.2e9}
    assert found("Russia launched 1 200 drone attacks.", FactType.COUNT) == {"1 200 drone attacks": 1200}
    assert found("In 2024 100 troops came.", FactType.COUNT) == {"100 troops": 100}  # a year is no thousands group
    assert found("Each drone costs €1 200.", FactType.MONEY) == {"€1 200": 1200}  # at a sentence's end
    assert found("The EU gave 4,25 bln euros.", FactType.MONEY) == {"4,25 bln euros": 4.25e9}


def test_money_label_is_canonical_whatever_the_wording():
    labels = {f.text for f in facts.list_facts(sents("It cost $10 billion. It cost 10 billion US dollars."))}
    assert labels == {"10 billion dollars"}


@pytest.mark.parametrize("wording", ["2%", "2 percent", "2 per cent", "two per cent"])
def test_percent_wordings_have_one_value(wording):
    assert list(found(f"Allies spend {wording} of GDP on defence.", FactType.PERCENT).values()) == [2.0]


def test_counts_keep_the_noun_they_count():
    text = ("He expects 18 Allies to spend more. A group will deliver one million drones. "
            "20 NATO Allies formed a coalition. NATO has 31 member states, founded by 12 countries.")
    counts = {m.says: (m.value, m.label) for m in facts.extract(sents(text)) if m.type is FactType.COUNT}
    assert counts == {
        "18 Allies": (18, "18 Allies"), "one million drones": (1e6, "1 million drones"),
        "20 NATO Allies": (20, "20 Allies"), "31 member states": (31, "31 member states"),
        "12 countries": (12, "12 countries"),
    }


def test_numbers_inside_names_are_not_counts():
    text = "With Steadfast Defender 24, the largest exercise, Allies sent F-16 equipment and spare parts."
    assert found(text, FactType.COUNT) == {}


@pytest.mark.parametrize("wording", ["15 February 2024", "Feb 15, 2024", "15 Feb. 2024", "February 15th, 2024",
                                     "15.02.2024"])
def test_dates_in_any_order_give_one_iso_value(wording):
    assert list(found(f"Ministers met on {wording} in Brussels.", FactType.DATE).values()) == ["2024-02-15"]


def test_bare_years_are_dates():
    assert found("Allies made the pledge in 2014.", FactType.DATE) == {"2014": "2014"}


def test_named_entities_multiword_and_events():
    text = ("NATO Secretary General Jens Stoltenberg met Ukrainian Defence Minister Rustem Umerov at a "
            "meeting of the North Atlantic Council. With Steadfast Defender 24 under way, the news agency "
            "Interfax-Ukraine said Ukraine is an Enhanced Opportunities Partner.")
    assert {"NATO", "Jens Stoltenberg", "Rustem Umerov", "North Atlantic Council", "Steadfast Defender 24",
            "Interfax-Ukraine", "Ukraine", "Enhanced Opportunities Partner"} <= entities(text)


def test_capitalised_common_words_are_not_entities():
    text = ("Finally, Allies met in Brussels. Separately, ministers talked. While in Poland, they met. "
            "In February the Allies agreed. The ministers left.\n\nREAD MORE: NATO news")
    assert entities(text) == {"Brussels", "Poland"}


def test_title_and_surname_resolve_to_one_person():
    text = ("Secretary General Jens Stoltenberg opened the meeting. Mr Stoltenberg said more was needed. "
            "Stoltenberg left.")
    people = [f for f in facts.list_facts(sents(text)) if f.type is FactType.ENTITY]
    assert [(f.text, f.value) for f in people] == [("Jens Stoltenberg", "Jens Stoltenberg")]


def test_aliases_confirm_nato():
    result = compared("The North Atlantic Treaty Organization met.", "The Alliance met. NATO agreed.")
    assert by_text(result, FactType.ENTITY) == {"NATO": FactStatus.CONFIRMED}


def test_surname_only_in_outlet_confirms_full_name_in_source():
    result = compared("Secretary General Jens Stoltenberg spoke.", "In Brussels, Stoltenberg spoke.")
    assert by_text(result)["Jens Stoltenberg"] is FactStatus.CONFIRMED


def test_a_name_said_inside_a_count_on_the_other_side_is_confirmed():
    result = compared("Allies will buy Patriot missiles. They signed in Brussels.",
                      "Allies will buy 1,000 Patriot missiles. Contracts worth $10 billion US dollars were agreed.")
    statuses = by_text(result, FactType.ENTITY)
    assert statuses["Patriot"] is FactStatus.CONFIRMED
    assert "United States" not in statuses  # "US dollars" names a currency, not the country


def test_the_agency_in_a_dateline_is_not_a_fact_but_the_place_is():
    statuses = by_text(compared("Allies met on Thursday to discuss air defence.",
                                "BRUSSELS (Reuters) - Allies met on Thursday to discuss air defence."),
                       FactType.ENTITY)
    assert "Reuters" not in statuses
    assert statuses["Brussels"] is FactStatus.OUTLET_ONLY


def test_a_year_before_a_noun_is_a_date_not_a_count():
    assert found("Spending rose above 2023 levels.", FactType.COUNT) == {}
    assert "2023" in found("Spending rose above 2023 levels.", FactType.DATE)
    assert found("Allies will send 1800 troops.", FactType.COUNT) == {"1800 troops": 1800}


def test_ten_is_a_number_not_a_name_particle():
    assert "Vilnius" in entities("In Vilnius ten Allies agreed to more air defence.")


def test_names_with_particles_and_transliterations_are_one_name():
    result = compared("Ursula von der Leyen met President Volodymyr Zelenskyy in Kyiv.",
                      "Ursula von der Leyen met Zelensky in Kiev.")
    statuses = by_text(result, FactType.ENTITY)
    assert statuses == {"Ursula von der Leyen": FactStatus.CONFIRMED, "Volodymyr Zelenskyy": FactStatus.CONFIRMED,
                        "Kyiv": FactStatus.CONFIRMED}


@pytest.mark.parametrize("text, name", [
    ("Ministers decided to create a new NATO-Ukraine Joint Analysis, Training and Education Centre in Poland.",
     "NATO-Ukraine Joint Analysis, Training and Education Centre"),
    ("The Research, Development and Innovation Agency opened in Tallinn.",
     "Research, Development and Innovation Agency"),
])
def test_a_listed_organisation_is_one_name_with_its_comma(text, name):
    names = entities(text)
    assert name in names
    assert not {n for n in names if n != name and (n in name)}  # no piece of it listed apart


@pytest.mark.parametrize("text, apart", [
    ("Troops moved through Tallinn, Riga and Vilnius Command posts.", "Tallinn"),
    ("The Council, Commission and European Parliament agreed.", "European Parliament"),
    ("He met the Defence Minister, Army and Navy Command in Riga.", "Riga"),
])
def test_places_organisations_or_titles_listed_stay_apart(text, apart):
    names = entities(text)
    assert apart in names
    assert not any("," in n for n in names)


def test_a_country_opening_a_sentence_is_a_name():
    text = "Germany, the Netherlands and Denmark have agreed to buy jets. Russia's war goes on."
    assert {"Germany", "Denmark", "Russia"} <= set(found(text, FactType.ENTITY))


def test_boilerplate_is_skipped():
    text = "READ MORE: Allies pledge 5% of GDP\n\nAllies met in Brussels."
    assert found(text, FactType.PERCENT) == {}


# ------------------------------------------------------------------ cross-check


def test_alias_nouns_and_currency_wordings_are_confirmed():
    result = compared("He expects 18 Allies to spend. Contracts worth $10 billion US dollars were agreed.",
                      "He expected 18 member states to spend. Contracts worth 10 billion dollars were agreed.")
    assert by_text(result) == {"18 Allies": FactStatus.CONFIRMED, "10 billion dollars": FactStatus.CONFIRMED}
    says = {f.text: (f.source_says, f.outlet_says) for f in result}
    assert says["18 Allies"] == ("18 Allies", "18 member states")


def test_changed_figure_in_same_context_is_a_conflict():
    result = compared("He expects 18 Allies to spend 2% of their GDP on defence this year.",
                      "He expects 19 member states to spend 2 percent of their GDP on defense this year.")
    conflict = [f for f in result if f.status is FactStatus.CONFLICT]
    assert [(f.source_says, f.outlet_says) for f in conflict] == [("18 Allies", "19 member states")]


def test_counts_of_one_thing_under_another_noun_are_compared():
    result = compared("Up to 1,000 personnel will take part in the activity. 13 Allies signed the deal.",
                      "Up to 1,500 troops will take part in the drills. 13 NATO countries signed the deal.")
    assert by_text(result) == {"1,000 personnel": FactStatus.CONFLICT, "13 Allies": FactStatus.CONFIRMED}


def test_a_changed_figure_in_linked_sentences_is_a_conflict_though_its_words_changed():
    from natodiff.api import compare

    source = ("The Council noted that only 35 per cent of eligible voters had been registered, pointing to "
              "slow progress in the electoral process supported by the Mission since February.")
    outlet = ("Only 38 percent of eligible voters had registered, as South Sudan faces external pressure and "
              "challenges it has yet to resolve.")
    statuses = {f.text: f.status for f in compare(source, outlet).facts if f.type is FactType.PERCENT}
    assert statuses == {"35%": FactStatus.CONFLICT}
    # Linked sentences pair figures of one thing, not any two: nothing near 30% is near 4.1%.
    unrelated = compare("Poland spends 4.1% of GDP on defence and raised its budget by a third this year.",
                        "Poland spends heavily on defence, and its budget rose 30% in a year of tension.").facts
    assert FactStatus.CONFLICT not in {f.status for f in unrelated if f.type is FactType.PERCENT}
    # Unlinked, the same two sentences are too unlike to pair their figures.
    assert {f.status for f in facts.cross_check(facts.gather(sents(source), sents(outlet, Side.OUTLET)))
            if f.type is FactType.PERCENT} == {FactStatus.SOURCE_ONLY, FactStatus.OUTLET_ONLY}


def test_unrelated_numbers_are_not_paired():
    result = compared("He expects 18 Allies to spend 2% of their GDP on defence this year.",
                      "NATO, founded in 1949, has 31 member states after several rounds of enlargement.")
    assert FactStatus.CONFLICT not in {f.status for f in result}
    assert by_text(result, FactType.COUNT) == {"18 Allies": FactStatus.SOURCE_ONLY, "31 member states": FactStatus.OUTLET_ONLY}


def test_order_is_confirmed_conflict_source_only_outlet_only():
    result = compared("Allies gave 5 tanks and 40 guns to Ukraine. Norway sent 3 ships.",
                      "Allies gave 6 tanks and 40 guns to Ukraine. Denmark sent 2 planes.")
    order = [FactStatus.CONFIRMED, FactStatus.CONFLICT, FactStatus.SOURCE_ONLY, FactStatus.OUTLET_ONLY]
    statuses = [f.status for f in result]
    assert statuses == sorted(statuses, key=order.index)
    assert set(statuses) == set(order)


def test_list_facts_for_one_text_puts_them_on_that_side():
    outlet = facts.list_facts(sents("Allies spend 2% of GDP.", Side.OUTLET), Side.OUTLET)
    assert [(f.text, f.status, f.outlet, f.source) for f in outlet] == [
        ("2%", FactStatus.OUTLET_ONLY, "Allies spend 2% of GDP.", None)]


# ------------------------------------------------------------------ the sample pair


@pytest.fixture(scope="module")
def sample_facts(source_text, outlet_text):
    return facts.cross_check(facts.gather(sents(source_text), sents(outlet_text, Side.OUTLET)))


@pytest.mark.parametrize("label,status", [
    ("380 billion dollars", FactStatus.OUTLET_ONLY),
    ("75 billion dollars", FactStatus.OUTLET_ONLY),
    ("Bydgoszcz", FactStatus.OUTLET_ONLY),
    ("Steadfast Defender 24", FactStatus.SOURCE_ONLY),
    ("99%", FactStatus.SOURCE_ONLY),
    ("Rustem Umerov", FactStatus.SOURCE_ONLY),
    ("600 billion dollars", FactStatus.CONFIRMED),
    ("18 Allies", FactStatus.CONFIRMED),
    ("2%", FactStatus.CONFIRMED),
    ("10 billion dollars", FactStatus.CONFIRMED),
    ("1 million drones", FactStatus.CONFIRMED),
    ("Jens Stoltenberg", FactStatus.CONFIRMED),
    ("NATO", FactStatus.CONFIRMED),
])
def test_sample_pair_statuses(sample_facts, label, status):
    assert by_text(sample_facts)[label] is status


def test_sample_pair_has_no_conflict_and_no_junk(sample_facts):
    labels = set(by_text(sample_facts))
    assert FactStatus.CONFLICT not in {f.status for f in sample_facts}
    assert not labels & {"Finally", "Separately", "While", "In", "The", "READ MORE", "February", "Feb",
                         "Minsters", "Ministers", "Allies", "Training", "GDP", "US"}


def test_sample_fact_keeps_sentences_and_wording(sample_facts):
    fact = next(f for f in sample_facts if f.text == "2%")
    assert (fact.source_says, fact.outlet_says) == ("2%", "2 percent")
    assert "he expects 18 Allies to spend 2%" in fact.source
    assert fact.outlet.startswith("In terms of defense investment")


def test_editing_one_figure_in_the_sample_outlet_yields_a_conflict(source_text, outlet_text):
    edited = outlet_text.replace("18 member states", "19 member states")
    assert edited != outlet_text
    result = facts.cross_check(facts.gather(sents(source_text), sents(edited, Side.OUTLET)))
    conflicts = [(f.source_says, f.outlet_says) for f in result if f.status is FactStatus.CONFLICT]
    assert conflicts == [("18 Allies", "19 member states")]


# ------------------------------------------------------------------ the table


def render(renderable) -> str:
    console = Console(width=200, no_color=True, record=True)
    console.print(renderable)
    return console.export_text()


def test_facts_table_shows_statuses_as_words_and_article_text_literally():
    from natodiff.model import Fact
    from natodiff.render.tables import facts_table

    rows = [
        Fact(FactType.PERCENT, "2%", 2.0, FactStatus.CONFLICT, "s", "o", "[bold]2%[/bold]", "3 percent"),
        Fact(FactType.ENTITY, "Norway", "Norway", FactStatus.SOURCE_ONLY, "s", None, "Norway", None),
    ]
    out = render(facts_table(rows))
    assert "[bold]2%[/bold]" in out  # markup in an article is shown, not applied
    assert "CONFLICT" in out and "source only" in out and "3 percent" in out


def test_a_day_without_its_year_takes_the_year_the_other_text_gives_it():
    result = compared("Defence Ministers met in Brussels on 13 March 2024. The exercise ends on 13 December.",
                      "Ministers met on March 13. The exercise ends on December 14, officials said.")
    dates = {f.text: (f.status, f.source_says, f.outlet_says) for f in result if f.type is FactType.DATE}
    assert dates["13 March 2024"] == (FactStatus.CONFIRMED, "13 March 2024", "March 13")
    assert dates["13 December"][0] is FactStatus.CONFLICT  # the day changed, no year on either side
    assert found("Talks open on 4 June and close June 6th.", FactType.DATE) == {"4 June": "--06-04",
                                                                               "June 6th": "--06-06"}


def test_a_number_glued_to_a_name_before_a_month_is_no_date():
    assert found("Poland ordered F-16 March deliveries.", FactType.DATE) == {}


def test_ranks_and_a_transcript_question_label_are_not_names():
    assert entities("Maj. Gen. John Smith said the brigade was ready. Capt. Anna Berg agreed.") == {
        "John Smith", "Anna Berg"}
    assert entities("MARK RUTTE: Allies agreed.\n\nQ: Is the door still open?\n\nMARK RUTTE: It is.") == {
        "Mark Rutte"}
    assert "People" not in entities("The People's Republic of China said it would not send troops.")


def test_a_figure_without_its_noun_is_still_checked():
    result = compared("The UK aims to train 10,000 more this year. Defence spending will reach 2.5% of GDP.",
                      "Britain aims to train 20,000 more this year. Defence spending will reach two and a "
                      "half per cent of GDP.")
    assert by_text(result) == {"10,000": FactStatus.CONFLICT, "2.5%": FactStatus.CONFIRMED,
                               "United Kingdom": FactStatus.CONFIRMED}


def test_a_bare_figure_takes_the_noun_the_other_text_gives_it():
    result = compared("The mission keeps 17,000 troops and 2,101 police personnel.",
                      "The mission can keep up to 17,000 troops and 2,101 police.")
    assert by_text(result, FactType.COUNT) == {"17,000 troops": FactStatus.CONFIRMED,
                                               "2,101 police personnel": FactStatus.CONFIRMED}


@pytest.mark.parametrize("text", ["The Council adopted resolution 2728 on Monday.",
                                  "Allies will double stocks of 155mm shells.",
                                  "Romania shares a 650-kilometer border with Ukraine.",
                                  "The meeting began at 10:03 and ended at 11:14."])
def test_numbers_that_name_or_measure_are_not_bare_figures(text):
    assert found(text, FactType.COUNT) == {}
