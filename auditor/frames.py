"""The canonical frames of a folder, validated with pandera (lazily), in long ("tidy") form.

Every detected table of every file goes into two frames: `rows` (one record per table row: where it
is, its type, level and code) and `values` (one record per numeric cell: which row, which column,
the value, the decimals it showed, its text and cell). So a folder costs two pandera calls whatever
its tables are. The first design had one wide frame per table kind — about 20 validate calls over
~130 columns per folder, where pandera's fixed cost per column, not the data, took ~0.4 s; the
long form checks the same things in ~10 columns. Schema failures become IN005 findings naming the
cells, never exceptions.
"""
from __future__ import annotations

import math
from typing import Any

from .model import Finding, Location
from .tables.kinds import BY_NAME

MONEY = {"pagu", "realisasi", "nilai_realisasi", "nilai_setoran", "nilai_sp2d", "rp", "rp_akhir"}
PERCENT = {"persen", "capaian", "capaian_akhir", "serapan"}
LEVELS = ["program", "kegiatan", "sub_kegiatan", "sasaran", "tujuan", "indikator"]
ROW_TYPES = ["data", "total", "section", "heading"]
CODE_PATTERN = r"^[0-9X]+(\.[0-9X]+)*$"

ROW_COLS = ("path", "sheet", "caption", "kind", "table", "row", "row_type", "label", "name", "level", "code",
            "section")
VALUE_COLS = ("row_id", "column", "money", "percent", "other", "decimals", "text", "cell")


def _measure(column: str) -> str:
    """money, percent or other, from a canonical column name ("capaian@2024" → capaian → percent)."""
    base = column.split("@")[0]
    return "money" if base in MONEY else "percent" if base in PERCENT else "other"


def build_frames(tables) -> dict[str, Any]:
    """{"rows": …, "values": …} for all tables, built column-wise (cheaper than records)."""
    import pandas as pd

    rows: dict[str, list] = {k: [] for k in ROW_COLS}
    vals: dict[str, list] = {k: [] for k in VALUE_COLS}
    r_path, r_sheet, r_caption, r_kind, r_table, r_row, r_type, r_label, r_name, r_level, r_code, r_section = \
        (rows[k].append for k in ROW_COLS)
    v_row, v_col, v_money, v_pct, v_other, v_dec, v_text, v_cell = (vals[k].append for k in VALUE_COLS)
    nan = math.nan
    row_id = 0
    for t in tables:
        kind = BY_NAME[t.kind]
        numeric = [(col, _measure(col)) for col in t.columns
                   if next(s for s in kind.cols if s.name == col.split("@")[0]).numeric]
        # the same for every row (t.range is computed on each access): worked out once per table
        path, sheet, caption, rng, row0 = t.path, t.sheet, t.caption, t.range, t.grid.row0
        for row in t.rows:
            r_path(path), r_sheet(sheet), r_caption(caption), r_kind(t.kind), r_table(rng)
            r_row(row.r + row0), r_type(row.type), r_label(row.label), r_name(row.name)
            r_level(row.level), r_code(row.code), r_section(row.section)
            cells = row.cells
            for col, measure in numeric:
                cell = cells.get(col)
                if cell is None:
                    continue
                num = cell.num
                value = float(num.value) if num is not None else nan
                v_row(row_id), v_col(col), v_dec(num.decimals if num is not None else None)
                v_money(value if measure == "money" else nan)
                v_pct(value if measure == "percent" else nan)
                v_other(value if measure == "other" else nan)
                v_text(cell.text), v_cell(cell.addr)
            row_id += 1
    return {"rows": pd.DataFrame(rows), "values": pd.DataFrame(vals)}


def schemas():
    import pandera.pandas as pa

    # level and code are texts: object dtype under pandas 2, str under pandas 3; their values are checked
    rows = pa.DataFrameSchema({
        "path": pa.Column(str),
        "row": pa.Column(int, pa.Check.ge(1)),
        "row_type": pa.Column(str, pa.Check.isin(ROW_TYPES)),
        "level": pa.Column(None, pa.Check.isin(LEVELS), nullable=True),
        "code": pa.Column(None, pa.Check.str_matches(CODE_PATTERN), nullable=True),
    }, strict=False, coerce=False, name="rows")
    values = pa.DataFrameSchema({
        "row_id": pa.Column(int, pa.Check.ge(0)),
        "money": pa.Column(float, pa.Check.ge(0), nullable=True, description="Rupiah: never negative"),
        "percent": pa.Column(float, [pa.Check.ge(0), pa.Check.le(1000)], nullable=True,
                             description="a percentage between 0 and 1000"),
        "other": pa.Column(float, nullable=True),
    }, strict=False, coerce=False, name="values")
    return {"rows": rows, "values": values}


def validate(frames: dict[str, Any]) -> list[Finding]:
    """Validate both frames once; turn every failure case into an IN005 finding at its cell."""
    import pandera.errors as pe

    rows, values = frames["rows"], frames["values"]
    findings: list[Finding] = []
    for name, schema in schemas().items():
        df = frames[name]
        if df.empty:
            continue
        try:
            schema.validate(df, lazy=True)
        except pe.SchemaErrors as err:
            for _, case in err.failure_cases.iterrows():
                col, idx = case.get("column"), case.get("index")
                if idx is None or (isinstance(idx, float) and math.isnan(idx)) or col not in df.columns:
                    continue
                if name == "values":
                    val = values.loc[int(idx)]
                    rec, col, cell = rows.loc[int(val["row_id"])], val["column"].replace("@", "_"), val["cell"]
                else:
                    rec, cell = rows.loc[int(idx)], None
                findings.append(Finding(
                    rule="IN005", name="value-out-of-schema", severity="warning",
                    message=f"{col} = {case.get('failure_case')} fails {case.get('check')}",
                    location=Location(path=rec["path"], sheet=rec["sheet"], cell=cell, table=rec["kind"],
                                      row_label=str(rec.get("label") or "")[:120], caption=rec.get("caption")),
                    reported=_plain(case.get("failure_case")), expected=str(case.get("check"))))
    return findings


def _plain(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v if isinstance(v, (int, float, str)) or v is None else str(v)
