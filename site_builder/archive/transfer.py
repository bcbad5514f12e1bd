"""One transfer (移交) to the county archive and library: a folder and a .zip of it.

    archive/2026-10-上/
      001-2026-0123/2026-0123.pdf   each notice as an A4 PDF (print engine of paper/: title,
      001-2026-0123/名单.xlsx         metadata block, summary, body, attachment list, QR code of
      002-…                           its page) and its attachments as published on the site
      移交清单.xlsx, 移交清单.pdf      序号, 索引号, 标题, 文号, 发布机构, 成文日期, 发布日期, 页数,
                                      file, SHA-256 of every file above, 备注 (附件, 更正)
      封面.pdf                        the cover sheet, two copies (档案馆, 图书馆): period, counts,
                                      signature lines for 移交人 and 接收人
      移交记录.json                   what was transferred: each notice's fingerprint and files
    archive/2026-10-上.zip

Only 主动公开 notices are transferred (依申请公开 ones have no public text; 不予公开 ones are
not in the model). **更正**: every transfer folder in the output folder keeps its 移交记录.json;
a notice whose source (its Markdown file, attachments and linked files) changed since the last
earlier transfer that held it is transferred again and marked 「更正」 — so keep the output
folder (or copy the records back into it) between transfers. Earlier means a transfer whose
period ended before this one starts; re-running a period ignores itself and later ones.

Re-running a period with the same input gives the same bytes: the PDFs' creation dates are set
to the transfer day (Chromium writes the clock's time; the pages themselves are the same), the
spreadsheets' and the zip's dates too. What may differ: a newer Chromium or other fonts
change the PDFs; a QR cache emptied in between does not (the codes are drawn the same).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..base import dates, urls
from ..base import messages as msg
from ..model.site import Notice, Site
from ..output import qr
from ..output.feeds import metadata_rows
from ..output.opendata import Sheet, xlsx_bytes
from ..output.render import e, index_number
from ..paper import pdf
from ..paper.printing import body_html, county_name, document, printed_mm
from .periods import Period

RECORD = "移交记录.json"
RECORD_VERSION = 1
QR_MM = 30  # nominal; printed_mm makes it larger so that modules are ≥ 1 mm (33 mm at v4)
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:[^)]*)\)")
PDF_NODE_ID = re.compile(rb"\(node(\d+)\)")  # tagged-PDF element ids (DOM node numbers)


@dataclass
class File:
    name: str  # path inside the transfer folder, "/"-separated
    sha256: str
    pages: int | None = None  # for the PDFs made here


@dataclass
class Entry:
    seq: int
    notice: Notice
    fingerprint: str
    corrects: str | None = None  # the earlier transfer that held a different version
    files: list[File] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return f"{self.seq:03d}-{self.notice.id}"

    @property
    def pages(self) -> int:
        return (self.files[0].pages or 0) if self.files else 0


@dataclass
class Transfer:
    period: Period
    entries: list[Entry]
    folder: Path
    zip_path: Path

    @property
    def corrections(self) -> int:
        return sum(1 for entry in self.entries if entry.corrects)

    @property
    def attachments(self) -> int:
        return sum(len(entry.notice.attachments) for entry in self.entries)

    @property
    def pages(self) -> int:
        return sum(entry.pages for entry in self.entries)


# -- what to transfer ----------------------------------------------------------------------------
def fingerprint(n: Notice) -> str:
    """SHA-256 over what a notice is made of: its file, its attachments and the files its body
    links to, as published (masked copies where personal data was masked)."""
    digest = hashlib.sha256(n.source.read_bytes())
    for a in n.attachments:
        digest.update(a.filename.encode("utf-8") + b"\0")
        digest.update(a.masked if a.masked is not None else a.path.read_bytes())
    for path in n.assets:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(n.masked_assets.get(path) or path.read_bytes())
    return digest.hexdigest()


def earlier_records(out: Path, period: Period) -> dict[str, tuple[str, str]]:
    """Notice id → (transfer name, fingerprint) of the last earlier transfer that held it, from
    the 移交记录.json files of the transfer folders in `out`."""
    records = []
    for path in sorted(out.glob(f"*/{RECORD}")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            last = dt.date.fromisoformat(data["last"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not ours, or damaged: it cannot tell what was transferred
        if last < period.first:
            records.append((last, data))
    found: dict[str, tuple[str, str]] = {}
    for _, data in sorted(records, key=lambda r: r[0]):
        for notice in data.get("notices", []):
            found[notice["id"]] = (data["name"], notice["fingerprint"])
    return found


def collect(site: Site, period: Period, earlier: dict[str, tuple[str, str]]) -> list[Entry]:
    """The 主动公开 notices published in the period, and those changed since an earlier
    transfer (更正), oldest first."""
    chosen = []
    for n in site.notices:
        if n.on_request:
            continue
        in_period = period.covers(n.published)
        before = earlier.get(n.id)
        if not in_period and before is None:
            continue
        mark = fingerprint(n)
        changed = before is not None and before[1] != mark
        if in_period or changed:
            chosen.append((n, mark, before[0] if changed and before else None))
    chosen.sort(key=lambda c: (c[0].published, c[0].id))
    return [Entry(seq, n, mark, corrects)
            for seq, (n, mark, corrects) in enumerate(chosen, start=1)]


# -- documents -----------------------------------------------------------------------------------
def _css() -> str:
    return (Path(__file__).parent / "archive.css").read_text(encoding="utf-8")


def notice_document(site: Site, n: Notice, cache: qr.QrCache) -> str:
    """A notice as the web page shows it, on A4: title, metadata block, summary, body,
    attachments, and the QR code of its page with the URL."""
    url = urls.absolute(site.info.base_url, urls.notice(n.id))
    rows = metadata_rows(site, n)
    if n.keywords:
        rows.append((msg.F_KEYWORDS, "、".join(n.keywords)))
    meta = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    summary = f'<p class="ar-summary">{e(n.summary)}</p>' if n.summary else ""
    attachments = ""
    if n.attachments:
        items = "".join(f"<li>{e(a.title)}（{e(a.filename)}）</li>" for a in n.attachments)
        attachments = (f'<section class="ar-att"><h2>{e(msg.ATTACHMENTS)}</h2><ul>{items}</ul>'
                       f"<p>{e(msg.AR_ATTACHMENTS_BESIDE)}</p></section>")
    svg = qr.inline_svg(cache, url, printed_mm(QR_MM, url), msg.QR_ALT.format(url=url))
    code = (f'<figure class="ar-qr">{svg}<figcaption><strong>{e(msg.QR_SCAN_PRINT)}</strong>'
            f'<span>{e(url)}</span></figcaption></figure>')
    section = (f'<section class="ar-notice"><p class="ar-site">{e(site.info.name)}</p>'
               f'<h1 class="ar-title">{e(n.title)}</h1>'
               f'<div class="ar-head"><table class="ar-meta">{meta}</table>{code}</div>'
               f'{summary}<div class="ar-body poster__body">{body_html(n)}</div>{attachments}'
               f"</section>")
    return document(n.title, [section], n.title, css=_css())


LIST_HEAD = (msg.AR_SEQ, msg.F_INDEX_NO, msg.AR_TITLE, msg.F_DOC_NO, msg.F_PUBLISHER,
             msg.F_FORMED, msg.F_PUBLISHED, msg.AR_PAGES, msg.AR_FILE, msg.AR_SHA256,
             msg.AR_REMARK)


def list_rows(site: Site, entries: Sequence[Entry]) -> list[list[str]]:
    """The 移交清单: a row for each notice (its PDF), then one for each of its attachments."""
    rows = []
    for entry in entries:
        n = entry.notice
        remark = msg.AR_CORRECTION.format(name=entry.corrects) if entry.corrects else ""
        main, *extra = entry.files
        rows.append([str(entry.seq), index_number(site, n), n.title, n.doc_number,
                     n.publisher, n.formed.isoformat(), n.published.isoformat(),
                     str(main.pages or ""), main.name, main.sha256, remark])
        for number, (attachment, file) in enumerate(zip(n.attachments, extra, strict=True),
                                                    start=1):
            rows.append([f"{entry.seq}-{number}", "", attachment.title, "", "", "", "", "",
                         file.name, file.sha256, msg.AR_ATTACHMENT])
    return rows


def list_document(site: Site, transfer: Transfer) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in LIST_HEAD)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                   for row in list_rows(site, transfer.entries))
    title = msg.AR_LIST_TITLE.format(name=transfer.period.name)
    section = (f'<section class="ar-list"><h1>{e(title)}</h1>'
               f"<p>{e(_scope(transfer))}</p>"
               f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
               f"<p>{e(msg.AR_LIST_NOTE)}</p></section>")
    return document(title, [section], title, css=_css() + "@page { size: A4 landscape; }")


def _scope(transfer: Transfer) -> str:
    period = transfer.period
    return msg.AR_SCOPE.format(first=dates.cn(period.first), last=dates.cn(period.last),
                               count=len(transfer.entries), corrections=transfer.corrections,
                               attachments=transfer.attachments)


def _due(period: Period) -> str:
    if period.due is None:
        return dates.cn(period.transfer)
    if period.moved:
        return msg.AR_DUE_MOVED.format(due=dates.cn(period.due),
                                       transfer=dates.cn(period.transfer))
    return dates.cn(period.transfer)


def cover_documents(site: Site, transfer: Transfer) -> list[str]:
    """The cover sheet, one copy for the archive and one for the library."""
    county = county_name(site)
    out = []
    for number, receiver in ((1, msg.AR_ARCHIVE.format(county=county)),
                             (2, msg.AR_LIBRARY.format(county=county))):
        rows = [(msg.AR_FROM, site.info.sponsor), (msg.AR_TO, receiver),
                (msg.AR_BATCH, transfer.period.name), (msg.AR_DUE, _due(transfer.period)),
                (msg.AR_RANGE, msg.AR_RANGE_VALUE.format(first=dates.cn(transfer.period.first),
                                                         last=dates.cn(transfer.period.last))),
                (msg.AR_COUNT, msg.AR_COUNT_VALUE.format(count=len(transfer.entries),
                                                         corrections=transfer.corrections)),
                (msg.AR_FILES, msg.AR_FILES_VALUE.format(attachments=transfer.attachments,
                                                         pages=transfer.pages)),
                (msg.AR_LIST, msg.AR_LIST_FILES)]
        table = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
        signs = "".join(f'<div class="ar-sign"><span>{e(who)}</span><span class="ar-line">'
                        f'</span><span>{e(msg.AR_SIGN_DATE)}</span><span class="ar-line ar-line'
                        f'--short"></span></div>' for who in (msg.AR_GIVER, msg.AR_TAKER))
        section = (f'<section class="ar-cover"><p class="ar-site">{e(site.info.name)}</p>'
                   f"<h1>{e(msg.AR_COVER_TITLE)}</h1>"
                   f'<p class="ar-copy">{e(msg.AR_COPY.format(number=number, to=receiver))}</p>'
                   f'<table class="ar-meta ar-meta--cover">{table}</table>'
                   f'<p class="ar-note">{e(msg.AR_COVER_NOTE)}</p>{signs}'
                   f'<p class="ar-note">{e(msg.AR_TWO_COPIES)}</p></section>')
        out.append(document(msg.AR_COVER_TITLE, [section], css=_css()))
    return out


# -- writing -------------------------------------------------------------------------------------
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stable_pdf(path: Path, day: dt.date) -> None:
    """Chromium writes the clock's time as the PDF's creation and modification date; set both
    to `day`. Its tagged-PDF structure also names table cells by DOM node numbers (`/ID
    (node00000016)`, referred to by `/Headers`), which depend on how many nodes the browser
    made before (they differ between runs on a busy machine): number them in order of first
    appearance. Both keep every length, so the file's offsets stay right."""
    data = path.read_bytes()

    def fixed(m: re.Match[bytes]) -> bytes:
        value = f"D:{day:%Y%m%d}000000+08'00'".encode()
        if len(value) != len(m[2]):
            return m[0]
        return b"/" + m[1] + b" (" + value + b")"

    numbers: dict[bytes, bytes] = {}

    def renumbered(m: re.Match[bytes]) -> bytes:
        width = len(m[1])
        number = numbers.setdefault(m[1], str(len(numbers) + 1).zfill(width).encode())
        return b"(node" + number + b")" if len(number) == width else m[0]

    path.write_bytes(PDF_NODE_ID.sub(renumbered, PDF_DATE.sub(fixed, data)))


