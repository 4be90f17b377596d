"""readers.pdf_cells.intersections_to_cells gives pdfplumber's cells, in pdfplumber's order."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

PDF = Path(__file__).resolve().parent.parent / "samples" / "kalisat-2024-pdf" / "lkip-2024.pdf"


def _edge(x0, top, x1, bottom):
    o = "h" if top == bottom else "v"
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": o, "object_type": "line"}


def _grid(rng: random.Random) -> list[dict]:
    """Ruled grids with missing segments, merged cells, a second table beside or below, stray lines."""
    edges = []
    for _ in range(rng.randint(1, 3)):
        x0, y0 = rng.choice([0, 10, 300]), rng.choice([0, 10, 400])
        xs = [x0 + sum(rng.choice([20, 35, 50]) for _ in range(k)) for k in range(rng.randint(2, 7))]
        ys = [y0 + sum(rng.choice([12, 18]) for _ in range(k)) for k in range(rng.randint(2, 9))]
        for y in ys:
            for a, b in zip(xs, xs[1:]):
                if rng.random() > 0.15:
                    edges.append(_edge(a, y, b, y))
        for x in xs:
            for a, b in zip(ys, ys[1:]):
                if rng.random() > 0.15:
                    edges.append(_edge(x, a, x, b))
        if rng.random() < 0.5:
            edges.append(_edge(xs[0], ys[0], xs[-1], ys[0]))    # one long rule over segments
    for _ in range(rng.randint(0, 3)):
        x, y = rng.uniform(0, 500), rng.uniform(0, 600)
        edges.append(_edge(x, y, x + rng.uniform(5, 80), y))
    return edges


def test_same_cells_as_pdfplumber_on_generated_grids():
    table = pytest.importorskip("pdfplumber.table")
    from auditor.readers.pdf_cells import intersections_to_cells

    rng = random.Random(11)
    total = 0
    for _ in range(300):
        inter = table.edges_to_intersections(_grid(rng), 3, 3)
        want = table.intersections_to_cells(inter)
        assert intersections_to_cells(inter) == want
        total += len(want)
    assert total > 3000


def test_same_cells_as_pdfplumber_on_the_sample_pdf(monkeypatch):
    pytest.importorskip("pypdfium2")
    table = pytest.importorskip("pdfplumber.table")
    from auditor.readers import pdf as reader
    from auditor.readers import pdf_cells

    seen = []
    mine = pdf_cells.intersections_to_cells

    def both(inter):
        got = mine(inter)
        assert got == table.intersections_to_cells(inter)
        seen.append(len(got))
        return got

    monkeypatch.setattr(pdf_cells, "intersections_to_cells", both)
    reader.read_pdf(str(PDF))
    assert sum(seen) > 200


def test_nearest_bound_is_the_linear_scans():
    from auditor.readers.pdf import _index, _nearest

    rng = random.Random(5)
    for _ in range(2000):
        n = rng.randint(1, 12)
        bounds = sorted({round(rng.uniform(0, 600), rng.choice([0, 1, 3])) for _ in range(n)})
        for v in [rng.uniform(-20, 620) for _ in range(5)] + bounds + [(a + b) / 2 for a, b in zip(bounds, bounds[1:])]:
            assert _nearest(bounds, v) == _index(bounds, v), (bounds, v)
