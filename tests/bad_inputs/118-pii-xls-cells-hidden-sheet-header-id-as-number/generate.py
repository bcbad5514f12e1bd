"""The shared .xls roster (tests/xls_roster.py) attached as 名单.xls."""

from pathlib import Path

from xls_roster import write_roster


def generate(root: Path) -> None:
    write_roster(root / "content/notices/hexi/名单.xls")
