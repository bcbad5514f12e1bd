"""`site-builder new`: a new notice with the next free id, today's date and the right fields."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .base import messages as msg
from .base import vocab
from .base.problems import Problems
from .check.validate import Catalog, validate_catalog
from .input.load import find_markdown, read_yaml_file
from .input.yamlsrc import as_value
from .model.site import Township
from .output import permalinks
from .pipeline import Project

_ID_LINE = re.compile(r"^id:\s*['\"]?([a-z0-9-]+)", re.MULTILINE)
_NOTICE_PATH = re.compile(r"^n/([a-z0-9-]+)/$")  # urls.notice()


class ScaffoldError(Exception):
    """The request cannot be fulfilled; the message says why, in Chinese."""


def new_notice(project: Project, item_id: str, township_ref: str | None,
               village_ref: str | None, title: str | None,
               today: dt.date | None = None) -> Path:
    today = today or dt.date.today()
    catalog = _catalog(project)
    item = next((i for i in catalog.items if i.id == item_id), None)
    if item is None:
        raise ScaffoldError(msg.NEW_UNKNOWN_ITEM.format(
            item=item_id, items="、".join(i.id for i in catalog.items)))
    township = _township(catalog, township_ref)
    village = None
    if village_ref:
        if township is None:
            raise ScaffoldError(msg.NEW_VILLAGE_NEEDS_TOWNSHIP)
        village = township.village(village_ref)
        if village is None:
            raise ScaffoldError(msg.NEW_UNKNOWN_VILLAGE.format(
                township=township.name, village=village_ref,
                villages="、".join(v.name for v in township.villages) or msg.NONE))
    level = vocab.level_of(township.id if township else None, village.id if village else None)
    if level not in item.levels:
        raise ScaffoldError(msg.NEW_LEVEL_MISMATCH.format(
            item=item.id, levels="、".join(item.levels), level=level))
    notice_id = next_id(project, today.year, catalog)
    folder = project.content / "notices" / (township.id if township else "county")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{notice_id}.md"
    domain = next(d for d in catalog.domains if d.id == item.domain_id)
    publisher = _publisher(township) if township else domain.department
    lines = [
        "---",
        f"id: {notice_id}",
        f"标题: {as_value(title.strip()) if title and title.strip() else msg.NEW_DEFAULT_TITLE}",
        f"事项: {item.id}   # {item.name}（{domain.name}，{item.category}）",
    ]
    if township:
        lines.append(f"乡镇: {township.id}   # {township.name}")
    if village:
        lines.append(f"村: {village.id}   # {village.name}")
    lines += [
        f"发布机构: {as_value(publisher)}",
        f"成文日期: {today.isoformat()}",
        f"发布日期: {today.isoformat()}",
        "文号:",
        f"公开属性: {item.methods[0]}   # 主动公开 / 依申请公开 / 不予公开",
        "---",
        "",
        msg.NEW_BODY,
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _catalog(project: Project) -> Catalog:
    problems = Problems(project.root)
    node = read_yaml_file(project.catalog, problems)
    catalog = validate_catalog(node, project.catalog, problems) if node else Catalog()
    if problems.errors:
        raise ScaffoldError(msg.NEW_CATALOG_BROKEN)
    return catalog


def _township(catalog: Catalog, ref: str | None) -> Township | None:
    if not ref:
        return None
    for township in catalog.townships:
        if ref in (township.id, township.name):
            return township
    raise ScaffoldError(msg.NEW_UNKNOWN_TOWNSHIP.format(
        township=ref, townships="、".join(f"{t.id}（{t.name}）" for t in catalog.townships)))


def _publisher(township: Township) -> str:
    return f"{township.name}办事处" if township.kind == "街道" else f"{township.name}人民政府"


def next_id(project: Project, year: int, catalog: Catalog | None = None) -> str:
    """The next free id of the form YYYY-NNNN for `year`: after every id in content/ and every
    notice URL ever published (published-urls.txt) or declared moved or withdrawn in catalog.yaml
    (迁移, 撤回): such a URL may be printed on a notice board, and must not show another notice."""
    prefix = f"{year}-"
    highest = 0
    for found in _used_ids(project, catalog):
        if found.startswith(prefix) and found[len(prefix):].isdigit():
            highest = max(highest, int(found[len(prefix):]))
    return f"{prefix}{highest + 1:04d}"


def _used_ids(project: Project, catalog: Catalog | None) -> set[str]:
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
