"""The briefing memo (.docx): reopened with python-docx, and converted by LibreOffice when present.

The golden (tests/golden/memo/tiny.structure.txt) pins the memo's structure
-- headings, bullets, table shapes, header and footer -- as text, built from a
hand-made Comparison so that work on the core does not churn it. Rewrite it
with ``NATODIFF_REGENERATE=1 python -m pytest tests/test_memo.py`` and review
the diff.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from natodiff.api import compare
from natodiff.model import (
    Alignment,
    Comparison,
    DiffOp,
    Document,
    Fact,
    FactStatus,
    FactType,
    Fragment,
    Kind,
    Lead,
    Op,
    Options,
    Quote,
    Sentence,
    Side,
    Summary,
    Verdict,
)
from natodiff import claims
from natodiff.render import memo

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "nato-press-release-2024-02-15.txt"
OUTLET = ROOT / "samples" / "outlet-report-2024-02-15.txt"
GOLDEN = ROOT / "tests" / "golden" / "memo" / "tiny.structure.txt"
FIGURES = ("600 billion", "18", "2%", "10 billion", "one million drones", "Poland", "Bydgoszcz",
           "380 billion", "75 billion", "99%", "Steadfast Defender 24")
SECTIONS = ["Bottom line", "What differs", "Combined facts", "Annex: figures and names", "Annex: quotations check",
            "Annex: full alignment"]
# Page 1 on the samples: the altered quotation, the misattributed one, the figures the outlet added.
PAGE_ONE = ("in 2014", "It will enable Ukraine", "$380 billion", "75 billion dollars", "100 billion dollars")


def sample(facts: bool = True) -> Comparison:
    return compare(SOURCE.read_text(encoding="utf-8"), OUTLET.read_text(encoding="utf-8"),
                   options=Options(facts=facts), source_name=SOURCE.name, outlet_name=OUTLET.name)


def reopen(data: bytes):
    return docx.Document(io.BytesIO(data))


def all_text(d) -> str:
    """Every paragraph of the body, its tables (nested too), headers and footers."""
    parts = [p.text for p in d.paragraphs]

    def cells(tables):
        for t in tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    cells(cell.tables)

    cells(d.tables)
    for s in d.sections:
        parts.extend(p.text for p in s.header.paragraphs)
        parts.extend(p.text for p in s.footer.paragraphs)
    return "\n".join(parts)


def page_one(d) -> str:
    """The text before the combined facts: title block, bottom line, what differs."""
    lines = []
    for p in d.paragraphs:
        if p.text == "Combined facts":
            break
        lines.append(p.text)
    return "\n".join(lines)


def headings(d) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in d.paragraphs
            if p.style.name.startswith("Heading") or p.style.name in ("Title", "Subtitle")]


def structure(data: bytes) -> str:
    """The memo's shape as text: styles of headings and lists, tables as size and header row."""
    d = reopen(data)
    lines = []
    props = d.core_properties
    lines.append(f"properties: title={props.title!r} author={props.author!r} subject={props.subject!r}")
    section = d.sections[0]
    lines.append(f"page: {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm")
    lines.append("header: " + " / ".join(p.text for p in section.header.paragraphs))
    footer = []
    for p in section.footer.paragraphs:
        fields = [f.get(qn("w:instr")) for f in p._p.iter(qn("w:fldSimple"))]
        footer.append(p.text + "".join(f" {{{f}}}" for f in fields))
    lines.append("footer: " + " / ".join(footer))
    body = d.element.body
    tables = iter(d.tables)
    paragraphs = iter(d.paragraphs)
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            p = next(paragraphs)
            style = p.style.name
            if style in ("Title", "Subtitle") or style.startswith("Heading"):
                lines.append(f"{style}: {p.text}")
            elif style == "List Bullet":
                lines.append(f"  • {p.text}")
            elif p.text.strip():
                lines.append(f"  {p.text}")
        elif child.tag == qn("w:tbl"):
            t = next(tables)
            lines.append(f"  table {len(t.rows)}x{len(t.columns)} [{t.style.name}]: "
                         + " | ".join(c.text for c in t.rows[0].cells))
            for row in t.rows[1:]:
                fills = []
                for c in row.cells:
                    shd = c._tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
                    fills.append(shd.get(qn("w:fill")) if shd is not None else "-")
                lines.append("    " + " | ".join(c.text.replace("\n", " / ") for c in row.cells)
                             + f"  <{','.join(fills)}>")
    return "\n".join(lines) + "\n"


