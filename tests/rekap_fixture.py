"""Look-alikes of SIPD's "Rekapitulasi Belanja menurut Urusan, Organisasi, Program, Kegiatan beserta Hasil
dan Sub Kegiatan" in several layouts (none of them a copy of a real file): codes over four, two or one
column, amounts as numbers or Indonesian texts, the columns users append (TOTAL, %, SISA), a block of
rows moved away from its parent, and one amount changed on demand.
"""
from __future__ import annotations

from layouts import F, Sheet, xlsx

UNIT = "7.01.0.00.0.00.27.0000"
# leaves: (sub kegiatan code, rekening code, name, [operasi anggaran, operasi realisasi, modal anggaran, modal realisasi])
LEAVES = [
    ("7.01.01.2.02.0001", "5.1.01.01.001.00001", "Belanja Gaji Pokok PNS", [1_850_000_000, 1_412_300_000, 0, 0]),
    ("7.01.01.2.02.0001", "5.1.01.01.002.00001", "Belanja Tunjangan Keluarga PNS", [161_744_198, 120_236_667, 0, 0]),
    ("7.01.01.2.02.0003", "5.1.02.01.001.00024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", [32_309_480, 30_544_850, 0, 0]),
    ("7.01.01.2.02.0003", "5.1.02.02.001.00071", "Belanja Lembur", [200_000_000, 200_000_000, 0, 0]),
    ("7.01.01.2.07.0006", "5.2.02.05.001.00001", "Belanja Modal Personal Computer", [0, 0, 109_048_100, 108_500_000]),
    ("7.01.02.2.01.0002", "5.1.02.04.001.00001", "Belanja Perjalanan Dinas Biasa", [781_140_000, 779_777_200, 0, 0]),
]
NAMES = {
    "7": "UNSUR KEWILAYAHAN", "7.01": "KECAMATAN", UNIT: "KECAMATAN KALISAT",
    "7.01.01": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    "7.01.01.2.02": "Administrasi Keuangan Perangkat Daerah",
    "7.01.01.2.02.0001": "Penyediaan Gaji dan Tunjangan ASN",
    "7.01.01.2.02.0003": "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
    "7.01.01.2.07": "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
    "7.01.01.2.07.0006": "Pengadaan Peralatan dan Mesin Lainnya",
    "7.01.02": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
    "7.01.02.2.01": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "7.01.02.2.01.0002": "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
}


def _rek_parents(rek: str) -> list[str]:
    parts = rek.split(".")
    return [".".join(parts[:n]) for n in (3, 4, 5)]


def lines() -> list[tuple[tuple, str, list[int]]]:
    """Every row in SIPD order: (codes in the four columns, uraian, amounts), parents summed."""
    def add(acc, key, vals):
        cur = acc.setdefault(key, [0, 0, 0, 0])
        for i, v in enumerate(vals):
            cur[i] += v

    sums: dict[tuple, list[int]] = {}
    for sub, rek, _name, vals in LEAVES:
        keg = sub.rsplit(".", 1)[0]
        prog = ".".join(sub.split(".")[:3])
        for key in [("7",), ("7.01",), ("7.01", UNIT), ("7.01", UNIT, prog), ("7.01", UNIT, keg),
                    ("7.01", UNIT, sub)] + [("7.01", UNIT, sub, r) for r in _rek_parents(rek)]:
            add(sums, key, vals)
        add(sums, ("7.01", UNIT, sub, rek), vals)
    order: list[tuple] = [("7",), ("7.01",), ("7.01", UNIT)]
    seen = set(order)
    for sub, rek, _name, _ in LEAVES:
        keg = sub.rsplit(".", 1)[0]
        prog = ".".join(sub.split(".")[:3])
        for key in [("7.01", UNIT, prog), ("7.01", UNIT, keg), ("7.01", UNIT, sub)] + \
                [("7.01", UNIT, sub, r) for r in _rek_parents(rek)] + [("7.01", UNIT, sub, rek)]:
            if key not in seen:
                seen.add(key)
                order.append(key)
    names = dict(NAMES)
    for _sub, rek, name, _ in LEAVES:
        names[rek] = name
        for r in _rek_parents(rek):
            names.setdefault(r, "Belanja " + r)
    return [(key, names[key[-1]], sums[key]) for key in order]


