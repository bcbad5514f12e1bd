"""Screen what will be published, during validation: personal data and unsafe HTML.

validate.py calls these for every notice and column page, pipeline.py for catalog.yaml, so that
findings are reported with every other problem (file:line:column, the value masked, the rule)
and nothing is written when one is an error. Only what is published is screened: the front
matter of every published notice; the body, the attachments and the files the body links to of
主动公开 notices and column pages, alike (the body and files of 依申请公开 notices are not put on
the site, 不予公开 notices not at all); content/assets/, which is copied as it is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..base import messages as msg
from ..base.problems import Problems
from ..input import limits
from ..input.fields import Fields
from ..input.links import local_links
from ..input.load import Document
from ..input.yamlsrc import YNode, key_at
from ..model.site import Attachment, Notice
from . import formats, normalize, privacy, rawhtml, sensitive, yamltext

NOTICE_MODE_KEY = "个人信息"
NOTICE_EXCEPTIONS_KEY = "不是个人信息"
REVIEW_KEY = "人工核查"  # files a person checked: 文件, 核查人, 日期 (docs/编写指南.md 十)
REVIEW_KEYS = ("文件", "核查人", "日期")
SETTINGS_MODE_KEY = "个人信息"
SETTINGS_PATTERNS_KEY = "遮盖格式"
LONG_TABLE = 1000  # rows: above this a body table gets a warning

KIND_NAMES = {privacy.KIND_ID: msg.PII_KIND_ID, privacy.KIND_MOBILE: msg.PII_KIND_MOBILE,
              privacy.KIND_CARD: msg.PII_KIND_CARD}
_KIND_BY_NAME = {name: kind for kind, name in KIND_NAMES.items()}
_KEY = re.compile(r"^\s*-?\s*([^\s:#][^:]*?)\s*:(?:\s|$)")


# -- settings ------------------------------------------------------------------------------------
def read_settings(f: Fields | None) -> privacy.Settings:
    """catalog.yaml 设置: 个人信息 (报错/遮盖) and 遮盖格式 (one example per kind)."""
    settings = privacy.Settings()
    if f is None:
        return settings
    settings.mode = f.choice(SETTINGS_MODE_KEY, privacy.MODES) or privacy.MODE_ERROR
    patterns = f.sub(SETTINGS_PATTERNS_KEY)
    if patterns is None:
        return settings
    for name, node in patterns.node.value.items():
        kind = _KIND_BY_NAME.get(name)
        if kind is None:
            patterns.error(name, msg.PII_PATTERN_KIND.format(kind=name), msg.PII_PATTERN_KIND_HINT)
            continue
        value = patterns.text(name) or ""
        pattern = privacy.Pattern.parse(value) if node.is_scalar else None
        if pattern is None:
            patterns.error(name, msg.PII_PATTERN_BAD.format(kind=name, value=value),
                           msg.PII_PATTERN_BAD_HINT)
        elif privacy.pattern_problem(kind, pattern):
            patterns.error(name, msg.PII_PATTERN_WEAK.format(kind=name, value=value),
                           msg.PII_PATTERN_WEAK_HINT)
        else:
            settings.patterns[kind] = pattern
    return settings


# -- notices -------------------------------------------------------------------------------------
@dataclass
class Screened:
    """What screening decided for one notice or page: mask (and what) or publish as written."""

    mask: bool = False
    exceptions: set[str] = field(default_factory=set)  # 不是个人信息, normalised
    unmaskable: set[str] = field(default_factory=set)  # reported: in an id or a file name
    found: set[str] = field(default_factory=set)  # reported (or masked) by the first scan
    body: str | None = None  # the masked body, when masking changed it
    attachments: dict[Path, bytes] = field(default_factory=dict)  # masked copies
    assets: dict[Path, bytes] = field(default_factory=dict)  # masked copies of linked files
    unchecked: list[str] = field(default_factory=list)  # files that cannot be scanned


_ATTACHED, _LINKED, _SHARED = "attached", "linked", "shared"
_FOUND = {_ATTACHED: msg.PII_FOUND_IN, _LINKED: msg.PII_FOUND_LINKED,
          _SHARED: msg.PII_FOUND_SHARED}
_UNREADABLE = {_ATTACHED: msg.PII_UNREADABLE, _LINKED: msg.PII_UNREADABLE_LINKED,
               _SHARED: msg.PII_UNREADABLE_LINKED}
_SUBJECT = {_ATTACHED: msg.SHEET_SUBJECT_ATTACHED, _LINKED: msg.SHEET_SUBJECT_LINKED,
            _SHARED: msg.SHEET_SUBJECT_SHARED}


@dataclass(frozen=True)
class _File:
    """A published file to screen: an attachment, a file the body links to, or a shared file."""

    path: Path
    name: str  # as the clerk wrote it (file name, or link target)
    how: str = _ATTACHED  # _ATTACHED (listed under 附件), _LINKED (from the body), _SHARED
    source: Path | None = None  # the notice or page that attaches or links it
    line: int | None = None  # the line there that names it


def screen_notice(doc: Document, f: Fields, active: bool, attachments: list[Attachment],
                  settings: privacy.Settings, problems: Problems,
                  assets: list[Path] | None = None, shared: Path | None = None) -> Screened:
    """Screen a published notice. `active`: 主动公开 (body, attachments and the files the body
    links to are published). `assets`: those linked files; `shared`: content/assets/, whose
    files are screened on their own (screen_shared) because they are copied as they are."""
    mode = f.choice(NOTICE_MODE_KEY, privacy.MODES) or settings.mode
    masking = mode == privacy.MODE_MASK
    exceptions = {_plain(v) for v in f.texts(NOTICE_EXCEPTIONS_KEY)}
    result = Screened(mask=masking, exceptions=exceptions)
    patterns = settings.patterns
    hint = msg.PII_HINT
    found = _keep(_front_findings(doc), exceptions)
    result.found = {_plain(loc.finding.value) for loc in found}
    names = [a.filename for a in attachments] if active else []
    if masking:
        found = _unmaskable_front(doc, found, names, patterns, problems, result.unmaskable)
    if active:
        body = _keep(privacy.scan_lines(doc.body.split("\n"), doc.body_line), exceptions)
        body = _unmaskable_links(doc, body, masking, exceptions, patterns, problems,
                                 result.unmaskable)
        found += body
        if masking and body:
            result.body = privacy.mask_lines(doc.body, body, patterns, doc.body_line,
                                             markdown=True)
        check_html(doc, problems)
        check_long_tables(doc, problems)
        sensitive.check(doc.path, doc.body, doc.body_line, problems)
    if masking:
        _note_masked(problems, doc.path, found)
    else:
        for loc in found:
            _report(problems, doc.path, loc, patterns, hint, _front_key(doc, loc.line))
    files = _files(doc, attachments, assets or [], f) if active else []
    reviewed = read_reviewed(f, [file.name for file in files], active)
    if active:
        screen_files(files, masking, exceptions, patterns, problems, result, shared,
                     reviewed=reviewed)
    return result


def _files(doc: Document, attachments: list[Attachment], assets: list[Path],
           f: Fields | None = None) -> list[_File]:
    """The files a notice or page publishes, each with the line that names it."""
    named: dict[str, int] = {}  # file name → line of its 附件 entry
    child = f.node.value.get("附件") if f is not None else None
    for node in (child.value if child is not None and child.is_seq else [child] if child else []):
        entry = node.value.get("文件") if node.is_map else node
        if entry is not None and entry.is_scalar:
            named.setdefault(entry.text().strip(), node.line)
    files = [_File(a.path, a.filename, _ATTACHED, doc.path, named.get(a.filename))
             for a in attachments]
    lines = {(doc.path.parent / link.target).resolve(): doc.body_line + link.line - 1
             for link in reversed(local_links(doc.body))}
    files += [_File(p, p.relative_to(doc.path.parent).as_posix(), _LINKED, doc.path,
                    lines.get(p.resolve())) for p in assets]
    return files


def read_reviewed(f: Fields, names: list[str], check_names: bool = True) -> set[str]:
    """人工核查: the files a person has checked (文件, 核查人, 日期), which may be published
    although they cannot be read. Each entry needs all three; the file must be one the notice
    attaches or links, the date not in the future. Returns the files declared (normalised)."""
    child = f.node.value.get(REVIEW_KEY)
    if child is None or not f.has(REVIEW_KEY):
        return set()
    if not (child.is_seq or child.is_map):
        f.error(REVIEW_KEY, msg.REVIEW_NOT_LIST, msg.REVIEW_HINT)
        return set()
    known = {_file_key(n): n for n in names}
    today = dt.date.today()
    out: set[str] = set()
    for index, node in enumerate(child.value if child.is_seq else [child], start=1):
        label = f"{REVIEW_KEY}[{index}]" if child.is_seq else REVIEW_KEY
        if not node.is_map:
            f.problems.add(f.path, node.line, label, msg.REVIEW_NOT_LIST, msg.REVIEW_HINT)
            continue
        entry = Fields(node, f.path, f.problems, label)
        entry.unknown(REVIEW_KEYS)
        name = entry.text("文件", required=True)
        who = entry.text("核查人", required=True)
        day = entry.date("日期", required=True)
        if day and day > today:
            entry.error("日期", msg.REVIEW_FUTURE.format(date=day.isoformat(),
                                                        today=today.isoformat()),
                        msg.REVIEW_FUTURE_HINT)
            day = None
        if name and check_names and _file_key(name) not in known:
            entry.error("文件", msg.REVIEW_UNKNOWN_FILE.format(name=name),
                        msg.REVIEW_UNKNOWN_FILE_HINT.format(
                            names="、".join(names) or msg.REVIEW_NO_FILES))
        elif name and who and day:
            out.add(_file_key(name))
    return out


def _file_key(name: str) -> str:
    return Path(name.strip().replace("\\", "/")).as_posix()


def screen_files(files: list[_File], masking: bool, exceptions: set[str],
                 patterns: dict[str, privacy.Pattern], problems: Problems, result: Screened,
                 shared: Path | None = None, hint: str = msg.PII_HINT_ATTACHMENT,
                 reviewed: set[str] | None = None) -> None:
    """Screen published files exactly alike, whether listed under 附件 or linked from the body:
    scanned (an error each finding, or a masked copy), unreadable (an error, unless `reviewed`
    names it: 人工核查), or pictures, audio, video (a note). Files in `shared`
    (content/assets/) are left to screen_shared, except for the note."""
    done: dict[Path, bytes | None] = {}  # a file both attached and linked is screened once
    for file in files:
        key = file.path.resolve()
        if key not in done:
            done[key] = None
            if formats.is_picture(file.name):
                result.unchecked.append(file.name)
            elif shared is None or shared.resolve() not in key.parents:
                done[key] = _screen_file(file, masking, exceptions, patterns, problems, result,
                                         hint, reviewed or set())
            else:  # its personal data is screen_shared's; that it cannot be read is ours
                scanned = privacy.scan_file(file.path)
                if scanned.unreadable and _file_key(file.name) not in (reviewed or set()):
                    _report_unreadable(file, scanned, problems)
        if done[key] is not None:
            (result.attachments if file.how == _ATTACHED else result.assets)[file.path] = \
                done[key]


def _screen_file(file: _File, masking: bool, exceptions: set[str],
                 patterns: dict[str, privacy.Pattern], problems: Problems,
                 result: Screened, hint: str, reviewed: set[str] = frozenset()) -> bytes | None:
    """Scan one file and report; returns the masked copy to publish (None: publish the file)."""
    path = file.path
    if limits.scan_too_large(path, file.name, problems):
        return None
    sensitive.check_file(path, file.name, problems)
    scanned = privacy.scan_file(path, patterns if masking else None)
    if scanned.error:
        problems.add(path, None, None, _UNREADABLE[file.how].format(name=file.name,
                                                                    detail=scanned.error),
                     msg.PII_UNREADABLE_HINT)
        return None
    result.unchecked += [f"{file.name}/{p}" for p in scanned.pictures]
    if scanned.unreadable and file.how != _SHARED and _file_key(file.name) not in reviewed:
        _report_unreadable(file, scanned, problems)  # content/assets/: where it is linked
    subject = _SUBJECT[file.how].format(name=file.name)
    reported = [p for p in scanned.problems if not p.value or _plain(p.value) not in exceptions]
    for problem in reported:  # errors in every mode: parts that cannot be masked …
        problems.add(path, problem.line, None, problem.message.replace("{subject}", subject),
                     problem.hint, column=problem.column)
    located = _keep(scanned.located, exceptions)
    if masking and (scanned.masked is not None or not located or reported):
        if located and not reported:
            _note_masked(problems, path, located)
            return scanned.masked
        return None
    if masking:
        hint = scanned.mask_hint or msg.PII_HINT_PDF
    for loc in located:
        f = loc.finding
        problems.add(path, loc.line, None, _FOUND[file.how].format(
            name=file.name, where=_where(loc), kind=KIND_NAMES[f.kind],
            shown=privacy.shown(f, patterns), why=_why(f)),
            hint.format(example=patterns[f.kind].example(f.kind)), column=loc.column)
    return None


def _report_unreadable(file: _File, scanned: privacy.FileScan, problems: Problems) -> None:
    """A file no reader understands is not published unchecked: an error at the line that
    attaches or links it, saying why, how to convert it, and how to declare it 人工核查."""
    message = msg.FILE_UNREAD if file.how == _ATTACHED else msg.FILE_UNREAD_LINKED
    reason = privacy.mask_text(scanned.unreadable or "", privacy.DEFAULT_PATTERNS)
    source = file.source or file.path
    problems.add(source, file.line if file.source else None,
                 "附件" if file.how == _ATTACHED and file.source else None,
                 message.format(name=file.name, reason=reason),
                 msg.FILE_UNREAD_HINT.format(fix=scanned.unreadable_fix, name=file.name,
                                             today=dt.date.today().isoformat()))


def _unmaskable_front(doc: Document, found: list[privacy.Located], filenames: list[str],
                      patterns: dict[str, privacy.Pattern], problems: Problems,
                      reported: set[str]) -> list[privacy.Located]:
    """In masking mode: front-matter findings that masking cannot hide are errors — in the id
    (it is the page's address) or in an attachment's file name (it is the file's address, and
    the link). Returns the findings that can be masked."""
    lines = doc.front.split("\n")
    spans: set[tuple[int, int]] = set()  # (line, column) of every character of a file name
    for name in filenames:
        for index, text in enumerate(lines):
            start = text.find(name)
            while start >= 0 and name:
                spans.update((index + 2, c + 1) for c in range(start, start + len(name)))
                start = text.find(name, start + 1)
    keep: list[privacy.Located] = []
    for loc in found:
        f = loc.finding
        key = _front_key(doc, loc.line)
        if key == "id":
            message, hint = msg.PII_IN_ID, msg.PII_IN_ID_HINT
        elif (loc.line, loc.column) in spans:
            message, hint = msg.PII_IN_FILE_NAME, msg.PII_IN_FILE_NAME_HINT
        else:
            keep.append(loc)
            continue
        problems.add(doc.path, loc.line, key, message.format(
            kind=KIND_NAMES[f.kind], shown=privacy.shown(f, patterns)), hint, column=loc.column)
        reported.add(_plain(f.value))
    return keep


def _unmaskable_links(doc: Document, body: list[privacy.Located], masking: bool,
                      exceptions: set[str], patterns: dict[str, privacy.Pattern],
                      problems: Problems, reported: set[str]) -> list[privacy.Located]:
    """Personal data in the name of a file the body links to (`[名单](联系人13812345678.csv)`):
    the name is the published file's address, so it cannot be masked — an error in masking
    mode, and in error mode too when the body scan did not see it (written %31%33%38…).
    Returns the body findings that can be masked (or reported as usual)."""
    on_line: dict[int, list[privacy.Located]] = {}
    for loc in body:
        on_line.setdefault(loc.line or 0, []).append(loc)
    dropped: set[int] = set()
    for link in local_links(doc.body):
        findings = [f for f in privacy.scan(link.target) if _plain(f.value) not in exceptions]
        if not findings:
            continue
        line = doc.body_line + link.line - 1
        seen = [loc for loc in on_line.get(line, [])
                if _plain(loc.finding.value) in _plain(link.target)]
        if masking:
            dropped.update(id(loc) for loc in seen)
        elif seen:
            continue  # already reported where it is written
        name = privacy.mask(link.target, findings, patterns)  # a report shows no full number
        for f in findings:
            problems.add(doc.path, line, None, msg.PII_IN_LINK.format(
                name=name, kind=KIND_NAMES[f.kind], shown=privacy.shown(f, patterns)),
                msg.PII_IN_FILE_NAME_HINT)
            reported.add(_plain(f.value))
    return [loc for loc in body if id(loc) not in dropped]


def mask_notice(notice: Notice, screened: Screened, settings: privacy.Settings) -> Notice:
    """The notice as published when masking: front matter texts, body and attachments masked."""
    if not screened.mask:
        return notice
    patterns = settings.patterns

    def m(text: str) -> str:
        return privacy.mask_text(text, patterns)

    attachments = [dataclasses.replace(a, title=m(a.title),
                                       masked=screened.attachments.get(a.path))
                   for a in notice.attachments]
    return dataclasses.replace(
        notice, title=m(notice.title), summary=m(notice.summary), publisher=m(notice.publisher),
        doc_number=m(notice.doc_number), keywords=[m(k) for k in notice.keywords],
        body=screened.body if screened.body is not None else notice.body,
        attachments=attachments, masked_assets=dict(screened.assets),
        feedback=[(key, m(value)) for key, value in notice.feedback])  # 反馈方式 (issue 14)


def check_published(path: Path, fields: list[tuple[str, str]], screened: Screened,
                    problems: Problems, line_of: Callable[[str], int | None],
                    unmasked: list[tuple[str, str]] | None = None) -> None:
    """Every published text (field name, text as parsed) is scanned once more. The first scan
    reads the front matter line by line as written; a value YAML joins from several lines
    (`摘要: >` over two lines, 138 1234 / 5678) is only whole here: an error, or in masking
    mode (`fields` masked, `unmasked` as written) a note that it was masked. Whatever is still
    found in a masked text could not be masked: an error."""
    skip = screened.exceptions | screened.unmaskable
    if screened.mask:
        extra: list[privacy.Located] = []
        for name, text in unmasked or []:
            if privacy.could_hold(text) and name != "正文":
                extra += [dataclasses.replace(loc, line=line_of(name)) for loc in _keep(
                    privacy.scan_lines([normalize.as_read(text).text], markdown=False),
                    skip | screened.found)]
        _note_masked(problems, path, extra)
    else:
        skip |= screened.found
    for name, text in fields:
        if not privacy.could_hold(text):
            continue
        lines = text.split("\n") if name == "正文" else [normalize.as_read(text).text]
        for loc in _keep(privacy.scan_lines(lines, markdown=name == "正文"), skip):
            f = loc.finding
            if screened.mask:
                message, hint = msg.PII_LEFT, msg.PII_LEFT_HINT
            else:
                message, hint = msg.PII_FOUND_FIELD, msg.PII_HINT
            line = line_of(name) if name != "正文" else None
            problems.add(path, line, name if line else None, message.format(
                field=name, kind=KIND_NAMES[f.kind], shown=privacy.shown(f)),
                hint.format(example=privacy.DEFAULT_PATTERNS[f.kind].example(f.kind)))


def published_texts(notice: Notice, masked: bool) -> list[tuple[str, str]]:
    """(field, text) of the texts a notice publishes (page, search index, notices.json, print
    sheets); its id and file names are checked where they are written (_unmaskable_front).
    The body is scanned again only when masked (unmasked, the first scan read it as is)."""
    texts = [("标题", notice.title), ("摘要", notice.summary), ("发布机构", notice.publisher),
             ("文号", notice.doc_number)]
    texts += [("主题词", k) for k in notice.keywords]
    texts += [("附件", a.title) for a in notice.attachments]
    texts += [("反馈方式", value) for _, value in notice.feedback]  # issue 14
    if masked and not notice.on_request:
        texts.append(("正文", notice.body))
    return texts


# -- column pages and catalog.yaml ---------------------------------------------------------------
def screen_page(doc: Document, settings: privacy.Settings, problems: Problems,
                assets: list[Path] | None = None, shared: Path | None = None,
                f: Fields | None = None) -> Screened:
    """Screen a 信息公开 column page and the files its body links to (as screen_notice does);
    in masking mode (site-wide only) `body` is the masked body and the title must be masked
    with mask_page_title."""
    check_html(doc, problems)
    check_long_tables(doc, problems)
    sensitive.check(doc.path, doc.body, doc.body_line, problems)
    masking = settings.mode == privacy.MODE_MASK
    result = Screened(mask=masking)
    front = _front_findings(doc)
    result.found = {_plain(loc.finding.value) for loc in front}
    if masking:
        front = _unmaskable_front(doc, front, [], settings.patterns, problems, result.unmaskable)
    body = privacy.scan_lines(doc.body.split("\n"), doc.body_line)
    body = _unmaskable_links(doc, body, masking, set(), settings.patterns, problems,
                             result.unmaskable)
    if masking:
        _note_masked(problems, doc.path, front + body)
        result.body = privacy.mask_lines(doc.body, body, settings.patterns, doc.body_line,
                                         markdown=True)
    else:
        for loc in front + body:
            _report(problems, doc.path, loc, settings.patterns, msg.PII_HINT_PAGE,
                    _front_key(doc, loc.line))
    files = _files(doc, [], assets or [])
    reviewed = read_reviewed(f, [file.name for file in files]) if f is not None else set()
    screen_files(files, masking, set(), settings.patterns, problems, result, shared,
                 msg.PII_HINT_PAGE, reviewed)
    return result


def mask_page_title(title: str, screened: Screened, settings: privacy.Settings) -> str:
    """A column page's 标题 as published: on the page, in the navigation, the search index."""
    return privacy.mask_text(title, settings.patterns) if screened.mask else title


def screen_shared(folder: Path, problems: Problems, files: list[Path] | None = None) -> None:
    """content/assets/ is copied to the site as it is (logos, shared pictures): a file there
    with personal data is an error in every mode, since no masked copy can replace it.
    `files`: those to scan (contentfiles.shared_files, as MkDocs copies them)."""
    if not folder.is_dir():
        return
    result = Screened()
    for path in files if files is not None else sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in privacy.SCANNED_SUFFIXES and \
                path.suffix.lower() != ".md":
            name = path.relative_to(folder).as_posix()
            _screen_file(_File(path, name, _SHARED), False, set(), privacy.DEFAULT_PATTERNS,
                         problems, result, msg.PII_HINT_SHARED)


def screen_catalog(path: Path, text: str, problems: Problems, node: YNode | None = None) -> None:
    """catalog.yaml is published (site information, footer): personal data there is an error,
    also in a value written over several lines (`node`: the parsed file; yamltext.py)."""
    lines = text.split("\n")
    found = privacy.scan_lines(lines, markdown=False)
    for loc in found + yamltext.joined_findings(node, lines, 1, found):
        f = loc.finding
        line = lines[loc.line - 1] if loc.line else ""
        key = (key_at(line, loc.column) or yamltext.key_of(lines, loc.line - 1)) if loc.line \
            else None
        problems.add(path, loc.line, key, msg.PII_FOUND.format(
            kind=KIND_NAMES[f.kind], shown=privacy.shown(f), why=_why(f)),
            msg.PII_HINT_CATALOG, column=loc.column)


# -- unsafe HTML and long tables -----------------------------------------------------------------
def check_html(doc: Document, problems: Problems) -> None:
    for unsafe in rawhtml.check(doc.body):
        message, hint = _html_message(unsafe)
        problems.add(doc.path, doc.body_line + unsafe.line - 1, None, message, hint,
                     column=unsafe.column)


def check_rendered(path: Path | str, markdown: str, body_line: int,
                   removed: list[rawhtml.Removed], problems: Problems) -> None:
    """What the output sanitizer removed from a rendered body (render stage): each at the best
    line of the source found for it (its first line when none is found)."""
    for unsafe in rawhtml.locate(markdown, removed):
        message, hint = _html_message(unsafe)
        problems.add(path, body_line + unsafe.line - 1, None, message, hint,
                     column=unsafe.column or None)


def check_rendered_personal(path: Path | str, markdown: str, body_line: int,
                            found: list[tuple[str, str, str]], not_personal: frozenset[str],
                            problems: Problems) -> None:
    """Personal data in the text of a rendered body — what a reader sees — that the scan of the
    source did not see: digits split by character references (`138&nbsp;1234`), tags or
    formatting. It cannot be masked safely here, so it is an error in every mode, at the first
    source line whose digits (tags dropped, references decoded) hold it, else the first holding
    its last four digits, else the body's first line."""
    lines = markdown.split("\n")
    digits = [_digits(html.unescape(re.sub(r"<[^>]*>", "", text))) for text in lines]
    for kind, value, shown in found:
        if _plain(value) in not_personal:
            continue
        wanted = _digits(value)
        line = next((i for i, d in enumerate(digits) if wanted in d), None)
        if line is None:
            line = next((i for i, d in enumerate(digits) if wanted[-4:] in d), 0)
        problems.add(path, body_line + line, None,
                     msg.PII_RENDERED.format(kind=KIND_NAMES[kind], shown=shown),
                     msg.PII_RENDERED_HINT)


def _digits(text: str) -> str:
    return re.sub(r"[^0-9Xx]", "", normalize.fold(text).text)


def _html_message(u: rawhtml.Unsafe) -> tuple[str, str]:
    if u.kind == rawhtml.KIND_TAG:
        why = msg.HTML_TAG_WHY.get(u.name, "")
        return msg.HTML_TAG.format(name=u.name, why=why, snippet=u.snippet), msg.HTML_TAG_HINT
    if u.kind == rawhtml.KIND_EVENT:
        return msg.HTML_EVENT.format(name=u.name, snippet=u.snippet), msg.HTML_ATTRIBUTE_HINT
    if u.kind == rawhtml.KIND_STYLE:
        return msg.HTML_STYLE.format(snippet=u.snippet), msg.HTML_ATTRIBUTE_HINT
    if u.kind == rawhtml.KIND_ATTRIBUTE:
        return msg.HTML_ATTRIBUTE.format(name=u.name, snippet=u.snippet), msg.HTML_ATTRIBUTE_HINT
    if u.kind == rawhtml.KIND_URL:
        return msg.HTML_URL.format(name=u.snippet), msg.HTML_URL_HINT
    if u.kind == rawhtml.KIND_CLASS:
        return msg.HTML_CLASS.format(name=u.name, snippet=u.snippet), msg.HTML_CLASS_HINT
    if u.kind == rawhtml.KIND_EXTERNAL_IMAGE:
        return msg.HTML_EXTERNAL_IMAGE.format(name=u.snippet), msg.HTML_EXTERNAL_IMAGE_HINT
    return msg.HTML_COMMENT.format(snippet=u.snippet), msg.HTML_COMMENT_HINT


def check_long_tables(doc: Document, problems: Problems) -> None:
    if doc.body.count("\n|") < LONG_TABLE:
        return
    rows, start = 0, 0
    for number, line in enumerate([*doc.body.split("\n"), ""], start=doc.body_line):
        if line.lstrip().startswith("|"):
            if rows == 0:
                start = number
            rows += 1
            continue
        if rows > LONG_TABLE:
            problems.warn(doc.path, start, None, msg.TABLE_LONG.format(rows=rows - 2),
                          msg.TABLE_LONG_HINT)
        rows = 0


# -- files that can carry a script ---------------------------------------------------------------
# Published under the site's own address, these run as if they were the site's pages (a web page,
# an SVG image or XML with <script>, Flash), or a web server may run them as programs or read them
# as its settings. Attachments and files a body links to must be in another format (PDF, PNG).
ACTIVE_SUFFIXES = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".stm", ".mht", ".mhtml", ".hta",
    ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".rdf", ".js", ".mjs", ".cjs", ".jsx", ".swf",
    ".spl", ".php", ".php3", ".php4", ".php5", ".phtml", ".phar", ".asp", ".aspx", ".ashx",
    ".asmx", ".cer", ".jsp", ".jspx", ".cgi", ".pl", ".htaccess", ".htpasswd", ".config"})
