"""What every check kind shares: parameter validation, locations, value formatting."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

from ..model import Finding, Location, Related

if TYPE_CHECKING:   # annotations only: the readers are not needed to load the rule catalogue
    from ..tables.model import CellRef, Row, Table


class ConfigError(ValueError):
    """A rule or config file says something we cannot use: reported in one line, exit code 2."""


@dataclass(frozen=True)
class Param:
    type: type | tuple[type, ...]
    default: Any = None
    required: bool = False
    doc: str = ""
    choices: tuple | None = None


def validate_params(where: str, spec: dict[str, Param], given: dict | None) -> dict:
    given = dict(given or {})
    unknown = sorted(set(given) - set(spec))
    if unknown:
        raise ConfigError(f"{where}: unknown parameter(s) {', '.join(unknown)}; known: {', '.join(sorted(spec))}")
    out = {}
    for name, p in spec.items():
        if name not in given:
            if p.required:
                raise ConfigError(f"{where}: parameter '{name}' is required ({p.doc})")
            out[name] = p.default
            continue
        v = given[name]
        if not isinstance(v, p.type):
            want = p.type.__name__ if isinstance(p.type, type) else "/".join(t.__name__ for t in p.type)
            raise ConfigError(f"{where}: parameter '{name}' must be {want}, got {type(v).__name__} {v!r}")
        if p.choices and v not in p.choices:
            raise ConfigError(f"{where}: parameter '{name}' must be one of {', '.join(map(str, p.choices))}, got {v!r}")
        out[name] = v
    return out


def check_table_map(where: str, mapping: dict, name: str, item_ok, want: str) -> None:
    """A `table kind → list` parameter: known kinds, lists of well-formed items (validated at load)."""
    from ..tables.kinds import BY_NAME
    for kind, items in mapping.items():
        if kind not in BY_NAME:
            raise ConfigError(f"{where}: {name}.{kind}: unknown table kind (known: {', '.join(sorted(BY_NAME))})")
        if not isinstance(items, list) or not all(item_ok(x) for x in items):
            raise ConfigError(f"{where}: {name}.{kind} must be {want}, got {items!r}")


def table_specs(rule, ctx):
    """(table, spec) for every table of each kind a `tables: {kind: [spec, …]}` parameter names."""
    for kind, specs in rule.params["tables"].items():
        if not isinstance(specs, list):
            raise ConfigError(f"rule {rule.code}: tables.{kind} must be a list")
        for t in ctx.tables(kind):
            for spec in specs:
                yield t, spec


def location(t: Table, row: Row | None = None, cell: CellRef | None = None) -> Location:
    return Location(path=t.path, sheet=t.sheet, cell=cell.addr if cell else None, table=t.kind,
                    row_label=(row.label[:120] if row and row.label else None), caption=t.caption)


def related(t: Table, cell: CellRef, role: str, label: str | None = None, value: Any = None) -> Related:
    v = value if value is not None else (cell.num.value if cell.num is not None else cell.text)
    return Related(path=t.path, sheet=t.sheet, cell=cell.addr, value=v, role=role, label=label)


def fmt(value: Any, decimals: int | None = None, percent: bool = False, lang: str = "id") -> str:
    """A number for a message, Indonesian style by default."""
    from ..numbers import Num, format_id
    if isinstance(value, Num):
        return value.text or format_id(value.value, value.decimals, percent=value.percent, style=_style(lang))
    if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if decimals is None:
            decimals = 0 if d == d.to_integral_value() else 2
        return format_id(d, decimals, percent=percent, style=_style(lang))
    return "" if value is None else str(value)


def _style(lang: str) -> str:
    return "en" if lang == "en" else "id"


def as_number(d: Decimal | None, decimals: int | None = None) -> int | float | None:
    """Decimal → JSON-friendly number (int when whole)."""
    if d is None:
        return None
    if decimals is not None:
        d = d.quantize(Decimal(1).scaleb(-decimals))
    if d == d.to_integral_value():
        return int(d)
    return float(d)


Emit = Callable[..., Finding]
