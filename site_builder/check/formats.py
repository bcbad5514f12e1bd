"""Attachments beyond CSV, Excel, Word and PDF: what can be read is scanned, the rest is named.

privacy.scan_file reads .csv/.txt/.xlsx/.docx/.pdf by their extension and hands every other file
here. The file's first bytes decide what it is (a .doc saved by a web system is often RTF or a
renamed .docx; a .dat is often a CSV): text in any common encoding (UTF-8, GBK, UTF-16/32 with
or without a byte order mark), RTF, JSON, zip (members scanned by their own type, recursively,
within bounds: zip bombs), gzip. Whatever cannot be read (old binary Office and WPS files, RAR
and 7z archives, binary data, encrypted members) comes back with `FileScan.unreadable` (why) and
`unreadable_fix` (how to convert it): screen.py makes that an error unless the notice declares
the file reviewed by a person (`人工核查`). Pictures, audio and video are listed for a manual
look (`pictures`), as before.
"""

from __future__ import annotations

import codecs
import contextvars
import gzip
import io
import json
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from ..base import messages as msg
from . import privacy

MAX_DEPTH = 3  # archives inside archives (a zip in a zip in a zip)
MAX_UNPACKED = 100 * 1024 * 1024  # bytes unpacked from one published file, all levels together
MAX_MEMBERS = 5000  # files in one archive
MAX_TEXT = 50 * 1024 * 1024  # bytes of a text, RTF or JSON file read as text

PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff",
                              ".heic", ".ico", ".emf", ".wmf"})
MEDIA_SUFFIXES = frozenset({".mp3", ".wav", ".wma", ".m4a", ".amr", ".aac", ".ogg", ".mp4",
                            ".avi", ".wmv", ".mov", ".mkv", ".flv", ".3gp", ".mpg", ".mpeg"})
TEXT_LIKE_SUFFIXES = frozenset({"", ".txt", ".csv", ".tsv", ".dat", ".log", ".text", ".htm",
                                ".html", ".mht", ".xml", ".md", ".ini", ".prn"})

_DEPTH: contextvars.ContextVar[int] = contextvars.ContextVar("archive_depth", default=0)
_BUDGET: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("unpack_budget",
                                                                            default=None)
# Set while privacy.scan_file reads a temporary copy: a file it hands back here is not read
# by it again (a password-protected .docx is an OLE file: it would go round for ever).
_OFFICE: contextvars.ContextVar[bool] = contextvars.ContextVar("office_reader", default=False)


@dataclass(frozen=True)
class Unreadable:
    """Why a file cannot be read, and how the clerk makes it readable."""

    reason: str
    fix: str


# -- what a file is --------------------------------------------------------------------------
def sniff(data: bytes, name: str) -> str:
    """The file's kind from its first bytes (its name only breaks ties): docx, xlsx, pptx, zip,
    gz, pdf, rtf, ole (old Office/WPS), rar, 7z, json, text, picture, media or binary."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".ofd":
        return "ofd"  # a zip of page descriptions: text is placed glyph by glyph, not read
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _office_kind(data) or "zip"
    if data.startswith(b"\x1f\x8b"):
        return "gz"
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if data.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if suffix in PICTURE_SUFFIXES or _picture_magic(data):
        return "picture"
    if suffix in MEDIA_SUFFIXES:
        return "media"
    if decode_text(data[:MAX_TEXT]) is not None:
        return "json" if suffix == ".json" else "text"
    return "binary"


def _office_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return None


def _picture_magic(data: bytes) -> bool:
    return data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")) or \
        (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def is_picture(name: str) -> bool:
    """Pictures, audio and video: published as they are, listed for a look by a person."""
    suffix = PurePosixPath(name).suffix.lower()
    return suffix in PICTURE_SUFFIXES or suffix in MEDIA_SUFFIXES


# -- text encodings --------------------------------------------------------------------------
@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec to write it back with
    bom: bytes  # written back before the text


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> Decoded | None:
    """The text of a file in any encoding Windows tools write: UTF-8 (BOM or not), UTF-16 and
    UTF-32 with a byte order mark (Notepad's 「Unicode」), UTF-16 without one (recognised by
    the zero bytes of its ASCII characters), GBK/GB18030. None when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom):], encoding, bom)
    guessed = _utf16_without_bom(data)
    if guessed:
        return _decoded(data, guessed, b"")
    if b"\x00" in data:
        return None
    for encoding in ("utf-8", "gb18030"):
        found = _decoded(data, encoding, b"")
        if found:
            return found
    return None


