"""Profile one `mkdocs build` of the generator with cProfile and summarise where time goes.

    python bench/profile_build.py                  # N = 5000, top 30 functions
    python bench/profile_build.py --notices 1000 --top 50 --variant baseline
    python bench/profile_build.py --notices 300 --cold   # without the caches (.cache/)

The synthetic project is the one bench/run.py uses (bench/out/nN/), generated if needed. The raw
profile is kept in bench/out/nN/<variant>.prof for `python -m pstats` or snakeviz. The summary
groups own time (tottime) by package (site_builder, mkdocs, material, markdown, jinja2, ...), then
lists the top functions by cumulative and by own time, and the site_builder functions.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from run import OUT, VARIANTS, clean, ensure_project

# A stats entry's file name → the area it belongs to (first match wins).
AREAS = (
    ("site_builder", "site_builder/"),
    ("mkdocs-material", "/material/"),
    ("mkdocs", "/mkdocs/"),
    ("markdown", "/markdown/"),
    ("pymdownx", "/pymdownx/"),
    ("jinja2 (templates)", "/jinja2/"),
    ("jinja2 (templates)", "<template>"),
    ("yaml", "/yaml/"),
    ("python stdlib", "/lib/python3"),
    ("builtins / C", "~"),
)


def area(filename: str) -> str:
    for name, marker in AREAS:
        if marker in filename:
            return name
    return "other"


def profile_build(project: Path, config: str, target: Path, cold: bool = False) -> float:
    """Run `mkdocs build` under cProfile in a subprocess; the wall time (profiled). A cold build
    starts without the caches as well as without the previous site."""
    clean(project, cold)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "cProfile", "-o", str(target), "-m", "mkdocs", "build",
               "--clean", "-f", config]
    started = time.perf_counter()
    subprocess.run(command, cwd=project, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def by_area(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        totals[area(filename)] += tottime
    return sorted(totals.items(), key=lambda kv: kv[1], reverse=True)


def listing(stats: pstats.Stats, sort: str, top: int, *restrictions: str | int) -> str:
    buffer = io.StringIO()
    stats.stream = buffer  # type: ignore[attr-defined]
    stats.sort_stats(sort).print_stats(*restrictions, top)
    lines = buffer.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:])


def summary(prof: Path, top: int) -> str:
    stats = pstats.Stats(str(prof))
    total = stats.total_tt  # type: ignore[attr-defined]
    parts = [f"total profiled time: {total:.1f} s", "", "own time by area:"]
    parts += [f"  {name:<22} {seconds:7.1f} s  {seconds / total:6.1%}"
              for name, seconds in by_area(stats)]
    parts += ["", f"top {top} by cumulative time:", listing(stats, "cumulative", top)]
    parts += ["", f"top {top} by own time:", listing(stats, "tottime", top)]
    parts += ["", "site_builder functions by cumulative time:",
              listing(stats, "cumulative", top, "site_builder")]
    return "\n".join(parts)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notices", type=int, default=5000, help="notice count (default 5000)")
    parser.add_argument("--variant", choices=list(VARIANTS), default="ours",
                        help="what to build (default ours)")
    parser.add_argument("--top", type=int, default=30, help="functions per listing (default 30)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--cold", action="store_true", help="remove the caches first")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="folder for the synthetic projects (default bench/out)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    variant = VARIANTS[args.variant]
    project = ensure_project(args.notices, args.seed, variant, force=False, out=args.out)
    prof = args.out / f"n{args.notices}" / f"{variant.name}.prof"
    seconds = profile_build(project, variant.config, prof, cold=args.cold)
    print(f"profiled build of {variant.name} at N={args.notices}: {seconds:.1f} s wall "
          f"(with profiler overhead); raw profile: {prof}")
    print(summary(prof, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
