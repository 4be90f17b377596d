"""Grid: one sheet or one Word table as a rectangle of raw cells, with where each came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def get_column_letter(idx: int) -> str:
    """1 -> "A", 28 -> "AB" (openpyxl's get_column_letter, without importing openpyxl and numpy:
    `lkip-audit rules` imports this module)."""
    letters = _LETTERS.get(idx)
    if letters is None:
        if not isinstance(idx, int) or not 1 <= idx <= 18278:
            raise ValueError(f"Invalid column index {idx}")
        n, out = idx, ""
        while n:
            n, rem = divmod(n - 1, 26)
            out = chr(65 + rem) + out
        letters = _LETTERS[idx] = out
    return letters


_LETTERS: dict[int, str] = {}

# What Excel shows in a cell whose formula failed.
EXCEL_ERRORS = frozenset(("#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"))


@dataclass
class Grid:
    path: str
    sheet: str                                   # sheet name, or "table 3" for a Word table
    values: list[list[Any]]                      # rectangular, 0-based; None for empty
    formats: dict[tuple[int, int], str] = field(default_factory=dict)   # non-General number formats
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # formula text, where known
    uncached: set[tuple[int, int]] = field(default_factory=set)         # formulas with no cached value
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    hidden_rows: set[int] = field(default_factory=set)
    hidden: bool = False
    caption: str | None = None                   # nearest caption ("Tabel 3.2 …"), Word tables
    preamble: list[str] = field(default_factory=list)  # Word: the paragraphs just above the table
    source: str = "sheet"                        # "sheet" | "docx" | "pdf" | "html"
    row_pages: list[int] | None = None           # PDF: the page each row is printed on (1-based)
    row0: int = 1                                # A1 row number of values[0]
    col0: int = 1                                # A1 column number of values[.][0]
    # the texts among values that show an Excel error, when the reader knows them all (it saw every
    # distinct text); None: not known, look at the cells
    error_texts: frozenset[str] | None = None

    @property
    def nrows(self) -> int:
        return len(self.values)

    @property
    def ncols(self) -> int:
        return len(self.values[0]) if self.values else 0

    def addr(self, r: int, c: int) -> str:
        return f"{get_column_letter(c + self.col0)}{r + self.row0}"

    def get(self, r: int, c: int) -> Any:
        values = self.values          # hot: called for every cell, several times, by detection
        if 0 <= r < len(values) and 0 <= c < len(values[0]):
            return values[r][c]
        return None

    def text(self, r: int, c: int) -> str:
        values = self.values          # self.get(r, c), inlined: hot
        if not (0 <= r < len(values) and 0 <= c < len(values[0])):
            return ""
        v = values[r][c]
        if v is None:
            return ""
        if isinstance(v, str):
            return v.strip()
        return str(v)

    def row_texts(self, r: int) -> list[str]:
        return [self.text(r, c) for c in range(self.ncols)]

    def page_of(self, r: int) -> int | None:
        """The PDF page grid row `r` is printed on (None outside a PDF)."""
        pages = self.row_pages
        if not pages:
            return None
        return pages[min(max(r, 0), len(pages) - 1)]

    def merge_map(self) -> dict[tuple[int, int], tuple[int, int, int, int]]:
        """Every cell inside a merged range -> its range."""
        out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for rng in self.merged:
            r0, c0, r1, c1 = rng
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    out[(r, c)] = rng
        return out
