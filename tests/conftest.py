"""Shared test helpers: real projects in temporary folders, real builds, a real browser.

- `small`: a fresh copy of tests/fixtures/small to modify in a test (function scope).
- `small_site` / `sample_site`: the small fixture / the bundled sample county, built once.
- `browser`: headless Debian Chromium driven by Playwright (no browser download).
- `serve_dir`: a local HTTP server for a built site.
Tests that read ../shared skip cleanly when it is absent (a clone outside the workplace).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_builder.base import background

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# The front matter (YAML lines, no ---) of a valid notice in the small fixture, for tests and
# bad-input generators that write one and change a line.
GOOD_FRONT = """\
id: 2025-0100
标题: 河西镇养老补贴申领指南
事项: ylfw-zn
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: 2025-07-01
发布日期: 2025-07-02
公开属性: 主动公开
"""
# The 注意 the bundled sample shows on purpose (issue 14), file:line: a notice published late,
# a 规范性文件 without its 解读.
SAMPLE_WARNINGS = ["content/notices/chengguan/2026-0802.md:8（第",
                   "content/notices/county/2026-0305.md:10（第"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def mkdocs_yml(root: Path) -> None:
    """The repo's mkdocs.yml, with the theme overrides taken from the repo."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


@dataclass
class TestProject:
    __test__ = False  # not a test class, despite its name

    root: Path
    site_dir: Path | None = None  # where the site is built; default <root>/site

    @property
    def site(self) -> Path:
        return self.site_dir or self.root / "site"

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def notice(self, rel: str, front: str, body: str = "正文。\n") -> Path:
        """Write content/notices/<rel> with `front` (YAML lines) and `body`."""
        return self.write(f"content/notices/{rel}", f"---\n{front.strip()}\n---\n\n{body}")

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def cli(self, *args: str) -> Result:
        """Run `site-builder` in-process, as a user would from this folder."""
        from site_builder.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["--root", str(self.root), *args])
            except SystemExit as exc:  # argparse --help / usage errors
                code = int(exc.code or 0)
        return Result(code, out.getvalue(), err.getvalue())

    def check(self) -> Result:
        return self.cli("check")

    def build(self, *args: str) -> Result:
        """A real `mkdocs build` in a subprocess, as in production."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=self.root,
                              env=env, capture_output=True, text=True, timeout=600)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def html(self, path: str) -> BeautifulSoup:
        """Parse site/<path> (a directory URL like "n/2024-0001/" or a file)."""
        file = self.site / path
        if path == "" or path.endswith("/"):
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session", autouse=True)
def fixtures_stay_as_committed() -> Iterator[None]:
    """Tests work on copies: a cache or a site written into tests/fixtures/ would be copied into
    every later test's project (and left in the repository)."""
    yield
    written = sorted(p.relative_to(REPO).as_posix() for name in (".cache", "site")
                     for p in FIXTURES.glob(f"*/{name}"))
    assert not written, f"tests wrote into the fixtures: {written}"


def copy_fixture(name: str, dest: Path) -> TestProject:
    shutil.copytree(FIXTURES / name, dest)
    mkdocs_yml(dest)
    return TestProject(dest)


@pytest.fixture
def small(tmp_path: Path) -> TestProject:
    return copy_fixture("small", tmp_path / "county")


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> TestProject:
    project = copy_fixture("small", tmp_path_factory.mktemp("small") / "county")
    result = project.build("--strict")
    assert result.code == 0, result.text
    return project


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> TestProject:
    """The bundled sample county, copied out of the repo and built there (a build updates the
    project's published-urls.txt; tests must not write into the repo)."""
    root = tmp_path_factory.mktemp("sample") / "county"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    for name in ("catalog.yaml", "published-urls.txt"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, root / name)
    mkdocs_yml(root)
    project = TestProject(root)
    result = project.build()
    assert result.code == 0, result.text
    # Strict but for the sample's two deliberate 注意 (issue 14: a late notice, a 规范性文件
    # without 解读), which the compliance report and the README show.
    assert sorted(re.findall(r"! 注意 (\S+)", result.text)) == SAMPLE_WARNINGS, result.text
    return project


# -- browser -------------------------------------------------------------------------------------
def need_browser(found: str | None = CHROMIUM) -> None:
    """Skip (fail under REQUIRE_BROWSER=1) where there is no chromium: `found` is the path the
    test looked up (default: Debian's chromium on PATH)."""
    if found is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("Debian chromium is not installed (REQUIRE_BROWSER=1)")
        pytest.skip("chromium is not installed (apt-get install chromium)")


@pytest.fixture
def fork_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the builder fork in this test as it does in a `site-builder build` process.

    The builder forks only where no other thread runs (base/background.can_fork). A CLI build
    has one thread, but this test process may not: once a browser test has run, the
    session's Playwright driver keeps asyncio's child watcher thread (idle in waitpid) alive,
    so without this the tests of the forked paths would quietly test the fallback instead."""
    if not sys.platform.startswith("linux"):
        pytest.skip("fork is used on Linux only")
    monkeypatch.setattr(background, "can_fork", lambda: True)


@pytest.fixture(scope="session")
def browser():
    need_browser()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("playwright is not installed (REQUIRE_BROWSER=1)")
        pytest.skip("playwright is not installed")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path, handler_class: type | None = None, mount: str = "/"
          ) -> Iterator[str]:
    """Serve `directory` on a free localhost port; yields the base URL ("http://127.0.0.1:N/",
    or with `mount` as its path where `handler_class` serves the site under it)."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def need_shared() -> Path:
    """../shared (docs, corpus) exists only in the workplace; skip elsewhere."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (bare clone)")
    return SHARED
