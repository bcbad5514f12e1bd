"""Pages the theme rendered in an earlier build, reused when nothing they depend on changed.

The theme (MkDocs + Material + overrides/) turns a generated page into its final HTML; at 10,000
notices that is most of a build. A page's final HTML depends only on

- the page itself: its path, title, kind, metadata, body HTML (with everything around it: the
  attachments list, the QR block, the related notices), headings and content date;
- what every page shares: the navigation (Material draws it into every page), the site settings
  that reach the templates, mkdocs.yml, the theme overrides, the versions of MkDocs and Material
  and this package's own code (`fingerprint`).

A page's key is the SHA-256 of all of these; `.cache/pages/<key>.html` is the page as the theme
wrote it. A key that is found is the same input, so the same output: the file is linked into the
new site instead of being rendered. Pages in the navigation (listings, the home page; about one
in ten) too: what they show of the others (previous/next, open sections) is the navigation, in
the shared fingerprint.
Entries are hard links to the published files (no extra disk) and are only added after a build
that succeeded; entries no longer used are removed after each build. Hard links are safe because
`build` writes into a new, empty staging folder; `mkdocs serve` writes again and again into the
same folder (a file rewritten there would change the cache entry linked to it), so it copies.
Deleting `.cache/` or `site-builder build --full` renders every page again.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import threading
from collections.abc import Iterable
from pathlib import Path

from ..base import codedigest

FOLDER = "pages"
VERSION = "3"  # change when what a key covers changes


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def folder_digest(folder: Path | None) -> str:
    """The names and bytes of every file under `folder` (theme overrides)."""
    digest = hashlib.sha256()
    if folder is None or not folder.is_dir():
        return "none"
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """This package's own code and templates, and the versions of the engine and theme."""
    digest = hashlib.sha256(VERSION.encode())
    digest.update(codedigest.package_digest().encode())
    digest.update(codedigest.versions(("mkdocs", "mkdocs-material", "jinja2", "markupsafe"))
                  .encode())
    return digest.hexdigest()


def fingerprint(shared: Iterable[object], config_file: Path, overrides: Path | None) -> str:
    """What every page depends on: `shared` (navigation, site settings as the templates get
    them), the bytes of mkdocs.yml, the theme overrides and the code."""
    digest = hashlib.sha256(code_digest().encode())
    digest.update(_json(list(shared)).encode("utf-8"))
    digest.update(config_file.read_bytes() if config_file.is_file() else b"")
    digest.update(folder_digest(overrides).encode())
    return digest.hexdigest()


def page_key(shared: str, page: Iterable[object]) -> str:
    """The key of one page: the shared fingerprint and everything the page itself gives the
    theme (texts hashed as they are, each with its length; other values as JSON)."""
    digest = hashlib.sha256(shared.encode())
    for part in page:
        data = b"\0" + part.encode("utf-8", "surrogatepass") if isinstance(part, str) else \
            b"\1" + _json(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


INDEX = "index.json"  # key → [size, modification time] of the entry as stored


def file_stamp(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class PageCache:
    """The entries are hard links to the files of the published site. Someone editing a page
    of `site/` in place (a hot fix on the server copy, an editor following the link) therefore
    edits the entry too: every entry is checked against the size and modification time it had
    when it was stored (a write changes the time; linking does not), and one that differs is
    not used (the page is rendered again)."""

    def __init__(self, cache_dir: Path, *, link: bool):
        self.folder = cache_dir / FOLDER
        self.link = link  # hard links (only into and from folders nothing rewrites)
        self.index: dict[str, list[int]] = self._read_index()

    def _read_index(self) -> dict[str, list[int]]:
        try:
            data = json.loads((self.folder / INDEX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def entry(self, key: str) -> Path:
        return self.folder / f"{key}.html"

    def find(self, key: str) -> Path | None:
        expected = self.index.get(key)
        path = self.entry(key)
        if expected is None or file_stamp(path) != expected:
            return None
        return path

    def store(self, key: str, built: Path) -> None:
        """Keep `built` (a page of a build that succeeded) as the entry for `key`."""
        target = self.entry(key)
        if not built.is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        self.put(built, temporary)
        os.replace(temporary, target)
        stamp = file_stamp(target)
        if stamp is not None:
            self.index[key] = stamp

    def put(self, source: Path, target: Path) -> None:
        if self.link:
            link_or_copy(source, target)
        else:
            shutil.copyfile(source, target)

    def prune(self, used: set[str]) -> None:
        """Remove the entries this build did not use (pages changed or gone), and record the
        digests of the others."""
        if not self.folder.is_dir():
            return
        self.index = {key: stamp for key, stamp in self.index.items() if key in used}
        for entry in os.scandir(self.folder):
            if entry.name != INDEX and entry.name.removesuffix(".html") not in self.index:
                Path(entry.path).unlink(missing_ok=True)
        temporary = self.folder / f"{INDEX}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(self.index, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.folder / INDEX)

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.index = {}


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link (instant, no extra disk), or a copy across file systems."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class Placing:
    """Puts reused pages (cache entry, destination under `out_dir`) into the output in a thread,
    while the engine renders the others: 10,000 folders made and files linked are system calls,
    which run without Python's lock. `wait` before anything reads the output: an error (a full
    disk) is raised there. (Tried instead, at 10,000 notices: a forked process, which made the
    build copy every memory page it wrote meanwhile, and a small new process fed the list, no
    faster than the thread: the folders and links themselves, ≈ 1 s of the kernel's time here,
    are the cost.)"""

    def __init__(self, cache: PageCache | None, out_dir: Path,
                 pages: list[tuple[Path, str]]) -> None:
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None
        if cache is not None and pages:
            self.thread = threading.Thread(target=self._place, args=(cache, out_dir, pages),
                                           daemon=True)
            self.thread.start()

    def _place(self, cache: PageCache, out_dir: Path, pages: list[tuple[Path, str]]) -> None:
        try:
            place(cache, out_dir, pages)
        except BaseException as exc:  # given to the build in `wait`
            self.error = exc

    def wait(self, raise_error: bool = True) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        error, self.error = self.error, None
        if error is not None and raise_error:
            raise error


def place(cache: PageCache, out_dir: Path, pages: list[tuple[Path, str]]) -> None:
    """Put each cache entry at its destination under `out_dir`, making the folders."""
    made: set[str] = set()
    for cached, dest in pages:
        target = os.path.join(out_dir, dest)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        cache.put(cached, Path(target))
