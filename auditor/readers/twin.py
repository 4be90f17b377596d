"""Is a PDF the rendering of a Word file in the same folder? (Then its numbers are audited once, there.)

A kecamatan's folder often holds the LKIP twice: the .docx it was written in and the PDF exported from
it for submission. Reading the PDF's tables again costs more than the rest of the folder and adds no
finding the .docx does not give (findings of both fold into one). So before a PDF with a .docx beside it
is read in full, its page text (one PDFium call a page) is compared with the Word file's body, and the PDF
is read in full unless the two say the same thing.

"The same" is judged unit by unit, in document order: a unit is a body paragraph, or a table row — rows
tied by a vertically merged cell form one unit, since a PDF places such a cell's text beside whichever
row it is centred on. Only letters and digits are compared (spaces, tabs, dot leaders and line breaks
differ between a .docx and its rendering; a word broken inside a narrow cell is still its letters). Each
unit's letters and digits must be the next ones of the PDF's text:

* exactly, in the same order, for a paragraph or a row that stands on one page with no merged cell;
* as the same multiset of characters otherwise (a row broken over two pages is rendered part by part,
  a merged cell's text where it is centred) — the one place a difference could hide is two numbers
  swapped inside one such row group, which is stated in the README.

What the PDF adds and the .docx does not hold is allowed in two places only: the first and last line
of a page when it is a page number or a line repeated on most pages (running header/footer), and a
table's header rows repeated at the top of a page the table continues on. Anything else — another
number, a word more or less, a scanned page, automatic list numbers the body text does not hold, a
footnote — and the PDF is read in full, as if no .docx were there.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .pdf import PAGE_NUMBER      # a page number alone on its line, as the PDF reader drops it

_NOT_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d+")

# the ASCII characters that are not letters or digits ([\W_] among ASCII), as bytes to delete
_ASCII_NOT_WORD = bytes(b for b in range(128) if not chr(b).isalnum())


def _chars(text: str) -> str:
    """The letters and digits of a text, in order (what is compared): _NOT_WORD.sub("", text), but the
    ASCII ones are dropped by one bytes.translate (UTF-8 keeps every non-ASCII character in bytes >= 0x80,
    which the deletion leaves alone), and the regex runs only on what is left when that is not ASCII."""
    kept = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_WORD).decode("utf-8", "surrogatepass")
    return kept if kept.isascii() else _NOT_WORD.sub("", kept)


@dataclass
class Unit:
    chars: str
    table: int | None          # the body table it is a row group of (index), None for a paragraph
    merged: bool = False       # rows tied by a vertically merged cell
    index: int = 0             # position among the units (for messages)


def word_units(items: list[tuple]) -> tuple[list[Unit], dict[int, list[str]]]:
    """The units of a Word body (`readers.document._walk_body`'s items) and, per table, the letters of its
    first rows (one, two, three: what a PDF may repeat at the top of a page)."""
    units: list[Unit] = []
    headers: dict[int, list[str]] = {}
    for n, item in enumerate(items):
        if item[0] == "p":
            c = _chars(item[2])
            if c:
                units.append(Unit(c, None))
            continue
        rows = item[1]
        row_chars = [_chars("".join([text for _span, _vm, text in row])) for row in rows]
        acc = ""
        heads = []
        for rc in row_chars[:3]:
            acc += rc
            if acc:
                heads.append(acc)
        headers[n] = sorted(set(heads), key=len, reverse=True)
        # rows tied by vertical merges: a chain from a "restart" cell through the "continue" cells under it
        tie = list(range(len(rows)))          # tie[r]: the first row of r's group
        open_at: dict[int, int] = {}          # grid column -> the row its merge started on
        for r, row in enumerate(rows):
            col = 0
            for span, vm, _text in row:
                if vm == "continue" and col in open_at:
                    start = open_at[col]
                    for k in range(start, r + 1):
                        tie[k] = min(tie[k], tie[start])
                elif vm == "restart":
                    open_at[col] = r
                else:
                    open_at.pop(col, None)
                col += span or 1
        # a group's rows are consecutive: join them
        groups: list[list[int]] = []
        for r in range(len(rows)):
            if groups and tie[r] <= groups[-1][-1]:
                groups[-1].append(r)
            else:
                groups.append([r])
        for g in groups:
            c = "".join(row_chars[r] for r in g)
            if c:
                units.append(Unit(c, n, merged=len(g) > 1))
    for i, u in enumerate(units):
        u.index = i
    return units, headers


def _edge_lines(text: str) -> tuple[str, str] | None:
    """A page's first and last non-blank lines (stripped; the same line when it has one), None when it has none."""
    lines = text.splitlines()
    for i, ln in enumerate(lines):
        first = ln.strip()
        if first:
            break
    else:
        return None
    j = len(lines) - 1
    while not lines[j].strip():           # stops at line i at the latest
        j -= 1
    return first, lines[j].strip()


def page_streams(pages: list[str]) -> list[str] | None:
    """The letters and digits of each page's text, its running header/footer lines and page numbers left
    out; None when a page has no text (a scan: the full read reports it)."""
    edges = [_edge_lines(t) for t in pages]
    if any(e is None for e in edges):
        return None
    edge: Counter = Counter()
    for first, last in edges:
        for ln in {first, last}:
            edge[_NUMBER.sub("#", ln)] += 1
    repeated = {t for t, n in edge.items() if n >= max(2, (len(pages) + 1) // 2)}

    def running(ln: str) -> bool:
        return bool(PAGE_NUMBER.match(ln)) or _NUMBER.sub("#", ln) in repeated

    out = []
    for text, (first, last) in zip(pages, edges):
        # the letters and digits of the page without its first and/or last line when they are running
        # lines: blank lines and line breaks hold none, so the page's are those of its lines in order,
        # and a line left out is a prefix or a suffix of them (a one-line page left out once is empty)
        chars = _chars(text)
        if running(first):
            chars = chars[len(_chars(first)):]
        if chars and running(last):
            chars = chars[:len(chars) - len(_chars(last))]
        out.append(chars)
    return out


def same_text(units: list[Unit], headers: dict[int, list[str]], pages: list[str]) -> str | None:
    """None when the PDF's pages (page_streams) say what the Word units say; else where they part, in
    a few words (for the log and the tests)."""
    p = 0                      # page
    o = 0                      # offset in it
    begun: set[int] = set()    # tables whose rows have begun
    for u in units:
        need = len(u.chars)
        got: list[str] = []
        crossed = False
        while need:
            if p >= len(pages):
                return f"unit {u.index}: the PDF ends first"
            if o >= len(pages[p]):
                p, o = p + 1, 0
                crossed = True
                # a table's header rows repeat on the pages it continues on, not above its first row
                if p < len(pages) and u.table is not None and (u.table in begun or got):
                    page = pages[p]
                    for h in headers.get(u.table, ()):
                        if page.startswith(h) and len(h) < len(page):
                            o = len(h)             # the table's header rows repeated on this page
                            break
                continue
            take = pages[p][o:o + need]
            got.append(take)
            o += len(take)
            need -= len(take)
        seg = "".join(got)
        if u.table is not None:
            begun.add(u.table)
        if seg == u.chars:
            continue
        if not (crossed or u.merged):
            return f"unit {u.index}: {u.chars[:40]!r} ≠ {seg[:40]!r}"
        if Counter(seg) != Counter(u.chars):
            return f"unit {u.index}: other characters ({u.chars[:80]!r} vs {seg[:80]!r}, page {p + 1})"
    # after the last unit: nothing but what was left out (the last page's running lines)
    if (p < len(pages) and pages[p][o:]) or any(pages[q] for q in range(p + 1, len(pages))):
        return "the PDF holds more text than the .docx"
    return None