def _decoded(data: bytes, encoding: str, bom: bytes) -> Decoded | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or len(_CONTROL.findall(text[:100_000])) > max(2, len(text[:100_000]) // 50):
        return None
    return Decoded(text, encoding, bom)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4 or len(data) % 2:
        return None
    units = len(sample) // 2
    even = sum(1 for i in range(0, units * 2, 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, units * 2, 2) if sample[i] == 0)
    # ASCII characters put a zero in every other byte; a few CJK characters (一 is U+4E00) put
    # one in the other half
    if odd >= units * 0.2 and even * 8 <= odd:
        return "utf-16-le"
    if even >= units * 0.2 and odd * 8 <= even:
        return "utf-16-be"
    return None


def encode_text(text: str, decoded: Decoded) -> bytes:
    """`text` written back as `decoded` was: same encoding, same byte order mark."""
    return decoded.bom + text.encode(decoded.encoding)


# -- the dispatcher --------------------------------------------------------------------------
def scan_path(path: Path, patterns: dict[str, privacy.Pattern] | None) -> privacy.FileScan:
    """A file privacy.scan_file has no reader for by its extension."""
    return scan_bytes(path.read_bytes(), path.name, patterns)


def scan_bytes(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
               ) -> privacy.FileScan:
    """Scan a file's bytes by what they are; with `patterns`, also make the masked copy. A
    masked copy is scanned once more: anything still found makes masking fail (an error)."""
    kind = sniff(data, name)
    reader = _READERS.get(kind)
    if kind == "ole" and PurePosixPath(name).suffix.lower() in privacy.SCANNED_SUFFIXES and \
            not _OFFICE.get():
        reader = _read_office  # an old binary format privacy.scan_file may have a reader for
    if reader is None:
        return _cannot_read(kind, name)
    if _BUDGET.get() is None:
        token = _BUDGET.set([MAX_UNPACKED])
        try:
            return _checked(reader, data, name, patterns)
        finally:
            _BUDGET.reset(token)
    return _checked(reader, data, name, patterns)


def _checked(reader, data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
             ) -> privacy.FileScan:
    scanned = reader(data, name, patterns)
    if patterns is not None and scanned.masked is not None:
        again = reader(scanned.masked, name, None)
        if again.located:
            hint = msg.FILE_MASK_WORD_HINT if reader is _read_docx else \
                msg.FILE_MASK_INCOMPLETE_HINT
            return replace(scanned, masked=None, mask_hint=hint)
    if patterns is not None and scanned.located and scanned.masked is None and \
            not scanned.mask_hint:  # e.g. a PDF inside a zip
        scanned.mask_hint = msg.FILE_MASK_INCOMPLETE_HINT
    return scanned


def _cannot_read(kind: str, name: str) -> privacy.FileScan:
    if kind in ("picture", "media"):
        return privacy.FileScan([], pictures=[name])
    why = unreadable_reason(kind, name)
    return privacy.FileScan([], unreadable=why.reason, unreadable_fix=why.fix)


def unreadable_reason(kind: str, name: str) -> Unreadable:
    """Why a file of this kind cannot be read, and how to convert it, in Chinese."""
    suffix = PurePosixPath(name).suffix.lower()
    if kind == "ole" or suffix in (".doc", ".wps", ".dot", ".xls", ".et", ".ppt", ".dps"):
        if suffix in (".xls", ".et", ".ett", ".xlt"):
            return Unreadable(msg.UNREAD_OLD_SHEET.format(suffix=suffix), msg.UNREAD_OLD_SHEET_FIX)
        if suffix in (".ppt", ".dps", ".pps"):
            return Unreadable(msg.UNREAD_OLD_SLIDES.format(suffix=suffix),
                              msg.UNREAD_SLIDES_FIX)
        if suffix in (".doc", ".wps", ".dot", ".wpt"):
            return Unreadable(msg.UNREAD_OLD_WORD.format(suffix=suffix), msg.UNREAD_OLD_WORD_FIX)
        return Unreadable(msg.UNREAD_OLE, msg.UNREAD_OLE_FIX)
    if kind == "pptx":
        return Unreadable(msg.UNREAD_SLIDES, msg.UNREAD_SLIDES_FIX)
    if kind in ("rar", "7z") or suffix in (".rar", ".7z", ".tar", ".tgz", ".bz2", ".xz", ".cab",
                                           ".arj", ".lzh", ".iso"):
        return Unreadable(msg.UNREAD_ARCHIVE.format(suffix=suffix or kind),
                          msg.UNREAD_ARCHIVE_FIX)
    if kind == "ofd":
        return Unreadable(msg.UNREAD_OFD, msg.UNREAD_OFD_FIX)
    described = msg.UNREAD_SUFFIX.format(suffix=suffix) if suffix else msg.UNREAD_NO_SUFFIX
    return Unreadable(msg.UNREAD_BINARY.format(suffix=described), msg.UNREAD_BINARY_FIX)


# -- text ------------------------------------------------------------------------------------
def _read_text(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
               ) -> privacy.FileScan:
    decoded = decode_text(data)
    if decoded is None:  # sniffed on its first bytes only
        return _cannot_read("binary", name)
    return scan_text(decoded, name, patterns)


def scan_text(decoded: Decoded, name: str, patterns: dict[str, privacy.Pattern] | None
              ) -> privacy.FileScan:
    """A text file line by line (CSV/TSV cell by cell); the masked copy keeps the encoding,
    the byte order mark and the line ends."""
    text = decoded.text
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    suffix = PurePosixPath(name).suffix.lower()
    first = text.split("\n", 1)[0]
    if suffix in (".csv", ".tsv") or (suffix in ("", ".dat", ".prn") and
                                      (first.count(",") >= 2 or first.count("\t") >= 2)):
        delimiter = "\t" if suffix == ".tsv" or first.count("\t") > first.count(",") else ","
        located = privacy.scan_delimited(text, delimiter)
    else:
        located = privacy.scan_lines(text.split("\n"), markdown=suffix in ("", ".txt", ".md"))
    masked = None
    if patterns is not None and located:
        out = privacy.mask_lines(text, located, patterns).replace("\n", newline)
        masked = encode_text(out, decoded)
    return privacy.FileScan(located, masked)


# -- JSON ------------------------------------------------------------------------------------
class _Number(str):
    """A JSON number kept as written (an 18-digit ID must not become a float)."""


def _read_json(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
               ) -> privacy.FileScan:
    decoded = decode_text(data)
    if decoded is None:
        return _cannot_read("binary", name)
    try:
        value = json.loads(decoded.text, parse_int=_Number, parse_float=_Number)
    except (ValueError, RecursionError):
        return scan_text(decoded, name, patterns)  # not valid JSON: read it as text
    located: list[privacy.Located] = []
    masked = _walk_json(value, "", "", located, patterns)
    out = None
    if patterns is not None and located:
        indent = 2 if "\n" in decoded.text.strip() else None
        out = encode_text(_dump(masked, indent, 0), decoded)
    return privacy.FileScan(located, out)


def _walk_json(value: object, path: str, key: str, located: list[privacy.Located],
               patterns: dict[str, privacy.Pattern] | None) -> object:
    """Scan every key, string and number (under its key as a column header); returns the
    value with findings masked (a masked number becomes a string)."""
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for k, v in value.items():
            new_key = _json_scalar(k, path, "", located, patterns, is_key=True)
            out[str(new_key)] = _walk_json(v, f"{path}.{k}" if path else k, k, located,
                                           patterns)
        return out
    if isinstance(value, list):
        return [_walk_json(v, f"{path}[{i + 1}]", key, located, patterns)
                for i, v in enumerate(value)]
    if isinstance(value, str):
        return _json_scalar(value, path, key, located, patterns)
    return value


def _json_scalar(value: str, path: str, key: str, located: list[privacy.Located],
                 patterns: dict[str, privacy.Pattern] | None, is_key: bool = False) -> object:
    if not privacy.could_hold(value):
        return value
    findings = privacy.scan(value, header=key, in_list=True)
    where = msg.WHERE_JSON_KEY.format(path=path or "/") if is_key else \
        msg.WHERE_JSON.format(path=path or "/")
    located.extend(privacy.Located(f, None, None, where) for f in findings)
    if not findings or patterns is None:
        return value
    return str(privacy.mask(value, findings, patterns))  # a number masked is a string


def _dump(value: object, indent: int | None, level: int) -> str:
    """JSON text; numbers as they were written."""
    pad = "\n" + " " * (indent * (level + 1)) if indent else ""
    end = "\n" + " " * (indent * level) if indent else ""
    sep = ", " if not indent else ","
    if isinstance(value, _Number):
        return str.__str__(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {_dump(v, indent, level + 1)}"
                 for k, v in value.items()]
        return "{" + sep.join(items) + end + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[" + sep.join(f"{pad}{_dump(v, indent, level + 1)}" for v in value) + end + "]"
    return json.dumps(value, ensure_ascii=False)


# -- RTF -------------------------------------------------------------------------------------
_RTF_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|"
                        rb"([^\\{}\r\n]+)|[\r\n]+", re.S)
