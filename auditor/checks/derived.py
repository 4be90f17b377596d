"""`derived`: a value computed from others in the same row by a named formula.

Operations:
* `sum_columns` – a column equals the sum of other columns (Bezetting Σ = SMP + SMA + … ; = L + P);
* `efisiensi`   – the efisiensi category matches the comparison of % capaian and % serapan
                  (efisien when capaian ≥ serapan; the label words are configurable).
"""
from __future__ import annotations

from .. import tolerance as tl
from .base import Param, check_table_map, as_number, location, related, table_specs

DOC = "A value derived from others in its row (column sums, efisiensi category) agrees with them."
PARAMS = {
    "op": Param(str, required=True, choices=("sum_columns", "efisiensi")),
    "tables": Param(dict, required=True, doc="table kind → list of specs (see op)"),
    "rows": Param(list, ["data", "total"], doc="row types to check"),
}


def validate(where: str, params: dict) -> None:
    check_table_map(where, params["tables"], "tables", lambda x: isinstance(x, dict), "a list of mappings")


def run(rule, ctx):
    p = rule.params
    for t, spec in table_specs(rule, ctx):
        if spec.get("either_sign"):
            spec = sign_convention(rule, t, spec, p["rows"])
            if spec is None:
                continue
        for row in t.rows:
            if row.type not in p["rows"]:
                continue
            if p["op"] == "sum_columns":
                yield from sum_columns(rule, ctx, t, row, spec)
            else:
                yield from efisiensi(rule, ctx, t, row, spec)


def _difference(row, spec, flip: bool):
    """(stated, interval of parts − minus, or minus − parts when flipped) of one row, or None."""
    t_cols = spec["_cols"]
    num = row.num(spec["value"])
    a = [row.num(c) for c in t_cols[0]]
    b = [row.num(c) for c in t_cols[1]]
    if num is None or not a or not b or any(x is None for x in a + b):
        return None
    ai, bi = tl.add([tl.given(x) for x in a]), tl.add([tl.given(x) for x in b])
    if flip:
        ai, bi = bi, ai
    return num, (ai[0] - bi[1], ai[1] - bi[0])


def sign_convention(rule, t, spec, row_types):
    """A difference column's sign, judged once from all its rows ("Bertambah/(Berkurang)" is realisasi −
    anggaran in most LRAs, anggaran − realisasi in some): the orientation most rows agree with, by a
    clear margin; None (the column is not checked) when the rows do not say."""
    from .total import columns_of
    if spec.get("value") not in t.columns:
        return None
    cols = ([c for c in columns_of(t, spec.get("parts", []))], [c for c in columns_of(t, spec.get("minus", []))])
    if not cols[0] or not cols[1]:
        return None
    spec = dict(spec, _cols=cols)
    votes = [0, 0]
    for row in t.rows:
        if row.type not in row_types:
            continue
        for flip in (0, 1):
            got = _difference(row, spec, bool(flip))
            if got is not None and tl.meets(tl.stated(got[0], rule.tolerance), got[1]) and got[1][1] != 0:
                votes[flip] += 1
    if votes[1] > max(1, 3 * votes[0]):
        return dict(spec, parts=spec["minus"], minus=spec["parts"])
    if votes[0] > max(1, 3 * votes[1]) or (votes[0] and not votes[1]):
        return spec
    return None


def sum_columns(rule, ctx, t, row, spec):
    from .total import columns_of
    if spec.get("value") not in t.columns:
        return
    num = row.num(spec["value"])
    parts = [c for c in columns_of(t, spec.get("parts", [])) if c != spec["value"]]
    minus = [c for c in columns_of(t, spec.get("minus", [])) if c != spec["value"]]
    if spec.get("minus") and not minus:
        return                       # "sisa = anggaran − realisasi" without a realisasi column
    nums = [(c, row.num(c)) for c in parts if row.num(c) is not None]
    less = [(c, row.num(c)) for c in minus if row.num(c) is not None]
    if num is None or not nums or len(less) != len(minus) or any(row.unknown(c) for c in parts + minus):
        return
    ctx.mark(t, row.cells[spec["value"]], *(row.cells[c] for c, _ in nums), *(row.cells[c] for c, _ in less))
    total = tl.add([tl.given(n) for _, n in nums])
    if less:
        sub = tl.add([tl.given(n) for _, n in less])
        total = (total[0] - sub[1], total[1] - sub[0])
    if tl.meets(tl.stated(num, rule.tolerance), total):
        return
    exp = tl.mid(total)
    yield rule.emit(ctx, location(t, row, row.cells[spec["value"]]), reported=as_number(num.value),
                    expected=as_number(exp, num.decimals), imbalance=as_number(num.value - exp, num.decimals),
                    related=[related(t, row.cells[c], "part", t.headers.get(c, c)) for c, _ in nums]
                    + [related(t, row.cells[c], "subtracted", t.headers.get(c, c)) for c, _ in less],
                    label=row.label, column=t.headers.get(spec["value"], spec["value"]), reported_text=num,
                    expected_value=exp, parts=" + ".join(t.headers.get(c, c) for c, _ in nums)
                    + "".join(" − " + t.headers.get(c, c) for c, _ in less))


def efisiensi(rule, ctx, t, row, spec):
    from ..scales import norm_label
    cap, ser, lab = row.num(spec.get("capaian", "")), row.num(spec.get("serapan", "")), \
        row.cells.get(spec.get("label", ""))
    if cap is None or ser is None or lab is None or not lab.text:
        return
    words = ctx.settings.efisiensi
    said = norm_label(lab.text)
    stated = "efficient" if said in words["efficient"] else "inefficient" if said in words["inefficient"] else None
    if stated is None:
        return
    # coverage: capaian and serapan are not marked - the category notices a change only when it
    # reverses their order (a marked cell must be one whose change is noticed)
    ci, si = tl.given(cap), tl.given(ser)
    if ci[0] >= si[1]:
        want = "efficient"
    elif ci[1] < si[0]:
        want = "inefficient"
    else:
        return   # too close to call at the precision shown
    if want == stated:
        return
    expected = words[want][0].title()
    yield rule.emit(ctx, location(t, row, lab), reported=lab.text, expected=expected,
                    related=[related(t, row.cells[spec["capaian"]], "capaian", t.headers.get(spec["capaian"])),
                             related(t, row.cells[spec["serapan"]], "serapan", t.headers.get(spec["serapan"]))],
                    label=row.label, reported_text=lab.text, expected_value=expected, capaian=cap, serapan=ser)
