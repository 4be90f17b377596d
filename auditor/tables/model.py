"""Detected tables: header mapping, classified body rows, hierarchy."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..numbers import Num
from ..readers.grid import Grid


@dataclass(slots=True)   # millions per batch: slots halve their memory and speed their creation
class CellRef:
    r: int
    c: int
    addr: str
    raw: Any
    text: str
    num: Num | None = None
    unknown: bool = False     # a formula with no cached value or an Excel error: a value we cannot know


@dataclass(slots=True)
class Row:
    r: int                                  # grid row index
    type: str                               # data | section | total | heading
    label: str                              # the row's label as shown
    cells: dict[str, CellRef] = field(default_factory=dict)
    name: str = ""                          # label without numbering / "Program 1 :" prefixes / code
    level: str | None = None                # program | kegiatan | sub_kegiatan | ...
    ordinal: str | None = None              # "1" from "Program 1 :"
    numbering: str | None = None            # "1.1" from the No column
    code: str | None = None
    section: str | None = None              # enclosing section row's label ("Sasaran 1 : …")
    parent: int | None = None               # index in Table.rows

    def num(self, col: str) -> Num | None:
        cell = self.cells.get(col)
        return cell.num if cell else None

    def text(self, col: str) -> str:
        cell = self.cells.get(col)
        return cell.text if cell else ""

    def unknown(self, col: str) -> bool:
        cell = self.cells.get(col)
        return bool(cell and cell.unknown)


_CELLS = Row.__dict__["cells"]          # the slot behind Row.cells, for LazyRow to fill


class LazyRow(Row):
    """A line of a flat export whose cells are made when first asked for (see tables.cells): most of
    the 100,000 lines of a big export are only ever read column-wise."""
    __slots__ = ("source",)

    def __init__(self, r: int, label: str, source: Any):
        # Row's own __init__ would make the cells; every other field as Row has it
        self.r, self.type, self.label, self.source = r, "data", label, source
        self.name, self.level, self.ordinal, self.numbering = "", None, None, None
        self.code, self.section, self.parent = None, None, None

    @property
    def cells(self) -> dict[str, CellRef]:
        try:
            return _CELLS.__get__(self, Row)
        except AttributeError:
            cells = self.source.cells(self.r)
            _CELLS.__set__(self, cells)
            return cells

    @cells.setter
    def cells(self, value: dict[str, CellRef]) -> None:
        _CELLS.__set__(self, value)


@dataclass
class Table:
    grid: Grid
    kind: str
    header: tuple[int, int]                 # first and last header row (grid rows)
    end: int                                # last body row (grid row)
    columns: dict[str, int]                 # canonical -> grid column
    headers: dict[str, str]                 # canonical -> source header text (flattened)
    rows: list[Row] = field(default_factory=list)
    context: list[str] = field(default_factory=list)      # title lines above the header
    footer: list[str] = field(default_factory=list)       # "Sumber: …"
    caption: str | None = None              # "Tabel 3.8"
    column_hints: dict[str, str] = field(default_factory=dict)  # numbering-row text per column ("6 (5/4 *100%)")
    unmapped: list[str] = field(default_factory=list)     # headers no canonical column took
    numbering_row: int | None = None
    source: Any = None                      # a flat export's FlatSource: its rows are (mostly) LazyRows
    code_tree: bool = False                 # rows linked to their parents by their codes (tables.codetree)
    conventions: dict[str, str] = field(default_factory=dict)  # column -> how it is written ("fraction", …)
    listed_under: dict[int, int] = field(default_factory=dict)  # code trees: row -> the row above it listed as its parent
    unit_scale: int = 0                     # amounts written in 10^unit_scale Rupiah (ribuan: 3)
    kind_def: Any = None                    # a generic table's own Kind (tables.generic); None: BY_NAME[kind]

    @property
    def path(self) -> str:
        return self.grid.path

    @property
    def sheet(self) -> str:
        return self.grid.sheet

    @property
    def range(self) -> str:
        cols = list(self.columns.values()) or [0]
        return f"{self.grid.addr(self.header[0], min(cols))}:{self.grid.addr(self.end, max(cols))}"

    @property
    def title(self) -> str:
        return self.caption or self.grid.caption or self.grid.sheet

    def years(self, col: str) -> list[str]:
        """Keys of a keyed column family: years of target@2021…, labels of mark@…"""
        pre = col + "@"
        return [k[len(pre):] for k in self.columns if k.startswith(pre)]

    def data_rows(self) -> list[Row]:
        return [r for r in self.rows if r.type == "data"]

    def column(self, col: str) -> list:
        """Every row's cell in `col` as (text, value, decimals shown, address) - value and decimals
        None where it is not a number - or None where a row has none (tables.cells.Entry). A flat
        export's column is read without making its rows' cells."""
        if self.source is not None:
            return self.source.column(self.rows, col)
        from .cells import entry
        return [entry(row.cells.get(col)) for row in self.rows]

    def rows_with_errors(self) -> list[Row]:
        """The rows that may hold an Excel error text (all rows, unless the table knows better)."""
        return self.rows if self.source is None else self.source.rows_with_errors(self.rows)
