"""Rating scales (predikat) and efisiensi conventions: loaded from rules/scales/*.yaml, or read from
the document's own scale table (Tabel 3.1), which then judges the document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .checks.base import ConfigError

INF = None


@dataclass(frozen=True)
class Band:
    label: str
    lo: Decimal | None = None
    lo_inc: bool = True
    hi: Decimal | None = None
    hi_inc: bool = True
    cell: str | None = None          # where a document states it

    def contains(self, x: Decimal) -> bool:
        if self.lo is not None and (x < self.lo or (x == self.lo and not self.lo_inc)):
            return False
        if self.hi is not None and (x > self.hi or (x == self.hi and not self.hi_inc)):
            return False
        return True

    def text(self) -> str:
        lo = "" if self.lo is None else f"{'≥' if self.lo_inc else '>'} {self.lo}"
        hi = "" if self.hi is None else f"{'≤' if self.hi_inc else '<'} {self.hi}"
        return " dan ".join(x for x in (lo, hi) if x) or "semua nilai"


@dataclass
class Scale:
    name: str
    bands: list[Band]
    synonyms: dict[str, str] = field(default_factory=dict)   # normalised word -> canonical label
    description: dict[str, str] = field(default_factory=dict)
    source: str = "regulation"                                  # regulation | document

    def canonical(self, label: str) -> str | None:
        k = " ".join(label.lower().split())
        return self.synonyms.get(k)

    def classify(self, x: Decimal) -> list[Band]:
        return [b for b in self.bands if b.contains(x)]


def norm_label(s: str) -> str:
    return " ".join(s.lower().split())


def load_scale(name_or_path: str, convention: str | None = None) -> Scale:
    from .rules import load_yaml, rules_dir

    p = Path(name_or_path)
    if not p.suffix:
        p = rules_dir() / "scales" / f"{name_or_path}.yaml"
    if not p.is_file():
        known = ", ".join(sorted(x.stem for x in (rules_dir() / "scales").glob("*.yaml")))
        raise ConfigError(f"scale '{name_or_path}' not found (known: {known})")
    data = load_yaml(p) or {}
    unknown = set(data) - {"name", "default_convention", "conventions", "synonyms"}
    if unknown:
        raise ConfigError(f"{p}: unknown key(s) {', '.join(sorted(unknown))}")
    conv = convention or data.get("default_convention")
    convs = data.get("conventions") or {}
    if conv not in convs:
        raise ConfigError(f"{p}: convention '{conv}' not defined (have: {', '.join(convs)})")
    bands = []
    for b in convs[conv].get("bands") or []:
        extra = set(b) - {"label", "min", "max", "min_inclusive", "max_inclusive"}
        if extra or "label" not in b:
            raise ConfigError(f"{p}: band {b!r} takes label, min, max, min_inclusive, max_inclusive")
        bands.append(Band(label=str(b["label"]),
                          lo=None if b.get("min") is None else Decimal(str(b["min"])),
                          lo_inc=bool(b.get("min_inclusive", True)),
                          hi=None if b.get("max") is None else Decimal(str(b["max"])),
                          hi_inc=bool(b.get("max_inclusive", True))))
    syn = {norm_label(b.label): b.label for b in bands}
    for canon, words in (data.get("synonyms") or {}).items():
        for w in words or []:
            syn[norm_label(str(w))] = canon
    return Scale(name=f"{data.get('name', p.stem)} ({conv})", bands=bands, synonyms=syn,
                 description=convs[conv].get("description") or {})


# -- a document's own scale -------------------------------------------------------------------
_NUM = r"(\d+(?:[.,]\d+)?)"
_OPS = {"≥": (True, "lo"), ">=": (True, "lo"), ">": (False, "lo"), "≤": (True, "hi"), "<=": (True, "hi"),
        "<": (False, "hi")}


def _d(s: str) -> Decimal:
    return Decimal(s.replace(",", "."))


def parse_interval(text: str) -> tuple[Decimal | None, bool, Decimal | None, bool] | None:
    """'≥ 90', '76 ≤ 90', '66 - 75', '> 80 – 90', '91 ≤ x ≤ 100', '≤ 50', '$76 \\leq 90$' → bounds."""
    t = text.replace("\\geq", "≥").replace("\\leq", "≤").replace("\\ge", "≥").replace("\\le", "≤")
    t = t.replace("$", " ").replace("s.d.", "-").replace("s.d", "-").replace("s/d", "-").replace("–", "-")
    t = re.sub(r"\bx\b", " ", t, flags=re.I)
    t = " ".join(t.split())
    nums = re.findall(_NUM, t)
    if not nums or len(nums) > 2:
        return None
    if len(nums) == 2:
        a, b = _d(nums[0]), _d(nums[1])
        m = re.match(r"^\s*(>=|≥|>)?\s*" + _NUM + r"\s*(<=|≤|<|-)?\s*(<=|≤|<)?\s*" + _NUM + r"\s*$", t)
        if not m:
            return None
        lo_inc = m.group(1) != ">"
        hi_inc = (m.group(4) or m.group(3)) != "<"
        return (min(a, b), lo_inc, max(a, b), hi_inc)
    m = re.match(r"^\s*(>=|≥|>|<=|≤|<)\s*" + _NUM + r"\s*$", t) or \
        re.match(r"^\s*" + _NUM + r"\s*(>=|≥|>|<=|≤|<)\s*$", t)
    if not m:
        return None
    op = m.group(1) if m.group(1) in _OPS else m.group(2)
    v = _d(m.group(2) if m.group(1) in _OPS else m.group(1))
    inc, side = _OPS[op]
    return (v, inc, None, True) if side == "lo" else (None, True, v, inc)


def document_scale(table, regulation: Scale) -> tuple[Scale | None, list]:
    """The scale a document states (Tabel 3.1), with the rows it could not read."""
    bands, bad = [], []
    for row in table.data_rows():
        iv_cell = row.cells.get("interval")
        label = row.text("label")
        if not iv_cell or not label:
            continue
        iv = parse_interval(iv_cell.text)
        if iv is None:
            bad.append(row)
            continue
        lo, lo_inc, hi, hi_inc = iv
        canon = regulation.canonical(label) or label.strip()
        bands.append(Band(label=canon, lo=lo, lo_inc=lo_inc, hi=hi, hi_inc=hi_inc, cell=iv_cell.addr))
    if len(bands) < 2:
        return None, bad
    syn = dict(regulation.synonyms)
    for b in bands:
        syn.setdefault(norm_label(b.label), b.label)
    return Scale(name=f"{table.caption or table.sheet} ({table.path.rsplit('/', 1)[-1]})", bands=bands,
                 synonyms=syn, source="document"), bad


def gaps_and_overlaps(scale: Scale) -> list[tuple[str, Band, Band, Decimal, Decimal]]:
    """Consecutive bands (by lower bound) that leave a gap or overlap: (kind, a, b, from, to)."""
    order = sorted(scale.bands, key=lambda b: (Decimal("-1e9") if b.lo is None else b.lo))
    out = []
    for a, b in zip(order, order[1:]):
        if a.hi is None or b.lo is None:
            if a.hi is None:
                out.append(("overlap", a, b, b.lo or Decimal(0), b.hi or b.lo or Decimal(0)))
            continue
        if a.hi < b.lo or (a.hi == b.lo and not a.hi_inc and not b.lo_inc):
            out.append(("gap", a, b, a.hi, b.lo))
        elif a.hi > b.lo or (a.hi == b.lo and a.hi_inc and b.lo_inc):
            out.append(("overlap", a, b, b.lo, a.hi))
    return out


# -- settings ---------------------------------------------------------------------------------
@dataclass
class Settings:
    scale_name: str = "permendagri-86-2017"
    convention: str | None = None
    use_document_scale: bool = True
    efisiensi: dict = field(default_factory=lambda: {
        "efficient": ["efisien", "sangat efisien", "efektif dan efisien"],
        "inefficient": ["kurang efisien", "tidak efisien", "inefisien"],
    })
    regulation: Scale | None = None
    active: Scale | None = None
    nomenclature: str | None = None     # a nomenclature workbook (config); None: the shipped revision
    findings: list = field(default_factory=list)

    def resolve(self, ctx) -> None:
        self.regulation = load_scale(self.scale_name, self.convention)
        self.active = self.regulation
        if self.use_document_scale:
            for t in ctx.tables("skala"):
                sc, _ = document_scale(t, self.regulation)
                if sc is not None:
                    self.active = sc
                    break

    def describe(self, lang: str) -> dict:
        reg = self.regulation
        act = self.active
        eff = {"id": "efisien bila % capaian kinerja ≥ % serapan anggaran",
               "en": "efficient when % achievement ≥ % budget absorption"}[lang if lang == "en" else "id"]
        d = {"efisiensi": eff}
        if reg:
            d["regulation_scale"] = reg.name
            d["regulation_scale_description"] = reg.description.get(lang) or reg.description.get("id", "")
        if act:
            d["scale"] = act.name
            d["scale_source"] = act.source
            d["scale_bands"] = "; ".join(f"{b.label}: {b.text()}" for b in act.bands)
        from .reference import NomenclatureError, load
        try:                    # the revision the NAME10x rules and the resolution used (its meta only)
            nom = load(self.nomenclature)
            d["nomenclature"] = f"Kepmendagri, {nom.revision}: {nom.source}"
        except NomenclatureError:
            pass
        return d


def settings_from(cfg: dict) -> Settings:
    s = Settings()
    sc = cfg.get("scale")
    if sc is not None:
        if isinstance(sc, str):
            s.scale_name = sc
        elif isinstance(sc, dict):
            extra = set(sc) - {"name", "convention", "use_document_scale"}
            if extra:
                raise ConfigError(f"config: scale takes name, convention, use_document_scale (not {', '.join(extra)})")
            s.scale_name = sc.get("name", s.scale_name)
            s.convention = sc.get("convention")
            s.use_document_scale = bool(sc.get("use_document_scale", True))
        else:
            raise ConfigError("config: scale must be a name or a mapping")
        load_scale(s.scale_name, s.convention)   # fail early on a bad name
    eff = cfg.get("efisiensi")
    if eff is not None:
        if not isinstance(eff, dict) or set(eff) - {"efficient", "inefficient"}:
            raise ConfigError("config: efisiensi takes 'efficient' and 'inefficient' label lists")
        s.efisiensi = {k: [norm_label(x) for x in v] for k, v in eff.items()}
    nom = cfg.get("nomenclature")
    if nom is not None:
        from .reference import NomenclatureError, load
        try:
            load(nom)               # fail early (exit 2) on a workbook of another shape; cached for the rules
        except NomenclatureError as e:
            raise ConfigError(f"config: nomenclature: {e}") from None
        s.nomenclature = str(nom)
    return s
