"""Full-text search: a static, chunked character n-gram index written after the build.

Why n-grams: Chinese has no spaces, and citizens type any part of a word (电话 for 举报电话, 12号
for 民发〔2024〕12号). Word segmentation (jieba, Pagefind, Material's search) indexes 举报电话 as
one word and misses its parts. Here every document is reduced to its letters and digits
(`squeeze`: NFKC, lower case, punctuation and spaces dropped) and indexed by every substring of
one, two and three characters. A query word of up to three characters is looked up directly; a
longer one must have all its overlapping three-character pieces in the document, which in real
text means it occurs there. So any part of a word is found, whatever punctuation either side
typed (民发2024 12号 finds 民发〔2024〕12号).

Files under `search/data/` (read by overrides/assets/javascripts/sb-search.js, which mirrors
`squeeze` and `shard_of`):
  meta.json        facet codes, document count, shard count, id width, format version (the
                   search page carries the same, `page_config`, to save a round trip)
  facets.bin       one row of FACET_COLUMNS bytes per document (filters without a query)
  s/<n>.bin        posting shards: the terms whose `shard_of` is n, with the ids of the
                   documents holding them, and of those holding them in a strong field (title,
                   文号, 主题词; a catalog item's 公开内容), which rank first
  d/<id>.json      one small record per document: what a result shows (title, date, 发布机构,
                   place, 文号, 主题词, text for snippets) and the rest of its indexed text, so
                   that the candidates of a long word can be checked (`check`)
Documents are numbered newest first, so "newest first" is document order.

Only published content is indexed: notices (主动公开 with their body; 依申请公开 by their
metadata and summary only), catalog items and the 信息公开 column pages. 不予公开 notices are not
in the model, so they cannot be indexed.
"""

from __future__ import annotations

import functools
import json
import operator
import re
import shutil
import sys
import unicodedata
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, MutableSequence
from dataclasses import dataclass
from pathlib import Path

from ..base import messages as msg
from ..base import urls, vocab
from ..model.site import CatalogItem, ColumnPage, Notice, Site

FORMAT = 2
FOLDER = "search/data"  # beside the search page (search/index.html)
TEXT_LIMIT = 3000  # characters of text kept per document for result snippets
# A query word longer than 3 characters is looked up by some of its 3-character pieces (up to
# MAX_GRAMS: a pasted 40-character title would otherwise fetch ~40 shards), and the documents
# holding them all are checked against their records (`check`), which hold all of their text
# unless the body is longer than TEXT_LIMIT. Mirrored in sb-search.js.
MAX_GRAMS = 8

KIND_NOTICE, KIND_ON_REQUEST, KIND_ITEM, KIND_PAGE = 0, 1, 2, 3
FACET_COLUMNS = ("kind", "category", "domain", "township", "year")
NO_VALUE = 0  # in a facet column: "does not apply" (an item has no township or year)
COUNTY = 1  # township column: county-level notices

_DROP = re.compile(r"[\W_]+")  # everything that is not a letter or a digit
# Characters NFKC changes into other letters or digits (fullwidth ２０２４, ①, ㎡, ℃, ligatures,
# Kangxi radicals ⼈ U+2F08 as copied from PDFs ...): normalised one by one, because NFKC over a
# whole Chinese document is slow and changes nothing else we keep (punctuation is dropped either
# way). sb-search.js applies NFKC to the whole query; tests/test_search.py checks that both give
# the same for every character up to U+2FFFF. The class is computed once (≈ 0.1 s).


def _compat_class() -> re.Pattern[str]:
    points = []
    for cp in range(0x30000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch and _DROP.sub("", folded.lower()) != _DROP.sub("", ch.lower()):
            points.append(cp)
    ranges: list[list[int]] = []
    for cp in points:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return re.compile("[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}"
                                    for a, b in ranges) + "]")


