"""Every validation rule: its Chinese message, the file and line it names, all at once."""

from __future__ import annotations

import re

import pytest
from conftest import GOOD_FRONT, Result, TestProject

GOOD = "\n" + GOOD_FRONT


def problems(result: Result) -> list[tuple[str, str]]:
    """(location, block text) of each problem in a report."""
    blocks = re.split(r"\n(?=[✗!·] )|\n\n", result.err.strip())
    out = []
    for block in blocks:
        m = re.match(r"[✗!] \S+ ([^\s（]+)", block)
        if m:
            out.append((m.group(1), block))
    return out


def assert_problem(result: Result, location: str, *needles: str) -> str:
    """The report has a problem at `location` (file:line) whose text holds every needle."""
    assert result.code != 0 or any(p[1].startswith("!") for p in problems(result)), result.text
    for loc, block in problems(result):
        if loc == location and all(n in block for n in needles):
            return block
    raise AssertionError(f"no problem at {location} with {needles}:\n{result.err}")


def notice_with(small: TestProject, replace: dict[str, str] | None = None, extra: str = "",
                drop: str | None = None, name: str = "hexi/t.md") -> str:
    front = GOOD
    for key, value in (replace or {}).items():
        front = re.sub(rf"^{key}:.*$", f"{key}: {value}", front, flags=re.MULTILINE)
    if drop:
        front = re.sub(rf"^{drop}:.*\n", "", front, flags=re.MULTILINE)
    small.notice(name, front + extra)
    return f"content/notices/{name}"


