"""Publication safety, end to end with real builds: nothing unsafe leaves the build, and a
failed or interrupted build never costs the previous good site."""

from __future__ import annotations

import contextlib
import gzip
import html
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import TestProject, serve
from test_privacy import make_id, make_mobile, write_table
from test_validation import GOOD, assert_problem, notice_with


# -- helpers -------------------------------------------------------------------------------------
def assert_reported(result, location: str, *needles: str) -> str:
    """The report (of `check` or of a build, behind MkDocs' log prefix) has a problem at
    `location` (file:line[:column]) whose text holds every needle."""
    blocks = re.split(r"(?=[✗!·] (?:错误|注意|说明) )", result.text)
    for block in blocks:
        m = re.match(r"[✗!·] \S+ ([^\s（]+)", block)
        if m and m.group(1) == location and all(n in block for n in needles):
            return block
    raise AssertionError(f"no problem at {location} with {needles}:\n{result.text}")




def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


def decoded(data: bytes) -> list[str]:
    """Every readable form of a file's bytes: as is, decompressed (gzip/zlib/brotli), and with
    JSON, HTML and URL escapes undone — so a search cannot miss text hidden by an encoding."""
    blobs = [data]
    for opener in (gzip.decompress, zlib.decompress):
        with contextlib.suppress(Exception):
            blobs.append(opener(data))
    with contextlib.suppress(Exception), zipfile.ZipFile(io.BytesIO(data)) as archive:
        blobs += [archive.read(name) for name in archive.namelist()]  # .xlsx (open data)
    try:
        import brotli  # type: ignore[import-not-found]

        blobs.append(brotli.decompress(data))
    except Exception:
        pass
    out = []
    for blob in blobs:
        text = blob.decode("utf-8", errors="ignore")
        out += [text, html.unescape(text)]
        if "\\u" in text:
            out.append(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text))
        out.append(re.sub(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*",
                          lambda m: _unquote(m.group(0)), text))
    return out


def _unquote(text: str) -> str:
    from urllib.parse import unquote

    return unquote(text)


def search_output(site: Path, needles: list[str]) -> list[tuple[str, str]]:
    """(needle, file) for every needle found in any file of the built site."""
    hits = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        forms = decoded(path.read_bytes())
        for needle in needles:
            if any(needle in form for form in forms) or needle in path.as_posix():
                hits.append((needle, path.relative_to(site).as_posix()))
    return hits


# -- withheld and on-request documents -----------------------------------------------------------
def test_withheld_notice_appears_nowhere_in_any_output_file(small_site: TestProject):
    needles = ["山阳乡低保家庭经济状况核对报告（内部）", "不予公开正文标记句：本报告含个人隐私",
               "核对报告原件", "不予公开附件内容", "2025-0005"]
    files = list(small_site.site.rglob("*"))
    assert len([f for f in files if f.suffix in (".html", ".json", ".xml", ".js")]) > 20
    assert search_output(small_site.site, needles) == []
    # 依申请公开: listed with its metadata, but its body and attachment are not published
    assert search_output(small_site.site, ["依申请正文标记句", "依申请附件内容", "档案目录.txt"]) == []
    assert (small_site.site / "n/2025-0004/index.html").is_file()


def test_the_withheld_search_would_find_a_leak(small_site: TestProject, tmp_path: Path):
    """The search above can fail: it finds text in gzip, JSON escapes, URLs and zip files
    (the .xlsx of the open data)."""
    (tmp_path / "a.json.gz").write_bytes(gzip.compress(
        json.dumps({"t": "核对报告原件"}).encode()))
    (tmp_path / "b.html").write_text(f'<a href="{quote("不予公开附件内容")}">x</a>', "utf-8")
    with zipfile.ZipFile(tmp_path / "c.xlsx", "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/sharedStrings.xml", "<si><t>山阳乡低保家庭经济状况核对报告</t></si>")
    assert {n for n, _ in search_output(tmp_path, ["核对报告原件", "不予公开附件内容",
                                                   "山阳乡低保家庭经济状况核对报告"])} == {
        "核对报告原件", "不予公开附件内容", "山阳乡低保家庭经济状况核对报告"}


