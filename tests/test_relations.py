"""Relations a table states: its column-number row (any table, any kind) and the E.81/E.80 evaluation
forms (two layouts), on look-alike workbooks built here."""
from __future__ import annotations

import pytest

from auditor.engine import audit
from auditor.tables.relations import parse
from tests.e81_fixtures import rows_86, with_formulas, write_54, write_86
from tests.helpers import write_tables

NEW = {"SUM101", "SUM102", "SUM103", "SUM104", "PCT101"}


def found(path, rules=NEW):
    rep = audit([str(path)])
    return {(f["rule"], f["location"]["sheet"], f["location"]["cell"]) for f in rep["findings"] if f["rule"] in rules}, rep


@pytest.mark.parametrize("text, number, refs, shape", [
    ("(5) = (4)/(3) x 100", 5, {3, 4}, "ratio"),
    ("13=9+10+11+12", 13, {9, 10, 11, 12}, "sum"),
    ("7 = 5 - 6", 7, {5, 6}, "sum"),
    ("14 = 7 + 13", 14, {7, 13}, "sum"),
    ("(4)=(2)x(3)", 4, {2, 3}, "product"),
    ("6 (5/4*100%)", 6, {4, 5}, "ratio"),
    ("15 = 13/8 × 100%", 15, {8, 13}, "ratio"),
    ("13 = 12/7*100", 13, {7, 12}, "ratio"),
])
def test_numbering_cell_parses_into_its_relation(text, number, refs, shape):
    st = parse(text)
    assert (st.number, set(st.refs), st.shape) == (number, refs, shape)


@pytest.mark.parametrize("text", ["1", "(3)", "6 Dokumen", "5 = 5 + 1", "4 = a + b", "2024"])
def test_a_plain_column_number_is_no_relation(text):
    assert parse(text) is None


# one generic table per relation shape: (header, numbering row, good row, bad row, flagged column)
SHAPES = [
    (["Uraian", "Target", "Realisasi", "Capaian"], ["(1)", "(2)", "(3)", "(4) = (3)/(2) x 100"],
     ["A", 3, 2, 66.67], ["B", 3, 2, 66.6], "D", "PCT101"),
    (["Uraian", "TW I", "TW II", "TW III", "TW IV", "Realisasi"], ["8", "9", "10", "11", "12", "13=9+10+11+12"],
     ["A", 1, 2, 3, 4, 10], ["B", 1, 2, 3, 4, 11], "F", "SUM101"),
    (["Uraian", "Pagu", "Realisasi", "Sisa"], ["4", "5", "6", "7 = 5 - 6"],
     ["A", 100, 40, 60], ["B", 100, 40, 50], "D", "SUM101"),
    (["Uraian", "Realisasi Lalu", "Realisasi Tahun Ini", "Realisasi s.d."], ["1", "7", "13", "14 = 7 + 13"],
     ["A", 5, 7, 12], ["B", 5, 7, 2], "D", "SUM101"),
    (["Uraian", "Volume", "Harga", "Jumlah"], ["(1)", "(2)", "(3)", "(4)=(2)x(3)"],
     ["A", 3, 1500, 4500], ["B", 3, 1500, 4000], "D", "SUM102"),
    (["Uraian", "Satuan", "Rencana", "Hasil", "Persentase"], ["2", "3", "4", "5", "6 (5/4*100%)"],
     ["A", "dok", 4, 3, 75], ["B", "dok", 4, 3, 57], "E", "PCT101"),
]


@pytest.mark.parametrize("header, numbers, good, bad, col, code", SHAPES)
def test_each_relation_shape_flags_the_bad_row_only(tmp_path, header, numbers, good, bad, col, code):
    p = write_tables(tmp_path / "t.xlsx", [{"header": header, "rows": [numbers, good, bad]}])
    got, rep = found(p)
    assert got == {(code, "Sheet1", f"{col}4")}, [f["message"] for f in rep["findings"]]
    f = next(f for f in rep["findings"] if f["rule"] == code)
    assert numbers[-1].split()[0].strip("()") in str(f["message"])      # the relation is quoted
    assert {r["cell"] for r in f["related"]} >= {f"B4"} or code != "SUM102"


