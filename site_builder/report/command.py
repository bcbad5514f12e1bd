"""`site-builder report`: the compliance report (HTML + xlsx, a short summary on the terminal)
and, with --annual, table one of the 年报."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from importlib import metadata
from pathlib import Path

from ..base import dates
from ..base import messages as msg
from ..base.problems import format_report
from ..check import compliance
from ..pipeline import Project, read_and_check
from . import html, tables, xlsx

DEFAULT_OUT = "report"
_MONTH = re.compile(r"^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*$")


class ReportError(Exception):
    """A bad option, said in Chinese."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `site-builder report` (the parser itself lives in cli.py)."""
    parser.add_argument("--today", metavar=msg.DATE_METAVAR, help=msg.REPORT_TODAY_HELP)
    parser.add_argument("--month", metavar=msg.MONTH_METAVAR, help=msg.REPORT_MONTH_HELP)
    parser.add_argument("--annual", metavar=msg.YEAR_METAVAR, help=msg.REPORT_ANNUAL_HELP)
    parser.add_argument("--out", "-o", default=DEFAULT_OUT, metavar=msg.ROOT_METAVAR,
                        help=msg.REPORT_OUT_HELP)


def command(project: Project, args: argparse.Namespace) -> int:
    try:
        today = _date(args.today, "--today") or dt.date.today()
        month = _month(args.month) if args.month else _previous_month(today)
        year = _year(args.annual) if args.annual else None
    except ReportError as exc:
        print(exc, file=sys.stderr)
        return 2
    site, problems = read_and_check(project, today, compliance_notes=False)
    if site is None:
        print(format_report(list(problems.errors)), file=sys.stderr)
        print(msg.REPORT_INPUT_ERRORS, file=sys.stderr)
        return 1
    out = project.root / args.out
    if year is not None:
        return _annual(site, year, out)
    found = compliance.findings(site, today)
    summary = tables.summary(found, month)
    title = msg.REPORT_TITLE.format(site=site.info.name)
    lines = [msg.REPORT_GENERATED.format(today=today.isoformat(),
                                         now=dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
             calendar_line(found)]
    report = tables.report_tables(site, found, month)
    name = msg.REPORT_FILE.format(today=today.isoformat())
    written = [_write_html(out / f"{name}.html", html.document(title, lines, summary, report))]
    written.append(out / f"{name}.xlsx")
    xlsx.write(written[-1], summary, [*report, tables.monthly_rows(tables.Rows(site), found)])
    print(msg.REPORT_SUMMARY_TITLE.format(site=site.info.name, today=today.isoformat()))
    for key, value in summary:
        print(msg.REPORT_SUMMARY_LINE.format(label=key, count=value))
    for path in written:
        print(msg.REPORT_WRITTEN.format(path=_rel(path, project.root)))
    return 0


def calendar_line(found: compliance.Findings) -> str:
    """Which holiday calendar the working days come from, and the years it does not know."""
    last = found.today.year + 2
    while last > 2004 and not dates.calendar_known(dt.date(last, 6, 1)):
        last -= 1
    unknown = ""
    if found.unknown_years:
        unknown = msg.REPORT_CALENDAR_UNKNOWN.format(
            years="、".join(str(y) for y in sorted(found.unknown_years)))
    return msg.REPORT_CALENDAR.format(version=metadata.version("chinese-calendar"), last=last,
                                      unknown=unknown)


def _annual(site, year: int, out: Path) -> int:
    table = tables.annual_table(site, year)
    name = msg.ANNUAL_FILE.format(year=year)
    title = f"{site.info.name} {table.title}"
    written = [_write_html(out / f"{name}.html", html.document(title, [], [], [table]))]
    written.append(out / f"{name}.xlsx")
    xlsx.write(written[-1], [], [table])
    for row in table.rows:
        print(msg.SUM_ANNUAL_ROW.format(label=row[0].text, issued=row[1].text,
                                        repealed=row[2].text, valid=row[3].text))
    for path in written:
        print(msg.REPORT_WRITTEN.format(path=_rel(path, site.root)))
    return 0


def _write_html(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dates.parse_date(text)
    except dates.DateError as exc:
        message = {"impossible": msg.PRINT_IMPOSSIBLE_DATE, "year": msg.PRINT_DATE_YEAR}.get(
            exc.kind, msg.PRINT_BAD_DATE)
        raise ReportError(message.format(option=option, value=text, first=dates.MIN_YEAR,
                                         last=dates.MAX_YEAR)) from None


def _month(text: str) -> str:
    m = _MONTH.match(text)
    if not m or not 1 <= int(m[2]) <= 12 or not dates.MIN_YEAR <= int(m[1]) <= dates.MAX_YEAR:
        raise ReportError(msg.REPORT_BAD_MONTH.format(value=text))
    return f"{int(m[1]):04d}-{int(m[2]):02d}"


def _year(text: str) -> int:
    value = text.strip().removesuffix("年")
    if not value.isdigit() or not dates.MIN_YEAR <= int(value) <= dates.MAX_YEAR:
        raise ReportError(msg.REPORT_BAD_YEAR.format(value=text, first=dates.MIN_YEAR,
                                                     last=dates.MAX_YEAR))
    return int(value)


def _previous_month(today: dt.date) -> str:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.strftime("%Y-%m")
