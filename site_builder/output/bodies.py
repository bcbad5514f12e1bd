"""Render stage: the Markdown bodies of notices and column pages become HTML, here, once.

One renderer (Python-Markdown with `EXTENSIONS`) serves the site and the printed posters, so
they always agree. Python-Markdown is the largest single cost of a build (≈ 5.5 ms a notice
stock, ≈ 2.4 ms here), so:
- its inline patterns are skipped for text none of them can match (plain Chinese text, table
  cells), with the same output;
- results are kept in a cache keyed by the text (and the renderer's version and settings), so a
  rebuild converts only the bodies that changed;
- what is left is converted in worker processes when there is much of it.
The engine (MkDocs) then has no Markdown left to convert.

What is published is the body cleaned by nh3 with the output allow-list (rawhtml.clean_output),
here, in the worker processes and the cache, so the site and the posters can only ever get
cleaned HTML; whatever the cleaning removed is kept with the result (`Rendered.removed`) and
fails the build (pipeline.render_bodies), at the place rawhtml.locate finds in the source.
"""

from __future__ import annotations

import hashlib
import html
import multiprocessing
import os
import pickle
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import nh3
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor as InlinePattern
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from ..base import background, filestamp
from ..base.background import frozen
from ..check import privacy, rawhtml
from ..input import limits
from . import bodyhtml

# Tables, attribute lists (checked for safety by rawhtml.py), admonitions (提示框), Markdown
# inside HTML blocks, and heading ids for the table of contents.
EXTENSIONS: list[str] = ["tables", "attr_list", "admonition", "md_in_html", "toc"]
EXTENSION_CONFIGS: dict[str, dict] = {"toc": {"permalink": False}}
FORMAT = 7  # bump when the way bodies are rendered or scanned changes (invalidates the cache)
PARALLEL_FROM = 300  # bodies: below this, starting worker processes costs more than it saves
CHUNK = 100
CACHE_FILE = "bodies.pickle"


@dataclass
class Rendered:
    html: str
    toc: list[dict] = field(default_factory=list)  # toc_tokens: nested headings with ids
    removed: list[rawhtml.Removed] = field(default_factory=list)  # what the cleaning took out
    # personal data a reader sees: (kind, value, value as a report may show it: masked)
    personal: list[tuple[str, str, str]] = field(default_factory=list)
    # the body as a page of the site shows it (bodyhtml.py: headings shifted, tables labelled);
    # None where it is `html` and `toc` as they are
    page: tuple[str, list[dict]] | None = None

    def on_page(self) -> tuple[str, list[dict]]:
        return self.page if self.page is not None else (self.html, self.toc)


def render_one(text: str, converter: markdown.Markdown | None = None) -> Rendered:
    """A body as published: converted, then cleaned (and what the cleaning removed)."""
    converted = convert(text, converter)
    cleaned, removed = rawhtml.clean_output(converted.html)
    personal = [(loc.finding.kind, loc.finding.value, privacy.shown(loc.finding))
                for loc in privacy.scan_lines(rawhtml.visible_lines(cleaned))]
    toc = _clean_toc(converted.toc, removed)
    shifted, page_toc = bodyhtml.shift_headings(cleaned, toc)
    labelled = bodyhtml.label_tables(shifted)
    page = None if labelled == cleaned and page_toc == toc else (labelled, page_toc)
    return Rendered(cleaned, toc, removed, personal, page)


def convert(text: str, converter: markdown.Markdown | None = None) -> Rendered:
    """Python-Markdown's HTML for a body, not cleaned (never publish this)."""
    md = converter or _converter()
    md.reset()
    return Rendered(md.convert(text), getattr(md, "toc_tokens", []))


def _clean_toc(tokens: list[dict], removed: list[rawhtml.Removed]) -> list[dict]:
    """The headings for the page's contents, whose names MkDocs puts into the page as HTML:
    Python-Markdown gives them as escaped text; anything else is removed, and reported."""
    out = []
    for token in tokens:
        token = dict(token)
        name = token.get("name", "")
        cleaned = rawhtml.clean_text(name)
        if html.unescape(cleaned) != html.unescape(name):
            removed.append(rawhtml.Removed(rawhtml.KIND_ATTRIBUTE, "data-toc-label", name))
        token["name"] = cleaned
        if token.get("html"):
            token["html"] = rawhtml.clean_output(token["html"])[0]
        if token.get("data-toc-label"):
            token["data-toc-label"] = rawhtml.clean_text(token["data-toc-label"])
        token["children"] = _clean_toc(token.get("children", []), removed)
        out.append(token)
    return out


def render_all(texts: Sequence[str], cache_dir: Path | None = None,
               workers: int | None = None) -> list[Rendered]:
    """Render every text, in order: from the cache where possible, in parallel when many."""
    cache = _Cache(cache_dir / CACHE_FILE if cache_dir else None)
    keys = [cache.key(text) for text in texts]
    missing = list(dict.fromkeys(k for k in keys if k not in cache.entries))
    by_key = {k: texts[i] for i, k in enumerate(keys)}
    fresh = _render_many([by_key[k] for k in missing], workers)
    cache.entries.update(zip(missing, fresh, strict=True))
    cache.save(keep=set(keys), changed=bool(missing))
    return [cache.entries[k] for k in keys]


def _render_many(texts: list[str], workers: int | None) -> list[Rendered]:
    workers = workers or os.cpu_count() or 1
    if len(texts) < PARALLEL_FROM or workers < 2:
        return _render_chunk(texts)
    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    # fork is quickest; spawn where fork is unsafe (a process with threads: mkdocs serve)
    context = multiprocessing.get_context("fork" if background.can_fork() else "spawn")
    with frozen(), ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [rendered for chunk in pool.map(_render_chunk, chunks) for rendered in chunk]


