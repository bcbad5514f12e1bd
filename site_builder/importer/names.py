"""The catalog as `new` and `import` use it: items, townships and villages chosen by name, the
next free notice id and the default 发布机构."""

from __future__ import annotations

import re
from pathlib import Path

from ..base import messages as msg
from ..base import vocab
from ..base.problems import Problems
from ..check.validate import Catalog, validate_catalog
from ..input.load import find_markdown, read_yaml_file
from ..model import lookup
from ..model.site import CatalogItem, Township, Village
from ..output import permalinks
from ..pipeline import Project
from .guess import ImportFailed

_ID_LINE = re.compile(r"^id:\s*['\"]?([a-z0-9-]+)", re.MULTILINE)
_NOTICE_PATH = re.compile(r"^n/([a-z0-9-]+)/$")  # urls.notice()


def load_catalog(project: Project) -> Catalog:
    problems = Problems(project.root)
    node = read_yaml_file(project.catalog, problems)
    catalog = validate_catalog(node, project.catalog, problems) if node else Catalog()
    if problems.errors:
        raise ImportFailed(msg.NEW_CATALOG_BROKEN)
    return catalog


def item_lines(catalog: Catalog, word: str | None = None) -> list[str]:
    """`site-builder items [词]`: one line per item: id, name, category, domain, levels."""
    items = lookup.find_items(catalog.items, word, catalog.domains) if word else catalog.items
    domains = {d.id: d.name for d in catalog.domains}
    return [msg.ITEMS_LINE.format(id=i.id, name=i.name, category=i.category,
                                  domain=domains.get(i.domain_id, i.domain_id),
                                  levels="、".join(i.levels)) for i in items]


def resolve_item(catalog: Catalog, ref: str, level: str | None = None) -> CatalogItem:
    """The one item `ref` names (id, name or part of a name); else a message listing the
    candidates by name and category."""
    found = lookup.find_items(catalog.items, ref, catalog.domains)
    if ref.isascii() and not any(i.id == ref for i in found):
        found = []  # part of an id is a typo, not a choice
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        preferred = [i for i in found if level in i.levels] if level else []
        if len(preferred) == 1:
            return preferred[0]
        raise ImportFailed(msg.ITEM_AMBIGUOUS.format(item=ref, items=_listed(catalog, found)))
    near = lookup.suggest_items(catalog.items, ref, level)
    if near:
        raise ImportFailed(msg.ITEM_UNKNOWN_GUESS.format(item=ref, items=_listed(catalog, near)))
    raise ImportFailed(msg.ITEM_UNKNOWN.format(item=ref))


def _listed(catalog: Catalog, items: list[CatalogItem]) -> str:
    return "".join(f"\n    {lookup.item_label(i, catalog.domains)}，{'、'.join(i.levels)}"
                   for i in items)


def resolve_place(catalog: Catalog, township_ref: str | None, village_ref: str | None
                  ) -> tuple[Township | None, Village | None]:
    township = _township(catalog, township_ref)
    if not village_ref:
        return township, None
    if township is None:
        raise ImportFailed(msg.NEW_VILLAGE_NEEDS_TOWNSHIP)
    village = township.village(village_ref) or next(
        (v for v in township.villages if village_ref in v.name), None)
    if village is None:
        raise ImportFailed(msg.NEW_UNKNOWN_VILLAGE.format(
            township=township.name, village=village_ref,
            villages="、".join(v.name for v in township.villages) or msg.NONE))
    return township, village


def _township(catalog: Catalog, ref: str | None) -> Township | None:
    if not ref:
        return None
    for township in catalog.townships:
        if ref in (township.id, township.name):
            return township
    partial = [t for t in catalog.townships if ref in t.name]
    if len(partial) == 1:
        return partial[0]
    raise ImportFailed(msg.NEW_UNKNOWN_TOWNSHIP.format(
        township=ref, townships="、".join(f"{t.id}（{t.name}）" for t in catalog.townships)))


def check_level(item: CatalogItem, township: Township | None, village: Village | None) -> str:
    level = vocab.level_of(township.id if township else None, village.id if village else None)
    if level not in item.levels:
        raise ImportFailed(msg.NEW_LEVEL_MISMATCH.format(
            item=item.id, levels="、".join(item.levels), level=level))
    return level


def publisher_of(catalog: Catalog, item: CatalogItem, township: Township | None) -> str:
    if township is not None:
        return f"{township.name}办事处" if township.kind == "街道" else f"{township.name}人民政府"
    return next(d.department for d in catalog.domains if d.id == item.domain_id)


def next_id(project: Project, year: int, catalog: Catalog | None = None,
            taken: set[str] | None = None) -> str:
    """The next free id of the form YYYY-NNNN for `year`: after every id in content/ and every
    notice URL ever published (published-urls.txt) or declared moved or withdrawn in catalog.yaml
    (迁移, 撤回): such a URL may be printed on a notice board, and must not show another notice."""
    prefix = f"{year}-"
    highest = 0
    for found in used_ids(project, catalog) | (taken or set()):
        if found.startswith(prefix) and found[len(prefix):].isdigit():
            highest = max(highest, int(found[len(prefix):]))
    return f"{prefix}{highest + 1:04d}"


def used_ids(project: Project, catalog: Catalog | None) -> set[str]:
    notices, _ = find_markdown(project.content)
    used: set[str] = set()
    for path in notices:
        head = path.read_bytes()[:2000].decode("utf-8", errors="ignore")
        used.update(_ID_LINE.findall(head))
    paths = set(permalinks.read_manifest(project.root))
    if catalog is not None:
        changes = catalog.url_changes
        paths.update(m.old for m in changes.moves)
        paths.update(m.new for m in changes.moves)
        paths.update(r.path for r in changes.retired)
    used.update(m.group(1) for m in map(_NOTICE_PATH.match, paths) if m)
    return used


def notice_file(project: Project, notice_id: str) -> list[Path]:
    """The notice files whose front matter has this id."""
    notices, _ = find_markdown(project.content)
    return [p for p in notices
            if notice_id in _ID_LINE.findall(p.read_bytes()[:2000].decode("utf-8", "ignore"))]
