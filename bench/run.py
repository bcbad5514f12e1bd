"""Time full clean `mkdocs build`s of the generator against plain MkDocs + Material.

    python bench/run.py                       # N = 1000 and 5000, 2 runs each
    python bench/run.py --sizes 1000 --repeat 3
    python bench/run.py --record              # also append the table to docs/performance.md

For every size N the synthetic county (bench/generate.py) is written once to bench/out/nN/ and
reused while the generator script, catalog.yaml, mkdocs.yml and the seed are unchanged. Three
variants are built, each in a fresh subprocess, after removing the previous output:

  ours             the site-builder plugin (catalog.yaml + content/)
  baseline         plain Material, notices out of the nav, no plugins at all
  baseline-search  the same with Material's search plugin
  ours-warm        site/ and .cache/ kept from the previous build, nothing changed (issue 15)
  ours-edit        site/ and .cache/ kept, one notice's body edited before the build
  ours-warm-nopc   as ours-warm, but without the page cache (.cache/pages/ removed first): every
                   page rendered by the theme again, as before issue 15 (its effect, measured)
  ours-serve       `mkdocs serve` (what `site-builder serve` runs) on the same project: seconds
                   from saving an edited notice body until the server sends the page with the new
                   text; reported with a second row, ours-serve-title: seconds from saving a new
                   标题 until both the notice page and the item's listing page that shows the
                   notice carry it (the title is then put back, and that change is timed too)

The warm variants build the same project as `ours-cold`; list them after it (the default order),
so that each finds the site and caches the build before it left. ours-serve starts one server per
run (its first build is not timed), waits for every rebuild to finish before the next edit (MkDocs
builds again when a file changes during a build) and stops the server's whole process group
afterwards, also on Ctrl+C or a failure. The server answers a request only once a rebuild in
progress has finished, so the latency is the time to the end of the rebuild that saw the change.
Its CPU time is not measured (“—”); its peak memory is the server process's VmHWM, which includes
its first build.

Builds of the variants are interleaved, so that a change in the machine's load hits all of them.
Wall time is measured around the subprocess; CPU time (user + system) and peak RSS are the
child's own (os.wait4). CPU time is much less disturbed than wall time by other processes on a
shared machine. Medians of the runs are reported, with the number of HTML files and site size.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import html
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GENERATE = BENCH / "generate.py"
OUT = BENCH / "out"
REPORT = REPO / "docs" / "performance.md"
STAMP = ".bench-stamp"
INPUTS = (GENERATE, REPO / "catalog.yaml", REPO / "mkdocs.yml")

TIME_TARGET_RATIO = 1.3  # ours / baseline (no search) at the largest size
TIME_TARGET_SECONDS = 45.0
# issue 15, per size: (variant, target in seconds of wall time)
INCREMENTAL_TARGETS = {
    10000: (("ours-cold", 30.0), ("ours-warm", 10.0), ("ours-edit", 5.0), ("ours-serve", 3.0),
            ("ours-serve-title", 3.0)),
    50000: (("ours-cold", 150.0), ("ours-warm", 30.0)),
}
MEMORY_TARGET_MIB = 1024.0
BUSY_LOAD = (os.cpu_count() or 1) + 0.5  # 5-minute load average: above it, others competed


@dataclass(frozen=True)
class Variant:
    name: str
    label: str
    project: str  # sub-folder of bench/out/nN/
    config: str
    baseline: bool
    cold: bool = False  # also remove the build caches (.cache/: rendered bodies, QR images)
    warm: bool = False  # keep site/ and .cache/ from the build before (an incremental build)
    edit: bool = False  # warm, and one notice's body edited first
    page_cache: bool = True  # False: remove .cache/pages/ first (every page rendered again)
    serve: bool = False  # `mkdocs serve`: latency from saving an edit to the updated page


VARIANTS: dict[str, Variant] = {
    v.name: v for v in (
        Variant("ours", "site-builder（本生成器，缓存已有）", "ours", "mkdocs.yml", False),
        Variant("ours-cold", "site-builder（本生成器，无缓存）", "ours", "mkdocs.yml", False, True),
        Variant("baseline", "Material，无搜索", "baseline", "mkdocs.yml", True),
        Variant("baseline-search", "Material + 搜索", "baseline", "mkdocs-search.yml", True),
        Variant("ours-warm", "site-builder（保留 site/ 和缓存，未修改）", "ours", "mkdocs.yml",
                False, warm=True),
        Variant("ours-edit", "site-builder（保留 site/ 和缓存，改了一篇正文）", "ours",
                "mkdocs.yml", False, warm=True, edit=True),
        Variant("ours-warm-nopc", "site-builder（保留 site/ 和缓存，未修改，不用网页缓存）", "ours",
                "mkdocs.yml", False, warm=True, page_cache=False),
        Variant("ours-serve", "site-builder serve：改一篇正文后该页更新", "ours", "mkdocs.yml",
                False, serve=True),
    )
}
# the second row of ours-serve (not a variant of its own: measured by the same server)
SERVE_TITLE = Variant("ours-serve-title", "site-builder serve：改一篇标题后该页和事项列表更新",
                      "ours", "mkdocs.yml", False, serve=True)


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time (serve: latency from saving to the updated page)
    cpu_seconds: float | None  # user + system time of the build process (None: not measured)
    peak_mib: float | None


@dataclass(frozen=True)
class Result:
    size: int
    variant: Variant
    runs: tuple[Run, ...]
    html_files: int | None  # None: the site is the server's temporary folder, gone
    site_mib: float | None

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float | None:
        return _median([r.cpu_seconds for r in self.runs])

    @property
    def peak_mib(self) -> float | None:
        return _median([r.peak_mib for r in self.runs])


def _median(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known and len(known) == len(values) else None


# -- projects ------------------------------------------------------------------------------------
def fingerprint(size: int, seed: int, baseline: bool) -> str:
    digest = hashlib.sha256(f"{size}:{seed}:{baseline}".encode())
    for path in INPUTS:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_project(size: int, seed: int, variant: Variant, force: bool, out: Path = OUT) -> Path:
    """The generated project for `variant` at `size` (under `out`), written if missing or out of
    date."""
    folder = out / f"n{size}" / variant.project
    stamp = folder / STAMP
    expected = fingerprint(size, seed, variant.baseline)
    if not force and stamp.is_file() and stamp.read_text() == expected:
        return folder
    command = [sys.executable, str(GENERATE), "--notices", str(size), "--out", str(folder),
               "--seed", str(seed), *(["--baseline"] if variant.baseline else [])]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    print(f"  generated {folder} in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    stamp.write_text(expected)
    return folder


# -- building ------------------------------------------------------------------------------------
def clean(project: Path, cold: bool) -> None:
    """Remove every build output (and for a cold build the caches), so each build starts from
    nothing."""
    names = ["site", ".site-building", ".site-previous", *([".cache"] if cold else [])]
    for name in names:
        shutil.rmtree(project / name, ignore_errors=True)
    for trash in project.glob(".site-trash-*"):
        shutil.rmtree(trash, ignore_errors=True)


EDIT_MARK = "（基准测试修改第 "


def edited_notice(project: Path) -> Path:
    """The notice file that the edit variants change."""
    return min((project / "content" / "notices").rglob("*.md"))


def edit_one_notice(project: Path) -> Path:
    """Change the last line of one notice's body (a different text each time)."""
    notice = edited_notice(project)
    lines = notice.read_text(encoding="utf-8").rstrip("\n").split("\n")
    count = 0
    if EDIT_MARK in lines[-1]:
        count = int(lines[-1].split(EDIT_MARK)[1].split(" ")[0])
        lines.pop()
    lines.append(f"{EDIT_MARK}{count + 1} 次）")
    notice.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return notice


