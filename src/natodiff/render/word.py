"""Word documents (python-docx) for the memo and the redline: page, properties, fields, safe text."""

from __future__ import annotations

import io
from datetime import datetime, timezone

from natodiff.patterns import Pattern

_XML_INVALID = Pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = Pattern("[\t\n\r\x85\u2028\u2029]")


def xml_safe(text: str) -> str:
    """Text that XML 1.0 can hold: invalid control characters removed, breaks as spaces."""
    return _XML_INVALID.sub("", _LINE_BREAKS.sub(" ", text))


def new_document(paper: str = "a4"):
    """A python-docx Document with the page size set (A4 or Letter)."""
    import docx
    from docx.shared import Inches, Mm

    document = docx.Document()
    section = document.sections[0]
    if paper == "letter":
        section.page_width, section.page_height = Inches(8.5), Inches(11)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(22)
    section.top_margin = section.bottom_margin = Mm(20)
    return document


def set_properties(document, *, title: str, author: str, subject: str, when: datetime | None,
                   keywords: str = "", comments: str = "", classification: str | None = None) -> None:
    """The document's properties; a classification marks its keywords, comments and category."""
    if classification:
        keywords, comments = f"{keywords}; {classification}", f"{classification}. {comments}"
    props = document.core_properties
    props.title = xml_safe(title)[:255]
    props.author = xml_safe(author)[:255]
    props.last_modified_by = xml_safe(author)[:255]
    props.subject = xml_safe(subject)[:255]
    props.keywords = xml_safe(keywords)[:255]
    props.comments = xml_safe(comments)[:255]
    props.revision = 1
    if when is not None:
        stamp = when.astimezone(timezone.utc).replace(tzinfo=None, microsecond=0)
        props.created = stamp
        props.modified = stamp
    if classification:
        props.category = xml_safe(classification)[:255]


def to_bytes(document) -> bytes:
    from natodiff.render.docxzip import pin_times

    buffer = io.BytesIO()
    document.save(buffer)
    return pin_times(buffer.getvalue())


def text_element(tag: str, text: str):
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    el = OxmlElement(tag)
    el.set(qn("xml:space"), "preserve")
    el.text = xml_safe(text)
    return el


def add_field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    run.append(text_element("w:t", placeholder))
    fld.append(run)
    paragraph._p.append(fld)
