"""Flat exports read lazily (tables.cells): their lines become LazyRows whose cells are made on demand,
and facts/frames read whole columns. Everything must equal what the eager, cell-by-cell reading gives:
rows, cells, columns, input problems, facts and findings."""
from __future__ import annotations

import json

import openpyxl
import pytest

from auditor.engine import audit
from auditor.facts import build_facts
from auditor.loader import load_file
from auditor.readers.workbook import read_workbook
from auditor.tables import detect
from auditor.tables.cells import entry
from auditor.tables.detect import detect_tables
from auditor.tables.model import LazyRow

HEADER = ["Kode SKPD", "Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan", "Kode Sub Kegiatan",
          "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Nomor Dokumen", "Nilai Realisasi",
          "Nilai Setoran", "Nomor SP2D", "Nilai SP2D"]
PROG, KEG = ("7.01.01", "PROGRAM PENUNJANG"), ("7.01.01.2.02", "Administrasi Keuangan")
SUB = ("7.01.01.2.02.0003", "Pelaksanaan Penatausahaan Keuangan")


def line(n, realisasi, setoran=0, sub=SUB, label=None, first="7.01.0.00.0.00.27.0000", rek="5.1.02.01.01.0024"):
    return [first, *PROG, *KEG, sub[0], sub[1] if label is None else label, rek, "Belanja Alat Tulis Kantor",
            f"DOK/{n:04d}", realisasi, setoran, f"SP2D/{n:04d}", realisasi]


def export(path, lines, formats=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data Realisasi Dokumen"
    ws.append(HEADER)
    for row in lines:
        ws.append(row)
    for (r, c), fmt in (formats or {}).items():
        ws.cell(r, c).number_format = fmt
    wb.save(path)
    return str(path)


# Lines the lazy reader must take or leave to the general loop, each as the general loop reads it.
ODD = [
    line(1, 1_500_000),
    line(2, 2_250_000, 250_000),
    line(3, "1.234.567"),                                   # an amount typed as text
    line(4, "#N/A"),                                        # an Excel error shown as text: IN004
    line(5, 1234.5),                                        # not whole
    line(6, 700_000, sub=("7.01.01.2.02.0004", "Penyediaan Jasa Surat")),
    line(7, 300_000, label=""),                             # no label: the general loop finds one
    line(8, 900_000, label="JUMLAH"),                       # a total word: never a plain line
    line(10, 45_000, first=None),                           # first cell empty
    line(11, 80_000, rek="5.2.02.05.01.0001"),
    line(12, 10, first="CAMAT KALISAT"),                    # a signature word in the first cell
    line(9, "-", "-"),                                      # no number at all (its names end the table)
]


def reference(monkeypatch, fn):
    """What `fn()` gives with the lazy reader switched off (every line read the general way)."""
    with monkeypatch.context() as m:
        m.setattr(detect.Detector, "plain_line_reader", lambda *a, **k: None)
        return fn()


def dump_rows(tables):
    return [[(r.r, r.type, r.label, r.name, r.level, r.ordinal, r.numbering, r.code, r.section, r.parent,
              {k: (c.r, c.c, c.addr, repr(c.raw), c.text, c.num, c.unknown) for k, c in r.cells.items()})
             for r in t.rows] for t in tables]


def dump_columns(tables):
    return [{col: t.column(col) for col in t.columns} for t in tables]


@pytest.mark.parametrize("formats", [None, {(3, 11): "#,##0.00", (4, 12): "#,##0", (7, 11): "dd/mm/yyyy",
                                            (2, 14): "0%"}])
@pytest.mark.parametrize("detail", [True, False])
def test_lazy_lines_equal_the_general_reading(tmp_path, monkeypatch, formats, detail):
    path = export(tmp_path / "sipd-realisasi.xlsx", ODD + [[], ["Sumber: SIPD"]], formats)

    def read():
        grids = read_workbook(path, detail=detail)
        return [t for g in grids for t in detect_tables(g)[0]]

    want = reference(monkeypatch, read)
    got = read()
    assert [t.kind for t in got] == ["sipd_realisasi"]
    lazy = [r for r in got[0].rows if type(r) is LazyRow]
    assert len(lazy) >= 6                           # the plain lines did go the lazy way
    # columns first: read before any cell of a lazy row is made
    assert dump_columns(got) == [{col: [entry(r.cells.get(col)) for r in t.rows] for col in t.columns}
                                 for t in want]
    assert dump_rows(got) == dump_rows(want)
    assert (got[0].footer, got[0].end) == (want[0].footer, want[0].end)


def test_input_problems_facts_and_findings_are_the_same(tmp_path, monkeypatch):
    path = export(tmp_path / "sipd-realisasi.xlsx", ODD)

    def run():
        res = load_file(path)
        store = build_facts([res])
        return ([(p.rule, p.location.cell, p.reported) for p in res.problems],
                [json.dumps(f.to_dict(), sort_keys=True, default=str) for f in store.facts],
                [(f["rule"], f["location"].get("cell"), f["reported"]) for f in audit([path])["findings"]])

    want = reference(monkeypatch, run)
    got = run()
    assert got == want
    assert ("IN004", "K5", "#N/A") in got[0]        # the error text on a lazy line is still reported


def test_rows_with_errors_looks_at_lazy_rows_only_when_an_error_text_is_there(tmp_path):
    # "#N/A" is written as an error cell: calamine shows it empty, the details pass puts the text back
    clean = read_workbook(export(tmp_path / "a.xlsx", ODD[:3] + ODD[4:]))[0]
    (t,) = detect_tables(clean)[0]
    assert clean.error_texts == frozenset()
    assert not any(type(r) is LazyRow for r in t.rows_with_errors())
    dirty = read_workbook(export(tmp_path / "b.xlsx", ODD))[0]
    (t,) = detect_tables(dirty)[0]
    assert dirty.error_texts == frozenset({"#N/A"})
    assert [r.r for r in t.rows_with_errors() if type(r) is LazyRow] == [4]
    dirty.error_texts = None                        # a reader that could not list them: every column looked at
    t.source.columns.clear()
    assert [r.r for r in t.rows_with_errors() if type(r) is LazyRow] == [4]


def test_the_sample_exports_are_read_lazily():
    tables = [t for name in ("sipd-realisasi-2024.xlsx", "sipd-rekap-pagu-2024.xlsx")
              for t in load_file(f"samples/kalisat-2024/{name}").tables]
    assert {t.kind for t in tables} == {"sipd_realisasi", "sipd_pagu"}
    for t in tables:
        assert sum(type(r) is LazyRow for r in t.rows) == len(t.rows) - 1     # all but the first line
