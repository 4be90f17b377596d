"""`across_years`: a fact of a year stated again in a later year's documents has the value the earlier
report gave it (a 2023 realisasi restated in 2024's trend table, a Renstra target for 2025 restated
in the next LKIP, a past pagu).

Runs only when the audit has a previous year (`check … --previous`, a folder of year sub-folders,
a batch unit): without one it returns at once. The previous year's facts are its own audit's
(`Context.previous`), entities tied by code, then by name (auditor.periods.match). A key whose
statements already disagree within one year is left to XDOC there: which one to compare is unknown.
Each current-year statement that disagrees is reported where it stands, the earlier report's cells
related with role `previous_year`.

With `revision: stated`, the rule runs only when a document of either year states a Renstra
revision (perubahan) and emits one finding naming it with every changed value related; with
`revision: absent` it runs only when none is stated; `any` ignores revisions.
"""
from __future__ import annotations

from .. import tolerance as tl
from ..model import Location, Related
from .base import Param, as_number
from .same_fact import MEASURE_WORDS, where

DOC = "A fact restated in a later year's documents has the value the earlier year's report gave it."
PARAMS = {
    "measures": Param(dict, required=True,
                      doc="measure → {current: [table kinds restating it], previous: [table kinds of the earlier report, most authoritative first]}"),
    "levels": Param(list, [], doc="entity levels to compare (empty: all)"),
    "periods": Param(str, "past", doc="past: only years up to the previous report's year; all: every year both state",
                     choices=("past", "all")),
    "revision": Param(str, "any", doc="absent / stated: run only when no Renstra revision is / one is stated; any",
                      choices=("any", "absent", "stated")),
    "updated_only": Param(list, [], doc="table kinds whose current statements count only when the table also "
                                        "states realisasi per year (a T-C.27 after pemutakhiran: else its Rp is a plan)"),
}


def validate(where_: str, params: dict) -> None:
    from .base import ConfigError
    for measure, spec in params["measures"].items():
        if not isinstance(spec, dict) or set(spec) != {"current", "previous"} or \
                not all(isinstance(spec[k], list) for k in spec):
            raise ConfigError(f"{where_}: measures.{measure} must be {{current: [kinds], previous: [kinds]}}")


def _agree(a, b, tol) -> bool:
    """A value copied from one report into another agrees when both say the same at the coarser of
    their shown precisions (82,5 and 82,50; 83 and 82,6), within the rule's absolute tolerance.
    (Two intervals that only touch, 83 and 84 at 0 decimals, do not agree: that is a changed number.)"""
    d = min(a.num.decimals, b.num.decimals)
    return abs(tl.shown(a.num.value, d) - tl.shown(b.num.value, d)) <= tol.absolute


def _consistent(facts, tol) -> bool:
    return all(_agree(facts[0], f, tol) for f in facts[1:])


def _val(f):
    return as_number(f.num.value)


def revision(ctx):
    """The Renstra revision stated in this year's or a previous year's documents (cached), or None."""
    key = "periods:revision"
    if key not in ctx.cache:
        from ..periods.years import renstra_revision
        ctx.cache[key] = renstra_revision(ctx.files) or next(
            (r for p in ctx.previous for r in [renstra_revision(p.files)] if r), None)
    return ctx.cache[key]


