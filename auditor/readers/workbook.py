"""Spreadsheets (.xlsx/.xlsm/.xls/.ods) into Grids.

Values come from python-calamine (fast, cached values as Excel last computed them). For OOXML
workbooks of modest size, a second pass adds what calamine does not expose: number formats (the
precision a number shows), formulas (and so which formulas have no cached value), error cells,
hidden rows and sheets. Large flat exports (SIPD realisasi) skip that pass: their cells are plain
numbers and text.

That pass (``_details``) streams each worksheet's XML with lxml and reads only what it needs: the
style index, type, formula and value of each cell, row attributes, merged ranges. It reproduces
exactly what ``openpyxl.load_workbook`` followed by ``_openpyxl_details`` gives (the reference,
kept below), at a tenth of the cost; the small package parts (content types, relationships,
workbook.xml) are still parsed with openpyxl's own classes. Anything it does not model the same
way (a dataTable formula, hyperlinks, a style index out of range, a duplicate or invalid sheet
title...) makes it hand the file to the openpyxl reference instead, so the result never differs.
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
            # "" -> None; whole floats -> int (_whole_floats, inlined: this runs for every cell)
            values[name] = [[None if v == "" else
                             (int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 1e15 else v)
                             for v in row] for row in rows]
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
    """Pad rows to one width, then drop trailing empty rows and columns (calamine pads to the used
    range). Takes ownership of `rows` (fresh lists from _calamine_values)."""
    width = max((len(r) for r in rows), default=0)
    out = [r if len(r) == width else r + [None] * (width - len(r)) for r in rows]
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
    details = _details(path) if detail and ext in (".xlsx", ".xlsm") else {}
    grids = []
    for name, rows in values.items():
        rows = _square(rows)            # numbers already made whole by _calamine_values
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


# ------------------------------------------------------------------------------------------------
# the fast details pass (same result as _openpyxl_details; see the module docstring)

class _Fallback(Exception):
    """Something the fast pass does not model exactly like openpyxl: use openpyxl instead."""


def _details(path: str) -> dict[str, tuple]:
    try:
        return _fast_details(path)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - anything unusual: the reference implementation decides
        return _openpyxl_details(path)


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _C, _V, _F, _IS, _T = _NS + "row", _NS + "c", _NS + "v", _NS + "f", _NS + "is", _NS + "t"
_MERGE, _HYPERLINKS, _COL = _NS + "mergeCell", _NS + "hyperlinks", _NS + "col"
_COORD = __import__("re").compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})\Z")
_COLS: dict[str, int] = {}


def _ox_bool(v: Any) -> bool:
    """openpyxl's Bool descriptor: 'false', 'f', '0' are False, any other non-empty string True."""
    if isinstance(v, str) and v in ("false", "f", "0"):
        return False
    return bool(v)


def _col_index(letters: str) -> int:
    n = _COLS.get(letters)
    if n is None:
        from openpyxl.utils.cell import column_index_from_string
        n = _COLS[letters] = column_index_from_string(letters)
    return n


def _xml_parser_kw() -> dict:
    # check_file has already refused any part with a DOCTYPE/ENTITY; belt and braces
    return {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}


def _local(tag: Any) -> str | None:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else None


def _text_content(node) -> str:
    """openpyxl's Text.from_tree(node).content: the (last) <t> child, then each <r>'s (last) <t>."""
    plain = None
    runs: list[str] = []
    for ch in node:
        name = _local(ch.tag)
        if name == "t":
            plain = ch.text
        elif name == "r":
            t = None
            for sub in ch:
                if _local(sub.tag) == "t":
                    t = sub.text
            if t is not None:
                runs.append(t)
    if plain is not None:
        runs.insert(0, plain)
    return "".join(runs)


def _shared_strings(zf, manifest) -> list[str]:
    """openpyxl's read_string_table (Text.content of every <si>, 'x005F_' removed), with lxml."""
    from lxml import etree
    from openpyxl.xml.constants import SHARED_STRINGS

    ct = manifest.find(SHARED_STRINGS)
    if ct is None:
        return []
    out: list[str] = []
    si_tag = _NS + "si"
    with zf.open(ct.PartName[1:]) as src:
        for _, si in etree.iterparse(src, events=("end",), tag=si_tag, **_xml_parser_kw()):
            out.append(_text_content(si).replace("x005F_", ""))
            si.clear()
            while si.getprevious() is not None:
                del si.getparent()[0]
    return out


