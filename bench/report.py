"""Time `site-builder report` on a generated county (docs/performance.md records it).

    python bench/generate.py --notices 10000 --out bench/out/n10000/ours
    python bench/report.py bench/out/n10000/ours --today 2026-11-30

Runs the command as a user does (a fresh `site-builder report` process, so start-up and
imports count), best of --repeat runs, and prints wall and CPU seconds of each run, the rows
the report lists and the peak memory. The target (issue 14) is under 5 s for 10,000 notices.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook


def run_once(project: Path, today: str, out: Path) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "site_builder.cli", "--root", str(project),
                           "report", "--today", today, "-o", str(out)],
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--today", default="2026-11-30")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        runs = [run_once(args.project, args.today, out) for _ in range(args.repeat)]
        for number, (wall, cpu, _) in enumerate(runs, start=1):
            print(f"run {number}: {wall:.2f} s wall, {cpu:.2f} s CPU")
        wall, cpu, stdout = min(runs)
        print(f"best: {wall:.2f} s wall, {cpu:.2f} s CPU (target: under 5 s)")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of one run: {peak:.0f} MiB")
        book = load_workbook(next(out.glob("*.xlsx")))
        rows = {ws.title: ws.max_row - 1 for ws in book.worksheets}
        print("rows per sheet: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
        print(stdout.strip())


if __name__ == "__main__":
    main()
