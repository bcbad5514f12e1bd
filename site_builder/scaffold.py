"""`site-builder new`: a new notice with the next free id, today's date and the right fields.
Items, townships and villages are found by id or Chinese name (importer/names.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .base import messages as msg
from .importer.guess import ImportFailed
from .importer.names import (
    check_level,
    load_catalog,
    next_id,
    publisher_of,
    resolve_item,
    resolve_place,
)
from .input.yamlsrc import as_value
from .pipeline import Project

__all__ = ["ScaffoldError", "new_notice", "next_id"]

# The request cannot be fulfilled; the message says why, in Chinese.
ScaffoldError = ImportFailed


def new_notice(project: Project, item_ref: str, township_ref: str | None,
               village_ref: str | None, title: str | None,
               today: dt.date | None = None) -> Path:
    today = today or dt.date.today()
    catalog = load_catalog(project)
    township, village = resolve_place(catalog, township_ref, village_ref)
    level = "村级" if village else "乡级" if township else "县级"
    item = resolve_item(catalog, item_ref, level)
    check_level(item, township, village)
    notice_id = next_id(project, today.year, catalog)
    folder = project.content / "notices" / (township.id if township else "county")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{notice_id}.md"
    domain = next(d for d in catalog.domains if d.id == item.domain_id)
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
        f"发布机构: {as_value(publisher_of(catalog, item, township))}",
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
