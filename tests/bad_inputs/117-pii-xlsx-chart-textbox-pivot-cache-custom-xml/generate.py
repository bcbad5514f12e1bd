"""A roster with a bar chart whose saved category labels (the chart's own copy of the cells)
hold a mobile, as Excel writes them; EXTRA adds parts that openpyxl does not read."""

import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.chart import BarChart, Reference

EXTRA = {
    "xl/drawings/drawing9.xml": (
        "<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" "
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><xdr:sp><xdr:txBody>"
        "<a:p><a:r><a:t>联系 139</a:t></a:r><a:r><a:t>00000042</a:t></a:r></a:p>"
        "</xdr:txBody></xdr:sp></xdr:wsDr>"),
    "customXml/item1.xml": "<名单><联系人>13900000043</联系人></名单>",
    "xl/pivotCache/pivotCacheRecords1.xml": (
        "<pivotCacheRecords xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<r><s v=\"王*明\"/><s v=\"13900000044\"/></r></pivotCacheRecords>"),
    "docProps/app.xml": (
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        "<Manager>王主任 13900000045</Manager><Company>河西镇</Company></Properties>"),
}


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
