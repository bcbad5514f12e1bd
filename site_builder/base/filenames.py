"""Names of published files: the names the build writes into a page folder, and the characters
a link to a file must escape.

A notice's attachments and the files its body links to are copied into the notice's folder
(`n/<id>/`), and a column page's into `xxgk/<id>/`. The build writes three files of its own into
every page folder: the page (`index.html`) and its QR code (`qr.png`, `qr.svg`). A file of the
user's with one of those names would overwrite them or be overwritten, and every page's link to
the QR code breaks — so it is an error at check time, compared without case (a site copied to a
Windows server or a USB stick cannot hold both `QR.png` and `qr.png`).

In a URL `#` starts a fragment, `?` a query and `%` an escape, so a file named `3#楼.pdf` is
published under that name and linked as `3%23楼.pdf`. Attachments are linked by the build
(`href`), which escapes every such character; a link written in a body is the writer's text, and
one that names a file with `#`, `?` or `%` without escaping them is an error with the escaped
form to write.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from . import urls

PAGE_FILE = "index.html"  # urls.src_uri(path) = <path>index.md, written as <path>index.html
RESERVED = (PAGE_FILE, urls.qr_code("", "png"), urls.qr_code("", "svg"))
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def reserved(relative: str) -> str | None:
    """The generated file (index.html, qr.png, qr.svg) that a file published at `relative`
    (relative to its page's folder, as written) would collide with, else None."""
    name = posixpath.normpath(relative.replace("\\", "/")).lower()
    return next((r for r in RESERVED if name == r), None)


def suggest(relative: str) -> str:
    """A name to rename a file with a reserved name to: qr.png → qr-附件.png."""
    folder, _, name = posixpath.normpath(relative.replace("\\", "/")).rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    renamed = f"{stem}-附件.{suffix}" if dot else f"{name}-附件"
    return f"{folder}/{renamed}" if folder else renamed


def href(relative: str) -> str:
    """The link from a page to a file in its folder: every character a URL would read as syntax
    (`#`, `?`, `%`, `:`, spaces, `&` …) escaped; Chinese characters too, as browsers send them."""
    return quote(relative, safe="/")


@dataclass(frozen=True)
class Unescaped:
    """A link written in a body to a file whose name needs escaping, and was not escaped."""

    written: str  # the link target as written
    target: str  # what the link really points to (decoded, without #… or ?…)
    name: str  # the file it was meant to name
    char: str  # the first character that should have been escaped
    escaped: str  # the link to write instead


def unescaped(written: str, folder: Path) -> Unescaped | None:
    """`written` (a body link target on the page in `folder`) names an existing file only if
    read as plain text — `3#楼.pdf`, `a?b.csv`, `x%41.csv` — or has a `%` that starts no escape
    (`增长5%.xlsx`, which browsers and servers reject)."""
    parts = urlsplit(written)
    if parts.scheme or parts.netloc or written.startswith(("#", "/", "?")):
        return None
    target = unquote(parts.path)
    exists = bool(target) and (folder / target).is_file()
    char = next((c for c in written if c in "#?%"), None)
    if char is None:
        return None
    if not exists:
        for name in dict.fromkeys((unquote(written), written)):
            if name != target and (folder / name).is_file():
                return Unescaped(written, target, name, char, href(name))
        return None
    if _BAD_ESCAPE.search(parts.path):
        return Unescaped(written, target, target, "%", href(target))
    return None
