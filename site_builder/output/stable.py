"""Same input, same bytes: the dates the output carries come from the input, not the clock.

Two builds of the same input must write byte-identical sites (a deploy by rsync copies only what
changed; an office can check that nothing else did). MkDocs stamps its sitemap with the build
date; output/sitemap.py replaces that sitemap with one dated from the content.

Masked copies of Excel and Word attachments (privacy.py, with openpyxl and python-docx) are zip
files whose entries carry the time they were written, and an Excel file's properties its save
time (`dcterms:modified`): `published_copy` gives them the times of the source file instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_MODIFIED = re.compile(rb"(<dcterms:modified\b[^>]*>)([^<]*)(</dcterms:modified>)")
_CORE = "docProps/core.xml"


def published_copy(data: bytes, source: Path) -> bytes:
    """A masked copy as published: an Office (zip) file rewritten with the entry times and the
    `dcterms:modified` property of its `source`, so that it depends on the input only; any
    other file as it is."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data
    try:
        with zipfile.ZipFile(source) as original:
            times = {i.filename: i.date_time for i in original.infolist()}
            core = original.read(_CORE) if _CORE in times else b""
    except (OSError, zipfile.BadZipFile, KeyError):
        times, core = {}, b""
    modified = _MODIFIED.search(core)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as copy, zipfile.ZipFile(out, "w") as stable:
        for info in copy.infolist():
            content = copy.read(info)
            if info.filename == _CORE:  # the source's modification time, or none
                content = _MODIFIED.sub(lambda m: m.group(1) + modified.group(2) + m.group(3),
                                        content) if modified else _MODIFIED.sub(b"", content)
            entry = zipfile.ZipInfo(info.filename, times.get(info.filename, _EPOCH))
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            stable.writestr(entry, content)
    return out.getvalue()
