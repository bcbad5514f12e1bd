"""What the national inspection will find, computed from the model for a given day (issue 14):
late notices, periodic items overdue, stale and empty columns, 公示 without a result, policies
without a timely 解读, 征求意见 without 采纳情况, and counts per township × category × month.

`findings` is shared by `check` (one 说明 line per kind, `note`; a 注意 per policy document
without its 解读) and by `site-builder report` (site_builder/report/), which lists every row.
Never an error: publishing late is better than not publishing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..base import dates, urls, vocab
from ..base import messages as msg
from ..base.problems import Problems
from ..model import figures
from ..model.site import CatalogItem, Notice, Site

HOME_STALE_DAYS = 14  # 国办秘函〔2019〕19号: a home page not updated for two weeks fails
STALE_MONTHS = 6  # … and a notice/policy column not updated for six months is 不更新
PERIOD_MONTHS = {"按月": 1, "按季度": 3, "按半年": 6, "按年": 12}
QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")


@dataclass
class Late:
    notice: Notice
    limit: str  # the item's 公开时限 as published
    start: dt.date  # 起算日期 if written, else 成文日期
    due: dt.date  # the last day it should have been published
    over: int  # working days (or calendar days, `workdays` False) after `due`
    workdays: bool
    estimated: bool  # a year the holiday calendar does not know: Monday–Friday assumed


@dataclass
class Overdue:
    item: CatalogItem
    place: str  # 县级, a township or 乡镇 · 村
    path: str  # the column page of that place (item page for the county)
    period: str  # the period that ended without a notice, e.g. 2026年第三季度
    start: dt.date
    end: dt.date
    last: Notice | None  # the newest notice of the item at that place, if any
    days: int  # days since the period ended


@dataclass
class Column:
    kind: str  # 五公开类别, 领域, 事项, 乡镇（街道）, 村（社区）
    name: str
    path: str
    count: int
    last: Notice | None
    status: str  # "empty", "stale" or "ok"


@dataclass
class Publicity:
    notice: Notice
    start: dt.date
    end: dt.date
    running: bool
    results: list[Notice]


@dataclass
class Interpretation:
    notice: Notice
    due: dt.date
    readings: list[Notice]  # its 解读 notices, any date
    status: str  # "none" (missing), "late" (published after `due`) or "pending" (not yet due)


@dataclass
class Consultation:
    notice: Notice
    open: bool
    adoptions: list[Notice]


@dataclass
class Findings:
    today: dt.date
    late: list[Late] = field(default_factory=list)
    overdue: list[Overdue] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    newest: Notice | None = None  # the home page's newest notice
    publicity: list[Publicity] = field(default_factory=list)
    interpretations: list[Interpretation] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)  # (township id or "", category, YYYY-MM)
    unknown_years: set[int] = field(default_factory=set)  # not in the holiday calendar

    @property
    def home_days(self) -> int | None:
        return (self.today - self.newest.published).days if self.newest else None

    @property
    def home_stale(self) -> bool:
        return self.newest is None or (self.home_days or 0) > HOME_STALE_DAYS

    @property
    def publicity_without_result(self) -> list[Publicity]:
        return [p for p in self.publicity if not p.running and not p.results]

    @property
    def interpretation_missing(self) -> list[Interpretation]:
        return [i for i in self.interpretations if i.status != "pending"]

    @property
    def consultation_without_adoption(self) -> list[Consultation]:
        return [c for c in self.consultations if not c.open and not c.adoptions]


def findings(site: Site, today: dt.date) -> Findings:
    found = Findings(today)
    found.late = _late(site, found)
    found.overdue = _overdue(site, today)
    found.columns = _columns(site, today)
    found.newest = site.notices[0] if site.notices else None
    found.publicity = _publicity(site, today)
    found.interpretations = _interpretations(site, today, found)
    found.consultations = [Consultation(n, figures.is_open(n, today), site.adoptions.get(n.id, []))
                           for n in figures.consultations(site)]
    found.counts = Counter((n.township_id or "", n.category, n.published.strftime("%Y-%m"))
                           for n in site.notices)
    return found


# -- late notices --------------------------------------------------------------------------------
def _late(site: Site, found: Findings) -> list[Late]:
    out: list[Late] = []
    due_of: dict[tuple[dt.date, int], dt.date] = {}
    for n in site.notices:
        limit = site.item_by_id[n.item_id].time_limit
        if limit.days is None or limit.kind not in (vocab.LIMIT_WORKDAYS,
                                                    vocab.LIMIT_CALENDAR_DAYS):
            continue
        workdays = limit.kind == vocab.LIMIT_WORKDAYS
        start = n.counted_from or n.formed
        if workdays:
            key = (start, limit.days)
            if key not in due_of:
                due_of[key] = dates.add_workdays(start, limit.days)
            due = due_of[key]
        else:
            due = start + dt.timedelta(days=limit.days)
        if n.published <= due:
            continue
        over = workdays_between(due, n.published) if workdays else (n.published - due).days
        estimated = workdays and not all(dates.calendar_known(d) for d in (start, n.published))
        if estimated:
            found.unknown_years.update(d.year for d in (start, n.published)
                                       if not dates.calendar_known(d))
        out.append(Late(n, limit.text, start, due, over, workdays, estimated))
    return out


def workdays_between(after: dt.date, until: dt.date) -> int:
    """Working days after `after`, up to and including `until`."""
    count, day = 0, after
    while day < until:
        day += dt.timedelta(days=1)
        count += dates.is_workday(day)
    return count


# -- periodic items ------------------------------------------------------------------------------
def last_ended_period(today: dt.date, period: str) -> tuple[dt.date, dt.date, str]:
    """(first day, last day, label) of the newest period of `period` that has ended."""
    size = PERIOD_MONTHS[period]
    current = (today.month - 1) // size * size  # 0-based first month of the running period
    end = dt.date(today.year, current + 1, 1) - dt.timedelta(days=1)
    start = dt.date(end.year, end.month - size + 1, 1)
    index = (start.month - 1) // size
    label = {"按月": f"{start.year}年{start.month}月",
             "按季度": f"{start.year}年{QUARTERS[index] if size == 3 else ''}",
             "按半年": f"{start.year}年{'上半年' if index == 0 else '下半年'}",
             "按年": f"{start.year}年"}[period]
    return start, end, label


def _overdue(site: Site, today: dt.date) -> list[Overdue]:
    newest: dict[tuple[str, str, str], Notice] = {}
    for n in site.notices:  # newest first: keep the first seen at each place
        newest.setdefault((n.item_id, n.township_id or "", ""), n)
        if n.village_id:
            newest.setdefault((n.item_id, n.township_id or "", n.village_id), n)
    out: list[Overdue] = []
    for item in site.items:
        limit = item.time_limit
        if limit.kind != vocab.LIMIT_PERIODIC or limit.period not in PERIOD_MONTHS:
            continue
        start, end, label = last_ended_period(today, limit.period)
        for key, place, path in _places(site, item):
            last = newest.get((item.id, *key))
            if last is None or last.published < start:
                out.append(Overdue(item, place, path, label, start, end, last,
                                   (today - end).days))
    return out


def _places(site: Site, item: CatalogItem) -> list[tuple[tuple[str, str], str, str]]:
    """((township id, village id), name, column path) of every place publishing the item."""
    out = []
    if vocab.LEVELS[0] in item.levels:
        out.append((("", ""), msg.COUNTY, urls.item(item.id)))
    if vocab.LEVELS[1] in item.levels:
        out += [((t.id, ""), t.name, urls.township(t.id)) for t in site.townships]
    if vocab.LEVELS[2] in item.levels:
        out += [((t.id, v.id), f"{t.name} · {v.name}", urls.village(t.id, v.id))
                for t in site.townships for v in t.villages]
    return out


# -- columns -------------------------------------------------------------------------------------
def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def _columns(site: Site, today: dt.date) -> list[Column]:
    groups: dict[tuple[str, object], list[Notice]] = {}
    for n in site.notices:
        for key in (("c", n.category), ("d", n.domain_id), ("i", n.item_id),
                    ("t", n.township_id), ("v", (n.township_id, n.village_id))):
            groups.setdefault(key, []).append(n)
    entries = [(msg.H_CATEGORY, c.name, urls.category(c.id), ("c", c.name))
               for c in vocab.CATEGORIES]
    entries += [(msg.EMPTY_KIND_DOMAIN, d.name, urls.domain(d.id), ("d", d.id))
                for d in site.domains]
    entries += [(msg.EMPTY_KIND_ITEM, i.name, urls.item(i.id), ("i", i.id)) for i in site.items]
    entries += [(msg.EMPTY_KIND_TOWNSHIP, t.name, urls.township(t.id), ("t", t.id))
                for t in site.townships]
    entries += [(msg.EMPTY_KIND_VILLAGE, f"{t.name} · {v.name}", urls.village(t.id, v.id),
                 ("v", (t.id, v.id))) for t in site.townships for v in t.villages]
    limit = _months_before(today, STALE_MONTHS)
    out = []
    for kind, name, path, key in entries:
        notices = groups.get(key, [])
        last = notices[0] if notices else None
        status = "empty" if last is None else "stale" if last.published < limit else "ok"
        out.append(Column(kind, name, path, len(notices), last, status))
    return out


# -- 公示, 解读 ------------------------------------------------------------------------------------
def _publicity(site: Site, today: dt.date) -> list[Publicity]:
    out = []
    for n in site.notices:
        span = figures.publicity_span(site, n)
        if span is not None:
            out.append(Publicity(n, span[0], span[1], today <= span[1],
                                 site.results.get(n.id, [])))
    return out


def _interpretations(site: Site, today: dt.date, found: Findings) -> list[Interpretation]:
    out = []
    for n in site.notices:
        if n.doc_kind not in vocab.NEEDS_INTERPRETATION:
            continue
        due = dates.add_workdays(n.published, vocab.INTERPRETATION_DAYS)
        readings = sorted(site.interpretations.get(n.id, []), key=lambda r: r.published)
        if readings and readings[0].published <= due:
            continue
        status = "late" if readings else "pending" if today <= due else "none"
        out.append(Interpretation(n, due, readings, status))
    return out


# -- check ---------------------------------------------------------------------------------------
def note(site: Site, catalog_path: Path, problems: Problems, today: dt.date | None = None) -> None:
    """`check`: one 说明 per kind found (counts only; `site-builder report` lists the rows), and
    a 注意 on each policy document published without its 解读."""
    found = findings(site, today or dt.date.today())
    for i in found.interpretation_missing:
        n = i.notice
        text = msg.INTERPRETATION_LATE_WARNING if i.readings else msg.INTERPRETATION_MISSING
        problems.warn(n.source, n.kind_line, "文件类型", text.format(
            kind=n.doc_kind, published=n.published.isoformat(), due=i.due.isoformat(),
            late=i.readings[0].published.isoformat() if i.readings else ""),
            msg.INTERPRETATION_MISSING_HINT.format(id=n.id))
    lines = summary_lines(found)
    if lines:
        problems.note(catalog_path, None, None,
                      msg.COMPLIANCE_TITLE.format(today=found.today.isoformat()) + "".join(
                          f"\n      · {line}" for line in lines), msg.COMPLIANCE_HINT)


def summary_lines(found: Findings) -> list[str]:
    """The count of each kind found, as short sentences (nothing for a kind with none)."""
    stale = sum(1 for c in found.columns if c.status == "stale")
    empty = sum(1 for c in found.columns if c.status == "empty")
    lines = [
        (len(found.late), msg.COMPLIANCE_LATE.format(count=len(found.late))),
        (len(found.overdue), msg.COMPLIANCE_OVERDUE.format(count=len(found.overdue))),
        (stale + empty, msg.COMPLIANCE_STALE.format(count=stale, empty=empty,
                                                    months=STALE_MONTHS)),
        (found.home_stale and found.newest is not None, msg.COMPLIANCE_HOME.format(
            date=found.newest.published.isoformat() if found.newest else "",
            days=HOME_STALE_DAYS)),
        (len(found.publicity_without_result), msg.COMPLIANCE_PUBLICITY.format(
            count=len(found.publicity_without_result))),
        (len(found.interpretation_missing), msg.COMPLIANCE_INTERPRETATION.format(
            count=len(found.interpretation_missing), days=vocab.INTERPRETATION_DAYS)),
        (len(found.consultation_without_adoption), msg.COMPLIANCE_CONSULTATION.format(
            count=len(found.consultation_without_adoption))),
    ]
    return [text for count, text in lines if count]

