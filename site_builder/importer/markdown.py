"""Semantic HTML (mammoth's rendering of a Word document) → the project's Markdown.

Headings, paragraphs, lists, bold and italic, links, images and footnotes become Markdown; a table
becomes a Markdown table when every cell is one line of text, else (merged cells, several
paragraphs in a cell) it is kept as an HTML table of the tags the output allow-list accepts
(check/rawhtml.py: table, tr, th, td with colspan/rowspan).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = frozenset({"br", "img", "hr", "col"})
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"})
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_LINE_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(?=\s)")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self, tag: str | None = None) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node) and (tag is None or c.tag == tag)]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(fragment: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(fragment)
    builder.close()
    return builder.root


@dataclass
class Block:
    """One block of the document: a heading, paragraph, list or table, as Markdown."""

    kind: str  # "heading", "paragraph", "list", "table", "html-table", "footnotes"
    markdown: str
    text: str  # the plain text (for guesses: title, 文号, 落款)
    level: int = 0  # headings: 1–6 as in the HTML
    css: str = ""  # the element's class (mammoth's style map marks the title)


def escape(text: str) -> str:
    """Text as Markdown shows it literally."""
    text = _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
    return _LINE_START.sub(lambda m: m[1] + "\\" + m[2], text)


def inline(node: Node | str) -> str:
    if isinstance(node, str):
        return escape(re.sub(r"[ \t\r\n]+", " ", node))
    tag, inner = node.tag, "".join(inline(c) for c in node.children)
    if tag in ("strong", "b"):
        return f"**{inner.strip()}**" if inner.strip() else inner
    if tag in ("em", "i"):
        return f"*{inner.strip()}*" if inner.strip() else inner
    if tag == "br":
        return "<br>"
    if tag == "img":
        return f"![{escape(node.attrs.get('alt', ''))}]({node.attrs.get('src', '')})"
    if tag == "sup" and node.elements("a") and node.text().strip().startswith("["):
        return f"<sup>{html.escape(node.text().strip())}</sup>"  # a footnote reference
    if tag == "a":
        href = node.attrs.get("href", "")
        if href.startswith(("http://", "https://", "mailto:")):
            target = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            return f"[{inner}]({target})"
        return inner  # bookmarks, footnote back-links
    if tag in ("sub", "sup", "s", "u"):
        return f"<{tag}>{inner}</{tag}>"
    return inner


def blocks(root: Node) -> list[Block]:
    out: list[Block] = []
    for node in root.children:
        if isinstance(node, str):
            if node.strip():
                out.append(Block("paragraph", escape(node.strip()), node.strip()))
            continue
        out.extend(_block(node))
    return out


def _block(node: Node) -> list[Block]:
    tag = node.tag
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        text = node.text().strip()
        return [Block("heading", _inline_text(node), text, int(tag[1]),
                      node.attrs.get("class", ""))]
    if tag == "p":
        text = node.text().strip()
        body = _inline_text(node)
        if not body:
            return []
        return [Block("paragraph", body, text, css=node.attrs.get("class", ""))]
    if tag in ("ul", "ol"):
        if _is_footnotes(node):
            return [_footnotes(node)]
        return [Block("list", "\n".join(_list(node, 0)), node.text())]
    if tag == "table":
        return [_table(node)]
    if tag in ("div", "section", "blockquote", "root"):
        return [b for child in node.elements() for b in _block(child)]
    text = node.text().strip()
    return [Block("paragraph", _inline_text(node), text)] if text else []


def _inline_text(node: Node) -> str:
    return "".join(inline(c) for c in node.children).strip().replace("<br>", "  \n")


def _list(node: Node, depth: int) -> list[str]:
    lines: list[str] = []
    ordered = node.tag == "ol"
    for number, item in enumerate(node.elements("li"), start=1):
        marker = f"{number}." if ordered else "-"
        text = "".join(inline(c) for c in item.children
                       if isinstance(c, str) or c.tag not in ("ul", "ol", "p"))
        text += " ".join(_inline_text(p) for p in item.elements("p"))
        lines.append(f"{'    ' * depth}{marker} {text.strip()}")
        for sub in item.children:
            if isinstance(sub, Node) and sub.tag in ("ul", "ol"):
                lines.extend(_list(sub, depth + 1))
    return lines


def _is_footnotes(node: Node) -> bool:
    items = node.elements("li")
    return bool(items) and all(i.attrs.get("id", "").startswith(("footnote-", "endnote-"))
                               for i in items)


def _footnotes(node: Node) -> Block:
    lines = []
    for item in node.elements("li"):
        number = re.sub(r"\D", "", item.attrs.get("id", "")) or "?"
        text = " ".join(_inline_text(p) for p in item.elements("p")) or _inline_text(item)
        lines.append(f"\\[{number}\\] {text.strip().removesuffix('↑').strip()}")
    return Block("footnotes", "  \n".join(lines), node.text())


# -- tables --------------------------------------------------------------------------------------
def _rows(table: Node) -> list[Node]:
    rows: list[Node] = []
    for child in table.elements():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(child.elements("tr"))
    return rows


def _cells(row: Node) -> list[Node]:
    return [c for c in row.elements() if c.tag in ("td", "th")]


def _cell_lines(cell: Node) -> list[str]:
    paragraphs = [p for p in cell.elements() if p.tag in ("p", "ul", "ol", "table")]
    if not paragraphs:
        return [_inline_text(cell)] if cell.text().strip() else []
    return [_inline_text(p) for p in paragraphs if p.text().strip()]


def _merged(table: Node) -> bool:
    return any(c.attrs.get("colspan", "1") != "1" or c.attrs.get("rowspan", "1") != "1"
               for row in _rows(table) for c in _cells(row))


def _table(table: Node) -> Block:
    rows = _rows(table)
    text = "\n".join("\t".join(c.text().strip() for c in _cells(r)) for r in rows)
    simple = not _merged(table) and all(
        len(_cell_lines(c)) <= 1 and not c.elements("table") for r in rows for c in _cells(r))
    if not rows:
        return Block("paragraph", "", "")
    if simple:
        width = max(len(_cells(r)) for r in rows)
        lines = []
        for index, row in enumerate(rows):
            cells = [(_cell_lines(c) or [""])[0].replace("|", "\\|") for c in _cells(row)]
            cells += [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
            if index == 0:
                lines.append("|" + "---|" * width)
        return Block("table", "\n".join(lines), text)
    return Block("html-table", _html_table(rows), text)


def _html_table(rows: list[Node]) -> str:
    """An HTML table, one row a line, cells as text (line breaks kept)."""
    lines = ["<table>"]
    for row in rows:
        cells = []
        for cell in _cells(row):
            spans = "".join(f' {name}="{int(value)}"' for name in ("colspan", "rowspan")
                            if (value := cell.attrs.get(name, "1")).isdigit() and value != "1")
            content = "<br>".join(html.escape(" ".join(line.split()))
                                  for line in _plain_lines(cell))
            cells.append(f"<{cell.tag}{spans}>{content}</{cell.tag}>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _plain_lines(cell: Node) -> list[str]:
    paragraphs = [p for p in cell.elements() if p.tag in ("p", "li")]
    nested = [li for lst in cell.elements() if lst.tag in ("ul", "ol") for li in lst.elements("li")]
    found = [p.text().strip() for p in [*paragraphs, *nested] if p.text().strip()]
    return found or ([cell.text().strip()] if cell.text().strip() else [])
