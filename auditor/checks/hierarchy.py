"""`hierarchy`: a parent row (program, kegiatan) equals the sum of its children (kegiatan, sub kegiatan).

Parents come from the row tree the table states (level words, codes, numbering). A parent whose value
is given but that has no child rows, or a child with no parent above it, is said plainly when
`report_orphans` is on — such rows cannot be checked.
"""
from __future__ import annotations

from .. import tolerance as tl
from .base import Param, check_table_map, as_number, location, related

DOC = "A program's pagu equals the sum of its kegiatan, a kegiatan's the sum of its sub kegiatan."
PARAMS = {
    "columns": Param(dict, required=True, doc="table kind → list of columns to check"),
    "report_orphans": Param(bool, False, doc="also report parents without children / children without parent"),
}


def validate(where: str, params: dict) -> None:
    check_table_map(where, params["columns"], "columns", lambda c: isinstance(c, str), "a list of column names")


def run(rule, ctx):
    from .total import columns_of
    for kind, wanted in rule.params["columns"].items():
        for t in ctx.tables(kind):
            cols = columns_of(t, wanted)
            children: dict[int, list[int]] = {}
            for i, row in enumerate(t.rows):
                if row.parent is not None:
                    children.setdefault(row.parent, []).append(i)
            for i, row in enumerate(t.rows):
                if row.type != "data":
                    continue
                kids = [t.rows[k] for k in children.get(i, [])]
                for col in cols:
                    num = row.num(col)
                    if num is None:
                        continue
                    if not kids:
                        if rule.params["report_orphans"] and row.level in ("program", "kegiatan"):
                            yield rule.emit(ctx, location(t, row, row.cells[col]), reported=as_number(num.value),
                                            label=row.label, column=t.headers.get(col, col), reported_text=num,
                                            expected_value=None, n=0)
                        continue
                    valued = [k for k in kids if k.num(col) is not None]
                    if not valued or any(k.unknown(col) for k in kids):
                        continue   # an unreadable child (IN002/IN004): not checkable, never zero
                    total = tl.add([tl.given(k.num(col)) for k in valued])
                    if tl.meets(tl.stated(num, rule.tolerance), total):
                        continue
                    exp = tl.mid(total)
                    yield rule.emit(
                        ctx, location(t, row, row.cells[col]), reported=as_number(num.value),
                        expected=as_number(exp, num.decimals), imbalance=as_number(num.value - exp, num.decimals),
                        related=[related(t, k.cells[col], "child", k.label[:80]) for k in valued],
                        label=row.label, column=t.headers.get(col, col), reported_text=num, expected_value=exp,
                        n=len(valued))
