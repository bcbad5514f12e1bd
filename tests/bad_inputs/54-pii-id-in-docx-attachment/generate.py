"""The Word attachment is made at test time (no binary files in the repository)."""

from pathlib import Path

import docx


def generate(root: Path) -> None:
    document = docx.Document()
    document.add_paragraph("东村低保审核对象名单")
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(["姓名", "村", "身份证号"]):
        table.cell(0, column).text = text
    for column, text in enumerate(["李*兰", "东村", "350102199003071234"]):
        table.cell(1, column).text = text
    document.save(root / "content/notices/hexi/名单.docx")
