"""audit(): files → tables → rules → findings → the report dict every output is built from."""
from __future__ import annotations

import datetime as _dt
import gc
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .coverage import Ledger
from .loader import FileResult, load_all
from .model import SEVERITY_RANK, Finding, Location, Related
from .rules import Rule, apply_config, load_config, load_rules
from .scales import Settings, settings_from


@dataclass
class Context:
    files: list[FileResult]
    lang: str = "id"
    settings: Settings = field(default_factory=Settings)
    cache: dict[str, Any] = field(default_factory=dict)
    ledger: Ledger = field(default_factory=Ledger)
    skipped: list[dict] = field(default_factory=list)     # files discovery did not read (coverage)
    # -- across years (auditor/periods): the report's year, and the earlier years' audits (PER rules) --
    year: int | None = None
    previous: list["Context"] = field(default_factory=list)

    def mark(self, table, *cells) -> None:
        """Record that a check compared these cells of `table` (CellRefs, addresses, or None)."""
        self.ledger.mark(table.path, table.sheet,
                         (c if isinstance(c, str) else getattr(c, "addr", None) for c in cells))

    def mark_facts(self, *facts) -> None:
        """Record that a check compared these facts: their cells, and the lines an aggregate summed."""
        for f in facts:
            if f is None:
                continue
            if f.cell:
                self.ledger.mark(f.path, f.sheet, (f.cell,))
            if f.sources:
                letters, rows = f.sources
                self.ledger.mark_rows(f.path, f.sheet, letters, rows, anchor=f.cell)

    def coverage(self) -> list[dict]:
        """Each file's coverage (coverage.file_coverage), once every other rule has marked its cells."""
        if "coverage" not in self.cache:
            from .coverage import file_coverage
            self.cache["coverage"] = [file_coverage(f, self.ledger) for f in self.files]
        return self.cache["coverage"]

    def tables(self, kind: str):
        key = "tables:" + kind
        if key not in self.cache:
            self.cache[key] = [t for f in self.files for t in f.tables if t.kind == kind]
        return self.cache[key]

    def all_tables(self):
        return [t for f in self.files for t in f.tables]

    def facts(self):
        if "facts" not in self.cache:
            from .facts import build_facts
            self.cache["facts"] = build_facts(self.files, self.year, self.nomenclature())
        return self.cache["facts"]

    def nomenclature(self):
        """The official nomenclature (config `nomenclature:` or the shipped revision), read once, when a
        rule or the fact store first asks; None when it cannot be read (the rules that need it say so)."""
        if "nomenclature" not in self.cache:
            from .reference import NomenclatureError, load
            try:
                self.cache["nomenclature"] = load(getattr(self.settings, "nomenclature", None))
            except NomenclatureError:
                self.cache["nomenclature"] = None
        return self.cache["nomenclature"]

    def paragraphs(self):
        return [p for f in self.files for p in f.paragraphs]


def warm(rules: dict[str, Rule]) -> None:
    """Let each enabled rule's check kind import what it will need (its optional `warm(rule)`): done
    while the loader's thread parses the first file, it costs no time when that parse is long (a big
    export) instead of adding ~1 s after it."""
    for rule in rules.values():
        hook = getattr(rule.check_module(), "warm", None) if rule.enabled else None
        if hook is not None:
            try:
                hook(rule)
            except ImportError:
                pass        # the rule will say so itself when it runs (IN900)


def crash_finding(rule: Rule, exc: BaseException, path: str) -> Finding:
    # "rule crashed" is kept apart from "failed" (validate's distinction): it is our bug, not the file's
    return Finding(rule="IN900", name="rule-crashed", severity="warning",
                   message=f"rule {rule.code} ({rule.name}) could not run: {type(exc).__name__}: {exc}",
                   location=Location(path=path), reported=rule.code)


