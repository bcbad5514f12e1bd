"""Search, end to end in headless Chromium: what a citizen types, what they must (and must not)
find, the filters, the URL that carries the state, and the network requests of a session.

Two built sites:
- the fixture tests/fixtures/search, made for this: substrings (电话 in 举报电话, 低保 in 城乡低保,
  政府 in 人民政府), a 文号 written with fullwidth digits, a notice that mentions 2012 and 第2号
  but not 12号, an 依申请公开 notice whose body must stay unfindable, a 不予公开 one, and one
  whose body is longer than a record holds;
- the bundled sample county (望川县, built by conftest's `sample_site`): 32 queries with what
  they must and must not find, 文号 and catalog-item ranks, long words checked against their
  records, words typed together, snippets, and the printed state URL and QR code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from conftest import REPO, copy_fixture, serve

from site_builder.output import search, search_page

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_fixture("search", tmp_path_factory.mktemp("search") / "county")
    result = project.build("--strict")
    assert result.code == 0, result.text
    return project


@pytest.fixture(scope="session")
def site_url(search_site):
    with serve(search_site.site) as url:
        yield url


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def _id(href: str) -> str:
    """Result link → "s-0001" (notice), "i:<item>" (catalog item), "p:<page>" (column page)."""
    path = urlsplit(href).path
    for pattern, prefix in ((r"/n/([^/]+)/$", ""), (r"/i/([^/]+)/$", "i:"),
                            (r"/xxgk/([^/]+)/$", "p:")):
        m = re.search(pattern, path)
        if m:
            return prefix + m.group(1)
    return path


def results(page) -> list[str]:
    page.wait_for_function("window.sbSearchReady !== undefined")
    page.evaluate("window.sbSearchReady")
    page.wait_for_function("!document.querySelector('#sb-search-status').textContent"
                           ".startsWith('正在')")
    more = page.locator("#sb-search-more")
    while more.is_visible():
        count = page.locator(".sb-result").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.sb-result').length > {count}")
    return [_id(a.get_attribute("href")) for a in page.locator(".sb-result__title").all()]


def open_search(page, url: str, query: str) -> list[str]:
    page.goto(url + "search/?" + query)
    return results(page)


def status(page) -> str:
    return page.inner_text("#sb-search-status")


# -- what a citizen types ------------------------------------------------------------------------
# (query, must be found, must not be found)
QUERIES = [
    ("电话", {"s-0001", "s-0005", "s-0010", "s-0011"}, {"s-0004", "s-0006"}),
    ("举报电话", {"s-0001", "s-0010", "s-0011"}, {"s-0005"}),
    ("低保", {"s-0001", "s-0004", "s-0009", "s-0011", "i:shjz-dbsh"}, {"s-0005", "s-0010"}),
    ("城乡低保", {"s-0001"}, {"s-0004", "s-0009", "s-0011"}),
    ("政府", {"s-0001", "s-0004", "s-0006", "p:zhinan"}, {"s-0002", "s-0005", "s-0010"}),
    ("人民政府", {"s-0001", "s-0004", "s-0006"}, {"s-0002", "s-0005", "s-0010"}),
    ("测试县人民政府关于提高城乡低保标准的通知", {"s-0001"}, {"s-0004", "s-0011"}),
    ("东村2025年第二季度低保审核对象公示", {"s-0004"}, {"s-0011", "s-0009"}),
    ("测政发〔2024〕12号", {"s-0001", "s-0011"}, {"s-0003", "s-0006"}),
    ("12号", {"s-0001", "s-0011"}, {"s-0003", "s-0006"}),
    ("１２号", {"s-0001", "s-0011"}, {"s-0003", "s-0006"}),
    ("测政发（2024）12号", {"s-0001", "s-0011"}, {"s-0003"}),
    ("测政发2024 12号", {"s-0001", "s-0011"}, {"s-0003"}),
    ("测试县民政局", {"s-0002", "s-0010"}, {"s-0001", "s-0004"}),
    ("南门街道办事处", {"s-0005", "s-0009"}, {"s-0004", "s-0012"}),
    ("山阳乡", {"s-0006", "s-0007"}, {"s-0008", "s-0004"}),
    ("东村", {"s-0004"}, {"s-0011"}),
    ("西村", {"s-0011"}, {"s-0004"}),
    ("高龄津贴", {"i:ylfw-gljt", "s-0005", "s-0006"}, {"s-0012"}),
    ("津", {"i:ylfw-gljt", "s-0005", "s-0006"}, {"s-0012"}),
    ("档案查阅目录", {"s-0007"}, {"s-0008"}),
    ("依申请向本人提供", {"s-0007"}, {"s-0008"}),
    ("2012年以来", {"s-0003"}, {"s-0001"}),
    ("居家养老", {"s-0003", "s-0010"}, {"s-0005", "s-0012"}),
    ("低保 南门", {"s-0009"}, {"s-0004", "s-0011"}),
    ("900元", {"s-0001"}, {"s-0009"}),
    ("政府信息公开指南", {"p:zhinan"}, {"s-0001"}),
    ("年满80周岁", {"s-0005", "s-0012"}, {"s-0006"}),
]


@pytest.mark.parametrize(("query", "wanted", "unwanted"), QUERIES,
                         ids=[q for q, _, _ in QUERIES])
def test_query_finds_what_it_must(page, site_url, query, wanted, unwanted):
    found = open_search(page, site_url, "q=" + quote(query))
    assert wanted <= set(found), (query, found)
    assert not unwanted & set(found), (query, found)
    assert f"共找到 {len(found)} 条结果" in status(page)


@pytest.mark.parametrize("query", ["暗号", "依申请暗号甲乙丙", "不予公开暗号", "核对报告",
                                   "本报告含个人隐私", "没有这样的词"])
def test_unpublished_text_is_never_found(page, site_url, query):
    """依申请公开 bodies and 不予公开 notices are in no index: the empty-result message shows."""
    assert open_search(page, site_url, "q=" + quote(query)) == []
    assert "没有找到符合条件的信息" in status(page)


def test_words_typed_together_are_split_and_retried(page, site_url):
    """东村低保 (no space): nothing holds it, so it is split on the village name and retried."""
    assert open_search(page, site_url, "q=" + quote("东村低保")) == ["s-0004"]
    suggestion = page.locator("#sb-search-suggest")
    assert suggestion.inner_text() == "没有找到“东村低保”。您是否要找：东村 低保"
    assert "q=%E4%B8%9C%E6%9D%91+%E4%BD%8E%E4%BF%9D" in suggestion.locator("a").get_attribute("href")
    assert "“东村 低保”共找到 1 条结果" in status(page)
    assert open_search(page, site_url, "q=" + quote("东村 低保")) == ["s-0004"]
    assert page.locator("#sb-search-suggest").is_hidden()


def test_whole_title_ranks_its_notice_first(page, site_url):
    found = open_search(page, site_url, "q=" + quote("东村2025年第二季度低保审核对象公示"))
    assert found[0] == "s-0004"


@pytest.mark.parametrize("query", ["测政发〔2024〕12号", "测政发（2024）12号", "测政发2024 12号"])
def test_doc_number_ranks_the_document_carrying_it_first(page, site_url, query):
    """s-0011 is newer and cites 测政发〔2024〕12号 in its body; s-0001 carries it as its 文号."""
    found = open_search(page, site_url, "q=" + quote(query))
    assert found[:2] == ["s-0001", "s-0011"]


def test_catalog_item_comes_before_its_notices(page, site_url):
    found = open_search(page, site_url, "q=" + quote("高龄津贴"))
    assert found[0] == "i:ylfw-gljt"
    assert found[1:] == ["s-0006", "s-0005"]  # then newest first


def test_results_show_title_date_publisher_place_and_highlighted_snippet(page, site_url):
    found = open_search(page, site_url, "q=" + quote("举报电话"))
    assert found[0] == "s-0010"  # newest first among equally relevant results
    first = page.locator(".sb-result").first
    assert first.locator("time").inner_text() == "2025-03-31"
    assert "测试县民政局" in first.inner_text()
    assert "县级" in first.inner_text()
    assert first.locator(".sb-result__snippet mark").first.inner_text() == "举报电话"
    marks = page.locator(".sb-result__title mark")
    assert marks.count() == 0  # 举报电话 is in no title here
    page.goto(site_url + "search/?q=" + quote("12号"))
    results(page)
    snippet = page.locator(".sb-result", has_text="西村").locator("mark").first.inner_text()
    assert snippet == "１２号"  # the fullwidth original, highlighted


@pytest.mark.parametrize("query", ["档案馆新址", "新址"])
def test_word_past_the_records_text_is_found_and_said_so(page, site_url, query):
    """s-0013's body is longer than the record's 3,000 characters and names 档案馆新址 only at
    its end: it is found (last among results it cannot confirm), and its snippet says the word
    may be further on instead of showing an unexplained start."""
    assert open_search(page, site_url, "q=" + quote(query)) == ["s-0013"]
    snippet = page.locator(".sb-result__snippet").first.inner_text()
    assert "为规范社会救助资金管理" in snippet
    assert f"“{query}”可能在后面的部分" in snippet
    if len(query) > 3:
        assert "未能确认含有完整的" in status(page)


def test_on_request_result_is_marked(page, site_url):
    open_search(page, site_url, "q=" + quote("档案查阅目录"))
    assert "依申请公开" in page.locator(".sb-result").first.inner_text()


# -- filters -------------------------------------------------------------------------------------
FILTERS = [
    ("c=jieguo", ["s-0004", "s-0006", "s-0011", "s-0009"]),
    ("d=ylfw", ["s-0012", "s-0010", "s-0003", "s-0006", "s-0005"]),
    ("t=nanmen", ["s-0005", "s-0009"]),
    ("t=county", ["s-0010", "s-0001", "s-0002", "s-0013"]),
    ("y=2023", ["s-0009", "s-0002"]),
    ("c=jieguo&t=nanmen&y=2023", ["s-0009"]),
    ("c=fuwu&t=hexi", ["s-0012"]),
    ("q=" + quote("低保") + "&t=hexi", ["s-0004", "s-0011"]),
    ("q=" + quote("电话") + "&y=2025", ["s-0010"]),
    ("q=" + quote("高龄津贴") + "&c=jieguo", ["i:ylfw-gljt", "s-0006"]),
    ("q=" + quote("低保") + "&s=date", ["s-0004", "s-0011", "s-0001", "s-0009",
                                        "i:shjz-dbsh"]),
]


@pytest.mark.parametrize(("state", "expected"), FILTERS, ids=[s for s, _ in FILTERS])
def test_filters_alone_and_with_a_query(page, site_url, state, expected):
    """Without a query the notices are listed newest first; the order is part of the test."""
    assert open_search(page, site_url, state) == expected


def test_filter_without_results_says_so(page, site_url):
    assert open_search(page, site_url, "t=shanyang&y=2023") == []
    assert "没有找到符合条件的信息" in status(page)


def test_nothing_asked_shows_a_prompt(page, site_url):
    assert open_search(page, site_url, "") == []
    assert "请输入关键词" in status(page)
    assert page.evaluate("document.activeElement.id") == "sb-search-q"


def test_filter_options_show_counts(page, site_url):
    open_search(page, site_url, "q=" + quote("低保"))
    options = page.locator("#sb-search-t option").all_inner_texts()
    assert "河西镇（2）" in options
    assert "南门街道（1）" in options
    assert "县级（1）" in options


def test_choices_go_into_a_url_that_gives_the_same_results(page, site_url):
    page.goto(site_url + "search/")
    page.fill("#sb-search-q", "低保")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=%E4%BD%8E%E4%BF%9D"))
    page.select_option("#sb-search-t", "hexi")
    page.wait_for_url(re.compile(r"t=hexi"))
    typed = results(page)
    assert typed == ["s-0004", "s-0011"]
    shared = page.url
    assert urlsplit(shared).path == "/search/"
    other = page.context.new_page()
    other.goto(shared)
    assert results(other) == typed
    assert other.input_value("#sb-search-q") == "低保"
    assert other.input_value("#sb-search-t") == "hexi"
    page.go_back()  # back to the query without the filter
    page.wait_for_url(re.compile(r"^(?!.*t=hexi)"))
    assert len(results(page)) > 2


# -- the header box on every page, phones, network -------------------------------------------------
def test_header_box_on_every_page_searches(page, site_url, search_site):
    for path in ("", "n/s-0001/", "catalog/", "t/hexi/"):
        soup = search_site.html(path)
        box = soup.select_one("form.sb-hsearch")
        assert box is not None, path
        assert box.select_one("label").get_text() == "搜索本站"
    page.goto(site_url + "n/s-0004/")
    page.fill("#sb-hsearch-q", "举报电话")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert set(results(page)) == {"s-0001", "s-0010", "s-0011"}


def test_header_search_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(site_url + "t/hexi/")
    button = page.locator(".sb-hsearch__button")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    button.click()
    page.wait_for_url(re.compile(r"/search/"))
    assert page.evaluate("document.activeElement.id") == "sb-search-q"
    page.fill("#sb-search-q", "东村")
    page.keyboard.press("Enter")
    assert results(page) == ["s-0004"]
    context.close()


def test_keyboard_only(page, site_url):
    page.goto(site_url + "search/")
    page.keyboard.type("西村")
    page.keyboard.press("Enter")
    assert results(page) == ["s-0011"]
    page.keyboard.press("Tab")  # the search button, then the results (issue 13: before filters)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#sb-search-results') !== null")
    page.keyboard.press("Tab")  # the filters' summary, then the filters (open on a wide screen)
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "sb-search-c"


def test_a_search_session_requests_only_the_sites_own_origin(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url)
    page.fill("#sb-hsearch-q", "低保")
    page.keyboard.press("Enter")
    results(page)
    page.select_option("#sb-search-y", "2025")
    results(page)
    page.fill("#sb-search-q", "高龄津贴")
    page.keyboard.press("Enter")
    results(page)
    context.close()
    origin = urlsplit(site_url).netloc
    assert any("/search/data/s/" in u for u in requested)
    assert any("/search/data/d/" in u for u in requested)
    assert [u for u in requested if urlsplit(u).netloc != origin] == []


def test_the_search_page_fetches_ahead_what_the_typed_words_need(browser, site_url,
                                                                   search_site):
    """Issue 15: the filter table is fetched once the page is idle, and the shards of the words
    typed so far when typing pauses; the search then fetches none of them again."""
    meta = json.loads((search_site.site / "search/data/meta.json").read_text(encoding="utf-8"))
    word = search.squeeze("城乡低保")
    expected = {f"/search/data/s/{search.shard_of(g, meta['shards'])}.bin"
                for g in search.query_grams(word)}
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(site_url + "search/")
    page.wait_for_function("window.sbSearchReady !== undefined")
    page.wait_for_timeout(1000)
    assert "/search/data/facets.bin" in requested  # nothing typed yet
    assert not [u for u in requested if "/search/data/s/" in u]
    page.locator("#sb-search-q").press_sequentially("城乡低保", delay=30)
    page.wait_for_timeout(1000)  # a pause: the shards are fetched
    fetched = {u for u in requested if "/search/data/s/" in u}
    assert expected <= fetched, (expected, fetched)
    before = len(requested)
    page.keyboard.press("Enter")
    found = results(page)
    assert found  # 城乡低保 is in the fixture
    again = requested[before:]
    assert not [u for u in again if "/search/data/s/" in u or u.endswith("facets.bin")], again
    context.close()


def test_offline_copy_explains_that_search_needs_the_website(page, search_site):
    """From file:// the browser refuses to read the index: a clear message, no endless wait."""
    page.goto((search_site.site / "search" / "index.html").as_uri() + "?q=" + quote("低保"))
    page.wait_for_function("window.sbSearchReady !== undefined")
    page.evaluate("window.sbSearchReady")
    assert "本地文件方式打开" in status(page)


