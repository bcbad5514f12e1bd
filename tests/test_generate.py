"""The generated site, as a citizen sees it: pages, listings, metadata, links, open data."""

from __future__ import annotations

import json
import re

import pytest
from conftest import TestProject, serve


def texts(soup, selector: str) -> list[str]:
    return [el.get_text(" ", strip=True) for el in soup.select(selector)]


def test_home_shows_five_disclosures_domains_townships_latest_and_xxgk(small_site: TestProject):
    home = small_site.html("")
    tiles = " ".join(texts(home, ".sb-tiles a"))
    for name in ("决策公开", "执行公开", "管理公开", "服务公开", "结果公开", "社会救助", "养老服务",
                 "河西镇", "南门街道", "山阳乡", "政府信息公开指南", "依申请公开", "标准目录"):
        assert name in tiles
    latest = texts(home, ".sb-list li")
    assert latest[0].startswith("山阳乡个人救助档案查阅目录")  # newest first
    assert "2025-08-05" in latest[0] and "依申请公开" in latest[0]
    assert latest[1].startswith("河西镇老年人补贴申领指南")
    assert home.find("html")["lang"].startswith("zh")


def test_category_listing_newest_first_with_date_publisher_township(small_site: TestProject):
    page = small_site.html("c/jieguo/")
    rows = texts(page, ".sb-list li")
    assert rows[0].startswith("河西镇东村2025年第二季度低保审核对象公示")
    assert "2025-06-23" in rows[0] and "河西镇人民政府" in rows[0] and "河西镇 · 东村" in rows[0]
    # the notice whose item is 执行公开 but overrides to 结果公开 is listed here, not there
    assert any("第一季度养老服务工作进展" in r for r in rows)
    assert not any("第一季度养老服务工作进展" in r for r in texts(small_site.html("c/zhixing/"),
                                                                 ".sb-list li"))


def test_township_page_lists_villages_and_notices(small_site: TestProject):
    page = small_site.html("t/hexi/")
    assert [a.get_text(" ", strip=True).split()[0] for a in page.select(".sb-tiles a")] == [
        "东村", "西村"]
    assert len(page.select(".sb-list li")) == 2
    village = small_site.html("t/hexi/dongcun/")
    assert texts(village, ".sb-list li .sb-list__title") == ["河西镇东村2025年第二季度低保审核对象公示"]


def test_notice_page_metadata_block_body_and_attachment(small_site: TestProject):
    page = small_site.html("n/2025-0002/")
    meta = dict(zip(texts(page, ".sb-meta dt"), texts(page, ".sb-meta dd"), strict=True))
    assert meta["索引号"] == "TESTORG001/2025-0002"
    assert meta["分类"] == "社会救助 / 最低生活保障 / 审核信息"
    assert meta["发布机构"] == "河西镇人民政府"
    assert meta["成文日期"] == "2025年06月20日"
    assert meta["发布日期"] == "2025年06月23日"
    assert meta["文号"] == "无"
    assert meta["公开属性"] == "主动公开"
    assert meta["所属事项"] == "最低生活保障 / 审核信息"
    assert meta["五公开类别"] == "结果公开"
    assert meta["乡镇"] == "河西镇 · 东村"
    assert "拟纳入低保" in page.select_one(".sb-body").get_text()
    assert page.select_one(".sb-body table") is not None
    link = page.select_one(".sb-att a")
    assert link.get_text() == "东村低保审核对象名单"
    assert (small_site.site / "n/2025-0002/东村 公示名单.csv").read_text(encoding="utf-8")
    assert link["href"] == "%E4%B8%9C%E6%9D%91%20%E5%85%AC%E7%A4%BA%E5%90%8D%E5%8D%95.csv"


def test_body_image_is_copied_beside_the_notice(small_site: TestProject):
    page = small_site.html("n/2025-0001/")
    assert page.select_one(".sb-body img")["src"] == "meal.png"
    assert (small_site.site / "n/2025-0001/meal.png").is_file()


def test_policy_and_interpretation_link_both_ways(small_site: TestProject):
    policy = small_site.html("n/2024-0001/")
    assert "相关解读" in policy.select_one(".sb-related").get_text()
    assert policy.select_one(".sb-related a")["href"] == "../2024-0002/"
    reading = small_site.html("n/2024-0002/")
    assert reading.select_one(".sb-related a")["href"] == "../2024-0001/"


