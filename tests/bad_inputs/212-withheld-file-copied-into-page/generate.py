"""A column page links a copy of the withheld notice's attachment."""

from pathlib import Path


def generate(root: Path) -> None:
    original = root / "content/notices/shanyang/核对报告原件.txt"
    (root / "content/pages/资料").mkdir()
    (root / "content/pages/资料/报告.txt").write_bytes(original.read_bytes())
    page = root / "content/pages/zhinan.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[报告](资料/报告.txt)\n",
                    encoding="utf-8")
