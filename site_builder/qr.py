"""QR codes: every page's absolute URL, as SVG (crisp in print) and PNG (download, Word).

- Encoded with `qrcode`: error correction M, a quiet zone of 4 modules, the smallest version that
  holds the URL. The URL scheme keeps URLs short (`https://<host>/n/<id>/`), so a notice is a
  version 3 code (29 × 29 modules) for a typical county host name and scans from a small print.
- The two image files are written here from qrcode's module matrix: the SVG as one path of
  horizontal runs on a white square, the PNG as a 1-bit image (zlib, no imaging library).
  qrcode's own image factories draw module by module and take longer than encoding itself.
- A code depends only on (URL, options, FORMAT_VERSION, qrcode's version): it is cached in
  `<cache>/qr/<sha256>.svg|.png` and an unchanged URL is never encoded again. The cache is safe
  to delete. Many missing codes (a first build) are encoded in worker processes.
- Each page's code lives beside it at a stable URL (`n/<id>/qr.svg`, `n/<id>/qr.png`; a paged
  listing uses the code of its first page) and the page shows it with a download link.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
import zlib
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version as _package_version
from multiprocessing import get_context
from pathlib import Path

import qrcode
import qrcode.constants

from . import messages as msg
from . import urls
from .model import Site
from .pages import Output, OutputPage
from .problems import Problems
from .render import e

ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
ERROR_CORRECTION_NAME = "M"
BORDER = 4  # quiet zone, in modules (the standard's minimum)
PNG_MODULE_PX = 10  # pixels per module in the PNG
MODULE_MM = 1.2  # printed size of a module when the file is placed at its own size (Word)
FORMAT_VERSION = 1  # bump whenever the image files change
PARALLEL_FROM = 48  # from this many missing codes on, encode in worker processes
EXTENSIONS = ("svg", "png")
QRCODE_VERSION = _package_version("qrcode")

Matrix = list[list[bool]]


# -- encoding and image files --------------------------------------------------------------------
def encode(url: str) -> Matrix:
    """The module matrix of `url`, quiet zone included (True = dark)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=BORDER)
    code.add_data(url.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


def version_of(url: str) -> int:
    """The QR version (1–40) that `url` needs."""
    return (len(encode(url)) - 2 * BORDER - 17) // 4


def svg_bytes(matrix: Matrix) -> bytes:
    """A square SVG: white background, dark modules as horizontal runs in one path."""
    size = len(matrix)
    runs: list[str] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    side = f"{size * MODULE_MM:g}mm"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{side}" height="{side}" '
        f'viewBox="0 0 {size} {size}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>\n'
    ).encode("ascii")


def png_bytes(matrix: Matrix) -> bytes:
    """A 1-bit grayscale PNG, PNG_MODULE_PX pixels per module, with its print size (pHYs)."""
    size = len(matrix) * PNG_MODULE_PX
    rows = bytearray()
    for row in matrix:
        bits = "".join("0" * PNG_MODULE_PX if dark else "1" * PNG_MODULE_PX for dark in row)
        bits += "0" * (-len(bits) % 8)
        line = b"\x00" + int(bits, 2).to_bytes(len(bits) // 8, "big")  # filter 0, then pixels
        rows += line * PNG_MODULE_PX
    per_metre = round(PNG_MODULE_PX / MODULE_MM * 1000)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0))
        + _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + \
        struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _make(url: str) -> tuple[bytes, bytes]:
    matrix = encode(url)
    return svg_bytes(matrix), png_bytes(matrix)


# -- cache ---------------------------------------------------------------------------------------
@dataclass
class CacheStats:
    codes: int = 0  # distinct URLs asked for
    encoded: int = 0  # of which were not in the cache


class QrCache:
    """QR images keyed by content: the URL and everything that shapes the image."""

    def __init__(self, cache_dir: Path):
        self.dir = cache_dir / "qr"
        self.stats = CacheStats()

    def key(self, url: str) -> str:
        options = f"{FORMAT_VERSION}|{QRCODE_VERSION}|{ERROR_CORRECTION_NAME}|{BORDER}|" \
                  f"{PNG_MODULE_PX}|{MODULE_MM}|{url}"
        return hashlib.sha256(options.encode("utf-8")).hexdigest()

    def path(self, url: str, extension: str) -> Path:
        return self.dir / f"{self.key(url)}.{extension}"

    def ensure(self, wanted: Iterable[str]) -> None:
        """Make sure every URL has both images in the cache; encode only the missing ones."""
        distinct = list(dict.fromkeys(wanted))
        missing = [u for u in distinct
                   if not all(self.path(u, x).is_file() for x in EXTENSIONS)]
        self.stats.codes += len(distinct)
        self.stats.encoded += len(missing)
        if not missing:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        for url, images in zip(missing, _encode_all(missing), strict=True):
            for extension, data in zip(EXTENSIONS, images, strict=True):
                _write_atomic(self.path(url, extension), data)

    def svg(self, url: str) -> str:
        self.ensure([url])
        return self.path(url, "svg").read_text(encoding="ascii")


