"""lkip-audit batch: one audit per folder in worker processes, timeouts/crashes, the rekap outputs."""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # running pytest without the package installed
    sys.path.insert(0, str(ROOT))

from auditor.batch import FolderResult, run_batch, sort_worst_first, top_families  # noqa: E402
from auditor.engine import audit  # noqa: E402
from auditor.report.rekap import render_rekap_table, rekap_json_lines, write_rekap  # noqa: E402

SAMPLES = ROOT / "samples" / "kalisat-2024"
SIPD = ("sipd-realisasi-2024.xlsx", "sipd-rekap-pagu-2024.xlsx")
DOCX = "lkip-2024.docx"
N_FOLDERS = 31


# ------------------------------------------------------------------------------------ fixture builders

def copy_sample(dest: Path, *, drop=(), rename=None) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for p in sorted(SAMPLES.iterdir()):
        if p.is_file() and p.name not in drop:
            shutil.copy2(p, dest / ((rename or {}).get(p.name, p.name)))


def truncate_half(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def build_root(root: Path) -> dict[str, str]:
    """31 audited folders under `root` (+ an empty one and one with only a text file).
    Returns {folder name relative to root: variant}; variants sharing a name have the same content."""
    layout: dict[str, str] = {}

    def add(rel: str, variant: str, **kw) -> Path:
        d = root / rel if rel != "." else root
        copy_sample(d, **kw)
        layout[rel] = variant
        return d

    add(".", "complete")                                       # root itself holds files
    for i in range(1, 16):
        add(f"kec-{i:02d}", "complete")
    d = add("kec-16", "complete")                              # noise that must not count
    (d / "~$lkip-2024-tabel.xlsx").write_bytes(b"lock")
    (d / ".DS_Store").write_bytes(b"\0")
    (d / "catatan.txt").write_text("bukan berkas kantor")
    add("kab", "complete")                                     # nested: kab and kab/kec-x are two audits
    add("kab/kec-x", "complete")
    add("Kec Sukowono (2024)", "complete")                     # spaces and brackets in the name
    add("no-docx-1", "no-docx", drop=(DOCX,))
    add("no-docx-2", "no-docx", drop=(DOCX,))
    add("no-sipd-1", "no-sipd", drop=SIPD)
    add("no-sipd-2", "no-sipd", drop=SIPD)
    add("renamed-realisasi", "renamed-realisasi", rename={"sipd-realisasi-2024.xlsx": "laporan realisasi dokumen.xlsx"})
    add("renamed-tabel", "renamed-tabel", rename={"lkip-2024-tabel.xlsx": "lampiran-tabel.xlsx"})
    add("renamed-txt", "renamed-txt", rename={"pk-2024.xlsx": "pk-2024.txt"})
    d = add("trunc", "trunc")
    truncate_half(d / "lkip-2024-tabel.xlsx")
    d = add("zero", "zero")
    (d / "renstra-tc25.xlsx").write_bytes(b"")
    d = add("html", "html")
    (d / "rkt-2024.xlsx").write_text("<!DOCTYPE html><html><head><title>RKT</title></head>"
                                     "<body><table><tr><td>Sasaran</td><td>Target</td></tr></table></body></html>")
    d = add("trunc-and-no-docx", "trunc-and-no-docx", drop=(DOCX,))
    truncate_half(d / "sipd-rekap-pagu-2024.xlsx")
    (root / "kosong").mkdir()                                  # empty folder: not an audit
    (root / "hanya-teks").mkdir()                              # only a non-office file: not an audit
    (root / "hanya-teks" / "catatan.txt").write_text("x")
    assert len(layout) == N_FOLDERS
    return layout


# the "html" folder's rkt-2024.xlsx is a web page: read as one since issue 14 (below), no longer unreadable
CORRUPTED = {"trunc": "lkip-2024-tabel.xlsx", "zero": "renstra-tc25.xlsx",
             "trunc-and-no-docx": "sipd-rekap-pagu-2024.xlsx"}


def audit_folder_here(folder: Path) -> dict:
    """What a batch row should say: a direct in-process audit() of the folder's own files."""
    files = sorted(str(p) for p in folder.iterdir() if p.is_file())
    return audit([f for f in files if os.path.splitext(f)[1].lower() in (".xlsx", ".docx")
                  and not os.path.basename(f).startswith(("~$", "."))])


def fingerprints(findings) -> list[str]:
    return sorted(f["fingerprint"] for f in findings)


# ------------------------------------------------------------------------------------ the 31-folder batch

@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch") / "ROOT"
    root.mkdir()
    layout = build_root(root)
    streamed: list[FolderResult] = []
    t0 = time.perf_counter()
    results = run_batch(str(root), jobs=2, timeout=300, on_done=streamed.append)
    wall = time.perf_counter() - t0
    print(f"\n31-folder batch, jobs=2: {wall:.1f} s")
    # expected rows: one direct audit per distinct variant (variants share content, and fingerprints
    # use file names only, so they compare across folders)
    expected: dict[str, dict] = {}
    for rel, variant in layout.items():
        if variant not in expected:
            expected[variant] = audit_folder_here(root / rel if rel != "." else root)
    return {"root": root, "layout": layout, "results": results, "streamed": streamed, "wall": wall,
            "expected": expected}


def by_name(results) -> dict[str, FolderResult]:
    return {r.name: r for r in results}


def test_one_result_per_audited_folder(batch):
    results = batch["results"]
    root = batch["root"]
    assert len(results) == N_FOLDERS
    names = by_name(results)
    assert set(names) == {(rel if rel != "." else root.name) for rel in batch["layout"]}
    assert "kosong" not in names and "hanya-teks" not in names
    # streamed as each folder finished, every one exactly once
    assert sorted(r.name for r in batch["streamed"]) == sorted(names)
    assert all(r.status == "ok" for r in results), [(r.name, r.status, r.error) for r in results if r.failed]
    assert multiprocessing.active_children() == []


def test_rows_match_direct_audits(batch):
    names = by_name(batch["results"])
    root = batch["root"]
    complete = batch["expected"]["complete"]
    # the complete copy is the sample itself: same result as auditing samples/kalisat-2024
    assert complete["summary"]["files"] == 8
    for rel, variant in batch["layout"].items():
        r = names[rel if rel != "." else root.name]
        exp = batch["expected"][variant]
        s = exp["summary"]
        # a folder's non-office files (kec-16's notes, renamed-txt's .txt) are skipped files: IN006, a warning
        # each, which the direct audit of its office files alone does not have
        folder = root / rel if rel != "." else root
        others = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(("~$", "."))
                        and p.suffix.lower() not in (".xlsx", ".xlsm", ".xls", ".ods", ".docx"))
        known = {f["fingerprint"] for f in exp["findings"]}
        noted = sorted(f["location"]["path"].rsplit("/", 1)[-1] for f in r.findings if f["rule"] == "IN006"
                       and f["fingerprint"] not in known)
        assert noted == others, rel
        assert rel != "kec-16" or noted == ["catatan.txt"]
        extra = len(noted)
        assert r.by_severity == dict(s["by_severity"], warning=s["by_severity"]["warning"] + extra), rel
        assert r.by_family == (dict(s["by_family"], IN=s["by_family"].get("IN", 0) + extra) if extra
                               else s["by_family"]), rel
        assert (r.files, r.tables, r.unreadable) == (s["files"], s["tables"], s["unreadable"]), rel
        assert fingerprints([f for f in r.findings if not (f["rule"] == "IN006" and f["fingerprint"] not in known)]) \
            == fingerprints(exp["findings"]), rel
        # the coverage the rekap shows is the folder's own
        assert r.coverage["numbers"] == s["coverage"]["numbers"] and r.coverage["checked"] == s["coverage"]["checked"]
        assert r.top_families == top_families(s["by_family"]) and len(r.top_families) <= 3
        if r.top_families:
            assert s["by_family"][r.top_families[0]] == max(s["by_family"].values())
        assert r.report is None
        assert r.peak_rss_mb is None or r.peak_rss_mb > 10
        assert r.seconds > 0 and r.cpu_seconds > 0
    # ROOT itself and kab are audited for their own files only, not their subfolders'
    assert names[root.name].files == 8
    assert names["kab"].files == 8 and names["kab/kec-x"].files == 8
    # lock file, hidden file and the .txt do not count; the .txt counts as skipped
    assert names["kec-16"].files == 8 and names["kec-16"].skipped >= 2
    assert names["renamed-txt"].files == 7


