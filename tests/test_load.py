"""Bytes to article text: encodings, formats, and refusing what isn't an article."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from natodiff.errors import InputError
from natodiff.html_text import html_to_text
from natodiff.load import Loaded, decode, load
from natodiff.markdown_text import markdown_to_text

ARTICLE = "NATO allies agreed on Thursday to raise spending.\n\nThe decision was unanimous.\n"


def problem(data: bytes, name: str = "in.txt", fmt: str = "auto", **kw) -> str:
    with pytest.raises(InputError) as info:
        load(data, name, fmt, **kw)
    assert info.value.name == name
    return info.value.problem


# ---------------------------------------------------------------- plain text


def test_plain_utf8_keeps_line_structure():
    loaded = load(ARTICLE.encode(), "source.txt")
    assert loaded == Loaded(ARTICLE.strip("\n"), "utf-8", "text", ())


def test_crlf_and_cr_become_lf():
    assert load(b"one\r\ntwo\rthree\n\r\nfour", "a.txt").text == "one\ntwo\nthree\n\nfour"


def test_trailing_whitespace_and_outer_blank_lines_go():
    assert load(b"\n\n  first  \nsecond\t\n\n\n", "a.txt").text == "  first\nsecond"


def test_utf8_bom_is_removed():
    loaded = load(b"\xef\xbb\xbfNATO", "a.txt")
    assert (loaded.text, loaded.encoding) == ("NATO", "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = "\ufeff".encode(codec)
    loaded = load(bom + "Ünïcode\r\nline".encode(codec), "a.txt")
    assert (loaded.text, loaded.encoding, loaded.warnings) == ("Ünïcode\nline", "utf-16", ())


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom(codec):
    loaded = load("\ufeffΣ NATO".encode(codec), "a.txt")
    assert (loaded.text, loaded.encoding) == ("Σ NATO", "utf-32")


def test_cp1252_fallback_warns():
    data = "Stoltenberg said: \u201cWe are united\u201d \u2013 caf\u00e9".encode("cp1252")
    loaded = load(data, "a.txt")
    assert loaded.text == "Stoltenberg said: \u201cWe are united\u201d \u2013 caf\u00e9"
    assert loaded.encoding == "cp1252"
    assert loaded.warnings == ("not valid UTF-8; read as Windows-1252",)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    text, encoding, warnings = decode(b"Caf\xe9 r\x81sum\xe9 text", "a.txt")
    assert encoding == "latin-1"
    assert warnings == ["not valid UTF-8 or Windows-1252; read as Latin-1"]
    assert text == "Caf\u00e9 r\x81sum\u00e9 text"


def test_no_fallback_reports_byte_and_offset():
    assert problem(b"abc \x93quoted", fallback=False) == "not valid UTF-8 (byte 0x93 at offset 4)"


def test_invalid_utf16_after_bom():
    assert problem(b"\xff\xfe\x00\xd8") == "not valid UTF-16 (byte 0x00 at offset 2)"


def test_invalid_utf8_after_bom_is_not_guessed():
    assert problem(b"\xef\xbb\xbfab\xffc") == "not valid UTF-8 (byte 0xff at offset 5)"


# ---------------------------------------------------------------- refusals


def test_empty_file():
    assert problem(b"") == "empty file"


def test_only_whitespace():
    assert problem(b" \n\t\r\n  ") == "no text (only whitespace)"


def test_nul_byte_is_binary():
    assert problem(b"looks like text\x00but is not") == "binary file, not text"


def test_utf16_with_bom_is_not_binary_despite_nuls():
    assert load("plain".encode("utf-16"), "a.txt").text == "plain"


def test_pdf():
    assert problem(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") == "a PDF file; save it as text first"


@pytest.mark.parametrize(
    ("magic", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"GIF89a", "GIF image"),
        (b"\x1f\x8b\x08", "gzip"),
        (b"PK\x03\x04", "zip archive"),
    ],
)
def test_binary_magics(magic, kind):
    assert problem(magic + b"rest of file") == f"binary file ({kind}), not text"


def test_zip_that_is_not_a_docx():
    assert problem(_zip({"readme.txt": "hi"}), "archive.bin") == "binary file (zip archive), not text"


def test_docx_forced_as_text_is_binary(tmp_path):
    assert problem(_docx_bytes(tmp_path, ["Hello"]), "a.docx", "text") == (
        "binary file (zip archive), not text"
    )


def test_mostly_control_characters():
    assert problem(b"\x01\x02\x03\x04 ab\x05\x06") == "mostly control characters, not article text"


def test_few_control_characters_are_removed_with_warning():
    loaded = load(b"NATO\x07 said\x1b[1m loudly\x1b[0m today\x7f.", "a.txt")
    assert loaded.text == "NATO said loudly today."
    assert loaded.warnings == ("removed 4 control characters",)


def test_one_control_character_is_singular():
    assert load(b"NATO\x08 summit", "a.txt").warnings == ("removed 1 control character",)


def test_osc_title_sequence_is_stripped():
    assert load(b"\x1b]0;window title\x07Report text here", "a.txt").text == "Report text here"


def test_form_feed_is_a_paragraph_break_and_tab_is_kept():
    loaded = load(b"page one\fpage two\tend", "a.txt")
    assert loaded.text == "page one\n\npage two\tend"
    assert loaded.warnings == ()


def test_only_terminal_escapes_is_no_text():
    assert problem(b"\x1b[0m   \x1b[0m\n") == "no text (only whitespace)"


def test_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError):
        load(b"x", "a.txt", "rtf")


# ---------------------------------------------------------------- markdown


def test_markdown_markup_is_removed_and_lines_kept():
    md = (
        "# NATO summit #\n"
        "\n"
        "Allies **agreed** to *raise* spending, says [the release](https://nato.int/x).\n"
        "![a photo](photo.jpg)\n"
        "- first point\n"
        "* second point\n"
        "\n"
        "> A quote with __strong__ and _em_ words.\n"
    )
    loaded = load(md.encode(), "report.md")
    assert loaded.format == "markdown"
    assert loaded.text.split("\n") == [
        "NATO summit",
        "",
        "Allies agreed to raise spending, says the release.",
        "",
        "first point",
        "second point",
        "",
        "A quote with strong and em words.",
    ]


def test_markdown_table_rows_are_text_and_the_rule_under_the_header_goes():
    text = "| Area | Share |\n|------|:-----:|\n| Core defence | 3.5% |\n\nA | B is prose.\n"
    assert markdown_to_text(text) == "Area; Share\n\nCore defence; 3.5%\n\nA | B is prose.\n"


def test_markdown_leaves_snake_case_arithmetic_and_escapes_alone():
    out = markdown_to_text("file_name_here and 2 * 3 * 4 and \\*literal\\*")
    assert out == "file_name_here and 2 * 3 * 4 and *literal*"


def test_markdown_code_fence_content_is_kept_verbatim():
    fenced = "```\n**not bold**\nplain *not em* text\n# not a heading\n```\n*em*"
    assert markdown_to_text(fenced) == "\n**not bold**\nplain *not em* text\n# not a heading\n\nem"


def test_markdown_with_only_an_image():
    assert problem(b"![chart](chart.png)\n", "a.md") == "no text after removing markup"


# ---------------------------------------------------------------- html

PAGE = b"""<!DOCTYPE html>
<html><head><title>Allies agree | Example News</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><div>Example News</div></header>
<article>
  <h1>Allies agree  to spend more</h1>
  <p>NATO allies agreed on Thursday
     to raise &quot;spending&quot; &amp; readiness&nbsp;levels.</p>
  <h2>Reaction</h2>
  <p>Moscow <b>criticised</b> the move.<br>It said it would respond.</p>
  <aside>Related: other story</aside>
