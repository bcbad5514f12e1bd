"""Symbolic links made at test time: a broken one, two pointing at each other, one to the
folder above (MkDocs would walk it endlessly)."""

from pathlib import Path


def generate(root: Path) -> None:
    folder = root / "content/notices/hexi"
    (folder / "失效.md").symlink_to("已删除.md")
    (folder / "环1").symlink_to("环2")
    (folder / "环2").symlink_to("环1")
    (folder / "上级").symlink_to("..", target_is_directory=True)
