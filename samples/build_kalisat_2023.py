#!/usr/bin/env python3
"""Build ``samples/kalisat-2023/``: Kecamatan Kalisat's 2023 LKIP tables, the year before the seed.

The figures are the seed's own for 2021-2023 (``shared/seed/lkip-kecamatan-kalisat-2024.txt``): its
trend Tabel 3.3 (realisasi 2021-2023) and its Renstra tables (Tabel 2.1 / Lampiran 1: the targets
per year), laid out as the 2023 report would have had them (Tabel 2.1, Tabel 2.3 PK 2023, Tabel 3.2
Pengukuran 2023, Tabel 3.3 2021-2023). Capaian are computed from them, rounded to 2 decimals.

A few values differ ON PURPOSE from what the 2024 report restates; `lkip-audit check
samples/kalisat-2024 --previous samples/kalisat-2023` must find each (samples/README.md lists them):

* IKM realisasi 2023: 83 here, 84 in 2024's Tabel 3.3 and T-C.27;
* Fasilitasi realisasi 2022: 75% here (Tabel 3.3), 80% in 2024's;
* Nilai SAKIP realisasi 2023: 79,05 here, 79,50 in 2024's (two digits swapped);
* Renstra IKM targets 2025 and 2026: 90 and 95 here (the Renstra before its revision), 95 and 100 in
  2024's, whose LKIP names the revision (Perbup Jember 41/2023 tentang Perubahan …): one info.

Run:  python samples/build_kalisat_2023.py      (deterministic: same bytes on every run)
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import build_kalisat as k  # noqa: E402  (the 2024 builder's helpers: cells, merges, deterministic save)

k.OUT = OUT = HERE / "kalisat-2023"
CENTER, WRAP = k.CENTER, k.WRAP

SASARAN = {
    "program": ("Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
                "Persentase Indikator Program yang tercapai"),
    "ikm": ("Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di Kecamatan",
            "Indeks Kepuasan Masyarakat"),
    "fasilitasi": ("Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
                   "Persentase Fasilitas Kesejahteraan Masyarakat yang dilaksanakan"),
    "trantib": ("Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
                "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman Masyarakat"),
    "sakip": ("Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan efisien",
              "Nilai SAKIP OPD"),
}

# Renstra targets 2021-2026 as the 2023 report states them. The seed's (Tabel 2.1 / Lampiran 1), except
# IKM 2025/2026: 90 / 95 before the Renstra revision (the seed's revised Renstra says 95 / 100).
RENSTRA = {
    "program": ["-", "100%", "100%", "100%", "100%", "100%"],
    "ikm": ["-", 80, 85, 90, 90, 95],                       # deliberate: 2025, 2026
    "fasilitasi": ["-", "80%", "80%", "85%", "90%", "95%"],
    "trantib": ["-", "100%", "100%", "100%", "100%", "100%"],
}

# Tabel 3.3 of 2023: realisasi 2021, 2022, 2023 (seed Tabel 3.3), with the deliberate differences
TREND = {
    "ikm": [78, "82,5", 83],                                 # deliberate: 2023 is 84 in the seed
    "fasilitasi": ["80%", "75%", "80%"],                     # deliberate: 2022 is 80% in the seed
    "trantib": ["100%", "100%", "100%"],
    "sakip": ["-", "-", "79,05"],                           # deliberate: 79,50 in the seed
    "program": ["100%", "100%", "91%"],
}

# Tabel 3.2 of 2023: target 2023 (Renstra 2023 / PK 2023), realisasi 2023, target akhir Renstra (2026)
# as the unrevised Renstra had it. Capaian = realisasi / target × 100, rounded to 2 decimals.
MEASURE = [
    ("ikm", 85, 83, 95),
    ("fasilitasi", 80, 80, 95),
    ("trantib", 100, 100, 100),
    ("sakip", 68, "79,05", 75),
    ("program", 100, 91, 100),
]
PERCENT = {"fasilitasi", "trantib", "program"}


def _pct(x: float) -> str:
    s = f"{x:.2f}".replace(".", ",")
    return (s[:-3] if s.endswith(",00") else s) + "%"


def _shown(key, v):
    if isinstance(v, str):
        return v
    return f"{v}%" if key in PERCENT else v


def sheet_21(wb):
    ws = wb.create_sheet("Tabel 2.1")
    k.titles(ws, ["Tabel 2.1", "Matriks Tujuan Dan Sasaran Rencana Strategis Kecamatan Kalisat", "Tahun 2021-2026"])
    r = k.sasaran_target_table(ws, 5, 1, [(*SASARAN[key], RENSTRA[key]) for key in ("program", "ikm", "fasilitasi",
                                                                                      "trantib")])
    k.put(ws, r, 1, "Sumber : Tabel TC 25 Rencana Strategis Kecamatan Kalisat tahun 2021-2026", align=None)
    k.widths(ws, 1, [40, 40, 8, 8, 8, 8, 8, 8])


def sheet_23(wb):
    ws = wb.create_sheet("Tabel 2.3")
    k.titles(ws, ["Tabel 2.3", "Perjanjian Kinerja Kecamatan Kalisat Tahun 2023"])
    top = 4
    for j, h in enumerate(["No", "Sasaran Strategis", "Indikator Kinerja", "Target Tahun 2023"]):
        k.put(ws, top, 1 + j, h, bold=True, align=CENTER)
    targets = {"ikm": 85, "fasilitasi": "80%", "trantib": "100%", "sakip": "B (68)", "program": "100%"}
    rows = [(i, *SASARAN[key], targets[key]) for i, key in enumerate(("ikm", "fasilitasi", "trantib", "sakip",
                                                                        "program"), 1)]
    end = k.write_rows(ws, top + 1, 1, rows)
    k.box(ws, top, 1, end - 1, 4)
    k.put(ws, end, 1, "Sumber: Dokumen Perjanjian Kinerja Kecamatan Kalisat tahun 2023", align=None)
    k.widths(ws, 1, [5, 50, 45, 16])


def sheet_32(wb):
    ws = wb.create_sheet("Tabel 3.2")
    k.put(ws, 1, 1, "Tabel 3.2", bold=True, align=None)
    k.put(ws, 2, 1, "Pengukuran Realisasi Kinerja Tahun 2023", bold=True, align=None)
    top, L = 4, 2
    heads = ["No", "Sasaran Strategis", "Indikator Sasaran", "Target 2023", "Realisasi 2023",
             "Tingkat Capaian Kinerja (% realisasi)", "Target Akhir Renstra (2026)",
             "Tingkat capaian terhadap target akhir renstra"]
    for j, h in enumerate(heads):
        k.put(ws, top, L + j, h, bold=True, align=CENTER)
    for j, h in enumerate([1, 2, 3, 4, 5, "6 (5/4 *100%)", 7, "8 (5/7 *100%)"]):
        k.put(ws, top + 1, L + j, h, align=CENTER)
    r = top + 2
    for i, (key, target, real, akhir) in enumerate(MEASURE, 1):
        value = float(str(real).replace(",", "."))
        row = (i, *SASARAN[key], _shown(key, target), _shown(key, real), _pct(value / target * 100),
               _shown(key, akhir), _pct(value / akhir * 100))
        for j, v in enumerate(row):
            k.put(ws, r, L + j, v, fmt="0" if isinstance(v, int) else None, align=WRAP if j in (1, 2) else CENTER)
        r += 1
    k.box(ws, top, L, r - 1, L + 7)
    k.put(ws, r, L, "Sumber data : Dokumen PK Kecamatan Kalisat Tahun 2023 dan tabel TC.25 Rencana Strategis "
                    "Kecamatan Kalisat tahun 2021-2026", align=None)
    k.widths(ws, 1, [3, 5, 38, 34, 11, 11, 14, 14, 16])


def sheet_33(wb):
    ws = wb.create_sheet("Tabel 3.3")
    k.titles(ws, ["Tabel 3.3", "Perbandingan Capaian kinerja Sasaran tahun 2023 dengan tahun sebelumnya"])
    top = 4
    k.merge(ws, top, 1, top + 1, 1, "Sasaran Strategis", bold=True, align=CENTER)
    k.merge(ws, top, 2, top + 1, 2, "Indikator Sasaran", bold=True, align=CENTER)
    k.merge(ws, top, 3, top, 5, "Realisasi", bold=True, align=CENTER)
    for j, year in enumerate(range(2021, 2024)):
        k.put(ws, top + 1, 3 + j, str(year), bold=True, align=CENTER)
    r = top + 2
    for key in ("ikm", "fasilitasi", "trantib", "sakip", "program"):
        for j, v in enumerate((*SASARAN[key], *TREND[key])):
            k.put(ws, r, 1 + j, v, fmt="0" if isinstance(v, int) else None, align=WRAP if j < 2 else CENTER)
        r += 1
    k.box(ws, top, 1, r - 1, 5)
    k.put(ws, r, 1, "Sumber Data Realisasi: tabel TC.27 pada Rencana Strategis Kecamatan Kalisat tahun 2021-2026",
          align=None)
    k.widths(ws, 1, [40, 38, 10, 10, 10])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    wb = k.new_workbook()
    for fn in (sheet_21, sheet_23, sheet_32, sheet_33):
        fn(wb)
    k.save(wb, "lkip-2023-tabel.xlsx")
    print(f"wrote {OUT}/lkip-2023-tabel.xlsx: Tabel 2.1, 2.3, 3.2, 3.3 (Kecamatan Kalisat 2023)")


if __name__ == "__main__":
    main()
