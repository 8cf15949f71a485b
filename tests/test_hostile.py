"""Hostile article text: shown literally, never obeyed, never a crash.

Rich markup, terminal escapes and other control characters, lone
surrogates, RTL text, emoji, a 1 MB line. Reading a file already removes
stray control characters (tests/test_load.py); the renderers must still be
safe on their own, so most tests here hand them a Comparison built from raw
hostile strings.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import OUTLET, SOURCE
from natodiff import compare
from natodiff.render.output import make_console
from natodiff.render import html, markdown, memo, redline, text
from natodiff.render import json as render_json
from test_cli import run

MARKUP = "[bold red]Alarm[/] in Brussels, [link=http://e.com]click here[/link] [/] now."
ESCAPES = "Esc \x1b[31mred\x1b[0m, bell \x07, C1 CSI \x9b31m, NEL \x85, DEL \x7f and a NUL \x00 here."
SURROGATES = "A lone \ud800 high and \udcff low surrogate stay in this sentence."
RTL = "مرحبا بالعالم من بروكسل. שלום עולם מבריסל."
EMOJI = "Emoji 🚀 and a family 👨‍👩‍👧 and a flag 🇺🇦 stay as they are."
BIDI = "A bidi \u202eoverride\u202c and an isolate \u2066here\u2069 are shown."
QUOTE = 'Mr Stoltenberg said: "We [bold]will[/bold] \x1b[2J stand with Ukraine."'
TAGS = "A <script>alert(1)</script> and a <b>bold</b> tag &amp; an entity."
HOSTILE = "\n\n".join([MARKUP, ESCAPES, SURROGATES, RTL, EMOJI, BIDI, QUOTE, TAGS])
ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def hostile(source_text, outlet_text):
    """The sample pair with hostile paragraphs in both texts and in the names."""
    return compare(source_text + "\n\n" + QUOTE, HOSTILE + "\n\n" + outlet_text,
                   source_name="release\x1b[31m.txt", outlet_name="story [bold]\n.txt")


def terminal(c, *, color: bool) -> str:
    buffer = io.StringIO()
    text.render(c, make_console(buffer, color=color, width=100), markers=not color)
    return buffer.getvalue()


def assert_safe(output: str, *, sgr: bool = False) -> None:
    """No control character but newline, no raw ESC (colour codes aside), encodable."""
    plain = ANSI_SGR.sub("", output) if sgr else output
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", plain), "a raw control character"
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u2028\u2029]", plain), "a raw bidi control or separator"
    output.encode("utf-8")  # no lone surrogate


def assert_kept(output: str) -> None:
    for kept in (RTL.split(". ")[0], "שלום עולם", "🚀", "👨‍👩‍👧", "🇺🇦"):
        assert kept in output


@pytest.mark.parametrize("color", [True, False], ids=["color-always", "color-never"])
def test_terminal_report_shows_markup_and_escapes_literally(hostile, color):
    out = terminal(hostile, color=color)
    assert_safe(out, sgr=color)
    assert_kept(out)
    assert "[bold red]Alarm[/] in Brussels" in out
    assert "[link=http://e.com]click here[/link]" in out
    assert "\\x1b[31mred\\x1b[0m" in out and "\\x9b31m" in out and "\\x07" in out
    assert "\\ud800" in out and "\\u202eoverride\\u202c" in out
    assert "release\\x1b[31m.txt" in out and "story [bold]\\n.txt" in out
    assert TAGS in out
    if color:
        assert ANSI_SGR.search(out)  # colour is still there


def test_terminal_tables_show_quotes_literally(hostile):
    from natodiff.render import tables

    buffer = io.StringIO()
    console = make_console(buffer, color=True, width=120)
    console.print(tables.quotes_table(hostile.quotes))
    console.print(tables.facts_table(hostile.facts))
    out = buffer.getvalue()
    assert_safe(out, sgr=True)
    assert "[bold]will[/bold]" in ANSI_SGR.sub("", out) and "\\x1b[2J" in out


def test_markdown_escapes_markup_and_shows_controls(hostile):
    out = markdown.render(hostile)
    assert_safe(out)
    assert_kept(out)
    assert r"\[bold red\]Alarm\[/\] in Brussels" in out  # renders as the literal brackets
    assert r"\\x1b\[31mred" in out and r"\\ud800" in out and r"\\u202eoverride" in out
    assert r"A \<script\>alert(1)\</script\>" in out


def test_html_escapes_markup_and_shows_controls(hostile):
    out = html.render(hostile)
    assert_safe(out)
    assert_kept(out)
    assert "[bold red]Alarm[/] in Brussels" in out
    assert "\\x1b[31mred" in out and "\\ud800" in out and "\\u202eoverride" in out
    assert "A &lt;script&gt;alert(1)&lt;/script&gt; and a &lt;b&gt;bold&lt;/b&gt; tag &amp;amp; an entity." in out


def test_json_keeps_every_character_and_escapes_the_risky_ones(hostile):
    out = render_json.render(hostile)
    assert_safe(out)  # C1, DEL, surrogates and separators as \\u escapes; C0 escaped by json itself
    assert_kept(out)
    data = json.loads(out)  # ... and the text comes back exactly
    texts = {s["text"] for a in data["alignments"] for s in a["outlet"]}
    assert MARKUP in texts and SURROGATES in texts and BIDI in texts
    assert " ".join(ESCAPES.split()) in texts  # NEL is whitespace, folded like any other
    assert data["outlet"]["name"] == "story [bold]\n.txt"
    lines = "".join(render_json.render_lines(hostile))
    assert_safe(lines)
    assert len(lines.splitlines()) == len(hostile.alignments)


@pytest.mark.parametrize("kind", ["memo", "redline", "redline-static"])
def test_word_documents_never_fail(hostile, kind):
    import docx

    when = datetime(2024, 2, 16, tzinfo=timezone.utc)
    if kind == "memo":
        data = memo.render(hostile, created=when, title="[bold]Title\x1b[0m", author="\x07A. Analyst",
                           classification="UNCLASSIFIED\x00")
    else:
        data = redline.render(hostile, date=when, static=kind == "redline-static")
    document = docx.Document(io.BytesIO(data))  # reopens
    assert document.paragraphs
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "[bold red]Alarm[/] in Brussels" in body
    assert "🚀" in body and "שלום" in body
    assert "\x1b" not in body and "\x07" not in body


# ---------------------------------------------------------------- through the command


def hostile_file(tmp_path: Path, middle: bytes = b"") -> Path:
    """HOSTILE as a UTF-8 file (less the NUL, which makes it binary), ``middle`` spliced in."""
    path = tmp_path / "story.txt"
    paragraphs = HOSTILE.replace(" and a NUL \x00", "").replace(SURROGATES + "\n\n", "")
    path.write_bytes(middle + paragraphs.encode("utf-8") + b"\n\n" + OUTLET.read_bytes())
    return path


def test_invalid_utf8_and_encoded_surrogates_through_compare(tmp_path):
    path = hostile_file(tmp_path, b"Broken \xed\xa0\x80 bytes \xff here.\n\n")
    for color in ("always", "never"):
        r = run("compare", str(SOURCE), str(path), "--color", color)
        assert r.exit_code == 0
        assert r.stderr == (f"natodiff: warning: {path}: not valid UTF-8: 4 bad bytes replaced with U+FFFD\n"
                            f"natodiff: warning: {path}: removed 7 control characters\n")
        assert_safe(r.stdout, sgr=color == "always")
        assert "[bold red]Alarm[/] in Brussels" in r.stdout
        assert "Broken \ufffd\ufffd\ufffd bytes \ufffd here." in r.stdout and "🚀" in r.stdout
    strict = run("compare", str(SOURCE), str(path), "--strict-encoding")
    assert (strict.exit_code, strict.stdout) == (2, "")
    assert strict.stderr == f"natodiff: error: {path}: not valid UTF-8 (byte 0xed at offset 7)\n"


def test_a_utf8_hostile_file_loses_only_its_control_characters(tmp_path):
    path = hostile_file(tmp_path)
    r = run("compare", str(SOURCE), str(path), "-f", "json")
    assert r.exit_code == 0
    assert r.stderr == f"natodiff: warning: {path}: removed 7 control characters\n"
    texts = [s["text"] for a in json.loads(r.stdout)["alignments"] for s in a["outlet"]]
    assert MARKUP in texts and RTL.split(". ")[0] + "." in texts and EMOJI in texts and TAGS in texts
    assert "Esc red, bell , C1 CSI 31m, NEL , DEL here." in texts


def test_a_1_mb_line_without_a_newline(tmp_path):
    # Lowercase, no figures: a line full of fact mentions is quadratic in the
    # facts layer (see the closing note of issue 8); this one tests the rest.
    line = " ".join(["lorem" * 200] * 1000)[:1_000_000]
    path = tmp_path / "paste.txt"
    path.write_text(OUTLET.read_text(encoding="utf-8") + "\n\n" + line, encoding="utf-8")
    r = run("compare", str(SOURCE), str(path), "-f", "json")
    assert (r.exit_code, r.stderr) == (0, "")
    data = json.loads(r.stdout)
    assert line in [s["text"] for a in data["alignments"] for s in a["outlet"]]


def test_a_hostile_file_name(tmp_path):
    path = tmp_path / "evil\x1b]0;pwned\x07\n[bold]name.txt"
    path.write_bytes(OUTLET.read_bytes())
    r = run("compare", str(SOURCE), str(path), env={"COLUMNS": "160"})
    assert r.exit_code == 0 and "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "evil\\x1b]0;pwned\\x07\\n[bold]name.txt" in r.stdout
    r = run("compare", str(SOURCE), str(path) + ".missing")
    assert r.stderr == f"natodiff: error: {tmp_path}/evil\\x1b]0;pwned\\x07\\n[bold]name.txt.missing: no such file\n"


def test_facts_listing_shows_hostile_text_literally(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(MARKUP + "\n\n" + QUOTE.replace("\x1b[2J", "") + "\n\n" + RTL + "\n\n" + EMOJI, encoding="utf-8")
    r = run("facts", str(path), "--color", "always")
    assert r.exit_code == 0 and r.stderr == ""
    assert_safe(r.stdout, sgr=True)
    assert "[bold]will[/bold]" in ANSI_SGR.sub("", r.stdout)


def test_a_hostile_file_name_in_a_batch_table(tmp_path):
    path = tmp_path / "evil\x1b[2Jname.txt"
    path.write_bytes(OUTLET.read_bytes())
    r = run("batch", str(SOURCE), str(path), "--color", "always", env={"COLUMNS": "160"})
    assert r.exit_code == 0
    assert_safe(r.stdout, sgr=True)
    assert "evil\\x1b[2Jname.txt" in ANSI_SGR.sub("", r.stdout)
