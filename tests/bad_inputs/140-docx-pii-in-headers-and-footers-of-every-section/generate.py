"""Headers and footers of two sections, first-page and even-page variants (python-docx)."""

from pathlib import Path

import docx
from docx.enum.section import WD_SECTION


def generate(root: Path) -> None:
    document = docx.Document()
    document.add_paragraph("东村低保审核对象名单（正文没有个人信息）")
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    section.header.paragraphs[0].text = "经办人 王*明 13812345678"
    section.first_page_header.paragraphs[0].text = "首页联系人 13912345678"
    section.even_page_footer.paragraphs[0].text = "偶数页 手机 15012345678"
    second = document.add_section(WD_SECTION.NEW_PAGE)
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "第二节 18612345678"
    document.save(root / "content/notices/hexi/名单.docx")
