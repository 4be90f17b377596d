"""The details pass of the xlsx reader: number formats, formulas, errors, hidden rows and sheets.

``details()`` reproduces exactly what ``openpyxl.load_workbook`` followed by
``_openpyxl_details`` gives (the reference, kept below), at a small fraction of the cost and, for the
usual workbook, without importing openpyxl. It reads the package parts itself: content types,
workbook.xml and its relationships (sheet titles, states, parts), styles.xml (the number format each
cell style shows, which styles are dates) and the shared strings (how many, and the few whose text
starts with "=") with lxml; and each worksheet's sheetData as bytes: one regular expression first
checks that the whole of it has the shape Excel and openpyxl write (cells with r, s, t in that order;
a formula, a value or a plain inline string; numbers Python reads), then narrower ones pick out the
cells that matter - a number format with a value, a formula, an error, a text starting with "=", a
date openpyxl cannot convert - so that no Python code runs for the other cells. A sheetData of another
shape (a cell without r or written twice, comments, rich inline strings...) is read cell by cell with
lxml instead. What neither way models like openpyxl (a dataTable formula, hyperlinks, a style index out
of range, strict OOXML, a sheet title openpyxl would rename, a chart sheet with a drawing...) raises
_Fallback and the reference decides, exceptions included. The parts that do not change the result
(comments, drawings, tables, document properties, theme) are not parsed: one that openpyxl would refuse
no longer makes the details pass fail.
"""
from __future__ import annotations

import os
import re
import threading
import warnings
from operator import itemgetter


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


def details(path: str) -> dict[str, tuple]:
    try:
        return _fast_details(path)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - anything unusual: the reference implementation decides
        return _openpyxl_details(path)


# Package parts as openpyxl's ExcelReader finds them.
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS = "{" + _MAIN + "}"
_C, _V, _F, _IS, _T, _ROW = _NS + "c", _NS + "v", _NS + "f", _NS + "is", _NS + "t", _NS + "row"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RID = "{" + _RELS + "}id"
_WORKBOOK_TYPES = ("application/vnd.ms-excel.template.macroEnabled.main+xml",                   # XLTM
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",  # XLTX
                   "application/vnd.ms-excel.sheet.macroEnabled.main+xml",                      # XLSM
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")     # XLSX
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_XML_KW = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False,
           "remove_comments": True, "remove_pis": True}   # check_file has refused DTDs already

# openpyxl.styles.numbers.BUILTIN_FORMATS (and how it tells dates and durations), copied so that the
# usual workbook is read without importing openpyxl at all; tests/test_reader_fast_details.py checks
# the copy against the installed openpyxl.
_BUILTIN_FORMATS = {
    0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy',
    16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
    22: 'm/d/yy h:mm', 37: '#,##0_);(#,##0)', 38: '#,##0_);[Red](#,##0)', 39: '#,##0.00_);(#,##0.00)',
    40: '#,##0.00_);[Red](#,##0.00)', 41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)', 45: 'mm:ss', 46: '[h]:mm:ss',
    47: 'mmss.0', 48: '##0.0E+0', 49: '@',
}
_BUILTIN_REVERSE = {v: k for k, v in _BUILTIN_FORMATS.items()}
_BUILTIN_MAX = 164                                   # BUILTIN_FORMATS_MAX_SIZE: custom ids start here
_DATE_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHAR = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r'\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?', re.I)


def _is_date_format(fmt: str | None) -> bool:          # = openpyxl.styles.numbers.is_date_format
    if fmt is None:
        return False
    return _DATE_CHAR.search(_DATE_STRIP.sub("", fmt.split(";")[0])) is not None


def _is_timedelta_format(fmt: str | None) -> bool:     # = openpyxl.styles.numbers.is_timedelta_format
    if fmt is None:
        return False
    return _DURATION.search(fmt.split(";")[0]) is not None


_BAD_FORMAT = object()   # a number format id openpyxl cannot resolve: IndexError for any cell with a value


class _ColIdx(dict):
    """column letters (str or bytes, A..ZZZ) -> 0-based index"""

    def __missing__(self, key):
        n = 0
        for ch in (key.encode() if isinstance(key, str) else key):
            n = n * 26 + ch - 64
        self[key] = n - 1
        return n - 1


_COLS = _ColIdx()


class _RowIdx(dict):
    """row number (bytes) -> 0-based index"""

    def __missing__(self, key):
        self[key] = n = int(key) - 1
        return n


def _bool(value) -> bool:
    """openpyxl's Bool descriptor: the strings "false", "f", "0" are False, any other text is truthy"""
    if isinstance(value, str) and value in ("false", "f", "0"):
        return False
    return bool(value)


def _local(tag) -> str | None:
    return tag.rpartition("}")[2] if isinstance(tag, str) else None


_PARSERS = threading.local()   # an lxml parser is not to be shared between threads


def _parser():
    parser = getattr(_PARSERS, "xml", None)
    if parser is None:
        from lxml import etree
        parser = _PARSERS.xml = etree.XMLParser(**_XML_KW)
    return parser


_DTD = re.compile(rb"<!(?!--|\[CDATA\[)")


def _xml(data: bytes, comments_ok: bool = False):
    """A package part parsed with lxml (entities never expanded, nothing fetched, comments dropped).
    openpyxl keeps the comments of the small parts and trips on them: those are left to it, and so
    is a document type declaration (check_file refuses them anyway)."""
    from lxml import etree
    if (_DTD.search(data) if comments_ok else b"<!" in data):
        raise _Fallback("document type declaration, comment or CDATA in a package part")
    return etree.fromstring(data, _parser())


def _attrs(el, allowed: tuple[str, ...]) -> dict:
    """The attributes of `el`, which openpyxl turns into keyword arguments: any other un-namespaced
    one is a TypeError there, namespaced ones are dropped."""
    out = {}
    for k, v in el.attrib.items():
        if k.startswith("{"):
            continue
        if k not in allowed:
            raise _Fallback(f"attribute {k} on {_local(el.tag)}")
        out[k] = v
    return out


