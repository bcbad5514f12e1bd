"""Sensitive personal information (敏感个人信息) next to names in published rosters.

个人信息保护法 Art. 28 names sensitive personal information — health (医疗健康), disability,
religious belief, biometrics, specific identities, criminal records, financial accounts,
whereabouts — whose disclosure can easily harm a person's dignity; Art. 29 requires a
specific need and separate consent. A 公示 of 低保 and other benefits publishes what the
benefit needs (民政 rules: name, household size, amount); a roster that adds 丈夫脑梗后瘫痪在床 or
一级视力残疾 next to a name publishes a family's medical history. So a Markdown table with a
name column (姓名, 申请人, 户主 …) is read column by column: a column whose heading names such
a kind (病种, 残疾等级, 宗教信仰 …) or whose cells hold such details is a warning (注意, never an
error: the clerk decides), one per column, with the rows and what to publish instead.

Not reported (each has a test): the categories 因病, 因残, 因灾 (what the rules ask for);
benefit and insurance names (大病救助, 重度残疾人护理补贴, 医疗保险); ordinary words holding a
character of the vocabulary (病虫害, 安全隐患, 扫盲, 民族宗教事务局, 疾病预防控制中心); tables
without a name column (policy tables, statistics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base import messages as msg
from ..base.problems import WARNING, Problems
from . import privacy

# A roster: a column of people's names
NAME_HEADER = re.compile(
    r"姓名|申请人|户主|户名|名字|救助对象|保障对象|受助人|领取人|补贴对象|补助对象|被救助人|"
    r"家庭成员|监护人|被监护人|受益人|享受对象|供养对象|特困人员")
# What is not sensitive although it holds a character of the vocabulary: removed first
NEUTRAL = re.compile(
    r"因病致贫|因病返贫|因残致贫|因病|因残|因灾|因学|"
    r"[^，、；;,\s|（）()患]{0,8}(?:补贴|补助|救助|津贴|保险|保障金|护理费)|"  # benefit names
    r"病虫害|病虫|病媒|病毒防控|病害|疫病|动物疫病|疾病预防|疾控|卫生健康|"
    r"隐患|后患|水患|灾患|扫盲|文盲|盲区|盲盒|盲道|"
    r"残疾人联合会|残联|残疾人服务|残疾人之家|"
    r"民族宗教|宗教事务|宗教局|宗教活动场所|(?:佛|道|伊斯兰|基督|天主)教协会|天主教爱国会|统战|物流|"
    r"精神文明|工匠精神|精神面貌|人脸识别门禁|手术室|住院部|医院|卫生院|卫生室|诊所")
KIND_HEALTH = "health"
KIND_DISABILITY = "disability"
KIND_CRIMINAL = "criminal"
KIND_RELIGION = "religion"
KIND_BIOMETRIC = "biometric"
# Details in cells, by kind (checked after NEUTRAL is removed). Plain alternatives of words only:
# the regular-expression engine then skips text by their first characters (20 times faster).
TERMS: dict[str, re.Pattern[str]] = {
    KIND_DISABILITY: re.compile(
        r"残疾|伤残|残障|致残|截肢|失明|失聪|聋|哑|盲|智障|智力障碍|智力低下|" + "|".join(
            f"{part}{grade}级" for part in ("肢体", "视力", "听力", "言语", "智力", "精神")
            for grade in "一二三四")),
    KIND_HEALTH: re.compile(
        r"病|患|疾病|疾患|顽疾|隐疾|瘫|癌|瘤|透析|尿毒|脑梗|梗塞|梗死|中风|脑出血|心衰|痴呆|卧床|"
        r"植物人|精神障碍|精神分裂|抑郁|躁狂|自闭|孤独症|艾滋|HIV|hiv|乙肝|肝炎|肝硬化|结核|"
        r"梅毒|住院|手术|化疗|放疗|服药|骨折|怀孕|孕|流产|不孕|血压|糖尿|哮喘|关节炎|类风湿|"
        r"帕金森|阿尔茨海默|诊断|康复治疗"),
    KIND_CRIMINAL: re.compile(
        r"服刑|刑满|释放人员|在押|判刑|判处|入狱|监狱|劳改|劳教|犯罪|前科|社区矫正|矫正对象|"
        r"缓刑|假释|吸毒|戒毒|涉毒|强制隔离"),
    KIND_RELIGION: re.compile(r"宗教|信教|教徒|佛教|基督|天主教|伊斯兰|穆斯林|道教|信仰"),
    KIND_BIOMETRIC: re.compile(r"指纹|虹膜|人脸|面部识别|声纹|基因|DNA|血型"),
}
# A heading that itself asks for such details (its cells are reported whatever they hold)
SENSITIVE_HEADER: dict[str, re.Pattern[str]] = {
    KIND_HEALTH: re.compile(r"病种|疾病|病情|病名|病史|诊断|健康状况|身体状况|健康情况"),
    KIND_DISABILITY: re.compile(r"残疾类别|残疾等级|残疾类型|残疾程度|残疾情况|残疾证|伤残等级"),
    KIND_CRIMINAL: re.compile(r"犯罪|服刑|前科|违法记录|刑事"),
    KIND_RELIGION: re.compile(r"宗教|信仰"),
    KIND_BIOMETRIC: re.compile(r"指纹|血型|基因|人脸"),
}
KIND_NAMES = {
    KIND_HEALTH: msg.SENSITIVE_KIND_HEALTH, KIND_DISABILITY: msg.SENSITIVE_KIND_DISABILITY,
    KIND_CRIMINAL: msg.SENSITIVE_KIND_CRIMINAL, KIND_RELIGION: msg.SENSITIVE_KIND_RELIGION,
    KIND_BIOMETRIC: msg.SENSITIVE_KIND_BIOMETRIC}
SHOWN_ROWS = 5  # rows listed in one warning


@dataclass
class Column:
    """A column of a roster table that publishes sensitive details."""

    header: str
    header_line: int
    column: int  # 1-based character column of the first reported cell (or the heading)
    kinds: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # file lines of the reported cells
    words: list[str] = field(default_factory=list)  # the terms found, in order, once each
    line: int = 0  # where the warning is placed: the first reported cell (or the heading)


_CLAUSE = re.compile(r"[^，、；;,。：:（）()\s]+")
CLAUSE_MAX = 12  # characters of a clause shown in a report


def terms(text: str) -> list[tuple[str, str]]:
    """(kind, clause) of every sensitive detail in a cell's text — the clause as written, so a
    report shows what to rewrite —, ordinary words (NEUTRAL) left out."""
    found: list[tuple[str, str]] = []
    for clause in _CLAUSE.findall(text):
        rest = NEUTRAL.sub("　", clause)
        shown = clause if len(clause) <= CLAUSE_MAX else clause[:CLAUSE_MAX] + "…"
        for kind, pattern in TERMS.items():
            if pattern.search(rest) and (kind, shown) not in found:
                found.append((kind, shown))
    return found


def scan(lines: list[str], first_line: int = 1) -> list[Column]:
    """Columns of roster tables in Markdown `lines` (file line `first_line` first) that hold
    sensitive details, by heading or by cell."""
    out: list[Column] = []
    index = 0
    while index < len(lines) - 1:
        if privacy._is_table_row(lines[index]) and privacy._is_table_rule(lines[index + 1]):
            end = index + 2
            while end < len(lines) and privacy._is_table_row(lines[end]) and lines[end].strip():
                end += 1
            out += _table(lines, index, end, first_line)
            index = end
        else:
            index += 1
    return out


_ANY_TERM = re.compile("|".join(p.pattern for p in TERMS.values()))
_ANY_HEADER = re.compile("|".join(p.pattern for p in SENSITIVE_HEADER.values()))


Cell = tuple[str, int]  # a cell's text and its column (characters, or the sheet's column number)


def _table(lines: list[str], head: int, end: int, first_line: int) -> list[Column]:
    """A Markdown table: the heading row `head`, its rule, data rows up to `end`."""
    def cells(line: str) -> list[Cell]:
        return [(line[a:b].strip(), a + 1 + _indent(line[a:b]))
                for a, b in privacy._cell_spans(line)]

    if not NAME_HEADER.search(lines[head]) or (not _ANY_HEADER.search(lines[head]) and not any(
            _ANY_TERM.search(lines[row]) for row in range(head + 2, end))):
        return []  # not a roster, or nothing of the vocabulary anywhere (most rosters)
    rows = [(first_line + row, cells(lines[row])) for row in range(head + 2, end)]
    return roster_columns(cells(lines[head]), first_line + head, rows)


def roster_columns(header: list[Cell], header_line: int,
                   rows: list[tuple[int, list[Cell]]]) -> list[Column]:
    """The columns of a table (heading cells at `header_line`, rows numbered) that publish
    sensitive details next to a column of names; [] if it has no column of names."""
    headers = [text for text, _ in header]
    names = [i for i, h in enumerate(headers) if NAME_HEADER.search(h)]
    if not names:
        return []
    if not any(_ANY_HEADER.search(h) for h in headers) and \
            not any(_ANY_TERM.search(text) for _, row in rows for text, _ in row):
        return []  # most rosters: nothing of the vocabulary anywhere
    columns: dict[int, Column] = {}
    for position, (text, column) in enumerate(header):
        kinds = [kind for kind, pattern in SENSITIVE_HEADER.items() if pattern.search(text)]
        if kinds and position not in names:
            columns[position] = Column(text, header_line, column, kinds, line=header_line)
    for number, row in rows:
        for position, (text, column) in enumerate(row):
            if position in names or position >= len(headers):
                continue
            found = terms(text) if _ANY_TERM.search(text) else []
            if not found and position not in columns:
                continue
            col = columns.get(position)
            if col is None:
                col = columns[position] = Column(headers[position], header_line, column,
                                                 line=number)
            if found or (col.line == col.header_line and text):  # a cell, or a flagged heading's
                col.lines.append(number)
            for kind, word in found:
                if kind not in col.kinds:
                    col.kinds.append(kind)
                if word not in col.words:
                    col.words.append(word)
    return [columns[p] for p in sorted(columns) if columns[p].kinds]


def _indent(cell: str) -> int:
    return len(cell) - len(cell.lstrip())


def check(path: Path, body: str, body_line: int, problems: Problems) -> None:
    """A warning (注意) for each roster column that publishes sensitive details."""
    if "|" not in body:
        return
    _report(path, scan(body.split("\n"), body_line), problems)


# -- attachments: CSV/TSV and Excel rosters ------------------------------------------------------
def check_file(path: Path, name: str, problems: Problems) -> None:
    """The same warning for a roster published as a file (an attachment or a linked file):
    `.csv` `.tsv` (at line and column) and `.xlsx` `.xlsm` (each sheet, at row and column)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            tables = [("", _delimited(path, suffix))]
        elif suffix in (".xlsx", ".xlsm"):
            tables = _sheets(path)
        else:
            return
    except Exception:  # an unreadable file is reported by the personal-data scan
        return
    for sheet, table in tables:
        if table is None:
            continue
        prefix = msg.SENSITIVE_IN_FILE.format(
            name=name, sheet=msg.SENSITIVE_SHEET.format(sheet=sheet) if sheet else "")
        _report(path, roster_columns(*table), problems, prefix)


