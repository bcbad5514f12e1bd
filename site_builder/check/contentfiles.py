"""Every file under content/ that can reach the site: symbolic links, and content/assets/.

MkDocs walks content/ following symbolic links (os.walk(followlinks=True)) and copies
content/assets/ to the site as it is; attachments and files a body links to are copied too. So:

- A symbolic link anywhere in content/ that points outside it is an error (a link to /etc/passwd
  was published with its contents; a link to / would make MkDocs walk the whole disk), and so are
  a broken link and a loop (a link to itself or to a folder holding it: a traceback before).
  Links inside content/ are fine. Checked before anything else reads content/ (each real
  folder listed once, so the check ends whatever the links).
- content/assets/ gets the rules of attachments (screen.py): no file type that can carry a
  script (.html .svg .js …: `screen.active_type`), no personal data in a file or folder name (it is
  the file's address), no Markdown (MkDocs would make a page of it, unchecked); the content of
  every scannable file is scanned (screen.screen_shared), and none may be a file of a 依申请公开
  or 不予公开 notice (restricted.py). The files are listed as MkDocs copies them: through links
  to folders, hidden names (`.x`) left out.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

from ..base import messages as msg
from ..base.problems import Problems
from ..input.load import MARKDOWN_SUFFIXES
from . import privacy, screen


def check_links(content_dir: Path, problems: Problems) -> bool:
    """Report every symbolic link in content/ that is broken, points outside it, or makes a
    loop for a walk that follows links (as MkDocs' does): to itself, to a folder holding it, or
    round through other links (甲/去乙 → 乙, 乙/去甲 → 甲). A depth-first walk over the real
    folders, each listed once (so it ends whatever the links): a link to a folder the walk is
    inside closes a loop. True if there is no such link."""
    if not content_dir.is_dir():
        return True
    root = os.path.realpath(content_dir)
    reported = False
    done: set[str] = set()
    inside = {root}  # the real folders the walk is in
    stack: list[tuple[str, Iterator[os.DirEntry]]] = [(root, _entries(root))]
    while stack:
        folder, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            inside.discard(folder)
            done.add(folder)
            continue
        if entry.is_symlink():  # entry.path is where the link is: `folder` is a real folder
            rel = os.path.relpath(entry.path, root)  # shown under content/, even if that is a link
            problem = _link_problem(entry.path, (Path(content_dir.name) / rel).as_posix(), root,
                                    inside)
            if problem:
                problems.add(content_dir / rel, None, None, problem, msg.SYMLINK_HINT)
                reported = True
                continue
        if entry.is_dir():  # follows links, as MkDocs' walk does
            real = os.path.realpath(entry.path)
            if real not in done and real not in inside:
                inside.add(real)
                stack.append((real, _entries(real)))
    return not reported


def _entries(folder: str) -> Iterator[os.DirEntry]:
    try:
        return iter(sorted(os.scandir(folder), key=lambda e: e.name))
    except OSError:
        return iter(())


def _link_problem(path: str, name: str, root: str, inside: set[str]) -> str | None:
    """What is wrong with the link at `path` (`name`: content/…, as the clerk knows it), if
    anything; `inside`: the real folders the walk is in (a link to one of them is a loop)."""
    target = os.readlink(path)
    try:
        os.stat(path)  # follows the link: ELOOP for a loop, ENOENT when broken
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return msg.SYMLINK_LOOP.format(name=name)
        return msg.SYMLINK_BROKEN.format(name=name, target=target)
    real = os.path.realpath(path)
    if real != root and not real.startswith(os.path.join(root, "")):
        return msg.SYMLINK_OUTSIDE.format(name=name, target=target)
    if os.path.isdir(path) and real in inside:
        return msg.SYMLINK_LOOP.format(name=name)
    return None


def shared_files(folder: Path) -> list[Path]:
    """The files MkDocs copies from content/assets/: through links to folders (each real
    folder once, so a loop ends), hidden files and folders left out (MkDocs' default)."""
    out: list[Path] = []
    if not folder.is_dir():
        return out
    seen: set[str] = set()
    for current, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(current)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [Path(current, f) for f in sorted(files) if not f.startswith(".")]
    return out


def check_shared(folder: Path, files: list[Path], problems: Problems) -> list[Path]:
    """content/assets/ as attachments are checked: file types that carry scripts, Markdown,
    personal data in names. Returns the files left for the content scan."""
    scan: list[Path] = []
    for path in files:
        name = path.relative_to(folder).as_posix()
        kind = screen.active_type(name)
        bad = False
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            problems.add(path, None, None, msg.SHARED_MARKDOWN.format(name=name),
                         msg.SHARED_MARKDOWN_HINT)
            bad = True
        elif kind:
            problems.add(path, None, None, msg.SHARED_ACTIVE.format(name=name, kind=kind),
                         msg.ACTIVE_FILE_HINT)
            bad = True
        for f in privacy.scan(name):
            problems.add(path, None, None, msg.SHARED_PII_IN_NAME.format(
                name=privacy.mask(name, [f], privacy.DEFAULT_PATTERNS),
                kind=screen.KIND_NAMES[f.kind], shown=privacy.shown(f)),
                msg.SHARED_PII_IN_NAME_HINT)
        if not bad:
            scan.append(path)
    return scan
