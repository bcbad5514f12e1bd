"""An old-format Excel roster (.xls, BIFF8) written with xlwt, shared by bad-input cases 118–120:
a title row, a roster with a mobile, an ID typed as a number, a formula holding a mobile, a very
hidden sheet, and a page header."""

from pathlib import Path

import xlwt


def write_roster(path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    for column, text in enumerate(["联系人：王*明 13900000051", "填报日期：2025-07-01"]):
        sheet.write(0, column, text)
    for column, text in enumerate(["姓名", "联系电话", "身份证号"]):
        sheet.write(1, column, text)
    sheet.write(2, 0, "张*明")
    sheet.write(2, 1, "13900000052")
    sheet.write(2, 2, "33*************034")
    sheet.write(3, 0, "李*华")
    sheet.write(3, 2, 350102199001011123)
    sheet.write(3, 1, xlwt.Formula('"Tel 13900000055"'))  # xlrd reads no formula text
    sheet.header_str = b"&LTel 13900000053"
    hidden = book.add_sheet("底稿")
    hidden.visibility = 2
    hidden.write(0, 0, "电话 13900000054")
    book.save(str(path))
