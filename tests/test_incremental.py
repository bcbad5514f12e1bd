"""Incremental builds (issue 15): a warm build — one that finds `.cache/` and `site/` from the
previous build — publishes exactly what a cold build of the same input publishes, byte for byte,
after every kind of change a clerk or the county office makes.

One project is built again and again (warm); before each of its builds its input is copied into a
fresh folder and built there from nothing (cold). The two `site/` trees must be identical, and
the change must show in the warm site.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, TestProject, copy_fixture

from site_builder.base import filestamp
from site_builder.output import uptodate

INPUTS = ("catalog.yaml", "mkdocs.yml", "content", "overrides", "published-urls.txt")
CACHE_DIR = ".cache"


def tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site: its path relative to site/ → its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def cold_copy(project: TestProject, dest: Path) -> TestProject:
    """The project's input alone (no site/, no .cache/): what a fresh checkout builds."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in INPUTS:
        source = project.root / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        elif source.is_file():
            shutil.copy2(source, dest / name)
    return TestProject(dest)


def assert_same_sites(warm: TestProject, cold: TestProject) -> None:
    a, b = tree(warm.site), tree(cold.site)
    assert sorted(a) == sorted(b), (set(a) ^ set(b))
    differ = [path for path in a if a[path] != b[path]]
    assert not differ, f"warm and cold builds differ in {differ[:10]}"
    assert (warm.root / "published-urls.txt").read_bytes() == \
        (cold.root / "published-urls.txt").read_bytes()


def build_both(warm: TestProject, scratch: Path) -> None:
    cold = cold_copy(warm, scratch)
    for project in (warm, cold):
        result = project.build("--strict")
        assert result.code == 0, result.text
    assert not (cold.root / CACHE_DIR / "pages").exists() or warm.root != cold.root
    assert_same_sites(warm, cold)
    leftovers = [p.name for p in warm.root.iterdir() if p.name.startswith(".site")]
    assert not leftovers, f"old sites left beside site/ after the build returned: {leftovers}"
    trash = warm.root / CACHE_DIR / "trash"  # the previous site, deleted by the next build
    assert not trash.exists() or len(list(trash.iterdir())) <= 1


@pytest.fixture
def county(tmp_path: Path) -> TestProject:
    """The small fixture with its own copy of the theme overrides (so a test may edit them)."""
    project = copy_fixture("small", tmp_path / "county")
    shutil.copytree(REPO / "overrides", project.root / "overrides")
    yml = project.root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace(f"custom_dir: {REPO / 'overrides'}", "custom_dir: overrides"),
                   encoding="utf-8")
    return project


def _append(project: TestProject, rel: str, text: str) -> None:
    path = project.root / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


NEW_NOTICE = """\
id: 2025-0200
标题: 河西镇敬老院改造工程进展
事项: ylfw-zn
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: 2025-08-01
发布日期: 2025-08-02
公开属性: 主动公开
"""

def _shows(page: str, text: str) -> Callable[[TestProject], bool]:
    return lambda p: text in (p.site / page / "index.html").read_text(encoding="utf-8")


def _attachment(p: TestProject) -> None:
    _append(p, "content/notices/hexi/东村 公示名单.csv", "王**,东村,3\n")


