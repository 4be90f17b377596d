"""`grades`: a SAKIP grade written with its score (`B (75)`, `69 (B)`) agrees with the grade bands.

In any table of any kind, a cell that states a grade letter and a score together is judged against
the grade scale (PermenPANRB 88/2021 by default, rules/scales/). Applications disagree on which bound
of a band is inclusive; the grade is accepted when any of the scale's conventions gives it, so only a
score that no reading of the regulation puts in that grade is reported (`B (75)`: 75 is BB either way).
"""
from __future__ import annotations

import re

from .base import Param, location

DOC = "A grade written with its score (B (75)) agrees with the grade bands of the scale."
PARAMS = {
    "scale": Param(str, "permenpanrb-88-2021", doc="grade scale (rules/scales/<name>.yaml)"),
}
_LOOKS = re.compile(r"\b(AA|A|BB|B|CC|C|D)\b.*\d|\d.*\b(AA|A|BB|B|CC|C|D)\b")


def scales(name: str):
    """The scale under each of its conventions (default first)."""
    from ..rules import load_yaml, rules_dir
    from ..scales import load_scale
    data = load_yaml(rules_dir() / "scales" / f"{name}.yaml") or {}
    convs = list(data.get("conventions") or {})
    first = data.get("default_convention")
    return [load_scale(name, c) for c in sorted(convs, key=lambda c: c != first)]


def run(rule, ctx):
    from ..numbers import parse_text
    from ..tables.model import CellRef
    readings = None
    for t in ctx.all_tables():
        if t.source is not None:
            continue                      # a flat export (SIPD lines): no grades, and 100,000 rows to skip
        g = t.grid
        cols = range(g.ncols) if t.kind_def is not None else sorted(set(t.columns.values()))
        for row in t.rows:
            if row.type not in ("data", "total"):
                continue
            for c in cols:
                text = g.text(row.r, c)
                if not text or len(text) > 20 or not _LOOKS.search(text):
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
