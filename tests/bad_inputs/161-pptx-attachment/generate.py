import zipfile
from pathlib import Path


def generate(root: Path) -> None:
    with zipfile.ZipFile(root / "content/notices/hexi/汇报.pptx", "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("ppt/presentation.xml", "<p:presentation/>")
