"""`wording`: a statement of one level worded as another's within a document.

Mode `tujuan_as_sasaran`: a tujuan whose wording is, after normalisation (case, punctuation, "Sasaran
1 :" prefixes), exactly a sasaran of the same document (the seed's Renstra: Tujuan 1 "Meningkatnya
kualitas pengelolaan keuangan dan aset daerah …" is word for word its Sasaran 6). A tujuan is the
condition the sasaran lead to; the same words at both levels mean one of them was copied. Sasaran of
the RPJMD (table kind `rpjmd`) are not compared: a perangkat daerah's tujuan taking up a regional
sasaran is the cascade working as intended. One finding per tujuan wording and document, at its first
cell; the sasaran's cell is related.
"""
from __future__ import annotations

from ..model import Related
from .base import Param, location

DOC = "A tujuan is not worded as one of its document's sasaran."
PARAMS = {
    "mode": Param(str, "tujuan_as_sasaran", choices=("tujuan_as_sasaran",)),
    "exclude": Param(list, ["rpjmd"], doc="table kinds whose sasaran belong to another level (RPJMD)"),
}


def run(rule, ctx):
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
