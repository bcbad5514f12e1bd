"""`mkdocs serve` previews the site and rebuilds when catalog.yaml or a notice changes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

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


def test_serve_reloads_on_catalog_and_notice_changes(small: TestProject):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=small.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base, "测试县人民政府信息公开")
        small.edit("catalog.yaml", "名称: 测试县人民政府信息公开", "名称: 改名后的测试县信息公开")
        wait_for(base, "改名后的测试县信息公开")
        small.edit("content/notices/hexi/2025-0003.md", "标题: 河西镇老年人补贴申领指南",
                   "标题: 河西镇高龄津贴申领指南（修订）")
        wait_for(base + "n/2025-0003/", "河西镇高龄津贴申领指南（修订）")
        assert not (small.root / "site").exists()  # preview never touches site/
    finally:
        proc.terminate()
        proc.wait(timeout=20)
