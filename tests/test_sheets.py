"""Spreadsheets (site_builder/sheets.py), end to end: every part of an .xlsx a reader of the file
can see is scanned and named in the report; with masking on, nothing of a found number is left
anywhere in site/ — in particular in any part of the published workbook; .xls is read with xlrd;
an .et that is not in the .xls format is handed back as unreadable.

The bad inputs 110–122 hold the exact messages; these tests build real sites."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import TestProject
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.defined_name import DefinedName
from test_privacy import make_id, make_mobile
from test_safety import assert_reported, search_output
from test_validation import notice_with

from site_builder.check import privacy, sheets

FOLDER = "content/notices/hexi"
PUBLISHED = "n/2025-0100"


def numbers(seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    return [make_mobile(rng) for _ in range(40)], [make_id(rng) for _ in range(4)]


def full_workbook(path: Path, mobiles: list[str], ids: list[str]) -> dict[str, str]:
    """A workbook with a number in every maskable place a reader sees; returns place → number.
    Made with openpyxl; a formula's saved value and a text box are written into the XML as
    Excel writes them (openpyxl computes no formulas and writes no shapes)."""
    m = iter(mobiles)
    places: dict[str, str] = {}

    def put(place: str, value: str) -> str:
        places[place] = value
        return value

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append([f"经办人：王*明 {put('title row', next(m))}", "填报日期：2025-07-01"])
    sheet.append(["姓名", "身份证号", "联系电话", "家属电话", "公式"])
    sheet.append(["张*明", put("text ID", ids[0]), put("text mobile", next(m)),
                  int(put("number mobile", next(m))), '="1"&"2"'])
    sheet["C3"].comment = Comment(f"本人另一号码 {put('comment', next(m))}",
                                  f"经办人 {put('comment author', next(m))}")
    sheet["D3"].hyperlink = f"tel:{put('link', next(m))}"
    sheet.oddHeader.left.text = f"联系人 {put('odd header', next(m))}"
    sheet.oddFooter.center.text = put("odd footer", next(m))
    sheet.evenHeader.right.text = put("even header", next(m))
    sheet.evenFooter.left.text = put("even footer", next(m))
    sheet.firstHeader.center.text = put("first header", next(m))
    sheet.firstFooter.right.text = put("first footer", next(m))
    sheet.HeaderFooter.differentOddEven = True
    sheet.HeaderFooter.differentFirst = True
    hidden = book.create_sheet("备用")
    hidden.sheet_state = "hidden"
    hidden.append(["姓名", "身份证号"])
    hidden.append(["李*华", put("hidden sheet ID", ids[1])])
    very = book.create_sheet("底稿")
    very.sheet_state = "veryHidden"
    very["A1"] = f"电话 {put('very hidden sheet', next(m))}"
    book.defined_names["联系人"] = DefinedName("联系人", attr_text=f'"{put("name", next(m))}"')
    properties = book.properties
    for attribute in ("creator", "title", "subject", "keywords", "description",
                      "lastModifiedBy", "category"):
        setattr(properties, attribute, f"王主任 {put(attribute, next(m))}")
    book.custom_doc_props.append(StringProperty(name="经办人", value=put("custom", next(m))))
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    cached, in_formula = put("formula value", next(m)), put("formula text", next(m))
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml, count = re.subn(r'<c r="E3"><f>[^<]*</f><v></v></c>',
                         f'<c r="E3" t="str"><f>"{in_formula[:5]}"&amp;"{in_formula[5:]}"&amp;'
                         f'"{in_formula}"</f><v>{cached}</v></c>', xml)
    assert count == 1
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    box = put("text box", next(m))
    parts["xl/drawings/drawing7.xml"] = (
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:sp><xdr:txBody>'
        f"<a:p><a:r><a:t>联系 {box[:4]}</a:t></a:r><a:r><a:t>{box[4:]}</a:t></a:r></a:p>"
        "</xdr:txBody></xdr:sp></xdr:wsDr>").encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return places


def leftovers(data: bytes, values: dict[str, str]) -> list[tuple[str, str]]:
    """(place, part) for every value whose digits are in a part of a zipped workbook: in the
    XML as written, or once tags, spaces and dashes are taken out (a number split over runs)."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8", errors="ignore")
            joined = re.sub(r"[\s\-]", "", re.sub(r"<[^>]*>", "", text))
            out += [(place, name) for place, value in values.items()
                    if value in text or value in joined]
    return out


