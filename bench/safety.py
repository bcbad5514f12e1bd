"""Time the publication-safety stages on a generated county (docs/performance.md records them).

    python bench/generate.py --notices 5000 --out bench/out/n5000/ours
    (cd bench/out/n5000/ours && ../../../../.venv/bin/mkdocs build)
    python bench/safety.py bench/out/n5000/ours

Measures, best of three runs: the personal-data and unsafe-HTML screening of every notice (the
validation-stage part added by publication safety), and the post-build link check over site/.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from site_builder.base.problems import Problems
from site_builder.check import privacy, screen
from site_builder.input import load
from site_builder.input.fields import Fields
from site_builder.output import linkcheck
from site_builder.pipeline import Project


def best(function, runs: int = 3) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest run; CPU time is less disturbed by a busy machine."""
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    args = parser.parse_args()
    project = Project.at(args.project)
    problems = Problems(project.root)
    notices, _ = load.find_markdown(project.content)
    docs = [d for d in (load.read_document(p, problems) for p in notices) if d and d.meta]
    settings = privacy.Settings()

    def screen_all() -> None:
        sink = Problems(project.root)
        for doc in docs:
            screen.screen_notice(doc, Fields(doc.meta, doc.path, sink), True, [], settings, sink)

    site = project.root / "site"
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*.html")) / 1e6
    screening = best(screen_all)
    links = best(lambda: linkcheck.check(site, "https://example.invalid/"), runs=1)
    print(f"notices: {len(docs)}; screening (personal data + unsafe HTML): "
          f"{screening[0]:.2f} s wall, {screening[1]:.2f} s CPU")
    print(f"site: {pages} HTML pages, {size:.0f} MB; link check: "
          f"{links[0]:.2f} s wall, {links[1]:.2f} s CPU")


if __name__ == "__main__":
    main()
