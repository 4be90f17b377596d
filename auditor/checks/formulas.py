"""`formulas`: a column computed row by row, and the rows whose formula (or typed number) breaks its pattern.

ExceLint-style, precision first. In a table's column where at least `min_rows` body rows hold a
formula over cells of their own row (`=M9+O9+Q9+S9`), the shape of those formulas relative to their
cell (R1C1) is compared; the dominant shape (held by at least `share` of them) is the column's
pattern. A row whose formula has another shape, or that holds a typed number, is reported only when
its value differs from what the pattern gives on that row — a different formula with the same result
is no error. The finding quotes both formulas; `wrong_column` when the deviant refers to as many cells
as the pattern but in other columns (a percentage column added into an amount).

Columns whose computation the column-number row states are left to checks.relations (same cells).
"""
from __future__ import annotations

import ast
from collections import Counter

from .. import tolerance as tl
from ..tables.formula_refs import arith
from .base import Param, as_number, location, related

DOC = "In a column computed by formulas over their own row, a row whose formula or typed value breaks the pattern."
PARAMS = {
    "mode": Param(str, "pattern", choices=("pattern", "subtotals"),
                  doc="pattern: rows breaking their column's formula pattern; subtotals: a sum whose range "
                      "takes in a subtotal together with the rows it adds"),
    "skip_kinds": Param(list, [], doc="table kinds another rule judges the same way (code_tree: SUM104)"),
    "skip": Param(dict, {}, doc="pattern: table kind → columns a relation rule judges already (the form's own)"),
    "min_rows": Param(int, 3, doc="formula rows needed before a column has a pattern"),
    "share": Param(float, 0.75, doc="share of the formula rows the dominant shape must hold"),
    "typed": Param(bool, True, doc="also judge typed numbers among the formulas"),
}


def run(rule, ctx):
    from .relations import table_relations
    for t in ctx.all_tables():
        g = t.grid
        if not g.formulas:
            continue
        body = [row for row in t.rows if row.type in ("data", "total")]
        if len(body) < rule.params["min_rows"]:
            continue
        if t.kind in rule.params["skip_kinds"]:
            continue
        if rule.params["mode"] == "subtotals":
            yield from subtotals(rule, ctx, t, body)
            continue
        stated = {b.target for b in table_relations(ctx, t)}
        stated |= {t.columns[c] for c in rule.params["skip"].get(t.kind, []) if c in t.columns}
        cols = sorted({c for (r, c) in g.formulas if t.header[1] < r <= t.end} - stated)
        for c in cols:
            yield from column(rule, ctx, t, body, c)


def subtotals(rule, ctx, t, body):
    """A formula that adds cells of its column one of which is itself the sum of others it also adds
    (=SUM(E5:E12) over a subtotal E8 = SUM(E9:E11)): those are counted twice. Reported when the stated
    value differs from the sum without the subtotals; the expected value is that sum."""
    from ..tables.formula_refs import terms
    from .diagnose import Diag
    from .relations import cell_at
    g = t.grid
    rows = {row.r: row for row in body}
    by_row: dict[int, list] = {}
    for (r, c), f in g.formulas.items():
        if r in rows:
            by_row.setdefault(r, []).append((c, f))
    for row in body:
        for c, f in by_row.get(row.r, ()):
            got = terms(f)
            if not got or any(sign < 0 or cc != c + g.col0 for sign, _, cc in got):
                continue
            added = [rr - g.row0 for _, rr, _ in got]
            if len(set(added)) != len(added) or row.r in added:
                continue
            inner = []
            for a in added:
                sub = terms(g.formulas.get((a, c), "") or "=0")
                if sub and all(s > 0 and cc == c + g.col0 for s, _, cc in sub) and \
                        {rr - g.row0 for _, rr, _ in sub} <= set(added):
                    inner.append(a)
            if not inner:
                continue
            target = cell_at(t, row, c)
            cells = [cell_at(t, rows[a], c) if a in rows else None for a in added]
            if target.num is None or target.unknown or any(x is None or x.unknown for x in cells):
                continue
            ctx.mark(t, target, *cells)
            leaves = [x for x, a in zip(cells, added) if a not in inner and x.num is not None]
            total = tl.add([tl.given(x.num) for x in leaves])
            if tl.meets(tl.stated(target.num, rule.tolerance), total):
                continue
            exp = tl.mid(total)
            names = ", ".join(g.addr(a, c) for a in inner)
            d = Diag(TW["counted_twice"].get(ctx.lang, TW["counted_twice"]["en"]).format(formula=f, rows=names))
            d.kind = "counted_twice"
            rel = [related(t, x, "part", g.addr(x.r, x.c)) for x in leaves] + \
                [related(t, x, "counted_twice", g.addr(x.r, x.c)) for x, a in zip(cells, added) if a in inner]
            yield rule.emit(
                ctx, location(t, row, target), reported=as_number(target.num.value), expected=as_number(exp),
                imbalance=as_number(target.num.value - exp), diagnosis=d, related=rel,
                label=row.label or g.addr(row.r, 0), column=_head(t, c), reported_text=target.num,
                expected_value=exp, formula=f, subtotals=names)


