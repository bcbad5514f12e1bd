"""Issue 15: the notice check's results are kept between builds (check/memo.py) and reused for
files that did not change. Whatever changed — a notice, a file it attaches or links, a file
deleted, an id used twice, catalog.yaml, the date, a same-size edit with its time put back — the
check with the kept results reports exactly what a check from nothing reports, and builds the
same notices.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest
from conftest import TestProject

from site_builder import pipeline
from site_builder.base import filestamp
from site_builder.check import ahead, memo
from site_builder.input import load
from site_builder.input.project import Project

TODAY = dt.date(2025, 7, 1)
ID_NUMBER = "110101199003077731"  # a valid (synthetic) resident ID number


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The notice and page files read (not reused) by each check; files are too new to be kept
    under the racy rule in a test that writes and checks within a second, so it is off here."""
    monkeypatch.setattr(filestamp, "RACY_SECONDS", 0.0)
    read: list[Path] = []
    original = load.read_document

    def reading(path: Path, problems):
        read.append(path)
        return original(path, problems)

    monkeypatch.setattr(load, "read_document", reading)
    return read


def check(project: TestProject, cache: bool, today: dt.date = TODAY):
    site, problems = pipeline.read_and_check(Project.at(project.root), today=today, cache=cache)
    return (sorted(site.notices, key=lambda n: n.id) if site else None), list(problems)


def same_as_from_nothing(project: TestProject, read: list[Path], today: dt.date = TODAY
                         ) -> tuple[list[Path], list]:
    """Check with the kept results, then from nothing: the same notices and problems. Returns
    the files the first check read and its problems."""
    read.clear()
    kept = check(project, True, today)
    reread = list(read)
    fresh = check(project, False, today)
    assert kept[1] == fresh[1]
    assert kept[0] == fresh[0]
    return reread, kept[1]


def errors(problems: list) -> list:
    return [p for p in problems if p.severity == "error"]


def messages(problems: list) -> str:
    return "\n".join(p.format() for p in problems)


def test_kept_results_give_the_check_from_nothing_after_every_kind_of_change(
        small: TestProject, counted: list[Path]):
    notices = sorted((small.root / "content" / "notices").rglob("*.md"))
    same_as_from_nothing(small, counted)  # the first: everything read, results kept
    reread, _ = same_as_from_nothing(small, counted)
    assert len([p for p in reread if p in notices]) < len(notices) - 3, reread  # reused

    # a notice's body
    small.edit("content/notices/county/2025-0001.md", "新增助餐点 3 个。",
               f"新增助餐点 3 个。联系人身份证 {ID_NUMBER}。")
    reread, problems = same_as_from_nothing(small, counted)
    assert small.root / "content/notices/county/2025-0001.md" in reread
    assert "身份证" in messages(problems)
    small.edit("content/notices/county/2025-0001.md", f"联系人身份证 {ID_NUMBER}。", "")

    # a file it attaches, the notice untouched
    roster = small.root / "content/notices/hexi/东村 公示名单.csv"
    before = roster.read_bytes()
    roster.write_text(roster.read_text(encoding="utf-8") + f"王五,东村,{ID_NUMBER}\n",
                      encoding="utf-8")
    reread, problems = same_as_from_nothing(small, counted)
    assert small.root / "content/notices/hexi/2025-0002.md" in reread
    assert "公示名单.csv" in messages(problems)
    roster.write_bytes(before)
    same_as_from_nothing(small, counted)

    # a file the body links to, deleted and put back
    picture = small.root / "content/notices/county/meal.png"
    image = picture.read_bytes()
    picture.unlink()
    _, problems = same_as_from_nothing(small, counted)
    assert "meal.png" in messages(errors(problems))
    picture.write_bytes(image)
    _, problems = same_as_from_nothing(small, counted)
    assert not errors(problems), messages(problems)

    # a new file using an id a kept notice has, sorted before it and after it
    source = (small.root / "content/notices/county/2025-0001.md").read_text(encoding="utf-8")
    for name in ("county/0000-dup.md", "shanyang/9999-dup.md"):
        small.write(f"content/notices/{name}", source)
        _, problems = same_as_from_nothing(small, counted)
        assert "2025-0001" in messages(errors(problems))
        (small.root / "content/notices" / name).unlink()
    _, problems = same_as_from_nothing(small, counted)
    assert not errors(problems), messages(problems)

    # catalog.yaml: every result is from another catalog
    small.edit("catalog.yaml", "测试县", "测验县")
    reread, _ = same_as_from_nothing(small, counted)
    assert set(notices) <= set(reread)

    # another day: 发布日期 in the future, time limits counted to another day
    reread, _ = same_as_from_nothing(small, counted, dt.date(2025, 4, 5))
    assert set(notices) <= set(reread)


