"""published-urls.txt deleted or emptied: refuse, instead of silently dropping the protection.

The manifest (permalinks.py) is what makes a build fail when a URL printed on a bulletin board
would stop working. Without it every build passes, so deleting it — by mistake, or to silence
an error — silently switched the protection off. When the project has published before (its
built site is there, or the copy of the manifest every successful build leaves in
`.cache/published-urls.txt`, or the manifest in the project's last git commit), a missing
manifest, or one without any URL, is an error that says how to restore it. An office that
really starts afresh (a site never put online) writes the file with the one line `MARKER`; the
next successful build records the URLs as usual and the marker goes with the rest of the file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..base import messages as msg
from ..base.problems import Problems
from ..input.project import Project

MANIFEST = "published-urls.txt"  # permalinks.MANIFEST (not imported: permalinks imports us)
COPY = Path(".cache") / MANIFEST  # pipeline.CACHE_DIR / MANIFEST
MARKER = "# 重新开始记录"


def _urls(path: Path) -> tuple[list[str], bool]:
    """(URL lines, whether the restart marker is there) of a manifest file; ([], False) if
    there is none or it cannot be read."""
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").split("\n")]
    except (OSError, UnicodeDecodeError):
        return [], False
    return [line for line in lines if line and not line.startswith("#")], \
        any(line.startswith(MARKER) for line in lines)


def check(root: Path, problems: Problems) -> None:
    """An error at published-urls.txt when it is missing or holds no URL while the project has
    published a site before, unless the office wrote the restart marker into it."""
    manifest = root / MANIFEST
    urls, restart = _urls(manifest)
    if urls or restart:
        return
    evidence = _evidence(root)
    if evidence:
        problems.add(manifest, None, None, msg.MANIFEST_LOST.format(evidence="；".join(evidence)),
                     msg.MANIFEST_LOST_HINT.format(marker=MARKER))


def _evidence(root: Path) -> list[str]:
    """What shows that this project published before: its built site, the manifest's copy."""
    out: list[str] = []
    site = Project.at(root).built_site()
    if (site / "index.html").is_file():
        sitemap = site / "sitemap.xml"
        try:
            count = sitemap.read_text(encoding="utf-8").count("<loc>")
        except (OSError, UnicodeDecodeError):
            count = sum(1 for _ in site.rglob("index.html"))
        out.append(msg.MANIFEST_EVIDENCE_SITE.format(site=_shown(site, root), count=count))
    copied, _ = _urls(root / COPY)
    if copied:
        out.append(msg.MANIFEST_EVIDENCE_COPY.format(count=len(copied)))
    committed = _committed(root)
    if committed:
        out.append(msg.MANIFEST_EVIDENCE_GIT.format(count=committed))
    return out


def _committed(root: Path) -> int:
    """How many URLs the manifest holds in the project's last git commit (0: no git, not a
    repository, or not committed)."""
    git = shutil.which("git")
    if git is None:
        return 0
    try:
        shown = subprocess.run([git, "-C", str(root), "show", f"HEAD:./{MANIFEST}"],
                               capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return 0
    if shown.returncode != 0:
        return 0
    text = shown.stdout.decode("utf-8", errors="replace")
    return sum(1 for line in text.split("\n") if line.strip() and not line.startswith("#"))


def keep_copy(root: Path) -> None:
    """After a successful build: a copy of the manifest in .cache/, the evidence above."""
    manifest = root / MANIFEST
    if manifest.is_file():
        (root / COPY).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(manifest, root / COPY)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
