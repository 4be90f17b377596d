"""`relations`: every row agrees with the relations the table states in its column-number row.

`13=9+10+11+12`, `(5) = (4)/(3) x 100`, `6 (5/4*100%)`, `(4)=(2)x(3)`: read by tables.relations for
any table of any kind (a generic one included) and judged on each data and total row with interval
tolerance — a value shown with d decimals stands for its rounding interval, a ratio × 100 is judged
by the decimals its cell shows. The finding quotes the relation as the form writes it.

Rows are skipped, never guessed at, where an operand is unreadable (a formula without cached value,
an Excel error, a word), where the denominator may be zero, and — for additive relations — where a
value is a percentage or carries a unit (a K column of a percentage indicator is not additive).
"""
from __future__ import annotations

import ast
from decimal import Decimal

from .. import tolerance as tl
from .base import Param, as_number, location, related

DOC = "A row agrees with the relations the column-number row states (13 = 9+10+11+12, 5 = 4/3 × 100)."
PARAMS = {
    "shapes": Param(list, required=True, doc="relation shapes this rule judges: sum, ratio, product"),
    "rows": Param(list, ["data", "total"], doc="row types to check"),
    "skip": Param(dict, {}, doc="table kind → computed columns another rule already judges (not repeated)"),
    "subs": Param(list, [], doc="judge only sub-columns with these sub-headers (k, rp); empty: any"),
    "not_subs": Param(list, [], doc="never judge sub-columns with these sub-headers"),
    "defaults": Param(dict, {}, doc="table kind → relations the form itself defines, over canonical columns: "
                                    "{value, sum: [...]} or {value, numerator, denominator} (× 100); used "
                                    "where the column-number row states none for that column"),
}


def validate(where: str, params: dict) -> None:
    from .base import ConfigError, check_table_map
    bad = set(params["shapes"]) - {"sum", "ratio", "product"}
    if bad:
        raise ConfigError(f"{where}: shapes: unknown {', '.join(sorted(bad))} (sum, ratio, product)")
    check_table_map(where, params["defaults"], "defaults",
                    lambda d: isinstance(d, dict) and "value" in d and (
                        set(d) == {"value", "sum"} and isinstance(d["sum"], list)
                        or set(d) == {"value", "numerator", "denominator"}),
                    "a list of {value, sum: [...]} or {value, numerator, denominator} mappings")


def default_relations(t, specs: list[dict], stated_targets: set[int]):
    """Bound relations from a kind's own definition, for computed columns the numbering row leaves
    unstated (a row that only numbers `1 2 3 …`). Operands get pseudo numbers 1..n."""
    from ..tables.relations import Bound, Stated
    from .total import columns_of
    out = []
    for spec in specs:
        value = spec["value"]
        if value not in t.columns or t.columns[value] in stated_targets:
            continue
        sub = value.split("@")[1] if "@" in value else ""
        if "sum" in spec:
            parts = columns_of(t, spec["sum"])
            if not parts:
                continue
            expr = " + ".join(f"c{i}" for i in range(1, len(parts) + 1))
            text = f"{_name(t, value)} = " + " + ".join(_name(t, c) for c in parts)
        else:
            parts = [spec["numerator"], spec["denominator"]]
            if not all(p in t.columns for p in parts):
                continue
            expr = "c1 / c2 * 100"
            text = f"{_name(t, value)} = {_name(t, parts[0])} / {_name(t, parts[1])} × 100"
        st = Stated(0, ast.parse(expr, mode="eval").body, text)
        out.append(Bound(st, t.columns[value], {i: t.columns[c] for i, c in enumerate(parts, start=1)}, sub))
    return out


def _name(t, canon: str) -> str:
    return t.headers.get(canon, canon)[:50]


def table_relations(ctx, t):
    """The bound relations of a table's numbering row (memoised per table for the rules sharing it)."""
    key = ("relations", id(t))
    got = ctx.cache.get(key)
    if got is None:
        from ..tables.relations import bind
        got = []
        if t.numbering_row is not None:
            merge_of = t.grid.merge_map() if t.grid.merged else {}
            got = bind(t.grid, t.numbering_row, merge_of, _subheader(t, merge_of))
        ctx.cache[key] = got
    return got


