"""Word (.docx) attachments: every part a reader of the published file can open, and masking
in every one of them.

A .docx is a zip of XML parts. The body (document.xml) is only one of them: headers and footers
(each section, first-page and even-page variants), footnotes, endnotes, comments, text boxes and
shapes (DrawingML and their VML copies), content controls and the glossary that holds their
placeholder texts, tracked insertions *and deletions*, field codes and results, smart tags,
charts and SmartArt, custom XML data (what content controls are bound to), document properties
(core, app and custom), hyperlink addresses, and embedded files. Every XML part is read with lxml
(which keeps the namespace prefixes Word checks), text is collected paragraph by paragraph and
scanned as a reader sees it — the final text (insertions kept, deletions dropped), the original
text (deletions kept) and field codes apart — and masking rewrites the characters in the text
nodes and attributes they came from, so a number split over several runs is masked whole and the
formatting stays. Embedded files are scanned by their own type (formats.py); an embedded old
binary object cannot be read (an error unless declared 人工核查). Pictures are not read.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from lxml import etree

from ..base import messages as msg
from . import formats, privacy

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_V = "{urn:schemas-microsoft-com:vml}"
_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_PARAGRAPHS = frozenset({_W + "p", _A + "p"})
_TEXTS = {_W + "t": "", _A + "t": "", _M + "t": "", _W + "delText": "del",
          _W + "instrText": "code", _W + "delInstrText": "code"}
_BREAKS = frozenset({_W + "tab", _W + "br", _W + "cr", _W + "ptab", _A + "br"})
_DELETED = frozenset({_W + "del", _W + "moveFrom"})
_INSERTED = frozenset({_W + "ins", _W + "moveTo"})
_BOXES = frozenset({_W + "txbxContent", _V + "textbox", _WPS + "txbx"})
_NOTES = {_W + "footnote": msg.DOCX_FOOTNOTE, _W + "endnote": msg.DOCX_ENDNOTE,
          _W + "comment": msg.DOCX_COMMENT}
_BINARY = frozenset({_W + "binData", _W + "fldData", _W + "rsids"})
# Fonts, their table (PANOSE numbers) and the theme hold no text a reader sees.
_SKIPPED_PREFIXES = ("word/media/", "word/fonts/", "docProps/thumbnail", "word/fontTable.xml",
                     "word/theme/")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False)


@dataclass
class _Piece:
    """A run of text a paragraph is made of: a text node, an attribute, or a separator."""

    node: object | None
    attr: str | None
    text: str
    flag: str = ""  # "" shown; "del" deleted (tracked); "ins" inserted (tracked); "code" field


@dataclass
class _Para:
    where: str
    header: str = ""
    in_list: bool = False
    fallback: bool = False  # inside mc:Fallback: a copy of a shape for older Word versions
    pieces: list[_Piece] = field(default_factory=list)


@dataclass(frozen=True)
class _Ctx:
    where: str  # the container: "" (body), a header, a footnote, a table cell, a text box
    header: str = ""  # the column header of a table cell
    cell: bool = False  # paragraphs in a table cell are not numbered
    flag: str = ""
    fallback: bool = False
    note: str = ""  # added after the place: （内容控件）


@dataclass
class _State:
    part: str
    paras: list[_Para] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)

    def count(self, key: str) -> int:
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]


# -- entry points ------------------------------------------------------------------------------
def scan_docx_bytes(data: bytes, patterns: dict[str, privacy.Pattern] | None
                    ) -> privacy.FileScan:
    """Every part of a Word package; with `patterns`, the masked package (only the parts that
    changed are rewritten, every other member is copied byte for byte)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return _scan_package(zf, patterns)


def _scan_package(zf: zipfile.ZipFile, patterns: dict[str, privacy.Pattern] | None
                  ) -> privacy.FileScan:
    result = privacy.FileScan([])
    labels = _part_labels(zf)
    replaced: dict[str, tuple[str | None, bytes | None]] = {}
    for info in zf.infolist():
        name = info.filename
        if info.is_dir() or name.startswith(_SKIPPED_PREFIXES) or formats.is_picture(name):
            continue
        if not formats.take(info.file_size):
            return formats.too_big()
        content = zf.read(info)
        if name.endswith((".xml", ".rels")):
            masked = _scan_part(name, content, labels, patterns, result)
        else:
            masked = _scan_embedded(name, content, patterns, result)
        if masked is not None:
            replaced[name] = (None, masked)
    if patterns is not None and replaced:
        result.masked = formats.repack(zf, replaced)
    return result