def run_rules(ctx: Context, rules: dict[str, Rule]) -> list[Finding]:
    findings: list[Finding] = []
    # a check kind that reads what the others did (coverage: the cells they marked) runs after them
    ordered = sorted(rules.values(), key=lambda r: bool(getattr(r.check_module(), "RUNS_LAST", False)))
    for rule in ordered:
        if not rule.enabled:
            continue
        try:
            findings.extend(rule.check_module().run(rule, ctx))
        except KeyboardInterrupt:
            raise
        except Exception as e:  # noqa: BLE001 - one broken rule must not hide the others' findings
            findings.append(crash_finding(rule, e, ctx.files[0].path if ctx.files else ""))
    return findings


def sort_key(f: Finding):
    loc = f.location
    return (loc.path, loc.sheet or "", _cell_order(loc.cell), -SEVERITY_RANK[f.severity], f.rule)


def _cell_order(cell: str | None):
    if not cell:
        return (0, 0)
    col = "".join(ch for ch in cell if ch.isalpha())
    row = "".join(ch for ch in cell if ch.isdigit())
    n = 0
    for ch in col:
        n = n * 26 + ord(ch.upper()) - 64
    return (int(row or 0), n)


def audit(paths: list[str] | str, *, lang: str = "id", rules_files: list[str] | None = None,
          config: str | dict | None = None, baseline: set[str] | None = None,
          previous: list | None = None, skipped: list[dict] | None = None) -> dict:
    """Audit files and folders; returns the report dict (the same the CLI prints with --format json).
    `previous`: earlier years of the same unit, each a path or a list of paths (one year's folder):
    read as context for the across-year rules (PER), their own findings not reported.
    `skipped`: files the caller left out itself (batch: a folder's non-office files), reported with
    the ones discovery skips (coverage: IN006)."""
    extra_skipped = list(skipped or [])
    if isinstance(paths, (str, os.PathLike)):
        paths = [os.fspath(paths)]
    cfg = config if isinstance(config, dict) else load_config(config)
    rules = load_rules(rules_files)
    apply_config(rules, cfg)
    settings = settings_from(cfg)
    # An audit allocates millions of small objects (cells, rows, numbers) that reference counting frees,
    # and leaves ~100 in reference cycles (measured on the sample and corpus folders; the cycles that
    # held whole tables are gone, tests/test_memory.py). The cyclic collector would rescan the growing
    # heap again and again: 15-20 % of the time of a 100,000-line export. It is off for the audit and
    # back on after, when it collects those few. Everything the audit allocated stays in the youngest
    # generation, so that first collection walks whatever is still alive: the folder's files and the
    # memos keyed by cell texts are let go first (_read_and_report returns; forget_rows), or it walks
    # every table, row and cell of the folder (~5 ms of a sample folder's ~0.17 s).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_and_report(paths, rules, settings, lang=cfg.get("lang", lang) if not lang else lang,
                                baseline=baseline, previous=previous, extra_skipped=extra_skipped)
    finally:
        from .tables.detect import forget_rows
        forget_rows()
        if was_enabled:
            gc.enable()


def _read_and_report(paths, rules, settings, *, lang, baseline, previous, extra_skipped) -> dict:
    """audit()'s reading and report: its own function, so the files are let go when it returns."""
    # -- across years: a folder of year sub-folders is read year by year (periods.units) --
    from .periods.units import load_previous, split_years, year_subfolders
    subs = year_subfolders(paths[0]) if previous is None and len(paths) == 1 else None
    earlier = None
    if subs:
        warm(rules)
        files, skipped, earlier = split_years(subs)
    else:
        files, skipped = load_all(list(paths), warm=lambda: warm(rules))
        if previous:
            earlier = load_previous(previous)
    skipped = extra_skipped + skipped
    return build_report(paths, files, skipped, rules, settings, lang=lang, baseline=baseline, previous=earlier)