# --- a hand-made comparison: every section populated, independent of the core --------


def tiny() -> Comparison:
    def S(i, text, p=None, **kw):
        return Sentence(Side.SOURCE, i, i if p is None else p, text, **kw)

    def O(i, text, p=None, **kw):
        return Sentence(Side.OUTLET, i, i if p is None else p, text, **kw)

    s0 = S(0, "Ministers agree new fund", heading=True)
    s1 = S(1, "The ministers agreed on 3 March 2024 to set up a fund of 5 billion euros.")
    s2 = S(2, "“We act together,” the chair said.")
    s3 = S(3, "The fund starts in 2025.")
    o0 = O(0, "READ MORE: Other news", boilerplate=True)
    o1 = O(1, "Ministers agreed to set up a fund of 6 billion euros, the chair said.")
    o2 = O(2, "“We act as one,” the chair said.")
    o3 = O(3, "Critics call the fund too small.")
    source = Document("release.txt", (s0, s1, s2, s3), 4, 33)
    outlet = Document("story.txt", (o0, o1, o2, o3), 4, 30)
    items = (
        Alignment(0, Kind.BOILERPLATE, None, (), (o0,), ()),
        Alignment(1, Kind.SOURCE_ONLY, None, (s0,), (), ()),
        Alignment(2, Kind.REWORDED, 0.71, (s1,), (o1,), (
            DiffOp(Op.DELETE, "The ministers agreed on 3 March 2024 ", ""),
            DiffOp(Op.INSERT, "", "Ministers agreed "),
            DiffOp(Op.EQUAL, "to set up a fund of ", "to set up a fund of "),
            DiffOp(Op.REPLACE, "5 ", "6 "),
            DiffOp(Op.EQUAL, "billion euros.", "billion euros, "),
            DiffOp(Op.INSERT, "", "the chair said."),
        )),
        Alignment(3, Kind.REWORDED, 0.8, (s2,), (o2,), (
            DiffOp(Op.EQUAL, "“We act ", "“We act "),
            DiffOp(Op.REPLACE, "together,” ", "as one,” "),
            DiffOp(Op.EQUAL, "the chair said.", "the chair said."),
        ), moved=True),
        Alignment(4, Kind.SOURCE_ONLY, None, (s3,), (), ()),
        Alignment(5, Kind.OUTLET_ONLY, None, (), (o3,), ()),
    )
    summary = Summary(shared=0, reworded=2, outlet_only=1, source_only=2, boilerplate=1, repeats=0, moved=1,
                      reuse=0.55, coverage=0.48, density=2.5, longest_shared=Fragment(6, "to set up a fund of"),
                      lead=Lead(s1, s0, False))
    names = (
        Fact(FactType.ENTITY, "ministers", "ministers", FactStatus.CONFIRMED, s1.text, o1.text, "ministers",
             "Ministers", 1, 1),
    )
    facts = (
        Fact(FactType.MONEY, "5 billion euros", 5e9, FactStatus.CONFLICT, s1.text, o1.text, "5 billion euros",
             "6 billion euros", 1, 1),
        Fact(FactType.DATE, "3 March 2024", "2024-03-03", FactStatus.SOURCE_ONLY, s1.text, None, "3 March 2024",
             None, 1),
        Fact(FactType.DATE, "2025", "2025", FactStatus.SOURCE_ONLY, s3.text, None, "2025", None, 3),
    )
    quotes = (
        Quote("We act as one,", "the chair", Verdict.ALTERED, "We act together,", (
            DiffOp(Op.EQUAL, "We act ", "We act "), DiffOp(Op.REPLACE, "together,", "as one,")), 2),
        Quote("too small", None, Verdict.UNSOURCED, None, (), 3),
    )
    return Comparison(source, outlet, summary, items, facts, quotes, claims=claims.build(items, facts, quotes),
                      names=names)