def _rels(z, path: str) -> list[tuple]:
    """openpyxl's get_dependents: (Id, Type, target) with targets made absolute inside the zip."""
    import posixpath
    root = _xml(z.read(path))
    out = []
    for el in root:
        if not isinstance(el.tag, str):
            continue
        a = {k: v for k, v in el.attrib.items() if not k.startswith("{")}
        if set(a) - {"Id", "Type", "type", "Target", "TargetMode"}:
            return []                                   # TypeError, caught there: no relationships
        rtype = a.get("Type")
        if a.get("type") is not None:
            rtype = f"{_RELS}/{a['type']}"
        if rtype is None or a.get("Target") is None:
            return []
        out.append([a.get("Id"), rtype, a["Target"], a.get("TargetMode")])
    parent = posixpath.split(posixpath.dirname(path))[0]
    for r in out:
        if r[3] == "External":
            continue
        if r[2].startswith("/"):
            r[2] = r[2][1:]
        else:
            r[2] = posixpath.normpath(posixpath.join(parent, r[2]))
    return [tuple(r[:3]) for r in out]


def _rels_path(path: str) -> str:
    import posixpath
    folder, name = posixpath.split(path)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _manifest(z) -> tuple[str, str | None]:
    """(workbook part, shared strings part) from [Content_Types].xml, as ExcelReader finds them."""
    root = _xml(z.read("[Content_Types].xml"))
    defaults, overrides = [], []
    for el in root:
        name = _local(el.tag)
        if name == "Default":
            a = _attrs(el, ("Extension", "ContentType"))
            if len(a) != 2:
                raise _Fallback("incomplete Default")
            defaults.append(a["ContentType"])
        elif name == "Override":
            a = _attrs(el, ("PartName", "ContentType"))
            if len(a) != 2:
                raise _Fallback("incomplete Override")
            overrides.append((a["PartName"], a["ContentType"]))
    part = None
    for ct in _WORKBOOK_TYPES:
        part = next((p for p, t in overrides if t == ct), None)
        if part is not None:
            part = part[1:]
            break
    if part is None:
        if not set(defaults) & set(_WORKBOOK_TYPES):
            raise _Fallback("no workbook part")
        part = "xl/workbook.xml"
    strings = next((p[1:] for p, t in overrides if t == _SHARED_STRINGS), None)
    return part, strings


_INVALID_TITLE = re.compile(r'[\\*?:/\[\]]')
_PRINT_TITLES = re.compile(r"(?:(?:'(?:[^']|'')+'|[^'!,]+)!\$?(?:\d+:\$?\d+|[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}),?)+")


def _workbook(z, part: str, names: set) -> tuple[list[tuple], bool]:
    """The sheets openpyxl reads, in order: (title, part, state, is a chart sheet); and date1904."""
    root = _xml(z.read(part))
    if root.tag != _NS + "workbook":
        raise _Fallback("not a transitional SpreadsheetML workbook")
    date1904, sheets, defined = None, None, None
    for el in root:
        name = _local(el.tag)
        if name == "workbookPr":
            date1904 = el.get("date1904")
        elif name == "sheets":
            sheets = el
        elif name == "definedNames":
            defined = el
    if defined is not None:   # assign_names: a print titles definition openpyxl cannot parse raises
        for el in defined:
            if not isinstance(el.tag, str):
                continue
            if el.get("name") is None:
                raise _Fallback("defined name without a name")
            sheet_id = el.get("localSheetId")
            if sheet_id is not None:
                int(sheet_id)
                if el.get("name").startswith("_xlnm.Print_Titles") and \
                        not _PRINT_TITLES.fullmatch(el.text or ""):
                    raise _Fallback("print titles")
    rels = None
    out, seen = [], set()
    for el in (sheets if sheets is not None else ()):
        if not isinstance(el.tag, str):
            continue
        a = _attrs(el, ("name", "sheetId", "state", "id"))
        rid = el.get(_RID, a.get("id"))
        title, state = a.get("name"), a.get("state", "visible")
        if title is None or a.get("sheetId") is None:
            raise _Fallback("sheet without name or sheetId")
        int(a["sheetId"])
        if state not in ("visible", "hidden", "veryHidden"):
            raise _Fallback(f"sheet state {state}")
        if not rid:
            continue                                     # openpyxl warns and skips it
        if rels is None:
            rels = {r[0]: r for r in _rels(z, _rels_path(part))}
        rel = rels.get(rid)
        if rel is None:
            raise _Fallback("sheet relationship missing")
        if rel[2] not in names:
            continue
        if not title or _INVALID_TITLE.search(title) or title.lower() in seen:
            raise _Fallback("empty, invalid or duplicate sheet title")   # openpyxl renames or raises
        seen.add(title.lower())
        out.append((title, rel[2], state, "chartsheet" in rel[1]))
    return out, date1904 is not None and _bool(date1904)


_XF_KEYS = ("numFmtId", "fontId", "fillId", "borderId", "xfId", "quotePrefix", "pivotButton", "applyNumberFormat",
            "applyFont", "applyFill", "applyBorder", "applyAlignment", "applyProtection")
_HORIZONTAL = {"general", "left", "center", "right", "fill", "justify", "centerContinuous", "distributed", "none"}
_VERTICAL = {"top", "center", "bottom", "justify", "distributed", "none"}


def _check_xf_child(el) -> None:
    """What openpyxl's Alignment / Protection of a cell style would raise on."""
    name = _local(el.tag)
    if name == "alignment":
        a = _attrs(el, ("horizontal", "vertical", "textRotation", "wrapText", "shrinkToFit", "indent",
                        "relativeIndent", "justifyLastLine", "readingOrder", "text_rotation", "wrap_text",
                        "shrink_to_fit", "mergeCell"))
        if a.get("horizontal", "none") not in _HORIZONTAL or a.get("vertical", "none") not in _VERTICAL:
            raise _Fallback("alignment value")
        rotation = a.get("text_rotation", a.get("textRotation"))
        if rotation is not None and not (0 <= int(rotation) <= 180 or int(rotation) == 255):
            raise _Fallback("text rotation")
        for k, lo, hi in (("indent", 0, 255), ("relativeIndent", -255, 255), ("readingOrder", 0, float("inf"))):
            if k in a and not lo <= float(a[k]) <= hi:
                raise _Fallback(f"alignment {k}")
    elif name == "protection":
        _attrs(el, ("locked", "hidden"))