def _render_chunk(texts: list[str]) -> list[Rendered]:
    md = _converter()
    return [render_one(text, md) for text in texts]


class _MaskedDigits(InlinePattern):
    """A run of `*` between digits (or the X of an ID) is a masked value as the masking convention
    writes it (138****1234, 35*************123; privacy.py), never emphasis: kept as typed.
    Without it Python-Markdown's em_strong pairs two masked numbers into <strong> garbage."""

    PATTERN = r"(?<=[0-9Xx])\*+(?=[0-9Xx])"

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:  # type: ignore[override]
        return m.group(0), m.start(0), m.end(0)


class MaskedDigitsExtension(Extension):
    """Registered below backtick and escape (code spans and \\* stay as they are) and above
    em_strong (which would otherwise take the stars)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_MaskedDigits(_MaskedDigits.PATTERN, md), "masked_digits", 65)


# 落款 (docs/编写指南.md): a paragraph of one to three lines naming the issuing bodies, then a
# line that is only a date, is the sign-off, printed right-aligned, one line each.
SIGNOFF_CLASS = "sb-signoff"
SIGNOFF_DATE = re.compile(
    r"[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
_SIGNOFF_NAME = re.compile(r"[^。，,；;：:！？!?|#*\[\]<>\\.《》]{2,40}")
_LIST_START = re.compile(r"[-+*]|\d+[.)、]|[一二三四五六七八九十]+、")


def signoff_lines(lines: list[str]) -> bool:
    """True if these lines (one paragraph) are a 落款: 1–3 names, then a date alone."""
    lines = [line.strip() for line in lines]
    if not 2 <= len(lines) <= 4 or not SIGNOFF_DATE.fullmatch(lines[-1]):
        return False
    return all(_SIGNOFF_NAME.fullmatch(name) and not _LIST_START.match(name)
               and not SIGNOFF_DATE.search(name) for name in lines[:-1])


class _Signoff(Treeprocessor):
    """Marks each 落款 paragraph and keeps its lines apart (Markdown would join them)."""

    def run(self, root):  # type: ignore[override]
        for p in root.iter("p"):
            if any(child.tag != "br" for child in p) or p.get("class"):
                continue
            text = "\n".join([p.text or "", *((child.tail or "") for child in p)])
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            if not signoff_lines(lines):
                continue
            for child in list(p):
                p.remove(child)
            p.set("class", SIGNOFF_CLASS)
            p.text = lines[0]
            for line in lines[1:]:
                br = p.makeelement("br", {})
                br.tail = line
                p.append(br)


class SignoffExtension(Extension):
    """Runs after the inline patterns (priority 20): a 落款 is plain text."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Signoff(md), "signoff", 15)


def extensions() -> list:
    """Every extension of the renderer: EXTENSIONS and this module's own."""
    return [*EXTENSIONS, MaskedDigitsExtension(), SignoffExtension()]


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=extensions(), extension_configs=EXTENSION_CONFIGS)
    if {item.name for item in md.inlinePatterns._priority} <= _KNOWN_INLINE_PATTERNS:
        md.treeprocessors.register(_PlainTextSkippingInline(md), "inline", 20)
    return md


# Python-Markdown's own inline patterns (with the extensions above), ours (masked_digits) and the
# characters one of them needs to match: "`" "\\" "[" "![" "<" "&" "*" "_", or two spaces
# before a line end (masked_digits needs "*", already a trigger).
_KNOWN_INLINE_PATTERNS = frozenset({
    "backtick", "escape", "reference", "link", "image_link", "image_reference",
    "short_reference", "short_image_ref", "autolink", "automail", "linebreak", "html", "entity",
    "masked_digits", "em_strong"})
_INLINE_TRIGGER = re.compile(r"[`\\\[<&*_]|  \n")


class _PlainTextSkippingInline(InlineProcessor):
    """Python-Markdown's inline processor, returning at once a text none of its patterns can
    match. It tries each of its 14 patterns on every text node (every table cell, list item and
    paragraph), which is half the time of a notice full of plain Chinese text and tables. The
    output is the same (tests/test_bodies.py compares it with the stock processor)."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if patternIndex == 0 and not _INLINE_TRIGGER.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]


class _Cache:
    """Rendered bodies from earlier builds, in one file under the project's .cache/ (safe to
    delete). Entries not used by this build are dropped when it is saved."""

    def __init__(self, path: Path | None):
        self.path = path
        self.salt = repr((FORMAT, markdown.__version__, nh3.__version__, EXTENSIONS,
                          _MaskedDigits.PATTERN, EXTENSION_CONFIGS)).encode()
        self.entries: dict[str, Rendered] = {}
        if path is not None and path.is_file():
            try:
                with path.open("rb") as handle:
                    stored = filestamp.unpickle(handle)
                if stored.get("salt") == self.salt:
                    self.entries = stored["entries"]
            except Exception:  # a damaged or foreign cache is ignored and rewritten
                self.entries = {}

    def key(self, text: str) -> str:
        return hashlib.blake2b(text.encode("utf-8"), key=self.salt[:64], digest_size=20).hexdigest()

    def save(self, keep: set[str], changed: bool) -> None:
        if self.path is None or (not changed and len(self.entries) == len(keep)):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"salt": self.salt, "entries": {k: v for k, v in self.entries.items() if k in keep}}
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as handle:
                pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as exc:  # a full disk: the cache is only an optimisation
            temporary.unlink(missing_ok=True)
            if not limits.disk_full(exc):
                raise
            return
        temporary.replace(self.path)
