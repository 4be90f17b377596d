"""Builders for layout-variant test files: real .xlsx (openpyxl) and .docx (python-docx) files.

A sheet is written block by block. A block is a list of rows (lists of cell values) placed at a
row/column offset; its merges are given relative to the block, 0-based and inclusive
``(r0, c0, r1, c1)``. A value wrapped in :class:`F` carries a number format (``F(0.8289, "0.00%")``).

    s = Sheet("Tabel 3.8")
    s.add([["PEMERINTAH KABUPATEN JEMBER"], ["Tabel 3.8 Realisasi Anggaran"], []])
    s.add(header_rows, col=2, merges=[(0, 2, 0, 3)])
    s.add(body_rows, col=2)
    xlsx(tmp_path / "x.xlsx", s)

    d = Doc().para("Tabel 3.8 Realisasi Anggaran").table(rows, merges=[(0, 0, 1, 0)])
    d.save(tmp_path / "x.docx")
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

Merge = tuple[int, int, int, int]


@dataclass(frozen=True)
class F:
    """A numeric (or any) cell value with an Excel number format."""
    value: Any
    fmt: str


class Sheet:
    def __init__(self, name: str = "Sheet1"):
        self.name = name
        self.cells: dict[tuple[int, int], Any] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.merges: list[Merge] = []
        self.cursor = 0          # next free row (0-based)

    def put(self, row: int, col: int, rows: Sequence[Sequence[Any]], merges: Iterable[Merge] = ()) -> "Sheet":
        """Write ``rows`` with their top-left cell at (row, col), 0-based."""
        for i, line in enumerate(rows):
            for j, v in enumerate(line):
                if v is None:
                    continue
                if isinstance(v, F):
                    self.formats[(row + i, col + j)] = v.fmt
                    v = v.value
                self.cells[(row + i, col + j)] = v
        for (r0, c0, r1, c1) in merges:
            self.merges.append((row + r0, col + c0, row + r1, col + c1))
        self.cursor = max(self.cursor, row + len(rows))
        return self

    def add(self, rows: Sequence[Sequence[Any]], col: int = 0, merges: Iterable[Merge] = (), gap: int = 0) -> "Sheet":
        """Write ``rows`` below what is already there (after ``gap`` blank rows)."""
        return self.put(self.cursor + gap, col, rows, merges)

    def blank(self, n: int = 1) -> "Sheet":
        self.cursor += n
        return self


def xlsx(path: Path, *sheets: Sheet) -> Path:
    """Write the sheets into a real .xlsx workbook and return its path."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s.name)
        for (r, c), v in s.cells.items():
            cell = ws.cell(row=r + 1, column=c + 1, value=v)
            fmt = s.formats.get((r, c))
            if fmt:
                cell.number_format = fmt
        for (r0, c0, r1, c1) in s.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    path = Path(path)
    wb.save(path)
    return path


class Doc:
    """A Word document of paragraphs and tables, in order."""

    def __init__(self):
        self.items: list[tuple[str, Any]] = []

    def para(self, text: str, style: str | None = None) -> "Doc":
        self.items.append(("p", (text, style)))
        return self

    def table(self, rows: Sequence[Sequence[Any]], merges: Iterable[Merge] = ()) -> "Doc":
        self.items.append(("t", (rows, list(merges))))
        return self

    def save(self, path: Path) -> Path:
        import docx

        d = docx.Document()
        for what, payload in self.items:
            if what == "p":
                text, style = payload
                d.add_paragraph(text, style=style)
                continue
            rows, merges = payload
            width = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=width)
            t.style = "Table Grid"
            covered = set()
            for (r0, c0, r1, c1) in merges:
                t.cell(r0, c0).merge(t.cell(r1, c1))     # a real gridSpan / vMerge in the file
                covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
            for i, line in enumerate(rows):
                for j, v in enumerate(line):
                    if v is None or (i, j) in covered:
                        continue
                    if isinstance(v, F):
                        v = v.value
                    t.cell(i, j).text = str(v)
        path = Path(path)
        d.save(path)
        return path


def col(letter: str) -> int:
    """0-based column index of an A1 column letter."""
    n = 0
    for ch in letter.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def letters(columns: dict[str, int]) -> dict[str, str]:
    """canonical -> A1 column letter (grids start at A1)."""
    from openpyxl.utils.cell import get_column_letter

    return {k: get_column_letter(c + 1) for k, c in columns.items()}


TITLE = [["PEMERINTAH KABUPATEN JEMBER"], ["KECAMATAN KALISAT"], []]
SIGNATURE = [[], ["Jember, 10 Januari 2025"], ["CAMAT KALISAT"], [], [], ["Drs. HADI SUSANTO, M.Si"],
             ["Pembina Tingkat I"], ["NIP. 19700101 199003 1 001"]]
