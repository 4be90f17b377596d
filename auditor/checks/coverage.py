"""`coverage`: what could not be audited, as findings — "no findings" is never silent about it.

Runs after every other check kind (`RUNS_LAST`): the cells they marked (engine.Context.mark) decide
which numbers took part in a check. Each rule lists the not-audited reasons it reports
(coverage.REASONS: `skipped`, `no_rows`, `no_check`, `unrecognised`, `other`, …); a reader that finds
something new to leave out appends a `coverage.NotAudited` to its file, and either names the reason
in a rule's `reasons` or reports it with a rule of its own (the PDF reader's scanned pages: IN020).
"""
from __future__ import annotations

import re

from .base import Param

RUNS_LAST = True
DOC = "Reports what no check could look at: skipped files, tables without rows, numbers never checked."
PARAMS = {
    "reasons": Param(list, required=True, doc="not-audited reasons this rule reports (coverage.REASONS)"),
}
PART = {"id": {"file": "berkas", "sheet": "lembar", "table": "tabel", "page": "halaman"},
        "en": {"file": "file", "sheet": "sheet", "table": "table", "page": "page"}}
_A1 = re.compile(r"^[A-Z]{1,3}[0-9]+")


def validate(where: str, params: dict) -> None:
    from ..coverage import REASONS
    from .base import ConfigError
    bad = [r for r in params["reasons"] if r not in REASONS]
    if bad:
        raise ConfigError(f"{where}: unknown reason(s) {', '.join(map(str, bad))} (known: {', '.join(REASONS)})")


def run(rule, ctx):
    from ..coverage import NOT_DOCUMENTS, NotAudited
    from ..model import Location
    wanted = set(rule.params["reasons"])
    lang = "en" if ctx.lang == "en" else "id"
    if "skipped" in wanted:
        for s in ctx.skipped:
            if s.get("reason") in NOT_DOCUMENTS:
                continue     # a lock file, a hidden file, a file already read under another name
            item = NotAudited("file", "skipped", detail=s.get("message") or s.get("reason", ""))
            yield _emit(rule, ctx, item, Location(path=s["path"]), lang, reported=s.get("reason"))
    for f, cov in zip(ctx.files, ctx.coverage()):
        # the same unrecognised header repeated over many sheets or Word tables (one form filled in
        # per indikator) is one finding at the first, naming the others; so are a document's tables
        # none of whose numbers was checked
        groups: dict[tuple, list] = {}
        known = any(t.kind != "generic" for t in f.tables)
        for item in cov["not_audited"]:
            if item.reason not in wanted or item.reason == "skipped":
                continue
            if item.reason == "unrecognised" and (not item.numbers or not known):
                continue     # prose (no numbers), or a file with no table of a known kind (IN003 says so)
            if item.reason == "unrecognised":
                key = (item.reason, item.what, item.detail)
            elif item.reason == "no_check" and item.what == "table":
                key = (item.reason, item.what)      # a document's tables none of whose numbers was checked
            else:
                key = (id(item),)
            groups.setdefault(key, []).append(item)
        for items in groups.values():
            item = items[0]
            if len(items) > 1:
                # unrecognised: the header they share, then where; unchecked tables: where (each one's own
                # detail only names it again)
                names = ", ".join(x.caption or x.sheet or "" for x in items)
                detail = f"{len(items)}×: {names}" if item.reason == "no_check" else \
                    f"{item.detail}; {len(items)}×: {names}"
                item = NotAudited(item.what, item.reason, sheet=item.sheet, where=item.where,
                                  numbers=sum(x.numbers for x in items), caption=item.caption, detail=detail)
            m = _A1.match(item.where or "")
            page = int(item.where) if item.what == "page" and (item.where or "").isdigit() else None
            loc = Location(path=f.path, sheet=item.sheet, cell=m.group(0) if m else None,
                           caption=item.caption or None, page=page)
            yield _emit(rule, ctx, item, loc, lang, reported=item.numbers or None)


def _emit(rule, ctx, item, loc, lang, reported=None):
    d = item.to_dict(lang)
    part = PART[lang].get(item.what, item.what)
    return rule.emit(ctx, loc, reported=reported, part=part, why=d["why"], action=d["action"],
                     detail=item.detail, numbers=item.numbers, where=item.where or item.sheet or "")