def _styles(zf, names: set[str]) -> tuple[list[str], set[int], set[int]]:
    """Per cellXfs index: the number format openpyxl reports, and its date / timedelta indices."""
    from lxml import etree
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE, is_date_format, \
        is_timedelta_format

    if "xl/styles.xml" not in names:
        raise _Fallback("no stylesheet: openpyxl's defaults apply")
    root = etree.fromstring(zf.read("xl/styles.xml"), etree.XMLParser(**_xml_parser_kw()))
    custom: dict[int, str] = {}
    nf_parent = root.find(_NS + "numFmts")
    if nf_parent is not None:
        for nf in nf_parent.iter(_NS + "numFmt"):
            custom[int(nf.get("numFmtId"))] = nf.get("formatCode")
    xfs_parent = root.find(_NS + "cellXfs")
    xfs = [] if xfs_parent is None else [x for x in xfs_parent if x.tag == _NS + "xf"]
    if not xfs:
        raise _Fallback("no cellXfs: openpyxl's defaults apply")
    if any(v is None for v in custom.values()):
        raise _Fallback("numFmt without a formatCode")
    formats: list[str] = []
    dates: set[int] = set()
    deltas: set[int] = set()
    for i, xf in enumerate(xfs):
        fid = int(xf.get("numFmtId", 0))
        if fid in custom:
            fmt = custom[fid]
            shown = fmt
        else:
            if fid >= BUILTIN_FORMATS_MAX_SIZE or fid < 0:
                raise _Fallback("number format id neither builtin nor defined")
            fmt = BUILTIN_FORMATS.get(fid)
            shown = BUILTIN_FORMATS.get(fid, "General")
        if is_date_format(fmt):
            dates.add(i)
        if is_timedelta_format(fmt):
            deltas.add(i)
        formats.append(shown)
    return formats, dates, deltas


