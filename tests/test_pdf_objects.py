"""The PDF reader's one raw walk over a page's objects (readers.pdf._page_objects) finds what
pypdfium2's `get_objects` finds: the top-level paths (max_depth=1) with their bounds, and the images
down into Form XObjects (max_depth=4) — on the sample PDF, the real PDFs and a generated page with
nested forms, images and ruled cells."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import shared_dir

PDF = Path(__file__).resolve().parent.parent / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"


def _compare(path) -> tuple[int, int]:
    pdfium = pytest.importorskip("pypdfium2")
    import pypdfium2.raw as R

    from auditor.readers.pdf import _page_objects

    pdf = pdfium.PdfDocument(str(path))
    n_paths = n_images = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            paths, images = _page_objects(page, R)
            want_paths = [(o.raw, o.get_bounds()) for o in page.get_objects(filter=[R.FPDF_PAGEOBJ_PATH], max_depth=1)]
            got = [(ctypes_addr(raw), b) for raw, b in paths]
            assert got == [(ctypes_addr(raw), b) for raw, b in want_paths], (path, i)
            want_images = []
            for o in page.get_objects(filter=[R.FPDF_PAGEOBJ_IMAGE], max_depth=4):
                try:
                    want_images.append(o.get_bounds())
                except Exception:
                    want_images.append(None)
            assert images == want_images, (path, i)
            n_paths += len(paths)
            n_images += len(images)
            page.close()
    finally:
        pdf.close()
    return n_paths, n_images


def ctypes_addr(raw) -> int:
    import ctypes
    return ctypes.cast(raw, ctypes.c_void_p).value


def test_sample_pdf_objects_are_pypdfium2s():
    n_paths, _ = _compare(PDF)
    assert n_paths > 500


def test_real_pdf_objects_are_pypdfium2s():
    shared = shared_dir()
    if shared is None:
        pytest.skip("no shared/real")
    pdfs = sorted(Path(shared, "real").rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no real PDFs")
    for p in pdfs:
        _compare(p)


def test_nested_forms_images_and_cells(tmp_path):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from PIL import Image

    img = tmp_path / "dot.png"
    Image.new("RGB", (4, 4), (200, 0, 0)).save(img)
    c = canvas.Canvas(str(tmp_path / "t.pdf"))
    # a form holding an image and a form that holds another image (levels 1, 2, 3, 4: the last is past max_depth)
    c.beginForm("deep")
    c.drawImage(ImageReader(str(img)), 0, 0, 20, 20)
    c.endForm()
    c.beginForm("inner3")
    c.drawImage(ImageReader(str(img)), 0, 0, 30, 30)
    c.doForm("deep")
    c.endForm()
    c.beginForm("inner2")
    c.doForm("inner3")
    c.line(0, 0, 50, 0)                       # a path inside a form: not a ruling line of the page
    c.endForm()
    c.beginForm("outer")
    c.drawImage(ImageReader(str(img)), 0, 0, 40, 40)
    c.doForm("inner2")
    c.endForm()
    c.doForm("outer")
    c.drawImage(ImageReader(str(img)), 300, 500, 100, 100)
    for k in range(4):                         # a ruled table: lines and cell rectangles
        c.line(72, 700 - 20 * k, 372, 700 - 20 * k)
    c.rect(72, 500, 150, 60)
    c.drawString(80, 520, "Capaian 95 %")
    c.showPage()
    c.save()
    n_paths, n_images = _compare(tmp_path / "t.pdf")
    assert n_paths >= 5 and n_images >= 3
