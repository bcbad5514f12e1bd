"""B2's formula joins two pieces of a mobile (the formula text holds no whole number, the value
Excel saved with it does); C2's formula holds a mobile in a link, its value is 拨打."""

import io
import zipfile
from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "联系电话", "电话链接"])
    sheet["A2"] = "王*明"
    sheet["B2"] = '="139"&"00000031"'
    sheet["C2"] = '=HYPERLINK("tel:13900000032","拨打")'
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = xml.replace('<c r="B2"><f>', '<c r="B2" t="str"><f>', 1)
    xml = xml.replace('00000031"</f><v></v>', '00000031"</f><v>13900000031</v>', 1)
    xml = xml.replace('<c r="C2"><f>', '<c r="C2" t="str"><f>', 1)
    xml = xml.replace(')</f><v></v>', ')</f><v>拨打</v>', 1)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(root / "content/notices/hexi/名单.xlsx", "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
