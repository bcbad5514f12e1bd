"""The notice check's results of the previous build, reused for files that did not change.

Reading, validating and screening one notice depends only on its own file, the files it attaches
or links (screened for personal data), the catalog, today's date and this code. Everything that
compares notices with each other (ids used twice, 解读 and the issue-14 links, links to withheld
notices, files of restricted notices, empty columns, strays) runs on every build over all
notices, cached or not.

An entry is kept per notice file: the `Notice` the check returned, the problems it added (its
warnings and notes are said again), the files it refers to, and what the check recorded for the
cross-file rules (its id and 解读 lines, its issue-14 link lines, attachments it could not scan).
An entry is used when the global key (catalog.yaml's text as read, today, the project folder,
the code and library versions) and the stamp of every file it depends on (or that it is
missing) are those it was stored with. Only clean results are kept: a
主动公开 notice the check accepted with no error. Everything else (errors, 依申请公开 and 不予公开
notices, which the restricted-file rules track) is checked again on every build.

Stamps and the racy rule (a file changed just before it was read is not kept) are
base/filestamp.py's. When in doubt the file is checked again: the cache is in
`.cache/checked.pickle` and deleting it (or `site-builder build --full`) checks everything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..base import codedigest, filestamp, vocab
from ..base.problems import ERROR, Problem, Problems
from ..model.site import Notice

FILE = "checked.pickle"
FORMAT = "1"  # change when what an entry holds changes
_LIBRARIES = ("pyyaml", "nh3", "openpyxl", "xlrd", "chinese-calendar", "markdown")

Stamp = filestamp.Stamp | None  # None: the file is missing
stamp = filestamp.stamp


def global_key(catalog_text: str, today: dt.date, root: Path, catalog_ok: bool) -> str:
    """What every entry depends on: catalog.yaml as read, the day, the folder, the code."""
    digest = hashlib.sha256(f"{FORMAT}:{codedigest.package_digest()}:".encode())
    digest.update(codedigest.versions(_LIBRARIES).encode())
    digest.update(f"{today.isoformat()}:{root}:{catalog_ok}\0".encode())
    digest.update(hashlib.sha256(catalog_text.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()


@dataclass
class Entry:
    """One notice file's check, as the cross-file rules and the report need it again."""

    deps: dict[str, Stamp]  # every file read: the notice, its attachments and linked files
    notice: Notice
    problems: list[Problem]
    references: set[str]  # strays.references of the document
    id_line: int  # the line of `id:`
    interprets_line: int | None  # the line of `解读:` (None: no 解读)
    interprets_all: list[tuple[Path, int, str, str | None]]
    link_lines: dict[tuple[Path, str], int]
    unchecked: list[str]


@dataclass
class Started:
    """What was known before a file was read: its stamp, and where the checker's lists ended."""

    path: Path
    own: Stamp
    problems: int
    interprets_all: int
    unchecked: int
    started: float = field(default_factory=time.time)


class Memo:
    """The kept entries (`load`), the entries of this build (`record`), written by `save`."""

    def __init__(self, folder: Path | None, key: str) -> None:
        """`folder` None: no cache (every file is checked, nothing is written)."""
        self.file = folder / FILE if folder is not None else None
        self.key = key
        kept = filestamp.read_pickle(self.file)
        self.old: dict[str, Entry] = kept[1] if isinstance(kept, tuple) and kept[0] == key \
            else {}
        self.new: dict[str, Entry] = {}
        self.hits = 0
        self.added = False  # entries of this build's own early checks (`add`): save them

    def missing(self, paths: list[Path]) -> list[Path]:
        """The files `replay` cannot take from the kept entries (changed, new, or not kept)."""
        out = []
        for path in paths:
            entry = self.old.get(str(path))
            if entry is None or any(stamp(dep) != kept for dep, kept in entry.deps.items()):
                out.append(path)
        return out

    def add(self, entries: dict[str, Entry]) -> None:
        """Entries recorded by checks of this build done ahead (pipeline's parallel check):
        `replay` uses them as kept ones, under the same conditions."""
        self.old.update(entries)
        self.added = self.added or bool(entries)

    # -- use ---------------------------------------------------------------------------------------
    def replay(self, path: Path, checker, problems: Problems) -> Entry | None:
        """The kept entry of `path` if nothing it depends on changed, its effects on `checker`
        and `problems` done again; None: check the file."""
        entry = self.old.get(str(path))
        if entry is None or entry.notice.id in checker.ids:  # a second use of an id: check it
            return None
        if any(stamp(dep) != kept for dep, kept in entry.deps.items()):
            return None
        checker.ids[entry.notice.id] = (path, entry.id_line)
        if entry.interprets_line is not None:
            checker.interprets_lines[entry.notice.id] = entry.interprets_line
        checker.interprets_all.extend(entry.interprets_all)
        checker.link_lines.update(entry.link_lines)
        checker.unchecked.extend(entry.unchecked)
        problems.extend(entry.problems)
        self.new[str(path)] = entry
        self.hits += 1
        return entry

    # -- record ------------------------------------------------------------------------------------
    def start(self, path: Path, checker, problems: Problems) -> Started:
        return Started(path, stamp(str(path)), len(problems.items), len(checker.interprets_all),
                       len(checker.unchecked))

    def record(self, started: Started, notice: Notice | None, references: set[str], checker,
               problems: Problems) -> None:
        """Keep what checking `started.path` gave, if it is a clean 主动公开 notice whose files
        are not too new to trust their stamps."""
        added = problems.items[started.problems:]
        if notice is None or notice.attribute != vocab.ATTR_ACTIVE or started.own is None or \
                any(p.severity == ERROR for p in added):
            return
        deps: dict[str, Stamp] = {str(started.path): started.own}
        for name in {*references, *(str(a.path) for a in notice.attachments),
                     *(str(p) for p in notice.assets)}:
            deps[name] = stamp(name)
        if any(filestamp.racy(s, started.started) for s in deps.values()):
            return
        path = started.path
        self.new[str(path)] = Entry(
            deps=deps, notice=notice, problems=list(added), references=set(references),
            id_line=checker.ids[notice.id][1],
            interprets_line=checker.interprets_lines.get(notice.id) if notice.interprets
            else None,
            interprets_all=checker.interprets_all[started.interprets_all:],
            link_lines={k: v for k, v in checker.link_lines.items() if k[0] == path},
            unchecked=checker.unchecked[started.unchecked:])

    def save(self) -> None:
        """Write this build's entries (the files checked now and those reused). A cache that
        cannot be written only means the next build checks everything."""
        if self.file is None or (not self.added and self.hits == len(self.new) and
                                 self.new.keys() == self.old.keys()):
            return  # every entry reused: the file holds them already
        filestamp.write_pickle(self.file, (self.key, self.new))


def stored(folder: Path) -> dict[str, Entry]:
    """The entries kept in `folder`, whatever their key (for tests and inspection)."""
    kept = filestamp.read_pickle(folder / FILE)
    return kept[1] if isinstance(kept, tuple) else {}
