"""`text`: claims in the narrative (numbers, predikat words, table numbers, placeholders) against the facts.

One check kind with a ``mode`` per rule; the sentence analysis (auditor/text/claims.py) runs once per audit
and every mode reports its own verdicts:

* ``budget``      — Rupiah amounts and percentages about the SKPD's pagu / realisasi / serapan, belanja
                    operasi and modal, and a named program's anggaran, against the tables (JUMLAH row, SIPD);
* ``arithmetic``  — a sentence that contradicts its own arithmetic: a difference, a total and its parts, the
                    percentages of a partition, a change between two years, a share of the whole budget, a
                    figure and its words, a breakdown list that does not add up to the total before it;
* ``predikat``    — a sasaran's predikat word and capaian in the text against the measurement table and the
                    active scale (the document's own Tabel 3.1 when it states one);
* ``table_ref``   — references to tables that do not exist, and a table citing itself as its source;
* ``placeholder`` — unfilled template gaps ("Rp.....", "sebanyak indikator …"), outside the tables of contents;
* ``count``       — counts of programs/kegiatan/sub kegiatan, of indicators per predikat, of staff.

A number is judged only when it is tied without ambiguity; everything else is listed, with the reason, by
``lkip-audit inspect --claims``. Findings are located by section (``sheet``), sentence (``quote``) and the
nearest table caption (``caption``).
"""
from __future__ import annotations

from .base import Param

MODES = ("budget", "arithmetic", "predikat", "table_ref", "placeholder", "count")

DOC = "Numbers and predikat words in the narrative agree with the tables and with their own arithmetic."
PARAMS = {
    "mode": Param(str, required=True, choices=MODES, doc="which kind of claim this rule judges: " + ", ".join(MODES)),
}


def run(rule, ctx):
    from ..text.claims import analyse   # lazily: auditor.text imports the package this module belongs to

    tol = rule.tolerance
    an = analyse(ctx, tol if (tol.mode != "round" or tol.absolute) else None)
    mode = rule.params["mode"]
    for c in an.claims:
        if c.mode == mode and c.used:
            ctx.mark_facts(*c.used)
    for v in an.verdicts(mode):
        fields = v.message_fields(ctx.lang)
        if rule.text(rule.message, ctx.lang).startswith("{what}") and fields.get("what"):
            fields["what"] = fields["what"][:1].upper() + fields["what"][1:]
        yield rule.emit(ctx, v.location(), reported=v.reported, expected=v.expected, imbalance=v.imbalance,
                        related=v.related, diagnosis=v.diagnosis_text(ctx.lang), **fields)
    if mode in an.errors:   # after the verdicts that could be made: reported by the engine as "rule crashed"
        raise an.errors[mode]
