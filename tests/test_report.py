"""Issue 14: the compliance report, 征求意见 on the site, 年报 table one.

tests/fixtures/report is a small county made for the report: each kind of finding once or twice,
with dates around the 2026 Mid-Autumn and National Day holidays (9-25 and 10-1…10-7 off; 调休
work on Sunday 9-20 and Saturday 10-10). The report runs with --today 2026-10-20 and is read
back with openpyxl (the workbook) and BeautifulSoup (the HTML); the site is built with MkDocs
and the 征求意见 badge script runs in Debian Chromium.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, REPO, TestProject, copy_fixture, serve
from openpyxl import load_workbook

from site_builder.pipeline import Project, read_and_check

TODAY = "2026-10-20"
URL = "https://gk.example.gov.cn/"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[TestProject, str]:
    project = copy_fixture("report", tmp_path_factory.mktemp("report") / "county")
    result = project.cli("report", "--today", TODAY, "--month", "2026-09", "-o", "out")
    assert result.code == 0, result.text
    return project, result.out


def sheets(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


@pytest.fixture(scope="module")
def book(report) -> dict[str, list[tuple]]:
    project, _ = report
    return sheets(project.root / "out" / f"公开情况报告-{TODAY}.xlsx")


@pytest.fixture(scope="module")
def page(report) -> BeautifulSoup:
    project, _ = report
    html = (project.root / "out" / f"公开情况报告-{TODAY}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_terminal_summary(report):
    _, out = report
    assert out.splitlines() == [
        f"报告县人民政府信息公开 公开情况（按 {TODAY} 计）：",
        "  逾期发布的信息：2 条",
        "  定期公开事项上一周期没有发布（按县、乡镇、村计）：2 条",
        "  空白栏目（没有信息）：1 条",
        "  超过 6 个月没有更新的栏目：1 条",
        "  首页最新信息：2026-10-16（4 天前）",
        "  正在公示的信息：1 条",
        "  公示期已结束、没有关联公示结果的公示：2 条",
        "  没有在 3 个工作日内发布解读的规章、规范性文件：1 条",
        "  正在征求意见：1 条",
        "  已截止、没有公布采纳情况的征求意见：1 条",
        "  2026-09 发布的信息：5 条",
        f"已生成：out/公开情况报告-{TODAY}.html",
        f"已生成：out/公开情况报告-{TODAY}.xlsx",
    ]


def test_late_notices_in_official_working_days(book):
    """2026-0001: 成文 on the 调休 Sunday 9-20, ten working days (Mid-Autumn and National Day
    skipped, 调休 counted) end on the 调休 Saturday 10-10; published Monday 10-12, one working
    day late. 2026-0002 (成文 9-24, published 10-14) is on time: ten working days end on 10-15
    (Monday to Friday alone would give 10-08). 2026-0004 is counted in calendar days."""
    assert book["逾期发布的信息"][1:] == [
        ("报告县临时救助办法（2026年修订）", "县级", "政策法规文件", "制定之日起10个工作日内",
         "2026-09-20", "2026-10-10", "2026-10-12", "1 个工作日",
         "content/notices/county/2026-0001.md", f"{URL}n/2026-0001/", None, f"{URL}i/zc/"),
        ("河西镇低保申请指南", "河西镇", "办事指南", "变更之日起15日内", "2026-09-01",
         "2026-09-16", "2026-09-20", "4 天", "content/notices/hexi/2026-0004.md",
         f"{URL}n/2026-0004/", f"{URL}t/hexi/", f"{URL}i/zn/"),
    ]


def test_periodic_items_overdue_per_township(book):
    """按季度 at 县级 and 乡级: on 10-20 the last ended quarter is Q3; the county published on
    7-10 (fine), 河西镇 last on 6-30 and 山阳乡 never."""
    rows = book["定期公开事项未按期发布"]
    assert rows[0][:7] == ("事项", "乡镇、村", "周期", "应公开的周期", "最近一次发布",
                           "周期结束后", "源文件")
    assert [r[:7] for r in rows[1:]] == [
        ("工作进展", "河西镇", "按季度", "2026年第三季度（2026-07-01—2026-09-30）",
         "河西镇2026年第二季度社会救助工作进展（2026-06-30）", "20 天", "catalog.yaml:89"),
        ("工作进展", "山阳乡", "按季度", "2026年第三季度（2026-07-01—2026-09-30）", "从未发布",
         "20 天", "catalog.yaml:89"),
    ]
    assert [r[7:] for r in rows[1:]] == [
        (f"{URL}i/jz/", f"{URL}t/hexi/", f"{URL}n/2026-0014/"),
        (f"{URL}i/jz/", f"{URL}t/shanyang/", None)]


def test_stale_and_empty_columns(book):
    rows = [r for r in book["栏目更新情况"][1:] if r[4] != "正常"]
    assert rows == [
        ("五公开类别", "管理公开", 0, "从未发布", "空白（没有信息）", None, f"{URL}c/guanli/",
         None),
        ("村（社区）", "河西镇 · 西村", 1, "河西镇西村2026年第一季度低保审核对象公示（2026-03-02）",
         "超过 6 个月未更新", "content/notices/hexi/2026-0015.md", f"{URL}t/hexi/xicun/",
         f"{URL}n/2026-0015/"),
    ]
    assert len(book["栏目更新情况"]) == 1 + 5 + 1 + 6 + 2 + 2  # categories, domain, items, …


def test_publicity_periods_and_results(book):
    """公示期 of 7 working days from 发布日期: 9-28 runs to 10-12 across National Day, 10-16
    to 10-26; 2026-0006 is linked as the result of 2026-0005 (公示结果)."""
    assert [r[:6] for r in book["公示"][1:]] == [
        ("河西镇2026年10月低保审核对象公示", "河西镇", "2026-10-16—2026-10-26",
         "公示中，2026-10-26 结束", None, "content/notices/hexi/2026-0007.md"),
        ("山阳乡2026年8月低保审核对象公示", "山阳乡", "2026-09-01—2026-09-09", "2026-09-09 已结束",
         "没有关联公示结果", "content/notices/shanyang/2026-0008.md"),
        ("河西镇西村2026年第一季度低保审核对象公示", "河西镇 · 西村", "2026-03-02—2026-03-10",
         "2026-03-10 已结束", "没有关联公示结果", "content/notices/hexi/2026-0015.md"),
        ("河西镇东村2026年第三季度低保审核对象公示", "河西镇 · 东村", "2026-09-28—2026-10-12",
         "2026-10-12 已结束", "河西镇东村2026年第三季度低保审批结果（2026-10-15）",
         "content/notices/hexi/2026-0005.md"),
    ]


def test_policies_without_interpretation(book):
    """2026-0002 (published 10-14) had until 10-19 for its 解读; the others were published
    with theirs."""
    assert book["政策解读"][1:] == [
        ("报告县特困人员认定办法", "规范性文件", "2026-10-14", "2026-10-19", "无", "没有解读",
         "content/notices/county/2026-0002.md", f"{URL}n/2026-0002/")]


def test_consultations(book):
    assert [r[:7] for r in book["征求意见"][1:]] == [
        ("关于公开征求《报告县医疗救助办法（草案）》意见的公告", "2026-10-16", "2026-11-15",
         "邮箱：mzj@example.gov.cn；电话：0571-1234568", "征求意见中（2026-11-15 截止）", "无",
         "content/notices/county/2026-0012.md"),
        ("关于公开征求《报告县特困人员认定办法（草案）》意见的公告", "2026-09-01", "2026-09-30",
         "邮箱：mzj@example.gov.cn；电话：0571-1234568", "已截止，没有公布采纳情况", "无",
         "content/notices/county/2026-0011.md"),
        ("关于公开征求《报告县临时救助办法（修订稿）》意见的公告", "2026-08-01", "2026-08-31",
         "邮箱：mzj@example.gov.cn；电话：0571-1234568", "已截止，采纳情况已公布",
         "《报告县临时救助办法（修订稿）》征求意见采纳情况（2026-09-15）",
         "content/notices/county/2026-0009.md"),
    ]


def test_counts_per_township_category_month(book):
    assert book["每月统计"] == [
        ("乡镇（街道）", "决策公开", "执行公开", "管理公开", "服务公开", "结果公开", "合计",
         "乡镇（街道）网页"),
        ("县级", 2, 0, 0, 0, 0, 2, URL),
        ("河西镇", 0, 0, 0, 1, 1, 2, f"{URL}t/hexi/"),
        ("山阳乡", 0, 0, 0, 0, 1, 1, f"{URL}t/shanyang/"),
        ("合计", 2, 0, 0, 1, 2, 5, None),
    ]
    monthly = book["按月统计"]
    assert monthly[0] == ("乡镇（街道）", "五公开类别", "月份", "信息篇数")
    assert ("县级", "决策公开", "2026-10", 4) in monthly
    assert sum(r[3] for r in monthly[1:]) == 19


def test_html_rows_link_pages_and_name_sources(page):
    """Every row of every list links to a page of the site and names its source file (the
    monthly counts link their township pages)."""
    assert "2026-10-20" in page.get_text() and "chinese-calendar" in page.get_text()
    tables = page.select("h2[id] + p + table, h2[id] + p + p + table")
    assert len(tables) == 7
    for table in tables:
        heads = [th.get_text() for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            if row.select_one("td").get_text() == "合计":
                continue  # the monthly total has no page
            links = [a["href"] for a in row.select("a")]
            assert links and all(h.startswith(URL) for h in links), row
            if "源文件" in heads:
                source = row.select("td")[heads.index("源文件")].get_text()
                assert re.fullmatch(r"(content/notices/\S+\.md|catalog\.yaml(:\d+)?|)", source)
    late = page.select_one("#late + p + table tbody tr")
    assert late.select_one("a")["href"] == f"{URL}n/2026-0001/"
    assert "首页：最新信息 2026-10-16（4 天前）" in page.get_text()


def test_home_page_older_than_two_weeks(tmp_path: Path):
    project = copy_fixture("report", tmp_path / "county")
    result = project.cli("report", "--today", "2026-11-30", "-o", "out")
    assert result.code == 0, result.text
    assert "  首页最新信息：2026-10-16（45 天前，超过 14 天）" in result.out.splitlines()
    html = (project.root / "out/公开情况报告-2026-11-30.html").read_text(encoding="utf-8")
    assert "首页已超过 14 天没有新信息：最新信息 2026-10-16（45 天前）" in html


def test_unknown_calendar_year_is_stated(tmp_path: Path):
    """Years chinese-calendar does not know are counted Monday to Friday, marked ※ and
    named in the report."""
    project = copy_fixture("report", tmp_path / "county")
    project.notice("county/2099-0001.md", """
