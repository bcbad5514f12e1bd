"""The URL scheme, in one place. URLs are short, ASCII and made from stable ids only.

A URL printed as a QR code on a bulletin board must stay valid for years, so no URL contains a
title, a date or a five-disclosure category of a notice (all of which may change). Paths here
have no leading slash and end with "/" (directory URLs); "" is the home page.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import quote

HOME = ""
CATALOG = "catalog/"
XXGK = "xxgk/"
CATEGORIES = "c/"  # overview of the five disclosures (the index page of their nav section)
DOMAINS = "d/"  # overview of the domains
TOWNSHIPS = "t/"  # overview of the townships and their villages
DATA_NOTICES = "data/notices.json"
DATA_CATALOG = "data/catalog.json"


def notice(notice_id: str) -> str:
    return f"n/{notice_id}/"


def category(category_id: str) -> str:
    return f"c/{category_id}/"


def domain(domain_id: str) -> str:
    return f"d/{domain_id}/"


def township(township_id: str) -> str:
    return f"t/{township_id}/"


def village(township_id: str, village_id: str) -> str:
    return f"t/{township_id}/{village_id}/"


def item(item_id: str) -> str:
    return f"i/{item_id}/"


def column_page(page_id: str) -> str:
    return f"xxgk/{page_id}/"


def paged(base: str, number: int) -> str:
    """Page `number` of a paginated listing whose first page is `base`."""
    return base if number == 1 else f"{base}page/{number}/"


def unpaged(path: str) -> str:
    """The first page of the listing that `path` is a page of (`path` itself otherwise)."""
    head, sep, tail = path.rpartition("page/")
    paged_tail = sep and tail.endswith("/") and tail[:-1].isdigit()
    return head if paged_tail and (head == "" or head.endswith("/")) else path


def qr_code(path: str, extension: str) -> str:
    """The QR image of the page at `path`: `<path>qr.svg` or `<path>qr.png` (first listing page)."""
    return f"{unpaged(path)}qr.{extension}"


def attachment(notice_id: str, filename: str) -> str:
    return f"{notice(notice_id)}{filename}"


def src_uri(path: str) -> str:
    """The virtual Markdown source path that renders to `path` with directory URLs."""
    return f"{path}index.md"


def rel(from_path: str, to_path: str) -> str:
    """Relative href from the page at `from_path` to `to_path` (both site paths)."""
    relative = _relpath(to_path, _folder(from_path))
    if to_path.endswith("/") or to_path == "":
        relative = relative.rstrip("/") + "/"
    if relative == "./":
        return "./"
    ups = 0  # "../" is as quote leaves it: quote only the rest, which recurs (cached)
    while relative.startswith("../", ups * 3):
        ups += 1
    return "../" * ups + _quote(relative[ups * 3:])


@functools.lru_cache(maxsize=1 << 12)
def _folder(page_path: str) -> str:
    """The folder relative links from a page start at (the page's own: directory URLs)."""
    return posixpath.dirname(page_path.rstrip("/") + "/x") if page_path else ""


@functools.lru_cache(maxsize=1 << 16)
def _quote(path: str) -> str:
    return quote(path, safe="/#%:.-_~")


@functools.lru_cache(maxsize=1 << 16)
def _parts(path: str) -> tuple[tuple[str, ...], bool]:
    """The parts of a site path, and whether it is plain (no "." or ".." part, no leading
    "/"). Cached: a listing page links thousands of notices, each listed on several pages."""
    parts = tuple(p for p in path.split("/") if p)
    return parts, not path.startswith("/") and _PLAIN_PARTS.isdisjoint(parts)


def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for site paths, without its normalising and its look at the current
    folder (a listing page links thousands of notices: this was a tenth of page generation).
    Paths holding "." or ".." parts or starting with "/" go to posixpath.relpath itself."""
    to_parts, to_plain = _parts(target)
    from_parts, from_plain = _parts(start)
    if not (to_plain and from_plain):
        return posixpath.relpath(target or ".", start or ".")
    common = 0
    for a, b in zip(to_parts, from_parts, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(from_parts) - common) + list(to_parts[common:])
    return "/".join(parts) if parts else "."


_PLAIN_PARTS = frozenset({".", ".."})


def absolute(base_url: str, path: str) -> str:
    return base_url + quote(path, safe="/#%.-_~")


# -- issue 16: feeds, exports ---------------------------------------------------------------------
SITE_FEED = "feed.xml"  # every notice of the site (Atom)
OPEN_DATA = "data/"  # the 开放数据 page, beside the files it explains
DATA_NOTICES_CSV = "data/notices.csv"
DATA_NOTICES_XLSX = "data/notices.xlsx"
DATA_CATALOG_XLSX = "data/catalog.xlsx"
SITEMAP = "sitemap.xml"


def feed(path: str) -> str:
    """The Atom feed of the listing whose first page is `path`: `<path>feed.xml`."""
    return f"{unpaged(path)}feed.xml"
ZQYJ = "zqyj/"  # 征求意见: open and closed consultations (issue 14)
