"""Spreadsheets attached to notices or linked from them: personal data in every part a reader of
the file can see, and the masked copy published instead when masking is on (docs/privacy.md,
*Spreadsheets*).

- `.xlsx` / `.xlsm` (openpyxl: the cached values; the formulas, read only, when a sheet has
  any): every cell of every sheet (hidden and very hidden ones too; the header row as well),
  formula texts, cell comments, hyperlinks, headers and footers (odd, even, first page), sheet
  names, defined names, document and custom properties; and, read as XML, every other part of
  the file (charts, text boxes, pivot caches, external links, new-style comments, data
  validation lists …). A masked copy is written from the cached values (formulas become their
  values), then every part of it is read again: whatever still holds a found number is a
  problem telling the clerk to rename or remove that part. Embedded files, controls, macros and
  data models cannot be read, and a file unpacking beyond MAX_UNPACKED is not unpacked: problems
  in every mode.
- `.xls` and `.et` (xlrd): every cell of every sheet, notes, hyperlinks, defined names, the last
  author, each sheet's header and footer (BIFF records), the document properties (OLE property
  streams); then the raw bytes of the file (8-bit and UTF-16 strings: formula texts, text
  boxes …) for anything else. An `.xls` cannot be rewritten reliably: with masking, a finding is
  a problem asking to save the file as `.xlsx`. An `.et` that xlrd cannot read (not in the
  `.xls` format) is returned as unreadable (`FileScan.unreadable`, formats.py says why); one in
  the `.xlsx` format (and an `.xlsx` renamed `.xls`) is read as `.xlsx`, and not masked.

A long number stored as a number (an ID typed into a General cell: Excel keeps 15 significant
digits and shows 3.50102E+17) or written in scientific notation is a problem in every mode: its
last digits are gone, and the clerk must format the column as text and type the numbers again.
Problems (privacy.FileProblem) are errors in every mode; screen.py reports them.
"""

from __future__ import annotations

import io
import math
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

from ..base import messages as msg
from . import privacy
from .privacy import FileProblem, FileScan, Finding, Located

XLSX_SUFFIXES = (".xlsx", ".xlsm")
MAX_UNPACKED = 300 * 2**20  # bytes an .xlsx may unpack to; 100,000 rows × 20 cells ≈ 70 MB
XLS_SUFFIXES = (".xls", ".et")

_REPORT_PATTERNS = privacy.DEFAULT_PATTERNS  # how names holding a number are shown in messages
_SCIENTIFIC = re.compile(r"\s*([0-9])(?:\.([0-9]+))?[Ee]\+?([0-9]{1,2})\s*")
_NOT_DIGITS = re.compile(r"[^0-9X]")
# Core document properties (文件 → 信息 → 属性) and their names in Chinese Excel/WPS.
_PROPERTIES = (("title", "标题"), ("subject", "主题"), ("creator", "作者"),
               ("keywords", "标记（关键词）"), ("description", "备注"),
               ("lastModifiedBy", "最后一次保存者"), ("category", "类别"),
               ("contentStatus", "状态"), ("identifier", "标识符"), ("version", "版本"),
               ("language", "语言"))
_HEADERS = (("oddHeader", "页眉"), ("oddFooter", "页脚"), ("evenHeader", "偶数页页眉"),
            ("evenFooter", "偶数页页脚"), ("firstHeader", "首页页眉"),
            ("firstFooter", "首页页脚"))
_SIDES = (("left", "左"), ("center", "中"), ("right", "右"))
# Elements whose pieces of text a reader sees joined (rich-text runs, paragraphs).
_JOINED = frozenset({"si", "is", "p", "text", "rich", "t"})
# Parts of an .xlsx read as XML, by where they are (first match), in Chinese.
_PART_LABELS = (
    ("xl/sharedStrings", msg.SHEET_PART_STRINGS), ("xl/comments", msg.SHEET_PART_COMMENTS),
    ("xl/threadedComments", msg.SHEET_PART_THREADED), ("xl/persons", msg.SHEET_PART_PERSONS),
    ("xl/charts", msg.SHEET_PART_CHARTS), ("xl/chartsheets", msg.SHEET_PART_CHARTS),
    ("xl/drawings/vml", msg.SHEET_PART_VML), ("xl/drawings", msg.SHEET_PART_DRAWINGS),
    ("xl/pivotCache", msg.SHEET_PART_PIVOT_CACHE), ("xl/pivotTables", msg.SHEET_PART_PIVOT),
    ("xl/externalLinks", msg.SHEET_PART_EXTERNAL), ("xl/tables", msg.SHEET_PART_TABLES),
    ("xl/queryTables", msg.SHEET_PART_QUERY), ("xl/connections", msg.SHEET_PART_QUERY),
    ("xl/styles", msg.SHEET_PART_STYLES), ("xl/workbook", msg.SHEET_PART_WORKBOOK),
    ("docProps/core", msg.SHEET_PART_CORE), ("docProps/custom", msg.SHEET_PART_CUSTOM),
    ("docProps/app", msg.SHEET_PART_APP), ("customXml", msg.SHEET_PART_CUSTOM_XML),
    ("xl/slicer", msg.SHEET_PART_SLICERS), ("xl/timeline", msg.SHEET_PART_SLICERS),
)
_SHEET_ELEMENTS = {"sheetData": msg.SHEET_PART_CELLS, "headerFooter": msg.SHEET_PART_HEADERS,
                   "hyperlinks": msg.SHEET_PART_LINKS, "dataValidations": msg.SHEET_PART_VALIDATION,
                   "conditionalFormatting": msg.SHEET_PART_CONDITIONAL}
