"""Never lose a good site: build into a staging folder, replace `site/` only when all passed.

The staging folder sits beside the site folder (same file system, so the swap is two renames).
A failed or interrupted build leaves `site/` exactly as it was; its staging folder is removed at
the next build.

The previous site (tens of thousands of files at county scale: seconds of the kernel's time) is
moved into `.cache/trash/` and deleted by the *next* build, by an `rm -rf` it starts first and
waits for before it returns (`sweep`): the deletion runs on the second core while that build reads
and validates, and nothing keeps running after any build returns. Where the trash folder is on
another file system, the previous site is deleted before the build returns (`publish`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}-building"


def previous_dir(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}-previous"


def prepare(site_dir: Path) -> Path:
    """A fresh, empty staging folder for a build whose result goes to `site_dir`.

    Leftovers of an interrupted build are cleaned first. If a build was stopped between the two
    renames of `publish` (the old site moved aside, the new one not yet in place), the old site
    is put back rather than deleted."""
    staging = staging_dir(site_dir)
    previous = previous_dir(site_dir)
    if previous.exists() and not site_dir.exists():
        previous.rename(site_dir)
    _remove(staging)
    _remove(previous)
    for trash in site_dir.parent.glob(f".{site_dir.name}-trash-*"):
        _remove(trash)
    staging.mkdir(parents=True)
    return staging


class Deletion:
    """Deleting `paths` (the previous site, or what earlier builds left in the trash folder)
    while the build goes on: by `rm -rf` on POSIX (on the other core, without Python's lock),
    else by a thread. Call `wait()` before the build returns: nothing outlives it."""

    def __init__(self, paths: list[Path]):
        self.process: subprocess.Popen | None = None
        self.thread: threading.Thread | None = None
        if not paths:
            return
        rm = shutil.which("rm") if os.name == "posix" else None
        if rm:
            self.process = subprocess.Popen([rm, "-rf", "--", *map(str, paths)],
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
        else:
            self.thread = threading.Thread(target=lambda: [_remove(p) for p in paths],
                                           daemon=True)
            self.thread.start()

    def wait(self) -> None:
        if self.process is not None:
            self.process.wait()
            self.process = None
        if self.thread is not None:
            self.thread.join()
            self.thread = None


def sweep(trash: Path) -> Deletion:
    """Start deleting what earlier builds put in the trash folder (only what is there now: the
    site this build replaces is moved in later, for the next build)."""
    return Deletion(sorted(trash.iterdir()) if trash.is_dir() else [])


def publish(staging: Path, site_dir: Path, trash: Path | None = None) -> Deletion:
    """Replace `site_dir` with the finished `staging` folder. The previous site goes into
    `trash` (for the next build's `sweep`) or, where that cannot be, is deleted meanwhile
    (call `wait()` on the result before returning to the user)."""
    old = previous_dir(site_dir)
    _remove(old)
    if site_dir.exists():
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)  # put the previous good site back
        raise
    if not old.exists():
        return Deletion([])
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            old.rename(trash / f"{site_dir.name}-{os.getpid()}-{os.urandom(4).hex()}")
            return Deletion([])
        except OSError:  # another file system: delete it now
            pass
    doomed = site_dir.parent / f".{site_dir.name}-trash-{os.getpid()}"
    old.rename(doomed)  # an interrupted deletion is finished by the next build's `prepare`
    return Deletion([doomed])


def discard(staging: Path) -> None:
    _remove(staging)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)
