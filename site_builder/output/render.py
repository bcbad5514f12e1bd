"""HTML fragments for generated pages: listings, metadata blocks, the catalog table.

Every fragment is built for one page (`here`, its site path) so links are relative and the site
works under any base path. All text from the user is escaped.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from html import escape

from ..base import dates, filenames, urls, vocab
from ..base import messages as msg
from ..model import figures
from ..model.site import CatalogItem, Notice, Site


def e(text: object) -> str:
    return _escaped(text if type(text) is str else str(text))


@functools.lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> str:
    """Cached: the same names, titles and labels are escaped on many pages (750,000 calls at
    10,000 notices)."""
    return escape(text, quote=True)


def link(here: str, to: str, text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f'<a href="{e(urls.rel(here, to))}"{attr}>{e(text)}</a>'


def place_name(site: Site, notice: Notice) -> str:
    """乡镇 · 村 of a notice, or 县级 for county-level notices."""
    if not notice.township_id:
        return msg.COUNTY_LEVEL
    township = site.township_by_id[notice.township_id]
    if notice.village_id:
        village = township.village(notice.village_id)
        return f"{township.name} · {village.name}" if village else township.name
    return township.name


# -- listings ------------------------------------------------------------------------------------
def notice_list(site: Site, notices: Iterable[Notice], here: str,
                year_anchors: bool = False) -> str:
    """Notices newest first. With `year_anchors`, the first notice of each year carries the id
    that the year links of `year_index` jump to."""
    rows = []
    year = None
    for n in notices:
        anchor = year_anchors and n.published.year != year
        year = n.published.year
        rows.append(_notice_row(site, n, here, year_anchor(year) if anchor else ""))
    if not rows:
        return f'<p class="sb-empty">{e(msg.LIST_EMPTY)}</p>'
    return '<ul class="sb-list">\n' + "\n".join(rows) + "\n</ul>"


def year_anchor(year: int) -> str:
    return f"y{year}"


def _notice_row(site: Site, n: Notice, here: str, anchor: str = "") -> str:
    badge = f'<span class="sb-badge">{e(msg.BADGE_ON_REQUEST)}</span>' if n.on_request else ""
    badge += consultation_badge(n, build_day()) if n.deadline else ""
    date = n.published.isoformat()
    ident = f' id="{e(anchor)}"' if anchor else ""
    return (
        f'<li{ident}><a class="sb-list__title" href="{e(urls.rel(here, urls.notice(n.id)))}">'
        f"{e(n.title)}</a>{badge}"
        f'<span class="sb-list__meta"><time datetime="{date}">{date}</time>'
        f"<span>{e(n.publisher)}</span><span>{e(place_name(site, n))}</span></span></li>"
    )


def pagination(base: str, current: int, total: int, here: str) -> str:
    """Page links: first, previous, a window around the current page, next, last."""
    if total <= 1:
        return ""
    window = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    parts: list[str] = []
    if current > 1:
        parts.append(link(here, urls.paged(base, current - 1), msg.PAGE_PREV, "sb-pages__prev"))
    previous = 0
    for number in window:
        if number - previous > 1:
            parts.append('<span class="sb-pages__gap">…</span>')
        if number == current:
            parts.append(f'<span class="sb-pages__current" aria-current="page">{number}</span>')
        else:
            parts.append(link(here, urls.paged(base, number), str(number)))
        previous = number
    if current < total:
        parts.append(link(here, urls.paged(base, current + 1), msg.PAGE_NEXT, "sb-pages__next"))
    label = msg.PAGE_LABEL.format(current=current, total=total)
    return f'<nav class="sb-pages" aria-label="{e(label)}">{"".join(parts)}' \
           f'<span class="sb-pages__label">{e(label)}</span></nav>'


def year_index(years: Sequence[tuple[int, int, int]], base: str, here: str) -> str:
    """Jump links to each year's first notice, on the listing page holding it:
    (year, page number, count)."""
    if len(years) <= 1:
        return ""
    links = [f'<a href="{e(urls.rel(here, urls.paged(base, page)))}#{year_anchor(year)}">'
             f"{e(msg.YEAR_LINK.format(year=year, count=count))}</a>"
             for year, page, count in years]
    return f'<p class="sb-years"><span>{e(msg.BY_YEAR)}</span>{" ".join(links)}</p>'


# -- notice page ---------------------------------------------------------------------------------
def meta_block(site: Site, n: Notice, here: str) -> str:
    """The metadata table shown above a notice, as on real disclosure sites."""
    item = site.item_by_id[n.item_id]
    domain = site.domain_by_id[n.domain_id]
    category = vocab.CATEGORY_BY_NAME[n.category]
    rows: list[tuple[str, str]] = [
        (msg.F_INDEX_NO, e(index_number(site, n))),
        (msg.F_CLASS, f"{e(domain.name)} / {e(item.name)}"),
        (msg.F_PUBLISHER, e(n.publisher)),
        (msg.F_FORMED, e(dates.cn(n.formed))),
        (msg.F_TITLE, e(n.title)),
        (msg.F_DOC_NO, e(n.doc_number or msg.NONE)),
        (msg.F_PUBLISHED, e(dates.cn(n.published))),
        (msg.F_ATTRIBUTE, e(n.attribute)),
        (msg.F_ITEM, link(here, urls.item(item.id), item.name)),
        (msg.F_CATEGORY, link(here, urls.category(category.id), category.name)),
        (msg.F_PLACE, _place_links(site, n, here)),
    ]
    if n.keywords:
        rows.append((msg.F_KEYWORDS, e("、".join(n.keywords))))
    return definition_list(rows, "sb-meta")


def definition_list(rows: Sequence[tuple[str, str]], cls: str) -> str:
    """Label/value pairs (values are ready HTML), laid out two per line on wide screens."""
    cells = "".join(f"<div><dt>{e(k)}</dt><dd>{v}</dd></div>" for k, v in rows)
    return f'<dl class="{cls}">{cells}</dl>'


def index_number(site: Site, n: Notice) -> str:
    """索引号: the office's code and the notice's stable id."""
    prefix = site.info.org_code
    return f"{prefix}/{n.id}" if prefix else n.id


def _place_links(site: Site, n: Notice, here: str) -> str:
    if not n.township_id:
        return e(msg.COUNTY_PLACE)
    township = site.township_by_id[n.township_id]
    out = link(here, urls.township(township.id), township.name)
    if n.village_id:
        village = township.village(n.village_id)
        if village:
            out += " · " + link(here, urls.village(township.id, village.id), village.name)
    return out


def on_request_notice(site: Site, here: str) -> str:
    guide = application_guide(site)
    text = e(msg.ON_REQUEST_TEXT)
    if guide:
        text += " " + link(here, urls.column_page(guide.id), msg.ON_REQUEST_LINK.format(
            title=guide.title))
    return f'<div class="admonition info sb-on-request"><p class="admonition-title">' \
           f'{e(msg.ON_REQUEST_TITLE)}</p><p>{text}</p></div>'


def application_guide(site: Site):
    for column in (vocab.APPLICATION_COLUMN, "zhinan"):
        for page in site.pages:
            if page.column == column:
                return page
    return None


def attachments(n: Notice, here: str) -> str:
    if not n.attachments:
        return ""
    rows = []
    for a in n.attachments:
        href = filenames.href(a.filename)  # beside the page; # ? % : escaped too
        suffix = a.filename.rsplit(".", 1)[-1].upper() if "." in a.filename else ""
        rows.append(f'<li><a href="{e(href)}" download>{e(a.title)}</a>'
                    f'<span class="sb-att__info">{e(suffix)} {e(human_size(a.size))}</span></li>')
    return f'<section class="sb-att"><h2>{e(msg.ATTACHMENTS)}</h2><ul>{"".join(rows)}</ul>' \
           f"</section>"


def related(site: Site, n: Notice, here: str) -> str:
    """Links between a policy and its interpretations (解读), both ways."""
    parts: list[str] = []
    if n.interprets and n.interprets in site.notice_by_id:
        policy = site.notice_by_id[n.interprets]
        parts.append(f"<p><strong>{e(msg.INTERPRETS)}</strong>"
                     f"{link(here, urls.notice(policy.id), policy.title)}</p>")
    readings = site.interpretations.get(n.id, [])
    if readings:
        items = "".join(f"<li>{link(here, urls.notice(r.id), r.title)}</li>" for r in readings)
        parts.append(f"<p><strong>{e(msg.INTERPRETED_BY)}</strong></p><ul>{items}</ul>")
    if not parts:
        return ""
    return f'<section class="sb-related">{"".join(parts)}</section>'


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


# -- catalog -------------------------------------------------------------------------------------
CATALOG_HEAD = (
    f"<tr><th rowspan=2>{e(msg.C_SEQ)}</th><th colspan=2>{e(msg.C_ITEM)}</th>"
    f"<th rowspan=2>{e(msg.C_CONTENT)}</th><th rowspan=2>{e(msg.C_BASIS)}</th>"
    f"<th rowspan=2>{e(msg.C_LIMIT)}</th><th rowspan=2>{e(msg.C_SUBJECT)}</th>"
    f"<th rowspan=2>{e(msg.C_CHANNEL)}</th><th colspan=2>{e(msg.C_AUDIENCE)}</th>"
    f"<th colspan=2>{e(msg.C_METHOD)}</th><th colspan=3>{e(msg.C_LEVEL)}</th>"
    f"<th rowspan=2>{e(msg.C_CATEGORY)}</th><th rowspan=2>{e(msg.C_PUBLISHED)}</th></tr>"
    f"<tr><th>{e(msg.C_LEVEL1)}</th><th>{e(msg.C_LEVEL2)}</th>"
    + "".join(f"<th>{e(v)}</th>" for v in (*vocab.AUDIENCES, *vocab.METHODS, *vocab.LEVELS))
    + "</tr>"
)
TICK = "√"


def catalog_table(site: Site, items: Sequence[CatalogItem], stats: dict[str, tuple[int, str]],
                  here: str) -> str:
    """The standard catalog table with every column, as county offices publish it."""
    rows = [_catalog_row(site, index, item, stats.get(item.id, (0, "")), here)
            for index, item in enumerate(items, start=1)]
    return (f'<div class="sb-scroll" tabindex="0"><table class="sb-catalog">'
            f"<thead>{CATALOG_HEAD}</thead><tbody>{''.join(rows)}</tbody></table></div>")


def _catalog_row(site: Site, index: int, item: CatalogItem, stat: tuple[int, str],
                 here: str) -> str:
    ticks = "".join(
        f'<td class="sb-tick" data-label="{e(group)}：{e(value)}">'
        f"{TICK if value in chosen else ''}</td>"
        for group, chosen, values in ((msg.C_AUDIENCE, item.audiences, vocab.AUDIENCES),
                                      (msg.C_METHOD, item.methods, vocab.METHODS),
                                      (msg.C_LEVEL, item.levels, vocab.LEVELS))
        for value in values
    )
    count, latest = stat
    published = (f"{link(here, urls.item(item.id), msg.ITEM_COUNT.format(count=count))}"
                 f"<br><small>{e(msg.ITEM_LATEST.format(date=latest))}</small>"
                 if count else link(here, urls.item(item.id), msg.ITEM_NONE))
    return (
        f'<tr><td data-label="{e(msg.C_SEQ)}">{index}</td>'
        f'<td data-label="{e(msg.C_LEVEL1)}">{e(item.level1)}</td>'
        f'<td data-label="{e(msg.C_LEVEL2)}">'
        f"{link(here, urls.item(item.id), item.level2 or item.level1)}"
        f'<br><small class="sb-item-id" title="{e(msg.C_ITEM_ID)}">{e(item.id)}</small></td>'
        f'<td data-label="{e(msg.C_CONTENT)}">{e(item.content)}</td>'
        f'<td data-label="{e(msg.C_BASIS)}">{bases_html(item)}</td>'
        f'<td data-label="{e(msg.C_LIMIT)}">{e(time_limit_text(item))}</td>'
        f'<td data-label="{e(msg.C_SUBJECT)}">{e(item.subject)}</td>'
        f'<td data-label="{e(msg.C_CHANNEL)}">{e(channels_text(item))}</td>{ticks}'
        f'<td data-label="{e(msg.C_CATEGORY)}">{e(item.category)}</td>'
        f'<td data-label="{e(msg.C_PUBLISHED)}">{published}</td></tr>'
    )


def time_limit_text(item: CatalogItem) -> str:
    """公开时限 as shown on the catalog page and the item page: the text as published, with the
    公示期 added when the text does not mention it."""
    limit = item.time_limit.text
    if item.time_limit.notice_days and "公示" not in limit:
        limit += msg.NOTICE_PERIOD_SUFFIX.format(days=item.time_limit.notice_days)
    return limit


def bases_html(item: CatalogItem) -> str:
    return "<br>".join(e(str(b)) for b in item.bases)


def channels_text(item: CatalogItem) -> str:
    names = [c for c in item.channels if c != "其他"]
    if item.other_channels:
        names.append(f"其他（{item.other_channels}）")
    return "、".join(names)


def item_table(site: Site, item: CatalogItem, here: str) -> str:
    """The catalog row of one item, as a two-column table on its page."""
    domain = site.domain_by_id[item.domain_id]
    category = vocab.CATEGORY_BY_NAME[item.category]
    rows = [
        (msg.C_DOMAIN, link(here, urls.domain(domain.id), domain.name)),
        (msg.C_LEVEL1, e(item.level1)),
        (msg.C_LEVEL2, e(item.level2 or msg.NONE)),
        (msg.C_CONTENT, e(item.content)),
        (msg.C_BASIS, bases_html(item)),
        (msg.C_LIMIT, e(time_limit_text(item))),
        (msg.C_SUBJECT, e(item.subject)),
        (msg.C_CHANNEL, e(channels_text(item))),
        (msg.C_AUDIENCE, e("、".join(item.audiences))),
        (msg.C_METHOD, e("、".join(item.methods))),
        (msg.C_LEVEL, e("、".join(item.levels))),
        (msg.C_CATEGORY, link(here, urls.category(category.id), category.name)),
        (msg.C_ITEM_ID, f'<small class="sb-item-id">{e(item.id)}</small>'),  # for staff
    ]
    return definition_list(rows, "sb-meta sb-meta--item")


# -- tiles (home and index pages) ----------------------------------------------------------------
def tiles(entries: Iterable[tuple[str, str, str]], here: str, cls: str = "") -> str:
    """A grid of big links: (path, title, subtitle)."""
    cells = [
        f'<li><a href="{e(urls.rel(here, path))}"><strong>{e(title)}</strong>'
        f"<span>{e(sub)}</span></a></li>"
        for path, title, sub in entries
    ]
    return f'<ul class="sb-tiles {cls}">{"".join(cells)}</ul>'


def table(head: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "sb-overview") -> str:
    """A plain table (styled by the theme): `head` is text, each row's cells are ready HTML."""
    cells = "".join(f"<th>{e(text)}</th>" for text in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (f'<div class="sb-scroll {cls}" tabindex="0"><table><thead><tr>{cells}</tr>'
            f"</thead><tbody>{body}</tbody></table></div>")


def heading(text: str, level: int = 2, anchor: str = "") -> str:
    ident = f' id="{e(anchor)}"' if anchor else ""
    return f"<h{level}{ident}>{e(text)}</h{level}>"


def paragraph(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{e(text)}</p>" if text else ""


# -- issue 14: 征求意见, 公示结果, 废止 ----------------------------------------------------
def build_day() -> dt.date:
    """The day the site is built: 征求意见 badges say open or closed as of this day (a script
    in overrides/main.html closes them in the browser once the deadline has passed)."""
    return dt.date.today()


def cn_day(day: dt.date) -> str:
    """2026年12月20日 (no leading zeros), as in running text."""
    return msg.ZQYJ_DATE.format(year=day.year, month=day.month, day=day.day)


def consultation_badge(n: Notice, today: dt.date) -> str:
    """「征求意见中，截止…」 (with the deadline, for the script) or 「已结束」; "" otherwise."""
    if n.doc_kind != vocab.DOC_CONSULTATION or n.deadline is None:
        return ""
    if figures.is_open(n, today):
        return (f'<span class="sb-badge sb-zqyj" data-deadline="{n.deadline.isoformat()}" '
                f'data-closed="{e(msg.BADGE_CLOSED)}">'
                f"{e(msg.BADGE_CONSULTING.format(date=cn_day(n.deadline)))}</span>")
    return f'<span class="sb-badge sb-zqyj sb-zqyj--closed">{e(msg.BADGE_CLOSED)}</span>'


def _feedback(n: Notice) -> str:
    rows = []
    for key, value in n.feedback:
        if key == "邮箱":
            shown = f'<a href="mailto:{e(value)}">{e(value)}</a>'
        elif key == "电话" and "*" not in value:  # a masked number is no number to call
            shown = f'<a href="tel:{e(value.replace(" ", ""))}">{e(value)}</a>'
        else:
            shown = e(value)
        rows.append(f"<li>{e(key)}：{shown}</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def _links(site: Site, label: str, notices: Sequence[Notice], here: str) -> str:
    items = "".join(f"<li>{link(here, urls.notice(r.id), r.title)}</li>" for r in notices)
    return f"<p><strong>{e(label)}</strong></p><ul>{items}</ul>"


def document_status(site: Site, n: Notice, here: str) -> str:
    """Above the body: a 征求意见's badge, how to give feedback and its 采纳情况; a repealed
    document's 废止 date. Empty for other notices."""
    parts: list[str] = []
    repealed = site.repeal_dates.get(n.id)
    if repealed:
        parts.append(f'<p class="sb-repealed"><strong>'
                     f"{e(msg.REPEALED_ON.format(date=cn_day(repealed)))}</strong></p>")
    badge = consultation_badge(n, build_day())
    if badge:
        parts.append(f"<p>{badge}</p>")
        parts.append(f"<p><strong>{e(msg.ZQYJ_FEEDBACK)}</strong> "
                     f"{e(msg.ZQYJ_FEEDBACK_INTRO.format(date=cn_day(n.deadline)))}</p>")
        parts.append(_feedback(n))
        adoptions = site.adoptions.get(n.id, [])
        if adoptions:
            parts.append(_links(site, msg.ZQYJ_ADOPTION, adoptions, here))
        else:
            parts.append(f"<p>{e(msg.ZQYJ_ADOPTION_PENDING)}</p>")
    if not parts:
        return ""
    return f'<section class="sb-zqyj-block">{"".join(parts)}</section>'


def document_links(site: Site, n: Notice, here: str) -> str:
    """After the body: 采纳情况 ↔ 征求意见, 公示 ↔ 公示结果, 废止文件, both ways."""
    parts: list[str] = []
    by_id = site.notice_by_id
    for label, target in ((msg.ZQYJ_ADOPTION_OF, n.adoption_of), (msg.PUBLICITY_OF, n.result_of)):
        if target and target in by_id:
            parts.append(_links(site, label, [by_id[target]], here))
    results = site.results.get(n.id, [])
    if results:
        parts.append(_links(site, msg.PUBLICITY_RESULT, results, here))
    repealed = [by_id[t] for t in n.repeals if t in by_id]
    if repealed:
        parts.append(_links(site, msg.REPEALED_BY, repealed, here))
    if not parts:
        return ""
    return f'<section class="sb-related">{"".join(parts)}</section>'


def consultation_list(site: Site, notices: Sequence[Notice], here: str, today: dt.date) -> str:
    """征求意见 with their badge, deadline and 采纳情况 link (home page and /zqyj/)."""
    rows = []
    for n in notices:
        adoptions = site.adoptions.get(n.id, [])
        adoption = "".join(f"<span>{link(here, urls.notice(a.id), msg.H_ADOPTION)}</span>"
                           for a in adoptions[:1])
        rows.append(
            f'<li><a class="sb-list__title" href="{e(urls.rel(here, urls.notice(n.id)))}">'
            f"{e(n.title)}</a>{consultation_badge(n, today)}"
            f'<span class="sb-list__meta"><time datetime="{n.published.isoformat()}">'
            f"{n.published.isoformat()}</time><span>{e(n.publisher)}</span>{adoption}</span></li>")
    if not rows:
        return f'<p class="sb-empty">{e(msg.ZQYJ_NONE_OPEN)}</p>'
    return '<ul class="sb-list">\n' + "\n".join(rows) + "\n</ul>"


# -- issue 13: 长者模式 -----------------------------------------------------------------------
def care_entry() -> str:
    """The home page's entry to 长者模式: a button the script shows (it needs JavaScript)."""
    return (f'<p class="sb-care-entry"><button type="button" class="md-button '
            f'md-button--primary" data-sb-care hidden>{e(msg.CARE_HOME_ENTRY)}</button>'
            f'<span class="sb-care-entry__text" data-sb-care hidden>{e(msg.CARE_HOME_TEXT)}'
            f"</span></p>")