def write(site: Site, period: Period, out: Path, cache: qr.QrCache, browser: str) -> Transfer:
    """Make the transfer folder and its .zip in `out` (a folder of the same period is
    replaced). Raises pdf.RenderError when Chromium fails."""
    entries = collect(site, period, earlier_records(out, period))
    out.mkdir(parents=True, exist_ok=True)
    final = out / period.name
    transfer = Transfer(period, entries, final, out / f"{period.name}.zip")
    with tempfile.TemporaryDirectory(prefix=".tmp-", dir=out) as work_name:
        work = Path(work_name)
        folder = work / period.name
        folder.mkdir()
        _notices(site, transfer, folder, work, cache, browser)
        _lists(site, transfer, folder, work, browser)
        _record(transfer, folder)
        if final.exists():
            shutil.rmtree(final)
        os.replace(folder, final)
    _zip(final, transfer.zip_path, period.transfer)
    return transfer


def _render(jobs: list[tuple[list[str], Path]], work: Path, browser: str) -> None:
    html_jobs = []
    for number, (documents, target) in enumerate(jobs):
        files = []
        for index, html in enumerate(documents):
            path = work / f"{number}-{index}.html"
            path.write_text(html, encoding="utf-8")
            files.append(path)
        html_jobs.append((files, target))
    if html_jobs:
        pdf.render(html_jobs, work, browser)