</article>
<footer>&copy; Example News</footer>
</body></html>"""


def test_html_visible_text_by_paragraphs():
    loaded = load(PAGE, "page.html")
    assert loaded.format == "html"
    assert loaded.text.split("\n\n") == [
        "Allies agree to spend more",
        'NATO allies agreed on Thursday to raise "spending" & readiness levels.',
        "Reaction",
        "Moscow criticised the move.\nIt said it would respond.",
    ]


def test_html_is_sniffed_without_extension():
    loaded = load(PAGE, "<stdin>")
    assert loaded.format == "html"
    assert "Home" not in loaded.text and "not text" not in loaded.text


def test_html_fragment_is_sniffed():
    assert load(b"<p>One.</p>\n<p>Two.</p>", "<stdin>").text == "One.\n\nTwo."


def test_text_with_an_angle_bracket_is_not_html():
    assert load(b"a < b and c > d", "<stdin>").format == "text"


def test_forced_text_format_keeps_tags():
    assert load(b"<p>One.</p><p>Two.</p>", "a.html", "text").text == "<p>One.</p><p>Two.</p>"


def test_title_used_only_when_there_is_no_h1():
    page = b"<html><head><title>Headline from title</title></head><body><p>Body.</p>"
    assert load(page, "a.html").text == "Headline from title\n\nBody."
    assert "Example News" not in load(PAGE, "a.html").text


def test_headline_in_article_header_is_kept():
    page = b"<article><header><h1>The headline</h1></header><p>Body.</p></article>"
    assert load(page, "a.html").text == "The headline\n\nBody."


def test_html_soup_unclosed_tags():
    assert html_to_text("<p>a<p>b<div>c") == "a\n\nb\n\nc"


def test_html_soup_stray_brackets():
    assert html_to_text("<p><<<>>></p>") == "<<<>>>"
    assert load(b"<p>NATO <<<>>> met</p>", "a.html").text == "NATO <<<>>> met"
    assert problem(b"<<<>>>", "a.html") == "no words (only punctuation and symbols)"


@pytest.mark.parametrize(
    "soup",
    [
        "<p>unterminated <b",
        "</div></p><p>x",
        "<![if !supportLists]>x<![endif]>",
        "<p>x<!-- unterminated comment",
        "<table><td>a<td>b</table><li>c",
        "<nav>never closed <p>hidden",
        '<p a="unterminated>x',
    ],
)
def test_html_soup_never_crashes(soup):
    assert isinstance(html_to_text(soup), str)


def test_scripts_styles_and_forms_in_body_are_dropped():
    page = (
        "<body><p>Kept.</p><script>document.write('<p>ad</p>')</script>"
        "<style>.x{}</style><form><button>Subscribe</button></form><p>Also kept.</p>"
    )
    assert html_to_text(page) == "Kept.\n\nAlso kept."


def test_html_table_cells_are_separated():
    assert html_to_text("<table><tr><td>Spain</td><td>1.3%</td></tr></table>") == "Spain 1.3%"


def test_double_br_separates_paragraphs():
    assert html_to_text("<div>one<br><br>two<br/>three</div>") == "one\n\ntwo\nthree"


def test_unclosed_head_does_not_swallow_body():
    assert html_to_text("<html><head><title>T</title><p>Body text") == "T\n\nBody text"


def test_html_with_no_visible_text():
    page = b"<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>"
    assert problem(page, "a.html") == "no text after removing markup"


def test_html_meta_charset_is_honoured():
    page = '<meta charset="windows-1251"><p>Привет, НАТО</p>'.encode("cp1251")
    loaded = load(page, "a.html")
    assert (loaded.text, loaded.encoding, loaded.warnings) == ("Привет, НАТО", "cp1251", ())


def test_valid_utf8_wins_over_a_wrong_meta_charset():
    page = '<meta charset="iso-8859-1"><p>café</p>'.encode()
    assert load(page, "a.html").text == "café"


# ---------------------------------------------------------------- docx


def _docx_bytes(tmp_path, paragraphs, table=None):
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        document.add_paragraph("After the table.")
    path = tmp_path / "report.docx"
    document.save(path)
    return path.read_bytes()


def _zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_docx_round_trip(tmp_path):
    data = _docx_bytes(tmp_path, ["NATO summit", "", "Allies agreed.", "   ", "Moscow objected."])
    loaded = load(data, "report.docx")
    assert loaded == Loaded("NATO summit\n\nAllies agreed.\n\nMoscow objected.", "utf-8", "docx", ())


def test_docx_tables_in_document_order(tmp_path):
    data = _docx_bytes(tmp_path, ["Before."], table=[["Spain", "1.3%"], ["Poland", "4.1%"]])
    assert load(data, "r.docx").text.split("\n\n") == [
        "Before.",
        "Spain",
        "1.3%",
        "Poland",
        "4.1%",
        "After the table.",
    ]


def test_docx_merged_cell_is_read_once(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Merged heading"
    table.cell(1, 0).text = "a"
    table.cell(1, 1).text = "b"
    path = tmp_path / "merged.docx"
    document.save(path)
    assert load(path.read_bytes(), "merged.docx").text == "Merged heading\n\na\n\nb"


def test_docx_is_sniffed_from_content(tmp_path):
    data = _docx_bytes(tmp_path, ["Sniffed."])
    assert load(data, "<stdin>").format == "docx"
    assert load(data, "report.txt").text == "Sniffed."


def test_corrupt_docx(tmp_path):
    data = _docx_bytes(tmp_path, ["x"])
    assert problem(data[: len(data) // 2], "r.docx") == "not a readable .docx file"


def test_docx_extension_on_text():
    assert problem(b"just text", "r.docx") == "not a readable .docx file"


def test_zip_with_broken_document_xml():
    data = _zip({"word/document.xml": "<not xml", "[Content_Types].xml": "<nope"})
    assert problem(data, "<stdin>") == "not a readable .docx file"


def test_old_doc_or_encrypted_docx():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    assert problem(data, "r.docx") == (
        "not a readable .docx file (an old .doc or a password-protected file)"
    )


def test_empty_docx(tmp_path):
    assert problem(_docx_bytes(tmp_path, ["", "  "]), "r.docx") == "no text in the document"


def test_importing_load_does_not_import_python_docx():
    code = "import sys, natodiff.load; print('docx' in sys.modules, 'lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_utf8_with_a_few_bad_bytes_stays_utf8():
    data = "Stoltenberg said: \u201cWe are united\u201d \u2013 caf\u00e9 \U0001f680".encode() + b" \xff \xed\xa0\x80 end"
    text, encoding, warnings = decode(data, "a.txt")
    assert encoding == "utf-8"
    assert text == "Stoltenberg said: \u201cWe are united\u201d \u2013 caf\u00e9 \U0001f680 \ufffd \ufffd\ufffd\ufffd end"
    assert warnings == ["not valid UTF-8: 4 bad bytes replaced with U+FFFD"]


def test_a_real_replacement_character_is_not_counted_as_bad():
    data = "caf\u00e9 \u201cx\u201d \ufffd".encode() + b"\xff"
    assert decode(data, "a.txt")[2] == ["not valid UTF-8: 1 bad byte replaced with U+FFFD"]


def test_text_with_no_letters_or_digits_is_refused():
    assert problem(b"[[ ]] [/] {} (( )) <> --- ***\n") == "no words (only punctuation and symbols)"
    assert problem("\U0001f680 \U0001f680\n".encode()) == "no words (only punctuation and symbols)"
    assert load(b"[bold]x[/]", "a.txt").text == "[bold]x[/]"
