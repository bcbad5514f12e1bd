"""Feeds, sitemap and open-data exports, read back with real parsers (feedparser, the csv module,
openpyxl) from real builds of the small fixture."""

from __future__ import annotations

import csv
import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import openpyxl
from conftest import TestProject

BASE = "https://gk.example.gov.cn/"
FEEDS = {"feed.xml", "c/juece/feed.xml", "c/zhixing/feed.xml", "c/guanli/feed.xml",
         "c/fuwu/feed.xml", "c/jieguo/feed.xml", "d/shjz/feed.xml", "d/ylfw/feed.xml",
         "t/hexi/feed.xml", "t/nanmen/feed.xml", "t/shanyang/feed.xml",
         "t/hexi/dongcun/feed.xml", "t/hexi/xicun/feed.xml", "t/nanmen/nanmen/feed.xml"}
WITHHELD = ("山阳乡低保家庭经济状况核对报告（内部）", "2025-0005")
ON_REQUEST_BODY = "依申请正文标记句"


def site_file(site: Path, url: str) -> Path:
    """The file of the built site that an absolute URL of the site names."""
    assert url.startswith(BASE), url
    path = url.removeprefix(BASE)
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def notices_json(project: TestProject) -> dict:
    return json.loads((project.site / "data/notices.json").read_text(encoding="utf-8"))


