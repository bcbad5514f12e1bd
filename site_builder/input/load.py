"""Read the user's files: decode text, split front matter, find notices and pages.

Readers never write. Decoding policy (documented in docs/编写指南.md): UTF-8 (with or without
BOM) is read as is; a file that starts with a UTF-16 byte order mark (Notepad's "Unicode") or
that is not UTF-8 but decodes cleanly as GBK/GB18030 (Windows Notepad's old default) is read as
such with a warning and the fix (`site-builder fix-encoding`); anything else is an error. CRLF
line ends are accepted.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from ..base import messages as msg
from ..base.problems import Problem, Problems
from . import limits
from .yamlsrc import YNode, parse

PAGES_DIR = "pages"  # content/pages/: the 信息公开 column pages
ASSETS_DIR = "assets"  # content/assets/: logos and pictures shared by pages, copied as they are
# Files MkDocs reads as pages (its markdown_extensions): never published as attachments.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # Notepad "Unicode" (big endian)
LARGE_FILE = 1_000_000  # bytes: above this a notice gets a warning (slow on phones)


@dataclass
class Document:
    """A Markdown file with YAML front matter, read but not yet validated."""

    path: Path
    meta: YNode | None  # the front matter mapping (None if it could not be read)
    body: str
    body_line: int  # file line where the body starts
    front: str = ""  # the front matter text as written (file line 2 onwards)


def decode(path: Path, problems: Problems) -> str | None:
    """The file's text, or None (with a problem) if it cannot be read as text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(path, None, None, msg.FILE_UNREADABLE.format(detail=exc.strerror))
        return None
    if not data.strip():
        problems.add(path, 1, None, msg.FILE_EMPTY, msg.FILE_EMPTY_HINT)
        return None
    if data.startswith(UTF16_BOMS) and not data.startswith(codecs.BOM_UTF32_LE):
        text = _decode_utf16(path, data, problems)
        if text is None:
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in data:
        problems.add(path, None, None, msg.FILE_BINARY, msg.FILE_BINARY_HINT)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _decode_gbk(path, data, exc, problems)
        if text is None:
            return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_utf16(data: bytes) -> str | None:
    """The text of a UTF-16 file with its byte order mark (Notepad's "Unicode"), or None."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else text


def _decode_utf16(path: Path, data: bytes, problems: Problems) -> str | None:
    text = decode_utf16(data)
    if text is None:
        problems.add(path, None, None, msg.FILE_NOT_UTF8, msg.FILE_NOT_UTF8_HINT)
        return None
    problems.warn(path, None, None, msg.FILE_UTF16, msg.FILE_UTF16_HINT)
    return text


def _decode_gbk(
    path: Path, data: bytes, exc: UnicodeDecodeError, problems: Problems
) -> str | None:
    line = data[: exc.start].count(b"\n") + 1
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        problems.add(path, line, None, msg.FILE_NOT_UTF8, msg.FILE_NOT_UTF8_HINT)
        return None
    problems.warn(path, line, None, msg.FILE_GBK, msg.FILE_GBK_HINT)
    return text


def split_front_matter(text: str, path: Path, problems: Problems) -> Document | None:
    """Split `---` front matter from the Markdown body and parse it with line numbers."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, None, msg.FM_MISSING, msg.FM_MISSING_HINT)
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        _report_unclosed(lines, path, problems)
        return None
    fm_text = "\n".join(lines[1:end])
    node, yaml_problems = parse(fm_text, file=problems.rel(path), first_line=2)
    problems.extend(yaml_problems)
    not_mapping = node is not None and not node.is_map
    if not_mapping:
        problems.add(path, 2, None, msg.FM_NOT_MAPPING, msg.FM_MISSING_HINT)
        node = None
    if node is None and not yaml_problems and not not_mapping:
        problems.add(path, 2, None, msg.FM_EMPTY, msg.FM_MISSING_HINT)
    body = "\n".join(lines[end + 1 :])
    return Document(path, node, body, end + 2, fm_text)


# A line meant to close the front matter but written wrong: --, ----, ———, －－－, " ---".
_BAD_CLOSE = re.compile(r"\s*(?:-{2}|-{4,}|[-—－–_＿]*[—－–_＿][-—－–_＿]*|\s+-{3})\s*")
# A front-matter line: "key: value", a list item, an indented or commented line, or blank.
_YAML_LINE = re.compile(r"\s*$|\s|#|- |[^\s:：#][^:：]*[:：](\s|$)")


