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
import re
from dataclasses import dataclass
from functools import lru_cache
from bisect import bisect_right
from operator import itemgetter
from typing import Any

from .codes import LOCAL_PATTERN
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
# a Kepmendagri code (urusan … sub kegiatan, rekening, unit), or one of the document's own dotted scheme
# (codes.local_code: GG.2896, AREN001.1)
CODE_PATTERN = rf"^(?:[0-9X]+(?:\.[0-9X]+)*|{LOCAL_PATTERN})$"

# the columns the schemas check: all a DataFrame is made of (pandas infers every object column it is
# given, ~30 µs each, and strings are most of what a failure's finding names)
ROW_COLS = ("path", "row", "row_type", "level", "code")
VALUE_COLS = ("row_id", "money", "percent", "other")


@dataclass(frozen=True)
class Col:
    """One column of a frame's schema: its dtype (None: not checked) and its checks."""
    dtype: type | None
    ge: float | None = None
    le: float | None = None
    isin: tuple | None = None    # in this order in pandera's check (and so in an IN005's wording)
    matches: str | None = None
    nullable: bool = False
    description: str | None = None


# the schema, once: pandera's schemas are built from it (`schemas`), and `plainly_valid` reads it to
# tell a frame that certainly passes. Level and code are texts: object dtype under pandas 2, str under
# pandas 3; their values are checked.
SCHEMA = {
    "rows": {
        "path": Col(str),
        "row": Col(int, ge=1),
        "row_type": Col(str, isin=tuple(ROW_TYPES)),
        "level": Col(None, isin=tuple(LEVELS), nullable=True),
        "code": Col(None, matches=CODE_PATTERN, nullable=True),
    },
    "values": {
        "row_id": Col(int, ge=0),
        "money": Col(float, ge=0, nullable=True, description="Rupiah: never negative"),
        "percent": Col(float, ge=0, le=1000, nullable=True, description="a percentage between 0 and 1000"),
        "other": Col(float, nullable=True),
    },
}


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


def _columns(tables):
    """The frames' columns as plain lists ({"rows": {…}, "values": {…}}) and their Detail, for all
    tables, built column by column (big exports: 100,000 rows)."""
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
    return {"rows": rows, "values": vals}, detail


def _frames(columns, detail) -> dict[str, Any]:
    import numpy as np  # pandas' own dependency
    import pandas as pd

    rows, vals = dict(columns["rows"]), dict(columns["values"])
    # the numeric columns as arrays of their dtype: from a list pandas first looks at every item to infer
    # it (int64 and float64 all the same)
    rows["row"] = np.array(rows["row"], dtype=np.int64)
    vals["row_id"] = np.array(vals["row_id"], dtype=np.int64)
    for m in ("money", "percent", "other"):
        vals[m] = np.array(vals[m], dtype=np.float64)
    return {"rows": pd.DataFrame(rows), "values": pd.DataFrame(vals), "detail": detail}


def build_frames(tables) -> dict[str, Any]:
    """{"rows": …, "values": …} DataFrames for all tables, and "detail" (a Detail) for the findings of
    what fails."""
    return _frames(*_columns(tables))


def validate_tables(tables) -> list[Finding]:
    """IN005 findings for the tables: pandera validates their frames unless every value is plainly
    inside the schema (`plainly_valid`), which is what a clean folder's are - it then needs neither
    pandas nor pandera (their import, ~0.3 s, was most of a batch's start and of a `check`'s)."""
    columns, detail = _columns(tables)
    if all(plainly_valid(name, cols) for name, cols in columns.items()):
        return []
    return validate(_frames(columns, detail))


@lru_cache(maxsize=None)
def schemas():
    """pandera's schemas, built from SCHEMA."""
    import pandera.pandas as pa

    def checks(col: Col) -> list:
        out = []
        if col.ge is not None:
            out.append(pa.Check.ge(col.ge))
        if col.le is not None:
            out.append(pa.Check.le(col.le))
        if col.isin is not None:
            out.append(pa.Check.isin(list(col.isin)))
        if col.matches is not None:
            out.append(pa.Check.str_matches(col.matches))
        return out

    return {name: pa.DataFrameSchema(
        {c: pa.Column(col.dtype, checks(col), nullable=col.nullable, description=col.description)
         for c, col in spec.items()}, strict=False, coerce=False, name=name)
        for name, spec in SCHEMA.items()}


def plainly_valid(name: str, columns: dict[str, list]) -> bool:
    """True when every value of the frame `name`'s columns (plain lists) is of its column's type and
    inside its checks - so pandera would pass it. Anything else (a value outside a check, a null where
    none is allowed, a value of another type: a numpy scalar, a NaN in a text column) is False: pandera
    decides, and names the failing cells. tests/test_frames.py holds the two answers equal."""
    for c, col in SCHEMA[name].items():
        values = columns[c]
        if not values:
            continue
        kinds = set(map(type, values))
        nulls = type(None) in kinds or (float in kinds and any(v != v for v in values))
        if nulls and not col.nullable:
            return False
        kinds.discard(type(None))
        if not kinds <= _PLAIN[col.dtype]:
            return False
        present = [v for v in values if v is not None and v == v] if nulls else values
        if not present:
            continue
        if col.ge is not None and min(present) < col.ge:
            return False
        if col.le is not None and max(present) > col.le:
            return False
        if col.isin is not None and not set(present).issubset(col.isin):
            return False
        if col.matches is not None and not all(map(_compiled(col.matches), present)):
            return False
    return True


# the Python types a column of each dtype may hold for plainly_valid to judge it (None: a column whose
# dtype pandera does not check holds texts here; anything else is left to pandera)
_PLAIN = {str: {str}, int: {int}, float: {float}, None: {str}}


@lru_cache(maxsize=None)
def _compiled(pattern: str):
    # pandas' str.match, which pandera's str_matches uses, is re.match
    return re.compile(pattern).match


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
