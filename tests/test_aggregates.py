"""XDOC102 (checks.aggregates): line items summed per code agree with another table's amount per code,
in the column pairs the two tables show to agree; look-alikes of an e-budgeting export and an RKPD."""
from __future__ import annotations

import random

from auditor.engine import audit
from tests.helpers import write_tables

SUBS = [f"1.0{1 + i // 5}.01.2.0{1 + i % 5}.0{1 + i % 3}.{1 + i % 2}" for i in range(12)]


def ebudgeting(path, change: dict[str, int] | None = None, seed: int = 7) -> dict[str, tuple[int, int]]:
    """A line-item export: 2-4 lines under each sub keluaran (its code before its name), JUMLAH and JUMLAH
    PERUBAHAN; returns each code's (jumlah, jumlah perubahan) totals."""
    rng = random.Random(seed)
    rows, totals = [], {}
    for code in SUBS:
        a = b = 0
        for k in range(rng.randint(2, 4)):
            v = rng.randint(1, 900) * 100_000
            w = v + (change or {}).get(code, 0) if k == 0 else v
            rows.append([f"{code} Penyusunan Dokumen {code[-3:]}", f"5.1.02.01.01.00{k + 24} Belanja {k}", "DAU", v, w])
            a, b = a + v, b + w
        totals[code] = (a, b)
    write_tables(path, [{"header": ["SUBKELUARAN", "URAIAN BELANJA", "SUMBERDANA", "JUMLAH", "JUMLAH PERUBAHAN"],
                         "rows": rows}])
    return totals


