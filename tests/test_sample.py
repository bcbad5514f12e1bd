"""The bundled sample county (望川县) is complete and builds strictly."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE_WARNINGS, TestProject

from site_builder.base import vocab
from site_builder.pipeline import Project, read_and_check


@pytest.fixture(scope="module")
def model():
    site, problems = read_and_check(Project.at(REPO), cache=False)  # writes nothing into it
    assert site is not None, "\n".join(p.format() for p in problems)
    # No warnings but the two the sample shows on purpose (a late notice, a 规范性文件 without
    # 解读: issue 14); the only note is the compliance summary, whose counts depend on today.
    report = "\n".join(p.format() for p in problems)
    assert sorted(f"{p.file}:{p.line}（第" for p in problems.warnings) == SAMPLE_WARNINGS, report
    assert [p.message.split("（")[0] for p in problems.notes] in ([], ["公开情况"]), report
    return site


def test_townships_kinds_and_villages(model):
    assert len(model.townships) >= 8
    assert {t.kind for t in model.townships} == {"镇", "乡", "街道"}
    assert sum(1 for t in model.townships if t.villages) >= 4


def test_domains_and_full_catalogs(model):
    names = {d.name for d in model.domains}
    assert {"养老服务", "社会救助"} <= names and len(names) >= 5
    by_domain = Counter(i.domain_id for i in model.items)
    assert by_domain["ylfw"] >= 8 and by_domain["shjz"] >= 10
    assert all(vocab.LEVELS[2] not in i.levels for i in model.items if i.domain_id == "ylfw")


def test_notices_cover_categories_townships_years(model):
    assert len(model.notices) >= 120
    assert {n.category for n in model.notices} == {c.name for c in vocab.CATEGORIES}
    assert {n.township_id for n in model.notices if n.township_id} == {
        t.id for t in model.townships}
    assert len({n.published.year for n in model.notices}) >= 2
    assert any(n.village_id for n in model.notices)
    assert any(not n.township_id for n in model.notices)


def test_no_empty_column(model):
    """空白栏目 fail the national inspection: every category, domain, item, township and village
    of the sample has at least one published notice."""
    have = {(n.township_id, n.village_id) for n in model.notices}
    empty = [f"{t.name} · {v.name}" for t in model.townships for v in t.villages
             if (t.id, v.id) not in have]
    assert empty == []
    assert {i.id for i in model.items} == {n.item_id for n in model.notices}
    assert {d.id for d in model.domains} == {n.domain_id for n in model.notices}


def test_required_kinds_of_notice(model):
    assert any(n.interprets for n in model.notices), "a policy with its 解读"
    assert any("征求意见" in n.title for n in model.notices)
    assert any(n.on_request for n in model.notices)
    assert model.withheld >= 1
    masked = re.compile(r"\d{2}\*{10,}\d{2}[\dXx]|1[3-9]\d\*{4}\d{4}")
    assert any(masked.search(n.body) for n in model.notices if "公示" in n.title)


def test_sample_builds_strict_without_the_withheld_document(sample_site: TestProject):
    notices = json.loads((sample_site.site / "data/notices.json").read_text(encoding="utf-8"))
    ids = {r["id"] for r in notices["notices"]}
    withheld = [p for p in (REPO / "content").rglob("*.md")
                if re.search(r"^公开属性:\s*不予公开", p.read_text(encoding="utf-8"), re.M)]
    assert withheld
    for path in withheld:
        text = path.read_text(encoding="utf-8")
        notice_id = re.search(r"^id:\s*(\S+)", text, re.M).group(1)
        title = re.search(r"^标题:\s*(.+)$", text, re.M).group(1).strip()
        assert notice_id not in ids
        assert not (sample_site.site / "n" / notice_id).exists()
        for html in sample_site.site.rglob("*.html"):
            assert title not in html.read_text(encoding="utf-8"), html


def test_every_page_kind_is_built(sample_site: TestProject):
    for path in ("", "catalog/", "xxgk/", "c/jieguo/", "d/shjz/", "t/chengguan/",
                 "t/chengguan/dongmen/", "i/shjz-dbsh/"):
        assert (Path(sample_site.site) / path / "index.html").is_file(), path


def test_committed_url_manifest_is_current(sample_site: TestProject):
    """Building the sample adds no URL: published-urls.txt in the repo is up to date (commit it
    after adding sample pages)."""
    built = (sample_site.root / "published-urls.txt").read_text(encoding="utf-8")
    assert built == (REPO / "published-urls.txt").read_text(encoding="utf-8")


def test_guide_pages_promise_only_what_a_static_site_has(sample_site: TestProject):
    """No online form exists: applications go by letter, fax, e-mail or in person with the
    downloadable form; the guide's 数据下载 links the open-data files."""
    for path in sample_site.site.glob("xxgk/*/index.html"):
        text = path.read_text(encoding="utf-8")
        assert "在线填写" not in text and "填写在线申请表" not in text, path
    guide = sample_site.html("xxgk/zhinan/")
    hrefs = {a["href"] for a in guide.select(".sb-body a")}
    assert {"../../data/notices.json", "../../data/catalog.json"} <= hrefs
    form = "政府信息公开申请表.docx"
    application = sample_site.html("xxgk/ysqgk/")
    assert form in {a["href"] for a in application.select(".sb-body a")}
    assert (sample_site.site / "xxgk/ysqgk" / form).is_file()
    assert "zwgk@wangchuan.gov.cn" in application.select_one(".sb-body").get_text()


def test_issue14_examples(model):
    """The sample shows what the compliance report finds (issue 14): an open and a closed
    征求意见 (the closed one with its 采纳情况), 规范性文件 with and without 解读, an expired
    one, a 公示 with its linked result, and the 2025 年报 embeds table one."""
    by_id = model.notice_by_id
    consultations = [n for n in model.notices if n.doc_kind == "征求意见"]
    assert {n.id for n in consultations} == {"2025-0504", "2026-0801"}
    assert [a.id for a in model.adoptions["2025-0504"]] == ["2025-0507"]
    assert by_id["2026-0801"].deadline.isoformat() == "2026-12-20"
    normative = {n.id for n in model.notices if n.doc_kind == "规范性文件"}
    assert "2026-0305" in normative and "2026-0305" not in model.interpretations
    assert model.repeal_dates == {"2024-0401": by_id["2024-0401"].repealed}
    assert [r.id for r in model.results["2026-0619"]] == ["2026-0803"]
    assert "{{年报表格 2025}}" in (REPO / "content/pages/nianbao-2025.md").read_text("utf-8")
