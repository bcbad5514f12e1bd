"""`sitemap.xml` (and `sitemap.xml.gz`): the pages this build published, for search engines.

MkDocs writes a sitemap of every page it rendered, which includes the redirect pages of moved
URLs (迁移) and the tombstones of withdrawn ones (撤回) — declarations, not content, and for a
URL that was never published not even a page anyone had. This step replaces it after the build
with the pages that exist in the output and are content: every generated page except redirects
and tombstones. A notice's `lastmod` is its 发布日期, a column page's its 更新日期; other pages
have none (they change with every notice). The file is the same for the same input.
"""

from __future__ import annotations

import gzip
from html import escape
from pathlib import Path

from ..base import urls
from ..model.site import Site
from .pages import Output, OutputPage
from .permalinks import KIND_REDIRECT, KIND_RETIRED

NOT_CONTENT = frozenset({KIND_REDIRECT, KIND_RETIRED})
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def listed(output: Output, out_dir: Path) -> list[OutputPage]:
    """The pages the sitemap lists: content pages whose file is in the output."""
    return [p for p in output.pages
            if p.kind not in NOT_CONTENT and (out_dir / p.path / "index.html").is_file()]


def sitemap_xml(site: Site, output: Output, out_dir: Path) -> str:
    modified = {urls.notice(n.id): n.published for n in site.notices}
    modified.update({urls.column_page(p.id): p.updated for p in site.pages if p.updated})
    rows = []
    for page in sorted(listed(output, out_dir), key=lambda p: p.path):
        loc = escape(urls.absolute(site.info.base_url, page.path))
        day = modified.get(page.path)
        lastmod = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
        rows.append(f"<url><loc>{loc}</loc>{lastmod}</url>")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NAMESPACE}">\n'
            + "\n".join(rows) + "\n</urlset>\n")


def write_sitemap(site: Site, output: Output, out_dir: Path) -> None:
    data = sitemap_xml(site, output, out_dir).encode("utf-8")
    (out_dir / urls.SITEMAP).write_bytes(data)
    (out_dir / f"{urls.SITEMAP}.gz").write_bytes(gzip.compress(data, mtime=0))
