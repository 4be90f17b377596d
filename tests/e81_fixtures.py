"""Look-alike E.81 (Evaluasi hasil Renja) workbooks in two layouts, built with openpyxl.

Layout "86": Permendagri 86/2017 — No | Sasaran | Kode | Urusan/Bidang/Program/Kegiatan | Indikator |
columns 6-16 each split into K | Rp (Triwulan I-IV under one group label) | Unit | Keterangan, numbering
row `13=9+10+11+12`, `14=7+13`, `15=13/8x100%`, `16=14/6x100%`.
Layout "54": Permendagri 54/2010 with Visi/Misi/Tujuan in front: Tujuan | Sasaran | No | Kode |
Program/Kegiatan | Indikator | 5 … 15 split into K | Rp, numbering `12 = 8+9+10+11`, `13 = 12/7*100`,
`14 = 6 + 12`, `15 = 14/5*100`, one sheet per triwulan.
"""
from __future__ import annotations

import openpyxl

# rows: (code, name, indikator, K values, Rp values) with values per numbered column (6..14 for 86)
# Rp amounts: a bidang with two programs; one program with two kegiatan.
TREE = [
    ("1", "URUSAN WAJIB PELAYANAN DASAR"),
    ("1.02", "BIDANG KESEHATAN"),
    ("1.02.01", "Program Penunjang Urusan Pemerintahan Daerah"),
    ("1.02.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja"),
    ("1.02.01.2.02", "Administrasi Keuangan Perangkat Daerah"),
    ("1.02.02", "Program Pemenuhan Upaya Kesehatan"),
    ("1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan"),
    ("1.03", "BIDANG PEKERJAAN UMUM"),
    ("1.03.01", "Program Penunjang Urusan PU"),
    ("1.03.01.2.01", "Administrasi Umum PU"),
]
# leaf Rp: target renstra (6), realisasi lalu (7), target renja (8), TW I..IV (9..12)
LEAF = {
    "1.02.01.2.01": (500_000_000, 200_000_000, 100_000_000, (20_000_000, 25_000_000, 25_000_000, 20_000_000)),
    "1.02.01.2.02": (900_000_000, 400_000_000, 180_000_000, (40_000_000, 45_000_000, 45_000_000, 40_000_000)),
    "1.02.02.2.01": (2_000_000_000, 800_000_000, 400_000_000, (100_000_000, 90_000_000, 80_000_000, 104_990_014)),
    "1.03.01.2.01": (300_000_000, 100_000_000, 60_000_000, (10_000_000, 15_000_000, 15_000_000, 10_000_000)),
}
# K of leaves: a count indicator (dokumen): target renstra, lalu, renja, TW
LEAF_K = (10, 4, 2, (0, 1, 0, 1))


def rp_values(code: str) -> list[int]:
    """[6, 7, 8, 9, 10, 11, 12] Rp of a row: a leaf's own, a parent's the sum of its leaves."""
    leaves = [c for c in LEAF if c == code or c.startswith(code + ".")]
    out = [0] * 7
    for c in leaves:
        a, b, t, tw = LEAF[c]
        for i, v in enumerate((a, b, t) + tw):
            out[i] += v
    return out


def computed(six, seven, eight, tws):
    thirteen = sum(tws)
    fourteen = seven + thirteen
    return thirteen, fourteen, round(thirteen / eight * 100, 2), round(fourteen / six * 100, 2)


def rows_86():
    """Body rows of layout 86 (values for columns 1..18, K and Rp split) and the total row."""
    out = []
    for i, (code, name) in enumerate(TREE, start=1):
        six, seven, eight, *tws = rp_values(code)
        r13, r14, r15, r16 = computed(six, seven, eight, tws)
        if code in LEAF:
            k6, k7, k8, ktw = LEAF_K
            k13, k14, k15, k16 = computed(k6, k7, k8, list(ktw))
            ind = "Jumlah dokumen"
        else:
            k6 = k7 = k8 = k13 = k14 = k15 = k16 = None
            ktw = (None,) * 4
            ind = ""
        vals = [i, "Meningkatnya kualitas pelayanan", code, name, ind,
                k6, six, k7, seven, k8, eight]
        for k, r in zip(ktw, tws):
            vals += [k, r]
        vals += [k13, r13, k14, r14, k15, r15, k16, r16, "Dinas", ""]
        out.append(vals)
    return out