def build_once(project: Path, config: str, log: Path, cold: bool = False,
               warm: bool = False, edit: bool = False, page_cache: bool = True) -> Run:
    """One `mkdocs build` in a subprocess (clean unless `warm`): wall time, CPU time and the
    child's peak RSS."""
    if not warm:
        clean(project, cold)
    if edit:
        edit_one_notice(project)
    if not page_cache:
        shutil.rmtree(project / ".cache" / "pages", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", *([] if warm else ["--clean"]), "-f",
               config]
    with log.open("w") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=env, stdout=out,
                                 stderr=subprocess.STDOUT)
        try:
            _, status, usage = os.wait4(child.pid, 0)
        except BaseException:  # interrupted: do not leave the build running
            child.kill()
            child.wait()
            raise
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"build failed ({child.returncode}): {project / config}; see {log}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


# -- serve ---------------------------------------------------------------------------------------
SERVE_START_SECONDS = 3600.0  # the server's first build (cold at 50,000 notices: minutes)
SERVE_EDIT_SECONDS = 1800.0  # one rebuild
POLL_SECONDS = 0.05
SETTLE_SECONDS = 1.0  # no new rebuild started for this long: the server is idle
TITLE_MARK = "（基准测试改标题第 "
# MkDocs' log lines around a rebuild (mkdocs/livereload): one started, one ended (or failed)
REBUILD_STARTED = "Detected file changes"
REBUILD_ENDED = ("Reloading browsers", "An error happened during the rebuild")
# the preview does not go through proxies
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class ServedNotice:
    path: Path
    id: str
    item: str
    title: str


