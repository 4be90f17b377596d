"""PDF with a text layer: ruled tables as Grids, paragraphs with their heading path, as for a .docx.

Libraries (measured on the sample LKIP exported by LibreOffice, 43 pages, and the real PDFs; see README
"PDF"): pypdfium2 (PDFium, C) gives the text, its position and the ruling lines of a page in ~1 ms;
pdfplumber's own page parse (pdfminer, pure Python) takes ~55 ms a page, 2,4 s for the sample. So the
page is read with pypdfium2 only, and the *table finder* is pdfplumber's: its functions that turn ruling
edges into intersections, cells and tables (``pdfplumber.table``) are fed the edges PDFium reports.

What a page gives:
* lines of text (PDFium's text rectangles, grouped by baseline) outside every table;
* tables: cells bounded by ruling lines; a cell spanning several grid columns/rows is a merged range;
* a page with no text but an image is *scanned*: not audited, reported by the loader (``scanned``).

Across pages: a table that is the first thing on a page, with the same columns as the table that ended
the page before, continues it (its repeated header rows dropped); lines become paragraphs by spacing,
list markers and short last lines; headings come from the PDF's outline (bookmarks, which Word and
LibreOffice write from Heading styles), else from the shape of the line ("BAB III …", "A. …" in capitals).
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .document import CAPTION_RE, Document, Paragraph, Placement
from .grid import Grid

# pdfplumber's TableSettings defaults (snap/join/intersection tolerance 3, edge_min_length 3)
_SNAP = 3
_MIN_EDGE = 3
_THIN = 3.0          # a path whose box is thinner than this is one ruling line
_MAX_CHARS_PAGE = 200_000


@dataclass
class PdfDocument(Document):
    pages: int = 0
    scanned: list[int] = field(default_factory=list)      # 1-based numbers of pages without a text layer
    images_only: bool = False                              # every page is scanned
    pictured: list[int] = field(default_factory=list)     # pages with text and an image over much of the page
    damaged: list[int] = field(default_factory=list)      # pages PDFium could not load
    unruled: list = field(default_factory=list)           # (page, numbers) of tables without ruling lines


@dataclass
class _Line:
    page: int
    top: float          # distance from the top of the page
    bottom: float
    x0: float
    x1: float
    text: str
    numbers: tuple = ()  # right edges of the parts that are a number alone, set apart by wide gaps (a table's line)


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    xs: list[float]                      # column boundaries
    rows: list[list[str | None]]
    merged: list[tuple[int, int, int, int]]
    row_pages: list[int] = field(default_factory=list)
    boxes: list[tuple] = field(default_factory=list)   # its cells: x0, top, x1, bottom, text


# -- one page -------------------------------------------------------------------------------------------

def _page_objects(page, R) -> tuple[list, list]:
    """The page's path objects (top level: what `page.get_objects([PATH], max_depth=1)` yields) as
    (raw handle, bounds), and its image objects (into Form XObjects, as `max_depth=4`) as bounds, or
    None where PDFium cannot say them, in one walk over raw handles: pypdfium2's walk makes a Python
    object per page object and is walked twice (a fifth of the PDF reader's time on the sample). The
    same calls, in the same order, so the same errors (PdfiumError) where pypdfium2 raises one."""
    import ctypes

    from pypdfium2 import PdfiumError

    paths: list = []
    images: list = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    get_type, get_bounds = R.FPDFPageObj_GetType, R.FPDFPageObj_GetBounds
    PATH, IMAGE, FORM = R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_IMAGE, R.FPDF_PAGEOBJ_FORM

    def bounds(obj):
        if not get_bounds(obj, left, bottom, right, top):
            return None
        return (left.value, bottom.value, right.value, top.value)

    def walk(parent, count, get, level):
        n = count(parent)
        if n < 0:
            raise PdfiumError("Failed to get number of pageobjects.")
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise PdfiumError("Failed to get pageobject.")
            kind = get_type(obj)
            if kind == PATH and level == 0:
                b = bounds(obj)
                if b is None:
                    raise PdfiumError("Failed to locate pageobject.")
                paths.append((obj, b))
            elif kind == IMAGE:
                images.append(bounds(obj))
            elif kind == FORM and level < 3:
                walk(obj, R.FPDFFormObj_CountObjects, R.FPDFFormObj_GetObject, level + 1)

    walk(page.raw, R.FPDFPage_CountObjects, R.FPDFPage_GetObject, 0)
    return paths, images


def _edges(paths: list, height: float) -> list[dict]:
    """Ruling edges of a page in pdfplumber's shape (top-based coordinates), from its path objects."""
    import pypdfium2.raw as R
    from pypdfium2 import PdfiumError, PdfMatrix

    out: list[dict] = []

    def add(x0, y0, x1, y1):
        x0, x1 = min(x0, x1), max(x0, x1)
        top, bottom = height - max(y0, y1), height - min(y0, y1)
        w, h = x1 - x0, bottom - top
        if w >= h:
            if w < 1:
                return
            y = (top + bottom) / 2
            out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": w, "height": 0.0, "orientation": "h",
                        "object_type": "line"})
        else:
            if h < 1:
                return
            x = (x0 + x1) / 2
            out.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": h, "orientation": "v",
                        "object_type": "line"})

    for raw, (left, bottom, right, top) in paths:
        if right - left <= _THIN or top - bottom <= _THIN:
            add(left, bottom, right, top)
            continue
        # a bigger path: its straight axis-aligned segments, in page space (a cell drawn as a rectangle)
        fs = R.FS_MATRIX()
        if not R.FPDFPageObj_GetMatrix(raw, fs):
            raise PdfiumError("Failed to get matrix of pageobject.")
        m = PdfMatrix.from_raw(fs)
        n = R.FPDFPath_CountSegments(raw)
        if n <= 0 or n > 5000:
            continue
        import ctypes
        xs, ys = ctypes.c_float(), ctypes.c_float()
        start = prev = None
        for i in range(n):
            seg = R.FPDFPath_GetPathSegment(raw, i)
            if not R.FPDFPathSegment_GetPoint(seg, ctypes.byref(xs), ctypes.byref(ys)):
                continue
            pt = m.on_point(xs.value, ys.value)
            kind = R.FPDFPathSegment_GetType(seg)
            if kind == R.FPDF_SEGMENT_MOVETO:
                start = prev = pt
                continue
            if kind == R.FPDF_SEGMENT_LINETO and prev is not None:
                if abs(pt[0] - prev[0]) < 1 or abs(pt[1] - prev[1]) < 1:
                    add(prev[0], prev[1], pt[0], pt[1])
            prev = pt
            if R.FPDFPathSegment_GetClose(seg) and start is not None:
                if abs(pt[0] - start[0]) < 1 or abs(pt[1] - start[1]) < 1:
                    add(pt[0], pt[1], start[0], start[1])
                prev = start
    return out


