"""Personal data (个人信息) in what is published: resident ID numbers, mobiles, bank cards.

Seed 000: lists published for public comment (名单公示) must de-identify 身份证号 and 手机号. A
leaked ID number is a single-veto failure for the whole site, so every published text is scanned
here before anything is written: notice bodies, front matter, text/Excel/Word attachments, column
pages and catalog.yaml. Each finding names the file, line and column, shows the value masked, and
the build fails — unless the notice (front matter `个人信息: 遮盖`) or the whole site
(catalog.yaml `设置: 个人信息: 遮盖`) asks for masking in the output instead.

What is detected (docs/privacy.md has the rules, the traps and the measured error rates):

- 18-digit resident ID numbers: province code, real birth date, ISO 7064 check digit (X or x),
  also written with spaces or dashes, in full-width digits, or glued to other digits; a value
  labelled 身份证号 (line label or table column) is an ID even when its check digit is wrong;
- 15-digit old ID numbers: only where a label or column says 身份证 (a bare 15-digit number is
  far more often a business registration or project number);
- mainland mobiles 1[3-9]x (11 digits), also with +86/0086, spaces or dashes (3-4-4);
- bank cards: 16–19 digits passing the Luhn check, in list contexts (table cells, list items,
  spreadsheet cells, a flattened roster line) or after a card label (卡号, 银行卡, 社保卡); an
  account number in running text (账号：… of an office, for tender deposits) is not a card.

Never flagged: landlines (0578-6023301, (0591)23163224), hotlines (12345), 文号, dates, amounts
(a unit 元/万元 or a decimal point next to the number), postcodes, masked values (138****1234),
unified social credit codes (统一社会信用代码, recognised by their GB 32100 check character),
numbers labelled as numbers of things (编号, 批号, 许可证号, 流水号 …: never mobiles or cards,
and IDs only with an ID label too), numbers in a column whose header has a unit (总投资（元）),
and two numbers side by side that only look like one (180 1600—3600: a count, then a range).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..model.settings import DEFAULT_PATTERNS as DEFAULT_PATTERNS
from ..model.settings import KIND_CARD as KIND_CARD
from ..model.settings import KIND_ID as KIND_ID
from ..model.settings import KIND_MOBILE as KIND_MOBILE
from ..model.settings import KINDS as KINDS
from ..model.settings import MODE_ERROR as MODE_ERROR
from ..model.settings import MODE_MASK as MODE_MASK
from ..model.settings import MODES as MODES
from ..model.settings import Pattern as Pattern
from ..model.settings import PrivacySettings
from . import normalize

TEXT_SUFFIXES = (".csv", ".tsv", ".txt", ".md")
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")  # read in sheets.py
WORD_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)  # scanned (text PDFs), but cannot be masked
SCANNED_SUFFIXES = TEXT_SUFFIXES + SHEET_SUFFIXES + WORD_SUFFIXES + PDF_SUFFIXES

# Characters that separate digit groups as a space or a dash does: no-break, thin, narrow,
# ideographic and zero-width spaces (Word and web pages put them between groups), and every
# hyphen, dash and minus sign.
_SPACES = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f" \
    "\u200b\u200c\u200d\u2060\ufeff"
_DASHES = "\uff0d\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\ufe58\u00ad"
# Full-width digits, letters and punctuation folded to ASCII one character for one, so that
# offsets in the folded text are offsets in the original.
_FOLD = str.maketrans(
    "０１２３４５６７８９ＸｘＬ＋（）" + _SPACES + _DASHES,
    "0123456789XxL+()" + " " * len(_SPACES) + "-" * len(_DASHES),
)

# The scan reads a copy of the text as a reader reads its numbers (normalize.fold: invisible
# characters dropped, look-alike digits as digits, mask runs between digits one MASK/TIMES).
# Runs of digits, where single separators may separate groups; an ID may end in X.
_SEPARATORS_COPY = " \\-" + re.escape(normalize.OTHER_SEPARATORS + normalize.MASK +
                                      normalize.TIMES + normalize.BRACKET)
_SPAN = re.compile(f"[0-9](?:[0-9]|[{_SEPARATORS_COPY}](?=[0-9]))*(?:[Xx](?![A-Za-z0-9]))?")
_ALNUM = re.compile(r"[0-9A-Za-z]+")
# Nothing shorter than 11 digits (a mobile) is looked at: one fast search of the copy decides.
_CANDIDATE = re.compile(f"[0-9](?:[{_SEPARATORS_COPY}]?[0-9]){{10}}")
# The same, loosely, on the text as written (lines and cells that need no copy are skipped):
# every text whose copy _CANDIDATE matches, unless it has characters normalize.fold changes
# beyond one for one (normalize.has_special), which are looked at anyway.
_CANDIDATE_RAW = re.compile(
    f"[0-9０-９](?:[ \\-./~_*×xX)）．／～〜＿{_SPACES}{_DASHES}]*+[0-9０-９]){{10}}")
_RANGE_DASHES = "\u2012\u2013\u2014\u2015\u2212"  # figure, en, em dash, bar, minus: ranges
# A country code glued to a mobile: 8613812345678, 008613812345678 (+86 is a sign and 86).
_COUNTRY = re.compile(r"(?:00)?86(?=1[3-9][0-9])")
_PROVINCES = frozenset(str(code) for low, high in ((11, 15), (21, 23), (31, 37), (41, 46),
                                                   (50, 54), (61, 65), (71, 71), (81, 83))
                       for code in range(low, high + 1))
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Words around a number that say what it is. Matched against the column header of a table cell
# and the few characters before the number on its line.
_ID_LABEL = re.compile(r"身份证|身份号码|身份编号|证件号|证件编号|公民身份|身份证明号")
_CARD_LABEL = re.compile(r"卡号|银行卡|社保卡|一卡通|存折|储蓄卡|借记卡")  # a person's card
# Public numbers of things, not of people: a number after one of these (or in such a column) is
# never a mobile or a card, and an 18-digit one is an ID only if an ID label is there too
# (施工许可证编号 350128202103150202 has an area code, a date and, 1 time in 11, the check digit).
_CODE_LABEL = re.compile(
    r"编号|编码|代码|单号|合同号|流水号|索引号|注册号|许可证|许可号|证书号|批准号|备案号|识别号|"
    r"订单|项目号|序列号|条码|条形码|批次|批号|工单|案号|文号|登记号|登记证号|税号|学籍号|学号|"
    r"准考证|考号|工号|受理号|办件号|凭证号|发票号|票据号|执照号|产权证号|权证号|合格证号|"
    r"资格证号|执业证号|车架号|发动机号|宗地号|单元号|标段号|专利号"
)
_CREDIT_LABEL = re.compile(r"信用代码|社会信用|纳税人识别号|组织机构代码|注册号|营业执照")
_UNIT_AFTER = re.compile(
    r"\s?(?:元|万|亿|千|百|人|户|次|个|件|吨|米|亩|平方|㎡|台|辆|套|份|笔|kg|KG|km|公斤|公里|"
    r"千克|立方|度|瓦|字节|条|页)"
)
# A column of amounts or quantities: a unit in its header (总投资（元）, 金额(万元), 人数/人) or a
# money word. Its numbers are never mobiles or cards, unless the header also names one.
_UNIT_HEADER = re.compile(
    r"[（(\[【][^）)\]】]*(?:元|万|亿|人|户|次|个|件|吨|米|亩|公顷|平方|㎡|台|辆|套|份|笔|%|％|‰|"
    r"kg|KG|km|公斤|千克|公里|千瓦|度|立方|天|日|月|年)[^）)\]】]*[）)\]】]"
    r"|[/／]\s*(?:元|万元|亿元|人|户|亩|吨|㎡|个|次)"
    r"|单位[:：]|金额|总额|总价|单价|价款|总投资|投资额|预算|决算|产值|合计|小计|总计"
)
_PERSON_HEADER = re.compile(r"电话|手机|联系|身份|证件|卡|账|帐|号码")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)、])\s")
_LABEL_WINDOW = 16  # characters before a number searched for a label
_ROSTER_MIN = 3  # identifier-like numbers on one line that make it a (flattened) roster
_MOBILE_GROUPS = ((11,), (3, 4, 4), (3, 8), (7, 4), (4, 3, 4), (3, 3, 5))
# After a number split by single × or *, a unit says it is a size (150×2000×1200mm), not a mobile.
_DIMENSION = re.compile(r"\s?(?:mm|cm|m(?![A-Za-z])|毫米|厘米|米|公分|英寸|寸)")
_LENGTHS = frozenset({11, 13, 15, 16, 17, 18, 19})  # mobile (86…, 0086…); old ID; cards; ID


@dataclass(frozen=True)
class Finding:
    """One piece of personal data in a text. Offsets index the scanned text."""

    kind: str
    start: int
    end: int
    value: str  # as written
    hidden: tuple[int, ...] = ()  # offsets of the characters that masking replaces
    reason: str = ""  # "" or "label" (found by its label or column, not by its structure)
    tricks: tuple[str, ...] = ()  # what hid it from a plain reading (normalize.TRICK_*)


Settings = PrivacySettings  # the name the checks use


def pattern_problem(kind: str, pattern: Pattern) -> bool:
    """True if a pattern keeps too much: phones must hide 4 digits, IDs the birth date, cards 6."""
    if kind == KIND_MOBILE:
        return pattern.head + pattern.tail > 7
    if kind == KIND_ID:
        return pattern.head > 6 or pattern.tail > 4
    return pattern.head + pattern.tail > 10


# -- checks on numbers ---------------------------------------------------------------------------
def id18_valid(value: str) -> bool:
    """An 18-character resident ID: province, a real birth date, and its check digit."""
    if len(value) != 18 or not value[:17].isdigit() or value[17] not in "0123456789Xx":
        return False
    if value[:2] not in _PROVINCES or not _birth_date(value[6:14]):
        return False
    total = sum(int(c) * w for c, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == value[17].upper()


def id15_valid(value: str) -> bool:
    """A 15-digit old ID: province and a real birth date 19YYMMDD (no check digit)."""
    return len(value) == 15 and value.isdigit() and value[:2] in _PROVINCES and \
        _birth_date("19" + value[6:12]) is not None


def _birth_date(text: str) -> dt.date | None:
    try:
        day = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return day if 1900 <= day.year <= dt.date.today().year else None


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        d = int(char)
        if index % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def uscc_valid(value: str) -> bool:
    """A unified social credit code (统一社会信用代码, GB 32100-2015) with its check character."""
    value = value.upper()
    if len(value) != 18 or any(c not in _USCC_CHARS for c in value):
        return False
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(value[:17], _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31] == value[17]


# -- scanning ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Group:
    start: int
    end: int
    text: str  # digits (and a final X)


def scan(text: str, *, header: str = "", in_list: bool = False) -> list[Finding]:
    """Personal data in one line or one table cell. `header` is the cell's column header;
    `in_list` says the text is a list item or a table cell (where bank cards are looked for)."""
    if not may_hold(text):
        return []
    copy = normalize.fold(text)
    folded = copy.text
    if not _CANDIDATE.search(folded):
        return []
    roster = in_list or _is_roster(folded)
    aligned = copy.aligned()
    out: list[Finding] = []
    for span in _SPAN.finditer(folded):
        if span.end() - span.start() < 11:
            continue
        groups = _groups(folded, span.start(), span.end())
        for f in _scan_span(folded, groups, header, roster, aligned):
            bracket = f.start > 0 and folded[f.start - 1] == "(" and \
                normalize.BRACKET in folded[f.start : f.end]
            start, end = copy.span(f.start - bracket, f.end)  # (138)1234 5678 with its "("
            tricks = copy.tricks(start, end)
            if normalize.MASK in folded[f.start : f.end] or \
                    normalize.TIMES in folded[f.start : f.end]:
                tricks += (normalize.TRICK_MASK,)
            out.append(Finding(f.kind, start, end, text[start:end], copy.positions(f.hidden),
                               f.reason, tricks))
    return sorted(out, key=lambda f: f.start)


def may_hold(text: str) -> bool:
    """False when `text` surely holds nothing we look for (a fast search of the source)."""
    return bool(_CANDIDATE_RAW.search(text)) or normalize.has_special(text)


def _is_roster(line: str) -> bool:
    return sum(1 for m in _ALNUM.finditer(line) if len(m.group()) >= 15) >= _ROSTER_MIN


def _groups(text: str, start: int, end: int) -> list[_Group]:
    out: list[_Group] = []
    for m in re.finditer(r"[0-9]+[Xx]?|[Xx]", text[start:end]):
        out.append(_Group(start + m.start(), start + m.end(), m.group()))
    return out


def _scan_span(text: str, groups: list[_Group], header: str, roster: bool,
               written: str) -> Iterator[Finding]:
    """Try every run of consecutive groups whose length could be an ID, a card or a mobile.
    `text` is folded; `written` is the text as written (for the separators)."""
    used: set[int] = set()
    for finder in (_find_id, _find_card, _find_mobile):
        for i in range(len(groups)):
            if i in used or (groups[i].text[0] == "0" and not (
                    finder is _find_mobile and groups[i].text.startswith("0086"))):
                continue  # nothing we look for starts with 0 (area codes of landlines do)
            total = 0
            for j in range(i, len(groups)):
                if j in used:
                    break
                total += len(groups[j].text)
                if total < 11 or (total not in _LENGTHS and not (i == j and total > 19)):
                    if total > 19:
                        break
                    continue
                found = finder(text, groups, i, j, header, roster)
                if found is not None and _separated_alike(
                        text[found.start : found.end], written[found.start : found.end]) and \
                        not _size(text, found):
                    used.update(range(i, j + 1))
                    yield found
                    break
                if total >= 19:
                    break


def _separated_alike(value: str, written: str) -> bool:
    """One number's groups are split by one kind of separator: 138 1234 5678, 138—1234—5678.
    `180 1600—3600` (a bed count, then a price range) is two numbers; an en or em dash or a
    minus sign between two groups only is a range (1600—3600), never a mobile's or an ID's;
    so is one `.` `/` `~` `_` or `×` (a decimal, a date, a size): those count only between
    three or more groups, the same throughout (138.1234.5678). `value` is the copy (folded),
    `written` the source characters behind it; a bracketed first group, (138)1234 5678, adds
    nothing, and mask characters between digits (138**1234**5678) hide nothing."""
    separators = [(c, w) for c, w in zip(value, written, strict=True)
                  if not (c.isdigit() or c in "Xx")]
    if separators and separators[0][0] == normalize.BRACKET:
        separators = separators[1:]
    if not separators:
        return True
    kinds = {c for c, _ in separators}
    if len(kinds) > 1 or normalize.BRACKET in kinds:
        return False
    if kinds == {normalize.MASK}:
        return True
    ranges = [w for _, w in separators if w in _RANGE_DASHES]
    if ranges or kinds & set(normalize.OTHER_SEPARATORS + normalize.TIMES):
        return len(separators) >= 2 and len({w for _, w in separators}) == 1
    return True


def _size(text: str, found: Finding) -> bool:
    """A mobile-like number split by single × or * with a unit or a size label around it."""
    if found.kind != KIND_MOBILE or normalize.TIMES not in text[found.start : found.end]:
        return False
    return bool(_DIMENSION.match(text, found.end)) or \
        bool(re.search(r"规格|尺寸|长宽高", _label_before(text, found.start)))


def _label_before(text: str, start: int) -> str:
    before = text[max(0, start - _LABEL_WINDOW) : start]
    # only the words of this clause: stop at the previous number or sentence break
    return re.split(r"[0-9。；;，,]", before)[-1]


def _context(text: str, start: int, header: str) -> str:
    return header + " " + _label_before(text, start)


def _token(text: str, start: int, end: int) -> str:
    """The whole run of ASCII letters and digits around [start, end)."""
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isascii() and text[end].isalnum():
        end += 1
    return text[start:end]


def _finding(kind: str, text: str, groups: list[_Group], i: int, j: int,
             reason: str = "") -> Finding:
    start, end = groups[i].start, groups[j].end
    positions = [p for g in groups[i : j + 1] for p in range(g.start, g.end)]
    return Finding(kind, start, end, text[start:end], tuple(positions), reason)


def _joined(groups: list[_Group], i: int, j: int) -> str:
    return "".join(g.text for g in groups[i : j + 1])


def _glued(text: str, groups: list[_Group], i: int, j: int) -> bool:
    """True if the candidate touches another digit without a separator (part of a longer run)."""
    start, end = groups[i].start, groups[j].end
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def _find_id(text: str, groups: list[_Group], i: int, j: int, header: str,
             roster: bool) -> Finding | None:
    value = _joined(groups, i, j)
    if "X" in value[:-1].upper():
        return None
    context = _context(text, groups[i].start, header)
    labelled = bool(_ID_LABEL.search(context))
    if not labelled and _CODE_LABEL.search(context):
        return None  # 施工许可证编号：350128202103150202, 项目代码, 流水号 …
    token = _token(text, groups[i].start, groups[j].end)
    if len(value) == 18 and id18_valid(value):
        if token.upper() == value.upper() and uscc_valid(value) and \
                _CREDIT_LABEL.search(context + text[: groups[i].start]):
            return None  # a credit code that happens to pass the ID check too
        return _finding(KIND_ID, text, groups, i, j)
    if len(value) == 15 and labelled and id15_valid(value):
        return _finding(KIND_ID, text, groups, i, j)
    if labelled and len(value) in (15, 18) and value[:17].isdigit() and \
            not uscc_valid(token) and len(re.sub(r"[ \-]", "", token)) == len(value):
        return _finding(KIND_ID, text, groups, i, j, "label")
    if len(value) > 18 and i == j:
        return _find_glued_id(text, groups[i])
    return None


def _find_glued_id(text: str, group: _Group) -> Finding | None:
    """An ID inside a longer run of digits (table cells run together when text is copied)."""
    digits = group.text
    for offset in range(len(digits) - 17):
        window = digits[offset : offset + 18]
        if id18_valid(window):
            start = group.start + offset
            return Finding(KIND_ID, start, start + 18, text[start : start + 18],
                           tuple(range(start, start + 18)))
    return None


def _find_card(text: str, groups: list[_Group], i: int, j: int, header: str,
               roster: bool) -> Finding | None:
    value = _joined(groups, i, j)
    if not value.isdigit() or not 16 <= len(value) <= 19:
        return None
    lengths = [len(g.text) for g in groups[i : j + 1]]
    grouped_by_four = all(n == 4 for n in lengths[:-1]) and lengths[-1] <= 4
    if len(lengths) > 1 and not grouped_by_four and lengths[:1] != [6]:  # or 622202 123456…
        return None
    if _amount_column(header):
        return None
    context = _context(text, groups[i].start, header)
    labelled = bool(_CARD_LABEL.search(context))
    listed = roster and not _CODE_LABEL.search(context)  # in a list, not a project number
    if not (labelled or listed):
        return None  # an office's bank account in running text is public (tender deposits)
    if _glued(text, groups, i, j) or _amount(text, groups[i].start, groups[j].end):
        return None
    token = _token(text, groups[i].start, groups[j].end)
    if len(token) == 18 and uscc_valid(token):
        return None
    if id18_valid(value):
        return None
    if luhn_valid(value):
        return _finding(KIND_CARD, text, groups, i, j)
    if labelled and _CARD_LABEL.search(header):
        return _finding(KIND_CARD, text, groups, i, j, "label")
    return None


def _find_mobile(text: str, groups: list[_Group], i: int, j: int, header: str,
                 roster: bool) -> Finding | None:
    lengths = tuple(len(g.text) for g in groups[i : j + 1])
    country = _COUNTRY.match(groups[i].text)
    prefix = country.end() if country else 0  # 86 or 0086 glued in front
    if prefix and (lengths[0] - prefix, *lengths[1:]) in _MOBILE_GROUPS:
        lengths = (lengths[0] - prefix, *lengths[1:])
    else:
        prefix = 0
    if lengths not in _MOBILE_GROUPS:
        return None
    value = _joined(groups, i, j)[prefix:]
    if not re.fullmatch(r"1[3-9][0-9]{9}", value):
        return None
    start, end = groups[i].start, groups[j].end
    if _glued(text, groups, i, j) or _amount(text, start, end) or _amount_column(header):
        return None
    context = _context(text, groups[i - 1].start if i > 0 else start, header)
    if _CODE_LABEL.search(context) and not re.search(r"电话|手机|联系", context):
        return None
    token = _token(text, start, end)
    if len(token) == 18 and uscc_valid(token):
        return None
    found = _finding(KIND_MOBILE, text, groups, i, j)
    if not prefix:
        return found
    return Finding(KIND_MOBILE, start + prefix, end, text[start + prefix : end],
                   found.hidden[prefix:])


def _amount_column(header: str) -> bool:
    """A table column of amounts or quantities (总投资（元）, 金额（万元）)."""
    return bool(header) and bool(_UNIT_HEADER.search(header)) and \
        not _PERSON_HEADER.search(header)


def _amount(text: str, start: int, end: int) -> bool:
    """A number with a currency sign, a decimal point or a unit is an amount, not an identifier."""
    before = text[max(0, start - 2) : start]
    if re.search(r"[¥￥$]\s?$|[0-9]\.$", before):
        return True
    after = text[end : end + 4]
    return bool(re.match(r"\.[0-9]", after) or _UNIT_AFTER.match(after))


# -- documents -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Located:
    """A finding placed in a file: line (1-based) and column (1-based, in characters)."""

    finding: Finding
    line: int | None
    column: int | None
    where: str = ""  # for spreadsheets and Word files: sheet/cell or paragraph/table


def scan_lines(lines: list[str], first_line: int = 1, *,
               markdown: bool = True) -> list[Located]:
    """Scan text line by line; Markdown tables are read cell by cell with their headers.
    Only lines holding 11 or more digits are looked at (one regular-expression pass finds them),
    which keeps thousands of notices fast."""
    out: list[Located] = []
    memo: dict[int, list[str] | None] = {}
    for index in _candidate_lines(lines):
        line, number = lines[index], index + first_line
        if markdown and _is_table_row(line):
            header = _table_header(lines, index, memo)
            for column, (start, end) in enumerate(_cell_spans(line)):
                head = header[column] if header and column < len(header) else ""
                for f in scan(line[start:end], header=head, in_list=True):
                    shifted = _shift(f, start)
                    out.append(Located(shifted, number, shifted.start + 1))
            continue
        in_list = bool(_LIST_ITEM.match(line)) if markdown else False
        for f in scan(line, in_list=in_list):
            out.append(Located(f, number, f.start + 1))
    return out


def _candidate_lines(lines: list[str]) -> list[int]:
    text = "\n".join(lines)
    found: set[int] = set()
    line, position = 0, 0
    for m in _CANDIDATE_RAW.finditer(text):
        line += text.count("\n", position, m.start())
        position = m.start()
        found.add(line)
    if normalize.has_special(text):  # lines that only their copy shows (scan decides)
        found.update(index for index, line_text in enumerate(lines)
                     if normalize.has_special(line_text))
    return sorted(found)


def _table_header(lines: list[str], index: int,
                  memo: dict[int, list[str] | None]) -> list[str] | None:
    """The header cells of the Markdown table whose row `index` is (None for the header row).
    `memo` remembers the answer for rows already seen, so long tables are walked once."""
    row = index
    while row not in memo and row > 0 and _is_table_row(lines[row - 1]) and \
            not _is_table_rule(lines[row]):
        row -= 1
    if row in memo:
        header = memo[row]
    elif _is_table_rule(lines[row]) and row > 0:
        header = _cells(lines[row - 1])
    else:
        header = None
    if row == index and _is_table_rule(lines[row]):
        header = None  # the rule row itself
    memo[index] = header
    return header


def _is_table_row(line: str) -> bool:
    return line.lstrip().startswith("|") or line.count("|") >= 2


def _is_table_rule(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*", line))


def _cell_spans(line: str) -> list[tuple[int, int]]:
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    edges = [-1, *bounds, len(line)]
    spans = [(a + 1, b) for a, b in itertools.pairwise(edges)]
    if line.strip().startswith("|"):
        spans = spans[1:]
    if line.strip().endswith("|") and spans:
        spans = spans[:-1]
    return spans


def _cells(line: str) -> list[str]:
    return [line[a:b].strip() for a, b in _cell_spans(line)]


def _shift(f: Finding, by: int) -> Finding:
    return Finding(f.kind, f.start + by, f.end + by, f.value, tuple(p + by for p in f.hidden),
                   f.reason, f.tricks)


def scan_delimited(text: str, delimiter: str) -> list[Located]:
    """A CSV/TSV file: every cell is a list cell, the first non-empty row gives the headers."""
    out: list[Located] = []
    header: list[str] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        spans = _delimited_spans(line, delimiter)
        if header is None:
            header = [line[a:b].strip().strip('"') for a, b in spans]
        for index, (start, end) in enumerate(spans):
            head = header[index] if index < len(header) else ""
            for f in scan(line[start:end], header=head, in_list=True):
                shifted = _shift(f, start)
                out.append(Located(shifted, number, shifted.start + 1))
    return out


def _delimited_spans(line: str, delimiter: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start, quoted = 0, False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(line)))
    return spans


def mask(text: str, findings: Iterable[Finding], patterns: dict[str, Pattern],
         *, markdown: bool = False) -> str:
    """`text` with each finding masked by its kind's pattern; separators and +86 kept. In
    Markdown the mask character is escaped (138\\*\\*\\*\\*1234), or `*` would mean emphasis."""
    chars = list(text)
    for f in findings:
        pattern = patterns.get(f.kind, DEFAULT_PATTERNS[f.kind])
        hidden = f.hidden
        keep = set(hidden[: pattern.head]) | set(hidden[len(hidden) - pattern.tail :]
                                                 if pattern.tail else ())
        char = "\\" + pattern.char if markdown and pattern.char in "*_" else pattern.char
        for position in hidden:
            if position not in keep:
                chars[position] = char
        if markdown:  # stars a writer put between the digits (138**1234**5678) are text too
            for position in range(f.start, f.end):
                if chars[position] in ("*", "_"):
                    chars[position] = "\\" + chars[position]
    return "".join(chars)


def shown(f: Finding, patterns: dict[str, Pattern] | None = None) -> str:
    """The finding's value as it may be printed in a report: masked."""
    if f.tricks:  # shown plainly: the digits, masked (no invisible or look-alike characters)
        digits = "0" * len(f.hidden)
        relative = Finding(f.kind, 0, len(digits), digits, tuple(range(len(digits))))
        masked = mask(digits, [relative], patterns or DEFAULT_PATTERNS)
        value = normalize.fold("".join(f.value[p - f.start] for p in f.hidden)).text
        return "".join(c if m == "0" else m for c, m in zip(value, masked, strict=False))
    relative = Finding(f.kind, 0, f.end - f.start, f.value, tuple(p - f.start for p in f.hidden))
    return mask(f.value, [relative], patterns or DEFAULT_PATTERNS)


