"""The build pipeline, in order: load → validate → model → generate pages → (engine renders and
writes) → post-build. Each stage is one module; this file only calls them in sequence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from pathlib import Path

from .base import urls
from .base.problems import InputError, Problems
from .check import (
    ahead,
    compliance,
    contentfiles,
    manifestguard,
    memo,
    screen,
    strays,
    validate,
)
from .input import load
from .input.links import local_links
from .input.project import CACHE_DIR, Project
from .model.site import Notice, Site
from .output import access, bodies, permalinks, qr
from .output.pages import Output, OutputPage, generate


def read_and_check(project: Project, today: dt.date | None = None, compliance_notes: bool = True,
                   cache: bool = True) -> tuple[Site | None, Problems]:
    """Stages 1–3: read every file, validate it all, build the model. Never raises on bad input:
    every problem is in the returned `Problems`; the site is None when there are errors.
    `today` (default: the real one) decides what is published yet and what is overdue;
    `compliance_notes` False leaves out check/compliance.py's lines (the report lists them);
    `cache` False checks every notice again instead of reusing the results of files unchanged
    since the last check (check/memo.py, `.cache/checked.pickle`)."""
    problems = Problems(project.root)
    node, text = load.read_yaml_text(project.catalog, problems)  # read and decoded once
    catalog = validate.validate_catalog(node, project.catalog, problems) if node else \
        validate.Catalog()
    if node is not None:  # the text as it was read and decoded once (GBK, UTF-16)
        screen.screen_catalog(project.catalog, text or "", problems, node)
    shared = project.content / load.ASSETS_DIR
    shared_files: list[Path] = []
    if contentfiles.check_links(project.content, problems):  # else walking them may not end
        shared_files = contentfiles.shared_files(shared)
        screen.screen_shared(shared, problems, contentfiles.check_shared(shared, shared_files,
                                                                        problems))
    notice_files, page_files = load.find_markdown(project.content)
    checker = validate.NoticeChecker(catalog, problems, project.content,
                                     catalog_ok=node is not None, today=today)
    notices: list[Notice] = []
    referenced: set[str] = set()  # files documents attach or link (strays.check)
    kept = memo.Memo(project.root / CACHE_DIR if cache else None,
                     memo.global_key(text or "", checker.today, project.root, node is not None))
    ahead.check_ahead(kept, notice_files, functools.partial(
        validate.NoticeChecker, catalog, content_dir=project.content, catalog_ok=node is not None,
        today=checker.today), project.root, project.root / CACHE_DIR)
    for path in notice_files:
        entry = kept.replay(path, checker, problems)  # unchanged, or checked ahead
        if entry is not None:
            referenced |= entry.references
            notices.append(entry.notice)
            continue
        notice, references = ahead.check_file(path, checker, problems, kept)
        referenced |= references
        if notice:
            notices.append(notice)
    kept.save()
    notices = checker.check_interpretations(notices)
    checker.check_withheld_links(notices)
    checker.check_document_links(notices)
    screen.note_unchecked(problems, checker.unchecked, project.content)
    page_ids: dict[str, int] = {}
    pages = []
    for path in page_files:
        doc = load.read_document(path, problems)
        referenced |= strays.references(doc) if doc else set()
        page = validate.check_page(doc, page_ids, project.content, problems,
                                   catalog.settings) if doc else None
        if page:
            pages.append(page)
    strays.check(project.content, notice_files + page_files, referenced, problems)
    checker.restricted.check(notices, pages, shared_files)
    if problems.errors or catalog.info is None:
        return None, problems
    site = validate.assemble(project.root, catalog, notices, pages, len(checker.withheld_ids))
    validate.check_empty_columns(site, project.catalog, problems)
    if compliance_notes:
        compliance.note(site, project.catalog, problems, today)
    return site, problems


def build_model(project: Project, cache: bool = True) -> tuple[Site, Problems]:
    """Like `read_and_check`, but raises InputError (with every problem) when input is bad."""
    site, problems = read_and_check(project, cache=cache)
    if site is None:
        raise InputError(list(problems))
    return site, problems


def generate_pages(site: Site) -> Output:
    """Stage 4: every page (each with its QR code block), asset and the navigation; then the
    published-URL check (permalinks.py), which adds redirect and tombstone pages. Raises
    InputError when a rendered body held something the output sanitizer removed, a published
    URL would disappear or a declaration is wrong."""
    output = generate(site)
    problems = Problems(site.root)
    render_bodies(output, site.root / CACHE_DIR, problems)
    qr.add_to_pages(site, output)
    manifestguard.check(site.root, problems)
    permalinks.apply(site, output, site.url_changes, problems)
    if problems.errors:
        raise InputError(list(problems))
    access.finish_pages(site, output)
    return output


def render_bodies(output: Output, cache_dir: Path | None = None,
                  problems: Problems | None = None) -> None:
    """Stage 5 (render): every Markdown body to cleaned HTML: cached, in parallel (bodies.py).
    What the cleaning removed is an error in `problems` (raised as InputError without one)."""
    pages = [p for p in output.pages if p.markdown.strip()]
    rendered_all = bodies.render_all([p.markdown for p in pages], cache_dir)
    found = problems if problems is not None else Problems(Path.cwd())
    for page, rendered in zip(pages, rendered_all, strict=True):
        if rendered.removed:
            screen.check_rendered(page.source or page.path, page.markdown, page.body_line,
                                  rendered.removed, found)
        if rendered.personal:
            screen.check_rendered_personal(page.source or page.path, page.markdown,
                                           page.body_line, rendered.personal, page.not_personal,
                                           found)
        page.html, page.toc = rendered.on_page()  # headings shifted, tables labelled
        page.markdown = ""
    if problems is None and found.errors:
        raise InputError(list(found))


# -- the preview's quick path (issue 15) -----------------------------------------------------------
# What a saved notice may change for its pages to be made on their own: the rest (its id, where it
# is listed, what it links or attaches, what it relates to) changes which pages exist or what the
# rules between files find, and takes the full build.
_FIXED = ("id", "attribute", "item_id", "domain_id", "category", "township_id", "village_id",
          "interprets", "adoption_of", "result_of", "repeals", "attachments", "assets",
          "masked_assets")
_PAGE_FIELDS = ("title", "kind", "before", "after", "html", "toc", "meta")


@dataclasses.dataclass
class QuickUpdate:
    site: Site  # the model with the saved notices
    output: Output  # the last output with the pages made again
    pages: list[OutputPage]  # the pages whose content changed: to render


def quick_update(project: Project, site: Site, output: Output, paths: list[Path],
                 today: dt.date | None = None) -> QuickUpdate | None:
    """The pages that change when the notices in `paths` were saved, made as a full build would
    make them, from `site` and `output` of the last build: the notices' own pages and the
    listings, home page and other pages showing them. None unless every file passes its own
    checks without an error and changed nothing in `_FIXED` (same links too), and the same pages
    and navigation result: then the whole site must be built. Used by `mkdocs serve`, where a
    full build follows anyway (and reports everything as always)."""
    by_source = {n.source: i for i, n in enumerate(site.notices)}
    if not paths or any(path not in by_source for path in paths):
        return None
    problems = Problems(project.root)
    node, _ = load.read_yaml_text(project.catalog, problems)
    if node is None or problems.errors:
        return None
    catalog = validate.validate_catalog(node, project.catalog, problems)
    checker = validate.NoticeChecker(catalog, problems, project.content, today=today)
    notices = list(site.notices)
    for path in paths:
        old = notices[by_source[path]]
        doc = load.read_document(path, problems)
        new = checker.check(doc) if doc is not None and not problems.errors else None
        if new is None or problems.errors or old.on_request or new.on_request or \
                any(getattr(new, f) != getattr(old, f) for f in _FIXED) or \
                _link_targets(new.body) != _link_targets(old.body):
            return None
        notices[by_source[path]] = new
    changed = {site.notices[by_source[p]].id for p in paths}  # ids are in _FIXED
    notices.sort(key=lambda n: n.sort_key, reverse=True)
    new_site = dataclasses.replace(site, notices=notices)
    made = generate(new_site, only=changed)
    render_bodies(made, None, problems)  # few bodies: no cache (whose save keeps only these)
    if problems.errors or made.nav != output.nav:
        return None
    qr.add_to_pages(new_site, made)
    access.finish_pages(new_site, made)
    merged = _merge(output, made, changed)
    return QuickUpdate(new_site, *merged) if merged is not None else None


def _merge(output: Output, made: Output, changed: set[str]
           ) -> tuple[Output, list[OutputPage]] | None:
    """`output` with the pages of `made` in place of its own, and those that differ; None when
    `made` has a page `output` lacks or lacks one it has (other than unchanged notices' pages,
    which `made` leaves out, and the redirect and tombstone pages of permalinks.py)."""
    old = {p.path: p for p in output.pages}
    new = {p.path: p for p in made.pages}
    notice_paths = {p.path for p in output.pages if p.kind == "notice"}
    kept_kinds = (permalinks.KIND_REDIRECT, permalinks.KIND_RETIRED)
    if any(path not in old for path in new) or any(
            path not in new and path not in notice_paths and old[path].kind not in kept_kinds
            for path in old):
        return None
    if any(urls.notice(i) not in new for i in changed):
        return None
    pages = [p for p in made.pages if any(getattr(p, f) != getattr(old[p.path], f)
                                          for f in _PAGE_FIELDS)]
    return Output([new.get(p.path, p) for p in output.pages], output.assets, output.nav), pages


def _link_targets(body: str) -> set[str]:
    return {link.target for link in local_links(body)}
