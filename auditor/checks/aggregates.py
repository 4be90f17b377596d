"""`aggregates`: a table of line items and a table of an amount per code, keyed by the same codes, agree
on their amounts — in the pairs of columns where the two tables themselves show that they do.

A budget is restated at several grains: an e-budgeting / DPA export lists every line item under its sub
kegiatan (or sub keluaran) code, an RKPD or a Renja gives one amount per code. Neither the documents'
column names nor their layouts are known in advance, so the relation is found, not assumed:

* a key column holds codes (`1.01.01.2.01.01.1 Penyusunan…`, `1.01.01.2.01.01.1`) on most of its rows;
  in the detail table they repeat (its lines), in the summary table they stand once or a few times
  (an RKPD's sub keluaran on a row per location);
* an amount column of the detail table and one of the summary table, each summed per code, are paired
  when they are equal for at least `share` of the codes both state (and `evidence` of them with distinct,
  non-zero amounts); pairs are taken best first, each column in one pair only (so "jumlah" goes with
  "anggaran" and "jumlah perubahan" with "menjadi anggaran");
* in a paired column, every code whose amounts differ is reported at the summary table's (first) cell,
  with the detail lines it should add up.

At least one of the two tables must be of no known kind: the known kinds' budgets are compared through
the fact store (XDOC rules) already. Documents at two grains may differ on purpose (a budget changed
after the plan), so the rule's severity is the catalogue's to set (info by default).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..numbers import parse_cell
from ..readers.grid import get_column_letter
from .base import Param, as_number

DOC = "Line items summed per code agree with another table's amount per code, in columns shown to pair."
PARAMS = {
    "mode": Param(str, "differs", choices=("differs", "only_in_one"),
                  doc="differs: codes whose amounts differ; only_in_one: the codes only one table states"),
    "share": Param(float, 0.8, doc="share of the shared codes on which two columns must agree to pair"),
    "evidence": Param(int, 5, doc="codes with distinct non-zero amounts that must agree before a pair holds"),
    "max_rows": Param(int, 50_000, doc="tables longer than this are not paired (a 100,000-line export)"),
    "max_related": Param(int, 12, doc="cells listed in a finding as related (a code may have hundreds of lines)"),
}

_CODE = re.compile(r"^\s*([0-9]{1,2}(?:\.[0-9A-Z]{1,5}){1,9})(?=$|[\s\-–:])")
_CENT = Decimal("0.01")
_KEYED = 0.6            # a key column: codes on this share of its filled cells; an amount column: numbers
_SAMPLE = 50            # filled cells looked at first


class _View:
    """A table as the columns of its sheet under its header (all of them: a known kind maps only some),
    over its data rows: per column, the code or the number each row holds."""

    def __init__(self, t):
        g = t.grid
        self.t = t
        at = [k for k, row in enumerate(t.rows) if row.type == "data"]     # the data rows' places in t.rows
        self.rows = [t.rows[k].r for k in at]
        self.keys: dict[int, list[str | None]] = {}
        self.amounts: dict[int, list[Decimal | None]] = {}
        formats = g.formats or {}
        h0, h1 = t.header
        # a flat export's amount columns are read already (its Entries): their values, not a second parse
        parsed = {c: canon for canon, (c, is_num, _l) in t.source.where.items() if is_num} if t.source else {}
        values = g.values
        lines = [values[r] for r in self.rows]
        width = len(values[0]) if values else 0
        for c in range(min(g.ncols, width)):
            texts = [line[c] for line in lines]
            filled = [v for v in texts if v is not None and v != ""]
            if len(filled) < 5:
                continue
            if c in parsed:
                entries = t.column(parsed[c])
                vals = [None if entries[k] is None else entries[k][1] for k in at]
                if any(vals):
                    self.amounts[c] = vals
                continue
            # the first filled cells tell a column of names from one of codes or numbers, before all of it
            head = filled[:_SAMPLE]
            if sum(1 for v in head if _code(v)) >= _KEYED * len(head):
                codes = [_code(v) for v in texts]
                if sum(1 for k in codes if k) >= _KEYED * len(filled):
                    self.keys[c] = codes
                    continue
            if sum(1 for v in head if parse_cell(v) is not None) < _KEYED * len(head):
                continue
            nums = [parse_cell(v, formats.get((r, c))) if v is not None and v != "" else None
                    for r, v in zip(self.rows, texts)]
            got = [n for n in nums if n is not None]
            if len(got) >= _KEYED * len(filled) and not any(n.percent for n in got) and any(n.value for n in got):
                self.amounts[c] = [None if n is None else n.value for n in nums]
        self.header = {c: " ".join(filter(None, (g.text(r, c) for r in range(h0, h1 + 1)))) or get_column_letter(
            c + g.col0) for c in list(self.keys) + list(self.amounts)}

    def addr(self, i: int, c: int) -> str:
        return self.t.grid.addr(self.rows[i], c)


def _code(v) -> str | None:
    if type(v) is not str or not v[:1].isdigit() and not v[:1].isspace():
        return None                      # most cells of an export: a name or a number
    m = _CODE.match(v)
    return m.group(1).upper() if m else None


def run(rule, ctx):
    for pair in _pairs(ctx, rule.params):
        if rule.params["mode"] == "differs":
            for cd, cs, agreeing in pair.columns:
                yield from _column_pair(rule, ctx, pair, cd, cs, agreeing)
        elif pair.columns:
            yield from _only_in_one(rule, ctx, pair)


class _Pair:
    """Two tables keyed by the same codes: the key columns, the shared codes and each one's rows, the
    amounts summed per code, and the column pairs that agree (detail column, summary column, codes agreeing)."""

    def __init__(self, detail: _View, summary: _View, kd: int, ks: int, shared: set):
        self.detail, self.summary, self.kd, self.ks, self.shared = detail, summary, kd, ks, shared
        self.lines = _rows_of(detail.keys[kd], shared)
        self.rows = _rows_of(summary.keys[ks], shared)
        self.dsums = {c: _sums(vals, self.lines) for c, vals in detail.amounts.items()}
        self.ssums = {c: _sums(vals, self.rows) for c, vals in summary.amounts.items()}
        self.columns: list[tuple[int, int, int]] = []


def _pairs(ctx, params) -> list[_Pair]:
    """Every pair of tables related this way, found once per audit for the rules sharing the check kind."""
    key = ("aggregates", params["share"], params["evidence"], params["max_rows"])
    if key not in ctx.cache:
        ctx.cache[key] = list(_find(ctx, params))
    return ctx.cache[key]


def _find(ctx, params):
    limit = params["max_rows"]
    fit = [t for t in ctx.all_tables() if t.grid is not None and 5 <= len(t.rows) <= limit]
    # a pair needs a table of no known kind with codes and amounts: look at the others only then
    views = [v for v in (_View(t) for t in fit if t.kind == "generic") if v.keys and v.amounts]
    if not views:
        return
    views += [v for v in (_View(t) for t in fit if t.kind != "generic") if v.keys and v.amounts]
    for detail in views:
        for summary in views:
            if detail is summary or "generic" not in (detail.t.kind, summary.t.kind):
                continue
            pair = _pair(params, detail, summary)
            if pair is not None:
                yield pair


def _pair(params, detail: _View, summary: _View) -> _Pair | None:
    """The key columns the two tables share most codes in, the detail table being the one with more rows
    per code; then the amount columns that agree per code, paired best first."""
    best = None
    for kd, dkeys in detail.keys.items():
        present = [k for k in dkeys if k]
        per_d = len(present) / max(len(set(present)), 1)
        if per_d < 1.2:
            continue                      # hardly a code repeats: not a table of lines
        for ks, skeys in summary.keys.items():
            stated = [k for k in skeys if k]
            if len(stated) / max(len(set(stated)), 1) >= per_d:
                continue                  # not at a coarser grain than the lines
            shared = set(present) & set(stated)
            if len(shared) >= params["evidence"] and (best is None or len(shared) > len(best[2])):
                best = (kd, ks, shared)
    if best is None:
        return None
    pair = _Pair(detail, summary, *best)
    candidates = []
    for cd, per_code in pair.dsums.items():
        for cs, stated in pair.ssums.items():
            agree = [k for k in pair.shared if _same(per_code[k], stated[k])]
            distinct = {per_code[k] for k in agree if per_code[k]}
            if len(distinct) >= params["evidence"] and len(agree) >= params["share"] * len(pair.shared):
                candidates.append((len(agree), cd, cs))
    used_d: set[int] = set()
    used_s: set[int] = set()
    for agreeing, cd, cs in sorted(candidates, key=lambda x: (-x[0], x[1], x[2])):
        if cd in used_d or cs in used_s:
            continue
        used_d.add(cd)
        used_s.add(cs)
        pair.columns.append((cd, cs, agreeing))
    return pair


def _rows_of(keys: list, shared: set) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k in shared:
            out.setdefault(k, []).append(i)
    return out


def _sums(vals: list, rows: dict[str, list[int]]) -> dict[str, Decimal | None]:
    """Per code, the sum of the column over the code's rows; None where none of them holds a number."""
    out: dict[str, Decimal | None] = {}
    for k, idx in rows.items():
        got = [vals[i] for i in idx if vals[i] is not None]
        out[k] = sum(got, Decimal(0)) if got else None
    return out


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    return a is not None and b is not None and a.quantize(_CENT) == b.quantize(_CENT)