_WORKBOOK_ELEMENTS = {"sheets": msg.SHEET_PART_SHEET_NAMES, "definedNames": msg.SHEET_PART_NAMES}
# What the structured scan (openpyxl) reads in the file as given; the XML pass skips it.
_STRUCTURED_SHEET = frozenset({"sheetData", "headerFooter", "hyperlinks"})
_STRUCTURED_WORKBOOK = frozenset({"sheets", "definedNames"})
_STRUCTURED_PARTS = ("xl/comments", "docProps/core.xml", "docProps/custom.xml",
                     "xl/worksheets/_rels/")  # the sheets' links: hyperlink targets
_SKIPPED_PARTS = ("xl/theme/", "[Content_Types].xml", "xl/calcChain.xml")
_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff", ".ico")
_PRINTER = "xl/printerSettings/"  # the printer's settings (DEVMODE): no text of the author's
# Binary parts that cannot be read: embedded files and OLE objects, controls, macros, data models.
_UNREADABLE_PARTS = ("xl/embeddings/", "xl/activeX/", "xl/model/", "xl/vbaProject",
                     "xl/vbaProjectSignature")
_DECIMAL = re.compile(r"\s*-?[0-9]*\.[0-9]+(?:[Ee][-+]?[0-9]+)?\s*")  # margins, sizes, positions


@dataclass
class _Scan:
    """Findings and problems gathered while reading one file."""

    patterns: dict[str, privacy.Pattern] | None
    located: list[Located] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # digits of every value found

    def found(self, findings: list[Finding], where: str, line: int | None = None,
              column: int | None = None) -> None:
        for f in findings:
            self.located.append(Located(f, line, column, where))
            self.seen.add(_digits(f.value))

    def problem(self, message: str, hint: str, value: str, line: int | None = None,
                column: int | None = None) -> None:
        self.problems.append(FileProblem(line, column, message, hint, value))
        self.seen.add(_digits(value))

    def text(self, text: str, where: str, *, header: str = "", in_list: bool = True,
             line: int | None = None, column: int | None = None) -> str | None:
        """Scan a text; returns its masked form when masking and something was found."""
        if not text or not privacy.could_hold(text):
            return None
        findings = privacy.scan(text, header=header, in_list=in_list)
        self.found(findings, where, line, column)
        if findings and self.patterns is not None:
            return privacy.mask(text, findings, self.patterns)
        return None


def _digits(value: str) -> str:
    return _NOT_DIGITS.sub("", value.translate(privacy._FOLD).upper())


def _masked_name(text: str) -> str:
    """A sheet or name as shown in a message: a number in it is masked."""
    return privacy.mask_text(text, _REPORT_PATTERNS)


def scan_file(path: Path, patterns: dict[str, privacy.Pattern] | None) -> FileScan:
    """Scan a spreadsheet by its suffix (privacy.scan_file calls this for SHEET_SUFFIXES)."""
    if path.suffix.lower() in XLS_SUFFIXES:
        return scan_xls(path, patterns)
    return scan_xlsx(path, patterns)


