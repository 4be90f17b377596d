"""Facts: every number the documents state, keyed by entity, measure and period (XBRL's view).

Budget entities (program / kegiatan / sub kegiatan) are registered from the SIPD rekap pagu (by code)
or, failing that, from the first budget table with a tree; indicator entities from the Perjanjian
Kinerja (or the measurement table). Every other table's rows are resolved against those registries:
by code where there is one, else by normalised name among the children of the already-resolved
parent, else — for a budget row whose name matches nothing — by an identical pagu among the parent's
unmatched children (a renamed entity, reported as such). Ambiguous matches are never guessed.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from . import codes
from .entities import Match, best_match, normalise
from .numbers import Num
from .tables.model import Row, Table

YEAR = re.compile(r"\b(20[0-9]{2})\b")
LEVELS = ("program", "kegiatan", "sub_kegiatan")


@dataclass
class Fact:
    entity: str
    level: str
    name: str
    measure: str
    period: int | None
    num: Num | None
    text: str
    path: str
    sheet: str | None
    cell: str | None
    origin: str                    # table kind (or "sipd_pagu" aggregate)
    caption: str | None = None
    row_label: str | None = None
    rows: int = 1                  # aggregated facts: how many rows were summed
    # aggregated facts: (column letters, A1 row numbers) of the lines summed - what a comparison of
    # the sum covers (engine.Context.mark_facts)
    sources: tuple | None = None

    def to_dict(self) -> dict:
        return {"entity": self.entity, "level": self.level, "name": self.name, "measure": self.measure,
                "period": self.period, "value": None if self.num is None else str(self.num.value),
                "decimals": None if self.num is None else self.num.decimals, "text": self.text,
                "source": {"path": self.path, "sheet": self.sheet, "cell": self.cell, "table": self.origin,
                           "caption": self.caption, "rows": self.rows}}


@dataclass
class Entity:
    key: str
    level: str
    name: str
    code: str | None = None
    parent: str | None = None
    pagu: Decimal | None = None
    aliases: set[str] = field(default_factory=set)
    sasaran: str | None = None      # indicators: the sasaran they measure


@dataclass
class Resolution:
    """How a stated name was tied to an entity, kept for NAME findings and `inspect --facts`."""
    entity: str | None
    stated: str
    level: str
    how: str                        # code | name | pagu | new | ambiguous
    score: float
    path: str
    sheet: str | None
    cell: str | None
    caption: str | None
    candidates: list[str] = field(default_factory=list)


class FactStore:
    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []
        self.resolutions: list[Resolution] = []
        self.year: int | None = None
        self._of: tuple[int, dict] | None = None     # of()'s index, and how many facts it covers
        self._by_key: tuple[int, dict] | None = None  # by_key()'s, the same way
        self.anchors = None                          # entities.OfficialNames: the nomenclature's names
        self._matches: dict[tuple, tuple] = {}       # _match's memo

    # -- registry ----------------------------------------------------------------------------
    def add_entity(self, e: Entity) -> Entity:
        have = self.entities.get(e.key)
        if have is None:
            self.entities[e.key] = e
            have = e
        have.aliases.add(e.name)
        return have

    def children(self, parent: str | None, level: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.level == level and (parent is None or e.parent == parent)]

    def resolve(self, level: str, name: str, *, code: str | None = None, parent: str | None = None,
                pagu: Decimal | None = None, where: tuple = (None, None, None, None), used: set | None = None,
                create: bool = True) -> str | None:
        path, sheet, cell, caption = where
        if code and code in self.entities:
            self._note(code, name, level, "code", 100.0, where)
            return code
        if name and not code and self.anchors is not None:
            # the official names first: a row without a code is what the nomenclature calls it
            got = self.anchors.resolve(self, level, name, parent)
            if got is not None:
                self._note(got[0], name, level, "nomenclature", got[1], where)
                return got[0]
        pool, m = self._match(level, name, parent)
        if m is not None:
            if m.ok:
                e = pool[m.index]
                self._note(e.key, name, level, "name", m.score, where)
                return e.key
            if m.ambiguous:
                self._note(None, name, level, "ambiguous", m.score, where, [pool[i].key for i in m.ambiguous])
                return None
            if pagu is not None:
                same = [e for e in pool if e.pagu is not None and e.pagu == pagu and (used is None or e.key not in used)]
                if len(same) == 1:
                    self._note(same[0].key, name, level, "pagu", m.score, where)
                    return same[0].key
        if not create or not name:
            return None
        key = f"{level}:{normalise(name)}" + (f"@{parent}" if parent else "")
        self.add_entity(Entity(key=key, level=level, name=name, parent=parent, pagu=pagu))
        self._note(key, name, level, "new", 0.0, where)
        return key

    def _match(self, level: str, name: str, parent: str | None) -> tuple[list[Entity], Match | None]:
        """The entities a name is matched among (the parent's children of its level, else every one of
        the level) and its best_match there (None without a pool or a name). Tables restate the same
        names (PK, pengukuran, T-C.25, … the same indikator): each is matched once while no entity is
        added (entities are never removed, so their count tells)."""
        key = (level, parent, name, len(self.entities))
        got = self._matches.get(key)
        if got is None:
            pool = self.children(parent, level) if parent else self.children(None, level)
            if not pool and parent:
                pool = self.children(None, level)
            got = self._matches[key] = (pool, best_match(name, [e.name for e in pool]) if pool and name else None)
        return got

    def _note(self, key, name, level, how, score, where, candidates=()):
        path, sheet, cell, caption = where
        if key in self.entities and name:
            self.entities[key].aliases.add(name)
        self.resolutions.append(Resolution(key, name, level, how, score, path, sheet, cell, caption, list(candidates)))

    def add(self, entity: str | None, level: str, name: str, measure: str, period: int | None, num: Num | None,
            text: str, t: Table | None, cell: str | None, row_label: str | None = None, origin: str | None = None,
            path: str | None = None, sheet: str | None = None, rows: int = 1, sources: tuple | None = None) -> None:
        if entity is None or (num is None and not text):
            return
        if t is not None and t.unit_scale and _is_money(measure, t.kind):
            from .tables.conventions import scaled
            num = scaled(num, t.unit_scale)    # "dalam ribuan rupiah": stated to others in Rupiah
        self.facts.append(Fact(entity=entity, level=level, name=name, measure=measure, period=period, num=num,
                               text=text, path=path or (t.path if t else ""), sheet=sheet or (t.sheet if t else None),
                               cell=cell, origin=origin or (t.kind if t else ""), caption=t.caption if t else None,
                               row_label=row_label, rows=rows, sources=sources))

    def entities_summary(self) -> list[dict]:
        count = Counter(f.entity for f in self.facts)
        return [{"key": e.key, "level": e.level, "name": e.name, "code": e.code, "parent": e.parent,
                 "aliases": sorted(e.aliases - {e.name}), "facts": count.get(e.key, 0)}
                for e in self.entities.values()]

    def of(self, entity: str, period) -> list[Fact]:
        """The facts of one entity and period (indexed on first use, re-indexed when facts were added)."""
        index = self._of
        if index is None or index[0] != len(self.facts):
            by: dict[tuple, list[Fact]] = defaultdict(list)
            for f in self.facts:
                by[(f.entity, f.period)].append(f)
            index = self._of = (len(self.facts), by)
        return index[1].get((entity, period), [])

    def by_key(self) -> dict[tuple, list[Fact]]:
        """The facts by (entity, measure, period): made once for the rules that ask (five same_fact
        rules, past_capaian, across_years), again when facts were added. Read it, do not change it."""
        index = self._by_key
        if index is None or index[0] != len(self.facts):
            out: dict[tuple, list[Fact]] = {}
            for f in self.facts:
                k = (f.entity, f.measure, f.period)
                got = out.get(k)
                if got is None:
                    out[k] = [f]
                else:
                    got.append(f)
            index = self._by_key = (len(self.facts), out)
        return index[1]


# -- helpers ------------------------------------------------------------------------------------
def _is_money(measure: str, kind: str) -> bool:
    from .tables.conventions import BUDGET_KINDS     # the kinds whose "realisasi" is money
    return measure in ("pagu", "rp", "rp_akhir") or (measure == "realisasi" and kind in BUDGET_KINDS)


def _where(t: Table, cell) -> tuple:
    return (t.path, t.sheet, cell.addr if cell is not None else None, t.caption)


def _year_of(header: str) -> int | None:
    m = YEAR.search(header or "")
    return int(m.group(1)) if m else None


def report_year(tables: list[Table], stated: int | None = None) -> int | None:
    """The year the report is about: from measurement/PK headers ("Target 2024"), else the year its
    documents state (`stated`: auditor.periods.years), else the most common year in titles and headers."""
    # the latest such year: a report restates earlier years' targets and realisasi beside its own
    # ("Target 2023 | Realisasi 2023" in a trend table), never later ones
    own = [y for t in tables if t.kind in ("pengukuran", "pk") for canon in ("target", "realisasi")
           for y in [_year_of(t.headers.get(canon, ""))] if y]
    if own:
        return max(own)
    if stated:
        return stated
    years = Counter()
    for t in tables:
        if t.kind_def is not None:
            continue        # a generic table (tables.generic): its years say nothing of the report's
        for line in t.context + [t.caption or ""] + list(t.headers.values()):
            for y in YEAR.findall(line):
                years[int(y)] += 1
    return years.most_common(1)[0][0] if years else None


def _num(row: Row, col: str) -> Num | None:
    return row.num(col)


# -- registries -----------------------------------------------------------------------------------
@dataclass
class _Sums:
    """A SIPD export summed per code (sub kegiatan, and up to its kegiatan and program) and per
    rekening group (5.1 operasi, 5.2 modal, …)."""
    by_code: dict = field(default_factory=lambda: defaultdict(Decimal))
    first: dict = field(default_factory=dict)
    rows: Counter = field(default_factory=Counter)
    by_group: dict = field(default_factory=lambda: defaultdict(Decimal))
    names: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)     # code -> A1 row numbers of the lines summed (coverage)

    def sources(self, code: str, letters: tuple) -> tuple:
        return (letters, self.lines.get(code, ()))


class _Codes:
    """The code normalisations of one audit's SIPD exports, each distinct text once: an export repeats
    the same few codes on thousands of lines, and the rekap pagu and the realisasi repeat each other's."""

    def __init__(self) -> None:
        self.program_code = functools.lru_cache(maxsize=None)(codes.normalise_program_code)
        self.parent_code = functools.lru_cache(maxsize=None)(codes.parent_code)
        self.level = functools.lru_cache(maxsize=None)(codes.code_level)
        # rekening_group normalises the rekening itself (normalise_rekening is idempotent)
        self.group_of = functools.lru_cache(maxsize=None)(codes.rekening_group)


