"""Word documents to plain text: body paragraphs and table cells in order.

Its own module, imported only for .docx input.
"""

from __future__ import annotations

import io
import zipfile

from natodiff.errors import InputError
from natodiff.load import _OLE_MAGIC

_MAX_DOCX_UNPACKED = 512 * 1024 * 1024  # more than this unpacked is a zip bomb


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
