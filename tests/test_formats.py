"""Attachments in every format staff use (issue 11, items 2–4): every part of a Word file, text
in any encoding, RTF, JSON, zip and gzip are scanned — each file built with the real library —
the value is reported at its place, and with masking nothing of it is anywhere in site/ (zips
and Word files unpacked, tags stripped, digits joined). What cannot be read is an error unless
declared 人工核查."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import random
import re
import tempfile
import zipfile
from pathlib import Path

import docx_parts
import pytest
from conftest import TestProject
from test_privacy import make_id, make_mobile
from test_safety import assert_reported, decoded
from test_validation import notice_with

from site_builder.check import formats, privacy, screen

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)  # the first bytes of .doc/.xls/.wps/.et


def digits(value: str) -> str:
    return re.sub(r"[^0-9Xx]", "", value.translate(privacy._FOLD))


def found(scanned: privacy.FileScan) -> dict[str, list[str]]:
    """value (digits) → the places the report names for it."""
    out: dict[str, list[str]] = {}
    for loc in scanned.located:
        out.setdefault(digits(loc.finding.value), []).append(screen.place_of(loc))
    return out


def deep_forms(data: bytes, name: str = "") -> list[str]:
    """Every text form of a published file: decoded as test_safety does, in UTF-16/32, and
    unpacked (zip members, Word parts, gzip) with tags stripped and digits joined."""
    forms = decoded(data)
    text = formats.decode_text(data)
    if text is not None:
        forms.append(text.text)
    if data.startswith(b"\x1f\x8b"):
        forms += deep_forms(gzip.decompress(data))
    if data.startswith(b"PK"):
        forms += docx_parts.all_text(data)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                forms += deep_forms(zf.read(info), info.filename)
    stripped = [re.sub(r"<[^>]+>", "", f) for f in forms if "<" in f]
    return forms + stripped + [digits(f) for f in stripped] + [name]


def leaks(site: Path, values: list[str]) -> list[tuple[str, str]]:
    hits = []
    for path in site.rglob("*"):
        if path.is_file():
            forms = deep_forms(path.read_bytes(), path.name)
            hits += [(v, path.relative_to(site).as_posix()) for v in values
                     if any(v in form for form in forms)]
    return hits


# -- Word --------------------------------------------------------------------------------------
def test_every_part_of_a_word_file_is_scanned_and_named(tmp_path: Path):
    values = docx_parts.values()
    path = tmp_path / "名单.docx"
    docx_parts.build(path, values)
    scanned = privacy.scan_file(path)
    assert scanned.error is None and scanned.unreadable is None
    places = found(scanned)
    for key, value in values.items():
        assert value in places, key
        assert any(docx_parts.PLACES[key] in place for place in places[value]), (key, places[value])
    assert len(places[values["textbox"]]) == 1  # the DrawingML box and its VML copy: once


def test_masking_a_word_file_leaves_nothing_in_any_part(tmp_path: Path):
    import docx

    values = docx_parts.values(32)
    path = tmp_path / "名单.docx"
    docx_parts.build(path, values)
    scanned = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    assert scanned.masked is not None and scanned.mask_hint is None
    forms = deep_forms(scanned.masked)
    assert [k for k, v in values.items() if any(v in f for f in forms)] == []
    assert [k for k, v in values.items() if any(v in f for f in deep_forms(path.read_bytes()))] \
        == list(values)  # the search would have found them
    masked = tmp_path / "masked.docx"
    masked.write_bytes(scanned.masked)
    document = docx.Document(str(masked))  # still a Word file; formatting kept
    split = values["split"]
    assert document.paragraphs[2].text == f"电话 {split[:3]}****{split[7:]}"
    assert document.paragraphs[2].runs[1].bold
    assert privacy.scan_file(masked).located == []


def test_an_embedded_old_object_in_a_word_file_cannot_be_read(tmp_path: Path):
    values = docx_parts.values(33)
    path = tmp_path / "名单.docx"
    docx_parts.build(path, values)
    data = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(data, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/embeddings/oleObject1.bin", OLE)
    path.write_bytes(data.getvalue())
    scanned = privacy.scan_file(path)
    assert "嵌入了旧格式的对象「oleObject1.bin」" in scanned.unreadable
    assert "选择性粘贴" in scanned.unreadable_fix
    assert values["body"] in found(scanned)  # the rest is still read


# -- text encodings ----------------------------------------------------------------------------
ROSTER = "姓名,身份证号,联系电话,备注一\n张*明,{ident},{mobile},一\n"  # 一 is U+4E00


@pytest.mark.parametrize("encoding,bom", [
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("utf-32-be", b"\x00\x00\xfe\xff"), ("utf-16-le", b""), ("utf-16-be", b""),
    ("gb18030", b""), ("utf-8", b"\xef\xbb\xbf"),
])
@pytest.mark.parametrize("suffix", [".csv", ".txt", ".dat", ""])
def test_text_in_every_encoding_is_scanned_and_masked_in_it(tmp_path: Path, encoding: str,
                                                            bom: bytes, suffix: str):
    rng = random.Random(41)
    ident, mobile = make_id(rng), make_mobile(rng)
    text = ROSTER.format(ident=ident, mobile=mobile).replace("\n", "\r\n")
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(bom + text.encode(encoding))
    scanned = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    column = len("张*明,") + 1
    assert [(digits(loc.finding.value), loc.line, loc.column) for loc in scanned.located] == [
        (ident, 2, column), (mobile, 2, column + len(ident) + 1)]
    assert scanned.masked.startswith(bom)
    back = scanned.masked[len(bom):].decode(encoding)
    assert back == text.replace(ident, ident[:2] + "*" * 13 + ident[-3:]).replace(
        mobile, mobile[:3] + "****" + mobile[7:])


# -- RTF, JSON ---------------------------------------------------------------------------------
def rtf(mobile: str, ident: str) -> bytes:
    """RTF as Word writes Chinese: GBK bytes as \\'hh, \\uN with a fallback, a run split by
    formatting, digits escaped, a picture whose hex data holds digits, a table row."""
    gbk = "".join(f"\\'{b:02x}" for b in "联系人".encode("gbk"))
    escaped = "".join(f"\\'{ord(c):02x}" for c in ident)
    return (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}"
            r"{\*\generator Riched20 10.0.19041 13800000000;}\f0 " + gbk + " " + mobile[:3] +
            r"{\b " + mobile[3:7] + "}" + mobile[7:] + r"\par "
            r"\u36523?\u20221?\u35777?\u21495?\'a3\'ba" + escaped + r"\par "
            r"{\pict\pngblip 31383132333435363738393031323334}"
            r"\trowd\cellx1000\cellx2000 \u24352?\'2a\'c3\'f7\cell 6222021234567890128\cell\row"
            r"}").encode("latin-1")


def test_rtf_is_read_as_word_shows_it(tmp_path: Path):
    rng = random.Random(42)
    mobile, ident = make_mobile(rng), make_id(rng)
    path = tmp_path / "名单.rtf"
    path.write_bytes(rtf(mobile, ident))
    assert formats.rtf_text(path.read_bytes()).startswith(f"联系人 {mobile}\n身份证号：{ident}")
    scanned = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    assert found(scanned) == {mobile: ["第 1 段"], ident: ["第 2 段"],
                              "6222021234567890128": ["第 3 段"]}
    assert scanned.masked is None and "RTF 文件无法自动遮盖" in scanned.mask_hint


def test_a_doc_that_is_really_rtf_or_docx_is_read(tmp_path: Path):
    rng = random.Random(43)
    mobile, ident = make_mobile(rng), make_id(rng)
    (tmp_path / "通知.doc").write_bytes(rtf(mobile, ident))
    values = docx_parts.values(43)
    docx_parts.build(tmp_path / "名单.wps", values)
    assert mobile in found(privacy.scan_file(tmp_path / "通知.doc"))
    assert values["footnote"] in found(privacy.scan_file(tmp_path / "名单.wps"))


def test_json_strings_numbers_and_keys_are_scanned_and_masked(tmp_path: Path):
    rng = random.Random(44)
    ident, mobile, key = make_id(rng), make_mobile(rng), make_mobile(rng)
    while ident.endswith("X"):  # a JSON number: digits only
        ident = make_id(rng)
    text = json.dumps({"data": [{"姓名": "张*明", "身份证号": 0, "电话": mobile,
                                 "户数": 12345678901}], key: "联系人"}, ensure_ascii=False)
    text = text.replace('"身份证号": 0', f'"身份证号": {ident}')
    path = tmp_path / "名单.json"
    path.write_text(text, encoding="utf-8")
    scanned = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    places = found(scanned)
    assert places[mobile] == ["「data[1].电话」的值"] and places[key] == ["「/」的键名"]
    assert places[ident] == ["「data[1].身份证号」的值"]  # a number that is an ID
    masked = json.loads(scanned.masked)
    assert masked["data"][0]["电话"] == f"{mobile[:3]}****{mobile[7:]}"
    assert masked["data"][0]["户数"] == 12345678901  # numbers stay numbers
    assert masked["data"][0]["身份证号"] == f"{ident[:2]}{'*' * 13}{ident[-3:]}"
    assert not any(v in scanned.masked.decode() for v in (mobile, key, ident))


# -- archives ----------------------------------------------------------------------------------
def roster_zip(ident: str, mobile: str, other: str, word: dict[str, str]) -> bytes:
    """A zip as staff make one on Windows: GBK member names, a folder per person, a Word file,
    a JSON file in a zip in the zip, a picture."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("数据.json", json.dumps({"tel": other}))
    with tempfile.TemporaryDirectory() as folder:
        docx_parts.build(Path(folder) / "名单.docx", word)
        word_file = (Path(folder) / "名单.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("XXXX.csv", ROSTER.format(ident=ident, mobile=mobile).encode("gbk"))
        zf.writestr(f"张三{other}/说明.txt", "见名单")
        zf.writestr("内层.zip", inner.getvalue())
        zf.writestr("名单.docx", word_file)
        zf.writestr("现场.jpg", b"\xff\xd8\xff" + bytes(20))
    # Windows' own zip writes names in GBK without the UTF-8 flag (Python cannot)
    return out.getvalue().replace(b"XXXX.csv", "名单.csv".encode("gbk"))


def test_zip_members_are_scanned_by_their_type_and_masked(tmp_path: Path):
    rng = random.Random(45)
    ident, mobile, other = make_id(rng), make_mobile(rng), make_mobile(rng)
    word = docx_parts.values(45)
    path = tmp_path / "材料.zip"
    path.write_bytes(roster_zip(ident, mobile, other, word))
    scanned = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    places = found(scanned)
    assert places[ident] == ["里的「名单.csv」第 2 行第 5 列"]
    shown = f"{other[:3]}****{other[7:]}"
    assert places[other] == [f"里的文件名「张三{shown}/说明.txt」", "里的「内层.zip」里的「数据.json」「tel」的值"]
    assert "里的「名单.docx」第 1 个脚注第 1 段" in places[word["footnote"]]
    assert scanned.pictures == ["现场.jpg"] and scanned.unreadable is None
    forms = deep_forms(scanned.masked)
    assert [v for v in [ident, mobile, other, *word.values()] if any(v in f for f in forms)] == []
    with zipfile.ZipFile(io.BytesIO(scanned.masked)) as zf:
        assert f"张三{shown}/说明.txt" in zf.namelist()


def test_gzip_is_read_unpacked_and_masked(tmp_path: Path):
    rng = random.Random(46)
    ident, mobile = make_id(rng), make_mobile(rng)
    path = tmp_path / "名单.csv.gz"
    path.write_bytes(gzip.compress(ROSTER.format(ident=ident, mobile=mobile).encode()))
    scanned = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    assert found(scanned)[mobile] == [f"里的「名单.csv」第 2 行第 {6 + len(ident)} 列"]
    assert mobile not in gzip.decompress(scanned.masked).decode()


def test_zip_bombs_and_deep_nesting_stop_early(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(formats, "MAX_UNPACKED", 1024 * 1024)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", bytes(3 * 1024 * 1024))
    (tmp_path / "炸弹.zip").write_bytes(bomb.getvalue())
    assert "解压后超过 1 MB" in privacy.scan_file(tmp_path / "炸弹.zip").unreadable
    (tmp_path / "炸弹.txt.gz").write_bytes(gzip.compress(bytes(3 * 1024 * 1024)))
    assert "解压后超过 1 MB" in privacy.scan_file(tmp_path / "炸弹.txt.gz").unreadable
    data = b"13800138000"
    for level in range(5):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            zf.writestr(f"{level}.zip" if level else "x.txt", data)
        data = out.getvalue()
    (tmp_path / "套娃.zip").write_bytes(data)
    assert "压缩包套压缩包超过 3 层" in privacy.scan_file(tmp_path / "套娃.zip").unreadable


# -- what cannot be read -----------------------------------------------------------------------
@pytest.mark.parametrize("name,data,reason,fix", [
    ("名单.doc", OLE, "旧版 Word 或 WPS 文字文件（.doc）", "另存为」Word 文档（.docx）"),
    ("名单.wps", OLE, "旧版 Word 或 WPS 文字文件（.wps）", ".docx"),
    ("名单.et", OLE, "旧版 Excel 或 WPS 表格文件（.et）", ".xlsx"),
    ("汇报.ppt", OLE, "旧版 PowerPoint 或 WPS 演示文件", "导出为 PDF"),
    ("材料.rar", b"Rar!\x1a\x07\x01\x00" + bytes(50), ".rar 压缩包", "重新压缩成 .zip"),
    ("材料.7z", b"7z\xbc\xaf\x27\x1c" + bytes(50), ".7z 压缩包", ".zip"),
    ("数据.dat", bytes(range(256)) * 4, "不是文字文件", "常用格式"),
    ("数据", bytes(range(256)) * 4, "文件名没有扩展名", "常用格式"),
    ("公文.ofd", b"PK\x03\x04" + bytes(60), "OFD 版式文件", "导出为 PDF"),
    ("加密.docx", OLE, "或者加了密码", "去掉密码"),  # Word encrypts into an OLE file
])
def test_files_that_cannot_be_read_say_why_and_how_to_convert(tmp_path: Path, name: str,
                                                              data: bytes, reason: str, fix: str):
    (tmp_path / name).write_bytes(data)
    scanned = privacy.scan_file(tmp_path / name)
    assert reason in (scanned.unreadable or ""), scanned
    assert fix in scanned.unreadable_fix


def test_a_scanned_pdf_cannot_be_read(tmp_path: Path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (tmp_path / "扫描件.pdf").open("wb") as out:
        writer.write(out)
    scanned = privacy.scan_file(tmp_path / "扫描件.pdf")
    assert "扫描件 PDF" in scanned.unreadable and "导出为 PDF" in scanned.unreadable_fix


# -- in a real build ---------------------------------------------------------------------------
def test_masked_build_publishes_nothing_of_any_value_in_any_format(small: TestProject):
    rng = random.Random(47)
    ident, mobile, other = make_id(rng), make_mobile(rng), make_mobile(rng)
    folder = small.root / "content/notices/hexi"
    word = docx_parts.values(47)
    docx_parts.build(folder / "名单.docx", word)
    (folder / "材料.zip").write_bytes(roster_zip(ident, mobile, other, docx_parts.values(48)))
    roster = ROSTER.format(ident=ident, mobile=mobile)
    (folder / "名单.csv.gz").write_bytes(gzip.compress(roster.encode()))
    (folder / "unicode.txt").write_bytes(b"\xff\xfe" + roster.encode("utf-16-le"))
    (folder / "导出.dat").write_bytes(roster.encode("gbk"))
    (folder / "名单.json").write_text(json.dumps({"电话": other}), encoding="utf-8")
    files = ["名单.docx", "材料.zip", "名单.csv.gz", "unicode.txt", "导出.dat"]
    path = notice_with(small, extra="个人信息: 遮盖\n附件:\n" + "".join(
        f"  - {name}\n" for name in files))
    small.edit(path, "正文。", "另见[数据](名单.json)。")
    result = small.build()
    assert result.code == 0, result.text
    for name in [*files, "名单.json"]:
        assert_reported(result, f"content/notices/hexi/{name}", "已在网站上遮盖")
    published = small.site / "n/2025-0100"
    assert {p.name for p in published.iterdir()} >= {*files, "名单.json"}
    values = [ident, mobile, other, *word.values(),
              *docx_parts.values(48).values()]
    assert leaks(small.site, values) == []
    assert all(v not in result.text for v in values)


def test_an_unreadable_attachment_is_an_error_until_a_person_declares_it_checked(
        small: TestProject):
    folder = small.root / "content/notices/hexi"
    (folder / "2019年名单.doc").write_bytes(OLE)
    (folder / "旧表.rar").write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(50))
    path = notice_with(small, extra="附件:\n  - 2019年名单.doc\n")
    small.edit(path, "正文。", "另见[旧表](旧表.rar)。")
    result = small.check()
    assert result.code != 0
    today = dt.date.today().isoformat()
    assert_reported(result, f"{path}:11", "附件「2019年名单.doc」是旧版 Word 或 WPS 文字文件（.doc）",
                    "不能直接公开", "另存为」Word 文档（.docx）", "人工核查:",
                    f"{{文件: 2019年名单.doc, 核查人: 张三, 日期: {today}}}")
    assert_reported(result, f"{path}:14", "正文链接的文件「旧表.rar」是 .rar 压缩包", "重新压缩成 .zip")
    small.edit(path, "附件:\n", "人工核查:\n  - {文件: 2019年名单.doc, 核查人: 王*芳, "
               "日期: 2026-11-20}\n  - 文件: 旧表.rar\n    核查人: 李*\n    日期: 2026-11-21\n附件:\n")
    result = small.build()
    assert result.code == 0, result.text
    assert (small.site / "n/2025-0100/2019年名单.doc").read_bytes() == OLE
    assert "2019年名单.doc" not in result.text


def test_wrong_review_entries_are_errors(small: TestProject):
    (small.root / "content/notices/hexi/2019年名单.doc").write_bytes(OLE)
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    path = notice_with(small, extra=(
        "附件:\n  - 2019年名单.doc\n人工核查:\n  - {文件: 2019名单.doc, 核查人: 张三, 日期: 2026-11-20}\n"
        f"  - {{文件: 2019年名单.doc, 核查人: 张三, 日期: {future}}}\n"
        "  - {文件: 2019年名单.doc, 日期: 2026-11-20}\n  - {文件: 2019年名单.doc, 审核人: 张三}\n"))
    result = small.check()
    assert_reported(result, f"{path}:13", "「人工核查」里的文件「2019名单.doc」不是这篇的附件",
                    "这篇的文件有：2019年名单.doc")
    assert_reported(result, f"{path}:14", f"「人工核查」的日期 {future} 还没到")
    assert_reported(result, f"{path}:15", "缺少必填字段「核查人」")
    assert_reported(result, f"{path}:16", "不认识的字段「审核人」", "是不是想写「核查人」")
    assert_reported(result, f"{path}:11", "附件「2019年名单.doc」是旧版 Word")  # none declared it


def test_pictures_get_a_note_that_says_they_are_pictures(small: TestProject):
    folder = small.root / "content/notices/hexi"
    (folder / "现场.jpg").write_bytes((small.root / "content/notices/county/meal.png").read_bytes())
    path = notice_with(small, extra="附件:\n  - 现场.jpg\n")
    result = small.check()
    assert result.code == 0, result.text
    assert "有 2 个图片（meal.png、现场.jpg）：其中的文字无法自动识别" in result.text
    assert "扫描件" not in result.text and "旧版 Office" not in result.text
    assert path


def test_the_error_is_at_the_attachment_entry_even_after_a_review_that_names_it(
        small: TestProject):
    """The line of the 附件 entry, not the first line that happens to hold the file name."""
    (small.root / "content/notices/hexi/2019年名单.doc").write_bytes(OLE)
    path = notice_with(small, extra=(
        "人工核查:\n  - {文件: 2019年名单.doc, 核查人: 张三}\n附件:\n  - {文件: 2019年名单.doc, 名称: 名单}\n"))
    result = small.check()
    assert_reported(result, f"{path}:13", "附件「2019年名单.doc」是旧版 Word")
    assert_reported(result, f"{path}:11", "缺少必填字段「日期」")


def test_a_word_file_that_cannot_be_masked_everywhere_is_not_published(tmp_path: Path):
    """An imported RTF chunk cannot be masked: no masked copy, an error saying what to do."""
    values = docx_parts.values(34)
    path = tmp_path / "名单.docx"
    docx_parts.build(path, values)
    data = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(data, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/afchunk.rtf", rb"{\rtf1\ansi Tel 13912345678\par}")
    path.write_bytes(data.getvalue())
    scanned = privacy.scan_file(path, privacy.DEFAULT_PATTERNS)
    assert "13912345678" in found(scanned)
    assert scanned.masked is None and "接受所有修订" in scanned.mask_hint


def test_a_column_page_may_declare_a_linked_file_reviewed(small: TestProject):
    (small.root / "content/pages/申请表.doc").write_bytes(OLE)
    small.edit("content/pages/ysqgk.md", "提出申请。", "提出申请，[申请表](申请表.doc)。")
    result = small.check()
    assert_reported(result, "content/pages/ysqgk.md:7", "正文链接的文件「申请表.doc」是旧版 Word")
    small.edit("content/pages/ysqgk.md", "栏目: 依申请公开\n",
               "栏目: 依申请公开\n人工核查: {文件: 申请表.doc, 核查人: 张三, 日期: 2025-07-01}\n")
    result = small.check()
    assert result.code == 0, result.text


def test_an_unreadable_shared_file_linked_from_a_notice_is_an_error(small: TestProject):
    """content/assets/ is copied as it is; a .doc there linked from a notice is still checked."""
    (small.root / "content/assets").mkdir()
    (small.root / "content/assets/表格.doc").write_bytes(OLE)
    path = notice_with(small)
    small.edit(path, "正文。", "下载[表格](../../assets/表格.doc)。")
    result = small.check()
    assert_reported(result, f"{path}:12", "正文链接的文件「../../assets/表格.doc」是旧版 Word")


def test_chart_numbers_are_quantities_chart_labels_are_text(tmp_path: Path):
    """A chart's cached numbers (a budget of 13,500,000,000 yuan) are not mobiles; a mobile in
    its category labels is found."""
    import docx

    path = tmp_path / "预算.docx"
    docx.Document().save(str(path))
    chart = ('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
             '<c:strCache><c:pt idx="0"><c:v>联系人 13812345678</c:v></c:pt></c:strCache>'
             '<c:numCache><c:pt idx="0"><c:v>13500000000</c:v></c:pt></c:numCache>'
             '</c:chartSpace>')
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("word/charts/chart1.xml", chart)
    assert found(privacy.scan_file(path)) == {"13812345678": ["图表数据"]}


def test_a_gzip_bomb_is_refused_by_its_recorded_size_without_unpacking(tmp_path: Path):
    import tracemalloc

    data = gzip.compress(bytes(120 * 1024 * 1024), compresslevel=1)
    (tmp_path / "炸弹.csv.gz").write_bytes(data)
    tracemalloc.start()
    scanned = privacy.scan_file(tmp_path / "炸弹.csv.gz")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "解压后超过 100 MB" in scanned.unreadable
    assert peak < 5 * 1024 * 1024  # not unpacked
