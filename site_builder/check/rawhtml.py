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

That scan gives precise places for what a writer types; what is *published* is gated separately
(`clean_output`, called by the render stage, bodies.py): every rendered body is cleaned by nh3
with the output allow-list (`OUTPUT_*`: the above plus what Python-Markdown itself writes), the
cleaned HTML is what is published, and whatever the cleaning removed is an error too. So no
difference between this scan's reading of the source and a browser's reading of the HTML can let
a script through: nh3 parses with html5ever, a browser's parser.
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
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
KIND_CLASS = "class"  # a class name outside the allow-list ({: .name }, !!! name)


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


# -- what is published: every rendered body, cleaned by nh3 ----------------------------------------
# Python-Markdown writes, beyond ALLOWED_*: h1 and heading ids (toc), the admonition classes, the
# [TOC] block, and the tables extension's column alignment.
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
    "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure",
    "fail", "missing", "danger", "error", "bug", "example", "quote", "cite"})
OUTPUT_TAGS = ALLOWED_TAGS | {"h1"}
OUTPUT_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
OUTPUT_CLASSES: dict[str, set[str]] = {"div": {"admonition", "toc", *ADMONITION_TYPES},
                                       "p": {"admonition-title", "sb-signoff"}}  # 落款
TABLE_ALIGN = frozenset(f"text-align: {side};" for side in ("left", "right", "center"))
OUTPUT_VALUES: dict[str, dict[str, set[str]]] = {"th": {"style": set(TABLE_ALIGN)},
                                                 "td": {"style": set(TABLE_ALIGN)}}
_OUTPUT_POLICY: dict = dict(
    tags=set(OUTPUT_TAGS), attributes=OUTPUT_ATTRIBUTES, tag_attribute_values=OUTPUT_VALUES,
    allowed_classes=OUTPUT_CLASSES, url_schemes=set(URL_SCHEMES), link_rel=None,
    strip_comments=True)

def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The same parse with (nearly) nothing removed, to see what the policy took out: both sides are
# then html5ever's reading and its regular serialization. Elements and URL schemes not listed
# here are dropped from both (unknown elements are inert; unknown schemes are never links).
_EVERY_TAG = _names("""
a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
blockquote body br button canvas caption center cite code col colgroup data datalist dd del
details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd
keygen label legend li link listing main map mark marquee menu menuitem meta meter multicol nav
nextid nobr noembed noframes noscript object ol optgroup option output p param picture plaintext
portal pre progress q rb rp rt rtc ruby s samp script search section select slot small source
spacer span strike strong style sub summary sup table tbody td template textarea tfoot th thead
time title tr track tt u ul var video wbr xmp svg math foreignobject use animate set
animatemotion animatetransform
""")
_EVERY_SCHEME = _names("""
http https mailto tel ftp ftps sftp file data javascript vbscript livescript mocha jscript blob
filesystem about chrome chrome-extension moz-extension resource jar ms-its mhtml mk view-source
intent sms smsto callto skype ws wss feed news nntp irc ircs git ssh telnet gopher res
ms-settings search-ms cid mid geo magnet webcal xmpp urn tag wtai x-javascript
""")
_SEEN_POLICY: dict = dict(
    tags=set(_EVERY_TAG), clean_content_tags=set(), attributes={},
    generic_attribute_prefixes=set("abcdefghijklmnopqrstuvwxyz0123456789_:@-."),
    url_schemes=set(_EVERY_SCHEME), link_rel=None, strip_comments=False)
# nh3.Cleaner holds a policy ready (a quarter faster than nh3.clean with the same options).
_clean_published = nh3.Cleaner(**_OUTPUT_POLICY).clean
_clean_seen = nh3.Cleaner(**_SEEN_POLICY).clean
_clean_text = nh3.Cleaner(tags=set(), strip_comments=True).clean
# html5ever's serialization: attributes always in double quotes, `"` escaped; comments as is;
# the text of these elements unescaped.
_CANONICAL = re.compile(
    r"<!--(.*?)-->|<([a-zA-Z][^\s/>]*)((?:\s+[^\s\"'>/=]+(?:=\"[^\"]*\")?)*)\s*/?>", re.S)
