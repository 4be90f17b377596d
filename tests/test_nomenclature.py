"""The official nomenclature as a reference (issue 16): the shipped revision, another revision from the
config, the NAME101-105 checks over any table with codes, and resolution anchored on official names."""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
import yaml

from auditor import reference
from auditor.checks import nomenclature as check
from auditor.checks.base import ConfigError
from auditor.engine import Context, audit
from auditor.facts import build_facts
from auditor.loader import load_all
from auditor.reference import NomenclatureError
from auditor.reference.build import rows_from_workbook
from auditor.reference.match import same, same_unit
from tests.helpers import shared_dir, write_tables

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"
RULES = ("NAME101", "NAME102", "NAME103", "NAME104", "NAME105")
SIPD = ["KODE PROGRAM", "NAMA PROGRAM", "KODE KEGIATAN", "NAMA KEGIATAN", "KODE SUB KEGIATAN", "NAMA SUB KEGIATAN",
        "KODE REKENING", "NAMA REKENING", "PAGU"]


def found(report, *rules):
    rules = rules or RULES
    return sorted((f["rule"], Path(f["location"]["path"]).name, f["location"].get("sheet"), f["location"].get("cell"))
                  for f in report["findings"] if f["rule"] in rules)


@pytest.fixture(scope="module")
def nom():
    return reference.load()


@pytest.fixture(scope="module")
def sample_report():
    return audit([str(SAMPLES)])