def test_offline_copy_links_open_pages_and_the_header_box_opens_the_search_page(page,
                                                                                search_site):
    """From file:// a folder URL shows a directory listing: the header partial points links at
    index.html and the search box at search/index.html (which explains that search needs the
    website)."""
    page.goto((search_site.site / "n" / "s-0004" / "index.html").as_uri())
    page.locator(".md-content a[href*='t/hexi']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/t/hexi/index.html"), page.url
    assert "河西镇" in page.locator("h1").first.inner_text()
    page.fill("#sb-hsearch-q", "低保")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/index\.html\?q="))
    page.wait_for_function("window.sbSearchReady !== undefined")
    page.evaluate("window.sbSearchReady")
    assert "本地文件方式打开" in status(page)


# -- the index files -----------------------------------------------------------------------------
def test_index_holds_no_unpublished_text(search_site):
    folder = search_site.site / search.FOLDER
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (folder / "d").glob("*.json")]
    text = json.dumps(records, ensure_ascii=False)
    assert "s-0008" not in text and "核对报告" not in text and "暗号" not in text
    assert any(r["u"] == "n/s-0007/" for r in records)  # 依申请公开: metadata only
    for term in ("暗号", "丁戊己", "甲乙丙", "核对报"):
        assert search.lookup(folder, term) == [], term
    assert search.lookup(folder, "电话")


