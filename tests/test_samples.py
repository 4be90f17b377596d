"""End to end on samples/kalisat-2024: what a careful reviewer finds in the seed, and nothing where it is consistent."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from auditor.engine import audit
from auditor.loader import load_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"
TABEL = str(SAMPLES / "lkip-2024-tabel.xlsx")


@pytest.fixture(scope="module")
def report():
    return audit([str(SAMPLES)])


def at(report, rule, file, sheet, cell):
    return [f for f in report["findings"] if f["rule"] == rule and f["location"]["path"].endswith(file)
            and f["location"].get("sheet") == sheet and f["location"].get("cell") == cell]


def one(report, rule, file, sheet, cell):
    got = at(report, rule, file, sheet, cell)
    assert len(got) == 1, (rule, file, sheet, cell, [(f["rule"], f["location"]) for f in report["findings"]
                                                    if f["location"].get("sheet") == sheet])
    return got[0]


# ---- reading (issue: foundation) ------------------------------------------------------------------
EXPECTED_KINDS = {
    "lkip-2024-tabel.xlsx": {"Tabel 1.1": ["sdm"], "Tabel 1.2": ["sarpras"], "Tabel 1.3": ["anggaran"],
                             "Tabel 2.1": ["tc25", "tc25"], "Tabel 2.3": ["pk", "pk_anggaran"], "Tabel 3.1": ["skala"],
                             "Tabel 3.2": ["pengukuran"], "Tabel 3.3": ["realisasi_tahunan"],
                             "Tabel 3.5": ["program_pendukung"], "Tabel 3.5 Rincian": ["io_detail"] * 13,
                             "Tabel 3.6": ["efisiensi"], "Tabel 3.7": ["rekap_predikat"], "Tabel 3.8": ["anggaran"]},
    "pk-2024.xlsx": {"PK 2024": ["pk", "pk_anggaran"]},
    "renstra-tc25.xlsx": {"T-C.25": ["tc25"]},
    "renstra-tc27.xlsx": {"T-C.27": ["tc27"]},
    "rkt-2024.xlsx": {"RKT 2024": ["rpjmd", "rkt"]},
    "sipd-realisasi-2024.xlsx": {"Data Realisasi Dokumen": ["sipd_realisasi"]},
    "sipd-rekap-pagu-2024.xlsx": {"Rekap Pagu": ["sipd_pagu"]},
}


def test_inspect_json_recognises_every_sheet_with_the_right_kind():
    out = subprocess.run([sys.executable, "-m", "auditor.cli", "inspect", str(SAMPLES), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for f in data["files"]:
        name = Path(f["path"]).name
        if name.endswith(".docx"):
            assert len(f["tables"]) >= 30 and not f["error"]
            continue
        got: dict[str, list[str]] = {}
        for t in f["tables"]:
            got.setdefault(t["sheet"], []).append(t["kind"])
        assert got == EXPECTED_KINDS[name], name
        assert f["unrecognised"] == [], name


def _row(path, sheet, kind, label_part):
    res = load_file(path)
    for t in res.tables:
        if t.sheet == sheet and t.kind == kind:
            for row in t.rows:
                if label_part in row.label:
                    return row
    raise AssertionError(f"no row {label_part!r} in {sheet}")


def test_tabel_38_values_keep_their_precision():
    row = _row(TABEL, "Tabel 3.8", "anggaran", "Penyediaan Gaji dan Tunjangan ASN")
    assert row.level == "sub_kegiatan"
    assert (row.num("pagu").value, row.num("pagu").decimals) == (Decimal(2511744198), 0)
    assert (row.num("realisasi").value, row.num("realisasi").decimals) == (Decimal(1920536667), 0)
    assert (row.num("persen").value, row.num("persen").decimals) == (Decimal("76.46"), 2)


def test_tabel_35_serapan_shows_zero_decimals():
    row = _row(TABEL, "Tabel 3.5", "program_pendukung", "Penyusunan Dokumen Perencanaan")
    assert (row.num("persen").value, row.num("persen").decimals) == (Decimal(69), 0)
    assert row.num("pagu").value == 1949000 and row.num("pagu").rupiah
    assert row.text("sasaran").startswith("Sasaran 1")   # carried down the merged Sasaran cell


def test_tabel_38_total_percent_cell_is_a_fraction_with_percent_format():
    res = load_file(TABEL)
    t = next(t for t in res.tables if t.sheet == "Tabel 3.8")
    total = t.rows[-1]
    assert total.type == "total"
    assert (total.num("persen").value, total.num("persen").decimals, total.num("persen").percent) == \
        (Decimal("82.89"), 2, True)


# ---- in-table findings (issue: rule engine) -------------------------------------------------------
def test_in_table_errors_of_the_seed_are_found(report):
    one(report, "SUM001", "lkip-2024-tabel.xlsx", "Tabel 1.2", "C30")       # 112 vs 106
    one(report, "SUM001", "lkip-2024-tabel.xlsx", "Tabel 1.2", "E30")       # 128 vs 122
    f = one(report, "PCT001", "lkip-2024-tabel.xlsx", "Tabel 3.5", "E10")   # 85 vs 99,24
    assert (f["reported"], f["expected"]) == (85, 99.24) and f["diagnosis_kind"] == "swapped"
    g = one(report, "PCT001", "lkip-2024-tabel.xlsx", "Tabel 3.5", "E12")   # 99 vs 85,47
    assert (g["reported"], g["expected"], g["diagnosis_kind"]) == (99, 85.47, "swapped")
    h = one(report, "PCT001", "lkip-2024-tabel.xlsx", "Tabel 3.5", "E22")   # 99 vs 99,83: truncated
    assert h["diagnosis_kind"] == "truncated"
    for cell in ("D11", "D14"):                                              # Tinggi where 3.2 says ≥ 90
        p = one(report, "PRED002", "lkip-2024-tabel.xlsx", "Tabel 3.7", cell)
        assert (p["reported"], p["expected"]) == ("Tinggi", "Sangat Tinggi")
    gaps = [f for f in report["findings"] if f["rule"] == "PRED003" and f["location"]["path"].endswith("tabel.xlsx")]
    assert len(gaps) == 4                                                   # 3 gaps and the overlap at 90
    one(report, "PRED004", "lkip-2024-tabel.xlsx", "Tabel 3.1", "B5")       # ≥ 90 where the rule says ≥ 91
    n = one(report, "NAME001", "lkip-2024-tabel.xlsx", "Tabel 1.3", "A30")  # "3.1" under Program 4
    assert (n["reported"], n["expected"]) == ("3.1", "4.1")


@pytest.mark.parametrize("file,sheet", [("lkip-2024-tabel.xlsx", "Tabel 1.3"), ("lkip-2024-tabel.xlsx", "Tabel 3.8"),
                                        ("lkip-2024-tabel.xlsx", "Tabel 3.2"), ("lkip-2024-tabel.xlsx", "Tabel 1.1"),
                                        ("lkip-2024.docx", "table 3"), ("lkip-2024.docx", "table 29"),
                                        ("lkip-2024.docx", "table 10"), ("lkip-2024.docx", "table 1")])
def test_consistent_tables_have_no_sum_or_percentage_finding(report, file, sheet):
    bad = [f for f in report["findings"] if f["family"] in ("SUM", "PCT", "EFF")
           and f["location"]["path"].endswith(file) and f["location"].get("sheet") == sheet]
    assert bad == []


def test_same_error_in_docx_and_xlsx_is_reported_once_with_both_places(report):
    f = one(report, "PCT001", "lkip-2024-tabel.xlsx", "Tabel 3.5", "E10")
    assert any(r["role"] == "also_in" and r["path"].endswith("lkip-2024.docx") for r in f["related"])
    assert not at(report, "PCT001", "lkip-2024.docx", "table 13", "E7")


# ---- across documents (issue: cross-document) -----------------------------------------------------
def test_cross_document_targets_disagree_with_the_pk(report):
    for file, sheet, cell, rep, exp in [("rkt-2024.xlsx", "RKT 2024", "F25", 85, 90),
                                        ("rkt-2024.xlsx", "RKT 2024", "F28", 100, 85),
                                        ("renstra-tc27.xlsx", "T-C.27", "L18", 85, 90)]:
        f = one(report, "XDOC002", file, sheet, cell)
        assert (f["reported"], f["expected"]) == (rep, exp)
        assert any(r["role"] == "other_source" and r["path"].endswith(("pk-2024.xlsx", "tabel.xlsx"))
                   for r in f["related"])


def test_output_targets_of_tabel_35_disagree_with_the_rkt(report):
    got = {(f["location"]["cell"], f["reported"], f["expected"]) for f in report["findings"]
           if f["rule"] == "XDOC002" and f["location"].get("sheet") == "Tabel 3.5 Rincian"}
    assert got == {("E8", 15, 10), ("E14", 25, 18), ("E57", 15, 12)}


def test_capaian_restated_in_36_and_37_disagree_with_32_with_diagnoses(report):
    ikm = one(report, "XDOC003", "lkip-2024-tabel.xlsx", "Tabel 3.6", "B8")
    assert (ikm["reported"], ikm["expected"], ikm["diagnosis_kind"]) == (86, 95.56, "other_measure")
    sakip = one(report, "XDOC003", "lkip-2024-tabel.xlsx", "Tabel 3.7", "B23")
    assert (sakip["reported"], sakip["expected"], sakip["diagnosis_kind"]) == (100, 116.54, "capped")
    one(report, "XDOC003", "lkip-2024-tabel.xlsx", "Tabel 3.7", "B11")
    fkm = one(report, "XDOC003", "lkip-2024-tabel.xlsx", "Tabel 3.6", "B9")
    assert "diagnosis" not in fkm              # 85 is both its realisasi and its target: no certain cause


def test_renamed_sub_kegiatan_and_program_mapped_to_another_sasaran(report):
    n = one(report, "NAME002", "lkip-2024-tabel.xlsx", "Tabel 3.5", "B29")
    assert n["expected"] == "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan"
    x = one(report, "XDOC004", "lkip-2024-tabel.xlsx", "Tabel 3.5", "A5")
    assert "Efektifitas" in x["expected"]


def test_no_cross_document_finding_where_documents_agree(report):
    quiet = [("lkip-2024-tabel.xlsx", "Tabel 1.3"), ("lkip-2024-tabel.xlsx", "Tabel 3.8"),
             ("lkip-2024-tabel.xlsx", "Tabel 2.3"), ("pk-2024.xlsx", "PK 2024"),
             ("sipd-rekap-pagu-2024.xlsx", None), ("sipd-realisasi-2024.xlsx", None),
             ("lkip-2024-tabel.xlsx", "Tabel 3.2"), ("lkip-2024-tabel.xlsx", "Tabel 3.3")]
    for file, sheet in quiet:
        bad = [f for f in report["findings"] if f["family"] == "XDOC" and f["location"]["path"].endswith(file)
               and (sheet is None or f["location"].get("sheet") == sheet)]
        assert bad == [], (file, sheet, [b["message"] for b in bad])


# ---- the CLI -------------------------------------------------------------------------------------
def _cli(*args):
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"})


def test_cli_json_equals_library_report(report):
    out = _cli("check", str(SAMPLES), "--format", "json")
    assert out.returncode == 1
    assert json.loads(out.stdout) == json.loads(json.dumps(report, ensure_ascii=False))


def test_exit_codes():
    assert _cli("check", str(SAMPLES), "--fail-on", "never", "--format", "json").returncode == 0
    bad = _cli("check", str(SAMPLES / "does-not-exist"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


@pytest.mark.parametrize("width", [80, 200])
def test_terminal_report_fits_the_terminal(report, width):
    from rich.console import Console

    from auditor.report.terminal import render
    console = Console(width=width, record=True, color_system=None)
    render(report, console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= width
    flat = " ".join(text.split())
    for f in report["findings"]:
        where = f"{f['location'].get('sheet')}!{f['location'].get('cell')}" if f["location"].get("cell") \
            else (f["location"].get("sheet") or "")
        assert f["rule"] in flat and " ".join(where.split()) in flat


def test_word_tables_and_xlsx_tables_give_the_same_facts():
    from auditor.facts import build_facts
    x = load_file(TABEL)
    d = load_file(str(SAMPLES / "lkip-2024.docx"))
    captions = {t.caption for t in x.tables}

    def facts(res):
        return {(f.entity, f.measure, f.period, str(f.num.value) if f.num else f.text, f.caption)
                for f in build_facts([res]).facts if f.caption in captions}
    a, b = facts(x), facts(d)
    assert len(a) > 200 and a == b


def test_sakip_grade_target_b_75_is_not_its_score(report):
    """Lampiran 1 (T-C.25) of the seed gives the Nilai SAKIP targets as B (67) … B (70) and, for 2026,
    B (75): under PermenPANRB 88/2021 a score above 70 is BB whichever bound is read inclusive (a real
    error of the report, found by PRED101 in its Word table and in the Renstra workbook)."""
    got = sorted((f["location"]["path"].rsplit("/", 1)[-1], f["location"]["sheet"], f["location"]["cell"],
                  f["reported"], f["expected"]) for f in report["findings"] if f["rule"] == "PRED101")
    assert got == [("lkip-2024.docx", "table 30", "K9", "B (75)", "BB"),
                   ("renstra-tc25.xlsx", "T-C.25", "K13", "B (75)", "BB")]