class _Styles:
    """What openpyxl's stylesheet gives a cell: per cellXfs index, the number format shown (None for
    General, _BAD_FORMAT if openpyxl cannot resolve it); the date and duration styles; whether every
    style's border exists (a merged range formats its borders from the top-left cell's)."""

    def __init__(self, z, names: set):
        self.nfs: list = [None]
        self.dates: set[int] = set()
        self.durations: set[int] = set()
        self.borders_ok = True
        if "xl/styles.xml" not in names:
            return
        root = _xml(z.read("xl/styles.xml"))
        parts: dict = {}
        for el in root:
            name = _local(el.tag)
            if name:
                parts[name] = el                         # the last one wins, as in from_tree
        custom: dict[int, str] = {}
        for el in parts.get("numFmts", ()):
            if _local(el.tag) == "numFmt":
                a = _attrs(el, ("numFmtId", "formatCode"))
                if len(a) != 2:
                    raise _Fallback("incomplete numFmt")
                custom[int(a["numFmtId"])] = a["formatCode"]
        counts = {k: sum(isinstance(c.tag, str) for c in parts[k]) if k in parts else 0
                  for k in ("fonts", "fills", "borders")}
        style_xfs = [el for el in parts.get("cellStyleXfs", ()) if _local(el.tag) == "xf"]
        for el in parts.get("cellStyles", ()):          # _merge_named_styles: fonts[..], fills[..]...
            if _local(el.tag) != "cellStyle":
                continue
            x = el.get("xfId")
            if x is None or not -len(style_xfs) <= int(x) < len(style_xfs):
                raise _Fallback("named style without its xf")
            xf = style_xfs[int(x)]
            for attr, kind in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
                if not -counts[kind] <= int(xf.get(attr, 0)) < counts[kind]:
                    raise _Fallback(f"named style {attr} out of range")
        xfs = [el for el in parts.get("cellXfs", ()) if _local(el.tag) == "xf"]
        if not xfs:
            return                                       # openpyxl keeps its defaults
        listed: dict[str, int] = {}                      # stylesheet.number_formats (an IndexedList)
        ids = []
        for i, xf in enumerate(xfs):
            _attrs(xf, _XF_KEYS)
            for child in xf:
                _check_xf_child(child)
            for attr in ("fontId", "fillId", "borderId", "xfId"):
                v = xf.get(attr)
                if v is not None and not -2**31 <= int(v) < 2**31:
                    raise _Fallback("style index beyond a StyleArray")
            if not -counts["borders"] <= int(xf.get("borderId", 0)) < counts["borders"]:
                self.borders_ok = False
            fid = int(xf.get("numFmtId", 0))
            if fid in custom:
                fmt = custom[fid]
                if fmt in _BUILTIN_REVERSE:
                    fid = _BUILTIN_REVERSE[fmt]
                else:
                    fid = listed.setdefault(fmt, len(listed)) + _BUILTIN_MAX
            else:
                fmt = _BUILTIN_FORMATS.get(fid)
            if not -2**31 <= fid < 2**31:
                raise _Fallback("number format id beyond a StyleArray")
            if _is_date_format(fmt):
                self.dates.add(i)
            if _is_timedelta_format(fmt):
                self.durations.add(i)
            ids.append(fid)
        formats = list(listed)
        self.nfs = []
        for fid in ids:
            if fid < _BUILTIN_MAX:
                nf = _BUILTIN_FORMATS.get(fid, "General")
            elif fid - _BUILTIN_MAX < len(formats):
                nf = formats[fid - _BUILTIN_MAX]
            else:
                nf = _BAD_FORMAT
            self.nfs.append(nf if nf is _BAD_FORMAT or (nf and nf != "General") else None)


def _si_text(el) -> str:
    """openpyxl's Text.from_tree(el).content: the plain text, then the text of each run (phonetic
    runs left out)."""
    plain, runs = None, []
    for ch in el:
        name = _local(ch.tag)
        if name == "t":
            plain = ch.text
        elif name == "r":
            t = None
            for x in ch:
                if _local(x.tag) == "t":
                    t = x.text
            runs.append(t)
    return "".join([plain] if plain is not None else []) + "".join(t for t in runs if t is not None)


def _text_content(node) -> str:
    """openpyxl's Text.from_tree(node).content; done here only for the plain case, one <t> child
    (whose text it is, whatever its attributes) and no attribute on the node itself."""
    if len(node) == 1 and node[0].tag == _T and not node.attrib:
        return node[0].text or ""
    from openpyxl.cell.text import Text
    return Text.from_tree(node).content      # runs, phonetics...: openpyxl's own parse, its own errors


