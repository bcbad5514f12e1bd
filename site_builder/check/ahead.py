"""Checking many notice files at once on two cores (a first build, or the first after an
upgrade: 10,000 files took 15 s on one core).

The check of one notice file depends only on that file, the files it refers to, the catalog, the
day and the code (check/memo.py); the rules between files run afterwards over all of them. So the
files the kept results do not cover are split in two: a forked process checks one half while this
one checks the other, each with its own checker, and the results go into the memo as if a
previous build had kept them. The pipeline's loop then goes through every file in order as
always: it takes those results under the memo's usual conditions (an id already seen, a file
changed since, a result that is not a clean 主动公开 notice: checked there again), so the problems
and their order are those of a check done in one process.

Nothing is done ahead where fork is unsafe or unavailable (`background.can_fork`: mkdocs serve,
other systems) or when there are few files to check.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

from ..base import background, filestamp
from ..base.problems import Problems
from ..input import load
from ..model.site import Notice
from . import memo, strays

MIN_FILES = 400  # fewer files to check than this: not worth a process
Checker = Callable[[Problems], object]  # a fresh NoticeChecker reporting into the Problems


def check_file(path: Path, checker, problems: Problems, kept: memo.Memo
               ) -> tuple[Notice | None, set[str]]:
    """Read and check one notice file, recording the result in `kept`: (the notice, or None,
    and the files it refers to)."""
    started = kept.start(path, checker, problems)
    doc = load.read_document(path, problems)
    references = strays.references(doc) if doc else set()
    notice = checker.check(doc) if doc else None
    kept.record(started, notice, references, checker, problems)
    return notice, references


def check_ahead(kept: memo.Memo, paths: list[Path], new_checker: Checker, root: Path,
                work_dir: Path) -> None:
    """Check the files of `paths` that `kept` has no usable result for, half in a forked
    process, and add the results to `kept`."""
    todo = kept.missing(paths)
    if len(todo) < MIN_FILES or not background.can_fork():
        return
    middle = len(todo) // 2
    result = work_dir / f"ahead.{os.getpid()}.pickle"
    child = multiprocessing.get_context("fork").Process(
        target=_check_part, args=(todo[middle:], new_checker, root, kept.key, result),
        daemon=True)
    child.start()
    try:
        kept.add(_entries(todo[:middle], new_checker, root, kept.key))
    finally:
        child.join()
    entries = filestamp.read_pickle(result) if child.exitcode == 0 else None
    result.unlink(missing_ok=True)
    if isinstance(entries, dict):  # else the loop checks that half itself
        kept.add(entries)


def _entries(paths: list[Path], new_checker: Checker, root: Path, key: str
             ) -> dict[str, memo.Entry]:
    problems = Problems(root)
    checker = new_checker(problems)
    part = memo.Memo(None, key)
    for path in paths:
        check_file(path, checker, problems, part)
    return part.new


def _check_part(paths: list[Path], new_checker: Checker, root: Path, key: str,
                result: Path) -> None:
    filestamp.write_pickle(result, _entries(paths, new_checker, root, key))