def served_notice(project: Path) -> ServedNotice:
    """The notice the edit variants change, with its id, item and title from the front matter
    (its own title put back if a run killed before it could left a changed one)."""
    path = edited_notice(project)
    fields: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").split("\n")
    for line in lines[1:lines.index("---", 1)]:
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip().strip("'\"")
    title = fields["标题"].split(TITLE_MARK)[0]
    if title != fields["标题"]:
        set_title(path, title)
    return ServedNotice(path, fields["id"], fields["事项"], title)


def set_title(notice: Path, title: str) -> None:
    """Replace the value of the notice's 标题 in its front matter."""
    text = notice.read_text(encoding="utf-8")
    new, count = re.subn(r"(?m)^标题:.*$", lambda _: f"标题: {title}", text, count=1)
    if count != 1:
        sys.exit(f"no 标题 in the front matter of {notice}")
    notice.write_text(new, encoding="utf-8")


def mount_path(project: Path, config: str) -> str:
    """Where `mkdocs serve` puts the site: the path of mkdocs.yml's site_url, else / (MkDocs reads
    it before the plugin replaces site_url with the county's address)."""
    text = (project / config).read_text(encoding="utf-8")
    found = re.search(r"^site_url:\s*['\"]?([^'\"\s#]*)", text, re.MULTILINE)
    path = urlsplit(found.group(1) if found else "").path.strip("/")
    return f"/{path}/" if path else "/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """(HTTP status, body) of `url`; status 0 while nothing answers. The server holds a request
    until a rebuild in progress has finished, hence the long timeout."""
    try:
        with _OPENER.open(url, timeout=SERVE_EDIT_SECONDS) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


class Server:
    """`python -m mkdocs serve` in a process group of its own, output to `log`."""

    def __init__(self, project: Path, config: str, log: Path) -> None:
        self.log = log
        self.base = f"http://127.0.0.1:{free_port()}{mount_path(project, config)}"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", config, "--dev-addr",
                   urlsplit(self.base).netloc]
        with log.open("w") as out:
            self.child = subprocess.Popen(command, cwd=project, env=env, stdout=out,
                                          stderr=subprocess.STDOUT, start_new_session=True,
                                          preexec_fn=_default_sigint)

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")

    def alive(self) -> None:
        if self.child.poll() is not None:
            sys.exit(f"mkdocs serve stopped ({self.child.returncode}); see {self.log}")

    def wait_for(self, paths: Sequence[str], text: str | None, seconds: float, what: str,
                 gone: str | None = None) -> float:
        """Poll `paths` until every one answers 200, contains `text` and no longer contains
        `gone`; the time it did."""
        deadline = time.perf_counter() + seconds
        while True:
            self.alive()
            if all(self._shows(path, text, gone) for path in paths):
                return time.perf_counter()
            if time.perf_counter() > deadline:
                sys.exit(f"mkdocs serve: {what} not seen after {seconds:.0f} s; see {self.log}")
            time.sleep(POLL_SECONDS)

    def _shows(self, path: str, text: str | None, gone: str | None) -> bool:
        status, body = fetch(self.url(path))
        return (status == 200 and (text is None or text in body)
                and (gone is None or gone not in body))

    def wait_idle(self) -> None:
        """Until every rebuild that MkDocs started has ended and none started for a while."""
        deadline = time.perf_counter() + SERVE_EDIT_SECONDS
        last, since = (-1, -1), time.perf_counter()
        while time.perf_counter() < deadline:
            self.alive()
            text = self.log.read_text(encoding="utf-8", errors="replace")
            counts = (text.count(REBUILD_STARTED), sum(text.count(e) for e in REBUILD_ENDED))
            if counts != last:
                last, since = counts, time.perf_counter()
            elif counts[0] == counts[1] and time.perf_counter() - since >= SETTLE_SECONDS:
                return
            time.sleep(POLL_SECONDS)
        sys.exit(f"mkdocs serve still rebuilding after {SERVE_EDIT_SECONDS:.0f} s; see {self.log}")

    def peak_mib(self) -> float | None:
        """The server process's peak resident memory (VmHWM), if Linux tells."""
        try:
            for line in Path(f"/proc/{self.child.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except (OSError, ValueError, IndexError):
            pass
        return None

    def stop(self) -> None:
        """Ctrl+C for MkDocs (it removes its temporary site), then kill whatever is left of the
        process group (worker processes). The group's id is not reused while a member lives."""
        if self.child.poll() is None:
            self.child.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.child.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.child.pid, signal.SIGKILL)
        self.child.wait()


