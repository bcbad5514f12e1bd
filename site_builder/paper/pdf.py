"""HTML → PDF with headless Chromium (Debian's `chromium` package).

Why Chromium: the project needs it anyway (browser tests, the preview), Debian keeps it patched,
and its print engine is the one a citizen's browser uses for the site's own "打印": CSS paged
media (A4 via `@page`, margins, page counters in the margin, table headers repeated on every
page, `break-inside`), and Chinese line breaking with the system's fonts-noto-cjk. A PDF made
here looks like what the print button gives, with no second layout engine to keep in step.

One browser prints every document of a run: it is started once with `--remote-debugging-pipe`
and driven with a few DevTools protocol commands (open a tab, load the file, `Page.printToPDF`),
so a board pack printed as one document per notice (each with its own page numbers and running
line) costs one browser start, not one per notice. A PDF made of several documents is joined
with pypdf.

Rendering is offline: documents and their images are local files, host names do not resolve, and
each run uses a fresh temporary profile (so a Chromium the user has open does not interfere).

Note on fonts: Chromium embeds the CFF-based Noto CJK outlines as Type 3 fonts; `pdffonts` lists
them as "Type 3 … emb yes … uni yes": vector outlines (crisp at any size), text still searchable
and copyable.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..base import messages as msg

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


def render(jobs: Sequence[tuple[Sequence[Path], Path]], work: Path | None = None,
           browser: str | None = None) -> None:
    """Print each job's HTML files, in order, into its one PDF (A4, page size from each
    document's CSS; every document starts its own page numbers). Uses `browser` (default:
    `chromium()`); its profile is made in `work` (default: the system's temporary folder)."""
    browser = browser or chromium()
    with _Chromium(browser, work) as chromium_:
        for documents, target in jobs:
            parts = [chromium_.print_to_pdf(html) for html in documents]
            _write(target, parts)


def _write(target: Path, parts: list[bytes]) -> None:
    """One PDF from the parts (joined with pypdf when there are several), written atomically."""
    if len(parts) == 1:
        data = parts[0]
    else:
        from pypdf import PdfWriter

        writer = PdfWriter()
        for part in parts:
            writer.append(io.BytesIO(part))
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.stem}.{os.getpid()}.tmp.pdf")
    temporary.write_bytes(data)
    os.replace(temporary, target)


class _Chromium:
    """A headless Chromium driven over `--remote-debugging-pipe` (fd 3: commands in, fd 4:
    replies out, each a JSON text ended by a NUL byte)."""

    def __init__(self, browser: str, work: Path | None):
        self.browser, self.work = browser, work
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> _Chromium:
        self._profile = tempfile.TemporaryDirectory(prefix="profile-", dir=self.work)
        self._log = tempfile.TemporaryFile()
        command = [
            self.browser, "--headless", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={self._profile.name}",
            "--remote-debugging-pipe", "about:blank",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to sandbox as root
        to_browser, self._in = os.pipe()
        self._out, from_browser = os.pipe()

        def pipes_as_3_and_4() -> None:
            """In the child, before exec: the pipe ends become fds 3 and 4 (dup2 makes them
            inheritable; every other descriptor Python opened is not, so exec closes it)."""
            high_in, high_out = os.dup(to_browser), os.dup(from_browser)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        try:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log,
                close_fds=False, preexec_fn=pipes_as_3_and_4)
        except OSError as exc:
            self._close_files()
            raise RenderError(msg.PDF_FAILED.format(detail=exc)) from None
        finally:
            os.close(to_browser)
            os.close(from_browser)
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self._process.poll() is None:
                try:
                    self._send("Browser.close")
                    self._process.wait(timeout=10)
                except (OSError, RenderError, subprocess.TimeoutExpired):
                    self._process.kill()
                    self._process.wait()
        finally:
            self._close_files()

    def _close_files(self) -> None:
        for fd in (self._in, self._out):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._log.close()
        self._profile.cleanup()

    def print_to_pdf(self, html: Path) -> bytes:
        deadline = time.monotonic() + TIMEOUT
        target = self.call("Target.createTarget", {"url": "about:blank"}, deadline=deadline)
        session = self.call("Target.attachToTarget",
                            {"targetId": target["targetId"], "flatten": True},
                            deadline=deadline)["sessionId"]
        try:
            self.call("Page.enable", session=session, deadline=deadline)
            self._events.clear()
            loaded = self.call("Page.navigate", {"url": html.resolve().as_uri()},
                               session=session, deadline=deadline)
            if loaded.get("errorText"):
                raise RenderError(msg.PDF_FAILED.format(detail=loaded["errorText"]))
            self._wait_event("Page.loadEventFired", session, deadline)
            printed = self.call("Page.printToPDF", {
                "preferCSSPageSize": True, "printBackground": True,
                "displayHeaderFooter": False, "marginTop": 0, "marginBottom": 0,
                "marginLeft": 0, "marginRight": 0}, session=session, deadline=deadline)
        finally:
            if self._process.poll() is None:
                self.call("Target.closeTarget", {"targetId": target["targetId"]},
                          deadline=time.monotonic() + 30)
        data = base64.b64decode(printed["data"])
        if not data.startswith(b"%PDF"):
            raise RenderError(msg.PDF_FAILED.format(detail="Page.printToPDF"))
        return data

    # -- the protocol ---------------------------------------------------------------------------
    def _send(self, method: str, params: dict[str, Any] | None = None,
              session: str | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method,
                                   "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        try:
            while data:
                data = data[os.write(self._in, data):]
        except OSError:  # the browser has exited (BrokenPipeError): say why, as _receive does
            raise RenderError(msg.PDF_FAILED.format(detail=self._last_log_line())) from None
        return self._next_id

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None, deadline: float | None = None) -> dict[str, Any]:
        number = self._send(method, params, session)
        while True:
            message = self._receive(deadline or time.monotonic() + TIMEOUT)
            if message.get("id") == number:
                if "error" in message:
                    detail = message["error"].get("message", method)
                    raise RenderError(msg.PDF_FAILED.format(detail=f"{method}: {detail}"))
                return message.get("result", {})
            if "method" in message:
                self._events.append(message)

    def _wait_event(self, method: str, session: str, deadline: float) -> None:
        while True:
            for event in self._events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self._events.clear()
                    return
            self._events.append(self._receive(deadline))

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out], [], [], left)[0]:
                self._process.kill()
                raise RenderError(msg.PDF_TIMEOUT.format(seconds=TIMEOUT))
            chunk = os.read(self._out, 1 << 20)
            if not chunk:
                raise RenderError(msg.PDF_FAILED.format(detail=self._last_log_line()))
            self._buffer += chunk
        text, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(text)

    def _last_log_line(self) -> str:
        self._process.wait(timeout=10)
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return (lines or [f"exit {self._process.returncode}"])[-1][:200]


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def ready_browser() -> str | None:
    """The Chromium to print with, or None after saying in Chinese why there is none (on
    stderr); warns when no Chinese font is installed. For the commands that print."""
    try:
        browser = chromium()
    except RenderError as exc:
        print(str(exc), file=sys.stderr)
        return None
    if has_chinese_font() is False:
        print(msg.PDF_NO_CHINESE_FONT, file=sys.stderr)
    return browser
