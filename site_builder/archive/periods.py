"""Transfer periods: 「每月5日和20日（节假日顺延）分两次集中移交」.

A transfer is due on the 5th (`YYYY-MM-上`) and on the 20th (`YYYY-MM-下`) of every month; a
due day that is not an official working day (weekend or holiday, with the 调休 make-up days
counted as working days, base/dates.py) moves to the next working day. A transfer covers the
notices published from the day of the previous transfer up to the day before its own: what was
published on a transfer day goes with the next one, and no day falls between two transfers or in
two. So the holiday shift moves the boundary too: 2026-10-上 is due on Monday 5 October, inside
the National Day holiday, and moves to Thursday 8 October, covering 20 September (the make-up
Sunday the 2026-09-下 transfer is made on) to 7 October.

A period of one's own (`--from DATE --to DATE`) covers those days; its transfer day is the first
working day after them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..base import dates

DUE_DAYS = {"上": 5, "下": 20}
_PERIOD = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(上|下)\s*$")


class PeriodError(ValueError):
    """The text does not name a period; `kind`: "format", "month" or "year"."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class Period:
    name: str  # 2026-10-上, or 2026-10-01至2026-10-15 for a period of one's own
    first: dt.date  # the first 发布日期 it covers
    last: dt.date  # the last
    due: dt.date | None  # the 5th or the 20th (None for a period of one's own)
    transfer: dt.date  # the working day the transfer is made

    @property
    def moved(self) -> bool:
        return self.due is not None and self.due != self.transfer

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def working_day_from(day: dt.date) -> dt.date:
    """`day` itself when it is an official working day, else the next one."""
    while not dates.is_workday(day):
        day += dt.timedelta(days=1)
    return day


def transfer_day(year: int, month: int, half: str) -> dt.date:
    return working_day_from(dt.date(year, month, DUE_DAYS[half]))


def _previous(year: int, month: int, half: str) -> tuple[int, int, str]:
    if half == "下":
        return year, month, "上"
    return (year - 1, 12, "下") if month == 1 else (year, month - 1, "下")


def half_month(year: int, month: int, half: str) -> Period:
    transfer = transfer_day(year, month, half)
    first = transfer_day(*_previous(year, month, half))
    return Period(f"{year}-{month:02d}-{half}", first, transfer - dt.timedelta(days=1),
                  dt.date(year, month, DUE_DAYS[half]), transfer)


def parse_period(text: str) -> Period:
    """`2026-11-上` (the transfer due on 5 November) or `2026-11-下` (20 November)."""
    m = _PERIOD.match(text)
    if not m:
        raise PeriodError("format")
    year, month = int(m[1]), int(m[2])
    if not 1 <= month <= 12:
        raise PeriodError("month")
    if not dates.MIN_YEAR < year <= dates.MAX_YEAR:
        raise PeriodError("year")
    return half_month(year, month, m[3])


def own_period(first: dt.date, last: dt.date) -> Period:
    """The days `first` to `last`; transferred on the first working day after them."""
    transfer = working_day_from(last + dt.timedelta(days=1))
    return Period(f"{first.isoformat()}至{last.isoformat()}", first, last, None, transfer)
