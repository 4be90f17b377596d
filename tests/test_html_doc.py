"""HTML and MHTML "Excel" exports read as Grids; legacy .doc/.odt/.rtf through LibreOffice (issue 14)."""
from __future__ import annotations

import os
import quopri
import shutil
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

import pytest

from auditor.engine import audit
from auditor.loader import load_file
from auditor.readers.html import read_html
from auditor.readers.safety import Limits, check_file, sniff
from tests.helpers import shared_dir

ROOT = Path(__file__).resolve().parent.parent

# a web application's "export to Excel": a title, a two-row header with colspan/rowspan, a code column,
# amounts as Indonesian text, a JUMLAH row that is wrong by 5.000
PAGE = """<html><head><meta charset="utf-8"><title>Realisasi</title></head><body>
<h3>REALISASI ANGGARAN KECAMATAN CONTOH TAHUN 2024</h3>
<table border="1">
 <thead>
  <tr><th rowspan="2">Kode</th><th rowspan="2">Program/ Kegiatan/ Sub Kegiatan</th><th colspan="2">Jumlah (Rp)</th><th rowspan="2">%</th></tr>
  <tr><th>Pagu Anggaran</th><th>Realisasi</th></tr>
 </thead>
 <tbody>
  <tr><td>7.01.01</td><td>Program Penunjang Urusan Pemerintahan Daerah</td><td>3.000.000</td><td>2.700.000</td><td>90,00</td></tr>
  <tr><td>7.01.01.2.01</td><td>Perencanaan, Penganggaran, dan Evaluasi Kinerja</td><td>3.000.000</td><td>2.700.000</td><td>90,00</td></tr>
  <tr><td>7.01.01.2.01.0001</td><td>Penyusunan Dokumen Perencanaan</td><td>1.000.000</td><td>900.000</td><td>90,00</td></tr>
  <tr><td>7.01.01.2.01.0002</td><td>Koordinasi dan Penyusunan Dokumen RKA</td><td>2.000.000</td><td>1.800.000</td><td>90,00</td></tr>
  <tr><td colspan="2">JUMLAH</td><td>3.005.000</td><td>2.700.000</td><td>89,85</td></tr>
 </tbody>
</table></body></html>"""


def _mhtml(html: str) -> bytes:
    """What a browser's "save page as single file" writes: multipart/related, the page quoted-printable."""
    msg = MIMEMultipart("related", type="text/html")
    msg["Subject"] = "Realisasi"
    part = MIMENonMultipart("text", "html", charset="utf-8")
    part["Content-Transfer-Encoding"] = "quoted-printable"
    part["Content-Location"] = "http://example.invalid/laporan?jenis=xls"
    part.set_payload(quopri.encodestring(html.encode("utf-8")).decode("ascii"))
    msg.attach(part)
    return b"From: <Saved by Blink>\r\n" + msg.as_bytes()


def test_html_table_with_rowspan_and_colspan_is_a_grid(tmp_path):
    p = tmp_path / "realisasi.xls"
    p.write_text(PAGE, encoding="utf-8")
    assert sniff(p) == "html" and check_file(p) == "html"
    (g,) = read_html(str(p))
    assert (g.nrows, g.ncols) == (7, 5)
    assert sorted(g.merged) == [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (6, 0, 6, 1)]
    assert g.values[1] == [None, None, "Pagu Anggaran", "Realisasi", None]
    assert g.values[6] == ["JUMLAH", None, "3.005.000", "2.700.000", "89,85"]   # numbers as the text shows them
    assert g.values[4][0] == "7.01.01.2.01.0001"
    assert g.caption == "REALISASI ANGGARAN KECAMATAN CONTOH TAHUN 2024"


