"""The linear span scanner in markdown_text strips exactly what the plain regexes strip.

The regexes below are the plain form (they backtrack on many unclosed
openers); the scanner must agree with them on every text.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from natodiff import markdown_text

PLAIN = {
    "_CODE": (re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)"), r"\2"),
    "_STRONG_STAR": (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    "_STRONG_UNDER": (re.compile(r"__(?<!\w__)(?=\S)(.+?)(?<=\S)__(?!\w)"), r"\1"),
    "_EM_STAR": (re.compile(r"\*(?<![\w*]\*)(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    "_EM_UNDER": (re.compile(r"_(?<![\w_]_)(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    "_STRIKE": (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
}

MARKUP = st.text(alphabet="*_~` a\n", max_size=40)


@given(MARKUP)
def test_every_span_kind_strips_what_its_regex_strips(text):
    for name, (pattern, template) in PLAIN.items():
        assert getattr(markdown_text, name).strip(text) == pattern.sub(template, text), name


def test_examples_of_each_kind():
    assert markdown_to_text("**bold** and *em*, __strong__, _em_, ~~gone~~, `code`") == (
        "bold and em, strong, em, gone, code")
    assert markdown_to_text("2*3*4 and snake_case_name stay") == "2*3*4 and snake_case_name stay"
    assert markdown_to_text("**not\nclosed** across lines") == "**not\nclosed** across lines"


def test_a_link_target_may_hold_one_level_of_parentheses():
    assert markdown_to_text("[NATO](https://en.wikipedia.org/wiki/NATO_(alliance)) said") == "NATO said"
    assert markdown_to_text("![chart](a.png) [ref][1] <https://nato.int>") == " ref https://nato.int"


markdown_to_text = markdown_text.markdown_to_text


OLD_HEADING = re.compile(r"^(\s{0,3})#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")


@given(st.text(alphabet="# a\t", max_size=30))
def test_a_heading_loses_what_the_plain_regex_drops(line):
    old = OLD_HEADING.match(line)
    new = markdown_text._HEADING.match(line)
    assert (old is None) == (new is None)
    if old:
        assert new.group(1) + markdown_text._heading_text(line[new.end():]) == old.group(1) + old.group(2)
