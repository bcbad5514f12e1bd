"""Same input, same bytes: the dates the output carries come from the input, not the clock.

Two builds of the same input must write byte-identical sites (a deploy by rsync copies only what
changed; an office can check that nothing else did). MkDocs stamps every page of sitemap.xml
with the build date (`<lastmod>`) and sitemap.xml.gz with it as its mtime; the plugin sets each
page's date from the content instead: a notice's 发布日期 (or that of its latest 解读, which
adds a link to the page), and for every other page the newest 发布日期 or 更新日期 in the site.
"""

from __future__ import annotations

import datetime as dt

from . import urls
from .model import Site
from .pages import Output


def page_dates(site: Site, output: Output) -> tuple[dict[str, str], str | None]:
    """(site path → ISO date for notices, the date of every other page); None when the site
    has no dated content (MkDocs keeps the build date then)."""
    notices: dict[str, str] = {}
    for n in site.notices:
        day = max([n.published, *(r.published for r in site.interpretations.get(n.id, []))])
        notices[urls.notice(n.id)] = day.isoformat()
    days: list[dt.date] = [n.published for n in site.notices]
    days += [p.updated for p in site.pages if p.updated]
    days += [r.date for r in site.url_changes.retired]
    newest = max(days).isoformat() if days else None
    return {p.path: notices[p.path] for p in output.pages if p.path in notices}, newest
