"""Is coverage honest? Change covered numbers one at a time and see whether a finding points at them.

A numeric cell counts as covered when some check compared it (auditor/coverage.py). That claim is
tested here the way mutation testing tests a test suite: each covered cell of a folder is changed in
memory — one digit changed, two adjacent digits swapped, ±10 % — the folder is audited again, and the
change counts as detected when a finding that was not there before is located at the cell, lists it
as related, or names an aggregate it feeds (a SIPD export line: the sum of its sub kegiatan, shown at
the sum's first line); or when a finding that did so is gone (the change undid a reported error). Every mutation changes the value by at least two units of the last digit the
cell shows (a digit of the shown text, the last one by 2 or more; ±10 % rounded to the shown decimals,
at least 2 units, and not applied to a zero): two numbers rounded to the same precision legitimately agree within one unit
(XBRL intervals: 666 and 667 may both be 666,5), so a smaller change may rightly go unnoticed.

The folder is read once; a mutation changes one value of its Grid, detection runs again for that
sheet only, then the rules (engine.build_report). tests/test_mutation.py runs a fixed, seeded sample
of cells; this script runs them all:

    python bench/mutation.py samples/kalisat-2024 [--kinds digit,swap,pct] [--limit N] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

if __package__ in (None, ""):       # run as a script: the repository root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

KINDS = ("digit", "swap", "pct")
_A1 = re.compile(r"^([A-Z]+)([0-9]+)$")
_NUM = re.compile(r"\d[\d.,]*")


@dataclass(frozen=True)
class Target:
    path: str
    sheet: str
    addr: str


class Folder:
    """A folder read once, audited again after each in-memory change."""

    def __init__(self, paths: list[str]):
        from auditor.loader import load_all
        from auditor.rules import apply_config, load_rules
        self.paths = paths
        self.files, self.skipped = load_all(paths)
        self.rules = load_rules()
        apply_config(self.rules, {})
        self.baseline = self.run()
        self.known = {f["fingerprint"] for f in self.baseline["findings"]}
        self.ledger = self.marks()

    def run(self) -> dict:
        from auditor.engine import build_report
        from auditor.scales import settings_from
        return build_report(self.paths, self.files, self.skipped, self.rules, settings_from({}), lang="en")

    def marks(self):
        """The ledger of an audit of the folder as read (which cells the checks compared)."""
        from auditor.engine import Context, run_rules
        from auditor.scales import settings_from
        settings = settings_from({})
        ctx = Context(files=self.files, lang="en", settings=settings)
        from auditor.periods.years import file_years     # as engine.build_report sets the report's year
        _, ctx.year = file_years(self.files, self.paths[0] if len(self.paths) == 1 else None)
        settings.resolve(ctx)
        run_rules(ctx, self.rules)
        ctx.cache.clear()
        return ctx.ledger

    def covered(self) -> list[Target]:
        """Every covered numeric cell, in a fixed order (file, table, column, row)."""
        out: dict[Target, None] = {}
        led = self.ledger
        for f in self.files:
            for t in f.tables:
                for addr in _numeric_addrs(t):
                    if led.covered(t.path, t.sheet, addr):
                        out.setdefault(Target(t.path, t.sheet, addr))
        return list(out)

    def grid_of(self, target: Target):
        for f in self.files:
            if f.path == target.path:
                for t in f.tables:
                    if t.sheet == target.sheet:
                        return f, t.grid
        raise KeyError(target)

    def mutate(self, target: Target, kind: str, rng: random.Random) -> tuple[object, object] | None:
        """Audit the folder with `target` changed by `kind`; (old value, new value) and the report, or
        None when the mutation does not apply (no two different adjacent digits to swap)."""
        from auditor.tables.detect import detect_tables
        f, g = self.grid_of(target)
        m = _A1.match(target.addr)
        c = _col_index(m.group(1)) - g.col0
        r = int(m.group(2)) - g.row0
        old = g.values[r][c]
        new = mutated(old, kind, rng, g.formats.get((r, c)))
        if new is None or new == old:
            return None
        before = f.tables
        g.values[r][c] = new
        try:
            fresh, _ = detect_tables(g)
            f.tables = [t for t in before if t.grid is not g]
            # keep the file's table order: the sheet's tables where they were
            at = next((i for i, t in enumerate(before) if t.grid is g), len(f.tables))
            f.tables[at:at] = fresh
            report = self.run()
        finally:
            g.values[r][c] = old
            f.tables = before
        return (old, new), report

    def detected(self, target: Target, report: dict) -> bool:
        """A finding that was not there before points at the cell (or at a sum it is a line of) - or
        one that pointed at it is gone: the change happened to undo an error already reported (Tabel
        1.2's Jumlah is 6 more than its rows; a row made 6 larger agrees with it)."""
        anchors = set(self.ledger.stands_for(target.path, target.sheet, target.addr))
        spots = {(target.path, target.sheet, a) for a in anchors | {target.addr}}
        now = {fnd["fingerprint"]: fnd for fnd in report["findings"]}
        for fnd in report["findings"]:
            if fnd["fingerprint"] not in self.known and _points_at(fnd, spots):
                return True
        for fnd in self.baseline["findings"]:
            if fnd["fingerprint"] not in now:
                if _points_at(fnd, spots):
                    return True
            elif _also_in(fnd, target) - _also_in(now[fnd["fingerprint"]], target):
                return True     # the same finding of the target's table, folded into this one, is gone
        return False


def _points_at(fnd: dict, spots: set) -> bool:
    loc = fnd["location"]
    if (loc.get("path"), loc.get("sheet"), loc.get("cell")) in spots:
        return True
    return any((x.get("path"), x.get("sheet"), x.get("cell")) in spots for x in fnd.get("related") or ())


def _also_in(fnd: dict, target: Target) -> set:
    """The places in the target's table where the same finding was also stated (engine.dedupe)."""
    return {(x.get("path"), x.get("sheet"), x.get("cell")) for x in fnd.get("related") or ()
            if x.get("role") == "also_in" and (x.get("path"), x.get("sheet")) == (target.path, target.sheet)}


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _numeric_addrs(t) -> list[str]:
    if t.source is not None:
        return [e[3] for canon, (_, is_num, _) in t.source.where.items() if is_num
                for e in t.column(canon) if e is not None and e[1] is not None]
    return [c.addr for row in t.rows for c in row.cells.values() if c.num is not None]


# -- mutations ------------------------------------------------------------------------------------------
def mutated(value, kind: str, rng: random.Random, number_format: str | None = None):
    """`value` changed by `kind`, by more than its shown precision; None when it does not apply."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _mutate_number(value, kind, rng, number_format)
    if isinstance(value, str):
        return _mutate_text(value, kind, rng)
    return None


def _mutate_number(value, kind, rng, number_format):
    from auditor.numbers import parse_cell
    shown = parse_cell(value, number_format)
    if shown is None:
        return None
    dec = shown.decimals
    scale = Decimal(100) if shown.percent else Decimal(1)     # a % format shows value × 100
    text = format(abs(shown.value), "f")
    if kind == "pct":
        if shown.value == 0:
            return None             # ±10 % of nothing: no change (a digit change covers zeros)
        step = Decimal(1).scaleb(-dec)
        new = (shown.value * Decimal("1.1" if rng.random() < 0.5 else "0.9")).quantize(step, ROUND_HALF_UP)
        if abs(new - shown.value) < 2 * step:
            new = shown.value + 2 * step
    else:
        new_text = _digit_change(text, rng) if kind == "digit" else _swap(text, rng)
        if new_text is None:
            return None
        new = Decimal(new_text) * (1 if shown.value >= 0 else -1)
    new = new / scale
    if isinstance(value, int) and new == new.to_integral_value():
        return int(new)
    return float(new)


def _digit_change(text: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not spots:
        return None
    i = rng.choice(spots)
    d = int(text[i])
    choices = [x for x in range(10) if x != d and not (x == 0 and i == 0 and len(spots) > 1 and text[0] != "0")]
    if i == spots[-1]:
        choices = [x for x in choices if abs(x - d) >= 2]     # at least 2 units of the last shown digit
    return text[:i] + str(rng.choice(choices)) + text[i + 1:]


def _swap(text: str, rng: random.Random) -> str | None:
    pairs = [i for i in range(len(text) - 1) if text[i].isdigit() and text[i + 1].isdigit()
             and text[i] != text[i + 1] and not (i == 0 and text[1] == "0")]
    if not pairs:
        return None
    i = rng.choice(pairs)
    return text[:i] + text[i + 1] + text[i] + text[i + 2:]


def _mutate_text(value: str, kind: str, rng: random.Random) -> str | None:
    """A number written as text (a Word table, an export's '1.234.567'): its digits changed in place,
    or ±10 % written back in the same style."""
    from auditor.numbers import format_id, parse_text
    m = _NUM.search(value)
    if m is None or parse_text(value) is None:
        return None
    span = m.group(0)
    if kind == "pct":
        n = parse_text(value)
        if n.value == 0:
            return None             # ±10 % of nothing: no change (a digit change covers zeros)
        step = Decimal(1).scaleb(-n.decimals)
        new = (n.value * Decimal("1.1" if rng.random() < 0.5 else "0.9")).quantize(step, ROUND_HALF_UP)
        if abs(new - n.value) < 2 * step:
            new = n.value + 2 * step
        out = format_id(abs(new), n.decimals)
        return value[:m.start()] + out + value[m.end():]
    new_span = _digit_change(span, rng) if kind == "digit" else _swap(span, rng)
    if new_span is None:
        return None
    return value[:m.start()] + new_span + value[m.end():]


# -- a run --------------------------------------------------------------------------------------------
def measure(folder: Folder, targets: list[Target], kinds=KINDS, seed: int = 13, progress=None) -> dict:
    """Mutate each target by each kind; the detection rate and every miss."""
    tried = found = 0
    misses = []
    per_kind = {k: [0, 0] for k in kinds}
    for i, t in enumerate(targets):
        for kind in kinds:
            rng = random.Random(f"{seed}:{t.path}:{t.sheet}:{t.addr}:{kind}")
            got = folder.mutate(t, kind, rng)
            if got is None:
                continue
            (old, new), report = got
            tried += 1
            per_kind[kind][0] += 1
            if folder.detected(t, report):
                found += 1
                per_kind[kind][1] += 1
            else:
                misses.append({"path": t.path, "sheet": t.sheet, "cell": t.addr, "kind": kind,
                               "old": str(old), "new": str(new)})
        if progress:
            progress(i + 1, len(targets), tried, found)
    return {"cells": len(targets), "mutations": tried, "detected": found,
            "rate": round(100 * found / tried, 1) if tried else None,
            "by_kind": {k: {"mutations": a, "detected": b} for k, (a, b) in per_kind.items()}, "misses": misses}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--limit", type=int, default=0, help="a seeded sample of this many covered cells (0: all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", help="write the result (with every miss) here")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    folder = Folder(a.paths)
    targets = folder.covered()
    if a.limit and a.limit < len(targets):
        targets = sorted(random.Random(a.seed).sample(targets, a.limit), key=targets.index)
    cov = folder.baseline["summary"]["coverage"]
    print(f"coverage: {cov['checked']}/{cov['numbers']} numbers checked ({cov['percent']} %); "
          f"mutating {len(targets)} covered cells", file=sys.stderr)

    def progress(i, n, tried, found):
        if i % 50 == 0 or i == n:
            print(f"  {i}/{n} cells, {found}/{tried} mutations detected ({time.perf_counter() - t0:.0f} s)",
                  file=sys.stderr)
    res = measure(folder, targets, tuple(a.kinds.split(",")), a.seed, progress)
    res["coverage"] = {k: cov[k] for k in ("numbers", "checked", "percent")}
    res["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps({k: v for k, v in res.items() if k != "misses"}, indent=1))
    for m in res["misses"][:40]:
        print(f"missed: {Path(m['path']).name} {m['sheet']}!{m['cell']} {m['kind']} {m['old']} -> {m['new']}")
    if len(res["misses"]) > 40:
        print(f"… {len(res['misses']) - 40} more misses")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