_CANONICAL_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:=\"([^\"]*)\")?")
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"})


@dataclass(frozen=True)
class Removed:
    """Something the output sanitizer took out of a rendered body."""

    kind: str  # KIND_*
    name: str  # the tag, attribute, class, address; "<!-- -->" for a comment
    snippet: str  # the element as html5ever read it, shortened


def clean_output(rendered: str) -> tuple[str, list[Removed]]:
    """The rendered HTML as it may be published (nh3 with the output allow-list), and what that
    removed, in document order."""
    cleaned = _clean_published(rendered)
    if cleaned == rendered:  # the same text back: nothing was removed
        return cleaned, []
    return cleaned, removed_between(_clean_seen(rendered), cleaned)


def removed_between(seen: str, cleaned: str) -> list[Removed]:
    before, after = _Elements(seen), _Elements(cleaned)
    out: list[Removed] = []
    gone_tags = before.tags - after.tags
    gone_attributes = before.attributes - after.attributes
    for kind, key, snippet in before.order:
        if kind == "comment":
            if before.comments > after.comments:
                out.append(Removed(KIND_COMMENT, "<!-- -->", snippet))
                before.comments -= 1
        elif kind == "tag":
            if gone_tags[key]:
                gone_tags[key] -= 1
                out.append(Removed(KIND_TAG, key, snippet))
        elif key[0] in OUTPUT_TAGS and gone_attributes[key]:
            gone_attributes[key] -= 1
            out.extend(_attribute_removed(*key, snippet))
    return out


def _attribute_removed(tag: str, name: str, value: str, snippet: str) -> list[Removed]:
    if name == "class":
        allowed = OUTPUT_CLASSES.get(tag, set())
        return [Removed(KIND_CLASS, c, snippet) for c in value.split() if c not in allowed]
    if name.startswith("on"):
        return [Removed(KIND_EVENT, name, snippet)]
    if name == "style":
        return [Removed(KIND_STYLE, name, snippet)]
    if name in _URL_ATTRIBUTES and name in OUTPUT_ATTRIBUTES.get(tag, set()):
        return [Removed(KIND_URL, value, snippet)]
    return [Removed(KIND_ATTRIBUTE, name, snippet)]


class _Elements:
    """Tags, attributes and comments of HTML serialized by html5ever (nh3's output)."""

    def __init__(self, text: str):
        self.tags: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str, str]] = Counter()
        self.comments = 0
        self.order: list[tuple[str, object, str]] = []
        position = 0
        while True:
            m = _CANONICAL.search(text, position)
            if m is None:
                return
            position = m.end()
            if m.group(1) is not None:
                self.comments += 1
                self.order.append(("comment", None, _short(m.group(0))))
                continue
            tag = m.group(2).lower()
            snippet = _short(m.group(0))
            self.tags[tag] += 1
            self.order.append(("tag", tag, snippet))
            for a in _CANONICAL_ATTRIBUTE.finditer(m.group(3)):
                key = (tag, a.group(1).lower(), html.unescape(a.group(2) or ""))
                self.attributes[key] += 1
                self.order.append(("attribute", key, snippet))
            if tag in _RAW_TEXT:  # its text is not escaped: skip to its end tag
                end = re.compile(rf"</{re.escape(tag)}\s*>", re.I).search(text, position)
                position = end.end() if end else len(text)


def clean_text(text: str) -> str:
    """A heading's text for the table of contents (MkDocs puts it into the page as HTML): no
    tags at all."""
    return _clean_text(text)


def locate(text: str, removed: list[Removed]) -> list[Unsafe]:
    """Each removal at the best place found in the Markdown `text` it was rendered from: the
    first not yet used occurrence of its tag, attribute, class or address outside code spans
    (else anywhere), else line 1 without a column."""
    visible = _blank_code(text)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    used: dict[str, int] = {}
    out: list[Unsafe] = []
    for r in removed:
        found = None
        for pattern in _needles(r):
            cursor = used.get(pattern.pattern, 0)
            for source, start in ((visible, cursor), (visible, 0), (text, 0)):
                m = pattern.search(source, start)
                if m:
                    found = m
                    used[pattern.pattern] = m.end()
                    break
            if found:
                break
        if found is None:  # column 0: not known
            out.append(Unsafe(r.kind, 1, 0, r.name, r.snippet))
            continue
        line = bisect.bisect_right(starts, found.start())
        column = found.start() - starts[line - 1] + 1
        source_line = text[starts[line - 1]:].split("\n", 1)[0]
        tag = source_line.rfind("<", 0, column - 1)  # show an attribute with its tag
        begin = tag if tag >= 0 and ">" not in source_line[tag:column - 1] else column - 1
        out.append(Unsafe(r.kind, line, column, r.name, _short(source_line[begin:])))
    return out


