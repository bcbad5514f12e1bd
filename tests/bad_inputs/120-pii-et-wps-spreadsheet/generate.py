"""The shared .xls roster (tests/xls_roster.py) saved as 名单.et: WPS 表格 saves .et in the .xls
format."""

from pathlib import Path

from xls_roster import write_roster


def generate(root: Path) -> None:
    write_roster(root / "content/notices/hexi/名单.et")