def test_a_relation_another_rule_judges_is_not_repeated(tmp_path):
    # a pengukuran table: PCT001 judges capaian = realisasi / target, PCT101 stays silent on it
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["Indikator", "Satuan", "Target", "Realisasi", "Capaian"],
                                            "rows": [["2", "3", "4", "5", "6 (5/4*100%)"], ["B", "dok", 4, 3, 57]]}])
    got, _ = found(p, NEW | {"PCT001"})
    assert got == {("PCT001", "Sheet1", "E3")}


def test_plain_numbers_state_nothing(tmp_path):
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["Uraian", "Pagu", "Realisasi", "Sisa"],
                                            "rows": [["1", "2", "3", "4"], ["A", 100, 40, 1]]}])
    assert found(p)[0] == set()


def test_ratio_judged_by_the_decimals_shown(tmp_path):
    rows = [["(1)", "(2)", "(3)", "(4) = (3)/(2) x 100"], ["a", 3, 2, 66.67], ["b", 3, 2, 66.7], ["c", 3, 2, 67],
            ["d", 3, 2, 66.66], ["e", 3, 0, 0], ["f", 0, 2, 5]]
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["Uraian", "Target", "Realisasi", "Capaian"], "rows": rows}])
    got, _ = found(p)
    assert got == {("PCT101", "Sheet1", "D6")}        # 66,66 is not 66,666…; a zero target is not judged


def test_numbering_row_of_a_known_kind_table_is_used_too(tmp_path):
    # an `anggaran` table (known kind) whose numbering row states 5 = 3 - 4 for a column no kind maps
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["No", "Program/ Kegiatan", "Anggaran", "Realisasi", "Sisa Anggaran"],
                                            "rows": [["1", "2", "3", "4", "5 = 3 - 4"],
                                                     ["1", "Program Penunjang", 1000, 800, 200],
                                                     ["2", "Program Pelayanan", 500, 400, 150]]}])
    got, rep = found(p)
    assert [t["kind"] for f in rep["files"] for t in f["tables"]] == ["anggaran"]
    assert got == {("SUM101", "Sheet1", "E4")}


def test_generic_table_stays_out_of_known_kinds_and_keeps_its_note(tmp_path):
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["Uraian", "TW I", "TW II", "Realisasi"],
                                            "rows": [["1", "2", "3", "4 = 2 + 3"], ["A", 1, 2, 3]]}])
    rep = audit([p])
    f = rep["files"][0]
    assert [t["kind"] for t in f["tables"]] == ["generic"] and f["unrecognised"]
    assert not [x for x in rep["findings"] if x["rule"] == "IN005"]


# -- E.81 -------------------------------------------------------------------------------------------

def test_e81_layout_86_consistent_is_detected_and_quiet(tmp_path):
    p, _ = write_86(tmp_path / "e81.xlsx")
    got, rep = found(p, NEW | {"PCT001", "SUM001", "SUM002", "IN005"})
    assert [t["kind"] for f in rep["files"] for t in f["tables"]] == ["evaluasi_renja"]
    assert got == set(), [f["message"] for f in rep["findings"]]


def _set(body, code, col, value):
    """Body row of `code`: list index of a 1-based sheet column letter."""
    from openpyxl.utils import column_index_from_string
    row = next(r for r in body if r[2] == code)
    row[column_index_from_string(col) - 1] = value


def _get(body, code, col):
    from openpyxl.utils import column_index_from_string
    return next(r for r in body if r[2] == code)[column_index_from_string(col) - 1]


ANOTHER_BIDANG = 2 * 104_990_014     # the two rows of 1.02.02 (its program and kegiatan), added


def _add_another_bidang(body) -> None:
    """Bidang 1.03 (and its urusan 1) with the two rows of 1.02.02 added to their S, U, W, the
    percentages Y and AA following by formula."""
    for code in ("1.03", "1"):
        for col in ("S", "U", "W"):
            _set(body, code, col, _get(body, code, col) + ANOTHER_BIDANG)
        _set(body, code, "Y", round(_get(body, code, "U") / _get(body, code, "K") * 100, 2))
        _set(body, code, "AA", round(_get(body, code, "W") / _get(body, code, "G") * 100, 2))