_COMPAT = _compat_class()
# Traditional → simplified for characters common in government text, applied by `squeeze` here
# and (from `page_config`) in sb-search.js, so 高齡津貼 finds 高龄津贴 and the other way round.
# Pairs: traditional, simplified. Only one-to-one folds (no 乾/幹, 著, 藉 ...).
FOLD = (
    "關关鎮镇齡龄貼贴養养號号縣县區区鄉乡園园會会國国門门東东長长車车馬马書书見见說说話话"
    "語语讀读認认證证請请議议護护讓让記记設设計计許许論论該该調调談谈謝谢貧贫費费資资買买"
    "賣卖貨货質质財财責责賬账購购貸贷員员醫医療疗險险價价傷伤優优億亿儀仪們们個个從从眾众"
    "倉仓來来這这進进運运還还過过連连選选適适遺遗邊边達达違违際际陽阳陰阴隊队階阶隨随陳陈"
    "將将專专對对導导屬属歲岁歷历曆历學学習习寫写畫画電电雲云農农業业產产廠厂廣广慶庆應应"
    "廢废開开間间問问聞闻閱阅氣气決决況况減减溫温滿满漢汉濟济準准灣湾災灾為为無无熱热燈灯"
    "營营爭争愛爱狀状獎奖獨独環环現现發发盡尽監监確确禮礼稅税種种積积穩稳窮穷競竞筆笔範范"
    "簡简築筑類类糧粮緊紧紅红級级紀纪約约納纳紙纸組组細细終终經经結结給给絡络統统絕绝維维"
    "綠绿網网線线編编練练總总績绩繳缴織织職职聯联聲声聽听與与舊旧艱艰節节藥药處处術术衛卫"
    "補补製制複复規规視视親亲觀观訂订訊讯訓训試试詢询誠诚誤误課课諮咨識识變变豐丰負负貢贡"
    "貿贸賠赔贈赠軍军軟软輔辅輕轻載载輸输轉转辦办郵邮針针錢钱鐵铁銀银錄录閉闭陸陆雙双"
    "雜杂難难靜静響响頁页項项順顺須须預预領领頭头題题額额顧顾風风飛飞館馆驗验體体鳥鸟麥麦"
    "黃黄點点齊齐龍龙龜龟亞亚係系備备傳传債债僅仅儲储兒儿內内兩两冊册劃划劉刘則则剛刚創创"
    "劇剧勞劳務务動动勝胜勢势勵励協协參参啟启單单嚴严團团圖图圍围圓圆場场塊块報报壓压壞坏"
    "夠够奪夺婦妇孫孙實实審审寬宽寧宁屆届層层島岛幣币幫帮帶带庫库廳厅張张彈弹後后復复徹彻"
    "態态慣惯憑凭懷怀戰战戶户撥拨擁拥擇择據据擔担擴扩攜携擬拟數数斷断時时條条構构標标樣样"
    "樂乐機机權权櫃柜歡欢殘残毀毁漁渔潔洁澤泽燒烧牆墙獲获畝亩當当礦矿碼码離离簽签縮缩羅罗"
    "義义聖圣脫脱腳脚臉脸興兴舉举莊庄華华萬万葉叶蘇苏蟲虫裝装覽览訴诉詞词詳详誰谁講讲譯译"
    "贊赞豬猪貝贝貴贵賀贺賓宾賽赛跡迹軌轨較较輛辆輪轮辭辞遠远遞递釋释鋼钢錯错鐘钟閣阁"
    "隱隐雖虽雞鸡靈灵頒颁頻频顯显飲饮餘余駕驾騎骑驅驱鬧闹魚鱼鮮鲜黨党齒齿殯殡癥症饑饥臺台於于裡里裏里並并週周佔占衝冲"
)
_FOLD_TABLE = {ord(FOLD[i]): FOLD[i + 1] for i in range(0, len(FOLD), 2)}
_TRADITIONAL = re.compile("[" + "".join(sorted(set(FOLD[0::2]))) + "]")
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
_MD_MARKS = re.compile(r"^[ \t:|-]+$|^[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)[ \t]+|[*_`|]+", re.M)
# Where _MD_MARKS can change a text (it also replaces a line of blanks by one blank, which the
# collapsing of white space does anyway): one of its marks, or a line starting with "-", ":" or
# "1. " (a line of "-", ":" and "|" only, a list item).
_MD_MARK_HINT = re.compile(r"[*_`|#>+]|^[ \t]*(?:[-:]|\d+\.[ \t])", re.M)
_TABLE = re.compile(r"^[ \t]*\|.*$(?:\n[ \t]*\|.*$)+", re.M)  # Markdown table: rows of |
_TABLE_RULE = re.compile(r"^[ \t:|-]+$")


