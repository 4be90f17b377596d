"""A number a narrow PDF column wrapped onto two lines is read as one number (readers.pdf._clean)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from auditor.readers.pdf import _clean


@pytest.mark.parametrize("text, read", [
    ("4.080.399.00\n0", "4.080.399.000"),          # broken inside the last group
    ("1.848.706.\n000", "1.848.706.000"),          # after a separator
    ("4.080.399\n.000", "4.080.399.000"),          # before one
    ("Rp 4.080.3\n99.000 rupiah", "Rp 4.080.399.000 rupiah"),
    ("2024\n2025", "2024 2025"),                    # two numbers, each well written, stay two
    ("12,5\n3", "12,5 3"),
    ("100\n000", "100 000"),
    ("1.234.\n5 kegiatan", "1.234. 5 kegiatan"),    # no well-grouped number either way
    ("1.848\n.716.\n000", "1.848.716.000"),         # over three lines
    ("763.0\n43.00\n0", "763.043.000"),
    ("10.701.893.800,\n00", "10.701.893.800,00"),
    ("1.500\n2.000", "1.500 2.000"),               # two whole numbers
    ("2.5\n3", "2.5 3"),
    ("Program Dukungan\nManajemen", "Program Dukungan Manajemen"),
])
def test_clean(text, read):
    assert _clean(text) == read


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_budget_table_with_a_narrow_amount_column_is_checked_in_its_pdf(tmp_path):
    """The same table as a .docx and as its PDF (LibreOffice), the amount column so narrow that its
    amounts wrap: the program is judged against its kegiatan in both, and the wrong one found in both."""
    import docx
    from docx.shared import Cm

    from auditor.engine import audit

    d = docx.Document()
    d.add_paragraph("Tabel 1 Anggaran Tahun 2026")
    from tests.test_local_codes import ROWS
    rows = [list(r) for r in ROWS]
    rows[1][2] = "1.848.716.000"           # 10.000 more than its three kegiatan
    t = d.add_table(rows=len(rows), cols=3)
    t.style = "Table Grid"
    t.autofit = False
    widths = (Cm(2.2), Cm(9), Cm(1.5))
    for j, w in enumerate(widths):
        t.columns[j].width = w                      # the grid LibreOffice lays the table out by
    for i, line in enumerate(rows):
        for j, v in enumerate(line):
            t.cell(i, j).text = v
            t.cell(i, j).width = widths[j]
    src = tmp_path / "docx"
    src.mkdir()
    d.save(src / "anggaran.docx")
    out = tmp_path / "pdf"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(src / "anggaran.docx")],
                   check=True, capture_output=True, timeout=180)
    import re

    from auditor.readers.pdf import page_texts
    raw = "".join(page_texts(str(out / "anggaran.pdf")))
    assert re.search(r"[0-9][0-9.]*\r?\n[0-9.]*[0-9]{3}", raw), raw[:400]    # the amounts do wrap in the PDF
    for folder in (src, out):
        rep = audit([str(folder)])
        got = [(f["rule"], f["reported"], f["expected"]) for f in rep["findings"] if f["rule"].startswith("SUM")]
        assert got == [("SUM002", 1848716000, 1848706000)], folder.name
        assert rep["summary"]["coverage"]["checked"] == rep["summary"]["coverage"]["numbers"] == 6, folder.name


@pytest.mark.parametrize("header, normed", [("Angg aran (Rp)", "anggaran rp"), ("Pa gu", "pagu"),
                                            ("Reali sasi", "realisasi"), ("No urut", "no urut"),
                                            ("Nama Program/Kegiatan", "nama program kegiatan"),
                                            ("Target PK", "target pk")])
def test_a_header_word_a_narrow_column_broke_is_one_word(header, normed):
    """Neither part a header word, together one: joined. A header word beside another word stays apart."""
    from auditor.tables.detect import norm
    assert norm(header) == normed
