"""Word documents to plain text: body paragraphs and table cells in order.

Its own module, imported only for .docx input.
"""

from __future__ import annotations

import io
import zipfile

from natodiff.errors import InputError
from natodiff.inputs import DEFAULT_MAX_BYTES, human_size
from natodiff.load import _OLE_MAGIC

_CHUNK = 1 << 16


def docx_to_text(data: bytes, name: str, max_size: int = DEFAULT_MAX_BYTES) -> str:
    """Body paragraphs and table cells in document order, blank-line separated.

    ``max_size`` bounds the archive unpacked: every member is decompressed as
    a stream and counted, whatever sizes the zip's index claims, so a small
    file that unpacks to gigabytes is refused after reading ``max_size``.
    """
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            "not a readable .docx file (an old .doc or a password-protected file)", name
        )
    too_large = f"not a readable .docx file (larger than the {human_size(max_size)} limit when unpacked; use --max-size)"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.getinfo("word/document.xml")
            members = archive.infolist()
            if sum(info.file_size for info in members) > max_size:
                raise InputError(too_large, name)
            unpacked = 0
            for info in members:
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > max_size:
                            raise InputError(too_large, name)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise InputError("not a readable .docx file", name) from exc

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