def test_on_request_notice_shows_metadata_and_guide_not_body(small_site: TestProject):
    listing = texts(small_site.html("t/shanyang/"), ".sb-list li")
    assert any("个人救助档案查阅目录" in r and "依申请公开" in r for r in listing)
    page = small_site.html("n/2025-0004/")
    assert texts(page, ".sb-meta dd")[7] == "依申请公开"
    assert "依申请正文标记句" not in page.get_text()
    guide = page.select_one(".sb-on-request a")
    assert guide["href"] == "../../xxgk/ysqgk/"
    assert not (small_site.site / "n/2025-0004/档案目录.txt").exists()


def test_withheld_notice_appears_nowhere(small_site: TestProject):
    assert not (small_site.site / "n/2025-0005").exists()
    for path in small_site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".txt", ".csv"):
            text = path.read_text(encoding="utf-8", errors="ignore")
            for needle in ("核对报告（内部）", "不予公开正文标记句", "核对报告原件", "2025-0005"):
                assert needle not in text, f"{needle} leaked into {path}"


def test_catalog_page_has_every_column_and_links_items(small_site: TestProject):
    page = small_site.html("catalog/")
    head = " ".join(texts(page, "table.sb-catalog thead th"))
    for column in ("序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体",
                   "公开渠道和载体", "公开对象", "全社会", "特定群体", "公开方式", "主动公开",
                   "依申请公开", "公开层级", "县级", "乡级", "村级", "五公开类别", "已公开信息"):
        assert column in head
    row = next(tr for tr in page.select("table.sb-catalog tbody tr") if "审核信息" in tr.get_text())
    cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
    assert "《最低生活保障审核确认办法》（民发〔2021〕57号）" in cells
    assert "社区/企事业单位/村公示栏（电子屏）、政府网站" in cells
    assert "1 条 最近 2025-06-23" in cells[-1]
    assert row.select("a")[0]["href"] == "../i/shjz-dbsh/"
    other = next(tr for tr in page.select("table.sb-catalog tbody tr") if "个人救助档案" in tr.get_text())
    assert "其他（依申请向本人提供）" in other.get_text()


def test_item_page_shows_catalog_row_and_notices(small_site: TestProject):
    page = small_site.html("i/shjz-zc/")
    meta = dict(zip(texts(page, ".sb-meta dt"), texts(page, ".sb-meta dd"), strict=True))
    assert meta["公开时限"] == "制定或获取信息之日起10个工作日内"
    assert meta["公开层级"] == "县级"
    assert len(page.select(".sb-list li")) == 2


def test_urls_are_short_ascii_and_from_ids(small_site: TestProject):
    for path in small_site.site.rglob("index.html"):
        rel = path.parent.relative_to(small_site.site).as_posix()
        assert re.fullmatch(r"[a-z0-9/-]*|\.", rel), rel


def test_nav_lists_listing_pages_but_not_notices(small_site: TestProject):
    page = small_site.html("c/juece/")
    nav_links = [a.get("href", "") for a in page.select("nav.md-nav--primary a")]
    assert not any("/n/" in href or href.startswith("../../n/") for href in nav_links)
    nav_text = " ".join(texts(page, "nav.md-nav--primary"))
    for name in ("五公开", "重点领域", "乡镇（街道）", "标准目录", "信息公开"):
        assert name in nav_text


def test_footer_shows_site_identity(small_site: TestProject):
    footer = small_site.html("n/2024-0001/").select_one(".sb-footer").get_text(" ", strip=True)
    for value in ("测试县人民政府办公室", "测试县府前路1号", "0571-1234567", "gk@example.gov.cn",
                  "1234567890", "测ICP备00000001号", "测公网安备 00000000000001号"):
        assert value in footer


def test_no_request_to_any_other_host(small_site: TestProject):
    """Scripts, styles, images, fonts, frames: all from the site itself (canonical links excepted:
    the browser does not fetch them)."""
    external = re.compile(r"(?:https?:)?//", re.IGNORECASE)
    for path in small_site.site.rglob("*.html"):
        soup = small_site.html(path.relative_to(small_site.site).as_posix())
        for tag in soup.find_all(["script", "img", "iframe", "source", "audio", "video", "embed"]):
            assert not external.match(tag.get("src", "")), (path, tag)
        for tag in soup.find_all("link"):
            if set(tag.get("rel", [])) & {"canonical", "alternate"}:  # alternate: the feeds
                assert tag["href"].startswith("https://gk.example.gov.cn/") or \
                    not external.match(tag["href"]), (path, tag)
            else:
                assert not external.match(tag.get("href", "")), (path, tag)
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")
    for css in small_site.site.rglob("*.css"):
        assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", css.read_text(encoding="utf-8")), css


