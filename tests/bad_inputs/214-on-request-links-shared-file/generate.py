"""The 依申请公开 notice links a file of content/assets/."""

from pathlib import Path


def generate(root: Path) -> None:
    notice = root / "content/notices/shanyang/2025-0004.md"
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("这段正文", "[申请表](../../assets/申请表.txt)这段正文"),
                      encoding="utf-8")
