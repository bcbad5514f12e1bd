"""Where a county's input lives: the project folder, its catalog.yaml and content/."""

from __future__ import annotations

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
