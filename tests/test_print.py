"""Printing as a township clerk and a citizen see it: PDFs rendered to images at 150 dpi, QR codes
read back from the paper image with zxing-cpp, text read with pdftotext."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TestProject, need_browser, serve
from qrtools import decode, font_charset, pdf_fonts, pdf_pages, pdf_text, uncovered

from site_builder.paper import pdf, printing
from site_builder.pipeline import Project, read_and_check

BASE = "https://gk.example.gov.cn/"
CATEGORY_URLS = [f"{BASE}c/{c}/" for c in ("juece", "zhixing", "guanli", "fuwu", "jieguo")]
MM_AT_150_DPI = 150 / 25.4


@pytest.fixture(autouse=True)
def _need_chromium():
    need_browser(pdf.find_chromium())


def flat(text: str) -> str:
    """pdftotext output without layout spaces and line breaks, for phrase matching."""
    return re.sub(r"\s+", "", text)


def frames(image, min_mm: float = 60) -> list[tuple[int, int, int, int]]:
    """Boxes drawn with lines on a page image (tables, framed blocks): (left, top, right, bottom)
    in pixels. A box is a horizontal line at least `min_mm` long with a vertical line going down
    from its left end (a plain rule has none); its bottom is where that left line ends."""
    gray = image.convert("L")
    px, width, height = gray.load(), gray.width, gray.height
    dark = 235
    lines: list[tuple[int, int, int]] = []  # (y, x0, x1) of each long dark run
    for y in range(height):
        x = 0
        while x < width:
            if px[x, y] < dark:
                start = x
                while x < width and px[x, y] < dark:
                    x += 1
                if x - start >= min_mm * MM_AT_150_DPI:
                    lines.append((y, start, x - 1))
            x += 1
    boxes: list[tuple[int, int, int, int]] = []
    for y, x0, x1 in lines:
        if any(abs(b[0] - x0) <= 2 and b[1] <= y <= b[3] for b in boxes):
            continue
        bottom = y
        while bottom + 1 < height and min(px[x, bottom + 1]
                                          for x in range(max(x0 - 2, 0), x0 + 3)) < dark:
            bottom += 1
        if bottom - y >= 3 * MM_AT_150_DPI:
            boxes.append((x0, y, x1, bottom))
    return boxes


def assert_both_sides_drawn(image, box: tuple[int, int, int, int]) -> None:
    """The left and the right border of a box are drawn alike: on every pixel row between its
    top and bottom lines the darkest pixel at each edge is dark (not cut off at the paper's
    text area, which at 150 dpi leaves a single light-grey pixel)."""
    gray = image.convert("L")
    px = gray.load()
    left, top, right, bottom = box
    for y in range(top + 3, bottom - 2):
        at_left = min(px[x, y] for x in range(left - 2, left + 3))
        at_right = min(px[x, y] for x in range(right - 2, min(right + 3, gray.width)))
        assert at_left < 180 and at_right < 180 and at_right <= at_left + 40, (
            f"box {box}, row {y}: left edge {at_left}, right edge {at_right}")


def symbol_width_mm(result) -> float:
    p = result.position
    return (p.top_right.x - p.top_left.x) / MM_AT_150_DPI


def add_notice(project: TestProject, notice_id: str, published: str, body: str,
               title: str, village: str = "xicun", extra: str = "") -> None:
    project.notice(f"hexi/{notice_id}.md", f"""