# -- cells (both formats) ------------------------------------------------------------------------
def _cell_value(scan: _Scan, value: object, header: str, where: str, line: int,
                column: int) -> str | None:
    """Scan one cell's value; returns its masked text when masking changed it. A long number
    stored as a number, or written in scientific notation, is a problem in every mode."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if _number_problem(scan, value, header, where, line, column):
            return None
        return scan.text(_number_text(value), where, header=header, line=line, column=column)
    if isinstance(value, str):
        if _scientific_problem(scan, value, header, where, line, column):
            return None
        return scan.text(value, where, header=header, line=line, column=column)
    return None


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _long_digits(value: int | float) -> str | None:
    """The digits of a number of 15 or more digits (as a reader of the file sees them)."""
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) < 1e14:
            return None
        return str(int(Decimal(f"{abs(value):.14e}")))  # the 15 digits Excel shows
    digits = str(abs(value))
    return digits if len(digits) >= 15 else None


def _number_kind(digits: str, header: str, known: int = 15) -> str | None:
    """What a long number stored as a number would be; only its first `known` digits are
    real (15 in an Excel number, those of the mantissa in 3.50102E+17)."""
    id_label = bool(privacy._ID_LABEL.search(header))
    if not id_label and privacy._CODE_LABEL.search(header):
        return None  # 项目编号, 许可证号 …: a public number of a thing
    if id_label and len(digits) in (15, 18):
        return privacy.KIND_ID
    if len(digits) == 18 and digits[:2] in privacy._PROVINCES and \
            (known < 14 or privacy._birth_date(digits[6:14])):
        return privacy.KIND_ID
    if 16 <= len(digits) <= 19 and not privacy._amount_column(header) and \
            (privacy._CARD_LABEL.search(header) or digits.startswith("62")):
        return privacy.KIND_CARD
    return None


def _number_problem(scan: _Scan, value: int | float, header: str, where: str, line: int,
                    column: int) -> bool:
    digits = _long_digits(value)
    kind = _number_kind(digits, header) if digits and len(digits) <= 19 else None
    if kind is None:
        return False
    finding = Finding(kind, 0, len(digits), digits, tuple(range(len(digits))))
    message = msg.SHEET_NUMBER if len(digits) > 15 else msg.SHEET_NUMBER_WHOLE
    scan.problem(message.format(
        subject="{subject}", where=where, kind=_kind_name(kind),
        shown=privacy.shown(finding, _REPORT_PATTERNS), length=len(digits),
        scientific=f"{digits[0]}.{digits[1:6]}E+{len(digits) - 1}"),
        msg.SHEET_NUMBER_HINT.format(example=_example(scan, kind)), digits, line, column)
    return True


def _scientific_problem(scan: _Scan, text: str, header: str, where: str, line: int,
                        column: int) -> bool:
    m = _SCIENTIFIC.fullmatch(text)
    if not m:
        return False
    length = int(m.group(3)) + 1
    leading = m.group(1) + (m.group(2) or "")
    if not 15 <= length <= 19:
        return False
    kind = _number_kind(leading[:length].ljust(length, "0"), header, len(leading)) \
        if len(leading) >= 2 else None
    if kind is None:
        return False
    scan.problem(msg.SHEET_SCIENTIFIC.format(subject="{subject}", where=where,
                                             kind=_kind_name(kind), text=text.strip(),
                                             length=length),
                 msg.SHEET_NUMBER_HINT.format(example=_example(scan, kind)), text, line, column)
    return True


def _kind_name(kind: str) -> str:
    return {privacy.KIND_ID: msg.PII_KIND_ID, privacy.KIND_MOBILE: msg.PII_KIND_MOBILE,
            privacy.KIND_CARD: msg.PII_KIND_CARD}[kind]


def _example(scan: _Scan, kind: str) -> str:
    return (scan.patterns or _REPORT_PATTERNS)[kind].example(kind)


def _filled(value: object) -> bool:
    return value is not None and bool(str(value).strip())


def _header_row(rows: list[list[object]]) -> tuple[int, list[str]]:
    """The first row with two or more filled cells gives the column headers (its own cells are
    scanned too); (0-based index, texts), or (-1, [])."""
    for index, row in enumerate(rows):
        texts = [v.strip() if isinstance(v, str) else "" for v in row]
        if sum(1 for v in row if _filled(v)) >= 2:
            return index, texts
    return -1, []


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_label(title: str, state: str) -> str:
    label = msg.SHEET_LABEL.format(sheet=_masked_name(title))
    if state == "hidden":
        return label + msg.SHEET_HIDDEN
    if state == "veryHidden":
        return label + msg.SHEET_VERY_HIDDEN
    return label


# -- .xlsx ---------------------------------------------------------------------------------------
def scan_xlsx(path: Path, patterns: dict[str, privacy.Pattern] | None) -> FileScan:
    """Scan an .xlsx/.xlsm; with `patterns`, also write its masked copy (when it has findings)."""
    import openpyxl

    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED:  # a zip bomb, or a workbook no reader can open either
            return FileScan([], problems=[FileProblem(None, None, msg.SHEET_TOO_BIG.format(
                subject="{subject}", size=unpacked // 2**20, limit=MAX_UNPACKED // 2**20),
                msg.SHEET_TOO_BIG_HINT)])
        parts = {name: archive.read(name) for name in archive.namelist()
                 if not name.endswith("/")}
    titles = _sheet_parts(parts)
    with warnings.catch_warnings():  # "unknown extension …": nothing a clerk can act on
        warnings.simplefilter("ignore", UserWarning)
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = _formulas(data, parts, titles)
    scan = _Scan(patterns)
    for sheet in values.worksheets:
        _scan_sheet(scan, sheet, formulas.get(sheet.title, {}))
    _scan_names(scan, values)
    _scan_properties(scan, values)
    for name, content in sorted(parts.items()):
        _scan_part(scan, name, content, titles, structured=True)
    _binary_parts(scan, parts)
    masked = None
    if patterns is not None and scan.located:
        buffer = io.BytesIO()
        values.save(buffer)
        masked = buffer.getvalue()
        _verify(scan, masked)  # the copy may be published only if no problem is left
    values.close()
    return FileScan(scan.located, masked, problems=scan.problems)


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >]")


def _formulas(data: bytes, parts: dict[str, bytes],
              titles: dict[str, str]) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet title → (row, column) → formula text; the workbook is opened a second time (read
    only) for them, and only when a sheet has formulas."""
    if not any(_FORMULA_TAG.search(parts.get(name, b"")) for name in titles):
        return {}
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    out: dict[str, dict[tuple[int, int], str]] = {}
    for sheet in book.worksheets:
        found = out.setdefault(sheet.title, {})
        for r, row in enumerate(sheet.iter_rows(), start=1):
            for c, cell in enumerate(row, start=1):
                text = getattr(cell.value, "text", cell.value)  # ArrayFormula keeps .text
                if isinstance(text, str) and text.startswith("="):
                    found[(r, c)] = text
    book.close()
    return out


