"""`site-builder archive`: transfer periods on the official calendar, and a real transfer of the
small fixture read back with pypdf, pdftotext, zxing-cpp, openpyxl and hashlib."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import TestProject, copy_fixture
from pypdf import PdfReader
from qrtools import pdf_pages, pdf_text, texts

from site_builder.archive import periods
from site_builder.archive import transfer as archive_transfer
from site_builder.paper import pdf

BASE = "https://gk.example.gov.cn/"
D = dt.date


# -- periods (no browser) ------------------------------------------------------------------------
def test_the_5th_in_the_national_day_holiday_moves_to_the_next_working_day():
    october = periods.parse_period("2026-10-上")
    assert october.due == D(2026, 10, 5)  # a Monday inside the holiday (1–7 October 2026)
    assert october.transfer == D(2026, 10, 8) and october.moved
    # from the previous transfer: 20 September 2026 is a Sunday, but an official make-up
    # working day (调休), so 2026-09-下 is made on it and is not moved
    september = periods.parse_period("2026-09-下")
    assert september.transfer == D(2026, 9, 20) and not september.moved
    assert (october.first, october.last) == (D(2026, 9, 20), D(2026, 10, 7))
    assert periods.parse_period("2026-10-下").first == D(2026, 10, 8)


def test_weekend_due_days_move_and_periods_meet_without_gaps():
    assert periods.parse_period("2026-12-上").transfer == D(2026, 12, 7)  # Saturday → Monday
    assert periods.parse_period("2026-12-下").transfer == D(2026, 12, 21)  # Sunday → Monday
    assert periods.parse_period("2027-01-上").first == D(2026, 12, 21)  # across the year
    names = [f"{y}-{m:02d}-{h}" for y in (2025, 2026) for m in range(1, 13) for h in "上下"]
    chain = [periods.parse_period(n) for n in names]
    for before, after in itertools.pairwise(chain):
        assert after.first == before.last + dt.timedelta(days=1), after.name
        assert before.transfer == after.first
    # 2026-02-下: 20 February is in the Spring Festival holiday
    february = periods.parse_period("2026-02-下")
    assert february.moved and february.transfer > D(2026, 2, 20)


def test_an_own_period_is_transferred_on_the_next_working_day():
    own = periods.own_period(D(2026, 9, 28), D(2026, 9, 30))
    assert own.name == "2026-09-28至2026-09-30" and own.transfer == D(2026, 10, 8)
    assert own.due is None and not own.moved


@pytest.mark.parametrize(("args", "expected"), [
    (["--period", "2026-13-上"], "月份不对"),
    (["--period", "2026-11"], "无法识别"),
    (["--from", "2026-10-01"], "--to"),
    (["--from", "2026-10-31", "--to", "2026-10-01"], "晚于"),
    (["--from", "2026-02-30", "--to", "2026-03-01"], "不存在"),
    (["--period", "2026-11-上", "--from", "2026-10-01", "--to", "2026-10-02"], "只能用一种"),
    ([], "--period 2026-11-上"),
])
def test_period_mistakes_are_explained_and_write_nothing(small: TestProject, args, expected):
    result = small.cli("archive", *args)
    assert result.code == 2
    assert expected in result.err and "Traceback" not in result.text
    assert not (small.root / "archive").exists()


# -- a transfer ----------------------------------------------------------------------------------
def _notice(project: TestProject, notice_id: str, published: str, attribute: str = "主动公开",
            extra: str = "", body: str = "正文。\n") -> None:
    project.notice(f"hexi/{notice_id}.md", f"""
