"""`input`: problems with the inputs themselves, found while reading (IN family).

The reader and detector record what they could not use (an unreadable file, a formula with no
cached value, an Excel error in a table); this check kind turns them into findings under the rule's
own severity, so a user can re-grade or disable them like any other rule. `schema` mode validates the
canonical frames with pandera (one call per table kind per folder).
"""
from __future__ import annotations

from .base import Param

DOC = "Reports what could not be read or trusted in the inputs."
PARAMS = {
    "mode": Param(str, "problems", choices=("problems", "schema", "no_tables")),
}


def warm(rule) -> None:
    """What `schema` mode will import, done early (engine.warm: while the first file is parsed)."""
    if rule.params["mode"] == "schema":
        import pandas  # noqa: F401
        import pandera.pandas  # noqa: F401


def run(rule, ctx):
    mode = rule.params["mode"]
    if mode == "problems":
        for f in ctx.files:
            for p in f.problems:
                if p.rule == rule.code:
                    p.severity = rule.severity
                    p.name = rule.name
                    p.message = rule.render(ctx.lang, reason=p.message, fmt=f.format or "?", reasons="")
                    yield p
    elif mode == "schema":
        from ..frames import build_frames, validate
        for p in validate(build_frames(ctx.all_tables())):
            p.rule, p.name, p.severity = rule.code, rule.name, rule.severity
            yield p
    else:
        for f in ctx.files:
            if not f.error and not any(t.kind_def is None for t in f.tables):   # generic tables: no kind
                yield rule.emit(ctx, _loc(f.path), reported=f.format or "?", fmt=f.format or "?",
                                reasons="; ".join(f"{u.sheet}: {u.reason}" for u in f.unrecognised[:3]))


def _loc(path):
    from ..model import Location
    return Location(path=path)