def _flat_every_pattern(markdown: str) -> str:
    """search._flat as it was before it skipped the patterns that cannot match (issue 15)."""
    text = search._MD_IMAGE.sub(r"\1", markdown)
    text = search._MD_LINK_TARGET.sub("]", text)
    text = search._HTML_TAG.sub(" ", text)
    text = search._MD_MARKS.sub(" ", text).replace("[", "").replace("]", "")
    return re.sub(r"\s+", " ", text).strip()


def test_plain_text_skips_only_patterns_that_cannot_match():
    """_flat runs a pattern only where it can match (half a million table cells at 10,000
    notices): it gives what every pattern applied gives, on random strings of the marks the
    patterns look for (list items, rule lines, emphasis, links, images, tags, blanks) and on
    every line of the sample county's notices."""
    import random

    rng = random.Random(15)
    alphabet = list("*_`|#>+-:.!()[]<> \t\n\r12２a字\u3000\x0b")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
             for _ in range(100_000)]
    texts += ["- 项目", "1. 第一条", "12.5", "：", "---", " : ", "2024-01-01", "贾*国",
              "# 标题", "> 引文", "[链接](a.md)", "![图](a.png)", "<br>", "1.\t条"]
    texts += [line for md in sorted((REPO / "content" / "notices").rglob("*.md"))
              for line in md.read_text(encoding="utf-8").splitlines()]
    assert [t for t in texts if search._flat(t) != _flat_every_pattern(t)] == []


def test_squeeze_matches_the_script():
    """The same normalisation as sb-search.js: letters and digits, NFKC, lower case."""
    assert search.squeeze("民发〔２０２４〕12号 ABC") == "民发202412号abc"
    assert search.squeeze("面积 50㎡，①号") == "面积50m2,1号".replace(",", "")


