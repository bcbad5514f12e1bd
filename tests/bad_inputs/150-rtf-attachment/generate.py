from pathlib import Path


def generate(root: Path) -> None:
    gbk = "".join(f"\\'{b:02x}" for b in "联系人".encode("gbk"))
    ident = "".join(f"\\'{ord(c):02x}" for c in "350102199003071234")
    rtf = (r"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 SimSun;}}\f0 " + gbk +
           r" 138{\b 1234}5678\par \u36523?\u20221?\u35777?\'a3\'ba" + ident + r"\par}")
    (root / "content/notices/hexi/名单.rtf").write_bytes(rtf.encode("latin-1"))
