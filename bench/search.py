"""Search benchmark: indexing time, index size, and what a browser downloads and waits for.

    python bench/generate.py --notices 10000 --out bench/out/n10000
    (cd bench/out/n10000 && mkdocs build)
    python bench/search.py bench/out/n10000

Re-indexes the built site (timing `search.write_index` alone, on the model the build uses), then
serves `site/` locally and opens the search page in headless Chromium (Debian /usr/bin/chromium)
once per query, each time with an empty cache: it records every response (bytes on the wire as
the browser reports them, and each body's size gzipped at level 6 as a web server with gzip would
send it), how many shards and records were fetched, and the time from starting the search to
the results shown.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import html
import json
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

QUERIES = ["q=" + quote(q) for q in ("低保", "高龄津贴", "举报电话", "12号", "城关镇 低保",
                                     "最低生活保障", "政府信息公开", "城关镇低保")] + \
    ["c=jieguo&t=chengguan&y=2024", "q=" + quote("低保") + "&t=chengguan&s=date"]


def site_queries(site: Path) -> list[str]:
    """Queries taken from the site itself (site/data/notices.json): the longest title (a pasted
    whole title), a title of about 25 characters, and the 文号 of the newest notice having one."""
    notices = json.loads((site / "data/notices.json").read_text(encoding="utf-8"))["notices"]
    titles = sorted((n["title"] for n in notices), key=len)
    medium = next((t for t in titles if len(t) >= 25), titles[-1])
    number = next((n["文号"] for n in notices if n.get("文号")), None)
    return ["q=" + quote(q) for q in (titles[-1], medium, number) if q]


def index_once(project: Path) -> dict:
    from site_builder.output import search
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

    from site_builder.output import search

    _refresh_script(out)
    page = out / "search/index.html"
    text = re.sub(r' data-config="[^"]*"', "", page.read_text(encoding="utf-8"))
    config = html.escape(json.dumps(search.page_config(site), ensure_ascii=False))
    page.write_text(text.replace(' data-messages="', f' data-config="{config}" data-messages="', 1),
                    encoding="utf-8")


def _refresh_script(out: Path) -> None:
    """This code's search scripts, sb-search.js included as search_page.py now includes it."""
    from site_builder.output import search_page

    for name in (search_page.SCRIPT, search_page.QR_SCRIPT, search_page.QR_LIBRARY):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "overrides" / name, out / name)
    page = out / "search/index.html"
    text = page.read_text(encoding="utf-8")
    script = f'<script src="../{search_page.SCRIPT}"'
    text = text.replace(f"{script} defer>", f"{script}>")
    page.write_text(text, encoding="utf-8")


def browse(site: Path, queries: list[str], server: str | None = None) -> list[dict]:
    """Three measurements per query, each in a fresh browser context (empty cache):

    - from the header box: open `/search/?<query>`; the search starts while the page loads.
      `first_query_ms` is from the start of the search to its results drawn; `results_at_ms` is
      when they were drawn, counted from opening the page, beside the page's own `load_ms`;
    - typed: open `/search/`, wait until the page has loaded and is idle, type the query (and
      choose the filters) and submit: `typed_first_ms` (index files not fetched yet);
    - then a second, different query on that page: `next_query_ms`.
    """
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    out = []
    with (contextlib.nullcontext(server) if server else serve(site)) as url, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()  # empty cache: a citizen's first search
            page = context.new_page()
            done: list = []
            page.on("requestfinished", _recorder(done))
            page.goto(url + "search/?" + query, wait_until="load")
            _wait_for_results(page)
            first_ms = int(page.get_attribute("html", "data-sb-search-ms"))
            results_at = int(page.get_attribute("html", "data-sb-search-at"))
            load_ms = round(page.evaluate(
                "performance.getEntriesByType('navigation')[0].loadEventStart"))
            search_bytes = sum(_size(r) for r in done if _is_search(r.url))
            all_bytes = sum(_size(r) for r in done)
            zipped = {r.url: _gzip_size(r) for r in done}
            search_gzip = sum(v for u, v in zipped.items() if _is_search(u))
            shards = sum(1 for r in done if "/search/data/s/" in r.url)
            records = sum(1 for r in done if "/search/data/d/" in r.url)
            requests = len(done)
            context.close()

            context = browser.new_context()
            page = context.new_page()
            page.goto(url + "search/", wait_until="networkidle")
            page.evaluate(_TYPE_AND_SUBMIT, dict(parse_qsl(query)))
            _wait_for_results(page)
            typed_ms = int(page.get_attribute("html", "data-sb-search-ms"))
            page.fill("#sb-search-q", "养老服务 补贴")
            page.evaluate("document.documentElement.removeAttribute('data-sb-search-ms')")
            page.keyboard.press("Enter")
            _wait_for_results(page)
            out.append({"query": unquote(query), "first_query_ms": first_ms,
                        "results_at_ms": results_at, "load_ms": load_ms,
                        "typed_first_ms": typed_ms,
                        "next_query_ms": int(page.get_attribute("html", "data-sb-search-ms")),
                        "search_kb": round(search_bytes / 1024, 1),
                        "page_and_search_kb": round(all_bytes / 1024, 1),
                        "search_gzip_kb": round(search_gzip / 1024, 1),
                        "page_and_search_gzip_kb": round(sum(zipped.values()) / 1024, 1),
                        "shards": shards, "records": records, "requests": requests})
            context.close()
        browser.close()
    return out


# Fill the form as a person would (query words, filters) and submit it once.
_TYPE_AND_SUBMIT = """(values) => {
  const form = document.getElementById("sb-search");
  for (const [name, value] of Object.entries(values)) form.elements[name].value = value;
  document.documentElement.removeAttribute("data-sb-search-ms");
  form.requestSubmit();
}"""


def _wait_for_results(page) -> None:
    page.wait_for_function("document.documentElement.hasAttribute('data-sb-search-ms')")


def _recorder(done: list):
    def record(request) -> None:
        done.append(request)
    return record


def _is_search(url: str) -> bool:
    """The search's own files: its code (sb-search.js, sb-qr.js, the QR library) and the index."""
    from site_builder.output import search_page

    code = (search_page.SCRIPT, search_page.QR_SCRIPT, search_page.QR_LIBRARY)
    return "/search/data/" in url or url.endswith(code)


def _gzip_size(request) -> int:
    """What the response would weigh compressed by a web server (gzip level 6, body only)."""
    response = request.response()
    try:
        return len(gzip.compress(response.body(), 6)) if response else 0
    except Exception:  # a body the browser no longer holds
        return _size(request)


def _size(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path, help="a built project (bench/generate.py + build)")
    parser.add_argument("--no-index", action="store_true", help="do not re-index, only browse")
    parser.add_argument("--server", help="measure through this server instead (e.g. nginx "
                        "serving the project's site/ at http://127.0.0.1:8080/)")
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        sys.exit("chromium is not installed")
    report: dict = {}
    if not args.no_index:
        report.update(index_once(args.project))
        print(json.dumps(report, ensure_ascii=False), flush=True)
    if args.no_index:
        _refresh_script(args.project / "site")
    site = args.project / "site"
    for row in browse(site, QUERIES + site_queries(site), args.server):
        print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