def test_e81_a_bidang_adding_rows_of_another_bidang_is_caught_by_code(tmp_path):
    """Bidang 1.03's TW IV adds the two rows of 1.02.02 (another bidang's program and kegiatan) to its
    own: 13, 14 follow by formula, the urusan and the JUMLAH add the inflated bidang. Only the bidang
    is not the sum of its children; urusan and JUMLAH agree with theirs."""
    p, first = write_86(tmp_path / "e81.xlsx", mutate=_add_another_bidang)
    row = first + 7                 # 1.03 is the 8th row of the tree
    with_formulas(p, {1: {f"S{row}": f"S{row + 1}+S{first + 5}+S{first + 6}"}})
    got, rep = found(p)
    assert got == {("SUM104", "E.81", f"{c}{row}") for c in ("S", "U", "W")}, [f["message"] for f in rep["findings"]]
    f = next(f for f in rep["findings"] if f["rule"] == "SUM104" and f["location"]["cell"] == f"S{row}")
    assert f["imbalance"] == ANOTHER_BIDANG and f["expected"] == 10_000_000


def test_e81_sum_of_quarters_broken_and_a_percentage_added_into_an_amount(tmp_path):
    def mutate(body):
        _set(body, "1.02.01.2.01", "U", _get(body, "1.02.01.2.01", "U") + 1_000_000)     # 13 = 9+10+11+12 broken
        _set(body, "1.02.01.2.01", "W", _get(body, "1.02.01.2.01", "W") + 1_000_000)     # 14 follows 13
        leaf = "1.03.01.2.01"
        _set(body, leaf, "W", _get(body, leaf, "I") + _get(body, leaf, "Y"))            # 14 = 7 + 15 (a %)
    p, first = write_86(tmp_path / "e81.xlsx", mutate=mutate)
    got, rep = found(p, {"SUM101"})
    assert got == {("SUM101", "E.81", f"U{first + 3}"), ("SUM101", "E.81", f"W{first + 9}")}, \
        [f["message"] for f in rep["findings"]]
    f = next(f for f in rep["findings"] if f["location"]["cell"] == f"W{first + 9}")
    assert f["expected"] == 150_000_000 and "14=7+13" in f["message"]


def test_e81_k_columns_are_judged_as_warnings(tmp_path):
    p, first = write_86(tmp_path / "e81.xlsx", mutate=lambda body: _set(body, "1.02.02.2.01", "T", 3))
    got, _ = found(p)
    assert ("SUM103", "E.81", f"T{first + 6}") in got
    assert not {g for g in got if g[0] == "SUM101"}


def test_e81_plain_numbering_row_uses_the_forms_own_relations(tmp_path):
    def mutate(body):
        _set(body, "1.02.01.2.02", "U", _get(body, "1.02.01.2.02", "U") - 5_000_000)
    p, first = write_86(tmp_path / "e81.xlsx", mutate=mutate, plain_numbers=True)
    got, rep = found(p)
    assert ("SUM101", "E.81", f"U{first + 4}") in got
    assert ("PCT101", "E.81", f"Y{first + 4}") in got           # 15 = 13/8 × 100 by the form
    f = next(f for f in rep["findings"] if f["rule"] == "SUM101")
    assert "triwulan" in f["message"]                           # the relation named by its headers


def test_e81_layout_54_per_triwulan_sheets(tmp_path):
    def mutate(sheet, body):
        if sheet == "TW II":
            row = next(r for r in body if r[3] == "1.02.01.2.01")
            row[21] = row[21] + 7          # V: 12 = 8+9+10+11 (Rp) broken by 7 Rupiah
            row[25] = row[25] + 7          # Z: 14 = 6 + 12 follows 12
            row[23] = 99.0                 # X: 13 = 12/7*100 (Rp)
    p, first = write_54(tmp_path / "e81-54.xlsx", mutate=mutate)
    got, rep = found(p, {"SUM101", "PCT101", "SUM104"})
    r = first + 3                      # 1.02.01.2.01: the 4th row
    assert {(c, s, a) for c, s, a in got if c != "SUM104"} == {("SUM101", "TW II", f"V{r}"), ("PCT101", "TW II", f"X{r}")}, \
        [f["message"] for f in rep["findings"]]
    assert all(s == "TW II" for _, s, _ in got)
    kinds = [t["kind"] for f in rep["files"] for t in f["tables"]]
    assert kinds == ["evaluasi_renja", "evaluasi_renja"]


