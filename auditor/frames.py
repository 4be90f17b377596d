"""One canonical pandas frame per table kind, validated with a pandera schema (lazily).

Every table of a kind, from every file of the folder, goes into one frame, so each kind is validated
once per folder (pandera costs milliseconds per call whatever the size). Every value keeps the cell
it came from (`<col>__cell`), the decimals it showed (`<col>__dec`) and its text. Schema failures
become IN005 findings naming the cells, never exceptions.
"""
from __future__ import annotations

import math
from typing import Any

from .model import Finding, Location
from .tables.kinds import BY_NAME

BASE_COLS = ["path", "sheet", "caption", "table", "row", "row_type", "label", "name", "level", "code", "section"]
MONEY = {"pagu", "realisasi", "nilai_realisasi", "nilai_setoran", "nilai_sp2d", "rp", "rp_akhir"}
PERCENT = {"persen", "capaian", "capaian_akhir", "serapan"}
LEVELS = ["program", "kegiatan", "sub_kegiatan", "sasaran", "tujuan", "indikator", None]
ROW_TYPES = ["data", "total", "section", "heading"]


def table_records(t) -> list[dict[str, Any]]:
    recs = []
    kind = BY_NAME[t.kind]
    numeric = {c for c in t.columns if next(s for s in kind.cols if s.name == c.split("@")[0]).numeric}
    # the same for every row (t.range is computed on each access): worked out once per table
    path, sheet, caption, rng, row0 = t.path, t.sheet, t.caption, t.range, t.grid.row0
    cols = [(col, key, key + "__dec", key + "__text", key + "__cell", col in numeric)
            for col, key in ((col, col.replace("@", "_")) for col in t.columns)]
    for row in t.rows:
        rec: dict[str, Any] = {
            "path": path, "sheet": sheet, "caption": caption, "table": rng,
            "row": row.r + row0, "row_type": row.type, "label": row.label, "name": row.name,
            "level": row.level, "code": row.code, "section": row.section,
        }
        cells = row.cells
        for col, key, key_dec, key_text, key_cell, is_num in cols:
            cell = cells.get(col)
            if is_num:
                num = cell.num if cell else None
                rec[key] = float(num.value) if num is not None else math.nan
                rec[key_dec] = num.decimals if num is not None else None
                rec[key_text] = cell.text if cell else None
            else:
                rec[key] = cell.text if cell else None
            rec[key_cell] = cell.addr if cell else None
        recs.append(rec)
    return recs


def build_frames(tables) -> dict[str, Any]:
    import pandas as pd

    by_kind: dict[str, list[dict]] = {}
    for t in tables:
        by_kind.setdefault(t.kind, []).extend(table_records(t))
    return {k: pd.DataFrame.from_records(v) for k, v in by_kind.items() if v}


def schema_for(kind: str, columns):
    import pandera.pandas as pa

    cols: dict[str, Any] = {
        "path": pa.Column(str),
        "row": pa.Column(int, pa.Check.ge(1)),
        "row_type": pa.Column(str, pa.Check.isin(ROW_TYPES)),
        "level": pa.Column(object, pa.Check.isin(LEVELS), nullable=True),
        "code": pa.Column(object, pa.Check.str_matches(r"^[0-9X]+(\.[0-9X]+)*$"), nullable=True, required=False),
    }
    for c in columns:
        base = c.split("_20")[0] if "_20" in c else c
        if c.endswith(("__cell", "__dec", "__text")) or c in BASE_COLS:
            continue
        if base in MONEY:
            cols[c] = pa.Column(float, pa.Check.ge(0), nullable=True, required=False,
                                description="Rupiah: never negative")
        elif base in PERCENT:
            cols[c] = pa.Column(float, [pa.Check.ge(0), pa.Check.le(1000)], nullable=True, required=False,
                                description="a percentage between 0 and 1000")
    required = [s.name for s in BY_NAME[kind].cols if s.required]
    return pa.DataFrameSchema(cols, strict=False, coerce=False, name=kind,
                              checks=[pa.Check(lambda df, req=tuple(required): all(
                                  any(col == r or col.startswith(r + "_") for col in df.columns) for r in req),
                                  name="required_columns")])


def validate(frames: dict[str, Any]) -> list[Finding]:
    """Validate each kind's frame once; turn every failure case into an IN005 finding at its cell."""
    import pandera.errors as pe

    findings: list[Finding] = []
    for kind, df in frames.items():
        schema = schema_for(kind, list(df.columns))
        try:
            schema.validate(df, lazy=True)
        except pe.SchemaErrors as err:
            fc = err.failure_cases
            for _, case in fc.iterrows():
                col = case.get("column")
                idx = case.get("index")
                if idx is None or (isinstance(idx, float) and math.isnan(idx)) or col not in df.columns:
                    continue
                rec = df.loc[int(idx)]
                cell = rec.get(f"{col}__cell")
                findings.append(Finding(
                    rule="IN005", name="value-out-of-schema", severity="warning",
                    message=f"{col} = {case.get('failure_case')} fails {case.get('check')}",
                    location=Location(path=rec["path"], sheet=rec["sheet"], cell=cell, table=kind,
                                      row_label=str(rec.get("label") or "")[:120], caption=rec.get("caption")),
                    reported=_plain(case.get("failure_case")), expected=str(case.get("check"))))
    return findings


def _plain(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v if isinstance(v, (int, float, str)) or v is None else str(v)
