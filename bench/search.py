"""Search benchmark: indexing time, index size, and what a browser downloads and waits for.

    python bench/generate.py --notices 10000 --out bench/out/n10000
    (cd bench/out/n10000 && mkdocs build)
    python bench/search.py bench/out/n10000

Re-indexes the built site (timing `search.write_index` alone, on the model the build uses), then
serves `site/` locally and opens the search page in headless Chromium (Debian /usr/bin/chromium)
once per query, each time with an empty cache: it records every response (bytes on the wire as
the browser reports them) and the time from starting the search to the results shown.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

QUERIES = ["q=" + quote(q) for q in ("低保", "高龄津贴", "举报电话", "12号", "城关镇 低保",
                                     "最低生活保障", "政府信息公开")] + \
    ["c=jieguo&t=chengguan&y=2024", "q=" + quote("低保") + "&t=chengguan&s=date"]


def index_once(project: Path) -> dict:
    from site_builder import search
    from site_builder.pipeline import Project, build_model

    site, _ = build_model(Project.at(project))
    start = time.perf_counter()
    cpu = time.process_time()
    stats = search.write_index(site, project / "site")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    _refresh_page(site, project / "site")
    return {"notices": len(site.notices), "documents": stats.documents,
            "index_s": round(elapsed, 1), "index_cpu_s": round(cpu, 1),
            "index_mb": round(stats.bytes / 1e6, 1), "index_files": stats.files,
            "terms": stats.terms, "shards": stats.shards}


def _refresh_page(site, out: Path) -> None:
    """Bring the search page's script and data-config up to date with this code, so a site built
    earlier can be re-measured without a full rebuild."""
    import re

    from site_builder import search

    shutil.copy(REPO / "overrides/assets/javascripts/sb-search.js",
                out / "assets/javascripts/sb-search.js")
    page = out / "search/index.html"
    text = re.sub(r' data-config="[^"]*"', "", page.read_text(encoding="utf-8"))
    config = html.escape(json.dumps(search.page_config(site), ensure_ascii=False))
    page.write_text(text.replace(' data-messages="', f' data-config="{config}" data-messages="', 1),
                    encoding="utf-8")


def browse(site: Path, queries: list[str]) -> list[dict]:
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    out = []
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()  # empty cache: a citizen's first search
            page = context.new_page()
            done: list = []
            page.on("requestfinished", _recorder(done))
            page.goto(url + "search/?" + query)
            page.wait_for_function("document.documentElement.hasAttribute('data-sb-search-ms')")
            first_ms = int(page.get_attribute("html", "data-sb-search-ms"))
            search_bytes = sum(_size(r) for r in done
                               if "/search/data/" in r.url or r.url.endswith("sb-search.js"))
            all_bytes = sum(_size(r) for r in done)
            requests = len(done)
            # a second search on the same page (code, meta and facets are loaded by now)
            page.evaluate("document.documentElement.removeAttribute('data-sb-search-ms')")
            page.fill("#sb-search-q", "养老服务 补贴")
            page.keyboard.press("Enter")
            page.wait_for_function("document.documentElement.hasAttribute('data-sb-search-ms')")
            out.append({"query": query, "first_query_ms": first_ms,
                        "next_query_ms": int(page.get_attribute("html", "data-sb-search-ms")),
                        "search_kb": round(search_bytes / 1024, 1),
                        "page_and_search_kb": round(all_bytes / 1024, 1),
                        "requests": requests})
            context.close()
        browser.close()
    return out


def _recorder(done: list):
    def record(request) -> None:
        done.append(request)
    return record


def _size(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path, help="a built project (bench/generate.py + build)")
    parser.add_argument("--no-index", action="store_true", help="do not re-index, only browse")
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        sys.exit("chromium is not installed")
    report: dict = {}
    if not args.no_index:
        report.update(index_once(args.project))
        print(json.dumps(report, ensure_ascii=False), flush=True)
    for row in browse(args.project / "site", QUERIES):
        print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
