from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.numbers import (
    Num,
    column_style,
    format_id,
    interval,
    is_empty_marker,
    is_placeholder,
    parse_cell,
    parse_grade,
    parse_text,
)

D = Decimal

# text, value, decimals, percent, rupiah, unit
TEXT_CASES = [
    ("1.949.000", "1949000", 0, False, False, None),
    ("Rp. 1.949.000", "1949000", 0, False, True, None),
    ("Rp1.949.000,00", "1949000", 2, False, True, None),
    ("Rp 4.416.692.224,-", "4416692224", 0, False, True, None),
    ("Rp3.116.155.160", "3116155160", 0, False, True, None),
    ("Rp.1.949.000", "1949000", 0, False, True, None),
    ("RP 250.000", "250000", 0, False, True, None),
    ("82,89%", "82.89", 2, True, False, None),
    ("82,89", "82.89", 2, False, False, None),
    ("99,85", "99.85", 2, False, False, None),
    ("95,56%", "95.56", 2, True, False, None),
    ("89,5%", "89.5", 1, True, False, None),
    ("100%", "100", 0, True, False, None),
    ("100 %", "100", 0, True, False, None),
    ("80,41", "80.41", 2, False, False, None),
    ("0,95%", "0.95", 2, True, False, None),
    ("116,54", "116.54", 2, False, False, None),
    ("85 persen", "85", 0, True, False, None),
    # English style
    ("1,949,000.00", "1949000", 2, False, False, None),
    ("1,949,000", "1949000", 0, False, False, None),
    ("82.89", "82.89", 2, False, False, None),
    ("89.5%", "89.5", 1, True, False, None),
    ("0.8289", "0.8289", 4, False, False, None),
    ("1.949,5", "1949.5", 1, False, False, None),
    ("1,949.5", "1949.5", 1, False, False, None),
    # ambiguous single group of 3 (default Indonesian)
    ("1.949", "1949", 0, False, False, None),
    ("1,949", "1.949", 3, False, False, None),
    ("0.949", "0.949", 3, False, False, None),     # a leading 0 group cannot be thousands
    ("12345.678", "12345.678", 3, False, False, None),  # neither can a group of more than 3
    # units
    ("4 Dokumen", "4", 0, False, False, "Dokumen"),
    ("15 orang/ bulan", "15", 0, False, False, "orang/ bulan"),
    ("25 orang/bulan", "25", 0, False, False, "orang/bulan"),
    ("12 Laporan", "12", 0, False, False, "Laporan"),
    ("10 unit", "10", 0, False, False, "unit"),
    ("3 Kali per tahun", "3", 0, False, False, "Kali per tahun"),
    ("1.000 rupiah", "1000", 0, False, True, None),
    # negatives
    ("(1.234)", "-1234", 0, False, False, None),
    ("-1.234", "-1234", 0, False, False, None),
    ("\u22121.234", "-1234", 0, False, False, None),
    ("(0,76)", "-0.76", 2, False, False, None),
    ("(Rp1.234.567)", "-1234567", 0, False, True, None),
    ("-Rp1.234", "-1234", 0, False, True, None),
    ("Rp -1.234", "-1234", 0, False, True, None),
    ("(5%)", "-5", 0, True, False, None),
    # spaces
    ("  1.949.000  ", "1949000", 0, False, False, None),
    ("\u00a01.949.000\u00a0", "1949000", 0, False, False, None),
    ("Rp\u00a01.949.000", "1949000", 0, False, True, None),
    ("82,89\u00a0%", "82.89", 2, True, False, None),
    ("1.949.000\u202f", "1949000", 0, False, False, None),
    ("0", "0", 0, False, False, None),
    ("2024", "2024", 0, False, False, None),
]


@pytest.mark.parametrize("text,value,decimals,percent,rupiah,unit", TEXT_CASES)
def test_parse_text_examples(text, value, decimals, percent, rupiah, unit):
    n = parse_text(text)
    assert n is not None, text
    assert n.value == D(value)
    assert n.decimals == decimals
    assert n.percent is percent
    assert n.rupiah is rupiah
    assert n.unit == unit
    assert n.grade is None
    assert n.text == text.strip()


