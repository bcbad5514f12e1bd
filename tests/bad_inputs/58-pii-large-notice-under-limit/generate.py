"""A 1.9 MB notice (16,000 paragraphs: above the 1 MB warning, below the 2 MB limit of
limits.MAX_MARKDOWN), written at test time; an ID on its last line."""

from pathlib import Path

from conftest import GOOD_FRONT

FRONT = f"---\n{GOOD_FRONT}---\n\n"


def generate(root: Path) -> None:
    lines = [f"第{i}段：本镇按照有关规定做好养老服务补贴发放工作，确保资金及时足额发放到位。"
             for i in range(1, 16_001)]
    lines.append("经核实，350102199003071234为本人。")  # file line 12 + 16,000
    text = FRONT + "\n".join(lines) + "\n"
    assert 1_800_000 < len(text.encode("utf-8")) < 2_000_000
    (root / "content/notices/hexi/bad.md").write_text(text, encoding="utf-8")
