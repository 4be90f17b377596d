"""A document's column numbering and its own reference numbers (NAME111, TXT101)."""
from __future__ import annotations

import pytest

from auditor.engine import audit
from auditor.rules import load_rules
from tests.helpers import shared_dir, write_tables


@pytest.mark.parametrize("code", ["TXT101", "NAME112", "TXT103", "TXT104"])
@pytest.mark.parametrize("which", ["fail", "pass"])
def test_text_examples_in_a_docx(tmp_path, which, code):
    from tests.test_text import write_docx
    ex = load_rules()[code].examples[which]
    rep = audit([write_docx(tmp_path / f"{which}.docx", ex["text"])])
    got = [f for f in rep["findings"] if f["rule"] == code]
    want = ex.get("findings") or []
    assert sorted(next((w for w in want if w in f["location"]["quote"]), f["location"]["quote"]) for f in got) == \
        sorted(want)
    if got and code == "TXT101":
        assert (got[0]["reported"], got[0]["expected"]) == ("060/01.7/424.101/2021", "050/01.7/424.101/2021")


def test_real_indicator_code_used_twice():
    shared = shared_dir()
    doc = shared / "real" / "tapin-bps-2026" / "notulensi-target-PK-2026-reviu1.docx" if shared else None
    if doc is None or not doc.is_file():
        pytest.skip("../shared/real not present")
    rep = audit([str(doc)])
    got = [(f["location"]["row_label"], f["reported"]) for f in rep["findings"] if f["rule"] == "NAME112"]
    assert got == [("1.3.1.1", "Persentase Publikasi/Laporan Statistik Distribusi Yang Berkualitas")]
    assert [f["reported"] for f in rep["findings"] if f["rule"] == "TXT104"] == ["1.848.706.000"]


def test_other_decrees_and_running_text_are_not_compared(tmp_path):
    from tests.test_text import write_docx
    text = ["NOMOR : 050/01.7/424.101/2021",
            "NOMOR : 050/02.8/424.101/2021",          # another serial: two characters apart
            "Menimbang bahwa berdasarkan Keputusan Kepala Bappeda Nomor : 060/01.7/424.101/2021 tentang penetapan "
            "indikator kinerja utama perangkat daerah yang telah ditetapkan sebelumnya dan berlaku"]
    rep = audit([write_docx(tmp_path / "d.docx", text)])
    assert [f for f in rep["findings"] if f["rule"] == "TXT101"] == []


def test_column_numbers_repeated_over_k_and_rp_are_no_jump(tmp_path):
    doc = write_tables(tmp_path / "t.xlsx", [{
        "header": ["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "%"],
        "rows": [["(1)", "(2)", "(3)", "(3)", "(4)"], ["1", "Program Penunjang", 100, 80, 80]]}])
    assert [f for f in audit([doc])["findings"] if f["rule"] == "NAME111"] == []


def test_real_lampiran_column_numbers_and_decree_number():
    shared = shared_dir()
    pdf = shared / "real" / "pasuruan-bappeda-2021" / "SK IKU REVIEW BAPPEDA 2021.pdf" if shared else None
    if pdf is None or not pdf.is_file():
        pytest.skip("../shared/real not present")
    rep = audit([str(pdf)])
    got = sorted((f["rule"], f["reported"], f["expected"]) for f in rep["findings"] if f["rule"] in ("NAME111", "TXT101"))
    assert got == [("NAME111", 6, 4), ("TXT101", "060/01.7/424.101/2021", "050/01.7/424.101/2021")]
    dates = [(f["reported"], f["expected"]) for f in rep["findings"] if f["rule"] == "TXT103"]
    assert dates == [("2021-01-02", "2021-01-04")]


def test_real_mixed_decimal_marks():
    shared = shared_dir()
    doc = shared / "real" / "tapin-bps-2026" / "notulensi-target-PK-2026-reviu1.docx" if shared else None
    if doc is None or not doc.is_file():
        pytest.skip("../shared/real not present")
    got = [(f["location"]["sheet"], f["reported"]) for f in audit([str(doc)])["findings"] if f["rule"] == "TXT102"]
    assert got == [("table 16", "83.2")]


def test_workbook_numbers_carry_no_typed_mark(tmp_path):
    doc = write_tables(tmp_path / "t.xlsx", [{"header": ["No", "Indikator Kinerja", "Target", "Realisasi"],
                                              "rows": [["1", "Indeks", 83.2, "85,10"], ["2", "Nilai", "74,25", "74,45"],
                                                       ["3", "Nilai B", "70,25", "71,45"]]}])
    assert [f for f in audit([doc])["findings"] if f["rule"] == "TXT102"] == []


def test_template_variables_left_in_the_text(tmp_path):
    from tests.test_text import write_docx
    rep = audit([write_docx(tmp_path / "n.docx", ["Efisiensi: $efesiensi", "Kendala: ${kendala}",
                                                  "Harga lisensi $100 per tahun dibayar dari dana BOS."])])
    got = sorted(f["reported"] for f in rep["findings"] if f["rule"] == "TXT005")
    assert got == ["$efesiensi", "${kendala}"]


def test_decimal_marks_leave_a_flat_exports_lines_unmade():
    """TXT102 reads a flat export's typed numbers from the grid: the cells of its lazy lines are not made
    (a 100,000-line export would pay seconds and hundreds of MB for them)."""
    from pathlib import Path

    from auditor.engine import Context
    from auditor.loader import load_all
    from auditor.tables.model import LazyRow, Row
    sample = Path(__file__).resolve().parent.parent / "samples" / "kalisat-2024" / "sipd-realisasi-2024.xlsx"
    files, _ = load_all([str(sample)])
    rule = load_rules()["TXT102"]
    list(rule.check_module().run(rule, Context(files=files)))
    lazy = [r for t in files[0].tables for r in t.rows if isinstance(r, LazyRow)]
    assert lazy
    cells = Row.__dict__["cells"]
    made = 0
    for r in lazy:
        try:
            cells.__get__(r, Row)
            made += 1
        except AttributeError:
            pass
    assert made == 0
