"""`past_capaian`: a capaian a report states for an earlier year equals that year's realisasi / target × 100.

The realisasi and target are the ones the documents state for that year: this year's restatements
first, else the earlier year's own report (`Context.previous`). Where the statements of either
disagree among themselves the capaian is not judged (which one it was computed from is unknown).
A capaian for the report's own year is PCT001's business; this rule looks only at earlier years.
"""
from __future__ import annotations

from .. import tolerance as tl
from ..model import Location, Related
from .base import Param, as_number
from .same_fact import where

DOC = "A capaian stated for an earlier year equals that year's realisasi / target × 100."
PARAMS = {
    "levels": Param(list, ["indikator"], doc="entity levels"),
}


def _one(facts, tol):
    facts = [f for f in facts if f.num is not None]
    if not facts or not all(tl.meets(tl.stated(facts[0].num, tol), tl.stated(f.num, tol)) for f in facts[1:]):
        return None
    return facts[0]


def run(rule, ctx):
    if ctx.year is None or not ctx.previous:     # a PER rule: runs with an earlier year only
        return
    cur = ctx.facts()
    levels = set(rule.params["levels"])
    keys = cur.by_key()
    maps = None
    for (entity, measure, period), facts in keys.items():
        if measure != "capaian" or period is None or period >= ctx.year:
            continue
        if levels and facts[0].level not in levels:
            continue
        real = _one(keys.get((entity, "realisasi", period), []), rule.tolerance)
        target = _one(keys.get((entity, "target", period), []), rule.tolerance)
        if real is None or target is None:
            if maps is None:
                from ..periods.match import entity_map
                maps = [(p, entity_map(cur, p.facts())) for p in ctx.previous]
            for prev, emap in maps:
                if entity not in emap:
                    continue
                pk = prev.facts().by_key()
                real = real or _one(pk.get((emap[entity], "realisasi", period), []), rule.tolerance)
                target = target or _one(pk.get((emap[entity], "target", period), []), rule.tolerance)
        if real is None or target is None or target.num.value <= 0 or real.num.value < 0:
            continue
        iv = tl.ratio(tl.given(real.num), tl.given(target.num))
        if iv is None:
            continue
        for f in facts:
            if f.num is None:
                continue
            for g in (f, real, target):
                ctx.ledger.mark(g.path, g.sheet, [g.cell])
            if tl.meets(tl.stated(f.num, rule.tolerance), iv):
                continue
            exp = tl.mid(iv)
            dec = max(f.num.decimals, 2)
            ent = cur.entities.get(entity)
            loc = Location(path=f.path, sheet=f.sheet, cell=f.cell, table=f.origin,
                           row_label=(f.row_label or "")[:120], caption=f.caption)
            rel = [Related(path=real.path, sheet=real.sheet, cell=real.cell, value=as_number(real.num.value),
                           role="numerator", label=where(real)),
                   Related(path=target.path, sheet=target.sheet, cell=target.cell, value=as_number(target.num.value),
                           role="denominator", label=where(target))]
            yield rule.emit(ctx, loc, reported=as_number(f.num.value), expected=as_number(exp, dec),
                            imbalance=as_number(f.num.value - exp, dec), related=rel,
                            entity=ent.name if ent else entity, period=str(period), reported_text=f.num,
                            expected_value=exp, numerator=real.num, denominator=target.num)
