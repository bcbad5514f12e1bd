"""Old binary Office files: an OLE compound document header is enough to be recognised."""

from pathlib import Path


def generate(root: Path) -> None:
    for name in ("2019年名单.doc", "申请表.wps"):
        (root / "content/notices/hexi" / name).write_bytes(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(512))
