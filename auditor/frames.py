"""The canonical frames of a folder, validated with pandera (lazily), in long ("tidy") form.

Every detected table of every file goes into two frames: `rows` (one record per table row: where it
is, its type, level and code) and `values` (one record per numeric cell: which row, and the value as
money, percent or other). The table, row, column and cell a failure's finding names are kept beside
them as plain lists (`Detail`), not as frame columns. So a folder costs two pandera calls whatever
its tables are. The first design had one wide frame per table kind — about 20 validate calls over
~130 columns per folder, where pandera's fixed cost per column, not the data, took ~0.4 s; the
long form checks the same things in ~10 columns. Schema failures become IN005 findings naming the
cells, never exceptions.
"""
from __future__ import annotations

import math
from functools import lru_cache
from bisect import bisect_right
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

# the columns the schemas check: all a DataFrame is made of (pandas infers every object column it is
# given, ~30 µs each, and strings are most of what a failure's finding names)
ROW_COLS = ("path", "row", "row_type", "level", "code")
VALUE_COLS = ("row_id", "money", "percent", "other")


def _measure(column: str) -> str:
    """money, percent or other, from a canonical column name ("capaian@2024" → capaian → percent)."""
    base = column.split("@")[0]
    return "money" if base in MONEY else "percent" if base in PERCENT else "other"


# the parts of a tables.cells.Entry (text, value, decimals, address)
_VALUE, _ADDR = itemgetter(1), itemgetter(3)


class Detail:
    """What a failure's finding names beyond the validated columns, kept as plain lists beside the
    frames: the table and row of each `rows` record, the column and cell of each `values` record."""
    __slots__ = ("starts", "tables", "column", "cell")

    def __init__(self) -> None:
        self.starts: list[int] = []        # the row_id of each table's first row
        self.tables: list = []
        self.column: list[str] = []        # per value record
        self.cell: list[str] = []          # per value record: its A1 address

    def row(self, row_id: int):
        """(table, row) of a `rows` record."""
        i = bisect_right(self.starts, row_id) - 1
        t = self.tables[i]
        return t, t.rows[row_id - self.starts[i]]


def build_frames(tables) -> dict[str, Any]:
    """{"rows": …, "values": …} for all tables, built column by column (big exports: 100,000 rows),
    and "detail" (a Detail) for the findings of what fails."""
    import pandas as pd

    rows: dict[str, list] = {k: [] for k in ROW_COLS}
    vals: dict[str, list] = {k: [] for k in VALUE_COLS}
    detail = Detail()
    nan = math.nan
    row_id = 0
    for t in tables:
        kind = BY_NAME.get(t.kind)
        if kind is None:
            continue        # a generic table (tables.generic): no canonical column to validate
        trows = t.rows
        n = len(trows)
        detail.starts.append(row_id)
        detail.tables.append(t)
        rows["path"].extend([t.path] * n)
        row0 = t.grid.row0
        rows["row"].extend([row.r + row0 for row in trows])
        rows["row_type"].extend([row.type for row in trows])
        rows["level"].extend([row.level for row in trows])
        rows["code"].extend([row.code for row in trows])
        for col in t.columns:
            if not kind.spec(col).numeric:
                continue
            if t.source is not None:
                # a flat export: its column's Entries (kept by the source, the facts read them too)
                entries = t.column(col)
                ids = [row_id + i for i, e in enumerate(entries) if e is not None]
                if len(ids) < n:
                    entries = [e for e in entries if e is not None]
                values = [nan if v is None else float(v) for v in map(_VALUE, entries)]
                cells = list(map(_ADDR, entries))
            else:
                # a table made cell by cell: its cells as they are, without an Entry for each
                got = [row.cells.get(col) for row in trows]
                ids = [row_id + i for i, c in enumerate(got) if c is not None]
                if len(ids) < n:
                    got = [c for c in got if c is not None]
                values = [nan if c.num is None else float(c.num.value) for c in got]
                cells = [c.addr for c in got]
            if not ids:
                continue
            measure = _measure(col)
            vals["row_id"].extend(ids)
            for m in ("money", "percent", "other"):
                vals[m].extend(values if m == measure else [nan] * len(ids))
            detail.column.extend([col] * len(ids))
            detail.cell.extend(cells)
        row_id += n
    # the numeric columns as arrays of their dtype: from a list pandas first looks at every item to infer
    # it (int64 and float64 all the same). numpy is pandas' own dependency.
    import numpy as np
    rows["row"] = np.array(rows["row"], dtype=np.int64)
    vals["row_id"] = np.array(vals["row_id"], dtype=np.int64)
    for m in ("money", "percent", "other"):
        vals[m] = np.array(vals[m], dtype=np.float64)
    return {"rows": pd.DataFrame(rows), "values": pd.DataFrame(vals), "detail": detail}


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

    row = {"path": ["x"], "row": [1], "row_type": ["data"], "level": ["program"], "code": ["1"]}
    val = {"row_id": [0], "money": [1.0], "percent": [1.0], "other": [1.0]}
    validate({"rows": pd.DataFrame(row), "values": pd.DataFrame(val)})


def validate(frames: dict[str, Any]) -> list[Finding]:
    """Validate both frames once; turn every failure case into an IN005 finding at its cell."""
    import pandera.errors as pe

    values, detail = frames["values"], frames.get("detail")
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
                    t, row = detail.row(int(values.at[int(idx), "row_id"]))
                    col, cell = detail.column[int(idx)].replace("@", "_"), detail.cell[int(idx)]
                else:
                    (t, row), cell = detail.row(int(idx)), None
                findings.append(Finding(
                    rule="IN005", name="value-out-of-schema", severity="warning",
                    message=f"{col} = {case.get('failure_case')} fails {case.get('check')}",
                    location=Location(path=t.path, sheet=t.sheet, cell=cell, table=t.kind,
                                      row_label=str(row.label or "")[:120],
                                      caption=t.caption),
                    reported=_plain(case.get("failure_case")), expected=str(case.get("check"))))
    return findings


def _plain(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v if isinstance(v, (int, float, str)) or v is None else str(v)