ACTIVE_NAMES = frozenset({".htaccess", ".htpasswd", "web.config", ".user.ini"})


def active_type(filename: str) -> str | None:
    """The file's type (".html", ".svg" …) if it is one that can carry a script, else None."""
    name = re.split(r"[/\\]", filename)[-1].lower()
    if name in ACTIVE_NAMES:
        return name
    suffix = Path(name).suffix
    return suffix if suffix in ACTIVE_SUFFIXES else None


# -- attachments that escape content/ ------------------------------------------------------------
def attachment_outside(filename: str, file: Path, content_dir: Path) -> bool:
    """True if an attachment path leaves content/: "..", an absolute path or a symlink out."""
    if re.match(r"^(?:[/\\]|[A-Za-z]:)", filename) or ".." in re.split(r"[/\\]", filename):
        return True
    root = content_dir.resolve()
    return root not in file.resolve().parents


# -- helpers -------------------------------------------------------------------------------------
def _front_findings(doc: Document) -> list[privacy.Located]:
    if not doc.front:
        return []
    lines = doc.front.split("\n")
    found = privacy.scan_lines(lines, 2, markdown=False)
    return found + yamltext.joined_findings(doc.meta, lines, 2, found,
                                            frozenset({NOTICE_EXCEPTIONS_KEY}))


