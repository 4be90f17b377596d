"""Outputs built from the report dict: HTML, KKR workbook, annotated workbook copies."""
from __future__ import annotations

import copy
import hashlib
import os
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # running pytest without the package installed
    sys.path.insert(0, str(ROOT))

from auditor.report import labels as L  # noqa: E402
from auditor.report.annotate import OutputProblem, annotate_workbooks  # noqa: E402
from auditor.report.html import render_html  # noqa: E402
from auditor.report.kkr import write_kkr  # noqa: E402

HOSTILE = "<script>alert(1)</script>"
HOSTILE_ATTR = '"><img src=x onerror=alert(2)>'


# ------------------------------------------------------------------------------------ fixtures

def build_workbook(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel 3.5"
    ws.append(["Tabel 3.5 Realisasi Anggaran Program Pendukung"])
    ws.append([])
    ws.append(["No", "Program/Kegiatan", "Anggaran", "Realisasi", "% Serapan"])
    ws.append([None, None, "(Rp)", "(Rp)", "(%)"])
    ws.append([1, "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", 232309480, 230544850, 85])
    ws.append([2, "Penyediaan Jasa Surat Menyurat", 1500000, 1450000, 96.67])
    ws.append([3, "Penyediaan Gaji dan Tunjangan ASN", 2277934718, 2279749348, 100.08])
    ws.append([None, "JUMLAH", 2511744198, "=SUM(D5:D7)", 99.9])
    ws.merge_cells("A1:E1")
    ws["B5"].comment = Comment("catatan penyusun", "Sekcam")
    ws["B6"].comment = Comment("cek lagi", "Sekcam")
    ws["C8"].fill = PatternFill("solid", fgColor="D9D9D9")

    ws2 = wb.create_sheet("Tabel 3.1")
    ws2.append(["Sasaran", "Target", "Realisasi", "Predikat"])
    ws2.append(["Indeks Kepuasan Masyarakat", 80, 82.5, "Tinggi"])
    ws2.append(["Nilai SAKIP", 70, 71.2, "Sedang"])
    ws2.append(["Persentase rekomendasi ditindaklanjuti", 100, 95, "Tinggi"])
    ws2.append([])
    ws2.append(["Jumlah indikator", 3])
    wb.save(path)


def build_report(xlsx: Path, lang: str = "id") -> dict:
    x = str(xlsx)
    docx = str(xlsx.parent / "lkip-2024.docx")
    loc = lambda sheet, cell, **kw: {"path": x, "sheet": sheet, "cell": cell, **kw}  # noqa: E731
    findings = [
        {"rule": "PCT002", "name": "serapan-mismatch", "family": "PCT", "severity": "error",
         "message": "% serapan 85 bukan 230.544.850 / 232.309.480 × 100 = 99,24",
         "location": loc("Tabel 3.5", "E5", table="program_pendukung", caption="Tabel 3.5",
                         row_label="Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"),
         "reported": 85, "expected": 99.24, "imbalance": -14.24,
         "related": [{"path": x, "sheet": "Tabel 3.5", "cell": "C5", "value": 232309480, "role": "denominator", "label": "Anggaran"},
                     {"path": x, "sheet": "Tabel 3.5", "cell": "D5", "value": 230544850, "role": "numerator", "label": "Realisasi"}],
         "diagnosis": "85 adalah % capaian kinerja, bukan % serapan", "fingerprint": "a1b2c3d4e5f60718"},
        {"rule": "EFF001", "name": "efisiensi-conclusion", "family": "EFF", "severity": "warning",
         "message": "Kesimpulan efisiensi memakai % serapan 85 yang salah",
         "location": loc("Tabel 3.5", "E5", table="program_pendukung", caption="Tabel 3.5"),
         "reported": 85, "expected": 99.24, "imbalance": -14.24, "related": [],
         "fingerprint": "0f1e2d3c4b5a6978"},
        {"rule": "SUM001", "name": "total-mismatch", "family": "SUM", "severity": "error",
         "message": "Jumlah anggaran 2.511.744.198 bukan 232.309.480 + 1.500.000 + 2.277.934.718 = 2.511.744.198,5",
         "location": loc("Tabel 3.5", "C8", table="program_pendukung", row_label="JUMLAH"),
         "reported": 2511744198, "expected": 2511744198.5, "imbalance": -0.5,
         "related": [{"path": x, "sheet": "Tabel 3.5", "cell": "C6", "value": 1500000, "role": "child"},
                     {"path": x, "sheet": "Tabel 3.5", "cell": "C7", "value": 2277934718, "role": "child"}],
         "fingerprint": "1111222233334444"},
        {"rule": "PRED001", "name": "predikat-band", "family": "PRED", "severity": "warning",
         "message": "Predikat “Sedang” tidak sesuai capaian 101,71% (skala: Tinggi ≥ 91)",
         "location": loc("Tabel 3.1", "D3", table="capaian_kinerja", row_label="Nilai SAKIP"),
         "reported": "Sedang", "expected": "Tinggi", "imbalance": None,
         "related": [{"path": x, "sheet": "Tabel 3.1", "cell": "C3", "value": 71.2, "role": "realisasi"}],
         "fingerprint": "5555666677778888"},
        {"rule": "CNT001", "name": "indicator-count", "family": "CNT", "severity": "info",
         "message": "Jumlah indikator dinyatakan 3; tabel memuat 3 baris (cocok, dicatat)",
         "location": loc("Tabel 3.1", "B6"), "reported": 3, "expected": 3, "imbalance": 0,
         "related": [], "fingerprint": "9999aaaabbbbcccc"},
        {"rule": "TXT002", "name": "narrative-percent", "family": "TXT", "severity": "error",
         "message": "Narasi menyebut 82,86% tetapi tabel memberi 99,90%",
         "location": {"path": docx, "sheet": "BAB III > F. REALISASI ANGGARAN",
                      "quote": "Sedangkan realisasi belanja sebesar Rp 2.511.744.198 atau 82,86% dari pagu anggaran."},
         "reported": 82.86, "expected": 99.9, "imbalance": -17.04, "related": [],
         "fingerprint": "ddddeeeeffff0000"},
        {"rule": "NAME001", "name": "duplicate-name", "family": "NAME", "severity": "error",
         "message": f"Nama kegiatan {HOSTILE} muncul dua kali",
         "location": loc("Tabel 3.5", "B6", row_label=HOSTILE_ATTR, caption=HOSTILE),
         "reported": HOSTILE, "expected": None, "imbalance": None,
         "related": [{"path": x, "sheet": HOSTILE, "cell": "B7", "value": HOSTILE, "role": HOSTILE}],
         "diagnosis": '=HYPERLINK("http://evil.example/","klik")', "fingerprint": "1234123412341234"},
    ]
    by_sev = L.count_by(findings, lambda f: f["severity"])
    by_fam = L.count_by(findings, lambda f: f["family"])
    return {
        "tool": "lkip-audit", "version": "0.1.0", "lang": lang, "date": "2025-01-31",
        "paths": [str(xlsx.parent)],
        "files": [
            {"path": x, "format": "xlsx",
             "tables": [{"sheet": "Tabel 3.5", "kind": "program_pendukung", "range": "A3:E8", "rows": 4},
                        {"sheet": "Tabel 3.1", "kind": "capaian_kinerja", "range": "A1:D4", "rows": 3}],
             "unrecognised": [{"sheet": "Sheet2", "reason": "no header vocabulary"}], "error": None},
            {"path": docx, "format": "docx", "tables": [], "unrecognised": [], "error": None},
        ],
        "skipped": [{"path": str(xlsx.parent / "~$lkip-2024-tabel.xlsx"), "reason": "lock_file",
                     "message": "Excel lock file"}],
        "findings": findings,
        "suppressed": 2,
        "summary": {"by_severity": by_sev, "by_family": by_fam, "files": 2, "tables": 2},
        "settings": {"scale": "Tabel 3.1 (dokumen)", "efisiensi": "efisien bila % capaian ≥ % serapan"},
    }


@pytest.fixture
def case(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    xlsx = src / "lkip-2024-tabel.xlsx"
    build_workbook(xlsx)
    return xlsx, build_report(xlsx)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------------------------ labels

def test_format_value_indonesian_and_english():
    assert L.format_value(2511744198) == "2.511.744.198"
    assert L.format_value(82.89) == "82,89"
    assert L.format_value(-14.24) == "-14,24"
    assert L.format_value(99.0) == "99"
    assert L.format_value(1234567.5) == "1.234.567,5"
    assert L.format_value("Tinggi") == "Tinggi"
    assert L.format_value(None) == "—"
    assert L.format_value(2511744198, "en") == "2,511,744,198"
    assert L.format_value(82.89, "en") == "82.89"
    assert L.format_signed(198) == "+198"


def test_saran_by_family_and_language(case):
    _, report = case
    f_pct, _, f_sum, f_pred = report["findings"][:4]
    s = L.saran(f_pct, "id")
    assert s.startswith("Ubah nilai pada Tabel 3.5!E5 menjadi 99,24") and "Tabel 3.5!C5" in s
    assert "Ganti predikat" in L.saran(f_pred, "id") and "Tinggi" in L.saran(f_pred, "id")
    assert "Change the predikat" in L.saran(f_pred, "en")
    assert "rincian" in L.saran(f_sum, "id")
    narrative = report["findings"][5]
    assert "82,86%" in L.saran(narrative, "id") or "BAB III" in L.saran(narrative, "id")


# ------------------------------------------------------------------------------------ HTML

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.findings: list[dict] = []
        self.urls: list[str] = []
        self.scripts = 0
        self.script_text = ""
        self._in_script = False
        self.html_lang = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "script":
            self.scripts += 1
            self._in_script = True
        for k, v in attrs:
            if k in ("src", "href", "action", "poster", "srcset") and v is not None:
                self.urls.append(v)
            if k.startswith("on"):
                self.errors.append(f"event handler attribute {k} on <{tag}>")
        if "data-rule" in a:
            self.findings.append(a)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.errors.append(f"self-closed non-void <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"end tag for void </{tag}>")
            return
        if tag == "script":
            self._in_script = False
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>, open: {self.stack[-3:]}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self._in_script:
            self.script_text += data
        else:
            self.text.append(data)


def check_html(doc: str) -> Checker:
    p = Checker()
    p.feed(doc)
    p.close()
    assert not p.errors, p.errors
    assert not p.stack, f"unclosed: {p.stack}"
    return p


def test_html_well_formed_offline_and_complete(case):
    _, report = case
    doc = render_html(report)
    assert doc.startswith("<!DOCTYPE html>")
    p = check_html(doc)
    assert p.html_lang == "id"
    assert 'name="viewport"' in doc
    # nothing fetched from anywhere
    for u in p.urls:
        assert not u.lower().startswith(("http:", "https:", "//")), u
    assert "<link" not in doc and "@import" not in doc and "url(" not in doc
    # one element per finding, carrying the filter attributes and the fingerprint id
    assert len(p.findings) == len(report["findings"])
    ids = {a["id"] for a in p.findings}
    assert ids == {"f-" + f["fingerprint"] for f in report["findings"]}
    for a, f in zip(p.findings, report["findings"]):
        assert a["data-rule"] == f["rule"]
        assert a["data-severity"] == f["severity"]
        assert a["data-family"] == f["family"]
        assert a["data-file"] == f["location"]["path"]
    # hostile text is shown, escaped, never live
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "<script>alert" not in doc
    assert "<img" not in doc
    assert p.scripts == 1 and "alert" not in p.script_text
    text = "".join(p.text)
    assert HOSTILE in text  # the parser sees it as text
    # values formatted Indonesian-style, diagnosis, quote, related cells, summary
    for s in ("2.511.744.198", "99,24", "-14,24", "Tinggi", "Sedang", "82,86%",
              "85 adalah % capaian kinerja", "Tabel 3.5!C5", "232.309.480",
              "lock_file", "Sheet2", "2025-01-31"):
        assert s in text, s
    assert "Kesalahan" in text and "Peringatan" in text


def test_html_english_and_empty(case):
    _, report = case
    en = dict(report, lang="en")
    doc = render_html(en)
    p = check_html(doc)
    assert p.html_lang == "en"
    assert "2,511,744,198" in "".join(p.text)
    empty = dict(report, findings=[], summary={"by_severity": {}, "by_family": {}, "files": 0, "tables": 0})
    p = check_html(render_html(empty))
    assert p.findings == []
    assert "Tidak ada temuan." in "".join(p.text)


# ------------------------------------------------------------------------------------ KKR

def _kkr_rows(ws):
    header = None
    for row in ws.iter_rows(min_row=1, max_row=20):
        if row[0].value == "No":
            header = row[0].row
            break
    assert header, "header row not found"
    heads = [c.value for c in ws[header]]
    rows = []
    for r in range(header + 1, ws.max_row + 1):
        vals = {h: ws.cell(row=r, column=i + 1) for i, h in enumerate(heads)}
        if vals["No"].value is None:
            break
        rows.append(vals)
    return header, heads, rows


def test_kkr_workbook(case, tmp_path):
    _, report = case
    out = tmp_path / "out" / "kkr.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"old contents")  # replaced atomically
    write_kkr(report, str(out))
    assert sorted(os.listdir(out.parent)) == ["kkr.xlsx"]  # no temp files left behind
    wb = load_workbook(out)
    assert wb.sheetnames == ["KKR", "Ringkasan"]
    ws = wb["KKR"]
    assert "KERTAS KERJA REVIU" in str(ws["A1"].value)
    header, heads, rows = _kkr_rows(ws)
    assert heads == ["No", "Dokumen", "Lokasi", "Uraian Temuan", "Nilai Dilaporkan", "Nilai Seharusnya",
                     "Selisih", "Dasar/Kode Aturan", "Tingkat", "Diagnosis", "Saran Perbaikan",
                     "Tanggapan Auditee"]
    assert len(rows) == len(report["findings"])
    for row, f in zip(rows, report["findings"]):
        assert f["rule"] in row["Dasar/Kode Aturan"].value
        assert row["Tanggapan Auditee"].value is None
        assert row["Saran Perbaikan"].value
        for col, key in (("Nilai Dilaporkan", "reported"), ("Nilai Seharusnya", "expected"), ("Selisih", "imbalance")):
            v = f[key]
            cell = row[col]
            if isinstance(v, (int, float)):
                assert isinstance(cell.value, (int, float)) and cell.value == pytest.approx(v), (col, f["rule"])
                assert cell.number_format == ("#,##0" if float(v).is_integer() else "#,##0.00")
            elif v is None:
                assert cell.value is None
            else:
                assert cell.value == v
    assert rows[0]["Nilai Dilaporkan"].value == 85
    assert rows[2]["Nilai Dilaporkan"].value == 2511744198
    assert rows[2]["Nilai Dilaporkan"].number_format == "#,##0"
    assert rows[3]["Nilai Seharusnya"].value == "Tinggi"
    assert rows[3]["Saran Perbaikan"].value.startswith("Ganti predikat")
    assert rows[0]["Uraian Temuan"].alignment.wrap_text
    # a hostile '=' text stays text
    diag = rows[6]["Diagnosis"]
    assert diag.data_type == "s" and str(diag.value).startswith("=HYPERLINK")
    # narrative finding: quote in the description, section in the location
    assert "82,86% dari pagu" in rows[5]["Uraian Temuan"].value
    assert "BAB III" in rows[5]["Lokasi"].value
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.auto_filter.ref == f"A{header}:L{header + len(rows)}"
    assert ws.column_dimensions["D"].width >= 40 and ws.column_dimensions["K"].width >= 40

    # Ringkasan: family x severity cross table with totals
    rs = wb["Ringkasan"]
    hrow = next(r for r in range(1, rs.max_row + 1) if rs.cell(row=r, column=1).value == "Kelompok")
    heads = [rs.cell(row=hrow, column=c).value for c in range(1, rs.max_column + 1)]
    sev_cols = {s: heads.index(L.severity_label("id", s)) + 1 for s in L.SEVERITY_ORDER}
    tot_col = heads.index("Jumlah") + 1
    expected_cross = {}
    for f in report["findings"]:
        expected_cross[(f["family"], f["severity"])] = expected_cross.get((f["family"], f["severity"]), 0) + 1
    seen = set()
    r = hrow + 1
    while rs.cell(row=r, column=1).value != "Jumlah":
        fam = rs.cell(row=r, column=1).value
        seen.add(fam)
        for s, c in sev_cols.items():
            assert rs.cell(row=r, column=c).value == expected_cross.get((fam, s), 0), (fam, s)
        assert rs.cell(row=r, column=tot_col).value == sum(1 for f in report["findings"] if f["family"] == fam)
        r += 1
    assert seen == {f["family"] for f in report["findings"]}
    for s, c in sev_cols.items():
        assert rs.cell(row=r, column=c).value == sum(1 for f in report["findings"] if f["severity"] == s)
    assert rs.cell(row=r, column=tot_col).value == len(report["findings"])
    facts = {rs.cell(row=i, column=1).value: rs.cell(row=i, column=3).value for i in range(r + 1, rs.max_row + 1)}
    assert facts[L.label("id", "files_read")] == 2
    assert facts[L.label("id", "suppressed")] == 2


def test_kkr_english_and_empty(case, tmp_path):
    _, report = case
    out = tmp_path / "kkr-en.xlsx"
    write_kkr(dict(report, lang="en"), str(out))
    ws = load_workbook(out)["KKR"]
    header, heads, rows = _kkr_rows(ws)
    assert "Suggested fix" in heads and len(rows) == len(report["findings"])
    out2 = tmp_path / "kkr-empty.xlsx"
    write_kkr(dict(report, findings=[]), str(out2))
    ws = load_workbook(out2)["KKR"]
    header, heads, rows = _kkr_rows(ws)
    assert rows == [] and ws.freeze_panes == f"A{header + 1}"


# ------------------------------------------------------------------------------------ annotate

def _snapshot(path: Path) -> dict:
    wb = load_workbook(path)
    snap = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                snap[(ws.title, c.coordinate)] = (
                    c.value, c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None,
                    c.border.left.style, c.comment.text if c.comment else None, c.number_format)
    return snap


def test_annotate_workbooks(case, tmp_path):
    xlsx, report = case
    before_hash = sha(xlsx)
    before = _snapshot(xlsx)
    out_dir = tmp_path / "annotated"
    notes: list = []
    written = annotate_workbooks(report, str(out_dir), notes=notes)
    assert written == [str(out_dir / xlsx.name)]
    assert sha(xlsx) == before_hash
    assert sorted(os.listdir(out_dir)) == [xlsx.name]
    assert any(p.endswith(".docx") for p, _ in notes)  # the narrative's docx is skipped with a note

    wb = load_workbook(written[0])
    fills = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
    worst: dict = {}
    for f in report["findings"]:
        loc = f["location"]
        if "cell" not in loc:
            continue
        key = (loc["sheet"], loc["cell"])
        rank = L.SEVERITY_ORDER[::-1].index(f["severity"])
        if key not in worst or rank > worst[key][0]:
            worst[key] = (rank, f["severity"])
        cell = wb[loc["sheet"]][loc["cell"]]
        assert cell.comment is not None and f["rule"] in cell.comment.text, f["rule"]
        assert cell.comment.author == "lkip-audit"
    for (sheet, ref), (_, sev) in worst.items():
        assert wb[sheet][ref].fill.fgColor.rgb.endswith(fills[sev]), (sheet, ref)
    e5 = wb["Tabel 3.5"]["E5"].comment.text
    assert "PCT002" in e5 and "EFF001" in e5 and "Dilaporkan: 85 / Seharusnya: 99,24" in e5
    assert "85 adalah % capaian kinerja" in e5
    # a comment the author already had is kept
    b6 = wb["Tabel 3.5"]["B6"].comment.text
    assert "NAME001" in b6 and "cek lagi" in b6
    # formulas survive
    assert wb["Tabel 3.5"]["D8"].value == "=SUM(D5:D7)"
    # related cells get a dashed border, nothing else
    assert wb["Tabel 3.5"]["C5"].border.left.style == "dashed"
    assert wb["Tabel 3.5"]["C5"].value == 232309480

    touched = set(worst)
    related = {(r["sheet"], r["cell"]) for f in report["findings"] for r in f.get("related", [])}
    after = _snapshot(Path(written[0]))
    for key, val in before.items():
        if key in touched:
            continue
        if key in related:
            assert after[key][0] == val[0] and after[key][1] == val[1] and after[key][3] == val[3], key
            continue
        assert after[key] == val, key
    assert before[("Tabel 3.5", "B5")][3] == "catatan penyusun"


def test_annotate_refuses_to_overwrite_input(case):
    xlsx, report = case
    h = sha(xlsx)
    with pytest.raises(OutputProblem) as exc:
        annotate_workbooks(report, str(xlsx.parent))
    assert exc.value.reason == "is_input"
    assert sha(xlsx) == h
    assert sorted(os.listdir(xlsx.parent)) == [xlsx.name]


def test_annotate_no_cell_findings_writes_nothing(case, tmp_path):
    _, report = case
    r = copy.deepcopy(report)
    r["findings"] = [f for f in r["findings"] if "cell" not in f["location"]]
    assert annotate_workbooks(r, str(tmp_path / "none")) == []
    assert not (tmp_path / "none").exists()


def test_annotate_merged_cell_xlsm_and_same_names(tmp_path):
    a = tmp_path / "kec-a"
    b = tmp_path / "kec-b"
    a.mkdir()
    b.mkdir()
    xa = a / "lkip.xlsm"
    xb = b / "lkip.xlsm"
    build_workbook(xa)
    build_workbook(xb)
    report = build_report(xa)
    merged = copy.deepcopy(report["findings"][0])
    merged.update(rule="TXT009", fingerprint="feedfeedfeedfeed",
                  location={"path": str(xb), "sheet": "Tabel 3.5", "cell": "C1"}, related=[])
    report["findings"] = [report["findings"][0], merged]
    hashes = {p: sha(p) for p in (xa, xb)}
    out = tmp_path / "out"
    written = annotate_workbooks(report, str(out))
    assert len(written) == 2 and len(set(written)) == 2
    assert all(p.endswith(".xlsm") for p in written)
    assert {p: sha(p) for p in (xa, xb)} == hashes
    wa = load_workbook(written[0], keep_vba=True)
    assert "PCT002" in wa["Tabel 3.5"]["E5"].comment.text
    wb_ = load_workbook(written[1], keep_vba=True)
    # C1 lies in the merged A1:E1: the comment sits on its top-left cell
    assert "TXT009" in wb_["Tabel 3.5"]["A1"].comment.text


def test_outputs_from_model_findings(tmp_path):
    from auditor.model import Finding, Location, Related
    from decimal import Decimal
    xlsx = tmp_path / "t.xlsx"
    build_workbook(xlsx)
    f = Finding(rule="PCT002", name="serapan-mismatch", severity="error",
                message="% serapan 85 bukan 99,24",
                location=Location(path=str(xlsx), sheet="Tabel 3.5", cell="E5", caption="Tabel 3.5"),
                reported=Decimal("85"), expected=Decimal("99.24"), imbalance=Decimal("-14.24"),
                related=[Related(str(xlsx), "Tabel 3.5", "C5", Decimal("232309480"), "denominator")])
    dup = Finding(**{**f.__dict__, "fingerprint": f.fingerprint})
    report = {"tool": "lkip-audit", "version": "0.1.0", "lang": "id", "paths": [str(tmp_path)],
              "files": [], "skipped": [], "findings": [f.to_dict(), dup.to_dict()], "suppressed": 0,
              "summary": {}, "settings": {}}
    p = check_html(render_html(report))
    assert [a["id"] for a in p.findings] == [f"f-{f.fingerprint}", f"f-{f.fingerprint}-2"]
    write_kkr(report, str(tmp_path / "k.xlsx"))
    _, _, rows = _kkr_rows(load_workbook(tmp_path / "k.xlsx")["KKR"])
    assert rows[0]["Nilai Seharusnya"].value == pytest.approx(99.24)
    assert rows[0]["Nilai Dilaporkan"].value == 85
    out = annotate_workbooks(report, str(tmp_path / "ann"))
    assert load_workbook(out[0])["Tabel 3.5"]["E5"].comment.text.count("PCT002") == 1
