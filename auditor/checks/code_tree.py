"""`code_tree`: a coded row's amount equals the sum of its children, children found by code, never by position.

Evaluation forms (E.81/E.80), LRA and rekap exports give every row a code: urusan `1`, bidang `1.02`,
program `1.02.01`, kegiatan `1.02.01.2.01`, sub kegiatan `1.02.01.2.01.0001`. A row's parent is the
row whose code is the longest proper prefix of its own (at a dot), wherever it stands in the table —
blocks of rows get moved, and a formula that adds the rows beneath a parent may add another group's.
A JUMLAH/Total row equals the sum of the top-most coded rows it closes.
"""
from __future__ import annotations

import re

from .. import tolerance as tl
from .base import Param, check_table_map, as_number, location, related

DOC = "A coded parent row (urusan, bidang, program, kegiatan) equals the sum of its children by code."
PARAMS = {
    "columns": Param(dict, required=True, doc="table kind → list of columns ('name@*' takes every key)"),
    "totals": Param(bool, True, doc="also check total rows against the top-most coded rows"),
}
_CODE = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+)*$")


def validate(where: str, params: dict) -> None:
    check_table_map(where, params["columns"], "columns", lambda c: isinstance(c, str), "a list of column names")


def row_code(row) -> str | None:
    if row.code:
        return row.code
    kode = row.cells.get("kode")
    if kode is None or not kode.text:
        return None
    s = re.sub(r"\s+", "", kode.text).rstrip(".").upper()
    return s if _CODE.match(s) else None


def tree(rows) -> tuple[dict[int, list[int]], list[int]]:
    """children by parent index, and the indices of rows with no coded parent (roots)."""
    codes = {}
    for i, row in enumerate(rows):
        if row.type != "total":
            c = row_code(row)
            if c and c not in codes:
                codes[c] = i
    kids: dict[int, list[int]] = {}
    roots: list[int] = []
    for c, i in codes.items():
        parts = c.split(".")
        parent = None
        for n in range(len(parts) - 1, 0, -1):
            parent = codes.get(".".join(parts[:n]))
            if parent is not None:
                break
        if parent is None:
            roots.append(i)
        else:
            kids.setdefault(parent, []).append(i)
    return kids, sorted(roots)


def run(rule, ctx):
    from .total import columns_of
    for kind, wanted in rule.params["columns"].items():
        for t in ctx.tables(kind):
            kids, roots = tree(t.rows)
            if not kids:
                continue
            groups = [(i, kids[i]) for i in sorted(kids)]
            if rule.params["totals"]:
                for i, row in enumerate(t.rows):
                    if row.type == "total":
                        prev = max([j for j, r in enumerate(t.rows[:i]) if r.type == "total"], default=-1)
                        members = [j for j in roots if prev < j < i]
                        if len(members) > 0:
                            groups.append((i, members))
            for col in columns_of(t, wanted):
                for i, members in groups:
                    yield from judge(rule, ctx, t, col, t.rows[i], [t.rows[j] for j in members])


def judge(rule, ctx, t, col, row, members):
    num = row.num(col)
    if num is None or row.unknown(col):
        return
    valued = [k for k in members if k.num(col) is not None]
    if not valued or any(k.unknown(col) for k in members):
        return
    total = tl.add([tl.given(k.num(col)) for k in valued])
    ctx.mark(t, row.cells[col], *(k.cells[col] for k in valued))
    if tl.meets(tl.stated(num, rule.tolerance), total):
        return
    exp = tl.mid(total)
    code = row_code(row) or ""
    yield rule.emit(
        ctx, location(t, row, row.cells[col]), reported=as_number(num.value),
        expected=as_number(exp, num.decimals), imbalance=as_number(num.value - exp, num.decimals),
        related=[related(t, k.cells[col], "child", f"{row_code(k) or ''} {k.label[:70]}".strip()) for k in valued],
        label=(f"{code} {row.name or row.label}".strip())[:120], column=t.headers.get(col, col), reported_text=num,
        expected_value=exp, n=len(valued))
