"""Which year a document is about, which month or triwulan an export states, and a stated Renstra revision.

The year comes from what the document says: "TAHUN ANGGARAN 2024" / "T.A. 2024", a title such as
"Laporan Kinerja … Tahun 2024" or a line "Tahun 2024" on the cover, "Perjanjian Kinerja Tahun 2024",
the year of a PK's or a measurement table's "Target 2024" column. A range ("Tahun 2021-2026", a
Renstra) is not a year. A file that states none (a Renstra table, a SIPD export) is taken as its
folder's year: the year most of the folder's documents state, else a year in the folder's name.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass

from ..text.keywords import keyword_text

_Y = r"(20[0-9]{2})"
# a year that starts a range ("2021-2026", "2021 s.d. 2024", "2021/2022") is not the document's year
_NOT_RANGE = r"(?!\s*(?:[-–—/]|s\.?\s*/?\s*d\.?|sampai|hingga)\s*(?:20)?[0-9]{2})"
_ANGGARAN = re.compile(r"\b(?:tahun\s+anggaran|t\.\s?a\.|\bta)\s*:?\s*" + _Y + r"\b" + _NOT_RANGE, re.I)
_TITLED = re.compile(r"(?:laporan\s+kinerja|lkj?ip|lakip|perjanjian\s+kinerja|rencana\s+kinerja\s+tahunan|\brkt\b|"
                     r"pengukuran|realisasi\s+kinerja|laporan\s+realisasi|rekapitulasi|capaian\s+kinerja)"
                     r"[^\n]{0,90}?\btahun\s*:?\s*" + _Y + r"\b" + _NOT_RANGE, re.I)
_BARE = re.compile(r"^\W*tahun\s+" + _Y + r"\W*$", re.I)         # a cover line "Tahun 2024"
_RANGE_IN_NAME = re.compile(r"(?<![0-9])" + _Y + r"(?![0-9])")
_TITLE_PARAGRAPHS = 40        # the cover and the foreword: where a report names its year
# The words (lower case) one of which each pattern needs: _ANGGARAN "ta" or "t.", _TITLED one of its titles
# and "tahun", _BARE "tahun"; and every one "20". A line without them is not searched (most lines).
_TITLE_WORDS = ("kinerja", "lk", "lakip", "rkt", "pengukuran", "laporan", "rekapitulasi")


def _may_match(line: str) -> tuple[bool, bool, bool]:
    """Whether _ANGGARAN, _TITLED and _BARE could match ``line``: False only when a word the pattern
    needs is missing (True when a case fold could hide one: text.keywords)."""
    if "20" not in line:
        return False, False, False
    low = keyword_text(line)
    if low is None:
        return True, True, True
    tahun = "tahun" in low
    return "ta" in low or "t." in low, tahun and any(w in low for w in _TITLE_WORDS), tahun


@dataclass(frozen=True)
class YearOf:
    year: int | None
    how: str                  # document | folder | name | none


def _lines(fr) -> list[str]:
    out = []
    for t in fr.tables:
        out.extend(t.context)
        if t.caption:
            out.append(t.caption)
    out.extend(p.text for p in fr.paragraphs[:_TITLE_PARAGRAPHS])
    return out


def document_year(fr) -> int | None:
    """The year the file itself states, or None."""
    strong: Counter = Counter()
    titled: Counter = Counter()
    for line in _lines(fr):
        anggaran, title, bare = _may_match(line)
        if anggaran:
            for m in _ANGGARAN.finditer(line):
                strong[int(m.group(1))] += 1
        if title:
            for m in _TITLED.finditer(line):
                titled[int(m.group(1))] += 1
        m = _BARE.match(line) if bare else None
        if m:
            titled[int(m.group(1))] += 1
    for votes in (strong, titled):
        if votes:
            best = max(votes.values())
            return max(y for y, n in votes.items() if n == best)   # a tie: the later year (a report restates the earlier)
    # a PK's or a measurement table's own year ("Target 2024"): the latest, as facts.report_year takes it
    # (a table restating last year's "Target 2023 | Realisasi 2023" sits beside this year's)
    heads = [int(m.group(1)) for t in fr.tables if t.kind in ("pk", "pengukuran") for canon in ("target", "realisasi")
             for m in [_RANGE_IN_NAME.search(t.headers.get(canon, ""))] if m]
    return max(heads) if heads else None


def name_year(path: str) -> int | None:
    """A single year in a folder or file name ("kalisat-2023", "LKIP 2024"), else None."""
    years = {int(y) for y in _RANGE_IN_NAME.findall(os.path.basename(os.path.normpath(path)))}
    return years.pop() if len(years) == 1 else None


def file_years(files, folder_hint: str | None = None) -> tuple[list[YearOf], int | None]:
    """Each file's year and how it was found, and the folder's year (the year most of its documents
    state, else one in `folder_hint`'s name, else in the files' common folder name)."""
    own = [document_year(fr) if not fr.error else None for fr in files]
    votes = Counter(y for y in own if y)
    folder = None
    if votes:
        best = max(votes.values())
        folder = max(y for y, n in votes.items() if n == best)
    how_folder = "folder"
    if folder is None:
        if folder_hint and not os.path.isdir(folder_hint):
            folder_hint = os.path.dirname(folder_hint) or None
        hints = [folder_hint] if folder_hint else sorted({os.path.dirname(fr.path) for fr in files})
        named = {name_year(h) for h in hints if h} - {None}
        if len(named) == 1:
            folder, how_folder = named.pop(), "name"
    out = []
    for fr, y in zip(files, own):
        if y:
            out.append(YearOf(y, "document"))
        elif folder:
            out.append(YearOf(folder, how_folder))
        else:
            out.append(YearOf(name_year(fr.path), "name" if name_year(fr.path) else "none"))
    return out, folder


# -- the period an export states ---------------------------------------------------------------------
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")
_MONTH = "(" + "|".join(MONTHS) + r"|pebruari|nopember)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_UPTO = r"(?:s\.?\s*/?\s*d\.?|sampai\s+dengan|sampai|hingga)\s*"
_P_MONTH_UPTO = re.compile(r"\b" + _UPTO + r"(?:bulan\s+|bln\.?\s+)?" + _MONTH + r"\b", re.I)
_P_TW_UPTO = re.compile(r"\b" + _UPTO + r"(?:triwulan|tw\.?)\s*(iv|iii|ii|i|[1-4])\b", re.I)
_P_SEM_UPTO = re.compile(r"\b" + _UPTO + r"semester\s*(ii|i|[12])\b", re.I)
_P_MONTH = re.compile(r"\bbulan\s*:?\s*" + _MONTH + r"\b", re.I)
_P_TW = re.compile(r"\b(?:triwulan|tw\.?)\s*(iv|iii|ii|i|[1-4])\b", re.I)
_P_SEM = re.compile(r"\bsemester\s*(ii|i|[12])\b", re.I)


@dataclass(frozen=True)
class Period:
    """A stated reporting period within a year: the last month it covers and whether it is cumulative
    (s.d. / sampai dengan: from January up to that month) or that month or quarter alone."""
    month: int
    cumulative: bool
    text: str


def _month_no(word: str) -> int:
    w = word.lower().replace("pebruari", "februari").replace("nopember", "november")
    return MONTHS.index(w) + 1


_PERIOD_FORMS = ((_P_MONTH_UPTO, None, True), (_P_TW_UPTO, 3, True), (_P_SEM_UPTO, 6, True),
                 (_P_MONTH, None, False), (_P_TW, 3, False), (_P_SEM, 6, False))


def stated_period(lines) -> Period | None:
    """The one period a document's title lines state, or None (none, or two different ones)."""
    found: set[Period] = set()
    for line in lines:
        # "s.d. …" (cumulative) forms first, then a single month / triwulan / semester
        for rx, per, cumulative in _PERIOD_FORMS:
            m = rx.search(line)
            if m:
                n = _month_no(m.group(1)) if per is None else _ROMAN[m.group(1).lower()] * per
                found.add(Period(n, cumulative, m.group(0).strip()))
                break
    if len({(p.month, p.cumulative) for p in found}) != 1:
        return None
    return next(iter(found))


