"""Notepad's "Unicode": UTF-16 little endian with a byte order mark and CRLF line ends."""

from pathlib import Path

TEXT = """---
id: 2025-0100
标题: 河西镇养老补贴申领指南
事项: ylfw-zn
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: 2025-07-01
发布日期: 2025-07-02
公开属性: 主动公开
---

用记事本写的正文。
"""


def generate(root: Path) -> None:
    data = "\ufeff" + TEXT.replace("\n", "\r\n")
    (root / "content/notices/hexi/bad.md").write_bytes(data.encode("utf-16-le"))