def test_published_notice_cannot_attach_or_link_a_withheld_notice(small: TestProject):
    path = notice_with(small, {"乡镇": "shanyang", "事项": "shjz-zc"}, name="shanyang/x.md",
                       extra="附件:\n  - 核对报告原件.txt\n")
    small.edit(path, "正文。", "见[内部报告](2025-0005.md)。")
    small.edit("catalog.yaml", "    公开层级: [县级]\n    五公开: 决策公开",
               "    公开层级: [县级, 乡级]\n    五公开: 决策公开")
    result = small.check()
    assert_problem(result, f"{path}:11", "核对报告原件.txt", "不予公开的信息（content/notices/shanyang/2025-0005.md）")
    assert_problem(result, f"{path}:14", "正文链接了不予公开的信息")


# -- personal data -------------------------------------------------------------------------------
def test_id_number_fails_the_build_with_location_masked_value_and_rule(small: TestProject):
    import random

    ident = make_id(random.Random(1))
    body = f"| 序号 | 姓名 | 身份证号 |\n|---|---|---|\n| 1 | 李*兰 | {ident} |\n"
    path = notice_with(small)
    small.edit(path, "正文。\n", body)
    result = small.build()
    assert result.code != 0
    block = assert_reported(result, f"{path}:14:13", f"发现身份证号：{ident[:2]}{'*' * 13}{ident[-3:]}",
                           "去标识化", "35*************123", "个人信息: 遮盖")
    assert ident not in result.text and "Traceback" not in result.text
    assert block


def test_masking_per_notice_masks_the_output_and_never_the_source(small: TestProject):
    import random

    rng = random.Random(2)
    ident, mobile, mobile2 = make_id(rng), make_mobile(rng), make_mobile(rng)
    folder = small.root / "content/notices/hexi"
    rows = [["序号", "姓名", "身份证号", "联系电话"], ["1", "张*明", ident, mobile]]
    for name in ("名单.csv", "名单.xlsx", "名单.docx"):
        write_table(folder / name, rows)
    originals = {n: (folder / n).read_bytes() for n in ("名单.csv", "名单.xlsx", "名单.docx")}
    path = notice_with(small, {"标题": f"联系人{mobile2}的通知"}, extra=(
        "个人信息: 遮盖\n附件:\n  - 名单.csv\n  - 名单.xlsx\n  - 名单.docx\n"))
    small.edit(path, "正文。\n", f"| 姓名 | 身份证号 | 电话 |\n|---|---|---|\n| 张*明 | {ident} | {mobile} |\n")
    source = (small.root / path).read_text(encoding="utf-8")
    result = small.build()
    assert result.code == 0, result.text
    assert "已在网站上遮盖 3 处个人信息（手机号 2 个、身份证号 1 个）" in result.text
    assert "content/notices/hexi/名单.xlsx" in result.text and "工作表" in result.text
    page = (small.site / "n/2025-0100/index.html").read_text(encoding="utf-8")
    assert f"{ident[:2]}{'*' * 13}{ident[-3:]}" in page
    assert f"{mobile[:3]}****{mobile[7:]}" in page and f"联系人{mobile2[:3]}****" in page
    leaks = search_output(small.site, [ident, mobile, mobile2])
    assert leaks == []
    assert (small.root / path).read_text(encoding="utf-8") == source
    assert {n: (folder / n).read_bytes() for n in originals} == originals
    import docx
    import openpyxl

    book = openpyxl.load_workbook(small.site / "n/2025-0100/名单.xlsx")
    assert book.active["C2"].value == f"{ident[:2]}{'*' * 13}{ident[-3:]}"
    document = docx.Document(str(small.site / "n/2025-0100/名单.docx"))
    assert document.tables[0].cell(1, 3).text == f"{mobile[:3]}****{mobile[7:]}"
    assert f"{mobile[:3]}****{mobile[7:]}" in (small.site / "n/2025-0100/名单.csv").read_text(
        encoding="utf-8-sig")


