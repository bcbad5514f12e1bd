"""`site-builder catalog export/import`: the standard catalog as the Excel annex counties
circulate, and back into catalog.yaml (read with openpyxl, checked with site-builder check)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from conftest import TestProject

from site_builder.importer.names import load_catalog
from site_builder.pipeline import Project


def _items(project: TestProject) -> dict[str, tuple]:
    catalog = load_catalog(Project.at(project.root))
    return {i.id: (i.domain_id, i.level1, i.level2, i.content, [str(b) for b in i.bases],
                   i.time_limit, i.subject, i.channels, i.other_channels, i.audiences,
                   i.methods, i.levels, i.category) for i in catalog.items}


def test_export_writes_every_column_one_sheet_per_domain_for_a4_landscape(small: TestProject,
                                                                          tmp_path: Path):
    path = tmp_path / "目录.xlsx"
    result = small.cli("catalog", "export", str(path))
    assert result.code == 0, result.text
    assert "2 个领域、5 个事项" in result.out
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["社会救助", "养老服务"]
    ws = book["社会救助"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$2:$3"
    assert "社会救助领域基层政务公开标准目录" in ws["A1"].value
    head = [c.value for c in ws[2]]
    for column in ("序号", "事项编号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限",
                   "公开主体", "公开渠道和载体", "公开对象", "公开方式", "公开层级", "五公开类别"):
        assert column in head
    assert [c.value for c in ws[3]][9:16] == ["全社会", "特定群体", "主动公开", "依申请公开", "县级",
                                             "乡级", "村级"]
    row = next(r for r in ws.iter_rows(min_row=4, values_only=True) if r[1] == "shjz-dbsh")
    assert row[2:4] == ("最低生活保障", "审核信息")
    assert "《最低生活保障审核确认办法》（民发〔2021〕57号）" in row[5]
    assert row[13:16] == (None, "√", "√") and row[16] == "结果公开"


def test_an_unchanged_workbook_reads_back_to_the_same_items(small: TestProject, tmp_path: Path):
    before = _items(small)
    path = tmp_path / "目录.xlsx"
    assert small.cli("catalog", "export", str(path)).code == 0
    result = small.cli("catalog", "import", str(path))
    assert result.code == 0, result.text
    assert _items(small) == before
    assert (small.root / "catalog.yaml.bak").is_file()
    assert "站点:" in (small.root / "catalog.yaml").read_text(encoding="utf-8")
    assert small.check().code == 0


def test_edited_rows_and_a_new_row_are_read_with_stable_and_new_ids(small: TestProject,
                                                                    tmp_path: Path):
    path = tmp_path / "目录.xlsx"
    assert small.cli("catalog", "export", str(path)).code == 0
    book = openpyxl.load_workbook(path)
    ws = book["社会救助"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "shjz-dbsh")
    row[4].value = "低保初审对象名单（含家庭人口）"
    ws.append([9, None, "特困人员救助供养", "审核信息", "特困人员初审对象名单",
               "《特困人员认定办法》（民发〔2021〕43号）", "审核结束后10个工作日内，公示期7个工作日",
               "乡镇人民政府（街道办事处）", "政府网站、其他（村务公开栏）",
               "√", None, "√", None, None, "√", "√", "结果公开"])
    book.save(path)
    result = small.cli("catalog", "import", str(path))
    assert result.code == 0, result.text
    items = _items(small)
    assert items["shjz-dbsh"][3] == "低保初审对象名单（含家庭人口）"
    new = [i for i in items if i not in ("shjz-zc", "shjz-dbsh", "shjz-ys", "ylfw-zn", "ylfw-jz")]
    assert new == ["shjz-tksh"] and "shjz-tksh" in result.out
    limit = items["shjz-tksh"][5]
    assert (limit.kind, limit.days, limit.notice_days) == ("工作日", 10, 7)
    assert items["shjz-tksh"][7:9] == (["政府网站", "其他"], "村务公开栏")
    assert small.check().code == 0
    listed = small.cli("items", "特困").out
    assert "shjz-tksh  特困人员救助供养 / 审核信息" in listed


def test_conflicts_are_reported_with_the_row_and_nothing_changes(small: TestProject,
                                                                  tmp_path: Path):
    path = tmp_path / "目录.xlsx"
    assert small.cli("catalog", "export", str(path)).code == 0
    before = (small.root / "catalog.yaml").read_bytes()
    book = openpyxl.load_workbook(path)
    ws = book["社会救助"]
    rows = list(ws.iter_rows(min_row=4))
    rows[1][1].value = rows[0][1].value  # the second row takes the first row's id
    rows[2][8].value = "微信群"
    book.create_sheet("宅基地")
    book.save(path)
    result = small.cli("catalog", "import", str(path))
    assert result.code == 1
    assert f"工作表「社会救助」第 5 行：事项编号 {rows[0][1].value} 和工作表「社会救助」第 4 行重复" in result.err
    assert "工作表「社会救助」第 6 行：「公开渠道和载体」的“微信群”不是可选值" in result.err
    assert "工作表「宅基地」不是 catalog.yaml 中的领域" in result.err
    assert "catalog.yaml 没有改动" in result.err
    assert (small.root / "catalog.yaml").read_bytes() == before
