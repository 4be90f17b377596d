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
         nums={(1, "keb_total"): ("3", 0, False), (4, "bez_total"): ("8", 0, False), (5, "l"): ("6", 0, False)},
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
         cols={"kode": "A", "label": "B", "pagu": "C", "realisasi": "D"}, counts=(7, 1, 0),
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