_BIG_IMAGE = 0.25       # share of the page an image covers from which what it shows is worth saying


def _image_share(images: list, width: float, height: float) -> float:
    """The largest share of the page one image covers (0 without images); `images`: their bounds."""
    best = 0.0
    area = max(width * height, 1.0)
    for b in images:
        if b is None:                   # an image without bounds is still an image
            best = max(best, 1e-6)
            continue
        left, bottom, right, top = b
        best = max(best, 1e-6, min(1.0, (right - left) * (top - bottom) / area))
    return best


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    """The index of the bound nearest `v` (the first of equally near ones)."""
    best = min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))
    return best


def _nearest(bounds: list[float], v: float) -> int:
    """_index for strictly increasing bounds (the distance falls, then rises: the nearest is one of
    the two around `v`), without measuring every bound: 10 % of the PDF reader's time on the sample."""
    k = bisect_left(bounds, v)
    if k == 0:
        return 0
    if k >= len(bounds):
        return len(bounds) - 1
    return k - 1 if abs(bounds[k - 1] - v) <= abs(bounds[k] - v) else k


_WS = re.compile(r"[ \t\u00a0]+")
_HYPHEN = re.compile(r"\x02\s*")


def _clean(text: str) -> str:
    # a line break inside a cell is where the PDF wrapped the text, not the author's: join with a space
    # PDFium marks a hyphen at the end of a line with \x02: the word goes on on the next line
    text = text.replace("\ufffe", "")
    if "\x02" in text:
        text = _HYPHEN.sub("-", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [p.strip() for p in text.split("\n")]
    if len(lines) > 1:
        lines = _rejoin_numbers(lines)
    return _WS.sub(" ", " ".join(lines)).strip()


_TAIL_NUM = re.compile(r"(?:^|(?<=\s))[0-9][0-9.,]*$")
_HEAD_NUM = re.compile(r"^[0-9.,]*[0-9.,]")
# a number written the Indonesian way, whole (1.848.706.000 or 10.701.893.800,00), and on its way to one
_DOTTED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_DOTTED_SO_FAR = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})*(?:\.[0-9]{0,2}|,[0-9]*)?")


def _rejoin_numbers(lines: list[str]) -> list[str]:
    """A number a narrow column wrapped ("1.848" / ".716." / "000", "4.080.399.00" / "0") is one number
    again: the number a line ends with and the starts of the next lines are joined without a space
    while they stay on the way to one thousands-grouped number, and kept joined only if they make one.
    A complete number is not continued by a line that does not start with a separator, so two numbers
    each well written ("1.500" / "2.000", "2024" / "2025") stay two; nothing else is touched."""
    out = [lines[0]]
    k = 1
    while k < len(lines):
        tail = _TAIL_NUM.search(out[-1])
        if tail is None:
            out.append(lines[k])
            k += 1
            continue
        number, used, rest = tail.group(0), 0, None
        while k + used < len(lines):
            line = lines[k + used]
            head = _HEAD_NUM.match(line)
            if head is None:
                break
            piece = head.group(0)
            if _DOTTED.fullmatch(number) and piece[0] not in ".,":
                break                     # a whole number already: the next line starts another
            joined = number + piece
            if not (_DOTTED_SO_FAR.fullmatch(joined) or _DOTTED.fullmatch(joined)):
                break
            number, used = joined, used + 1
            if len(piece) < len(line):
                rest = line[len(piece):]
                break                     # the line goes on with text: the number ends here
        if used and _DOTTED.fullmatch(number):
            out[-1] = out[-1][:tail.start()] + number + (rest or "")
            k += used
        else:
            out.append(lines[k])
            k += 1
    return out


