"""Realistic Word notices and Excel/CSV rosters for the import tests, written with python-docx,
openpyxl and xlwt (nothing binary is kept in the repository).

Each builder writes its file into a folder and returns a `Source`: the file and every paragraph
and cell text the published page must show.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id18(first17: str) -> str:
    """A resident ID number with its real check digit."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


@dataclass
class Source:
    path: Path
    texts: list[str]  # every paragraph and cell the page must show
    item: str = "低保审核"  # --item as a clerk types it
    township: str | None = "河西镇"
    mask: bool = False  # holds personal data: imported with --mask
    title: str = ""
    extra: dict = field(default_factory=dict)


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cn_numerals(day: dt.date) -> str:
    """二〇二六年十二月二日."""
    digits = "〇一二三四五六七八九"

    def number(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + \
            (digits[ones] if ones else "")

    return "".join(digits[int(c)] for c in str(day.year)) + \
        f"年{number(day.month)}月{number(day.day)}日"


def _signoff(doc, *lines: str) -> None:
    for line in lines:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _table(doc, rows: list[list[str]]):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return table


def _letterhead(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = True


def _centered_title(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = True


# -- Word notices --------------------------------------------------------------------------------
def gongshi(folder: Path, today: dt.date) -> Source:
    """公示 with a 名单 table holding mobiles and IDs (imported with --mask)."""
    doc = Document()
    title = "河西镇东村2026年第四季度低保审核对象公示"
    doc.add_heading(title, 0)
    texts = ["经本人申请、入户调查和民主评议，下列家庭拟纳入最低生活保障，现予公示。",
             "如有异议，请在公示期内向东村村民委员会或河西镇社会事务办反映。"]
    doc.add_paragraph(texts[0])
    rows = [["户主", "身份证号", "联系电话", "家庭人口", "拟保障金额（元/月）"],
            ["张某某", id18("33010219800101123"), "13812345678", "3", "1260"],
            ["李某某", id18("33010219750505432"), "13998765432", "1", "720"]]
    _table(doc, rows)
    doc.add_paragraph(texts[1])
    _signoff(doc, "河西镇人民政府", cn_date(today))
    path = folder / "东村低保公示.docx"
    doc.save(path)
    cells = [c for row in rows for c in row[:1] + row[3:]] + [r for r in rows[0]]
    return Source(path, texts + cells + ["河西镇人民政府", cn_date(today), "138****5678",
                                         "33*************" + rows[1][1][-3:]],
                  mask=True, title=title)


def tongzhi(folder: Path, today: dt.date) -> Source:
    """通知 with 红头, 文号, numbered sections, a page number and a 落款."""
    doc = Document()
    _letterhead(doc, "河西镇人民政府文件")
    doc.add_paragraph("河政〔2026〕8号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = "关于开展2026年度低保复核工作的通知"
    _centered_title(doc, title)
    texts = ["各村（社区）："]
    doc.add_paragraph(texts[0])
    doc.add_heading("一、工作目标", 1)
    doc.add_paragraph("确保应保尽保、应退尽退。")
    doc.add_heading("二、工作步骤", 1)
    for step in ("入户调查，核实家庭收入和财产。", "民主评议，张榜公示。", "乡镇审核，报县民政局备案。"):
        doc.add_paragraph(step, style="List Number")
        texts.append(step)
    doc.add_heading("三、工作要求", 1)
    doc.add_paragraph("各村要高度重视，按时完成复核。")
    doc.add_paragraph("— 1 —").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("")
    _signoff(doc, "河西镇人民政府", cn_date(today))
    doc.add_paragraph("（此件公开发布）")
    path = folder / "低保复核通知.docx"
    doc.save(path)
    texts += ["一、工作目标", "确保应保尽保、应退尽退。", "二、工作步骤", "三、工作要求",
              "各村要高度重视，按时完成复核。", "河西镇人民政府", cn_date(today), "（此件公开发布）"]
    return Source(path, texts, title=title, extra={"文号": "河政〔2026〕8号",
                                                   "absent": ["河西镇人民政府文件", "— 1 —"]})


def policy(folder: Path, today: dt.date) -> Source:
    """A county policy: 文号 in square brackets, 附件说明, a date in Chinese numerals."""
    doc = Document()
    doc.add_paragraph("望民[2026]27号")
    title = "望川县最低生活保障实施细则"
    doc.add_heading(title, 0)
    texts = ["第一条 为规范最低生活保障工作，根据《社会救助暂行办法》，制定本细则。",
             "第二条 本细则适用于本县行政区域内的最低生活保障工作。",
             "附件：1. 最低生活保障申请书", "2. 家庭经济状况核对授权书"]
    for text in texts:
        doc.add_paragraph(text)
    day = cn_numerals(today)
    _signoff(doc, "望川县民政局", day)
    path = folder / "低保实施细则.docx"
    doc.save(path)
    return Source(path, [*texts, "望川县民政局", day], item="shjz-zc", township=None, title=title,
                  extra={"文号": "望民〔2026〕27号", "成文日期": today.isoformat()})


def picture(folder: Path, today: dt.date) -> Source:
    """A notice with an image that has alt text."""
    from PIL import Image

    doc = Document()
    title = "河西镇社会救助服务流程图的公告"
    doc.add_heading(title, 0)
    doc.add_paragraph("现将社会救助申请办理流程公告如下。")
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (30, 90, 160)).save(buffer, "PNG")
    buffer.seek(0)
    shape = doc.add_picture(buffer)
    shape._inline.docPr.set("descr", "社会救助申请办理流程图")
    doc.add_paragraph("办理地点：河西镇便民服务中心。")
    _signoff(doc, "河西镇人民政府", cn_date(today))
    path = folder / "服务流程公告.docx"
    doc.save(path)
    return Source(path, ["现将社会救助申请办理流程公告如下。", "办理地点：河西镇便民服务中心。",
                         "河西镇人民政府", cn_date(today)], title=title,
                  extra={"alt": "社会救助申请办理流程图"})


def merged(folder: Path, today: dt.date) -> Source:
    """A table with merged cells: kept as an HTML table."""
    doc = Document()
    title = "河西镇2026年第四季度低保资金发放情况公示"
    doc.add_heading(title, 0)
    doc.add_paragraph("现将本季度低保资金发放情况公示如下。")
    table = doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    top = table.cell(0, 0).merge(table.cell(0, 2))
    top.text = "低保资金发放汇总"
    values = [["村（社区）", "户数", "金额（元）"], ["东村", "12", "15120"], ["西村", "8", "10080"]]
    for r, row in enumerate(values, start=1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    _signoff(doc, "河西镇人民政府", cn_date(today))
    path = folder / "资金发放公示.docx"
    doc.save(path)
    return Source(path, ["现将本季度低保资金发放情况公示如下。", "低保资金发放汇总",
                         *[v for row in values for v in row], "河西镇人民政府", cn_date(today)],
                  title=title)


FOOTNOTES = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    '</w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>{note}</w:t></w:r></w:p></w:footnote></w:footnotes>')


def footnotes(folder: Path, today: dt.date) -> Source:
    """A notice with a footnote (python-docx writes none itself: the part is added here)."""
    doc = Document()
    title = "关于调整河西镇低保标准的通知"
    doc.add_heading(title, 0)
    paragraph = doc.add_paragraph("自2027年1月1日起，低保标准调整为每人每月1080元")
    run = paragraph.add_run()
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    run._r.append(reference)
    paragraph.add_run("。")
    note = "标准依据县人民政府批复确定。"
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                FOOTNOTES.format(note=note).encode(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    _signoff(doc, "河西镇人民政府", cn_date(today))
    path = folder / "低保标准调整.docx"
    doc.save(path)
    return Source(path, ["自2027年1月1日起，低保标准调整为每人每月1080元", note, "河西镇人民政府",
                         cn_date(today)], title=title)


def links(folder: Path, today: dt.date) -> Source:
    """Bullets, bold, a hyperlink, 文号 with full-width brackets in the text."""
    doc = Document()
    title = "河西镇低保申请须知"
    doc.add_heading(title, 0)
    doc.add_paragraph("河政［2026］9号")
    p = doc.add_paragraph("申请人应当")
    p.add_run("如实申报").bold = True
    p.add_run("家庭收入和财产。")
    for text in ("户口簿、身份证复印件", "家庭收入证明", "残疾证（如有）"):
        doc.add_paragraph(text, style="List Bullet")
    p = doc.add_paragraph("政策原文见")
    _hyperlink(doc, p, "https://www.mca.gov.cn/", "民政部网站")
    _signoff(doc, "河西镇人民政府", cn_date(today))
    path = folder / "低保申请须知.docx"
    doc.save(path)
    return Source(path, ["申请人应当如实申报家庭收入和财产。", "户口簿、身份证复印件", "家庭收入证明",
                         "残疾证（如有）", "政策原文见民政部网站", "河西镇人民政府", cn_date(today)],
                  title=title, extra={"文号": "河政〔2026〕9号", "link": "https://www.mca.gov.cn/"})


def _hyperlink(doc, paragraph, url: str, text: str) -> None:
    rel = doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def joint(folder: Path, today: dt.date) -> Source:
    """Two issuing bodies in the 落款 and a cell of two paragraphs (kept as an HTML table)."""
    doc = Document()
    title = "关于做好2026年冬春困难群众生活救助工作的通知"
    doc.add_heading(title, 0)
    doc.add_paragraph("各乡镇人民政府、街道办事处：")
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "救助对象"
    table.cell(0, 1).text = "救助标准"
    table.cell(1, 0).text = "低保对象"
    cell = table.cell(1, 1)
    cell.text = "每户一次性发放500元"
    cell.add_paragraph("春节前发放到位")
    _signoff(doc, "望川县民政局", "望川县财政局", cn_date(today))
    path = folder / "冬春救助通知.docx"
    doc.save(path)
    return Source(path, ["各乡镇人民政府、街道办事处：", "救助对象", "救助标准", "低保对象",
                         "每户一次性发放500元", "春节前发放到位", "望川县民政局", "望川县财政局",
                         cn_date(today)], item="shjz-zc", township=None, title=title)


WORD_NOTICES = (gongshi, tongzhi, policy, picture, merged, footnotes, links, joint)


# -- rosters -------------------------------------------------------------------------------------
PEOPLE = [["王某某", "东村", "3", "1260"], ["赵某某", "西村", "2", "980"],
          ["孙某某", "东村", "1", "720"]]


def roster_header(folder: Path) -> Source:
    """.xlsx with a header row and raw IDs (imported with --mask)."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "名单"
    ws.append(["姓名", "村", "身份证号", "人口", "金额"])
    ids = [id18(f"3301021980010{i}123") for i in range(1, 4)]
    for person, number in zip(PEOPLE, ids, strict=True):
        ws.append([person[0], person[1], number, int(person[2]), int(person[3])])
    ws.append([])  # trailing empty rows
    ws.append([None, None])
    path = folder / "低保名单.xlsx"
    book.save(path)
    return Source(path, ["姓名", "村", "身份证号", "人口", "金额",
                         *[c for p in PEOPLE for c in p],
                         *[f"33*************{n[-3:]}" for n in ids]], mask=True)


def roster_no_header(folder: Path) -> Source:
    """.xlsx whose first row is data."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    for person in PEOPLE:
        ws.append([person[0], person[1], int(person[2]), float(person[3])])
    path = folder / "发放表.xlsx"
    book.save(path)
    return Source(path, ["列1", "列4", *[c for p in PEOPLE for c in p]])


def roster_title(folder: Path) -> Source:
    """.xlsx with a merged title row and a two-row merged header; two sheets."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "东村"
    ws.append(["东村2026年第四季度低保发放花名册"])
    ws.merge_cells("A1:D1")
    ws.append(["姓名", "家庭情况", None, "备注"])
    ws.merge_cells("B2:C2")
    ws.append([None, "人口", "金额", None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("D2:D3")
    for person in PEOPLE[:2]:
        ws.append([person[0], int(person[2]), int(person[3]), "新增"])
    second = book.create_sheet("西村")
    second.append(["姓名", "人口"])
    second.append(["孙某某", 1])
    path = folder / "花名册.xlsx"
    book.save(path)
    return Source(path, ["东村2026年第四季度低保发放花名册", "家庭情况-人口", "家庭情况-金额",
                         "备注", "新增", "西村", "孙某某", "王某某", "赵某某", "1260", "980"])


def roster_numbers(folder: Path) -> Source:
    """.xlsx with mobiles stored as numbers (11 digits: exact) and an amount with decimals."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["姓名", "联系电话", "补贴（元）"])
    ws.append(["王某某", 13812345678, 1260.5])
    ws.append(["赵某某", 13998765432, 980])
    ws["C3"].number_format = "0.00"  # shown as 980.00 in Excel
    path = folder / "联系表.xlsx"
    book.save(path)
    return Source(path, ["姓名", "联系电话", "补贴（元）", "王某某", "赵某某", "1260.5", "980.00",
                         "138****5678", "139****5432"], mask=True)


def roster_lost_digits(folder: Path) -> Path:
    """.xlsx with an 18-digit ID typed into a number cell: Excel kept 15 digits."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["姓名", "身份证号"])
    number = next(n for n in (id18(f"3301021980010112{d}") for d in range(10)) if n.isdigit())
    ws.append(["王某某", float(number)])  # as Excel stores a number typed into a number cell
    path = folder / "身份证号.xlsx"
    book.save(path)
    return path


def roster_xls(folder: Path) -> Source:
    """Legacy .xls (xlwt) with a merged title row."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("名单")
    ws.write_merge(0, 0, 0, 3, "西村2026年临时救助对象名单")
    for c, head in enumerate(["姓名", "村", "人口", "金额"]):
        ws.write(1, c, head)
    for r, person in enumerate(PEOPLE, start=2):
        ws.write(r, 0, person[0])
        ws.write(r, 1, person[1])
        ws.write(r, 2, int(person[2]))
        ws.write(r, 3, float(person[3]))
    path = folder / "临时救助名单.xls"
    book.save(str(path))
    return Source(path, ["西村2026年临时救助对象名单", "姓名", "村", "人口", "金额",
                         *[c for p in PEOPLE for c in p]])


def roster_csv(folder: Path) -> Source:
    """.csv in GBK, as Excel saves it on a Chinese Windows."""
    lines = ["姓名,村,人口,金额", *(",".join(p) for p in PEOPLE)]
    path = folder / "名单.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return Source(path, ["姓名", "村", "人口", "金额", *[c for p in PEOPLE for c in p]])


ROSTERS = (roster_header, roster_no_header, roster_title, roster_numbers, roster_xls, roster_csv)
