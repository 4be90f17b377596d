#!/usr/bin/env python3
"""Build the sample input folder ``samples/kalisat-2024/`` from the seed LKIP.

The seed (``shared/seed/lkip-kecamatan-kalisat-2024.txt``) is a real LKIP of Kecamatan Kalisat,
Kabupaten Jember, for 2024.  The workbooks written here reproduce its tables and annexes *exactly as
printed* -- its errors included, on purpose: they are what lkip-audit must find.  Do not "fix" them.

Only the two SIPD exports contain rows the seed does not print one by one (rekening rows and
transaction lines); they are split synthetically so that they add up exactly to the seed's pagu and
realisasi per sub kegiatan.  See ``samples/README.md``.

Run:  python samples/build_kalisat.py      (deterministic: same bytes on every run)
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

OUT = Path(__file__).resolve().parent / "kalisat-2024"
FIXED_TIME = dt.datetime(2025, 2, 7, 8, 0, 0)
ZIP_TIME = (2025, 2, 7, 8, 0, 0)

SKPD_CODE = "7.01.0.00.0.00.27.0000"
SKPD_NAME = "KECAMATAN KALISAT"

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")
RUPIAH = "#,##0"


# --------------------------------------------------------------------------- helpers
def new_workbook() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb


def save(wb: Workbook, name: str) -> Path:
    """Save with fixed document properties and fixed zip timestamps (byte-identical re-runs)."""
    props = wb.properties
    props.creator = "Kecamatan Kalisat"
    props.lastModifiedBy = "Kecamatan Kalisat"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # closes the archive; does not touch props.modified
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    path = OUT / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            out.writestr(zi, src.read(info.filename))
    return path


def put(ws, row, col, value, fmt=None, bold=False, align=WRAP):
    c = ws.cell(row=row, column=col, value=value)
    if fmt:
        c.number_format = fmt
    if bold:
        c.font = BOLD
    if align is not None:
        c.alignment = align
    return c


def merge(ws, r1, c1, r2, c2, value=None, bold=False, align=WRAP, fmt=None):
    put(ws, r1, c1, value, fmt=fmt, bold=bold, align=align)
    if (r1, c1) != (r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def box(ws, r1, c1, r2, c2):
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            ws.cell(row=r, column=c).border = BOX


def widths(ws, start_col, ws_widths):
    for i, w in enumerate(ws_widths):
        ws.column_dimensions[get_column_letter(start_col + i)].width = w


def write_rows(ws, top, left, rows, fmts=None, bold_rows=()):
    """Write a list of row tuples; None leaves a cell blank."""
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is None:
                continue
            fmt = None
            if fmts and isinstance(v, (int, float)):
                fmt = fmts[j] if j < len(fmts) else None
            put(ws, top + i, left + j, v, fmt=fmt, bold=(i in bold_rows))
    return top + len(rows)


# =========================================================================== the budget
# The 13 sub kegiatan (pagu from DPA / Tabel 1.3, realisasi from Tabel 3.8), split into rekening
# rows.  Split amounts are synthetic; every list adds up exactly to the seed's figures (asserted).
# Each rekening: (kode, nama, paket, pagu, realisasi, how-it-is-spent)
ATK = ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor")
KERTAS = ("5.1.02.01.01.0025", "Belanja Alat/Bahan untuk Kegiatan Kantor- Kertas dan Cover")
CETAK = ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak")
BAHAN_KOMP = ("5.1.02.01.01.0029", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer")
ALAT_LISTRIK = ("5.1.02.01.01.0031", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik")
BBM = ("5.1.02.01.01.0004", "Belanja Bahan-Bahan Bakar dan Pelumas")
MAMIN_RAPAT = ("5.1.02.01.01.0052", "Belanja Makanan dan Minuman Rapat")
MAMIN_TAMU = ("5.1.02.01.01.0053", "Belanja Makanan dan Minuman Jamuan Tamu")
MAMIN_LAPANGAN = ("5.1.02.01.01.0055", "Belanja Makanan dan Minuman Aktivitas Lapangan")
BARANG_MASY = ("5.1.02.01.01.0039", "Belanja Barang untuk Dijual/Diserahkan kepada Masyarakat")
HONOR_NARSUM = ("5.1.02.02.01.0003",
                "Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia")
TENAGA_ADM = ("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi")
TENAGA_KEBERSIHAN = ("5.1.02.02.01.0030", "Belanja Jasa Tenaga Kebersihan")
TENAGA_KEAMANAN = ("5.1.02.02.01.0031", "Belanja Jasa Tenaga Keamanan")
TENAGA_SUPIR = ("5.1.02.02.01.0033", "Belanja Jasa Tenaga Supir")
PAJAK = ("5.1.02.02.01.0067", "Belanja Pembayaran Pajak, Bea, dan Perizinan")
JKN_NON = ("5.1.02.02.02.0005", "Belanja Iuran Jaminan Kesehatan bagi Non ASN")
JKK_NON = ("5.1.02.02.02.0006", "Belanja Iuran Jaminan Kecelakaan Kerja bagi Non ASN")
JKM_NON = ("5.1.02.02.02.0007", "Belanja Iuran Jaminan Kematian bagi Non ASN")
PERJADIN = ("5.1.02.04.01.0003", "Belanja Perjalanan Dinas Dalam Kota")
HONOR_KEU = ("5.1.01.03.07.0001", "Belanja Honorarium Penanggungjawaban Pengelola Keuangan")
RT = ("5.1.02.05.01.0008", "Belanja Uang yang Diberikan kepada RT atau dengan Sebutan Lain")
RW = ("5.1.02.05.01.0009", "Belanja Uang yang Diberikan kepada RW atau dengan Sebutan Lain")
PML_PERORANGAN = ("5.1.02.03.02.0035", "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat "
                  "Bermotor-Kendaraan Dinas Bermotor Perorangan")
PML_PENUMPANG = ("5.1.02.03.02.0036", "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat "
                 "Bermotor-Kendaraan Bermotor Penumpang")
PML_RODA2 = ("5.1.02.03.02.0038", "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat "
             "Bermotor-Kendaraan Bermotor Beroda Dua")
PML_GEDUNG = ("5.1.02.03.03.0001", "Belanja Pemeliharaan Bangunan Gedung-Bangunan Gedung Tempat "
              "Kerja-Bangunan Gedung Kantor")
MODAL_PC = ("5.2.02.10.01.0002", "Belanja Modal Personal Computer")
MODAL_PERALATAN_PC = ("5.2.02.10.02.0003", "Belanja Modal Peralatan Personal Computer")
MODAL_PENYIMPAN = ("5.2.02.05.01.0004", "Belanja Modal Alat Penyimpan Perlengkapan Kantor")

GAJI_A = [  # paid 12 months + THR + gaji ke-13
    ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 1_104_865_200),
    ("5.1.01.01.02.0001", "Belanja Tunjangan Keluarga PNS", 98_412_760),
    ("5.1.01.01.03.0001", "Belanja Tunjangan Jabatan PNS", 75_960_000),
    ("5.1.01.01.05.0001", "Belanja Tunjangan Fungsional Umum PNS", 22_680_000),
    ("5.1.01.01.07.0001", "Belanja Tunjangan PPh/Tunjangan Khusus PNS", 16_840_318),
]
GAJI_B = [  # paid 12 months
    ("5.1.01.01.06.0001", "Belanja Tunjangan Beras PNS", 41_326_560),
    ("5.1.01.01.08.0001", "Belanja Pembulatan Gaji PNS", 32_420),
    ("5.1.01.01.09.0001", "Belanja Iuran Jaminan Kesehatan PNS", 52_370_460),
    ("5.1.01.01.10.0001", "Belanja Iuran Jaminan Kecelakaan Kerja PNS", 3_281_480),
    ("5.1.01.01.11.0001", "Belanja Iuran Jaminan Kematian PNS", 9_842_400),
]
TPP = [
    ("5.1.01.02.01.0001", "Tambahan Penghasilan berdasarkan Beban Kerja PNS", 760_292_820),
    ("5.1.01.02.05.0001", "Tambahan Penghasilan berdasarkan Prestasi Kerja PNS", 325_839_780),
]
GAJI_SETORAN = 1_245_300  # contra pos: kelebihan bayar gaji pokok dikembalikan (synthetic)

PROGRAMS = {
    "7.01.01": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "7.01.02": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
    "7.01.03": "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
    "7.01.04": "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
}
KEGIATAN = {
    "7.01.01.2.01": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
    "7.01.01.2.02": "Administrasi Keuangan Perangkat Daerah",
    "7.01.01.2.07": "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "7.01.01.2.08": "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
    "7.01.01.2.09": "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
    "7.01.02.2.01": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "7.01.02.2.02": "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja "
                    "Perangkat Daerah yang Ada di Kecamatan",
    "7.01.03.2.01": "Koordinasi Kegiatan Pemberdayaan Desa",
    "7.01.04.2.02": "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
}

# how: ("GU", n_parts, first_month) | ("HONOR", months) | ("RTRW",) | ("LS", tag, month)
#      | ("TU", tag, month, sisa) ; extra key "setoran" for GU rows returning money
SUBS = [
    dict(code="7.01.01.2.01.0001", name="Penyusunan Dokumen Perencanaan Perangkat Daerah",
         pagu=1_949_000, real=1_344_000, pagu_code="7.01.01.2.01.0001",
         real_code="7.01.01.2.01.0001", pad_real=True, rek=[
             (*ATK, "[#] Penyusunan Renja dan RKA", 420_000, 380_000, ("GU", 2, 2)),
             (*CETAK, "[#] Penyusunan Renja dan RKA", 375_000, 250_000, ("GU", 1, 5)),
             (*MAMIN_RAPAT, "[#] Rapat Penyusunan Dokumen Perencanaan", 1_154_000, 714_000, ("GU", 3, 3)),
         ]),
    dict(code="7.01.01.2.02.0001", name="Penyediaan Gaji dan Tunjangan ASN",
         pagu=2_511_744_198, real=1_920_536_667, pagu_code="7.01.01.2.02.0001",
         real_code="7.01.01.2.02.0001", rek="GAJI"),
    dict(code="7.01.01.2.02.0003", name="Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
         pagu=232_309_480, real=230_544_850, pagu_code="7.01.01.2.02.0003",
         real_code="7.01.01.2.02.0003", rek=[
             (*TENAGA_ADM, "[#] Jasa Tenaga Administrasi Keuangan", 168_000_000, 168_000_000, ("HONOR", 12)),
             (*HONOR_KEU, "[#] Honorarium Pengelola Keuangan", 24_000_000, 24_000_000, ("HONOR", 12)),
             (*ATK, "[#] Penatausahaan Keuangan", 9_876_480, 9_105_000, ("GU", 5, 2)),
             (*KERTAS, "[#] Penatausahaan Keuangan", 6_600_000, 6_555_000, ("GU", 4, 2)),
             (*CETAK, "[#] Penatausahaan Keuangan", 4_833_000, 4_800_000, ("GU", 3, 3)),
             (*BAHAN_KOMP, "[#] Penatausahaan Keuangan", 7_500_000, 7_234_850, ("GU", 4, 3)),
             (*MAMIN_RAPAT, "[#] Rapat Verifikasi SPJ", 11_500_000, 10_850_000, ("GU", 6, 2)),
         ]),
    dict(code="7.01.01.2.07.0006", name="Pengadaan Peralatan dan Mesin Lainnya",
         pagu=41_770_632, real=35_700_000, pagu_code="7.01.01.2.07.0006",
         real_code="7.01.01.2.07.0006", rek=[
             (*MODAL_PC, "[#] Pengadaan Komputer", 24_420_000, 24_420_000, ("LS", "modal1", 7)),
             (*MODAL_PERALATAN_PC, "[#] Pengadaan Printer dan Scanner", 8_650_632, 5_680_000, ("LS", "modal2", 9)),
             (*MODAL_PENYIMPAN, "[#] Pengadaan Filling Cabinet", 8_700_000, 5_600_000, ("LS", "modal2", 9)),
         ]),
    dict(code="7.01.01.2.08.0004", name="Penyediaan Jasa Pelayanan Umum Kantor",
         pagu=219_281_850, real=165_705_145, pagu_code="7.01.01.2.08.0004",
         real_code="7.01.01.2.08.0004", rek=[
             (*TENAGA_KEBERSIHAN, "[#] Jasa Tenaga Kebersihan Kantor", 120_000_000, 90_000_000, ("HONOR", 9)),
             (*TENAGA_SUPIR, "[#] Jasa Tenaga Supir", 48_000_000, 36_000_000, ("HONOR", 9)),
             (*JKN_NON, "[#] Iuran Jaminan Sosial Non ASN", 16_800_000, 12_600_000, ("HONOR", 9)),
             (*JKK_NON, "[#] Iuran Jaminan Sosial Non ASN", 1_008_000, 756_000, ("HONOR", 9)),
             (*JKM_NON, "[#] Iuran Jaminan Sosial Non ASN", 1_260_000, 945_000, ("HONOR", 9)),
             (*MAMIN_TAMU, "[#] Jamuan Tamu Kantor", 32_213_850, 25_404_145, ("GU", 8, 2)),
         ]),
    dict(code="7.01.01.2.09.0001",
         name="Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan "
              "Dinas atau Kendaraan Dinas Jabatan",
         pagu=33_550_000, real=32_172_271, pagu_code="7.01.01.2.09.0001",
         real_code="7.01.01.2.09.0001", pad_real=True, rek=[
             (*BBM, "[#] BBM Kendaraan Dinas Jabatan", 18_000_000, 17_946_271, ("GU", 10, 2)),
             (*PML_PERORANGAN, "[#] Servis Kendaraan Dinas Jabatan", 12_550_000, 11_726_000, ("GU", 4, 3)),
             (*PAJAK, "[#] Pajak Kendaraan Dinas Jabatan", 3_000_000, 2_500_000, ("GU", 1, 4)),
         ]),
    dict(code="7.01.01.2.09.0002",
         name="Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan "
              "Dinas Operasional atau Lapangan",
         pagu=33_050_000, real=26_393_393, pagu_code="7.01.01.2.09.0002",
         real_code="7.01.01.2.09.0002", rek=[
             (*BBM, "[#] BBM Kendaraan Operasional", 21_600_000, 17_453_393, ("GU", 10, 2)),
             (*PML_PENUMPANG, "[#] Servis Kendaraan Operasional Roda Empat", 4_850_000, 3_900_000, ("GU", 3, 4)),
             (*PML_RODA2, "[#] Servis Kendaraan Operasional Roda Dua", 3_000_000, 2_250_000, ("GU", 3, 3)),
             (*PAJAK, "[#] Pajak Kendaraan Operasional", 3_600_000, 2_790_000, ("GU", 3, 5)),
         ]),
    dict(code="7.01.01.2.09.0009", name="Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
         pagu=42_500_000, real=42_350_000, pagu_code="7.01.01.2.09.0009",
         real_code="7.01.01.2.09.0009", rek=[
             (*PML_GEDUNG, "[#] Pengecatan Gedung Kantor Kecamatan", 37_500_000, 37_400_000, ("LS", "gedung", 8)),
             (*ALAT_LISTRIK, "[#] Perbaikan Instalasi Listrik Kantor", 5_000_000, 4_950_000, ("GU", 2, 6)),
         ]),
    dict(code="7.01.02.2.01.0002", name="Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
         pagu=781_140_000, real=779_777_200, pagu_code="7.01.02.2.01.02",
         real_code="7.01.02.2.01.0002", rek=[
             (*RT, "[#] Insentif Ketua RT", 486_000_000, 486_000_000, ("RTRW",)),
             (*RW, "[#] Insentif Ketua RW", 162_000_000, 162_000_000, ("RTRW",)),
             (*MAMIN_RAPAT, "[#] Rapat Koordinasi RT-RW se Kecamatan", 54_000_000, 53_872_000, ("GU", 10, 2)),
             (*MAMIN_RAPAT, "[#] Rapat Pembinaan Kewilayahan", 18_540_000, 18_408_000, ("GU", 6, 3)),
             (*PERJADIN, "[#] Pembinaan dan Monitoring Desa", 28_800_000, 28_650_000, ("GU", 8, 2)),
             (*ATK, "[#] Administrasi Pemerintahan", 12_000_000, 11_874_000, ("GU", 5, 2)),
             (*CETAK, "[#] Administrasi Pemerintahan", 19_800_000, 18_973_200, ("GU", 5, 3)),
         ]),
    dict(code="7.01.02.2.02.0003",
         name="Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
         pagu=4_598_000, real=3_975_000, pagu_code="7.01.02.2.02.03",
         real_code="7.01.02.2.02.0003", pad_pagu=True, rek=[
             (*ATK, "[#] Pelayanan Administrasi Terpadu Kecamatan", 1_598_000, 1_375_000, ("GU", 2, 4)),
             (*CETAK, "[#] Pelayanan Administrasi Terpadu Kecamatan", 3_000_000, 2_600_000, ("GU", 3, 3)),
         ]),
    dict(code="7.01.03.2.01.0001",
         name="Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
         pagu=7_303_000, real=6_526_400, pagu_code="7.01.03.2.01.0001",
         real_code="7.01.03.2.01.01", pad_pagu=True, rek=[
             (*MAMIN_RAPAT, "[#] Musrenbang Tingkat Kecamatan", 5_400_000, 4_950_000, ("TU", "musrenbang", 2, 50_000)),
             (*CETAK, "[#] Musrenbang Tingkat Kecamatan", 1_903_000, 1_576_400, ("TU", "musrenbang", 2, 0)),
         ]),
    dict(code="7.01.03.2.01.0003",
         name="Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
         pagu=120_966_000, real=64_147_400, pagu_code="7.01.03.2.01.0003",
         real_code="7.01.03.2.01.03", rek=[
             (*BARANG_MASY, "[#] PMT Penanganan Stunting", 72_000_000, 36_000_000, ("TU", "pmt", 8, 500_000)),
             (*MAMIN_RAPAT, "[#] Koordinasi Pencegahan Stunting", 24_966_000, 15_747_400, ("GU", 6, 3)),
             (*HONOR_NARSUM, "[#] Sosialisasi AKI, AKB dan Stunting", 12_000_000, 6_000_000, ("GU", 2, 5)),
             (*CETAK, "[#] Sosialisasi AKI, AKB dan Stunting", 6_000_000, 3_900_000, ("GU", 2, 5)),
             (*PERJADIN, "[#] Monitoring Kegiatan PKK dan Posyandu", 6_000_000, 2_500_000, ("GU", 2, 6)),
         ]),
    dict(code="7.01.04.2.02.0001",
         name="Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan "
              "Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia",
         pagu=386_530_064, real=351_754_428, pagu_code="7.01.04.2.02.0001",
         real_code="7.01.04.2.02.0001", rek=[
             (*TENAGA_KEAMANAN, "[#] Jasa Tenaga Keamanan dan Linmas", 216_000_000, 216_000_000, ("HONOR", 12)),
             (*MAMIN_RAPAT, "[#] Rapat Koordinasi Trantibum dan Pilkada", 48_530_064, 39_754_428, ("GU", 10, 2)),
             (*PERJADIN, "[#] Patroli dan Monitoring Trantibum", 57_600_000, 46_800_000, ("GU", 10, 2, 150_000)),
             (*MAMIN_LAPANGAN, "[#] Patroli Gabungan Tiga Pilar", 36_000_000, 27_000_000, ("GU", 8, 3)),
             (*ATK, "[#] Administrasi Trantibum", 8_400_000, 6_200_000, ("GU", 4, 2)),
             (*CETAK, "[#] Administrasi Trantibum", 20_000_000, 16_000_000, ("GU", 4, 3)),
         ]),
]
SUB_BY_CODE = {s["code"]: s for s in SUBS}


def gaji_rekening():
    """Gaji rows: pagu as listed, realisasi ~80 % of each gaji component, TPP takes the rest."""
    sub = SUB_BY_CODE["7.01.01.2.02.0001"]
    rows = []
    real_left = sub["real"]
    for kode, nama, pagu in GAJI_A + GAJI_B:
        real = pagu * 4 // 5
        rows.append((kode, nama, "[#] Gaji dan Tunjangan PNS", pagu, real))
        real_left -= real
    tpp_pagu = sum(p for _, _, p in TPP)
    first = real_left * TPP[0][2] // tpp_pagu
    for (kode, nama, pagu), real in zip(TPP, (first, real_left - first)):
        assert 0 < real <= pagu
        rows.append((kode, nama, "[#] Tambahan Penghasilan Pegawai", pagu, real))
    return rows


def check_budget():
    for s in SUBS:
        if s["rek"] == "GAJI":
            rek = gaji_rekening()
            assert sum(r[3] for r in rek) == s["pagu"], s["name"]
            assert sum(r[4] for r in rek) == s["real"], s["name"]
            continue
        assert sum(r[3] for r in s["rek"]) == s["pagu"], (s["name"], sum(r[3] for r in s["rek"]))
        assert sum(r[4] for r in s["rek"]) == s["real"], (s["name"], sum(r[4] for r in s["rek"]))
        for r in s["rek"]:
            assert 0 < r[4] <= r[3], r
    modal = sum(r[3] for s in SUBS if s["rek"] != "GAJI" for r in s["rek"] if r[0].startswith("5.2"))
    assert modal == 41_770_632
    assert sum(s["pagu"] for s in SUBS) == 4_416_692_224
    assert sum(s["real"] for s in SUBS) == 3_660_926_754


def pad_rekening(kode: str) -> str:
    """5.1.02.01.01.0024 -> 5.1.02.01.001.00024 (the padded form some SIPD exports use)."""
    p = kode.split(".")
    return ".".join(p[:4] + [p[4].zfill(3), p[5].zfill(5)])


def program_of(code):
    return ".".join(code.split(".")[:3])


def kegiatan_of(code):
    return ".".join(code.split(".")[:5])


# =========================================================================== SIPD rekap pagu
PAGU_HEADER = ["NO", "TAHUN", "KODE URUSAN", "NAMA URUSAN", "KODE SKPD", "NAMA SKPD", "KODE SUB UNIT",
               "NAMA SUB UNIT", "KODE BIDANG URUSAN", "NAMA BIDANG URUSAN", "KODE PROGRAM", "NAMA PROGRAM",
               "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
               "KODE SUMBER DANA", "NAMA SUMBER DANA", "KODE REKENING", "NAMA REKENING", "PAKET/KELOMPOK",
               "NAMA PAKET/KELOMPOK", "PAGU"]
SUMBER_DANA = ("1.2.01.01.01.0001", "DAU Yang Tidak Ditentukan Penggunaannya")


def build_sipd_pagu():
    wb = new_workbook()
    ws = wb.create_sheet("Rekap Pagu")
    for j, h in enumerate(PAGU_HEADER, 1):
        put(ws, 1, j, h, bold=True, align=None)
    n = 0
    for s in SUBS:
        rek = gaji_rekening() if s["rek"] == "GAJI" else [r[:5] for r in s["rek"]]
        for kode, nama, paket, pagu, _real in rek:
            n += 1
            if s.get("pad_pagu"):
                kode = pad_rekening(kode)
            kg = kegiatan_of(s["code"])
            row = [n, 2024, "7", "UNSUR KEWILAYAHAN", SKPD_CODE, SKPD_NAME, SKPD_CODE, SKPD_NAME,
                   "7.01", "KECAMATAN", program_of(s["code"]), PROGRAMS[program_of(s["code"])],
                   kg, KEGIATAN[kg], s["pagu_code"], s["name"], *SUMBER_DANA, kode, nama,
                   paket, "[-] " + paket[4:], pagu]
            for j, v in enumerate(row, 1):
                put(ws, n + 1, j, v, fmt=RUPIAH if j == 23 else None, align=None)
    widths(ws, 1, [5, 7, 8, 20, 24, 20, 24, 20, 9, 12, 10, 45, 14, 45, 20, 55, 18, 30, 20, 55, 35, 35, 16])
    ws.freeze_panes = "A2"
    save(wb, "sipd-rekap-pagu-2024.xlsx")
    return n


# =========================================================================== SIPD realisasi
REAL_HEADER = ["Kode SKPD", "Nama SKPD", "Kode Sub SKPD", "Nama Sub SKPD", "Kode Fungsi", "Nama Fungsi",
               "Kode Sub Fungsi", "Nama Sub Fungsi", "Kode Urusan", "Nama Urusan", "Kode Bidang Urusan",
               "Nama Bidang Urusan", "Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan",
               "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Nomor Dokumen",
               "Jenis Dokumen", "Jenis Transaksi", "Nomor DPT", "Tanggal Dokumen", "Keterangan Dokumen",
               "Nilai Realisasi", "Nilai Setoran", "NIP Pegawai", "Nama Pegawai", "Tanggal Simpan",
               "Nomor SPD", "Periode SPD", "Nilai SPD", "Tahapan SPD", "Nama Sub Tahapan Jadwal",
               "Tahapan APBD", "Nomor SPP", "Tanggal SPP", "Nomor SPM", "Tanggal SPM", "Nomor SP2D",
               "Tanggal SP2D", "Tanggal Transfer", "Nilai SP2D"]
assert len(REAL_HEADER) == 45 and len(PAGU_HEADER) == 23
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
WEIGHTS = [7, 4, 6, 3, 5, 8, 2, 6, 4, 5, 3, 7]


def split_even(total, n):
    part = total // n
    return [part] * (n - 1) + [total - part * (n - 1)]


def split_uneven(total, n, salt):
    """Split into n positive parts, all but the last rounded to Rp1.000 (deterministic)."""
    if n == 1:
        return [total]
    w = [WEIGHTS[(salt + i) % len(WEIGHTS)] for i in range(n)]
    parts = [total * wi // sum(w) // 1000 * 1000 for wi in w[:-1]]
    parts.append(total - sum(parts))
    assert all(p > 0 for p in parts), (total, n, parts)
    return parts


class Sp2d:
    def __init__(self, jenis, date, desc, transaksi):
        self.jenis, self.date, self.desc, self.transaksi = jenis, date, desc, transaksi
        self.lines = []  # (sub, kode, nama, amount, doc_date, keterangan)


def build_sipd_realisasi():
    sp2ds: dict[str, Sp2d] = {}
    setoran = []  # (sub, kode, nama, amount, date, jenis dokumen, jenis transaksi, keterangan)

    def sp2d(key, jenis, date, desc, transaksi):
        if key not in sp2ds:
            sp2ds[key] = Sp2d(jenis, date, desc, transaksi)
        return sp2ds[key]

    salt = 0
    for s in SUBS:
        if s["rek"] == "GAJI":
            rows = {r[0]: r for r in gaji_rekening()}
            for kode, nama, _ in GAJI_A:
                real = rows[kode][4] + (GAJI_SETORAN if kode == "5.1.01.01.01.0001" else 0)
                parts = split_even(real, 14)
                for m in range(12):
                    sp2d(f"gaji{m}", "LS", dt.date(2024, m + 1, 4), f"Gaji Induk PNS Bulan {BULAN[m]} 2024",
                         "LS Gaji dan Tunjangan").lines.append(
                        (s, kode, nama, parts[m], dt.date(2024, m + 1, 4), None))
                sp2d("thr", "LS", dt.date(2024, 3, 28), "Tunjangan Hari Raya PNS Tahun 2024",
                     "LS Gaji dan Tunjangan").lines.append((s, kode, nama, parts[12], dt.date(2024, 3, 28), None))
                sp2d("gaji13", "LS", dt.date(2024, 6, 14), "Gaji Ketiga Belas PNS Tahun 2024",
                     "LS Gaji dan Tunjangan").lines.append((s, kode, nama, parts[13], dt.date(2024, 6, 14), None))
            for kode, nama, _ in GAJI_B:
                for m, amount in enumerate(split_even(rows[kode][4], 12)):
                    sp2ds[f"gaji{m}"].lines.append((s, kode, nama, amount, dt.date(2024, m + 1, 4), None))
            for kode, nama, _ in TPP:
                for m, amount in enumerate(split_even(rows[kode][4], 12)):
                    sp2d(f"tpp{m}", "LS", dt.date(2024, m + 1, 10), f"TPP PNS Bulan {BULAN[m]} 2024",
                         "LS Gaji dan Tunjangan").lines.append(
                        (s, kode, nama, amount, dt.date(2024, m + 1, 10), None))
            setoran.append((s, "5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", GAJI_SETORAN,
                            dt.date(2024, 8, 20), "LS", "Setoran Pengembalian Belanja (Contra Pos)",
                            "Pengembalian kelebihan pembayaran gaji pokok"))
            continue
        for kode, nama, paket, _pagu, real, how in s["rek"]:
            salt += 1
            what = paket[4:]
            if how[0] == "HONOR":
                for m, amount in enumerate(split_even(real, how[1])):
                    sp2d(f"honor{m}", "LS", dt.date(2024, m + 1, 27),
                         f"Honorarium dan Jasa Tenaga Non ASN Bulan {BULAN[m]} 2024",
                         "LS Barang dan Jasa").lines.append(
                        (s, kode, nama, amount, dt.date(2024, m + 1, 27), f"{what} bulan {BULAN[m]} 2024"))
            elif how[0] == "RTRW":
                for k, amount in enumerate(split_even(real, 2)):
                    month = 6 if k == 0 else 12
                    sp2d(f"rtrw{k}", "LS", dt.date(2024, month, 18),
                         f"Insentif RT dan RW Semester {'I' if k == 0 else 'II'} Tahun 2024",
                         "LS Pihak Ketiga Lainnya").lines.append(
                        (s, kode, nama, amount, dt.date(2024, month, 18),
                         f"{what} semester {'I' if k == 0 else 'II'}"))
            elif how[0] == "LS":
                tag, month = how[1], how[2]
                sp2d(tag, "LS", dt.date(2024, month, 23), f"Pembayaran {what}",
                     "LS Barang dan Jasa").lines.append(
                    (s, kode, nama, real, dt.date(2024, month, 23), f"Pembayaran {what}"))
            elif how[0] == "TU":
                tag, month, sisa = how[1], how[2], how[3]
                sp2d(tag, "TU", dt.date(2024, month, 5), f"Tambahan Uang Persediaan {s['name']}",
                     "TU").lines.append(
                    (s, kode, nama, real + sisa, dt.date(2024, month, 12), f"SPJ TU {what}"))
                if sisa:
                    setoran.append((s, kode, nama, sisa, dt.date(2024, month, 28), "TU", "Setoran Sisa TU",
                                    f"Setoran sisa TU {what}"))
            else:  # GU: spent from uang persediaan, reimbursed by a monthly GU SP2D
                n, first = how[1], how[2]
                back = how[3] if len(how) > 3 else 0
                parts = split_uneven(real + back, n, salt)
                for i, amount in enumerate(parts):
                    month = first + (i * (12 - first)) // max(n - 1, 1) if n > 1 else first
                    month = min(month, 11)
                    day = 3 + (salt * 5 + i * 3) % 18
                    sp2d(f"gu{month}", "GU", dt.date(2024, month + 1, 8),
                         f"Ganti Uang Persediaan atas SPJ Bulan {BULAN[month - 1]} 2024", "GU").lines.append(
                        (s, kode, nama, amount, dt.date(2024, month, day), f"{what} ({i + 1})"))
                if back:
                    setoran.append((s, kode, nama, back, dt.date(2024, 11, 26), "GU",
                                    "Setoran Pengembalian Belanja", f"Pengembalian sisa {what}"))

    # number the SP2Ds in date order, SIPD-style
    ordered = sorted(sp2ds.values(), key=lambda x: (x.date, x.jenis, x.desc))
    rows = []
    tbp = 0
    for seq, sp in enumerate(ordered, 1):
        month = sp.date.month
        total = sum(line[3] for line in sp.lines)
        spp = f"35.09/01.0/{seq:06d}/{sp.jenis}/{SKPD_CODE}/M/{month}/2024"
        spm = f"35.09/02.0/{seq:06d}/{sp.jenis}/{SKPD_CODE}/M/{month}/2024"
        no_sp2d = f"35.09/04.0/{seq:06d}/{sp.jenis}/{SKPD_CODE}/M/{month}/2024"
        spp_date = sp.date - dt.timedelta(days=2)
        spm_date = sp.date - dt.timedelta(days=1)
        for s, kode, nama, amount, doc_date, ket in sorted(sp.lines, key=lambda l: (l[4], l[0]["code"], l[1])):
            if sp.jenis in ("GU", "TU"):
                tbp += 1
                no_dok = f"TBP/{tbp:05d}/{SKPD_CODE}/{doc_date.month:02d}/2024"
            else:
                no_dok = no_sp2d
            rows.append(dict(s=s, kode=kode, nama=nama, no_dok=no_dok, jenis=sp.jenis, transaksi=sp.transaksi,
                             dpt=f"DPT/{sp.date.month:02d}{sp.date.day:02d}/2024", doc_date=doc_date,
                             ket=ket or sp.desc, real=amount, setor=0, spp=spp, spp_date=spp_date, spm=spm,
                             spm_date=spm_date, sp2d=no_sp2d, sp2d_date=sp.date, sp2d_value=total))
    for k, (s, kode, nama, amount, date, jenis, transaksi, ket) in enumerate(setoran, 1):
        rows.append(dict(s=s, kode=kode, nama=nama, no_dok=f"STS/{k:04d}/{SKPD_CODE}/2024", jenis=jenis,
                         transaksi=transaksi, dpt=None, doc_date=date, ket=ket, real=0, setor=amount,
                         spp=None, spp_date=None, spm=None, spm_date=None, sp2d=None, sp2d_date=None,
                         sp2d_value=None))
    rows.sort(key=lambda r: (r["doc_date"], r["sp2d"] or "~", r["s"]["code"], r["kode"]))

    # check: net per sub kegiatan == seed realisasi; 5.2 only on Pengadaan Peralatan dan Mesin
    net = {}
    for r in rows:
        net[r["s"]["code"]] = net.get(r["s"]["code"], 0) + r["real"] - r["setor"]
    for s in SUBS:
        assert net[s["code"]] == s["real"], (s["name"], net[s["code"]], s["real"])
    assert sum(r["real"] - r["setor"] for r in rows if r["kode"].startswith("5.2")) == 35_700_000
    for r in rows:  # every date of the export lies in the budget year
        assert all(d is None or d.year == 2024 for d in (r["doc_date"], r["spp_date"], r["spm_date"],
                                                          r["sp2d_date"])), r
    for sp in ordered:  # spending comes before its GU reimbursement / within its TU
        assert all(line[4] <= sp.date for line in sp.lines) or sp.jenis == "TU"

    wb = new_workbook()
    ws = wb.create_sheet("Data Realisasi Dokumen")
    for j, h in enumerate(REAL_HEADER, 1):
        put(ws, 1, j, h, bold=True, align=None)
    date_cols = {"Tanggal Dokumen", "Tanggal SPP", "Tanggal SPM", "Tanggal SP2D", "Tanggal Transfer"}
    money_cols = {"Nilai Realisasi", "Nilai Setoran", "Nilai SPD", "Nilai SP2D"}
    for i, r in enumerate(rows, 2):
        s = r["s"]
        kode = pad_rekening(r["kode"]) if s.get("pad_real") else r["kode"]
        kg = kegiatan_of(s["code"])
        saved = dt.datetime.combine(r["doc_date"], dt.time(9, (i * 7) % 60, (i * 13) % 60))
        values = {
            "Kode SKPD": SKPD_CODE, "Nama SKPD": SKPD_NAME, "Kode Sub SKPD": SKPD_CODE,
            "Nama Sub SKPD": SKPD_NAME, "Kode Fungsi": "01", "Nama Fungsi": "PELAYANAN UMUM",
            "Kode Sub Fungsi": "01.01",
            "Nama Sub Fungsi": "LEMBAGA EKSEKUTIF DAN LEGISLATIF, MASALAH KEUANGAN DAN FISKAL, SERTA "
                               "URUSAN LUAR NEGERI",
            "Kode Urusan": "7", "Nama Urusan": "UNSUR KEWILAYAHAN", "Kode Bidang Urusan": "7.01",
            "Nama Bidang Urusan": "KECAMATAN", "Kode Program": program_of(s["code"]),
            "Nama Program": PROGRAMS[program_of(s["code"])], "Kode Kegiatan": kg, "Nama Kegiatan": KEGIATAN[kg],
            "Kode Sub Kegiatan": s["real_code"], "Nama Sub Kegiatan": s["name"], "Kode Rekening": kode,
            "Nama Rekening": r["nama"], "Nomor Dokumen": r["no_dok"], "Jenis Dokumen": r["jenis"],
            "Jenis Transaksi": r["transaksi"], "Nomor DPT": r["dpt"], "Tanggal Dokumen": r["doc_date"],
            "Keterangan Dokumen": r["ket"], "Nilai Realisasi": r["real"], "Nilai Setoran": r["setor"],
            "NIP Pegawai": None, "Nama Pegawai": None, "Tanggal Simpan": saved,
            "Nomor SPD": f"35.09/03.0/000027/{SKPD_CODE}/M/1/2024", "Periode SPD": "Januari - Desember",
            "Nilai SPD": 4_416_692_224, "Tahapan SPD": "Murni", "Nama Sub Tahapan Jadwal": "Penetapan APBD",
            "Tahapan APBD": "Murni", "Nomor SPP": r["spp"], "Tanggal SPP": r["spp_date"],
            "Nomor SPM": r["spm"], "Tanggal SPM": r["spm_date"], "Nomor SP2D": r["sp2d"],
            "Tanggal SP2D": r["sp2d_date"], "Tanggal Transfer": r["sp2d_date"], "Nilai SP2D": r["sp2d_value"],
        }
        for j, h in enumerate(REAL_HEADER, 1):
            v = values[h]
            if v is None:
                continue
            if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
                v = dt.datetime.combine(v, dt.time())
            fmt = "yyyy-mm-dd" if h in date_cols else "yyyy-mm-dd hh:mm:ss" if h == "Tanggal Simpan" else \
                RUPIAH if h in money_cols else None
            put(ws, i, j, v, fmt=fmt, align=None)
    widths(ws, 1, [24, 20, 24, 20, 8, 16, 9, 30, 8, 20, 9, 12, 10, 40, 14, 40, 20, 50, 20, 50, 48, 9, 26,
                   14, 12, 45, 15, 13, 12, 12, 19, 45, 18, 16, 10, 18, 10, 45, 12, 45, 12, 45, 12, 12, 16])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(45)}{len(rows) + 1}"
    save(wb, "sipd-realisasi-2024.xlsx")
    return len(rows), len(ordered), len(setoran)


# =========================================================================== Renstra T-C.25
def build_tc25():
    wb = new_workbook()
    ws = wb.create_sheet("T-C.25")
    put(ws, 1, 1, "RENCANA STRATEGIS KECAMATAN KALISAT", bold=True, align=None)
    put(ws, 2, 1, "Tabel T-C.25 Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah", bold=True,
        align=None)
    put(ws, 3, 1, "Tahun 2021-2026", bold=True, align=None)
    top = 5
    for j, h in enumerate(["No", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran"], 1):
        merge(ws, top, j, top + 1, j, h, bold=True, align=CENTER)
    merge(ws, top, 6, top, 11, "Target Kinerja Sasaran pada Tahun ke-", bold=True, align=CENTER)
    for k, year in enumerate(range(2021, 2027)):
        put(ws, top + 1, 6 + k, str(year), bold=True, align=CENTER)
    for j in range(1, 12):
        put(ws, top + 2, j, j, align=CENTER)
    body = top + 3
    sasaran = [
        ("Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
         "Persentase Indikator Program yang tercapai", ["-", "100%", "100%", "100%", "100%", "100%"]),
        ("Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan",
         "Indeks Kepuasan Masyarakat", ["-", 80, 85, 90, 95, 100]),
        ("Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
         "Persentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan",
         ["-", "80%", "80%", "85%", "90%", "95%"]),
        ("Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
         "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat",
         ["-", "100%", "100%", "100%", "100%", "100%"]),
        ("Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan "
         "dan pelayanan publik", "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah",
         ["-", "4 dokumen", "4 dokumen", "4 dokumen", "4 dokumen", "4 dokumen"]),
        ("Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan efisien",
         "Nilai SAKIP OPD", ["-", "B (67)", "B (68)", "B (69)", "B (70)", "B (75)"]),
    ]
    for i, (sas, ind, targets) in enumerate(sasaran):
        r = body + i
        put(ws, r, 4, sas)
        put(ws, r, 5, ind)
        for k, t in enumerate(targets):
            put(ws, r, 6 + k, t, align=CENTER)
    merge(ws, body, 1, body, 1, 1, align=CENTER)
    merge(ws, body, 2, body, 2,
          "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien")
    merge(ws, body, 3, body, 3, "Nilai SAKIP Kecamatan")
    merge(ws, body + 1, 1, body + 5, 1, 2, align=CENTER)
    merge(ws, body + 1, 2, body + 5, 2,
          "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan "
          "dan pelayanan")
    merge(ws, body + 1, 3, body + 5, 3, "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah")
    box(ws, top, 1, body + 5, 11)
    widths(ws, 1, [5, 34, 26, 38, 38, 8, 10, 10, 10, 10, 10])
    save(wb, "renstra-tc25.xlsx")


# =========================================================================== Renstra T-C.27
def build_tc27():
    wb = new_workbook()
    ws = wb.create_sheet("T-C.27")
    put(ws, 1, 2, "Tabel T-C.27", bold=True, align=None)
    put(ws, 2, 2, "Rencana Program, Kegiatan, dan Pendanaan Kecamatan Kalisat Kabupaten Jember", bold=True,
        align=None)
    put(ws, 3, 2, "Renstra Perubahan Tahun 2021-2026 (setelah pemutakhiran)", bold=True, align=None)
    L = 2  # table starts in column B
    top = 5
    c = lambda k: L + k - 1  # column of numbered field (k) -> sheet column
    for k, h in enumerate(["Tujuan", "Sasaran", "Kode", "Program dan Kegiatan",
                           "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)",
                           "Data Capaian pada Tahun Awal Perencanaan"], 1):
        merge(ws, top, c(k), top + 2, c(k), h, bold=True, align=CENTER)
    merge(ws, top, c(7), top, c(18), "Target Kinerja Program dan Kerangka Pendanaan", bold=True, align=CENTER)
    for i, label in enumerate(["Tahun-1 (2022)", "Tahun-2 (2023)", "Tahun-3 (2024)", "Tahun-4 (2025)",
                               "Tahun-5 (2026)",
                               "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah"]):
        merge(ws, top + 1, c(7 + 2 * i), top + 1, c(8 + 2 * i), label, bold=True, align=CENTER)
        put(ws, top + 2, c(7 + 2 * i), "Target", bold=True, align=CENTER)
        put(ws, top + 2, c(8 + 2 * i), "Rp", bold=True, align=CENTER)
    merge(ws, top, c(19), top + 2, c(19), "Unit Kerja Perangkat Daerah Penanggung-jawab", bold=True,
          align=CENTER)
    merge(ws, top, c(20), top + 2, c(20), "Lokasi", bold=True, align=CENTER)
    merge(ws, top, c(21), top, c(28), "Realisasi Kinerja dan Anggaran (Pemutakhiran)", bold=True, align=CENTER)
    for i, year in enumerate(range(2021, 2025)):
        merge(ws, top + 1, c(21 + 2 * i), top + 1, c(22 + 2 * i), str(year), bold=True, align=CENTER)
        put(ws, top + 2, c(21 + 2 * i), "Realisasi", bold=True, align=CENTER)
        put(ws, top + 2, c(22 + 2 * i), "Rp", bold=True, align=CENTER)
    for k in range(1, 29):
        put(ws, top + 3, c(k), f"({k})", align=CENTER)
    r = top + 4

    T24, RP24 = c(11), c(12)           # 2024 target / Rp
    REAL = {2021: c(21), 2022: c(23), 2023: c(25), 2024: c(27)}
    REAL_RP24 = c(28)

    def pct(v):
        return (v, "0%")

    def sasaran_row(row, sas, ind, target24, real):
        put(ws, row, c(2), sas)
        put(ws, row, c(5), ind)
        if target24 is not None:
            v, f = target24 if isinstance(target24, tuple) else (target24, None)
            put(ws, row, T24, v, fmt=f, align=CENTER)
        for year, val in real.items():
            if val is None:
                continue
            v, f = val if isinstance(val, tuple) else (val, None)
            put(ws, row, REAL[year], v, fmt=f, align=CENTER)

    def prog_row(row, code, name, ind, target, rp, real_rp):
        put(ws, row, c(3), code)
        put(ws, row, c(4), name)
        put(ws, row, c(5), ind)
        put(ws, row, T24, target, align=CENTER)
        put(ws, row, RP24, rp, fmt=RUPIAH)
        put(ws, row, REAL_RP24, real_rp, fmt=RUPIAH)
        put(ws, row, c(19), "Kecamatan Kalisat")
        put(ws, row, c(20), "Kecamatan Kalisat")

    blocks = [
        # tujuan, indikator tujuan, [ (sasaran, indikator, target 2024, realisasi, [program rows]) ]
        ("Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien",
         "Nilai SAKIP Kecamatan", [
             ("Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
              "Persentase Indikator Program yang tercapai", pct(1),
              {2021: pct(1), 2022: pct(1), 2023: pct(0.91), 2024: pct(0.87)}, [
                  ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                   "Persentase realisasi anggaran", "100%", 3_116_155_160, 2_454_746_326),
                  ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                   "Jumlah dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                   "10 Dokumen", 1_949_000, 1_344_000),
                  ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah",
                   "Jumlah laporan pertanggungjawaban keuangan", "40 Laporan", 2_744_053_678, 2_151_081_517),
                  ("7.01.01.2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
                   "Jumlah unit peralatan dan mesin lainnya", "10 unit", 41_770_632, 35_700_000),
                  ("7.01.01.2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                   "Jumlah laporan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "12 Laporan",
                   219_281_850, 165_705_145),
                  ("7.01.01.2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
                   "Jumlah laporan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
                   "5 Laporan", 109_100_000, 100_915_664),
              ]),
         ]),
        ("Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan "
         "dan pelayanan", "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah", [
             ("Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
              "Kecamatan", "Indeks Kepuasan Masyarakat", 85,
              {2021: 78, 2022: (82.5, "0.0"), 2023: 84, 2024: 86}, [
                  ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
                   "Terselenggarakannya pemerintahan dan pelayanan publik di tingkat Kecamatan", "100%",
                   785_738_000, 783_752_200),
                  ("7.01.02.2.01", "Koordinasi Penyelenggaraan Pemerintahan di Tingkat Kecamatan",
                   "Persentase Terselenggaranya Kegiatan Koordinasi Penyelenggaraan Pemerintahan di Tingkat "
                   "Kecamatan", "100%", 781_140_000, 779_777_200),
                  ("7.01.02.2.02", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja "
                   "Perangkat Daerah yang Ada di Kecamatan",
                   "Persentase Terselenggaranya Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja "
                   "Perangkat Daerah yang ada di Kecamatan", "100%", 4_598_000, 3_975_000),
              ]),
             ("Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
              "Persentase Fasilitas Kesejahteraan Masyarakat yang dilaksanakan", pct(1),
              {2021: pct(0.8), 2022: pct(0.8), 2023: pct(0.8), 2024: pct(0.85)}, [
                  ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
                   "Cakupan pemberdayaan desa dan kelurahan", "100%", 128_269_000, 70_673_800),
                  ("7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa",
                   "Persentase terlaksananya Kegiatan Pemberdayaan Desa", "100%", 128_269_000, 70_673_800),
              ]),
             ("Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
              "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman "
              "Masyarakat", pct(1), {2021: pct(1), 2022: pct(1), 2023: pct(1), 2024: pct(1)}, [
                  ("7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
                   "Terlaksananya koordinasi ketentraman dan ketertibann umum di tingkat Kecamatan", "100%",
                   386_530_064, 351_754_428),
                  ("7.01.04.2.02", "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala "
                   "Daerah", "Cakupan Penerapan dan Penegakan Peraturan Daerah", "100%", 386_530_064,
                   351_754_428),
              ]),
             ("Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan "
              "dan pelayanan publik",
              "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah", None,
              {2021: None, 2022: None, 2023: None, 2024: "4 dokumen"}, []),
             ("Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan efisien",
              "Nilai SAKIP OPD", None, {2021: None, 2022: None, 2023: (79.5, "0.00"), 2024: (80.41, "0.00")}, []),
         ]),
    ]
    first = r
    for tujuan, ind_tujuan, sasarans in blocks:
        t0 = r
        put(ws, r, c(5), ind_tujuan)
        r += 1
        for sas, ind, target24, real, progs in sasarans:
            s0 = r
            sasaran_row(r, sas, ind, target24, real)
            r += 1
            for prog in progs:
                prog_row(r, *prog)
                r += 1
            if r - 1 > s0:
                ws.merge_cells(start_row=s0, start_column=c(2), end_row=r - 1, end_column=c(2))
        merge(ws, t0, c(1), r - 1, c(1), tujuan)
    box(ws, top, c(1), r - 1, c(28))
    put(ws, r + 1, c(1), "Sumber : Renstra Perubahan Kecamatan Kalisat Tahun 2021-2026 setelah pemutakhiran; "
                         "target dan pendanaan tahun 2024 sesuai RKT dan DPA Tahun 2024", align=None)
    widths(ws, 1, [3, 30, 30, 13, 38, 40, 12] + [10, 15] * 6 + [18, 18] + [10, 15] * 4)
    assert r > first
    save(wb, "renstra-tc27.xlsx")


# =========================================================================== Perjanjian Kinerja
PK_ROWS = [
    (1, "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan "
        "pelayanan publik", "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah", "4 dokumen"),
    (2, "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan",
     "Indeks Kepuasan Masyarakat", 90),
    (3, "Meningkatnya Fasilitasi Kesejahteraan Masyarakat di Kecamatan",
     "Persentase Fasilitasi Kesejahteraan Masyarakat yang dilaksanakan", "85%"),
    (4, "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
     "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat",
     "100%"),
    (5, "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan efisien",
     "Nilai SAKIP OPD", "B (69)"),
    (6, "Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
     "Persentase Indikator Program yang tercapai", "100%"),
]
PK_PROGRAMS = [
    ("1. Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota", "Rp. 3.116.155.160", "APBD"),
    ("2. Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik", "Rp. 785.738.000", "APBD"),
    ("3. Program Pemberdayaan Masyarakat Desa Dan Kelurahan", "Rp. 128.269.000", "APBD"),
    ("4. Program Koordinasi Ketentraman Dan Ketertiban Umum", "Rp. 386.530.064", "APBD"),
    ("Jumlah", "Rp. 4.416.692.224", None),
]


def program_block(ws, top, left):
    """The Program | Anggaran | Keterangan block under the PK table (PK and LKIP Tabel 2.3)."""
    for j, h in enumerate(["Program", "Anggaran", "Keterangan"]):
        put(ws, top, left + j, h, bold=True, align=CENTER)
    end = write_rows(ws, top + 1, left, PK_PROGRAMS, bold_rows=(len(PK_PROGRAMS) - 1,))
    box(ws, top, left, end - 1, left + 2)
    return end


def build_pk():
    wb = new_workbook()
    ws = wb.create_sheet("PK 2024")
    merge(ws, 2, 2, 2, 5, "PERJANJIAN KINERJA TAHUN 2024 KECAMATAN KALISAT", bold=True, align=CENTER)
    top = 4
    for j, h in enumerate(["NO", "TUJUAN/SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"]):
        put(ws, top, 2 + j, h, bold=True, align=CENTER)
        put(ws, top + 1, 2 + j, f"({j + 1})", align=CENTER)
    end = write_rows(ws, top + 2, 2, PK_ROWS)
    box(ws, top, 2, end - 1, 5)
    end = program_block(ws, end + 1, 3)
    r = end + 1
    for text in ["BUPATI JEMBER,", None, None, "Ir.H.HENDY SISWANTO, ST, IPU, ASEAN Eng."]:
        if text:
            put(ws, r, 3, text, align=None)
        r += 1
    r = end + 1
    for text in ["Jember, 26 Januari 2024", "CAMAT KALISAT,", None, None, "Drs. RUSDIYANTO, M.Si.",
                 "NIP. 19680906 199503 1 003"]:
        if text:
            put(ws, r, 5, text, align=None)
        r += 1
    widths(ws, 1, [3, 6, 52, 45, 22])
    save(wb, "pk-2024.xlsx")


# =========================================================================== RKT
def build_rkt():
    wb = new_workbook()
    ws = wb.create_sheet("RKT 2024")
    L = 2
    for i, t in enumerate(["PEMERINTAH KABUPATEN JEMBER", "KECAMATAN KALISAT",
                           "JL. DIPONEGORO NO.36 A KALISAT - JEMBER 68193", "RENCANA KINERJA TAHUNAN (RKT)",
                           "TAHUN 2024"]):
        put(ws, 1 + i, L, t, bold=True, align=None)
    # RPJMD block
    put(ws, 7, L, "RPJMD", bold=True, align=None)
    top = 8
    for j, h in enumerate(["Misi", "Tujuan RPJMD", "Indikator Tujuan", "Sasaran RPJMD", "Indikator Sasaran"]):
        put(ws, top, L + j, h, bold=True, align=CENTER)
    merge(ws, top + 1, L, top + 2, L, "MEMBANGUN TATA KELOLA PEMERINTAHAN YANG KONDUSIF ANTARA EKSEKUTIF, "
          "LEGISLATIF, MASYARAKAT, DAN KOMPONEN PEMBANGUNAN DAERAH LAINNYA")
    merge(ws, top + 1, L + 1, top + 2, L + 1, "MENINGKATKAN TATA KELOLA PEMERINTAHAN YANG EFEKTIF, MELALUI "
          "SINERGI DENGAN SELURUH ELEMEN PEMBANGUNAN DAERAH DAN PENINGKATAN KUALITAS PELAYANAN PUBLIK.")
    merge(ws, top + 1, L + 2, top + 2, L + 2, "INDEKS REFORMASI BIROKRASI (IRB)")
    put(ws, top + 1, L + 3, "MENINGKATNYA KUALITAS PENGELOLAAN KEUANGAN DAN ASET DAERAH YANG PROFESIONAL, "
        "EFEKTIF, DAN EFISIEN")
    put(ws, top + 1, L + 4, "NILAI SAKIP")
    put(ws, top + 2, L + 3, "MENINGKATNYA PENATAAN ORGANISASI PEMERINTAH DAERAH DAN TATA LAKSANA "
        "PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK")
    put(ws, top + 2, L + 4, "KETERSEDIAAN DOKUMEN PENATAAN ORGANISASI DAN TATA LAKSANA PEMERINTAH DAERAH")
    box(ws, top, L, top + 2, L + 4)

    # RKT block
    put(ws, 13, L, "RKT", bold=True, align=None)
    top = 14
    merge(ws, top, L, top, L + 1, "TUJUAN PD", bold=True, align=CENTER)
    merge(ws, top, L + 2, top, L + 4, "SASARAN PD", bold=True, align=CENTER)
    merge(ws, top, L + 5, top, L + 7, "PROGRAM/ KEGIATAN", bold=True, align=CENTER)
    merge(ws, top, L + 8, top, L + 11, "SUB KEGIATAN", bold=True, align=CENTER)
    for j, h in enumerate(["Uraian", "Indikator Tujuan", "Uraian", "Indikator Sasaran", "Target",
                           "Nama Program Kegiatan", "Indikator", "Target", "Nama Sub Kegiatan",
                           "Indikator kegiatan (Output)", "Target", "Anggaran"]):
        put(ws, top + 1, L + j, h, bold=True, align=CENTER)
    r0 = top + 2
    # (program/kegiatan name, indikator, target, sub name, sub indikator, sub target, anggaran)
    P, K = "P", "K"
    rows = [
        (P, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase realisasi anggaran",
         "100%", None, None, None, None),
        (K, "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
         "Jumlah dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "10 Dokumen",
         "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah",
         "10 Dokumen", 1_949_000),
        (K, "Administrasi Keuangan Perangkat Daerah", "Jumlah laporan pertanggungjawaban keuangan", "40 Laporan",
         "Penyediaan Gaji dan Tunjangan ASN", "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN",
         "18 Orang/bulan", 2_511_744_198),
        (None, None, None, None, "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
         "Jumlah Dokumen Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "12 Dokumen", 232_309_480),
        (K, "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
         "Jumlah unit peralatan dan mesin lainnya", "10 unit", "Pengadaan Peralatan dan Mesin Lainnya",
         "Jumlah unit peralatan dan mesin lainnya yang disediakan", "10 unit", 41_770_632),
        (K, "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
         "Jumlah laporan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "12 Laporan",
         "Penyediaan Jasa Pelayanan Umum Kantor",
         "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan", "12 Laporan", 219_281_850),
        (K, "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
         "Jumlah laporan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "5 Laporan",
         "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau "
         "Kendaraan Dinas Jabatan",
         "Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara dan dibayarkan Pajaknya",
         "1 Unit", 33_550_000),
        (None, None, None, None, "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan "
         "Kendaraan Dinas Operasional atau Lapangan", "Jumlah Kendaraan Dinas Operasional atau Lapangan yang "
         "Dipelihara dan dibayarkan Pajak dan Perizinannya", "3 Unit", 33_050_000),
        (None, None, None, None, "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
         "Jumlah Gedung Kantor dan Bangunan Lainnya yang dipelihara/direhabilitasi", "1 Unit", 42_500_000),
        # sasaran IKM
        (P, "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
         "Terselenggarakannya pemerintahan dan pelayanan publik di tingkat Kecamatan", "100%", None, None, None,
         785_738_000),
        (K, "Koordinasi Penyelenggaraan Pemerintahan di Tingkat Kecamatan",
         "Persentase Terselenggaranya Kegiatan Koordinasi Penyelenggaraan Pemerintahan di Tingkat Kecamatan",
         "100%", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
         "Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat kecamatan", "12 Dokumen",
         781_140_000),
        (K, "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah yang "
         "Ada di Kecamatan", "Persentase Terselenggaranya Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit "
         "Kerja Perangkat Daerah yang ada di Kecamatan", "100%",
         "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
         "Jumlah Laporan Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di wilayah kecamatan",
         "12 Laporan", 4_598_000),
        # sasaran fasilitasi
        (P, "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "Cakupan pemberdayaan desa dan kelurahan",
         "100%", None, None, None, 128_269_000),
        (K, "Koordinasi Kegiatan Pemberdayaan Desa", "Persentase terlaksananya Kegiatan Pemberdayaan Desa",
         "100%", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
         "Jumlah Lembaga Kemasyarakatan yang berpartisipasi dalam Forum Musyawarah Perencanaan Pembangunan "
         "di Desa", "1 Lembaga", 7_303_000),
        # cut off by the page break in the seed: target not printed; anggaran = DPA value (see README)
        (None, None, None, None, "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
         "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan", None,
         120_966_000),
        # sasaran trantib
        (P, "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM",
         "Terlaksananya koordinasi ketentraman dan ketertibann umum di tingkat Kecamatan", "100%", None, None,
         None, 386_530_064),
        (K, "Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
         "Cakupan Penerapan dan Penegakan Peraturan Daerah", "100%",
         "Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan Peraturan "
         "Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia",
         "Jumlah Laporan Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan "
         "Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia", "12 Laporan",
         386_530_064),
    ]
    for i, (kind, name, ind, tgt, sub, sub_ind, sub_tgt, ang) in enumerate(rows):
        r = r0 + i
        if kind:
            put(ws, r, L + 5, name, bold=(kind == P))
            put(ws, r, L + 6, ind)
            put(ws, r, L + 7, tgt, align=CENTER)
        for j, v in enumerate((sub, sub_ind, sub_tgt)):
            if v is not None:
                put(ws, r, L + 8 + j, v, align=CENTER if j == 2 else WRAP)
        if ang is not None:
            put(ws, r, L + 11, ang, fmt=RUPIAH)
    # kegiatan cells spanning their sub kegiatan rows
    for start, n in ((2, 2), (6, 3), (13, 2)):
        for j in (5, 6, 7):
            ws.merge_cells(start_row=r0 + start, start_column=L + j, end_row=r0 + start + n - 1, end_column=L + j)
    # tujuan / sasaran cells spanning their rows
    t1 = "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien."
    merge(ws, r0, L, r0 + 8, L, t1)
    merge(ws, r0, L + 1, r0 + 8, L + 1, "Nilai SAKIP Kecamatan")
    merge(ws, r0, L + 2, r0 + 8, L + 2, "Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah")
    merge(ws, r0, L + 3, r0 + 8, L + 3, "Persentase Indikator Program yang tercapai")
    merge(ws, r0, L + 4, r0 + 8, L + 4, "100 %", align=CENTER)
    t2 = ("Meningkatnya penataan organisasi pemerintah daerah dan tata laksana pelaksanaan penyelenggaraan "
          "pemerintahan dan pelayanan publik")
    merge(ws, r0 + 9, L, r0 + 16, L, t2)
    merge(ws, r0 + 9, L + 1, r0 + 16, L + 1, "Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah")
    for a, b, sas, ind, tgt in (
            (9, 11, "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
                    "Kecamatan", "Indeks Kepuasan Masyarakat", 85),
            (12, 14, "Meningkatnya Fasilitasi Kesejahteraan Masyarakat di Kecamatan",
             "Persentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan", "100%"),
            (15, 16, "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
             "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman "
             "Masyarakat", "100%")):
        merge(ws, r0 + a, L + 2, r0 + b, L + 2, sas)
        merge(ws, r0 + a, L + 3, r0 + b, L + 3, ind)
        merge(ws, r0 + a, L + 4, r0 + b, L + 4, tgt, align=CENTER)
    rj = r0 + len(rows)
    merge(ws, rj, L, rj, L + 10, "JUMLAH", bold=True, align=CENTER)
    put(ws, rj, L + 11, 4_416_692_224, fmt=RUPIAH, bold=True)
    box(ws, top, L, rj, L + 11)
    r = rj + 2
    for text in ["Jember, 29 Januari 2024", "CAMAT KALISAT,", None, None, "Drs. RUSDIYANTO M.Si.",
                 "NIP. 19680906 199503 1 003"]:
        if text:
            put(ws, r, L + 9, text, align=None)
        r += 1
    widths(ws, 1, [3, 28, 22, 28, 26, 9, 30, 30, 12, 34, 34, 13, 16])
    save(wb, "rkt-2024.xlsx")


# =========================================================================== LKIP tables
def titles(ws, lines, col=1, row=1):
    for i, t in enumerate(lines):
        put(ws, row + i, col, t, bold=True, align=None)
    return row + len(lines)


def sheet_11(wb):
    ws = wb.create_sheet("Tabel 1.1")
    titles(ws, ["Tabel 1.1", "Komposisi Pegawai Kecamatan Kalisat Tahun 2024"])
    top = 4
    merge(ws, top, 1, top + 1, 1, "Jabatan", bold=True, align=CENTER)
    merge(ws, top, 2, top, 6, "Kebutuhan", bold=True, align=CENTER)
    merge(ws, top, 7, top, 12, "Bezetting/Pegawai Yang Ada", bold=True, align=CENTER)
    merge(ws, top, 13, top + 1, 13, "L", bold=True, align=CENTER)
    merge(ws, top, 14, top + 1, 14, "P", bold=True, align=CENTER)
    for j, h in enumerate(["Σ", "SMA", "D3", "S1", "S2", "Σ", "SMP", "SMA", "D3", "S1", "S2"]):
        put(ws, top + 1, 2 + j, h, bold=True, align=CENTER)
    _ = None
    body = [
        ("Jabatan Pimpinan Tinggi",),
        ("Jabatan Administrasi",),
        ("1. Administrator", 2, _, _, 1, 1, 1, _, _, _, _, 1, 1, _),
        ("2. Pengawas", 6, _, _, 6, _, 6, _, 2, _, 4, _, 5, 1),
        ("3. Pelaksana", 14, 6, 7, 1, _, 8, 3, 4, _, 1, _, 8, _),
        ("Jabatan Fungsional",),
        ("Non ASN", _, _, _, _, _, 14, _, 11, _, 3, _, 12, 2),
        ("Jumlah", 22, 6, 7, 8, 1, 29, 3, 17, _, 8, 1, 26, 3),
    ]
    r = top + 2
    for row in body:
        if len(row) == 1:
            merge(ws, r, 1, r, 14, row[0], bold=True)
        else:
            for j, v in enumerate(row):
                if v is not None:
                    put(ws, r, 1 + j, v, fmt="0" if j else None, bold=(row[0] == "Jumlah"),
                        align=CENTER if j else WRAP)
        r += 1
    box(ws, top, 1, r - 1, 14)
    put(ws, r, 1, "Sumber : Data Kepegawaian Kecamatan Kalisat 2024", align=None)
    widths(ws, 1, [24] + [6] * 13)


def sheet_12(wb):
    ws = wb.create_sheet("Tabel 1.2")
    titles(ws, ["Tabel 1.2", "Profil Sarana dan Prasarana Kecamatan Kalisat", "Per 31 Desember 2024"])
    top = 5
    for j, h in enumerate(["No", "Sarana Prasarana", "Jumlah", "Kondisi", "Jumlah ideal"]):
        put(ws, top, 1 + j, h, bold=True, align=CENTER)
    items = [
        ("Tanah", 1, "Baik", 1), ("Gedung Kantor", 1, "Baik", 1), ("Rumah Dinas Kantor", 1, "Baik : 0 Rusak : 1", 1),
        ("Mobil Dinas Jabatan", 1, "Baik", 1), ("Kendaraan Operasional", 3, "Baik", 3), ("Genset", 1, "Baik", 1),
        ("Gerobak Dorong", 2, "Baik : 0 Rusak : 2", 2), ("Gergaji Mesin", 1, "Baik", 1),
        ("Lemari Besi", 12, "Baik", 12), ("Lemari Kayu", 4, "Baik", 4), ("Rak Kayu", 22, "Baik", 28),
        ("Filling Cabinet", 5, "Baik", 5), ("Brangkas", 1, "Baik", 1), ("Meja Pejabat", 7, "Baik", 7),
        ("Kursi Pejabat", 4, "Baik", 7), ("UPS", 3, "Rusak", 3), ("Kamera DSLR", 1, "Baik", 1),
        ("Lensa Kamera DSLR", 1, "Baik", 1), ("Wireless Amplifier", 1, "Baik", 1),
        ("Antene SHF Stationary", 1, "Rusak", 1), ("Komputer", 8, "Baik : 5 Rusak : 3", 8),
        ("Laptop", 12, "Baik : 10 Rusak : 2", 15), ("Printer", 12, "Baik", 15), ("Scanner", 1, "Baik", 2),
    ]
    r = top + 1
    for i, (name, n, kondisi, ideal) in enumerate(items, 1):
        put(ws, r, 1, i, fmt="0", align=CENTER)
        put(ws, r, 2, name)
        put(ws, r, 3, n, fmt="0", align=CENTER)
        put(ws, r, 4, kondisi)
        put(ws, r, 5, ideal, fmt="0", align=CENTER)
        r += 1
    put(ws, r, 2, "Jumlah", bold=True)
    put(ws, r, 3, 112, fmt="0", bold=True, align=CENTER)
    put(ws, r, 5, 128, fmt="0", bold=True, align=CENTER)
    box(ws, top, 1, r, 5)
    put(ws, r + 1, 1, "Sumber Data : Kartu Inventaris Barang Kecamatan Kalisat Tahun 2024", align=None)
    widths(ws, 1, [5, 26, 9, 20, 12])


def sheet_13(wb):
    ws = wb.create_sheet("Tabel 1.3")
    titles(ws, ["Tabel 1.3", "Anggaran Kecamatan Kalisat", "Tahun 2024"])
    top = 5
    for j, h in enumerate(["No", "Program/ Kegiatan/ Sub Kegiatan", "Anggaran (Rp,-)"]):
        put(ws, top, 1 + j, h, bold=True, align=CENTER)
    rows = [
        ("1", "Program Penunjang Urusan pemerintahan Daerah Kabupaten / Kota", "Rp3.116.155.160"),
        ("1.1", "Kegiatan Perencanaan Penganggaran dan Evaluasi Kinerja Perangkat daerah", "Rp1.949.000"),
        (None, "Sub Kegiatan Penyusunan Dokumen Perencanaan Perangkat Daerah", "Rp1.949.000"),
        ("1.2", "Kegiatan Administrasi Keuangan Perangkat Daerah", "Rp2.744.053.678"),
        (None, "Sub Kegiatan Penyediaan Gaji dan Tunjangan ASN", "Rp2.511.744.198"),
        (None, "Sub Kegiatan Pelaksanaan Penatausahaan dan pengujian/verifikasi keuangan SKPD", "Rp232.309.480"),
        ("1.3", "Kegiatan Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "Rp41.770.632"),
        (None, "Sub Kegiatan Pengadaan Peralatan dan Mesin Lainnya", "Rp41.770.632"),
        ("1.4", "Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "Rp219.281.850"),
        (None, "Sub Kegiatan Penyediaan Jasa Pelayanan Umum Kantor", "Rp219.281.850"),
        ("1.5", "Kegiatan Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "Rp109.100.000"),
        (None, "Sub Kegiatan Penyediaan jasa pemeliharaan, biaya pemeliharaan, dan pajak kendaraan perorangan "
               "dinas atau kendaraan dinas jabatan", "Rp33.550.000"),
        (None, "Sub Kegiatan Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan "
               "Dinas Operasional atau Lapangan", "Rp33.050.000"),
        (None, "Sub Kegiatan Pemeliharaan/ Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "Rp42.500.000"),
        ("2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Rp785.738.000"),
        ("2.1", "Kegiatan Koordinasi Penyelenggaraan Pemerintahan di Tingkat Kecamatan", "Rp781.140.000"),
        (None, "Sub Kegiatan Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", "Rp781.140.000"),
        ("2.2", "Kegiatan Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat "
                "Daerah yang Ada di Kecamatan", "Rp4.598.000"),
        (None, "Sub Kegiatan Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
         "Rp4.598.000"),
        ("3", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", "Rp128.269.000"),
        ("3.1", "Kegiatan Koordinasi Kegiatan Pemberdayaan Desa", "Rp128.269.000"),
        (None, "Sub Kegiatan Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di "
               "Desa", "Rp7.303.000"),
        (None, "Sub Kegiatan Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
         "Rp120.966.000"),
        ("4", "Program Koordinasi Ketentraman dan Ketertiban Umum", "Rp386.530.064"),
        ("3.1", "Kegiatan Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
         "Rp386.530.064"),
        (None, "Sub Kegiatan Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang "
               "Penegakan Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia",
         "Rp386.530.064"),
        (None, "JUMLAH", "Rp4.416.692.224"),
    ]
    r = top + 1
    for no, name, amount in rows:
        is_head = no is not None and "." not in no
        if no:
            put(ws, r, 1, no, align=CENTER, bold=is_head)
        put(ws, r, 2, name, bold=is_head or name == "JUMLAH")
        put(ws, r, 3, amount, bold=is_head or name == "JUMLAH",
            align=Alignment(horizontal="right", vertical="top"))
        r += 1
    box(ws, top, 1, r - 1, 3)
    put(ws, r, 1, "Sumber Data : Dokumen Pelaksanaan Anggaran Kecamatan Kalisat Tahun 2024", align=None)
    widths(ws, 1, [6, 70, 18])


def sasaran_target_table(ws, top, left, rows):
    merge(ws, top, left, top + 1, left, "Sasaran", bold=True, align=CENTER)
    merge(ws, top, left + 1, top + 1, left + 1, "Indikator Sasaran", bold=True, align=CENTER)
    merge(ws, top, left + 2, top, left + 7, "Target Kinerja Sasaran pada Tahun", bold=True, align=CENTER)
    for k, year in enumerate(range(2021, 2027)):
        put(ws, top + 1, left + 2 + k, str(year), bold=True, align=CENTER)
    r = top + 2
    for sas, ind, targets in rows:
        put(ws, r, left, sas)
        put(ws, r, left + 1, ind)
        for k, t in enumerate(targets):
            put(ws, r, left + 2 + k, t, align=CENTER)
        r += 1
    box(ws, top, left, r - 1, left + 7)
    return r


def sheet_21(wb):
    ws = wb.create_sheet("Tabel 2.1")
    titles(ws, ["Tabel 2.1", "Matriks Tujuan Dan Sasaran Rencana Strategis Kecamatan Kalisat", "Tahun 2021-2026"])
    r = 5
    put(ws, r, 1, "Tujuan 1 : Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, "
                  "efektif, dan efisien.", align=None)
    put(ws, r + 1, 1, "Indikator Tujuan 1 : Nilai SAKIP OPD", align=None)
    r = sasaran_target_table(ws, r + 3, 1, [
        ("Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
         "Persentase Indikator Program yang tercapai", ["-", "100%", "100%", "100%", "100%", "100%"])])
    put(ws, r, 1, "Sumber : Tabel TC 25 Rencana Strategis Kecamatan Kalisat tahun 2021-2026", align=None)
    r += 2
    put(ws, r, 1, "Tujuan 2 : Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan "
                  "Berkualitas di Kecamatan", align=None)
    put(ws, r + 1, 1, "Indikator Tujuan 2 : Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah "
                      "Daerah", align=None)
    r = sasaran_target_table(ws, r + 3, 1, [
        ("Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan",
         "Indeks Kepuasan Masyarakat", ["-", 80, 85, 90, 95, 100]),
        ("Meningkatnya Fasilitasi Kesejahteraan Masyarakat di Kecamatan",
         "Persentase Fasilitasi Kesejahteraan masyarakat yang dilaksanakan",
         ["-", "80%", "80%", "85%", "90%", "95%"]),
        ("Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
         "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat",
         ["-", "100%", "100%", "100%", "100%", "100%"]),
    ])
    put(ws, r, 1, "Sumber : Tabel TC 25 Rencana Strategis Kecamatan Kalisat tahun 2021-2026", align=None)
    widths(ws, 1, [40, 40, 8, 8, 8, 8, 8, 8])


def sheet_23(wb):
    ws = wb.create_sheet("Tabel 2.3")
    titles(ws, ["Tabel 2.3", "Perjanjian Kinerja Kecamatan Kalisat"])
    top = 4
    for j, h in enumerate(["No", "Sasaran Strategis", "Indikator Kinerja", "Target Tahun 2024"]):
        put(ws, top, 1 + j, h, bold=True, align=CENTER)
    rows = [
        (1, "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan "
            "dan pelayanan publik", "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah",
         "4 dokumen"),
        (2, "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
            "Kecamatan", "Indeks Kepuasan Masyarakat", 90),
        (3, "Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
         "Persentase Fasilitas Kesejahteraan Masyarakat yang dilaksanakan", "85%"),
        (4, "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
         "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat",
         "100%"),
        (5, "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan efisien",
         "Nilai SAKIP OPD", "B (69)"),
        (6, "Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
         "Persentase Indikator Program yang tercapai", "100%"),
    ]
    end = write_rows(ws, top + 1, 1, rows)
    box(ws, top, 1, end - 1, 4)
    put(ws, end, 1, "Sumber: Dokumen Perjanjian Kinerja Kecamatan Kalisat tahun 2024", align=None)
    program_block(ws, end + 2, 2)
    widths(ws, 1, [5, 50, 45, 16])


def sheet_31(wb):
    ws = wb.create_sheet("Tabel 3.1")
    titles(ws, ["Tabel 3.1", "Skala Nilai Peringkat Kinerja"])
    top = 4
    for j, h in enumerate(["No", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja",
                           "Kode"]):
        put(ws, top, 1 + j, h, bold=True, align=CENTER)
    rows = [("1.", "≥ 90", "Sangat Tinggi"), ("2.", "76 ≤ 90", "Tinggi"), ("3.", "66 ≤ 75", "Sedang"),
            ("4.", "51 ≤ 65", "Rendah"), ("5.", "≤ 50", "Sangat Rendah")]
    end = write_rows(ws, top + 1, 1, rows)
    box(ws, top, 1, end - 1, 4)
    put(ws, end, 1, "Sumber : Permendagri nomor 86 tahun 2017", align=None)
    widths(ws, 1, [5, 22, 24, 8])


def sheet_32(wb):
    ws = wb.create_sheet("Tabel 3.2")
    put(ws, 1, 1, "Tabel 3.2", bold=True, align=None)
    put(ws, 2, 1, "Pengukuran Realisasi Kinerja Tahun 2024", bold=True, align=None)
    top, L = 4, 2
    heads = ["No", "Sasaran Strategis", "Indikator Sasaran", "Target 2024", "Realisasi 2024",
             "Tingkat Capaian Kinerja (% realisasi)", "Target Akhir Renstra (2026)",
             "Tingkat capaian terhadap target akhir renstra"]
    for j, h in enumerate(heads):
        put(ws, top, L + j, h, bold=True, align=CENTER)
    for j, h in enumerate([1, 2, 3, 4, 5, "6 (5/4 *100%)", 7, "8 (5/7 *100%)"]):
        put(ws, top + 1, L + j, h, align=CENTER)
    rows = [
        (1, "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan "
            "dan pelayanan publik", "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah",
         "4 Dokumen", "4 Dokumen", "100%", "4 Dokumen", "100%"),
        (2, "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
            "Kecamatan", "Indeks Kepuasan Masyarakat", 90, 86, "95,56%", 100, "86%"),
        (3, "Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
         "Persentase Fasilitas Kesejahteraan Masyarakat yang dilaksanakan", "85%", "85%", "100%", "95%", "89,5%"),
        (4, "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
         "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat",
         "100%", "100%", "100%", "100%", "100%"),
        (5, "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan efisien",
         "Nilai SAKIP OPD", 69, "80,41", "116,54%", 75, "107,21%"),
        (6, "Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
         "Persentase Indikator Program yang tercapai", "100%", "87%", "87%", "100%", "87%"),
    ]
    r = top + 2
    for row in rows:
        for j, v in enumerate(row):
            put(ws, r, L + j, v, fmt="0" if isinstance(v, int) else None, align=WRAP if j in (1, 2) else CENTER)
        r += 1
    box(ws, top, L, r - 1, L + 7)
    put(ws, r, L, "Sumber data : Dokumen PK Kecamatan Kalisat Tahun 2024 dan tabel TC.25 Setelah Pemutakhiran "
                  "pada Rencana Strategis Kecamatan Kalisat tahun 2021-2026", align=None)
    widths(ws, 1, [3, 5, 38, 34, 11, 11, 14, 14, 16])


def sheet_33(wb):
    ws = wb.create_sheet("Tabel 3.3")
    titles(ws, ["Tabel 3.3", "Perbandingan Capaian kinerja Sasaran tahun 2024 dengan tahun sebelumnya"])
    top = 4
    merge(ws, top, 1, top + 1, 1, "Sasaran Strategis", bold=True, align=CENTER)
    merge(ws, top, 2, top + 1, 2, "Indikator Sasaran", bold=True, align=CENTER)
    merge(ws, top, 3, top, 6, "Realisasi", bold=True, align=CENTER)
    for k, year in enumerate(range(2021, 2025)):
        put(ws, top + 1, 3 + k, str(year), bold=True, align=CENTER)
    rows = [
        ("Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan "
         "pelayanan publik", "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah",
         "-", "-", "-", "4 dokumen"),
        ("Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan",
         "Indeks Kepuasan Masyarakat", 78, "82,5", 84, 86),
        ("Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
         "Persentase Fasilitas Kesejahteraan Masyarakat yang dilaksanakan", "80%", "80%", "80%", "85%"),
        ("Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
         "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat",
         "100%", "100%", "100%", "100%"),
        ("Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan efisien",
         "Nilai SAKIP OPD", "-", "-", "79,50", "80,41"),
        ("Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
         "Persentase Indikator Program yang tercapai", "100%", "100%", "91%", "87%"),
    ]
    r = top + 2
    for row in rows:
        for j, v in enumerate(row):
            put(ws, r, 1 + j, v, fmt="0" if isinstance(v, int) else None, align=WRAP if j < 2 else CENTER)
        r += 1
    box(ws, top, 1, r - 1, 6)
    put(ws, r, 1, "Sumber Data Realisasi: tabel TC.27 Setelah Pemutakhiran pada Rencana Strategis Kecamatan "
                  "Kalisat tahun 2021-2026", align=None)
    widths(ws, 1, [40, 38, 10, 10, 10, 12])


T35 = [
    ("Sasaran 1 : Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan "
     "pemerintahan dan pelayanan publik", [
         ("Program 1 : Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota",),
         ("Kegiatan 1 : Perencanaan, Panggaran, dan Evaluasi Kinerja Perangkat Daerah",),
         ("Sub Kegiatan : Penyusunan Dokumen Perencanaan Perangkat Daerah", "Rp. 1.949.000", "Rp. 1.344.000", 69),
         ("Kegiatan 2 : Administrasi Keuangan Perangkat Daerah",),
         ("Sub Kegiatan 1 : Penyediaan Gaji dan Tunjangan ASN", "Rp. 2.511.744.198", "Rp. 1.920.536.667", 76),
         ("Sub Kegiatan 2 : Pelaksanaan Penatausahaan dan Pengujian/ Verifikasi Keuangan SKPD",
          "Rp. 232.309.480", "Rp. 230.544.850", 85),
         ("Kegiatan 3 : Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",),
         ("Sub Kegiatan 1 : Pengadaan Peralatan dan Mesin Lainnya", "Rp. 41.770.632", "Rp. 35.700.000", 99),
         ("Kegiatan 4 : Penyediaan Jasa Penunjang Urusan Pemerintah Daerah",),
         ("Sub Kegiatan 1 : Penyediaan Jasa Pelayanan Umum Kantor", "Rp. 219.281.850", "Rp. 165.705.145", 76),
         ("Kegiatan 5 : Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",),
         ("Sub Kegiatan 1 : Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan "
          "Dinas atau Kendaraan Dinas Jabatan", "Rp. 33.550.000", "Rp. 32.172.271", 96),
         ("Sub Kegiatan 2 : Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Dinas "
          "Operasional atau Lapangan", "Rp. 33.050.000", "Rp. 26.393.393", 80),
         ("Sub Kegiatan 3 : Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "Rp. 42.500.000",
          "Rp. 42.350.000", 100),
     ], ("Rp. 3.116.155.160", "Rp. 2.454.746.326", "78,77")),
    ("Sasaran 2 : Meningkatnya Kepuasan Masyarakat Dalam Hal Pelayanan Publik yang Merata dan Berkualitas di "
     "Kecamatan", [
         ("Program 1 : Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",),
         ("Kegiatan 1 : Koordinasi Penyelenggaraan Pemerintahan di Tingkat Kecamatan",),
         ("Sub Kegiatan 1 : Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
          "Rp. 781.140.000", "Rp. 779.777.200", 99),
         ("Kegiatan 2 : Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat "
          "Daerah yang Ada di Kecamatan",),
         ("Sub Kegiatan 1 : Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan",
          "Rp. 4.598.000", "Rp. 3.975.000", 86),
     ], ("Rp. 785.738.000", "Rp. 783.752.200", "99,75")),
    ("Sasaran 3 : Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan", [
        ("Program 1 : Program Pemberdayaan Masyarakat Desa dan Kelurahan",),
        ("Kegiatan 1 : Koordinasi Kegiatan Pemberdayaan Desa",),
        ("Sub Kegiatan 1 : Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan "
         "di Desa", "Rp. 7.303.000", "Rp. 6.526.400", 89),
        ("Sub Kegiatan 2 : Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan",
         "Rp. 120.966.000", "Rp. 64.147.400", 53),
    ], ("Rp. 128.269.000", "Rp. 70.673.800", "55,10")),
    ("Sasaran 4 : Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan", [
        ("Program 1 : Koordinasi Ketentraman dan Ketertiban Umum",),
        ("Kegiatan 1 : Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",),
        ("Sub Kegiatan 1 : Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang "
         "Penegakan Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia",
         "Rp. 386.530.064", "Rp. 351.754.428", 91),
    ], ("Rp. 386.530.064", "Rp. 351.754.428", 91)),
]


def sheet_35(wb):
    ws = wb.create_sheet("Tabel 3.5")
    titles(ws, ["Tabel 3.5", "Program Pendukung Sasaran"])
    top = 4
    for j, h in enumerate(["Sasaran", "Program/ Kegiatan/ Sub Kegiatan Pendukung Sasaran", "Anggaran (Rp....)",
                           "Realisasi (Rp....)", "% Serapan Anggaran"]):
        put(ws, top, 1 + j, h, bold=True, align=CENTER)
    r = top + 1
    right = Alignment(horizontal="right", vertical="top", wrap_text=True)
    for sasaran, rows, total in T35:
        s0 = r
        for row in rows:
            put(ws, r, 2, row[0], bold=row[0].startswith("Program"))
            if len(row) > 1:
                put(ws, r, 3, row[1], align=right)
                put(ws, r, 4, row[2], align=right)
                put(ws, r, 5, row[3], fmt="0", align=CENTER)
            r += 1
        merge(ws, s0, 1, r - 1, 1, sasaran)
        merge(ws, r, 1, r, 2, "Total", bold=True)
        put(ws, r, 3, total[0], bold=True, align=right)
        put(ws, r, 4, total[1], bold=True, align=right)
        put(ws, r, 5, total[2], fmt="0" if isinstance(total[2], int) else None, bold=True, align=CENTER)
        r += 1
    box(ws, top, 1, r - 1, 5)
    widths(ws, 1, [30, 55, 18, 18, 11])


T35_DETAIL = [
    ("1. Program : Program Penunjang Urusan Pemerintah Daerah Kabupaten/Kota",
     "Kegiatan : Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
     "Sub Kegiatan : Penyusunan Dokumen Perencanaan Perangkat Daerah", "1.949.000", "1.344.000",
     ("Jumlah Dokumen Perencanaan Perangkat Daerah", "Dokumen", "15 Dokumen", "12 Dokumen")),
    (None, "Kegiatan : Administrasi Keuangan Perangkat Daerah", "Sub Kegiatan : Penyediaan Gaji dan Tunjangan ASN",
     "2.511.744.198", "1.920.536.667",
     ("Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "Orang/ bulan", "25 orang/ bulan", "15 orang/ bulan")),
    (None, "Kegiatan : Administrasi Keuangan Perangkat Daerah",
     "Sub Kegiatan : Pelaksanaan Penatausahaan dan Pengujian/ Verifikasi Keuangan SKPD", "232.309.480",
     "230.544.850",
     ("Jumlah Dokumen Penatausahaan dan Pengujian/ Verifikasi Keuangan", "Dokumen", "12 Dokumen", "12 Dokumen")),
    (None, "Kegiatan : Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
     "Sub Kegiatan : Pengadaan Peralatan dan Mesin Lainnya", "41.770.632", "35.700.000",
     ("Jumlah Unit Peralatan dan Mesin Lainnya yang disediakan", "Unit", "10 Unit", "9 Unit")),
    (None, "Kegiatan : Penyediaan Jasa Penunjang Urusan Pemerintah Daerah",
     "Sub Kegiatan : Penyediaan Jasa Pelayanan Umum Kantor", "219.281.850", "165.705.145",
     ("Jumlah Laporan penyediaan jasa pelayanan umum kantor", "Laporan", "12 Laporan", "12 Laporan")),
    (None, "Kegiatan : Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     "Sub Kegiatan : Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau "
     "Kendaraan Dinas Jabatan", "33.550.000", "32.172.271",
     ("Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara dan dibayarkan pajaknya",
      "Unit", "1 Unit", "1 Unit")),
    (None, "Kegiatan : Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     "Sub Kegiatan : Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Dinas Operasional "
     "atau Lapangan", "33.050.000", "26.393.393",
     ("Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan dibayarkan pajaknya", "Unit",
      "3 Unit", "3 Unit")),
    (None, "Kegiatan : Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     "Sub Kegiatan : Pemeliharaan/ Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "42.500.000", "42.350.000",
     ("Jumlah Gedung Kantor dan Bangunan Lainnya yang dipelihara/ direhabilitasi", "Unit", "1 Unit", "1 Unit")),
    ("2. Program : Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
     "Kegiatan : Koordinasi Penyelenggaraan Pemerintahan di Tingkat Kecamatan",
     "Sub Kegiatan : Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", "781.140.000",
     "779.777.200",
     ("Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", "Dokumen",
      "15 Dokumen", "12 Dokumen")),
    (None, "Kegiatan : Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat "
           "Daerah yang Ada di Kecamatan",
     "Sub Kegiatan : Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan", "4.598.000",
     "3.975.000",
     ("Jumlah Laporan Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
      "Laporan", "12 Laporan", "10 Laporan")),
    ("3. Program : Program Pemberdayaan Masyarakat Desa dan Kelurahan",
     "Kegiatan : Koordinasi Kegiatan Pemberdayaan Desa",
     "Sub Kegiatan : Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
     "7.303.000", "6.526.400",
     ("Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
      "Lembaga", "1 Lembaga", "1 Lembaga")),
    (None, "Kegiatan : Koordinasi Kegiatan Pemberdayaan Desa",
     "Sub Kegiatan : Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan", "120.966.000",
     "64.147.400",
     ("Jumlah Laporan Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
      "Laporan", "12 Laporan", "10 Laporan")),
    ("4. Program : Koordinasi Ketentraman dan Ketertiban Umum",
     "Kegiatan : Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
     "Sub Kegiatan : Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan "
     "Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia", "386.530.064", "351.754.428",
     ("Jumlah Laporan Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang Penegakan "
      "Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia", "Laporan", "12 Laporan",
      "12 Laporan")),
]


def sheet_35_rincian(wb):
    ws = wb.create_sheet("Tabel 3.5 Rincian")
    put(ws, 1, 2, "Pelaksanaan program/ kegiatan / sub kegiatan guna mendukung tercapainya kinerja Sasaran : "
                  "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan "
                  "pemerintahan dan pelayanan publik adalah sebagai berikut :", bold=True, align=None)
    r = 3
    for prog, keg, sub, target, real, output in T35_DETAIL:
        if prog:
            put(ws, r, 2, prog, bold=True, align=None)
            r += 1
        put(ws, r, 2, keg, align=None)
        put(ws, r + 1, 2, sub, align=None)
        r += 2
        top = r
        for j, h in enumerate([None, "Uraian Input/ Output", "Satuan", "Target", "Realisasi"]):
            if h:
                put(ws, r, 2 + j, h, bold=True, align=CENTER)
        write_rows(ws, r + 1, 2, [("Input", "Jumlah Dana", "Rp", target, real), ("Output", *output)])
        box(ws, top, 2, top + 2, 6)
        r = top + 4
    widths(ws, 1, [3, 10, 60, 14, 16, 16])


def sheet_36(wb):
    ws = wb.create_sheet("Tabel 3.6")
    titles(ws, ["Tabel 3.6", "Efisiensi Penggunaan Sumber Daya"])
    top = 4
    for j, h in enumerate(["Sasaran", "% Capaian Kinerja", "% Serapan Anggaran", "Kategori Efisiensi"]):
        put(ws, top, 1 + j, h, bold=True, align=CENTER)
    rows = [
        ("1. Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan efisien",
         "100%", "100%", "Efisien"),
        ("2. Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah", "87%", "78,77%", "Efisien"),
        ("3. Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan "
         "pelayanan publik", "100%", "100%", "Efisien"),
        ("4. Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
         "Kecamatan", "86%", "99,75%", "Kurang Efisien"),
        ("5. Meningkatnya Fasilitasi Kesejahteraan Masyarakat di Kecamatan", "85%", "55,10%", "Efisien"),
        ("6. Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan", "100%", "91%", "Efisien"),
    ]
    r = top + 1
    for row in rows:
        for j, v in enumerate(row):
            put(ws, r, 1 + j, v, align=WRAP if j == 0 else CENTER)
        r += 1
    box(ws, top, 1, r - 1, 4)
    put(ws, r, 1, "Sumber : data persentase capaian kinerja pada tabel 3.2 ; data % serapan anggaran pada "
                  "tabel 3.6", align=None)
    widths(ws, 1, [60, 12, 12, 16])


def sheet_37(wb):
    ws = wb.create_sheet("Tabel 3.7")
    titles(ws, ["Tabel 3.7", "Rekapitulasi Predikat Capaian Kinerja pada tahun 2024"])
    top = 4
    merge(ws, top, 1, top + 1, 1, "Sasaran/ Indikator Sasaran", bold=True, align=CENTER)
    merge(ws, top, 2, top + 1, 2, "% Capaian", bold=True, align=CENTER)
    merge(ws, top, 3, top, 7, "Predikat Kinerja", bold=True, align=CENTER)
    labels = ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"]
    for k, lab in enumerate(labels):
        put(ws, top + 1, 3 + k, lab, bold=True, align=CENTER)
    groups = [
        ("Sasaran 1 Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
         "Indikator 1.1 Persentase Indikator Program yang tercapai", "87%", "Tinggi"),
        ("Sasaran 2 Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
         "Kecamatan", "Indikator 2.1 Indeks Kepuasan Masyarakat", "86%", "Tinggi"),
        ("Sasaran 3 Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
         "Indikator 3.1 Persentase Fasilitas Kesejahteraan masyarakat yang dilaksanakan", "85%", "Tinggi"),
        ("Sasaran 4 Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
         "Indikator 4.1 Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta "
         "Ketentraman Masyarakat", "100%", "Sangat Tinggi"),
        ("Sasaran 5 Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan "
         "pemerintahan dan pelayanan publik.",
         "Indikator : Jumlah Dokumen Penataan Organisasi dan Tata Laksana Pemerintah Daerah", "100%",
         "Sangat Tinggi"),
        ("Sasaran 6 Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang profesional, efektif, dan "
         "efisien.", "Indikator : Nilai SAKIP OPD", "100%", "Sangat Tinggi"),
    ]
    r = top + 2
    for sas, ind, capaian, predikat in groups:
        merge(ws, r, 1, r, 7, sas, bold=True)
        merge(ws, r + 1, 1, r + 1, 7, ind)
        put(ws, r + 2, 1, "Rata rata capaian")
        put(ws, r + 2, 2, capaian, align=CENTER)
        put(ws, r + 2, 3 + labels.index(predikat), "✓", align=CENTER)
        r += 3
    box(ws, top, 1, r - 1, 7)
    put(ws, r, 1, "Sumber : tabel 3.2 – 3.4 LKIP tahun 2024", align=None)
    widths(ws, 1, [50, 10, 11, 9, 9, 9, 11])


def sheet_38(wb):
    ws = wb.create_sheet("Tabel 3.8")
    titles(ws, ["Tabel 3.8", "Realisasi Anggaran Kecamatan Kalisat Tahun 2024"])
    top = 4
    for j, h in enumerate(["NO", "PROGRAM/ KEGIATAN/ SUB KEGIATAN", "PAGU (Rp)", "REALISASI (Rp)", "%"]):
        put(ws, top, 1 + j, h, bold=True, align=CENTER)
    rows = [
        (1, "PROGRAM 1 : PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 3_116_155_160, 2_454_746_326, 78.77),
        (None, "Kegiatan 1 : Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 1_949_000,
         1_344_000, 68.96),
        (None, "Sub Kegiatan 1 : Penyusunan Dokumen Perencanaan Perangkat Daerah", 1_949_000, 1_344_000, 68.96),
        (None, "Kegiatan 2 : Administrasi Keuangan Perangkat Daerah", 2_744_053_678, 2_151_081_517, 78.39),
        (None, "Sub Kegiatan 1 : Penyediaan Gaji dan Tunjangan ASN", 2_511_744_198, 1_920_536_667, 76.46),
        (None, "Sub Kegiatan 2 : Pelaksanaan Penatausahaan dan Pengujian/ Verifikasi Keuangan SKPD", 232_309_480,
         230_544_850, 99.24),
        (None, "Kegiatan 3 : Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah\"", 41_770_632,
         35_700_000, 85.47),
        (None, "Sub Kegiatan 1 : Pengadaan Peralatan dan Mesin Lainnya", 41_770_632, 35_700_000, 85.47),
        (None, "Kegiatan 4 : Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 219_281_850, 165_705_145,
         75.57),
        (None, "Sub Kegiatan 1 : Penyediaan Jasa Pelayanan Umum Kantor", 219_281_850, 165_705_145, 75.57),
        (None, "Kegiatan 5 : Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 109_100_000,
         100_915_664, 92.50),
        (None, "Sub Kegiatan 1 : Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan "
               "Dinas atau Kendaraan Dinas Jabatan", 33_550_000, 32_172_271, 95.89),
        (None, "Sub Kegiatan 2 : Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan "
               "Dinas Operasional atau Lapangan", 33_050_000, 26_393_393, 79.86),
        (None, "Sub Kegiatan 3 : Pemeliharaan/ Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 42_500_000,
         42_350_000, 99.65),
        (2, "PROGRAM 2 : PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", 785_738_000, 783_752_200, 99.75),
        (None, "Kegiatan 1 : Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 781_140_000,
         779_777_200, 99.83),
        (None, "Sub Kegiatan 1 : Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", 781_140_000,
         779_777_200, 99.83),
        (None, "Kegiatan 2 : Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat "
               "Daerah yang Ada di Kecamatan", 4_598_000, 3_975_000, 86.45),
        (None, "Sub Kegiatan 1 : Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah "
               "Kecamatan", 4_598_000, 3_975_000, 86.45),
        (3, "PROGRAM 3 : PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", 128_269_000, 70_673_800, 55.10),
        (None, "Kegiatan 1 : Koordinasi Kegiatan Pemberdayaan Desa", 128_269_000, 70_673_800, 55.10),
        (None, "Sub Kegiatan 1 : Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan "
               "di Desa", 7_303_000, 6_526_400, 89.37),
        (None, "Sub Kegiatan 2 : Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
         120_966_000, 64_147_400, 53.03),
        (4, "PROGRAM 4 : KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM", 386_530_064, 351_754_428, 91.00),
        (None, "Kegiatan 1 : Koordinasi Penerapan dan Penegakan Peraturan Daerah dan Peraturan Kepala Daerah",
         386_530_064, 351_754_428, 91.00),
        (None, "Sub Kegiatan 1 : Koordinasi/Sinergi dengan Perangkat Daerah yang Tugas dan Fungsinya di Bidang "
               "Penegakan Peraturan Perundang-Undangan dan/atau Kepolisian Negara Republik Indonesia",
         386_530_064, 351_754_428, 91.00),
    ]
    r = top + 1
    for no, name, pagu, real, pct in rows:
        bold = no is not None
        if no is not None:
            put(ws, r, 1, no, fmt="0", align=CENTER, bold=True)
        put(ws, r, 2, name, bold=bold)
        put(ws, r, 3, pagu, fmt=RUPIAH, bold=bold)
        put(ws, r, 4, real, fmt=RUPIAH, bold=bold)
        put(ws, r, 5, pct, fmt="0.00", bold=bold)
        r += 1
    merge(ws, r, 1, r, 2, "JUMLAH", bold=True, align=CENTER)
    put(ws, r, 3, 4_416_692_224, fmt=RUPIAH, bold=True)
    put(ws, r, 4, 3_660_926_754, fmt=RUPIAH, bold=True)
    put(ws, r, 5, 0.8289, fmt="0.00%", bold=True)
    box(ws, top, 1, r, 5)
    put(ws, r + 1, 1, "Sumber Data : Laporan Realisasi Anggaran Kecamatan Kalisat Tahun 2024", align=None)
    widths(ws, 1, [5, 62, 16, 16, 9])


def build_lkip():
    wb = new_workbook()
    for fn in (sheet_11, sheet_12, sheet_13, sheet_21, sheet_23, sheet_31, sheet_32, sheet_33, sheet_35,
               sheet_35_rincian, sheet_36, sheet_37, sheet_38):
        fn(wb)
    save(wb, "lkip-2024-tabel.xlsx")


# =========================================================================== main
def main():
    check_budget()
    OUT.mkdir(parents=True, exist_ok=True)
    n_pagu = build_sipd_pagu()
    n_real, n_sp2d, n_setor = build_sipd_realisasi()
    build_tc25()
    build_tc27()
    build_pk()
    build_rkt()
    build_lkip()
    print(f"wrote {OUT}: rekap pagu {n_pagu} rekening rows; realisasi {n_real} rows "
          f"({n_sp2d} SP2D, {n_setor} setoran rows); renstra T-C.25, T-C.27; PK; RKT; LKIP tables")


if __name__ == "__main__":
    main()