def _bounded_reader(textpage):
    """`textpage.get_text_bounded(left, bottom, right, top)`, the same text in one PDFium call instead of
    two: pypdfium2 asks for the length, then for the text, and PDFium scans every character of the page
    for each (half of the reader's time on a text-heavy page went there). Given a buffer big enough,
    PDFium writes the text and a NUL and says how many units it wrote. pypdfium2 sizes its buffer by
    PDFium's first answer, which counts code points, so text with surrogate pairs (characters beyond
    the BMP) comes out cut there: for such text, and when the buffer was too small, this asks
    pypdfium2 itself, so the result is always what pypdfium2 returns."""
    import ctypes

    import pypdfium2.raw as R

    size = 2 * max(textpage.count_chars(), 0) + 64
    buf = (ctypes.c_ushort * size)()
    raw = textpage.raw
    call, string_at = R.FPDFText_GetBoundedText, ctypes.string_at

    def text(left: float, bottom: float, right: float, top: float) -> str:
        n = call(raw, left, top, right, bottom, buf, size)
        if n <= 1:                     # nothing (0), or only the NUL
            return "" if n >= 0 else textpage.get_text_bounded(left, bottom, right, top)
        if n >= size or buf[n - 1] != 0:   # cut short, or a PDFium that writes no NUL: ask pypdfium2
            return textpage.get_text_bounded(left, bottom, right, top)
        data = string_at(buf, 2 * (n - 1))
        out = data.decode("utf-16-le", "ignore")
        if 2 * len(out) != len(data):  # a surrogate (pair or lone): pypdfium2's own cut applies
            return textpage.get_text_bounded(left, bottom, right, top)
        return out

    return text


def _tables(page_no: int, edges: list[dict], textpage, height: float) -> list[_Table]:
    from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges

    from .pdf_cells import intersections_to_cells

    if len(edges) < 4:
        return []
    edges = merge_edges(edges, _SNAP, _SNAP, _SNAP, _SNAP)
    edges = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= _MIN_EDGE]
    inter = edges_to_intersections(edges, _SNAP, _SNAP)
    cells = intersections_to_cells(inter)
    out: list[_Table] = []
    bounded = None
    for group in cells_to_tables(cells):
        xs = _cluster([c[0] for c in group] + [c[2] for c in group])
        ys = _cluster([c[1] for c in group] + [c[3] for c in group])
        if len(ys) < 2 or len(xs) < 3:       # a box around text, not a table
            continue
        # 1 pt inside the rules: the descenders of a caption set tight above the table stay out
        bounded = bounded or _bounded_reader(textpage)
        boxes = [(x0, top, x1, bottom, _clean(bounded(x0 + 1, height - bottom + 1, x1 - 1, height - top - 1)) or None)
                 for x0, top, x1, bottom in group]
        t = _Table(page=page_no, top=ys[0], bottom=ys[-1], xs=xs, rows=[], merged=[], boxes=boxes)
        _lay_out_boxes(t, xs, ys)
        out.append(t)
    return out


def _lay_out_boxes(t: _Table, xs: list[float], ys: list[float]) -> None:
    """The table's cells on the grid of column boundaries `xs` and row boundaries `ys`: a cell over
    several of them is a merged range."""
    nr, nc = len(ys) - 1, len(xs) - 1
    values: list[list[str | None]] = [[None] * nc for _ in range(nr)]
    merged = []
    ix = _nearest if xs and all(a < b for a, b in zip(xs, xs[1:])) else _index
    iy = _nearest if ys and all(a < b for a, b in zip(ys, ys[1:])) else _index
    for x0, top, x1, bottom, text in t.boxes:
        c0, c1 = ix(xs, x0), ix(xs, x1) - 1
        r0, r1 = iy(ys, top), iy(ys, bottom) - 1
        if c1 < c0 or r1 < r0:
            continue
        values[r0][c0] = text
        if r1 > r0 or c1 > c0:
            merged.append((r0, c0, r1, c1))
    t.xs, t.rows, t.merged, t.row_pages = xs, values, merged, [t.page] * nr


def _inside(line: _Line, tables: list[_Table]) -> bool:
    mid_y = (line.top + line.bottom) / 2
    mid_x = (line.x0 + line.x1) / 2
    return any(t.top - 1 <= mid_y <= t.bottom + 1 and t.xs[0] - 1 <= mid_x <= t.xs[-1] + 1 for t in tables)


