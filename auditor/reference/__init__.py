"""The official nomenclature (Kepmendagri) as a reference: codes, names, kinerja, indikator, satuan.

The shipped reference (`kepmendagri.json.gz`, built by auditor/reference/build.py from the 2025
revision) is read only when a rule asks for it, and once per process; a user's own revision (a workbook
of the same shape, config key `nomenclature:`) is built on the fly and cached per process too.

Codes are looked up as documents write them: `7.01.02.2.01.0002`, the two-digit SIPD variant
(`…2.01.02`, normalised by auditor.codes), and penunjang codes (`7.01.01.2.02.0001`, program `01` of
any bidang) against the shared lines `X.XX.01…`.
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import codes

SHIPPED = Path(__file__).resolve().parent / "kepmendagri.json.gz"
JENIS = ("KABKOT", "PROV")


@dataclass(frozen=True, slots=True)
class Entry:
    jenis: str
    code: str              # as in the reference (X.XX.01… for penunjang lines)
    level: str             # bidang | program | kegiatan | sub_kegiatan
    name: str
    kinerja: str = ""
    indikator: str = ""
    satuan: str = ""
    now: str = ""          # a former code: the code that replaced it in this revision

    @property
    def parent(self) -> str | None:
        return codes.parent_code(self.code)


class Nomenclature:
    def __init__(self, rows, revision: str, source: str):
        self.revision = revision
        self.source = source
        # raw rows by (jenis, code); Entry objects are made on lookup: a folder asks for a few dozen
        # of the 10,000 codes, and making them all would cost more than reading the file
        self._rows: dict[tuple[str, str], list] = {(r[0], r[1]): r for r in rows}
        self._entries: dict[tuple[str, str], Entry] = {}
        self._children: dict[tuple[str, str | None, str], list[Entry]] | None = None

    def get(self, jenis: str, code: str) -> Entry | None:
        key = (jenis, code)
        e = self._entries.get(key)
        if e is None:
            r = self._rows.get(key)
            if r is None:
                return None
            e = self._entries[key] = Entry(*r)
        return e

    def entries(self):
        for key in self._rows:
            yield self.get(*key)

    def __len__(self) -> int:
        return len(self._rows)

    @staticmethod
    def generic(code: str) -> str | None:
        """The shared penunjang line of a bidang's program 01 code (`7.01.01.2.02.0001` → `X.XX.01.2.02.0001`)."""
        parts = code.split(".")
        if len(parts) >= 3 and parts[2] == "01" and parts[0] != "X":
            return ".".join(["X", "XX"] + parts[2:])
        return None

    def lookup(self, code, jenis: str | None = None) -> Entry | None:
        """The entry of a code as a document writes it (normalised, penunjang mapped), preferring `jenis`."""
        c = codes.normalise_program_code(code)
        if c is None:
            return None
        order = (jenis,) + tuple(j for j in JENIS if j != jenis) if jenis else JENIS
        for key in (c, self.generic(c)):
            if key is None:
                continue
            for j in order:
                e = self.get(j, key)
                if e is not None:
                    return e
        return None

    def official(self, code, jenis: str | None = None) -> Entry | None:
        """Like lookup, but only codes of this revision (not former codes)."""
        e = self.lookup(code, jenis)
        return e if e is not None and not e.now else None

    def children(self, jenis: str, parent: str | None, level: str) -> list[Entry]:
        """Entries of a level under a parent code (a document's code, penunjang mapped); parent None: a
        whole level."""
        if self._children is None:
            idx: dict[tuple, list[Entry]] = {}
            for e in self.entries():
                if e.now:
                    continue
                idx.setdefault((e.jenis, e.parent, e.level), []).append(e)
                idx.setdefault((e.jenis, None, e.level), []).append(e)
            self._children = idx
        if parent is not None:
            p = codes.normalise_program_code(parent) or parent
            got = self._children.get((jenis, p, level))
            if got is None and self.generic(p):
                got = self._children.get((jenis, self.generic(p), level))
            return got or []
        return self._children.get((jenis, None, level), [])

    def jenis_of(self, code_list) -> str:
        """PROV or KABKOT: the one that knows more of the codes (kegiatan codes differ: `.1.` vs `.2.`);
        KABKOT on a tie (kecamatan and most OPD reports)."""
        hits = {j: 0 for j in JENIS}
        for c in code_list:
            n = codes.normalise_program_code(c)
            if n is None:
                continue
            for j in JENIS:
                g = self.generic(n)
                if (j, n) in self._rows or (g and (j, g) in self._rows):
                    hits[j] += 1
        return "PROV" if hits["PROV"] > hits["KABKOT"] else "KABKOT"


def _read_json(path: Path) -> Nomenclature:
    with gzip.open(path, "rb") as f:
        doc = json.loads(f.read())
    return Nomenclature(doc["rows"], doc.get("revision", "?"), doc.get("source", str(path)))


@lru_cache(maxsize=8)
def _load(path: str, stamp: tuple) -> Nomenclature:
    p = Path(path)
    if p.suffix == ".gz" or p.name.endswith(".json"):
        return _read_json(p)
    from .build import rows_from_workbook
    rows = rows_from_workbook(p)
    return Nomenclature(rows, revision=p.stem, source=str(p))


def load(path: str | os.PathLike | None = None) -> Nomenclature:
    """The shipped reference, or a user's workbook (built on the fly); cached per process by path and
    file stamp. Raises build.NomenclatureError with a one-line reason for an unusable workbook."""
    p = Path(path) if path else SHIPPED
    try:
        st = p.stat()
    except OSError as e:
        from .build import NomenclatureError
        raise NomenclatureError(f"{p}: cannot be read ({e.strerror or e})") from None
    return _load(str(p), (st.st_mtime_ns, st.st_size))
