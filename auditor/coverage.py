"""Which numeric cells took part in a check: the ledger every check writes to.

A check marks the cells it compared (the stated value and every input it was computed from) with
`Context.mark`, whether the comparison passed or failed. Coverage is then "numeric cells read" vs
"numeric cells marked" per file: the honest answer to "what did 'no findings' cover?". A cell marked
here must be one whose change the check would notice (tests/test_mutation.py holds the checks to it).

The lines of a flat export feed sums (facts.py `_sipd_sums`): a sum that was compared marks its lines
in bulk (`mark_rows`: a column's row numbers, not 100,000 address strings), and remembers the cell that
stands for the sum in findings (`anchor`), so a finding about the sum counts as pointing at its lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

_ADDR = re.compile(r"([A-Z]+)([0-9]+)$")


class Ledger:
    """(path, sheet, A1 address) of every cell some check compared."""
    __slots__ = ("sheets", "rows", "anchors")

    def __init__(self) -> None:
        # (path, sheet) -> the A1 addresses marked one by one: coverage asks sheet by sheet
        self.sheets: dict[tuple[str, str | None], set[str]] = {}
        # (path, sheet, column letters) -> A1 row numbers marked in bulk
        self.rows: dict[tuple[str, str | None, str], set[int]] = {}
        # aggregates that were compared: (path, sheet, anchor address, column letters, row numbers)
        self.anchors: dict[tuple, tuple] = {}

    @property
    def cells(self) -> set[tuple[str, str | None, str]]:
        """Every cell marked one by one, as (path, sheet, address)."""
        return {(p, s, a) for (p, s), addrs in self.sheets.items() for a in addrs}

    def mark(self, path: str, sheet: str | None, addrs: Iterable[str | None]) -> None:
        got = self.sheets.get((path, sheet))
        if got is None:
            got = self.sheets[(path, sheet)] = set()
        got.update(filter(None, addrs))           # None (and "") is no cell

    def mark_rows(self, path: str, sheet: str | None, letters: Iterable[str], rows, anchor: str | None = None) -> None:
        """Every row number of `rows` in each column of `letters` (an aggregate's lines). `rows` is kept
        by reference when it is the first for its column (no copy of a 100,000-line list)."""
        letters = tuple(letters)
        for col in letters:
            have = self.rows.get((path, sheet, col))
            if have is None:
                self.rows[(path, sheet, col)] = set(rows)
            else:
                have.update(rows)
        if anchor:
            self.anchors.setdefault((path, sheet, anchor, letters), (path, sheet, anchor, letters, rows))

    def covered(self, path: str, sheet: str | None, addr: str) -> bool:
        if addr in self.sheets.get((path, sheet), ()):
            return True
        if not self.rows:
            return False
        m = _ADDR.match(addr)
        got = self.rows.get((path, sheet, m.group(1))) if m else None
        return bool(got) and int(m.group(2)) in got

    def count_covered(self, path: str, sheet: str | None, addrs: set[str]) -> int:
        """How many of a sheet's `addrs` are covered (as `covered` says of each)."""
        marked = self.sheets.get((path, sheet), set())
        n = len(addrs & marked)
        bulk = {letters: rows for (p, s, letters), rows in self.rows.items() if p == path and s == sheet}
        if bulk:
            for a in addrs - marked:
                m = _ADDR.match(a)
                got = bulk.get(m.group(1)) if m else None
                if got and int(m.group(2)) in got:
                    n += 1
        return n

    def stands_for(self, path: str, sheet: str | None, addr: str) -> list[str]:
        """The anchor cells of the compared aggregates `addr` feeds (a finding naming one of them is
        about this cell too). For tests and `inspect`: a linear scan."""
        m = _ADDR.match(addr)
        if not m:
            return []
        col, row = m.group(1), int(m.group(2))
        return [a for p, s, a, letters, rows in self.anchors.values()
                if p == path and s == sheet and col in letters and row in rows]

    def marked_rows(self, path: str, sheet: str | None) -> dict[str, set[int]]:
        """The cells marked one by one in a sheet, as column letters -> row numbers."""
        digits: dict[str, list[str]] = {}
        for m in map(_ADDR.match, self.sheets.get((path, sheet), ())):
            if m:
                letters, row = m.groups()
                digits.setdefault(letters, []).append(row)
        return {letters: set(map(int, rows)) for letters, rows in digits.items()}    # int() in one C loop

    def of_file(self, path: str) -> set[tuple[str | None, str]]:
        return {(s, a) for (p, s), addrs in self.sheets.items() if p == path for a in addrs}


# -- what was not audited ---------------------------------------------------------------------------
@dataclass
class NotAudited:
    """One part of the input that no check looked at, why, and what the user can do about it.

    Readers and detection append these to `FileResult.not_audited` (a sheet of no known shape, a
    scanned PDF page, …); `file_coverage` adds the ones only the finished run knows (a table with no
    data rows, numbers no check took part in). `reason` is a stable code (REASONS); an `IN` rule of the
    `coverage` check kind reports the items whose reason it lists (rules/input.yaml)."""
    what: str                         # file | sheet | table | page
    reason: str                       # REASONS key
    sheet: str | None = None          # sheet name, "table N" of a Word document
    where: str | None = None          # a cell or range ("A3:F40"), a page number
    detail: str = ""                  # header words, the reader's message, the table's caption
    numbers: int = 0                  # numbers it holds (0: none, or not known)
    caption: str | None = None        # the table's caption ("Tabel 3.5"), where it has one

    def to_dict(self, lang: str = "id") -> dict:
        words = REASONS.get(self.reason, REASONS["other"])
        en = lang == "en"
        return {"what": self.what, "sheet": self.sheet, "where": self.where, "reason": self.reason,
                "detail": self.detail, "numbers": self.numbers, "caption": self.caption,
                "why": words[1 if en else 0], "action": words[3 if en else 2]}


# reason -> (why id, why en, what the user can do id, en)
REASONS = {
    "unrecognised": (
        "bentuk tabel tidak dikenali", "no known table shape",
        "periksa judul kolomnya (lkip-audit inspect menunjukkan yang terbaca); gunakan format tabel LKIP atau ekspor "
        "SIPD standar, atau periksa angkanya secara manual",
        "check its column headers (lkip-audit inspect shows what was read); use the LKIP table layout or the "
        "standard SIPD export, or check its numbers by hand"),
    "no_rows": (
        "judul tabel dikenali tetapi tidak ada baris data yang terbaca", "header recognised but no data row read",
        "periksa baris di bawah judul (baris kosong, sel gabungan, judul bertingkat yang tidak lazim) dan simpan "
        "ulang tabelnya dengan satu baris per entri",
        "check the rows below the header (blank rows, merged cells, an unusual multi-row header) and save the "
        "table with one row per entry"),
    "no_check": (
        "angkanya tidak ikut satu pemeriksaan pun", "none of its numbers took part in a check",
        "tidak ada aturan yang menghubungkan angka ini dengan angka lain (baris Jumlah, rasio, dokumen lain); "
        "periksa secara manual, atau lengkapi baris Jumlah / dokumen sumbernya",
        "no rule ties these numbers to others (a total row, a ratio, another document); check them by hand, or "
        "add the total row / the source document"),
    "skipped": (
        "berkas dilewati", "file skipped",
        "simpan sebagai .xlsx atau .docx (Excel/Word: Simpan Sebagai) lalu periksa lagi",
        "save it as .xlsx or .docx (Excel/Word: Save As) and run the check again"),
    "unreadable": (
        "berkas tidak dapat dibaca", "file cannot be read",
        "buka dan simpan ulang berkasnya, atau minta salinan yang utuh",
        "open and save the file again, or ask for an intact copy"),
    "scanned_page": (
        "halaman hasil pindaian (gambar, tanpa teks)", "scanned page (an image, no text)",
        "minta berkas aslinya (Word/Excel atau PDF dengan teks), atau periksa halaman ini secara manual",
        "ask for the original file (Word/Excel or a PDF with text), or check this page by hand"),
    "unruled_table": (
        "tabel tanpa garis: angkanya terbaca sebagai teks, bukan sebagai tabel", "a table without ruling lines: its "
        "numbers were read as text, not as a table",
        "minta berkas Word/Excel-nya, atau PDF yang tabelnya bergaris; atau periksa angka ini secara manual",
        "ask for the Word/Excel file, or a PDF whose tables have ruling lines; or check these numbers by hand"),
    "damaged_page": (
        "halaman rusak, tidak dapat dibuka", "damaged page, cannot be opened",
        "minta salinan PDF yang utuh, atau periksa halaman ini secara manual",
        "ask for an intact copy of the PDF, or check this page by hand"),
    "other": (
        "tidak diaudit", "not audited", "periksa bagian ini secara manual", "check this part by hand"),
}
# formats whose grids are sheets (the others' grids are the tables of a document)
SHEETS = ("xlsx", "xlsm", "xls", "ods", "csv")
# skip reasons (readers/discover) that are not documents left out: Office lock files, hidden files,
# the second name of a file already read
NOT_DOCUMENTS = ("lock_file", "hidden", "duplicate")


def not_audited_pages(doc) -> list[NotAudited]:
    """A PDF's pages that were not read: scanned (an image only) and damaged ones, and the numbers of a
    table without ruling lines (read as text only). The PDF reader's own rules report them (IN020, IN022,
    IN023); coverage lists them with the file."""
    return ([NotAudited("page", "scanned_page", where=str(p)) for p in getattr(doc, "scanned", ())]
            + [NotAudited("page", "damaged_page", where=str(p)) for p in getattr(doc, "damaged", ())]
            + [NotAudited("page", "unruled_table", where=str(p), numbers=n) for p, n in getattr(doc, "unruled", ())])


def count_numbers(g) -> int:
    """Numbers a grid holds (cells read as a number), for a sheet no table was found in. A column that
    only numbers its rows (1, 2, 3 …: a "No" column; 1.1, 1.2, 2.1 …) holds no number to audit."""
    from .numbers import is_numbering, parse_cell
    per_col: dict[int, list] = {}
    raw: dict[int, list] = {}
    for line in g.values:
        for c, v in enumerate(line):
            t = type(v)
            if t is int or t is float:
                per_col.setdefault(c, []).append(v)
                raw.setdefault(c, []).append(v)
            elif t is str and len(v) < 40 and any(ch.isdigit() for ch in v):
                n = parse_cell(v)
                if n is not None:
                    per_col.setdefault(c, []).append(n.value)
                    raw.setdefault(c, []).append(v)
    return sum(len(vals) for c, vals in per_col.items() if not _ordinals(vals) and not is_numbering(raw[c]))


def _ordinals(vals: list) -> bool:
    """1, 2, 3 … (each one more than the one before, from 1): a row-numbering column."""
    return all(v == i for i, v in enumerate(vals, 1))


def not_audited_of_grid(g, tables, notes) -> list[NotAudited]:
    """The parts of one sheet (or Word table) that detection left out: unrecognised header blocks,
    and a sheet with no table at all (with the numbers it holds)."""
    out = []
    for u in notes:
        if u.reason == "empty":
            continue
        detail = u.reason
        # a Word document's "sheet" is one of its tables
        out.append(NotAudited("sheet" if not tables and g.source == "sheet" else "table", "unrecognised", sheet=u.sheet,
                              where=u.rows or None, detail=detail,
                              numbers=count_numbers(g) if not tables else 0))
    return out


# -- coverage of a run ------------------------------------------------------------------------------
def table_numbers(t, ledger: Ledger) -> tuple[int, int, set]:
    """(numeric cells read, of them compared by some check, their addresses (in t.sheet) for a table
    made cell by cell). A flat export is counted column-wise from its grid, without making its lines'
    cells or Entries (a 100,000-line export: tens of milliseconds)."""
    if t.source is not None:
        return _flat_numbers(t, ledger) + (set(),)
    seen = {cell.addr for row in t.rows for cell in row.cells.values() if cell.num is not None}
    return len(seen), ledger.count_covered(t.path, t.sheet, seen), seen


def _flat_numbers(t, ledger: Ledger) -> tuple[int, int]:
    from math import isfinite

    from .numbers import shows_date
    from .tables.cells import numeric_cell
    g = t.grid
    values, row0, fmts, unc = g.values, g.row0, g.formats, g.uncached
    width = len(values[0]) if values else 0
    rows_r = [row.r for row in t.rows]
    singles = ledger.marked_rows(t.path, t.sheet)
    dates: dict = {}                # number format -> shows a date (numbers.shows_date)
    read = checked = 0
    for canon, (c, is_num, letters) in t.source.where.items():
        if not is_num or not 0 <= c < width:
            continue
        marked = ledger.rows.get((t.path, t.sheet, letters)) or set()
        if letters in singles:
            marked = marked | singles[letters]
        special = bool(fmts or unc)
        for r in rows_r:
            v = values[r][c]
            if v is None:
                continue
            tv = type(v)
            if (tv is int or tv is float) and v == v and not (
                    special and ((key := (r, c)) in unc or (tv is float and not isfinite(v) and key in fmts))):
                # a number (the commonest line by far), which numeric_cell reads as one unless a format of
                # its own (an export formats every amount) is a date's - judged once per format, not per cell
                if special:
                    fmt = fmts.get(key)
                    if fmt is not None and (dates[fmt] if fmt in dates else dates.setdefault(fmt, shows_date(fmt))):
                        continue
            elif numeric_cell(v, r, c, unc, fmts, {})[1] is None:
                continue
            read += 1
            if marked and (r + row0) in marked:
                checked += 1
    return read, checked


def file_coverage(f, ledger: Ledger) -> dict:
    """One file's coverage: its tables (rows, numbers read, numbers checked), the totals, and what was
    not audited (`NotAudited` items: the readers' own, then those only the finished run knows)."""
    tables = []
    per_sheet: dict = {}
    seen_file: dict = {}            # sheet -> the addresses of the tables before
    read = checked = 0
    for t in f.tables:
        n, c, seen = table_numbers(t, ledger)
        if seen:                    # a cell two tables share (a docx table read twice) counts once
            before = seen_file.setdefault(t.sheet, set())
            fresh = seen - before
            before |= seen
            if len(fresh) != len(seen):
                c = ledger.count_covered(t.path, t.sheet, fresh)
                n = len(fresh)
        read += n
        checked += c
        rows = sum(1 for r in t.rows if r.type == "data")
        tables.append({"sheet": t.sheet, "kind": t.kind, "caption": t.caption, "range": t.range, "rows": rows,
                       "numbers": n, "checked": c})
        s = per_sheet.setdefault(t.sheet, [0, 0, []])
        s[0] += n
        s[1] += c
        s[2].append(tables[-1])
    items = list(getattr(f, "not_audited", []))
    if f.error:
        items.append(NotAudited("file", "unreadable", detail=f.error))
    for tab in tables:
        if tab["rows"] == 0:
            items.append(NotAudited("table", "no_rows", sheet=tab["sheet"], where=tab["range"],
                                    detail=_name(tab, False), caption=tab["caption"]))
    if read and not checked:
        # located at the first table holding numbers: somewhere to look (the detail lists them all)
        held = [x for x in tables if x["numbers"]]
        items.append(NotAudited("file", "no_check", sheet=held[0]["sheet"], where=held[0]["range"], numbers=read,
                                caption=held[0]["caption"], detail=", ".join(_name(x, len(held) > 1) for x in held)))
    else:
        for sheet, (n, c, tabs) in per_sheet.items():
            if n and not c:
                # a document's (Word, PDF) "sheet" is one of its tables
                items.append(NotAudited("sheet" if f.format in SHEETS else "table", "no_check", sheet=sheet, numbers=n,
                                        where=tabs[0]["range"] if len(tabs) == 1 else None,
                                        caption=tabs[0]["caption"] if len(tabs) == 1 else None,
                                        detail=", ".join(_name(x, len(tabs) > 1) for x in tabs if x["numbers"])))
                continue
            for x in tabs:
                if x["numbers"] and not x["checked"] and n:
                    items.append(NotAudited("table", "no_check", sheet=sheet, where=x["range"], numbers=x["numbers"],
                                            detail=_name(x, False), caption=x["caption"]))
    return {"tables": tables, "numbers": read, "checked": checked, "not_audited": items}


def _name(tab: dict, where: bool = True) -> str:
    """A table in a few words; its range only when several are listed (a finding's location has it)."""
    inner = ", ".join(x for x in (tab["kind"] if tab["caption"] else "", tab["range"] if where else "") if x)
    return f"{tab['caption'] or tab['kind']}" + (f" ({inner})" if inner else "")


def skipped_items(skipped: list[dict]) -> list[NotAudited]:
    """The files discovery did not read, as not-audited items (lock files, hidden files and second
    names of a file already read are listed with their reason but are no document left out)."""
    return [NotAudited("file", "skipped", detail=s.get("message") or s.get("reason", ""))
            for s in skipped]


def percent(checked: int, numbers: int) -> float | None:
    return round(100 * checked / numbers, 1) if numbers else None


def coverage_dict(cov: dict, lang: str) -> dict:
    """The JSON form of `file_coverage`'s result (report dict `files[].coverage`)."""
    return {"tables": len(cov["tables"]), "rows": sum(t["rows"] for t in cov["tables"]),
            "numbers": cov["numbers"], "checked": cov["checked"], "percent": percent(cov["checked"], cov["numbers"]),
            "by_table": cov["tables"], "not_audited": [x.to_dict(lang) for x in cov["not_audited"]]}


def summary_dict(per_file: list[dict], skipped: list[dict], lang: str) -> dict:
    """The run's coverage (report dict `summary.coverage`), from the files' `coverage_dict`s."""
    numbers = sum(c["numbers"] for c in per_file)
    checked = sum(c["checked"] for c in per_file)
    skipped_docs = [s for s in skipped if s.get("reason") not in NOT_DOCUMENTS]
    return {"files": len(per_file), "tables": sum(c["tables"] for c in per_file),
            "rows": sum(c["rows"] for c in per_file),
            "numbers": numbers, "checked": checked, "percent": percent(checked, numbers),
            "not_audited": sum(len(c["not_audited"]) for c in per_file) + len(skipped_docs),
            "skipped": len(skipped_docs),
            "skipped_files": [dict(path=s["path"], **NotAudited("file", "skipped", detail=s.get("message", ""))
                                   .to_dict(lang)) for s in skipped_docs]}