_XML_DECL = re.compile(rb"<\?xml\s[^>]*?\?>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
_ROOT_TAG = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)"                 # prefix, name
                       rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""")    # attributes
_ATTR = re.compile(rb"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _root(data: bytes, local: bytes | None) -> tuple[int, bytes, set]:
    """Where the root start tag of a part ends, the prefix its elements in the SpreadsheetML
    namespace carry (b"" or b"x:"), and the prefixes it declares. UTF-8 only; the root must be in
    that namespace, bound once."""
    i = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    m = _XML_DECL.match(data, i)
    if m:
        enc = _ENCODING.search(m.group())
        if enc and enc.group(1).lower() not in (b"utf-8", b"utf8"):
            raise _Fallback("not UTF-8")
        i = m.end()
    while data[i:i + 1] in (b" ", b"\t", b"\r", b"\n"):
        i += 1
    m = _ROOT_TAG.match(data, i)
    if not m or (local is not None and m.group(2) != local):
        raise _Fallback("unexpected start of the part")
    bound = {}
    for a in _ATTR.finditer(m.group(3)):
        name, value = a.group(1), a.group(2) if a.group(2) is not None else a.group(3)
        if name == b"xmlns" or name.startswith(b"xmlns:"):
            bound[name[6:]] = value
    prefix = m.group(1) or b""
    main = _MAIN.encode()
    if bound.get(prefix) != main or list(bound.values()).count(main) != 1:
        raise _Fallback("SpreadsheetML namespace not bound once on the root (strict OOXML?)")
    return m.end(), (prefix + b":" if prefix else b""), set(bound) | {b"xml"}


_MAYBE_EQ = re.compile(rb">=|>&|x005F_")   # where a text may start with "=" (or become so)


def _shared_strings(data: bytes) -> tuple[int, dict[int, str]]:
    """(how many shared strings, {index: text} of those that start with "=" once read as openpyxl
    reads them). Only the strings whose XML shows a text starting with "=" or an entity, or
    openpyxl's "x005F_" unescaping, are parsed."""
    start, p, _ = _root(data, b"sst")
    si = b"<" + p + b"si"
    n = data.count(si + b">", start) + data.count(si + b"/>", start)
    if n != data.count(si, start) or data.find(b"<!", start) >= 0 or data.find(b"xmlns", start) >= 0:
        return _shared_strings_lxml(data)
    from lxml import etree
    decl = b' xmlns' + (b":" + p[:-1] if p else b"") + b'="' + _MAIN.encode() + b'"'
    end_tag = b"</" + p + b"si>"
    eq: dict[int, str] = {}
    idx, last, done = -1, start, -1
    for m in _MAYBE_EQ.finditer(data, start):
        pos = m.start()
        idx += data.count(si, last, pos + 1)
        last = pos + 1
        if idx == done or idx < 0:
            continue
        done = idx
        begin = data.rfind(si, 0, pos + 1)
        if data.startswith(si + b"/>", begin):
            continue
        end = data.find(end_tag, begin)
        if end < 0 or end < pos:
            continue                                     # after the last string (extLst)
        el = etree.fromstring(si + decl + data[begin + len(si):end + len(end_tag)], _parser())
        text = _si_text(el).replace("x005F_", "")
        if text.startswith("="):
            eq[idx] = text
    return n, eq


def _shared_strings_lxml(data: bytes) -> tuple[int, dict[int, str]]:
    from io import BytesIO

    from lxml import etree
    n, eq = 0, {}
    for _, el in etree.iterparse(BytesIO(data), events=("end",), tag=_NS + "si", **_XML_KW):
        text = _si_text(el).replace("x005F_", "")
        if text.startswith("="):
            eq[n] = text
        n += 1
        el.clear()
        while el.getprevious() is not None:
            del el.getparent()[0]
    return n, eq


_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _char(m) -> str:
    if m.group(1):
        return _NAMED[m.group(1)]
    cp = int(m.group(2), 10) if m.group(2) else int(m.group(3), 16)
    if not (cp in (9, 10, 13) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF):
        raise _Fallback("character reference to a character XML does not allow")
    return chr(cp)


def _xml_text(raw: bytes) -> str:
    """The text an XML parser gives for raw character data without markup: line ends normalised,
    the five XML entities and character references replaced (anything else: _Fallback)."""
    s = raw.decode("utf-8")
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in s:
        n = s.count("&")
        s, k = _ENTITY.subn(_char, s)
        if k != n:
            raise _Fallback("entity other than the XML ones")
    return s


def _xml_attr(raw: bytes) -> str:
    """An attribute value as an XML parser gives it (whitespace characters become spaces)."""
    s = _xml_text(raw)
    return s.replace("\n", " ").replace("\t", " ") if ("\n" in s or "\t" in s) else s


class _Book:
    """What every sheet of a workbook needs: styles, shared strings, epoch."""

    def __init__(self, styles: _Styles, n_strings: int, eq_strings: dict[int, str], date1904: bool):
        self.styles = styles
        self.nfs = styles.nfs
        self.n_strings = n_strings
        self.eq_strings = eq_strings
        self.date1904 = date1904
        # the same as s="..." reads them (b"" for a cell without s): number format shown, date styles
        self.shown = {str(i).encode(): nf for i, nf in enumerate(self.nfs) if nf is not None}
        self.date_styles = {str(i).encode() for i in styles.dates}
        if b"0" in self.shown:
            self.shown[b""] = self.shown[b"0"]
        if b"0" in self.date_styles:
            self.date_styles.add(b"")
        self.bad_format = any(nf is _BAD_FORMAT for nf in self.nfs)

    def shared(self, value: str):
        """self.shared_strings[int(value)] as openpyxl does it, told apart only by "=" texts."""
        i = int(value)
        if i < 0:
            i += self.n_strings
        if not 0 <= i < self.n_strings:
            raise _Fallback("shared string index out of range")
        return self.eq_strings.get(i, "")

    def date_error(self, value, style_id) -> bool:
        """Whether openpyxl turns this number, in a date-formatted cell, into a #VALUE! error
        (from_excel overflowing). Only numbers far outside year 1..9999 need the real check."""
        if type(value) is int or type(value) is float:
            if -693000.0 < value < 2957000.0:
                return False
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel
        try:
            from_excel(value, CALENDAR_MAC_1904 if self.date1904 else WINDOWS_EPOCH,
                       timedelta=style_id in self.styles.durations)
        except (OverflowError, ValueError):
            return True
        return False


def _cast_number(value: str):   # = openpyxl.worksheet._reader._cast_number
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


def _from_iso(value: str):
    from openpyxl.utils.datetime import from_ISO8601
    return from_ISO8601(value)


_ROW_KEYS = {"r", "spans"}


def _row_hidden(attrs: dict, book: _Book) -> bool:
    """RowDimension(ws, **attrs).hidden, and its errors, for the attributes of a <row> that openpyxl
    keeps (any un-namespaced one besides r and spans)."""
    if "worksheet" in attrs or "self" in attrs:
        raise _Fallback("row attribute named like a RowDimension argument")
    if "s" in attrs:
        k = int(attrs["s"])
        if not -len(book.nfs) <= k < len(book.nfs):
            raise _Fallback("row style out of range")
    index = attrs["r"] if attrs.get("r") is not None else attrs.get("index", 0)
    int(index)
    ht = attrs["height"] if attrs.get("height") is not None else attrs.get("ht")
    if ht is not None:
        float(ht)
    level = attrs["outline_level"] if attrs.get("outline_level") is not None else attrs.get("outlineLevel", 0)
    if level is not None:
        int(level)
    hidden = attrs.get("hidden", False)
    if attrs.get("visible") is not None:
        hidden = not attrs["visible"]
    return _bool(hidden)