id: 2099-0001
标题: 远期文件
事项: zc
发布机构: 县民政局
成文日期: 2099-03-02
发布日期: 2099-03-20
公开属性: 主动公开""")
    result = project.cli("report", "--today", "2099-03-25", "-o", "out")
    assert result.code == 0, result.text
    book = sheets(project.root / "out/公开情况报告-2099-03-25.xlsx")
    row = next(r for r in book["逾期发布的信息"] if r[0] == "远期文件")
    assert row[5:8] == ("2099-03-16※", "2099-03-20", "4 个工作日※")
    html = (project.root / "out/公开情况报告-2099-03-25.html").read_text(encoding="utf-8")
    assert "2099 年的节假日安排尚未收录" in html


def test_annual_table_one(tmp_path: Path):
    """规范性文件 issued (成文日期 in the year), repealed (废止日期, or the 成文日期 of a notice
    listing it in 废止文件) and valid at the end of the year."""
    project = copy_fixture("report", tmp_path / "county")
    expected = {
        2025: ("规章", 0, 0, 0, "行政规范性文件", 1, 1, 1),
        2026: ("规章", 0, 0, 0, "行政规范性文件", 2, 1, 2),
    }
    for year, want in expected.items():
        result = project.cli("report", "--annual", str(year), "-o", "out")
        assert result.code == 0, result.text
        assert result.out.splitlines()[:2] == [
            f"规章：本年制发 {want[1]} 件，本年废止 {want[2]} 件，现行有效 {want[3]} 件",
            f"行政规范性文件：本年制发 {want[5]} 件，本年废止 {want[6]} 件，现行有效 {want[7]} 件"]
        book = sheets(project.root / f"out/年报表格-{year}.xlsx")
        rows = book[f"{year}年 主动公开政府信息情况"]
        assert rows == [("第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数"),
                        want[:4], want[4:]]
        html = BeautifulSoup((project.root / f"out/年报表格-{year}.html").read_text("utf-8"),
                             "html.parser")
        cells = [td.get_text() for td in html.select("tbody td")]
        assert cells == [str(v) for v in want]


@pytest.mark.parametrize(("args", "message"), [
    (("--month", "2026-13"), "--month 的月份“2026-13”无法识别，请写成 2026-11 这样的格式。"),
    (("--today", "2026-02-30"), "--today 的日期“2026-02-30”不存在（日历上没有这一天），请核对日期。"),
    (("--annual", "二〇二五"), "--annual 的年份“二〇二五”不对，请写 1949—2099 之间的四位数年份，例如 2025。"),
])
def test_bad_options_in_chinese(small: TestProject, args, message):
    result = small.cli("report", *args)
    assert result.code == 2
    assert result.err.strip() == message
    assert not (small.root / "report").exists()


def test_input_errors_stop_the_report(small: TestProject):
    small.notice("county/2025-0200.md", """
