"""Look-alikes of an RAK / anggaran kas export: codes, Anggaran | Total RAK | Realisasi, a column per month."""
from __future__ import annotations

from layouts import Sheet, xlsx

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
NAMES = {"7.01.01": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
         "7.01.01.2.02": "Administrasi Keuangan Perangkat Daerah",
         "7.01.02": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
         "7.01.02.2.01": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"}
SUBS = [("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", [100_000_000] * 12, 600_000_000),
        ("7.01.01.2.02.0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", [0, 0, 10_000_000, 0, 0, 20_000_000, 0, 0, 5_000_000, 0, 0, 1_000_000], 20_000_000),
        ("7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", [5_000_000] * 12, 31_500_000)]


def rows():
    out = []
    for prog, keg in (("7.01.01", "7.01.01.2.02"), ("7.01.02", "7.01.02.2.01")):
        mine = [s for s in SUBS if s[0].startswith(keg)]
        months = [sum(s[2][i] for s in mine) for i in range(12)]
        real = sum(s[3] for s in mine)
        out.append((prog, NAMES[prog], months, real))
        out.append((keg, NAMES[keg], months, real))
        out += [(c, n, m, r) for c, n, m, r in mine]
    return out


def build(path, layout="one", change=None, style="num"):
    s = Sheet("RAK").add([["RENCANA ANGGARAN KAS SKPD"], ["TAHUN ANGGARAN 2024"], []])
    if layout == "grouped":
        s.add([["Kode", "Uraian", "Anggaran", "Total RAK", "Realisasi", "Anggaran Kas"] + [None] * 11,
               [None] * 5 + MONTHS], merges=[(0, 5, 0, 16), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3),
                                             (0, 4, 1, 4)])
    else:
        s.add([["Kode", "Uraian", "Anggaran", "Total RAK", "Realisasi"] + MONTHS + ["% RAK"]])
    for code, name, months, real in rows():
        total = sum(months)                      # anggaran = total RAK = the months as planned
        months = list(months)
        if change and change[0] == code:
            months[change[1]] = change[2]        # one month made wrong: the totals still say the plan
        vals = [total, total, real] + months
        if style == "text":
            vals = [f"{v:,}".replace(",", ".") for v in vals]
        line = [code, name] + vals + ([] if layout == "grouped" else [round(real / total * 100, 2)])
        s.add([line])
    return xlsx(path, s)