# Each step: its name, the change to the warm project, what the warm site must then show.
STEPS: list[tuple[str, Callable[[TestProject], object], Callable[[TestProject], bool]]] = [
    ("nothing changed", lambda p: None, _shows("n/2025-0003/", "申领条件")),
    ("a notice body edited",
     lambda p: p.edit("content/notices/hexi/2025-0003.md", "年满80周岁", "年满七十九周岁"),
     _shows("n/2025-0003/", "年满七十九周岁")),
    ("a notice title edited (a row of the open-data spreadsheets)",
     lambda p: p.edit("content/notices/hexi/2025-0003.md", "标题: 河西镇老年人补贴申领指南",
                      "标题: 河西镇老年人补贴申领指南（二）"),
     _shows("n/2025-0003/", "河西镇老年人补贴申领指南（二）")),
    ("a notice added",
     lambda p: p.notice("hexi/2025-0200.md", NEW_NOTICE, "敬老院改造已完成主体工程。\n"),
     _shows("n/2025-0200/", "敬老院改造已完成主体工程")),
    ("a notice deleted (withdrawn in catalog.yaml)",
     lambda p: ((p.root / "content/notices/hexi/2025-0200.md").unlink(),
                _append(p, "catalog.yaml", "\n撤回:\n  - {网址: /n/2025-0200/, 日期: 2025-10-08, "
                        "说明: 重复发布}\n")),
     _shows("n/2025-0200/", "该信息已撤回")),
    ("a catalog field changed",
     lambda p: p.edit("catalog.yaml", "电话: 0571-1234567", "电话: 0571-7654321"),
     _shows("n/2025-0002/", "0571-7654321")),
    ("a theme template changed",
     lambda p: p.edit("overrides/partials/copyright.html", "<div class=\"md-copyright sb-footer\">",
                      "<div class=\"md-copyright sb-footer\"><!-- 模板已改 -->"),
     _shows("n/2025-0002/", "模板已改")),
    ("mkdocs.yml changed",
     lambda p: (p.write("content/assets/extra.css", "body { letter-spacing: 0.01em; }\n"),
                _append(p, "mkdocs.yml", "\nextra_css:\n  - assets/extra.css\n")),
     _shows("n/2025-0002/", "assets/extra.css")),
    ("an attachment changed",
     _attachment,
     lambda p: "王**" in (p.site / "n/2025-0002/东村 公示名单.csv").read_text(encoding="utf-8")),
]


def test_warm_builds_publish_what_cold_builds_publish_after_every_kind_of_change(
        county: TestProject, tmp_path: Path):
    first = county.build("--strict")
    assert first.code == 0, first.text
    assert (county.root / CACHE_DIR / "pages").is_dir(), "the first build fills the page cache"
    for name, change, shows in STEPS:
        change(county)
        build_both(county, tmp_path / "cold")
        assert shows(county), f"after {name}: the change is not in the warm site"
    kept = sorted(p.name for p in (county.root / CACHE_DIR / "data").iterdir())
    assert len(kept) == 2, kept  # the two workbooks of the last build; older ones deleted


def _inode(project: TestProject, page: str) -> int:
    return (project.site / page / "index.html").stat().st_ino


def test_unchanged_notices_are_reused_and_full_renders_every_page(county: TestProject):
    assert county.build().code == 0
    before = {p: _inode(county, p) for p in ("n/2025-0002/", "n/2025-0003/", "c/", "t/hexi/")}
    county.edit("content/notices/hexi/2025-0003.md", "年满80周岁", "年满八十周岁")
    assert county.build().code == 0
    # the unchanged notice and the pages of the navigation that do not show the body are the
    # same files as before (linked from .cache/pages/), the edited one was rendered again
    assert _inode(county, "n/2025-0002/") == before["n/2025-0002/"]
    assert _inode(county, "c/") == before["c/"]
    assert _inode(county, "t/hexi/") == before["t/hexi/"]
    assert _inode(county, "n/2025-0003/") != before["n/2025-0003/"]
    # a new title: the township's listing (a page of the navigation) shows it, rendered again
    county.edit("content/notices/hexi/2025-0003.md", "标题: 河西镇老年人补贴申领指南",
                "标题: 河西镇老年人补贴申领指南（修订）")
    assert county.build().code == 0
    assert _inode(county, "t/hexi/") != before["t/hexi/"]
    assert "河西镇老年人补贴申领指南（修订）" in (county.site / "t/hexi/index.html").read_text("utf-8")
    assert _inode(county, "c/") == before["c/"]
    assert "年满八十周岁" in (county.site / "n/2025-0003/index.html").read_text("utf-8")
    result = county.cli("build", "--full")
    assert result.code == 0, result.text
    assert _inode(county, "n/2025-0002/") != before["n/2025-0002/"]
    assert not [p for p in county.root.iterdir() if p.name.startswith(".site")]


