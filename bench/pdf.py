"""PDF speed (issue 14): the sample LKIP as PDF vs as .docx, and a 200-page PDF.

    python bench/pdf.py [--runs 3] [--pages 200]

Whole processes (`lkip-audit check FILE --format json`), interleaved run by run, median reported:
* f1  the sample PDF alone vs the sample .docx alone                              target ≤ 3 ×
* f2  the sample folder with the PDF instead of the .docx vs the folder as it is   target ≤ 3 ×
* f3  a 200-page PDF made by repeating the sample's pages (pypdfium2)              target < 20 s, < 1 GB
and pages per second: of the whole process, and of the reader alone (in this process, no start-up).
Writes bench/out/pdf.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"
PDF = ROOT / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"


def tool() -> list[str]:
    exe = Path(sys.executable).with_name("lkip-audit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "auditor.cli"]


def run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MB of the child) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(tool() + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    wall = time.perf_counter() - t
    if p.returncode not in (0, 1):
        raise SystemExit(f"lkip-audit {' '.join(args)} failed ({p.returncode}): {p.stderr.decode()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, max(after.ru_maxrss, before.ru_maxrss) / 1024


def big_pdf(path: Path, pages: int) -> None:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(PDF))
    out = pdfium.PdfDocument.new()
    n = len(src)
    while len(out) < pages:
        take = list(range(min(n, pages - len(out))))
        out.import_pages(src, take)
    out.save(str(path))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", type=int, default=200)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lkip-bench-pdf-"))
    try:
        folder_pdf = tmp / "pdf"
        folder_pdf.mkdir()
        for p in SAMPLES.glob("*.xlsx"):
            shutil.copy(p, folder_pdf / p.name)
        shutil.copy(PDF, folder_pdf / PDF.name)
        big = tmp / "big.pdf"
        big_pdf(big, a.pages)
        cases = {
            "docx": ["check", str(SAMPLES / "lkip-2024.docx"), "--format", "json"],
            "pdf": ["check", str(PDF), "--format", "json"],
            "folder_docx": ["check", str(SAMPLES), "--format", "json"],
            "folder_pdf": ["check", str(folder_pdf), "--format", "json"],
        }
        times: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(a.runs):
            for k, args in cases.items():
                times[k].append(run(args)[0])
        big_runs = [run(["check", str(big), "--format", "json"]) for _ in range(a.runs)]
        med = {k: statistics.median(v) for k, v in times.items()}
        big_wall = statistics.median(w for w, _ in big_runs)
        big_rss = max(m for _, m in big_runs)

        sys.path.insert(0, str(ROOT))
        from auditor.readers.pdf import read_pdf
        t = time.perf_counter()
        read_pdf(str(big))
        read_only = time.perf_counter() - t
        res = {
            "runs": a.runs, "pages": a.pages, "load": os.getloadavg(),
            "median_s": med, "all_s": times,
            "f1_pdf_vs_docx": med["pdf"] / med["docx"],
            "f2_folder_pdf_vs_docx": med["folder_pdf"] / med["folder_docx"],
            "f3_big_wall_s": big_wall, "f3_big_peak_rss_mb": big_rss,
            "pages_per_s_process": a.pages / big_wall, "pages_per_s_reader": a.pages / read_only,
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "pdf.json").write_text(json.dumps(res, indent=1))
    print(f"f1 sample PDF {med['pdf']:.2f} s vs .docx {med['docx']:.2f} s: {res['f1_pdf_vs_docx']:.2f} x (<= 3)")
    print(f"f2 folder with PDF {med['folder_pdf']:.2f} s vs with .docx {med['folder_docx']:.2f} s: "
          f"{res['f2_folder_pdf_vs_docx']:.2f} x (<= 3)")
    print(f"f3 {a.pages}-page PDF {big_wall:.2f} s (< 20), peak {big_rss:.0f} MB (< 1024); "
          f"{res['pages_per_s_process']:.0f} pages/s whole process, {res['pages_per_s_reader']:.0f} pages/s reader")


if __name__ == "__main__":
    main()
