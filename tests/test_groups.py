"""Group totals and repeated values in flat exports (SIPD realisasi look-alikes built here)."""
from __future__ import annotations

from auditor.engine import audit
from tests.helpers import write_tables

HEADER = ["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Nilai Realisasi",
          "Nilai Setoran", "Nomor SP2D", "Nilai SP2D"]


def export(n_sp2d=30, lines=4, change=None, net=False):
    rows = []
    for s in range(1, n_sp2d + 1):
        amounts = [1_000_000 * s + 1_000 * i for i in range(lines)]
        total = sum(amounts) - (10_000 if net else 0)
        for i, a in enumerate(amounts):
            rows.append([f"7.01.01.2.01.{s:04d}", f"Sub kegiatan {s}", f"5.1.02.01.01.{i:04d}", f"Belanja {i}",
                         a, 0, f"35.09/04.0/{s:06d}/LS/2024", total])
    if change:
        change(rows)
    return rows


def run(tmp_path, rows):
    p = write_tables(tmp_path / "sipd.xlsx", [{"header": HEADER, "rows": rows}])
    rep = audit([p])
    assert [t["kind"] for f in rep["files"] for t in f["tables"]] == ["sipd_realisasi"]
    return [f for f in rep["findings"] if f["rule"] in ("SUM107", "SUM108")]


def test_consistent_export_is_quiet(tmp_path):
    assert run(tmp_path, export()) == []


def test_a_changed_line_breaks_its_sp2d_total_and_all_lines_are_related(tmp_path):
    def change(rows):
        rows[41][4] += 500            # SP2D 11, its second line (sheet row 43)
    got = run(tmp_path, export(change=change))
    assert [(f["rule"], f["location"]["cell"], f["imbalance"]) for f in got] == [("SUM107", "H42", -500)]
    parts = [r["cell"] for r in got[0]["related"] if r["role"] == "part"]
    assert parts == ["E42", "E43", "E44", "E45"]


def test_a_hand_edited_repeated_value_is_named(tmp_path):
    def change(rows):
        rows[9][7] += 1000            # SP2D 3, its second line (sheet row 11): not what the others say
    got = run(tmp_path, export(change=change))
    assert ("SUM108", "H11") in {(f["rule"], f["location"]["cell"]) for f in got}
    assert not [f for f in got if f["rule"] == "SUM107"]      # the total is not repeated alike: not summed


def test_net_values_on_every_sp2d_are_a_convention_not_errors(tmp_path):
    assert run(tmp_path, export(net=True)) == []


def _numbered(tmp_path, nos):
    rows = [[n, f"Barang {i}", i + 1, 1000 * (i + 1)] for i, n in enumerate(nos)]
    p = write_tables(tmp_path / "n.xlsx", [{"header": ["No", "Uraian", "Volume", "Harga Satuan"], "rows": rows}])
    return [(f["location"]["cell"], f["reported"], f["expected"]) for f in audit([p])["findings"] if f["rule"] == "NAME110"]


def test_row_count_repeat_and_restart(tmp_path):
    assert _numbered(tmp_path, [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]) == []              # a new part restarts
    assert _numbered(tmp_path, [1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 11]) == [("A7", 5, 6)]  # a row counted twice
    assert _numbered(tmp_path, ["1", "1.1", "1.2", "2", "2.1", "2.2"]) == []           # a tree: NAME001's
    assert _numbered(tmp_path, [1, 3, 5, 7, 9, 11, 13]) == []                          # another scheme
