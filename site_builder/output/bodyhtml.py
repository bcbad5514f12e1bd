"""What a rendered body gets before it is put on a page (issue 13): its headings one level down
when it holds an h1 (the page title is the only h1), and simple tables labelled cell by cell so
that a phone shows each row as a card. Done once per body, with the rendering, and kept in the
bodies cache (bodies.py: bump its FORMAT when this changes); breadcrumbs are access.py's.
"""

from __future__ import annotations

import re
from html import unescape

from .render import e

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