def _deep(rects: list[tuple], tables: list[_Table]) -> list[bool]:
    """Which text rectangles (top, bottom, left, right; top-based) to leave unread because their lines
    are dropped anyway, as inside a table (`_inside`): those within a table's box, provided that every
    other rectangle lies above or below every table's rows (1 pt clear) and no two tables share a
    height. Then a line holding one of them holds only rectangles of that table and lies inside it, and
    the lines of the other rectangles are the same: none of their bands could take a rectangle of a
    table or join one, and the bands of a table between two of theirs are never ones they could join
    (a band is a rectangle's height, ±0.5 pt). Otherwise (text beside a table, tables side by side)
    nothing is left out. Two thirds of the sample's rectangles are in tables, and reading one's text
    makes PDFium scan every character of the page."""
    none = [False] * len(rects)
    if not tables:
        return none
    spans = sorted((t.top, t.bottom, t.xs[0], t.xs[-1]) for t in tables)
    if any(a[1] + 1 >= b[0] - 1 for a, b in zip(spans, spans[1:])):
        return none
    out = []
    for y0, y1, left, right in rects:
        deep = y0 <= y1 and any(t0 <= y0 and y1 <= t1 and x0 <= left and right <= x1
                                for t0, t1, x0, x1 in spans)
        if not deep and not (y0 <= y1 and all(y1 < t0 - 1 or y0 > t1 + 1 for t0, t1, _x0, _x1 in spans)):
            return none                  # a rectangle beside a table's rows, or one at its edge
        out.append(deep)
    return out


def _lines(page_no: int, textpage, height: float, tables: list[_Table] = ()) -> list[_Line]:
    """PDFium's text rectangles, joined into lines (rectangles that share a baseline band); with the
    page's tables, the rectangles well inside them may be left unread (`_deep`)."""
    rects = []
    bounded = _bounded_reader(textpage)
    boxes = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    skip = _deep([(height - top, height - bottom, left, right) for left, bottom, right, top in boxes], tables)
    for (left, bottom, right, top), k in zip(boxes, skip):
        if k:
            continue
        # the rectangle's own spaces are kept: the space between two runs is often the end of the first
        text = bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " ")
        if text.strip():
            rects.append((height - top, height - bottom, left, right, text))
    # a line: the rectangles whose middle lies in the band of the first (tallest kept) one, left to right
    rects.sort(key=lambda r: (r[0], r[2]))
    bands: list[list] = []
    for rect in rects:
        mid = (rect[0] + rect[1]) / 2
        for band in reversed(bands[-4:]):
            if band[0] - 0.5 <= mid <= band[1] + 0.5:
                band[2].append(rect)
                break
        else:
            bands.append([rect[0], rect[1], [rect]])
    lines: list[_Line] = []
    for top, bottom, parts in bands:
        parts.sort(key=lambda r: r[2])
        text, x1 = "", None
        segments: list[list] = []                # [left, right, text] of runs set apart by a wide gap
        for _t, _b, left, right, t in parts:
            text += t if x1 is None or left - x1 < 1 else " " + t
            if segments and left - segments[-1][1] < _COLUMN_GAP:
                segments[-1][1] = max(segments[-1][1], right)
                segments[-1][2] += t
            else:
                segments.append([left, right, t])
            x1 = right if x1 is None else max(x1, right)
        text = _clean(text)
        m = _BULLET.match(text)
        if m:                                    # a bullet glyph (often a private-use Symbol character)
            text = "• " + text[m.end():]
        # a table's line is mostly numbers set apart; a justified line of prose sets its words apart too
        numbers = tuple(round(r) for _l, r, t in segments if _ALONE_NUMBER.fullmatch(t.strip()))
        if len(numbers) < 2 or 2 * len(numbers) < len(segments):
            numbers = ()
        lines.append(_Line(page_no, min(p[0] for p in parts), max(p[1] for p in parts), parts[0][2], x1, text,
                           numbers))
    return lines


# a gap wider than this between two runs of a line separates columns, not words (~3 spaces at 11 pt)
_COLUMN_GAP = 12.0
_ALONE_NUMBER = re.compile(r"(Rp\.? ?)?-?[0-9][0-9.,]*( ?%)?")


def _unruled_tables(lines: list[_Line]) -> int:
    """Numbers a page sets out as a table without ruling lines (so no table was read there): blocks of three
    or more lines with two numbers or more standing apart - up to three wrapped lines between them, and no
    wide vertical gap - whose numbers line up (two right edges, within 4 pt, shared by three of the lines).
    0 when there is none."""
    found = 0
    block: list[_Line] = []
    since = 0                            # lines since the block's last line with numbers
    prev: _Line | None = None
    for ln in lines + [None]:
        near = ln is not None and prev is not None and ln.top - prev.bottom < 2 * max(ln.bottom - ln.top, 1)
        if ln is not None and len(ln.numbers) >= 2 and (not block or (near and since <= 3)):
            block.append(ln)
            since = 0
        elif ln is not None and block and near and since < 3:
            since += 1
        else:
            found += _aligned(block)
            block = [ln] if ln is not None and len(ln.numbers) >= 2 else []
            since = 0
        prev = ln
    return found


