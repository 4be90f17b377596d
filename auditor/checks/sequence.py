"""`sequence`: a NO column counts 1, 2, 3 … without gaps or repeats.

Only whole numbers are read (a hierarchical `1.1` numbering is checked by `numbering`); a run may
restart at 1 (a new section). A table whose numbers mostly do not step by one follows another scheme
(numbers per page, codes) and is not judged (`min_share`). Each break is reported once, at the row
where the count goes wrong, with the number expected there.
"""
from __future__ import annotations

from .base import Param, location, related

DOC = "A NO column counts 1, 2, 3 … without gaps or repeats (a run may restart at 1)."
PARAMS = {
    "tables": Param(list, required=True, doc="table kinds whose 'no' column is a plain count"),
    "min_share": Param(float, 0.9, doc="share of steps that must be +1 before a table is judged"),
    "min_rows": Param(int, 5, doc="numbered rows needed before a table is judged"),
}


def run(rule, ctx):
    for kind in rule.params["tables"]:
        for t in ctx.tables(kind):
            if "no" not in t.columns:
                continue
            yield from judge(rule, ctx, t)


def judge(rule, ctx, t):
    numbered = []
    for row in t.rows:
        cell = row.cells.get("no")
        if cell is None or not cell.text:
            continue
        num = cell.num
        if num is None or num.decimals or num.value != int(num.value) or num.value < 1 \
                or cell.text.strip().rstrip(".") != str(int(num.value)):
            return                        # not a plain count ("1.1", "A", "I"): another rule's numbering
        numbered.append((row, cell, int(num.value)))
    if len(numbered) < rule.params["min_rows"]:
        return
    steps = list(zip(numbered, numbered[1:]))
    good = sum(1 for (_, _, a), (_, _, b) in steps if b == a + 1 or b == 1)
    if good < rule.params["min_share"] * len(steps):
        return
    ctx.mark(t, *(c for _, c, _ in numbered))
    for (prow, pcell, a), (row, cell, b) in steps:
        if b == a + 1 or b == 1:
            continue
        want = a + 1
        yield rule.emit(ctx, location(t, row, cell), reported=b, expected=want, imbalance=b - want,
                        related=[related(t, pcell, "previous", prow.label[:60])], label=row.label,
                        reported_text=cell.text, expected_value=want, previous=pcell.text,
                        kind="ulang" if b <= a else "loncat")