def _column_pair(rule, ctx, pair: _Pair, cd: int, cs: int, agreeing: int):
    from ..model import Location
    from .base import related as rel

    detail, summary = pair.detail, pair.summary
    dt, st = detail.t, summary.t
    dsum, ssum, lines, rows = pair.dsums[cd], pair.ssums[cs], pair.lines, pair.rows
    dletter = get_column_letter(cd + dt.grid.col0)
    sletter = get_column_letter(cs + st.grid.col0)
    for k in sorted(pair.shared, key=lambda k: rows[k][0]):
        if ssum[k] is None or dsum[k] is None:
            continue
        ctx.ledger.mark_rows(st.path, st.sheet, (sletter,), [summary.rows[i] + st.grid.row0 for i in rows[k]])
        ctx.ledger.mark_rows(dt.path, dt.sheet, (dletter,), [detail.rows[j] + dt.grid.row0 for j in lines[k]])
        if _same(dsum[k], ssum[k]):
            continue
        shown = [rel(st, _Ref(summary.addr(i, cs), summary.amounts[cs][i]), "same_code")
                 for i in rows[k][1:] if summary.amounts[cs][i] is not None]
        shown += [rel(dt, _Ref(detail.addr(j, cd), detail.amounts[cd][j]), "line") for j in lines[k]
                  if detail.amounts[cd][j] is not None]
        yield rule.emit(
            ctx, Location(path=st.path, sheet=st.sheet, cell=summary.addr(rows[k][0], cs), table=st.kind,
                          caption=st.caption, row_label=k),
            reported=as_number(ssum[k]), expected=as_number(dsum[k]), imbalance=as_number(ssum[k] - dsum[k]),
            related=shown[:rule.params["max_related"]],
            code=k, column=summary.header[cs], other_column=detail.header[cd],
            other_file=_name(dt), n=len(lines[k]), m=len(rows[k]),
            reported_text=_fmt(ssum[k], ctx.lang), expected_value=_fmt(dsum[k], ctx.lang),
            agreeing=agreeing, shared=len(pair.shared))


