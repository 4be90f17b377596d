"""`code_tree`: a coded row's amount equals the sum of its children, children found by code, never by position.

Evaluation forms (E.81/E.80), LRA and rekap exports give every row a code: urusan `1`, bidang `1.02`,
program `1.02.01`, kegiatan `1.02.01.2.01`, sub kegiatan `1.02.01.2.01.0001`. A row's parent is the
row its code names (tables.codetree, which links the rows of every hierarchical kind), wherever it
stands in the table — blocks of rows get moved, and a formula that adds the rows beneath a parent may add
another group's.
A JUMLAH/Total row equals the sum of the top-most coded rows it closes.
"""
from __future__ import annotations

from .. import tolerance as tl
from .base import Param, check_table_map, as_number, location, related

DOC = "A coded parent row (urusan, bidang, program, kegiatan) equals the sum of its children by code."
PARAMS = {
    "columns": Param(dict, required=True, doc="table kind → list of columns ('name@*' takes every key)"),
    "totals": Param(bool, True, doc="also check total rows against the top-most coded rows"),
}


def validate(where: str, params: dict) -> None:
    check_table_map(where, params["columns"], "columns", lambda c: isinstance(c, str), "a list of column names")


def row_code(row) -> str:
    return row.code or ""


def tree(t) -> tuple[dict[int, list[int]], list[int]]:
    """Children by parent index, and the indices of coded rows with no coded parent (roots), from the
    parents detection found by code (tables.codetree); nothing for a table not linked by its codes."""
    if not t.code_tree:
        return {}, []
    kids: dict[int, list[int]] = {}
    roots: list[int] = []
    for i, row in enumerate(t.rows):
        if row.type != "data" or not row.code:
            continue
        if row.parent is None:
            roots.append(i)
        else:
            kids.setdefault(row.parent, []).append(i)
    return kids, roots


def run(rule, ctx):
    from .total import columns_of
    for kind, wanted in rule.params["columns"].items():
        for t in ctx.tables(kind):
            kids, roots = tree(t)
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
    rel = [related(t, k.cells[col], "child", f"{row_code(k) or ''} {k.label[:70]}".strip()) for k in valued]
    diag, extra = formula_diagnosis(ctx.lang, t, row, row.cells[col], members)
    rel += [related(t, x.cells[col], "counted_twice", f"{row_code(x) or ''} {x.label[:70]}".strip())
            for x in extra if col in x.cells]
    yield rule.emit(
        ctx, location(t, row, row.cells[col]), reported=as_number(num.value),
        expected=as_number(exp, num.decimals), imbalance=as_number(num.value - exp, num.decimals),
        related=rel, diagnosis=diag,
        label=(f"{code} {row.name or row.label}".strip())[:120], column=t.headers.get(col, col), reported_text=num,
        expected_value=exp, n=len(valued))


T = {
    "counted_twice": {"id": "rumus {formula} ikut menjumlah {rows} (bukan anak kode ini): terhitung dua kali",
                      "en": "the formula {formula} also adds {rows} (not children of this code): counted twice"},
    "missing_row": {"id": "rumus {formula} tidak menjumlah {rows}", "en": "the formula {formula} leaves out {rows}"},
}


def formula_diagnosis(lang, t, row, cell, members):
    """Why the cell's own formula gives a wrong sum: the rows it adds that are not the row's children
    (another group's rows, or a subtotal with its own parts: counted twice), or the children it leaves
    out. (None, []) when the cell has no formula that only adds cells of its own column."""
    from ..tables.formula_refs import terms
    from .diagnose import Diag
    g = t.grid
    f = g.formulas.get((cell.r, cell.c)) if g.formulas else None
    got = terms(f) if f else None
    col1 = cell.c + g.col0
    if not got or any(sign < 0 or c != col1 for sign, _, c in got):
        return None, []
    added = [r - g.row0 for _, r, _ in got]
    by_r = {x.r: x for x in t.rows}
    kids = {m.r for m in members}
    extra = [by_r[r] for r in added if r not in kids and r != row.r and r in by_r]
    twice = [r for r in set(added) if added.count(r) > 1 and r in by_r]
    extra += [by_r[r] for r in twice if by_r[r] not in extra]
    missing = [m for m in members if m.r not in added]
    name = (lambda x: f"{g.addr(x.r, cell.c)} ({row_code(x) or x.label[:40]})")
    if extra:
        kind, rows = "counted_twice", ", ".join(map(name, extra))
    elif missing:
        kind, rows = "missing_row", ", ".join(map(name, missing))
    else:
        return None, []
    d = Diag(T[kind].get(lang, T[kind]["en"]).format(formula=f, rows=rows))
    d.kind = kind
    return d, extra