def _sipd_sums(t: Table, amounts: list, less: list | None = None, memo: _Codes | None = None) -> _Sums:
    """Sums of the column `amounts` (Table.column entries: text, value, decimals, address), less the
    column `less` where given (realisasi less setoran), per code and rekening group."""
    out = _Sums()
    # sum per sub kegiatan line by line, and carry the sums up to kegiatan and program once per sub;
    # the columns are read whole (Table.column), not cell by cell
    memo = memo or _Codes()
    program_code, parent_code, group_of = memo.program_code, memo.parent_code, memo.group_of
    by_sub: dict[str, Decimal] = {}
    lines_of: dict[str, list[int]] = {}         # sub -> A1 row numbers of its lines (their count: its rows)
    row0 = t.grid.row0
    ups: dict[str, tuple] = {}                  # sub -> its (program, kegiatan), codes as first seen
    subs, rekening = t.column("kode_sub"), t.column("kode_rekening")
    for row, sub_cell, got, rek, minus in zip(t.rows, subs, amounts, rekening, less or itertools.repeat(None)):
        if row.type != "data":
            continue
        sub = program_code(sub_cell[0] if sub_cell else "")
        if not sub or got is None or got[1] is None:
            continue
        amount = got[1] if less is None else got[1] - (minus[1] if minus and minus[1] is not None else 0)
        if sub not in by_sub:
            cell = got[3]
            keg = parent_code(sub)
            prog = parent_code(keg) if keg else None
            ups[sub] = (prog, keg)
            # keys in the order a row-by-row walk meets them (program, kegiatan, sub kegiatan)
            for level, code, name_col in (("program", prog, "nama_program"), ("kegiatan", keg, "nama_kegiatan"),
                                          ("sub_kegiatan", sub, "nama_sub")):
                if code:
                    out.by_code.setdefault(code, Decimal(0))
                    out.first.setdefault(code, cell)
                    out.names.setdefault(code, (level, row.text(name_col) or code))
            by_sub[sub] = amount
            lines_of[sub] = [row.r + row0]
        else:
            by_sub[sub] += amount
            lines_of[sub].append(row.r + row0)
        grp = group_of(rek[0] if rek else "")
        if grp:
            out.by_group[grp] += amount
    for sub, total in by_sub.items():
        prog, keg = ups[sub]
        n = len(lines_of[sub])
        for code in (prog, keg, sub):
            if code:
                out.by_code[code] += total
                out.rows[code] += n
                if code == sub:
                    out.lines.setdefault(code, lines_of[sub])
                else:
                    out.lines.setdefault(code, []).extend(lines_of[sub])
    return out