def _default_sigint() -> None:
    """In the server process before it starts: SIGINT as usual, even if this script was started
    with it ignored (in the background, by nohup), so that `stop` can stop it like Ctrl+C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def listing_with(server: Server, item: str, text: str) -> str:
    """The path of the item's listing page (/i/<item>/ or /i/<item>/page/N/) that shows `text`."""
    page, path = 1, f"i/{item}/"
    while True:
        status, body = fetch(server.url(path))
        if status != 200:
            sys.exit(f"no listing page of item {item} shows {text!r} (up to {path}: {status})")
        if text in body:
            return path
        page += 1
        path = f"i/{item}/page/{page}/"


def serve_once(project: Path, config: str, log: Path) -> tuple[list[Run], list[Run]]:
    """One server: a body edit, then a title edit and the title put back, each timed from the
    write to the updated pages. (body runs, title runs)"""
    notice = served_notice(project)
    title_written = False
    server = Server(project, config, log)
    try:
        page = f"n/{notice.id}/"
        server.wait_for([page], None, SERVE_START_SECONDS, f"{page} (first build)")
        server.wait_idle()
        listing = listing_with(server, notice.item, html.escape(notice.title, quote=False))
        print(f"  serve: {server.url(page)} and {server.url(listing)}", file=sys.stderr)

        edit_one_notice(project)
        saved = time.perf_counter()
        mark = notice.path.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[-1]
        body = server.wait_for([page], mark, SERVE_EDIT_SECONDS, f"{mark!r} on {page}")
        body_seconds = body - saved
        server.wait_idle()

        title_seconds = []
        new_title = f"{notice.title}{TITLE_MARK}{time.time_ns()} 次）"
        # the new title, then the old one back (which the new one contains: wait for it to go)
        for title, gone in ((new_title, None), (notice.title, new_title)):
            title_written = True
            set_title(notice.path, title)
            saved = time.perf_counter()
            title_written = title != notice.title
            shown = server.wait_for([page, listing], html.escape(title, quote=False),
                                    SERVE_EDIT_SECONDS, f"title {title!r} on {page} and {listing}",
                                    gone and html.escape(gone, quote=False))
            title_seconds.append(shown - saved)
            server.wait_idle()
        peak = server.peak_mib()
    finally:
        server.stop()
        if title_written:  # interrupted with the new title saved: put the old one back
            set_title(notice.path, notice.title)
    return ([Run(body_seconds, None, peak)], [Run(s, None, peak) for s in title_seconds])


