"""Local files a Markdown body links to (images, documents beside the notice)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# The address may hold spaces (`[名单](东村 名单.csv)`: Python-Markdown links it as written), may be
# in <…>, and may be followed by a title in double or single quotes.
_MD_TARGET = re.compile(
    r"!?\[[^\]\n]*\]\(\s*<?([^)<>\n]*?[^)<>\s])>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_HTML_TARGET = re.compile(
    r"""<(?:img|a|source|video|audio)\b[^>]*?\s(?:src|href)\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LocalLink:
    target: str  # decoded relative path, without #fragment
    line: int  # 1-based line within the body


def local_links(body: str) -> list[LocalLink]:
    """Relative links in `body` that point at files (not web pages, anchors or site paths)."""
    out: list[LocalLink] = []
    for number, text in enumerate(body.split("\n"), start=1):
        if "](" not in text and "<" not in text:
            continue
        for pattern in (_MD_TARGET, _HTML_TARGET):
            for m in pattern.finditer(text):
                target = _local(m.group(1))
                if target:
                    out.append(LocalLink(target, number))
    return out


def _local(raw: str) -> str | None:
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or raw.startswith(("#", "/", "?")):
        return None
    path = unquote(parts.path)
    return path or None


def raw_targets(text: str) -> list[str]:
    """The link targets on one line of a body as written: not decoded, #… and ?… kept."""
    return [m.group(1) for pattern in (_MD_TARGET, _HTML_TARGET) for m in pattern.finditer(text)]
