"""Paragraphs → sentences → number tokens, for Indonesian report prose.

Sentence ends are a ``.``, ``!`` or ``?`` followed by white space and a capital letter, a digit or an
opening bracket — except after abbreviations (``Drs.``, ``No.``, ``Ir.``, ``M.Si.``, ``Kab.``), single
letters (initials, list letters) and dot runs (``Rp.....``, ``…``). Numbers inside a token never split
(``Rp3.625.226.754,00``, ``No.36``, ``s.d``) because the dot is not followed by white space.

A sentence that starts with an anaphor ("Hal ini …", "Capaian tersebut …") continues the one before it:
the Ikhtisar writes "… mendapat predikat nilai Tinggi. Hal ini dapat dilihat … nilai 86%", one claim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbers import Num, parse_text

ABBREV = {
    "no", "nomor", "drs", "dra", "ir", "h", "hj", "dr", "prof", "st", "si", "msi", "m", "s", "sos", "kom", "pd",
    "se", "sh", "mm", "mh", "ak", "kab", "kec", "kel", "ds", "jl", "jln", "telp", "tlp", "hal", "hlm", "dll",
    "dsb", "dst", "dkk", "tgl", "th", "thn", "sd", "rp", "sdr", "yth", "a", "b", "c", "d", "e",
    "f", "g", "nip", "kep", "per", "perbup", "perda", "pp", "uu", "vol", "ket", "eng", "ipu", "asean", "tbk",
}
# a . ! or ? not after a dot or "…" (the look-behind follows the mark, so that the search can skip to the marks)
_END = re.compile(r"([.!?])(?<![.\u2026][.!?])(\s+)(?=[\"'“(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?$")     # what _word_before() finds, without scanning the whole text
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGIT = re.compile(r"\d")
_DIGIT_END = re.compile(r"\d$")
LIST_MARKER = re.compile(r"^\s*(?:[-+•▪◦·*]\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][.)]\s+|\([ivx]+\)\s+)")
ANAPHOR = re.compile(r"^(hal ini|hal tersebut|ini|capaian (ini|tersebut)|nilai (ini|tersebut)|angka (ini|tersebut)"
                     r"|sehingga|dengan demikian)\b", re.I)

# a number as written in prose: optional Rp, digits with . and , groups, an optional ",-" / ",00", an optional %
NUMBER = re.compile(     # (?=…) first: a quick test of where a match can start, before the look-behind
    r"(?=[R\d])(?<![\w/.,])(?P<rp>Rp\.?\s?)?(?P<core>\d+(?:[.,]\d+)*)(?P<dash>,-{1,2}|,[-\u2013])?(?P<pct>\s?%)?"
    r"(?![\w/])",
    re.I)
YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass
class Token:
    start: int
    end: int
    text: str
    num: Num
    # asked again and again (Unit.numbers, other_year): computed once, in __post_init__
    year_like: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        n = self.num
        self.year_like = not n.rupiah and not n.percent and n.decimals == 0 and bool(YEAR.match(self.text.strip()))

    @property
    def value(self):
        return self.num.value

    @property
    def rupiah(self) -> bool:
        return self.num.rupiah

    @property
    def percent(self) -> bool:
        return self.num.percent


@dataclass
class Unit:
    """One sentence (anaphoric continuations joined) of one paragraph, with its place in the document."""
    path: str
    para: int                       # paragraph index (1-based, body order)
    section: str                    # "BAB III … > F. REALISASI ANGGARAN"
    sections: list[str]
    near_table: str | None
    style: str
    text: str
    first: bool = True              # the first sentence of its paragraph
    para_text: str = ""
    tokens: list[Token] = field(default_factory=list)
    digits: bool = True             # False: the text has no digit, which every number pattern needs

    @property
    def numbers(self) -> list[Token]:
        return [t for t in self.tokens if not t.year_like]


def strip_marker(text: str) -> str:
    if text[:1].isupper():          # no LIST_MARKER starts with a capital (most paragraphs do)
        return text
    return LIST_MARKER.sub("", text, count=1)


def _word_before(before: str) -> str:
    """``_WORD_BEFORE.search(before).group(1)`` ("" for no match): the ASCII letters that end ``before``,
    or end it but for one final dot. (Sentence text has no newline, where ``$`` would also match.)"""
    end = len(before)
    if end and before[end - 1] == ".":
        end -= 1
    i = end
    while i and before[i - 1] in _ASCII_LETTERS:
        i -= 1
    return before[i:end]


def squeeze(text: str) -> str:
    """``" ".join(text.split())``: white space runs made one space, none at either end. A printable text
    has no white space but " " (every other is a control or separator character): most paragraphs
    are returned as they are, without splitting them into words and joining these again."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    text = squeeze(text)
    out: list[str] = []
    start = 0
    for m in _END.finditer(text):
        before = text[start:m.start(1)]
        word = _word_before(before).lower()
        if word and (word in ABBREV or len(word) == 1):
            continue
        if m.group(1) == "." and _DIGIT_END.search(before) and _DIGIT.match(text, m.end()):
            continue   # "pasal 3. 4" is rare; "1. 2." numbering inside a sentence is not an end
        out.append(text[start:m.end(1)].strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    joined: list[str] = []
    for s in out:
        if joined and ANAPHOR.match(s):
            joined[-1] = joined[-1] + " " + s
        else:
            joined.append(s)
    return joined


def tokens(text: str) -> list[Token]:
    if not _DIGIT.search(text):      # every NUMBER has a digit
        return []
    return _number_tokens(text)


def _number_tokens(text: str) -> list[Token]:
    out = []
    for m in NUMBER.finditer(text):
        raw = m.group(0)
        norm = raw.strip()
        if m.group("dash"):
            norm = norm[: norm.rfind(",")] + ",-"
        n = parse_text(norm.replace(" %", "%"))
        if n is None:
            continue
        if m.group("rp") and not n.rupiah:
            continue
        out.append(Token(m.start(), m.end(), raw.strip(), n))
    return out


SKIP_SECTIONS = re.compile(r"^\s*daftar\s+(isi|tabel|gambar|grafik|lampiran|singkatan)\b", re.I)


def skipped_section(sections: list[str]) -> bool:
    return any(SKIP_SECTIONS.match(s) for s in sections)


def text_paragraphs(paragraphs) -> list:
    """The paragraphs outside the tables of contents."""
    out = []
    skip: dict[tuple, bool] = {}      # skipped_section() of each distinct heading path
    for p in paragraphs:
        key = tuple(p.section)
        skipped = skip.get(key)
        if skipped is None:
            skipped = skip[key] = skipped_section(p.section)
        if not skipped:
            out.append(p)
    return out


def units(paragraphs) -> list[Unit]:
    """Every sentence of every paragraph outside the tables of contents."""
    return paragraph_units(text_paragraphs(paragraphs))


def paragraph_units(paragraphs) -> list[Unit]:
    """Every sentence of these paragraphs."""
    out: list[Unit] = []
    for p in paragraphs:
        body = strip_marker(p.text)
        for i, s in enumerate(split_sentences(body)):
            digits = _DIGIT.search(s) is not None
            out.append(Unit(path=p.path, para=p.index, section=p.section_label, sections=list(p.section),
                            near_table=p.near_table, style=p.style or "", text=s, first=(i == 0), para_text=body,
                            tokens=_number_tokens(s) if digits else [], digits=digits))
    return out