def _subheader(t, merge_of):
    from ..tables.detect import norm
    g, last = t.grid, t.header[1]

    def sub(c: int) -> str:
        rng = merge_of.get((last, c))
        if rng and rng[3] > rng[1]:
            return ""                # a label over several columns is a group, not a sub-column
        return norm(g.text(rng[0], rng[1]) if rng else g.text(last, c))
    return sub


def cell_at(t, row, c: int):
    """A row's CellRef in grid column c: the table's own when the column is mapped, else read here."""
    from ..tables.cells import numeric_cell
    from ..tables.model import CellRef
    for canon, cc in t.columns.items():
        if cc == c and canon in row.cells:
            cell = row.cells[canon]
            if cell.num is not None or cell.unknown or not cell.text:
                return cell
            break
    g = t.grid
    raw = g.get(row.r, c)
    text, num, unknown = numeric_cell(raw, row.r, c, g.uncached, g.formats, {})
    return CellRef(row.r, c, g.addr(row.r, c), raw, text, num, unknown)


class Skip(Exception):
    """A row the relation cannot judge."""


def evaluate(node, value):
    """Interval of an expression; `value(name)` gives a leaf's interval."""
    if isinstance(node, ast.Constant):
        d = Decimal(node.value)
        return d, d
    if isinstance(node, ast.Name):
        return value(node.id)
    a, b = evaluate(node.left, value), evaluate(node.right, value)
    if isinstance(node.op, ast.Add):
        return a[0] + b[0], a[1] + b[1]
    if isinstance(node.op, ast.Sub):
        return a[0] - b[1], a[1] - b[0]
    if isinstance(node.op, ast.Mult):
        ps = [x * y for x in a for y in b]
        return min(ps), max(ps)
    if b[0] <= 0 <= b[1]:
        raise Skip("denominator may be zero")
    qs = [tl.CTX.divide(x, y) for x in a for y in b]
    return min(qs), max(qs)


def judge(rule, t, row, b):
    """(stated cell, its Num, expected interval, operand cells) or None when the row is not judged."""
    target = cell_at(t, row, b.target)
    num = target.num
    if num is None or target.unknown:
        return None
    shape = b.stated.shape
    cells = {n: cell_at(t, row, c) for n, c in b.operands.items()}
    present = [c for c in cells.values() if c.num is not None]
    if any(c.unknown or (c.num is None and c.text and not _empty(c.text)) for c in cells.values()):
        return None
    if shape == "sum":
        if not present or any(x.percent or x.unit for x in [num] + [c.num for c in present]):
            return None
    elif len(present) < len(cells):
        return None

    def value(name: str):
        c = cells[int(name[1:])]
        return (tl.ZERO, tl.ZERO) if c.num is None else tl.given(c.num)
    try:
        iv = evaluate(b.stated.expr, value)
    except Skip:
        return None
    if shape == "ratio" and not b.stated.scaled and num.percent:
        iv = (iv[0] * 100, iv[1] * 100)     # "5 = 4/3" in a cell formatted as a percentage
    if tl.meets(tl.stated(num, rule.tolerance), iv):
        return target, num, None, cells
    if shape == "ratio":
        stated = tl.stated(num, rule.tolerance)
        if b.stated.scaled and not num.percent and tl.meets(stated, (iv[0] / 100, iv[1] / 100)):
            return target, num, None, cells  # the ratio written as a fraction: right, said elsewhere
        if not b.stated.scaled and not num.percent and tl.meets(stated, (iv[0] * 100, iv[1] * 100)):
            return target, num, None, cells  # "6 = 5/4" over a "(%)" column of 85,00: the × 100 is implied
        alt = _negative_polarity(b.stated.expr, value)
        if alt is not None and tl.meets(stated, alt if b.stated.scaled else (alt[0] / 100, alt[1] / 100)):
            return target, num, None, cells  # (2·target − realisasi) / target: a lower-is-better indicator
    return target, num, iv, cells


