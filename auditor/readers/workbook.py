"""Spreadsheets (.xlsx/.xlsm/.xls/.ods) into Grids.

Values come from python-calamine (fast, cached values as Excel last computed them). For OOXML
workbooks of modest size, openpyxl adds what calamine does not expose: number formats (the
precision a number shows), formulas (and so which formulas have no cached value), hidden rows.
Large flat exports (SIPD realisasi) skip that pass: their cells are plain numbers and text.
"""
from __future__ import annotations

import os
import warnings
from typing import Any

from .grid import Grid

# Above this size a workbook is read by calamine alone (see module docstring).
DETAIL_MAX_BYTES = 1_500_000


def _calamine_values(path: str) -> tuple[dict[str, list[list[Any]]], dict[str, list], dict[str, bool]]:
    import python_calamine as pc

    values: dict[str, list[list[Any]]] = {}
    merges: dict[str, list] = {}
    hidden: dict[str, bool] = {}
    wb = pc.CalamineWorkbook.from_path(path)
    try:
        meta = {m.name: m for m in wb.sheets_metadata}
        for name in wb.sheet_names:
            m = meta.get(name)
            if m is not None and "WorkSheet" not in str(m.typ):
                continue  # chart sheets and the like hold no cells
            sh = wb.get_sheet_by_name(name)
            rows = sh.to_python(skip_empty_area=False)
            values[name] = [[None if v == "" else v for v in row] for row in rows]
            try:
                merges[name] = list(sh.merged_cell_ranges or [])
            except Exception:  # not every format carries merge info
                merges[name] = []
            hidden[name] = m is not None and str(m.visible).rsplit(".", 1)[-1] != "Visible"
    finally:
        try:
            wb.close()
        except Exception:
            pass
    return values, merges, hidden


def _square(rows: list[list[Any]]) -> list[list[Any]]:
    width = max((len(r) for r in rows), default=0)
    out = [list(r) + [None] * (width - len(r)) for r in rows]
    # drop trailing empty rows and columns: calamine pads to the used range
    while out and all(v is None for v in out[-1]):
        out.pop()
    if out:
        last = max((max((i for i, v in enumerate(r) if v is not None), default=-1) for r in out), default=-1)
        out = [r[: last + 1] for r in out]
    return out


def _whole_floats(v: Any) -> Any:
    # calamine reports every number as float; integers stay integers so Rupiah stays exact
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


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


def read_workbook(path: str, detail: bool | None = None) -> list[Grid]:
    """Every worksheet of a workbook as a Grid (hidden ones included, marked)."""
    ext = os.path.splitext(path)[1].lower()
    values, merges, hidden = _calamine_values(path)
    if detail is None:
        detail = ext in (".xlsx", ".xlsm") and os.path.getsize(path) <= DETAIL_MAX_BYTES
    details = _openpyxl_details(path) if detail and ext in (".xlsx", ".xlsm") else {}
    grids = []
    for name, rows in values.items():
        rows = [[_whole_floats(v) for v in r] for r in _square(rows)]
        g = Grid(path=path, sheet=name, values=rows, hidden=hidden.get(name, False))
        g.merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in merges.get(name, [])]
        d = details.get(name)
        if d:
            g.formats, g.formulas, g.hidden_rows, sheet_hidden, errors = d
            g.hidden = g.hidden or sheet_hidden
            _cover(g, {**g.formulas, **errors})
            for (r, c), text in errors.items():
                g.values[r][c] = text   # calamine shows an error cell as empty; keep what Excel shows
            for (r, c) in g.formulas:
                if g.get(r, c) is None:
                    g.uncached.add((r, c))
        grids.append(g)
    return grids


def _openpyxl_details(path: str) -> dict[str, tuple]:
    import openpyxl

    out: dict[str, tuple] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about data validation/extensions it drops
        wb = openpyxl.load_workbook(path, data_only=False, read_only=False, keep_links=False)
    try:
        for ws in wb.worksheets:
            formats: dict[tuple[int, int], str] = {}
            formulas: dict[tuple[int, int], str] = {}
            errors: dict[tuple[int, int], str] = {}
            for row in ws.iter_rows():
                for cell in row:
                    v = cell.value
                    if v is None:
                        continue
                    key = (cell.row - 1, cell.column - 1)
                    nf = cell.number_format
                    if nf and nf != "General":
                        formats[key] = nf
                    if cell.data_type == "e":
                        errors[key] = str(v)
                    elif isinstance(v, str) and v.startswith("="):
                        formulas[key] = v
                    elif getattr(v, "text", None) and type(v).__name__ == "ArrayFormula":
                        formulas[key] = "=" + str(v.text)
            hidden_rows = {r - 1 for r, dim in ws.row_dimensions.items() if dim.hidden}
            out[ws.title] = (formats, formulas, hidden_rows, ws.sheet_state != "visible", errors)
    finally:
        wb.close()
    return out
