#!/usr/bin/env python3
"""Where the time of one audit goes: CPU seconds per stage, in process, medians of several runs.

    python bench/where.py [PATH ...] [--runs 5]      (default: samples/kalisat-2024)

Imports are done (and timed) first; then `auditor.engine.audit(PATH)` runs `--runs` times with the
stages below wrapped to add up the CPU time of the thread that runs them (time.thread_time; the total
is the process's, all threads). Stages nest: `read xlsx: details` is inside `read xlsx`, the `rule …`
lines are inside `rules (all checks)`, `facts` inside the rule that first asks for them; calamine's
parse runs in the loader's thread, beside the rest. Run it after a change to see what moved; bench/README.md "Where the time
goes" was made with it.
"""
from __future__ import annotations

import argparse
import inspect
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

ACC: dict[str, float] = defaultdict(float)


def wrap(mod, name: str, label: str) -> None:
    fn = getattr(mod, name)

    def timed(*a, **kw):
        t = time.thread_time()       # this thread's CPU: the loader parses the next file in another
        try:
            res = fn(*a, **kw)
            return list(res) if inspect.isgenerator(res) else res     # check kinds yield findings
        finally:
            ACC[label] += time.thread_time() - t

    setattr(mod, name, timed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(HERE.parent / "samples" / "kalisat-2024")])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    t = time.process_time()
    import openpyxl  # noqa: F401
    import pandas  # noqa: F401
    import pandera.pandas  # noqa: F401
    import rich  # noqa: F401
    t_floor = time.process_time() - t
    t = time.process_time()
    import docx  # noqa: F401
    import python_calamine  # noqa: F401

    import auditor.cli  # noqa: F401
    from auditor import engine, facts, frames, loader, rules
    from auditor.checks import CHECKS
    from auditor.readers import document, safety, workbook, xlsx_details
    import auditor.text.claims  # noqa: F401
    t_more = time.process_time() - t

    wrap(rules, "load_rules", "load rules (YAML)")
    engine.load_rules = rules.load_rules
    wrap(safety, "check_file", "check_file (sniff, zip scan)")
    wrap(workbook, "parse", "calamine parse (in the loader's thread)")
    wrap(workbook, "read_workbook", "read xlsx")
    wrap(workbook, "_calamine_values", "read xlsx: calamine values to Python")
    wrap(xlsx_details, "details", "read xlsx: details (formats, formulas)")
    wrap(document, "read_document", "read docx")
    from auditor import coverage
    from auditor.readers import pdf as pdf_reader
    wrap(pdf_reader, "read_pdf", "read pdf (in the loader's thread)")
    wrap(pdf_reader, "page_texts", "read pdf: page text only (beside a .docx; loader's thread)")
    from auditor.readers import twin
    wrap(twin, "word_units", "pdf vs docx: the .docx's units")
    wrap(loader, "_rendered", "pdf vs docx: compare")
    wrap(coverage, "file_coverage", "coverage (per file)")
    wrap(loader, "detect_tables", "detect tables")
    wrap(frames, "build_frames", "frames: build (pandas)")
    wrap(frames, "validate", "frames: validate (pandera)")
    wrap(facts, "build_facts", "facts (entities, SIPD sums)")
    wrap(engine, "build_report", "rules (all checks)")
    for kind, mod in CHECKS.items():
        wrap(mod, "run", f"rule kind {kind}")

    engine.audit(a.paths)                      # warm: lazy imports, caches of compiled patterns
    per_run: list[dict[str, float]] = []
    totals = []
    for _ in range(a.runs):
        ACC.clear()
        t = time.process_time()
        engine.audit(a.paths)
        totals.append(time.process_time() - t)
        per_run.append(dict(ACC))
    total = statistics.median(totals)
    print(f"{', '.join(a.paths)}: {a.runs} runs, median CPU per audit {total:.3f} s "
          f"(imports: floor {t_floor:.2f} s + the rest {t_more:.2f} s, once per process)")
    labels = sorted({k for r in per_run for k in r}, key=lambda k: -statistics.median(r.get(k, 0) for r in per_run))
    for k in labels:
        v = statistics.median(r.get(k, 0.0) for r in per_run)
        print(f"  {v:7.3f} s  {100 * v / total:5.1f} %  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
