"""Word documents (.docx): tables as Grids, paragraphs with their place in the document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .grid import Grid

CAPTION_RE = re.compile(r"^\s*\.?\s*(tabel|table)\s+(\d+(?:\.\d+)*)", re.I)


@dataclass
class Paragraph:
    path: str
    index: int                 # paragraph number in the document (1-based, body order)
    text: str
    style: str = ""
    section: list[str] = field(default_factory=list)   # heading path, e.g. ["BAB III …", "F. REALISASI ANGGARAN"]
    near_table: str | None = None                       # caption of the table this paragraph introduces or follows
    page: int | None = None                             # PDF: the page it starts on (1-based)

    @property
    def section_label(self) -> str:
        return " > ".join(self.section) if self.section else "(awal dokumen)"


@dataclass
class Document:
    path: str
    grids: list[Grid]
    paragraphs: list[Paragraph]
    body: list | None = field(default=None, repr=False)   # _walk_body's items (readers.twin compares a PDF with them)


_HEADING = re.compile(r"heading\s*(\d)", re.I)


def _heading_level(style_name: str, text: str) -> int | None:
    m = _HEADING.match(style_name or "")
    if m:
        return int(m.group(1))
    if style_name and style_name.lower() == "title":
        return 1
    return None


def _lay_out(path: str, rows: list[list[tuple[int, str | None, str]]], n: int, caption: str | None) -> Grid:
    """Lay a Word table, given as rows of cells (grid span, vMerge value, text), on a rectangle,
    recording gridSpan and vMerge as merged ranges."""
    placed: list[list[object]] = []
    spans: list[tuple[int, int, int, int]] = []
    open_vmerge: dict[int, list[int]] = {}   # column -> [start row, end row, width]
    width = 0
    for r, cells in enumerate(rows):
        line: list[object] = []
        c = 0
        for span, vm, text in cells:
            if vm == "continue" and c in open_vmerge:
                open_vmerge[c][1] = r
                line.extend([None] * span)
            else:
                if c in open_vmerge:
                    s, e, w = open_vmerge.pop(c)
                    if e > s or w > 1:
                        spans.append((s, c, e, c + w - 1))
                line.append(text or None)
                line.extend([None] * (span - 1))
                if vm == "restart":
                    open_vmerge[c] = [r, r, span]
                elif span > 1:
                    spans.append((r, c, r, c + span - 1))
            c += span
        width = max(width, c)
        placed.append(line)
    for c, (s, e, w) in open_vmerge.items():
        if e > s or w > 1:
            spans.append((s, c, e, c + w - 1))
    values = [row + [None] * (width - len(row)) for row in placed]
    return Grid(path=path, sheet=f"table {n}", values=values, merged=spans, caption=caption, source="docx")


# -- the body, read in one pass over its lxml elements ---------------------------------------------------
# What python-docx reads, and how (python-docx 1.2):
#   body items        CT_Body.inner_content_elements: the w:p and w:tbl children of w:body
#   rows, cells       CT_Tbl.tr_lst, CT_Row.tc_lst: the w:tr children of w:tbl, the w:tc children of w:tr
#   a cell's text     "\n".join(CT_P.text for each w:p child of w:tc), stripped
#   gridSpan, vMerge  CT_Tc.grid_span / CT_Tc.vMerge: the first w:gridSpan / w:vMerge child of the first
#                     w:tcPr child of w:tc; gridSpan's w:val as int (required), vMerge's w:val ("continue"
#                     when absent)
#   style id          CT_P.style: w:val (required) of the first w:pStyle child of the first w:pPr child
#   CT_P.text         the w:r and w:hyperlink children of w:p, in order; a hyperlink's text is that of
#                     its w:r children
#   CT_R.text         the w:br, w:cr, w:noBreakHyphen, w:ptab, w:t, w:tab children of w:r, in order: w:t
#                     its .text ("" for None), w:br "\n" when w:type is absent or "textWrapping" else "",
#                     w:cr "\n", w:noBreakHyphen "-", w:ptab and w:tab "\t"
# Anything else (runs inside w:ins or w:smartTag, paragraphs inside w:sdt, text boxes, nested tables) is
# not read: an element counts only when its parent is the element of that kind being read, which the
# walk checks by identity (lxml returns the one live proxy of a node).
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TCPR, _PPR, _VAL, _TYPE = _W + "tcPr", _W + "pPr", _W + "val", _W + "type"
_WALK_TAGS = tuple(_W + t for t in ("p", "tbl", "tr", "tc", "gridSpan", "vMerge", "pStyle", "r", "hyperlink",
                                    "t", "br", "cr", "noBreakHyphen", "ptab", "tab"))
# an element's kind: its tag's place in _WALK_TAGS
(_K_P, _K_TBL, _K_TR, _K_TC, _K_GRIDSPAN, _K_VMERGE, _K_PSTYLE, _K_R, _K_HYPERLINK,
 _K_T, _K_BR, _K_CR, _K_NBH, _K_PTAB, _K_TAB) = range(len(_WALK_TAGS))
_KIND_BY_TAG = {tag: k for k, tag in enumerate(_WALK_TAGS)}
_LEAF_TEXT = {_K_CR: "\n", _K_NBH: "-", _K_PTAB: "\t", _K_TAB: "\t"}
_UNSET = object()
_kind_by_class: dict | None = None


def _kinds_by_class() -> dict:
    """The element class python-docx gives each walked tag -> the tag's kind (reading an element's class
    is cheaper than building its tag); a class shared by two walked tags is left out (kind by tag)."""
    global _kind_by_class
    if _kind_by_class is None:
        from docx.oxml.parser import OxmlElement

        kinds: dict[type, list[int]] = {}
        for k, tag in enumerate(_WALK_TAGS):
            kinds.setdefault(type(OxmlElement("w:" + tag[len(_W):])), []).append(k)
        _kind_by_class = {cls: ks[0] for cls, ks in kinds.items() if len(ks) == 1}
    return _kind_by_class


def _first_of_its_tag(el) -> bool:
    """No earlier sibling of ``el`` has its tag: it is what its parent's find(tag) finds."""
    tag = el.tag
    prev = el.getprevious()
    while prev is not None:
        if prev.tag == tag:
            return False
        prev = prev.getprevious()
    return True