def mask_lines(text: str, located: Iterable[Located], patterns: dict[str, Pattern],
               first_line: int = 1, *, markdown: bool = False) -> str:
    """Mask findings located by line and column in a multi-line text."""
    lines = text.split("\n")
    by_line: dict[int, list[Finding]] = {}
    for loc in located:
        if loc.line is not None:
            by_line.setdefault(loc.line - first_line, []).append(loc.finding)
    for index, findings in by_line.items():
        if 0 <= index < len(lines):
            lines[index] = mask(lines[index], findings, patterns, markdown=markdown)
    return "\n".join(lines)


def could_hold(text: str) -> bool:
    """False when a text cannot hold anything we look for (fewer than 11 digits in a row), also
    read as a page shows it (line breaks and indentation one space)."""
    read = normalize.as_read(text).text
    return may_hold(read) and bool(_CANDIDATE.search(normalize.fold(read).text))


def mask_text(text: str, patterns: dict[str, Pattern], *, markdown: bool = False) -> str:
    """Scan and mask a whole text (front-matter values, titles) as a reader reads it: its
    lines (a YAML block `摘要: |`) run on as one line on the page."""
    if not could_hold(text):
        return text
    read = normalize.as_read(text)
    located = scan_lines([read.text], markdown=markdown)
    return mask(text, [Finding(f.kind, *read.span(f.start, f.end), f.value,
                               read.positions(f.hidden)) for f in (loc.finding for loc in located)],
                patterns)


