#!/usr/bin/env python3
"""Build samples/kalisat-2024/lkip-2024.docx from the seed text of the Kalisat LKIP 2024.

The seed (``../shared/seed/lkip-kecamatan-kalisat-2024.txt`` next to the repository) is the
text of a real LKIP, errors included.  This script only *lays it out* as a Word document:
headings, paragraphs, lists, captions and real Word tables (with merged header cells).
It never corrects anything: every word, number and typo comes from the seed.  What it
does change is layout only:

* markdown markers (``**bold**``, ``*italic*``) become run formatting;
* HTML fragments (``<p>``, ``<ul>``, ``<ol>``) and LaTeX (``$\\frac{..}{..}$``) inside
  table cells / formula lines become plain text paragraphs;
* tables broken by page breaks are re-joined; rows whose cell text wrapped onto a
  following "row" are joined back (with a space) into the row above;
* a few misaligned rows (Lampiran 1 and the RKT) are moved to the columns they belong
  to, and the markdown separator rows (``---``) and the RKT's repeated page headers are
  dropped;
* merged cells (header spans, Sasaran cells of Tabel 3.5, section rows of Tabel 3.7 …).

Usage:
    python samples/build_kalisat_docx.py [SEED] [--out OUT.docx]
    python samples/build_kalisat_docx.py --check [SEED] [--out OUT.docx]   # build, then verify

The output is deterministic (fixed core properties and zip timestamps).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parent.parent
DEFAULT_SEED = REPO.parent / "shared" / "seed" / "lkip-kecamatan-kalisat-2024.txt"
DEFAULT_OUT = SCRIPT.parent / "kalisat-2024" / "lkip-2024.docx"
FIXED_DATE = dt.datetime(2025, 2, 7, 0, 0, 0)
ZIP_DATE = (2025, 2, 7, 0, 0, 0)

# --------------------------------------------------------------------------- seed reading


@dataclass
class Chunk:
    """A run of non-blank seed lines (blank lines separate chunks)."""
    start: int                 # 1-based line number of the first line
    lines: list[str]
    blank_before: int          # number of blank lines before the chunk

    @property
    def is_table(self) -> bool:
        return all("\t" in l for l in self.lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_chunks(seed_text: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    cur: list[str] = []
    start = 0
    blanks = 0
    for n, raw in enumerate(seed_text.split("\n"), 1):
        line = raw.rstrip("\r")
        if line.strip() == "":
            if cur:
                chunks.append(Chunk(start, cur, blanks))
                cur, blanks = [], 0
            blanks += 1
            continue
        if not cur:
            start = n
        cur.append(line)
    if cur:
        chunks.append(Chunk(start, cur, blanks))
    return chunks


# --------------------------------------------------------------------------- LaTeX / HTML


def _braced(s: str, i: int) -> tuple[str, int]:
    """s[i] == '{': return (content, index after the closing brace)."""
    assert s[i] == "{", (s, i)
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
            if depth == 0:
                return s[i + 1:j], j + 1
    raise ValueError(f"unbalanced braces in {s!r}")


def _latex_inner(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        if s.startswith("\\frac", i):
            a, i = _braced(s, i + 5)
            b, i = _braced(s, i)
            a, b = _latex_inner(a).strip(), _latex_inner(b).strip()
            if re.search(r"\s[-+]\s|[()]", a) and not re.fullmatch(r"-+", a):
                a = f"({a})"
            if re.search(r"\s[-+]\s|[()]", b):
                b = f"({b})"
            out.append(f"{a} / {b}")
        elif s.startswith("\\text", i):
            a, i = _braced(s, i + 5)
            out.append(_latex_inner(a))
        elif s[i] == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", s[i:])
            name = m.group(1)
            out.append({"times": "×", "leq": "≤", "geq": "≥", "pm": "±", "%": "%",
                        "cdot": "·", ",": " ", " ": " "}.get(name, name))
            i += len(m.group(0))
        else:
            out.append(s[i])
            i += 1
    return re.sub(r"[ ]{2,}", " ", "".join(out))


def latex_to_text(s: str) -> str:
    """Replace $$…$$ and $…$ segments by plain text (×, ≤, ±, a / b)."""
    s = re.sub(r"\$\$(.+?)\$\$", lambda m: _latex_inner(m.group(1)).strip(), s)
    s = re.sub(r"\$(.+?)\$", lambda m: _latex_inner(m.group(1)).strip(), s)
    return s


_TAG = re.compile(r"(</?(?:p|ul|ol)\b[^>]*>)")
_ITEM_SPLIT = re.compile(r"\s+(?=[•▪]\s)|\s+(?=\d+\.\s)|\s+(?=-\s)")


def cell_paragraphs(raw: str) -> list[str]:
    """Plain-text paragraphs for one table cell (HTML fragments and LaTeX flattened)."""
    s = latex_to_text(raw)
    if not _TAG.search(s):
        return [s.strip()]
    paras: list[str] = []
    depth = 0
    for tok in _TAG.split(s):
        if _TAG.fullmatch(tok):
            if tok.startswith(("<ul", "<ol")):
                depth += 1
            elif tok.startswith(("</ul", "</ol")):
                depth = max(0, depth - 1)
            continue
        text = re.sub(r"\s+", " ", tok).strip()
        if not text:
            continue
        if depth:
            paras.extend(t.strip() for t in _ITEM_SPLIT.split(text) if t.strip())
        else:
            paras.append(text)
    return paras


# --------------------------------------------------------------------------- inline markdown

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """Split text into (segment, bold, italic); the ** / * markers are dropped."""
    runs: list[tuple[str, bool, bool]] = []

    def italics(seg: str, bold: bool) -> None:
        pos = 0
        for m in _ITALIC.finditer(seg):
            if m.start() > pos:
                runs.append((seg[pos:m.start()], bold, False))
            runs.append((m.group(1), bold, True))
            pos = m.end()
        if pos < len(seg):
            runs.append((seg[pos:], bold, False))

    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            italics(text[pos:m.start()], False)
        italics(m.group(1), True)
        pos = m.end()
    if pos < len(text):
        italics(text[pos:], False)
    return runs


def add_runs(par, text: str, bold: bool = False, size: float | None = None) -> None:
    for seg, b, it in inline_runs(text):
        parts = seg.split("\n")
        for k, part in enumerate(parts):
            if k:
                par.add_run().add_break()
            if part:
                run = par.add_run(part)
                if b or bold:
                    run.bold = True
                if it:
                    run.italic = True
                if size:
                    run.font.size = Pt(size)


# --------------------------------------------------------------------------- block model


@dataclass
class TableSpec:
    key: str                           # e.g. "Tabel 3.5#0", "LAMPIRAN 2/RKT#0"
    rows: list[list[str]]
    source_lines: list[int]            # seed line of each row (first line if joined)
    header_rows: int = 1
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1
    notes: list[str] = field(default_factory=list)
    break_rows: set[int] = field(default_factory=set)   # rows that start after a page break


@dataclass
class Block:
    kind: str                          # h1 h2 para list caption photo math toc table section
    text: str = ""
    level: int = 1
    numbered: bool = False
    align: str | None = None
    bold: bool = False
    size: float | None = None
    table: TableSpec | None = None
    landscape: bool = False
    page_break: bool = True


H2_RE = re.compile(r"^[A-H]\. [A-Z][A-Z ,()0-9]+$")
BAB_RE = re.compile(r"^BAB [IVX]+$")
BAB_FULL_RE = re.compile(r"^BAB [IVX]+\.? \S.*$")
CAPTION_RE = re.compile(r"^\.?\s*Tabel \d+\.\d+")
BULLET_RE = re.compile(r"^(\s*)- (.*)$")
ENUM_RE = re.compile(r"^(\s*)((?:\d+|[a-z])[.)]|\(\d+\))\s+\S")
FRONT_H1 = {"KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "IKHTISAR EKSEKUTIF"}
CENTERED = ("DOKUMEN", "LAPORAN KINERJA INSTANSI PEMERINTAHAN", "(LKIP)", "Tahun 2024",
            "**KECAMATAN KALISAT", "PEMERINTAH KABUPATEN JEMBER", "Jalan Diponegoro",
            "JL. DIPONEGORO", "RENCANA STRATEGIS KECAMATAN KALISAT", "Matrik Tujuan",
            "**RENCANA KINERJA TAHUNAN", "PERJANJIAN KINERJA TAHUN 2024", "KEPUTUSAN KEPALA",
            "Nomor : 065", "TENTANG", "MEMUTUSKAN :", "INDIKATOR KINERJA UTAMA KECAMATAN KALISAT")
TITLE_BOLD = ("PEMERINTAH KABUPATEN JEMBER", "RENCANA STRATEGIS KECAMATAN KALISAT", "RPJMD", "RKT",
              "PERJANJIAN KINERJA TAHUN 2024", "KEPUTUSAN KEPALA", "TENTANG", "MEMUTUSKAN :",
              "INDIKATOR KINERJA UTAMA KECAMATAN KALISAT", "LAMPIRAN", "DOKUMEN",
              "LAPORAN KINERJA INSTANSI PEMERINTAHAN", "(LKIP)")


def split_cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def list_block(line: str) -> Block | None:
    m = BULLET_RE.match(line)
    if m:
        indent, rest = m.groups()
        level = 2 if indent else 1
        if ENUM_RE.match(rest):        # "- a. …", "- (1) …", "- 1) …": keep the enumerator as text
            return Block("list", rest.strip(), level=level, numbered=True)
        return Block("list", rest.strip(), level=level, numbered=False)
    m = ENUM_RE.match(line)
    if m:
        return Block("list", line.strip(), level=2 if m.group(1) else 1, numbered=True)
    return None


def text_blocks(chunk: Chunk, **kw) -> list[Block]:
    """Paragraphs for a text chunk: list lines become list items, other consecutive lines one
    paragraph with line breaks (as the seed has them)."""
    out: list[Block] = []
    plain: list[str] = []

    def flush():
        if plain:
            out.append(Block("para", "\n".join(plain), **kw))
            plain.clear()

    for line in chunk.lines:
        lb = list_block(line)
        if lb:
            flush()
            out.append(lb)
        else:
            plain.append(line.strip())
    flush()
    return out


# --------------------------------------------------------------------------- table fix-ups

def _is_dash_row(cells: list[str]) -> bool:
    return all(re.fullmatch(r"-*", c) for c in cells)


def _join_into(prev: list[str], row: list[str]) -> None:
    for i, c in enumerate(row):
        if c:
            prev[i] = f"{prev[i]} {c}".strip() if prev[i] else c


def _relocate(row: list[str], shift: dict[int, int], width: int) -> list[str]:
    new = [""] * width
    for i, c in enumerate(row):
        if not c:
            continue
        if i not in shift:
            raise ValueError(f"relocate: unmapped non-empty cell {i}: {c!r}")
        new[shift[i]] = c
    return new


def _cont_rule(key: str):
    """Predicate: is a row that starts a new seed chunk (after a page break) a continuation of
    the row above (its cell text wrapped onto the next page)?"""
    base = key.split("#")[0]
    if base in ("Tabel 2.2", "LAMPIRAN 4"):
        return lambda r: r[0] == "" and r[1] == ""
    if base == "Tabel 3.2":
        return lambda r: r[0] == ""
    if base == "Tabel 3.7":
        return lambda r: r[0][:1].islower() and not any(r[1:])
    if key == "Tabel 3.5#0":
        return lambda r: (not any(r[2:])
                          and not r[0].startswith(("Sasaran", "Total"))
                          and not r[1].startswith(("Program", "Kegiatan", "Sub Kegiatan")))
    return lambda r: False


def assemble_table(key: str, raw: list[tuple[int, list[str], bool]]) -> TableSpec:
    """raw: (seed line, cells, starts-after-page-break).  Returns the cleaned table."""
    width = len(raw[0][1])
    cont = _cont_rule(key)
    rows: list[list[str]] = []
    lines: list[int] = []
    notes: list[str] = []
    header = [raw[0][1][:width], raw[1][1][:width]] if len(raw) > 1 else []
    break_rows: set[int] = set()
    for ln, cells, after_break in raw:
        if _is_dash_row(cells):
            notes.append(f"dropped markdown separator row (seed line {ln})")
            continue
        # RKT: header rows repeated at each page break
        if key == "LAMPIRAN 2/RKT#0":
            trimmed = cells[:]
            while len(trimmed) > width and trimmed[-1] == "":
                trimmed.pop()
            if len(rows) >= 2 and trimmed in header:
                notes.append(f"dropped repeated page header row (seed line {ln})")
                continue
            first = next((c for c in cells if c), "")
            if first.startswith("Meningkatnya Fasilitasi") and cells[-1] == "128.269.000":
                cells = _relocate(cells, {2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 13: 11}, width)
                notes.append(f"moved Anggaran 128.269.000 from column 14 to column 12 (seed line {ln})")
            elif first.startswith("Peningkatan Efektifitas Kegiatan Pemberdayaan") and len(cells) == 14:
                cells = _relocate(cells, {12: 8, 13: 9}, width)
                notes.append(f"moved sub-kegiatan name/indicator from columns 13-14 to 9-10 (seed line {ln})")
            elif first.startswith("Koordinasi Penerapan") and cells[3] == first:
                cells = _relocate(cells, {i: i + 2 for i in range(3, 10)}, width)
                notes.append(f"moved kegiatan row two columns right, cols 4-10 -> 6-12 (seed line {ln})")
        if key == "LAMPIRAN 1#0" and len(cells) == width - 1 and cells[2].startswith("Meningkatnya"):
            cells = _relocate(cells, {i: i + 1 for i in range(len(cells))}, width)
            notes.append(f"row one cell short: moved one column right so Sasaran/Indikator/years align (seed line {ln})")
        # normalise width
        if len(cells) > width:
            if any(cells[width:]):
                raise ValueError(f"{key}: row at seed line {ln} has content beyond column {width}: {cells}")
            cells = cells[:width]
        cells = cells + [""] * (width - len(cells))
        if after_break and rows and cont(cells):
            _join_into(rows[-1], cells)
            notes.append(f"joined wrapped row (seed line {ln}) into the row above (seed line {lines[-1]})")
            continue
        if after_break:
            break_rows.add(len(rows))
        rows.append(cells)
        lines.append(ln)
    spec = TableSpec(key, rows, lines, notes=notes, break_rows=break_rows)
    add_merges(spec)
    return spec


def _vmerge_blanks(spec: TableSpec, cols, r_from: int, r_to: int) -> None:
    """Vertically merge empty cells into the nearest non-empty cell above (rows r_from..r_to)."""
    for c in cols:
        anchor = None
        for r in range(r_from, r_to + 1):
            if spec.rows[r][c]:
                if anchor is not None and r - 1 > anchor:
                    spec.merges.append((anchor, c, r - 1, c))
                anchor = r
        if anchor is not None and r_to > anchor:
            spec.merges.append((anchor, c, r_to, c))


def add_merges(spec: TableSpec) -> None:
    rows, key = spec.rows, spec.key
    base = key.split("#")[0]
    ncol = len(rows[0])
    m = spec.merges
    if base == "Tabel 1.1":
        spec.header_rows = 2
        m += [(0, 0, 1, 0), (0, 1, 0, 5), (0, 6, 0, 11), (0, 12, 1, 12), (0, 13, 1, 13)]
        for r, row in enumerate(rows[2:], 2):           # "Jabatan Fungsional" etc: section rows
            if row[0] and not any(row[1:]):
                m.append((r, 0, r, ncol - 1))
    elif base == "Tabel 2.1":
        spec.header_rows = 2
        m += [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 7)]
    elif base == "Tabel 3.3":
        spec.header_rows = 2
        m += [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 5)]
    elif base == "Tabel 3.7":
        spec.header_rows = 2
        m += [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 6)]
        for r, row in enumerate(rows[2:], 2):            # "Sasaran n …" / "Indikator …" rows
            if row[0].startswith(("Sasaran", "Indikator")) and not any(row[1:]):
                m.append((r, 0, r, ncol - 1))
    elif key == "Tabel 3.5#0":
        starts = [r for r, row in enumerate(rows) if row[0].startswith("Sasaran ")]
        totals = [r for r, row in enumerate(rows) if row[0] == "Total"]
        for s in starts:
            t = min(x for x in totals if x > s)
            assert not any(rows[r][0] for r in range(s + 1, t)), "Sasaran column not empty"
            m.append((s, 0, t - 1, 0))
        for t in totals:
            if not rows[t][1]:
                m.append((t, 0, t, 1))
    elif base == "Tabel 3.8":
        for r, row in enumerate(rows):
            if row[0] == "JUMLAH" and not row[1]:
                m.append((r, 0, r, 1))
    elif base == "LAMPIRAN 1":
        spec.header_rows = 3
        m += [(0, c, 1, c) for c in range(5)] + [(0, 5, 0, 10), (0, 11, 0, 13)]
        # Tujuan 2 (No., Tujuan, Indikator Tujuan) spans its Sasaran rows (rows under it with No. blank),
        # up to the row that the seed gives after the "LAMPIRAN 1" page label.
        t2 = next(r for r, row in enumerate(rows) if row[0] == "2" and row[1])
        end = t2
        while end + 1 < len(rows) and not any(rows[end + 1][:3]) and end + 1 not in spec.break_rows:
            end += 1
        for c in range(3):
            if end > t2:
                m.append((t2, c, end, c))
    elif key == "LAMPIRAN 2/RPJMD#0":
        _vmerge_blanks(spec, range(3), 1, len(rows) - 1)
    elif key == "LAMPIRAN 2/RKT#0":
        spec.header_rows = 2
        m += [(0, 0, 0, 1), (0, 2, 0, 4), (0, 5, 0, 7), (0, 8, 0, 11)]
        last = len(rows) - 1
        if rows[last][0] == "JUMLAH":
            m.append((last, 0, last, 10))
            last -= 1
        _vmerge_blanks(spec, range(8), 2, last)


# --------------------------------------------------------------------------- document walk


def build_blocks(chunks: list[Chunk]) -> tuple[list[Block], list[TableSpec]]:
    blocks: list[Block] = []
    tables: list[TableSpec] = []
    lampiran_titles: dict[int, str] = {}
    for ch in chunks:
        for line in ch.lines:
            mm = re.match(r"^- Lampiran (\d)\. (?:Lampiran )?(.*)$", line)
            if mm:
                lampiran_titles[int(mm.group(1))] = mm.group(2).strip()

    context = None            # caption / lampiran label for table keys
    ctx_count: Counter = Counter()
    seen_body = False         # past "IKHTISAR EKSEKUTIF"
    in_lampiran = 0
    kop_seen = 0
    photo_zone = False
    i = 0
    n = len(chunks)
    while i < n:
        ch = chunks[i]
        first = ch.lines[0].strip()

        # ---- tables
        if ch.is_table:
            if not seen_body:     # Daftar Isi / Daftar Tabel lines: tabbed paragraphs
                for line in ch.lines:
                    blocks.append(Block("toc", line))
                i += 1
                continue
            raw = [(ch.start + k, split_cells(l), k == 0 and False) for k, l in enumerate(ch.lines)]
            width = len(raw[0][1])
            j = i + 1
            force = False
            while j < n:
                nxt = chunks[j]
                if nxt.is_table and (force or len(split_cells(nxt.lines[0])) >= width):
                    force = False
                    raw += [(nxt.start + k, split_cells(l), k == 0) for k, l in enumerate(nxt.lines)]
                    j += 1
                    continue
                # the "LAMPIRAN 1" page label sits inside the Renstra matrix: skip over it
                if (nxt.lines == ["LAMPIRAN 1"] and j + 1 < n and chunks[j + 1].is_table
                        and context == "LAMPIRAN 1"):
                    j += 1
                    force = True
                    continue
                break
            key = f"{context}#{ctx_count[context]}"
            ctx_count[context] += 1
            spec = assemble_table(key, raw)
            tables.append(spec)
            blocks.append(Block("table", table=spec))
            i = j
            continue

        # ---- headings
        if first in FRONT_H1 and len(ch.lines) == 1:
            if first == "IKHTISAR EKSEKUTIF":
                seen_body = True
            blocks.append(Block("h1", first))
            context = None
            i += 1
            continue
        if BAB_RE.match(first) and len(ch.lines) == 1 and i + 1 < n:
            blocks.append(Block("h1", f"{first} {chunks[i + 1].lines[0].strip()}"))
            context = None
            i += 2
            continue
        if BAB_FULL_RE.match(first) and len(ch.lines) == 1 and seen_body:
            blocks.append(Block("h1", first))
            context = None
            i += 1
            continue
        if H2_RE.match(first) and len(ch.lines) == 1 and seen_body:
            blocks.append(Block("h2", first))
            photo_zone = first.startswith("C. ANALISIS PROGRAM")
            context = None
            i += 1
            continue

        # ---- lampiran parts
        if first == "RENCANA STRATEGIS KECAMATAN KALISAT" and in_lampiran == 0:
            in_lampiran = 1
            blocks.append(Block("section", landscape=True))
            blocks.append(Block("h1", f"LAMPIRAN 1 {lampiran_titles.get(1, '')}".strip(), page_break=False))
            context = "LAMPIRAN 1"
        elif first == "PEMERINTAH KABUPATEN JEMBER" and in_lampiran:
            kop_seen += 1
            in_lampiran = kop_seen + 1
            title = f"LAMPIRAN {in_lampiran} {lampiran_titles.get(in_lampiran, '')}".strip()
            if in_lampiran == 3:
                blocks.append(Block("section", landscape=False))
                blocks.append(Block("h1", title, page_break=False))
            else:
                blocks.append(Block("h1", title))
            context = f"LAMPIRAN {in_lampiran}"
        if in_lampiran == 1 and first == "LAMPIRAN 1":    # page label, used as the heading
            i += 1
            continue
        if in_lampiran == 2 and first in ("RPJMD", "RKT"):
            context = f"LAMPIRAN 2/{first}"

        # ---- captions ("Tabel 3.2" [+ title line(s)]), then a lone title chunk after a lone "Tabel x.y"
        if CAPTION_RE.match(first) and seen_body:
            context = re.search(r"Tabel \d+\.\d+", first).group(0)
            for line in ch.lines:
                blocks.append(Block("caption", line.strip()))
            if len(ch.lines) == 1 and i + 1 < n and not chunks[i + 1].is_table:
                for line in chunks[i + 1].lines:
                    blocks.append(Block("caption", line.strip()))
                i += 1
            i += 1
            continue

        # ---- display formulas
        if first.startswith("$$") and len(ch.lines) == 1:
            blocks.append(Block("math", latex_to_text(first)))
            i += 1
            continue

        # ---- photo captions (image placeholders: caption lines after a run of blank lines)
        if photo_zone and ch.blank_before >= 3 and len(ch.lines) == 1:
            blocks.append(Block("photo", first))
            i += 1
            continue

        # ---- plain text / lists
        align = "center" if first.startswith(CENTERED) else None
        bold = first.startswith(TITLE_BOLD) and len(first) < 80 and not first.startswith("LAMPIRAN 1")
        size = 9 if re.match(r"^Sumber\b[^:]{0,25}:", first) else None
        for b in text_blocks(ch):
            if b.kind == "para":
                b.align, b.bold, b.size = align, bold, size
                b.text = latex_to_text(b.text)
            blocks.append(b)
        i += 1
    return blocks, tables


# --------------------------------------------------------------------------- rendering


def _no_numbering(par) -> None:
    """Keep the List Number style name but switch its automatic numbering off (numId 0);
    the enumerator stays in the text, as in the seed."""
    pPr = par._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), "0")
    numPr.append(ilvl)
    numPr.append(num)
    pPr.insert(0, numPr) if pPr.find(qn("w:pStyle")) is None else pPr.find(qn("w:pStyle")).addnext(numPr)


def _repeat_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def _col_widths(rows: list[list[str]], total_cm: float, size: float) -> list[float]:
    """Column widths: each column at least as wide as its longest word (so numbers such as
    Rp. 2.511.744.198 do not break), the rest shared by average text length."""
    char_cm = size * 0.022
    flat = [[" ".join(cell_paragraphs(c)) if c else "" for c in row] for row in rows]
    mins, weights = [], []
    for c in range(len(rows[0])):
        col = [r[c] for r in flat]
        longest_word = max((len(w) for t in col for w in t.split()), default=1)
        mins.append(min(longest_word, 16) * char_cm + 0.4)
        weights.append(sum(len(t) for t in col) / max(1, len(col)) + 1.0)
    if sum(mins) >= total_cm:
        return [total_cm * m / sum(mins) for m in mins]
    extra = total_cm - sum(mins)
    return [m + extra * w / sum(weights) for m, w in zip(mins, weights)]


def render_table(doc, spec: TableSpec, usable_cm: float) -> None:
    rows = spec.rows
    ncol = len(rows[0])
    t = doc.add_table(rows=len(rows), cols=ncol)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    size = 7 if ncol >= 12 else 8 if ncol >= 7 else 9
    widths = _col_widths(rows, usable_cm, size)
    for c, w in enumerate(widths):
        t.columns[c].width = Cm(w)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            cell.width = Cm(widths[c])
            paras = cell_paragraphs(text) if text else [""]
            for k, ptext in enumerate(paras):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                p.paragraph_format.space_after = Pt(0)
                p.paragraph_format.space_before = Pt(0)
                if ptext:
                    run = p.add_run(ptext)
                    run.font.size = Pt(size)
                    if r < spec.header_rows:
                        run.bold = True
                if r < spec.header_rows:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if r < spec.header_rows:
            _repeat_header(t.rows[r])
    for r0, c0, r1, c1 in spec.merges:
        merged = t.cell(r0, c0).merge(t.cell(r1, c1))
        # python-docx keeps the (empty) paragraphs of absorbed empty cells out; drop blank extras
        ps = merged.paragraphs
        if len(ps) > 1:
            for p in ps[1:]:
                if not p.text.strip():
                    p._p.getparent().remove(p._p)


def render(blocks: list[Block], out: Path) -> None:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2.0)
        s.top_margin = s.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    cp = doc.core_properties
    cp.author = "Kecamatan Kalisat"
    cp.last_modified_by = "Kecamatan Kalisat"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.title = "Laporan Kinerja Instansi Pemerintah (LKIP) Kecamatan Kalisat Tahun 2024"
    cp.subject = "LKIP Tahun 2024"
    cp.keywords = "LKIP; Kecamatan Kalisat; 2024"
    cp.comments = ""
    cp.category = ""
    cp.language = "id-ID"

    def usable() -> float:
        s = doc.sections[-1]
        return (s.page_width - s.left_margin - s.right_margin) / 360000.0

    first_h1 = True
    prev_kind = None
    for b in blocks:
        if b.kind == "table" and prev_kind == "table":
            doc.add_paragraph()     # keep two consecutive tables apart (Word would fuse them)
        prev_kind = b.kind
        if b.kind == "section":
            s = doc.add_section(WD_SECTION.NEW_PAGE)
            if b.landscape:
                s.orientation = WD_ORIENT.LANDSCAPE
                s.page_width, s.page_height = Cm(29.7), Cm(21.0)
            else:
                s.orientation = WD_ORIENT.PORTRAIT
                s.page_width, s.page_height = Cm(21.0), Cm(29.7)
            s.left_margin = s.right_margin = s.top_margin = s.bottom_margin = Cm(2.0)
            continue
        if b.kind == "table":
            render_table(doc, b.table, usable())
            continue
        if b.kind == "h1":
            p = doc.add_paragraph(b.text, style="Heading 1")
            if b.page_break and not first_h1:
                p.paragraph_format.page_break_before = True
            first_h1 = False
            continue
        if b.kind == "h2":
            doc.add_paragraph(b.text, style="Heading 2")
            continue
        if b.kind in ("caption", "photo"):
            p = doc.add_paragraph(style="Caption")
            add_runs(p, b.text)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if b.kind == "caption":
                p.paragraph_format.keep_with_next = True
            continue
        if b.kind == "math":
            p = doc.add_paragraph()
            p.add_run(b.text).italic = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if b.kind == "toc":
            p = doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            p.paragraph_format.space_after = Pt(2)
            p.add_run(b.text)
            continue
        if b.kind == "list":
            if b.numbered:
                style = "List Number" if b.level == 1 else "List Number 2"
                p = doc.add_paragraph(style=style)
                _no_numbering(p)
                p.paragraph_format.left_indent = Cm(0.63 * b.level + 0.37)
                p.paragraph_format.first_line_indent = Cm(-0.5)
            else:
                style = "List Bullet" if b.level == 1 else "List Bullet 2"
                p = doc.add_paragraph(style=style)
            add_runs(p, b.text)
            continue
        # para
        p = doc.add_paragraph()
        add_runs(p, b.text, bold=b.bold, size=b.size)
        if b.align == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    buf = io.BytesIO()
    doc.save(buf)
    write_deterministic_zip(buf.getvalue(), out)


def write_deterministic_zip(data: bytes, out: Path) -> None:
    """Re-pack the package with fixed member timestamps (python-docx stamps the current time)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    src = zipfile.ZipFile(io.BytesIO(data))
    dst_buf = io.BytesIO()
    with zipfile.ZipFile(dst_buf, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    out.write_bytes(dst_buf.getvalue())


# --------------------------------------------------------------------------- checks

NUM_RE = re.compile(r"\d[\d.,]*\d|\d")


def num_tokens(text: str) -> list[str]:
    return NUM_RE.findall(text)


def _tc_text(tc) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.p_lst)


