"""Find tables in a grid by header vocabulary, flatten their headers, classify their rows."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .. import codes
from ..numbers import parse_cell, parse_text
from ..readers.grid import Grid, get_column_letter
from .cells import FlatSource, Plan, cell_text, make_cells
from .kinds import BY_NAME, HEADER_WORDS, KINDS, Kind
from .model import CellRef, LazyRow, Row, Table

MAX_HEADER_ROWS = 4
_PUNCT = re.compile(r"[^0-9a-z%σ∑]+")
_CAPTION = re.compile(r"\b(tabel|table)\s+(\d+(?:\.\d+)*)", re.I)
_FOOTER = re.compile(r"^\s*(sumber( data)?\b|keterangan\s*:|catatan\s*:|ket\s*:|\*\s)", re.I)
_SIGNATURE = re.compile(r"^\s*(camat|kepala|nip\b|bupati|jember,|kalisat,|pembina|drs\b|pihak (pertama|kedua)\b"
                        r"|mengetahui\b)", re.I)
_COLNUM = re.compile(r"^\(?\d{1,2}\)?(\s*[(=][^a-z]*\)?)?$|^\(?\d{1,2}\)?\s*=\s*[\d\s+\-/x×*%.():]+\)?$", re.I)
_YEAR = re.compile(r"^20\d\d$")
# group labels that only say "amount"/"year" ("Jumlah (Rp)", "Tahun 2024"), unlike "Bertambah/(Berkurang)"
_NEUTRAL_GROUP = re.compile(r"^((jumlah|total|rp|rupiah|dalam|ribuan|tahun|ke|kinerja|nilai|20\d\d|\d{1,2})( |$))+$")
_SECTION = re.compile(r"^\s*(sasaran|tujuan|jabatan|misi|indikator|program|kegiatan|bidang|urusan)\b", re.I)


# _PUNCT for ASCII text as a translation table (every ASCII character _PUNCT matches -> space): str.translate
# has a fast path for ASCII, ~1/3 cheaper than the regex; norm runs on every header cell and joined header
_ASCII_PUNCT = str.maketrans({chr(i): " " for i in range(128) if _PUNCT.fullmatch(chr(i))})


def norm(text: str) -> str:
    low = text.lower()
    if low.isascii():
        words = low.translate(_ASCII_PUNCT).split()
    else:
        words = _PUNCT.sub(" ", low.replace("∑", "σ")).split()
    if len(words) > 1:
        words = _mend(words)
    return " ".join(words)


def _mend(words: list[str]) -> list[str]:
    """A header word a narrow PDF column broke without a hyphen ("Angg" / "aran (Rp)") is one word again:
    two neighbours, neither a header word, that make one together."""
    out = [words[0]]
    for w in words[1:]:
        prev = out[-1]
        if w not in HEADER_WORDS and prev not in HEADER_WORDS and prev + w in HEADER_WORDS:
            out[-1] = prev + w
        else:
            out.append(w)
    return out


@dataclass
class Unrecognised:
    sheet: str
    reason: str
    rows: str = ""


@functools.lru_cache(maxsize=1 << 16)
def _is_headerish(text: str) -> bool:
    """A cell that reads like a column header: known words, no stated number. (Memoised: pure, and
    big exports repeat the same texts on every row.)"""
    if not text:
        return False
    n = norm(text)
    if not n:
        return text.strip() in ("%", "Σ", "∑")
    words = n.split()
    known = sum(1 for w in words if w in HEADER_WORDS)
    if known == 0:
        return False
    if parse_text(text) is not None and not _YEAR.match(text.strip()):
        return False
    # header cells are short: a long sentence full of domain words is data, not a header
    return len(words) <= 10 and known * 2 >= len(words)


def _header_row(grid: Grid, r: int) -> bool:
    """At least two cells of row r read like column headers. Only the filled cells are looked at (a
    blank one never reads like a header), and it stops at the second: most rows asked are data rows."""
    values = grid.values
    if not 0 <= r < len(values):
        return False
    hits = 0
    for v in values[r]:
        if v is None or v == "":
            continue
        if _is_headerish(v.strip() if isinstance(v, str) else str(v)):   # Grid.text of the cell
            hits += 1
            if hits == 2:
                return True
    return False


class Detector:
    def __init__(self, grid: Grid):
        self.g = grid
        self.merge_of = grid.merge_map()
        self._nonempty: dict[int, list[int]] = {}
        self.int_nums: dict[int, Any] = {}

    # -- helpers -------------------------------------------------------------------------
    def top_left(self, r: int, c: int):
        rng = self.merge_of.get((r, c))
        if rng is None:
            return self.g.get(r, c)
        return self.g.get(rng[0], rng[1])

    def ttext(self, r: int, c: int) -> str:
        v = self.top_left(r, c)
        return "" if v is None else str(v).strip()

    def nonempty(self, r: int) -> list[int]:
        got = self._nonempty.get(r)     # asked up to 5 times per row; callers only read the list
        if got is None:
            values = self.g.values
            row = values[r] if 0 <= r < len(values) else None
            got = self._nonempty[r] = [] if row is None else \
                [c for c, v in enumerate(row) if v is not None and v != ""]
        return got

    # -- header ----------------------------------------------------------------------------
    def header_block(self, r0: int) -> int:
        """Last header row of a header that starts at r0: follow merges and sub-header rows."""
        r1 = r0
        g = self.g
        while r1 - r0 < MAX_HEADER_ROWS - 1:
            grow = r1
            for (rr0, cc0, rr1, cc1) in g.merged:
                if r0 <= rr0 <= r1 and rr1 > grow and rr1 - r0 < MAX_HEADER_ROWS:
                    grow = rr1
            nxt = r1 + 1
            if grow > r1:
                r1 = grow
                continue
            if nxt >= g.nrows:
                break
            # a row under a horizontally merged group label, made of short labels or years, is a sub-header;
            # a number other than a year is data (a first row "AREN01 | A | Perencanaan Kinerja | 0,3"
            # under "PERHITUNGAN" spanning its sub-labels is the table's first row, not more header)
            group_above = any(rr0 >= r0 and rr1 <= r1 and cc1 > cc0 for (rr0, cc0, rr1, cc1) in g.merged)
            cells = [g.text(nxt, c) for c in self.nonempty(nxt)]
            if cells and group_above and all(_YEAR.match(t) or (_is_headerish(t) or len(t) <= 12)
                                             and not _COLNUM.match(t) and parse_text(t) is None for t in cells):
                r1 = nxt
                continue
            if cells and all(_YEAR.match(t) for t in cells) and len(cells) >= 2:
                r1 = nxt
                continue
            if cells and group_above and self.ordinal_subheader(r0, r1, nxt):
                r1 = nxt
                continue
            # an unmerged two-row header: group labels with blanks beside them, sub-labels below
            if (len(cells) >= 2 and _header_row(g, nxt) and not any(parse_text(t) for t in cells)
                    and any(not g.text(r1, c) for c in self.nonempty(nxt))):
                r1 = nxt
                continue
            break
        return r1

    def ordinal_subheader(self, r0: int, r1: int, r: int) -> bool:
        """`Tahun ke-` over `1 2 3 4 5`: under each group label numbers restarting at 1, nothing elsewhere
        (a column-number row numbers every column, and does not restart under a group)."""
        spans = [(cc0, cc1) for (rr0, cc0, rr1, cc1) in self.g.merged if r0 <= rr0 and rr1 <= r1 and cc1 > cc0]
        cols = self.nonempty(r)
        if not spans or any(not any(a <= c <= b for a, b in spans) for c in cols):
            return False
        for a, b in spans:
            got = [self.g.text(r, c) for c in range(a, b + 1) if c in cols]
            if got != [str(i) for i in range(1, len(got) + 1)]:
                return False
        return True

    def flatten(self, r0: int, r1: int) -> list[str]:
        return self.header_texts(r0, r1)[0]

    def header_texts(self, r0: int, r1: int) -> tuple[list[str], list[str]]:
        """Each column's flattened header (its header rows' texts top to bottom, repeats dropped) and
        its tail: the same without the neutral group labels above it (`Jumlah (Rp)` over
        `Anggaran | Realisasi` -> "anggaran", "realisasi"; tried when the full header matches no column
        of a kind). One pass over the header cells for both."""
        flat: list[str] = []
        tails: list[str] = []
        merge_of, text = self.merge_of, self.g.text
        for c in range(self.g.ncols):
            parts: list[str] = []       # the flattened header's texts
            tail: list[str] = []        # the tail's: emptied under a neutral group label
            for r in range(r0, r1 + 1):
                t = self.ttext(r, c) or (self.group_left(r, c) if r < r1 else "")
                if not t:
                    continue
                if not parts or parts[-1] != t:
                    parts.append(t)
                if tail and tail[-1] == t:
                    continue
                rng = merge_of.get((r, c))
                over = rng[3] > rng[1] and rng[2] < r1 if rng else r < r1 and bool(text(r + 1, c))
                if over and _NEUTRAL_GROUP.match(norm(t)):
                    tail = []           # a neutral group label (merged or not): what is under it names the column
                    continue
                tail.append(t)
            head = norm(" ".join(parts)) if parts else ""
            flat.append(head)
            tails.append(head if tail == parts else norm(" ".join(tail)) if tail else "")
        return flat, tails

    def group_left(self, r: int, c: int) -> str:
        """An unmerged group label stands over the blank header cells to its right that have sub-labels below."""
        if (r, c) in self.merge_of or not self.g.text(r + 1, c):
            return ""
        for cc in range(c - 1, -1, -1):
            if (r, cc) in self.merge_of:
                return ""
            t = self.g.text(r, cc)
            if t:
                return t if self.g.text(r + 1, cc) else ""
        return ""

    @staticmethod
    def map_columns(kind: Kind, flat: list[str], tails: list[str] | None = None
                    ) -> tuple[dict[str, int], dict[str, str]]:
        cols: dict[str, int] = {}
        heads: dict[str, str] = {}
        # a column with an empty header (`^$`: the Input/Output column of io_detail) is taken only right
        # next to the header's left edge, and after every named column (a "Jenis" header wins)
        order = [c for c, h in enumerate(flat) if h] + [c for c, h in enumerate(flat[:-1]) if not h and flat[c + 1]]
        for c in order:
            h = flat[c]
            if tails and tails[c] and tails[c] != h and not any(spec.rx.search(h) for spec in kind.cols):
                h = tails[c]
            for spec in kind.cols:
                m = spec.rx.search(h)
                if not m:
                    continue
                key = m.groupdict().get("key")
                canon = f"{spec.name}@{key}" if key else spec.name
                if spec.multi and canon in cols:
                    n = 2
                    while f"{canon}@{n}" in cols:
                        n += 1
                    canon = f"{canon}@{n}"
                if canon not in cols:
                    cols[canon] = c
                    heads[canon] = h
                break
        return cols, heads

    @staticmethod
    def best_kind(flat: list[str], tails: list[str] | None = None
                  ) -> tuple[Kind, dict[str, int], dict[str, str]] | None:
        found = _best_kind(tuple(flat), None if tails is None else tuple(tails))
        if found is None:
            return None
        kind, cols, heads = found
        return kind, dict(cols), dict(heads)    # the memoised ones stay untouched

    # -- body ------------------------------------------------------------------------------
    def is_footer(self, r: int) -> bool:
        cells = self.nonempty(r)
        if not cells:
            return False
        first = self.g.text(r, cells[0])
        if _FOOTER.match(first):
            return True
        # "CAMAT KALISAT" under a table signs it; "Camat | 1 | 1" in an SDM table is a data row
        return bool(_SIGNATURE.match(first)) and not any(parse_cell(self.g.get(r, c)) for c in cells[1:])

    def colnum_row(self, r: int) -> bool:
        cells = self.nonempty(r)
        if len(cells) < 2 or not _COLNUM.match(self.g.text(r, cells[0])):
            return False
        texts = [self.g.text(r, c) for c in cells]
        return all(_COLNUM.match(t) for t in texts) and not all(_YEAR.match(t) for t in texts)

    def detect(self) -> tuple[list[Table], list[Unrecognised]]:
        g = self.g
        tables: list[Table] = []
        notes: list[Unrecognised] = []
        r = 0
        prev_end = -1
        pending: list[tuple[int, int, list[str]]] = []
        while r < g.nrows:
            if _header_row(g, r):
                r1 = self.header_block(r)
                flat, tails = self.header_texts(r, r1)
                found = self.best_kind(flat, tails)
                if found is None:
                    pending.append((r, r1, flat))      # a generic table, when numbers stand under it
                    notes.append(Unrecognised(g.sheet, "header words of no known table kind: "
                                              + " | ".join(h for h in flat if h)[:160],
                                              f"{g.addr(r, 0)}"))
                    r = r1 + 1
                    continue
                kind, cols, heads = found
                t = Table(grid=g, kind=kind.name, header=(r, r1), end=r1, columns=cols, headers=heads)
                t.unmapped = [h for c, h in enumerate(flat) if h and c not in cols.values()]
                above = [g.text(rr, c) for rr in range(prev_end + 1, r) for c in self.nonempty(rr)]
                t.context = ((g.preamble if prev_end < 0 else []) + above)[-6:]
                self.body(t, kind, flat)
                t.caption = self.caption(t)
                tables.append(t)
                prev_end = t.end
                r = t.end + 1
                continue
            r += 1
        if pending:   # headers of no known kind: generic tables (tables.generic), after the known ones
            from .generic import build
            tables += build(self, pending, tables)
        return tables, notes

    def caption(self, t: Table) -> str | None:
        for line in reversed(t.context):
            m = _CAPTION.search(line)
            if m:
                return f"Tabel {m.group(2)}"
        if t.grid.caption:
            return t.grid.caption
        m = _CAPTION.search(t.grid.sheet)
        return f"Tabel {m.group(2)}" if m else None

    def body(self, t: Table, kind: Kind, flat: list[str]) -> None:
        g = self.g
        r = t.header[1] + 1
        if r < g.nrows and self.colnum_row(r):
            t.numbering_row = r
            for canon, c in t.columns.items():
                txt = g.text(r, c)
                if re.search(r"[/+*x=%]", txt.replace("(", "").replace(")", "")):
                    t.column_hints[canon] = txt
            r += 1
        header_sig = [h for h in flat]
        numeric = {canon for canon in t.columns if kind.spec(canon).numeric}
        num_cols = [t.columns[n] for n in numeric]
        groups = [canon for canon in t.columns if kind.spec(canon).group]
        plan = self.plan(t, numeric)
        carry: dict[str, CellRef] = {}
        section: str | None = None
        last = t.header[1]
        blank_run = 0
        plain_line = self.plain_line_reader(t, kind, plan, groups)
        while r < g.nrows:
            if plain_line is not None and t.rows:
                row = plain_line(r)
                if row is not None:
                    row.section = section
                    t.rows.append(row)
                    last = r
                    r += 1
                    continue
            cells = self.nonempty(r)
            if not cells:
                blank_run += 1
                if blank_run >= 2 or kind.flat:
                    break
                r += 1
                continue
            if self.is_footer(r):
                t.footer.append(g.text(r, cells[0]))
                break
            # a row with a number in a numeric column is data: checked first, it spares the header test
            if not self.has_number(r, num_cols) and _header_row(g, r):
                rr1 = self.header_block(r)
                if self.flatten(r, rr1) == header_sig:   # header repeated after a page break
                    r = rr1 + 1
                    if r < g.nrows and self.colnum_row(r):
                        r += 1
                    continue
                break
            if blank_run and len(cells) == 1 and not numeric & {k for k, c in t.columns.items() if c in cells}:
                break   # a title line after a gap starts something else
            if not t.rows and self.colnum_row(r):
                r += 1
                continue
            blank_run = 0
            row = self.make_row(t, kind, r, numeric, groups, carry, plan)
            if row is not None:
                if row.type == "section":
                    section = row.label
                row.section = section if row.type != "section" else None
                t.rows.append(row)
                last = r
            self._nonempty.pop(r, None)   # a body row is not asked again: the memo would hold every row
            r += 1
        t.end = last
        if not kind.flat:
            _realign_totals(t, kind, numeric)
        if kind.hierarchy:
            from .codetree import link_by_code
            if not link_by_code(t):
                link_hierarchy(t)
        from . import conventions
        conventions.apply(t)

    def has_number(self, r: int, cols: list[int]) -> bool:
        """A number stands in one of the grid columns `cols` of body row r (an int always parses:
        parse_cell(int) is a Num)."""
        row = self.g.values[r]
        for c in cols:
            v = row[c]
            if v is not None and (type(v) is int or parse_cell(v) is not None):
                return True
        return False

    def plain_line_reader(self, t: Table, kind: Kind, plan: Plan, groups: list[str]):
        """For a flat export: a function that turns a plain line of it into a LazyRow, or returns None
        for any line the general loop must judge. A plain line is what the loop would call a data row
        without looking further: its first cell is filled and no footer or signature, a numeric column
        holds a whole number, its label is filled and no total word. Such a line needs none of the
        loop's tests, and its cells can wait (tables.cells). None when the table has merged cells,
        formulas without values, carried group columns or level columns (their rows need the loop)."""
        g = self.g
        if not kind.flat or g.merged or g.uncached or groups or kind.level_cols or g.ncols == 0:
            return None
        cols = t.columns
        labels = [cols[lc] for lc in kind.label_cols if lc in cols]
        if any(kind.spec(lc).numeric for lc in kind.label_cols if lc in cols):
            return None
        nums = [c for canon, c, is_num, _ in plan if is_num]
        no_c, kode_c = cols.get("no"), cols.get("kode")
        source = t.source = FlatSource(g, plan, self.int_nums)
        values, formats = g.values, g.formats
        total_rx = kind.total_rx
        plain_first: dict[Any, bool] = {}   # first cell -> neither footer nor signature (exports repeat it)
        plain_label: dict[str, bool] = {}   # label -> no total word

        def read(r: int) -> Row | None:
            vals = values[r]
            v0 = vals[0]
            if v0 is None or v0 == "":
                return None
            ok = plain_first.get(v0)
            if ok is None:
                first = v0.strip() if isinstance(v0, str) else str(v0)
                ok = plain_first[v0] = not (_FOOTER.match(first) or _SIGNATURE.match(first))
            if not ok:
                return None
            for c in nums:
                v = vals[c]
                if type(v) is int and (not formats or (fmt := formats.get((r, c))) is None
                                       or parse_cell(v, fmt) is not None):
                    break
            else:
                return None
            label = ""
            for c in labels:
                label = cell_text(vals[c]) or ""
                if label:
                    break
            if not label:
                return None
            ok = plain_label.get(label)
            if ok is None:
                ok = plain_label[label] = not total_rx.match(label.strip().lower())
            if not ok:
                return None
            row = LazyRow(r, label, source)
            row.numbering, row.code, row.level, row.ordinal, row.name = _describe(
                None if no_c is None else cell_text(vals[no_c]), None if kode_c is None else cell_text(vals[kode_c]),
                label)
            return row
        return read

    def plan(self, t: Table, numeric: set[str]) -> Plan:
        """(canonical column, grid column, numeric?, column letters) for each mapped column, once per table."""
        g = self.g
        return [(canon, c, canon in numeric, get_column_letter(c + g.col0)) for canon, c in t.columns.items()]

    def make_row(self, t: Table, kind: Kind, r: int, numeric: set[str], groups: list[str],
                 carry: dict[str, CellRef], plan: Plan) -> Row | None:
        g = self.g
        row_cells = make_cells(g, r, plan, self.merge_of, t.header[1], self.int_nums)
        for canon in groups:
            if canon in row_cells and row_cells[canon].text:
                if canon not in numeric:
                    carry[canon] = row_cells[canon]
            elif canon in carry and canon not in numeric:
                row_cells[canon] = carry[canon]
        label = ""
        for lc in kind.label_cols:
            if lc in row_cells and row_cells[lc].text and not (lc in groups and row_cells[lc] is carry.get(lc)
                                                              and len(kind.label_cols) > 1):
                label = row_cells[lc].text
                break
        texts = None                     # the row's texts, only when needed (big exports: most rows have a label)
        if not label:
            texts = [g.text(r, c) for c in self.nonempty(r)]
            label = next((x for x in texts if parse_text(x) is None), "")
        has_number = any(row_cells[n].num is not None for n in numeric if n in row_cells)
        total_re = kind.total_rx
        if total_re.match(label.strip().lower()) or (not label and any(total_re.match(x.lower()) for x in texts)):
            rtype = "total"
        elif not has_number and _is_section(self, t, r, label,
                                            texts if texts is not None else [g.text(r, c) for c in self.nonempty(r)]):
            rtype = "section"
        else:
            rtype = "data"
        row = Row(r=r, type=rtype, label=label, cells=row_cells)
        describe(row, row_cells, label)
        for col, level in kind.level_cols:
            cell = row_cells.get(col)
            if cell is not None and cell.text and cell is not carry.get(col) and rtype != "total":
                row.level = level
                break
        else:
            if kind.level_cols and row.level is None and rtype == "data":
                row.level = "kegiatan"   # a named row outside the level columns: program rows say so
        return row


@functools.lru_cache(maxsize=1 << 14)
def _best_kind(flat: tuple, tails: tuple | None):
    """The kind whose columns a header matches best, with its column mapping; memoised: a pure function
    of the flattened header texts (the kinds' patterns are constants), and a batch meets the same
    headers in every folder. One lookup per header instead of one per kind per header."""
    best = None
    flat_l, tails_l = list(flat), None if tails is None else list(tails)
    for kind in KINDS:
        cols, heads = Detector.map_columns(kind, flat_l, tails_l)
        present = {k.split("@")[0] for k in cols}
        if not all(s.name in present for s in kind.cols if s.required):
            continue
        nreq = sum(1 for s in kind.cols if s.required)
        if len(present) - nreq < kind.min_score:
            continue
        score = (len(present), nreq)
        if best is None or score > best[0]:
            best = (score, kind, cols, heads)
    return None if best is None else best[1:]


def _realign_totals(t: Table, kind: Kind, numeric: set[str]) -> None:
    """A total typed one column short: "Jumlah | 112 | 128 |" where 128 belongs to the numeric column on
    its right, left empty on that row, and stands in a column of texts (Kondisi: "Baik") that holds no
    number on any data row. The number is read as the numeric column's, at the cell where it stands."""
    totals = [row for row in t.rows if row.type == "total"]
    if not totals:
        return
    by_index = {c: canon for canon, c in t.columns.items()}
    labels = set(kind.label_cols) | {"no", "kode"}
    for row in totals:
        for canon in numeric:
            c = t.columns[canon]
            here = row.cells.get(canon)
            if here is not None and (here.num is not None or here.text):
                continue
            left = by_index.get(c - 1)
            if left is None or left in numeric or left in labels:
                continue
            cell = row.cells.get(left)
            num = parse_cell(cell.raw) if cell is not None and cell.text else None
            if num is None or any(parse_cell(r.cells[left].raw) is not None for r in t.rows
                                  if r.type == "data" and left in r.cells and r.cells[left].text):
                continue
            row.cells[canon] = CellRef(cell.r, cell.c, cell.addr, cell.raw, cell.text, num)
            del row.cells[left]


def _is_section(det: Detector, t: Table, r: int, label: str, texts: list[str]) -> bool:
    if len(texts) != 1:
        return False
    rng = det.merge_of.get((r, det.nonempty(r)[0]))
    if rng and rng[3] - rng[1] >= 1:
        return True
    lvl, _, _ = codes.label_level(label)
    if lvl in ("program", "kegiatan", "sub_kegiatan"):
        return False
    return bool(_SECTION.match(label)) or t.kind in ("sdm",)


_NUMPREFIX = re.compile(r"^\s*(\d+(\.\d+)*\.?|[a-z]\)|[a-z]\.|\(\d+\))\s+", re.I)


def describe(row: Row, cells: dict[str, CellRef], label: str) -> None:
    """Level, ordinal, numbering, code and clean name of a row, from what its cells say."""
    no = cells.get("no")
    kode = cells.get("kode")
    row.numbering, row.code, row.level, row.ordinal, row.name = _describe(
        None if no is None else no.text, None if kode is None else kode.text, label)


@functools.lru_cache(maxsize=1 << 14)
def _describe(no: str | None, kode: str | None, label: str) -> tuple:
    """describe()'s work, memoised: a pure function of three texts that big exports repeat on every row."""
    numbering = None
    if no is not None:
        numbering = no.rstrip(".") or None
    code = None
    if kode is not None:
        code = codes.normalise_program_code(kode)
    text = label
    m = _NUMPREFIX.match(text)
    if m and not codes.split_code_label(text)[0]:
        numbering = numbering or m.group(1).rstrip(".")
        text = text[m.end():]
    c2, rest = codes.split_code_label(text)
    if c2:
        code = code or c2
        text = rest
    level, ordinal, rest = codes.label_level(text)
    if code and not level:
        level = codes.code_level(code)
    return numbering, code, level, ordinal, (rest.strip(" :.-\"'") if rest else text.strip(" :.-\"'"))


LEVEL_RANK = {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}


def link_hierarchy(t: Table) -> None:
    """Parent of each program/kegiatan/sub kegiatan row: the nearest row above at a higher level.

    Numbering is used when no level word is given: the No column's own scheme decides ("1" program,
    "1.1" kegiatan; or "A" program, "I" kegiatan, "1.1" sub kegiatan - tables.conventions)."""
    from .conventions import numbering_depths
    depths = numbering_depths([r.numbering for r in t.rows if r.numbering and r.type == "data"])
    stack: list[int] = []
    for i, row in enumerate(t.rows):
        if row.level is None and row.numbering and row.type == "data":
            n = depths.get(row.numbering)
            row.level = {1: "program", 2: "kegiatan", 3: "sub_kegiatan"}.get(n or 0)
        rank = LEVEL_RANK.get(row.level or "")
        if row.type != "data" or rank is None:
            if row.type in ("section", "total"):
                stack = []
            continue
        while stack and LEVEL_RANK[t.rows[stack[-1]].level] >= rank:
            stack.pop()
        row.parent = stack[-1] if stack else None
        if row.parent is not None and _codes_disagree(t.rows[row.parent].code, row.code):
            t.listed_under[i] = row.parent   # the listing says so (checks.nomenclature reports it) …
            row.parent = None       # … but both rows state codes, and the codes say they are not parent and child
        stack.append(i)


def _codes_disagree(parent: str | None, child: str | None) -> bool:
    if not parent or not child:
        return False
    up = codes.parent_code(child)
    while up is not None:
        if up == parent:
            return False
        up = codes.parent_code(up)
    return codes.code_level(parent) is not None and codes.code_level(child) is not None


def forget_rows() -> None:
    """Drop the memos keyed by cell texts (called when a folder's audit ends). Kept across folders,
    their entries - texts read from one big export after another - pin pieces of the memory each export
    used, and a batch worker's memory crept up by tens of MB per big folder; the header memo
    (_best_kind), keyed by header rows, is what pays off across folders and stays. The number parse
    (keyed by a cell's text) and formula tokens (by a formula's text) go too: kept, they would also make a
    batch of identical folders - the benchmark's - look faster than a real kabupaten's."""
    _is_headerish.cache_clear()
    _describe.cache_clear()
    from ..numbers import _parse_full
    from .formula_refs import _tokens
    _parse_full.cache_clear()
    _tokens.cache_clear()


def detect_tables(grid: Grid) -> tuple[list[Table], list[Unrecognised]]:
    if grid.nrows == 0:
        return [], [Unrecognised(grid.sheet, "empty")]
    tables, notes = Detector(grid).detect()
    if not tables and not notes:
        notes.append(Unrecognised(grid.sheet, "no table header found (no row with column-header words)"))
    return tables, notes


__all__ = ["detect_tables", "norm", "BY_NAME"]
