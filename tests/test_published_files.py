"""Issue 11, silent behaviour: names of published files, and the published-URL manifest.

Real builds of the small fixture: attachments whose names hold characters with a meaning in
URLs are downloaded over HTTP by the links the notice page gives; deleting published-urls.txt
after a build is refused until it is restored or the office confirms a fresh start.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import quote, urljoin
from urllib.request import urlopen

from conftest import GOOD_FRONT, TestProject, serve

# Each has a character a URL reads as syntax: # fragment, ? query, % escape (also before two hex
# digits), : scheme, + & [ ] and a space; the last one is "qr.png" renamed as check suggests.
NAMES = ["3#楼 公示.csv", "名单?第一批.csv", "增长5%.csv", "a%41.csv", "备案:2025+补充&[1].csv",
         "qr-附件.png"]


def fetch(url: str) -> bytes:
    """GET `url` as a browser sends it: characters outside ASCII percent-encoded (UTF-8)."""
    with urlopen(quote(url, safe="".join(map(chr, range(33, 127))))) as response:
        return response.read()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_attachment_names_with_url_syntax_are_published_and_download(small: TestProject):
    folder = small.root / "content/notices/hexi"
    for number, name in enumerate(NAMES):
        (folder / name).write_bytes(f"姓名,金额\n李**,{860 + number}\n".encode())
    entries = "".join(f"  - {json.dumps(name, ensure_ascii=False)}\n" for name in NAMES)
    small.notice("hexi/2025-0100.md", GOOD_FRONT + "附件:\n" + entries,
                 "[第一批名单](3%23楼%20公示.csv)\n")
    result = small.build()
    assert result.code == 0, result.text  # the link check found every link's file
    page = small.html("n/2025-0100/")
    hrefs = [a["href"] for a in page.select(".sb-att a")]
    assert len(hrefs) == len(NAMES)
    assert not [h for h in hrefs if any(c in h for c in "#?: ")], hrefs
    body = [a["href"] for a in page.select(".sb-body a")]
    assert body == ["3%23楼%20公示.csv"]
    with serve(small.site) as base:
        here = urljoin(base, "n/2025-0100/")
        for name, href in zip(NAMES, hrefs, strict=True):  # resolved as a browser does
            assert fetch(urljoin(here, href)) == (folder / name).read_bytes(), (name, href)
        assert fetch(urljoin(here, body[0])) == (folder / NAMES[0]).read_bytes()


def test_deleted_manifest_is_refused_until_restored_or_a_fresh_start_is_confirmed(
        small: TestProject):
    assert small.build().code == 0
    manifest = small.root / "published-urls.txt"
    recorded = manifest.read_text(encoding="utf-8")
    assert "/n/2025-0003/" in recorded
    assert (small.root / ".cache/published-urls.txt").read_text(encoding="utf-8") == recorded
    before = snapshot(small.site)
    manifest.unlink()
    result = small.build()
    assert result.code != 0
    assert "找不到已发布网址的记录 published-urls.txt" in result.text
    assert "cp .cache/published-urls.txt published-urls.txt" in result.text
    assert snapshot(small.site) == before and not manifest.exists()
    assert small.check().code == 1
    manifest.write_text("# 重新开始记录\n", encoding="utf-8")  # the office confirms
    result = small.build()
    assert result.code == 0, result.text
    again = manifest.read_text(encoding="utf-8")
    assert "/n/2025-0003/" in again and "重新开始记录" not in again
    assert (small.root / ".cache/published-urls.txt").read_text(encoding="utf-8") == again


def test_files_never_read_are_warned_about_and_nothing_else(small: TestProject):
    """Exactly the files that look like notices and are neither read nor attached or linked:
    not drafts, hidden files, attachments, linked files or plain text. (The attached .wps and
    the linked .doc cannot be read: they are declared 人工核查, else they would be errors.)"""
    notice = (small.root / "content/notices/hexi/2025-0003.md").read_text(encoding="utf-8")
    stray = {"hexi/a.markdown", "hexi/b.MD", "hexi/c.md.txt", "hexi/d.txt", "county/e.docx",
             "hexi/f.wps"}
    quiet = {"hexi/_draft.MD", "hexi/.hidden.markdown", "hexi/说明.txt", "hexi/附件.wps",
             "hexi/链接.doc", "hexi/普通文字.txt"}
    for rel in stray | quiet:
        small.write(f"content/notices/{rel}", notice.replace("2025-0003", "2025-0999"))
    # (a Markdown file in content/assets/ is an error of its own: check/contentfiles.py)
    small.write("content/notices/hexi/普通文字.txt", "没有信息块的文字。\n")
    small.edit("content/notices/hexi/2025-0003.md", "公开属性: 主动公开",
               "公开属性: 主动公开\n附件: [说明.txt, 附件.wps]\n"
               "人工核查: [{文件: 附件.wps, 核查人: 王明, 日期: 2025-07-02},\n"
               "           {文件: 链接.doc, 核查人: 王明, 日期: 2025-07-02}]")
    small.edit("content/notices/hexi/2025-0003.md", "申领条件", "[原件](链接.doc)申领条件")
    result = small.check()
    assert result.code == 0, result.text
    warned = set(re.findall(r"^! 注意 ([^\s（]+)", result.text, re.M))
    expected = {f"content/notices/{rel}" for rel in stray - {"hexi/d.txt"}}
    assert warned == expected | {"content/notices/hexi/d.txt:1"}, result.text


def test_body_links_with_spaces_are_screened_and_published(small: TestProject):
    """Python-Markdown links `[名单](第一批 名单.csv)` as written; the check reads such links too
    (links.local_links): the file is screened like any linked file, then published. Before,
    check passed without screening it and the build failed at the link check."""
    small.write("content/notices/hexi/第一批 名单.csv", "姓名,电话\n李**,13812345678\n")
    small.notice("hexi/2025-0100.md", GOOD_FRONT, "[名单](第一批 名单.csv \"第一批\")\n")
    result = small.check()
    assert result.code == 1
    assert "✗ 错误 content/notices/hexi/第一批 名单.csv:2:5" in result.text
    assert "正文链接的文件「第一批 名单.csv」发现手机号：138****5678" in result.text
    small.write("content/notices/hexi/第一批 名单.csv", "姓名,电话\n李**,138****5678\n")
    result = small.build()
    assert result.code == 0, result.text
    assert (small.site / "n/2025-0100/第一批 名单.csv").read_text(encoding="utf-8").endswith(
        "138****5678\n")


def test_deleted_manifest_is_known_from_the_last_git_commit(small: TestProject):
    """A fresh clone has neither site/ nor .cache/: the committed manifest is the evidence."""
    small.write("published-urls.txt", "# 已发布的网址\n/\n/n/2025-0003/\n")
    git = ["git", "-c", "user.name=测试", "-c", "user.email=t@example.invalid", "-C",
           str(small.root)]
    for command in (["init", "-q"], ["add", "published-urls.txt"], ["commit", "-q", "-m", "x"]):
        subprocess.run(git + command, check=True, capture_output=True)
    assert small.check().code == 0
    (small.root / "published-urls.txt").unlink()
    result = small.check()
    assert result.code == 1
    assert "版本库（git）最近一次提交的 published-urls.txt 里记着 2 个网址" in result.text
    assert "site 文件夹" not in result.text and ".cache/published-urls.txt 里记着" not in result.text
