"""Printed links never break: the manifest of published URLs, moves (迁移) and retirements (撤回).

A QR code on a village bulletin board lives for years. Every successful `build` records the URLs
of the pages it published in `published-urls.txt` at the project root (commit it with the
project). A later build in which one of them would disappear fails — unless catalog.yaml says
where it went:

    迁移:                                   # the page moved: a redirect page is generated
      - {原网址: /n/2024-0003/, 新网址: /n/2024-0103/}
    撤回:                                   # the notice was withdrawn: a tombstone page says so
      - {网址: /n/2023-0007/, 日期: 2025-03-01, 说明: 已被2025年新办法替代}

Paginated listing pages (`…/page/N/`) are not recorded: they shift as notices are added and are
never printed. The tombstone page shows neither the title nor the text of the withdrawn notice
(it may now be 不予公开), only that it was withdrawn and when.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..base import dates, urls
from ..base import messages as msg
from ..base.problems import Problems
from ..check.declarations import MOVES_KEY, RETIRED_KEY, shown
from ..model.site import Move, Retirement, Site, UrlChanges
from . import render as h
from .pages import Output, OutputPage

MANIFEST = "published-urls.txt"
KIND_REDIRECT = "redirect"
KIND_RETIRED = "retired"
_PAGED = re.compile(r"(^|/)page/\d+/$")


# -- the manifest --------------------------------------------------------------------------------
def manifest_path(root: Path) -> Path:
    return root / MANIFEST


def read_manifest(root: Path) -> dict[str, int]:
    """Site path → line number in the manifest (empty when there is none yet)."""
    path = manifest_path(root)
    if not path.is_file():
        return {}
    out: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.setdefault(line.lstrip("/"), number)
    return out


def recorded(output: Output) -> set[str]:
    """The URLs a build publishes that must stay valid: every page but paginated listings."""
    return {p.path for p in output.pages if not _PAGED.search(p.path)}


def record(root: Path, output: Output) -> bool:
    """Add this build's URLs to the manifest (never removes any); True if the file changed."""
    known = read_manifest(root)
    paths = set(known) | recorded(output)
    if known and set(known) == paths:
        return False
    text = msg.MANIFEST_HEADER + "".join(shown(p) + "\n" for p in sorted(paths))
    manifest_path(root).write_text(text, encoding="utf-8")
    return True


# -- applying declarations and checking the manifest ---------------------------------------------
def apply(site: Site, output: Output, changes: UrlChanges, problems: Problems) -> None:
    """Check the declarations, add redirect and tombstone pages, and fail for every published URL
    that would otherwise disappear."""
    pages = {p.path: p for p in output.pages}
    claimed: dict[str, int] = {}
    published = read_manifest(site.root)
    for move in changes.moves:
        if _claim(move.old, move.source, move.line, pages, claimed, problems) and \
                _was_published(move.old, published, move.source, move.line, MOVES_KEY,
                               problems):
            target = _resolve(move, changes, pages, problems)
            if target is not None:
                output.pages.append(_redirect_page(move, target, pages))
    for retired in changes.retired:
        if _claim(retired.path, retired.source, retired.line, pages, claimed, problems) and \
                _was_published(retired.path, published, retired.source, retired.line,
                               RETIRED_KEY, problems):
            output.pages.append(_retired_page(site, retired))
    now = {p.path for p in output.pages}
    for path, line in published.items():
        if path not in now and not _PAGED.search(path):
            problems.add(manifest_path(site.root), line, None,
                         msg.URL_GONE.format(url=shown(path)),
                         msg.URL_GONE_HINT.format(url=shown(path),
                                                  today=dt.date.today().isoformat()))


def _claim(path: str, source: Path, line: int, pages: dict[str, OutputPage],
           claimed: dict[str, int], problems: Problems) -> bool:
    if path in pages:
        problems.add(source, line, None, msg.URL_STILL_USED.format(url=shown(path)),
                     msg.URL_STILL_USED_HINT)
        return False
    if path in claimed:
        problems.add(source, line, None, msg.URL_DECLARED_TWICE.format(
            url=shown(path), first=claimed[path]), msg.DUPLICATE_ID_HINT)
        return False
    claimed[path] = line
    return True


def _was_published(path: str, published: dict[str, int], source: Path, line: int, key: str,
                   problems: Problems) -> bool:
    """A 迁移 or 撤回 is for a URL that was published (in the manifest); else it would add a
    page, and a sitemap entry, for an address nobody ever had."""
    if path in published:
        return True
    page = msg.URL_NEVER_PUBLISHED_MOVE if key == MOVES_KEY else \
        msg.URL_NEVER_PUBLISHED_RETIRED
    problems.add(source, line, key, msg.URL_NEVER_PUBLISHED.format(url=shown(path), key=key,
                                                                   page=page),
                 msg.URL_NEVER_PUBLISHED_HINT)
    return False


def _resolve(move: Move, changes: UrlChanges, pages: dict[str, OutputPage],
             problems: Problems) -> str | None:
    """The final target of a move, following moves of moves; None (reported) if it is missing."""
    by_old = {m.old: m.new for m in changes.moves}
    target, seen = move.new, {move.old}
    while target in by_old and target not in seen:
        seen.add(target)
        target = by_old[target]
    if re.match(r"^https?://", target) or target in pages:
        return target
    problems.add(move.source, move.line, "新网址", msg.URL_TARGET_MISSING.format(
        url=shown(move.new)), msg.URL_TARGET_MISSING_HINT)
    return None


def _redirect_page(move: Move, target: str, pages: dict[str, OutputPage]) -> OutputPage:
    external = bool(re.match(r"^https?://", target))
    href = target if external else urls.rel(move.old, target)
    title = target if external else pages[target].title
    body = (f'<div class="admonition info sb-moved"><p class="admonition-title">'
            f'{h.e(msg.MOVED_TITLE)}</p><p>{h.e(msg.MOVED_TEXT)}'
            f'<a href="{h.e(href)}">{h.e(title)}</a></p></div>')
    return OutputPage(move.old, msg.MOVED_TITLE, KIND_REDIRECT, before=body,
                      meta={"sb_redirect": href, "sb_noindex": True,
                            "hide": ["navigation", "toc"]})


def _retired_page(site: Site, retired: Retirement) -> OutputPage:
    here = retired.path
    text = msg.RETIRED_TEXT.format(date=dates.cn(retired.date))
    note = f"<p>{h.e(msg.RETIRED_NOTE.format(note=retired.note))}</p>" if retired.note else ""
    links = h.link(here, urls.HOME, msg.RETIRED_HOME) + " · " + \
        h.link(here, urls.XXGK, msg.NAV_XXGK)
    body = (f'<div class="admonition warning sb-retired"><p class="admonition-title">'
            f'{h.e(msg.RETIRED_TITLE)}</p><p>{h.e(text)}</p>{note}<p>{links}</p></div>')
    return OutputPage(here, msg.RETIRED_TITLE, KIND_RETIRED, before=body,
                      meta={"sb_noindex": True, "hide": ["navigation", "toc"]})
