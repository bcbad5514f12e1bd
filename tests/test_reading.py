"""Numbers as a reader reads them (normalize.py), values over several YAML lines (yamltext.py)
and sensitive details in rosters (sensitive.py).

- every class of hiding character is found, at its place in the source, and masking replaces
  the source's characters: a masked build publishes none of the hidden digits, in any file;
- look-alikes that are not personal data stay unreported;
- the sample county's rosters publish no health, disability or similar details, and the
  vocabulary leaves ordinary words alone.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE_WARNINGS, TestProject
from test_privacy import make_id, make_mobile
from test_safety import decoded

from site_builder.check import normalize, privacy, sensitive
from site_builder.check.privacy import scan, scan_lines

W = "\u200b"


def spread(value: str, char: str) -> str:
    return char.join(value)


def digits_as(value: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in value)


SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"
CIRCLED = "⓪①②③④⑤⑥⑦⑧⑨"
PARENTHESIZED = {str(i): chr(0x2474 + i - 1) for i in range(1, 10)}  # ⑴ … ⑼ (no zero)


# Each layout writes one mobile `m` (or ID `v`) so that a reader sees the whole number.
MOBILE_LAYOUTS = {
    "zero-width space": lambda m: "电话 " + spread(m, "\u200b"),
    "zero-width non-joiner": lambda m: f"电话 {m[:3]}\u200c{m[3:7]}\u200c{m[7:]}",
    "zero-width joiner": lambda m: f"电话 {m[:5]}\u200d{m[5:]}",
    "word joiner": lambda m: f"电话 {m[:4]}\u2060{m[4:]}",
    "BOM": lambda m: f"电话 {m[:3]}\ufeff{m[3:]}",
    "left-to-right mark": lambda m: f"电话 {m[:3]}\u200e{m[3:7]}\u200e{m[7:]}",
    "right-to-left mark": lambda m: f"电话 {m[:6]}\u200f{m[6:]}",
    "embedding and pop": lambda m: f"电话 \u202a{m[:3]}\u202c{m[3:]}",
    "override": lambda m: f"电话 {m[:2]}\u202e{m[2:]}\u202c",
    "isolates": lambda m: f"电话 \u2066{m[:3]}\u2069\u2067{m[3:]}\u2069\u2068\u2069",
    "soft hyphen": lambda m: f"电话 {m[:3]}\u00ad{m[3:7]}\u00ad{m[7:]}",
    "combining acute": lambda m: "电话 " + "".join(c + "\u0301" for c in m),
    "combining keycap": lambda m: "电话 " + "".join(c + "\u20e3" for c in m),
    "variation selector": lambda m: f"电话 {m[:3]}\ufe0f{m[3:]}",
    "Hangul filler as a space": lambda m: f"电话 {m[:3]}\u3164{m[3:7]}\u3164{m[7:]}",
    "mathematical bold": lambda m: "电话 " + digits_as(m, 0x1D7CE),
    "mathematical double-struck": lambda m: "电话 " + digits_as(m, 0x1D7D8),
    "mathematical monospace mixed": lambda m: "电话 " + m[:3] + digits_as(m[3:7], 0x1D7F6) + m[7:],
    "full-width": lambda m: "电话 " + digits_as(m, 0xFF10),
    "superscript": lambda m: "电话 " + "".join(SUPER[int(c)] for c in m),
    "subscript": lambda m: "电话 " + digits_as(m, 0x2080),
    "circled": lambda m: "电话 " + "".join(CIRCLED[int(c)] for c in m),
    "Arabic-Indic": lambda m: "电话 " + digits_as(m, 0x0660),
    "extended Arabic-Indic": lambda m: "电话 " + digits_as(m, 0x06F0),
    "Devanagari": lambda m: "电话 " + digits_as(m, 0x0966),
    "Thai": lambda m: "电话 " + digits_as(m, 0x0E50),
    "dots": lambda m: f"电话 {m[:3]}.{m[3:7]}.{m[7:]}",
    "slashes": lambda m: f"电话 {m[:3]}/{m[3:7]}/{m[7:]}",
    "tildes": lambda m: f"电话 {m[:3]}~{m[3:7]}~{m[7:]}",
    "underscores": lambda m: f"电话 {m[:3]}_{m[3:7]}_{m[7:]}",
    "full-width dots": lambda m: f"电话 {m[:3]}．{m[3:7]}．{m[7:]}",
    "brackets": lambda m: f"电话 ({m[:3]}){m[3:7]}-{m[7:]}",
    "full-width brackets": lambda m: f"电话 （{m[:3]}）{m[3:7]} {m[7:]}",
    "4-3-4": lambda m: f"电话 {m[:4]} {m[4:7]} {m[7:]}",
    "3-3-5": lambda m: f"电话 {m[:3]}-{m[3:6]}-{m[6:]}",
    "fake mask **": lambda m: f"电话 {m[:3]}**{m[3:7]}**{m[7:]}",
    "fake mask *": lambda m: f"电话 {m[:3]}*{m[3:7]}*{m[7:]}",
    "fake mask ××": lambda m: f"电话 {m[:3]}××{m[3:7]}××{m[7:]}",
    "fake mask xx": lambda m: f"电话 {m[:3]}xx{m[3:7]}xx{m[7:]}",
    "fake mask with spaces": lambda m: f"电话 {m[:3]} ** {m[3:7]} ** {m[7:]}",
    "fake mask full-width": lambda m: f"电话 {m[:3]}＊＊{m[3:7]}＊＊{m[7:]}",
}
ID_LAYOUTS = {
    "zero-width": lambda v: "身份证号 " + v[:6] + W + v[6:14] + W + v[14:],
    "bidi isolate": lambda v: "身份证号 \u2066" + v + "\u2069",
    "soft hyphen": lambda v: "身份证号 " + v[:9] + "\u00ad" + v[9:],
    "mathematical sans": lambda v: "身份证号 " + digits_as(v, 0x1D7E2),
    "superscript tail": lambda v: "身份证号 " + v[:14] + "".join(
        SUPER[int(c)] if c.isdigit() else c for c in v[14:]),
    "Bengali": lambda v: "身份证号 " + digits_as(v, 0x09E6),
    "dots 6-8-4": lambda v: f"身份证号 {v[:6]}.{v[6:14]}.{v[14:]}",
    "slashes 6-8-4": lambda v: f"身份证号 {v[:6]}/{v[6:14]}/{v[14:]}",
    "3-3-4-4-4": lambda v: f"身份证号 {v[:3]} {v[3:6]} {v[6:10]} {v[10:14]} {v[14:]}",
    "fake mask **": lambda v: f"身份证号 {v[:6]}**{v[6:14]}**{v[14:]}",
    "fake mask ×": lambda v: f"身份证号 {v[:6]}×{v[6:14]}×{v[14:]}",
    "fake mask XX": lambda v: f"身份证号 {v[:6]}XX{v[6:14]}XX{v[14:]}",
    "Cyrillic X": lambda v: "身份证号 " + v[:17] + ("Х" if v[17] == "X" else v[17]),
}


def values(seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    mobiles = [make_mobile(rng) for _ in MOBILE_LAYOUTS]
    ids = [make_id(rng) for _ in ID_LAYOUTS]
    while not ids[-1].endswith("X"):  # the Cyrillic-X layout needs an ID ending in X
        ids[-1] = make_id(rng)
    return mobiles, ids


def plain_digits(text: str) -> str:
    return re.sub(r"[^0-9X]", "", normalize.fold(text).text.upper())


def test_fold_keeps_a_map_to_the_source():
    text = "电话：①3\u200b8 (138)1234"
    copy = normalize.fold(text)
    # ① is a list marker before plain digits (a space), the zero-width space is gone
    assert copy.text == f"电话：1 38 (138{normalize.BRACKET}1234"
    assert [text[copy.at(i)] for i in range(len(copy.text))] == list("电话：①338 (138)1234")
    assert "\n" in normalize.fold("1\u200b\n2").text  # lines are never joined or split
    assert normalize.fold("plain 138 1234").origin is None  # one for one: no map needed


@pytest.mark.parametrize("layout", MOBILE_LAYOUTS)
def test_every_way_of_hiding_a_mobile_is_read_and_masked_in_the_source(layout: str):
    mobile = values(3)[0][list(MOBILE_LAYOUTS).index(layout)]
    text = MOBILE_LAYOUTS[layout](mobile)
    found = scan(text)
    assert [(f.kind, plain_digits(f.value)) for f in found] == [(privacy.KIND_MOBILE, mobile)]
    f = found[0]
    assert text[f.start : f.end] == f.value  # offsets are offsets of the source
    assert plain_digits(privacy.shown(f)) == mobile[:3] + mobile[-4:]  # a report hides it
    masked = privacy.mask(text, found, privacy.DEFAULT_PATTERNS)
    assert mobile not in plain_digits(masked) and mobile[3:7] not in plain_digits(masked)
    assert plain_digits(masked).endswith(mobile[-4:])
    # and as a line of a body, where a fast search of the source decides which lines to scan
    located = scan_lines(["前言", text, "结尾"])
    assert [(loc.line, loc.column) for loc in located] == [(2, f.start + 1)]


@pytest.mark.parametrize("layout", ID_LAYOUTS)
def test_every_way_of_hiding_an_id_is_read_and_masked_in_the_source(layout: str):
    ident = values(3)[1][list(ID_LAYOUTS).index(layout)]
    text = ID_LAYOUTS[layout](ident)
    found = scan(text)
    assert [(f.kind, plain_digits(f.value).replace("Х", "X")) for f in found] == [
        (privacy.KIND_ID, ident)], text
    masked = privacy.mask(text, found, privacy.DEFAULT_PATTERNS)
    assert ident[6:14] not in plain_digits(masked)  # the birth date is hidden


LOOK_ALIKE_TRAPS = [
    "已遮盖：138****5678、35*************123、3307**********1234、138 **** 5678、138\u200b****5678。",
    "床架尺寸 150×2000×1200mm，规格 180*2000*1200，货架 1500x600x2000 毫米，桌面 1380*1234*5678 毫米。",
    "日期 2025.10.12、2025/10/12、2025~2026 年度，金额 1381234.5678 万元，1.781003621120.8118。",
    "办公电话（0591）23163224、(0578)6023301、（0578）602 3301。",
    "① 2025年10月12日起施行；⑵ 第 3.1.2 条；版本 1.138.12；②③④ 项。",
    "范围 1380~1234，1380/1234，138.1234，13800138000.00 元。",
    "统一社会信用代码 91350128X297557819、91350100MA2Y1234X5。",
]


@pytest.mark.parametrize("text", LOOK_ALIKE_TRAPS)
def test_look_alikes_that_are_not_personal_data_are_not_reported(text: str):
    assert scan(text) == [] and scan(text, in_list=True) == []


def test_a_list_marker_before_a_mobile_does_not_hide_it():
    assert [f.value for f in scan("①13812345678")] == ["13812345678"]
    assert [f.value for f in scan("13812345678②")] == ["13812345678"]


def test_a_value_over_several_lines_is_masked_as_read():
    text = "咨询电话 138\n   1234 5678\n"
    masked = privacy.mask_text(text, privacy.DEFAULT_PATTERNS)
    assert masked == "咨询电话 138\n   **** 5678\n"


# -- a masked build publishes none of the hidden digits -------------------------------------------
def digit_runs(text: str) -> list[str]:
    """Digits a reader sees as one number: runs with at most 3 other characters between digits,
    in the text read as normalize reads it (so 𝟏𝟑𝟖, ①, 1\u200b3 count as digits)."""
    folded = normalize.fold(text).text
    return [re.sub(r"[^0-9X]", "", m.group().upper()) for m in
            re.finditer(r"[0-9](?:[^0-9\n]{0,3}[0-9Xx])*", folded)]


def test_masked_build_publishes_no_hidden_digit_in_any_file(small: TestProject):
    from test_validation import notice_with

    mobiles, ids = values(17)
    body = [f"- {MOBILE_LAYOUTS[name](m)}" for name, m in zip(MOBILE_LAYOUTS, mobiles,
                                                             strict=True)]
    body += [f"- {ID_LAYOUTS[name](v)}" for name, v in zip(ID_LAYOUTS, ids, strict=True)]
    extra_mobiles = [make_mobile(random.Random(i)) for i in (101, 102, 103)]
    m1, m2, m3 = extra_mobiles
    folder = small.root / "content/notices/hexi"
    (folder / "名单.csv").write_text(
        f"序号,姓名,电话\n1,王*明,{spread(m3, W)}\n", encoding="utf-8")
    path = notice_with(small, {"标题": f"联系人{m1[:3]}{W}{m1[3:]}的通知"}, extra=(
        f"个人信息: 遮盖\n摘要: |\n  咨询 {m2[:3]} {m2[3:7]}\n    {m2[7:]}\n附件:\n  - 名单.csv\n"))
    small.edit(path, "正文。\n", "\n".join(body) + "\n")
    result = small.build()
    assert result.code == 0, result.text
    assert "已在网站上遮盖" in result.text
    values_all = [*mobiles, *extra_mobiles, *ids]
    leaks = []
    for file in small.site.rglob("*"):
        if not file.is_file() or file.name in ("qr.svg", "qr.png"):
            continue  # a QR image holds the page's URL only (tests/test_qr.py decodes each); its
            # path coordinates are digit runs of any length (a false match since level Q)
        runs = [run for form in decoded(file.read_bytes()) for run in digit_runs(form)]
        for value in values_all:
            hidden = [value, value[:7], value[3:]] if len(value) == 11 else \
                [value, value[6:14], value[:15], value[2:]]
            leaks += [(file.name, value, part) for part in hidden
                      if any(part in run for run in runs)]
    assert leaks == []
    page = (small.site / "n/2025-0100/index.html").read_text(encoding="utf-8")
    assert f"咨询 {m2[:3]} ****" in page  # the summary, masked in place
    csv = (small.site / "n/2025-0100/名单.csv").read_text(encoding="utf-8")
    assert m3[:3] + m3[-4:] in plain_digits(csv) and "*" + W + "*" in csv


# -- sensitive details in rosters ------------------------------------------------------------------
def roster(cells: list[str], header: str = "致困原因") -> list[str]:
    return ["| 序号 | 申请人 | 保障人数 | " + header + " | 金额（元） |", "|---|---|---|---|---|",
            *[f"| {i} | 王*明 | 2 | {c} | 900 |" for i, c in enumerate(cells, start=1)]]


SENSITIVE = ["丈夫脑梗后瘫痪在床", "一级视力残疾，无业", "本人患类风湿关节炎", "儿子为重度残疾人",
             "孙子患白血病", "长期透析", "精神分裂症", "HIV感染者", "刑满释放人员", "社区矫正对象",
             "吸毒人员", "信仰伊斯兰教", "已采集指纹", "丈夫因工伤致残", "肺癌术后"]
ORDINARY = ["因病", "因残", "因病致贫", "因灾", "享受重度残疾人护理补贴", "大病救助",
            "医疗保险报销后自付较高", "病虫害统防统治", "消除安全隐患", "县民族宗教事务局",
            "县疾病预防控制中心", "物流产业园务工", "精神文明户", "扫盲班教师", "年老体弱",
            "中度失能（护理补贴按等级发放）", "离异独自抚养两个孩子"]


@pytest.mark.parametrize("cell", SENSITIVE)
def test_sensitive_details_next_to_names_are_reported(cell: str):
    columns = sensitive.scan(roster([cell]), 10)
    assert [(c.header, c.lines, c.line, c.column) for c in columns] == [
        ("致困原因", [12], 12, len("| 1 | 王*明 | 2 | ") + 1)]


@pytest.mark.parametrize("cell", ORDINARY)
def test_ordinary_words_and_categories_are_not_reported(cell: str):
    assert sensitive.scan(roster([cell])) == []


def test_only_rosters_and_named_kinds_of_column_are_reported():
    policy = ["| 项目 | 对象 | 标准 |", "|---|---|---|", "| 医疗救助 | 患重病的困难群众 | 80% |"]
    assert sensitive.scan(policy) == []  # no column of names
    header_only = roster(["二级", "三级"], header="残疾等级")
    assert [(c.header, c.lines, c.line) for c in sensitive.scan(header_only)] == [
        ("残疾等级", [3, 4], 1)]


def test_the_sample_rosters_publish_no_sensitive_details():
    """The sample is copied by officials: its 低保 and 救助 rosters write 因病/因残 (2026-0707
    wrote 丈夫脑梗后瘫痪在床 and 患类风湿关节炎 next to the names before)."""
    checked = 0
    for path in sorted((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        checked += any(sensitive.NAME_HEADER.search(line) for line in text.split("\n")
                       if line.startswith("|"))
        assert sensitive.scan(text.split("\n")) == [], path.name
    assert checked >= 20
    sample = (REPO / "content/notices/chengguan/2026-0707.md").read_text(encoding="utf-8")
    assert "因病" in sample and "瘫痪" not in sample and "类风湿" not in sample


def test_the_sample_checks_without_a_warning(tmp_path: Path):
    import shutil

    root = tmp_path / "county"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy2(REPO / "catalog.yaml", root / "catalog.yaml")
    result = TestProject(root).check()
    assert result.code == 0, result.text
    assert "敏感个人信息" not in result.text, result.text
    # the only warnings are the sample's two deliberate compliance examples (issue 14)
    assert sorted(re.findall(r"! 注意 (\S+)", result.text)) == SAMPLE_WARNINGS, result.text


def test_the_warning_says_why_and_what_to_publish(small: TestProject):
    from test_validation import notice_with

    path = notice_with(small)
    small.edit(path, "正文。\n", "\n".join(roster(["丈夫脑梗后瘫痪在床", "因病"])) + "\n")
    result = small.check()
    assert result.code == 0, result.text
    assert f"! 注意 content/notices/hexi/{Path(path).name}:14:17" in result.text
    assert "（第 " in result.text and "丈夫脑梗后瘫痪在床" in result.text
    assert "个人信息保护法第二十八条" in result.text and "「因病」「因残」" in result.text
