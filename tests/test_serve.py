"""`mkdocs serve` previews the site and rebuilds when catalog.yaml or a notice changes."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from conftest import REPO, TestProject, free_port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, needle: str, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}")


@contextlib.contextmanager
def previewing(project: TestProject, log: Path | None = None) -> Iterator[str]:
    """`mkdocs serve` in the project, stopped afterwards; yields the preview's address. Its
    output goes to `log` if given."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    with open(log or os.devnull, "w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()
            proc.wait(timeout=20)


_LIVERELOAD = re.compile(r"<script>\s*var livereload.*?</script>", re.S)


def without_livereload(html: str) -> str:
    """The page as built: MkDocs adds its reload script (with the site's version) as it sends."""
    return _LIVERELOAD.sub("", html)


def wait_in_log(log: Path, text: str, count: int = 1, timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        said = log.read_text(encoding="utf-8", errors="replace")
        if said.count(text) >= count:
            return said
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not said {count} times:\n{said}")


def wait_for_builds(log: Path, count: int, timeout: float = 90) -> str:
    """Wait until `count` builds have finished: the first (MkDocs then says where it serves) and
    each rebuild after a save (it then reloads the browsers). Not "Documentation built": MkDocs
    logs that line through a filter that drops a message identical to an earlier one, so a
    rebuild that takes as long as an earlier one, to the hundredth of a second, says nothing."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        said = log.read_text(encoding="utf-8", errors="replace")
        if ("Serving on" in said) + said.count("Reloading browsers") >= count:
            return said
        time.sleep(0.2)
    raise AssertionError(f"{count} builds not finished:\n{said}")


def test_a_saved_body_is_shown_at_once_and_is_the_page_the_full_build_writes(
        small: TestProject, tmp_path: Path):
    """Issue 15: a save that changed only a notice's body updates that page from the last
    build's state and reloads the browsers before the whole site is built again; the page is
    byte for byte the one the full build then writes. A save that changed anything else, or
    that brings an error, takes the full build only: an ID number never reaches the preview."""
    log = tmp_path / "serve.log"
    page = "n/2025-0001/"
    with previewing(small, log) as base:
        wait_for(base + page, "新增助餐点 3 个")
        wait_for_builds(log, 1)
        small.edit("content/notices/county/2025-0001.md", "新增助餐点 3 个", "新增助餐点 5 个")
        quick = wait_for(base + page, "新增助餐点 5 个", timeout=60)
        said = wait_in_log(log, "预览已更新")
        assert f"/{page}" in said.split("预览已更新")[1].split("\n")[0]
        wait_for_builds(log, 2)  # the full build that follows
        assert without_livereload(fetch(base + page)) == without_livereload(quick)

        # a new title: the notice's page and every listing showing it (its item's among them)
        listing = "i/ylfw-jz/"
        assert "第一季度养老服务工作进展" in fetch(base + listing)
        small.edit("content/notices/county/2025-0001.md", "标题: 第一季度养老服务工作进展",
                   "标题: 第一季度养老服务工作进展（更正）")
        said = wait_in_log(log, "预览已更新", count=2)
        quick_page, quick_listing = fetch(base + page), fetch(base + listing)
        assert "第一季度养老服务工作进展（更正）" in quick_page
        assert "第一季度养老服务工作进展（更正）" in quick_listing
        assert f"/{listing}" in said.split("预览已更新")[2].split("\n")[0]
        wait_for_builds(log, 3)
        assert without_livereload(fetch(base + page)) == without_livereload(quick_page)
        assert without_livereload(fetch(base + listing)) == without_livereload(quick_listing)

        # another item: other listings, other pages: the full build only
        small.edit("content/notices/county/2025-0001.md", "事项: ylfw-jz", "事项: ylfw-zn")
        wait_for_builds(log, 4)
        assert "第一季度养老服务工作进展（更正）" not in fetch(base + listing)
        assert log.read_text(encoding="utf-8").count("预览已更新") == 2

        small.edit("content/notices/county/2025-0001.md", "新增助餐点 5 个",
                   "新增助餐点 6 个，联系人身份证号 110101199003077731")
        said = wait_in_log(log, "发现身份证号")  # the full build's error
        assert said.count("预览已更新") == 2  # the quick path refused the file
        # MkDocs holds requests after a failed build; once fixed, the page is the full build's
        small.edit("content/notices/county/2025-0001.md", "，联系人身份证号 110101199003077731", "")
        shown = wait_for(base + page, "新增助餐点 6 个")
        assert "110101199003077731" not in shown
        assert log.read_text(encoding="utf-8").count("预览已更新") == 2


def test_serve_reloads_on_catalog_and_notice_changes(small: TestProject):
    with previewing(small) as base:
        wait_for(base, "测试县人民政府信息公开")
        small.edit("catalog.yaml", "名称: 测试县人民政府信息公开", "名称: 改名后的测试县信息公开")
        wait_for(base, "改名后的测试县信息公开")
        small.edit("content/notices/hexi/2025-0003.md", "标题: 河西镇老年人补贴申领指南",
                   "标题: 河西镇高龄津贴申领指南（修订）")
        wait_for(base + "n/2025-0003/", "河西镇高龄津贴申领指南（修订）")
        assert not (small.root / "site").exists()  # preview never touches site/


def test_serve_rebuilds_when_a_template_in_overrides_is_saved(small: TestProject):
    shutil.copytree(REPO / "overrides", small.root / "overrides")
    small.edit("mkdocs.yml", f"custom_dir: {REPO / 'overrides'}", "custom_dir: overrides")
    with previewing(small) as base:
        wait_for(base, "测试县人民政府信息公开")
        small.edit("overrides/partials/copyright.html", '<div class="md-copyright sb-footer">',
                   '<div class="md-copyright sb-footer"><!-- 模板已改 -->')
        wait_for(base + "n/2025-0003/", "模板已改")


def test_preview_404_page_works_when_the_site_url_has_a_sub_path(small: TestProject):
    """`mkdocs serve` puts the preview at the root of the dev address (mkdocs.yml has no
    site_url; the county's address comes from catalog.yaml) and answers any missing page with
    404.html: that page's links must work in the preview, not point at /xian/."""
    small.edit("catalog.yaml", "网址: https://gk.example.gov.cn/", "网址: https://example.gov.cn/xian/")
    with previewing(small) as base:
        wait_for(base, "测试县人民政府信息公开")
        try:
            fetch(base + "n/2019-9999/no/such/page/")
            raise AssertionError("a missing page was found")
        except urllib.error.HTTPError as exc:
            assert exc.code == 404
            html = exc.read().decode("utf-8")
        assert "没有找到这个页面" in html
        homes = re.findall(r'<a class="md-button" href="([^"]*)">返回首页</a>', html)
        assert homes == ["/"]
        targets = set(re.findall(r'(?:href|src|action)="(/[^"]*)"', html))
        assert len(targets) >= 10 and "/search/" in targets
        broken = []
        for target in sorted(targets):
            try:
                urllib.request.urlopen(base + target.lstrip("/"), timeout=5).close()
            except urllib.error.HTTPError as exc:
                broken.append((target, exc.code))
        assert broken == []  # the stylesheets, scripts, home, search and every section
