"""Peak memory of a build with all its worker processes: PSS summed over the process tree.

    python bench/memory.py --cwd bench/out/n50000/ours -- python -m mkdocs build
    python bench/memory.py --cwd bench/out/n10000/ours --edit -- python -m mkdocs build

RSS counts the pages a forked worker shares with the build twice; PSS (proportional set size,
Linux /proc/<pid>/smaps_rollup) splits each shared page between the processes sharing it, so the
sum over the tree is what the build takes from the machine. The tree is sampled every 0.5 s
(`--every`); the peak can fall between two samples, so it is a lower bound. CPU time is the
command's and its reaped children's (os.wait4). `--edit` first edits one notice body as
bench/run.py's ours-edit variant does. Linux only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from run import edit_one_notice


def children(pid: int) -> list[int]:
    """`pid` and every process below it."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                text = Path(f"/proc/{current}/task/{task}/children").read_text()
            except OSError:
                continue
            todo.extend(int(child) for child in text.split())
    return found


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure(command: list[str], cwd: Path, every: float, log: Path | None = None
            ) -> tuple[float, float, int, list[tuple[float, int]]]:
    """(wall seconds, CPU seconds, peak PSS in KiB, and at the peak: seconds since the start and
    each process's PSS, the build's first) of `command` and its processes."""
    started = time.perf_counter()
    out = open(log, "w", encoding="utf-8") if log else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    peak, at_peak = 0, []
    while True:
        done, status, usage = os.wait4(process.pid, os.WNOHANG)
        if done:
            break
        each = [pss_kib(pid) for pid in children(process.pid)]
        if sum(each) > peak:
            peak, at_peak = sum(each), [(time.perf_counter() - started, kib) for kib in each]
        time.sleep(every)
    wall = time.perf_counter() - started
    if log:
        out.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command} failed with {process.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, peak, at_peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cwd", type=Path, required=True, help="the project folder")
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--edit", action="store_true", help="edit one notice body first")
    parser.add_argument("--log", type=Path, help="keep the build's output in this file")
    parser.add_argument("command", nargs="+", help="the build command (after --)")
    args = parser.parse_args(argv)
    if args.edit:
        edit_one_notice(args.cwd)
    load = os.getloadavg()[0]
    wall, cpu, peak, at_peak = measure(args.command, args.cwd, args.every, args.log)
    print(f"wall {wall:.1f} s, CPU {cpu:.1f} s, peak PSS {peak / 1024:.0f} MiB "
          f"(1-minute load at start {load:.2f})")
    if at_peak:
        each = " + ".join(f"{kib / 1024:.0f}" for _, kib in at_peak)
        print(f"  at the peak ({at_peak[0][0]:.1f} s): {each} MiB (the build first, then its "
              f"processes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
