"""A copy of a text as a reader reads the numbers in it, with a map back to the source.

The personal-data scan (privacy.py) must see a number the way a reader of the published page
sees it, not the way its characters are coded. A reader sees 13812345678 in all of these:

- invisible characters between the digits: zero-width space, joiners and non-joiners (U+200B–
  U+200D), word joiner (U+2060), BOM (U+FEFF), soft hyphen (U+00AD), bidi marks and embeddings
  (U+200E/F, U+202A–U+202E, U+2066–U+2069) and every other format character; combining marks
  (a digit with an accent over it is still a digit);
- look-alike digits: every Unicode decimal digit (full-width, mathematical 𝟏𝟑𝟖, Arabic-Indic
  ١٣٨, Devanagari …), superscripts and subscripts (¹³⁸, ₁₃₈), circled, parenthesized and
  "digit full stop" digits (①③⑧, ⑴, ⒈, ❶) — and the X of an ID written as a Cyrillic or Greek
  letter or a Roman numeral;
- separators other than spaces and dashes: `.` `/` `~` `_` (and their full-width forms);
  a first group in brackets, `(138)1234-5678`, `（138）1234 5678`;
- "masks" that hide nothing: `*`, `×` or `xx` put *between* the digits, `138**1234**5678`.

`fold` returns the copy: digits are ASCII, spaces one ASCII space, dashes `-`, invisible
characters gone, a run of mask characters between two digits one `MASK` (two or more
characters) or `TIMES` (one character: it may be a multiplication, 150×2000×1200), a bracket
closing a 2–4 digit first group `BRACKET`. `origin[i]` is the index in the source of the copy's
character i, so a finding in the copy is reported at its line and column in the source and
masking replaces the source's characters. Newlines are never dropped or added: line numbers
of the copy are those of the source.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from dataclasses import dataclass

from ..base import messages as msg

# Separators the scan knows (privacy._SPAN): written as a space or a dash (folded to " " and
# "-" one for one), and the ones that only appear in the copy.
SPACES = "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
DASHES = "\uff0d\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\ufe58"
MASK = "*"  # two or more mask characters between digits in the copy
TIMES = "×"  # one mask character between digits (or a multiplication sign)
BRACKET = "\ue000"  # the ")" after a bracketed first group, (138)1234 5678
OTHER_SEPARATORS = "./~_"  # also in the copy, as written (full-width forms folded)

# One character for one: full-width digits, letters, signs; spaces; dashes; separators.
_BASIC = {ord(a): b for a, b in zip(
    "０１２３４５６７８９ＸｘＬ＋（）．／～〜＿" + SPACES + DASHES,
    "0123456789XxL+()./~~_" + " " * len(SPACES) + "-" * len(DASHES), strict=True)}
# Look-alikes that are not digits by Unicode's account
_LOOK_ALIKE = {
    "Х": "X", "х": "x", "Χ": "X", "χ": "x", "Ⅹ": "X", "ⅹ": "x",  # the X of an ID
    "＊": "*", "﹡": "*", "∗": "*", "⁎": "*", "✱": "*", "✲": "*", "✳": "*",  # asterisks
    "✕": "×", "✖": "×", "⨯": "×", "╳": "×",  # multiplication signs
}
_BLANKS = "\u115f\u1160\u3164\uffa0\u2800"  # letters drawn blank: read as a space
_LOOK_ALIKE.update(dict.fromkeys(_BLANKS, " "))
# Blocks with no character the copy changes (letters of CJK, Hangul, private use, surrogates)
_SKIP = ((0x3400, 0x9FFF), (0xAC00, 0xD7AF), (0xD800, 0xF8FF), (0x20000, 0x2FFFF))

_REWRITE = re.compile(
    r"(?<=[0-9]) ?(?P<mask>[*×]+|[xX]{2,}) ?(?=[0-9])"
    r"|(?:(?<=\([0-9]{2})|(?<=\([0-9]{3})|(?<=\([0-9]{4}))\) ?(?=[0-9])")

TRICK_INVISIBLE = "invisible"
TRICK_LOOK_ALIKE = "look-alike"
TRICK_MASK = "mask"
TRICK_LINES = "lines"  # a YAML value over several lines (yamltext.py)


@functools.cache
def _table() -> dict[int, str]:
    """Every character the copy changes (besides _BASIC), and what it becomes ("" = dropped)."""
    table: dict[int, str] = {}
    code = 0x80
    while code <= sys.maxunicode:
        skip = next((high for low, high in _SKIP if low <= code <= high), None)
        if skip is not None:
            code = skip + 1
            continue
        char = chr(code)
        folded = _fold_char(char)
        if folded is not None and code not in _BASIC:
            table[code] = folded
        code += 1
        if code > 0x1FFFF:  # nothing past the supplementary planes' symbols but tags/selectors
            table.update({c: "" for c in range(0xE0000, 0xE0080)})  # tag characters
            table.update({c: "" for c in range(0xE0100, 0xE01F0)})  # variation selectors
            break
    for a, b in _LOOK_ALIKE.items():
        table[ord(a)] = b
    return table


def _fold_char(char: str) -> str | None:
    category = unicodedata.category(char)
    if category in ("Cf", "Mn", "Me"):
        return ""  # invisible: format characters, combining marks
    if category == "Nd":
        return str(unicodedata.decimal(char))
    if category == "No":
        nfkc = unicodedata.normalize("NFKC", char)
        digits = re.sub(r"[().,\s]", "", nfkc)
        if digits.isascii() and digits.isdigit():
            return digits  # ¹ ₁ ① ⑩ ⑴ ⒈ 🄂
        name = unicodedata.name(char, "")
        value = unicodedata.numeric(char, -1)
        if ("DIGIT" in name or "NUMBER" in name) and value >= 0 and value == int(value):
            return str(int(value))  # ❶ ⓫ ➀
    return None


@functools.cache
def _enclosed() -> frozenset[int]:
    """Circled, parenthesized and "digit full stop" digits (①, ⑴, ⒈, ❶): they run on with each
    other (①③⑧…), but one before or after plain digits is a list marker (①13812345678)."""
    return frozenset(code for code, out in _table().items() if out.isdigit() and
                     unicodedata.category(chr(code)) == "No" and
                     not re.search(r"SUPERSCRIPT|SUBSCRIPT", unicodedata.name(chr(code), "")))


@functools.cache
def _special() -> re.Pattern[str]:
    """One search tells whether a text has any character the per-character pass changes."""
    codes = sorted(_table())
    ranges: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            ranges.append(_range(start, previous))
            start = code
        previous = code
    return re.compile("[" + "".join(ranges) + "]")


def _range(low: int, high: int) -> str:
    return re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"


@dataclass(frozen=True)
class Folded:
    """The copy of a text (`text`), and for each of its characters the index in `source`
    (`origin`; None when the copy is the source folded one character for one)."""

    text: str
    origin: tuple[int, ...] | None
    source: str

    def at(self, index: int) -> int:
        return index if self.origin is None else self.origin[index]

    def aligned(self) -> str:
        """The source characters behind the copy's characters, one for one."""
        if self.origin is None:
            return self.source
        return "".join(self.source[i] for i in self.origin)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span behind the copy's [start, end)."""
        return self.at(start), self.at(end - 1) + 1

    def positions(self, indexes: tuple[int, ...]) -> tuple[int, ...]:
        """Source indexes behind copy indexes, in order, each once (① is one source char)."""
        out: list[int] = []
        for index in indexes:
            position = self.at(index)
            if not out or out[-1] != position:
                out.append(position)
        return tuple(out)

    def tricks(self, start: int, end: int) -> tuple[str, ...]:
        """What in the source span [start, end) a reader does not see as written digits."""
        written = self.source[start:end]
        table = _table()
        found: list[str] = []
        if any(table.get(ord(c)) == "" or c in _BLANKS for c in written):
            found.append(TRICK_INVISIBLE)
        if any(table.get(ord(c), "").isdigit() or c in "ХхΧχⅩⅹ" for c in written):
            found.append(TRICK_LOOK_ALIKE)
        return tuple(found)


