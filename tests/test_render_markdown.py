"""The Markdown renderer: literal article text, ~~deleted~~ and **inserted**."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from natodiff.api import compare
from natodiff.render.vocabulary import KIND_LABELS
from natodiff.model import (
    DiffOp,
    Fact,
    FactStatus,
    FactType,
    Kind,
    Op,
    Options,
    Quote,
    Verdict,
)
from natodiff.render import markdown

SPECIALS = "a*b _c_ |d| [e](f) <g> `h` ~~i~~ $5 @j #12 &amp; !k \\l"


def to_html(text: str) -> str:
    """Render with a CommonMark parser plus GFM tables and strikethrough."""
    markdown_it = pytest.importorskip("markdown_it")  # a dependency of rich
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def visible(html_text: str) -> str:
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html_text))


@pytest.fixture(scope="module")
def hostile():
    source = f"NATO said the plan costs {SPECIALS} in total this year.\n\nAllies met in Brussels on Thursday."
    outlet = f"NATO said the plan costs {SPECIALS} in all this year.\n\n- 1. # Not a list, heading or quote\n"
    return compare(source, outlet, options=Options(facts=False), source_name="src_[1].txt", outlet_name="out*.txt")


def test_escape_renders_every_special_character_literally():
    html_text = to_html(markdown.escape(SPECIALS))
    assert visible(html_text).strip() == SPECIALS
    for tag in ("<em>", "<strong>", "<a ", "<code>", "<s>", "<g>"):
        assert tag not in html_text


def test_article_text_is_literal_in_the_report(hostile):
    html_text = to_html(markdown.render(hostile))
    text = visible(html_text)
    assert SPECIALS in text
    assert "out*.txt" in text and "src_[1].txt" in text
    assert "<a " not in html_text and "<em>a" not in html_text
    assert "<code>" not in html_text


def test_line_start_that_would_open_a_block_is_escaped(hostile):
    out = markdown.render(hostile)
    # The item's own line (the combined facts' line quotes it mid-line, where it opens nothing).
    item = next(line for line in out.splitlines() if "Not a list" in line and line.startswith("  "))
    assert item.startswith("  - \\- 1. \\# Not a list")
    html_text = to_html(out)
    assert "- 1. # Not a list, heading or quote" in visible(html_text)
    assert html_text.count("<h1>") == 1 and "<ul>\n<li>\n<ul>\n<li>- 1" not in html_text


@pytest.mark.parametrize("line, safe", [("1. one", "1\\. one"), ("12) x", "12\\) x"), ("+ y", "\\+ y"),
                                        ("= z", "\\= z"), ("plain", "plain")])
def test_block_safe(line, safe):
    assert markdown._block_safe(line) == safe
    assert visible(to_html(f"- {safe}")).strip() == line


def test_diff_marks_render_as_strike_and_bold():
    c = compare("Ministers agreed the plan on Thursday.", "Ministers rejected the plan on Thursday.",
                options=Options(facts=False))
    out = markdown.render(c)
    html_text = to_html(out)
    assert "<s>agreed</s>" in html_text
    assert "<strong>rejected</strong>" in html_text


def test_marks_keep_spaces_outside_the_delimiters():
    ops = (DiffOp(Op.EQUAL, "The ", "The "), DiffOp(Op.REPLACE, "old plan ", "new plan "),
           DiffOp(Op.EQUAL, "works.", "works."))
    assert markdown.diff_line(ops) == "The ~~old plan~~ **new plan** works."
    assert markdown.side_line(ops, "source") == "The ~~old plan~~ works."
    assert markdown.side_line(ops, "outlet") == "The **new plan** works."


def test_mark_that_could_not_close_falls_back_to_html_tags():
    # "~~$~~10": punctuation inside the closing delimiter and a digit after it.
    ops = (DiffOp(Op.EQUAL, "worth ", "worth "), DiffOp(Op.DELETE, "$", ""), DiffOp(Op.EQUAL, "10 bn", "10 bn"))
    line = markdown.side_line(ops, "source")
    assert line == "worth <del>\\$</del>10 bn"
    html_text = to_html(line)
    assert "<del>$</del>10" in html_text


def test_summary_table_shows_the_comparisons_own_figures(sample):
    # Renderers never recount: doctored figures come out as they are.
    doctored = replace(sample, summary=replace(sample.summary, shared=42, reuse=0.123, coverage=0.987))
    out = markdown.render(doctored, facts=False)
    assert "| shared | 42 sentences |" in out
    assert "| reuse | 12% of the outlet's words come from the source |" in out
    assert "| coverage | 99% of the source's words are carried by the outlet |" in out
    assert out.startswith("# natodiff: ")
    assert out.endswith("\n")
    table = to_html(out)
    assert table.count("<table>") == 1


def test_one_list_entry_per_item_in_outlet_order(sample):
    out = markdown.render(sample)
    ids = [int(m) for m in re.findall(r"^- \*\*.*· item (\d+)$", out, flags=re.M)]
    assert ids == [a.id for a in sample.alignments]


def test_source_order_is_honoured(sample):
    from natodiff.order import source_order

    out = markdown.render(sample, order="source")
    ids = [int(m) for m in re.findall(r"^- \*\*.*· item (\d+)$", out, flags=re.M)]
    assert ids == [a.id for a in source_order(sample.alignments)]
    assert "## Items in source order" in out


def test_no_issue_references_or_mentions(sample):
    # "#12" would link issue 12 in a GitHub/GitLab ticket.
    out = markdown.render(sample)
    assert not re.search(r"(?<!\\)#\d", out)


def test_every_kind_is_labelled(sample):
    out = markdown.render(sample)
    for kind in Kind:
        assert KIND_LABELS[kind] in out


def test_legend_explains_the_marks(sample):
    out = markdown.render(sample)
    assert "~~struck~~ = source words the outlet dropped or changed" in out
    assert "**bold** = the outlet's words" in out


def test_facts_and_quotes_sections(sample):
    fact = Fact(FactType.MONEY, "600 billion dollars", 6e11, FactStatus.CONFLICT, "S | 1", "O [2]",
                source_says="$600 billion", outlet_says="$500 *billion*")
    quote = Quote("We need | to shift", "Stoltenberg", Verdict.ALTERED, "We need to shift",
                  diff=(DiffOp(Op.EQUAL, "We need ", "We need "), DiffOp(Op.INSERT, "", "| "),
                        DiffOp(Op.EQUAL, "to shift", "to shift")))
    c = replace(sample, facts=(fact,), quotes=(quote,))
    out = markdown.render(c)
    assert "## Facts" in out and "## Quotations" in out
    assert "| 600 billion dollars | money | CONFLICT | \\$600 billion | \\$500 \\*billion\\* |" in out
    assert "| ALTERED | Stoltenberg | “We need \\| to shift” | We need **\\|** to shift |" in out
    html_text = to_html(out)
    assert html_text.count("<table>") == 3
    # Column counts survive the pipes in the text.
    for table in re.findall(r"<table>.*?</table>", html_text, flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        widths = {len(re.findall(r"<t[hd][ >]", r)) for r in rows}
        assert len(widths) == 1
    assert "## Facts" not in markdown.render(c, facts=False)


def test_control_characters_do_not_reach_the_page():
    out = markdown.escape("a\x1b[31mb\x07")
    assert "\x1b" not in out and "\x07" not in out
    assert visible(to_html(out)).strip() == "a\\x1b\\[31mb\\x07".replace("\\[", "[")
