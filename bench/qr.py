"""Time the QR code step (qr.svg + qr.png beside every page) on a synthetic county, cold and warm.

    python bench/generate.py --notices 5000 --out bench/out/n5000/ours
    python bench/qr.py bench/out/n5000/ours

Cold: an empty cache, every code is encoded (in worker processes, as in a first build). Warm: the
cache of the cold run, nothing is encoded, files are copied. Also: single-process cold encoding
on a sample, and qrcode's own `make()` on the same sample for comparison. Prints a Markdown table
for docs/performance.md.
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

from site_builder import qr, urls  # noqa: E402
from site_builder.pipeline import Project, build_model, generate_pages  # noqa: E402
from site_builder.problems import Problems  # noqa: E402


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
    work = Path(tempfile.mkdtemp(prefix="bench-qr-"))
    try:
        cache = work / "cache"

        def run(out: str) -> None:
            qr.write_codes(site, output, work / out, qr.QrCache(cache), Problems(args.project))

        cold = timed(lambda: run("cold"))
        warm = timed(lambda: run("warm"))
        sizes = [f.stat().st_size for f in (work / "warm").rglob("qr.*")]
    finally:
        shutil.rmtree(work)

    sample = [qr.page_url(site, urls.notice(n.id)) for n in site.notices[: args.sample]]
    ours = timed(lambda: [qr.encode(u) for u in sample])

    def stock() -> None:
        for url in sample:
            code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
            code.add_data(url.encode())
            code.make(fit=True)

    reference = timed(stock)
    versions = Counter(qr.version_of(qr.page_url(site, p)) for p in paths)
    notice_versions = Counter(qr.version_of(u) for u in sample)

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, qrcode {qr.QRCODE_VERSION}, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{len(site.notices)} notices, {len(paths)} pages with a code "
          f"({len(sizes)} files, {sum(sizes) / 1e6:.1f} MB)")
    print("| run | wall | CPU |\n|---|---|---|")
    print(f"| cold (empty cache, {len(paths)} codes encoded) | {cold[0]:.1f} s | {cold[1]:.1f} s |")
    print(f"| warm (all cached, files copied) | {warm[0]:.1f} s | {warm[1]:.1f} s |")
    each = 1000 / len(sample)
    print(f"| encode one code, this module (1 process) | {ours[0] * each:.1f} ms "
          f"| {ours[1] * each:.1f} ms |")
    print(f"| encode one code, qrcode `make()` as shipped | {reference[0] * each:.1f} ms "
          f"| {reference[1] * each:.1f} ms |")
    print(f"QR versions, all pages: {dict(sorted(versions.items()))}; "
          f"notices (sample): {dict(sorted(notice_versions.items()))}")


if __name__ == "__main__":
    main()
