"""PDF with a text layer read like the .docx it was exported from; scanned pages; hostile PDFs (issue 14)."""
from __future__ import annotations

import shutil
import zlib
from collections import Counter
from pathlib import Path

import pytest

from auditor.engine import audit
from tests.helpers import SAMPLE_FINDINGS
from auditor.facts import build_facts
from auditor.loader import load_file
from auditor.readers.safety import InputProblem, Limits, check_file

from tests.helpers import shared_dir

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"
SAMPLE_PDF = ROOT / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"
SAMPLE_DOCX = SAMPLES / "lkip-2024.docx"


def _key(f: dict) -> tuple:
    return (f["rule"], str(f["reported"]), str(f["expected"]))


@pytest.fixture(scope="module")
def docx_folder_report():
    return audit([str(SAMPLES)])


@pytest.fixture(scope="module")
def pdf_folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("kalisat-pdf")
    for p in SAMPLES.glob("*.xlsx"):
        shutil.copy(p, d / p.name)
    shutil.copy(SAMPLE_PDF, d / SAMPLE_PDF.name)
    return d


@pytest.fixture(scope="module")
def pdf_folder_report(pdf_folder):
    return audit([str(pdf_folder)])


# ---- the sample: the PDF says what the .docx says ------------------------------------------------------

def test_pdf_instead_of_docx_gives_the_same_findings(docx_folder_report, pdf_folder_report):
    a = Counter((*_key(f), f["location"].get("cell")) for f in docx_folder_report["findings"])
    b = Counter((*_key(f), f["location"].get("cell")) for f in pdf_folder_report["findings"])
    assert len(docx_folder_report["findings"]) == SAMPLE_FINDINGS
    assert a == b


def test_every_docx_finding_is_found_in_the_pdf_alone():
    docx = audit([str(SAMPLE_DOCX)])["findings"]
    pdf = audit([str(SAMPLE_PDF)])["findings"]
    assert docx
    missing = Counter(map(_key, docx)) - Counter(map(_key, pdf))
    assert not missing, missing
    # and the finding stands where the .docx has it: the same table and cell
    at = {(f["rule"], f["location"].get("sheet"), f["location"].get("cell")) for f in pdf}
    for f in docx:
        if f["location"].get("cell"):
            assert (f["rule"], f["location"]["sheet"], f["location"]["cell"]) in at, f


def test_the_pdf_gives_the_same_facts_and_tables_as_the_docx():
    d, p = load_file(str(SAMPLE_DOCX)), load_file(str(SAMPLE_PDF))
    assert [(t.sheet, t.kind, t.caption, len(t.rows)) for t in d.tables] == \
           [(t.sheet, t.kind, t.caption, len(t.rows)) for t in p.tables]

    def facts(res):
        return Counter((f.entity, f.measure, f.period, str(f.num.value) if f.num else f.text, f.cell)
                       for f in build_facts([res]).facts)

    fd, fp = facts(d), facts(p)
    assert len(fd) > 100
    assert fd == fp


def test_without_bookmarks_headings_come_from_their_shape(monkeypatch):
    """A PDF exported without bookmarks (or from a Word file without Heading styles) gets its sections from
    the shape of LKIP headings: the same findings and captions as the .docx."""
    monkeypatch.setenv("LKIP_PDF_NO_OUTLINE", "1")
    docx = audit([str(SAMPLE_DOCX)])["findings"]
    pdf = audit([str(SAMPLE_PDF)])["findings"]
    assert Counter(map(_key, docx)) == Counter(map(_key, pdf))
    from auditor.readers.document import read_document
    from auditor.readers.pdf import read_pdf
    assert [g.caption for g in read_pdf(str(SAMPLE_PDF)).grids] == [g.caption for g in read_document(str(SAMPLE_DOCX)).grids]


