"""Built by tests/docx_parts.py (python-docx and raw XML for the parts it cannot write)."""

from pathlib import Path

import docx_parts


def generate(root: Path) -> None:
    docx_parts.build(root / "content/notices/hexi/名单.docx", docx_parts.values(141))
