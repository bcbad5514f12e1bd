"""Printed QR codes photographed by a phone (issue 13): the pack cover, posters and the QR sheets
(`site-builder print`), two site pages printed from the browser and a notice of an archive
transfer (`site-builder archive`), as PDFs rendered at 150 dpi, and every code read back after
the damage a photo of a notice board does to it, all at once: a glare spot, a perspective tilt,
a 15° rotation and a blur. At every glare position at least 90 % must decode with zxing-cpp,
and every code read must be the right page of the built site.

What each photo gets, in this order (the order light and a camera apply them):
1. The code is cut out of the clean page image with its printed quiet zone (4 modules), found
   by decoding the clean page first (its position) and knowing its version (from its URL).
2. Glare: a white ellipse (width 1.5 × height) covering 10 % of the symbol's area, centred at
   one of `GLARE_AT` (fractions of the symbol's side from its top-left corner: the middle, and a
   quarter-side toward each edge — over the data, between the finder patterns). Every code is
   photographed once per glare position.
3. Tilt: a perspective warp as if the top of the code were farther from the lens: the top edge
   comes out `TILT_TOP` as wide as the bottom, and the height `TILT_HEIGHT` of itself.
4. Rotation: 15°, the image expanded, the corners filled white.
5. Blur: Pillow's GaussianBlur, radius 2 (pixels at 150 dpi).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TestProject, need_browser, serve
from qrtools import decode, pdf_pages

from site_builder.output import qr
from site_builder.paper import pdf

BASE = "https://gk.example.gov.cn/"
CATEGORY_URLS = [f"{BASE}c/{c}/" for c in ("juece", "zhixing", "guanli", "fuwu", "jieguo")]
GLARE_SHARE = 0.10  # of the symbol's area
GLARE_AT = ((0.5, 0.5), (0.5, 0.35), (0.5, 0.65), (0.35, 0.5), (0.65, 0.5))
TILT_TOP = 0.8
TILT_HEIGHT = 0.9
ROTATION = 15
BLUR_RADIUS = 2
MIN_SHARE = 0.9


@pytest.fixture(autouse=True)
def _need_chromium():
    need_browser(pdf.find_chromium())


def _solve(matrix: list[list[float]], values: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (8 × 8 here)."""
    n = len(values)
    rows = [[*row, v] for row, v in zip(matrix, values, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def perspective_coefficients(outputs: list[tuple[float, float]],
                             inputs: list[tuple[float, float]]) -> list[float]:
    """Pillow's PERSPECTIVE data mapping each output corner back to its input corner."""
    matrix, values = [], []
    for (x, y), (u, v) in zip(outputs, inputs, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    return _solve(matrix, values)


def photograph(code, glare: tuple[float, float], quiet: float):
    """`code`: the cut-out code (quiet zone of `quiet` pixels on each side), as a phone's photo
    of it with the glare centred at `glare` (fractions of the symbol's side)."""
    from PIL import Image, ImageDraw, ImageFilter

    image = code.convert("L")
    side = image.width - 2 * quiet  # the symbol, quiet zone excluded
    # 2. glare: an ellipse of GLARE_SHARE of the symbol's area, 1.5 times as wide as high
    half_h = (GLARE_SHARE * side * side / (1.5 * 3.141592653589793)) ** 0.5
    half_w = 1.5 * half_h
    cx, cy = quiet + glare[0] * side, quiet + glare[1] * side
    ImageDraw.Draw(image).ellipse((cx - half_w, cy - half_h, cx + half_w, cy + half_h), fill=255)
    # 3. tilt: on a white margin, the top edge narrower and the height shorter
    pad = image.width // 4
    canvas = Image.new("L", (image.width + 2 * pad, image.height + 2 * pad), 255)
    canvas.paste(image, (pad, pad))
    w, h = image.width, image.height
    inset, drop = w * (1 - TILT_TOP) / 2, h * (1 - TILT_HEIGHT)
    corners = [(pad, pad), (pad + w, pad), (pad + w, pad + h), (pad, pad + h)]
    moved = [(pad + inset, pad + drop), (pad + w - inset, pad + drop), (pad + w, pad + h),
             (pad, pad + h)]
    tilted = canvas.transform(canvas.size, Image.Transform.PERSPECTIVE,
                              perspective_coefficients(moved, corners),
                              Image.Resampling.BICUBIC, fillcolor=255)
    # 4. rotation, 5. blur
    turned = tilted.rotate(ROTATION, Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return turned.filter(ImageFilter.GaussianBlur(BLUR_RADIUS))


def cut_out(page, result, url: str):
    """The code `result` found on `page`, with its printed quiet zone; and that zone in pixels."""
    p = result.position
    xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
    ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
    modules = 17 + 4 * qr.version_of(url)
    module = (max(xs) - min(xs) + 1) / modules
    quiet = round(qr.BORDER * module)
    box = (min(xs) - quiet, min(ys) - quiet, max(xs) + 1 + quiet, max(ys) + 1 + quiet)
    return page.crop(box), quiet, module


def photo_trials(pages) -> list[tuple[str, float, tuple[float, float], list[str]]]:
    """(URL, module px, glare position, texts decoded from the photo) for every code found on
    the clean pages and every glare position."""
    trials = []
    for page in pages:
        for result in decode(page):
            code, quiet, module = cut_out(page, result, result.text)
            for glare in GLARE_AT:
                found = [r.text for r in decode(photograph(code, glare, quiet))]
                trials.append((result.text, module, glare, found))
    return trials


# A host name of a real county's length: the village 南门社区's URL (47 bytes) needs version 5 at
# level Q, the other pages' version 4 (the fixture's own host is short enough for version 4
# everywhere), so both sizes of code are photographed.
HOST = "https://zwgk.xinchengqu.gov.cn/"


def test_printed_codes_survive_a_phone_photo(small: TestProject, browser, tmp_path: Path):
    from test_print import PILOT_DOMAINS

    small.edit("catalog.yaml", "网址: https://gk.example.gov.cn/", f"网址: {HOST}")
    # every pilot domain: the hall sheets are as full as they get (several sheets)
    lines = "".join(f"  - {{id: {ident}, 名称: {name}, 主管部门: 县政府办}}\n"
                    for ident, name in PILOT_DOMAINS if ident not in ("shjz", "ylfw"))
    small.edit("catalog.yaml", "  - {id: ylfw, 名称: 养老服务, 主管部门: 县民政局}\n",
               "  - {id: ylfw, 名称: 养老服务, 主管部门: 县民政局}\n" + lines)
    built = small.build()
    assert built.code == 0, built.text
    result = small.cli("print", "--township", "hexi", "--since", "2025-06-01", "--sheets",
                       "--out", str(tmp_path))
    assert result.code == 0 and "注意" not in result.text, result.text

    categories = [f"{HOST}c/{c}/" for c in ("juece", "zhixing", "guanli", "fuwu", "jieguo")]
    wanted = {
        "pack": [f"{HOST}t/hexi/", *categories, f"{HOST}n/2025-0003/", f"{HOST}n/2025-0002/"],
        "二维码-政务公开专区.pdf": [HOST, *categories,
                           *(f"{HOST}d/{ident}/" for ident, _ in PILOT_DOMAINS)],
        "二维码-河西镇.pdf": [f"{HOST}t/hexi/", f"{HOST}t/hexi/dongcun/",
                         f"{HOST}t/hexi/xicun/"],
        "二维码-南门街道.pdf": [f"{HOST}t/nanmen/", f"{HOST}t/nanmen/nanmen/"],
        "二维码-山阳乡.pdf": [f"{HOST}t/shanyang/"],
    }
    [pack] = tmp_path.glob("公开栏-河西镇-*.pdf")
    # a notice's PDF of an archive transfer (移交档案馆)
    assert small.cli("archive", "--from", "2025-06-01", "--to", "2025-07-31").code == 0
    [transfer] = (small.root / "archive").glob("*/001-2025-0002/2025-0002.pdf")
    wanted[str(transfer)] = [f"{HOST}n/2025-0002/"]
    # pages of the site printed from the browser (打印): a notice and the version-5 village
    with serve(small.site) as base:
        for path in ("n/2025-0002/", "t/nanmen/nanmen/"):
            page = browser.new_page()
            page.goto(base + path)
            page.pdf(path=str(tmp_path / f"{path.strip('/').replace('/', '-')}.pdf"),
                     prefer_css_page_size=True)
            page.close()
            wanted[f"{path.strip('/').replace('/', '-')}.pdf"] = [HOST + path]
    trials = []
    for name, urls in wanted.items():
        pages = pdf_pages(pack if name == "pack" else tmp_path / name, dpi=150)  # or absolute
        clean = [r for page in pages for r in decode(page)]
        assert sorted(r.text for r in clean) == sorted(urls), name  # every code, once, unharmed
        trials += photo_trials(pages)
    assert {qr.version_of(url) for url, *_ in trials} == {3, 4, 5}

    # nothing wrong is ever read: a photo gives its own code or nothing
    wrong = [(url, glare, found) for url, _, glare, found in trials if found not in ([], [url])]
    assert wrong == []
    for url, *_ in trials:  # and that code is a page of the built site
        assert (small.site / url.removeprefix(HOST) / "index.html").is_file(), url
    # at every glare position, at least 90 % of the codes are read
    for spot in GLARE_AT:
        photos = [(url, found) for url, _, glare, found in trials if glare == spot]
        failed = [url for url, found in photos if not found]
        assert len(photos) - len(failed) >= MIN_SHARE * len(photos), (spot, len(photos), failed)
    # every printed code has modules of at least 1 mm (printed_mm; 0.76 mm codes
    # were never read through the blur)
    smallest = min(module for _, module, _, _ in trials) / (150 / 25.4)
    assert smallest >= 0.98, f"{smallest:.2f} mm"
