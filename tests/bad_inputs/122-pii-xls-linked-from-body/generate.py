"""An .xls roster linked from the body: one ID as text, one already ruined by a CSV round
trip (scientific notation)."""

from pathlib import Path

import xlwt


def generate(root: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for row, values in enumerate([["序号", "姓名", "身份证号"], ["1", "张三", "330781198506120034"],
                                  ["2", "李四", "3.50102E+17"]]):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    book.save(str(root / "content/notices/hexi/名单.xls"))