def build_report(paths, files: list[FileResult], skipped: list[dict], rules: dict[str, Rule],
                 settings: Settings, lang: str = "id", baseline: set[str] | None = None,
                 previous: list | None = None) -> dict:
    from .coverage import coverage_dict, summary_dict
    ctx = Context(files=files, lang=lang, settings=settings, skipped=skipped)
    # -- across years: each file's year; the earlier years (periods.units.Year) as contexts of their own --
    from .periods.years import file_years
    years, ctx.year = file_years(files, paths[0] if len(paths) == 1 else None)
    for y in previous or ():
        ctx.previous.append(Context(files=y.files, lang=lang, settings=settings, year=y.year))
    try:
        settings.resolve(ctx)
        findings = list(settings.findings)
        findings += run_rules(ctx, rules)
        coverage = [coverage_dict(c, lang) for c in ctx.coverage()]
        for f, c in zip(files, coverage):
            if f.same_as:
                c["same_as"] = f.same_as              # audited through the .docx it renders (readers.twin)
    finally:
        # the narrative analysis in the cache refers back to the context: without this, a folder's
        # tables, rows and cells stay alive until a full garbage collection, which comes rarely when
        # millions of objects are alive (a batch worker grew by a folder's worth every big folder)
        ctx.cache.clear()
        for p in ctx.previous:
            p.cache.clear()
    from .pages import add_pages
    findings = dedupe(add_pages(findings, files))
    findings.sort(key=sort_key)
    suppressed = 0
    if baseline:
        kept = [f for f in findings if f.fingerprint not in baseline]
        suppressed = len(findings) - len(kept)
        findings = kept
    dicts = [f.to_dict() for f in findings]
    return {
        "tool": "lkip-audit",
        "version": __version__,
        "lang": lang,
        "generated": _dt.date.today().isoformat(),
        "paths": [os.fspath(p) for p in paths],
        "files": [dict(f.summary(), year=y.year, coverage=c) for f, y, c in zip(files, years, coverage)],
        "skipped": skipped,
        "findings": dicts,
        "suppressed": suppressed,
        "summary": {
            "by_severity": {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")},
            "by_family": dict(sorted(Counter(f.family for f in findings).items())),
            "files": len(files),
            "tables": sum(len(f.tables) for f in files),
            "unreadable": sum(1 for f in files if f.error),
            "coverage": summary_dict(coverage, skipped, lang),
        },
        "settings": settings.describe(lang),
        **({"previous": [y.describe() for y in previous]} if previous else {}),
    }


_WORDS = re.compile(r"\W+")
_FILE_IN_MSG = re.compile(r"\([^()]*\.(xlsx|xlsm|xls|ods|docx|pdf|doc|odt|rtf|html?|mht|mhtml)\)", re.I)


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop exact repeats; fold the same finding in the same LKIP table stated in two files (the
    .docx and its .xlsx tables) into one, the other place listed as related ("also_in")."""
    seen: set[str] = set()
    by_claim: dict[tuple, Finding] = {}
    out = []
    for f in sorted(findings, key=lambda x: x.location.path):
        if f.fingerprint in seen:
            continue
        seen.add(f.fingerprint)
        loc = f.location
        key = (f.rule, loc.caption, _FILE_IN_MSG.sub("", f.message), str(f.reported), str(f.expected)) \
            if loc.caption else None
        if key is None and loc.quote:
            # the same sentence in the .docx and in its PDF export: one finding, the other listed as also_in
            key = (f.rule, _WORDS.sub("", loc.quote).lower(), _FILE_IN_MSG.sub("", f.message), str(f.reported),
                   str(f.expected))
        first = by_claim.get(key) if key else None
        if first is not None and first.location.path != loc.path:
            first.related.append(Related(path=loc.path, sheet=loc.sheet, cell=loc.cell, value=f.reported,
                                         role="also_in", label=loc.caption))
            continue
        if key:
            by_claim[key] = f
        out.append(f)
    return out
