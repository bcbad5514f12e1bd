"""Numbers in the parts of a workbook that a reader of the file sees without looking at the
visible cells."""

from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.defined_name import DefinedName


def generate(root: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "联系电话"])
    sheet.append(["张*明", "138****5678"])
    sheet["B2"].comment = Comment("本人电话 13900000002", "经办人")
    sheet["B2"].hyperlink = "tel:13900000003"
    sheet.oddHeader.left.text = "联系人 13900000004"
    sheet.evenFooter.right.text = "13900000005"
    sheet.firstHeader.center.text = "经办 13900000006"
    sheet.HeaderFooter.differentOddEven = True
    sheet.HeaderFooter.differentFirst = True
    hidden = book.create_sheet("备用")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "电话 13900000001"
    very = book.create_sheet("底稿")
    very.sheet_state = "veryHidden"
    very.append(["姓名", "身份证号"])
    very.append(["张三", "330781198506120034"])
    book.defined_names["联系人"] = DefinedName("联系人", attr_text='"13900000007"')
    book.properties.creator = "王主任 13900000008"
    book.properties.description = "经办人电话 13900000009"
    book.properties.keywords = "补贴 13900000010"
    book.custom_doc_props.append(StringProperty(name="经办人", value="13900000011"))
    book.save(root / "content/notices/hexi/名单.xlsx")
