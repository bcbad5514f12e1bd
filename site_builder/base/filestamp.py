"""A file's stamp, and whether a cache may trust it later (the caches of check/memo.py and
output/uptodate.py, which reuse what they computed for a file whose stamp is unchanged).

The stamp is the size, the modification and change times and the inode: no tool sets the
change time back, so a same-size edit whose modification time was restored is still seen, and
a file replaced by a rename has another inode. A file changed within `RACY_SECONDS` of being
read is not to be kept: a second change within the resolution of the file system's clock could
leave its stamp as it was (git's "racy clean" rule).
"""

from __future__ import annotations

import gc
import os
import pickle
from pathlib import Path
from typing import BinaryIO

Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
RACY_SECONDS = 2.0


def of(info: os.stat_result) -> Stamp:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def stamp(path: str | Path) -> Stamp | None:
    """The file's stamp (a link: its target's), None when it cannot be read."""
    try:
        return of(os.stat(path))
    except OSError:
        return None


def racy(kept: Stamp | None, read_at: float) -> bool:
    """Changed so shortly before `read_at` (time.time()) that a later change could keep its
    stamp: what was computed from it must not be kept."""
    return kept is not None and max(kept[1], kept[2]) / 1e9 > read_at - RACY_SECONDS


def read_pickle(file: Path | None) -> object | None:
    """A cache written by `write_pickle`; None when missing, unreadable or from another version
    (the caller then computes everything)."""
    if file is None:
        return None
    try:
        with file.open("rb") as f:
            return unpickle(f)
    except Exception:
        return None


def unpickle(handle: BinaryIO) -> object:
    """`pickle.load` with the garbage collector paused: loading a cache makes hundreds of
    thousands of objects, and the collections their allocation sets off (none of which frees
    anything) took half the time (30 MB at 10,000 notices: 0.65 s → 0.37 s)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if paused:
            gc.enable()


def write_pickle(file: Path, value: object) -> None:
    """Write a cache atomically. One that cannot be written only means the next build computes
    everything: no half-written file is left."""
    temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, file)
    except OSError:
        temporary.unlink(missing_ok=True)
