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
from functools import lru_cache
from operator import itemgetter
from typing import Any

from .model import Finding, Location
from .tables.kinds import BY_NAME

MONEY = {"pagu", "realisasi", "nilai_realisasi", "nilai_setoran", "nilai_sp2d", "rp", "rp_akhir", "anggaran",
         "total_anggaran", "total_realisasi", "pagu_akas"}
PERCENT = {"persen", "capaian", "capaian_akhir", "serapan", "persen_sisa"}
# every level a real table's rows take: the budget tree from urusan down to the rekening line, the
# organisation (unit) rows of SIPD forms, and the performance tree
LEVELS = ["urusan", "bidang", "unit", "program", "kegiatan", "sub_kegiatan", "rekening", "sasaran", "tujuan",
          "indikator"]
ROW_TYPES = ["data", "total", "section", "heading"]
CODE_PATTERN = r"^[0-9X]+(\.[0-9X]+)*$"

ROW_COLS = ("path", "sheet", "caption", "kind", "table", "row", "row_type", "label", "name", "level", "code",
            "section")
VALUE_COLS = ("row_id", "column", "money", "percent", "other", "decimals", "text", "cell")


def _measure(column: str) -> str:
    """money, percent or other, from a canonical column name ("capaian@2024" → capaian → percent)."""
    base = column.split("@")[0]
    return "money" if base in MONEY else "percent" if base in PERCENT else "other"


# the parts of a tables.cells.Entry (text, value, decimals, address)
_TEXT, _VALUE, _DECIMALS, _ADDR = (itemgetter(i) for i in range(4))


def build_frames(tables) -> dict[str, Any]:
    """{"rows": …, "values": …} for all tables, built column by column (big exports: 100,000 rows)."""
    import pandas as pd

    rows: dict[str, list] = {k: [] for k in ROW_COLS}
    vals: dict[str, list] = {k: [] for k in VALUE_COLS}
    nan = math.nan
    row_id = 0
    for t in tables:
        kind = BY_NAME.get(t.kind)
        if kind is None:
            continue        # a generic table (tables.generic): no canonical column to validate
        trows = t.rows
        n = len(trows)
        # the same for every row (t.range is computed on each access): worked out once per table
        for key, value in (("path", t.path), ("sheet", t.sheet), ("caption", t.caption), ("kind", t.kind),
                           ("table", t.range)):
            rows[key].extend([value] * n)
        row0 = t.grid.row0
        rows["row"].extend([row.r + row0 for row in trows])
        for key in ("row_type", "label", "name", "level", "code", "section"):
            attr = "type" if key == "row_type" else key
            rows[key].extend([getattr(row, attr) for row in trows])
        for col in t.columns:
            if not kind.spec(col).numeric:
                continue
            entries = t.column(col)
            ids = [row_id + i for i, e in enumerate(entries) if e is not None]
            if not ids:
                continue
            if len(ids) < n:
                entries = [e for e in entries if e is not None]
            values = [nan if v is None else float(v) for v in map(_VALUE, entries)]
            measure = _measure(col)
            vals["row_id"].extend(ids)
            vals["column"].extend([col] * len(ids))
            for m in ("money", "percent", "other"):
                vals[m].extend(values if m == measure else [nan] * len(ids))
            vals["decimals"].extend(map(_DECIMALS, entries))
            vals["text"].extend(map(_TEXT, entries))
            vals["cell"].extend(map(_ADDR, entries))
        row_id += n
    return {"rows": pd.DataFrame(rows), "values": pd.DataFrame(vals)}


@lru_cache(maxsize=None)
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


def warm() -> None:
    """Validate a one-row frame of each shape: pandera builds its checks and backends on first use
    (~15 ms), which a batch's fork server then does once for every worker (auditor.batch_warm)."""
    import pandas as pd

    row = {k: ["x"] for k in ROW_COLS} | {"row": [1], "row_type": ["data"], "level": ["program"], "code": ["1"]}
    val = {k: ["x"] for k in VALUE_COLS} | {"row_id": [0], "money": [1.0], "percent": [1.0], "other": [1.0],
                                              "decimals": [0]}
    validate({"rows": pd.DataFrame(row), "values": pd.DataFrame(val)})


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
