"""Indonesian (and English-style) number parsing that keeps the precision a number shows.

A value shown with ``d`` decimals stands for the interval ``[v - ½·10^-d, v + ½·10^-d]``
(XBRL Calculations 1.1); every later check judges a number by that interval, so the parser
records how many decimals the text (or the cell's number format) shows.

Separator rules, decided per cell from the pattern:

* both ``.`` and ``,`` present: the last one is the decimal separator, the other groups thousands
  (``1.949.000,00`` Indonesian, ``1,949,000.00`` English);
* one kind of separator occurring more than once: thousands (groups of exactly 3 digits);
* one separator occurring once followed by 1-2 or 4+ digits: a decimal separator
  (``82,89``, ``82.89``, ``0.8289``);
* one separator followed by exactly 3 digits (``1.949``, ``1,949``) is ambiguous: ``style`` decides
  (``"id"``: ``.`` groups thousands, ``,`` is decimal; ``"en"``: the reverse); ``None`` means Indonesian.
  A leading ``0`` group or a leading group longer than 3 digits cannot be thousands, so it is decimal.

Anything that is not *a number* (optionally with ``Rp``, a sign, ``%``, a trailing unit of up to three
words, or a grade) is ``None``: codes (``7.01.01``), dates, ``NIP. …``, captions, prose.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterable

__all__ = [
    "Num",
    "parse_text",
    "parse_cell",
    "parse_grade",
    "column_style",
    "is_empty_marker",
    "is_placeholder",
    "interval",
    "format_id",
    "GRADES",
]

# Plenty of precision so money and long decimals never get rounded by the default context (28 digits).
_CTX = Context(prec=120, rounding=ROUND_HALF_UP)

GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")


@dataclass(frozen=True, slots=True)
class Num:
    value: Decimal            # as stated, in the unit shown ("82,89%" -> 82.89; 0.8289 in '0.00%' -> 82.89)
    decimals: int             # decimals shown
    percent: bool = False     # a % sign / "persen" / a %-number-format
    rupiah: bool = False      # "Rp" present (text) or a currency number format (cell)
    unit: str | None = None   # glued unit: "4 Dokumen" -> "Dokumen"
    grade: str | None = None  # "B (69)" -> "B"
    text: str = ""            # the text as shown (numeric cells: as displayed with their format)
    stored: Decimal | None = None  # numeric cells only: the stored value (in the shown unit) before
    #                                display rounding; None for text


def _fast_init():
    """Num's __init__, written out: the generated one of a frozen dataclass looks `object.__setattr__`
    up once per field (~2 µs a Num; a big export makes hundreds of thousands). Same signature, still
    frozen: only this __init__ sets fields."""
    put = object.__setattr__

    def __init__(self, value: Decimal, decimals: int, percent: bool = False, rupiah: bool = False,
                 unit: str | None = None, grade: str | None = None, text: str = "",
                 stored: Decimal | None = None) -> None:
        put(self, "value", value)
        put(self, "decimals", decimals)
        put(self, "percent", percent)
        put(self, "rupiah", rupiah)
        put(self, "unit", unit)
        put(self, "grade", grade)
        put(self, "text", text)
        put(self, "stored", stored)
    return __init__


Num.__init__ = _fast_init()   # type: ignore[method-assign]


# --------------------------------------------------------------------------------------------------
# regexes (precompiled once)

_DIGIT = re.compile(r"[0-9]")
_DOTTED_NUMBERING = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}\.?")


def is_numbering(raw: list) -> bool:
    """The cells of a column written 1.1, 1.2, 2.1 … — dotted, each after the one before — number the rows
    (an IKU's indicator numbers); they are no amounts, though "1.1" alone reads as one and a tenth."""
    keys = []
    for v in raw:
        if not isinstance(v, str) or not _DOTTED_NUMBERING.fullmatch(v.strip()):
            return False
        keys.append(tuple(int(x) for x in v.strip().rstrip(".").split(".")))
    return len(keys) >= 2 and all(a < b for a, b in zip(keys, keys[1:]))


# non-breaking / narrow / figure / thin spaces and friends -> plain space
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060"  # BOM, zero-width and direction marks
_SPACE_TABLE = str.maketrans(
    {c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t\r\n" + _INVISIBLE}
)

_NUM_RE = re.compile(
    r"""
    (?P<neg1>[-\u2212]\ ?)?
    (?:(?P<rp>rp\.?|idr)\ ?)?
    (?P<neg2>[-\u2212]\ ?)?
    (?P<core>[0-9](?:[0-9.,]*[0-9])?)
    (?P<dash>[.,][-\u2013\u2014]{1,2})?
    (?:
        \ ?(?P<pct>%)
      | \ ?(?P<unit>
            (?:/\ ?)?
            [^\W\d_][\w.\-\u00b2\u00b3]*
            (?:(?:\ ?/\ ?|\ )[^\W\d_][\w.\-\u00b2\u00b3]*){0,2}
            /?
        )
    )?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_GRADE_ALT = "|".join(GRADES)
_GRADE_FIRST = re.compile(rf"(?P<grade>{_GRADE_ALT}) ?\( ?(?P<num>[^()]+?) ?\)")
_GRADE_LAST = re.compile(rf"(?P<num>[^()]+?) ?\( ?(?P<grade>{_GRADE_ALT}) ?\)")
_GRADE_BARE = re.compile(rf"(?:{_GRADE_ALT})")

_MONTHS = frozenset(
    """januari februari maret april mei juni juli agustus september oktober november desember
    jan feb mar apr jun jul agu agt ags aug sep sept okt oct nov des dec may june july""".split()
)
_PERCENT_WORDS = frozenset({"persen", "percent", "prosen"})
_RUPIAH_WORDS = frozenset({"rupiah", "rp", "rp."})
_MAX_UNIT_LEN = 30
_MAX_TEXT_LEN = 400  # a generous cap: tiny General floats display with many decimals

_EMPTY_RE = re.compile(
    r"(?:[-\u2010-\u2015\u2212]+(?: ?,[-\u2013\u2014]+)?"   # -, –, —, -,-
    r"|n ?/ ?a|n\.a\.?|na"                                  # n/a, N/A, n.a., NA
    r"|(?:rp|idr)\.? ?[-\u2010-\u2015\u2212]+(?: ?,[-\u2013\u2014]+)?"  # "Rp -" (accounting zero dash)
    r")",
    re.IGNORECASE,
)
_PLACEHOLDER_RE = re.compile(
    r"\(? ?(?:(?:rp|idr)\.? ?)?(?:\.{2,}|\u2026)[.\u2026 ]*(?:,[-\u2013\u2014]+|,?0{2})? ?%? ?\)?"
    r"|\(? ?(?:rp|idr)\.? ?\)?",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    s = text.translate(_SPACE_TABLE).strip()
    if "  " in s:
        s = " ".join(s.split())
    return s


# --------------------------------------------------------------------------------------------------
# markers


def is_empty_marker(text) -> bool:
    """True for a cell that says "nothing here": None, blank, ``-``, ``–``, ``—``, ``n/a``, ``Rp -``."""
    if text is None:
        return True
    if not isinstance(text, str):
        return False
    s = _clean(text)
    return not s or _EMPTY_RE.fullmatch(s) is not None


def is_placeholder(text) -> bool:
    """True for a template gap where a value belongs but is missing: ``Rp.....``, ``(Rp....)``, ``…``."""
    if not isinstance(text, str):
        return False
    s = _clean(text)
    return bool(s) and _PLACEHOLDER_RE.fullmatch(s) is not None


# --------------------------------------------------------------------------------------------------
# the core: separators


_GROUPED = {
    ".": re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"),
    ",": re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+"),
}


def _interpret(core: str, style: str | None):
    """-> (plain decimal string, decimals, vote) or None. ``vote`` is 'id'/'en' when the pattern alone
    decides the convention, None when it is ambiguous or has no separator."""
    nd = core.count(".")
    nc = core.count(",")
    if not nd and not nc:
        if len(core) > 1 and core[0] == "0":
            return None  # "003", "0001": a code part, not a number
        return core, 0, None
    if nd and nc:
        last = max(core.rfind("."), core.rfind(","))
        dec = core[last]
        if core.count(dec) != 1:
            return None
        th = "," if dec == "." else "."
        int_part = core[:last]
        if th not in int_part or _GROUPED[th].fullmatch(int_part) is None:
            return None
        frac = core[last + 1:]
        return int_part.replace(th, "") + "." + frac, len(frac), ("id" if dec == "," else "en")
    sep = "." if nd else ","
    if (nd or nc) > 1:
        if _GROUPED[sep].fullmatch(core) is None:
            return None
        return core.replace(sep, ""), 0, ("id" if sep == "." else "en")
    g0, _, g1 = core.partition(sep)
    if len(g0) > 1 and g0[0] == "0":
        return None
    if len(g1) == 3 and len(g0) <= 3 and g0 != "0":
        # ambiguous: 1.949 / 1,949
        thousands = (sep == ",") if style == "en" else (sep == ".")
        if thousands:
            return g0 + g1, 0, None
        return g0 + "." + g1, 3, None
    return g0 + "." + g1, len(g1), ("id" if sep == "," else "en")


_NO_PARSE = (None, None)
_START = frozenset("0123456789(-\u2212RrIiABCD")  # what a number cell can start with


def _parse_number(s: str, style: str | None):
    """Parse a cleaned string that should be a plain number form.

    -> (digits, decimals, percent, rupiah, unit, vote) or None."""
    paren = False
    if s[0] == "(" and s[-1] == ")":
        s = s[1:-1].strip()
        if not s:
            return None
        paren = True
    m = _NUM_RE.fullmatch(s)
    if m is None:
        return None
    neg1, rp, neg2, core, dash, pct, unit = m.groups()
    if neg1 and neg2:
        return None
    it = _interpret(core, style)
    if it is None:
        return None
    digits, decimals, vote = it
    if dash and decimals:
        return None  # "82,89,-"
    percent = pct is not None
    rupiah = rp is not None
    if unit is not None:
        if len(unit) > _MAX_UNIT_LEN:
            return None
        low = unit.lower()
        first = low.lstrip("/ ").split(" ", 1)[0].split("/", 1)[0].rstrip(".")
        if first in _MONTHS:
            return None
        if low in _PERCENT_WORDS:
            percent, unit = True, None
        elif low in _RUPIAH_WORDS:
            rupiah, unit = True, None
    if paren:
        # "(1.234)" is an accounting negative; "(1)" is a column-number marker, not a number
        if not (rupiah or percent or "." in core or "," in core):
            return None
    if paren or neg1 or neg2:
        digits = "-" + digits
    return digits, decimals, percent, rupiah, unit, vote


@lru_cache(maxsize=1 << 16)
def _parse_full(text: str, style: str | None):
    s = text.strip()
    if not s:
        return _NO_PARSE
    if s[0] == "'" and len(s) > 1:
        # a web export's text prefix kept in the value ('513.425.170.766): Excel shows the number
        s = s[1:].lstrip()
        if not s:
            return _NO_PARSE
    if s[0] not in _START:
        if s[0] not in _INVISIBLE:
            return _NO_PARSE
        s = " ".join(s.translate(_SPACE_TABLE).split())
        if not s or s[0] not in _START:
            return _NO_PARSE
    if not (s.isascii() and s.isprintable()) or "  " in s:
        s = " ".join(s.translate(_SPACE_TABLE).split())
        if not s:
            return _NO_PARSE
    if len(s) > _MAX_TEXT_LEN or not _DIGIT.search(s):
        return _NO_PARSE
    if s.isdigit() and s.isascii():  # fast path: plain integers ("100", "2024")
        if len(s) > 1 and s[0] == "0":
            return _NO_PARSE  # "003", "0001": a code part, not a number
        return Num(Decimal(s), 0, False, False, None, None, text.strip()), None
    r = _parse_number(s, style)
    if r is not None:
        digits, decimals, percent, rupiah, unit, vote = r
        return Num(Decimal(digits), decimals, percent, rupiah, unit, None, text if text is s else text.strip()), vote
    if "(" not in s:
        return _NO_PARSE
    # grades: "B (69)", "69 (B)"
    m = _GRADE_FIRST.fullmatch(s) or _GRADE_LAST.fullmatch(s)
    if m is None:
        return _NO_PARSE
    inner = m.group("num")
    if not inner or inner[0] not in _START:
        return _NO_PARSE
    r = _parse_number(inner, style)
    if r is None or r[3] or r[4] is not None:  # no Rp, no unit inside a grade
        return _NO_PARSE
    return Num(Decimal(r[0]), r[1], r[2], False, None, m.group("grade"), text.strip()), None


# --------------------------------------------------------------------------------------------------
# public API


def parse_text(text: str, style: str | None = None) -> Num | None:
    """Parse a cell text that IS a number (optionally Rp / sign / % / trailing unit / grade); else None.

    ``style`` ("id" / "en" / None) only decides the ambiguous ``1.949`` / ``1,949`` forms; None = "id".
    Never raises.
    """
    if not isinstance(text, str):
        if text is None or isinstance(text, bool):
            return None
        return parse_cell(text, None, style)
    if style not in (None, "id", "en"):
        style = None
    return _parse_full(text, style)[0]


def parse_grade(text) -> str | None:
    """The SAKIP grade letter(s) of a cell: ``"BB"`` -> "BB", ``"B (69)"`` -> "B", ``"69 (B)"`` -> "B"."""
    if not isinstance(text, str):
        return None
    s = _clean(text)
    if not s:
        return None
    if _GRADE_BARE.fullmatch(s):
        return s
    num = parse_text(s)
    return num.grade if num is not None else None


def column_style(texts: Iterable[str]) -> str | None:
    """Decide a column's convention from the cells whose pattern is unambiguous.

    Votes: ``1.949.000``, ``82,89``, ``1.949,5`` say "id"; ``1,949,000``, ``82.89``, ``1,949.5`` say
    "en". Returns the majority, or None when there is no evidence or a tie (callers then get the
    Indonesian default).
    """
    ids = ens = 0
    for t in texts:
        if not isinstance(t, str):
            continue
        vote = _parse_full(t, None)[1]
        if vote == "id":
            ids += 1
        elif vote == "en":
            ens += 1
    if ids > ens:
        return "id"
    if ens > ids:
        return "en"
    return None


def interval(num: Num) -> tuple[Decimal, Decimal]:
    """``[v - ½·10^-d, v + ½·10^-d]`` for a value shown with ``d`` decimals."""
    half = Decimal(5).scaleb(-(num.decimals + 1))
    return _CTX.subtract(num.value, half), _CTX.add(num.value, half)


def _to_decimal(value) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        # Excel keeps 15 significant digits; the shortest repr rounded to 15 digits is what it shows
        return Decimal(format(value, ".15g"))
    if hasattr(value, "__index__"):  # numpy integers etc.
        try:
            return Decimal(value.__index__())
        except (TypeError, ValueError):
            return None
    if hasattr(value, "__float__") and not isinstance(value, (str, bytes)):
        try:
            f = float(value)
        except (TypeError, ValueError):
            return None
        return _to_decimal(f)
    return None


def _natural_decimals(d: Decimal) -> int:
    exp = d.normalize(_CTX).as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


@dataclass(frozen=True, slots=True)
class _Fmt:
    general: bool = True
    date: bool = False
    percent: bool = False
    rupiah: bool = False
    min_dec: int = 0
    max_dec: int = 0
    scale: int = 0  # thousands scaling commas ("#,##0," divides by 1000)
    pct_literal: bool = False  # '0.00"%"' or '0.00\%': shows a % sign without scaling by 100


_GENERAL = _Fmt()
_FMT_QUOTED = re.compile(r'"([^"]*)"')
_FMT_BRACKET = re.compile(r"\[([^\]]*)\]")
_FMT_ESCAPE = re.compile(r"\\.|[_*].")
_FMT_DATE = re.compile(r"[dmyhs]|am/pm|a/p", re.IGNORECASE)
_FMT_WORDS = re.compile(r"general|rp\.?|idr", re.IGNORECASE)
_FMT_SCALE = re.compile(r"[0#?](,+)[^0#?,]*$")


def _first_section(fmt: str) -> str:
    in_q = in_b = False
    for i, c in enumerate(fmt):
        if c == '"' and not in_b:
            in_q = not in_q
        elif c == "[" and not in_q:
            in_b = True
        elif c == "]" and not in_q:
            in_b = False
        elif c == ";" and not in_q and not in_b:
            return fmt[:i]
    return fmt


@lru_cache(maxsize=1024)
def _analyse_format(fmt: str | None) -> _Fmt:
    if fmt is None:
        return _GENERAL
    f = fmt.strip()
    if not f or f.lower() == "general" or f == "@":
        return _GENERAL
    sec = _first_section(f)
    rupiah = False
    pct_literal = "\\%" in sec
    for q in _FMT_QUOTED.findall(sec):
        if "%" in q:
            pct_literal = True
    for q in _FMT_QUOTED.findall(f):
        ql = q.lower()
        if "rp" in ql or "idr" in ql or "$" in q or "€" in q:
            rupiah = True
    for b in _FMT_BRACKET.findall(f):
        if b.startswith("$") and b[1:].split("-", 1)[0]:
            rupiah = True  # [$Rp-421], [$$-409]: a currency symbol; [$-421] is only a locale
    cleaned = _FMT_QUOTED.sub("", sec)
    cleaned = _FMT_BRACKET.sub("", cleaned)
    cleaned = _FMT_ESCAPE.sub("", cleaned)
    low = cleaned.lower()
    if "rp" in low or "idr" in low or "$" in cleaned or "€" in cleaned:
        rupiah = True
    if _FMT_DATE.search(_FMT_WORDS.sub("", cleaned)):
        return _Fmt(general=False, date=True)
    if "e+" in low or "e-" in low or "/" in cleaned or not any(c in cleaned for c in "0#?"):
        # scientific, fractions, text-only sections: judge by the value's own digits
        return _Fmt(general=True, rupiah=rupiah)
    percent = "%" in cleaned
    int_part, dot, frac_part = cleaned.partition(".")
    min_dec = max_dec = 0
    if dot:
        for c in frac_part:
            if c == "0":
                min_dec += 1
                max_dec += 1
            elif c in "#?":
                max_dec += 1
            elif c == ",":
                continue
            else:
                break
    m = _FMT_SCALE.search(int_part)
    scale = len(m.group(1)) if m else 0
    return _Fmt(False, False, percent, rupiah, min_dec, max_dec, scale, pct_literal and not percent)


def shows_date(number_format) -> bool:
    """Whether parse_cell reads a finite number in this format as a date (and so as no amount)."""
    if number_format is None or not isinstance(number_format, str):
        return False
    try:
        return _analyse_format(number_format).date
    except Exception:  # pragma: no cover - as parse_cell: a malformed format code reads as General
        return False


def parse_cell(value, number_format: str | None = None, style: str | None = None) -> Num | None:
    """Parse a spreadsheet cell. Strings go to :func:`parse_text`; numbers are judged by their format.

    ``'0.00'`` -> 2 decimals; ``'#,##0'`` -> 0; ``'0.00%'`` -> percent, value×100, 2 decimals;
    ``'General'``/None -> the decimals of the value's shortest repr (15 significant digits, as Excel
    keeps). A currency format (``Rp``, ``[$Rp-421]``, ``$``) sets ``rupiah``. A date/time format -> None.
    ``value`` is the value as displayed (rounded half-up to the shown decimals); ``stored`` keeps the
    full value in the same unit. bool / None / NaN / inf -> None.
    """
    t = type(value)
    if t is int and number_format is None:
        return _whole(value)
    if t is float:
        if value != value or value == _INF or value == -_INF:
            return None
        # Excel keeps 15 significant digits: the shortest text at that precision is what it shows
        s = format(value, ".15g")
        d = Decimal(s)
        if "e" in s:
            nat = None
        else:
            dot = s.find(".")
            nat = len(s) - dot - 1 if dot >= 0 else 0
    elif t is int:
        d = Decimal(value)
        nat = 0
    else:
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, str):
            return parse_text(value, style)
        d = _to_decimal(value)
        if d is None:
            return None
        nat = None
    if number_format is None or not isinstance(number_format, str):
        fmt = _GENERAL
    else:
        try:
            fmt = _analyse_format(number_format)
        except Exception:  # pragma: no cover - defensive: malformed format codes
            fmt = _GENERAL
    if fmt.date:
        return None
    if fmt.percent:
        d = d.scaleb(2, _CTX)
        if nat is not None:
            nat = nat - 2 if nat > 2 else 0
            if nat == 0:
                d = d.quantize(_ONE, context=_CTX)  # 1E+2 -> 100
    if fmt.scale:
        d = d.scaleb(-3 * fmt.scale, _CTX)
        nat = None
    if nat is None:
        d = _plain(d)
        nat = _natural_decimals(d)
    if fmt.general:
        decimals = nat
        shown = d
    else:
        decimals = fmt.min_dec if nat < fmt.min_dec else (fmt.max_dec if nat > fmt.max_dec else nat)
        if decimals == nat:
            shown = d
        else:
            try:
                shown = d.quantize(_quantum(decimals), rounding=ROUND_HALF_UP, context=_CTX)
            except InvalidOperation:  # pragma: no cover - absurd magnitudes
                return None
    percent = fmt.percent or fmt.pct_literal
    text = _display(shown, percent, fmt.rupiah, "id")
    return Num(shown, decimals, percent, fmt.rupiah, None, None, text, d)


def _whole(value: int) -> Num:
    """parse_cell(value) for an int without a number format, the way most amounts of a SIPD export
    come (a 100,000-line export has ~200,000 distinct ones): what the general path gives, directly."""
    d = Decimal(value)
    body = f"{-value if value < 0 else value:,}".replace(",", ".")
    return Num(d, 0, False, False, None, None, "-" + body if value < 0 else body, d)


_INF = float("inf")
_ONE = Decimal(1)
_QUANTA = tuple(Decimal(1).scaleb(-i) for i in range(64))


def _quantum(decimals: int) -> Decimal:
    return _QUANTA[decimals] if 0 <= decimals < 64 else Decimal(1).scaleb(-decimals)


def _plain(d: Decimal) -> Decimal:
    """Drop trailing fractional zeros without switching to exponent form (82.8900 -> 82.89)."""
    exp = d.as_tuple().exponent
    if not isinstance(exp, int) or exp == 0:
        return d
    if exp > 0:
        return d.quantize(Decimal(1), context=_CTX)
    n = d.normalize(_CTX)
    nexp = n.as_tuple().exponent
    return n if nexp <= 0 else n.quantize(Decimal(1), context=_CTX)


def format_id(value, decimals: int, percent: bool = False, rupiah: bool = False, style: str = "id") -> str:
    """Display a number Indonesian-style: ``Rp1.949.000``, ``82,89%``, ``1.920.536.667``, ``-1.234``.

    Rounds half-up to ``decimals``. ``style="en"`` gives ``1,949,000.00`` (used by tests and by
    reporters that want English output).
    """
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, float):
        d = Decimal(repr(value))
    else:
        d = Decimal(value)
    q = d.quantize(_quantum(decimals), rounding=ROUND_HALF_UP, context=_CTX)
    return _display(q, percent, rupiah, style)


def _display(q: Decimal, percent: bool, rupiah: bool, style: str) -> str:
    body = format(q.copy_abs(), ",f")
    if style != "en":
        body = body.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if q.is_signed() and not q.is_zero():
        return ("-Rp" if rupiah else "-") + body + ("%" if percent else "")
    if rupiah:
        return "Rp" + body + ("%" if percent else "")
    return body + "%" if percent else body

