"""Grades written with their score (B (75)) against the PermenPANRB 88/2021 bands, in any table."""
from __future__ import annotations

from auditor.engine import audit
from tests.helpers import write_tables


def cells(tmp_path, rows, header=("Indikator", "Target 2024", "Target 2025", "Target 2026")):
    p = write_tables(tmp_path / "g.xlsx", [{"header": list(header), "rows": rows}])
    rep = audit([p])
    return {(f["location"]["cell"], f["expected"]) for f in rep["findings"] if f["rule"] == "PRED101"}


def test_grades_against_their_scores(tmp_path):
    rows = [["Nilai SAKIP OPD", "B (69)", "69 (B)", "B (75)"],          # B, B, then 75 is BB
            ["Nilai SAKIP Kecamatan", "B (70)", "BB (70)", "A (80,5)"],  # 70 either way; 80,5 is A
            ["Nilai RB", "CC (61)", "AA (95)", "D (20)"]]                 # 61 is B
    assert cells(tmp_path, rows) == {("D2", "BB"), ("B4", "B")}


def test_text_that_is_not_a_grade_is_left_alone(tmp_path):
    rows = [["Dokumen A (2 buah)", "Lampiran B (halaman 75)", "C-75", "Bab D 20"]]
    assert cells(tmp_path, rows, header=("Uraian", "Keterangan", "Kode", "Sumber")) == set()
