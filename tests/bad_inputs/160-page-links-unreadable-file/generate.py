from pathlib import Path


def generate(root: Path) -> None:
    (root / "content/pages/申请表.doc").write_bytes(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(512))
    page = root / "content/pages/ysqgk.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + "\n\n下载[申请表](申请表.doc)。\n", encoding="utf-8")
