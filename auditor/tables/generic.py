"""Tables of no known kind: a header row the kinds do not recognise still makes a Table (kind `generic`).

Detection by kind (tables.detect) stays as it is; afterwards, each header it noted as "of no known
kind" becomes a generic table when numbers stand under it: its columns are named by their flattened
header, numeric columns are found by content, and its body is read by the same Detector.body as any
kind's, ending before the next table of a known kind. Checks that need no column meaning work on
it: the relations its numbering row states (checks.relations) and its formulas (checks.formulas).
The Unrecognised note stays, so the report still says the table's kind is not known.
"""
from __future__ import annotations

import re

from ..numbers import parse_cell
from .kinds import Col, Kind
from .model import Table

GENERIC = "generic"
SAMPLE_ROWS = 300          # rows looked at to tell a numeric column by its content
_LABEL = re.compile(r"(uraian|program|kegiatan|indikator|nama|sasaran|urusan|bidang|jenis|keterangan)")
_NO = re.compile(r"^(no|nomor|no urut)$")
_KODE = re.compile(r"^kode\b")


def numeric_columns(det, r_from: int, r_to: int) -> set[int]:
    """Columns where most filled cells of rows [r_from, r_to) are numbers (column-number row excluded)."""
    g = det.g
    counts: dict[int, list[int]] = {}
    for r in range(r_from, min(r_to, r_from + SAMPLE_ROWS, g.nrows)):
        if det.colnum_row(r):
            continue
        for c in det.nonempty(r):
            v = g.get(r, c)
            num = parse_cell(v, g.formats.get((r, c)) if g.formats else None)
            got = counts.setdefault(c, [0, 0])
            got[0] += num is not None
            got[1] += 1
    return {c for c, (n, filled) in counts.items() if n and n * 5 >= filled * 3}


def canonical_names(flat: list[str], letters) -> list[str]:
    """A name per column: its flattened header ("no" and the first "kode…" column as describe() knows
    them), made unique by the column letter; empty headers by the letter alone."""
    names: list[str] = []
    used: set[str] = set()
    for c, h in enumerate(flat):
        if _NO.match(h) and "no" not in used:
            name = "no"
        elif _KODE.match(h) and "kode" not in used:
            name = "kode"
        else:
            name = h or letters(c).lower()
        if name in used:
            name = f"{name} {letters(c).lower()}"
        used.add(name)
        names.append(name)
    return names


def build(det, pending: list[tuple[int, int, list[str]]], known: list[Table]) -> list[Table]:
    """Generic tables for the headers detection noted as unrecognised (first and last header row, the
    flattened header), in the order found; none overlaps a table of a known kind."""
    g = det.g
    starts = sorted(t.header[0] for t in known)
    out: list[Table] = []
    last_end = -1
    for r0, r1, flat in pending:
        if r0 <= last_end or any(t.header[0] <= r0 <= t.end for t in known):
            continue
        limit = next((s for s in starts if s > r1), g.nrows)
        nums = numeric_columns(det, r1 + 1, limit)
        names = canonical_names(flat, lambda c: g.addr(0, c).rstrip("0123456789"))
        cols = {names[c]: c for c in range(g.ncols) if flat[c] or c in nums}
        if not any(c in nums for c in cols.values()):
            continue
        label = next((n for n, c in cols.items() if c not in nums and _LABEL.search(flat[c])), None) or \
            next((n for n, c in cols.items() if c not in nums and n not in ("no", "kode")), None)
        kind = Kind(GENERIC, "Tabel jenis lain", "Table of another kind",
                    tuple(Col(n, r"(?!)", numeric=c in nums) for n, c in cols.items()),
                    label_cols=(label,) if label else (), min_score=0)
        t = Table(grid=g, kind=GENERIC, header=(r0, r1), end=r1, columns=cols,
                  headers={n: flat[c] or n for n, c in cols.items()})
        t.kind_def = kind
        det.body(t, kind, flat)
        t.rows = [row for row in t.rows if row.r < limit]
        _numbering_is_no_number(t)
        _label_by_outline(t)
        t.end = max([row.r for row in t.rows] + [r1 if t.numbering_row is None else t.numbering_row])
        if not t.rows:
            continue
        t.caption = det.caption(t)
        out.append(t)
        last_end = t.end
    return out


def _label_by_outline(t: Table) -> None:
    """Where the table writes each level's label in a column of its own (tables.outline), a row's label
    is the one it writes there — not the first text of the row (its Kode), nor a remarks column."""
    from dataclasses import replace

    from .detect import describe
    from .outline import deepest_label, outline_columns
    cols = outline_columns(t)
    if not cols:
        return
    t.kind_def = replace(t.kind_def, label_cols=tuple(reversed(cols)))
    for row in t.rows:
        label = deepest_label(row, cols)
        if label and label != row.label and row.type == "data":
            row.label = label
            describe(row, row.cells, label)


def _numbering_is_no_number(t: Table) -> None:
    """A column whose numbers are written 1.1, 1.2, 2.1 … numbers the rows (an IKU's indicator numbers
    under "Indikator Kinerja"): its cells keep their text and lose their number, so no check adds them up
    and coverage does not count them as numbers left unchecked."""
    from ..numbers import is_numbering
    for col, c in t.columns.items():
        if not t.kind_def.spec(col).numeric:
            continue
        cells = [row.cells[col] for row in t.rows if col in row.cells and row.cells[col].num is not None]
        if cells and is_numbering([cell.raw if isinstance(cell.raw, str) else cell.text for cell in cells]):
            for cell in cells:
                cell.num = None
