"""A 联系人 column filled from a drop-down list of the staff's mobiles, with an input message."""

from pathlib import Path

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "联系人"])
    sheet.append(["张*明", "王*明"])
    rule = DataValidation(type="list", formula1='"王*明 13900000071,李*华"',
                          prompt="不清楚请拨 13900000072", showInputMessage=True)
    sheet.add_data_validation(rule)
    rule.add("B2:B100")
    book.save(root / "content/notices/hexi/名单.xlsx")
