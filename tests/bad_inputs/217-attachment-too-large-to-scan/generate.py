"""A 21 MB CSV attachment, written at test time."""

from pathlib import Path


def generate(root: Path) -> None:
    header = "序号,姓名,金额（元）\n".encode()
    row = "1,李*兰,1200\n".encode()
    path = root / "content/notices/hexi/大名单.csv"
    path.write_bytes(header + row * (21_000_000 // len(row) + 1))