def _letters(t: Table, *canons: str) -> tuple:
    """The column letters of `canons` in `t` (those it has)."""
    from .readers.grid import get_column_letter
    return tuple(get_column_letter(t.columns[c] + t.grid.col0) for c in canons if c in t.columns)


def _register_sipd(store: FactStore, t: Table, memo: _Codes) -> None:
    s = _sipd_sums(t, t.column("pagu"), memo=memo)
    letters = _letters(t, "pagu")
    for code, (level, name) in s.names.items():
        store.add_entity(Entity(key=code, level=level, name=name, code=code,
                                parent=codes.parent_code(code) if level != "program" else None))
    for code, total in s.by_code.items():
        e = store.entities[code]
        e.pagu = total
        store.add(code, e.level, e.name, "pagu", store.year, Num(total, 0, text=str(total)), str(total), t,
                  s.first[code], row_label=f"Σ {s.rows[code]} rekening", rows=s.rows[code],
                  sources=s.sources(code, letters))
    _skpd_sums(store, t, s, "pagu", "rekening", memo)


def _skpd_sums(store: FactStore, t: Table, s: _Sums, measure: str, what: str, memo: _Codes) -> None:
    for grp, total in s.by_group.items():
        store.add("skpd", "skpd", "SKPD", f"{measure}_{grp}", store.year, Num(total, 0), str(total), t, None,
                  row_label=f"Σ {measure} belanja {grp}")
    if s.by_code:
        total = sum(v for k, v in s.by_code.items() if memo.level(k) == "program")
        store.add("skpd", "skpd", "SKPD", measure, store.year, Num(total, 0), str(total), t, None,
                  row_label=f"Σ {measure} ({what})")