def test_html_export_is_checked_like_a_workbook(tmp_path):
    p = tmp_path / "realisasi.xls"
    p.write_text(PAGE, encoding="utf-8")
    rep = audit([str(p)])
    assert rep["files"][0]["format"] == "html" and rep["files"][0]["tables"]
    sums = [(f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"]
            if f["family"] == "SUM"]
    assert ("SUM001", "C7", 3_005_000, 3_000_000) in sums
    assert not [f for f in rep["findings"] if f["location"].get("cell") in ("D7", "E7") and f["severity"] == "error"]


def test_mhtml_gives_the_same_grid_as_its_page(tmp_path):
    html = tmp_path / "a.xls"
    html.write_text(PAGE, encoding="utf-8")
    mht = tmp_path / "b.xls"
    mht.write_bytes(_mhtml(PAGE))
    assert sniff(mht) == "mhtml" and check_file(mht) == "mhtml"
    (a,), (b,) = read_html(str(html)), read_html(str(mht), mime=True)
    assert a.values == b.values and a.merged == b.merged
    res = load_file(str(mht))
    assert res.format == "mhtml" and res.error is None and res.tables


@pytest.mark.parametrize("encoding,meta", [("utf-8", "windows-1252"), ("windows-1252", "utf-8"), ("utf-16", None)])
def test_encodings_follow_the_mime_header_or_bom(tmp_path, encoding, meta):
    page = PAGE.replace('<meta charset="utf-8">', f'<meta charset="{meta}">' if meta else "")
    page = page.replace("Perencanaan</td>", "Perencanaan – Kecamatan Désa</td>")
    if encoding == "utf-16":
        p = tmp_path / "u16.xls"
        p.write_bytes(page.encode("utf-16"))                     # with a BOM
        (g,) = read_html(str(p))
    else:
        msg = _mhtml(page).replace(b'charset="utf-8"', f'charset="{encoding}"'.encode())
        body = quopri.encodestring(page.encode(encoding)).decode("ascii")
        head, _, _ = msg.partition(b"Content-Location: http://example.invalid/laporan?jenis=xls")
        p = tmp_path / "m.xls"
        boundary = msg.split(b"boundary=\"", 1)[1].split(b"\"", 1)[0]
        p.write_bytes(head + b"Content-Location: x\n\n" + body.encode() + b"\n--" + boundary + b"--\n")
        (g,) = read_html(str(p), mime=True)
    assert g.values[4][1] == "Penyusunan Dokumen Perencanaan – Kecamatan Désa"


def test_hostile_html_fetches_nothing_and_clips_spans(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-123")
    page = (f'<!DOCTYPE html SYSTEM "file://{secret}"><html><head>'
            f'<link rel="stylesheet" href="file://{secret}"><script>alert(1)</script></head><body>'
            f'<img src="http://example.invalid/x.png"><iframe src="file://{secret}"></iframe>'
            '<table><tr><td rowspan="65534" colspan="999999">Kode</td><td>Pagu</td></tr>'
            '<tr><td>1.000</td></tr></table></body></html>')
    p = tmp_path / "x.xls"
    p.write_text(page)
    (g,) = read_html(str(p))
    assert g.nrows == 2 and g.ncols <= 1001                      # spans clipped to the table and to 1000
    assert not any("RAHASIA" in str(v) or "alert" in str(v) for row in g.values for v in row)
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><table>" + b" " * (2 * 1024 * 1024) + b"</table></html>")
    assert load_file(str(big), limits=Limits(max_html_bytes=1024 * 1024)).problems[0].reported == "too_large"


def test_real_mhtml_revenue_report():
    sd = shared_dir()
    src = list((sd / "real" / "tangsel-bapenda-2020").glob("*.xls")) if sd else []
    if not src:
        pytest.skip("shared/real not available")
    (g,) = read_html(str(src[0]), mime=True)
    assert g.ncols == 18
    codes = [next((g.text(r, c) for c in range(4) if g.text(r, c)), "") for r in range(g.nrows)]
    coded = [c for c in codes if c.isdigit() and c.startswith("4")]
    assert len(coded) == 354
    assert {len(c) for c in coded} == {1, 2, 3, 5, 7}                   # 4 / 41 / 411 / 41101 / 4110103
    numeric = [c for c in range(5, 18) if all(g.text(r, c) == "" or g.text(r, c).replace(".", "").isdigit()
                                             for r in range(2, g.nrows))]
    assert len(numeric) == 13
    assert g.text(2, 0) == "4" and g.text(2, 5) == "2.258.104.054.606"  # PENDAPATAN DAERAH, APBD 2020
    assert (0, 0, 0, 4) in g.merged                                     # URAIAN over the 5 code/name columns
    rep = audit([str(src[0])])
    assert rep["files"][0]["error"] is None
    assert not [f for f in rep["findings"] if f["severity"] == "error"]


# ---- .doc / .odt / .rtf ----------------------------------------------------------------------------------

def test_doc_without_libreoffice_is_reported_not_audited(tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_SOFFICE", "")
    from tests.test_safety import write_ole
    p = write_ole(tmp_path / "iku.doc", {"WordDocument": b"\xec\xa5" + b"\0" * 5000})
    res = load_file(str(p))
    assert [(f.rule, f.reported) for f in res.problems] == [("IN001", "unsupported_format")]
    assert ".docx" in res.error and "\n" not in res.error
    assert os.listdir(tmp_path) == ["iku.doc"]                         # nothing written beside the input


def test_rtf_is_recognised(tmp_path):
    p = tmp_path / "x.rtf"
    p.write_bytes(b"{\\rtf1\\ansi Hello}")
    assert sniff(p) == "rtf" and check_file(p) == "rtf"


needs_soffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                   reason="LibreOffice (soffice) not installed")


@needs_soffice
def test_doc_converted_with_libreoffice_reads_like_the_docx(tmp_path):
    import subprocess
    src = ROOT / "samples" / "kalisat-2024" / "lkip-2024.docx"
    work = tmp_path / "w"
    work.mkdir()
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'prof'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(work), str(src)], check=True, capture_output=True,
                   timeout=120)
    doc = work / "lkip-2024.doc"
    before = sorted(os.listdir(work))
    res = load_file(str(doc))
    assert res.format == "doc" and res.error is None
    assert sorted(os.listdir(work)) == before                         # nothing written beside the input
    d = load_file(str(src))
    assert [(t.kind, t.caption) for t in res.tables] == [(t.kind, t.caption) for t in d.tables]
    assert all(t.path == str(doc) for t in res.tables)


@needs_soffice
def test_real_iku_doc_is_read():
    sd = shared_dir()
    src = list((sd / "real" / "jabar-iku-2015").glob("*.doc")) if sd else []
    if not src:
        pytest.skip("shared/real not available")
    res = load_file(str(src[0]))
    assert res.error is None and res.format == "doc" and res.sheets >= 3
