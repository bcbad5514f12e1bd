"""Files under content/ that look like notices but are never read: a 注意 for each.

Only visible files named `*.md` (lower case) are read as notices and column pages
(load.find_markdown); the rest of content/ is published only when a notice attaches it or its
body links to it. A notice saved as `通知.markdown`, `通知.MD`, `通知.md.txt`, a `.txt` with a
`---` information block, or a Word document left among the notices was skipped without a word:
the office believed it published. Drafts (`_x.md`), hidden files and content/assets/ are left
alone, and so is every file some notice or page attaches or links.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..base import messages as msg
from ..base.problems import Problems
from ..input.links import local_links
from ..input.load import ASSETS_DIR, MARKDOWN_SUFFIXES, Document

TEXT_SUFFIXES = (".txt", ".text")
# Office and other word-processor documents: a notice written in Word and saved among notices
WORD_SUFFIXES = (".docx", ".doc", ".docm", ".wps", ".wpt", ".rtf", ".odt", ".pages")
_SUSPECT_SUFFIXES = frozenset(MARKDOWN_SUFFIXES + TEXT_SUFFIXES + WORD_SUFFIXES)
_FRONT_KEYS = ("id:", "标题:", "事项:", "发布日期:", "公开属性:")


def references(doc: Document) -> set[str]:
    """Files a document attaches (附件, as written, read or not) or links from its body, as
    normalised paths (`_key`)."""
    folder = doc.path.parent
    out = {_key(folder / link.target) for link in local_links(doc.body)}
    entries = doc.meta.value.get("附件") if doc.meta is not None and doc.meta.is_map else None
    if entries is not None:
        for node in entries.value if entries.is_seq else [entries]:
            name = node.value.get("文件") if node.is_map else node
            if name is not None and name.is_scalar and name.text().strip():
                out.add(_key(folder / name.text().strip()))
    return out


def check(content_dir: Path, read: list[Path], referenced: set[str], problems: Problems) -> None:
    """A 注意 for every file under content/ that is not read (`read`), attached or linked
    (`referenced`, from `references`), and looks like a notice saved under the wrong name.
    Only names are compared (no file is resolved or opened but a suspect .txt): 5,000 notices
    take a few milliseconds."""
    if not content_dir.is_dir():
        return
    skip = referenced | {_key(p) for p in read}
    suspects: list[Path] = []
    for folder, dirs, files in os.walk(content_dir):
        top = folder == str(content_dir)
        dirs[:] = [d for d in dirs if not d.startswith((".", "_")) and not (
            top and d == ASSETS_DIR)]
        for name in files:
            if name.startswith((".", "_")) or name.endswith(".md"):
                continue
            if Path(name).suffix.lower() in _SUSPECT_SUFFIXES:
                path = Path(folder, name)
                if _key(path) not in skip:
                    suspects.append(path)
    for path in sorted(suspects):
        _check_file(path, problems)


def _check_file(path: Path, problems: Problems) -> None:
    name, suffix = path.name, path.suffix.lower()
    if path.suffix != ".md" and suffix in MARKDOWN_SUFFIXES:
        problems.warn(path, None, None, msg.STRAY_SUFFIX.format(suffix=path.suffix),
                      msg.STRAY_SUFFIX_HINT.format(suggest=path.stem + ".md"))
    elif suffix in TEXT_SUFFIXES and Path(path.stem).suffix.lower() in MARKDOWN_SUFFIXES:
        problems.warn(path, None, None, msg.STRAY_SUFFIX.format(
            suffix=name[len(Path(path.stem).stem):]),
            msg.STRAY_SUFFIX_HINT.format(suggest=Path(path.stem).stem + ".md"))
    elif suffix in TEXT_SUFFIXES and _has_front_matter(path):
        problems.warn(path, 1, None, msg.STRAY_TEXT.format(suffix=path.suffix),
                      msg.STRAY_SUFFIX_HINT.format(suggest=path.stem + ".md"))
    elif suffix in WORD_SUFFIXES:
        problems.warn(path, None, None, msg.STRAY_WORD.format(suffix=path.suffix),
                      msg.STRAY_WORD_HINT.format(name=name))


def _has_front_matter(path: Path) -> bool:
    """Starts with a `---` line and holds a notice field in its first lines."""
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        lines = text.replace("\r", "").split("\n")
        if lines and lines[0].strip() == "---":
            return any(line.strip().startswith(_FRONT_KEYS) for line in lines[1:40])
    return False


def _key(path: Path) -> str:
    """A path to compare: absolute and normalised (`a/./b/../c` → `a/c`), not resolved."""
    return os.path.normpath(os.path.abspath(path))
