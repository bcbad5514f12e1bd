"""Where a county's input lives: the project folder, its catalog.yaml and content/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CACHE_DIR = ".cache"  # under the project root: build caches (QR images, bodies), safe to delete


@dataclass(frozen=True)
class Project:
    """Where a county's input lives."""

    root: Path
    catalog: Path
    content: Path

    @classmethod
    def at(cls, root: Path | str, catalog: str = "catalog.yaml", content: str = "content"
           ) -> Project:
        base = Path(root).resolve()
        return cls(base, base / catalog, base / content)

    def built_site(self) -> Path:
        """Where `site-builder build` writes the site: `site_dir` of the project's mkdocs.yml
        (read as text, no MkDocs needed), by default site/ beside it."""
        return _built_site(self.root)


_SITE_DIR = re.compile(r"""^site_dir:[ \t]*(["']?)(?P<dir>[^"'#\n]*?)\1[ \t]*(?:#.*)?$""",
                       re.MULTILINE)


def _built_site(root: Path) -> Path:
    """Where `site-builder build` writes the site: `site_dir` of the project's mkdocs.yml
    (read as text, no MkDocs needed), by default site/ beside it."""
    config = root / "mkdocs.yml"
    try:
        m = _SITE_DIR.search(config.read_text(encoding="utf-8-sig"))
    except OSError:
        m = None
    folder = Path(m["dir"].strip()) if m and m["dir"].strip() else Path("site")
    return folder if folder.is_absolute() else root / folder