def test_squeeze_agrees_with_the_script_on_every_character(page, site_url):
    """search.py `squeeze` (index) and sb-search.js `squeeze` (query) give the same text for
    every code point up to U+2FFFF that this Python's Unicode database knows (CJK extensions
    and compatibility ideographs included; characters assigned after it are letters to the
    browser and unknown here), and for a few longer strings: otherwise a notice could hold a
    word its visitors cannot find."""
    import unicodedata

    page.goto(site_url + "search/")
    points = [cp for cp in range(0x30000)
              if not 0xD800 <= cp < 0xE000 and unicodedata.category(chr(cp)) != "Cn"]
    expected = [search.squeeze(chr(cp)) for cp in points]
    texts = ["⼈⼒资源和社会保障局", "高齡津貼發放名單", "望政辦發〔２０２４〕9號", "İSTANBUL ǅ ß",
             "面积 50㎡，①号"]
    wrong = page.evaluate("""([points, expected, texts]) => {
      const bad = [];
      points.forEach((cp, i) => {
        const got = window.sbSearchTest.squeeze(String.fromCodePoint(cp));
        if (got !== expected[i]) bad.push([cp.toString(16), got, expected[i]]);
      });
      return [bad.slice(0, 20), bad.length, texts.map(t => window.sbSearchTest.squeeze(t))];
    }""", [points, expected, texts])
    assert wrong[:2] == [[], 0], wrong[:2]
    assert wrong[2] == [search.squeeze(t) for t in texts]


def test_long_words_look_up_a_few_pieces(page, site_url):
    """A long word is looked up by at most MAX_GRAMS of its 3-character pieces, covering it
    (non-overlapping pieces and the last) while there are few enough; the script agrees."""
    assert search.query_grams("低保") == ["低保"]
    assert search.query_grams("最低生活保障") == ["最低生", "低生活", "生活保", "活保障"]
    for n in (11, 20, 24, 25, 44, 120):
        word = "".join(chr(0x4E00 + i) for i in range(n))
        pieces = search.query_grams(word)
        assert 3 <= len(pieces) <= search.MAX_GRAMS
        assert pieces[0] == word[:3] and pieces[-1] == word[-3:]
        if n <= 24:  # every character in some piece
            assert set(word) == set("".join(pieces))
    page.goto(site_url + "search/")
    words = ["低保", "最低生活保障", "民政局2025年"] + \
        ["".join(chr(0x4E00 + i) for i in range(n)) for n in (11, 20, 25, 44, 120)]
    assert page.evaluate("(words) => words.map(w => window.sbSearchTest.grams(w))", words) == \
        [search.query_grams(w) for w in words]


def test_kangxi_radicals_and_traditional_characters_are_folded(tmp_path: Path):
    """Text copied from a PDF often holds Kangxi radicals (⼈ U+2F08 for 人); some is typed in
    traditional characters. Both are found by the plain simplified word, and the other way."""
    docs = [search.Document(kind=0, path="n/a/", title="关于⼈⼒资源的通知", date="", publisher="",
                            place="", meta_text="", text="", body="城关鎮高齡津貼發放"),
            search.Document(kind=0, path="n/b/", title="高龄津贴标准", date="", publisher="",
                            place="", meta_text="", text="", body="")]
    folder = tmp_path / "idx"
    search.write_documents(docs, folder)
    assert search.lookup(folder, "人力资源") == [0]
    assert search.lookup(folder, "城关镇") == [0]
    assert search.lookup(folder, "高龄津贴") == [0, 1]
    assert search.lookup(folder, "高齡津貼") == [0, 1]
    pairs = search.FOLD
    traditional, simplified = pairs[0::2], pairs[1::2]
    assert len(set(traditional)) == len(traditional)  # one fold per character
    assert not set(traditional) & set(simplified)  # no chains
    assert all(t != s for t, s in zip(traditional, simplified, strict=True))


# -- the bundled sample county (tests/conftest.py builds a copy) ---------------------------------
@pytest.fixture(scope="session")
def sample_url(sample_site):
    with serve(sample_site.site) as url:
        yield url


