"""Generate every page of the site from the model: listings, catalog, notices, home.

Townships, villages, domains, catalog items and the five disclosures are taxonomies of the same
notices; `_listing` is the one mechanism that pages all of them. Output is engine-neutral: a page
is Markdown (rendered by the engine) framed by ready HTML before and after it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..base import messages as msg
from ..base import urls, vocab
from ..model import figures
from ..model.site import Notice, Site
from . import render as h
from .feeds import Feed, feed_paths, feeds, subscribe_line
from .search_page import search_page


@dataclass
class OutputPage:
    path: str  # site path, "" for home, "n/2024-0001/" ...
    title: str
    kind: str  # home, category, domain, township, village, item, catalog, notice, column, xxgk
    markdown: str = ""  # the body as written; the render stage (bodies.py) turns it into `html`
    before: str = ""
    after: str = ""
    meta: dict = field(default_factory=dict)  # for templates: hide, description, ...
    html: str | None = None  # the rendered body
    toc: list[dict] = field(default_factory=list)  # headings of the body, for the page's contents
    source: Path | None = None  # the file the body comes from (for problems in the render stage)
    body_line: int = 1  # the line of that file where the body starts
    not_personal: frozenset[str] = frozenset()  # values the writer declared 不是个人信息

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.path)


@dataclass
class Asset:
    path: str  # site path of the copy
    source: Path
    content: bytes | None = None  # published instead of `source` (a masked copy)


@dataclass
class NavNode:
    title: str
    path: str | None = None
    children: list[NavNode] = field(default_factory=list)


@dataclass
class Output:
    pages: list[OutputPage]
    assets: list[Asset]
    nav: list[NavNode]


def generate(site: Site, only: set[str] | None = None) -> Output:
    """Every page, asset and the navigation. `only`: the notices whose pages are made (the
    preview's quick path); every other page is made in any case."""
    pages: list[OutputPage] = []
    nav: list[NavNode] = [NavNode(msg.NAV_HOME, urls.HOME)]
    pages.append(_home(site))
    nav.append(NavNode(msg.NAV_CATEGORIES, children=_categories(site, pages)))
    nav.append(NavNode(msg.NAV_DOMAINS, children=_domains(site, pages)))
    nav.append(NavNode(msg.NAV_TOWNSHIPS, children=_townships(site, pages)))
    pages.append(_catalog(site))
    nav.append(NavNode(msg.NAV_CATALOG, urls.CATALOG))
    if figures.consultations(site):  # issue 14: only a site with 征求意见 has the page
        pages.append(_zqyj(site))
        nav.append(NavNode(msg.NAV_ZQYJ, urls.ZQYJ))
    nav.append(NavNode(msg.NAV_XXGK, children=_xxgk(site, pages)))
    path, title, html, meta = search_page(site)  # in the header of every page, not in the nav
    pages.append(OutputPage(path, title, "search", after=html, meta=meta))
    assets: list[Asset] = []
    for notice in site.notices:
        if only is None or notice.id in only:
            pages.append(_notice(site, notice))
        if not notice.on_request:
            assets.extend(Asset(urls.attachment(notice.id, a.filename), a.path, a.masked)
                          for a in notice.attachments)
            assets.extend(_body_assets(urls.notice(notice.id), notice.source, notice.assets,
                                       notice.masked_assets))
    for page in site.pages:
        assets.extend(_body_assets(urls.column_page(page.id), page.source, page.assets,
                                   page.masked_assets))
    output = Output(pages, _unique_assets(assets), nav)
    link_site_paths(output, site.notices)  # every notice's page, made now or not (`only`)
    return output


# -- listings ------------------------------------------------------------------------------------
def _listing(site: Site, base: str, title: str, kind: str, notices: Sequence[Notice],
             intro: str = "", feed: Feed | None = None) -> list[OutputPage]:
    """A listing paged by `settings.per_page`, newest first, with year jump links; with a
    `feed`, every page links it (<link rel="alternate"> and a visible 订阅 line)."""
    per = site.settings.per_page
    total = max(1, -(-len(notices) // per))
    years = _year_pages(notices, per)
    out: list[OutputPage] = []
    for number in range(1, total + 1):
        here = urls.paged(base, number)
        chunk = notices[(number - 1) * per : number * per]
        count = msg.LIST_COUNT.format(count=len(notices)) if notices else ""
        before = (intro if number == 1 else "") + h.paragraph(count, "sb-count") + \
            (subscribe_line(here, feed) if feed else "") + h.year_index(years, base, here)
        after = h.notice_list(site, chunk, here, year_anchors=len(years) > 1) + \
            h.pagination(base, number, total, here)
        page_title = title if number == 1 else msg.PAGE_TITLE.format(title=title, number=number)
        out.append(OutputPage(here, page_title, kind, before=before, after=after,
                              meta=feed_meta(here, feed) if feed else {}))
    return out


def feed_meta(here: str, feed: Feed) -> dict:
    """Page metadata for the template's <link rel="alternate" type="application/atom+xml">."""
    return {"sb_feed": urls.rel(here, feed.path), "sb_feed_title": feed.title}


def _year_pages(notices: Sequence[Notice], per: int) -> list[tuple[int, int, int]]:
    counts = Counter(n.published.year for n in notices)
    first: dict[int, int] = {}
    for index, n in enumerate(notices):
        first.setdefault(n.published.year, index // per + 1)
    return [(year, first[year], counts[year]) for year in sorted(first, reverse=True)]


def _grouped(site: Site, key: Callable[[Notice], object]) -> dict[object, list[Notice]]:
    groups: dict[object, list[Notice]] = {}
    for n in site.notices:  # already newest first
        groups.setdefault(key(n), []).append(n)
    return groups


def _latest(notices: Sequence[Notice]) -> str:
    return h.e(notices[0].published.isoformat()) if notices else h.e(msg.ITEM_NONE)


def _count(notices: Sequence[Notice]) -> str:
    return h.e(msg.TILE_COUNT.format(count=len(notices)))


def _overview(path: str, title: str, kind: str, intro: str, table: str) -> OutputPage:
    """The index page of a nav section (五公开, 重点领域, 乡镇): every entry with its counts.

    Material's `navigation.indexes` takes a section's first index.md page as the section's own
    page; without one of these, the first category (or township) would silently take its place
    and vanish from the list under it."""
    return OutputPage(path, title, kind, before=h.paragraph(intro, "sb-intro") + table)


def _categories(site: Site, pages: list[OutputPage]) -> list[NavNode]:
    groups = _grouped(site, lambda n: n.category)
    feed_of = feed_paths(site)
    here = urls.CATEGORIES
    rows = [(h.link(here, urls.category(c.id), c.name), h.e(c.description),
             _count(groups.get(c.name, [])), _latest(groups.get(c.name, [])))
            for c in vocab.CATEGORIES]
    pages.append(_overview(here, msg.NAV_CATEGORIES, "categories", msg.OVERVIEW_CATEGORIES_INTRO,
                           h.table((msg.OVERVIEW_NAME, msg.OVERVIEW_CONTENT, msg.OVERVIEW_COUNT,
                                    msg.OVERVIEW_LATEST), rows)))
    nav = [NavNode(msg.NAV_CATEGORIES, here)]
    for cat in vocab.CATEGORIES:
        base = urls.category(cat.id)
        intro = h.paragraph(cat.description, "sb-intro")
        pages.extend(_listing(site, base, cat.name, "category", groups.get(cat.name, []), intro,
                              feed_of[base]))
        nav.append(NavNode(cat.name, base))
    return nav


def _domains(site: Site, pages: list[OutputPage]) -> list[NavNode]:
    by_domain = _grouped(site, lambda n: n.domain_id)
    by_item = _grouped(site, lambda n: n.item_id)
    feed_of = feed_paths(site)
    here = urls.DOMAINS
    rows = [(h.link(here, urls.domain(d.id), d.name), h.e(d.department),
             h.e(msg.OVERVIEW_ITEM_COUNT.format(
                 count=sum(1 for i in site.items if i.domain_id == d.id))),
             _count(by_domain.get(d.id, [])), _latest(by_domain.get(d.id, [])))
            for d in site.domains]
    pages.append(_overview(here, msg.NAV_DOMAINS, "domains", msg.OVERVIEW_DOMAINS_INTRO,
                           h.table((msg.OVERVIEW_NAME, msg.OVERVIEW_DEPARTMENT,
                                    msg.OVERVIEW_ITEMS, msg.OVERVIEW_COUNT,
                                    msg.OVERVIEW_LATEST), rows)))
    nav = [NavNode(msg.NAV_DOMAINS, here)]
    for domain in site.domains:
        base = urls.domain(domain.id)
        items = [i for i in site.items if i.domain_id == domain.id]
        entries = [(urls.item(i.id), i.name,
                    msg.TILE_COUNT.format(count=len(by_item.get(i.id, [])))) for i in items]
        intro = h.paragraph(domain.intro, "sb-intro") + h.paragraph(
            msg.DOMAIN_DEPARTMENT.format(department=domain.department), "sb-dept") + \
            h.heading(msg.DOMAIN_ITEMS) + h.tiles(entries, base, "sb-tiles--small") + \
            h.heading(msg.DOMAIN_NOTICES)
        pages.extend(_listing(site, base, domain.name, "domain", by_domain.get(domain.id, []),
                              intro, feed_of[base]))
        children = [NavNode(domain.name, base)]
        for item in items:
            item_base = urls.item(item.id)
            item_intro = h.item_table(site, item, item_base) + h.heading(msg.ITEM_NOTICES)
            pages.extend(_listing(site, item_base, item.name, "item", by_item.get(item.id, []),
                                  item_intro))
            children.append(NavNode(item.name, item_base))
        nav.append(NavNode(domain.name, children=children))
    return nav


def _townships(site: Site, pages: list[OutputPage]) -> list[NavNode]:
    by_township = _grouped(site, lambda n: n.township_id)
    by_village = _grouped(site, lambda n: (n.township_id, n.village_id))
    feed_of = feed_paths(site)
    here = urls.TOWNSHIPS
    rows = [(h.link(here, urls.township(t.id), t.name), h.e(t.kind),
             "、".join(h.link(here, urls.village(t.id, v.id), v.name) + h.e(
                 f"（{len(by_village.get((t.id, v.id), []))}）") for v in t.villages)
             or h.e(msg.NONE),
             _count(by_township.get(t.id, [])), _latest(by_township.get(t.id, [])))
            for t in site.townships]
    pages.append(_overview(here, msg.NAV_TOWNSHIPS, "townships", msg.OVERVIEW_TOWNSHIPS_INTRO,
                           h.table((msg.OVERVIEW_NAME, msg.OVERVIEW_KIND, msg.OVERVIEW_VILLAGES,
                                    msg.OVERVIEW_COUNT, msg.OVERVIEW_LATEST), rows)))
    nav = [NavNode(msg.NAV_TOWNSHIPS, here)]
    for township in site.townships:
        base = urls.township(township.id)
        entries = [(urls.village(township.id, v.id), v.name, msg.TILE_COUNT.format(
            count=len(by_village.get((township.id, v.id), [])))) for v in township.villages]
        intro = h.paragraph(township.intro, "sb-intro")
        if entries:
            intro += h.heading(msg.TOWNSHIP_VILLAGES) + h.tiles(entries, base, "sb-tiles--small")
        intro += h.heading(msg.TOWNSHIP_NOTICES)
        pages.extend(_listing(site, base, township.name, "township",
                              by_township.get(township.id, []), intro, feed_of[base]))
        children = [NavNode(township.name, base)]
        for village in township.villages:
            vbase = urls.village(township.id, village.id)
            vintro = h.paragraph(msg.VILLAGE_OF.format(township=township.name), "sb-intro")
            pages.extend(_listing(site, vbase, f"{township.name} · {village.name}", "village",
                                  by_village.get((township.id, village.id), []), vintro,
                                  feed_of[vbase]))
            children.append(NavNode(village.name, vbase))
        nav.append(NavNode(township.name, children=children) if township.villages
                   else NavNode(township.name, base))
    return nav


# -- catalog -------------------------------------------------------------------------------------
def item_stats(site: Site) -> dict[str, tuple[int, str]]:
    """Item id → (notice count, latest 发布日期)."""
    stats: dict[str, tuple[int, str]] = {}
    for n in site.notices:  # newest first: the first seen is the latest
        count, latest = stats.get(n.item_id, (0, n.published.isoformat()))
        stats[n.item_id] = (count + 1, latest)
    return stats


def _catalog(site: Site) -> OutputPage:
    here = urls.CATALOG
    stats = item_stats(site)
    parts = [h.paragraph(msg.CATALOG_INTRO, "sb-intro")]
    for domain in site.domains:
        items = [i for i in site.items if i.domain_id == domain.id]
        parts.append(h.heading(msg.CATALOG_DOMAIN.format(domain=domain.name), 2,
                               f"domain-{domain.id}"))
        parts.append(h.paragraph(msg.DOMAIN_DEPARTMENT.format(department=domain.department)))
        parts.append(h.catalog_table(site, items, stats, here))
    return OutputPage(here, msg.NAV_CATALOG, "catalog", after="".join(parts),
                      meta={"hide": ["navigation", "toc"], "wide": True})


# -- notice pages --------------------------------------------------------------------------------
def _notice(site: Site, n: Notice) -> OutputPage:
    here = urls.notice(n.id)
    before = h.meta_block(site, n, here)
    if n.on_request:
        return OutputPage(here, n.title, "notice", before=before + h.on_request_notice(site, here),
                          meta={"description": n.summary})
    summary = f'<p class="sb-summary">{h.e(n.summary)}</p>' if n.summary else ""
    summary += h.document_status(site, n, here)
    after = h.attachments(n, here) + h.related(site, n, here) + h.document_links(site, n, here)
    return OutputPage(here, n.title, "notice", markdown=link_notices(site, n.source, n.body, here),
                      before=before + summary, after=after, meta={"description": n.summary},
                      source=n.source, body_line=n.body_line, not_personal=n.not_personal)


_MD_LINK = re.compile(r"(\]\(\s*<?)([^)<>\n]*?\.md)(>?\s*(?:\"[^\"]*\"|'[^']*')?\s*\))")
_SITE_LINK = re.compile(r"(\]\()(/(?!/)[^)\s]*)(\s*(?:\"[^\"]*\")?\))")


def link_notices(site: Site, source: Path, body: str, here: str) -> str:
    """Rewrite links to other notices' and column pages' .md files into their page URLs."""
    if ".md" not in body:
        return body
    by_source = _page_sources(site)

    def replace(m: re.Match[str]) -> str:
        target = by_source.get((source.parent / unquote(m.group(2))).resolve())
        if target is None:
            return m.group(0)
        return f"{m.group(1)}{urls.rel(here, target)}{m.group(3)}"

    return _MD_LINK.sub(replace, body)


def link_site_paths(output: Output, notices: Sequence[Notice] = ()) -> None:
    """Links written as site paths (`/data/notices.json`, `/catalog/`) to a page or file of
    this build (or the page of one of `notices`) become relative, so that the site works under
    any base path. Others stay as written, for the link check after the build to report them as
    the author wrote them."""
    known = {p.path for p in output.pages} | {a.path for a in output.assets} | {
        urls.notice(n.id) for n in notices} | {
        urls.DATA_NOTICES, urls.DATA_CATALOG, urls.DATA_NOTICES_CSV, urls.DATA_NOTICES_XLSX,
        urls.DATA_CATALOG_XLSX, urls.SITE_FEED, urls.SITEMAP}

    def replace(here: str, m: re.Match[str]) -> str:
        path, sep, fragment = m.group(2)[1:].partition("#")
        if path not in known:
            return m.group(0)
        return f"{m.group(1)}{urls.rel(here, path)}{sep}{fragment}{m.group(3)}"

    for page in output.pages:
        if "](/" in page.markdown:
            page.markdown = _SITE_LINK.sub(lambda m, here=page.path: replace(here, m),
                                           page.markdown)


def _page_sources(site: Site) -> dict[Path, str]:
    """Source file → site path, for notices and column pages (built once per site)."""
    cached = getattr(site, "_page_sources", None)
    if cached is None:
        real = _RealPaths()
        cached = {real(n.source): urls.notice(n.id) for n in site.notices}
        cached.update({real(p.source): urls.column_page(p.id) for p in site.pages})
        site._page_sources = cached  # type: ignore[attr-defined]
    return cached


class _RealPaths:
    """`path.resolve()` of files, with each folder resolved once (10,000 notices lie in a few
    hundred folders; resolving every file was a fifth of page generation). A file that is
    itself a symbolic link is resolved whole."""

    def __init__(self) -> None:
        self.folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        if path.is_symlink():
            return path.resolve()
        folder = self.folders.get(path.parent)
        if folder is None:
            folder = self.folders[path.parent] = path.parent.resolve()
        return folder / path.name


def _body_assets(base: str, source: Path, assets: list[Path],
                 masked: dict[Path, bytes]) -> list[Asset]:
    """Files the body links to; a masked copy (screen.py) is published instead of the file."""
    return [Asset(base + a.relative_to(source.parent).as_posix(), a, masked.get(a))
            for a in assets]


def _unique_assets(assets: list[Asset]) -> list[Asset]:
    seen: dict[str, Asset] = {}
    for a in assets:
        seen.setdefault(a.path, a)
    return list(seen.values())


# -- 信息公开 column and home -------------------------------------------------------------------
def _xxgk(site: Site, pages: list[OutputPage]) -> list[NavNode]:
    here = urls.XXGK
    parts = [h.paragraph(msg.XXGK_INTRO, "sb-intro")]
    nav = [NavNode(msg.NAV_XXGK_INDEX, here)]
    for column in vocab.COLUMNS:
        column_pages = [p for p in site.pages if p.column == column.id]
        parts.append(h.heading(column.name))
        if column.id == "fdzdgknr":
            parts.append(_statutory_links(site, here))
        if column_pages:
            parts.append(h.tiles([(urls.column_page(p.id), p.title, _updated(p))
                                  for p in column_pages], here, "sb-tiles--small"))
        elif column.id != "fdzdgknr":
            parts.append(h.paragraph(msg.COLUMN_EMPTY, "sb-empty"))
        for page in column_pages:
            nav.append(NavNode(page.title, urls.column_page(page.id)))
    parts.append(h.heading(msg.OD_TITLE))
    parts.append(h.tiles([(urls.OPEN_DATA, msg.OD_TITLE, msg.OD_TILE)], here, "sb-tiles--small"))
    nav.append(NavNode(msg.OD_TITLE, urls.OPEN_DATA))
    pages.append(open_data_page(site))
    pages.append(OutputPage(here, msg.NAV_XXGK, "xxgk", after="".join(parts)))
    for page in site.pages:
        path = urls.column_page(page.id)
        updated = h.paragraph(_updated(page), "sb-updated") if page.updated else ""
        pages.append(OutputPage(path, page.title, "column",
                                markdown=annual_tables(site, link_notices(
                                    site, page.source, page.body, path)),
                                after=updated, source=page.source, body_line=page.body_line))
    return nav


def _updated(page) -> str:
    return msg.UPDATED.format(date=page.updated.isoformat()) if page.updated else ""


def _statutory_links(site: Site, here: str) -> str:
    """法定主动公开内容: the five disclosures and the catalog are its structure."""
    counts = Counter(n.category for n in site.notices)
    entries = [(urls.category(c.id), c.name, msg.TILE_COUNT.format(count=counts[c.name]))
               for c in vocab.CATEGORIES]
    entries.append((urls.CATALOG, msg.NAV_CATALOG, msg.CATALOG_TILE.format(count=len(site.items))))
    return h.tiles(entries, here, "sb-tiles--small")


def _home(site: Site) -> OutputPage:
    here = urls.HOME
    counts = Counter(n.category for n in site.notices)
    by_domain = Counter(n.domain_id for n in site.notices)
    by_township = Counter(n.township_id for n in site.notices)
    latest = site.notices[: site.settings.latest_on_home]
    site_feed = feed_paths(site)[urls.HOME]
    parts = [
        h.heading(site.info.name, 1),
        h.paragraph(site.info.intro, "sb-intro"),
        h.care_entry(),
        h.heading(msg.HOME_CATEGORIES),
        h.tiles([(urls.category(c.id), c.name, msg.TILE_COUNT.format(count=counts[c.name]))
                 for c in vocab.CATEGORIES], here, "sb-tiles--five"),
        h.heading(msg.HOME_LATEST),
        h.notice_list(site, latest, here),
        *_home_consultations(site, here),
        subscribe_line(here, site_feed),
        h.heading(msg.HOME_DOMAINS),
        h.tiles([(urls.domain(d.id), d.name, msg.TILE_COUNT.format(count=by_domain[d.id]))
                 for d in site.domains], here),
        h.heading(msg.HOME_TOWNSHIPS),
        h.tiles([(urls.township(t.id), t.name, msg.TOWNSHIP_TILE.format(
            kind=t.kind, villages=len(t.villages), count=by_township[t.id]))
            for t in site.townships], here),
        h.heading(msg.HOME_XXGK),
        h.tiles(_xxgk_entries(site), here, "sb-tiles--small"),
    ]
    return OutputPage(here, site.info.name, "home", after="".join(parts),
                      meta={"hide": ["navigation", "toc"], **feed_meta(here, site_feed)})


def _xxgk_entries(site: Site) -> list[tuple[str, str, str]]:
    entries = []
    for column in vocab.COLUMNS:
        first = next((p for p in site.pages if p.column == column.id), None)
        if column.id == "fdzdgknr" and first is None:
            entries.append((urls.XXGK, column.name, msg.XXGK_STATUTORY))
        elif first is not None:
            entries.append((urls.column_page(first.id), column.name, first.title))
        else:
            entries.append((urls.XXGK, column.name, msg.COLUMN_EMPTY))
    entries.append((urls.CATALOG, msg.NAV_CATALOG, msg.CATALOG_TILE.format(count=len(site.items))))
    return entries


# -- 开放数据 ------------------------------------------------------------------------------------
def open_data_page(site: Site) -> OutputPage:
    """The 开放数据 page (`data/`): every file of the data folder, every field, every feed."""
    here = urls.OPEN_DATA
    files = [(urls.DATA_NOTICES_XLSX, msg.OD_FILE_NOTICES_XLSX),
             (urls.DATA_NOTICES_CSV, msg.OD_FILE_NOTICES_CSV),
             (urls.DATA_NOTICES, msg.OD_FILE_NOTICES_JSON),
             (urls.DATA_CATALOG_XLSX, msg.OD_FILE_CATALOG_XLSX),
             (urls.DATA_CATALOG, msg.OD_FILE_CATALOG_JSON),
             (urls.SITE_FEED, msg.OD_FILE_FEED),
             (urls.SITEMAP, msg.OD_FILE_SITEMAP)]
    file_rows = [(h.link(here, path, path.rsplit("/", 1)[-1]), h.e(text)) for path, text in files]
    field_rows = [(f"<code>{h.e(key)}</code>", h.e(text)) for key, text in msg.OD_FIELDS]
    catalog_rows = [(h.e(name), h.e(text)) for name, text in msg.OD_CATALOG_COLUMNS]
    feed_rows = [(h.link(here, f.page, f.section),
                  h.link(here, f.path, urls.absolute(site.info.base_url, f.path)),
                  h.e(msg.TILE_COUNT.format(count=len(f.notices))))
                 for f in feeds(site)]
    parts = [
        h.paragraph(msg.OD_INTRO, "sb-intro"),
        h.heading(msg.OD_FILES, 2, "files"),
        h.table((msg.OD_COL_FILE, msg.OD_COL_CONTENT), file_rows),
        h.paragraph(msg.OD_ATTRIBUTES),
        h.heading(msg.OD_FIELDS_TITLE, 2, msg.OD_ATTRIBUTE_ANCHOR),
        h.paragraph(msg.OD_FIELDS_INTRO),
        h.table((msg.OD_COL_FIELD, msg.OD_COL_MEANING), field_rows),
        h.heading(msg.OD_CATALOG_TITLE, 2, "catalog"),
        h.paragraph(msg.OD_CATALOG_INTRO),
        h.table((msg.OD_COL_COLUMN, msg.OD_COL_MEANING), catalog_rows),
        h.heading(msg.OD_FEEDS_TITLE, 2, msg.OD_FEEDS_ANCHOR),
        h.paragraph(msg.OD_FEEDS_INTRO),
        h.table((msg.OD_COL_SECTION, msg.OD_COL_FEED, msg.OD_COL_COUNT), feed_rows),
        h.heading(msg.OD_SITEMAP_TITLE, 2, "sitemap"),
        h.paragraph(msg.OD_SITEMAP_INTRO),
    ]
    return OutputPage(here, msg.OD_TITLE, "opendata", after="".join(parts),
                      meta={"description": msg.OD_INTRO,
                            **feed_meta(here, feed_paths(site)[urls.HOME])})
# -- issue 14: 征求意见 page and home section, 年报 table one -------------------------------------
def _zqyj(site: Site) -> OutputPage:
    here, today = urls.ZQYJ, h.build_day()
    every = figures.consultations(site)
    parts = [h.paragraph(msg.ZQYJ_INTRO, "sb-intro"), h.heading(msg.ZQYJ_OPEN),
             h.consultation_list(site, [n for n in every if figures.is_open(n, today)], here,
                                 today),
             h.heading(msg.ZQYJ_CLOSED),
             h.consultation_list(site, [n for n in every if not figures.is_open(n, today)],
                                 here, today)]
    return OutputPage(here, msg.NAV_ZQYJ, "zqyj", after="".join(parts))


def _home_consultations(site: Site, here: str) -> list[str]:
    every = figures.consultations(site)
    if not every:
        return []
    today = h.build_day()
    return [h.heading(msg.ZQYJ_OPEN),
            h.consultation_list(site, [n for n in every if figures.is_open(n, today)], here,
                                today),
            f'<p>{h.link(here, urls.ZQYJ, msg.ZQYJ_ALL)}</p>']


_ANNUAL_MARKER = re.compile(
    r"^[ \t]*\{\{[ \t]*" + msg.ANNUAL_MARKER + r"[ \t]+(\d{4})[ \t]*\}\}[ \t]*$", re.M)


def annual_tables(site: Site, body: str) -> str:
    """A line `{{年报表格 2025}}` in a column page becomes 年报 table one for that year, from
    the notices' 文件类型 and 废止 (model/figures.py): the published 年报 and the data agree."""
    if msg.ANNUAL_MARKER not in body:
        return body
    return _ANNUAL_MARKER.sub(lambda m: annual_markdown(site, int(m.group(1))), body)


def annual_markdown(site: Site, year: int) -> str:
    head = msg.ANNUAL_HEAD
    rows = [f"| {r.label} | {r.issued} | {r.repealed} | {r.valid} |"
            for r in figures.annual_rows(site, year)]
    return "\n".join([f"**{msg.ANNUAL_TITLE.format(year=year)}**", "",
                      "| " + " | ".join(head) + " |", "|" + "---|" * len(head), *rows, "",
                      msg.ANNUAL_NOTE.format(year=year)])
