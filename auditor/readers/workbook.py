"""Spreadsheets (.xlsx/.xlsm/.xls/.ods) into Grids.

Values come from python-calamine (fast, cached values as Excel last computed them). For OOXML
workbooks a second pass adds what calamine does not expose: number formats (the precision a number
shows, and whether a `0%` cell holds a fraction), formulas (and so which formulas have no cached
value), error cells, hidden rows and sheets. Workbooks of modest size get the exact pass
(auditor.readers.xlsx_details); big ones a streamed pass (auditor.readers.xlsx_lean) that leaves out
date formats only, run beside calamine's parse. No size is read without them.
"""
from __future__ import annotations

import os
from typing import Any

from .grid import EXCEL_ERRORS, Grid

# Above this size a workbook's details come from the streamed pass (see module docstring).
DETAIL_MAX_BYTES = 1_500_000


def lean(path: str) -> bool:
    """Whether the details of this workbook come from the streamed pass."""
    return os.path.splitext(path)[1].lower() in (".xlsx", ".xlsm") and os.path.getsize(path) > DETAIL_MAX_BYTES


def parse(path: str) -> list[tuple[str, Any, Any]]:
    """Open a workbook and parse its worksheets: (name, calamine sheet, sheet metadata) each. Most of
    the time of a big export is this parse, and calamine releases the GIL while it runs: the loader
    runs it in a thread, one file ahead of the rest of the work."""
    import python_calamine as pc

    wb = pc.CalamineWorkbook.from_path(path)
    try:
        meta = {m.name: m for m in wb.sheets_metadata}
        sheets = []
        for name in wb.sheet_names:
            m = meta.get(name)
            if m is not None and "WorkSheet" not in str(m.typ):
                continue  # chart sheets and the like hold no cells
            sheets.append((name, wb.get_sheet_by_name(name), m))
        return sheets
    finally:
        try:
            wb.close()   # the sheets keep their cells
        except Exception:
            pass


def _calamine_values(path: str, parsed: list | None = None
                     ) -> tuple[dict[str, list[list[Any]]], dict[str, list], dict[str, bool], frozenset[str] | None]:
    """Values, merged ranges and hidden flags per sheet, and the texts that show an Excel error (None
    when a sheet was read the plain way, without seeing each distinct text)."""
    values: dict[str, list[list[Any]]] = {}
    merges: dict[str, list] = {}
    hidden: dict[str, bool] = {}
    texts: dict[str, str] = {}
    same = texts.setdefault   # one object per distinct text: exports repeat names and codes on every row
    all_seen = True
    if parsed is None:
        parsed = parse(path)
    while parsed:
        name, sh, m = parsed.pop(0)     # each parsed sheet let go once converted
        # What to_python(skip_empty_area=False) gives, row by row (so the texts of a row are shared
        # before the next is made): iter_rows() starts at row 0 but at the used range's first column.
        # "" -> None; whole floats -> int, so Rupiah stays exact (inlined: this runs for every cell).
        start = sh.start
        rows = None
        if start is not None:
            # texts first: an export is mostly text (the cheapest test first, ~2x faster)
            rows = [[(same(v, v) if v else None) if type(v) is str else
                     (int(v) if type(v) is float and v.is_integer() and -1e15 < v < 1e15 else v)
                     for v in row]
                    for row in sh.iter_rows()]
            if start[1]:
                pad = [None] * start[1]
                rows = [pad + row for row in rows]
            if len(rows) != start[0] + sh.height or (rows and len(rows[0]) != start[1] + sh.width):
                rows = None                        # not the layout described above: the plain way
        if rows is None:
            all_seen = False
            rows = [[None if v == "" else
                     (int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 1e15 else v)
                     for v in row] for row in sh.to_python(skip_empty_area=False)]
        values[name] = rows
        try:
            merges[name] = list(sh.merged_cell_ranges or [])
        except Exception:  # not every format carries merge info
            merges[name] = []
        hidden[name] = m is not None and str(m.visible).rsplit(".", 1)[-1] != "Visible"
    errors = frozenset(t for t in texts if t.strip().upper() in EXCEL_ERRORS) if all_seen else None
    return values, merges, hidden, errors


def _square(rows: list[list[Any]]) -> list[list[Any]]:
    """Pad rows to one width, then drop trailing empty rows and columns (calamine pads to the used
    range). Takes ownership of `rows` (fresh lists from _calamine_values)."""
    width = max(map(len, rows), default=0)
    out = rows if min(map(len, rows), default=0) == width else \
        [r if len(r) == width else r + [None] * (width - len(r)) for r in rows]
    while out and all(v is None for v in out[-1]):
        out.pop()
    if out:
        last = -1                       # rightmost non-empty column of any row
        for r in out:
            for i in range(len(r) - 1, last, -1):
                if r[i] is not None:
                    last = i
                    break
        if last + 1 < width:
            out = [r[: last + 1] for r in out]
    return out


def _cover(g: Grid, cells: dict) -> None:
    """Grow the grid so every formula cell (cached value or not) lies inside it."""
    if not cells:
        return
    h = max(r for r, _ in cells) + 1
    w = max(max(c for _, c in cells) + 1, g.ncols)
    for row in g.values:
        row.extend([None] * (w - len(row)))
    while len(g.values) < h:
        g.values.append([None] * w)


def read_workbook(path: str, detail: bool | None = None, parsed: list | None = None,
                  details: dict | None = None) -> list[Grid]:
    """Every worksheet of a workbook as a Grid (hidden ones included, marked). `parsed`: what parse()
    gave for it, when it ran ahead; `details`: the streamed details pass' result, when it ran beside
    the parse."""
    ext = os.path.splitext(path)[1].lower()
    values, merges, hidden, error_texts = _calamine_values(path, parsed)
    if details is None:
        if detail is None:
            detail = ext in (".xlsx", ".xlsm")
        if detail and ext in (".xlsx", ".xlsm"):
            if lean(path):
                from .xlsx_lean import lean_details
                details = lean_details(path)
            else:
                from .xlsx_details import details as _details
                details = _details(path)
        else:
            details = {}
    grids = []
    for name, rows in values.items():
        rows = _square(rows)            # numbers already made whole by _calamine_values
        g = Grid(path=path, sheet=name, values=rows, hidden=hidden.get(name, False), error_texts=error_texts)
        g.merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in merges.get(name, [])]
        d = details.get(name)
        if d:
            g.formats, g.formulas, g.hidden_rows, sheet_hidden, errors = d
            g.hidden = g.hidden or sheet_hidden
            _cover(g, {**g.formulas, **errors})
            for (r, c), text in errors.items():
                g.values[r][c] = text   # calamine shows an error cell as empty; keep what Excel shows
            if errors and g.error_texts is not None:
                g.error_texts = g.error_texts | frozenset(errors.values())
            for (r, c) in g.formulas:
                if g.get(r, c) is None:
                    g.uncached.add((r, c))
        grids.append(g)
    return grids
