"""Comparing a stated name with the official one: what counts as the same name.

Real documents abbreviate ("Musrenbang"), add or drop a level word ("Kegiatan …", "Program …"), write
"Kab/Kota", drop "di Wilayah", and reorder a phrase; those are the same name. Measured on the Kalisat
sample and the Lampung Selatan LRA exports (every coded row against the 2025 revision): names written
as the official one score 93–100 with auditor.entities.similarity (token-sort ratio of the normalised
names), the one real rename (the seed's Tabel 3.5) 79. A name is the same when its normalised words
equal the official ones, when one's words contain the other's (a shortened or lengthened name), or
when it scores at or above the threshold (90 by default, a rule parameter).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..entities import normalise, similarity

# abbreviations the nomenclature spells out (applied before auditor.entities.normalise)
ABBREVIATIONS = {
    r"\bmusrenbang\b": "musyawarah perencanaan pembangunan",
    r"\bpemda\b": "pemerintah daerah",
    r"\bopd\b": "perangkat daerah",
    r"\bbmd\b": "barang milik daerah",
    r"\befektivitas\b": "efektifitas",
    r"\bkab\.?\s*/\s*kota\b": "kabupaten/kota",
}
_ABBREV = [(re.compile(p, re.I), r) for p, r in ABBREVIATIONS.items()]


@lru_cache(maxsize=8192)
def words(name: str) -> str:
    s = name or ""
    for pat, rep in _ABBREV:
        s = pat.sub(rep, s)
    return normalise(s)


def score(stated: str, official: str) -> float:
    a, b = words(stated), words(official)
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    return similarity(a, b)


def same(stated: str, official: str, threshold: float = 90.0) -> bool:
    a, b = words(stated), words(official)
    if not a or not b:
        return True            # nothing stated: nothing to compare
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    if (wa <= wb or wb <= wa) and min(len(wa), len(wb)) >= 2:
        return True
    return score(stated, official) >= threshold


def same_each(stated: str, officials: list[str], threshold: float = 90.0) -> list[bool]:
    """[same(stated, o, threshold) for o in officials], the scores that decide it made in one rapidfuzz
    call (a stated name against every official name of a bidang: nomenclature's "official name of
    another code")."""
    from ..entities import _scores
    a = words(stated)
    if not a:
        return [True] * len(officials)
    wa = set(a.split())
    out: list[bool | None] = []
    pending: list[int] = []       # the officials only a score decides
    for i, o in enumerate(officials):
        b = words(o)
        if not b or a == b:
            out.append(True)
            continue
        wb = set(b.split())
        if (wa <= wb or wb <= wa) and min(len(wa), len(wb)) >= 2:
            out.append(True)
            continue
        out.append(None)
        pending.append(i)
    if pending:
        # score(): similarity of the two words(), i.e. the token-sort ratio of their normalised forms
        for sc, j in _scores(normalise(a), [normalise(words(officials[i])) for i in pending]):
            out[pending[j]] = sc >= threshold
    return out


_NOT_UNIT = re.compile(r"[^0-9a-z%]+")


def same_unit(stated: str, official: str) -> bool:
    """Satuan: 'Orang/ bulan' is 'Orang/Bulan'; 'Lembaga' for 'Lembaga Kemasyarakatan' is a shortening."""
    a = " ".join(_NOT_UNIT.sub(" ", (stated or "").lower()).split())
    b = " ".join(_NOT_UNIT.sub(" ", (official or "").lower()).split())
    if not a or not b or a == b:
        return True
    if b in ("%", "persen", "persentase") and a in ("%", "persen", "persentase"):
        return True
    wa, wb = a.split(), b.split()
    return wa == wb[:len(wa)] or wb == wa[:len(wb)]
