"""How a table writes its numbers: judged once per column (or per table), then every cell read by it.

* `-` for zero in an amount column that holds other amounts (a parent written `-` whose children add
  up to something is then a finding, not a silence). Never in a target/capaian column, where `-`
  means "not measured".
* Amounts in ribuan / jutaan / miliar, stated in the title, a header or a footnote ("dalam ribuan
  rupiah", "(Rp 000)", "Rp Juta"): within the table nothing changes (the units cancel); the facts it
  states to other documents are scaled (tables.model.Table.unit_scale), with their precision.
* Numbering schemes of a No column (`A / I / 1.1`, `1 / 1.1 / 1.1.1`, `a / b`, Roman numerals): each
  shape is a level, in the order the column first uses it, so "1.1" under "I" is a sub kegiatan of
  kegiatan I, not a kegiatan numbered wrongly.

Percentages written as fractions are judged by the ratio check, which sees the column's relation to
its numerator and denominator (checks/ratio.py fraction_column).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..codes import numbering_level
from ..numbers import Num
from ..text.keywords import may_match
from .model import Table

MONEY_COLUMNS = re.compile(r"^(pagu|realisasi|anggaran|total_anggaran|total_realisasi|pagu_akas|rp|rp_akhir|sisa"
                           r"|nilai_realisasi|nilai_setoran|nilai_sp2d|jumlah_rp)(@.*)?$")
_DASH = re.compile(r"^(?:(?:rp|idr)\.?\s*)?[-\u2010-\u2015\u2212]+(?:\s*,\s*[-\u2013\u2014]+)?$", re.I)

_UNITS = (
    (re.compile(r"\b(dalam )?miliar(an)?\b|\bmilyar(an)?\b|\brp\.? ?m\b", re.I), 9),
    (re.compile(r"\b(dalam )?jutaan\b|\bjuta rupiah\b|\brp\.? ?(juta|jt)\b|\(\s*juta\s*\)", re.I), 6),
    (re.compile(r"\b(dalam )?ribuan\b|\bribu rupiah\b|\brp\.? ?000\b|\(\s*000\s*\)|\brp\.? ?ribu\b|x ?rp ?1\.?000\b",
                re.I), 3),
)
# Every alternative of _UNITS holds one of these words ("mil" in miliar/milyar): a text without any of
# them states no unit, and the \b-laden patterns (~5 µs a text, ~630 titles and headers an audit of the
# sample) are not run on it (text.keywords: a substring test, ~0.2 µs)
_UNIT_WORDS = ("mil", "rp", "juta", "ribu", "000")


def apply(t: Table) -> None:
    """Every convention of the table, judged once (called by detection when a table is complete)."""
    if t.source is not None:
        return                  # a flat machine export: plain numbers, no such conventions
    dash_as_zero(t)
    t.unit_scale = stated_unit(t)


# tables whose realisasi is money (elsewhere "realisasi" is an indicator's value)
BUDGET_KINDS = {"anggaran", "program_pendukung", "pk_anggaran", "rekap_belanja", "sipd_pagu"}
_ALWAYS_MONEY = re.compile(r"^(pagu|anggaran|rp|rp_akhir|pagu_akas)(@.*)?$")


def money_columns(t: Table) -> list[str]:
    if t.kind in BUDGET_KINDS:
        return [c for c in t.columns if MONEY_COLUMNS.match(c)]
    return [c for c in t.columns if _ALWAYS_MONEY.match(c)]


def dash_as_zero(t: Table) -> None:
    money = money_columns(t)
    numbers = sum(1 for row in t.rows if row.type in ("data", "total") for c in money if row.num(c) is not None)
    if numbers < 2:
        return                  # no amounts to read a dash against
    for col in money:
        if not any(row.type in ("data", "total") and (cell := row.cells.get(col)) is not None and cell.num is None
                   and _DASH.match(cell.text.strip()) for row in t.rows):
            continue
        zero = Num(Decimal(0), 0, text="-")
        for row in t.rows:
            cell = row.cells.get(col)
            if cell is not None and cell.num is None and row.type in ("data", "total") and \
                    _DASH.match(cell.text.strip()):
                cell.num = zero
        t.conventions[col] = "dash_zero"


def stated_unit(t: Table) -> int:
    """The power of ten the table's amounts are written in (0: Rupiah)."""
    texts = list(t.context) + list(t.headers.values()) + list(t.footer)
    if t.grid.caption:
        texts.append(t.grid.caption)
    for text in texts:
        if text and may_match(text, _UNIT_WORDS):
            for rx, power in _UNITS:
                if rx.search(text):
                    return power
    return 0


def scaled(num: Num | None, power: int) -> Num | None:
    """An amount written in 10^power Rupiah, as Rupiah: its precision scales with it (1.234 in ribuan
    stands for 1.233.500 … 1.234.500)."""
    if num is None or not power:
        return num
    from dataclasses import replace
    return replace(num, value=num.value.scaleb(power), decimals=num.decimals - power)


# -- numbering schemes ------------------------------------------------------------------------------
# Roman numerals; a lone L or C is taken for the letter (numbering rarely reaches 50)
_ROMAN = re.compile(r"^(?=[IVX]$|[IVXLC]{2})(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_UPPER = re.compile(r"^[A-Z]$")
_LOWER = re.compile(r"^[a-z]$")


def _roman_value(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def shape(token: str, prev_upper: str | None) -> str | None:
    """The scheme a numbering token belongs to: "upper", "roman", "lower", "d", "d.d", "d.d.d", …
    A single I, V or X is a Roman numeral unless it continues a run of capital letters (H then I)."""
    s = token.strip().rstrip(".)").lstrip("(")
    if not s:
        return None
    if _ROMAN.match(s) and (len(s) > 1 or prev_upper is None or ord(s) != ord(prev_upper) + 1):
        return "roman"
    if _UPPER.match(s):
        return "upper"
    if _LOWER.match(s):
        return "lower"
    depth = numbering_level(s)          # the digit numbering codes.py already reads ("1", "1.1", "1.1.1")
    if depth:
        return "d" + ".d" * (depth - 1)
    return None


def ordinal(token: str) -> str | None:
    """The number a token stands for, as digits: "II" -> "2", "B" -> "2", "b" -> "2", "1.2" -> "1.2"."""
    s = token.strip().rstrip(".)").lstrip("(")
    if numbering_level(s):
        return s
    if _ROMAN.match(s):
        return str(_roman_value(s))
    if _UPPER.match(s) or _LOWER.match(s):
        return str(ord(s.upper()) - 64)
    return None


def numbering_depths(tokens: list[str]) -> dict[str, int]:
    """Depth (1 = top) of each numbering token of a column: each shape is one level, in the order the
    column first uses it. Only when the column mixes shapes; a column of plain "1", "1.1", "1.1.1" keeps
    the depth its dots give."""
    order: list[str] = []
    shapes: dict[str, str] = {}
    prev_upper = None
    for tok in tokens:
        sh = shape(tok, prev_upper)
        if sh is None:
            continue
        shapes[tok] = sh
        if sh == "upper":
            prev_upper = tok.strip().rstrip(".)").lstrip("(")
        if sh not in order:
            order.append(sh)
    if all(sh.startswith("d") for sh in order):
        return {tok: sh.count(".") + 1 for tok, sh in shapes.items()}
    return {tok: order.index(sh) + 1 for tok, sh in shapes.items()}