# Destinations holding no text a reader sees, or binary data written as hex digits.
_RTF_SKIP = frozenset({b"fonttbl", b"colortbl", b"stylesheet", b"listtable", b"listoverridetable",
                       b"pict", b"objdata", b"datastore", b"themedata", b"colorschememapping",
                       b"rsidtbl", b"generator", b"xmlnstbl", b"latentstyles", b"pgdsctbl",
                       b"fchars", b"lchars", b"panose", b"passwordhash", b"wgrffmtfilter",
                       b"mmathPr", b"falt", b"blipuid", b"bkmkstart", b"bkmkend", b"filetbl",
                       b"revtbl", b"listtext", b"pntext", b"xmlopen", b"defchp", b"defpap",
                       b"protusertbl", b"bliptag", b"fontemb", b"fontfile", b"sn"})
_RTF_CHARS = {b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n",
              b"cell": "\t", b"tab": "\t", b"emdash": "—", b"endash": "–", b"lquote": "‘",
              b"rquote": "’", b"ldblquote": "“", b"rdblquote": "”", b"bullet": "•",
              b"emspace": " ", b"enspace": " "}
_RTF_SYMBOLS = {b"~": "\u00a0", b"-": "\u00ad", b"_": "\u2011", b"\\": "\\", b"{": "{", b"}": "}"}


