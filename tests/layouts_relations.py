"""Layout variants of the kinds added with the relations work (evaluasi_renja, rencana_aksi): three each,
as keyword sets of tests/test_layouts.V; test_layouts.py adds them to its VARIANTS, runs and counts them."""
from __future__ import annotations

from tests.e81_fixtures import write_54, write_86
from tests.layouts import Doc, Sheet, xlsx

SPECS: list[dict] = []


def variant(**kw):
    def deco(fn):
        SPECS.append(dict(kw, build=fn))
        return fn
    return deco


E86 = {"no": "A", "sasaran": "B", "kode": "C", "label": "D", "indikator": "E",
       "target_renstra@k": "F", "target_renstra@rp": "G", "realisasi_lalu@k": "H", "realisasi_lalu@rp": "I",
       "target_renja@k": "J", "target_renja@rp": "K", "tw_k@i": "L", "tw_rp@i": "M", "tw_k@ii": "N", "tw_rp@ii": "O",
       "tw_k@iii": "P", "tw_rp@iii": "Q", "tw_k@iv": "R", "tw_rp@iv": "S", "realisasi_renja@k": "T",
       "realisasi_renja@rp": "U", "realisasi_renstra@k": "V", "realisasi_renstra@rp": "W", "tingkat_renja@k": "X",
       "tingkat_renja@rp": "Y", "tingkat_renstra@k": "Z", "tingkat_renstra@rp": "AA", "unit": "AB", "keterangan": "AC"}


@variant(id="evaluasi_renja/e81-permendagri-86-k-rp", kind="evaluasi_renja", cols=E86, counts=(10, 1, 0),
         nums={(3, "tw_rp@iv"): ("20000000", 0, False), (3, "realisasi_renja@rp"): ("90000000", 0, False)},
         texts={(1, "kode"): "1.02"})
def _b(tmp):
    return __import__("pathlib").Path(write_86(tmp / "e81.xlsx")[0])


def _shift(cols, by):
    from openpyxl.utils import column_index_from_string, get_column_letter
    return {k: get_column_letter(column_index_from_string(v) + by) for k, v in cols.items()}


E54 = {"sasaran": "B", "no": "C", "kode": "D", "label": "E", "indikator": "F",
       **_shift({k: v for k, v in E86.items() if "@" in k and "tingkat" not in k and "realisasi_renstra" not in k}, 1),
       "tingkat_renja@k": "W", "tingkat_renja@rp": "X", "realisasi_renstra@k": "Y", "realisasi_renstra@rp": "Z",
       "tingkat_renstra@k": "AA", "tingkat_renstra@rp": "AB"}


@variant(id="evaluasi_renja/permendagri-54-tujuan-in-front-per-triwulan-sheet", kind="evaluasi_renja", cols=E54,
         counts=(10, 0, 0), nums={(0, "target_renja@rp"): ("740000000", 0, False)}, texts={(9, "kode"): "1.03.01.2.01"})
def _b(tmp):
    return __import__("pathlib").Path(write_54(tmp / "e81-54.xlsx", sheets=("TW I",))[0])


@variant(id="evaluasi_renja/docx-word-table-k-rp", kind="evaluasi_renja",
         cols={"no": "A", "kode": "B", "label": "C", "target_renja@k": "D", "target_renja@rp": "E",
               "tw_k@i": "F", "tw_rp@i": "G", "tw_k@ii": "H", "tw_rp@ii": "I",
               "realisasi_renja@k": "J", "realisasi_renja@rp": "K", "tingkat_renja@k": "L", "tingkat_renja@rp": "M"},
         counts=(2, 0, 0), nums={(1, "realisasi_renja@rp"): ("85000", 0, False), (1, "tingkat_renja@rp"): ("85", 0, False)})
def _b(tmp):
    head = ["No", "Kode", "Program/Kegiatan", "Target Kinerja dan Anggaran Renja Tahun 2024", None,
            "Realisasi Kinerja pada Triwulan", None, None, None,
            "Realisasi Capaian Kinerja dan Anggaran Renja yang dievaluasi", None,
            "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja (%)", None]
    sub = [None, None, None, None, None, "I", None, "II", None, None, None, None, None]
    kr = [None, None, None, "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp", "K", "Rp"]
    rows = [head, sub, kr,
            [1, "7.01.01", "Program Penunjang", 2, 100000, 1, 40000, 1, 45000, 2, 85000, 100, 85],
            [2, "7.01.01.2.01", "Perencanaan", 2, 100000, 1, 40000, 1, 45000, 2, 85000, 100, 85]]
    merges = [(0, 0, 2, 0), (0, 1, 2, 1), (0, 2, 2, 2), (0, 3, 1, 4), (0, 5, 0, 8), (1, 5, 1, 6), (1, 7, 1, 8),
              (0, 9, 1, 10), (0, 11, 1, 12)]
    return Doc().para("Tabel E.81 Evaluasi Hasil Renja").table(rows, merges=merges).save(tmp / "e81.docx")


MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


