"""`recompute`: a formula cell shows what its own formula computes from the cells it names.

A workbook keeps, beside each formula, the value Excel last computed; that cached value is what every
reader sees and what the tool reads. When a workbook is saved without recalculating (calculation set to
manual, values pasted over inputs, a file edited by another program), the value shown is no longer what
the formula says. Only plain arithmetic of the formula's own sheet is re-evaluated (numbers, cells,
ranges in SUM, + − × ÷, %; tables.formula_refs.evaluate); a formula naming anything else, an empty-
valued formula or a text or error cell is not judged. Cells of every table's sheet are looked at,
whatever the table's kind.
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Location, Related
from .base import Param, as_number

DOC = "A formula cell's value is what its own formula computes from the cells it names."
PARAMS = {"max_formulas": Param(int, 20_000, doc="formulas looked at per sheet at most (a bound on time)")}
REL = Decimal("1e-9")


def _decimal(v):
    if v is None:
        return None
    if type(v) is bool:
        raise LookupError(v)
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v))
    raise LookupError(v)                 # text, a date, an error: not arithmetic


def run(rule, ctx):
    from ..tables.formula_refs import evaluate
    seen: set[int] = set()
    for f in ctx.files:
        for t in f.tables:
            g = t.grid
            if id(g) in seen or not g.formulas:
                continue
            seen.add(id(g))
            values, uncached = g.values, g.uncached

            def value_of(row: int, col: int, g=g, values=values, uncached=uncached):
                r, c = row - g.row0, col - g.col0
                if (r, c) in uncached:
                    raise LookupError("uncached")
                if 0 <= r < len(values) and 0 <= c < len(values[0]):
                    return _decimal(values[r][c])
                return None

            for n, ((r, c), formula) in enumerate(sorted(g.formulas.items())):
                if n >= rule.params["max_formulas"]:
                    break
                cached = g.get(r, c)
                if type(cached) not in (int, float) or (r, c) in uncached:
                    continue
                got = evaluate(formula, value_of)
                if got is None:
                    continue
                shown = _decimal(cached)
                ctx.ledger.mark(g.path, g.sheet, [g.addr(r, c)])
                if abs(got - shown) <= REL * max(abs(got), abs(shown), Decimal(1)):
                    continue
                loc = Location(path=g.path, sheet=g.sheet, cell=g.addr(r, c), table=t.kind, caption=t.caption)
                yield rule.emit(ctx, loc, reported=as_number(shown), expected=as_number(got.normalize()),
                                imbalance=as_number(shown - got), formula=formula, reported_text=shown,
                                expected_value=got,
                                related=[Related(path=g.path, sheet=g.sheet, cell=g.addr(r, c), value=formula,
                                                 role="formula")])
