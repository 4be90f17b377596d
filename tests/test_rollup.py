"""SUM112 (checks.rollup): parents of a table of no known kind add up their details, in the columns that
show they do; the outline is the table's own (tables.outline: label columns or dotted numbering)."""
from __future__ import annotations

from auditor.engine import audit
from auditor.loader import load_file
from auditor.tables.outline import outline, outline_columns
from tests.helpers import write_tables
from tests.layouts import Doc

HEADER = ["Kode", "No", "Komponen", "Sub Komponen", "Bobot", "Nilai", "Keterangan"]
COMPONENTS = [("AREN01", "A", "Perencanaan Kinerja", [("Pemenuhan", 6, 5), ("Kualitas", 9, 7), ("Pemanfaatan", 15, 8)]),
              ("BKUR01", "B", "Pengukuran Kinerja", [("Pemenuhan", 6, 6), ("Kualitas", 9, 9), ("Pemanfaatan", 15, 5)]),
              ("CLAP01", "C", "Pelaporan Kinerja", [("Pemenuhan", 3, 3), ("Kualitas", 4.5, 4), ("Pemanfaatan", 7.5, 5)]),
              ("DVAL01", "D", "Evaluasi Akuntabilitas Kinerja", [("Pemenuhan", 5, 4), ("Kualitas", 7.5, 6),
                                                                  ("Pemanfaatan", 12.5, 6)])]


def kke_rows(nilai: dict[str, float] | None = None) -> list[list]:
    """The RESUME of an evaluation worksheet: a component row (label in Komponen) over its sub components
    (label in Sub Komponen); a component's Bobot and Nilai are its subs' sums unless `nilai` overrides."""
    rows = []
    for kode, no, name, subs in COMPONENTS:
        total = (nilai or {}).get(no, sum(s[2] for s in subs))
        rows.append([kode, no, name, "", sum(s[1] for s in subs), total, "BAPPEDA"])
        for i, (sub, bobot, v) in enumerate(subs, start=1):
            rows.append([f"{kode[:4]}00{i}", "", "", sub, bobot, v, ""])
    return rows


def sum112(report) -> list[tuple]:
    return sorted((f["location"]["sheet"], f["location"]["cell"], f["reported"], f["expected"], f["location"]["row_label"])
                  for f in report["findings"] if f["rule"] == "SUM112")


def test_a_typed_component_that_is_not_the_sum_of_its_sub_components(tmp_path):
    p = write_tables(tmp_path / "kke.xlsx", [{"header": HEADER, "rows": kke_rows({"B": 21})}], sheet="RESUME")
    # B's Nilai sits on row 6 (header 1, A and its three subs 2-5); the label is the component's, not its Kode
    assert sum112(audit([p])) == [("RESUME", "F6", 21, 20, "Pengukuran Kinerja")]


def test_a_consistent_worksheet_has_none_and_its_sums_count_as_checked(tmp_path):
    p = write_tables(tmp_path / "kke.xlsx", [{"header": HEADER, "rows": kke_rows()}], sheet="RESUME")
    rep = audit([p])
    assert sum112(rep) == []
    # every Bobot and Nilai (4 components + 12 subs, two columns) took part in a sum that was checked
    assert rep["summary"]["coverage"]["checked"] >= 32


def test_the_labels_of_an_outline_are_the_rows_own(tmp_path):
    p = write_tables(tmp_path / "kke.xlsx", [{"header": HEADER, "rows": kke_rows()}], sheet="RESUME")
    (t,) = load_file(p).tables
    assert outline_columns(t) == ["komponen", "sub komponen"]
    assert [row.label for row in t.rows[:3]] == ["Perencanaan Kinerja", "Pemenuhan", "Kualitas"]
    parents = outline(t)
    assert [parents[i] for i in range(5)] == [None, 0, 0, 0, None]


def test_a_parent_computed_by_a_formula_is_left_to_the_formula_checks(tmp_path):
    """=SUM(F7:F9) showing 21 is SUM111's (the formula computes 20); SUM112 judges typed parents only."""
    p = write_tables(tmp_path / "kke.xlsx", [{"header": HEADER, "rows": kke_rows({"B": 21}),
                                              "formulas": {"F6": "SUM(F7:F9)"}}], sheet="RESUME")
    rep = audit([p])
    assert sum112(rep) == []
    assert [f["location"]["cell"] for f in rep["findings"] if f["rule"] == "SUM111"] == ["F6"]