@variant(id="rencana_aksi/monthly-cumulative", kind="rencana_aksi",
         cols={"no": "A", "indikator": "B", "satuan": "C", "target": "D",
               **{f"periode@{m.lower()}": chr(ord("E") + i) for i, m in enumerate(MONTHS)}},
         counts=(2, 0, 0), nums={(0, "periode@desember"): ("100", 0, False), (1, "target"): ("18", 0, False)})
def _b(tmp):
    rows = [["No", "Indikator Kinerja", "Satuan", "Target"] + MONTHS,
            [1, "Persentase dokumen perencanaan tepat waktu", "%", 100] + [round(100 * (i + 1) / 12) for i in range(12)],
            [2, "Jumlah desa yang dibina", "desa", 18] + [min(18, 2 * (i + 1)) for i in range(12)]]
    return xlsx(tmp / "ra.xlsx", Sheet("Rencana Aksi").add([["RENCANA AKSI KECAMATAN KALISAT TAHUN 2024"], []]).add(rows))


@variant(id="rencana_aksi/quarterly-under-a-group-label", kind="rencana_aksi",
         cols={"sasaran": "A", "indikator": "B", "target": "C", "periode@tw i": "D", "periode@tw ii": "E",
               "periode@tw iii": "F", "periode@tw iv": "G"},
         counts=(2, 0, 0), nums={(1, "periode@tw iv"): ("85", 0, False)})
def _b(tmp):
    rows = [["Sasaran Strategis", "Indikator Kinerja", "Target Tahunan", "Target Triwulan", None, None, None],
            [None, None, None, "TW I", "TW II", "TW III", "TW IV"],
            ["Meningkatnya pelayanan", "Persentase layanan selesai tepat waktu", 100, 25, 50, 75, 100],
            [None, "Indeks kepuasan masyarakat", 85, 80, 82, 84, 85]]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 6)]
    return xlsx(tmp / "ra.xlsx", Sheet("RA").add(rows, merges=merges))


@variant(id="rencana_aksi/docx-quarterly", kind="rencana_aksi",
         cols={"no": "A", "indikator": "B", "target": "C", "periode@triwulan i": "D", "periode@triwulan ii": "E",
               "periode@triwulan iii": "F", "periode@triwulan iv": "G"},
         counts=(1, 0, 0), nums={(0, "periode@triwulan iv"): ("4", 0, False)})
def _b(tmp):
    rows = [["No", "Indikator", "Target 2024", "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
            ["1", "Jumlah dokumen perencanaan", "4", "1", "2", "3", "4"]]
    return Doc().para("Rencana Aksi Perjanjian Kinerja 2024").table(rows).save(tmp / "ra.docx")



@variant(id="monitoring_kinerja/target-pk-triwulan-capaian", kind="monitoring_kinerja",
         cols={"no": "A", "indikator": "B", "target_pk": "C", "realisasi": "D", "capaian": "E"},
         counts=(2, 0, 0), nums={(1, "capaian"): ("33.33", 2, False)})
def _b(tmp):
    rows = [["No", "Indikator Kinerja", "Target PK", "Triwulan I", "Capaian Terhadap Target PK"],
            [1, "Persentase publikasi tepat waktu", 100, 25, 25], [2, "Jumlah rilis statistik", 12, 4, 33.33]]
    return xlsx(tmp / "mon.xlsx", Sheet("Monitoring").add([["MONITORING CAPAIAN KINERJA TRIWULAN I"], []]).add(rows))


@variant(id="monitoring_kinerja/sasaran-grouped-realisasi-sd-tw", kind="monitoring_kinerja",
         cols={"sasaran": "A", "indikator": "B", "satuan": "C", "target_pk": "D", "realisasi": "E", "capaian": "F"},
         counts=(2, 0, 0), texts={(1, "sasaran"): "Meningkatnya kualitas data"})
def _b(tmp):
    rows = [["Sasaran", "Indikator", "Satuan", "Target PK 2026", "Realisasi s.d. Triwulan II", "Capaian (%)"],
            ["Meningkatnya kualitas data", "Indeks kepuasan konsumen", "indeks", 85, 80, "94,12"],
            [None, "Persentase rilis tepat waktu", "%", 100, 50, "50,00"]]
    return xlsx(tmp / "mon.xlsx", Sheet("TW II").add(rows, merges=[(1, 0, 2, 0)]))


@variant(id="monitoring_kinerja/docx-notulensi-template", kind="monitoring_kinerja",
         cols={"no": "A", "indikator": "B", "target_pk": "C", "realisasi": "D", "capaian": "E"},
         counts=(1, 0, 0), nums={(0, "target_pk"): ("90", 0, False)})
def _b(tmp):
    rows = [["No.", "Indikator Kinerja", "Target PK", "Triwulan I", "Capaian Terhadap Target PK"],
            ["1", "Indeks kepuasan", "90", "88", "97,78"]]
    return Doc().para("Capaian kinerja triwulan I").table(rows).save(tmp / "notulensi.docx")
