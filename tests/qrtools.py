"""Reading QR codes and PDFs as a citizen's phone and a printer would: zxing-cpp on images.

- `decode(image)`: every QR code zxing-cpp finds in a PIL image.
- `pdf_pages(pdf, dpi)`: the pages of a PDF as images, rendered by poppler's `pdftoppm`.
- `pdf_text(pdf)`: the text of a PDF (`pdftotext`).
- `svg_images(browser, base_url, paths)`: SVG files rasterized by Chromium, one image each.
Tests using these skip cleanly when poppler or zxing-cpp is missing (REQUIRE_BROWSER=1 fails).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest


def _need(module: str):
    try:
        return __import__(module)
    except ImportError:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{module} is not installed (REQUIRE_BROWSER=1)")
        pytest.skip(f"{module} is not installed")


def need_poppler() -> None:
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("poppler-utils is not installed (REQUIRE_BROWSER=1)")
        pytest.skip("poppler-utils is not installed (apt-get install poppler-utils)")


def decode(image) -> list:
    """zxing-cpp results (text, position, ec_level …) for every QR code in `image`."""
    zxingcpp = _need("zxingcpp")
    return [r for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            if r.valid]


def texts(image) -> list[str]:
    return [r.text for r in decode(image)]


def open_image(data: bytes | Path):
    _need("PIL")
    from PIL import Image

    source = io.BytesIO(data) if isinstance(data, bytes) else data
    image = Image.open(source)
    image.load()
    return image


def pdf_pages(pdf: Path, dpi: int = 150) -> list:
    need_poppler()
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf),
                        f"{folder}/page"], check=True, capture_output=True)
        return [open_image(p) for p in sorted(Path(folder).glob("page-*.png"))]


def pdf_text(pdf: Path, page: int | None = None) -> str:
    need_poppler()
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], check=True,
                            capture_output=True, text=True)
    return result.stdout


def pdf_fonts(pdf: Path) -> list[list[str]]:
    """Rows of `pdffonts`: name, type…, emb, sub, uni (split on whitespace)."""
    need_poppler()
    result = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                            text=True)
    return [line.split() for line in result.stdout.splitlines()[2:] if line.strip()]


def svg_images(browser, base_url: str, paths: Iterable[str], size: int = 240) -> dict:
    """Each SVG at base_url + path, drawn by Chromium at `size` px on white: path → image."""
    paths = list(paths)
    out = {}
    page = browser.new_page(viewport={"width": 6 * (size + 20), "height": 800})
    try:
        for start in range(0, len(paths), 48):
            chunk = paths[start:start + 48]
            cells = "".join(f'<img src="{base_url}{p}" style="width:{size}px;height:{size}px;'
                            f'margin:10px;display:inline-block">' for p in chunk)
            page.set_content(f'<body style="margin:0;background:#fff">{cells}</body>',
                             wait_until="load")
            boxes = page.evaluate("() => [...document.images].map(i => { const r = "
                                  "i.getBoundingClientRect(); return [r.x, r.y, r.width, "
                                  "r.height, i.naturalWidth]; })")
            shot = open_image(page.screenshot(full_page=True))
            for path, (x, y, w, h, natural) in zip(chunk, boxes, strict=True):
                assert natural > 0, f"{path} did not load as an image"
                pad = 10
                out[path] = shot.crop((int(x) - pad, int(y) - pad, int(x + w) + pad,
                                       int(y + h) + pad))
    finally:
        page.close()
    return out


def font_charset(families: Iterable[str]) -> set[int]:
    """Code points the fonts of these families can draw (regular and bold faces), from the font
    files fontconfig resolves them to (`fc-match`, `fc-query --format=%{charset}`)."""
    if shutil.which("fc-match") is None or shutil.which("fc-query") is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("fontconfig is not installed (REQUIRE_BROWSER=1)")
        pytest.skip("fontconfig is not installed")
    covered: set[int] = set()
    for family in families:
        for style in ("", ":bold"):
            file = subprocess.run(["fc-match", "-f", "%{file}", f"{family}{style}"],
                                  capture_output=True, text=True, check=True).stdout
            faces = subprocess.run(["fc-query", "--format", "%{family}\t%{charset}\n", file],
                                   capture_output=True, text=True, check=True).stdout
            rows = [line.split("\t") for line in faces.splitlines() if "\t" in line]
            chosen = [c for f, c in rows if family in f.split(",")] or [rows[0][1]]
            for span in chosen[0].split():
                first, _, last = span.partition("-")
                covered.update(range(int(first, 16), int(last or first, 16) + 1))
    return covered


def uncovered(text: str, charset: set[int]) -> list[str]:
    """Characters of `text` (spaces aside) that no font in `charset` draws: tofu on paper."""
    return sorted({c for c in text if not c.isspace() and ord(c) not in charset})
