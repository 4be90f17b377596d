"""`check samples/kalisat-2024` of this checkout against another checkout (e.g. the commit before a
change), interleaved run by run, CPU (user + sys) and wall medians: how much a change costs a check.

    git worktree add /tmp/before <commit>          # or: git archive <commit> | tar -x -C /tmp/before
    python bench/versus.py /tmp/before --runs 15

Both run from source with the current interpreter (`python -m auditor.cli`), their bytecode compiled
first and PYTHONDONTWRITEBYTECODE unset for the runs (a user's install has its bytecode: without it,
every run recompiles every module and a change that adds code looks slower than it is). Issue 16 (the nomenclature reference) measured with it: see bench/README.md.
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics as st
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", help="the other checkout (its root folder)")
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--folder", default=str(HERE / "samples" / "kalisat-2024"))
    a = ap.parse_args(argv)
    roots = {"other": Path(a.other).resolve(), "this": HERE}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for root in roots.values():
        compileall.compile_dir(str(root / "auditor"), quiet=1)
    cpu = {k: [] for k in roots}
    wall = {k: [] for k in roots}
    for _ in range(a.runs):
        for k, root in roots.items():
            r0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            subprocess.run([sys.executable, "-m", "auditor.cli", "check", a.folder, "--format", "json"], cwd=root, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            t1, r1 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[k].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
            wall[k].append(t1 - t0)
    for k in roots:
        print(f"{k:5}  cpu median {st.median(cpu[k]):.3f} s   wall median {st.median(wall[k]):.3f} s")
    print(f"this/other  cpu {st.median(cpu['this']) / st.median(cpu['other']):.3f}   "
          f"wall {st.median(wall['this']) / st.median(wall['other']):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
