"""Write the false-positive corpus: realistic notices that contain NO personal data.

    .venv/bin/python tests/privacy_corpus/make_corpus.py

Each notice is the kind county and township offices publish — 公示, 通知, 招标公告, 资金分配表,
统计表, 施工许可 and 投资 tables — full of numbers that look like personal data but are not: 文号, dates and times, office
landlines with and without area codes, hotlines, postcodes, amounts (with 元/万元 and decimals),
unified social credit codes (including all-digit ones), 索引号, project and contract numbers,
property certificate numbers, plate numbers, already-masked rosters (张*明, 138****1234,
33**********1234), percentages, populations and areas. tests/test_privacy.py builds a county
with all of them and asserts that not a single one is reported. The output is committed
(tests/privacy_corpus/notices/); this script documents how it was made and can regenerate it.
"""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "notices"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "明华建国志强秀英桂兰玉梅海燕春生德福金凤丽娟文杰晓东红霞永康淑珍宏伟子涵雨轩思远欣怡"
VILLAGES = ("东村", "西村", "南门社区", "河口村", "石桥村", "青山村", "柳湾村", "新塘村")
ORGS = ("望川县民政局", "望川县财政局", "望川县农业农村局", "望川县人力资源和社会保障局",
        "望川县卫生健康局", "望川县住房和城乡建设局", "河西镇人民政府", "山阳乡人民政府")
COMPANIES = ("望川县绿源农业开发有限公司", "浙江川禾建设工程有限公司", "望川县康宁养老服务中心",
             "望川县惠民助餐服务站", "望川县青山茶叶专业合作社", "望川县石桥家庭农场",
             "浙江望川水务集团有限公司", "望川县夕阳红居家养老服务中心", "望川县河西镇卫生院",
             "望川县南门社区卫生服务站")
KINDS = ("养老服务补贴发放公示", "高龄津贴发放名单公示", "低保审核对象公示", "临时救助情况公示",
         "农机购置补贴资金兑付公示", "助餐服务机构名单公示", "工程建设项目招标公告", "中标结果公示",
         "财政资金分配表", "统计数据发布", "公益性岗位补贴拟发放公示", "行政处罚结果公示")


def uscc(rng: random.Random, digits_only: bool) -> str:
    """A unified social credit code with a valid GB 32100 check character."""
    alphabet = "0123456789" if digits_only else USCC_CHARS
    body = rng.choice("159") + rng.choice("123") + "330781" + \
        "".join(rng.choice(alphabet) for _ in range(9))
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_WEIGHTS, strict=False))
    check = USCC_CHARS[(31 - total % 31) % 31]
    if digits_only and not check.isdigit():
        return uscc(rng, digits_only)
    return body + check


def masked_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "*" + rng.choice(GIVEN)


def masked_phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randint(0, 9)}****{rng.randint(0, 9999):04d}"


def masked_id(rng: random.Random) -> str:
    style = rng.randrange(3)
    tail = f"{rng.randint(0, 999):03d}" if style else f"{rng.randint(0, 99):02d}X"
    if style == 2:
        return f"3307{'*' * 10}{rng.randint(0, 9999):04d}"
    return f"33{'*' * 13}{tail}"


def landline(rng: random.Random) -> str:
    number = f"60{rng.randint(10000, 99999)}"
    return rng.choice((f"0578-{number}", f"（0578）{number}", f"0578 {number}",
                       f"0578-{number}（办公室）", f"{number}"))


def day(rng: random.Random, year: int | None = None) -> tuple[int, int, int]:
    return (year or rng.randint(2023, 2026), rng.randint(1, 12), rng.randint(1, 28))


def cn_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def doc_number(rng: random.Random, year: int) -> str:
    prefix = rng.choice(("望政办发", "望民发", "望财社", "望农发", "河政", "望人社发"))
    return f"{prefix}〔{year}〕{rng.randint(1, 199)}号"


def amount(rng: random.Random) -> str:
    return rng.choice((f"{rng.randint(100, 99999)}.{rng.randint(0, 99):02d}",
                       f"{rng.randint(1, 999) * 100}", f"{rng.randint(1, 9999):,}.00"))


