"""Printed matter for paper boards and service halls, and the `site-builder print` command.

- **Poster** (公示栏版) of a notice: A4 portrait, large title, 发布机构, 发布日期, the 公示期 in
  working days when the catalog item sets one, a QR code of the notice page at least 4 cm wide;
  the title and the QR code are on the first sheet, long text continues on further sheets.
- **Board pack** (公开栏张贴包) of a township or village: a cover sheet (name, date, QR codes of
  its page and of the five disclosures, the list of notices) and the poster of each notice.
- **QR sheets** (政务公开专区): the home page, the five disclosures and every domain; per
  township its page and each of its villages (一村一码), with label and URL: more than 12 go on
  several A4 sheets titled （一）（二）… (9 a sheet when long URLs make the codes larger).
- Every printed code is at least 33 mm wide with modules of at least 1 mm (`printed_mm`), so it
  still reads in a phone's photo with glare, tilt and blur (tests/test_qr_photo.py).
- Every document (cover, each poster, a set of sheets) is numbered on its own (第 2 页，共 5 页);
  continuation pages carry 「（续）<标题>」.

Documents are HTML made from the model, so nothing depends on `site/` being built or current; the
QR codes are the same as the site's (same cache, same absolute URLs). Bodies are Markdown rendered
by the same renderer as the site's pages (bodies.py).
PDFs are printed by headless Chromium (pdf.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..base import dates, lock, urls, vocab
from ..base import messages as msg
from ..base.problems import format_report
from ..model.site import Notice, Site, Township, Village
from ..output import bodies, qr
from ..output.render import e, index_number
from ..pipeline import CACHE_DIR, Project, read_and_check
from . import pdf

# Printed QR sizes: the width of the symbol itself (quiet zone not counted). A code is printed at
# its nominal width, or larger when its modules would be under MIN_MODULE_MM (a longer URL has
# more modules), and never under MIN_QR_MM. tests/test_qr_photo.py photographs every printed
# code (glare over 10 %, tilt, 15° rotation, blur of radius 2 at 150 dpi): modules of 0.76 mm
# (25 mm, version 4) failed every time, from about 0.95 mm on nearly all decode (issue 13,
# docs/performance.md).
MIN_MODULE_MM = 1.0
MIN_QR_MM = 25  # about the least a phone reads from a step away on a wall
POSTER_QR_MM = 42  # "at least 4 cm"
COVER_MAIN_QR_MM = 38
COVER_CATEGORY_QR_MM = 33  # the five 五公开 codes (were 20 mm, then 25 mm)
RUNNING_MAX = 32  # characters of a title in the 「（续）…」 line of continuation pages
# QR sheets: 3 columns, each code with its label and URL, all of one sheet set at one size; 4 rows
# to an A4 sheet while the codes are at most SHEET_FOUR_ROWS_MM, else 3 (longer URLs, larger
# codes). More entries go on several sheets, never on smaller codes.
SHEET_COLUMNS = 3
SHEET_QR_MM = 33
SHEET_FOUR_ROWS_MM = 33
DEFAULT_OUT = "print"


# -- choosing notices ----------------------------------------------------------------------------
@dataclass
class Selection:
    notices: list[Notice]
    scope: str  # e.g. "2026年11月16日以来发布的信息", shown on the cover


def select(site: Site, township: Township, village: Village | None, since: dt.date | None,
           until: dt.date | None, latest: int | None) -> Selection:
    """The notices of a township (or one village) to post, newest first. On-request notices have
    no public text and are left out."""
    chosen = [n for n in site.notices
              if n.township_id == township.id and not n.on_request
              and (village is None or n.village_id == village.id)
              and (since is None or n.published >= since)
              and (until is None or n.published <= until)]
    if latest is not None:
        chosen = chosen[:latest]
    parts = []
    if since and until:
        parts.append(msg.SCOPE_BETWEEN.format(since=dates.cn(since), until=dates.cn(until)))
    elif since:
        parts.append(msg.SCOPE_SINCE.format(since=dates.cn(since)))
    elif until:
        parts.append(msg.SCOPE_UNTIL.format(until=dates.cn(until)))
    if latest is not None:
        parts.append(msg.SCOPE_LATEST.format(count=latest))
    return Selection(chosen, msg.SCOPE_JOIN.join(parts))


def this_week(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=today.weekday())


def notice_period(site: Site, n: Notice) -> tuple[dt.date, dt.date, int] | None:
    """The 公示期 (first day, last day, working days) when the notice's item sets one."""
    days = site.item_by_id[n.item_id].time_limit.notice_days
    if not days:
        return None
    first, last = dates.workday_span(n.published, days)
    return first, last, days


