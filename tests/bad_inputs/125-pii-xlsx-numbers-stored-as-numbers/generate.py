"""Numbers typed into General cells: a mobile, an old 15-digit ID, an 18-digit ID; and long
numbers that are not personal: a project number and an amount."""

from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号", "联系电话", "项目编号", "总投资（元）"])
    sheet.append(["张*明", "33*************034", 13900000081, 350102202501011234, 1.5e15])
    sheet.append(["李*华", 330781850612001, None, None, None])
    sheet.append(["王*芳", 110101199003074573, None, None, None])
    book.save(root / "content/notices/hexi/名单.xlsx")