def test_every_part_of_an_xlsx_is_reported_by_place(small: TestProject):
    mobiles, ids = numbers(31)
    places = full_workbook(small.root / FOLDER / "名单.xlsx", mobiles, ids)
    notice_with(small, extra="附件:\n  - 名单.xlsx\n")
    result = small.check()
    assert result.code != 0
    at, cell = f"{FOLDER}/名单.xlsx", f"{FOLDER}/名单.xlsx:"

    def shown(value: str) -> str:
        if len(value) == 18:
            return f"{value[:2]}{'*' * 13}{value[-3:]}"
        return f"{value[:3]}****{value[-4:]}"

    expected = {
        "title row": (cell + "1:1", "工作表「名单」A1 单元格"),
        "text ID": (cell + "3:2", "工作表「名单」B3 单元格"),
        "text mobile": (cell + "3:3", "工作表「名单」C3 单元格"),
        "number mobile": (cell + "3:4", "工作表「名单」D3 单元格"),
        "formula value": (cell + "3:5", "工作表「名单」E3 单元格"),
        "formula text": (cell + "3:5", "工作表「名单」E3 单元格的公式"),
        "comment": (cell + "3:3", "工作表「名单」C3 单元格的批注"),
        "comment author": (cell + "3:3", "工作表「名单」C3 单元格的批注"),
        "link": (cell + "3:4", "工作表「名单」D3 单元格的超链接"),
        "odd header": (at, "工作表「名单」的页眉（左）"),
        "odd footer": (at, "工作表「名单」的页脚（中）"),
        "even header": (at, "工作表「名单」的偶数页页眉（右）"),
        "even footer": (at, "工作表「名单」的偶数页页脚（左）"),
        "first header": (at, "工作表「名单」的首页页眉（中）"),
        "first footer": (at, "工作表「名单」的首页页脚（右）"),
        "hidden sheet ID": (cell + "2:2", "工作表「备用」（隐藏的工作表）B2 单元格"),
        "very hidden sheet": (cell + "1:1", "工作表「底稿」（深度隐藏的工作表"),
        "name": (at, "定义的名称「联系人」"),
        "creator": (at, "文档属性「作者」"),
        "title": (at, "文档属性「标题」"),
        "subject": (at, "文档属性「主题」"),
        "keywords": (at, "文档属性「标记（关键词）」"),
        "description": (at, "文档属性「备注」"),
        "lastModifiedBy": (at, "文档属性「最后一次保存者」"),
        "category": (at, "文档属性「类别」"),
        "custom": (at, "自定义属性「经办人」"),
        "text box": (at, "图形、文本框或图片说明（文件内部的 xl/drawings/drawing7.xml）"),
    }
    assert set(expected) == set(places)
    for place, (location, where) in expected.items():
        assert_reported(result, location, f"附件「名单.xlsx」{where}",
                        f"发现{'身份证号' if len(places[place]) == 18 else '手机号'}："
                        f"{shown(places[place])}")
    assert not [v for v in places.values() if v in result.text]  # the report shows none whole


def test_masked_xlsx_holds_nothing_of_any_number(small: TestProject):
    mobiles, ids = numbers(32)
    source = small.root / FOLDER / "名单.xlsx"
    places = full_workbook(source, mobiles, ids)
    original = source.read_bytes()
    notice_with(small, extra="个人信息: 遮盖\n附件:\n  - 名单.xlsx\n")
    result = small.build()
    assert result.code == 0, result.text
    assert_reported(result, f"{FOLDER}/名单.xlsx", "已在网站上遮盖", "源文件没有改动")
    published = (small.site / PUBLISHED / "名单.xlsx").read_bytes()
    assert leftovers(original, places)  # the check can fail: the source holds them all
    assert leftovers(published, places) == []
    assert search_output(small.site, list(places.values())) == []
    assert source.read_bytes() == original
    book = openpyxl.load_workbook(io.BytesIO(published))
    sheet = book["名单"]
    mobile = places["text mobile"]
    assert sheet["C3"].value == f"{mobile[:3]}****{mobile[-4:]}"
    assert sheet["D3"].value == f"{places['number mobile'][:3]}****{places['number mobile'][-4:]}"
    assert book["底稿"].sheet_state == "veryHidden"  # masked, not dropped
    assert sheet["B3"].value == f"{ids[0][:2]}{'*' * 13}{ids[0][-3:]}"


