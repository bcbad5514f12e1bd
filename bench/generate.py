"""Write a synthetic county for benchmarks: catalog, mkdocs.yml and N realistic notices.

    python bench/generate.py --notices 5000 --out bench/out/n5000/ours
    python bench/generate.py --notices 5000 --out bench/out/n5000/baseline --baseline

The default project is the generator's own (catalog.yaml + content/ + the site-builder plugin).
`--baseline` writes the same notices as a plain MkDocs + Material project (docs/, documents kept
out of the navigation with `not_in_nav`), with two configs: mkdocs.yml (no plugins at all) and
mkdocs-search.yml (Material's search plugin).

The catalog is the repository's sample catalog (townships, villages, domains, items). Everything
else comes from the phrase banks below and a seeded random generator, so the same arguments always
give the same files. Nothing outside the repository is read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
CATALOG = REPO / "catalog.yaml"
MKDOCS_YML = REPO / "mkdocs.yml"

FIRST_DAY = dt.date(2019, 1, 2)
LAST_DAY = dt.date(2026, 10, 30)  # fixed, so that output does not depend on today's date
MEDIAN_LENGTH = 1000  # characters of Markdown body (the result; the target is set lower)
MIN_LENGTH, MAX_LENGTH = 300, 4000
OVERSHOOT = 0.85  # sections, tables and the closing run past the target
LEVEL_WEIGHTS = {"县级": 1.0, "乡级": 2.0, "村级": 2.5}

try:  # the generator's own dependency; official working days (with 调休) when known
    from chinese_calendar import is_workday as _official_workday
except ImportError:  # pragma: no cover
    _official_workday = None


# -- model of what is written --------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    id: str
    domain: str
    name: str  # 二级事项, or 一级事项 + 二级事项 when the latter alone says little (办事指南)
    category: str
    levels: tuple[str, ...]
    kind: str  # policy, consult, guide, roster, progress, funds, budget, request
    method: str


@dataclass(frozen=True)
class Township:
    id: str
    name: str
    kind: str
    villages: tuple[str, ...]  # names


@dataclass(frozen=True)
class County:
    name: str  # 望川县
    items: tuple[Item, ...]
    townships: tuple[Township, ...]
    departments: dict[str, str]  # domain id -> 主管部门 (县民政局)
    domain_names: dict[str, str]


@dataclass
class Notice:
    item: Item
    township: Township | None
    village: str | None
    formed: dt.date
    published: dt.date
    id: str = ""
    title: str = ""
    publisher: str = ""
    doc_number: str = ""
    attribute: str = "主动公开"
    summary: str = ""
    keywords: list[str] = field(default_factory=list)
    interprets: Notice | None = None
    document: str = ""  # 《name》 of the policy document a policy notice issues
    body: str = ""

    @property
    def folder(self) -> str:
        return self.township.id if self.township else "county"


# -- phrase banks --------------------------------------------------------------------------------
KIND_BY_SUFFIX = {
    "zcwj": "policy", "fczc": "policy", "zqyj": "consult",
    "tzzn": "guide", "bazn": "guide", "btzn": "guide", "dbzn": "guide", "tkzn": "guide",
    "lszn": "guide", "sbzn": "guide",
    "baxx": "roster", "btmd": "roster", "jgml": "roster", "dbsh": "roster", "dbsp": "roster",
    "tksh": "roster", "lsjg": "roster", "ffgs": "roster", "btgs": "roster", "dxgs": "roster",
    "jdjc": "progress", "gzjz": "progress", "jdts": "progress",
    "zjsy": "funds", "zjqk": "funds", "jdqk": "funds",
    "yusuan": "budget", "juesuan": "budget", "gryc": "request",
}
KIND_WEIGHTS = {"roster": 3.0, "progress": 1.5, "funds": 1.2, "guide": 1.0, "policy": 1.0,
                "consult": 0.5, "budget": 0.8, "request": 0.3}
DEPT_ABBR = {"县民政局": "民", "县农业农村局": "农", "县人力资源和社会保障局": "人社",
             "县住房和城乡建设局": "建", "县财政局": "财"}
BUDGET_DEPTS = ("县教育局", "县卫生健康局", "县民政局", "县财政局", "县农业农村局",
                "县自然资源和规划局", "县交通运输局", "县市场监督管理局", "县文化和广电旅游体育局")

POLICY_TOPICS = {
    "ylfw": ("养老服务体系建设实施方案", "居家社区养老服务提升行动方案", "老年人助餐服务管理办法",
             "经济困难老年人养老服务补贴实施细则", "养老机构等级评定管理办法"),
    "shjz": ("最低生活保障工作实施细则", "临时救助实施办法", "特困人员救助供养工作规程",
             "社会救助家庭经济状况核对办法", "低收入人口动态监测和常态化救助帮扶实施方案"),
    "snbt": ("耕地地力保护补贴实施方案", "农机购置与应用补贴实施方案", "种粮农民一次性补贴发放方案",
             "农业社会化服务项目实施方案"),
    "jycy": ("就业创业扶持政策实施细则", "创业担保贷款实施办法", "公益性岗位开发管理办法",
             "高校毕业生等青年就业创业推进计划"),
    "wfgz": ("农村危房改造实施方案", "农村低收入群体住房安全保障工作方案",
             "农房抗震改造试点实施方案"),
    "czyjs": ("预算管理一体化实施方案", "部门预决算公开工作实施细则", "财政资金绩效管理办法"),
}
STANDARDS = {
    "shjz": ("城乡最低生活保障标准", "特困人员基本生活标准", "临时救助标准"),
    "ylfw": ("高龄津贴发放标准", "经济困难老年人养老服务补贴标准"),
    "snbt": ("耕地地力保护补贴标准",),
    "jycy": ("公益性岗位补贴标准", "职业技能培训补贴标准"),
    "wfgz": ("农村危房改造补助标准",),
    "czyjs": ("公务接待费开支标准",),
}
GUIDE_SUBSIDIES = {
    "ylfw": "高龄津贴和养老服务补贴", "shjz": "社会救助", "snbt": "耕地地力保护补贴",
    "jycy": "一次性创业补贴", "wfgz": "农村危房改造补助", "czyjs": "财政补助资金",
}

# (column header, value kind, parameters) — value kinds are handled by `_cell`.
Column = tuple[str, str, tuple]
NAME: Column = ("姓名", "name", ())
ID: Column = ("身份证号", "idno", ())
VILLAGE: Column = ("所在村（社区）", "village", ())
ROSTERS: dict[str, tuple[str, tuple[Column, ...]]] = {
    "shjz-dbsh": ("最低生活保障审核对象", (("申请人", "name", ()), ID, VILLAGE,
                                          ("家庭人口", "int", (1, 5)),
                                          ("拟保障金额（元/月）", "int", (260, 2600)))),
    "shjz-dbsp": ("最低生活保障对象名单", (("户主姓名", "name", ()), VILLAGE,
                                          ("保障类别", "choice", ("城市低保", "农村低保")),
                                          ("保障人数", "int", (1, 5)),
                                          ("保障金额（元/月）", "int", (300, 2900)))),
    "shjz-tksh": ("特困人员审核审批对象", (NAME, ID, VILLAGE,
                                          ("供养形式", "choice", ("分散供养", "集中供养")),
                                          ("基本生活标准（元/月）", "int", (930, 1250)))),
    "shjz-lsjg": ("临时救助对象", (NAME, VILLAGE,
                                  ("救助事由", "choice", ("因病", "因灾", "因意外事故",
                                                          "突发重大困难", "就学困难")),
                                  ("救助金额（元）", "int", (500, 9000)))),
    "ylfw-btmd": ("老年人补贴发放名单", (NAME, VILLAGE,
                                        ("补贴类别", "choice", ("高龄津贴", "养老服务补贴",
                                                                "护理补贴")),
                                        ("补贴金额（元/月）", "int", (50, 600)))),
    "ylfw-baxx": ("养老机构备案信息", (("机构名称", "home", ()), ("法定代表人", "name", ()),
                                      ("床位数（张）", "int", (20, 300)),
                                      ("服务内容", "choice", ("生活照料、康复护理", "全托、日托",
                                                              "医养结合", "居家上门服务")),
                                      ("备案日期", "date", ()))),
    "ylfw-jgml": ("养老服务机构名录", (("机构名称", "home", ()), ("地址", "address", ()),
                                      ("联系电话", "phone", ()), ("床位数（张）", "int", (20, 300)),
                                      ("收费标准（元/月）", "int", (1200, 4800)))),
    "snbt-ffgs": ("耕地地力保护补贴发放结果", (NAME, ID, VILLAGE,
                                              ("补贴面积（亩）", "area", ()),
                                              ("补贴金额（元）", "int", (90, 3600)))),
    "jycy-btgs": ("就业创业补贴发放情况", (NAME, ID,
                                          ("补贴类别", "choice", ("一次性创业补贴", "社会保险补贴",
                                                                  "职业技能培训补贴",
                                                                  "求职创业补贴")),
                                          ("补贴金额（元）", "int", (800, 10000)))),
    "wfgz-dxgs": ("农村危房改造对象", (("户主姓名", "name", ()), ID, VILLAGE,
                                      ("危房等级", "choice", ("C级", "D级")),
                                      ("改造方式", "choice", ("加固改造", "拆除重建")),
                                      ("补助金额（元）", "int", (15000, 45000)))),
}
DEFAULT_ROSTER: tuple[Column, ...] = (NAME, VILLAGE, ("金额（元）", "int", (100, 5000)))
PROGRESS_TOPICS = {
    "ylfw-jdjc": "养老机构服务质量和安全生产监督检查", "ylfw-gzjz": "养老服务体系建设",
    "shjz-jdts": "社会救助领域专项检查", "shjz-zjsy": "社会救助", "snbt-zjqk": "涉农补贴",
    "wfgz-jdqk": "农村危房改造",
}
FUND_ROWS = ("城乡低保资金", "特困供养资金", "临时救助资金", "高龄津贴", "耕地地力保护补贴",
             "农机购置补贴", "创业担保贷款贴息", "公益性岗位补贴", "危房改造补助资金",
             "养老服务补贴", "就业专项资金", "残疾人两项补贴")
BUDGET_ROWS = ("一般公共预算收入", "一般公共预算支出", "基本支出", "项目支出", "政府性基金预算支出",
               "“三公”经费", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费",
               "机关运行经费", "政府采购预算")

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
            "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎")
GIVEN = "建国秀英桂兰明华志强玉梅海燕军红霞丽娟伟芳敏静杰涛超磊洋勇艳平刚春凤德福金花永胜振文"
HOME_SUFFIX = ("养老院", "颐养中心", "居家养老服务中心", "老年公寓", "康养中心", "幸福院")
ROADS = ("府前路", "人民路", "解放街", "建设路", "新华路", "滨江路", "中山路", "东门街", "学府路")

BASES = ("《中华人民共和国政府信息公开条例》", "《社会救助暂行办法》",
         "《最低生活保障审核确认办法》", "《特困人员认定办法》", "《养老机构管理办法》",
         "《中华人民共和国预算法》",
         "《中华人民共和国就业促进法》", "《地方预决算公开操作规程》")

SENTENCES = (
    "各地要进一步提高思想认识，把{domain}工作摆上重要议事日程，明确分管领导和具体经办人员，"
    "确保各项政策措施落到实处。",
    "{dept}将会同有关部门对工作落实情况开展督促检查，对工作推进不力、群众反映强烈的予以通报。",
    "严格执行申请、审核、审批、公示等程序，做到应保尽保、应退尽退，确保公开、公平、公正。",
    "充分利用政府网站、政务新媒体和村（居）务公开栏等渠道，加强政策宣传解读，提高群众知晓率。",
    "截至{month}月底，全{unit}累计发放各类{domain}资金{amount}万元，惠及群众{people}人次。",
    "建立健全动态管理机制，定期开展复核，对家庭经济状况发生变化的及时调整相关待遇。",
    "加强资金监管，严禁截留、挤占、挪用补助资金，对违规违纪问题依法依规严肃处理。",
    "坚持问题导向，聚焦群众急难愁盼，推动{domain}工作向基层延伸、向村（社区）覆盖。",
    "各乡镇（街道）要在规定时限内完成信息录入和审核工作，并将有关材料报{dept}备案。",
    "{year}年以来，{place}围绕{domain}重点任务，细化工作措施，压实工作责任，各项工作有序推进。",
    "通过入户走访、电话回访等方式，累计排查{people}户，发现并整改问题{small}个。",
    "对因病、因灾、因意外事故等导致基本生活出现严重困难的家庭，及时给予临时救助。",
    "进一步优化办理流程，推行“一窗受理、一次办结”，申请材料由{old}项精简至{new}项。",
    "各村（社区）要安排专人负责信息公开工作，确保公开内容真实、准确、完整、及时。",
    "落实首问负责、一次性告知和限时办结制度，不断提升群众满意度。",
    "补助资金实行专账核算、专款专用，通过“一卡通”直接发放到户，减少中间环节。",
    "加强部门协同和数据共享，依托社会救助家庭经济状况核对平台，提高审核认定的精准度。",
    "对工作中发现的问题建立台账，明确整改责任人和整改时限，实行销号管理。",
    "本年度共完成培训{small}期，参训人员{people}人次，培训合格率达到{percent}%。",
    "今后，{place}将继续健全长效机制，持续提升{domain}工作的规范化、标准化水平。",
    "各有关单位要加强对基层经办人员的业务培训，提高政策把握和业务办理能力。",
    "对弄虚作假骗取补助资金的，一经查实，立即停发并追回已发资金，依法追究相关责任。",
    "经统计，{year}年{period}共受理申请{people}件，办结{people2}件，按时办结率100%。",
    "结合“大走访、大排查”活动，深入了解困难群众实际需求，做到早发现、早介入、早帮扶。",
    "各级各部门要主动接受社会监督，畅通投诉举报渠道，认真受理和核查群众反映的问题。",
)
SECTION_HEADINGS = {
    "policy": ("总体要求", "主要任务", "保障标准", "工作措施", "组织保障", "职责分工",
               "实施步骤", "监督管理"),
    "consult": ("起草背景", "主要内容", "征求意见范围", "意见反馈方式"),
    "guide": ("办理依据", "申请条件", "所需材料", "办理流程", "办理时限", "办理地点",
              "收费标准", "咨询和监督电话"),
    "roster": ("基本情况", "公示名单", "监督方式"),
    "progress": ("基本情况", "主要做法", "存在问题", "下一步工作"),
    "funds": ("资金下达情况", "资金拨付情况", "资金监管情况", "下一步工作"),
    "budget": ("部门基本情况", "收支预算总体情况", "“三公”经费情况", "政府采购情况",
               "绩效目标情况", "名词解释"),
    "request": ("申请内容", "答复意见"),
}
MATERIALS = ("居民身份证、户口簿原件及复印件", "书面申请书", "家庭经济状况核对授权书",
             "家庭成员收入证明", "残疾证或病历等相关证明材料", "银行账户（社会保障卡）信息",
             "近期免冠照片2张", "土地承包经营权证明", "营业执照复印件", "劳动合同或就业登记证明")
STEPS = ("申请人向户籍所在地乡镇人民政府（街道办事处）提出书面申请",
         "乡镇人民政府（街道办事处）组织入户调查和家庭经济状况核对",
         "村（居）民委员会协助开展民主评议并公示",
         "乡镇人民政府（街道办事处）提出审核意见并报县级主管部门",
         "县级主管部门审批，符合条件的按月发放")
CN_NUMBERS = "一二三四五六七八九十"
GENERIC_LEVEL2 = ("办事指南", "审核信息", "审批信息", "审核审批信息", "救助结果")
STANDARD_ROWS = {
    "shjz": ("城市低保", "农村低保", "特困人员集中供养", "特困人员分散供养", "临时救助（月标准）"),
    "ylfw": ("80—89周岁高龄津贴", "90—99周岁高龄津贴", "100周岁以上高龄津贴", "养老服务补贴",
             "护理补贴"),
    "snbt": ("耕地地力保护补贴（元/亩）", "种粮一次性补贴（元/亩）", "农机作业补贴（元/亩）"),
    "jycy": ("一次性创业补贴", "公益性岗位补贴（元/月）", "职业技能培训补贴（元/人）"),
    "wfgz": ("C级危房加固改造", "D级危房拆除重建", "抗震改造"),
    "czyjs": ("公务接待（元/人·餐）", "差旅住宿（元/人·天）", "会议费（元/人·天）"),
}


# -- reading the catalog -------------------------------------------------------------------------
def load_county(catalog: Path = CATALOG) -> County:
    data = yaml.safe_load(catalog.read_text(encoding="utf-8"))
    site_name = data["站点"]["名称"]
    match = re.match(r"^(.+?[县市区旗])", site_name)
    county = match.group(1) if match else "望川县"
    domains = {d["id"]: d for d in data["领域"]}
    items = tuple(_item(raw) for raw in data["事项"])
    townships = tuple(Township(t["id"], t["名称"], t["类型"],
                               tuple(v["名称"] for v in t.get("村") or ()))
                      for t in data["乡镇"])
    return County(county, items, townships,
                  {k: d["主管部门"] for k, d in domains.items()},
                  {k: d["名称"] for k, d in domains.items()})


def _item(raw: dict) -> Item:
    suffix = raw["id"].split("-", 1)[-1]
    methods = _as_list(raw.get("公开方式") or "主动公开")
    level1, level2 = raw["一级事项"], raw.get("二级事项") or ""
    name = level1 + level2 if level2 in GENERIC_LEVEL2 else level2 or level1
    kind = KIND_BY_SUFFIX.get(suffix, "progress")
    return Item(raw["id"], raw["领域"], name, raw["五公开"], tuple(_as_list(raw["公开层级"])), kind,
                methods[0])


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


# -- planning: items, places, dates, ids ---------------------------------------------------------
def plan(county: County, count: int, rng: random.Random) -> list[Notice]:
    """Choose item, place and dates of every notice; ids follow 发布日期 within each year."""
    weights = [KIND_WEIGHTS[i.kind] for i in county.items]
    notices = []
    for _ in range(count):
        item = rng.choices(county.items, weights)[0]
        township, village = _place(county, item, rng)
        formed, published = _dates(rng)
        notices.append(Notice(item, township, village, formed, published))
    order = sorted(range(count), key=lambda i: (notices[i].published, rng.random()))
    notices = [notices[i] for i in order]
    per_year: dict[int, int] = {}
    for n in notices:
        per_year[n.published.year] = per_year.get(n.published.year, 0) + 1
        n.id = f"{n.published.year}-{per_year[n.published.year]:04d}"
    return notices


def _place(county: County, item: Item, rng: random.Random) -> tuple[Township | None, str | None]:
    levels = [lv for lv in item.levels if lv in LEVEL_WEIGHTS]
    level = rng.choices(levels, [LEVEL_WEIGHTS[lv] for lv in levels])[0]
    if level == "县级":
        return None, None
    township = rng.choice(county.townships)
    if level == "村级" and township.villages:
        return township, rng.choice(township.villages)
    return township, None


def _is_workday(day: dt.date) -> bool:
    if _official_workday is not None:
        try:
            return _official_workday(day)
        except NotImplementedError:
            pass
    return day.weekday() < 5


def _dates(rng: random.Random) -> tuple[dt.date, dt.date]:
    """(成文日期, 发布日期): both working days, published 1–5 calendar days after."""
    span = (LAST_DAY - FIRST_DAY).days
    while True:
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
        if not _is_workday(published):
            continue
        gaps = [g for g in range(1, 6) if _is_workday(published - dt.timedelta(days=g))]
        if gaps:
            return published - dt.timedelta(days=rng.choice(gaps)), published


def link_interpretations(notices: Sequence[Notice], rng: random.Random, share: float = 0.2
                         ) -> None:
    """Turn some later policy notices into 解读 of an earlier policy of the same domain."""
    latest: dict[str, Notice] = {}
    for n in notices:
        if n.item.kind != "policy" or n.township is not None:
            continue
        previous = latest.get(n.item.domain)
        if previous is not None and previous.interprets is None and rng.random() < share:
            n.interprets = previous
        else:
            latest[n.item.domain] = n


# -- writing the text ----------------------------------------------------------------------------
class Writer:
    """Title, front matter fields and body of one notice, from the phrase banks."""

    def __init__(self, county: County, rng: random.Random):
        self.county = county
        self.rng = rng
        self.numbers: dict[tuple[str, int], int] = {}

    # fields ------------------------------------------------------------------------------------
    def fill(self, n: Notice) -> None:
        n.publisher = self.publisher(n)
        n.attribute = "依申请公开" if n.item.method == "依申请公开" else "主动公开"
        n.title = self.title(n)
        if n.item.kind in ("policy", "consult") and n.township is None and not n.interprets:
            n.doc_number = self.doc_number(n)
        if n.item.kind in ("policy", "consult", "funds") and self.rng.random() < 0.5:
            n.summary = self.sentence(n).rstrip("。")[:80] + "。"
        if self.rng.random() < 0.3:
            n.keywords = [self.county.domain_names[n.item.domain], n.item.name]
        n.body = self.body(n)

    def publisher(self, n: Notice) -> str:
        if n.village:
            return n.village + ("居民委员会" if n.village.endswith("社区") else "民委员会")
        if n.township:
            suffix = "办事处" if n.township.kind == "街道" else "人民政府"
            return n.township.name + suffix
        if n.item.kind == "budget":
            return self.county_dept(self.rng.choice(BUDGET_DEPTS))
        return self.county_dept(self.county.departments[n.item.domain])

    def county_dept(self, dept: str) -> str:
        return self.county.name + dept.removeprefix("县")

    def doc_number(self, n: Notice) -> str:
        abbr = DEPT_ABBR.get(self.county.departments[n.item.domain], "政")
        key = (abbr, n.formed.year)
        self.numbers[key] = self.numbers.get(key, 0) + self.rng.randint(1, 4)
        return f"{self.county.name[0]}{abbr}〔{n.formed.year}〕{self.numbers[key]}号"

    def place(self, n: Notice) -> str:
        if n.village:
            return f"{n.township.name}{n.village}" if n.township else n.village
        return n.township.name if n.township else self.county.name

    # titles ------------------------------------------------------------------------------------
    def title(self, n: Notice) -> str:
        if n.interprets is not None:
            return f"{n.interprets.document}政策解读"
        maker: Callable[[Notice], str] = getattr(self, f"_title_{n.item.kind}")
        return maker(n)

    def _title_policy(self, n: Notice) -> str:
        topic = self.rng.choice(POLICY_TOPICS.get(n.item.domain, ("工作实施方案",)))
        n.document = f"《{self.county.name}{topic}》"
        if n.item.domain in STANDARDS and self.rng.random() < 0.3:
            standard = self.rng.choice(STANDARDS[n.item.domain])
            n.document = f"《关于调整{standard}的通知》"
            return f"{n.publisher}关于调整{standard}的通知"
        return f"{n.publisher}关于印发{n.document}的通知"

    def _title_consult(self, n: Notice) -> str:
        topic = self.rng.choice(POLICY_TOPICS.get(n.item.domain, ("工作实施方案",)))
        return f"关于公开征求《{self.county.name}{topic}（征求意见稿）》意见的公告"

    def _title_guide(self, n: Notice) -> str:
        if self.rng.random() < 0.4:
            subsidy = GUIDE_SUBSIDIES.get(n.item.domain, n.item.name)
            return f"{self.place(n)}关于做好{n.published.year}年度{subsidy}申报工作的通知"
        return f"{self.place(n)}{n.item.name}（{n.published.year}年版）"

    def _title_roster(self, n: Notice) -> str:
        topic = ROSTERS.get(n.item.id, (n.item.name, ()))[0]
        period = self.period(n.formed)
        if self.rng.random() < 0.5:
            return f"{self.place(n)}关于{n.formed.year}年{period}{topic}的公示"
        return f"{self.place(n)}{n.formed.year}年{period}{topic}公示"

    def _title_progress(self, n: Notice) -> str:
        topic = PROGRESS_TOPICS.get(n.item.id, n.item.name)
        if "检查" in topic:
            return f"关于{n.formed.year}年{topic}情况的通报"
        return f"{self.place(n)}{n.formed.year}年{self.period(n.formed)}{topic}工作进展情况"

    def _title_funds(self, n: Notice) -> str:
        topic = PROGRESS_TOPICS.get(n.item.id, n.item.name)
        return f"{self.place(n)}{n.formed.year}年{self.period(n.formed)}{topic}资金使用情况公告"

    def _title_budget(self, n: Notice) -> str:
        unit = n.township.name if n.township else n.publisher
        if n.item.id.endswith("juesuan"):
            return f"{unit}{n.formed.year - 1}年度部门决算公开"
        return f"{unit}{n.formed.year}年部门预算公开"

    def _title_request(self, n: Notice) -> str:
        name = self.masked_name()
        return f"关于{name}申请公开{n.item.name}的答复"

    def period(self, day: dt.date) -> str:
        quarter = (day.month - 1) // 3
        return self.rng.choice((f"第{CN_NUMBERS[quarter]}季度", f"{day.month}月份",
                                "上半年" if day.month <= 6 else "下半年"))

    # body --------------------------------------------------------------------------------------
    def body(self, n: Notice) -> str:
        target = self.length()
        parts = [self.opening(n)]
        if n.interprets is not None:
            parts.append(f"原文链接：[{n.interprets.title}]({n.interprets.id}.md)")
        headings = SECTION_HEADINGS[n.item.kind] if target >= 700 else ()
        for number, heading in enumerate(headings, start=1):
            if _length(parts) >= target:
                break
            parts.append(f"## {CN_NUMBERS[number - 1]}、{heading}")
            parts.append(self.section(n, heading, target - _length(parts)))
        if not headings and n.item.kind == "roster":
            parts.append(self.roster_table(n, target - _length(parts)))
        while _length(parts) < target:
            parts.append(self.paragraph(n))
        parts.append(self.closing(n))
        return "\n\n".join(p for p in parts if p) + "\n"

    def length(self) -> int:
        value = self.rng.lognormvariate(math.log(MEDIAN_LENGTH), 0.55)
        return int(max(MIN_LENGTH, min(MAX_LENGTH, value) * OVERSHOOT))

    def section(self, n: Notice, heading: str, room: int) -> str:
        """The content under one `##` heading: a table, a numbered list or paragraphs."""
        year = n.formed.year
        if heading == "公示名单":
            return self.roster_table(n, room - 150)
        if heading in ("所需材料", "申请条件"):
            return self.numbered(MATERIALS)
        if heading in ("办理流程", "实施步骤"):
            return self.numbered(STEPS)
        if heading in ("资金下达情况", "资金拨付情况"):
            return self.amount_table(FUND_ROWS, ("项目名称", "下达资金（万元）", "已拨付（万元）",
                                                 "拨付进度"))
        if heading in ("收支预算总体情况", "“三公”经费情况"):
            return self.amount_table(BUDGET_ROWS, ("项目", f"{year}年（万元）",
                                                   f"{year - 1}年（万元）", "增减"))
        if heading == "保障标准":
            return self.standards_table(n)
        count = self.rng.randint(1, max(1, min(3, room // 250)))
        return "\n\n".join(self.paragraph(n) for _ in range(count))

    def opening(self, n: Notice) -> str:
        kind = n.item.kind
        domain = self.county.domain_names[n.item.domain]
        if n.interprets is not None:
            return (f"近日，{n.interprets.publisher}印发了{n.interprets.document}（以下简称"
                    f"《通知》）。为便于社会公众理解，现就《通知》有关内容解读如下。")
        if kind == "policy":
            return (f"各乡镇人民政府、街道办事处，县级有关单位：\n\n为进一步做好{domain}工作，"
                    f"根据{self.rng.choice(BASES)}等有关规定，经县人民政府同意，现将"
                    f"{n.document or '有关事项'}印发给你们，请结合实际认真贯彻执行。")
        if kind == "consult":
            return (f"为提高决策的科学性和透明度，{n.publisher}起草了有关文件（征求意见稿），"
                    f"现向社会公开征求意见。征求意见时间为{cn_date(n.published)}至"
                    f"{cn_date(n.published + dt.timedelta(days=30))}。")
        if kind == "roster":
            return (f"根据{self.rng.choice(BASES)}等有关规定，经个人申请、入户调查、民主评议和"
                    f"审核，现将有关名单予以公示。公示时间为{cn_date(n.published)}起7个工作日。")
        if kind == "request":
            return (f"{self.masked_name()}：本机关于{cn_date(n.formed)}收到您提交的政府信息公开"
                    f"申请，经审查，现答复如下。")
        return self.paragraph(n)

    def closing(self, n: Notice) -> str:
        contact = f"联系电话：{self.phone()}"
        if n.item.kind == "roster":
            return (f"公示期间，如对公示对象有异议，可向{n.publisher}书面反映或电话反映。"
                    f"\n\n{contact}\n\n{n.publisher}\n\n{cn_date(n.published)}")
        return f"{contact}\n\n{n.publisher}\n\n{cn_date(n.formed)}"

    def paragraph(self, n: Notice) -> str:
        templates = self.rng.sample(SENTENCES, k=self.rng.randint(2, 4))
        return "".join(self.sentence(n, t) for t in templates)

    def sentence(self, n: Notice, template: str | None = None) -> str:
        r = self.rng
        return (template or r.choice(SENTENCES)).format(
            domain=self.county.domain_names[n.item.domain],
            dept=self.county_dept(self.county.departments[n.item.domain]),
            place=self.place(n), year=n.formed.year, month=r.randint(1, 12),
            unit="县" if n.township is None else ("街道" if n.township.kind == "街道" else "镇"),
            amount=f"{r.uniform(12, 3800):.2f}", people=r.randint(40, 4800),
            people2=r.randint(30, 40), small=r.randint(3, 40), percent=r.randint(92, 99),
            period=self.period(n.formed), old=r.randint(8, 14), new=r.randint(3, 7),
        )

    def numbered(self, entries: Sequence[str]) -> str:
        chosen = self.rng.sample(list(entries), k=min(len(entries), self.rng.randint(3, 6)))
        return "\n".join(f"{i}. {text}；" for i, text in enumerate(chosen, start=1))

    # tables ------------------------------------------------------------------------------------
    def roster_table(self, n: Notice, room: int) -> str:
        """A name list of about `room` characters (at least three rows)."""
        columns = ROSTERS.get(n.item.id, ("", DEFAULT_ROSTER))[1]
        header = ("序号", *(c[0] for c in columns))
        lines = [_row(header), _row(("---",) * len(header))]
        size = 0
        while len(lines) < 5 or size < room:
            lines.append(_row((str(len(lines) - 1), *(self.cell(c, n) for c in columns))))
            size += len(lines[-1]) + 1
        return "\n".join(lines)

    def amount_table(self, labels: Sequence[str], header: Sequence[str]) -> str:
        lines = [_row(header), _row(("---",) * len(header))]
        for label in self.rng.sample(list(labels), k=self.rng.randint(3, min(8, len(labels)))):
            planned = self.rng.uniform(5, 2500)
            done = planned * self.rng.uniform(0.4, 1.0)
            last = f"{done / planned * 100:.1f}%" if "进度" in header[-1] else \
                f"{self.rng.uniform(-15, 25):+.1f}%"
            lines.append(_row((label, f"{planned:.2f}", f"{done:.2f}", last)))
        return "\n".join(lines)

    def standards_table(self, n: Notice) -> str:
        lines = [_row(("类别", "原标准（元）", "新标准（元）", "执行时间")), _row(("---",) * 4)]
        start = dt.date(n.formed.year, n.formed.month, 1) + dt.timedelta(days=40)
        labels = STANDARD_ROWS.get(n.item.domain, STANDARD_ROWS["shjz"])
        for label in self.rng.sample(labels, k=self.rng.randint(2, min(4, len(labels)))):
            old = self.rng.randint(60, 1200)
            new = old + self.rng.randint(10, 120)
            lines.append(_row((label, str(old), str(new), cn_date(start.replace(day=1)))))
        return "\n".join(lines)

    def cell(self, column: Column, n: Notice) -> str:
        _, kind, params = column
        r = self.rng
        if kind == "name":
            return self.masked_name()
        if kind == "idno":
            return f"33{'*' * 13}{r.randint(0, 99):02d}{r.choice('0123456789X')}"
        if kind == "village":
            return n.village or self.any_village(n)
        if kind == "int":
            return str(r.randint(*params))
        if kind == "choice":
            return r.choice(params)
        if kind == "area":
            return f"{r.uniform(0.5, 30):.2f}"
        if kind == "date":
            return (n.formed - dt.timedelta(days=r.randint(10, 900))).isoformat()
        if kind == "home":
            return f"{self.place(n)}{r.choice(ROADS)[:2]}{r.choice(HOME_SUFFIX)}"
        if kind == "address":
            return f"{self.place(n)}{r.choice(ROADS)}{r.randint(1, 300)}号"
        return self.phone()

    def any_village(self, n: Notice) -> str:
        township = n.township or self.rng.choice(self.county.townships)
        return self.rng.choice(township.villages) if township.villages else township.name

    def masked_name(self) -> str:
        surname = self.rng.choice(SURNAMES)
        return surname + ("*" + self.rng.choice(GIVEN) if self.rng.random() < 0.7 else "**")

    def phone(self) -> str:
        return f"0578-60{self.rng.randint(10000, 99999)}"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _length(parts: Sequence[str]) -> int:
    return sum(len(p) + 2 for p in parts)


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# -- files ---------------------------------------------------------------------------------------
def front_matter(n: Notice, title_key: bool = False) -> str:
    """The notice's YAML front matter; `title_key` adds MkDocs' own `title:` (baseline)."""
    fields: list[tuple[str, str]] = [("id", n.id), ("标题", n.title), ("事项", n.item.id)]
    if title_key:
        fields.insert(0, ("title", n.title))
    if n.township:
        fields.append(("乡镇", n.township.id))
    if n.village:
        fields.append(("村", n.village))
    fields += [("发布机构", n.publisher), ("成文日期", n.formed.isoformat()),
               ("发布日期", n.published.isoformat())]
    if n.doc_number:
        fields.append(("文号", n.doc_number))
    fields.append(("公开属性", n.attribute))
    if n.summary:
        fields.append(("摘要", n.summary))
    if n.keywords:
        fields.append(("主题词", "[" + ", ".join(n.keywords) + "]"))
    if n.interprets is not None:
        fields.append(("解读", n.interprets.id))
    fields += document_fields(n)
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields) + "---\n"


def document_fields(n: Notice) -> list[tuple[str, str]]:
    """文件类型 and the 征求意见 fields (issue 14): county policies with a 文号 are 规范性文件,
    consultations get a 30-day deadline and the office's e-mail and phone."""
    if n.item.kind == "policy" and n.doc_number and n.interprets is None:
        return [("文件类型", "规范性文件")]
    if n.item.kind == "consult":
        deadline = n.published + dt.timedelta(days=30)
        return [("文件类型", "征求意见"), ("征求意见截止", deadline.isoformat()),
                ("反馈方式", "{邮箱: zwgk@wangchuan.gov.cn, 电话: 0578-6021234}")]
    return []


