from pathlib import Path


def generate(root: Path) -> None:
    text = "联系人 王*明 手机 13812345678\n"
    (root / "content/notices/hexi/联系人.txt").write_bytes(text.encode("utf-16-be"))
