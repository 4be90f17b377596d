"""`document_refs`: what a document states about its own structure agrees with itself.

Modes:
* `column_numbers`  – a column-number row (`(1) (2) (3) …`) counts without a jump: `(1) (2) (3) (6)` under a
                      header of five columns has lost two numbers (columns deleted, or the numbers copied
                      from another form), and a relation that cites them ("6 = 4 + 5") no longer means
                      what it says. A number repeated over the K / Rp halves of one column is no jump.
* `reference_numbers` – a document number stated twice in a document's heading lines ("NOMOR : 050/01.7/
                      424.101/2021" on the decree, "060/01.7/424.101/2021" on its Lampiran) in two forms
                      that differ in one character of one part: the same decree, typed two ways. Numbers
                      that differ more (another decree, another serial) are not compared.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Location, Related
from ..periods.years import MONTHS
from .base import Param, location, related

DOC = "A document's column numbering and its own reference numbers agree with themselves."
PARAMS = {"mode": Param(str, required=True, choices=("column_numbers", "reference_numbers", "item_codes",
                                                                "decimal_marks", "signing_dates", "list_names")),
          "threshold": Param((int, float), 80, doc="item_codes: similarity (0-100) under which two names differ")}

_COLNO = re.compile(r"^\(?\s*(\d{1,2})\s*\)?")
# a formal reference number: parts separated by "/", the last one a year (spaces a PDF put inside removed)
_REF = re.compile(r"\bnomor\s*:\s*([0-9A-Za-z][0-9A-Za-z.\-/ ]{6,60}?/\s*(?:19|20)\s*\d\s*\d)\b", re.I)
HEADING_MAX = 120            # a heading line, not running text: decrees cite other decrees in sentences


# a list item that starts with its code: "[1.3.1.1] Persentase …", "1.3.1.1 Persentase …" (3+ parts)
_ITEM = re.compile(r"^\s*\[?\s*(\d{1,3}(?:\.\d{1,4}){2,6})\s*\]?\s*[-:.]?\s+(\S.{3,200})$")


def run(rule, ctx):
    mode = rule.params["mode"]
    if mode == "column_numbers":
        yield from _column_numbers(rule, ctx)
    elif mode == "item_codes":
        yield from _item_codes(rule, ctx)
    elif mode == "decimal_marks":
        yield from _decimal_marks(rule, ctx)
    elif mode == "signing_dates":
        yield from _signing_dates(rule, ctx)
    elif mode == "list_names":
        yield from _list_names(rule, ctx)
    else:
        yield from _reference_numbers(rule, ctx)


_DOT_DECIMAL = re.compile(r"^-?\d{1,3}\.\d{1,2}\s*%?$")           # 83.2, 99.75 % (never a thousands group)
_COMMA_DECIMAL = re.compile(r"^-?\d{1,3}(?:\.\d{3})*,\d+\s*%?$")   # 3,43 ; 1.234,5


def _typed_rows(t):
    """The rows that may hold a typed number: all of them, but for a flat export only those with a text in
    a numeric column (read from the grid: the cells of its other lines are never made)."""
    if t.source is None:
        return t.rows
    values = t.grid.values
    cols = [c for _canon, c, is_num, _letters in t.source.plan if is_num]
    out = []
    for row in t.rows:              # plain loops: a generator per line cost more than the test
        line = values[row.r]
        for c in cols:
            if type(line[c]) is str:
                out.append(row)
                break
    return out


def _decimal_marks(rule, ctx):
    """A document's numbers typed with two decimal marks ("83.2" among "3,43" and "74,25"): judged once
    for the whole document from the texts people typed (a workbook's own numbers carry no mark); the
    cells of the minority mark are reported, in one finding. Read as written, "83.2" could be a
    mistyped 832 or 8,32 in the other convention: the reader cannot tell."""
    for f in ctx.files:
        dots, commas = [], []
        for t in f.tables:
            for row in _typed_rows(t):
                for cell in row.cells.values():
                    if cell.num is None or not isinstance(cell.raw, str):
                        continue
                    text = cell.text.strip()
                    # a comma: only _COMMA_DECIMAL can match; a dot and no comma: only _DOT_DECIMAL; neither: none
                    if "," in text:
                        if _COMMA_DECIMAL.match(text):
                            commas.append((t, cell))
                    elif "." in text and _DOT_DECIMAL.match(text):
                        dots.append((t, cell))
        if not dots or not commas:
            continue
        odd, usual = (dots, commas) if len(dots) < len(commas) else (commas, dots)
        if len(odd) * 3 > len(usual):
            continue                                 # no clear convention to break
        t, cell = odd[0]
        yield rule.emit(ctx, location(t, cell=cell), reported=cell.text, expected=None, reported_text=cell.text,
                        usual=usual[0][1].text, n=len(odd), m=len(usual),
                        related=[related(tt, c, "also_in") for tt, c in odd[1:]]
                        + [related(usual[0][0], usual[0][1], "other_source")])


_MONTHS = {m: i for i, m in enumerate(MONTHS, 1)}
_SIGNED = re.compile(r"\bpada\s+tanggal\s*:?\s*(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)
_SIGNED_KEYS = ("tanggal",)           # a word _SIGNED needs: a paragraph without it is not searched
WITHIN_DAYS = 7


def _signing_dates(rule, ctx):
    """The dates a document's signature blocks state ("Ditetapkan di … Pada tanggal : 4 Januari 2021")
    agree: when at least two say one date and one block says a date a few days off in the same month,
    that block's date is a slip (Pasuruan's Berita Acara: 4 Januari twice, then "2 Januari 2021").
    Dates further apart are other documents bound together, not compared."""
    from collections import Counter
    from datetime import date

    from ..text.keywords import may_match
    for f in ctx.files:
        stated = []
        for p in f.paragraphs:
            if len(p.text) > HEADING_MAX or not may_match(p.text, _SIGNED_KEYS):
                continue
            for m in _SIGNED.finditer(p.text):
                try:
                    d = date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
                except ValueError:
                    continue
                stated.append((d, m.group(0), p))
        if len(stated) < 3:
            continue
        counts = Counter(d for d, _, _ in stated)
        usual, n = counts.most_common(1)[0]
        if n < 2 or list(counts.values()).count(n) > 1:
            continue
        for d, text, p in stated:
            if d == usual or (d.year, d.month) != (usual.year, usual.month) or abs((d - usual).days) > WITHIN_DAYS:
                continue
            loc = Location(path=f.path, sheet=p.section_label, cell=None, quote=p.text[:200], row_label=text,
                           page=getattr(p, "page", None))
            others = [q for dd, _, q in stated if dd == usual]
            yield rule.emit(ctx, loc, reported=d.isoformat(), expected=usual.isoformat(), reported_text=text,
                            expected_value=usual.strftime("%d-%m-%Y"), n=n,
                            related=[Related(path=f.path, sheet=q.section_label, cell=None, value=usual.isoformat(),
                                             role="other_source", label=q.text[:120]) for q in others])


_LIST = re.compile(r"\b(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|\d{1,2})\s+"
                   r"(program|kegiatan|sub\s*kegiatan|sasaran|indikator|tujuan|rincian output)\s+"
                   r"(?:yaitu|adalah|antara\s+lain|meliputi)\s*:?\s+(.+?)(?:\.\s|\.$|$)", re.I)
# the words one of which _LIST needs (text.keywords: a paragraph without any is not searched)
_LIST_KEYS = ("yaitu", "adalah", "antara", "meliputi")
# … and, in the lower-cased text, what _LIST needs around it: an item word (the last word of "sub kegiatan",
# "rincian output") before the key. One in ten paragraphs has a key, almost none this; _LIST itself
# tries its number words at every position of a paragraph
_LIST_NEEDS = re.compile(r"(?:program|kegiatan|sasaran|indikator|tujuan|output)\s+(?:yaitu|adalah|antara|meliputi)")
_ITEM_SPLIT = re.compile(r"\s*(?:,|;|\bdan\b|\bserta\b)\s*", re.I)


def _list_names(rule, ctx):
    """A sentence that announces named items ("Terdapat dua program yaitu … dan …") where an item is a
    bare amount: the name was never filled in ("yaitu 1.848.706.000 dan program Dukman …")."""
    from ..numbers import parse_text
    from ..text.keywords import has_any, keyword_text
    for f in ctx.files:
        for p in f.paragraphs:
            low = keyword_text(p.text)          # None: a text keyword tests could miss on, searched whole
            if low is not None and not (has_any(low, _LIST_KEYS) and _LIST_NEEDS.search(low)):
                continue
            for m in _LIST.finditer(p.text):
                for item in _ITEM_SPLIT.split(m.group(2)):
                    item = item.strip()
                    num = parse_text(item) if item else None
                    if num is None or num.percent or abs(num.value) < 1000:
                        continue
                    loc = Location(path=f.path, sheet=p.section_label, cell=None, quote=p.text[:300],
                                   row_label=m.group(0)[:120], page=getattr(p, "page", None))
                    yield rule.emit(ctx, loc, reported=item, expected=None, reported_text=item,
                                    what=m.group(1).lower())
                    break


def _same_item(a: str, b: str, threshold, similarity) -> bool:
    """Two names of one item: what one says and the other does not is a typo or a spelling ("Pengingkatan"
    / "Peningkatan"), not other words (indicators of one family share most of their words: "Statistik
    Kesejahteraan Rakyat" and "Statistik Distribusi" are two)."""
    wa, wb = set(re.findall(r"[a-z0-9]+", a.lower())), set(re.findall(r"[a-z0-9]+", b.lower()))
    only_a, only_b = " ".join(sorted(wa - wb)), " ".join(sorted(wb - wa))
    if not only_a or not only_b:
        return not (only_a or only_b) or similarity(a, b) >= threshold
    return similarity(only_a, only_b) >= threshold


def _item_codes(rule, ctx):
    """One code labelling two different items of a document's lists ("[1.3.1.1] … Kesejahteraan Rakyat" and
    "[1.3.1.1] … Distribusi"): a copied code, so a target or realisasi filed under it may belong to the
    other. The same item written twice with small differences is not reported."""
    from ..entities import similarity
    for f in ctx.files:
        first: dict[str, tuple[str, object]] = {}
        for p in f.paragraphs:
            m = _ITEM.match(p.text)
            if not m:
                continue
            code, name = m.group(1), m.group(2).strip()
            if code not in first:
                first[code] = (name, p)
                continue
            name0, p0 = first[code]
            if _same_item(name0, name, rule.params["threshold"], similarity):
                continue
            loc = Location(path=f.path, sheet=p.section_label, cell=None, quote=p.text[:200], row_label=code,
                           page=getattr(p, "page", None))
            yield rule.emit(ctx, loc, reported=name, expected=None, reported_text=name, code=code, other=name0,
                            related=[Related(path=f.path, sheet=p0.section_label, cell=None, value=name0,
                                             role="other_source", label=p0.text[:120])])


def _column_numbers(rule, ctx):
    for t in ctx.all_tables():
        r = t.numbering_row
        if r is None or not t.columns:
            continue
        g = t.grid
        lo, hi = min(t.columns.values()), max(t.columns.values())
        seen: list[tuple[int, int]] = []           # (number, grid column)
        for c in range(lo, hi + 1):
            m = _COLNO.match(g.text(r, c))
            if m:
                seen.append((int(m.group(1)), c))
        if len(seen) < 3 or seen[0][0] != 1:
            continue                                # not a numbering of every column from the first
        for (a, _ca), (b, cb) in zip(seen, seen[1:]):
            if b == a or b == a + 1:
                continue
            want = a + 1
            yield rule.emit(ctx, replace(location(t), cell=g.addr(r, cb)), reported=b, expected=want, reported_text=f"({b})", expected_value=f"({want})",
                            previous=f"({a})", label=t.title)
            break                                   # one finding per row: the numbers after it follow it


def _parts(ref: str) -> list[str]:
    return [p for p in re.sub(r"\s+", "", ref).split("/")]


def _one_char_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _reference_numbers(rule, ctx):
    from ..text.keywords import may_match
    for f in ctx.files:
        found: list[tuple[list[str], object]] = []
        for p in f.paragraphs:
            if len(p.text) > HEADING_MAX or not may_match(p.text, ("nomor",)):     # a word _REF needs
                continue
            for m in _REF.finditer(p.text):
                found.append((_parts(m.group(1)), p))
        done = set()
        for i, (a, pa) in enumerate(found):
            for b, pb in found[i + 1:]:
                if len(a) != len(b) or a == b or len(a) < 3:
                    continue
                diff = [k for k in range(len(a)) if a[k] != b[k]]
                if len(diff) != 1 or not _one_char_apart(a[diff[0]], b[diff[0]]):
                    continue
                ra, rb = "/".join(a), "/".join(b)
                if (ra, rb) in done:
                    continue
                done.add((ra, rb))
                loc = Location(path=f.path, sheet=pb.section_label, cell=None, quote=pb.text[:200],
                               row_label=rb, page=getattr(pb, "page", None))
                yield rule.emit(ctx, loc, reported=rb, expected=ra, reported_text=rb, expected_value=ra,
                                related=[Related(path=f.path, sheet=pa.section_label, cell=None, value=ra,
                                                 role="other_source", label=pa.text[:120])])