def test_sample_site_titles_are_found(page, sample_url, sample_site):
    """The bundled sample county: every notice title finds its notice (first page of results)."""
    notices = json.loads((sample_site.site / "data/notices.json").read_text("utf-8"))["notices"]
    picked = notices[:: max(1, len(notices) // 8)][:8]
    for n in picked:
        page.goto(sample_url + "search/?q=" + quote(n["title"]))
        assert n["id"] in results(page)[:10], n["title"]


def test_traditional_characters_and_kangxi_radicals_find_the_same(page, sample_url):
    simplified = open_search(page, sample_url, "q=" + quote("高龄津贴"))
    assert len(simplified) > 10
    assert open_search(page, sample_url, "q=" + quote("高齡津貼")) == simplified
    assert open_search(page, sample_url, "q=" + quote("⼈⼒资源和社会保障局")) == \
        open_search(page, sample_url, "q=" + quote("人力资源和社会保障局"))
    marks = page.locator(".sb-result__title mark").all_inner_texts()
    assert "人力资源和社会保障局" in marks


def test_recall_on_real_notices(tmp_path: Path):
    """Real notice text (shared corpus): any 2–6 character piece of a body is found."""
    from conftest import need_shared

    corpus = need_shared() / "corpus" / "pingtan-notices.jsonl"
    if not corpus.exists():
        pytest.skip("corpus absent")
    lines = [json.loads(line) for line in corpus.read_text("utf-8").splitlines() if line.strip()]
    docs = [search.Document(kind=0, path=f"n/{i}/", title=r["title"], date="",
                            publisher="", place="", meta_text="", text="",
                            body=r["body"])
            for i, r in enumerate(lines)]
    folder = tmp_path / "idx"
    search.write_documents(docs, folder)
    import random

    rng = random.Random(4)
    checked = 0
    for number, doc in enumerate(docs):
        text = search.squeeze(doc.body)
        if len(text) < 10:
            continue
        for _ in range(3):
            size = rng.randint(2, 6)
            start = rng.randrange(0, len(text) - size)
            piece = text[start : start + size]
            assert number in search.lookup(folder, piece), (piece, doc.title)
            checked += 1
    assert checked > 100


# What a citizen types on the bundled sample county: (query, must be found, must not be found,
# the must-set is all of them). The "must not" ones hold a part of the query (电话 but not 举报电话,
# 低保 but not 城乡低保 …), are 依申请公开 (found by metadata only) or 不予公开 (never published).
SAMPLE_QUERIES = [
    ("举报电话", {"2024-0412", "2025-0209", "2025-0216", "2025-0518", "2025-0527", "2026-0307",
                  "2026-0618", "i:shjz-jdts", "p:zhinan"}, {"2026-0621", "2026-0620"}, True),
    ("电话", {"2026-0621", "2026-0618", "2024-0412", "2025-0221"},
     {"2026-0619", "2026-0616", "2026-0612"}, False),
    ("城乡低保", {"2024-0107", "2024-0413", "2024-0417", "2025-0212", "2025-0214", "2025-0518",
                  "2026-0601", "2026-0611", "2026-0612", "2026-0621"},
     {"2026-0620", "2026-0619", "2026-0617"}, True),
    ("人民政府", {"2024-0001", "2024-0002", "2026-0621", "2026-0619", "p:zhinan"},
     {"2026-0620", "2026-0306", "2026-0615"}, False),
    ("12号", {"2025-0207", "2026-0604", "2026-0607", "2026-0615"},
     {"2026-0610", "2025-0208", "2025-0508"}, True),
    ("望人社", {"2024-0410", "2026-0604", "2026-0607", "2026-0615"}, {"2025-0516", "2025-0501"},
     True),
    ("城关镇人民政府", {"2025-0607", "2026-0707", "2024-0002", "2024-0121", "2024-0403", "2025-0221", "2025-0222",
                        "2025-0501", "2025-0517", "2025-0526", "2026-0321", "2026-0619",
                        "2026-0802", "2026-0803"},  # issue 14: the late guide, a 公示结果
     {"2026-0618", "2026-0617"}, True),
    ("东门社区", {"2024-0002", "2024-0121", "2025-0221", "2025-0501", "2025-0526"},
     {"2026-0619", "2026-0620"}, True),
    ("北坪村", {"2024-0121", "2025-0221", "2025-0222", "2025-0501", "2025-0526", "2026-0619",
                "2026-0803"}, {"2024-0002", "2026-0618"}, True),
    ("望川县人力资源和社会保障局", {"2024-0402", "2024-0403", "2024-0410", "2024-0411",
                                    "2025-0503", "2025-0506", "2025-0517", "2025-0530",
                                    "2026-0604", "2026-0615"}, {"2024-0401", "2026-0611"}, True),
    ("危房改造", {"2025-0601", "2025-0603", "2026-0702", "2024-0405", "2024-0409", "2025-0502", "2025-0512", "2025-0523", "2025-0525",
                  "2026-0602", "2026-0609", "2026-0610", "2026-0614", "2026-0616",
                  "i:wfgz-dxgs", "i:wfgz-jdqk", "i:wfgz-zcwj", "p:zhinan"},
     {"2026-0322", "2026-0325", "2026-0621"}, True),
    ("双随机一公开", {"2025-0216", "2026-0307"}, {"p:zhinan"}, True),
    ("双随机、一公开", {"2025-0216", "2026-0307"}, {"p:zhinan"}, True),
    ("0578-6021532", {"2024-0121", "2025-0206", "2025-0221"}, {"2026-0621", "2026-0619"}, True),
    ("公益性岗位", {"2024-0401", "2024-0402", "2024-0403", "2025-0503", "2025-0517", "2025-0526",
                    "2026-0604", "2026-0607", "i:jycy-zpxx"}, {"2026-0605"}, True),
    ("三公经费", {"2024-0107", "2024-0108", "2024-0128", "2025-0212", "2025-0213", "2025-0214",
                  "2025-0222", "2025-0230", "2025-0236", "2026-0301", "2026-0306", "2026-0322",
                  "2026-0325", "2026-0329", "i:czyjs-juesuan", "i:czyjs-yusuan"},
     {"2025-0208"}, True),
    ("创业担保贷款", {"2024-0401", "2024-0402", "2024-0411", "2025-0503", "2025-0530",
                      "i:jycy-btzn"}, {"2026-0604"}, True),
    ("政府信息公开指南", {"p:zhinan"}, {"2026-0605", "2025-0505", "i:ylfw-zcwj"}, True),
    ("年度报告", {"p:nianbao-2024", "p:nianbao-2025"}, {"2025-0206", "2024-0110", "p:zhidu"},
     True),
    ("民发〔2021〕57号", {"2024-0404", "2024-0406", "2024-0417", "2025-0504", "2025-0508",
                          "2026-0621", "i:shjz-dbsh", "i:shjz-dbsp", "i:shjz-dbzn"},
     {"2026-0606", "2025-0520", "2025-0202"}, True),
    ("鱼塘村", {"2024-0126", "2025-0525", "2026-0329", "2026-0603", "2026-0618"},
     {"2026-0621", "2026-0619"}, True),
    ("松岭村", {"2024-0129", "2025-0235", "2025-0236", "2026-0334", "2026-0608", "2026-0609",
                "2026-0613"}, {"2026-0326", "2025-0528"}, True),
    ("灾后重建", {"2026-0616"}, {"2026-0614", "2026-0609", "2026-0602"}, True),
    ("春风行动", {"2025-0503"}, {"2026-0610", "2025-0528"}, True),
    ("绩效评价", {"2024-0108", "2024-0128", "2025-0214", "2025-0527", "2026-0306", "2026-0322",
                  "i:czyjs-juesuan"}, {"2026-0301"}, True),
    # 依申请公开 2025-0510: found by its title, summary and 主题词, never by its body.
    ("依申请向本人提供", {"2025-0510"}, {"2024-0111", "p:ysqgk"}, True),
    ("入户调查记录", {"2025-0527", "2026-0618"}, {"2025-0510", "2026-0619"}, True),
    ("家庭经济状况核对", {"2025-0605", "2026-0701", "2026-0710", "2024-0002", "2024-0107", "2024-0404", "2024-0406", "2024-0408",
                          "2024-0414", "2025-0505", "2025-0507", "2025-0508", "2025-0510",
                          "2025-0513", "2025-0514", "2025-0520", "2025-0528", "2025-0529",
                          "2026-0608", "2026-0619", "i:shjz-gryc"},
     {"2025-0511", "2026-0618", "2026-0303"}, True),
    # 不予公开 2025-0511 and 2025-0225: in no index, whatever is typed.
    ("望核〔2025〕第0137号", set(), {"2025-0511"}, True),
    ("复核个案材料", set(), {"2025-0225"}, True),
    ("低保 城关镇", {"2025-0607", "2026-0707", "2024-0002", "2024-0403", "2024-0406", "2024-0412", "2025-0201",
                    "2025-0206", "2025-0215", "2025-0504", "2025-0513", "2025-0526",
                    "2026-0602", "2026-0619", "2026-0621",
                    "2026-0801", "2026-0803"},  # issue 14: 征求意见 (城关镇人民路), 公示结果
     {"2026-0620", "2026-0618"}, True),
    ("高龄津贴 石桥镇", {"2024-0112", "2025-0206", "2026-0308", "2026-0326"},
     {"2026-0333", "2026-0328"}, True),
]


@pytest.mark.parametrize(("query", "wanted", "unwanted", "exact"), SAMPLE_QUERIES,
                         ids=[q for q, *_ in SAMPLE_QUERIES])
def test_sample_query_finds_what_it_must(page, sample_url, query, wanted, unwanted, exact):
    found = open_search(page, sample_url, "q=" + quote(query))
    assert wanted <= set(found), (query, sorted(wanted - set(found)))
    assert not unwanted & set(found), (query, sorted(unwanted & set(found)))
    if exact:
        assert set(found) == wanted, (query, sorted(set(found) - wanted))
    assert len(found) == len(set(found))
    assert (f"共找到 {len(found)} 条结果" if found else "没有找到符合条件的信息") in status(page)


# 文号 → the notice carrying it (others cite it in their bodies and are newer).
DOC_NUMBERS = [("望政办发〔2024〕9号", "2024-0401"), ("望人社〔2026〕12号", "2026-0604"),
               ("望民〔2024〕9号", "2024-0101"), ("望建〔2024〕23号", "2024-0405"),
               ("望农〔2024〕15号", "2024-0102"), ("望民〔2024〕47号", "2024-0110")]


@pytest.mark.parametrize(("query", "notice"), DOC_NUMBERS, ids=[q for q, _ in DOC_NUMBERS])
def test_sample_doc_number_ranks_its_notice_first(page, sample_url, query, notice):
    found = open_search(page, sample_url, "q=" + quote(query))
    assert found[0] == notice, found


@pytest.mark.parametrize(("query", "items"), [("高龄津贴", ["i:ylfw-btzn", "i:ylfw-btmd"]),
                                              ("护理补贴", ["i:ylfw-btzn", "i:ylfw-btmd"]),
                                              ("临时救助", ["i:shjz-lszn", "i:shjz-lsjg"])])
def test_sample_catalog_items_come_first_for_what_they_publish(page, sample_url, query, items):
    """老年人补贴办事指南 / 发放信息 publish 高龄津贴 (their 公开内容), though their names do not
    say it: a citizen searching 高龄津贴 finds them first, then the notices."""
    found = open_search(page, sample_url, "q=" + quote(query))
    assert found[: len(items)] == items, found


# -- long words: a few pieces fetched, candidates checked against their records -----------------
LONG_TITLE = "望川县民政局关于公开征求《望川县经济困难老年人养老服务补贴办法（征求意见稿）》意见的公告"


def test_sample_whole_title_fetches_a_few_shards(page, sample_url):
    """A pasted 40-character title fetched a shard per character (37 shards, 262 KB at 1,000
    notices); now at most MAX_GRAMS, and its notice is the one result."""
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    assert open_search(page, sample_url, "q=" + quote(LONG_TITLE)) == ["2025-0201"]
    shards = [u for u in requested if "/search/data/s/" in u]
    assert 0 < len(shards) <= search.MAX_GRAMS, shards


# (query, exactly these, not these): the pieces of the word are all in the "not these" too.
CHECKED = [
    ("民政局2025年", {"2025-0201", "2025-0208", "2025-0212", "2025-0216", "2025-0504",
                      "2025-0507", "2025-0515", "2025-0518", "2025-0527"},
     {"2024-0101", "2024-0110", "2025-0202", "2025-0229", "2025-0508", "2026-0601"}),
    ("低保对象公示", set(), {"2026-0606"}),
    ("人民政府2025年", {"2025-0601", "2025-0602", "2025-0603", "2025-0604", "2025-0607", "2025-0529", "2025-0528", "2025-0526", "2025-0525", "2025-0524",
                        "2025-0523", "2025-0235", "2025-0522", "2025-0521", "2025-0520",
                        "2025-0519", "2025-0234", "2025-0221", "2025-0514", "2025-0512",
                        "2025-0233", "2025-0231", "2025-0227", "2025-0228", "2025-0232",
                        "2025-0229", "2025-0501", "p:nianbao-2025"},
     {"2026-0603", "p:nianbao-2024"}),
]


@pytest.mark.parametrize(("query", "wanted", "unwanted"), CHECKED, ids=[q for q, _, _ in CHECKED])
def test_sample_long_word_results_hold_the_word(page, sample_url, query, wanted, unwanted):
    """Documents holding every piece of a long word but not the word (民政局 … 2025年 apart)
    are not results, and the count says how many hold it."""
    found = open_search(page, sample_url, "q=" + quote(query))
    assert set(found) == wanted
    assert len(found) == len(wanted)
    assert not unwanted & set(found)
    if wanted:
        assert f"共找到 {len(wanted)} 条结果" in status(page)
    else:
        assert "没有找到符合条件的信息" in status(page)


def test_sample_many_candidates_are_checked_as_they_are_shown(page, sample_url):
    """More than 20 candidates: checked page by page; until all are, the count is 约 N."""
    page.goto(sample_url + "search/?q=" + quote("人民政府2025年"))
    page.wait_for_function("window.sbSearchReady !== undefined")
    page.evaluate("window.sbSearchReady")
    assert page.locator(".sb-result").count() == 10
    assert "找到约" in status(page)
    assert len(results(page)) == 28
    assert "共找到 28 条结果" in status(page)


# -- snippets --------------------------------------------------------------------------------------
def test_sample_snippet_of_a_table_row_names_its_columns(page, sample_url):
    """A name in a roster table: the row with its column headings, not a run of numbers."""
    assert open_search(page, sample_url, "q=" + quote("孙海芳")) == ["2025-0221"]
    snippet = page.locator(".sb-result__snippet").first
    text = snippet.inner_text()
    assert "姓名：孙海芳" in text and "所在社区（村）：东门社区" in text, text
    assert snippet.locator("mark").all_inner_texts() == ["孙海芳"]


def test_sample_snippet_shows_matching_keywords(page, sample_url):
    """电子商务 is only a 主题词 of 2024-0407: the snippet shows them, highlighted."""
    assert "2024-0407" in open_search(page, sample_url, "q=" + quote("电子商务"))
    snippet = page.locator(".sb-result", has_text="农村电商技能培训班").locator(".sb-result__snippet")
    assert "主题词：技能培训、电子商务" in snippet.inner_text()
    assert snippet.locator("mark").all_inner_texts() == ["电子商务"]


# -- words typed together -----------------------------------------------------------------------------
TOGETHER = [("城关镇低保", "城关镇 低保"), ("东门社区低保", "东门社区 低保"),
            ("石桥镇高龄津贴", "石桥镇 高龄津贴"), ("低保城关镇", "低保 城关镇"),
            ("民政局低保", "民政局 低保")]


@pytest.mark.parametrize(("typed", "meant"), TOGETHER, ids=[t for t, _ in TOGETHER])
def test_sample_words_typed_together_find_what_the_spaced_query_finds(page, sample_url, typed,
                                                                       meant):
    spaced = open_search(page, sample_url, "q=" + quote(meant))
    assert spaced
    assert open_search(page, sample_url, "q=" + quote(typed)) == spaced
    assert page.inner_text("#sb-search-suggest") == f"没有找到“{typed}”。您是否要找：{meant}"


# -- printing a search: the state URL and its QR code ---------------------------------------------
QR_TEXTS = ["http://a.cn", "https://gk.example.gov.cn/search/?q=%E4%BD%8E%E4%BF%9D&t=hexi",
            # Raw UTF-8 (a host or path the page takes as it is), a 4-byte character too.
            "https://gk.example.gov.cn/search/?q=低保&t=河西镇", "https://例子.中国/search/?q=𠮷"]
QR_TEXTS += ["https://www.wangchuan.gov.cn/search/?q=" + "%E4%BD%8E" * n for n in
             (3, 9, 20, 30, 45, 60, 90, 120, 140, 170, 180)]  # level Q: 1663 bytes at most


def _qrcode_symbols(data: bytes) -> tuple[int, list[list[str]]]:
    """(version, the symbol for each of the 8 masks) as qrcode draws `data` in one byte-mode
    segment, error correction Q, quiet zone 4."""
    import qrcode
    import qrcode.constants

    def rows(code) -> list[str]:
        return ["".join("1" if x else "0" for x in row) for row in code.get_matrix()]

    chosen = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=4)
    chosen.add_data(data, optimize=0)
    chosen.make(fit=True)
    symbols = []
    for mask in range(8):
        code = qrcode.QRCode(version=chosen.version, border=4, mask_pattern=mask,
                             error_correction=qrcode.constants.ERROR_CORRECT_Q)
        code.add_data(data, optimize=0)
        code.make(fit=False)
        symbols.append(rows(code))
    return chosen.version, symbols


def test_qr_encoder_of_the_page_draws_qrcodes_symbol(page, site_url):
    """The state URL's code (sb-qr.js with the vendored qrcode-generator) is qrcode's symbol for
    the same UTF-8 bytes in one byte-mode segment: same version (1 to 40), level Q, data and
    error correction codewords, quiet zone — all but the mask, which each library picks by its
    own penalty score (qrcode-generator 2.0.4 picks another mask than qrcode for 13 of these 15
    texts), so the symbol must equal qrcode's for one of the eight masks. The code as drawn
    (the download PNG, from a canvas) decodes to the same bytes and text with zxing-cpp."""
    import base64

    from qrtools import decode, open_image

    page.goto(site_url + "search/")
    page.wait_for_function("window.sbQr !== undefined")
    got = page.evaluate("(texts) => texts.map(t => { const s = window.sbQr.encode(t); "
                        "return [s.version, s.rows.map(r => r.map(x => x ? 1 : 0).join('')), "
                        "window.sbQr.png(s, 4)]; })", QR_TEXTS)
    versions = []
    for text, (version, rows, png) in zip(QR_TEXTS, got, strict=True):
        data = text.encode()
        expected_version, symbols = _qrcode_symbols(data)
        assert version == expected_version, text
        assert rows in symbols, text
        versions.append(version)
        found = decode(open_image(base64.b64decode(png.split(",", 1)[1])))
        assert [(r.bytes, r.text, r.ec_level) for r in found] == [(data, text, "Q")], text
    assert versions[0] == 1 and versions[-1] == 40 and len(set(versions)) >= 10


def test_qr_encoder_of_the_page_refuses_what_no_version_holds(page, site_url):
    """One byte more than a version 40 code holds at level Q: no code (the page then keeps its
    own code, as sb-search.js says), where qrcode refuses too."""
    import qrcode
    import qrcode.constants

    page.goto(site_url + "search/")
    page.wait_for_function("window.sbQr !== undefined")
    fits, too_long = "h" * 1663, "h" * 1664
    assert page.evaluate("(t) => window.sbQr.encode(t).version", fits) == 40
    assert page.evaluate("(t) => window.sbQr.encode(t)", too_long) is None
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q)
    code.add_data(too_long.encode(), optimize=0)
    with pytest.raises(ValueError, match="was 41"):  # no version 41
        code.make(fit=True)


