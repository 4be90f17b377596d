#!/usr/bin/env python3
"""lkip-audit benchmark: whole processes, several runs, medians, against floors measured in the same run.

    python bench/run.py                    # N = 50, 100, 200, 400 folders; 3 runs of everything
    python bench/run.py --quick            # N = 10, 20
    python bench/run.py --out bench/out/results.json --runs 5 --sizes 50,100

What is measured (see bench/README.md for what each figure means):

  a. `lkip-audit check samples/kalisat-2024 --format json` against the IMPORT FLOOR
     `python -c "import pandas, pandera.pandas, openpyxl, rich"`                  target ratio <= 1.2
  b. `lkip-audit --help` and `lkip-audit rules` against the same floor            target ratio <= 0.3
  c. `lkip-audit batch DIR --jobs 2 --format json` over N folders against the READ FLOOR
     (bench/read_floor.py: calamine reads every cell, lxml parses word/document.xml, 2 processes)
                                                target ratio <= 4 per N; time(400)/time(100) <= 4.4
  d. peak RSS per worker (the rows' peak_rss_mb; and the largest process of the tree) and in total
     (sum over the process tree, sampled)                                target < 300 MB, flat in N
  e. `lkip-audit check <100,000-row SIPD realisasi export> --format json`   target < 8 s, < 1 GB
  f. `batch DIR --jobs 2` over N copies of the sample folder with the sample PDF beside its .docx
     (N = 24, 96; --copies) against the READ FLOOR of the same DIR  target ratio <= 3 per N; time(96)/time(24) <= 4.4
     f'. the smallest N again with the PDF instead of the .docx (the PDF read in full)   reported
  g. `batch DIR --jobs 2` over the real corpus (shared/real, one folder each), against its read floor (reported)
  h. `check` of the sample PDF alone vs of the sample .docx alone              target ratio <= 3;
     and `check` of a 200-page PDF made by repeating the sample PDF's pages (reported)

Wall time is perf_counter around the process. CPU time is user+sys of every process of the tree:
this process makes itself a child subreaper (Linux), so the batch's fork server and its workers,
orphaned when the main process exits, are re-parented here and reaped, and
getrusage(RUSAGE_CHILDREN) deltas cover them. Peak RSS of a single process is the largest
ru_maxrss among the reaped processes. The machine may be shared: ratios are taken against floors
measured in the same run, interleaved with the measured command, and the load average is recorded.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SAMPLE = REPO / "samples" / "kalisat-2024"
SAMPLE_PDF = REPO / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"
TARGETS = {"check": 1.2, "help": 0.3, "rules": 0.3, "batch": 4.0, "linearity": 4.4, "worker_rss_mb": 300,
           "huge_seconds": 8.0, "huge_rss_mb": 1024, "copies": 3.0, "pdf_vs_docx": 3.0}
IMPORT_FLOOR = "import pandas, pandera.pandas, openpyxl, rich"


# ------------------------------------------------------------------------------------ process measurement

def _make_subreaper() -> bool:
    """Orphaned descendants (the batch's fork server and workers) come back to us to be reaped."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(36, 1, 0, 0, 0) == 0          # PR_SET_CHILD_SUBREAPER
    except Exception:
        return False


class TreeSampler(threading.Thread):
    """Peak of the summed RSS (and PSS) of all our descendant processes, sampled every `interval` s."""

    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval = interval
        self.me = os.getpid()
        self.peak_rss = 0
        self.peak_pss = 0
        self.max_procs = 0
        self._halt = threading.Event()

    @staticmethod
    def _ppids() -> dict[int, int]:
        out = {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    stat = f.read()
                out[int(name)] = int(stat[stat.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
        return out

    def _descendants(self) -> list[int]:
        ppids = self._ppids()
        kids: dict[int, list[int]] = {}
        for pid, pp in ppids.items():
            kids.setdefault(pp, []).append(pid)
        out, todo = [], list(kids.get(self.me, []))
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(kids.get(p, []))
        return out

    @staticmethod
    def _mem_kb(pid: int) -> tuple[int, int]:
        rss = pss = 0
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss = int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss = int(line.split()[1])
        except OSError:
            pass
        return rss, pss

    def run(self) -> None:
        while not self._halt.is_set():
            procs = self._descendants()
            rss = pss = 0
            for p in procs:
                r, s = self._mem_kb(p)
                rss += r
                pss += s
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.max_procs = max(self.max_procs, len(procs))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join(2.0)


def run_once(cmd: list[str], *, env: dict, cwd: str, stdout_path: str | None = None, sample: bool = False) -> dict:
    """Run one command as a whole process tree; wall, CPU (user+sys of the tree), peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler = TreeSampler() if sample and os.path.isdir("/proc") else None
    t0 = time.perf_counter()
    with open(stdout_path or os.devnull, "wb") as out:
        p = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        if sampler:
            sampler.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    maxrss_kb = ru.ru_maxrss
    orphans = 0
    deadline = time.monotonic() + 30.0
    while True:                                   # reap what was re-parented to us (subreaper)
        try:
            pid, _st, ru2 = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if time.monotonic() > deadline:
                break
            time.sleep(0.005)
            continue
        orphans += 1
        maxrss_kb = max(maxrss_kb, ru2.ru_maxrss)
    if sampler:
        sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = {"wall": round(wall, 3),
           "cpu": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 3),
           "max_process_rss_mb": round(maxrss_kb / 1024, 1), "exit": p.returncode, "reaped_orphans": orphans,
           # a child's ru_maxrss is at least this (our own peak at fork time): a max_process_rss_mb close
           # to it says nothing about the child
           "bench_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if sampler:
        res.update(tree_rss_mb=round(sampler.peak_rss / 1024, 1), tree_pss_mb=round(sampler.peak_pss / 1024, 1),
                   tree_procs=sampler.max_procs)
    return res


def _rows_summary(path: Path) -> list[dict]:
    """The few fields of each batch JSON row the bench needs, one line at a time: the rows carry every
    finding (~100 MB at N=400), and this process must stay small (see main())."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.append({"status": r.get("status"), "seconds": r.get("seconds"),
                            "peak_rss_mb": r.get("peak_rss_mb"), "findings": len(r.get("findings") or [])})
    return out


def build_copies(root: Path, n: int, pdf_only: bool = False) -> str:
    """N folders, each the sample folder's files plus the sample PDF, as hard links (copies across
    file systems); rebuilt when a sample is newer than the folder. `pdf_only`: the PDF instead of the
    .docx (what a reviewer receives: the PDF is then read in full, not compared with the .docx)."""
    d = root / (f"copies-pdf-only-{n}" if pdf_only else f"copies-{n}")
    files = [f for f in sorted(SAMPLE.iterdir()) if not (pdf_only and f.suffix == ".docx")] + [SAMPLE_PDF]
    newest = max(f.stat().st_mtime for f in files)
    if d.is_dir() and d.stat().st_mtime >= newest and len(list(d.iterdir())) == n:
        return str(d)
    import shutil
    shutil.rmtree(d, ignore_errors=True)
    for i in range(n):
        k = d / f"kec-{i:04d}"
        k.mkdir(parents=True)
        for f in files:
            try:
                os.link(f, k / f.name)
            except OSError:
                shutil.copy2(f, k / f.name)
    return str(d)


def big_pdf(path: Path, pages: int = 200) -> str:
    """A PDF of `pages` pages made by repeating the sample PDF's (pypdfium2 imports them)."""
    if path.is_file() and path.stat().st_mtime >= SAMPLE_PDF.stat().st_mtime:
        return str(path)
    code = ("import sys, pypdfium2 as p; src = p.PdfDocument(sys.argv[1]); out = p.PdfDocument.new(); n = len(src)\n"
            "while len(out) < int(sys.argv[3]): out.import_pages(src, list(range(min(n, int(sys.argv[3]) - len(out)))))\n"
            "out.save(sys.argv[2])")
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", code, str(SAMPLE_PDF), str(path), str(pages)], check=True)
    return str(path)


def real_corpus() -> Path | None:
    """shared/real beside the checkout or above it (as tests/helpers.py shared_dir), or None."""
    env = os.environ.get("LKIP_SHARED")
    if env:
        return Path(env) / "real" if (Path(env) / "real").is_dir() else None
    for up in [REPO, *REPO.parents]:
        if (up / "shared" / "real").is_dir():
            return up / "shared" / "real"
    return None


def med(samples: list[dict], key: str) -> float | None:
    vals = [s[key] for s in samples if s.get(key) is not None]
    return round(statistics.median(vals), 3) if vals else None


def summary(samples: list[dict]) -> dict:
    out = {"runs": samples, "wall": med(samples, "wall"), "cpu": med(samples, "cpu"),
           "max_process_rss_mb": max((s["max_process_rss_mb"] for s in samples), default=None)}
    for k in ("tree_rss_mb", "tree_pss_mb"):
        if any(k in s for s in samples):
            out[k] = max(s.get(k, 0) for s in samples)
    return out


def ratio(a: dict, b: dict, key: str) -> float | None:
    if not a.get(key) or not b.get(key):
        return None
    return round(a[key] / b[key], 3)


# ------------------------------------------------------------------------------------ the benchmark

class _Log:
    @staticmethod
    def print(msg: str) -> None:
        sys.stderr.write(msg + "\n")
        sys.stderr.flush()


def tool_command(tool_root: str | None) -> tuple[list[str], dict, str, str]:
    """Command, environment, description, and the working directory to run it in: the tool's root,
    because `python -m`/`-c` put the working directory first on sys.path (before PYTHONPATH), so
    running from another checkout would silently import that checkout's auditor."""
    env = dict(os.environ)
    env.pop("LKIP_AUDIT_TEST_HOOKS", None)
    script = Path(sys.executable).parent / "lkip-audit"
    if tool_root is None and script.is_file():
        return [str(script)], env, f"{script}", str(REPO)
    root = str(Path(tool_root or REPO).resolve())
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return [sys.executable, "-m", "auditor.cli"], env, f"{sys.executable} -m auditor.cli (PYTHONPATH={root}, cwd={root})", root


def main() -> int:
    ap = argparse.ArgumentParser(description="lkip-audit benchmark (see module docstring)")
    ap.add_argument("--quick", action="store_true", help="N = 10, 20 folders")
    ap.add_argument("--sizes", help="comma-separated batch sizes (default 50,100,200,400; quick 10,20)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement (median reported)")
    ap.add_argument("--out", default=str(HERE / "out" / "results.json"))
    ap.add_argument("--corpus", default=str(HERE / "out" / "corpus"), help="where the generated corpus lives")
    ap.add_argument("--tool-root", help="run the tool from this source tree (python -m auditor.cli) "
                                        "instead of the installed lkip-audit, e.g. to compare two versions")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: a,b,c,e,f,g,h")
    ap.add_argument("--copies", default="24,96", help="sizes of part f (copies of the sample folder with its PDF)")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")] if a.sizes else ([10, 20] if a.quick else [50, 100, 200, 400])
    skip = set(filter(None, a.skip.split(",")))
    runs = max(1, a.runs)
    reaper = _make_subreaper()
    cmd, env, tool_desc, cwd = tool_command(a.tool_root)
    py = sys.executable

    # This process stays small (no openpyxl, pandas or rich until the end; batch rows read line by line):
    # a child's ru_maxrss starts from its parent's peak RSS (subprocess forks, or vforks and shares our
    # memory until exec). The corpus is built in a child process.
    con = _Log()
    got = subprocess.run([py, str(HERE / "corpus.py"), str(Path(a.corpus).resolve()), "--sizes",
                          ",".join(map(str, sizes))], cwd=str(REPO), stdout=subprocess.PIPE, check=True, text=True)
    paths = json.loads(got.stdout.strip().splitlines()[-1])
    results: dict = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "loadavg_start": [round(x, 2) for x in os.getloadavg()]},
        "tool": tool_desc, "runs": runs, "sizes": sizes, "targets": TARGETS, "cpu_covers_workers": reaper,
        # which auditor package the measured command really imports (a wrong sys.path is easy to miss)
        # (asked from a neutral folder when the tool is the installed script: `python -c` would put the
        # working directory, this checkout, first on sys.path, which the script does not)
        "tool_package": subprocess.run([py, "-c", "import auditor; print(auditor.__file__)"], env=env,
                                       cwd=cwd if a.tool_root else tempfile.gettempdir(),
                                       capture_output=True, text=True).stdout.strip(),
    }
    con.print(f"tool: {tool_desc}; imports {results['tool_package']}")

    def save_partial() -> None:
        """Results so far, so an interrupted run still leaves its figures (`"partial": true`)."""
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps({**results, "partial": True}, indent=1) + "\n")

    def measure(label: str, pairs: list[tuple[str, list[str], dict]]) -> dict:
        """Interleave the commands of `pairs` `runs` times; medians per command."""
        samples: dict[str, list[dict]] = {name: [] for name, _, _ in pairs}
        for i in range(runs):
            for name, c, kw in pairs:
                if kw.get("stdout_path"):
                    kw = {**kw, "stdout_path": kw["stdout_path"].format(run=i + 1)}
                s = run_once(c, env=env, cwd=cwd, **kw)
                if kw.get("stdout_path"):
                    s["stdout"] = kw["stdout_path"]
                samples[name].append(s)
                con.print(f"{label} run {i + 1}/{runs} {name}: {s['wall']:.2f} s wall, {s['cpu']:.2f} s cpu"
                          f", {s['max_process_rss_mb']:.0f} MB")
                results.setdefault("progress", {})[f"{label} {name}"] = samples[name]
                save_partial()
        results.pop("progress", None)
        return {name: summary(v) for name, v in samples.items()}

    def measure_batch(label: str, d: str, stem: str) -> dict:
        """`batch d --jobs J --format json` against the read floor of d, interleaved."""
        out_dir = Path(a.out).resolve().parent
        out_dir.mkdir(parents=True, exist_ok=True)
        lines_path = str(out_dir / f"{stem}-run{{run}}.jsonl")
        m = measure(label, [
            ("read_floor", [py, str(HERE / "read_floor.py"), d, "--jobs", str(a.jobs)], {"sample": True}),
            ("batch", cmd + ["batch", d, "--jobs", str(a.jobs), "--format", "json"],
             {"sample": True, "stdout_path": lines_path}),
        ])
        peaks: list[float] = []
        rows: list[dict] = []
        for k, run in enumerate(m["batch"]["runs"]):       # every run's rows; the last one's file is kept
            path = Path(run.pop("stdout"))
            rows = _rows_summary(path)
            peaks += [r["peak_rss_mb"] for r in rows if r.get("peak_rss_mb") is not None]
            if k < len(m["batch"]["runs"]) - 1:
                path.unlink()
            else:
                path.replace(out_dir / f"{stem}.jsonl")
        statuses: dict[str, int] = {}
        for r in rows:
            statuses[r.get("status", "?")] = statuses.get(r.get("status", "?"), 0) + 1
        b = m["batch"]
        return {
            "read_floor": m["read_floor"], "batch": b,
            "ratio_wall": ratio(b, m["read_floor"], "wall"), "ratio_cpu": ratio(b, m["read_floor"], "cpu"),
            "folders": len(rows), "statuses": statuses,
            "worker_peak_rss_mb": max(peaks) if peaks else None,
            "worker_peak_rss_mb_median": statistics.median(peaks) if peaks else None,
            "folder_seconds_median": statistics.median([r["seconds"] for r in rows if r.get("seconds")]) if rows else None,
            "findings": sum(r["findings"] for r in rows),
        }

    floor_cmd = [py, "-c", IMPORT_FLOOR]
    if "a" not in skip or "b" not in skip:
        pairs = [("import_floor", floor_cmd, {})]
        if "a" not in skip:
            pairs.append(("check", cmd + ["check", str(SAMPLE), "--format", "json"], {}))
        if "b" not in skip:
            pairs += [("help", cmd + ["--help"], {}), ("rules", cmd + ["rules"], {})]
        m = measure("a/b", pairs)
        results["import_floor"] = m["import_floor"]
        for k in ("check", "help", "rules"):
            if k in m:
                results[k] = m[k]
                results[k]["ratio_wall"] = ratio(m[k], m["import_floor"], "wall")
                results[k]["ratio_cpu"] = ratio(m[k], m["import_floor"], "cpu")

    if "c" not in skip:
        results["batch"] = {}
        for n in sizes:
            results["batch"][str(n)] = measure_batch(f"batch N={n}", paths["batches"][str(n)], f"batch-{n}")
            save_partial()
        if "100" in results["batch"] and "400" in results["batch"]:
            b100, b400 = results["batch"]["100"]["batch"], results["batch"]["400"]["batch"]
            results["linearity_400_100"] = {"wall": ratio(b400, b100, "wall"), "cpu": ratio(b400, b100, "cpu")}
        elif len(sizes) >= 2:
            lo, hi = str(min(sizes)), str(max(sizes))
            bl, bh = results["batch"][lo]["batch"], results["batch"][hi]["batch"]
            results[f"linearity_{hi}_{lo}"] = {"wall": ratio(bh, bl, "wall"), "cpu": ratio(bh, bl, "cpu"),
                                               "ideal": int(hi) / int(lo)}

    if "f" not in skip:
        results["copies"] = {}
        ns = [int(x) for x in a.copies.split(",") if x]
        for n in ns:
            d = build_copies(Path(a.corpus).resolve(), n)
            results["copies"][str(n)] = measure_batch(f"copies N={n}", d, f"copies-{n}")
            save_partial()
        if len(ns) >= 2:
            lo, hi = str(min(ns)), str(max(ns))
            bl, bh = results["copies"][lo]["batch"], results["copies"][hi]["batch"]
            results["copies_linearity"] = {"wall": ratio(bh, bl, "wall"), "cpu": ratio(bh, bl, "cpu"),
                                           "ideal": int(hi) / int(lo), "of": [int(hi), int(lo)]}
        # reported, no target: the same folders with the PDF instead of the .docx, read in full
        n = min(ns)
        d = build_copies(Path(a.corpus).resolve(), n, pdf_only=True)
        results["copies_pdf_only"] = {str(n): measure_batch(f"copies N={n}, PDF without .docx", d, f"copies-pdf-only-{n}")}
        save_partial()

    real = real_corpus()
    if "g" not in skip and real is not None:
        results["real"] = measure_batch("real corpus", str(real), "real")
        results["real"]["root"] = str(real)
        save_partial()

    if "h" not in skip:
        big = big_pdf(Path(a.corpus).resolve() / "pdf200" / "lkip-200-pages.pdf")
        m = measure("pdf", [("docx", cmd + ["check", str(SAMPLE / "lkip-2024.docx"), "--format", "json"], {}),
                            ("pdf", cmd + ["check", str(SAMPLE_PDF), "--format", "json"], {}),
                            ("pdf200", cmd + ["check", big, "--format", "json"], {})])
        results["pdf"] = {**m, "ratio_wall": ratio(m["pdf"], m["docx"], "wall"),
                          "ratio_cpu": ratio(m["pdf"], m["docx"], "cpu")}
        save_partial()

    if "e" not in skip:
        huge = paths["huge"]
        m = measure("100k", [("huge", cmd + ["check", huge, "--format", "json"], {})])
        results["huge"] = m["huge"]
        results["huge"]["file"] = huge
        results["huge"]["bytes"] = os.path.getsize(huge)

    results["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    results["verdict"] = verdict(results)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(results, indent=1) + "\n")
    from rich.console import Console
    from rich.table import Table
    print_table(results, Console(width=None if sys.stdout.isatty() else 160), Table)
    con.print(f"written {a.out}")
    return 0


def verdict(r: dict) -> dict:
    """Each figure against its target; `worst` = the figure furthest over (or closest to) its target."""
    items = []

    def add(name, value, target, lower_is_better=True):
        if value is None:
            return
        items.append({"figure": name, "value": value, "target": target, "ok": value <= target,
                      "of_target": round(value / target, 3)})

    for k in ("check", "help", "rules"):
        if k in r:
            add(f"{k} / import floor (wall)", r[k]["ratio_wall"], TARGETS[k])
    for n, b in (r.get("batch") or {}).items():
        add(f"batch N={n} / read floor (wall)", b["ratio_wall"], TARGETS["batch"])
        add(f"batch N={n} worker peak RSS MB", b["worker_peak_rss_mb"], TARGETS["worker_rss_mb"])
    if "linearity_400_100" in r:
        add("time(400)/time(100) (wall)", r["linearity_400_100"]["wall"], TARGETS["linearity"])
    for n, b in (r.get("copies") or {}).items():
        add(f"copies N={n} / read floor (wall)", b["ratio_wall"], TARGETS["copies"])
        add(f"copies N={n} worker peak RSS MB", b["worker_peak_rss_mb"], TARGETS["worker_rss_mb"])
    if "copies_linearity" in r:
        hi, lo = r["copies_linearity"]["of"]
        add(f"copies time({hi})/time({lo}) (wall)", r["copies_linearity"]["wall"], TARGETS["linearity"] * (hi / lo) / 4)
    if "pdf" in r:
        add("sample PDF / sample .docx (wall)", r["pdf"]["ratio_wall"], TARGETS["pdf_vs_docx"])
    if "huge" in r:
        add("100k-row check seconds (wall)", r["huge"]["wall"], TARGETS["huge_seconds"])
        add("100k-row check peak RSS MB", r["huge"]["max_process_rss_mb"], TARGETS["huge_rss_mb"])
    worst = max(items, key=lambda x: x["of_target"]) if items else None
    return {"figures": items, "worst": worst, "all_ok": all(i["ok"] for i in items)}


def print_table(r: dict, console, Table) -> None:
    t = Table(title=f"lkip-audit benchmark — {r['runs']} runs, medians (load {r['machine']['loadavg_start']} → "
                    f"{r['machine']['loadavg_end']})")
    for col, just in (("measure", "left"), ("wall s", "right"), ("cpu s", "right"), ("floor wall s", "right"),
                      ("floor cpu s", "right"), ("ratio wall", "right"), ("ratio cpu", "right"),
                      ("target", "right"), ("peak RSS MB", "right")):
        t.add_column(col, justify=just)

    def f(x, d=2):
        return "—" if x is None else f"{x:.{d}f}"

    fl = r.get("import_floor")
    for k, label in (("check", "a. check samples/kalisat-2024"), ("help", "b. --help"), ("rules", "b. rules")):
        if k in r:
            x = r[k]
            t.add_row(label, f(x["wall"]), f(x["cpu"]), f(fl["wall"]), f(fl["cpu"]), f(x["ratio_wall"]),
                      f(x["ratio_cpu"]), f"≤ {TARGETS[k]}", f(x["max_process_rss_mb"], 0))
    for n, b in (r.get("batch") or {}).items():
        x, fl2 = b["batch"], b["read_floor"]
        t.add_row(f"c. batch N={n} --jobs 2", f(x["wall"]), f(x["cpu"]), f(fl2["wall"]), f(fl2["cpu"]),
                  f(b["ratio_wall"]), f(b["ratio_cpu"]), f"≤ {TARGETS['batch']}",
                  f"{f(b['worker_peak_rss_mb'], 0)}/worker, {f(x.get('tree_rss_mb'), 0)} tree RSS, "
                  f"{f(x.get('tree_pss_mb'), 0)} PSS")
    for k, v in r.items():
        if k.startswith("linearity_"):
            t.add_row(f"c. {k}", "", "", "", "", f(v["wall"]), f(v["cpu"]),
                      f"≤ {TARGETS['linearity']}" if k == "linearity_400_100" else f"~{v.get('ideal')}", "")
    for n, b in (r.get("copies") or {}).items():
        x, fl2 = b["batch"], b["read_floor"]
        t.add_row(f"f. batch {n} sample copies + PDF", f(x["wall"]), f(x["cpu"]), f(fl2["wall"]), f(fl2["cpu"]),
                  f(b["ratio_wall"]), f(b["ratio_cpu"]), f"≤ {TARGETS['copies']}",
                  f"{f(b['worker_peak_rss_mb'], 0)}/worker")
    if "copies_linearity" in r:
        v = r["copies_linearity"]
        t.add_row("f. linearity", "", "", "", "", f(v["wall"]), f(v["cpu"]), f"~{v['ideal']}", "")
    for n, b in (r.get("copies_pdf_only") or {}).items():
        x, fl2 = b["batch"], b["read_floor"]
        t.add_row(f"f'. batch {n} copies, PDF without .docx", f(x["wall"]), f(x["cpu"]), f(fl2["wall"]), f(fl2["cpu"]),
                  f(b["ratio_wall"]), f(b["ratio_cpu"]), "reported", f"{f(b['worker_peak_rss_mb'], 0)}/worker")
    if "real" in r:
        b = r["real"]
        x, fl2 = b["batch"], b["read_floor"]
        t.add_row(f"g. batch real corpus ({b['folders']} folders)", f(x["wall"]), f(x["cpu"]), f(fl2["wall"]),
                  f(fl2["cpu"]), f(b["ratio_wall"]), f(b["ratio_cpu"]), "", f"{f(b['worker_peak_rss_mb'], 0)}/worker")
    if "pdf" in r:
        p = r["pdf"]
        t.add_row("h. check sample PDF (floor: the .docx)", f(p["pdf"]["wall"]), f(p["pdf"]["cpu"]),
                  f(p["docx"]["wall"]), f(p["docx"]["cpu"]), f(p["ratio_wall"]), f(p["ratio_cpu"]),
                  f"≤ {TARGETS['pdf_vs_docx']}", f(p["pdf"]["max_process_rss_mb"], 0))
        t.add_row("h. check 200-page PDF", f(p["pdf200"]["wall"]), f(p["pdf200"]["cpu"]), "", "", "", "", "",
                  f(p["pdf200"]["max_process_rss_mb"], 0))
    if "huge" in r:
        x = r["huge"]
        t.add_row("e. check 100k-row SIPD export", f(x["wall"]), f(x["cpu"]), "", "", "", "",
                  f"< {TARGETS['huge_seconds']:g} s", f"{f(x['max_process_rss_mb'], 0)} (< 1024)")
    console.print(t)
    w = r["verdict"]["worst"]
    if w:
        console.print(f"worst: {w['figure']} = {w['value']} (target {w['target']}, {w['of_target']:.2f}× target)")


if __name__ == "__main__":
    sys.exit(main())