def roster_table(rng: random.Random, rows: int) -> str:
    head = "| 序号 | 姓名 | 村（社区） | 身份证号 | 联系电话 | 金额（元） |\n|---|---|---|---|---|---|\n"
    lines = [f"| {i} | {masked_name(rng)} | {rng.choice(VILLAGES)} | {masked_id(rng)} | "
             f"{masked_phone(rng)} | {amount(rng)} |" for i in range(1, rows + 1)]
    return head + "\n".join(lines)


def company_table(rng: random.Random, rows: int) -> str:
    head = ("| 序号 | 单位名称 | 统一社会信用代码 | 法定代表人 | 办公电话 | 补助金额（万元） |\n"
            "|---|---|---|---|---|---|\n")
    lines = [f"| {i} | {rng.choice(COMPANIES)} | {uscc(rng, rng.random() < 0.5)} | "
             f"{masked_name(rng)} | {landline(rng)} | {rng.randint(1, 500) / 10:.1f} |"
             for i in range(1, rows + 1)]
    return head + "\n".join(lines)


def project_table(rng: random.Random, year: int, rows: int) -> str:
    head = ("| 项目编号 | 项目名称 | 合同编号 | 中标金额（元） | 工期（日历天） |\n"
            "|---|---|---|---|---|\n")
    lines = []
    for _ in range(rows):
        number = f"3307{year}{rng.randint(0, 99999999):08d}"  # 16 digits
        contract = f"WCHT-{year}-{rng.randint(1, 999):03d}"
        lines.append(f"| {number} | {rng.choice(VILLAGES)}道路提升改造工程 | {contract} | "
                     f"{rng.randint(100000, 99999999)}.00 | {rng.randint(30, 365)} |")
    return head + "\n".join(lines)


def stats_table(rng: random.Random, year: int) -> str:
    head = "| 指标 | 单位 | " + " | ".join(f"{y}年" for y in (year - 2, year - 1, year)) + \
        " | 增长（%） |\n|---|---|---|---|---|---|\n"
    rows = [("户籍人口", "人"), ("60周岁以上老年人", "人"), ("地区生产总值", "万元"),
            ("一般公共预算收入", "元"), ("耕地面积", "亩"), ("养老床位", "张")]
    lines = []
    for name, unit in rows:
        values = [str(rng.randint(10_000, 99_999_999)) for _ in range(3)]
        lines.append(f"| {name} | {unit} | " + " | ".join(values) +
                     f" | {rng.uniform(-5, 15):.1f} |")
    return head + "\n".join(lines)


def prose(rng: random.Random, year: int, org: str) -> list[str]:
    d1, d2 = sorted((day(rng, year), day(rng, year)))
    return [
        f"根据《望川县人民政府办公室关于印发望川县养老服务补贴管理办法的通知》"
        f"（{doc_number(rng, year - 1)}）和《关于做好{year}年度社会救助工作的通知》"
        f"（{doc_number(rng, year)}）要求，现将有关情况公示如下。",
        f"公示时间：{cn_date(d1)}至{cn_date(d2)}（7个工作日），每日8:30—12:00、14:30—17:30"
        f"受理反映。",
        f"联系单位：{org}，地址：望川县府前路{rng.randint(1, 300)}号，邮编：323{rng.randint(100, 999)}，"
        f"电话：{landline(rng)}，传真：{landline(rng)}。",
        f"也可拨打12345政务服务热线、12349民政服务热线或96110反诈专线反映，"
        f"全国统一客服电话400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}。",
        f"本年度共安排资金{rng.randint(100, 9999)}.{rng.randint(0, 99):02d}万元，"
        f"其中中央资金{rng.randint(1_000_000, 99_999_999)}元，惠及{rng.randint(100, 99999)}人次，"
        f"占比{rng.uniform(1, 99):.2f}%。",
        f"索引号：{uscc(rng, False)}/{year}-{rng.randint(1, 99999):05d}；"
        f"信息公开编号：WC-{year}-{rng.randint(1, 9999):04d}。",
        f"不动产权证号：浙（{year}）望川县不动产权第{rng.randint(1, 9999999):07d}号，"
        f"车牌号浙H·{rng.randint(10000, 99999)}，准考证号{year}3307{rng.randint(0, 99999):05d}。",
        f"统计时点为{year}-{d1[1]:02d}-{d1[2]:02d} 24:00，数据来源：{year}{d1[1]:02d}{d1[2]:02d}"
        f"批次报表（批次号 {year}{d1[1]:02d}{d1[2]:02d}{rng.randint(1000, 9999)}）。",
    ]