def test_masking_error_when_a_part_keeps_the_number(small: TestProject):
    """A sheet named after a person cannot be renamed safely: no half-masked copy is
    published, the check says which part to change; the masked cells are fine."""
    book = openpyxl.Workbook()
    book.active.title = "王明13911112222"
    book.active.append(["姓名", "联系电话"])
    book.active.append(["王*明", "13933334444"])
    book.save(small.root / FOLDER / "名单.xlsx")
    notice_with(small, extra="个人信息: 遮盖\n附件:\n  - 名单.xlsx\n")
    result = small.build()
    assert result.code != 0
    assert_reported(result, f"{FOLDER}/名单.xlsx", "遮盖后，工作表名称里仍有手机号：139****2222",
                    "这一部分无法自动遮盖")
    assert "13911112222" not in result.text and "13933334444" not in result.text


def test_column_headers_still_give_context(tmp_path: Path):
    """Scanning the header row does not lose it as the column's context: a permit number passing
    the ID check is not an ID under 施工许可证编号; a mistyped ID is one under 身份证号."""
    path = tmp_path / "名单.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["项目名称", "施工许可证编号", "负责人身份证号"])
    book.active.append(["道路工程", "350128202103150202", "350102199001011124"])
    book.save(path)
    scanned = sheets.scan_file(path, None)
    assert [(loc.where, loc.finding.reason) for loc in scanned.located] == [
        ("工作表「Sheet」C2 单元格", "label")]


def test_xls_read_with_xlrd_and_masking_refused(tmp_path: Path):
    import xlwt

    path = tmp_path / "名单.xls"
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    for row, values in enumerate([["姓名", "联系电话"], ["王*明", "13955556666"]]):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    book.save(str(path))
    found = sheets.scan_file(path, None)
    assert [(loc.line, loc.column, loc.where, loc.finding.value) for loc in found.located] == [
        (2, 2, "工作表「名单」B2 单元格", "13955556666")]
    masked = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    assert masked.masked is None and masked.located == []
    assert [p.message.split("。")[1] for p in masked.problems] == ["旧版 Excel 文件（.xls、.et）无法自动遮盖"]


@pytest.mark.parametrize("content", [b"", b"WPS Office \x00\x01 not a spreadsheet" * 20])
def test_et_that_xlrd_cannot_read_is_flagged_unreadable(tmp_path: Path, content: bytes):
    """The "unreadable format" rule decides what to do with it: the reader says why and how to
    convert it (an error unless the notice declares the file 人工核查)."""
    path = tmp_path / "名单.et"
    path.write_bytes(content)
    scanned = privacy.scan_file(path)
    assert scanned.unreadable and ".et" in scanned.unreadable and ".xlsx" in scanned.unreadable_fix
    assert scanned.error is None and scanned.located == []


def test_damaged_xls_is_an_unreadable_file(tmp_path: Path):
    path = tmp_path / "名单.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 damaged")
    scanned = privacy.scan_file(path)
    assert scanned.error and not scanned.unreadable


def test_xls_with_embedded_object_or_macros_is_an_error_in_every_mode(small: TestProject):
    """An OLE storage named MBD… (an embedded object) or _VBA_PROJECT_CUR (macros) cannot be
    read: an error even with no number in the cells. The storage name is put after the file's
    sectors here (xlwt writes neither); the check looks for it in the whole file."""
    import xlwt

    path = small.root / FOLDER / "名单.xls"
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("名单").write(0, 0, "姓名")
    book.save(str(path))
    path.write_bytes(path.read_bytes() + "MBD0001A2B3".encode("utf-16-le") + bytes(64))
    notice_with(small, extra="附件:\n  - 名单.xls\n")
    result = small.check()
    assert result.code != 0
    assert_reported(result, f"{FOLDER}/名单.xls", "附件「名单.xls」里嵌入了其他文件、控件或宏（嵌入的对象）",
                    "请在 Excel 或 WPS 里删除嵌入的对象")