def site_stats(site: Path) -> tuple[int, float]:
    """(number of HTML files, total size in MiB) of a built site."""
    html, total = 0, 0
    for folder, _, names in os.walk(site):
        for name in names:
            total += os.lstat(os.path.join(folder, name)).st_size
            html += name.endswith(".html")
    return html, total / 1024 / 1024


def measure(size: int, variants: Sequence[Variant], seed: int, repeat: int,
            regenerate: bool) -> list[Result]:
    """Build every variant `repeat` times, interleaved (ours, baseline, ..., ours, baseline, ...)
    so that changes in the machine's load during the run affect every variant alike."""
    projects = {v.name: ensure_project(size, seed, v, regenerate) for v in variants}
    rows = [w for v in variants for w in ((v, SERVE_TITLE) if v.serve else (v,))]
    runs: dict[str, list[Run]] = {v.name: [] for v in rows}
    stats: dict[str, tuple[int | None, float | None]] = {v.name: (None, None) for v in rows}
    for index in range(1, repeat + 1):
        for v in variants:
            project = projects[v.name]
            log = project / f"build-{v.name}.log"
            if v.serve:
                body, title = serve_once(project, v.config, log)
                done = [(v, body), (SERVE_TITLE, title)]
            else:
                done = [(v, [build_once(project, v.config, log, v.cold, v.warm, v.edit,
                                        v.page_cache)])]
                stats[v.name] = site_stats(project / "site")
            for row, row_runs in done:
                for run in row_runs:
                    print(f"  n={size} {row.name} run {index}: {run.seconds:.2f} s "
                          f"(cpu {_num(run.cpu_seconds, 's')}), {_num(run.peak_mib, 'MiB', 0)}",
                          file=sys.stderr)
                runs[row.name] += row_runs
    return [Result(size, v, tuple(runs[v.name]), *stats[v.name]) for v in rows]


