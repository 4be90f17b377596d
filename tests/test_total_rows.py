"""A total typed one column short (tables.detect._realign_totals): "Jumlah | 112 | 128 |" with 128 under a
column of texts and the numeric column on its right empty on that row is read as that column's total."""
from __future__ import annotations

from auditor.engine import audit
from auditor.loader import load_file
from tests.layouts import Doc

HEADER = ["No", "Sarana dan Prasarana", "Jumlah", "Kondisi", "Jumlah Ideal"]
ROWS = [["1", "Gedung Kantor", "1", "Baik", "1"], ["2", "Komputer", "10", "Baik", "12"],
        ["3", "Printer", "12", "Baik", "15"]]


def _sum001(rep):
    return sorted((f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"] if f["rule"] == "SUM001")


def test_a_total_under_the_text_column_is_the_numeric_columns(tmp_path):
    p = Doc().para("Tabel 1.2 Sarana dan Prasarana").table(
        [HEADER] + ROWS + [["", "Jumlah", "23", "30", ""]]).save(tmp_path / "lkip.docx")
    (t,) = load_file(str(p)).tables
    total = t.rows[-1]
    assert total.type == "total" and total.num("jumlah_ideal").value == 30 and total.cells["jumlah_ideal"].addr == "D5"
    assert _sum001(audit([str(p)])) == [("D5", 30, 28)]       # 1 + 12 + 15


def test_it_stays_where_it_is_when_the_columns_do_not_say_so(tmp_path):
    """The numeric column holds its own total, or the text column holds numbers on its rows too: nothing
    is moved."""
    own = Doc().table([HEADER] + ROWS + [["", "Jumlah", "23", "30", "28"]]).save(tmp_path / "a.docx")
    (t,) = load_file(str(own)).tables
    assert t.rows[-1].cells["jumlah_ideal"].addr == "E5"
    rows = [r[:3] + ["2"] + r[4:] for r in ROWS]                 # "Kondisi" now numbers its rows' units
    numbers = Doc().table([HEADER] + rows + [["", "Jumlah", "23", "30", ""]]).save(tmp_path / "b.docx")
    (t,) = load_file(str(numbers)).tables
    assert t.rows[-1].num("jumlah_ideal") is None


def test_the_same_in_a_table_of_no_known_kind(tmp_path):
    header = ["No", "Jenis Sarana/Prasarana", "Jumlah", "Kondisi", "Jumlah Ideal"]
    p = Doc().table([header] + ROWS + [["", "Jumlah", "23", "30", ""]]).save(tmp_path / "lkip.docx")
    (t,) = load_file(str(p)).tables
    assert t.kind == "generic" and t.rows[-1].cells["jumlah ideal"].addr == "D5"
    rep = audit([str(p)])
    assert sorted((f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"]
                  if f["rule"] == "SUM113") == [("D5", 30, 28)]
