"""Post-build work that needs only the model, started early in a second process.

The engine renders pages on one core; a job such as the search index needs only the model, so
it is computed meanwhile in a forked process into a work folder and moved into the output at
post-build. Where fork is unavailable (or unsafe: a process with threads, like mkdocs serve),
the job simply runs at post-build in this process.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path


def can_fork() -> bool:
    """fork is quick and shares memory, but only safe where no other thread runs (not in
    mkdocs serve, whose reload server is a thread), and only used on Linux."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


class Job:
    """`func(work_dir)` writes files under work_dir; `finish(out_dir)` moves them into out_dir."""

    def __init__(self, func: Callable[[Path], object], work_dir: Path, *, background: bool):
        self.func = func
        self.work_dir = work_dir
        shutil.rmtree(work_dir, ignore_errors=True)
        work_dir.mkdir(parents=True)
        self.process = None
        if background and can_fork():
            context = multiprocessing.get_context("fork")
            self.process = context.Process(target=func, args=(work_dir,), daemon=True)
            self.process.start()

    def finish(self, out_dir: Path) -> None:
        if self.process is not None:
            self.process.join()
            if self.process.exitcode != 0:  # do it again here, so that any error is raised
                shutil.rmtree(self.work_dir, ignore_errors=True)
                self.work_dir.mkdir(parents=True)
                self.func(self.work_dir)
        else:
            self.func(self.work_dir)
        for item in self.work_dir.iterdir():
            target = out_dir / item.name
            if target.is_dir() and item.is_dir():
                _merge(item, target)
            else:
                shutil.move(str(item), str(target))
        shutil.rmtree(self.work_dir, ignore_errors=True)

    def cancel(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join()
        shutil.rmtree(self.work_dir, ignore_errors=True)


def _merge(source: Path, target: Path) -> None:
    for item in source.iterdir():
        destination = target / item.name
        if destination.is_dir() and item.is_dir():
            _merge(item, destination)
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            shutil.move(str(item), str(destination))
