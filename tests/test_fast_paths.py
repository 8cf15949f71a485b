"""Every fast path of the tokeniser, facts, quotations and JSON writer gives what the plain path gives.

A fast path skips work when a cheap test says the work finds nothing: a
word no rule of tokens() looks at twice, a sentence without a currency
sign, a character that is no quote mark. Each test here turns the cheap
test off (it then lets everything through) and checks that nothing changes;
the JSON writer is checked against json.dumps.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natodiff import api, metrics, normalise
from natodiff.facts import numbers
from natodiff.model import Sentence, Side
from natodiff.quotes import find
from natodiff.render import json as render_json
from natodiff.render.indented import dumps_indented

# Words and phrases that meet every rule the fast paths skip: scales, currencies, number words,
# ordinals, prefixes, contractions, months, speech tags, datelines and quote marks.
WORDS = (
    "per", "cent", "percent", "%", "US", "us", "U.S.", "dollars", "dollar", "$", "€", "£", "¥", "euros", "euro",
    "pounds", "pound", "sterling", "yen", "USD", "EUR", "GBP", "m", "k", "3m", "40k", "a", "A", "million",
    "billion", "bn", "mln", "thousand", "co", "Co", "operation", "non", "NATO", "re", "elect", "pre", "anti",
    "multi", "inter", "semi", "sub", "s", "'s", "e", "twenty", "Twenty", "five", "seventy", "fifth", "first",
    "16", "th", "21", "st", "9", "July", "Feb", "Sept", "cannot", "Cannot", "don't", "isn't", "we're", "won't",
    "F", "16s", "1990", "1,000", "17", "000", "the", "said", "Kiev", "Zelenskyy", "travelled", "colour",
)
PHRASES = (
    "$5 million", "5 per cent", "5 percent", "3%", "10 billion US dollars", "£3m", "2 billion pounds",
    "5 million pounds sterling", "€4,2 bln", "¥300", "USD 40", "15 Feb. 2024", "February 15, 2024", "Sept 2023",
    "03.03.2025", "13 March", "March 13", "eighteen Allies", "one and a half", "18 member states", "1,000 troops",
    "the 2024 budget", "1990s", "Article 5", "resolution 2728", "F-16s", "17\u00a0000", "twenty-five", "per cent",
    ", he said.", ", Stoltenberg added.", ", told reporters in Brussels.", ", the agency reported Thursday.",
    ", according to officials.", ", citing NATO's chief.", "BRUSSELS (Reuters) -", "STOLTENBERG:",
    "“We will act,”", "\"We will\"", "‘Russia’s war’", "'90s", "[NATO]", "…",
)
FRAGMENTS = WORDS + PHRASES
SEPARATORS = (" ", " ", " ", "", "-", ", ", ". ", "\u00a0")


@st.composite
def texts(draw) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=12))
    return "".join(word + sep for word, sep in parts).strip()


def _sentence(text: str) -> Sentence:
    return Sentence(Side.SOURCE, 0, 0, text)


# Every fragment alone, after a sentence's opening words, and beside every other.
SOME = [*FRAGMENTS, *(f"Allies agreed on the plan today{f}" for f in FRAGMENTS),
        *(f"{a} {b}" for a in FRAGMENTS for b in FRAGMENTS)]


def _full_rules_tokens(text: str):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalise, "_plain_keyed", lambda word: None)  # every word through the full rules
        return normalise.tokens.__wrapped__(text)


def test_the_tokeniser_fast_path_keys_every_pair_of_words_as_the_full_rules_do():
    pairs = [f"{a}{sep}{b}" for a in WORDS for b in WORDS for sep in (" ", "", "-")]
    assert [normalise.tokens.__wrapped__(t) for t in pairs] == [_full_rules_tokens(t) for t in pairs]


@given(texts())
def test_the_tokeniser_fast_path_keys_as_the_full_rules_do(text):
    assert normalise.tokens.__wrapped__(text) == _full_rules_tokens(text)


def _spans(texts: list[str], plain: bool) -> list:
    with pytest.MonkeyPatch.context() as mp:
        if plain:
            mp.setattr(normalise, "_ATTRIBUTION_WORDS", ("",))  # "" is in every text
        return [normalise.meta_spans(text) for text in texts]


def test_the_speech_tag_words_let_through_every_tag_the_pattern_finds():
    assert _spans(SOME, plain=False) == _spans(SOME, plain=True)


@given(st.lists(texts(), max_size=5))
def test_the_speech_tag_words_let_through_every_tag_in_any_text(texts):
    assert _spans(texts, plain=False) == _spans(texts, plain=True)


@given(st.lists(st.sampled_from(
    ("travel", "travelled", "travelling", "modelled", "labeller", "colour", "honourable", "organise", "analysing",
     "theatre", "sabre", "catalogue", "dialogue", "tell", "fell", "yelled", "ball", "parallel", "excel", "cancellers")
), min_size=1, max_size=3).map("".join))
def test_spelling_hints_let_through_every_word_a_rule_changes(word):
    fast = normalise.spelling(word)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalise, "_DOUBLE_L_ENDINGS", ("",))
        mp.setattr(normalise, "_RULES", tuple(("", pattern, repl) for _, pattern, repl in normalise._RULES))
        assert normalise.spelling(word) == fast


EVERYTHING = re.compile("")  # a hint that lets every sentence through


def _figures(texts: list[str], plain: bool) -> list:
    with pytest.MonkeyPatch.context() as mp:
        if plain:
            for hint in ("_MONEY_HINT", "_PERCENT_HINT", "_MONTH_HINT", "_DOTTED_HINT", "_DIGIT"):
                mp.setattr(numbers, hint, EVERYTHING)
        return [numbers.figures(_sentence(text)) for text in texts]


def test_the_figure_hints_let_through_every_figure_the_patterns_find():
    assert _figures(SOME, plain=False) == _figures(SOME, plain=True)


@given(st.lists(texts(), max_size=5))
def test_the_figure_hints_let_through_every_figure_in_any_text(texts):
    assert _figures(texts, plain=False) == _figures(texts, plain=True)


def _scanned(paragraphs: list[str], plain: bool) -> list:
    sents = [Sentence(Side.SOURCE, k, k, text) for k, text in enumerate(paragraphs) if text]
    with pytest.MonkeyPatch.context() as mp:
        if plain:
            mp.setattr(find, "_MARKS", re.compile(".", re.DOTALL))  # every character is looked at
        return find.scan(sents)


def test_the_quote_mark_scan_visits_every_character_that_may_be_a_mark():
    for text in SOME:
        assert _scanned([text], plain=False) == _scanned([text], plain=True)


@given(st.lists(texts(), min_size=1, max_size=4))
def test_the_quote_mark_scan_visits_every_mark_in_any_text(paragraphs):
    assert _scanned(paragraphs, plain=False) == _scanned(paragraphs, plain=True)


# Everything json.dumps takes, as the JSON renderers build it, and some it must be left to.
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    | st.dictionaries(st.integers(), inner, max_size=2),
    max_leaves=25,
)


@given(_JSON, st.integers(0, 4))
def test_the_one_pass_writer_writes_what_json_dumps_writes(data, indent) -> None:
    assert dumps_indented(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent)


@given(_JSON, st.integers(0, 4), st.integers(0, 3))
def test_the_one_pass_writer_joins_a_long_list_in_chunks_without_changing_a_byte(data, indent, chunk) -> None:
    from natodiff.render import indented

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(indented, "CHUNK", chunk)  # a chunk every few pieces, as a long report has
        assert dumps_indented(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent)


def test_the_one_pass_writer_writes_a_whole_report_as_json_dumps_does() -> None:
    root = Path(__file__).resolve().parent.parent / "samples"
    c = api.compare((root / "nato-press-release-2024-02-15.txt").read_text(encoding="utf-8"),
                    (root / "outlet-report-2024-02-15.txt").read_text(encoding="utf-8"))
    data = render_json.to_dict(c, explain=True)
    assert dumps_indented(data, 2) == json.dumps(data, ensure_ascii=False, indent=2)


def _longest_match_plainly(keys, i, src, starts):
    best = 0
    for j in starts:
        k = 0
        while i + k < len(keys) and j + k < len(src) and keys[i + k] == src[j + k]:
            k += 1
        best = max(best, k)
    return best


@given(
    st.lists(st.sampled_from("abc"), min_size=1, max_size=40),
    st.lists(st.sampled_from("abc"), min_size=1, max_size=40),
    st.data(),
)
def test_longest_fragment_skips_only_starts_that_cannot_beat_the_best(keys, src, data):
    i = data.draw(st.integers(0, len(keys) - 1))
    starts = [j for j, key in enumerate(src) if key == keys[i]]
    assert metrics.longest_match_at(keys, i, src, starts) == _longest_match_plainly(keys, i, src, starts)
