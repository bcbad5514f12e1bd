"""Unsafe Markdown: raw HTML and link addresses that could run scripts or hide and fake content.

Markdown lets a writer type HTML, and Python-Markdown passes it through unchanged; `attr_list`
adds attributes to elements. Notices are written by dozens of clerks and pasted from Word and
web pages, so what is allowed is a short list: tables, line breaks and basic formatting
(`ALLOWED_TAGS`, `ALLOWED_ATTRIBUTES`), links to http(s)/mailto/tel or files beside the notice,
images from files beside the notice. Everything else — `<script>`, `<style>`, `<iframe>`,
`<object>`, event handlers (`onclick`), `style` attributes, `javascript:`/`data:` addresses,
images from other hosts, HTML comments (invisible, yet published in the page source) — is an
error with its file, line and column.

The sanitizer is nh3 (Rust's ammonia): each tag found in the source (by the standard library's
HTML tokenizer) is cleaned with the allow-list, and whatever nh3 removes is reported. Code spans
are skipped (Markdown escapes them), found as Python-Markdown finds them: its own backtick
pattern, so an escaped backtick (\\`) opens no span. Fences (```) are not code here: the renderer
has no fenced_code extension (bodies.py), so what is between fences is Markdown and raw HTML like
any other line. Link addresses may start on the line after `](` or `]:`.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor

ALLOWED_TAGS = frozenset({
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "br", "p", "div", "span", "b", "strong", "i", "em", "u", "s", "del", "ins", "sub", "sup",
    "mark", "small", "abbr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6", "hr", "pre", "code", "a", "img", "figure", "figcaption",
    "details", "summary",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "table": {"border", "cellpadding", "cellspacing", "width"},
    "td": {"colspan", "rowspan", "align", "valign", "width"},
    "th": {"colspan", "rowspan", "align", "valign", "width", "scope"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "div": {"markdown"},
    "span": {"markdown"},
    "p": {"markdown"},
    "details": {"markdown", "open"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_URL_ATTRIBUTES = frozenset({"href", "src"})
_WRAP = {  # table and list parts are only kept by an HTML parser inside their parents
    "td": ("<table><tr>", "</tr></table>"), "th": ("<table><tr>", "</tr></table>"),
    "tr": ("<table>", "</table>"), "thead": ("<table>", "</table>"),
    "tbody": ("<table>", "</table>"), "tfoot": ("<table>", "</table>"),
    "caption": ("<table>", "</table>"), "colgroup": ("<table>", "</table>"),
    "col": ("<table><colgroup>", "</colgroup></table>"),
    "li": ("<ul>", "</ul>"), "dt": ("<dl>", "</dl>"), "dd": ("<dl>", "</dl>"),
}
_VOID = frozenset({"br", "hr", "img", "col"})
_TAG_NAME = re.compile(r"[a-z][a-z0-9]*")
# Python-Markdown's own code-span processor: where it finds code, that is code.
_BACKTICK = BacktickInlineProcessor(BACKTICK_RE)
# A line that starts a raw HTML block: Python-Markdown leaves it as it is, backticks included.
_HTML_BLOCK_START = re.compile(
    r"^ {0,3}</?(?:address|article|aside|blockquote|body|canvas|center|colgroup|dd|details|div"
    r"|dl|dt|fieldset|figcaption|figure|footer|form|group|h[1-6]|header|hgroup|hr|html|iframe"
    r"|legend|li|main|map|math|menu|nav|noscript|object|ol|option|output|p|pre|progress|script"
    r"|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|tr|ul|video)\b", re.I)
# Link and image addresses: Python-Markdown allows white space, a line end included, after `](`
# and after a reference definition's `]:`.
_MD_URL = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?([^\s>]+)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*=[^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"([A-Za-z_:][\w:.\-]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")

# Reasons shown to the writer, keyed by what was found.
KIND_TAG = "tag"  # a tag outside the allow-list
KIND_EVENT = "event"  # onclick= and friends
KIND_STYLE = "style"  # style= attribute
KIND_ATTRIBUTE = "attribute"  # another attribute outside the allow-list
KIND_URL = "url"  # javascript:, data:, vbscript: ...
KIND_EXTERNAL_IMAGE = "external-image"  # an image loaded from another host
KIND_COMMENT = "comment"  # <!-- ... -->


@dataclass(frozen=True)
class Unsafe:
    kind: str
    line: int  # 1-based, in the text given
    column: int  # 1-based
    name: str  # the tag, attribute or address concerned
    snippet: str  # the source text, shortened


def check(text: str) -> list[Unsafe]:
    """Every unsafe construct in a Markdown text, in order."""
    visible = _blank_code(text)
    out: list[Unsafe] = []
    if "<" in visible:
        parser = _Scanner(visible)
        parser.feed(visible)
        parser.close()
        out.extend(parser.found)
    out.extend(_markdown_urls(visible))
    out.extend(_attribute_lists(visible))
    return sorted(out, key=lambda u: (u.line, u.column))


# -- code is not HTML ----------------------------------------------------------------------------
def _blank_code(text: str) -> str:
    """The text with code spans replaced by spaces (same offsets).

    A span is found line by line with Python-Markdown's pattern, escaped backticks and escaped
    backslashes as it reads them. Not blanked, because Python-Markdown does not treat them as
    code here: fences (no fenced_code extension), lines that start a raw HTML block. A span that
    runs over two lines is not blanked either (its text is checked: at worst a false alarm); the
    render stage checks what is published whatever this scan decides (`clean_output`).
    """
    if "`" not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "`" in line and not _HTML_BLOCK_START.match(line):
            lines[index] = _blank_spans(line)
    return "\n".join(lines)


def _blank_spans(line: str) -> str:
    """Blank the code spans of one line, applying Python-Markdown's backtick processor as its
    inline processor does (escaped backslashes become a placeholder; a run of backticks with no
    partner is text)."""
    work = line
    position = 0
    while True:
        m = _BACKTICK.compiled_re.search(work, position)
        if m is None:
            return work
        node, start, end = _BACKTICK.handleMatch(m, work)
        if start is None or end is None:
            position = m.end()
            continue
        if isinstance(node, str):  # escaped backslashes: a placeholder, not a backslash
            work = work[:start] + "\0" * (end - start) + work[end:]
        elif node is not None:  # a code span
            work = work[:start] + " " * (end - start) + work[end:]
        position = max(end, m.end())


# -- raw HTML ------------------------------------------------------------------------------------
class _Scanner(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.lines = source.split("\n")
        self.found: list[Unsafe] = []

    def _where(self) -> tuple[int, int]:
        line, offset = self.getpos()
        return line, offset + 1

    def _snippet(self) -> str:
        text = self.get_starttag_text() or ""
        return _short(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not _TAG_NAME.fullmatch(tag):
            return  # <https://...> or <name@example.cn>: Markdown autolinks, checked as URLs
        line, column = self._where()
        snippet = self._snippet()
        for kind, name in judge(tag, attrs):
            self.found.append(Unsafe(kind, line, column, name, snippet))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        line, column = self._where()
        self.found.append(Unsafe(KIND_COMMENT, line, column, "<!-- -->",
                                 _short(f"<!--{data}-->")))


def judge(tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """(kind, name) of each thing nh3 removes from this tag under the allow-list."""
    if tag not in ALLOWED_TAGS:
        return [(KIND_TAG, tag)]
    kept = _clean_attributes(tag, attrs)
    out: list[tuple[str, str]] = []
    for name, value in attrs:
        value = value or ""
        if (name, value) in kept:
            if tag == "img" and name == "src" and _external(value):
                out.append((KIND_EXTERNAL_IMAGE, value))
            continue
        if name.startswith("on"):
            out.append((KIND_EVENT, name))
        elif name == "style":
            out.append((KIND_STYLE, name))
        elif name in _URL_ATTRIBUTES and name in _allowed(tag):
            out.append((KIND_URL, value))
        else:
            out.append((KIND_ATTRIBUTE, name))
    return out


def _allowed(tag: str) -> set[str]:
    return ALLOWED_ATTRIBUTES.get(tag, set()) | ALLOWED_ATTRIBUTES["*"]


def _clean_attributes(tag: str, attrs: list[tuple[str, str | None]]) -> set[tuple[str, str]]:
    """The (name, value) pairs of this tag that survive nh3 with the allow-list."""
    rendered = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in attrs
                       if re.fullmatch(r"[A-Za-z_:][\w:.\-]*", name))
    fragment = f"<{tag}{rendered}>" + ("" if tag in _VOID else f"x</{tag}>")
    before, after = _WRAP.get(tag, ("", ""))
    cleaned = sanitize(before + fragment + after)
    collector = _Collector(tag)
    collector.feed(cleaned)
    collector.close()
    return collector.attrs


def sanitize(fragment: str) -> str:
    return nh3.clean(fragment, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True)


class _Collector(HTMLParser):
    def __init__(self, tag: str):
        super().__init__(convert_charrefs=True)
        self.tag = tag
        self.attrs: set[tuple[str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.tag and not self.attrs:
            self.attrs = {(name, value or "") for name, value in attrs}

    handle_startendtag = handle_starttag


def _external(url: str) -> bool:
    return bool(re.match(r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:)?//", url))


def url_safe(url: str) -> bool:
    """True if nh3 keeps this address in a link (relative, http(s), mailto or tel)."""
    kept = sanitize(f'<a href="{html.escape(html.unescape(url), quote=True)}">x</a>')
    return "href=" in kept


# -- Markdown links and attribute lists ----------------------------------------------------------
def _markdown_urls(text: str) -> list[Unsafe]:
    out: list[Unsafe] = []
    if "](" not in text and "]:" not in text and "<" not in text:
        return out
    targets: list[tuple[int, str, bool]] = []
    if "](" in text:
        targets += [(m.start(2), m.group(2), m.group(1) == "!") for m in _MD_URL.finditer(text)]
    if "]:" in text:
        targets += [(m.start(1), m.group(1), False) for m in _REF_DEF.finditer(text)]
    if "<" in text:
        targets += [(m.start(1), m.group(1), False) for m in _AUTOLINK.finditer(text)]
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for start, url, image in sorted(targets):
        if not url:
            continue
        kind = None
        if not url_safe(url):
            kind = KIND_URL
        elif image and _external(url):
            kind = KIND_EXTERNAL_IMAGE
        if kind:
            line = bisect.bisect_right(starts, start)
            out.append(Unsafe(kind, line, start - starts[line - 1] + 1, url, _short(url)))
    return out


def _attribute_lists(text: str) -> list[Unsafe]:
    """`{: onclick="…" }` — Markdown's attr_list would put any attribute on an element."""
    out: list[Unsafe] = []
    if "{" not in text:
        return out
    for number, line in enumerate(text.split("\n"), start=1):
        if "{" not in line or "=" not in line:
            continue
        for m in _ATTR_LIST.finditer(line):
            for p in _ATTR_PAIR.finditer(m.group(1)):
                name, value = p.group(1).lower(), p.group(2).strip("\"'")
                kind = _attribute_kind(name, value)
                if kind:
                    shown = value if kind == KIND_URL else name
                    out.append(Unsafe(kind, number, m.start() + 1, shown, _short(m.group(0))))
    return out


def _attribute_kind(name: str, value: str) -> str | None:
    if name.startswith("on"):
        return KIND_EVENT
    if name == "style":
        return KIND_STYLE
    if name in _URL_ATTRIBUTES:
        return None if url_safe(value) else KIND_URL
    if not any(name in names for names in ALLOWED_ATTRIBUTES.values()):
        return KIND_ATTRIBUTE
    return None


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
