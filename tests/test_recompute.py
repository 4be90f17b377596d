"""SUM111: a formula cell shows what its own formula computes (stale cached values)."""
from __future__ import annotations

import pytest

from auditor.engine import audit
from tests.helpers import shared_dir, write_tables

HEAD = ["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "%"]


def _found(rep):
    return [(f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"] if f["rule"] == "SUM111"]


def test_stale_values_found_and_fresh_ones_not(tmp_path):
    rows = [["1", "Program Penunjang", 1000, 800, 200, 80], ["2", "Program Pelayanan", 500, 250, 300, 50],
            ["", "JUMLAH", 1500, 1050, 500, 70]]
    formulas = {"E2": "C2-D2", "E3": "C3-D3", "F2": "D2/C2*100", "F3": "D3/C3*100", "C4": "SUM(C2:C3)",
                "D4": "SUM(C2:C3)-C4+D2+D3", "E4": "C4-D4", "F4": "D4/C4%"}
    path = write_tables(tmp_path / "t.xlsx", [{"header": HEAD, "rows": rows, "formulas": formulas}])
    # E3 (300, its formula gives 250) and E4 (500 where 450) are stale; F4's "D4/C4%" is D4 / (C4/100) = 70
    assert sorted(_found(audit([path]))) == [("E3", 300, 250), ("E4", 500, 450)]


def test_formulas_that_are_not_plain_arithmetic_are_not_judged(tmp_path):
    rows = [["1", "Program Penunjang", 1000, 800, 123, 1]]
    formulas = {"E2": "VLOOKUP(C2,C2:D2,2,FALSE)", "F2": "Sheet2!A1+1"}
    path = write_tables(tmp_path / "t.xlsx", [{"header": HEAD, "rows": rows, "formulas": formulas}])
    assert _found(audit([path])) == []


def test_real_workbook_formulas_recomputed_without_alarm():
    shared = shared_dir()
    folder = shared / "real" / "trenggalek-kke-sakip" if shared else None
    if folder is None or not folder.is_dir():
        pytest.skip("../shared/real not present")
    rep = audit([str(folder)])
    assert _found(rep) == []
    assert rep["summary"]["coverage"]["checked"] >= 200        # its formula cells, recomputed


def test_percent_binds_to_the_operand_before_it():
    from decimal import Decimal as D

    from auditor.tables.formula_refs import evaluate
    vals = {(1, 1): D(1050), (1, 2): D(1500), (1, 3): D(3)}
    assert evaluate("=A1/B1%", lambda r, c: vals.get((r, c))) == D(70)
    assert evaluate("=A1/(B1+C1*0)%", lambda r, c: vals.get((r, c))) == D(70)
    assert evaluate("=SUM(A1:B1)%", lambda r, c: vals.get((r, c))) == D("25.5")
    assert evaluate("=5%", lambda r, c: None) == D("0.05")
