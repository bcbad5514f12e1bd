"""QR codes: every page's absolute URL, as SVG (crisp in print) and PNG (download, Word).

- Exactly the symbol `qrcode` draws (error correction Q, a quiet zone of 4 modules, the smallest
  version that holds the URL; tests compare), with qrcode choosing version and mode and the
  rest done here on integers, ≈ 6 times faster (see `encode_rows`). The URL scheme keeps
  URLs short (`https://<host>/n/<id>/`), so a notice is a version 4 code (33 × 33 modules)
  for a typical county host name and scans from a small print.
- The two image files are written here from the symbol's rows: the SVG as one path of
  horizontal runs on a white square, the PNG as a 1-bit image (zlib, no imaging library).
  qrcode's own image factories draw module by module and take longer than encoding itself.
- A code depends only on (URL, options, FORMAT_VERSION, qrcode's version): it is cached in
  `<cache>/qr/<sha256>.svg|.png` and an unchanged URL is never encoded again. The cache is safe
  to delete. A first build encodes the missing codes in a background process while the
  engine writes pages (`fill_cache`); otherwise many missing codes use every core.
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
import qrcode.base
import qrcode.constants
import qrcode.exceptions
import qrcode.util

from ..base import messages as msg
from ..base import urls
from ..base.problems import Problems
from ..model.site import Site
from .pages import Output, OutputPage
from .render import e

# Level Q: a quarter of the symbol may be lost (glare on a bulletin board, a fold, a stain);
# level M failed most codes under a glare spot over 10 % of the code (issue 13).
ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_Q
ERROR_CORRECTION_NAME = "Q"
BORDER = 4  # quiet zone, in modules (the standard's minimum)
PNG_MODULE_PX = 10  # pixels per module in the PNG
MODULE_MM = 1.2  # printed size of a module when the file is placed at its own size (Word)
FORMAT_VERSION = 2  # bump whenever the image files change
PARALLEL_FROM = 48  # from this many missing codes on, encode in worker processes
EXTENSIONS = ("svg", "png")
QRCODE_VERSION = _package_version("qrcode")

Matrix = list[list[bool]]


# -- encoding and image files --------------------------------------------------------------------
def encode(url: str) -> Matrix:
    """The module matrix of `url`, quiet zone included (True = dark): exactly qrcode's symbol."""
    width, rows = encode_rows(url)
    return [[c == "1" for c in format(row, f"0{width}b")] for row in rows]


def encode_rows(url: str) -> tuple[int, list[int]]:
    """`url`'s symbol, quiet zone included, as (width, rows): bit width-1-x of a row is module x.

    qrcode chooses the version and the mode segments, and its tables give the block structure,
    the function patterns and the format bits. The rest is done here on integers, with the same
    result: the bit stream and Reed–Solomon codewords (qrcode builds them bit by bit and with
    polynomial objects), the layout (cached per version) and the choice of mask (qrcode places
    and scores the symbol module by module, once per mask and again for the final symbol, which
    was 85 % of its time). tests/test_qr.py compares the symbols with qrcode's own for many URLs
    and versions, and the mask scores with qrcode's `util.lost_point`.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=BORDER)
    code.add_data(url.encode("utf-8"))
    code.best_fit()
    data = _codewords(code.version, code.error_correction, code.data_list)
    layout = _layout(code.version)
    plain = layout.place(data)
    scores = [layout.penalty(layout.masked(layout.test_fixed, plain, p)) for p in range(8)]
    mask = scores.index(min(scores))  # the first of equal scores, as qrcode
    symbol = layout.masked(layout.fixed(code.error_correction, mask), plain, mask)
    width = layout.size + 2 * BORDER
    body = [row << BORDER for row in layout.rows(symbol)]
    return width, [0] * BORDER + body + [0] * BORDER


class _Bits:
    """qrcode's BitBuffer (what `QRData.write` writes to), on one integer."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, number: int, length: int) -> None:
        self.value = (self.value << length) | number
        self.length += length

    def put_bit(self, bit: bool) -> None:
        self.put(int(bit), 1)

    def __len__(self) -> int:
        return self.length


