"""Personal-data detection, measured (docs/privacy.md records the figures).

- misses: 230 generated valid ID numbers and 300 mobiles in 53 layouts — none may be missed;
- false positives: 80 realistic notices full of look-alike numbers (tests/privacy_corpus/), the
  bundled sample county, and the traps listed in docs/privacy.md — none may be reported;
- the shared Pingtan corpus (real notices, synthetic personal numbers): its 5 IDs, 7 cards and
  the mobiles are found, its 98 unified social credit codes are not.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import shutil
from pathlib import Path

import pytest
from conftest import REPO, TestProject, need_shared

from site_builder.check import privacy
from site_builder.check.privacy import Finding, scan, scan_file, scan_lines, uscc_valid

CORPUS = Path(__file__).parent / "privacy_corpus" / "notices"
PROVINCES = sorted(privacy._PROVINCES)
FULL = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


# -- generators ----------------------------------------------------------------------------------
def make_id(rng: random.Random) -> str:
    born = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randint(0, 33_000))
    body = rng.choice(PROVINCES) + f"{rng.randint(0, 9999):04d}" + born.strftime("%Y%m%d") + \
        f"{rng.randint(0, 999):03d}"
    total = sum(int(c) * w for c, w in zip(body, privacy._ID_WEIGHTS, strict=True))
    return body + privacy._ID_CHECK[total % 11]


def make_mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def make_card(rng: random.Random, length: int = 19) -> str:
    body = "62" + "".join(rng.choice("0123456789") for _ in range(length - 3))
    for check in "0123456789":
        if privacy.luhn_valid(body + check):
            return body + check
    raise AssertionError


ID_LAYOUTS = [  # (text with {v}, header of the cell or "", is a table/list cell)
    ("申请人身份证号：{v}，户籍地望川县。", "", False),
    ("经核查，王某某（公民身份号码{v}）符合条件。", "", False),
    ("{v}", "身份证号码", True),
    ("张*明{v}河西镇东村", "", False),
    ("身份证号 {v6} {v8} {v4}", "", False),
    ("{v4s}", "证件号码", True),
    ("身份证：{v6}-{v8}-{v4}", "", False),
    ("身份证号：{vf}", "", False),
    ("- 李*兰，{v}，东村", "", False),
    ("序号1{v}", "", False),
    ("{vlower}", "身份证号", True),
    ("（证件号码：{v}）", "", False),
    # groups separated by what Word and web pages put between them
    ("身份证号 {v6}\u00a0{v8}\u00a0{v4}", "", False),  # no-break space
    ("{v6}\u2009{v8}\u2009{v4}", "身份证号", True),  # thin space
    ("公民身份号码：{v6}\u202f{v8}\u202f{v4}", "", False),  # narrow no-break space
    ("身份证：{v6}\u3000{v8}\u3000{v4}", "", False),  # ideographic space
    ("{v4nb}", "证件号码", True),  # 4-4-4-4-2 with no-break spaces
    ("身份证号：{v6}\u2010{v8}\u2010{v4}", "", False),  # hyphen
    ("身份证号：{v6}\u2013{v8}\u2013{v4}", "", False),  # en dash
    ("身份证号：{v6}\u2014{v8}\u2014{v4}", "", False),  # em dash
    ("身份证号：{v6}\u2212{v8}\u2212{v4}", "", False),  # minus sign
    ("身份证号码{vf6}\u3000{vf8}\u3000{vf4}", "", False),  # full-width, ideographic spaces
    ("- 王*，{v6}\u200b{v8}\u200b{v4}", "", False),  # zero-width space (pasted from a page)
]
MOBILE_LAYOUTS = [
    ("联系电话：{m}。", "", False),
    ("如有疑问请联系张老师{m}。", "", False),
    ("手机 +86 {m3} {m4a} {m4b}", "", False),
    ("+86-{m}", "", False),
    ("电话：{m3}-{m4a}-{m4b}", "", False),
    ("{m3} {m4a} {m4b}", "联系电话", True),
    ("{mf}", "手机号码", True),
    ("（+86）{m}（工作日）", "", False),
    ("0086 {m}", "", False),
    ("- 联系人：王*，{m}", "", False),
    ("报名咨询：{m}、0578-6023301", "", False),
    ("Tel:{m}", "", False),
    # the country code glued on, and in brackets
    ("联系方式：+86{m}", "", False),
    ("手机86{m}", "", False),
    ("境外请拨0086{m}", "", False),
    ("(+86){m}", "", False),
    ("+86 {m3} {m4a} {m4b}", "联系电话", True),
    # groups separated by other spaces and dashes
    ("电话：{m3}\u00a0{m4a}\u00a0{m4b}", "", False),  # no-break space
    ("电话：{m3}\u2009{m4a}\u2009{m4b}", "", False),  # thin space
    ("{m3}\u202f{m4a}\u202f{m4b}", "手机", True),  # narrow no-break space
    ("手机：{m3}\u3000{m4a}\u3000{m4b}", "", False),  # ideographic space
    ("手机：{m3}\u2010{m4a}\u2010{m4b}", "", False),  # hyphen
    ("手机：{m3}\u2011{m4a}\u2011{m4b}", "", False),  # non-breaking hyphen
    ("手机：{m3}\u2012{m4a}\u2012{m4b}", "", False),  # figure dash
    ("手机：{m3}\u2013{m4a}\u2013{m4b}", "", False),  # en dash
    ("手机：{m3}\u2014{m4a}\u2014{m4b}", "", False),  # em dash
    ("手机：{m3}\u2212{m4a}\u2212{m4b}", "", False),  # minus sign
    ("联系电话：{mf}", "", False),  # full-width digits in prose
    ("＋８６　{mf}", "", False),  # full-width +86 and ideographic space
    ("- 张*明，{m3}\u200b{m4a}\u200b{m4b}", "", False),  # zero-width space
]
PER_LAYOUT = 10  # generated values in each layout


def _fill(layout: str, v: str = "", m: str = "") -> str:
    full = v.translate(FULL)
    return layout.format(
        v=v, v6=v[:6], v8=v[6:14], v4=v[14:], vf=full, vf6=full[:6], vf8=full[6:14],
        vf4=full[14:], v4s=" ".join(v[i : i + 4] for i in range(0, 18, 4)),
        v4nb="\u00a0".join(v[i : i + 4] for i in range(0, 18, 4)), vlower=v.lower(),
        m=m, m3=m[:3], m4a=m[3:7], m4b=m[7:], mf=m.translate(FULL))


def _digits(text: str) -> str:
    return "".join(c for c in text.translate(privacy._FOLD) if c.isdigit() or c in "Xx").upper()


# -- misses --------------------------------------------------------------------------------------
def generated_cases() -> list[tuple[str, str, str, str, bool]]:
    """(kind, value, text, header, in_list): PER_LAYOUT generated values in every layout."""
    rng = random.Random(5)
    cases: list[tuple[str, str, str, str, bool]] = []
    for index in range(PER_LAYOUT * len(ID_LAYOUTS)):
        layout, header, in_list = ID_LAYOUTS[index % len(ID_LAYOUTS)]
        value = make_id(rng)
        while "{vlower}" in layout and not value.endswith("X"):  # lower-case x needs an X
            value = make_id(rng)
        cases.append((privacy.KIND_ID, value, _fill(layout, v=value), header, in_list))
    for index in range(PER_LAYOUT * len(MOBILE_LAYOUTS)):
        value = make_mobile(rng)
        layout, header, in_list = MOBILE_LAYOUTS[index % len(MOBILE_LAYOUTS)]
        cases.append((privacy.KIND_MOBILE, value, _fill(layout, m=value), header, in_list))
    return cases


def test_no_generated_id_or_mobile_is_missed():
    cases = generated_cases()
    missed = []
    for kind, value, text, header, in_list in cases:
        found = scan(text, header=header, in_list=in_list)
        if not any(f.kind == kind and _digits(f.value).endswith(value.upper()) for f in found):
            missed.append((kind, text))
    assert len(cases) == PER_LAYOUT * (len(ID_LAYOUTS) + len(MOBILE_LAYOUTS)) == 530
    assert missed == [], missed


def test_generated_values_are_found_in_a_whole_text_as_in_a_notice():
    """scan_lines pre-filters lines with one search on the text as written (before folding):
    every layout must pass that filter too, and the finding must cover the whole value."""
    for kind, value, text, header, _in_list in generated_cases():
        if header:
            text = f"| 序号 | {header} |\n|---|---|\n| 1 | {text} |"
        located = scan_lines(text.split("\n"))
        assert [loc.finding.kind for loc in located] == [kind], text
        masked = privacy.mask_lines(text, located, privacy.DEFAULT_PATTERNS)
        assert value.upper() not in _digits(masked), (text, masked)


def test_ids_and_mobiles_in_markdown_tables_lists_and_headings_are_located():
    rng = random.Random(7)
    ident, mobile, card = make_id(rng), make_mobile(rng), make_card(rng)
    body = (f"## 联系人 张*明 {mobile}\n\n"
            f"| 序号 | 姓名 | 身份证号 | 银行卡号 |\n|---|---|---|---|\n"
            f"| 1 | 李*兰 | {ident} | {card} |\n\n"
            f"- 王*，{mobile[:3]} {mobile[3:7]} {mobile[7:]}\n")
    found = [(loc.line, loc.column, loc.finding.kind) for loc in scan_lines(body.split("\n"))]
    row = f"| 1 | 李*兰 | {ident} | {card} |"
    assert found == [
        (1, len("## 联系人 张*明 ") + 1, privacy.KIND_MOBILE),
        (5, row.index(ident) + 1, privacy.KIND_ID),
        (5, row.index(card) + 1, privacy.KIND_CARD),
        (7, len("- 王*，") + 1, privacy.KIND_MOBILE),
    ]


@pytest.mark.parametrize("suffix", [".csv", ".txt", ".xlsx", ".docx", ".pdf"])
def test_attached_files_are_scanned(tmp_path: Path, suffix: str):
    rng = random.Random(11)
    ident, mobile = make_id(rng), make_mobile(rng)
    path = tmp_path / f"名单{suffix}"
    rows = [["序号", "姓名", "身份证号", "联系电话"], ["1", "张*明", ident, mobile]]
    write_table(path, rows)
    scanned = scan_file(path)
    assert scanned.error is None
    values = sorted(_digits(loc.finding.value) for loc in scanned.located)
    assert values == sorted([ident, mobile])


def write_table(path: Path, rows: list[list[str]]) -> None:
    """A small roster as CSV, text, Excel, Word or PDF (made with the real libraries)."""
    suffix = path.suffix
    if suffix in (".csv", ".txt"):
        sep = "," if suffix == ".csv" else "  "
        path.write_text("\n".join(sep.join(r) for r in rows) + "\n", encoding="utf-8-sig")
    elif suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for r in rows:
            book.active.append(r)
        book.save(path)
    elif suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_paragraph("名单如下：")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for i, r in enumerate(rows):
            for j, cell in enumerate(r):
                table.cell(i, j).text = cell
        document.save(path)
    elif suffix == ".pdf":
        path.write_bytes(_pdf([" ".join(r) for r in rows]))


def _pdf(lines: list[str]) -> bytes:
    """A one-page text PDF (ASCII text only: names are left out), written by hand."""
    text = "BT /F1 10 Tf 50 750 Td " + " ".join(
        f"({line.encode('ascii', 'ignore').decode()}) Tj 0 -14 Td" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


# -- false positives -----------------------------------------------------------------------------
TRAPS = [
    "咨询电话：0578-6023301，传真（0578）6023302，0591 23163224，86-578-6023301。",
    "服务热线 12345、12349、12315、96110，客服 400-800-1234、95588。",
    "文号：望政办发〔2024〕13号、浙民〔2025〕138号；索引号 11330781MB1234567X/2024-00123。",
    "2024年3月15日、2024-03-15、20240315、2024.03.15 08:30—17:30，批次号 202403151234。",
    "总投资15800000000元，补助1380013800.00元，合计￥13800138000，增长13.80013800%。",
    "邮编 323000，望川县府前路138号，邮政编码：323100。",
    "已去标识化：138****1234、35*************123、3307**********1234、6222 **** **** 0123。",
    "统一社会信用代码：91330781MA2AB3CD4E，12330781003701234G，913301007046823025。",
    "项目编号：3307202400012345，合同编号 WCHT-2024-013，工单编号：13800138000。",
    "不动产权证号：浙（2024）望川县不动产权第0001234号，车牌浙H·12345，准考证号202433070012。",
    "户籍人口 13800138 人，耕地面积 1380013.8 亩，GDP 13800138000 元。",
    # public numbers of things: an 18-digit permit number can pass the ID check (1 in 11)
    "施工许可证编号：350128202103150202，宗地号 350128202001269595，标段号：350128202204227221。",
    "药品批号 13812345678，批准文号：国药准字H13812345，许可证号：15108747495，备案号13900139000。",
    "登记号：6604924528123679421，流水号13812345678，工单号 13812345678，订单号：13812345678。",
    "合同号13812345678，项目编码：350128202103150202，受理号 13812345678，凭证号 6222021234567890128。",
    # a count, then a price range: not a mobile split 3-4-4 (the sample's 养老机构名录 PDF)
    "14 望川县长乐老年公寓 城关镇南关路77号 0578- 6022736 180 1600—3600 民办",
    "床位 150 2000-4000 元，180 1600–3600 元，时间 2024—2025 年，138 1234—5678。",
]
AMOUNT_COLUMNS = ["总投资（元）", "金额（万元）", "合同价(万元)", "累计完成投资/元", "拟保障金额（元/月）",
                  "补助资金合计", "人数（人）"]


@pytest.mark.parametrize("header", AMOUNT_COLUMNS)
def test_numbers_in_amount_columns_are_not_mobiles_or_cards(header: str):
    for value in ("13800000000", "15000000000", "6222021234567890128"):
        assert scan(value, header=header, in_list=True) == [], (header, value)
    # but a column that also names a phone or a card is still checked
    assert scan("13800000000", header=f"{header}/联系电话", in_list=True)


def test_code_labels_do_not_hide_an_id_with_an_id_label():
    permit = "350128202103150202"
    assert privacy.id18_valid(permit)
    for text, header in ((f"身份证编号：{permit}", ""), (permit, "证件编号"),
                         (f"项目编号 WC-01，负责人身份证号 {permit}", ""), (permit, "身份证号")):
        assert [f.kind for f in scan(text, header=header, in_list=bool(header))] == [
            privacy.KIND_ID], (text, header)
    assert scan(permit, header="施工许可证编号", in_list=True) == []
PROSE_TRAPS = [  # an office's account in running text (in a roster it would be a person's card)
    "收款账户：望川县财政局，开户银行：中国农业银行望川支行，账号：6228480402564890018。",
]


@pytest.mark.parametrize("text", TRAPS)
def test_look_alike_numbers_are_not_flagged(text: str):
    assert scan(text) == [] and scan(text, in_list=True) == []


@pytest.mark.parametrize("text", PROSE_TRAPS)
def test_office_accounts_in_running_text_are_not_flagged(text: str):
    assert privacy.luhn_valid("6228480402564890018")
    assert scan(text) == []


def test_realistic_corpus_has_no_false_positive(small: TestProject):
    """80 realistic notices checked as a county would check them: zero findings."""
    files = sorted(CORPUS.glob("*.md"))
    assert len(files) >= 80
    for path in files:
        shutil.copy(path, small.root / "content/notices/hexi" / path.name)
    result = small.check()
    assert result.code == 0, result.err
    assert "发现身份证号" not in result.err and "发现手机号" not in result.err
    assert f"检查通过：{6 + len(files)} 篇信息将发布" in result.out


def test_sample_county_has_no_false_positive():
    findings = []
    for path in [REPO / "catalog.yaml", *sorted((REPO / "content").rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        findings += [(path.name, loc.line) for loc in scan_lines(text.split("\n"))]
    attachments = [p for p in sorted((REPO / "content").rglob("*"))
                   if p.suffix.lower() in privacy.SCANNED_SUFFIXES and p.suffix != ".md"]
    assert len(attachments) >= 4
    for path in attachments:  # the CSV, TXT, PDF and DOCX files the sample publishes
        scanned = scan_file(path)
        assert scanned.error is None
        findings += [(path.name, loc.where or loc.line, loc.finding.value)
                     for loc in scanned.located]
    assert findings == []


def test_shared_corpus_ids_cards_and_mobiles_found_credit_codes_not():
    rows = [json.loads(line) for line in
            (need_shared() / "corpus" / "pingtan-notices.jsonl").open(encoding="utf-8")]
    found: dict[str, list[Finding]] = {}
    credit_codes = 0
    for row in rows:
        body = row["body"]
        for loc in scan_lines(body.split("\n")):
            found.setdefault(loc.finding.kind, []).append(loc.finding)
        for token in privacy._ALNUM.findall(body):
            if len(token) == 18 and uscc_valid(token):
                credit_codes += 1
                assert not scan(token, in_list=True), token
    counts = {kind: len(items) for kind, items in found.items()}
    # README: 5 IDs, 7 Luhn-valid cards, 12 mobiles; one "mobile" is a complaint number written
    # 编号PI19012490652 — numbers labelled 编号 are deliberately not reported (docs/privacy.md).
    assert counts == {privacy.KIND_ID: 5, privacy.KIND_CARD: 7, privacy.KIND_MOBILE: 11}
    assert credit_codes >= 90


# -- checks and masking --------------------------------------------------------------------------
def test_check_digits():
    rng = random.Random(3)
    ident = make_id(rng)
    assert privacy.id18_valid(ident)
    wrong = ident[:17] + ("0" if ident[17] != "0" else "1")
    assert not privacy.id18_valid(wrong)
    assert privacy.luhn_valid("6222021234567890128") and not privacy.luhn_valid(
        "6222021234567890123")
    assert uscc_valid("91350128X297557819") and not uscc_valid("913501625702929615")


def test_masked_values_read_as_written_on_the_page(small: TestProject):
    """The masking convention's stars are text, not emphasis: numbers a writer masked by hand
    and numbers the builder masks (个人信息: 遮盖, escaped stars) both read as masked numbers."""
    from test_validation import notice_with

    rng = random.Random(11)
    ident, mobile = make_id(rng), make_mobile(rng)
    written = "已遮盖 138****1234、35*************123；33*************12X 与 6222***********0123"
    path = notice_with(small, extra="个人信息: 遮盖\n")
    small.edit(path, "正文。", f"{written}\n\n联系人张*明，电话{mobile}，身份证号{ident}。\n\n"
                             "## 联系 139****5678 或 138****1234\n\n| 姓名 | 电话 |\n|---|---|\n"
                             f"| 李*兰 | {mobile} |\n\n**重点**不变，*强调*不变。")
    result = small.build()
    assert result.code == 0, result.text
    body = small.html("n/2025-0100/").select_one(".sb-body")
    assert [e.get_text() for e in body.select("strong, em")] == ["重点", "强调"]
    text = body.get_text()
    assert written in text
    shown_mobile = f"{mobile[:3]}****{mobile[-4:]}"
    assert f"联系人张*明，电话{shown_mobile}，身份证号{ident[:2]}{'*' * 13}{ident[-3:]}。" in text
    assert body.select_one("h2").get_text() == "联系 139****5678 或 138****1234"
    assert [td.get_text() for td in body.select("td")] == ["李*兰", shown_mobile]


def test_masking_keeps_separators_and_configured_digits():
    rng = random.Random(9)
    ident, mobile = make_id(rng), make_mobile(rng)
    text = f"身份证号{ident}，电话 +86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    masked = privacy.mask(text, scan(text), privacy.DEFAULT_PATTERNS)
    assert f"身份证号{ident[:2]}{'*' * 13}{ident[-3:]}" in masked
    assert masked.endswith(f"+86 {mobile[:3]} **** {mobile[7:]}")
    pattern = privacy.Pattern.parse("13*******34")
    assert (pattern.head, pattern.tail) == (2, 2)
    assert privacy.pattern_problem(privacy.KIND_ID, privacy.Pattern.parse("3501021990****1234"))
    assert not privacy.pattern_problem(privacy.KIND_ID,
                                       privacy.Pattern.parse("350102********1234"))
    assert not privacy.pattern_problem(privacy.KIND_ID, privacy.Pattern.parse("35*************123"))
