"""The MkDocs adapter: a thin layer over the core. Only this file imports MkDocs.

MkDocs events → pipeline stages:
  on_config      load, validate, build the model, generate pages (errors abort before output)
  on_files       replace the files MkDocs found in content/ with the generated pages and assets
  on_page_*      give each page its title, metadata and ready HTML
  on_post_build  post-build steps on the staging folder, then swap it into place
  on_serve       also watch catalog.yaml
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from . import messages as msg
from . import output, permalinks, postbuild, urls
from .pages import NavNode, OutputPage
from .pipeline import Project, build_model, generate_pages
from .problems import InputError, Problems, format_report
from .search_page import header_strings

log = logging.getLogger("mkdocs.plugins.site_builder")

STATIC_DIR = "assets"  # content/assets/: logos and images shared by pages, copied as they are


class SiteBuilderConfig(Config):
    catalog = opt.Type(str, default="catalog.yaml")


class SiteBuilderPlugin(BasePlugin[SiteBuilderConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str | None = None
        self.jobs: dict = {}
        self.pages: dict[str, OutputPage] = {}
        self.final_dir: Path | None = None
        self.staging: Path | None = None
        self.warnings = CountHandler()

    # -- lifecycle -------------------------------------------------------------------------------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.warnings = CountHandler()
        self.warnings.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(self.warnings)
        self.project = Project.at(Path(config.config_file_path).parent, self.config.catalog,
                                  str(Path(config.docs_dir)))
        try:
            self.site, problems = build_model(self.project)
            for problem in problems.warnings:
                log.warning(problem.format())
            for problem in problems.notes:
                log.info(problem.format())
            self.output = generate_pages(self.site)
        except InputError as exc:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            raise PluginError(str(exc)) from None
        self.pages = {p.src_uri: p for p in self.output.pages}
        config.site_name = self.site.info.name
        config.site_url = self.site.info.base_url
        config.nav = [_nav_entry(n) for n in self.output.nav]
        config.extra["site_builder"] = _identity(self.site)
        self._stage(config)
        self.jobs = postbuild.start_jobs(self.site, self.project.root / ".cache" / "jobs",
                                         background=self.command != "serve")
        return config

    def _stage(self, config: MkDocsConfig) -> None:
        """Build into a staging folder (not for `mkdocs serve`, which uses a temporary one)."""
        if self.command == "serve":
            return
        self.final_dir = Path(config.site_dir)
        self.staging = output.prepare(self.final_dir)
        config.site_dir = str(self.staging)

    # -- files and pages -------------------------------------------------------------------------
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir).resolve()
        static = docs_dir / STATIC_DIR
        kept = [f for f in files if not _inside(f, docs_dir) or _inside(f, static)]
        out = Files(kept)
        self.in_nav = in_nav = set(_nav_paths(self.output.nav))
        for page in self.output.pages:
            inclusion = InclusionLevel.UNDEFINED if page.path in in_nav else \
                InclusionLevel.NOT_IN_NAV  # notices, later listing pages: no "not in nav" notes
            out.append(File.generated(config, page.src_uri, content=page.markdown,
                                      inclusion=inclusion))
        for asset in self.output.assets:
            if asset.content is not None:  # a masked copy: the original never leaves
                out.append(File.generated(config, asset.path, content=asset.content))
            else:
                out.append(File.generated(config, asset.path, abs_src_path=str(asset.source)))
        return out

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta.update(generated.meta)
            page.meta["title"] = generated.title
            page.meta["sb_kind"] = generated.kind
            key = _shared_nav_key(generated.path, self.in_nav)
            if key:
                page.meta["sb_nav_key"] = key
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        if generated.toc:
            page.toc = get_toc(generated.toc)
        body = generated.html if generated.html is not None else html
        if not body.strip():
            return generated.before + generated.after
        return f'{generated.before}<div class="sb-body">{body}</div>{generated.after}'

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.globals["sb_nav_cache"] = {}  # fresh for every build (mkdocs serve rebuilds)
        return env

    # -- post-build ------------------------------------------------------------------------------
    @event_priority(-100)  # last: every other plugin has written its files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        ctx = postbuild.Context(self.site, self.output, Path(config.site_dir),
                                self.project.root / ".cache", Problems(self.project.root),
                                self.jobs)
        problems = postbuild.run(ctx)
        for problem in problems.warnings:
            log.warning(problem.format())
        if problems.errors:
            raise PluginError(format_report(list(problems)))
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        if self.staging is None or self.final_dir is None:
            return
        if config.strict and self.warnings.get_counts():
            output.discard(self.staging)  # MkDocs aborts next; the old site stays
            return
        output.publish(self.staging, self.final_dir)
        log.info(msg.BUILD_PUBLISHED.format(path=self.final_dir, notices=len(self.site.notices)))
        if permalinks.record(self.project.root, self.output):
            log.info(msg.MANIFEST_UPDATED.format(file=permalinks.MANIFEST))
        config.site_dir = str(self.final_dir)
        self.staging = None

    def on_build_error(self, *, error: Exception) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        for job in getattr(self, "jobs", {}).values():
            job.cancel()
        if self.staging is not None:
            output.discard(self.staging)
            self.staging = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.project.catalog))
        return server


def _inside(file: File, folder: Path) -> bool:
    return bool(file.abs_src_path) and folder in Path(file.abs_src_path).resolve().parents


def _shared_nav_key(path: str, in_nav: set[str]) -> str | None:
    """Pages whose sidebar HTML is identical share a key, and main.html renders it once.

    True of pages outside the nav under a first folder that holds no nav page (every notice,
    n/<id>/): relative links from them to the nav depend only on their depth.
    """
    first = path.split("/", 1)[0]
    if not first or path in in_nav or any(p.split("/", 1)[0] == first for p in in_nav):
        return None
    return f"{first}-{path.count('/')}"


def _nav_paths(nodes: list[NavNode]):
    for node in nodes:
        if node.path is not None:
            yield node.path
        yield from _nav_paths(node.children)


def _nav_entry(node: NavNode) -> dict:
    if node.children:
        return {node.title: [_nav_entry(c) for c in node.children]}
    return {node.title: urls.src_uri(node.path or "")}


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
    }