def rtf_text(data: bytes) -> str:
    """The text of an RTF document as Word shows it: \\uN and \\'hh escapes (in the document's
    code page, GBK by default), fields' results and instructions, document information,
    text boxes; font tables, pictures and embedded objects skipped."""
    codepage = _rtf_codepage(data)
    out: list[str] = []
    pending = bytearray()  # \'hh bytes of one multi-byte character
    stack: list[tuple[bool, int]] = []
    skip, uc, to_skip = False, 1, 0
    star = False

    def flush() -> None:
        if pending:
            if not skip:
                out.append(bytes(pending).decode(codepage, errors="replace"))
            pending.clear()

    position = 0
    while position < len(data):
        m = _RTF_TOKEN.match(data, position)
        if m is None:
            position += 1
            continue
        position = m.end()
        word, arg, hexa, symbol, brace, text = m.groups()
        if hexa is not None:
            if to_skip:
                to_skip -= 1
                continue
            pending.append(int(hexa, 16))
            continue
        flush()
        if brace == b"{":
            stack.append((skip, uc))
            star = False
        elif brace == b"}":
            skip, uc = stack.pop() if stack else (skip, uc)
            to_skip = 0
        elif word is not None:
            if word == b"bin" and arg:
                position += max(0, int(arg))
            elif word in _RTF_SKIP or (star and word not in (b"shpinst", b"shptxt", b"fldinst")
                                       and word != b"shp" and _unknown_destination(word)):
                skip = True
            elif word == b"uc" and arg:
                uc = int(arg)
            elif word == b"u" and arg:
                if not skip:
                    out.append(chr(int(arg) % 65536))
                to_skip = uc
            elif not skip and word in _RTF_CHARS:
                out.append(_RTF_CHARS[word])
            star = False
        elif symbol is not None:
            star = symbol == b"*"
            if not skip and symbol in _RTF_SYMBOLS:
                out.append(_RTF_SYMBOLS[symbol])
        elif text is not None:
            if to_skip:
                chunk = text[to_skip:]
                to_skip = max(0, to_skip - len(text))
                text = chunk
            if not skip and text:
                out.append(text.decode(codepage, errors="replace"))
    flush()
    return "".join(out)