def _aligned(block: list[_Line]) -> int:
    """The numbers of a block of three lines or more whose numbers stand in two columns at least."""
    if len(block) < 3:
        return 0
    edges = [e for r in block for e in set(r.numbers)]
    shared = sorted({e for e in edges if sum(1 for x in edges if abs(x - e) <= 4) >= 3})
    if not shared or shared[-1] - shared[0] <= 4:
        return 0
    return sum(len(r.numbers) for r in block)


_BULLET = re.compile(r"^[^\w\s(\"'“‘\[.,:;+%-]\s*")
# a page number alone on its line: "12", "- 12 -", "Halaman 12 dari 40", or roman in the front matter ("ii")
PAGE_NUMBER = re.compile(r"^(halaman|hal\.?|page)?\s*-?\s*(\d{1,4}|[ivxlc]{1,6})\s*-?(\s*(dari|of)\s*\d+)?$", re.I)


# -- the document -----------------------------------------------------------------------------------------

def _outline(pdf) -> dict[int, list[tuple[int, str]]]:
    """page index -> [(level, title)] from the PDF's bookmarks."""
    out: dict[int, list[tuple[int, str]]] = {}
    try:
        for i, b in enumerate(pdf.get_toc(max_depth=6)):
            if i > 2000:
                break
            dest = b.get_dest()
            idx = dest.get_index() if dest is not None else None
            title = _clean(b.get_title() or "")
            if idx is not None and title:
                out.setdefault(idx, []).append((b.level + 1, title))
    except Exception:            # a damaged outline only costs the headings
        return {}
    return out


def _norm(s: str) -> str:
    return re.sub(r"\W+", "", s).lower()


_HEAD_SHAPE = re.compile(r"^(BAB\s+[IVX]+\b|LAMPIRAN\b|IKHTISAR EKSEKUTIF|KATA PENGANTAR|DAFTAR (ISI|TABEL|GAMBAR))")
_BARE_BAB = re.compile(r"^BAB\s+[IVX]+\.?$")
_OPEN_WORDS = {"DAN", "DI", "KE", "DARI", "YANG", "ATAS", "DENGAN", "PADA", "DALAM", "SERTA", "ATAU", "UNTUK", "TERHADAP"}
_LAMPIRAN = re.compile(r"^LAMPIRAN\s+([IVX]+|\d+)\b")
_LEADER = re.compile(r"\.{4,}|…{2,}|\t")
_SUB_SHAPE = re.compile(r"^[A-H]\.\s+[A-Z][A-Z0-9 ,.()/&-]{3,}$")
_LIST = re.compile(r"^\s*(\d{1,2}[.)]|[a-z][.)]|[-•*])\s")


