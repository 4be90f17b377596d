"""Real-world layout variants of every table kind, written as real .xlsx / .docx files, read back.

Each variant is a file a real user could plausibly produce (title rows, a header that does not start
at A1, reordered and unknown columns, Indonesian number texts, number formats, two-row merged headers,
a column-number row, footers, signature blocks, two tables on one sheet, Word tables with merged
header cells). For each, the test asserts the kind detected, the exact canonical column mapping, the
number of data / total / section rows, parsed values with their precision, and the hierarchy where the
kind has one.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pytest

HERE = Path(__file__).resolve().parent
for p in (HERE, HERE.parent):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from layouts import SIGNATURE, TITLE, Doc, F, Sheet, letters, xlsx  # noqa: E402

from auditor.loader import load_file  # noqa: E402
from auditor.tables.kinds import KINDS  # noqa: E402


# ------------------------------------------------------------------------------------- the frame

@dataclass
class V:
    id: str
    kind: str
    build: Callable[[Path], Path]
    cols: dict[str, str]                       # canonical -> column letter: the exact mapping
    counts: tuple[int, int, int]               # data, total, section rows
    nums: dict[tuple[int, str], tuple] = field(default_factory=dict)   # (row, canon) -> (value, decimals, percent)
    texts: dict[tuple[int, str], str] = field(default_factory=dict)    # (row, canon) -> text
    levels: list | None = None                 # level of every row, in order
    parents: list | None = None                # parent index of every row, in order
    which: int = 0                             # the n-th table of this kind in the file
    ntables: int | None = None                 # tables in the file, when it matters
    extra: Callable[[Any], None] | None = None
    xfail: str | None = None


VARIANTS: list[V] = []


def variant(**kw):
    def deco(fn):
        VARIANTS.append(V(build=fn, **kw))
        return fn
    return deco


def _table(v: V, path: Path):
    res = load_file(str(path))
    assert res.error is None, res.error
    if v.ntables is not None:
        assert len(res.tables) == v.ntables, [(t.sheet, t.kind, t.range) for t in res.tables]
    mine = [t for t in res.tables if t.kind == v.kind]
    assert len(mine) > v.which, (f"no {v.kind} table; found {[(t.sheet, t.kind, t.range) for t in res.tables]}, "
                                 f"notes {[(u.sheet, u.reason) for u in res.unrecognised]}")
    return mine[v.which], res


def _check(v: V, tmp_path: Path):
    t, res = _table(v, v.build(tmp_path))
    assert letters(t.columns) == v.cols, (letters(t.columns), t.unmapped)
    counts = tuple(sum(1 for r in t.rows if r.type == ty) for ty in ("data", "total", "section"))
    assert counts == v.counts, [(r.type, r.label[:50]) for r in t.rows]
    for (i, canon), want in v.nums.items():
        row = t.rows[i]
        n = row.num(canon)
        if want is None:
            assert n is None, (i, canon, row.label, n)
            continue
        value, decimals, percent = want
        assert n is not None, (i, canon, row.label, row.text(canon))
        assert (n.value, n.decimals, n.percent) == (Decimal(value), decimals, percent), (i, canon, n)
    for (i, canon), want in v.texts.items():
        assert t.rows[i].text(canon) == want, (i, canon, t.rows[i].text(canon))
    if v.levels is not None:
        assert [r.level for r in t.rows] == v.levels, [(r.level, r.label[:40]) for r in t.rows]
    if v.parents is not None:
        assert [r.parent for r in t.rows] == v.parents, [(r.parent, r.label[:40]) for r in t.rows]
    if v.extra is not None:
        v.extra(t)


# ------------------------------------------------------------------------------------- shared data

SASARAN = [
    "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan",
    "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas",
    "Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
]
INDIKATOR = [
    "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah",
    "Indeks Kepuasan Masyarakat",
    "Persentase Fasilitas Kesejahteraan Masyarakat yang dilaksanakan",
]
P1 = "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
K1 = "Administrasi Keuangan Perangkat Daerah"
S11 = "Penyediaan Gaji dan Tunjangan ASN"
S12 = "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"
P2 = "Penyelenggaraan Pemerintahan dan Pelayanan Publik"
K2 = "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"
S21 = "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan"
# (code, name, pagu, realisasi, persen)
BUDGET = [
    ("7.01.01", P1, 2744053678, 2151081517, 78.39),
    ("7.01.01.2.02", K1, 2744053678, 2151081517, 78.39),
    ("7.01.01.2.02.0001", S11, 2511744198, 1920536667, 76.46),
    ("7.01.01.2.02.0003", S12, 232309480, 230544850, 99.24),
    ("7.01.02", P2, 781140000, 779777200, 99.83),
    ("7.01.02.2.01", K2, 781140000, 779777200, 99.83),
    ("7.01.02.2.01.0001", S21, 781140000, 779777200, 99.83),
]
TOTAL = (3525193678, 2930858717, 83.14)
LEVELS7 = ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "program", "kegiatan", "sub_kegiatan"]
PARENTS7 = [None, 0, 1, 1, None, 4, 5]
PREFIX = ["Program 1 : ", "Kegiatan 1 : ", "Sub Kegiatan 1 : ", "Sub Kegiatan 2 : ",
          "Program 2 : ", "Kegiatan 1 : ", "Sub Kegiatan 1 : "]
NUMBERING = ["1", "1.1", "1.1.1", "1.1.2", "2", "2.1", "2.1.1"]


def _a(cond, msg=None) -> None:
    assert cond, msg


def rp(n: int) -> str:
    """Indonesian thousands: 2511744198 -> '2.511.744.198'."""
    return f"{n:,}".replace(",", ".")


def pct(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


# ======================================================================================= SIPD

SIPD_REAL_HEADER = ("Kode SKPD, Nama SKPD, Kode Sub SKPD, Nama Sub SKPD, Kode Fungsi, Nama Fungsi, Kode Sub Fungsi, "
                    "Nama Sub Fungsi, Kode Urusan, Nama Urusan, Kode Bidang Urusan, Nama Bidang Urusan, Kode Program, "
                    "Nama Program, Kode Kegiatan, Nama Kegiatan, Kode Sub Kegiatan, Nama Sub Kegiatan, Kode Rekening, "
                    "Nama Rekening, Nomor Dokumen, Jenis Dokumen, Jenis Transaksi, Nomor DPT, Tanggal Dokumen, "
                    "Keterangan Dokumen, Nilai Realisasi, Nilai Setoran, NIP Pegawai, Nama Pegawai, Tanggal Simpan, "
                    "Nomor SPD, Periode SPD, Nilai SPD, Tahapan SPD, Nama Sub Tahapan Jadwal, Tahapan APBD, Nomor SPP, "
                    "Tanggal SPP, Nomor SPM, Tanggal SPM, Nomor SP2D, Tanggal SP2D, Tanggal Transfer, Nilai SP2D").split(", ")
SIPD_REAL_COLS = {"kode_program": "M", "nama_program": "N", "kode_kegiatan": "O", "nama_kegiatan": "P",
                  "kode_sub": "Q", "nama_sub": "R", "kode_rekening": "S", "nama_rekening": "T",
                  "nomor_dokumen": "U", "nilai_realisasi": "AA", "nilai_setoran": "AB", "nomor_sp2d": "AP",
                  "nilai_sp2d": "AS"}
# (kode sub, nama sub, kode rekening, nama rekening, realisasi, setoran, sp2d no, sp2d value)
SIPD_LINES = [
    ("7.01.01.2.02.0001", S11, "5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 63224104, 0, "SP2D/0001", 82570118),
    ("7.01.01.2.02.0001", S11, "5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", 5623586, 0, "SP2D/0001", 82570118),
    ("7.01.01.2.02.0003", S12, "5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 1344000, 44000, "SP2D/0002", 1344000),
    ("7.01.02.2.01.0001", S21, "5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi", 2400000, 0, "SP2D/0003", 2400000),
]


def _sipd_full_row(line):
    ks, ns, kr, nr, real, setor, nsp2d, vsp2d = line
    vals = dict.fromkeys(SIPD_REAL_HEADER)
    vals.update({"Kode SKPD": "7.01.0.00.0.00.27.0000", "Nama SKPD": "KECAMATAN KALISAT",
                 "Kode Program": ks[:7], "Nama Program": "PROGRAM " + (P1 if ks.startswith("7.01.01") else P2).upper(),
                 "Kode Kegiatan": ks[:12], "Nama Kegiatan": K1 if ks.startswith("7.01.01") else K2,
                 "Kode Sub Kegiatan": ks, "Nama Sub Kegiatan": ns, "Kode Rekening": kr, "Nama Rekening": nr,
                 "Nomor Dokumen": "35.09/04.0/000001/LS/M/1/2024", "Jenis Dokumen": "LS",
                 "Nilai Realisasi": real, "Nilai Setoran": setor, "Nomor SP2D": nsp2d, "Nilai SP2D": vsp2d})
    return [vals[h] for h in SIPD_REAL_HEADER]


@variant(id="sipd_realisasi/plain-export", kind="sipd_realisasi", cols=SIPD_REAL_COLS, counts=(4, 0, 0),
         nums={(0, "nilai_realisasi"): ("63224104", 0, False), (2, "nilai_setoran"): ("44000", 0, False),
               (0, "nilai_sp2d"): ("82570118", 0, False)},
         texts={(2, "kode_sub"): "7.01.01.2.02.0003", (3, "nama_sub"): S21})
def _b(tmp):
    s = Sheet("Data Realisasi Dokumen").add([SIPD_REAL_HEADER] + [_sipd_full_row(x) for x in SIPD_LINES])
    return xlsx(tmp / "realisasi.xlsx", s)


@variant(id="sipd_realisasi/titles-C5-subset-reordered", kind="sipd_realisasi",
         cols={"nomor_dokumen": "C", "nilai_realisasi": "D", "nilai_setoran": "E", "kode_sub": "F", "nama_sub": "G",
               "kode_rekening": "H", "nomor_sp2d": "J", "nilai_sp2d": "K"},
         counts=(4, 0, 0),
         nums={(1, "nilai_realisasi"): ("5623586", 0, False), (3, "nilai_sp2d"): ("2400000", 0, False)},
         texts={(1, "kode_rekening"): "5.1.01.01.02.0001"})
def _b(tmp):
    s = Sheet("Realisasi")
    s.add([["LAPORAN REALISASI PER DOKUMEN"], ["KECAMATAN KALISAT"], ["Periode: 01 Januari 2024 s.d. 31 Desember 2024"], []])
    s.add([["Nomor Dokumen", "Nilai Realisasi", "Nilai Setoran", "Kode Sub Kegiatan", "Nama Sub Kegiatan",
            "Kode Rekening", "Keterangan Dokumen", "Nomor SP2D", "Nilai SP2D"]], col=2)
    for ks, ns, kr, nr, real, setor, nsp2d, vsp2d in SIPD_LINES:
        s.add([["DOK/1", F(real, "#,##0"), F(setor, "#,##0"), ks, ns, kr, "Belanja " + nr, nsp2d, F(vsp2d, "#,##0")]], col=2)
    return xlsx(tmp / "realisasi.xlsx", s)


@variant(id="sipd_realisasi/text-numbers", kind="sipd_realisasi",
         cols={"kode_sub": "A", "nama_sub": "B", "kode_rekening": "C", "nama_rekening": "D", "nilai_realisasi": "E",
               "nilai_setoran": "F", "nomor_sp2d": "G", "nilai_sp2d": "H"},
         counts=(4, 0, 0),
         nums={(0, "nilai_realisasi"): ("63224104", 0, False), (2, "nilai_realisasi"): ("1344000.00", 2, False),
               (2, "nilai_setoran"): ("44000", 0, False)})
def _b(tmp):
    s = Sheet("Sheet1")
    s.add([["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Nilai Realisasi",
            "Nilai Setoran", "Nomor SP2D", "Nilai SP2D"]])
    texts = ["63.224.104", "Rp 5.623.586", "1.344.000,00", "Rp. 2.400.000"]
    for (ks, ns, kr, nr, real, setor, nsp2d, vsp2d), t in zip(SIPD_LINES, texts):
        s.add([[ks, ns, kr, nr, t, rp(setor) if setor else "0", nsp2d, rp(vsp2d)]])
    return xlsx(tmp / "realisasi.xlsx", s)


PAGU_HEADER = ("NO, TAHUN, KODE URUSAN, NAMA URUSAN, KODE SKPD, NAMA SKPD, KODE SUB UNIT, NAMA SUB UNIT, "
               "KODE BIDANG URUSAN, NAMA BIDANG URUSAN, KODE PROGRAM, NAMA PROGRAM, KODE KEGIATAN, NAMA KEGIATAN, "
               "KODE SUB KEGIATAN, NAMA SUB KEGIATAN, KODE SUMBER DANA, NAMA SUMBER DANA, KODE REKENING, "
               "NAMA REKENING, PAKET/KELOMPOK, NAMA PAKET/KELOMPOK, PAGU").split(", ")
PAGU_LINES = [
    ("7.01.01.2.02.0001", S11, "5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 1104865200),
    ("7.01.01.2.02.0001", S11, "5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", 1406879000),
    ("7.01.01.2.02.0003", S12, "5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 232309480),
]


@variant(id="sipd_pagu/plain-export", kind="sipd_pagu",
         cols={"tahun": "B", "kode_program": "K", "nama_program": "L", "kode_kegiatan": "M", "nama_kegiatan": "N",
               "kode_sub": "O", "nama_sub": "P", "kode_rekening": "S", "nama_rekening": "T", "pagu": "W"},
         counts=(3, 0, 0),
         nums={(0, "pagu"): ("1104865200", 0, False), (2, "pagu"): ("232309480", 0, False)},
         texts={(1, "kode_rekening"): "5.1.01.01.02.0001"})
def _b(tmp):
    s = Sheet("Rekap Pagu").add([PAGU_HEADER])
    for i, (ks, ns, kr, nr, pagu) in enumerate(PAGU_LINES, 1):
        s.add([[i, 2024, "7", "UNSUR KEWILAYAHAN", "7.01.0.00.0.00.27.0000", "KECAMATAN KALISAT",
                "7.01.0.00.0.00.27.0000", "KECAMATAN KALISAT", "7.01", "KECAMATAN", ks[:7], "PROGRAM " + P1.upper(),
                ks[:12], K1, ks, ns, "1.2.01.01.01.0001", "DAU", kr, nr, "[#] Paket", "[-] Paket", pagu]])
    return xlsx(tmp / "pagu.xlsx", s)


@variant(id="sipd_pagu/titles-C5-reordered-formatted", kind="sipd_pagu",
         cols={"pagu": "C", "kode_sub": "D", "nama_sub": "E", "kode_rekening": "G", "nama_rekening": "H"},
         counts=(3, 0, 0),
         nums={(0, "pagu"): ("1104865200", 0, False), (1, "pagu"): ("1406879000", 0, False)})
def _b(tmp):
    s = Sheet("DPA")
    s.add([["REKAP PAGU PER REKENING"], ["TAHUN ANGGARAN 2024"], [], []])
    s.add([["PAGU", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN", "NAMA SUMBER DANA", "KODE REKENING", "NAMA REKENING"]], col=2)
    for ks, ns, kr, nr, pagu in PAGU_LINES:
        s.add([[F(pagu, "#,##0"), ks, ns, "DAU", kr, nr]], col=2)
    return xlsx(tmp / "pagu.xlsx", s)


@variant(id="sipd_pagu/mixed-case-text-numbers", kind="sipd_pagu",
         cols={"kode_program": "A", "kode_kegiatan": "B", "kode_sub": "C", "nama_sub": "D", "kode_rekening": "F",
               "pagu": "G"},
         counts=(3, 0, 0),
         nums={(0, "pagu"): ("1104865200", 0, False), (2, "pagu"): ("232309480.00", 2, False)})
def _b(tmp):
    s = Sheet("Sheet1")
    s.add([["Kode Program", "Kode Kegiatan", "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Sumber Dana",
            "Kode Rekening", "Nilai Pagu"]])
    texts = ["Rp 1.104.865.200", "1.406.879.000", "Rp232.309.480,00"]
    for (ks, ns, kr, nr, pagu), t in zip(PAGU_LINES, texts):
        s.add([[ks[:7], ks[:12], ks, ns, "DAU", kr, t]])
    return xlsx(tmp / "pagu.xlsx", s)


# ======================================================================================= SDM

SDM_H0 = ["Jabatan", "Kebutuhan", None, None, None, None, "Bezetting/Pegawai Yang Ada", None, None, None, None, None, "L", "P"]
SDM_H1 = [None, "Σ", "SMA", "D3", "S1", "S2", "Σ", "SMP", "SMA", "D3", "S1", "S2", None, None]
SDM_MERGES = [(0, 0, 1, 0), (0, 1, 0, 5), (0, 6, 0, 11), (0, 12, 1, 12), (0, 13, 1, 13)]
SDM_BODY = [
    ["Jabatan Pimpinan Tinggi"] + [None] * 13,
    ["1. Camat", 1, None, None, None, 1, 1, None, None, None, None, 1, 1, None],
    ["Jabatan Administrasi"] + [None] * 13,
    ["1. Administrator", 2, None, None, 1, 1, 1, None, None, None, None, 1, 1, None],
    ["2. Pengawas", 6, None, None, 6, None, 6, None, 2, None, 4, None, 5, 1],
    ["Jabatan Pelaksana"] + [None] * 13,
    ["1. Pelaksana", 12, 4, 2, 6, None, 9, 1, 4, 1, 3, None, 6, 3],
    ["Jumlah", 21, 4, 2, 13, 2, 17, 1, 6, 1, 7, 2, 13, 4],
]
SDM_COLS_A = {"label": "A", "keb_total": "B", "keb@sma": "C", "keb@d3": "D", "keb@s1": "E", "keb@s2": "F",
              "bez_total": "G", "bez@smp": "H", "bez@sma": "I", "bez@d3": "J", "bez@s1": "K", "bez@s2": "L",
              "l": "M", "p": "N"}


def _shift(cols: dict[str, str], n: int) -> dict[str, str]:
    from openpyxl.utils.cell import column_index_from_string, get_column_letter
    return {k: get_column_letter(column_index_from_string(v) + n) for k, v in cols.items()}


@variant(id="sdm/titles-C5-merged-header-footer-signature", kind="sdm", cols=_shift(SDM_COLS_A, 2),
         counts=(4, 1, 3),
         nums={(1, "keb_total"): ("1", 0, False), (4, "bez@s1"): ("4", 0, False), (7, "keb_total"): ("21", 0, False),
               (7, "p"): ("4", 0, False), (4, "keb@s2"): None},
         extra=lambda t: _a(t.footer == ["Sumber : Data Kepegawaian Kecamatan Kalisat 2024"]
                            and t.caption == "Tabel 1.1", (t.footer, t.caption)))
def _b(tmp):
    s = Sheet("Tabel 1.1")
    s.add([["Tabel 1.1"], ["Komposisi Pegawai Kecamatan Kalisat Tahun 2024"], [], []])
    s.add([SDM_H0, SDM_H1] + SDM_BODY, col=2, merges=SDM_MERGES)
    s.add([["Sumber : Data Kepegawaian Kecamatan Kalisat 2024"]], col=2)
    s.add(SIGNATURE, col=10)
    return xlsx(tmp / "sdm.xlsx", s)


def _sdm_v2(body):
    h0 = ["Jabatan", "Kebutuhan", None, None, "Pegawai Yang Ada", None, None, "Laki-laki", "Perempuan"]
    h1 = [None, "Jumlah", "S1", "S2", "Jumlah", "S1", "S2", None, None]
    nums = [f"({i})" for i in range(1, 10)]
    return [h0, h1, nums] + body, [(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 0, 6), (0, 7, 1, 7), (0, 8, 1, 8)]


@variant(id="sdm/pegawai-yang-ada-jumlah-colnum-row-merged-sections", kind="sdm",
         cols={"label": "A", "keb_total": "B", "keb@s1": "C", "keb@s2": "D", "bez_total": "E", "bez@s1": "F",
               "bez@s2": "G", "l": "H", "p": "I"},
         counts=(3, 1, 2),
         nums={(1, "keb_total"): ("3", 0, False), (4, "bez_total"): ("1", 0, False), (5, "bez_total"): ("8", 0, False),
               (5, "l"): ("6", 0, False)},
         extra=lambda t: _a(t.numbering_row is not None))
def _b(tmp):
    body = [["Jabatan Struktural"] + [None] * 8,
            ["Camat", "3", 2, 1, "3", 2, 1, 2, 1],
            ["Kasi", "5", 5, None, "4", 4, None, 3, 1],
            ["Jabatan Fungsional"] + [None] * 8,
            ["Pengelola Keuangan", "2", 2, None, "1", 1, None, 1, None],
            ["Jumlah", "10", 9, 1, "8", 7, 1, 6, 2]]
    rows, merges = _sdm_v2(body)
    merges += [(3, 0, 3, 8), (6, 0, 6, 8)]
    return xlsx(tmp / "sdm.xlsx", Sheet("SDM").add(rows, merges=merges))


@variant(id="sdm/docx-merged-header", kind="sdm", cols=SDM_COLS_A, counts=(4, 1, 3),
         nums={(3, "keb_total"): ("2", 0, False), (6, "bez@sma"): ("4", 0, False), (7, "bez_total"): ("17", 0, False)})
def _b(tmp):
    d = Doc().para("Tabel 1.1 Komposisi Pegawai Kecamatan Kalisat").table([SDM_H0, SDM_H1] + SDM_BODY, SDM_MERGES)
    d.para("Sumber : Data Kepegawaian Kecamatan Kalisat 2024")
    return d.save(tmp / "lkip.docx")


# ======================================================================================= SARPRAS

SARPRAS = [("Tanah", 1, "Baik", 1), ("Gedung Kantor", 1, "Baik", 1), ("Mobil Dinas Jabatan", 1, "Baik", 1),
           ("Sepeda Motor", 6, "Baik : 5 Rusak : 1", 8), ("Komputer PC", 12, "Baik", 15)]


@variant(id="sarpras/titles-C5-footer-signature", kind="sarpras",
         cols={"no": "C", "label": "D", "jumlah": "E", "kondisi": "F"}, counts=(5, 0, 0),
         nums={(3, "jumlah"): ("6", 0, False), (4, "jumlah"): ("12", 0, False)},
         texts={(3, "kondisi"): "Baik : 5 Rusak : 1"},
         extra=lambda t: _a(t.footer and t.footer[0].startswith("Sumber Data"), t.footer))
def _b(tmp):
    s = Sheet("Tabel 1.2").add(TITLE + [["Tabel 1.2 Profil Sarana dan Prasarana"], []])
    s.add([["No", "Jenis Barang", "Jumlah", "Kondisi"]] + [[i, a, b, c] for i, (a, b, c, _) in enumerate(SARPRAS, 1)], col=2)
    s.add([["Sumber Data : Kartu Inventaris Barang Kecamatan Kalisat Tahun 2024"]], col=2)
    s.add(SIGNATURE, col=4)
    return xlsx(tmp / "sarpras.xlsx", s)


@variant(id="sarpras/reordered-extra-cols-unit-texts", kind="sarpras",
         cols={"no": "A", "label": "B", "kondisi": "C", "jumlah_ideal": "D", "jumlah": "E"}, counts=(5, 0, 0),
         nums={(3, "jumlah"): ("6", 0, False), (3, "jumlah_ideal"): ("8", 0, False), (0, "jumlah"): ("1", 0, False)},
         extra=lambda t: _a("keterangan" in t.unmapped, t.unmapped))
def _b(tmp):
    s = Sheet("Sarpras").add([["No", "Nama Barang", "Kondisi", "Jumlah Ideal", "Jumlah Unit", "Keterangan"]])
    for i, (a, b, c, d) in enumerate(SARPRAS, 1):
        s.add([[f"{i}.", a, c, f"{d} unit", f"{b} unit", "Milik Pemda"]])
    return xlsx(tmp / "sarpras.xlsx", s)


@variant(id="sarpras/colnum-row-total", kind="sarpras",
         cols={"no": "B", "label": "C", "jumlah": "D", "kondisi": "E", "jumlah_ideal": "F"}, counts=(5, 1, 0),
         nums={(5, "jumlah"): ("21", 0, False), (5, "jumlah_ideal"): ("26", 0, False)},
         extra=lambda t: _a(t.numbering_row is not None))
def _b(tmp):
    s = Sheet("Sheet1").add([["Tabel 1.2 Sarana dan Prasarana"], []])
    s.add([["No", "Sarana dan Prasarana", "Jumlah", "Kondisi", "Jumlah Kebutuhan"], ["(1)", "(2)", "(3)", "(4)", "(5)"]]
          + [[i, a, b, c, d] for i, (a, b, c, d) in enumerate(SARPRAS, 1)] + [[None, "Jumlah", 21, None, 26]], col=1)
    return xlsx(tmp / "sarpras.xlsx", s)


# ======================================================================================= PROGRAM PENDUKUNG

def _pp_body(numstyle: str):
    """Sasaran section cells merged down, Program/Kegiatan/Sub Kegiatan prefixes, a Jumlah per sasaran."""
    def n(v, kind):
        if numstyle == "text":
            return f"Rp. {rp(v)}" if kind == "rp" else f"{pct(v)}%"
        if numstyle == "fmt":
            return F(v, "#,##0") if kind == "rp" else F(round(v / 100, 4), "0.00%")
        return v
    rows = []
    for (code, name, pagu, real, persen), pre in zip(BUDGET, PREFIX):
        nums = [n(pagu, "rp"), n(real, "rp"), n(persen, "%")] if "Sub" in pre else [None, None, None]
        rows.append([pre + name] + nums)
        if code == "7.01.01.2.02.0003":
            rows.append(["Jumlah", n(2744053678, "rp"), n(2151081517, "rp"), n(78.39, "%")])
    rows.append(["Jumlah", n(781140000, "rp"), n(779777200, "rp"), n(99.83, "%")])
    out = [[SASARAN[0] if i == 0 else SASARAN[1] if i == 5 else None] + r for i, r in enumerate(rows)]
    return out, [(0, 0, 4, 0), (5, 0, 8, 0)]


PP_LEVELS = ["program", "kegiatan", "sub_kegiatan", "sub_kegiatan", None, "program", "kegiatan", "sub_kegiatan", None]
PP_PARENTS = [None, 0, 1, 1, None, None, 5, 6, None]


@variant(id="program_pendukung/titles-C5-rp-texts-merged-sasaran", kind="program_pendukung",
         cols={"sasaran": "C", "label": "D", "pagu": "E", "realisasi": "F", "persen": "G"}, counts=(7, 2, 0),
         nums={(2, "pagu"): ("2511744198", 0, False), (2, "persen"): ("76.46", 2, True),
               (4, "realisasi"): ("2151081517", 0, False), (0, "pagu"): None},
         texts={(7, "sasaran"): SASARAN[1]},
         levels=PP_LEVELS, parents=PP_PARENTS)
def _b(tmp):
    s = Sheet("Tabel 3.5").add(TITLE + [["Tabel 3.5 Program Pendukung Sasaran"]])
    body, merges = _pp_body("text")
    s.add([["Sasaran", "Program/ Kegiatan/ Sub Kegiatan Pendukung Sasaran", "Anggaran (Rp....)", "Realisasi (Rp....)",
            "% Serapan Anggaran"]] + body, col=2, merges=[(r0 + 1, c0, r1 + 1, c1) for r0, c0, r1, c1 in merges])
    s.add([["Sumber : DPA dan LRA Kecamatan Kalisat 2024"]], col=2)
    return xlsx(tmp / "pp.xlsx", s)


@variant(id="program_pendukung/two-row-jumlah-rp-header-formats", kind="program_pendukung",
         cols={"sasaran": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 2, 0),
         nums={(3, "pagu"): ("232309480", 0, False), (3, "persen"): ("99.24", 2, True),
               (8, "persen"): ("99.83", 2, True)},
         levels=PP_LEVELS, parents=PP_PARENTS)
def _b(tmp):
    body, merges = _pp_body("fmt")
    head = [["Sasaran Strategis", "Program/Kegiatan/Sub Kegiatan", "Jumlah (Rp)", None, "% Serapan"],
            [None, None, "Anggaran", "Realisasi", None]]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)] + [(r0 + 2, c0, r1 + 2, c1) for r0, c0, r1, c1 in merges]
    return xlsx(tmp / "pp.xlsx", Sheet("PP").add(head + body, merges=merges))


@variant(id="program_pendukung/reordered-extra-sumber-dana", kind="program_pendukung",
         cols={"sasaran": "A", "label": "B", "realisasi": "C", "pagu": "D", "persen": "F"}, counts=(7, 2, 0),
         nums={(2, "pagu"): ("2511744198", 0, False), (2, "realisasi"): ("1920536667", 0, False),
               (2, "persen"): ("76.46", 2, False)},
         levels=PP_LEVELS, parents=PP_PARENTS, extra=lambda t: _a("sumber dana" in t.unmapped, t.unmapped))
def _b(tmp):
    body, merges = _pp_body("plain")
    rows = [["Sasaran Strategis", "Program / Kegiatan", "Realisasi (Rp)", "Anggaran (Rp)", "Sumber Dana",
             "Persentase Serapan (%)"]]
    for r in body:
        sas, label, pagu, real, persen = r
        rows.append([sas, label, F(real, "#,##0") if real else None, F(pagu, "#,##0") if pagu else None,
                     "APBD" if pagu else None, F(persen, "0.00") if persen else None])
    return xlsx(tmp / "pp.xlsx", Sheet("PP").add(rows))   # sasaran written once, blank below (not merged)


# ======================================================================================= ANGGARAN

def _anggaran_rows(label: str, with_real: bool, numstyle: str, code_col: bool = False, no_col: bool = True):
    rows = []
    for (code, name, pagu, real, persen), pre, numb in zip(BUDGET, PREFIX, NUMBERING):
        if label == "prefix":
            lab = pre + name
        elif label == "numbering":
            lab = name
        elif label == "code_in_name":
            lab = f"{code} {name}"
        else:
            lab = name
        vals = [pagu] + ([real, persen] if with_real else [])
        if numstyle == "text":
            vals = [f"Rp{rp(v)}" if isinstance(v, int) else pct(v) for v in vals]
        elif numstyle == "fmt":
            vals = [F(v, "#,##0") if isinstance(v, int) else F(round(v / 100, 4), "0.00%") for v in vals]
        lead = []
        if no_col:
            lead.append(numb if label == "numbering" else (numb if "." not in numb else None))
        if code_col:
            lead.append(code)
        rows.append(lead + [lab] + vals)
    tot = [TOTAL[0]] + ([TOTAL[1], TOTAL[2]] if with_real else [])
    if numstyle == "text":
        tot = [f"Rp{rp(v)}" if isinstance(v, int) else pct(v) for v in tot]
    elif numstyle == "fmt":
        tot = [F(v, "#,##0") if isinstance(v, int) else F(round(v / 100, 4), "0.00%") for v in tot]
    lead = [None] * (int(no_col) + int(code_col))
    rows.append(lead + ["JUMLAH"] + tot)
    return rows


@variant(id="anggaran/numbering-hierarchy-titles-C5-footer", kind="anggaran",
         cols={"no": "C", "label": "D", "pagu": "E"}, counts=(7, 1, 0),
         nums={(2, "pagu"): ("2511744198", 0, False), (7, "pagu"): ("3525193678", 0, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None],
         extra=lambda t: _a(t.caption == "Tabel 1.3" and t.footer and t.footer[0].startswith("Sumber"),
                            (t.caption, t.footer)))
def _b(tmp):
    s = Sheet("Anggaran").add(TITLE + [["Tabel 1.3 Anggaran Kecamatan Kalisat"], ["Tahun 2024"]])
    s.add([["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp,-)"]]
          + _anggaran_rows("numbering", False, "text"), col=2)
    s.add([["Sumber Data : Dokumen Pelaksanaan Anggaran Kecamatan Kalisat Tahun 2024"]], col=2)
    s.add(SIGNATURE, col=3)
    return xlsx(tmp / "anggaran.xlsx", s)


@variant(id="anggaran/kode-column-formats-keterangan", kind="anggaran",
         cols={"kode": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(2, "pagu"): ("2511744198", 0, False), (2, "persen"): ("76.46", 2, True),
               (7, "persen"): ("83.14", 2, True), (7, "realisasi"): ("2930858717", 0, False)},
         texts={(2, "kode"): "7.01.01.2.02.0001"},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None],
         extra=lambda t: _a([r.code for r in t.rows[:3]] == ["7.01.01", "7.01.01.2.02", "7.01.01.2.02.0001"]
                            and "keterangan" in t.unmapped, ([r.code for r in t.rows], t.unmapped)))
def _b(tmp):
    rows = [["Kode", "Uraian", "Anggaran", "Realisasi", "%", "Keterangan"]]
    rows += [r + [None] for r in _anggaran_rows("plain", True, "fmt", code_col=True, no_col=False)]
    return xlsx(tmp / "lra.xlsx", Sheet("LRA").add(rows))


@variant(id="anggaran/lra-two-row-jumlah-rp-colnum-row", kind="anggaran",
         cols={"kode": "A", "label": "B", "pagu": "C", "realisasi": "D", "selisih": "E"}, counts=(7, 1, 0),
         nums={(2, "pagu"): ("2511744198.00", 2, False), (2, "realisasi"): ("1920536667.00", 2, False),
               (7, "pagu"): ("3525193678.00", 2, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None],
         extra=lambda t: _a(t.numbering_row is not None and any("bertambah" in u for u in t.unmapped), t.unmapped))
def _b(tmp):
    head = [["Kode", "Uraian", "Jumlah (Rp)", None, "Bertambah/(Berkurang)", None],
            [None, None, "Anggaran Setelah Perubahan", "Realisasi", "Rp", "%"],
            ["1", "2", "3", "4", "5", "6"]]
    body = []
    for code, name, pagu, real, persen in BUDGET + [(None, "JUMLAH", TOTAL[0], TOTAL[1], None)]:
        body.append([code, name, f"{rp(pagu)},00", f"{rp(real)},00", f"({rp(pagu - real)},00)",
                     pct(round(100 * (real - pagu) / pagu, 2))])
    s = Sheet("LRA").add([["LAPORAN REALISASI ANGGARAN"], ["TAHUN ANGGARAN 2024"], []])
    s.add(head + body, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 0, 5)])
    return xlsx(tmp / "lra.xlsx", s)


@variant(id="anggaran/code-inside-name-total", kind="anggaran",
         cols={"label": "A", "pagu": "B", "realisasi": "C", "persen": "D"}, counts=(7, 1, 0),
         nums={(3, "persen"): ("99.24", 2, False), (6, "realisasi"): ("779777200", 0, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None],
         extra=lambda t: _a(t.rows[2].code == "7.01.01.2.02.0001" and t.rows[2].name == S11,
                            (t.rows[2].code, t.rows[2].name)))
def _b(tmp):
    rows = [["Program/ Kegiatan/ Sub Kegiatan", "Pagu", "Realisasi", "Persentase"]]
    for r in _anggaran_rows("code_in_name", True, "plain", no_col=False):
        if r[0] == "JUMLAH":
            r[0] = "TOTAL"
        r[-1] = pct(r[-1]) if isinstance(r[-1], float) else r[-1]
        rows.append(r)
    return xlsx(tmp / "a.xlsx", Sheet("Sheet1").add(rows))


@variant(id="anggaran/docx-merged-jumlah-rp-prefix-labels", kind="anggaran",
         cols={"no": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(2, "pagu"): ("2511744198", 0, False), (7, "persen"): ("83.14", 2, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None])
def _b(tmp):
    head = [["No", "Program/ Kegiatan/ Sub Kegiatan", "Jumlah (Rp)", None, "%"],
            [None, None, "Anggaran", "Realisasi", None]]
    body = _anggaran_rows("prefix", True, "text")
    d = Doc().para("Tabel 3.8 Realisasi Anggaran Kecamatan Kalisat Tahun 2024")
    d.table(head + body, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)])
    d.para("Sumber Data : Laporan Realisasi Anggaran Kecamatan Kalisat Tahun 2024")
    return d.save(tmp / "lkip.docx")


@variant(id="anggaran/two-tables-one-sheet", kind="anggaran", which=1, ntables=2,
         cols={"no": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(0, "pagu"): ("2744053678", 0, False), (0, "persen"): ("78.39", 2, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None],
         extra=lambda t: _a(t.caption == "Tabel 3.8", t.caption))
def _b(tmp):
    s = Sheet("Bab 1 dan 3").add([["Tabel 1.3 Anggaran Kecamatan Kalisat"]])
    s.add([["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp)"]] + _anggaran_rows("prefix", False, "plain"))
    s.add([["Sumber: DPA 2024"]])
    s.add([["Tabel 3.8 Realisasi Anggaran Kecamatan Kalisat"]], gap=2)
    s.add([["NO", "PROGRAM/ KEGIATAN/ SUB KEGIATAN", "PAGU (Rp)", "REALISASI (Rp)", "%"]]
          + _anggaran_rows("prefix", True, "plain"))
    return xlsx(tmp / "a.xlsx", s)


# ======================================================================================= PK ANGGARAN

PK_PROGRAMS = [("Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota", 3116155160),
               ("Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik", 785738000),
               ("Program Pemberdayaan Masyarakat Desa Dan Kelurahan", 128269000)]


@variant(id="pk_anggaran/titles-C5-no-col-formatted-jumlah-signature", kind="pk_anggaran",
         cols={"label": "D", "pagu": "E", "keterangan": "F"}, counts=(3, 1, 0),
         nums={(0, "pagu"): ("3116155160", 0, False), (3, "pagu"): ("4030162160", 0, False)},
         levels=["program"] * 3 + [None],
         extra=lambda t: _a("no" in t.unmapped, t.unmapped))
def _b(tmp):
    s = Sheet("PK").add(TITLE + [["PERJANJIAN KINERJA TAHUN 2024"]])
    s.add([["No", "Program", "Anggaran (Rp)", "Keterangan"]]
          + [[i, p, F(v, "#,##0"), "APBD"] for i, (p, v) in enumerate(PK_PROGRAMS, 1)]
          + [[None, "Jumlah", F(4030162160, "#,##0"), None]], col=2)
    s.add(SIGNATURE, col=3)
    return xlsx(tmp / "pk.xlsx", s)


@variant(id="pk_anggaran/reordered-rp-dash-texts", kind="pk_anggaran",
         cols={"label": "A", "keterangan": "B", "pagu": "C"}, counts=(3, 1, 0),
         nums={(1, "pagu"): ("785738000", 0, False), (3, "pagu"): ("4030162160", 0, False)},
         levels=["program"] * 3 + [None])
def _b(tmp):
    rows = [["Program", "Keterangan", "Anggaran"]]
    rows += [[f"{i}. {p}", "APBD", f"Rp {rp(v)},-"] for i, (p, v) in enumerate(PK_PROGRAMS, 1)]
    rows += [["JUMLAH", None, "Rp 4.030.162.160,-"]]
    return xlsx(tmp / "pk.xlsx", Sheet("Sheet1").add(rows))


@variant(id="pk_anggaran/docx", kind="pk_anggaran", cols={"label": "A", "pagu": "B", "keterangan": "C"},
         counts=(3, 1, 0), nums={(2, "pagu"): ("128269000", 0, False)}, levels=["program"] * 3 + [None])
def _b(tmp):
    rows = [["Program", "Anggaran", "Keterangan"]]
    rows += [[f"{i}. {p}", f"Rp. {rp(v)}", "APBD"] for i, (p, v) in enumerate(PK_PROGRAMS, 1)]
    rows += [["Jumlah", "Rp. 4.030.162.160", None]]
    return Doc().para("Tabel 2.3 Perjanjian Kinerja").table(rows).save(tmp / "pk.docx")


# ======================================================================================= SKALA

SKALA = [("91 ≤ x ≤ 100", "Sangat Tinggi"), ("76 ≤ x ≤ 90", "Tinggi"), ("66 ≤ x ≤ 75", "Sedang"),
         ("51 ≤ x ≤ 65", "Rendah"), ("≤ 50", "Sangat Rendah")]


@variant(id="skala/titles-C5-footer", kind="skala",
         cols={"no": "C", "interval": "D", "label": "E", "kode": "F"}, counts=(5, 0, 0),
         texts={(0, "interval"): "91 ≤ x ≤ 100", (4, "label"): "Sangat Rendah"},
         extra=lambda t: _a(t.footer == ["Sumber : Permendagri nomor 86 tahun 2017"], t.footer))
def _b(tmp):
    s = Sheet("Tabel 3.1").add([["Tabel 3.1"], ["Skala Nilai Peringkat Kinerja"], [], []])
    s.add([["No", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja", "Kode"]]
          + [[f"{i}.", a, b, None] for i, (a, b) in enumerate(SKALA, 1)]
          + [["Sumber : Permendagri nomor 86 tahun 2017"]], col=2)
    return xlsx(tmp / "skala.xlsx", s)


@variant(id="skala/rentang-predikat-keterangan", kind="skala",
         cols={"interval": "A", "label": "B"}, counts=(5, 0, 0),
         texts={(1, "interval"): "> 75 - 90", (1, "label"): "Baik"},
         extra=lambda t: _a("keterangan" in t.unmapped, t.unmapped))
def _b(tmp):
    rows = [["Rentang Capaian (%)", "Predikat", "Keterangan"],
            ["> 90", "Sangat Baik", None], ["> 75 - 90", "Baik", None], ["> 65 - 75", "Cukup", None],
            ["> 50 - 65", "Kurang", None], ["≤ 50", "Sangat Kurang", None]]
    return xlsx(tmp / "skala.xlsx", Sheet("Skala").add(rows))


@variant(id="skala/reordered-colnum-row-docx", kind="skala",
         cols={"label": "A", "interval": "B"}, counts=(5, 0, 0),
         texts={(2, "label"): "Sedang", (2, "interval"): "66 ≤ x ≤ 75"})
def _b(tmp):
    rows = [["Kategori", "Skor"], ["(1)", "(2)"]] + [[b, a] for a, b in SKALA]
    return Doc().para("Tabel 3.1 Skala Nilai Peringkat Kinerja").table(rows).save(tmp / "skala.docx")


# ======================================================================================= REKAP PREDIKAT

PRED5 = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]


def _rekap_rows(labels, mark, capaian):
    """Sasaran rows (merged across) over indicator rows with a capaian and a mark in one predikat column."""
    rows, merges = [], []
    data = [(0, "Indikator 1.1 " + INDIKATOR[0], capaian[0], 0), (0, "Indikator 1.2 " + INDIKATOR[1], capaian[1], 0),
            (1, "Indikator 2.1 " + INDIKATOR[2], capaian[2], 1)]
    last = None
    for s, lab, cap, band in data:
        if s != last:
            merges.append((len(rows), 0, len(rows), 1 + len(labels)))
            rows.append([f"Sasaran {s + 1} {SASARAN[s]}"] + [None] * (1 + len(labels)))
            last = s
        marks = [mark if i == band else None for i in range(len(labels))]
        rows.append([lab, cap] + marks)
    return rows, merges


@variant(id="rekap_predikat/titles-C5-merged-header-ticks", kind="rekap_predikat",
         cols={"label": "C", "capaian": "D", "mark@sangat tinggi": "E", "mark@tinggi": "F", "mark@sedang": "G",
               "mark@rendah": "H", "mark@sangat rendah": "I"},
         counts=(3, 0, 2),
         nums={(1, "capaian"): ("100", 0, True), (2, "capaian"): ("95.56", 2, True), (4, "capaian"): ("76.5", 1, True)},
         texts={(1, "mark@sangat tinggi"): "✓", (4, "mark@tinggi"): "✓"})
def _b(tmp):
    body, merges = _rekap_rows(PRED5, "✓", ["100%", "95,56%", "76,5%"])
    head = [["Sasaran/ Indikator Sasaran", "% Capaian", "Predikat Kinerja", None, None, None, None],
            [None, None] + PRED5]
    s = Sheet("Tabel 3.7").add([["Tabel 3.7"], ["Rekapitulasi Predikat Capaian Kinerja pada tahun 2024"], [], []])
    s.add(head + body, col=2, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 6)]
          + [(r0 + 2, c0, r1 + 2, c1) for r0, c0, r1, c1 in merges])
    s.add([["Sumber : tabel 3.2 – 3.4 LKIP tahun 2024"]], col=2)
    return xlsx(tmp / "rekap.xlsx", s)


@variant(id="rekap_predikat/baik-cukup-labels-fraction-percent-colnum", kind="rekap_predikat",
         cols={"label": "A", "capaian": "B", "mark@sangat baik": "C", "mark@baik": "D", "mark@cukup": "E",
               "mark@kurang": "F", "mark@sangat kurang": "G"},
         counts=(3, 0, 2),
         nums={(2, "capaian"): ("95.56", 2, True), (4, "capaian"): ("76.50", 2, True)},
         texts={(2, "mark@sangat baik"): "√", (4, "mark@baik"): "√"},
         extra=lambda t: _a(t.numbering_row is not None))
def _b(tmp):
    labels = ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    body, merges = _rekap_rows(labels, "√", [F(1, "0.00%"), F(0.9556, "0.00%"), F(0.765, "0.00%")])
    head = [["Sasaran/ Indikator", "Capaian (%)", "Predikat", None, None, None, None],
            [None, None] + labels, [f"({i})" for i in range(1, 8)]]
    return xlsx(tmp / "rekap.xlsx", Sheet("Rekap").add(
        head + body, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 6)] + [(r0 + 3, c0, r1 + 3, c1) for r0, c0, r1, c1 in merges]))


@variant(id="rekap_predikat/docx-merged-header", kind="rekap_predikat",
         cols={"label": "A", "capaian": "B", "mark@sangat tinggi": "C", "mark@tinggi": "D", "mark@sedang": "E",
               "mark@rendah": "F", "mark@sangat rendah": "G"},
         counts=(3, 0, 2), nums={(2, "capaian"): ("95.56", 2, True)}, texts={(4, "mark@tinggi"): "v"})
def _b(tmp):
    body, merges = _rekap_rows(PRED5, "v", ["100%", "95,56%", "76,5%"])
    head = [["Sasaran/ Indikator Sasaran", "% Capaian", "Predikat Kinerja", None, None, None, None], [None, None] + PRED5]
    d = Doc().para("Tabel 3.7 Rekapitulasi Predikat Capaian Kinerja")
    d.table(head + body, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 6)] + [(r0 + 2, c0, r1 + 2, c1) for r0, c0, r1, c1 in merges])
    return d.save(tmp / "rekap.docx")


# ======================================================================================= EFISIENSI

EFI = [(SASARAN[0], 1.0, 1.0, "Efisien"), (SASARAN[1], 0.9556, 0.9975, "Kurang Efisien"),
       (SASARAN[2], 1.0, 0.5510, "Efisien")]


@variant(id="efisiensi/titles-C5-percent-texts-footer", kind="efisiensi",
         cols={"label": "C", "capaian": "D", "serapan": "E", "kategori": "F"}, counts=(3, 0, 0),
         nums={(1, "capaian"): ("95.56", 2, True), (2, "serapan"): ("55.1", 1, True), (0, "capaian"): ("100", 0, True)},
         texts={(1, "kategori"): "Kurang Efisien"},
         extra=lambda t: _a(t.footer and t.footer[0].startswith("Sumber"), t.footer))
def _b(tmp):
    s = Sheet("Tabel 3.6").add(TITLE + [["Tabel 3.6 Efisiensi Penggunaan Sumber Daya"]])
    s.add([["Sasaran", "% Capaian Kinerja", "% Serapan Anggaran", "Kategori Efisiensi"],
           [f"1. {EFI[0][0]}", "100%", "100%", "Efisien"], [f"2. {EFI[1][0]}", "95,56%", "99,75%", "Kurang Efisien"],
           [f"3. {EFI[2][0]}", "100%", "55,1%", "Efisien"],
           ["Sumber : data persentase capaian kinerja pada tabel 3.2"]], col=2)
    return xlsx(tmp / "efi.xlsx", s)


@variant(id="efisiensi/reordered-fractions-keterangan", kind="efisiensi",
         cols={"label": "B", "serapan": "C", "capaian": "D", "kategori": "F"}, counts=(3, 0, 0),
         nums={(1, "capaian"): ("95.56", 2, True), (1, "serapan"): ("99.75", 2, True), (2, "serapan"): ("55.10", 2, True)},
         extra=lambda t: _a("no" in t.unmapped and "keterangan" in t.unmapped, t.unmapped))
def _b(tmp):
    rows = [["No", "Sasaran Strategis", "% Serapan Anggaran", "% Capaian Kinerja", "Keterangan", "Kategori"]]
    rows += [[i, s, F(b, "0.00%"), F(a, "0.00%"), None, k] for i, (s, a, b, k) in enumerate(EFI, 1)]
    return xlsx(tmp / "efi.xlsx", Sheet("Efisiensi").add(rows))


@variant(id="efisiensi/colnum-row-number-format-docx", kind="efisiensi",
         cols={"label": "A", "capaian": "B", "serapan": "C", "kategori": "D"}, counts=(3, 0, 0),
         nums={(1, "capaian"): ("95.56", 2, False), (2, "serapan"): ("55.10", 2, False)})
def _b(tmp):
    rows = [["Sasaran", "Capaian Kinerja (%)", "Serapan Anggaran (%)", "Tingkat Efisiensi"], ["(1)", "(2)", "(3)", "(4)"]]
    rows += [[s, pct(a * 100), pct(b * 100), k] for s, a, b, k in EFI]
    return Doc().para("Tabel 3.6 Efisiensi").table(rows).save(tmp / "efi.docx")


# ======================================================================================= PENGUKURAN

PENG = [(SASARAN[0], INDIKATOR[0], "4 Dokumen", "4 Dokumen", "100%", "4 Dokumen", "100%"),
        (SASARAN[1], INDIKATOR[1], 90, 86, "95,56%", 100, "86%"),
        (SASARAN[2], INDIKATOR[2], "85%", "85%", "100%", "95%", "89,47%")]


@variant(id="pengukuran/colnum-formula-row-B4", kind="pengukuran",
         cols={"no": "B", "sasaran": "C", "indikator": "D", "target": "E", "realisasi": "F", "capaian": "G",
               "target_akhir": "H", "capaian_akhir": "I"},
         counts=(3, 0, 0),
         nums={(0, "target"): ("4", 0, False), (1, "capaian"): ("95.56", 2, True), (2, "target"): ("85", 0, True),
               (2, "capaian_akhir"): ("89.47", 2, True)},
         extra=lambda t: _a(t.column_hints.get("capaian") == "6 (5/4 *100%)"
                            and t.column_hints.get("capaian_akhir") == "8 (5/7 *100%)", t.column_hints))
def _b(tmp):
    s = Sheet("Tabel 3.2").add([["Tabel 3.2"], ["Pengukuran Realisasi Kinerja Tahun 2024"], []])
    s.add([["No", "Sasaran Strategis", "Indikator Sasaran", "Target 2024", "Realisasi 2024",
            "Tingkat Capaian Kinerja (% realisasi)", "Target Akhir Renstra (2026)",
            "Tingkat capaian terhadap target akhir renstra"],
           [1, 2, 3, 4, 5, "6 (5/4 *100%)", 7, "8 (5/7 *100%)"]]
          + [[i] + list(r) for i, r in enumerate(PENG, 1)]
          + [["Sumber data : Dokumen PK Kecamatan Kalisat Tahun 2024"]], col=1)
    return xlsx(tmp / "peng.xlsx", s)


@variant(id="pengukuran/two-row-tahun-group-header", kind="pengukuran",
         cols={"sasaran": "A", "indikator": "B", "target": "C", "realisasi": "D", "capaian": "E"},
         counts=(3, 0, 0),
         nums={(1, "target"): ("90", 0, False), (1, "realisasi"): ("86", 0, False), (1, "capaian"): ("95.56", 2, True)})
def _b(tmp):
    head = [["Sasaran Strategis", "Indikator Kinerja", "Tahun 2024", None, None],
            [None, None, "Target", "Realisasi", "Capaian (%)"]]
    body = [[a, b, c, d, e] for a, b, c, d, e, _, _ in PENG]
    return xlsx(tmp / "peng.xlsx", Sheet("Pengukuran").add(head + body, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4)]))


@variant(id="pengukuran/reordered-fractions-satuan-footer-signature", kind="pengukuran",
         cols={"no": "C", "sasaran": "D", "indikator": "E", "realisasi": "G", "target": "H", "capaian": "I"},
         counts=(3, 0, 0),
         nums={(1, "capaian"): ("95.56", 2, True), (1, "target"): ("90.00", 2, False), (2, "realisasi"): ("85.00", 2, False)},
         extra=lambda t: _a("satuan" in t.unmapped and t.footer == ["Sumber: PK 2024"], (t.unmapped, t.footer)))
def _b(tmp):
    s = Sheet("Pengukuran").add(TITLE + [[]])
    rows = [["No", "Sasaran", "Indikator Kinerja", "Satuan", "Realisasi", "Target", "Capaian"]]
    vals = [(4, 4, 1), (90, 86, 0.9556), (85, 85, 1)]
    for i, ((sas, ind, *_), (tg, rl, cp), sat) in enumerate(zip(PENG, vals, ["Dokumen", "Indeks", "%"]), 1):
        rows.append([i, sas, ind, sat, F(rl, "0.00"), F(tg, "0.00"), F(cp, "0.00%")])
    s.add(rows + [["Sumber: PK 2024"]], col=2)
    s.add(SIGNATURE, col=6)
    return xlsx(tmp / "peng.xlsx", s)


@variant(id="pengukuran/docx-merged-sasaran", kind="pengukuran",
         cols={"no": "A", "sasaran": "B", "indikator": "C", "target": "D", "realisasi": "E", "capaian": "F"},
         counts=(3, 0, 0),
         nums={(1, "capaian"): ("95.56", 2, True), (2, "capaian"): ("100", 0, True)},
         texts={(1, "sasaran"): SASARAN[0]})
def _b(tmp):
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
            ["1", SASARAN[0], INDIKATOR[0], "4 Dokumen", "4 Dokumen", "100%"],
            [None, None, INDIKATOR[1], "90", "86", "95,56%"],
            ["2", SASARAN[2], INDIKATOR[2], "85%", "85%", "100%"]]
    return Doc().para("Tabel 3.2 Pengukuran Kinerja").table(rows, merges=[(1, 0, 2, 0), (1, 1, 2, 1)]).save(tmp / "p.docx")


# ======================================================================================= REALISASI TAHUNAN

RT = [(SASARAN[0], INDIKATOR[0], ["-", "-", "4 dokumen"]), (SASARAN[1], INDIKATOR[1], [78, "82,5", 86]),
      (SASARAN[2], INDIKATOR[2], ["80%", "80%", "85%"])]


@variant(id="realisasi_tahunan/titles-C5-realisasi-over-numeric-years", kind="realisasi_tahunan",
         cols={"sasaran": "C", "indikator": "D", "realisasi@2022": "E", "realisasi@2023": "F", "realisasi@2024": "G"},
         counts=(3, 0, 0),
         nums={(1, "realisasi@2023"): ("82.5", 1, False), (2, "realisasi@2024"): ("85", 0, True),
               (0, "realisasi@2022"): None, (0, "realisasi@2024"): ("4", 0, False)})
def _b(tmp):
    s = Sheet("Tabel 3.3").add(TITLE + [["Tabel 3.3 Perbandingan Capaian kinerja dengan tahun sebelumnya"]])
    s.add([["Sasaran Strategis", "Indikator Sasaran", "Realisasi", None, None], [None, None, 2022, 2023, 2024]]
          + [[a, b] + c for a, b, c in RT], col=2, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4)])
    return xlsx(tmp / "rt.xlsx", s)


@variant(id="realisasi_tahunan/single-row-years-satuan", kind="realisasi_tahunan",
         cols={"no": "A", "indikator": "B", "realisasi@2022": "D", "realisasi@2023": "E", "realisasi@2024": "F"},
         counts=(3, 0, 0),
         nums={(1, "realisasi@2022"): ("78", 0, False), (2, "realisasi@2023"): ("80", 0, True)},
         extra=lambda t: _a("satuan" in t.unmapped, t.unmapped))
def _b(tmp):
    rows = [["No", "Indikator Kinerja", "Satuan", "Realisasi 2022", "Realisasi 2023", "Realisasi 2024"]]
    rows += [[i, b, sat] + c for i, ((a, b, c), sat) in enumerate(zip(RT, ["Dokumen", "Indeks", "%"]), 1)]
    return xlsx(tmp / "rt.xlsx", Sheet("Sheet1").add(rows))


@variant(id="realisasi_tahunan/realisasi-tahun-group-colnum-footer", kind="realisasi_tahunan",
         cols={"sasaran": "A", "indikator": "B", "realisasi@2022": "C", "realisasi@2023": "D", "realisasi@2024": "E"},
         counts=(3, 0, 0),
         nums={(1, "realisasi@2024"): ("86", 0, False)},
         extra=lambda t: _a(t.numbering_row is not None and t.footer and "TC.27" in t.footer[0], t.footer))
def _b(tmp):
    head = [["Sasaran", "Indikator Sasaran", "Realisasi Tahun", None, None],
            [None, None, "Tahun 2022", "Tahun 2023", "Tahun 2024"], ["(1)", "(2)", "(3)", "(4)", "(5)"]]
    rows = head + [[a, b] + c for a, b, c in RT] + [["Sumber Data Realisasi: tabel TC.27 Renstra"]]
    return xlsx(tmp / "rt.xlsx", Sheet("RT").add(rows, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4)]))


# ======================================================================================= PERBANDINGAN

@variant(id="perbandingan/titles-C5", kind="perbandingan",
         cols={"no": "C", "sasaran": "D", "indikator": "E", "realisasi": "F", "realisasi_nasional": "G", "ket": "H"},
         counts=(3, 0, 0),
         nums={(1, "realisasi"): ("86", 0, False), (1, "realisasi_nasional"): ("82.5", 1, False),
               (0, "realisasi_nasional"): None})
def _b(tmp):
    s = Sheet("Tabel 3.4").add(TITLE + [["Tabel 3.4 Perbandingan Realisasi Kinerja dengan Nasional"]])
    s.add([["No", "Sasaran Strategis", "Indikator Sasaran", "Realisasi Th. 2024", "Realisasi Nasional", "Ket. (+/-)"],
           [1, SASARAN[0], INDIKATOR[0], "4 dokumen", "-", "-"], [2, SASARAN[1], INDIKATOR[1], 86, "82,5", "+"],
           [3, SASARAN[2], INDIKATOR[2], "85%", "-", "-"]], col=2)
    return xlsx(tmp / "pb.xlsx", s)


@variant(id="perbandingan/realisasi-2024-group-over-kecamatan-nasional", kind="perbandingan",
         cols={"sasaran": "A", "indikator": "B", "realisasi": "C", "realisasi_nasional": "D"},
         counts=(3, 0, 0),
         nums={(1, "realisasi"): ("86.00", 2, False), (1, "realisasi_nasional"): ("82.50", 2, False)})
def _b(tmp):
    head = [["Sasaran", "Indikator", "Realisasi 2024", None], [None, None, "Kecamatan", "Nasional"]]
    body = [[SASARAN[0], INDIKATOR[0], F(4, "0.00"), None], [SASARAN[1], INDIKATOR[1], F(86, "0.00"), F(82.5, "0.00")],
            [SASARAN[2], INDIKATOR[2], F(85, "0.00"), None]]
    return xlsx(tmp / "pb.xlsx", Sheet("PB").add(head + body, merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3)]))


@variant(id="perbandingan/reordered-provinsi-first-docx", kind="perbandingan",
         cols={"indikator": "A", "realisasi_nasional": "B", "realisasi": "C", "ket": "D"},
         counts=(3, 0, 0), nums={(1, "realisasi_nasional"): ("82.5", 1, False), (2, "realisasi"): ("85", 0, True)})
def _b(tmp):
    rows = [["Indikator Kinerja", "Realisasi Provinsi", "Realisasi Kecamatan", "Keterangan"],
            [INDIKATOR[0], "-", "4 dokumen", "-"], [INDIKATOR[1], "82,5", "86", "lebih tinggi"],
            [INDIKATOR[2], "-", "85%", "-"]]
    return Doc().para("Tabel 3.4").table(rows).save(tmp / "pb.docx")


# ======================================================================================= T-C.25

TUJUAN = ["Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien",
          "Meningkatnya kualitas pelayanan publik di Kecamatan"]
TC25 = [  # tujuan, indikator tujuan, sasaran, indikator, targets 2022..2026
    (0, "Nilai SAKIP Kecamatan", SASARAN[0], INDIKATOR[0], ["4 Dokumen"] * 5),
    (0, "Nilai SAKIP Kecamatan", SASARAN[2], INDIKATOR[2], ["80%", "80%", "85%", "90%", "95%"]),
    (1, "Indeks Kepuasan Masyarakat", SASARAN[1], INDIKATOR[1], [80, 85, 90, "92,5", 100]),
]
TC25_COLS = {"no": "A", "tujuan": "B", "indikator_tujuan": "C", "sasaran": "D", "indikator": "E",
             "target@2022": "F", "target@2023": "G", "target@2024": "H", "target@2025": "I", "target@2026": "J"}


def _tc25_body(no=True):
    rows = []
    for i, (tj, itj, sas, ind, tg) in enumerate(TC25):
        first = i == 0 or TC25[i - 1][0] != tj
        lead = [tj + 1 if first else None] if no else []
        rows.append(lead + [TUJUAN[tj] if first else None, itj if first else None, sas, ind] + tg)
    return rows, [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2)] if no else [(0, 0, 1, 0), (0, 1, 1, 1)]


@variant(id="tc25/renstra-titles-numeric-years-colnum-merged-tujuan", kind="tc25", cols=TC25_COLS,
         counts=(3, 0, 0),
         nums={(0, "target@2022"): ("4", 0, False), (1, "target@2024"): ("85", 0, True),
               (2, "target@2025"): ("92.5", 1, False)},
         texts={(1, "tujuan"): TUJUAN[0], (1, "indikator_tujuan"): "Nilai SAKIP Kecamatan", (2, "tujuan"): TUJUAN[1]},
         extra=lambda t: _a(t.numbering_row is not None and t.context[-1].startswith("Tahun 2022"), t.context))
def _b(tmp):
    head = [["No", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran",
             "Target Kinerja Sasaran pada Tahun ke-", None, None, None, None],
            [None] * 5 + [2022, 2023, 2024, 2025, 2026], list(range(1, 11))]
    body, merges = _tc25_body()
    s = Sheet("T-C.25").add([["RENCANA STRATEGIS KECAMATAN KALISAT"],
                             ["Tabel T-C.25 Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah"],
                             ["Tahun 2022-2026"], []])
    s.add(head + body, merges=[(0, c, 1, c) for c in range(5)] + [(0, 5, 0, 9)]
          + [(r0 + 3, c0, r1 + 3, c1) for r0, c0, r1, c1 in merges])
    return xlsx(tmp / "tc25.xlsx", s)


@variant(id="tc25/C5-satuan-kondisi-awal-extra", kind="tc25",
         cols={"tujuan": "C", "sasaran": "D", "indikator": "E", "target@2022": "H", "target@2023": "I",
               "target@2024": "J", "target@2025": "K", "target@2026": "L"},
         counts=(3, 0, 0),
         nums={(2, "target@2022"): ("80", 0, False), (1, "target@2026"): ("95", 0, True)},
         extra=lambda t: _a("satuan" in t.unmapped and any(u.startswith("kondisi awal") for u in t.unmapped), t.unmapped))
def _b(tmp):
    head = [["Tujuan", "Sasaran", "Indikator Kinerja", "Satuan", "Kondisi Awal (2021)",
             "Target Kinerja Tujuan/Sasaran pada Tahun", None, None, None, None],
            [None] * 5 + ["2022", "2023", "2024", "2025", "2026"]]
    body = [[TUJUAN[tj], sas, ind, sat, "-"] + tg for (tj, _, sas, ind, tg), sat in zip(TC25, ["Dokumen", "%", "Indeks"])]
    s = Sheet("Renstra").add(TITLE + [[]])
    s.add(head + body, col=2, merges=[(0, c, 1, c) for c in range(5)] + [(0, 5, 0, 9)])
    return xlsx(tmp / "tc25.xlsx", s)


@variant(id="tc25/docx-merged-header", kind="tc25", cols=TC25_COLS, counts=(3, 0, 0),
         nums={(2, "target@2026"): ("100", 0, False)}, texts={(1, "tujuan"): TUJUAN[0]})
def _b(tmp):
    head = [["No", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran",
             "Target Kinerja Sasaran Pada Tahun", None, None, None, None],
            [None] * 5 + ["2022", "2023", "2024", "2025", "2026"]]
    body, merges = _tc25_body()
    d = Doc().para("Tabel 2.1 Matriks Tujuan dan Sasaran Renstra")
    d.table(head + body, merges=[(0, c, 1, c) for c in range(5)] + [(0, 5, 0, 9)]
            + [(r0 + 2, c0, r1 + 2, c1) for r0, c0, r1, c1 in merges])
    return d.save(tmp / "tc25.docx")


# ======================================================================================= PK

PK_ROWS = [(SASARAN[0], INDIKATOR[0], "4 dokumen"), (SASARAN[1], INDIKATOR[1], 90), (SASARAN[2], INDIKATOR[2], "85%")]


@variant(id="pk/titles-C5-signature", kind="pk",
         cols={"no": "C", "sasaran": "D", "indikator": "E", "target": "F"}, counts=(3, 0, 0),
         nums={(0, "target"): ("4", 0, False), (1, "target"): ("90", 0, False), (2, "target"): ("85", 0, True)})
def _b(tmp):
    s = Sheet("PK 2024").add(TITLE + [["PERJANJIAN KINERJA TAHUN 2024"]])
    s.add([["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
          + [[i, a, b, c] for i, (a, b, c) in enumerate(PK_ROWS, 1)], col=2)
    s.add(SIGNATURE, col=5)
    return xlsx(tmp / "pk.xlsx", s)


@variant(id="pk/kinerja-utama-merged-sasaran-satuan", kind="pk",
         cols={"sasaran": "A", "indikator": "B", "target": "D"}, counts=(3, 0, 0),
         nums={(1, "target"): ("90", 0, False)}, texts={(1, "sasaran"): SASARAN[0], (2, "sasaran"): SASARAN[2]},
         extra=lambda t: _a("satuan" in t.unmapped, t.unmapped))
def _b(tmp):
    rows = [["Kinerja Utama", "Indikator Kinerja", "Satuan", "Target 2024"],
            [SASARAN[0], INDIKATOR[0], "dokumen", 4], [None, INDIKATOR[1], "indeks", 90],
            [SASARAN[2], INDIKATOR[2], "%", 85]]
    return xlsx(tmp / "pk.xlsx", Sheet("PK").add(rows, merges=[(1, 0, 2, 0)]))


def _pk_two_tables(tmp):
    s = Sheet("PK 2024").add([["PERJANJIAN KINERJA TAHUN 2024"], ["KECAMATAN KALISAT"], []])
    s.add([["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
          + [[i, a, b, c] for i, (a, b, c) in enumerate(PK_ROWS, 1)])
    s.add([[None, "Program", "Anggaran", "Keterangan"]]
          + [[None, f"{i}. {p}", f"Rp. {rp(v)}", "APBD"] for i, (p, v) in enumerate(PK_PROGRAMS, 1)]
          + [[None, "Jumlah", "Rp. 4.030.162.160", None]], gap=2)
    s.add([[None, "PIHAK KEDUA", None, "PIHAK PERTAMA"], [None, "BUPATI JEMBER", None, "CAMAT KALISAT"], [], [],
           [None, "H. HENDY SISWANTO", None, "Drs. HADI SUSANTO"], [None, None, None, "NIP. 19700101 199003 1 001"]],
          gap=1)
    return xlsx(tmp / "pk.xlsx", s)


VARIANTS.append(V(id="pk/two-tables-one-sheet-pk", kind="pk", build=_pk_two_tables, ntables=2,
                  cols={"no": "A", "sasaran": "B", "indikator": "C", "target": "D"}, counts=(3, 0, 0),
                  nums={(2, "target"): ("85", 0, True)}))
VARIANTS.append(V(id="pk/two-tables-one-sheet-pk_anggaran", kind="pk_anggaran", build=_pk_two_tables, ntables=2,
                  cols={"label": "B", "pagu": "C", "keterangan": "D"}, counts=(3, 1, 0),
                  nums={(0, "pagu"): ("3116155160", 0, False), (3, "pagu"): ("4030162160", 0, False)},
                  levels=["program"] * 3 + [None]))


# ======================================================================================= IO DETAIL

def _io(jenis=True, capaian=False):
    head = [None if jenis else "Jenis", "Uraian Input/ Output" if jenis else "Uraian", "Satuan", "Target", "Realisasi"]
    if not jenis:
        head[0] = "Jenis"
    rows = [head + (["Capaian (%)"] if capaian else []),
            ["Input", "Jumlah Dana", "Rp", "1.949.000", "Rp 1.344.000"] + (["68,96%"] if capaian else []),
            ["Output", "Jumlah Dokumen Perencanaan Perangkat Daerah", "Dokumen", "15 Dokumen", "12 Dokumen"]
            + (["80%"] if capaian else [])]
    return rows


@variant(id="io_detail/context-lines-B6", kind="io_detail",
         cols={"jenis": "B", "label": "C", "satuan": "D", "target": "E", "realisasi": "F"}, counts=(2, 0, 0),
         nums={(0, "target"): ("1949000", 0, False), (0, "realisasi"): ("1344000", 0, False),
               (1, "realisasi"): ("12", 0, False)},
         texts={(1, "satuan"): "Dokumen", (0, "jenis"): "Input", (1, "jenis"): "Output"})
def _b(tmp):
    s = Sheet("Tabel 3.5 Rincian").add([["Tabel 3.5 Rincian Input Output"], ["1. Program : " + P1],
                                        ["Kegiatan : " + K1], ["Sub Kegiatan : " + S11], []])
    s.add(_io(), col=1)
    return xlsx(tmp / "io.xlsx", s)


@variant(id="io_detail/jenis-col-C5-capaian-extra", kind="io_detail",
         cols={"jenis": "C", "label": "D", "satuan": "E", "target": "F", "realisasi": "G"}, counts=(2, 0, 0),
         nums={(0, "realisasi"): ("1344000", 0, False), (1, "target"): ("15", 0, False)},
         texts={(0, "jenis"): "Input"},
         extra=lambda t: _a(any("capaian" in u for u in t.unmapped), t.unmapped))
def _b(tmp):
    s = Sheet("IO").add(TITLE + [[]])
    s.add(_io(jenis=False, capaian=True), col=2)
    return xlsx(tmp / "io.xlsx", s)


def _io_three(tmp):
    s = Sheet("Rincian")
    for sub in (S11, S12, S21):
        s.add([["Sub Kegiatan : " + sub]], gap=1)
        s.add(_io(), col=1)
    return xlsx(tmp / "io.xlsx", s)


for _i in range(3):
    VARIANTS.append(V(id=f"io_detail/three-tables-one-sheet-{_i}", kind="io_detail", build=_io_three, ntables=3,
                      which=_i, cols={"jenis": "B", "label": "C", "satuan": "D", "target": "E", "realisasi": "F"},
                      counts=(2, 0, 0), nums={(1, "target"): ("15", 0, False)}))


# ======================================================================================= IKU

IKU = [(SASARAN[0], INDIKATOR[0], "Jumlah dokumen penataan organisasi yang tersusun", "Camat", "Dokumen LKIP"),
       (SASARAN[1], INDIKATOR[1], "Nilai IKM hasil survei (e-SUKMA)\n1. Unsur pelayanan\n2. Waktu", "Seluruh seksi",
        "SUKMA-E"),
       (SASARAN[2], INDIKATOR[2], "Jumlah kegiatan yang difasilitasi / jumlah yang direncanakan x 100%", "Seksi PMKS",
        "Laporan kegiatan")]


@variant(id="iku/titles-C5", kind="iku",
         cols={"sasaran": "C", "indikator": "D", "formulasi": "E", "pj": "F", "sumber": "G"}, counts=(3, 0, 0),
         texts={(1, "pj"): "Seluruh seksi", (2, "indikator"): INDIKATOR[2]})
def _b(tmp):
    s = Sheet("IKU").add(TITLE + [["INDIKATOR KINERJA UTAMA"], []])
    s.add([["Sasaran Strategis", "IKU", "Formulasi Perhitungan dan Penjelasan Indikator", "Penanggung Jawab",
            "Sumber Data"]] + [list(r) for r in IKU], col=2)
    return xlsx(tmp / "iku.xlsx", s)


@variant(id="iku/no-col-reordered-sumber-before-pj", kind="iku",
         cols={"sasaran": "B", "indikator": "C", "formulasi": "D", "sumber": "E", "pj": "F"}, counts=(3, 0, 0),
         texts={(0, "sumber"): "Dokumen LKIP", (0, "pj"): "Camat"})
def _b(tmp):
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Formulasi", "Sumber Data", "Penanggung Jawab"]]
    rows += [[i, a, b, c, e, d] for i, (a, b, c, d, e) in enumerate(IKU, 1)]
    return xlsx(tmp / "iku.xlsx", Sheet("Sheet1").add(rows))


@variant(id="iku/docx", kind="iku",
         cols={"sasaran": "A", "indikator": "B", "formulasi": "C", "pj": "D", "sumber": "E"}, counts=(3, 0, 0),
         texts={(2, "pj"): "Seksi PMKS"})
def _b(tmp):
    rows = [["Sasaran Strategis", "IKU", "Formulasi Perhitungan", "Penanggung Jawab", "Sumber Data"]] + [list(r) for r in IKU]
    return Doc().para("Tabel 2.2 Indikator Kinerja Utama").table(rows).save(tmp / "iku.docx")


# ======================================================================================= RPJMD

MISI = "MEMBANGUN TATA KELOLA PEMERINTAHAN YANG KONDUSIF"
RPJMD = [[MISI, "MENINGKATKAN TATA KELOLA PEMERINTAHAN YANG EFEKTIF", "INDEKS REFORMASI BIROKRASI (IRB)",
          "MENINGKATNYA KUALITAS PENGELOLAAN KEUANGAN DAN ASET DAERAH", "NILAI SAKIP"],
         [None, None, None, "MENINGKATNYA PENATAAN ORGANISASI PEMERINTAH DAERAH",
          "KETERSEDIAAN DOKUMEN PENATAAN ORGANISASI"]]


@variant(id="rpjmd/titles-B8-merged-misi", kind="rpjmd",
         cols={"misi": "B", "tujuan": "C", "indikator_tujuan": "D", "sasaran": "E", "indikator": "F"}, counts=(2, 0, 0),
         texts={(1, "misi"): MISI, (1, "sasaran"): RPJMD[1][3], (1, "indikator"): RPJMD[1][4]})
def _b(tmp):
    s = Sheet("RKT 2024").add([["PEMERINTAH KABUPATEN JEMBER"], ["KECAMATAN KALISAT"], ["JL. DIPONEGORO NO.36 A"],
                               ["RENCANA KINERJA TAHUNAN (RKT)"], ["TAHUN 2024"], [], ["RPJMD"]], col=1)
    s.add([["Misi", "Tujuan RPJMD", "Indikator Tujuan", "Sasaran RPJMD", "Indikator Sasaran"]] + RPJMD, col=1,
          merges=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2)])
    return xlsx(tmp / "rkt.xlsx", s)


@variant(id="rpjmd/C5-no-indikator-tujuan", kind="rpjmd",
         cols={"misi": "C", "tujuan": "D", "sasaran": "E", "indikator": "F"}, counts=(2, 0, 0),
         texts={(1, "tujuan"): RPJMD[0][1]})
def _b(tmp):
    s = Sheet("Cascading").add(TITLE + [[]])
    s.add([["Misi", "Tujuan", "Sasaran", "Indikator Sasaran"]] + [[r[0], r[1], r[3], r[4]] for r in RPJMD], col=2)
    return xlsx(tmp / "c.xlsx", s)


@variant(id="rpjmd/docx-merged", kind="rpjmd",
         cols={"misi": "A", "tujuan": "B", "indikator_tujuan": "C", "sasaran": "D", "indikator": "E"}, counts=(2, 0, 0),
         texts={(1, "indikator_tujuan"): RPJMD[0][2]})
def _b(tmp):
    rows = [["Misi", "Tujuan RPJMD", "Indikator Tujuan", "Sasaran RPJMD", "Indikator Sasaran"]] + RPJMD
    return Doc().para("Lampiran 2 RKT").table(rows, merges=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2)]).save(tmp / "r.docx")


# ======================================================================================= RKT

RKT_H0 = ["TUJUAN PD", None, "SASARAN PD", None, None, "PROGRAM/ KEGIATAN", None, None, "SUB KEGIATAN", None, None, None]
RKT_H1 = ["Uraian", "Indikator Tujuan", "Uraian", "Indikator Sasaran", "Target", "Nama Program Kegiatan", "Indikator",
          "Target", "Nama Sub Kegiatan", "Indikator kegiatan (Output)", "Target", "Anggaran"]
RKT_HM = [(0, 0, 0, 1), (0, 2, 0, 4), (0, 5, 0, 7), (0, 8, 0, 11)]
RKT_COLS = {"tujuan": "A", "indikator_tujuan": "B", "sasaran": "C", "indikator_sasaran": "D", "target_sasaran": "E",
            "label": "F", "indikator_program": "G", "target_program": "H", "sub_kegiatan": "I",
            "indikator_output": "J", "target_output": "K", "pagu": "L"}


def _rkt_body(money):
    body = [
        [TUJUAN[0], "Nilai SAKIP Kecamatan", SASARAN[0], INDIKATOR[0], "100 %", "PROGRAM " + P1.upper(),
         "Persentase realisasi anggaran", "100%", None, None, None, None],
        [None] * 5 + [K1, "Jumlah laporan keuangan", "40 Laporan", S11, "Jumlah Orang yang Menerima Gaji",
                      "18 Orang/bulan", money(2511744198)],
        [None] * 8 + [S12, "Jumlah Dokumen Penatausahaan", "12 Dokumen", money(232309480)],
        [None] * 5 + ["PROGRAM " + P2.upper(), "Persentase layanan", "100%", None, None, None, None],
        [None] * 5 + [K2, "Jumlah laporan koordinasi", "12 Laporan", S21, "Jumlah kegiatan", "12 Kegiatan",
                      money(781140000)],
    ]
    merges = [(0, c, 4, c) for c in range(5)] + [(1, 5, 2, 5), (1, 6, 2, 6), (1, 7, 2, 7)]
    return body, merges


RKT_LEVELS = ["program", "sub_kegiatan", "sub_kegiatan", "program", "sub_kegiatan"]


@variant(id="rkt/titles-B-two-row-header-numeric-anggaran-signature", kind="rkt", cols=_shift(RKT_COLS, 1),
         counts=(5, 0, 0),
         nums={(1, "pagu"): ("2511744198", 0, False), (2, "pagu"): ("232309480", 0, False),
               (0, "target_sasaran"): ("100", 0, True), (1, "target_output"): ("18", 0, False)},
         texts={(2, "label"): K1, (4, "sasaran"): SASARAN[0], (2, "sub_kegiatan"): S12},
         levels=RKT_LEVELS)
def _b(tmp):
    body, merges = _rkt_body(lambda v: v)
    s = Sheet("RKT 2024").add([["PEMERINTAH KABUPATEN JEMBER"], ["RENCANA KINERJA TAHUNAN (RKT)"], ["TAHUN 2024"], []],
                              col=1)
    s.add([RKT_H0, RKT_H1] + body, col=1, merges=RKT_HM + [(r0 + 2, c0, r1 + 2, c1) for r0, c0, r1, c1 in merges])
    s.add(SIGNATURE, col=9)
    return xlsx(tmp / "rkt.xlsx", s)


@variant(id="rkt/docx-text-money", kind="rkt", cols=RKT_COLS, counts=(5, 0, 0),
         nums={(1, "pagu"): ("2511744198", 0, False), (4, "pagu"): ("781140000", 0, False)},
         texts={(3, "label"): "PROGRAM " + P2.upper()}, levels=RKT_LEVELS)
def _b(tmp):
    body, merges = _rkt_body(rp)
    d = Doc().para("Lampiran 2 Rencana Kinerja Tahunan")
    d.table([RKT_H0, RKT_H1] + body, merges=RKT_HM + [(r0 + 2, c0, r1 + 2, c1) for r0, c0, r1, c1 in merges])
    return d.save(tmp / "rkt.docx")


@variant(id="rkt/C5-colnum-row-formatted-jumlah", kind="rkt", cols=_shift(RKT_COLS, 2), counts=(5, 1, 0),
         nums={(1, "pagu"): ("2511744198", 0, False), (5, "pagu"): ("3525193678", 0, False)},
         levels=RKT_LEVELS + [None], extra=lambda t: _a(t.numbering_row is not None))
def _b(tmp):
    body, merges = _rkt_body(lambda v: F(v, "#,##0"))
    s = Sheet("RKT").add(TITLE + [[]])
    s.add([RKT_H0, RKT_H1, [str(i) for i in range(1, 13)]] + body
          + [[None] * 8 + ["JUMLAH", None, None, F(3525193678, "#,##0")]],
          col=2, merges=RKT_HM + [(r0 + 3, c0, r1 + 3, c1) for r0, c0, r1, c1 in merges])
    return xlsx(tmp / "rkt.xlsx", s)


# ======================================================================================= T-C.27

def _tc27(years=(2022, 2023, 2024), money=lambda v: v):
    n = len(years)
    h0 = ["Tujuan", "Sasaran", "Kode", "Program dan Kegiatan",
          "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
          "Data Capaian pada Tahun Awal Perencanaan", "Target Kinerja Program dan Kerangka Pendanaan"] \
        + [None] * (2 * n + 1) + ["Unit Kerja Perangkat Daerah Penanggung-jawab", "Lokasi"]
    h1 = [None] * 6
    for i, y in enumerate(years, 1):
        h1 += [f"Tahun-{i} ({y})", None]
    h1 += ["Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah", None, None, None]
    h2 = [None] * 6 + ["Target", "Rp"] * (n + 1) + [None, None]
    width = len(h0)
    h3 = [f"({i})" for i in range(1, width + 1)]
    merges = [(0, c, 2, c) for c in range(6)] + [(0, 6, 0, 6 + 2 * n + 1)] \
        + [(1, 6 + 2 * i, 1, 7 + 2 * i) for i in range(n + 1)] + [(0, width - 2, 2, width - 2), (0, width - 1, 2, width - 1)]

    def line(tj, sas, kode, label, ind, awal, tg, pagu, loc=True):
        row = [tj, sas, kode, label, ind, awal]
        for i in range(n):
            row += [tg, money(pagu + i) if pagu else None]
        row += [tg, money(pagu * n) if pagu else None]
        return row + (["Kecamatan Kalisat", "Kecamatan Kalisat"] if loc else [None, None])

    body = [line(TUJUAN[0], None, None, None, "Nilai SAKIP Kecamatan", "65", None, None, loc=False),
            line(None, SASARAN[0], None, None, INDIKATOR[0], "4", "4", None, loc=False),
            line(None, None, "7.01.01", "PROGRAM " + P1.upper(), "Persentase realisasi anggaran", "100%", "100%", 3116155160),
            line(None, None, "7.01.01.2.02", K1, "Jumlah laporan keuangan", "40", "40 Laporan", 2744053678),
            line(None, None, "7.01.01.2.02.0001", S11, "Jumlah ASN penerima gaji", "18", "18 Orang", 2511744198)]
    return [h0, h1, h2, h3] + body, merges


def _tc27_cols(years=(2022, 2023, 2024), shift=0):
    from openpyxl.utils.cell import get_column_letter as L
    cols = {"tujuan": 1, "sasaran": 2, "kode": 3, "label": 4, "indikator": 5, "kondisi_awal": 6}
    c = 7
    for y in years:
        cols[f"target@{y}"], cols[f"rp@{y}"] = c, c + 1
        c += 2
    cols.update({"target_akhir": c, "rp_akhir": c + 1, "unit": c + 2, "lokasi": c + 3})
    return {k: L(v + shift) for k, v in cols.items()}


TC27_LEVELS = [None, None, "program", "kegiatan", "sub_kegiatan"]


@variant(id="tc27/titles-three-row-header-numbering-row", kind="tc27", cols=_tc27_cols(), counts=(5, 0, 0),
         nums={(2, "rp@2024"): ("3116155162", 0, False), (2, "target@2022"): ("100", 0, True),
               (4, "rp_akhir"): ("7535232594", 0, False), (3, "target@2023"): ("40", 0, False)},
         texts={(4, "kode"): "7.01.01.2.02.0001", (3, "lokasi"): "Kecamatan Kalisat"},
         levels=TC27_LEVELS, extra=lambda t: _a(t.numbering_row is not None))
def _b(tmp):
    rows, merges = _tc27()
    s = Sheet("T-C.27").add([["Tabel T-C.27"], ["Rencana Program, Kegiatan, dan Pendanaan Kecamatan Kalisat"], []])
    s.add(rows, merges=merges)
    s.add([["Sumber : Renstra Kecamatan Kalisat 2021-2026"]])
    return xlsx(tmp / "tc27.xlsx", s)


@variant(id="tc27/docx-five-years", kind="tc27", cols=_tc27_cols((2022, 2023, 2024, 2025, 2026)), counts=(5, 0, 0),
         nums={(3, "rp@2026"): ("2744053682", 0, False)}, levels=TC27_LEVELS)
def _b(tmp):
    rows, merges = _tc27((2022, 2023, 2024, 2025, 2026))
    return Doc().para("Tabel T-C.27").table(rows, merges).save(tmp / "tc27.docx")


@variant(id="tc27/C5-text-money", kind="tc27", cols=_tc27_cols(shift=2), counts=(5, 0, 0),
         nums={(2, "rp@2022"): ("3116155160", 0, False), (4, "rp@2024"): ("2511744200", 0, False)},
         levels=TC27_LEVELS)
def _b(tmp):
    rows, merges = _tc27(money=rp)
    s = Sheet("Renstra").add(TITLE + [[]])
    s.add(rows, col=2, merges=merges)
    return xlsx(tmp / "tc27.xlsx", s)


# ======================================================================================= more T-C.25 / extra variants

def _tc25_ke(merged: bool):
    def build(tmp):
        head = [["No", "Tujuan", "Sasaran", "Indikator Sasaran", "Target Kinerja Tujuan/Sasaran pada Tahun ke-",
                 None, None, None, None], [None] * 4 + [1, 2, 3, 4, 5], list(range(1, 10))]
        body = [[1, TUJUAN[0], SASARAN[0], INDIKATOR[0], "4 Dokumen", "4 Dokumen", "4 Dokumen", "4 Dokumen", "4 Dokumen"],
                [None, None, SASARAN[2], INDIKATOR[2], "80%", "80%", "85%", "90%", "95%"]]
        merges = [(0, 4, 0, 8)] + ([(0, c, 1, c) for c in range(4)] + [(3, 0, 4, 0), (3, 1, 4, 1)] if merged else [])
        return xlsx(tmp / "tc25.xlsx", Sheet("T-C.25").add([["Tabel T-C.25"], []]).add(head + body, merges=merges))
    return build


for _m in (True, False):
    VARIANTS.append(V(
        id=f"tc25/tahun-ke-1-to-5-{'merged' if _m else 'unmerged'}-header", kind="tc25", build=_tc25_ke(_m),
        cols={"no": "A", "tujuan": "B", "sasaran": "C", "indikator": "D", "target@1": "E", "target@2": "F",
              "target@3": "G", "target@4": "H", "target@5": "I"},
        counts=(2, 0, 0), nums={(1, "target@3"): ("85", 0, True), (0, "target@5"): ("4", 0, False)},
        texts={(1, "tujuan"): TUJUAN[0]},   # merged, or blank under it: a group column carries down
        extra=lambda t: _a(t.numbering_row is not None and t.years("target") == ["1", "2", "3", "4", "5"],
                           (t.numbering_row, t.years("target")))))


def _peng_sections(blank: bool):
    def build(tmp):
        rows = [["No", "Indikator\nKinerja", "Target\n2024", "Realisasi\n2024", "Capaian\n(%)"],
                [f"Sasaran 1 : {SASARAN[0]}", None, None, None, None],
                ["1", INDIKATOR[0], "4 Dokumen", "4 Dokumen", "100%"],
                ["2", INDIKATOR[2], "85%", "85%", "100%"]] + ([[]] if blank else []) + [
                [f"Sasaran 2 : {SASARAN[1]}", None, None, None, None],
                ["3", INDIKATOR[1], "90", "86", "95,56%"]]
        s2 = 4 + int(blank)
        return xlsx(tmp / "p.xlsx", Sheet("Sheet1").add(rows, merges=[(1, 0, 1, 4), (s2, 0, s2, 4)]))
    return build


for _blank in (False, True):
    VARIANTS.append(V(
        id="pengukuran/sasaran-section-rows-linebreak-headers" + ("-blank-row-before-section" if _blank else ""),
        kind="pengukuran", build=_peng_sections(_blank),
        cols={"no": "A", "indikator": "B", "target": "C", "realisasi": "D", "capaian": "E"}, counts=(3, 0, 2),
        nums={(1, "capaian"): ("100", 0, True), (4, "realisasi"): ("86", 0, False), (4, "capaian"): ("95.56", 2, True)},
        extra=lambda t: _a([r.section for r in t.rows if r.type == "data"]
                           == [f"Sasaran 1 : {SASARAN[0]}"] * 2 + [f"Sasaran 2 : {SASARAN[1]}"],
                           [r.section for r in t.rows]),
        xfail=("a blank row followed by a one-cell row ends the table (detect.body: 'a title line after a gap "
               "starts something else'); telling a 'Sasaran 2 : …' section row from the next table's context "
               "line ('Sub Kegiatan : …' above an io_detail table) needs more than the row's text") if _blank else None))


@variant(id="anggaran/english-numbers-accounting-format", kind="anggaran",
         cols={"no": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(2, "pagu"): ("2511744198.00", 2, False), (2, "realisasi"): ("1920536667", 0, False),
               (2, "persen"): ("76.46", 2, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None],
         extra=lambda t: _a(t.rows[2].num("realisasi").rupiah, t.rows[2].num("realisasi")))
def _b(tmp):
    rows = [["No", "Uraian", "Pagu Anggaran", "Realisasi", "Persentase Realisasi"]]
    for r in _anggaran_rows("prefix", True, "plain"):
        no, lab, pagu, real, persen = r
        rows.append([no, lab, f"{pagu:,.2f}", F(real, '_-"Rp"* #,##0_-;-"Rp"* #,##0_-'), F(persen, "0.00")])
    return xlsx(tmp / "a.xlsx", Sheet("LRA").add(rows))


@variant(id="anggaran/unmerged-jumlah-rp-group-center-across", kind="anggaran",
         cols={"kode": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(5, "pagu"): ("781140000", 0, False), (5, "persen"): ("99.83", 2, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None])
def _b(tmp):
    # "Center Across Selection" instead of a merge: the group label sits in one cell, blanks beside it
    head = [["Kode", "Uraian", "Jumlah (Rp)", None, "%"], [None, None, "Anggaran", "Realisasi", None]]
    body = _anggaran_rows("plain", True, "plain", code_col=True, no_col=False)
    return xlsx(tmp / "a.xlsx", Sheet("LRA").add(head + body))


@variant(id="pengukuran/unmerged-tahun-group-header", kind="pengukuran",
         cols={"sasaran": "A", "indikator": "B", "target": "C", "realisasi": "D", "capaian": "E"}, counts=(3, 0, 0),
         nums={(2, "target"): ("85", 0, True), (1, "capaian"): ("95.56", 2, True)})
def _b(tmp):
    head = [["Sasaran Strategis", "Indikator Kinerja", "Tahun 2024", None, None],
            [None, None, "Target", "Realisasi", "Capaian (%)"]]
    return xlsx(tmp / "p.xlsx", Sheet("P").add(head + [[a, b, c, d, e] for a, b, c, d, e, _, _ in PENG]))


@variant(id="anggaran/header-repeated-after-page-break", kind="anggaran",
         cols={"no": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(4, "pagu"): ("781140000", 0, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None])
def _b(tmp):
    head = ["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran", "Realisasi", "%"]
    body = _anggaran_rows("prefix", True, "plain")
    return xlsx(tmp / "a.xlsx", Sheet("S").add([head] + body[:4] + [head] + body[4:]))


@variant(id="iku/indikator-kinerja-utama-iku-header", kind="iku",
         cols={"sasaran": "A", "indikator": "B", "formulasi": "C", "sumber": "D"}, counts=(3, 0, 0),
         texts={(1, "indikator"): INDIKATOR[1]})
def _b(tmp):
    rows = [["Sasaran Strategis", "Indikator Kinerja Utama (IKU)", "Formulasi Perhitungan", "Sumber Data"]]
    rows += [[a, b, c, e] for a, b, c, d, e in IKU]
    return xlsx(tmp / "iku.xlsx", Sheet("IKU").add(rows))


@variant(id="pk/indikator-kinerja-utama-header-target-linebreak", kind="pk",
         cols={"no": "A", "sasaran": "B", "indikator": "C", "target": "D"}, counts=(3, 0, 0),
         nums={(2, "target"): ("85", 0, True)}, texts={(0, "indikator"): INDIKATOR[0]})
def _b(tmp):
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target\nTahun 2024"]]
    rows += [[i, a, b, c] for i, (a, b, c) in enumerate(PK_ROWS, 1)]
    return xlsx(tmp / "pk.xlsx", Sheet("PK").add(rows))


@variant(id="anggaran/realisasi-rp-and-realisasi-percent", kind="anggaran",
         cols={"no": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(2, "realisasi"): ("1920536667", 0, False), (2, "persen"): ("76.46", 2, False),
               (7, "persen"): ("83.14", 2, False)},
         levels=LEVELS7 + [None], parents=PARENTS7 + [None])
def _b(tmp):
    rows = [["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Realisasi (%)"]]
    rows += [r[:-1] + [pct(r[-1])] for r in _anggaran_rows("prefix", True, "plain")]
    return xlsx(tmp / "a.xlsx", Sheet("S").add(rows))


@variant(id="anggaran/persentase-percent-header", kind="anggaran",
         cols={"no": "A", "label": "B", "pagu": "C", "realisasi": "D", "persen": "E"}, counts=(7, 1, 0),
         nums={(3, "persen"): ("99.24", 2, True)}, levels=LEVELS7 + [None], parents=PARENTS7 + [None])
def _b(tmp):
    rows = [["No", "Uraian", "Pagu Anggaran", "Realisasi Anggaran", "Persentase (%)"]]
    rows += [r[:-1] + [F(round(r[-1] / 100, 4), "0.00%")] for r in _anggaran_rows("prefix", True, "plain")]
    return xlsx(tmp / "a.xlsx", Sheet("S").add(rows))


@variant(id="efisiensi/penyerapan-efisiensi-headers", kind="efisiensi",
         cols={"label": "A", "capaian": "B", "serapan": "C", "kategori": "D"}, counts=(3, 0, 0),
         nums={(1, "serapan"): ("99.75", 2, False)})
def _b(tmp):
    rows = [["Sasaran Strategis", "Capaian Kinerja (%)", "Penyerapan Anggaran (%)", "Efisiensi"]]
    rows += [[s_, F(a * 100, "0.00"), F(b * 100, "0.00"), k] for s_, a, b, k in EFI]
    return xlsx(tmp / "e.xlsx", Sheet("E").add(rows))


@variant(id="skala/skala-nilai-kriteria", kind="skala", cols={"interval": "A", "label": "B"}, counts=(5, 0, 0),
         texts={(4, "interval"): "≤ 50"})
def _b(tmp):
    return xlsx(tmp / "s.xlsx", Sheet("S").add([["Skala Nilai", "Kriteria"]] + [list(r) for r in SKALA]))


VARIANTS.append(V(
    id="skala/nilai-capaian-predikat", kind="skala",
    build=lambda tmp: xlsx(tmp / "s.xlsx", Sheet("S").add([["No", "Nilai Capaian (%)", "Predikat"]]
                                                          + [[i, a, b] for i, (a, b) in enumerate(SKALA, 1)])),
    cols={"no": "A", "interval": "B", "label": "C"}, counts=(5, 0, 0),
    xfail=("'Nilai Capaian (%) | Predikat' is also the header of a per-indicator rating table (a capaian and "
           "its predikat); reading it as a scale by the header alone would misread those, and the rows' range "
           "texts (≤, >, -) are not looked at when choosing the kind")))


@variant(id="realisasi_tahunan/past-realisasi-and-target-this-year", kind="realisasi_tahunan",
         cols={"sasaran": "A", "indikator": "B", "realisasi@2022": "C", "realisasi@2023": "D", "target@2024": "E"},
         counts=(3, 0, 0), nums={(1, "target@2024"): ("90", 0, False), (1, "realisasi@2023"): ("82.5", 1, False)})
def _b(tmp):
    rows = [["Sasaran", "Indikator Kinerja", "Realisasi Tahun 2022", "Realisasi Tahun 2023", "Target 2024"]]
    rows += [[a, b, c[0], c[1], t] for (a, b, c), t in zip(RT, ["4 dokumen", 90, "85%"])]
    return xlsx(tmp / "rt.xlsx", Sheet("RT").add(rows))


@variant(id="pengukuran/rata-rata-capaian-kinerja-total-row", kind="pengukuran",
         cols={"no": "A", "sasaran": "B", "indikator": "C", "target": "D", "realisasi": "E", "capaian": "F"},
         counts=(3, 1, 0), nums={(3, "capaian"): ("98.52", 2, True)},
         extra=lambda t: _a(t.rows[3].label == "Rata-rata capaian kinerja (%)", t.rows[3].label))
def _b(tmp):
    rows = [["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
    rows += [[i, a, b, c, d, e] for i, (a, b, c, d, e, _, _) in enumerate(PENG, 1)]
    rows += [["Rata-rata capaian kinerja (%)", None, None, None, None, "98,52%"]]
    return xlsx(tmp / "p.xlsx", Sheet("E.81").add(rows, merges=[(4, 0, 4, 4)]))


# the kinds added with the relations work (evaluasi_renja, rencana_aksi): tests/layouts_relations.py
from tests.layouts_relations import SPECS as _RELATIONS_SPECS  # noqa: E402

VARIANTS.extend(V(**kw) for kw in _RELATIONS_SPECS)


# ======================================================================================= no table here

def _prose(tmp):
    s = Sheet("Narasi").add([
        ["BAB III AKUNTABILITAS KINERJA"], [],
        ["Capaian kinerja sasaran meningkatnya penataan organisasi pemerintah daerah pada tahun 2024 sebesar 100%,"],
        ["dengan realisasi anggaran sebesar Rp 3.660.926.754 atau 82,89% dari pagu anggaran Rp 4.416.692.224."],
        ["Target dan realisasi indikator kinerja dapat dilihat pada tabel berikut."]])
    return xlsx(tmp / "narasi.xlsx", s)


def _chart_block(tmp):
    s = Sheet("Grafik").add([["Grafik Capaian Kinerja 2021-2024"], [],
                             [None, 2021, 2022, 2023, 2024],
                             ["Kecamatan Kalisat", 78, 82.5, 84, 86],
                             [None, "80%", "80%", "80%", "85%"],
                             [None, 1949000, 2511744198, 232309480, 781140000]])
    return xlsx(tmp / "grafik.xlsx", s)


def _unknown_header(tmp):
    s = Sheet("Daftar Hadir").add([["DAFTAR HADIR RAPAT"], [],
                                   ["No", "Nama", "Jabatan", "Tanda Tangan"],
                                   [1, "Budi", "Kasi Pemerintahan", None], [2, "Sari", "Sekcam", None]])
    return xlsx(tmp / "hadir.xlsx", s)


def _docx_prose(tmp):
    d = Doc().para("BAB I PENDAHULUAN", "Heading 1")
    d.para("Pagu anggaran Kecamatan Kalisat tahun 2024 sebesar Rp 4.416.692.224 dengan realisasi 82,89%.")
    d.table([["Mengetahui,", "Kalisat, 10 Januari 2025"], ["CAMAT KALISAT", None], ["NIP. 19700101 199003 1 001", None]])
    return d.save(tmp / "prose.docx")


# ------------------------------------------------------------------------------------- rekap_belanja

def _rekap_levels():
    from rekap_fixture import lines
    out = []
    for key, _name, _vals in lines():
        code = key[-1]
        if code.startswith("5."):
            out.append("rekening")
        elif code.count(".") == 7:
            out.append("unit")
        else:
            out.append({0: "urusan", 1: "bidang", 2: "program", 4: "kegiatan", 5: "sub_kegiatan"}[code.count(".")])
    return out + [None]


_REKAP_N = 33     # data rows of the look-alike (tests/rekap_fixture.py)


@variant(id="rekap_belanja/sipd-four-code-columns-text-amounts-colnum-row", kind="rekap_belanja",
         cols={"kode": "A", "kode@2": "B", "kode@3": "C", "kode@4": "D", "label": "E", "anggaran@operasi": "F",
               "realisasi@operasi": "G", "anggaran@modal": "H", "realisasi@modal": "I"},
         counts=(_REKAP_N, 1, 0), nums={(0, "anggaran@operasi"): ("3025193678.00", 2, False),
                                          (_REKAP_N, "realisasi@modal"): ("108500000.00", 2, False)},
         levels=_rekap_levels(), extra=lambda t: _a(t.numbering_row is not None and t.code_tree, t.numbering_row))
def _b(tmp):
    from rekap_fixture import build
    return build(tmp / "lra.xlsx", layout="four", style="text")


@variant(id="rekap_belanja/one-code-column-appended-total-percent-sisa", kind="rekap_belanja",
         cols={"kode": "A", "label": "B", "anggaran@operasi": "C", "realisasi@operasi": "D", "anggaran@modal": "E",
               "realisasi@modal": "F", "total_anggaran": "G", "total_realisasi": "H", "persen": "I", "sisa": "J"},
         counts=(_REKAP_N, 1, 0), nums={(3, "persen"): ("80", 0, True), (3, "sisa"): ("481520261", 0, False)},
         levels=_rekap_levels())
def _b(tmp):
    from rekap_fixture import build
    return build(tmp / "lra.xlsx", layout="one", appended=True)


@variant(id="rekap_belanja/two-code-columns-dash-zeros-moved-block", kind="rekap_belanja",
         cols={"kode": "A", "kode@2": "B", "label": "C", "anggaran@operasi": "D", "realisasi@operasi": "E",
               "anggaran@modal": "F", "realisasi@modal": "G"},
         counts=(_REKAP_N, 1, 0), nums={(0, "anggaran@modal"): ("109048100", 0, False)},
         extra=lambda t: _a(all(r.parent is not None for r in t.rows if r.type == "data" and r.level != "urusan"),
                            [(r.level, r.code) for r in t.rows if r.parent is None]))
def _b(tmp):
    from rekap_fixture import build
    return build(tmp / "lra.xlsx", layout="two", style="dash", move=True)


# ------------------------------------------------------------------------------------- rak

@variant(id="rak/one-code-column-months-percent", kind="rak",
         cols={"kode": "A", "label": "B", "pagu": "C", "total_rak": "D", "realisasi": "E",
               **{f"bulan@{m.lower()}": letters({"x": 5 + i})["x"] for i, m in enumerate(
                   ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                    "Oktober", "November", "Desember"])}, "persen_rak": "R"},
         counts=(7, 0, 0), nums={(2, "bulan@maret"): ("100000000", 0, False)},
         levels=["program", "kegiatan", "sub_kegiatan", "sub_kegiatan", "program", "kegiatan", "sub_kegiatan"],
         parents=[None, 0, 1, 1, None, 4, 5])
def _b(tmp):
    from rak_fixture import build
    return build(tmp / "rak.xlsx")


@variant(id="rak/anggaran-kas-group-over-months-text", kind="rak",
         cols={"kode": "A", "label": "B", "pagu": "C", "total_rak": "D", "realisasi": "E",
               **{f"bulan@{m.lower()}": letters({"x": 5 + i})["x"] for i, m in enumerate(
                   ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                    "Oktober", "November", "Desember"])}},
         counts=(7, 0, 0), nums={(3, "bulan@juni"): ("20000000", 0, False)})
def _b(tmp):
    from rak_fixture import build
    return build(tmp / "rak.xlsx", layout="grouped", style="text")


@variant(id="rak/month-changed-still-read", kind="rak",
         cols={"kode": "A", "label": "B", "pagu": "C", "total_rak": "D", "realisasi": "E",
               **{f"bulan@{m.lower()}": letters({"x": 5 + i})["x"] for i, m in enumerate(
                   ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                    "Oktober", "November", "Desember"])}, "persen_rak": "R"},
         counts=(7, 0, 0), nums={(6, "bulan@mei"): ("7000000", 0, False)})
def _b(tmp):
    from rak_fixture import build
    return build(tmp / "rak.xlsx", change=("7.01.02.2.01.0002", 4, 7_000_000))


# ------------------------------------------------------------------------------------- realisasi_bulanan

_RB_COLS = {"label": "A", "label@2": "B", "label@3": "C", "label@4": "D", "label@5": "E", "pagu": "F",
            "bulan@jan": "G", "bulan@feb": "H", "bulan@mar": "I"}


@variant(id="realisasi_bulanan/html-like-indented-codes", kind="realisasi_bulanan", cols=_RB_COLS,
         counts=(10, 0, 0), nums={(4, "bulan@mar"): ("30", 0, False)},
         levels=["rekening"] * 10, parents=[None, 0, 1, 2, 3, 3, 2, 6, 0, 8])
def _b(tmp):
    from test_rekap_belanja import _monthly_block
    return _monthly_block(tmp)


@variant(id="realisasi_bulanan/kode-column-full-month-names", kind="realisasi_bulanan",
         cols={"kode": "A", "label": "B", "pagu": "C", "bulan@januari": "D", "bulan@februari": "E"},
         counts=(3, 1, 0), nums={(1, "bulan@februari"): ("5", 0, False)}, parents=[None, 0, 0, None])
def _b(tmp):
    rows = [["Kode Rekening", "Uraian", "Anggaran", "Januari", "Februari"],
            ["4.1.01", "Pajak Daerah", 30, 10, 12], ["4.1.01.07", "Pajak Hotel", 10, 4, 5],
            ["4.1.01.08", "Pajak Restoran", 20, 6, 7], [None, "Jumlah", 30, 10, 12]]
    return xlsx(tmp / "lra.xlsx", Sheet("LRA").add(TITLE + rows))


@variant(id="realisasi_bulanan/target-and-realisasi-bulan-headers", kind="realisasi_bulanan",
         cols={"no": "A", "label": "B", "pagu": "C", "bulan@jan": "D", "bulan@feb": "E", "bulan@mar": "F"},
         counts=(2, 0, 0), nums={(0, "pagu"): ("1000000", 0, False)})
def _b(tmp):
    rows = [["No", "Uraian", "Target 2024", "Realisasi Jan", "Realisasi Feb", "Realisasi Mar"],
            [1, "Retribusi Pasar", "1.000.000", "80.000", "90.000", "85.000"],
            [2, "Retribusi Parkir", "500.000", "40.000", "41.000", "39.000"]]
    return xlsx(tmp / "target.xlsx", Sheet("Target").add(rows))


NO_TABLE = [("prose-sheet", _prose), ("chart-like-number-block", _chart_block),
            ("header-of-no-known-kind", _unknown_header), ("docx-prose-and-signature-table", _docx_prose)]


# ======================================================================================= the tests

def _ids():
    return [v.id for v in VARIANTS]


@pytest.mark.parametrize("v", [pytest.param(v, marks=pytest.mark.xfail(strict=True, reason=v.xfail)) if v.xfail
                               else v for v in VARIANTS], ids=_ids())
def test_layout_variant(v: V, tmp_path):
    _check(v, tmp_path)


@pytest.mark.parametrize("name,build", NO_TABLE, ids=[n for n, _ in NO_TABLE])
def test_no_table_is_recognised_in(name, build, tmp_path):
    res = load_file(str(build(tmp_path)))
    assert res.error is None
    # a header of no known kind with numbers under it is a `generic` table (tables.generic): no known kind
    assert [t for t in res.tables if t.kind != "generic"] == [], [(t.sheet, t.kind, t.range) for t in res.tables]
    assert res.unrecognised, "a sheet with no table must say so"
    assert all(u.reason for u in res.unrecognised)


def test_table_sheet_and_prose_sheet_in_one_workbook(tmp_path):
    """The table is found on its sheet; the prose sheet next to it gets an unrecognised note, nothing more."""
    s1 = Sheet("Narasi").add([["Capaian kinerja tahun 2024 sebesar 82,89% dari target."]])
    s2 = Sheet("Tabel 3.8").add([["NO", "PROGRAM/ KEGIATAN/ SUB KEGIATAN", "PAGU (Rp)", "REALISASI (Rp)", "%"]]
                                + _anggaran_rows("prefix", True, "plain"))
    res = load_file(str(xlsx(tmp_path / "both.xlsx", s1, s2)))
    assert [(t.sheet, t.kind, len(t.rows)) for t in res.tables] == [("Tabel 3.8", "anggaran", 8)]
    assert [u.sheet for u in res.unrecognised] == ["Narasi"]


def test_every_kind_has_three_variants():
    have = {}
    for v in VARIANTS:
        have.setdefault(v.kind, set()).add(v.build)
    missing = {k.name: len(have.get(k.name, ())) for k in KINDS if len(have.get(k.name, ())) < 3}
    assert not missing, f"kinds with fewer than three layout variants: {missing}"


def test_some_variants_are_word_tables():
    docx_kinds = set()
    for v in VARIANTS:
        if "docx" in v.id:
            docx_kinds.add(v.kind)
    assert len(docx_kinds) >= 5, docx_kinds