Table = tuple[list[Cell], int, list[tuple[int, list[Cell]]]]


def _delimited(path: Path, suffix: str) -> Table | None:
    text = privacy._decode(path.read_bytes())[0].replace("\r\n", "\n")
    delimiter = "\t" if suffix == ".tsv" else privacy._sniff(text)
    numbered = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not numbered:
        return None

    def cells(line: str) -> list[Cell]:
        return [(line[a:b].strip().strip('"'), a + 1 + _indent(line[a:b]))
                for a, b in privacy._delimited_spans(line, delimiter)]

    (head_line, head), rest = numbered[0], numbered[1:]
    return cells(head), head_line, [(n, cells(line)) for n, line in rest]


def _sheets(path: Path) -> list[tuple[str, Table | None]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out: list[tuple[str, Table | None]] = []
    try:
        for sheet in book.worksheets:
            rows = [(r, [(_cell_text(v), c) for c, v in enumerate(row, start=1)])
                    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
            heads = [i for i, (_, cells) in enumerate(rows)
                     if sum(1 for text, _ in cells if text.strip()) >= 2]
            if heads:
                first = heads[0]
                out.append((sheet.title, (rows[first][1], rows[first][0], rows[first + 1 :])))
    finally:
        book.close()
    return out


def _cell_text(value: object) -> str:
    """A cell's value as the sheet shows it (numbers without a trailing .0)."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value) if isinstance(value, int | float | str) else ""


def _report(path: Path, columns: list[Column], problems: Problems, prefix: str = "") -> None:
    for col in columns:
        rows = "、".join(str(n) for n in col.lines[:SHOWN_ROWS]) + \
            ("……" if len(col.lines) > SHOWN_ROWS else "")
        where = msg.SENSITIVE_ROWS.format(rows=rows) if col.lines else msg.SENSITIVE_HEADING
        words = "、".join(col.words[:SHOWN_ROWS]) + ("等" if len(col.words) > SHOWN_ROWS else "")
        problems.add(path, col.line, None, prefix + msg.SENSITIVE_FOUND.format(
            header=col.header, kinds="、".join(KIND_NAMES[k] for k in col.kinds), where=where,
            words=msg.SENSITIVE_WORDS.format(words=words) if words else ""),
            msg.SENSITIVE_HINT, severity=WARNING, column=col.column)
