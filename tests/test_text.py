"""Narrative checks (TXT001–TXT005, CNT001): sentences taken from the seed LKIP, written into real .docx files
with the minimal tables they need, audited through the whole pipeline (reader → tables → facts → claims)."""
from __future__ import annotations

import os
from collections import Counter

import pytest

from auditor.engine import audit
from auditor.loader import load_all
from auditor.rules import load_rules
from auditor.text.claims import claims_summary, words_to_int
from auditor.text.sentences import split_sentences, tokens

RULES = load_rules()
TEXT_CODES = sorted(c for c, r in RULES.items() if r.check == "text")
SAMPLE = os.path.join(os.path.dirname(__file__), os.pardir, "samples", "kalisat-2024")


# -- builders -----------------------------------------------------------------------------------------
def write_docx(path, paragraphs: list[str], tables: list[dict] | None = None) -> str:
    """Paragraphs ("# " Heading 1, "## " Heading 2, "Tabel n.n …" Caption) and {header, rows[, after]} tables,
    each placed after the paragraph whose text starts with `after` (default: after all paragraphs)."""
    import docx

    d = docx.Document()
    pending = list(tables or [])

    def add_tables(after_text: str | None):
        for t in [t for t in pending if t.get("after") == after_text]:
            pending.remove(t)
            tab = d.add_table(rows=0, cols=len(t["header"]))
            for row in [t["header"]] + list(t.get("rows") or []):
                cells = tab.add_row().cells
                for c, v in zip(cells, row):
                    c.text = "" if v is None else str(v)

    for text in paragraphs:
        if text.startswith("## "):
            d.add_heading(text[3:], level=2)
        elif text.startswith("# "):
            d.add_heading(text[2:], level=1)
        elif text.lower().startswith("tabel ") and len(text) < 80:
            d.add_paragraph(text, style="Caption")
        else:
            d.add_paragraph(text)
        add_tables(text)
    for t in pending:
        t["after"] = None
    add_tables(None)
    d.save(str(path))
    return str(path)


def run(tmp_path, paragraphs, tables=None, name="lkip.docx", extra=()):
    path = write_docx(tmp_path / name, paragraphs, tables)
    return audit([path, *extra])["findings"]


def of(findings, *codes):
    return [f for f in findings if f["rule"] in codes]


def narrative(findings):
    return [f for f in findings if f["family"] in ("TXT", "CNT")]


# Minimal tables (shaped like the seed's) for tying claims through the real pipeline
T38 = {"header": ["NO", "PROGRAM/ KEGIATAN/ SUB KEGIATAN", "PAGU (Rp)", "REALISASI (Rp)", "%"],
       "rows": [["1", "PROGRAM 1 : PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "3.116.155.160",
                 "2.454.746.326", "78,77"],
                ["", "Kegiatan 1 : Administrasi Keuangan Perangkat Daerah", "3.116.155.160", "2.454.746.326", "78,77"],
                ["", "Sub Kegiatan 1 : Penyediaan Gaji dan Tunjangan ASN", "3.116.155.160", "2.454.746.326", "78,77"],
                ["2", "PROGRAM 2 : PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK", "1.300.537.064",
                 "1.206.180.428", "92,74"],
                ["", "Kegiatan 1 : Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
                 "1.300.537.064", "1.206.180.428", "92,74"],
                ["", "Sub Kegiatan 1 : Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
                 "1.300.537.064", "1.206.180.428", "92,74"],
                ["JUMLAH", "", "4.416.692.224", "3.660.926.754", "82,89%"]]}
T32 = {"header": ["No", "Sasaran Strategis", "Indikator Sasaran", "Target 2024", "Realisasi 2024",
                  "Tingkat Capaian Kinerja (% realisasi)"],
       "rows": [["1", "Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
                 "Persentase Indikator Program yang tercapai", "100%", "87%", "87%"],
                ["2", "Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
                      "Kecamatan", "Indeks Kepuasan Masyarakat", "90", "86", "95,56%"],
                ["3", "Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan",
                 "Persentase Fasilitas Kesejahteraan Masyarakat yang dilaksanakan", "85%", "85%", "100%"],
                ["4", "Terjaganya ketertiban umum dan ketentraman masyarakat di Kecamatan",
                 "Persentase Tingkat Penyelesaian Laporan dan Pelanggaran Ketertiban Umum serta Ketentraman "
                 "Masyarakat", "100%", "100%", "100%"],
                ["5", "Meningkatnya kualitas pengelolaan keuangan dan aset daerah yang professional, efektif, dan "
                      "efisien", "Nilai SAKIP OPD", "69", "80,41", "116,54%"],
                ["6", "Meningkatnya penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan "
                      "pemerintahan dan pelayanan publik",
                 "Jumlah dokumen penataan organisasi dan tata laksana Pemerintah Daerah", "4 Dokumen", "4 Dokumen",
                 "100%"]]}