def _cell_text(paras: list[list[str]]) -> str:
    """The text of a cell: its paragraphs' texts (given in parts) one per line, stripped."""
    if len(paras) == 1 and len(paras[0]) == 1:
        return paras[0][0].strip()
    return "\n".join(["".join(ps) for ps in paras]).strip()


def _walk_body(body) -> list[tuple]:
    """The body's items in order: ("p", w:p element, its text, its style id) and ("tbl", rows), rows
    being lists of cells (grid span, vMerge value, text). Raises what python-docx raises on the same
    document (a w:gridSpan or w:pStyle without w:val, a gridSpan that is not a number)."""
    kind_by_class = _kinds_by_class()
    items: list = []
    tbl = tr = tc = p = hl = r = None  # the table, row, cell, paragraph, hyperlink, run being read
    rows: list = []                    # the current table's rows
    cells: list = []                   # the current row's cells: [span, vMerge, [parts of each paragraph], ...]
    cell: list = []
    parts: list[str] = []              # the text of the current paragraph, in parts
    p_item: list | None = None         # the current paragraph's item, when it is a body paragraph
    for e in body.iter(*_WALK_TAGS):
        k = kind_by_class.get(type(e))
        if k is None:
            k = _KIND_BY_TAG[e.tag]
        if k >= _K_T:                                      # run content
            if r is not None and e.getparent() is r:
                if k == _K_T:
                    parts.append(e.text or "")
                elif k == _K_BR:
                    kind = e.get(_TYPE)
                    parts.append("\n" if kind is None or kind == "textWrapping" else "")
                else:
                    parts.append(_LEAF_TEXT[k])
            continue
        parent = e.getparent()
        if k == _K_R:
            if p is not None and (parent is p or (hl is not None and parent is hl)):
                r = e
        elif k == _K_P:
            if parent is body:
                tbl = tr = tc = None
                p, hl, r = e, None, None
                parts = []
                p_item = ["p", e, parts, _UNSET]
                items.append(p_item)
            elif tc is not None and parent is tc:
                p, hl, r = e, None, None
                parts = []
                cell[2].append(parts)
        elif k == _K_TC:
            if tr is not None and parent is tr:
                p = hl = r = None
                tc = e
                cell = [1, None, [], _UNSET, _UNSET]    # span, vMerge, paragraphs, gridSpan seen, vMerge seen
                cells.append(cell)
        elif k == _K_HYPERLINK:
            if p is not None and parent is p:
                hl = e
        elif k == _K_PSTYLE:
            if p_item is not None and p_item[3] is _UNSET and parent.tag == _PPR and parent.getparent() is p:
                # the first w:pStyle under a w:pPr of the paragraph: its style if that is the first w:pPr
                if _first_of_its_tag(parent):
                    val = e.get(_VAL)
                    p_item[3] = val if val is not None else p.style    # CT_P.style raises its error
                else:
                    p_item[3] = None
        elif k == _K_GRIDSPAN or k == _K_VMERGE:
            if tc is not None and parent.tag == _TCPR and parent.getparent() is tc:
                seen = 3 if k == _K_GRIDSPAN else 4
                if cell[seen] is _UNSET:               # the first under a w:tcPr of the cell, as for w:pStyle
                    cell[seen] = None
                    if _first_of_its_tag(parent):
                        val = e.get(_VAL)
                        if k == _K_VMERGE:
                            cell[1] = "continue" if val is None else val
                        else:
                            cell[0] = int(val) if val is not None else tc.grid_span   # CT_Tc raises its error
        elif k == _K_TR:
            if tbl is not None and parent is tbl:
                p = hl = r = tc = None
                tr = e
                cells = []
                rows.append(cells)
        elif k == _K_TBL:
            if parent is body:
                p = hl = r = tr = tc = None
                p_item = None
                tbl = e
                rows = []
                items.append(("tbl", rows))
    out: list[tuple] = []
    for item in items:
        if item[0] == "p":
            out.append(("p", item[1], "".join(item[2]), None if item[3] is _UNSET else item[3]))
        else:
            out.append(("tbl", [[(span or 1, vm, _cell_text(paras)) for span, vm, paras, _, _ in row]
                                for row in item[1]]))
    return out


