"""The HTML renderer: one self-contained, escaped, well-formed page."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser

import pytest

from natodiff.api import compare
from natodiff.render.vocabulary import KIND_LABELS
from natodiff.model import DiffOp, Fact, FactStatus, FactType, Kind, Op, Options, Quote, Verdict
from natodiff.order import source_order
from natodiff.render import html

VOID = {"meta", "br", "col", "hr", "img", "input", "link", "wbr"}
EVIL = "<script>alert('x')</script> & \"quoted\" <img src=x onerror=alert(1)> </td></tr>"


class Page(HTMLParser):
    """Tags, attributes and text of a page; fails on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.rows: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "tr" and "item" in (attrs.get("class") or "").split():
            self.rows.append(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    assert p.stack == [], f"unclosed: {p.stack}"
    return p


@pytest.fixture(scope="module")
def evil():
    source = f"The Secretary General said {EVIL} on Thursday.\n\nAllies met in Brussels to agree a plan."
    outlet = f"The Secretary General said {EVIL} on Friday.\n\nUnrelated: markets rose sharply today."
    return compare(source, outlet, options=Options(facts=False), source_name="<b>src</b>.txt",
                   outlet_name="o\"u't&let.txt")


def test_well_formed_and_self_contained(sample):
    page = html.render(sample)
    p = parse(page)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert page.endswith("</html>\n")
    names = [t for t, _ in p.tags]
    assert "script" not in names and "link" not in names and "img" not in names and "iframe" not in names
    assert names.count("style") == 1
    for _, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs)  # no event handlers
        assert "src" not in attrs
        assert (attrs.get("href") or "#").startswith("#")  # in-page links only
    assert "http://" not in page and "https://" not in page
    assert "@import" not in page and "url(" not in page


def test_content_security_policy_forbids_scripts(sample):
    page = html.render(sample)
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">" in page


def test_everything_is_escaped(evil):
    page = html.render(evil)
    p = parse(page)
    assert [t for t, _ in p.tags].count("script") == 0
    assert [t for t, _ in p.tags].count("img") == 0
    assert "<script>" not in page and "<b>src" not in page
    text = "".join(p.text)
    assert EVIL.split("<img")[0].strip() in unescape(text)
    assert "<b>src</b>.txt" in text and "o\"u't&let.txt" in text


def test_one_row_per_item_with_its_kind_class(sample):
    p = parse(html.render(sample))
    assert [r["id"] for r in p.rows] == [f"item-{a.id}" for a in sample.alignments]
    for row, a in zip(p.rows, sample.alignments):
        classes = row["class"].split()
        assert f"kind-{a.kind.value}" in classes
        assert ("moved" in classes) == a.moved
        assert ("repeat" in classes) == (a.repeat_of is not None)


def test_every_kind_has_a_colour_and_a_legend_entry(sample):
    page = html.render(sample)
    for kind in Kind:
        assert re.search(rf"tr\.kind-{kind.value} td \{{ background: #[0-9a-f]{{6}}", page)
        assert f'<span class="swatch kind-{kind.value}"></span>{KIND_LABELS[kind]}</dt>' in page
    assert "<del>struck</del>" in page and "<ins>underlined</ins>" in page


def test_source_order_is_honoured(sample):
    p = parse(html.render(sample, order="source"))
    assert [r["id"] for r in p.rows] == [f"item-{a.id}" for a in source_order(sample.alignments)]


def test_side_by_side_cells_and_word_diff():
    c = compare("Ministers agreed the plan on Thursday.", "Ministers rejected the plan on Thursday.",
                options=Options(facts=False))
    page = html.render(c)
    row = re.search(r'<tr id="item-0".*?</tr>', page, flags=re.S).group()
    source_cell, outlet_cell = re.findall(r"<td>(.*?)</td>", row, flags=re.S)[-2:]
    assert "<del>agreed</del>" in source_cell and "<ins>" not in source_cell
    assert outlet_cell.startswith('<span class="sid">O1</span>Ministers <ins>rejected</ins> the plan')
    assert '<details class="wd"><summary>word diff</summary><p>Ministers <del>agreed</del> <ins>rejected</ins>' \
        in outlet_cell


def test_combined_diff_spaces_where_one_side_ends():
    ops = (DiffOp(Op.EQUAL, "shift. ", "shift."), DiffOp(Op.DELETE, "Then more.", ""))
    assert html.diff_html(ops) == "shift. <del>Then more.</del>"
    ops = (DiffOp(Op.REPLACE, "end.", "fin."),)
    assert html.diff_html(ops) == "<del>end.</del> <ins>fin.</ins>"


def test_summary_shows_the_comparisons_own_figures(sample):
    doctored = replace(sample, summary=replace(sample.summary, outlet_only=77, reuse=0.5, density=9.87))
    page = html.render(doctored)
    assert '<span class="chip kind-outlet_only">outlet-only 77</span>' in page
    assert "<tr><th>reuse</th><td>50% of the outlet's words come from the source</td></tr>" in page
    assert "9.87 (longest verbatim run" in page


def test_control_characters_are_shown_as_codes():
    assert html.esc("a\x00b\x1bc\x85") == "a\\x00b\\x1bc\\x85"


def test_facts_and_quotes_tables(sample):
    fact = Fact(FactType.PERCENT, "2%", 2.0, FactStatus.CONFLICT, "<s1>", "<o1>", "2 per cent", "3 percent")
    quote = Quote("<We> need", "Stoltenberg & co", Verdict.ALTERED, "We need",
                  diff=(DiffOp(Op.INSERT, "", "<We> "), DiffOp(Op.EQUAL, "need", "need")))
    page = html.render(replace(sample, facts=(fact,), quotes=(quote,)))
    parse(page)
    assert '<tr class="fact-conflict"><td>2%</td><td>percent</td><td>CONFLICT</td>' in page
    assert "<td>Stoltenberg &amp; co</td><td>“&lt;We&gt; need”</td><td><ins>&lt;We&gt;</ins> need</td>" in page
    assert "<h2>Facts</h2>" not in html.render(replace(sample, facts=(fact,)), facts=False)
