"""Rosters (名单, 发放表, 花名册) from Excel (.xlsx, .xls) and .csv → Markdown tables.

Each sheet is a table: title rows (one merged cell across the sheet) become a bold line above it,
the header row is detected (or 列1, 列2 … when the first row is already data), merged cells are
filled into every cell they cover (a two-row header is joined: 家庭情况-人口), empty trailing rows
and columns are dropped, numbers are shown as written. A number stored as a number with more than
15 digits (an ID or card typed into a number cell) has lost its last digits in Excel: that is an
error naming the cell, never a silent corruption.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base import messages as msg
from .guess import ImportFailed
from .markdown import escape

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
MAX_EXACT = 10**15  # Excel keeps 15 significant digits
_DATA_LIKE = re.compile(r"[\d\s.,:/\-+%年月日]+|[\d.]+\s*元")


@dataclass
class Sheet:
    name: str
    rows: list[list[str]]
    cell_names: list[list[str]] = field(default_factory=list)  # A1 …, for messages


@dataclass
class Table:
    """A sheet as a notice shows it."""

    name: str
    titles: list[str]
    header: list[str]
    rows: list[list[str]]
    header_guessed: bool  # no header row in the sheet: 列1, 列2 …

    def markdown(self, with_name: bool) -> str:
        parts = [f"## {escape(self.name)}"] if with_name else []
        parts += [f"**{escape(title)}**" for title in self.titles]
        lines = ["| " + " | ".join(_cell(c) for c in self.header) + " |",
                 "|" + "---|" * len(self.header)]
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in self.rows]
        parts.append("\n".join(lines))
        return "\n\n".join(parts)


def _cell(text: str) -> str:
    return "<br>".join(escape(line.strip()) for line in text.split("\n")) or " "


def read_tables(path: Path) -> tuple[list[Table], list[str]]:
    """The tables of a roster file and notes for the clerk (encoding, guessed headers)."""
    suffix = path.suffix.lower()
    notes: list[str] = []
    try:
        if suffix == ".csv":
            sheets = [_read_csv(path, notes)]
        elif suffix == ".xls":
            sheets = _read_xls(path)
        else:
            sheets = _read_xlsx(path)
    except ImportFailed:
        raise
    except Exception as exc:  # a damaged file: say so, without a traceback
        raise ImportFailed(msg.IMPORT_SHEET_UNREADABLE.format(
            file=path.name, detail=type(exc).__name__)) from None
    tables = [t for t in (to_table(s) for s in sheets) if t is not None]
    if not tables:
        raise ImportFailed(msg.IMPORT_SHEET_EMPTY.format(file=path.name))
    for table in tables:
        if table.header_guessed:
            notes.append(msg.IMPORT_NO_HEADER.format(sheet=table.name, columns=len(table.header)))
        else:
            notes.append(msg.IMPORT_HEADER.format(sheet=table.name, header="｜".join(table.header)))
    return tables, notes


# -- reading -------------------------------------------------------------------------------------
def _number(value: float | int, where: str, file: str) -> str:
    if isinstance(value, float) and not value.is_integer():
        return format(value, ".15g")
    whole = int(value)
    if abs(whole) >= MAX_EXACT:
        raise ImportFailed(msg.IMPORT_NUMBER_LOST.format(file=file, cell=where,
                                                          shown=f"{whole}"))
    return str(whole)


def _formatted(value: float | int, number_format: str, plain: str) -> str:
    """A number as Excel shows it with the usual formats: 12.5%, 1,260.00, 1260.00."""
    if number_format.endswith("%"):
        return f"{value * 100:.15g}%"
    decimals = re.search(r"0\.(0+)", number_format)
    grouped = "#,##0" in number_format
    if decimals:
        return f"{value:,.{len(decimals[1])}f}" if grouped else f"{value:.{len(decimals[1])}f}"
    if grouped and float(value).is_integer():
        return f"{int(value):,}"
    return plain


def _date(value: dt.datetime | dt.date | dt.time) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else \
            value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _where(sheet: str, row: int, column: int) -> str:
    return msg.IMPORT_CELL.format(sheet=sheet, cell=f"{_column_letter(column)}{row + 1}")


def _read_xlsx(path: Path) -> list[Sheet]:
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in book.worksheets:
        rows: list[list[str]] = []
        for r, row in enumerate(ws.iter_rows()):
            out = []
            for c, cell in enumerate(row):
                out.append(_xlsx_value(cell, _where(ws.title, r, c), path.name))
            rows.append(out)
        for merged in ws.merged_cells.ranges:
            _fill(rows, merged.min_row - 1, merged.max_row - 1, merged.min_col - 1,
                  merged.max_col - 1)
        sheets.append(Sheet(ws.title, rows))
    return sheets


def _xlsx_value(cell, where: str, file: str) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return _formatted(value, str(cell.number_format), _number(value, where, file))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date(value)
    return str(value).strip()


def _read_xls(path: Path) -> list[Sheet]:
    import xlrd

    book = xlrd.open_workbook(str(path), formatting_info=True)
    sheets = []
    for ws in book.sheets():
        rows = []
        for r in range(ws.nrows):
            out = []
            for c in range(ws.ncols):
                out.append(_xls_value(book, ws.cell(r, c), _where(ws.name, r, c), path.name))
            rows.append(out)
        for top, bottom, left, right in ws.merged_cells:
            _fill(rows, top, bottom - 1, left, right - 1)
        sheets.append(Sheet(ws.name, rows))
    return sheets


def _xls_value(book, cell, where: str, file: str) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _number(cell.value, where, file)
    if cell.ctype == xlrd.XL_CELL_DATE:
        return _date(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "是" if cell.value else "否"
    return str(cell.value).strip()


def _read_csv(path: Path, notes: list[str]) -> Sheet:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
        notes.append(msg.IMPORT_CSV_GBK.format(file=path.name))
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;，")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text),
                                                                 delimiter=delimiter)]
    return Sheet(path.stem, rows)


def _fill(rows: list[list[str]], top: int, bottom: int, left: int, right: int) -> None:
    """A merged range: its value in every cell it covers."""
    if top >= len(rows) or left >= len(rows[top]):
        return
    value = rows[top][left]
    for r in range(top, min(bottom, len(rows) - 1) + 1):
        for c in range(left, min(right, len(rows[r]) - 1) + 1):
            rows[r][c] = value


# -- shaping -------------------------------------------------------------------------------------
def to_table(sheet: Sheet) -> Table | None:
    rows = [list(r) for r in sheet.rows]
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        return None
    width = max(_used_width(r) for r in rows)
    rows = [(r + [""] * width)[:width] for r in rows]
    titles = []
    while len(rows) > 1 and width > 1 and len({c for c in rows[0] if c.strip()}) == 1:
        titles.append(next(c for c in rows[0] if c.strip()))
        rows.pop(0)
    header, guessed = rows[0], not _is_header(rows[0])
    if guessed:
        header = [msg.IMPORT_COLUMN.format(number=i + 1) for i in range(width)]
    else:
        rows.pop(0)
        if rows and _is_header(rows[0]) and _has_span(header):
            header = [top if top == low or not low else (low if not top else f"{top}-{low}")
                      for top, low in zip(header, rows.pop(0), strict=True)]
    return Table(sheet.name, titles, header, rows, guessed)


def _used_width(row: list[str]) -> int:
    for index in range(len(row), 0, -1):
        if row[index - 1].strip():
            return index
    return 0


def _is_header(row: list[str]) -> bool:
    filled = [c for c in row if c.strip()]
    return len(filled) >= max(1, len(row) // 2) and \
        not any(_DATA_LIKE.fullmatch(c.strip()) for c in filled)


def _has_span(header: list[str]) -> bool:
    return any(a == b and a for a, b in itertools.pairwise(header))