def _needles(r: Removed) -> list[re.Pattern[str]]:
    name = re.escape(r.name)
    word = re.compile(rf"(?<![\w-]){name}(?![\w-])", re.I)
    if r.kind == KIND_TAG:
        return [re.compile(rf"<\s*{name}(?![\w-])", re.I), word]
    if r.kind == KIND_COMMENT:
        return [re.compile(p) for p in (r"<!--", r"<\?", r"<!")]
    if r.kind == KIND_URL:
        needles = [re.compile(re.escape(r.name)), re.compile(re.escape(html.escape(r.name)))]
        scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.\-]*):", r.name)
        if scheme:
            colon = r"\s*(?::|&#0*58;?|&#x0*3a;?|&colon;)"
            needles.append(re.compile(re.escape(scheme.group(1)) + colon, re.I))
        rest = r.name.split(":", 1)[-1].strip()
        if ":" in r.name and len(rest) >= 3:  # jav&#x09;ascript:alert(1): find alert(1)
            needles.append(re.compile(re.escape(rest)))
        return needles
    if r.kind == KIND_CLASS:  # {: .name }, !!! name "title", class="name"
        return [re.compile(rf"\{{[^{{}}\n]*\.{name}(?![\w-])"),
                re.compile(rf"[?!]{{3}}\+?[ \t]*(?:[\w-]+[ \t]+)*{name}(?![\w-])"),
                re.compile(rf"class\s*=\s*[\"']?[^\"'>]*(?<![\w-]){name}(?![\w-])", re.I), word]
    return [re.compile(rf"(?<![\w-]){name}\s*=", re.I), word]


# -- what a reader sees --------------------------------------------------------------------------
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dt",
                     "dd", "caption", "figcaption", "figure", "summary", "details", "hr", "br",
                     "ul", "ol", "dl", "table", "thead", "tbody", "tfoot"})


def visible_lines(html_text: str) -> list[str]:
    """The text of a rendered body as a reader sees it, one line per block, a table row as
    `| cell | cell |` below a `|---|` rule after its first row, list items as `- item`; then
    tooltips, image texts and tel:/mailto: addresses. Character references are decoded, tags
    inside a word join it up: what the source hid (`138&nbsp;1234`, `138<b></b>1234`) shows."""
    reader = _Visible()
    reader.feed(html_text)
    reader.close()
    reader.end_line()
    return reader.lines + reader.extra


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.extra: list[str] = []  # attribute texts
        self.text: list[str] = []
        self.row: list[str] | None = None
        self.rows = 0  # rows of the current table
        self.cell: list[str] | None = None

    def end_line(self) -> None:
        line = " ".join("".join(self.text).split())
        if line:
            self.lines.append(line)
        self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in ("title", "alt") or
                          (name == "href" and value.lower().startswith(("tel:", "mailto:")))):
                self.extra.append(value)
        if tag == "table":
            self.rows = 0
        if tag == "tr":
            self.end_line()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "li":
            self.end_line()
            self.text.append("- ")
        elif tag in _BLOCKS and self.cell is None:
            self.end_line()

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(" ".join("".join(self.cell).replace("|", "｜").split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.lines.append("| " + " | ".join(self.row) + " |")
            self.rows += 1
            if self.rows == 1:
                self.lines.append("|" + "---|" * max(len(self.row), 1))
            self.row = None
        elif (tag in _BLOCKS or tag == "li") and self.cell is None:
            self.end_line()

    def handle_data(self, data: str) -> None:
        (self.cell if self.cell is not None else self.text).append(data)
