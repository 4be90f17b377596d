"""Rule instances: YAML data bound to a check kind, validated eagerly (unknown keys are errors)."""
from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .checks import CHECKS
from .checks.base import ConfigError, fmt, validate_params
from .model import SEVERITIES, Finding, Location
from .tolerance import Tolerance

RULE_KEYS = {"code", "name", "check", "severity", "params", "message", "title", "doc", "examples",
             "enabled", "tolerance"}
DOC_KEYS = {"what", "why", "fix"}
CONFIG_KEYS = {"rules", "scale", "efisiensi", "disable", "lang", "fail_on", "nomenclature"}
RULE_OVERRIDE_KEYS = {"severity", "enabled", "tolerance", "params"}


def rules_dir() -> Path:
    """The rule catalogue: the repo's rules/ folder, or the copy installed inside the package."""
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "rules", here / "rules_builtin"):
        if (cand / "default.yaml").is_file():
            return cand
    raise ConfigError("rule catalogue not found (rules/default.yaml)")


@dataclass
class Rule:
    code: str
    name: str
    check: str
    severity: str
    params: dict[str, Any]
    message: dict[str, str]
    title: dict[str, str] = field(default_factory=dict)
    doc: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    tolerance: Tolerance = field(default_factory=Tolerance)
    source: str = ""

    @property
    def family(self) -> str:
        return "".join(ch for ch in self.code if ch.isalpha())

    def check_module(self):
        return CHECKS[self.check]

    def text(self, what: dict, lang: str) -> str:
        return what.get(lang) or what.get("id") or what.get("en") or ""

    def render(self, lang: str, **fields) -> str:
        tmpl = self.text(self.message, lang)
        shown = {}
        for k, v in fields.items():
            if k == "expected_value":
                ref = fields.get("reported_text")
                dec = max(getattr(ref, "decimals", 0), 2) if getattr(ref, "percent", False) or \
                    (getattr(ref, "decimals", 0) or 0) > 0 or fields.get("op") == "mean" \
                    or self.check in ("ratio",) else 0
                shown[k] = fmt(v, dec, lang=lang)
            else:
                shown[k] = fmt(v, lang=lang)
        try:
            return tmpl.format(**shown)
        except (KeyError, IndexError, ValueError) as e:
            raise ConfigError(f"rule {self.code}: message template refers to unknown field {e}") from None

    def emit(self, ctx, loc: Location, reported=None, expected=None, imbalance=None, related=(),
             diagnosis: str | None = None, **fields) -> Finding:
        return Finding(rule=self.code, name=self.name, severity=self.severity,
                       message=self.render(ctx.lang, **fields), location=loc, reported=reported,
                       expected=expected, imbalance=imbalance, related=list(related),
                       diagnosis=str(diagnosis) if diagnosis else None,
                       diagnosis_kind=getattr(diagnosis, "kind", None) or None)


def _rule_from(d: dict, source: str) -> Rule:
    where = f"{source}: rule {d.get('code', '?')}"
    unknown = set(d) - RULE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    for k in ("code", "name", "check", "severity", "message"):
        if k not in d:
            raise ConfigError(f"{where}: missing '{k}'")
    if d["check"] not in CHECKS:
        raise ConfigError(f"{where}: unknown check kind '{d['check']}' (known: {', '.join(sorted(CHECKS))})")
    if d["severity"] not in SEVERITIES:
        raise ConfigError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    if not isinstance(d["message"], dict) or not {"id", "en"} <= set(d["message"]):
        raise ConfigError(f"{where}: message needs both 'id' and 'en' templates")
    mod = CHECKS[d["check"]]
    params = validate_params(where, mod.PARAMS, d.get("params"))
    if hasattr(mod, "validate"):
        mod.validate(where, params)   # structure of nested params, checked before any file is read
    tol = d.get("tolerance") or {}
    if set(tol) - {"mode", "absolute"} or tol.get("mode", "round") not in ("round", "truncate"):
        raise ConfigError(f"{where}: tolerance takes mode (round|truncate) and absolute")
    return Rule(code=d["code"], name=d["name"], check=d["check"], severity=d["severity"], params=params,
                message=d["message"], title=d.get("title") or {}, doc=d.get("doc") or {},
                examples=d.get("examples") or {}, enabled=bool(d.get("enabled", True)),
                tolerance=Tolerance.from_params(tol), source=source)