def test_files_linked_from_the_body_are_screened_and_masked_like_attachments(small: TestProject):
    """A CSV linked from a notice's body and a text file linked from a column page: masked
    copies are published (site-wide masking), the sources never change, nothing leaks."""
    import random

    rng = random.Random(12)
    ident, mobile, mobile2 = make_id(rng), make_mobile(rng), make_mobile(rng)
    folder = small.root / "content/notices/hexi"
    write_table(folder / "body名单.csv", [["序号", "姓名", "身份证号", "联系电话"],
                                         ["1", "张*明", ident, mobile]])
    small.write("content/pages/联系人.txt", f"联系人 王*明 手机 {mobile2}\n")
    small.edit("content/pages/zhinan.md", "本指南", "[联系人](联系人.txt)。本指南")
    path = notice_with(small)
    small.edit(path, "正文。", "名单见[名单下载](body名单.csv)。")
    originals = {"csv": (folder / "body名单.csv").read_bytes(),
                 "txt": (small.root / "content/pages/联系人.txt").read_bytes()}
    result = small.build()
    assert result.code != 0  # reported, like an attachment
    assert_reported(result, "content/notices/hexi/body名单.csv:2:7", "正文链接的文件「body名单.csv」")
    assert_reported(result, "content/pages/联系人.txt:1:12", "正文链接的文件「联系人.txt」")
    small.edit("catalog.yaml", "设置:\n", "设置:\n  个人信息: 遮盖\n")
    result = small.build()
    assert result.code == 0, result.text
    assert_reported(result, "content/notices/hexi/body名单.csv", "已在网站上遮盖 2 处个人信息")
    assert_reported(result, "content/pages/联系人.txt", "已在网站上遮盖 1 处个人信息")
    csv = (small.site / "n/2025-0100/body名单.csv").read_text(encoding="utf-8-sig")
    assert f"{ident[:2]}{'*' * 13}{ident[-3:]}" in csv and f"{mobile[:3]}****{mobile[7:]}" in csv
    assert search_output(small.site, [ident, mobile, mobile2]) == []
    assert (folder / "body名单.csv").read_bytes() == originals["csv"]
    assert (small.root / "content/pages/联系人.txt").read_bytes() == originals["txt"]


def test_on_request_body_linked_files_are_not_screened_nor_copied(small: TestProject):
    import random

    rng = random.Random(13)
    ident, mobile = make_id(rng), make_mobile(rng)
    folder = small.root / "content/notices/shanyang"
    write_table(folder / "申请人名单.csv", [["姓名", "身份证号", "联系电话"], ["张*明", ident, mobile]])
    small.edit("content/notices/shanyang/2025-0004.md", "这段正文",
               "[申请人名单](申请人名单.csv) ![原件](原件.png) 这段正文")
    # a picture of its own (a copy of a published one would be refused: restricted.py)
    (folder / "原件.png").write_bytes((small.root / "content/notices/county/meal.png").read_bytes()
                                     + b"original")
    result = small.build()
    assert result.code == 0, result.text  # not published, so its personal data is no error
    assert "原件.png" not in result.text  # nor an unchecked file
    assert search_output(small.site, [ident, mobile, "申请人名单", "原件.png"]) == []


def test_the_shared_assets_folder_is_screened(small: TestProject):
    import random

    ident = make_id(random.Random(14))
    small.write("content/assets/共用名单.txt", f"身份证号 {ident}\n")
    result = small.check()
    assert_reported(result, "content/assets/共用名单.txt:1:6", "content/assets/ 里的文件",
                    "原样复制到网站")
    assert ident not in result.text


def test_masking_reaches_every_published_field(small: TestProject):
    """Site-wide masking: a mobile or an ID in every text the site publishes — notice title,
    summary, 文号, 发布机构, 主题词, attachment title, link text and link title, a column page's
    title and body — appears nowhere in the output (pages, search index, notices.json, sitemap,
    QR images' names, print sheets), only masked."""
    import random

    rng = random.Random(21)
    m = [make_mobile(rng) for _ in range(9)]
    ident = make_id(rng)
    small.edit("catalog.yaml", "设置:\n", "设置:\n  个人信息: 遮盖\n")
    small.write("content/notices/hexi/名单.csv", "姓名,电话\n张*明,12345\n")
    path = notice_with(small, {"标题": f"联系人{m[0]}的通知", "发布机构": f"河西镇{m[1]}"}, extra=(
        f"摘要: 咨询{m[2]}\n文号: 河政〔2025〕{m[3]}号\n主题词: [低保, 联系{m[4]}]\n"
        f"附件:\n  - {{文件: 名单.csv, 名称: 联系人{m[5]}名单}}\n"))
    small.edit(path, "正文。", f"见[联系人{m[6]}](名单.csv \"电话{m[7]}\")，身份证号 {ident}。")
    small.edit("content/pages/zhinan.md", "标题: 政府信息公开指南", f"标题: 政府信息公开指南（联系人{m[8]}）")
    result = small.build()
    assert result.code == 0, result.text
    assert "content/pages/zhinan.md" in result.text  # its note says what was masked
    leaks = search_output(small.site, [*m, ident])
    assert leaks == [], leaks
    page = (small.site / "n/2025-0100/index.html").read_text(encoding="utf-8")
    assert f"联系人{m[0][:3]}****{m[0][7:]}的通知" in page
    assert f"{m[8][:3]}****{m[8][7:]}" in (small.site / "xxgk/zhinan/index.html").read_text(
        encoding="utf-8")