def test_excel_bookkeeping_is_not_personal_data(tmp_path: Path):
    """What Excel itself writes into every workbook — page margins with 17 decimals, GUIDs,
    build and calculation numbers, the folder it was saved in, the app version — is read with
    the rest of the parts and must not be reported (a masked roster holds nothing to find)."""
    path = tmp_path / "名单.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号", "联系电话"])
    book.active.append(["张*明", "33*************034", "139****5678"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r"<pageMargins [^>]*/>",
                   '<pageMargins left="0.70866141732283472" right="0.70866141732283472" '
                   'top="0.74803149606299213" bottom="0.74803149606299213" header="0.31496062992125984" '
                   'footer="0.31496062992125984"/><extLst><ext uri="{13912345-6789-0139-1234-567890139123}">'
                   '<id>{00000000-0001-0000-0000-000000000000}</id></ext></extLst>', sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    workbook = parts["xl/workbook.xml"].decode()
    workbook = workbook.replace("</workbook>", (
        '<calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}">'
        '<absPath url="D:\\2025年\\低保\\20250701\\"/><revision rupBuild="27328" '
        'documentId="13_ncr:1_{9B3D5C1E-1391-2345-6789-013912345678}"/></ext></extLst></workbook>'))
    parts["xl/workbook.xml"] = workbook.encode()
    parts["docProps/app.xml"] = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>Microsoft Excel</Application><AppVersion>16.0300</AppVersion>"
        b"<TotalTime>1391234567</TotalTime></Properties>")
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    scanned = sheets.scan_file(path, None)
    assert scanned.located == [] and scanned.problems == []


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A workbook that unpacks beyond the limit is a problem saying so, read no further (the
    limit is lowered here so that the test stays small; the file is a real .xlsx)."""
    path = tmp_path / "名单.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "0" * 30_000  # compresses to almost nothing
    book.save(path)
    monkeypatch.setattr(sheets, "MAX_UNPACKED", 20_000)
    scanned = privacy.scan_file(path)
    assert [p.message.replace("{subject}", "") for p in scanned.problems] == [
        "解压后有 0 MB，超过了 0 MB 的上限，没有检查（这么大的表格读者也很难打开，也可能是有意做成的“压缩炸弹”）。"]


@pytest.mark.parametrize("suffix", [".et", ".xls"])
def test_et_or_xls_in_the_xlsx_format_is_read_as_xlsx_and_not_masked(tmp_path: Path,
                                                                      suffix: str):
    """A WPS .et saved in the .xlsx format, or an .xlsx renamed .xls: read as .xlsx; masking
    would publish an .xlsx under the old name, so it asks for the file to be saved as .xlsx."""
    path = tmp_path / f"名单{suffix}"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "联系电话"])
    book.active.append(["王*明", "13977778888"])
    book.save(path)
    found = privacy.scan_file(path)
    assert [(loc.where, loc.finding.value) for loc in found.located] == [
        ("工作表「Sheet」B2 单元格", "13977778888")]
    masked = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    assert masked.masked is None and masked.located == []
    assert ["另存为" in p.hint for p in masked.problems] == [True]


def test_a_number_declared_not_personal_may_stay_in_a_masked_copy(small: TestProject):
    """A chart keeps its own copy of the data after masking. When what it keeps is a number the
    notice declares 不是个人信息 (a ticket number; under 工单 it is not taken for a mobile in
    the cell, without its column in the chart it is), the masked copy is published with the
    person's mobile masked; when it keeps the person's mobile, it is not (bad input 116)."""
    from openpyxl.chart import BarChart, Reference

    path = small.root / FOLDER / "名单.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["工单", "联系电话", "次数"])
    sheet.append(["13811112222", "13933334444", 3])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=2), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=2))
    sheet.add_chart(chart, "E2")
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/charts/chart1.xml"].decode()  # the chart's saved copy of A2, as Excel keeps it
    xml, count = re.subn(r"<cat><numRef><f>([^<]*)</f></numRef></cat>",
                         r"<cat><strRef><f>\1</f><strCache><ptCount val='1'/><pt idx='0'>"
                         r"<v>13811112222</v></pt></strCache></strRef></cat>", xml)
    assert count == 1
    parts["xl/charts/chart1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    notice_with(small, extra="个人信息: 遮盖\n不是个人信息: [13811112222]\n附件:\n  - 名单.xlsx\n")
    result = small.build()
    assert result.code == 0, result.text
    published = openpyxl.load_workbook(small.site / PUBLISHED / "名单.xlsx")["名单"]
    assert (published["A2"].value, published["B2"].value) == ("13811112222", "139****4444")
    assert search_output(small.site, ["13933334444"]) == []
    with zipfile.ZipFile(small.site / PUBLISHED / "名单.xlsx") as archive:
        assert "13811112222" in archive.read("xl/charts/chart1.xml").decode()
