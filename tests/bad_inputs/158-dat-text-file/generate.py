from pathlib import Path


def generate(root: Path) -> None:
    text = "姓名,身份证号,电话\r\n李*兰,350102199003071234,13812345678\r\n"
    (root / "content/notices/hexi/导出.dat").write_bytes(text.encode("gbk"))