# -- reporting -----------------------------------------------------------------------------------
def table(results: Sequence[Result]) -> str:
    """The results as a Markdown table; ratios are against the baseline without search."""
    base = {r.size: r for r in results if r.variant.name == "baseline"}
    lines = [
        "| 信息条数 N | 构建方式 | CPU 时间（中位数） | CPU 各次 (s) | CPU 相对无搜索基线 | "
        "墙钟时间（中位数） | 墙钟各次 (s) | 墙钟相对无搜索基线 | 峰值内存 | HTML 文件数 | "
        "站点大小 |",
        "|---:|---|---:|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for r in results:
        ref = None if r.variant.serve else base.get(r.size)  # a latency is not a build
        digits = 2 if r.variant.serve else 1
        cpu_each = " / ".join(_num(run.cpu_seconds) for run in r.runs)
        wall_each = " / ".join(f"{run.seconds:.{digits}f}" for run in r.runs)
        cpu_ratio = _ratio(r.cpu_seconds, ref.cpu_seconds if ref else None)
        wall_ratio = _ratio(r.seconds, ref.seconds if ref else None)
        files = "—" if r.html_files is None else f"{r.html_files:,}"
        lines.append(f"| {r.size:,} | {r.variant.label} | {_num(r.cpu_seconds, 's')} | "
                     f"{cpu_each} | {cpu_ratio} | {r.seconds:.{digits}f} s | {wall_each} | "
                     f"{wall_ratio} | {_num(r.peak_mib, 'MiB', 0)} | {files} | "
                     f"{_num(r.site_mib, 'MiB')} |")
    return "\n".join(lines)


def _num(value: float | None, unit: str = "", digits: int = 1) -> str:
    """`value` with `digits` decimals and `unit`; “—” when not measured."""
    if value is None:
        return "—"
    return f"{value:.{digits}f}" + (f" {unit}" if unit else "")


def _ratio(value: float | None, reference: float | None) -> str:
    return f"{value / reference:.2f}×" if value is not None and reference else "—"


def verdict(results: Sequence[Result]) -> str:
    """Whether the targets hold at the largest size measured with site-builder.

    site-builder uses every core (Markdown and the link check run in worker processes, the
    search index in a second process), so wall time on an otherwise idle machine is the judge;
    CPU time is shown beside it. Plain MkDocs is single-threaded: its wall time is its CPU time.
    """
    by_key = {(r.size, r.variant.name): r for r in results}
    sizes = sorted({r.size for r in results if r.variant.name.startswith("ours")})
    if not sizes:
        return "（未测量 site-builder，无法判断目标。）"
    size = sizes[-1]
    lines = [f"目标检查（N = {size:,}；墙钟时间，括号内为 CPU 时间）："]
    base = by_key.get((size, "baseline"))
    for name in ("ours", "ours-cold"):
        ours = by_key.get((size, name))
        if ours is None:
            continue
        lines.append(f"- {ours.variant.label}：")
        if base is not None:
            ratio = ours.seconds / base.seconds
            lines.append(f"  - 构建时间 ≤ {TIME_TARGET_RATIO}× 无搜索的 Material 基线：{ratio:.2f}×"
                         f"（CPU {_ratio(ours.cpu_seconds, base.cpu_seconds)}） — "
                         f"{_ok(ratio <= TIME_TARGET_RATIO)}")
        search = by_key.get((size, "baseline-search"))
        if search is not None:
            lines.append(f"  - （参考）相对带搜索的默认 Material：{ours.seconds / search.seconds:.2f}×")
        lines.append(f"  - 构建时间 < {TIME_TARGET_SECONDS:.0f} s：{ours.seconds:.1f} s"
                     f"（CPU {_num(ours.cpu_seconds, 's')}） — "
                     f"{_ok(ours.seconds < TIME_TARGET_SECONDS)}")
        peak = ours.peak_mib
        lines.append(f"  - 峰值内存 < {MEMORY_TARGET_MIB:.0f} MiB：{_num(peak, 'MiB', 0)} — "
                     f"{_ok(peak is not None and peak < MEMORY_TARGET_MIB)}")
    for name, target in INCREMENTAL_TARGETS.get(size, ()):
        ours = by_key.get((size, name))
        if ours is not None:
            cpu = "" if ours.cpu_seconds is None else f"（CPU {ours.cpu_seconds:.1f} s）"
            lines.append(f"- issue 15（N = {size:,} 的目标）{ours.variant.label} ≤ {target:.0f} s："
                         f"{ours.seconds:.1f} s{cpu} — {_ok(ours.seconds <= target)}")
    if size < 5000:
        lines.append("- 注意：目标针对 N = 5,000，本次最大规模较小，仅供参考。")
    elif size > 5000:
        lines.append(f"- 注意：“≤ {TIME_TARGET_RATIO}× 基线”“< {TIME_TARGET_SECONDS:.0f} s”和"
                     f"“峰值内存 < {MEMORY_TARGET_MIB:.0f} MiB”三个目标针对 N = 5,000，这里仅供参考。")
    return "\n".join(lines)


def _ok(passed: bool) -> str:
    return "达标" if passed else "**未达标**"


def machine() -> str:
    cpu = _cpu_model()
    memory = _memory_gib()
    versions = ", ".join(f"{name} {_version(name)}" for name in ("mkdocs", "mkdocs-material",
                                                                 "Markdown"))
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {_os_name()}; "
            f"Python {platform.python_version()}; {versions}; 负载 {_load()}")


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg()) + "（1 / 5 / 15 分钟）"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    try:
        pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        return pages * page_size / 1024**3
    except (ValueError, OSError, AttributeError):
        return 0.0


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    return platform.platform()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def revision() -> str:
    """The commit measured, and whether site_builder/ had uncommitted changes (read-only git)."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "?"
    dirty = git("status", "--porcelain", "--", "site_builder", "overrides", "mkdocs.yml")
    return commit + ("（site_builder/overrides 有未提交的修改）" if dirty else "")


def report(results: Sequence[Result], before: str, repeat: int, seed: int) -> str:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n\n".join((
        f"### {stamp}",
        f"代码版本：{revision()}",
        f"机器：{before}",
        f"结束时负载：{_load()}",
        f"每种方式各构建 {repeat} 次（交替进行；每次先删除输出，单独的子进程），取中位数；"
        f"生成种子 {seed}。",
        *_serve_note(results),
        table(results),
        verdict(results),
        *_busy_warning(),
    ))


def _serve_note(results: Sequence[Result]) -> list[str]:
    if not any(r.variant.serve for r in results):
        return []
    return ["serve 两行：每次启动一个 `mkdocs serve`（首次构建不计时），“墙钟”是从保存修改到服务器"
            "送出已更新网页的秒数（每 0.05 秒请求一次）；改标题一行每次含改标题和改回原标题两次，"
            "等该信息页面和显示它的事项列表页都出现新标题。CPU 时间未测；峰值内存是 serve 主进程的 "
            "VmHWM（含首次构建）。"]


def _busy_warning() -> list[str]:
    """A note when other processes competed for the CPUs (our own builds use every core)."""
    if os.getloadavg()[1] <= BUSY_LOAD:
        return []
    return ["注意：测量期间机器上还有其他负载（见上面的负载），墙钟时间偏大且波动，"
            "请在空闲的机器上重新测量。"]


def record(text: str) -> None:
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    with REPORT.open("a", encoding="utf-8") as out:
        out.write("\n" + text + "\n")
    print(f"appended to {REPORT.relative_to(REPO)}", file=sys.stderr)


# -- command line --------------------------------------------------------------------------------
def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Variants: " + ", ".join(VARIANTS) + ". Output goes to bench/out/ (git-ignored).")
    parser.add_argument("--sizes", default="1000,5000",
                        help="comma-separated notice counts (default 1000,5000)")
    parser.add_argument("--repeat", type=int, default=2, help="builds per variant (default 2)")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="comma-separated variants to build (default: all)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--regenerate", action="store_true",
                        help="rewrite the synthetic projects even if they are up to date")
    parser.add_argument("--record", action="store_true",
                        help=f"append the results to {REPORT.relative_to(REPO)}")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.variants = [VARIANTS[v.strip()] for v in args.variants.split(",") if v.strip()]
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # `kill` stops the measurement as Ctrl+C does: the build or server in progress is stopped
    signal.signal(signal.SIGTERM, lambda number, _frame: sys.exit(128 + number))
    before = machine()
    results: list[Result] = []
    for size in args.sizes:
        results += measure(size, args.variants, args.seed, args.repeat, args.regenerate)
    text = report(results, before, args.repeat, args.seed)
    print(text)
    if args.record:
        record(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
