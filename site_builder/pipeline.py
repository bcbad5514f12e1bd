"""The build pipeline, in order: load → validate → model → generate pages → (engine renders and
writes) → post-build. Each stage is one module; this file only calls them in sequence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from .base.problems import InputError, Problems
from .check import compliance, contentfiles, manifestguard, memo, screen, strays, validate
from .input import load
from .input.links import local_links
from .input.project import CACHE_DIR, Project
from .model.site import Notice, Site
from .output import access, bodies, permalinks, qr
from .output.pages import Output, OutputPage, generate, link_site_paths, notice_page


def read_and_check(project: Project, today: dt.date | None = None, compliance_notes: bool = True,
                   cache: bool = True) -> tuple[Site | None, Problems]:
    """Stages 1–3: read every file, validate it all, build the model. Never raises on bad input:
    every problem is in the returned `Problems`; the site is None when there are errors.
    `today` (default: the real one) decides what is published yet and what is overdue;
    `compliance_notes` False leaves out check/compliance.py's lines (the report lists them);
    `cache` False checks every notice again instead of reusing the results of files unchanged
    since the last check (check/memo.py, `.cache/checked.pickle`)."""
    problems = Problems(project.root)
    node, text = load.read_yaml_text(project.catalog, problems)
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
                     memo.global_key(_bytes(project.catalog), checker.today, project.root,
                                     node is not None), use=cache)
    for path in notice_files:
        entry = kept.replay(path, checker, problems)  # unchanged since the last build
        if entry is not None:
            referenced |= entry.references
            notices.append(entry.notice)
            continue
        started = kept.start(path, checker, problems)
        doc = load.read_document(path, problems)
        references = strays.references(doc) if doc else set()
        referenced |= references
        notice = checker.check(doc) if doc else None
        kept.record(started, notice, references, checker, problems)
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


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


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
_SITE_INDEXES = ("notice_by_id", "interpretations", "adoptions", "results", "repeal_dates")


def quick_page(project: Project, site: Site, output: Output, path: Path,
               today: dt.date | None = None) -> OutputPage | None:
    """The page of the notice in `path` as a full build would now make it, when only its body
    changed since `site` and `output` were built and the file passes its own checks without an
    error; None when anything else may have changed (then the whole site is built). The body's
    links must point to the same files, so the rules between files (withheld links, restricted
    files, strays) and every other page are as they were. `site` is updated with the new notice.
    Used by `mkdocs serve`, where a full build follows anyway."""
    index = next((i for i, n in enumerate(site.notices) if n.source == path), None)
    if index is None:
        return None
    old = site.notices[index]
    problems = Problems(project.root)
    node, _ = load.read_yaml_text(project.catalog, problems)
    if node is None or problems.errors:
        return None
    catalog = validate.validate_catalog(node, project.catalog, problems)
    checker = validate.NoticeChecker(catalog, problems, project.content, today=today)
    doc = load.read_document(path, problems)
    new = checker.check(doc) if doc is not None and not problems.errors else None
    if new is None or problems.errors or new.on_request or \
            dataclasses.replace(new, body=old.body) != old or \
            _link_targets(new.body) != _link_targets(old.body):
        return None
    site.notices[index] = new
    for name in _SITE_INDEXES:
        site.__dict__.pop(name, None)
    page = notice_page(site, new)
    single = Output([page], [], output.nav)
    link_site_paths(single, known=output)
    render_bodies(single, None, problems)  # one body: no cache (whose save keeps only it)
    if problems.errors:
        return None
    qr.add_to_pages(site, single)
    access.finish_page(site, output, page)
    return page


def _link_targets(body: str) -> set[str]:
    return {link.target for link in local_links(body)}
