"""A notice saved by Notepad as 「Unicode」 text (UTF-16) with a .txt name."""

from pathlib import Path

from conftest import GOOD_FRONT


def generate(root: Path) -> None:
    text = "\ufeff---\r\n" + GOOD_FRONT.replace("2025-0100", "2025-0103").replace("\n", "\r\n") + "---\r\n\r\n正文。\r\n"
    (root / "content/notices/hexi/记事本.txt").write_bytes(text.encode("utf-16-le"))