id: {notice_id}
标题: {title}
事项: shjz-dbsh
乡镇: hexi
村: {village}
发布机构: 河西镇人民政府
成文日期: {published}
发布日期: {published}
公开属性: 主动公开
{extra}
""", body)


# -- an ordinary page, printed from the browser --------------------------------------------------
WIDE_TABLE = ("| " + " | ".join(f"第{i}列标题" for i in range(1, 11)) + " |\n"
              + "|" + "---|" * 10 + "\n"
              + "| " + " | ".join(f"很长的单元格内容第{i}列需要换行显示" for i in range(1, 10))
              + " | 最后一列 Z9 |\n")


def test_a_notice_page_prints_without_site_chrome(small: TestProject, browser, tmp_path: Path):
    small.write("content/notices/hexi/西村名单.csv", "户主,人口\n王**,3\n")
    add_notice(small, "2025-0010", "2025-07-10", "下列家庭拟纳入低保。\n\n" + WIDE_TABLE,
               "西村低保审核对象公示（宽表格）",
               extra="附件:\n  - {文件: 西村名单.csv, 名称: 西村低保审核对象名单}")
    assert small.build().code == 0
    out = tmp_path / "page.pdf"
    with serve(small.site) as base:
        page = browser.new_page()
        page.goto(base + "n/2025-0010/")
        page.pdf(path=str(out), prefer_css_page_size=True)  # what the browser's 打印 gives
        page.close()
    text = pdf_text(out)
    words = flat(text)
    for wanted in ("西村低保审核对象公示（宽表格）", "索引号", "发布机构", "河西镇人民政府", "发布日期",
                   "2025年07月10日", "下列家庭拟纳入低保", "扫码查看原文", f"{BASE}n/2025-0010/",
                   "打印日期：", "Z9", "附件", "西村低保审核对象名单"):
        assert flat(wanted) in words, wanted
    for chrome in ("回到页面顶部", "主办单位：", "网站标识码", "重点领域", "乡镇（街道）"):
        assert chrome not in words, f"{chrome} was printed"
    assert words.count("测试县人民政府信息公开") == 1  # only "来源：…", not the header
    # the print date is written like every other date of the page: 2026年12月01日
    today = dt.date.today()
    assert f"打印日期：{today.year}年{today.month:02d}月{today.day:02d}日" in words
    pages = pdf_pages(out)
    found = [r.text for image in pages for r in decode(image)]
    assert found == [f"{BASE}n/2025-0010/"]
    # the metadata block, the table and the QR box are framed on all four sides
    boxes = [(image, box) for image in pages for box in frames(image)]
    assert len(boxes) >= 3, boxes
    for image, box in boxes:
        assert_both_sides_drawn(image, box)
    # the wide table is wrapped inside the A4 text area, not cut at the paper's edge
    bbox = pdftotext_words(out)
    assert bbox and max(x for x, _ in bbox) <= 210 - 14  # mm, within the right margin
    assert any(word == "Z9" for _, word in bbox)


def pdftotext_words(path: Path) -> list[tuple[float, str]]:
    """(right edge in mm, word) for every word pdftotext finds."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [(float(x) / 72 * 25.4, word) for x, word in
            re.findall(r'<word xMin="[^"]+" yMin="[^"]+" xMax="([^"]+)" yMax="[^"]+">([^<]*)<',
                       xml)]


# -- the print command ---------------------------------------------------------------------------
def test_poster_of_a_notice(small_site: TestProject, tmp_path: Path):
    result = small_site.cli("print", "--notice", "2025-0002", "--out", str(tmp_path))
    assert result.code == 0, result.text
    poster = tmp_path / "公示栏版-2025-0002.pdf"
    assert f"已生成：{poster}" in result.out and "共 1 页" in result.out
    words = flat(pdf_text(poster))
    for wanted in ("河西镇东村2025年第二季度低保审核对象公示", "发布机构", "河西镇人民政府", "发布日期",
                   "2025年06月23日", "公示期", "2025年06月23日至2025年07月01日（7个工作日）",
                   "扫码查看原文", "拟纳入低保", "附件", "东村低保审核对象名单"):
        assert flat(wanted) in words, wanted
    [page] = pdf_pages(poster)
    assert page.width < page.height  # A4 portrait
    [code] = decode(page)
    assert code.text == f"{BASE}n/2025-0002/"
    assert symbol_width_mm(code) >= 40
    fonts = pdf_fonts(poster)  # name, type, encoding, emb, sub, uni, object, ID
    assert fonts and all(row[-5] == "yes" for row in fonts)  # every font embedded
    assert all(row[-3] == "yes" for row in fonts)  # every glyph maps back to text


def test_poster_type_sizes_and_fonts_in_chromium(small_site: TestProject, browser):
    """The poster's CSS as Chromium applies it: title ≥ 24 pt, body ≥ 14 pt, and every
    character drawn with the Noto CJK fonts (no missing-glyph boxes)."""
    site, _ = read_and_check(Project.at(small_site.root))
    from site_builder.output import qr

    html = printing.document("poster", [printing.poster(
        site, site.notice_by_id["2025-0002"], qr.QrCache(small_site.root / ".cache"))])
    page = browser.new_page()
    page.set_content(html)
    sizes = page.evaluate("""() => Object.fromEntries(
        ['.poster__title', '.poster__body p', '.poster__body td', '.poster__meta dd']
        .map(s => [s, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)]))""")
    assert sizes[".poster__title"] >= 24 * 4 / 3
    assert all(size >= 14 * 4 / 3 for key, size in sizes.items() if key != ".poster__title")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for selector in (".poster__title", ".poster__body p", ".poster__body td", ".poster__meta dd"):
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        families = {f["familyName"] for f in fonts}
        assert families and all("Noto" in f and "CJK" in f for f in families), families
    page.close()