def test_heading_shapes_without_outline(tmp_path):
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = getSampleStyleSheet()
    p = tmp_path / "lkip.pdf"
    body = "Realisasi anggaran tahun 2024 sebesar Rp 1.000.000 atau 90,00% dari pagu anggaran. " * 3
    SimpleDocTemplate(str(p)).build([
        Paragraph("DAFTAR ISI", st["Heading1"]), Paragraph("BAB I PENDAHULUAN ........ 1", st["Normal"]),
        Paragraph("BAB I", st["Heading1"]), Paragraph("PENDAHULUAN", st["Heading1"]),
        Paragraph("A. LATAR BELAKANG", st["Heading2"]), Paragraph(body, st["Normal"]),
        Paragraph("LAMPIRAN 1 Matriks Rencana Strategis", st["Heading1"]), Paragraph("Isi lampiran.", st["Normal"])])
    from auditor.readers.pdf import read_pdf
    d = read_pdf(str(p))
    sections = {p.text: p.section for p in d.paragraphs}
    assert sections[body.strip()] == ["BAB I PENDAHULUAN", "A. LATAR BELAKANG"]
    assert sections["Isi lampiran."] == ["LAMPIRAN 1 Matriks Rencana Strategis"]
    assert sections["BAB I PENDAHULUAN ........ 1"] == ["DAFTAR ISI"]          # a contents line is no heading


def test_bookmarks_that_name_no_heading_leave_headings_to_their_shape(tmp_path):
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    def mark(canvas, doc):                   # what a PDF merge tool writes: one bookmark per merged file
        canvas.bookmarkPage(f"p{doc.page}")
        canvas.addOutlineEntry(f"scan_{doc.page:03d}.pdf", f"p{doc.page}", level=0)

    st = getSampleStyleSheet()
    p = tmp_path / "gabungan.pdf"
    SimpleDocTemplate(str(p)).build([Paragraph("BAB III AKUNTABILITAS KINERJA", st["Heading1"]),
                                     Paragraph("F. REALISASI ANGGARAN", st["Heading2"]),
                                     Paragraph("Realisasi anggaran sebesar 82,86%.", st["Normal"])],
                                    onFirstPage=mark, onLaterPages=mark)
    from auditor.readers.pdf import read_pdf
    (para,) = [x for x in read_pdf(str(p)).paragraphs if x.text.startswith("Realisasi")]
    assert para.section == ["BAB III AKUNTABILITAS KINERJA", "F. REALISASI ANGGARAN"]


def test_pdf_locations_name_the_page(pdf_folder_report):
    pdf = [f for f in pdf_folder_report["findings"] if f["location"]["path"].endswith(".pdf")]
    assert pdf and all(isinstance(f["location"].get("page"), int) for f in pdf)
    # the RKT's JUMLAH (Lampiran 2) is on the third page of that table, p. 37 of the export
    (jumlah,) = [f for f in pdf if f["rule"] == "SUM001" and f["location"].get("sheet") == "table 32"]
    assert jumlah["location"]["cell"] == "L20" and jumlah["location"]["page"] == 37
    # the Ikhtisar's claims stand on p. 4
    assert {f["location"]["page"] for f in pdf if f["location"].get("sheet") == "IKHTISAR EKSEKUTIF"} == {4}
    # xlsx findings have no page
    assert all("page" not in f["location"] for f in pdf_folder_report["findings"] if f not in pdf)


def test_docx_and_its_pdf_side_by_side_fold_into_one_finding(tmp_path, docx_folder_report):
    for p in SAMPLES.iterdir():
        shutil.copy(p, tmp_path / p.name)
    shutil.copy(SAMPLE_PDF, tmp_path / SAMPLE_PDF.name)
    both = audit([str(tmp_path)])
    assert Counter(map(_key, both["findings"])) == Counter(map(_key, docx_folder_report["findings"]))


def test_table_over_pages_is_one_grid_with_a_page_per_row():
    p = load_file(str(SAMPLE_PDF))
    (t38,) = [t for t in p.tables if t.caption == "Tabel 3.8"]
    g = t38.grid
    assert g.nrows == 28 and g.row_pages[0] == 30 and g.row_pages[-1] == 31
    labels = [g.text(r, 1) for r in range(g.nrows)]
    assert labels.count("Program/ Kegiatan/ Sub Kegiatan") <= 1     # header not repeated inside


def test_page_shown_in_every_output(pdf_folder, tmp_path):
    from auditor.cli import main

    out = tmp_path / "o"
    out.mkdir()
    with pytest.raises(SystemExit) as e:
        main(["check", str(pdf_folder), "--html", str(out / "r.html"), "--kkr", str(out / "k.xlsx"),
              "--format", "json", "--lang", "en"])
    assert e.value.code == 1
    assert "p. 37, table 32!L20" in (out / "r.html").read_text(encoding="utf-8")
    import openpyxl
    ws = openpyxl.load_workbook(out / "k.xlsx").worksheets[0]
    assert any(isinstance(c.value, str) and c.value.startswith("p. 37, table 32!L20") for row in ws.iter_rows() for c in row)
    from rich.console import Console

    from auditor.report.terminal import render
    rep = audit([str(pdf_folder)], lang="en")
    con = Console(record=True, width=200)
    render(rep, con)
    assert "p. 37, table 32!L20" in con.export_text()