id: 2025-0200
标题: 关于公开征求意见的公告
事项: shjz-zc
发布机构: 县民政局
成文日期: 2025-07-01
发布日期: 2025-07-02
公开属性: 主动公开
文件类型: 征求意见""")
    result = small.cli("report")
    assert result.code == 1
    assert "content/notices/county/2025-0200.md" in result.err
    assert "征求意见（「文件类型: 征求意见」）要写「征求意见截止」。" in result.err
    assert "请先按上面的提示修改，再生成报告。" in result.err
    assert not (small.root / "report").exists()


# -- check ---------------------------------------------------------------------------------------
def test_check_counts_are_notes_and_a_policy_without_interpretation_a_warning():
    site, problems = read_and_check(Project.at(FIXTURES / "report"), dt.date(2026, 10, 20),
                                    cache=False)  # the fixture in the repository: no .cache/
    assert site is not None and not problems.errors
    assert sorted((p.file, p.line, p.field) for p in problems.warnings) == [
        ("content/notices/county/2026-0001.md", 7, "发布日期"),  # late (validate.py)
        ("content/notices/county/2026-0002.md", 10, "文件类型"),  # no 解读
        ("content/notices/hexi/2026-0004.md", 8, "发布日期"),  # late, calendar days
    ]
    assert problems.warnings[-1].message == (
        "这篇规范性文件在 2026-10-14 发布，按“同步发布”要求应在 2026-10-19 前发布解读，"
        "但还没有发布解读。")
    notes = [p for p in problems.notes if p.message.startswith("公开情况")]
    assert len(notes) == 1 and notes[0].file == "catalog.yaml"
    assert notes[0].message.split("\n")[1:] == [
        "      · 2 篇信息超过公开时限发布",
        "      · 2 个定期公开事项（按乡镇、村计）上一周期没有发布",
        "      · 1 个栏目超过 6 个月没有更新、1 个栏目没有信息",
        "      · 2 篇公示的公示期已结束，但没有关联公示结果",
        "      · 1 篇规章、规范性文件没有在 3 个工作日内发布解读",
        "      · 1 个征求意见已截止，但还没有公布采纳情况",
    ]


def test_check_command_shows_the_note_and_passes(tmp_path: Path):
    project = copy_fixture("report", tmp_path / "county")
    result = project.check()
    assert result.code == 0, result.text
    assert "· 说明 catalog.yaml" in result.err and "运行 site-builder report" in result.err
    assert "✗ 错误" not in result.err


@pytest.mark.parametrize(("extra", "message"), [
    ("采纳情况: 2026-0002\n", "「采纳情况」指向的信息“2026-0002”不是征求意见"),
    ("公示结果: 2026-0002\n", "「公示结果」指向的信息“2026-0002”不是公示"),
    ("废止文件: [2030-0001]\n", "「废止文件」指向的信息“2030-0001”不存在、不予公开或就是本篇。"),
    ("征求意见截止: 2026-12-01\n", "「征求意见截止」只用于征求意见"),
    ("文件类型: 征求意见\n征求意见截止: 2026-12-01\n反馈方式: {网址: a}\n", "不认识的字段「网址」"),
])
def test_wrong_links_and_fields_are_errors(tmp_path: Path, extra: str, message: str):
    project = copy_fixture("report", tmp_path / "county")
    project.notice("county/2026-0099.md", f"""
