"""``lkip-audit batch ROOT``: one audit per folder under ROOT, in parallel worker processes.

Design
------
* The folders are those of ``readers.discover.audit_folders(root)``: every folder that directly
  holds an office file (ROOT itself included). A folder's audit covers the files *directly* in it;
  its subfolders are audits of their own (``ROOT/kab`` does not re-read ``ROOT/kab/kec-x``).
* Long-lived worker processes, at most ``jobs`` of them, one task (folder) at a time each, fed
  through a private pipe per worker. Start-up of a worker (interpreter + docx/calamine and the
  package's imports) measured 0.7–1.2 s with "spawn" on an idle machine, 3–4 s with pandas/pandera
  (no longer preloaded: see PRELOAD) on a loaded one; with "forkserver" (default where available) the modules are
  preloaded once in the fork server and each worker then starts in 15–80 ms, so replacing a worker
  after a crash or a timeout is cheap. A worker says "ready" once its imports are done; a folder's
  clock starts when it is handed to a ready worker. As with any multiprocessing program, the
  caller's main script must be guarded by ``if __name__ == "__main__":`` (console-script entry
  points are).
* A folder that runs past ``timeout`` seconds: its worker is terminated (SIGTERM, then SIGKILL)
  and replaced; the row says "timeout". A worker that dies (segfault, ``os._exit``, killed by the
  OOM killer) gives "crashed" and is replaced; a ``MemoryError`` inside the audit also gives
  "crashed" (the worker exits afterwards: its heap is not trusted). Any other exception from
  ``audit()`` gives "error" with a one-line message. The batch always goes on.
* A worker sends back only a compact row (counts), plus the finding dicts when ``keep_findings``
  (needed for the rekap "Temuan" sheet and ``--format json``; ~1 KB per finding) and the whole
  report only when ``keep_reports``. ``peak_rss_mb`` is the worker's peak RSS
  (``getrusage(RUSAGE_SELF).ru_maxrss``) measured after the folder: a worker's running peak.
* Workers ignore SIGINT; on Ctrl-C (KeyboardInterrupt in the parent) — or any exception, e.g. from
  ``on_done`` — every worker is terminated and reaped, and the exception propagates. Nothing is
  written here: outputs are the caller's job, after the batch (``auditor.report.rekap``).
* Folders are handed out biggest first (bytes of their office files), so one large folder does not
  start last and leave the other workers idle at the end; results are returned in folder order and
  streamed to ``on_done`` in completion order.

Test hooks (only when the environment of the *calling* process has ``LKIP_AUDIT_TEST_HOOKS=1`` at
``run_batch`` time; the flag is passed to the workers explicitly): a folder holding a file named
``__crash__`` makes the worker ``os._exit(1)``; ``__hang__`` makes it sleep for an hour;
``__error__`` raises RuntimeError inside the audit; ``__memerr__`` raises MemoryError.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait as _mp_wait
from typing import Any, Callable

from .readers.discover import OFFICE_EXT, audit_folders

__all__ = ["FolderResult", "run_batch", "sort_worst_first", "STATUSES", "FAILED"]

STATUSES = ("ok", "error", "timeout", "crashed")
FAILED = ("error", "timeout", "crashed")
SEVERITIES = ("error", "warning", "info")
FAMILY_ORDER = ("IN", "SUM", "PCT", "PRED", "EFF", "XDOC", "PER", "NAME", "TXT", "CNT")
TOP_FAMILIES = 3
HOOKS_ENV = "LKIP_AUDIT_TEST_HOOKS"
STARTUP_TIMEOUT = 120.0       # a worker that is not ready by then counts as failed to start
MAX_START_FAILURES = 3        # workers dying before "ready", in a row: give up (remaining rows "crashed")
# Modules a worker needs; preloaded in the fork server (and imported by each spawned worker).
# pandas/pandera are not among them: the frame validation (auditor.frames) imports them only for a folder
# whose values are not plainly inside its schema (~0.3 s, once per worker that meets one).
# openpyxl is not among them: the readers need it only for unusual workbooks (xlsx_details' fallback).
PRELOAD = ["auditor.engine", "auditor.loader", "auditor.readers.workbook", "auditor.readers.xlsx_details",
           "auditor.readers.document", "auditor.readers.discover", "auditor.frames", "auditor.facts",
           "auditor.text.claims", "docx", "python_calamine",
           "auditor.batch_warm"]     # last: the rest of what an audit imports, the rule catalogue (see there)


@dataclass
class FolderResult:
    folder: str                      # the folder path as listed by audit_folders(root)
    name: str                        # relative to root, "/"-separated; root itself: its own name
    status: str = "ok"               # ok | error | timeout | crashed
    files: int = 0
    tables: int = 0
    unreadable: int = 0
    by_severity: dict = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    by_family: dict = field(default_factory=dict)
    top_families: list = field(default_factory=list)
    error: str | None = None         # one line, for failed folders
    seconds: float = 0.0             # wall time of the folder (in the worker; since hand-out if it failed)
    cpu_seconds: float | None = None # CPU time the worker spent on it (None if it did not finish)
    peak_rss_mb: float | None = None
    skipped: int = 0                 # entries in the folder not audited (not office, hidden, lock files...)
    previous: list | None = None     # across years: the earlier year folders this one was compared with (names)
    coverage: dict | None = None     # numbers read / checked, not-audited parts (coverage.summary_dict figures)
    findings: list | None = None     # finding dicts (Finding.to_dict()) when keep_findings
    report: dict | None = None       # the whole report dict, only when keep_reports

    @property
    def failed(self) -> bool:
        return self.status in FAILED

    def summary(self) -> dict:
        return {"by_severity": dict(self.by_severity), "by_family": dict(self.by_family), "files": self.files,
                "tables": self.tables, "unreadable": self.unreadable, "skipped": self.skipped,
                "coverage": self.coverage}


# ------------------------------------------------------------------------------------ helpers

def _one_line(text: Any, limit: int = 300) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _exc_line(e: BaseException) -> str:
    msg = _one_line(e)
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def top_families(by_family: dict, n: int = TOP_FAMILIES) -> list[str]:
    def key(item):
        fam, count = item
        rank = FAMILY_ORDER.index(fam) if fam in FAMILY_ORDER else len(FAMILY_ORDER)
        return (-count, rank, fam)
    return [fam for fam, c in sorted(by_family.items(), key=key) if c][:n]


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # pragma: no cover - bytes there
        kb /= 1024
    return round(kb / 1024, 1)


def _display_name(folder: str, root: str) -> str:
    try:
        rel = os.path.relpath(folder, root)
    except ValueError:  # pragma: no cover - other drive on Windows
        rel = folder
    if rel in (".", ""):
        rel = os.path.basename(os.path.abspath(root).rstrip(os.sep)) or os.path.abspath(root)
    return rel.replace(os.sep, "/")


def _folder_bytes(folder: str) -> int:
    total = 0
    try:
        with os.scandir(folder) as it:
            for e in it:
                if os.path.splitext(e.name)[1].lower() in OFFICE_EXT:
                    try:
                        if e.is_file():
                            total += e.stat().st_size
                    except OSError:
                        pass
    except OSError:
        pass
    return total


def _signal_text(code: int | None) -> str:
    if code is None:
        return "ended"
    if code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def worst_key(r: FolderResult):
    """Failed folders first, then most errors, then most warnings, most info, unreadable; then name."""
    sev = r.by_severity or {}
    return (0 if r.failed else 1, -int(sev.get("error", 0)), -int(sev.get("warning", 0)),
            -int(sev.get("info", 0)), -int(r.unreadable or 0), r.name.casefold(), r.name)


def sort_worst_first(results) -> list[FolderResult]:
    return sorted(results, key=worst_key)


# ------------------------------------------------------------------------------------ the worker side

def year_units(folders: list[str]) -> dict[str, list[str]]:
    """{latest year folder: its unit's earlier year folders} (auditor.periods.units.group_units: sibling
    folders whose names differ only by the year). Every folder keeps its own row; the latest year's is
    audited across years."""
    from .periods.units import group_units
    return {unit[-1]: unit[:-1] for unit in group_units(folders) if len(unit) > 1}


def _folder_files(folder: str) -> tuple[list[str], list[dict]]:
    """Office files directly in `folder` (same rules as discover) and what was skipped there."""
    from .readers.discover import discover

    d = discover([folder])
    here = os.path.normcase(os.path.normpath(folder))

    def mine(p: str) -> bool:
        return os.path.normcase(os.path.normpath(os.path.dirname(p))) == here

    files = [f for f in d.files if mine(f)]
    skipped = [{"path": s.path, "reason": s.reason, "message": s.message} for s in d.skipped if mine(s.path)]
    return files, skipped


def _coverage_row(cov: dict | None) -> dict | None:
    """The run's coverage figures a rekap row shows (not the per-item lists)."""
    if not cov:
        return None
    return {k: cov.get(k) for k in ("tables", "rows", "numbers", "checked", "percent", "not_audited", "skipped")}