# -- HTML ----------------------------------------------------------------------------------------
def document(title: str, sections: Sequence[str], running: str | None = None,
             css: str = "") -> str:
    """A printable HTML document. Its pages are numbered on their own (第 2 页，共 5 页), and with
    `running` its continuation pages carry a short line 「（续）<running>」, so a sheet posted
    apart from the others is still known. `css` is added after paper.css (the archive's)."""
    css = (Path(__file__).parent / "paper.css").read_text(encoding="utf-8") + css
    return (f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{e(title)}</title><style>{css}{_margins(running)}</style></head>"
            f"<body>{''.join(sections)}</body></html>\n")


def _margins(running: str | None) -> str:
    number = _css_content(msg.PAGE_NUMBER, page="counter(page)", pages="counter(pages)")
    css = f"@page {{ @bottom-center {{ content: {number}; }} }}"
    if running:
        if len(running) > RUNNING_MAX:
            running = running[:RUNNING_MAX - 1] + "…"
        line = _css_content(msg.RUNNING_LINE, title=_css_string(running))
        css += (f"@page {{ @top-center {{ content: {line}; }} }}"
                "@page :first { @top-center { content: none; } }")
    return css


def _css_string(text: str) -> str:
    """`text` as a CSS string literal, safe inside <style>."""
    escaped = "".join(c if c.isalnum() or c in " （）·、，。-" else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def _css_content(template: str, **values: str) -> str:
    """A message with {fields} as a CSS `content` value: the text as strings, each field
    replaced by the CSS given for it (counter(page), a string …)."""
    import string

    parts = []
    for text, field, _, _ in string.Formatter().parse(template):
        if text:
            parts.append(_css_string(text))
        if field is not None:
            parts.append(values[field])
    return " ".join(parts)


def poster(site: Site, n: Notice, cache: qr.QrCache) -> str:
    url = urls.absolute(site.info.base_url, urls.notice(n.id))
    rows = [(msg.F_PUBLISHER, n.publisher), (msg.F_PUBLISHED, dates.cn(n.published))]
    period = notice_period(site, n)
    if period:
        first, last, days = period
        rows.append((msg.POSTER_PERIOD, msg.POSTER_PERIOD_VALUE.format(
            first=dates.cn(first), last=dates.cn(last), days=days)))
    if n.doc_number:
        rows.append((msg.F_DOC_NO, n.doc_number))
    rows.append((msg.F_INDEX_NO, index_number(site, n)))
    meta = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in rows)
    summary = f'<p class="poster__summary">{e(n.summary)}</p>' if n.summary else ""
    return (
        f'<section class="poster">'
        f'<p class="poster__site">{e(msg.POSTER_SITE.format(site=site.info.name))}</p>'
        f'<h1 class="poster__title">{e(n.title)}</h1>'
        f'<div class="poster__info"><dl class="poster__meta">{meta}</dl>'
        f'{_qr_figure(cache, url, printed_mm(POSTER_QR_MM, url), msg.QR_SCAN_PRINT, url)}'
        f'</div>'
        f'{summary}<div class="poster__body">{body_html(n)}</div>{_attachments(n)}'
        f"</section>"
    )