def _encode_all(missing: list[str]) -> Iterable[tuple[bytes, bytes]]:
    workers = min(os.cpu_count() or 1, 8)
    if len(missing) < PARALLEL_FROM or workers < 2:
        return map(_make, missing)
    # "spawn": safe even when the caller has threads (mkdocs serve); start-up is ~0.3 s.
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        return list(pool.map(_make, missing, chunksize=max(1, len(missing) // (workers * 8))))


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def inline_svg(cache: QrCache, url: str, symbol_mm: float, label: str = "") -> str:
    """The code of `url` as inline SVG for print documents, sized so that the symbol itself
    (quiet zone excluded) is `symbol_mm` wide whatever the version."""
    svg = cache.svg(url)
    size = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))  # type: ignore[union-attr]
    side = f"{symbol_mm * size / (size - 2 * BORDER):.1f}mm"
    svg = re.sub(r'width="[^"]*" height="[^"]*"', f'width="{side}" height="{side}"', svg, count=1)
    aria = f' role="img" aria-label="{e(label)}"' if label else ""
    return svg.replace("<svg ", f"<svg{aria} ", 1).strip()


# -- pages ---------------------------------------------------------------------------------------
def page_url(site: Site, path: str) -> str:
    """The absolute URL a page's code encodes: the page, or the first page of its listing."""
    return urls.absolute(site.info.base_url, urls.unpaged(path))


def add_to_pages(site: Site, output: Output) -> None:
    """Append the QR block to every page (after its content: small on screen, big in print)."""
    for page in output.pages:
        page.after += block(site, page)


def block(site: Site, page: OutputPage) -> str:
    here = page.path
    svg = urls.rel(here, urls.qr_code(here, "svg"))
    png = urls.rel(here, urls.qr_code(here, "png"))
    url = page_url(site, here)
    name = _download_name(page)
    return (
        f'<aside class="sb-qr" aria-label="{e(msg.QR_LABEL)}">'
        f'<img class="sb-qr__img" src="{e(svg)}" width="120" height="120" loading="lazy" '
        f'alt="{e(msg.QR_ALT.format(url=url))}">'
        f'<div class="sb-qr__text">'
        f'<p class="sb-qr__scan"><span class="sb-screen-only">{e(msg.QR_SCAN_SCREEN)}</span>'
        f'<span class="sb-print-only">{e(msg.QR_SCAN_PRINT)}</span></p>'
        f'<p class="sb-qr__url">{e(url)}</p>'
        f'<p class="sb-qr__download">{e(msg.QR_DOWNLOAD)}'
        f'<a href="{e(png)}" download="{e(name)}.png">{e(msg.QR_PNG)}</a>'
        f'<a href="{e(svg)}" download="{e(name)}.svg">{e(msg.QR_SVG)}</a></p>'
        f'<p class="sb-print-only sb-qr__source">{e(msg.QR_SOURCE.format(site=site.info.name))}'
        f'</p><p class="sb-print-only sb-print-date" data-label="{e(msg.PRINT_DATE)}"></p>'
        f"</div></aside>"
    )


_UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


def _download_name(page: OutputPage) -> str:
    """A file name staff recognise in their Downloads folder: 二维码-城关镇, 二维码-2026-0123."""
    if page.kind == "notice":
        subject = urls.unpaged(page.path).strip("/").rsplit("/", 1)[-1]
    else:
        subject = page.title
        if urls.unpaged(page.path) != page.path:  # 第 N 页 of a listing: the listing's name
            subject = re.sub(r"（[^（]*）$", "", subject)
    subject = _UNSAFE_IN_FILE_NAME.sub("-", subject).strip("-")[:40] or msg.QR_HOME_NAME
    return msg.QR_FILE_NAME.format(name=subject)


def code_paths(output: Output) -> list[str]:
    """The site path of every page that has its own code (first pages of listings)."""
    return list(dict.fromkeys(urls.unpaged(p.path) for p in output.pages))


def write_codes(site: Site, output: Output, out_dir: Path, cache: QrCache,
                problems: Problems) -> None:
    """Post-build: put `qr.svg` and `qr.png` beside every page, from the cache."""
    paths = code_paths(output)
    taken = {a.path: a for a in output.assets}
    for path in paths:
        for extension in EXTENSIONS:
            clash = taken.get(urls.qr_code(path, extension))
            if clash is not None:
                problems.add(clash.source, None, None,
                             msg.QR_NAME_TAKEN.format(name=f"qr.{extension}"), msg.QR_NAME_HINT)
    if problems.errors:
        return
    cache.ensure(page_url(site, p) for p in paths)
    for path in paths:
        folder = out_dir / path
        folder.mkdir(parents=True, exist_ok=True)
        url = page_url(site, path)
        for extension in EXTENSIONS:
            shutil.copyfile(cache.path(url, extension), folder / f"qr.{extension}")
