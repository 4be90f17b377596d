"""A folder's data is freed when its audit ends (batch workers audit hundreds of folders in turn)."""
from __future__ import annotations

import gc
from collections import Counter

from auditor.engine import audit


def test_an_audit_leaves_no_cycle_holding_its_tables():
    """Reference counting alone must free the tables, rows and cells: with millions of them alive, a
    full collection comes rarely, and a worker would hold several folders at once."""
    audit(["samples/kalisat-2024"])           # imports and caches warmed
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        audit(["samples/kalisat-2024"])
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        kinds = Counter(type(o).__name__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    held = {k: n for k, n in kinds.items()
            if k in ("Table", "Row", "LazyRow", "FlatSource", "CellRef", "Grid", "Fact", "FactStore", "Context")}
    assert held == {}, held
    assert sum(kinds.values()) < 1000, kinds.most_common(10)   # the audit runs with the collector off


def test_the_collector_is_back_on_after_an_audit_even_a_failed_one(monkeypatch):
    import pytest

    from auditor import engine

    assert gc.isenabled()
    audit(["samples/kalisat-2024"])
    assert gc.isenabled()

    def broken(*a, **k):
        assert not gc.isenabled()          # off while the audit runs
        raise RuntimeError("boom")
    monkeypatch.setattr(engine, "build_report", broken)
    with pytest.raises(RuntimeError):
        audit(["samples/kalisat-2024"])
    assert gc.isenabled()
