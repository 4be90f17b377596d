"""Across years and periods (issue 17): a document's year, --previous, year sub-folders, the PER rules,
the two-year Kalisat sample, monthly series (look-alikes and the real Lampung Selatan exports)."""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from auditor.cli import main
from auditor.engine import audit
from auditor.rules import load_rules
from tests.helpers import SAMPLE_FINDINGS, shared_dir, write_tables

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
Y2024, Y2023 = SAMPLES / "kalisat-2024", SAMPLES / "kalisat-2023"

# The differences samples/README.md lists between kalisat-2023 and the 2024 restatements:
# (rule, file, sheet, cell, reported, expected). The Word LKIP's copy of Tabel 3.3 is folded into the
# .xlsx finding as related "also_in"; the revision info stands at the sentence naming the revision.
LISTED = {
    ("PER001", "lkip-2024-tabel.xlsx", "Tabel 3.3", "E7", 84, 83),         # IKM realisasi 2023
    ("PER001", "renstra-tc27.xlsx", "T-C.27", "Z18", 84, 83),
    ("PER001", "lkip-2024-tabel.xlsx", "Tabel 3.3", "D8", 80, 75),         # Fasilitasi realisasi 2022
    ("PER001", "renstra-tc27.xlsx", "T-C.27", "X22", 80, 75),
    ("PER001", "lkip-2024-tabel.xlsx", "Tabel 3.3", "E10", 79.5, 79.05),   # SAKIP realisasi 2023
    ("PER001", "renstra-tc27.xlsx", "T-C.27", "Z29", 79.5, 79.05),
    ("PER005", "lkip-2024.docx", "BAB II PERENCANAAN DAN PERJANJIAN KINERJA > A. RENCANA STRATEGIS", None, 2, None),
}


def _key(f):
    loc = f["location"]
    return (f["rule"], Path(loc["path"]).name, loc.get("sheet"), loc.get("cell"), f["reported"], f["expected"])


@pytest.fixture(scope="module")
def alone():
    return audit([str(Y2024)])


@pytest.fixture(scope="module")
def both():
    return audit([str(Y2024)], previous=[str(Y2023)])


def test_two_year_sample_finds_every_listed_difference_and_nothing_else(both, alone):
    per = {_key(f) for f in both["findings"] if f["family"] == "PER"}
    assert per == LISTED
    # everything else is the single-year audit, unchanged
    others = sorted(f["fingerprint"] for f in both["findings"] if f["family"] != "PER")
    assert others == sorted(f["fingerprint"] for f in alone["findings"])
    # the sample alone: its golden findings (tests/test_samples.py), none across years
    assert len(alone["findings"]) == SAMPLE_FINDINGS and not [f for f in alone["findings"] if f["family"] == "PER"]
    # among them the one table whose numbers no check compares (IN007, coverage: tests/test_coverage.py)
    assert [f["rule"] for f in alone["findings"] if f["rule"] in ("IN006", "IN007", "IN008")] == ["IN007"]


def test_restatement_findings_point_at_the_earlier_report(both):
    by = {(_key(f)[1], _key(f)[3]): f for f in both["findings"] if f["rule"] == "PER001"}
    ikm = by[("lkip-2024-tabel.xlsx", "E7")]
    prev = [(Path(r["path"]).name, r["sheet"], r["cell"], r["value"]) for r in ikm["related"] if r["role"] == "previous_year"]
    assert prev == [("lkip-2023-tabel.xlsx", "Tabel 3.2", "F6", 83), ("lkip-2023-tabel.xlsx", "Tabel 3.3", "E6", 83)]
    assert any(r["role"] == "also_in" and Path(r["path"]).name == "lkip-2024.docx" for r in ikm["related"])
    assert by[("lkip-2024-tabel.xlsx", "E10")]["diagnosis_kind"] == "transposed"
    info = next(f for f in both["findings"] if f["rule"] == "PER005")
    assert info["severity"] == "info" and "Nomor 41 tahun 2023".lower() in info["message"].lower()
    changed = {(Path(r["path"]).name, r["cell"], r["value"]) for r in info["related"] if r["role"] == "changed"}
    assert ("renstra-tc25.xlsx", "J9", 95) in changed and ("renstra-tc25.xlsx", "K9", 100) in changed