def _scan_embedded(name: str, content: bytes, patterns: dict[str, privacy.Pattern] | None,
                   result: privacy.FileScan) -> bytes | None:
    """A file inside the package (an Excel table pasted as an object, an imported HTML or RTF
    chunk): scanned by its own type; an old binary object cannot be read."""
    base = PurePosixPath(name).name
    inner = formats.nested(base, content, patterns, lambda masked: masked, msg.DOCX_EMBEDDED)
    result.located += inner.located
    result.error = result.error or inner.error
    result.mask_hint = result.mask_hint or inner.mask_hint
    if inner.unreadable:
        result.unreadable = msg.DOCX_UNREAD_EMBEDDED.format(name=base)
        result.unreadable_fix = msg.DOCX_UNREAD_EMBEDDED_FIX
    return inner.masked


# -- parts -------------------------------------------------------------------------------------
def _part_labels(zf: zipfile.ZipFile) -> dict[str, str]:
    """Headers and footers named by their section and kind: 第 2 节首页页眉."""
    labels: dict[str, str] = {}
    try:
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"), _PARSER)
        body = etree.fromstring(zf.read("word/document.xml"), _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return labels
    targets = {r.get("Id"): _target(r.get("Target") or "")
               for r in rels.iter(_REL + "Relationship")}
    for number, section in enumerate(body.iter(_W + "sectPr"), start=1):
        for ref in section:
            kind = {_W + "headerReference": msg.DOCX_HEADER,
                    _W + "footerReference": msg.DOCX_FOOTER}.get(ref.tag)
            target = targets.get(ref.get(_R + "id"))
            if kind and target and target not in labels:
                variant = {"first": msg.DOCX_FIRST_PAGE, "even": msg.DOCX_EVEN_PAGE}.get(
                    ref.get(_W + "type") or "", "")
                labels[target] = msg.DOCX_SECTION.format(section=number, variant=variant,
                                                         kind=kind)
    return labels


def _target(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else f"word/{target}"


def _label(name: str, labels: dict[str, str]) -> str:
    if name in labels:
        return labels[name]
    base = PurePosixPath(name).name
    if name == "word/document.xml":
        return ""
    if base.startswith("header"):
        return msg.DOCX_HEADER
    if base.startswith("footer"):
        return msg.DOCX_FOOTER
    if name.endswith(".rels"):
        return msg.DOCX_RELS
    for prefix, label in (("word/glossary/", msg.DOCX_GLOSSARY), ("word/charts/", msg.DOCX_CHART),
                          ("word/diagrams/", msg.DOCX_DIAGRAM), ("customXml/", msg.DOCX_CUSTOM_XML),
                          ("word/settings", msg.DOCX_SETTINGS), ("docProps/", msg.DOCX_PROPERTIES)):
        if name.startswith(prefix):
            return label
    if base in ("footnotes.xml", "endnotes.xml", "comments.xml"):
        return ""  # each note or comment is named by itself
    return msg.DOCX_PART.format(name=name)


def _scan_part(name: str, content: bytes, labels: dict[str, str],
               patterns: dict[str, privacy.Pattern] | None,
               result: privacy.FileScan) -> bytes | None:
    try:
        tree = etree.ElementTree(etree.fromstring(content, _PARSER))
    except etree.XMLSyntaxError as exc:
        result.error = result.error or f"{name}: {exc}"
        return None
    state = _State(name)
    _walk(tree.getroot(), _Ctx(_label(name, labels)), state)
    edits: dict[tuple[int, str | None], tuple[_Piece, dict[int, str]]] = {}
    reported: set[str] = set()
    for para in state.paras:
        _scan_para(para, patterns, reported, result.located, edits)
    if patterns is None or not edits:
        return None
    for piece, chars in edits.values():
        text = list(piece.text)
        for offset, char in chars.items():
            text[offset] = char
        if piece.attr is None:
            piece.node.text = "".join(text)
        else:
            piece.node.set(piece.attr, "".join(text))
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                          standalone=tree.docinfo.standalone)


# -- collecting paragraphs -------------------------------------------------------------------
def _walk(el, ctx: _Ctx, state: _State) -> None:
    if not isinstance(el.tag, str) or el.tag in _BINARY:
        return
    _attributes(el, ctx.where + ctx.note, ctx, state)
    tag = el.tag
    if tag == _MC + "Fallback":
        ctx = replace(ctx, fallback=True)
    elif tag in _DELETED:
        ctx = replace(ctx, flag="del")
    elif tag in _INSERTED:
        ctx = replace(ctx, flag="ins")
    elif tag == _W + "sdt":
        ctx = replace(ctx, note=msg.DOCX_CONTROL)
    if tag in _PARAGRAPHS:
        _paragraph(el, ctx, state)
        return
    if tag == _W + "tbl":
        _table(el, ctx, state)
        return
    if tag in _NOTES and el.get(_W + "type") in (None, "normal"):
        key = "note" + tag + ("#" if ctx.fallback else "")
        ctx = replace(ctx, where=_NOTES[tag].format(number=state.count(key)))
    if len(el) == 0 and el.text and el.text.strip():
        state.paras.append(_Para(_leaf_where(el, ctx, state), _leaf_header(el), in_list=True,
                                 fallback=ctx.fallback,
                                 pieces=[_Piece(el, None, el.text, ctx.flag)]))
        return
    for child in el:
        _walk(child, ctx, state)


def _paragraph(p, ctx: _Ctx, state: _State) -> None:
    if ctx.cell:
        where = ctx.where
    else:
        number = state.count(ctx.where + ("#" if ctx.fallback else ""))
        where = ctx.where + msg.PII_WHERE_PARAGRAPH.format(number=number)
    numbered = p.find(f"{_W}pPr/{_W}numPr") is not None
    para = _Para(where + ctx.note, ctx.header, ctx.cell or numbered, ctx.fallback)
    state.paras.append(para)
    _collect(p, ctx, para, state, where)


def _collect(el, ctx: _Ctx, para: _Para, state: _State, where: str) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _BINARY:
            continue
        _attributes(child, para.where, ctx, state)
        if tag in _BOXES or tag in _PARAGRAPHS or tag == _W + "tbl":
            number = state.count("box" + where + ("#" if ctx.fallback else ""))
            box = replace(ctx, where=where + msg.DOCX_TEXT_BOX.format(number=number), header="",
                          cell=False, note="")
            _walk(child, box, state)
            continue
        inner = ctx
        if tag == _MC + "Fallback":
            inner = replace(ctx, fallback=True)
        elif tag in _DELETED:
            inner = replace(ctx, flag="del")
        elif tag in _INSERTED:
            inner = replace(ctx, flag="ins")
        if tag in _TEXTS:
            flag = _TEXTS[tag] or ctx.flag
            para.pieces.append(_Piece(child, None, child.text or "", flag))
        elif tag in _BREAKS:
            para.pieces.append(_Piece(None, None, " ", ctx.flag))
        else:
            _collect(child, inner, para, state, where)


def _table(tbl, ctx: _Ctx, state: _State) -> None:
    outer = ctx.where + (msg.DOCX_INSIDE if ctx.cell else "")
    number = state.count("table" + outer + ("#" if ctx.fallback else ""))
    rows = [tr for tr in tbl.iter(_W + "tr") if _owner(tr) is tbl]
    header: dict[int, str] = {}
    for r, tr in enumerate(rows, start=1):
        column = 1
        for tc in (tc for tc in tr.iter(_W + "tc") if _owner(tc) is tbl):
            span = tc.find(f"{_W}tcPr/{_W}gridSpan")
            width = int(span.get(_W + "val") or 1) if span is not None else 1
            if r == 1:
                text = "".join(t.text or "" for t in tc.iter(_W + "t"))
                for c in range(column, column + width):
                    header[c] = text.strip()
            where = outer + msg.PII_WHERE_TABLE.format(table=number, row=r, column=column)
            cell = replace(ctx, where=where, header=header.get(column, "") if r > 1 else "",
                           cell=True, note="")
            for child in tc:
                _walk(child, cell, state)
            column += width


def _owner(el):
    """The table a row or cell belongs to (rows of nested tables belong to those)."""
    parent = el.getparent()
    while parent is not None and parent.tag != _W + "tbl":
        parent = parent.getparent()
    return parent


_ATTRIBUTE_NAMES = {"descr": msg.DOCX_ATTR_ALT, "title": msg.DOCX_ATTR_ALT,
                    "tooltip": msg.DOCX_ATTR_TOOLTIP, "instr": msg.DOCX_ATTR_FIELD,
                    "Target": msg.DOCX_ATTR_LINK}


def _attributes(el, where: str, ctx: _Ctx, state: _State) -> None:
    """Attribute values a reader can see or Word can show: alternative texts, link tooltips
    and addresses, simple fields' codes, document variables, smart tag values."""
    for attr, value in el.attrib.items():
        if privacy.could_hold(value):
            local = attr.rsplit("}", 1)[-1]
            label = _ATTRIBUTE_NAMES.get(local, msg.DOCX_ATTR.format(name=local))
            state.paras.append(_Para(where + label, in_list=True, fallback=ctx.fallback,
                                     pieces=[_Piece(el, attr, value, ctx.flag)]))


_PROPERTY_NAMES = {"title": "标题", "subject": "主题", "creator": "作者", "keywords": "关键词",
                   "description": "备注", "lastModifiedBy": "最后一次保存者", "category": "类别",
                   "contentStatus": "状态", "identifier": "标识", "Company": "单位",
                   "Manager": "经理", "HyperlinkBase": "超链接基础"}


def _leaf_header(el) -> str:
    """A chart's cached numbers are quantities (a budget of 13,500,000,000 is no mobile): read
    as a column of amounts, where an ID is still found but mobiles and cards are not."""
    parent = el.getparent()
    grand = parent.getparent() if parent is not None else None
    return _AMOUNTS if grand is not None and grand.tag.endswith("}numCache") else ""


_AMOUNTS = "金额"


def _leaf_where(el, ctx: _Ctx, state: _State) -> str:
    if ctx.where == msg.DOCX_PROPERTIES:
        parent = el.getparent()
        name = parent.get("name") if parent is not None and parent.get("name") else \
            _PROPERTY_NAMES.get(el.tag.rsplit("}", 1)[-1], el.tag.rsplit("}", 1)[-1])
        return msg.DOCX_PROPERTY.format(name=name)
    return (ctx.where + ctx.note) or msg.DOCX_PART.format(name=state.part)


# -- scanning and masking ----------------------------------------------------------------------
_FLAG_NOTES = {"del": msg.DOCX_DELETED, "ins": msg.DOCX_INSERTED, "code": msg.DOCX_FIELD_CODE}


def _scan_para(para: _Para, patterns: dict[str, privacy.Pattern] | None, reported: set[str],
               located: list[privacy.Located],
               edits: dict[tuple[int, str | None], tuple[_Piece, dict[int, str]]]) -> None:
    """Scan a paragraph as it reads with tracked changes accepted, as it read before them, and
    its field codes on their own; mask each finding in the pieces its characters came from."""
    flags = {p.flag for p in para.pieces}
    readings = [[p for p in para.pieces if p.flag in ("", "ins")]]
    if flags & {"del", "ins"}:
        readings.append([p for p in para.pieces if p.flag in ("", "del")])
    if "code" in flags:
        readings.append([p for p in para.pieces if p.flag == "code"])
    seen: set[frozenset[tuple[int, int]]] = set()
    for pieces in readings:
        text = "".join(p.text for p in pieces)
        if not privacy.could_hold(text):
            continue
        index = [(piece, offset) for piece in pieces for offset in range(len(piece.text))]
        for f in privacy.scan(text, header=para.header, in_list=para.in_list):
            key = frozenset((id(index[i][0]), index[i][1]) for i in f.hidden)
            if key in seen:
                continue
            seen.add(key)
            _report(para, f, {index[i][0].flag for i in f.hidden}, reported, located)
            if patterns is not None:
                _edit(text, f, index, patterns, edits)


def _report(para: _Para, f: privacy.Finding, flags: set[str], reported: set[str],
            located: list[privacy.Located]) -> None:
    where = para.where + "".join(_FLAG_NOTES[x] for x in ("del", "ins", "code") if x in flags)
    value = "".join(c for c in f.value if c.isalnum())
    if para.fallback and value in reported:
        return  # the same shape's copy for older Word versions: masked, reported once
    reported.add(value)
    located.append(privacy.Located(f, None, None, where))


def _edit(text: str, f: privacy.Finding, index: list[tuple[_Piece, int]],
          patterns: dict[str, privacy.Pattern],
          edits: dict[tuple[int, str | None], tuple[_Piece, dict[int, str]]]) -> None:
    masked = privacy.mask(text, [f], patterns)
    for i in f.hidden:
        if masked[i] != text[i]:
            piece, offset = index[i]
            key = (id(piece.node), piece.attr)
            edits.setdefault(key, (piece, {}))[1][offset] = masked[i]
