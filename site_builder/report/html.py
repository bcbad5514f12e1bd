"""The report as one self-contained HTML file (inline style, no script, nothing from other
hosts): a summary, then one table per section; every row links to its page on the public site
and names its source file."""

from __future__ import annotations

import re
from html import escape

from ..base import messages as msg
from .tables import Cell, Table

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222;
       line-height: 1.5; }
h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 2px solid #1565c0; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.95em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #e3f2fd; }
td.n { text-align: right; } td.d { white-space: nowrap; }
.note { color: #555; } .est { color: #b71c1c; }
@media print { a { color: inherit; text-decoration: none; } h2 { break-before: page; } }
"""


def e(text: object) -> str:
    return escape(str(text), quote=True)


def cell(c: Cell) -> str:
    text = e(c.text)
    if c.href:
        text = f'<a href="{e(c.href)}">{text}</a>'
    if c.estimated:
        text += f'<span class="est">{e(msg.REPORT_ESTIMATED)}</span>'
    if c.text.isdigit():
        return f'<td class="n">{text}</td>'
    if _DAY.fullmatch(c.text):
        return f'<td class="d">{text}</td>'
    return f"<td>{text}</td>"


def table(t: Table) -> str:
    parts = [f'<h2 id="{e(t.key)}">{e(t.title)}</h2>']
    if t.intro:
        parts.append(f'<p class="note">{e(t.intro)}</p>')
    if t.note:
        parts.append(f"<p><strong>{e(t.note)}</strong></p>")
    if not t.rows:
        parts.append(f"<p>{e(msg.REPORT_NONE)}</p>")
        return "\n".join(parts)
    head = "".join(f"<th>{e(h)}</th>" for h in t.head)
    body = "\n".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in t.rows)
    parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>")
    return "\n".join(parts)


def document(title: str, lines: list[str], summary: list[tuple[str, str]],
             tables: list[Table]) -> str:
    """`lines`: paragraphs under the title (date, calendar); `summary`: (what, value)."""
    contents = "".join(f'<li><a href="#{e(t.key)}">{e(t.title)}</a>（{len(t.rows)}）</li>'
                       for t in tables)
    rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in summary)
    intro = "".join(f'<p class="note">{e(line)}</p>' for line in lines if line)
    summary_html = f"<h2>{e(msg.REPORT_SUMMARY)}</h2><table>{rows}</table>" if summary else ""
    toc = f"<p>{e(msg.REPORT_CONTENTS)}</p><ul>{contents}</ul>" if len(tables) > 1 else ""
    body = "\n".join(table(t) for t in tables)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(title)}</title><style>{STYLE}</style></head><body>"
            f"<h1>{e(title)}</h1>{intro}{summary_html}{toc}\n{body}\n</body></html>\n")
