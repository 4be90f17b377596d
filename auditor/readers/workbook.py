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
    same = {}.setdefault      # one object per distinct text: exports repeat names and codes on every row
    wb = pc.CalamineWorkbook.from_path(path)
    try:
        meta = {m.name: m for m in wb.sheets_metadata}
        for name in wb.sheet_names:
            m = meta.get(name)
            if m is not None and "WorkSheet" not in str(m.typ):
                continue  # chart sheets and the like hold no cells
            sh = wb.get_sheet_by_name(name)
            # What to_python(skip_empty_area=False) gives, row by row (so the texts of a row are shared
            # before the next is made): iter_rows() starts at row 0 but at the used range's first column.
            # "" -> None; whole floats -> int (_whole_floats, inlined: this runs for every cell).
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
                rows = [[None if v == "" else
                         (int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 1e15 else v)
                         for v in row] for row in sh.to_python(skip_empty_area=False)]
            values[name] = rows
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
    """Something the fast pass does not reproduce exactly: use the openpyxl reference instead."""


def _details(path: str) -> dict[str, tuple]:
    try:
        return _fast_details(path)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - anything unusual: the reference implementation decides
        return _openpyxl_details(path)


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _V, _F, _IS, _T, _SI = _NS + "c", _NS + "v", _NS + "f", _NS + "is", _NS + "t", _NS + "si"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_COLS: dict[str, int] = {}
_XML_KW = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False,
           "remove_comments": True, "remove_pis": True}   # check_file has refused DTDs already


def _col_index(letters: str) -> int:
    n = _COLS.get(letters)
    if n is None:
        from openpyxl.utils.cell import column_index_from_string
        n = _COLS[letters] = column_index_from_string(letters)
    return n


def _text_content(node) -> str:
    """openpyxl's Text.from_tree(node).content; done here only for the plain case, one <t> child
    (whose text it is, whatever its attributes) and no attribute on the node itself."""
    if len(node) == 1 and node[0].tag == _T and not node.attrib:
        return node[0].text or ""
    from openpyxl.cell.text import Text
    return Text.from_tree(node).content      # runs, phonetics...: openpyxl's own parse, its own errors


