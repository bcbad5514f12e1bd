"""Convert files saved as GBK (Windows Notepad's old default) or UTF-16 (Notepad's "Unicode")
to UTF-8, on request."""

from __future__ import annotations

from pathlib import Path

from ..base import messages as msg
from .load import UTF16_BOMS, decode_utf16, find_markdown
from .project import Project


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def find_non_utf8(project: Project) -> list[Path]:
    notices, pages = find_markdown(project.content)
    candidates = [project.catalog, *notices, *pages]
    return [p for p in candidates if p.is_file() and not is_utf8(p.read_bytes())]


def convert_to_utf8(path: Path) -> tuple[bool, str]:
    """(converted, note). The text is unchanged; only its encoding becomes UTF-8."""
    data = path.read_bytes()
    if is_utf8(data):
        return True, msg.FIX_ALREADY
    if data.startswith(UTF16_BOMS):
        text = decode_utf16(data)
        if text is None:
            return False, msg.FIX_NOT_GBK
        path.write_bytes(text.encode("utf-8"))
        return True, ""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False, msg.FIX_NOT_GBK
    path.write_bytes(text.encode("utf-8"))
    return True, ""