def _register_tree(store: FactStore, t: Table) -> None:
    """A budget table with a tree becomes the registry when there is no SIPD export."""
    parents: dict[str, str | None] = {}
    for row in t.data_rows():
        if row.level not in LEVELS:
            continue
        rank = LEVELS.index(row.level)
        parent = parents.get(LEVELS[rank - 1]) if rank else None
        code = row.code
        key = code or (f"{row.level}:{normalise(row.name)}" + (f"@{parent}" if parent else ""))
        pagu = _num(row, "pagu")
        store.add_entity(Entity(key=key, level=row.level, name=row.name, code=code, parent=parent,
                                pagu=pagu.value if pagu else None))
        parents[row.level] = key
        for lower in LEVELS[rank + 1:]:
            parents.pop(lower, None)


def _register_indicators(store: FactStore, tables: list[Table]) -> None:
    src = [t for t in tables if t.kind == "pk"] or [t for t in tables if t.kind == "pengukuran"]
    for t in src:
        for row in t.data_rows():
            name = row.text("indikator")
            if not name:
                continue
            if store.resolve("indikator", name, create=False, where=_where(t, row.cells.get("indikator"))):
                continue
            key = "ind:" + normalise(name)
            store.add_entity(Entity(key=key, level="indikator", name=name, sasaran=row.text("sasaran") or None))


