"""Issue 13: every citizen can read, scan and search — 长者模式, phones, structure.

One site (the small fixture, plus a 名单 notice whose body starts with `# `, a redirect and a
tombstone) is built for the module and opened in real Debian Chromium at 320, 360 and 1280 px,
in normal mode and in 长者模式. axe-core (tests/package.json, installed by scripts/test.sh into
tests/node_modules) checks WCAG 2.1 A/AA on one page of every type.

The site's address has a sub-path (https://example.gov.cn/xian/) and the test server puts it
there, answering a missing page at any depth with 404.html as a web server does: every page
type is checked as deployed under a sub-path.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

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
SITE_URL = "https://example.gov.cn/xian/"
MOUNT = "/xian/"  # where the test server puts the site, as SITE_URL says


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> TestProject:
    project = copy_fixture("small", tmp_path_factory.mktemp("a11y") / "county")
    project.edit("catalog.yaml", "网址: https://gk.example.gov.cn/", f"网址: {SITE_URL}")
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


class _SubPathServer(http.server.SimpleHTTPRequestHandler):
    """The site under MOUNT; a missing page, at any depth, gets 404.html with status 404 (what
    nginx's `error_page 404 /xian/404.html;` does)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(MOUNT):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + path[len(MOUNT):])

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_under_sub_path(directory: Path) -> contextlib.AbstractContextManager[str]:
    return serve(directory, _SubPathServer, MOUNT)


@pytest.fixture(scope="module")
def base_url(site):
    with serve_under_sub_path(site.site) as url:
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


NOWHERE = "n/2019-9999/no/such/page/"  # a mistyped or retired address, four levels down


def test_404_page_is_in_chinese_with_search_and_home(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    response = page.goto(base_url + NOWHERE)
    assert response.status == 404
    assert page.locator("h1").inner_text() == "没有找到这个页面"
    assert "二维码" in page.locator("#sb-main").inner_text()
    assert "Not found" not in page.content()
    page.fill("#sb-nf-q", "低保")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "search/?q=%E4%BD%8E%E4%BF%9D")
    page.wait_for_selector("#sb-search-results li")
    page.close()


def test_404_page_links_lead_into_the_site_under_its_sub_path(site, browser, base_url):
    """The 404 page is sent for a missing address at any depth, so its links are absolute:
    the site_url's path, never "/." or a path relative to wherever the reader landed."""
    soup = site.html("404.html")
    homes = [a["href"] for a in soup.select("a") if a.get_text(strip=True) in ("首页", "返回首页")]
    assert homes and set(homes) == {MOUNT}
    logos = {a["href"] for a in soup.select("a.md-logo")}
    assert logos == {MOUNT}
    targets = [el.get("href") or el.get("src") or el.get("action")
               for el in soup.select("a[href], link[href], script[src], img[src], form[action]")]
    assert [t for t in targets if not (t.startswith(MOUNT) or t.startswith("#"))] == []
    assert [t for t in targets if t.endswith("/.")] == []
    assert {f["action"] for f in soup.select("form")} == {MOUNT + "search/"}

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base_url + NOWHERE)
    styled = page.evaluate("getComputedStyle(document.querySelector('.sb-crumbs ol')).display")
    assert styled != "block"  # site.css loaded (an unstyled list is a block)
    links = page.evaluate("[...document.querySelectorAll('a[href]:not([href^=\"#\"])')]"
                          ".map(a => a.href)")
    assert len(links) >= 8
    broken = {u: page.request.get(u).status for u in set(links)}
    assert {u: s for u, s in broken.items() if s != 200} == {}
    page.get_by_role("link", name="返回首页").click()
    page.wait_for_url(base_url)
    assert page.locator(".sb-care-entry").count() == 1  # the home page
    page.goto(base_url + NOWHERE)
    page.fill("#sb-hsearch-q", "低保")  # the header's search box, on the 404 page
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "search/?q=%E4%BD%8E%E4%BF%9D")
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


