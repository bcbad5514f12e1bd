"""The controlled vocabularies of the field, defined once.

Every value a user may type in `catalog.yaml` or in a notice's front matter, and the stable
ASCII ids the generator derives URLs from, live here. Sources: `domain.md` (national catalog
columns, 国办发〔2019〕54号) and the seeds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """One of the five disclosures (五公开)."""

    id: str  # stable URL id, never changes
    name: str
    description: str


CATEGORIES: tuple[Category, ...] = (
    Category("juece", "决策公开", "重大决策的草案、征求意见、听证、决策结果及政策解读。"),
    Category("zhixing", "执行公开", "政策措施的落实情况、工作进展、督查检查和审计整改。"),
    Category("guanli", "管理公开", "行政许可、行政处罚、监管检查、备案和行业管理信息。"),
    Category("fuwu", "服务公开", "办事指南、服务事项、办理流程、联系方式和便民信息。"),
    Category("jieguo", "结果公开", "审核审批结果、名单公示、资金发放和工作成效。"),
)
CATEGORY_BY_NAME: dict[str, Category] = {c.name: c for c in CATEGORIES}

# 公开渠道和载体: the national checkbox list (domain.md), in its published order.
CHANNELS: tuple[str, ...] = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "12345政务服务热线",
    "其他",
)

AUDIENCES: tuple[str, ...] = ("全社会", "特定群体")  # 公开对象
METHODS: tuple[str, ...] = ("主动公开", "依申请公开")  # 公开方式
LEVELS: tuple[str, ...] = ("县级", "乡级", "村级")  # 公开层级
TOWNSHIP_KINDS: tuple[str, ...] = ("镇", "乡", "街道")

# 公开属性 of a notice, decided at the source (seed 004).
ATTR_ACTIVE = "主动公开"
ATTR_ON_REQUEST = "依申请公开"
ATTR_WITHHELD = "不予公开"
ATTRIBUTES: tuple[str, ...] = (ATTR_ACTIVE, ATTR_ON_REQUEST, ATTR_WITHHELD)

# 公开时限: machine-readable kinds.
LIMIT_WORKDAYS = "工作日"
LIMIT_CALENDAR_DAYS = "自然日"
LIMIT_REALTIME = "实时"
LIMIT_PERIODIC = "定期"
LIMIT_KINDS: tuple[str, ...] = (LIMIT_WORKDAYS, LIMIT_CALENDAR_DAYS, LIMIT_REALTIME, LIMIT_PERIODIC)
PERIODS: tuple[str, ...] = ("按月", "按季度", "按半年", "按年")


@dataclass(frozen=True)
class Column:
    """A fixed column (栏目) of the 信息公开 section, whose pages live in content/pages/."""

    id: str
    name: str


COLUMNS: tuple[Column, ...] = (
    Column("zhinan", "政府信息公开指南"),
    Column("zhidu", "政府信息公开制度"),
    Column("fdzdgknr", "法定主动公开内容"),
    Column("nianbao", "政府信息公开年报"),
    Column("ysqgk", "依申请公开"),
)
COLUMN_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
# The column whose page is the application guide that 依申请公开 notices point to.
APPLICATION_COLUMN = "ysqgk"


def level_of(township_id: str | None, village_id: str | None) -> str:
    """The 公开层级 a notice is published at: county, township or village."""
    if village_id:
        return "村级"
    if township_id:
        return "乡级"
    return "县级"


# Field names staff commonly type instead of the right ones (suggested in messages).
FIELD_ALIASES: dict[str, str] = {
    "发布时间": "发布日期", "时间": "发布日期", "日期": "发布日期", "公开日期": "发布日期",
    "成文时间": "成文日期", "印发日期": "成文日期", "名称": "标题", "题目": "标题",
    "属性": "公开属性", "公开方式": "公开属性", "所属乡镇": "乡镇", "乡镇街道": "乡镇",
    "街道": "乡镇", "社区": "村", "村居": "村", "村社区": "村", "发文字号": "文号",
    "字号": "文号", "发文单位": "发布机构", "发布单位": "发布机构", "来源": "发布机构",
    "类别": "五公开", "分类": "五公开", "公开类别": "五公开", "目录事项": "事项",
    "关键词": "主题词", "解读文件": "解读", "政策解读": "解读", "简介": "摘要",
    "人工审核": "人工核查", "人工检查": "人工核查", "已核查": "人工核查", "核查": "人工核查",
    "审核人": "核查人", "检查人": "核查人", "核对人": "核查人", "核查日期": "日期",
    "检查日期": "日期", "审核日期": "日期", "文件名": "文件",
}


# --- issue 14: kinds of document (文件类型), 废止, 征求意见 ---
DOC_REGULATION = "规章"
DOC_NORMATIVE = "规范性文件"
DOC_OTHER = "其他文件"
DOC_CONSULTATION = "征求意见"
DOC_KINDS: tuple[str, ...] = (DOC_REGULATION, DOC_NORMATIVE, DOC_OTHER, DOC_CONSULTATION)
# Policy documents that are published with a 解读 (同步发布: within INTERPRETATION_DAYS).
NEEDS_INTERPRETATION: tuple[str, ...] = (DOC_REGULATION, DOC_NORMATIVE)
INTERPRETATION_DAYS = 3  # working days
# 年报 table one (主动公开政府信息情况): rows counted from 文件类型, named as on the national form.
ANNUAL_ROWS: tuple[tuple[str, str], ...] = ((DOC_REGULATION, "规章"),
                                            (DOC_NORMATIVE, "行政规范性文件"))
# 反馈方式 of a 征求意见: the static site has no form, so letters, e-mail, phone or fax.
FEEDBACK_KEYS: tuple[str, ...] = ("地址", "邮箱", "电话", "传真")