def rkpd(path, totals: dict[str, tuple[int, int]], split: bool = False, override: dict | None = None):
    """One row per sub keluaran (two, by location, when `split`): its code alone, other columns between,
    anggaran and menjadi_anggaran far apart."""
    rows = []
    for code, (a, b) in totals.items():
        b = (override or {}).get(code, b)
        parts = [(a // 2, b // 2), (a - a // 2, b - b // 2)] if split else [(a, b)]
        for loc, (x, y) in zip(("Burmeso", "Kasonaweja"), parts):
            rows.append(["1.01.0.00.0.00.01.0000", code, 1, "Dokumen", x, loc, 100, "%", y, 2023])
    write_tables(path, [{"header": ["kode_opd", "kode_subkeluaran", "target", "satuan", "anggaran", "lokasi",
                                    "target_kinerja", "satuan_kinerja", "menjadi_anggaran", "tahun"], "rows": rows}])


def xdoc102(rep):
    return [(f["location"]["path"].rsplit("/", 1)[-1], f["location"]["cell"], f["reported"], f["expected"])
            for f in rep["findings"] if f["rule"] == "XDOC102"]


def test_a_plan_amount_that_is_not_its_lines_after_the_change(tmp_path):
    totals = ebudgeting(tmp_path / "ebudgeting.xlsx", change={SUBS[3]: 5_000_000})
    # the RKPD keeps the old amount for SUBS[3] in menjadi_anggaran; everything else as the lines say
    rkpd(tmp_path / "rkpd.xlsx", totals, override={SUBS[3]: totals[SUBS[3]][0]})
    rep = audit([str(tmp_path)])
    a, b = totals[SUBS[3]]
    assert xdoc102(rep) == [("rkpd.xlsx", "I5", a, b)]         # row 5 = the fourth code; I = menjadi_anggaran
    (f,) = [f for f in rep["findings"] if f["rule"] == "XDOC102"]
    assert f["severity"] == "info" and f["location"]["row_label"] == SUBS[3]
    assert {x["path"].rsplit("/", 1)[-1] for x in f["related"]} == {"ebudgeting.xlsx"}


def test_several_rows_per_code_in_the_plan_are_added_too(tmp_path):
    totals = ebudgeting(tmp_path / "ebudgeting.xlsx")
    rkpd(tmp_path / "rkpd.xlsx", totals, split=True,
         override={SUBS[5]: totals[SUBS[5]][1] + 2})            # its two rows add up to 2 more than its lines
    rep = audit([str(tmp_path)])
    got = xdoc102(rep)
    assert [(p, r - e) for p, _, r, e in got] == [("rkpd.xlsx", 2)]
    cov = rep["summary"]["coverage"]
    assert cov["checked"] >= 2 * len(SUBS) * 2               # both amount pairs of every code, both files


def test_columns_that_do_not_agree_are_not_paired_and_say_nothing(tmp_path):
    totals = ebudgeting(tmp_path / "ebudgeting.xlsx")
    rng = random.Random(1)
    rkpd(tmp_path / "rkpd.xlsx", {k: (rng.randint(1, 9) * 10 ** 8, rng.randint(1, 9) * 10 ** 8) for k in totals})
    rep = audit([str(tmp_path)])
    assert xdoc102(rep) == []
    assert rep["summary"]["coverage"]["checked"] == 0


def test_agreement_on_one_repeated_amount_is_no_evidence(tmp_path):
    """Every code's lines add up to 2 and the plan says 2 for all but one: equal, but nothing shows that
    the two columns are the same measure (a count, a flag)."""
    write_tables(tmp_path / "lines.xlsx", [{"header": ["SUBKELUARAN", "URAIAN BELANJA", "JUMLAH"],
                                            "rows": [[f"{c} Dokumen", f"Belanja {k}", 1] for c in SUBS for k in (1, 2)]}])
    write_tables(tmp_path / "plan.xlsx", [{"header": ["kode_subkeluaran", "uraian", "target"],
                                           "rows": [[c, "Dokumen", 2] for c in SUBS[:-1]] + [[SUBS[-1], "Dokumen", 7]]}])
    assert xdoc102(audit([str(tmp_path)])) == []


def test_columns_pair_by_how_well_they_agree_not_by_their_order(tmp_path):
    """The plan writes menjadi_anggaran before anggaran; two codes changed. JUMLAH agrees with anggaran on
    every code and with menjadi_anggaran on ten of twelve: it pairs with anggaran, PERUBAHAN with
    menjadi_anggaran, and nothing differs."""
    totals = ebudgeting(tmp_path / "ebudgeting.xlsx", change={SUBS[2]: 3_000_000, SUBS[8]: -1_000_000})
    write_tables(tmp_path / "rkpd.xlsx", [{"header": ["kode_subkeluaran", "uraian", "menjadi_anggaran", "anggaran"],
                                           "rows": [[c, "Dokumen", b, a] for c, (a, b) in totals.items()]}])
    assert xdoc102(audit([str(tmp_path)])) == []


def test_a_code_the_plan_leaves_blank_is_not_judged(tmp_path):
    totals = ebudgeting(tmp_path / "ebudgeting.xlsx")
    write_tables(tmp_path / "rkpd.xlsx", [{"header": ["kode_subkeluaran", "uraian", "anggaran", "menjadi_anggaran"],
                                           "rows": [[c, "Dokumen", a, None if c == SUBS[4] else b]
                                                    for c, (a, b) in totals.items()]}])
    rep = audit([str(tmp_path)])
    assert [f["rule"] for f in rep["findings"] if f["rule"] in ("XDOC102", "IN900")] == []


def test_codes_only_one_side_states_are_one_finding_each(tmp_path):
    """Two sub keluaran added by the change (nothing before it) have lines but no plan row; the plan has one
    code with no lines. XDOC103: one finding for each side, counting the codes and naming them."""
    totals = ebudgeting(tmp_path / "ebudgeting.xlsx")
    plan = dict(totals)
    del plan[SUBS[10]], plan[SUBS[11]]
    plan["2.16.01.2.01.01.1"] = (5_000_000, 5_000_000)
    rkpd(tmp_path / "rkpd.xlsx", plan)
    rep = audit([str(tmp_path)])
    got = sorted((f["location"]["path"].rsplit("/", 1)[-1], f["reported"], f["location"]["row_label"])
                 for f in rep["findings"] if f["rule"] == "XDOC103")
    assert got == [("ebudgeting.xlsx", 2, SUBS[10]), ("rkpd.xlsx", 1, "2.16.01.2.01.01.1")]
    assert xdoc102(rep) == []