def test_each_file_says_which_year_it_was_taken_as(both, alone):
    assert [f["year"] for f in alone["files"]] == [2024] * 8
    # the same files, read the same way; the earlier year only adds comparisons (more cells checked)
    def bare(files):
        return [{k: v for k, v in f.items() if k != "coverage"} for f in files]
    assert bare(both["files"]) == bare(alone["files"])
    assert all(b["coverage"]["numbers"] == a["coverage"]["numbers"] and b["coverage"]["checked"] >= a["coverage"]["checked"]
               for b, a in zip(both["files"], alone["files"]))
    assert both["summary"]["coverage"]["checked"] > alone["summary"]["coverage"]["checked"]
    assert [p["year"] for p in both["previous"]] == [2023]
    assert [Path(f["path"]).name for f in both["previous"][0]["files"]] == ["lkip-2023-tabel.xlsx"]
    assert "previous" not in alone


def test_2023_sample_audits_cleanly():
    r = audit([str(Y2023)])
    assert r["findings"] == [] and r["summary"]["tables"] == 4 and r["files"][0]["year"] == 2023


def test_folder_of_year_subfolders_is_audited_across_years(tmp_path, both):
    # sub-folder names without a year: the years come from the documents
    shutil.copytree(Y2024, tmp_path / "kalisat" / "baru")
    shutil.copytree(Y2023, tmp_path / "kalisat" / "lama")
    r = audit([str(tmp_path / "kalisat")])
    assert {_key(f) for f in r["findings"] if f["family"] == "PER"} == LISTED
    assert [p["year"] for p in r["previous"]] == [2023] and {f["year"] for f in r["files"]} == {2024}


def test_subfolders_of_one_year_are_audited_together(tmp_path):
    for name in ("kec-a", "kec-b"):
        _titled(tmp_path / "u" / name / "x.xlsx", ["TAHUN ANGGARAN 2024"], ["No", "Sarana Prasarana", "Jumlah", "Kondisi"],
                [[1, "Laptop", 2, "Baik"]])
    r = audit([str(tmp_path / "u")])
    assert r["summary"]["files"] == 2 and "previous" not in r and [f["year"] for f in r["files"]] == [2024, 2024]


def test_cli_previous_option(capsys):
    code = main_code(["check", str(Y2024), "--previous", str(Y2023), "--format", "json"])
    import json
    out = json.loads(capsys.readouterr().out)
    assert code == 1 and {_key(f) for f in out["findings"] if f["family"] == "PER"} == LISTED
    assert main_code(["check", str(Y2024), "--previous", str(SAMPLES / "no-such-year")]) == 2


def main_code(argv) -> int:
    with pytest.raises(SystemExit) as e:
        main(argv)
    return e.value.code