NONE_CASES = [
    "", "   ", "-", "–", "abc", "n/a", "Rp.....", "…",
    "Tabel 3.8 Realisasi", "Tabel 3.8", "Sasaran 1 : Meningkatnya", "Program 1 : Penunjang",
    "7.01.01.2.01.0001", "7.01.01", "7.01.02.2.01.01", "5.1.02.01.01.0024", "5.1.02.01.001.00024",
    "31 Desember 2024", "31 Des 2024", "12 Januari", "NIP. 19680906 199503 1 003", "19680906 199503 1 003",
    "(1)", "(12)", "1.", "1.1.1", "0001", "003",
    "6 (5/4*100%)", "13=6+12", "14=13/5x100%", "91 - 100", "≥ 91", "1 949 000",
    "1 Meningkatnya kualitas pelayanan publik kecamatan",
    "1.949.000.00", "1.949,000,5", "82,89,-", "--5", "- -5",
    "BB", "A",
]


@pytest.mark.parametrize("text", NONE_CASES)
def test_parse_text_none(text):
    assert parse_text(text) is None


def test_invisible_characters():
    assert parse_text("\ufeff1.949.000").value == D(1949000)
    assert parse_text("82,89%\u200b").value == D("82.89")
    assert parse_text("\u200bJumlah") is None


def test_parse_text_non_string():
    assert parse_text(None) is None
    assert parse_text(True) is None
    assert parse_text(5).value == 5


@pytest.mark.parametrize(
    "text,style,value,decimals",
    [
        ("1.949", None, "1949", 0),
        ("1.949", "id", "1949", 0),
        ("1.949", "en", "1.949", 3),
        ("1,949", None, "1.949", 3),
        ("1,949", "id", "1.949", 3),
        ("1,949", "en", "1949", 0),
        # unambiguous forms ignore style
        ("1.949.000", "en", "1949000", 0),
        ("82,89", "en", "82.89", 2),
        ("82.89", "id", "82.89", 2),
        ("1,949,000", "id", "1949000", 0),
    ],
)
def test_style_decides_only_ambiguous(text, style, value, decimals):
    n = parse_text(text, style)
    assert (n.value, n.decimals) == (D(value), decimals)


@pytest.mark.parametrize(
    "text,grade,value,decimals",
    [("B (69)", "B", "69", 0), ("BB (75,5)", "BB", "75.5", 1), ("A(85)", "A", "85", 0),
     ("69 (B)", "B", "69", 0), ("CC ( 55 )", "CC", "55", 0)],
)
def test_grades(text, grade, value, decimals):
    n = parse_text(text)
    assert n.grade == grade and n.value == D(value) and n.decimals == decimals
    assert parse_grade(text) == grade


@pytest.mark.parametrize(
    "text,grade",
    [("BB", "BB"), ("AA", "AA"), (" B ", "B"), ("D", "D"), ("B (69)", "B"), ("Baik", None), ("E", None),
     ("69", None), ("", None), (None, None), ("bb", None)],
)
def test_parse_grade(text, grade):
    assert parse_grade(text) == grade


@pytest.mark.parametrize("text", [None, "", "  ", "-", "–", "—", "--", "-,-", "n/a", "N/A", "NA", "Rp -", "Rp. -",
                                  "\u00a0"])
def test_empty_markers(text):
    assert is_empty_marker(text)


@pytest.mark.parametrize("text", ["0", "x", "Rp 0", "Rp.....", "1", "nihil"])
def test_not_empty_markers(text):
    assert not is_empty_marker(text)
    assert not is_empty_marker(0)


@pytest.mark.parametrize("text", ["Rp.....", "Rp ....", "(Rp....)", "…", "...", "Rp. .....", "Rp ……", "Rp", "Rp.",
                                  "Rp......,-", "....%"])
def test_placeholders(text):
    assert is_placeholder(text)
    assert parse_text(text) is None


@pytest.mark.parametrize("text", ["Rp 1.000", "-", "", "0", "Jumlah", "1...", None])
def test_not_placeholders(text):
    assert not is_placeholder(text)