def _notices(site: Site, transfer: Transfer, folder: Path, work: Path, cache: qr.QrCache,
             browser: str) -> None:
    jobs = []
    for entry in transfer.entries:
        target = folder / entry.folder / f"{entry.notice.id}.pdf"
        target.parent.mkdir(parents=True)
        jobs.append(([notice_document(site, entry.notice, cache)], target))
    _render(jobs, work, browser)
    for entry, (_, target) in zip(transfer.entries, jobs, strict=True):
        stable_pdf(target, transfer.period.transfer)
        entry.files.append(File(f"{entry.folder}/{target.name}", sha256(target),
                                pdf.page_count(target)))
        for a in entry.notice.attachments:
            copy = target.parent / a.filename
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(a.masked if a.masked is not None else a.path.read_bytes())
            entry.files.append(File(f"{entry.folder}/{a.filename}", sha256(copy)))


def _lists(site: Site, transfer: Transfer, folder: Path, work: Path, browser: str) -> None:
    when = dt.datetime.combine(transfer.period.transfer, dt.time())
    sheet = Sheet(msg.AR_LIST_SHEET, [list(LIST_HEAD)], list_rows(site, transfer.entries),
                  widths=(6, 22, 40, 20, 20, 11, 11, 6, 30, 66, 16))
    (folder / msg.AR_LIST_XLSX).write_bytes(xlsx_bytes([sheet], when))
    targets = [folder / msg.AR_LIST_PDF, folder / msg.AR_COVER_PDF]
    _render([([list_document(site, transfer)], targets[0]),
             (cover_documents(site, transfer), targets[1])], work, browser)
    for target in targets:
        stable_pdf(target, transfer.period.transfer)


def _record(transfer: Transfer, folder: Path) -> None:
    period = transfer.period
    data = {
        "version": RECORD_VERSION, "name": period.name, "first": period.first.isoformat(),
        "last": period.last.isoformat(), "transfer": period.transfer.isoformat(),
        "notices": [{"seq": entry.seq, "id": entry.notice.id, "title": entry.notice.title,
                     "fingerprint": entry.fingerprint, "corrects": entry.corrects,
                     "files": [{"name": f.name, "sha256": f.sha256, "pages": f.pages}
                               for f in entry.files]} for entry in transfer.entries],
        "lists": {name: sha256(folder / name)
                  for name in (msg.AR_LIST_XLSX, msg.AR_LIST_PDF, msg.AR_COVER_PDF)},
    }
    (folder / RECORD).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")


def _zip(folder: Path, target: Path, day: dt.date) -> None:
    """The folder as a .zip (entries sorted, dated `day`: the same bytes on a re-run)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            member = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            archive.writestr(member, path.read_bytes())
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(buffer.getvalue())
    os.replace(temporary, target)
