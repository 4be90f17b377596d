"""Rencana Aksi: monthly/quarterly targets beside the annual target (look-alikes built here)."""
from __future__ import annotations

from auditor.engine import audit
from tests.layouts import Sheet, xlsx

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def rencana_aksi(tmp, rows, title="RENCANA AKSI TAHUN 2024"):
    s = Sheet("RA").add([[title], []]).add([["No", "Indikator Kinerja", "Target"] + MONTHS] + rows)
    rep = audit([str(xlsx(tmp / "ra.xlsx", s))])
    assert [t["kind"] for f in rep["files"] for t in f["tables"]] == ["rencana_aksi"]
    return {(f["rule"], f["location"]["cell"]) for f in rep["findings"] if f["rule"] in ("SUM109", "SUM110")}, rep


CUM = [1, "Persentase dokumen tepat waktu", 100] + [round(100 * (i + 1) / 12) for i in range(12)]
DESA = [2, "Jumlah desa dibina", 18] + [min(18, 2 * (i + 1)) for i in range(12)]


def test_december_differing_from_the_annual_target_is_flagged(tmp_path):
    bad = [3, "Indeks kepuasan masyarakat", 85] + [70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 82]
    got, rep = rencana_aksi(tmp_path, [CUM, DESA, bad])
    assert got == {("SUM109", "O6")}
    f = next(f for f in rep["findings"] if f["rule"] == "SUM109")
    assert (f["reported"], f["expected"]) == (82, 85) and f["related"][0]["cell"] == "C6"


def test_consistent_cumulative_plan_is_quiet(tmp_path):
    assert rencana_aksi(tmp_path, [CUM, DESA])[0] == set()


def test_per_period_targets_adding_up_to_the_annual_target_are_the_other_convention(tmp_path):
    per = [3, "Jumlah kegiatan sosialisasi", 12] + [1] * 12
    assert rencana_aksi(tmp_path, [CUM, per])[0] == set()


def test_a_falling_target_in_a_cumulative_plan(tmp_path):
    fall = [3, "Jumlah desa tertib administrasi", 18] + [2, 4, 6, 8, 10, 12, 14, 16, 6, 17, 18, 18]
    got, _ = rencana_aksi(tmp_path, [CUM, DESA, fall])
    assert got == {("SUM110", "L6")}


def test_a_table_stating_kumulatif_judges_even_rows_that_add_up(tmp_path):
    odd = [3, "Jumlah kegiatan", 12] + [1] * 12      # adds up to 12, but the table says cumulative: December ≠ 12
    got, _ = rencana_aksi(tmp_path, [CUM, odd], title="RENCANA AKSI (TARGET KUMULATIF) TAHUN 2024")
    assert got == {("SUM109", "O5")}


def test_annual_target_differing_from_the_pk_in_another_file(tmp_path):
    from tests.helpers import write_tables
    write_tables(tmp_path / "pk-2024.xlsx", [{"header": ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
                                              "rows": [[1, "Meningkatnya pelayanan", "Indeks Kepuasan Masyarakat", 85],
                                                       [2, "Meningkatnya pelayanan", "Jumlah desa dibina", 18]]}])
    s = Sheet("RA").add([["No", "Indikator Kinerja", "Target"] + MONTHS,
                         [1, "Indeks Kepuasan Masyarakat", 90] + [80] * 11 + [90],
                         [2, "Jumlah desa dibina", 18] + [min(18, 2 * (i + 1)) for i in range(12)]])
    xlsx(tmp_path / "rencana-aksi.xlsx", s)
    rep = audit([str(tmp_path)])
    got = [(f["location"]["path"].rsplit("/", 1)[-1], f["location"]["cell"], f["reported"], f["expected"])
           for f in rep["findings"] if f["rule"] == "XDOC101"]
    assert got == [("rencana-aksi.xlsx", "C2", 90, 85)]