# value, number_format, expected value, decimals, percent, rupiah, text
CELL_CASES = [
    (80.41, "0.00", "80.41", 2, False, False, "80,41"),
    (80.4123, "0.00", "80.41", 2, False, False, "80,41"),
    (69.0, "0.00", "69.00", 2, False, False, "69,00"),
    (2511744198, "#,##0", "2511744198", 0, False, False, "2.511.744.198"),
    (2511744198.4, "#,##0", "2511744198", 0, False, False, "2.511.744.198"),
    (0.8289, "0.00%", "82.89", 2, True, False, "82,89%"),
    (0.8289, "0%", "83", 0, True, False, "83%"),
    (0.955, "0.0%", "95.5", 1, True, False, "95,5%"),
    (1, "0%", "100", 0, True, False, "100%"),
    (80.41, "General", "80.41", 2, False, False, "80,41"),
    (80.41, None, "80.41", 2, False, False, "80,41"),
    (69.0, None, "69", 0, False, False, "69"),
    (2511744198, None, "2511744198", 0, False, False, "2.511.744.198"),
    (0.1 + 0.2, None, "0.3", 1, False, False, "0,3"),
    (D("82.890"), None, "82.89", 2, False, False, "82,89"),
    (1949000, '"Rp"#,##0', "1949000", 0, False, True, "Rp1.949.000"),
    (1949000, '"Rp "#,##0.00', "1949000", 2, False, True, "Rp1.949.000,00"),
    (1949000, "_-[$Rp-421]* #,##0_-;-[$Rp-421]* #,##0_-;_-[$Rp-421]* \"-\"_-;_-@_-", "1949000", 0, False,
     True, "Rp1.949.000"),
    (1949000, '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)', "1949000", 2, False, True,
     "Rp1.949.000,00"),
    (1949000, "[$-421]#,##0", "1949000", 0, False, False, "1.949.000"),
    (-1234.5, "#,##0.00_);(#,##0.00)", "-1234.50", 2, False, False, "-1.234,50"),
    (5.5, "0.0#", "5.5", 1, False, False, "5,5"),
    (5.55, "0.0#", "5.55", 2, False, False, "5,55"),
    (5.555, "0.0#", "5.56", 2, False, False, "5,56"),
    (1949000, "#,##0,", "1949", 0, False, False, "1.949"),
    (82.89, '0.00"%"', "82.89", 2, True, False, "82,89%"),
    (2.675, "0.00", "2.68", 2, False, False, "2,68"),   # decimal half-up, not binary 2.67499…
    (7, "@", "7", 0, False, False, "7"),
]


@pytest.mark.parametrize("value,fmt,expected,decimals,percent,rupiah,text", CELL_CASES)
def test_parse_cell(value, fmt, expected, decimals, percent, rupiah, text):
    n = parse_cell(value, fmt)
    assert n is not None
    assert n.value == D(expected)
    assert n.decimals == decimals
    assert n.percent is percent
    assert n.rupiah is rupiah
    assert n.text == text
    assert n.stored is not None


def test_parse_cell_keeps_stored_value():
    n = parse_cell(0.828912, "0.00%")
    assert n.value == D("82.89") and n.stored == D("82.8912")
    assert str(parse_cell(0.8289, "0.00%").stored) == "82.89"


@pytest.mark.parametrize(
    "value,fmt",
    [(None, None), (True, None), (False, "0"), (float("nan"), None), (float("inf"), "0.00"),
     (45000, "dd/mm/yyyy"), (45000.5, "m/d/yy h:mm"), (0.5, "[h]:mm:ss"), (object(), None)],
)
def test_parse_cell_none(value, fmt):
    assert parse_cell(value, fmt) is None


def test_parse_cell_strings_go_to_parse_text():
    assert parse_cell("82,89%", "General").value == D("82.89")
    assert parse_cell("1.949", None, "en").value == D("1.949")
    assert parse_cell("Tabel 3.8", None) is None


def test_interval():
    assert interval(parse_text("69")) == (D("68.5"), D("69.5"))
    lo, hi = interval(parse_text("82,89%"))
    assert (lo, hi) == (D("82.885"), D("82.895"))
    assert not (lo <= D("82.86") <= hi)
    lo, hi = interval(parse_text("69"))
    assert lo <= D("68.96") <= hi


@pytest.mark.parametrize(
    "args,kwargs,out",
    [((1949000, 0), {"rupiah": True}, "Rp1.949.000"),
     ((D("82.89"), 2), {"percent": True}, "82,89%"),
     ((1920536667, 0), {}, "1.920.536.667"),
     ((D("-1234.5"), 1), {}, "-1.234,5"),
     ((82.885, 2), {}, "82,89"),
     ((D("-0.001"), 2), {}, "0,00"),
     ((1949000, 2), {"style": "en"}, "1,949,000.00"),
     ((D("-1949000"), 0), {"rupiah": True}, "-Rp1.949.000")],
)
def test_format_id(args, kwargs, out):
    assert format_id(*args, **kwargs) == out