def _only_in_one(rule, ctx, pair: _Pair):
    """The codes of one table the other does not state, once for each side, with what they amount to in
    a paired column (a plan's sub keluaran without a budget line, budget lines under no planned code)."""
    from ..model import Location

    for view, other, side, kcol in ((pair.detail, pair.summary, 0, pair.kd), (pair.summary, pair.detail, 1, pair.ks)):
        alone: dict[str, list[int]] = {}
        for i, k in enumerate(view.keys[kcol]):
            if k and k not in pair.shared:
                alone.setdefault(k, []).append(i)
        # what they amount to in the first paired column where they amount to something (codes added by a
        # budget change have nothing in the column of the amounts before it)
        col = total = None
        for cols in pair.columns:
            amounts = view.amounts[cols[side]]
            got = sum((amounts[i] for idx in alone.values() for i in idx if amounts[i] is not None), Decimal(0))
            if got:
                col, total = cols[side], got
                break
        if not alone or col is None:
            continue
        first = min(i for idx in alone.values() for i in idx)
        codes = sorted(alone, key=lambda k: alone[k][0])
        shown = ", ".join(codes[:rule.params["max_related"]]) + (f" … (+{len(codes) - rule.params['max_related']})"
                                                               if len(codes) > rule.params["max_related"] else "")
        t = view.t
        yield rule.emit(
            ctx, Location(path=t.path, sheet=t.sheet, cell=view.addr(first, col), table=t.kind, caption=t.caption,
                          row_label=codes[0]),
            reported=len(codes), expected=None,
            n=len(codes), column=view.header[col], other_file=_name(other.t), codes=shown,
            total=_fmt(total, ctx.lang), shared=len(pair.shared))


def _name(t) -> str:
    return t.path.replace("\\", "/").rsplit("/", 1)[-1]


class _Ref:
    """The two things base.related reads of a cell: its address and its number."""
    __slots__ = ("addr", "num", "text")

    def __init__(self, addr: str, value: Decimal):
        from ..numbers import Num
        self.addr, self.num, self.text = addr, Num(value, 2 if value != value.to_integral_value() else 0), ""


def _fmt(v: Decimal, lang: str) -> str:
    from .base import fmt
    return fmt(v, None, lang=lang)
