"""The standard catalog ⇄ Excel: `site-builder catalog export 目录.xlsx` writes the 标准目录
table with every column (one sheet per domain, set up for A4 landscape printing, the header
rows repeated on every page); `catalog import 目录.xlsx` reads such a workbook back into the
事项 of catalog.yaml.

Ids are kept (the 事项编号 column); a row without one gets an id from its domain and the
pinyin initials of its name (shjz-zdsh); a row whose 公开时限 text is unchanged keeps its
machine-readable form (类型, 天数, 公示期), a changed or new one is read from the text. Problems
name the sheet and row, and nothing is written while there is one. Only the 事项 section of
catalog.yaml is rewritten (the file before is kept as catalog.yaml.bak); items missing from the
workbook are kept and listed.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..base import messages as msg
from ..base import vocab
from ..base.problems import Problems
from ..check.validate import Catalog, validate_catalog
from ..input.yamlsrc import as_value, parse
from ..model.site import Basis, CatalogItem, TimeLimit
from ..output.render import channels_text
from ..pipeline import Project
from .guess import ImportFailed

TICKS = (("公开对象", vocab.AUDIENCES), ("公开方式", vocab.METHODS), ("公开层级", vocab.LEVELS))
PLAIN_BEFORE = (msg.C_SEQ, msg.C_ITEM_ID, msg.C_LEVEL1, msg.C_LEVEL2, msg.C_CONTENT,
                msg.C_BASIS, msg.C_LIMIT, msg.C_SUBJECT, msg.C_CHANNEL)
WIDTHS = (5, 11, 12, 12, 20, 26, 18, 14, 18) + (5,) * 7 + (8,)
TICK = "√"
FIRST_ROW = 4  # title, then two header rows
_BASIS = re.compile(r"(《[^》]+》|[^（(]+)\s*(?:[（(](.+)[）)])?")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# -- export --------------------------------------------------------------------------------------
def export(catalog: Catalog, path: Path, site_name: str) -> int:
    """Write the workbook; returns the number of items."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for domain in catalog.domains:
        items = [i for i in catalog.items if i.domain_id == domain.id]
        ws = book.create_sheet(_sheet_name(domain.name))
        _sheet(ws, f"{site_name}　{domain.name}领域基层政务公开标准目录", items)
    book.save(path)
    return len(catalog.items)


def _sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "", name)[:31]


def _sheet(ws, title: str, items: list[CatalogItem]) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    width = len(PLAIN_BEFORE) + sum(len(v) for _, v in TICKS) + 1
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    top = list(PLAIN_BEFORE)
    low = [None] * len(PLAIN_BEFORE)
    for name, values in TICKS:
        top += [name] + [None] * (len(values) - 1)
        low += list(values)
    top.append(msg.C_CATEGORY)
    low.append(None)
    ws.append(top)
    ws.append(low)
    column = len(PLAIN_BEFORE) + 1
    for index in range(1, len(PLAIN_BEFORE) + 1):
        ws.merge_cells(start_row=2, start_column=index, end_row=3, end_column=index)
    for _, values in TICKS:
        ws.merge_cells(start_row=2, start_column=column, end_row=2,
                       end_column=column + len(values) - 1)
        column += len(values)
    ws.merge_cells(start_row=2, start_column=width, end_row=3, end_column=width)
    for seq, item in enumerate(items, start=1):
        ws.append(_row(seq, item))
    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=width):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center",
                                       horizontal="center" if cell.row <= 3 else None)
            if cell.row <= 3:
                cell.font = Font(bold=True)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    for index, size in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = size
    ws.freeze_panes = "C4"
    ws.print_title_rows = "2:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True


def _row(seq: int, item: CatalogItem) -> list[object]:
    ticks = [TICK if value in chosen else None
             for chosen, (_, values) in zip((item.audiences, item.methods, item.levels), TICKS,
                                            strict=True)
             for value in values]
    return [seq, item.id, item.level1, item.level2 or None, item.content,
            "\n".join(str(b) for b in item.bases), item.time_limit.text, item.subject,
            channels_text(item), *ticks, item.category]


