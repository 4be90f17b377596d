"""Coverage: every report says what was read and what took part in a check, and what was not audited.

Stable things are compared: counts, rule codes, sheets and cells — never wording (beyond the
presence of the coverage figures in a rendered report).
"""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from auditor.cli import run_command_line
from auditor.engine import audit
from tests.helpers import write_tables

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"

SARPRAS = ["No", "Sarana dan Prasarana", "Jumlah", "Kondisi"]
ANGGARAN = ["No", "Program/ Kegiatan/ Sub Kegiatan", "PAGU (Rp)", "REALISASI (Rp)", "%"]


@pytest.fixture(scope="module")
def sample():
    return audit([str(SAMPLES)])


def _in(report, code):
    return [f for f in report["findings"] if f["rule"] == code]


def _cli_json(capsys, *args):
    code = run_command_line(["check", *map(str, args), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


# ---- the sample ---------------------------------------------------------------------------------------
def test_sample_coverage_figures(sample):
    s = sample["summary"]["coverage"]
    files = {Path(f["path"]).name: f["coverage"] for f in sample["files"]}
    # the run's figures are the files' sums
    assert s["numbers"] == sum(c["numbers"] for c in files.values()) == 2309
    assert s["checked"] == sum(c["checked"] for c in files.values()) == 2213
    assert s["tables"] == sample["summary"]["tables"] == 70
    assert s["rows"] == sum(t["rows"] for c in files.values() for t in c["by_table"])
    assert s["percent"] == round(100 * 2213 / 2309, 1)
    # every number of the SIPD exports and of the PK feeds a comparison (the realisation export's SP2D
    # column too: each document's SP2D against its lines, checks/groups.py)
    for name, n in (("sipd-rekap-pagu-2024.xlsx", 62), ("sipd-realisasi-2024.xlsx", 1223), ("pk-2024.xlsx", 11)):
        assert (files[name]["numbers"], files[name]["checked"]) == (n, n), name
    for c in files.values():
        assert 0 <= c["checked"] <= c["numbers"]
        assert sum(t["numbers"] for t in c["by_table"]) == c["numbers"]


def test_sample_findings_and_one_not_audited_table(sample):
    """The golden findings are unchanged; coverage adds one: the Tabel 3.5 Rincian block of a sub kegiatan
    whose kegiatan ("Koordinasi Kegiatan Pemberdayaan Desa") ties to no budget entity, so none of its 4
    numbers is compared with anything - in the xlsx, and the same table in the docx listed with it."""
    from tests.helpers import SAMPLE_FINDINGS
    fs = sample["findings"]
    assert len(fs) == SAMPLE_FINDINGS
    assert len([f for f in fs if f["rule"] not in ("IN006", "IN007", "IN008")]) == SAMPLE_FINDINGS - 1
    (f,) = _in(sample, "IN007")
    loc = f["location"]
    assert (Path(loc["path"]).name, loc["sheet"], loc["cell"], f["severity"], f["reported"]) == \
        ("lkip-2024-tabel.xlsx", "Tabel 3.5 Rincian", "B74", "warning", 4)
    assert [(Path(r["path"]).name, r["sheet"], r["cell"], r["role"]) for r in f["related"]] == \
        [("lkip-2024.docx", "table 25", "A1", "also_in")]
    assert not _in(sample, "IN006") and not _in(sample, "IN008")


# ---- nothing audited ------------------------------------------------------------------------------------
def test_folder_of_only_skipped_files_exits_2_with_in006(tmp_path, capsys):
    (tmp_path / "scan-pk.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo of the PK")
    (tmp_path / "renja.pages").write_bytes(b"PK\x03\x04 an Apple Pages file")
    (tmp_path / "~$lkip.xlsx").write_bytes(b"lock")          # a lock file: listed, no finding
    code, report = _cli_json(capsys, tmp_path)
    assert code == 2
    got = sorted((Path(f["location"]["path"]).name, f["severity"]) for f in _in(report, "IN006"))
    assert got == [("renja.pages", "warning"), ("scan-pk.jpg", "warning")]
    cov = report["summary"]["coverage"]
    assert (cov["numbers"], cov["checked"], cov["skipped"]) == (0, 0, 2)
    assert sorted(Path(x["path"]).name for x in cov["skipped_files"]) == ["renja.pages", "scan-pk.jpg"]
    assert all(x["reason"] == "skipped" and x["action"] for x in cov["skipped_files"])


def test_rich_report_never_says_no_findings_without_coverage(tmp_path, capsys):
    (tmp_path / "lkip.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    assert run_command_line(["check", str(tmp_path), "--width", "200"]) == 2
    out = capsys.readouterr().out
    assert "IN006" in out and "lkip.jpg" in out
    # a consistent table: "no findings" comes with the numbers it covers
    (tmp_path / "ok").mkdir()
    good = write_tables(tmp_path / "ok" / "sarpras.xlsx", [{"header": SARPRAS, "rows": [
        ["1", "Gedung Kantor", 1, "Baik"], ["2", "Kendaraan Roda Dua", 6, "Baik"], ["", "Jumlah", 7, ""]]}])
    assert run_command_line(["check", good, "--width", "200"]) == 0
    out = capsys.readouterr().out
    assert "Tidak ada temuan pada 3 angka yang diperiksa dari 3 yang dibaca" in out


def test_header_only_table_is_in008_and_exit_2(tmp_path, capsys):
    path = write_tables(tmp_path / "e81.xlsx", [{"header": ANGGARAN, "rows": []}])
    code, report = _cli_json(capsys, path)
    assert code == 2                        # recognised, but not one number could be checked
    assert [(f["rule"], f["location"]["sheet"], f["location"]["cell"]) for f in report["findings"]] == \
        [("IN008", "Sheet1", "A1")]
    (item,) = report["files"][0]["coverage"]["not_audited"]
    assert (item["what"], item["reason"], item["where"]) == ("table", "no_rows", "A1:E1")


# ---- not audited inside a file that was audited -----------------------------------------------------------
def test_unchecked_table_beside_a_checked_one(tmp_path):
    """A table whose numbers no rule compares (sarpras without a Jumlah row) is IN007 at the table,
    while the checked one next to it is not; coverage counts both."""
    path = write_tables(tmp_path / "t.xlsx", [
        {"header": ANGGARAN, "rows": [["1", "Program Penunjang Urusan Pemerintahan Daerah", 100, 80, 80],
                                      ["", "JUMLAH", 100, 80, 80]]},
        {"header": SARPRAS, "rows": [["1", "Gedung Kantor", 1, "Baik"], ["2", "Kendaraan Roda Dua", 6, "Baik"]]},
    ])
    report = audit([path])
    cov = report["files"][0]["coverage"]
    by_kind = {t["kind"]: (t["numbers"], t["checked"]) for t in cov["by_table"]}
    assert by_kind["sarpras"] == (2, 0)
    assert by_kind["anggaran"][1] == by_kind["anggaran"][0] == 6
    assert [(f["rule"], f["location"]["cell"], f["reported"]) for f in report["findings"]] == [("IN007", "A6", 2)]
    assert [(x["what"], x["reason"]) for x in cov["not_audited"]] == [("table", "no_check")]


def test_sheet_of_no_known_shape_with_numbers_is_in007_prose_is_not(tmp_path):
    path = tmp_path / "two.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabel 1.2"
    for r in ([*SARPRAS], ["1", "Gedung Kantor", 1, "Baik"], ["", "Jumlah", 1, ""]):
        ws.append(r)
    odd = wb.create_sheet("Rekap Lain")
    for r in (["Uraian", "Nilai Kontrak", "Nilai Addendum"], ["Jalan", 1500, 1700], ["Jembatan", 900, 950]):
        odd.append(r)
    prose = wb.create_sheet("Catatan")
    prose.append(["Disusun oleh Sekretariat Kecamatan"])
    wb.save(path)
    report = audit([str(path)])
    got = [(f["rule"], f["location"]["sheet"], f["reported"]) for f in report["findings"]]
    assert got == [("IN007", "Rekap Lain", 4)]
    items = {(x["sheet"], x["reason"]): x for x in report["files"][0]["coverage"]["not_audited"]}
    # read as a table of no known kind ("generic"): its 4 numbers compared with nothing
    assert items[("Rekap Lain", "no_check")]["numbers"] == 4
    assert items[("Catatan", "unrecognised")]["numbers"] == 0      # listed, not reported


def test_whole_file_unchecked_is_one_finding(tmp_path):
    path = write_tables(tmp_path / "sarpras.xlsx", [{"header": SARPRAS, "rows": [
        ["1", "Gedung Kantor", 1, "Baik"], ["2", "Kendaraan Roda Dua", 6, "Baik"]]}])
    report = audit([path])
    (f,) = report["findings"]
    assert (f["rule"], f["location"]["sheet"], f["location"]["cell"]) == ("IN007", "Sheet1", "A1")
    assert report["files"][0]["coverage"]["not_audited"][0]["what"] == "file"


def test_disabled_coverage_rule_still_reports_coverage(tmp_path):
    path = write_tables(tmp_path / "sarpras.xlsx", [{"header": SARPRAS, "rows": [["1", "Gedung", 1, "Baik"]]}])
    report = audit([path], config={"disable": ["IN007"]})
    assert report["findings"] == []
    assert report["summary"]["coverage"]["numbers"] == 1 and report["summary"]["coverage"]["checked"] == 0


# ---- checks mark what they compare, pass or fail -------------------------------------------------------
def test_passing_and_failing_total_both_mark_their_cells(tmp_path):
    rows = [["1", "Gedung Kantor", 1, "Baik"], ["2", "Kendaraan Roda Dua", 6, "Baik"]]
    ok = write_tables(tmp_path / "ok.xlsx", [{"header": SARPRAS, "rows": rows + [["", "Jumlah", 7, ""]]}])
    bad = write_tables(tmp_path / "bad.xlsx", [{"header": SARPRAS, "rows": rows + [["", "Jumlah", 9, ""]]}])
    for path, rules in ((ok, []), (bad, ["SUM001"])):
        report = audit([path])
        assert [f["rule"] for f in report["findings"]] == rules
        cov = report["files"][0]["coverage"]
        assert (cov["numbers"], cov["checked"]) == (3, 3)


def test_ratio_marks_value_numerator_denominator(tmp_path):
    path = write_tables(tmp_path / "a.xlsx", [{"header": ANGGARAN, "rows": [
        ["1", "Program Penunjang Urusan Pemerintahan Daerah", 100, 80, 85]]}])
    report = audit([path])
    assert [(f["rule"], f["location"]["cell"]) for f in report["findings"]] == [("PCT001", "E2")]
    cov = report["files"][0]["coverage"]
    assert (cov["numbers"], cov["checked"]) == (3, 3)


# ---- every report shows it --------------------------------------------------------------------------------
def test_html_and_kkr_show_coverage(sample, tmp_path):
    from auditor.report.html import render_html
    from auditor.report.kkr import write_kkr
    html = render_html(sample)
    assert "2.213/2.309" in html and "95,8 %" in html
    assert "Tabel 3.5 Rincian!B74:F76" in html                     # the not-audited table, with its place
    out = tmp_path / "kkr.xlsx"
    write_kkr(sample, str(out))
    ws = openpyxl.load_workbook(out).worksheets[1]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("2.213 ikut diperiksa" in t for t in texts)
    assert any("Tabel 3.5 Rincian!B74:F76" in t for t in texts)


def test_empty_html_and_kkr_say_what_no_findings_covers(tmp_path):
    from auditor.report.html import render_html
    from auditor.report.kkr import write_kkr
    path = write_tables(tmp_path / "ok.xlsx", [{"header": SARPRAS, "rows": [
        ["1", "Gedung Kantor", 1, "Baik"], ["", "Jumlah", 1, ""]]}])
    report = audit([path])
    assert report["findings"] == []
    assert "Tidak ada temuan pada 2 angka yang diperiksa dari 2 yang dibaca" in render_html(report)
    out = tmp_path / "kkr.xlsx"
    write_kkr(report, str(out))
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert any("2 angka yang diperiksa" in str(c.value) for row in ws.iter_rows() for c in row if c.value)


def test_english_coverage_words(tmp_path):
    path = write_tables(tmp_path / "ok.xlsx", [{"header": SARPRAS, "rows": [["1", "Gedung", 1, "Baik"]]}])
    report = audit([path], lang="en")
    (item,) = report["files"][0]["coverage"]["not_audited"]
    assert item["why"] == "none of its numbers took part in a check" and item["action"]


def test_a_reader_appends_what_it_could_not_read(tmp_path):
    """The hook for readers: a NotAudited item on the FileResult is listed in the file's coverage; a
    generic one ("other") is reported as IN007, a scanned page only listed (the PDF reader's IN020
    reports it)."""
    from auditor.coverage import NotAudited
    from auditor.engine import build_report
    from auditor.loader import FileResult
    from auditor.rules import apply_config, load_rules
    from auditor.scales import settings_from
    f = FileResult(path=str(tmp_path / "pk.pdf"), format="pdf")
    f.not_audited.append(NotAudited("page", "scanned_page", where="2"))
    f.not_audited.append(NotAudited("page", "other", where="5", detail="a chart"))
    rules = load_rules()
    apply_config(rules, {})
    report = build_report([str(tmp_path)], [f], [], rules, settings_from({}), lang="id")
    items = report["files"][0]["coverage"]["not_audited"]
    assert [(x["what"], x["reason"], x["where"]) for x in items] == [("page", "scanned_page", "2"),
                                                                      ("page", "other", "5")]
    assert all(x["action"] for x in items)
    assert [(x["rule"], x["location"]["path"], x["location"].get("page")) for x in report["findings"]
            if x["rule"] == "IN007"] == [("IN007", f.path, 5)]


def test_scanned_pdf_pages_are_listed_as_not_audited(tmp_path):
    from tests.helpers import shared_dir
    shared = shared_dir()
    if shared is None:
        pytest.skip("no shared/real")
    pdf = shared / "real" / "pasuruan-bappeda-2021" / "PK_KABAN.pdf"
    if not pdf.exists():
        pytest.skip("no scanned PDF")
    report = audit([str(pdf)])
    items = report["files"][0]["coverage"]["not_audited"]
    assert [(x["what"], x["reason"]) for x in items] == [("page", "scanned_page")] * 2
    assert {f["rule"] for f in report["findings"]} >= {"IN020"} and not [f for f in report["findings"]
                                                                          if f["rule"] == "IN007"]


def test_numbers_of_an_unrecognised_table_leave_out_its_row_numbers():
    """A Word table "1 | Nama Organisasi | : | …" numbers its rows and holds no number to audit."""
    from auditor.coverage import count_numbers
    from auditor.readers.grid import Grid
    g = Grid(path="x.docx", sheet="table 2", values=[["1", "Nama Organisasi", ":", "Pemerintah Provinsi"],
                                                     ["2", "Visi", ":", "Maju"], ["3", "Misi", ":", "Sejahtera"]])
    assert count_numbers(g) == 0
    g2 = Grid(path="x.docx", sheet="table 3", values=[["1", "Jalan", "1.500", "1.700"], ["2", "Jembatan", "900", "950"]])
    assert count_numbers(g2) == 4


# coverage counts a flat export's formatted numbers without numeric_cell: shows_date must say exactly
# when numeric_cell reads a finite number in that format as no amount
_FORMATS = ["0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%", "d/m/yyyy", "yyyy-mm-dd", "[$Rp-421]#,##0", "General",
            "@", "mm:ss", "#,##0;(#,##0);-", "0.0E+00", "dd mmm yy", '"Rp"#,##0', "h:mm AM/PM", "#,##0,",
            '#,##0,,"jt"', "[h]:mm", "[$-421]dd mmmm yyyy", "0.00_);(0.00)", "#,##0.00 [$€-1]"]


@pytest.mark.parametrize("fmt", _FORMATS)
def test_a_formatted_number_is_an_amount_unless_its_format_is_a_date(fmt):
    from hypothesis import given, settings, strategies as st

    from auditor.numbers import shows_date
    from auditor.tables.cells import numeric_cell

    @settings(max_examples=60, deadline=None)
    @given(st.one_of(st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False,
                                                               min_value=-1e15, max_value=1e15)))
    def same(v):
        assert (numeric_cell(v, 0, 0, set(), {(0, 0): fmt}, {})[1] is None) == shows_date(fmt)

    same()


def test_a_documents_unchecked_tables_are_one_finding_naming_them(tmp_path):
    """Word minutes with a checked budget table and three one-row target tables no rule relates: one IN007
    at the first, its numbers the three tables' together, each named - not one finding per table."""
    from tests.layouts import Doc

    doc = Doc().para("Tabel 1 Anggaran").table(
        [["No", "Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"],
         ["1", "Program Penunjang Urusan Pemerintahan Daerah", "100", "80", "80"],
         ["", "JUMLAH", "100", "80", "80"]])
    for i in (2, 3, 4):
        doc.para(f"Tabel {i} Target Indikator {i}").table(
            [["Target Renstra 2025", "Target PK Tahun 2025", "Satuan", "Realisasi 2025"], ["100", "100", "Persen", "98"]])
    rep = audit([str(doc.save(tmp_path / "notulensi.docx"))])
    got = [f for f in rep["findings"] if f["rule"] == "IN007"]
    assert [(f["location"]["caption"], f["reported"]) for f in got] == [("Tabel 2", 9)]
    assert all(f"Tabel {i}," in got[0]["message"] or f"Tabel {i})" in got[0]["message"] for i in (2, 3, 4))


@pytest.mark.parametrize("raw, numbering", [(["1.1", "1.2", "1.3", "1.4"], True), (["1.1", "1.2", "2.1"], True),
                                            (["1.1.", "1.2."], True), (["1.1", "1.1"], False),
                                            (["1.2", "1.1"], False), (["1.5", "1,5"], False), ([1.1, 1.2], False),
                                            (["1.500", "2.000"], False), (["1.1"], False)])
def test_is_numbering(raw, numbering):
    from auditor.numbers import is_numbering
    assert is_numbering(raw) is numbering


def test_an_iku_tables_indicator_numbers_are_no_numbers_to_audit(tmp_path):
    """An IKU lampiran numbers its indicators 1.1, 1.2 … in a column of their own: the table holds no
    number, so coverage says none was read and nothing is reported as left unchecked."""
    from tests.layouts import Doc

    rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "", "Formulasi Perhitungan", "Keterangan"],
            ["1.", "Terwujudnya perencanaan", "1.1", "Persentase dokumen tepat waktu", "(a / b) x 100 %", "Bappeda"],
            ["", "", "1.2", "Persentase rekomendasi ditindaklanjuti", "(c / d) x 100 %", "Bappeda"],
            ["2.", "Meningkatnya akuntabilitas", "1.3", "Nilai SAKIP", "Hasil evaluasi", "Inspektorat"]]
    p = Doc().para("LAMPIRAN I").table(rows, merges=[(0, 2, 0, 3)]).save(tmp_path / "iku.docx")
    rep = audit([str(p)])
    assert rep["summary"]["coverage"]["numbers"] == 0
    assert not [f for f in rep["findings"] if f["rule"] == "IN007"]