def test_open_data_files_are_complete(small_site: TestProject):
    notices = json.loads((small_site.site / "data/notices.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in notices["notices"]}
    assert set(records) == {"2024-0001", "2024-0002", "2025-0001", "2025-0002", "2025-0003",
                            "2025-0004"}
    r = records["2025-0002"]
    assert r["url"] == "https://gk.example.gov.cn/n/2025-0002/"
    assert (r["category"], r["domain"], r["township"], r["village"], r["item"]) == (
        "结果公开", "社会救助", "河西镇", "东村", "最低生活保障 / 审核信息")
    assert (r["发布日期"], r["成文日期"], r["文号"], r["发布机构"]) == (
        "2025-06-23", "2025-06-20", "", "河西镇人民政府")
    assert records["2024-0001"]["township"] is None
    catalog = json.loads((small_site.site / "data/catalog.json").read_text(encoding="utf-8"))
    assert catalog["categories"][0]["url"] == "https://gk.example.gov.cn/c/juece/"
    assert catalog["townships"][0]["villages"][0]["url"] == "https://gk.example.gov.cn/t/hexi/dongcun/"
    item = next(i for i in catalog["items"] if i["id"] == "shjz-dbsh")
    assert item["url"] == "https://gk.example.gov.cn/i/shjz-dbsh/"
    assert item["公开时限"] == {"原文": "审核结束后10个工作日内，公示期7个工作日", "类型": "工作日",
                            "天数": 10, "周期": None, "公示期": 7}
    assert item["notice_count"] == 1 and item["latest"] == "2025-06-23"


def test_listing_is_paginated(small: TestProject):
    for number in range(1, 26):
        small.notice(f"hexi/p{number:02d}.md", f"""
id: 2025-1{number:03d}
标题: 分页测试公示第{number}号
事项: shjz-dbsh
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: 2025-09-01
发布日期: 2025-09-{number:02d}
公开属性: 主动公开
""")
    result = small.build()
    assert result.code == 0, result.text
    first = small.html("t/hexi/")
    assert len(first.select(".sb-list li")) == 10
    assert texts(first, ".sb-list__title")[0] == "分页测试公示第25号"
    assert "第 1 页，共 3 页" in first.select_one(".sb-pages").get_text()
    third = small.html("t/hexi/page/3/")
    assert len(third.select(".sb-list li")) == 7
    assert third.select_one(".sb-pages__prev")["href"] == "../2/"
    years = texts(first, ".sb-years a")
    assert years == ["2025年（27）"] or years == []


@pytest.mark.parametrize("path", ["", "c/juece/", "d/shjz/", "t/hexi/", "t/hexi/dongcun/",
                                  "i/shjz-zc/", "catalog/", "xxgk/", "xxgk/zhinan/",
                                  "n/2024-0001/"])
def test_every_kind_of_page_exists(small_site: TestProject, path: str):
    assert (small_site.site / path / "index.html").is_file()


def test_rebuild_shows_edited_bodies_and_reuses_unchanged_ones(small: TestProject):
    """Bodies are cached between builds (.cache/); an edit must always show on the next build."""
    assert small.build().code == 0
    assert (small.root / ".cache/bodies.pickle").is_file()
    small.edit("content/notices/hexi/2025-0003.md", "申领条件：年满80周岁", "申领条件：年满75周岁")
    assert small.build().code == 0
    text = small.html("n/2025-0003/").select_one(".sb-body").get_text()
    assert "年满75周岁" in text and "年满80周岁" not in text
    assert "第一章 总则" in small.html("n/2024-0001/").select_one(".sb-body").get_text()


def test_build_through_a_symlinked_folder_still_leaves_out_withheld_files(small: TestProject,
                                                                          tmp_path):
    link = tmp_path / "via-link"
    link.symlink_to(small.root, target_is_directory=True)
    linked = TestProject(link)
    assert linked.build().code == 0, "build through a symlink failed"
    assert not (small.root / "site/n/2025-0005").exists()
    assert not list((small.root / "site").rglob("核对报告原件.txt"))


def nav_links(page) -> dict[str, str]:
    """Text → href of every link in the primary navigation (sidebar) of a built page."""
    return {a.get_text(" ", strip=True): a.get("href", "")
            for a in page.select("nav.md-nav--primary a.md-nav__link")}


def test_every_category_domain_and_township_is_a_nav_link(small_site: TestProject):
    """Material's navigation.indexes makes a section's first index page the section's own page:
    the sections open overview pages, so no category, domain or township drops out of the list."""
    links = nav_links(small_site.html("c/juece/"))
    assert links["决策公开"] == "./" and links["五公开"] == "../"
    catalog = json.loads((small_site.site / "data/catalog.json").read_text(encoding="utf-8"))
    sections = {"c/": [c["name"] for c in catalog["categories"]],
                "d/": [d["name"] for d in catalog["domains"]],
                "t/": [t["name"] for t in catalog["townships"]]}
    for overview, names in sections.items():
        links = nav_links(small_site.html(overview))
        for name in names:
            assert name in links, f"{name} is not a nav link on /{overview}: {sorted(links)}"
        # the section's own link opens the overview page
        section = {"c/": "五公开", "d/": "重点领域", "t/": "乡镇（街道）"}[overview]
        assert links[section] == "./", (section, links[section])


def test_first_township_without_villages_stays_in_the_nav(small: TestProject):
    small.edit("catalog.yaml", "  - id: shanyang\n    名称: 山阳乡\n    类型: 乡\n", "")
    small.edit("catalog.yaml", "乡镇:\n", "乡镇:\n  - id: shanyang\n    名称: 山阳乡\n    类型: 乡\n")
    assert small.build().code == 0
    links = nav_links(small.html("t/shanyang/"))
    assert links["山阳乡"] == "./" and links["乡镇（街道）"] == "../"
    assert {"河西镇", "南门街道"} <= set(links)


def test_overview_pages_list_every_entry_with_counts(small_site: TestProject):
    rows = {tr.find("td").get_text(strip=True): [td.get_text(" ", strip=True)
                                                 for td in tr.find_all("td")]
            for tr in small_site.html("c/").select(".sb-overview tbody tr")}
    assert list(rows) == ["决策公开", "执行公开", "管理公开", "服务公开", "结果公开"]
    assert rows["决策公开"][2:] == ["2 条", "2024-03-05"]
    assert rows["执行公开"][2:] == ["0 条", "暂无"]
    domains = small_site.html("d/").select(".sb-overview tbody tr")
    assert [td.get_text(strip=True) for td in domains[0].find_all("td")] == [
        "社会救助", "县民政局", "3 项", "4 条", "2025-08-05"]
    assert domains[0].find("a")["href"] == "shjz/"
    townships = small_site.html("t/")
    hexi = townships.select(".sb-overview tbody tr")[0]
    assert [a["href"] for a in hexi.find_all("a")] == ["hexi/", "hexi/dongcun/", "hexi/xicun/"]
    assert "东村（1）、西村（0）" in hexi.get_text()
    catalog = json.loads((small_site.site / "data/catalog.json").read_text(encoding="utf-8"))
    assert (catalog["categories_url"], catalog["domains_url"], catalog["townships_url"]) == (
        "https://gk.example.gov.cn/c/", "https://gk.example.gov.cn/d/",
        "https://gk.example.gov.cn/t/")
    manifest = (small_site.root / "published-urls.txt").read_text(encoding="utf-8").split("\n")
    for path in ("c/", "d/", "t/"):
        assert "/" + path in manifest
        assert (small_site.site / path / "qr.svg").is_file() and (small_site.site / path /
                                                                    "qr.png").is_file()
        qr = small_site.html(path).select_one(".sb-qr__url").get_text()
        assert qr == f"https://gk.example.gov.cn/{path}"


def test_catalog_and_item_page_show_the_same_time_limit_with_its_notice_period(small: TestProject):
    small.edit("catalog.yaml", "原文: 审核结束后10个工作日内，公示期7个工作日,", "原文: 审核结束后10个工作日内,")
    assert small.build().code == 0
    expected = "审核结束后10个工作日内；公示期 7 个工作日"
    item = small.html("i/shjz-dbsh/")
    meta = dict(zip(texts(item, ".sb-meta dt"), texts(item, ".sb-meta dd"), strict=True))
    assert meta["公开时限"] == expected
    row = next(tr for tr in small.html("catalog/").select("table.sb-catalog tbody tr")
               if "审核信息" in tr.get_text())
    assert expected in [td.get_text(strip=True) for td in row.find_all("td")]


def test_year_links_land_on_that_years_first_notice(small: TestProject):
    for number in range(1, 18):
        year, month = (2025, 9) if number <= 12 else (2024, 10)
        small.notice(f"hexi/y{number:02d}.md", f"""
id: {year}-2{number:03d}
标题: 按年份跳转测试{year}年第{number}号
事项: shjz-dbsh
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: {year}-{month:02d}-08
发布日期: {year}-{month:02d}-{number + 8:02d}
公开属性: 主动公开
""")
    result = small.build()  # the link check after the build also checks every #anchor
    assert result.code == 0, result.text
    first = small.html("t/hexi/")
    links = {a.get_text(): a["href"] for a in first.select(".sb-years a")}
    assert links == {"2025年（14）": "./#y2025", "2024年（5）": "page/2/#y2024"}
    second = small.html("t/hexi/page/2/")
    target = second.select_one("#y2024")
    assert target.name == "li" and target.select_one(".sb-list__title").get_text() == \
        "按年份跳转测试2024年第17号"
    rows = second.select(".sb-list li")
    at = rows.index(target)  # 2025's last notices come first on the page: the link skips them
    assert at == 4 and "2025-" in rows[at - 1].get_text() and second.select_one("#y2025")
    assert first.select_one("#y2025") is first.select_one(".sb-list li")


def test_body_links_to_site_paths_become_relative(small: TestProject):
    small.edit("content/pages/zhinan.md", "\n\n", "\n\n数据下载：[公开信息目录](/data/notices.json)、"
               "[标准目录](/data/catalog.json)；[社会救助事项](/catalog/#domain-shjz)。\n\n")
    result = small.build()  # the link check after the build resolves every one of them
    assert result.code == 0, result.text
    hrefs = {a.get_text(): a["href"] for a in small.html("xxgk/zhinan/").select(".sb-body a")}
    assert hrefs["公开信息目录"] == "../../data/notices.json"
    assert hrefs["标准目录"] == "../../data/catalog.json"
    assert hrefs["社会救助事项"] == "../../catalog/#domain-shjz"


def test_notice_page_layout_on_screen(sample_site: TestProject, browser):
    """A 名单公示 on a desktop screen: the text uses the width (no empty contents column), names
    and headers of its table are not broken between characters, no stray label in the header."""
    with serve(sample_site.site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "n/2026-0619/")
        assert page.locator(".md-sidebar--secondary").is_hidden()
        assert page.locator(".md-content").bounding_box()["width"] > 900
        cells = page.locator(".sb-body table td")
        name = next(cells.nth(i) for i in range(cells.count())
                    if cells.nth(i).inner_text().strip() == "金火根")
        lines = name.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e);"
                              " return new Set([...r.getClientRects()].map(x => x.top)).size; }")
        assert lines == 1  # 金火根 on one line, not 金火 / 根
        label = page.locator("label[for=sb-hsearch-q]").bounding_box()
        assert label is None or label["width"] <= 1  # for screen readers only
        page.close()


