"""`series`: monthly or quarterly exports of the same table, judged across periods only where each states its period.

A series is two or more files holding a table of the same kind over the same coded rows (most codes
shared) with different realisasi: the same export taken at different times. Each member's period
is what its title lines state ("s.d. Bulan Maret", "sampai dengan Triwulan II" — cumulative; "Bulan
Maret", "Triwulan II" — that period alone). Where every member states a cumulative period, a row's
realisasi never falls from one period to the next (`mode: cumulative`). Where a member states no
period, nothing is compared across periods: one finding says so for the series (`mode: unstated`).
File names are not periods: "lra_maret.xlsx" may hold a cumulative or a monthly figure.
"""
from __future__ import annotations

from ..model import Location, Related
from .base import Param, as_number

DOC = "Monthly or quarterly exports: a cumulative series never falls; a series without stated periods is not compared."
PARAMS = {
    "mode": Param(str, required=True, doc="cumulative: a stated s.d. series never falls; unstated: say a series states no period",
                  choices=("cumulative", "unstated")),
    "min_codes": Param(int, 2, doc="coded rows two tables must share to be one series"),
    "overlap": Param(float, 0.8, doc="share of the smaller table's codes the other must hold"),
}


def _realisasi_cols(t) -> list[str]:
    return [c for c in t.columns if c.split("@")[0].startswith("realisasi") and "persen" not in c]


def _rows(t) -> dict[str, object]:
    out = {}
    for row in t.rows:
        if row.type == "data" and row.code and row.code not in out:
            out[row.code] = row
    return out


def _period(fr, t):
    from ..periods.years import stated_period
    return stated_period(list(t.context)) or stated_period([p.text for p in fr.paragraphs[:20]])


def series(ctx, rule) -> list[list[tuple]]:
    """Series of (file, table, rows by code), one member per file, in file order (cached per audit)."""
    key = ("periods:series", rule.params["min_codes"], rule.params["overlap"])
    if key in ctx.cache:
        return ctx.cache[key]
    by_kind: dict[str, list[tuple]] = {}
    for fr in ctx.files:
        seen = set()
        for t in fr.tables:
            cols = _realisasi_cols(t)
            if not cols or t.kind in seen:
                continue
            rows = _rows(t)
            if len(rows) < rule.params["min_codes"]:
                continue
            seen.add(t.kind)
            by_kind.setdefault(t.kind, []).append((fr, t, rows))
    out = []
    for members in by_kind.values():
        if len(members) < 2:
            continue
        group = [members[0]]
        for m in members[1:]:
            a, b = set(group[0][2]), set(m[2])
            shared = len(a & b)
            if shared >= rule.params["min_codes"] and shared >= rule.params["overlap"] * min(len(a), len(b)):
                group.append(m)
        if len(group) >= 2 and _differ(group):
            out.append(group)
    ctx.cache[key] = out
    return out


def _differ(group) -> bool:
    """The same table copied twice (an LKIP's .docx and its .xlsx) is not a series: realisasi must differ."""
    first = group[0]
    for _fr, t, rows in group[1:]:
        for code, row in rows.items():
            other = first[2].get(code)
            if other is None:
                continue
            for c in _realisasi_cols(t):
                a, b = row.num(c), other.num(c)
                if a is not None and b is not None and a.value != b.value:
                    return True
    return False


def run(rule, ctx):
    for group in series(ctx, rule):
        periods = [_period(fr, t) for fr, t, _rows in group]
        if rule.params["mode"] == "unstated":
            if any(p is None for p in periods):
                fr, t, _rows = group[0]
                rel = [Related(path=g[0].path, sheet=g[1].sheet, cell=None, value=None, role="series_member",
                               label=(p.text if p else None)) for g, p in zip(group, periods)]
                yield rule.emit(ctx, Location(path=fr.path, sheet=t.sheet, table=t.kind, caption=t.caption),
                                reported=sum(p is None for p in periods), related=rel, n=len(group),
                                unstated=sum(p is None for p in periods))
            continue
        if any(p is None or not p.cumulative for p in periods) or len({p.month for p in periods}) < len(periods):
            continue
        ordered = sorted(zip(periods, group), key=lambda x: x[0].month)
        yield from _falls(rule, ctx, ordered)


def _falls(rule, ctx, ordered):
    for (p0, (_f0, t0, rows0)), (p1, (f1, t1, rows1)) in zip(ordered, ordered[1:]):
        cols = [c for c in _realisasi_cols(t1) if c in t0.columns]
        for code, row in rows1.items():
            before = rows0.get(code)
            if before is None:
                continue
            for c in cols:
                a, b = before.num(c), row.num(c)
                if a is None or b is None:
                    continue
                ctx.mark(t1, row.cells[c])
                if b.value >= a.value:
                    continue
                loc = Location(path=f1.path, sheet=t1.sheet, cell=row.cells[c].addr, table=t1.kind,
                               row_label=(row.label or code)[:120], caption=t1.caption)
                rel = [Related(path=t0.path, sheet=t0.sheet, cell=before.cells[c].addr, value=as_number(a.value),
                               role="earlier_period", label=p0.text)]
                yield rule.emit(ctx, loc, reported=as_number(b.value), expected=as_number(a.value),
                                imbalance=as_number(b.value - a.value), related=rel, label=row.label or code,
                                column=t1.headers.get(c, c), period=p1.text, earlier=p0.text,
                                reported_text=b, expected_value=a)
