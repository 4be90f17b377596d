"""`lkip-audit rules`: the catalogue and one rule's documentation, generated from the registry."""
from __future__ import annotations

from typing import TYPE_CHECKING

# rich is imported where a table or panel is drawn: `lkip-audit rules --format json` never needs it
if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

H = {
    "id": {"code": "Kode", "name": "Nama", "sev": "Tingkat", "check": "Jenis cek", "title": "Judul",
           "what": "Apa yang diperiksa", "why": "Mengapa penting", "fix": "Cara memperbaiki",
           "fail": "Contoh yang gagal", "pass": "Contoh yang lolos", "opts": "Opsi (params)",
           "expect": "temuan di sel", "none": "tidak ada temuan", "kind": "Jenis cek"},
    "en": {"code": "Code", "name": "Name", "sev": "Severity", "check": "Check kind", "title": "Title",
           "what": "What it does", "why": "Why it matters", "fix": "How to fix", "fail": "Failing example",
           "pass": "Passing example", "opts": "Options (params)", "expect": "findings at", "none": "no finding",
           "kind": "Check kind"},
}


def _h(lang, k):
    return H.get(lang, H["id"])[k]


def rule_dict(rule) -> dict:
    return {"code": rule.code, "name": rule.name, "check": rule.check, "severity": rule.severity,
            "family": rule.family, "title": rule.title, "doc": rule.doc, "params": rule.params,
            "message": rule.message, "examples": rule.examples, "enabled": rule.enabled}


def render_catalogue(rules: dict, lang: str, console: Console) -> None:
    from rich.table import Table

    tab = Table(title="lkip-audit rules", title_justify="left")
    tab.add_column(_h(lang, "code"), no_wrap=True, style="bold")
    tab.add_column(_h(lang, "name"), overflow="fold")
    tab.add_column(_h(lang, "sev"), no_wrap=True)
    tab.add_column(_h(lang, "check"), no_wrap=True)
    tab.add_column(_h(lang, "title"), overflow="fold")
    for r in rules.values():
        tab.add_row(r.code, r.name, r.severity, r.check, r.text(r.title, lang))
    console.print(tab)


def _example_table(ex: dict) -> list[Table]:
    """The example as the test builds it: header in row 1, further tables two blank rows below."""
    from rich.markup import escape
    from rich.table import Table

    out = []
    top = 1
    for part in ex.get("tables") or [ex]:
        tab = Table(show_lines=False)
        cols = part.get("header") or []
        tab.add_column("", style="dim", no_wrap=True)
        letters = [chr(65 + i) for i in range(len(cols))]
        for letter in letters:
            tab.add_column(letter, overflow="fold")
        tab.add_row(str(top), *[f"[b]{c}[/b]" for c in cols])
        for i, row in enumerate(part.get("rows") or [], start=top + 1):
            tab.add_row(str(i), *["" if v is None else escape(str(v)) for v in row])
        out.append(tab)
        top += len(part.get("rows") or []) + 3
    return out


def render_rule(rule, lang: str, console: Console) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from ..checks import CHECKS

    console.print(Panel(Text(f"{rule.code} {rule.name}\n{rule.text(rule.title, lang)}", style="bold"),
                        subtitle=f"{rule.severity} · {_h(lang, 'kind')}: {rule.check}", subtitle_align="left"))
    for key in ("what", "why", "fix"):
        txt = rule.doc.get(key)
        if txt:
            console.print(Text(_h(lang, key), style="bold underline"))
            console.print(escape(rule.text(txt, lang) if isinstance(txt, dict) else str(txt)))
    for key in ("fail", "pass"):
        ex = rule.examples.get(key)
        if not ex:
            continue
        console.print(Text(_h(lang, key), style="bold underline"))
        if ex.get("file"):
            console.print(Text(f"  {ex['file']}", style="dim"))
        for para in ex.get("text") or []:
            console.print(Text(f"  ¶ {para}", style="dim"))
        tables = ex.get("doc_tables") if ex.get("text") else (None if ex.get("file") or ex.get("files") else ex)
        if tables:
            for tab in _example_table({"tables": tables} if isinstance(tables, list) else tables):
                console.print(tab)
        # across years / periods (rules/periods.yaml): the earlier year's workbook, a series of files
        if ex.get("previous"):
            console.print(Text(f"  {ex['previous'].get('year', '')} (--previous)", style="dim"))
            for tab in _example_table(ex["previous"]):
                console.print(tab)
        for f in ex.get("files") or []:
            console.print(Text(f"  {f.get('title', '')}", style="dim"))
            for tab in _example_table(f):
                console.print(tab)
        if ex.get("formulas"):      # cells holding a formula (with the value shown as its cached one)
            console.print(Text("  " + "; ".join(f"{a} ={f}" for a, f in ex["formulas"].items()), style="dim"))
        # a finding that has no cell (a sentence, a whole series) is listed as "—"
        cells = [c or "—" for c in ex.get("findings") or []]
        console.print(Text(f"→ {_h(lang, 'expect')} {', '.join(cells)}" if cells else f"→ {_h(lang, 'none')}",
                           style="red" if cells else "green"))
    console.print(Text(_h(lang, "opts"), style="bold underline"))
    mod = CHECKS[rule.check]
    tab = Table(show_header=True)
    tab.add_column("param", no_wrap=True)
    tab.add_column("value", overflow="fold")
    tab.add_column("doc", overflow="fold", style="dim")
    for name, p in mod.PARAMS.items():
        tab.add_row(name, escape(str(rule.params.get(name))), p.doc)
    console.print(tab)
    console.print(Text(mod.DOC, style="dim"))
