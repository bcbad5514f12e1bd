"""A notice with a 10,000-row table, written at test time; row 9,999 has a full mobile."""

from pathlib import Path

FRONT = """---
id: 2025-0100
标题: 河西镇养老补贴发放名单
事项: ylfw-zn
乡镇: hexi
发布机构: 河西镇人民政府
成文日期: 2025-07-01
发布日期: 2025-07-02
公开属性: 主动公开
---

| 序号 | 姓名 | 联系电话 |
|---|---|---|
"""


def generate(root: Path) -> None:
    rows = [f"| {i} | 张*明 | 138****{i % 10000:04d} |" for i in range(1, 10_001)]
    rows[9998] = "| 9999 | 张*明 | 13812345678 |"  # file line 14 + 9,998
    text = FRONT + "\n".join(rows) + "\n"
    (root / "content/notices/hexi/bad.md").write_text(text, encoding="utf-8")
