"""Symbolic links made at test time: a broken one, two pointing at each other, one to the
folder above, and two folders linking to each other (MkDocs would walk those endlessly)."""

from pathlib import Path


def generate(root: Path) -> None:
    folder = root / "content/notices/hexi"
    (folder / "失效.md").symlink_to("已删除.md")
    (folder / "环1").symlink_to("环2")
    (folder / "环2").symlink_to("环1")
    (folder / "上级").symlink_to("..", target_is_directory=True)
    (folder / "甲").mkdir()  # 甲/去乙 → 乙, 乙/去甲 → 甲: round through two links
    (folder / "乙").mkdir()
    (folder / "甲/去乙").symlink_to("../乙", target_is_directory=True)
    (folder / "乙/去甲").symlink_to("../甲", target_is_directory=True)