def squeeze(text: str) -> str:
    """What the index sees: NFKC, traditional characters folded (`FOLD`), lower case, letters
    and digits only (no spaces, no marks). sb-search.js does the same to a query:
    `normalize("NFKC")`, lower case, the same folds, drop [^\\p{L}\\p{N}]."""
    text = _COMPAT.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if _TRADITIONAL.search(text):
        text = text.translate(_FOLD_TABLE)
    return _DROP.sub("", text.lower())


def shard_of(term: str, shards: int) -> int:
    """The shard file holding `term` (1–3 characters). Mirrored in sb-search.js."""
    value = len(term)
    for ch in term:
        value = (value * 31 + ord(ch)) % 1_000_003
    return value % shards


def plain_text(markdown: str, limit: int | None = TEXT_LIMIT) -> str:
    """Readable text of a Markdown body for snippets (its first `limit` characters, or all of
    it): link targets, tags and marks removed. A table becomes a line per row ("\\n" before and
    after), its cells separated by tabs, so that a result can show the row that holds a word
    with its column headings (sb-search.js `snippet`) instead of a run of numbers."""
    source = markdown if limit is None else markdown[: limit * 2]
    lines, at = [], 0
    for table in _TABLE.finditer(source):
        lines.append(_flat(source[at : table.start()]))
        lines.extend("\t".join(_flat(cell) for cell in row.strip().strip("|").split("|"))
                     for row in table.group().splitlines() if not _TABLE_RULE.match(row))
        at = table.end()
    lines.append(_flat(source[at:]))
    text = "\n".join(line for line in lines if line.strip())
    return text if limit is None else text[:limit]


