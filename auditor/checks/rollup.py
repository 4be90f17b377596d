"""`rollup`: in a table of no known kind, a parent row equals the sum of its details — in the columns
where the table itself shows that its parents add up their details.

The outline (which row is a detail of which) is the table's own: label columns or dotted numbering
(tables.outline). What a column means is not known, so whether its parents are sums is asked of the
column: it is judged only when at least `evidence` parents with two or more non-zero details equal
their sum, and at least `share` of all its parents do. Then a parent that differs is reported — if it
is a typed number. A parent computed by a formula is left to the formula checks (SUM105/SUM111): a
worksheet may compute some parents otherwise on purpose (a criterion scored all-or-nothing), and its
formula, not an outline, says how. A detail without a value of its own stands for the sum of its own
details. A column's parents are not marked as checked when the column is not judged.
"""
from __future__ import annotations

from .. import tolerance as tl
from ..tables.outline import outline
from .base import Param, as_number, location, related

DOC = "In a table of no known kind, a parent row equals the sum of its details, in columns that add up."
PARAMS = {
    "tables": Param(list, ["generic"], doc="table kinds judged (their outline: tables.outline)"),
    "evidence": Param(int, 3, doc="parents, with two or more non-zero details, that must equal their sum"),
    "share": Param(float, 0.75, doc="share of a column's parents that must equal their sum"),
}

_UNKNOWN = "unknown"      # a detail whose value cannot be known (IN002/IN004): its parent is not judged


def run(rule, ctx):
    for kind in rule.params["tables"]:
        for t in ctx.tables(kind):
            parents = outline(t)
            if parents is None:
                continue
            kids: dict[int, list[int]] = {}
            for i, p in enumerate(parents):
                if p is not None:
                    kids.setdefault(p, []).append(i)
            if not kids:
                continue
            for col in t.columns:
                if t.kind_def is not None and t.kind_def.spec(col).numeric:
                    yield from _column(rule, ctx, t, col, kids)


def _column(rule, ctx, t, col: str, kids: dict[int, list[int]]):
    memo: dict[int, object] = {}

    def value(i: int):
        """The interval row i stands for in this column: its own number, else the sum of its details'."""
        if i not in memo:
            row = t.rows[i]
            num = row.num(col)
            if row.unknown(col):
                memo[i] = _UNKNOWN
            elif num is not None:
                memo[i] = tl.given(num)
            else:
                got = [value(k) for k in kids.get(i, ())]
                memo[i] = _UNKNOWN if _UNKNOWN in got else (tl.add([g for g in got if g is not None])
                                                            if any(g is not None for g in got) else None)
        return memo[i]

    judged = []          # (parent index, its number, the details' sum, the valued details, holds)
    for p, ks in kids.items():
        row = t.rows[p]
        num = row.num(col)
        if num is None or row.unknown(col):
            continue
        got = [(k, value(k)) for k in ks]
        if any(v is _UNKNOWN for _, v in got):
            continue
        valued = [k for k, v in got if v is not None]
        if not valued:
            continue
        total = tl.add([v for _, v in got if v is not None])
        judged.append((p, num, total, valued, tl.meets(tl.stated(num, rule.tolerance), total)))
    holding = [j for j in judged if j[4]]
    strong = [j for j in holding if len(j[3]) >= 2 and tl.mid(j[2]) != 0]
    if len(strong) < rule.params["evidence"] or len(holding) < rule.params["share"] * len(judged):
        return

    def numbers(i: int) -> list[int]:
        """The rows whose own numbers make up row i's value (its own, else its details')."""
        if t.rows[i].num(col) is not None:
            return [i]
        return [j for k in kids.get(i, ()) for j in numbers(k)]

    formulas = t.grid.formulas
    for p, num, total, valued, holds in judged:
        row = t.rows[p]
        cell = row.cells[col]
        typed = (cell.r, cell.c) not in formulas
        parts = [j for k in valued for j in numbers(k)]
        if holds or typed:
            ctx.mark(t, cell, *(t.rows[j].cells[col] for j in parts))
        if holds or not typed:
            continue
        exp = tl.mid(total)
        yield rule.emit(
            ctx, location(t, row, cell), reported=as_number(num.value),
            expected=as_number(exp, num.decimals), imbalance=as_number(num.value - exp, num.decimals),
            related=[related(t, t.rows[j].cells[col], "child", t.rows[j].label[:80]) for j in parts],
            label=row.label, column=t.headers.get(col, col), reported_text=num,
            expected_value=exp, n=len(valued), k=len(holding))
