"""A copy of the 依申请公开 notice file itself, saved as .txt in content/assets/."""

from pathlib import Path


def generate(root: Path) -> None:
    source = root / "content/notices/shanyang/2025-0004.md"
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    (root / "content/assets/答复.txt").write_bytes(source.read_bytes())
