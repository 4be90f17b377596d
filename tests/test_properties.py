"""Property tests (hypothesis): the number parser, and the SUM/PCT checks on generated Tabel 3.8s.

* A consistent generated table — a program / kegiatan / sub kegiatan tree whose parents are the exact
  sums of their children, a JUMLAH row, and a % column rounded half-up to 0–2 decimals, written as a
  real .xlsx laid out like Tabel 3.8 — yields no finding at all.
* Changing any one numeric cell yields exactly the findings the rules imply, computed here by an
  independent oracle in exact rational arithmetic (DESIGN.md "Tolerance"):

  - a parent (program, kegiatan) cell c:  SUM002 at c  iff  c ≠ Σ children's c  (money is exact);
  - the JUMLAH cell c:                    SUM001 at c  iff  c ≠ Σ programs' c;
  - a % cell v shown with d decimals, on any row (JUMLAH too): PCT001 at v iff
    |100·realisasi/pagu − v| > ½·10^-d  (pagu > 0, realisasi ≥ 0).

  So: a % changed by k·10^-d with |k| ≥ 2 (still shown with d decimals) gives exactly PCT001 at that
  cell; a sub kegiatan's pagu changed gives SUM002 at its kegiatan, and PCT001 at the changed row
  exactly when its % no longer rounds from the new ratio (not when realisasi is 0, say); a kegiatan's
  gives SUM002 at itself (≠ its sub kegiatan) and at its program; a program's gives SUM002 at itself
  and SUM001 at JUMLAH; JUMLAH's gives SUM001 there; plus the changed row's PCT001 as the oracle says.

Examples: LKIP_AUDIT_EXAMPLES=N, or LKIP_AUDIT_LONG=1 for 2000; default 150 (~10 ms to write a
workbook, ~30 ms to audit it).
"""
from __future__ import annotations

import os
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from auditor.engine import build_report
from auditor.loader import load_all
from auditor.numbers import interval, parse_text
from auditor.rules import load_rules
from auditor.scales import settings_from

EXAMPLES = 2000 if os.environ.get("LKIP_AUDIT_LONG") == "1" else int(os.environ.get("LKIP_AUDIT_EXAMPLES", "150"))
PROPS = settings(max_examples=EXAMPLES, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# ----------------------------------------------------------------------------------------------
# 1. the number parser on number-like text

DIGITS = list("0123456789")
TOKENS = DIGITS * 3 + [".", ",", ".", ",", "Rp", "Rp.", "RP ", "%", " ", " ", "\u00a0", "-", "(", ")",
                       "a", "e", "k", "x", "persen", "Dokumen", "juta", "/", ":", "±"]
numberish = st.lists(st.sampled_from(TOKENS), max_size=14).map("".join)
no_digit = st.lists(st.sampled_from([t for t in TOKENS if not t.isdigit()]), max_size=14).map("".join) | \
    st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=30)


@settings(max_examples=max(EXAMPLES * 4, 500), deadline=None)
@given(numberish)
def test_parser_total_on_number_like_text(s):
    for style in (None, "id", "en"):
        n = parse_text(s, style) if style else parse_text(s)
        if n is None:
            continue
        assert any(c.isdigit() for c in s), s
        assert isinstance(n.value, Decimal) and n.value.is_finite() and n.decimals >= 0, (s, n)
        lo, hi = interval(n)
        assert lo <= n.value <= hi, (s, n)
        low = s.lower()
        if n.percent:
            assert "%" in s or "persen" in low, (s, n)
        if n.rupiah:
            assert "rp" in low or "idr" in low or "rupiah" in low, (s, n)


@settings(max_examples=max(EXAMPLES * 4, 500), deadline=None)
@given(no_digit)
def test_parser_no_digit_no_number(s):
    assert parse_text(s) is None
    assert parse_text(s, "en") is None


@settings(max_examples=max(EXAMPLES * 2, 300), deadline=None)
@given(numberish, st.sampled_from([" ", "  ", "\u00a0", "\t"]))
def test_parser_ignores_surrounding_blanks(s, pad):
    a, b = parse_text(s), parse_text(pad + s + pad)
    if a is None:
        assert b is None, (s, b)
    else:
        assert b is not None, s
        assert (a.value, a.decimals, a.percent, a.rupiah) == (b.value, b.decimals, b.percent, b.rupiah), (s, a, b)


# ----------------------------------------------------------------------------------------------
# 2. generated Tabel 3.8s