def test_a_column_whose_parents_are_not_sums_is_not_judged(tmp_path):
    """Capaian (%) of a component is not the sum of its subs' anywhere: nothing said about it."""
    header = HEADER[:6] + ["Capaian (%)"]
    rows = kke_rows()
    for row in rows:
        row[6] = 80 if row[2] else 85           # components 80, subs 85: never a sum
    p = write_tables(tmp_path / "kke.xlsx", [{"header": header, "rows": rows}], sheet="RESUME")
    assert sum112(audit([p])) == []


def test_too_little_evidence_says_nothing(tmp_path):
    """Two parents equal to their sums and one not: the column has not shown that it adds up."""
    rows = kke_rows({"B": 21})[:12]           # components A, B, C only
    p = write_tables(tmp_path / "kke.xlsx", [{"header": HEADER, "rows": rows}], sheet="RESUME")
    assert sum112(audit([p])) == []


def test_a_detail_without_a_value_stands_for_its_own_details(tmp_path):
    """Komponen > Kriteria (no Nilai of its own) > Bukti: the component adds up the evidence rows."""
    header = ["No", "Komponen", "Kriteria", "Bukti Dukung", "Jumlah Bukti", "Nilai"]
    rows = []
    for no, name, crits, stated in (("A", "Perencanaan", [[1, 2], [3, 4]], 10), ("B", "Pengukuran", [[2, 2], [1]], 5),
                                    ("C", "Pelaporan", [[1, 1], [1, 1]], 4), ("D", "Evaluasi", [[5], [2, 2]], 13)):
        rows.append([no, name, "", "", sum(len(c) for c in crits), stated])
        for j, crit in enumerate(crits, start=1):
            rows.append([f"{no}.{j}", "", f"Kriteria {no}.{j}", "", len(crit), None])
            rows += [["", "", "", f"Bukti {k}", 1, v] for k, v in enumerate(crit, start=1)]
    p = write_tables(tmp_path / "lke.xlsx", [{"header": header, "rows": rows}], sheet="PENILAIAN")
    rep = audit([p])
    # D states 13 where its evidence adds up to 9 (5 + 2 + 2); its details are the three evidence cells
    assert [(c, r, e) for _, c, r, e, _ in sum112(rep)] == [("F22", 13, 9)]
    (f,) = [f for f in rep["findings"] if f["rule"] == "SUM112"]
    assert sorted(x["cell"] for x in f["related"]) == ["F24", "F26", "F27"]


def test_dotted_numbering_in_a_word_table_finds_parents_by_number_not_position(tmp_path):
    """A .docx table numbered 1, 1.1 …: the row 1.3 written after section 2 is still 1's detail."""
    rows = [["No", "Komponen", "Jumlah Kriteria", "Bobot"],
            ["1", "Perencanaan", "6", "30"], ["1.1", "Pemenuhan", "2", "6"], ["1.2", "Kualitas", "2", "9"],
            ["2", "Pengukuran", "4", "30"], ["2.1", "Pemenuhan", "2", "10"], ["2.2", "Kualitas", "2", "20"],
            ["1.3", "Pemanfaatan", "2", "15"],
            ["3", "Pelaporan", "3", "15"], ["3.1", "Pemenuhan", "1", "5"], ["3.2", "Kualitas", "2", "10"],
            ["4", "Evaluasi", "5", "25"], ["4.1", "Pemenuhan", "2", "5"], ["4.2", "Kualitas", "2", "20"]]
    p = Doc().para("Tabel 1 Penilaian").table(rows).save(tmp_path / "lke.docx")
    rep = audit([str(p)])
    # Evaluasi's Jumlah Kriteria 5 against 2 + 2; everything else adds up (1 = 1.1 + 1.2 + 1.3)
    got = [(r, e, label) for _, _, r, e, label in sum112(rep)]
    assert got == [(5, 4, "Evaluasi")]


def test_a_group_label_beside_its_first_detail_is_no_parent(tmp_path):
    """Sasaran merged down beside its indicators (a vertical merge in Word): the first indicator's row
    fills both label columns and is a detail, not the parent of the next ones."""
    rows = [["Sasaran", "Indikator", "Target", "Realisasi"],
            ["Meningkatnya kualitas perencanaan", "Dokumen tepat waktu", "4", "4"],
            [None, "Rekomendasi ditindaklanjuti", "10", "6"],
            [None, "Forum yang dilaksanakan", "3", "1"],
            ["Meningkatnya pelayanan", "Indeks kepuasan", "80", "85"],
            [None, "Pengaduan diselesaikan", "70", "70"],
            [None, "Layanan daring", "5", "15"]]
    p = Doc().table(rows, merges=[(1, 0, 3, 0), (4, 0, 6, 0)]).save(tmp_path / "pk.docx")
    (t,) = [t for t in load_file(str(p)).tables]
    parents = outline(t)
    assert parents is None or all(x is None for x in parents)
    assert sum112(audit([str(p)])) == []


