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

    @property
    def section_label(self) -> str:
        return " > ".join(self.section) if self.section else "(awal dokumen)"


@dataclass
class Document:
    path: str
    grids: list[Grid]
    paragraphs: list[Paragraph]


def _heading_level(style_name: str, text: str) -> int | None:
    m = re.match(r"heading\s*(\d)", style_name or "", re.I)
    if m:
        return int(m.group(1))
    if style_name and style_name.lower() == "title":
        return 1
    return None


def _table_grid(path: str, table, n: int, caption: str | None) -> Grid:
    """Lay a Word table on a rectangle, recording gridSpan and vMerge as merged ranges."""
    rows = table._tbl.tr_lst
    placed: list[list[object]] = []
    spans: list[tuple[int, int, int, int]] = []
    open_vmerge: dict[int, list[int]] = {}   # column -> [start row, end row, width]
    width = 0
    for r, tr in enumerate(rows):
        line: list[object] = []
        c = 0
        for tc in tr.tc_lst:
            span = tc.grid_span or 1
            vm = tc.vMerge
            text = "\n".join(_p_text(p) for p in tc.p_lst).strip()
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


_XPATHS: dict[str, object] = {}


def _xpath(expr: str):
    """`expr` compiled once (python-docx's element.xpath() compiles it again on every call)."""
    xp = _XPATHS.get(expr)
    if xp is None:
        from docx.oxml.ns import nsmap
        from lxml import etree
        xp = _XPATHS[expr] = etree.XPath(expr, namespaces=nsmap)
    return xp


def _run_text(r) -> str:
    # = docx.oxml.text.run.CT_R.text
    return "".join(str(e) for e in _xpath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab")(r))


def _p_text(p) -> str:
    """python-docx's Paragraph.text (CT_P.text: runs and hyperlinks' runs), with compiled XPaths."""
    from docx.oxml.text.hyperlink import CT_Hyperlink
    from docx.oxml.text.run import CT_R

    out = []
    for e in _xpath("w:r | w:hyperlink")(p):
        if isinstance(e, CT_R):
            out.append(_run_text(e))
        elif isinstance(e, CT_Hyperlink):              # = CT_Hyperlink.text
            out.append("".join(_run_text(r) for r in _xpath("w:r")(e)))
        else:                                          # pragma: no cover - other element classes
            out.append(e.text)
    return "".join(out)


def read_document(path: str) -> Document:
    import docx
    from docx.table import Table

    doc = docx.Document(path)
    style_names: dict[str | None, str] = {}   # styleId -> name: python-docx scans styles.xml per lookup
    grids: list[Grid] = []
    paragraphs: list[Paragraph] = []
    section: list[str] = []
    last_caption: str | None = None
    pending_caption: str | None = None
    pidx = 0
    last_table_para = 0
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            caption = pending_caption or last_caption
            grids.append(_table_grid(path, item, len(grids) + 1, caption))
            # the lines that introduce a table ("Sub Kegiatan : …") are its context, as title rows are in a sheet
            grids[-1].preamble = [p.text for p in paragraphs[-4:] if p.index > last_table_para]
            last_table_para = pidx
            last_caption = caption
            pending_caption = None
            continue
        text = _p_text(item._p).strip()
        style_id = item._p.style
        style = style_names.get(style_id)
        if style is None and style_id not in style_names:
            st = item.style
            style = style_names[style_id] = st.name if st is not None else ""
        if not text:
            continue
        pidx += 1
        level = _heading_level(style, text)
        if level is not None:
            section = section[: level - 1] + [text]
            # a Lampiran's heading is the caption of the tables under it
            pending_caption = text[:60] if text.lower().startswith("lampiran") else None
            last_caption = None
        m = CAPTION_RE.match(text)
        if m and len(text) < 200 and level is None:
            pending_caption = f"Tabel {m.group(2)}"
        paragraphs.append(Paragraph(path=path, index=pidx, text=text, style=style, section=list(section),
                                    near_table=pending_caption or last_caption))
    return Document(path=path, grids=grids, paragraphs=paragraphs)
