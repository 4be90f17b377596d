"""A table's row tree from its codes: a parent is found by its code, never by its position.

SIPD forms and hand-made budget tables key their rows by codes, sometimes spread over several columns
(the Rekapitulasi Belanja writes urusan/bidang in the first, the SKPD in the second, program to sub
kegiatan in the third, the rekening in the fourth). A row's key is the tuple of the codes it shows; its
parent is the nearest existing row whose key is its own with the last code replaced by that code's
parent (``2.16.01.2.01.0001`` → ``2.16.01.2.01``), or, at the top of a code's family, with the last code
dropped (a program under the SKPD row, a rekening ``5.1.02`` under its sub kegiatan). Blocks of rows
moved elsewhere in the sheet keep their parents.

A table with a single code column that mixes program codes and rekening codes (a DPA or LRA report)
states the rekening's sub kegiatan only by the rows above it: there, and only there, the last program
code above a rekening row is part of the rekening's key.
"""
from __future__ import annotations

import re

from .. import codes
from .model import Row, Table

LEVEL_OF = {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
MIN_CODED = 3          # fewer coded rows than this: not a code tree


def code_columns(t: Table) -> list[str]:
    """The table's code columns, left to right: kode, kode@2, … ."""
    cols = [c for c in t.columns if c == "kode" or c.startswith("kode@")]
    return sorted(cols, key=lambda c: t.columns[c])


def row_codes(row: Row, cols: list[str]) -> list[tuple[str, str]]:
    out = []
    for c in cols:
        cell = row.cells.get(c)
        if cell is None or not cell.text:
            continue
        got = codes.any_code(cell.text)
        if got is None:
            local = codes.local_code(cell.text)     # the document's own scheme: GG, GG.2896
            got = ("local", local) if local else None
        if got is not None:
            out.append(got)
    return out


def label_block(t: Table) -> list[str]:
    """Columns under one "Uraian" header in which each level writes its code and name one column further
    right (an HTML export's colspans): label, label@2, … left to right; [] for a single label column."""
    cols = sorted((c for c in t.columns if c == "label" or c.startswith("label@")), key=lambda c: t.columns[c])
    return cols if len(cols) > 1 else []


_DIGITS = re.compile(r"^[0-9]{1,12}$")


def block_code(row: Row, block: list[str]) -> list[tuple[str, str]]:
    """The code a row writes at the front of its label block, and its name after it (set on the row)."""
    texts = [row.cells[c].text for c in block if c in row.cells and row.cells[c].text]
    if len(texts) < 2:
        return []
    # an undotted code is an account code whatever its length ("4" is not urusan 4 among 41, 411, 41101)
    got = ("digits", texts[0]) if _DIGITS.match(texts[0]) else codes.any_code(texts[0])
    if got is None:
        return []
    row.label = row.name = " ".join(texts[1:])
    return [got]


def link_by_code(t: Table) -> bool:
    """Set row.parent (and row.code / row.level where the codes say) from the codes; False when the
    table's rows are not keyed by codes (then the caller links them by levels and numbering)."""
    cols = code_columns(t)
    block = [] if cols else label_block(t)
    if not cols and not block:
        return False
    keyed: list[tuple[int, tuple]] = []
    ctx = _Context()
    rows_found = [(i, row_codes(row, cols) if cols else block_code(row, block))
                  for i, row in enumerate(t.rows) if row.type == "data"]
    # a scheme of the document's own (GG, GG.2896) keys the rows only where no official code does: beside
    # Kepmendagri codes, an "I" or "A" in the Kode column marks a section, not a code
    if any(f and f[-1][0] != "local" for _, f in rows_found):
        rows_found = [(i, [x for x in f if x[0] != "local"]) for i, f in rows_found]
    for i, found in rows_found:
        if not found:
            continue
        key = ctx.key(found)
        ctx.update(key)
        keyed.append((i, key))
    if len(keyed) < MIN_CODED:
        return False
    nodes: dict[tuple, int] = {}
    for i, key in keyed:
        nodes.setdefault(key, i)          # a key stated twice: the first row is the node
    for i, key in keyed:
        row = t.rows[i]
        family, code = key[-1]
        row.code = code
        if family == "program":
            row.level = LEVEL_OF.get(codes.code_depth(family, code), row.level)
        elif family == "local":
            pass                          # a scheme of its own: its depth says no level; the label may
        elif family == "digits":
            row.level = "rekening"        # an undotted account code (4110103)
        else:
            row.level = family            # "unit", "rekening"
        row.parent = _parent(key, nodes) if nodes.get(key) == i else None
    t.listed_under = _listing(t, keyed)
    t.code_tree = True
    return True


def _listing(t: Table, keyed: list[tuple[int, tuple]]) -> dict[int, int]:
    """Each program / kegiatan / sub kegiatan row -> the nearest row above it at a higher level: the
    parent the listing shows, which the codes may contradict (a sub kegiatan listed under another
    kegiatan: checks.nomenclature reports it)."""
    out: dict[int, int] = {}
    stack: list[tuple[int, int]] = []            # (rank, row)
    rank_of = {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}
    for i, _key in keyed:
        rank = rank_of.get(t.rows[i].level or "")
        if rank is None:
            continue
        while stack and stack[-1][0] >= rank:
            stack.pop()
        if stack:
            out[i] = stack[-1][1]
        stack.append((rank, i))
    return out


def _bidang(code: str) -> str:
    return ".".join(code.split(".")[:2])


def _covers(unit: str, code: str) -> bool:
    """Whether an organisation code's urusan/bidang pairs include the bidang of a program code."""
    if code.startswith("X"):
        return True                       # penunjang codes belong to every unit
    parts = unit.split(".")
    return _bidang(code) in {".".join(parts[i:i + 2]) for i in (0, 2, 4)}


class _Context:
    """What the rows above say that a row's own codes may not: the bidang and unit a program sits in,
    the program-level row a rekening line belongs to. Used only to complete a key whose first code
    does not name them (one code column, or a sub kegiatan | rekening pair); a row that writes its
    urusan/bidang and unit in their own columns is keyed by what it writes."""

    def __init__(self) -> None:
        self.bidang: str | None = None
        self.unit: tuple | None = None
        self.program: tuple | None = None

    def key(self, found: list[tuple[str, str]]) -> tuple:
        family, code = found[0]
        if family == "program" and codes.code_depth(family, code) >= 3:
            if self.unit is not None and _covers(self.unit[-1][1], code) and \
                    (self.bidang is None or code.startswith("X") or _bidang(code) == self.bidang):
                return self.unit + tuple(found)
        elif family == "unit":
            if self.bidang is not None and _covers(code, self.bidang):
                return (("program", self.bidang),) + tuple(found)
        elif family == "rekening" and self.program is not None:
            return self.program + tuple(found)
        return tuple(found)

    def update(self, key: tuple) -> None:
        family, code = key[-1]
        if family == "unit":
            self.unit, self.program = key, None
        elif family == "program":
            depth = codes.code_depth(family, code)
            if depth == 1:
                self.bidang = self.unit = self.program = None
            elif depth == 2:
                self.bidang, self.unit, self.program = code, None, None
            else:
                self.program = key


def _parent(key: tuple, nodes: dict[tuple, int]) -> int | None:
    k = list(key)
    while k:
        family, code = k[-1]
        up = codes.code_parent(family, code)
        while up is not None:
            cand = tuple(k[:-1] + [(family, up)])
            if cand in nodes:
                return nodes[cand]
            up = codes.code_parent(family, up)
        k = k[:-1]
        if tuple(k) in nodes:
            return nodes[tuple(k)]
    return None
