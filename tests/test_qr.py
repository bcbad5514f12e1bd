"""QR codes as a citizen's phone reads them: every image decodes to its page's absolute URL."""

from __future__ import annotations

import random
import string
from pathlib import Path
from urllib.parse import urljoin

import pytest
import qrcode
import qrcode.constants
import qrcode.util
from conftest import TestProject, serve
from qrtools import decode, open_image, svg_images

from site_builder.base import urls
from site_builder.output import qr

SMALL_BASE = "https://gk.example.gov.cn/"


def page_dirs(site: Path) -> list[str]:
    """Site paths ("", "n/2025-0002/", …) of every HTML page, paged listings included."""
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                  for p in site.rglob("index.html"))


def qr_files(site: Path, extension: str) -> dict[str, Path]:
    """Directory path → its qr.<extension>, for every QR image in the site."""
    return {("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"): p
            for p in site.rglob(f"qr.{extension}")}


def check_every_code(project: TestProject, base: str, browser) -> int:
    """Decode every qr.png and (rasterized by Chromium) every qr.svg; compare with the URL of
    the folder it sits in. Returns how many codes were checked."""
    pngs, svgs = qr_files(project.site, "png"), qr_files(project.site, "svg")
    assert pngs and set(pngs) == set(svgs)
    for path, file in pngs.items():
        found = decode(open_image(file))
        assert [r.text for r in found] == [base + path], file
        assert found[0].ec_level == "Q", file  # issue 13: level Q on screen and paper
    with serve(project.site) as local:
        images = svg_images(browser, local, [p + "qr.svg" for p in svgs])
    for path in svgs:
        assert [r.text for r in decode(images[path + "qr.svg"])] == [base + path], path
    return len(pngs)


def check_every_page(project: TestProject, base: str, browser) -> int:
    """Every HTML page (paged listings included) has the QR block, linking its own qr.svg and
    qr.png (a paged listing its first page's), and those images decode to the page's absolute
    URL, as printed under the code. Returns how many pages were checked."""
    site = project.site
    codes = qr_files(site, "png")
    linked: dict[str, str] = {}  # image path in the site → the URL it must hold
    pages = [path for path in page_dirs(site) if path != "404/"]
    for path in pages:
        page = project.html(path)
        block = page.select_one("aside.sb-qr")
        assert block is not None, f"no QR block on {path or 'home'}"
        img = block.select_one("img.sb-qr__img")
        target = urljoin(f"https://x/{path}", img["src"]).removeprefix("https://x/")
        first_page = urls.unpaged(path)
        assert target == first_page + "qr.svg", path  # paged listings use page 1's code
        links = {a["href"]: a for a in block.select(".sb-qr__download a")}
        assert set(links) == {urls.rel(path, first_page + "qr.png"),
                              urls.rel(path, first_page + "qr.svg")}
        assert all(a.has_attr("download") for a in links.values())
        assert "下载二维码" in block.get_text()
        assert block.select_one(".sb-qr__url").get_text().strip() == base + first_page
        assert first_page in codes
        for href in links:
            linked[urljoin(f"https://x/{path}", href).removeprefix("https://x/")] = \
                base + first_page
    for image, url in linked.items():
        if image.endswith(".png"):
            assert [r.text for r in decode(open_image(site / image))] == [url], image
    svgs = sorted(i for i in linked if i.endswith(".svg"))
    with serve(site) as local:
        drawn = svg_images(browser, local, svgs)
    for image in svgs:
        assert [r.text for r in decode(drawn[image])] == [linked[image]], image
    return len(pages)


def test_every_page_links_its_code_which_decodes_to_its_absolute_url(small_site: TestProject,
                                                                     browser):
    check_every_page(small_site, SMALL_BASE, browser)
    kinds = {"", "c/jieguo/", "d/shjz/", "t/hexi/", "t/hexi/dongcun/", "i/shjz-dbsh/",
             "n/2025-0002/", "catalog/"}
    assert kinds <= set(qr_files(small_site.site, "png"))


def test_every_page_of_the_sample_site_has_its_code(sample_site: TestProject, browser):
    pages = check_every_page(sample_site, "https://www.wangchuan.gov.cn/", browser)
    assert pages >= 200
    paged = [p for p in page_dirs(sample_site.site) if urls.unpaged(p) != p]
    assert paged, "the sample county has paged listings"


def test_every_generated_image_decodes_small_site(small_site: TestProject, browser):
    assert check_every_code(small_site, SMALL_BASE, browser) >= 25


def test_every_generated_image_decodes_sample_site(sample_site: TestProject, browser):
    count = check_every_code(sample_site, "https://www.wangchuan.gov.cn/", browser)
    assert count >= 200


