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
from itertools import pairwise
from multiprocessing import get_context
from pathlib import Path

import qrcode
import qrcode.constants
import qrcode.util

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
    code = _QRCode(error_correction=ERROR_CORRECTION, border=BORDER)
    code.add_data(url.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


class _QRCode(qrcode.QRCode):
    """qrcode's QRCode, choosing the mask faster.

    qrcode lays the data out and scores the symbol module by module for each of the 8 masks,
    about 80 % of its time. Here the data is laid out once (by qrcode), the 8 masks are applied
    to whole rows as integers and scored with the same rules as qrcode's `util.lost_point`
    (ISO/IEC 18004 penalties N1–N4) on row and column strings. The chosen mask is the one
    qrcode would choose (tests/test_qr.py compares them); qrcode then draws the final symbol.
    """

    def best_mask_pattern(self) -> int:
        n = self.modules_count = self.version * 4 + 17
        fixed, data_cells = _template(self)
        self.makeImpl(True, 0)  # data laid out and masked with pattern 0
        masks = _mask_rows(n)
        full = (1 << n) - 1
        plain = [(_row_int(row) ^ masks[0][r]) & data_cells[r]
                 for r, row in enumerate(self.modules)]
        scores = []
        for pattern in range(8):
            rows = [fixed[r] | ((plain[r] ^ masks[pattern][r]) & data_cells[r])
                    for r in range(n)]
            scores.append(_penalty(rows, n, full))
        return scores.index(min(scores))


_TEMPLATES: dict[int, tuple[list[int], list[int]]] = {}
_MASK_ROWS: dict[int, list[list[int]]] = {}
_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")


def _template(code: qrcode.QRCode) -> tuple[list[int], list[int]]:
    """For the code's version: dark function modules, and the modules that carry data, as row
    integers (bit n-1-c is column c). Format modules are light, as in qrcode's mask test."""
    if code.version not in _TEMPLATES:
        n = code.modules_count
        code.modules = [[None] * n for _ in range(n)]
        code.setup_position_probe_pattern(0, 0)
        code.setup_position_probe_pattern(n - 7, 0)
        code.setup_position_probe_pattern(0, n - 7)
        code.setup_position_adjust_pattern()
        code.setup_timing_pattern()
        code.setup_type_info(True, 0)
        if code.version >= 7:
            code.setup_type_number(True)
        fixed = [_row_int([m is True for m in row]) for row in code.modules]
        data = [_row_int([m is None for m in row]) for row in code.modules]
        _TEMPLATES[code.version] = (fixed, data)
    return _TEMPLATES[code.version]


def _mask_rows(n: int) -> list[list[int]]:
    if n not in _MASK_ROWS:
        _MASK_ROWS[n] = [[_row_int([bool(qrcode.util.mask_func(p)(r, c)) for c in range(n)])
                          for r in range(n)] for p in range(8)]
    return _MASK_ROWS[n]


def _row_int(row: Iterable[bool | None]) -> int:
    value = 0
    for module in row:
        value = (value << 1) | bool(module)
    return value


def _penalty(rows: list[int], n: int, full: int) -> int:
    """qrcode's `util.lost_point` on row integers: runs, 2×2 blocks, finder-like, balance."""
    lines = [format(r, f"0{n}b") for r in rows]
    text = " ".join(lines + ["".join(column) for column in zip(*lines, strict=True)])
    found = _RUN.findall(text)  # the spaces end runs and patterns at each line's end
    runs = sum(map(len, found)) - 2 * len(found)
    finders = 40 * len(_FINDER_LIKE.findall(text))
    blocks = 0
    inner = full >> 1
    for upper, lower in pairwise(rows):
        same = ~(upper ^ lower)
        blocks += (same & (same >> 1) & ~(upper ^ (upper >> 1)) & inner).bit_count()
    dark = sum(line.count("1") for line in lines)
    balance = int(abs(dark / (n * n) * 100 - 50) / 5) * 10
    return runs + 3 * blocks + finders + balance


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
    widen = str.maketrans({"0": "0" * PNG_MODULE_PX, "1": "1" * PNG_MODULE_PX})
    rows = bytearray()
    for row in matrix:
        bits = "".join("0" if dark else "1" for dark in row).translate(widen)  # 0 = black
        bits += "0" * (-len(bits) % 8)
        line = b"\x00" + int(bits, 2).to_bytes(len(bits) // 8, "big")  # filter 0, then pixels
        rows += line * PNG_MODULE_PX
    per_metre = round(PNG_MODULE_PX / MODULE_MM * 1000)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0))
        + _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
        + _chunk(b"IDAT", zlib.compress(bytes(rows)))
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
        f'<img class="sb-qr__img" src="{e(svg)}" width="120" height="120" '
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


def _place(cached: Path, target: Path) -> None:
    """A hard link to the cached image (instant, no extra disk), or a copy across file systems.
    Cached images are never modified in place (a new image gets a new cache file)."""
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


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
            _place(cache.path(url, extension), folder / f"qr.{extension}")