def printed_mm(nominal: float, *code_urls: str) -> float:
    """The printed width of the symbol of these codes (one size for all of them): `nominal`, or
    more so that no module is under MIN_MODULE_MM, and at least MIN_QR_MM."""
    modules = max(17 + 4 * qr.version_of(url) for url in code_urls)
    return max(nominal, MIN_QR_MM, modules * MIN_MODULE_MM)


def _qr_figure(cache: qr.QrCache, url: str, symbol_mm: float, caption: str, note: str,
               cls: str = "qr") -> str:
    svg = qr.inline_svg(cache, url, symbol_mm, msg.QR_ALT.format(url=url))
    return (f'<figure class="{cls}">{svg}<figcaption><strong>{e(caption)}</strong>'
            f'<span class="qr__note">{e(note)}</span></figcaption></figure>')


def _attachments(n: Notice) -> str:
    if not n.attachments:
        return ""
    items = "".join(f"<li>{e(a.title)}</li>" for a in n.attachments)
    return (f'<section class="poster__att"><h2>{e(msg.ATTACHMENTS)}</h2><ul>{items}</ul>'
            f'<p>{e(msg.POSTER_ATTACHMENTS_ONLINE)}</p></section>')


_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]+)(")')


def body_html(n: Notice) -> str:
    """The notice body as HTML; pictures beside the notice are shown from their files."""
    html = bodies.render_one(n.body).html

    def local(m: re.Match[str]) -> str:
        src = m.group(2)
        if urlsplit(src).scheme or src.startswith(("/", "#")):
            return m.group(0)
        path = (n.source.parent / unquote(src)).resolve()
        return f"{m.group(1)}{e(path.as_uri())}{m.group(3)}" if path.is_file() else m.group(0)

    return _IMG_SRC.sub(local, html)


def cover(site: Site, township: Township, village: Village | None, selection: Selection,
          cache: qr.QrCache, today: dt.date) -> str:
    place = f"{township.name}{village.name}" if village else township.name
    (_, main_url), *categories = cover_codes(site, township, village)
    scope = msg.COVER_SCOPE.format(scope=selection.scope, count=len(selection.notices))
    main = _qr_figure(cache, main_url, printed_mm(COVER_MAIN_QR_MM, main_url),
                      msg.COVER_MAIN_QR.format(place=place), main_url)
    category_mm = printed_mm(COVER_CATEGORY_QR_MM, *(url for _, url in categories))
    return (
        f'<section class="cover">'
        f'<p class="cover__site">{e(site.info.name)}</p>'
        f'<h1 class="cover__title">{e(place)}{e(msg.COVER_TITLE)}</h1>'
        f'<p class="cover__date">{e(dates.cn(today))}</p><p class="cover__scope">{e(scope)}</p>'
        f'<div class="cover__codes"><div class="cover__main">{main}</div>'
        f'<div class="cover__categories"><h2>{e(msg.COVER_CATEGORIES)}</h2>'
        f"{_grid(cache, categories, category_mm, 3, with_url=False)}</div></div>"
        f"<h2>{e(msg.COVER_CONTENTS)}</h2>{_contents(site, selection.notices)}"
        f"</section>"
    )


def cover_codes(site: Site, township: Township, village: Village | None
                ) -> list[tuple[str, str]]:
    """(label, absolute URL) of the cover's codes: the township's (or village's) page, then the
    five disclosures."""
    base = site.info.base_url
    if village:
        main = (village.name, urls.absolute(base, urls.village(township.id, village.id)))
    else:
        main = (township.name, urls.absolute(base, urls.township(township.id)))
    return [main, *((c.name, urls.absolute(base, urls.category(c.id)))
                     for c in vocab.CATEGORIES)]


def _contents(site: Site, notices: Sequence[Notice]) -> str:
    rows = []
    for number, n in enumerate(notices, start=1):
        period = notice_period(site, n)
        until = msg.COVER_PERIOD.format(last=dates.cn(period[1])) if period else ""
        rows.append(f"<tr><td>{number}</td><td>{e(n.title)}</td>"
                    f"<td>{e(dates.cn(n.published))}</td><td>{e(until)}</td></tr>")
    return (f'<table class="cover__list"><thead><tr><th>{e(msg.COVER_NO)}</th>'
            f"<th>{e(msg.F_TITLE)}</th><th>{e(msg.F_PUBLISHED)}</th>"
            f"<th>{e(msg.POSTER_PERIOD)}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _grid(cache: qr.QrCache, entries: Sequence[tuple[str, str]], symbol_mm: float,
          columns: int, with_url: bool = True) -> str:
    cells = []
    for label, url in entries:
        svg = qr.inline_svg(cache, url, symbol_mm, msg.QR_ALT.format(url=url))
        note = f'<span class="qr__note">{_breakable(url)}</span>' if with_url else ""
        cells.append(f"<li>{svg}<strong>{e(label)}</strong>{note}</li>")
    return (f'<ul class="qr-grid qr-grid--{columns}" style="--columns: {columns}">'
            f'{"".join(cells)}</ul>')


def _breakable(url: str) -> str:
    """The URL as HTML that wraps after a slash (…gov.cn/c/ | juece/), not inside a word."""
    scheme, _, rest = url.partition("://")
    return e(f"{scheme}://") + "/<wbr>".join(e(part) for part in rest.split("/"))


def sheet(site: Site, title: str, subtitle: str, entries: Sequence[tuple[str, str]],
          cache: qr.QrCache) -> list[str]:
    """A4 sheets of labelled QR codes, one section per sheet: one sheet while the entries fit
    (12, or 9 when long URLs make the codes larger than SHEET_FOUR_ROWS_MM), else as few
    sheets as hold them (entries shared out evenly, in order), titled 「…（一）」「…（二）」."""
    symbol_mm = printed_mm(SHEET_QR_MM, *(url for _, url in entries))
    columns = SHEET_COLUMNS
    most = columns * (4 if symbol_mm <= SHEET_FOUR_ROWS_MM else 3)
    count = -(-len(entries) // most)
    size = -(-len(entries) // count)
    info = site.info
    foot = msg.SHEET_FOOT.format(sponsor=info.sponsor, phone=info.contact.phone,
                                 url=info.base_url)
    sections = []
    for number in range(count):
        heading = title if count == 1 else msg.SHEET_PART.format(title=title,
                                                                 number=cn_number(number + 1))
        chunk = entries[number * size:(number + 1) * size]
        sections.append(f'<section class="sheet"><h1 class="sheet__title">{e(heading)}</h1>'
                        f'<p class="sheet__subtitle">{e(subtitle)}</p>'
                        f"{_grid(cache, chunk, symbol_mm, columns)}"
                        f'<p class="sheet__foot">{e(foot)}</p></section>')
    return sections


_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (sheet numbers, 1–99)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _DIGITS[ones]
    return f"{_DIGITS[tens] if tens > 1 else ''}十{_DIGITS[ones] if ones else ''}"


def hall_codes(site: Site) -> list[tuple[str, str]]:
    """(label, absolute URL) of the service-hall sheet: home, the five disclosures, domains."""
    base = site.info.base_url
    entries = [(msg.SHEET_HOME, base)]
    entries += [(c.name, urls.absolute(base, urls.category(c.id))) for c in vocab.CATEGORIES]
    entries += [(d.name, urls.absolute(base, urls.domain(d.id))) for d in site.domains]
    return entries


def township_codes(site: Site, township: Township) -> list[tuple[str, str]]:
    """(label, absolute URL) of a township's sheet: its page, then each village's (一村一码)."""
    base = site.info.base_url
    entries = [(msg.SHEET_TOWNSHIP_SELF.format(township=township.name),
                urls.absolute(base, urls.township(township.id)))]
    entries += [(v.name, urls.absolute(base, urls.village(township.id, v.id)))
                for v in township.villages]
    return entries


def hall_sheet(site: Site, cache: qr.QrCache) -> list[str]:
    return sheet(site, msg.SHEET_HALL_TITLE.format(site=county_name(site)),
                 msg.SHEET_HALL_SUBTITLE, hall_codes(site), cache)


def township_sheet(site: Site, township: Township, cache: qr.QrCache) -> list[str]:
    return sheet(site, msg.SHEET_TOWNSHIP_TITLE.format(township=township.name),
                 msg.SHEET_TOWNSHIP_SUBTITLE, township_codes(site, township), cache)


def county_name(site: Site) -> str:
    """望川县 from 望川县人民政府信息公开 (the site name), for sheet titles."""
    m = re.match(r"^(.+?[县区市旗])", site.info.name)
    return m.group(1) if m else site.info.name


# -- the command ---------------------------------------------------------------------------------
class PrintError(Exception):
    """A request that cannot be printed; the message says why and what to do, in Chinese."""


@dataclass
class Part:
    """One printed document: numbered from its own first page, continuation pages marked with
    「（续）<running>」 when set. A PDF is made of one or more parts."""

    title: str
    sections: list[str]
    running: str | None = None


@dataclass
class Job:
    parts: list[Part]
    pdf: Path
    summary: str  # the line printed after the file name
    codes: tuple[tuple[str, str], ...] = ()  # (label, absolute URL) of every QR code printed
    keep_existing: bool = False  # a pack: an earlier one of the day is kept, not overwritten


def command(project: Project, args: argparse.Namespace, today: dt.date | None = None) -> int:
    """`site-builder print`: returns the exit code; messages go to stdout/stderr in Chinese."""
    today = today or dt.date.today()
    if args.village and not args.township:
        print(msg.PRINT_VILLAGE_NEEDS_TOWNSHIP, file=sys.stderr)
        return 2
    if not (args.township or args.notice or args.sheets):
        print(msg.PRINT_NOTHING, file=sys.stderr)
        return 2
    site, problems = read_and_check(project)
    if site is None:
        print(format_report(list(problems)), file=sys.stderr)
        print(msg.PRINT_INPUT_ERRORS, file=sys.stderr)
        return 1
    out = (project.root / args.out) if not Path(args.out).is_absolute() else Path(args.out)
    cache = qr.QrCache(project.root / CACHE_DIR)
    try:
        jobs = _jobs(site, args, cache, out, today)
    except PrintError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    browser = pdf.ready_browser()
    if browser is None:
        return 1
    try:  # site/ is read: not while a build swaps it
        with lock.acquire_reader(project.root / CACHE_DIR):
            _warn_unpublished(project, site, jobs)
    except lock.Busy as exc:
        print(str(exc), file=sys.stderr)
        return 1
    replaced = _keep_or_replace(jobs, project.root)
    try:
        _render(jobs, browser)
    except pdf.RenderError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for job in jobs:
        shown = _shown_path(job.pdf, project.root)
        print(msg.PRINT_DONE.format(path=shown, pages=pdf.page_count(job.pdf),
                                    what=job.summary))
    for path in replaced:
        print(msg.PRINT_REPLACED.format(path=_shown_path(path, project.root)))
    return 0


def _keep_or_replace(jobs: list[Job], root: Path) -> list[Path]:
    """A pack already printed today (perhaps with another selection) is kept: this one gets a
    numbered name (…-2.pdf), and the clerk is told. Other files are replaced, and the clerk is
    told which (returned)."""
    replaced = []
    for job in jobs:
        if not job.pdf.exists():
            continue
        if not job.keep_existing:
            replaced.append(job.pdf)
            continue
        number = 2
        while (free := job.pdf.with_name(f"{job.pdf.stem}-{number}{job.pdf.suffix}")).exists():
            number += 1
        print(msg.PRINT_KEPT.format(old=_shown_path(job.pdf, root), path=_shown_path(free, root)))
        job.pdf = free
    return replaced


def _jobs(site: Site, args: argparse.Namespace, cache: qr.QrCache, out: Path,
          today: dt.date) -> list[Job]:
    jobs: list[Job] = []
    if args.township:
        jobs.append(_pack_job(site, args, cache, out, today))
    for notice_id in args.notice or []:
        n = site.notice_by_id.get(notice_id)
        if n is None:
            raise PrintError(msg.PRINT_UNKNOWN_NOTICE.format(notice=notice_id))
        if n.on_request:
            raise PrintError(msg.PRINT_ON_REQUEST.format(notice=notice_id))
        jobs.append(Job([_poster_part(site, n, cache)],
                        out / msg.FILE_POSTER.format(notice=n.id), msg.DONE_POSTER,
                        (_notice_code(site, n),)))
    if args.sheets:
        jobs.append(Job([Part(msg.SHEET_HALL_SUBTITLE, hall_sheet(site, cache))],
                        out / msg.FILE_HALL_SHEET, msg.DONE_HALL_SHEET,
                        tuple(hall_codes(site))))
        for township in site.townships:
            jobs.append(Job([Part(township.name, township_sheet(site, township, cache))],
                            out / msg.FILE_TOWNSHIP_SHEET.format(township=township.name),
                            msg.DONE_TOWNSHIP_SHEET.format(count=len(township.villages)),
                            tuple(township_codes(site, township))))
    return jobs


def _pack_job(site: Site, args: argparse.Namespace, cache: qr.QrCache, out: Path,
              today: dt.date) -> Job:
    township = _find_township(site, args.township)
    village = None
    if args.village:
        village = township.village(args.village)
        if village is None:
            raise PrintError(msg.PRINT_UNKNOWN_VILLAGE.format(
                township=township.name, village=args.village,
                villages=_choices((v.id, v.name) for v in township.villages)))
    since = _date(args.since, "--since")
    until = _date(args.until, "--until")
    if since is None and until is None and args.latest is None:
        since = this_week(today)
        print(msg.PRINT_DEFAULT_WEEK.format(since=dates.cn(since)))
    selection = select(site, township, village, since, until, args.latest)
    place = f"{township.name}{village.name}" if village else township.name
    if not selection.notices:
        raise PrintError(msg.PRINT_NO_NOTICES.format(place=place, scope=selection.scope))
    heading = f"{place}{msg.COVER_TITLE}"
    parts = [Part(heading, [cover(site, township, village, selection, cache, today)], heading)]
    parts += [_poster_part(site, n, cache) for n in selection.notices]
    name = msg.FILE_PACK.format(place=place, date=today.isoformat())
    codes = [*cover_codes(site, township, village),
             *(_notice_code(site, n) for n in selection.notices)]
    return Job(parts, out / name, msg.DONE_PACK.format(count=len(selection.notices)),
               tuple(codes), keep_existing=True)


def _notice_code(site: Site, n: Notice) -> tuple[str, str]:
    return n.id, urls.absolute(site.info.base_url, urls.notice(n.id))


def _poster_part(site: Site, n: Notice, cache: qr.QrCache) -> Part:
    return Part(n.title, [poster(site, n, cache)], n.title)


def _find_township(site: Site, ref: str) -> Township:
    for township in site.townships:
        if ref in (township.id, township.name):
            return township
    raise PrintError(msg.PRINT_UNKNOWN_TOWNSHIP.format(
        township=ref, townships=_choices((t.id, t.name) for t in site.townships)))


def _choices(pairs) -> str:
    return "、".join(f"{ident}（{name}）" for ident, name in pairs) or msg.NONE


def _date(text: str | None, option: str) -> dt.date | None:
    return option_date(text, option, PrintError) if text else None


def option_date(text: str, option: str, error: type[Exception]) -> dt.date:
    """The date a command-line option gives; `error` with what is wrong, in Chinese, if none
    (also used by `site-builder archive`)."""
    try:
        return dates.parse_date(text)
    except dates.DateError as exc:
        message = {"impossible": msg.PRINT_IMPOSSIBLE_DATE, "year": msg.PRINT_DATE_YEAR}.get(
            exc.kind, msg.PRINT_BAD_DATE)
        raise error(message.format(option=option, value=text, first=dates.MIN_YEAR,
                                   last=dates.MAX_YEAR)) from None


def _render(jobs: list[Job], browser: str) -> None:
    """Write each document beside its PDF (a temporary folder in the output folder, which a
    sandboxed browser such as Ubuntu's snap Chromium can read, unlike /tmp) and print it."""
    out = jobs[0].pdf.parent
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    try:
        _render_in(out, jobs, browser)
    except pdf.RenderError:
        if made and not any(out.iterdir()):
            out.rmdir()  # a browser that fails leaves no empty folder either
        raise


def _render_in(out: Path, jobs: list[Job], browser: str) -> None:
    with tempfile.TemporaryDirectory(prefix="tmp-", dir=out) as folder:
        work: list[tuple[list[Path], Path]] = []
        for number, job in enumerate(jobs):
            files = []
            for index, part in enumerate(job.parts):
                html = Path(folder) / f"{number}-{index}.html"
                html.write_text(document(part.title, part.sections, part.running),
                                encoding="utf-8")
                files.append(html)
            work.append((files, job.pdf))
        pdf.render(work, Path(folder), browser)


def _warn_unpublished(project: Project, site: Site, jobs: list[Job]) -> None:
    """The QR codes lead to the website: say so when the built site (mkdocs.yml's site_dir)
    is missing, or lacks pages that codes of the cover, the posters or the sheets lead to."""
    built = project.built_site()
    shown = f"{_shown_path(built, project.root)}/"
    if not built.is_dir():
        print(msg.PRINT_SITE_MISSING.format(site=shown), file=sys.stderr)
        return
    base = site.info.base_url
    codes = dict.fromkeys(code for job in jobs for code in job.codes)
    missing = [(label, url.removeprefix(base)) for label, url in codes
               if url.startswith(base) and not (built / url.removeprefix(base)
                                                / "index.html").is_file()]
    if missing:
        pages = "、".join(msg.PRINT_PAGE.format(label=label, path=f"/{path}")
                         for label, path in missing[:10])
        if len(missing) > 10:
            pages += msg.PRINT_PAGES_MORE.format(count=len(missing))
        print(msg.PRINT_PAGES_MISSING.format(site=shown, pages=pages), file=sys.stderr)


def _shown_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(msg.PRINT_BAD_LATEST.format(value=text))
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `site-builder print` (the parser itself lives in cli.py)."""
    parser.add_argument("--township", "-t", metavar=msg.TOWNSHIP_METAVAR,
                        help=msg.PRINT_TOWNSHIP_HELP)
    parser.add_argument("--village", "-v", metavar=msg.VILLAGE_METAVAR,
                        help=msg.PRINT_VILLAGE_HELP)
    parser.add_argument("--since", metavar=msg.DATE_METAVAR, help=msg.PRINT_SINCE_HELP)
    parser.add_argument("--until", metavar=msg.DATE_METAVAR, help=msg.PRINT_UNTIL_HELP)
    parser.add_argument("--latest", type=_count, metavar="N", help=msg.PRINT_LATEST_HELP)
    parser.add_argument("--notice", "-n", action="append", metavar=msg.NOTICE_METAVAR,
                        help=msg.PRINT_NOTICE_HELP)
    parser.add_argument("--sheets", action="store_true", help=msg.PRINT_SHEETS_HELP)
    parser.add_argument("--out", "-o", default=DEFAULT_OUT, metavar=msg.ROOT_METAVAR,
                        help=msg.PRINT_OUT_HELP)
