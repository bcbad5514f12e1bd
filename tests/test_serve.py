"""`mkdocs serve` previews the site and rebuilds when catalog.yaml or a notice changes."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

from conftest import TestProject, free_port


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
def previewing(project: TestProject) -> Iterator[str]:
    """`mkdocs serve` in the project, stopped afterwards; yields the preview's address."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_reloads_on_catalog_and_notice_changes(small: TestProject):
    with previewing(small) as base:
        wait_for(base, "测试县人民政府信息公开")
        small.edit("catalog.yaml", "名称: 测试县人民政府信息公开", "名称: 改名后的测试县信息公开")
        wait_for(base, "改名后的测试县信息公开")
        small.edit("content/notices/hexi/2025-0003.md", "标题: 河西镇老年人补贴申领指南",
                   "标题: 河西镇高龄津贴申领指南（修订）")
        wait_for(base + "n/2025-0003/", "河西镇高龄津贴申领指南（修订）")
        assert not (small.root / "site").exists()  # preview never touches site/


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
