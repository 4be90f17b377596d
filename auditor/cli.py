"""Command line: check, batch, rules, inspect. Heavy libraries are imported inside commands so that
`--help` and `rules` stay fast (the parser is the standard library's argparse)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from enum import Enum
from typing import NoReturn

PROG = "lkip-audit"
DESCRIPTION = "lkip-audit: consistency auditor for LKIP/LKjIP reports and their SIPD/Renstra spreadsheets."


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


def die(msg: str, code: int = 2) -> NoReturn:
    print(f"lkip-audit: {msg}", file=sys.stderr, flush=True)
    raise SystemExit(code)


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


# ----------------------------------------------------------------------------------------------
# commands: each takes the parsed arguments and returns the exit code (or dies with 2)

def check(args: argparse.Namespace) -> int:
    """Audit files or a folder and report every inconsistency."""
    paths: list[str] = args.paths
    _check_paths(paths)
    previous: list[str] = args.previous or []     # earlier years (auditor/periods): context for the PER rules
    _check_paths(previous)
    from .checks.base import ConfigError
    from .engine import audit
    from .outio import OutputProblem

    from .rules import load_config
    try:
        cfg = load_config(args.config)
    except ConfigError as e:
        die(str(e))
    # the config file's fail_on / lang apply only when the option was not given
    fail_level = args.fail_on if args.fail_on is not None else cfg.get("fail_on", FailOn.error.value)
    use_lang = args.lang if args.lang is not None else cfg.get("lang", Lang.id.value)
    write_baseline, annotate, html, kkr = args.write_baseline, args.annotate, args.html, args.kkr
    try:
        _guard_outputs(paths + previous, write_baseline, annotate, html, kkr)
    except OutputProblem as e:
        die(f"cannot write output: {e}")
    try:
        report = audit(paths, lang=use_lang, rules_files=args.rules or [], config=cfg,
                       baseline=_load_baseline(args.baseline), previous=previous or None)
    except ConfigError as e:
        die(str(e))
    try:
        _write_outputs(report, write_baseline, annotate, html, kkr)
    except (OutputProblem, OSError) as e:
        die(f"cannot write output: {e}")
    if args.format == Fmt.json.value:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        from .report.terminal import render
        render(report, _console(args.width))
    return exit_code(report, fail_level)


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


def rules(args: argparse.Namespace) -> int:
    """List the rule catalogue, or show one rule's documentation."""
    from .checks.base import ConfigError
    from .report.catalogue import render_catalogue, render_rule, rule_dict
    from .rules import load_rules

    code, lang, fmt = args.code, args.lang, args.format
    try:
        catalogue = load_rules(args.rules or [])
    except ConfigError as e:
        die(str(e))
    if code:
        rule = catalogue.get(code.upper())
        if rule is None:
            die(f"unknown rule {code}; run `lkip-audit rules` for the list")
        if fmt == Fmt.json.value:
            sys.stdout.write(json.dumps(rule_dict(rule), ensure_ascii=False, indent=2) + "\n")
        else:
            render_rule(rule, lang, _console())
        return 0
    if fmt == Fmt.json.value:
        sys.stdout.write(json.dumps([rule_dict(r) for r in catalogue.values()], ensure_ascii=False, indent=2) + "\n")
    else:
        render_catalogue(catalogue, lang, _console())
    return 0


def inspect(args: argparse.Namespace) -> int:
    """Show what was detected: tables, kinds, header mapping, rows (for debugging a new export)."""
    _check_paths(args.paths)
    from .inspect import inspect_paths, render_inspect

    data = inspect_paths(args.paths, facts=args.facts, claims=args.claims)
    if args.format == Fmt.json.value:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        render_inspect(data, _console())
    return 0 if data["files"] and any(not f.get("error") for f in data["files"]) else 2


def batch(args: argparse.Namespace) -> int:
    """Audit every kecamatan folder under ROOT in parallel and print a rekap, worst first."""
    _check_paths([args.root])
    from .batch_cli import run_batch_cli
    return run_batch_cli(args.root, jobs=args.jobs, timeout=args.timeout, fmt=args.format, lang=args.lang,
                         rekap=args.rekap, rules_files=args.rules or [], config=args.config, fail_on=args.fail_on)


COMMANDS = {"check": check, "rules": rules, "inspect": inspect, "batch": batch}


# ----------------------------------------------------------------------------------------------
# argument parsing

def _choices(enum) -> list[str]:
    return [e.value for e in enum]


def _dflt(help: str | None, value) -> str:
    return f"{help}  [default: {value}]" if help else f"[default: {value}]"


def _summary(func) -> str:
    return (func.__doc__ or "").strip().splitlines()[0]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """A usage error: two short lines on stderr (no usage dump, no traceback), exit 2."""
        self.exit(2, f"{self.prog}: error: {message}\nTry '{self.prog} --help' for help.\n")


def _parser(prog: str, **kw) -> argparse.ArgumentParser:
    # allow_abbrev=False: `--wid` is an error, not --width (as before)
    return _Parser(prog=prog, allow_abbrev=False, **kw)


def top_parser() -> argparse.ArgumentParser:
    width = max(map(len, COMMANDS)) + 2
    listing = "\n".join(f"  {name:<{width}}{_summary(func)}" for name, func in COMMANDS.items())
    p = _parser(PROG, usage="%(prog)s [-h] COMMAND [ARGS]...", description=DESCRIPTION,
                formatter_class=argparse.RawDescriptionHelpFormatter,
                epilog=f"commands:\n{listing}\n\nRun `{PROG} COMMAND --help` for a command's options.")
    return p


