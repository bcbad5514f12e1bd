"""`site-builder import`: Word documents and rosters become notices in content/notices/.

For each file: the body is converted (word.py, sheets.py), the front matter filled with what the
document says (title, 文号, 成文日期 and 发布机构 from the 落款) and what the command was told
(--item, --township, --village), the text checked for personal data at once (masked with
--mask), the notice written beside its images, and the whole project checked. The summary says
what was taken from where and what the clerk must still look at.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..base import messages as msg
from ..base.problems import Problem
from ..check import privacy
from ..check.screen import KIND_NAMES
from ..check.validate import Catalog
from ..input.yamlsrc import as_value
from ..model.site import CatalogItem, Township, Village
from ..output.bodies import signoff_lines
from ..pipeline import Project, read_and_check
from . import names, sheets, word
from .guess import Guess, ImportFailed

WORD = (*word.WORD_SUFFIXES, *word.LEGACY_SUFFIXES)
ROSTERS = sheets.SHEET_SUFFIXES


@dataclass
class Request:
    files: list[Path]
    item: str | None = None
    township: str | None = None
    village: str | None = None
    mask: bool = False
    attach: bool = False
    into: str | None = None


@dataclass
class Outcome:
    """One imported file: the notice written and the summary for the clerk."""

    source: Path
    notice: Path
    took: list[str] = field(default_factory=list)  # each field: its value and where it came from
    personal: list[str] = field(default_factory=list)  # each personal number: where, masked?
    notes: list[str] = field(default_factory=list)  # what the clerk must still look at


@dataclass
class _Place:
    item: CatalogItem | None
    township: Township | None
    village: Village | None


def import_files(project: Project, request: Request,
                 today: dt.date | None = None) -> list[Outcome]:
    today = today or dt.date.today()
    for path in request.files:
        _check_source(path)
    catalog = names.load_catalog(project)
    if request.into:
        return [_into(project, catalog, request, path) for path in request.files]
    place = _place(catalog, request)
    return [_new(project, catalog, request, place, path, today) for path in request.files]


def _check_source(path: Path) -> None:
    if not path.is_file():
        raise ImportFailed(msg.IMPORT_NO_FILE.format(file=path))
    if path.suffix.lower() not in (*WORD, *ROSTERS):
        raise ImportFailed(msg.IMPORT_UNKNOWN_TYPE.format(file=path.name,
                                                          suffix=path.suffix or msg.NONE))


def _place(catalog: Catalog, request: Request) -> _Place:
    township, village = names.resolve_place(catalog, request.township, request.village)
    if not request.item:
        raise ImportFailed(msg.IMPORT_NEED_ITEM)
    level = "村级" if village else "乡级" if township else "县级"
    item = names.resolve_item(catalog, request.item, level)
    names.check_level(item, township, village)
    return _Place(item, township, village)


# -- a new notice --------------------------------------------------------------------------------
@dataclass
class _Body:
    text: str
    title: Guess | None = None
    doc_number: Guess | None = None
    formed: Guess | None = None
    publisher: Guess | None = None
    images: list[tuple[str, bytes]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _convert(path: Path, image_prefix: str) -> _Body:
    if path.suffix.lower() in WORD:
        c = word.read_word(path, image_prefix)
        return _Body(c.body, c.title, c.doc_number, c.formed, c.publisher, c.images, c.notes)
    tables, notes = sheets.read_tables(path)
    several = len(tables) > 1
    text = "\n\n".join(t.markdown(several) for t in tables) + "\n"
    first_title = next((t.titles[0] for t in tables if t.titles), None)
    title = Guess(first_title, msg.IMPORT_WHERE_SHEET_TITLE) if first_title else \
        Guess(path.stem, msg.IMPORT_WHERE_FILE_NAME)
    return _Body(text, title=title, notes=notes)


def _new(project: Project, catalog: Catalog, request: Request, place: _Place, source: Path,
         today: dt.date) -> Outcome:
    assert place.item is not None
    notice_id = names.next_id(project, today.year, catalog)
    folder = project.content / "notices" / (place.township.id if place.township else "county")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{notice_id}.md"
    body = _convert(source, notice_id)
    outcome = Outcome(source, path)
    front = _front_matter(catalog, place, notice_id, body, today, outcome.took)
    if request.attach:
        attached = _attach(source, folder, outcome.notes)
        front.insert(-1, f"附件:\n  - {{文件: {as_value(attached)}, 名称: "
                         f"{as_value(source.stem)}}}")
    # "---", the front matter, "---", a blank line, then the body
    first_body_line = "\n".join(front).count("\n") + 5
    text = _screen(body.text, first_body_line, request.mask, project, outcome)
    for name, data in body.images:
        (folder / name).write_bytes(data)
        outcome.notes.append(msg.IMPORT_IMAGE_SAVED.format(path=_rel(project, folder / name)))
    path.write_text("---\n" + "\n".join(front) + "\n---\n\n" + text, encoding="utf-8")
    outcome.notes.extend(body.notes)
    return outcome


def _front_matter(catalog: Catalog, place: _Place, notice_id: str, body: _Body,
                  today: dt.date, report: list[str]) -> list[str]:
    item = place.item
    assert item is not None
    domain = next(d for d in catalog.domains if d.id == item.domain_id)
    lines = [f"id: {notice_id}"]
    title = body.title.value if body.title else msg.NEW_DEFAULT_TITLE
    lines.append(f"标题: {as_value(title)}" + _said(body.title, report, "标题"))
    lines.append(f"事项: {item.id}   # {item.name}（{domain.name}，{item.category}）")
    if place.township:
        lines.append(f"乡镇: {place.township.id}   # {place.township.name}")
    if place.village:
        lines.append(f"村: {place.village.id}   # {place.village.name}")
    publisher = body.publisher.value if body.publisher else \
        names.publisher_of(catalog, item, place.township)
    lines.append(f"发布机构: {as_value(publisher)}" + _said(body.publisher, report, "发布机构",
                                                          msg.IMPORT_DEFAULT_PUBLISHER))
    formed = body.formed.value if body.formed else today.isoformat()
    lines.append(f"成文日期: {formed}" + _said(body.formed, report, "成文日期",
                                           msg.IMPORT_DEFAULT_TODAY))
    lines.append(f"发布日期: {max(today.isoformat(), formed)}")
    number = as_value(body.doc_number.value) if body.doc_number else ""
    lines.append(f"文号: {number}".rstrip() + _said(body.doc_number, report, "文号",
                                                  msg.IMPORT_NO_NUMBER))
    lines.append("公开属性: 主动公开   # 主动公开 / 依申请公开 / 不予公开")
    return lines


def _said(found: Guess | None, report: list[str], field_name: str,
          missing: str | None = None) -> str:
    """The YAML comment after a field, and a line of the summary: where its value came from."""
    if found is not None:
        report.append(msg.IMPORT_TOOK.format(field=field_name, value=found.value,
                                             where=found.where))
        return f"   # {found.where}{msg.IMPORT_CHECK_IT}"
    if missing is None:
        report.append(msg.IMPORT_MISSING_TITLE)
        return ""
    report.append(msg.IMPORT_MISSING.format(field=field_name, what=missing))
    return f"   # {missing}"


def _attach(source: Path, folder: Path, report: list[str]) -> str:
    target = folder / source.name
    if target.exists() and target.resolve() != source.resolve():
        raise ImportFailed(msg.IMPORT_ATTACH_EXISTS.format(file=target.name))
    if target.resolve() != source.resolve():
        shutil.copy2(source, target)
    report.append(msg.IMPORT_ATTACHED.format(file=source.name))
    return source.name


def _screen(text: str, first_line: int, mask: bool, project: Project,
            outcome: Outcome) -> str:
    """The personal-data check at once: every finding reported by line; masked with --mask."""
    lines = text.split("\n")
    found = privacy.scan_lines(lines, first_line)
    if not found:
        return text
    patterns = _patterns(project)
    for loc in found:
        outcome.personal.append((msg.IMPORT_PII_MASKED if mask else msg.IMPORT_PII_FOUND).format(
            line=loc.line, column=loc.column, kind=KIND_NAMES[loc.finding.kind],
            shown=privacy.shown(loc.finding, patterns)))
    if mask:
        # inside an HTML table Markdown escapes are not read: 138****1234 there, not 138\\*…
        in_html = {loc.line for loc in found if lines[loc.line - first_line].lstrip()
                   .startswith("<")}
        text = privacy.mask_lines(text, [f for f in found if f.line not in in_html], patterns,
                                  first_line, markdown=True)
        return privacy.mask_lines(text, [f for f in found if f.line in in_html], patterns,
                                  first_line)
    outcome.notes.append(msg.IMPORT_PII_HINT)
    return text


def _patterns(project: Project) -> dict[str, privacy.Pattern]:
    try:
        return names.load_catalog(project).settings.privacy.patterns
    except ImportFailed:
        return dict(privacy.DEFAULT_PATTERNS)


# -- into an existing notice ---------------------------------------------------------------------
def _into(project: Project, catalog: Catalog, request: Request, source: Path) -> Outcome:
    assert request.into is not None
    found = names.notice_file(project, request.into)
    if len(found) != 1:
        raise ImportFailed(msg.IMPORT_INTO_UNKNOWN.format(notice=request.into))
    path = found[0]
    if source.suffix.lower() not in ROSTERS:
        raise ImportFailed(msg.IMPORT_INTO_ROSTERS.format(file=source.name))
    outcome = Outcome(source, path)
    tables, notes = sheets.read_tables(source)
    added = "\n\n".join(t.markdown(len(tables) > 1) for t in tables)
    text = path.read_text(encoding="utf-8")
    head, end = _split(text)
    if end is None:
        raise ImportFailed(msg.IMPORT_INTO_BROKEN.format(file=_rel(project, path)))
    body = _insert(text[end:], added)
    if request.attach:
        _attach(source, path.parent, outcome.notes)
        outcome.notes.append(msg.IMPORT_ATTACH_BY_HAND.format(file=source.name))
    body = _screen(body, head.count("\n") + 1, request.mask, project, outcome)
    path.write_text(text[:end] + body, encoding="utf-8")
    outcome.notes.extend(notes)
    return outcome


def _split(text: str) -> tuple[str, int | None]:
    """The front matter with its closing line, and where the body starts."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, None
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            head = "\n".join(lines[: index + 1]) + "\n"
            return head, len(head)
    return text, None


def _insert(body: str, added: str) -> str:
    """The tables before the 落款 if the body ends with one, else at its end."""
    paragraphs = body.rstrip("\n").split("\n\n")
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 3, 0) - 1, -1):
        if signoff_lines(paragraphs[index].strip().split("\n")):
            return "\n\n".join([*paragraphs[:index], added, *paragraphs[index:]]) + "\n"
    return body.rstrip("\n") + "\n\n" + added + "\n"


# -- the check -----------------------------------------------------------------------------------
def check_imported(project: Project, outcomes: list[Outcome]) -> list[Problem]:
    """The whole project checked; the problems in the imported notices (and their files)."""
    _, problems = read_and_check(project)
    written = {_rel(project, o.notice) for o in outcomes}
    folders = {str(Path(rel).parent) for rel in written}
    return [p for p in problems if p.file in written or
            (str(Path(p.file).parent) in folders and not p.file.endswith(".md"))]


def _rel(project: Project, path: Path) -> str:
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
