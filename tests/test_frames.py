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
