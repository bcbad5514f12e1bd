"""Word files with personal data in every part a reader can open, built with python-docx and,
for what python-docx cannot write (footnotes, endnotes, text boxes, tracked changes, fields,
content controls, smart tags, custom properties), raw XML edited into the package."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

from test_privacy import make_id, make_mobile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (f'{W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')

# Each place: the words the report must use for it.
PLACES = {
    "body": "第 2 段",
    "split": "第 3 段",  # the value split over three runs, one of them bold
    "table": "第 1 个表格第 2 行第 2 列",
    "nested": "第 1 个表格第 2 行第 3 列里的第 1 个表格第 1 行第 1 列",
    "header": "第 1 节页眉第 1 段",
    "first_header": "第 1 节首页页眉第 1 段",
    "even_footer": "第 1 节偶数页页脚第 1 段",
    "header2": "第 2 节页眉第 1 段",
    "footnote": "第 1 个脚注第 1 段",
    "endnote": "第 1 个尾注第 1 段",
    "comment": "第 1 条批注第 1 段",
    "deleted": "第 4 段（修订中被删除的文字",
    "inserted": "第 4 段（修订中插入的文字",
    "textbox": "第 5 段里的第 1 个文本框第 1 段",
    "vml_box": "第 5 段里的第 2 个文本框第 1 段",
    "field_code": "第 6 段（域代码",
    "field_result": "第 6 段",
    "control": "第 7 段（内容控件）",
    "smart_tag": "第 8 段",
    "link": "链接地址",
    "author": "文档属性「作者」",
    "keywords": "文档属性「关键词」",
    "custom": "文档属性「经办人电话」",
}


def values(seed: int = 31) -> dict[str, str]:
    rng = random.Random(seed)
    out = {key: make_mobile(rng) for key in PLACES}
    out["table"] = make_id(rng)
    return out


def run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(inner: str) -> str:
    return f"<w:p {NS}>{inner}</w:p>"


def build(path: Path, v: dict[str, str]) -> None:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    document.add_paragraph("东村低保审核对象名单")
    document.add_paragraph(f"联系人 王*明 手机 {v['body']}")
    s = v["split"]
    body.insert(len(body) - 1, parse_xml(para(run("电话 " + s[:3]) + run(s[3:7], bold=True)
                                               + run(s[7:]))))
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["姓名", "身份证号", "家庭成员"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "李*兰"
    table.cell(1, 1).text = v["table"]
    inner = table.cell(1, 2).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = f"配偶电话 {v['nested']}"
    rid = document.part.relate_to(f"tel:{v['link']}", RT.HYPERLINK, is_external=True)
    changes = (f'<w:del w:id="1" w:author="张三" w:date="2026-11-01T00:00:00Z"><w:r>'
               f'<w:delText>原电话 {v["deleted"]}</w:delText></w:r></w:del>'
               f'<w:ins w:id="2" w:author="张三" w:date="2026-11-01T00:00:00Z">'
               f'{run("新电话 " + v["inserted"])}</w:ins>')
    box = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
           f'<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
           f'{para(run("文本框 " + v["textbox"]))}</w:txbxContent></wps:txbx></wps:wsp>'
           f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
           f'<w:pict><v:shape><v:textbox><w:txbxContent>{para(run("文本框 " + v["textbox"]))}'
           f'</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
           f'</mc:AlternateContent></w:r>'
           f'<w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
           f'{para(run("旧式文本框 " + v["vml_box"]))}</w:txbxContent></v:textbox></v:shape>'
           f'</w:pict></w:r>')
    field = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space='
             f'"preserve"> HYPERLINK "tel:{v["field_code"]}" </w:instrText></w:r><w:r>'
             f'<w:fldChar w:fldCharType="separate"/></w:r>{run("拨打 " + v["field_result"])}'
             f'<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    control = (f'<w:sdt {NS}><w:sdtPr><w:alias w:val="电话"/></w:sdtPr><w:sdtContent>'
               f'{para(run("控件 " + v["control"]))}</w:sdtContent></w:sdt>')
    smart = (f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
             f'w:element="phone">{run(v["smart_tag"])}</w:smartTag>')
    link = f'<w:hyperlink r:id="{rid}">{run("点击拨打")}</w:hyperlink>'
    for xml in (para(changes), para(box), para(field), control, para("智能标记 " + smart),
                para(link)):
        body.insert(len(body) - 1, parse_xml(xml))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    section.header.paragraphs[0].text = f"页眉 {v['header']}"
    section.first_page_header.paragraphs[0].text = f"首页页眉 {v['first_header']}"
    section.even_page_footer.paragraphs[0].text = f"偶数页页脚 {v['even_footer']}"
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = f"第二节页眉 {v['header2']}"
    document.add_comment(document.paragraphs[0].runs, text=f"核实电话 {v['comment']}",
                         author="审核人")
    document.core_properties.author = f"经办人{v['author']}"
    document.core_properties.keywords = f"低保,{v['keywords']}"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_add_parts(buffer.getvalue(), v))


def _add_parts(data: bytes, v: dict[str, str]) -> bytes:
    """Footnotes, endnotes and custom properties, which python-docx cannot write."""
    notes = {
        "footnotes": f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p/>'
                     f'</w:footnote><w:footnote w:id="1">{para(run("脚注 " + v["footnote"]))}'
                     f'</w:footnote></w:footnotes>',
        "endnotes": f'<w:endnotes {NS}><w:endnote w:id="1">{para(run("尾注 " + v["endnote"]))}'
                    f'</w:endnote></w:endnotes>',
    }
    custom = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
              'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
              '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
              f'pid="2" name="经办人电话"><vt:lpwstr>{v["custom"]}</vt:lpwstr></property>'
              '</Properties>')
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                extra = "".join(
                    f'<Override PartName="/word/{n}.xml" ContentType="application/vnd.'
                    f'openxmlformats-officedocument.wordprocessingml.{n}+xml"/>' for n in notes)
                extra += ('<Override PartName="/docProps/custom.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.custom-properties+xml"/>')
                content = content.replace(b"</Types>", extra.encode() + b"</Types>")
            elif info.filename == "word/_rels/document.xml.rels":
                extra = "".join(
                    f'<Relationship Id="rIdN{n}" Type="http://schemas.openxmlformats.org/'
                    f'officeDocument/2006/relationships/{n}" Target="{n}.xml"/>' for n in notes)
                content = content.replace(b"</Relationships>",
                                          extra.encode() + b"</Relationships>")
            elif info.filename == "_rels/.rels":
                extra = ('<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/custom-properties" '
                         'Target="docProps/custom.xml"/>')
                content = content.replace(b"</Relationships>",
                                          extra.encode() + b"</Relationships>")
            elif info.filename == "word/document.xml":
                refs = ('<w:r><w:footnoteReference w:id="1"/></w:r>'
                        '<w:r><w:endnoteReference w:id="1"/></w:r>')
                content = re.sub(rb"(</w:p>)", refs.encode() + rb"\1", content, count=1)
            target.writestr(info, content)
        for name, xml in notes.items():
            target.writestr(f"word/{name}.xml", xml)
        target.writestr("docProps/custom.xml", custom)
    return out.getvalue()


def all_text(data: bytes) -> list[str]:
    """Every text form of a package's members: raw, without tags (a value split over runs is
    whole again), and its digits alone; members inside members too."""
    forms: list[str] = []
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return forms
    with zf:
        for info in zf.infolist():
            content = zf.read(info)
            forms += all_text(content)
            text = content.decode("utf-8", errors="ignore")
            stripped = re.sub(r"<[^>]+>", "", text)
            forms += [text, stripped, re.sub(r"[^0-9Xx]", "", stripped), info.filename]
    return forms