def _fast_details(path: str) -> dict[str, tuple]:
    import zipfile

    from lxml import etree
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.packaging.relationship import get_dependents, get_rels_path
    from openpyxl.packaging.workbook import WorkbookPackage
    from openpyxl.reader.excel import _find_workbook_part
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601
    from openpyxl.workbook.child import INVALID_TITLE_REGEX
    from openpyxl.worksheet._reader import _cast_number
    from openpyxl.formula.translate import Translator
    from openpyxl.xml.functions import fromstring

    out: dict[str, tuple] = {}
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        manifest = Manifest.from_tree(fromstring(zf.read("[Content_Types].xml")))
        wb_part = _find_workbook_part(manifest).PartName[1:]
        package = WorkbookPackage.from_tree(fromstring(zf.read(wb_part)))
        epoch = CALENDAR_MAC_1904 if package.properties.date1904 else CALENDAR_WINDOWS_1900
        rels = get_dependents(zf, get_rels_path(wb_part)).to_dict()
        sheets = []
        titles: list[str] = []
        for sheet in package.sheets:
            if not sheet.id:
                continue
            rel = rels[sheet.id]
            if rel.target not in names or "chartsheet" in rel.Type:
                continue
            title = sheet.name
            if sheet.state not in ("visible", "hidden", "veryHidden"):
                raise _Fallback("sheet state openpyxl would refuse")
            if INVALID_TITLE_REGEX.search(title) or any(t.lower() == title.lower() for t in titles):
                raise _Fallback("sheet title openpyxl would refuse or rename")
            titles.append(title)
            sheets.append((title, rel.target, sheet.state))
        formats_of, dates, deltas = _styles(zf, names)
        strings = _shared_strings(zf, manifest)
        kw = _xml_parser_kw()
        tags = (_ROW, _MERGE, _HYPERLINKS, _COL)
        for title, target, state in sheets:
            formats: dict[tuple[int, int], str] = {}
            formulas: dict[tuple[int, int], str] = {}
            errors: dict[tuple[int, int], str] = {}
            row_hidden: dict[int, bool] = {}
            merges: list[str] = []
            shared: dict[str, Translator] = {}
            row = 0
            last = (-1, -1)
            with zf.open(target) as src:
                for _, el in etree.iterparse(src, events=("end",), tag=tags, **kw):
                    tag = el.tag
                    if tag == _ROW:
                        attrs = el.attrib
                        r_attr = attrs.get("r")
                        if r_attr is not None:
                            try:
                                row = int(r_attr)
                            except ValueError:
                                val = float(r_attr)
                                if not val.is_integer():
                                    raise
                                row = int(val)
                        else:
                            row += 1
                        col = 0
                        if any(not k.startswith("{") and k not in ("r", "spans") for k in attrs.keys()):
                            s_attr = attrs.get("s")
                            if s_attr is not None:
                                formats_of[int(s_attr)]            # IndexError as in openpyxl
                            h = attrs.get("hidden", False)
                            if attrs.get("visible") is not None:
                                h = not attrs.get("visible")
                            row_hidden[row] = _ox_bool(h)
                        for c in el:
                            ctag = c.tag
                            if ctag != _C:
                                if isinstance(ctag, str):
                                    raise _Fallback("unexpected element in a row")
                                continue                           # a comment
                            data_type = c.get("t", "n")
                            coord = c.get("r")
                            style_id = c.get("s", 0)
                            if style_id:
                                style_id = int(style_id)
                            nf = formats_of[style_id]
                            value = fel = isel = None
                            for ch in c:                       # <v>, <f>, <is>: the first of each
                                ctag = ch.tag
                                if ctag == _V:
                                    if value is None:
                                        value = ch.text or ""
                                elif ctag == _F:
                                    if fel is None:
                                        fel = ch
                                elif ctag == _IS:
                                    if isel is None:
                                        isel = ch
                            if data_type == "inlineStr" or not value:
                                value = None
                            if coord:
                                m = _COORD.match(coord)
                                if m is None:
                                    raise _Fallback("unusual cell reference")
                                letters, digits = m.groups()
                                r, col = int(digits), _COLS.get(letters) or _col_index(letters)
                            else:
                                col += 1
                                r = row
                            if fel is not None:
                                data_type = "f"
                                ftype = fel.get("t")
                                value = "=" + fel.text if fel.text is not None else "="
                                if ftype == "array":
                                    value = "=" + value          # what _openpyxl_details records
                                elif ftype == "shared":
                                    idx = fel.get("si")
                                    if idx in shared:
                                        value = shared[idx].translate_formula(coord)
                                    elif value != "=":
                                        shared[idx] = Translator(value, coord)
                                elif ftype == "dataTable":
                                    raise _Fallback("dataTable formula")
                            elif value is not None:
                                if data_type == "n":
                                    value = _cast_number(value)
                                    if style_id in dates:
                                        try:
                                            from_excel(value, epoch, timedelta=style_id in deltas)
                                        except (OverflowError, ValueError):
                                            data_type = "e"
                                            value = "#VALUE!"
                                elif data_type == "s":
                                    value = strings[int(value)]
                                elif data_type == "b":
                                    value = bool(int(value))
                                elif data_type == "d":
                                    value = from_ISO8601(value)
                            elif data_type == "inlineStr":
                                if isel is not None:
                                    if len(isel) == 1 and isel[0].tag == _T:
                                        value = isel[0].text or ""
                                    else:
                                        value = _text_content(isel)
                            key = (r - 1, col - 1)
                            if key <= last:                      # a cell written twice: the last wins
                                formats.pop(key, None)
                                formulas.pop(key, None)
                                errors.pop(key, None)
                            else:
                                last = key
                            if value is None:
                                continue
                            if nf and nf != "General":
                                formats[key] = nf
                            if data_type == "e":
                                errors[key] = str(value)
                            elif isinstance(value, str) and value.startswith("="):
                                formulas[key] = value
                        el.clear()
                        while el.getprevious() is not None:
                            del el.getparent()[0]
                    elif tag == _MERGE:
                        merges.append(el.get("ref"))
                    elif tag == _HYPERLINKS:
                        raise _Fallback("hyperlinks can give an empty cell a value")
                    elif tag == _COL:
                        s_attr = el.get("style")
                        if s_attr is not None:
                            formats_of[int(s_attr)]
            for ref in merges:
                # every cell of a merged range but its top-left one is empty (openpyxl's MergedCell)
                c0, r0, c1, r1 = range_boundaries(ref)
                if None in (c0, r0, c1, r1):
                    raise _Fallback("whole-row or whole-column merge")
                for d in (formats, formulas, errors):
                    if not d:
                        continue
                    if (r1 - r0 + 1) * (c1 - c0 + 1) <= len(d):
                        for rr in range(r0 - 1, r1):
                            for cc in range(c0 - 1, c1):
                                if (rr, cc) != (r0 - 1, c0 - 1):
                                    d.pop((rr, cc), None)
                    else:
                        for k in [k for k in d if r0 - 1 <= k[0] < r1 and c0 - 1 <= k[1] < c1
                                  and k != (r0 - 1, c0 - 1)]:
                            del d[k]
            hidden_rows = {r - 1 for r, h in row_hidden.items() if h}
            out[title] = (formats, formulas, hidden_rows, state != "visible", errors)
    return out