def write_86(path, mutate=None, formulas=False, plain_numbers=False, predikat=None):
    """Layout 86 on one sheet. mutate(rows) may change body rows before writing (1-based columns of
    the sheet: A No … E Indikator, F/G col 6 K/Rp, … , AB/AC? see COLS_86)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "E.81"
    ws["A1"] = "Tabel E.81 Evaluasi Terhadap Hasil Renja Perangkat Daerah Lingkup Kabupaten"
    ws["A2"] = "Periode Pelaksanaan: Tahun 2024"
    h = 4
    heads = ["No", "Sasaran", "Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan",
             "Indikator Kinerja Program (outcome)/ Kegiatan (output)"]
    for c, t in enumerate(heads, start=1):
        ws.cell(h, c, t)
        ws.merge_cells(start_row=h, start_column=c, end_row=h + 2, end_column=c)
    groups = [(6, "Target Renstra PD pada Tahun 2026 (Akhir Periode Renstra PD)"),
              (8, "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu (2023)"),
              (10, "Target Kinerja dan Anggaran Renja PD Tahun Berjalan (2024) yang Dievaluasi")]
    for c, t in groups:
        ws.cell(h, c, t)
        ws.merge_cells(start_row=h, start_column=c, end_row=h + 1, end_column=c + 1)
    ws.cell(h, 12, "Realisasi Kinerja Pada Triwulan")
    ws.merge_cells(start_row=h, start_column=12, end_row=h, end_column=19)
    for i, tw in enumerate(("I", "II", "III", "IV")):
        ws.cell(h + 1, 12 + 2 * i, tw)
        ws.merge_cells(start_row=h + 1, start_column=12 + 2 * i, end_row=h + 1, end_column=13 + 2 * i)
    groups = [(20, "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi"),
              (22, "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun 2024"),
              (24, "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD yang Dievaluasi (%)"),
              (26, "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun 2024 (%)")]
    for c, t in groups:
        ws.cell(h, c, t)
        ws.merge_cells(start_row=h, start_column=c, end_row=h + 1, end_column=c + 1)
    for c, t in ((28, "Unit PD Penanggung Jawab"), (29, "Keterangan")):
        ws.cell(h, c, t)
        ws.merge_cells(start_row=h, start_column=c, end_row=h + 2, end_column=c)
    for c in range(6, 28, 2):
        ws.cell(h + 2, c, "K")
        ws.cell(h + 2, c + 1, "Rp")
    nums = {6: "6", 8: "7", 10: "8", 12: "9", 14: "10", 16: "11", 18: "12", 20: "13=9+10+11+12",
            22: "14=7+13", 24: "15=13/8x100%", 26: "16=14/6x100%"}
    n = h + 3
    for c in range(1, 6):
        ws.cell(n, c, str(c))
    for c, t in nums.items():
        ws.cell(n, c, t.split("=")[0] if plain_numbers else t)
        ws.merge_cells(start_row=n, start_column=c, end_row=n, end_column=c + 1)
    ws.cell(n, 28, "17")
    ws.cell(n, 29, "18")
    body = rows_86()
    if predikat:                  # a "Predikat" column (AD) after Keterangan: {code: label}
        ws.cell(h, 30, "Predikat")
        ws.merge_cells(start_row=h, start_column=30, end_row=h + 2, end_column=30)
        ws.cell(n, 30, "19")
        for vals in body:
            vals.append(predikat.get(vals[2]))
    if mutate:
        mutate(body)
    first = n + 1
    for i, vals in enumerate(body):
        for c, v in enumerate(vals, start=1):
            if v is not None:
                ws.cell(first + i, c, v)
    total = first + len(body)
    ws.cell(total, 4, "JUMLAH")
    roots = [first + i for i, (code, _) in enumerate(TREE) if "." not in code]
    for c in (7, 9, 11, 13, 15, 17, 19, 21, 23):
        from openpyxl.utils import get_column_letter as L
        ws.cell(total, c, sum(ws.cell(r, c).value or 0 for r in roots))
        if formulas:
            ws.cell(total, c).value = "=" + "+".join(f"{L(c)}{r}" for r in roots)
    wb.save(path)
    return str(path), first


def write_54(path, sheets=("TW I", "TW II"), mutate=None):
    """Layout 54 (Visi/Misi/Tujuan in front; `12 = 8+9+10+11`), one sheet per triwulan; Rp only
    sub-column pairs `K | Rp`."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s)
        ws["A1"] = f"EVALUASI HASIL RENJA SKPD {s} TAHUN 2024"
        h = 3
        heads = ["Tujuan", "Sasaran", "No", "Kode", "Urusan/Bidang Urusan Pemerintahan Daerah Dan Program/Kegiatan",
                 "Indikator Kinerja Program (outcome)/ Kegiatan (output)"]
        for c, t in enumerate(heads, start=1):
            ws.cell(h, c, t)
            ws.merge_cells(start_row=h, start_column=c, end_row=h + 2, end_column=c)
        groups = [(7, "Target Renstra SKPD pada Tahun 2026 (Akhir Periode Renstra SKPD)"),
                  (9, "Realisasi Capaian Kinerja Renstra SKPD sampai dengan Renja SKPD Tahun Lalu"),
                  (11, "Target Kinerja dan Anggaran Renja SKPD Tahun Berjalan yang Dievaluasi")]
        for c, t in groups:
            ws.cell(h, c, t)
            ws.merge_cells(start_row=h, start_column=c, end_row=h + 1, end_column=c + 1)
        ws.cell(h, 13, "Realisasi Kinerja Pada Triwulan")
        ws.merge_cells(start_row=h, start_column=13, end_row=h, end_column=20)
        for i, tw in enumerate(("I", "II", "III", "IV")):
            ws.cell(h + 1, 13 + 2 * i, tw)
            ws.merge_cells(start_row=h + 1, start_column=13 + 2 * i, end_row=h + 1, end_column=14 + 2 * i)
        groups = [(21, "Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang Dievaluasi"),
                  (23, "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja yang Dievaluasi (%)"),
                  (25, "Realisasi Kinerja dan Anggaran Renstra SKPD s/d Tahun Berjalan"),
                  (27, "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra SKPD s/d Tahun Berjalan (%)")]
        for c, t in groups:
            ws.cell(h, c, t)
            ws.merge_cells(start_row=h, start_column=c, end_row=h + 1, end_column=c + 1)
        for c in range(7, 29, 2):
            ws.cell(h + 2, c, "K")
            ws.cell(h + 2, c + 1, "Rp")
        n = h + 3
        nums = {3: "1", 4: "2", 5: "3", 6: "4", 7: "5", 9: "6", 11: "7", 13: "8", 15: "9", 17: "10", 19: "11",
                21: "12 = 8+9+10+11", 23: "13 = 12/7*100", 25: "14 = 6 + 12", 27: "15 = 14/5*100"}
        for c, t in nums.items():
            ws.cell(n, c, t)
            if c >= 7:
                ws.merge_cells(start_row=n, start_column=c, end_row=n, end_column=c + 1)
        body = []
        for i, (code, name) in enumerate(TREE, start=1):
            five, six, seven, *tws = rp_values(code)
            r12, r14, r13, r15 = computed(five, six, seven, tws)
            vals = ["Meningkatnya derajat kesehatan", "Meningkatnya pelayanan", i, code, name, "",
                    None, five, None, six, None, seven]
            for r in tws:
                vals += [None, r]
            vals += [None, r12, None, r13, None, r14, None, r15]
            body.append(vals)
        if mutate:
            mutate(s, body)
        for i, vals in enumerate(body):
            for c, v in enumerate(vals, start=1):
                if v is not None:
                    ws.cell(n + 1 + i, c, v)
    wb.save(path)
    return str(path), 7


from tests.helpers import with_formulas  # noqa: E402,F401 (re-exported for the E.81 tests)
