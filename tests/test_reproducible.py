"""Same input, same bytes: two builds of the same project write identical sites.

A build is run three times: in one project (cold, then warm: the body and QR caches are used),
and in a copy at another path whose build runs "on another day" (SOURCE_DATE_EPOCH, which MkDocs
reads for the dates it writes) in another time zone (zip entries carry local times). Each build
is its own process, so Python's string hashing (set and dict order) differs between them. The
fixture gets a notice with masking on and Excel, Word and CSV attachments holding a mobile
number, whose masked copies are written at build time. Every file of site/ must be byte for
byte the same.
"""

from __future__ import annotations

import os
from pathlib import Path

import docx
import openpyxl
from conftest import GOOD_FRONT, TestProject, copy_fixture

ATTACHED = ["名单.xlsx", "名单.docx", "名单.csv"]


def office_files(folder: Path) -> dict[str, bytes]:
    """The attachments, made once so that both projects get the same bytes."""
    book = openpyxl.Workbook()
    book.active.append(["姓名", "电话"])
    book.active.append(["李某", "13812345678"])
    book.save(folder / "名单.xlsx")
    document = docx.Document()
    document.add_paragraph("联系电话 13912345678")
    document.save(folder / "名单.docx")
    (folder / "名单.csv").write_text("姓名,电话\n李某,13712345678\n", encoding="utf-8")
    return {name: (folder / name).read_bytes() for name in ATTACHED}


def project(root: Path, files: dict[str, bytes]) -> TestProject:
    made = copy_fixture("small", root)
    for name, data in files.items():
        made.write(f"content/notices/hexi/{name}", data)
    made.notice("hexi/2025-0100.md", GOOD_FRONT + "个人信息: 遮盖\n附件:\n" +
                "".join(f"  - {name}\n" for name in ATTACHED))
    return made


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def differing(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(name for name in first.keys() | second.keys()
                  if first.get(name) != second.get(name))


def build(project: TestProject) -> dict[str, bytes]:
    result = project.build()
    assert result.code == 0, result.text
    return snapshot(project.site)


def test_two_builds_write_the_same_bytes(tmp_path: Path, monkeypatch):
    files = office_files(tmp_path)
    one = project(tmp_path / "one", files)
    cold = build(one)
    for name in ATTACHED:  # masked copies were published, not the files
        assert cold[f"n/2025-0100/{name}"] != files[name], name
    assert any(name.startswith("search/data/s/") for name in cold)
    assert "sitemap.xml" in cold and "sitemap.xml.gz" in cold
    warm = build(one)
    diff = differing(cold, warm)
    assert not diff, f"a second build of the same project differs in {len(diff)} files: {diff}"
    other = project(tmp_path / "elsewhere" / "two", files)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # 2033-05-18: another day
    monkeypatch.setenv("TZ", "Pacific/Kiritimati" if os.environ.get("TZ") != "Pacific/Kiritimati"
                       else "America/Adak")  # UTC+14 or UTC−10: zip times differ by hours
    later = build(other)
    diff = differing(cold, later)
    assert not diff, f"a build of a copy, on another day, differs in {len(diff)} files: {diff}"
    # the dates in sitemap.xml are the content's: the newest 发布日期 of the fixture
    assert b"<lastmod>2025-" in cold["sitemap.xml"] and b"2033-" not in cold["sitemap.xml"]
