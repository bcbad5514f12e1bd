"""A copy under another name and a hard link of the 依申请公开 notice's attachment."""

import os
from pathlib import Path


def generate(root: Path) -> None:
    original = root / "content/notices/shanyang/档案目录.txt"
    folder = root / "content/notices/hexi"
    (folder / "目录副本.txt").write_bytes(original.read_bytes())
    (folder / "资料").mkdir()
    os.link(original, folder / "资料/硬链接.txt")