def _listing(site: Path) -> dict[str, tuple[int, int]]:
    """Every file of the site with its inode and modification time: what "left alone" means."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(site.rglob("*")) if p.is_file()}


def _late(project: TestProject) -> None:
    """A notice published after its time limit: a 注意 that every build must print."""
    project.edit("content/notices/hexi/2025-0003.md", "发布日期: 2025-07-02", "发布日期: 2025-09-30")


def test_a_build_with_nothing_changed_leaves_the_site_alone_and_says_it_again(
        county: TestProject, monkeypatch: pytest.MonkeyPatch):
    from site_builder.base import messages as msg

    up_to_date = msg.BUILD_UP_TO_DATE.split("：")[0]
    _late(county)
    first = county.build()
    assert first.code == 0, first.text
    assert up_to_date not in first.text
    warnings = [line for line in first.text.splitlines() if msg.WARNING_LABEL in line]
    assert warnings, "the late notice gives a warning"
    before = _listing(county.site)

    second = county.build()
    assert second.code == 0, second.text
    assert up_to_date in second.text
    assert [line for line in second.text.splitlines() if msg.WARNING_LABEL in line] == warnings
    assert _listing(county.site) == before, "a build with nothing to do rewrote the site"
    county.write("build.log", second.text)  # `site-builder build > build.log` beside the input
    assert up_to_date in county.build().text
    strict = county.build("--strict")  # the same warnings still stop a strict build
    assert strict.code != 0 and msg.WARNING_LABEL in strict.text
    assert _listing(county.site) == before

    # anything the build reads or writes changed: built again, in full
    changes: list[tuple[str, Callable[[], object]]] = [
        ("a page of the site deleted", lambda: (county.site / "n/2025-0002/index.html").unlink()),
        ("a page of the site edited", lambda: _append(county, "site/n/2025-0002/index.html", " ")),
        ("a notice's text changed", lambda: county.edit(
            "content/notices/hexi/2025-0002.md", "---\n\n", "---\n\n（修订）")),
        ("an attachment changed", lambda: _attachment(county)),
        ("a theme template changed", lambda: _append(county, "overrides/main.html", "\n")),
        ("published-urls.txt changed", lambda: _append(county, "published-urls.txt", "# 注释\n")),
        ("an environment variable mkdocs.yml reads changed",
         lambda: (_append(county, "mkdocs.yml", "\nextra:\n  sb_test: !ENV [SB_TEST_VALUE, x]\n"),
                  county.build(), monkeypatch.setenv("SB_TEST_VALUE", "y"))),
    ]
    for name, change in changes:
        change()
        again = county.build()
        assert again.code == 0, again.text
        assert up_to_date not in again.text, f"{name}: the build was skipped"
        assert (county.site / "n/2025-0002/index.html").read_bytes().endswith(b"</html>"), name
        assert county.build().code == 0 and up_to_date in county.build().text, name
    county.edit("content/notices/hexi/2025-0002.md", "---", "---")  # saved again, same bytes
    assert up_to_date in county.build().text
    full = county.cli("build", "--full")
    assert full.code == 0 and up_to_date not in full.text


def test_the_inputs_digest_reads_no_pipe_and_follows_no_link_out_of_the_project(tmp_path: Path):
    """Hostile entries in content/ (a named pipe, a link to /, a broken and a looping link):
    the digest is made without opening or walking them, and still changes with a real file."""
    content = tmp_path / "content"
    (content / "notices").mkdir(parents=True)
    notice = content / "notices" / "a.md"
    notice.write_text("一", encoding="utf-8")
    os.mkfifo(content / "notices" / "管道.csv")
    (content / "根目录").symlink_to("/", target_is_directory=True)
    (content / "断开.pdf").symlink_to(content / "没有这个文件.pdf")
    (content / "循环").symlink_to(content / "循环")

    def digest() -> str:
        return uptodate.inputs_digest(tmp_path, [content], "", [])

    first = digest()
    assert first and first == digest()
    notice.write_text("二", encoding="utf-8")
    assert digest() != first


def test_the_inputs_digest_reads_only_changed_files_and_sees_every_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The digest of a build's inputs keeps each file's hash under its stamp (.cache/
    digests.pickle): an unchanged file is not read again; an edit is always seen, also one of
    the same size whose modification time was put back (its change time cannot be)."""
    monkeypatch.setattr(filestamp, "RACY_SECONDS", 0.0)  # files written just now
    content, cache = tmp_path / "content", tmp_path / ".cache"
    (content / "notices").mkdir(parents=True)
    files = [content / "notices" / f"{i}.md" for i in range(5)]
    for i, path in enumerate(files):
        path.write_text(f"正文{i}", encoding="utf-8")

    def digest() -> str:
        return uptodate.inputs_digest(tmp_path, [content], "", [], cache)

    first = digest()
    assert first == uptodate.inputs_digest(tmp_path, [content], "", [])  # the same value
    assert len(uptodate.Hashes(cache).old) == 5
    opened: list[str] = []
    real_open = Path.open

    def counting(self: Path, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting)
    assert digest() == first
    assert not [name for name in opened if name.endswith(".md")]
    monkeypatch.setattr(Path, "open", real_open)

    info = files[2].stat()
    files[2].write_text("正文9", encoding="utf-8")  # same size
    os.utime(files[2], ns=(info.st_atime_ns, info.st_mtime_ns))
    changed = digest()
    assert changed != first
    assert changed == uptodate.inputs_digest(tmp_path, [content], "", [])
    files[2].write_text("正文2", encoding="utf-8")
    assert digest() == first