id: 2026-0099
标题: 测试
事项: zqyj
发布机构: 县民政局
成文日期: 2026-10-01
发布日期: 2026-10-02
公开属性: 主动公开
{extra}""")
    result = project.check()
    assert result.code == 1
    assert "content/notices/county/2026-0099.md:" in result.err
    assert message in result.err, result.err


# -- the site ------------------------------------------------------------------------------------
OPEN = """
id: 2026-0100
标题: 关于公开征求《报告县救助资金管理办法（草案）》意见的公告
事项: zqyj
发布机构: 县民政局
成文日期: 2026-10-16
发布日期: 2026-10-16
公开属性: 主动公开
文件类型: 征求意见
征求意见截止: 2099-12-31
反馈方式:
  地址: 报告县府前路1号县民政局
  邮箱: mzj@example.gov.cn
  电话: 0571-1234568
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> TestProject:
    """The report fixture built by MkDocs, with one consultation open until 2099."""
    project = copy_fixture("report", tmp_path_factory.mktemp("site") / "county")
    project.notice("county/2026-0100.md", OPEN)
    result = project.build()
    assert result.code == 0, result.text
    return project


def test_consultation_page_badge_feedback_and_adoption(site: TestProject):
    page = site.html("n/2026-0100/")
    block = page.select_one(".sb-zqyj-block")
    assert block.select_one(".sb-zqyj").get_text() == "征求意见中，截止2099年12月31日"
    assert block.select_one(".sb-zqyj")["data-deadline"] == "2099-12-31"
    text = block.get_text(" ", strip=True)
    assert "地址：报告县府前路1号县民政局" in text and "意见采纳情况：征求意见结束后公布。" in text
    assert {a["href"] for a in block.select("a")} == {"mailto:mzj@example.gov.cn",
                                                      "tel:0571-1234568"}
    closed = site.html("n/2026-0009/")
    assert closed.select_one(".sb-zqyj").get_text() == "已结束"
    adoption = closed.select_one(".sb-zqyj-block a[href='../2026-0010/']")
    assert adoption.get_text() == "《报告县临时救助办法（修订稿）》征求意见采纳情况"
    back = site.html("n/2026-0010/").select_one(".sb-related a[href='../2026-0009/']")
    assert back is not None  # 采纳情况 → 征求意见, both ways


