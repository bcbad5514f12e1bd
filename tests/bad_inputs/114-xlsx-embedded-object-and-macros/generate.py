"""An .xlsm holding an embedded OLE object and a macro project (binary parts)."""

import zipfile
from pathlib import Path

import openpyxl


def generate(root: Path) -> None:
    path = root / "content/notices/hexi/名单.xlsm"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "补贴金额（元）"])
    book.active.append(["王*明", 300])
    book.save(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0" + bytes(60))
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(60))
