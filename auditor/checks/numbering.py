"""`numbering`: row numbers follow the tree they number ("3.1" under Program 4 should be "4.1")."""
from __future__ import annotations

from .base import Param, location

DOC = "A numbered child row carries its parent's number as prefix (1 → 1.1, 1.2; 4 → 4.1)."
PARAMS = {"tables": Param(list, required=True, doc="table kinds whose No column numbers a tree")}


def run(rule, ctx):
    from ..tables.conventions import ordinal
    for kind in rule.params["tables"]:
        for t in ctx.tables(kind):
            if "no" not in t.columns:
                continue
            for row in t.rows:
                if row.type != "data" or not row.numbering or row.parent is None:
                    continue
                parent = t.rows[row.parent]
                if not parent.numbering or "." not in row.numbering:
                    continue
                # the parent's number as digits: "4" -> 4, and in an A / I / 1.1 scheme "II" -> 2
                stands = ordinal(parent.numbering)
                prefix = row.numbering.rsplit(".", 1)[0]
                if stands is None or prefix == stands:
                    continue
                want = f"{stands}.{row.numbering.rsplit('.', 1)[1]}"
                yield rule.emit(ctx, location(t, row, row.cells.get("no")), reported=row.numbering,
                                expected=want, label=row.label, parent=parent.label,
                                reported_text=row.numbering, expected_value=want)