def test_zqyj_page_and_home_list_open_consultations(site: TestProject):
    zqyj = site.html("zqyj/")
    sections = zqyj.select("article h2")
    assert [h.get_text() for h in sections] == ["正在征求意见", "已结束的征求意见"]
    open_list, closed_list = (h.find_next_sibling() for h in sections)
    assert [a["href"] for a in open_list.select("a.sb-list__title")] == ["../n/2026-0100/"]
    assert [a["href"] for a in closed_list.select("a.sb-list__title")] == [
        "../n/2026-0012/", "../n/2026-0011/", "../n/2026-0009/"]
    assert {b.get_text() for b in closed_list.select(".sb-zqyj")} == {"已结束"}
    home = site.html("")
    heading = next(h for h in home.select("article h2") if h.get_text() == "正在征求意见")
    listed = heading.find_next_sibling("ul")
    assert [a["href"] for a in listed.select("a.sb-list__title")] == ["n/2026-0100/"]
    assert "全部征求意见" in [a.get_text() for a in home.select("article a[href='zqyj/']")]
    nav = [a.get_text(strip=True) for a in home.select(".md-nav a")]
    assert "征求意见" in nav


def test_publicity_result_repeal_and_annual_table_on_the_site(site: TestProject):
    publicity = site.html("n/2026-0005/").select_one(".sb-related a[href='../2026-0006/']")
    assert publicity is not None
    result = site.html("n/2026-0006/").select_one(".sb-related a[href='../2026-0005/']")
    assert result is not None
    repealed = site.html("n/2025-0001/")
    assert repealed.select_one(".sb-repealed").get_text() == "本文件已于 2026年9月20日 废止。"
    repealing = site.html("n/2026-0001/").select_one(".sb-related a[href='../2025-0001/']")
    assert repealing is not None
    annual = site.html("xxgk/nianbao-2025/")
    table = annual.select_one(".sb-body table") or annual.select_one("article table")
    cells = [[c.get_text() for c in tr.select("th, td")] for tr in table.select("tr")]
    assert cells == [["第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数"],
                     ["规章", "0", "0", "0"], ["行政规范性文件", "1", "1", "1"]]
    assert "{{" not in annual.get_text()


