"""The PDF page of each finding: a table cell's row, or the paragraph its sentence stands in.

Checks build locations from tables and sentences without knowing the file was a PDF; this step, run once
where findings are collected, adds the page from what the PDF reader recorded (``Grid.row_pages``,
``Paragraph.page``) so every output can show it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Finding, fingerprint

_WORDS = re.compile(r"\W+")
_ROW = re.compile(r"[A-Z]+(\d+)$")


def add_pages(findings: list[Finding], files) -> list[Finding]:
    pdfs = [f for f in files if getattr(f, "pages", None)]
    if not pdfs:
        return findings
    grids: dict[tuple[str, str], object] = {}
    paras: dict[str, list[tuple[str, int]]] = {}
    for f in pdfs:
        for t in f.tables:
            if t.grid.row_pages:
                grids[(f.path, t.grid.sheet)] = t.grid
        paras[f.path] = [(_WORDS.sub("", p.text).lower(), p.page) for p in f.paragraphs if p.page]
    for f in findings:
        loc = f.location
        if loc.page is not None or loc.path not in paras:
            continue
        page = None
        g = grids.get((loc.path, loc.sheet)) if loc.sheet else None
        m = _ROW.match(loc.cell or "")
        if g is not None and m:
            page = g.page_of(int(m.group(1)) - g.row0)
        elif loc.quote:
            q = _WORDS.sub("", loc.quote).lower()
            page = next((pg for text, pg in paras[loc.path] if q and q in text), None)
        if page is not None:
            f.location = replace(loc, page=page)
            f.fingerprint = fingerprint(f.rule, f.location, f.reported, f.expected)
    return findings
