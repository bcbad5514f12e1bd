"""Time the QR code step (qr.svg + qr.png beside every page) on a synthetic county, cold and warm.

    python bench/generate.py --notices 5000 --out bench/out/n5000/ours
    python bench/qr.py bench/out/n5000/ours

Cold, one process: an empty cache filled in this one process (`qr.fill_cache`, what the forked
background job of `mkdocs build` does while MkDocs writes pages), then the images placed beside
the pages. Cold, worker processes: an empty cache filled by `qr.write_codes` itself (spawned
workers: what happens at post-build under `mkdocs serve`, or where fork is not used). Warm: the
cache of the cold runs, nothing is encoded, files are linked. Also per code on a sample: the
symbol alone (`qr.encode`), symbol and both images (`qr._make`), and qrcode's own `make()`.
Prints load averages before and after (the machine may be shared: compare CPU seconds) and a
Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import qrcode
import qrcode.constants

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_builder.base import urls  # noqa: E402
from site_builder.base.problems import Problems  # noqa: E402
from site_builder.output import qr  # noqa: E402
from site_builder.pipeline import Project, build_model, generate_pages  # noqa: E402


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(step) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), cpu_seconds()
    step()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", type=Path)
    parser.add_argument("--sample", type=int, default=200, help="codes for the per-code timings")
    args = parser.parse_args()
    site, _ = build_model(Project.at(args.project))
    output = generate_pages(site)
    paths = qr.code_paths(output)
    load_before = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="bench-qr-"))
    try:
        def run(out: str, cache: str, fill_first: bool = False) -> None:
            codes = qr.QrCache(work / cache)
            if fill_first:
                qr.fill_cache(site, output, codes)
            qr.write_codes(site, output, work / out, codes, Problems(args.project))

        cold_one = timed(lambda: run("cold-one", "cache-one", fill_first=True))
        cold_pool = timed(lambda: run("cold-pool", "cache-pool"))
        warm = timed(lambda: run("warm", "cache-pool"))
        sizes = [f.stat().st_size for f in (work / "warm").rglob("qr.*")]
    finally:
        shutil.rmtree(work)

    sample = [qr.page_url(site, urls.notice(n.id)) for n in site.notices[: args.sample]]
    ours = timed(lambda: [qr.encode(u) for u in sample])
    images = timed(lambda: [qr._make(u) for u in sample])

    def stock() -> None:
        for url in sample:
            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
            code.add_data(url.encode())
            code.make(fit=True)

    reference = timed(stock)
    versions = Counter(qr.version_of(qr.page_url(site, p)) for p in paths)
    notice_versions = Counter(qr.version_of(u) for u in sample)

    loads = " / ".join(f"{x:.2f}" for x in load_before)
    after = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, qrcode {qr.QRCODE_VERSION}; load average "
          f"(1 / 5 / 15 min) {loads} before, {after} after")
    print(f"{len(site.notices)} notices, {len(paths)} pages with a code "
          f"({len(sizes)} files, {sum(sizes) / 1e6:.1f} MB)")
    print("| run | wall | CPU |\n|---|---|---|")
    print(f"| cold, one process (as `mkdocs build`'s background job), {len(paths)} codes "
          f"| {cold_one[0]:.1f} s | {cold_one[1]:.1f} s |")
    print(f"| cold, worker processes (as at post-build under `mkdocs serve`) "
          f"| {cold_pool[0]:.1f} s | {cold_pool[1]:.1f} s |")
    print(f"| warm (all cached, files linked) | {warm[0]:.1f} s | {warm[1]:.1f} s |")
    each = 1000 / len(sample)
    print(f"| one code, symbol only (`qr.encode`) | {ours[0] * each:.2f} ms "
          f"| {ours[1] * each:.2f} ms |")
    print(f"| one code, symbol + SVG + PNG (`qr._make`) | {images[0] * each:.2f} ms "
          f"| {images[1] * each:.2f} ms |")
    print(f"| one code, symbol only, qrcode's own `make()` | {reference[0] * each:.2f} ms "
          f"| {reference[1] * each:.2f} ms |")
    print(f"QR versions, all pages: {dict(sorted(versions.items()))}; "
          f"notices (sample): {dict(sorted(notice_versions.items()))}")


if __name__ == "__main__":
    main()
