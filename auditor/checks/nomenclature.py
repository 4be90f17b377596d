"""`nomenclature`: program, kegiatan and sub kegiatan codes and names against the official
Kepmendagri nomenclature (auditor.reference), over every table whose rows carry a code and a name.

Modes:
* `unknown_code` – a code the revision does not know (neither its code nor a former code it replaced);
* `former_code`  – a code the revision replaced (its SUBKEGIATAN SEBELUMNYA column), with the new code;
* `name`         – a name that is not the official name of its code (auditor.reference.match says what
                   counts as the same: case, spacing, punctuation, abbreviations, a shortened name);
                   rows without a code are judged through the entity they were resolved to;
* `indicator`    – a sub kegiatan's output indicator or satuan that is not the official one;
* `parent`       – a kegiatan / sub kegiatan listed (in the table's tree) under a program / kegiatan
                   whose code is not its code's parent.

Rows with codes are read generically: Row.code / Row.name / Row.level of any table (T-C.27, Renja,
LRA, RFK, …) and the code/name column pairs of flat SIPD exports (kode_program … nama_sub), so a new
table kind with codes is checked without changes here.
"""
from __future__ import annotations

from collections import Counter

from .. import codes
from ..model import Location, Related
from .base import Param

DOC = "Codes and names of programs, kegiatan and sub kegiatan follow the official nomenclature."
PARAMS = {
    "mode": Param(str, required=True, choices=("unknown_code", "former_code", "name", "indicator", "parent")),
    "threshold": Param((int, float), 90, doc="name/indicator: similarity (0-100) at or above which two "
                                             "differently written names are the same"),
}
LEVELS = ("program", "kegiatan", "sub_kegiatan")
LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}
PAIRS = (("kode_program", "nama_program"), ("kode_kegiatan", "nama_kegiatan"), ("kode_sub", "nama_sub"))


class Stated:
    """A code and name as a document states them (a plain class: a dataclass costs ~1 ms at import,
    and the registry imports every check kind on every run)."""
    __slots__ = ("path", "sheet", "caption", "kind", "code", "name", "level", "cell", "code_cell", "row_label",
                 "parent_code", "table")

    def __init__(self, path, sheet, caption, kind, code, name, level, cell, code_cell, row_label=None,
                 parent_code=None, table=None):
        self.path, self.sheet, self.caption, self.kind = path, sheet, caption, kind
        self.code, self.name, self.level = code, name, level
        self.cell = cell                    # where the name is
        self.code_cell = code_cell          # where the code is (the name's cell when written in it)
        self.row_label = row_label
        self.parent_code = parent_code      # the code of the row it is listed under (table trees)
        self.table = table


def reference(ctx):
    """The nomenclature for this audit (config `nomenclature:` or the shipped one), loaded once."""
    nom = ctx.nomenclature()
    if nom is None:
        from ..reference import load
        load(getattr(ctx.settings, "nomenclature", None))   # raises the reason: the rule reports it (IN900)
    return nom


