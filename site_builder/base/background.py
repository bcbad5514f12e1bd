"""Post-build work that needs only the model, started early in a second process.

The engine renders pages on one core; a job such as the search index needs only the model, so
it is computed meanwhile in a forked process into a work folder and moved into the output at
post-build. Where fork is unavailable (or unsafe: a process with threads, like mkdocs serve),
the job simply runs at post-build in this process.

All the jobs of a build run one after the other in ONE forked process (`start`), in the order
given (the order post-build needs them): a second worker would only compete for the same cores
with the engine, and each worker's pages of the shared model diverge from the build's as it
reads it (copy-on-write), so every worker costs memory. Before forking, the collector's objects
are frozen (`frozen`): neither the worker's nor the build's garbage collection then writes into
the model's objects, which would copy their pages into both processes.
"""

from __future__ import annotations

import gc
import multiprocessing
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_frozen = 0  # how many users want the collector's objects frozen (see `frozen`)


def can_fork() -> bool:
    """fork is quick and shares memory, but only safe where no other thread runs (not in
    mkdocs serve, whose reload server is a thread), and only used on Linux."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def freeze() -> None:
    """Move every object the collector tracks out of its reach (gc.freeze) until `unfreeze`:
    forked processes then share the pages of those objects with this one, instead of each
    collection writing into every object (and so copying every page) on either side."""
    global _frozen
    if _frozen == 0:
        gc.freeze()
    _frozen += 1


def unfreeze() -> None:
    global _frozen
    _frozen -= 1
    if _frozen == 0:
        gc.unfreeze()


@contextmanager
def frozen() -> Iterator[None]:
    """Freeze the collector's objects for the life of forked processes (a pool)."""
    freeze()
    try:
        yield
    finally:
        unfreeze()


class Job:
    """`func(work_dir)` writes files under work_dir; `finish(out_dir)` moves them into out_dir."""

    def __init__(self, func: Callable[[Path], object], work_dir: Path):
        self.func = func
        self.work_dir = work_dir
        shutil.rmtree(work_dir, ignore_errors=True)
        work_dir.mkdir(parents=True)
        self.worker: _Worker | None = None
        self.index = 0

    def finish(self, out_dir: Path) -> None:
        if self.worker is None or not self.worker.wait(self):  # failed: again, to raise it
            shutil.rmtree(self.work_dir, ignore_errors=True)
            self.work_dir.mkdir(parents=True)
            self.func(self.work_dir)
        for item in self.work_dir.iterdir():
            target = out_dir / item.name
            if target.is_dir() and item.is_dir():
                _merge(item, target)
            else:
                shutil.move(str(item), str(target))
        shutil.rmtree(self.work_dir, ignore_errors=True)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        shutil.rmtree(self.work_dir, ignore_errors=True)


def start(jobs: list[Job]) -> None:
    """Run `jobs`, in this order, in one forked process, if fork can be used (else each runs
    in this process when it is finished)."""
    if jobs and can_fork():
        worker = _Worker(jobs)
        for index, job in enumerate(jobs):
            job.worker, job.index = worker, index


class _Worker:
    """One forked process running the jobs in order; it reports each job done on a pipe."""

    def __init__(self, jobs: list[Job]):
        context = multiprocessing.get_context("fork")
        self.reader, writer = context.Pipe(duplex=False)
        self.done: dict[int, bool] = {}  # job index → whether it succeeded
        self.waiting = len(jobs)
        freeze()
        self.process = context.Process(target=_run_all, args=(jobs, writer), daemon=True)
        self.process.start()
        writer.close()

    def wait(self, job: Job) -> bool:
        """Whether `job` finished in the worker (False: it failed, or the worker died)."""
        while job.index not in self.done:
            try:
                index, ok = self.reader.recv()
            except EOFError:
                break
            self.done[index] = ok
        self.waiting -= 1
        if self.waiting == 0:
            self.stop()
        return self.done.get(job.index, False)

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.is_alive() and self.waiting > 0:
            self.process.terminate()
        self.process.join()
        self.reader.close()
        self.process = None
        unfreeze()


def _run_all(jobs: list[Job], writer) -> None:
    for index, job in enumerate(jobs):
        try:
            job.func(job.work_dir)
        except Exception:  # done again in the build, which reports it
            writer.send((index, False))
        else:
            writer.send((index, True))
    writer.close()


def _merge(source: Path, target: Path) -> None:
    for item in source.iterdir():
        destination = target / item.name
        if destination.is_dir() and item.is_dir():
            _merge(item, destination)
        else:
            if destination.is_dir():
                shutil.rmtree(destination)
            shutil.move(str(item), str(destination))