def _unknown_destination(word: bytes) -> bool:
    """After \\*: a destination a reader that does not know it skips (Word does)."""
    return word not in (b"fldrslt", b"title", b"subject", b"author", b"keywords", b"doccomm",
                        b"operator", b"company", b"manager", b"category", b"comment",
                        b"atnauthor", b"annotation", b"footnote", b"header", b"footer")


def _rtf_codepage(data: bytes) -> str:
    m = re.search(rb"\\ansicpg(\d+)", data[:4000])
    page = int(m.group(1)) if m else 936
    if page in (0, 1252) and re.search(rb"\\fcharset134", data[:20000]):
        page = 936  # an English code page with a Chinese (GB2312) font: the text is GBK
    try:
        return codecs.lookup("gb18030" if page == 936 else f"cp{page}").name
    except LookupError:
        return "gb18030"


def _read_rtf(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
              ) -> privacy.FileScan:
    text = rtf_text(data[:MAX_TEXT])
    located: list[privacy.Located] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for f in privacy.scan(line, in_list="\t" in line):
            located.append(privacy.Located(f, None, None,
                                           msg.PII_WHERE_PARAGRAPH.format(number=number)))
    scan = privacy.FileScan(located)
    if located:
        scan.mask_hint = msg.FILE_MASK_RTF_HINT
    return scan


# -- archives --------------------------------------------------------------------------------
def take(size: int) -> bool:
    """Take `size` bytes from what may still be unpacked for this file (False: over)."""
    budget = _BUDGET.get()
    if budget is None:
        return size <= MAX_UNPACKED
    if size > budget[0]:
        return False
    budget[0] -= size
    return True


def _read_gz(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
             ) -> privacy.FileScan:
    inner = PurePosixPath(name).stem if name.lower().endswith(".gz") else name + ".inner"
    if name.lower().endswith(".tgz"):
        inner = PurePosixPath(name).stem + ".tar"
    budget = _BUDGET.get()
    limit = budget[0] if budget else MAX_UNPACKED
    if len(data) >= 4 and int.from_bytes(data[-4:], "little") > limit:
        return too_big()  # the size gzip records (mod 4 GiB): most bombs stop here, unpacked
    try:
        unpacker = zlib.decompressobj(wbits=47)
        content = unpacker.decompress(data, limit + 1)
    except zlib.error as exc:
        return privacy.FileScan([], error=str(exc))
    if len(content) > limit or unpacker.unconsumed_tail or not take(len(content)):
        return too_big()
    return nested(inner, content, patterns, lambda masked: gzip.compress(masked, mtime=0))


