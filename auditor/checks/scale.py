"""`scale`: predikat labels against the band their score falls in, and the stated scale itself.

Modes:
* `marks`   – a row's ✓ (or label) column against the band of its own score column;
* `lookup`  – the same, but the score is taken from another table for the same indikator
              (Tabel 3.7's predikat against the capaian of Tabel 3.2);
* `table`   – a stated scale (Tabel 3.1) has no gaps or overlaps between its bands;
* `regulation` – a stated scale against the regulation's (Permendagri 86/2017).
The scale that judges is the document's own when it states one, else the configured regulation.
"""
from __future__ import annotations

from decimal import Decimal

from .base import Param, as_number, location, related

DOC = "A predikat label matches the band its score falls in; a stated scale has no gaps or overlaps."
PARAMS = {
    "mode": Param(str, "marks", choices=("marks", "lookup", "table", "regulation")),
    "tables": Param(list, [], doc="table kinds to check"),
    "score": Param(str, "capaian", doc="score column"),
    "label": Param(str, "mark", doc="label column, or keyed mark columns (mark@<label>)"),
    "lookup_kind": Param(str, "pengukuran", doc="lookup mode: table kind holding the score"),
    "lookup_name": Param(str, "indikator", doc="lookup mode: column naming the indikator there"),
    "marks": Param(list, ["✓", "√", "v", "V", "x", "X", "✔", "☑", "1"], doc="cell texts that mark a band"),
}


def stated_label(row, t, p) -> tuple[str | None, object]:
    if p["label"] in t.columns:
        cell = row.cells.get(p["label"])
        return (cell.text, cell) if cell and cell.text else (None, None)
    chosen = [(k.split("@", 1)[1], row.cells[k]) for k in t.columns if k.startswith(p["label"] + "@")
              and k in row.cells and row.cells[k].text.strip() in p["marks"]]
    if len(chosen) != 1:
        return None, None
    key, cell = chosen[0]
    return key.title(), cell   # the key is the normalised header ("sangat tinggi")


def judge(ctx, score: Decimal):
    bands = ctx.settings.active.classify(score)
    return bands[0].label if len(bands) == 1 else None


def same(ctx, a: str, b: str) -> bool:
    from ..scales import norm_label
    sc = ctx.settings.active
    ca = sc.canonical(a) or a
    cb = sc.canonical(b) or b
    return norm_label(ca) == norm_label(cb)


def indikator_of(row) -> str:
    from ..codes import label_level
    for text in (row.section or "", row.label):
        lvl, _, rest = label_level(text)
        if lvl == "indikator":
            return rest
    return row.section or row.label


def run(rule, ctx):
    p = rule.params
    mode = p["mode"]
    if mode in ("table", "regulation"):
        yield from run_scale_table(rule, ctx, mode)
        return
    for kind in p["tables"]:
        for t in ctx.tables(kind):
            for row in t.data_rows():
                label, lcell = stated_label(row, t, p)
                if label is None:
                    continue
                if mode == "marks":
                    num = row.num(p["score"])
                    if num is None:
                        continue
                    score, src, src_t = num.value, row.cells[p["score"]], t
                else:
                    found = lookup(ctx, p, indikator_of(row), t.path)
                    if found is None:
                        continue
                    src_t, src_row, score = found
                    src = src_row.cells[p["score"]]
                # coverage: the score is not marked - a band check notices a changed score only when it
                # crosses a band limit, and a marked cell must be one whose change is noticed
                want = judge(ctx, score)
                if want is None or same(ctx, label, want):
                    continue
                yield rule.emit(ctx, location(t, row, lcell), reported=label, expected=want,
                                related=[related(src_t, src, "score", src_t.caption or src_t.sheet)],
                                label=row.section or row.label, reported_text=label, expected_value=want,
                                score=src.num, scale=ctx.settings.active.name,
                                source=src_t.caption or src_t.sheet)


def lookup(ctx, p, name: str, path: str):
    """The score of the same indikator in another table, from the same file when it has one."""
    from ..entities import best_match
    tables = ctx.tables(p["lookup_kind"])
    same_file = [t for t in tables if t.path == path]
    candidates = []
    for t in same_file or tables:
        for row in t.data_rows():
            if row.num(p["score"]) is not None and row.text(p["lookup_name"]):
                candidates.append((t, row))
    if not candidates:
        return None
    m = best_match(name, [r.text(p["lookup_name"]) for _, r in candidates])
    if not m.ok:
        return None
    t, row = candidates[m.index]
    return t, row, row.num(p["score"]).value


KIND_WORD = {"gap": ("celah", "gap"), "overlap": ("tumpang tindih", "overlap")}


def run_scale_table(rule, ctx, mode):
    from ..scales import gaps_and_overlaps, norm_label
    sc = ctx.settings.active
    if sc is None or sc.source != "document":
        return
    t = ctx.tables("skala")[0]
    cells = {b.cell: row for row in t.data_rows() for b in sc.bands if row.cells.get("interval")
             and row.cells["interval"].addr == b.cell}
    if mode == "table":
        for kind, a, b, lo, hi in gaps_and_overlaps(sc):
            row = cells.get(b.cell)
            yield rule.emit(ctx, location(t, row, row.cells["interval"] if row else None),
                            reported=f"{a.label}: {a.text()}; {b.label}: {b.text()}",
                            expected=None, label=f"{a.label} / {b.label}", kind=KIND_WORD[kind][ctx.lang == "en"],
                            band_a=f"{a.label} ({a.text()})", band_b=f"{b.label} ({b.text()})",
                            lo=as_number(lo), hi=as_number(hi), reported_text="", expected_value="")
        return
    reg = ctx.settings.regulation
    for b in sc.bands:
        rb = next((x for x in reg.bands if norm_label(x.label) == norm_label(b.label)), None)
        if rb is None or (rb.lo, rb.lo_inc, rb.hi, rb.hi_inc) == (b.lo, b.lo_inc, b.hi, b.hi_inc):
            continue
        if rb.lo == b.lo and rb.lo_inc == b.lo_inc:
            continue   # same lower bound: conventions differ only in how they close the band
        row = cells.get(b.cell)
        yield rule.emit(ctx, location(t, row, row.cells["interval"] if row else None), reported=b.text(),
                        expected=rb.text(), label=b.label, reported_text=b.text(), expected_value=rb.text(),
                        regulation=reg.name)
