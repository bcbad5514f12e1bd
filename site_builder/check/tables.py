"""Markdown tables as clerks type them (docs/编写指南.md): a block of rows without its `| --- |`
line, or right after a paragraph line, is published as one paragraph of pipes — an error at its
first line, with the line to add. A row with more or fewer cells than the header is a warning
(extra cells are not shown; missing ones are empty).

Only lines that start with `|` (after at most three spaces) count as table rows here, and code
(indented four spaces, or between ``` fences) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROW = re.compile(r"^ {0,3}\|.*\|")
_RULE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")

NO_RULE = "no-rule"  # rows without the separator line
GLUED = "glued"  # a table right under a paragraph line
CELLS = "cells"  # a row whose cell count differs from the header's


@dataclass(frozen=True)
class TableProblem:
    kind: str
    line: int  # 0-based, in the text given
    cells: int = 0  # the row's cells
    header: int = 0  # the header's cells


def cells(line: str) -> int:
    text = line.strip()
    parts = _PIPE.split(text)
    if text.startswith("|"):
        parts = parts[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        parts = parts[:-1]
    return len(parts)


def rule_for(count: int) -> str:
    return "| " + " | ".join(["---"] * max(count, 1)) + " |"


def check(text: str) -> list[TableProblem]:
    lines = text.split("\n")
    out: list[TableProblem] = []
    index, fenced = 0, False
    while index < len(lines):
        if _FENCE.match(lines[index]):
            fenced = not fenced
        if fenced or not _ROW.match(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and (_ROW.match(lines[end]) or _RULE.match(lines[end])):
            end += 1
        out.extend(_block(lines, index, end))
        index = end
    return out


def _block(lines: list[str], start: int, end: int) -> list[TableProblem]:
    header = cells(lines[start])
    has_rule = end - start >= 2 and bool(_RULE.match(lines[start + 1]))
    if end - start < 2:
        return []
    if not has_rule:
        return [TableProblem(NO_RULE, start, header, header)]
    out = []
    if start > 0 and lines[start - 1].strip():
        out.append(TableProblem(GLUED, start, header, header))
    for row in range(start + 2, end):
        count = cells(lines[row])
        if count != header:
            out.append(TableProblem(CELLS, row, count, header))
    return out