# ---- the shipped reference ------------------------------------------------------------------------
def test_shipped_reference_states_its_revision_and_source(nom):
    assert nom.revision == "2025"
    assert "ichien86/esakip" in nom.source and "17ece1cf25b101122dad8997cc65ea2612aba4d6" in nom.source
    e = nom.lookup("7.01.02.2.01.0002")
    assert (e.jenis, e.level, e.name, e.satuan) == (
        "KABKOT", "sub_kegiatan", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", "Dokumen")
    assert e.indikator == "Jumlah Dokumen Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan"
    assert e.kinerja.startswith("Meningkatnya Efektifitas")


@pytest.mark.parametrize("written, ref_code", [
    ("7.01.01", "X.XX.01"),                                  # penunjang program of any bidang
    ("7.01.01.2.02.0001", "X.XX.01.2.02.0001"),              # its lines map to the shared X.XX.01…
    ("2.16.01.2.06.0009", "X.XX.01.2.06.0009"),
    ("7.01.03.2.01.03", "7.01.03.2.01.0003"),                # SIPD's two-digit last part
    (" 7.01.04.2.02.0001 ", "7.01.04.2.02.0001"),
    ("X.XX.01.2.01.0001", "X.XX.01.2.01.0001"),
])
def test_codes_are_looked_up_as_documents_write_them(nom, written, ref_code):
    assert nom.lookup(written, "KABKOT").code == ref_code


def test_penunjang_program_name_depends_on_jenis(nom):
    assert nom.lookup("7.01.01", "KABKOT").name.endswith("KABUPATEN/KOTA")
    assert nom.lookup("7.01.01", "PROV").name.endswith("PROVINSI")
    assert nom.jenis_of(["7.01.02.2.01.0002", "7.01.01.2.02.0001"]) == "KABKOT"
    assert nom.jenis_of(["1.01.02.1.01.0001", "X.XX.01.1.02.0001"]) == "PROV"


def test_former_codes_point_at_their_replacement(nom):
    e = nom.lookup("2.16.02.2.01.0017")
    assert (e.name, e.now) == ("Pelayanan Informasi Publik", "2.16.02.2.01.0025")
    assert nom.official("2.16.02.2.01.0017") is None
    assert nom.official("2.16.02.2.01.0025").name.startswith("Pelayanan Informasi Publik serta")


def test_unknown_codes_are_none(nom):
    assert nom.lookup("7.01.02.2.01.0099") is None
    assert nom.lookup("9.99.99") is None
    assert nom.lookup("5.1.02.01.01.0024") is None          # a rekening is not a program code


def test_every_kabkot_sub_kegiatan_of_the_source_is_in_the_reference(nom):
    src = shared_dir()
    book = src / "reference" / "kepmendagri-nomenklatur-sub-kegiatan.xlsx" if src else None
    if book is None or not book.is_file():
        pytest.skip("shared reference workbook not available")
    ws = openpyxl.load_workbook(book, read_only=True).worksheets[0]
    n = 0
    for row in ws.iter_rows(min_row=2, values_only=True):
        code, name = row[4].split(None, 1)
        e = nom.get(row[0], code)
        assert e is not None and e.name == " ".join(name.split()) and not e.now, code
        n += 1
    assert n == 7765


# ---- another revision from the config ---------------------------------------------------------------
def _revision(path, rows, header=("SUBKEGIATAN", "JENIS PEMDA", "SATUAN", "INDIKATOR", "PROGRAM", "KEGIATAN",
                                  "BIDANG", "KINERJA", "SUBKEGIATAN SEBELUMNYA")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


REV_ROWS = [
    ["7.01.02.2.01.0002 Penguatan Tata Kelola\n\nPemerintahan  Kecamatan", "KABKOT", "Laporan",
     "Jumlah Laporan Kegiatan Pemerintahan", "7.01.02 PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
     "7.01.02.2.01 Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", "7.01 KECAMATAN",
     "Terlaksananya Kegiatan", "7.01.02.2.01.0001 Nama Lama"],
]


def test_a_workbook_of_another_layout_is_read_by_its_header_words(tmp_path):
    rows = rows_from_workbook(_revision(tmp_path / "rev.xlsx", REV_ROWS))
    by = {(r[0], r[1]): r for r in rows}
    assert by[("KABKOT", "7.01.02.2.01.0002")][2:] == (
        "sub_kegiatan", "Penguatan Tata Kelola Pemerintahan Kecamatan", "Terlaksananya Kegiatan",
        "Jumlah Laporan Kegiatan Pemerintahan", "Laporan", "")
    assert by[("KABKOT", "7.01.02")][2] == "program" and by[("KABKOT", "7.01")][2] == "bidang"
    assert by[("KABKOT", "7.01.02.2.01.0001")][3:] == ("Nama Lama", "", "", "", "7.01.02.2.01.0002")


def test_config_points_at_another_revision(tmp_path):
    _revision(tmp_path / "rev.xlsx", REV_ROWS)
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text(yaml.safe_dump({"nomenclature": "rev.xlsx"}), encoding="utf-8")    # relative to the config
    doc = write_tables(tmp_path / "t.xlsx", [{"header": ["Kode", "Uraian", "Anggaran (Rp)"], "rows": [
        ["7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 300],
        ["7.01.02.2.01", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 300],
        ["7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", 300]]}])
    shipped = audit([doc])
    assert found(shipped) == []                               # the 2025 name
    other = audit([doc], config=str(cfg))
    name = [f for f in other["findings"] if f["rule"] == "NAME103"]
    assert [(f["location"]["cell"], f["expected"]) for f in name] == [
        ("B4", "Penguatan Tata Kelola Pemerintahan Kecamatan")]
    assert "rev" in name[0]["message"]                         # the revision named after its workbook
    assert other["settings"]["nomenclature"].startswith("Kepmendagri, rev:")
    assert shipped["settings"]["nomenclature"].startswith("Kepmendagri, 2025: ichien86/esakip @ 17ece1cf")


def test_config_with_a_missing_or_wrong_workbook_is_a_config_error(tmp_path):
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text(yaml.safe_dump({"nomenclature": "nope.xlsx"}), encoding="utf-8")
    with pytest.raises(ConfigError, match="file not found"):
        audit([str(SAMPLES / "pk-2024.xlsx")], config=str(cfg))
    bad = write_tables(tmp_path / "bad.xlsx", [{"header": ["No", "Uraian"], "rows": [[1, "x"]]}])
    cfg.write_text(yaml.safe_dump({"nomenclature": bad}), encoding="utf-8")
    with pytest.raises(ConfigError, match="nomenclature"):
        audit([str(SAMPLES / "pk-2024.xlsx")], config=str(cfg))
    with pytest.raises(NomenclatureError):
        rows_from_workbook(bad)


# ---- what counts as the same name ---------------------------------------------------------------------
@pytest.mark.parametrize("stated, official", [
    ("PENYEDIAAN GAJI DAN TUNJANGAN ASN", "Penyediaan Gaji dan Tunjangan ASN"),
    ("Penyediaan  Gaji dan Tunjangan ASN.", "Penyediaan Gaji dan Tunjangan ASN"),
    ("Kegiatan Koordinasi Kegiatan Pemberdayaan Desa", "Koordinasi Kegiatan Pemberdayaan Desa"),
    ("Program Penunjang Urusan Pemerintahan Daerah Kab/Kota", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
    ("Peningkatan Partisipasi Masyarakat dalam Forum Musrenbang Desa",
     "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa"),
    ("Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan",
     "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan"),
    ("Koordinasi Penyelenggaraan Pemerintahan di Tingkat Kecamatan",
     "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan"),
])
def test_same_name_beyond_case_spacing_punctuation_and_abbreviation(stated, official):
    assert same(stated, official)


@pytest.mark.parametrize("stated, official", [
    ("Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan",
     "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan"),
    ("Penyediaan Jasa Surat Menyurat", "Penyediaan Jasa Pelayanan Umum Kantor"),
    ("Relasi Media", "Penyusunan Konten"),
])
def test_another_name_is_not_the_same(stated, official):
    assert not same(stated, official)


def test_units():
    assert same_unit("Orang/ bulan", "Orang/Bulan") and same_unit("Lembaga", "Lembaga Kemasyarakatan")
    assert same_unit("%", "Persen") and not same_unit("Orang", "Dokumen")


# ---- the sample -----------------------------------------------------------------------------------------
def test_every_code_of_the_sample_resolves(nom):
    files, _ = load_all([str(SAMPLES)])
    ctx = Context(files=files)
    rows = check.stated(ctx)
    codes = {s.code for s in rows}
    assert len(codes) >= 20 and all(c.startswith("7.01.") for c in codes)
    assert [c for c in sorted(codes) if nom.official(c, "KABKOT") is None] == []


def test_sample_renamed_sub_kegiatan_is_reported_against_the_nomenclature(sample_report):
    got = [f for f in sample_report["findings"] if f["rule"] == "NAME103"]
    assert [(Path(f["location"]["path"]).name, f["location"]["sheet"], f["location"]["cell"]) for f in got] == [
        ("lkip-2024-tabel.xlsx", "Tabel 3.5", "B29")]
    f = got[0]
    assert f["reported"] == "Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan"
    assert f["expected"] == "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan"
    assert "7.01.02.2.02.0003" in f["diagnosis"]               # the name it does carry is that code's
    # the official line, and the docx's Tabel 3.5 saying the same (folded into this one finding)
    assert [r["role"] for r in f["related"]] == ["official", "also_in"]
    assert f["related"][0]["label"].startswith("7.01.03.2.01.0003")
    assert f["related"][1]["path"].endswith("lkip-2024.docx")


def test_sample_has_no_other_nomenclature_finding(sample_report):
    assert found(sample_report) == [("NAME103", "lkip-2024-tabel.xlsx", "Tabel 3.5", "B29")]


def test_rows_without_code_are_anchored_on_official_names(nom):
    files, _ = load_all([str(SAMPLES)])
    store = build_facts(files, nomenclature=nom)
    by = {r.how for r in store.resolutions}
    assert "nomenclature" in by
    plain = build_facts(files)
    # the anchors tie the same rows to the same entities as before, the renamed row still by its pagu
    assert [r.entity for r in store.resolutions] == [r.entity for r in plain.resolutions]
    assert [r.how for r in store.resolutions if r.how == "pagu"] == [r.how for r in plain.resolutions if r.how == "pagu"]


# ---- look-alike fixtures of the existing kinds -------------------------------------------------------
def _kabkot_7_01(nom):
    """Every KABKOT 7.01 line and the penunjang lines, written as a kecamatan writes them (7.01.01…)."""
    out = []
    for level in ("program", "kegiatan", "sub_kegiatan"):
        out += [e for e in nom.in_bidang("KABKOT", "7.01", level)]
        out += [e for e in nom.in_bidang("KABKOT", "X.XX", level)]
    return sorted(out, key=lambda e: e.code.replace("X.XX", "7.01"))


def test_no_finding_where_names_equal_the_official_ones(tmp_path, nom):
    lines = _kabkot_7_01(nom)
    assert len(lines) > 150
    rows = [[e.code.replace("X.XX", "7.01"), e.name, 100] for e in lines]
    doc = write_tables(tmp_path / "dpa.xlsx", [{"header": ["Kode", "Uraian", "Anggaran (Rp)"], "rows": rows}])
    assert found(audit([doc]), "NAME101", "NAME102", "NAME103", "NAME105") == []


def test_sipd_export_look_alike_with_variants_and_errors(tmp_path, nom):
    prog = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    keg = "Administrasi Keuangan Perangkat Daerah"
    rows = []
    for i in range(30):            # a flat export repeats its codes on many rekening rows
        rows.append(["7.01.01", prog, "7.01.01.2.02", keg, "7.01.01.2.02.01", "PENYEDIAAN GAJI DAN TUNJANGAN ASN",
                     f"5.1.01.01.01.{i + 1:04d}", "Belanja Gaji Pokok PNS", 1000])
    rows.append(["7.01.01", prog, "7.01.01.2.02", keg, "7.01.01.2.02.0003", "Penyediaan Jasa Surat Menyurat",
                 "5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 500])                       # wrong name
    rows.append(["7.01.01", prog, "7.01.01.2.02", keg, "7.01.01.2.02.0099", "Penyediaan Sesuatu",
                 "5.1.02.01.01.0025", "Belanja Kertas", 500])                                   # no such code
    doc = write_tables(tmp_path / "sipd.xlsx", [{"header": SIPD, "rows": rows}])
    rep = audit([doc])
    assert found(rep) == [("NAME101", "sipd.xlsx", "Sheet1", "E33"), ("NAME103", "sipd.xlsx", "Sheet1", "F32")]
    wrong = [f for f in rep["findings"] if f["rule"] == "NAME103"][0]
    assert wrong["expected"] == "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"
    assert "7.01.01.2.08.0001" in wrong["diagnosis"]     # "Penyediaan Jasa Surat Menyurat" is X.XX.01.2.08.0001


def test_the_check_is_generic_over_table_kinds(tmp_path):
    """A table kind this module has never heard of (the LRA kind arrives in parallel) is read by its
    rows' code/name: rename the detected kind and the findings stay."""
    doc = write_tables(tmp_path / "t.xlsx", [{"header": ["Kode", "Uraian", "Anggaran (Rp)"], "rows": [
        ["7.01.03", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", 300],
        ["7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa", 300],
        ["7.01.03.2.01.0003", "Peningkatan Efektifitas Pelaksanaan Pelayanan Kepada Masyarakat di Kecamatan", 300],
        ["7.01.02.2.01.0002", "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan", 300]]}])
    files, _ = load_all([doc])
    for f in files:
        for t in f.tables:
            t.kind = "lra_belanja_sub_kegiatan"
    ctx = Context(files=files)
    from auditor.rules import load_rules
    rules = load_rules()
    got = sorted((r, f.location.cell) for r in ("NAME103", "NAME105") for f in check.run(rules[r], ctx))
    assert got == [("NAME103", "B4"), ("NAME105", "A5")]


# ---- the real LRA exports (urusan 2.16 / 2.20 / 2.21 of Kab. Lampung Selatan) ---------------------------
# codes the 2025 revision dropped without naming a successor (in SUBKEGIATAN SEBELUMNYA): reported by NAME101
DROPPED_2025 = {"2.16.02.2.01.0021", "2.16.03.2.02.0019", "2.16.03.2.02.0034", "2.21.02.2.01.0007",
                "2.21.02.2.02", "2.21.02.2.02.0002"}


def _lra_rows():
    src = shared_dir()
    folder = src / "real" / "lampung-selatan-diskominfo-2026" if src else None
    if folder is None or not folder.is_dir():
        pytest.skip("shared real LRA files not available")
    out = set()
    for path in sorted(folder.glob("lra_*.xlsx")):
        ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        for row in ws.iter_rows(values_only=True):
            row = tuple(row) + (None,) * 6
            if row[2] and re.fullmatch(r"\d\.\d\d\.\d\d(\.\d\.\d\d(\.\d{4})?)?", str(row[2]).strip()) and not row[3]:
                out.add((str(row[2]).strip(), str(row[4])))
    assert len(out) > 50
    return sorted(out)


def test_lra_codes_resolve_and_names_compare_without_false_alarm(nom):
    rows = _lra_rows()
    jenis = nom.jenis_of(c for c, _ in rows)
    assert jenis == "KABKOT"
    unresolved = {c for c, _ in rows if nom.lookup(c, jenis) is None}
    assert unresolved == DROPPED_2025
    assert {c.split(".")[0] + "." + c.split(".")[1] for c, _ in rows} >= {"2.16", "2.21"}
    former = {c for c, _ in rows if c not in unresolved and nom.lookup(c, jenis).now}
    assert "2.16.02.2.01.0017" in former and "2.21.02.2.01.0005" in former
    differs = [(c, n, nom.lookup(c, jenis).name) for c, n in rows if c not in unresolved
               and not same(n, nom.lookup(c, jenis).name)]
    assert differs == []


def test_lra_look_alike_as_an_anggaran_table(tmp_path):
    """The LRA's coded rows in a known kind (Kode | Uraian | Anggaran): the removed codes are the only
    warnings, the renumbered ones information, and no name is reported."""
    rows = _lra_rows()
    doc = write_tables(tmp_path / "lra.xlsx", [{"header": ["Kode", "Uraian", "Anggaran (Rp)"],
                                                "rows": [[c, n, 1] for c, n in rows]}])
    rep = audit([doc])
    cell_of = {f"A{i + 2}": c for i, (c, _) in enumerate(rows)}
    got = {}
    for f in rep["findings"]:
        if f["rule"] in RULES:
            got.setdefault(f["rule"], set()).add(cell_of[f["location"]["cell"]])
    assert got.get("NAME101") == DROPPED_2025
    assert "NAME103" not in got
    assert "2.16.02.2.01.0017" in got.get("NAME102", set())


# ---- a tujuan worded as a sasaran (NAME106) -----------------------------------------------------------------
def test_sample_tujuan_worded_as_its_sasaran(sample_report):
    got = found(sample_report, "NAME106")
    assert got == [("NAME106", "lkip-2024.docx", "table 30", "B4"), ("NAME106", "renstra-tc25.xlsx", "T-C.25", "B8"),
                   ("NAME106", "renstra-tc27.xlsx", "T-C.27", "B9")]
    by = {Path(f["location"]["path"]).name: f for f in sample_report["findings"] if f["rule"] == "NAME106"}
    assert [(r["sheet"], r["cell"]) for r in by["renstra-tc25.xlsx"]["related"]] == [("T-C.25", "D13")]
    # the RKT's tujuan takes up the RPJMD's sasaran (its cascade): not reported
    assert not [f for f in sample_report["findings"] if f["rule"] == "NAME106"
                and f["location"]["path"].endswith("rkt-2024.xlsx")]


def test_tujuan_check_reads_any_table_with_both_columns_in_one_document(tmp_path):
    tc25 = ["No", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran", "Target Kinerja 2024"]
    pk = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
    doc = write_tables(tmp_path / "d.xlsx", [
        {"header": tc25, "rows": [[1, "Meningkatnya Akuntabilitas Kinerja", "Nilai SAKIP", "Meningkatnya mutu layanan",
                                   "IKM", 85]]},
        {"header": pk, "rows": [[1, "Meningkatnya akuntabilitas kinerja.", "Nilai SAKIP OPD", "B"]]}])
    assert found(audit([doc]), "NAME106") == [("NAME106", "d.xlsx", "Sheet1", "B2")]
    # the same words in two different documents are not one document's mistake
    a = write_tables(tmp_path / "a.xlsx", [{"header": tc25, "rows": [[1, "Meningkatnya Akuntabilitas Kinerja",
                                                                       "Nilai SAKIP", "Meningkatnya mutu layanan", "IKM", 85]]}])
    b = write_tables(tmp_path / "b.xlsx", [{"header": pk, "rows": [[1, "Meningkatnya akuntabilitas kinerja", "Nilai", "B"]]}])
    assert found(audit([a, b]), "NAME106") == []


def test_real_e_budgeting_export_codes_and_names_against_the_reference(nom):
    """Kab. Mamberamo Raya's APBD-P 2023 line items: 383 distinct program / kegiatan / sub kegiatan
    codes over 32 bidang, written "code name" (sub kegiatan with the two-digit last part). Every name is
    its code's official one; the only code the 2025 revision does not know is a kegiatan it dropped."""
    src = shared_dir()
    book = src / "real" / "mamberamo-raya-2023" / "ebugeting-perubahan-2023.xlsx" if src else None
    if book is None or not book.is_file():
        pytest.skip("shared real e-budgeting export not available")
    from auditor.reference.build import split
    pairs = set()
    for i, row in enumerate(openpyxl.load_workbook(book, read_only=True).worksheets[0].iter_rows(values_only=True)):
        if i:
            pairs.update(p for p in map(split, row[1:4]) if p)
    assert len(pairs) == 383
    jenis = nom.jenis_of(c for c, _ in pairs)
    assert jenis == "KABKOT"
    assert {c for c, _ in pairs if nom.lookup(c, jenis) is None} == {"2.14.03.2.04"}
    assert [(c, n) for c, n in pairs if nom.lookup(c, jenis) and not same(n, nom.lookup(c, jenis).name)] == []


def test_an_abbreviated_name_without_code_resolves_by_the_official_name(tmp_path, nom):
    """The SIPD export names the sub kegiatan officially; Tabel 3.5 shortens it ("Musrenbang"). The
    fuzzy match among siblings alone does not tie them (score 63): only the identical pagu did, and
    NAME002 called the row renamed. The official name ties it (92, abbreviation spelled out)."""
    prog, keg = "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "Koordinasi Kegiatan Pemberdayaan Desa"
    sub1 = "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa"
    sub3 = "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan"
    sipd = write_tables(tmp_path / "sipd.xlsx", [{"header": SIPD, "rows": [
        ["7.01.03", prog, "7.01.03.2.01", keg, "7.01.03.2.01.0001", sub1, "5.1.02.01.01.0024", "ATK", 7303000],
        ["7.01.03", prog, "7.01.03.2.01", keg, "7.01.03.2.01.0003", sub3, "5.1.02.01.01.0024", "ATK", 120966000]]}])
    lkip = write_tables(tmp_path / "lkip.xlsx", [{"header": ["Sasaran", "Program/ Kegiatan/ Sub Kegiatan Pendukung Sasaran",
                                                             "Anggaran", "Realisasi", "% Serapan Anggaran"], "rows": [
        ["Sasaran 3 : Meningkatnya Kesejahteraan", "Program 1 : Program Pemberdayaan Masyarakat Desa dan Kelurahan", "", "", ""],
        ["", "Kegiatan 1 : Koordinasi Kegiatan Pemberdayaan Desa", "", "", ""],
        ["", "Sub Kegiatan 1 : Partisipasi Masyarakat Forum Musrenbang Desa", "Rp. 7.303.000", "Rp. 6.526.400", 89]]}])
    files, _ = load_all([sipd, lkip])
    plain = build_facts(files)
    anchored = build_facts(files, nomenclature=nom)
    stated = "Partisipasi Masyarakat Forum Musrenbang Desa"
    before = [(r.how, r.entity) for r in plain.resolutions if r.stated == stated]
    after = [(r.how, r.entity) for r in anchored.resolutions if r.stated == stated]
    assert before == [("pagu", "7.01.03.2.01.0001")]
    assert after == [("nomenclature", "7.01.03.2.01.0001")]
    # neither "renamed" (NAME002) nor "not the official name" (NAME103): it is the same name, shortened
    assert found(audit([sipd, lkip]), "NAME002", "NAME103") == []


# ---- two sasaran of one list with one wording (NAME107) ------------------------------------------------------
@pytest.mark.parametrize("which", ["fail", "pass"])
def test_name107_examples_in_a_docx(tmp_path, which):
    from auditor.rules import load_rules
    from tests.test_text import write_docx
    ex = load_rules()["NAME107"].examples[which]
    rep = audit([write_docx(tmp_path / f"{which}.docx", ex["text"])])
    got = [f for f in rep["findings"] if f["rule"] == "NAME107"]
    want = ex.get("findings") or []
    assert sorted(next((w for w in want if w in f["location"]["quote"]), f["location"]["quote"]) for f in got) == \
        sorted(want)


def test_sample_sasaran_5_and_6_share_a_name_in_the_ikhtisar_and_in_section_e(sample_report):
    got = sorted((f["location"]["sheet"], f["location"]["row_label"], f["related"][0]["label"], f["reported"])
                 for f in sample_report["findings"] if f["rule"] == "NAME107")
    name = "penataan organisasi pemerintah daerah dan tata laksana penyelenggaraan pemerintahan dan pelayanan publik"
    assert got == [
        ("BAB III AKUNTABILITAS KINERJA > E. EVALUASI DAN ANALISIS PENYEBAB KEBERHASILAN DAN KEGAGALAN",
         "Sasaran 6", "Sasaran 5", "Meningkatkan " + name),
        ("IKHTISAR EKSEKUTIF", "Sasaran 6", "Sasaran 5", "Meningkatnya " + name)]


def test_same_sasaran_named_again_or_in_another_section_is_not_reported(tmp_path):
    from tests.test_text import write_docx
    doc = write_docx(tmp_path / "d.docx", [
        "# IKHTISAR EKSEKUTIF",
        "Sasaran 5 : Meningkatnya penataan organisasi pemerintah daerah mendapat predikat Sangat Tinggi.",
        "Sasaran 5 : Meningkatnya penataan organisasi pemerintah daerah dengan capaian 100%.",
        "Capaian kinerja Sasaran 6: 100% dapat dikategorikan efisien.",
        "# BAB III AKUNTABILITAS KINERJA",
        "Sasaran 6 : Meningkatnya penataan organisasi pemerintah daerah mendapat predikat Sangat Tinggi."])
    assert [f for f in audit([doc])["findings"] if f["rule"] == "NAME107"] == []
