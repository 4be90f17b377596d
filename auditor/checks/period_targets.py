"""`period_targets`: targets per month or quarter beside an annual target (Rencana Aksi).

Rencana Aksi targets are usually cumulative: the last period equals the annual target and a target
never falls from one period to the next. A row is judged cumulative when the table says so ("kumulatif"
in its title or headers), or when its targets never fall and do not add up to the annual target
(per-period targets that add up to it are the other convention, and fine). Then:
* `last`: the last filled period equals the annual target;
* `falls`: in a table of cumulative rows (stated, or most rows), a period lower than the one before.
"""
from __future__ import annotations

import re

from .. import tolerance as tl
from .base import Param, as_number, check_table_map, location, related

DOC = "Monthly/quarterly targets beside an annual target: the last equals it (cumulative), none falls."
PARAMS = {
    "op": Param(str, required=True, choices=("last", "falls")),
    "tables": Param(dict, required=True, doc="table kind → [annual target column, period column family]"),
}
_CUMULATIVE = re.compile(r"kumulatif", re.I)


def validate(where: str, params: dict) -> None:
    check_table_map(where, params["tables"], "tables", lambda c: isinstance(c, str), "[annual column, 'family@*']")


def series(t, row, family: str):
    cols = sorted((c for c in t.columns if c.startswith(family.rstrip("*"))), key=lambda c: t.columns[c])
    return [(c, row.num(c)) for c in cols if row.num(c) is not None]


def run(rule, ctx):
    for kind, (annual, family) in rule.params["tables"].items():
        for t in ctx.tables(kind):
            stated = any(_CUMULATIVE.search(x) for x in list(t.context) + list(t.headers.values()) + [t.caption or ""])
            rows = [r for r in t.rows if r.type == "data" and r.num(annual) is not None]
            judged = []
            for row in rows:
                s = series(t, row, family)
                if len(s) < 2 or any(row.unknown(c) for c, _ in s) or row.unknown(annual):
                    continue
                rising = all(b.value >= a.value for (_, a), (_, b) in zip(s, s[1:]))
                adds_up = tl.meets(tl.stated(row.num(annual), rule.tolerance), tl.add([tl.given(n) for _, n in s]))
                judged.append((row, s, rising, adds_up))
            cumulative_table = stated or sum(1 for _, _, rising, adds in judged if rising and not adds) * 2 > len(judged)
            for row, s, rising, adds_up in judged:
                yield from (last if rule.params["op"] == "last" else falls)(
                    rule, ctx, t, row, s, annual, rising, adds_up, stated, cumulative_table)


def last(rule, ctx, t, row, s, annual, rising, adds_up, stated, cumulative_table):
    if not (stated or rising) or (adds_up and not stated):
        return
    col, end = s[-1]
    target = row.num(annual)
    ctx.mark(t, row.cells[col], row.cells[annual])
    if tl.meets(tl.stated(end, rule.tolerance), tl.given(target)):
        return
    yield rule.emit(ctx, location(t, row, row.cells[col]), reported=as_number(end.value),
                    expected=as_number(target.value), imbalance=as_number(end.value - target.value),
                    related=[related(t, row.cells[annual], "annual_target", t.headers.get(annual))],
                    label=row.label, column=t.headers.get(col, col), reported_text=end, expected_value=target.value)


def falls(rule, ctx, t, row, s, annual, rising, adds_up, stated, cumulative_table):
    if rising or not cumulative_table or (adds_up and not stated):
        return
    ctx.mark(t, *(row.cells[c] for c, _ in s))
    for (c0, a), (c1, b) in zip(s, s[1:]):
        if b.value < a.value:
            yield rule.emit(ctx, location(t, row, row.cells[c1]), reported=as_number(b.value),
                            expected=as_number(a.value), imbalance=as_number(b.value - a.value),
                            related=[related(t, row.cells[c0], "previous", t.headers.get(c0))],
                            label=row.label, column=t.headers.get(c1, c1), previous=t.headers.get(c0, c0),
                            reported_text=b, expected_value=a.value)
            return
