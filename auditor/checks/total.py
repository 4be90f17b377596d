"""`total`: a Jumlah/Total row equals the sum (or, for "Rata-rata" rows, the mean) of the rows it closes.

The rows a total closes are those since the previous total row. Where the rows form a
program/kegiatan/sub kegiatan tree, only the top-most level that carries a value is summed, so a
programme is not counted together with its own kegiatan.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import tolerance as tl
from .base import Param, check_table_map, as_number, location, related

if TYPE_CHECKING:   # annotations only
    from ..tables.model import Row, Table

DOC = "A total row equals the sum of the rows it closes (the mean, for a 'rata-rata' row)."
PARAMS = {
    "columns": Param(dict, required=True,
                     doc="table kind → list of columns to check; 'name@*' takes every keyed column"),
    "mean_labels": Param(str, r"^rata", doc="a total row whose label matches this is a mean, not a sum"),
    "only": Param(str, "any", choices=("any", "sum", "mean"), doc="check only sum rows or only mean rows"),
    "by_header": Param(dict, {}, doc="table kind → a pattern: every numeric column whose header does not match "
                                    "it (the kind's columns are not known: a table of no known kind)"),
}


OPS = {False: ("jumlah", "sum"), True: ("rata-rata", "mean")}


def columns_of(t: Table, wanted: list[str]) -> list[str]:
    out = []
    for w in wanted:
        if w.endswith("@*"):
            out += [c for c in t.columns if c.startswith(w[:-1])]
        elif w in t.columns:
            out.append(w)
    return out


def closed_rows(t: Table, i: int) -> list[Row]:
    rows = []
    for row in reversed(t.rows[:i]):
        if row.type == "total":
            break
        if row.type == "data":
            rows.append(row)
    return list(reversed(rows))


def top_level(rows: list[Row], col: str) -> tuple[list[Row], list[Row]]:
    """The rows a total adds up, and those of them left blank: the top-most tree level whose every
    row carries a value (programmes when all have one; sub kegiatan when a programme row is blank);
    failing that, the level with the smallest share of blanks."""
    from ..tables.detect import LEVEL_RANK
    valued = [r for r in rows if r.num(col) is not None]
    ranks = sorted({LEVEL_RANK[r.level] for r in rows if r.level in LEVEL_RANK})
    if not ranks:
        return valued, []
    best = None
    for rank in ranks:
        at = [r for r in rows if LEVEL_RANK.get(r.level or "") == rank]
        blank = [r for r in at if r.num(col) is None]
        if not at or len(blank) == len(at):
            continue
        share = len(blank) / len(at)
        if best is None or share < best[0]:
            best = (share, [r for r in at if r.num(col) is not None], blank)
        if not blank:
            break
    return (best[1], best[2]) if best else (valued, [])


def roots(rows: list[Row], col: str) -> tuple[list[Row], list[Row]]:
    """In a table whose rows are linked by their codes, a total adds up the rows at the top of the tree
    (the urusan, or the programs when no urusan row is given), found by code, not by level words."""
    top = [r for r in rows if r.parent is None and r.code]
    return [r for r in top if r.num(col) is not None], [r for r in top if r.num(col) is None]


def validate(where: str, params: dict) -> None:
    check_table_map(where, params["columns"], "columns", lambda c: isinstance(c, str), "a list of column names")


def _by_header(t: Table, deny: str, percents: bool = False) -> list[str]:
    """The numeric columns of a table of no known kind a total row may be judged in: not a column whose
    header matches `deny` (for sums: a percentage, ratio, index, rate, target, year or number column), and,
    unless `percents` (a mean row averages percentages too), no percentage among its numbers."""
    kind = t.kind_def
    out = []
    for col in t.columns:
        if kind is None or not kind.spec(col).numeric or re.search(deny, (t.headers.get(col) or col).lower()):
            continue
        if not percents and any(row.num(col) is not None and row.num(col).percent for row in t.rows):
            continue
        out.append(col)
    return out


def _top_of_outline(parents: list | None, place: dict | None, members: list[Row]) -> tuple[list[Row], bool]:
    """The rows a total of a table of no known kind adds, and whether the table's outline (`parents`,
    tables.outline; `place`: each row's index by id) says so: with one, the rows of the block with no
    parent inside it; without one, all."""
    if parents is None:
        return members, False
    inside = {place[id(r)] for r in members}
    return [r for r in members if parents[place[id(r)]] not in inside], True


def _hides_subtotals(rows: list[Row], col: str) -> bool:
    """A row equal to the sum of two or more rows right after it (or right before it): a subtotal the
    table does not mark, whose rows a plain sum would count twice."""
    vals = [r.num(col).value if r.num(col) is not None else None for r in rows]
    n = len(vals)
    for a in range(n):
        if not vals[a]:
            continue
        for step in (1, -1):
            acc, k, j = tl.ZERO, 0, a + step
            while 0 <= j < n and acc < vals[a]:
                if vals[j] is not None:
                    acc += vals[j]
                    k += 1
                j += step
            if k >= 2 and acc == vals[a]:
                return True
    return False


_GROUP = re.compile(r"^\s*(sasaran|tujuan|misi|program|kegiatan)\b", re.I)


def _mixed_levels(rows: list[Row]) -> bool:
    """Group rows (Sasaran …, Program …) among rows that are not: a mean over them all is not what such a
    table averages (its groups' own averages are rows of the same level), so it is not judged."""
    grouped = [bool(_GROUP.match(r.label or "")) for r in rows]
    return any(grouped) and not all(grouped)


def run(rule, ctx):
    p = rule.params
    named = [(kind, lambda t, w=wanted: columns_of(t, w)) for kind, wanted in p["columns"].items()]
    mean = p["only"] == "mean"
    headed = [(kind, lambda t, d=deny: _by_header(t, d, percents=mean)) for kind, deny in p["by_header"].items()]
    yield from _run(rule, ctx, named, by_header=False)
    yield from _run(rule, ctx, headed, by_header=True)


def _run(rule, ctx, selections, by_header: bool):
    from .diagnose import diagnose_sum
    p = rule.params
    for kind, select in selections:
        for t in ctx.tables(kind):
            cols = parents = place = None
            for i, row in enumerate(t.rows):
                if row.type != "total":
                    continue
                if cols is None:
                    cols = select(t)
                    if by_header:
                        from ..tables.outline import outline
                        parents = outline(t)
                        place = {id(r): k for k, r in enumerate(t.rows)} if parents is not None else None
                members = closed_rows(t, i)
                is_mean = bool(re.match(p["mean_labels"], row.label.strip().lower()))
                if p["only"] != "any" and is_mean != (p["only"] == "mean"):
                    continue
                top, outlined = _top_of_outline(parents, place, members) if by_header else (members, False)
                for col in cols:
                    num = row.num(col)
                    if num is None:
                        continue
                    if by_header:
                        if not outlined and (_mixed_levels(members) if is_mean else _hides_subtotals(members, col)):
                            continue    # rows that may be subtotals of others, unmarked: not judged
                        kids, missing = [m for m in top if m.num(col) is not None], []
                    else:
                        kids, missing = roots(members, col) if t.code_tree else top_level(members, col)
                    if not kids or any(m.unknown(col) for m in members):
                        continue   # a row we cannot read (IN002/IN004): the total cannot be checked
                    ctx.mark(t, row.cells[col], *(k.cells[col] for k in kids))
                    nums = [k.num(col) for k in kids]
                    if all(n.decimals == 0 for n in nums):
                        # whole numbers stand for themselves (tl.given): the interval's two ends are one sum
                        s = sum((n.value for n in nums), tl.ZERO)
                        total = (s, s)
                    else:
                        total = tl.add([tl.given(n) for n in nums])
                    if is_mean:
                        n = Decimal(len(kids))
                        total = (total[0] / n, total[1] / n)
                    if tl.meets(tl.stated(num, rule.tolerance), total):
                        continue
                    exp = tl.mid(total)
                    dec = max(num.decimals, 0 if not is_mean else 2)
                    rel = [related(t, k.cells[col], "child", k.label[:80]) for k in kids]
                    yield rule.emit(
                        ctx, location(t, row, row.cells[col]), reported=as_number(num.value),
                        expected=as_number(exp, dec), imbalance=as_number(num.value - exp, dec), related=rel,
                        diagnosis=diagnose_sum(ctx.lang, num, exp, [k.num(col) for k in kids], missing),
                        label=row.label, column=t.headers.get(col, col), n=len(kids),
                        reported_text=num, expected_value=exp, op=OPS[is_mean][ctx.lang == "en"])
