"""Dates as staff type them, and working days on the official Chinese calendar (with 调休)."""

from __future__ import annotations

import datetime as dt
import functools
import re

import chinese_calendar

_DATE = re.compile(
    r"^\s*(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?\s*$"
)
# Full-width digits and separators (２０２６－１２－０２, typed with a Chinese input method) are
# read as their ASCII forms.
FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．　", "0123456789-/. ")
MIN_YEAR = 1949
MAX_YEAR = 2099


class DateError(ValueError):
    """The text is not a date (kind="format") or names a day that does not exist ("impossible")."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def parse_date(text: str) -> dt.date:
    """Accepts 2024-09-23, 2024-9-23, 2024/9/23, 2024.9.23 and 2024年9月23日, in full-width
    digits too."""
    m = _DATE.match(text.translate(FULL_WIDTH))
    if not m:
        raise DateError("format")
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError("year")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError("impossible") from None


@functools.lru_cache(maxsize=8192)
def is_workday(day: dt.date) -> bool:
    """Official working day; beyond the years the calendar knows, Monday to Friday."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # chinese_calendar's signal for a year it has no data for
        return day.weekday() < 5


@functools.lru_cache(maxsize=64)
def _year_known(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:  # (see is_workday): not our unfinished code
        return False
    return True


def calendar_known(day: dt.date) -> bool:
    return _year_known(day.year)


@functools.lru_cache(maxsize=16384)  # the same 成文日期 and time limit recur across notices
def add_workdays(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (start itself not counted)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_workday(current):
            remaining -= 1
    return current


def workday_span(start: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """A 公示期 of `days` working days starting on `start` (or the next working day)."""
    first = start
    while not is_workday(first):
        first += dt.timedelta(days=1)
    return first, add_workdays(first, days - 1) if days > 1 else first


def cn(day: dt.date) -> str:
    """2024年09月23日, as disclosure sites print dates in metadata blocks."""
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"