# a shipped file already loaded in this process: (path, cache setting) -> (its mtime/size stamp, its
# data marshalled). The scales are read on every audit (grades, settings); this spares the path checks,
# the hash of the file and the read of the user cache each time. Each call still gets data of its own
# (marshal.loads); a changed file or cache setting (LKIP_AUDIT_CACHE, XDG_CACHE_HOME) loads it as before.
_LOADED: dict[tuple, tuple[tuple, bytes]] = {}


def load_yaml(path: str | os.PathLike) -> Any:
    import marshal

    key = (os.fspath(path), os.environ.get("LKIP_AUDIT_CACHE"), os.environ.get("XDG_CACHE_HOME"))
    try:
        st = os.stat(key[0])
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        stamp = None
    held = _LOADED.get(key)
    if held is not None and held[0] == stamp:
        return marshal.loads(held[1])
    data = _load_yaml(path)
    if stamp is not None and _builtin(path):
        try:
            _LOADED[key] = (stamp, marshal.dumps(data))
        except ValueError:
            pass            # not plain data (e.g. a YAML date): read each time, as before
    return data


def _load_yaml(path: str | os.PathLike) -> Any:
    if _builtin(path):
        got = _cached(path)
        if got is not _MISS:
            return got
    import yaml            # here: with the parsed catalogue cached (below), a `check` never needs it

    try:
        with open(path, encoding="utf-8") as f:
            # libyaml's C loader when present: the catalogue is read on every run
            data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if _builtin(path):
            _store(path, data)
        return data
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a YAML file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not a text file (YAML must be UTF-8 text)") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot be read ({e.strerror or e})") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None


# files -> (their mtime/size stamps, the catalogue): one entry per list of files, replaced when one changes
_CATALOGUES: dict[tuple, tuple[tuple, dict[str, Rule]]] = {}


def load_rules(extra: list[str] | None = None) -> dict[str, Rule]:
    """The default catalogue plus any --rules files (a rule with an existing code replaces it).

    A batch worker audits hundreds of folders with the same catalogue: it is parsed and validated
    once per process (and again if a file changes); each call gets its own Rule objects, since
    apply_config() changes them (it only ever assigns new values, so shallow copies suffice)."""
    # the catalogue is every rules/*.yaml (default.yaml first); scales live in rules/scales/
    builtin = sorted(rules_dir().glob("*.yaml"), key=lambda p: (p.name != "default.yaml", p.name))
    files = builtin + [Path(p) for p in (extra or [])]
    key = tuple(str(f) for f in files)
    try:
        stamp = tuple((st.st_mtime_ns, st.st_size) for f in files for st in [f.stat()])
    except OSError:
        stamp = None                    # a missing --rules file: _load_rules says so
    cached = _CATALOGUES.get(key)
    if stamp is not None and cached is not None and cached[0] == stamp:
        got = cached[1]
    else:
        got = _load_rules(files)
        if stamp is not None:
            _CATALOGUES[key] = (stamp, got)
    return {code: copy.copy(rule) for code, rule in got.items()}


# -- the shipped YAML files, parsed once per user: ~30 ms of every `check` went to parsing the catalogue --
# The parsed data is kept with marshal (plain dicts, lists, strings and numbers only; a file whose data
# holds anything else is not kept) under the user's cache folder, named by the SHA-1 of the file's bytes
# and the version of Python, so a changed file is parsed again. Unreadable or unwritable
# cache folders only cost the parse. LKIP_AUDIT_CACHE names another folder, or "off".
_MISS = object()


def _builtin(path) -> bool:
    try:
        return Path(path).resolve().parent in (rules_dir().resolve(), (rules_dir() / "scales").resolve())
    except OSError:
        return False


def _cache_file(path) -> Path | None:
    import hashlib
    import sys

    where = os.environ.get("LKIP_AUDIT_CACHE")
    if where == "off":
        return None
    if not where:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(base, "lkip-audit")
    h = hashlib.sha1(Path(path).read_bytes())
    h.update(f"|{sys.version_info[:3]}|safe-load-1".encode())   # (PyYAML's safe loading of plain data is stable)
    return Path(where) / f"yaml-{h.hexdigest()}.marshal"


def _cached(path) -> Any:
    import marshal
    try:
        f = _cache_file(path)
        return marshal.loads(f.read_bytes()) if f is not None else _MISS
    except Exception:  # noqa: BLE001 - no cache, a damaged one: parse
        return _MISS