# -- extraction per table kind ----------------------------------------------------------------------
def _budget_rows(store: FactStore, t: Table, measures: dict[str, str]) -> None:
    """anggaran, program_pendukung, pk_anggaran: rows of a program/kegiatan/sub kegiatan tree."""
    current: dict[str, str | None] = {}
    used: set[str] = set()
    for row in t.rows:
        if row.type == "section":
            current = {}
            continue
        if row.type != "data":
            continue
        level = row.level or ("program" if t.kind == "pk_anggaran" else None)
        if level not in LEVELS:
            continue
        rank = LEVELS.index(level)
        parent = current.get(LEVELS[rank - 1]) if rank else None
        pagu = _num(row, "pagu")
        label_cell = row.cells.get("label")
        key = store.resolve(level, row.name or row.label, code=row.code, parent=parent,
                            pagu=pagu.value if pagu else None, where=_where(t, label_cell), used=used)
        if key:
            used.add(key)
        current[level] = key
        for lower in LEVELS[rank + 1:]:
            current.pop(lower, None)
        for col, measure in measures.items():
            cell = row.cells.get(col)
            if cell is not None and cell.num is not None:
                store.add(key, level, row.name, measure, store.year, cell.num, cell.text, t, cell.addr, row.label)
        sas = row.cells.get("sasaran")
        if level == "program" and sas is not None and sas.text:
            store.add(key, level, row.name, "sasaran", store.year, None, _strip_prefix(sas.text), t, sas.addr,
                      row.label)


def _strip_prefix(text: str) -> str:
    lvl, _, rest = codes.label_level(text)
    return rest if lvl in ("sasaran", "tujuan") else text


def _rkt(store: FactStore, t: Table) -> None:
    program = kegiatan = None
    used: set[str] = set()
    for row in t.data_rows():
        label = row.text("label")
        sub = row.text("sub_kegiatan")
        sub_is_own = "sub_kegiatan" in row.cells and row.level == "sub_kegiatan"
        lvl, _, rest = codes.label_level(label)
        pagu = _num(row, "pagu")
        if not sub_is_own and lvl == "program":
            program = store.resolve("program", label, parent=None, pagu=pagu.value if pagu else None,
                                    where=_where(t, row.cells.get("label")))
            kegiatan = None
            sas = row.cells.get("sasaran")
            if sas is not None and sas.text:
                store.add(program, "program", label, "sasaran", store.year, None, sas.text, t, sas.addr, label)
            if pagu is not None:
                store.add(program, "program", label, "pagu", store.year, pagu, row.cells["pagu"].text, t,
                          row.cells["pagu"].addr, label)
            continue
        if label:
            kegiatan = store.resolve("kegiatan", label, parent=program, where=_where(t, row.cells.get("label")))
            tp = _num(row, "target_program")
            if tp is not None and not sub_is_own:
                pass
        if sub_is_own:
            key = store.resolve("sub_kegiatan", sub, parent=kegiatan, pagu=pagu.value if pagu else None,
                                where=_where(t, row.cells.get("sub_kegiatan")), used=used)
            if key:
                used.add(key)
            if pagu is not None:
                store.add(key, "sub_kegiatan", sub, "pagu", store.year, pagu, row.cells["pagu"].text, t,
                          row.cells["pagu"].addr, sub)
            out = _num(row, "target_output")
            if out is not None:
                store.add(key, "sub_kegiatan", sub, "output_target", store.year, out, row.cells["target_output"].text,
                          t, row.cells["target_output"].addr, row.text("indikator_output") or sub)
    # sasaran targets: one per indicator, on the first row of its merged block
    seen: set[str] = set()
    for row in t.data_rows():
        cell = row.cells.get("target_sasaran")
        ind = row.text("indikator_sasaran")
        if cell is None or cell.num is None or not ind or cell.addr in seen:
            continue
        seen.add(cell.addr)
        key = store.resolve("indikator", ind, create=False, where=_where(t, row.cells.get("indikator_sasaran")))
        store.add(key, "indikator", ind, "target", store.year, cell.num, cell.text, t, cell.addr, ind)


def _indicator_rows(store: FactStore, t: Table, measures: dict[str, str], name_col: str = "indikator") -> None:
    # each column's measure and period come from its key and header: worked out once per table, not per row
    plan = []
    for col in list(t.columns):
        base, _, key_year = col.partition("@")
        if base not in measures:
            continue
        period = int(key_year) if key_year.isdigit() else (_year_of(t.headers.get(col, "")) or store.year)
        if base == "target_akhir":
            period = _year_of(t.headers.get(col, "")) or period
        elif base == "capaian_akhir":
            period = store.year
        plan.append((col, measures[base], period))
    for row in t.data_rows():
        name = row.text(name_col)
        if not name:
            continue
        key = store.resolve("indikator", name, create=False, where=_where(t, row.cells.get(name_col)))
        for col, measure, period in plan:
            cell = row.cells.get(col)
            if cell is None or cell.num is None:
                continue
            store.add(key, "indikator", name, measure, period, cell.num, cell.text, t, cell.addr, name)


