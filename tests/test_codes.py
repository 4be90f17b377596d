from __future__ import annotations

import pytest

from auditor.codes import (
    code_level,
    label_level,
    normalise_program_code,
    normalise_rekening,
    numbering_level,
    parent_code,
    rekening_group,
    split_code_label,
)

# text, canonical, level, parent
PROGRAM_CODES = [
    ("7", "7", "urusan", None),
    ("7.01", "7.01", "bidang", "7"),
    ("7.01.01", "7.01.01", "program", "7.01"),
    ("7.01.01.2.01", "7.01.01.2.01", "kegiatan", "7.01.01"),
    ("7.01.01.2.01.0001", "7.01.01.2.01.0001", "sub_kegiatan", "7.01.01.2.01"),
    ("7.01.02.2.01.01", "7.01.02.2.01.0001", "sub_kegiatan", "7.01.02.2.01"),
    ("7.01.02.2.01.001", "7.01.02.2.01.0001", "sub_kegiatan", "7.01.02.2.01"),
    ("X.XX.01.2.01.0001", "X.XX.01.2.01.0001", "sub_kegiatan", "X.XX.01.2.01"),
    ("x.xx.01.2.01.0001", "X.XX.01.2.01.0001", "sub_kegiatan", "X.XX.01.2.01"),
    (" 7.01.01 ", "7.01.01", "program", "7.01"),
    ("7. 01. 01. 2. 01. 0001", "7.01.01.2.01.0001", "sub_kegiatan", "7.01.01.2.01"),
    ("7.01.01.", "7.01.01", "program", "7.01"),
    ("7.01.06.2.02.0007", "7.01.06.2.02.0007", "sub_kegiatan", "7.01.06.2.02"),
    (7, "7", "urusan", None),
]


@pytest.mark.parametrize("text,code,level,parent", PROGRAM_CODES)
def test_program_codes(text, code, level, parent):
    assert normalise_program_code(text) == code
    assert code_level(text) == level
    assert parent_code(text) == parent


@pytest.mark.parametrize(
    "text",
    [None, "", "abc", "7.01.01.2", "7.1.1", "7.01.1", "07.01.01", "7.01.01.2.01.00001", "7.01.01.02.01",
     "5.1.02.01.01.0024", "5.1.02", "1.1", "1.1.1", "31.12.2024", "7.01.0.00.0.00.01.0000", "7.01.01.2.01.0001.1",
     "Program 7.01.01", True],
)
def test_not_program_codes(text):
    assert normalise_program_code(text) is None
    assert code_level(text) is None
    assert parent_code(text) is None


@pytest.mark.parametrize(
    "text,code,group",
    [("5.1.02.01.001.00024", "5.1.02.01.01.0024", "operasi"),
     ("5.1.02.01.01.0024", "5.1.02.01.01.0024", "operasi"),
     ("5.1.02.01.01.00024", "5.1.02.01.01.0024", "operasi"),
     ("5.2.02.05.01.0005", "5.2.02.05.01.0005", "modal"),
     ("5.3.01.01.01.0001", "5.3.01.01.01.0001", "tidak_terduga"),
     ("5.4.01", "5.4.01", "transfer"),
     ("5.1", "5.1", "operasi"),
     ("5", "5", None),
     ("4.1.01.06", "4.1.01.06", None),
     (" 5.1.02.01.001.00024 ", "5.1.02.01.01.0024", "operasi")],
)
def test_rekening(text, code, group):
    assert normalise_rekening(text) == code
    assert rekening_group(text) == group


@pytest.mark.parametrize("text", [None, "", "7.01.01", "7.01.01.2.01.0001", "5.1.02.01.01.240000",
                                  "5.1.102", "5.1.02.01.01.0024.1", "5.a.02", "51.02"])
def test_not_rekening(text):
    assert normalise_rekening(text) is None
    assert rekening_group(text) is None


