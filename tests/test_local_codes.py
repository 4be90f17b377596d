"""Codes of a document's own dotted scheme (codes.local_code): a BPS budget table's program `GG` and its
kegiatan `GG.2896` form the row tree by code, so SUM002 judges the program; nothing of it is looked up in
the Kepmendagri nomenclature, and the frame schema takes them as codes."""
from __future__ import annotations

import pytest

from auditor import codes
from auditor.engine import audit
from auditor.loader import load_file
from tests.helpers import write_tables
from tests.layouts import Doc

ROWS = [["Kode", "Nama Program/Kegiatan", "Anggaran (Rp)"],
        ["GG", "Program Penyediaan dan Pelayanan Informasi Statistik", "1.848.706.000"],
        ["GG.2896", "Pengembangan dan Analisis Statistik", "170.000"],
        ["GG.2902", "Penyediaan dan Pengembangan Statistik Distribusi", "763.043.000"],
        ["GG.2910", "Penyediaan dan Pengembangan Statistik Tanaman Pangan", "1.085.493.000"],
        ["WA", "Program Dukungan Manajemen", "4.080.399.000"],
        ["WA.2886", "Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya", "4.080.399.000"]]


@pytest.mark.parametrize("text, code", [("GG", "GG"), ("GG.2896", "GG.2896"), ("aren001.1", "AREN001.1"),
                                        ("WA.2886.EBA.956", "WA.2886.EBA.956"), ("1.1", None), ("1.02.01", None),
                                        ("Program", "PROGRAM"), ("A.1.", None), ("GG 2896", None), ("", None)])
def test_local_code(text, code):
    assert codes.local_code(text) == code


def test_the_program_is_the_sum_of_its_kegiatan_by_their_codes(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][2] = "1.848.716.000"           # 10.000 more than its three kegiatan
    p = Doc().para("Tabel 1 Anggaran Tahun 2026").table(rows).save(tmp_path / "notulensi.docx")
    (t,) = load_file(str(p)).tables
    assert t.code_tree and [t.rows[i].parent for i in range(6)] == [None, 0, 0, 0, None, 4]
    rep = audit([str(p)])
    got = [(f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"]
           if f["rule"].startswith(("SUM", "NAME", "IN005"))]
    assert got == [("SUM002", "C2", 1848716000, 1848706000)]


def test_a_consistent_table_is_checked_and_nothing_is_said(tmp_path):
    p = write_tables(tmp_path / "anggaran.xlsx", [{"header": ROWS[0], "rows": ROWS[1:]}])
    rep = audit([p])
    assert [f["rule"] for f in rep["findings"] if f["rule"].startswith(("SUM", "NAME", "IN005"))] == []
    assert rep["summary"]["coverage"]["checked"] == rep["summary"]["coverage"]["numbers"] == 6


def test_beside_official_codes_a_letter_in_the_kode_column_is_no_code(tmp_path):
    """A budget table keyed by Kepmendagri codes with section rows "I" / "II" carrying their subtotals: the
    sections are not roots of the code tree, so the JUMLAH adds the programs once (no false SUM001)."""
    rows = [["I", "Belanja Operasi", 300], ["1.02.01", "Program Penunjang Urusan Pemerintahan Daerah", 100],
            ["1.02.02", "Program Pemenuhan Upaya Kesehatan", 200], ["II", "Belanja Modal", 50],
            ["1.02.03", "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", 50], ["", "JUMLAH", 350]]
    p = write_tables(tmp_path / "anggaran.xlsx", [{"header": ["Kode", "Program/Kegiatan", "Pagu (Rp)"], "rows": rows}])
    (t,) = load_file(p).tables
    assert [r.code for r in t.rows if r.type == "data"][:2] == [None, "1.02.01"]
    assert [f["rule"] for f in audit([p])["findings"] if f["rule"].startswith("SUM")] == []