TW = {
    "counted_twice": {"id": "rumus {formula} menjumlah subtotal {rows} beserta baris-baris yang sudah dijumlahnya: terhitung dua kali",
                      "en": "the formula {formula} adds the subtotal(s) {rows} together with the rows they already add: counted twice"},
}


def column(rule, ctx, t, body, c):
    from ..tables.formula_refs import same_row, shape
    g = t.grid
    shapes: dict[int, tuple] = {}
    for row in body:
        f = g.formulas.get((row.r, c))
        if f and same_row(f, row.r + g.row0):
            s = shape(f, row.r + g.row0, c + g.col0)
            if s is not None:
                shapes[row.r] = s
    p = rule.params
    if len(shapes) < p["min_rows"]:
        return
    pattern, n = Counter(shapes.values()).most_common(1)[0]
    if n < p["min_rows"] or n < p["share"] * len(shapes):
        return
    example = next(row for row in body if shapes.get(row.r) == pattern)
    for row in body:
        f = g.formulas.get((row.r, c))
        if shapes.get(row.r) == pattern:
            continue
        if f is None and not p["typed"]:
            continue
        if f is not None and row.r not in shapes:
            continue                      # a formula over other rows (a subtotal): not this pattern's
        got = judge(rule, t, row, c, pattern)
        if got is None:
            continue
        target, num, expected, inputs = got
        ctx.mark(t, target, *inputs)
        if expected is None:
            continue
        want = _render(pattern, row.r + g.row0, c + g.col0)
        kind = None
        if f is not None:
            from ..tables.formula_refs import columns_of
            mine, theirs = columns_of(f), columns_of("=" + want)
            if len(mine) == len(theirs) and mine != theirs:
                kind = "wrong_column"
        diag = _diag(ctx.lang, kind, f, want)
        dec = num.decimals
        yield rule.emit(
            ctx, location(t, row, target), reported=as_number(num.value), expected=as_number(expected, max(dec, 0)),
            imbalance=as_number(num.value - expected, dec), diagnosis=diag,
            related=[related(t, x, "operand", g.addr(x.r, x.c)) for x in inputs],
            label=row.label or g.addr(row.r, 0), column=_head(t, c), reported_text=num, expected_value=expected,
            formula=f or "(angka diketik)" if ctx.lang != "en" else f or "(typed number)",
            pattern="=" + want, example=g.addr(example.r, c), n=n)


