"""HTML → PDF with headless Chromium (Debian's `chromium` package).

Why Chromium: the project needs it anyway (browser tests, the preview), Debian keeps it patched,
and its print engine is the one a citizen's browser uses for the site's own "打印": CSS paged
media (A4 via `@page`, margins, page counters in the margin, table headers repeated on every
page, `break-inside`), and Chinese line breaking with the system's fonts-noto-cjk. A PDF made
here looks like what the print button gives, with no second layout engine to keep in step.

Rendering is offline: documents and their images are local files, host names do not resolve, and
each run uses a fresh temporary profile (so a Chromium the user has open does not interfere).

Note on fonts: Chromium embeds the CFF-based Noto CJK outlines as Type 3 fonts; `pdffonts` lists
them as "Type 3 … emb yes … uni yes": vector outlines (crisp at any size), text still searchable
and copyable.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import messages as msg

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ENV_BROWSER = "SITE_BUILDER_CHROMIUM"  # a browser to use instead of the one on PATH
TIMEOUT = 180  # seconds per document


class RenderError(Exception):
    """The PDF could not be made; the message says why and what to do, in Chinese."""


def find_chromium() -> str | None:
    chosen = os.environ.get(ENV_BROWSER)
    if chosen:
        return chosen if Path(chosen).is_file() or shutil.which(chosen) else None
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def chromium() -> str:
    """The browser to print with, or a RenderError that says what to install or fix: checked
    before anything is written, so a failed run leaves no empty output folder."""
    found = find_chromium()
    if found is not None:
        return found
    chosen = os.environ.get(ENV_BROWSER)
    if chosen:
        raise RenderError(msg.PDF_BAD_BROWSER.format(env=ENV_BROWSER, path=chosen))
    raise RenderError(msg.PDF_NO_BROWSER)


def has_chinese_font() -> bool | None:
    """True/False when fontconfig can tell; None when it is not installed (e.g. macOS)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    result = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True,
                            check=False)
    return bool(result.stdout.strip())


def render(jobs: list[tuple[Path, Path]], work: Path | None = None,
           browser: str | None = None) -> None:
    """Print each HTML file to its PDF path (A4, page size from the document's CSS) with
    `browser` (default: `chromium()`). Browser profiles are made in `work` (default: the
    system's temporary folder)."""
    browser = browser or chromium()
    workers = max(1, min(len(jobs), (os.cpu_count() or 1), 4))
    with ThreadPoolExecutor(workers) as pool:
        for _ in pool.map(lambda job: _render_one(browser, *job, work), jobs):
            pass


def _render_one(browser: str, html: Path, pdf: Path, work: Path | None) -> None:
    pdf.parent.mkdir(parents=True, exist_ok=True)
    temporary = pdf.with_name(f"{pdf.stem}.{os.getpid()}.tmp.pdf")
    with tempfile.TemporaryDirectory(prefix="profile-", dir=work) as profile:
        command = [
            browser, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={temporary}", html.resolve().as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to sandbox as root
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                    check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(msg.PDF_TIMEOUT.format(seconds=TIMEOUT)) from None
    if result.returncode != 0 or not temporary.is_file() or temporary.stat().st_size == 0:
        temporary.unlink(missing_ok=True)
        detail = (result.stderr.strip().splitlines() or [""])[-1][:200]
        raise RenderError(msg.PDF_FAILED.format(detail=detail))
    os.replace(temporary, pdf)


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: Path) -> int:
    """Pages in a PDF written by Chromium (its page objects are not compressed)."""
    return len(_PAGE.findall(pdf.read_bytes()))