def test_masking_cannot_hide_a_file_name_or_an_id(small: TestProject):
    """A file name or an id is an address: in masking mode personal data there is an error
    that asks for a rename (the file itself can still be masked)."""
    import random

    rng = random.Random(22)
    m1, m2, m3 = make_mobile(rng), make_mobile(rng), make_mobile(rng)
    folder = small.root / "content/notices/hexi"
    (folder / f"联系人{m1}.txt").write_text(f"联系人 {m1}\n", encoding="utf-8")
    (folder / f"名单{m2}.csv").write_text("姓名\n张*明\n", encoding="utf-8")
    path = notice_with(small, {"id": m3}, extra=(
        f"个人信息: 遮盖\n附件:\n  - {{文件: 联系人{m1}.txt, 名称: 联系人名单}}\n"))
    small.edit(path, "正文。", f"名单见[名单](名单{m2}.csv)。")
    result = small.check()
    assert result.code != 0
    assert_reported(result, f"{path}:2:5", "编号（id）里有手机号", "请换一个编号")
    assert_reported(result, f"{path}:12:13", "附件的文件名里有手机号", "请把文件改名")
    assert_reported(result, f"{path}:15", f"正文链接的文件名“名单{m2[:3]}****{m2[7:]}.csv”",
                    "请把文件改名")
    # the report shows numbers masked (a file's own path is printed as it is, to find it)
    assert m1 not in result.text.replace(f"hexi/联系人{m1}.txt", "")
    assert m2 not in result.text and m3 not in result.text
    # the same file with a clean name publishes masked
    (folder / f"联系人{m1}.txt").rename(folder / "联系人.txt")
    (folder / f"名单{m2}.csv").rename(folder / "名单.csv")
    small.edit(path, f"联系人{m1}.txt", "联系人.txt")
    small.edit(path, f"名单{m2}.csv", "名单.csv")
    small.edit(path, f"id: {m3}", "id: 2025-0100")
    result = small.build()
    assert result.code == 0, result.text
    assert search_output(small.site, [m1, m2, m3]) == []


def test_site_wide_masking_with_a_configured_pattern(small: TestProject):
    import random

    mobile = make_mobile(random.Random(4))
    small.edit("catalog.yaml", "设置:\n", "设置:\n  个人信息: 遮盖\n  遮盖格式:\n    手机号: 13*******34\n")
    path = notice_with(small)
    small.edit(path, "正文。", f"联系人：张*明，{mobile}。")
    result = small.build()
    assert result.code == 0, result.text
    page = (small.site / "n/2025-0100/index.html").read_text(encoding="utf-8")
    assert f"联系人：张*明，{mobile[:2]}{'*' * 7}{mobile[-2:]}。" in page


def test_attachment_paths_must_stay_inside_content(small: TestProject, tmp_path: Path):
    outside = tmp_path / "secret.txt"
    outside.write_text("机密", encoding="utf-8")
    (small.root / "content/notices/hexi/link.txt").symlink_to(outside)
    path = notice_with(small, extra=f"附件:\n  - ../../../catalog.yaml\n  - {outside}\n  - link.txt\n")
    result = small.check()
    for line, name in ((11, "../../../catalog.yaml"), (12, str(outside)), (13, "link.txt")):
        assert_problem(result, f"{path}:{line}", f"附件“{name}”不在 content 文件夹里")


def test_files_that_can_carry_a_script_are_refused(small: TestProject):
    folder = small.root / "content/notices/hexi"
    (folder / "通知.html").write_text("<script>alert(document.cookie)</script>", encoding="utf-8")
    (folder / "流程图.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>'
                                    "alert(1)</script></svg>", encoding="utf-8")
    path = notice_with(small, extra="附件:\n  - 通知.html\n")
    small.edit(path, "正文。", "正文。\n\n![办理流程](流程图.svg)")
    result = small.build()
    assert result.code != 0
    assert_reported(result, f"{path}:11", "「附件」", "附件“通知.html”是 .html 文件", "转成 PDF")
    assert_reported(result, f"{path}:16", "正文链接的文件“流程图.svg”是 .svg 文件", "转成 PNG")
    assert not small.site.exists()


# -- printed links never break -------------------------------------------------------------------
def manifest(project: TestProject) -> list[str]:
    return [line for line in (project.root / "published-urls.txt").read_text("utf-8").split("\n")
            if line.startswith("/")]