_COL_KEYS = frozenset(("index", "width", "bestFit", "hidden", "outlineLevel", "outline_level", "collapsed", "style",
             "min", "max", "customWidth", "visible", "auto_size"))


def _check_col(el, book: _Book) -> None:
    """What parse_column_dimensions + ColumnDimension(ws, **attrs) would raise on."""
    a = dict(el.attrib)
    if not _COL_KEYS.issuperset(a):
        raise _Fallback("column attribute ColumnDimension does not take")
    if "min" not in a or not 1 <= int(a["min"]) <= 18278:
        raise _Fallback("column without a valid min")
    if "style" in a and not -len(book.nfs) <= int(a["style"]) < len(book.nfs):
        raise _Fallback("column style out of range")
    if "width" in a:
        float(a["width"])
    for k in ("min", "max", "outlineLevel", "outline_level"):
        if k in a:
            int(a[k])


_MERGE_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)(?::([A-Z]{1,3})([1-9][0-9]*))?")


def _outside(root, book: _Book) -> list[tuple[int, int, int, int]]:
    """Check the worksheet elements other than the cells as openpyxl binds them; the merged ranges."""
    for el in root.iter(_ROW, _NS + "hyperlinks"):
        if el.tag == _ROW:
            raise _Fallback("a row outside sheetData")
        if any(_local(x.tag) == "hyperlink" for x in el):
            raise _Fallback("hyperlinks give the empty cells they point at a value")
    merge = None
    for el in root.iter(_NS + "col", _NS + "mergeCells"):
        if el.tag == _NS + "col":
            _check_col(el, book)
        else:
            merge = el                                   # the last one wins
    ranges = []
    if merge is not None:
        _attrs(merge, ("count",))
        for el in merge:
            if _local(el.tag) != "mergeCell":
                continue
            ref = _attrs(el, ("ref",)).get("ref")
            m = _MERGE_REF.fullmatch(ref or "")
            if not m:
                raise _Fallback("unusual merged range")
            c0, r0 = _COLS[m.group(1)], int(m.group(2)) - 1
            c1, r1 = (_COLS[m.group(3)], int(m.group(4)) - 1) if m.group(3) else (c0, r0)
            if r0 > r1 or c0 > c1:
                raise _Fallback("reversed merged range")
            ranges.append((r0, c0, r1, c1))
        if ranges and not book.styles.borders_ok:
            raise _Fallback("a border index out of range, which formatting a merged range reads")
    return ranges


