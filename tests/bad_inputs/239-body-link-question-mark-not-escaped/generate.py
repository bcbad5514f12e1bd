"""A picture named with "?" (written at test time: Windows cannot hold it)."""

from pathlib import Path


def generate(root: Path) -> None:
    (root / "content/notices/hexi/流程?.png").write_bytes(b"\x89PNG\r\n\x1a\n")
