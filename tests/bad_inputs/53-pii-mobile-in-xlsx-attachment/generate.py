"""The Excel attachment is made at test time (no binary files in the repository)."""

from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["姓名", "村", "联系电话"])
    book.active.append(["张*明", "东村", "13812345678"])
    book.save(root / "content/notices/hexi/名单.xlsx")