def test_a_long_notice_continues_with_title_and_code_on_the_first_sheet(small: TestProject,
                                                                      tmp_path: Path):
    body = "\n\n".join(f"第{i}段：经村民代表会议评议，对申请家庭的收入、财产和实际生活状况进行了"
                       f"逐户核查，核查结果如下所述，请村民监督。" * 3 for i in range(1, 25))
    add_notice(small, "2025-0011", "2025-09-26", body, "西村2025年第三季度低保审核对象公示（长文）")
    result = small.cli("print", "--notice", "2025-0011", "--out", str(tmp_path))
    assert result.code == 0, result.text
    poster = tmp_path / "公示栏版-2025-0011.pdf"
    pages = pdf_pages(poster)
    assert len(pages) >= 2
    assert [r.text for r in decode(pages[0])] == [f"{BASE}n/2025-0011/"]
    assert all(decode(p) == [] for p in pages[1:])
    first = flat(pdf_text(poster, page=1))
    assert "西村2025年第三季度低保审核对象公示（长文）" in first
    # published the Friday before National Day: the official calendar's make-up Sunday 9-28
    # and Saturday 10-11 count, the holiday does not
    assert "2025年09月26日至2025年10月11日（7个工作日）" in first
    assert "第24段" in flat(pdf_text(poster))
    # continuation sheets posted apart are still known: a short running line and the notice's
    # own page numbers; the big title and the code stay on the first sheet
    count = len(pages)
    assert f"第1页，共{count}页" in first and "（续）" not in first
    for number in range(2, count + 1):
        words = flat(pdf_text(poster, page=number))
        assert words.startswith("（续）西村2025年第三季度低保审核对象公示（长文）"), words[:40]
        assert words.count("（长文）") == 1  # only the running line, not the big title
        assert words.endswith(f"第{number}页，共{count}页"), words[-20:]


def test_pack_pages_are_numbered_per_notice(small: TestProject, tmp_path: Path):
    body = "\n\n".join(f"第{i}段：经村民代表会议评议，对申请家庭的收入、财产和实际生活状况进行了"
                       f"逐户核查，核查结果如下所述，请村民监督。" * 3 for i in range(1, 25))
    # 20 characters: at 26 pt one line holds 19, which would leave 「示」 alone on a line
    title = "西村二〇二五年第三季度最低生活保障审核对象公示"[:20]
    add_notice(small, "2025-0011", "2025-09-26", body, title)
    add_notice(small, "2025-0012", "2025-09-27", "短的公示。", "西村临时救助对象公示")
    result = small.cli("print", "--township", "hexi", "--since", "2025-09-01", "--out",
                       str(tmp_path))
    assert result.code == 0, result.text
    [pack] = tmp_path.glob("公开栏-河西镇-*.pdf")
    pages = [flat(pdf_text(pack, page=n)) for n in range(1, len(pdf_pages(pack)) + 1)]
    assert "河西镇政务公开栏" in pages[0] and pages[0].endswith("第1页，共1页")
    assert "西村临时救助对象公示" in pages[1] and pages[1].endswith("第1页，共1页")
    long = pages[2:]
    assert len(long) >= 2
    for number, words in enumerate(long, start=1):
        assert words.endswith(f"第{number}页，共{len(long)}页"), words[-20:]
        assert words.startswith(f"（续）{title}") == (number > 1)
    # the big title is balanced over its lines: no line of one or two characters
    lines = [line.strip() for line in pdf_text(pack, page=3).splitlines() if line.strip()]
    title_lines = [line for line in lines if line.replace(" ", "") in title]
    assert "".join(title_lines).replace(" ", "") == title, lines[:5]
    assert len(title_lines) == 2 and min(len(t.replace(" ", "")) for t in title_lines) >= 8


PAPER_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC")  # the families paper.css names


