"""Builders shared by tests: real workbooks from plain rows."""
from __future__ import annotations

import openpyxl


def write_tables(path, tables: list[dict], sheet: str = "Sheet1", start_row: int = 1) -> str:
    """Write one or more {header, rows} tables on one sheet, a blank row and a title between them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    r = start_row
    for i, t in enumerate(tables):
        if i:
            r += 2
        for c, h in enumerate(t["header"], start=1):
            ws.cell(row=r, column=c, value=h)
        for row in t.get("rows") or []:
            r += 1
            for c, v in enumerate(row, start=1):
                ws.cell(row=r, column=c, value=None if v == "" else v)
        r += 1
    wb.save(path)
    formulas = {k: v for t in tables for k, v in (t.get("formulas") or {}).items()}
    if formulas:                  # {A1: formula}: the cell keeps its value as the formula's cached one
        with_formulas(path, {1: formulas})
    return str(path)


def shared_dir():
    """The project's shared/ folder (real documents, reference lists) beside the checkout or above it,
    or None: tests that read it skip cleanly without it. LKIP_SHARED overrides."""
    import os
    from pathlib import Path

    env = os.environ.get("LKIP_SHARED")
    if env:
        return Path(env) if Path(env).is_dir() else None
    here = Path(__file__).resolve().parent.parent
    for up in [here, *here.parents]:
        cand = up / "shared"
        if (cand / "real").is_dir() or (cand / "reference").is_dir():
            return cand
    return None


def with_formulas(path, formulas: dict[int, dict[str, str]]) -> str:
    """Give cells of a saved workbook a formula beside the value they hold, as Excel saves them
    (formula and cached value): openpyxl writes either, never both. formulas: sheet number (1-based)
    -> {A1 address: formula without '='}; each cell must hold a number."""
    import re
    import shutil
    import zipfile
    from xml.sax.saxutils import escape

    src = str(path) + ".src"
    shutil.move(str(path), src)
    with zipfile.ZipFile(src) as zi, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zo:
        for it in zi.infolist():
            data = zi.read(it)
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", it.filename)
            if m and int(m.group(1)) in formulas:
                xml = data.decode()
                for addr, f in formulas[int(m.group(1))].items():
                    pat = re.compile(r'(<c r="%s"[^>]*>)(<v>[^<]*</v></c>)' % addr)
                    xml, n = pat.subn(lambda mm: mm.group(1) + f"<f>{escape(f)}</f>" + mm.group(2), xml)
                    assert n == 1, f"{addr}: no numeric cell to give a formula"
                data = xml.encode()
            zo.writestr(it, data)
    import os
    os.remove(src)
    return str(path)


# How many findings `check samples/kalisat-2024` gives: its golden findings are asserted one by one in
# tests/test_samples.py; tests that only need the count take it from here (one place to change, with
# the reason in the commit that changes it).
SAMPLE_FINDINGS = 63