def fold(text: str) -> Folded:
    """The copy of `text` as a reader reads its numbers (see the module's docstring)."""
    origin: list[int] | None = None
    if _special().search(text):
        table, enclosed = _table(), _enclosed()
        pieces: list[str] = []
        origin = []
        was_enclosed = False
        for index, char in enumerate(text):
            code = ord(char)
            out = _BASIC.get(code) or table.get(code, char)
            now_enclosed = code in enclosed
            if now_enclosed != was_enclosed and pieces and pieces[-1][-1:].isdigit() and \
                    out[:1].isdigit():
                out = " " + out  # ①13812345678: a list marker, then a number
            was_enclosed = now_enclosed
            pieces.append(out)
            origin.extend([index] * len(out))
        copy = "".join(pieces)
    else:
        copy = text.translate(_BASIC)
    if _REWRITE.search(copy):
        copy, origin = _rewrite(copy, origin)
    return Folded(copy, tuple(origin) if origin is not None else None, text)


def _rewrite(copy: str, origin: list[int] | None) -> tuple[str, list[int]]:
    """Mask runs between digits become MASK or TIMES, a bracketed first group's ")" BRACKET."""
    source = origin if origin is not None else list(range(len(copy)))
    pieces: list[str] = []
    positions: list[int] = []
    last = 0
    for m in _REWRITE.finditer(copy):
        pieces.append(copy[last : m.start()])
        positions.extend(source[last : m.start()])
        run = m.group("mask")
        if run is None:
            pieces.append(BRACKET)
            positions.append(source[m.start()])
        else:
            pieces.append(MASK if len(run) >= 2 else TIMES)
            positions.append(source[m.start("mask")])
        last = m.end()
    pieces.append(copy[last:])
    positions.extend(source[last:])
    return "".join(pieces), positions