# -- attachments ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class FileProblem:
    """A problem in a file that is an error in every mode (a part that cannot be read or
    masked, an ID stored as a number). `message` holds "{subject}" for the file's name."""

    line: int | None
    column: int | None
    message: str
    hint: str
    value: str = ""  # the number concerned ("" if none): 不是个人信息 can exempt it


@dataclass
class FileScan:
    """Findings in one attachment and, when masking, the masked file's bytes."""

    located: list[Located]
    masked: bytes | None = None
    error: str | None = None  # the file could not be read (message detail)
    problems: list[FileProblem] = field(default_factory=list)  # errors in every mode
    # The file (or a part of it) is of a kind no reader here understands: why, in Chinese, and
    # how to convert it. screen.py makes it an error unless the notice declares it 人工核查.
    # A reader that can read a format leaves it None (formats.py; sheets.py for .xls/.et).
    unreadable: str | None = None
    unreadable_fix: str = ""
    mask_hint: str | None = None  # why findings cannot be masked in this file, what to do
    pictures: list[str] = field(default_factory=list)  # pictures inside (an archive), for a look


def scan_file(path: Path, patterns: dict[str, Pattern] | None = None) -> FileScan:
    """Scan an attachment; with `patterns`, also produce its masked copy (when it has findings)."""
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            return _scan_text_file(path, patterns)
        if suffix in SHEET_SUFFIXES:
            from . import sheets

            return sheets.scan_file(path, patterns)
        if suffix in PDF_SUFFIXES:
            return _scan_pdf(path)
        from . import formats  # Word files and every other file: by what their bytes are

        return formats.scan_path(path, patterns)
    except Exception as exc:  # a damaged Office file must not stop the check with a traceback
        return FileScan([], error=f"{type(exc).__name__}: {exc}")


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), "utf-8"