def test_first_build_records_urls_and_a_vanishing_url_fails(small: TestProject):
    assert small.build().code == 0
    urls = manifest(small)
    assert "/" in urls and "/n/2025-0003/" in urls and "/t/hexi/dongcun/" in urls
    assert "/n/2025-0005/" not in urls and not any("/page/" in u for u in urls)
    before = snapshot(small.site)
    (small.root / "content/notices/hexi/2025-0003.md").unlink()
    result = small.build()
    assert result.code != 0
    line = manifest(small).index("/n/2025-0003/") + 4  # three comment lines first
    assert_reported(result, f"published-urls.txt:{line}", "网址 /n/2025-0003/ 以前发布过",
                   "迁移:", "{原网址: /n/2025-0003/, 新网址: /n/新的编号/}", "撤回:",
                   "{网址: /n/2025-0003/, 日期: ")
    assert snapshot(small.site) == before
    assert small.check().code == 1  # site-builder check says so too


def test_moved_url_redirects_and_withdrawn_url_shows_a_tombstone(small: TestProject, browser):
    assert small.build().code == 0
    small.edit("content/notices/hexi/2025-0003.md", "id: 2025-0003", "id: 2025-0103")
    small.edit("content/notices/county/2025-0001.md", "公开属性: 主动公开", "公开属性: 不予公开")
    small.write("catalog.yaml", (small.root / "catalog.yaml").read_text("utf-8") + (
        "\n迁移:\n  - {原网址: /n/2025-0003/, 新网址: /n/2025-0103/}\n"
        "撤回:\n  - {网址: /n/2025-0001/, 日期: 2025-10-08, 说明: 已被新的工作进展替代}\n"))
    result = small.build()
    assert result.code == 0, result.text
    assert {"/n/2025-0103/", "/n/2025-0003/", "/n/2025-0001/"} <= set(manifest(small))
    tomb = small.html("n/2025-0001/")
    text = tomb.get_text(" ", strip=True)
    assert "该信息已撤回" in text and "2025年10月08日 撤回" in text and "已被新的工作进展替代" in text
    assert "第一季度养老服务工作进展" not in text and "助餐点" not in text
    assert not (small.site / "n/2025-0001/meal.png").exists()
    with serve(small.site) as base:
        page = browser.new_page()
        page.goto(base + "n/2025-0003/")
        page.wait_for_url(base + "n/2025-0103/", timeout=10_000)
        assert "河西镇老年人补贴申领指南" in page.title()
        response = page.goto(base + "n/2025-0001/")
        assert response.status == 200 and "该信息已撤回" in page.content()
        page.close()


def test_wrong_declarations_are_errors_with_their_line(small: TestProject):
    small.write("catalog.yaml", (small.root / "catalog.yaml").read_text("utf-8") + (
        "\n迁移:\n  - {原网址: /n/2025-0003/, 新网址: /n/2099-0001/}\n"
        "  - {原网址: /n/2099-0002/, 新网址: /n/2025-0002/}\n"))
    lines = (small.root / "catalog.yaml").read_text("utf-8").split("\n")
    result = small.check()
    first = lines.index("  - {原网址: /n/2025-0003/, 新网址: /n/2099-0001/}") + 1
    assert_problem(result, f"catalog.yaml:{first}", "网址 /n/2025-0003/ 现在还有页面")
    # a move of a URL that was never published would add a redirect page, listed in sitemap.xml
    assert_problem(result, f"catalog.yaml:{first + 1}", "网址 /n/2099-0002/ 没有发布过")


# -- link check and never losing a good site -----------------------------------------------------
def test_post_build_link_failure_keeps_the_previous_site_byte_for_byte(small: TestProject):
    assert small.build().code == 0
    before = snapshot(small.site)
    small.edit("content/notices/hexi/2025-0003.md", "申领条件", "详见[办法](/n/2099-0001/)。申领条件")
    result = small.build()
    assert result.code != 0
    assert_reported(result, "content/notices/hexi/2025-0003.md:12",
                   "网页 /n/2025-0003/ 上的链接“/n/2099-0001/”指向的页面或文件不存在")
    assert snapshot(small.site) == before
    assert not (small.root / ".site-building").exists()


def test_resources_from_another_host_fail_the_build(small: TestProject):
    small.write("mkdocs.yml", (small.root / "mkdocs.yml").read_text("utf-8") +
                "extra_javascript:\n  - https://cdn.example.com/track.js\n")
    result = small.build()
    assert result.code != 0
    assert "要从其他网站加载“https://cdn.example.com/track.js”" in result.text
    assert "另有" in result.text  # on every page, reported once