def _report_unclosed(lines: list[str], path: Path, problems: Problems) -> None:
    """No closing `---`: at the line written instead of it, else at the first line that is not
    front matter (where the block should have ended), else at line 1."""
    for index in range(1, len(lines)):
        text = lines[index].rstrip()
        if len(text.strip()) >= 2 and _BAD_CLOSE.fullmatch(text):
            problems.add(path, index + 1, None, msg.FM_BAD_CLOSE.format(
                line=index + 1, text=text.strip()), msg.FM_BAD_CLOSE_HINT.format(line=index + 1))
            return
        if not _YAML_LINE.match(text):
            problems.add(path, index + 1, None, msg.FM_UNCLOSED_AT.format(line=index + 1),
                         msg.FM_UNCLOSED_AT_HINT.format(line=index + 1))
            return
    problems.add(path, 1, None, msg.FM_UNCLOSED, msg.FM_UNCLOSED_HINT)


def read_document(path: Path, problems: Problems) -> Document | None:
    if limits.markdown_too_large(path, problems):
        return None
    text = decode(path, problems)
    if text is None:
        return None
    if len(text.encode("utf-8")) > LARGE_FILE:
        size_mb = len(text.encode("utf-8")) / 1_000_000
        problems.warn(path, None, None, msg.FILE_LARGE.format(size=size_mb), msg.FILE_LARGE_HINT)
    return split_front_matter(text, path, problems)


def read_yaml_file(path: Path, problems: Problems) -> YNode | None:
    """Read a YAML file such as catalog.yaml."""
    return read_yaml_text(path, problems)[0]


def read_yaml_text(path: Path, problems: Problems) -> tuple[YNode | None, str | None]:
    """Read a YAML file such as catalog.yaml, decoded once: (its root mapping, its text)."""
    if not path.is_file():
        problems.add(path, None, None, msg.CATALOG_MISSING.format(path=problems.rel(path)),
                     msg.CATALOG_MISSING_HINT)
        return None, None
    if limits.catalog_too_large(path, problems):
        return None, None
    found = Problems(problems.root)
    text = decode(path, found)
    problems.extend([_as_catalog(p) for p in found.items])
    if text is None:
        return None, None
    node, yaml_problems = parse(text, file=problems.rel(path))
    problems.extend(yaml_problems)
    if node is not None and not node.is_map:
        problems.add(path, node.line, None, msg.CATALOG_NOT_MAPPING, msg.CATALOG_MISSING_HINT)
        return None, text
    return node, text


def _as_catalog(problem: Problem) -> Problem:
    """decode()'s problems speak of notices (save it as .md, or delete the file); for
    catalog.yaml they say what fits it."""
    if problem.message == msg.FILE_BINARY:
        return dataclasses.replace(problem, message=msg.CATALOG_BINARY,
                                   hint=msg.CATALOG_BINARY_HINT)
    if problem.message == msg.FILE_EMPTY:
        return dataclasses.replace(problem, hint=msg.CATALOG_EMPTY_HINT)
    return problem


def is_notice_file(path: Path, content_dir: Path) -> bool:
    """True if `path` is a file find_markdown reads (a notice or a column page)."""
    return path.suffix == ".md" and path.is_file() and \
        content_dir.resolve() in path.resolve().parents and \
        _visible(path.resolve(), content_dir.resolve()) and \
        (content_dir / ASSETS_DIR).resolve() not in path.resolve().parents


def _visible(path: Path, root: Path) -> bool:
    """Skip hidden files and folders, and names starting with "_" (drafts, templates)."""
    return not any(part.startswith((".", "_")) for part in path.relative_to(root).parts)


def find_markdown(content_dir: Path) -> tuple[list[Path], list[Path]]:
    """(notice files, column page files) under content/, in a stable order."""
    notices: list[Path] = []
    pages: list[Path] = []
    if not content_dir.is_dir():
        return notices, pages
    pages_dir = (content_dir / PAGES_DIR).parts
    assets_dir = (content_dir / ASSETS_DIR).parts  # copied as it is; Markdown there is an error
    for path in sorted(content_dir.rglob("*.md")):
        if not path.is_file() or not _visible(path, content_dir) or \
                path.parts[: len(assets_dir)] == assets_dir:
            continue
        in_pages = path.parts[: len(pages_dir)] == pages_dir  # (Path.parents is slow)
        (pages if in_pages else notices).append(path)
    return notices, pages