def test_complete_copy_equals_sample_audit(batch):
    """A complete copy gives the same counts as a direct audit of samples/kalisat-2024 (if the
    samples have not been rebuilt since the copies were made)."""
    sample = audit(str(SAMPLES))
    copied = {p.name: p.read_bytes() for p in (batch["root"] / "kec-01").iterdir()}
    if {p.name: p.read_bytes() for p in SAMPLES.iterdir() if p.is_file()} != copied:
        pytest.skip("samples changed while the test ran")
    r = by_name(batch["results"])["kec-01"]
    assert r.by_severity == sample["summary"]["by_severity"]
    assert fingerprints(r.findings) == fingerprints(sample["findings"])


def test_corrupted_folders_still_report_other_files(batch):
    names = by_name(batch["results"])
    for rel, broken in CORRUPTED.items():
        r = names[rel]
        assert r.status == "ok"
        assert r.unreadable >= 1, rel
        in001 = [f for f in r.findings if f["rule"] == "IN001"]
        assert any(os.path.basename(f["location"]["path"]) == broken for f in in001), rel
        others = [f for f in r.findings if os.path.basename(f["location"]["path"]) != broken]
        assert others, f"{rel}: no findings from the readable files"
        assert r.by_severity["error"] >= 1


def test_web_page_named_xlsx_is_read_as_html(batch):
    r = by_name(batch["results"])["html"]
    assert r.status == "ok" and r.unreadable == 0
    assert not [f for f in r.findings if f["rule"] == "IN001"]


