"""The shortcuts of table detection give exactly what the plain ways give.

* ``conventions._may_state_unit`` is a substring pre-test before the unit pattern: it must be true
  wherever ``_ANY_UNIT`` matches (generated texts, with the letters re.IGNORECASE folds specially).
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
    if CV._ANY_UNIT.search(text):
        assert CV._may_state_unit(text)


# one text per alternative of the unit patterns, and ones that only re.IGNORECASE's folding matches
@pytest.mark.parametrize("text", ["dalam miliaran", "MILYAR", "Rp. M", "(dalam jutaan)", "juta rupiah", "Rp jt",
                                  "( juta )", "ribuan", "ribu rupiah", "Rp 000", "( 000 )", "rp.ribu",
                                  "x Rp 1.000", "mılyar", "rİbuan", "MİLİAR"])
def test_unit_pretest_on_unit_texts(text):
    assert CV._ANY_UNIT.search(text)
    assert CV._may_state_unit(text)


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