def _hooks(folder: str) -> None:
    if os.path.exists(os.path.join(folder, "__crash__")):
        os._exit(1)
    if os.path.exists(os.path.join(folder, "__hang__")):
        time.sleep(3600)
    if os.path.exists(os.path.join(folder, "__error__")):
        raise RuntimeError("test hook: audit failed\non purpose")
    if os.path.exists(os.path.join(folder, "__memerr__")):
        raise MemoryError("test hook")


def audit_one(folder: str, opts: dict) -> dict:
    """Audit the files directly in `folder`; the compact row (and findings/report if asked) as a dict."""
    from .engine import audit

    t0, c0 = time.perf_counter(), time.process_time()
    row: dict[str, Any] = {"status": "ok"}
    try:
        if opts.get("hooks"):
            _hooks(folder)
        files, skipped = _folder_files(folder)
        # across years: the latest year folder of a unit is audited with its earlier years as context
        earlier = (opts.get("previous") or {}).get(folder) or []
        report = audit(files, lang=opts.get("lang") or "id", rules_files=opts.get("rules_files"),
                       config=opts.get("config"), baseline=opts.get("baseline"), skipped=skipped,
                       previous=[_folder_files(f)[0] for f in earlier] or None)
        if earlier:
            row["previous"] = [os.path.basename(os.path.normpath(f)) for f in earlier]
        report["paths"] = [folder]
        s = report.get("summary") or {}
        by_family = dict(s.get("by_family") or {})
        row.update(files=int(s.get("files", 0)), tables=int(s.get("tables", 0)),
                   unreadable=int(s.get("unreadable", 0)),
                   by_severity={k: int((s.get("by_severity") or {}).get(k, 0)) for k in SEVERITIES},
                   by_family=by_family, top_families=top_families(by_family), skipped=len(report["skipped"]),
                   coverage=_coverage_row(s.get("coverage")))
        if opts.get("keep_findings"):
            row["findings"] = list(report.get("findings") or [])
        if opts.get("keep_reports"):
            row["report"] = report
    except MemoryError as e:
        row = {"status": "crashed", "error": "out of memory (" + _exc_line(e) + ")", "_exit": True}
    except Exception as e:  # noqa: BLE001 - one folder's failure is a row, not the batch's end
        row = {"status": "error", "error": _exc_line(e)}
    row["seconds"] = round(time.perf_counter() - t0, 3)
    row["cpu_seconds"] = round(time.process_time() - c0, 3)
    row["peak_rss_mb"] = _peak_rss_mb()
    return row


