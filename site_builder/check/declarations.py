"""Moves (迁移) and retirements (撤回) of published URLs, as catalog.yaml declares them.

Read and checked here, with the rest of the catalog; output/permalinks.py holds the manifest of
published URLs and turns these declarations into redirect and tombstone pages.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from ..base import messages as msg
from ..input.fields import Fields
from ..model.site import Move, Retirement, UrlChanges

MOVES_KEY = "迁移"
RETIRED_KEY = "撤回"
MOVE_KEYS = ("原网址", "新网址")
RETIRED_KEYS = ("网址", "日期", "说明")


# -- catalog.yaml --------------------------------------------------------------------------------
def read_declarations(root: Fields, base_url: str | None) -> UrlChanges:
    changes = UrlChanges()
    for f in root.records(MOVES_KEY):
        f.unknown(MOVE_KEYS)
        old, new = f.text("原网址", required=True), f.text("新网址", required=True)
        old_path = _declared_path(f, "原网址", old, base_url)
        new_path = new if new and re.match(r"^https?://", new) and not (
            base_url and new.startswith(base_url)) else _declared_path(f, "新网址", new, base_url)
        if old_path is not None and new_path is not None:
            changes.moves.append(Move(old_path, new_path, f.path, f.line("原网址")))
    for f in root.records(RETIRED_KEY):
        f.unknown(RETIRED_KEYS)
        path = _declared_path(f, "网址", f.text("网址", required=True), base_url)
        day = f.date("日期", required=True)
        if day is not None and day > dt.date.today():
            f.error("日期", msg.RETIRED_FUTURE.format(date=day.isoformat(),
                                                     today=dt.date.today().isoformat()),
                    msg.RETIRED_FUTURE_HINT)
            day = None
        if path is not None and day is not None:
            changes.retired.append(Retirement(path, day, f.text("说明") or "", f.path,
                                              f.line("网址")))
    return changes


def _declared_path(f: Fields, key: str, value: str | None, base_url: str | None) -> str | None:
    if not value:
        return None
    path = normalize(value, base_url)
    if path is None:
        f.error(key, msg.URL_DECLARED_BAD.format(value=value), msg.URL_DECLARED_BAD_HINT)
    return path


def normalize(value: str, base_url: str | None = None) -> str | None:
    """A site path ("n/2024-0001/", "" for home) from what a clerk may write: /n/2024-0001/,
    n/2024-0001, the full address on this site, or …/index.html."""
    value = value.strip()
    if base_url and value.startswith(base_url):
        value = value[len(base_url) :]
    elif re.match(r"^[a-z]+://", value):
        base_path = urlsplit(base_url or "").path
        parts = urlsplit(value)
        if not base_url or parts.netloc != urlsplit(base_url).netloc or \
                not parts.path.startswith(base_path):
            return None
        value = parts.path[len(base_path) :]
    value = value.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if value.endswith("index.html"):
        value = value[: -len("index.html")]
    if value and not value.endswith("/"):
        value += "/"
    if any(part in (".", "..") for part in value.split("/")) or " " in value:
        return None
    return value


def shown(path: str) -> str:
    return "/" + path