def test_an_edit_of_the_same_size_with_its_time_put_back_is_seen(small: TestProject,
                                                                   counted: list[Path]):
    """`touch -r`, `cp -p`, a sync tool: the size and modification time can come back; the
    change time cannot be set, so the edit is still seen."""
    path = small.root / "content/notices/county/2025-0001.md"
    same_as_from_nothing(small, counted)
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("新增助餐点 3 个", "新增助餐点 4 个"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    reread, _ = same_as_from_nothing(small, counted)
    assert path in reread
    site, _ = pipeline.read_and_check(Project.at(small.root), today=TODAY)
    assert site is not None and "新增助餐点 4 个" in site.notice_by_id["2025-0001"].body


def test_a_file_changed_just_before_the_check_is_not_kept(small: TestProject):
    """The racy rule: a file modified within RACY_SECONDS of being read is checked again next
    time, since a second change in the same clock tick could leave its stamp as it was."""
    time.sleep(filestamp.RACY_SECONDS + 0.2)  # the copied fixture is older than that now
    path = small.root / "content/notices/county/2025-0001.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")
    pipeline.read_and_check(Project.at(small.root), today=TODAY)
    kept = memo.stored(small.root / ".cache")
    assert str(path) not in kept
    assert kept, "older files are kept"


def test_no_cache_is_written_or_read_without_cache(small: TestProject):
    pipeline.read_and_check(Project.at(small.root), today=TODAY, cache=False)
    assert not (small.root / ".cache" / memo.FILE).exists()


def test_files_checked_ahead_on_two_cores_give_the_check_of_one(small: TestProject,
                                                                counted: list[Path],
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                fork_allowed: None):
    """A first check splits the files between this process and a forked one (check/ahead.py);
    what it reports, in its order, and the notices it builds are those of a check from nothing
    in one process: with an id used twice (in each half), a personal number and a broken
    link among them."""
    monkeypatch.setattr(ahead, "MIN_FILES", 1)
    clean = (small.root / "content/notices/county/2024-0002.md").read_text(encoding="utf-8")
    for number in range(10):  # clean notices, in both halves
        for folder in ("county", "shanyang"):
            small.write(f"content/notices/{folder}/x-{number}.md",
                        clean.replace("id: 2024-0002", f"id: 2024-{folder}-{number}"))
    notices = sorted((small.root / "content" / "notices").rglob("*.md"))
    source = (small.root / "content/notices/county/2025-0001.md").read_text(encoding="utf-8")
    small.write("content/notices/county/0000-dup.md", source)
    small.write("content/notices/shanyang/9999-dup.md", source)
    small.edit("content/notices/hexi/2025-0003.md", "年满80周岁", f"年满80周岁，{ID_NUMBER}")
    (small.root / "content/notices/county/meal.png").unlink()
    reread, problems = same_as_from_nothing(small, counted)
    assert "2025-0001" in messages(errors(problems)) and "meal.png" in messages(problems)
    assert "身份证" in messages(problems)
    parent_read = [p for p in reread if p in notices]
    assert 0 < len(parent_read) < len(notices) - 8, "the other process checked about half"
    assert memo.stored(small.root / ".cache"), "the results checked ahead are kept"
