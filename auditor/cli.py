"""Command line: check, batch, rules, inspect. Heavy libraries are imported inside commands so that
`--help` and `rules` stay fast."""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="lkip-audit: consistency auditor for LKIP/LKjIP reports and their SIPD/Renstra spreadsheets.")


class Fmt(str, Enum):
    rich = "rich"
    json = "json"


class Lang(str, Enum):
    id = "id"
    en = "en"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def die(msg: str, code: int = 2) -> None:
    typer.echo(f"lkip-audit: {msg}", err=True)
    raise typer.Exit(code)


def _console(width: int | None = None):
    from rich.console import Console
    return Console(width=width) if width else Console()


def _load_baseline(path: str | None) -> set[str] | None:
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        die(f"{path}: baseline file not found")
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        die(f"{path}: baseline is not JSON ({e})")
    except OSError as e:
        die(f"{path}: baseline cannot be read ({e.strerror or e})")
    fps = data.get("fingerprints") if isinstance(data, dict) else None
    if not isinstance(fps, list) or not all(isinstance(x, str) for x in fps):
        die(f"{path}: baseline must be {{\"fingerprints\": [\"…\", …]}}")
    return set(fps)


def _check_paths(paths: list[str]) -> None:
    for p in paths:
        if not os.path.exists(p):
            die(f"{p}: no such file or folder")


def exit_code(report: dict, fail_on: str) -> int:
    if report["summary"]["files"] and report["summary"].get("unreadable", 0) == report["summary"]["files"]:
        return 2
    if not report["summary"]["files"]:
        return 2
    if fail_on == "never":
        return 0
    from .model import SEVERITY_RANK
    bar = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f["severity"]] >= bar for f in report["findings"]) else 0


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="files or folders (one folder = one SKPD/kecamatan)"),
    format: Fmt = typer.Option(Fmt.rich, "--format", "-f", help="rich terminal report or JSON"),
    lang: Lang = typer.Option(Lang.id, "--lang", help="language of the report"),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="exit 1 when a finding of this severity or worse exists"),
    rules: list[str] = typer.Option([], "--rules", help="extra rule file(s) (YAML); a rule with an existing code replaces it"),
    config: Optional[str] = typer.Option(None, "--config", help="config file (YAML): scale, tolerance, severities, disabled rules"),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="suppress findings whose fingerprints are in this file"),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", help="write the fingerprints of all findings to this file"),
    annotate: Optional[str] = typer.Option(None, "--annotate", help="write annotated copies of the input workbooks to this folder"),
    html: Optional[str] = typer.Option(None, "--html", help="write a self-contained HTML report"),
    kkr: Optional[str] = typer.Option(None, "--kkr", help="write a Kertas Kerja Reviu workbook (.xlsx)"),
    width: Optional[int] = typer.Option(None, "--width", help="terminal width for the rich report"),
):
    """Audit files or a folder and report every inconsistency."""
    _check_paths(paths)
    from .checks.base import ConfigError
    from .engine import audit
    from .outio import OutputProblem

    from .rules import load_config
    try:
        cfg = load_config(config)
    except ConfigError as e:
        die(str(e))
    fail_level = fail_on.value if fail_on is not FailOn.error or "fail_on" not in cfg else cfg["fail_on"]
    use_lang = lang.value if lang is not Lang.id or "lang" not in cfg else cfg["lang"]
    try:
        _guard_outputs(paths, write_baseline, annotate, html, kkr)
    except OutputProblem as e:
        die(f"cannot write output: {e}")
    try:
        report = audit(paths, lang=use_lang, rules_files=rules, config=cfg, baseline=_load_baseline(baseline))
    except ConfigError as e:
        die(str(e))
    try:
        _write_outputs(report, write_baseline, annotate, html, kkr)
    except (OutputProblem, OSError) as e:
        die(f"cannot write output: {e}")
    if format is Fmt.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        from .report.terminal import render
        render(report, _console(width))
    raise typer.Exit(exit_code(report, fail_level))


