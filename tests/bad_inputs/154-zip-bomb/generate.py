import zipfile
from pathlib import Path


def generate(root: Path) -> None:
    path = root / "content/notices/hexi/材料.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf, \
            zf.open("全部.txt", "w", force_zip64=True) as member:
        chunk = bytes(1024 * 1024)
        for _ in range(110):
            member.write(chunk)
