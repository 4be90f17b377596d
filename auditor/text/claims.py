"""Narrative claims: numbers in sentences, tied to what they are about, judged by the precision shown.

A *claim* is a number (or a predikat word, a table number, a placeholder) in a sentence together with
what it is about: the SKPD's pagu or realisasi, belanja operasi/modal, a program's anggaran, a sasaran's
capaian, a count of programs, the parts of a total stated in the same sentence. Claims are found by
explicit patterns only; a number no pattern recognises is listed by ``inspect --claims`` as untied and
never judged. A claim is judged only when it can be tied without ambiguity (one entity, facts that agree),
and a verdict is a contradiction only when the stated value's interval (its shown decimals) cannot meet
the value the facts imply. Every verdict carries the cells it contradicts and, where the evidence is
unambiguous, a diagnosis (the same ratio over another base, another measure's value, transposed digits).

Modes (one per rule): ``budget`` (TXT001), ``arithmetic`` (TXT002), ``predikat`` (TXT003),
``table_ref`` (TXT004), ``placeholder`` (TXT005), ``count`` (CNT001).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .. import tolerance as tl
from ..entities import best_match, normalise
from ..model import Location, Related
from ..checks.diagnose import transposed
from ..numbers import Num, format_id, parse_text
from ..readers.document import CAPTION_RE
from .keywords import has_any, keyword_text, may_match
from .sentences import LIST_MARKER, Token, Unit, paragraph_units, skipped_section, text_paragraphs, tokens

MODES = ("budget", "arithmetic", "predikat", "table_ref", "placeholder", "count")
LANGS = ("id", "en")


# -- small helpers ------------------------------------------------------------------------------------
def L(id_: str, en: str | None = None) -> dict:
    return {"id": id_, "en": id_ if en is None else en}


def lz(tmpl: dict, **kw) -> dict:
    """Fill a two-language template; values may themselves be two-language dicts."""
    return {lang: tmpl[lang].format(**{k: (v[lang] if isinstance(v, dict) else v) for k, v in kw.items()})
            for lang in LANGS}


def money(v: Decimal) -> dict:
    return {lang: format_id(v, 0, rupiah=True, style=lang) for lang in LANGS}


def pct(v: Decimal, d: int) -> dict:
    return {lang: format_id(v, d, percent=True, style=lang) for lang in LANGS}


def plain(v: Decimal, d: int = 0) -> dict:
    return {lang: format_id(v, d, style=lang) for lang in LANGS}


def shown(n: Num) -> dict:
    """A stated number as the sentence shows it."""
    if n.rupiah:
        return money(n.value)
    return pct(n.value, n.decimals) if n.percent else plain(n.value, n.decimals)


def as_number(d: Decimal | None, decimals: int | None = None):
    if d is None:
        return None
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals))
    return int(d) if d == d.to_integral_value() else float(d)


def exact(v: Decimal) -> Num:
    return Num(v, 0)


def file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


SOURCE_WORDS = {"sipd_pagu": "SIPD rekap pagu", "sipd_realisasi": "SIPD realisasi", "pk": "Perjanjian Kinerja",
                "pk_anggaran": "Perjanjian Kinerja", "rkt": "RKT", "tc25": "Renstra T-C.25", "tc27": "Renstra T-C.27"}


def fact_label(f) -> str:
    where = f.caption or SOURCE_WORDS.get(f.origin) or f.sheet or f.origin
    return f"{where} ({file_name(f.path)})"


def fact_src(f) -> str:
    """'Tabel 3.8, lkip-2024.docx' — a fact's place, for use inside parentheses."""
    where = f.caption or SOURCE_WORDS.get(f.origin) or f.sheet or f.origin
    return f"{where}, {file_name(f.path)}"


def says(f) -> dict:
    return L(f"{fact_label(f)} menyatakan", f"{fact_label(f)} says")


def fact_related(f, role: str) -> Related:
    return Related(path=f.path, sheet=f.sheet, cell=f.cell, value=as_number(f.num.value) if f.num else f.text,
                   role=role, label=fact_label(f))


def unit_related(u: Unit, value, role: str, label: str | None = None) -> Related:
    q = u.text if len(u.text) <= 90 else u.text[:87] + "…"
    return Related(path=u.path, sheet=u.section, cell=None, value=value, role=role, label=label or f"«{q}»")


def noticed(facts: list, value) -> list:
    """The facts a "stated value equals one of these" comparison would notice a change of: the one
    that matches (none when several do: changing one leaves the others), or, when none matches, the
    facts the finding names."""
    same = [f for f in facts if f.num is not None and f.num.value == value]
    return same if len(same) == 1 else [] if same else facts[:4]


def meets_num(stated: Num, value: Num, tol) -> bool:
    return tl.meets(tl.stated(stated, tol), tl.given(value))


# -- records -----------------------------------------------------------------------------------------
@dataclass
class Verdict:
    mode: str
    unit: Unit
    reported: Any
    expected: Any
    imbalance: Any = None
    related: list[Related] = field(default_factory=list)
    diagnosis: dict | None = None
    fields: dict = field(default_factory=dict)       # message fields, each {id, en}
    label: str | None = None                          # the claim in a few words (location.row_label)

    def location(self) -> Location:
        u = self.unit
        return Location(path=u.path, sheet=u.section, caption=u.near_table, quote=u.text,
                        row_label=(self.label or "")[:120] or None)

    def message_fields(self, lang: str) -> dict:
        lang = "en" if lang == "en" else "id"
        return {k: (v[lang] if isinstance(v, dict) else v) for k, v in self.fields.items()}

    def diagnosis_text(self, lang: str) -> str | None:
        if not self.diagnosis:
            return None
        return self.diagnosis["en" if lang == "en" else "id"]


@dataclass
class Claim:
    unit: Unit
    mode: str
    what: str                      # the claim in a few words ("realisasi SKPD = Rp3.625.226.754")
    tied: bool = False
    fact: str | None = None        # what it was tied to
    why: str | None = None         # why it was not
    verdicts: list[Verdict] = field(default_factory=list)
    used: list = field(default_factory=list)     # the table facts whose change the verdict would notice (coverage)

    def summary(self) -> dict:
        d = {"section": self.unit.section, "paragraph": self.unit.para, "text": self.unit.text,
             "claim": self.what, "mode": self.mode, "tied": self.tied}
        if self.tied:
            d["fact"] = self.fact or ""
            d["verdict"] = "contradiction" if self.verdicts else "consistent"
        else:
            d["why"] = self.why or ""
        return d


# -- patterns ----------------------------------------------------------------------------------------
CATEGORY = re.compile(r"\bbelanja\s+(operasi(?:onal)?|modal|pegawai|barang(?:\s+dan\s+jasa)?|tidak\s+terduga|"
                      r"transfer|hibah|bantuan\s+sosial)\b", re.I)
DENOM = re.compile(r"\bdari\s+(?:(?:keseluruhan|seluruh|total|jumlah)\s+)?(?:belanja|anggaran|pagu|dana)\b"
                   r"(?:\s+(?:langsung|anggaran|daerah))?", re.I)
REALISE = re.compile(r"\b(terealisasi|realisasi(?:nya)?|terserap|direalisasikan|penyerapan|serapan)\b", re.I)
ALLOC = re.compile(r"\b(alokasi|mengalokasikan|dialokasikan|proporsi|porsi|merupakan)\b", re.I)
BUDGET_WORD = re.compile(r"\b(anggaran|pagu|dana|belanja|realisasi|apbd)\b", re.I)
COUNT_NOUN = re.compile(r"\b\d+\s+(?:\(\s*\w+(?:\s\w+)?\s*\)\s+)?(?:sub\s*kegiatan|kegiatan|program|sasaran|indikator)\b",
                        re.I)
SUBJECT_OTHER = re.compile(r"\b(program|kegiatan|sub\s*kegiatan|sasaran|indikator|desa|kelurahan|bidang|seksi)\b",
                           re.I)
PROGRAM_NAME = re.compile(r"\bProgram\s+(?:Program\s+)?(?P<name>[A-Z][^;:]*?)\s+(?:dengan\s+)?"
                          r"(?i:anggaran|pagu|sebesar|senilai|sejumlah)\b")
CLAUSE_SPLIT = re.compile(r";|\s+dan\s+(?=belanja\b)", re.I)
YEAR_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+s\.?\s?d\.?\s+(?:19|20)\d\d\b")
REFERS_SASARAN = re.compile(r"\bsasaran\b|\bcapaian\s+(?:kinerja|sasaran)\b|\bnilai\s+capaian\b", re.I)
NOT_CAPAIAN = re.compile(r"\b(serapan|anggaran|efisien\w*|realisasi\s+keuangan)\b", re.I)
NAMED_OWNER = re.compile(r"\b(?:program|kegiatan)\s+[A-Z]|\b(?:sasaran|bidang|seksi|urusan|subbag\w*)\b", re.I)

SASARAN_HEAD = re.compile(r"^\s*Sasaran(?:\s+Strategis)?\s*(?P<no>\d+|[IVX]+)?\s*\*?\s*:\s*(?P<rest>.+)$", re.I)
SASARAN_END = re.compile(r"\s+(?:mendapat|memperoleh|mencapai|masuk|dengan\s+(?:predikat|nilai|prosentase|persentase)"
                         r"|tergolong|menunjukkan|adalah|yaitu)\b.*$", re.I)
SASARAN_NUMBER_ONLY = re.compile(r"\bsasaran\s*(?:strategis\s*)?(\d+|[IVX]+)\s*\*?\s*:?\s*\d", re.I)
CAPAIAN_WORD = re.compile(r"\bcapaian\b", re.I)
TARGET_BEFORE = re.compile(r"\btarget\s*$", re.I)

SHORTAGE = re.compile(r"\b(kekurangan|kelebihan|selisih|gap)\b", re.I)
IDEAL = re.compile(r"\b(ideal(?:nya)?|kebutuhan|dibutuhkan|seharusnya|formasi)\b", re.I)
COUNT_UNIT = r"(jiwa|orang|pegawai|kk|unit|desa|dokumen|laporan|paket|kegiatan|lembaga)"
MALE = re.compile(r"\b(laki[\s-]*laki|pria)\b", re.I)
FEMALE = re.compile(r"\b(perempuan|wanita)\b", re.I)
TOTAL_WORD = re.compile(r"\b(jumlah|total|sebanyak|seluruh)\b", re.I)
CHANGE = re.compile(r"\bmengalami\s+(peningkatan|kenaikan|penurunan)\b", re.I)
COMPARE = re.compile(r"\b(dibandingkan|dibanding|sebelumnya|semula)\b", re.I)
LIST_ITEM = re.compile(r"^(?P<label>[^\d%]{2,60}?)\s+(?P<pct>\d+(?:,\d+)?)\s*%\s+(?:sebanyak|sejumlah|berjumlah)\s+"
                       r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<unit>jiwa|orang|kk)\s*[.;,]?\s*$", re.I)

LEVEL_COUNT = re.compile(r"\b(?P<n>\d+)\s+(?P<level>sub\s*kegiatan|kegiatan|program)\b", re.I)
COUNT_VERB = re.compile(r"\b(memiliki|melaksanakan|terdiri|sebanyak|berjumlah|terdapat|mencakup|meliputi|mengelola)\b",
                        re.I)
IND_COUNT = re.compile(r"\b(?P<n>\d+)\s+(?:\(\s*\w+(?:\s\w+)?\s*\)\s+)?indikator\s+(?:sasaran|kinerja)\b", re.I)
SDM_TOTAL = re.compile(r"\b(?:sumber\s*daya\s*manusia|sdm)\b(?:\s+\S+){0,3}?\s+(?:berjumlah|sebanyak|sejumlah)\s+"
                       r"(?P<n>\d+)\s+orang\b", re.I)
