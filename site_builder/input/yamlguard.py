"""Guard against YAML that is small to read but huge (or endless) to expand.

PyYAML composes an alias (`*a`) as a second reference to the anchored node (`&a`), so composing a
"billion laughs" document is cheap; what is expensive is turning it into values (yamlsrc's YNodes,
then every check on them): ten levels of ten aliases are 10^10 values, and `check` grew to
15.6 GB. Anchors and aliases are legitimate YAML, and harmless in moderation (a 公开依据 block
reused by several items of catalog.yaml), so they are not refused as such: the expanded size is
computed on the composed graph (each node once, memoised, iteratively) and a document whose
aliases add more than `max(ALIAS_EXTRA, nodes written)` values is refused — at most twice the
document, whatever its size, plus 10,000. Only documents holding a `&` are measured (no anchor,
no alias). Nesting deeper than MAX_DEPTH levels (no catalog or front matter needs more than 6)
is refused too, by yamlsrc while it converts (TooDeep): 500 levels exhausted Python's
recursion.

The refusal names the alias that expands most (found by a second pass over the parse events,
only when the document is refused) and the line of its anchor.
"""

from __future__ import annotations

import yaml

from ..base import messages as msg
from ..base.problems import Problem

ALIAS_EXTRA = 10_000  # values aliases may add beyond the document's own, at least
MAX_DEPTH = 100  # levels of nesting
ENDLESS = 1 << 62  # the size of a node that contains itself


class TooDeep(Exception):
    """Raised by yamlsrc while converting a node nested deeper than MAX_DEPTH."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line  # 0-based, in the parsed text


def too_deep(file: str, line: int) -> Problem:
    return Problem(file, line, None, msg.YAML_TOO_DEEP.format(limit=MAX_DEPTH),
                   msg.YAML_TOO_DEEP_HINT)


def check(root: yaml.Node, text: str, file: str, first_line: int,
          loader: type) -> Problem | None:
    """A problem if the composed document `root` expands too much through its aliases. Only a
    document with an anchor (`&`) can have aliases; the others cost nothing here (their depth is
    checked while yamlsrc converts them)."""
    if "&" not in text:
        return None
    written, expanded, deep = _measure(root)
    if deep is not None:
        return too_deep(file, deep + first_line)
    limit = written + max(ALIAS_EXTRA, written)
    if expanded <= limit:
        return None
    name, line, anchor_line = _biggest_alias(text, loader)
    if expanded >= ENDLESS:
        message = msg.YAML_ALIAS_RECURSIVE.format(name=name, anchor_line=anchor_line + first_line)
    else:
        message = msg.YAML_ALIAS_TOO_BIG.format(
            name=name, anchor_line=anchor_line + first_line, count=f"{expanded:,}",
            limit=f"{limit:,}")
    return Problem(file, line + first_line, None, message, msg.YAML_ALIAS_TOO_BIG_HINT)


def _measure(root: yaml.Node) -> tuple[int, int, int | None]:
    """(distinct nodes, nodes once every alias is expanded, 0-based line of a node nested deeper
    than MAX_DEPTH or None), without recursion. A node inside itself (a recursive alias) has
    the size ENDLESS."""
    size: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            on_path.discard(key)
            size[key] = min(ENDLESS, 1 + sum(size[id(c)] for c in children))
            continue
        if key in size:
            continue
        if key in on_path:  # a node inside itself: endless
            return len(size), ENDLESS, None
        on_path.add(key)
        if len(on_path) > MAX_DEPTH:
            return len(size), 0, node.start_mark.line
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)
    return len(size), size[id(root)], None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _biggest_alias(text: str, loader: type) -> tuple[str, int, int]:
    """(anchor name, 0-based line of the alias, 0-based line of the anchor) of the alias that
    expands to the most values."""
    sizes: dict[str, tuple[int, int]] = {}  # anchor → (values, line)
    lines: dict[str, int] = {}  # anchor → line, from its start (a recursive alias is inside)
    stack: list[list] = [[0, None, 0]]  # [values so far, anchor, line] of open collections
    best = ("?", 0, 0, -1)
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            stack.append([1, event.anchor, event.start_mark.line])
            if event.anchor:
                lines[event.anchor] = event.start_mark.line
        elif isinstance(event, yaml.CollectionEndEvent) and len(stack) > 1:
            values, anchor, line = stack.pop()
            if anchor:
                sizes[anchor] = (values, line)
            stack[-1][0] += values
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = (1, event.start_mark.line)
                lines[event.anchor] = event.start_mark.line
            stack[-1][0] += 1
        elif isinstance(event, yaml.AliasEvent):
            values, _ = sizes.get(event.anchor, (0, 0))
            stack[-1][0] += values
            if values > best[3]:
                best = (event.anchor, event.start_mark.line, lines.get(event.anchor, 0), values)
    return best[0], best[1], best[2]