def test_sort_worst_first(batch):
    rows = sort_worst_first(batch["results"])
    keys = [(r.by_severity["error"], r.by_severity["warning"]) for r in rows]
    assert keys == sorted(keys, reverse=True)
    failed = FolderResult(folder="/x", name="x", status="timeout", error="no result after 3 s")
    rows = sort_worst_first(batch["results"] + [failed])
    assert rows[0] is failed


# ------------------------------------------------------------------------------------ rekap outputs

def test_write_rekap(batch, tmp_path):
    results = batch["results"] + [FolderResult(folder="/gone", name="zz-gagal", status="crashed",
                                               error="the worker process stopped (exit code 1)")]
    out = tmp_path / "rekap.xlsx"
    write_rekap(results, str(out), lang="id")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]   # no temp file left behind
    wb = load_workbook(out)
    assert wb.sheetnames == ["Rekap", "Temuan"]
    ws = wb["Rekap"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{1 + len(results)}"
    head = [c.value for c in ws[1]]
    assert head[:3] == ["No", "Folder", "Status"]
    rows = list(ws.iter_rows(min_row=2, max_row=1 + len(results), values_only=True))
    assert len(rows) == len(results)
    assert rows[0][1] == "zz-gagal" and "exit code 1" in rows[0][10]       # failed folders first
    assert rows[0][5] is None                                              # no coverage for a failed folder
    names = by_name(batch["results"])
    for row in rows[1:]:
        r = names[row[1]]
        assert row[3:5] + row[6:9] == (r.files, r.tables, r.by_severity["error"], r.by_severity["warning"],
                                       r.by_severity["info"]), row
        # the coverage column: checked/read numbers of the folder
        want = f"{r.coverage['checked']:,}/{r.coverage['numbers']:,}".replace(",", ".")
        assert row[5].startswith(want), row
    errs = [row[6] for row in rows[1:]]
    assert errs == sorted(errs, reverse=True)
    # severity colouring on a non-zero error count
    assert any(ws.cell(row=i, column=7).fill.fgColor.rgb.endswith("FFC7CE")
               for i in range(2, 2 + len(results)) if ws.cell(row=i, column=7).value)
    wt = wb["Temuan"]
    total = sum(len(r.findings) for r in batch["results"])
    body = list(wt.iter_rows(min_row=2, values_only=True))
    assert len(body) == total
    assert [c.value for c in wt[1]][:3] == ["Folder", "Aturan", "Tingkat"]
    per_folder: dict[str, int] = {}
    for row in body:
        per_folder[row[0]] = per_folder.get(row[0], 0) + 1
    for r in batch["results"]:
        assert per_folder.get(r.name, 0) == sum(r.by_severity.values())
    # files shown relative to their folder
    assert {row[3] for row in body} <= {p.name for p in SAMPLES.iterdir()} | {
        "laporan realisasi dokumen.xlsx", "lampiran-tabel.xlsx", "catatan.txt", "pk-2024.txt"}   # + IN006's


def test_write_rekap_english_and_empty(tmp_path):
    out = tmp_path / "empty.xlsx"
    write_rekap([], str(out), lang="en")
    wb = load_workbook(out)
    assert [c.value for c in wb["Rekap"][1]][3] == "Files"
    assert wb["Temuan"].max_row == 1


def test_json_lines_and_table(batch):
    lines = list(rekap_json_lines(batch["results"]))
    assert len(lines) == N_FOLDERS
    objs = [json.loads(x) for x in lines]
    for o, r in zip(objs, batch["results"]):
        assert o["folder"] == r.folder and o["status"] == "ok"
        assert o["summary"]["by_severity"] == r.by_severity
        assert len(o["findings"]) == sum(r.by_severity.values())

    from rich.console import Console
    console = Console(record=True, width=200)
    console.print(render_rekap_table(batch["results"], "id"))
    text = console.export_text()
    assert "kab/kec-x" in text and "trunc" in text
    worst = sort_worst_first(batch["results"])[0].name
    assert text.index(worst) < text.index("kec-01") or worst == "kec-01"


# ------------------------------------------------------------------------------------ failures in workers

def small_root(root: Path, names, hooks=None) -> None:
    for n in names:
        d = root / n
        d.mkdir(parents=True)
        shutil.copy2(SAMPLES / "pk-2024.xlsx", d / "pk-2024.xlsx")
        if hooks and n in hooks:
            (d / hooks[n]).write_text("")


def test_crash_hang_error_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_AUDIT_TEST_HOOKS", "1")
    root = tmp_path / "R"
    hooks = {"b-crash": "__crash__", "c-hang": "__hang__", "d-error": "__error__", "e-memerr": "__memerr__"}
    small_root(root, ["a-ok", "b-crash", "c-hang", "d-error", "e-memerr", "f-ok", "g-ok", "h-ok"], hooks)
    exp = audit(str(root / "a-ok"))
    t0 = time.perf_counter()
    results = run_batch(str(root), jobs=2, timeout=3)
    wall = time.perf_counter() - t0
    rows = by_name(results)
    assert len(results) == 8
    assert rows["b-crash"].status == "crashed" and "exit code 1" in rows["b-crash"].error
    assert rows["c-hang"].status == "timeout" and 2.9 <= rows["c-hang"].seconds < 10
    assert rows["d-error"].status == "error"
    assert rows["d-error"].error == "RuntimeError: test hook: audit failed on purpose"   # one line
    assert rows["e-memerr"].status == "crashed" and "MemoryError" in rows["e-memerr"].error
    for n in ("a-ok", "f-ok", "g-ok", "h-ok"):
        assert rows[n].status == "ok", (n, rows[n].error)
        assert rows[n].by_severity == exp["summary"]["by_severity"] and rows[n].files == 1
    assert wall < 60
    assert multiprocessing.active_children() == []
    # failed folders come first in the rekap, with their message
    top = sort_worst_first(results)[:4]
    assert {r.name for r in top} == set(hooks)


def test_hooks_off_without_env(tmp_path, monkeypatch):
    monkeypatch.delenv("LKIP_AUDIT_TEST_HOOKS", raising=False)
    root = tmp_path / "R"
    small_root(root, ["a", "b"], {"b": "__crash__"})
    results = run_batch(str(root), jobs=2, timeout=30)
    assert [r.status for r in results] == ["ok", "ok"]


def test_keyboard_interrupt_stops_workers(tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_AUDIT_TEST_HOOKS", "1")
    root = tmp_path / "R"
    small_root(root, ["a", "b", "c", "d"], {"a": "__hang__"})
    seen = []

    def on_done(r):
        seen.append(r)
        raise KeyboardInterrupt

    t0 = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        run_batch(str(root), jobs=2, timeout=600, on_done=on_done)
    assert len(seen) == 1 and time.perf_counter() - t0 < 30
    assert multiprocessing.active_children() == []       # the hung worker was stopped and reaped


def test_keep_reports_and_spawn(tmp_path):
    root = tmp_path / "R"
    small_root(root, ["a", "b"])
    results = run_batch(str(root), jobs=2, keep_reports=True, keep_findings=False, start_method="spawn")
    assert [r.status for r in results] == ["ok", "ok"]
    for r in results:
        assert r.findings is None
        assert r.report["paths"] == [r.folder] and r.report["summary"]["files"] == 1
    assert multiprocessing.active_children() == []


def test_no_folders(tmp_path):
    assert run_batch(str(tmp_path)) == []
    assert run_batch(str(tmp_path / "missing")) == []


# ------------------------------------------------------------------------------------ the CLI

def test_cli_batch_streams_one_json_line_per_folder(tmp_path):
    """`batch --format json`, a real process: one line per folder, each with its findings, exit 1."""
    import subprocess
    root = tmp_path / "R"
    small_root(root, ["kec-a", "kec-b", "kec-c"])
    shutil.copy2(SAMPLES / "rkt-2024.xlsx", root / "kec-b" / "rkt-2024.xlsx")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("LKIP_AUDIT_TEST_HOOKS", None)
    p = subprocess.run([sys.executable, "-m", "auditor.cli", "batch", str(root), "--jobs", "2", "--format", "json"],
                       capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=600)
    assert "Traceback" not in p.stderr, p.stderr[-2000:]
    rows = [json.loads(x) for x in p.stdout.splitlines() if x.strip()]
    assert sorted(r["name"] for r in rows) == ["kec-a", "kec-b", "kec-c"]
    for r in rows:
        direct = audit(r["folder"])
        assert r["status"] == "ok"
        assert fingerprints(r["findings"]) == fingerprints(direct["findings"])
    assert p.returncode == (1 if any(r["summary"]["by_severity"]["error"] for r in rows) else 0)


def test_reading_without_the_read_ahead_thread_gives_the_same_report(monkeypatch):
    """Batch workers read their folder's files one after the other (loader.READ_AHEAD off)."""
    from auditor import loader
    from auditor.engine import audit

    folder = str(Path(__file__).resolve().parent.parent / "samples" / "kalisat-2024")
    with_thread = audit([folder])
    monkeypatch.setattr(loader, "READ_AHEAD", False)
    in_order = audit([folder])
    for rep in (with_thread, in_order):
        rep.pop("generated", None)
    assert json.dumps(in_order, sort_keys=True, default=str) == json.dumps(with_thread, sort_keys=True, default=str)


def test_a_worker_validates_an_out_of_schema_folder_without_pandera_preloaded(tmp_path):
    """The fork server no longer imports pandas/pandera (frames.plainly_valid spares a clean folder):
    a folder with a negative pagu still gets its IN005 from the worker, a clean one none."""
    from tests.helpers import write_tables

    root = tmp_path / "R"
    header = ["No", "Program/ Kegiatan/ Sub Kegiatan", "PAGU (Rp)", "REALISASI (Rp)", "%"]
    for name, pagu in (("bad", -100), ("clean", 100)):
        (root / name).mkdir(parents=True)
        write_tables(root / name / "t.xlsx", [{"header": header, "rows": [
            ["1", "Program Penunjang Urusan Pemerintahan Daerah", pagu, 80, 80]]}])
    results = {Path(r.folder).name: r for r in run_batch(str(root), jobs=2, keep_findings=True)}
    cells = {n: sorted(f["location"]["cell"] for f in r.findings if f["rule"] == "IN005") for n, r in results.items()}
    assert cells == {"bad": ["C2"], "clean": []}
