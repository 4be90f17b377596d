"""Leaving the text rectangles inside tables unread (readers.pdf._deep) changes nothing: the PDF reader
gives the same Grids and paragraphs as when it reads every rectangle — on the sample PDF, the real PDFs
and generated pages with text beside a table's rows, tables side by side, a caption set tight on a
table and text touching its rules."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import shared_dir

PDF = Path(__file__).resolve().parent.parent / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"


def _read(path, monkeypatch, read_all: bool):
    from auditor.readers import pdf as P

    with monkeypatch.context() as m:
        if read_all:
            m.setattr(P, "_deep", lambda rects, tables: [False] * len(rects))
        d = P.read_pdf(str(path))
    return ([(g.values, sorted(g.merged), g.caption, g.row_pages, g.preamble) for g in d.grids],
            [(p.text, p.style, p.section, p.near_table, p.page) for p in d.paragraphs])


def _skipped(path) -> int:
    pdfium = pytest.importorskip("pypdfium2")
    import pypdfium2.raw as R

    from auditor.readers import pdf as P

    pdf = pdfium.PdfDocument(str(path))
    n = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            _w, h = page.get_size()
            tp = page.get_textpage()
            paths, _ = P._page_objects(page, R)
            tables = P._tables(i + 1, P._edges(paths, h), tp, h)
            boxes = [tp.get_rect(k) for k in range(tp.count_rects())]
            n += sum(P._deep([(h - t, h - b, l, r) for l, b, r, t in boxes], tables))
            tp.close()
            page.close()
    finally:
        pdf.close()
    return n


def test_sample_pdf_same_with_and_without_leaving_out(monkeypatch):
    pytest.importorskip("pypdfium2")
    assert _read(PDF, monkeypatch, False) == _read(PDF, monkeypatch, True)
    assert _skipped(PDF) > 1000          # the sample's tables are really left unread


def test_real_pdfs_same_with_and_without_leaving_out(monkeypatch):
    shared = shared_dir()
    pdfs = sorted(Path(shared, "real").rglob("*.pdf")) if shared else []
    if not pdfs:
        pytest.skip("no real PDFs")
    for p in pdfs:
        assert _read(p, monkeypatch, False) == _read(p, monkeypatch, True), p


def _grid(c, x0, top, widths, rows, h=18, pad=2):
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for r in range(len(rows) + 1):
        c.line(xs[0], top - r * h, xs[-1], top - r * h)
    for x in xs:
        c.line(x, top, x, top - len(rows) * h)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            c.drawString(xs[k] + 2, top - (r + 1) * h + pad, text)     # pad 2: descenders over the lower rule
    return xs


def test_generated_layouts(tmp_path, monkeypatch):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "t.pdf"
    c = canvas.Canvas(str(path))
    rows = [["No", "Indikator", "Target", "Realisasi"], ["1", "Capaian kinerja", "100", "95,5"],
            ["2", "Indeks kepuasan", "80", "82"]]
    # page 1: a caption tight above a table, a paragraph below, a table far below
    c.drawString(72, 742, "Tabel 3.1 Capaian Kinerja")
    _grid(c, 72, 740, [30, 150, 60, 60], rows)
    c.drawString(72, 660, "Capaian kinerja tahun ini lebih baik dari tahun lalu.")
    _grid(c, 72, 500, [30, 150, 60, 60], rows)
    c.drawString(72, 400, "1")
    c.showPage()
    # page 2: a note beside a table's rows (the page is read whole)
    _grid(c, 72, 740, [30, 150, 60, 60], rows)
    c.drawString(400, 710, "catatan di samping tabel")
    c.drawString(72, 600, "Sumber: SIPD")
    c.showPage()
    # page 3: two tables side by side
    _grid(c, 40, 740, [30, 100, 50], [r[:3] for r in rows])
    _grid(c, 300, 740, [30, 100, 50], [r[:3] for r in rows])
    c.drawString(72, 600, "Dua tabel berdampingan.")
    c.showPage()
    # page 4: text straddling a table's top rule, and a line just under its last rule
    _grid(c, 72, 740, [30, 150, 60, 60], rows)
    c.drawString(80, 737, "melewati garis")
    c.drawString(72, 684.5, "tepat di bawah tabel")
    c.showPage()
    # page 5: a caption clear of the table, a paragraph below: its rows are left unread
    c.drawString(72, 750, "Tabel 3.2 Realisasi Anggaran")
    _grid(c, 72, 740, [30, 150, 60, 60], rows, pad=6)
    c.drawString(72, 660, "Realisasi anggaran mencapai 95,5 persen.")
    c.showPage()
    c.save()
    got, want = _read(path, monkeypatch, False), _read(path, monkeypatch, True)
    assert got == want
    # (the note beside the rows shares a band with a row's text and goes with it: as before)
    assert len(got[0]) >= 4 and any(p[0].startswith("Sumber") for p in got[1])
    assert _skipped(path) > 0