def _tc27(store: FactStore, t: Table) -> None:
    # the columns and the year each states, once per table: pagu per year (rp@2025), indicator targets
    # and realisasi per year (target@2025)
    rp = [col for col in t.columns if col.startswith("rp@")]
    per_year = [(col, base, int(y)) for col in t.columns for base, _, y in [col.partition("@")]
                if base in ("target", "realisasi") and y.isdigit()]
    for row in t.data_rows():
        if row.code:
            level = codes.code_level(row.code)
            if level in LEVELS:
                key = store.resolve(level, row.name or row.label, code=row.code,
                                    where=_where(t, row.cells.get("label")))
                for col in rp:
                    cell = row.cells.get(col)
                    if cell is not None and cell.num is not None:
                        store.add(key, level, row.name, "pagu", int(col[3:]), cell.num, cell.text, t, cell.addr,
                                  row.label)
            continue
        name = row.text("indikator")
        if not name:
            continue
        key = store.resolve("indikator", name, create=False, where=_where(t, row.cells.get("indikator")))
        for col, base, year in per_year:
            cell = row.cells.get(col)
            if cell is not None and cell.num is not None:
                store.add(key, "indikator", name, base, year, cell.num, cell.text, t, cell.addr, name)


def _sasaran_to_indicator(store: FactStore, name: str, where) -> str | None:
    inds = [e for e in store.entities.values() if e.level == "indikator" and e.sasaran]
    if not inds:
        return None
    m = best_match(name, [e.sasaran for e in inds])
    if m.ok:
        return inds[m.index].key
    return None


def _efisiensi(store: FactStore, t: Table) -> None:
    for row in t.data_rows():
        key = _sasaran_to_indicator(store, row.name or row.label, _where(t, row.cells.get("label")))
        n = _num(row, "capaian")
        if key and n is not None:
            store.add(key, "indikator", row.label, "capaian", store.year, n, row.cells["capaian"].text, t,
                      row.cells["capaian"].addr, row.label)


def _rekap(store: FactStore, t: Table) -> None:
    for row in t.data_rows():
        text = row.section or row.label
        lvl, _, rest = codes.label_level(text)
        name = rest if lvl == "indikator" else text
        key = store.resolve("indikator", name, create=False, where=_where(t, row.cells.get("label")))
        n = _num(row, "capaian")
        if key and n is not None:
            store.add(key, "indikator", name, "capaian", store.year, n, row.cells["capaian"].text, t,
                      row.cells["capaian"].addr, text)


def _io_detail(store: FactStore, t: Table) -> None:
    program = kegiatan = sub = None
    for line in t.context:
        lvl, _, rest = codes.label_level(re.sub(r"^\s*\d+\.\s*", "", line))
        if lvl == "program":
            name = codes.label_level(rest)[2] if rest.lower().startswith("program") else rest
            program = store.resolve("program", name, create=False, where=(t.path, t.sheet, None, t.caption))
        elif lvl == "kegiatan":
            kegiatan = store.resolve("kegiatan", rest, parent=program, create=False,
                                     where=(t.path, t.sheet, None, t.caption))
        elif lvl == "sub_kegiatan":
            sub = store.resolve("sub_kegiatan", rest, parent=kegiatan, create=False,
                                where=(t.path, t.sheet, None, t.caption))
    if sub is None:
        return
    for row in t.data_rows():
        kind = (row.text("jenis") or "").lower()
        for col, measure in (("target", "target"), ("realisasi", "realisasi")):
            n = _num(row, col)
            if n is None:
                continue
            if kind.startswith("input") or (n.rupiah or "dana" in row.label.lower()):
                m = "pagu" if col == "target" else "realisasi"
            else:
                m = f"output_{measure}"
            store.add(sub, "sub_kegiatan", row.label, m, store.year, n, row.cells[col].text, t,
                      row.cells[col].addr, row.label)