def test_e81_consistent_54_is_quiet(tmp_path):
    p, _ = write_54(tmp_path / "e81-54.xlsx")
    got, rep = found(p, NEW | {"PCT001", "SUM001", "SUM002", "IN005"})
    assert got == set(), [f["message"] for f in rep["findings"]]


def test_e81_moved_block_still_finds_parents_by_code(tmp_path):
    """Rows of bidang 1.03 moved above bidang 1.02's: parents by code, not position."""
    def mutate(body):
        moved = [r for r in body if r[2].startswith("1.03")]
        rest = [r for r in body if not r[2].startswith("1.03")]
        body[:] = rest[:1] + moved + rest[1:]
    p, _ = write_86(tmp_path / "e81.xlsx", mutate=mutate)
    got, rep = found(p)
    assert got == set(), [f["message"] for f in rep["findings"]]


# -- formulas as evidence ---------------------------------------------------------------------------

def test_e81_bidang_formula_adding_another_bidang_is_diagnosed_counted_twice(tmp_path):
    p, first = write_86(tmp_path / "e81.xlsx", mutate=_add_another_bidang)
    row = first + 7
    with_formulas(p, {1: {f"S{row}": f"S{row + 1}+S{first + 5}+S{first + 6}"}})
    rep = audit([p])
    f = next(f for f in rep["findings"] if f["location"]["cell"] == f"S{row}")
    assert (f["rule"], f["diagnosis_kind"], f["expected"]) == ("SUM104", "counted_twice", 10_000_000)
    assert {r["cell"] for r in f["related"] if r["role"] == "counted_twice"} == {f"S{first + 5}", f"S{first + 6}"}


def test_e81_program_formula_leaving_out_a_kegiatan_is_diagnosed_missing_row(tmp_path):
    def mutate(body):
        for code in ("1.02.01", "1.02", "1"):
            _set(body, code, "K", _get(body, code, "K") - 180_000_000)
    p, first = write_86(tmp_path / "e81.xlsx", mutate=mutate)
    prog = first + 2                   # 1.02.01: its kegiatan are the next two rows
    with_formulas(p, {1: {f"K{prog}": f"SUM(K{prog + 1}:K{prog + 1})"}})
    rep = audit([p])
    got = [f for f in rep["findings"] if f["rule"] == "SUM104"]
    assert [(f["location"]["cell"], f["diagnosis_kind"], f["expected"]) for f in got] == \
        [(f"K{prog}", "missing_row", 280_000_000)], [f["message"] for f in got]


def test_e81_percentage_added_into_an_amount_by_formula_is_wrong_column(tmp_path):
    leaf = "1.03.01.2.01"
    p, first = write_86(tmp_path / "e81.xlsx",
                        mutate=lambda body: _set(body, leaf, "W", _get(body, leaf, "I") + _get(body, leaf, "Y")))
    r = first + 9
    with_formulas(p, {1: {f"W{r}": f"I{r}+Y{r}"}})
    rep = audit([p])
    got = [f for f in rep["findings"] if f["location"]["cell"] == f"W{r}"]
    assert [(f["rule"], f["diagnosis_kind"], f["expected"]) for f in got] == [("SUM101", "wrong_column", 150_000_000)]


