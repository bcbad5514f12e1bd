from pathlib import Path


def generate(root: Path) -> None:
    rtf = r"{\rtf1\ansi\ansicpg936 Tel 13812345678\par}"
    (root / "content/notices/hexi/名单.rtf").write_bytes(rtf.encode("latin-1"))
