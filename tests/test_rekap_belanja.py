"""SIPD Rekapitulasi Belanja: recognised in its layouts, every level summed by code, appended columns
judged, nothing reported where it is consistent (look-alikes here; the real monthly files when present)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from helpers import shared_dir  # noqa: E402
from rekap_fixture import LEAVES, UNIT, build, lines  # noqa: E402

from auditor.codes import normalise_rekening  # noqa: E402
from auditor.engine import audit  # noqa: E402
from auditor.loader import load_file  # noqa: E402

LAYOUTS = [("four", "num"), ("four", "text"), ("two", "num"), ("one", "dash"), ("one", "text")]


def _serious(report):
    return [(f["rule"], f["location"].get("cell"), f["reported"], f["expected"]) for f in report["findings"]
            if f["severity"] in ("error", "warning")]


@pytest.mark.parametrize("layout,style", LAYOUTS)
def test_consistent_look_alike_is_read_whole_and_quiet(tmp_path, layout, style):
    path = build(tmp_path / "lra.xlsx", layout=layout, style=style)
    res = load_file(str(path))
    [t] = res.tables
    assert t.kind == "rekap_belanja" and t.code_tree
    data = [r for r in t.rows if r.type == "data"]
    assert len(data) == len(lines()) and [r.type for r in t.rows].count("total") == 1
    by_code = {r.code: r for r in data}
    # parents by code: sub kegiatan -> kegiatan -> program -> unit (or bidang) ; rekening -> its parent
    sub = by_code["7.01.01.2.02.0001"]
    assert t.rows[sub.parent].code == "7.01.01.2.02"
    assert t.rows[t.rows[sub.parent].parent].code == "7.01.01"
    leaf = next(r for r in data if r.code == normalise_rekening("5.1.01.01.001.00001"))
    assert t.rows[leaf.parent].code == normalise_rekening("5.1.01.01.001")
    assert sum(1 for r in data if r.parent is None) == 1          # one root: the urusan (or program tops)
    assert _serious(audit([str(path)])) == []


def test_moved_block_keeps_its_parents(tmp_path):
    path = build(tmp_path / "moved.xlsx", move=True)
    [t] = load_file(str(path)).tables
    rows = {r.code: r for r in t.rows if r.type == "data"}
    # program 7.01.02 now sits above 7.01.01's rows: its kegiatan is still its child, found by code
    assert t.rows[rows["7.01.02.2.01"].parent].code == "7.01.02"
    assert t.rows[rows["7.01.01.2.02"].parent].code == "7.01.01"
    assert _serious(audit([str(path)])) == []


@pytest.mark.parametrize("layout,style", [("four", "text"), ("one", "num")])
def test_a_changed_line_is_found_at_its_parent(tmp_path, layout, style):
    rek = LEAVES[2][1]                                   # a rekening line of sub kegiatan 0003
    path = build(tmp_path / "bad.xlsx", layout=layout, style=style, change=(rek, 1, 30_000_000))
    rep = audit([str(path)])
    got = [f for f in rep["findings"] if f["rule"] == "SUM002"]
    assert len(got) == 1, _serious(rep)
    f = got[0]
    assert f["location"]["row_label"].startswith("Belanja 5.1.02.01.001")
    assert f["reported"] == 30_544_850 and f["expected"] == 30_000_000
    assert any(r["role"] == "child" and r["value"] == 30_000_000 for r in f["related"])


def test_a_changed_program_total_is_found_against_its_kegiatan_and_its_unit(tmp_path):
    path = build(tmp_path / "bad.xlsx", change=("7.01.02", 0, 781_000_000))
    rep = audit([str(path)])
    got = sorted((f["rule"], f["location"]["row_label"][:20], f["reported"], f["expected"]) for f in rep["findings"]
                 if f["severity"] == "error")
    # the program disagrees with its kegiatan; the unit row (its parent) disagrees with its programs
    assert ("SUM002", "PROGRAM PENYELENGGAR", 781_140_000, 781_000_000) not in got
    assert ("SUM002", "PROGRAM PENYELENGGAR", 781_000_000, 781_140_000) in got
    assert ("SUM002", "KECAMATAN KALISAT", sum(v[0] for *_, v in LEAVES), sum(v[0] for *_, v in LEAVES) - 140_000) in got
    assert len(got) == 2, got


def test_appended_columns_judged_by_their_headers(tmp_path):
    ok = build(tmp_path / "ok.xlsx", appended=True)
    assert _serious(audit([str(ok)])) == []
    [t] = load_file(str(ok)).tables
    assert {"total_anggaran", "total_realisasi", "persen", "sisa"} <= set(t.columns)
    # a fraction in a 0% cell reads as the percentage it shows
    row = next(r for r in t.rows if r.code == "7.01.02")
    assert row.num("persen").percent and row.num("persen").value == 100


def test_fraction_percent_without_a_format_is_read_by_its_column(tmp_path):
    path = build(tmp_path / "frac.xlsx", appended=True, fraction_format=False)
    assert _serious(audit([str(path)])) == []


def _real_lra():
    shared = shared_dir()
    folder = shared / "real" / "lampung-selatan-diskominfo-2026" if shared else None
    if folder is None or not folder.is_dir():
        pytest.skip("shared/real not present")
    return sorted(folder.glob("lra_*.xlsx"))


def test_real_monthly_files_are_read_with_every_level_checked_and_no_alarm():
    files = _real_lra()
    assert len(files) == 7
    for f in files:
        res = load_file(str(f))
        [t] = res.tables
        assert t.kind == "rekap_belanja" and t.code_tree, f.name
        data = [r for r in t.rows if r.type == "data"]
        assert len(data) >= 450, (f.name, len(data))
        levels = {r.level for r in data}
        assert {"urusan", "bidang", "unit", "program", "kegiatan", "sub_kegiatan", "rekening"} <= levels, levels
        assert all(r.parent is not None for r in data if r.level != "urusan"), f.name
        rep = audit([str(f)])
        assert _serious(rep) == [], (f.name, _serious(rep)[:5])


def test_real_file_with_one_amount_changed_is_caught(tmp_path):
    import openpyxl
    src = _real_lra()[1]                       # Februari: amounts as text
    wb = openpyxl.load_workbook(src)
    ws = wb.active
    # the first sub kegiatan's first rekening line (a leaf): change its anggaran operasi
    target = next(r for r in range(1, ws.max_row + 1)
                  if str(ws.cell(r, 4).value or "").count(".") == 5 and ws.cell(r, 3).value)
    old = ws.cell(target, 6).value
    ws.cell(target, 6).value = "1.000,00" if isinstance(old, str) else 1000
    wb.save(tmp_path / "changed.xlsx")
    rep = audit([str(tmp_path / "changed.xlsx")])
    serious = _serious(rep)
    assert serious and all(r == "SUM002" for r, *_ in serious), serious
    assert any(any(rel["cell"] == f"F{target}" for rel in f["related"]) for f in rep["findings"])


# ---- RAK and the LRA's Bertambah/(Berkurang) ------------------------------------------------------------

def test_rak_consistent_and_a_changed_month_found(tmp_path):
    from rak_fixture import build as build_rak
    assert _serious(audit([str(build_rak(tmp_path / "ok.xlsx"))])) == []
    assert _serious(audit([str(build_rak(tmp_path / "okt.xlsx", layout="grouped", style="text"))])) == []
    rep = audit([str(build_rak(tmp_path / "bad.xlsx", change=("7.01.02.2.01.0002", 4, 7_000_000)))])
    got = sorted((f["rule"], f["location"]["cell"]) for f in rep["findings"] if f["severity"] == "error")
    # the sub kegiatan's months no longer add up to its Total RAK (row 11), and its kegiatan's May
    # (row 10) no longer equals the sub kegiatan's
    assert got == [("SUM002", "J10"), ("SUM003", "D11")], got


@pytest.mark.parametrize("flip", [False, True])
def test_lra_difference_column_judged_by_its_own_sign(tmp_path, flip):
    from layouts import Sheet, xlsx
    head = [["Kode", "Uraian", "Jumlah (Rp)", None, "Bertambah/(Berkurang)", None],
            [None, None, "Anggaran", "Realisasi", "Rp", "%"]]
    data = [("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 1000, 900),
            ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", 1000, 900),
            ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 500, 520),
            ("7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 500, 520)]
    sign = -1 if flip else 1
    rows = [[c, n, a, r, sign * (r - a), round(r / a * 100, 2)] for c, n, a, r in data]
    rows.append([None, "JUMLAH", 1500, 1420, sign * -80, 94.67])
    ok = xlsx(tmp_path / "ok.xlsx", Sheet("LRA").add(head + rows, merges=[(0, 2, 0, 3), (0, 4, 0, 5)]))
    assert _serious(audit([str(ok)])) == []
    rows[1][4] = sign * -90                               # one difference miscomputed
    bad = xlsx(tmp_path / "bad.xlsx", Sheet("LRA").add(head + rows, merges=[(0, 2, 0, 3), (0, 4, 0, 5)]))
    got = [(f["rule"], f["location"]["cell"], f["expected"]) for f in audit([str(bad)])["findings"]]
    assert got == [("SUM003", "E4", sign * -100)], got


# ---- realisation per month with the code inside an indented Uraian block ---------------------------------

def _monthly_block(tmp_path, change=None, name="pendapatan.xlsx"):
    from layouts import Sheet, xlsx
    months = ["JAN", "FEB", "MAR"]
    lines = [("4", "PENDAPATAN DAERAH", 0), ("41", "PENDAPATAN ASLI DAERAH", 1), ("411", "Hasil Pajak Daerah", 2),
             ("41101", "Pajak Hotel", 2), ("4110103", "Hotel Bintang Empat", 3), ("4110104", "Hotel Bintang Tiga", 3),
             ("41102", "Pajak Restoran", 2), ("4110201", "Restoran", 3), ("42", "PENDAPATAN TRANSFER", 1),
             ("4210101", "Dana Bagi Hasil Pajak", 3)]
    leaf = {"4110103": [100, 10, 20, 30], "4110104": [50, 5, 0, 5], "4110201": [70, 7, 7, 7], "4210101": [300, 0, 150, 0]}

    def total(prefix):
        return [sum(v[i] for c, v in leaf.items() if c.startswith(prefix)) for i in range(4)]
    rows = [["URAIAN", None, None, None, None, "APBD 2020"] + months, [None] * 6 + ["1", "2", "3"]]
    merges = [(0, 0, 0, 4)]
    for i, (code, name, depth) in enumerate(lines):
        vals = total(code)
        if change and change[0] == code:
            vals[change[1]] = change[2]
        line = [None] * 5
        line[depth] = code
        line[depth + 1 if depth < 3 else 4] = name
        if depth < 3:
            merges.append((i + 2, depth + 1, i + 2, 4))        # the name spans to the block's right edge
        rows.append(line + [f"{v:,}".replace(",", ".") for v in vals])
    return xlsx(tmp_path / name, Sheet("Rekap").add(rows, merges=merges))


def test_codes_in_an_indented_uraian_block(tmp_path):
    path = _monthly_block(tmp_path)
    [t] = load_file(str(path)).tables
    assert t.kind == "realisasi_bulanan" and t.code_tree
    by = {r.code: r for r in t.rows}
    assert t.rows[by["4110103"].parent].code == "41101" and t.rows[by["41"].parent].code == "4"
    assert t.rows[by["4210101"].parent].code == "42"          # a level skipped: the nearest prefix
    assert by["41101"].label == "Pajak Hotel"
    assert _serious(audit([str(path)])) == []
    rep = audit([str(_monthly_block(tmp_path, change=("4110104", 2, 9)))])
    got = sorted((f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"]
                 if f["severity"] != "info")
    assert got == [("SUM002", "H6", 20, 29)], got


def test_real_monthly_revenue_report_every_level_summed():
    shared = shared_dir()
    folder = shared / "real" / "tangsel-bapenda-2020" if shared else None
    if folder is None or not folder.is_dir():
        pytest.skip("shared/real not present")
    [f] = list(folder.iterdir())
    res = load_file(str(f))
    [t] = res.tables
    data = [r for r in t.rows if r.type == "data"]
    assert t.kind == "realisasi_bulanan" and len(data) == 354
    assert [r.code for r in data if r.parent is None] == ["4"]
    assert len(t.columns) == 18 and len([c for c in t.columns if c.startswith("bulan@")]) == 12
    assert [x for x in audit([str(f)])["findings"] if x["severity"] != "info"] == []