LIST_INTRO = re.compile(r"\b(?P<n>\d+)\s+(?:\(\s*[a-z ]+\s*\)\s+)?(?P<noun>[a-z]+)\s+(?:yaitu|yakni|sebagai\s+berikut|"
                        r"meliputi|terdiri\s+(?:atas|dari))\s*:?\s*$", re.I)
NON_ASN = re.compile(r"non[\s-]*asn|honorer|\bptt\b|\bthl\b|kontrak|outsourc", re.I)

TABLE_REF = re.compile(r"\btabel\s+(?P<a>\d+(?:\.\d+)+)(?:\s*(?:[-–—]|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*"
                       r"(?:tabel\s+)?(?P<b>\d+(?:\.\d+)+))?", re.I)
SOURCE_LINE = re.compile(r"^\s*sumber\b", re.I)

PLACEHOLDERS = [
    re.compile(r"\(?\bRp\.?\s*(?:\.{2,}|…+|[xX]{2,})[.…\s]*(?:,-)?\)?", re.I),
    re.compile(r"\b(?:sebesar|sebanyak|sejumlah|senilai|mencapai|adalah|yaitu|berjumlah)\s+(?:\.{3,}|…+)", re.I),
    re.compile(r"(?:\.{3,}|…+)\s*%"),
    re.compile(r"\bsebanyak\s+(?!\d)(?:indikator|orang|pegawai|program|kegiatan|sub\s+kegiatan|sasaran|dokumen|desa|"
               r"kelurahan|jiwa|unit|laporan|paket|lembaga)\b", re.I),
    # a document generator's variable left in the text: "$efesiensi", "${kendala}" (never a price: "$100")
    re.compile(r"(?<![\w$])\$\{?[a-z_][a-z0-9_]{1,30}\}?(?![\w])"),
]
LEADER = re.compile(r"\.{3,}\s*[ivxlcdm\d]+\s*$", re.I)

NUMBER_WORDS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
NUM_WORDS_RE = re.compile(r"(?<![\d.,])(?P<n>\d{1,4})\s*\(\s*(?P<w>[A-Za-z][A-Za-z ]{1,40}?)\s*\)")

# The words (lower case) one of which the first pattern of a per-sentence extractor needs to match: a
# sentence with none of them is not handed to it (Analysis.run). Each word is a literal every match of
# that pattern contains.
BUDGET_KEYS = ("anggaran", "pagu", "dana", "belanja", "realisasi", "apbd")      # BUDGET_WORD
SHORTAGE_KEYS = ("kekurangan", "kelebihan", "selisih", "gap")                    # SHORTAGE
MALE_KEYS = ("laki", "pria")                                                      # MALE
CHANGE_KEYS = ("mengalami",)                                                      # CHANGE
NUM_WORDS_KEYS = ("(",)                                                           # NUM_WORDS_RE
LEVEL_COUNT_KEYS = ("kegiatan", "program")                                        # LEVEL_COUNT
IND_KEYS = ("indikator",)                                                         # the pattern of _predikat_counts
SDM_KEYS = ("orang",)                                                             # SDM_TOTAL
PLACEHOLDER_KEYS = ("rp", "...", "\u2026", "sebanyak", "$")                      # PLACEHOLDERS
# what each of PLACEHOLDERS needs: one word of each group
PLACEHOLDER_NEEDS = ((("rp",), ("..", "\u2026", "xx")), (("...", "\u2026"),), (("...", "\u2026"),), (("sebanyak",),),
                     (("$",),))
PREDIKAT_KEYS = ("predikat", "kategori", "kriteria", "tergolong", "peringkat")   # the pattern of _predikat_words
CAPAIAN_KEYS = ("capaian",)                                                       # CAPAIAN_WORD
LIST_INTRO_ENDS = ("yaitu", "yakni", "berikut", "meliputi", "atas", "dari")       # the words LIST_INTRO ends with
LIST_ITEM_ENDS = ("jiwa", "orang", "kk")                                           # and LIST_ITEM
TABLE_REF_KEYS = ("tabel",)                                                       # TABLE_REF
TARGET_KEYS = ("target",)                                                         # TARGET_BEFORE
NOT_CAPAIAN_KEYS = ("serapan", "anggaran", "efisien", "realisasi")               # NOT_CAPAIAN
REFERS_SASARAN_KEYS = ("sasaran", "capaian")                                      # REFERS_SASARAN
SASARAN_KEYS = PREDIKAT_KEYS + CAPAIAN_KEYS
KEYWORDS = frozenset(BUDGET_KEYS + SHORTAGE_KEYS + MALE_KEYS + CHANGE_KEYS + NUM_WORDS_KEYS + LEVEL_COUNT_KEYS
                     + IND_KEYS + SDM_KEYS + PLACEHOLDER_KEYS + SASARAN_KEYS + TABLE_REF_KEYS
                     + tuple(k for needs in PLACEHOLDER_NEEDS for keys in needs for k in keys))
# The keywords only extractors that need a digit look for (their patterns have a \d, or they do nothing
# without the sentence's numbers): looked for in sentences with a digit only (Unit.digits; Analysis.run)
DIGIT_KEYS = frozenset(BUDGET_KEYS + SHORTAGE_KEYS + MALE_KEYS + CHANGE_KEYS + NUM_WORDS_KEYS + LEVEL_COUNT_KEYS
                       + IND_KEYS + SDM_KEYS + TABLE_REF_KEYS)
def unit_keywords(text: str) -> set[str] | None:
    """The KEYWORDS in ``text``; None when keyword tests on it could miss (see keyword_text)."""
    low = keyword_text(text)
    return None if low is None else {k for k in KEYWORDS if k in low}


def units_keywords(texts: list[str], keys=KEYWORDS) -> list[set[str] | None]:
    """``[unit_keywords(t) for t in texts]`` (of ``keys``), found with one C search per keyword over all
    the texts at once (lowered and joined by newlines) instead of one per keyword and text: no keyword
    has white space, so a match cannot run from one text into the next."""
    found: list[set[str] | None] = [set() for _ in texts]
    if not texts:
        return found
    lows = [t.lower() for t in texts]
    starts, pos = [], 0             # where each text starts in `low` (lower() may change a length: İ)
    for t in lows:
        starts.append(pos)
        pos += len(t) + 1
    low = "\n".join(lows)
    last = len(texts) - 1
    for k in keys:
        i = low.find(k)
        while i >= 0:
            j = bisect_right(starts, i) - 1
            found[j].add(k)
            if j == last:
                break
            i = low.find(k, starts[j + 1])      # the next text that has it
    for j, t in enumerate(texts):
        if not t.isascii() and keyword_text(t) is None:
            found[j] = None
    return found


def may_end_with(text: str, words: tuple[str, ...], punct: str) -> bool:
    r"""False only when ``text`` cannot end as a case-insensitive pattern ``(?:word|…)\s*[punct]?\s*$``
    ends: with one of ``words`` (lower-case), then white space, at most one character of ``punct``
    and white space. A test on the last characters instead of a search through the whole text."""
    t = text.rstrip()
    if t and t[-1] in punct:
        t = t[:-1].rstrip()
    low = keyword_text(t[-12:])     # the longest word is shorter
    return low is None or low.endswith(words)


def words_to_int(text: str) -> int | None:
    """'dua belas' → 12, 'dua puluh lima' → 25, 'seratus' → 100; None for anything else."""
    ws = text.lower().split()
    if not ws:
        return None
    total, cur = 0, 0
    i = 0
    while i < len(ws):
        w = ws[i]
        if w in NUMBER_WORDS:
            v = NUMBER_WORDS[w]
            if v in (100, 1000):
                total += v
            else:
                cur += v
        elif w == "belas" and 0 < cur < 10:
            cur += 10
        elif w == "puluh" and 0 < cur < 10:
            cur *= 10
        elif w == "ratus" and 0 < cur < 10:
            total += cur * 100
            cur = 0
        else:
            return None
        i += 1
    return total + cur


