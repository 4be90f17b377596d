"""A cell's formula as evidence: the cells it adds, and its shape relative to the cell (R1C1 style).

Formulas come from Grid.formulas (xlsx read with details), as text with a leading "=". They are
tokenised by openpyxl's formula Tokenizer, never parsed by hand. Two things are read from them:

* `terms(formula)`: for a formula that only adds and subtracts cells and ranges of its own sheet
  (`=S10+S13`, `=SUM(S10:S14)`, `=M9+O9+Q9+S9`): each referenced cell with its sign; None for
  anything else (other functions, other sheets, constants) — such a formula is not read further;
* `shape(formula, r, c)`: the formula with every reference made relative to the cell (ExceLint's
  R1C1 view), so `=M9+O9` in row 9 and `=M10+O10` in row 10 have the same shape.
"""
from __future__ import annotations

import functools
import re

_REF = re.compile(r"^(\$?)([A-Z]{1,3})(\$?)(\d+)$")


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _cells(ref: str) -> tuple[tuple[int, int, bool, bool], ...] | None:
    """A1 reference or range of this sheet → its corners (row, col 1-based, row absolute, col absolute)."""
    if "!" in ref:
        return None
    out = []
    for part in ref.split(":"):
        m = _REF.match(part.upper())
        if not m:
            return None                  # whole columns/rows, names: not read
        out.append((int(m.group(4)), _col(m.group(2)), bool(m.group(3)), bool(m.group(1))))
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def _tokens(formula: str):
    from openpyxl.formula import Tokenizer
    try:
        return tuple((t.type, t.subtype, t.value) for t in Tokenizer(formula).items)
    except Exception:      # a formula openpyxl cannot tokenise is not evidence
        return None


def terms(formula: str) -> list[tuple[int, int, int]] | None:
    """[(sign, row, col)] (1-based sheet coordinates) of a formula made only of + and − over cells,
    ranges and SUM(...) of them; None otherwise."""
    toks = _tokens(formula)
    if not toks:
        return None
    out: list[tuple[int, int, int]] = []
    sign, depth = 1, 0
    for typ, sub, val in toks:
        if typ == "FUNC" and sub == "OPEN":
            if val.upper() != "SUM(":
                return None
            depth += 1
        elif typ == "FUNC" and sub == "CLOSE":
            depth -= 1
        elif typ == "SEP" and sub == "ARG" and depth > 0:
            continue
        elif typ == "OPERATOR-INFIX" and val in "+-":
            sign = -1 if val == "-" else 1
        elif typ == "OPERATOR-PREFIX" and val in "+-":
            sign = -sign if val == "-" else sign
        elif typ == "OPERAND" and sub == "RANGE":
            corners = _cells(val)
            if corners is None:
                return None
            (r0, c0, _, _), (r1, c1, _, _) = corners[0], corners[-1]
            for r in range(min(r0, r1), max(r0, r1) + 1):
                for c in range(min(c0, c1), max(c0, c1) + 1):
                    out.append((sign, r, c))
        elif typ == "WHITE-SPACE":
            continue
        else:
            return None
    return out or None


def shape(formula: str, r: int, c: int) -> tuple | None:
    """The formula with references relative to the cell (row r, col c, 1-based): R[dr]C[dc] for
    relative parts, absolute parts kept. None when it cannot be tokenised."""
    toks = _tokens(formula)
    if toks is None:
        return None
    out = []
    for typ, sub, val in toks:
        if typ == "OPERAND" and sub == "RANGE":
            corners = _cells(val)
            if corners is None:
                out.append(("ref", val.upper()))
                continue
            out.append(("ref",) + tuple(
                (f"R{rr}" if ra else f"R[{rr - r}]", f"C{cc}" if ca else f"C[{cc - c}]") for rr, cc, ra, ca in corners))
        elif typ == "WHITE-SPACE":
            continue
        else:
            out.append((typ, sub, val.upper()))
    return tuple(out)


def same_row(formula: str, r: int) -> bool:
    """Every reference of the formula is in row r (a row-wise computation: 13 = 9+10+11+12)."""
    toks = _tokens(formula)
    if not toks:
        return False
    refs = [_cells(v) for t, s, v in toks if t == "OPERAND" and s == "RANGE"]
    return bool(refs) and all(x is not None and all(rr == r for rr, *_ in x) for x in refs)


