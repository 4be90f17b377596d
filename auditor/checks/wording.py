"""`wording`: statements of a document worded as another one's.

Mode `sasaran_twice`: in one section of a document's narrative, two sasaran enumerated under
different numbers with the same wording ("Sasaran 5 : Meningkatnya penataan organisasi …" and "Sasaran
6 : Meningkatnya penataan organisasi …" in the seed's Ikhtisar, where Tabel 3.6 names Sasaran 6
"Meningkatnya kualitas pengelolaan keuangan …"): one of them carries the other's name. The name is
the text after "Sasaran N :" up to the first clause about its result ("mendapat predikat …", "dengan
…", "Hal ini …") or sentence end, compared normalised; within one table the same is NAME004's.

Mode `tujuan_as_sasaran`: a tujuan whose wording is, after normalisation (case, punctuation, "Sasaran
1 :" prefixes), exactly a sasaran of the same document (the seed's Renstra: Tujuan 1 "Meningkatnya
kualitas pengelolaan keuangan dan aset daerah …" is word for word its Sasaran 6). A tujuan is the
condition the sasaran lead to; the same words at both levels mean one of them was copied. Sasaran of
the RPJMD (table kind `rpjmd`) are not compared: a perangkat daerah's tujuan taking up a regional
sasaran is the cascade working as intended. One finding per tujuan wording and document, at its first
cell; the sasaran's cell is related.
"""
from __future__ import annotations

import re

from ..model import Location, Related
from .base import Param, location

DOC = "A tujuan is not worded as one of its document's sasaran; two sasaran of a list have two names."
PARAMS = {
    "mode": Param(str, "tujuan_as_sasaran", choices=("tujuan_as_sasaran", "sasaran_twice")),
    "exclude": Param(list, ["rpjmd"], doc="table kinds whose sasaran belong to another level (RPJMD)"),
}


# "Sasaran 5* : name …", "- Sasaran Strategis 6 : name …"
_LISTED = re.compile(r"^\W*sasaran(?:\s+strategis)?\s*(\d{1,2})\s*\*?\s*[:.\-\u2013]\s*(.+)", re.I | re.S)
# where the name ends: the clause about its result, or the sentence
_NAME_END = re.compile(r"\s+(?:mendapat|memperoleh|dengan|dapat|yang\s+tergolong|hal\s+ini|tercapai)\b|[.;:](?:\s|$)",
                       re.I)


def run(rule, ctx):
    if rule.params["mode"] == "sasaran_twice":
        yield from _twice(rule, ctx)
        return
    from ..entities import normalise
    exclude = set(rule.params["exclude"])
    for f in ctx.files:
        sasaran: dict[str, tuple] = {}
        for t in f.tables:
            if t.kind in exclude or "sasaran" not in t.columns:
                continue
            for row in t.rows:
                c = row.cells.get("sasaran")
                if c is not None and c.text:
                    sasaran.setdefault(normalise(c.text), (t, c))
        if not sasaran:
            continue
        done = set()
        for t in f.tables:
            if "tujuan" not in t.columns:
                continue
            for row in t.rows:
                c = row.cells.get("tujuan")
                if c is None or not c.text:
                    continue
                n = normalise(c.text)
                if not n or n not in sasaran or n in done:
                    continue
                done.add(n)
                st, sc = sasaran[n]
                yield rule.emit(ctx, location(t, row, c), reported=c.text, expected=None,
                                related=[Related(path=st.path, sheet=st.sheet, cell=sc.addr, value=sc.text,
                                                 role="other_source", label=st.caption or st.kind)],
                                reported_text=c.text, sheet=st.caption or st.sheet, cell=sc.addr)


def _twice(rule, ctx):
    from ..entities import normalise
    lists: dict[tuple, dict[str, tuple]] = {}
    for p in ctx.paragraphs():
        m = _LISTED.match(p.text or "")
        if m is None:
            continue
        number, rest = m.group(1), m.group(2)
        cut = _NAME_END.search(rest)
        name = (rest[:cut.start()] if cut else rest).strip()
        key = normalise(name)
        if len(key.split()) < 3:
            continue                       # too short to be a sasaran's name ("Sasaran 5: 85%")
        seen = lists.setdefault((p.path, tuple(p.section)), {})
        first = seen.get(key)
        if first is None:
            seen[key] = (number, name, p)
            continue
        if first[0] == number:
            continue                       # the same sasaran mentioned again
        loc = Location(path=p.path, sheet=p.section_label, caption=p.near_table, quote=p.text[:400],
                       row_label=f"Sasaran {number}")
        yield rule.emit(ctx, loc, reported=name, expected=None,
                        related=[Related(path=p.path, sheet=first[2].section_label, cell=None, value=first[1],
                                         role="other_source", label=f"Sasaran {first[0]}")],
                        number=number, other=first[0], reported_text=name)
