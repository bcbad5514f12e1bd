"""Links out of content/, made at test time."""

from pathlib import Path


def generate(root: Path) -> None:
    (root / "content/assets").mkdir(parents=True, exist_ok=True)
    (root / "content/assets/passwd.txt").symlink_to("/etc/passwd")
    (root / "content/notices/hexi/系统").symlink_to("/etc", target_is_directory=True)