class _Grammar:
    """Compiled patterns for the sheetData of one namespace prefix (and one spelling: no whitespace
    between tags, or some). `sheet` matches the usual shape of sheetData in full - rows of cells
    with r, s, t attributes in that order; a formula, a value or an inline string of one plain text;
    numbers that Python reads - and nothing else, so that the other patterns can pick the cells
    that matter from the raw XML without parsing it."""

    def __init__(self, p: bytes, ws: bool):
        P, W = re.escape(p), (rb"\s*" if ws else b"")

        def tag(name: bytes) -> bytes:
            return b"<" + P + name

        def end(name: bytes) -> bytes:
            return b"</" + P + name + b">"

        attrs = rb'(?: (?!xmlns)[A-Za-z_][\w.:-]*="[^"<&]*")*'
        # (?P<..>) marks: set when the sheet has a formula, an error, a date, a shared string, a text
        # starting with "=" or "&", a row with attributes besides r - so that no other pass looks
        # for what is not there. (A mark may be left by an alternative that failed: one pass more.)
        n = iter(range(99))

        def text() -> bytes:   # character data (what "&" starts is checked by _plain)
            return rb"[^<]*"

        def f() -> bytes:                                # a named group may appear once: f0, f1...
            return tag(b"f") + b"(?P<f%d>)" % next(n) + attrs + W + rb"(?:/>|>" + text() + end(b"f") + b")"

        def v_any() -> bytes:
            return rb"(?:" + tag(b"v") + b">" + text() + end(b"v") + b"|" + tag(b"v") + rb"/>)"

        v_str = (rb"(?:" + tag(b"v") + rb">(?:(?=[=&])(?P<eq>))?" + text() + end(b"v") + b"|" + tag(b"v") +
                 rb"/>)")
        v_num = (rb"(?:" + tag(b"v") + rb">(?:-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)?" + end(b"v") + b"|"
                 + tag(b"v") + rb"/>)")
        v_idx = rb"(?:" + tag(b"v") + rb">[0-9]*" + end(b"v") + b"|" + tag(b"v") + rb"/>)"
        t = (rb"(?:" + tag(b"t") + rb'(?: xml:space="preserve")?>(?:(?=[=&])(?P<eq1>))?' + text() + end(b"t") +
             b"|" + tag(b"t") + rb"/>)")
        inline = rb"(?:" + tag(b"is") + b">" + W + t + W + end(b"is") + b"|" + tag(b"is") + rb"/>)"

        def fv() -> bytes:
            return f() + W + rb"(?:" + v_any() + W + rb")?"

        close = end(b"c")

        def number() -> bytes:                           # no t, or t="n"
            return rb"(?:/>|>" + W + rb"(?:" + fv() + b"|" + v_num + W + rb")?" + close + b")"

        typed = {   # by how often they come: openpyxl writes inline strings, Excel shared ones
            b"n": number(),
            b"inlineStr": rb"(?:/>|>" + W + rb"(?:" + f() + W + rb")?(?:" + inline + W + rb")?" + close + b")",
            b"s": rb"(?P<s%d>)(?:/>|>" % next(n) + W + rb"(?:" + fv() + b"|" + v_idx + W + rb")?" + close + b")",
            b"str": rb"(?:/>|>" + W + rb"(?:" + f() + W + rb")?(?:" + v_str + W + rb")?" + close + b")",
            b"b": rb"(?:/>|>" + W + rb"(?:" + fv() + b"|" + v_idx + W + rb")?" + close + b")",
            b"e": rb"(?P<e>)(?:/>|>" + W + rb"(?:" + f() + W + rb")?(?:" + v_any() + W + rb")?" + close + b")",
            b"d": rb"(?P<d>)(?:/>|>" + W + rb"(?:" + f() + W + rb")?(?:" + v_any() + W + rb")?" + close + b")",
        }
        # the commonest cells spelt out first (a number, an inline string, a shared string): faster
        plain_number = plain_typed = b""
        if not ws:
            plain_number = b">" + tag(b"v") + rb">-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?" + end(b"v") + close + b"|"
            plain_typed = (b'inlineStr">' + tag(b"is") + b">" + tag(b"t") + rb">(?![=&])[^<]*" + end(b"t") +
                           end(b"is") + close + b'|s"(?P<s%d>)>' % next(n) + tag(b"v") + rb">[0-9]+" + end(b"v") +
                           close + b"|")
        cell = (tag(b"c") + rb' r="[A-Z]{1,3}[1-9][0-9]{0,6}"(?: s="(?:0|[1-9][0-9]*)")?(?>' + plain_number +
                rb' t="(?>' + plain_typed + b"|".join(k + b'"' + v for k, v in typed.items()) + b")|" + number() + b")")
        row = (tag(b"row") + rb'(?> r="[1-9][0-9]*"(?=' + W + rb'/?>)|(?P<row>)' + attrs + b")" + W + rb"(?:/>|>" + W +
               rb"(?:" + cell + W + rb")*+" + end(b"row") + b")")
        self.sheet = re.compile(W + rb"(?:" + row + W + rb")*+")
        ref = tag(b"c") + rb' r="([A-Z]+)([0-9]+)"'
        s_any = rb'(?: s="[0-9]+")?'
        # every cell with a style (or every cell): column, row, style, and something when it has a value
        # (a formula, an inline string, a non-empty <v>); with dates, its type and the text of its <v>
        valued = rb'(?: t="[a-zA-Z]+")?(?:/>|>' + W + b"(" + tag(b"f") + b"|" + tag(b"is") + b"|" + tag(b"v") + \
            rb">[^<])?)"
        dated = rb'(?: t="([a-zA-Z]+)")?(?:/>|>' + W + rb"(?:(" + tag(b"f") + b"|" + tag(b"is") + b")|" + \
            tag(b"v") + rb">([^<]+)<)?)"
        self.styled = {False: re.compile(ref + rb' s="([0-9]+)"' + valued),
                       True: re.compile(ref + rb' s="([0-9]+)"' + dated)}
        self.cells = {False: re.compile(ref + rb'(?: s="([0-9]+)")?' + valued),
                      True: re.compile(ref + rb'(?: s="([0-9]+)")?' + dated)}
        self.refs = re.compile(tag(b"c") + rb' r="([^"]*)"')
        self.formulas = re.compile(ref + s_any + rb'(?: t="[a-zA-Z]+")?>' + W + tag(b"f") +
                                   rb'((?: [\w.:-]+="[^"]*")*)' + W + rb"(?:/>|>([^<]*)<)")
        self.errors = re.compile(ref + s_any + rb' t="e">' + W + tag(b"v") + rb">([^<]+)<")
        self.texts = re.compile(ref + s_any + rb' t="(?:str">' + W + tag(b"v") + rb'|inlineStr">' + W + tag(b"is") +
                                b">" + W + tag(b"t") + rb'(?: xml:space="preserve")?)>([=&][^<]*)<')
        self.indexes = re.compile(rb' t="s">' + W + tag(b"v") + rb">([0-9]+)<")
        self.shared = re.compile(ref + s_any + rb' t="s">' + W + tag(b"v") + rb">([0-9]+)<")
        self.dates = re.compile(ref + s_any + rb' t="d">' + W + tag(b"v") + rb">([^<]+)<")
        self.rows = re.compile(tag(b"row") + rb' r="([1-9][0-9]*)"((?: [A-Za-z_][\w.:-]*="[^"]*")*)' + W + rb"/?>")
        self.attr = re.compile(rb'([A-Za-z_][\w.:-]*)="([^"]*)"')
        self.row_tag = b"<" + p + b"row"
        self.sheet_data = re.compile(b"<" + P + rb"sheetData(\s[^>]*)?(/?)>")
        self.sheet_data_end = b"</" + p + b"sheetData>"


_GRAMMARS: dict[tuple[bytes, bool], _Grammar] = {}
_XML_BYTES = bytes(range(32, 256)) + b"\t\n\r"      # bytes.translate deletes these: what is left is not XML
_ODD = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)")        # a character reference, or not XML
_CHAR_REF = re.compile(rb"&#(?:[0-9]+|x[0-9a-fA-F]+);")


def _grammar(p: bytes, ws: bool) -> _Grammar:
    g = _GRAMMARS.get((p, ws))
    if g is None:
        g = _GRAMMARS[(p, ws)] = _Grammar(p, ws)
    return g