# -- the analysis -------------------------------------------------------------------------------------
class Analysis:
    def __init__(self, ctx, tol: tl.Tolerance | None = None):
        self.ctx = ctx
        self.tol = tol or tl.Tolerance()
        self.paragraphs = ctx.paragraphs()
        self.claims: list[Claim] = []
        self.errors: dict[str, Exception] = {}
        if not self.paragraphs:         # no Word document: no narrative to read
            self.units, self._paras_cache = [], []
            return
        self.store = ctx.facts()
        self.year = self.store.year
        self.scale = ctx.settings.active
        self._paras_cache = text_paragraphs(self.paragraphs)
        self.units = paragraph_units(self._paras_cache)
        self.text_facts: dict[str, list[tuple[Decimal, Unit]]] = defaultdict(list)
        self._sasaran_index = None
        self._list_paras: set[tuple] = set()
        self._facts_by_key = None
        self._capcache: dict[str, set[str]] = {}   # _captions()
        self._unit_keys: list[set[str] | None] = []
        self._keys_by_id: dict[int, set[str] | None] = {}
        self._labels: list[str] | None = None      # the active scale's band labels (_label_words)
        self._predikat_rx = None
        self._predikat_count_rx = None
        self._ties: dict[str, tuple] = {}           # _tie_sasaran()
        self.run()

    # -- facts ------------------------------------------------------------------------------------------
    def facts(self, entity: str, measure: str, origins=None) -> list:
        by_key = self._facts_by_key
        if by_key is None:              # the store's facts by (entity, measure), in store order
            by_key = self._facts_by_key = defaultdict(list)
            for f in self.store.facts:
                if f.num is not None:
                    by_key[(f.entity, f.measure)].append(f)
        out = [f for f in by_key.get((entity, measure), ())
               if (f.period is None or self.year is None or f.period == self.year)
               and (origins is None or f.origin in origins)]
        return out

    def ordered(self, facts: list, unit: Unit) -> list:
        def key(f):
            return (f.path != unit.path, f.caption is None, not str(f.origin).startswith("anggaran"),
                    -_caption_rank(f.caption), f.path, f.cell or "")
        return sorted(facts, key=key)

    # -- driver -----------------------------------------------------------------------------------------
    def run(self) -> None:
        # the keywords (KEYWORDS) of each sentence; None: a keyword test could miss, test nothing. In a
        # sentence without a digit, only those of the extractors that can do without one.
        units = self.units
        self._unit_keys = units_keywords([u.text for u in units], KEYWORDS - DIGIT_KEYS)
        digits = [i for i, u in enumerate(units) if u.digits]
        for i, found in zip(digits, units_keywords([units[i].text for i in digits], DIGIT_KEYS)):
            if found:       # (None for both, or for neither)
                self._unit_keys[i] |= found
        self._keys_by_id = {id(u): k for u, k in zip(units, self._unit_keys)}
        self._guard(self._text_facts, "budget")
        # Each extractor with the words one of which its patterns need. A sentence with none of them
        # cannot give the extractor anything (nor make it fail): it is not called. (Those of DIGIT_KEYS
        # are not looked for in a sentence without a digit: their extractors need one too.)
        per_unit = ((self._budget, "budget", BUDGET_KEYS), (self._shares, "arithmetic", BUDGET_KEYS),
                    (self._shortage, "arithmetic", SHORTAGE_KEYS), (self._partition, "arithmetic", MALE_KEYS),
                    (self._change, "arithmetic", CHANGE_KEYS), (self._number_words, "arithmetic", NUM_WORDS_KEYS),
                    (self._level_counts, "count", LEVEL_COUNT_KEYS), (self._predikat_counts, "count", IND_KEYS),
                    (self._sdm, "count", SDM_KEYS), (self._table_refs, "table_ref", TABLE_REF_KEYS),
                    (self._placeholders, "placeholder", PLACEHOLDER_KEYS))
        guard = self._guard
        path = None
        todo_of: dict[frozenset, list] = {}     # the extractors for each set of keywords (sentences share them)
        for u, found in zip(self.units, self._unit_keys):
            if u.path != path:          # a document's captions are read at its first sentence, as
                path = u.path           # _table_refs would (a reading error is reported for table_ref)
                guard(self._captions, "table_ref", path)
            if found is None:
                todo = per_unit
            elif not found:             # no keyword at all (most sentences)
                continue
            else:
                key = frozenset(found)
                todo = todo_of.get(key)
                if todo is None:
                    todo = todo_of[key] = [x for x in per_unit if not found.isdisjoint(x[2])]
            for fn, mode, _ in todo:
                guard(fn, mode, u)
        self._guard(self._sasaran_claims, "predikat")
        self._guard(self._breakdown_lists, "arithmetic")
        self._guard(self._list_counts, "count")
        covered = {(c.unit.path, c.unit.para, c.unit.text) for c in self.claims}
        for u in self.units:
            if not u.tokens:            # no number to list
                continue
            if (u.path, u.para, u.text) in covered or (u.path, u.para) in self._list_paras:
                continue
            shown_nums = [t for t in u.numbers if informative(t, u.text)]
            if shown_nums and u.style.lower() != "caption":
                self.claims.append(Claim(u, "", "", why="no claim pattern recognised (numbers: "
                                         + ", ".join(t.text for t in shown_nums[:6]) + ")"))

    def _text_facts(self) -> None:
        """Pass 1: belanja operasi/modal stated in the text, evidence for diagnoses elsewhere."""
        for u, found in zip(self.units, self._unit_keys):
            if found is not None and found.isdisjoint(BUDGET_KEYS):
                continue        # no BUDGET_WORD: no clauses
            for c in self._budget_clauses(u):
                if c[0] in ("operasi", "modal") and c[2] is not None:
                    for measure, tok in c[2].items():
                        if tok is not None and measure in ("pagu", "realisasi"):
                            self.text_facts[f"{measure}_{c[0]}"].append((tok.value, u))

    def _guard(self, fn, mode: str, *args) -> None:
        """One extractor's bug must not take the others down; the check re-raises it as "rule crashed"."""
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001
            self.errors.setdefault(mode, e)

    def _has(self, u: Unit, keys) -> bool:
        """False only when the sentence has none of ``keys`` (a subset of KEYWORDS): see may_match. (Or,
        for keys of DIGIT_KEYS, when it has no digit.)"""
        found = self._keys_by_id.get(id(u), False)
        if found is False:              # not one of self.units
            return may_match(u.text, keys)
        return found is None or not found.isdisjoint(keys)

    def _text_paragraphs(self) -> list:
        """The paragraphs outside the tables of contents."""
        return self._paras_cache

    def add(self, claim: Claim) -> Claim:
        self.claims.append(claim)
        return claim

    def other_year(self, u: Unit) -> int | None:
        """A year other than the report's mentioned in the sentence (outside a period such as 2021-2026)."""
        if self.year is None:
            return None
        spans = None        # the periods, looked for when a year other than the report's is there
        for t in u.tokens:
            if t.year_like and int(t.text) != self.year:
                if spans is None:
                    spans = [m.span() for m in YEAR_RANGE.finditer(u.text)]
                if not any(a <= t.start < b for a, b in spans):
                    return int(t.text)
        return None

    def skip_other_year(self, u: Unit, mode: str, what: str) -> bool:
        y = self.other_year(u)
        if y is not None:
            self.add(Claim(u, mode, what, why=f"the sentence is about {y}, not the report year {self.year}"))
            return True
        return False

    def verdicts(self, mode: str) -> list[Verdict]:
        out = []
        for c in self.claims:
            if c.mode != mode:
                continue
            for v in c.verdicts:
                if v.label is None:
                    v.label = c.what
                out.append(v)
        return out

    # -- TXT001: budget ---------------------------------------------------------------------------------
    def _budget_clauses(self, u: Unit) -> list[tuple[str, str, dict, str]]:
        """(subject, clause, {pagu, realisasi, serapan, share: Token|None}, program name) per clause."""
        if not hasattr(self, "_clause_cache"):
            self._clause_cache = {}
        key = id(u)
        if key not in self._clause_cache:
            self._clause_cache[key] = self._budget_clauses_of(u)
        return self._clause_cache[key]

    def _budget_clauses_of(self, u: Unit) -> list[tuple[str, str, dict, str]]:
        if not any(t.rupiah or t.percent for t in u.tokens) or not self._has(u, BUDGET_KEYS) \
                or not BUDGET_WORD.search(u.text):
            return []
        alloc = bool(ALLOC.search(u.text))
        out = []
        clauses = CLAUSE_SPLIT.split(u.text)
        for clause in clauses:      # one clause: the sentence, whose tokens are read already
            toks = [t for t in (u.tokens if len(clauses) == 1 else tokens(clause)) if not t.year_like]
            money_t = [t for t in toks if t.rupiah]
            pcts = [t for t in toks if t.percent]
            if not money_t and not pcts:
                continue
            subj_text = DENOM.sub(" ", clause)
            cat = CATEGORY.search(subj_text)
            r = REALISE.search(clause)
            vals: dict[str, Token | None] = {"pagu": None, "realisasi": None, "serapan": None, "share": None}
            if cat:
                name = cat.group(1).lower()
                subject = "operasi" if name.startswith("operasi") else "modal" if name == "modal" else "other:" + name
            else:
                first = min(t.start for t in money_t + pcts)
                before = COUNT_NOUN.sub(" ", clause[:first])
                pm = PROGRAM_NAME.search(clause)
                if pm and money_t and pm.end() <= money_t[0].start + 1:
                    subject = "program"
                elif SUBJECT_OTHER.search(before):
                    subject = "share" if (pcts and money_t and DENOM.search(clause)) else "other"
                elif not BUDGET_WORD.search(before):
                    subject = "other"
                else:
                    subject = "skpd"
                if subject == "program":
                    if len(money_t) == 1 and not pcts:
                        vals["pagu"] = money_t[0]
                        out.append(("program", clause, vals, pm.group("name").strip(" ,")))
                    continue
                if subject == "share":
                    if len(money_t) == 1 and len(pcts) == 1:
                        vals["pagu"], vals["share"] = money_t[0], pcts[0]
                        out.append(("share", clause, vals, ""))
                    continue
                if subject == "other":
                    continue
            if r:
                pre = [t for t in money_t if t.start < r.start()]
                post = [t for t in money_t if t.start > r.start()]
                ppost = [t for t in pcts if t.start > r.start()]
                if len(pre) > 1 or len(post) > 1 or len(pcts) > 1 or (pcts and not ppost):
                    out.append((subject, clause, None, "too many numbers"))
                    continue
                vals["pagu"] = pre[0] if pre else None
                vals["realisasi"] = post[0] if post else None
                vals["serapan"] = ppost[0] if ppost else None
            else:
                if len(money_t) > 1 or len(pcts) > 1:
                    out.append((subject, clause, None, "too many numbers"))
                    continue
                vals["pagu"] = money_t[0] if money_t else None
                if pcts and (alloc or DENOM.search(clause)) and subject in ("operasi", "modal"):
                    vals["share"] = pcts[0]
            out.append((subject, clause, vals, ""))
        return out

    def _budget(self, u: Unit) -> None:
        clauses = [c for c in self._budget_clauses(u) if c[0] != "share"]
        if clauses and self.skip_other_year(u, "budget", "budget figures"):
            return
        for subject, clause, vals, extra in clauses:
            if vals is None:
                self.add(Claim(u, "budget", f"belanja {subject}", why=f"{extra}: cannot tell which is which"))
                continue
            if subject.startswith("other:"):
                self.add(Claim(u, "budget", subject[6:], why=f"no fact for belanja {subject[6:]}"))
                continue
            if subject == "program":
                self._program_pagu(u, vals["pagu"], extra)
                continue
            if subject == "skpd":
                self._skpd(u, vals)
            else:
                self._category(u, subject, vals)

    def _skpd(self, u: Unit, vals: dict) -> None:
        words = {"pagu": L("anggaran (pagu) SKPD", "the SKPD's budget (pagu)"),
                 "realisasi": L("realisasi belanja SKPD", "the SKPD's actual spending"),
                 "serapan": L("% serapan anggaran SKPD", "the SKPD's % budget absorption")}
        for measure in ("pagu", "realisasi"):
            tok = vals.get(measure)
            if tok is None:
                continue
            facts = self.ordered(self.facts("skpd", measure), u)
            c = self.add(Claim(u, "budget", f"{measure} SKPD = {tok.text}"))
            if not facts:
                c.why = f"no SKPD {measure} in the tables (no JUMLAH row, no SIPD export)"
                continue
            c.tied, c.fact = True, "; ".join(f"{fact_label(f)} {f.cell or ''}".strip() for f in facts[:3])
            c.used = noticed(facts, tok.value)
            if any(f.num.value == tok.value for f in facts):
                continue
            ref = facts[0]
            diag = self._diagnose_amount(tok.value, measure, u)
            c.verdicts.append(Verdict(
                "budget", u, as_number(tok.value), as_number(ref.num.value), as_number(tok.value - ref.num.value),
                related=_distinct([fact_related(f, "other_source") for f in facts])[:4], diagnosis=diag,
                fields={"what": words[measure], "stated": money(tok.value), "computed": money(ref.num.value),
                        "basis": says(ref)}))
        tok = vals.get("serapan")
        if tok is None:
            return
        c = self.add(Claim(u, "budget", f"serapan SKPD = {tok.text}"))
        stated_f = self.ordered(self.facts("skpd", "serapan"), u)
        reals = self.ordered(self.facts("skpd", "realisasi"), u)
        pagus = self.ordered(self.facts("skpd", "pagu"), u)
        computed = None
        if reals and pagus:
            same = [(r, p) for r in reals for p in pagus if (r.path, r.sheet) == (p.path, p.sheet)]
            r_, p_ = same[0] if same else (reals[0], pagus[0])
            computed = (tl.ratio(tl.given(r_.num), tl.given(p_.num)), r_, p_)
        if not stated_f and computed is None:
            c.why = "no SKPD realisasi/pagu or % serapan in the tables"
            return
        c.tied = True
        c.fact = "; ".join([f"{fact_label(f)} {f.cell or ''}".strip() for f in stated_f[:2]]
                           + ([f"{fact_label(computed[1])} realisasi / pagu"] if computed else []))
        ok = any(meets_num(tok.num, f.num, self.tol) for f in stated_f)
        if computed and computed[0] and tl.meets(tl.stated(tok.num, self.tol), computed[0]):
            ok = True
        if not stated_f and computed:
            c.used = [computed[1], computed[2]]     # the one way it is judged: realisasi / pagu
        if ok:
            return
        dec = max(tok.num.decimals, 2)
        if computed and computed[0]:
            exp = tl.mid(computed[0])
            basis = lz(L("menurut {src}, {r} / {p} × 100 =", "per {src}, {r} / {p} × 100 ="),
                       r=money(computed[1].num.value), p=money(computed[2].num.value), src=fact_label(computed[1]))
        else:
            exp = stated_f[0].num.value
            basis = says(stated_f[0])
        rel = [fact_related(f, "other_source") for f in stated_f[:2]]
        if computed:
            rel += [fact_related(computed[1], "numerator"), fact_related(computed[2], "denominator")]
        c.verdicts.append(Verdict(
            "budget", u, as_number(tok.value), as_number(exp, dec), as_number(tok.value - exp, dec),
            related=_distinct(rel), diagnosis=self._diagnose_serapan(tok, vals.get("realisasi"), u),
            fields={"what": words["serapan"], "stated": pct(tok.value, tok.num.decimals), "computed": pct(exp, dec),
                    "basis": basis}))

    def _category_values(self, cat: str, measure: str, u: Unit) -> tuple[list, list]:
        """Table facts and text statements of belanja operasi/modal's pagu or realisasi."""
        facts = self.ordered(self.facts("skpd", f"{measure}_{cat}"), u)
        texts = [(v, tu) for v, tu in self.text_facts.get(f"{measure}_{cat}", []) if tu is not u]
        return facts, texts

    def _diagnose_amount(self, value: Decimal, measure: str, u: Unit) -> dict | None:
        names = {"operasi": L("belanja operasi", "operating expenditure"), "modal": L("belanja modal",
                                                                                       "capital expenditure")}
        hits = []
        for cat in ("operasi", "modal"):
            for m in ("pagu", "realisasi"):
                facts, texts = self._category_values(cat, m, u)
                if any(f.num.value == value for f in facts) or any(v == value for v, _ in texts):
                    hits.append((cat, m))
        if len(hits) != 1:
            return None
        cat, m = hits[0]
        what = L("realisasi", "actual spending") if m == "realisasi" else L("pagu", "budget")
        wanted = L("realisasi seluruh belanja", "total actual spending") if measure == "realisasi" else \
            L("pagu seluruh belanja", "total budget")
        return lz(L("{v} adalah {what} {cat} saja, bukan {wanted}", "{v} is the {what} of {cat} only, not the {wanted}"),
                  v=money(value), what=what, cat=names[cat], wanted=wanted)

    def _diagnose_serapan(self, tok: Token, real_tok: Token | None, u: Unit) -> dict | None:
        names = {"operasi": L("belanja operasi", "operating expenditure"), "modal": L("belanja modal",
                                                                                       "capital expenditure")}
        hits = []
        for cat in ("operasi", "modal"):
            rf, rt = self._category_values(cat, "realisasi", u)
            pf, pt = self._category_values(cat, "pagu", u)
            reals = {f.num.value for f in rf} | {v for v, _ in rt}
            pagus = {f.num.value for f in pf} | {v for v, _ in pt}
            for r in reals:
                for p in pagus:
                    if p > 0 and tl.rounds_to(r * 100 / p, tok.num):
                        hits.append((cat, r, p))
        cats = {h[0] for h in hits}
        if len(cats) != 1:
            return None
        cat, r, p = hits[0]
        ratio = r * 100 / p
        return lz(L("rasio yang sama terhadap dasar lain: {r} / {p} = {x} adalah serapan {cat} saja, bukan serapan "
                    "seluruh anggaran",
                    "the same ratio over another base: {r} / {p} = {x} is the absorption of {cat} only, not of the "
                    "whole budget"),
                  r=money(r), p=money(p), x=pct(ratio, tok.num.decimals), cat=names[cat])

    def _category(self, u: Unit, cat: str, vals: dict) -> None:
        names = {"operasi": L("belanja operasi", "operating expenditure"), "modal": L("belanja modal",
                                                                                       "capital expenditure")}
        for measure in ("pagu", "realisasi"):
            tok = vals.get(measure)
            if tok is None:
                continue
            c = self.add(Claim(u, "budget", f"{measure} belanja {cat} = {tok.text}"))
            facts = self.ordered(self.facts("skpd", f"{measure}_{cat}"), u)
            if not facts:
                c.why = f"no {measure} of belanja {cat} in the facts (needs the SIPD export by kode rekening)"
                continue
            c.tied, c.fact = True, "; ".join(fact_label(f) for f in facts[:2])
            c.used = noticed(facts, tok.value)
            if any(f.num.value == tok.value for f in facts):
                continue
            ref = facts[0]
            what = lz(L("{m} {cat}", "{m} of {cat}"), m=L(measure, "budget" if measure == "pagu" else "actual"),
                      cat=names[cat])
            c.verdicts.append(Verdict("budget", u, as_number(tok.value), as_number(ref.num.value),
                                      as_number(tok.value - ref.num.value),
                                      related=[fact_related(f, "other_source") for f in facts[:3]],
                                      fields={"what": what, "stated": money(tok.value),
                                              "computed": money(ref.num.value), "basis": says(ref)}))
        # serapan stated with its own pagu and realisasi: the sentence's own arithmetic (TXT002)
        s, p, r = vals.get("serapan"), vals.get("pagu"), vals.get("realisasi")
        if s is not None:
            c = self.add(Claim(u, "arithmetic", f"serapan belanja {cat} = {s.text}"))
            if p is None or r is None or p.value <= 0:
                c.why = "pagu or realisasi missing from the sentence"
            else:
                c.tied, c.fact = True, f"{r.text} / {p.text} (same sentence)"
                iv = tl.ratio(tl.given(exact(r.value)), tl.given(exact(p.value)))
                if iv and not tl.meets(tl.stated(s.num, self.tol), iv):
                    dec = max(s.num.decimals, 2)
                    exp = tl.mid(iv)
                    c.verdicts.append(Verdict(
                        "arithmetic", u, as_number(s.value), as_number(exp, dec), as_number(s.value - exp, dec),
                        related=[unit_related(u, as_number(r.value), "numerator"),
                                 unit_related(u, as_number(p.value), "denominator")],
                        fields={"what": lz(L("% serapan {cat}", "% absorption of {cat}"), cat=names[cat]),
                                "stated": pct(s.value, s.num.decimals), "computed": pct(exp, dec),
                                "basis": lz(L("{r} / {p} × 100", "{r} / {p} × 100"), r=money(r.value),
                                            p=money(p.value))}))
        sh = vals.get("share")
        if sh is not None and p is not None:
            c = self.add(Claim(u, "budget", f"share of belanja {cat} = {sh.text}"))
            totals = self.ordered(self.facts("skpd", "pagu"), u)
            if not totals:
                c.why = "no SKPD pagu in the tables"
                return
            tot = totals[0]
            c.tied, c.fact = True, f"{p.text} / {fact_label(tot)}"
            iv = tl.ratio(tl.given(exact(p.value)), tl.given(tot.num))
            if iv and not tl.meets(tl.stated(sh.num, self.tol), iv):
                dec = max(sh.num.decimals, 2)
                exp = tl.mid(iv)
                c.verdicts.append(Verdict(
                    "budget", u, as_number(sh.value), as_number(exp, dec), as_number(sh.value - exp, dec),
                    related=[unit_related(u, as_number(p.value), "numerator"), fact_related(tot, "denominator")],
                    fields={"what": lz(L("porsi {cat} dari seluruh anggaran", "the share of {cat} in the whole budget"),
                                       cat=names[cat]),
                            "stated": pct(sh.value, sh.num.decimals), "computed": pct(exp, dec),
                            "basis": lz(L("menurut {src}, {p} / {t} × 100 =", "per {src}, {p} / {t} × 100 ="),
                                        p=money(p.value), t=money(tot.num.value), src=fact_label(tot))}))

    def _program_pagu(self, u: Unit, tok: Token, name: str) -> None:
        c = self.add(Claim(u, "budget", f"pagu program «{name[:50]}» = {tok.text}"))
        progs = [e for e in self.store.entities.values() if e.level == "program"]
        if not progs:
            c.why = "no programs in the facts"
            return
        m = best_match(name, [e.name for e in progs])
        ent = None
        if m.ok:
            ent = progs[m.index]
        else:
            same = [e for e in progs if any(f.num.value == tok.value for f in self.facts(e.key, "pagu"))]
            if len(same) == 1:
                ent = same[0]
                c.tied, c.fact = True, f"program {ent.name} (by its pagu; the name did not match)"
                return
            c.why = "program name matches no program" if not m.ambiguous else "program name is ambiguous"
            return
        facts = self.ordered(self.facts(ent.key, "pagu"), u)
        if not facts:
            c.why = f"no pagu for program {ent.name}"
            return
        c.tied, c.fact = True, f"program {ent.name}: " + "; ".join(fact_label(f) for f in facts[:3])
        c.used = noticed(facts, tok.value)
        if any(f.num.value == tok.value for f in facts):
            return
        ref = facts[0]
        c.verdicts.append(Verdict("budget", u, as_number(tok.value), as_number(ref.num.value),
                                  as_number(tok.value - ref.num.value),
                                  related=_distinct([fact_related(f, "other_source") for f in facts])[:4],
                                  fields={"what": L(f"anggaran program {ent.name}", f"the budget of programme {ent.name}"),
                                          "stated": money(tok.value), "computed": money(ref.num.value),
                                          "basis": says(ref)}))

    # -- TXT002: arithmetic -----------------------------------------------------------------------------
    def _shares(self, u: Unit) -> None:
        clauses = [c for c in self._budget_clauses(u) if c[0] == "share" and c[2] is not None]
        if clauses and self.skip_other_year(u, "arithmetic", "share of the whole belanja"):
            return
        for subject, clause, vals, _ in clauses:
            x, p = vals["pagu"], vals["share"]
            c = self.add(Claim(u, "arithmetic", f"{x.text} = {p.text} of the whole belanja"))
            totals = self.ordered(self.facts("skpd", "pagu"), u)
            if not totals:
                c.why = "no SKPD pagu in the tables"
                continue
            tot = totals[0]
            c.tied, c.fact = True, f"{x.text} / {fact_label(tot)}"
            iv = tl.ratio(tl.given(exact(x.value)), tl.given(tot.num))
            if iv is None or tl.meets(tl.stated(p.num, self.tol), iv):
                continue
            dec = max(p.num.decimals, 2)
            exp = tl.mid(iv)
            progs = [f for e in self.store.entities.values() if e.level == "program"
                     for f in self.facts(e.key, "pagu") if f.num.value == x.value]
            rel = [fact_related(self.ordered(progs, u)[0], "numerator") if progs
                   else unit_related(u, as_number(x.value), "numerator"), fact_related(tot, "denominator")]
            diag = None
            if p.value == 100 and self._sole_program_of_sasaran(u, x.value):
                diag = L("100% adalah porsi program ini dalam anggaran sasarannya sendiri (sasaran ini hanya didukung "
                         "satu program), bukan dalam seluruh belanja",
                         "100% is this programme's share of its own sasaran's budget (the sasaran is supported by this "
                         "one programme only), not of the whole spending")
            c.verdicts.append(Verdict(
                "arithmetic", u, as_number(p.value), as_number(exp, dec), as_number(p.value - exp, dec),
                related=rel, diagnosis=diag,
                fields={"what": L("porsi anggaran dari seluruh belanja", "the share of the whole spending"),
                        "stated": pct(p.value, p.num.decimals), "computed": pct(exp, dec),
                        "basis": lz(L("{x} / {t} ({src}) × 100", "{x} / {t} ({src}) × 100"), x=money(x.value),
                                    t=money(tot.num.value), src=fact_src(tot))}))

    def _sole_program_of_sasaran(self, u: Unit, value: Decimal) -> bool:
        """The paragraphs since the last 'Sasaran …' line name exactly one program, with this amount."""
        before = [x for x in self.units if x.path == u.path and x.para < u.para and x.section == u.section]
        amounts = []
        for x in reversed(before):
            if SASARAN_HEAD.match(x.para_text):
                break
            for subject, _, vals, _ in self._budget_clauses(x):
                if subject == "program" and vals and vals["pagu"] is not None:
                    amounts.append(vals["pagu"].value)
        return amounts == [value]

    def _shortage(self, u: Unit) -> None:
        m = SHORTAGE.search(u.text)
        if not m:
            return
        unit_re = re.compile(r"^\s*" + COUNT_UNIT + r"\b", re.I)
        counts = [t for t in u.numbers if not t.percent and not t.rupiah and t.num.decimals == 0
                  and unit_re.match(u.text[t.end:])]
        words = [unit_re.match(u.text[t.end:]).group(1).lower() for t in counts]
        after = [t for t in counts if t.start > m.end()]
        before = [t for t in counts if t.start < m.start()]
        if len(before) != 2 or not after or after[0].start - m.end() > 40 or len(set(words)) != 1:
            return
        gap = after[0]
        a, b = before
        ideal = [t for t in before if IDEAL.search(u.text[max(0, t.start - 40):t.start])]
        base = ideal[0] if len(ideal) == 1 else None
        c = self.add(Claim(u, "arithmetic", f"{m.group(1)} {gap.text} = |{b.text} − {a.text}|", tied=True,
                           fact="the two counts stated before it in the same sentence"))
        diff = abs(b.value - a.value)
        big, small = (a, b) if a.value >= b.value else (b, a)
        unit_word = words[0]
        en_word = {"kekurangan": "shortage", "kelebihan": "surplus", "selisih": "difference"}.get(
            m.group(1).lower(), m.group(1).lower())
        if gap.value != diff:
            diag = None
            c.verdicts.append(Verdict(
                "arithmetic", u, as_number(gap.value), as_number(diff), as_number(gap.value - diff),
                related=[unit_related(u, as_number(big.value), "total"), unit_related(u, as_number(small.value), "child")],
                diagnosis=diag,
                fields={"what": L(f"{m.group(1).lower()} ({unit_word})", f"the {en_word} ({unit_word})"),
                        "stated": plain(gap.value), "computed": plain(diff),
                        "basis": L(f"{big.text} − {small.text}")}))
        pct_t = [t for t in u.numbers if t.percent and t.start > gap.start]
        if base is None or not pct_t or base.value <= 0:
            return
        p = pct_t[0]
        iv = tl.ratio(tl.given(exact(gap.value)), tl.given(exact(base.value)))
        if iv is None or tl.meets(tl.stated(p.num, self.tol), iv):
            return
        dec = max(p.num.decimals, 2)
        exp = tl.mid(iv)
        diag = None
        if gap.value != diff:
            right = diff * 100 / base.value
            diag = lz(L("dengan {what} yang benar ({d}) persentasenya {x}", "with the correct figure ({d}) it would be {x}"),
                      what=m.group(1).lower(), d=plain(diff), x=pct(right, dec))
        c.verdicts.append(Verdict(
            "arithmetic", u, as_number(p.value), as_number(exp, dec), as_number(p.value - exp, dec),
            related=[unit_related(u, as_number(gap.value), "numerator"),
                     unit_related(u, as_number(base.value), "denominator")],
            diagnosis=diag,
            fields={"what": L(f"persentase {m.group(1).lower()}", f"the {en_word} percentage"),
                    "stated": pct(p.value, p.num.decimals), "computed": pct(exp, dec),
                    "basis": L(f"{gap.text} / {base.text} × 100")}))

    def _partition(self, u: Unit) -> None:
        ml, mf = MALE.search(u.text), FEMALE.search(u.text)
        if not ml or not mf or mf.start() < ml.start():
            return
        unit_re = re.compile(r"^\s*(jiwa|orang|pegawai|kk)\b", re.I)
        counts = [t for t in u.numbers if not t.percent and not t.rupiah and t.num.decimals == 0
                  and unit_re.match(u.text[t.end:])]
        tot = [t for t in counts if t.start < ml.start()]
        males = [t for t in counts if ml.start() < t.start < mf.start()]
        females = [t for t in counts if t.start > mf.start()]
        if len(tot) != 1 or len(males) != 1 or len(females) != 1 or not TOTAL_WORD.search(u.text[:tot[0].start]):
            return
        t, a, b = tot[0], males[0], females[0]
        pa = [x for x in u.numbers if x.percent and a.start < x.start < mf.start()]
        pb = [x for x in u.numbers if x.percent and x.start > b.start]
        parts = a.value + b.value
        c = self.add(Claim(u, "arithmetic", f"{t.text} = {a.text} + {b.text}", tied=True,
                           fact="the parts stated in the same sentence"))
        def pct_ok(plist, n, base):
            return all(tl.meets(tl.stated(p.num, self.tol), tl.ratio((n.value, n.value), (base, base)))
                       for p in plist[:1])
        pcts_ok_parts = pct_ok(pa, a, parts) and pct_ok(pb, b, parts)
        if t.value != parts:
            bits = []
            if transposed(t.value, parts):
                bits.append(lz(L("dua angka tertukar: {s} seharusnya {e}", "two digits transposed: {s} should be {e}"),
                               s=plain(t.value), e=plain(parts)))
            if (pa or pb) and pcts_ok_parts:
                bits.append(L("persentase laki-laki/perempuan dihitung dari {e}, jumlah kedua bagian".replace(
                    "{e}", format_id(parts, 0)),
                    "the male/female percentages are computed over {e}, the sum of the two parts".replace(
                    "{e}", format_id(parts, 0, style="en"))))
            diag = {lang: "; ".join(b[lang] for b in bits) for lang in LANGS} if bits else None
            c.verdicts.append(Verdict(
                "arithmetic", u, as_number(t.value), as_number(parts), as_number(t.value - parts),
                related=[unit_related(u, as_number(a.value), "child", "laki-laki"),
                         unit_related(u, as_number(b.value), "child", "perempuan")],
                diagnosis=diag,
                fields={"what": L("jumlah total", "the total"), "stated": plain(t.value), "computed": plain(parts),
                        "basis": L(f"{a.text} + {b.text}")}))
            if pcts_ok_parts:
                return
        for plist, n, label in ((pa, a, "laki-laki"), (pb, b, "perempuan")):
            if not plist:
                continue
            p = plist[0]
            ivs = [tl.ratio(tl.given(exact(n.value)), (d, d)) for d in {t.value, parts} if d > 0]
            if any(iv and tl.meets(tl.stated(p.num, self.tol), iv) for iv in ivs):
                continue
            dec = max(p.num.decimals, 2)
            exp = n.value * 100 / t.value
            c.verdicts.append(Verdict(
                "arithmetic", u, as_number(p.value), as_number(exp, dec), as_number(p.value - exp, dec),
                related=[unit_related(u, as_number(n.value), "numerator", label),
                         unit_related(u, as_number(t.value), "denominator")],
                fields={"what": L(f"persentase {label}", f"the {label} percentage"), "stated": pct(p.value, p.num.decimals),
                        "computed": pct(exp, dec), "basis": L(f"{n.text} / {t.text} × 100")}))

    def _change(self, u: Unit) -> None:
        m = CHANGE.search(u.text)
        if not m:
            return
        nums = u.numbers
        prev = [t for t in nums if t.end <= m.start()]
        if not prev:
            return
        a = prev[-1]
        d = [t for t in nums if m.end() <= t.start and len(u.text[m.end():t.start].split()) <= 1
             and not COMPARE.search(u.text[m.end():t.start])]
        cm = COMPARE.search(u.text, m.end())
        if not cm:
            return
        later = [t for t in nums if t.start > cm.end()]
        if not later:
            return
        b = later[0]
        if a.percent != b.percent or a.rupiah != b.rupiah:
            return
        up = m.group(1).lower() in ("peningkatan", "kenaikan")
        c = self.add(Claim(u, "arithmetic", f"{a.text} vs {b.text}: {m.group(1)}" + (f" {d[0].text}" if d else ""),
                           tied=True, fact="the two values compared in the same sentence"))
        if (up and a.value < b.value) or (not up and a.value > b.value):
            word_ok = L("penurunan", "a decrease") if up else L("peningkatan", "an increase")
            c.verdicts.append(Verdict(
                "arithmetic", u, m.group(1).lower(), word_ok["id"],
                related=[unit_related(u, as_number(a.value), "other_source"),
                         unit_related(u, as_number(b.value), "other_source")],
                fields={"what": L("arah perubahan", "the direction of the change"), "stated": L(m.group(1).lower()),
                        "computed": word_ok, "basis": L(f"{a.text} − {b.text}")}))
            return
        if not d:
            return
        dt = d[0]
        if dt.rupiah != a.rupiah:
            return
        lo_a, hi_a = tl.given(a.num)
        lo_b, hi_b = tl.given(b.num)
        ends = (abs(lo_a - hi_b), abs(hi_a - lo_b))
        iv = (min(ends), max(ends))
        ok_abs = dt.percent == a.percent and tl.meets(tl.stated(dt.num, self.tol), iv)
        rel = tl.ratio(iv, tl.given(b.num)) if dt.percent and b.value > 0 else None
        ok_rel = bool(rel and tl.meets(tl.stated(dt.num, self.tol), rel))
        if ok_abs or ok_rel or (dt.percent and not a.percent and rel is None):
            return
        if dt.percent and not a.percent:
            exp = abs(a.value - b.value) * 100 / b.value
            dec = max(dt.num.decimals, 2)
            c.verdicts.append(Verdict(
                "arithmetic", u, as_number(dt.value), as_number(exp, dec), as_number(dt.value - exp, dec),
                related=[unit_related(u, as_number(a.value), "other_source"),
                         unit_related(u, as_number(b.value), "denominator")],
                fields={"what": L("persentase perubahan", "the percentage change"), "stated": shown(dt.num),
                        "computed": pct(exp, dec), "basis": L(f"({a.text} − {b.text}) / {b.text} × 100")}))
            return
        diff = abs(a.value - b.value)
        dec = max(dt.num.decimals, a.num.decimals, b.num.decimals)
        c.verdicts.append(Verdict(
            "arithmetic", u, as_number(dt.value), as_number(diff, dec), as_number(dt.value - diff, dec),
            related=[unit_related(u, as_number(a.value), "other_source"),
                     unit_related(u, as_number(b.value), "other_source")],
            fields={"what": L("besar perubahan", "the size of the change"), "stated": shown(dt.num),
                    "computed": plain(diff, dec), "basis": L(f"{a.text} − {b.text}")}))

    def _number_words(self, u: Unit) -> None:
        for m in NUM_WORDS_RE.finditer(u.text):
            w = words_to_int(m.group("w"))
            if w is None:
                continue
            n = int(m.group("n"))
            c = self.add(Claim(u, "arithmetic", f"{m.group('n')} ({m.group('w')})", tied=True,
                               fact="the number written in words"))
            if n != w:
                c.verdicts.append(Verdict("arithmetic", u, n, w, n - w,
                                          fields={"what": L("angka dan tulisannya", "the figure and its words"),
                                                  "stated": L(m.group(0)), "computed": L(str(w)),
                                                  "basis": L(f"«{m.group('w')}»")}))

    def _breakdown_lists(self) -> None:
        """A run of list paragraphs 'label P % sebanyak N jiwa' that breaks down a total stated just before it."""
        paras = self._text_paragraphs()
        # which paragraphs LIST_ITEM may match (as tested below): a run starts at one of them only
        maybe = [("%" in p.text and may_end_with(p.text, LIST_ITEM_ENDS, ".;,")) for p in paras]
        i = 0
        while i < len(paras):
            if not maybe[i]:        # an empty run, as below: on to the next paragraph
                i += 1
                continue
            run = []
            j = i
            while j < len(paras) and paras[j].path == paras[i].path:
                text = paras[j].text
                m = LIST_ITEM.match(LIST_MARKER.sub("", text, count=1).strip()) if maybe[j] else None
                if not m:
                    break
                run.append((paras[j], m))
                j += 1
            if len(run) < 3 or i == 0:
                i = max(j, i + 1)
                continue
            lead = paras[i - 1]
            i = j
            unit_word = {m.group("unit").lower() for _, m in run}
            if len(unit_word) != 1 or lead.section != run[0][0].section:
                continue
            word = unit_word.pop()
            items = []
            for p, m in run:
                n = parse_text(m.group("n"))
                pc = parse_text(m.group("pct") + "%")
                if n is None or pc is None:
                    items = []
                    break
                items.append((m.group("label").strip(), n, pc, p))
            if not items:
                continue
            total_pct = sum(pc.value for _, _, pc, _ in items)
            slack = Decimal("0.005") * len(items) + Decimal("0.01")
            if abs(total_pct - 100) > slack:
                continue        # not shown to be exhaustive ("antara lain"): no sum to expect
            lead_units = [u for u in self.units if u.path == lead.path and u.para == lead.index]
            cand = []
            for u in lead_units:
                for t in u.numbers:
                    if (not t.percent and not t.rupiah and t.num.decimals == 0
                            and re.match(r"^\s*" + word + r"\b", u.text[t.end:], re.I)
                            and TOTAL_WORD.search(u.text[max(0, t.start - 60):t.start])):
                        cand.append((u, t))
            if len(cand) < 1:
                continue
            u, t = cand[0]
            self._list_paras.update((p.path, p.index) for _, _, _, p in items)
            s = sum(n.value for _, n, _, _ in items)
            c = self.add(Claim(u, "arithmetic", f"{t.text} {word} = Σ {len(items)} list items", tied=True,
                               fact=f"the {len(items)} list items that follow"))
            if s == t.value:
                continue
            over_sum = all(tl.rounds_to(n.value * 100 / s, pc) for _, n, pc, _ in items)
            over_tot = all(tl.rounds_to(n.value * 100 / t.value, pc) for _, n, pc, _ in items)
            diag = None
            if over_sum and not over_tot:
                diag = lz(L("persentase setiap butir dihitung dari {s}, jumlah daftar itu sendiri, bukan dari {t}",
                            "each item's percentage is computed over {s}, the list's own sum, not over {t}"),
                          s=plain(s), t=plain(t.value))
            c.verdicts.append(Verdict(
                "arithmetic", u, as_number(t.value), as_number(s), as_number(t.value - s),
                related=[Related(path=p.path, sheet=p.section_label, cell=None, value=as_number(n.value), role="child",
                                 label=label) for label, n, _, p in items][:12],
                diagnosis=diag,
                fields={"what": L(f"jumlah total ({word})", f"the total ({word})"), "stated": plain(t.value),
                        "computed": plain(s),
                        "basis": L(f"jumlah {len(items)} butir rincian di bawahnya",
                                   f"the sum of the {len(items)} items listed below it")}))

    # -- TXT003: predikat and capaian of a sasaran -------------------------------------------------------
    def _sasaran_map(self):
        if self._sasaran_index is None:
            groups: dict[str, list] = defaultdict(list)
            names: dict[str, str] = {}
            for e in self.store.entities.values():
                if e.level == "indikator" and e.sasaran:
                    k = normalise(e.sasaran)
                    groups[k].append(e)
                    names.setdefault(k, e.sasaran)
            self._sasaran_index = [(names[k], groups[k]) for k in groups]
        return self._sasaran_index

    def _tie_sasaran(self, name: str):
        """(the PK sasaran, its indicators) a sasaran name in the text stands for, else (None, why);
        asked for each sentence under a heading: matched once per name."""
        tie = self._ties.get(name)
        if tie is None:
            tie = self._ties[name] = self._tie_sasaran_of(name)
        return tie

    def _tie_sasaran_of(self, name: str):
        idx = self._sasaran_map()
        if not idx:
            return None, "no sasaran/indikator in the facts (no PK or measurement table)"
        m = best_match(name, [n for n, _ in idx])
        if not m.ok:
            return None, ("sasaran name is ambiguous" if m.ambiguous else "sasaran name matches no PK sasaran")
        return idx[m.index], None

    def _capaian_of(self, inds, unit: Unit):
        """(interval, facts) of the sasaran's capaian in the measurement table; None when not stated or
        stated differently in two places."""
        ivs, used = [], []
        for e in inds:
            fs = self.facts(e.key, "capaian", origins=("pengukuran",)) or \
                self.facts(e.key, "capaian", origins=("rekap_predikat",))
            vals = {f.num.value for f in fs}
            if not fs or len(vals) != 1:
                return None
            f = self.ordered(fs, unit)[0]
            ivs.append(tl.given(f.num))
            used.append(f)
        if not ivs:
            return None
        n = Decimal(len(ivs))
        return (sum(i[0] for i in ivs) / n, sum(i[1] for i in ivs) / n), used

    def _predikat_words(self, text: str, found: set[str] | None | bool = False) -> list[tuple[str, str, int]]:
        """The predikat words in ``text``; ``found``: its keywords when known (see Analysis.run)."""
        if self.scale is None:
            return []
        words = self._label_words()
        if not words or not (may_match(text, PREDIKAT_KEYS) if found is False else
                             found is None or not found.isdisjoint(PREDIKAT_KEYS)):
            return []
        rx = self._predikat_rx
        if rx is None:
            rx = self._predikat_rx = re.compile(
                r"\b(?:predikat|kategori|kriteria|tergolong|peringkat)(?:\s+(?:nilai|kinerja|capaian))?\s+(?P<w>"
                + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        return [(m.group("w"), self.scale.canonical(m.group("w")), m.start("w")) for m in rx.finditer(text)]

    def _label_words(self) -> list[str]:
        """The active scale's own band labels. Synonyms ("Baik", "Kurang", "Cukup") are not read in prose:
        they are ordinary words and the labels of other scales (IKM, SAKIP)."""
        if self.scale is None:
            return []
        if self._labels is None:        # the scale does not change during an analysis
            self._labels = sorted({" ".join(b.label.lower().split()) for b in self.scale.bands}, key=len, reverse=True)
        return self._labels

    def _band(self, x: Decimal) -> str | None:
        if self.scale is None:
            return None
        bands = self.scale.classify(x)
        return bands[0].label if len(bands) == 1 else None

    def _band_iv(self, iv) -> str | None:
        a, b = self._band(iv[0]), self._band(iv[1])
        return a if a is not None and a == b else None

    def _sasaran_claims(self) -> None:
        ctx_sas = None          # carried from a heading-only "Sasaran Strategis n : …" paragraph
        ctx_key = None
        para_key, para_sas, para_own = None, None, False
        for u, found in zip(self.units, self._unit_keys):
            if (u.path, u.para) != para_key:
                key = (u.path, tuple(u.sections))       # the same for every sentence of a paragraph
                if key != ctx_key:
                    ctx_sas, ctx_key = None, key
                para_key = (u.path, u.para)
                para_sas = ctx_sas
                first = u.para_text[:1]     # SASARAN_HEAD starts "\s*S" (re.I: s, S, ſ)
                hm = SASARAN_HEAD.match(u.para_text) if first in "sS\u017f" or first.isspace() else None
                para_own = hm is not None   # a "Sasaran n : … predikat …" line names its own sasaran
                if hm:
                    name = SASARAN_END.sub("", hm.group("rest")).strip(" .:")
                    heading_only = not self._predikat_words(u.para_text) and not any(
                        t.percent for t in tokens(u.para_text)) and len(u.para_text) < 250
                    ctx_sas = name if heading_only else None
                    para_sas = None if heading_only else name
                    if heading_only:
                        para_key = None
                        continue
            if found is not None and found.isdisjoint(SASARAN_KEYS):
                continue        # no predikat word (_predikat_words) and no CAPAIAN_WORD: as below
            own = para_own
            current = para_sas
            preds = self._predikat_words(u.text, found)
            has_cap = (found is None or not found.isdisjoint(CAPAIAN_KEYS)) and bool(CAPAIAN_WORD.search(u.text))
            if not preds and not has_cap:
                continue
            low = keyword_text(u.text)      # for the keyword tests below (may_match)
            target = has_any(low, TARGET_KEYS)
            pcts = [t for t in u.numbers if t.percent and not (target and TARGET_BEFORE.search(u.text[:t.start]))]
            if has_any(low, NOT_CAPAIAN_KEYS) and NOT_CAPAIAN.search(u.text):
                continue        # a budget/efisiensi sentence: its percentages are not capaian
            if not own and current is not None and not preds and not (
                    has_any(low, REFERS_SASARAN_KEYS) and REFERS_SASARAN.search(u.text)):
                continue        # under a sasaran heading but about something else (a sub-metric)
            if (pcts or preds) and self.skip_other_year(u, "predikat", "capaian/predikat"):
                continue
            if not own and has_any(low, ("sasaran",)) and SASARAN_NUMBER_ONLY.search(u.text):
                if pcts or preds:
                    self.add(Claim(u, "predikat", "capaian of a sasaran named by number only",
                                   why="sasaran referred to by number only; the numbering differs between tables"))
                continue
            overall = IND_COUNT.search(u.text) if current is None else None
            if current is None and not overall:
                if preds and len(pcts) == 1:
                    self._self_consistency(u, preds, pcts[0])
                continue
            if not pcts and not preds:
                continue
            if len({t.value for t in pcts}) > 1 or len({p[1] for p in preds}) > 1:
                self.add(Claim(u, "predikat", "capaian/predikat", why="several different percentages or predikat"))
                continue
            n_tok = pcts[0] if pcts else None
            word = preds[0] if preds else None
            if current is not None:
                tied, why = self._tie_sasaran(current)
                if tied is None:
                    c = self.add(Claim(u, "predikat", f"sasaran «{current[:50]}»", why=why))
                    if word and n_tok:
                        self._self_consistency(u, preds, n_tok, claim=c)
                    continue
                sas_name, inds = tied
                label = L(f"sasaran «{_short(sas_name)}»", f"sasaran «{_short(sas_name)}»")
            else:
                inds = [e for e in self.store.entities.values() if e.level == "indikator"]
                n_ind = int(overall.group("n"))
                if not inds or n_ind != len(inds) or not re.search(r"\brata", u.text, re.I):
                    continue
                sas_name = None
                label = L(f"rata-rata capaian {n_ind} indikator", f"the average achievement of {n_ind} indicators")
            cap = self._capaian_of(inds, u)
            what = (f"sasaran «{_short(sas_name)}»" if sas_name else "all indicators") + ": " + " ".join(
                x for x in ((n_tok.text if n_tok else ""), (word[0] if word else "")) if x)
            if cap is None:
                c = self.add(Claim(u, "predikat", what, why="no single capaian for it in the measurement table"))
                if word and n_tok:
                    self._self_consistency(u, preds, n_tok, claim=c)
                continue
            iv, used = cap
            c = self.add(Claim(u, "predikat", what, tied=True,
                               fact="capaian " + "; ".join(f"{fact_label(f)} {f.cell}" for f in used)))
            cap_dec = max(f.num.decimals for f in used)
            if n_tok is not None:
                c.used = list(used)
            cap_val = tl.mid(iv) if len(used) > 1 else used[0].num.value
            cap_text = pct(cap_val, cap_dec if len(used) == 1 else 2)
            src = fact_label(used[0])
            band = self._band_iv(iv)
            # A: the capaian number stated in the text
            if n_tok is not None and not tl.meets(tl.stated(n_tok.num, self.tol), iv) and \
                    not (n_tok.value == 100 and iv[0] > 100):
                diag = self._diagnose_capaian(n_tok, inds, used, u, band, word)
                c.verdicts.append(Verdict(
                    "predikat", u, as_number(n_tok.value), as_number(cap_val, cap_dec if len(used) == 1 else 2),
                    as_number(n_tok.value - cap_val, max(cap_dec, n_tok.num.decimals)),
                    related=[fact_related(f, "score") for f in used] + self._measure_related(inds, u),
                    diagnosis=diag,
                    fields={"what": lz(L("capaian {x}", "the achievement of {x}"), x=label),
                            "stated": pct(n_tok.value, n_tok.num.decimals), "computed": cap_text,
                            "basis": L(f"{src} menyatakan", f"{src} says")}))
            # B: the predikat word
            if word is not None and band is not None and word[1] != band:
                diag = None
                if n_tok is not None and self._band(n_tok.value) == word[1] and not tl.meets(
                        tl.stated(n_tok.num, self.tol), iv):
                    what_is = self._what_is(n_tok, inds, u)
                    diag = lz(L("predikat mengikuti angka {n} yang tertulis{w}; capaian {c} termasuk {b}",
                                "the predikat follows the number written, {n}{w}; the achievement {c} is {b}"),
                              n=pct(n_tok.value, n_tok.num.decimals),
                              w=lz(L(", yaitu {m}", ", which is the {m}"), m=what_is) if what_is else "",
                              c=cap_text, b=band)
                c.verdicts.append(Verdict(
                    "predikat", u, word[1], band,
                    related=[fact_related(f, "score") for f in used] + self._band_related(band),
                    diagnosis=diag,
                    fields={"what": lz(L("predikat {x}", "the rating of {x}"), x=label), "stated": L(word[1]),
                            "computed": L(band),
                            "basis": lz(L("capaian {c} ({src}) menurut skala {s} termasuk",
                                          "the achievement {c} ({src}) under the scale {s} is"),
                                        c=cap_text, src=fact_src(used[0]), s=self.scale.name)}))

    def _self_consistency(self, u: Unit, preds, n_tok: Token, claim: Claim | None = None) -> None:
        """A predikat word next to a number it cannot have under the document's scale."""
        if not CAPAIAN_WORD.search(u.text):
            return
        band = self._band_iv(tl.stated(n_tok.num, self.tol))
        if claim is None:
            claim = self.add(Claim(u, "predikat", f"{n_tok.text} {preds[0][0]}", tied=True,
                                   fact="the number in the same sentence, under the active scale"))
        else:
            claim.tied, claim.fact, claim.why = True, "the number in the same sentence, under the active scale", None
        if band is None or len({p[1] for p in preds}) != 1 or preds[0][1] == band:
            return
        claim.verdicts.append(Verdict(
            "predikat", u, preds[0][1], band, related=self._band_related(band),
            fields={"what": L("predikat", "the rating"), "stated": L(preds[0][1]), "computed": L(band),
                    "basis": lz(L("{n} menurut skala {s} termasuk", "{n} under the scale {s} is"),
                                n=pct(n_tok.value, n_tok.num.decimals), s=self.scale.name)}))

    def _measure_facts(self, inds, unit: Unit) -> dict[str, list]:
        out = {}
        for m in ("realisasi", "target"):
            fs = [f for e in inds for f in self.facts(e.key, m, origins=("pengukuran",))]
            if fs:
                out[m] = self.ordered(fs, unit)
        return out

    def _measure_related(self, inds, unit: Unit) -> list[Related]:
        mf = self._measure_facts(inds, unit)
        rel = []
        if "realisasi" in mf:
            rel.append(fact_related(mf["realisasi"][0], "numerator"))
        if "target" in mf:
            rel.append(fact_related(mf["target"][0], "denominator"))
        return rel

    def _what_is(self, n_tok: Token, inds, unit: Unit) -> dict | None:
        if len(inds) != 1:
            return None
        mf = self._measure_facts(inds, unit)
        hits = [m for m, fs in mf.items() if any(tl.rounds_to(f.num.value, n_tok.num) for f in fs)]
        names = {"realisasi": L("realisasi", "actual value"), "target": L("target", "target")}
        if hits == ["realisasi", "target"]:
            return L("realisasi (sama dengan targetnya)", "actual value (equal to its target)")
        if len(hits) == 1:
            return names[hits[0]]
        return None

    def _diagnose_capaian(self, n_tok: Token, inds, used, unit: Unit, band, word) -> dict | None:
        what_is = self._what_is(n_tok, inds, unit)
        if what_is is None:
            return None
        cap = used[0].num
        out = lz(L("{n} adalah {m} indikatornya, bukan capaiannya ({c})",
                   "{n} is the indicator's {m}, not its achievement ({c})"),
                 n=pct(n_tok.value, n_tok.num.decimals), m=what_is, c=pct(cap.value, cap.decimals))
        others = sorted({f.caption or fact_label(f) for e in inds
                         for f in self.facts(e.key, "capaian", origins=("rekap_predikat", "efisiensi"))
                         if tl.rounds_to(f.num.value, n_tok.num) or f.num.value == n_tok.value})
        if others:
            out = lz(L("{o}; angka yang sama tersalin sebagai capaian di {t}", "{o}; the same number is copied as the "
                       "achievement in {t}"), o=out, t=", ".join(others))
        if word is not None and band is not None and word[1] == band:
            own = self._band(n_tok.value)
            out = lz(L("{o}; predikat {w} yang tertulis sesuai dengan capaian yang benar{x}",
                       "{o}; the rating {w} written here fits the correct achievement{x}"), o=out, w=word[1],
                     x=lz(L(" ({n} termasuk {b})", " ({n} would be {b})"), n=pct(n_tok.value, n_tok.num.decimals),
                          b=own) if own and own != word[1] else "")
        return out

    def _band_related(self, band: str) -> list[Related]:
        if self.scale is None or self.scale.source != "document":
            return []
        for t in self.ctx.tables("skala"):
            for b in self.scale.bands:
                if b.label == band and b.cell and self.scale.name.startswith(t.caption or t.sheet) \
                        and file_name(t.path) in self.scale.name:
                    return [Related(path=t.path, sheet=t.sheet, cell=b.cell, value=b.text(), role="band",
                                    label=f"{t.caption or t.sheet}: {band}")]
        return []

    # -- CNT001: counts ---------------------------------------------------------------------------------
    def _registry_counts(self) -> dict[str, int]:
        new = {r.entity for r in self.store.resolutions if r.how == "new"}
        cnt = Counter(e.level for e in self.store.entities.values()
                      if e.level in ("program", "kegiatan", "sub_kegiatan") and e.key not in new)
        return cnt

    def _level_counts(self, u: Unit) -> None:
        ms = list(LEVEL_COUNT.finditer(u.text))
        if not ms or (len(ms) < 2 and not COUNT_VERB.search(u.text)):
            return
        if NAMED_OWNER.search(u.text[:ms[0].start()]):
            self.add(Claim(u, "count", "counts of programs/kegiatan",
                           why="counted within a named program, kegiatan or sasaran, not the whole SKPD"))
            return
        if self.skip_other_year(u, "count", "counts of programs/kegiatan"):
            return
        counts = self._registry_counts()
        for m in ms:
            level = "sub_kegiatan" if m.group("level").lower().startswith("sub") else m.group("level").lower()
            n = int(m.group("n"))
            c = self.add(Claim(u, "count", f"{n} {level.replace('_', ' ')}"))
            have = counts.get(level, 0)
            if not have:
                c.why = f"no {level.replace('_', ' ')} registry (no SIPD export, no budget table with a tree)"
                continue
            c.tied, c.fact = True, f"{have} {level.replace('_', ' ')} in the budget registry"
            if n == have:
                continue
            word = {"program": L("jumlah program", "the number of programmes"),
                    "kegiatan": L("jumlah kegiatan", "the number of kegiatan"),
                    "sub_kegiatan": L("jumlah sub kegiatan", "the number of sub kegiatan")}[level]
            c.verdicts.append(Verdict("count", u, n, have, n - have,
                                      fields={"what": word, "stated": L(str(n)), "computed": L(str(have)),
                                              "basis": L("daftar program/kegiatan/sub kegiatan (DPA/SIPD)",
                                                         "the programme/kegiatan/sub kegiatan list (DPA/SIPD)")}))

    def _indicator_bands(self, unit: Unit):
        inds = [e for e in self.store.entities.values() if e.level == "indikator"]
        if not inds:
            return None, "no indicators in the facts"
        out = []
        for e in inds:
            cap = self._capaian_of([e], unit)
            if cap is None:
                return None, f"no single capaian for «{e.name[:40]}»"
            band = self._band_iv(cap[0])
            if band is None:
                return None, f"capaian of «{e.name[:40]}» falls in no single band"
            out.append((e, band, cap[1][0]))
        return out, None

    def _predikat_counts(self, u: Unit) -> None:
        if self.scale is None:
            return
        rx = self._predikat_count_rx
        if rx is None:
            words = self._label_words()
            rx = self._predikat_count_rx = re.compile(
                r"\b(?P<n>\d+)\s+(?:\(\s*\w+(?:\s\w+)?\s*\)\s+)?indikator\b(?P<mid>[^.;\d]{0,60}?)\b"
                r"(?:kategori|predikat|kriteria)\s+(?P<w>" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        ms = list(rx.finditer(u.text))
        if not ms or self.skip_other_year(u, "count", "indicators per predikat"):
            return
        bands, why = self._indicator_bands(u)
        marks = self._rekap_marks()
        for m in ms:
            label = self.scale.canonical(m.group("w"))
            n = int(m.group("n"))
            c = self.add(Claim(u, "count", f"{n} indikator {label}"))
            if bands is None:
                c.why = why
                continue
            have = [x for x in bands if x[1] == label]
            c.tied, c.fact = True, f"{len(bands)} indicators' capaian in the measurement table, scale {self.scale.name}"
            if n == len(have):
                continue
            diag = None
            if marks and marks[0].get(label) == n:
                diag = lz(L("jumlah ini mengikuti tanda predikat di {t} ({n} {b}), yang capaiannya berbeda dengan tabel "
                            "pengukuran", "this count follows the predikat marks of {t} ({n} {b}), whose achievements "
                            "differ from the measurement table"), t=marks[1], n=str(n), b=label)
            c.verdicts.append(Verdict(
                "count", u, n, len(have), n - len(have),
                related=[fact_related(f, "score") for _, _, f in have][:8], diagnosis=diag,
                fields={"what": lz(L("jumlah indikator berpredikat {b}", "the number of indicators rated {b}"), b=label),
                        "stated": L(str(n)), "computed": L(str(len(have))),
                        "basis": lz(L("capaian {k} indikator pada tabel pengukuran menurut skala {s}",
                                      "the achievements of the {k} indicators in the measurement table under the "
                                      "scale {s}"), k=str(len(bands)), s=self.scale.name)}))
        # "capaian 6 indikator sasaran" with no sasaran in view is judged in _sasaran_claims (overall average)

    def _list_counts(self) -> None:
        """"… membawahi 12 desa yaitu:" followed by a list numbered 1 … k: the count must be k."""
        paras = self._text_paragraphs()
        for i, p in enumerate(paras):
            if not may_end_with(p.text, LIST_INTRO_ENDS, ":"):    # body below ends as p.text does
                continue
            body = LIST_MARKER.sub("", p.text, count=1).strip()
            m = LIST_INTRO.search(body)
            if not m:
                continue
            n = int(m.group("n"))
            k = 0
            j = i + 1
            while j < len(paras) and paras[j].path == p.path and paras[j].section == p.section:
                num = re.match(r"^\s*\(?(\d{1,3})[.)]\s+\S", paras[j].text)
                if not num or int(num.group(1)) != k + 1:
                    break
                k += 1
                j += 1
            after = paras[j].text.strip() if j < len(paras) else ""
            units_p = [u for u in self.units if u.path == p.path and u.para == p.index]
            if k < 2 or not units_p or (after[:1].islower()):
                continue
            u = units_p[-1]
            self._list_paras.update((x.path, x.index) for x in paras[i + 1:j])
            c = self.add(Claim(u, "count", f"{n} {m.group('noun')} (list of {k})", tied=True,
                               fact=f"the {k} numbered items that follow"))
            if n != k:
                c.verdicts.append(Verdict(
                    "count", u, n, k, n - k,
                    related=[Related(path=x.path, sheet=x.section_label, cell=None, value=x.text[:60], role="child")
                             for x in paras[i + 1:j]][:12],
                    fields={"what": L(f"jumlah {m.group('noun')}", f"the number of {m.group('noun')}"),
                            "stated": L(str(n)), "computed": L(str(k)),
                            "basis": L("daftar bernomor di bawahnya", "the numbered list below it")}))

    def _rekap_marks(self):
        for t in self.ctx.tables("rekap_predikat"):
            cnt = Counter()
            for row in t.data_rows():
                if row.num("capaian") is None:
                    continue
                hit = [k[5:] for k in t.columns if k.startswith("mark@") and row.text(k).strip()]
                if len(hit) == 1 and self.scale is not None:
                    lab = self.scale.canonical(hit[0]) or hit[0]
                    cnt[lab] += 1
            if cnt:
                return cnt, t.caption or t.sheet
        return None

    def _sdm(self, u: Unit) -> None:
        m = SDM_TOTAL.search(u.text)
        if not m or self.skip_other_year(u, "count", "SDM"):
            return
        n = int(m.group("n"))
        c = self.add(Claim(u, "count", f"SDM = {n} orang"))
        tabs = self.ctx.tables("sdm")
        cands = []
        for t in tabs:
            totals = [r for r in t.rows if r.type == "total"]
            if len(totals) != 1 or totals[0].num("bez_total") is None:
                continue
            tot = totals[0]
            non = sum((r.num("bez_total").value for r in t.data_rows()
                       if NON_ASN.search(r.label or "") and r.num("bez_total") is not None), Decimal(0))
            cands.append((t, tot, tot.num("bez_total").value, tot.num("bez_total").value - non))
        if not cands:
            c.why = "no SDM table (bezetting) with a Jumlah row"
            return
        t, tot, total, asn = sorted(cands, key=lambda x: (x[0].path != u.path,))[0]
        c.tied, c.fact = True, f"{t.caption or t.sheet} ({file_name(t.path)}) {tot.cells['bez_total'].addr}"
        if n in (total, asn):
            return
        cell = tot.cells["bez_total"]
        c.verdicts.append(Verdict(
            "count", u, n, as_number(total), as_number(n - total),
            related=[Related(path=t.path, sheet=t.sheet, cell=cell.addr, value=as_number(total), role="total",
                             label=f"{t.caption or t.sheet} ({file_name(t.path)})")],
            fields={"what": L("jumlah SDM", "the number of staff"), "stated": L(f"{n} orang", f"{n} people"),
                    "computed": L(f"{as_number(total)} orang", f"{as_number(total)} people"),
                    "basis": L(f"Jumlah bezetting {t.caption or t.sheet}", f"the bezetting total of {t.caption or t.sheet}")}))

    # -- TXT004: table references -----------------------------------------------------------------------
    def _captions(self, path: str) -> set[str]:
        key = "_caps:" + path
        if not hasattr(self, "_capcache"):
            self._capcache = {}
        if key not in self._capcache:
            caps, listed = set(), set()
            for p in self.paragraphs:
                if p.path != path or len(p.text) >= 200 or not _may_be_caption(p.text):
                    continue
                m = CAPTION_RE.match(p.text)
                if not m:
                    continue
                (listed if skipped_section(p.section) else caps).add(m.group(2))
            for f in self.ctx.files:
                for t in f.tables:
                    if t.path == path:
                        for line in [t.caption or ""] + list(t.context):
                            m = CAPTION_RE.match(line or "")
                            if m:
                                caps.add(m.group(2))
            self._capcache[key] = caps
            self._capcache["_listed:" + path] = listed
        return self._capcache[key]

    def _table_refs(self, u: Unit) -> None:
        caps = self._captions(u.path)
        if not caps or not self._has(u, TABLE_REF_KEYS):
            return
        if len(u.para_text) < 200 and CAPTION_RE.match(u.para_text):
            return
        for m in TABLE_REF.finditer(u.text):
            refs = [m.group("a")]
            if m.group("b"):
                refs = _expand(m.group("a"), m.group("b")) or [m.group("a"), m.group("b")]
            for ref in refs:
                c = self.add(Claim(u, "table_ref", f"tabel {ref}", tied=True, fact="the document's table captions"))
                here = (u.near_table or "").replace("Tabel", "").strip()
                listed = self._capcache.get("_listed:" + u.path, set())
                chapter = ref.split(".")[0]
                if ref not in caps and (ref in listed or not any(x.split(".")[0] == chapter for x in caps)):
                    c.tied, c.fact, c.why = False, None, ("listed in the list of tables" if ref in listed else
                                                          "no caption of that chapter was found: cannot tell")
                    continue
                if ref not in caps:
                    near = u.near_table if (u.near_table and u.near_table.lower().startswith("tabel")
                                            and not m.group("b") and not SOURCE_LINE.match(u.para_text)) else None
                    diag = lz(L("paragraf ini berada tepat setelah {t}", "this paragraph comes right after {t}"),
                              t=near) if near else None
                    c.verdicts.append(Verdict(
                        "table_ref", u, f"Tabel {ref}", near, diagnosis=diag,
                        fields={"stated": L(f"tabel {ref}", f"table {ref}"),
                                "basis": lz(L("dokumen tidak memuat tabel dengan nomor itu (tabel yang ada: {r})",
                                              "the document has no table with that number (tables present: {r})"),
                                            r=_caption_range(caps))}))
                elif SOURCE_LINE.match(u.para_text) and ref == here and not m.group("b"):
                    c.verdicts.append(Verdict(
                        "table_ref", u, f"Tabel {ref}", None,
                        fields={"stated": L(f"tabel {ref}", f"table {ref}"),
                                "basis": lz(L("ini baris sumber {t} sendiri: tabel itu mengutip dirinya sebagai "
                                              "sumber data", "this is the source line of {t} itself: the table cites "
                                              "itself as its data source"), t=u.near_table)}))

    # -- TXT005: placeholders ---------------------------------------------------------------------------
    def _placeholders(self, u: Unit) -> None:
        hits = []
        for rx, needs in zip(PLACEHOLDERS, PLACEHOLDER_NEEDS):
            if not all(self._has(u, keys) for keys in needs):
                continue
            for m in rx.finditer(u.text):
                if LEADER.match(u.text[m.start():]) or LEADER.search(u.text[m.start():m.end() + 8]):
                    continue
                if any(m.start() < e and s < m.end() for s, e, _ in hits):
                    continue
                hits.append((m.start(), m.end(), m.group(0).strip()))
        if not hits:
            return
        hits.sort()
        c = self.add(Claim(u, "placeholder", "; ".join(h[2] for h in hits), tied=True, fact="placeholder pattern"))
        n = len(hits)
        c.verdicts.append(Verdict(
            "placeholder", u, "; ".join(h[2] for h in hits), None,
            fields={"stated": L("; ".join(f"«{h[2]}»" for h in hits)),
                    "basis": L("nilainya belum diisi" if n == 1 else f"{n} nilai belum diisi",
                               "the value was never filled in" if n == 1 else f"{n} values were never filled in")}))


# -- module helpers -------------------------------------------------------------------------------------
_UNIT_AFTER = re.compile(r"^\s*(?:\(\s*[a-z ]+\)\s*)?(jiwa|orang|pegawai|desa|kelurahan|dokumen|laporan|kegiatan|program|"
                         r"sub\s*kegiatan|indikator|sasaran|paket|unit|lembaga|km|ha|kk|rumah|persen)\b", re.I)
_REF_BEFORE = re.compile(r"(nomor|no\.?|nip\.?|pasal|ayat|tahun|tanggal|tgl\.?|tabel|lampiran|sasaran(?:\s+strategis)?|"
                         r"tujuan|indikator\s+tujuan|program|kegiatan|misi)\s*:?\s*$", re.I)


# _REF_BEFORE's words ("." optional, " " for white space); _REF_BEFORE.search(s) finds one of them followed
# by `\s*:?\s*` at the end of s: the same as _REF_AT_END.match on s reversed, which tries one place only.
_REF_WORDS = ("nomor", "no.", "nip.", "pasal", "ayat", "tahun", "tanggal", "tgl.", "tabel", "lampiran", "sasaran",
              "sasaran strategis", "tujuan", "indikator tujuan", "program", "kegiatan", "misi")


def _reversed_word(word: str) -> str:
    return r"\s+".join((r"\.?" if part.endswith(".") else "") + re.escape(part.rstrip(".")[::-1])
                       for part in reversed(word.split(" ")))


_REF_AT_END = re.compile(r"\s*:?\s*(?:" + "|".join(map(_reversed_word, _REF_WORDS)) + ")", re.I)


def _may_be_caption(text: str) -> bool:
    """False only when CAPTION_RE (``^\\s*\\.?\\s*(tabel|table)``, re.I) cannot match ``text``."""
    first = text[:1]
    return first in "tT." or first.isspace()


def ref_before(text: str) -> bool:
    """``bool(_REF_BEFORE.search(text))``."""
    return _REF_AT_END.match(text[::-1]) is not None


def informative(t: Token, text: str) -> bool:
    """A number that could be a claim (an amount, a percentage, a decimal, a count of something), not a
    regulation number, a date, a NIP or a heading's ordinal."""
    if t.rupiah or t.percent or t.num.decimals > 0:
        return True
    if ref_before(text[:t.start]):
        return False
    return bool(_UNIT_AFTER.match(text[t.end:]))


def _short(name: str | None, n: int = 60) -> str:
    name = name or ""
    return name if len(name) <= n else name[: n - 1] + "…"


def _distinct(rel: list[Related]) -> list[Related]:
    seen, out = set(), []
    for r in rel:
        k = (r.path, r.sheet, r.cell)
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out


_CAPTION_NUMBER = re.compile(r"(\d+)\.(\d+)")


@lru_cache(maxsize=4096)
def _caption_rank(caption: str | None) -> float:
    m = _CAPTION_NUMBER.search(caption or "")
    return float(f"{m.group(1)}.{int(m.group(2)):03d}") if m else 0.0


def _expand(a: str, b: str) -> list[str]:
    pa, pb = a.split("."), b.split(".")
    if len(pa) != 2 or len(pb) != 2 or pa[0] != pb[0] or int(pb[1]) < int(pa[1]) or int(pb[1]) - int(pa[1]) > 20:
        return []
    return [f"{pa[0]}.{i}" for i in range(int(pa[1]), int(pb[1]) + 1)]


def _caption_range(caps: set[str]) -> str:
    def key(c):
        return tuple(int(x) for x in c.split(".") if x.isdigit())
    s = sorted(caps, key=key)
    return f"{s[0]}–{s[-1]}" if len(s) > 2 else ", ".join(s)


def analyse(ctx, tol: tl.Tolerance | None = None) -> Analysis:
    key = "text:analysis:" + (f"{tol.mode}:{tol.absolute}" if tol else "default")
    if key not in ctx.cache:
        ctx.cache[key] = Analysis(ctx, tol)
    return ctx.cache[key]


def claims_summary(files) -> list[dict]:
    """What `inspect --claims` shows: every claim found, tied (to what) or not (and why)."""
    from ..engine import Context  # noqa: PLC0415 - the engine imports the checks, which import this module

    ctx = Context(files=list(files))
    ctx.settings.resolve(ctx)
    an = analyse(ctx)
    out = [c.summary() for c in an.claims]
    for mode, e in an.errors.items():
        out.append({"section": "", "paragraph": None, "text": "", "claim": "", "mode": mode, "tied": False,
                    "why": f"analysis error: {type(e).__name__}: {e}"})
    return out
