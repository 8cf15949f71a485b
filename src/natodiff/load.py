"""Bytes to article text. Pure: no file access, so every path is testable.

The goal is the text a reader sees, with paragraphs intact; anything that is
not an article (binaries, PDFs, control-character noise) is refused with a
message that says what to do instead of being compared as garbage.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser

from natodiff.errors import InputError

FORMATS = ("auto", "text", "markdown", "html", "docx")


@dataclass(frozen=True)
class Loaded:
    text: str
    encoding: str
    format: str
    warnings: tuple[str, ...]


# --------------------------------------------------------------------------
# decoding

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, or encrypted .docx
_MAGICS = (
    (_ZIP_MAGIC, "zip archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip"),
    (_OLE_MAGIC, "old Word .doc or other OLE document"),
)
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _refuse_binary(data: bytes, name: str) -> None:
    if data.startswith(b"%PDF-"):
        raise InputError("a PDF file; save it as text first", name)
    for magic, kind in _MAGICS:
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}), not text", name)
    if b"\x00" in data:
        raise InputError("binary file, not text", name)


def _normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n")


def decode(
    data: bytes,
    name: str,
    *,
    fallback: bool = True,
    charset: str | None = None,
) -> tuple[str, str, list[str]]:
    """Return (text, encoding, warnings) with LF line ends and no leading BOM.

    A BOM is trusted; otherwise UTF-8 is tried strictly, then a declared
    ``charset`` (from an HTML <meta>), then Windows-1252, which is what
    "not UTF-8" almost always means for news copy pasted out of Word.
    """
    warnings: list[str] = []
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(_invalid(label, data, exc), name) from exc
            break
    else:
        _refuse_binary(data, name)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if not fallback:
                raise InputError(_invalid("UTF-8", data, exc), name) from exc
            text, encoding = _decode_fallback(data, charset, warnings)
    return _normalise_newlines(text.removeprefix("\ufeff")), encoding, warnings


def _invalid(label: str, data: bytes, exc: UnicodeDecodeError) -> str:
    offset = exc.start + len(data) - len(exc.object)  # utf-8-sig reports past the BOM
    return f"not valid {label} (byte 0x{data[offset]:02x} at offset {offset})"


def _decode_fallback(data: bytes, charset: str | None, warnings: list[str]) -> tuple[str, str]:
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        warnings.append(f"not valid UTF-8: {bad} bad byte{'s' if bad != 1 else ''} replaced with U+FFFD")
        return text, "utf-8"
    if charset:
        try:
            declared = codecs.lookup(charset).name
        except LookupError:
            declared = None
        # Browsers read a declared Latin-1/ASCII page as Windows-1252; so do we.
        if declared and declared not in ("latin-1", "iso8859-1", "ascii", "utf-8"):
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    if _CP1252_UNDEFINED.isdisjoint(data):
        warnings.append("not valid UTF-8; read as Windows-1252")
        return data.decode("cp1252"), "cp1252"
    warnings.append("not valid UTF-8 or Windows-1252; read as Latin-1")
    return data.decode("latin-1"), "latin-1"


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes (a paste, a truncated character): (text, bad bytes).

    Windows-1252 text almost never holds a valid UTF-8 sequence, so more
    valid multi-byte characters than bad places means UTF-8 with damage.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for ch in text if ch > "\x7f") - text.count("\ufffd")
    return (text, bad) if valid > bad else None


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


# --------------------------------------------------------------------------
# control characters

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # not \t \n \v \f \r
_SPACE = re.compile(r"[^\S\x1c-\x1f\x85]")
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor movement
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, hyperlinks
    r"|\x1b[@-Z\\-_]"  # other two-character escapes
)


def _clean_controls(text: str, name: str, warnings: list[str]) -> str:
    """Refuse control-character noise; remove the odd stray one with a warning."""
    controls = len(_CONTROL.findall(text))
    if not controls:
        return text.replace("\f", "\n\n").replace("\v", "\n")
    # str.isspace() counts \x1c-\x1f and \x85 as spaces; here they are noise.
    visible = len(text) - len(_SPACE.findall(text))
    if controls > 0.3 * visible:
        raise InputError("mostly control characters, not article text", name)
    text = _CONTROL.sub("", _ANSI.sub("", text))
    warnings.append(f"removed {controls} control character{'s' if controls != 1 else ''}")
    return text.replace("\f", "\n\n").replace("\v", "\n")


def _tidy_lines(text: str) -> str:
    """Strip trailing whitespace per line and blank lines at both ends."""
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# --------------------------------------------------------------------------
# markdown

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^(\s{0,3})#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+)\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^(\s*)[-*+]\s+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# Each starts with its literal so the regex engine can skip ahead quickly.
_STRONG_STAR = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_STRONG_UNDER = re.compile(r"__(?<!\w__)(?=\S)(.+?)(?<=\S)__(?!\w)")
_EM_STAR = re.compile(r"\*(?<![\w*]\*)(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"_(?<![\w_]_)(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


_BLOCK_MARKERS = "`~-*_=[>#+"
_UNESCAPE = re.compile("[\U000f0000-\U000f007f]")


def _markdown_inline(text: str) -> str:
    """Inline markup; run on many lines at once (no pattern crosses a newline)."""
    # Escaped characters hide in the private-use area until markup is gone.
    text = _ESCAPE.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\2", text)
    text = _STRONG_STAR.sub(r"\1", text)
    text = _STRONG_UNDER.sub(r"\1", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    return _UNESCAPE.sub(lambda m: chr(ord(m.group()) - 0xF0000), text)


def markdown_to_text(text: str) -> str:
    """Drop markup but keep every line where it was, so paragraphs survive."""
    out: list[str] = []
    prose: list[str] = []  # lines waiting for inline processing
    in_fence = False
    for line in text.split("\n"):
        first = line.lstrip()[:1]
        if first in ("`", "~") and _FENCE.match(line):
            if prose:
                out.append(_markdown_inline("\n".join(prose)))
                prose = []
            in_fence = not in_fence
            out.append("")
        elif in_fence:
            out.append(line)
        elif not first or first not in _BLOCK_MARKERS:  # the common case, made cheap
            prose.append(line)
        elif _RULE.match(line) or _REF_DEF.match(line):
            prose.append("")
        else:
            line = _QUOTE.sub("", line)
            heading = _HEADING.match(line)
            if heading:
                line = heading.group(1) + heading.group(2)
            prose.append(_BULLET.sub(r"\1", line))
    if prose:
        out.append(_markdown_inline("\n".join(prose)))
    return "\n".join(out)


# --------------------------------------------------------------------------
# html

_SKIP = frozenset(
    "script style noscript template svg math nav header footer aside form button "
    "iframe head select object canvas".split()
)
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dd dt blockquote section article main "
    "tr table thead tbody tfoot caption figure figcaption pre hr address body html "
    "title details summary center".split()
)
_CELL = frozenset(("td", "th"))
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HEAD_ONLY = frozenset("title meta link base style script noscript template".split())
_BREAK = "\x00"  # a <br>; control characters are removed before parsing, so unambiguous


class _HTMLText(HTMLParser):
    """Visible text by paragraphs; tolerant of soup (unclosed, stray tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.title: list[str] = []
        self.has_h1 = False
        self._buf: list[str] = []
        self._skip: list[str] = []  # open elements whose content is dropped
        self._article = 0  # inside <article>/<main>, a <header> holds the headline
        self._in_title = False
        self._in_h1 = False
        self._pre = 0

    def _flush(self) -> None:
        raw = "".join(self._buf)
        self._buf = []
        lines = [" ".join(part.split()) for part in raw.split(_BREAK)]
        # Consecutive <br>s (an empty line) separate paragraphs, as they look.
        block: list[str] = []
        for line in [*lines, ""]:
            if line:
                block.append(line)
            elif block:
                self.paragraphs.append("\n".join(block))
                block = []

    def _skips(self, tag: str) -> bool:
        return tag in _SKIP and not (tag == "header" and self._article)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._skip == ["head"] and tag not in _HEAD_ONLY:
            self._skip.clear()  # <head> is often never closed
        if tag == "title":
            self._in_title = self._skip in ([], ["head"]) and not self.title
            return
        if self._skip:
            if tag in _SKIP:
                self._skip.append(tag)
            return
        if self._skips(tag):
            self._flush()
            self._skip.append(tag)
        elif tag == "br":
            self._buf.append(_BREAK)
        elif tag in _CELL:
            self._buf.append(" ")
        elif tag in _BLOCK:
            self._flush()
            self._in_h1 = tag == "h1"
            self._pre += tag == "pre"
            self._article += tag in ("article", "main")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if tag in ("body", "html"):
            self._skip.clear()
        if self._skip:
            if tag in self._skip:  # close it, and anything left open inside it
                del self._skip[len(self._skip) - 1 - self._skip[::-1].index(tag) :]
            return
        if tag == "br":  # browsers read </br> as <br>
            self._buf.append(_BREAK)
        elif tag in _CELL:
            self._buf.append(" ")
        elif tag in _BLOCK:
            self._flush()
            self._in_h1 = False
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            if tag in ("article", "main"):
                self._article = max(0, self._article - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            if self._pre:
                data = data.replace("\n", _BREAK)
            if self._in_h1 and data.strip():
                self.has_h1 = True
            self._buf.append(data)

    def text(self) -> str:
        self._flush()
        paragraphs = list(self.paragraphs)
        title = " ".join("".join(self.title).split())
        if title and not self.has_h1:
            paragraphs.insert(0, title)
        return "\n\n".join(paragraphs)


def html_to_text(markup: str) -> str:
    """Paragraphs of visible text, separated by blank lines."""
    parser = _HTMLText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - last resort for soup the stdlib chokes on
        stripped = re.sub(r"<[^>]*>", "\n\n", markup)
        return "\n\n".join(" ".join(p.split()) for p in stripped.split("\n\n") if p.strip())
    return parser.text()


_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)\b", re.I)
_HTML_BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|li|br|table|article|section|blockquote)\b", re.I)


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip()[:1024]
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_BLOCK_TAG.findall(head))
    return tags >= 5 or (tags >= 2 and head.startswith("<"))


