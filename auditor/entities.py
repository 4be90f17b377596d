"""Names of programs, kegiatan, sasaran and indikator: normalised, and matched across tables.

A match is accepted only when it is clearly better than every other candidate; an ambiguous match
is returned as such, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from . import codes

# Spelling variants seen in real reports (the seed among them), mapped to one form.
VARIANTS = {
    "fasilitas": "fasilitasi", "ketentaraman": "ketentraman", "ketentramam": "ketentraman",
    "organsasi": "organisasi", "panggaran": "penganggaran", "efektivitas": "efektifitas",
    "efektifitasnya": "efektifitas", "prosentase": "persentase", "presentase": "persentase",
    "ketertibann": "ketertiban", "professional": "profesional", "pemerintah": "pemerintahan",
    "asset": "aset", "kab": "kabupaten", "kabupatenkota": "kabupaten kota", "laksanakan": "dilaksanakan",
    "pengujianverifikasi": "pengujian verifikasi",
}
STOP = {"di", "dan", "yang", "atau", "dalam", "pada", "ke", "untuk", "serta", "hal", "the"}
_PUNCT = re.compile(r"[^0-9a-z]+")
_LEVEL_WORD = re.compile(r"^\s*(sub\s*kegiatan|kegiatan|program)\s*[:.\-]?\s+", re.I)
_PREFIX = re.compile(r"^\s*(\d+(\.\d+)*\.?|[a-z]\)|\(\d+\))\s+", re.I)


@lru_cache(maxsize=20000)
def normalise(name: str) -> str:
    """'Sub Kegiatan 2 : Pelaksanaan Penatausahaan dan Pengujian/ Verifikasi' → 'pelaksanaan penatausahaan pengujian verifikasi'."""
    s = name or ""
    s = _PREFIX.sub("", s)
    code, s = codes.split_code_label(s)
    level, ordinal, rest = codes.label_level(s)
    if level and (ordinal or rest != s.strip()):
        s = rest
    s = s.lower().replace("di laksanakan", "dilaksanakan").replace("kab/kota", "kabupaten kota")
    s = _LEVEL_WORD.sub("", s)   # "Sub Kegiatan Penyusunan …" and "Penyusunan …" name the same thing
    words = []
    for w in _PUNCT.sub(" ", s).split():
        w = VARIANTS.get(w, w)
        words.extend(w.split())
    return " ".join(w for w in words if w not in STOP)


def similarity(a: str, b: str) -> float:
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 100.0
    return float(fuzz.token_sort_ratio(na, nb))


@dataclass
class Match:
    index: int | None          # the chosen candidate, or None
    score: float
    ambiguous: list[int]       # candidates that tie too closely to choose between

    @property
    def ok(self) -> bool:
        return self.index is not None


def best_match(name: str, candidates: list[str], threshold: float = 88.0, margin: float = 4.0) -> Match:
    scored = sorted(((similarity(name, c), i) for i, c in enumerate(candidates)), reverse=True)
    if not scored or scored[0][0] < threshold:
        return Match(None, scored[0][0] if scored else 0.0, [])
    top, i = scored[0]
    close = [j for s, j in scored[1:] if s >= threshold and top - s < margin and normalise(candidates[j])
             != normalise(candidates[i])]
    if close:
        return Match(None, top, [i] + close)
    return Match(i, top, [])
