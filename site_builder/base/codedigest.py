"""A digest of this package's own code and templates, and of the versions of libraries.

Caches keyed by what a computation reads must also change when the code that computes changes:
an upgrade, a fix or a local edit of `site_builder/` makes every such key new.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

_CODE_SUFFIXES = (".py", ".html", ".css", ".js")


@functools.lru_cache(maxsize=1)
def package_digest() -> str:
    """The names and bytes of every code and template file of `site_builder/`."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in _CODE_SUFFIXES):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def versions(names: tuple[str, ...]) -> str:
    """`name=version;` for each installed distribution (`none` where it is missing)."""
    out = []
    for name in names:
        try:
            out.append(f"{name}={metadata.version(name)};")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=none;")
    return "".join(out)
