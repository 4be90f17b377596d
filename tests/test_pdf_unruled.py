"""IN023: a table a PDF sets out without ruling lines is not read as a table; its numbers are said to be
left unaudited (readers.pdf._unruled_tables), and justified prose with numbers is no such table."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from auditor.engine import audit
from auditor.readers.pdf import read_pdf

ROWS = [("1", "Program Penunjang Urusan Pemerintahan", "1.500.000.000", "1.350.000.000", "90,00"),
        ("2", "Program Pemberdayaan Masyarakat", "800.000.000", "720.000.000", "90,00"),
        ("3", "Program Ketentraman dan Ketertiban", "400.000.000", "380.000.000", "95,00"),
        ("", "Jumlah", "2.700.000.000", "2.450.000.000", "90,74")]


def _pdf(path: Path, lines: bool, prose: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 10)
    y = 760
    c.drawString(60, y, "Tabel 3.5 Realisasi Anggaran per Program Tahun 2024")
    y -= 30
    for x, h in ((60, "No"), (90, "Program"), (380, "Pagu (Rp)"), (470, "Realisasi (Rp)"), (540, "%")):
        c.drawString(x, y, h)
    top = y + 14
    for row in ROWS:
        y -= 20
        c.drawString(62, y, row[0])
        c.drawString(90, y, row[1])
        for right, v in ((440, row[2]), (530, row[3]), (570, row[4])):
            c.drawRightString(right, y, v)
    if lines:                            # the same table ruled: every row and column boundary drawn
        xs, ys = (55, 85, 300, 445, 535, 575), [top - 20 * k - 6 for k in range(len(ROWS) + 2)]
        ys[0] = top
        for x in xs:
            c.line(x, ys[0], x, ys[-1])
        for yy in ys:
            c.line(xs[0], yy, xs[-1], yy)
    if prose:
        # a decree's justified list: its words set far apart, the numbers in the same places on every line
        for k, (n, nomor, tahun) in enumerate((("1", "12", "1950"), ("2", "28", "1999"), ("3", "25", "2004"))):
            words = ["Mengingat", ":", n, "Undang", "-", "Undang", "Nomor", nomor, "Tahun", tahun, "tentang"]
            for j, w in enumerate(words):
                c.drawString(60 + 48 * j, 560 - 16 * k, w)
    c.save()
    return path


def test_a_table_without_ruling_lines_is_said_not_audited(tmp_path):
    p = _pdf(tmp_path / "tanpa-garis.pdf", lines=False)
    assert read_pdf(str(p)).unruled == [(1, 15)]          # 3 rows of 4 numbers (No too) and the total's 3
    rep = audit([str(p)])
    got = [(f["rule"], f["location"]["page"], f["reported"]) for f in rep["findings"] if f["rule"] == "IN023"]
    assert got == [("IN023", 1, 15)]
    items = rep["files"][0]["coverage"]["not_audited"]
    assert [(x["reason"], x["where"], x["numbers"]) for x in items if x["reason"] == "unruled_table"] == [
        ("unruled_table", "1", 15)]


def test_the_same_table_ruled_is_read_and_prose_is_no_table(tmp_path):
    p = _pdf(tmp_path / "bergaris.pdf", lines=True, prose=True)
    from auditor.loader import load_file
    assert read_pdf(str(p)).unruled == [] and load_file(str(p)).tables      # read as a table instead
    assert not [f for f in audit([str(p)])["findings"] if f["rule"] == "IN023"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_word_table_without_borders_exported_by_libreoffice(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Tabel 3.5 Realisasi Anggaran per Program")
    t = d.add_table(rows=len(ROWS) + 1, cols=5)        # the default style draws no borders
    for j, h in enumerate(["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "%"]):
        t.cell(0, j).text = h
    for i, row in enumerate(ROWS, start=1):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.save(tmp_path / "u.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "u.docx")],
                   check=True, capture_output=True, timeout=180)
    assert [f["rule"] for f in audit([str(tmp_path / "u.pdf")])["findings"] if f["rule"] == "IN023"] == ["IN023"]