def _add_format(p, help: str | None = None) -> None:
    p.add_argument("-f", "--format", choices=_choices(Fmt), default=Fmt.rich.value, help=_dflt(help, "rich"))


def _add_lang(p, default: str | None, help: str | None = None) -> None:
    p.add_argument("--lang", choices=_choices(Lang), default=default, help=_dflt(help, "id"))


def _add_rules(p, help: str | None = None) -> None:
    p.add_argument("--rules", action="append", default=None, metavar="FILE",
                   help=(help + " (repeatable)") if help else "(repeatable)")


def _check_args(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (one folder = one SKPD/kecamatan)")
    _add_format(p, "rich terminal report or JSON")
    # None = not given, so that the config file's lang / fail_on can apply
    _add_lang(p, None, "language of the report")
    p.add_argument("--fail-on", choices=_choices(FailOn), default=None,
                   help=_dflt("exit 1 when a finding of this severity or worse exists", "error"))
    _add_rules(p, "extra rule file(s) (YAML); a rule with an existing code replaces it")
    p.add_argument("--config", metavar="FILE", help="config file (YAML): scale, tolerance, severities, disabled rules")
    p.add_argument("--baseline", metavar="FILE", help="suppress findings whose fingerprints are in this file")
    p.add_argument("--write-baseline", metavar="FILE", help="write the fingerprints of all findings to this file")
    p.add_argument("--annotate", metavar="FOLDER", help="write annotated copies of the input workbooks to this folder")
    p.add_argument("--html", metavar="FILE", help="write a self-contained HTML report")
    p.add_argument("--kkr", metavar="FILE", help="write a Kertas Kerja Reviu workbook (.xlsx)")
    p.add_argument("--width", type=int, default=None, metavar="INT", help="terminal width for the rich report")
    p.add_argument("--previous", action="append", default=None, metavar="PATH",
                   help="an earlier year's folder of the same unit, compared with this year's (PER rules; repeatable)")


def _rules_args(p) -> None:
    p.add_argument("code", nargs="?", default=None, metavar="CODE",
                   help="a rule code (e.g. PCT001) to show its documentation")
    _add_format(p)
    _add_lang(p, Lang.id.value)
    _add_rules(p, "extra rule file(s)")


def _inspect_args(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    _add_format(p)
    p.add_argument("--facts", action="store_true", help="show the resolved entities and where each fact came from")
    p.add_argument("--claims", action="store_true",
                   help="show the narrative claims found and whether each was tied to a fact")


def _batch_args(p) -> None:
    p.add_argument("root", metavar="ROOT", help="a folder whose sub-folders are one kecamatan/SKPD each")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="INT", help="parallel workers (default: all cores)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="FLOAT",
                   help=_dflt("seconds allowed per folder", 300.0))
    _add_format(p, "rich rekap table (worst first), or one JSON line per folder as each finishes")
    _add_lang(p, Lang.id.value)
    p.add_argument("--rekap", metavar="PATH", help="write the rekap workbook (.xlsx)")
    _add_rules(p)
    p.add_argument("--config", metavar="FILE")
    p.add_argument("--fail-on", choices=_choices(FailOn), default=FailOn.error.value, help=_dflt(None, "error"))


ARGUMENTS = {"check": _check_args, "rules": _rules_args, "inspect": _inspect_args, "batch": _batch_args}


def command_parser(name: str) -> argparse.ArgumentParser:
    p = _parser(f"{PROG} {name}", description=COMMANDS[name].__doc__)
    ARGUMENTS[name](p)
    return p


def run(argv: list[str]) -> int:
    """Parse ARGV (without the program name), run the command, return the exit code.

    Usage errors print a short message on stderr and return 2; `die()` prints one line and returns
    its code; `--help` prints help and returns 0; no arguments at all print the help on stderr and
    return 2."""
    try:
        if not argv:
            top_parser().print_help(sys.stderr)
            return 2
        name, rest = argv[0], list(argv[1:])
        if name in ("-h", "--help"):
            top_parser().print_help()
            return 0
        if name not in COMMANDS:
            top = top_parser()
            if name.startswith("-"):
                top.error(f"unrecognized option {name!r}")
            top.error(f"no such command {name!r} (choose from {', '.join(COMMANDS)})")
        # intermixed: options may come before, between or after the paths (`check a -f json b`)
        args = command_parser(name).parse_intermixed_args(rest)
        return COMMANDS[name](args)
    except SystemExit as e:          # argparse (usage error, --help) and die()
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1


def run_command_line(argv: list[str] | None = None) -> int:
    """Run the command line ARGV (default sys.argv[1:]) and return its exit code; Ctrl-C is 130."""
    try:
        return run(sys.argv[1:] if argv is None else [str(a) for a in argv])
    except KeyboardInterrupt:
        print("lkip-audit: interrupted", file=sys.stderr, flush=True)
        return 130


def main(argv: list[str] | None = None) -> NoReturn:
    """The command line in this process (tests, embedding): exits with the command's code."""
    sys.exit(run_command_line(argv))


def entry() -> NoReturn:
    """The console script `lkip-audit` and `python -m auditor.cli`: the command, then the process ends
    at once. With the report written and the output flushed, the interpreter's teardown - unloading
    pandas, numpy and pandera module by module, ~0.2 s of a `check` (measured) - frees nothing the
    operating system would not. `batch` keeps the normal exit: its worker pool's own exit handlers run
    there."""
    code = run_command_line()
    if sys.argv[1:2] == ["batch"]:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:       # a closed pipe (`| head`): nothing more can be said there
            pass
    os._exit(code)


if __name__ == "__main__":
    entry()