def test_codes_are_small_versions_with_quiet_zone(small_site: TestProject):
    png = open_image(small_site.site / "n/2025-0002/qr.png").convert("L")
    modules = png.width // qr.PNG_MODULE_PX
    version = (modules - 2 * qr.BORDER - 17) // 4
    assert version <= 4  # https://gk.example.gov.cn/n/2025-0002/ is 38 characters (Q: version 4)
    quiet = qr.BORDER * qr.PNG_MODULE_PX
    for x in range(png.width):
        for y in (*range(quiet), *range(png.height - quiet, png.height)):
            assert png.getpixel((x, y)) == 255 and png.getpixel((y, x)) == 255
    assert png.getpixel((quiet, quiet)) == 0  # the finder pattern starts right after it


def _reference(url: str) -> qrcode.QRCode:
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_Q, border=4)
    reference.add_data(url.encode())
    reference.make(fit=True)
    return reference


def test_symbols_are_qrcodes_own():
    """qr.py lays out and masks the symbol faster than qrcode but must draw exactly its symbol:
    same version, mode segments, mask, format and version information."""
    rng = random.Random(7)
    alphabet = string.ascii_lowercase + string.digits + "-"
    versions = set()
    urls_ = [f"https://gk.example.gov.cn/n/{2019 + i % 8}-{i:04d}/" for i in range(150)]
    urls_ += ["https://GK.EXAMPLE.GOV.CN/N/" + "1234567890" * 4 + "/",  # numeric/alnum segments
              "https://gk.example.gov.cn/v/" + "城关镇东风村" * 6 + "/",
              "http://a.cn/", "https://x.cn/n/1/",
              "http://a.cn", "https://gk.example.gov.cn/n/1/"]  # level Q: versions 1 and 3
    for _ in range(120):
        host = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 30)))
        path = "/".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
                        for _ in range(rng.randint(1, 16)))
        urls_.append(f"https://www.{host}.gov.cn/{path}/")
    for url in urls_:
        reference = _reference(url)
        versions.add(reference.version)
        assert qr.encode(url) == reference.get_matrix(), url
    assert {1, 2, 3, 5, 7, 9} <= versions  # version 7 and up carry version information too


@pytest.mark.parametrize("version", [1, 3, 4, 7, 10])
def test_mask_scores_are_qrcodes_lost_points(version: int):
    """The packed-integer penalty equals qrcode.util.lost_point on random and real symbols."""
    rng = random.Random(version)
    layout = qr._layout(version)
    n = layout.size
    symbols = [[[rng.random() < share for _ in range(n)] for _ in range(n)]
               for share in (0.5, 0.5, 0.3, 0.7, 0.05)]
    symbols.append([[bool((r // 3 + c // 5) % 2) for c in range(n)] for r in range(n)])
    for modules in symbols:
        packed = layout._pack(modules, bool)
        assert layout.penalty(packed) == qrcode.util.lost_point(modules)


def test_unchanged_urls_are_not_encoded_again(small: TestProject):
    assert small.build().code == 0
    cache = small.root / ".cache" / "qr"
    first = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert len(first) >= 50  # an svg and a png per page
    small.edit("content/notices/hexi/2025-0002.md", "经审核", "经村民代表会议评议和审核")
    assert small.build().code == 0
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == first
    small.edit("catalog.yaml", "网址: https://gk.example.gov.cn/", "网址: https://xxgk.example.cn/")
    assert small.build().code == 0
    assert len(list(cache.iterdir())) == 2 * len(first)  # a new URL is a new code
    code = decode(open_image(small.site / "t/hexi/qr.png"))
    assert [r.text for r in code] == ["https://xxgk.example.cn/t/hexi/"]


def test_a_file_named_like_the_code_stops_the_build(small: TestProject):
    small.edit("content/notices/hexi/2025-0002.md", "文件: 东村 公示名单.csv", "文件: qr.png")
    (small.root / "content/notices/hexi/东村 公示名单.csv").rename(
        small.root / "content/notices/hexi/qr.png")
    result = small.build()
    assert result.code != 0  # refused by the check, at the attachment line (base/filenames.py)
    assert "content/notices/hexi/2025-0002.md:12" in result.text
    assert "附件“qr.png”和网站为本页生成的文件" in result.text and "（本页二维码）" in result.text
    assert "请把文件改名，例如“qr-附件.png”" in result.text


@pytest.mark.parametrize("viewport, widest", [({"width": 1280, "height": 900}, 110),
                                              ({"width": 390, "height": 844}, 110)])
def test_code_is_small_on_screen_and_large_in_print(small_site: TestProject, browser, viewport,
                                                   widest):
    with serve(small_site.site) as base:
        page = browser.new_page(viewport=viewport)
        page.goto(base + "n/2025-0002/")
        image = page.locator("img.sb-qr__img")
        assert 40 <= image.bounding_box()["width"] <= widest
        assert not page.locator(".sb-qr .sb-print-only").first.is_visible()
        page.emulate_media(media="print")
        width_px = image.bounding_box()["width"]
        assert width_px >= 38 / 25.4 * 96  # ≥ 3.8 cm on paper
        assert page.locator(".sb-qr__scan .sb-print-only").is_visible()
        page.close()