# --------------------------------------------------------------------------
# docx

_MAX_DOCX_UNPACKED = 512 * 1024 * 1024  # more than this unpacked is a zip bomb


def _is_docx(data: bytes) -> bool:
    if not data.startswith(_ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def docx_to_text(data: bytes, name: str) -> str:
    """Body paragraphs and table cells in document order, blank-line separated."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            "not a readable .docx file (an old .doc or a password-protected file)", name
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.getinfo("word/document.xml")
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError("not a readable .docx file", name) from exc
    if unpacked > _MAX_DOCX_UNPACKED:
        raise InputError("not a readable .docx file (too large when unpacked)", name)

    import docx  # lazy: python-docx pulls in lxml, too slow for every start-up

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_docx_paragraphs(document))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on bad input
        raise InputError("not a readable .docx file", name) from exc
    return "\n\n".join(paragraphs)


def _docx_paragraphs(container):  # Document or table cell
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            seen = set()  # holds the elements, so their identities stay unique
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc in seen:  # a merged cell is listed once per grid column
                        continue
                    seen.add(cell._tc)
                    yield from _docx_paragraphs(cell)
        else:
            text = item.text.strip()
            if text:
                yield text


# --------------------------------------------------------------------------
# entry point

_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
}


def _format_from_name(name: str) -> str:
    lowered = name.lower()
    for ext, fmt in _EXTENSIONS.items():
        if lowered.endswith(ext):
            return fmt
    return "text"


def load(data: bytes, name: str, fmt: str = "auto", *, fallback: bool = True) -> Loaded:
    """Turn an input's bytes into article text, or say why it isn't one."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if not data:
        raise InputError("empty file", name)

    sniff = fmt == "auto"
    if sniff:
        fmt = _format_from_name(name)
        if fmt != "docx" and _is_docx(data):
            fmt = "docx"

    if fmt == "docx":
        warnings: list[str] = []
        text = _clean_controls(docx_to_text(data, name), name, warnings)
        if not text.strip():
            raise InputError("no text in the document", name)
        _require_words(text, name)
        return Loaded(_tidy_lines(text), "utf-8", fmt, tuple(warnings))

    charset = _meta_charset(data) if fmt == "html" or (sniff and fmt == "text") else None
    text, encoding, warnings = decode(data, name, fallback=fallback, charset=charset)
    if not text.strip():
        raise InputError("no text (only whitespace)", name)
    text = _clean_controls(text, name, warnings)
    if sniff and fmt == "text" and _looks_like_html(text):
        fmt = "html"
    if fmt == "html":
        text = html_to_text(text)
    elif fmt == "markdown":
        text = markdown_to_text(text)
    if not text.strip():
        problem = "no text (only whitespace)" if fmt == "text" else "no text after removing markup"
        raise InputError(problem, name)
    _require_words(text, name)
    return Loaded(_tidy_lines(text), encoding, fmt, tuple(warnings))


def _require_words(text: str, name: str) -> None:
    """Refuse a text with no letter or digit at all ("[/] [[ ]]", a row of emoji)."""
    if not any(ch.isalnum() for ch in text):
        raise InputError("no words (only punctuation and symbols)", name)
