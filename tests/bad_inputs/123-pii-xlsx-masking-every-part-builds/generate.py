"""A roster with a mobile in the title row, one stored as a number, one in a comment, one on a
hidden sheet, one in the page header and one in the author property."""

from pathlib import Path

import openpyxl
from openpyxl.comments import Comment


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["联系人：王*明 13900000061", "2025年7月"])
    sheet.append(["姓名", "补贴金额（元）", "联系电话"])
    sheet.append(["张*明", 300, 13900000062])
    sheet["C3"].comment = Comment("备用 13900000063", "经办人")
    sheet.oddHeader.center.text = "咨询 13900000064"
    hidden = book.create_sheet("备用")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "13900000065"
    book.properties.creator = "王主任 13900000066"
    book.save(root / "content/notices/hexi/名单.xlsx")