def notice(index: int, rng: random.Random) -> str:
    year = rng.choice((2023, 2024, 2025))
    kind = KINDS[index % len(KINDS)]
    org = rng.choice(ORGS)
    title = f"{rng.choice(VILLAGES)}{year}年第{rng.randint(1, 4)}季度{kind}"
    formed = day(rng, year)
    parts = prose(rng, year, org)
    rng.shuffle(parts)
    body = [parts[0], "## 一、基本情况", *parts[1:4]]
    tables = [roster_table(rng, rng.randint(5, 25)), company_table(rng, rng.randint(3, 12)),
              project_table(rng, year, rng.randint(2, 8)), stats_table(rng, year)]
    rng.shuffle(tables)
    body += ["## 二、名单", tables[0], "## 三、其他事项", *parts[4:], tables[1]]
    body += ["", "- 申请材料：居民身份证、户口簿复印件各1份；",
             f"- 受理期限：自受理之日起{rng.randint(5, 20)}个工作日内办结；",
             f"- 监督电话：{landline(rng)}、12345。", "",
             f"{org}", "", cn_date(formed)]
    front = "\n".join([
        "---", f"id: {year}-{9000 + index}", f"标题: {title}", "事项: ylfw-zn", "乡镇: hexi",
        f"发布机构: {org}", f"成文日期: {formed[0]}-{formed[1]:02d}-{formed[2]:02d}",
        f"发布日期: {formed[0]}-{formed[1]:02d}-{formed[2]:02d}",
        f"文号: {doc_number(rng, year)}", "公开属性: 主动公开",
        f"摘要: 公示期7个工作日，咨询电话{landline(rng)}。", "---", ""])
    return front + "\n\n".join(body) + "\n"


# -- second series (2026-12-01): public numbers with code labels, amount columns, ranges -----------
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CODE_LABELS = ("批号", "批准文号", "许可证号", "备案号", "登记号", "流水号", "工单号", "订单号",
               "合同号", "项目编码", "登记证号", "受理号", "凭证号", "发票号", "宗地号", "标段号")


