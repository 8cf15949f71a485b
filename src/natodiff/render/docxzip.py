"""A .docx's zip with every entry's time pinned, so equal documents are equal bytes.

python-docx stamps each zip entry with the clock; the document's own dates
(``--date``, $SOURCE_DATE_EPOCH) are in its properties, not in the zip.
"""

from __future__ import annotations

import io
import zipfile

PINNED = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def pin_times(data: bytes) -> bytes:
    """The same archive, entries in the same order, each dated 1980-01-01."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=PINNED)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = info.external_attr
            target.writestr(pinned, source.read(info))
    return out.getvalue()