def test_golden_structure():
    data = memo.render(tiny(), author="A. Analyst", classification="UNCLASSIFIED")
    got = structure(data)
    if os.environ.get("NATODIFF_REGENERATE"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8"), "memo structure changed: regenerate and review the diff"


def test_tiny_memo_says_what_matters():
    d = reopen(memo.render(tiny()))
    text = all_text(d)
    assert d.paragraphs[0].text == "Ministers agree new fund"  # the source's headline
    assert "Date of the source: 3 March 2024" in text
    assert "READ MORE" not in text
    bluf = [p.text for p in d.paragraphs if p.style.name == "List Bullet"][:5]
    assert any("disagree" in b and "6 billion euros" in b for b in bluf)
    assert any("quotations" in b for b in bluf)
    differs = page_one(d)
    assert "Conflict: the outlet says 6 billion euros, the source 5 billion euros  (O2 ← S2)" in differs
    assert "Altered quotation: “We act together, as one,”, the chair  (O3 ← S3)" in differs
    assert "Left out: 2025  (S4)" in differs
    assert "1 name appears in both texts alike" in text


# --- the sample pair ---------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_memo() -> bytes:
    return memo.render(sample(), author="J. Analyst", classification="UNCLASSIFIED",
                       created=datetime(2024, 2, 16, tzinfo=timezone.utc))


@pytest.fixture(scope="module")
def sample_memo_without_facts() -> bytes:
    return memo.render(sample(facts=False))


@pytest.mark.parametrize("figure", FIGURES)
def test_sample_memo_carries_the_figures(sample_memo, sample_memo_without_facts, figure):
    assert figure in all_text(reopen(sample_memo))
    assert figure in all_text(reopen(sample_memo_without_facts))


def test_sample_memo_has_no_related_links(sample_memo, sample_memo_without_facts):
    for data in (sample_memo, sample_memo_without_facts):
        text = all_text(reopen(data))
        assert "READ MORE" not in text and "ALSO READ" not in text


def test_sample_memo_headings_and_tables(sample_memo):
    d = reopen(sample_memo)
    found = headings(d)
    assert found[0] == ("Title", "Defence ministers address strengthening NATO’s deterrence and defence, support to Ukraine")
    assert [t for s, t in found if s == "Heading 1"] == SECTIONS
    headers = [[c.text for c in t.rows[0].cells] for t in d.tables]
    assert headers[0] == ["Fact", "Source says", "Outlet says", "Status"]
    assert ["Outlet quotation", "Speaker", "Verdict", "Source wording"] in headers
    assert headers[-1] == ["Source", "Outlet"]
    c = sample()
    appendix = d.tables[-1]
    shown = [a for a in c.alignments if a.kind is not Kind.BOILERPLATE]
    assert len(appendix.rows) == 1 + len(shown)
    # Reworded rows are marked up: struck source words, underlined outlet words.
    xml = appendix._tbl.xml
    assert "<w:strike/>" in xml and "<w:u " in xml
    # The annex's facts: conflicts, then one-sided; what both texts say alike is counted, not listed.
    facts_table = next(t for t in d.tables if t.rows[0].cells[0].text == "Fact")
    statuses = [row.cells[3].text for row in facts_table.rows[1:]]
    order = ["CONFLICT", "Outlet only", "Source only"]
    assert statuses == sorted(statuses, key=order.index)
    listed = {row.cells[0].paragraphs[0].runs[0].text for row in facts_table.rows[1:]}
    assert {"Bydgoszcz", "380 billion dollars", "99%"} <= listed and not {"NATO", "Ukraine", "Poland"} & listed
    assert f"{len(c.names)} names appear in both texts alike" in all_text(d)
    assert all(t.style.name == "Table Grid" for t in d.tables)


def test_sample_memo_bottom_line(sample_memo):
    d = reopen(sample_memo)
    start = next(i for i, p in enumerate(d.paragraphs) if p.text == "Bottom line")
    bullets = []
    for p in d.paragraphs[start + 1:]:
        if p.style.name != "List Bullet":
            break
        bullets.append(p.text)
    assert 3 <= len(bullets) <= 5
    c = sample()
    assert f"{c.summary.reuse:.0%}" in bullets[0] and f"{c.summary.coverage:.0%}" in bullets[0]
    assert any("adds" in b for b in bullets) and any("leaves out" in b for b in bullets)


def test_sample_memo_page_furniture_and_properties(sample_memo):
    d = reopen(sample_memo)
    section = d.sections[0]
    assert "UNCLASSIFIED" in section.header.paragraphs[0].text
    footer = section.footer
    assert "UNCLASSIFIED" in "\n".join(p.text for p in footer.paragraphs)
    instructions = {f.get(qn("w:instr")) for p in footer.paragraphs for f in p._p.iter(qn("w:fldSimple"))}
    assert instructions == {"PAGE", "NUMPAGES"}
    props = d.core_properties
    assert props.title.startswith("Defence ministers")
    assert props.author == "J. Analyst"
    assert "outlet-report-2024-02-15.txt" in props.subject
    assert props.created == datetime(2024, 2, 16, tzinfo=timezone.utc)
    assert round(section.page_width.mm) == 210


def test_sample_page_one_says_what_differs(sample_memo):
    first = page_one(reopen(sample_memo))
    for shown in PAGE_ONE:
        assert shown in first, shown
    assert "Misattributed quotation: “It will enable Ukraine" in first
    assert "Added: $380 billion  (O7, not in the source, after S8)" in first
    assert "Left out: 99%  (S20)" in first


def test_memo_names_documents_by_label_never_by_path():
    c = compare("A plan.\n\nThe plan costs 5 million euros.", "The plan costs 6 million euros.",
                source_name="/some/dir/release.txt", outlet_name="C:\\news\\story.txt")
    text = all_text(reopen(memo.render(c)))
    assert "How story.txt reported release.txt" in text
    assert "/some" not in text and "news" not in text
    text = all_text(reopen(memo.render(c, source_label="NATO release", outlet_label="Daily \x07 News")))
    assert "How Daily  News reported NATO release" in text and "release.txt" not in text


def test_claims_group_by_provenance_on_page_two(sample_memo):
    d = reopen(sample_memo)
    c = sample()
    found = [t for s, t in headings(d) if s == "Heading 2"]
    counts = {p: sum(x.provenance == p for x in c.claims) for p in ("both", "outlet_only", "source_only")}
    assert found == [f"Reported by both ({counts['both']})", f"Only in the outlet ({counts['outlet_only']})",
                     f"Only in the source ({counts['source_only']})"]
    start = next(i for i, p in enumerate(d.paragraphs) if p.text == "Combined facts")
    end = next(i for i, p in enumerate(d.paragraphs) if p.text.startswith("Annex"))
    bullets = [p.text for p in d.paragraphs[start:end] if p.style.name == "List Bullet"]
    assert len(bullets) == len(c.claims)
    assert any("Outlet: adds three members, 2014" in b for b in bullets)


def test_memo_without_facts_says_so(sample_memo_without_facts):
    text = all_text(reopen(sample_memo_without_facts))
    assert "Facts were not extracted" in text
    assert "Quotations were not checked" in text


def test_letter_paper():
    d = reopen(memo.render(tiny(), paper="letter"))
    assert round(d.sections[0].page_width.inches, 2) == 8.5


def test_hostile_text_is_written_as_text():
    src = "The <b>council</b> met & agreed\x00 a budget of 5 million euros.\x0b Then it left."
    out = "The council\x07 met & agreed a budget of 6 million euros. ]]> <w:p/> A new line."
    c = compare(src, out, source_name="a\x01<b>.txt", outlet_name="b&c.txt")
    d = reopen(memo.render(c, title="T\x02itle <i>", author="\x1f", classification="SECRET//<X>"))
    text = all_text(d)
    assert "<w:p/>" in text and "]]>" in text and "SECRET//<X>" in text
    assert "\x07" not in text and "\x00" not in text


def test_empty_inputs_make_a_memo():
    d = reopen(memo.render(compare("", "")))
    assert [t for s, t in headings(d) if s == "Heading 1"] == SECTIONS


# --- the commands ------------------------------------------------------------------


def run_cli(*args):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "natodiff", *args], capture_output=True, env=env)


