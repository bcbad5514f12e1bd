"""A 2.1 MB notice, written at test time."""

from pathlib import Path

from conftest import GOOD_FRONT


def generate(root: Path) -> None:
    line = "本镇按照有关规定做好养老服务补贴发放工作，确保资金及时足额发放到位。\n"
    text = f"---\n{GOOD_FRONT}---\n\n" + line * 20_600
    assert 2_050_000 < len(text.encode("utf-8")) < 2_150_000
    (root / "content/notices/hexi/bad.md").write_text(text, encoding="utf-8")
