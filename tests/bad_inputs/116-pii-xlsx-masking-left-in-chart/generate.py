"""A roster with a bar chart whose saved category labels (the chart's own copy of the cells)
hold a mobile, as Excel writes them; EXTRA adds parts that openpyxl does not read."""

import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference

EXTRA: dict[str, str] = {}


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "补贴金额（元）"])
    sheet.append(["王*明 13900000041", 300])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=2), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=2))
    sheet.add_chart(chart, "D2")
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/charts/chart1.xml"].decode()
    xml = xml.replace(
        "<cat><numRef><f>'名单'!$A$2</f></numRef></cat>",
        "<cat><strRef><f>'名单'!$A$2</f><strCache><ptCount val=\"1\"/><pt idx=\"0\">"
        "<v>王*明 13900000041</v></pt></strCache></strRef></cat>")
    assert "strCache" in xml
    parts["xl/charts/chart1.xml"] = xml.encode()
    parts.update({name: text.encode() for name, text in EXTRA.items()})
    with zipfile.ZipFile(root / "content/notices/hexi/名单.xlsx", "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
