"""The redline .docx: real tracked changes that accept to the outlet and reject to the source.

The accept/reject checks apply the changes to document.xml themselves (as
Word's Accept All / Reject All do) rather than trusting the writer's plan.
"""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from natodiff.api import compare
from natodiff.model import Kind
from natodiff.render import redline

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SOURCE = SAMPLES / "nato-press-release-2024-02-15.txt"
OUTLET = SAMPLES / "outlet-report-2024-02-15.txt"
GOLD = sorted(p for p in (ROOT / "tests" / "gold").iterdir() if (p / "source.txt").exists())
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
DATE = datetime(2024, 2, 16, 9, 30, tzinfo=timezone.utc)


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def fold(text: str) -> str:
    return " ".join(text.split())


def sample():
    return compare(SOURCE.read_text(encoding="utf-8"), OUTLET.read_text(encoding="utf-8"),
                   source_name=SOURCE.name, outlet_name=OUTLET.name)


def body_of(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml")).find(q("body"))


def apply(body, *, accept: bool, furniture: bool = True) -> str:
    """The body's text once every change is accepted (or rejected), paragraphs joined by spaces."""
    body = etree.fromstring(etree.tostring(body))
    drop = ("del", "moveFrom") if accept else ("ins", "moveTo")
    keep = ("ins", "moveTo") if accept else ("del", "moveFrom")
    for tag in drop:
        for el in list(body.iter(q(tag))):
            if el.getparent().tag != q("rPr"):  # a paragraph mark's change holds no text
                el.getparent().remove(el)
    for tag in keep:
        for el in list(body.iter(q(tag))):
            parent = el.getparent()
            if parent.tag == q("rPr"):
                continue
            at = parent.index(el)
            for n, child in enumerate(list(el)):
                parent.insert(at + n, child)
            parent.remove(el)
    paragraphs = []
    for p in body.iter(q("p")):
        text = []
        for r in p.iter(q("r")):
            style = r.find("w:rPr/w:rStyle", NS)
            if not furniture and style is not None and style.get(q("val")) == redline.BOILERPLATE_STYLE_ID:
                continue
            text.extend(t.text or "" for t in r if t.tag in (q("t"), q("delText")))
        paragraphs.append("".join(text))
    return fold(" ".join(paragraphs))


def outlet_text(c) -> str:
    return fold(" ".join(s.text for s in c.outlet.sentences))


def source_words(c) -> str:
    """The source's sentences in source order, less its page furniture (date stamps)."""
    furniture = {s.index for a in c.alignments if a.kind is Kind.BOILERPLATE and not a.outlet for s in a.source}
    return fold(" ".join(s.text for s in c.source.sentences if s.index not in furniture))


def count(body, tag: str) -> int:
    return sum(1 for el in body.iter(q(tag)) if el.getparent().tag != q("rPr"))


# --- the sample pair ---------------------------------------------------------


def test_sample_has_tracked_changes_of_every_kind():
    body = body_of(redline.render(sample(), date=DATE))
    assert count(body, "ins") >= 15
    assert count(body, "del") >= 15
    assert count(body, "moveFrom") >= 1 and count(body, "moveTo") >= 1
    # Each move is one named pair of ranges.
    starts_from = {el.get(q("name")) for el in body.iter(q("moveFromRangeStart"))}
    starts_to = {el.get(q("name")) for el in body.iter(q("moveToRangeStart"))}
    assert starts_from and starts_from == starts_to
    ends = {el.get(q("id")) for el in body.iter(q("moveFromRangeEnd"))}
    assert ends == {el.get(q("id")) for el in body.iter(q("moveFromRangeStart"))}
    # Deleted words are w:delText inside w:del, never w:t.
    for d in body.iter(q("del")):
        if d.getparent().tag != q("rPr"):
            assert d.find(".//w:t", NS) is None and d.find(".//w:delText", NS) is not None


def test_accept_all_gives_the_outlet_and_reject_all_the_source():
    c = sample()
    body = body_of(redline.render(c, date=DATE))
    assert apply(body, accept=True) == outlet_text(c)
    assert apply(body, accept=False, furniture=False) == source_words(c)


def test_revisions_are_by_natodiff_at_one_date():
    body = body_of(redline.render(sample(), date=DATE))
    changes = [el for tag in ("ins", "del", "moveFrom", "moveTo") for el in body.iter(q(tag))]
    assert {el.get(q("author")) for el in changes} == {"natodiff"}
    assert {el.get(q("date")) for el in changes} == {"2024-02-16T09:30:00Z"}
    ids = [el.get(q("id")) for el in changes]
    assert len(ids) == len(set(ids))


def test_boilerplate_is_dimmed_plain_text_not_a_change():
    body = body_of(redline.render(sample(), date=DATE))
    dimmed = [r for r in body.iter(q("r"))
              if (s := r.find("w:rPr/w:rStyle", NS)) is not None and s.get(q("val")) == redline.BOILERPLATE_STYLE_ID]
    texts = ["".join(t.text for t in r.iter(q("t"))) for r in dimmed]
    assert any(t.startswith("READ MORE") for t in texts)
    assert any(t.startswith("ALSO READ") for t in texts)
    for r in dimmed:
        assert r.getparent().tag == q("p")  # not inside w:ins/w:del


def test_where_changes_stand():
    c = sample()
    paras = redline.plan(c)
    texts = [("".join(x.text for x in p.parts), p) for p in paras]
    # Steadfast Defender 24 is left out: deleted where it stood (after S14, with the moved-from text).
    steadfast = next(p for t, p in texts if "Steadfast Defender 24" in t)
    assert any(x.kind == redline.DEL and "Steadfast" in x.text for x in steadfast.parts)
    # The outlet's own additions are whole insertions.
    added = next(p for t, p in texts if "380 billion" in t)
    assert [x.kind for x in added.parts] == [redline.INS] and added.mark == redline.INS


def test_static_mode_has_no_revisions_and_shows_both_sides():
    c = sample()
    body = body_of(redline.render(c, date=DATE, static=True))
    for tag in ("ins", "del", "moveFrom", "moveTo"):
        assert count(body, tag) == 0
    xml = etree.tostring(body).decode()
    assert "<w:strike/>" in xml and "<w:dstrike/>" in xml and 'w:val="double"' in xml
    text = apply(body, accept=True)
    assert "Steadfast Defender 24" in text and "380 billion" in text


def test_document_properties_and_tracking_setting():
    import docx

    data = redline.render(sample(), date=DATE)
    d = docx.Document(io.BytesIO(data))
    assert d.core_properties.author == "natodiff"
    assert "Redline" in d.core_properties.title
    assert d.settings.element.find(q("trackRevisions")) is not None
    assert d.core_properties.created == DATE


# --- other pairs, and hostile text -------------------------------------------


@pytest.mark.parametrize("pair", GOLD, ids=[p.name for p in GOLD])
def test_accept_and_reject_on_every_gold_pair(pair):
    c = compare((pair / "source.txt").read_text(encoding="utf-8"), (pair / "outlet.txt").read_text(encoding="utf-8"))
    body = body_of(redline.render(c, date=DATE))
    assert apply(body, accept=True) == outlet_text(c)
    assert apply(body, accept=False, furniture=False) == source_words(c)


def test_control_characters_are_dropped_never_a_crash():
    src = "The council met on Monday.\x00 It agreed\x0b a budget of 5 million euros.\x1f"
    out = "The council met\x07 on Monday. It agreed a budget of 6 million euros. A \ufffe new line."
    c = compare(src, out, source_name="a\x01.txt", outlet_name="b\n.txt")
    data = redline.render(c, date=DATE)
    body = body_of(data)
    accepted = apply(body, accept=True)
    assert "6 million" in accepted and "\x07" not in accepted


def test_empty_texts_make_a_valid_document():
    c = compare("", "Only the outlet says this.")
    body = body_of(redline.render(c, date=DATE))
    assert apply(body, accept=True) == "Only the outlet says this."
    assert apply(body, accept=False) == ""


# --- the command ---------------------------------------------------------------


def run_cli(*args, cwd=None, input=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    import sys

    return subprocess.run([sys.executable, "-m", "natodiff", *args], capture_output=True, cwd=cwd,
                          input=input, env=env)


def test_cli_writes_atomically_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / "redline.docx"
    r = run_cli("redline", str(SOURCE), str(OUTLET), "-o", str(out), "--date", "2024-02-16T09:30:00Z")
    assert r.returncode == 0, r.stderr
    first = out.read_bytes()
    assert zipfile.is_zipfile(io.BytesIO(first))
    r = run_cli("redline", str(SOURCE), str(OUTLET), "-o", str(out))
    assert r.returncode == 2 and b"exists" in r.stderr
    assert out.read_bytes() == first
    r = run_cli("redline", str(SOURCE), str(OUTLET), "-o", str(out), "--force", "--static")
    assert r.returncode == 0, r.stderr
    assert count(body_of(out.read_bytes()), "ins") == 0
    assert [p.name for p in tmp_path.iterdir()] == ["redline.docx"]


def test_cli_writes_docx_bytes_to_stdout():
    r = run_cli("redline", str(SOURCE), str(OUTLET), "-o", "-", "--date", "2024-02-16")
    assert r.returncode == 0, r.stderr
    body = body_of(r.stdout)
    changes = [el for el in body.iter(q("ins"))]
    assert changes and {el.get(q("date")) for el in changes} == {"2024-02-16T00:00:00Z"}


def test_cli_rejects_a_bad_date():
    r = run_cli("redline", str(SOURCE), str(OUTLET), "-o", "-", "--date", "yesterday")
    assert r.returncode == 2 and b"date" in r.stderr


def test_help_does_not_import_docx():
    import sys

    code = ("import sys; from natodiff.cli import app; from typer.testing import CliRunner; "
            "CliRunner().invoke(app, ['--help']); CliRunner().invoke(app, ['redline', '--help']); "
            "print('docx' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert r.stdout.strip() == "False", r.stderr
