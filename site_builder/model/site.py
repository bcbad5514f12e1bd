"""The content model: plain, validated data. Built once by `validate`, read by every later stage.

Nothing here knows about YAML, Markdown rendering or MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..base import vocab
from .settings import PrivacySettings


@dataclass(frozen=True)
class Source:
    """Where a thing was declared: for messages that point the user at it."""

    path: Path
    line: int


@dataclass
class Contact:
    address: str
    phone: str
    email: str = ""
    hours: str = ""
    fax: str = ""


@dataclass
class SiteInfo:
    name: str
    base_url: str  # always ends with "/"
    sponsor: str  # 主办单位
    contact: Contact
    org_code: str = ""  # 机构代码, prefix of 索引号
    site_code: str = ""  # 网站标识码
    icp: str = ""  # ICP备案号
    police: str = ""  # 公安机关备案号
    intro: str = ""


@dataclass
class Settings:
    per_page: int = 50  # notices per listing page
    latest_on_home: int = 15
    privacy: PrivacySettings = field(default_factory=PrivacySettings)  # 个人信息, 遮盖格式


@dataclass
class Village:
    id: str
    name: str
    township_id: str


@dataclass
class Township:
    id: str
    name: str
    kind: str  # 镇 / 乡 / 街道
    villages: list[Village] = field(default_factory=list)
    intro: str = ""

    def village(self, ref: str) -> Village | None:
        for v in self.villages:
            if ref in (v.id, v.name):
                return v
        return None


@dataclass
class Domain:
    id: str
    name: str
    department: str  # 主管部门
    intro: str = ""


@dataclass
class Basis:
    """公开依据: one document, full name and number."""

    name: str
    number: str

    def __str__(self) -> str:
        return f"{self.name}（{self.number}）" if self.number else self.name


@dataclass
class TimeLimit:
    """公开时限: the text as published and its machine-readable form."""

    text: str
    kind: str  # vocab.LIMIT_KINDS
    days: int | None = None  # for 工作日 / 自然日
    period: str | None = None  # for 定期: 按月 / 按季度 / ...
    notice_days: int | None = None  # 公示期, in working days


@dataclass
class CatalogItem:
    id: str
    seq: int  # 序号, 1-based in catalog order
    domain_id: str
    level1: str  # 一级事项
    level2: str  # 二级事项
    content: str  # 公开内容（要素）
    bases: list[Basis]
    time_limit: TimeLimit
    subject: str  # 公开主体
    channels: list[str]
    other_channels: str
    audiences: list[str]  # 公开对象
    methods: list[str]  # 公开方式
    levels: list[str]  # 公开层级
    category: str  # 五公开 name
    source: Source | None = None

    @property
    def name(self) -> str:
        return f"{self.level1} / {self.level2}" if self.level2 else self.level1


@dataclass
class Attachment:
    filename: str  # file name as stored beside the notice (may be Chinese, with spaces)
    title: str  # name shown to readers
    path: Path  # absolute source path
    size: int
    masked: bytes | None = None  # published instead of the file when personal data was masked


@dataclass
class Notice:
    id: str
    title: str
    item_id: str
    domain_id: str
    category: str  # 五公开 name: the item's unless overridden
    township_id: str | None
    village_id: str | None
    publisher: str  # 发布机构
    formed: dt.date  # 成文日期
    published: dt.date  # 发布日期
    doc_number: str  # 文号
    attribute: str  # 公开属性
    summary: str
    keywords: list[str]
    attachments: list[Attachment]
    interprets: str | None  # id of the policy this notice interprets (解读)
    body: str  # Markdown
    body_line: int  # file line where the body starts
    source: Path
    assets: list[Path] = field(default_factory=list)  # files the body links to (images, docs)
    masked_assets: dict[Path, bytes] = field(default_factory=dict)  # published instead of those
    not_personal: frozenset[str] = frozenset()  # 不是个人信息 values (normalised, screen._plain)
    # issue 14: kind of document, 废止, 征求意见 and the links of a later notice to an earlier one
    doc_kind: str = ""  # 文件类型 (vocab.DOC_KINDS) or ""
    repealed: dt.date | None = None  # 废止日期, written on the document itself
    repeals: list[str] = field(default_factory=list)  # 废止文件: ids this notice repeals
    deadline: dt.date | None = None  # 征求意见截止 (last day for opinions)
    feedback: list[tuple[str, str]] = field(default_factory=list)  # 反馈方式: (地址, …)
    adoption_of: str | None = None  # 采纳情况: id of the 征求意见 this notice answers
    result_of: str | None = None  # 公示结果: id of the 公示 whose result this is
    kind_line: int | None = None  # the line of 文件类型 in the source (for check's 注意)
    counted_from: dt.date | None = None  # 起算日期: when the 公开时限 starts (else 成文日期)

    @property
    def on_request(self) -> bool:
        return self.attribute == vocab.ATTR_ON_REQUEST

    @property
    def level(self) -> str:
        return vocab.level_of(self.township_id, self.village_id)

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        return (self.published, self.id)


@dataclass
class ColumnPage:
    """A page of the 信息公开 column (指南, 制度, 年报, ...), written by the office."""

    id: str
    title: str
    column: str  # vocab.Column.id
    order: int
    updated: dt.date | None
    body: str
    body_line: int
    source: Path
    assets: list[Path] = field(default_factory=list)
    masked_assets: dict[Path, bytes] = field(default_factory=dict)  # published instead of those


@dataclass(frozen=True)
class Move:
    old: str  # site path
    new: str  # site path, or an absolute http(s) URL on another site
    source: Path
    line: int


@dataclass(frozen=True)
class Retirement:
    path: str
    date: dt.date
    note: str
    source: Path
    line: int


@dataclass
class UrlChanges:
    """What catalog.yaml declares about published URLs that are no longer pages of their own
    (permalinks.py): moved pages get a redirect, withdrawn ones a tombstone page."""

    moves: list[Move] = field(default_factory=list)
    retired: list[Retirement] = field(default_factory=list)


@dataclass
class Site:
    """Everything the generator needs. Withheld (不予公开) notices are never in it."""

    root: Path
    info: SiteInfo
    settings: Settings
    townships: list[Township]
    domains: list[Domain]
    items: list[CatalogItem]
    notices: list[Notice]  # 主动公开 and 依申请公开 only, newest first
    pages: list[ColumnPage]
    withheld: int = 0  # how many 不予公开 notices were left out
    url_changes: UrlChanges = field(default_factory=lambda: UrlChanges())  # 迁移, 撤回

    @cached_property
    def township_by_id(self) -> dict[str, Township]:
        return {t.id: t for t in self.townships}

    @cached_property
    def domain_by_id(self) -> dict[str, Domain]:
        return {d.id: d for d in self.domains}

    @cached_property
    def item_by_id(self) -> dict[str, CatalogItem]:
        return {i.id: i for i in self.items}

    @cached_property
    def notice_by_id(self) -> dict[str, Notice]:
        return {n.id: n for n in self.notices}

    @cached_property
    def interpretations(self) -> dict[str, list[Notice]]:
        """Policy id → the notices that interpret it (解读)."""
        out: dict[str, list[Notice]] = {}
        for n in self.notices:
            if n.interprets:
                out.setdefault(n.interprets, []).append(n)
        return out

    @cached_property
    def adoptions(self) -> dict[str, list[Notice]]:
        """征求意见 id → its 采纳情况 notices (issue 14)."""
        return _by_target(self.notices, lambda n: n.adoption_of)

    @cached_property
    def results(self) -> dict[str, list[Notice]]:
        """公示 id → the notices publishing its result (issue 14)."""
        return _by_target(self.notices, lambda n: n.result_of)

    @cached_property
    def repeal_dates(self) -> dict[str, dt.date]:
        """Document id → when it was repealed: its own 废止日期, or the 成文日期 of the first
        notice listing it in 废止文件 (issue 14)."""
        out = {n.id: n.repealed for n in self.notices if n.repealed}
        for n in sorted(self.notices, key=lambda n: n.formed):
            for target in n.repeals:
                out.setdefault(target, n.formed)
        return out

    def village(self, township_id: str, village_id: str) -> Village | None:
        t = self.township_by_id.get(township_id)
        return t.village(village_id) if t else None


def _by_target(notices: list[Notice], target) -> dict[str, list[Notice]]:
    out: dict[str, list[Notice]] = {}
    for n in notices:
        key = target(n)
        if key:
            out.setdefault(key, []).append(n)
    return out