id: {notice_id}
标题: 河西镇移交测试{notice_id}
事项: ylfw-zn
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: 2026-09-01
发布日期: {published}
公开属性: {attribute}
{extra}""", body)


@pytest.fixture(scope="module")
def transfer(tmp_path_factory: pytest.TempPathFactory) -> TestProject:
    if pdf.find_chromium() is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed (REQUIRE_BROWSER=1)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    project = copy_fixture("small", tmp_path_factory.mktemp("archive") / "county")
    _notice(project, "2026-0919", "2026-09-19")  # 2026-09-下 (the day before its transfer)
    _notice(project, "2026-0920", "2026-09-20")  # the first day of 2026-10-上
    _notice(project, "2026-0930", "2026-10-06", extra="附件:\n  - 东村 公示名单.csv\n摘要: 国庆安排。\n",
            body="国庆期间**敬老院**照常开放。\n\n| 项目 | 时间 |\n|---|---|\n| 助餐 | 每天 |\n")
    _notice(project, "2026-1007", "2026-10-07")  # the last day before the moved transfer
    _notice(project, "2026-1008", "2026-10-08")  # the transfer day itself: next period
    _notice(project, "2026-1002", "2026-10-02", attribute="依申请公开")
    _notice(project, "2026-1003", "2026-10-03", attribute="不予公开")
    result = project.cli("archive", "--period", "2026-10-上")
    assert result.code == 0, result.text
    assert "2026年10月08日" in result.out and "顺延" in result.out
    assert "还没有这些信息的页面：2026-0920、2026-0930、2026-1007" in result.err  # not built
    return project


def folder(project: TestProject, name: str = "2026-10-上") -> Path:
    return project.root / "archive" / name


def list_rows(project: TestProject, name: str = "2026-10-上") -> list[dict]:
    sheet = openpyxl.load_workbook(folder(project, name) / "移交清单.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_period_holds_the_notices_published_in_it(transfer: TestProject):
    notices = sorted(p.name for p in folder(transfer).iterdir() if p.is_dir())
    assert notices == ["001-2026-0920", "002-2026-0930", "003-2026-1007"]
    record = json.loads((folder(transfer) / "移交记录.json").read_text(encoding="utf-8"))
    assert (record["first"], record["last"], record["transfer"]) == (
        "2026-09-20", "2026-10-07", "2026-10-08")


def test_each_notice_pdf_opens_shows_its_title_and_its_code(transfer: TestProject):
    for notice_id in ("2026-0920", "2026-0930", "2026-1007"):
        path = next(folder(transfer).glob(f"*-{notice_id}/{notice_id}.pdf"))
        reader = PdfReader(path)
        assert len(reader.pages) >= 1
        text = re.sub(r"\s+", "", pdf_text(path))
        assert f"河西镇移交测试{notice_id}" in text
        for label in ("索引号", f"TESTORG001/{notice_id}", "发布机构", "成文日期", "公开属性",
                      "扫码查看原文"):
            assert label in text, (notice_id, label)
        first_page = pdf_pages(path, dpi=200)[0]
        assert texts(first_page) == [f"{BASE}n/{notice_id}/"]
    body = re.sub(r"\s+", "", pdf_text(folder(transfer) / "002-2026-0930/2026-0930.pdf"))
    assert "国庆期间敬老院照常开放" in body and "助餐" in body and "国庆安排" in body


def test_the_list_checksums_and_page_counts_match_the_files(transfer: TestProject):
    rows = list_rows(transfer)
    files = {p.relative_to(folder(transfer)).as_posix() for p in folder(transfer).rglob("*")
             if p.is_file() and p.parent != folder(transfer)}
    assert {r["文件"] for r in rows} == files  # every transferred file, each once
    for row in rows:
        path = folder(transfer) / row["文件"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row["SHA-256"], row["文件"]
        if path.suffix == ".pdf":
            assert int(row["页数"]) == len(PdfReader(path).pages)
    main = [r for r in rows if r["备注"] != "附件"]
    assert [r["序号"] for r in main] == ["1", "2", "3"]
    assert main[1]["标题"] == "河西镇移交测试2026-0930" and main[1]["发布日期"] == "2026-10-06"
    assert main[1]["索引号"] == "TESTORG001/2026-0930" and main[1]["发布机构"] == "河西镇人民政府"
    assert [r["文件"] for r in rows if r["备注"] == "附件"] == ["002-2026-0930/东村 公示名单.csv"]
    printed = re.sub(r"\s+", "", pdf_text(folder(transfer) / "移交清单.pdf"))
    for row in main:
        assert row["标题"] in printed
    assert "SHA-256" in printed


def test_the_cover_has_two_signed_copies(transfer: TestProject):
    cover = folder(transfer) / "封面.pdf"
    assert len(PdfReader(cover).pages) == 2
    for page, receiver in ((1, "测试县档案馆"), (2, "测试县图书馆")):
        text = re.sub(r"\s+", "", pdf_text(cover, page))
        assert receiver in text and "移交人（签字）" in text and "接收人（签字）" in text
        assert "2026-10-上" in text and "2026年10月08日（应于2026年10月05日移交" in text
        assert "2026年09月20日至2026年10月07日" in text and "3篇" in text


def test_withheld_and_on_request_notices_are_not_transferred(transfer: TestProject):
    found = []
    for path in folder(transfer).rglob("*"):
        if path.suffix == ".pdf":
            found.append(pdf_text(path))
        elif path.suffix in (".json", ".csv"):
            found.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            found.append(" ".join(str(v) for ws in book for r in ws.iter_rows(values_only=True)
                                  for v in r if v))
    text = re.sub(r"\s+", "", " ".join(found))
    assert "2026-1002" not in text and "2026-1003" not in text
    assert "2026-0930" in text


def test_the_zip_holds_the_folder(transfer: TestProject):
    with zipfile.ZipFile(folder(transfer).with_suffix(".zip")) as archive:
        names = set(archive.namelist())
        files = {f"2026-10-上/{p.relative_to(folder(transfer)).as_posix()}"
                 for p in folder(transfer).rglob("*") if p.is_file()}
        assert names == files
        for name in names:
            assert archive.read(name) == (folder(transfer).parent / name).read_bytes()


def test_a_rerun_gives_the_same_bytes_and_a_later_change_is_a_correction(
        transfer: TestProject):
    def snapshot(name: str) -> dict[str, str]:
        root = transfer.root / "archive"
        return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in [*folder(transfer, name).rglob("*"), root / f"{name}.zip"]
                if p.is_file()}

    before = snapshot("2026-10-上")
    assert transfer.cli("archive", "--period", "2026-10-上").code == 0
    after = snapshot("2026-10-上")
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, changed
    # after the transfer, 2026-0930 is edited: the next transfer gives it again as 更正
    transfer.edit("content/notices/hexi/2026-0930.md", "照常开放", "照常开放，节日加餐")
    result = transfer.cli("archive", "--period", "2026-10-下")
    assert result.code == 0, result.text
    assert "更正" in result.out
    rows = [r for r in list_rows(transfer, "2026-10-下") if r["备注"] != "附件"]
    assert [(r["标题"], r["备注"]) for r in rows] == [
        ("河西镇移交测试2026-0930", "更正（原在 2026-10-上 移交）"),
        ("河西镇移交测试2026-1008", None)]
    cover = re.sub(r"\s+", "", pdf_text(folder(transfer, "2026-10-下") / "封面.pdf", 1))
    assert "2篇（其中更正1篇）" in cover
    shutil.rmtree(folder(transfer, "2026-10-下"))  # leave the module's transfer as it was
    transfer.edit("content/notices/hexi/2026-0930.md", "照常开放，节日加餐", "照常开放")


def test_pdf_dates_and_structure_ids_do_not_depend_on_the_run(tmp_path: Path):
    """Chromium numbers tagged-PDF table cells by DOM node (/ID (node00000016), referred to by
    /Headers); the numbers shift between runs on a busy machine (a transfer re-run differed in
    CI). stable_pdf renumbers them in order of appearance and fixes the dates, keeping lengths."""
    def chromium_like(first: int, stamp: str) -> bytes:
        a, b = f"node{first:08d}", f"node{first + 3:08d}"
        return (f"/CreationDate (D:{stamp}+08'00')\n/ID ({a})\n/ID ({b})\n"
                f"/Headers [({a})]\n/Headers [({b})]\n").encode()

    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    one.write_bytes(chromium_like(16, "20261202093115"))
    two.write_bytes(chromium_like(15, "20261202101502"))
    for path in (one, two):
        length = path.stat().st_size
        archive_transfer.stable_pdf(path, dt.date(2026, 10, 8))
        assert path.stat().st_size == length
    assert one.read_bytes() == two.read_bytes()
    assert b"/Headers [(node00000001)]" in one.read_bytes()
    assert b"D:20261008000000+08'00'" in one.read_bytes()