def _plain(data: bytes, a: int, b: int) -> bool:
    """No character data an XML parser would refuse in sheetData (control characters, "]]>", a
    stray "&", a reference to a character XML does not allow, invalid UTF-8...)."""
    if data.translate(None, _XML_BYTES):
        return False
    if data.find(b"]", a, b) >= 0 and data.find(b"]]>", a, b) >= 0:   # (">" is everywhere: "]" first)
        return False
    i = a if data.find(b"&", a, b) >= 0 else b
    while True:
        m = _ODD.search(data, i, b)
        if m is None:
            break
        ref = _CHAR_REF.match(data, m.start(), b)
        if ref is None:
            return False
        try:
            _xml_text(ref.group())                       # a character XML allows?
        except _Fallback:
            return False
        i = ref.end()
    if not data.isascii():
        if data.find(b"\xef\xbf\xbe", a, b) >= 0 or data.find(b"\xef\xbf\xbf", a, b) >= 0:
            return False
        import codecs
        dec = codecs.getincrementaldecoder("utf-8")()
        try:
            for i in range(a, b, 1 << 20):
                dec.decode(data[i:min(b, i + (1 << 20))])
            dec.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _sheet(data: bytes, book: _Book) -> tuple:
    """(formats, formulas, hidden rows, errors) of one worksheet part."""
    start, p, declared = _root(data, None)
    g = _grammar(p, False)
    m = g.sheet_data.search(data, start)
    a = b = -1
    if m is None:
        outside = data
    else:
        head = data[:m.start()]
        if (m.group(1) and b"xmlns" in m.group(1)) or b"<!--" in head or b"<![CDATA[" in head:
            raise _Fallback("comment before sheetData, or a namespace declared on it")
        if m.group(2):
            j = m.end()
        else:
            a = m.end()
            b = data.rfind(g.sheet_data_end, a)          # from the end: sheetData is most of the part
            if b < 0:
                raise _Fallback("sheetData not closed")
            j = b + len(g.sheet_data_end)
        if g.sheet_data.search(data, j):
            raise _Fallback("a second sheetData")
        outside = head + data[m.start():m.end() - 1 - len(m.group(2))] + b"/>" + data[j:]
    ranges = _outside(_xml(outside, comments_ok=True), book)
    del outside
    if a < 0:
        cells = {}, {}, {}, set()
    else:
        cells = None
        if _plain(data, a, b):
            m = g.sheet.fullmatch(data, a, b)
            if m is None:
                g = _grammar(p, True)
                m = g.sheet.fullmatch(data, a, b)
            if m is not None:
                marks = {k.rstrip("0123456789") for k, v in m.groupdict().items() if v is not None}
                cells = _fast_cells(data, a, b, g, book, marks, declared)
        if cells is None:
            if data.find(g.sheet_data_end, a, b) >= 0:
                raise _Fallback("sheetData closed twice")  # (the usual shape has no such tag inside)
            cells = _lxml_cells(data, book)
    formats, formulas, errors, hidden_rows = cells
    for r0, c0, r1, c1 in ranges:   # every cell of a merged range but its top-left is empty
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
    if book.bad_format and any(v is _BAD_FORMAT for v in formats.values()):
        raise _Fallback("a number format openpyxl cannot resolve")
    return formats, formulas, hidden_rows, errors


_CHUNK = 1 << 20   # sheetData is gone through in pieces of whole rows of about this size (memory stays flat)


def _fast_cells(data: bytes, a: int, b: int, g: _Grammar, book: _Book, marks: set, declared: set):
    """The cells that matter, picked from sheetData already matched by g.sheet (so every cell has r,
    its attributes in the order r, s, t, and its children in the usual shape). None when a cell is
    written twice or a row has no r (or not first): the general path then."""
    cols, rix, nfs = _COLS, _RowIdx(), book.nfs
    shown, dates = book.shown, book.date_styles          # style (as in s="..") -> format; date styles
    cells = (g.cells if b"" in shown or b"" in dates else g.styled)[bool(dates)]   # no s: style 0
    formats: dict = {}
    formulas: dict = {}
    errors: dict = {}
    dims: dict = {}
    shared: dict = {}
    refs_seen: set = set()
    n_refs, top_style, top_string = 0, -1, -1
    seen: dict = {}
    i = a
    while i < b:
        j = data.find(g.row_tag, i + _CHUNK, b) if i + _CHUNK < b else -1
        j = b if j < 0 else j
        refs = g.refs.findall(data, i, j)
        n_refs += len(refs)
        refs_seen.update(refs)
        del refs
        found = cells.findall(data, i, j)
        used = set(map(itemgetter(2), found))
        used.discard(b"")
        if used:
            top_style = max(top_style, max(map(int, used)))
        if shown:
            chunk = {(rix[r], cols[c]): shown[s] for c, r, s, t, k, v in found if s in shown and (k or v)} \
                if dates else {(rix[r], cols[c]): shown[s] for c, r, s, k in found if k and s in shown}
            if formats:
                formats.update(chunk)
            else:
                formats = chunk
        if dates:   # numbers in a date format: only those far outside years 1..9999 need from_excel
            for c, r, s, v in [(c, r, s, v) for c, r, s, t, k, v in found if v and s in dates and
                               (t == b"" or t == b"n") and not -693000.0 < float(v) < 2957000.0]:
                if book.date_error(_cast_number(v.decode()), int(s or 0)):
                    errors[(rix[r], cols[c])] = "#VALUE!"
        del found
        if "f" in marks:
            for c, r, attrs, text in g.formulas.findall(data, i, j):
                value = "=" + _xml_text(text)
                if attrs:
                    pairs = g.attr.findall(attrs)
                    kind = dict(pairs)
                    if len(kind) != len(pairs) or any(b":" in k and k.split(b":")[0] not in declared for k in kind):
                        return None                      # an attribute twice, a prefix not declared: not XML
                    ftype = kind.get(b"t")
                    if ftype == b"array":
                        value = "=" + value              # _openpyxl_details: "=" + ArrayFormula.text
                    elif ftype == b"shared":
                        value = shared_formula(shared, kind.get(b"si"), (c + r).decode(), value)
                    elif ftype == b"dataTable":
                        raise _Fallback("dataTable formula")
                if value.startswith("="):
                    formulas[(rix[r], cols[c])] = value
        if "e" in marks:
            for c, r, v in g.errors.findall(data, i, j):
                errors[(rix[r], cols[c])] = _xml_text(v)
        if "eq" in marks:
            for c, r, v in g.texts.findall(data, i, j):  # t="str" and inline strings starting with "="
                text = _xml_text(v)
                if text.startswith("="):
                    formulas[(rix[r], cols[c])] = text
        if "s" in marks:
            idx = set(g.indexes.findall(data, i, j))
            if idx:
                top_string = max(top_string, max(map(int, idx)))
            if book.eq_strings:
                eq = book.eq_strings
                for c, r, k in g.shared.findall(data, i, j):
                    if int(k) in eq:
                        formulas[(rix[r], cols[c])] = eq[int(k)]
        if "d" in marks:
            for c, r, v in g.dates.findall(data, i, j):
                _from_iso(_xml_text(v))                  # openpyxl's own conversion, its own errors
        if "row" in marks:                               # a row that is not <row r="N">
            rows = g.rows.findall(data, i, j)
            if len(rows) != data.count(g.row_tag, i, j):
                return None                              # a row without r, or r not first
            for r, rest in rows:
                if rest:
                    h = seen.get(rest, seen)
                    if h is seen:
                        pairs = g.attr.findall(rest)
                        keys = {k for k, _ in pairs}
                        if len(keys) != len(pairs) or b"r" in keys or \
                                any(b":" in k and k.split(b":")[0] not in declared for k in keys):
                            return None                  # an attribute twice, a prefix not declared: not XML
                        attrs = {k.decode(): _xml_attr(v) for k, v in pairs if b":" not in k}
                        attrs["r"] = r.decode()
                        h = seen[rest] = _row_hidden(attrs, book) if set(attrs) - _ROW_KEYS else None
                    if h is not None:
                        dims[r] = h
        i = j
    if len(refs_seen) != n_refs:
        return None                                      # a cell written twice: the last one wins there
    if top_style >= len(nfs):
        raise _Fallback("style index out of range")     # IndexError in openpyxl
    if top_string >= book.n_strings:
        raise _Fallback("shared string index out of range")
    return formats, formulas, errors, {int(r) - 1 for r, h in dims.items() if h}


