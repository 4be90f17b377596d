"""`grades`: a SAKIP grade written with its score (`B (75)`, `69 (B)`) agrees with the grade bands.

In any table of any kind, a cell that states a grade letter and a score together is judged against
the grade scale (PermenPANRB 88/2021 by default, rules/scales/). Applications disagree on which bound
of a band is inclusive; the grade is accepted when any of the scale's conventions gives it, so only a
score that no reading of the regulation puts in that grade is reported (`B (75)`: 75 is BB either way).
"""
from __future__ import annotations

import re

from .base import Param, location, related

DOC = "A grade written with its score (B (75)) agrees with the grade bands of the scale."
PARAMS = {
    "mode": Param(str, "grade_score", choices=("grade_score", "predikat"),
                  doc="grade_score: 'B (75)' cells in any table; predikat: a predikat column against the "
                      "capaian of its row, under the configured scale"),
    "scale": Param(str, "permenpanrb-88-2021", doc="grade_score: grade scale (rules/scales/<name>.yaml)"),
    "tables": Param(dict, {}, doc="predikat: table kind → [predikat column, capaian column]; kind `generic`: "
                                  "columns found by header (one 'predikat/kriteria/kategori', one 'capaian')"),
}
_PRED_HEAD = re.compile(r"^(predikat|kriteria|kategori)( capaian| kinerja)*$")
_CAP_HEAD = re.compile(r"capaian")


def predikat_columns(t, spec):
    if t.kind != "generic":
        return tuple(spec) if all(c in t.columns for c in spec) else None
    numeric = {c for c in t.columns if t.kind_def.spec(c).numeric}
    preds = [c for c in t.columns if c not in numeric and _PRED_HEAD.match(t.headers.get(c, ""))]
    caps = [c for c in numeric if _CAP_HEAD.search(t.headers.get(c, ""))]
    return (preds[0], caps[0]) if len(preds) == 1 and len(caps) == 1 else None


def run_predikat(rule, ctx):
    """A stated predikat against the band of its row's capaian (only labels the scale knows: a word of
    another vocabulary is not judged)."""
    from .scale import judge, same
    sc = ctx.settings.active
    for kind, spec in rule.params["tables"].items():
        for t in ctx.tables(kind):
            cols = predikat_columns(t, spec)
            if cols is None:
                continue
            pcol, scol = cols
            for row in t.data_rows():
                lab, num = row.cells.get(pcol), row.num(scol)
                if lab is None or not lab.text or num is None or row.unknown(scol):
                    continue
                known = sc.canonical(lab.text) or next((b.label for b in sc.bands
                                                        if b.label.lower() == " ".join(lab.text.lower().split())), None)
                if known is None:
                    continue
                ctx.mark(t, lab, row.cells[scol])
                want = judge(ctx, num.value)
                if want is None or same(ctx, lab.text, want):
                    continue
                yield rule.emit(ctx, location(t, row, lab), reported=lab.text, expected=want,
                                related=[related(t, row.cells[scol], "score", t.headers.get(scol, scol))],
                                label=row.label, reported_text=lab.text, expected_value=want, score=num,
                                scale=sc.name, grade=lab.text)
_LOOKS = re.compile(r"\b(AA|A|BB|B|CC|C|D)\b.*\d|\d.*\b(AA|A|BB|B|CC|C|D)\b")
# what _LOOKS needs first, searched first: a grade letter standing alone. It is in 14 of the sample's
# ~1,300 short texts, while _LOOKS's second branch walks every digit of every number written as text
_GRADE_WORD = re.compile(r"\b(?:AA|A|BB|B|CC|C|D)\b")


_SCALES: dict[str, tuple] = {}      # scale name -> (its file's stamp, the scales): rule data, not a document's


def scales(name: str):
    """The scale under each of its conventions (default first); read again only when its file changed
    (as rules.load_yaml), not once per audit (~0.25 ms: paths resolved, the YAML unmarshalled per convention)."""
    import os
    from ..rules import load_yaml, rules_dir
    from ..scales import load_scale
    path = rules_dir() / "scales" / f"{name}.yaml"
    try:
        st = os.stat(path)
        stamp = (os.fspath(path), st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    held = _SCALES.get(name)
    if held is not None and stamp is not None and held[0] == stamp:
        return held[1]
    data = load_yaml(path) or {}
    convs = list(data.get("conventions") or {})
    first = data.get("default_convention")
    got = [load_scale(name, c) for c in sorted(convs, key=lambda c: c != first)]
    _SCALES[name] = (stamp, got)
    return got


def run(rule, ctx):
    if rule.params["mode"] == "predikat":
        yield from run_predikat(rule, ctx)
        return
    from ..numbers import parse_text
    from ..tables.model import CellRef
    readings = None
    for t in ctx.all_tables():
        if t.source is not None:
            continue                      # a flat export (SIPD lines): no grades, and 100,000 rows to skip
        g = t.grid
        values = g.values
        if not values:
            continue
        cols = range(g.ncols) if t.kind_def is not None else sorted(set(t.columns.values()))
        cols = [c for c in cols if 0 <= c < len(values[0])]       # Grid.text's bounds, once per table
        for row in t.rows:
            if row.type not in ("data", "total") or not 0 <= row.r < len(values):
                continue
            line = values[row.r]
            for c in cols:
                # g.text(row.r, c) read straight from the row: only a text can hold a grade and a score
                # (a number, a date or a boolean never matches _LOOKS)
                v = line[c]
                if not isinstance(v, str):
                    continue
                text = v.strip()
                if not text or len(text) > 20 or not _GRADE_WORD.search(text) or not _LOOKS.search(text):
                    continue
                num = parse_text(text)
                if num is None or not num.grade or not (0 <= num.value <= 100):
                    continue
                if readings is None:
                    readings = scales(rule.params["scale"])
                cell = CellRef(row.r, c, g.addr(row.r, c), g.get(row.r, c), text, num)
                ctx.mark(t, cell)
                got = [[b.label for b in s.classify(num.value)] for s in readings]
                if any(num.grade in labels for labels in got):
                    continue
                want = got[0][0] if len(got[0]) == 1 else None
                if want is None:
                    continue
                yield rule.emit(ctx, location(t, row, cell), reported=text, expected=want,
                                label=row.label, reported_text=text, grade=num.grade, score=num.value,
                                expected_value=want, scale=readings[0].name)