@pytest.mark.parametrize(
    "text,code,rest",
    [("7.01.01.2.01.0001 Penyusunan Dokumen", "7.01.01.2.01.0001", "Penyusunan Dokumen"),
     ("7.01.02.2.01.01 Pelayanan", "7.01.02.2.01.0001", "Pelayanan"),
     ("7.01.01 - Program Penunjang Urusan", "7.01.01", "Program Penunjang Urusan"),
     ("7.01.01.2.01: Perencanaan", "7.01.01.2.01", "Perencanaan"),
     ("X.XX.01.2.01.0001 Penyediaan", "X.XX.01.2.01.0001", "Penyediaan"),
     ("  7.01.03   Pemberdayaan", "7.01.03", "Pemberdayaan"),
     ("5.1.02.01.01.0024 Belanja Alat Tulis Kantor", "5.1.02.01.01.0024", "Belanja Alat Tulis Kantor"),
     ("5.1.02.01.001.00024 Belanja ATK", "5.1.02.01.01.0024", "Belanja ATK"),
     ("7.01.01.2.01.0001", "7.01.01.2.01.0001", "")],
)
def test_split_code_label(text, code, rest):
    assert split_code_label(text) == (code, rest)


@pytest.mark.parametrize(
    "text",
    ["Penyusunan Dokumen", "1 Penyusunan", "1.1 Indikator", "1.1.1 Sub", "7 Urusan", "7.01 Kecamatan",
     "7.01.01.2 Kegiatan", "7.01.0.00.0.00.01.0000 Kecamatan Kalisat", "Tabel 3.8 Realisasi", "2024 Laporan", ""],
)
def test_split_code_label_none(text):
    assert split_code_label(text) == (None, text)


@pytest.mark.parametrize(
    "text,level,ordinal,rest",
    [("Program 1 : Penunjang Urusan", "program", "1", "Penunjang Urusan"),
     ("PROGRAM 2 : PENYELENGGARAAN PEMERINTAHAN", "program", "2", "PENYELENGGARAAN PEMERINTAHAN"),
     ("Kegiatan 2 : Perencanaan", "kegiatan", "2", "Perencanaan"),
     ("Sub Kegiatan 1 : Penyusunan Dokumen", "sub_kegiatan", "1", "Penyusunan Dokumen"),
     ("Sub Kegiatan : Penyusunan Dokumen", "sub_kegiatan", None, "Penyusunan Dokumen"),
     ("Subkegiatan 3: Koordinasi", "sub_kegiatan", "3", "Koordinasi"),
     ("Sasaran 1 : Meningkatnya kualitas", "sasaran", "1", "Meningkatnya kualitas"),
     ("Sasaran Strategis 2", "sasaran", "2", ""),
     ("Sasaran Strategis 2 : Meningkatnya", "sasaran", "2", "Meningkatnya"),
     ("Tujuan 1 : Meningkatkan", "tujuan", "1", "Meningkatkan"),
     ("Indikator 1.1 Nilai IKM", "indikator", "1.1", "Nilai IKM"),
     ("Indikator : Nilai IKM", "indikator", None, "Nilai IKM"),
     ("Indikator Kinerja Program : Persentase", "indikator", None, "Persentase"),
     ("Program Penunjang Urusan", "program", None, "Program Penunjang Urusan"),
     ("Kegiatan Perencanaan, Penganggaran", "kegiatan", None, "Kegiatan Perencanaan, Penganggaran"),
     ("Sub Kegiatan Penyusunan Dokumen", "sub_kegiatan", None, "Sub Kegiatan Penyusunan Dokumen"),
     ("program 1:penunjang", "program", "1", "penunjang"),
     ("Program1:Penunjang", "program", "1", "Penunjang"),
     ("Sasaran 1:Meningkatnya", "sasaran", "1", "Meningkatnya"),
     ("Program 1. Penunjang", "program", "1", "Penunjang"),
     ("Program 3 - Pemberdayaan", "program", "3", "Pemberdayaan"),
     ("  Kegiatan 2 :  Perencanaan  ", "kegiatan", "2", "Perencanaan")],
)
def test_label_level(text, level, ordinal, rest):
    assert label_level(text) == (level, ordinal, rest)


@pytest.mark.parametrize(
    "text",
    ["Penyusunan Dokumen", "Programnya", "Program dan Kegiatan", "Program/Kegiatan/Sub Kegiatan",
     "Jumlah", "", "1 Program", "Realisasi Program"],
)
def test_label_level_none(text):
    assert label_level(text) == (None, None, text)


@pytest.mark.parametrize(
    "text,level",
    [("1", 1), ("1.1", 2), ("1.1.1", 3), ("1.", 1), ("1.1.", 2), (" 2 ", 1), ("12", 1), ("3.10", 2),
     (1, 1), (1.0, 1), ("(1)", None), ("", None), (None, None), ("a.", None), ("1.949.000", None),
     ("I", None), ("1)", None), ("Jumlah", None), ("1 a", None)],
)
def test_numbering_level(text, level):
    assert numbering_level(text) == level
