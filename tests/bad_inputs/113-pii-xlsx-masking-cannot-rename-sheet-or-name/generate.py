"""A sheet and a defined name named after a person's mobile; the cells themselves can be
masked."""

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "王明13900000021"
    sheet.append(["姓名", "联系电话"])
    sheet.append(["王*明", "13900000023"])
    book.defined_names["电话13900000022"] = DefinedName("电话13900000022", attr_text="'王明13900000021'!$B$2")
    book.save(root / "content/notices/hexi/名单.xlsx")
