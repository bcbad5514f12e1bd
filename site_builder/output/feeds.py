"""Atom feeds (RFC 4287): the whole site, each five-disclosure category, domain, township and
village; the newest `FEED_SIZE` notices of each, written after the build beside the listing page
they follow (`c/jieguo/feed.xml`; the site's is `feed.xml`).

Why Atom rather than RSS 2.0: Atom is an IETF standard with one precise specification, every
entry has a permanent `id` (the notice's URL) and `updated`/`published` dates in RFC 3339 (RSS
has RFC 822 dates and optional guids), its `category` elements carry a scheme, a term and a
label (五公开, 领域, 乡镇, 村, 公开属性 as id *and* Chinese name), and `summary` (text) and
`content` (HTML) are separate, typed elements. Every feed reader and portal aggregator reads it.
Feeds are written with feedgen (a kept library on lxml), not by hand.

An entry: title, link and id (the notice's absolute URL from 站点 → 网址), author (发布机构),
published/updated (发布日期, China time), categories, the 摘要 as summary, and as content a
table of the metadata (索引号, 发布机构, 文号, 成文日期, 发布日期, 公开属性, 五公开, 领域, 事项,
乡镇). 依申请公开 notices carry that metadata and a note that the text is given on application,
never a body; 不予公开 ones are not in the model at all. Feeds hold no body text: the link leads
to it. Output is deterministic (dates come from the notices, not the clock).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..base import dates, urls, vocab
from ..base import messages as msg
from ..model.site import Notice, Site
from .render import index_number, place_name

FEED_SIZE = 50
CHINA = dt.timezone(dt.timedelta(hours=8))
MEDIA_TYPE = "application/atom+xml"


@dataclass
class Feed:
    path: str  # site path of the feed file
    page: str  # site path of the page it follows
    title: str  # e.g. 望川县人民政府信息公开 · 结果公开
    section: str  # what it follows, e.g. 结果公开 (for the 开放数据 page)
    notices: list[Notice]  # all of the section's, newest first (the feed holds FEED_SIZE)


def feeds(site: Site) -> list[Feed]:
    """Every feed of the site, in the order of the 开放数据 page."""
    name = site.info.name
    out = [Feed(urls.SITE_FEED, urls.HOME, msg.FEED_SITE_TITLE.format(site=name),
                msg.FEED_SITE_SECTION, list(site.notices))]

    def add(page: str, section: str, notices: list[Notice]) -> None:
        out.append(Feed(urls.feed(page), page, msg.FEED_TITLE.format(site=name, section=section),
                        section, notices))

    groups: dict[tuple[str, object], list[Notice]] = {}
    for n in site.notices:  # newest first, and so is every group
        for key in (("c", n.category), ("d", n.domain_id), ("t", n.township_id),
                    ("v", (n.township_id, n.village_id))):
            groups.setdefault(key, []).append(n)
    for category in vocab.CATEGORIES:
        add(urls.category(category.id), category.name, groups.get(("c", category.name), []))
    for domain in site.domains:
        add(urls.domain(domain.id), domain.name, groups.get(("d", domain.id), []))
    for township in site.townships:
        add(urls.township(township.id), township.name, groups.get(("t", township.id), []))
        for village in township.villages:
            add(urls.village(township.id, village.id), f"{township.name} · {village.name}",
                groups.get(("v", (township.id, village.id)), []))
    return out


def feed_paths(site: Site) -> dict[str, Feed]:
    """Page path (first page of a listing) → its feed."""
    return {f.page: f for f in feeds(site)}


def atom(site: Site, feed: Feed) -> bytes:
    """The feed as Atom XML (UTF-8)."""
    from feedgen.feed import FeedGenerator  # imported when feeds are written, not per page

    base = site.info.base_url
    generator = FeedGenerator()
    shown = feed.notices[:FEED_SIZE]
    generator.id(urls.absolute(base, feed.path))
    generator.title(feed.title)
    generator.subtitle(msg.FEED_SUBTITLE.format(section=feed.section, count=FEED_SIZE))
    generator.author({"name": site.info.sponsor})
    generator.link(href=urls.absolute(base, feed.page), rel="alternate", type="text/html")
    generator.link(href=urls.absolute(base, feed.path), rel="self", type=MEDIA_TYPE)
    generator.language("zh-CN")
    generator.generator("site-builder")
    newest = shown[0].published if shown else (site.notices[0].published if site.notices
                                                else dt.date(2000, 1, 1))
    generator.updated(_moment(newest))
    for n in shown:
        _entry(site, generator.add_entry(order="append"), n)
    return generator.atom_str(pretty=True, encoding="UTF-8")


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=CHINA)


def _entry(site: Site, entry, n: Notice) -> None:
    base = site.info.base_url
    url = urls.absolute(base, urls.notice(n.id))
    entry.id(url)
    entry.title(n.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.author({"name": n.publisher})
    entry.published(_moment(n.published))
    entry.updated(_moment(n.published))
    category = vocab.CATEGORY_BY_NAME[n.category]
    entry.category(term=category.id, label=category.name,
                   scheme=urls.absolute(base, urls.CATEGORIES))
    domain = site.domain_by_id[n.domain_id]
    entry.category(term=domain.id, label=domain.name, scheme=urls.absolute(base, urls.DOMAINS))
    if n.township_id:
        township = site.township_by_id[n.township_id]
        entry.category(term=township.id, label=township.name,
                       scheme=urls.absolute(base, urls.TOWNSHIPS))
        village = township.village(n.village_id) if n.village_id else None
        if village:
            entry.category(term=f"{township.id}/{village.id}", label=village.name,
                           scheme=urls.absolute(base, urls.township(township.id)))
    entry.category(term=n.attribute, label=n.attribute,
                   scheme=urls.absolute(base, urls.OPEN_DATA) + "#" + msg.OD_ATTRIBUTE_ANCHOR)
    if n.summary:
        entry.summary(n.summary)
    entry.content(_content(site, n), type="html")


def metadata_rows(site: Site, n: Notice) -> list[tuple[str, str]]:
    """(label, text) of a notice's metadata, as feeds and the archive show it."""
    item = site.item_by_id[n.item_id]
    return [
        (msg.F_INDEX_NO, index_number(site, n)),
        (msg.F_PUBLISHER, n.publisher),
        (msg.F_DOC_NO, n.doc_number or msg.NONE),
        (msg.F_FORMED, dates.cn(n.formed)),
        (msg.F_PUBLISHED, dates.cn(n.published)),
        (msg.F_ATTRIBUTE, n.attribute),
        (msg.F_CATEGORY, n.category),
        (msg.FEED_F_DOMAIN, site.domain_by_id[n.domain_id].name),
        (msg.F_ITEM, item.name),
        (msg.F_PLACE, place_name(site, n)),
    ]


def _content(site: Site, n: Notice) -> str:
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                   for k, v in metadata_rows(site, n))
    parts = [f"<table>{rows}</table>"]
    if n.summary:
        parts.append(f"<p>{escape(n.summary)}</p>")
    if n.on_request:
        parts.append(f"<p>{escape(msg.FEED_ON_REQUEST)}</p>")
    return "".join(parts)


def write_feeds(site: Site, out_dir: Path) -> list[str]:
    """Write every feed into `out_dir`; returns their site paths."""
    written = []
    for feed in feeds(site):
        target = out_dir / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(atom(site, feed))
        written.append(feed.path)
    return written


def subscribe_line(here: str, feed: Feed) -> str:
    """The visible 订阅 line of a listing page: the feed and what a feed is."""
    href = escape(urls.rel(here, feed.path))
    help_href = escape(urls.rel(here, urls.OPEN_DATA) + "#" + msg.OD_FEEDS_ANCHOR)
    return (f'<p class="sb-feed"><a href="{href}" type="{MEDIA_TYPE}">'
            f"{escape(msg.FEED_SUBSCRIBE)}</a>"
            f' <a class="sb-feed__help" href="{help_href}">{escape(msg.FEED_WHAT)}</a></p>')