def _amount(v: int, style: str):
    if style == "text":
        return f"{v:,}".replace(",", ".") + ",00" if v else "0,00"
    if style == "dash":
        return v if v else "-"
    return v


def build(path, layout: str = "four", style: str = "num", appended: bool = False, move: bool = False,
          change: tuple[str, int, int] | None = None, fraction_format: bool = True):
    """Write one look-alike. `layout`: four | two | one code columns; `style`: num | text | dash;
    `appended`: TOTAL Anggaran/Realisasi, %, SISA after the groups (formulas with cached values);
    `move`: the rows of program 7.01.02 written above program 7.01.01 (blocks get moved);
    `change`: (last code of a row, amount index, new value) — one number made wrong."""
    rows = lines()
    if move:
        first = [r for r in rows if len(r[0]) < 3]
        p2 = [r for r in rows if len(r[0]) >= 3 and r[0][2].startswith("7.01.02")]
        rest = [r for r in rows if len(r[0]) >= 3 and not r[0][2].startswith("7.01.02")]
        rows = first + p2 + rest
    total = rows[0][2]
    s = Sheet("Sheet1")
    s.add([["KAB. JEMBER"], ["REKAPITULASI BELANJA MENURUT URUSAN PEMERINTAH DAERAH, ORGANISASI, PROGRAM, KEGIATAN"],
           ["BESERTA HASIL DAN SUB KEGIATAN BESERTA KELUARAN"], ["TAHUN ANGGARAN 2024"], []])
    ncode = {"four": 4, "two": 2, "one": 1}[layout]
    g = ncode + 1                       # first amount column
    head = [["Kode"] + [None] * (ncode - 1) + ["Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan",
                                               "Kelompok Belanja", None, None, None],
            [None] * (ncode + 1) + ["Operasi", None, "Modal", None],
            [None] * (ncode + 1) + ["Anggaran", "Realisasi", "Anggaran", "Realisasi"]]
    merges = [(0, 0, 2, ncode - 1), (0, ncode, 2, ncode), (0, g, 0, g + 3), (1, g, 1, g + 1), (1, g + 2, 1, g + 3)]
    if appended:
        head[0] += ["TOTAL", None, "%", "SISA"]
        head[1] += [None, None, None, None]
        head[2] += ["Anggaran", "Realisasi", None, None]
        merges += [(0, g + 4, 1, g + 5), (0, g + 6, 2, g + 6), (0, g + 7, 2, g + 7)]
    numbering = [str(i) for i in range(1, ncode + 1 + 4 + 1)] if layout == "four" else None
    s.add(head, merges=merges)
    if numbering:
        s.add([["1"] + [None] * (ncode - 1) + [str(i) for i in range(2, 7)]], merges=[(0, 0, 0, ncode - 1)])
    for key, name, vals in rows:
        vals = list(vals)
        if change and key[-1] == change[0]:
            vals[change[1]] = change[2]
        if layout == "four":
            codes = list(key) + [None] * (4 - len(key))
        elif layout == "two":
            codes = [key[-1], None] if len(key) < 4 else [key[2], key[3]]
        else:
            codes = [key[-1]]
        line = codes + [name] + [_amount(v, style) for v in vals]
        if appended:
            ta, tr = vals[0] + vals[2], vals[1] + vals[3]
            line += [ta, tr, F(tr / ta if ta else 0, "0%" if fraction_format else "General"), ta - tr]
        s.add([line])
    tot = [None] * ncode + ["Jumlah"] + [_amount(v, style) for v in total]
    if appended:
        ta, tr = total[0] + total[2], total[1] + total[3]
        tot += [ta, tr, F(tr / ta, "0%" if fraction_format else "General"), ta - tr]
    s.add([tot])
    return xlsx(path, s)
