"""Relations a table states in its column-number row: `13=9+10+11+12`, `(5) = (4)/(3) x 100`, `6 (5/4*100%)`.

A form numbers its columns under the header (`1 2 3 …`, or `(1) (2) …`) and often writes, in the cell
of a computed column, how it is computed. This module reads that row into relations between grid
columns, for any table of any kind; checks.relations judges every row by them.

The expression is normalised (column numbers to names, `x`/`×` to `*`, `%` dropped) and parsed by
Python's own `ast` in eval mode; only + - * / over column numbers and the constants 100 and 1000 are
accepted, anything else is not a relation (the cell is then only a column number).
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass

_LEAD = re.compile(r"^\s*\(?\s*(\d{1,2})\s*\)?")
# a column number inside an expression: one or two digits not part of a longer number
_REF = re.compile(r"(?<![\d.,])(\d{1,2})(?![\d.,])")
_CONST = {"100", "1000"}


@dataclass(frozen=True)
class Stated:
    """One relation as the numbering row states it, over column numbers."""
    number: int                  # the computed column's number
    expr: ast.expr               # over Name nodes c<number> and constants
    text: str                    # the cell's text, quoted in findings

    @property
    def refs(self) -> list[int]:
        return [int(n.id[1:]) for n in ast.walk(self.expr) if isinstance(n, ast.Name)]

    @property
    def shape(self) -> str:
        """`sum` (only + and -), `ratio` (a division, perhaps × 100), `product` (× of columns)."""
        ops = {type(n.op) for n in ast.walk(self.expr) if isinstance(n, ast.BinOp)}
        if ops <= {ast.Add, ast.Sub}:
            return "sum"
        if ast.Div in ops:
            return "ratio"
        return "product"

    @property
    def scaled(self) -> bool:
        """The expression multiplies by 100 (a percentage)."""
        return any(isinstance(n, ast.Constant) and n.value == 100 for n in ast.walk(self.expr))


def column_number(text: str) -> int | None:
    """The number a numbering-row cell gives its column ("6 (5/4*100%)" -> 6, "(3)" -> 3)."""
    m = _LEAD.match(text or "")
    return int(m.group(1)) if m else None


def parse(text: str) -> Stated | None:
    """The relation a numbering-row cell states, or None when it states only its column's number."""
    m = _LEAD.match(text or "")
    if not m:
        return None
    number = int(m.group(1))
    rest = text[m.end():].strip()
    if not rest:
        return None
    if rest.startswith("="):
        rest = rest[1:]
    elif not (rest.startswith("(") and rest.endswith(")")):
        return None                  # "6 Dokumen", "1 2": not a relation
    expr = rest.replace("×", "*").replace("%", " ").replace(":", "/")
    expr = re.sub(r"(?<=[\s\d)])[xX](?=[\s\d(])", "*", expr)
    if re.search(r"[^\d\s+\-*/().]", expr):
        return None
    expr = _REF.sub(lambda mm: mm.group(1) if mm.group(1) in _CONST else f"c{mm.group(1)}", expr)
    try:
        tree = ast.parse(expr.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not _allowed(tree) or not any(isinstance(n, ast.Name) for n in ast.walk(tree)):
        return None
    if number in [int(n.id[1:]) for n in ast.walk(tree) if isinstance(n, ast.Name)]:
        return None                  # "5 = 5 + 1": not a relation we can check
    return Stated(number, tree, " ".join(text.split()))


def _allowed(node: ast.AST) -> bool:
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)) and _allowed(node.left) \
            and _allowed(node.right)
    if isinstance(node, ast.Name):
        return bool(re.fullmatch(r"c\d{1,2}", node.id))
    if isinstance(node, ast.Constant):
        return type(node.value) is int and node.value in (100, 1000)
    return False


@dataclass(frozen=True)
class Bound:
    """A stated relation on grid columns: one per sub-column position (K, Rp) it applies to."""
    stated: Stated
    target: int                  # grid column
    operands: dict[int, int]     # column number -> grid column
    sub: str                     # the sub-header this position has in common ("k", "rp"), or ""
    split: bool = False          # the column is one of several sub-columns under one number (K | Rp | %)


def numbering_map(grid, r: int, merge_of: dict) -> dict[int, list[int]]:
    """Column number -> the grid columns it numbers, left to right (a number merged over `K | Rp`
    numbers both; a number repeated over sub-columns numbers each)."""
    out: dict[int, list[int]] = {}
    for c in range(grid.ncols):
        rng = merge_of.get((r, c))
        text = grid.text(rng[0], rng[1]) if rng else grid.text(r, c)
        n = column_number(text)
        if n is None:
            continue
        cols = out.setdefault(n, [])
        if c not in cols:
            cols.append(c)
    return out


def bind(grid, r: int, merge_of: dict, subheader) -> list[Bound]:
    """Every relation the numbering row at grid row r states, bound to grid columns.

    `subheader(c)` gives the lowest header text of column c; a relation over columns split into
    sub-columns applies position by position where the sub-columns agree (K with K, Rp with Rp),
    and a single column broadcasts over a split one only for ratios (`15 = 13/8 × 100`: one % column
    over K and Rp is not a thing forms do, so that case is skipped)."""
    nums = numbering_map(grid, r, merge_of)
    out: list[Bound] = []
    seen: set[int] = set()
    for n, cols in nums.items():
        for c in cols:
            rng = merge_of.get((r, c))
            text = grid.text(rng[0], rng[1]) if rng else grid.text(r, c)
            st = parse(text)
            if st is None or st.number in seen:
                continue
            seen.add(st.number)
            if any(ref not in nums for ref in st.refs):
                continue             # refers to a column the row does not number
            targets = nums[st.number]
            for i, tc in enumerate(targets):
                ops: dict[int, int] = {}
                sub = subheader(tc)
                for ref in set(st.refs):
                    rc = nums[ref]
                    if len(rc) == len(targets):
                        cand = rc[i]
                    elif len(rc) == 1 and len(targets) == 1:
                        cand = rc[0]
                    else:
                        cand = None
                    if cand is None or (len(targets) > 1 and subheader(cand) != sub):
                        ops = {}
                        break
                    ops[ref] = cand
                if ops:
                    out.append(Bound(st, tc, ops, sub, len(targets) > 1))
    return out