def test_every_printed_character_has_a_glyph(small: TestProject, browser, tmp_path: Path):
    """No tofu: every character pdftotext reads from the pack, a poster, the QR sheets and a
    page printed from the browser is one the font Chromium drew it with has (fc-query), none
    is lost (U+FFFD), and every character of the notice reads back."""
    title = "西村2025年第四季度临时救助对象（第①批）公示"
    body = ("救助标准：每人每月 860 元（第①批）；住房 45 ㎡，室温 −5 ℃ 以下的加发取暖补贴。\n\n"
            "按《社会救助暂行办法》“一户一档”——详见附件……咨询：0571-1234567 · 河西镇民政办。")
    add_notice(small, "2025-0012", "2025-09-26", body, title)
    assert small.build().code == 0
    result = small.cli("print", "--township", "hexi", "--since", "2025-01-01", "--notice",
                       "2025-0012", "--sheets", "--out", str(tmp_path / "print"))
    assert result.code == 0, result.text
    printed = sorted((tmp_path / "print").glob("*.pdf"))
    kinds = {p.name.split("-")[0] for p in printed}
    assert kinds == {"公开栏", "公示栏版", "二维码"}, kinds
    page_pdf = tmp_path / "page.pdf"
    with serve(small.site) as base:
        page = browser.new_page()
        page.goto(base + "n/2025-0012/")
        page.emulate_media(media="print")
        session = page.context.new_cdp_session(page)
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        nodes = session.send("DOM.querySelectorAll", {"nodeId": root,
                                                      "selector": "article *"})["nodeIds"]
        site_fonts = {f["familyName"] for node in nodes
                      for f in session.send("CSS.getPlatformFontsForNode",
                                            {"nodeId": node})["fonts"]}
        page.pdf(path=str(page_pdf), prefer_css_page_size=True)
        page.close()
    assert site_fonts
    charsets = {page_pdf: font_charset(site_fonts)}
    paper = font_charset(PAPER_FONTS)
    for pdf_file in [*printed, page_pdf]:
        text = subprocess.run(["pdftotext", "-raw", str(pdf_file), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "\ufffd" not in text, pdf_file.name
        assert uncovered(text, charsets.get(pdf_file, paper)) == [], pdf_file.name
        if not pdf_file.name.startswith("二维码-"):
            # Chromium writes a glyph it has no font for as a space: every character of the
            # notice must read back
            assert set(flat(title + body)) - set(text) == set(), pdf_file.name
            assert flat(body) in flat(text), pdf_file.name


def test_township_board_pack(small: TestProject, tmp_path: Path):
    add_notice(small, "2025-0011", "2025-09-26", "国庆节前的公示。", "西村2025年第三季度低保审核对象公示")
    result = small.cli("print", "--township", "河西镇", "--since", "2025-06-01", "--out",
                       str(tmp_path))
    assert result.code == 0, result.text
    today = dt.date.today()
    pack = tmp_path / f"公开栏-河西镇-{today.isoformat()}.pdf"
    assert "封面和 3 篇信息的公示栏版" in result.out
    pages = pdf_pages(pack)
    codes = decode(pages[0])
    cover = sorted(r.text for r in codes)
    assert cover == sorted([f"{BASE}t/hexi/", *CATEGORY_URLS])
    assert {r.ec_level for r in codes} == {"Q"}  # issue 13: level Q on paper too …
    assert min(symbol_width_mm(r) for r in codes) >= 32.5  # … and 33 mm, modules ≥ 1 mm
    # the contents table on the cover and the poster's own table are framed on both sides
    assert frames(pages[0]) and frames(pages[-1])
    for image in pages:
        for box in frames(image):
            assert_both_sides_drawn(image, box)
    posters = [sorted(r.text for r in decode(p)) for p in pages[1:]]
    assert [p for p in posters if p] == [[f"{BASE}n/2025-0011/"], [f"{BASE}n/2025-0003/"],
                                        [f"{BASE}n/2025-0002/"]]
    cover_text = flat(pdf_text(pack, page=1))
    for wanted in ("河西镇政务公开栏", f"{today.year}年{today.month:02d}月{today.day:02d}日",
                   "2025年06月01日以来发布的信息", "共3篇", "本期目录",
                   "西村2025年第三季度低保审核对象公示", "河西镇老年人补贴申领指南",
                   "至2025年10月11日", "决策公开", "结果公开"):
        assert wanted in cover_text, wanted
    words = flat(pdf_text(pack))
    assert "2025年09月26日至2025年10月11日（7个工作日）" in words
    assert "2025年07月02日" in words  # 发布日期 of the guide, which has no 公示期
    assert all(row[-5] == "yes" and row[-3] == "yes" for row in pdf_fonts(pack))


def test_latest_and_village_packs(small_site: TestProject, tmp_path: Path):
    result = small_site.cli("print", "-t", "hexi", "-v", "东村", "--latest", "5", "-o",
                            str(tmp_path))
    assert result.code == 0, result.text
    [pack] = tmp_path.glob("公开栏-河西镇东村-*.pdf")
    pages = pdf_pages(pack)
    assert sorted(r.text for r in decode(pages[0])) == sorted([f"{BASE}t/hexi/dongcun/",
                                                               *CATEGORY_URLS])
    assert "封面和 1 篇信息" in result.out


def test_service_hall_and_township_sheets(small_site: TestProject, tmp_path: Path):
    result = small_site.cli("print", "--sheets", "--out", str(tmp_path))
    assert result.code == 0, result.text
    hall = tmp_path / "二维码-政务公开专区.pdf"
    [page] = pdf_pages(hall)  # one A4 sheet
    assert sorted(r.text for r in decode(page)) == sorted(
        [BASE, *CATEGORY_URLS, f"{BASE}d/shjz/", f"{BASE}d/ylfw/"])
    words = flat(pdf_text(hall))
    for label in ("测试县政务公开专区", "网站首页", "决策公开", "执行公开", "管理公开", "服务公开",
                  "结果公开", "社会救助", "养老服务"):
        assert label in words
    [sheet] = pdf_pages(tmp_path / "二维码-河西镇.pdf")
    assert sorted(r.text for r in decode(sheet)) == [f"{BASE}t/hexi/", f"{BASE}t/hexi/dongcun/",
                                                     f"{BASE}t/hexi/xicun/"]
    assert {"东村", "西村"} <= set(re.findall(r"\S+", pdf_text(tmp_path / "二维码-河西镇.pdf")))
    assert (tmp_path / "二维码-山阳乡.pdf").is_file() and (tmp_path / "二维码-南门街道.pdf").is_file()


# the 26 pilot domains of county-level disclosure standardisation (基层政务公开标准化规范化试点)
PILOT_DOMAINS = [
    ("zdjs", "重大建设项目"), ("ggzy", "公共资源交易"), ("czys", "财政预决算"), ("aqsc", "安全生产"),
    ("ssgl", "税收管理"), ("zdbc", "征地补偿"), ("fwzs", "国有土地上房屋征收与补偿"),
    ("wfgz", "农村危房改造"), ("cszf", "城市综合执法"), ("snbt", "涉农补贴"), ("jiuye", "就业"),
    ("shjz", "社会救助"), ("ylfw", "养老服务"), ("gysy", "公益事业单位登记"), ("hjgl", "户籍管理"),
    ("spyp", "食品药品监管"), ("ggfl", "公共法律服务"), ("fupin", "扶贫"), ("jiuzai", "救灾"),
    ("sthj", "生态环境"), ("wsjk", "卫生健康"), ("cxgh", "城乡规划"), ("szfw", "市政服务"),
    ("ywjy", "义务教育"), ("ggwh", "公共文化服务"), ("jtys", "交通运输"),
]


def test_a_county_with_all_26_pilot_domains_gets_several_hall_sheets(small: TestProject,
                                                                    tmp_path: Path):
    lines = "".join(f"  - {{id: {ident}, 名称: {name}, 主管部门: 县政府办}}\n"
                    for ident, name in PILOT_DOMAINS if ident not in ("shjz", "ylfw"))
    small.edit("catalog.yaml", "  - {id: ylfw, 名称: 养老服务, 主管部门: 县民政局}\n",
               "  - {id: ylfw, 名称: 养老服务, 主管部门: 县民政局}\n" + lines)
    result = small.cli("print", "--sheets", "--out", str(tmp_path))
    assert result.code == 0, result.text
    hall = tmp_path / "二维码-政务公开专区.pdf"
    pages = pdf_pages(hall)
    # 1 + 5 + 26 = 32 codes, 12 to a sheet at most: three sheets of 11, 11 and 10
    assert len(pages) == 3
    wanted = {BASE, *CATEGORY_URLS, *(f"{BASE}d/{ident}/" for ident, _ in PILOT_DOMAINS)}
    found, labels = [], ""
    for number, page in enumerate(pages, start=1):
        codes = decode(page)
        assert len(codes) == [11, 11, 10][number - 1]
        assert all(symbol_width_mm(code) >= printing.SHEET_QR_MM - 0.5 for code in codes), [
            round(symbol_width_mm(code), 1) for code in codes]
        found += [code.text for code in codes]
        words = flat(pdf_text(hall, page=number))
        assert f"测试县政务公开专区（{'一二三'[number - 1]}）" in words
        assert words.endswith(f"第{number}页，共3页")
        raw = flat(subprocess.run(["pdftotext", "-raw", "-f", str(number), "-l", str(number),
                                   str(hall), "-"], capture_output=True, text=True,
                                  check=True).stdout)
        for code in codes:  # every code has its URL printed under it
            assert code.text in raw, code.text
        labels += raw
    assert sorted(found) == sorted(wanted)
    assert [name for _, name in PILOT_DOMAINS if name not in labels] == []


# -- clear messages, nothing printed ---------------------------------------------------------------
@pytest.mark.parametrize("args, message", [
    (("--township", "beicun"), "没有乡镇（街道）“beicun”。可用的有：hexi（河西镇）、nanmen（南门街道）、"
                               "shanyang（山阳乡）"),
    (("--township", "hexi", "--village", "北村"), "河西镇没有村（社区）“北村”。可用的有：dongcun（东村）、"
                                                 "xicun（西村）"),
    (("--village", "东村"), "请同时用 --township 写明所属乡镇"),
    (("--township", "hexi", "--since", "2025-13-01"), "--since 的日期“2025-13-01”不存在（日历上没有这一天）"),
    (("--township", "hexi", "--since", "2026-02-30"), "--since 的日期“2026-02-30”不存在（日历上没有这一天）"),
    (("--township", "hexi", "--until", "上周一"), "--until 的日期“上周一”无法识别，请写成 2026-11-16 这样的格式"),
    (("--township", "hexi", "--until", "1850-01-01"), "--until 的日期“1850-01-01”年份不对，请写 1949—2099 年"),
    (("--township", "hexi", "--since", "2030-01-01"), "河西镇没有符合条件的信息（2030年01月01日以来发布的信息"),
    (("--notice", "2099-0001"), "没有编号为“2099-0001”的已发布信息"),
    (("--notice", "2025-0004"), "是依申请公开的，不在网上公开全文，不能打印公示栏版"),
    (("--notice", "2025-0005"), "没有编号为“2025-0005”的已发布信息"),  # 不予公开
    ((), "请说明要打印什么"),
])
def test_refusals_are_clear_and_write_nothing(small_site: TestProject, tmp_path: Path, args,
                                              message):
    result = small_site.cli("print", *args, "--out", str(tmp_path / "out"))
    assert result.code != 0
    assert message in result.err
    assert "Traceback" not in result.text
    assert not (tmp_path / "out").exists()


def test_a_missing_browser_is_named_and_nothing_is_written(small_site: TestProject,
                                                           tmp_path: Path, monkeypatch):
    missing = tmp_path / "浏览器" / "chromium"
    monkeypatch.setenv("SITE_BUILDER_CHROMIUM", str(missing))
    result = small_site.cli("print", "--notice", "2025-0002", "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert f"SITE_BUILDER_CHROMIUM 指定的浏览器程序“{missing}”不存在" in result.err
    assert "没有找到" not in result.err and "Traceback" not in result.text
    assert not (tmp_path / "out").exists()
    # no browser anywhere: how to install one, and still no empty folder
    monkeypatch.delenv("SITE_BUILDER_CHROMIUM")
    monkeypatch.setenv("PATH", str(tmp_path))
    result = small_site.cli("print", "--sheets", "--out", str(tmp_path / "out"))
    assert result.code == 1 and "sudo apt-get install chromium" in result.err
    assert not (tmp_path / "out").exists()
    # a browser that does not work
    monkeypatch.setenv("SITE_BUILDER_CHROMIUM", "/bin/false")
    result = small_site.cli("print", "--sheets", "--out", str(tmp_path / "out"))
    assert result.code == 1 and "Chromium 没能生成 PDF" in result.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, message", [
    (("--latest", "十"), "--latest 后面要写一个正整数，例如 --latest 10（这里是“十”）。"),
    (("--latest", "0"), "--latest 后面要写一个正整数，例如 --latest 10（这里是“0”）。"),
    (("--since",), "--since 后面要写内容（只包含这一天及以后发布的信息，例如 2026-11-16）。"),
    (("--sheet-s",), "不认识的选项或内容：--sheet-s"),
    (("--s", "2026-11-16"), "选项 --s 不完整，可能是 --since、--sheets，请写全。"),
])
def test_option_errors_are_plain_chinese(small_site: TestProject, tmp_path: Path, args,
                                         message):
    result = small_site.cli("print", "--township", "hexi", *args, "--out", str(tmp_path / "o"))
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0] == message
    assert "--help" in lines[-1] and len(lines) == 2
    for english in ("error", "argument", "usage", "invalid", "expected", "unrecognized"):
        assert english not in result.err
    assert not (tmp_path / "o").exists()