def _worth(value: object) -> bool:
    """False for a cell that cannot hold anything looked for (the fast path for big sheets)."""
    if isinstance(value, str):
        return privacy.could_hold(value) or bool(_SCIENTIFIC.fullmatch(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return abs(value) >= 1e10
    return False


def _scan_sheet(scan: _Scan, sheet, formulas: dict[tuple[int, int], str]) -> None:
    label = _sheet_label(sheet.title, sheet.sheet_state)
    # a sheet name cannot be masked safely (formulas refer to it): _verify reports it
    scan.text(sheet.title, msg.SHEET_WHERE_TITLE.format(sheet=label), in_list=False)
    header: list[str] | None = None  # the first row with two or more filled cells
    for r, row in enumerate(sheet.iter_rows(), start=1):
        head_row = header
        if header is None and sum(1 for cell in row if _filled(cell.value)) >= 2:
            header = [cell.value.strip() if isinstance(cell.value, str) else "" for cell in row]
        for cell in row:
            c = cell.column
            head = head_row[c - 1] if head_row and c - 1 < len(head_row) else ""
            ref = f"{_column_letter(c)}{r}"
            if _worth(cell.value):
                where = msg.SHEET_WHERE_CELL.format(sheet=label, cell=ref)
                new = _cell_value(scan, cell.value, head, where, r, c)
                if new is not None:
                    cell.value = new
            formula = formulas.get((r, c))
            if formula and formula != cell.value:
                scan.text(formula, msg.SHEET_WHERE_FORMULA.format(sheet=label, cell=ref),
                          header=head, line=r, column=c)
            if cell.comment is not None:
                _scan_comment(scan, cell, msg.SHEET_WHERE_COMMENT.format(sheet=label, cell=ref),
                              r, c)
            if cell.hyperlink is not None:
                _scan_link(scan, cell.hyperlink, msg.SHEET_WHERE_LINK.format(sheet=label,
                                                                              cell=ref), r, c)
    for attribute, part in _HEADERS:
        item = getattr(sheet, attribute)
        for side, side_name in _SIDES:
            piece = getattr(item, side)
            where = msg.SHEET_WHERE_HEADER.format(sheet=label, part=part, side=side_name)
            new = scan.text(piece.text or "", where, in_list=False)
            if new is not None:
                piece.text = new


def _scan_comment(scan: _Scan, cell, where: str, line: int, column: int) -> None:
    comment = cell.comment
    new_text = scan.text(comment.text or "", where, line=line, column=column)
    new_author = scan.text(comment.author or "", where, line=line, column=column)
    if new_text is not None or new_author is not None:
        from openpyxl.comments import Comment

        cell.comment = Comment(new_text if new_text is not None else comment.text,
                               new_author if new_author is not None else comment.author,
                               height=comment.height, width=comment.width)


def _scan_link(scan: _Scan, link, where: str, line: int, column: int) -> None:
    for attribute in ("target", "location", "tooltip", "display"):
        new = scan.text(getattr(link, attribute, None) or "", where, line=line, column=column)
        if new is not None:
            setattr(link, attribute, new)


def _scan_names(scan: _Scan, book) -> None:
    scopes = [(book.defined_names, "")]
    scopes += [(sheet.defined_names, sheet.title) for sheet in book.worksheets]
    for names, sheet in scopes:
        for name, defined in names.items():
            shown = _masked_name(name if not sheet else f"{sheet}!{name}")
            where = msg.SHEET_WHERE_NAME.format(name=shown)
            scan.text(name, where, in_list=False)  # a name cannot be masked: left to _verify
            new = scan.text(defined.attr_text or "", where)
            if new is not None:
                defined.attr_text = new


def _scan_properties(scan: _Scan, book) -> None:
    properties = book.properties
    for attribute, name in _PROPERTIES:
        value = getattr(properties, attribute, None)
        if isinstance(value, str):
            new = scan.text(value, msg.SHEET_WHERE_PROPERTY.format(name=name), in_list=False)
            if new is not None:
                setattr(properties, attribute, new)
    for prop in getattr(book, "custom_doc_props", None) or []:
        where = msg.SHEET_WHERE_CUSTOM.format(name=_masked_name(prop.name))
        scan.text(prop.name, where, in_list=False)
        value = prop.value
        if isinstance(value, str):
            new = scan.text(value, where)
            if new is not None:
                prop.value = new
        elif isinstance(value, int | float) and not isinstance(value, bool):
            scan.text(_number_text(value), where)  # a number property: left to _verify


# -- .xlsx parts read as XML ---------------------------------------------------------------------
def _sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Part name (xl/worksheets/sheet1.xml) → sheet title, from the workbook and its links."""
    try:
        book = ElementTree.fromstring(parts.get("xl/workbook.xml", b""))
        links = ElementTree.fromstring(parts.get("xl/_rels/workbook.xml.rels", b""))
    except ElementTree.ParseError:
        return {}
    targets = {link.get("Id"): link.get("Target", "") for link in links}
    out: dict[str, str] = {}
    for sheet in book.iter():
        if _local(sheet.tag) != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
        target = targets.get(rid, "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        out[target] = sheet.get("name", "")
    return out


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _part_label(name: str, top: str, titles: dict[str, str]) -> str:
    """Where a part (and, in a sheet, its top-level element) is, in Chinese."""
    if name == "xl/workbook.xml" and top in _WORKBOOK_ELEMENTS:
        return _WORKBOOK_ELEMENTS[top]
    if name in titles:
        what = _SHEET_ELEMENTS.get(top, msg.SHEET_PART_OTHER)
        return msg.SHEET_WHERE_PART_OF_SHEET.format(sheet=_masked_name(titles[name]), part=what)
    if name.endswith(".rels"):
        return msg.SHEET_WHERE_PART.format(part=msg.SHEET_PART_RELS, path=name)
    for prefix, label in _PART_LABELS:
        if name.startswith(prefix):
            return msg.SHEET_WHERE_PART.format(part=label, path=name)
    return msg.SHEET_WHERE_PART.format(part=msg.SHEET_PART_OTHER_FILE, path=name)


def _xml_texts(content: bytes, skip: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(top-level element, text) of every text and attribute value of an XML part that could
    hold a number we look for; runs of rich text and paragraphs joined as a reader sees them."""
    root = ElementTree.fromstring(content)
    for top in [root] if not len(root) else list(root):
        name = _local(top.tag)
        if name in skip:
            continue
        for element in top.iter():
            for value in element.attrib.values():
                if privacy.could_hold(value) and not _DECIMAL.fullmatch(value):
                    yield name, value
            if element.text and privacy.could_hold(element.text):
                yield name, element.text
            if _local(element.tag) in _JOINED and len(element):
                joined = "".join(element.itertext())
                if privacy.could_hold(joined):
                    yield name, joined
    if len(root):
        for value in root.attrib.values():
            if privacy.could_hold(value):
                yield _local(root.tag), value


_TAGS = re.compile(r"<[^>]*>")
_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b.*?</(?:\w+:)?sheetData>", re.S)


def _xml_texts_or_raw(content: bytes, skip: frozenset[str]) -> list[tuple[str, str]]:
    """The texts of an XML part; a part that does not parse is read as text, tags and all."""
    try:
        return list(_xml_texts(content, skip))
    except ElementTree.ParseError:
        return [("", line) for line in content.decode("utf-8", "replace").split(">")
                if privacy.could_hold(line)]


def _scan_part(scan: _Scan, name: str, content: bytes, titles: dict[str, str],
               structured: bool) -> None:
    """Scan a part of the file as XML; `structured`: skip what openpyxl has read."""
    if not _is_xml(name) or name.startswith(_SKIPPED_PARTS):
        return
    if structured and name.startswith(_STRUCTURED_PARTS):
        return
    skip: frozenset[str] = frozenset()
    if structured and name in titles:
        skip = _STRUCTURED_SHEET
    elif structured and name == "xl/workbook.xml":
        skip = _STRUCTURED_WORKBOOK
    if skip is _STRUCTURED_SHEET:
        content = _SHEET_DATA.sub(b"", content)  # read cell by cell already; big
    text = content.decode("utf-8", "replace")
    if not privacy.could_hold(text) and not privacy.could_hold(_TAGS.sub("", text)):
        return  # the quick test: attributes as written, text runs joined
    texts = _xml_texts_or_raw(content, skip)
    reported: set[tuple[str, str]] = set()
    for top, text in texts:
        where = _part_label(name, top, titles)
        for f in privacy.scan(text, in_list=True):
            key = (where, _digits(f.value))
            if key in reported or (name == "xl/sharedStrings.xml" and key[1] in scan.seen):
                continue  # a cell's text (found in the cell) or the same number twice
            reported.add(key)
            scan.found([f], where)


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels", ".vml"))


def _binary_parts(scan: _Scan, parts: dict[str, bytes]) -> None:
    """Embedded files, controls, macros and data models cannot be read: an error in every mode.
    Other binary parts (a sheet's custom properties …) are read as 8-bit and UTF-16 text;
    pictures and printer settings are not read."""
    names: list[str] = []
    for name, content in sorted(parts.items()):
        if _is_xml(name) or name.lower().endswith(_PICTURES) or name.startswith(_PRINTER):
            continue
        if name.startswith(_UNREADABLE_PARTS):
            names.append(name)
        else:
            _scan_bytes(scan, content, _part_label(name, "", {}))
    if names:
        shown = "、".join(names[:5]) + ("等" if len(names) > 5 else "")
        scan.problems.append(FileProblem(None, None, msg.SHEET_EMBEDDED.format(
            subject="{subject}", parts=shown), msg.SHEET_EMBEDDED_HINT, ""))


def _verify(scan: _Scan, masked: bytes) -> None:
    """Read every part of the masked copy: a number found in the original that is still there
    (in a part openpyxl keeps as it was: a pivot cache, a chart, a sheet name …) is an error."""
    with zipfile.ZipFile(io.BytesIO(masked)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    titles = _sheet_parts(parts)
    left: set[tuple[str, str]] = set()
    for name, content in sorted(parts.items()):
        if not _is_xml(name):
            continue
        everything = _digits(content.decode("utf-8", "replace"))
        if not any(value and value in everything for value in scan.seen):
            continue  # the quick test: no found number's digits even with all text run together
        for top, text in _xml_texts_or_raw(content, frozenset()):
            digits = _digits(text)
            for value in scan.seen:
                if value and value in digits:
                    left.add((_part_label(name, top, titles), value))
    for where, value in sorted(left):
        kind = next((loc.finding.kind for loc in scan.located
                     if _digits(loc.finding.value) == value), privacy.KIND_ID)
        finding = Finding(kind, 0, len(value), value, tuple(range(len(value))))
        scan.problem(msg.SHEET_LEFT.format(subject="{subject}", where=where,
                                           kind=_kind_name(kind),
                                           shown=privacy.shown(finding, scan.patterns)),
                     msg.SHEET_LEFT_HINT.format(where=where, example=_example(scan, kind)),
                     value)


# -- .xls and .et --------------------------------------------------------------------------------
def scan_xls(path: Path, patterns: dict[str, privacy.Pattern] | None) -> FileScan:
    """Scan an .xls (or a WPS .et in that format). Masking cannot rewrite it: with `patterns`,
    each finding is a problem asking to save the file as .xlsx."""
    import xlrd

    data = path.read_bytes()
    if data.startswith(b"PK"):  # in the .xlsx format (WPS can save .et so; a renamed file)
        found = scan_xlsx(path, None)
        return _refuse_masking(found.located, found.problems, patterns)
    try:
        book = xlrd.open_workbook(file_contents=data or b"\0", on_demand=False)
    except Exception:
        if path.suffix.lower() == ".et":
            from . import formats  # another WPS format: not readable here

            why = formats.unreadable_reason("ole", path.name)
            return FileScan([], unreadable=why.reason, unreadable_fix=why.fix)
        raise  # a damaged .xls: privacy.scan_file reports it as unreadable
    scan = _Scan(None)
    for sheet in book.sheets():
        state = {1: "hidden", 2: "veryHidden"}.get(sheet.visibility, "")
        _scan_xls_sheet(scan, sheet, _sheet_label(sheet.name, state))
    for name in book.name_obj_list:
        where = msg.SHEET_WHERE_NAME.format(name=_masked_name(name.name))
        scan.text(name.name, where, in_list=False)
        value = getattr(getattr(name, "result", None), "value", None)
        if isinstance(value, str):  # a name for a constant text (a range's cells are scanned)
            scan.text(value, where)
    scan.text(book.user_name or "", msg.SHEET_WHERE_PROPERTY.format(name=msg.SHEET_XLS_USER),
              in_list=False)
    _scan_xls_streams(scan, data, {sheet.name: sheet.visibility for sheet in book.sheets()})
    _scan_bytes(scan, data, msg.SHEET_WHERE_RAW)
    _ole_objects(scan, data)
    return _refuse_masking(scan.located, scan.problems, patterns)


def _refuse_masking(located: list[Located], problems: list[FileProblem],
                    patterns: dict[str, privacy.Pattern] | None) -> FileScan:
    """An .xls or .et cannot be rewritten reliably: when masking, each finding is a problem
    asking to save the file as .xlsx."""
    if patterns is None:
        return FileScan(located, problems=problems)
    out = list(problems)
    for loc in located:
        f = loc.finding
        out.append(FileProblem(loc.line, loc.column, msg.SHEET_XLS_MASK.format(
            subject="{subject}", where=loc.where, kind=_kind_name(f.kind),
            shown=privacy.shown(f, patterns)),
            msg.SHEET_XLS_MASK_HINT.format(example=patterns[f.kind].example(f.kind)), f.value))
    return FileScan([], problems=out)


def _scan_xls_sheet(scan: _Scan, sheet, label: str) -> None:
    import xlrd

    scan.text(sheet.name, msg.SHEET_WHERE_TITLE.format(sheet=label), in_list=False)
    rows: list[list[object]] = []
    for r in range(sheet.nrows):
        row: list[object] = []
        for cell in sheet.row(r):
            value = cell.value
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                value = None
            elif cell.ctype in (xlrd.XL_CELL_DATE, xlrd.XL_CELL_BOOLEAN, xlrd.XL_CELL_ERROR):
                value = True  # filled (for finding the header row), nothing to look for
            row.append(value)
        rows.append(row)
    head_index, header = _header_row(rows)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is None or isinstance(value, bool):
                continue
            head = header[c - 1] if r - 1 > head_index >= 0 and c - 1 < len(header) else ""
            where = msg.SHEET_WHERE_CELL.format(sheet=label, cell=f"{_column_letter(c)}{r}")
            _cell_value(scan, value, head, where, r, c)
    for (r, c), note in sorted(getattr(sheet, "cell_note_map", {}).items()):
        where = msg.SHEET_WHERE_COMMENT.format(sheet=label, cell=f"{_column_letter(c + 1)}{r + 1}")
        scan.text(note.text or "", where, line=r + 1, column=c + 1)
        scan.text(note.author or "", where, line=r + 1, column=c + 1)
    for link in getattr(sheet, "hyperlink_list", []):
        where = msg.SHEET_WHERE_LINK.format(
            sheet=label, cell=f"{_column_letter(link.fcolx + 1)}{link.frowx + 1}")
        for text in (link.url_or_path, link.desc, link.textmark, link.quicktip):
            scan.text(text or "", where, line=link.frowx + 1, column=link.fcolx + 1)


_BIFF_BOF, _BIFF_EOF, _BIFF_SHEET = 0x0809, 0x000A, 0x0085
_BIFF_HEADERS = {0x0014: "页眉", 0x0015: "页脚"}
_PROPERTY_STREAMS = ("\x05SummaryInformation", "\x05DocumentSummaryInformation")


def _scan_xls_streams(scan: _Scan, data: bytes, states: dict[str, int]) -> None:
    """What xlrd does not give: each sheet's header and footer (BIFF8 HEADER and FOOTER
    records), and the document properties (the OLE property streams, read as text)."""
    from xlrd import compdoc

    try:
        document = compdoc.CompDoc(data, logfile=io.StringIO())
        stream = document.get_named_stream("Workbook") or document.get_named_stream("Book")
        properties = [document.get_named_stream(name) for name in _PROPERTY_STREAMS]
    except Exception:  # not an OLE file (BIFF5 and older) or damaged: the raw pass reads it
        return
    for content in properties:
        if content:
            _scan_bytes(scan, content, msg.SHEET_WHERE_XLS_PROPERTIES)
    if not stream:
        return
    names = _biff_sheet_names(stream)
    name = None
    for position, code, body in _biff_records(stream):
        if code == _BIFF_BOF:
            name = names.get(position)
        elif code == _BIFF_EOF:
            name = None
        elif code in _BIFF_HEADERS and name is not None and len(body) > 3:
            state = {1: "hidden", 2: "veryHidden"}.get(states.get(name, 0), "")
            where = msg.SHEET_WHERE_HEADER_XLS.format(sheet=_sheet_label(name, state),
                                                      part=_BIFF_HEADERS[code])
            scan.text(_biff_text(body), where, in_list=False)


def _biff_records(stream: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(offset, record type, record data) of every record of a BIFF stream."""
    position = 0
    while position + 4 <= len(stream):
        code = int.from_bytes(stream[position : position + 2], "little")
        length = int.from_bytes(stream[position + 2 : position + 4], "little")
        yield position, code, stream[position + 4 : position + 4 + length]
        position += 4 + length


def _biff_sheet_names(stream: bytes) -> dict[int, str]:
    """Offset of each sheet's BOF record → the sheet's name (BOUNDSHEET records)."""
    out: dict[int, str] = {}
    for _, code, body in _biff_records(stream):
        if code == _BIFF_SHEET and len(body) > 8:
            offset = int.from_bytes(body[0:4], "little")
            out[offset] = _biff_text(body[6:], 1)
        elif code == _BIFF_EOF:
            break  # the end of the workbook globals
    return out


def _biff_text(body: bytes, length_bytes: int = 2) -> str:
    """A BIFF8 unicode string: its length, a flags byte (bit 0: UTF-16), the characters."""
    count = int.from_bytes(body[:length_bytes], "little")
    flags, start = body[length_bytes], length_bytes + 1
    if flags & 0x01:
        return body[start : start + 2 * count].decode("utf-16-le", "replace")
    return body[start : start + count].decode("latin-1")


_PRINTABLE = re.compile(r"[^\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]{11,}")


def _scan_bytes(scan: _Scan, data: bytes, where: str) -> None:
    """Strings anywhere in binary data (in an .xls: headers and footers, text boxes, document
    properties, chart labels …) that the cells, notes and names did not hold: 8-bit and UTF-16
    text."""
    texts: list[str] = []
    for decode in (_latin1, _utf16(0), _utf16(1)):
        texts += [m.group() for m in _PRINTABLE.finditer(decode(data))]
    reported: set[str] = set()
    for text in texts:
        if not privacy.could_hold(text):
            continue
        for f in privacy.scan(text, in_list=False):
            digits = _digits(f.value)
            if digits in scan.seen or digits in reported:
                continue
            reported.add(digits)
            scan.found([f], where)


# Storages of an OLE file (UTF-16 names in its directory): embedded objects (MBD0001A2B3) and
# the macro project.
_OLE_EMBEDDED = re.compile(rb"M\x00B\x00D\x00(?:[0-9A-F]\x00){8}")
_OLE_MACROS = "_VBA_PROJECT_CUR".encode("utf-16-le")


def _ole_objects(scan: _Scan, data: bytes) -> None:
    """Embedded objects and macros in an .xls cannot be read: an error in every mode."""
    found = [msg.SHEET_OLE_EMBEDDED] if _OLE_EMBEDDED.search(data) else []
    found += [msg.SHEET_OLE_MACROS] if _OLE_MACROS in data else []
    if found:
        scan.problems.append(FileProblem(None, None, msg.SHEET_EMBEDDED.format(
            subject="{subject}", parts="、".join(found)), msg.SHEET_EMBEDDED_HINT, ""))


def _latin1(data: bytes) -> str:
    return data.decode("latin-1")


def _utf16(offset: int) -> Callable[[bytes], str]:
    def decode(data: bytes) -> str:
        body = data[offset:]
        return body[: len(body) // 2 * 2].decode("utf-16-le", errors="replace")
    return decode