def columns_of(formula: str) -> list[int]:
    """The columns (1-based) a formula refers to, in order."""
    toks = _tokens(formula) or ()
    out = []
    for t, s, v in toks:
        if t == "OPERAND" and s == "RANGE":
            x = _cells(v)
            if x:
                out += [cc for _, cc, _, _ in x]
    return out


# -- a formula's value from its cells' cached values ---------------------------------------------------------
# Arithmetic only: numbers, cells and ranges of the formula's own sheet, + − × ÷, unary signs, a postfix
# %, parentheses and SUM. Anything else (other functions, other sheets, text, comparisons) is not evaluated.
_OPS = {"+", "-", "*", "/"}


def evaluate(formula: str, value_of):
    """The Decimal a formula computes from `value_of(row, col)` (1-based; a Decimal, None for an empty cell,
    or raise LookupError for a value that is not a number); None when the formula is not plain arithmetic."""
    import ast
    from decimal import Decimal, InvalidOperation

    toks = _tokens(formula)
    if not toks:
        return None
    src: list[str] = []
    env: dict[str, Decimal] = {}

    def lit(v) -> str:
        name = f"_v{len(env)}"
        env[name] = Decimal(0) if v is None else v
        return name

    depth = 0
    try:
        for typ, sub, val in toks:
            if typ == "OPERAND" and sub == "NUMBER":
                src.append(lit(Decimal(val)))
            elif typ == "OPERAND" and sub == "RANGE":
                corners = _cells(val)
                if corners is None:
                    return None
                (r0, c0, _, _), (r1, c1, _, _) = corners[0], corners[-1]
                cells = [value_of(r, c) for r in range(min(r0, r1), max(r0, r1) + 1)
                         for c in range(min(c0, c1), max(c0, c1) + 1)]
                if len(cells) == 1:
                    src.append(lit(cells[0]))
                elif depth:
                    src.append(",".join(lit(v) for v in cells))
                else:
                    return None              # a range outside SUM(): not arithmetic
            elif typ == "FUNC" and sub == "OPEN":
                if val.upper() != "SUM(":
                    return None
                depth += 1
                src.append("_sum(")
            elif typ == "FUNC" and sub == "CLOSE":
                depth -= 1
                src.append(")")
            elif typ == "SEP" and sub == "ARG":
                src.append(",")
            elif typ in ("OPERATOR-INFIX", "OPERATOR-PREFIX") and val in _OPS:
                src.append(val)
            elif typ == "OPERATOR-POSTFIX" and val == "%":
                # "%" binds to the operand just before it (=D4/C4% is D4 / (C4/100))
                if not src:
                    return None
                start = len(src) - 1
                if src[-1] == ")":
                    open_ = 0
                    while start >= 0:
                        open_ += src[start].count(")") - src[start].count("(")
                        if open_ == 0:
                            break
                        start -= 1
                    if start < 0:
                        return None
                src[start:] = ["(", *src[start:], "/" + lit(Decimal(100)), ")"]
            elif typ == "PAREN":
                src.append(val)
            elif typ == "WHITE-SPACE":
                continue
            else:
                return None
        tree = ast.parse("".join(src), mode="eval")
    except (LookupError, SyntaxError, InvalidOperation, ValueError):
        return None
    return arith(tree.body, env)


def arith(node, env):
    """The Decimal an arithmetic expression tree gives (names from `env`, numeric constants, unary signs,
    + − × ÷ with a 60-digit division, `_sum(...)`); None for anything else or a division by zero."""
    import ast
    from decimal import Decimal, DivisionByZero, InvalidOperation

    from ..tolerance import CTX
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        return env.get(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        v = arith(node.operand, env)
        return None if v is None else (-v if isinstance(node.op, ast.USub) else v)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        a, b = arith(node.left, env), arith(node.right, env)
        if a is None or b is None:
            return None
        try:
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Sub):
                return a - b
            if isinstance(node.op, ast.Mult):
                return a * b
            return CTX.divide(a, b) if b else None   # #DIV/0! in Excel: not a value to compare
        except (InvalidOperation, DivisionByZero):
            return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_sum" and not node.keywords:
        vals = [arith(a, env) for a in node.args]
        return None if any(v is None for v in vals) else sum(vals, Decimal(0))
    return None
