"""`lkip-audit batch`: drives auditor.batch with a rich progress bar, then prints or writes the rekap."""
from __future__ import annotations

import sys


def run_batch_cli(root: str, *, jobs, timeout, fmt: str, lang: str, rekap, rules_files, config, fail_on: str) -> int:
    from .batch import prestart
    prestart()      # the workers' fork server loads while this process imports and checks the config
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import run_batch, sort_worst_first
    from .checks.base import ConfigError
    from .model import SEVERITY_RANK
    from .readers.discover import audit_folders
    from .report.rekap import rekap_json_line, render_rekap_table, write_rekap
    from .rules import apply_config, load_config, load_rules

    err = Console(stderr=True)
    try:   # fail fast on a bad config, before any worker starts
        cfg = load_config(config)
        apply_config(load_rules(rules_files), cfg)
    except ConfigError as e:
        err.print(f"lkip-audit: {e}", markup=False, highlight=False)
        return 2
    if rekap:
        from .outio import OutputProblem, guard_output
        try:
            guard_output(rekap, [root])
        except OutputProblem as e:
            err.print(f"lkip-audit: cannot write output: {e}", markup=False, highlight=False)
            return 2
    total = len(audit_folders(root))
    if total == 0:
        err.print(f"lkip-audit: {root}: no folder with .xlsx/.xls/.ods/.docx files", markup=False, highlight=False)
        return 2
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TextColumn("{task.fields[last]}"), console=err,
                        transient=fmt == "json", disable=not err.is_terminal and fmt == "json")
    def done(r) -> None:
        progress.update(task, advance=1, last=r.name[-40:])
        if fmt == "json":
            # each folder's line as soon as it is done: nothing waits for the slowest folder, and the
            # findings are not held for hundreds of folders (memory flat in N) unless the rekap needs them
            sys.stdout.write(rekap_json_line(r) + "\n")
            sys.stdout.flush()
            if not rekap:
                r.findings = None

    with progress:
        task = progress.add_task("audit", total=total, last="")
        results = run_batch(root, jobs=jobs, timeout=timeout, lang=lang, rules_files=rules_files, config=config,
                            keep_findings=bool(rekap) or fmt == "json", on_done=done)
    results = sort_worst_first(results)
    if rekap:
        write_rekap(results, rekap, lang=lang)
    if fmt != "json":
        Console().print(render_rekap_table(results, lang=lang))
    if any(r.failed for r in results) and all(r.failed for r in results):
        return 2
    if fail_on == "never":
        return 0
    bar = SEVERITY_RANK[fail_on]
    return 1 if any(n and SEVERITY_RANK[s] >= bar for r in results for s, n in r.by_severity.items()) else 0