def test_qr_library_is_published_unchanged_with_its_licence(search_site):
    """The search page loads the QR encoder from the site itself, before sb-qr.js, and the
    site carries the library's MIT licence beside it."""
    page = search_site.html("search/")
    scripts = [tag["src"] for tag in page.select("script[src]")]
    library, qr = (f"../{search_page.QR_LIBRARY}", f"../{search_page.QR_SCRIPT}")
    assert scripts.index(library) < scripts.index(qr) < scripts.index(f"../{search_page.SCRIPT}")
    published = search_site.site / search_page.QR_LIBRARY
    assert published.read_bytes() == (REPO / "overrides" / search_page.QR_LIBRARY).read_bytes()
    licence = published.with_suffix(".LICENSE.txt").read_text(encoding="utf-8")
    assert "Copyright (c) 2009 Kazuhiko Arase" in licence
    assert "Permission is hereby granted, free of charge" in licence


def printed_qr(page) -> list[str]:
    """The search page as printed: the QR block's image, decoded by zxing-cpp."""
    from qrtools import open_image, texts

    page.emulate_media(media="print")
    page.wait_for_function("document.querySelector('.sb-qr__img').complete")
    return texts(open_image(page.locator(".sb-qr__img").screenshot(scale="device")))


STATES = [("c=jieguo&t=chengguan&y=2024", "五公开类别：结果公开；乡镇（街道）：城关镇；发布年份：2024年"),
          ("q=" + quote("高龄津贴") + "&t=chengguan&s=date",
           "关键词“高龄津贴”；乡镇（街道）：城关镇；排序：发布日期（从新到旧）")]