def differences(rule, ctx):
    """(current fact, previous facts, previous context) for every restated value that disagrees."""
    from ..periods.match import entity_map
    cur = ctx.facts()
    levels = set(rule.params["levels"])
    cur_keys = cur.by_key()
    plans = {(t.path, t.sheet) for t in ctx.all_tables() if t.kind in rule.params["updated_only"]
             and not any(c.startswith("realisasi@") for c in t.columns)}
    for prev in ctx.previous:
        pstore = prev.facts()
        emap = entity_map(cur, pstore)
        prev_keys = pstore.by_key()
        for (entity, measure, period), facts in cur_keys.items():
            spec = rule.params["measures"].get(measure)
            if spec is None or period is None or entity not in emap:
                continue
            if rule.params["periods"] == "past" and (prev.year is None or period > prev.year):
                continue
            if prev.year is not None and ctx.year is not None and prev.year >= ctx.year:
                continue
            mine = [f for f in facts if f.origin in spec["current"] and f.num is not None
                    and (not levels or f.level in levels) and (f.path, f.sheet) not in plans]
            order = {k: i for i, k in enumerate(spec["previous"])}
            theirs = sorted((f for f in prev_keys.get((emap[entity], measure, period), [])
                             if f.origin in order and f.num is not None), key=lambda f: order[f.origin])
            if not mine or not theirs:
                continue
            if not _consistent(mine, rule.tolerance) or not _consistent(theirs, rule.tolerance):
                continue      # one year disagrees with itself: XDOC's finding there, not a change between years
            for f in mine:
                ctx.ledger.mark(f.path, f.sheet, [f.cell])     # compared with the earlier report's value
            for f in mine:
                if not _agree(f, theirs[0], rule.tolerance):
                    yield f, theirs, prev


def _related(theirs, prev) -> list[Related]:
    return [Related(path=g.path, sheet=g.sheet, cell=g.cell, value=_val(g), role="previous_year",
                    label=f"{prev.year or ''} {where(g)}".strip()) for g in theirs[:6]]


def run(rule, ctx):
    if not ctx.previous:
        return
    mode = rule.params["revision"]
    rev = revision(ctx) if mode != "any" else None
    if (mode == "absent" and rev is not None) or (mode == "stated" and rev is None):
        return
    words = MEASURE_WORDS.get(ctx.lang, MEASURE_WORDS["id"])
    found = list(differences(rule, ctx))
    if mode == "stated":
        if found:
            yield _revision_finding(rule, ctx, rev, found, words)
        return
    from .diagnose import say, transposed
    cur = ctx.facts()
    for f, theirs, prev in found:
        ref = theirs[0]
        ent = cur.entities.get(f.entity)
        diag = None
        if f.num.decimals == ref.num.decimals and transposed(f.num.value, ref.num.value):
            diag = say(ctx.lang, "transposed", stated=f.num.text or str(f.num.value),
                       expected=ref.num.text or str(ref.num.value))
        loc = Location(path=f.path, sheet=f.sheet, cell=f.cell, table=f.origin, row_label=(f.row_label or "")[:120],
                       caption=f.caption)
        yield rule.emit(ctx, loc, reported=_val(f), expected=_val(ref),
                        imbalance=as_number(f.num.value - ref.num.value, max(f.num.decimals, ref.num.decimals)),
                        related=_related(theirs, prev), diagnosis=diag,
                        measure=words.get(f.measure, f.measure), entity=ent.name if ent else f.entity,
                        period=str(f.period), here=where(f), there=where(ref), previous_year=str(prev.year or ""),
                        reported_text=f.num, expected_value=ref.num)


def _revision_finding(rule, ctx, rev, found, words):
    """One finding for all values a stated Renstra revision explains, at the sentence naming it."""
    related, seen = [], set()
    for f, theirs, prev in found:
        ref = theirs[0]
        related.append(Related(path=f.path, sheet=f.sheet, cell=f.cell, value=_val(f), role="changed",
                               label=f"{words.get(f.measure, f.measure)} {f.period}: {f.row_label or ''}"[:120]))
        if (ref.path, ref.sheet, ref.cell) not in seen:      # the earlier value once, however often restated
            seen.add((ref.path, ref.sheet, ref.cell))
            related.append(Related(path=ref.path, sheet=ref.sheet, cell=ref.cell, value=_val(ref),
                                   role="previous_year", label=f"{prev.year or ''} {where(ref)}".strip()))
    years = sorted({str(p.year) for _f, _t, p in found if p.year})
    changed = len({(f.entity, f.measure, f.period) for f, _t, _p in found})    # targets, not the places stating them
    loc = Location(path=rev.path, sheet=rev.section, row_label=rev.text[:120], quote=rev.text)
    return rule.emit(ctx, loc, reported=changed, related=related, revision=rev.text, n=changed,
                     previous_year=", ".join(years))
