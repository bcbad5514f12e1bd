"""The JSON Schemas in schemas/ agree with the validator (site_builder/validate.py).

The schemas give editors (VS Code + the YAML extension) completion, help and early warnings;
`site-builder check` stays the authoritative check. The rule that matters: a file that passes
`site-builder check` must pass its schema. These tests hold the schemas to that, and keep their
keys and vocabularies equal to the validator's, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import FIXTURES, GOOD_FRONT, REPO, TestProject

from site_builder.base import vocab
from site_builder.base.dates import DateError, parse_date
from site_builder.base.problems import Problems
from site_builder.check import validate
from site_builder.input.fields import ID_MAX, ID_PATTERN
from site_builder.input.load import decode, find_markdown
from site_builder.pipeline import Project, read_and_check

SCHEMAS = REPO / "schemas"
PROJECTS = {"sample": REPO, "small": FIXTURES / "small"}


# -- reading files as the editor sees them -------------------------------------------------------
class TextDateLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader without the timestamp resolver: dates stay text, as in the validator
    (and as JSON, which has no date type, needs them)."""


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str):
    return yaml.load(text, Loader=TextDateLoader)


def front_matter(text: str):
    """The front matter of a Markdown file, split as site_builder.load does (None if absent)."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None
    return load_yaml("\n".join(lines[1:end]))


def read_front_matter(path: Path, root: Path):
    text = decode(path, Problems(root))
    if text is None:
        return None
    try:
        return front_matter(text)
    except yaml.YAMLError:
        return None


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name))


CATALOG, NOTICE, PAGE = validator("catalog"), validator("notice"), validator("page")


def errors(v: jsonschema.Draft202012Validator, data) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(根)'}: {e.message}"
            for e in v.iter_errors(data)]


_REJECTED: dict[Path, set[str]] = {}


def rejected_files(root: Path) -> set[str]:
    """Files (relative paths) in which `site-builder check` reports at least one error."""
    if root not in _REJECTED:
        _, problems = read_and_check(Project.at(root), cache=False)  # in the repository
        _REJECTED[root] = {p.file for p in problems.errors}
    return _REJECTED[root]


# -- the shipped files validate ------------------------------------------------------------------
@pytest.mark.parametrize("name", PROJECTS)
def test_catalog_validates(name: str):
    data = load_yaml((PROJECTS[name] / "catalog.yaml").read_text(encoding="utf-8"))
    assert errors(CATALOG, data) == []


@pytest.mark.parametrize(("name", "kind"), [(p, k) for p in PROJECTS for k in ("notice", "page")])
def test_front_matter_validates(name: str, kind: str):
    """Every notice (page) that passes `site-builder check` passes notice (page) schema.

    Files in which check itself reports an error are left out: other people may be adding
    sample notices to content/ right now, and a broken one is theirs to fix. The small fixture
    has no such file, so there every file is checked.
    """
    root = PROJECTS[name]
    notices, pages = find_markdown(root / "content")
    files = notices if kind == "notice" else pages
    v = NOTICE if kind == "notice" else PAGE
    rejected = rejected_files(root)
    if name == "small":
        assert rejected == set()
    failures, checked = [], 0
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel in rejected:
            continue
        meta = read_front_matter(path, root)
        assert isinstance(meta, dict), f"{rel}: check passed but the front matter did not parse"
        problems = errors(v, meta)
        if problems:
            failures.append(f"{rel}: {problems}")
        checked += 1
    assert checked >= 1
    assert failures == []


# -- the same input, judged by the schema and by `site-builder check` -----------------------------
GOOD = GOOD_FRONT


def edit_front(replace: dict[str, str] | None = None, drop: str | None = None,
               extra: str = "") -> str:
    front = GOOD
    for key, value in (replace or {}).items():
        front, count = re.subn(rf"^{key}:.*$", f"{key}: {value}", front, flags=re.MULTILINE)
        assert count == 1, key
    if drop:
        front, count = re.subn(rf"^{drop}:.*\n", "", front, flags=re.MULTILINE)
        assert count == 1, drop
    return front + extra


def check_notice(small: TestProject, front: str, files: tuple[str, ...] = ()) -> int:
    for name in files:
        small.write(f"content/notices/hexi/{name}", "附件内容")
    small.notice("hexi/t.md", front)
    return small.check().code


NOTICE_BAD = {
    "缺少公开属性": edit_front(drop="公开属性"),
    "缺少标题": edit_front(drop="标题"),
    "缺少发布日期": edit_front(drop="发布日期"),
    "五公开值不对": edit_front(extra="五公开: 过程公开\n"),
    "公开属性值不对": edit_front({"公开属性": "公开"}),
    "编号有大写和下划线": edit_front({"id": "Hexi_2025"}),
    "编号超过40个字符": edit_front({"id": "a" * 41}),
    "事项不是编号": edit_front({"事项": "养老 指南"}),
    "不认识的字段": edit_front(extra="发布时间: 2025-07-02\n"),
    "日期无法识别": edit_front({"发布日期": "去年七月"}),
    "月份不存在": edit_front({"成文日期": "2025-13-01"}),
    "年份不对": edit_front({"成文日期": "1900-01-01", "发布日期": "1900-01-02"}),
    "有村没有乡镇": edit_front(drop="乡镇", extra="村: 东村\n"),
    "标题是列表": edit_front({"标题": "[养老, 补贴]"}),
    "附件条目多了字段": edit_front(extra="附件:\n  - {文件: a.txt, 说明: 无}\n"),
    "附件里空的一项": edit_front(extra="附件:\n  - a.txt\n  -\n"),
    "标题只有空格": edit_front({"标题": '"  "'}),
    "公开属性是空列表": edit_front({"公开属性": "[]"}),
    "解读不是编号": edit_front(extra="解读: 第2025-0001号\n"),
}


@pytest.mark.parametrize("case", NOTICE_BAD)
def test_bad_notice_fails_both(small: TestProject, case: str):
    front = NOTICE_BAD[case]
    assert errors(NOTICE, load_yaml(front)), f"schema accepted: {case}"
    assert check_notice(small, front, ("a.txt",)) != 0, f"check accepted: {case}"


NOTICE_GOOD = {
    "日期 2025-7-1": edit_front({"成文日期": "2025-7-1"}),
    "日期 2025/7/1": edit_front({"成文日期": "2025/7/1"}),
    "日期 2025.7.1": edit_front({"成文日期": "2025.7.1"}),
    "日期 2025年7月1日": edit_front({"成文日期": "2025年7月1日", "发布日期": "2025年7月2日"}),
    "全角数字日期": edit_front({"成文日期": "２０２５年７月１日"}),
    "全角数字和减号的日期": edit_front({"成文日期": "２０２５－０７－０１"}),
    "乡镇写名称": edit_front({"乡镇": "河西镇"}),
    "编号是纯数字": edit_front({"id": "20250100"}),
    "留空的可选字段": edit_front(extra="文号:\n五公开:\n摘要:\n附件:\n"),
    "空格和空列表也算留空": edit_front(extra='文号: "  "\n五公开: []\n主题词: []\n附件: []\n解读: ""\n'),
    "主题词里空的一项": edit_front(extra="主题词:\n  - 养老\n  -\n"),
    "主题词顿号隔开": edit_front(extra="主题词: 养老、补贴\n"),
    "主题词列表": edit_front(extra="主题词: [养老, 补贴]\n"),
    "一个附件": edit_front(extra="附件: a.txt\n"),
    "附件写名称": edit_front(extra="附件: {文件: a.txt, 名称: 申请表}\n"),
    "附件列表": edit_front(extra="附件:\n  - a.txt\n  - {文件: b.txt}\n"),
    "不予公开": edit_front({"公开属性": "不予公开"}),
    "值后面有全角空格": edit_front({"公开属性": "主动公开\u3000", "id": "2025-0100\u3000"}),
}


@pytest.mark.parametrize("case", NOTICE_GOOD)
def test_good_notice_passes_both(small: TestProject, case: str):
    front = NOTICE_GOOD[case]
    assert check_notice(small, front, ("a.txt", "b.txt")) == 0, f"check rejected: {case}"
    assert errors(NOTICE, load_yaml(front)) == []


def edit_catalog(small: TestProject, old: str, new: str) -> dict:
    small.edit("catalog.yaml", old, new)
    return load_yaml((small.root / "catalog.yaml").read_text(encoding="utf-8"))


CATALOG_BAD = {
    "工作日没有天数": ("类型: 工作日, 天数: 20}", "类型: 工作日}"),
    "自然日没有天数": ("类型: 工作日, 天数: 20}", "类型: 自然日}"),
    "定期没有周期": ("类型: 定期, 周期: 按季度}", "类型: 定期}"),
    "周期值不对": ("周期: 按季度}", "周期: 每季度}"),
    "其他没有其他渠道": ("    其他渠道: 依申请向本人提供\n", ""),
    "顿号写法的其他没有其他渠道": ("    公开渠道: [其他]\n    其他渠道: 依申请向本人提供\n",
                                  "    公开渠道: 政府网站、其他\n"),
    "渠道值不对": ("公开渠道: [政府网站, 便民服务站]", "公开渠道: [政府网站, 微博]"),
    "顿号写法的渠道值不对": ("公开渠道: [政府网站, 便民服务站]", "公开渠道: 政府网站、微博"),
    "层级值不对": ("公开层级: [县级, 乡级]\n    五公开: 服务公开",
                   "公开层级: [县级, 镇级]\n    五公开: 服务公开"),
    "五公开值不对": ("五公开: 服务公开", "五公开: 办事公开"),
    "事项里不认识的字段": ("    五公开: 服务公开\n", "    五公开: 服务公开\n    备注: 无\n"),
    "站点里不认识的字段": ("  主办单位: 测试县人民政府办公室\n",
                           "  主办单位: 测试县人民政府办公室\n  主管单位: 测试县人民政府\n"),
    "网址不完整": ("网址: https://gk.example.gov.cn/", "网址: gk.example.gov.cn"),
    "乡镇编号不对": ("  - id: shanyang\n", "  - id: Shan_Yang\n"),
    "乡镇类型不对": ("    类型: 乡\n", "    类型: 村\n"),
    "依据缺文号": ("{名称: 《养老机构管理办法》, 文号: 民政部令第66号}",
                   "{名称: 《养老机构管理办法》}"),
    "缺少联系电话": ("    电话: 0571-1234567\n", ""),
    "每页条数太小": ("每页条数: 10", "每页条数: 5"),
    "天数不是整数": ("类型: 工作日, 天数: 20}", "类型: 工作日, 天数: 二十}"),
    "公开依据是空列表": ("      - {名称: 《养老机构管理办法》, 文号: 民政部令第66号}\n", "      []\n"),
    "领域名单为空": ("  - {id: shjz, 名称: 社会救助, 主管部门: 县民政局}\n"
                     "  - {id: ylfw, 名称: 养老服务, 主管部门: 县民政局}\n", "  []\n"),
    "个人信息值不对": ("设置:\n", "设置:\n  个人信息: 隐藏\n"),
    "遮盖格式没有星号": ("设置:\n", "设置:\n  遮盖格式:\n    手机号: 13812341234\n"),
    "迁移缺新网址": ("设置:\n", "迁移:\n  - {原网址: /n/2024-0009/}\n设置:\n"),
    "撤回缺日期": ("设置:\n", "撤回:\n  - {网址: /n/2024-0009/}\n设置:\n"),
}


@pytest.mark.parametrize("case", CATALOG_BAD)
def test_bad_catalog_fails_both(small: TestProject, case: str):
    data = edit_catalog(small, *CATALOG_BAD[case])
    assert errors(CATALOG, data), f"schema accepted: {case}"
    assert small.check().code != 0, f"check accepted: {case}"


CATALOG_GOOD = {
    "渠道用顿号隔开": ("公开渠道: [政府网站, 便民服务站]", "公开渠道: 政府网站、便民服务站"),
    "其他用顿号隔开": ("公开渠道: [其他]", "公开渠道: 其他、政府网站"),
    "层级用顿号隔开": ("公开层级: [县级, 乡级]\n    五公开: 服务公开",
                       "公开层级: 县级、乡级\n    五公开: 服务公开"),
    "设置留空": ("设置:\n  每页条数: 10\n", "设置:\n"),
    "自然日": ("类型: 工作日, 天数: 20}", "类型: 自然日, 天数: 20}"),
    "实时": ("类型: 工作日, 天数: 20}", "类型: 实时}"),
    "没有二级事项": ("    二级事项: 补贴办事指南\n", ""),
    "渠道列表里有空的一项": ("公开渠道: [政府网站, 便民服务站]",
                             "公开渠道:\n      - 政府网站\n      -\n      - 便民服务站"),
    "可选项是空列表": ("    二级事项: 补贴办事指南\n", "    二级事项: []\n"),
    "个人信息遮盖和遮盖格式": ("设置:\n", "设置:\n  个人信息: 遮盖\n  遮盖格式:\n"
                                "    手机号: 138****1234\n    身份证号: 35*************123\n"),
    "迁移和撤回": ("设置:\n", "迁移:\n  - {原网址: /n/2024-0009/, 新网址: /n/2025-0002/}\n"
                   "撤回:\n  - {网址: /n/2024-0008/, 日期: 2025-03-01, 说明: 已被替代}\n设置:\n"),
}


@pytest.mark.parametrize("case", CATALOG_GOOD)
def test_good_catalog_passes_both(small: TestProject, case: str):
    data = edit_catalog(small, *CATALOG_GOOD[case])
    if case == "迁移和撤回":  # only URLs that were published may be declared moved or withdrawn
        small.write("published-urls.txt", "# 已发布的网址\n/n/2024-0008/\n/n/2024-0009/\n")
    result = small.check()
    assert result.code == 0, result.text
    assert errors(CATALOG, data) == []


# 事项 holding a township's name must be reported (it once was silently dropped).
def test_validator_gap_item_named_like_township(small: TestProject):
    front = edit_front({"事项": "河西镇"})
    assert errors(NOTICE, load_yaml(front))
    assert check_notice(small, front) != 0


# A list whose entries are all empty must be reported (it once was silently dropped).
def test_validator_gap_channel_without_value(small: TestProject):
    data = edit_catalog(small, "公开渠道: [政府网站, 便民服务站]", "公开渠道:\n      -")
    assert errors(CATALOG, data)
    assert small.check().code != 0


PAGE_BAD = {
    "栏目值不对": ("栏目: 依申请公开", "栏目: 公告"),
    "缺少标题": ("标题: 依申请公开指南\n", ""),
    "编号不对": ("id: ysqgk", "id: 依申请"),
    "排序是负数": ("栏目: 依申请公开", "栏目: 依申请公开\n排序: -1"),
    "更新日期无法识别": ("栏目: 依申请公开", "栏目: 依申请公开\n更新日期: 昨天"),
    "不认识的字段": ("栏目: 依申请公开", "栏目: 依申请公开\n作者: 办公室"),
}


@pytest.mark.parametrize("case", PAGE_BAD)
def test_bad_page_fails_both(small: TestProject, case: str):
    small.edit("content/pages/ysqgk.md", *PAGE_BAD[case])
    text = (small.root / "content/pages/ysqgk.md").read_text(encoding="utf-8")
    assert errors(PAGE, front_matter(text)), f"schema accepted: {case}"
    assert small.check().code != 0, f"check accepted: {case}"


# -- the schemas cannot drift from the validator -------------------------------------------------
def props(node: dict) -> set[str]:
    """Property names of an object schema, looking through anyOf (optional objects)."""
    if "properties" in node:
        return set(node["properties"])
    for branch in node.get("anyOf", []):
        if "properties" in branch:
            return set(branch["properties"])
    raise AssertionError(f"no properties in {node.get('title')}")


def test_keys_equal_validator_key_lists():
    cat, notice, page = schema("catalog"), schema("notice"), schema("page")
    defs = cat["$defs"]
    item = defs["item"]["properties"]
    attachment = next(b for b in notice["$defs"]["attachment"]["anyOf"] if "properties" in b)
    pairs = [
        (cat, validate.CATALOG_KEYS),
        (cat["properties"]["站点"], validate.SITE_KEYS),
        (cat["properties"]["站点"]["properties"]["联系方式"], validate.CONTACT_KEYS),
        (cat["properties"]["设置"], validate.SETTINGS_KEYS),
        (defs["township"], validate.TOWNSHIP_KEYS),
        (defs["village"], validate.VILLAGE_KEYS),
        (defs["domain"], validate.DOMAIN_KEYS),
        (defs["item"], validate.ITEM_KEYS),
        (defs["basis"], validate.BASIS_KEYS),
        (item["公开时限"], validate.LIMIT_KEYS),
        (notice, validate.NOTICE_KEYS),
        (attachment, validate.ATTACHMENT_KEYS),
        (page, validate.PAGE_KEYS),
        (notice["$defs"]["review"], validate.screen.REVIEW_KEYS),
        (page["$defs"]["review"], validate.screen.REVIEW_KEYS),
    ]
    for node, keys in pairs:
        assert props(node) == set(keys), node.get("title")
    for node in (cat, notice, page, defs["township"], defs["village"], defs["domain"],
                 defs["item"], defs["basis"], item["公开时限"], attachment):
        assert node["additionalProperties"] is False, node.get("title")


def pattern_values(pattern: str) -> list[str]:
    """The values a pattern built from a vocabulary accepts: its first (?:A|B|…) group."""
    alternatives = re.search(r"\\s\*\(\?:(.*?)\)\\s\*", pattern).group(1)
    return [re.sub(r"\\(.)", r"\1", v) for v in alternatives.split("|")]


def vocabulary(node: dict) -> list[str]:
    """The values of a choice ($defs entry): the exact enum (what the editor offers), after
    checking that the spaced variant (what the validator also accepts) has the same values."""
    exact = next(b for b in node["anyOf"] if "enum" in b)
    padded = next(b for b in node["anyOf"] if "pattern" in b)
    assert pattern_values(padded["pattern"]) == exact["enum"], node["title"]
    return exact["enum"]


def test_enums_equal_vocab():
    cat, notice, page = schema("catalog"), schema("notice"), schema("page")
    categories = [c.name for c in vocab.CATEGORIES]
    d = cat["$defs"]
    assert vocabulary(d["channel"]) == list(vocab.CHANNELS)
    assert vocabulary(d["audience"]) == list(vocab.AUDIENCES)
    assert vocabulary(d["method"]) == list(vocab.METHODS)
    assert vocabulary(d["level"]) == list(vocab.LEVELS)
    assert vocabulary(d["category"]) == categories
    assert vocabulary(d["townshipKind"]) == list(vocab.TOWNSHIP_KINDS)
    assert vocabulary(d["limitKind"]) == list(vocab.LIMIT_KINDS)
    assert vocabulary(d["period"]) == list(vocab.PERIODS)
    assert vocabulary(notice["$defs"]["attribute"]) == list(vocab.ATTRIBUTES)
    assert vocabulary(notice["$defs"]["category"]) == categories
    assert vocabulary(page["$defs"]["column"]) == [c.name for c in vocab.COLUMNS]
    item = d["item"]["properties"]
    for key, values in (("公开渠道", vocab.CHANNELS), ("公开对象", vocab.AUDIENCES),
                        ("公开方式", vocab.METHODS), ("公开层级", vocab.LEVELS)):
        separated = next(b for b in item[key]["anyOf"] if b.get("type") == "string")
        assert pattern_values(separated["pattern"]) == list(values), key
    for node in (d["category"], notice["$defs"]["attribute"]):
        exact = next(b for b in node["anyOf"] if "enum" in b)
        assert len(exact["enumDescriptions"]) == len(exact["enum"])


@pytest.mark.parametrize("value", [
    "2024-0012", "chengguan", "a", "shjz-dbsh", "a" * 40, "a" * 41, "A1", "ab_c", "-a", "a-",
    "a--b", "中文", "a b", "2024.1", " chengguan ", "  ", "", " " + "a" * 40 + " ",
])
def test_id_pattern_equals_validator(value: str):
    pattern = schema("notice")["$defs"]["id"]["pattern"]
    for schema_name in ("catalog", "page"):
        assert schema(schema_name)["$defs"]["id"]["pattern"] == pattern
    text = value.strip()  # the validator strips what was typed (quoted spaces)
    expected = bool(ID_PATTERN.match(text)) and len(text) <= ID_MAX
    assert (re.search(pattern, value) is not None) == expected


def _parses(text: str) -> bool:
    try:
        parse_date(text)
    except DateError:
        return False
    return True


@pytest.mark.parametrize("value", [
    "2024-09-23", "2024-9-23", "2024/9/23", "2024.9.23", "2024年9月23日", "2024年09月23",
    " 2024 - 9 - 23 ", "２０２４年９月２３日", "1949-01-01", "2099-12-31", "2024-1-31",
    "1948-12-31", "2100-01-01", "2024-13-01", "2024-00-10", "2024-9-32", "2024-9-0", "24-9-23",
    "2024923", "去年七月", "2024-09-23 10:00", "2024-09", "2024—9—23",
])
def test_date_pattern_equals_validator(value: str):
    """Same verdict as site_builder.dates (days a month lacks, e.g. 2月30日, only check finds)."""
    pattern = schema("notice")["$defs"]["date"]["pattern"]
    assert schema("page")["$defs"]["date"]["pattern"] == pattern
    assert (re.search(pattern, value) is not None) == _parses(value)


# -- what editors need ---------------------------------------------------------------------------
# Keywords that mean the same in draft-07 (the Red Hat YAML extension's validator) and 2020-12,
# plus the editor-only annotations VS Code shows.
PORTABLE = {
    "$schema", "$comment", "$ref", "$defs", "title", "description", "markdownDescription",
    "examples", "type", "enum", "const", "pattern", "minimum", "minItems", "maxItems", "items",
    "contains", "properties", "additionalProperties", "required", "anyOf", "allOf", "if", "then",
    "patternErrorMessage", "enumDescriptions", "markdownEnumDescriptions",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


def walk(node, where: str = ""):
    """(path, schema node, is a user field) for every schema node."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    yield from walk(sub, f"{where}/{key}/{name}")
            elif key in ("anyOf", "allOf"):
                for i, sub in enumerate(value):
                    yield from walk(sub, f"{where}/{key}[{i}]")
            elif key in ("items", "if", "then", "contains", "additionalProperties"):
                yield from walk(value, f"{where}/{key}")