NAMES = [
    "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Perencanaan, Penganggaran, dan Evaluasi Kinerja",
    "Administrasi Keuangan Perangkat Daerah", "Penyediaan Gaji dan Tunjangan ASN",
    "Pelaksanaan Penatausahaan dan Pengujian/ Verifikasi Keuangan SKPD", "Pengadaan Barang Milik Daerah",
    "Penyediaan Jasa Pelayanan Umum Kantor", "Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    "Pemberdayaan Masyarakat Desa dan Kelurahan", "Koordinasi Ketentraman dan Ketertiban Umum",
    "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Pemeliharaan Barang Milik Daerah",
]
PCT_FORMATS = {0: "0", 1: "0.0", 2: "0.00"}
COL = {"pagu": "C", "real": "D", "pct": "E"}


def pct_of(real: int, pagu: int, d: int) -> Decimal:
    return (Decimal(real) * 100 / Decimal(pagu)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


@st.composite
def consistent_tables(draw):
    """Rows of a consistent Tabel 3.8: dicts with level, no, label, pagu, real, pct, parent."""
    rows: list[dict] = []
    d = draw(st.integers(0, 2))
    for pi in range(draw(st.integers(1, 4))):
        prog = {"level": "program", "no": pi + 1, "label": f"PROGRAM {pi + 1} : {draw(st.sampled_from(NAMES)).upper()}",
                "parent": None}
        rows.append(prog)
        p_idx = len(rows) - 1
        kegs = []
        for ki in range(draw(st.integers(1, 3))):
            keg = {"level": "kegiatan", "no": None, "label": f"Kegiatan {ki + 1} : {draw(st.sampled_from(NAMES))}",
                   "parent": p_idx}
            rows.append(keg)
            k_idx = len(rows) - 1
            subs = []
            for si in range(draw(st.integers(1, 3))):
                pagu = draw(st.integers(10**5, 5 * 10**9))
                # hypothesis favours small integers: also draw realisasi as a share of pagu (0–100 %)
                real = draw(st.integers(0, pagu) | st.integers(0, 10_000).map(lambda f, p=pagu: p * f // 10_000))
                rows.append({"level": "sub_kegiatan", "no": None, "parent": k_idx, "pagu": pagu, "real": real,
                             "label": f"Sub Kegiatan {si + 1} : {draw(st.sampled_from(NAMES))}"})
                subs.append(rows[-1])
            keg["pagu"], keg["real"] = sum(s["pagu"] for s in subs), sum(s["real"] for s in subs)
            kegs.append(keg)
        prog["pagu"], prog["real"] = sum(k["pagu"] for k in kegs), sum(k["real"] for k in kegs)
    progs = [r for r in rows if r["level"] == "program"]
    rows.append({"level": "total", "no": None, "label": "JUMLAH", "parent": None,
                 "pagu": sum(p["pagu"] for p in progs), "real": sum(p["real"] for p in progs)})
    for r in rows:
        r["pct"] = pct_of(r["real"], r["pagu"], d)
    layout = {"decimals": d, "pct_as_text": draw(st.booleans()), "title": draw(st.booleans())}
    return rows, layout


def first_row(layout) -> int:
    return 4 if layout["title"] else 2          # sheet row of the first body row


def write_tabel(path: str, rows: list[dict], layout: dict) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tabel 3.8"
    r = 1
    if layout["title"]:
        ws.cell(1, 1, "Tabel 3.8")
        ws.cell(2, 1, "Realisasi Anggaran Kecamatan Kalisat Tahun 2024")
        r = 3
    for c, h in enumerate(["No", "Program/ Kegiatan/ Sub Kegiatan", "PAGU (Rp)", "REALISASI (Rp)", "%"], 1):
        ws.cell(r, c, h)
    d = layout["decimals"]
    for i, row in enumerate(rows):
        rr = first_row(layout) + i
        if row["no"] is not None:
            ws.cell(rr, 1, row["no"]).number_format = "0"
        ws.cell(rr, 2, row["label"])
        ws.cell(rr, 3, row["pagu"]).number_format = "#,##0"
        ws.cell(rr, 4, row["real"]).number_format = "#,##0"
        if layout["pct_as_text"]:
            ws.cell(rr, 5, format(row["pct"], "f").replace(".", ","))
        else:
            ws.cell(rr, 5, float(row["pct"])).number_format = PCT_FORMATS[d]
    wb.save(path)


def expected(rows: list[dict], layout: dict) -> set[tuple[str, str]]:
    """The oracle: (rule, cell) of every SUM/PCT finding the rules imply for these values."""
    out: set[tuple[str, str]] = set()
    first = first_row(layout)
    half = Fraction(1, 2 * 10 ** layout["decimals"])
    for i, row in enumerate(rows):
        rr = first + i
        if row["level"] in ("program", "kegiatan"):
            kids = [k for k in rows if k["parent"] == i]
            for col in ("pagu", "real"):
                if row[col] != sum(k[col] for k in kids):
                    out.add(("SUM002", f"{COL[col]}{rr}"))
        if row["level"] == "total":
            progs = [p for p in rows if p["level"] == "program"]
            for col in ("pagu", "real"):
                if row[col] != sum(p[col] for p in progs):
                    out.add(("SUM001", f"{COL[col]}{rr}"))
        if row["pagu"] > 0 and row["real"] >= 0:
            x = Fraction(100 * row["real"], row["pagu"])
            if abs(x - Fraction(row["pct"])) > half:
                out.add(("PCT001", f"E{rr}"))
    return out


_RULES = None


def audit_file(path: str) -> dict:
    """audit() minus re-reading the rule YAML on every example (the catalogue is loaded once)."""
    global _RULES
    if _RULES is None:
        _RULES = load_rules()
    files, skipped = load_all([path])
    return build_report([path], files, skipped, _RULES, settings_from({}))


def found(report: dict, families=("SUM", "PCT")) -> set[tuple[str, str]]:
    return {(f["rule"], f["location"].get("cell")) for f in report["findings"] if f["family"] in families}


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory(prefix="lkip-props-") as d:
        yield d


def test_generated_table_is_read_as_tabel_38(workdir):
    """Sanity for the generator: detected as one anggaran table with the tree it was built with."""
    table = [
        {"level": "program", "no": 1, "label": "PROGRAM 1 : PENUNJANG URUSAN", "parent": None,
         "pagu": 300000, "real": 150000},
        {"level": "kegiatan", "no": None, "label": "Kegiatan 1 : Administrasi Keuangan", "parent": 0,
         "pagu": 300000, "real": 150000},
        {"level": "sub_kegiatan", "no": None, "label": "Sub Kegiatan 1 : Penyediaan Gaji", "parent": 1,
         "pagu": 100000, "real": 0},
        {"level": "sub_kegiatan", "no": None, "label": "Sub Kegiatan 2 : Penatausahaan", "parent": 1,
         "pagu": 200000, "real": 150000},
        {"level": "total", "no": None, "label": "JUMLAH", "parent": None, "pagu": 300000, "real": 150000},
    ]
    for r in table:
        r["pct"] = pct_of(r["real"], r["pagu"], 2)
    layout = {"decimals": 2, "pct_as_text": True, "title": True}
    path = os.path.join(workdir, "sanity.xlsx")
    write_tabel(path, table, layout)
    files, _ = load_all([path])
    (t,) = files[0].tables
    assert t.kind == "anggaran" and t.caption == "Tabel 3.8"
    assert [(r.type, r.level) for r in t.rows] == [("data", "program"), ("data", "kegiatan"),
                                                   ("data", "sub_kegiatan"), ("data", "sub_kegiatan"),
                                                   ("total", None)]
    assert [r.parent for r in t.rows] == [None, 0, 1, 1, None]
    assert t.rows[2].num("persen").value == 0 and t.rows[4].num("persen").decimals == 2
    assert expected(table, layout) == set()


def test_fast_path_equals_audit(workdir):
    """audit_file (rules loaded once) gives the same findings as audit() on a table with findings."""
    from auditor.engine import audit

    rows = [
        {"level": "program", "no": 1, "label": "PROGRAM 1 : PENUNJANG URUSAN", "parent": None,
         "pagu": 300000, "real": 150000, "pct": Decimal("50")},
        {"level": "kegiatan", "no": None, "label": "Kegiatan 1 : Administrasi Keuangan", "parent": 0,
         "pagu": 300001, "real": 150000, "pct": Decimal("52")},
        {"level": "sub_kegiatan", "no": None, "label": "Sub Kegiatan 1 : Penyediaan Gaji", "parent": 1,
         "pagu": 300000, "real": 150000, "pct": Decimal("50")},
        {"level": "total", "no": None, "label": "JUMLAH", "parent": None, "pagu": 300002, "real": 150000,
         "pct": Decimal("50")},
    ]
    layout = {"decimals": 0, "pct_as_text": False, "title": True}
    path = os.path.join(workdir, "fast.xlsx")
    write_tabel(path, rows, layout)
    a, b = audit_file(path), audit(path)
    assert a["findings"] == b["findings"]
    assert found(a) == expected(rows, layout) == {("SUM001", "C7"), ("SUM002", "C4"), ("SUM002", "C5"),
                                                      ("PCT001", "E5")}


@PROPS
@given(consistent_tables())
def test_consistent_table_has_no_finding(workdir, table):
    rows, layout = table
    assert expected(rows, layout) == set()          # the generator agrees with the oracle
    path = os.path.join(workdir, "consistent.xlsx")
    write_tabel(path, rows, layout)
    report = audit_file(path)
    assert report["files"][0]["tables"] and report["files"][0]["tables"][0]["kind"] == "anggaran"
    assert [(f["rule"], f["location"].get("cell"), f["message"]) for f in report["findings"]] == []


@st.composite
def mutated_tables(draw):
    rows, layout = draw(consistent_tables())
    i = draw(st.integers(0, len(rows) - 1))
    col = draw(st.sampled_from(["pagu", "real", "pct"]))
    row = dict(rows[i])
    sign = draw(st.sampled_from([1, -1]))
    if col == "pct":
        d = layout["decimals"]
        k = draw(st.integers(2, 3000))
        step = Decimal(1).scaleb(-d)
        new = row["pct"] + sign * k * step
        if new < 0:
            new = row["pct"] + k * step
        row["pct"] = new
    else:
        # by a few rupiah, by anything, or by a share of the value (enough to move its %)
        delta = draw(st.integers(1, 1000) | st.integers(1, 10**10)
                     | st.integers(1, 50).map(lambda q, v=max(row[col], 1): max(v * q // 100, 1)))
        new = row[col] + sign * delta
        floor = 1 if col == "pagu" else 0
        if new < floor:
            new = row[col] + delta
        row[col] = new
    out = list(rows)
    out[i] = row
    return out, layout, i, col


@PROPS
@given(mutated_tables())
def test_one_changed_cell_gives_exactly_the_implied_findings(workdir, case):
    rows, layout, i, col = case
    want = expected(rows, layout)
    rr = first_row(layout) + i
    row = rows[i]
    # what the oracle says, spelled out for the changed cell (the property, not just a recomputation)
    if col == "pct":
        assert want == {("PCT001", f"E{rr}")}
    else:
        if row["level"] == "sub_kegiatan":
            parent = first_row(layout) + row["parent"]
            must = {("SUM002", f"{COL[col]}{parent}")}
        elif row["level"] == "kegiatan":
            must = {("SUM002", f"{COL[col]}{rr}"), ("SUM002", f"{COL[col]}{first_row(layout) + row['parent']}")}
        elif row["level"] == "program":
            must = {("SUM002", f"{COL[col]}{rr}"), ("SUM001", f"{COL[col]}{first_row(layout) + len(rows) - 1}")}
        else:
            must = {("SUM001", f"{COL[col]}{rr}")}
        assert want - must <= {("PCT001", f"E{rr}")} and must <= want
    event(f"changed {row['level']} {col}" + (" (its % no longer matches)" if ("PCT001", f"E{rr}") in want
                                                and col != "pct" else ""))
    path = os.path.join(workdir, "mutated.xlsx")
    write_tabel(path, rows, layout)
    report = audit_file(path)
    assert found(report) == want, (found(report), want)
    at_cell = [f for f in report["findings"] if (f["rule"], f["location"].get("cell")) in want]
    for f in at_cell:
        assert f["location"]["sheet"] == "Tabel 3.8" and f["severity"] == "error"
        if f["rule"] in ("SUM001", "SUM002"):
            assert Decimal(str(f["reported"])) != Decimal(str(f["expected"]))


def test_rounding_boundary_half_up_is_consistent(workdir):
    """Exactly half way (realisasi/pagu × 100 = 12,5 shown as 13, and 0,125 → 0,13): consistent."""
    for real, pagu, d in ((125000, 1000000, 0), (125000, 100000000, 2)):
        sub = {"level": "sub_kegiatan", "no": None, "label": "Sub Kegiatan 1 : Penyediaan Gaji",
               "parent": 1, "pagu": pagu, "real": real}
        table = [
            {"level": "program", "no": 1, "label": "PROGRAM 1 : PENUNJANG URUSAN", "parent": None,
             "pagu": pagu, "real": real},
            {"level": "kegiatan", "no": None, "label": "Kegiatan 1 : Administrasi Keuangan", "parent": 0,
             "pagu": pagu, "real": real},
            sub,
            {"level": "total", "no": None, "label": "JUMLAH", "parent": None, "pagu": pagu, "real": real},
        ]
        for r in table:
            r["pct"] = pct_of(r["real"], r["pagu"], d)
        for as_text in (False, True):
            layout = {"decimals": d, "pct_as_text": as_text, "title": False}
            path = os.path.join(workdir, "boundary.xlsx")
            write_tabel(path, table, layout)
            assert found(audit_file(path), ("SUM", "PCT", "IN")) == set()
