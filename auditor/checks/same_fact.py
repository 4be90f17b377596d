"""`same_fact`: one fact (entity, measure, period) stated in several places agrees everywhere.

Two numbers agree when the intervals their shown precision stands for meet (XBRL's duplicate-fact
rule: "89,5%" and 89,47 agree). Text facts (which sasaran a program supports) agree when their
normalised names match. Each disagreeing statement is reported against the most authoritative
source present (e.g. the signed PK for a target, the SIPD export for a pagu), with every other place
the fact is stated listed as related.
"""
from __future__ import annotations


from .. import tolerance as tl
from ..model import Location, Related
from ..numbers import format_id
from .base import Param, as_number
from .diagnose import say, transposed

DOC = "The same fact (a pagu, a target, a realisasi, a capaian) has the same value in every document."
PARAMS = {
    "measures": Param(dict, required=True, doc="measure → list of table kinds, most authoritative first"),
    "levels": Param(list, [], doc="entity levels to compare (empty: all)"),
}

MEASURE_WORDS = {
    "id": {"pagu": "pagu", "realisasi": "realisasi", "serapan": "% serapan", "target": "target",
           "capaian": "capaian", "capaian_akhir": "capaian terhadap target akhir", "output_target": "target output",
           "output_realisasi": "realisasi output", "sasaran": "sasaran yang didukung"},
    "en": {"pagu": "budget", "realisasi": "actual", "serapan": "% absorption", "target": "target",
           "capaian": "achievement", "capaian_akhir": "achievement vs end target", "output_target": "output target",
           "output_realisasi": "output actual", "sasaran": "supported sasaran"},
}
SOURCE_WORDS = {
    "sipd_pagu": "SIPD rekap pagu", "sipd_realisasi": "SIPD realisasi", "pk": "Perjanjian Kinerja",
    "pk_anggaran": "Perjanjian Kinerja", "rkt": "RKT", "tc25": "Renstra T-C.25", "tc27": "Renstra T-C.27",
}


def where(f) -> str:
    name = f.path.replace("\\", "/").rsplit("/", 1)[-1]
    label = f.caption or SOURCE_WORDS.get(f.origin) or f.sheet or f.origin
    return f"{label} ({name})" if f.caption or f.origin not in SOURCE_WORDS else f"{label} ({name})"


def agree(a, b, tol, b_stated=None) -> bool:
    """`b_stated`: tl.stated(b.num, tol) when the caller has it (the reference, compared with each other place)."""
    if a.num is None or b.num is None:
        if a.num is None and b.num is None:
            from ..entities import normalise, similarity     # rapidfuzz: only when texts are compared
            return normalise(a.text) == normalise(b.text) or similarity(a.text, b.text) >= 90
        return True   # a number and a text: not comparable here
    return tl.meets(tl.stated(a.num, tol), b_stated or tl.stated(b.num, tol))


def diagnose(lang, store, f, ref, measure) -> str | None:
    if f.num is None or ref.num is None:
        return None
    v, want = f.num.value, ref.num.value
    if v == 100 and want > 100 and measure.startswith("capaian"):
        return say(lang, "capped", x=format_id(want, ref.num.decimals, style="en" if lang == "en" else "id"))
    # only the copying errors seen in practice: a realisasi (or the target) printed as the capaian
    sources = {"capaian": ("realisasi", "target"), "capaian_akhir": ("realisasi", "target")}.get(measure, ())
    hits = []
    for g in store.of(f.entity, f.period) if sources else ():
        if g.measure in sources and g.num is not None and g.num.value == v:
            hits.append(g.measure)
    hits = sorted(set(hits))
    if len(hits) == 1:
        words = MEASURE_WORDS.get(lang, MEASURE_WORDS["id"])
        return say(lang, "other_measure", measure=words.get(hits[0], hits[0]), value=f.num.text or str(v),
                   wanted=words.get(measure, measure))
    if f.num.decimals == 0 and ref.num.decimals == 0 and transposed(v, want):
        return say(lang, "transposed", stated=f.num.text, expected=ref.num.text)
    return None


def run(rule, ctx):
    store = ctx.facts()
    measures = rule.params["measures"]
    levels = set(rule.params["levels"])
    words = MEASURE_WORDS.get(ctx.lang, MEASURE_WORDS["id"])
    reported_cells: set[tuple] = set()
    for (entity, measure, period), facts in store.by_key().items():
        if measure not in measures or len(facts) < 2:
            continue
        if levels and facts[0].level not in levels:
            continue
        order = {k: i for i, k in enumerate(measures[measure])}
        # the document itself (no LKIP caption) before its restatement inside the LKIP
        ranked = sorted((f for f in facts if f.origin in order), key=lambda f: (order[f.origin], f.caption is not None))
        if not ranked:
            continue
        ref = ranked[0]
        others = [f for f in facts if f is not ref and f.origin in order]
        if len({f.origin for f in others} | {ref.origin}) < 2 and all(f.path == ref.path for f in others):
            continue
        ent = store.entities.get(entity)
        ent_name = ent.name if ent else entity
        ref_stated = None if ref.num is None else tl.stated(ref.num, rule.tolerance)    # once, not once per place
        for f in others:
            if f.origin == ref.origin and f.caption == ref.caption:
                continue   # the same table in two files is compared by in-table rules, not here
            if f.num is not None and ref.num is not None:
                ctx.mark_facts(f, ref)
            if agree(f, ref, rule.tolerance, ref_stated) or (f.path, f.sheet, f.cell) in reported_cells:
                continue
            reported_cells.add((f.path, f.sheet, f.cell))
            rel = [Related(path=ref.path, sheet=ref.sheet, cell=ref.cell, value=_val(ref), role="other_source",
                           label=where(ref))]
            for g in facts:
                if g is not ref and g is not f and len(rel) < 8 and (g.path, g.cell) != (f.path, f.cell):
                    rel.append(Related(path=g.path, sheet=g.sheet, cell=g.cell, value=_val(g), role="other_source",
                                       label=where(g)))
            imb = None
            if f.num is not None and ref.num is not None:
                imb = as_number(f.num.value - ref.num.value, max(f.num.decimals, ref.num.decimals))
            loc = Location(path=f.path, sheet=f.sheet, cell=f.cell, table=f.origin, row_label=(f.row_label or "")[:120],
                           caption=f.caption)
            yield rule.emit(ctx, loc, reported=_val(f), expected=_val(ref), imbalance=imb, related=rel,
                            diagnosis=diagnose(ctx.lang, store, f, ref, measure),
                            measure=words.get(measure, measure), entity=ent_name, period=str(period or ""),
                            here=where(f), there=where(ref), reported_text=f.num or f.text,
                            expected_value=ref.num or ref.text)


def _val(f):
    if f.num is None:
        return f.text
    return as_number(f.num.value)