# -- the keyboard: phones and computers, normal and 长者模式 --------------------------------------
FOCUSED = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  return {tag: e.tagName, id: e.id, cls: String(e.className), href: e.getAttribute('href'),
          text: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 30),
          menu: e.matches('.md-header label[for="__drawer"]'),
          drawer: !!e.closest('.md-sidebar--primary'), main: !!e.closest('#sb-main'),
          w: r.width, h: r.height, shown: r.width > 0 && r.height > 0 &&
          getComputedStyle(e).visibility !== 'hidden'}; }"""
MENU = '.md-header label[for="__drawer"]'
DRAWER_OPEN = "document.getElementById('__drawer').checked"
DRAWER_SHOWN = ("getComputedStyle(document.querySelector('.md-sidebar--primary'))"
                ".visibility === 'visible'")


def tab_through(page, presses: int) -> list[dict]:
    out = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        out.append(page.evaluate(FOCUSED))
    return out


def tab_to(page, test, limit: int = 20) -> list[dict]:
    """Tab until `test` holds for the focused element (the last stop) or `limit` presses."""
    out: list[dict] = []
    while len(out) < limit and not (out and test(out[-1])):
        out += tab_through(page, 1)
    return out


def first(stops: list[dict], test) -> int:
    return next((i for i, s in enumerate(stops) if test(s)), -1)


@pytest.mark.parametrize("care", [False, True], ids=["normal", "care"])
def test_menu_button_on_a_phone_opens_the_drawer_from_the_keyboard(browser, base_url, care):
    context = new_context(browser, 360, care)
    page = open_page(context, base_url + ROSTER_URL)
    stops = tab_to(page, lambda s: s["menu"], 4)
    assert stops[-1]["menu"], stops  # Tab reaches the menu button
    menu = page.locator(MENU)
    assert menu.get_attribute("role") == "button" and menu.get_attribute("aria-label") == "导航菜单"
    assert menu.get_attribute("aria-expanded") == "false"
    assert min(stops[-1]["w"], stops[-1]["h"]) >= (48 if care else 44)

    for key in ("Enter", " "):
        page.keyboard.press(key)  # opens the drawer, and the keyboard is in it
        assert page.evaluate(DRAWER_OPEN) and page.evaluate(DRAWER_SHOWN)
        assert menu.get_attribute("aria-expanded") == "true"
        inside = [page.evaluate(FOCUSED), *tab_through(page, 3)]
        assert all(s["drawer"] and s["shown"] for s in inside), inside
        assert any(s["tag"] == "A" and "md-nav__link" in s["cls"] for s in inside), inside
        page.keyboard.press("Escape")  # closes it, back on the menu button
        assert not page.evaluate(DRAWER_OPEN) and not page.evaluate(DRAWER_SHOWN)
        assert page.evaluate(FOCUSED)["menu"]
        assert menu.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")  # open, then Tab on past the drawer's last link: it closes
    for _ in range(60):
        page.keyboard.press("Tab")
        if not page.evaluate(FOCUSED)["drawer"]:
            break
    assert not page.evaluate(DRAWER_OPEN) and page.evaluate(FOCUSED)["shown"]
    closed = tab_through(page, 30)
    assert not any(s["drawer"] for s in closed)
    context.close()


@pytest.mark.parametrize("path", [ROSTER_URL, "search/?q=%E4%BD%8E%E4%BF%9D"],
                         ids=["notice", "search"])
def test_keyboard_alone_reaches_everything_in_order_on_a_phone(browser, base_url, path):
    """Tab from the top of the page: the skip link, the menu, the search, the 长者模式 switch,
    then the content; every stop is visible, none is in the closed drawer."""
    context = new_context(browser, 360, False)
    page = open_page(context, base_url + path)
    stops = tab_through(page, 14)
    assert all(s["shown"] and not s["drawer"] for s in stops), stops
    order = [first(stops, lambda s: "sb-skip" in s["cls"]),
             first(stops, lambda s: s["menu"]),
             first(stops, lambda s: "sb-hsearch" in s["cls"] or s["id"] == "sb-hsearch-q"),
             first(stops, lambda s: "sb-care-toggle" in s["cls"]),
             first(stops, lambda s: s["main"])]
    assert order[0] == 0 and -1 not in order and order == sorted(order), (order, stops)
    for _ in range(len(stops) - 1):  # back to the top, then follow the skip link
        page.keyboard.press("Shift+Tab")
    assert "sb-skip" in page.evaluate(FOCUSED)["cls"]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["main"]
    if path.startswith("search/"):  # search again, open the filters, reach a result
        page.locator("#sb-search-q").focus()
        page.keyboard.press("Control+A")
        page.keyboard.type("救助")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"q=%E6%95%91%E5%8A%A9"))
        # this search's results drawn (the page opened with a query: its results were there)
        page.wait_for_function("!document.querySelector('#sb-search-status').textContent"
                               ".startsWith('正在') && document.querySelector("
                               "'#sb-search-results .sb-result__title')")
        stops = tab_through(page, 12)
        assert any("sb-result__title" in s["cls"] for s in stops), stops
        summary = first(stops, lambda s: s["tag"] == "SUMMARY")
        assert summary >= 0, stops
        page.locator("#sb-search-filters > summary").focus()
        page.keyboard.press("Enter")
        assert page.locator("#sb-search-filters").get_attribute("open") is not None
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_care_switch_is_reached_and_operated_by_the_keyboard(browser, base_url, width):
    context = new_context(browser, width, False)
    page = open_page(context, base_url + ROSTER_URL)
    stops = tab_to(page, lambda s: "sb-care-toggle" in s["cls"], 8)
    assert "sb-care-toggle" in stops[-1]["cls"], stops
    assert min(stops[-1]["w"], stops[-1]["h"]) >= 44
    care = "document.documentElement.classList.contains('sb-care')"
    toggle = page.locator(".md-header .sb-care-toggle")
    page.keyboard.press("Enter")
    assert page.evaluate(care) and toggle.get_attribute("aria-pressed") == "true"
    assert "sb-care-toggle" in page.evaluate(FOCUSED)["cls"]  # the focus stays on the switch
    box = toggle.bounding_box()
    assert min(box["width"], box["height"]) >= 48
    page.keyboard.press(" ")
    assert not page.evaluate(care) and toggle.get_attribute("aria-pressed") == "false"
    page.keyboard.press(" ")
    page.reload()  # remembered
    assert page.evaluate(care)
    context.close()