def _front_key(doc: Document, line: int | None) -> str | None:
    if line is None or line >= doc.body_line - 1 or not doc.front:
        return None
    lines = doc.front.split("\n")
    for index in range(line - 2, -1, -1):
        m = _KEY.match(lines[index]) if index < len(lines) else None
        if m and not lines[index].startswith(" "):
            return m.group(1)
    return None


def _plain(value: str) -> str:
    return re.sub(r"[\s\-]", "", value.translate(privacy._FOLD)).upper()


def _keep(located: list[privacy.Located], exceptions: set[str]) -> list[privacy.Located]:
    if not exceptions:
        return located
    return [loc for loc in located if _plain(loc.finding.value) not in exceptions]


def _why(f: privacy.Finding) -> str:
    return (msg.PII_BY_LABEL if f.reason == "label" else "") + normalize.why(f.tricks, f.value)


def _report(problems: Problems, path: Path, loc: privacy.Located,
            patterns: dict[str, privacy.Pattern], hint: str, key: str | None) -> None:
    f = loc.finding
    problems.add(path, loc.line, key, msg.PII_FOUND.format(
        kind=KIND_NAMES[f.kind], shown=privacy.shown(f, patterns), why=_why(f)),
        hint.format(example=patterns[f.kind].example(f.kind)), column=loc.column)


