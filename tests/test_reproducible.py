"""Same input, same bytes: two builds of the same project write identical sites.

A build is run three times: in one project (cold, then warm: the body and QR caches are used),
and in a copy at another path whose build runs "on another day" (SOURCE_DATE_EPOCH, which MkDocs
reads for the dates it writes). Each build is its own process, so Python's string hashing (set
and dict order) differs between them. Every file of site/ must be byte for byte the same.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import TestProject, copy_fixture


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
    one = copy_fixture("small", tmp_path / "one")
    cold = build(one)
    assert any(name.startswith("search/data/s/") for name in cold)
    assert "sitemap.xml" in cold and "sitemap.xml.gz" in cold
    warm = build(one)
    diff = differing(cold, warm)
    assert not diff, f"a second build of the same project differs in {len(diff)} files: {diff}"
    other = copy_fixture("small", tmp_path / "elsewhere" / "two")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # 2033-05-18: another day
    assert os.environ["SOURCE_DATE_EPOCH"] == "2000000000"
    later = build(other)
    diff = differing(cold, later)
    assert not diff, f"a build of a copy, on another day, differs in {len(diff)} files: {diff}"
    # the dates in sitemap.xml are the content's: the newest 发布日期 of the fixture
    assert b"<lastmod>2025-" in cold["sitemap.xml"] and b"2033-" not in cold["sitemap.xml"]