def test_columns_filled_side_by_side_are_no_outline(tmp_path):
    header = ["No", "Uraian Kegiatan", "Satuan", "Volume", "Bobot"]
    rows = [[i, f"Kegiatan {i}", "Dokumen", i, 10 * i] for i in range(1, 7)]
    p = write_tables(tmp_path / "t.xlsx", [{"header": header, "rows": rows}])
    (t,) = load_file(p).tables
    assert t.kind == "generic" and outline_columns(t) == []


def test_a_group_label_typed_on_its_first_detail_row_makes_that_row_no_parent(tmp_path):
    """Typed by hand, a group's label may stand on its first detail's row instead of a row of its own.
    That row fills both label columns: it is a detail, and the details after it belong to no parent
    above (not to the previous component, whose sum they would spoil)."""
    rows = []
    for g in range(1, 5):                                     # four components on rows of their own
        rows.append([f"Komponen {g}", "", 10, 10])
        rows += [["", f"Bukti {g}.{k}", v, v] for k, v in enumerate([1, 2, 3, 4], start=1)]
    rows.append(["Komponen 5", "Bukti 5.1", 3, 3])            # the fifth on its first detail's row
    rows += [["", f"Bukti 5.{k}", 2, 2] for k in (2, 3)]
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["Komponen", "Uraian Bukti", "Jumlah Bukti", "Nilai"],
                                            "rows": rows}])
    (t,) = load_file(p).tables
    assert t.kind == "generic" and outline_columns(t) == ["komponen", "uraian bukti"]
    parents = outline(t)
    assert parents[20] is None and parents[21] is None and parents[22] is None
    assert parents[16] == 15
    assert sum112(audit([p])) == []


def test_the_first_row_under_a_two_row_header_with_a_group_label_is_data(tmp_path):
    """KODE | NO | KOMPONEN | BOBOT merged over two header rows, PERHITUNGAN over JUMLAH | BOBOT: the
    next row "AREN01 | A | Perencanaan Kinerja | 0,3" has short texts like a sub-header's, but a number
    that is no year - it is the table's first row."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KODE", "NO", "KOMPONEN", "BOBOT", "PERHITUNGAN", None, "NILAI"])
    ws.append([None, None, None, None, "JUMLAH KRITERIA", "BOBOT KRITERIA", None])
    for rng in ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2"):
        ws.merge_cells(rng)
    ws.append(["AREN01", "A", "Perencanaan Kinerja", 0.3, None, None, None])     # a component: its Bobot only
    ws.append(["AREN001", "A.1", "Pemenuhan", 0.06, 4, 0.06, 0.05])
    ws.append(["AREN002", "A.2", "Kualitas", 0.09, 10, 0.09, 0.03])
    wb.save(tmp_path / "kke.xlsx")
    (t,) = load_file(str(tmp_path / "kke.xlsx")).tables
    assert t.header == (0, 1) and [row.r for row in t.rows] == [2, 3, 4]
    assert t.rows[0].label == "Perencanaan Kinerja"


def test_numbering_written_before_the_label_makes_the_outline_too(tmp_path):
    """No No column: "1. Perencanaan", "1.1 Pemenuhan" in the label itself."""
    rows = [["Uraian Komponen", "Jumlah Kriteria", "Nilai Bobot"]]
    for k, (name, subs) in enumerate((("Perencanaan", [(2, 6), (2, 9)]), ("Pengukuran", [(3, 10), (1, 20)]),
                                      ("Pelaporan", [(1, 5), (2, 10)]), ("Evaluasi", [(2, 5), (2, 20)])), start=1):
        total = sum(n for n, _ in subs) + (1 if k == 2 else 0)           # Pengukuran's 5 is one too many
        rows.append([f"{k}. {name}", str(total), str(sum(b for _, b in subs))])
        rows += [[f"{k}.{j} Sub {j}", str(n), str(b)] for j, (n, b) in enumerate(subs, start=1)]
    p = Doc().table(rows).save(tmp_path / "lke.docx")
    (t,) = load_file(str(p)).tables
    assert t.kind == "generic" and outline(t)[1] == 0 and outline(t)[4] == 3
    assert [(c, r, e) for _, c, r, e, _ in sum112(audit([str(p)]))] == [("B5", 5, 4)]