def notice_files(notices: Sequence[Notice], title_key: bool = False) -> dict[str, str]:
    """Relative path under the notices folder → file text."""
    return {f"{n.folder}/{n.id}.md": front_matter(n, title_key) + "\n" + n.body for n in notices}


COLUMN_PAGES = {
    "zhinan.md": "---\nid: zhinan\n标题: 政府信息公开指南\n栏目: 政府信息公开指南\n排序: 1\n---\n\n"
                 "为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，"
                 "编制本指南。\n\n## 一、主动公开\n\n主动公开的政府信息通过本网站、政务新媒体、"
                 "政务服务中心和村（居）务公开栏等渠道发布。\n\n## 二、依申请公开\n\n"
                 "公民、法人或者其他组织可以通过当面、信函、网络等方式提出申请。\n",
    "ysqgk.md": "---\nid: ysqgk\n标题: 依申请公开指南\n栏目: 依申请公开\n---\n\n"
                "公民、法人或者其他组织可以向县人民政府及其工作部门、乡镇人民政府（街道办事处）"
                "申请获取政府信息。申请表可在政务服务中心领取或在本网站下载。\n",
}


def write_project(out: Path, notices: Sequence[Notice]) -> None:
    """The generator's project: catalog.yaml, mkdocs.yml, content/notices and content/pages."""
    _reset(out, ("content", "catalog.yaml", "mkdocs.yml"))
    shutil.copyfile(CATALOG, out / "catalog.yaml")
    (out / "mkdocs.yml").write_text(project_config(out), encoding="utf-8")
    _write_tree(out / "content" / "notices", notice_files(notices))
    _write_tree(out / "content" / "pages", COLUMN_PAGES)