def _codewords(version: int, error_correction: int, segments: list) -> list[int]:
    """qrcode's `util.create_data`: segments, terminator, padding, then the data and error
    correction codewords of each block, interleaved."""
    bits = _Bits()
    for segment in segments:
        bits.put(segment.mode, 4)
        bits.put(len(segment), qrcode.util.length_in_bits(segment.mode, version))
        segment.write(bits)
    blocks = qrcode.base.rs_blocks(version, error_correction)
    limit = sum(block.data_count for block in blocks)
    if len(bits) > limit * 8:
        raise qrcode.exceptions.DataOverflowError(f"{len(bits)} > {limit * 8} bits")
    bits.put(0, min(limit * 8 - len(bits), 4))
    bits.put(0, -len(bits) % 8)
    stream = list(bits.value.to_bytes(len(bits) // 8, "big"))
    stream += [qrcode.util.PAD0, qrcode.util.PAD1] * ((limit - len(stream)) // 2 + 1)
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data = stream[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(data)
        ec_blocks.append(_error_correction(data, block.total_count - block.data_count))
    return [b[i] for i in range(max(map(len, data_blocks))) for b in data_blocks if i < len(b)] + \
        [b[i] for i in range(max(map(len, ec_blocks))) for b in ec_blocks if i < len(b)]


def _error_correction(data: list[int], count: int) -> list[int]:
    """Reed–Solomon: the remainder of data·x^count divided by the generator polynomial."""
    exp, log = qrcode.base.EXP_TABLE, qrcode.base.LOG_TABLE
    generator = _GENERATORS.get(count)
    if generator is None:
        poly = qrcode.base.Polynomial([1], 0)
        for i in range(count):
            poly = poly * qrcode.base.Polynomial([1, qrcode.base.gexp(i)], 0)
        generator = _GENERATORS[count] = [log[c] for c in poly][1:]
    remainder = data + [0] * count
    for i in range(len(data)):
        lead = remainder[i]
        if lead:
            shift = log[lead]
            for j, g in enumerate(generator, start=i + 1):
                remainder[j] ^= exp[(g + shift) % 255]
    return remainder[len(data) :]


_GENERATORS: dict[int, list[int]] = {}


class _Layout:
    """One QR version's geometry, from qrcode's own drawing of the function patterns.

    A symbol is held as one integer of 2n lines, `STRIDE`-spaced: the n rows, then the n
    columns (module (r, c) is bit n-1-c of row line r and bit n-1-r of column line n+c), so a
    mask is applied, and the penalty rules N1–N4 are counted, with a few integer operations
    over every row and column at once."""

    def __init__(self, version: int):
        self.version = version
        self.size = n = version * 4 + 17
        self.stride = s = n + 1  # one spare bit between lines; runs never cross it
        self.full = (1 << n) - 1
        line_bits = sum(self.full << (i * s) for i in range(2 * n))
        self.pairs = sum((self.full >> 1) << (i * s) for i in range(2 * n))  # (bit, bit+1) in line
        self.windows = sum((self.full >> 10) << (i * s) for i in range(2 * n))  # 11-bit windows
        self.blocks = sum((self.full >> 1) << (i * s) for i in range(n - 1))  # 2×2, rows only
        self.row_bits = sum(self.full << (i * s) for i in range(n))
        modules = self._function_patterns(True, qrcode.constants.ERROR_CORRECT_M, 0)
        self.test_fixed = self._pack(modules, lambda m: m is True)
        self.data_cells = self._pack(modules, lambda m: m is None)
        assert self.data_cells & ~line_bits == 0
        self.order = [self._bit(r, c) for r, c in _zigzag(modules)]
        self.mask_bits = [self._pack_cells(qrcode.util.mask_func(p)) for p in range(8)]
        self._fixed: dict[tuple[int, int], int] = {}

    def _bit(self, r: int, c: int) -> int:
        n, s = self.size, self.stride
        return (1 << (r * s + n - 1 - c)) | (1 << ((n + c) * s + n - 1 - r))

    def _pack(self, modules: list[list], test) -> int:
        return self._pack_cells(lambda r, c: test(modules[r][c]))

    def _pack_cells(self, test) -> int:
        value = 0
        for r in range(self.size):
            for c in range(self.size):
                if test(r, c):
                    value |= self._bit(r, c)
        return value

    def _function_patterns(self, test: bool, error_correction: int, mask: int) -> list[list]:
        code = qrcode.QRCode(version=self.version, error_correction=error_correction)
        code.modules_count = n = self.size
        code.modules = [[None] * n for _ in range(n)]
        code.setup_position_probe_pattern(0, 0)
        code.setup_position_probe_pattern(n - 7, 0)
        code.setup_position_probe_pattern(0, n - 7)
        code.setup_position_adjust_pattern()
        code.setup_timing_pattern()
        code.setup_type_info(test, mask)  # test: format modules light, as qrcode scores masks
        if self.version >= 7:
            code.setup_type_number(test)
        return code.modules

    def fixed(self, error_correction: int, mask: int) -> int:
        """Dark function modules of the final symbol (format information for this mask)."""
        key = (error_correction, mask)
        if key not in self._fixed:
            modules = self._function_patterns(False, error_correction, mask)
            self._fixed[key] = self._pack(modules, lambda m: m is True)
        return self._fixed[key]

    def place(self, data: list[int]) -> int:
        """The data bits in their modules, unmasked; modules past the data stay light."""
        bits = "".join(format(byte, "08b") for byte in data)
        value = 0
        for bit, one in zip(self.order, bits, strict=False):
            if one == "1":
                value |= bit
        return value

    def masked(self, fixed: int, plain: int, mask: int) -> int:
        return fixed | ((plain ^ self.mask_bits[mask]) & self.data_cells)

    def rows(self, symbol: int) -> list[int]:
        return [(symbol >> (r * self.stride)) & self.full for r in range(self.size)]

    def penalty(self, x: int) -> int:
        """qrcode's `util.lost_point` (ISO/IEC 18004 N1–N4) of a packed symbol."""
        s = self.stride
        # N1: a run of k ≥ 5 equal modules scores k - 2. `same` marks equal neighbours; a run of
        # k modules is k - 1 marks, with k - 4 places where 4 marks start.
        same = ~(x ^ (x >> 1)) & self.pairs
        starts = same & (same >> 1) & (same >> 2) & (same >> 3)
        runs = starts.bit_count() + 2 * (starts & ~(starts >> 1)).bit_count()
        # N2: each 2×2 block of one colour scores 3.
        vertical = ~(x ^ (x >> s))
        block = vertical & (vertical >> 1) & ~(x ^ (x >> 1)) & self.blocks
        # N3: 1011101 with 4 light modules on either side scores 40 (both patterns are
        # symmetric reversals, so rows and columns alike). Bit j+k is module k of the window.
        finders = 0
        for pattern in (0b10111010000, 0b00001011101):
            hit = self.windows
            for k in range(11):
                hit &= (x if pattern >> k & 1 else ~x) >> k
            finders += hit.bit_count()
        # N4: 10 for each 5 % the dark share departs from 50 %.
        n = self.size
        dark = (x & self.row_bits).bit_count()
        balance = int(abs(dark / (n * n) * 100 - 50) / 5) * 10
        return runs + 3 * block.bit_count() + 40 * finders + balance


def _zigzag(modules: list[list]) -> Iterable[tuple[int, int]]:
    """The data modules in the order qrcode's `map_data` fills them: two-column strips from
    the right, up and down in turn, skipping the vertical timing pattern."""
    n = len(modules)
    row, step = n - 1, -1
    for col in range(n - 1, 0, -2):
        if col <= 6:
            col -= 1
        while 0 <= row < n:
            for c in (col, col - 1):
                if modules[row][c] is None:
                    yield row, c
            row += step
        row -= step
        step = -step


_LAYOUTS: dict[int, _Layout] = {}


def _layout(version: int) -> _Layout:
    if version not in _LAYOUTS:
        _LAYOUTS[version] = _Layout(version)
    return _LAYOUTS[version]


def version_of(url: str) -> int:
    """The QR version (1–40) that `url` needs."""
    return (encode_rows(url)[0] - 2 * BORDER - 17) // 4


def svg_bytes(width: int, rows: list[int]) -> bytes:
    """A square SVG: white background, dark modules as horizontal runs in one path."""
    runs = [f"M{m.start()} {y}h{m.end() - m.start()}v1h-{m.end() - m.start()}z"
            for y, row in enumerate(rows) for m in _DARK.finditer(format(row, f"0{width}b"))]
    side = f"{width * MODULE_MM:g}mm"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{side}" height="{side}" '
        f'viewBox="0 0 {width} {width}" shape-rendering="crispEdges">'
        f'<rect width="{width}" height="{width}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>\n'
    ).encode("ascii")


_DARK = re.compile("1+")
# 4 modules → 40 pixels → 5 bytes of a PNG row (PNG_MODULE_PX even); 1 = white, 0 = black.
_PIXELS = [int("".join(("1" if v >> (3 - k) & 1 else "0") * PNG_MODULE_PX for k in range(4)),
               2).to_bytes(PNG_MODULE_PX * 4 // 8, "big") for v in range(16)]


def png_bytes(width: int, rows: list[int]) -> bytes:
    """A 1-bit grayscale PNG, PNG_MODULE_PX pixels per module, with its print size (pHYs)."""
    size = width * PNG_MODULE_PX
    row_bytes = (size + 7) // 8
    pad = -width % 4  # whole groups of 4 modules, the extra ones black (the row's padding bits)
    light = (1 << width) - 1
    pixels = bytearray()
    for row in rows:
        white = (row ^ light) << pad
        line = b"".join(_PIXELS[white >> shift & 15] for shift in range(width + pad - 4, -1, -4))
        pixels += (b"\x00" + line[:row_bytes]) * PNG_MODULE_PX  # filter 0, then the pixels
    per_metre = round(PNG_MODULE_PX / MODULE_MM * 1000)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0))
        + _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
        + _chunk(b"IDAT", zlib.compress(bytes(pixels)))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + \
        struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _make(url: str) -> tuple[bytes, bytes]:
    width, rows = encode_rows(url)
    return svg_bytes(width, rows), png_bytes(width, rows)


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
        self.keys: dict[str, str] = {}  # url → key: each is asked for four times a build

    def key(self, url: str) -> str:
        key = self.keys.get(url)
        if key is None:
            options = f"{FORMAT_VERSION}|{QRCODE_VERSION}|{ERROR_CORRECTION_NAME}|{BORDER}|" \
                      f"{PNG_MODULE_PX}|{MODULE_MM}|{url}"
            key = self.keys[url] = hashlib.sha256(options.encode("utf-8")).hexdigest()
        return key

    def path(self, url: str, extension: str) -> Path:
        return self.dir / f"{self.key(url)}.{extension}"

    def ensure(self, wanted: Iterable[str], workers: int | None = None) -> None:
        """Make sure every URL has both images in the cache; encode only the missing ones
        (in `workers` processes; default: one per core)."""
        distinct = list(dict.fromkeys(wanted))
        try:  # one listing instead of a look-up per image (22,000 at 10,000 notices)
            held = {entry.name for entry in os.scandir(self.dir) if entry.is_file()}
        except OSError:
            held = set()
        missing = [u for u in distinct
                   if not all(f"{self.key(u)}.{x}" in held for x in EXTENSIONS)]
        self.stats.codes += len(distinct)
        self.stats.encoded += len(missing)
        if not missing:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        for url, images in zip(missing, _encode_all(missing, workers), strict=True):
            for extension, data in zip(EXTENSIONS, images, strict=True):
                _write_atomic(self.path(url, extension), data)

    def svg(self, url: str) -> str:
        self.ensure([url])
        return self.path(url, "svg").read_text(encoding="ascii")


def _encode_all(missing: list[str], workers: int | None) -> Iterable[tuple[bytes, bytes]]:
    workers = workers or min(os.cpu_count() or 1, 8)
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
        f'</p><p class="sb-print-only sb-print-date" data-label="{e(msg.PRINT_DATE)}" '
        f'data-format="{e(msg.PRINT_DATE_FORMAT)}"></p>'
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


def _place(cached: Path, target: Path | str) -> None:
    """A hard link to the cached image (instant, no extra disk), or a copy across file systems.
    Cached images are never modified in place (a new image gets a new cache file)."""
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def fill_cache(site: Site, output: Output, cache: QrCache) -> None:
    """Encode every page's code that is not cached yet, in this one process: run as a background
    job (postbuild.start_jobs) while the engine writes pages, so a first build does not wait
    for it at post-build."""
    cache.ensure((page_url(site, p) for p in code_paths(output)), workers=1)


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
    cache.ensure(page_url(site, p) for p in paths)  # encodes only what a background job left
    root = str(out_dir)
    for path in paths:  # strings, not Path objects: 11,000 pages at 10,000 notices
        folder = os.path.join(root, path)
        if not os.path.isdir(folder):  # nearly always there already: the page is in it
            os.makedirs(folder, exist_ok=True)
        url = page_url(site, path)
        for extension in EXTENSIONS:
            _place(cache.path(url, extension), os.path.join(folder, f"qr.{extension}"))