def stated(ctx) -> list[Stated]:
    """Every coded row of every table (once per audit)."""
    if "nomenclature:stated" in ctx.cache:
        return ctx.cache["nomenclature:stated"]
    out: list[Stated] = []
    for t in ctx.all_tables():
        if any(k in t.columns for k, _ in PAIRS):
            out.extend(_flat(t))
            continue
        coded = [r for r in t.rows if r.type == "data" and r.code]
        if not coded:
            continue        # most tables: no code on any row
        row_index = {id(r): i for i, r in enumerate(t.rows)}
        # a code written on several rows heads a list of its lines (sub keluaran, paket, rekening):
        # each row's label names its line, not the code - its name is not the code's name
        repeated = Counter(r.code for r in coded)
        # … and so does a table with a code column deeper than the codes read (a "Kode Sub Keluaran"
        # beside the sub kegiatan's): its Uraian names that deeper level
        deeper = any(h.startswith("kode") for h in t.unmapped)
        for row in coded:
            level = row.level if row.level in LEVELS else codes.code_level(row.code)
            if level not in LEVELS or (row.level in LEVELS and codes.normalise_program_code(row.code) is None):
                continue        # … or a code of the document's own scheme (GG.2896): not Kepmendagri's
            label = row.cells.get("label")
            kode = row.cells.get("kode")
            # the row it is listed under: in a table linked by its codes, the row above it in the listing
            # (tables.codetree keeps it), since its parent there is the one its code names
            i = row_index[id(row)]
            above = t.listed_under[i] if i in t.listed_under else None if t.code_tree else row.parent
            parent = t.rows[above] if above is not None else None
            name = row.name if repeated[row.code] == 1 and not deeper and not codes.any_code(row.name) else ""
            out.append(Stated(t.path, t.sheet, t.caption, t.kind, row.code, name, level,
                              label.addr if label else None, (kode or label).addr if (kode or label) else None,
                              row.label[:120] if row.label else None,
                              parent.code if parent is not None and parent.code else None, t))
    ctx.cache["nomenclature:stated"] = out
    return out


def _flat(t) -> list[Stated]:
    """A flat export repeats each code on many rows: its sub kegiatan column (read whole once, and
    shared with the fact store) finds the first row of each sub kegiatan code; that row's cells give
    the names and the kegiatan and program codes. Other columns are never read whole (a 100,000-line
    export would pay ~0.3 s a column)."""
    out = []
    seen_codes: set[str] = set()
    firsts: dict[str, int] = {}
    key_col = next(k for k, _ in reversed(PAIRS) if k in t.columns)
    for i, (row, c) in enumerate(zip(t.rows, t.column(key_col))):
        if c is not None and c[0] and row.type == "data" and c[0] not in firsts:
            firsts[c[0]] = i
    for i in firsts.values():
        row = t.rows[i]
        for kode_col, nama_col in PAIRS:
            kc, nc = row.cells.get(kode_col), row.cells.get(nama_col)
            code = codes.normalise_program_code(kc.text) if kc is not None else None
            level = codes.code_level(code) if code else None
            if level not in LEVELS or code in seen_codes:
                continue
            seen_codes.add(code)
            name = nc.text if nc is not None else ""
            out.append(Stated(t.path, t.sheet, t.caption, t.kind, code, name, level,
                              nc.addr if nc is not None else None, kc.addr, (name or code)[:120], None, t))
    return out


def resolved(ctx) -> list[Stated]:
    """Rows without a code that the fact store tied to a coded entity (by name, pagu or the
    nomenclature): their stated name is judged against the official name of that code (once per audit:
    every mode asks)."""
    got = ctx.cache.get("nomenclature:resolved")
    if got is None:
        got = ctx.cache["nomenclature:resolved"] = _resolved(ctx)
    return got


def _resolved(ctx) -> list[Stated]:
    store = ctx.facts()
    out = []
    seen = set()
    for res in store.resolutions:
        if res.how not in ("name", "pagu", "nomenclature") or not res.entity or not res.stated:
            continue
        ent = store.entities.get(res.entity)
        if ent is None or not ent.code or res.level not in LEVELS:
            continue
        key = (res.path, res.sheet, res.cell, res.stated)
        if key in seen:
            continue
        seen.add(key)
        out.append(Stated(res.path, res.sheet, res.caption, None, ent.code, res.stated, res.level, res.cell,
                          None, res.stated[:120]))
    return out


def _jenis(ctx, nom, items) -> str:
    if "nomenclature:jenis" not in ctx.cache:
        ctx.cache["nomenclature:jenis"] = nom.jenis_of(s.code for s in items)
    return ctx.cache["nomenclature:jenis"]


def _once(ctx, memo: str, key, make):
    """make(), once per key per audit (kept in the audit's cache under `memo`): the modes ask for the
    same codes and names, and tables restate them."""
    held = ctx.cache.setdefault("nomenclature:" + memo, {})
    if key not in held:
        held[key] = make()
    return held[key]