def project_config(out: Path) -> str:
    """The repository's mkdocs.yml with custom_dir pointing at the repository's overrides."""
    text = MKDOCS_YML.read_text(encoding="utf-8")

    def repoint(m: re.Match[str]) -> str:
        target = os.path.relpath(REPO / m.group(2), out.resolve())
        return m.group(1) + Path(target).as_posix()

    return re.sub(r"^(\s*custom_dir:\s*)(\S+)", repoint, text, flags=re.MULTILINE)


BASELINE_CONFIG = """\
# Baseline: plain MkDocs + Material, notices kept out of the navigation.
site_name: {site_name}
site_url: https://www.example.gov.cn/
docs_dir: docs
site_dir: site
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
nav:
  - 首页: index.md
not_in_nav: |
  /notices/
plugins: {plugins}
markdown_extensions:
  - tables
  - attr_list
  - admonition
  - md_in_html
  - sane_lists
  - toc:
      permalink: false
"""


def write_baseline(out: Path, county: County, notices: Sequence[Notice]) -> None:
    """Plain Material: mkdocs.yml (plugins: []) and mkdocs-search.yml (search), docs/."""
    _reset(out, ("docs", "mkdocs.yml", "mkdocs-search.yml"))
    name = f"{county.name}人民政府信息公开"
    for filename, plugins in (("mkdocs.yml", "[]"), ("mkdocs-search.yml", "[search]")):
        (out / filename).write_text(BASELINE_CONFIG.format(site_name=name, plugins=plugins),
                                    encoding="utf-8")
    home = f"# {name}\n\n本站共发布政府信息 {len(notices)} 条。\n"
    _write_tree(out / "docs", {"index.md": home})
    _write_tree(out / "docs" / "notices", notice_files(notices, title_key=True))


def _reset(out: Path, names: Sequence[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = out / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def _write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# -- command line --------------------------------------------------------------------------------
def generate(count: int, seed: int, county: County | None = None) -> tuple[County, list[Notice]]:
    """The county and its `count` notices, fully written (same seed → same notices)."""
    county = county or load_county()
    rng = random.Random(seed)
    notices = plan(county, count, rng)
    link_interpretations(notices, rng)
    writer = Writer(county, rng)
    for n in notices:  # in 发布日期 order, so a policy is written before its 解读
        writer.fill(n)
    return county, notices


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notices", type=int, required=True, help="number of notices")
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--baseline", action="store_true",
                        help="write the plain MkDocs + Material baseline instead")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    county, notices = generate(args.notices, args.seed)
    if args.baseline:
        write_baseline(args.out, county, notices)
    else:
        write_project(args.out, notices)
    kind = "baseline" if args.baseline else "project"
    print(f"wrote {kind} with {len(notices)} notices to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
