"""The finding record: the one flat shape every reporter is built from.

The JSON field names here are a public interface (see README "Finding record").
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, is_dataclass
from decimal import Decimal
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_PLAIN = frozenset((Decimal, int, float, str, type(None)))   # a related value that is surely no dataclass


@dataclass(frozen=True)
class Location:
    path: str
    sheet: str | None = None      # sheet name, or "table N" for a Word table, or section for text
    cell: str | None = None       # A1 address (Word tables get A1 too: column letter, row number)
    table: str | None = None      # table kind, e.g. "realisasi_anggaran"
    row_label: str | None = None  # the row's label as shown (truncated by reporters, not here)
    caption: str | None = None    # nearest caption, e.g. "Tabel 3.8"
    quote: str | None = None      # for narrative findings: the sentence
    page: int | None = None       # PDF: the page (1-based) the cell or sentence is printed on

    def to_dict(self) -> dict[str, Any]:
        # every field is a str, an int (page) or None: a shallow copy is what asdict() would give, at a tenth of the cost
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass(frozen=True)
class Related:
    path: str
    sheet: str | None
    cell: str | None
    value: Any
    role: str                     # numerator, denominator, child, total, other_source, band, ...
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in vars(self).items() if v is not None or k == "value"}   # as in Location.to_dict
        value = self.value
        if type(value) not in _PLAIN and is_dataclass(value) and not isinstance(value, type):
            value = asdict(value)
        d["value"] = jsonable(value)
        return d


@dataclass
class Finding:
    rule: str
    name: str
    severity: str
    message: str
    location: Location
    reported: Any = None
    expected: Any = None
    imbalance: Any = None
    related: list[Related] = field(default_factory=list)
    diagnosis: str | None = None
    diagnosis_kind: str | None = None   # stable code of the diagnosis (swapped, truncated, other_measure, …)
    family: str = ""
    fingerprint: str = ""

    def __post_init__(self) -> None:
        if not self.family:
            self.family = "".join(ch for ch in self.rule if ch.isalpha())
        if not self.fingerprint:
            self.fingerprint = fingerprint(self.rule, self.location, self.reported, self.expected)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "location": self.location.to_dict(),
            "reported": jsonable(self.reported),
            "expected": jsonable(self.expected),
            "imbalance": jsonable(self.imbalance),
            "related": [r.to_dict() for r in self.related],
            "fingerprint": self.fingerprint,
        }
        if self.diagnosis:
            d["diagnosis"] = self.diagnosis
            if self.diagnosis_kind:
                d["diagnosis_kind"] = self.diagnosis_kind
        return d


def jsonable(v: Any) -> Any:
    """Decimals become int when whole, else float; everything else passes through."""
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return int(v)
        return float(v)
    if isinstance(v, (list, tuple)):
        return [jsonable(x) for x in v]
    return v


# json.dumps with any argument of its own makes a new JSONEncoder per call: one made once encodes the same
_KEY = json.JSONEncoder(ensure_ascii=False)


def fingerprint(rule: str, loc: Location, reported: Any, expected: Any) -> str:
    # The path is reduced to its file name so a baseline survives moving the folder.
    name = loc.path.replace("\\", "/").rsplit("/", 1)[-1]
    parts = [rule, name, loc.sheet, loc.cell, loc.quote, str(jsonable(reported)), str(jsonable(expected))]
    if loc.cell is None and loc.row_label:
        parts.append(loc.row_label)   # two claims in one sentence are two findings
    if loc.page is not None:
        parts.append(f"p{loc.page}")  # only PDFs have pages: other fingerprints stay as they were
    key = _KEY.encode(parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