def _where(loc: privacy.Located) -> str:
    where = loc.where
    m = re.fullmatch(r"(.+)!([A-Z]{1,3}[0-9]+)", where)
    if m:
        return msg.PII_WHERE_SHEET.format(sheet=m.group(1), cell=m.group(2))
    m = re.fullmatch(r"T(\d+)R(\d+)C(\d+)", where)
    if m:
        return msg.PII_WHERE_TABLE.format(table=m.group(1), row=m.group(2), column=m.group(3))
    m = re.fullmatch(r"P(\d+)L(\d+)", where)
    if m:
        return msg.PII_WHERE_PAGE.format(page=m.group(1), line=m.group(2))
    if where.startswith("¶"):
        return msg.PII_WHERE_PARAGRAPH.format(number=where[1:])
    # written out already (Word parts, archive members, JSON keys): names may hold a number
    return privacy.mask_text(where, privacy.DEFAULT_PATTERNS) if where else ""


def place_of(loc: privacy.Located) -> str:
    """Where a finding is in its file, in words (used for files inside archives)."""
    if loc.where:
        return _where(loc)
    return msg.WHERE_LINE.format(line=loc.line, column=loc.column or 1) if loc.line else ""


def _note_masked(problems: Problems, path: Path, located: list[privacy.Located]) -> None:
    if not located:
        return
    kinds: dict[str, int] = {}
    for loc in located:
        name = KIND_NAMES[loc.finding.kind]
        kinds[name] = kinds.get(name, 0) + 1
    places = sorted({_place(loc) for loc in located}, key=_natural)
    shown_places = "、".join(places[:10]) + ("……" if len(places) > 10 else "")
    problems.note(path, None, None, msg.PII_MASKED.format(
        count=len(located), kinds="、".join(f"{k} {n} 个" for k, n in kinds.items()),
        places=shown_places))


def _place(loc: privacy.Located) -> str:
    if loc.where:
        return _where(loc)
    return f"第 {loc.line} 行"


def _natural(text: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def note_unchecked(problems: Problems, names: list[str], where: Path) -> None:
    """One note for the pictures, audio and video files published (their text cannot be read;
    every other file that cannot be read is an error: _report_unreadable)."""
    if names:
        examples = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
        pictures = sum(1 for n in names if Path(n).suffix.lower() in formats.PICTURE_SUFFIXES)
        what = msg.UNCHECKED_PICTURES if pictures == len(names) else \
            msg.UNCHECKED_MEDIA if pictures == 0 else msg.UNCHECKED_BOTH
        problems.note(where, None, None, msg.PICTURES_UNCHECKED.format(
            count=len(names), what=what, examples=examples))