def test_relative_links_are_what_posixpath_relpath_gives():
    """urls.rel computes relative links without posixpath.relpath (issue 15: a tenth of page
    generation at 10,000 notices); for every pair of site paths it gives the same link."""
    import itertools
    import posixpath
    from urllib.parse import quote

    from site_builder.base import urls

    paths = ["", "n/2024-0001/", "n/2024-0001/附件 1.pdf", "n/2024-0001/a#b c", "..a/", "a../",
             "n/2024-0001/100%.pdf", "n/2024-0001/qr.png", "c/juece/",
             "c/juece/2/", "t/chengguan/", "t/chengguan/dongmen/", "t/chengguan/dongmen/3/",
             "search/", "404.html", "a", "a/b", "a/b/", "n/", "./x/", "a/../b/"]
    for source, target in itertools.product(paths, repeat=2):
        start = posixpath.dirname(source.rstrip("/") + "/x") if source else ""
        assert urls._relpath(target, start) == posixpath.relpath(target or ".", start or "."), \
            (source, target)
        relative = posixpath.relpath(target or ".", start or ".")  # rel as it was first written
        if target.endswith("/") or target == "":
            relative = relative.rstrip("/") + "/"
        expected = "./" if relative == "./" else quote(relative, safe="/#%:.-_~")
        assert urls.rel(source, target) == expected, (source, target)
