"""Conventions judged once per column or table: numbering schemes, `-` for zero, amounts in ribuan,
text amounts with a leading apostrophe. Look-alike tables in layouts beyond the samples'."""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layouts import Sheet, xlsx  # noqa: E402

from auditor.engine import audit  # noqa: E402
from auditor.loader import load_file  # noqa: E402
from auditor.numbers import parse_cell  # noqa: E402
from auditor.tables.conventions import numbering_depths, ordinal  # noqa: E402

HEAD = ["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)"]


def _summary(numbers, amounts=None):
    """A hand-made budget summary: 2 programs, each 2 kegiatan, each 2 sub kegiatan, numbered by
    `numbers` (one token per row in order), amounts consistent unless `amounts` overrides rows."""
    subs = [(100, 90), (200, 150), (300, 300), (400, 100), (50, 50), (60, 0), (70, 70), (80, 40)]
    rows, i = [], 0
    for p in range(2):
        prog = subs[p * 4:(p + 1) * 4]
        rows.append(["P", f"Program {p + 1}", sum(a for a, _ in prog), sum(b for _, b in prog)])
        for k in range(2):
            kg = prog[k * 2:(k + 1) * 2]
            rows.append(["K", f"Kegiatan {p + 1}.{k + 1}", sum(a for a, _ in kg), sum(b for _, b in kg)])
            for s_ in kg:
                rows.append(["S", f"Sub kegiatan {i + 1}", s_[0], s_[1]])
                i += 1
    for r, tok in zip(rows, numbers):
        r[0] = tok
        r[1] = r[1].replace("Program ", "Penunjang urusan ").replace("Kegiatan ", "Administrasi ") \
            .replace("Sub kegiatan ", "Penyediaan ")
    for idx, vals in (amounts or {}).items():
        rows[idx][2:4] = vals
    rows.append([None, "JUMLAH", sum(a for a, _ in subs), sum(b for _, b in subs)])
    return rows


SCHEMES = {
    "A/I/1.1": ["A", "I", "1.1", "1.2", "II", "2.1", "2.2", "B", "I", "1.1", "1.2", "II", "2.1", "2.2"],
    "1/1.1/1.1.1": ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "1.2.2", "2", "2.1", "2.1.1", "2.1.2", "2.2",
                    "2.2.1", "2.2.2"],
    "I/A/a": ["I", "A", "a", "b", "B", "a", "b", "II", "A", "a", "b", "B", "a", "b"],
    "A/1/a": ["A", "1", "a", "b", "2", "a", "b", "B", "1", "a", "b", "2", "a", "b"],
}
LEVELS = ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "kegiatan", "sub_kegiatan", "sub_kegiatan"] * 2


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_numbering_scheme_gives_the_tree_and_no_alarm(tmp_path, scheme):
    path = xlsx(tmp_path / "ringkasan.xlsx", Sheet("Ringkasan").add([HEAD] + _summary(SCHEMES[scheme])))
    [t] = load_file(str(path)).tables
    assert [r.level for r in t.rows if r.type == "data"] == LEVELS
    rep = audit([str(path)])
    assert [(f["rule"], f["location"].get("cell")) for f in rep["findings"]] == []


def test_a_wrong_number_in_an_A_I_scheme_is_one_finding_with_the_right_expectation(tmp_path):
    nums = list(SCHEMES["A/I/1.1"])
    nums[5] = "1.3"                                    # under kegiatan II: should be 2.1
    path = xlsx(tmp_path / "ringkasan.xlsx", Sheet("Ringkasan").add([HEAD] + _summary(nums)))
    rep = audit([str(path)])
    got = [(f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"]]
    assert got == [("NAME001", "A7", "1.3", "2.3")]


def test_a_wrong_kegiatan_total_in_an_A_I_scheme_is_found_and_the_program_total_is_not(tmp_path):
    path = xlsx(tmp_path / "ringkasan.xlsx",
                Sheet("Ringkasan").add([HEAD] + _summary(SCHEMES["A/I/1.1"], {1: [310, 240]})))
    rep = audit([str(path)])
    got = sorted((f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in rep["findings"])
    # kegiatan I of program A says 310 where its sub kegiatan add up to 300; program A adds its kegiatan
    # (310 + 700 = 1010 vs 1000 stated): both disagree and both are reported, nothing else
    assert got == [("SUM002", "C2", 1000, 1010), ("SUM002", "C3", 310, 300)]


def test_depths_and_ordinals():
    assert numbering_depths(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"])["I"] == 1   # the letter I
    assert numbering_depths(["A", "I", "II", "B"]) == {"A": 1, "I": 2, "II": 2, "B": 1}
    assert numbering_depths(["1", "1.1", "2"]) == {"1": 1, "1.1": 2, "2": 1}
    assert (ordinal("IV"), ordinal("C"), ordinal("c."), ordinal("2.1")) == ("4", "3", "3", "2.1")


def test_dash_for_zero_in_an_amount_column(tmp_path):
    ok = [["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)"],
          ["1", "Program Penunjang", 300, "-"], ["1.1", "Kegiatan Administrasi", 300, "-"],
          ["1.1.1", "Sub Kegiatan Gaji", 100, "-"], ["1.1.2", "Sub Kegiatan ATK", 200, "-"],
          [None, "JUMLAH", 300, "-"]]
    path = xlsx(tmp_path / "ok.xlsx", Sheet("A").add(ok))
    [t] = load_file(str(path)).tables
    assert t.conventions.get("realisasi") == "dash_zero" and t.rows[0].num("realisasi").value == 0
    assert [f for f in audit([str(path)])["findings"] if f["severity"] != "info"] == []
    bad = [list(r) for r in ok]
    bad[3][3] = 50                                   # a sub kegiatan spent 50; its kegiatan still says "-"
    path = xlsx(tmp_path / "bad.xlsx", Sheet("A").add(bad))
    got = sorted((f["rule"], f["location"]["cell"]) for f in audit([str(path)])["findings"])
    assert ("SUM002", "D3") in got


def test_dash_is_not_zero_where_it_means_not_measured(tmp_path):
    rows = [["No", "Sasaran", "Indikator", "Target", "Realisasi", "Capaian (%)"],
            [1, "Meningkatnya pelayanan", "Indeks Kepuasan Masyarakat", 90, 86, 95.56],
            [2, "Meningkatnya pelayanan", "Jumlah laporan", 12, "-", "-"]]
    [t] = load_file(str(xlsx(tmp_path / "p.xlsx", Sheet("P").add(rows)))).tables
    assert t.rows[1].num("realisasi") is None and not t.conventions


def test_amounts_in_ribuan_are_stated_to_other_documents_in_rupiah(tmp_path):
    rows = [["Tabel 3.8 Realisasi Anggaran (dalam ribuan rupiah)"], [],
            ["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran", "Realisasi"],
            ["1", "Program Penunjang Urusan Pemerintahan Daerah", 2744054, 2151082],
            [None, "JUMLAH", 2744054, 2151082]]
    path = xlsx(tmp_path / "t.xlsx", Sheet("T").add(rows))
    res = load_file(str(path))
    [t] = res.tables
    assert t.unit_scale == 3
    from auditor.facts import build_facts
    facts = [f for f in build_facts([res]).facts if f.measure == "pagu"]
    assert facts and facts[0].num.value == Decimal("2744054000") and facts[0].num.decimals == -3


def test_apostrophe_text_amounts():
    assert parse_cell("'513.425.170.766").value == Decimal("513425170766")
    assert parse_cell("'467.998.630.663,83").value == Decimal("467998630663.83")
    assert parse_cell("'") is None and parse_cell("'Belanja") is None
