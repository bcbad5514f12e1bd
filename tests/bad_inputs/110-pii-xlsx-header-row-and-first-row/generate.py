"""A title row with two filled cells (taken for the header row) holds a mobile; a second sheet
has no header row at all: its first row is a person."""

from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["联系人：王*明 13812345678", "填报日期：2025-07-01"])
    sheet.append(["序号", "姓名", "补贴金额（元）"])
    sheet.append([1, "张*明", 300])
    second = book.create_sheet("第二页")
    second.append(["2", "李*华", "350102199001011123"])
    book.save(root / "content/notices/hexi/名单.xlsx")
