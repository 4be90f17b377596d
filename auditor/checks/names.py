"""`names`: the same entity named differently across documents, and different entities sharing a name.

Modes:
* `renamed`   – a budget row tied to its entity only by an identical pagu under the same parent, its name
                matching none of the parent's children (Tabel 3.5 calling a sub kegiatan something else);
* `ambiguous` – a name that fits two entities equally well: reported, never guessed;
* `duplicate` – two rows of one table with different indikator under the same sasaran name.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import Location, Related
from .base import Param, location

DOC = "One entity keeps one name across documents; two different entities never share one."
PARAMS = {
    "mode": Param(str, "renamed", choices=("renamed", "ambiguous", "duplicate")),
    "tables": Param(list, ["pk", "pengukuran", "tc25", "efisiensi"], doc="duplicate mode: table kinds"),
}
LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan",
               "indikator": "indikator", "sasaran": "sasaran"}


def run(rule, ctx):
    # coverage: names are compared, not numbers - nothing to mark (the pagu that ties a renamed row is
    # compared by same_fact, which marks it)
    mode = rule.params["mode"]
    if mode == "duplicate":
        yield from duplicates(rule, ctx)
        return
    store = ctx.facts()
    seen = set()
    for res in store.resolutions:
        if res.how != ("pagu" if mode == "renamed" else "ambiguous"):
            continue
        key = (res.path, res.sheet, res.cell)
        if key in seen:
            continue
        seen.add(key)
        loc = Location(path=res.path, sheet=res.sheet, cell=res.cell, caption=res.caption,
                       row_label=res.stated[:120])
        if mode == "renamed":
            ent = store.entities[res.entity]
            src = next((f for f in store.facts if f.entity == ent.key and f.measure == "pagu"
                        and f.origin in ("sipd_pagu", "anggaran")), None)
            rel = [Related(path=src.path, sheet=src.sheet, cell=src.cell, value=ent.name, role="other_source",
                           label=src.caption or src.origin)] if src else []
            yield rule.emit(ctx, loc, reported=res.stated, expected=ent.name, related=rel,
                            level=LEVEL_WORDS.get(res.level, res.level), reported_text=res.stated,
                            expected_value=ent.name, code=ent.code or "", pagu=ent.pagu)
        else:
            names = [store.entities[k].name for k in res.candidates if k in store.entities]
            yield rule.emit(ctx, loc, reported=res.stated, expected=None,
                            level=LEVEL_WORDS.get(res.level, res.level), reported_text=res.stated,
                            candidates=" / ".join(names))


def duplicates(rule, ctx):
    from ..entities import normalise
    for kind in rule.params["tables"]:
        for t in ctx.tables(kind):
            by_name = defaultdict(list)
            for row in t.data_rows():
                sas = row.cells.get("sasaran") if kind != "efisiensi" else row.cells.get("label")
                ind = row.text("indikator")
                if sas is None or not sas.text:
                    continue
                by_name[normalise(sas.text)].append((row, sas, ind))
            for rows in by_name.values():
                inds = {normalise(i) for _, _, i in rows if i}
                if len(rows) < 2 or len(inds) < 2:
                    continue
                first = rows[0]
                for row, sas, ind in rows[1:]:
                    if sas.addr == first[1].addr:
                        continue   # one merged cell over several indikator rows is one sasaran
                    yield rule.emit(ctx, location(t, row, sas), reported=sas.text, expected=None,
                                    related=[Related(path=t.path, sheet=t.sheet, cell=first[1].addr,
                                                     value=first[2], role="other_source", label=first[0].label)],
                                    reported_text=sas.text, expected_value="", other=first[2], this=ind)
