"""Whether the published site is still what the inputs would build: then a build does nothing.

A build that succeeded records (in `.cache/last-build.json`)

- a digest of **everything the build reads**: the project folder's configuration and code files
  (`*.yml`, `*.yaml`, `*.py` at its top level: mkdocs.yml, catalog.yaml, an inherited
  configuration, hooks — not logs or other files kept beside them), every file under content/
  and the theme overrides (names and bytes), this package's code and the versions of the engine and
  theme (`pagecache.code_digest`), the values of the environment variables mkdocs.yml names
  (`!ENV`), today's date (time limits and the 征求意见 state depend on it) and the build's
  options (strict, output folder);
- a listing of the **published site** (every file's path, size and modification time), taken
  right after it was put in place;
- every **warning and note** the build printed.

The next `build` computes the same digest first. If it is unchanged and the site folder still
lists exactly the same files, the site is what a new build would write (a build is
reproducible: tests/test_reproducible.py, tests/test_incremental.py), so nothing is rebuilt: the
warnings are printed again (so `--strict` fails as before) and the site is left alone. Anything
else (a file edited, added, deleted or touched; a file in site/ changed or missing; another day;
another version) builds in full. `site-builder build --full` and `mkdocs serve` never skip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..base import filestamp
from . import pagecache, permalinks

STAMP = "last-build.json"
OWN_FILES = (permalinks.MANIFEST,)  # read by a build, then updated by it
# Files at the project folder's top level that a build may read (configuration, hooks); a log
# written there (`site-builder build > build.log`) must not make every build look changed.
TOP_LEVEL_SUFFIXES = {".yml", ".yaml", ".py"}
VERSION = 1
SKIPPED_DIRS = {".cache", ".git", "__pycache__", "node_modules"}
_ENV_TAG = re.compile(r"!ENV\s*\[?\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)")


@dataclass
class Stamp:
    inputs: str  # before the build, without the files the build itself writes (`OWN_FILES`)
    own: str  # `OWN_FILES` as the build left them
    site: str
    messages: list[tuple[str, int, str]] = field(default_factory=list)  # logger, level, text


class Hashes:
    """SHA-256 of files by path, reused while a file's stamp is unchanged (base/filestamp.py,
    with its racy rule): a build with one notice edited reads one file, not 10,000. Kept in
    `.cache/digests.pickle`."""

    FILE = "digests.pickle"

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.file = cache_dir / self.FILE if cache_dir is not None else None
        kept = filestamp.read_pickle(self.file)
        self.old: dict[str, tuple[filestamp.Stamp, bytes]] = kept if isinstance(kept, dict) \
            else {}
        self.new: dict[str, tuple[filestamp.Stamp, bytes]] = {}
        self.started = time.time()

    def digest(self, path: Path, info: os.stat_result) -> bytes:
        key, stamp = str(path), filestamp.of(info)
        kept = self.old.get(key)
        if kept is not None and kept[0] == stamp:
            self.new[key] = kept
            return kept[1]
        with path.open("rb") as handle:
            value = hashlib.file_digest(handle, "sha256").digest()
        if not filestamp.racy(stamp, self.started):
            self.new[key] = (stamp, value)
        return value

    def save(self) -> None:
        if self.file is not None and self.new != self.old:
            filestamp.write_pickle(self.file, self.new)


def _file_digest(path: Path, digest: hashlib._Hash, name: str,
                 hashes: Hashes | None = None) -> None:
    """The name and bytes of a regular file (a link to one: its target's). Anything else (a
    folder, a pipe, a device: never opened) and an unreadable file count by their kind only;
    the build itself reports them."""
    digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            digest.update(f"kind:{stat.S_IFMT(info.st_mode)}".encode())
            return
        if hashes is not None:
            digest.update(hashes.digest(path, info))
            return
        with path.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    except OSError as exc:  # unreadable or a broken link: never equal to a readable file
        digest.update(f"unreadable:{exc.errno}".encode())


def _tree(folder: Path, digest: hashlib._Hash, prefix: str, hashes: Hashes | None = None
          ) -> None:
    """Names and bytes of every file under `folder`. Links are not followed out of it: a linked
    file is read (its bytes count), a linked folder counts by where it points. Every file a
    build publishes is inside content/ (a link leading out of it is an error of the build, which
    then leaves no stamp), so what a linked folder holds is digested where it really is."""
    if not folder.is_dir():
        digest.update(f"{prefix}:none\0".encode())
        return
    for path in sorted(_walk(folder)):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            digest.update(f"link:{rel}:{os.readlink(path)}\0".encode("utf-8", "surrogateescape"))
            if path.is_dir():
                continue
        _file_digest(path, digest, f"{prefix}/{rel}", hashes)


def _walk(folder: Path) -> Iterable[Path]:
    """Every entry under `folder` but folders (linked folders included, not entered)."""
    for base, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        here = Path(base)
        for name in files:
            yield here / name
        for name in dirs:
            if (here / name).is_symlink():
                yield here / name


def inputs_digest(root: Path, folders: Iterable[Path], config_text: str,
                  options: Iterable[object], cache_dir: Path | None = None) -> str:
    """The digest of everything a build of the project at `root` reads (see the module
    docstring), except `OWN_FILES`; `folders` are content/ and the theme overrides. "" where
    that cannot be known (a folder that cannot be listed): then the build is not skipped.
    `cache_dir`: where the files' hashes are kept between builds (`Hashes`)."""
    hashes = Hashes(cache_dir)
    try:
        value = _inputs_digest(root, folders, config_text, options, hashes)
    except OSError:
        return ""
    hashes.save()
    return value


