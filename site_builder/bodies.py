"""Render stage: the Markdown bodies of notices and column pages become HTML, here, once.

One renderer (Python-Markdown with `EXTENSIONS`) serves the site and the printed posters, so
they always agree. Bodies are independent of each other, so a large site renders them in
worker processes (Python-Markdown is the single largest cost of a build: ≈ 5 ms a notice);
small sites render in-process. The engine (MkDocs) then has no Markdown left to convert.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import markdown

from .background import can_fork

# Tables, attribute lists (checked for safety by rawhtml.py), admonitions (提示框), Markdown
# inside HTML blocks, and heading ids for the table of contents.
EXTENSIONS: list[str] = ["tables", "attr_list", "admonition", "md_in_html", "toc"]
EXTENSION_CONFIGS: dict[str, dict] = {"toc": {"permalink": False}}
PARALLEL_FROM = 300  # bodies: below this, starting worker processes costs more than it saves
CHUNK = 100


@dataclass
class Rendered:
    html: str
    toc: list[dict] = field(default_factory=list)  # toc_tokens: nested headings with ids


def render_one(text: str, converter: markdown.Markdown | None = None) -> Rendered:
    md = converter or _converter()
    md.reset()
    html = md.convert(text)
    return Rendered(html, getattr(md, "toc_tokens", []))


def render_all(texts: Sequence[str], workers: int | None = None) -> list[Rendered]:
    """Render every text, in order; in parallel when there are many."""
    workers = workers or os.cpu_count() or 1
    if len(texts) < PARALLEL_FROM or workers < 2:
        return _render_chunk(list(texts))
    chunks = [list(texts[i : i + CHUNK]) for i in range(0, len(texts), CHUNK)]
    # fork is quickest; spawn where fork is unsafe (a process with threads: mkdocs serve)
    context = multiprocessing.get_context("fork" if can_fork() else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(_render_chunk, chunks)
        return [rendered for chunk in results for rendered in chunk]


def _render_chunk(texts: list[str]) -> list[Rendered]:
    md = _converter()
    return [render_one(text, md) for text in texts]


def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
