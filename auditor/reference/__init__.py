"""The official nomenclature (Kepmendagri) as a reference: codes, names, kinerja, indikator, satuan.

The shipped reference (`kepmendagri.zip`, built by auditor/reference/build.py from the 2025 revision)
is opened only when a rule or the fact store asks for it, once per process, and only the bidang an
audit's codes belong to are decompressed; a user's own revision (a workbook of the same shape, config
key `nomenclature:`) is built on the fly and cached per process too.

Codes are looked up as documents write them: `7.01.02.2.01.0002`, the two-digit SIPD variant
(`…2.01.02`, normalised by auditor.codes), and penunjang codes (`7.01.01.2.02.0001`, program `01` of
any bidang) against the shared lines `X.XX.01…`.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from .. import codes

SHIPPED = Path(__file__).resolve().parent / "kepmendagri.zip"
JENIS = ("KABKOT", "PROV")
_PARENT_PARTS = {6: 5, 5: 3, 3: 2, 2: 1}      # as auditor.codes: sub kegiatan → kegiatan → program → bidang


class NomenclatureError(ValueError):
    """A nomenclature file that cannot be used (one line, for the user)."""


class Entry:
    """One code of the reference. A plain class (not a dataclass): the check registry imports this
    module's users on every run, and a dataclass costs ~1 ms to create."""
    __slots__ = ("jenis", "code", "level", "name", "kinerja", "indikator", "satuan", "now")

    def __init__(self, jenis: str, code: str, level: str, name: str, kinerja: str = "", indikator: str = "",
                 satuan: str = "", now: str = "") -> None:
        self.jenis = jenis
        self.code = code              # as in the reference (X.XX.01… for penunjang lines)
        self.level = level            # bidang | program | kegiatan | sub_kegiatan
        self.name = name
        self.kinerja = kinerja
        self.indikator = indikator
        self.satuan = satuan
        self.now = now                # a former code: the code that replaced it in this revision

    def __repr__(self) -> str:
        return f"Entry({self.jenis} {self.code} {self.level} {self.name!r}{' -> ' + self.now if self.now else ''})"

    @property
    def parent(self) -> str | None:
        return codes.parent_code(self.code)


class _Group:
    """One jenis and bidang: its rows by code, and its codes by (parent, level) and by level."""
    __slots__ = ("rows", "entries", "by_parent", "by_level")

    def __init__(self, rows) -> None:
        self.rows = {r[1]: r for r in rows}
        self.entries: dict[str, Entry] = {}
        self.by_parent: dict[tuple, list[str]] = {}
        self.by_level: dict[str, list[str]] = {}
        for c, r in self.rows.items():
            if r[7]:
                continue                     # former codes are looked up, never listed
            parts = c.split(".")
            up = _PARENT_PARTS.get(len(parts))
            self.by_parent.setdefault((".".join(parts[:up]) if up else None, r[2]), []).append(c)
            self.by_level.setdefault(r[2], []).append(c)

    def get(self, code: str) -> Entry | None:
        e = self.entries.get(code)
        if e is None:
            r = self.rows.get(code)
            if r is None:
                return None
            e = self.entries[code] = Entry(*r)
        return e


_EMPTY = _Group(())


class Nomenclature:
    def __init__(self, revision: str, source: str, rows=None, archive: str | None = None):
        self.revision = revision
        self.source = source
        self._archive = archive
        self._zip = None                      # the archive, opened on the first group asked for
        self._names: set[str] | None = None
        self._groups: dict[tuple[str, str], _Group] = {}
        if rows is not None:
            from .build import groups
            self._groups = {k: _Group(v) for k, v in groups(rows).items()}

    def _group(self, jenis: str, bidang: str) -> _Group:
        g = self._groups.get((jenis, bidang))
        if g is None:
            g = _EMPTY
            if self._archive is not None:
                if self._zip is None:
                    import zipfile
                    # kept open for the process (the reference is cached per process): one read of the
                    # archive's directory instead of one per group
                    self._zip = zipfile.ZipFile(self._archive)
                    self._names = set(self._zip.namelist())
                member = f"{jenis}/{bidang}.json"
                if member in self._names:
                    g = _Group(json.loads(self._zip.read(member)))
            self._groups[(jenis, bidang)] = g
        return g

    def get(self, jenis: str, code: str) -> Entry | None:
        return self._group(jenis, ".".join(code.split(".")[:2])).get(code)

    def __len__(self) -> int:
        return sum(len(self._group(*k).rows) for k in self.groups())

    def groups(self) -> list[tuple[str, str]]:
        if self._archive is None:
            return sorted(self._groups)
        with __import__("zipfile").ZipFile(self._archive) as zf:
            names = zf.namelist()
        return sorted(tuple(n[:-5].split("/", 1)) for n in names if "/" in n)

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

    def children(self, jenis: str, parent: str, level: str) -> list[Entry]:
        """Entries of a level under a parent code (a document's code: penunjang mapped)."""
        p = codes.normalise_program_code(parent) or parent
        for key in (p, self.generic(p)):
            if key is None:
                continue
            g = self._group(jenis, ".".join(key.split(".")[:2]))
            got = g.by_parent.get((key, level))
            if got:
                return [g.get(c) for c in got]
        return []

    def in_bidang(self, jenis: str, bidang: str, level: str) -> list[Entry]:
        """Entries of a level in a bidang (`7.01`, or `X.XX` for the shared penunjang lines)."""
        g = self._group(jenis, bidang)
        return [g.get(c) for c in g.by_level.get(level, ())]

    def jenis_of(self, code_list) -> str:
        """PROV or KABKOT: the one that knows more of the codes (kegiatan codes differ: `.1.` vs `.2.`);
        KABKOT on a tie (kecamatan and most OPD reports)."""
        hits = {j: 0 for j in JENIS}
        for c in set(code_list):
            n = codes.normalise_program_code(c)
            if n is None:
                continue
            for j in JENIS:
                g = self.generic(n)
                if self.get(j, n) is not None or (g and self.get(j, g) is not None):
                    hits[j] += 1
        return "PROV" if hits["PROV"] > hits["KABKOT"] else "KABKOT"


@lru_cache(maxsize=8)
def _load(path: str, stamp: tuple) -> Nomenclature:
    p = Path(path)
    if p.suffix == ".zip":
        import zipfile
        try:
            with zipfile.ZipFile(p) as zf:
                meta = json.loads(zf.read("meta.json"))
        except (zipfile.BadZipFile, KeyError, ValueError):
            raise NomenclatureError(f"{p}: not a nomenclature reference (built by auditor.reference.build)") from None
        return Nomenclature(meta.get("revision", "?"), meta.get("source", str(p)), archive=str(p))
    from .build import rows_from_workbook
    return Nomenclature(p.stem, str(p), rows=rows_from_workbook(p))


def load(path: str | os.PathLike | None = None) -> Nomenclature:
    """The shipped reference, or a user's workbook (built on the fly); cached per process by path and
    file stamp. Raises NomenclatureError with a one-line reason for an unusable file."""
    p = Path(path) if path else SHIPPED
    try:
        st = p.stat()
    except OSError as e:
        raise NomenclatureError(f"{p}: cannot be read ({e.strerror or e})") from None
    return _load(str(p), (st.st_mtime_ns, st.st_size))
