"""Notepad's "Unicode": UTF-16 little endian with a byte order mark and CRLF line ends."""

from pathlib import Path

from conftest import GOOD_FRONT

TEXT = f"---\n{GOOD_FRONT}---\n\n用记事本写的正文。\n"


def generate(root: Path) -> None:
    data = "\ufeff" + TEXT.replace("\n", "\r\n")
    (root / "content/notices/hexi/bad.md").write_bytes(data.encode("utf-16-le"))
