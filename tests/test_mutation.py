"""Coverage is honest: a covered number that changes produces a finding that points at it.

A fixed, seeded sample of the covered numeric cells of every sample file is changed one at a time in
memory (a digit changed, two adjacent digits swapped, ±10 %; each by at least two units of the last
shown digit, see bench/mutation.py) and the folder audited again; each change must give a new finding
located at the cell, listing it as related, or naming the SIPD sum the cell is a line of.
`python bench/mutation.py samples/kalisat-2024` runs every covered cell (README: the detection rate).
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.mutation import KINDS, Folder, Target, measure, mutated

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"
PER_FILE = 15


@pytest.fixture(scope="module")
def folder():
    return Folder([str(SAMPLES)])


def sample_targets(folder: Folder) -> list[Target]:
    covered = folder.covered()
    out = []
    for path in sorted({t.path for t in covered}):
        mine = [t for t in covered if t.path == path]
        out += random.Random(f"13:{Path(path).name}").sample(mine, min(PER_FILE, len(mine)))
    return out


def test_every_sampled_mutation_of_a_covered_cell_is_found(folder):
    targets = sample_targets(folder)
    assert len({t.path for t in targets}) == 8           # every sample file has covered cells
    res = measure(folder, targets, KINDS)
    assert res["mutations"] >= 2 * len(targets)
    assert res["misses"] == [], res["misses"]


def test_an_uncovered_cell_is_not_counted_and_its_change_unnoticed(folder):
    """The other side: the numbers of the Tabel 3.5 Rincian block that ties to no budget entity (IN007)
    are read but compared with nothing, so they are not covered - and changing one indeed changes no
    finding."""
    path = str(SAMPLES / "lkip-2024-tabel.xlsx")
    tab = next(t for f in folder.files if f.path == path for t in f.tables if t.range == "B74:F76")
    addr = next(c.addr for row in tab.rows for c in row.cells.values() if c.num is not None)
    t = Target(path, tab.sheet, addr)
    assert not folder.ledger.covered(t.path, t.sheet, t.addr)
    (_, report) = folder.mutate(t, "pct", random.Random(1))
    assert not folder.detected(t, report)
    assert {x["fingerprint"] for x in report["findings"]} == folder.known


@pytest.mark.parametrize("value, kind, want", [
    (1920536667, "pct", None), (0, "pct", None), (0, "digit", None), ("0,00", "pct", None), ("82,89", "pct", None), ("Rp1.234.567", "digit", None),
    (85, "swap", 58), (11, "swap", None), (3.5, "pct", None)])
def test_mutations_exceed_the_shown_precision(value, kind, want):
    from decimal import Decimal

    from auditor.numbers import parse_cell
    new = mutated(value, kind, random.Random(3))
    if want is not None:
        assert new == want
    if new is None:
        # 11: no two different digits to swap; ±10 % of zero is no change
        assert kind == "swap" or parse_cell(value).value == 0
        return
    a, b = parse_cell(value), parse_cell(new)
    unit = Decimal(1).scaleb(-a.decimals)
    assert abs(b.value - a.value) >= 2 * unit