@pytest.mark.parametrize(("state", "conditions"), STATES, ids=[s for s, _ in STATES])
def test_sample_printed_search_carries_its_state(browser, sample_url, state, conditions):
    """Printing 结果公开 · 城关镇 · 2024 gave the QR code of plain /search/: now the printed URL
    and QR code are those of the state, and the conditions are printed in words."""
    context = browser.new_context(device_scale_factor=2)
    page = context.new_page()
    page.goto(sample_url + "search/?" + state)
    results(page)
    wanted = "https://www.wangchuan.gov.cn/search/?" + state
    assert printed_qr(page) == [wanted]
    assert page.inner_text(".sb-qr__url") == wanted
    assert page.inner_text("#sb-search-conditions") == "搜索条件：" + conditions
    png = page.locator(".sb-qr__download a[download$='.png']").get_attribute("href")
    assert png.startswith("data:image/png;base64,")
    import base64

    from qrtools import open_image, texts
    assert texts(open_image(base64.b64decode(png.split(",", 1)[1]))) == [wanted]
    # Back to no state (清除条件): the page's own code and URL again.
    page.emulate_media(media="screen")
    page.click(".sb-search__clear")
    page.wait_for_url(re.compile(r"/search/$"))
    page.wait_for_function("document.querySelector('.sb-qr__img').getAttribute('src') === 'qr.svg'")
    assert page.inner_text(".sb-qr__url") == "https://www.wangchuan.gov.cn/search/"
    assert printed_qr(page) == ["https://www.wangchuan.gov.cn/search/"]
    context.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_index_updated_from_the_previous_build_is_the_index_made_from_nothing(tmp_path: Path):
    """Issue 15: the index kept in .cache/search/ is updated where documents changed
    (searchcache.py); after random edits of titles, bodies and 文号 the files are byte for byte
    those of an index made from nothing, and the update really was an update."""
    import dataclasses
    import random

    from site_builder.output import searchcache
    from site_builder.pipeline import Project, build_model

    site, _ = build_model(Project.at(REPO), cache=False)
    docs = search.documents(site)
    cache = tmp_path / "cache"
    search.write_documents(docs, tmp_path / "first", None, cache)
    rng = random.Random(15)
    for round_, count in enumerate((1, 2, 3, 5, 8, searchcache.FEW + 5)):  # lists bisected/scanned
        for number in rng.sample(range(len(docs)), count):
            doc = docs[number]
            docs[number] = dataclasses.replace(
                doc, title=doc.title + rng.choice(["", "（更正）"]),
                body=rng.choice([doc.body + "新增的段落：敬老院 2026", doc.body[: len(doc.body) // 2]]),
                doc_number=rng.choice([doc.doc_number, "民发〔2026〕99号"]))
        assert searchcache.Index.load(cache, docs) is not None, "made from nothing, not updated"
        search.write_documents(docs, tmp_path / "updated", None, cache)
        search.write_documents(docs, tmp_path / "fresh", None, None)
        updated, fresh = _files(tmp_path / "updated"), _files(tmp_path / "fresh")
        assert updated.keys() == fresh.keys()
        assert [p for p in fresh if updated[p] != fresh[p]] == [], f"round {round_}"
        assert search.lookup(tmp_path / "updated", "敬老院") == search.lookup(tmp_path / "fresh",
                                                                             "敬老院")
    docs.append(docs[0])  # one more document: made from nothing
    assert searchcache.Index.load(cache, docs) is None


def test_kept_plain_texts_and_files_give_the_index_made_from_nothing(tmp_path: Path):
    """Issue 15: the plain text of each body and the index files are kept in .cache/search/
    (searchcache.Texts, KeptFiles). After a same-length edit of one body the files written are
    those of an index made from nothing (the edited body's kept text is not used: it is kept by
    the body, not by the notice or the length), unchanged files are links to kept copies, and
    what the build did not use is no longer kept. A kept text is really used (one planted in
    the cache shows), a kept file edited through the site is not, and a corrupt cache is as
    none."""
    import dataclasses
    import hashlib
    import shutil

    from site_builder.base import filestamp
    from site_builder.output import searchcache
    from site_builder.pipeline import Project, build_model

    site, _ = build_model(Project.at(REPO), cache=False)
    cache = tmp_path / "cache"
    search.write_index(site, tmp_path / "first", cache)
    number = next(i for i, n in enumerate(site.notices) if not n.on_request and "的" in n.body)
    notice = site.notices[number]
    old_text = search.plain_text(search._MD_LINK_TARGET.sub("]", notice.body), None)

    planted = tmp_path / "planted"  # a copy of the cache with another text for the notice
    shutil.copytree(cache, planted)
    version, texts = filestamp.read_pickle(planted / searchcache.TEXTS)
    texts[next(key for key, text in texts.items() if text == old_text)] = "种在缓存里的文字"
    filestamp.write_pickle(planted / searchcache.TEXTS, (version, texts))
    search.write_index(site, tmp_path / "from-planted", planted)
    assert "种在缓存里的文字" in (tmp_path / "from-planted" / search.FOLDER / "d" /
                              f"{number}.json").read_text(encoding="utf-8")

    site.notices[number] = dataclasses.replace(notice, body=notice.body.replace("的", "得", 1))
    search.write_index(site, tmp_path / "updated", cache)
    search.write_index(site, tmp_path / "fresh", None)
    updated = _files(tmp_path / "updated" / search.FOLDER)
    fresh = _files(tmp_path / "fresh" / search.FOLDER)
    assert updated.keys() == fresh.keys()
    assert [p for p in fresh if updated[p] != fresh[p]] == []
    assert "得" in json.loads(updated[f"d/{number}.json"])["x"]

    version, texts = filestamp.read_pickle(cache / searchcache.TEXTS)
    bodies = ["" if n.on_request else search._MD_LINK_TARGET.sub("]", n.body)
              for n in site.notices] + [p.body for p in site.pages]
    assert len(texts) == len(set(bodies)) and old_text not in texts.values()
    assert set(texts.values()) == {search.plain_text(body, None) for body in bodies}
    kept = {p.name for p in (cache / searchcache.FILES).iterdir()}
    assert kept == {hashlib.sha256(data).hexdigest() for path, data in updated.items()
                    if path.startswith(("d/", "s/"))}
    first_record = tmp_path / "updated" / search.FOLDER / "d" / "0.json"
    assert first_record.stat().st_nlink > 1  # a link to its kept copy

    first_record.write_text("{}", encoding="utf-8")  # edited in the site: the kept copy too
    search.write_index(site, tmp_path / "after-edit", cache)
    assert _files(tmp_path / "after-edit" / search.FOLDER) == fresh
    # the kept state names the files but holds none of their bytes: a shard edited through the
    # site is encoded again from the postings, and with no kept copy at all every file is made
    _, _, _, _, record_names, shard_names = filestamp.read_pickle(cache / searchcache.STATE)
    assert all(len(name) == 64 for name in record_names + shard_names)
    (tmp_path / "after-edit" / search.FOLDER / "s" / "0.bin").write_bytes(b"edited")
    search.write_index(site, tmp_path / "after-shard-edit", cache)
    assert _files(tmp_path / "after-shard-edit" / search.FOLDER) == fresh
    shutil.rmtree(cache / searchcache.FILES)
    search.write_index(site, tmp_path / "no-kept-files", cache)
    assert _files(tmp_path / "no-kept-files" / search.FOLDER) == fresh

    for name in (searchcache.TEXTS, searchcache.STAMPS, searchcache.STATE):
        (cache / name).write_bytes(b"not a pickle")
    search.write_index(site, tmp_path / "corrupt", cache)
    assert _files(tmp_path / "corrupt" / search.FOLDER) == fresh
