"""The report's tables as an Excel workbook (openpyxl, write-only for speed): a summary sheet,
then one sheet per table, each row with the page's URL and the source file in its own columns
(write-only workbooks cannot hold hyperlinks; a URL cell is what staff paste anyway)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from ..base import messages as msg
from .tables import Cell, Table

BOLD = Font(bold=True)
SHEET_NAME_MAX = 31  # Excel's limit


def _value(c: Cell) -> object:
    text = c.text + (msg.REPORT_ESTIMATED if c.estimated else "")
    return int(text) if text.isdigit() else text


def write(path: Path, summary: list[tuple[str, str]], tables: list[Table]) -> None:
    book = Workbook(write_only=True)
    if summary:
        sheet = book.create_sheet(msg.REPORT_SUMMARY)
        for key, value in summary:
            sheet.append([key, value])
    for t in tables:
        sheet = book.create_sheet(t.title[:SHEET_NAME_MAX])
        links = [i for i, h in enumerate(t.head) if any(row[i].href for row in t.rows)]
        head = list(t.head) + [f"{t.head[i]}{msg.REPORT_PAGE}" for i in links]
        sheet.append([_bold(sheet, h) for h in head])
        for row in t.rows:
            sheet.append([_value(c) for c in row] + [row[i].href for i in links])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _bold(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    cell.font = BOLD
    return cell
