"""The canonical long frames (auditor.frames) and their pandera validation (IN005)."""
from __future__ import annotations

from auditor.engine import audit
from auditor.frames import build_frames, validate
from auditor.loader import load_file
from tests.helpers import write_tables

HEADER = ["No", "Program/ Kegiatan/ Sub Kegiatan", "PAGU (Rp)", "REALISASI (Rp)", "%"]
ROWS = [
    ["1", "Program Penunjang Urusan Pemerintahan Daerah", -100, 80, 80],       # Rupiah never negative
    ["2", "Program Penyelenggaraan Pemerintahan", 100, 90, 1500],              # a percentage over 1000
    ["3", "Program Pemberdayaan Masyarakat", 200, 150, 75],
]


def test_frames_hold_one_record_per_row_and_one_per_numeric_cell(tmp_path):
    path = write_tables(tmp_path / "t.xlsx", [{"header": HEADER, "rows": ROWS}])
    tables = load_file(path).tables
    frames = build_frames(tables)
    rows, values, detail = frames["rows"], frames["values"], frames["detail"]
    assert list(rows["row"]) == [2, 3, 4] and set(rows["row_type"]) == {"data"}
    assert len(values) == 9 == len(detail.cell)               # pagu, realisasi, % of three rows
    by_cell = dict(zip(detail.cell, zip(values["money"], values["percent"])))
    assert by_cell["C2"][0] == -100 and by_cell["E3"][1] == 1500
    row_id = values["row_id"][detail.cell.index("E3")]
    assert row_id == 1 and detail.row(row_id)[1].label.endswith("Penyelenggaraan Pemerintahan")   # its row


def test_out_of_schema_values_are_in005_at_their_cells(tmp_path):
    path = write_tables(tmp_path / "t.xlsx", [{"header": HEADER, "rows": ROWS}])
    found = validate(build_frames(load_file(path).tables))
    assert sorted((f.location.cell, f.reported) for f in found) == [("C2", -100), ("E3", 1500)]
    report = audit([path])
    assert sorted(f["location"]["cell"] for f in report["findings"] if f["rule"] == "IN005") == ["C2", "E3"]


def test_a_clean_folder_validates_without_findings():
    report = audit(["samples/kalisat-2024"])
    assert not [f for f in report["findings"] if f["rule"] == "IN005"]


def test_an_out_of_schema_value_of_a_table_without_caption_has_no_caption(tmp_path):
    """IN005 of a table without a caption, beside one with: caption None (it was NaN, invalid JSON)."""
    import json

    import openpyxl

    from auditor.engine import audit

    header = ["No", "Program/ Kegiatan/ Sub Kegiatan", "PAGU (Rp)", "REALISASI (Rp)", "%"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabel 3.5"
    ws.append(["Tabel 3.5 Realisasi Anggaran"])
    ws.append(header)
    ws.append(["1", "Program Penunjang Urusan Pemerintahan Daerah", 100, 80, 80])
    ws2 = wb.create_sheet("Lain")
    ws2.append(header)
    ws2.append(["1", "Program Penunjang Urusan Pemerintahan Daerah", -100, 80, 80])
    wb.save(tmp_path / "x.xlsx")
    rep = audit([str(tmp_path / "x.xlsx")])
    captions = {t["sheet"]: t["caption"] for f in rep["files"] for t in f["tables"]}
    assert captions["Tabel 3.5"] and captions["Lain"] is None
    in005 = [f for f in rep["findings"] if f["rule"] == "IN005"]
    assert in005 and all(f["location"]["sheet"] == "Lain" and f["location"].get("caption") is None for f in in005)
    json.loads(json.dumps(rep, allow_nan=False, default=str))


# --- the plain pre-test: a frame it passes is one pandera passes, and a well-typed one it fails, pandera fails

import math
import subprocess
import sys

from hypothesis import given, settings, strategies as st

from auditor.frames import LEVELS, ROW_TYPES, SCHEMA, _frames, plainly_valid, schemas, validate_tables

_TEXT = st.text(alphabet="0123456789X.ab \n", max_size=8)
_CODE = st.one_of(st.none(), _TEXT, st.sampled_from(["1", "1.02", "X.XX.01", "1.2\n", "1..2", ".1", "1.", "2.16.2.20"]))
_FLOAT = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64),
                   st.sampled_from([0.0, -0.0, 1000.0, 1000.0000001, -1e-9, math.nan]))
