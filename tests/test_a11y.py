"""Issue 13: every citizen can read, scan and search — 长者模式, phones, structure.

One site (the small fixture, plus a 名单 notice whose body starts with `# `, a redirect and a
tombstone) is built for the module and opened in real Debian Chromium at 320, 360 and 1280 px,
in normal mode and in 长者模式. axe-core (tests/package.json, installed by scripts/test.sh into
tests/node_modules) checks WCAG 2.1 A/AA on one page of every type.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
from conftest import REPO, TestProject, copy_fixture, serve

AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

ROSTER = """\
id: 2025-0090
标题: 河西镇2025年第三季度临时救助对象公示
事项: shjz-dbsh
乡镇: hexi
村: dongcun
发布机构: 河西镇人民政府
成文日期: 2025-09-20
发布日期: 2025-09-22
公开属性: 主动公开
"""
ROSTER_BODY = """\
# 临时救助对象名单

经村民代表评议、镇人民政府审核，下列对象拟给予临时救助，公示期7个工作日。
如有异议，请拨打 0571-1234567 反映，或查看[申领指南](2025-0003.md)。

## 一、名单

| 序号 | 姓名 | 村组 | 家庭人口 | 救助类别 | 救助金额（元） | 备注 |
|---|---|---|---|---|---|---|
| 1 | 李** | 东村一组 | 3 | 因病 | 2400 | 首次 |
| 2 | 王** | 东村三组 | 1 | 因灾 | 1800 | 房屋受损 |
| 3 | 赵** | 东村五组 | 4 | 因学 | 3600 | 子女就读大学 |
"""

ROSTER_URL = "n/2025-0090/"
MOVED = "n/2023-0098/"
RETIRED = "n/2023-0099/"
# One page of every type: (name, path).
PAGES = [
    ("home", ""),
    ("c", "c/"),
    ("d", "d/"),
    ("t", "t/"),
    ("category", "c/jieguo/"),
    ("domain", None),  # found in the built site
    ("township", "t/hexi/"),
    ("village", "t/hexi/dongcun/"),
    ("item", "i/shjz-dbsh/"),
    ("catalog", "catalog/"),
    ("notice with table", ROSTER_URL),
    ("依申请公开", "n/2025-0004/"),
    ("search", "search/?q=%E4%BD%8E%E4%BF%9D"),
    ("信息公开", "xxgk/"),
    ("redirect", MOVED),
    ("tombstone", RETIRED),
    ("404", "404.html"),  # what the web server sends for a missing page
]
CARE = "localStorage.setItem('sb-care', '1')"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> TestProject:
    project = copy_fixture("small", tmp_path_factory.mktemp("a11y") / "county")
    project.notice("hexi/2025-0090.md", ROSTER, ROSTER_BODY)
    project.edit("catalog.yaml", "设置:\n",
                 f"迁移:\n  - {{原网址: /{MOVED}, 新网址: /n/2025-0001/}}\n"
                 f"撤回:\n  - {{网址: /{RETIRED}, 日期: 2025-10-08, 说明: 已废止}}\n设置:\n")
    manifest = project.root / "published-urls.txt"
    old = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
    manifest.write_text(old + f"/{MOVED}\n/{RETIRED}\n", encoding="utf-8")
    result = project.build("--strict")
    assert result.code == 0, result.text
    return project


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site.site) as url:
        yield url


@pytest.fixture(scope="module")
def pages(site) -> list[tuple[str, str]]:
    domain = next(p.parent.name for p in sorted((site.site / "d").glob("*/index.html")))
    return [(name, f"d/{domain}/" if path is None else path) for name, path in PAGES]


def axe_source() -> str:
    if not AXE.is_file():
        if os.environ.get("REQUIRE_BROWSER") == "1" or shutil.which("npm") is None:
            pytest.fail("axe-core is missing: run bash scripts/test.sh (npm ci in tests/)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO / "tests", check=True)
    return AXE.read_text(encoding="utf-8")


def open_page(context, url: str):
    page = context.new_page()
    if "n/2023-0098/" in url:  # the redirect page: stay on it (the refresh gets 204 No Content)
        page.route(re.compile(r".*/n/2025-0001/$"), lambda route: route.fulfill(status=204))
    page.goto(url)
    page.wait_for_load_state("load")
    if "search/" in url:
        page.wait_for_selector("#sb-search-results li")
    return page


def new_context(browser, width: int, care: bool, **extra):
    context = browser.new_context(viewport={"width": width, "height": 800}, **extra)
    if care:
        context.add_init_script(CARE)
    return context


# -- every page type, four ways: measured once, asserted by the tests below ---------------------
OVERFLOW = "[document.documentElement.scrollWidth, window.innerWidth]"
BIG_FONT = {"fontSizes": {"standard": 32, "fixed": 26}}  # the phone's default font at 32 px
SMALL_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el) continue;
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (!r.width || !r.height || s.visibility === 'hidden' || el.closest('[hidden]')) continue;
    if (el.closest('.md-skip, .sb-visually-hidden, .sb-print-only, script, style, thead')) continue;
    if (parseFloat(s.fontSize) < 20) out.push([el.tagName, el.className, s.fontSize,
                                               node.textContent.trim().slice(0, 20)]);
  }
  return out;
}"""
SMALL_TARGETS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, summary, label[for]')) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (!r.width || !r.height || s.visibility === 'hidden' || el.closest('[hidden]')) continue;
    if (el.closest('.md-skip, .sb-visually-hidden') || s.opacity === '0') continue;
    if (el.type === 'hidden') continue;
    if (r.width < 47.5 || r.height < 47.5) out.push([el.tagName, el.className,
        Math.round(r.width), Math.round(r.height), (el.textContent || el.id).trim().slice(0, 20)]);
  }
  return out;
}"""
BODY_TEXT = """() => { const s = getComputedStyle(document.querySelector('.md-typeset p'));
  return [parseFloat(s.fontSize), parseFloat(s.lineHeight) / parseFloat(s.fontSize)]; }"""
COMBOS = [(360, False), (360, True), (1280, False), (1280, True)]


def _serious(result: dict) -> list[str]:
    return [f"{v['id']} {v['impact']}: " + "; ".join(str(n["target"]) for n in v["nodes"][:4])
            for v in result["violations"] if v["impact"] in ("critical", "serious")]


def _measure(context, url: str, source: str, width: int, care: bool) -> dict:
    page = open_page(context, url)
    found: dict = {"care": page.evaluate("document.documentElement.classList.contains('sb-care')")}
    page.add_script_tag(content=source)
    options: dict = {"runOnly": {"type": "tag", "values": AXE_TAGS},
                     "resultTypes": ["violations"]}
    if care:  # 长者模式: text contrast ≥ 7:1 (WCAG AAA 1.4.6) as well
        options["rules"] = {"color-contrast-enhanced": {"enabled": True}}
    result = page.evaluate("o => axe.run(document, o)", options)
    found["axe"] = _serious(result)
    if care:
        found["rules"] = [r["id"] for r in result["violations"] + result["passes"]]
        found["small_text"] = page.evaluate(SMALL_TEXT)
        found["small_targets"] = page.evaluate(SMALL_TARGETS)
        found["body"] = page.evaluate(BODY_TEXT)
    if width == 360:
        page.set_viewport_size({"width": 320, "height": 800})
        found["at_320"] = page.evaluate(OVERFLOW)
        page.set_viewport_size({"width": 360, "height": 800})
        context.new_cdp_session(page).send("Page.setFontSizes", BIG_FONT)
        page.wait_for_timeout(50)
        found["font_32"] = page.evaluate(OVERFLOW)
    page.close()
    return found


@pytest.fixture(scope="module")
def measured(browser, base_url, pages) -> dict[tuple[int, bool], dict[str, dict]]:
    """Every page type at 360 and 1280 px, normal and 长者模式: axe's serious findings, the
    page width at 320 px and with a 32 px default font, text and targets in 长者模式."""
    source = axe_source()
    out: dict[tuple[int, bool], dict[str, dict]] = {}
    for width, care in COMBOS:
        context = new_context(browser, width, care)
        out[width, care] = {name: _measure(context, base_url + path, source, width, care)
                            for name, path in pages}
        context.close()
    return out


@pytest.mark.parametrize("width, care", COMBOS, ids=[f"{w}-{'care' if c else 'normal'}"
                                                     for w, c in COMBOS])
def test_axe_finds_nothing_serious_on_any_page_type(measured, width, care):
    found = measured[width, care]
    assert all(m["care"] == care for m in found.values())
    if care:  # the 7:1 rule did run (it found text to check)
        assert any("color-contrast-enhanced" in m["rules"] for m in found.values())
    assert {name: m["axe"] for name, m in found.items() if m["axe"]} == {}


@pytest.mark.parametrize("care", [False, True], ids=["normal", "care"])
def test_nothing_overflows_at_320_px_or_with_a_32_px_font(measured, care):
    found = measured[360, care]
    assert {name: m["at_320"] for name, m in found.items() if m["at_320"][0] > 320} == {}
    assert {name: m["font_32"] for name, m in found.items() if m["font_32"][0] > 360} == {}


def test_a_32_px_default_font_does_reach_the_page(browser, base_url):
    """The setting the overflow test uses really changes the text (else it proves nothing)."""
    context = new_context(browser, 360, False)
    page = context.new_page()
    page.goto(base_url + ROSTER_URL)
    size = "parseFloat(getComputedStyle(document.querySelector('.sb-body p')).fontSize)"
    normal = page.evaluate(size)
    context.new_cdp_session(page).send("Page.setFontSizes", BIG_FONT)
    page.wait_for_timeout(50)
    big = page.evaluate(size)
    context.close()
    assert big >= normal * 1.9


@pytest.mark.parametrize("width", [360, 1280])
def test_care_mode_has_no_small_text_and_no_small_targets(measured, width):
    found = measured[width, True]
    assert {name: m["body"] for name, m in found.items()
            if m["body"][0] < 24 or m["body"][1] < 1.5} == {}
    assert {name: m["small_text"] for name, m in found.items() if m["small_text"]} == {}
    assert {name: m["small_targets"] for name, m in found.items() if m["small_targets"]} == {}


def test_care_switch_is_remembered_and_needs_no_pop_up(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base_url)
    entry = page.locator(".sb-care-entry button")
    assert entry.is_visible()
    toggle = page.locator(".md-header .sb-care-toggle")
    assert toggle.inner_text() == "长者模式" and toggle.get_attribute("aria-pressed") == "false"
    entry.click()
    assert page.evaluate("document.documentElement.classList.contains('sb-care')")
    assert toggle.get_attribute("aria-pressed") == "true"
    page.goto(base_url + ROSTER_URL)  # another page, then another visit
    assert page.evaluate("document.documentElement.classList.contains('sb-care')")
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.sb-body p'))"
                         ".fontSize)")
    assert size >= 24
    page.locator(".md-header .sb-care-toggle").click()  # off again
    page.goto(base_url)
    assert not page.evaluate("document.documentElement.classList.contains('sb-care')")
    assert dialogs == [] and context.cookies() == []
    context.close()


def test_read_aloud_button_speaks_the_main_text(browser, base_url):
    context = new_context(browser, 1280, True)
    context.add_init_script("""
      window.__spoken = [];
      if (window.speechSynthesis) {
        speechSynthesis.speak = u => window.__spoken.push([u.lang, u.text]);
      }""")
    page = context.new_page()
    page.goto(base_url + ROSTER_URL)
    button = page.locator("#sb-read")
    if not page.evaluate("'speechSynthesis' in window"):
        assert not button.is_visible()  # no speech synthesis: no button
        context.close()
        return
    assert button.is_visible() and button.inner_text() == "朗读正文"
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken and all(lang == "zh-CN" for lang, _ in spoken)
    text = "".join(t for _, t in spoken)
    assert "临时救助对象名单" in text and "经村民代表评议" in text
    assert "当前位置" not in text  # the main text only
    context.close()


def test_without_javascript_the_page_works_and_shows_no_dead_switch(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 800},
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + ROSTER_URL)
    assert page.locator("h1").inner_text() == "河西镇2025年第三季度临时救助对象公示"
    assert not page.locator(".sb-care-toggle").is_visible()
    assert not page.locator("#sb-read").is_visible()
    assert page.locator("td", has_text="2400").is_visible()
    context.close()


# -- phones: a 名单 as cards ---------------------------------------------------------------------
def test_roster_on_a_phone_shows_every_cell_without_sideways_scrolling(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(base_url + ROSTER_URL)
    cells = page.evaluate("""() => [...document.querySelectorAll('.sb-body td')].map(td => {
        const r = td.getBoundingClientRect();
        return [td.textContent.trim(), r.left, r.right, td.dataset.label,
                getComputedStyle(td, '::before').content]; })""")
    width = page.evaluate("window.innerWidth")
    assert len(cells) == 21
    for text, left, right, label, shown in cells:
        assert left >= 0 and right <= width, (text, left, right)
        assert json.dumps(label, ensure_ascii=False) == shown  # each cell says its column
    amounts = [c for c in cells if c[3] == "救助金额（元）"]
    assert [c[0] for c in amounts] == ["2400", "1800", "3600"]
    assert page.evaluate(OVERFLOW)[0] <= width
    scrollers = page.evaluate("""() => [...document.querySelectorAll('.sb-body *')].filter(
        el => el.scrollWidth > el.clientWidth + 1 &&
              ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)).length""")
    assert scrollers == 0
    context.close()


def test_catalog_on_a_phone_is_one_card_per_item(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + "catalog/")
    rows = page.locator("table.sb-catalog tbody tr")
    first = rows.first.bounding_box()
    assert first["width"] <= 360 and first["x"] >= 0
    assert "公开时限" in rows.first.locator("td").nth(5).evaluate(
        "td => getComputedStyle(td, '::before').content")
    assert page.evaluate(OVERFLOW)[0] <= 360
    context.close()


# -- structure -----------------------------------------------------------------------------------
def test_title_is_the_only_h1_and_body_headings_shift_down(site):
    soup = site.html(ROSTER_URL)
    assert [h.get_text(strip=True) for h in soup.select("h1")] == [
        "河西镇2025年第三季度临时救助对象公示"]
    assert [h.get_text(strip=True) for h in soup.select(".sb-body h2")] == ["临时救助对象名单"]
    assert [h.get_text(strip=True) for h in soup.select(".sb-body h3")] == ["一、名单"]


def test_every_page_has_a_skip_link_breadcrumbs_and_one_h1(site):
    for file in sorted(site.site.rglob("*.html")):
        rel = file.relative_to(site.site).as_posix()
        text = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text and "sb-crumbs" not in text:
            continue
        soup = site.html(rel)
        assert soup.select_one("a.sb-skip[href='#sb-main']") is not None, rel
        assert soup.select_one("#sb-main") is not None, rel
        crumbs = soup.select_one("nav.sb-crumbs")
        assert crumbs is not None and crumbs.get_text().startswith("当前位置："), rel
        assert len(soup.select("h1")) == 1, rel
    crumbs = site.html(ROSTER_URL).select_one("nav.sb-crumbs").get_text(" ", strip=True)
    assert re.sub(r"\s+", "", crumbs) == \
        "当前位置：首页›五公开›结果公开›河西镇2025年第三季度临时救助对象公示".replace("›", "")


def test_404_page_is_in_chinese_with_search_and_home(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(base_url + "404.html")
    assert page.locator("h1").inner_text() == "没有找到这个页面"
    assert "二维码" in page.locator("#sb-main").inner_text()
    assert "Not found" not in page.content()
    page.fill("#sb-nf-q", "低保")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    page.wait_for_selector("#sb-search-results li")
    page.close()


def test_closed_drawer_is_out_of_the_tab_order_on_a_phone(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(base_url + "c/jieguo/")
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "!!document.activeElement.closest('.md-sidebar--primary')"))
    assert not any(reached)
    hidden = page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary'))"
                           ".visibility")
    assert hidden == "hidden"
    page.close()


def test_printed_page_has_no_breadcrumbs_switch_or_read_button(browser, base_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(CARE)
    page.goto(base_url + ROSTER_URL)
    page.emulate_media(media="print")
    for selector in (".sb-crumbs", ".sb-care-toggle", "#sb-read", ".sb-skip"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator("h1").is_visible()
    page.close()
