"""The Excel attachment is made at test time (no binary files in the repository)."""

from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["河西镇医疗救助对象名单"])
    sheet.append(["序号", "户主", "病种", "救助金额（元）"])
    sheet.append([1, "赵*国", "白血病", 8000])
    sheet.append([2, "钱*芳", "恶性肿瘤", 6000])
    book.save(root / "content/notices/hexi/医疗救助名单.xlsx")
