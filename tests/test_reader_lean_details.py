"""The streamed details pass for big workbooks gives what the exact pass gives, date formats aside, and a
big workbook's `0%` column is read as the percentage it shows (no size cutoff)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from helpers import shared_dir  # noqa: E402
from rekap_fixture import build  # noqa: E402

from auditor.readers import workbook  # noqa: E402
from auditor.readers.xlsx_details import _Styles, details  # noqa: E402,F401
from auditor.readers.xlsx_lean import lean_details  # noqa: E402

SAMPLES = HERE.parent / "samples" / "kalisat-2024"


def _books():
    out = sorted(SAMPLES.glob("*.xlsx"))
    shared = shared_dir()
    if shared:
        out += sorted((shared / "real").glob("*/*.xlsx"))
    return out


def _without_dates(path, full):
    import zipfile

    from auditor.readers import xlsx_details as xd
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        styles = xd._Styles(z, names)
    date_formats = {styles.nfs[i] for i in styles.dates}
    return {k: v for k, v in full.items() if v not in date_formats}


@pytest.mark.parametrize("path", _books(), ids=lambda p: p.name)
def test_lean_equals_exact_but_for_dates(path):
    full, lean = details(str(path)), lean_details(str(path))
    assert set(full) == set(lean)
    for sheet, (formats, formulas, hidden, sheet_hidden, errors) in full.items():
        lf, lformulas, lhidden, lsheet_hidden, lerrors = lean[sheet]
        assert lf == _without_dates(path, formats), sheet
        assert (lformulas, lhidden, lsheet_hidden, lerrors) == (formulas, hidden, sheet_hidden, errors), sheet


def test_shared_formulas_and_errors(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 6):
        ws.cell(r, 1, r * 10)
        ws.cell(r, 2, r)
        ws.cell(r, 3, f"=A{r}/B{r}").number_format = "0.00%"
    ws.row_dimensions[4].hidden = True
    wb.save(tmp_path / "f.xlsx")
    full, lean = details(str(tmp_path / "f.xlsx")), lean_details(str(tmp_path / "f.xlsx"))
    assert lean == full


def test_big_workbook_reads_its_percent_format(tmp_path, monkeypatch):
    """The same workbook read as a small and as a big one: same tables, same findings (none)."""
    from auditor.engine import audit
    path = build(tmp_path / "lra.xlsx", appended=True)
    small = audit([str(path)])
    monkeypatch.setattr(workbook, "DETAIL_MAX_BYTES", 0)       # every workbook is "big" now
    assert workbook.lean(str(path))
    big = audit([str(path)])
    assert [f["fingerprint"] for f in big["findings"]] == [f["fingerprint"] for f in small["findings"]]
    assert not [f for f in big["findings"] if f["rule"] == "PCT001"]
    grid = workbook.read_workbook(str(path))[0]
    assert any(fmt == "0%" for fmt in grid.formats.values())