@pytest.mark.parametrize("name", ["catalog", "notice", "page"])
def test_schema_is_valid_and_portable(name: str):
    data = schema(name)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(data)
    jsonschema.Draft7Validator.check_schema(data)
    for where, node in walk(data):
        assert set(node) <= PORTABLE, f"{where}: {set(node) - PORTABLE}"
        if "items" in node:
            assert isinstance(node["items"], dict), where  # a list means tuples in draft-07


@pytest.mark.parametrize("name", ["catalog", "notice", "page"])
def test_every_field_has_chinese_help_and_examples(name: str):
    for where, node in walk(schema(name)):
        if not re.search(r"/properties/[^/]+$", where) or re.search(r"/(if|then)(/|$)", where):
            continue  # not a field staff type (conditions repeat fields without help)
        for key in ("title", "description", "markdownDescription"):
            assert CJK.search(node.get(key, "")), f"{where}: {key}"
        assert node.get("examples"), f"{where}: examples"
        for example in node["examples"]:
            assert jsonschema.Draft202012Validator(
                {**node, "$defs": schema(name)["$defs"]}).is_valid(example), f"{where}: {example}"


def test_root_examples_validate():
    for name in ("catalog", "notice", "page"):
        data = schema(name)
        for example in data.get("examples", []):
            assert errors(validator(name), example) == [], name


