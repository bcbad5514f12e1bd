from pathlib import Path


def generate(root: Path) -> None:
    (root / "content/notices/hexi/2019年名单.doc").write_bytes(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(512))
