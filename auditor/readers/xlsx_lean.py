"""The details pass for big workbooks: number formats, formulas, errors and hidden rows, streamed.

`xlsx_details.details()` reproduces openpyxl exactly and checks the whole of sheetData's shape first;
over a 300 MB sheet that costs seconds. A big workbook is nearly always a machine export, and what the
audit needs from it is small: the cells whose number format changes how they read (a `0%` cell holds a
fraction, `#,##0.00` shows two decimals), the formulas (the workbook's own statement of how a column is
computed), the error cells and the hidden rows. This pass streams each worksheet part out of the zip in
pieces of whole rows and picks exactly those with regular expressions anchored on what the writers put
first in a cell (`<c r=".." s=".."`). Date formats are left out: calamine already turns such cells into
dates, and they are most of the styled cells of an export (596,092 of a 100,000-line SIPD export).

It runs beside calamine's parse (zlib and calamine both release the GIL), so on two cores it adds little
to the wall time. What it cannot read (a namespace prefix, an unusual package) gives no details, and
the caller says so in the coverage rather than guessing.
"""
from __future__ import annotations

import re
import zipfile

_CHUNK = 8 << 20
_ROW_END = b"</row>"


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


_FORMULA = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"[^>]*>\s*<f((?:\s[\w:.-]+="[^"]*")*)\s*(?:/>|>([^<]*)</f>)')
_ERROR = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"[^>]*\st="e"[^>]*>\s*(?:<f[^>]*(?:/>|>[^<]*</f>)\s*)?<v>([^<]*)</v>')
_HIDDEN_ROW = re.compile(rb'<row r="([0-9]+)"[^>]*\shidden="(?:1|true)"')
_ATTR = re.compile(rb'([\w:.-]+)="([^"]*)"')


def _styled(ids: list[str]) -> re.Pattern:
    alt = b"|".join(i.encode() for i in ids)
    # a cell with one of the interesting styles and a value (a formula or a non-empty <v>)
    return re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)" s="(' + alt + rb')"(?:\s[^>]*)?>\s*(?:<f|<v>[^<])')


def _pieces(z: zipfile.ZipFile, part: str):
    """The worksheet part in pieces that end on a row boundary (a cell never spans two pieces)."""
    with z.open(part) as f:
        rest = b""
        while True:
            block = f.read(_CHUNK)
            if not block:
                if rest:
                    yield rest
                return
            data = rest + block
            cut = data.rfind(_ROW_END)
            if cut < 0:
                rest = data
                continue
            cut += len(_ROW_END)
            yield data[:cut]
            rest = data[cut:]


def lean_details(path: str) -> dict[str, tuple]:
    """{sheet title: (formats, formulas, hidden rows, sheet hidden, errors)} like details(), limited to
    non-date number formats; {} when the package is not one this pass reads."""
    from . import xlsx_details as xd

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            part, _strings = xd._manifest(z)
            sheets, _1904 = xd._workbook(z, part, names)
            styles = xd._Styles(z, names)
            ids = [str(i) for i, nf in enumerate(styles.nfs)
                   if nf is not None and nf is not xd._BAD_FORMAT and i not in styles.dates]
            shown = {str(i).encode(): styles.nfs[int(i)] for i in ids}
            styled = _styled(ids) if ids else None
            out: dict[str, tuple] = {}
            for title, target, state, chart in sheets:
                if chart:
                    continue
                formats: dict = {}
                formulas: dict = {}
                errors: dict = {}
                hidden: set = set()
                shared: dict = {}
                for data in _pieces(z, target):
                    if styled is not None:
                        for c, r, s in styled.findall(data):
                            formats[(int(r) - 1, _col_index(c))] = shown[s]
                    if b"<f" in data:
                        for c, r, attrs, text in _FORMULA.findall(data):
                            _formula(formulas, shared, c, r, attrs, text)
                    if b't="e"' in data:
                        for c, r, v in _ERROR.findall(data):
                            errors[(int(r) - 1, _col_index(c))] = xd._xml_text(v)
                    if b"hidden=" in data:
                        hidden.update(int(r) - 1 for r in _HIDDEN_ROW.findall(data))
                out[title] = (formats, formulas, hidden, state != "visible", errors)
            return out
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - an unusual package: no details, said by the caller
        return {}


def _formula(formulas: dict, shared: dict, c: bytes, r: bytes, attrs: bytes, text: bytes) -> None:
    from .xlsx_details import _xml_text, shared_formula
    value = "=" + _xml_text(text)
    kind = dict(_ATTR.findall(attrs)) if attrs else {}
    ftype = kind.get(b"t")
    if ftype == b"shared":
        value = shared_formula(shared, kind.get(b"si"), (c + r).decode(), value)
    elif ftype == b"array":
        value = "=" + value
    if value != "=":
        formulas[(int(r) - 1, _col_index(c))] = value
