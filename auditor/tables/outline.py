"""The outline of a table of no known kind: which row each row is a detail of, from how the table writes it.

A table of a known kind gets its row tree from level words and codes (tables.detect, tables.codetree).
A table of no known kind (tables.generic) often states one as plainly, in one of two ways:

* **Label columns** — each level writes its label in a column of its own, left of the table's main
  numbers: `Komponen | Sub Komponen | Kriteria | Bukti | Bobot | Nilai`, `Sasaran | Program | Kegiatan |
  Pagu`. A row whose label stands in a column left of the next rows' is their parent, as long as it
  writes nothing in those deeper columns (a row filling both — a vertically merged group label beside
  its first detail — is a detail, not a parent).
* **Dotted numbering** — `1`, `1.1`, `1.1.2` (or `A`, `A.1`, `A.1.1`) in the No column or before the
  label: the parent of `1.1.2` is the row numbered `1.1` above it, whatever lies between.

Nothing here says that a parent *adds up* its details: checks.rollup asks each column whether it does.
"""
from __future__ import annotations

import re

_DOTTED = re.compile(r"^(?:[A-Z]|[0-9]{1,3})(?:\.[0-9]{1,3})*$")


SAMPLE_ROWS = 300      # rows looked at to find the label columns (a big table states its outline early)


def label_columns(t) -> list[str]:
    """The columns an outline may write its levels in: the text columns (not No, not Kode) standing
    left of the first numeric column that half of the data rows fill — the table's main numbers. A
    numeric column few rows fill (a Bobot given only on component rows) does not end them."""
    kind = t.kind_def
    if kind is None:
        return []
    data = [row for row in t.rows[:SAMPLE_ROWS] if row.type == "data"]
    main = [t.columns[c.name] for c in kind.cols if c.numeric and c.name in t.columns
            and sum(1 for row in data if row.num(c.name) is not None) * 2 >= len(data)]
    if not main:
        return []
    first = min(main)
    return [name for name, c in sorted(t.columns.items(), key=lambda kv: kv[1])
            if c < first and name not in ("no", "kode") and not kind.spec(name).numeric]


def outline_columns(t) -> list[str]:
    """The label columns when they form an outline: two or more of them, each the one label of some rows,
    and most rows (four in five of those with a label there) filling exactly one. `Uraian | Satuan`,
    filled side by side on every row, is no outline."""
    cols = label_columns(t)
    if len(cols) < 2:
        return []
    one = several = 0
    used: set[str] = set()
    for row in t.rows[:SAMPLE_ROWS]:
        if row.type != "data":
            continue
        filled = [c for c in cols if row.text(c).strip()]
        if len(filled) == 1:
            one += 1
            used.add(filled[0])
        elif filled:
            several += 1
    return cols if len(used) >= 2 and one >= 4 * several else []


def deepest_label(row, cols: list[str]) -> str:
    """A row's own label in an outline: the text of the deepest label column it fills."""
    for c in reversed(cols):
        text = row.text(c).strip()
        if text:
            return text
    return ""


def outline(t) -> list[int | None] | None:
    """The parent (index in t.rows) of every row, or None for the whole table when it states no outline.
    Label columns first; dotted numbering when the labels stand in one column."""
    parents = _by_label_columns(t)
    if parents is None:
        parents = _by_numbering(t)
    return parents


def _by_label_columns(t) -> list[int | None] | None:
    cols = outline_columns(t)
    if not cols:
        return None
    levels: list[int | None] = []
    pure: list[bool] = []
    for row in t.rows:
        filled = [i for i, c in enumerate(cols) if row.text(c).strip()] if row.type == "data" else []
        levels.append(filled[0] if filled else None)
        pure.append(len(filled) == 1)
    if len({lv for i, lv in enumerate(levels) if lv is not None and pure[i]}) < 2:
        return None
    parents: list[int | None] = [None] * len(t.rows)
    stack: list[int] = []
    for i, lv in enumerate(levels):
        if lv is None:
            if t.rows[i].type in ("total", "section"):
                stack = []          # a total or section row ends the outline above it
            continue
        while stack and levels[stack[-1]] >= lv:
            stack.pop()
        parents[i] = stack[-1] if stack else None
        if pure[i]:
            stack.append(i)
        # a row that also writes a group's label (on its first detail, instead of a row of its own) is a
        # detail of that group: neither it nor the details after it belong to the parents above the group
    return parents


def _by_numbering(t) -> list[int | None] | None:
    nums = [(row.numbering or "").upper() if row.type == "data" else "" for row in t.rows]
    depths = {n.count(".") for n in nums if n and _DOTTED.match(n)}
    if len(depths) < 2:
        return None
    parents: list[int | None] = [None] * len(t.rows)
    last: dict[str, int] = {}        # numbering → the latest row above that carries it
    for i, n in enumerate(nums):
        if not n or not _DOTTED.match(n):
            continue
        if "." in n:
            parents[i] = last.get(n.rsplit(".", 1)[0])
        last[n] = i
    return parents if any(p is not None for p in parents) else None
