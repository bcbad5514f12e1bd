from pathlib import Path


def generate(root: Path) -> None:
    folder = root / "content/notices/hexi"
    (folder / "材料.7z").write_bytes(b"7z\xbc\xaf\x27\x1c" + bytes(64))
    (folder / "导出数据").write_bytes(bytes(range(256)) * 8)