def _lookups(ctx, nom, jenis):
    """nom.lookup(code, jenis), each code looked up once per audit (unknown_code, former_code and name
    each ask for every stated code)."""
    return lambda code: _once(ctx, "lookup", (code, jenis), lambda: nom.lookup(code, jenis))


def _loc(s: Stated, cell: str | None) -> Location:
    return Location(path=s.path, sheet=s.sheet, cell=cell, table=s.kind, row_label=s.row_label, caption=s.caption)


def _mark(ctx, s: Stated, *cells) -> None:
    ctx.ledger.mark(s.path, s.sheet, cells)


def run(rule, ctx):
    mode = rule.params["mode"]
    if mode == "parent":
        yield from _parents(rule, ctx)
        return
    nom = reference(ctx)
    rows = stated(ctx)
    jenis = _jenis(ctx, nom, rows + resolved(ctx))     # the same for every mode, whichever runs first
    lookup = _lookups(ctx, nom, jenis)
    if mode == "indicator":
        yield from _indicators(rule, ctx, nom, jenis, lookup)
        return
    items = rows + resolved(ctx) if mode == "name" else rows
    done = set()
    for s in items:
        e = lookup(s.code)
        if mode == "unknown_code":
            if s.code_cell:
                _mark(ctx, s, s.code_cell)
            key = (s.path, s.sheet, s.code)
            if e is not None or key in done:
                continue
            done.add(key)
            f = rule.emit(ctx, _loc(s, s.code_cell), reported=s.code, expected=None, code=s.code,
                          level=LEVEL_WORDS[s.level], reported_text=s.name, revision=nom.revision)
            if _other_year(ctx, nom.revision):
                # a document of another year than the revision: its code may come from the nomenclature in
                # force that year (SIPD follows it); said, but not as a warning against the document
                f.severity = "info"
                f.diagnosis = (f"dokumen tahun {ctx.year}, revisi nomenklatur {nom.revision}: periksa dengan "
                               f"nomenklatur yang berlaku tahun {ctx.year}" if ctx.lang != "en" else
                               f"a {ctx.year} document, nomenclature revision {nom.revision}: check it against "
                               f"the nomenclature in force in {ctx.year}")
                f.diagnosis_kind = "other_revision"
            yield f
        elif mode == "former_code":
            key = (s.path, s.sheet, s.code)
            if e is None or not e.now or key in done:
                continue
            done.add(key)
            new = lookup(e.now)
            yield rule.emit(ctx, _loc(s, s.code_cell), reported=s.code, expected=e.now, code=s.code,
                            level=LEVEL_WORDS[s.level], reported_text=s.name, expected_value=e.now,
                            official=new.name if new else "", revision=nom.revision)
        else:
            yield from _name(rule, ctx, nom, jenis, s, e)


def _other_year(ctx, revision) -> bool:
    """Whether the document is of another year than the revision: codes come and go between revisions
    (a 2023 document follows the nomenclature of 2023, a 2026 one may follow a newer one)."""
    year = getattr(ctx, "year", None)
    try:
        return bool(year) and int(str(revision)[:4]) != int(year)
    except ValueError:
        return False


def _name(rule, ctx, nom, jenis, s: Stated, e):
    if e is None or not s.name or _same(ctx, s.name, e.name, rule.params["threshold"]):
        return
    # what the stated name is, when it is the official name of another code of the same bidang
    other = _named(ctx, nom, jenis, s, rule.params["threshold"])
    diagnosis = None
    if other is not None:
        shown = _as_written(s.code, other.code)
        diagnosis = (f"\"{s.name}\" adalah nama resmi {shown}" if ctx.lang != "en"
                     else f"\"{s.name}\" is the official name of {shown}")
    yield rule.emit(ctx, _loc(s, s.cell), reported=s.name, expected=e.name, diagnosis=diagnosis,
                    related=[Related(path=nom.source, sheet=None, cell=None, value=e.name, role="official",
                                     label=f"{e.code} ({nom.revision})")],
                    code=s.code, level=LEVEL_WORDS[s.level], reported_text=s.name, expected_value=e.name,
                    revision=nom.revision)


