"""Accessibility of the generated pages (issue 13): every page's 当前位置 breadcrumbs, and the
tables generated around bodies labelled cell by cell so that a phone can show each row as a card
(bodies themselves get theirs, and their headings one level down, in bodyhtml.py).

The texts the theme shows for 长者模式, the skip link and the 404 page come from here too
(`theme_strings`, handed to the templates by the MkDocs adapter).
"""

from __future__ import annotations

from ..base import messages as msg
from ..base import urls, vocab
from ..model.site import Site
from .bodyhtml import label_tables
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