class Placement:
    """Where a document's paragraphs and tables stand, in reading order: the heading path of each
    paragraph, the caption each table takes (the "Tabel n" line above it, or the Lampiran heading it sits
    under), and the paragraphs that introduce it. One for the Word reader and the PDF reader alike."""

    def __init__(self) -> None:
        self.section: list[str] = []
        self.last_caption: str | None = None
        self.pending_caption: str | None = None
        self.index = 0                   # paragraphs so far (1-based index of the last one)
        self.last_table_para = 0

    def table(self, recent: list[Paragraph]) -> tuple[str | None, list[Paragraph]]:
        """A table comes next: its caption, and those of the `recent` paragraphs that followed the last table."""
        caption = self.pending_caption or self.last_caption
        intro = [p for p in recent if p.index > self.last_table_para]
        self.last_table_para = self.index
        self.last_caption = caption
        self.pending_caption = None
        return caption, intro

    def paragraph(self, text: str, level: int | None) -> tuple[int, list[str], str | None, bool]:
        """A non-empty paragraph comes next (a heading of `level`, or None): its index, heading path, the
        table it introduces or follows, and whether it is a "Tabel n" caption line."""
        self.index += 1
        if level is not None:
            self.section = self.section[: level - 1] + [text]
            # a Lampiran's heading is the caption of the tables under it
            self.pending_caption = text[:60] if text.lower().startswith("lampiran") else None
            self.last_caption = None
        m = CAPTION_RE.match(text)
        caption = bool(m) and len(text) < 200 and level is None
        if caption:
            self.pending_caption = f"Tabel {m.group(2)}"
        return self.index, list(self.section), self.pending_caption or self.last_caption, caption


def read_document(path: str) -> Document:
    import docx
    from docx.text.paragraph import Paragraph as DocxParagraph

    doc = docx.Document(path)
    body = doc.element.body
    if body is None:                          # python-docx fails on this: fail the same way
        list(doc.iter_inner_content())
        items = []
    else:
        items = _walk_body(body)
    style_names: dict[str | None, str] = {}   # styleId -> name: python-docx scans styles.xml per lookup
    levels: dict[str | None, object] = {}     # style name -> heading level
    grids: list[Grid] = []
    paragraphs: list[Paragraph] = []
    place = Placement()
    for item in items:
        if item[0] == "tbl":
            caption, intro = place.table(paragraphs[-4:])
            grids.append(_lay_out(path, item[1], len(grids) + 1, caption))
            # the lines that introduce a table ("Sub Kegiatan : …") are its context, as title rows are in a sheet
            grids[-1].preamble = [p.text for p in intro]
            continue
        _, p_el, text, style_id = item
        text = text.strip()
        style = style_names.get(style_id)
        if style is None and style_id not in style_names:
            st = DocxParagraph(p_el, doc._body).style
            style = style_names[style_id] = st.name if st is not None else ""
        if not text:
            continue
        level = levels.get(style, _UNSET)
        if level is _UNSET:
            level = levels[style] = _heading_level(style, text)     # the level depends on the style alone
        index, section, near, _caption = place.paragraph(text, level)
        paragraphs.append(Paragraph(path=path, index=index, text=text, style=style, section=section,
                                    near_table=near))
    return Document(path=path, grids=grids, paragraphs=paragraphs, body=items)