def _same(ctx, name: str, official: str, threshold) -> bool:
    """reference.match.same, once per pair of names per audit."""
    from ..reference.match import same
    return _once(ctx, "same", (name, official, threshold), lambda: same(name, official, threshold))


def _as_written(code: str, ref_code: str) -> str:
    """A reference code in the document's own bidang (X.XX.01… → 7.01.01…)."""
    if ref_code.startswith("X.XX.") and not code.startswith("X."):
        return ".".join(code.split(".")[:2]) + ref_code[4:]
    return ref_code


def _named(ctx, nom, jenis, s: Stated, threshold):
    """The entry whose official name the stated name is (another code of the bidang, or a shared
    penunjang line), or None; once per code and name per audit."""
    return _once(ctx, "named", (jenis, s.code, s.name, s.level, threshold),
                 lambda: _named_among(nom, jenis, s, threshold))


def _named_among(nom, jenis, s: Stated, threshold):
    from ..reference.match import same_each
    bidang = ".".join(s.code.split(".")[:2])
    own = codes.normalise_program_code(s.code)
    others = [e for prefix in (bidang, "X.XX") for e in nom.in_bidang(jenis, prefix, s.level)
              if own not in (e.code, _as_written(s.code, e.code))]
    best = None
    for e, hit in zip(others, same_each(s.name, [e.name for e in others], threshold)):
        if hit:
            if best is not None and best.code != e.code:
                return None      # two candidates: say nothing rather than guess
            best = e
    return best


def _indicators(rule, ctx, nom, jenis, lookup):
    from ..reference.match import same, same_unit
    store = ctx.facts()
    done = set()
    for f in store.facts:
        if f.measure != "output_target" or f.level != "sub_kegiatan":
            continue
        key = (f.path, f.sheet, f.entity)
        if key in done:
            continue        # judged (its entity's official entry depends on the entity alone)
        ent = store.entities.get(f.entity)
        if ent is None or not ent.code:
            continue
        e = lookup(ent.code)          # nom.official: an entry of this revision, not a former code
        if e is None or e.now or not e.indikator:
            continue
        done.add(key)
        loc = Location(path=f.path, sheet=f.sheet, cell=f.cell, table=f.origin, row_label=f.row_label,
                       caption=f.caption)
        rel = [Related(path=nom.source, sheet=None, cell=None, value=e.indikator, role="official",
                       label=f"{e.code} ({nom.revision})")]
        ind = f.row_label or ""
        if ind and f.name and ind.strip() != f.name.strip() and not same(ind, e.indikator, rule.params["threshold"]):
            yield rule.emit(ctx, loc, reported=ind, expected=e.indikator, related=rel, code=ent.code,
                            what="indikator", reported_text=ind, expected_value=e.indikator, revision=nom.revision)
        unit = f.num.unit if f.num is not None else None
        if unit and e.satuan and not same_unit(unit, e.satuan):
            yield rule.emit(ctx, loc, reported=unit, expected=e.satuan, related=rel, code=ent.code,
                            what="satuan", reported_text=unit, expected_value=e.satuan, revision=nom.revision)


def _parents(rule, ctx):
    for s in stated(ctx):
        if s.level == "program" or not s.parent_code:
            continue
        want = codes.parent_code(s.code)
        if s.table is not None and s.code_cell:
            _mark(ctx, s, s.code_cell)
        if want is None or codes.code_level(s.parent_code) != codes.code_level(want) or want == s.parent_code:
            continue
        yield rule.emit(ctx, _loc(s, s.code_cell), reported=s.parent_code, expected=want, code=s.code,
                        level=LEVEL_WORDS[s.level], reported_text=s.parent_code, expected_value=want,
                        label=s.name)
