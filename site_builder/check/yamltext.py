"""YAML text values as a reader reads them: personal data in a value written over several lines.

The personal-data scan reads YAML files (front matter, catalog.yaml) line by line as written,
which gives exact lines and columns. A value can run over several lines, though — a block scalar
(`摘要: |`, `>`, `>-`, `|+`, `|2` …), or a plain or quoted value continued on the next line — and
the page shows it as one line: `138 1234` on one line and `5678` on the next read 138 1234 5678.
So every text value of the parsed YAML is scanned once more as the reader reads it (its line
breaks as spaces), and what only that reading shows is reported at the line of the value where
the number begins (the column too), in any field, at any depth.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterator

from ..input.yamlsrc import YNode
from . import normalize, privacy


def joined_findings(node: YNode | None, lines: list[str], first_line: int,
                    seen: list[privacy.Located], skip: frozenset[str] = frozenset()
                    ) -> list[privacy.Located]:
    """Findings in the text values of `node` (parsed from `lines`, whose first is file line
    `first_line`) that the line-by-line scan (`seen`) did not report. Top-level keys in `skip`
    are not looked at (`不是个人信息` lists the numbers that are not personal data)."""
    if node is None:
        return []
    known = {_digits(loc.finding.value) for loc in seen}
    starts = sorted(_starts(node))
    out: list[privacy.Located] = []
    for key, value in _texts(node):
        if key in skip:
            continue
        after = starts[bisect.bisect_right(starts, value.line)] \
            if starts[-1] > value.line else None
        last = (after - 1) if after is not None else first_line + len(lines) - 1
        if last <= value.line or not isinstance(value.value, str):
            continue  # a value on one line: the line-by-line scan read it as the page shows it
        text = value.text()
        if not privacy.could_hold(text):
            continue
        for found in privacy.scan_lines([normalize.as_read(text).text], markdown=False):
            f = found.finding
            if _digits(f.value) in known:
                continue
            known.add(_digits(f.value))
            line, column = _locate(lines, first_line, value.line, last, f.value)
            out.append(privacy.Located(
                dataclasses.replace(f, tricks=(*f.tricks, normalize.TRICK_LINES)), line, column))
    return out


def _texts(node: YNode, key: str | None = None) -> Iterator[tuple[str | None, YNode]]:
    """(top-level key, scalar node) of every scalar under `node`."""
    if node.is_map:
        for name, child in node.value.items():
            yield from _texts(child, key if key is not None else name)
    elif node.is_seq:
        for child in node.value:
            yield from _texts(child, key)
    else:
        yield key, node


def _starts(node: YNode) -> Iterator[int]:
    """The line of every key and value: a value ends before the next one starts."""
    yield node.line
    if node.is_map:
        yield from node.key_lines.values()
        for child in node.value.values():
            yield from _starts(child)
    elif node.is_seq:
        for child in node.value:
            yield from _starts(child)


def _locate(lines: list[str], first_line: int, start: int, last: int,
            value: str) -> tuple[int, int | None]:
    """The file line (and column) in [start, last] holding the longest beginning of `value`."""
    for length in range(len(value), 0, -1):
        piece = value[:length]
        for number in range(start, min(last, first_line + len(lines) - 1) + 1):
            column = lines[number - first_line].find(piece)
            if column >= 0:
                return number, column + 1
    return start, None


def _digits(value: str) -> str:
    return re.sub(r"[^0-9X]", "", normalize.fold(value).text.upper())


_KEY = re.compile(r"^(\s*)(?:-\s+)?([^\s:#][^:]*?)\s*:(?:\s|$)")


def key_of(lines: list[str], index: int) -> str | None:
    """The key whose value holds line `index` of a YAML text: the key on that line, else the
    nearest key above it indented less (a line inside a block or a continued value)."""
    indent = len(lines[index]) - len(lines[index].lstrip())
    for number in range(index, -1, -1):
        m = _KEY.match(lines[number])
        if m and (number == index or len(m.group(1)) < indent or
                  (lines[number].lstrip().startswith("- ") and len(m.group(1)) + 2 < indent)):
            return m.group(2)
    return None
