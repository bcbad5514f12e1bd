"""Figures derived from the model that the site, `check` and the report share (issue 14):
公示期 of a notice, whether a 征求意见 is open, and table one of the 年报.

Plain functions of the Site and a date; no rendering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..base import dates, vocab
from .site import Notice, Site


def publicity_span(site: Site, n: Notice) -> tuple[dt.date, dt.date] | None:
    """The 公示期 of a notice whose item has one: (first, last day), in official working days
    from its 发布日期 (the span printed on posters)."""
    item = site.item_by_id.get(n.item_id)
    days = item.time_limit.notice_days if item else None
    if not days:
        return None
    return dates.workday_span(n.published, days)


def consultations(site: Site) -> list[Notice]:
    """Every 征求意见, newest deadline first."""
    found = [n for n in site.notices if n.doc_kind == vocab.DOC_CONSULTATION and n.deadline]
    return sorted(found, key=lambda n: (n.deadline, n.id), reverse=True)


def is_open(n: Notice, today: dt.date) -> bool:
    """A 征求意见 is open up to and including its deadline."""
    return n.deadline is not None and today <= n.deadline


@dataclass(frozen=True)
class AnnualRow:
    label: str  # as the national form names the row (规章, 行政规范性文件)
    issued: int  # 本年制发件数: 成文日期 in the year
    repealed: int  # 本年废止件数
    valid: int  # 现行有效件数: issued by the end of the year and not repealed by then


def annual_rows(site: Site, year: int) -> list[AnnualRow]:
    """年报 table one (主动公开政府信息情况), the rows that come from the documents' 文件类型:
    published notices only (不予公开 documents are not in the model)."""
    end = dt.date(year, 12, 31)
    repealed = site.repeal_dates
    rows = []
    for kind, label in vocab.ANNUAL_ROWS:
        docs = [n for n in site.notices if n.doc_kind == kind]
        rows.append(AnnualRow(
            label,
            sum(1 for n in docs if n.formed.year == year),
            sum(1 for n in docs if n.id in repealed and repealed[n.id].year == year),
            sum(1 for n in docs if n.formed <= end and not (
                n.id in repealed and repealed[n.id] <= end)),
        ))
    return rows