def _negative_polarity(expr, value):
    """For `a / b × 100` (or `a / b`): the interval of (2b − a) / b × 100, the capaian of an indicator
    where lower is better, always as a percentage (the caller divides by 100 for an unscaled `a / b`);
    None for any other shape (× a constant other than 100 included)."""
    node = expr
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and isinstance(node.right, ast.Constant):
        if node.right.value != 100:
            return None
        node = node.left
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
            and isinstance(node.left, ast.Name) and isinstance(node.right, ast.Name)):
        return None
    a, d = value(node.left.id), value(node.right.id)
    if d[0] <= 0:
        return None
    lo, hi = 2 * d[0] - a[1], 2 * d[1] - a[0]
    qs = [tl.CTX.divide(x * 100, y) for x in (lo, hi) for y in d]
    return min(qs), max(qs)


def _empty(text: str) -> bool:
    from ..numbers import is_empty_marker
    return is_empty_marker(text)


ROLES = {"sum": "part", "ratio": "operand", "product": "operand"}


def run(rule, ctx):
    p = rule.params
    for t in ctx.all_tables():
        if t.numbering_row is None and t.kind not in p["defaults"]:
            continue
        skip_cols = {t.columns[c] for c in p["skip"].get(t.kind, []) if c in t.columns}
        bound = table_relations(ctx, t)
        if t.kind in p["defaults"]:
            bound = bound + default_relations(t, p["defaults"][t.kind], {b.target for b in bound})
        for b in bound:
            if b.stated.shape not in p["shapes"] or b.target in skip_cols:
                continue
            sub = b.sub.split()[-1] if b.sub else ""   # "realisasi renja k" -> k
            if b.split and sub == "%":
                continue        # a "%" sub-column beside K | Rp: the relation is stated for the amounts
            if (p["subs"] and sub not in p["subs"]) or sub in p["not_subs"]:
                continue
            for row in t.rows:
                if row.type not in p["rows"]:
                    continue
                got = judge(rule, t, row, b)
                if got is None:
                    continue
                target, num, iv, cells = got
                ctx.mark(t, target, *cells.values())
                if iv is None:
                    continue
                exp = tl.mid(iv)
                dec = max(num.decimals, 2) if b.stated.shape == "ratio" else num.decimals
                num_of = (lambda n: f"({n}) ") if b.stated.number else (lambda n: "")
                rel = [related(t, c, ROLES[b.stated.shape], f"{num_of(n)}{_head(t, c.c)}".strip())
                       for n, c in sorted(cells.items()) if c.num is not None]
                yield rule.emit(
                    ctx, location(t, row, target), reported=as_number(num.value),
                    expected=as_number(exp, dec), imbalance=as_number(num.value - exp, dec), related=rel,
                    diagnosis=formula_diagnosis(ctx.lang, t, b, target),
                    label=row.label or t.grid.addr(row.r, 0), column=f"{num_of(b.stated.number)}{_head(t, b.target)}".strip(),
                    relation=b.stated.text, reported_text=num, expected_value=tl.shown(exp, dec) if dec else exp)


def _head(t, c: int) -> str:
    for canon, cc in t.columns.items():
        if cc == c:
            return t.headers.get(canon, canon)[:60]
    g = t.grid
    parts: list[str] = []
    for r in range(t.header[0], t.header[1] + 1):
        x = g.text(r, c)
        if x and x not in parts:
            parts.append(x)
    return " ".join(" ".join(parts).split())[:60] or g.addr(t.header[0], c).rstrip("0123456789")


T = {
    "wrong_column": {"id": "rumus sel {formula} merujuk kolom {got}, bukan kolom {want} yang disebut relasinya",
                     "en": "the cell's formula {formula} refers to columns {got}, not to the columns {want} its relation names"},
}


def formula_diagnosis(lang, t, b, target):
    """The cell's own formula, when it adds other columns than the relation names (14 = 7 + 13
    computed as =I17+Y17: a percentage added into an amount)."""
    from ..readers.grid import get_column_letter
    from ..tables.formula_refs import columns_of, same_row
    from .diagnose import Diag
    g = t.grid
    f = g.formulas.get((target.r, target.c)) if g.formulas else None
    if not f or not same_row(f, target.r + g.row0):
        return None
    got = sorted(columns_of(f))
    want = sorted(c + g.col0 for c in b.operands.values())
    if len(got) != len(want) or got == want:
        return None
    letters = (lambda cs: "+".join(get_column_letter(c) for c in cs))
    d = Diag(T["wrong_column"].get(lang, T["wrong_column"]["en"]).format(formula=f, got=letters(got), want=letters(want)))
    d.kind = "wrong_column"
    return d