def docx_text_items(path: Path):
    """(kind, index, text) for every paragraph and table cell, in body order."""
    import docx
    from docx.table import Table
    d = docx.Document(str(path))
    items = []
    tables = []
    caption = None
    for item in d.iter_inner_content():
        if isinstance(item, Table):
            tables.append((caption, item))
            for tr in item._tbl.tr_lst:
                for tc in tr.tc_lst:
                    if tc.vMerge == "continue":
                        continue
                    items.append(("cell", len(tables), _tc_text(tc)))
        else:
            items.append(("par", item.style.name, item.text))
            if item.style.name == "Caption" and CAPTION_RE.match(item.text.strip()):
                caption = item.text.strip()
            elif item.style.name == "Heading 1":
                caption = item.text.strip()
    return d, items, tables


def check(seed_path: Path, out: Path, specs: list[TableSpec]) -> int:
    seed = seed_path.read_text(encoding="utf-8")
    d, items, tables = docx_text_items(out)
    print(f"\n== {out} : {len(tables)} tables, {sum(1 for k, *_ in items if k == 'par')} paragraphs")
    for n, ((cap, t), spec) in enumerate(zip(tables, specs)):
        nrow, ncol = len(t.rows), len(t.columns)
        spans = len(spec.merges)
        print(f"[{n:2d}] {spec.key:<22} caption={cap!r:.60} shape={nrow}x{ncol} merges={spans}")
        for r in range(min(3, nrow)):
            cells = []
            for tc in t._tbl.tr_lst[r].tc_lst:
                span = f"<{tc.grid_span}>" if tc.grid_span > 1 else ""
                vm = "^" if tc.vMerge == "continue" else ""
                cells.append(vm + span + _tc_text(tc).replace("\n", " / ")[:26])
            print("      ", " | ".join(cells))
        assert (nrow, ncol) == (len(spec.rows), len(spec.rows[0]))
    # number tokens
    seed_set = set(num_tokens(seed))
    doc_toks = [tok for _, _, text in items for tok in num_tokens(text)]
    bad = [tok for tok in doc_toks if tok not in seed_set]
    ok = len(doc_toks) - len(bad)
    print(f"\nnumber-like tokens in docx: {len(doc_toks)}; found verbatim among the seed's tokens: "
          f"{ok} ({100.0 * ok / max(1, len(doc_toks)):.2f}%)")
    if bad:
        print("  NOT in seed:", Counter(bad).most_common(20))
    # multiset comparison (nothing lost / duplicated)
    seed_c = Counter(num_tokens(seed))
    doc_c = Counter(doc_toks)
    missing = seed_c - doc_c
    extra = doc_c - seed_c
    print(f"seed number tokens: {sum(seed_c.values())}; missing from docx: {dict(missing) or 'none'}; "
          f"extra in docx: {dict(extra) or 'none'}")
    # words: every word of the docx occurs in the seed
    WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
    seed_words = set(WORD.findall(seed)) | set(WORD.findall(latex_to_text(seed)))
    doc_words = [w for _, _, text in items for w in WORD.findall(text)]
    badw = sorted({w for w in doc_words if w not in seed_words})
    print(f"words in docx: {len(doc_words)}; not in seed: {badw or 'none'}")
    return 0 if not bad else 1


# --------------------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seed", nargs="?", default=str(DEFAULT_SEED))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check", action="store_true", help="after building, print tables and token checks")
    ap.add_argument("--notes", action="store_true", help="print the per-table fix-ups applied")
    args = ap.parse_args(argv)
    seed_path, out = Path(args.seed), Path(args.out)
    chunks = read_chunks(seed_path.read_text(encoding="utf-8"))
    blocks, specs = build_blocks(chunks)
    render(blocks, out)
    print(f"wrote {out} ({len(specs)} tables)")
    if args.notes or args.check:
        for s in specs:
            for note in s.notes:
                print(f"  {s.key}: {note}")
            if s.merges:
                print(f"  {s.key}: merges {s.merges}")
    if args.check:
        return check(seed_path, out, specs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
