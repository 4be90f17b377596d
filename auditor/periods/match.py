"""The entities of two years' fact stores tied together: by key or code first, then by name.

A programme keeps its code from year to year (the Kepmendagri nomenclature); an indicator has no code
and is matched by its normalised name (auditor.entities: case, punctuation, common typos, a fuzzy ratio
that must clearly beat every other candidate). A name that matches two candidates equally is left
unmatched: nothing is compared rather than the wrong thing.
"""
from __future__ import annotations

from ..entities import best_match

LEVELS = ("skpd", "program", "kegiatan", "sub_kegiatan", "indikator")


def entity_map(cur, prev) -> dict[str, str]:
    """{current entity key: previous entity key} for the entities both stores know."""
    out: dict[str, str] = {}
    by_code = {e.code: k for k, e in prev.entities.items() if e.code}
    taken: set[str] = set()
    pending = []
    for key, e in cur.entities.items():
        if e.level not in LEVELS:
            continue
        if key in prev.entities and prev.entities[key].level == e.level:
            out[key] = key
        elif e.code and e.code in by_code:
            out[key] = by_code[e.code]
        else:
            pending.append((key, e))
            continue
        taken.add(out[key])
    for key, e in pending:
        # by name among the previous year's entities of the same level not matched by key or code;
        # a sub kegiatan or kegiatan among its matched parent's children where the parent is known
        pool = [k for k, p in prev.entities.items() if p.level == e.level and k not in taken]
        parent = out.get(e.parent) if e.parent else None
        if parent is not None:
            pool = [k for k in pool if prev.entities[k].parent == parent] or pool
        if not pool:
            continue
        m = best_match(e.name, [prev.entities[k].name for k in pool])
        if m.ok:
            out[key] = pool[m.index]
            taken.add(pool[m.index])
    return out
