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

The warm variants build the same project as `ours-cold`; list them after it (the default order),
so that each finds the site and caches the build before it left.

Builds of the variants are interleaved, so that a change in the machine's load hits all of them.
Wall time is measured around the subprocess; CPU time (user + system) and peak RSS are the
child's own (os.wait4). CPU time is much less disturbed than wall time by other processes on a
shared machine. Medians of the runs are reported, with the number of HTML files and site size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
GENERATE = BENCH / "generate.py"
OUT = BENCH / "out"
REPORT = REPO / "docs" / "performance.md"
STAMP = ".bench-stamp"
INPUTS = (GENERATE, REPO / "catalog.yaml", REPO / "mkdocs.yml")

TIME_TARGET_RATIO = 1.3  # ours / baseline (no search) at the largest size
TIME_TARGET_SECONDS = 45.0
# issue 15, at 10,000 notices: (variant, target in seconds of wall time)
INCREMENTAL_TARGETS = (("ours-cold", 30.0), ("ours-warm", 10.0), ("ours-edit", 5.0))
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
    )
}


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    cpu_seconds: float  # user + system time of the build process
    peak_mib: float


@dataclass(frozen=True)
class Result:
    size: int
    variant: Variant
    runs: tuple[Run, ...]
    html_files: int
    site_mib: float

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_mib(self) -> float:
        return statistics.median(r.peak_mib for r in self.runs)


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


def edit_one_notice(project: Path) -> Path:
    """Change the last line of one notice's body (a different text each time)."""
    notice = min((project / "content" / "notices").rglob("*.md"))
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
    runs: dict[str, list[Run]] = {v.name: [] for v in variants}
    stats: dict[str, tuple[int, float]] = {}
    for index in range(1, repeat + 1):
        for v in variants:
            project = projects[v.name]
            run = build_once(project, v.config, project / f"build-{v.name}.log", v.cold,
                             v.warm, v.edit, v.page_cache)
            print(f"  n={size} {v.name} run {index}: {run.seconds:.1f} s "
                  f"(cpu {run.cpu_seconds:.1f} s), {run.peak_mib:.0f} MiB", file=sys.stderr)
            runs[v.name].append(run)
            stats[v.name] = site_stats(project / "site")
    return [Result(size, v, tuple(runs[v.name]), *stats[v.name]) for v in variants]


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
        ref = base.get(r.size)
        cpu_each = " / ".join(f"{run.cpu_seconds:.1f}" for run in r.runs)
        wall_each = " / ".join(f"{run.seconds:.1f}" for run in r.runs)
        cpu_ratio = _ratio(r.cpu_seconds, ref.cpu_seconds if ref else None)
        wall_ratio = _ratio(r.seconds, ref.seconds if ref else None)
        lines.append(f"| {r.size:,} | {r.variant.label} | {r.cpu_seconds:.1f} s | {cpu_each} | "
                     f"{cpu_ratio} | {r.seconds:.1f} s | {wall_each} | {wall_ratio} | "
                     f"{r.peak_mib:.0f} MiB | {r.html_files:,} | {r.site_mib:.1f} MiB |")
    return "\n".join(lines)


def _ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.2f}×" if reference else "—"


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
                         f"（CPU {ours.cpu_seconds / base.cpu_seconds:.2f}×） — "
                         f"{_ok(ratio <= TIME_TARGET_RATIO)}")
        search = by_key.get((size, "baseline-search"))
        if search is not None:
            lines.append(f"  - （参考）相对带搜索的默认 Material：{ours.seconds / search.seconds:.2f}×")
        lines.append(f"  - 构建时间 < {TIME_TARGET_SECONDS:.0f} s：{ours.seconds:.1f} s"
                     f"（CPU {ours.cpu_seconds:.1f} s） — "
                     f"{_ok(ours.seconds < TIME_TARGET_SECONDS)}")
        lines.append(f"  - 峰值内存 < {MEMORY_TARGET_MIB:.0f} MiB：{ours.peak_mib:.0f} MiB — "
                     f"{_ok(ours.peak_mib < MEMORY_TARGET_MIB)}")
    for name, target in INCREMENTAL_TARGETS:
        ours = by_key.get((size, name))
        if ours is not None and size >= 10000:
            lines.append(f"- issue 15（N = 10,000 的目标）{ours.variant.label} ≤ {target:.0f} s："
                         f"{ours.seconds:.1f} s（CPU {ours.cpu_seconds:.1f} s） — "
                         f"{_ok(ours.seconds <= target)}")
    if size < 5000:
        lines.append("- 注意：目标针对 N = 5,000，本次最大规模较小，仅供参考。")
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
        table(results),
        verdict(results),
        *_busy_warning(),
    ))


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
