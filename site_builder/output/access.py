"""Accessibility of the generated pages (issue 13): every page's 当前位置 breadcrumbs, the page
title as the only h1 (body headings shift down one level), and body tables labelled cell by
cell so that a phone can show each row as a card (each cell with its column heading).

The texts the theme shows for 长者模式, the skip link and the 404 page come from here too
(`theme_strings`, handed to the templates by the MkDocs adapter).
"""

from __future__ import annotations

import re
from html import unescape

from ..base import messages as msg
from ..base import urls, vocab
from ..model.site import Site
from .pages import NavNode, Output, OutputPage
from .render import e
from .search_page import PATH as SEARCH_PATH


def theme_strings() -> dict[str, str]:
    """Texts of overrides/ (header switch, menu button, 朗读, skip link, 404 page)."""
    return {
        "switch": msg.CARE_SWITCH, "switch_title": msg.CARE_SWITCH_TITLE,
        "read": msg.CARE_READ, "read_stop": msg.CARE_READ_STOP,
        "skip": msg.SKIP_TO_CONTENT, "crumbs": msg.CRUMBS_LABEL, "home": msg.NAV_HOME,
        "nf_title": msg.NOT_FOUND_TITLE, "nf_text": msg.NOT_FOUND_TEXT, "nf_qr": msg.NOT_FOUND_QR,
        "nf_search": msg.NOT_FOUND_SEARCH, "nf_home": msg.NOT_FOUND_HOME,
        "search_path": SEARCH_PATH, "search_button": msg.SEARCH_BUTTON,
        "search_placeholder": msg.SEARCH_PLACEHOLDER, "menu": msg.MENU_BUTTON,
    }


# -- headings ------------------------------------------------------------------------------------
_HEADING = re.compile(r"<(/?)h([1-6])\b")


def shift_headings(html: str, toc: list[dict]) -> tuple[str, list[dict]]:
    """A body holding an h1 (`# 标题`) gets every heading one level down (h6 stays h6): the
    page's title is its only h1, so a screen reader finds the notice, not the attached 方案."""
    if not re.search(r"<h1\b", html):
        return html, toc
    shifted = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 1)}", html)
    return shifted, [_shift_token(t) for t in toc]


def _shift_token(token: dict) -> dict:
    return {**token, "level": min(6, token.get("level", 1) + 1),
            "children": [_shift_token(c) for c in token.get("children", [])]}


# -- tables as cards -----------------------------------------------------------------------------
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_TAG = re.compile(r"<[^>]+>")


def label_tables(html: str) -> str:
    """Each cell of a simple body table (one header row, no spans) gets `data-label` with its
    column heading; site.css shows such tables as cards on phones. Other tables keep scrolling."""
    return _TABLE.sub(_label_table, html) if "<table>" in html else html


def _label_table(match: re.Match[str]) -> str:
    inner = match.group(1)
    head, sep, body = inner.partition("</thead>")
    if not sep or "span=" in inner or head.count("<tr") != 1:
        return match.group(0)
    labels = [" ".join(unescape(_TAG.sub("", cell)).split()) for cell in _HEAD_CELL.findall(head)]

    def row(m: re.Match[str]) -> str:
        cells = iter(labels)
        return "<tr>" + re.sub(r"<td\b", lambda _: f'<td data-label="{e(next(cells, ""))}"',
                               m.group(1)) + "</tr>"

    return f'<table data-sb-cards>{head}</thead>{_ROW.sub(row, body)}</table>'


# -- breadcrumbs ---------------------------------------------------------------------------------
def finish_pages(site: Site, output: Output) -> None:
    """Breadcrumbs on every page; generated tables (overviews) labelled like body tables."""
    for page in output.pages:
        page.before, page.after = label_tables(page.before), label_tables(page.after)
    add_breadcrumbs(site, output)


def add_breadcrumbs(site: Site, output: Output) -> None:
    """当前位置：首页 › 五公开 › 结果公开 › … on every page (page.meta["sb_crumbs"])."""
    chains = dict(_nav_chains(output.nav, []))
    titles = {p.path: p.title for p in output.pages}
    for page in output.pages:
        trail = _trail(site, page, chains, titles)
        page.meta["sb_crumbs"] = _crumbs_html(page, trail)


def _nav_chains(nodes: list[NavNode], above: list[tuple[str, str]]):
    """(path, [(title, path) of the sections above it]) for each page in the navigation."""
    for node in nodes:
        if node.children:
            index = node.children[0].path
            here = above + ([(node.title, index)] if index is not None else [])
            for child in node.children:
                if child.path is not None and child.path == index:
                    yield child.path, above
                else:
                    yield from _nav_chains([child], here)
        elif node.path is not None:
            yield node.path, above


def _trail(site: Site, page: OutputPage, chains: dict, titles: dict) -> list[tuple[str, str]]:
    """The pages above `page`, home first."""
    parent = _parent(site, page.path)
    if page.path == urls.HOME:
        return []
    if page.path in chains:
        return _with_home(chains[page.path])
    if parent is None:
        return _with_home([])
    above = _trail(site, OutputPage(parent, titles.get(parent, ""), ""), chains, titles)
    return [*above, (titles.get(parent, ""), parent)]


def _with_home(chain: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(msg.NAV_HOME, urls.HOME), *[c for c in chain if c[1] != urls.HOME]]


def _parent(site: Site, path: str) -> str | None:
    """The page a page not in the navigation belongs under."""
    first = urls.unpaged(path)
    if first != path:
        return first  # page 2 of a listing: under its first page
    parts = path.strip("/").split("/")
    if parts[0] == "n" and len(parts) == 2 and parts[1] in site.notice_by_id:
        notice = site.notice_by_id[parts[1]]
        return urls.category(vocab.CATEGORY_BY_NAME[notice.category].id)
    if parts[0] == "i" and len(parts) == 2 and parts[1] in site.item_by_id:
        return urls.domain(site.item_by_id[parts[1]].domain_id)
    if parts[0] == "t" and len(parts) == 3:
        return urls.township(parts[1])
    return None


def _crumbs_html(page: OutputPage, trail: list[tuple[str, str]]) -> str:
    here = page.path
    items = [f'<li><a href="{e(urls.rel(here, path))}">{e(title)}</a></li>'
             for title, path in trail if title]
    items.append(f'<li aria-current="page">{e(page.title)}</li>')
    return (f'<nav class="sb-crumbs" aria-label="{e(msg.CRUMBS_LABEL.rstrip("："))}">'
            f'<span class="sb-crumbs__label">{e(msg.CRUMBS_LABEL)}</span>'
            f'<ol>{"".join(items)}</ol></nav>')
