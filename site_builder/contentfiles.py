"""Every file under content/ that can reach the site: symbolic links, and content/assets/.

MkDocs walks content/ following symbolic links (os.walk(followlinks=True)) and copies
content/assets/ to the site as it is; attachments and files a body links to are copied too. So:

- A symbolic link anywhere in content/ that points outside it is an error (a link to /etc/passwd
  was published with its contents; a link to / would make MkDocs walk the whole disk), and so are
  a broken link and a loop (a link to itself or to a folder holding it: a traceback before).
  Links inside content/ are fine. Checked before anything else reads content/, without
  following links.
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
from pathlib import Path

from . import messages as msg
from . import privacy, screen
from .load import MARKDOWN_SUFFIXES
from .problems import Problems


def check_links(content_dir: Path, problems: Problems) -> bool:
    """Report every symbolic link in content/ that is broken, loops, or points outside it.
    True if there is none."""
    if not content_dir.is_dir():
        return True
    root = os.path.realpath(content_dir)
    ok = True
    for folder, dirs, files in os.walk(content_dir):  # links are listed, not followed
        for name in sorted(dirs + files):
            path = os.path.join(folder, name)
            if os.path.islink(path):
                problem = _link_problem(path, root)
                if problem:
                    problems.add(path, None, None, problem, msg.SYMLINK_HINT)
                    ok = False
    return ok


def _link_problem(path: str, root: str) -> str | None:
    name = os.path.relpath(path, os.path.dirname(root))  # content/…, as the clerk knows it
    target = os.readlink(path)
    try:
        os.stat(path)  # follows the link: ELOOP for a loop, ENOENT when broken
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return msg.SYMLINK_LOOP.format(name=name)
        return msg.SYMLINK_BROKEN.format(name=name, target=target)
    is_dir = os.path.isdir(path)
    real = os.path.realpath(path)
    if real != root and not real.startswith(os.path.join(root, "")):
        return msg.SYMLINK_OUTSIDE.format(name=name, target=target)
    parent = os.path.realpath(os.path.dirname(path))
    if is_dir and (parent == real or parent.startswith(os.path.join(real, ""))):
        return msg.SYMLINK_LOOP.format(name=name)  # a folder holding the link: endless walk
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
