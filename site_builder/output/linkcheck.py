"""After every build: no broken internal link, anchor or attachment, nothing loaded from elsewhere.

A post-build step over the finished staging folder. For every HTML page it reads each `href`,
`src`, `srcset` and meta refresh; internal addresses must resolve to a file of the output (a
directory address to its index.html) and `#anchors` to an id on the target page. Scripts,
styles, images, fonts, media and frames must not come from another host (links `<a href>` to
other sites are fine). CSS files are read for `url(…)` and `@import` too (fonts).

The output is generated HTML, so attributes are read with regular expressions (fast: thousands
of pages in seconds). A link that is broken on many pages (a template link) is reported once,
with the number of pages. Problems name the page, the link and, for notices and column pages,
the source file and line.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from ..base import background, filestamp
from ..base import messages as msg
from ..base.background import frozen
from ..base.problems import Problem

_TAG = re.compile(
    r"<(a|area|link|script|img|source|iframe|frame|video|audio|embed|object|track|input|use|"
    r"image|meta)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""\s(href|src|srcset|poster|data|xlink:href|content|rel|http-equiv)\s*=\s*"""
                   r"""(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_URL_ATTRS = frozenset({"href", "src", "srcset", "poster", "data", "xlink:href", "content"})
_NAVIGATION = frozenset({"a", "area"})
_NOT_RESOURCES = frozenset({"canonical", "alternate", "next", "prev", "author", "license",
                            "search", "help", "bookmark"})
_ID = re.compile(r"""\s(?:id|name)\s*=\s*["']([^"']+)["']""")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
_REFRESH = re.compile(r"url\s*=\s*(.+)$", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_SKIP_SCHEMES = ("mailto:", "tel:", "data:", "about:", "blob:", "sms:")


@dataclass(frozen=True)
class Bad:
    page: str  # site path of the page (or CSS file)
    link: str  # as written
    kind: str  # "missing", "anchor", "external"


PARALLEL_FROM = 2000  # files: below this one process is quicker
ERROR_PAGES = frozenset({"404.html", "500.html"})  # the theme's (MkDocs: is_error_template)
_forked: _Checker | None = None  # the checker a forked worker inherits

CACHE = "links.pickle"
CACHE_VERSION = "3"
Dep = tuple[str, str]  # (target file's site path, fragment): what a link's verdict depends on
Stamp = tuple[int, int, int]  # inode, size, modification time of a checked file


@dataclass
class PageResult:
    stamp: Stamp
    bad: list[tuple[str, str]]  # (link, kind)
    own: frozenset[Dep]  # the targets of the page's own links
    up: str  # its depth ("../../"): the template links it shares with pages as deep


@dataclass
class Previous:
    """The last check, kept in .cache/: each page's result and what it depended on, and the
    verdict on every target then."""

    key: str  # the site's address and the preview's path
    pages: dict[str, PageResult]
    shared: dict[str, set[Dep]]  # depth → targets of the template links of pages that deep
    verdicts: dict[Dep, str | None]
    ids: dict[str, tuple[Stamp, frozenset[str]]] = field(default_factory=dict)  # of targets


def check(out_dir: Path, base_url: str, preview_path: str | None = None,
          cache_dir: Path | None = None) -> list[Bad]:
    """Every broken internal link and every resource from another host in `out_dir`.

    The 404 page's links are absolute (it is sent for a missing address at any depth): from the
    path of `base_url`, or from `preview_path` in the preview, which is not at the county's
    address (`mkdocs serve` at http://127.0.0.1:8000/).

    Large sites are checked by forked workers, each over a share of the files (pages are
    independent; each worker keeps its own cache of target pages' anchors).

    With `cache_dir`, the previous check is kept there. A page whose file is the very same
    (inode, size and time: pages reused from the page cache are hard links) is not read again
    when none of the targets its links depend on changed its verdict (a file gone or added, an
    anchor gone): its previous result stands."""
    global _forked
    checker = _Checker(out_dir, base_url, preview_path)
    files = sorted(f for f in checker.files if f.endswith((".html", ".css")))
    stamps = {rel: _stamp(out_dir / rel) for rel in files}
    key = f"{base_url}|{preview_path}"
    previous = _load(cache_dir, key) if cache_dir is not None else None
    checker.stamps = stamps
    if previous is not None:
        checker.known_ids = previous.ids
    kept = _unchanged(checker, previous, stamps) if previous is not None else {}
    todo = [rel for rel in files if rel not in kept]
    workers = os.cpu_count() or 1
    if len(todo) < PARALLEL_FROM or workers < 2 or not background.can_fork():
        results, shared = checker.run_pages(todo)
    else:
        _forked = checker
        try:
            with frozen(), multiprocessing.get_context("fork").Pool(workers) as pool:
                shares = pool.map(_check_share, [todo[i::workers] for i in range(workers)])
        finally:
            _forked = None
        results, shared = {}, {}
        for part, part_shared in shares:
            results.update(part)
            for up, deps in part_shared.items():
                shared.setdefault(up, set()).update(deps)
    pages = {**kept, **{rel: PageResult(stamps[rel], *found) for rel, found in results.items()}}
    if cache_dir is not None:
        if previous is not None:
            for up, deps in previous.shared.items():
                shared.setdefault(up, set()).update(deps)
        _save(cache_dir, checker, Previous(key, pages, shared, {}))
    return sorted((Bad(_page_path(rel) if rel.endswith(".html") else rel, link, kind)
                   for rel, result in pages.items() for link, kind in result.bad),
                  key=lambda b: (b.page, b.link))


def _check_share(files: list[str]) -> tuple[dict, dict]:
    assert _forked is not None
    return _forked.run_pages(files)


def _stamp(path: Path) -> Stamp:
    info = path.stat()
    return info.st_ino, info.st_size, info.st_mtime_ns


def _unchanged(checker: _Checker, previous: Previous, stamps: dict[str, Stamp]
               ) -> dict[str, PageResult]:
    """The previous results of the pages that are the same files and whose targets all keep
    their verdicts."""
    changed = {dep for dep, verdict in previous.verdicts.items()
               if checker.resolve(dep) != verdict}
    shaken = {up for up, deps in previous.shared.items() if not changed.isdisjoint(deps)}
    return {rel: result for rel, result in previous.pages.items()
            if stamps.get(rel) == result.stamp and result.up not in shaken
            and changed.isdisjoint(result.own)}


def _load(cache_dir: Path, key: str) -> Previous | None:
    try:
        with (cache_dir / CACHE).open("rb") as handle:
            version, previous = filestamp.unpickle(handle)
    except (OSError, ValueError, EOFError, TypeError, AttributeError, pickle.UnpicklingError):
        return None
    if version != CACHE_VERSION or not isinstance(previous, Previous) or \
            previous.key != key:
        return None
    return previous


def _save(cache_dir: Path, checker: _Checker, result: Previous) -> None:
    deps: set[Dep] = set()
    for shared in result.shared.values():
        deps.update(shared)
    for page in result.pages.values():
        deps.update(page.own)
    result.verdicts = {dep: checker.resolve(dep) for dep in deps}
    result.ids = {file: (checker.stamps[file], frozenset(ids))
                  for file, ids in checker.ids.items() if file in checker.stamps}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = cache_dir / f"{CACHE}.{os.getpid()}.tmp"
        with temporary.open("wb") as handle:
            pickle.dump((CACHE_VERSION, result), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache_dir / CACHE)
    except OSError:
        (cache_dir / CACHE).unlink(missing_ok=True)


class _Checker:
    def __init__(self, out_dir: Path, base_url: str, preview_path: str | None = None):
        self.out_dir = out_dir
        parts = urlsplit(base_url)
        self.host = parts.netloc.lower()
        self.site_path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.preview_path = preview_path
        self.base_path = self.site_path  # where absolute links start on the page being read
        self.files = _all_files(out_dir)
        self.ids: dict[str, set[str] | frozenset[str]] = {}
        self.current: tuple[str, str] = ("", "")
        self.seen: dict[tuple[str, str], str | None] = {}
        self.split: dict[str, SplitResult] = {}
        self.tags: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self.own: set[Dep] = set()  # targets of the current page's own links
        self.shared: dict[str, set[Dep]] = {}  # depth → targets of template links
        self.deps: set[Dep] = set()  # targets judged while reading one tag
        self.stamps: dict[str, Stamp] = {}  # of the pages of this build
        self.known_ids: dict[str, tuple[Stamp, frozenset[str]]] = {}  # read by the last check

    def run(self, files: list[str]) -> Iterator[Bad]:
        for rel in files:
            if rel.endswith(".html"):
                yield from self._page(rel)
            elif rel.endswith(".css"):
                yield from self._css(rel)

    def run_pages(self, files: list[str]
                  ) -> tuple[dict[str, tuple[list[tuple[str, str]], frozenset[Dep], str]],
                             dict[str, set[Dep]]]:
        """Each file's broken links, the targets of its own links and its depth; and, by
        depth, the targets of the template links (judged once per depth)."""
        results = {}
        for rel in files:
            self.own = set()
            bad = [(b.link, b.kind) for b in self.run([rel])]
            up = "../" * (posixpath.dirname(rel).count("/") + 1) if posixpath.dirname(rel) \
                else ""
            results[rel] = (bad, frozenset(self.own), up)
        return results, self.shared

    def resolve(self, dep: Dep) -> str | None:
        """The verdict on a target now (None: fine)."""
        if dep not in self.seen:
            self.seen[dep] = self._resolve(*dep)
        return self.seen[dep]

    def _page(self, rel: str) -> Iterator[Bad]:
        text = (self.out_dir / rel).read_text(encoding="utf-8", errors="replace")
        folder = posixpath.dirname(rel)
        up = "../" * (folder.count("/") + 1) if folder else ""
        self.current = (rel, text)  # anchors on this very page are looked up in memory
        self.base_path = self.site_path
        if self.preview_path is not None and rel in ERROR_PAGES:
            self.base_path = self.preview_path
        for m in _TAG.finditer(text):
            # The header, sidebar and footer repeat the same tags on every page of a depth:
            # a tag whose links resolve alike from any folder that deep is judged once.
            key = (up + self.base_path, m.group(0))
            found = self.tags.get(key)
            if found is None:
                self.deps = set()
                found, alike = self._tag(m, folder, up)
                if alike:
                    self.tags[key] = found
                    self.shared.setdefault(up, set()).update(self.deps)
                else:
                    self.own.update(self.deps)
            for url, problem in found:
                yield Bad(_page_path(rel), url, problem)
        for m in _CSS_URL.finditer(text) if "url(" in text or "@import" in text else ():
            url = m.group(1) or m.group(2)
            if self._external(url):
                yield Bad(_page_path(rel), url, "external")

    def _tag(self, m: re.Match[str], folder: str, up: str) -> tuple[list[tuple[str, str]], bool]:
        """The tag's broken links, and whether they resolve alike from every folder as deep."""
        tag = m.group(1).lower()
        attrs = {a.group(1).lower(): _value(a) for a in _ATTR.finditer(m.group(2))}
        resource = self._is_resource(tag, attrs)
        found: list[tuple[str, str]] = []
        alike = True
        for name, value in attrs.items():
            if name not in _URL_ATTRS or (name == "content" and tag != "meta"):
                continue
            for url in _urls(name, value, attrs):
                alike = alike and _from_root(url, up)
                problem = self._judge(folder, url, resource)
                if problem:
                    found.append((url, problem))
        return found, alike

    def _css(self, rel: str) -> Iterator[Bad]:
        text = (self.out_dir / rel).read_text(encoding="utf-8", errors="replace")
        folder = posixpath.dirname(rel)
        self.deps = self.own
        for m in _CSS_URL.finditer(text):
            url = m.group(1) or m.group(2)
            problem = self._judge(folder, url, True, anchors=False)
            if problem:
                yield Bad(rel, url, problem)

    @staticmethod
    def _is_resource(tag: str, attrs: dict[str, str]) -> bool:
        if tag in _NAVIGATION:
            return False
        if tag == "link":
            rels = set(attrs.get("rel", "").lower().split())
            return not rels or not rels <= _NOT_RESOURCES
        return tag != "meta"

    def _external(self, url: str) -> bool:
        parts = urlsplit(url.strip())
        return bool(parts.netloc) and parts.netloc.lower() != self.host

    def _judge(self, folder: str, url: str, resource: bool, anchors: bool = True) -> str | None:
        url = url.strip()
        if not url or url.lower().startswith(_SKIP_SCHEMES) or url.startswith("javascript:"):
            return None
        parts = self.split.get(url)
        if parts is None:
            parts = self.split[url] = urlsplit(url)
        if parts.netloc and parts.netloc.lower() != self.host:
            return "external" if resource else None
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        target = self._target(folder, parts)
        if target is None:
            return "missing"
        # Keyed by the target, not the page: the same template link on thousands of pages
        # is resolved once.
        key = (target, parts.fragment if anchors else "")
        self.deps.add(key)
        if key not in self.seen:
            self.seen[key] = self._resolve(target, parts.fragment if anchors else "")
        return self.seen[key]

    def _target(self, folder: str, parts) -> str | None:
        """The site path a link points to ("" for the home page), or None if outside."""
        path = unquote(parts.path)
        if parts.netloc or path.startswith("/"):
            if not path.startswith(self.base_path):
                return None
            return path[len(self.base_path) :]
        if not path:
            return folder + "/" if folder else ""
        target = posixpath.normpath(posixpath.join(folder, path))
        if target.startswith("../") or target == "..":
            return None
        return target + "/" if path.endswith("/") else target

    def _resolve(self, target: str, fragment: str) -> str | None:
        file = self._file(target)
        if file is None:
            return "missing"
        if fragment and file.endswith(".html") and unquote(fragment) not in self._ids(file):
            return "anchor"
        return None

    def _file(self, target: str) -> str | None:
        target = target.lstrip("./") if target.startswith("./") else target
        if target in ("", ".", "./"):
            return "index.html" if "index.html" in self.files else None
        if target.endswith("/"):
            candidate = target + "index.html"
            return candidate if candidate in self.files else None
        if target in self.files:
            return target
        candidate = target + "/index.html"
        return candidate if candidate in self.files else None

    def _ids(self, file: str) -> set[str] | frozenset[str]:
        if file not in self.ids:
            known = self.known_ids.get(file)
            if known is not None and known[0] == self.stamps.get(file):
                self.ids[file] = known[1]  # the same file as last time
                return known[1]
            rel, text = self.current
            if rel != file:
                text = (self.out_dir / file).read_text(encoding="utf-8", errors="replace")
            self.ids[file] = {m.group(1) for m in _ID.finditer(text)}
        return self.ids[file]


def _all_files(out_dir: Path) -> set[str]:
    """Site paths of every file under out_dir ("index.html", "n/2024-0001/qr.png", …)."""
    files: set[str] = set()
    top = str(out_dir)
    for folder, _, names in os.walk(top):
        prefix = folder[len(top) + 1 :].replace(os.sep, "/")
        prefix = prefix + "/" if prefix else ""
        files.update(prefix + name for name in names)
    return files


def _value(m: re.Match[str]) -> str:
    raw = next((g for g in m.groups()[1:] if g is not None), "")
    return raw.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", '"')


def _urls(name: str, value: str, attrs: dict[str, str]) -> list[str]:
    if name == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    if name == "content":
        if attrs.get("http-equiv", "").lower() != "refresh":
            return []
        m = _REFRESH.search(value)
        return [m.group(1).strip().strip("'\"")] if m else []
    return [value]


def _from_root(url: str, up: str) -> bool:
    """Whether `url` means the same from every folder that `up` ("../../") climbs out of: it
    climbs to the top before going down, or is absolute, or is not a link to a file."""
    url = url.strip()
    if not url:
        return True
    if url.startswith(("#", "?")):  # this very page
        return False
    if url.startswith("/") or _SCHEME.match(url):
        return True
    return url.startswith(up)


def _page_path(rel: str) -> str:
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


# -- reporting -----------------------------------------------------------------------------------
def report(bad: list[Bad], sources: dict[str, Path], root: Path) -> list[Problem]:
    """One problem per distinct broken link; pages of notices point at their source file."""
    groups: dict[tuple[str, str], list[Bad]] = {}
    for b in bad:
        key = (b.link, b.kind) if b.page not in sources else (b.page + "\0" + b.link, b.kind)
        groups.setdefault(key, []).append(b)
    out: list[Problem] = []
    for items in groups.values():
        first = items[0]
        message = {"missing": msg.LINK_BROKEN, "anchor": msg.LINK_ANCHOR_BROKEN,
                   "external": msg.LINK_EXTERNAL}[first.kind].format(
            page="/" + first.page, link=first.link)
        if len(items) > 1:
            message += msg.LINK_ON_MORE_PAGES.format(count=len(items) - 1)
        hint = msg.LINK_EXTERNAL_HINT if first.kind == "external" else msg.LINK_BROKEN_HINT
        source = sources.get(first.page)
        file, line = ("/" + first.page, None)
        if source is not None:
            file, line = _rel(source, root), _line_of(source, first.link)
        out.append(Problem(file, line, None, message, hint))
    return out


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _line_of(path: Path, link: str) -> int | None:
    needles = {link, unquote(link), unquote(link).split("#", 1)[0]}
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        if any(n and n in line for n in needles):
            return number
    return None
