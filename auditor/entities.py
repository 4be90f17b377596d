"""Names of programs, kegiatan, sasaran and indikator: normalised, and matched across tables.

A match is accepted only when it is clearly better than every other candidate; an ambiguous match
is returned as such, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

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
    return _normalised_similarity(normalise(a), normalise(b))


def _normalised_similarity(na: str, nb: str) -> float:
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
    # similarity(name, c) for each candidate, the stated name normalised once (not once per candidate)
    na = normalise(name)
    norm = [normalise(c) for c in candidates]
    scored = sorted(_scores(na, norm), reverse=True)
    if not scored or scored[0][0] < threshold:
        return Match(None, scored[0][0] if scored else 0.0, [])
    top, i = scored[0]
    close = [j for s, j in scored[1:] if s >= threshold and top - s < margin and norm[j] != norm[i]]
    if close:
        return Match(None, top, [i] + close)
    return Match(i, top, [])


def _scores(na: str, norm: list[str]) -> list[tuple[float, int]]:
    """(_normalised_similarity(na, nc), i) for each candidate, in one C loop (rapidfuzz.process):
    token_sort_ratio is 100 for equal names and 0 against an empty one, as _normalised_similarity says."""
    if not na:
        return [(0.0, i) for i in range(len(norm))]
    return [(s, i) for _, s, i in process.extract(na, norm, scorer=fuzz.token_sort_ratio, limit=None)]


class OfficialNames:
    """The nomenclature's names as anchors for resolving rows without a code (FactStore.resolve).

    A stated name is matched (best_match: clearly better than every other candidate, never guessed)
    against the official names of its level under the parent's code, or, without a coded parent, within
    the bidang of the folder's registry (and the shared penunjang lines X.XX.01…). The official code is
    written in the document's bidang and accepted only when the registry has that entity: the official
    list anchors names, it does not invent entities."""

    def __init__(self, nomenclature, store) -> None:
        self.nom = nomenclature
        coded = [e.code for e in store.entities.values() if e.code]
        self.jenis = nomenclature.jenis_of(coded)
        self.bidang = sorted({".".join(c.split(".")[:2]) for c in coded if c.count(".") >= 1})
        # (level, parent's code) -> the official names (as reference.match.words), their codes as written
        self._cands: dict[tuple, tuple[list[str], list[str]]] = {}
        # (level, parent's code, stated name) -> best_match among those names: tables restate the same
        # names under the same parent (anggaran, PK, RKT, T-C.27, …), each once matched here per audit
        self._matches: dict[tuple, Match] = {}

    def _candidates(self, store, level: str, parent: str | None) -> tuple[tuple, list[str], list[str]]:
        pent = store.entities.get(parent) if parent else None
        pcode = pent.code if pent is not None and pent.code else None
        key = (level, pcode)
        got = self._cands.get(key)
        if got is not None:
            return (key,) + got
        names, keys = [], []
        if pcode:
            for e in self.nom.children(self.jenis, pcode, level):
                names.append(e.name)
                keys.append(self._as_written(e.code, pcode))
        elif not parent:
            for b in self.bidang:
                for e in self.nom.in_bidang(self.jenis, b, level):
                    names.append(e.name)
                    keys.append(e.code)
                if any(k.startswith(b + ".01") for k in store.entities):   # the bidang's penunjang program
                    for e in self.nom.in_bidang(self.jenis, "X.XX", level):
                        names.append(e.name)
                        keys.append(b + e.code[4:])
        from .reference.match import words
        got = self._cands[key] = ([words(n) for n in names], keys)
        return (key,) + got

    @staticmethod
    def _as_written(code: str, near: str) -> str:
        return ".".join(near.split(".")[:2]) + code[4:] if code.startswith("X.XX.") else code

    def resolve(self, store, level: str, name: str, parent: str | None) -> tuple[str, float] | None:
        if level not in ("program", "kegiatan", "sub_kegiatan"):
            return None
        cands, names, keys = self._candidates(store, level, parent)
        if not names:
            return None
        m = self._matches.get((cands, name))
        if m is None:
            from .reference.match import words
            m = self._matches[(cands, name)] = best_match(words(name), names)
        if not m.ok:
            return None
        key = keys[m.index]
        if key not in store.entities:
            return None
        e = store.entities[key]
        if parent and e.parent not in (None, parent):
            return None
        return key, m.score
