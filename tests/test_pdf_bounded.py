"""The PDF reader's one-call bounded text (readers.pdf._bounded_reader) gives exactly what
pypdfium2's get_text_bounded gives, for PDFium's own text rectangles and for arbitrary boxes."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

PDF = Path(__file__).resolve().parent.parent / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"


def test_bounded_text_is_pypdfium2s():
    pdfium = pytest.importorskip("pypdfium2")
    from auditor.readers.pdf import _bounded_reader

    pdf = pdfium.PdfDocument(str(PDF))
    rng = random.Random(7)
    compared = nonempty = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            text = _bounded_reader(tp)
            w, h = page.get_size()
            boxes = [tp.get_rect(k) for k in range(tp.count_rects())]
            for _ in range(30):
                x0, y0 = rng.uniform(0, w), rng.uniform(0, h)
                boxes.append((x0, y0, rng.uniform(x0, w), rng.uniform(y0, h)))
            boxes.append((0, 0, w, h))                       # the whole page: many lines, \r\n between them
            for b in boxes:
                got, want = text(*b), tp.get_text_bounded(*b)
                assert got == want, (i, b)
                compared += 1
                nonempty += bool(want)
            tp.close()
            page.close()
    finally:
        pdf.close()
    assert compared > 1000 and nonempty > 500


def test_small_buffer_falls_back(monkeypatch):
    """A box whose text does not fit the buffer (sized by the page's characters) is still whole."""
    pdfium = pytest.importorskip("pypdfium2")
    from auditor.readers.pdf import _bounded_reader

    pdf = pdfium.PdfDocument(str(PDF))
    try:
        page = pdf[2]
        tp = page.get_textpage()
        monkeypatch.setattr(type(tp), "count_chars", lambda self: -40)     # buffer of 64 units
        text = _bounded_reader(tp)
        w, h = page.get_size()
        want = tp.get_text_bounded(0, 0, w, h)
        assert len(want) > 64 and text(0, 0, w, h) == want
        tp.close()
        page.close()
    finally:
        pdf.close()