def test_editor_settings_map_catalog_schema():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]["./schemas/catalog.schema.json"]
    assert "catalog.yaml" in mapped
    first = (REPO / "catalog.yaml").read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=", 1)[1].strip()
    assert (REPO / target).resolve() == (SCHEMAS / "catalog.schema.json").resolve()


# -- the guide's examples are real ---------------------------------------------------------------
GUIDE = REPO / "docs" / "编写指南.md"


def write_attachment(path: Path) -> None:
    """A real file of the kind its name says (attachments are opened to look for personal data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xlsx":
        import openpyxl

        openpyxl.Workbook().save(path)
    elif path.suffix == ".docx":
        import docx

        docx.Document().save(str(path))
    else:
        path.write_text("附件", encoding="utf-8")


def test_guide_examples_pass_schema_and_check(tmp_path: Path):
    """The complete examples in docs/编写指南.md pass their schema and `site-builder check`."""
    blocks = re.findall(r"```(\w*)\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    catalog = next(text for kind, text in blocks if kind == "yaml" and "\n站点:" in text)
    fronts = [text for kind, text in blocks if kind == "markdown" and text.startswith("---\nid:")]
    notices = [t for t in fronts if "\n事项:" in t]
    pages = [t for t in fronts if "\n栏目:" in t]
    assert errors(CATALOG, load_yaml(catalog)) == []
    assert len(notices) >= 2 and len(pages) >= 1
    for text in notices:
        assert errors(NOTICE, front_matter(text)) == [], text[:40]
    for text in pages:
        assert errors(PAGE, front_matter(text)) == [], text[:40]
    project = TestProject(tmp_path)
    project.write("catalog.yaml", catalog)
    for text in notices:
        meta = front_matter(text)
        folder = f"content/notices/{meta.get('乡镇') or 'county'}"
        project.write(f"{folder}/{meta['id']}.md", text + "\n正文。\n")
        for entry in meta.get("附件") or []:
            name = entry["文件"] if isinstance(entry, dict) else entry
            write_attachment(project.root / folder / name)
    for text in pages:
        project.write(f"content/pages/{front_matter(text)['id']}.md", text)
    result = project.check()
    assert result.code == 0, result.text


# -- issue 14: 文件类型, 废止, 征求意见 -------------------------------------------------------------
CONSULTATION = "文件类型: 征求意见\n征求意见截止: 2025-08-01\n反馈方式:\n  邮箱: a@b.cn\n  电话: 0578-6021234\n"
ISSUE14_GOOD = {
    "规范性文件": edit_front(extra="文件类型: 规范性文件\n"),
    "征求意见": edit_front(extra=CONSULTATION),
    "废止日期": edit_front(extra="文件类型: 规范性文件\n废止日期: 2026年3月31日\n"),
    "留空": edit_front(extra="文件类型:\n废止日期:\n废止文件: []\n采纳情况:\n公示结果:\n"),
}
ISSUE14_BAD = {
    "文件类型不在可选范围": edit_front(extra="文件类型: 通知\n"),
    "征求意见没有截止日期": edit_front(extra="文件类型: 征求意见\n反馈方式: {邮箱: a@b.cn}\n"),
    "征求意见没有反馈方式": edit_front(extra="文件类型: 征求意见\n征求意见截止: 2025-08-01\n"),
    "反馈方式字段写错": edit_front(extra=CONSULTATION + "  网址: http://a.cn\n"),
    "截止日期不是日期": edit_front(extra=CONSULTATION.replace("2025-08-01", "8月1日")),
    "采纳情况不是编号": edit_front(extra="采纳情况: 第2025-0001号\n"),
}


@pytest.mark.parametrize("case", ISSUE14_GOOD)
def test_issue14_good_notice_passes_both(small: TestProject, case: str):
    front = ISSUE14_GOOD[case]
    assert check_notice(small, front, ()) == 0, f"check rejected: {case}"
    assert errors(NOTICE, load_yaml(front)) == []


@pytest.mark.parametrize("case", ISSUE14_BAD)
def test_issue14_bad_notice_fails_both(small: TestProject, case: str):
    front = ISSUE14_BAD[case]
    assert errors(NOTICE, load_yaml(front)), f"schema accepted: {case}"
    assert check_notice(small, front, ()) != 0, f"check accepted: {case}"


def test_issue14_vocabularies_equal_validator():
    notice = schema("notice")
    assert vocabulary(notice["$defs"]["docKind"]) == list(vocab.DOC_KINDS)
    feedback = next(b for b in notice["properties"]["反馈方式"]["anyOf"] if "properties" in b)
    assert props(feedback) == set(vocab.FEEDBACK_KEYS)
    assert feedback["additionalProperties"] is False
    assert set(validate.DOC_KEYS) <= set(validate.NOTICE_KEYS)