# -- document years ---------------------------------------------------------------------------------------
def _titled(path, titles, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for i, t in enumerate(titles, 1):
        ws.cell(i, 1, t)
    top = len(titles) + 2
    for c, h in enumerate(header, 1):
        ws.cell(top, c, h)
    for r, row in enumerate(rows, top + 1):
        for c, v in enumerate(row, 1):
            ws.cell(r, c, v)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return str(path)


BUDGET = ["Kode", "Uraian", "Anggaran", "Realisasi"]


@pytest.mark.parametrize("titles,folder,year", [
    (["PEMERINTAH KABUPATEN X", "TAHUN ANGGARAN 2026"], "data-2019", 2026),    # the document beats the folder name
    (["Laporan Realisasi Anggaran Tahun 2025"], "arsip", 2025),
    (["Rencana Strategis Tahun 2021-2026"], "lkip-2024", 2024),                # a range is no year: the folder's name
    (["Rencana Strategis Tahun 2021 s.d. 2026"], "arsip", None),
])
def test_document_year(tmp_path, titles, folder, year):
    p = _titled(tmp_path / folder / "t.xlsx", titles, BUDGET, [["7.01.01", "Program A", 100, 90]])
    r = audit([str(tmp_path / folder)])
    assert r["files"][0]["year"] == year, r["files"][0]


def test_renstra_target_changed_without_revision_is_an_error_with_revision_one_info(tmp_path):
    pk = {"header": ["No", "Sasaran Strategis", "Indikator Kinerja", "Target 2024"],
          "rows": [[1, "Meningkatnya Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat", 90],
                   [2, "Meningkatnya Ketertiban", "Persentase Penyelesaian Pelanggaran", "100%"]]}
    head = ["No", "Tujuan", "Sasaran", "Indikator Sasaran"] + [f"Target Kinerja Sasaran pada Tahun {y}" for y in (2025, 2026)]
    cur = {"header": head, "rows": [[1, "T", "Meningkatnya Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat", 95, 100],
                                    [2, "T", "Meningkatnya Ketertiban", "Persentase Penyelesaian Pelanggaran", "90%", "95%"]]}
    old = {"header": head, "rows": [[1, "T", "Meningkatnya Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat", 90, 95],
                                    [2, "T", "Meningkatnya Ketertiban", "Persentase Penyelesaian Pelanggaran", "90%", "95%"]]}
    (tmp_path / "2024").mkdir()
    (tmp_path / "2023").mkdir()
    p24 = write_tables(tmp_path / "2024" / "lkip.xlsx", [pk, cur])
    p23 = write_tables(tmp_path / "2023" / "lkip.xlsx", [dict(pk, header=pk["header"][:3] + ["Target 2023"]), old])
    r = audit([p24], previous=[p23])
    per = sorted((f["rule"], f["location"].get("cell"), f["reported"], f["expected"]) for f in r["findings"]
                 if f["family"] == "PER")
    assert per == [("PER004", "E7", 95, 90), ("PER004", "F7", 100, 95)]
    # the same with a sentence naming the revision: one info, nothing at error level
    _titled(tmp_path / "2024" / "catatan.xlsx", ["Renstra Perubahan Kecamatan X Tahun 2021-2026"],
            ["No", "Sarana Prasarana", "Jumlah", "Kondisi"], [[1, "Laptop", 2, "Baik"]])
    r = audit([str(tmp_path / "2024")], previous=[p23])
    per = [(f["rule"], f["severity"], f["reported"]) for f in r["findings"] if f["family"] == "PER"]
    assert per == [("PER005", "info", 2)]


def _tc27(realisasi: bool):
    head = ["Tujuan", "Sasaran", "Kode", "Program dan Kegiatan", "Indikator Kinerja Program (outcome) dan Kegiatan (output)",
            "Target Kinerja Program dan Kerangka Pendanaan Tahun 2023 Target",
            "Target Kinerja Program dan Kerangka Pendanaan Tahun 2023 Rp"] + (["Realisasi Tahun 2023"] if realisasi else [])
    rows = [["", "", "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah", "x", 100, 3100000000],
            ["", "", "7.01.02", "Program Penyelenggaraan Pemerintahan", "y", 100, 500000000]]
    return {"header": head, "rows": [r + ([95] if realisasi else []) for r in rows]}


@pytest.mark.parametrize("updated,expected", [(True, [("PER007", "G2", 3100000000, 3116155160)]), (False, [])])
def test_past_budget_restated_in_an_updated_tc27_only(tmp_path, updated, expected):
    # a T-C.27 with realisasi per year (after pemutakhiran) restates the pagu; without, its Rp is a plan
    old = {"header": ["No", "Kode", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)"],
           "rows": [["1", "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah", 3116155160, 3000000000],
                    ["2", "7.01.02", "Program Penyelenggaraan Pemerintahan", 500000000, 400000000]]}
    for y in ("2024", "2023"):
        (tmp_path / y).mkdir()
    r = audit([write_tables(tmp_path / "2024" / "tc27.xlsx", [_tc27(updated)])],
              previous=[write_tables(tmp_path / "2023" / "lra.xlsx", [old])])
    per = [(f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in r["findings"] if f["family"] == "PER"]
    assert per == expected


def test_no_previous_year_no_across_year_work(alone):
    # nothing of PER001-PER007 runs without a previous year (the single check is unchanged: 54 findings)
    assert alone["summary"]["by_family"].get("PER") is None


# -- monthly / quarterly series ---------------------------------------------------------------------------
SERIES_RULES = sorted(c for c, r in load_rules().items() if r.examples.get("fail", {}).get("files"))


def _series(tmp_path, files):
    for i, f in enumerate(files):
        _titled(tmp_path / f"export-{i}.xlsx", [f["title"]], f["header"], f["rows"])
    return audit([str(tmp_path)])


@pytest.mark.parametrize("code", SERIES_RULES)
def test_series_examples_behave_as_documented(tmp_path, code):
    ex = load_rules()[code].examples
    (tmp_path / "fail").mkdir()
    (tmp_path / "pass").mkdir()
    got = [f["location"].get("cell") for f in _series(tmp_path / "fail", ex["fail"]["files"])["findings"] if f["rule"] == code]
    assert got == ex["fail"]["findings"]
    assert [f for f in _series(tmp_path / "pass", ex["pass"]["files"])["findings"] if f["rule"] == code] == []


def _monthly(n_rows, month_values, titles):
    rows_of = []
    for m, scale in enumerate(month_values):
        rows_of.append([[f"2.16.{i // 10 + 1:02d}.2.{i % 10 + 1:02d}", f"Kegiatan {i}", 1_000_000 + i, int(scale * (1000 + i))]
                        for i in range(n_rows)])
    return [{"title": t, "header": BUDGET, "rows": r} for t, r in zip(titles, rows_of)]


def test_cumulative_series_in_quarters_falls_once(tmp_path):
    files = _monthly(60, [1, 2, 1.5], ["Realisasi s.d. Triwulan I Tahun Anggaran 2026",
                                       "Realisasi sampai dengan Triwulan II Tahun Anggaran 2026",
                                       "Realisasi s.d. Triwulan III Tahun Anggaran 2026"])
    r = _series(tmp_path, files)
    falls = [f for f in r["findings"] if f["rule"] == "PER008"]
    assert len(falls) == 60 and {Path(f["location"]["path"]).name for f in falls} == {"export-2.xlsx"}
    assert all(f["related"][0]["role"] == "earlier_period" and Path(f["related"][0]["path"]).name == "export-1.xlsx"
               for f in falls)


@pytest.mark.parametrize("titles", [
    ["Realisasi Bulan Januari 2026", "Realisasi Bulan Februari 2026", "Realisasi Bulan Maret 2026"],   # per month
    ["Realisasi s.d. Bulan Januari 2026", "Realisasi Bulan Februari 2026", "Realisasi s.d. Bulan Maret 2026"],
])
def test_series_not_cumulative_throughout_is_not_compared(tmp_path, titles):
    r = _series(tmp_path, _monthly(30, [1, 0.5, 3], titles))
    assert [f for f in r["findings"] if f["family"] == "PER"] == []


def test_series_without_stated_periods_gives_at_most_one_info(tmp_path):
    r = _series(tmp_path, _monthly(40, [1, 0.5, 3, 0.2], ["Rekapitulasi Belanja TAHUN ANGGARAN 2026"] * 4))
    per = [(f["rule"], f["severity"], f["reported"]) for f in r["findings"] if f["family"] == "PER"]
    assert per == [("PER009", "info", 4)]


def test_the_same_table_in_two_files_is_not_a_series(tmp_path):
    r = _series(tmp_path, _monthly(20, [1, 1], ["Realisasi Anggaran", "Realisasi Anggaran"]))
    assert [f for f in r["findings"] if f["family"] == "PER"] == []


def test_real_monthly_series_gives_no_across_period_error_or_warning():
    shared = shared_dir()
    folder = shared / "real" / "lampung-selatan-diskominfo-2026" if shared else None
    if folder is None or not folder.is_dir():
        pytest.skip("shared/real not present")
    r = audit([str(folder)])
    per = [f for f in r["findings"] if f["family"] == "PER"]
    assert [f for f in per if f["severity"] in ("error", "warning")] == []
    assert len(per) <= 1 and all(f["rule"] == "PER009" for f in per)
    assert {f["year"] for f in r["files"]} == {2026}


# -- batch: a unit's year folders ---------------------------------------------------------------------------
def test_batch_groups_year_folders_and_compares_the_latest(tmp_path):
    from auditor.batch import run_sequential
    from auditor.periods.units import group_units
    from auditor.report.rekap import note_text, rekap_json_line

    root = tmp_path / "kab"
    shutil.copytree(Y2024, root / "kalisat" / "2024")
    shutil.copytree(Y2023, root / "kalisat" / "2023")
    shutil.copytree(Y2023, root / "arjasa-2023")          # one year only: a unit of its own
    rows = {r.name: r for r in run_sequential(str(root))}
    assert set(rows) == {"kalisat/2024", "kalisat/2023", "arjasa-2023"}
    latest = rows["kalisat/2024"]
    assert latest.previous == ["2023"] and latest.by_family.get("PER") == 7
    assert {_key(f) for f in latest.findings if f["family"] == "PER"} == LISTED
    assert rows["kalisat/2023"].previous is None and rows["kalisat/2023"].by_family == {}
    assert "2023" in note_text(latest, "id") and '"previous": ["2023"]' in rekap_json_line(latest)
    # names that differ only by their year are one unit; the same year twice or no year are not
    units = group_units(["r/kalisat-2023", "r/kalisat-2024", "r/arjasa-2024", "r/b-2024", "r/b 2024", "r/x"])
    assert units == [["r/kalisat-2023", "r/kalisat-2024"], ["r/arjasa-2024"], ["r/b-2024"], ["r/b 2024"], ["r/x"]]


def test_subfolder_named_for_another_year_than_its_documents_is_not_a_year_folder(tmp_path):
    # "2022" holds the 2023 report: the folder is not read as years (audited together, as before)
    shutil.copytree(Y2024, tmp_path / "u" / "2024")
    shutil.copytree(Y2023, tmp_path / "u" / "2022")
    r = audit([str(tmp_path / "u")])
    assert "previous" not in r and r["summary"]["files"] == 9
    assert not [f for f in r["findings"] if f["family"] == "PER"]


# -- the SIPD Rekapitulasi Belanja look-alike (tests/rekap_fixture.py) as a monthly series ------------------
def _rekap_series(tmp_path, months):
    """One look-alike per (period title, change) with the period written into its TAHUN ANGGARAN line."""
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from rekap_fixture import build

    for i, (period, change) in enumerate(months):
        p = tmp_path / f"lra-{i}.xlsx"
        build(p, change=change)
        wb = openpyxl.load_workbook(p)
        ws = wb.active
        for row in ws.iter_rows(max_row=6):
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("TAHUN ANGGARAN"):
                    c.value = f"{c.value} {period}".strip()
        wb.save(p)
    return audit([str(tmp_path)])


GAJI = "5.1.01.01.001.00001"    # a leaf (rekening) of the look-alike; its operasi realisasi is index 1


def test_rekap_belanja_cumulative_series_that_falls(tmp_path):
    r = _rekap_series(tmp_path, [("s.d. Bulan Februari", None), ("s.d. Bulan Maret", (GAJI, 1, 1_500_000_000)),
                                 ("s.d. Bulan April", (GAJI, 1, 1_450_000_000))])
    falls = [f for f in r["findings"] if f["rule"] == "PER008"]
    assert [(Path(f["location"]["path"]).name, f["reported"], f["expected"]) for f in falls] == \
        [("lra-2.xlsx", 1_450_000_000, 1_500_000_000)]
    assert falls[0]["related"][0]["cell"] == falls[0]["location"]["cell"]   # same row and column a month earlier
    assert not [f for f in r["findings"] if f["rule"] == "PER009"]


def test_rekap_belanja_series_without_periods_one_info(tmp_path):
    r = _rekap_series(tmp_path, [("", None), ("", (GAJI, 1, 1_500_000_000)), ("", (GAJI, 1, 1_450_000_000))])
    assert [(f["rule"], f["severity"]) for f in r["findings"] if f["family"] == "PER"] == [("PER009", "info")]


def test_html_and_kkr_say_which_year_each_file_was_taken_as(tmp_path, alone):
    import openpyxl

    from auditor.report.html import render_html
    from auditor.report.kkr import write_kkr
    html = render_html(alone)
    assert '<th class="n">Tahun</th>' in html and html.count('<td class="n">2024</td>') >= len(alone["files"])
    write_kkr(alone, str(tmp_path / "kkr.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "kkr.xlsx")["Ringkasan"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    head = next(i for i, r in enumerate(rows) if "Tahun" in r)
    col = rows[head].index("Tahun")
    assert [r[col] for r in rows[head + 1: head + 1 + len(alone["files"])]] == [2024] * len(alone["files"])


def test_year_patterns_skipped_only_when_they_cannot_match():
    """document_year searches a line with a pattern only when the words it needs are there
    (years._may_match): on lines made of those words, case-changed and with the odd case folds."""
    import random

    from auditor.periods import years as Y

    words = ["Tahun", "tahun", "Anggaran", "T.A.", "T. A.", "TA", "ta", ":", "2024", "2021-2026", "2021 s.d. 2024",
             "20", "24", "Laporan Kinerja", "LKjIP", "LKIP", "lakip", "Perjanjian Kinerja", "RKT", "Pengukuran",
             "Realisasi Kinerja", "Laporan Realisasi", "Rekapitulasi", "Capaian Kinerja", "Rencana Kinerja Tahunan",
             "Kecamatan", "-", "/", " ", "\n", "x", "'"]
    rnd = random.Random(9)

    def fold(w):
        out = []
        for ch in w:
            x = rnd.random()
            if ch in "sS" and x < 0.1:
                ch = "\u017f"
            elif ch in "iI" and x < 0.1:
                ch = rnd.choice("\u0130\u0131")
            elif x < 0.3:
                ch = ch.swapcase()
            out.append(ch)
        return "".join(out)

    hits = [0, 0, 0]
    for _ in range(40000):
        line = " ".join(fold(rnd.choice(words)) for _ in range(rnd.randint(1, 7)))
        may = Y._may_match(line)
        for i, found in enumerate((Y._ANGGARAN.search(line), Y._TITLED.search(line), Y._BARE.match(line))):
            if found:
                hits[i] += 1
                assert may[i], (i, line)
    assert min(hits) >= 20, hits
