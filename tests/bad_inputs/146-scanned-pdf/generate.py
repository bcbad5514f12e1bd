from pathlib import Path

from pypdf import PdfWriter


def generate(root: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (root / "content/notices/hexi/扫描件.pdf").open("wb") as out:
        writer.write(out)