@pytest.mark.parametrize(
    "texts,style",
    [(["1.949.000", "2.511.744.198", "1.949"], "id"),
     (["82.89", "1.5", "1.949"], "en"),
     (["1,949,000", "1,949"], "en"),
     (["82,89", "99,85"], "id"),
     (["1.949", "100", "-", None, 5], None),
     (["1.949.000", "82.89"], None)],
)
def test_column_style(texts, style):
    assert column_style(texts) == style


def test_num_is_frozen_and_hashable():
    n = parse_text("82,89%")
    assert isinstance(n, Num)
    with pytest.raises(Exception):
        n.value = D(1)  # type: ignore[misc]
    assert hash(n) == hash(parse_text("82,89%"))


# --------------------------------------------------------------------------------------------------
# properties

money = st.integers(min_value=-(10**13), max_value=10**13)
percents = st.integers(min_value=0, max_value=3).flatmap(
    lambda p: st.tuples(
        st.decimals(min_value=0, max_value=200, places=p, allow_nan=False, allow_infinity=False), st.just(p)
    )
)


@given(money, st.sampled_from([0, 2]), st.booleans())
def test_roundtrip_money_indonesian(n, decimals, rupiah):
    v = D(n).scaleb(-decimals) if decimals else D(n)
    text = format_id(v, decimals, rupiah=rupiah)
    got = parse_text(text)
    assert got is not None, text
    assert (got.value, got.decimals, got.rupiah, got.percent) == (v, decimals, rupiah, False)


@given(money, st.sampled_from(["Rp", "Rp ", "Rp. ", "Rp.", "RP ", "Rp\u00a0"]), st.sampled_from(["", ",-", ",00"]))
def test_roundtrip_money_decorated(n, prefix, suffix):
    n = abs(n)
    text = prefix + format_id(n, 0) + suffix
    got = parse_text(text)
    assert got is not None, text
    assert got.value == n and got.rupiah
    assert got.decimals == (2 if suffix == ",00" else 0)


@given(money, st.sampled_from([0, 2]))
def test_roundtrip_money_english(n, decimals):
    v = D(n).scaleb(-decimals) if decimals else D(n)
    text = format_id(v, decimals, style="en")
    got = parse_text(text, "en")
    assert got is not None, text
    assert (got.value, got.decimals) == (v, decimals)
    if abs(n) >= 10**6 or decimals:  # unambiguous patterns need no style
        assert parse_text(text).value == v


@given(percents, st.sampled_from(["", "%", " %"]), st.sampled_from(["id", "en"]))
def test_roundtrip_percent(pv, suffix, style):
    v, places = pv
    text = format_id(v, places, style=style) + suffix
    got = parse_text(text, style)
    assert got is not None, text
    assert got.value == v and got.decimals == places
    assert got.percent is bool(suffix)
    lo, hi = interval(got)
    assert lo <= v <= hi and hi - lo == D(1).scaleb(-places)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
       st.sampled_from(["0", "0.0", "0.00", "#,##0", "#,##0.00", "0.00%", "0%", None, '"Rp"#,##0']))
def test_parse_cell_text_reparses(x, fmt):
    n = parse_cell(x, fmt)
    assert n is not None
    back = parse_text(n.text)
    assert back is not None, n.text
    assert back.value == n.value and back.decimals == n.decimals and back.percent == n.percent


@settings(max_examples=500)
@given(st.text())
def test_parse_text_never_raises(s):
    n = parse_text(s)
    if not any(c in "0123456789" for c in s):
        assert n is None
    parse_text(s, "en")
    is_empty_marker(s)
    is_placeholder(s)
    parse_grade(s)


@given(st.text(alphabet="0123456789.,-%Rp() /Dokumen\u00a0", max_size=25))
def test_parse_text_never_raises_numberish(s):
    n = parse_text(s)
    if n is not None:
        assert isinstance(n.value, Decimal) and n.decimals >= 0
        interval(n)


@given(st.integers(min_value=-10**20, max_value=10**20))
@settings(max_examples=400)
def test_whole_number_shortcut_equals_the_general_path(v):
    # parse_cell(int) takes a shortcut (most amounts of an export); "General" goes the long way
    fast, slow = parse_cell(v), parse_cell(v, "General")
    assert (fast, fast.text, fast.stored) == (slow, slow.text, slow.stored)
    assert fast.text == (f"{v:,}".replace(",", "."))
