"""`ratio`: a stated percentage equals numerator / denominator × 100 (serapan, capaian, shares).

Capaian of a negative-polarity indicator (lower is better) is (2·target − realisasi) / target × 100.
"""
from __future__ import annotations

import re

from .. import tolerance as tl
from .base import Param, check_table_map, as_number, location, related

DOC = "A stated percentage equals its numerator divided by its denominator, times 100."
PARAMS = {
    "tables": Param(dict, required=True, doc="table kind → list of {value, numerator, denominator} column names"),
    "rows": Param(list, ["data", "total"], doc="row types to check"),
    "negative_indicators": Param(list, [], doc="regexes of indicator names with negative polarity"),
}
SPEC_KEYS = {"value", "numerator", "denominator", "measure"}


def validate(where: str, params: dict) -> None:
    check_table_map(where, params["tables"], "tables",
                    lambda it: isinstance(it, dict) and {"value", "numerator", "denominator"} <= set(it)
                    and not set(it) - SPEC_KEYS,
                    "a list of {value, numerator, denominator[, measure]} mappings")


def specs(rule) -> dict[str, list[dict]]:
    return rule.params["tables"]


def expected_of(row, spec, negative: list[re.Pattern]):
    v, n, d = row.num(spec["value"]), row.num(spec["numerator"]), row.num(spec["denominator"])
    if v is None or n is None or d is None:
        return None
    if n.value < 0 or d.value <= 0:
        return None
    ni, di = tl.given(n), tl.given(d)
    if any(p.search(row.label or "") for p in negative):
        # (2·target − realisasi) / target: the numerator interval is 2·target − realisasi
        ni = (2 * di[0] - ni[1], 2 * di[1] - ni[0])
    return tl.ratio(ni, di)


def as_percent(num):
    """A fraction as the percentage it stands for: 0,8459 -> 84,59 (two decimals fewer)."""
    from dataclasses import replace
    return replace(num, value=num.value * 100, decimals=max(num.decimals - 2, 0), percent=True)


def fraction_column(rule, rows, computed, col: str) -> bool:
    """A column's convention, judged once from all its rows: percentages written as fractions (0,8459
    for 84,59 %, with no `%` format that would say so) when most rows agree with their ratio only read
    that way. Rows that agree either way do not count; a column is never switched on one row."""
    as_is = as_frac = 0
    for row, iv in zip(rows, computed):
        if iv is None:
            continue
        v = row.num(col)
        if v.percent or v.value > 2:
            return False                       # a % format or a value over 2: written as percentages
        plain = tl.meets(tl.stated(v, rule.tolerance), iv)
        frac = tl.meets(tl.stated(as_percent(v), rule.tolerance), iv)
        if plain and not frac:
            as_is += 1
        elif frac and not plain:
            as_frac += 1
    return as_frac >= 2 and as_frac >= 3 * as_is


def run(rule, ctx):
    from .diagnose import diagnose_ratio
    negative = [re.compile(p, re.I) for p in rule.params["negative_indicators"]]
    for kind, items in specs(rule).items():
        for t in ctx.tables(kind):
            for spec in items:
                if not all(spec[k] in t.columns for k in ("value", "numerator", "denominator")):
                    continue
                rows = [r for r in t.rows if r.type in rule.params["rows"]]
                computed = [expected_of(r, spec, negative) for r in rows]
                fraction = fraction_column(rule, rows, computed, spec["value"])
                if fraction:
                    t.conventions[spec["value"]] = "fraction"
                for i, (row, iv) in enumerate(zip(rows, computed)):
                    if iv is None:
                        continue
                    v = row.num(spec["value"])
                    ctx.mark(t, row.cells[spec["value"]], row.cells[spec["numerator"]],
                             row.cells[spec["denominator"]])
                    if tl.meets(tl.stated(as_percent(v) if fraction else v, rule.tolerance), iv):
                        continue
                    if fraction:
                        v = as_percent(v)
                    exp = tl.mid(iv)
                    neigh = []
                    valued = [j for j in range(len(rows)) if computed[j] is not None and rows[j].type == row.type]
                    k = valued.index(i)
                    for j in valued[max(k - 1, 0):k] + valued[k + 1:k + 2]:
                        neigh.append((rows[j].label, rows[j].num(spec["value"]), tl.mid(computed[j])))
                    measures = [(t.headers.get(c, c), row.num(c).value) for c in t.columns
                                if c not in (spec["value"],) and row.num(c) is not None
                                and not row.num(c).rupiah and row.num(c).value < 1000]
                    diag = diagnose_ratio(ctx.lang, v, exp, neighbours=neigh, measures=measures,
                                          wanted=spec.get("measure", t.headers.get(spec["value"], spec["value"])))
                    n, d = row.cells[spec["numerator"]], row.cells[spec["denominator"]]
                    dec = max(v.decimals, 2)
                    yield rule.emit(
                        ctx, location(t, row, row.cells[spec["value"]]), reported=as_number(v.value),
                        expected=as_number(exp, dec), imbalance=as_number(v.value - exp, dec),
                        related=[related(t, n, "numerator", t.headers.get(spec["numerator"])),
                                 related(t, d, "denominator", t.headers.get(spec["denominator"]))],
                        diagnosis=diag, label=row.label, reported_text=v, expected_value=exp,
                        numerator=n.num, denominator=d.num, column=t.headers.get(spec["value"], spec["value"]))