def _guard_outputs(paths, write_baseline, annotate, html, kkr) -> None:
    """Every output is checked before the first one is written: a refused output means no output."""
    from .outio import OutputProblem, guard_output
    from .readers.discover import discover

    inputs = list(paths) + discover(list(paths)).files
    for out in (write_baseline, html, kkr):
        if out:
            guard_output(out, inputs)
    if annotate:
        real = os.path.realpath(annotate)
        for p in paths:
            rp = os.path.realpath(p)
            base = rp if os.path.isdir(rp) else os.path.dirname(rp)
            if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
                raise OutputProblem(annotate, "inside_input",
                                    f"the annotated copies would be written inside the input folder ({p}); "
                                    "choose a folder outside it")


def _write_outputs(report, write_baseline, annotate, html, kkr):
    from .outio import atomic_write_text

    if write_baseline:
        fps = sorted({f["fingerprint"] for f in report["findings"]})
        atomic_write_text(write_baseline, json.dumps({"tool": "lkip-audit", "fingerprints": fps}, indent=1) + "\n")
    if html:
        from .report.html import render_html
        atomic_write_text(html, render_html(report))
    if kkr:
        from .report.kkr import write_kkr
        write_kkr(report, kkr)
    if annotate:
        from .report.annotate import annotate_workbooks
        annotate_workbooks(report, annotate)


@app.command()
def rules(
    code: Optional[str] = typer.Argument(None, help="a rule code (e.g. PCT001) to show its documentation"),
    lang: Lang = typer.Option(Lang.id, "--lang"),
    rules_files: list[str] = typer.Option([], "--rules", help="extra rule file(s)"),
    format: Fmt = typer.Option(Fmt.rich, "--format", "-f"),
):
    """List the rule catalogue, or show one rule's documentation."""
    from .checks.base import ConfigError
    from .report.catalogue import render_catalogue, render_rule, rule_dict
    from .rules import load_rules

    try:
        catalogue = load_rules(rules_files)
    except ConfigError as e:
        die(str(e))
    if code:
        rule = catalogue.get(code.upper())
        if rule is None:
            die(f"unknown rule {code}; run `lkip-audit rules` for the list")
        if format is Fmt.json:
            sys.stdout.write(json.dumps(rule_dict(rule), ensure_ascii=False, indent=2) + "\n")
        else:
            render_rule(rule, lang.value, _console())
        return
    if format is Fmt.json:
        sys.stdout.write(json.dumps([rule_dict(r) for r in catalogue.values()], ensure_ascii=False, indent=2) + "\n")
    else:
        render_catalogue(catalogue, lang.value, _console())


@app.command()
def inspect(
    paths: list[str] = typer.Argument(..., help="files or folders"),
    format: Fmt = typer.Option(Fmt.rich, "--format", "-f"),
    facts: bool = typer.Option(False, "--facts", help="show the resolved entities and where each fact came from"),
    claims: bool = typer.Option(False, "--claims", help="show the narrative claims found and whether each was tied to a fact"),
):
    """Show what was detected: tables, kinds, header mapping, rows (for debugging a new export)."""
    _check_paths(paths)
    from .inspect import inspect_paths, render_inspect

    data = inspect_paths(paths, facts=facts, claims=claims)
    if format is Fmt.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        render_inspect(data, _console())
    raise typer.Exit(0 if data["files"] and any(not f.get("error") for f in data["files"]) else 2)


@app.command()
def batch(
    root: str = typer.Argument(..., help="a folder whose sub-folders are one kecamatan/SKPD each"),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="parallel workers (default: all cores)"),
    timeout: float = typer.Option(300.0, "--timeout", help="seconds allowed per folder"),
    format: Fmt = typer.Option(Fmt.rich, "--format", "-f", help="rich rekap table, or one JSON report per line per folder"),
    lang: Lang = typer.Option(Lang.id, "--lang"),
    rekap: Optional[str] = typer.Option(None, "--rekap", help="write the rekap workbook (.xlsx)"),
    rules_files: list[str] = typer.Option([], "--rules"),
    config: Optional[str] = typer.Option(None, "--config"),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on"),
):
    """Audit every kecamatan folder under ROOT in parallel and print a rekap, worst first."""
    _check_paths([root])
    from .batch_cli import run_batch_cli
    raise typer.Exit(run_batch_cli(root, jobs=jobs, timeout=timeout, fmt=format.value, lang=lang.value,
                                   rekap=rekap, rules_files=rules_files, config=config, fail_on=fail_on.value))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("lkip-audit: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