# ---- PDFs built here ------------------------------------------------------------------------------------

def _running(canvas, doc):
    """A running header and footer on every page, as Word documents have them."""
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 842 - 30, "LKIP Kecamatan Contoh Tahun 2024")
    canvas.drawString(500, 20, f"Halaman {doc.page}")
    canvas.restoreState()


def _pdf_table(path: Path, rows: list[list[str]], repeat: int = 1, spans=(), image_page: bool = False,
               encrypt: str | None = None) -> Path:
    """A PDF with a caption and a ruled table long enough to run over pages, its header repeated."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    kw = {}
    if encrypt:
        from reportlab.lib.pdfencrypt import StandardEncryption
        kw["encrypt"] = StandardEncryption(encrypt, canPrint=0)
    doc = SimpleDocTemplate(str(path), pagesize=A4, **kw)
    st = getSampleStyleSheet()
    story = [Paragraph("Tabel 3.8 Realisasi Anggaran Kecamatan Contoh Tahun 2024", st["Normal"])]
    t = Table(rows, repeatRows=repeat)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    style += [("SPAN", a, b) for a, b in spans]
    t.setStyle(TableStyle(style))
    story.append(t)
    if image_page:
        story.append(PageBreak())
        story.append(_image_flowable(path.parent))
    doc.build(story, onFirstPage=_running, onLaterPages=_running)
    return path


def _image_flowable(folder: Path):
    from PIL import Image
    from reportlab.platypus import Image as RLImage

    png = folder / "scan.png"
    Image.new("RGB", (200, 280), (240, 240, 240)).save(png)
    return RLImage(str(png), width=400, height=560)


def _anggaran_rows(n: int, jumlah_pagu: str) -> list[list[str]]:
    rows = [["No", "Program/ Kegiatan/ Sub Kegiatan", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "%"]]
    for i in range(1, n + 1):
        rows.append([str(i), f"Sub Kegiatan {i} : Penyediaan Layanan Nomor {i}", "1.000.000", "900.000", "90,00"])
    rows.append(["JUMLAH", "", jumlah_pagu, f"{900_000 * n:,}".replace(",", "."), "90,00"])
    return rows


def test_two_page_table_with_repeated_header_is_one_table_and_its_total_checked(tmp_path):
    n = 60                                    # ~ 2 A4 pages of rows
    wrong = f"{1_000_000 * n + 5_000:,}".replace(",", ".")
    p = _pdf_table(tmp_path / "lkip.pdf", _anggaran_rows(n, wrong))
    res = load_file(str(p))
    assert res.error is None and res.pages >= 2
    (g,) = {t.grid.sheet: t.grid for t in res.tables}.values()
    assert g.nrows == n + 2                                       # header once, every row, the JUMLAH
    assert [g.text(r, 0) for r in range(g.nrows)].count("No") == 1
    assert g.row_pages[0] == 1 and g.row_pages[-1] == res.pages
    # the running header and footer are neither rows nor paragraphs
    assert not [p for p in res.paragraphs if "LKIP Kecamatan Contoh" in p.text or "Halaman" in p.text]
    assert g.text(g.nrows - 1, 2) == wrong                        # numbers as the text shows them
    rep = audit([str(p)])
    (f,) = [f for f in rep["findings"] if f["rule"] == "SUM001" and f["location"]["cell"] == f"C{n + 2}"]
    assert f["reported"] == 1_000_000 * n + 5_000 and f["expected"] == 1_000_000 * n
    assert f["location"]["page"] == res.pages and f["location"]["caption"] == "Tabel 3.8"


def test_continuation_with_fewer_column_rules_is_laid_on_the_first_part(tmp_path):
    """Rows on the next page that merge two columns (no rule between them there) still continue the table."""
    rows = [["No", "Uraian", "Target", "Realisasi"]]
    rows += [[str(i), f"Indikator {i}", "100", "90"] for i in range(1, 31)]
    rows += [[str(i), f"Catatan {i}", f"keterangan panjang {i}", ""] for i in range(31, 71)]
    spans = [((2, r), (3, r)) for r in range(31, 71)]
    p = _pdf_table(tmp_path / "t.pdf", rows, repeat=0, spans=spans)
    g = _only_grid(p)
    assert (g.nrows, g.ncols) == (71, 4) and set(g.row_pages) == {1, 2}
    last = g.nrows - 1
    assert g.values[last] == ["70", "Catatan 70", "keterangan panjang 70", None]
    assert (last, 2, last, 3) in g.merged


def test_merged_header_cells_are_merged_ranges(tmp_path):
    rows = [["No", "Uraian", "Jumlah (Rp)", ""], ["", "", "Anggaran", "Realisasi"],
            ["1", "Belanja Operasi", "100", "90"], ["2", "Belanja Modal", "50", "40"]]
    spans = [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (3, 0))]   # (col, row) in reportlab
    p = _pdf_table(tmp_path / "m.pdf", rows, repeat=2, spans=spans)
    g = _only_grid(p)
    assert sorted(g.merged) == [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)]
    assert g.values[0][:3] == ["No", "Uraian", "Jumlah (Rp)"] and g.values[1][2:] == ["Anggaran", "Realisasi"]


def _only_grid(p):
    from auditor.readers.pdf import read_pdf
    (g,) = read_pdf(str(p)).grids
    return g


def test_mixed_text_and_scanned_pages_name_the_scanned_page(tmp_path):
    p = _pdf_table(tmp_path / "mixed.pdf", _anggaran_rows(3, "3.000.000"), image_page=True)
    rep = audit([str(p)])
    (f,) = [f for f in rep["findings"] if f["rule"] == "IN020"]
    assert f["reported"] == "2" and f["location"]["page"] == 2 and f["severity"] == "warning"


def test_a_picture_over_much_of_a_text_page_is_said_not_audited(tmp_path):
    from PIL import Image
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Image as RLImage
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    png = tmp_path / "tabel.png"
    Image.new("RGB", (300, 300), (250, 250, 250)).save(png)
    logo = tmp_path / "logo.png"
    Image.new("RGB", (50, 50), (0, 0, 0)).save(logo)
    p = tmp_path / "lkip.pdf"
    st = getSampleStyleSheet()["Normal"]
    SimpleDocTemplate(str(p)).build([Paragraph("Tabel 3.2 Pengukuran Kinerja (terlampir sebagai gambar)", st),
                                     RLImage(str(png), width=420, height=420),
                                     Paragraph("Halaman dengan logo kecil saja.", st), RLImage(str(logo), 60, 60)])
    rep = audit([str(p)])
    (f,) = [f for f in rep["findings"] if f["rule"] == "IN021"]
    assert f["reported"] == "1" and f["severity"] == "info" and f["location"]["page"] == 1
    assert not [f for f in rep["findings"] if f["rule"] == "IN020"]


def test_fully_scanned_pdf_is_one_finding(tmp_path):
    from reportlab.platypus import SimpleDocTemplate
    p = tmp_path / "pk.pdf"
    SimpleDocTemplate(str(p)).build([_image_flowable(tmp_path)])
    rep = audit([str(p)])
    assert [(f["rule"], f["reported"]) for f in rep["findings"]] == [("IN020", "1")]


# ---- hostile PDFs ---------------------------------------------------------------------------------------

def _refused(p, reason):
    res = load_file(str(p))
    assert res.error and [(f.rule, f.reported) for f in res.problems] == [("IN001", reason)], res.problems
    assert "\n" not in res.error
    return res


def test_encrypted_pdf_is_refused(tmp_path):
    p = _pdf_table(tmp_path / "enc.pdf", _anggaran_rows(3, "3.000.000"), encrypt="rahasia")
    _refused(p, "encrypted")


def test_truncated_pdf_is_refused(tmp_path):
    data = SAMPLE_PDF.read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: len(data) // 2])
    _refused(p, "corrupt_pdf")


def _pdf_bytes(objs: list[bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1, the first the catalog), with its xref table."""
    pdf, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs):
        offs.append(len(pdf))
        pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return pdf


