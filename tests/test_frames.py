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