def _fast_details(path: str) -> dict[str, tuple]:
    """openpyxl's own ExcelReader, in full (non read-only) mode, with two parts replaced: the shared
    strings are read with lxml, and each worksheet's rows go to a parser that records formats,
    formulas and errors instead of creating one Cell object per cell. Every other part (workbook,
    styles, properties, chart sheets, comments, drawings, tables, merged ranges, row and column
    dimensions, sheet properties) is parsed and bound by openpyxl's own code, so it succeeds and
    fails exactly as load_workbook does."""
    import warnings

    from lxml import etree
    from openpyxl.cell import MergedCell
    from openpyxl.comments.comment_sheet import CommentSheet
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.formula.translate import Translator
    from openpyxl.packaging.relationship import RelationshipList, get_dependents, get_rels_path
    from openpyxl.pivot.table import TableDefinition
    from openpyxl.reader.drawings import find_images
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
    from openpyxl.utils.datetime import from_excel, from_ISO8601
    from openpyxl.worksheet import _reader as R
    from openpyxl.worksheet._reader import _cast_number
    from openpyxl.worksheet.table import Table
    from openpyxl.xml.constants import COMMENTS_NS, SHARED_STRINGS
    from openpyxl.xml.functions import fromstring

    class SheetParser(R.WorkSheetParser):
        """WorkSheetParser.parse() with lxml; rows recorded, not turned into cells."""

        def __init__(self, src, reader, wb):
            super().__init__(src, reader.shared_strings, False, wb.epoch, wb._date_formats,
                             wb._timedelta_formats, False)
            self.wb = wb
            self.formats: dict[tuple[int, int], str] = {}
            self.formulas: dict[tuple[int, int], str] = {}
            self.errors: dict[tuple[int, int], str] = {}
            self.style_of: dict[Any, tuple[Any, str | None]] = reader.style_of
            self.last = (-1, -1)

        def parse(self):   # = WorkSheetParser.parse, lxml instead of ElementTree
            dispatcher = {
                R.COL_TAG: self.parse_column_dimensions, R.PROT_TAG: self.parse_sheet_protection,
                R.EXT_TAG: self.parse_extensions, R.CF_TAG: self.parse_formatting,
                R.LEGACY_TAG: self.parse_legacy, R.ROW_BREAK_TAG: self.parse_row_breaks,
                R.COL_BREAK_TAG: self.parse_col_breaks, R.CUSTOM_VIEWS_TAG: self.parse_custom_views,
            }
            properties = {
                R.PRINT_TAG: ('print_options', R.PrintOptions), R.MARGINS_TAG: ('page_margins', R.PageMargins),
                R.PAGE_TAG: ('page_setup', R.PrintPageSetup), R.HEADER_TAG: ('HeaderFooter', R.HeaderFooter),
                R.FILTER_TAG: ('auto_filter', R.AutoFilter), R.VALIDATION_TAG: ('data_validations', R.DataValidationList),
                R.PROPERTIES_TAG: ('sheet_properties', R.WorksheetProperties), R.VIEWS_TAG: ('views', R.SheetViewList),
                R.FORMAT_TAG: ('sheet_format', R.SheetFormatProperties), R.SCENARIOS_TAG: ('scenarios', R.ScenarioList),
                R.TABLE_TAG: ('tables', R.TablePartList), R.HYPERLINK_TAG: ('hyperlinks', R.HyperlinkList),
                R.MERGE_TAG: ('merged_cells', R.MergeCells),
            }
            tags = [R.ROW_TAG, *dispatcher, *properties]
            for _, element in etree.iterparse(self.source, events=("end",), tag=tags, **_XML_KW):
                tag = element.tag
                if tag == R.ROW_TAG:
                    self.parse_row(element)
                    element.clear()
                    while element.getprevious() is not None:   # keep memory flat (ET keeps them)
                        del element.getparent()[0]
                elif tag in dispatcher:
                    dispatcher[tag](element)
                    element.clear()
                else:
                    attr, cls = properties[tag]
                    setattr(self, attr, cls.from_tree(element))
                    element.clear()
            return
            yield                                              # a generator, like the original

        def parse_row(self, row):   # = WorkSheetParser.parse_row + parse_cell, then what _openpyxl_details records
            attrs = dict(row.attrib)
            if "r" in attrs:
                try:
                    self.row_counter = int(attrs['r'])
                except ValueError:
                    val = float(attrs['r'])
                    if val.is_integer():
                        self.row_counter = int(val)
                    else:
                        raise ValueError(f"{attrs['r']} is not a valid row number")
            else:
                self.row_counter += 1
            self.col_counter = 0
            keys = {k for k in attrs if not k.startswith('{')}
            if keys - {'r', 'spans'}:
                self.row_dimensions[str(self.row_counter)] = attrs
            # one pass over the cells, everything the loop needs in locals (it runs for every cell)
            style_of, formats, formulas, errors = self.style_of, self.formats, self.formulas, self.errors
            dates = self.date_formats
            row_counter, col, last = self.row_counter, self.col_counter, self.last
            for c in row:
                if c.tag != _C:
                    raise _Fallback("an element other than <c> in a row")
                data_type = c.get("t", "n")
                coord = c.get("r")
                s_attr = c.get("s")
                st = style_of.get(s_attr)
                if st is None:                             # openpyxl: int(s) if s else 0, then its style
                    st = style_of[s_attr] = self.style(s_attr)
                style_id, nf = st
                value = fel = isel = None
                n = len(c)
                if n == 1:                                 # the first <v>, <f>, <is>
                    ch = c[0]
                    ctag = ch.tag
                    if ctag == _V:
                        value = ch.text or ""
                    elif ctag == _F:
                        fel = ch
                    elif ctag == _IS:
                        isel = ch
                elif n:
                    for ch in c:
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
                if coord:                                  # [A-Z]{1,3}[1-9][0-9]{0,6}, else openpyxl decides
                    digits = coord.lstrip(_UPPER)
                    nl = len(coord) - len(digits)
                    if not (0 < nl <= 3 and 0 < len(digits) <= 7 and digits.isdigit() and digits.isascii()
                            and digits[0] != "0"):
                        raise _Fallback("unusual cell reference")
                    letters = coord[:nl]
                    r, col = int(digits), _COLS.get(letters) or _col_index(letters)
                else:
                    col += 1
                    r = row_counter
                if fel is not None:
                    data_type = "f"
                    value = self.formula(fel, coord)
                elif value is not None:
                    if data_type == "n":
                        value = _cast_number(value)
                        if style_id in dates:
                            try:
                                from_excel(value, self.epoch, timedelta=style_id in self.timedelta_formats)
                            except (OverflowError, ValueError):
                                data_type = "e"
                                value = "#VALUE!"
                    elif data_type == "s":
                        value = self.shared_strings[int(value)]
                    elif data_type == "b":
                        value = bool(int(value))
                    elif data_type == "d":
                        value = from_ISO8601(value)
                elif data_type == "inlineStr" and isel is not None:
                    value = _text_content(isel)
                key = (r - 1, col - 1)
                if key <= last:                            # a cell written twice: the last one wins
                    formats.pop(key, None)
                    formulas.pop(key, None)
                    errors.pop(key, None)
                else:
                    last = key
                if value is None:
                    continue
                if nf is not None:
                    formats[key] = nf
                if data_type == "e":
                    errors[key] = str(value)
                elif isinstance(value, str) and value.startswith("="):
                    formulas[key] = value
            self.col_counter, self.last = col, last
            return self.row_counter, []

        def style(self, s_attr):
            """(style index, its number format if not General) as openpyxl reads a cell's s attribute."""
            style_id = int(s_attr) if s_attr else (s_attr if s_attr is not None else 0)
            fid = self.wb._cell_styles[style_id].numFmtId      # IndexError/TypeError: openpyxl's too
            nf = BUILTIN_FORMATS.get(fid, "General") if fid < BUILTIN_FORMATS_MAX_SIZE \
                else self.wb._number_formats[fid - BUILTIN_FORMATS_MAX_SIZE]
            return style_id, (nf if nf and nf != "General" else None)

        def formula(self, fel, coord):
            """= WorkSheetParser.parse_formula, as _openpyxl_details records it."""
            ftype = fel.get("t")
            value = "=" + fel.text if fel.text is not None else "="
            if ftype == "array":
                value = "=" + value                        # _openpyxl_details: "=" + ArrayFormula.text
            elif ftype == "shared":
                idx = fel.get("si")
                if idx in self.shared_formulae:
                    value = self.shared_formulae[idx].translate_formula(coord)
                elif value != "=":
                    self.shared_formulae[idx] = Translator(value, coord)
            elif ftype == "dataTable":
                raise _Fallback("dataTable formula")
            return value

    class Reader(ExcelReader):
        def __init__(self, fn):
            super().__init__(fn, read_only=False, keep_vba=False, data_only=False, keep_links=False,
                             rich_text=False)
            self.style_of: dict = {}
            self.parsers: list = []

        def read_strings(self):   # = read_string_table, with lxml
            ct = self.package.find(SHARED_STRINGS)
            if ct is not None:
                out = []
                with self.archive.open(ct.PartName[1:]) as src:
                    for _, si in etree.iterparse(src, events=("end",), tag=_SI, **_XML_KW):
                        out.append(_text_content(si).replace('x005F_', ''))
                        si.clear()
                        while si.getprevious() is not None:
                            del si.getparent()[0]
                self.shared_strings = out

        def read_worksheets(self):   # = ExcelReader.read_worksheets (full mode) with SheetParser
            comment_warning = """Cell '{0}':{1} is part of a merged range but has a comment which will be removed because merged cells cannot contain any data."""
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                rels_path = get_rels_path(rel.target)
                rels = RelationshipList()
                if rels_path in self.valid_files:
                    rels = get_dependents(self.archive, rels_path)
                fh = self.archive.open(rel.target)
                ws = self.wb.create_sheet(sheet.name)
                ws._rels = rels
                ws_parser = R.WorksheetReader(ws, fh, self.shared_strings, self.data_only, self.rich_text)
                ws_parser.parser = SheetParser(fh, self, self.wb)
                ws_parser.bind_all()
                fh.close()
                self.parsers.append((ws, ws_parser.parser))
                if ws_parser.parser.hyperlinks.hyperlink:
                    raise _Fallback("hyperlinks give the empty cells they point at a value")
                for r in rels.find(COMMENTS_NS):
                    src = self.archive.read(r.target)
                    comment_sheet = CommentSheet.from_tree(fromstring(src))
                    for ref, comment in comment_sheet.comments:
                        try:
                            ws[ref].comment = comment
                        except AttributeError:
                            c = ws[ref]
                            if isinstance(c, MergedCell):
                                warnings.warn(comment_warning.format(ws.title, c.coordinate))
                                continue
                if self.wb.vba_archive and ws.legacy_drawing:
                    ws.legacy_drawing = rels.get(ws.legacy_drawing).target
                else:
                    ws.legacy_drawing = None
                for t in ws_parser.tables:
                    src = self.archive.read(t)
                    xml = fromstring(src)
                    table = Table.from_tree(xml)
                    ws.add_table(table)
                drawings = rels.find(SpreadsheetDrawing._rel_type)
                for rel in drawings:
                    charts, images = find_images(self.archive, rel.target)
                    for c in charts:
                        ws.add_chart(c, c.anchor)
                    for im in images:
                        ws.add_image(im, im.anchor)
                pivot_rel = rels.find(TableDefinition.rel_type)
                pivot_caches = self.parser.pivot_caches
                for r in pivot_rel:
                    pivot_path = r.Target
                    src = self.archive.read(pivot_path)
                    tree = fromstring(src)
                    pivot = TableDefinition.from_tree(tree)
                    pivot.cache = pivot_caches[pivot.cacheId]
                    ws.add_pivot(pivot)
                ws.sheet_state = sheet.state

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # as in _openpyxl_details
        reader = Reader(path)
        try:
            reader.read()
        finally:
            reader.archive.close()
    out: dict[str, tuple] = {}
    for ws, p in reader.parsers:
        if any(c._value is not None for c in ws._cells.values()):
            raise _Fallback("a cell got a value some other way")
        formats, formulas, errors = p.formats, p.formulas, p.errors
        for rng in ws.merged_cells.ranges:   # every cell of a merged range but its top-left is empty
            r0, c0, r1, c1 = rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1
            for d in (formats, formulas, errors):
                if not d:
                    continue
                if (r1 - r0 + 1) * (c1 - c0 + 1) <= len(d):
                    for rr in range(r0, r1 + 1):
                        for cc in range(c0, c1 + 1):
                            if rr != r0 or cc != c0:
                                d.pop((rr, cc), None)
                else:
                    for k in [k for k in d if r0 <= k[0] <= r1 and c0 <= k[1] <= c1 and k != (r0, c0)]:
                        del d[k]
        hidden_rows = {r - 1 for r, dim in ws.row_dimensions.items() if dim.hidden}
        out[ws.title] = (formats, formulas, hidden_rows, ws.sheet_state != "visible", errors)
    return out