def _flat(markdown: str) -> str:
    """One line of text: images by their alt text, link targets, tags and marks removed, runs
    of white space made one space. Called once per table cell (half a million at 10,000
    notices), so each pattern runs only where what it matches can be: a cell such as 28.87 or
    新华社区 goes through no regular expression (the result is the same; tests/test_search.py
    compares it with every pattern applied)."""
    text = markdown
    if "![" in text:
        text = _MD_IMAGE.sub(r"\1", text)
    if "](" in text:
        text = _MD_LINK_TARGET.sub("]", text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if _MD_MARK_HINT.search(text):
        text = _MD_MARKS.sub(" ", text)
    if "[" in text or "]" in text:
        text = text.replace("[", "").replace("]", "")
    return " ".join(text.split())  # = re.sub(r"\s+", " ", text).strip()


# -- documents -----------------------------------------------------------------------------------
@dataclass
class Document:
    """One search result: a notice, a catalog item or a column page."""

    kind: int
    path: str  # site path of its page
    title: str
    date: str  # 发布日期 (ISO) or ""
    publisher: str
    place: str
    meta_text: str  # indexed but not shown: 文号, 事项, 领域, 关键词 ...
    text: str  # shown in snippets (the start of the body, as plain text)
    body: str  # indexed: the whole body as written (Markdown; its marks are not letters)
    # In the record, for checking candidates (the record holds every indexed text): the part of
    # meta_text no other record field holds, and whether `text` is the whole body.
    record_meta: str = ""
    complete: bool = False
    category: int = NO_VALUE  # 1 + index in vocab.CATEGORIES
    domain: int = NO_VALUE  # 1 + index in site.domains
    township: int = NO_VALUE  # COUNTY, or 2 + index in site.townships
    year: int = NO_VALUE  # 1 + (year - first year)
    doc_number: str = ""
    # Besides the title, what says what the document *is* (ranked like a title hit): a notice's
    # 文号 and 主题词, a catalog item's 公开内容 (高龄津贴 finds the item that publishes it).
    strong: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()  # a notice's 主题词 (shown in a result when they match)


def whole_plain_text(markdown: str) -> str:
    return plain_text(markdown, None)


def documents(site: Site, plain: Callable[[str], str] = whole_plain_text) -> list[Document]:
    """Every searchable page, newest notices first, then catalog items, then column pages.
    `plain` gives the whole plain text of a body (`plain_text`; searchcache.Texts keeps it
    between builds)."""
    years = _years(site)
    first_year = years[-1] if years else 0
    docs = [_notice_doc(site, n, first_year, plain) for n in site.notices]
    docs.extend(_item_doc(site, i) for i in site.items)
    docs.extend(_page_doc(p, plain) for p in site.pages)
    return docs


def _years(site: Site) -> list[int]:
    return sorted({n.published.year for n in site.notices}, reverse=True)


def _category_code(name: str) -> int:
    category = vocab.CATEGORY_BY_NAME.get(name)
    return vocab.CATEGORIES.index(category) + 1 if category else NO_VALUE


def _position(values: list, value: object) -> int:
    """Index of `value` by identity (dataclass equality compares every field: slow)."""
    return next(i for i, v in enumerate(values) if v is value)


def _notice_doc(site: Site, n: Notice, first_year: int,
                plain: Callable[[str], str]) -> Document:
    item = site.item_by_id[n.item_id]
    domain = site.domain_by_id[n.domain_id]
    township = site.township_by_id.get(n.township_id) if n.township_id else None
    village = township.village(n.village_id) if township and n.village_id else None
    place = " · ".join(x.name for x in (township, village) if x) or msg.COUNTY_LEVEL
    extra = " ".join([item.name, domain.name, n.category, n.id])
    meta = " ".join([n.doc_number, n.publisher, place, extra, " ".join(n.keywords)])
    # 依申请公开: only what its published page shows (metadata and summary), never the body.
    body = "" if n.on_request else _MD_LINK_TARGET.sub("]", n.body)
    text = "\n".join(x for x in (n.summary, plain(body)) if x)
    return Document(
        kind=KIND_ON_REQUEST if n.on_request else KIND_NOTICE,
        path=urls.notice(n.id), title=n.title, date=n.published.isoformat(),
        publisher=n.publisher, place=place, meta_text=meta, text=text[:TEXT_LIMIT],
        body=n.summary + " " + body, record_meta=extra, complete=len(text) <= TEXT_LIMIT,
        category=_category_code(n.category),
        domain=_position(site.domains, domain) + 1,
        township=_position(site.townships, township) + 2 if township else COUNTY,
        year=n.published.year - first_year + 1, doc_number=n.doc_number,
        strong=(n.doc_number, *n.keywords), keywords=tuple(n.keywords),
    )


def _item_doc(site: Site, item: CatalogItem) -> Document:
    domain = site.domain_by_id[item.domain_id]
    meta = " ".join([domain.name, item.category, item.subject, item.time_limit.text,
                     " ".join(str(b) for b in item.bases), msg.NAV_CATALOG])
    return Document(
        kind=KIND_ITEM, path=urls.item(item.id), title=item.name, date="",
        publisher=item.subject, place="", meta_text=meta, text=item.content, body=item.content,
        record_meta=meta, complete=True,
        category=_category_code(item.category), domain=_position(site.domains, domain) + 1,
        strong=(item.content,),
    )


def _page_doc(page: ColumnPage, plain: Callable[[str], str]) -> Document:
    text = plain(page.body)
    return Document(
        kind=KIND_PAGE, path=urls.column_page(page.id), title=page.title,
        date=page.updated.isoformat() if page.updated else "", publisher="", place="",
        meta_text=msg.NAV_XXGK, text=text[:TEXT_LIMIT], body=page.body,
        record_meta=msg.NAV_XXGK, complete=len(text) <= TEXT_LIMIT,
    )


# -- index ---------------------------------------------------------------------------------------
@dataclass
class IndexStats:
    documents: int
    terms: int
    shards: int
    bytes: int  # all files under search/
    files: int


class Postings:
    """Term → ids of the documents holding it (ascending), for every term of 1–3 characters;
    and the same for the terms of the strong fields alone (title, 文号, 主题词, an item's
    公开内容: for ranking). Lists are arrays of `typecode` (the id width of the index): at
    50,000 notices they hold 75 million ids, which as Python lists took twice the memory."""

    def __init__(self, typecode: str = "I") -> None:
        new = functools.partial(array, typecode)
        self.all: defaultdict[str, MutableSequence[int]] = defaultdict(new)
        self.strong: defaultdict[str, MutableSequence[int]] = defaultdict(new)

    def add(self, doc: int, text: str, strong: set[str]) -> None:
        # map() with methodcaller keeps the loop over ~1,500 terms per document in C.
        append = operator.methodcaller("append", doc)
        deque(map(append, map(self.all.__getitem__, terms(text))), maxlen=0)
        deque(map(append, map(self.strong.__getitem__, strong)), maxlen=0)


def terms(text: str) -> set[str]:
    """Every substring of 1, 2 and 3 characters (C-speed: no Python loop per character)."""
    pairs = list(map(operator.add, text, text[1:]))
    return {*text, *pairs, *map(operator.add, pairs, text[2:])}


def indexed_text(doc: Document) -> tuple[str, set[str]]:
    """The squeezed text of a document (title first) and the terms of its strong fields (each
    field on its own: no term spans two of them)."""
    title = squeeze(doc.title)
    rest = squeeze(" ".join([doc.meta_text, doc.place, doc.body]))
    strong = terms(title)
    for field in doc.strong:
        strong |= terms(squeeze(field))
    return title + rest, strong


def shard_count(documents: int) -> int:
    """Shard files for a site of `documents`: known before indexing, so the search page can
    carry it and fetch postings at once (about 6 KB of postings per shard for notices of
    ~1,000 characters)."""
    return max(1, (documents + 1) // 2)


def page_config(site: Site) -> dict:
    """What sb-search.js needs before its first fetch, embedded in the search page."""
    count = len(site.notices) + len(site.items) + len(site.pages)
    return {"format": FORMAT, "documents": count, "shards": shard_count(count),
            "id_bytes": 2 if count <= 0xFFFF else 4, "columns": list(FACET_COLUMNS),
            "fold": FOLD, "names": known_names(site),
            "facets": {key: [[value, code] for value, _label, code in values]
                       for key, values in facet_options(site).items()}}


def known_names(site: Site) -> list[str]:
    """Names a citizen types run together with other words (城关镇低保, 东门社区低保): townships,
    villages, 发布机构 and domains, squeezed, longest first. The search page splits a long word
    without results on them (then on the longest pieces the index has) and retries."""
    names = [t.name for t in site.townships] + \
        [v.name for t in site.townships for v in t.villages] + \
        [n.publisher for n in site.notices] + [d.name for d in site.domains]
    squeezed = {squeeze(name) for name in names}
    return sorted((n for n in squeezed if len(n) >= 2), key=lambda n: (-len(n), n))


def write_index(site: Site, out_dir: Path, cache_dir: Path | None = None) -> IndexStats:
    """Write `search/data/` into the built site (replacing any previous one). With `cache_dir`,
    the index of the previous build kept there is updated where documents changed
    (searchcache.py) instead of being made again from nothing, and the plain text of the bodies
    that did not change is taken from there (searchcache.Texts)."""
    from .searchcache import Texts

    folder = out_dir / FOLDER
    if cache_dir is None:
        return write_documents(documents(site), folder, facet_options(site))
    texts = Texts.load(cache_dir)
    stats = write_documents(documents(site, texts.plain), folder, facet_options(site), cache_dir)
    texts.save(cache_dir)
    return stats


def write_documents(docs: list[Document], folder: Path,
                    options: dict[str, list[tuple[str, str, int]]] | None = None,
                    cache_dir: Path | None = None) -> IndexStats:
    """Write the index of `docs` (numbered in list order) into `folder`."""
    # the index kept between builds, made by the functions here
    from .searchcache import Index, KeptFiles

    index = Index.load(cache_dir, docs) if cache_dir is not None else None
    if index is None:
        index = Index.full(docs)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "s").mkdir(parents=True)
    (folder / "d").mkdir()
    kept = KeptFiles(cache_dir) if cache_dir is not None else None
    size = index.write(str(folder), docs, kept)
    facets = bytearray()
    for doc in docs:
        facets.extend((doc.kind, doc.category, doc.domain, doc.township, doc.year))
    (folder / "facets.bin").write_bytes(bytes(facets))
    meta = _meta(options or {}, len(docs), len(index.shards), index.width).encode("utf-8")
    (folder / "meta.json").write_bytes(meta)
    if cache_dir is not None and kept is not None:
        index.save(cache_dir)
        kept.save()
    size += len(facets) + len(meta)
    return IndexStats(len(docs), len(index.postings.all), len(index.shards), size,
                      len(index.records) + len(index.shards) + 2)


def query_grams(word: str) -> list[str]:
    """The index terms looked up for a squeezed query word (mirrored in sb-search.js `grams`):
    the word itself up to 3 characters; every 3-character piece up to MAX_GRAMS of them; for a
    longer word, pieces that do not overlap plus the last one, and at most MAX_GRAMS of those,
    spread evenly. The documents holding them all are candidates, checked by `check`."""
    n = len(word)
    if n <= 3:
        return [word]
    if n - 2 <= MAX_GRAMS:
        starts = list(range(n - 2))
    else:
        starts = list(range(0, n - 2, 3))
        if starts[-1] != n - 3:
            starts.append(n - 3)
        if len(starts) > MAX_GRAMS:
            starts = [round(k * (n - 3) / (MAX_GRAMS - 1)) for k in range(MAX_GRAMS)]
    return list(dict.fromkeys(word[i : i + 3] for i in starts))


YES, NO, MAYBE = 1, 0, 2  # `check`: the record holds the words / does not / cannot tell


def check(record: dict, words: list[str]) -> tuple[int, int]:
    """Does a candidate's record hold every (squeezed) word, each within one field? NO when the
    record holds all of the document's indexed text and a word is not in it (its pieces are
    there, but apart); MAYBE when its body was cut at TEXT_LIMIT. Also its rank score: per word,
    3 when the word is the whole title or 文号, 1 when it is in the title, 文号, 主题词 or (a
    catalog item) 公开内容. Mirrored in sb-search.js `check`."""
    fields = [squeeze(record.get(key, "")) for key in ("t", "n", "p", "l", "w", "m", "x")]
    title, number, keywords, text = fields[0], fields[1], fields[4], fields[6]
    state, score = YES, 0
    for word in words:
        if word == title or (number and word == number):
            score += 3
        elif word in title or word in number or word in keywords or \
                (record.get("k") == KIND_ITEM and word in text):
            score += 1
        if not any(word in field for field in fields):
            state = NO if record.get("f") or state == NO else MAYBE
    return state, score


def lookup(folder: Path, word: str) -> list[int]:
    """Documents holding `word` (or that may hold it, see `check`), read back from the written
    files as sb-search.js does (for tests and checks; the browser never runs this)."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    squeezed = squeeze(word)
    found: set[int] | None = None
    for piece in query_grams(squeezed):
        ids = _read_shard(folder / "s" / f"{shard_of(piece, meta['shards'])}.bin",
                          meta["id_bytes"]).get(piece, [])
        found = set(ids) if found is None else found & set(ids)
    if len(squeezed) > 3:
        found = {i for i in found or () if check(json.loads(
            (folder / "d" / f"{i}.json").read_text(encoding="utf-8")), [squeezed])[0] != NO}
    return sorted(found or [])


def _read_shard(path: Path, width: int) -> dict[str, list[int]]:
    data = path.read_bytes()
    at = 0

    def varint() -> int:
        nonlocal at
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    out: dict[str, list[int]] = {}
    for _ in range(varint()):
        term = "".join(chr(varint()) for _ in range(varint()))
        count, titles = varint(), varint()
        out[term] = [int.from_bytes(data[at + i * width : at + (i + 1) * width], "little")
                     for i in range(count)]
        at += (count + titles) * width
    return out


def record(doc: Document) -> bytes:
    """d/<id>.json: what a result shows, and the text to check a long word against."""
    fields = {"u": doc.path, "t": doc.title, "k": doc.kind, "d": doc.date,
              "p": doc.publisher, "l": doc.place, "n": doc.doc_number,
              "w": "、".join(doc.keywords),
              "m": doc.record_meta, "x": doc.text, "f": 1 if doc.complete else ""}
    return json.dumps({k: v for k, v in fields.items() if v != ""},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _varint(value: int, out: bytearray) -> None:
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def shard_groups(terms: Iterable[str], shards: int) -> dict[int, list[str]]:
    """The terms of each shard, sorted (the same bytes for the same input: terms() is a set,
    hash-ordered)."""
    groups: dict[int, list[str]] = {}
    for term in sorted(terms):
        groups.setdefault(shard_of(term, shards), []).append(term)
    return groups


def encode_shard(group: list[str], postings: Postings, typecode: str) -> bytes:
    """Shard file: varint term count; per term: its length and code points, the number of
    documents holding it and of those holding it in a strong field (varints), then both id
    lists (little-endian unsigned integers of the width given in meta.json)."""
    little = sys.byteorder == "little"
    out = bytearray()
    _varint(len(group), out)
    for term in group:
        ids, in_titles = postings.all[term], postings.strong.get(term, ())
        _varint(len(term), out)
        for ch in term:
            _varint(ord(ch), out)
        _varint(len(ids), out)
        _varint(len(in_titles), out)
        for block in (array(typecode, ids), array(typecode, in_titles)):
            if not little:
                block.byteswap()
            out.extend(block.tobytes())
    return bytes(out)


def _meta(options: dict[str, list[tuple[str, str, int]]], count: int, shards: int,
          width: int) -> str:
    """Facet codes by URL value (code 0 = 'does not apply'), and what the reader needs."""
    return json.dumps({
        "format": FORMAT,
        "documents": count,
        "shards": shards,
        "id_bytes": width,
        "columns": list(FACET_COLUMNS),
        "facets": {key: [[value, code] for value, _label, code in values]
                   for key, values in options.items()},
    }, ensure_ascii=False, separators=(",", ":"))


# URL parameter of each filter on the search page → its column in facets.bin
FILTERS = {"c": "category", "d": "domain", "t": "township", "y": "year"}


def facet_options(site: Site) -> dict[str, list[tuple[str, str, int]]]:
    """(URL value, label, code in facets.bin) of every filter option, in display order."""
    years = _years(site)
    first_year = years[-1] if years else 0
    return {
        "c": [(c.id, c.name, i + 1) for i, c in enumerate(vocab.CATEGORIES)],
        "d": [(d.id, d.name, i + 1) for i, d in enumerate(site.domains)],
        "t": [("county", msg.COUNTY_LEVEL, COUNTY)] +
             [(t.id, t.name, i + 2) for i, t in enumerate(site.townships)],
        "y": [(str(y), msg.SEARCH_YEAR.format(year=y), y - first_year + 1) for y in years],
    }
