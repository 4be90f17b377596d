"""`input`: problems with the inputs themselves, found while reading (IN family).

The reader and detector record what they could not use (an unreadable file, a formula with no
cached value, an Excel error in a table); this check kind turns them into findings under the rule's
own severity, so a user can re-grade or disable them like any other rule. `schema` mode validates the
canonical frames (auditor.frames: pandera, when a value is not plainly inside the schema).
"""
from __future__ import annotations

from .base import Param

DOC = "Reports what could not be read or trusted in the inputs."
PARAMS = {
    "mode": Param(str, "problems", choices=("problems", "schema", "no_tables", "conventions")),
}

# how a convention is said, per language (tables.conventions, checks.ratio)
CONVENTION_WORDS = {
    "fraction": {"id": "persentase ditulis sebagai pecahan (0,85 = 85 %)",
                 "en": "percentages written as fractions (0.85 = 85 %)"},
    "dash_zero": {"id": "\"-\" dibaca sebagai nol", "en": "\"-\" read as zero"},
}
UNIT_WORDS = {3: {"id": "ribuan rupiah", "en": "thousands of Rupiah"}, 6: {"id": "jutaan rupiah", "en": "millions of Rupiah"},
              9: {"id": "miliaran rupiah", "en": "billions of Rupiah"}}


def run(rule, ctx):
    # coverage: nothing marked - a schema notices only values outside its ranges, not a changed number
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
        from ..frames import validate_tables
        for p in validate_tables(ctx.all_tables()):
            p.rule, p.name, p.severity = rule.code, rule.name, rule.severity
            yield p
    elif mode == "conventions":
        yield from conventions(rule, ctx)
    else:
        for f in ctx.files:
            if getattr(f, "same_as", None):
                continue     # a PDF rendering the .docx beside it: its tables are that file's (readers.twin)
            # a PDF of scanned pages only has its own finding (IN020) saying nothing in it was audited
            scanned_only = getattr(f, "pages", None) and not f.paragraphs and any(p.rule == "IN020" for p in f.problems)
            # generic tables (a header of no known kind) do not count as a recognised table
            if not f.error and not any(t.kind_def is None for t in f.tables) and not scanned_only:
                yield rule.emit(ctx, _loc(f.path), reported=f.format or "?", fmt=f.format or "?",
                                reasons="; ".join(f"{u.sheet}: {u.reason}" for u in f.unrecognised[:3]))


def conventions(rule, ctx):
    """One info per table whose numbers are read by a convention of their own (judged once per column
    by detection and by the checks that ran before this rule)."""
    from dataclasses import replace

    from .base import location
    lang = "en" if ctx.lang == "en" else "id"
    for t in ctx.all_tables():
        said = []
        for col, conv in sorted(t.conventions.items(), key=lambda kv: t.columns.get(kv[0], 0)):
            words = CONVENTION_WORDS.get(conv)
            if words:
                said.append(f"{t.headers.get(col, col)}: {words[lang]}")
        if t.unit_scale in UNIT_WORDS:
            said.append(("angka dalam " if lang == "id" else "amounts in ") + UNIT_WORDS[t.unit_scale][lang])
        if not said:
            continue
        loc = replace(location(t), cell=t.grid.addr(t.header[0], min(t.columns.values())))
        yield rule.emit(ctx, loc, reported="; ".join(sorted(set(t.conventions.values())) or ["unit"]),
                        conventions="; ".join(said))


def _loc(path):
    from ..model import Location
    return Location(path=path)
