"""The MkDocs adapter: a thin layer over the core. Only this file imports MkDocs.

`build()` at the end runs a MkDocs build for `site-builder build`, logging in Chinese.

MkDocs events → pipeline stages:
  on_config      load, validate, build the model, generate pages (errors abort before output)
  on_files       replace the files MkDocs found in content/ with the generated pages and assets;
                 a page outside the nav whose inputs are unchanged is linked from the page cache
                 (output/pagecache.py) instead of being rendered by the theme again
  (pages)        each generated page is a GeneratedPage: title, metadata, ready HTML (its
                 content made whenever the theme asks for it: no second copy of every page)
  on_env / on_template_context
                 the 404 page's links: the site's home is "<path>/", not "<path>/."; in the
                 preview they start at the preview's address (see on_template_context)
  on_post_build  post-build steps on the staging folder, then swap it into place
  on_serve       also watch catalog.yaml and the theme's overrides/; a save that changed only
                 notices, and nothing of where they are listed (pipeline.quick_update), updates
                 their pages and listings first, rendered here with the last build's MkDocs
                 state, and shows them; then the whole site is built as after any save
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import config_options as opt
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler, is_error_template

from .base import filestamp, lock, urls
from .base import messages as msg
from .base.problems import InputError, Problem, Problems, format_report
from .base.timing import Stopwatch
from .check import manifestguard
from .input import limits, load
from .output import pagecache, permalinks, postbuild, stable, uptodate, write
from .output.access import theme_strings
from .output.pages import NavNode, OutputPage
from .output.search_page import header_strings
from .pipeline import CACHE_DIR, Project, build_model, generate_pages, quick_update

log = logging.getLogger("mkdocs.plugins.site_builder")

TRASH = "trash"  # under .cache/: previous sites, deleted by the next build (write.sweep)
STATIC_DIR = load.ASSETS_DIR  # content/assets/: copied as they are (screened: screen_shared)


class SiteBuilderConfig(Config):
    catalog = opt.Type(str, default="catalog.yaml")


class SiteBuilderPlugin(BasePlugin[SiteBuilderConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.jobs: dict = {}
        self.final_dir: Path | None = None
        self.staging: Path | None = None
        self.warnings = CountHandler()
        self.lock = lock.Lock(None)
        self.full = False  # `site-builder build --full`: render every page, use no page cache
        self.rendered: dict[str, str] = {}  # output path of a page the theme renders → its key
        self.used: set[str] = set()  # page-cache keys of this build
        self.inputs = ""  # digest of everything this build reads (uptodate.py)
        self.skip: uptodate.Stamp | None = None  # the site is up to date: build nothing
        self.said = _Said()  # the warnings and notes of this build, for the stamp
        self.sweep = write.Deletion([])  # deleting earlier sites (none yet)
        self.preview_path: str | None = None  # `mkdocs serve`: the path the preview is at
        self.last: _Built | None = None  # `mkdocs serve`: the last build that succeeded
        self.stamps: dict[str, filestamp.Stamp] = {}  # `mkdocs serve`: inputs at its start
        self.nav: Navigation | None = None
        self.files = Files([])
        self.env = None
        self.placed: list[tuple[Path, str]] = []  # reused pages outside the nav: (entry, dest)
        self.placing = pagecache.Placing(None, Path(), [])

    # -- lifecycle -------------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.watch = Stopwatch(log)
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        self.project = Project.at(Path(config.config_file_path).parent, self.config.catalog,
                                  str(Path(config.docs_dir)))
        self.lock.release()  # mkdocs serve: the previous rebuild's, if it failed early
        try:
            self.lock = lock.acquire_build(self.project.root / CACHE_DIR,
                                           f"site-builder {self.command or 'build'}")
        except lock.Busy as exc:
            self._unhook()
            raise PluginError(str(exc)) from None
        self.sweep = write.sweep(self.project.root / CACHE_DIR / TRASH)
        if self._up_to_date(config):
            return config
        logging.getLogger("mkdocs").addHandler(self.said)
        if self.command == "serve":  # what this build reads, for the next save's quick path
            self.last = None
            self.stamps = uptodate.input_stamps(self.project.root, self._folders(config))
        try:
            self.site, problems = build_model(self.project, cache=not self.full)
            self.watch.lap("read and validate")
            for problem in problems.warnings:
                log.warning(problem.format())
            for problem in problems.notes:
                log.info(problem.format())
            self.output = generate_pages(self.site)
            self.watch.lap("generate and render pages")
        except InputError as exc:
            self._unhook()
            raise PluginError(str(exc)) from None
        config.site_name = _text(self.site.info.name)
        if self.command == "serve":  # MkDocs set the preview's address; the county's replaces it
            self.preview_path = urlsplit(config.site_url or "/").path or "/"
        config.site_url = self.site.info.base_url
        config.nav = [_nav_entry(n) for n in self.output.nav]
        # post-build writes the sitemap of the published content (output/sitemap.py): MkDocs'
        # own, a template over every page (≈ 0.5 s at 10,000 notices), would be replaced
        config.theme.static_templates.discard("sitemap.xml")
        config.extra["site_builder"] = _identity(self.site)
        self.pages = pagecache.PageCache(self.project.root / CACHE_DIR,
                                         link=self.command != "serve")
        if self.full:
            self.pages.clear()
        custom_dir = config.theme.custom_dir
        self.shared_key = pagecache.fingerprint(
            [config.site_name, config.site_url, config.nav, config.extra,
             config.use_directory_urls], Path(config.config_file_path),
            Path(custom_dir) if custom_dir else None)
        self._stage(config)
        self.jobs = postbuild.start_jobs(self.site, self.output, self.project.root / CACHE_DIR,
                                         background=self.command != "serve")
        return config

    def _up_to_date(self, config: MkDocsConfig) -> bool:
        """`build` of inputs that are those of the published site: say its warnings again, and
        let MkDocs build nothing into a staging folder that is then dropped (uptodate.py)."""
        self.skip, self.said = None, _Said()
        if self.command != "build" or self.full:
            return False
        config_path = Path(config.config_file_path)
        self.inputs = uptodate.inputs_digest(
            self.project.root, self._folders(config),
            config_path.read_text(encoding="utf-8", errors="replace"),
            [config.strict, config.site_dir, self.config.catalog, config_path.name],
            self.project.root / CACHE_DIR)
        root = self.project.root
        self.skip = uptodate.unchanged(root, root / CACHE_DIR, self.inputs, Path(config.site_dir))
        if self.skip is None:
            return False
        for name, level, text in self.skip.messages:
            logging.getLogger(name).log(level, text)
        config.nav = []
        config.theme.static_templates.clear()  # 404.html and sitemap.xml: nothing to draw
        self._stage(config)
        self.watch.lap("up to date")
        return True

    def _folders(self, config: MkDocsConfig) -> list[Path]:
        """The folders a build reads besides the top-level files: content/ and the overrides."""
        custom_dir = config.theme.custom_dir
        return [self.project.content, *([Path(custom_dir)] if custom_dir else [])]

    def _finish(self) -> None:
        """The end of a build, however it ends: the trash deleted, the lock given back."""
        self.sweep.wait()
        self.lock.release()

    def _unhook(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        logging.getLogger("mkdocs").removeHandler(self.said)

    def _stage(self, config: MkDocsConfig) -> None:
        """Build into a staging folder. `mkdocs serve` too: its folder goes on answering (the
        pages the quick path just showed) while the whole site is built beside it."""
        self.final_dir = Path(config.site_dir)
        self.staging = write.prepare(self.final_dir)
        config.site_dir = str(self.staging)

    # -- files and pages -------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.skip is not None:
            return Files([])
        docs_dir = Path(os.path.normpath(config.docs_dir))  # as MkDocs writes abs_src_path
        static = docs_dir / STATIC_DIR
        kept = [f for f in files if not _inside(f, docs_dir) or _inside(f, static)]
        out = Files(kept)
        nav_titles = dict(_nav_paths(self.output.nav))
        nav_roots = {path.split("/", 1)[0] for path in nav_titles}
        self.rendered, self.used, self.placed = {}, set(), []
        for page in self.output.pages:
            in_nav = page.path in nav_titles
            title = _text(nav_titles.get(page.path, page.title))
            nav_key = _shared_nav_key(page.path, nav_titles, nav_roots)
            if self._reuse(page, config, out, title if in_nav else None, nav_key):
                continue
            file = File.generated(config, page.src_uri, content="", inclusion=InclusionLevel.
                                  UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV)
            # the page attaches itself to the file (file.page)
            GeneratedPage(title, file, config, page, nav_key)
            self.rendered[file.dest_uri] = self._key(page)
            out.append(file)
        for asset in self.output.assets:
            if asset.content is not None:  # a masked copy: the original never leaves
                content = stable.published_copy(asset.content, asset.source)
                out.append(File.generated(config, asset.path, content=content))
            else:
                out.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))
        # MkDocs emptied the output folder before it read the files: the reused pages outside
        # the navigation (nearly every notice) go in meanwhile
        self.placing = pagecache.Placing(self.pages, Path(config.site_dir), self.placed)
        return out

    def _key(self, page: OutputPage) -> str:
        """The page-cache key of a page: all it gives the theme (the navigation, and so a nav
        page's place in it, its neighbours and open sections, is in `shared_key`)."""
        return pagecache.page_key(self.shared_key, [
            page.src_uri, page.title, page.kind, page.meta, page.before, page.html, page.after,
            page.toc])

    def _reuse(self, page: OutputPage, config: MkDocsConfig, out: Files,
               nav_title: str | None, nav_key: str | None) -> bool:
        """Add the cached final HTML of an unchanged page to `out`, if there is one. A page of
        the navigation (`nav_title`) stays there as a Page, which MkDocs does not render."""
        key = self._key(page)
        cached = None if self.full else self.pages.find(key)
        if cached is None:
            return False
        dest = _dest_uri(page.src_uri, config)
        self.used.add(key)
        if nav_title is None:  # no File: put in place by `pagecache.Placing`, beside MkDocs' work
            self.placed.append((cached, dest))
            return True
        file: File = _CachedNavPage.generated(config, page.src_uri, content="",
                                              inclusion=InclusionLevel.UNDEFINED)
        file.dest_uri = dest  # as a documentation page's (it says it is none)
        GeneratedPage(nav_title, file, config, page, nav_key)
        file.cache, file.cached = self.pages, cached  # type: ignore[attr-defined]
        out.append(file)
        return True

    def _keep_pages(self, built: Path) -> None:
        """After a build that succeeded: keep the pages the theme rendered, drop unused ones.
        The site is published already: a cache that cannot be written only means the next build
        renders those pages again (and a full disk is reported by that build)."""
        try:
            for dest, key in self.rendered.items():
                self.pages.store(key, built / dest)
            self.pages.prune(self.used | set(self.rendered.values()))
        except OSError:
            self.pages.clear()  # no half-written cache

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self.env = env
        self.watch.lap("theme: pages read")
        env.globals["sb_cache"] = {}  # fresh for every build (mkdocs serve rebuilds)
        env.filters["url"] = _home_without_dot(env.filters["url"])
        return env

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        """The 404 page is sent for a missing address at any depth, so MkDocs makes its links
        absolute from the path of site_url (/xian/...). The preview (`mkdocs serve`) is not at
        the county's address but where MkDocs put it (the root of 127.0.0.1:8000 unless
        mkdocs.yml sets site_url): there the links start from the preview's path."""
        if self.preview_path is not None and is_error_template(template_name):
            context["base_url"] = self.preview_path
        return context

    # -- post-build ------------------------------------------------------------------------------
    @event_priority(-100)  # last: every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.skip is not None:
            self._unhook()
            if self.staging is not None and self.final_dir is not None:
                write.discard(self.staging)
                config.site_dir = str(self.final_dir)
                self.staging = None
                log.info(msg.BUILD_UP_TO_DATE.format(path=self.final_dir))
            self._finish()
            return
        self.placing.wait()
        self.watch.lap("theme: pages written")
        ctx = postbuild.Context(self.site, self.output, Path(config.site_dir),
                                self.project.root / CACHE_DIR, Problems(self.project.root),
                                self.jobs, preview_path=self.preview_path)
        problems = postbuild.run(ctx, self.watch.lap)
        for problem in problems.warnings:
            log.warning(problem.format())
        if problems.errors:
            raise PluginError(format_report(list(problems)))
        self._unhook()
        if self.command == "serve":
            self._show_preview(config)
            return
        if self.staging is None or self.final_dir is None:
            self._keep_pages(Path(config.site_dir))
            self._finish()
            return
        if config.strict and self.warnings.get_counts():
            write.discard(self.staging)  # MkDocs aborts next; the old site stays
            self._finish()
            return
        removal = write.publish(self.staging, self.final_dir,  # the old site: into the trash
                                self.project.root / CACHE_DIR / TRASH)
        self._keep_pages(self.final_dir)
        log.info(msg.BUILD_PUBLISHED.format(path=self.final_dir, notices=len(self.site.notices)))
        if permalinks.record(self.project.root, self.output):
            log.info(msg.MANIFEST_UPDATED.format(file=permalinks.MANIFEST))
        manifestguard.keep_copy(self.project.root)
        config.site_dir = str(self.final_dir)
        self.staging = None
        removal.wait()  # only where the trash was on another file system: deleted now
        self.watch.lap("publish")
        if self.inputs:
            uptodate.save(self.project.root / CACHE_DIR, uptodate.Stamp(
                self.inputs, uptodate.own_files_digest(self.project.root),
                uptodate.site_listing(self.final_dir), self.said.messages))
            self.watch.lap("stamp")
        self._finish()

    def _show_preview(self, config: MkDocsConfig) -> None:
        """`mkdocs serve`: the staging folder replaces the preview's folder (nothing else is
        recorded: a preview publishes nothing), and this build is kept for the quick path."""
        if self.staging is not None and self.final_dir is not None:
            removal = write.publish(self.staging, self.final_dir)
            config.site_dir = str(self.final_dir)
            self.staging = None
            self._keep_pages(self.final_dir)
            removal.wait()
        if self.nav is not None and self.env is not None:
            self.last = _Built(config, self.files, self.nav, self.env, self.site, self.output)
        self._finish()

    def on_build_error(self, *, error: Exception) -> None:
        self._unhook()
        self.placing.wait(raise_error=False)
        for job in getattr(self, "jobs", {}).values():
            job.cancel()
        if self.staging is not None:
            write.discard(self.staging)
            self.staging = None
        self._finish()
        if limits.disk_full(error):  # a Chinese message instead of a traceback
            raise _DiskFull(limits.disk_full_message(error, self.final_dir)) from None

    def on_shutdown(self) -> None:
        self._finish()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.project.catalog))
        if config.theme.custom_dir:  # overrides/: a template or style saved shows too
            server.watch(config.theme.custom_dir)
        build_all = server.builder

        def rebuild() -> None:
            try:
                self._quick(server)
            except Exception as exc:  # the quick path is an extra: the full build follows
                log.debug(f"site-builder: no quick preview update: {exc!r}")
            build_all()

        server.builder = rebuild
        return server

    # -- the preview's quick path ----------------------------------------------------------------
    def _quick(self, server) -> None:
        """After a save that changed only notice files (`quick_update` says which saves qualify):
        render the pages that changed with the last build's MkDocs state, write them into the
        preview and reload the browsers now; the full build that follows (not shown again: the
        browsers already reloaded) updates the rest (search, open data, link check). Anything
        else changed, an error in a file, or no build to start from: nothing is done here."""
        last, started = self.last, time.perf_counter()
        if last is None or not hasattr(server, "_epoch_cond"):
            return
        now = uptodate.input_stamps(self.project.root, self._folders(last.config))
        changed = [Path(p) for p in set(now) | set(self.stamps)
                   if now.get(p) != self.stamps.get(p)]
        if not changed or any(p.suffix != ".md" for p in changed):
            return
        update = quick_update(self.project, last.site, last.output, changed)
        if update is None or not update.pages:  # nothing to show: the full build says it
            return
        nav_titles = dict(_nav_paths(last.output.nav))
        for page in update.pages:
            self._render_one(last, page, nav_titles)
        last.site, last.output, self.stamps = update.site, update.output, now
        with server._epoch_cond:  # LiveReloadServer: the browsers reload, requests are answered
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()
        log.info(msg.SERVE_QUICK.format(pages=_shown_paths(update.pages),
                                        seconds=time.perf_counter() - started))

    def _render_one(self, last: _Built, generated: OutputPage, nav_titles: dict[str, str]
                    ) -> None:
        """One generated page through MkDocs and the theme, as on_files and MkDocs' build do: a
        page of the navigation (`nav_titles`: path → title) is its Page there (its place in the
        nav is unchanged)."""
        config = last.config
        if generated.path in nav_titles:
            found = last.files.get_file_from_path(generated.src_uri)
            page = found.page if found is not None else None
            if not isinstance(page, GeneratedPage):
                raise LookupError(generated.path)
            page.generated = generated
            # built into the staging folder, which is the preview's folder now
            found.dest_dir = config.site_dir
            found.__dict__.pop("abs_dest_path", None)  # a cached_property of File
        else:
            file = File.generated(config, generated.src_uri, content="",
                                  inclusion=InclusionLevel.NOT_IN_NAV)
            nav_roots = {path.split("/", 1)[0] for path in nav_titles}
            page = GeneratedPage(_text(generated.title), file, config, generated,
                                 _shared_nav_key(generated.path, nav_titles, nav_roots))
        _populate_page(page, config, last.files)
        _build_page(page, config, last.files.documentation_pages(), last.nav, last.env)


def _shown_paths(pages: list[OutputPage], most: int = 5) -> str:
    paths = ["/" + p.path for p in pages]
    return "、".join(paths[:most]) + (msg.SERVE_QUICK_MORE.format(count=len(paths))
                                      if len(paths) > most else "")


@dataclass
class _Built:
    """What the quick path of `mkdocs serve` takes from the last build that succeeded."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: object
    site: object
    output: object


class _Said(logging.Handler):
    """Collects what a build says that a skipped build must say again: every warning, and our
    own lines (说明 lines and summaries are INFO) up to the site's publication."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING or record.name == log.name:
            self.messages.append((record.name, record.levelno, record.getMessage()))
def _home_without_dot(url_filter):
    """MkDocs' `url` filter makes the home page ("") "<base>/." where links are absolute (the
    404 page): "/xian/." works in a browser but is not the site's address. Give "/xian/"."""

    @pass_context
    def url(context, value):
        out = url_filter(context, value)
        return out[:-1] if out.endswith("/.") else out

    return url


class _DiskFull(Abort):
    """The disk (or quota, or file size limit) is full: `mkdocs build` prints this message
    instead of a traceback, and `site-builder build` prints it as its report."""


class _CachedPage(File):
    """A page's final HTML from the page cache: put into the output (hard-linked by `build`),
    not rendered."""

    cache: pagecache.PageCache
    cached: Path

    def copy_file(self, dirty: bool = False) -> None:
        target = Path(self.abs_dest_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        self.cache.put(self.cached, target)


class _CachedNavPage(_CachedPage):
    """A page of the navigation whose final HTML is in the page cache: its Page stays in the
    navigation (title, address, neighbours: what other pages show of it), but it is no
    documentation page to MkDocs, so MkDocs neither reads nor renders it, and copies it as a
    static file instead (`copy_file`)."""

    def is_documentation_page(self) -> bool:
        return False


def _dest_uri(src_uri: str, config: MkDocsConfig) -> str:
    """The file MkDocs writes a page's source to: `<path>index.md` (urls.src_uri) gives
    `<path>index.html`, with or without directory URLs; anything else is asked of MkDocs."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri[: -len(".md")] + ".html"
    return File(src_uri, "", config.site_dir, config.use_directory_urls).dest_uri


def _inside(file: File, folder: Path) -> bool:
    """Whether the file comes from `folder` (MkDocs gives absolute, normalised paths)."""
    return bool(file.abs_src_path) and file.abs_src_path.startswith(os.path.join(folder, ""))


def _text(value: str) -> Markup:
    """A user's text (site name, titles, summaries) as the theme wants it: HTML, so escaped.
    Material prints titles and the site name as they are (`{{ page.title }}` in <title>, the
    navigation, the breadcrumbs, <h1>; `{{ page.meta.description }}` in an attribute); escaped
    Markup shows there as the text it is, and is not escaped twice where a template adds `| e`."""
    return escape(value)


class GeneratedPage(Page):
    """A page the core generated, HTML ready: MkDocs reads no file and converts no Markdown.

    (Material's blog plugin makes its posts the same way.) The template gets the metadata of the
    generated page: its title, kind (sb_kind) and, for pages sharing a sidebar, sb_nav_key. Its
    title and description are escaped text (`_text`).
    """

    def __init__(self, title: str, file: File, config: MkDocsConfig, generated: OutputPage,
                 nav_key: str | None):
        super().__init__(title, file, config)
        self.generated = generated
        self.nav_key = nav_key

    def read_source(self, config: MkDocsConfig) -> None:
        g = self.generated
        self.markdown = ""
        self.meta = {**g.meta, "sb_kind": g.kind}
        if self.meta.get("description"):
            self.meta["description"] = _text(self.meta["description"])
        if g.kind != "home":  # the home page's <title> is the site name alone
            self.meta["title"] = _text(g.title)
        if self.nav_key:
            self.meta["sb_nav_key"] = self.nav_key
        if not g.toc and "toc" not in self.meta.get("hide", []):
            # no headings: the empty contents column on the right would only narrow the text
            self.meta["hide"] = [*self.meta.get("hide", []), "toc"]

    # MkDocs renders (here: `render`) every page before it writes any, so a stored content
    # would hold a second copy of every page's HTML at once (≈ 100 MB at 10,000 notices): the
    # content is made from the generated page whenever it is asked for. A plugin that changes
    # it (on_page_content) stores its own.
    @property  # type: ignore[override]
    def content(self) -> str | None:
        if self._own is not None or not self._rendered:
            return self._own
        return self._made()

    @content.setter
    def content(self, value: str | None) -> None:
        self._own = None if value is None or (self._rendered and value == self._made()) \
            else value

    _own: str | None = None
    _rendered = False

    def _made(self) -> str:
        g = self.generated
        body = g.html or ""
        return (f'{g.before}<div class="sb-body">{body}</div>{g.after}' if body.strip()
                else g.before + g.after)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        g = self.generated
        self._rendered, self._own = True, None
        self.toc = get_toc(g.toc)
        self.present_anchor_ids = set()  # links are checked after the build (linkcheck.py)
        self.links_to_anchors = {}


def _shared_nav_key(path: str, nav_titles: dict[str, str], nav_roots: set[str]) -> str | None:
    """Pages whose sidebar HTML is identical share a key, and main.html renders it once.

    True of pages outside the nav under a first folder that holds no nav page (every notice,
    n/<id>/): relative links from them to the nav depend only on their depth.
    """
    first = path.split("/", 1)[0]
    if not first or path in nav_titles or first in nav_roots:
        return None
    return f"{first}-{path.count('/')}"


def _nav_paths(nodes: list[NavNode]):
    """(path, title) of every page in the navigation."""
    for node in nodes:
        if node.path is not None:
            yield node.path, node.title
        yield from _nav_paths(node.children)


def _nav_entry(node: NavNode) -> dict:
    if node.children:
        return {_text(node.title): [_nav_entry(c) for c in node.children]}
    return {_text(node.title): urls.src_uri(node.path or "")}


def _identity(site) -> dict:
    info = site.info
    return {
        "name": info.name,
        "sponsor": info.sponsor,
        "address": info.contact.address,
        "phone": info.contact.phone,
        "email": info.contact.email,
        "hours": info.contact.hours,
        "fax": info.contact.fax,
        "site_code": info.site_code,
        "icp": info.icp,
        "police": info.police,
        "search": header_strings(),  # the search box in the header (partials/header.html)
        "a11y": theme_strings(),  # 长者模式, skip link, breadcrumbs label, 404 page (issue 13)
    }


# -- `site-builder build`: the same build, reported in Chinese ------------------------------------
def build(root: Path, strict: bool = False, full: bool = False) -> int:
    """`mkdocs build` in this process, with a clean Chinese report on stderr: the problems as
    `site-builder check` prints them (no "ERROR   -  " prefixes, no terminal wrapping) and no
    "Aborted with a BuildError!". Returns the exit code. (`mkdocs build` itself is unchanged.)
    `full`: render every page through the theme again (the page cache is emptied first)."""
    from mkdocs.commands.build import build as mkdocs_build

    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return _config_problem(msg.BUILD_CONFIG_MISSING)
    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate, logger.handlers[:])
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Report())
    handler.addFilter(_shown)
    logger.handlers = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        config = load_config(config_file=str(config_file), strict=strict)
        plugin = config.plugins.get("site-builder")
        if isinstance(plugin, SiteBuilderPlugin):
            plugin.full = full
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except ConfigurationError as exc:
        return _config_problem(msg.BUILD_CONFIG_ERROR.format(detail=exc))
    except _DiskFull as exc:
        print(str(exc) + msg.BUILD_FAILED, file=sys.stderr)
        return 1
    except Abort as exc:  # what went wrong is printed already (a BuildError with its summary)
        count = re.search(r"(\d+) warnings", str(exc))
        if count:
            print(msg.BUILD_STRICT_FAILED.format(count=count.group(1)), file=sys.stderr)
        elif "BuildError" not in str(exc):  # e.g. mkdocs.yml values MkDocs rejects
            print(msg.BUILD_FAILED.lstrip("\n"), file=sys.stderr)
        return 1
    finally:
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers = saved[2]
    return 0


def _config_problem(text: str) -> int:
    print(Problem("mkdocs.yml", None, None, text, msg.BUILD_CONFIG_HINT).format() +
          msg.BUILD_FAILED, file=sys.stderr)
    return 1


_OWN_LABELS = (msg.ERROR_LABEL, msg.WARNING_LABEL, msg.NOTE_LABEL)
_BUILT_IN = re.compile(r"^Documentation built in ([\d.]+) seconds$")


def _shown(record: logging.LogRecord) -> bool:
    """Our messages, MkDocs' warnings and errors, and its closing time; not its English
    progress lines."""
    return record.levelno >= logging.WARNING or record.name == log.name or \
        bool(_BUILT_IN.match(record.getMessage()))


class _Report(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        built = _BUILT_IN.match(text)
        if built:
            return msg.BUILD_TIME.format(seconds=built.group(1))
        if record.name == log.name or text.startswith(_OWN_LABELS):
            return text  # our problems carry their label; our other lines are plain Chinese
        label = msg.ERROR_LABEL if record.levelno >= logging.ERROR else msg.WARNING_LABEL
        return f"{label} {msg.BUILD_ENGINE_MESSAGE.format(detail=text)}"