def test_badge_closes_in_the_browser_after_the_deadline(site: TestProject, browser):
    """A page built before the deadline says 「征求意见中」; opened after it, the script in
    the page changes the badge to 「已结束」."""
    with serve(site.site) as base:
        for now, expected in (("2099-12-31T10:00:00", "征求意见中，截止2099年12月31日"),
                              ("2100-01-01T10:00:00", "已结束")):
            page = browser.new_page()
            page.clock.set_fixed_time(now)
            page.goto(base + "n/2026-0100/")
            assert page.locator(".sb-zqyj-block .sb-zqyj").inner_text() == expected
            page.close()


def test_feedback_phone_is_masked_like_other_fields(tmp_path: Path):
    """With 个人信息: 遮盖 a mobile in 反馈方式 is masked on the page (and not a tel: link);
    without it, it is an error at its line."""
    project = copy_fixture("report", tmp_path / "county")
    front = """
id: 2026-0098
标题: 测试征求意见
事项: zqyj
发布机构: 县民政局
成文日期: 2026-10-01
发布日期: 2026-10-02
公开属性: 主动公开
文件类型: 征求意见
征求意见截止: 2026-12-01
反馈方式:
  电话: 13812345678
"""
    project.notice("county/2026-0098.md", front)
    result = project.check()
    assert result.code == 1 and "2026-0098.md:12:7（第 12 行） 字段「反馈方式」" in result.err
    project.notice("county/2026-0098.md", front + "个人信息: 遮盖\n")
    assert project.build().code == 0
    html = (project.site / "n/2026-0098/index.html").read_text(encoding="utf-8")
    assert "13812345678" not in html and "电话：138****5678" in BeautifulSoup(
        html, "html.parser").select_one(".sb-zqyj-block").get_text()
    assert "tel:" not in html


def test_readme_shows_the_sample_report(tmp_path: Path):
    """The excerpt in README.md is what `site-builder report` prints for the sample county."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"```\n(望川县人民政府信息公开 公开情况（按 2026-12-02 计）：\n.*?)```",
                      readme, re.S).group(1).splitlines()
    sample = TestProject(REPO)
    result = sample.cli("report", "--today", "2026-12-02", "--month", "2026-11",
                        "-o", str(tmp_path / "report"))
    assert result.code == 0, result.text
    printed = result.out.splitlines()
    assert printed[:-2] == shown[:-2]
    assert [line.rsplit("/", 1)[-1] for line in printed[-2:]] == [
        line.rsplit("/", 1)[-1] for line in shown[-2:]]


def test_time_limit_counts_from_the_event_date(tmp_path: Path):
    """「审批结束后20个工作日内」: with 起算日期 (the approval) the limit counts from it, not from
    成文日期; 20 working days after 9-01 end on 9-29 (the 调休 Sunday 9-20 counts), so a notice
    published 10-15 is 8 working days late (National Day skipped, 调休 Saturday 10-10 counted)."""
    project = copy_fixture("report", tmp_path / "county")
    project.notice("hexi/2026-0020.md", """
id: 2026-0020
标题: 河西镇东村2026年9月低保审批结果
事项: jg
乡镇: hexi
村: dongcun
发布机构: 河西镇人民政府
成文日期: 2026-10-15
发布日期: 2026-10-15
起算日期: 2026-09-01
公开属性: 主动公开""")
    _, problems = read_and_check(Project.at(project.root), dt.date(2026, 10, 20))
    late = [p for p in problems.warnings if p.file.endswith("2026-0020.md")]
    assert [p.message for p in late] == [
        "按「审批结束后20个工作日内」应在 2026-09-29 前公开，实际发布日期是 2026-10-15，"
        "已超过公开时限。"]
    result = project.cli("report", "--today", TODAY, "-o", "out")
    assert result.code == 0, result.text
    rows = sheets(project.root / f"out/公开情况报告-{TODAY}.xlsx")["逾期发布的信息"]
    assert rows[0][4] == "起算日期"
    row = next(r for r in rows if r[0] == "河西镇东村2026年9月低保审批结果")
    assert row[4:8] == ("2026-09-01", "2026-09-29", "2026-10-15", "8 个工作日")
