"""The cells of a table row: the one place a grid's raw value becomes a CellRef.

Detection makes a row's cells as it classifies the row. The lines of a flat export are the exception:
a 100,000-line SIPD realisasi export would need 1.3 million CellRefs, and nearly all of them are never
looked at one by one. Its lines become `LazyRow`s, whose cells `FlatSource` makes when a check first
asks for them; facts and frames read whole columns through `FlatSource.column` without making any.
Both ways give the same texts, numbers and addresses: they share `numeric_cell` and `make_cells`.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..numbers import Num, parse_cell
from ..readers.grid import EXCEL_ERRORS, Grid
from .model import CellRef, LazyRow, Row

# (canonical column, grid column, numeric?, column letters): how a table reads its columns
Plan = list[tuple[str, int, bool, str]]
# a cell as whole-column readers (facts, frames) take it: text, value and decimals shown (None: not a
# number), address
Entry = tuple[str, Decimal | None, int | None, str]


def cell_text(raw: Any) -> str | None:
    """A cell's text as shown, stripped; None for an empty cell (a text column makes no cell of it)."""
    if raw is None:
        return None
    return (raw.strip() if type(raw) is str else str(raw).strip()) or None


def _entry(text: str, num: Num | None, addr: str) -> Entry:
    return (text, None, None, addr) if num is None else (text, num.value, num.decimals, addr)


def entry(cell: CellRef | None) -> Entry | None:
    return None if cell is None else _entry(cell.text, cell.num, cell.addr)


def numeric_cell(raw: Any, r: int, c: int, uncached, formats, int_nums: dict) -> tuple[str, Num | None, bool]:
    """Text, number and unknown-flag of a cell in a numeric column."""
    if type(raw) is int:            # most numbers of a big export: no error, no marker possible
        unknown = bool(uncached) and (r, c) in uncached
        num = None
        if not unknown:
            fmt = formats.get((r, c)) if formats else None
            if fmt is None:
                # exports repeat amounts (0, the same SP2D total on every line of a document):
                # one Num per distinct amount (Nums are never mutated)
                num = int_nums.get(raw)
                if num is None:
                    num = int_nums[raw] = parse_cell(raw)
            else:
                num = parse_cell(raw, fmt)
        return str(raw), num, unknown
    text = cell_text(raw) or ""
    unknown = bool(uncached and (r, c) in uncached) or (text.upper() in EXCEL_ERRORS if text else False)
    num = None
    # an empty marker ("-", "n/a", "Rp -") needs no test of its own: it has no digit, so it never parses
    if text and not unknown:
        num = parse_cell(raw, formats.get((r, c)) if formats else None)
    return text, num, unknown


def make_cells(g: Grid, r: int, plan: Plan, merge_of: dict, top: int, int_nums: dict) -> dict[str, CellRef]:
    """A body row's cells, canonical column -> CellRef. A blank cell under a merged range (below the
    header) takes the range's text; a merged number belongs to its first row only."""
    cells: dict[str, CellRef] = {}
    uncached, formats, values = g.uncached, g.formats, g.values     # hot loop: every cell of a table
    row_values = values[r] if 0 <= r < len(values) else ()
    width = len(values[0]) if values else 0
    rnum = str(r + g.row0)
    for canon, c, is_num, letters in plan:
        raw = row_values[c] if 0 <= c < width else None
        rng = None
        if merge_of:
            rng = merge_of.get((r, c))
            if raw is None and rng is not None and top < rng[0] < r:
                if is_num:
                    continue
                raw = g.get(rng[0], rng[1])
            else:
                rng = None          # not inherited: the cell's own address
        if is_num:
            text, num, unknown = numeric_cell(raw, r, c, uncached, formats, int_nums)
            cells[canon] = CellRef(r, c, letters + rnum, raw, text, num, unknown)
        elif (text := cell_text(raw)) is not None:
            cells[canon] = CellRef(r, c, g.addr(rng[0], rng[1]) if rng else letters + rnum, raw, text)
    return cells


class FlatSource:
    """Where the lazy rows of one flat table take their cells from."""
    __slots__ = ("grid", "plan", "int_nums", "where", "columns")

    def __init__(self, grid: Grid, plan: Plan, int_nums: dict):
        self.grid, self.plan, self.int_nums = grid, plan, int_nums
        self.where = {canon: (c, is_num, letters) for canon, c, is_num, letters in plan}
        self.columns: dict[str, list] = {}      # column() once per column: facts and frames read the same ones

    def cells(self, r: int) -> dict[str, CellRef]:
        return make_cells(self.grid, r, self.plan, {}, -1, self.int_nums)   # flat tables have no merges

    def column(self, rows: list[Row], canon: str) -> list[Entry | None]:
        """Each row's cell in `canon` as an Entry, None where the row has none - what row.cells would
        hold, without making the cells (nor, for whole numbers, the Nums) of lazy rows. `rows` are the
        table's rows, as detection left them (the answer is kept per column)."""
        got = self.columns.get(canon)
        if got is not None:
            return got
        spot = self.where.get(canon)
        if spot is None:
            return [None] * len(rows)
        c, is_num, letters = spot
        values, row0 = self.grid.values, self.grid.row0
        one = self._lazy_entry
        if is_num and not self.grid.formats and not self.grid.uncached:
            # the commonest line by far (a whole amount, no number format): what numeric_cell would make
            # of it, without the Num; anything else the long way
            out = [(str(raw), Decimal(raw), 0, f"{letters}{r + row0}")
                   if type(row) is LazyRow and type(raw := values[(r := row.r)][c]) is int
                   else one(row, canon, c, is_num, letters) for row in rows]
        elif not is_num:
            out = [((t, None, None, f"{letters}{r + row0}") if (t := raw.strip()) else None)
                   if type(row) is LazyRow and type(raw := values[(r := row.r)][c]) is str
                   else one(row, canon, c, is_num, letters) for row in rows]
        else:
            out = [one(row, canon, c, is_num, letters) for row in rows]
        self.columns[canon] = out
        return out

    def _lazy_entry(self, row: Row, canon: str, c: int, is_num: bool, letters: str) -> Entry | None:
        if type(row) is not LazyRow:             # a row detection made the usual way (a first or odd line)
            return entry(row.cells.get(canon))
        g = self.grid
        r = row.r
        raw = g.values[r][c]
        addr = f"{letters}{r + g.row0}"
        if is_num:
            text, num, _ = numeric_cell(raw, r, c, g.uncached, g.formats, self.int_nums)
            return _entry(text, num, addr)
        text = cell_text(raw)
        return None if text is None else _entry(text, None, addr)

    def rows_with_errors(self, rows: list[Row]) -> list[Row]:
        """The rows whose cells may show an Excel error text: every eagerly made row, and the lazy rows
        holding one of those texts (the reader's list of them, or each column's distinct values)."""
        values = self.grid.values
        lazy = [row for row in rows if type(row) is LazyRow]
        bad = self.grid.error_texts
        if bad is None:
            found = set()
            for _, c, _, _ in self.plan:
                found.update(v for v in {values[row.r][c] for row in lazy}
                             if type(v) is str and v.strip().upper() in EXCEL_ERRORS)
            bad = found
        if not bad:
            return [row for row in rows if type(row) is not LazyRow]
        cols = [c for _, c, _, _ in self.plan]
        return [row for row in rows if type(row) is not LazyRow or any(values[row.r][c] in bad for c in cols)]
