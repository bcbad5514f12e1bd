"""Attachment names with # ? % : + & [ ] and a space: written at test time (a checkout on Windows
cannot hold ? or : in a file name). Published under their names, linked escaped."""

from pathlib import Path

NAMES = ["3#楼 公示.csv", "名单?第一批.csv", "增长5%.csv", "a%41.csv", "备案:2025+补充&[1].csv"]


def generate(root: Path) -> None:
    folder = root / "content/notices/hexi"
    for name in NAMES:
        (folder / name).write_text("姓名,金额\n李**,860\n", encoding="utf-8")