# -- feeds ---------------------------------------------------------------------------------------
def test_every_feed_parses_as_atom_and_every_link_resolves(small_site: TestProject):
    found = {p.relative_to(small_site.site).as_posix() for p in small_site.site.rglob("feed.xml")}
    assert found == FEEDS
    for path in sorted(FEEDS):
        parsed = feedparser.parse((small_site.site / path).read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        assert parsed.feed.id == BASE + path
        assert site_file(small_site.site, parsed.feed.link).is_file(), path
        self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
        assert self_links == [BASE + path]
        for entry in parsed.entries:
            assert entry.id == entry.link
            assert site_file(small_site.site, entry.link).is_file(), (path, entry.link)


def test_feed_entries_carry_the_metadata_newest_first(small_site: TestProject):
    parsed = feedparser.parse((small_site.site / "feed.xml").read_bytes())
    records = notices_json(small_site)["notices"]
    assert [e.link for e in parsed.entries] == [r["url"] for r in records]  # all 6, newest first
    entry = next(e for e in parsed.entries if e.link.endswith("/n/2025-0002/"))
    assert entry.title == "河西镇东村2025年第二季度低保审核对象公示"
    assert entry.author == "河西镇人民政府"
    assert entry.published.startswith("2025-06-23T00:00:00+08:00")
    labels = {t.label for t in entry.tags}
    assert {"结果公开", "社会救助", "河西镇", "东村", "主动公开"} <= labels
    for text in ("索引号", "TESTORG001/2025-0002", "文号", "公开属性", "五公开类别"):
        assert text in entry.content[0].value
    village = feedparser.parse((small_site.site / "t/hexi/dongcun/feed.xml").read_bytes())
    assert [e.link for e in village.entries] == [BASE + "n/2025-0002/"]
    assert feedparser.parse((small_site.site / "t/nanmen/feed.xml").read_bytes()).entries == []


def test_on_request_entries_have_metadata_only_and_withheld_none(small_site: TestProject):
    for path in FEEDS:
        text = (small_site.site / path).read_text(encoding="utf-8")
        assert ON_REQUEST_BODY not in text and "档案目录.txt" not in text
        assert not any(w in text for w in WITHHELD), path
    parsed = feedparser.parse((small_site.site / "feed.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.link.endswith("/n/2025-0004/"))
    assert "依申请公开" in {t.label for t in entry.tags}
    assert "网上只公开目录信息" in entry.content[0].value
    assert "山阳乡人民政府" in entry.content[0].value


def test_a_feed_holds_the_newest_fifty(small: TestProject):
    for number in range(1, 56):
        small.notice(f"hexi/feed-{number}.md", f"""
id: 2026-{number:04d}
标题: 订阅测试第{number}号
事项: ylfw-zn
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: 2026-01-01
发布日期: 2026-{1 + number // 28:02d}-{1 + number % 28:02d}
公开属性: 主动公开
""")
    assert small.build().code == 0
    parsed = feedparser.parse((small.site / "t/hexi/feed.xml").read_bytes())
    assert len(parsed.entries) == 50
    dates = [e.published for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert parsed.entries[0].title == "订阅测试第55号"


def test_listing_pages_link_their_feed(small_site: TestProject):
    for page, feed in (("c/jieguo/", "c/jieguo/feed.xml"), ("t/hexi/dongcun/",
                                                             "t/hexi/dongcun/feed.xml"),
                       ("d/shjz/", "d/shjz/feed.xml"), ("", "feed.xml")):
        soup = small_site.html(page)
        alternate = soup.select_one('link[rel="alternate"][type="application/atom+xml"]')
        target = (small_site.site / page / alternate["href"]).resolve()
        assert target == (small_site.site / feed).resolve(), page
        visible = soup.select_one(".sb-feed a")
        assert visible.get_text() == "订阅本栏目（Atom）"
        assert (small_site.site / page / visible["href"]).resolve() == target
    notice = small_site.html("n/2025-0002/")
    alternate = notice.select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert (small_site.site / "n/2025-0002" / alternate["href"]).resolve() == \
        (small_site.site / "feed.xml").resolve()


# -- sitemap -------------------------------------------------------------------------------------
def sitemap_urls(data: bytes) -> list[str]:
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return [loc.text for loc in ET.fromstring(data).iter(f"{ns}loc")]


def test_sitemap_lists_published_pages_only(small: TestProject):
    small.edit("catalog.yaml", "设置:\n", "迁移:\n  - {原网址: /n/2023-0098/, 新网址: /n/2025-0001/}\n"
               "撤回:\n  - {网址: /n/2023-0099/, 日期: 2025-10-08, 说明: 已废止}\n设置:\n")
    manifest = small.root / "published-urls.txt"  # printed before (only those may be declared)
    old = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
    manifest.write_text(old + "/n/2023-0098/\n/n/2023-0099/\n", encoding="utf-8")
    assert small.build("--strict").code == 0
    assert (small.site / "n/2023-0098/index.html").is_file()  # the redirect page exists …
    data = (small.site / "sitemap.xml").read_bytes()
    listed = sitemap_urls(data)
    assert BASE + "n/2023-0098/" not in listed and BASE + "n/2023-0099/" not in listed  # … unlisted
    assert len(listed) == len(set(listed))
    for url in listed:
        assert site_file(small.site, url).is_file(), url
    pages = {p.parent.relative_to(small.site).as_posix() for p in small.site.rglob("index.html")}
    expected = {("" if p == "." else p + "/") for p in pages} - {"n/2023-0098/", "n/2023-0099/"}
    assert {u.removeprefix(BASE) for u in listed} == expected
    assert BASE + "n/2025-0002/" in listed and BASE + "data/" in listed
    assert gzip.decompress((small.site / "sitemap.xml.gz").read_bytes()) == data
    assert "<lastmod>2025-06-23</lastmod>" in data.decode()


# -- exports -------------------------------------------------------------------------------------
def test_csv_and_xlsx_have_one_row_per_published_notice(small_site: TestProject):
    data = notices_json(small_site)
    records = data["notices"]
    assert data["count"] == len(records) == 6
    raw = (small_site.site / "data/notices.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    with (small_site.site / "data/notices.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(records)
    assert list(rows[0]) == list(records[0])  # the same fields, in the same order
    for row, record in zip(rows, records, strict=True):
        assert row == {k: "" if v is None else str(v) for k, v in record.items()}
    sheet = openpyxl.load_workbook(small_site.site / "data/notices.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == tuple(records[0])
    assert len(values) - 1 == len(records)
    assert [v[0] for v in values[1:]] == [r["id"] for r in records]
    assert values[1][list(records[0]).index("title")] == records[0]["title"]


def test_catalog_xlsx_is_the_catalog_table(small_site: TestProject):
    catalog = json.loads((small_site.site / "data/catalog.json").read_text(encoding="utf-8"))
    sheet = openpyxl.load_workbook(small_site.site / "data/catalog.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "所属领域", "公开事项") and rows[1][2:4] == ("一级事项", "二级事项")
    items = rows[2:]
    assert len(items) == len(catalog["items"])
    by_seq = {str(i["序号"]): i for i in catalog["items"]}
    for row in items:
        item = by_seq[row[0]]
        assert (row[2], row[3], row[4]) == (item["一级事项"], item["二级事项"], item["公开内容"])
        assert row[16] == item["五公开"] and row[17] == str(item["notice_count"])
    page_rows = small_site.html("catalog/").select("table.sb-catalog tbody tr")
    assert len(page_rows) == len(items)


def test_exports_hold_nothing_withheld_and_no_on_request_body(small_site: TestProject):
    texts = [(small_site.site / "data/notices.csv").read_text(encoding="utf-8-sig")]
    for name in ("notices.xlsx", "catalog.xlsx"):
        book = openpyxl.load_workbook(small_site.site / "data" / name)
        texts.append(" ".join(str(v) for ws in book for row in ws.iter_rows(values_only=True)
                              for v in row if v is not None))
    for text in texts:
        assert not any(w in text for w in WITHHELD)
        assert ON_REQUEST_BODY not in text
    assert "山阳乡个人救助档案查阅目录" in texts[0]  # on request: listed by its metadata


def test_spreadsheets_are_the_same_bytes_on_a_rebuild(small: TestProject):
    names = ("data/notices.xlsx", "data/catalog.xlsx", "data/notices.csv", "feed.xml",
             "t/hexi/feed.xml", "sitemap.xml.gz")
    assert small.build().code == 0
    first = {name: (small.site / name).read_bytes() for name in names}
    assert small.build().code == 0
    for name in names:
        assert (small.site / name).read_bytes() == first[name], name


def test_formula_like_text_stays_text_in_the_xlsx(small: TestProject):
    small.edit("content/notices/hexi/2025-0002.md", "标题: 河西镇东村",
               "标题: =HYPERLINK(\"x\")河西镇东村")
    assert small.build().code == 0
    sheet = openpyxl.load_workbook(small.site / "data/notices.xlsx").active
    cells = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYPER")]
    assert cells and all(c.data_type == "s" for c in cells)


# -- the 开放数据 page ---------------------------------------------------------------------------
def test_open_data_page_explains_every_file_field_and_feed(small_site: TestProject):
    page = small_site.html("data/")
    assert page.select_one("h1").get_text(strip=True) == "开放数据"
    hrefs = {a["href"] for a in page.select(".md-content a[href]")}
    for name in ("notices.xlsx", "notices.csv", "notices.json", "catalog.xlsx",
                 "catalog.json", "../feed.xml", "../sitemap.xml"):
        assert name in hrefs, name
        assert (small_site.site / "data" / name).resolve().is_file()
    fields = {code.get_text() for code in page.select("td code")}
    assert fields == set(notices_json(small_site)["notices"][0])
    feeds = {(small_site.site / "data" / a["href"]).resolve()
             for a in page.select("#feeds ~ div a[href$='feed.xml']")}
    assert feeds == {(small_site.site / f).resolve() for f in FEEDS}
    xxgk = small_site.html("xxgk/")
    assert "../data/" in {a["href"] for a in xxgk.select(".sb-tiles a")}