def judge(rule, t, row, c, pattern):
    """(cell, its Num, expected value or None when it agrees, input cells) or None: not judged."""
    from .relations import cell_at
    target = cell_at(t, row, c)
    if target.num is None or target.unknown:
        return None
    refs = [x for x in pattern if x[0] == "ref"]
    if any(len(x) != 2 for x in refs):
        return None                       # ranges: not evaluated here
    inputs = []
    names = {}
    for x in refs:
        (rr, cc), = x[1:]
        dr, dc = _off(rr), _off(cc)
        if dr is None or dc is None or dr != 0:
            return None
        cell = cell_at(t, row, c + dc)
        if cell.num is None or cell.unknown:
            return None
        names[f"v{len(names)}"] = cell
        inputs.append(cell)
    expr = _python(pattern, names)
    if expr is None:
        return None
    try:
        value = arith(ast.parse(expr, mode="eval").body, {k: v.num.value for k, v in names.items()})
    except (ZeroDivisionError, ValueError, SyntaxError, ArithmeticError):
        return None
    if value is None:
        return None
    if tl.meets(tl.stated(target.num, rule.tolerance), (value, value)):
        return target, target.num, None, inputs
    return target, target.num, value, inputs


def _off(part: str):
    """"R[-1]" -> -1, "C[3]" -> 3; absolute parts ("R5") -> None."""
    if "[" not in part:
        return None
    return int(part[2:-1])


def _python(pattern, names) -> str | None:
    """The pattern as a Python expression over v0, v1 … (its references in order); IFERROR(x, c) is
    read as x — an error is never evaluated (the row is skipped) — when its fallback holds no reference."""
    out = []
    i = 0
    funcs: list[str] = []             # open functions, innermost last
    skipping = None                   # depth of the IFERROR whose fallback is being skipped
    for x in pattern:
        if skipping is not None:
            if x[0] == "ref":
                return None
            if x[0] == "FUNC" and x[1] == "OPEN":
                funcs.append(x[2])
            elif x[0] == "FUNC" and x[1] == "CLOSE":
                funcs.pop()
                if len(funcs) == skipping:
                    skipping = None
                    out.append(")")
            continue
        if x[0] == "ref":
            out.append(f"v{i}")
            i += 1
            continue
        typ, sub, val = x
        if typ == "FUNC" and sub == "OPEN":
            if val != "IFERROR(":
                return None
            funcs.append(val)
            out.append("(")
        elif typ == "SEP" and sub == "ARG" and funcs and funcs[-1] == "IFERROR(":
            skipping = len(funcs) - 1
        elif typ == "FUNC" and sub == "CLOSE":
            return None               # an IFERROR without fallback: not Excel's
        elif typ == "OPERATOR-INFIX" and val in "+-*/":
            out.append(val)
        elif typ == "OPERATOR-PREFIX" and val in "+-":
            out.append(val)
        elif typ == "OPERAND" and sub == "NUMBER":
            out.append(val)
        elif typ == "PAREN":
            out.append(val)
        elif typ == "OPERATOR-POSTFIX" and val == "%":
            out.append("/100")
        else:
            return None
    return " ".join(out)


def _render(pattern, r: int, c: int) -> str:
    """The pattern written out at row r, column c (A1)."""
    from ..readers.grid import get_column_letter
    out = []
    for x in pattern:
        if x[0] == "ref":
            parts = []
            for rr, cc in x[1:]:
                row = r + int(rr[2:-1]) if "[" in rr else int(rr[1:])
                col = c + int(cc[2:-1]) if "[" in cc else int(cc[1:])
                parts.append(f"{get_column_letter(col)}{row}")
            out.append(":".join(parts))
        else:
            out.append(x[2])
    return "".join(out)


T = {
    "wrong_column": {"id": "rumus {formula} merujuk kolom lain daripada pola kolomnya {pattern}",
                     "en": "the formula {formula} refers to other columns than its column's pattern {pattern}"},
}


def _diag(lang, kind, formula, want):
    if kind is None:
        return None
    from .diagnose import Diag
    d = Diag(T[kind].get(lang, T[kind]["en"]).format(formula=formula, pattern="=" + want))
    d.kind = kind
    return d


def _head(t, c: int) -> str:
    from .relations import _head as head
    return head(t, c)
