"""Catalog items, townships and villages found by what a clerk types: an id, a Chinese name or a
part of one (低保, 最低生活保障, 审核), or a near miss of an id (shjz-dibao).

Used by `site-builder items`, `new`/`import --item` and the check's suggestions, which always
name the item and its category and prefer items of the notice's level (乡级, 村级).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from .site import CatalogItem, Domain


def item_label(item: CatalogItem, domains: Sequence[Domain] = ()) -> str:
    """shjz-dbsh 最低生活保障 / 审核信息（社会救助，结果公开）."""
    domain = next((d.name for d in domains if d.id == item.domain_id), item.domain_id)
    return f"{item.id} {item.name}（{domain}，{item.category}）"


def _words(item: CatalogItem, domains: Sequence[Domain]) -> str:
    domain = next((d.name for d in domains if d.id == item.domain_id), "")
    return " ".join((item.id, item.level1, item.level2, item.content, domain, item.category))


def find_items(items: Sequence[CatalogItem], word: str,
               domains: Sequence[Domain] = ()) -> list[CatalogItem]:
    """The items `word` names: its id exactly, or every item whose id, 一级/二级事项, 公开内容,
    domain or category contains it (several words: all of them), else every item whose names hold
    its characters in order (低保审核)."""
    word = word.strip()
    exact = [i for i in items if i.id == word or i.name == word
             or word in (i.level2, f"{i.level1}{i.level2}")]
    if exact:
        return exact
    parts = word.replace("/", " ").replace("／", " ").split()
    found = [i for i in items if parts and all(p in _words(i, domains) for p in parts)]
    if found or len(word) < 2:
        return found
    # 低保审核 → 最低生活保障 / 审核信息: the characters in order, within the item's names
    return [i for i in items if _in_order(word, f"{i.level1}{i.level2}{i.content}")]


def _in_order(word: str, text: str) -> bool:
    position = 0
    for char in word:
        position = text.find(char, position) + 1
        if position == 0:
            return False
    return True


def suggest_items(items: Sequence[CatalogItem], word: str, level: str | None = None,
                  limit: int = 3) -> list[CatalogItem]:
    """Near misses of an id or a name, those allowed at `level` first."""
    by_key = {i.id: i for i in items} | {i.name: i for i in items}
    close = difflib.get_close_matches(word, list(by_key), n=limit * 2, cutoff=0.5)
    ids = list(dict.fromkeys(by_key[k].id for k in close))
    found = [next(i for i in items if i.id == found_id) for found_id in ids]
    if not found:  # a part of a name with a typo: share two characters or more
        found = [i for i in items if len(set(word) & set(i.name)) >= 2]
    if level:
        found.sort(key=lambda i: level not in i.levels)
    return found[:limit]