def shared_formula(shared: dict, idx, coord: str, value: str) -> str:
    """A shared formula's text at `coord`: the group's first cell gives it (and is remembered), the
    others translate it to their own place, as openpyxl does."""
    if idx in shared:
        return shared[idx].translate_formula(coord)
    if value != "=":
        from openpyxl.formula.translate import Translator
        shared[idx] = Translator(value, coord)
    return value


def _lxml_cells(data: bytes, book: _Book):
    """The general case, cell by cell with lxml: openpyxl's WorkSheetParser.parse_row and parse_cell
    recording what _openpyxl_details keeps instead of making cells."""
    from io import BytesIO

    from lxml import etree
    nfs, dates, cols = book.nfs, book.styles.dates, _COLS
    formats: dict = {}
    formulas: dict = {}
    errors: dict = {}
    dims: dict = {}
    shared: dict = {}
    row_counter, last = 0, (-1, -1)
    for _, row in etree.iterparse(BytesIO(data), events=("end",), tag=_ROW, **_XML_KW):
        attrs = dict(row.attrib)
        if "r" in attrs:
            try:
                row_counter = int(attrs["r"])
            except ValueError:
                val = float(attrs["r"])
                if not val.is_integer():
                    raise
                row_counter = int(val)
        else:
            row_counter += 1
        if {k for k in attrs if not k.startswith("{")} - _ROW_KEYS:
            dims[str(row_counter)] = attrs
        col = 0
        for c in row:
            if c.tag != _C:
                raise _Fallback("an element other than <c> in a row")
            data_type = c.get("t", "n")
            coord = c.get("r")
            s_attr = c.get("s")
            style_id = int(s_attr) if s_attr else (s_attr if s_attr is not None else 0)
            nf = nfs[style_id]                           # IndexError/TypeError: openpyxl's too
            value = fel = isel = None
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
            if coord:                                    # [A-Z]{1,3}[1-9][0-9]{0,6}, else openpyxl decides
                digits = coord.lstrip(_UPPER)
                nl = len(coord) - len(digits)
                if not (0 < nl <= 3 and 0 < len(digits) <= 7 and digits.isdigit() and digits.isascii()
                        and digits[0] != "0"):
                    raise _Fallback("unusual cell reference")
                r, col = int(digits), cols[coord[:nl]] + 1
            else:
                col += 1
                r = row_counter
            if fel is not None:
                data_type = "f"
                ftype = fel.get("t")
                value = "=" + fel.text if fel.text is not None else "="
                if ftype == "array":
                    value = "=" + value                  # _openpyxl_details: "=" + ArrayFormula.text
                elif ftype == "shared":
                    idx = fel.get("si")
                    if idx in shared:
                        value = shared[idx].translate_formula(coord)
                    elif value != "=":
                        from openpyxl.formula.translate import Translator
                        shared[idx] = Translator(value, coord)
                elif ftype == "dataTable":
                    raise _Fallback("dataTable formula")
            elif value is not None:
                if data_type == "n":
                    value = _cast_number(value)
                    if style_id in dates and book.date_error(value, style_id):
                        data_type, value = "e", "#VALUE!"
                elif data_type == "s":
                    value = book.shared(value)
                elif data_type == "b":
                    value = bool(int(value))
                elif data_type == "d":
                    value = _from_iso(value)
            elif data_type == "inlineStr" and isel is not None:
                value = _text_content(isel)
            key = (r - 1, col - 1)
            if key <= last:                              # a cell written twice: the last one wins
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
        row.clear()
        while row.getprevious() is not None:             # keep memory flat
            del row.getparent()[0]
    hidden_rows = {int(r) - 1 for r, attrs in dims.items() if _row_hidden(attrs, book)}
    return formats, formulas, errors, hidden_rows


def _fast_details(path: str) -> dict[str, tuple]:
    """What _openpyxl_details gives, read from the package parts directly (see the module docstring);
    _Fallback, or any other exception, for what it does not reproduce."""
    import zipfile
    if os.path.splitext(path)[1].lower() not in (".xlsx", ".xlsm", ".xltx", ".xltm"):
        raise _Fallback("a file name openpyxl refuses")
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        part, strings = _manifest(z)
        n_strings, eq_strings = _shared_strings(z.read(strings)) if strings is not None else (0, {})
        sheets, date1904 = _workbook(z, part, names)
        book = _Book(_Styles(z, names), n_strings, eq_strings, date1904)
        out: dict[str, tuple] = {}
        for title, target, state, chart in sheets:
            rels_path = _rels_path(target)
            rels = _rels(z, rels_path) if rels_path in names else None
            if chart:
                if rels is None:
                    raise _Fallback("chart sheet without relationships")   # openpyxl fails on it
                if any(r[1] == _RELS + "/drawing" for r in rels):
                    raise _Fallback("chart sheet with a drawing")
                _xml(z.read(target))
                continue
            for _, rtype, target_ in rels or ():
                kind = rtype.rsplit("/", 1)[-1]
                if kind == "pivotTable" or (kind in ("comments", "drawing", "table") and target_ not in names):
                    raise _Fallback("pivot table, or a comments/drawing/table part missing")
            formats, formulas, hidden_rows, errors = _sheet(z.read(target), book)
            out[title] = (formats, formulas, hidden_rows, state != "visible", errors)
    return out
