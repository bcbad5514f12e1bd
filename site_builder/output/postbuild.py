"""Post-build: steps that run on the finished output folder, before it replaces `site/`.

Each step takes the context and may write files or report problems; a step that reports an
error stops the build (the previous `site/` stays). Steps run in the order of `STEPS`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..base import background as forking
from ..base import urls
from ..base.background import Job, start
from ..base.problems import Problems
from ..model.site import Site
from . import feeds, linkcheck, qr, sitemap
from .opendata import data_files
from .pages import Output
from .search import write_index

SEARCH_CACHE = "search"  # the index of the previous build (searchcache.py)
DATA_CACHE = "data"  # the spreadsheets of the previous build (opendata.Workbooks)


@dataclass
class Context:
    site: Site
    output: Output
    out_dir: Path  # the folder being built (staging), not yet published
    cache_dir: Path  # kept between builds (e.g. QR images), safe to delete
    problems: Problems
    jobs: dict[str, Job] = field(default_factory=dict)  # started early (see start_jobs)
    preview_path: str | None = None  # `mkdocs serve`: the preview's path (the 404 page's links)


def write_open_data(ctx: Context) -> None:
    """data/ (notices.json, catalog.json, notices.csv, notices.xlsx, catalog.xlsx: opendata.py)
    and the Atom feeds (feeds.py); made meanwhile in a second process when one was started."""
    job = ctx.jobs.get("data")
    if job is not None:
        job.finish(ctx.out_dir)
    else:
        _write_data(ctx.site, ctx.cache_dir, ctx.out_dir)


def _write_data(site: Site, cache_dir: Path, out_dir: Path) -> None:
    for path, content in data_files(site, cache_dir / DATA_CACHE).items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    feeds.write_feeds(site, out_dir)


def write_sitemap(ctx: Context) -> None:
    """sitemap.xml of the published content pages, replacing the engine's (sitemap.py)."""
    sitemap.write_sitemap(ctx.site, ctx.output, ctx.out_dir)


def write_qr_codes(ctx: Context) -> None:
    """qr.svg and qr.png beside every page, from the QR cache (see qr.py)."""
    job = ctx.jobs.get("qr")
    if job is not None:
        job.finish(ctx.out_dir)  # the cache filled meanwhile; nothing to move
    qr.write_codes(ctx.site, ctx.output, ctx.out_dir, qr.QrCache(ctx.cache_dir), ctx.problems)


def start_jobs(site: Site, output: Output, cache_dir: Path, *,
               background: bool) -> dict[str, Job]:
    """Start the work that needs only the model and the page list, to run while the engine
    writes pages, in two forked workers (background.start): the search index in one; the QR
    codes a first build has not encoded yet, then the open data and feeds, in the other. The
    index takes the longest (in a cold build about as long as the other two together; in an
    edited build nearly alone), so nothing waits behind it."""
    work_dir = cache_dir / "jobs"
    index = functools.partial(write_index, site, cache_dir=cache_dir / SEARCH_CACHE)
    jobs = {"search": Job(index, work_dir / "search"),
            "data": Job(functools.partial(_write_data, site, cache_dir), work_dir / "data")}
    if background:
        start([jobs["search"]])
        if forking.can_fork():  # else write_qr_codes encodes them, on every core
            fill = functools.partial(_fill_qr_cache, site, output, cache_dir)
            jobs["qr"] = Job(fill, work_dir / "qr")
        start([*(jobs[name] for name in ("qr", "data") if name in jobs)])
    return jobs


def _fill_qr_cache(site: Site, output: Output, cache_dir: Path, work_dir: Path) -> None:
    qr.fill_cache(site, output, qr.QrCache(cache_dir))


def write_search_index(ctx: Context) -> None:
    """search/data/: the full-text index read by the search page (see search.py)."""
    job = ctx.jobs.get("search")
    if job is not None:
        job.finish(ctx.out_dir)
    else:
        write_index(ctx.site, ctx.out_dir, ctx.cache_dir / SEARCH_CACHE)


def check_links(ctx: Context) -> None:
    """Keep last: no broken internal link, anchor or attachment, nothing from another host."""
    sources = {urls.notice(n.id): n.source for n in ctx.site.notices}
    sources.update({urls.column_page(p.id): p.source for p in ctx.site.pages})
    bad = linkcheck.check(ctx.out_dir, ctx.site.info.base_url, ctx.preview_path, ctx.cache_dir)
    ctx.problems.extend(linkcheck.report(bad, sources, ctx.site.root))


Step = Callable[[Context], None]
STEPS: list[Step] = [write_open_data, write_sitemap, write_qr_codes, write_search_index,
                     check_links]


def run(ctx: Context, lap: Callable[[str], None] = lambda stage: None) -> Problems:
    for step in STEPS:
        step(ctx)
        lap(f"post-build: {step.__name__}")
    return ctx.problems