# -- import --------------------------------------------------------------------------------------
@dataclass
class Read:
    """What a workbook said: the items per domain, and the problems (sheet, row)."""

    items: dict[str, list[CatalogItem]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # items not in the workbook


def read_workbook(path: Path, catalog: Catalog) -> Read:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # a damaged file: say so, without a traceback
        raise ImportFailed(msg.IMPORT_SHEET_UNREADABLE.format(
            file=path.name, detail=type(exc).__name__)) from None
    by_name = {d.name: d for d in catalog.domains} | {_sheet_name(d.name): d
                                                       for d in catalog.domains}
    known = {i.id: i for i in catalog.items}
    out = Read()
    seen: dict[str, str] = {}  # id → sheet and row where it was first
    for ws in book.worksheets:
        domain = by_name.get(ws.title)
        if domain is None:
            out.problems.append(msg.CATALOG_XLSX_DOMAIN.format(
                sheet=ws.title, domains="、".join(d.name for d in catalog.domains)))
            continue
        rows = out.items.setdefault(domain.id, [])
        for number, values in enumerate(ws.iter_rows(min_row=FIRST_ROW, values_only=True),
                                        start=FIRST_ROW):
            cells = ["" if v is None else str(v).strip() for v in values]
            if not any(cells):
                continue
            where = msg.CATALOG_XLSX_ROW.format(sheet=ws.title, row=number)
            item = _item(cells, domain.id, known, where, out)
            if item is None:
                continue
            if item.id in seen:
                out.problems.append(msg.CATALOG_XLSX_DUPLICATE.format(
                    where=where, id=item.id, first=seen[item.id]))
                continue
            seen[item.id] = where
            rows.append(item)
    listed = set(seen)
    out.kept = [i.id for i in catalog.items if i.domain_id in out.items and i.id not in listed]
    return out


def _item(cells: list[str], domain_id: str, known: dict[str, CatalogItem], where: str,
          out: Read) -> CatalogItem | None:
    cells += [""] * (17 - len(cells))
    _, iid, level1, level2, content, bases, limit, subject, channels = cells[:9]
    ticks, category = cells[9:16], cells[16]
    missing = [name for name, value in ((msg.C_LEVEL1, level1), (msg.C_CONTENT, content),
                                        (msg.C_BASIS, bases), (msg.C_LIMIT, limit),
                                        (msg.C_SUBJECT, subject), (msg.C_CHANNEL, channels),
                                        (msg.C_CATEGORY, category)) if not value]
    if missing:
        out.problems.append(msg.CATALOG_XLSX_MISSING.format(where=where,
                                                            columns="、".join(missing)))
        return None
    old = known.get(iid)
    if iid and not _ID.fullmatch(iid):
        out.problems.append(msg.CATALOG_XLSX_BAD_ID.format(where=where, id=iid))
        return None
    if old is not None and old.domain_id != domain_id:
        out.problems.append(msg.CATALOG_XLSX_OTHER_DOMAIN.format(where=where, id=iid,
                                                                 domain=old.domain_id))
        return None
    chosen = []
    start = 0
    for name, values in TICKS:
        picked = [v for v, t in zip(values, ticks[start:start + len(values)], strict=True)
                  if t.strip()]
        start += len(values)
        if not picked:
            out.problems.append(msg.CATALOG_XLSX_NO_TICK.format(where=where, column=name))
            return None
        chosen.append(picked)
    if category not in vocab.CATEGORY_BY_NAME:
        out.problems.append(msg.CATALOG_XLSX_BAD_VALUE.format(
            where=where, column=msg.C_CATEGORY, value=category,
            allowed="、".join(vocab.CATEGORY_BY_NAME)))
        return None
    parsed_channels, other = _channels(channels, where, out)
    time_limit = old.time_limit if old is not None and old.time_limit.text == limit else \
        _time_limit(limit, where, out)
    basis_list = _bases(bases, where, out)
    if parsed_channels is None or time_limit is None or basis_list is None:
        return None
    if not iid:
        iid = _new_id(domain_id, level1, level2, known, out)
    return CatalogItem(iid, 0, domain_id, level1, level2, content, basis_list, time_limit,
                       subject, parsed_channels, other, *chosen, category)


def _channels(text: str, where: str, out: Read) -> tuple[list[str] | None, str]:
    names, other = [], ""
    for part in (p.strip() for p in text.replace("\n", "、").split("、")):
        if not part:
            continue
        found = re.fullmatch(r"其他[（(](.+)[）)]", part)
        if found:
            names.append("其他")
            other = found[1]
        elif part in vocab.CHANNELS:
            names.append(part)
        else:
            out.problems.append(msg.CATALOG_XLSX_BAD_VALUE.format(
                where=where, column=msg.C_CHANNEL, value=part, allowed="、".join(vocab.CHANNELS)))
            return None, ""
    return names, other


def _time_limit(text: str, where: str, out: Read) -> TimeLimit | None:
    notice = re.search(r"公示期\s*(\d+)\s*个?工作日", text)
    notice_days = int(notice[1]) if notice else None
    for period in vocab.PERIODS:
        if period in text:
            return TimeLimit(text, vocab.LIMIT_PERIODIC, period=period, notice_days=notice_days)
    days = re.search(r"(\d+)\s*个?工作日", text)
    if days:
        return TimeLimit(text, vocab.LIMIT_WORKDAYS, int(days[1]), notice_days=notice_days)
    days = re.search(r"(\d+)\s*(?:日|天)", text)
    if days:
        return TimeLimit(text, vocab.LIMIT_CALENDAR_DAYS, int(days[1]), notice_days=notice_days)
    if "实时" in text or "即时" in text or "随时" in text:
        return TimeLimit(text, vocab.LIMIT_REALTIME, notice_days=notice_days)
    out.problems.append(msg.CATALOG_XLSX_LIMIT.format(where=where, value=text))
    return None


def _bases(text: str, where: str, out: Read) -> list[Basis] | None:
    bases = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        found = _BASIS.fullmatch(line)
        if not found or not found[2]:
            out.problems.append(msg.CATALOG_XLSX_BASIS.format(where=where, value=line))
            return None
        name = found[1].strip()
        bases.append(Basis(name if name.startswith("《") else f"《{name}》", found[2].strip()))
    return bases


def _new_id(domain_id: str, level1: str, level2: str, known: dict[str, CatalogItem],
            out: Read) -> str:
    from pypinyin import Style, lazy_pinyin

    letters = "".join(lazy_pinyin(level1[:2] + level2[:2], style=Style.FIRST_LETTER))
    base = f"{domain_id}-{re.sub(r'[^a-z0-9]', '', letters.lower()) or 'sx'}"
    candidate, number = base, 2
    while candidate in known or candidate in out.new_ids:
        candidate, number = f"{base}{number}", number + 1
    out.new_ids.append(candidate)
    return candidate


# -- writing catalog.yaml ------------------------------------------------------------------------
def item_yaml(item: CatalogItem) -> list[str]:
    lines = [f"  - id: {item.id}", f"    领域: {item.domain_id}",
             f"    一级事项: {as_value(item.level1)}"]
    if item.level2:
        lines.append(f"    二级事项: {as_value(item.level2)}")
    lines += [f"    公开内容: {as_value(item.content)}", "    公开依据:"]
    for basis in item.bases:
        lines += [f"      - 名称: {as_value(basis.name)}",
                  f"        文号: {as_value(basis.number)}"]
    limit = item.time_limit
    lines += ["    公开时限:", f"      原文: {as_value(limit.text)}", f"      类型: {limit.kind}"]
    if limit.days is not None:
        lines.append(f"      天数: {limit.days}")
    if limit.period:
        lines.append(f"      周期: {limit.period}")
    if limit.notice_days is not None:
        lines.append(f"      公示期: {limit.notice_days}")
    lines.append(f"    公开主体: {as_value(item.subject)}")
    lines += _list("公开渠道", item.channels)
    if item.other_channels:
        lines.append(f"    其他渠道: {as_value(item.other_channels)}")
    lines += _list("公开对象", item.audiences) + _list("公开方式", item.methods)
    lines += _list("公开层级", item.levels)
    lines.append(f"    五公开: {item.category}")
    return lines


def _list(key: str, values: list[str]) -> list[str]:
    """Vocabulary values (no commas or brackets in them) on one line, as catalog.yaml is written
    by hand."""
    return [f"    {key}: [{', '.join(values)}]"]


def replace_items(text: str, items: list[CatalogItem], catalog: Catalog) -> str:
    """catalog.yaml with its top-level 事项 section replaced (a comment line before each domain's
    items); everything else as it was."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"事项\s*:", line)), None)
    names = {d.id: d.name for d in catalog.domains}
    body = ["事项:"]
    for index, item in enumerate(items):
        if index == 0 or items[index - 1].domain_id != item.domain_id:
            body.append(f"  # ---------------- {names.get(item.domain_id, item.domain_id)} "
                        "----------------")
        body += item_yaml(item)
    if start is None:
        return text.rstrip("\n") + "\n\n" + "\n".join(body) + "\n"
    end = next((i for i in range(start + 1, len(lines))
                if lines[i] and not lines[i][0].isspace() and not lines[i].startswith("#")
                and not lines[i].startswith("-")), len(lines))
    return "\n".join([*lines[:start], *body, *lines[end:]]).rstrip("\n") + "\n"


def merged_items(catalog: Catalog, read: Read) -> list[CatalogItem]:
    """Every item, in the order of the domains: a domain's rows from the workbook (with its items
    missing from the workbook after them), other domains' items as they were."""
    out: list[CatalogItem] = []
    for domain in catalog.domains:
        rows = read.items.get(domain.id)
        if rows is None:
            out += [i for i in catalog.items if i.domain_id == domain.id]
            continue
        out += rows
        out += [i for i in catalog.items if i.domain_id == domain.id and i.id in read.kept]
    return out


def import_workbook(project: Project, catalog: Catalog, path: Path) -> Read:
    """Read the workbook and, when it has no problem, rewrite catalog.yaml's 事项."""
    read = read_workbook(path, catalog)
    if read.problems:
        return read
    text = project.catalog.read_text(encoding="utf-8")
    new_text = replace_items(text, merged_items(catalog, read), catalog)
    problems = Problems(project.root)
    node, parse_problems = parse(new_text, file="catalog.yaml")
    problems.extend(parse_problems)
    if node is not None:
        validate_catalog(node, project.catalog, problems)
    if problems.errors:
        read.problems += [p.format() for p in problems.items if p.severity == "error"]
        return read
    shutil.copy2(project.catalog, project.catalog.with_name(project.catalog.name + ".bak"))
    project.catalog.write_text(new_text, encoding="utf-8")
    return read