def _scan_text_file(path: Path, patterns: dict[str, Pattern] | None) -> FileScan:
    from . import formats  # UTF-16/32 (with or without a byte order mark), GBK, UTF-8

    data = path.read_bytes()
    decoded = formats.decode_text(data)
    if decoded is None or decoded.encoding not in ("utf-8", "gb18030"):
        return formats.scan_bytes(data, path.name, patterns)
    text, encoding = _decode(data)
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        located = scan_delimited(text, "\t" if suffix == ".tsv" else _sniff(text))
    else:
        located = scan_lines(text.split("\n"), markdown=True)
    masked = None
    if patterns is not None and located:
        out = mask_lines(text, located, patterns).replace("\n", newline)
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        masked = bom + out.encode("utf-8" if encoding == "utf-8-sig" else encoding)
    return FileScan(located, masked)


def _sniff(text: str) -> str:
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


def _scan_pdf(path: Path) -> FileScan:
    """Text PDFs, page by page (a masked copy cannot be made: the PDF must be fixed at source)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    located: list[Located] = []
    text_seen = False
    for page_number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        text_seen |= bool(text.strip())
        for line_number, line in enumerate(text.split("\n"), start=1):
            in_list = len(line.split()) >= 3
            for f in scan(line, in_list=in_list):
                located.append(Located(f, None, None, f"P{page_number}L{line_number}"))
    if reader.pages and not text_seen:
        from ..base import messages as msg

        return FileScan(located, unreadable=msg.UNREAD_PDF_SCAN,
                        unreadable_fix=msg.UNREAD_PDF_SCAN_FIX)
    return FileScan(located)
