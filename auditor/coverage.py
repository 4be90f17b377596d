"""Which numeric cells took part in a check: the ledger every check writes to.

A check marks the cells it compared (the stated value and every input it was computed from) with
`Context.mark`, whether the comparison passed or failed. Coverage is then "numeric cells read" vs
"numeric cells marked" per file: the honest answer to "what did 'no findings' cover?". A cell marked
here must be one whose change the check would notice (tests/test_mutation.py holds the checks to it).
"""
from __future__ import annotations

from typing import Iterable


class Ledger:
    """(path, sheet, A1 address) of every cell some check compared."""
    __slots__ = ("cells",)

    def __init__(self) -> None:
        self.cells: set[tuple[str, str | None, str]] = set()

    def mark(self, path: str, sheet: str | None, addrs: Iterable[str | None]) -> None:
        add = self.cells.add
        for a in addrs:
            if a:
                add((path, sheet, a))

    def covered(self, path: str, sheet: str | None, addr: str) -> bool:
        return (path, sheet, addr) in self.cells

    def of_file(self, path: str) -> set[tuple[str | None, str]]:
        return {(s, a) for p, s, a in self.cells if p == path}