_ROWS = st.fixed_dictionaries({
    "path": st.text(max_size=5),
    "row": st.integers(-3, 10 ** 6),
    "row_type": st.sampled_from(ROW_TYPES + ["", "Data", "subtotal"]),
    "level": st.one_of(st.none(), st.sampled_from(LEVELS + ["Program", "x"])),
    "code": _CODE,
})
_VALUES = st.fixed_dictionaries({
    "row_id": st.integers(-3, 10 ** 6), "money": _FLOAT, "percent": _FLOAT, "other": _FLOAT})


def _columns(records, name):
    return {c: [r[c] for r in records] for c in SCHEMA[name]}


def _pandera_passes(name, columns):
    import pandera.errors as pe

    other = "values" if name == "rows" else "rows"
    frame = _frames({name: columns, other: {c: [] for c in SCHEMA[other]}}, None)[name]
    try:
        schemas()[name].validate(frame, lazy=True)
        return True
    except pe.SchemaErrors:
        return False


@settings(max_examples=300, deadline=None)
@given(st.lists(_ROWS, min_size=1, max_size=6), st.lists(_VALUES, min_size=1, max_size=6))
def test_the_plain_pretest_answers_as_pandera_on_well_typed_frames(rows, values):
    for name, records in (("rows", rows), ("values", values)):
        columns = _columns(records, name)
        assert plainly_valid(name, columns) == _pandera_passes(name, columns), (name, columns)


def test_a_value_of_another_type_is_left_to_pandera():
    """A type the pre-test does not know is never judged by it: a numpy number, a NaN where a text
    belongs, a text among the numbers."""
    import numpy as np

    rows = {"path": ["a"], "row": [1], "row_type": ["data"], "level": ["program"], "code": ["1.02"]}
    assert plainly_valid("rows", rows)
    for col, odd in (("row", np.int64(1)), ("level", math.nan), ("code", 102), ("path", None)):
        assert not plainly_valid("rows", {**rows, col: [odd]}), col
    values = {"row_id": [0], "money": [5.0], "percent": [math.nan], "other": [-1.0]}
    assert plainly_valid("values", values)
    for col, odd in (("money", np.float64(5.0)), ("percent", "85"), ("row_id", 0.0), ("row_id", None)):
        assert not plainly_valid("values", {**values, col: [odd]}), col


def test_validate_tables_finds_what_pandera_finds(tmp_path):
    path = write_tables(tmp_path / "t.xlsx", [{"header": HEADER, "rows": ROWS}])
    tables = load_file(path).tables
    key = lambda f: (f.location.cell, f.reported, f.expected, f.message)      # noqa: E731
    assert sorted(map(key, validate_tables(tables))) == sorted(map(key, validate(build_frames(tables))))
    assert len(validate_tables(tables)) == 2
    clean = write_tables(tmp_path / "c.xlsx", [{"header": HEADER, "rows": ROWS[2:]}])
    assert validate_tables(load_file(clean).tables) == []


def test_a_clean_folder_is_audited_without_pandas_or_pandera():
    """The pre-test's point: a folder whose values are all inside the schema never imports them."""
    code = ("import sys; from auditor.engine import audit; r = audit(['samples/kalisat-2024']); "
            "print(len(r['findings']), 'pandas' in sys.modules, 'pandera' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 0 and out[1:] == ["False", "False"]
