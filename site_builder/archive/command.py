"""`site-builder archive --period 2026-11-上 | --from DATE --to DATE [-o DIR]`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..base import dates, urls
from ..base import messages as msg
from ..base.problems import format_report
from ..output import qr
from ..paper import pdf
from ..paper.printing import option_date
from ..pipeline import CACHE_DIR, Project, read_and_check
from . import periods, transfer

DEFAULT_OUT = "archive"


class ArchiveError(Exception):
    """A request that cannot be made; the message says why and what to do, in Chinese."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", "-p", metavar=msg.AR_PERIOD_METAVAR,
                        help=msg.AR_PERIOD_HELP)
    parser.add_argument("--from", dest="first", metavar=msg.DATE_METAVAR,
                        help=msg.AR_FROM_HELP)
    parser.add_argument("--to", dest="last", metavar=msg.DATE_METAVAR, help=msg.AR_TO_HELP)
    parser.add_argument("--out", "-o", default=DEFAULT_OUT, metavar=msg.ROOT_METAVAR,
                        help=msg.AR_OUT_HELP)


def period_of(args: argparse.Namespace) -> periods.Period:
    if args.period and (args.first or args.last):
        raise ArchiveError(msg.AR_PERIOD_AND_DATES)
    if args.period:
        try:
            return periods.parse_period(args.period)
        except periods.PeriodError as exc:
            message = {"month": msg.AR_BAD_MONTH, "year": msg.AR_BAD_YEAR}.get(
                exc.kind, msg.AR_BAD_PERIOD)
            raise ArchiveError(message.format(value=args.period, first=dates.MIN_YEAR + 1,
                                              last=dates.MAX_YEAR)) from None
    if not (args.first and args.last):
        raise ArchiveError(msg.AR_NO_PERIOD)
    first, last = _date(args.first, "--from"), _date(args.last, "--to")
    if last < first:
        raise ArchiveError(msg.AR_DATES_REVERSED.format(first=args.first, last=args.last))
    return periods.own_period(first, last)


def _date(text: str, option: str) -> dt.date:
    return option_date(text, option, ArchiveError)


def command(project: Project, args: argparse.Namespace) -> int:
    """`site-builder archive`: returns the exit code; messages in Chinese."""
    try:
        period = period_of(args)
    except ArchiveError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    site, problems = read_and_check(project)
    if site is None:
        print(format_report(list(problems)), file=sys.stderr)
        print(msg.AR_INPUT_ERRORS, file=sys.stderr)
        return 1
    out = Path(args.out)
    out = out if out.is_absolute() else project.root / out
    browser = pdf.ready_browser()
    if browser is None:
        return 1
    print(msg.AR_PERIOD_LINE.format(
        name=period.name, first=dates.cn(period.first), last=dates.cn(period.last),
        transfer=dates.cn(period.transfer),
        moved=msg.AR_MOVED.format(due=dates.cn(period.due)) if period.moved and period.due
        else ""))
    try:
        made = transfer.write(site, period, out, qr.QrCache(project.root / CACHE_DIR), browser)
    except pdf.RenderError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(msg.AR_DONE.format(folder=_shown(made.folder, project.root),
                             zip=_shown(made.zip_path, project.root), count=len(made.entries),
                             corrections=made.corrections, attachments=made.attachments,
                             pages=made.pages))
    _warn_unpublished(project, made)
    for entry in made.entries:
        if entry.corrects:
            print(msg.AR_DONE_CORRECTION.format(title=entry.notice.title, name=entry.corrects))
    if not made.entries:
        print(msg.AR_EMPTY)
    return 0


def _warn_unpublished(project: Project, made: transfer.Transfer) -> None:
    """The QR code on each copy leads to the notice's page: say so when the built site lacks
    some of them (not built yet, or built before these notices were added)."""
    built = project.built_site()
    missing = [entry.notice.id for entry in made.entries
               if not (built / urls.notice(entry.notice.id) / "index.html").is_file()]
    if missing:
        shown = "、".join(missing[:10]) + (msg.PRINT_PAGES_MORE.format(count=len(missing))
                                           if len(missing) > 10 else "")
        print(msg.AR_PAGES_MISSING.format(site=_shown(built, project.root), notices=shown),
              file=sys.stderr)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