def _worker_main(conn, opts: dict) -> None:
    """Worker loop: import once, say ready, then audit one folder per message until told to stop."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's business
    except (ValueError, OSError):  # pragma: no cover
        pass
    t0 = time.perf_counter()
    import importlib
    for mod in PRELOAD:
        try:
            importlib.import_module(mod)
        except Exception:  # noqa: BLE001 - the audit itself will report what it cannot use
            pass
    try:
        from . import loader
        loader.READ_AHEAD = False        # the other workers use the cores a read-ahead thread would
    except Exception:  # noqa: BLE001 - pragma: no cover
        pass
    conn.send(("ready", os.getpid(), round(time.perf_counter() - t0, 3)))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return                                     # parent gone
        if msg is None:
            return
        index, folder = msg
        row = audit_one(folder, opts)
        exit_after = bool(row.pop("_exit", False))
        try:
            conn.send(("done", index, row, exit_after))
        except Exception as e:  # noqa: BLE001 - e.g. something in the report would not pickle
            conn.send(("done", index, {"status": "error", "error": "result could not be sent back: " + _exc_line(e),
                                       "seconds": row.get("seconds", 0.0), "peak_rss_mb": row.get("peak_rss_mb")},
                       exit_after))
        if exit_after:
            conn.close()
            os._exit(3)


# ------------------------------------------------------------------------------------ the parent side

def _context(start_method: str | None):
    methods = multiprocessing.get_all_start_methods()
    if start_method is None:
        start_method = "forkserver" if "forkserver" in methods else "spawn"
    ctx = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        try:  # only takes effect if the fork server is not running yet. "__main__": the fork server
            # imports the main script once, so workers do not each re-import it (multiprocessing does
            # that for every child; the main script must be guarded by `if __name__ == "__main__"`).
            ctx.set_forkserver_preload(PRELOAD + ["__main__"])
        except Exception:  # pragma: no cover
            pass
    return ctx


def prestart(start_method: str | None = None) -> None:
    """Start the fork server now, so that its preload (~0.2 s: the package, the rule catalogue, the
    nomenclature) runs on another core while the caller still sets itself up (the CLI's imports, the
    rule catalogue it checks a config against: ~0.15 s). run_batch then finds it running. Nothing if
    the start method is not "forkserver" or it cannot start (run_batch will say so)."""
    ctx = _context(start_method)
    if ctx.get_start_method() != "forkserver":
        return
    try:
        from multiprocessing import forkserver
        forkserver.ensure_running()
    except Exception:  # noqa: BLE001 - pragma: no cover
        pass


class _Worker:
    __slots__ = ("proc", "conn", "ready", "retiring", "task", "started", "deadline", "startup")

    def __init__(self, proc, conn):
        self.proc = proc
        self.conn = conn
        self.ready = False
        self.retiring = False     # told us it will exit (after a MemoryError): no more tasks
        self.task: tuple[int, str] | None = None
        self.started = time.monotonic()
        self.deadline: float | None = None
        self.startup: float | None = None


class _Pool:
    def __init__(self, ctx, size: int, opts: dict, timeout: float | None):
        self.ctx = ctx
        self.size = size
        self.opts = opts
        self.timeout = timeout if timeout and timeout > 0 else None
        self.workers: list[_Worker] = []
        self.start_failures = 0
        self.ever_ready = False
        self.startup_times: list[float] = []

    def spawn(self) -> _Worker:
        parent_conn, child_conn = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main, args=(child_conn, self.opts), daemon=True,
                                name="lkip-audit-batch-worker")
        proc.start()
        child_conn.close()
        w = _Worker(proc, parent_conn)
        self.workers.append(w)
        return w

    def fill(self) -> None:
        while len(self.workers) < self.size:
            self.spawn()

    def drop(self, w: _Worker, *, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.terminate()
            w.proc.join(1.0)
            if w.proc.is_alive():
                w.proc.kill()
        w.proc.join(5.0)
        try:
            w.conn.close()
        except OSError:  # pragma: no cover
            pass
        try:
            w.proc.close()
        except ValueError:  # pragma: no cover - still running after SIGKILL + 5 s
            pass
        if w in self.workers:
            self.workers.remove(w)

    def stop_all(self, *, graceful: bool) -> None:
        if graceful:
            for w in list(self.workers):
                try:
                    w.conn.send(None)
                except (OSError, ValueError):
                    pass
            end = time.monotonic() + 3.0
            for w in list(self.workers):
                w.proc.join(max(0.0, end - time.monotonic()))
        for w in list(self.workers):
            self.drop(w, kill=True)

    def next_wakeup(self) -> float | None:
        now = time.monotonic()
        times = []
        for w in self.workers:
            if w.task is not None and w.deadline is not None:
                times.append(w.deadline - now)
            elif w.retiring:
                times.append(w.started + 5.0 - now)
            elif not w.ready:
                times.append(w.started + STARTUP_TIMEOUT - now)
        return max(0.0, min(times)) if times else None


def run_batch(root: str, *, jobs: int | None = None, timeout: float | None = 300, lang: str = "id",
              rules_files: list[str] | None = None, config: str | dict | None = None,
              baseline: set[str] | None = None, on_done: Callable[[FolderResult], None] | None = None,
              keep_reports: bool = False, keep_findings: bool = True,
              start_method: str | None = None) -> list[FolderResult]:
    """Audit every folder under `root` that directly holds office files; one FolderResult per folder,
    in folder order. See the module docstring for workers, timeouts, crashes and Ctrl-C."""
    root = os.fspath(root)
    folders = audit_folders(root)
    if not folders:
        return []
    jobs = max(1, min(int(jobs or os.cpu_count() or 1), len(folders)))
    opts = {"lang": lang, "rules_files": list(rules_files) if rules_files else None, "config": config,
            "baseline": set(baseline) if baseline else None, "keep_reports": bool(keep_reports),
            "keep_findings": bool(keep_findings), "hooks": os.environ.get(HOOKS_ENV) == "1",
            "previous": year_units(folders)}
    names = [_display_name(f, root) for f in folders]
    results: list[FolderResult | None] = [None] * len(folders)
    sizes = [_folder_bytes(f) for f in folders]
    pending = deque(sorted(range(len(folders)), key=lambda i: (-sizes[i], i)))
    pool = _Pool(_context(start_method), jobs, opts, timeout)

    def finish(index: int, row: dict) -> None:
        r = FolderResult(folder=folders[index], name=names[index])
        for k, v in row.items():
            if hasattr(r, k):
                setattr(r, k, v)
        results[index] = r
        if on_done is not None:
            on_done(r)

    def give_up_starting(why: str) -> None:
        while pending:
            finish(pending.popleft(), {"status": "crashed", "error": why})

    try:
        pool.fill()
        while pending or any(w.task is not None for w in pool.workers):
            # hand folders to idle ready workers
            for w in list(pool.workers):
                if pending and w.ready and not w.retiring and w.task is None:
                    index = pending.popleft()
                    try:
                        w.conn.send((index, folders[index]))
                    except (OSError, ValueError):       # died just now, before taking the folder
                        pending.appendleft(index)
                        pool.drop(w, kill=True)
                        continue
                    w.task = (index, folders[index])
                    w.started = time.monotonic()
                    w.deadline = w.started + pool.timeout if pool.timeout else None
            waitables = []
            for w in pool.workers:
                waitables += [w.conn, w.proc.sentinel]
            ready = set(_mp_wait(waitables, timeout=pool.next_wakeup()))
            now = time.monotonic()
            for w in list(pool.workers):
                died = w.proc.sentinel in ready
                msg = None
                if w.conn in ready or died:
                    try:
                        if w.conn.poll():
                            msg = w.conn.recv()
                    except (EOFError, OSError):
                        died = True
                if msg is not None:
                    if msg[0] == "ready":
                        w.ready = True
                        w.startup = msg[2]
                        pool.startup_times.append(msg[2])
                        pool.ever_ready = True
                        pool.start_failures = 0
                    elif msg[0] == "done" and w.task is not None and msg[1] == w.task[0]:
                        index = w.task[0]
                        w.task, w.deadline = None, None
                        if msg[3]:
                            w.retiring = True
                            w.started = now
                        finish(index, msg[2])
                    if not died:
                        continue
                if died or not w.proc.is_alive():
                    if w.task is not None:
                        index = w.task[0]
                        w.proc.join(1.0)
                        code = w.proc.exitcode
                        finish(index, {"status": "crashed", "seconds": round(now - w.started, 3),
                                       "error": f"the worker process stopped while auditing this folder "
                                                f"({_signal_text(code)})"})
                    elif not w.ready and not w.retiring:
                        pool.start_failures += 1
                    code = w.proc.exitcode
                    pool.drop(w, kill=True)
                    if pool.start_failures >= MAX_START_FAILURES:
                        give_up_starting(f"no worker process could start ({_signal_text(code)})")
                    continue
                if w.task is not None and w.deadline is not None and now >= w.deadline:
                    index = w.task[0]
                    finish(index, {"status": "timeout", "seconds": round(now - w.started, 3),
                                   "error": f"no result after {pool.timeout:g} s; the worker was stopped"})
                    pool.drop(w, kill=True)
                elif w.retiring and now >= w.started + 5.0:
                    pool.drop(w, kill=True)
                elif not w.ready and now >= w.started + STARTUP_TIMEOUT:
                    pool.start_failures += 1
                    pool.drop(w, kill=True)
                    if pool.start_failures >= MAX_START_FAILURES:
                        give_up_starting(f"no worker process became ready within {STARTUP_TIMEOUT:g} s")
            # keep as many workers as there is work for
            busy = sum(1 for w in pool.workers if w.task is not None)
            alive = sum(1 for w in pool.workers if not w.retiring)
            want = min(pool.size, busy + len(pending))
            while alive < want:
                pool.spawn()
                alive += 1
    except BaseException:
        pool.stop_all(graceful=False)
        raise
    pool.stop_all(graceful=True)
    return [r for r in results if r is not None]


def run_sequential(root: str, **kw) -> list[FolderResult]:
    """The same rows computed in this process, one folder after the other (no timeout, no isolation).
    For comparisons and debugging; accepts run_batch's audit options."""
    folders = audit_folders(os.fspath(root))
    opts = {"lang": kw.get("lang", "id"), "rules_files": kw.get("rules_files"), "config": kw.get("config"),
            "baseline": kw.get("baseline"), "keep_reports": kw.get("keep_reports", False),
            "keep_findings": kw.get("keep_findings", True), "hooks": False, "previous": year_units(folders)}
    out = []
    for folder in folders:
        r = FolderResult(folder=folder, name=_display_name(folder, os.fspath(root)))
        for k, v in audit_one(folder, opts).items():
            if hasattr(r, k):
                setattr(r, k, v)
        out.append(r)
    return out