def _digitless(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _running_lines(read: list[tuple]) -> set[str]:
    """Texts (digits aside) standing in the top or bottom margin band of at least half the pages, and of
    two at least: a running header or footer ("LKIP Kecamatan Kalisat 2024 | 12")."""
    if len(read) < 2:
        return set()
    seen: dict[str, set[int]] = {}
    for i, height, _tables, lines, _image in read:
        for ln in lines:
            if ln.top < 0.08 * height or ln.bottom > 0.92 * height:
                seen.setdefault(_digitless(ln.text), set()).add(i)
    return {t for t, pages in seen.items() if len(pages) >= max(2, (len(read) + 1) // 2)}


def _heading_goes_on(head: _Line, line: _Line, outline: list[list] | None) -> bool:
    """`line` is the second line of the heading `head`: it goes on with the bookmark's title, or (no
    outline) it is a short line in capitals right under it ("BAB I" / "PENDAHULUAN")."""
    if outline is not None:
        return any(_norm(t).startswith(_norm(head.text + " " + line.text)) and len(_norm(t)) > len(_norm(head.text))
                   for _, t, _u in outline)
    h = head.text.strip()
    # only a heading that is not complete: "BAB I" alone, or one whose last word asks for more ("… DAN")
    if not (_BARE_BAB.match(h) or (h.upper() == h and h.rsplit(" ", 1)[-1] in _OPEN_WORDS)):
        return False
    text = line.text.strip()
    return (line.page == head.page and line.top - head.bottom < 2.5 * (head.bottom - head.top) and len(text) <= 60
            and text.upper() == text and any(ch.isalpha() for ch in text) and not _HEAD_SHAPE.match(text)
            and not _SUB_SHAPE.match(text) and not _LEADER.search(text))


def _heading_level(line: _Line, outline: list[list] | None) -> int | None:
    """The heading level of a line: the first unused bookmark of its page with its text, or (no outline
    in the file) the shape of an LKIP heading."""
    if outline is not None:
        key = _norm(line.text)
        for entry in outline:
            level, title, used = entry
            t = _norm(title)
            if not used and key and (key == t or (len(key) >= 6 and t.startswith(key))):
                entry[2] = True
                return level
        return None
    text = line.text.strip()
    if len(text) > 90 or _LEADER.search(text):     # a line of a table of contents is not the heading
        return None
    if _HEAD_SHAPE.match(text) and (text.upper() == text or _LAMPIRAN.match(text)):
        return 1
    if _SUB_SHAPE.match(text):
        return 2
    return None


def _open(path: str):
    """PDFium's document, or InputProblem with a reason a user can act on."""
    import pypdfium2 as pdfium

    from .safety import InputProblem

    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise InputProblem(path, "encrypted", "The PDF is protected with a password; ask for a copy without "
                                                  "one (or the .docx).") from None
        raise InputProblem(path, "corrupt_pdf", f"The PDF is damaged and cannot be opened ({str(e)[:80]}).") from None


def page_texts(path: str, max_pages: int | None = None) -> list[str] | None:
    """The text of every page (one PDFium call a page: what readers.twin compares with a .docx), or None
    when a page cannot be loaded (the full read reports it). Refuses what read_pdf refuses."""
    import pypdfium2 as pdfium

    from .safety import Limits

    max_pages = max_pages or Limits().max_pdf_pages
    pdf = _open(path)
    try:
        npages = len(pdf)
        if npages > max_pages:
            return None                   # read_pdf says so, in its words
        out = []
        for i in range(npages):
            try:
                page = pdf[i]
                try:
                    textpage = page.get_textpage()
                    try:
                        if textpage.count_chars() > _MAX_CHARS_PAGE:
                            return None
                        out.append(textpage.get_text_range())
                    finally:
                        textpage.close()
                finally:
                    page.close()
            except pdfium.PdfiumError:
                return None               # a page PDFium cannot load or read: the full read reports it
        return out
    finally:
        pdf.close()


def read_pdf(path: str, max_pages: int | None = None) -> PdfDocument:
    import pypdfium2 as pdfium
    import pypdfium2.raw as R

    from .safety import InputProblem, Limits

    max_pages = max_pages or Limits().max_pdf_pages
    pdf = _open(path)
    try:
        npages = len(pdf)
        if npages > max_pages:
            raise InputProblem(path, "too_many_pages", f"The PDF has {npages} pages, more than the {max_pages} "
                                                       f"read; split it, or send the report without its attachments.")
        outline = {} if os.environ.get("LKIP_PDF_NO_OUTLINE") else _outline(pdf)   # (a test switch)
        has_outline = bool(outline)
        items: list[tuple] = []              # ("line", _Line, level) | ("tbl", _Table)
        scanned: list[int] = []
        pictured: list[int] = []
        damaged: list[int] = []
        unruled: list[tuple[int, int]] = []
        read: list[tuple] = []               # (page index, height, tables, lines, has an image) per page with text
        outlines: list = []                  # each page's bookmarks, marked when a line matched one
        for i in range(npages):
            try:
                page = pdf[i]
            except pdfium.PdfiumError:
                damaged.append(i + 1)        # one damaged page: the others are still read
                continue
            try:
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    nchars = textpage.count_chars()
                    if nchars > _MAX_CHARS_PAGE:
                        raise InputProblem(path, "too_large", f"Page {i + 1} of the PDF holds {nchars} characters, "
                                                              f"more than the {_MAX_CHARS_PAGE} read on a page.")
                    paths, images = _page_objects(page, R)
                    image = _image_share(images, width, height)
                    if nchars == 0 or not textpage.get_text_range().strip():
                        if image:
                            scanned.append(i + 1)
                        continue
                    tables = _tables(i + 1, _edges(paths, height), textpage, height)
                    lines = [ln for ln in _lines(i + 1, textpage, height, tables) if not _inside(ln, tables)]
                finally:
                    textpage.close()
            finally:
                page.close()
            read.append((i, height, tables, lines, image))
        running = _running_lines(read)
        for i, height, tables, lines, image in read:
            # running headers and footers: a page number or a line repeated in the margin bands of most pages
            lines = [ln for ln in lines if not ((ln.top < 0.08 * height or ln.bottom > 0.92 * height)
                                                and (PAGE_NUMBER.match(ln.text) or _digitless(ln.text) in running))]
            if image and not lines and not tables:
                scanned.append(i + 1)        # a scan pasted into a page that only has its header and footer
                continue
            if image >= _BIG_IMAGE:
                pictured.append(i + 1)       # text, and a picture over much of the page (a table pasted as image?)
            loose = _unruled_tables(lines)
            if loose:
                unruled.append((i + 1, loose))   # a table without ruling lines: its numbers read as text only
            page_outline = [[lv, t, False] for lv, t in outline.get(i, ())] if has_outline else None
            outlines.append(page_outline)
            seq: list[tuple[float, tuple]] = [(t.top, ("tbl", t)) for t in tables]
            seq += [(ln.top, ("line", ln, _heading_level(ln, page_outline))) for ln in lines]
            seq.sort(key=lambda s: s[0])
            for _, it in seq:
                prev = items[-1] if items else None
                # a heading wrapped over two lines: the second goes on with its bookmark's title
                if (it[0] == "line" and it[2] is None and prev is not None and prev[0] == "line"
                        and prev[2] is not None and _heading_goes_on(prev[1], it[1], page_outline)):
                    prev[1].text += " " + it[1].text
                    continue
                items.append(it)
    finally:
        pdf.close()
    if has_outline and not any(e[2] for po in outlines if po for e in po):
        # bookmarks that name no line of the text (a merge tool's file names): headings by their shape
        items = [("line", it[1], _heading_level(it[1], None)) if it[0] == "line" else it for it in items]
    doc = _assemble(path, items)
    doc.pages = npages
    doc.scanned = sorted(scanned)
    doc.pictured = pictured
    doc.damaged = damaged
    doc.unruled = unruled
    doc.images_only = bool(scanned) and len(scanned) == npages
    return doc


def _same_columns(a: _Table, b: _Table) -> bool:
    """`b` has the columns of `a`: the same boundaries, or some of them (rows on the next page that do not
    use a column split, e.g. under a merged group), then laid out again on `a`'s columns."""
    if len(a.xs) == len(b.xs) and all(abs(x - y) <= 2.5 for x, y in zip(a.xs, b.xs)):
        return True
    if (len(b.xs) < len(a.xs) and abs(a.xs[0] - b.xs[0]) <= 2.5 and abs(a.xs[-1] - b.xs[-1]) <= 2.5
            and all(any(abs(x - y) <= 2.5 for y in a.xs) for x in b.xs) and b.boxes):
        ys = _cluster([c[1] for c in b.boxes] + [c[3] for c in b.boxes])
        _lay_out_boxes(b, list(a.xs), ys)
        return True
    return False


_NUMBERISH = re.compile(r"^[\s(]*(rp\.?)?\s*[-+]?[\d.,]+\s*%?[\s)]*$", re.I)
_ROW_START = re.compile(r"^((program|kegiatan|sub\s*kegiatan|sasaran|tujuan)\s*\d+\s*:|(jumlah|total|rata-rata)\b|"
                        r"(?-i:PROGRAM)\s|\d|(?-i:[A-Z])\.\s|(?-i:[IVX]+)\.\s)", re.I)


def _split_row(prev: list, row: list) -> bool:
    """`row`, the first row of a table's continuation, is the rest of `prev` (Word lets a row break
    across pages): its texts stand only in columns `prev` fills, some of those are empty, and none is a
    number or starts a row of its own ("Kegiatan 2 : …", "3", "JUMLAH")."""
    filled = [c for c, v in enumerate(row) if v]
    if not filled or any(not prev[c] for c in filled) or len(filled) == sum(1 for v in prev if v):
        return False
    return not any(_NUMBERISH.match(row[c]) or _ROW_START.match(row[c]) for c in filled)


def _join_tables(items: list[tuple]) -> list[tuple]:
    """A table that opens a page and has the columns of the table that closed the page before continues it:
    the header rows it repeats are dropped, a row broken by the page is joined again, and a merged cell
    running down over the break is one range."""
    out: list[tuple] = []
    for it in items:
        prev = out[-1] if out else None
        if (it[0] == "tbl" and prev is not None and prev[0] == "tbl" and it[1].page == prev[1].row_pages[-1] + 1
                and _same_columns(prev[1], it[1])):
            a, b = prev[1], it[1]
            k = 0
            while k < min(3, len(b.rows) - 1, len(a.rows)) and b.rows[k] == a.rows[k]:
                k += 1
            last = len(a.rows) - 1
            b_merged = [m for m in b.merged if m[0] >= k]
            if k < len(b.rows) and _split_row(a.rows[last], b.rows[k]):
                a.rows[last] = [(x + " " + y) if (x and y) else (x or y) for x, y in zip(a.rows[last], b.rows[k])]
                k += 1
            off = len(a.rows) - k
            if k and any(m[0] == k - 1 for m in b_merged):
                # a merge that starts on the broken row started on the previous page: it goes on from there
                for m in [m for m in b_merged if m[0] == k - 1]:
                    b_merged.remove(m)
                    up = next((x for x in a.merged if x[2] == last and x[1] == m[1] and x[3] == m[3]), None)
                    if up is not None:
                        a.merged.remove(up)
                    if m[2] > m[0] or m[3] > m[1]:
                        a.merged.append((up[0] if up else last, m[1], m[2] + off, m[3]))
            for c0 in range(len(a.xs) - 1):
                down = next((m for m in a.merged if m[1] == c0 and m[2] == last), None)
                if down is None or k >= len(b.rows) or any(b.rows[k][c] for c in range(down[1], down[3] + 1)):
                    continue
                cont = next((m for m in b_merged if m[0] == k and m[1] == down[1] and m[3] == down[3]), None)
                a.merged.remove(down)
                a.merged.append((down[0], down[1], (cont[2] if cont else k) + off, down[3]))
                if cont:
                    b_merged.remove(cont)
            a.rows.extend(b.rows[k:])
            a.row_pages.extend(b.row_pages[k:])
            a.merged.extend((r0 + off, c0, r1 + off, c1) for r0, c0, r1, c1 in b_merged if r0 >= k)
            continue
        out.append(it)
    return out


def _paragraphs(items: list[tuple]) -> list[tuple]:
    """Lines into paragraphs: ("p", text, level, page) and tables, in order. A line starts a paragraph
    after a gap wider than the usual line pitch, after a line that ends short of the right margin or with
    a colon, or when it starts with a list marker or a caption."""
    out: list[tuple] = []
    cur: list[_Line] = []
    lines = [it[1] for it in items if it[0] == "line"]
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.bottom)
    usual = gaps[len(gaps) // 3] if gaps else 0.0          # the pitch of lines inside a paragraph
    right: dict[int, float] = {}                           # the right margin of each page: its longest lines
    lefts: dict[int, list[float]] = {}
    for ln in lines:
        right[ln.page] = max(right.get(ln.page, 0.0), ln.x1)
        lefts.setdefault(ln.page, []).append(ln.x0)
    left = {pg: sorted(xs)[len(xs) // 10] for pg, xs in lefts.items()}   # the left margin (most lines start there)

    def flush():
        if cur:
            text = " ".join(ln.text for ln in cur).strip()
            # a list marker is Word's numbering, not the author's text (python-docx does not read it either)
            style = ""
            if text.startswith("• "):     # a bullet is Word's list formatting (python-docx does not read it)
                style, text = "List Bullet", text[2:].strip()
            out.append(("p", text, None, cur[0].page, style))
            cur.clear()

    for it in items:
        if it[0] == "tbl":
            flush()
            out.append(it)
            continue
        _, ln, level = it
        if level is not None:
            flush()
            out.append(("p", ln.text, level, ln.page, ""))
            continue
        if cur:
            last = cur[-1]
            height = max(last.bottom - last.top, 1)
            gap = ln.top - last.bottom if ln.page == last.page else usual
            # the line before ended its paragraph when the first word of this one would have fitted after it
            word = ln.text.split(" ", 1)[0]
            em = (ln.x1 - ln.x0) / max(len(ln.text), 1)
            ended = last.x1 + em * (len(word) + 1) < right.get(last.page, 0) - 2 or last.text.rstrip().endswith(":")
            # over a page break only a body line goes on: not a block set to the right (a signature, a date)
            if ln.page != last.page and cur[0].x0 > left.get(last.page, 0) + 0.25 * (right.get(last.page, 0)
                                                                                     - left.get(last.page, 0)):
                ended = True
            # a list item's lines hang right of its marker: a line back at the marker starts another paragraph
            out_of_item = len(cur) >= 1 and _LIST.match(cur[0].text) is not None and ln.x0 <= cur[0].x0 + 1
            if ended or out_of_item or gap > usual + 0.5 * height or gap < -0.5 * height \
                    or _LIST.match(ln.text) or CAPTION_RE.match(ln.text) or CAPTION_RE.match(last.text):
                flush()
        cur.append(ln)
    flush()
    return out


def _preamble(texts: list[str]) -> list[str]:
    """The lines introducing a table ("Sub Kegiatan : Peningkatan … Forum" / "Musyawarah …"): a line without
    a label that follows a labelled one goes on with it, as the line break inside one Word paragraph it was."""
    out: list[str] = []
    for t in texts:
        if out and " : " in out[-1] and ":" not in t and t[:1].isupper() and not CAPTION_RE.match(t):
            out[-1] += "\n" + t
        else:
            out.append(t)
    return out


def _assemble(path: str, items: list[tuple]) -> PdfDocument:
    """Captions and sections placed as readers.document.read_document places them, over the PDF's items."""
    items = _paragraphs(_join_tables(items))
    grids: list[Grid] = []
    paragraphs: list[Paragraph] = []
    place = Placement()
    for item in items:
        if item[0] == "tbl":
            t: _Table = item[1]
            caption, intro = place.table(paragraphs[-5:])
            width = max(len(r) for r in t.rows)
            values = [list(r) + [None] * (width - len(r)) for r in t.rows]
            g = Grid(path=path, sheet=f"table {len(grids) + 1}", values=values, merged=t.merged, caption=caption,
                     source="pdf")
            g.row_pages = list(t.row_pages)
            g.preamble = _preamble([p.text for p in intro])[-4:]
            grids.append(g)
            continue
        _, text, level, page, style = item
        text = text.strip()
        if not text:
            continue
        index, section, near, caption_line = place.paragraph(text, level)
        if level is not None:
            style = f"Heading {level}"
        if caption_line:
            style = "Caption"
        paragraphs.append(Paragraph(path=path, index=index, text=text, style=style, section=section,
                                    near_table=near, page=page))
    return PdfDocument(path=path, grids=grids, paragraphs=paragraphs)
