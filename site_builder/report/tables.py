"""The report as tables: one per section, each row naming its page (absolute URL of the public
site) and its source file. html.py and xlsx.py write the same tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..base import messages as msg
from ..base import urls, vocab
from ..check import compliance
from ..check.compliance import Findings
from ..model import figures
from ..model.site import CatalogItem, Notice, Site

CATALOG = "catalog.yaml"  # where a column without notices is declared


@dataclass(frozen=True)
class Cell:
    text: str
    href: str = ""  # absolute URL of a page of the site
    estimated: bool = False  # computed on a year the holiday calendar does not know


@dataclass
class Table:
    key: str  # anchor in the HTML, short sheet name
    title: str
    intro: str
    head: tuple[str, ...]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""  # a line above the table (the home page's state)


class Rows:
    """Cell helpers for one site: page links and source files."""

    def __init__(self, site: Site):
        self.site = site
        self._urls: dict[str, str] = {}

    def url(self, path: str) -> str:
        if path not in self._urls:  # the same township or item page on many rows
            self._urls[path] = urls.absolute(self.site.info.base_url, path)
        return self._urls[path]

    def notice(self, n: Notice, text: str | None = None) -> Cell:
        return Cell(text or n.title, self.url(urls.notice(n.id)))

    def notices(self, notices: list[Notice], empty: str) -> Cell:
        if not notices:
            return Cell(empty)
        first = notices[0]
        text = "；".join(f"{n.title}（{n.published.isoformat()}）" for n in notices)
        return Cell(text, self.url(urls.notice(first.id)))

    def source(self, n: Notice | None, item: CatalogItem | None = None) -> Cell:
        if n is not None:
            return Cell(self.rel(n.source))
        if item is not None and item.source is not None:
            return Cell(f"{self.rel(item.source.path)}:{item.source.line}")
        return Cell("")

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.site.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def place(self, n: Notice) -> Cell:
        if not n.township_id:
            return Cell(msg.COUNTY)
        township = self.site.township_by_id[n.township_id]
        village = township.village(n.village_id) if n.village_id else None
        if village:
            return Cell(f"{township.name} · {village.name}",
                        self.url(urls.village(township.id, village.id)))
        return Cell(township.name, self.url(urls.township(township.id)))

    def item(self, item_id: str) -> Cell:
        item = self.site.item_by_id[item_id]
        return Cell(item.name, self.url(urls.item(item.id)))


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def late_table(r: Rows, found: Findings) -> Table:
    t = Table("late", msg.SEC_LATE, msg.SEC_LATE_INTRO,
              (msg.H_NOTICE, msg.H_PLACE, msg.H_ITEM, msg.H_LIMIT, msg.H_FORMED, msg.H_DUE,
               msg.H_PUBLISHED, msg.H_OVER, msg.REPORT_SOURCE))
    for late in found.late:
        n = late.notice
        over = (msg.OVER_WORKDAYS if late.workdays else msg.OVER_DAYS).format(days=late.over)
        t.rows.append([r.notice(n), r.place(n), r.item(n.item_id), Cell(late.limit),
                       Cell(_d(late.start)), Cell(_d(late.due), estimated=late.estimated),
                       Cell(_d(n.published)), Cell(over, estimated=late.estimated),
                       r.source(n)])
    return t


def overdue_table(r: Rows, found: Findings) -> Table:
    t = Table("overdue", msg.SEC_OVERDUE, msg.SEC_OVERDUE_INTRO,
              (msg.H_ITEM, msg.H_PLACE, msg.H_PERIOD, msg.H_PERIOD_ENDED, msg.H_LAST,
               msg.H_OVERDUE_DAYS, msg.REPORT_SOURCE))
    for o in found.overdue:
        last = r.notice(o.last, f"{o.last.title}（{_d(o.last.published)}）") if o.last \
            else Cell(msg.NEVER)
        t.rows.append([r.item(o.item.id), Cell(o.place, r.url(o.path)),
                       Cell(o.item.time_limit.period or ""),
                       Cell(f"{o.period}（{_d(o.start)}—{_d(o.end)}）"), last,
                       Cell(msg.OVER_DAYS.format(days=o.days)), r.source(None, o.item)])
    return t


def columns_table(r: Rows, found: Findings) -> Table:
    months = compliance.STALE_MONTHS
    t = Table("columns", msg.SEC_COLUMNS, msg.SEC_COLUMNS_INTRO.format(
        months=months, days=compliance.HOME_STALE_DAYS),
        (msg.H_COLUMN_KIND, msg.H_COLUMN, msg.H_COUNT, msg.H_LAST, msg.H_STATUS,
         msg.REPORT_SOURCE))
    if found.newest is not None:
        home = msg.SEC_HOME_STALE if found.home_stale else msg.SEC_HOME
        t.note = home.format(date=_d(found.newest.published), days=found.home_days,
                             limit=compliance.HOME_STALE_DAYS)
    status = {"empty": msg.COLUMN_EMPTY_STATUS, "stale": msg.COLUMN_STALE_STATUS.format(
        months=months), "ok": msg.COLUMN_OK_STATUS}
    order = {"empty": 0, "stale": 1, "ok": 2}
    for c in sorted(found.columns, key=lambda c: order[c.status]):
        last = r.notice(c.last, f"{c.last.title}（{_d(c.last.published)}）") if c.last \
            else Cell(msg.NEVER)
        source = r.source(c.last) if c.last or c.kind == msg.H_CATEGORY else Cell(CATALOG)
        t.rows.append([Cell(c.kind), Cell(c.name, r.url(c.path)), Cell(str(c.count)), last,
                       Cell(status[c.status]), source])
    return t


def publicity_table(r: Rows, found: Findings) -> Table:
    t = Table("publicity", msg.SEC_PUBLICITY, msg.SEC_PUBLICITY_INTRO,
              (msg.H_NOTICE, msg.H_PLACE, msg.H_PUBLICITY, msg.H_STATUS, msg.H_RESULT,
               msg.REPORT_SOURCE))
    ordered = sorted(found.publicity, key=lambda p: (not p.running, bool(p.results)))
    for p in ordered:
        state = msg.PUBLICITY_RUNNING if p.running else msg.PUBLICITY_ENDED
        t.rows.append([r.notice(p.notice), r.place(p.notice),
                       Cell(f"{_d(p.start)}—{_d(p.end)}"), Cell(state.format(end=_d(p.end))),
                       r.notices(p.results, "" if p.running else msg.PUBLICITY_NO_RESULT),
                       r.source(p.notice)])
    return t


def interpretation_table(r: Rows, found: Findings) -> Table:
    t = Table("interpretation", msg.SEC_INTERPRETATION, msg.SEC_INTERPRETATION_INTRO.format(
        days=vocab.INTERPRETATION_DAYS),
        (msg.H_NOTICE, msg.H_KIND, msg.H_PUBLISHED, msg.H_INTERPRETATION_DUE, msg.H_INTERPRETATION,
         msg.H_STATUS, msg.REPORT_SOURCE))
    for i in found.interpretations:
        status = {"none": msg.INTERPRETATION_NONE,
                  "late": msg.INTERPRETATION_LATE.format(
                      date=_d(i.readings[0].published) if i.readings else ""),
                  "pending": msg.INTERPRETATION_PENDING.format(due=_d(i.due))}[i.status]
        t.rows.append([r.notice(i.notice), Cell(i.notice.doc_kind),
                       Cell(_d(i.notice.published)), Cell(_d(i.due)),
                       r.notices(i.readings, msg.NONE), Cell(status), r.source(i.notice)])
    return t


def consultation_table(r: Rows, found: Findings) -> Table:
    t = Table("consultation", msg.SEC_CONSULTATION, msg.SEC_CONSULTATION_INTRO,
              (msg.H_NOTICE, msg.H_PUBLISHED, msg.H_DEADLINE, msg.H_FEEDBACK, msg.H_STATUS,
               msg.H_ADOPTION, msg.REPORT_SOURCE))
    for c in found.consultations:
        n = c.notice
        if c.open:
            status = msg.CONSULTATION_OPEN.format(deadline=_d(n.deadline))
        else:
            status = msg.CONSULTATION_CLOSED if c.adoptions else \
                msg.CONSULTATION_CLOSED_NO_ADOPTION
        feedback = "；".join(f"{k}：{v}" for k, v in n.feedback)
        t.rows.append([r.notice(n), Cell(_d(n.published)), Cell(_d(n.deadline)),
                       Cell(feedback), Cell(status), r.notices(c.adoptions, msg.NONE),
                       r.source(n)])
    return t


def month_table(r: Rows, found: Findings, month: str) -> Table:
    """Township × category for one month (YYYY-MM), with totals: for the monthly report."""
    names = [c.name for c in vocab.CATEGORIES]
    t = Table("counts", msg.SEC_COUNTS, msg.SEC_COUNTS_INTRO.format(month=month),
              (msg.H_TOWNSHIP, *names, msg.H_TOTAL))
    places = [("", msg.COUNTY, r.url(urls.HOME))] + [
        (tw.id, tw.name, r.url(urls.township(tw.id))) for tw in r.site.townships]
    totals = [0] * len(names)
    for key, name, url in places:
        counts = [found.counts.get((key, c, month), 0) for c in names]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        t.rows.append([Cell(name, url), *(Cell(str(v)) for v in counts), Cell(str(sum(counts)))])
    t.rows.append([Cell(msg.H_TOTAL), *(Cell(str(v)) for v in totals), Cell(str(sum(totals)))])
    return t


def monthly_rows(r: Rows, found: Findings) -> Table:
    """Every (township, category, month) with its count: the long form for spreadsheets."""
    t = Table("monthly", msg.SHEET_MONTHLY, "", (msg.H_TOWNSHIP, msg.H_CATEGORY, msg.H_MONTH,
                                                 msg.H_COUNT))
    names = {"": msg.COUNTY} | {tw.id: tw.name for tw in r.site.townships}
    order = {c.name: i for i, c in enumerate(vocab.CATEGORIES)}
    keys = sorted(found.counts, key=lambda k: (k[2], k[0] != "", list(names).index(k[0]),
                                               order[k[1]]))
    for key in keys:
        t.rows.append([Cell(names[key[0]]), Cell(key[1]), Cell(key[2]),
                       Cell(str(found.counts[key]))])
    return t


def report_tables(site: Site, found: Findings, month: str) -> list[Table]:
    r = Rows(site)
    return [late_table(r, found), overdue_table(r, found), columns_table(r, found),
            publicity_table(r, found), interpretation_table(r, found),
            consultation_table(r, found), month_table(r, found, month)]


def summary(found: Findings, month: str) -> list[tuple[str, str]]:
    """(what, how many) for the terminal and the top of the report."""
    def count(n: int) -> str:
        return msg.SUM_COUNT.format(count=n)

    home = msg.NEVER
    if found.newest is not None:
        stale = msg.SUM_HOME_STALE.format(limit=compliance.HOME_STALE_DAYS) \
            if found.home_stale else ""
        home = msg.SUM_HOME_VALUE.format(date=_d(found.newest.published), days=found.home_days,
                                         stale=stale)
    return [
        (msg.SUM_LATE, count(len(found.late))),
        (msg.SUM_OVERDUE, count(len(found.overdue))),
        (msg.SUM_EMPTY, count(sum(1 for c in found.columns if c.status == "empty"))),
        (msg.SUM_STALE.format(months=compliance.STALE_MONTHS),
         count(sum(1 for c in found.columns if c.status == "stale"))),
        (msg.SUM_HOME, home),
        (msg.SUM_PUBLICITY_RUNNING, count(sum(1 for p in found.publicity if p.running))),
        (msg.SUM_PUBLICITY, count(len(found.publicity_without_result))),
        (msg.SUM_INTERPRETATION.format(days=vocab.INTERPRETATION_DAYS),
         count(len(found.interpretation_missing))),
        (msg.SUM_CONSULTATION_OPEN, count(sum(1 for c in found.consultations if c.open))),
        (msg.SUM_CONSULTATION, count(len(found.consultation_without_adoption))),
        (msg.SUM_MONTH.format(month=month),
         count(sum(v for k, v in found.counts.items() if k[2] == month))),
    ]


def annual_table(site: Site, year: int) -> Table:
    t = Table("annual", msg.ANNUAL_TITLE.format(year=year), msg.ANNUAL_NOTE.format(year=year),
              msg.ANNUAL_HEAD)
    for row in figures.annual_rows(site, year):
        t.rows.append([Cell(row.label), Cell(str(row.issued)), Cell(str(row.repealed)),
                       Cell(str(row.valid))])
    return t