T31 = {"header": ["No", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja", "Kode"],
       "rows": [["1.", "≥ 90", "Sangat Tinggi", ""], ["2.", "76 ≤ 90", "Tinggi", ""], ["3.", "66 ≤ 75", "Sedang", ""],
                ["4.", "51 ≤ 65", "Rendah", ""], ["5.", "≤ 50", "Sangat Rendah", ""]]}
T11 = {"header": ["Jabatan", "Kebutuhan Σ", "Bezetting/Pegawai Yang Ada Σ", "L", "P"],
       "rows": [["1. Administrator", "2", "1", "1", ""], ["2. Pengawas", "6", "6", "5", "1"],
                ["3. Pelaksana", "14", "8", "8", ""], ["Non ASN", "", "14", "12", "2"],
                ["Jumlah", "22", "29", "26", "3"]]}

IKHTISAR_REALISASI = ("Sedangkan realisasi belanja sampai dengan 31 Desember 2024 sebesar Rp3.625.226.754,00 atau "
                      "82,86% dari pagu anggaran.")
OPERASI = "Belanja Operasional sebesar Rp4.374.921.592,00 terealisasi sebesar Rp3.625.226.754,- (82,86%)"
MODAL = "Belanja Modal sebesar Rp41.770.632,- terealisasi sebesar Rp35.700.000,- (85,47%)"
ALOKASI = ("Untuk mendukung pencapaian kinerja tahun 2024 dilaksanakan berbagai program dan kegiatan dengan "
           "mengalokasikan dana dalam APBD Tahun Anggaran 2024 sebesar 99,05% merupakan Belanja Operasional atau "
           "sebesar Rp4.374.921.592,00 dan Belanja Modal sebesar 0,95% atau sebesar Rp41.770.632,00.")
PEGAWAI = ("Jumlah personil Kecamatan Kalisat yang ada per 31 Desember 2024 berdasarkan keterisian pegawai yang "
           "datanya sudah diupdate melalui SIMPEG sebanyak 15 orang, sedangkan berdasarkan hasil analisa jabatan dan "
           "analisa beban kerja idealnya sebanyak 22 orang, sehingga masih terdapat kekurangan pegawai sebanyak 9 orang "
           "atau 37,5 %. Namun demikian, sementara ini kekurangan pegawai di Kalisat Kabupaten Jember bisa diatasi "
           "dengan adanya Non ASN sejumlah 14 orang")
PENDUDUK = ("Jumlah penduduk di Kecamatan Kalisat sebanyak 80.359 jiwa, penduduk laki laki sebanyak 39.751 jiwa dengan "
            "persentase 49,44% penduduk perempuan 40.644 jiwa dengan persentase 50,56%. penduduk Kecamatan Kalisat "
            "memiliki mata pencaharian antara lain :")
PENCAHARIAN = ["1. Bidang pertanian 22,75 % sebanyak 18.260 jiwa", "2. Pensiunan 0,47 % sebanyak 379 jiwa",
               "3. PNS 1,10 % sebanyak 886 jiwa", "4. Nelayan 0,02 % sebanyak 14 jiwa",
               "5. Pelajar 10,27 % sebanyak 8.241 jiwa", "6. Tenaga Pengajar 0,64 % sebanyak 516 jiwa",
               "7. Tenaga Kesehatan 0,23 % sebanyak 182 jiwa", "8. Agama & Kepercayaan 0,07 % sebanyak 56 jiwa",
               "9. Wiraswasta 19,35 % sebanyak 15.534 jiwa", "10. Bidang lainnya 17,53 % sebanyak 14.071 jiwa",
               "11. Belum bekerja 27,56 % sebanyak 22.120 jiwa"]
SAKIP = ("Sasaran strategis ini dinilai dengan indikator sasaran yaitu Nilai SAKIP OPD. Nilai SAKIP OPD Kecamatan "
         "Kalisat tahun 2024 sebesar 80,41 mengalami peningkatan 0,91 dibandingkan tahun 2023 sebesar 79,50.")
SHARE = ("Keseluruhan anggaran Program sejumlah Rp3.116.155.160,- yang dialokasikan untuk sasaran I adalah sebesar 100% "
         "dari keseluruhan belanja langsung Kecamatan Kalisat.")
IKHTISAR_S2 = ("Sasaran 2 : Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas di "
               "Kecamatan mendapat predikat nilai Tinggi. Hal ini dapat dilihat berdasarkan hasil pengukuran 1 (satu) "
               "indikator sasaran dengan nilai 86% yang tergolong memuaskan.")
IKHTISAR_S1 = ("Sasaran 1 : Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah mendapat predikat nilai "
               "Tinggi Hal ini dapat dilihat berdasarkan hasil perhitungan 1 (satu) indikator sasaran dengan rata-rata "
               "capaian per program 87% yang tergolong memuaskan.")
SS3_HEAD = "Sasaran Strategis 3 : Meningkatnya Fasilitas Kesejahteraan Masyarakat di Kecamatan"
SS3 = ("Hasil evaluasi kinerja atas rekapitulasi capaian kinerja pada tabel 3.7 menunjukkan sasaran mencapai predikat "
       "sangat tinggi yaitu mempunyai nilai capaian rata – rata 85%, Dalam Capaian Sasaran Strategis tersebut pada "
       "tahun 2024 Kecamatan diantaranya :")
RATA = ("Dari tabel diatas terlihat bahwa capaian 6 indikator sasaran Kecamatan Kalisat rata rata mencapai 99,85% dan "
        "masuk dalam kategori Sangat Tinggi.")
COUNT_PRED = ("Dari uraian capaian indicator dapat disimpulkan bahwa target dalam penyelenggaraan pemerintahan telah "
              "dilaksanakan dengan baik, dimana sebanyak 3 indikator capaian diatas dalam kategori Sangat Tinggi dan 3 "
              "indikator dalam kategori Tinggi.")


# -- sentences and tokens -------------------------------------------------------------------------------
def test_sentence_split_keeps_rupiah_abbreviations_and_sd():
    s = split_sentences("Sedangkan realisasi belanja sebesar Rp3.625.226.754,00 atau 82,86% dari pagu anggaran. "
                        "Realisasi sampai dengan 31 Desember 2024 s.d tahun 2026 belum diaudit oleh BPK. "
                        "Kantor di Jl. Diponegoro No.36 A Kalisat dipimpin Drs. RUSDIYANTO, M.Si. sebagai camat.")
    assert len(s) == 3
    assert s[0].endswith("dari pagu anggaran.")
    assert "No.36 A" in s[2] and s[2].startswith("Kantor")


def test_anaphoric_sentence_joins_the_one_before():
    s = split_sentences(IKHTISAR_S2)
    assert len(s) == 1


def test_tokens_parse_indonesian_numbers_with_their_precision():
    t = tokens("sebesar Rp3.625.226.754,- (82,86%) dan 37,5 % serta 80.359 jiwa, Rp 4.416.692.224,-")
    got = [(x.text, str(x.value), x.num.decimals, x.rupiah, x.percent) for x in t]
    assert got == [("Rp3.625.226.754,-", "3625226754", 0, True, False), ("82,86%", "82.86", 2, False, True),
                   ("37,5 %", "37.5", 1, False, True), ("80.359", "80359", 0, False, False),
                   ("Rp 4.416.692.224,-", "4416692224", 0, True, False)]


def test_number_words():
    assert words_to_int("Dua belas") == 12
    assert words_to_int("sebelas") == 11
    assert words_to_int("dua puluh lima") == 25
    assert words_to_int("seratus") == 100
    assert words_to_int("Desa") is None


# -- the rule catalogue's own examples ------------------------------------------------------------------
def _example(tmp_path, code, which):
    ex = RULES[code].examples[which]
    tables = [dict(t) for t in ex.get("doc_tables") or []]
    return of(run(tmp_path, ex["text"], tables, name=f"{code}-{which}.docx"), code)


@pytest.mark.parametrize("code", TEXT_CODES)
def test_text_rule_failing_example(tmp_path, code):
    want = RULES[code].examples["fail"]["findings"]
    found = _example(tmp_path, code, "fail")
    got = []
    for f in found:
        hit = [w for w in want if w in (f["location"].get("quote") or "")]
        got.append(hit[0] if hit else f["location"].get("quote"))
    assert sorted(got) == sorted(want), [f["message"] for f in found]


@pytest.mark.parametrize("code", TEXT_CODES)
def test_text_rule_passing_example(tmp_path, code):
    found = _example(tmp_path, code, "pass")
    assert found == [], [f["message"] for f in found]


def test_every_text_rule_has_text_examples():
    assert set(TEXT_CODES) == {"TXT001", "TXT002", "TXT003", "TXT004", "TXT005", "CNT001"}
    for code in TEXT_CODES:
        ex = RULES[code].examples
        assert ex["fail"].get("text") and ex["pass"].get("text") and ex["fail"].get("findings")


# -- TXT001 ---------------------------------------------------------------------------------------------
def test_ikhtisar_realisasi_contradicts_tabel_38_with_diagnosis(tmp_path):
    f = run(tmp_path, ["# IKHTISAR EKSEKUTIF", ALOKASI, IKHTISAR_REALISASI, "# BAB III AKUNTABILITAS KINERJA",
                       "## F. REALISASI ANGGARAN", OPERASI, MODAL, "Tabel 3.8"], [T38])
    got = of(f, "TXT001")
    assert sorted((x["reported"], x["expected"]) for x in got) == [(82.86, 82.89), (3625226754, 3660926754)]
    for x in got:
        assert x["location"]["sheet"] == "IKHTISAR EKSEKUTIF"
        assert x["location"]["quote"] == IKHTISAR_REALISASI
        assert any(r["label"].startswith("Tabel 3.8") and r["cell"] for r in x["related"])
    ser = next(x for x in got if x["reported"] == 82.86)
    assert "4.374.921.592" in ser["diagnosis"] and "operasi" in ser["diagnosis"]
    assert {r["role"] for r in ser["related"]} >= {"numerator", "denominator"}
    amount = next(x for x in got if x["reported"] == 3625226754)
    assert "operasi" in amount["diagnosis"]
    # the consistent sentences (allocation shares, belanja operasi/modal) give nothing
    assert narrative(f) == got


def test_consistent_budget_sentences_give_no_finding(tmp_path):
    f = run(tmp_path, ["# IKHTISAR EKSEKUTIF", ALOKASI,
                       "Sedangkan realisasi belanja sebesar Rp3.660.926.754,00 atau 82,89% dari pagu anggaran.",
                       "# BAB I", "## F. ANGGARAN",
                       "Pada tahun anggaran Kecamatan Kalisat memiliki 2 Program, 2 Kegiatan, dan 2 Sub Kegiatan yang "
                       "secara total mendapatkan alokasi anggaran sebesar Rp 4.416.692.224,- sebagaimana tersaji dalam "
                       "tabel berikut :", "# BAB III", "## F. REALISASI ANGGARAN", OPERASI, MODAL, "Tabel 3.8"], [T38])
    assert narrative(f) == []


def test_skpd_pagu_and_program_pagu_are_tied(tmp_path):
    f = run(tmp_path, ["# BAB I", "Sumberdaya Manusia Kecamatan Kalisat berjumlah 29 orang, dengan jumlah anggaran "
                       "sebesar Rp4.416.000.000,00, melaksanakan 2 program.",
                       "Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota dengan Anggaran Rp3.116.155.000,-",
                       "Tabel 3.8"], [T38])
    got = sorted((x["reported"], x["expected"]) for x in of(f, "TXT001"))
    assert got == [(3116155000, 3116155160), (4416000000, 4416692224)]


# -- TXT002 ---------------------------------------------------------------------------------------------
def test_kekurangan_pegawai_arithmetic(tmp_path):
    f = of(run(tmp_path, ["## D. SUMBER DAYA MANUSIA", PEGAWAI]), "TXT002")
    assert sorted((x["reported"], x["expected"]) for x in f) == [(9, 7), (37.5, 40.91)]
    pct = next(x for x in f if x["reported"] == 37.5)
    assert "31,82" in pct["diagnosis"]


def test_population_total_transposed_and_breakdown_list(tmp_path):
    f = of(run(tmp_path, ["## H. PROFIL WILAYAH KECAMATAN", PENDUDUK, *PENCAHARIAN,
                          "Secara administratif, Kecamatan Kalisat membawahi 12 desa yaitu:"]), "TXT002")
    got = sorted((x["reported"], x["expected"]) for x in f)
    assert got == [(80359, 80259), (80359, 80395)]
    part = next(x for x in f if x["expected"] == 80395)
    assert "80.395" in part["diagnosis"] and ("tertukar" in part["diagnosis"])
    assert [r["value"] for r in part["related"]] == [39751, 40644]
    lst = next(x for x in f if x["expected"] == 80259)
    assert "80.259" in lst["diagnosis"] and len(lst["related"]) == 11


def test_breakdown_list_not_shown_exhaustive_is_not_summed(tmp_path):
    items = PENCAHARIAN[:5]            # percentages add up to 34,61%: "antara lain", not a full breakdown
    f = of(run(tmp_path, ["## H. PROFIL", "Jumlah penduduk sebanyak 80.359 jiwa. penduduk memiliki mata pencaharian "
                          "antara lain :", *items]), "TXT002")
    assert f == []


def test_shares_of_the_whole_belanja(tmp_path):
    f = of(run(tmp_path, ["## D. ALOKASI ANGGARAN PER SASARAN TAHUN 2024",
                          "a) Sasaran Strategis I : Meningkatnya Efektifitas Pencapaian Target Kinerja Perangkat Daerah",
                          "Didukung oleh :",
                          "- Program Penunjang Urusan Pemerintah Daerah Kabupaten/ Kota dengan Anggaran Rp3.116.155.160,-",
                          SHARE, "Tabel 3.8"], [T38]), "TXT002")
    assert [(x["reported"], x["expected"]) for x in f] == [(100, 70.55)]
    assert "satu program" in f[0]["diagnosis"]
    assert {r["role"] for r in f[0]["related"]} == {"numerator", "denominator"}


def test_consistent_change_and_number_words(tmp_path):
    f = run(tmp_path, ["## B. CAPAIAN KINERJA", SAKIP,
                       "Target Kinerja peningkatan status 12 (Dua belas) Desa menjadi Desa Mandiri sebanyak 11 (sebelas) "
                       "Desa dari 12 (Dua belas) Desa ;"])
    assert narrative(f) == []


def test_wrong_change_and_wrong_words(tmp_path):
    f = of(run(tmp_path, ["Nilai SAKIP OPD tahun 2024 sebesar 80,41 mengalami peningkatan 1,91 dibandingkan tahun 2023 "
                          "sebesar 79,50.", "Kecamatan membawahi 12 (sebelas) desa."]), "TXT002")
    assert sorted((x["reported"], x["expected"]) for x in f) == [(1.91, 0.91), (12, 11)]


# -- TXT003 ---------------------------------------------------------------------------------------------
PK = {"header": ["NO", "TUJUAN/SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET"],
      "rows": [[str(i + 1), r[1], r[2], r[3]] for i, r in enumerate(T32["rows"])]}


def test_ikhtisar_predikat_and_capaian_against_tabel_32(tmp_path):
    f = run(tmp_path, ["# IKHTISAR EKSEKUTIF", IKHTISAR_S1, IKHTISAR_S2, "Tabel 3.1", "Tabel 3.2"],
            [dict(T31, after="Tabel 3.1"), dict(T32, after="Tabel 3.2")])
    got = of(f, "TXT003")
    assert sorted((str(x["reported"]), str(x["expected"])) for x in got) == [("86", "95.56"),
                                                                              ("Tinggi", "Sangat Tinggi")]
    for x in got:
        assert x["location"]["quote"].startswith("Sasaran 2 :")
        assert "realisasi" in x["diagnosis"]
        assert any(r["role"] == "score" and r["value"] == 95.56 for r in x["related"])
    assert of(f, "TXT003") == narrative(f)         # Sasaran 1 (Tinggi, 87%) is consistent


def test_sasaran_heading_context_and_self_contradicting_predikat(tmp_path):
    f = run(tmp_path, ["## E. EVALUASI", SS3_HEAD, SS3, "Tabel 3.1", "Tabel 3.2"],
            [dict(T31, after="Tabel 3.1"), dict(T32, after="Tabel 3.2")])
    got = of(f, "TXT003")
    assert [(x["reported"], x["expected"]) for x in got] == [(85, 100)]
    assert "realisasi" in got[0]["diagnosis"] and "Tinggi" in got[0]["diagnosis"]
    assert "predikat sangat tinggi" in got[0]["location"]["quote"]


def test_predikat_against_its_own_number_without_tables(tmp_path):
    f = of(run(tmp_path, ["## E. EVALUASI", "Capaian kinerja secara keseluruhan adalah 85% dan masuk kategori "
                          "sangat tinggi.", "Tabel 3.1"], [T31]), "TXT003")
    assert [(x["reported"], x["expected"]) for x in f] == [("Sangat Tinggi", "Tinggi")]


def test_average_of_all_indicators_is_consistent(tmp_path):
    f = run(tmp_path, ["Tabel 3.1", "Tabel 3.2", RATA], [dict(T31, after="Tabel 3.1"), dict(T32, after="Tabel 3.2")])
    assert narrative(f) == []


# -- TXT004 / TXT005 --------------------------------------------------------------------------------------
def test_table_reference_missing_and_self_citation(tmp_path):
    f = of(run(tmp_path, ["Tabel 1.1", "Sumber : Data Kepegawaian", "Berdasarkan tabel 1.4, menunjukkan adanya gap.",
                          "Tabel 3.2", "Tabel 3.6", "Sumber : data persentase capaian kinerja pada tabel 3.2 ; data % "
                          "serapan anggaran pada tabel 3.6", "Sumber : tabel 3.2 – 3.6 LKIP tahun 2024"]), "TXT004")
    assert sorted((x["reported"], x["expected"]) for x in f if x["expected"]) == [("Tabel 1.4", "Tabel 1.1")]
    assert sorted(x["reported"] for x in f) == ["Tabel 1.4", "Tabel 3.3", "Tabel 3.4", "Tabel 3.5", "Tabel 3.6"]
    self_ref = [x for x in f if x["reported"] == "Tabel 3.6"]
    assert self_ref[0]["location"]["caption"] == "Tabel 3.6"


def test_placeholders_but_not_dot_leaders(tmp_path):
    f = of(run(tmp_path, ["# DAFTAR TABEL", "Tabel 2.2 Indikator Kinerja Utama (IKU).....\t14",
                          "# BAB III", "## F. REALISASI ANGGARAN",
                          "pada tahun anggaran 2024 didukung dengan anggaran sebesar Rp..... yang bersumber dari APBD.",
                          "Realisasi belanja (Rp....) belum dilaporkan.",
                          "Dari sejumlah Indikator yang diperjanjikan dalam PK 2024, sebanyak indikator mencapai target "
                          "dengan kategori Sangat Tinggi, dan sebanyak indikator tidak mencapai target dengan kategori tinggi.",
                          "Pelaksanaan Musrenbang melibatkan lembaga kemasyarakatan sebanyak 1 lembaga."]), "TXT005")
    assert sorted(x["reported"] for x in f) == ["(Rp....)", "Rp.....", "sebanyak indikator; sebanyak indikator"]
    assert all(x["location"]["sheet"].startswith("BAB III") for x in f)


# -- CNT001 ---------------------------------------------------------------------------------------------
def test_counts_of_programs_predikat_and_staff(tmp_path):
    f = run(tmp_path, ["# IKHTISAR EKSEKUTIF", COUNT_PRED,
                       "Sumberdaya Manusia Kecamatan Kalisat berjumlah 29 orang, melaksanakan 2 program 2 kegiatan dan "
                       "2 sub kegiatan.", "Tabel 1.1", "Tabel 3.1", "Tabel 3.2", "Tabel 3.8"],
            [dict(T11, after="Tabel 1.1"), dict(T31, after="Tabel 3.1"), dict(T32, after="Tabel 3.2"),
             dict(T38, after="Tabel 3.8")])
    got = of(f, "CNT001")
    assert sorted((x["reported"], x["expected"]) for x in got) == [(3, 1), (3, 5)]
    assert all(x["location"]["quote"] == COUNT_PRED for x in got)
    st = next(x for x in got if x["expected"] == 5)
    assert sorted(r["value"] for r in st["related"]) == [95.56, 100, 100, 100, 116.54]


def test_wrong_staff_count(tmp_path):
    f = of(run(tmp_path, ["Sumberdaya Manusia Kecamatan Kalisat berjumlah 31 orang.", "Tabel 1.1"], [T11]), "CNT001")
    assert [(x["reported"], x["expected"]) for x in f] == [(31, 29)]


# -- inspect --claims -------------------------------------------------------------------------------------
def test_claims_summary_lists_tied_and_untied(tmp_path):
    path = write_docx(tmp_path / "c.docx", ["# IKHTISAR EKSEKUTIF", IKHTISAR_REALISASI,
                                           "Pemberian PMT dalam penanganan stunting sejumlah 240 paket;", "Tabel 3.8"],
                      [T38])
    files, _ = load_all([path])
    cs = claims_summary(files)
    assert all({"section", "paragraph", "text", "tied"} <= set(c) for c in cs)
    tied = [c for c in cs if c["tied"]]
    assert {c["claim"].split(" =")[0] for c in tied} == {"realisasi SKPD", "serapan SKPD"}
    assert all(c["fact"] and c["verdict"] == "contradiction" for c in tied)
    untied = [c for c in cs if not c["tied"]]
    assert any("240" in c["why"] for c in untied)


# -- the sample folder, end to end ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_findings():
    return narrative(audit([SAMPLE])["findings"])


def _at(findings, code, quote_part):
    return [f for f in findings if f["rule"] == code and quote_part in (f["location"].get("quote") or "")]


def test_sample_narrative_findings(sample_findings):
    f = sample_findings
    ik = _at(f, "TXT001", "82,86% dari pagu anggaran")
    assert sorted((x["reported"], x["expected"]) for x in ik) == [(82.86, 82.89), (3625226754, 3660926754)]
    assert all(x["location"]["sheet"] == "IKHTISAR EKSEKUTIF" for x in ik)
    ser = next(x for x in ik if x["reported"] == 82.86)
    assert any(r["label"] and r["label"].startswith("Tabel 3.8") and r["value"] == 82.89 for r in ser["related"])
    assert "4.374.921.592" in ser["diagnosis"]
    assert sorted((x["reported"], x["expected"]) for x in _at(f, "TXT002", "kekurangan pegawai")) == \
        [(9, 7), (37.5, 40.91)]
    assert sorted((x["reported"], x["expected"]) for x in _at(f, "TXT002", "Jumlah penduduk")) == \
        [(80359, 80259), (80359, 80395)]
    shares = _at(f, "TXT002", "dari keseluruhan belanja langsung")
    assert sorted(x["expected"] for x in shares) == [2.9, 8.75, 17.79, 70.55]
    assert {x["reported"] for x in shares} == {100}
    assert [(x["reported"], x["expected"]) for x in _at(f, "TXT004", "tabel 1.4")] == [("Tabel 1.4", "Tabel 1.1")]
    assert [x["reported"] for x in _at(f, "TXT004", "pada tabel 3.6")] == ["Tabel 3.6"]
    assert [x["reported"] for x in _at(f, "TXT005", "Rp.....")] == ["Rp....."]
    assert len(_at(f, "TXT005", "sebanyak indikator")) == 1
    assert sorted((x["reported"], x["expected"]) for x in _at(f, "CNT001", "sebanyak 3 indikator")) == [(3, 1), (3, 5)]
    ss3 = _at(f, "TXT003", "predikat sangat tinggi yaitu mempunyai nilai capaian rata – rata 85%")
    assert [(x["reported"], x["expected"]) for x in ss3] == [(85, 100)]
    s2 = _at(f, "TXT003", "Sasaran 2 : Meningkatnya Kepuasan")
    assert sorted((str(x["reported"]), str(x["expected"])) for x in s2) == [("86", "95.56"), ("Tinggi", "Sangat Tinggi")]


CONSISTENT = [
    "Belanja Operasional sebesar Rp4.374.921.592,00",          # F. REALISASI ANGGARAN, item 1
    "Belanja Modal sebesar Rp41.770.632,-",                     # item 2
    "sebesar 99,05% merupakan Belanja Operasional",             # Ikhtisar allocation
    "rata rata mencapai 99,85% dan masuk dalam kategori Sangat Tinggi",
    "sebesar 80,41 mengalami peningkatan 0,91",
    "memiliki 4 Program, 9 Kegiatan, dan 13 Sub Kegiatan",
    "Sumberdaya Manusia Kecamatan Kalisat berjumlah 29 orang",
    "Sasaran 1 : Meningkatnya Efektifitas Pencapaian Target",
    "Sasaran 4* : Terjaganya ketertiban umum",
    "dengan Anggaran Rp3.116.155.160,-",
]


@pytest.mark.parametrize("part", CONSISTENT)
def test_sample_consistent_sentences_have_no_finding(sample_findings, part):
    hits = [f for f in sample_findings if part in (f["location"].get("quote") or "")]
    assert hits == [], [h["message"] for h in hits]


def test_sample_narrative_findings_are_exactly_these(sample_findings):
    count = Counter(f["rule"] for f in sample_findings)
    assert count == {"TXT001": 2, "TXT002": 8, "TXT003": 7, "TXT004": 2, "TXT005": 2, "CNT001": 2}, count


# -- precision: sentences that look like claims but must not be judged ------------------------------------
NOT_JUDGED = [
    ["Pagu anggaran Kecamatan Kalisat tahun 2023 sebesar Rp4.000.000.000,00."],                 # another year
    ["Program Penunjang Urusan Pemerintahan terdiri dari 5 kegiatan dan 8 sub kegiatan."],      # a named program's
    [SS3_HEAD, "Capaian PBB tahun 2024 mencapai 45,21 % dan termasuk baik."],                  # a sub-metric
    ["Sasaran Strategis 2 : Meningkatnya Kepuasan Masyarakat dalam hal Pelayanan Publik yang Merata dan Berkualitas "
     "di Kecamatan", "Nilai IKM sebesar 86 dengan kategori Baik."],                            # IKM's own scale word
    ["Jumlah penduduk 80.359 jiwa mengalami peningkatan 2% dibandingkan tahun 2023 sebesar 78.783 jiwa."],
    ["Realisasi anggaran mencapai 82,89% dan masuk kategori sangat tinggi."],                  # serapan, not capaian
    ["Data lengkap tersaji pada tabel 4.1 di lampiran."],                                     # chapter 4 has no caption
    ["Capaian kinerja Sasaran 2: 87% dapat dikategorikan efisien karena % capaian kinerja lebih besar."],
    ["Realisasi anggaran Program Penunjang sebesar Rp2.454.746.326 atau 78,77%."],
]


@pytest.mark.parametrize("paragraphs", NOT_JUDGED, ids=lambda p: p[-1][:40])
def test_not_judged(tmp_path, paragraphs):
    f = run(tmp_path, ["## B. CAPAIAN KINERJA", *paragraphs, "Tabel 3.1", "Tabel 3.2", "Tabel 3.8"],
            [dict(T31, after="Tabel 3.1"), dict(T32, after="Tabel 3.2"), dict(T38, after="Tabel 3.8")])
    assert narrative(f) == [], [x["message"] for x in narrative(f)]


def test_count_of_a_numbered_list(tmp_path):
    desa = [f"{i}. Desa {n}" for i, n in enumerate(["Ajung", "Glagahwero", "Gumuksari", "Gambiran"], 1)]
    ok = run(tmp_path, ["Secara administratif, Kecamatan Kalisat membawahi 4 desa yaitu:", *desa,
                        "Sumber Data : BPS"], name="ok.docx")
    bad = run(tmp_path, ["Secara administratif, Kecamatan Kalisat membawahi 12 desa yaitu:", *desa,
                         "Sumber Data : BPS"], name="bad.docx")
    assert narrative(ok) == []
    assert [(x["rule"], x["reported"], x["expected"]) for x in narrative(bad)] == [("CNT001", 12, 4)]
