"""An .xlsx of 0.15 MB whose one sheet unzips to 150 MB, written at test time."""

import zipfile
from pathlib import Path


def generate(root: Path) -> None:
    path = root / "content/notices/hexi/名单.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<c>" + b"0" * 150_000_000 + b"</c>")
