"""The shortcuts of table detection give exactly what the plain ways give.

* a table's stated unit is pre-tested by its words (``text.keywords.may_match`` of
  ``conventions._UNIT_WORDS``) before the unit patterns: the pre-test must be true wherever one of
  ``conventions._UNITS`` matches (generated texts, with the letters re.IGNORECASE folds specially).
* ``detect._header_row`` looks only at a row's filled cells and stops at the second header-like one:
  the same answer as counting ``_is_headerish`` over every column, on every row of the samples.
"""
from __future__ import annotations

import glob
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.readers.document import read_document
from auditor.readers.workbook import read_workbook
from auditor.tables import conventions as CV
from auditor.tables import detect as D
from auditor.text.keywords import may_match


def _any_unit(text: str) -> bool:
    return any(rx.search(text) for rx, _power in CV._UNITS)


def _may_state_unit(text: str) -> bool:
    return may_match(text, CV._UNIT_WORDS)

HERE = os.path.dirname(__file__)
SAMPLES = os.path.join(HERE, os.pardir, "samples")

# pieces of the unit phrases and their look-alikes, letters re.I folds in its own way (ı, İ, ſ, K),
# punctuation and digits: texts made of them hit the pattern often
_PIECES = ["miliar", "milyar", "an", "dalam ", "jutaan", "juta", "jt", "rupiah", "rp", "Rp.", "RP ", "ribuan",
           "ribu", "000", "1.000", "(", ")", " ", "x", "m", "i", "l", "ı", "İ", "ſ", "K", "ﬀ", "Ri", "BU", "Juta",
           "MİLİAR", "mılyar", "rıbu", "-", ".", "2024", "anggaran", "\u00a0"]


# fewer pieces: the shapes that need three in a row ("(" "000" ")") come up often
_FEW = ["(", ")", " ", "000", "juta", "rp", "Rp.", "m", "ı", "İ", "ribu", "miliar", "x", "1.", "an", "dalam "]


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_PIECES), max_size=8), st.lists(st.sampled_from(_FEW), max_size=6))
       .map("".join))
def test_unit_pretest_never_hides_a_unit(text):
    if _any_unit(text):
        assert _may_state_unit(text)


# one text per alternative of the unit patterns, and ones that only re.IGNORECASE's folding matches
@pytest.mark.parametrize("text", ["dalam miliaran", "MILYAR", "Rp. M", "(dalam jutaan)", "juta rupiah", "Rp jt",
                                  "( juta )", "ribuan", "ribu rupiah", "Rp 000", "( 000 )", "rp.ribu",
                                  "x Rp 1.000", "mılyar", "rİbuan", "MİLİAR"])
def test_unit_pretest_on_unit_texts(text):
    assert _any_unit(text)
    assert _may_state_unit(text)


def _sample_grids():
    grids = []
    for p in sorted(glob.glob(os.path.join(SAMPLES, "*", "*"))):
        if p.endswith(".xlsx"):
            grids += read_workbook(p)
        elif p.endswith(".docx"):
            grids += read_document(p).grids
    return grids


def test_header_row_is_the_full_count():
    grids = _sample_grids()
    assert grids
    for g in grids:
        for r in range(-1, g.nrows + 1):
            full = sum(1 for c in range(g.ncols) if D._is_headerish(g.text(r, c)))
            assert D._header_row(g, r) == (full >= 2), (g.path, g.sheet, r)


def _norm_ref(text: str) -> str:
    """detect.norm as it was: the regex on any text (then the broken header words mended, detect._mend)."""
    words = D._PUNCT.sub(" ", text.lower().replace("∑", "σ")).split()
    return " ".join(D._mend(words) if len(words) > 1 else words)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(list("aZ9 %/-().,:\t\n_∑σΣ\u212aİıß\u00a0é") + ["Rp", "Target", "2024"]),
                max_size=30).map("".join) | st.text(max_size=20))
def test_norm_ascii_path(text):
    assert D.norm(text) == _norm_ref(text)


def _flatten_ref(det, r0, r1):
    out = []
    for c in range(det.g.ncols):
        parts = []
        for r in range(r0, r1 + 1):
            t = det.ttext(r, c) or (det.group_left(r, c) if r < r1 else "")
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        out.append(D.norm(" ".join(parts)) if parts else "")
    return out


def _tails_ref(det, r0, r1):
    out = []
    for c in range(det.g.ncols):
        parts = []
        for r in range(r0, r1 + 1):
            rng = det.merge_of.get((r, c))
            t = det.ttext(r, c) or (det.group_left(r, c) if r < r1 else "")
            if not t or (parts and parts[-1] == t):
                continue
            over = rng[3] > rng[1] and rng[2] < r1 if rng else r < r1 and bool(det.g.text(r + 1, c))
            if over and D._NEUTRAL_GROUP.match(D.norm(t)):
                parts = []
                continue
            parts.append(t)
        out.append(D.norm(" ".join(parts)) if parts else "")
    return out


def test_header_texts_are_flatten_and_tails():
    """One pass gives what the two separate passes (Detector.flatten and .tails before) gave, for every
    header start and depth of every sample grid, merged ones included."""
    for g in _sample_grids():
        det = D.Detector(g)
        for r0 in range(g.nrows):
            for r1 in range(r0, min(r0 + D.MAX_HEADER_ROWS, g.nrows)):
                assert det.header_texts(r0, r1) == (_flatten_ref(det, r0, r1), _tails_ref(det, r0, r1)), \
                    (g.path, g.sheet, r0, r1)


# -- numeric_cell without its empty-marker test --------------------------------------------------------
from auditor.numbers import is_empty_marker, parse_cell  # noqa: E402
from auditor.tables.cells import numeric_cell  # noqa: E402

_MARKERS = ["-", "–", "—", "-,-", "- ,–", "n/a", "N / A", "n.a.", "NA", "na", "Rp -", "Rp. –,--", "IDR-", " ",
            "\u00a0", "\u200b", "'", "(", ")", "%", "1", "0", ",", ".", "Rp", "x", "\u2212", "\u2010"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MARKERS), max_size=6).map("".join) | st.text(max_size=12))
def test_an_empty_marker_never_parses(text):
    """numeric_cell no longer asks is_empty_marker before parsing: a marker has no digit, so it never
    parses (as text; nor with any number format, which only applies to numbers)."""
    if is_empty_marker(text):
        assert parse_cell(text) is None
        assert parse_cell(text, "#,##0.00") is None
        assert numeric_cell(text, 0, 0, set(), {(0, 0): "0.00%"}, {})[1] is None