def test_broken_anchor_is_reported(small: TestProject):
    small.edit("content/notices/hexi/2025-0003.md", "申领条件", "见[下文](#没有这一节)。申领条件")
    result = small.build()
    assert result.code != 0
    assert "链接“#没有这一节”指向的位置（# 后面的部分）在目标页面上找不到" in result.text


def test_same_link_text_is_judged_from_each_page(tmp_path):
    """The checker judges a repeated tag once per depth only when its links climb to the top;
    the same relative link elsewhere is judged again from where it stands."""
    from site_builder.output import linkcheck
    pages = {
        "index.html": '<a href="n/a/">a</a>',
        "n/a/index.html": '<a href="../b/">b</a><a href="../../d/x/">x</a><a href="#top">t</a>',
        "n/b/index.html": '<p id="top">b</p><a href="../b/">b</a><a href="#top">t</a>',
        "t/c/index.html": '<a href="../b/">b</a><a href="../../d/x/">x</a><a href="#top">t</a>',
    }
    for path, body in pages.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    bad = {(b.page, b.link, b.kind) for b in linkcheck.check(tmp_path, "https://x.cn/")}
    assert bad == {("n/a/", "../../d/x/", "missing"), ("t/c/", "../../d/x/", "missing"),
                   ("t/c/", "../b/", "missing"), ("n/a/", "#top", "anchor"),
                   ("t/c/", "#top", "anchor")}



def test_a_check_kept_from_the_last_build_finds_what_a_fresh_check_finds(tmp_path):
    """Issue 15: the link check keeps each page's result in .cache/ and reads again only pages
    that changed or whose targets changed. After every kind of change (a target deleted, added,
    an anchor removed, a page edited, a template link broken on every page as deep), it reports
    exactly what a check from nothing reports, and an unchanged page is not read again."""
    from site_builder.output import linkcheck

    site, cache = tmp_path / "site", tmp_path / "cache"

    def write(path: str, body: str) -> None:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")

    nav = '<a href="../../t/c/">c</a><a href="../../n/b/#top">b</a>'
    write("index.html", '<a href="n/a/">a</a><a href="t/c/">c</a>')
    write("n/a/index.html", nav + '<a href="../b/#sec">b</a><a href="f.pdf">f</a>')
    write("n/a/f.pdf", "pdf")
    write("n/b/index.html", nav + '<h2 id="top">b</h2><h2 id="sec">s</h2>')
    write("t/c/index.html", nav + '<a href="../../n/a/f.pdf">f</a>')

    def same() -> set:
        kept = {(b.page, b.link, b.kind) for b in linkcheck.check(site, "https://x.cn/", cache_dir=cache)}
        fresh = {(b.page, b.link, b.kind) for b in linkcheck.check(site, "https://x.cn/")}
        assert kept == fresh
        return kept

    assert same() == set()
    changes = [
        (lambda: (site / "n/a/f.pdf").unlink(),
         {("n/a/", "f.pdf", "missing"), ("t/c/", "../../n/a/f.pdf", "missing")}),
        (lambda: write("n/a/f.pdf", "pdf"), set()),
        (lambda: write("n/b/index.html", nav + '<h2 id="top">b</h2>'),
         {("n/a/", "../b/#sec", "anchor")}),
        (lambda: write("t/c/index.html", nav + '<a href="#nowhere">x</a>'),
         {("n/a/", "../b/#sec", "anchor"), ("t/c/", "#nowhere", "anchor")}),
        (lambda: write("n/b/index.html", nav + "<p>b</p>"),
         {("n/a/", "../b/#sec", "anchor"), ("n/a/", "../../n/b/#top", "anchor"),
          ("n/b/", "../../n/b/#top", "anchor"), ("t/c/", "#nowhere", "anchor"),
          ("t/c/", "../../n/b/#top", "anchor")}),
    ]
    for change, expected in changes:
        change()
        assert same() == expected
    # an unchanged page is not read again. Shown by changing one behind the check's back, to a
    # broken link of the same length, keeping its inode and time: the kept result still stands
    # (the build itself never does this: a page it writes again is a new file).
    page = site / "index.html"
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('href="t/c/"', 'href="t/x/"'), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    kept = {(b.page, b.link) for b in linkcheck.check(site, "https://x.cn/", cache_dir=cache)}
    fresh = {(b.page, b.link) for b in linkcheck.check(site, "https://x.cn/")}
    assert ("", "t/x/") in fresh and ("", "t/x/") not in kept

