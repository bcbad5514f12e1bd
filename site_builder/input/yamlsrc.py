"""YAML read with line numbers, so that every problem can name its line.

PyYAML's composer (libyaml when available) gives nodes with positions; we turn them into
`YNode`s that keep the line of every key and value. Dates are *not* resolved by YAML (a typo
such as 2024-02-30 would crash PyYAML); they stay text and are checked by the validator.
Duplicate keys, which PyYAML silently accepts, are reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..base import messages as msg
from ..base.problems import Problem
from . import yamlguard

try:  # libyaml is ~10x faster to compose; fall back to pure Python where it is missing
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"


@dataclass
class YNode:
    """A YAML value with the (1-based, file-relative) line where it starts."""

    kind: str  # "map", "seq" or "scalar"
    line: int
    value: Any = None  # scalar: None/bool/int/float/str; seq: list[YNode]; map: dict[str, YNode]
    raw: str = ""  # scalar text exactly as typed
    key_lines: dict[str, int] = field(default_factory=dict)  # map: line of each key
    column: int = 1

    @property
    def is_map(self) -> bool:
        return self.kind == "map"

    @property
    def is_seq(self) -> bool:
        return self.kind == "seq"

    @property
    def is_scalar(self) -> bool:
        return self.kind == "scalar"

    def text(self) -> str:
        """The scalar as text: what the user typed (so 0137 stays 0137)."""
        if self.value is None:
            return ""
        if isinstance(self.value, str):
            return self.value
        return self.raw

    def plain(self) -> Any:
        """Plain Python data (for JSON Schema checks and debugging)."""
        if self.kind == "map":
            return {k: v.plain() for k, v in self.value.items()}
        if self.kind == "seq":
            return [v.plain() for v in self.value]
        return self.value


def parse(text: str, *, file: str, first_line: int = 1) -> tuple[YNode | None, list[Problem]]:
    """Parse one YAML document. `first_line` is the file line where `text` begins."""
    problems: list[Problem] = []
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        problems.append(_syntax_problem(exc, text, file, first_line))
        return None, problems
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        problems.append(Problem(file, first_line, None, msg.YAML_SYNTAX.format(detail=exc)))
        return None, problems
    if node is None:
        return None, problems
    refused = yamlguard.check(node, text, file, first_line, _Loader)  # alias bombs
    if refused is not None:
        return None, [refused]
    try:
        return _convert(node, file, first_line, problems), problems
    except yamlguard.TooDeep as deep:
        return None, [yamlguard.too_deep(file, deep.line + first_line)]


def _convert(node: yaml.Node, file: str, first_line: int, problems: list[Problem],
             depth: int = 0) -> YNode:
    if depth > yamlguard.MAX_DEPTH:
        raise yamlguard.TooDeep(node.start_mark.line)
    line = node.start_mark.line + first_line
    column = node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        items: dict[str, YNode] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_line = key_node.start_mark.line + first_line
            if key in items:
                problems.append(
                    Problem(
                        file,
                        key_line,
                        key,
                        msg.YAML_DUPLICATE_KEY.format(key=key, first=key_lines[key]),
                        msg.YAML_DUPLICATE_KEY_HINT,
                    )
                )
                continue
            items[key] = _convert(value_node, file, first_line, problems, depth + 1)
            key_lines[key] = key_line
        return YNode("map", line, items, key_lines=key_lines, column=column)
    if isinstance(node, yaml.SequenceNode):
        values = [_convert(v, file, first_line, problems, depth + 1) for v in node.value]
        return YNode("seq", line, values, column=column)
    return YNode("scalar", line, _scalar(node), raw=str(node.value), column=column)


def _scalar(node: yaml.Node) -> Any:
    tag = node.tag or ""
    raw = node.value
    if not tag.startswith(_TAG) or tag == _TAG + "str" or tag == _TAG + "timestamp":
        return raw
    kind = tag[len(_TAG) :]
    if kind == "null":
        return None
    if kind == "bool":
        return raw.lower() in ("true", "yes", "on", "y")
    cleaned = raw.replace("_", "")
    try:
        if kind == "int":
            return int(cleaned, 10) if cleaned.lstrip("+-").isdigit() else int(cleaned, 0)
        if kind == "float":
            return float(cleaned)
    except ValueError:
        return raw
    return raw


def as_value(text: str) -> str:
    """`text` written as a YAML value that reads back as exactly this text (for files we write,
    such as `site-builder new`): as typed when YAML reads it so, else in double quotes."""
    if text and text == text.strip() and "\n" not in text and "\r" not in text:
        try:
            node = yaml.compose(f"k: {text}", Loader=_Loader)
        except yaml.YAMLError:
            node = None
        value = node.value[0][1] if isinstance(node, yaml.MappingNode) and node.value else None
        if isinstance(value, yaml.ScalarNode) and value.tag == _TAG + "str" and \
                not value.style and value.value == text:
            return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


_FULLWIDTH_COLON_KEY = re.compile(r"^\s*(-\s+)?[^:#\s][^:#]*?：")
# "key: value" on one line (a list item's "- key: value" too)
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?([^\s:#\-?\[{][^:#]*?):[ \t]+(\S.*?)\s*$")
# Characters that mean something when a value starts with them, and what they mean
_SPECIAL_START = {
    "[": "列表的开始", "]": "列表的结束", "{": "一组字段的开始", "}": "一组字段的结束",
    "*": "引用别处的内容", "&": "给内容起引用名", "!": "类型标记", "|": "多行文字的开始",
    ">": "多行文字的开始", "%": "指令", "@": "保留符号", "`": "保留符号", ",": "列表里的分隔",
}
_SPECIAL_WITH_SPACE = {"- ": "列表的一项", "? ": "字段名的开始"}


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, file: str, first_line: int) -> Problem:
    """Translate a PyYAML error into a Chinese message with the right line and advice."""
    problem = (exc.problem or "") + " " + (exc.context or "")
    lines = text.splitlines()
    # For an unclosed quote the useful place is where the quoted text began.
    starts = "quoted scalar" in problem or "flow" in problem
    mark = (exc.context_mark if starts else None) or exc.problem_mark or exc.context_mark
    line0 = mark.line if mark else 0
    column = None

    # Tabs: YAML only allows spaces for indentation. (libyaml's message does not always name
    # the tab: "found character that cannot start any token".)
    tab_indented = any("\t" in line[: len(line) - len(line.lstrip())] for line in lines)
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem.lower() or (
            tab_indented and "cannot start any token" in problem):
        tab_line = _first_line_with(lines, "\t", default=line0)
        return Problem(file, tab_line + first_line, None, msg.YAML_TAB, msg.YAML_TAB_HINT)
    # Full-width colon after a key: 标题：xxx is text, not a key.
    for idx, content in enumerate(lines):
        if _FULLWIDTH_COLON_KEY.match(content) and ":" not in content.split("：", 1)[0]:
            key = _FLOW_START.split(content.split("：", 1)[0])[-1].strip().lstrip("-").strip()
            return Problem(
                file,
                idx + first_line,
                key,
                msg.YAML_FULLWIDTH_COLON.format(key=key),
                msg.YAML_FULLWIDTH_COLON_HINT,
            )
    detail = " ".join(problem.split())
    special = _special_value(lines[line0] if line0 < len(lines) else "", problem,
                             (exc.problem_mark or mark).column if mark else None)
    if special is not None:
        return Problem(file, line0 + first_line, special[0], special[1], special[2])
    if "mapping values are not allowed" in problem:
        key_value = _KEY_VALUE.match(lines[line0]) if line0 < len(lines) else None
        hint = msg.YAML_COLON_IN_VALUE_HINT
        if key_value:
            key, value = key_value.groups()
            hint = msg.YAML_QUOTE_VALUE_HINT.format(key=key, quoted=as_value(value))
        return Problem(
            file, line0 + first_line, key_value.group(1) if key_value else None,
            msg.YAML_COLON_IN_VALUE, hint, column=column,
        )
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return Problem(
            file, line0 + first_line, None, msg.YAML_STRUCTURE.format(detail=detail),
            msg.YAML_STRUCTURE_HINT, column=column,
        )
    if "quoted scalar" in problem:
        return Problem(file, line0 + first_line, None, msg.YAML_QUOTE, msg.YAML_QUOTE_HINT)
    if "single document" in problem:
        return Problem(
            file, line0 + first_line, None, msg.YAML_MULTI_DOC, msg.YAML_MULTI_DOC_HINT,
        )
    return Problem(
        file, line0 + first_line, None, msg.YAML_SYNTAX.format(detail=detail),
        msg.YAML_STRUCTURE_HINT, column=column,
    )


def _special_value(line: str, problem: str, column: int | None = None
                   ) -> tuple[str, str, str] | None:
    """(field, message, hint) when the value on the error's line starts with a character that
    YAML reads as syntax ([ * & ! | > % …) or with a quoted part followed by more text; in a
    flow mapping (`{id: x, 名称: *y}`), the value of the key before the error's `column`."""
    m = _KEY_VALUE.match(line)
    flow = _flow_pair(line, column) if column is not None and "{" in line else None
    if flow is not None and (m is None or flow[2] > m.start(1)):  # a key inside the {…}
        key, value, _ = flow
    elif m:
        key, value = m.groups()
    else:
        return None
    quoted = msg.YAML_QUOTE_VALUE_HINT.format(key=key, quoted=as_value(value))
    first = value[0]
    meaning = _SPECIAL_START.get(first) or _SPECIAL_WITH_SPACE.get(value[:2])
    if meaning is not None:
        char = value[:2].strip() if value[:2] in _SPECIAL_WITH_SPACE else first
        hint = quoted + (msg.YAML_SPECIAL_LIST_HINT if first in "[{" else "")
        return key, msg.YAML_SPECIAL_START.format(key=key, char=char, meaning=meaning), hint
    if first in "\"'" and "quoted scalar" not in problem:
        return key, msg.YAML_QUOTE_THEN_TEXT.format(key=key, quote=first), \
            quoted + msg.YAML_QUOTE_CHINESE_HINT
    return None


def _first_line_with(lines: list[str], needle: str, default: int) -> int:
    for idx, content in enumerate(lines):
        if needle in content[: len(content) - len(content.lstrip())] or content.startswith(needle):
            return idx
    for idx, content in enumerate(lines):
        if needle in content:
            return idx
    return default


# A key in block or flow style: at the start of a line (after "- "), or after "{" or ","
_KEY_IN_LINE = re.compile(r"(?:^\s*(?:-\s+)*|[{,]\s*)([^\s:#,{}\[\]\"'][^:,{}\[\]]*?)\s*:(?=\s|$)")
_FLOW_START = re.compile(r"[{,\[]")


def key_at(line: str, column: int | None = None) -> str | None:
    """The key whose value holds (1-based) `column` of a YAML source line, in block style
    (`名称: …`, `- 名称: …`) or flow style (`- {id: dongcun, 名称: …}`: 名称, not 「{id」);
    the line's last key when `column` is None."""
    text = line if column is None else line[: max(column - 1, 0)]
    keys = [m.group(1) for m in _KEY_IN_LINE.finditer(text)]
    return keys[-1] if keys else None


def _flow_pair(line: str, column: int) -> tuple[str, str, int] | None:
    """(key, value as written, the key's start) of the flow-mapping entry around the 0-based
    `column`."""
    matches = [m for m in _KEY_IN_LINE.finditer(line) if m.start(1) <= column]
    if not matches:
        return None
    last = matches[-1]
    value = re.split(r"\s*[,}]", line[last.end():].lstrip(), maxsplit=1)[0]
    return (last.group(1), value, last.start(1)) if value else None
