"""content/assets/ holding a copy, a link to a file and a link to the folder of restricted
notices (links inside content/ are allowed as links; what they publish is not)."""

from pathlib import Path


def generate(root: Path) -> None:
    shared = root / "content/assets"
    shared.mkdir(parents=True, exist_ok=True)
    source = root / "content/notices/shanyang"
    (shared / "档案.txt").write_bytes((source / "档案目录.txt").read_bytes())
    (shared / "原件.txt").symlink_to("../notices/shanyang/核对报告原件.txt")
    (shared / "山阳").symlink_to("../notices/shanyang", target_is_directory=True)
