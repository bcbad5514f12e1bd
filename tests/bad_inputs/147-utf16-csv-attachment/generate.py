from pathlib import Path


def generate(root: Path) -> None:
    text = "姓名,身份证号\r\n李*兰,350102199003071234\r\n"
    (root / "content/notices/hexi/名单.csv").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