def table_period(t) -> Period | None:
    return stated_period(t.context)


# -- a stated Renstra revision ---------------------------------------------------------------------------
_REGULATION = re.compile(
    r"(?:peraturan\s+(?:bupati|wali\s?kota|gubernur|kepala\s+daerah)|perbup|perwali|pergub)\b[^.;]{0,80}?"
    r"(?:nomor|no\.?)\s*[0-9][\w./-]*\s+tahun\s+" + _Y + r"\s+tentang\s+perubahan\b[^.;]{0,240}", re.I)
_RENSTRA = re.compile(r"\b(?:renstra|rencana\s+strategis)\b", re.I)
_RENSTRA_PERUBAHAN = re.compile(r"\b(?:renstra|rencana\s+strategis)\)?\s+perubahan\b[^.;,]{0,80}", re.I)


@dataclass(frozen=True)
class Revision:
    text: str                 # the regulation or phrase naming the revision, as written
    path: str
    section: str | None


def renstra_revision(files) -> Revision | None:
    """The Renstra revision (perubahan) a document states: a regulation "… tentang Perubahan …" in a
    sentence about the Renstra first, else a phrase "Renstra Perubahan …"."""
    phrase = None
    for fr in files:
        lines = [(p.text, p.section_label) for p in fr.paragraphs]
        for t in fr.tables:
            lines += [(x, t.title) for x in list(t.context) + list(t.footer)]
        for text, where in lines:
            if not _RENSTRA.search(text):
                continue
            m = _REGULATION.search(text)
            if m:
                return Revision(" ".join(m.group(0).split()), fr.path, where)
            m = _RENSTRA_PERUBAHAN.search(text)
            if m and phrase is None:
                phrase = Revision(" ".join(m.group(0).split()), fr.path, where)
    return phrase
