"""`groups`: what a flat export repeats on every line of a group agrees with the group.

A machine export (SIPD realisasi, rekap pagu) writes a group's figure on each of its lines: the
Nilai SP2D on every line of one SP2D, the pagu of a sub kegiatan on every rekening line. Two
relations follow, for any table whose columns the rule names:

* `total`: the repeated value equals the sum of the group's lines (Nilai SP2D = Σ Nilai Realisasi of
  the lines with that Nomor SP2D);
* `repeated`: the repeated value is the same on every line of the group.

Columns are read whole (Table.column), so a 100,000-line export makes no cells. When most groups
disagree the export follows another convention (a net Nilai SP2D, say), not an error on each line:
the rule then reports nothing for that table (`max_share`): another convention (a net Nilai SP2D),
or a column that is not a group key in this export.
"""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

from .base import Param, as_number, check_table_map, location, table_specs
from ..model import Related

DOC = "A value repeated on every line of a group equals the sum of the group's lines, or is the same on each."
PARAMS = {
    "op": Param(str, required=True, choices=("total", "repeated")),
    "tables": Param(dict, required=True, doc="table kind → list of {key, value[, lines]} column names"),
    "max_share": Param(float, 0.5, doc="report nothing for a table where more than this share of groups disagree"),
    "max_related": Param(int, 60, doc="lines listed as related, at most"),
}


def validate(where: str, params: dict) -> None:
    need = {"key", "value", "lines"} if params["op"] == "total" else {"key", "value"}
    check_table_map(where, params["tables"], "tables", lambda d: isinstance(d, dict) and set(d) == need,
                    f"a list of mappings with exactly {', '.join(sorted(need))}")


def run(rule, ctx):
    for t, spec in table_specs(rule, ctx):
        if all(spec[k] in t.columns for k in spec):
            yield from judge(rule, ctx, t, spec)


def judge(rule, ctx, t, spec):
    p = rule.params
    keys = _column(ctx, t, spec["key"])
    values = _column(ctx, t, spec["value"])
    lines = _column(ctx, t, spec["lines"]) if p["op"] == "total" else None
    groups: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k is not None and k[0]:
            groups.setdefault(k[0], []).append(i)
    bad = []
    judged = []
    for key, idx in groups.items():
        vals = [values[i] for i in idx]
        if any(v is None or v[1] is None for v in vals):
            continue
        if p["op"] == "repeated":
            if len(idx) < 2:
                continue
            judged.append(idx)
            common = Counter(v[1] for v in vals).most_common()
            if len(common) > 1 and common[0][1] > common[1][1]:
                bad.append((key, idx, common[0][0]))
            elif len(common) > 1:
                bad.append((key, idx, None))      # no majority: which line is wrong cannot be said
            continue
        ls = [lines[i] for i in idx]
        if any(x is None or x[1] is None for x in ls) or len({v[1] for v in vals}) != 1:
            continue                      # a line without amount, or the total not repeated alike
        judged.append(idx)
        total = sum((x[1] for x in ls), Decimal(0))
        if vals[0][1] != total:
            bad.append((key, idx, total))
    for idx in judged:
        ctx.mark(t, *(values[i][3] for i in idx), *((lines[i][3] for i in idx) if lines else ()))
    if not judged or len(bad) > p["max_share"] * len(judged):
        return      # most groups disagree: another convention (a net total), or not a group key here
    for key, idx, expected in bad:
        yield from emit(rule, ctx, t, spec, key, idx, expected, values, lines)


def _column(ctx, t, col):
    """Table.column, read once for the rules sharing it (a 100,000-line export's column costs ~50 ms)."""
    key = ("column", id(t), col)
    got = ctx.cache.get(key)
    if got is None:
        got = ctx.cache[key] = t.column(col)
    return got


def emit(rule, ctx, t, spec, key, idx, expected, values, lines):
    p = rule.params
    if p["op"] == "repeated":
        odd = [i for i in idx if expected is None or values[i][1] != expected]
        for i in odd[:1] if expected is None else odd[:5]:     # a group's first few odd lines
            row = t.rows[i]
            rel = [_rel(t, values[j], "also_in", f"{spec['key']} {key}") for j in idx[:p["max_related"] + 1]
                   if j != i][:p["max_related"]]
            yield rule.emit(ctx, location(t, row, row.cells.get(spec["value"])), reported=as_number(values[i][1]),
                            expected=as_number(expected) if expected is not None else None,
                            imbalance=as_number(values[i][1] - expected) if expected is not None else None,
                            related=rel, label=key, column=t.headers.get(spec["value"], spec["value"]),
                            key=t.headers.get(spec["key"], spec["key"]), reported_text=values[i][0],
                            expected_value=expected if expected is not None else "?", n=len(idx))
        return
    first = t.rows[idx[0]]
    rel = [_rel(t, lines[j], "part", t.rows[j].label[:60]) for j in idx[:p["max_related"]]]
    rel += [_rel(t, values[j], "also_in", key) for j in idx[1:p["max_related"] + 1]]
    stated = values[idx[0]][1]
    yield rule.emit(ctx, location(t, first, first.cells.get(spec["value"])), reported=as_number(stated),
                    expected=as_number(expected), imbalance=as_number(stated - expected), related=rel,
                    label=key, column=t.headers.get(spec["value"], spec["value"]),
                    lines=t.headers.get(spec["lines"], spec["lines"]), key=t.headers.get(spec["key"], spec["key"]),
                    reported_text=stated, expected_value=expected, n=len(idx))


def _rel(t, entry, role, label):
    text, value, _, addr = entry
    return Related(path=t.path, sheet=t.sheet, cell=addr, value=as_number(value) if value is not None else text,
                   role=role, label=label)
