"""Front matter read from a document's text: title, 文号, 成文日期 and 发布机构 (from the 落款).

Every guess keeps where it came from, so the summary can show the clerk what was taken from
where; what cannot be read is left for the clerk.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..base.dates import FULL_WIDTH, DateError, parse_date
from ..output.bodies import SIGNOFF_DATE, signoff_lines

# 望民〔2025〕27号, 望民[2025]27号, 望民［2025］27号, 望民（2025）27号, 国务院令第649号
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔［\[（(【]\s*[0-9０-９]{4}\s*[〕］\])）】]\s*[0-9０-９]{1,4}\s*号"
    r"|[\u4e00-\u9fff]{1,12}令第[0-9０-９]{1,4}号")
_BRACKETS = str.maketrans("［[（(【］]）)】", "〔〔〔〔〔〕〕〕〕〕")
# A 红头 line ("望川县民政局文件"), page numbers ("— 2 —", "第 2 页", "- 3 -"), rules ("━━━").
_LETTERHEAD = re.compile(r"[\u4e00-\u9fff（）()]{2,40}文\s*件")
_PAGE_NUMBER = re.compile(r"[-—－–\s]*[0-9０-９]{1,3}[-—－–\s]*"
                          r"|第\s*[0-9０-９]+\s*页(\s*共\s*[0-9０-９]+\s*页)?"
                          r"|共\s*[0-9０-９]+\s*页\s*第\s*[0-9０-９]+\s*页")
_RULE = re.compile(r"[━─—_＿=＝\-★\s]{3,}")
_TITLE_END = re.compile(
    r"(通知|公示|公告|通告|办法|细则|方案|意见|决定|报告|名单|规定|函|批复|规划|计划|说明|通报"
    r"|指南|须知|情况|结果|标准|制度|纪要|要点|总结|目录|清单)$")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}


class ImportFailed(Exception):
    """A file that cannot be imported; the message says why and what to do, in Chinese."""


@dataclass(frozen=True)
class Guess:
    """A value read from the document and where it was found (shown to the clerk)."""

    value: str
    where: str


def doc_number(text: str) -> str | None:
    """The 文号 in a line, written with the standard brackets 〔〕 and ASCII digits."""
    m = DOC_NUMBER.search(text)
    if not m:
        return None
    return re.sub(r"\s+", "", m.group(0)).translate(_BRACKETS).translate(FULL_WIDTH)


def is_decoration(text: str) -> bool:
    """红头 lines, page numbers and ruled lines: dropped from the body."""
    text = text.strip()
    return bool(_LETTERHEAD.fullmatch(text) or _PAGE_NUMBER.fullmatch(text)
                or _RULE.fullmatch(text))


def looks_like_title(text: str) -> bool:
    text = text.strip()
    return 4 <= len(text) <= 80 and "。" not in text and \
        (text.startswith("关于") or bool(_TITLE_END.search(text)))


def signoff_date(text: str) -> dt.date | None:
    """The date of a 落款 line: 2026年12月2日, ２０２６年１２月２日 or 二〇二六年十二月二日."""
    text = text.strip()
    if not SIGNOFF_DATE.fullmatch(text):
        return None
    if text[0] in _CN_DIGITS:
        year = int("".join(str(_CN_DIGITS[c]) for c in text[:4]))
        month, day = (_cn_number(part) for part in re.split(r"[月日]", text[5:])[:2])
        text = f"{year}-{month}-{day}"
    try:
        return parse_date(text)
    except DateError:
        return None


def _cn_number(text: str) -> int:
    """一 … 三十一."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def is_signoff(lines: list[str]) -> bool:
    return signoff_lines(lines)