def _column_table(tmp_path, d5, f5, numbering=None):
    rows = [["Belanja Pegawai", 100, 20, 120], ["Belanja Barang", 200, 30, 230], ["Belanja Jasa", 300, 40, 340],
            ["Belanja Modal", 400, 50, d5], ["Belanja Hibah", 500, 60, 560]]
    formulas = {f"D{r}": f"B{r}+C{r}" for r in range(2, 7)}
    if f5 is None:
        del formulas["D5"]
    else:
        formulas["D5"] = f5
    if numbering:
        rows.insert(0, numbering)
        formulas = {f"D{int(a[1:]) + 1}": x.replace(a[1:], str(int(a[1:]) + 1)) for a, x in formulas.items()}
    return write_tables(tmp_path / "f.xlsx", [{"header": ["Uraian", "Pagu", "Tambahan", "Jumlah Anggaran"],
                                               "rows": rows, "formulas": formulas}])


def test_typed_number_among_formulas_flagged_when_it_differs(tmp_path):
    got, rep = found(_column_table(tmp_path, 445, None), {"SUM105"})
    assert got == {("SUM105", "Sheet1", "D5")}
    f = next(f for f in rep["findings"] if f["rule"] == "SUM105")
    assert f["expected"] == 450 and f.get("diagnosis_kind") is None


def test_typed_number_equal_to_the_pattern_and_an_equivalent_formula_are_quiet(tmp_path):
    assert found(_column_table(tmp_path, 450, None), {"SUM105"})[0] == set()
    assert found(_column_table(tmp_path, 450, "C5+B5"), {"SUM105"})[0] == set()


def test_formula_column_stated_by_the_numbering_row_is_left_to_the_relation(tmp_path):
    p = _column_table(tmp_path, 412, "B6+0*C6+12", numbering=["1", "2", "3", "4 = 2 + 3"])
    got, _ = found(p, {"SUM105", "SUM101"})
    assert got == {("SUM101", "Sheet1", "D6")}


def test_formula_reading_and_shapes():
    from auditor.tables.formula_refs import same_row, shape, terms
    assert terms("=SUM(S10:S12)+S20-S3") == [(1, 10, 19), (1, 11, 19), (1, 12, 19), (1, 20, 19), (-1, 3, 19)]
    assert terms("=Sheet2!A1+A2") is None and terms("=AVERAGE(A1:A3)") is None and terms("=A1*2") is None
    assert shape("=M9+O9", 9, 20) == shape("=M10+O10", 10, 20) != shape("=M10+Q10", 10, 20)
    assert shape("=$A$1+B9", 9, 3) != shape("=$A$1+B10", 9, 3)
    assert same_row("=M9+O9", 9) and not same_row("=M9+O10", 9)


def test_e81_predikat_against_the_tingkat_capaian_kinerja(tmp_path):
    # leaves: K 13 = 2 of target 2 → 100 %: Sangat Tinggi; "Baik" is Tinggi's synonym; "Memuaskan" is no band word
    pred = {"1.02.01.2.01": "Sangat Tinggi", "1.02.01.2.02": "Baik", "1.02.02.2.01": "Memuaskan"}
    p, first = write_86(tmp_path / "e81.xlsx", predikat=pred)
    got, rep = found(p, {"PRED102"})
    assert got == {("PRED102", "E.81", f"AD{first + 4}")}, [f["message"] for f in rep["findings"]]


# -- the coverage ledger: what these checks mark, they would notice ---------------------------------

def _marked_and_found(path, codes):
    from auditor.engine import Context, run_rules
    from auditor.loader import load_all
    from auditor.rules import load_rules
    files, _ = load_all([str(path)])
    ctx = Context(files=files)
    rules = {c: r for c, r in load_rules().items() if c in codes}
    found = run_rules(ctx, rules)
    return {a for _, _, a in ctx.ledger.cells}, found


def test_marked_cells_are_cells_whose_change_is_noticed(tmp_path):
    import openpyxl
    codes = {"SUM101", "PCT101", "SUM104"}
    p, first = write_86(tmp_path / "e81.xlsx")
    marked, found = _marked_and_found(p, codes)
    assert found == [] and len(marked) > 100
    wb = openpyxl.load_workbook(p)
    ws = wb.active
    sample = sorted(a for a in marked if a[0] in "GKMUWY")[::7]      # Rp columns of 6, 8, 9, 13, 14, 15
    assert len(sample) >= 8
    for addr in sample:
        old = ws[addr].value
        ws[addr].value = old + 1_000_003 if isinstance(old, int) else old + 7
        q = tmp_path / f"m-{addr}.xlsx"
        wb.save(q)
        ws[addr].value = old
        _, got = _marked_and_found(q, codes)
        touched = {f.location.cell for f in got} | {r.cell for f in got for r in f.related}
        assert addr in touched, (addr, [f.message for f in got])