def _inputs_digest(root: Path, folders: Iterable[Path], config_text: str,
                   options: Iterable[object], hashes: Hashes) -> str:
    digest = hashlib.sha256(f"{VERSION}:{pagecache.code_digest()}\0".encode())
    for path in sorted(p for p in root.iterdir() if p.suffix.lower() in TOP_LEVEL_SUFFIXES
                       and p.is_file() and p.name not in OWN_FILES):
        _file_digest(path, digest, f"top/{path.name}", hashes)
    for index, folder in enumerate(folders):
        _tree(folder, digest, f"folder{index}", hashes)
    names = sorted(set(_ENV_TAG.findall(config_text)))
    env = {name: os.environ.get(name) for name in names}
    digest.update(json.dumps([env, dt.date.today().isoformat(), [str(o) for o in options]],
                             ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def input_stamps(root: Path, folders: Iterable[Path]) -> dict[str, filestamp.Stamp]:
    """The stamp of every file a build reads (`inputs_digest`'s files, by path; nothing is
    read): what `mkdocs serve` compares after a save to know which files changed."""
    paths: list[Path] = [p for p in root.iterdir() if p.suffix.lower() in TOP_LEVEL_SUFFIXES]
    for folder in folders:
        if folder.is_dir():
            paths.extend(_walk(folder))
    found = {str(path): filestamp.stamp(path) for path in paths}
    return {path: kept for path, kept in found.items() if kept is not None}


def own_files_digest(root: Path) -> str:
    """The files a build reads and then updates (the list of published addresses): compared as
    the last build left them."""
    digest = hashlib.sha256()
    for name in OWN_FILES:
        _file_digest(root / name, digest, name)
    return digest.hexdigest()


def site_listing(site_dir: Path) -> str:
    """Every file of the published site: path, size, modification time (no contents: a site
    holds tens of thousands of files; any write changes the time)."""
    digest = hashlib.sha256()
    count = 0
    top = os.path.normpath(site_dir)
    skip = len(os.path.join(top, ""))  # a path under `top` less "top/": its relative path
    for base, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            info = os.lstat(path)
            rel = path[skip:]
            digest.update(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_mode}\n"
                          .encode("utf-8", "surrogateescape"))
            count += 1
    return f"{count}:{digest.hexdigest()}"


def load(cache_dir: Path) -> Stamp | None:
    try:
        data = json.loads((cache_dir / STAMP).read_text(encoding="utf-8"))
        return Stamp(data["inputs"], data["own"], data["site"],
                     [(str(a), int(b), str(c)) for a, b, c in data["messages"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(cache_dir: Path, stamp: Stamp) -> None:
    """Record a build that succeeded (written last, atomically: a half-written stamp is never
    read as a valid one)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    temporary = cache_dir / f"{STAMP}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps({"inputs": stamp.inputs, "own": stamp.own, "site": stamp.site,
                                     "messages": stamp.messages}, ensure_ascii=False),
                         encoding="utf-8")
    os.replace(temporary, cache_dir / STAMP)


def unchanged(root: Path, cache_dir: Path, inputs: str, site_dir: Path) -> Stamp | None:
    """The previous build's stamp if the inputs and the published site are unchanged."""
    stamp = load(cache_dir)
    if not inputs or stamp is None or stamp.inputs != inputs or not site_dir.is_dir():
        return None
    if stamp.own != own_files_digest(root):
        return None
    return stamp if site_listing(site_dir) == stamp.site else None