def id_check_passes(value: str) -> bool:
    total = sum(int(c) * w for c, w in zip(value[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == value[17]


def permit_number(rng: random.Random, passing: bool) -> str:
    """施工许可证编号: 6-digit area + YYYYMMDD + 4 digits — one in 11 passes the ID check."""
    while True:
        d = day(rng, rng.randint(2019, 2025))
        value = f"350128{d[0]}{d[1]:02d}{d[2]:02d}{rng.randint(0, 9999):04d}"
        if id_check_passes(value) == passing:
            return value


def luhn_number(rng: random.Random, length: int) -> str:
    body = rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(length - 2))
    for check in "0123456789":
        digits = body + check
        total = sum((int(c) * 2 - 9 if int(c) > 4 else int(c) * 2) if i % 2 else int(c)
                    for i, c in enumerate(reversed(digits)))
        if total % 10 == 0:
            return digits
    raise AssertionError


def mobile_like(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def permit_table(rng: random.Random, rows: int) -> str:
    head = ("| 序号 | 工程名称 | 施工许可证编号 | 建设单位 | 合同价（万元） |\n"
            "|---|---|---|---|---|\n")
    lines = [f"| {i} | {rng.choice(VILLAGES)}安置房{rng.randint(1, 9)}号楼 | "
             f"{permit_number(rng, i % 2 == 1)} | {rng.choice(COMPANIES)} | "
             f"{rng.randint(100, 99999) / 10:.1f} |" for i in range(1, rows + 1)]
    return head + "\n".join(lines)


def investment_table(rng: random.Random, rows: int) -> str:
    """Amount columns holding 11-digit numbers that start like mobiles and Luhn-valid 16–19-digit
    ones, written without a unit or a decimal point in the cell (the header has the unit)."""
    head = ("| 序号 | 项目名称 | 总投资（元） | 金额（万元） | 累计完成投资/元 |\n"
            "|---|---|---|---|---|\n")
    lines = [f"| {i} | {rng.choice(VILLAGES)}基础设施提升工程 | {mobile_like(rng)} | "
             f"{rng.choice(('13800000000', '15000000000', mobile_like(rng)))} | "
             f"{luhn_number(rng, rng.randint(16, 19))} |" for i in range(1, rows + 1)]
    return head + "\n".join(lines)


def beds_table(rng: random.Random, rows: int) -> str:
    """The sample's 养老机构名录 row as a PDF flattens it: beds, then a price range with a dash."""
    lines = []
    for i in range(1, rows + 1):
        low = rng.randint(10, 25) * 100
        dash = rng.choice(("—", "–", "-", "－", "~"))
        lines.append(f"{i} {rng.choice(VILLAGES)}敬老院 {rng.choice(VILLAGES)}{rng.randint(1, 99)}号 "
                     f"0578- 60{rng.randint(10000, 99999)} {rng.randint(100, 199)} "
                     f"{low}{dash}{low + rng.randint(5, 25) * 100} 公办")
    return "\n\n".join(lines)


def coded_lines(rng: random.Random, year: int) -> list[str]:
    lines = []
    for label in rng.sample(CODE_LABELS, 8):
        value = rng.choice((mobile_like(rng), permit_number(rng, True),
                            luhn_number(rng, rng.randint(16, 19))))
        lines.append(f"- {label}：{value}")
    lines.append(f"施工许可证编号：{permit_number(rng, True)}，"
                 f"批准文号：国药准字H{rng.randint(10000000, 99999999)}，"
                 f"药品批号 {mobile_like(rng)}。")
    lines.append(f"实施期限 {year}—{year + 1} 年，受理时间 8:30—12:00、14:30—17:30，"
                 f"价格区间 {rng.randint(10, 30) * 100}—{rng.randint(31, 60) * 100} 元。")
    lines.append(f"办公电话 0578\u00a060{rng.randint(10000, 99999)}（0578）\u2009"
                 f"60{rng.randint(10000, 99999)}，热线 12345。")
    return lines


def coded_notice(index: int, rng: random.Random) -> str:
    year = rng.choice((2024, 2025))
    org = rng.choice(ORGS)
    formed = day(rng, year)
    title = f"{rng.choice(VILLAGES)}{year}年建设项目和许可信息公开"
    body = [f"现将{year}年度有关项目和许可信息公开如下。", "## 一、施工许可",
            permit_table(rng, rng.randint(4, 12)), "## 二、投资情况",
            investment_table(rng, rng.randint(3, 10)), "## 三、编号和批号",
            *coded_lines(rng, year), "## 四、养老机构床位和收费", beds_table(rng, 5),
            "", org, "", cn_date(formed)]
    front = "\n".join([
        "---", f"id: {year}-{9000 + index}", f"标题: {title}", "事项: ylfw-zn", "乡镇: hexi",
        f"发布机构: {org}", f"成文日期: {formed[0]}-{formed[1]:02d}-{formed[2]:02d}",
        f"发布日期: {formed[0]}-{formed[1]:02d}-{formed[2]:02d}",
        f"文号: {doc_number(rng, year)}", "公开属性: 主动公开", "---", ""])
    return front + "\n\n".join(body) + "\n"


def main() -> None:
    rng = random.Random(20251122)
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.md"):
        old.unlink()
    for index in range(1, 61):
        (OUT / f"fp-{index:03d}.md").write_text(notice(index, rng), encoding="utf-8")
    rng = random.Random(20261201)
    for index in range(61, 81):
        (OUT / f"fp-{index:03d}.md").write_text(coded_notice(index, rng), encoding="utf-8")


if __name__ == "__main__":
    main()