def _bomb(path: Path, megabytes: int) -> Path:
    z = zlib.compressobj(9)
    comp = b"".join(z.compress(b" " * (1 << 20)) for _ in range(megabytes)) + z.flush()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(comp) + comp + b"\nendstream"]
    path.write_bytes(_pdf_bytes(objs))
    return path


def _damaged_pdf(path):
    """Two pages; the second of the page tree is not a page (a damaged copy)."""
    content = b"BT /F1 12 Tf 72 720 Td (Halaman satu: Jumlah 1.000) Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"42"]
    open(path, "wb").write(_pdf_bytes(objs))
    return path


def test_a_damaged_page_is_named_and_the_others_read(tmp_path):
    res = load_file(_damaged_pdf(str(tmp_path / "rusak.pdf")))
    assert res.error is None and res.pages == 2
    assert [(f.rule, f.reported, f.location.page) for f in res.problems] == [("IN022", "2", 2)]
    assert [p.text for p in res.paragraphs] == ["Halaman satu: Jumlah 1.000"]


def test_decompression_bomb_is_refused_quickly(tmp_path):
    import time
    p = _bomb(tmp_path / "bom.pdf", 300)          # 300 MB of spaces in ~300 KB
    t = time.perf_counter()
    _refused(p, "pdf_bomb")
    assert time.perf_counter() - t < 2