def test_a_large_site_checked_by_forked_workers_finds_what_one_process_finds(
        sample_site: TestProject, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        fork_allowed: None):
    """A site of 2,000 files or more is link-checked by forked workers, each over a share of
    the pages; with broken links, a lost anchor and a missing attachment in pages of different
    shares, they report exactly what one process reports."""
    import multiprocessing
    import shutil

    from site_builder.output import linkcheck
    from site_builder.pipeline import Project, build_model

    base_url = build_model(Project.at(sample_site.root), cache=False)[0].info.base_url
    site = tmp_path / "site"
    shutil.copytree(sample_site.site, site)
    pages = sorted(site.rglob("index.html"))
    for number, page in enumerate(pages[1::7]):  # spread over the workers' shares
        text = page.read_text(encoding="utf-8")
        broken = f'<a href="../nowhere-{number}/">x</a><a href="#gone-{number}">y</a>'
        page.write_text(text.replace("</body>", broken + "</body>"), encoding="utf-8")
    attachment = next(p for p in site.rglob("*") if p.suffix in (".pdf", ".docx", ".xlsx"))
    attachment.unlink()
    alone = linkcheck.check(site, base_url)
    forks: list[str] = []
    original = multiprocessing.get_context

    def context(method: str):
        forks.append(method)
        return original(method)

    monkeypatch.setattr(linkcheck, "PARALLEL_FROM", 1)
    monkeypatch.setattr(linkcheck.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(linkcheck.multiprocessing, "get_context", context)
    forked = linkcheck.check(site, base_url)
    assert forks == ["fork"], "checked by forked workers"
    assert forked == alone
    kinds = {b.kind for b in alone}
    assert {"missing", "anchor"} <= kinds and len(alone) > 2 * len(pages[1::7])
    assert any(attachment.name in b.link for b in alone)


STALL_HOOK = '''
import os, time
def on_post_build(config, **kwargs):
    open(os.environ["STALL_MARKER"], "w").close()
    time.sleep(300)
'''


def test_interrupted_build_leaves_the_site_and_the_next_build_cleans_up(small: TestProject):
    assert small.build().code == 0
    before = snapshot(small.site)
    small.write("stall.py", STALL_HOOK)
    config = (small.root / "mkdocs.yml").read_text("utf-8")
    small.write("mkdocs.yml", config + "hooks:\n  - stall.py\n")
    small.edit("content/notices/hexi/2025-0003.md", "申领条件", "（新版本）申领条件")
    marker = small.root / "stalled"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STALL_MARKER": str(marker)}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=small.root, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while not marker.exists():
            assert proc.poll() is None, "the build ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.1)
        staging = small.root / ".site-building"
        assert (staging / "n/2025-0003/index.html").is_file()  # rendered, not yet published
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert snapshot(small.site) == before
    assert staging.is_dir()  # the leftover of the killed build
    small.write("mkdocs.yml", config)
    assert small.build().code == 0
    assert not staging.exists()
    assert "（新版本）申领条件" in (small.site / "n/2025-0003/index.html").read_text("utf-8")


def test_a_swap_interrupted_between_its_two_renames_restores_the_old_site(tmp_path: Path):
    from site_builder.output import write

    site = tmp_path / "site"
    previous = write.previous_dir(site)
    previous.mkdir()
    (previous / "index.html").write_text("旧网站", encoding="utf-8")
    (write.staging_dir(site)).mkdir()
    staging = write.prepare(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "旧网站"
    assert staging.is_dir() and not any(staging.iterdir()) and not previous.exists()


def test_good_notice_still_passes(small: TestProject):
    assert GOOD and small.check().code == 0


@pytest.mark.parametrize("snippet", ["<script>alert(1)</script>", '<img src="x.png" onerror="alert(1)">',
                                     "[点我](javascript:alert(1))"])
def test_script_injection_fails_the_build(small: TestProject, snippet: str):
    path = notice_with(small)
    small.edit(path, "正文。", f"正文。\n\n{snippet}")
    result = small.build()
    assert result.code != 0 and f"{path}:14:" in result.text
    assert not (small.site / "index.html").exists()


@pytest.mark.parametrize(("snippet", "at", "needle"), [
    ("请勿填写 \\`<script>alert(1)</script>\\`", "14:8", "<script>"),  # escaped backticks
    ("```\n<script>alert(1)</script>\n```", "15:1", "<script>"),  # fences are not code
    ("[点我](\njavascript:alert(1))", "15:1", "javascript:"),  # address on the next line
    ("\\`<style>.md-content{display:none}</style>\\`", "14:3", "<style>"),
])
def test_script_past_the_old_source_scan_fails_the_build(small: TestProject, snippet: str,
                                                         at: str, needle: str):
    path = notice_with(small)
    small.edit(path, "正文。", f"正文。\n\n{snippet}")
    result = small.build()
    assert result.code != 0
    assert_reported(result, f"{path}:{at}", needle, "不允许使用")
    assert not (small.site / "index.html").exists()


# -- what is published is cleaned (render stage) -------------------------------------------------
@pytest.mark.parametrize(("snippet", "at"), [
    ("<div>\n`<script>alert(1)</script>`\n</div>", "15:2"),  # a raw HTML block keeps backticks
    ("甲 `乙\n丙` <script>alert(1)</script> `丁`", "15:4"),  # a code span over two lines
])
def test_the_output_sanitizer_stops_what_the_source_scan_cannot_see(small: TestProject,
                                                                    snippet: str, at: str):
    assert small.build().code == 0
    before = snapshot(small.site)
    path = notice_with(small)
    small.edit(path, "正文。", f"正文。\n\n{snippet}")
    assert small.check().code != 0  # `check` renders the bodies too
    for _ in range(2):  # the second build takes the rendered body from the cache
        result = small.build()
        assert result.code != 0
        assert_reported(result, f"{path}:{at}", "HTML 标签 <script> 不允许使用", "请删除这个标签")
        assert snapshot(small.site) == before  # the previous site is intact
    assert (small.root / ".cache" / "bodies.pickle").is_file()


def test_posters_get_the_cleaned_body(small: TestProject):
    from site_builder.paper import printing
    from site_builder.pipeline import Project, read_and_check

    path = notice_with(small)
    small.edit(path, "正文。", "正文。\n\n<div>\n`<script>alert(1)</script><b onclick=\"x()\">粗</b>`\n</div>")
    site, _ = read_and_check(Project.at(small.root))  # validation alone does not see it
    assert site is not None
    html = printing.body_html(site.notice_by_id["2025-0100"])
    assert "<b>粗</b>" in html
    assert "<script" not in html and "alert(1)" not in html and "onclick" not in html


# -- the county's own texts are text in every page ------------------------------------------------
def test_catalog_and_front_matter_values_show_as_text(small: TestProject):
    sponsor, name = "<script>alert(1)</script>办公室", "测试县<b>政府</b>信息公开"
    address, township = "府前路<img src=x onerror=alert(2)>", "河西镇<i>镇</i>"
    title, summary = '补贴"><script>alert(3)</script>指南', '摘要" onmouseover="alert(4)'
    small.edit("catalog.yaml", "主办单位: 测试县人民政府办公室", f"主办单位: '{sponsor}'")
    small.edit("catalog.yaml", "名称: 测试县人民政府信息公开", f"名称: '{name}'")
    small.edit("catalog.yaml", "地址: 测试县府前路1号", f"地址: '{address}'")
    small.edit("catalog.yaml", "名称: 河西镇", f"名称: '{township}'")
    small.edit("content/notices/hexi/2025-0003.md", "乡镇: 河西镇", "乡镇: hexi")
    notice_with(small, {"标题": f"'{title}'"}, extra=f"摘要: '{summary}'\n")
    result = small.build()
    assert result.code == 0, result.text
    pages = list(small.site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for raw in ("<script>alert(", "<img src=x", 'onmouseover="alert', "<b>政府</b>", "<i>镇</i>"):
            assert raw not in text, f"{raw} in {page.relative_to(small.site)}"
    home = small.html("")
    assert home.select_one(".sb-footer__sponsor").get_text() == f"主办单位：{sponsor}"
    assert address in home.select_one(".sb-footer").get_text()
    assert home.title.get_text() == name
    assert name in home.select_one(".md-header__topic").get_text()
    notice = small.html("n/2025-0100/")
    assert notice.title.get_text() == f"{title} - {name}"
    assert notice.select_one('meta[name="description"]')["content"] == summary
    assert title in notice.select_one("h1").get_text()
    town = small.html("t/hexi/")
    assert town.select_one("h1").get_text() == township
    assert township in [a.get_text(strip=True) for a in town.select(".md-nav a, .md-nav label")]
