"""Judge rounded numbers by the precision they show (XBRL Calculations 1.1 style intervals).

A value under test shown with d decimals stands for [v − ½·10^-d, v + ½·10^-d] (round mode) or
[v, v + 10^-d) (truncate mode). Inputs shown without decimals (Rupiah, counts, targets) are taken as
exact; inputs with decimals carry their rounding interval into sums and ratios. Two values agree
when their intervals meet.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

from .numbers import Num

CTX = Context(prec=60, rounding=ROUND_HALF_UP)
ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Tolerance:
    mode: str = "round"          # round | truncate
    absolute: Decimal = ZERO     # widens every stated interval by this much on each side

    @staticmethod
    def from_params(params: dict | None) -> "Tolerance":
        params = params or {}
        return Tolerance(mode=params.get("mode", "round"), absolute=Decimal(str(params.get("absolute", 0))))


Interval = tuple[Decimal, Decimal]


def stated(num: Num, tol: Tolerance) -> Interval:
    """The interval a stated (rounded) value stands for."""
    step = Decimal(1).scaleb(-num.decimals)
    v = num.value
    if tol.mode == "truncate":
        lo, hi = (v, v + step) if v >= 0 else (v - step, v)
    else:
        half = step / 2
        lo, hi = v - half, v + half
    return lo - tol.absolute, hi + tol.absolute


def given(num: Num) -> Interval:
    """The interval an input stands for: exact when shown without decimals."""
    if num.decimals == 0:
        return num.value, num.value
    half = Decimal(1).scaleb(-num.decimals) / 2
    return num.value - half, num.value + half


def add(items: list[Interval]) -> Interval:
    return sum((i[0] for i in items), ZERO), sum((i[1] for i in items), ZERO)


def ratio(num: Interval, den: Interval, scale: Decimal = HUNDRED) -> Interval | None:
    """num/den × scale for non-negative intervals; None when the denominator may be zero."""
    if den[0] <= 0:
        return None
    a = CTX.divide(num[0] * scale, den[1])
    b = CTX.divide(num[1] * scale, den[0])
    return (min(a, b), max(a, b))


def meets(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def mid(i: Interval) -> Decimal:
    return (i[0] + i[1]) / 2


def shown(value: Decimal, decimals: int) -> Decimal:
    """A computed value rounded for display next to a reported one."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def rounds_to(value: Decimal, num: Num) -> bool:
    return shown(value, num.decimals) == num.value


def truncates_to(value: Decimal, num: Num) -> bool:
    step = Decimal(1).scaleb(-num.decimals)
    return (value / step).to_integral_value(rounding="ROUND_FLOOR") * step == num.value
