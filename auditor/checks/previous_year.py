"""`previous_year`: an earlier year given for comparison that is not earlier (or whose year is unknown)
is said to be not compared, never silently ignored."""
from __future__ import annotations

from ..model import Location, Related

DOC = "A folder given as the previous year that is not an earlier year than the report is named, not compared."
PARAMS: dict = {}


def run(rule, ctx):
    for prev in ctx.previous:
        if prev.year is not None and ctx.year is not None and prev.year < ctx.year:
            continue
        first = prev.files[0].path if prev.files else ""
        rel = [Related(path=f.path, sheet=None, cell=None, value=None, role="previous_year") for f in prev.files[:8]]
        yield rule.emit(ctx, Location(path=first), reported=prev.year, expected=ctx.year, related=rel,
                        previous_year=str(prev.year or "?"), year=str(ctx.year or "?"))
