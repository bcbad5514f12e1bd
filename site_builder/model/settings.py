"""Site-wide settings that later stages read: what to do with personal data (catalog.yaml
设置 → 个人信息, 遮盖格式). The checks (check/privacy.py) apply them; the model only carries them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KIND_ID = "id"
KIND_MOBILE = "mobile"
KIND_CARD = "card"
KINDS = (KIND_ID, KIND_MOBILE, KIND_CARD)

MODE_ERROR = "报错"
MODE_MASK = "遮盖"
MODES = (MODE_ERROR, MODE_MASK)


@dataclass(frozen=True)
class Pattern:
    """A masking pattern written as an example, e.g. 138****1234: keep 3, hide, keep 4."""

    head: int
    tail: int
    char: str = "*"

    @classmethod
    def parse(cls, example: str) -> Pattern | None:
        m = re.fullmatch(r"([^*＊×]*)([*＊×]+)([^*＊×]*)", example.strip())
        if not m:
            return None
        return cls(len(re.sub(r"\D", "", m.group(1))), len(re.sub(r"\D", "", m.group(3))),
                   m.group(2)[0])

    def example(self, kind: str) -> str:
        sample = {KIND_ID: "350102199001011123", KIND_MOBILE: "13812341234",
                  KIND_CARD: "6222021234567890123"}[kind]
        return sample[: self.head] + self.char * (len(sample) - self.head - self.tail) + \
            sample[len(sample) - self.tail :]


DEFAULT_PATTERNS: dict[str, Pattern] = {
    KIND_MOBILE: Pattern(3, 4),  # 138****1234
    KIND_ID: Pattern(2, 3),  # 35*************123
    KIND_CARD: Pattern(4, 4),  # 6222***********0123
}


@dataclass
class PrivacySettings:
    """The site-wide choice (catalog.yaml 设置) of what to do with personal data."""

    mode: str = MODE_ERROR
    patterns: dict[str, Pattern] = field(default_factory=lambda: dict(DEFAULT_PATTERNS))
