"""Benchmark corpus: many kecamatan folders derived from ``samples/kalisat-2024``.

Layout (under the corpus directory, ``bench/out/corpus`` by default)::

    pool/v00 .. v15/   variants of every sample workbook: Rupiah values scaled by a factor, a few
                       cells changed, tables moved down/right, sheet order shuffled (openpyxl)
    big/sipd-realisasi-20k.xlsx     20,000-row SIPD realisasi export (45 columns, write_only)
    big100k/sipd-realisasi-100k.xlsx  100,000 rows, audited alone
    batch-<N>/kec-0000 .. kec-<N-1>/  N folders of hard links into pool/ and big/

Each folder takes, for every sample file, one variant of the pool (seeded by the folder number), so
no two folders of a batch are alike; about 1 in 5 has no .docx and 1 in 10 carries the 20,000-row
realisasi export instead of the sample's 409 rows. Files are hard links (copies where the file
system refuses), so a 400-folder corpus costs little disk. Everything is deterministic; a stamp
file records what was generated, and the corpus is rebuilt only when the samples or this
generator change.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys
import warnings
from pathlib import Path

GENERATOR_VERSION = 3
POOL = 16
BIG_ROWS = 20_000
HUGE_ROWS = 100_000
NO_DOCX_EVERY = 5        # folder i has no docx when i % 5 == 3
BIG_EVERY = 10           # folder i carries the 20k-row export when i % 10 == 7
FLAT_EXPORTS = ("sipd-realisasi-2024.xlsx", "sipd-rekap-pagu-2024.xlsx")   # always start at A1


def _stamp(sample: Path, sizes: list[int]) -> dict:
    h = hashlib.sha1()
    for p in sorted(sample.iterdir()):
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    h.update(Path(__file__).read_bytes())
    return {"version": GENERATOR_VERSION, "samples": h.hexdigest(), "sizes": sorted(sizes)}


def _link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


# ---------------------------------------------------------------------------------------- variants

def _is_money(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) >= 1000 \
        and not (isinstance(v, int) and 1900 <= v <= 2100)


def _shift_sheet(ws, dr: int, dc: int) -> None:
    """Move everything on the sheet dr rows down and dc columns right, merged ranges included."""
    if not (dr or dc) or ws.max_row < 1:
        return
    merged = [str(r) for r in ws.merged_cells.ranges]
    for rng in merged:
        ws.unmerge_cells(rng)
    ws.move_range(ws.dimensions, rows=dr, cols=dc, translate=True)
    from openpyxl.worksheet.cell_range import CellRange
    for rng in merged:
        cr = CellRange(rng)
        cr.shift(col_shift=dc, row_shift=dr)
        ws.merge_cells(cr.coord)


def make_variant(src: Path, dst: Path, seed: int) -> None:
    """One variant of a sample workbook (see the module docstring)."""
    import openpyxl

    rng = random.Random(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(src)
    factor = rng.choice([0.5, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0])
    numeric = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                v = c.value
                if _is_money(v):
                    if factor != 1.0:
                        c.value = round(v * factor) if isinstance(v, int) or float(v).is_integer() else v * factor
                    numeric.append(c)
    for c in rng.sample(numeric, min(3, len(numeric))):        # a few cells that no longer add up
        c.value = round(c.value * rng.uniform(0.95, 1.05))
    if src.name not in FLAT_EXPORTS:
        dr, dc = rng.choice([(0, 0), (0, 0), (2, 0), (0, 1), (3, 2), (1, 1)])
        for ws in wb.worksheets:
            _shift_sheet(ws, dr, dc)
        if len(wb.worksheets) > 1 and rng.random() < 0.5:
            rng.shuffle(wb._sheets)
            wb.active = 0
    wb.save(dst)


# ---------------------------------------------------------------------------------------- SIPD export

def write_big_realisasi(sample_xlsx: Path, dst: Path, rows: int, seed: int = 7) -> None:
    """A SIPD 'Laporan Realisasi Per Dokumen' export of `rows` rows in the sample's 45-column layout."""
    import python_calamine as pc
    from openpyxl import Workbook

    wb_in = pc.CalamineWorkbook.from_path(str(sample_xlsx))
    name = wb_in.sheet_names[0]
    data = wb_in.get_sheet_by_name(name).to_python()
    header, body = data[0], [r for r in data[1:] if any(v not in ("", None) for v in r)]
    money = [i for i, h in enumerate(header) if str(h).startswith("Nilai")]
    doc_col = header.index("Nomor Dokumen") if "Nomor Dokumen" in header else None
    rng = random.Random(seed)
    tmp = dst.with_suffix(".tmp.xlsx")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(name)
    ws.append(header)
    for i in range(rows):
        src = body[i % len(body)]
        row = []
        for j, v in enumerate(src):
            if v == "":
                v = None
            elif j in money and isinstance(v, (int, float)) and v:
                v = round(v * rng.uniform(0.2, 1.8))
            elif j == doc_col and isinstance(v, str):
                v = v.replace("/M/", f"/M{i // len(body)}/")
            elif isinstance(v, float) and v.is_integer():
                v = int(v)
            row.append(v)
        ws.append(row)
    wb.save(tmp)
    os.replace(tmp, dst)