_WHITE = re.compile(r"[ \t\r\n]+")


def as_read(text: str) -> Folded:
    """A multi-line text value as a page shows it: each run of spaces, tabs and line breaks
    one space (YAML `摘要: |` keeps its line breaks and indentation; HTML does not)."""
    if not re.search(r"[\t\r\n]| {2}", text):
        return Folded(text, None, text)
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for m in _WHITE.finditer(text):
        pieces.append(text[last : m.start()] + " ")
        origin.extend(range(last, m.start() + 1))
        last = m.end()
    pieces.append(text[last:])
    origin.extend(range(last, len(text)))
    return Folded("".join(pieces), tuple(origin), text)


# Characters of ordinary Chinese text, none of which the copy changes beyond _BASIC: one search
# with this small class skips most texts before the large class of _special() is needed.
_COMMON_RANGES = ((0x00, 0x7F), (0x2010, 0x2027), (0x3000, 0x303F), (0x4E00, 0x9FFF),
                  (0xFF01, 0xFF5E))


@functools.cache
def _uncommon() -> re.Pattern[str]:
    special = set(_table())
    ranges: list[str] = []
    for low, high in _COMMON_RANGES:
        start = None
        for code in range(low, high + 2):
            inside = code <= high and code not in special
            if inside and start is None:
                start = code
            elif not inside and start is not None:
                ranges.append(_range(start, code - 1))
                start = None
    return re.compile("[^" + "".join(ranges) + "]")


def has_special(text: str) -> bool:
    """True when the text has a character the copy changes beyond one-for-one folding."""
    first = _uncommon().search(text)
    return first is not None and bool(_special().search(text, first.start()))


def visible(text: str) -> str:
    """`text` without its invisible characters (for showing a value in a report)."""
    if not _special().search(text):
        return text
    table = _table()
    return "".join(c for c in text if table.get(ord(c)) != "")


def why(tricks: tuple[str, ...], source: str) -> str:
    """Why a reader sees the number though its characters hide it (for a report), "" if not."""
    parts: list[str] = []
    if TRICK_INVISIBLE in tricks:
        table = _table()
        codes = sorted({f"U+{ord(c):04X}" for c in source
                        if table.get(ord(c)) == "" or c in _BLANKS})
        parts.append(msg.PII_TRICK_INVISIBLE.format(codes="、".join(codes[:4])))
    if TRICK_LOOK_ALIKE in tricks:
        parts.append(msg.PII_TRICK_LOOK_ALIKE)
    if TRICK_MASK in tricks:
        parts.append(msg.PII_TRICK_MASK)
    if TRICK_LINES in tricks:
        parts.append(msg.PII_TRICK_LINES)
    return "（" + "；".join(parts) + "）" if parts else ""