def _store(path, data) -> None:
    import marshal
    try:
        f = _cache_file(path)
        if f is None:
            return
        blob = marshal.dumps(data)     # ValueError for anything but plain data (e.g. a YAML date)
        f.parent.mkdir(parents=True, exist_ok=True)
        tmp = f.with_name(f"{f.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, f)             # whole or not at all, also with two processes at once
    except Exception:  # noqa: BLE001
        pass


def _load_rules(files: list[Path]) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for f in files:
        data = load_yaml(f)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise ConfigError(f"{f}: expected a mapping with a 'rules' list")
        if set(data) - {"rules"}:
            raise ConfigError(f"{f}: unknown top-level key(s) {', '.join(sorted(set(data) - {'rules'}))}")
        for d in data["rules"]:
            if not isinstance(d, dict):
                raise ConfigError(f"{f}: every rule must be a mapping")
            r = _rule_from(d, str(f))
            rules[r.code] = r
    return rules


def apply_config(rules: dict[str, Rule], config: dict) -> None:
    """Overlay a user's config: severity, enabled, tolerance, params per rule; 'disable' list."""
    for code in config.get("disable") or []:
        if code not in rules:
            raise ConfigError(f"config: disable names unknown rule {code}")
        rules[code].enabled = False
    for code, over in (config.get("rules") or {}).items():
        if code not in rules:
            raise ConfigError(f"config: unknown rule {code}")
        if not isinstance(over, dict) or set(over) - RULE_OVERRIDE_KEYS:
            raise ConfigError(f"config: rule {code} takes only {', '.join(sorted(RULE_OVERRIDE_KEYS))}")
        r = rules[code]
        if "severity" in over:
            if over["severity"] not in SEVERITIES:
                raise ConfigError(f"config: rule {code}: severity must be one of {', '.join(SEVERITIES)}")
            r.severity = over["severity"]
        if "enabled" in over:
            if not isinstance(over["enabled"], bool):
                raise ConfigError(f"config: rule {code}: enabled must be true or false")
            r.enabled = over["enabled"]
        if "tolerance" in over:
            tol = over["tolerance"]
            if not isinstance(tol, dict) or set(tol) - {"mode", "absolute"} or \
                    tol.get("mode", "round") not in ("round", "truncate"):
                raise ConfigError(f"config: rule {code}: tolerance takes mode (round|truncate) and absolute")
            try:
                r.tolerance = Tolerance.from_params(tol)
            except Exception:
                raise ConfigError(f"config: rule {code}: tolerance.absolute must be a number") from None
        if "params" in over:
            merged = dict(r.params)
            merged.update(over["params"] or {})
            r.params = validate_params(f"config: rule {code}", CHECKS[r.check].PARAMS, merged)
            if hasattr(CHECKS[r.check], "validate"):
                CHECKS[r.check].validate(f"config: rule {code}", r.params)


def load_config(path: str | None) -> dict:
    if not path:
        return {}
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping")
    unknown = set(data) - CONFIG_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(CONFIG_KEYS))}")
    if "lang" in data and data["lang"] not in ("id", "en"):
        raise ConfigError(f"{path}: lang must be id or en, got {data['lang']!r}")
    if "fail_on" in data and data["fail_on"] not in ("error", "warning", "info", "never"):
        raise ConfigError(f"{path}: fail_on must be error, warning, info or never, got {data['fail_on']!r}")
    if "disable" in data and not isinstance(data["disable"], list):
        raise ConfigError(f"{path}: disable must be a list of rule codes")
    if "rules" in data and not isinstance(data["rules"], dict):
        raise ConfigError(f"{path}: rules must map rule codes to settings")
    if "nomenclature" in data:
        # another revision of the Kepmendagri nomenclature (a workbook of the shipped one's shape),
        # relative to the config file; built when the audit starts (settings_from), cached per process
        nom = data["nomenclature"]
        if not isinstance(nom, str) or not nom.strip():
            raise ConfigError(f"{path}: nomenclature must be the path of a nomenclature workbook (.xlsx)")
        p = Path(nom).expanduser()
        if not p.is_absolute():
            p = Path(path).resolve().parent / p
        if not p.is_file():
            raise ConfigError(f"{path}: nomenclature: {nom}: file not found")
        data["nomenclature"] = str(p)
    return data
