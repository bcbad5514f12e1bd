"""Screen what will be published, during validation: personal data and unsafe HTML.

validate.py calls these for every notice and column page, pipeline.py for catalog.yaml, so that
findings are reported with every other problem (file:line:column, the value masked, the rule)
and nothing is written when one is an error. Only what is published is screened: the front
matter of every published notice; the body and attachments of 主动公开 notices (the body and
attachments of 依申请公开 notices are not put on the site, 不予公开 notices not at all).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import messages as msg
from . import privacy, rawhtml
from .fields import Fields
from .load import Document
from .model import Attachment, Notice
from .problems import Problems

NOTICE_MODE_KEY = "个人信息"
NOTICE_EXCEPTIONS_KEY = "不是个人信息"
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
    """What screening decided for one notice: mask (and what) or publish as written."""

    mask: bool = False
    body: str | None = None  # the masked body, when masking changed it
    attachments: dict[Path, bytes] = field(default_factory=dict)  # masked copies
    unchecked: list[str] = field(default_factory=list)  # attachments that cannot be scanned


def screen_notice(doc: Document, f: Fields, active: bool, attachments: list[Attachment],
                  settings: privacy.Settings, problems: Problems) -> Screened:
    """Screen a published notice. `active`: 主动公开 (body and attachments are published)."""
    mode = f.choice(NOTICE_MODE_KEY, privacy.MODES) or settings.mode
    masking = mode == privacy.MODE_MASK
    exceptions = {_plain(v) for v in f.texts(NOTICE_EXCEPTIONS_KEY)}
    result = Screened(mask=masking)
    patterns = settings.patterns
    hint = msg.PII_HINT
    found = _keep(_front_findings(doc), exceptions)
    if active:
        body = _keep(privacy.scan_lines(doc.body.split("\n"), doc.body_line), exceptions)
        found += body
        if masking and body:
            result.body = privacy.mask_lines(doc.body, body, patterns, doc.body_line,
                                             markdown=True)
        check_html(doc, problems)
        check_long_tables(doc, problems)
    if masking:
        _note_masked(problems, doc.path, found)
    else:
        for loc in found:
            _report(problems, doc.path, loc, patterns, hint, _front_key(doc, loc.line))
    if active:
        for attachment in attachments:
            _screen_attachment(attachment, masking, exceptions, patterns, problems, result)
    return result


def _screen_attachment(attachment: Attachment, masking: bool, exceptions: set[str],
                       patterns: dict[str, privacy.Pattern], problems: Problems,
                       result: Screened) -> None:
    path = attachment.path
    if path.suffix.lower() not in privacy.SCANNED_SUFFIXES:
        result.unchecked.append(attachment.filename)
        return
    scanned = privacy.scan_file(path, patterns if masking else None)
    if scanned.error:
        problems.add(path, None, None, msg.PII_UNREADABLE.format(name=attachment.filename,
                                                                 detail=scanned.error),
                     msg.PII_UNREADABLE_HINT)
        return
    if scanned.textless:
        result.unchecked.append(attachment.filename)
    located = _keep(scanned.located, exceptions)
    if masking and (scanned.masked is not None or not located):
        if located:
            result.attachments[path] = scanned.masked
            _note_masked(problems, path, located)
        return
    hint = msg.PII_HINT_PDF if masking else msg.PII_HINT_ATTACHMENT
    for loc in located:
        f = loc.finding
        problems.add(path, loc.line, None, msg.PII_FOUND_IN.format(
            name=attachment.filename, where=_where(loc), kind=KIND_NAMES[f.kind],
            shown=privacy.shown(f, patterns), why=_why(f)),
            hint.format(example=patterns[f.kind].example(f.kind)), column=loc.column)


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
        attachments=attachments)


# -- column pages and catalog.yaml ---------------------------------------------------------------
def screen_page(doc: Document, settings: privacy.Settings, problems: Problems) -> str:
    """Screen a 信息公开 column page; returns its body as published (masked if so set)."""
    check_html(doc, problems)
    check_long_tables(doc, problems)
    front = _front_findings(doc)
    body = privacy.scan_lines(doc.body.split("\n"), doc.body_line)
    if settings.mode == privacy.MODE_MASK:
        _note_masked(problems, doc.path, front + body)
        return privacy.mask_lines(doc.body, body, settings.patterns, doc.body_line,
                                  markdown=True)
    for loc in front + body:
        _report(problems, doc.path, loc, settings.patterns, msg.PII_HINT_PAGE,
                _front_key(doc, loc.line))
    return doc.body


def screen_catalog(path: Path, text: str, problems: Problems) -> None:
    """catalog.yaml is published (site information, footer): personal data there is an error."""
    lines = text.split("\n")
    for loc in privacy.scan_lines(lines, markdown=False):
        f = loc.finding
        line = lines[loc.line - 1] if loc.line else ""
        key = _KEY.match(line)
        problems.add(path, loc.line, key.group(1) if key else None, msg.PII_FOUND.format(
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
    return privacy.scan_lines(doc.front.split("\n"), 2, markdown=False) if doc.front else []


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
    return msg.PII_BY_LABEL if f.reason == "label" else ""


def _report(problems: Problems, path: Path, loc: privacy.Located,
            patterns: dict[str, privacy.Pattern], hint: str, key: str | None) -> None:
    f = loc.finding
    problems.add(path, loc.line, key, msg.PII_FOUND.format(
        kind=KIND_NAMES[f.kind], shown=privacy.shown(f, patterns), why=_why(f)),
        hint.format(example=patterns[f.kind].example(f.kind)), column=loc.column)


def _where(loc: privacy.Located) -> str:
    where = loc.where
    if "!" in where:
        sheet, cell = where.rsplit("!", 1)
        return msg.PII_WHERE_SHEET.format(sheet=sheet, cell=cell)
    m = re.fullmatch(r"T(\d+)R(\d+)C(\d+)", where)
    if m:
        return msg.PII_WHERE_TABLE.format(table=m.group(1), row=m.group(2), column=m.group(3))
    m = re.fullmatch(r"P(\d+)L(\d+)", where)
    if m:
        return msg.PII_WHERE_PAGE.format(page=m.group(1), line=m.group(2))
    if where.startswith("¶"):
        return msg.PII_WHERE_PARAGRAPH.format(number=where[1:])
    return ""


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
    """One note for all attachments that cannot be scanned (PDF, images, .doc, .xls)."""
    if names:
        examples = "、".join(names[:3]) + ("等" if len(names) > 3 else "")
        problems.note(where, None, None,
                      msg.PII_UNCHECKED.format(count=len(names), examples=examples))
