"""One build at a time in a project: an advisory lock on .cache/build.lock.

Two builds at once share the staging folder (.site-building), the background work folder
(.cache/jobs) and the published-URL manifest, and each deletes what the other writes: both
failed with tracebacks or bogus link errors. So every build (`site-builder build`,
`mkdocs build`, each rebuild of `mkdocs serve`) holds an exclusive lock from the start of
validation until the site is published; a second one stops at once and says who holds the lock
(pid, command, start time, as the holder wrote them into the file). `site-builder print` reads
the built site to warn about pages the codes point to that are not there yet: it waits for a
running build to finish (shared lock), saying so, rather than read a folder being swapped.
`check` writes nothing but its cache (atomically) and takes no lock.

flock(2) locks belong to the open file: the kernel releases them when the process exits,
however it ends (crash, SIGKILL), so a stale lock file never blocks anyone; its text is only
information. Where fcntl is missing (Windows), no lock is taken.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import IO

from . import messages as msg

LOCK_FILE = "build.lock"  # in the project's cache folder (.cache/)

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux/macOS
    fcntl = None  # type: ignore[assignment]


class Busy(Exception):
    """Another process holds the lock; str() is the Chinese message."""


class Lock:
    """A held lock; `release()` (or exiting the process) frees it."""

    def __init__(self, handle: IO[str] | None):
        self.handle = handle

    def release(self) -> None:
        if self.handle is not None:
            self.handle.close()  # closing the file releases the flock
            self.handle = None

    def __enter__(self) -> Lock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_path(cache_dir: Path) -> Path:
    return cache_dir / LOCK_FILE


def acquire_build(cache_dir: Path, command: str) -> Lock:
    """The exclusive build lock, at once, or Busy saying who holds it."""
    handle = _open(cache_dir)
    if handle is None:
        return Lock(None)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(handle)
        handle.close()
        raise Busy(msg.LOCK_BUSY.format(holder=holder, file=_shown(cache_dir))) from None
    handle.seek(0)
    handle.truncate()
    started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
    handle.write(f"{os.getpid()}\n{command}\n{started}\n")
    handle.flush()
    return Lock(handle)


def acquire_reader(cache_dir: Path, timeout: float = 600.0, poll: float = 0.2) -> Lock:
    """A shared lock (readers of the built site), waiting up to `timeout` seconds for a running
    build to finish; says once on stderr that it waits. Busy when the build takes longer."""
    handle = _open(cache_dir)
    if handle is None:
        return Lock(None)
    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return Lock(handle)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = _holder(handle)
                handle.close()
                raise Busy(msg.LOCK_WAIT_GAVE_UP.format(
                    holder=holder, seconds=int(timeout), file=_shown(cache_dir))) from None
            if not told:
                print(msg.LOCK_WAITING.format(holder=_holder(handle)), file=sys.stderr)
                told = True
            time.sleep(poll)


def _open(cache_dir: Path) -> IO[str] | None:
    if fcntl is None:  # pragma: no cover
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    # "a+" creates the file without truncating what the holder wrote into it
    return open(lock_path(cache_dir), "a+", encoding="utf-8")


def _holder(handle: IO[str]) -> str:
    """Who holds the lock, from what it wrote: 「site-builder build（进程 123，…开始）」."""
    try:
        handle.seek(0)
        pid, command, started = [*handle.read(400).split("\n"), "", "", ""][:3]
    except (OSError, UnicodeDecodeError):
        pid = command = started = ""
    if not pid.strip().isdigit():
        return msg.LOCK_HOLDER_UNKNOWN
    return msg.LOCK_HOLDER.format(command=command or "?", pid=pid.strip(),
                                  started=started or "?")


def _shown(cache_dir: Path) -> str:
    return f"{cache_dir.name}/{LOCK_FILE}"