def test_default_is_this_week_and_warns_when_the_site_is_not_built(small: TestProject):
    result = small.cli("print", "--township", "hexi")
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    assert f"打印本周（{monday.year}年{monday.month:02d}月{monday.day:02d}日以来）" in result.out
    assert result.code == 1 and "河西镇没有符合条件的信息" in result.err  # the fixture is 2025
    poster = small.cli("print", "--notice", "2025-0003", "--out", str(small.root / "p"))
    assert poster.code == 0 and "还没有生成网站（没有 site/ 文件夹）" in poster.err


def test_warns_when_pages_behind_the_codes_are_not_built(small: TestProject, tmp_path: Path):
    """Cover and sheet codes lead to township, village, category and domain pages too: each one
    missing from the built site (mkdocs.yml's site_dir) is named."""
    small.edit("mkdocs.yml", "site_dir: site", "site_dir: public")
    out = str(tmp_path / "out")
    before = small.cli("print", "--notice", "2025-0002", "--out", out)
    assert before.code == 0 and "还没有生成网站（没有 public/ 文件夹）" in before.err
    assert small.build().code == 0 and (small.root / "public/t/hexi/index.html").is_file()
    built = small.cli("print", "--township", "hexi", "--since", "2025-01-01", "--sheets",
                      "--out", out)
    assert built.code == 0 and "注意" not in built.err, built.err
    # a village and a domain added to the catalog, the site not built again
    small.edit("catalog.yaml", "      - {id: xicun, 名称: 西村}\n",
               "      - {id: xicun, 名称: 西村}\n      - {id: beicun, 名称: 北村}\n")
    small.edit("catalog.yaml", "  - {id: ylfw, 名称: 养老服务, 主管部门: 县民政局}\n",
               "  - {id: ylfw, 名称: 养老服务, 主管部门: 县民政局}\n"
               "  - {id: jiuye, 名称: 就业, 主管部门: 县人社局}\n")
    stale = small.cli("print", "--sheets", "--out", out)
    assert stale.code == 0, stale.text
    assert "注意：public/ 中还没有这些二维码指向的页面：" in stale.err
    assert "就业（/d/jiuye/）" in stale.err and "北村（/t/hexi/beicun/）" in stale.err
    assert "东村" not in stale.err and "site/" not in stale.err
    cover = small.cli("print", "--township", "hexi", "--since", "2025-01-01", "--out", out)
    assert cover.code == 0 and "注意" not in cover.err  # its codes all lead to built pages
    (small.root / "public/c/juece/index.html").unlink()
    cover = small.cli("print", "--township", "hexi", "--since", "2025-01-01", "--out", out)
    assert "决策公开（/c/juece/）" in cover.err


def test_poster_and_site_render_a_body_alike(small_site: TestProject):
    """One renderer (bodies.py) for the site and the posters: the same table, cell for cell."""
    site, _ = read_and_check(Project.at(small_site.root))
    notice = site.notice_by_id["2025-0002"]
    poster = BeautifulSoup(printing.body_html(notice), "html.parser")
    page = small_site.html("n/2025-0002/").select_one(".sb-body")
    cells = [[td.get_text() for td in tr.find_all(["td", "th"])] for tr in page.select("tr")]
    assert cells and cells == [[td.get_text() for td in tr.find_all(["td", "th"])]
                               for tr in poster.select("tr")]
