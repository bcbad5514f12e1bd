"""Typed reading of a YAML mapping, reporting each problem with its line and field."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from ..base import messages as msg
from ..base import vocab
from ..base.dates import DateError, parse_date
from ..base.problems import Problems
from .yamlsrc import YNode

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX = 40


class Fields:
    """A YAML mapping read field by field. `label` prefixes field names in messages."""

    def __init__(self, node: YNode, path: Path, problems: Problems, label: str = ""):
        self.node = node
        self.path = path
        self.problems = problems
        self.label = label

    # -- helpers -----------------------------------------------------------------------------
    def name(self, key: str) -> str:
        return f"{self.label}.{key}" if self.label else key

    def line(self, key: str | None = None) -> int:
        if key is not None and key in self.node.key_lines:
            return self.node.key_lines[key]
        return self.node.line

    def has(self, key: str) -> bool:
        child = self.node.value.get(key)
        return child is not None and not _blank(child)

    def error(self, key: str | None, message: str, hint: str = "") -> None:
        self.problems.add(self.path, self.line(key), self.name(key) if key else self.label or None,
                          message, hint)

    def warn(self, key: str | None, message: str, hint: str = "") -> None:
        self.problems.warn(self.path, self.line(key), self.name(key) if key else self.label or None,
                           message, hint)

    def _get(self, key: str, required: bool) -> YNode | None:
        child = self.node.value.get(key)
        if child is None or _blank(child):
            if required:
                self.problems.add(self.path, self.line(key) if key in self.node.key_lines
                                  else self.node.line, self.name(key),
                                  msg.FIELD_MISSING.format(field=key),
                                  msg.FIELD_MISSING_HINT.format(field=key))
            return None
        return child

    # -- readers -----------------------------------------------------------------------------
    def text(self, key: str, *, required: bool = False) -> str | None:
        child = self._get(key, required)
        if child is None:
            return None
        if not child.is_scalar:
            self.error(key, msg.FIELD_NOT_TEXT.format(field=key), msg.FIELD_NOT_TEXT_HINT)
            return None
        return child.text().strip()

    def ident(self, key: str = "id", *, required: bool = True) -> str | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        if not ID_PATTERN.match(value) or len(value) > ID_MAX:
            self.error(key, msg.ID_INVALID.format(value=value), msg.ID_INVALID_HINT)
            return None
        return value

    def integer(self, key: str, *, required: bool = False, minimum: int = 0) -> int | None:
        child = self._get(key, required)
        if child is None:
            return None
        if not child.is_scalar or isinstance(child.value, bool) or not isinstance(
            child.value, int
        ):
            self.error(key, msg.FIELD_NOT_INT.format(field=key, value=child.raw),
                       msg.FIELD_NOT_INT_HINT)
            return None
        if child.value < minimum:
            self.error(key, msg.FIELD_TOO_SMALL.format(field=key, minimum=minimum),
                       msg.FIELD_TOO_SMALL_HINT.format(field=key, minimum=minimum,
                                                       example=max(minimum, 7)))
            return None
        return child.value

    def choice(self, key: str, allowed: Iterable[str], *, required: bool = False) -> str | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        allowed = tuple(allowed)
        if value not in allowed:
            self.error(key, msg.CHOICE_UNKNOWN.format(field=key, value=value),
                       _choices_hint(value, allowed))
            return None
        return value

    def choices(self, key: str, allowed: Iterable[str], *, required: bool = False) -> list[str]:
        """One value or a list of values, each from `allowed` (multi-select columns)."""
        allowed = tuple(allowed)
        out: list[str] = []
        entries = self._text_list(key, required)
        if required and not entries and self.has(key):
            self.error(key, msg.FIELD_MISSING.format(field=key),
                       msg.FIELD_MISSING_HINT.format(field=key))
        for value, line in entries:
            if value not in allowed:
                self.problems.add(self.path, line, self.name(key),
                                  msg.CHOICE_UNKNOWN.format(field=key, value=value),
                                  _choices_hint(value, allowed))
            elif value not in out:
                out.append(value)
        return out

    def texts(self, key: str, *, required: bool = False) -> list[str]:
        return [value for value, _ in self._text_list(key, required)]

    def _text_list(self, key: str, required: bool) -> list[tuple[str, int]]:
        child = self._get(key, required)
        if child is None:
            return []
        nodes = child.value if child.is_seq else [child]
        out: list[tuple[str, int]] = []
        for node in nodes:
            if not node.is_scalar:
                self.problems.add(self.path, node.line, self.name(key),
                                  msg.FIELD_NOT_TEXT.format(field=key), msg.FIELD_NOT_TEXT_HINT)
                continue
            if node.is_scalar and isinstance(node.value, str) and "、" in node.value and \
                    not child.is_seq:
                out.extend((part.strip(), node.line) for part in node.value.split("、") if part)
                continue
            if node.text().strip():
                out.append((node.text().strip(), node.line))
        return out

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self.text(key, required=required)
        if value is None:
            return None
        try:
            return parse_date(value)
        except DateError as exc:
            message = {
                "format": msg.DATE_FORMAT,
                "impossible": msg.DATE_IMPOSSIBLE,
                "year": msg.DATE_YEAR,
            }[exc.kind].format(field=key, value=value)
            self.error(key, message, msg.DATE_HINT)
            return None

    def sub(self, key: str, *, required: bool = False) -> Fields | None:
        child = self._get(key, required)
        if child is None:
            return None
        if not child.is_map:
            self.error(key, msg.FIELD_NOT_MAP.format(field=key), msg.FIELD_NOT_MAP_HINT)
            return None
        return Fields(child, self.path, self.problems, self.name(key))

    def records(self, key: str, *, required: bool = False, label: str | None = None) -> list[
        Fields
    ]:
        """A list of mappings; each is labelled `key[n]` in messages."""
        child = self._get(key, required)
        if child is None:
            return []
        if not child.is_seq:
            self.error(key, msg.FIELD_NOT_LIST.format(field=key), msg.FIELD_NOT_LIST_HINT)
            return []
        out: list[Fields] = []
        for index, node in enumerate(child.value, start=1):
            name = f"{label or self.name(key)}[{index}]"
            if not node.is_map:
                self.problems.add(self.path, node.line, name,
                                  msg.FIELD_NOT_MAP.format(field=name), msg.FIELD_NOT_MAP_HINT)
                continue
            out.append(Fields(node, self.path, self.problems, name))
        return out

    def unknown(self, allowed: Iterable[str]) -> None:
        """Report keys this mapping does not know, suggesting the closest known one."""
        allowed = tuple(allowed)
        for key in self.node.value:
            if key in allowed:
                continue
            alias = vocab.FIELD_ALIASES.get(key)
            guess = [alias] if alias in allowed else \
                difflib.get_close_matches(key, allowed, n=1, cutoff=0.4)
            hint = msg.UNKNOWN_FIELD_GUESS.format(guess=guess[0]) if guess else \
                msg.UNKNOWN_FIELD_HINT.format(allowed="、".join(allowed))
            if "：" in key or key.endswith(":"):
                hint = msg.YAML_FULLWIDTH_COLON_HINT
            self.problems.add(self.path, self.line(key), self.name(key),
                              msg.UNKNOWN_FIELD.format(field=key), hint)


def _blank(node: YNode) -> bool:
    """An empty value: nothing, only spaces, or an empty list."""
    if node.is_scalar:
        return node.value is None or (isinstance(node.value, str) and not node.value.strip())
    return node.is_seq and not node.value


def _choices_hint(value: str, allowed: tuple[str, ...]) -> str:
    guess = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5)
    if guess:
        return msg.CHOICE_GUESS.format(guess=guess[0], allowed="、".join(allowed))
    return msg.CHOICE_HINT.format(allowed="、".join(allowed))
