"""`site-builder import` as a township clerk uses it: Word notices and Excel/CSV rosters written
with python-docx, openpyxl and xlwt are imported, checked, built, and every paragraph and cell is
on the published page. Also items chosen by name (`site-builder items`, --item 低保)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import officedocs
import pytest
from conftest import TestProject, copy_fixture

TODAY = dt.date.today()
SOFFICE = shutil.which("soffice")


@dataclass
class Imported:
    source: officedocs.Source
    result: object  # conftest.Result of the import command
    notice_id: str
    rel: str  # the notice file, relative to the project


def _import(project: TestProject, source: officedocs.Source, *extra: str):
    args = ["import", str(source.path), "--item", source.item, *extra]
    if source.township:
        args += ["--township", source.township]
    if source.mask:
        args.append("--mask")
    result = project.cli(*args)
    found = re.search(r"→ (content/notices/\S+/(\d{4}-\d{4})\.md)", result.out)
    assert found, result.text
    return Imported(source, result, found[2], found[1])


def _page_text(project: TestProject, notice_id: str) -> str:
    page = project.html(f"n/{notice_id}/")
    return " ".join(page.select_one("article").get_text(" ").split())


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def word_site(tmp_path_factory: pytest.TempPathFactory):
    """Every Word notice imported into the small county, then the site built (--strict)."""
    base = tmp_path_factory.mktemp("word")
    project = copy_fixture("small", base / "county")
    sources = base / "office"
    sources.mkdir()
    done = {build.__name__: _import(project, build(sources, TODAY))
            for build in officedocs.WORD_NOTICES}
    result = project.build("--strict")
    assert result.code == 0, result.text
    return project, done


@pytest.mark.parametrize("name", [b.__name__ for b in officedocs.WORD_NOTICES])
def test_a_word_notice_imports_checks_clean_builds_and_shows_every_text(word_site, name):
    project, done = word_site
    imported = done[name]
    assert imported.result.code == 0, imported.result.text
    assert "检查：这篇信息没有发现问题" in imported.result.out
    page = _flat(_page_text(project, imported.notice_id))
    for text in imported.source.texts:
        assert _flat(text) in page, (text, page)
    heading = project.html(f"n/{imported.notice_id}/").select_one("article h1").get_text()
    assert heading.strip() == imported.source.title


def test_the_front_matter_is_read_from_the_document_and_every_guess_is_shown(word_site):
    project, done = word_site
    notice = done["tongzhi"]
    text = (project.root / notice.rel).read_text(encoding="utf-8")
    assert "标题: 关于开展2026年度低保复核工作的通知   # 取自文档标题，请核对" in text
    assert "文号: 河政〔2026〕8号   # 取自文号行，请核对" in text
    assert f"成文日期: {TODAY.isoformat()}   # 取自落款，请核对" in text
    assert "发布机构: 河西镇人民政府   # 取自落款，请核对" in text
    assert "公开属性: 主动公开" in text and "事项: shjz-dbsh" in text and "乡镇: hexi" in text
    out = notice.result.out
    for line in ("标题：关于开展2026年度低保复核工作的通知（取自文档标题）",
                 "文号：河政〔2026〕8号（取自文号行）", "发布机构：河西镇人民政府（取自落款）"):
        assert line in out
    page = _page_text(project, notice.notice_id)
    for absent in notice.source.extra["absent"]:  # 红头 and page number dropped
        assert absent not in page
    # square and full-width brackets become 〔〕; a date in Chinese numerals is read
    policy = (project.root / done["policy"].rel).read_text(encoding="utf-8")
    assert "文号: 望民〔2026〕27号" in policy and "发布机构: 望川县民政局" in policy
    assert f"成文日期: {TODAY.isoformat()}" in policy
    assert done["policy"].rel.startswith("content/notices/county/")
    assert "文号: 河政〔2026〕9号" in (project.root / done["links"].rel).read_text("utf-8")


def test_images_tables_footnotes_and_links_survive(word_site):
    project, done = word_site
    page = project.html(f"n/{done['picture'].notice_id}/")
    img = page.select_one("article img[alt='社会救助申请办理流程图']")
    assert img is not None and (project.site / f"n/{done['picture'].notice_id}" /
                                img["src"]).is_file()
    merged = project.html(f"n/{done['merged'].notice_id}/").select_one("article table")
    assert merged.select_one("td[colspan='3']").get_text() == "低保资金发放汇总"
    assert "合并单元格" in done["merged"].result.out  # the clerk is told
    numbers = project.html(f"n/{done['gongshi'].notice_id}/").select("article table tr")
    assert len(numbers) == 3  # a Markdown table: header and two rows
    footnote = _page_text(project, done["footnotes"].notice_id)
    assert "1080元 [1]" in footnote or "1080元[1]" in footnote.replace(" ", "")
    assert "[1] 标准依据县人民政府批复确定。" in footnote
    link = project.html(f"n/{done['links'].notice_id}/").select_one(
        "article a[href='https://www.mca.gov.cn/']")
    assert link is not None and link.get_text() == "民政部网站"
    items = project.html(f"n/{done['tongzhi'].notice_id}/").select("article .sb-body ol li")
    assert [li.get_text() for li in items][:3] == ["入户调查，核实家庭收入和财产。", "民主评议，张榜公示。",
                                                   "乡镇审核，报县民政局备案。"]
    cell = project.html(f"n/{done['joint'].notice_id}/").select("article td")[-1]
    assert "每户一次性发放500元" in cell.get_text() and cell.find("br") is not None


def test_the_signoff_is_one_paragraph_of_lines(word_site):
    project, done = word_site
    for name, lines in (("tongzhi", ["河西镇人民政府", officedocs.cn_date(TODAY)]),
                        ("joint", ["望川县民政局", "望川县财政局", officedocs.cn_date(TODAY)])):
        signoff = project.html(f"n/{done[name].notice_id}/").select_one("article p.sb-signoff")
        assert signoff is not None
        assert [s.strip() for s in signoff.stripped_strings] == lines


def test_personal_data_is_masked_with_mask_and_located_without(small: TestProject,
                                                               tmp_path: Path):
    source = officedocs.gongshi(tmp_path, TODAY)
    masked = _import(small, source)
    text = (small.root / masked.rel).read_text(encoding="utf-8")
    assert "13812345678" not in text and r"138\*\*\*\*5678" in text
    assert re.search(r"第 \d+ 行第 \d+ 列：手机号已遮盖为 138\*\*\*\*5678", masked.result.out)
    source.mask = False
    raw = _import(small, source)
    assert raw.result.code == 1
    lines = (small.root / raw.rel).read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines, 1) if "13812345678" in line)
    column = lines[row - 1].index("13812345678") + 1
    assert f"第 {row} 行第 {column} 列：手机号 138****5678（写入的是完整号码）" in raw.result.out
    assert "--mask" in raw.result.out
    assert f"{raw.rel}:{row}:{column}" in raw.result.out  # the check's error at that place


def test_the_source_is_attached_only_when_asked(small: TestProject, tmp_path: Path):
    source = officedocs.tongzhi(tmp_path, TODAY)
    plain = _import(small, source)
    assert not (small.root / plain.rel).with_name(source.path.name).exists()
    attached = _import(small, source, "--attach")
    assert attached.result.code == 0, attached.result.text
    assert (small.root / attached.rel).with_name(source.path.name).is_file()
    assert "附件:\n  - {文件: 低保复核通知.docx, 名称: 低保复核通知}" in \
        (small.root / attached.rel).read_text(encoding="utf-8")


# -- rosters -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def roster_site(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("rosters")
    project = copy_fixture("small", base / "county")
    sources = base / "office"
    sources.mkdir()
    done = {build.__name__: _import(project, build(sources)) for build in officedocs.ROSTERS}
    result = project.build("--strict")
    assert result.code == 0, result.text
    return project, done


@pytest.mark.parametrize("name", [b.__name__ for b in officedocs.ROSTERS])
def test_a_roster_imports_checks_clean_builds_and_shows_every_cell(roster_site, name):
    project, done = roster_site
    imported = done[name]
    assert imported.result.code == 0, imported.result.text
    page = _flat(_page_text(project, imported.notice_id))
    for text in imported.source.texts:
        assert _flat(text) in page, (text, page)


def test_roster_headers_titles_and_sheets(roster_site):
    project, done = roster_site
    assert "表格「名单」的表头（第一行）：姓名｜村｜身份证号｜人口｜金额" in done["roster_header"].result.out
    assert "第一行就是数据，没有表头" in done["roster_no_header"].result.out
    page = project.html(f"n/{done['roster_title'].notice_id}/")
    assert [h.get_text() for h in page.select("article h2")] == ["东村", "西村"]
    headers = [th.get_text() for th in page.select("article table")[0].select("th")]
    assert headers == ["姓名", "家庭情况-人口", "家庭情况-金额", "备注"]
    assert page.select_one("article h1").get_text().strip() == "东村2026年第四季度低保发放花名册"
    rows = page.select("article table")[0].select("tbody tr")
    assert len(rows) == 2  # the empty trailing rows are gone
    numbers = project.html(f"n/{done['roster_numbers'].notice_id}/").get_text()
    assert "1.3812345678E10" not in numbers and "13812345678.0" not in numbers
    assert "GBK" in done["roster_csv"].result.out
    header = project.html(f"n/{done['roster_header'].notice_id}/").select("article tbody tr")
    assert len(header) == 3


def test_an_id_stored_as_a_number_is_an_error_naming_the_cell(small: TestProject,
                                                             tmp_path: Path):
    path = officedocs.roster_lost_digits(tmp_path)
    before = sorted(p.name for p in (small.root / "content/notices/hexi").iterdir())
    result = small.cli("import", str(path), "--item", "低保审核", "--township", "河西镇")
    assert result.code == 1
    assert "工作表「Sheet」B2 单元格的号码是按「数字」保存的" in result.err
    assert "「文本」格式" in result.err and "Traceback" not in result.text
    assert sorted(p.name for p in (small.root / "content/notices/hexi").iterdir()) == before


def test_a_roster_goes_into_a_notice_before_its_signoff(small: TestProject, tmp_path: Path):
    notice = _import(small, officedocs.tongzhi(tmp_path, TODAY))
    roster = officedocs.roster_csv(tmp_path)
    result = small.cli("import", str(roster.path), "--into", notice.notice_id)
    assert result.code == 0, result.text
    assert f"已把 名单.csv 的表格加到 {notice.rel}" in result.out
    text = (small.root / notice.rel).read_text(encoding="utf-8")
    assert text.index("| 姓名 | 村 | 人口 | 金额 |") < text.index("河西镇人民政府\n" +
                                                                officedocs.cn_date(TODAY))
    assert small.check().code == 0


# -- legacy .doc/.wps ----------------------------------------------------------------------------
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed "
                    "(apt-get install libreoffice-writer-nogui)")
def test_a_doc_file_is_converted_by_libreoffice(small: TestProject, tmp_path: Path):
    source = officedocs.tongzhi(tmp_path, TODAY)
    out = tmp_path / "doc"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "doc", "--outdir", str(out), str(source.path)],
                   capture_output=True, timeout=180, check=True)
    source.path = out / "低保复核通知.doc"
    assert source.path.is_file()
    imported = _import(small, source)
    assert imported.result.code == 0, imported.result.text
    text = (small.root / imported.rel).read_text(encoding="utf-8")
    assert "文号: 河政〔2026〕8号" in text and "入户调查，核实家庭收入和财产。" in text


def test_without_libreoffice_a_doc_file_is_explained(small: TestProject, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # a machine without LibreOffice
    doc = tmp_path / "旧通知.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    result = small.cli("import", str(doc), "--item", "低保审核", "--township", "河西镇")
    assert result.code == 1
    assert "「另存为」Word 文档（.docx）后再导入" in result.err
    assert "libreoffice-writer-nogui" in result.err
    assert not list((small.root / "content/notices").rglob("*-图*"))


def test_other_files_are_refused_with_what_can_be_imported(small: TestProject, tmp_path: Path):
    pdf = tmp_path / "通知.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    result = small.cli("import", str(pdf), "--item", "低保审核", "--township", "河西镇")
    assert result.code == 1 and "不能导入" in result.err and ".docx" in result.err
    missing = small.cli("import", str(tmp_path / "没有.docx"), "--item", "低保审核")
    assert missing.code == 1 and "找不到文件" in missing.err
    no_item = small.cli("import", str(pdf.with_suffix(".docx")), "--township", "河西镇")
    assert no_item.code == 1


# -- items by name -------------------------------------------------------------------------------
def test_items_are_listed_and_found_by_name(small: TestProject):
    everything = small.cli("items")
    assert everything.code == 0
    assert "shjz-dbsh  最低生活保障 / 审核信息  〔结果公开〕 领域：社会救助  层级：乡级、村级" in everything.out
    low = small.cli("items", "低保")
    assert low.code == 0 and low.out.count("\n") == 1 and "shjz-dbsh" in low.out
    welfare = small.cli("items", "社会救助")
    assert welfare.out.count("\n") == 3
    none = small.cli("items", "宅基地")
    assert none.code == 1 and "没有名称、领域或类别含“宅基地”的事项" in none.err


def test_new_accepts_an_item_by_name_and_lists_several(small: TestProject):
    by_name = small.cli("new", "--item", "审核信息", "--township", "河西镇")
    assert by_name.code == 0, by_name.text
    several = small.cli("new", "--item", "社会救助", "--township", "hexi")
    assert several.code == 1
    assert "“社会救助”对应多个事项" in several.err
    assert "shjz-dbsh 最低生活保障 / 审核信息（社会救助，结果公开）" in several.err
    assert "shjz-ys 个案信息 / 个人救助档案（社会救助，管理公开）" in several.err
    typo = small.cli("new", "--item", "shjz-dbs", "--township", "hexi")
    assert typo.code == 1
    assert "是不是下面的事项" in typo.err
    assert "shjz-dbsh 最低生活保障 / 审核信息（社会救助，结果公开）" in typo.err


def test_a_typo_in_a_notice_names_the_item_and_its_category(small: TestProject):
    small.edit("content/notices/hexi/2025-0002.md", "事项: shjz-dbsh", "事项: shjz-dbs")
    result = small.check()
    assert result.code == 1
    assert "是不是想写：shjz-dbsh 最低生活保障 / 审核信息（社会救助，结果公开）" in result.err


def test_the_catalog_and_item_pages_show_the_item_id_for_staff(word_site):
    project, _ = word_site
    row = next(tr for tr in project.html("catalog/").select("table.sb-catalog tbody tr")
               if "审核信息" in tr.get_text())
    assert row.select_one("small.sb-item-id").get_text() == "shjz-dbsh"
    item = project.html("i/shjz-dbsh/")
    assert item.select_one(".sb-meta small.sb-item-id").get_text() == "shjz-dbsh"


def test_a_number_in_a_merged_table_is_masked_as_html_shows_it(small: TestProject,
                                                               tmp_path: Path):
    from docx import Document

    doc = Document()
    doc.add_heading("河西镇临时救助对象公示", 0)
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "临时救助对象"
    table.cell(1, 0).text, table.cell(1, 1).text = "姓名", "联系电话"
    table.cell(2, 0).text, table.cell(2, 1).text = "王某某", "13812345678"
    officedocs._signoff(doc, "河西镇人民政府", officedocs.cn_date(TODAY))
    doc.save(tmp_path / "临时救助.docx")
    source = officedocs.Source(tmp_path / "临时救助.docx", [], mask=True)
    imported = _import(small, source)
    assert imported.result.code == 0, imported.result.text
    assert "<td>138****5678</td>" in (small.root / imported.rel).read_text(encoding="utf-8")
    assert small.build().code == 0
    cells = [td.get_text() for td in small.html(f"n/{imported.notice_id}/").select("article td")]
    assert "138****5678" in cells


def test_suggestions_prefer_items_of_the_notices_level(small: TestProject):
    from site_builder.importer.names import load_catalog
    from site_builder.model import lookup
    from site_builder.pipeline import Project

    catalog = load_catalog(Project.at(small.root))
    county = [i.id for i in lookup.suggest_items(catalog.items, "shjz-ds", "县级")]
    village = [i.id for i in lookup.suggest_items(catalog.items, "shjz-ds", "村级")]
    assert village[0] == "shjz-dbsh"  # the only 村级 item comes first for a village notice
    assert county[0] != "shjz-dbsh" and "shjz-dbsh" in county