def test_thousands_of_pages_are_refused(tmp_path):
    from reportlab.pdfgen import canvas
    p = tmp_path / "many.pdf"
    c = canvas.Canvas(str(p))
    for i in range(Limits().max_pdf_pages + 1):
        c.drawString(72, 72, f"halaman {i + 1}")
        c.showPage()
    c.save()
    assert check_file(str(p)) == "pdf"
    _refused(p, "too_many_pages")


def test_a_small_limit_bounds_the_pages_read(tmp_path):
    p = _pdf_table(tmp_path / "lkip.pdf", _anggaran_rows(60, "60.000.000"))
    res = load_file(str(p), limits=Limits(max_pdf_pages=1))
    assert [(f.rule, f.reported) for f in res.problems] == [("IN001", "too_many_pages")]


def test_check_file_accepts_pdf_with_junk_before_the_header(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_bytes(b"\r\n" + SAMPLE_PDF.read_bytes())
    assert check_file(str(p)) == "pdf"
    with pytest.raises(InputProblem) as e:
        q = tmp_path / "y.pdf"
        q.write_bytes(b"%PDF-1.4\n1 0 obj\n")
        check_file(str(q))
    assert e.value.reason == "corrupt_pdf"


# ---- real PDFs (../shared/real) --------------------------------------------------------------------------

def _real(*parts):
    sd = shared_dir()
    p = sd / "real" / Path(*parts) if sd else None
    if p is None or not p.exists():
        pytest.skip("shared/real not available")
    return p


def test_real_text_pdf_yields_its_lampiran_table_over_two_pages():
    p = _real("pasuruan-bappeda-2021", "SK IKU REVIEW BAPPEDA 2021.pdf")
    res = load_file(str(p))
    assert res.error is None and res.pages == 8
    from auditor.readers.pdf import read_pdf
    grids = read_pdf(str(p)).grids
    iku = [g for g in grids if "sasaran strategis" in " ".join(g.row_texts(0)).lower()]
    assert len(iku) == 1 and set(iku[0].row_pages) == {7, 8}        # one table over pages 7 and 8
    assert iku[0].nrows >= 15
    rep = audit([str(p)])
    assert not [f for f in rep["findings"] if f["severity"] == "error"]


def test_real_scanned_pk_is_not_audited_with_its_pages():
    rep = audit([str(_real("pasuruan-bappeda-2021", "PK_KABAN.pdf"))])
    assert [(f["rule"], f["reported"]) for f in rep["findings"]] == [("IN020", "1-2")]


def test_real_pdf_with_16_scanned_pages():
    rep = audit([str(_real("ntt-bps-2024"))])
    scanned = [f for f in rep["findings"] if f["rule"] == "IN020"]
    assert [f["reported"] for f in scanned] == ["2-6, 8-18"]
    assert not [f for f in rep["findings"] if f["severity"] == "error"]


@pytest.mark.parametrize("seed", range(8))
def test_randomly_damaged_copies_are_read_or_refused_in_one_line(tmp_path, seed):
    import random
    r = random.Random(seed)
    b = bytearray(SAMPLE_PDF.read_bytes())
    for _ in range(r.choice([5, 50, 500])):
        b[r.randrange(len(b))] = r.randrange(256)
    p = tmp_path / "rusak.pdf"
    p.write_bytes(bytes(b))
    res = load_file(str(p))                          # never raises
    if res.error:
        assert [f.rule for f in res.problems] == ["IN001"] and "\n" not in res.error
    else:
        assert all(f.rule in ("IN020", "IN021", "IN022", "IN023") for f in res.problems)
