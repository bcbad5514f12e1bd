"""Validate what was read and build the model. Every problem is collected; none stops the run.

Rules (docs/编写指南.md lists them for staff): required fields, known references (domain, item,
township, village, category, channel, level), unique ids, real dates, 发布日期 not before 成文日期,
the notice's level among the item's 公开层级, attachments that exist, and the publication time
limit (a warning).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base import filenames, vocab
from ..base import messages as msg
from ..base.dates import add_workdays, calendar_known
from ..base.problems import WARNING, Problems
from ..input.fields import Fields
from ..input.links import local_links, raw_targets
from ..input.load import ASSETS_DIR, MARKDOWN_SUFFIXES, Document, is_notice_file
from ..input.yamlsrc import YNode
from ..model import lookup
from ..model.site import (
    Attachment,
    Basis,
    CatalogItem,
    ColumnPage,
    Contact,
    Domain,
    Notice,
    Settings,
    Site,
    SiteInfo,
    Source,
    TimeLimit,
    Township,
    UrlChanges,
    Village,
)
from . import declarations, restricted, screen, tables

CATALOG_KEYS = ("站点", "设置", "乡镇", "领域", "事项", declarations.MOVES_KEY,
                declarations.RETIRED_KEY)
SITE_KEYS = ("名称", "网址", "主办单位", "机构代码", "联系方式", "网站标识码", "ICP备案号",
             "公安机关备案号", "简介")
CONTACT_KEYS = ("地址", "电话", "邮箱", "办公时间", "传真")
SETTINGS_KEYS = ("每页条数", "首页最新条数", screen.SETTINGS_MODE_KEY, screen.SETTINGS_PATTERNS_KEY)
TOWNSHIP_KEYS = ("id", "名称", "类型", "村", "简介")
VILLAGE_KEYS = ("id", "名称")
DOMAIN_KEYS = ("id", "名称", "主管部门", "简介")
ITEM_KEYS = ("id", "领域", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
             "公开渠道", "其他渠道", "公开对象", "公开方式", "公开层级", "五公开")
BASIS_KEYS = ("名称", "文号")
LIMIT_KEYS = ("原文", "类型", "天数", "周期", "公示期")
NOTICE_KEYS = ("id", "标题", "事项", "乡镇", "村", "发布机构", "成文日期", "发布日期", "文号",
               "公开属性", "五公开", "摘要", "主题词", "附件", "解读", screen.NOTICE_MODE_KEY,
               screen.NOTICE_EXCEPTIONS_KEY, screen.REVIEW_KEY)
# issue 14: kind of document, 废止, 征求意见, and links from a later notice to an earlier one
DOC_KEYS = ("文件类型", "废止日期", "废止文件", "征求意见截止", "反馈方式", "采纳情况", "公示结果",
            "起算日期")
NOTICE_KEYS += DOC_KEYS
ATTACHMENT_KEYS = ("文件", "名称")
PAGE_KEYS = ("id", "标题", "栏目", "排序", "更新日期", screen.REVIEW_KEY)
# What `site-builder new` writes for staff to replace: a notice still holding it is unfinished.
PLACEHOLDER_TITLE = msg.NEW_DEFAULT_TITLE
PLACEHOLDER_BODY = msg.NEW_BODY.split("。", 1)[0]  # "（请在这里写正文"


# -- catalog.yaml --------------------------------------------------------------------------------
# 网址: the theme prints it into pages (<link rel="canonical" href="…">), so no white space,
# quotes or angle brackets anywhere in it.
_SITE_URL = re.compile(r"https?://[^\s/\"'<>\\?#]+(?:[/?#][^\s\"'<>\\]*)?")


@dataclass
class Catalog:
    """What catalog.yaml declares. `declared_*` include entries that failed validation, so that
    notices referring to them are not reported a second time."""

    info: SiteInfo | None = None
    settings: Settings = field(default_factory=Settings)
    townships: list[Township] = field(default_factory=list)
    domains: list[Domain] = field(default_factory=list)
    items: list[CatalogItem] = field(default_factory=list)
    declared_items: set[str] = field(default_factory=set)
    declared_townships: set[str] = field(default_factory=set)
    url_changes: UrlChanges = field(default_factory=UrlChanges)


def validate_catalog(node: YNode, path: Path, problems: Problems) -> Catalog:
    root = Fields(node, path, problems)
    root.unknown(CATALOG_KEYS)
    catalog = Catalog(info=_site_info(root.sub("站点", required=True)),
                      settings=_settings(root.sub("设置")))
    catalog.townships = _townships(root, problems)
    catalog.domains = _domains(root, problems)
    catalog.items = _items(root, {d.id for d in catalog.domains}, problems)
    catalog.url_changes = declarations.read_declarations(
        root, catalog.info.base_url if catalog.info else None)
    for key, declared in (("事项", catalog.declared_items), ("乡镇", catalog.declared_townships)):
        for entry in root.node.value.get(key, YNode("seq", 0, [])).value or []:
            if getattr(entry, "is_map", False):
                for name in ("id", "名称"):
                    if name in entry.value and entry.value[name].is_scalar:
                        declared.add(entry.value[name].text())
    return catalog


def _site_info(f: Fields | None) -> SiteInfo | None:
    if f is None:
        return None
    f.unknown(SITE_KEYS)
    name = f.text("名称", required=True)
    url = f.text("网址", required=True)
    if url and not _SITE_URL.fullmatch(url):
        f.error("网址", msg.URL_INVALID.format(value=url), msg.URL_INVALID_HINT)
        url = None
    sponsor = f.text("主办单位", required=True)
    c = f.sub("联系方式", required=True)
    contact = None
    if c is not None:
        c.unknown(CONTACT_KEYS)
        address, phone = c.text("地址", required=True), c.text("电话", required=True)
        contact = Contact(address or "", phone or "", c.text("邮箱") or "",
                          c.text("办公时间") or "", c.text("传真") or "")
    if not (name and url and sponsor and contact):
        return None
    return SiteInfo(
        name=name, base_url=url.rstrip("/") + "/", sponsor=sponsor, contact=contact,
        org_code=f.text("机构代码") or "", site_code=f.text("网站标识码") or "",
        icp=f.text("ICP备案号") or "", police=f.text("公安机关备案号") or "",
        intro=f.text("简介") or "",
    )


def _settings(f: Fields | None) -> Settings:
    settings = Settings()
    if f is None:
        return settings
    f.unknown(SETTINGS_KEYS)
    settings.per_page = f.integer("每页条数", minimum=10) or settings.per_page
    settings.latest_on_home = f.integer("首页最新条数", minimum=1) or settings.latest_on_home
    settings.privacy = screen.read_settings(f)
    return settings


def _unique(seen: dict[str, int], value: str | None, f: Fields, key: str, what: str) -> bool:
    """Record `value`; report a duplicate (with the first line) and return False if seen."""
    if value is None:
        return False
    if value in seen:
        f.error(key, msg.DUPLICATE_ID.format(what=what, value=value, first=seen[value]),
                msg.DUPLICATE_ID_HINT)
        return False
    seen[value] = f.line(key)
    return True


def _townships(root: Fields, problems: Problems) -> list[Township]:
    out: list[Township] = []
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    for f in root.records("乡镇", required=True):
        f.unknown(TOWNSHIP_KEYS)
        tid, name = f.ident(), f.text("名称", required=True)
        kind = f.choice("类型", vocab.TOWNSHIP_KINDS, required=True)
        ok = _unique(ids, tid, f, "id", msg.WHAT_TOWNSHIP)
        ok = _unique(names, name, f, "名称", msg.WHAT_TOWNSHIP_NAME) and ok
        villages = _villages(f, tid or "")
        if ok and tid and name and kind:
            out.append(Township(tid, name, kind, villages, f.text("简介") or ""))
    return out


def _villages(f: Fields, township_id: str) -> list[Village]:
    out: list[Village] = []
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    for v in f.records("村"):
        v.unknown(VILLAGE_KEYS)
        vid, name = v.ident(), v.text("名称", required=True)
        ok = _unique(ids, vid, v, "id", msg.WHAT_VILLAGE)
        ok = _unique(names, name, v, "名称", msg.WHAT_VILLAGE_NAME) and ok
        if ok and vid and name:
            out.append(Village(vid, name, township_id))
    return out


def _domains(root: Fields, problems: Problems) -> list[Domain]:
    out: list[Domain] = []
    ids: dict[str, int] = {}
    for f in root.records("领域", required=True):
        f.unknown(DOMAIN_KEYS)
        did, name = f.ident(), f.text("名称", required=True)
        department = f.text("主管部门", required=True)
        if _unique(ids, did, f, "id", msg.WHAT_DOMAIN) and did and name and department:
            out.append(Domain(did, name, department, f.text("简介") or ""))
    return out


def _items(root: Fields, domain_ids: set[str], problems: Problems) -> list[CatalogItem]:
    out: list[CatalogItem] = []
    ids: dict[str, int] = {}
    for seq, f in enumerate(root.records("事项", required=True), start=1):
        item = _item(f, seq, domain_ids)
        if _unique(ids, item.id if item else f.text("id"), f, "id", msg.WHAT_ITEM) and item:
            out.append(item)
    return out


def _item(f: Fields, seq: int, domain_ids: set[str]) -> CatalogItem | None:
    f.unknown(ITEM_KEYS)
    iid = f.ident()
    if iid:
        f.label = f"事项 {iid}"
    domain = f.text("领域", required=True)
    if domain and domain not in domain_ids:
        f.error("领域", msg.REF_UNKNOWN.format(what=msg.WHAT_DOMAIN, value=domain),
                msg.REF_DOMAIN_HINT)
        domain = None
    level1, level2 = f.text("一级事项", required=True), f.text("二级事项") or ""
    content, subject = f.text("公开内容", required=True), f.text("公开主体", required=True)
    bases = _bases(f)
    limit = _time_limit(f.sub("公开时限", required=True))
    channels = f.choices("公开渠道", vocab.CHANNELS, required=True)
    other = f.text("其他渠道") or ""
    audiences = f.choices("公开对象", vocab.AUDIENCES, required=True)
    methods = f.choices("公开方式", vocab.METHODS, required=True)
    levels = f.choices("公开层级", vocab.LEVELS, required=True)
    category = f.choice("五公开", vocab.CATEGORY_BY_NAME, required=True)
    if "其他" in channels and not other:
        f.error("其他渠道", msg.OTHER_CHANNEL_MISSING, msg.OTHER_CHANNEL_HINT)
    required = (iid, domain, level1, content, subject, limit, channels, audiences, methods,
                levels, category, bases)
    if not all(required):
        return None
    return CatalogItem(
        id=iid, seq=seq, domain_id=domain, level1=level1, level2=level2, content=content,
        bases=bases, time_limit=limit, subject=subject, channels=channels, other_channels=other,
        audiences=audiences, methods=methods, levels=levels, category=category,
        source=Source(f.path, f.node.line),
    )


def _bases(f: Fields) -> list[Basis]:
    out: list[Basis] = []
    for b in f.records("公开依据", required=True):
        b.unknown(BASIS_KEYS)
        name, number = b.text("名称", required=True), b.text("文号", required=True)
        if name and number:
            if not name.startswith("《"):
                name = f"《{name.strip('《》')}》"
            out.append(Basis(name, number.strip("（）()")))
    return out


def _time_limit(f: Fields | None) -> TimeLimit | None:
    if f is None:
        return None
    f.unknown(LIMIT_KEYS)
    text = f.text("原文", required=True)
    kind = f.choice("类型", vocab.LIMIT_KINDS, required=True)
    days = f.integer("天数", minimum=1)
    period = f.choice("周期", vocab.PERIODS)
    notice_days = f.integer("公示期", minimum=1)
    if kind in (vocab.LIMIT_WORKDAYS, vocab.LIMIT_CALENDAR_DAYS) and days is None and \
            not f.has("天数"):
        f.error("天数", msg.LIMIT_DAYS_MISSING.format(kind=kind), msg.LIMIT_DAYS_HINT)
        return None
    if kind == vocab.LIMIT_PERIODIC and period is None and not f.has("周期"):
        f.error("周期", msg.LIMIT_PERIOD_MISSING, msg.LIMIT_PERIOD_HINT)
        return None
    if not (text and kind):
        return None
    return TimeLimit(text, kind, days, period, notice_days)


# -- notices -------------------------------------------------------------------------------------
class NoticeChecker:
    """Validates notice documents against the catalog; keeps track of ids across files.

    `catalog_ok` is False when catalog.yaml could not be read: references are then not checked
    (every one would fail), only the notices' own fields.
    """

    def __init__(self, catalog: Catalog, problems: Problems, content_dir: Path,
                 catalog_ok: bool = True, today: dt.date | None = None):
        self.today = today or dt.date.today()
        self.problems = problems
        self.content_dir = content_dir
        self.catalog_ok = catalog_ok
        self.declared_items = catalog.declared_items
        self.declared_townships = catalog.declared_townships
        self.items = {i.id: i for i in catalog.items}
        self.domains = catalog.domains
        self.townships = {t.id: t for t in catalog.townships}
        self.township_names = {t.name: t for t in catalog.townships}
        self.ids: dict[str, tuple[Path, int]] = {}
        self.withheld_ids: set[str] = set()
        self.interprets_lines: dict[str, int] = {}
        # (file, line, target, own id) of every 解读, also in notices dropped for other errors
        self.interprets_all: list[tuple[Path, int, str, str | None]] = []
        self.privacy = catalog.settings.privacy
        self.withheld_files: dict[Path, Path] = {}  # a withheld notice's file → that notice
        self.unchecked: list[str] = []  # attachments that cannot be scanned (PDF, images)
        # files of 依申请公开 and 不予公开 notices, that nothing else may publish
        self.restricted = restricted.RestrictedFiles(content_dir, problems)
        self.link_lines: dict[tuple[Path, str], int] = {}  # (file, field) → line (issue 14)

    def check(self, doc: Document) -> Notice | None:
        if doc.meta is None:
            return None
        f = Fields(doc.meta, doc.path, self.problems)
        f.unknown(NOTICE_KEYS)
        nid = f.ident()
        self._check_unique_id(nid, f)
        title = f.text("标题", required=True)
        attribute = self._attribute(f)
        item = self._item(f)
        township, village = self._place(f)
        publisher = f.text("发布机构", required=True)
        formed, published = f.date("成文日期", required=True), f.date("发布日期", required=True)
        if formed and published and published < formed:
            f.error("发布日期", msg.PUBLISHED_BEFORE_FORMED.format(
                published=published.isoformat(), formed=formed.isoformat()),
                msg.PUBLISHED_BEFORE_FORMED_HINT)
            published = None
        category = f.choice("五公开", vocab.CATEGORY_BY_NAME)
        if item and township is not False and village is not False:
            self._check_level(f, item, township, village)
        on_site = attribute == vocab.ATTR_ACTIVE  # its body and attachments are published
        attachments = self._attachments(f, doc.path, on_site)
        assets = body_assets(doc, self.content_dir, self.problems, on_site)
        summary, doc_number = f.text("摘要") or "", f.text("文号") or ""
        keywords, interprets = f.texts("主题词"), f.text("解读")
        if attribute in (vocab.ATTR_WITHHELD, vocab.ATTR_ON_REQUEST):
            self.restricted.record(doc, attribute, attachments or [], assets or [])
        document = self._document(f, formed)
        if attribute == vocab.ATTR_WITHHELD:
            if nid:
                self.withheld_ids.add(nid)
            self._record_withheld(doc, attachments or [], assets or [])
            return None
        screened = screen.screen_notice(doc, f, attribute == vocab.ATTR_ACTIVE,
                                        attachments or [], self.privacy, self.problems,
                                        assets or [], self.content_dir / ASSETS_DIR)
        self.unchecked.extend(screened.unchecked)
        if interprets and nid:
            self.interprets_lines[nid] = f.line("解读")
        if interprets:
            self.interprets_all.append((doc.path, f.line("解读"), interprets, nid))
        unfinished = self._check_placeholders(f, doc, title)
        check_tables(doc, self.problems)
        if not (nid and title and attribute and item and publisher and formed and published) or \
                township is False or village is False or attachments is None or assets is None \
                or unfinished:
            return None
        self._check_time_limit(f, item, document["counted_from"] or formed, published)
        if published > self.today:
            f.warn("发布日期", msg.PUBLISHED_FUTURE.format(
                published=published.isoformat(), today=self.today.isoformat()),
                msg.PUBLISHED_FUTURE_HINT)
            return None
        if not doc.body.strip() and not attachments and attribute == vocab.ATTR_ACTIVE:
            f.warn(None, msg.BODY_EMPTY, msg.BODY_EMPTY_HINT)
        notice = Notice(
            id=nid, title=title, item_id=item.id, domain_id=item.domain_id,
            category=category or item.category, township_id=township.id if township else None,
            village_id=village.id if village else None, publisher=publisher, formed=formed,
            published=published, doc_number=doc_number, attribute=attribute, summary=summary,
            keywords=keywords, attachments=attachments, interprets=interprets, body=doc.body,
            body_line=doc.body_line, source=doc.path, assets=assets,
            not_personal=frozenset(screened.exceptions), **document,
        )
        masked = screen.mask_notice(notice, screened, self.privacy)
        screen.check_published(doc.path, screen.published_texts(masked, screened.mask),
                               screened, self.problems, f.line,
                               screen.published_texts(notice, False))
        return masked

    def _document(self, f: Fields, formed: dt.date | None) -> dict:
        """文件类型, 废止, 征求意见 and the links to an earlier notice (issue 14), as Notice
        fields; problems are reported, the values kept (the site is not built on errors)."""
        kind = f.choice("文件类型", vocab.DOC_KINDS) or ""
        repealed, deadline = f.date("废止日期"), f.date("征求意见截止")
        counted_from = f.date("起算日期")  # the event the item's 公开时限 counts from
        feedback = self._feedback(f)
        if formed and repealed and repealed < formed:
            f.error("废止日期", msg.REPEALED_BEFORE_FORMED.format(
                repealed=repealed.isoformat(), formed=formed.isoformat()),
                msg.REPEALED_BEFORE_FORMED_HINT)
        if kind == vocab.DOC_CONSULTATION:
            for key, hint in (("征求意见截止", msg.CONSULTATION_DEADLINE_HINT),
                              ("反馈方式", msg.CONSULTATION_FEEDBACK_HINT)):
                if not f.has(key):
                    f.error(key, msg.CONSULTATION_FIELD_MISSING.format(field=key), hint)
        elif f.has("文件类型") == bool(kind):  # no kind, or a valid one other than 征求意见
            for key in ("征求意见截止", "反馈方式"):
                if f.has(key):
                    f.error(key, msg.DOC_FIELD_ONLY_CONSULTATION.format(
                        field=key, kind=kind or msg.NONE),
                        msg.DOC_FIELD_ONLY_CONSULTATION_HINT.format(field=key))
        for key in ("废止文件", "采纳情况", "公示结果"):
            if f.has(key):
                self.link_lines[(f.path, key)] = f.line(key)
        return {"doc_kind": kind, "kind_line": f.line("文件类型") if kind else None,
                "repealed": repealed, "repeals": f.texts("废止文件"),
                "deadline": deadline, "feedback": feedback,
                "adoption_of": f.text("采纳情况"), "result_of": f.text("公示结果"),
                "counted_from": counted_from}

    @staticmethod
    def _feedback(f: Fields) -> list[tuple[str, str]]:
        sub = f.sub("反馈方式")
        if sub is None:
            return []
        sub.unknown(vocab.FEEDBACK_KEYS)
        out = [(key, value) for key in vocab.FEEDBACK_KEYS if (value := sub.text(key))]
        if not out:
            f.error("反馈方式", msg.FEEDBACK_EMPTY, msg.CONSULTATION_FEEDBACK_HINT)
        return out

    def check_document_links(self, notices: list[Notice]) -> None:
        """采纳情况, 公示结果 and 废止文件 point to another published notice of the right kind
        (issue 14). Errors only: a wrong link would show readers a wrong relation."""
        by_id = {n.id: n for n in notices}
        items = self.items
        for n in notices:
            targets = [("废止文件", t) for t in n.repeals]
            targets += [(key, t) for key, t in (("采纳情况", n.adoption_of),
                                                ("公示结果", n.result_of)) if t]
            for key, target in targets:
                line = self.link_lines.get((n.source, key))
                other = by_id.get(target)
                if other is None or other is n:
                    self.problems.add(n.source, line, key, msg.LINK14_UNKNOWN.format(
                        field=key, value=target), msg.LINK14_UNKNOWN_HINT.format(
                        field=key, what=msg.LINK14_WHAT[key]))
                elif key == "采纳情况" and other.doc_kind != vocab.DOC_CONSULTATION:
                    self.problems.add(n.source, line, key, msg.ADOPTION_NOT_CONSULTATION.format(
                        value=target), msg.ADOPTION_NOT_CONSULTATION_HINT)
                elif key == "公示结果" and not (
                        other.item_id in items and items[other.item_id].time_limit.notice_days):
                    self.problems.add(n.source, line, key, msg.RESULT_NOT_PUBLICITY.format(
                        value=target), msg.RESULT_NOT_PUBLICITY_HINT)

    def _check_placeholders(self, f: Fields, doc: Document, title: str | None) -> bool:
        """True (reported) if the title or body is still the text `site-builder new` wrote."""
        unfinished = False
        if title and title == PLACEHOLDER_TITLE:
            f.error("标题", msg.PLACEHOLDER_TITLE.format(text=title), msg.PLACEHOLDER_TITLE_HINT)
            unfinished = True
        for number, line in enumerate(doc.body.split("\n")):
            if PLACEHOLDER_BODY in line:
                self.problems.add(doc.path, doc.body_line + number, "正文",
                                  msg.PLACEHOLDER_BODY.format(text=PLACEHOLDER_BODY + "……）"),
                                  msg.PLACEHOLDER_BODY_HINT)
                unfinished = True
        return unfinished

    def _record_withheld(self, doc: Document, attachments: list[Attachment],
                         assets: list[Path]) -> None:
        self.withheld_files[doc.path.resolve()] = doc.path
        for file in [a.path for a in attachments] + assets:
            self.withheld_files[file.resolve()] = doc.path

    def check_withheld_links(self, notices: list[Notice]) -> None:
        """A published notice must not link a withheld notice. (Its files, and those of
        依申请公开 notices, are screened by restricted.py: by path and by content.)"""
        for n in notices:
            if n.on_request:
                continue  # its body is not published
            for link in local_links(n.body):
                target = (n.source.parent / link.target).resolve()
                if target.suffix.lower() == ".md" and target in self.withheld_files:
                    self.problems.add(n.source, n.body_line + link.line - 1, None,
                                      msg.LINK_WITHHELD.format(file=self.problems.rel(target)),
                                      msg.LINK_WITHHELD_HINT)

    def check_interpretations(self, notices: list[Notice]) -> list[Notice]:
        """A 解读 must point to another published notice; drop those that do not. Notices left
        out for other errors (an invalid id, a missing field) have their 解读 checked too, so
        that every problem is reported in the same run."""
        by_id = {n.id for n in notices}
        out: list[Notice] = []
        for n in notices:
            if n.interprets and not self._interprets_ok(n.interprets, n.id, by_id):
                self._interprets_problem(n.source, self.interprets_lines.get(n.id),
                                         n.interprets)
                continue
            out.append(n)
        # A notice left out has errors of its own: report its 解读 only if no file declares the
        # target (when catalog.yaml is broken every notice is left out, its target too).
        published = {n.source for n in notices}
        declared = set(self.ids) - self.withheld_ids
        for source, line, target, own in self.interprets_all:
            if source not in published and not self._interprets_ok(target, own, declared):
                self._interprets_problem(source, line, target)
        return out

    @staticmethod
    def _interprets_ok(target: str, own: str | None, published: set[str]) -> bool:
        return target in published and target != own

    def _interprets_problem(self, source: Path, line: int | None, target: str) -> None:
        if target in self.withheld_ids:
            text, hint = msg.INTERPRETS_WITHHELD, msg.INTERPRETS_WITHHELD_HINT
        else:
            text, hint = msg.INTERPRETS_UNKNOWN, msg.INTERPRETS_UNKNOWN_HINT
        self.problems.add(source, line, "解读", text.format(value=target), hint)

    def _check_unique_id(self, nid: str | None, f: Fields) -> None:
        if nid is None:
            return
        if nid in self.ids:
            first_path, first_line = self.ids[nid]
            f.error("id", msg.DUPLICATE_NOTICE_ID.format(
                value=nid, first=f"{self.problems.rel(first_path)}:{first_line}"),
                msg.DUPLICATE_NOTICE_ID_HINT)
            return
        self.ids[nid] = (f.path, f.line("id"))

    def _attribute(self, f: Fields) -> str | None:
        if not f.has("公开属性"):
            f.error("公开属性", msg.ATTRIBUTE_MISSING, msg.ATTRIBUTE_MISSING_HINT)
            return None
        return f.choice("公开属性", vocab.ATTRIBUTES)

    def _item(self, f: Fields) -> CatalogItem | None:
        ref = f.text("事项", required=True)
        if ref is None:
            return None
        item = self.items.get(ref)
        if item is None and self.catalog_ok and ref not in self.declared_items:
            f.error("事项", msg.REF_UNKNOWN.format(what=msg.WHAT_ITEM, value=ref),
                    self._suggest_item(ref, vocab.level_of(f.text("乡镇"), f.text("村"))))
        return item

    def _suggest_item(self, ref: str, level: str) -> str:
        """Items by name (低保) or near misses of an id, named with their category."""
        found = lookup.find_items(list(self.items.values()), ref, self.domains) or \
            lookup.suggest_items(list(self.items.values()), ref, level)
        if not found:
            return msg.REF_ITEM_HINT
        return msg.REF_ITEM_GUESS.format(items="；".join(
            lookup.item_label(i, self.domains) for i in found[:5]))

    def _place(self, f: Fields) -> tuple[Township | bool | None, object]:
        """(township, village): None when absent, False when given but unknown."""
        tref, vref = f.text("乡镇"), f.text("村")
        township = None
        if tref:
            township = self.townships.get(tref) or self.township_names.get(tref)
            if township is None and (not self.catalog_ok or tref in self.declared_townships):
                return False, None
            if township is None:
                f.error("乡镇", msg.REF_UNKNOWN.format(what=msg.WHAT_TOWNSHIP, value=tref),
                        _suggest(tref, {**self.townships, **self.township_names},
                                 msg.REF_TOWNSHIP_HINT))
                return False, None
        if not vref:
            return township, None
        if township is None:
            f.error("村", msg.VILLAGE_WITHOUT_TOWNSHIP.format(value=vref),
                    msg.VILLAGE_WITHOUT_TOWNSHIP_HINT)
            return township, False
        village = township.village(vref)
        if village is None:
            names = "、".join(v.name for v in township.villages) or msg.NONE
            f.error("村", msg.REF_UNKNOWN_VILLAGE.format(value=vref, township=township.name),
                    msg.REF_VILLAGE_HINT.format(villages=names))
            return township, False
        return township, village

    def _check_level(self, f: Fields, item: CatalogItem, township, village) -> None:
        level = vocab.level_of(township.id if township else None, village.id if village else None)
        if level not in item.levels:
            key = "村" if village else "乡镇" if township else "事项"
            f.error(key, msg.LEVEL_MISMATCH.format(
                item=item.id, levels="、".join(item.levels), level=level),
                msg.LEVEL_MISMATCH_HINT)

    def _attachments(self, f: Fields, path: Path, published: bool = True
                     ) -> list[Attachment] | None:
        out: list[Attachment] = []
        ok = True
        child = f.node.value.get("附件")
        if child is None or not f.has("附件"):
            return out
        entries = child.value if child.is_seq else [child]
        for node in entries:
            filename, title = _attachment_entry(node, f)
            if filename is None:
                ok = False
                continue
            file = path.parent / filename
            if file.suffix.lower() in MARKDOWN_SUFFIXES:
                self.problems.add(path, node.line, "附件",
                                  msg.ATTACHMENT_MARKDOWN.format(name=filename),
                                  msg.ATTACHMENT_MARKDOWN_HINT)
                ok = False
                continue
            if screen.attachment_outside(filename, file, self.content_dir):
                self.problems.add(path, node.line, "附件",
                                  msg.ATTACHMENT_OUTSIDE.format(name=filename),
                                  msg.ATTACHMENT_OUTSIDE_HINT)
                ok = False
                continue
            if not file.is_file():
                self.problems.add(path, node.line, "附件",
                                  msg.ATTACHMENT_MISSING.format(name=filename),
                                  msg.ATTACHMENT_MISSING_HINT.format(
                                      folder=self.problems.rel(path.parent)))
                ok = False
                continue
            taken = filenames.reserved(filename) if published else None
            if taken:
                self.problems.add(path, node.line, "附件",
                                  msg.NAME_RESERVED.format(name=filename, reserved=taken),
                                  msg.NAME_RESERVED_HINT.format(
                                      suggest=filenames.suggest(filename)))
                ok = False
                continue
            kind = screen.active_type(filename) if published else None
            if kind:
                self.problems.add(path, node.line, "附件",
                                  msg.ATTACHMENT_ACTIVE.format(name=filename, kind=kind),
                                  msg.ACTIVE_FILE_HINT)
                ok = False
                continue
            out.append(Attachment(filename, title or Path(filename).stem, file,
                                  file.stat().st_size))
        return out if ok else None

    def _check_time_limit(self, f: Fields, item: CatalogItem, formed: dt.date,
                          published: dt.date) -> None:
        limit = item.time_limit
        if limit.days is None or limit.kind not in (vocab.LIMIT_WORKDAYS,
                                                    vocab.LIMIT_CALENDAR_DAYS):
            return
        if limit.kind == vocab.LIMIT_WORKDAYS:
            if not calendar_known(published):
                return
            deadline = add_workdays(formed, limit.days)
        else:
            deadline = formed + dt.timedelta(days=limit.days)
        if published > deadline:
            f.warn("发布日期", msg.PUBLISHED_LATE.format(
                limit=limit.text, deadline=deadline.isoformat(), published=published.isoformat()),
                msg.PUBLISHED_LATE_HINT)


def _attachment_entry(node: YNode, f: Fields) -> tuple[str | None, str | None]:
    if node.is_scalar:
        name = node.text().strip()
        if not name:
            f.problems.add(f.path, node.line, "附件", msg.ATTACHMENT_EMPTY,
                           msg.ATTACHMENT_EMPTY_HINT)
        return name or None, None
    if node.is_map:
        entry = Fields(node, f.path, f.problems, "附件")
        entry.unknown(ATTACHMENT_KEYS)
        return entry.text("文件", required=True), entry.text("名称")
    f.problems.add(f.path, node.line, "附件", msg.FIELD_NOT_TEXT.format(field="附件"),
                   msg.FIELD_NOT_TEXT_HINT)
    return None, None


def _suggest(value: str, known: dict, fallback: str) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
    return msg.REF_GUESS.format(guess=guess[0]) if guess else fallback


def body_assets(doc: Document, content_dir: Path, problems: Problems, published: bool = True
                ) -> list[Path] | None:
    """Files the body links to, beside the document; None if one is missing or outside, or,
    when the body is `published`, of a type that can carry a script."""
    out: list[Path] = []
    ok = True
    root = content_dir.resolve()
    escaped = _unescaped_links(doc, problems)
    for link in local_links(doc.body):
        line = doc.body_line + link.line - 1
        file = doc.path.parent / link.target
        resolved = file.resolve()
        taken = filenames.reserved(link.target) if published else None
        if (line, link.target) in escaped:
            ok = False
        elif root not in resolved.parents:
            problems.add(doc.path, line, None, msg.LINK_OUTSIDE.format(target=link.target),
                         msg.LINK_OUTSIDE_HINT)
            ok = False
        elif not file.is_file():
            problems.add(doc.path, line, None, msg.LINK_MISSING.format(target=link.target),
                         msg.LINK_MISSING_HINT.format(folder=problems.rel(doc.path.parent)))
            ok = False
        elif file.suffix.lower() in MARKDOWN_SUFFIXES and not is_notice_file(file, content_dir):
            problems.add(doc.path, line, None, msg.LINK_MARKDOWN.format(target=link.target),
                         msg.ATTACHMENT_MARKDOWN_HINT)
            ok = False
        elif taken:
            problems.add(doc.path, line, None,
                         msg.LINK_RESERVED.format(target=link.target, reserved=taken),
                         msg.NAME_RESERVED_HINT.format(suggest=filenames.suggest(link.target)))
            ok = False
        elif file.suffix.lower() != ".md":
            kind = screen.active_type(link.target) if published else None
            if kind:
                problems.add(doc.path, line, None,
                             msg.LINK_ACTIVE.format(target=link.target, kind=kind),
                             msg.ACTIVE_FILE_HINT)
                ok = False
            else:
                out.append(file)
    return out if ok else None


def _unescaped_links(doc: Document, problems: Problems) -> set[tuple[int, str]]:
    """Report body links to files whose names hold `#`, `?` or `%` written without escaping
    (filenames.py); returns (line, decoded target) of each, to skip in body_assets."""
    found: set[tuple[int, str]] = set()
    if not any(c in doc.body for c in "#?%"):
        return found
    for number, text in enumerate(doc.body.split("\n"), start=doc.body_line):
        if not any(c in text for c in "#?%"):
            continue
        for written in raw_targets(text):
            bad = filenames.unescaped(written, doc.path.parent)
            if bad is not None:
                problems.add(doc.path, number, None, msg.LINK_ESCAPE.format(
                    written=bad.written, char=bad.char, name=bad.name),
                    msg.LINK_ESCAPE_HINT.format(escaped=bad.escaped))
                found.add((number, bad.target))
    return found


def check_tables(doc: Document, problems: Problems) -> None:
    """Tables that would not be tables (no separator line, glued to a paragraph): errors; rows
    with more or fewer cells than the header: warnings."""
    for found in tables.check(doc.body):
        line = doc.body_line + found.line
        if found.kind == tables.NO_RULE:
            problems.add(doc.path, line, "正文", msg.TABLE_NO_RULE, msg.TABLE_NO_RULE_HINT.format(
                line=line, rule=tables.rule_for(found.header)))
        elif found.kind == tables.GLUED:
            problems.add(doc.path, line, "正文", msg.TABLE_GLUED,
                         msg.TABLE_GLUED_HINT.format(line=line))
        else:
            hint = msg.TABLE_CELLS_MORE_HINT if found.cells > found.header else \
                msg.TABLE_CELLS_FEWER_HINT
            problems.add(doc.path, line, "正文", msg.TABLE_CELLS.format(
                cells=found.cells, header=found.header), hint, severity=WARNING)


# -- column pages --------------------------------------------------------------------------------
def check_page(doc: Document, ids: dict[str, int], content_dir: Path,
               problems: Problems, settings: Settings | None = None) -> ColumnPage | None:
    if doc.meta is None:
        return None
    f = Fields(doc.meta, doc.path, problems)
    f.unknown(PAGE_KEYS)
    pid, title = f.ident(), f.text("标题", required=True)
    column = f.choice("栏目", vocab.COLUMN_BY_NAME, required=True)
    order = f.integer("排序") or 0
    updated = f.date("更新日期")
    assets = body_assets(doc, content_dir, problems)
    check_tables(doc, problems)
    screened = screen.screen_page(doc, (settings or Settings()).privacy, problems, assets or [],
                                  content_dir / ASSETS_DIR, f)
    screen.note_unchecked(problems, screened.unchecked, doc.path)
    body = screened.body if screened.body is not None else doc.body
    if title:
        written = title
        title = screen.mask_page_title(title, screened, (settings or Settings()).privacy)
        texts = [("标题", title)] + ([("正文", body)] if screened.mask else [])
        screen.check_published(doc.path, texts, screened, problems, f.line, [("标题", written)])
    if pid and pid in ids:
        f.error("id", msg.DUPLICATE_ID.format(what=msg.WHAT_PAGE, value=pid, first=ids[pid]),
                msg.DUPLICATE_ID_HINT)
        return None
    if not (pid and title and column) or assets is None:
        return None
    ids[pid] = f.line("id")
    return ColumnPage(pid, title, vocab.COLUMN_BY_NAME[column].id, order, updated, body,
                      doc.body_line, doc.path, assets, dict(screened.assets))


EMPTY_COLUMNS_LIMIT = 5  # the national inspection fails a site with this many empty columns


def check_empty_columns(site: Site, catalog_path: Path, problems: Problems) -> None:
    """One problem listing every listing page with no published notice (空白栏目): a 注意 from
    EMPTY_COLUMNS_LIMIT on, when the site would fail the inspection; a 说明 below it."""
    have = {(kind, key) for n in site.notices for kind, key in (
        ("category", n.category), ("domain", n.domain_id), ("item", n.item_id),
        ("township", n.township_id), ("village", (n.township_id, n.village_id)))}
    groups = [
        (msg.EMPTY_KIND_CATEGORY, [c.name for c in vocab.CATEGORIES
                                   if ("category", c.name) not in have]),
        (msg.EMPTY_KIND_DOMAIN, [d.name for d in site.domains if ("domain", d.id) not in have]),
        (msg.EMPTY_KIND_ITEM, [i.name for i in site.items if ("item", i.id) not in have]),
        (msg.EMPTY_KIND_TOWNSHIP, [t.name for t in site.townships
                                   if ("township", t.id) not in have]),
        (msg.EMPTY_KIND_VILLAGE, [f"{t.name} · {v.name}" for t in site.townships
                                  for v in t.villages if ("village", (t.id, v.id)) not in have]),
    ]
    count = sum(len(names) for _, names in groups)
    if not count:
        return
    columns = "；".join(msg.EMPTY_KIND_LIST.format(kind=kind, names="、".join(names))
                       for kind, names in groups if names)
    report = problems.warn if count >= EMPTY_COLUMNS_LIMIT else problems.note
    report(catalog_path, None, None, msg.EMPTY_COLUMNS.format(count=count, columns=columns),
           msg.EMPTY_COLUMNS_HINT.format(limit=EMPTY_COLUMNS_LIMIT))


def assemble(root: Path, catalog: Catalog, notices: list[Notice], pages: list[ColumnPage],
             withheld: int) -> Site:
    assert catalog.info is not None
    notices.sort(key=lambda n: n.sort_key, reverse=True)
    pages.sort(key=lambda p: (p.column, p.order, p.id))
    return Site(root, catalog.info, catalog.settings, catalog.townships, catalog.domains,
                catalog.items, notices, pages, withheld, catalog.url_changes)