def line_of(small: TestProject, rel: str, needle: str) -> int:
    for number, line in enumerate((small.root / rel).read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_good_notice_passes(small: TestProject):
    notice_with(small)
    result = small.check()
    assert result.code == 0, result.text
    assert "检查通过：7 篇信息将发布（另有 1 篇不予公开" in result.out


def test_yaml_syntax_error_in_front_matter(small: TestProject):
    path = notice_with(small, {"标题": '"没有结束的引号'})
    result = small.check()
    assert_problem(result, f"{path}:3", "引号没有配对")


def test_yaml_syntax_error_in_catalog(small: TestProject):
    small.edit("catalog.yaml", "    名称: 河西镇\n", "    名称: [河西镇\n")
    result = small.check()
    block = problems(result)[0][1]
    assert "catalog.yaml:" in block and "格式错误" in block
    assert result.code == 1


@pytest.mark.parametrize(("value", "needles"), [
    ("[2026]第3号通知", ("以「[」开头", "列表的开始", '标题: "[2026]第3号通知"')),
    ("*重要*通知", ("以「*」开头", '标题: "*重要*通知"')),
    ("&通知", ("以「&」开头",)),
    ("!紧急通知", ("以「!」开头",)),
    ("|公示", ("以「|」开头", "多行文字")),
    ("%通知", ("以「%」开头",)),
    ("关于: 调整标准", ("英文冒号", '标题: "关于: 调整标准"')),
    ('"双随机"抽查结果', ("以英文引号 \" 开头", "中文引号")),
])
def test_yaml_errors_in_a_value_are_explained_in_chinese(small: TestProject, value: str,
                                                         needles: tuple[str, ...]):
    path = notice_with(small, {"标题": value})
    result = small.check()
    block = assert_problem(result, f"{path}:3", "「标题」", *needles)
    assert "→ 请把整段内容用英文双引号括起来" in block
    message = block.split("\n", 1)[1]  # below the file name
    assert not re.search(r"[a-z]{4,}", message), block  # no PyYAML English


def test_tab_indentation(small: TestProject):
    small.edit("catalog.yaml", "  - id: nanmen\n    名称: 南门街道", "  - id: nanmen\n\t名称: 南门街道")
    result = small.check()
    line = line_of(small, "catalog.yaml", "\t名称: 南门街道")
    assert_problem(result, f"catalog.yaml:{line}", "制表符", "两个空格")


def test_fullwidth_colon_after_key(small: TestProject):
    path = notice_with(small, extra="文号：河政〔2025〕1号\n")
    result = small.check()
    assert_problem(result, f"{path}:10", "中文全角冒号", "英文半角冒号")


def test_missing_required_field(small: TestProject):
    path = notice_with(small, drop="发布机构")
    result = small.check()
    assert_problem(result, f"{path}:2", "字段「发布机构」", "缺少必填字段「发布机构」")


def test_missing_attribute_is_sent_back(small: TestProject):
    path = notice_with(small, drop="公开属性")
    result = small.check()
    assert_problem(result, f"{path}:2", "没有标明公开属性", "退回重新办理", "公开属性: 主动公开")


@pytest.mark.parametrize(("key", "value", "message"), [
    ("事项", "ylfw-nope", "事项“ylfw-nope”在标准目录 catalog.yaml 中不存在"),
    ("乡镇", "beicheng", "乡镇编号“beicheng”在标准目录 catalog.yaml 中不存在"),
    ("公开属性", "公开", "「公开属性」的值“公开”不在可选范围内"),
])
def test_unknown_references(small: TestProject, key: str, value: str, message: str):
    path = notice_with(small, {key: value})
    result = small.check()
    assert_problem(result, f"{path}:{line_of(small, path, key + ':')}", message)


def test_unknown_village(small: TestProject):
    path = notice_with(small, {"事项": "shjz-dbsh"}, extra="村: 北村\n")
    result = small.check()
    assert_problem(result, f"{path}:10", "村（社区）“北村”不在河西镇的村（社区）名单中", "东村、西村")


def test_unknown_category(small: TestProject):
    path = notice_with(small, extra="五公开: 过程公开\n")
    result = small.check()
    assert_problem(result, f"{path}:10", "「五公开」的值“过程公开”不在可选范围内", "决策公开")


def test_unknown_domain_channel_level_in_catalog(small: TestProject):
    small.edit("catalog.yaml", "    领域: ylfw\n    一级事项: 业务办理", "    领域: laonian\n    一级事项: 业务办理")
    small.edit("catalog.yaml", "公开渠道: [政府网站, 便民服务站]", "公开渠道: [政府网站, 微博]")
    small.edit("catalog.yaml", "    公开层级: [县级, 乡级]\n    五公开: 服务公开",
               "    公开层级: [县级, 镇级]\n    五公开: 服务公开")
    result = small.check()
    assert_problem(result, f"catalog.yaml:{line_of(small, 'catalog.yaml', '领域: laonian')}",
                   "领域“laonian”在标准目录 catalog.yaml 中不存在")
    assert_problem(result, f"catalog.yaml:{line_of(small, 'catalog.yaml', '微博')}",
                   "「公开渠道」的值“微博”不在可选范围内", "两微一端")
    assert_problem(result, f"catalog.yaml:{line_of(small, 'catalog.yaml', '镇级')}",
                   "「公开层级」的值“镇级”不在可选范围内", "县级、乡级、村级")


def test_duplicate_ids(small: TestProject):
    notice_with(small, name="hexi/a.md")
    path_b = notice_with(small, name="hexi/b.md")
    small.edit("catalog.yaml", "  - id: shanyang\n", "  - id: hexi\n")
    result = small.check()
    assert_problem(result, f"{path_b}:2", "编号“2025-0100”已经被另一篇信息用了",
                   "content/notices/hexi/a.md:2")
    lines = (small.root / "catalog.yaml").read_text(encoding="utf-8").split("\n")
    line = [number for number, text in enumerate(lines, 1) if text == "  - id: hexi"][1]
    assert_problem(result, f"catalog.yaml:{line}", "乡镇编号“hexi”重复了（第一次出现在第")


def test_duplicate_yaml_key(small: TestProject):
    path = notice_with(small, extra="标题: 第二个标题\n")
    result = small.check()
    assert_problem(result, f"{path}:10", "字段「标题」写了两次（第一次在第 3 行）")


@pytest.mark.parametrize(("value", "message"), [
    ("2025-02-30", "「发布日期」的日期“2025-02-30”不存在"),
    ("2025/13/01", "「发布日期」的日期“2025/13/01”不存在"),
    ("去年七月", "「发布日期」的日期“去年七月”无法识别"),
    ("1900-01-01", "「发布日期」的日期“1900-01-01”年份不对"),
])
def test_invalid_dates(small: TestProject, value: str, message: str):
    path = notice_with(small, {"发布日期": value})
    result = small.check()
    assert_problem(result, f"{path}:8", message, "2024-09-23")


def test_chinese_date_format_is_accepted(small: TestProject):
    notice_with(small, {"成文日期": "2025年7月1日", "发布日期": "2025年7月2日"})
    assert small.check().code == 0


def test_published_before_formed(small: TestProject):
    path = notice_with(small, {"发布日期": "2025-06-30"})
    result = small.check()
    assert_problem(result, f"{path}:8", "发布日期 2025-06-30 早于成文日期 2025-07-01")


def test_level_not_among_item_levels(small: TestProject):
    path = notice_with(small, {"事项": "shjz-zc"})  # 县级 only, published by a township
    result = small.check()
    assert_problem(result, f"{path}:5", "公开层级是县级，这篇信息却是乡级发布的")
    path2 = notice_with(small, {"id": "2025-0101"}, name="hexi/v.md", extra="村: 东村\n")
    result = small.check()  # ylfw-zn has no 村级
    assert_problem(result, f"{path2}:10", "公开层级是县级、乡级，这篇信息却是村级发布的")


def test_village_without_township(small: TestProject):
    path = notice_with(small, drop="乡镇", extra="村: 东村\n")
    result = small.check()
    assert_problem(result, f"{path}:9", "写了村（社区）“东村”，但没有写所属乡镇")


def test_missing_attachment(small: TestProject):
    path = notice_with(small, extra="附件:\n  - 不存在.pdf\n")
    result = small.check()
    assert_problem(result, f"{path}:11", "附件“不存在.pdf”找不到", "content/notices/hexi")


def test_unknown_field_suggests_the_right_one(small: TestProject):
    path = notice_with(small, extra="发布时间: 2025-07-02\n")
    result = small.check()
    assert_problem(result, f"{path}:10", "不认识的字段「发布时间」", "是不是想写「发布日期」")


def test_late_publication_is_a_warning(small: TestProject):
    path = notice_with(small, {"发布日期": "2025-09-01"})
    result = small.check()
    assert result.code == 0, result.text
    assert_problem(result, f"{path}:8", "已超过公开时限", "2025-07-29")


def test_gbk_file_is_read_with_a_warning(small: TestProject):
    small.write("content/notices/hexi/gbk.md", ("---" + GOOD + "---\n\n记事本写的正文。\n").encode("gbk"))
    result = small.check()
    assert result.code == 0, result.text
    assert_problem(result, "content/notices/hexi/gbk.md:3", "GBK 编码", "site-builder fix-encoding")
    fixed = small.cli("fix-encoding")
    assert fixed.code == 0 and "已转换为 UTF-8：content/notices/hexi/gbk.md" in fixed.out
    assert "记事本写的正文" in (small.root / "content/notices/hexi/gbk.md").read_text("utf-8")
    assert "GBK" not in small.check().err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_file_is_read_with_a_warning_and_converted(small: TestProject, codec: str):
    """Notepad's 「Unicode」 and 「Unicode big endian」: a byte order mark, then UTF-16."""
    text = "\ufeff---" + GOOD.replace("河西镇养老补贴申领指南", "记事本Unicode格式的通知") + "---\n\n正文。\n"
    small.write("content/notices/hexi/u16.md", text.replace("\n", "\r\n").encode(codec))
    small.edit("catalog.yaml", "办公时间: 工作日 9:00—17:00", "办公时间: 工作日 9:00—17:00\n    传真: 13812345678")
    catalog = (small.root / "catalog.yaml").read_text(encoding="utf-8")
    (small.root / "catalog.yaml").write_bytes(("\ufeff" + catalog).encode(codec))
    result = small.check()
    assert_problem(result, "content/notices/hexi/u16.md", "UTF-16 编码", "fix-encoding")
    assert_problem(result, "catalog.yaml", "UTF-16 编码")
    fax = catalog.split("\n").index("    传真: 13812345678") + 1
    assert_problem(result, f"catalog.yaml:{fax}:9", "发现手机号")  # still found in UTF-16
    assert "这不是文本文件" not in result.err
    fixed = small.cli("fix-encoding")
    assert fixed.code == 0 and "已转换为 UTF-8：content/notices/hexi/u16.md" in fixed.out
    assert "已转换为 UTF-8：catalog.yaml" in fixed.out
    converted = (small.root / "content/notices/hexi/u16.md").read_bytes()
    assert converted.startswith(b"---") and "记事本Unicode格式的通知".encode() in converted
    small.edit("catalog.yaml", "\n    传真: 13812345678", "")
    again = small.check()
    assert again.code == 0, again.text
    assert "UTF-16" not in again.err and "记事本Unicode格式的通知" not in again.err


def test_undecodable_file_is_an_error(small: TestProject):
    small.write("content/notices/hexi/bad.md", b"---\nid: x\n\xff\xfe\xfa\xfb\n---\n")
    result = small.check()
    assert_problem(result, "content/notices/hexi/bad.md:3", "既不是 UTF-8，也不是 GBK", "另存为")


def test_missing_front_matter_and_unclosed_front_matter(small: TestProject):
    small.write("content/notices/hexi/plain.md", "# 只有正文\n")
    small.write("content/notices/hexi/open.md", "---\nid: 2025-0200\n标题: 没有结束\n\n正文\n")
    result = small.check()
    assert_problem(result, "content/notices/hexi/plain.md:1", "缺少信息块", "site-builder new")
    assert_problem(result, "content/notices/hexi/open.md:5", "找不到第二行 ---", "在第 5 行前面加一行 ---")


def test_all_problems_are_reported_at_once(small: TestProject):
    a = notice_with(small, {"发布日期": "2025-02-30"}, name="hexi/a.md")
    b = notice_with(small, {"事项": "nope"}, name="hexi/b.md")
    small.edit("catalog.yaml", "类型: 乡", "类型: 村")
    small.edit("content/notices/hexi/b.md", "id: 2025-0100", "id: 2025-0101")
    result = small.check()
    locations = [loc for loc, _ in problems(result)]
    assert f"{a}:8" in locations and f"{b}:4" in locations
    assert any(loc.startswith("catalog.yaml:") for loc in locations)
    assert "共发现 3 个错误" in result.err and "站点没有生成" in result.err
    assert result.code == 1


def test_failed_build_writes_nothing_and_keeps_the_previous_site(small: TestProject):
    assert small.build().code == 0
    before = {p.relative_to(small.site): p.read_bytes() for p in small.site.rglob("*")
              if p.is_file()}
    notice_with(small, {"发布日期": "2025-02-30"})
    result = small.build()
    assert result.code != 0
    assert "日期“2025-02-30”不存在" in result.text
    assert "Traceback" not in result.text
    after = {p.relative_to(small.site): p.read_bytes() for p in small.site.rglob("*")
             if p.is_file()}
    assert after == before
    assert not any(p.name.startswith(".site") for p in small.root.iterdir())


def test_strict_build_with_a_warning_keeps_the_previous_site(small: TestProject):
    assert small.build().code == 0
    index = (small.site / "index.html").read_bytes()
    notice_with(small, {"发布日期": "2025-09-01", "标题": "逾期发布的新通知"})
    result = small.build("--strict")
    assert result.code != 0
    assert (small.site / "index.html").read_bytes() == index
    assert small.build().code == 0  # without --strict the warning does not block
    assert "逾期发布的新通知" in (small.site / "index.html").read_text(encoding="utf-8")


def test_future_publication_date_is_held_back_with_a_warning(small: TestProject):
    path = notice_with(small, {"成文日期": "2099-01-01", "发布日期": "2099-01-02",
                               "标题": "未来才发布的通知"})
    result = small.check()
    assert result.code == 0, result.text
    assert_problem(result, f"{path}:8", "在今天", "这次不发布")
    assert "检查通过：6 篇信息将发布" in result.out


def test_empty_columns_are_listed_in_one_problem(small: TestProject):
    """空白栏目: the national inspection fails a site with 5 empty columns. Below that the list
    is a 说明; from 5 on a 注意 (which fails a --strict build)."""
    result = small.check()
    assert result.code == 0
    notes = [b for b in result.err.split("\n\n") if b.startswith("· 说明 catalog.yaml\n")]
    assert len(notes) == 1, result.err
    assert "有 4 个栏目还没有任何公开信息" in notes[0]
    assert "五公开类别：执行公开；乡镇（街道）：南门街道；村（社区）：河西镇 · 西村、南门街道 · 南门社区" in notes[0]
    small.edit("catalog.yaml", "      - {id: xicun, 名称: 西村}\n",
               "      - {id: xicun, 名称: 西村}\n      - {id: beicun, 名称: 北村}\n")
    result = small.check()
    assert result.code == 0
    block = assert_problem(result, "catalog.yaml", "有 5 个栏目还没有任何公开信息", "河西镇 · 北村",
                           "空白栏目达到 5 个即判为不合格")
    assert block.startswith("! 注意")
    assert "共 1 处注意事项" in result.err
    strict = small.build("--strict")
    assert strict.code != 0 and "有 5 个栏目还没有任何公开信息" in strict.text
