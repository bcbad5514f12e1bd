"""A symbolic link beside the notice that points outside content/ (made at test time)."""

from pathlib import Path


def generate(root: Path) -> None:
    secret = root / "机密.txt"
    secret.write_text("不应发布的内容", encoding="utf-8")
    (root / "content/notices/hexi/链接.txt").symlink_to(secret)
