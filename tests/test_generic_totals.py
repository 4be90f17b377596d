"""SUM113 (checks.total, `by_header`): the Jumlah row of a table of no known kind adds up the rows it
closes, in the columns whose header and numbers say they may add up; the top of its outline only."""
from __future__ import annotations

import openpyxl

from auditor.engine import audit
from auditor.loader import load_file
from tests.helpers import write_tables
from tests.layouts import Doc

HEADER = ["No", "Desa/Kelurahan", "Luas Wilayah (km2)", "Jumlah Penduduk", "Kepadatan (%)", "Tahun Pembentukan"]
ROWS = [[1, "Ajung", 4.5, 3200, 12.5, 1980], [2, "Sumber Kalong", 6.25, 5100, 20.0, 1982],
        [3, "Glagahwero", 3.75, 4150, 30.0, 1990]]


def sum113(rep):
    return sorted((f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"] if f["rule"] == "SUM113")


def test_a_wrong_total_in_an_amount_column_not_in_a_percentage_or_a_year(tmp_path):
    rows = ROWS + [["", "Jumlah", 14.5, 12540, 99.0, 5952]]      # population wrong; % and years never sums
    p = write_tables(tmp_path / "desa.xlsx", [{"header": HEADER, "rows": rows}])
    (t,) = load_file(p).tables
    assert t.kind == "generic"
    assert sum113(audit([p])) == [("D5", 12540, 12450)]


def test_the_same_table_in_a_word_document(tmp_path):
    rows = [HEADER] + [[str(x) for x in r] for r in ROWS] + [["", "JUMLAH", "14.5", "12.540", "62.5", ""]]
    p = Doc().para("Tabel 2.1 Luas dan Penduduk per Desa").table(rows).save(tmp_path / "lkip.docx")
    assert [(c, r, e) for c, r, e in sum113(audit([str(p)]))] == [("D5", 12540, 12450)]


def test_right_totals_say_nothing_and_are_checked(tmp_path):
    rows = ROWS + [["", "Jumlah", 14.5, 12450, None, None]]
    p = write_tables(tmp_path / "desa.xlsx", [{"header": HEADER, "rows": rows}])
    rep = audit([p])
    assert sum113(rep) == []
    by_table = rep["files"][0]["coverage"]["by_table"]
    assert by_table[0]["checked"] >= 8                      # the two totals and the six numbers they add


def test_an_unmarked_subtotal_makes_the_column_not_judged(tmp_path):
    """Belanja Operasi = Pegawai + Barang, written as rows of the same level: a plain sum would count
    them twice - the column is not judged."""
    rows = [["", "Belanja Operasi", 100], ["", "Belanja Pegawai", 60], ["", "Belanja Barang", 40],
            ["", "Belanja Modal", 50], ["", "Jumlah", 150]]
    p = write_tables(tmp_path / "belanja.xlsx", [{"header": ["No", "Uraian Belanja", "Nilai (Rp)"], "rows": rows}])
    assert load_file(p).tables[0].kind == "generic"
    assert sum113(audit([p])) == []


def test_with_an_outline_the_total_adds_its_top_level(tmp_path):
    header = ["Komponen", "Sub Komponen", "Bobot", "Nilai"]
    rows = []
    for name, subs in (("Perencanaan", [(6, 5), (9, 7), (15, 8)]), ("Pengukuran", [(6, 6), (9, 9), (15, 5)]),
                       ("Pelaporan", [(3, 3), (4.5, 4), (7.5, 5)]), ("Evaluasi", [(5, 4), (7.5, 6), (12.5, 6)])):
        rows.append([name, "", sum(b for b, _ in subs), sum(v for _, v in subs)])
        rows += [["", f"Sub {k}", b, v] for k, (b, v) in enumerate(subs, start=1)]
    rows.append(["Jumlah", "", 100, 75])                  # Nilai: 20 + 20 + 12 + 16 = 68
    p = write_tables(tmp_path / "lke.xlsx", [{"header": header, "rows": rows}])
    rep = audit([p])
    assert sum113(rep) == [("D18", 75, 68)]
    (f,) = [f for f in rep["findings"] if f["rule"] == "SUM113"]
    assert {x["cell"] for x in f["related"]} == {"D2", "D6", "D10", "D14"}     # the components, not their subs


def _percent_workbook(path, header, rows, last, col: int, fmt: str) -> str:
    """Rows numbered 1, 2 … under `header`, then `last`; column `col` (1-based) in the number format `fmt`."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for i, line in enumerate(rows + [last], start=1):
        ws.append(([i] if line is not last else [""]) + list(line))
        ws.cell(row=i + 1, column=col).number_format = fmt
    wb.save(path)
    return str(path)


def test_percent_formatted_numbers_are_never_added(tmp_path):
    p = _percent_workbook(tmp_path / "dok.xlsx", ["No", "Uraian Dokumen", "Jumlah Dokumen", "Realisasi Dokumen"],
                          [[f"Dokumen {i}", a, b] for i, (a, b) in enumerate([(10, 0.5), (20, 0.2), (30, 0.6)], 1)],
                          ["Jumlah", 60, 0.55], 4, "0%")
    assert sum113(audit([p])) == []


def test_a_mean_row_is_not_judged_as_a_sum(tmp_path):
    rows = ROWS + [["", "Rata-rata", 4.83, 4150, None, None]]
    p = write_tables(tmp_path / "desa.xlsx", [{"header": HEADER, "rows": rows}])
    assert sum113(audit([p])) == []


def test_a_density_or_a_price_column_is_never_added(tmp_path):
    """Kepadatan (jiwa/km2), Harga per kg, Angka Harapan Hidup: a Jumlah row there is the whole's own
    figure, not a sum."""
    header = ["No", "Desa/Kelurahan", "Jumlah Penduduk", "Kepadatan Penduduk (jiwa/km2)", "Harga Beras per kg",
              "Angka Harapan Hidup"]
    rows = [[1, "Ajung", 3200, 711, 12000, 70.1], [2, "Sumber Kalong", 5100, 816, 12500, 70.3],
            [3, "Glagahwero", 4150, 1107, 12200, 70.2], ["", "Jumlah", 12450, 859, 12233, 70.2]]
    p = write_tables(tmp_path / "desa.xlsx", [{"header": header, "rows": rows}])
    rep = audit([p])
    assert sum113(rep) == []
    # the population column was judged (and holds): its cells count as checked
    assert rep["files"][0]["coverage"]["by_table"][0]["checked"] >= 4


def sum114(rep):
    return sorted((f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"] if f["rule"] == "SUM114")


def test_a_mean_row_averages_percentages_too(tmp_path):
    """SUM114: "Rata-rata" over capaian written as percentages (a 0.00% format) and over scores; not over
    the numbering column."""
    p = _percent_workbook(tmp_path / "capaian.xlsx", ["No", "Uraian Indikator", "Nilai Capaian", "Skor Evaluasi"],
                          [[f"Indikator {i}", c, k] for i, (c, k) in enumerate([(1.0, 70), (0.8, 80), (0.75, 60)], 1)],
                          ["Rata-rata", 0.9, 70], 3, "0.00%")     # capaian: (100 + 80 + 75) / 3 = 85,00 %
    rep = audit([p])
    assert sum114(rep) == [("C5", 90, 85)]
    assert sum113(rep) == []


def test_the_same_mean_in_a_word_table(tmp_path):
    rows = [["No", "Uraian Indikator", "Nilai Capaian (%)"], ["1", "Dokumen tepat waktu", "100"],
            ["2", "Rekomendasi ditindaklanjuti", "80,50"], ["3", "Forum dilaksanakan", "90"],
            ["", "Rata-rata", "90,17"]]
    p = Doc().table(rows).save(tmp_path / "lkip.docx")
    assert sum114(audit([str(p)])) == []                     # (100 + 80,5 + 90) / 3 = 90,1666…
    rows[-1][2] = "91,17"
    p = Doc().table(rows).save(tmp_path / "lkip2.docx")
    assert [(c, r) for c, r, _ in sum114(audit([str(p)]))] == [("C5", 91.17)]


def test_a_mean_over_rows_that_hide_group_averages_is_not_judged(tmp_path):
    """Sasaran rows carrying their indicators' average, written as rows of the same level, then "Rata-rata":
    which rows it averages is not said - the column is not judged."""
    rows = [["", "Sasaran 1", 90], ["", "Indikator 1.1", 100], ["", "Indikator 1.2", 90], ["", "Indikator 1.3", 80],
            ["", "Sasaran 2", 60], ["", "Indikator 2.1", 60], ["", "Rata-rata", 75]]     # the sasaran's mean
    p = write_tables(tmp_path / "capaian.xlsx", [{"header": ["No", "Uraian Indikator", "Nilai Capaian"], "rows": rows}])
    assert load_file(p).tables[0].kind == "generic"
    assert sum114(audit([p])) == []
