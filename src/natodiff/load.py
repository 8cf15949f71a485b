"""Bytes to article text. Pure: no file access, so every path is testable.

The goal is the text a reader sees, with paragraphs intact; anything that is
not an article (binaries, PDFs, control-character noise) is refused with a
message that says what to do instead of being compared as garbage.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import NamedTuple

from natodiff.errors import InputError
from natodiff.inputs import DEFAULT_MAX_BYTES
from natodiff.patterns import Pattern

FORMATS = ("auto", "text", "markdown", "html", "docx")


class Loaded(NamedTuple):
    """A decoded input: its text, how it was read, and what to warn about."""

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
        if _looks_like_utf16(data):
            raise InputError("binary file, not text (UTF-16 without a byte-order mark?)", name)
        raise InputError("binary file, not text", name)


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly ASCII in UTF-16: every other byte a NUL, the bytes between them not."""
    head = data[:4096]
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return half > 0 and max(even, odd) >= 0.7 * half and min(even, odd) <= 0.05 * half


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
    declared = _page_charset(charset, warnings) if charset else None
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


# Python codecs that are no web page's charset: transforms (rot13, base64),
# escapes, and encodings that do not read ASCII as ASCII (UTF-16, UTF-7).
_NOT_PAGE_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "utf-7"})
_ASCII_PROBE = b"<meta charset=utf-8>"


def _page_charset(charset: str, warnings: list[str]) -> str | None:
    """The codec a <meta charset> names, if it is one a page could be written in."""
    try:
        name = codecs.lookup(charset).name
        if name not in _NOT_PAGE_CHARSETS and _ASCII_PROBE.decode(name) == _ASCII_PROBE.decode("ascii"):
            return name
    except (LookupError, UnicodeError, TypeError):  # unknown, not a text encoding, or failing on ASCII
        pass
    warnings.append(f'ignored <meta charset="{charset}">: not a character encoding for web pages')
    return None


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes (a paste, a truncated character): (text, bad bytes).

    Windows-1252 text almost never holds a valid UTF-8 sequence, while its
    accented letters are bad places scattered all through it; so at least as
    many valid multi-byte characters as places with bad bytes (a run of bad
    bytes is one place) means UTF-8 with damage.
    """
    escaped = data.decode("utf-8", errors="surrogateescape")  # a bad byte becomes one U+DC80..U+DCFF
    runs = _BAD_RUN.findall(escaped)
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    valid = len(escaped) - ascii_bytes - sum(map(len, runs))  # characters beyond ASCII
    places = len(runs)
    if not valid or valid < places:
        return None
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - data.count(b"\xef\xbf\xbd")


_BAD_RUN = Pattern("[\udc80-\udcff]+")
_HIGH_BYTES = bytes(range(0x80, 0x100))


_META_CHARSET = Pattern(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


# --------------------------------------------------------------------------
# control characters

_CONTROL = Pattern(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # not \t \n \v \f \r
_SPACE = Pattern(r"[^\S\x1c-\x1f\x85]")
_ANSI = Pattern(
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


_HTML_START = Pattern(r"\s*<(?:!doctype\s+html|html)\b", re.I)
_HTML_BLOCK_TAG = Pattern(r"<(?:p|div|h[1-6]|li|br|table|article|section|blockquote)\b", re.I)


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip()[:1024]
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_BLOCK_TAG.findall(head))
    return tags >= 5 or (tags >= 2 and head.startswith("<"))


# --------------------------------------------------------------------------
# docx


def _is_docx(data: bytes) -> bool:
    if not data.startswith(_ZIP_MAGIC):
        return False
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


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


def load(data: bytes, name: str, fmt: str = "auto", *, fallback: bool = True,
         max_size: int | None = None) -> Loaded:
    """Turn an input's bytes into article text, or say why it isn't one.

    ``max_size`` (default: the --max-size default) bounds a .docx unpacked;
    decoding never makes other formats longer than their bytes.
    """
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
        from natodiff.docx_text import docx_to_text

        warnings: list[str] = []
        limit = DEFAULT_MAX_BYTES if max_size is None else max_size
        text = _clean_controls(docx_to_text(data, name, limit), name, warnings)
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
        from natodiff.html_text import html_to_text

        text = html_to_text(text)
    elif fmt == "markdown":
        from natodiff.markdown_text import markdown_to_text

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