def test_a_file_hashed_right_after_it_was_written_is_not_kept(tmp_path: Path):
    content, cache = tmp_path / "content", tmp_path / ".cache"
    content.mkdir()
    (content / "a.md").write_text("一", encoding="utf-8")
    uptodate.inputs_digest(tmp_path, [content], "", [], cache)
    assert uptodate.Hashes(cache).old == {}


# -- the preview's quick path (pipeline.quick_update) -----------------------------------------------
QUICK = "content/notices/hexi/2025-000{}.md"
_FIELDS = ("title", "kind", "before", "after", "html", "toc", "meta")


def _pages(output) -> dict[str, tuple]:
    return {p.path: tuple(getattr(p, f) for f in _FIELDS) for p in output.pages}


@pytest.mark.parametrize(("number", "old", "new"), [
    (3, "年满80周岁", "年满八十周岁"),  # a body
    (3, "标题: 河西镇老年人补贴申领指南", "标题: 河西镇老年人补贴申领指南（修订）"),  # a title
    (2, "发布日期: 2025-06-23", "发布日期: 2025-07-10"),  # a date that reorders the listings
])
def test_the_quick_path_makes_every_page_a_full_build_would_change(county: TestProject, number,
                                                                     old, new):
    """After a save it accepts, `quick_update` gives exactly the pages that differ from the last
    build (no more, no fewer), each as a full generation from nothing makes it."""
    from site_builder.pipeline import Project, build_model, generate_pages, quick_update

    project = Project.at(county.root)
    site, _ = build_model(project, cache=False)
    before = _pages(generate_pages(site))
    county.edit(QUICK.format(number), old, new)
    update = quick_update(project, site, generate_pages(site), [county.root / QUICK.format(number)])
    assert update is not None
    after = _pages(generate_pages(build_model(project, cache=False)[0]))
    changed = {path for path, page in after.items() if before.get(path) != page}
    assert changed and {p.path for p in update.pages} == changed
    assert {p.path: tuple(getattr(p, f) for f in _FIELDS) for p in update.pages} == \
        {path: after[path] for path in changed}
    assert _pages(update.output) == after


@pytest.mark.parametrize(("old", "new"), [
    ("事项: ylfw-zn", "事项: ylfw-jz"),  # listed elsewhere
    ("年满80周岁", "年满80周岁，见[附表](附表.csv)"),  # a link to a file
    ("年满80周岁", "年满80周岁，联系人身份证号 110101199003077731"),  # an error
])
def test_the_quick_path_leaves_other_saves_to_the_full_build(county: TestProject, old, new):
    from site_builder.pipeline import Project, build_model, generate_pages, quick_update

    project = Project.at(county.root)
    site, _ = build_model(project, cache=False)
    county.write("content/notices/hexi/附表.csv", "姓名,村\n张*,东村\n")
    county.edit(QUICK.format(3), old, new)
    assert quick_update(project, site, generate_pages(site), [county.root / QUICK.format(3)]) \
        is None
