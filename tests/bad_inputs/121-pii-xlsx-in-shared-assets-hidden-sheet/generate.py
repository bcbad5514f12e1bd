"""A shared workbook whose visible sheet is harmless and whose hidden sheet is the raw roster."""

from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["村名", "户数"])
    book.active.append(["东村", 120])
    hidden = book.create_sheet("底稿")
    hidden.sheet_state = "hidden"
    hidden.append(["姓名", "身份证号"])
    hidden.append(["张三", "330781198506120034"])
    hidden.append(["李四", 350102199001011123])
    folder = root / "content/assets"
    folder.mkdir(parents=True, exist_ok=True)
    book.save(folder / "共用名单.xlsx")