def too_big() -> privacy.FileScan:
    return privacy.FileScan([], unreadable=msg.UNREAD_TOO_BIG.format(
        size=MAX_UNPACKED // 1024 // 1024, depth=MAX_DEPTH),
        unreadable_fix=msg.UNREAD_TOO_BIG_FIX)


def nested(member: str, content: bytes, patterns: dict[str, privacy.Pattern] | None,
           repack, where: str = msg.WHERE_MEMBER) -> privacy.FileScan:
    """A file inside an archive, scanned by its own type one level deeper. `where` names the
    member in the places of its findings."""
    depth = _DEPTH.get()
    if depth >= MAX_DEPTH:
        return too_big()
    token = _DEPTH.set(depth + 1)
    try:
        inner = scan_member(content, member, patterns)
    finally:
        _DEPTH.reset(token)
    located = [_in_member(loc, member, where) for loc in inner.located]
    masked = repack(inner.masked) if inner.masked is not None else None
    return privacy.FileScan(located, masked, error=inner.error, mask_hint=inner.mask_hint,
                            unreadable=_prefixed(inner.unreadable, member),
                            unreadable_fix=inner.unreadable_fix,
                            pictures=[f"{member}/{p}" if p != member else p
                                      for p in inner.pictures])


def _prefixed(reason: str | None, member: str) -> str | None:
    return None if reason is None else msg.UNREAD_IN_MEMBER.format(member=member, reason=reason)


def _in_member(loc: privacy.Located, member: str, where: str) -> privacy.Located:
    """A finding inside an archive member: its line and column become part of the place."""
    from .screen import place_of  # screen imports this module

    inner = place_of(loc)
    return privacy.Located(loc.finding, None, None, where.format(member=member, where=inner))


def scan_member(content: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
                ) -> privacy.FileScan:
    """A file taken out of an archive (or a Word package), read by the reader for its type."""
    return scan_bytes(content, name, patterns)


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its maker wrote it: zips made on Chinese Windows carry GBK names
    without the UTF-8 flag, which Python reads as code page 437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _read_zip(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
              ) -> privacy.FileScan:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return privacy.FileScan([], error=str(exc))
    with zf:
        return _scan_zip(zf, name, patterns)


def _scan_zip(zf: zipfile.ZipFile, name: str, patterns: dict[str, privacy.Pattern] | None
              ) -> privacy.FileScan:
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > MAX_MEMBERS or _DEPTH.get() >= MAX_DEPTH:
        return too_big()
    result = privacy.FileScan([])
    replaced: dict[str, tuple[str, bytes | None]] = {}  # member → (new name, new bytes)
    reasons: list[tuple[str, str]] = []
    for info in infos:
        member = member_name(info)
        if info.flag_bits & 0x1:
            reasons.append((msg.UNREAD_IN_MEMBER.format(member=member, reason=msg.UNREAD_ENCRYPTED),
                            msg.UNREAD_ENCRYPTED_FIX))
            continue
        if not take(info.file_size):
            return too_big()
        try:
            with zf.open(info) as stream:
                content = stream.read(info.file_size + 1)
        # NotImplementedError is zipfile's signal for a compression method it cannot unpack
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, zlib.error) as exc:
            result.error = f"{member}: {exc}"
            continue
        if len(content) > info.file_size:
            return too_big()
        inner = nested(member, content, patterns, lambda masked: masked)
        result.located += inner.located
        result.pictures += inner.pictures
        result.error = result.error or inner.error
        result.mask_hint = result.mask_hint or inner.mask_hint
        if inner.unreadable:
            reasons.append((inner.unreadable, inner.unreadable_fix))
        new_name = _name_findings(member, result.located, patterns)
        if inner.masked is not None or new_name != member:
            replaced[info.filename] = (new_name, inner.masked)
    if reasons:
        result.unreadable = "；".join(dict.fromkeys(r for r, _ in reasons))
        result.unreadable_fix = "；".join(dict.fromkeys(f for _, f in reasons))
    if patterns is not None and replaced and result.located:
        result.masked = repack(zf, replaced)
    return result


def _name_findings(member: str, located: list[privacy.Located],
                   patterns: dict[str, privacy.Pattern] | None) -> str:
    """Personal data in a member's name (a folder per person: 张三13812345678/): reported;
    the masked copy renames the member."""
    findings = privacy.scan(member)
    shown = privacy.mask(member, findings, privacy.DEFAULT_PATTERNS)  # a report shows no number
    located.extend(privacy.Located(f, None, None, msg.WHERE_MEMBER_NAME.format(member=shown))
                   for f in findings)
    return privacy.mask(member, findings, patterns) if findings and patterns else member


def repack(zf: zipfile.ZipFile, replaced: dict[str, tuple[str, bytes | None]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zf.infolist():
            new_name, content = replaced.get(info.filename, (None, None))
            if content is None:
                content = b"" if info.is_dir() else zf.read(info)
            copy = zipfile.ZipInfo(info.filename if new_name is None else new_name,
                                   info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            if new_name is not None and not new_name.isascii():
                copy.flag_bits |= 0x800
            out.writestr(copy, content)
    return buffer.getvalue()


def _read_docx(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
               ) -> privacy.FileScan:
    from . import documents

    return documents.scan_docx_bytes(data, patterns)


def _read_office(data: bytes, name: str, patterns: dict[str, privacy.Pattern] | None
                 ) -> privacy.FileScan:
    """An .xlsx or a PDF under another name (a .dat, a zip member), or an old binary file
    privacy.scan_file reads by its extension: privacy's own readers, on a temporary file."""
    kind = sniff(data, name)
    suffix = {"xlsx": ".xlsx", "pdf": ".pdf"}.get(kind) or PurePosixPath(name).suffix.lower()
    token = _OFFICE.set(True)
    try:
        with tempfile.TemporaryDirectory(prefix="site-builder-") as folder:
            path = Path(folder) / ("file" + suffix)
            path.write_bytes(data)
            return privacy.scan_file(path, patterns)
    finally:
        _OFFICE.reset(token)


_READERS = {"text": _read_text, "json": _read_json, "rtf": _read_rtf, "zip": _read_zip,
            "gz": _read_gz, "docx": _read_docx, "xlsx": _read_office, "pdf": _read_office}
