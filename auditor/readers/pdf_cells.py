"""The cells that ruling intersections describe: pdfplumber's `intersections_to_cells`, same result,
without its quadratic work.

pdfplumber (MIT licence) rebuilds the set of edges at both points each time it asks whether two
intersections are joined by an edge, and finds the points below and to the right of each point by
scanning all later points. On a page of tables (the sample LKIP's pages hold a few hundred
intersections) that was a third of the PDF reader's time. Here each point's edge sets are built once
and the points are grouped by column and by row; the search order is pdfplumber's, so the cells (and
their order) are the same: tests/test_pdf_cells.py compares the two on the sample and on generated
grids.
"""
from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

_BBOX = itemgetter("x0", "top", "x1", "bottom")       # pdfplumber.utils.obj_to_bbox


def intersections_to_cells(intersections: dict) -> list[tuple]:
    if any(x != x or y != y for x, y in intersections):       # NaN: no grouping by equal keys; pdfplumber's way
        from pdfplumber.table import intersections_to_cells as slow
        return slow(intersections)
    v_sets = {p: {_BBOX(e) for e in d["v"]} for p, d in intersections.items()}
    h_sets = {p: {_BBOX(e) for e in d["h"]} for p, d in intersections.items()}

    def connects(p1, p2) -> bool:
        if p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]):
            return True
        return p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])

    points = sorted(intersections)
    # the later points of the same x (below, in the sorted order: by top) and of the same top (to the right)
    cols: dict = {}
    rows: dict = {}
    for p in points:
        cols.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    cells = []
    for i, pt in enumerate(points[:-1]):
        col, row = cols[pt[0]], rows[pt[1]]
        below = col[bisect_right(col, pt):]
        right = row[bisect_right(row, pt):]
        found = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if (bottom_right in intersections and connects(bottom_right, right_pt)
                        and connects(bottom_right, below_pt)):
                    found = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells
