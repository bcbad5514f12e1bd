"""Word documents → a notice body in Markdown, with the front matter the text gives.

.docx is read by mammoth (semantic HTML: headings, lists, tables, footnotes, images, links; no
fonts or colours), then markdown.py writes the project's Markdown. .doc and .wps are first
converted to .docx by LibreOffice (headless) when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import mammoth

from ..base import messages as msg
from . import guess
from .guess import ImportFailed
from .markdown import Block, blocks, parse

WORD_SUFFIXES = (".docx",)
LEGACY_SUFFIXES = (".doc", ".wps")
# The document title is often Word's 标题/Title style, never a heading of the body.
STYLE_MAP = "\n".join(f"p[style-name='{name}'] => h1.doc-title:fresh"
                      for name in ("Title", "标题", "文件标题", "公文标题"))
CONVERT_TIMEOUT = 120  # seconds for LibreOffice to convert one document
_TRAILERS = ("（此件", "(此件", "此件", "（联系人", "(联系人", "联系人")


@dataclass
class Converted:
    """A document as a notice: its body and what was read for the front matter."""

    body: str
    title: guess.Guess | None = None
    doc_number: guess.Guess | None = None
    formed: guess.Guess | None = None  # an ISO date
    publisher: guess.Guess | None = None
    images: list[tuple[str, bytes]] = field(default_factory=list)  # file name, content
    notes: list[str] = field(default_factory=list)  # what the clerk must look at


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(path: Path, workdir: Path) -> Path:
    """A .doc/.wps file converted to .docx in `workdir` by LibreOffice."""
    program = soffice()
    if program is None:
        raise ImportFailed(msg.IMPORT_NEED_DOCX.format(file=path.name))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=workdir))
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "docx", "--outdir", str(workdir), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False,
                       env={**os.environ, "HOME": str(profile)})
    except subprocess.TimeoutExpired:
        raise ImportFailed(msg.IMPORT_CONVERT_FAILED.format(file=path.name)) from None
    converted = workdir / f"{path.stem}.docx"
    if not converted.is_file():
        raise ImportFailed(msg.IMPORT_CONVERT_FAILED.format(file=path.name))
    return converted


def read_word(path: Path, image_prefix: str) -> Converted:
    """Read a .docx (or .doc/.wps through LibreOffice)."""
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        with tempfile.TemporaryDirectory() as workdir:
            return _read_docx(to_docx(path, Path(workdir)), image_prefix, path.name)
    return _read_docx(path, image_prefix, path.name)


def _read_docx(path: Path, image_prefix: str, shown_name: str) -> Converted:
    images: list[tuple[str, bytes]] = []
    notes: list[str] = []

    def save_image(image) -> dict[str, str]:
        number = len(images) + 1
        extension = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}.get(
            image.content_type, "")
        if not extension:
            notes.append(msg.IMPORT_IMAGE_TYPE.format(number=number, type=image.content_type))
            return {"alt": ""}
        name = f"{image_prefix}-图{number}{extension}"
        with image.open() as stream:
            images.append((name, stream.read()))
        alt = (image.alt_text or "").strip()
        if not alt:
            alt = f"图{number}"
            notes.append(msg.IMPORT_IMAGE_ALT.format(name=name))
        return {"src": name, "alt": alt}

    try:
        with path.open("rb") as handle:
            result = mammoth.convert_to_html(
                handle, style_map=STYLE_MAP,
                convert_image=mammoth.images.img_element(save_image))
    except Exception as exc:  # a damaged or foreign file: say so, no traceback
        raise ImportFailed(msg.IMPORT_WORD_UNREADABLE.format(
            file=shown_name, detail=type(exc).__name__)) from None
    converted = assemble(blocks(parse(result.value)))
    converted.images, converted.notes = images, notes + converted.notes
    return converted


def assemble(found: list[Block]) -> Converted:
    """The body and the guesses from the document's blocks."""
    found = [b for b in found if b.markdown.strip() and not
             (b.kind == "paragraph" and guess.is_decoration(b.text))]
    out = Converted(body="")
    head = found[:6]
    number_block = next((b for b in head if b.kind == "paragraph" and guess.doc_number(b.text)
                         and len(b.text) <= 30), None)
    if number_block is not None:
        out.doc_number = guess.Guess(guess.doc_number(number_block.text) or "",
                                     msg.IMPORT_WHERE_NUMBER)
        found.remove(number_block)
    title_block = _title_block(found[:6])
    if title_block is not None:
        out.title = guess.Guess(" ".join(title_block.text.split()), msg.IMPORT_WHERE_TITLE)
        found.remove(title_block)
    if out.doc_number is None:  # a 文号 in the text: 根据望民〔2025〕27号…
        for b in found[:3]:
            if guess.doc_number(b.text):
                out.doc_number = guess.Guess(guess.doc_number(b.text) or "", msg.IMPORT_WHERE_TEXT)
                break
    found = _signoff(found, out)
    parts = []
    for b in found:
        if b.kind == "heading":
            parts.append("#" * min(b.level + 1, 6) + " " + b.markdown)
        else:
            parts.append(b.markdown)
        if b.kind == "html-table":
            out.notes.append(msg.IMPORT_MERGED_TABLE.format(first=_short(b.text)))
    out.body = "\n\n".join(parts) + "\n"
    return out


def _title_block(head: list[Block]) -> Block | None:
    for b in head:
        if b.kind == "heading" and "doc-title" in b.css:
            return b
    for index, b in enumerate(head):
        if b.kind == "heading":  # the first block, or a heading worded as a title
            return b if index == 0 or guess.looks_like_title(b.text) else None
        if b.kind == "paragraph" and guess.looks_like_title(b.text):
            return b
    return None


def _signoff(found: list[Block], out: Converted) -> list[Block]:
    """Finds the 落款 (names, then a date) near the end and writes it as one paragraph of lines,
    the syntax the renderer shows right-aligned."""
    end = len(found)
    while end > 0 and (found[end - 1].kind == "footnotes"
                       or found[end - 1].text.strip().startswith(_TRAILERS)):
        end -= 1
    for start in range(max(0, end - 4), end - 1):
        candidate = found[start:end]
        if any(b.kind != "paragraph" for b in candidate):
            continue
        lines = [line.strip() for b in candidate for line in b.markdown.split("  \n")]
        if not guess.is_signoff(lines):
            continue
        day = guess.signoff_date(lines[-1])
        if day is not None:
            out.formed = guess.Guess(day.isoformat(), msg.IMPORT_WHERE_SIGNOFF)
        out.publisher = guess.Guess(lines[0], msg.IMPORT_WHERE_SIGNOFF)
        block = Block("paragraph", "\n".join(lines), "\n".join(lines))
        return [*found[:start], block, *found[end:]]
    out.notes.append(msg.IMPORT_NO_SIGNOFF)
    return found


def _short(text: str, limit: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
