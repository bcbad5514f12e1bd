"""IDs typed into General cells: stored as numbers (the last digits lost) or as the text of
scientific notation (a CSV round trip); a card number stored as a number."""

from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "联系电话", "身份证号", "社保卡号"])
    sheet.append(["张*明", "13812345678", 350102199001011000, "6222***********0123"])
    sheet.append(["李*华", "", "3.30781E+17", ""])
    sheet.append(["王*芳", "", "", 6222021234567890000])
    book.save(root / "content/notices/hexi/名单.xlsx")