def test_k_rp_percent_sub_columns_judge_rp_and_leave_the_percent(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Uraian", "Realisasi TW I", None, None, "Realisasi TW II", None, None, "Realisasi Tahun", None, None])
    ws.append([None, "K", "Rp", "%", "K", "Rp", "%", "K", "Rp", "%"])
    for c in (2, 5, 8):
        ws.merge_cells(start_row=1, start_column=c, end_row=1, end_column=c + 2)
    ws.merge_cells(start_row=1, start_column=1, end_row=2, end_column=1)
    ws.append(["1", "2", None, None, "3", None, None, "4 = 2 + 3", None, None])
    for c in (2, 5, 8):
        ws.merge_cells(start_row=3, start_column=c, end_row=3, end_column=c + 2)
    ws.append(["Kegiatan A", 1, 400, 40, 1, 500, 50, 2, 900, 50])     # % is of the target: not additive
    ws.append(["Kegiatan B", 1, 400, 40, 1, 500, 50, 2, 950, 90])     # Rp broken
    p = tmp_path / "krp.xlsx"
    wb.save(p)
    got, rep = found(p)
    assert got == {("SUM101", "Sheet", "I5")}, [f["message"] for f in rep["findings"]]


def test_e81_plain_numbering_row_with_formulas_reports_a_deviant_once(tmp_path):
    leaf = "1.03.01.2.01"
    p, first = write_86(tmp_path / "e81.xlsx", plain_numbers=True,
                        mutate=lambda body: _set(body, leaf, "W", _get(body, leaf, "I") + _get(body, leaf, "Y")))
    with_formulas(p, {1: {f"W{r}": (f"I{r}+Y{r}" if r == first + 9 else f"I{r}+U{r}") for r in range(first, first + 10)}})
    rep = audit([p])
    got = [(f["rule"], f.get("diagnosis_kind")) for f in rep["findings"] if f["location"]["cell"] == f"W{first + 9}"]
    assert got == [("SUM101", "wrong_column")], got


def test_ratio_readings_that_are_not_errors(tmp_path):
    rows = [["(1)", "(2)", "(3)", "(4) = (3)/(2) x 100", "(5) = (3)/(2)"],
            ["Dokumen", 4, 3, 75, 75],                   # (5) without × 100 over a percent column: implied
            ["Angka kematian bayi", 10, 8, 120, 1.2],    # lower is better: (2·10 − 8) / 10 × 100 = 120
            ["Rasio", 4, 3, 0.75, 0.75],                 # the ratio written as a fraction
            ["Salah", 4, 3, 70, 70]]
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["Uraian", "Target", "Realisasi", "Capaian", "Capaian (%)"],
                                            "rows": rows}])
    got, _ = found(p)
    assert got == {("PCT101", "Sheet1", "D6"), ("PCT101", "Sheet1", "E6")}


def test_a_ratio_times_another_constant_is_not_read_as_lower_is_better(tmp_path):
    """(2b − a) / b is tried only for a / b and a / b × 100: under "× 1000" a stated 1,2 (which would be
    the lower-is-better reading of a / b) is not excused."""
    rows = [["(1)", "(2)", "(3)", "(4) = (3)/(2) x 1000"],
            ["Angka kematian bayi", 10, 8, 1.2],
            ["Benar", 10, 8, 800]]
    p = write_tables(tmp_path / "t.xlsx", [{"header": ["Uraian", "Target", "Realisasi", "Per seribu"], "rows": rows}])
    got, rep = found(p)
    assert ("Sheet1", "D3") in {(s, c) for _, s, c in got} and ("Sheet1", "D4") not in {(s, c) for _, s, c in got}, \
        [f["message"] for f in rep["findings"]]