def _sipd_realisasi(store: FactStore, t: Table, memo: _Codes) -> None:
    # what was spent: realisasi less what was paid back (setoran)
    s = _sipd_sums(t, t.column("nilai_realisasi"), t.column("nilai_setoran"), memo)
    letters = _letters(t, "nilai_realisasi", "nilai_setoran")
    for code, total in s.by_code.items():
        e = store.entities.get(code)
        if e is None:
            level, name = s.names[code]
            e = store.add_entity(Entity(key=code, level=level, name=name, code=code, parent=codes.parent_code(code)))
        store.add(code, e.level, e.name, "realisasi", store.year, Num(total, 0), str(total), t, s.first[code],
                  row_label=f"Σ {s.rows[code]} transaksi (realisasi − setoran)", rows=s.rows[code],
                  sources=s.sources(code, letters))
    _skpd_sums(store, t, s, "realisasi", "transaksi", memo)


def build_facts(files, year: int | None = None, nomenclature=None) -> FactStore:
    """The facts of a folder taken as `year` (when known); `nomenclature` (auditor.reference.Nomenclature),
    when given, anchors the resolution of rows without a code to the official names of the registry's codes."""
    store = FactStore()
    tables = [t for f in files for t in f.tables]
    store.year = report_year(tables, year)
    store.add_entity(Entity(key="skpd", level="skpd", name="SKPD"))
    sipd = [t for t in tables if t.kind == "sipd_pagu"]
    memo = _Codes()
    for t in sipd:
        _register_sipd(store, t, memo)
    if not sipd:
        tree = [t for t in tables if t.kind == "anggaran" and any(r.level for r in t.rows)]
        if tree:
            _register_tree(store, tree[0])
    if nomenclature is not None and any(e.code for e in store.entities.values()):
        from .entities import OfficialNames
        store.anchors = OfficialNames(nomenclature, store)
    _register_indicators(store, tables)
    order = ("sipd_realisasi", "anggaran", "program_pendukung", "pk_anggaran", "rkt", "tc27", "io_detail",
             "pk", "tc25", "pengukuran", "realisasi_tahunan", "perbandingan", "efisiensi", "rekap_predikat",
             "rencana_aksi")
    for kind in order:
        for t in (x for x in tables if x.kind == kind):
            if kind == "sipd_realisasi":
                _sipd_realisasi(store, t, memo)
            elif kind in ("anggaran", "program_pendukung"):
                _budget_rows(store, t, {"pagu": "pagu", "realisasi": "realisasi", "persen": "serapan"})
                _skpd_total(store, t)
            elif kind == "pk_anggaran":
                _budget_rows(store, t, {"pagu": "pagu"})
            elif kind == "rkt":
                _rkt(store, t)
            elif kind == "tc27":
                _tc27(store, t)
            elif kind == "io_detail":
                _io_detail(store, t)
            elif kind == "pk":
                _indicator_rows(store, t, {"target": "target"})
            elif kind in ("tc25", "rencana_aksi"):
                _indicator_rows(store, t, {"target": "target"})
            elif kind == "pengukuran":
                _indicator_rows(store, t, {"target": "target", "realisasi": "realisasi", "capaian": "capaian",
                                           "target_akhir": "target", "capaian_akhir": "capaian_akhir"})
            elif kind == "realisasi_tahunan":
                # a trend table may state each year's target beside its realisasi ("Target 2023")
                _indicator_rows(store, t, {"realisasi": "realisasi", "target": "target"})
            elif kind == "perbandingan":
                _indicator_rows(store, t, {"realisasi": "realisasi"})
            elif kind == "efisiensi":
                _efisiensi(store, t)
            elif kind == "rekap_predikat":
                _rekap(store, t)
    return store


def _skpd_total(store: FactStore, t: Table) -> None:
    """A JUMLAH row closing a whole budget table is the SKPD's total."""
    if t.kind != "anggaran":
        return
    totals = [r for r in t.rows if r.type == "total"]
    if len(totals) != 1 or totals[0] is not t.rows[-1]:
        return
    row = totals[0]
    for col, measure in (("pagu", "pagu"), ("realisasi", "realisasi"), ("persen", "serapan")):
        n = _num(row, col)
        if n is not None:
            store.add("skpd", "skpd", "SKPD", measure, store.year, n, row.cells[col].text, t, row.cells[col].addr,
                      row.label)