# ---------------------------------------------------------------------------------------- corpus

def build(sample: Path, root: Path, sizes: list[int], *, big: bool = True, log=print) -> dict:
    """Make sure the corpus under `root` exists for these batch sizes; returns paths."""
    root.mkdir(parents=True, exist_ok=True)
    stamp_path = root / "stamp.json"
    want = _stamp(sample, sizes)
    try:
        have = json.loads(stamp_path.read_text())
    except (OSError, ValueError):
        have = None
    files = sorted(p.name for p in sample.iterdir() if p.is_file() and p.suffix in (".xlsx", ".docx"))
    paths = {"pool": root / "pool", "big": root / "big" / "sipd-realisasi-20k.xlsx",
             "huge_dir": root / "big100k", "huge": root / "big100k" / "sipd-realisasi-100k.xlsx",
             "batches": {n: root / f"batch-{n}" for n in sizes}}
    same_base = have is not None and {k: have.get(k) for k in ("version", "samples")} == \
        {k: want[k] for k in ("version", "samples")}
    if same_base and all(p.is_dir() for p in paths["batches"].values()) \
            and (not big or (paths["big"].is_file() and paths["huge"].is_file())):
        return paths
    t0 = dt.datetime.now()
    if not same_base:
        for sub in ["pool", "big", "big100k"] + [p.name for p in root.glob("batch-*")]:
            shutil.rmtree(root / sub, ignore_errors=True)
    pool = paths["pool"]
    if not (pool / f"v{POOL - 1:02d}").is_dir():
        log(f"corpus: {POOL} variants of {len(files)} sample files ...")
        for k in range(POOL):
            d = pool / f"v{k:02d}"
            tmp = pool / f"v{k:02d}.tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            for name in files:
                if name.endswith(".xlsx"):
                    make_variant(sample / name, tmp / name, seed=k * 1000 + files.index(name))
                else:
                    shutil.copy2(sample / name, tmp / name)
            os.replace(tmp, d)
    if big:
        real = sample / "sipd-realisasi-2024.xlsx"
        for target, n in ((paths["big"], BIG_ROWS), (paths["huge"], HUGE_ROWS)):
            if not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                log(f"corpus: writing {n:,}-row SIPD realisasi export {target.name} ...")
                write_big_realisasi(real, target, n)
    for n, bdir in paths["batches"].items():
        if bdir.is_dir():
            continue
        tmp = bdir.with_name(bdir.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        for i in range(n):
            rng = random.Random(100_000 + i)
            folder = tmp / f"kec-{i:04d}"
            folder.mkdir(parents=True)
            for name in files:
                if name.endswith(".docx") and i % NO_DOCX_EVERY == 3:
                    continue
                if name == "sipd-realisasi-2024.xlsx" and big and i % BIG_EVERY == 7:
                    _link(paths["big"], folder / name)
                    continue
                _link(pool / f"v{rng.randrange(POOL):02d}" / name, folder / name)
        os.replace(tmp, bdir)
    stamp_path.write_text(json.dumps(want))
    log(f"corpus ready in {(dt.datetime.now() - t0).total_seconds():.0f} s: {root}")
    return paths


def main() -> int:
    """python bench/corpus.py [ROOT] [--sizes 50,100,200,400]: build; print the paths as one JSON line."""
    import argparse

    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description="build the benchmark corpus")
    ap.add_argument("root", nargs="?", default=str(here / "out" / "corpus"))
    ap.add_argument("--sizes", default="50,100,200,400")
    ap.add_argument("--no-big", action="store_true", help="no 20k/100k-row exports")
    a = ap.parse_args()
    paths = build(here.parent / "samples" / "kalisat-2024", Path(a.root), [int(x) for x in a.sizes.split(",")],
                  big=not a.no_big, log=lambda m: print(m, file=sys.stderr))
    print(json.dumps({"pool": str(paths["pool"]), "big": str(paths["big"]), "huge": str(paths["huge"]),
                      "batches": {str(n): str(p) for n, p in paths["batches"].items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