def test_cli_memo_and_compare_memo(tmp_path):
    out = tmp_path / "memo.docx"
    r = run_cli("memo", str(SOURCE), str(OUTLET), "-o", str(out), "--title", "My title", "--author", "Me",
                "--classification", "UNCLASSIFIED", "--source-label", "NATO", "--outlet-label", "The Daily")
    assert r.returncode == 0, r.stderr
    d = reopen(out.read_bytes())
    assert d.paragraphs[0].text == "My title" and d.core_properties.author == "Me"
    assert d.paragraphs[1].text == "How The Daily reported NATO"
    r = run_cli("memo", str(SOURCE), str(OUTLET), "-o", str(out))
    assert r.returncode == 2 and b"exists" in r.stderr
    second = tmp_path / "second.docx"
    r = run_cli("compare", str(SOURCE), str(OUTLET), "--memo", str(second), "--color", "never")
    assert r.returncode == 0, r.stderr
    assert b"reuse" in r.stdout  # the report still goes to stdout
    assert "Bydgoszcz" in all_text(reopen(second.read_bytes()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.docx", "second.docx"]


def test_cli_memo_to_stdout():
    r = run_cli("memo", str(SOURCE), str(OUTLET), "-o", "-")
    assert r.returncode == 0, r.stderr
    assert zipfile.is_zipfile(io.BytesIO(r.stdout))
    r = run_cli("compare", str(SOURCE), str(OUTLET), "--memo", "-")
    assert r.returncode == 2 and b"stdout" in r.stderr


# --- a real office suite ---------------------------------------------------------------


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _pdf_pages(tmp_path, data: bytes) -> list[str]:
    """The memo converted by LibreOffice, as the folded text of each PDF page."""
    source = tmp_path / "memo.docx"
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    r = subprocess.run([_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=180)
    pdf = tmp_path / "memo.pdf"
    assert r.returncode == 0 and pdf.exists(), r.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


office = pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed; "
                            ".ci/run installs libreoffice-writer-nogui in CI")
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


@office
@poppler
def test_libreoffice_converts_the_memo_to_pdf(tmp_path, sample_memo):
    folded = " ".join(_pdf_pages(tmp_path, sample_memo))
    for figure in FIGURES:
        assert figure in folded, figure
    for heading in SECTIONS:
        assert heading in folded
    assert "Page 1 of" in folded and "UNCLASSIFIED" in folded
    assert "READ MORE" not in folded


@office
@poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_brief_fits_on_two_pages(tmp_path, paper):
    """Everything before the annex on two pages; page 1 says what differs; no page names a path."""
    c = compare(SOURCE.read_text(encoding="utf-8"), OUTLET.read_text(encoding="utf-8"),
                source_name=str(SOURCE), outlet_name=str(OUTLET))
    pages = _pdf_pages(tmp_path, memo.render(c, classification="UNCLASSIFIED", paper=paper))
    annex = next(n for n, page in enumerate(pages) if "Annex: figures and names" in page)
    assert annex <= 2, f"the brief takes {annex} pages"
    for shown in PAGE_ONE:
        assert shown in pages[0], shown
    assert "How outlet-report-2024-02-15.txt reported" in pages[0]
    assert not any(str(ROOT) in page or "samples/" in page for page in pages)


def test_bottom_line_counts_source_sentences_and_names_only_figures_of_added_sentences():
    from natodiff.api import compare

    source = ("Ministers met in Brussels on Thursday. They agreed to buy 1,000 missiles. "
              "The missiles will be delivered in 2026.\n\nThe weather was cold in Brussels all week long.\n")
    outlet = ("Ministers meeting in Brussels on Thursday agreed to buy 1,000 missiles worth 5 billion euros, "
              "to be delivered in 2026.\n\n"
              "Critics said the 75 billion dollar plan came too late.\n")
    bullets = memo.bottom_line(compare(source, outlet))
    assert "3 of 4 source sentences appear in the outlet" in bullets[0]
    # The euros come with a carried sentence, not with the added one.
    assert "75 billion dollar" in bullets[1] and "5 billion euros" not in bullets[1]


def test_what_differs_is_capped_so_page_one_stays_a_page():
    source = "Ministers met in Brussels.\n\nThey agreed to act.\n"
    outlet = ("Ministers met in Brussels.\n\n"
              + "\n\n".join(f"Country {chr(65 + i)} pledged {i + 3} billion euros for item {i}." for i in range(20))
              + "\n\nThey agreed to act.\n")
    c = compare(source, outlet)
    assert len(memo.what_differs(c)) == 20
    first = page_one(reopen(memo.render(c)))
    assert first.count("Added: ") == memo.DIFFERS
    assert f"{20 - memo.DIFFERS} more (figures added or left out)" in first
