"""The rich terminal report: what was read, findings grouped by file and table, a summary."""
from __future__ import annotations

from collections import defaultdict

from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import coverage as cov
from .labels import (FAMILY_ORDER, SEVERITY_ORDER, cell_ref, display_path, family_label, format_signed,
                     format_value, label, page_text, role_label, severity_label, truncate)

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
ICON = {"error": "✗", "warning": "!", "info": "i"}

T = {
    "id": {"read": "Dibaca", "files": "berkas", "tables": "tabel dikenali", "skipped": "dilewati",
           "unreadable": "tidak terbaca", "clean": "Tidak ada temuan.", "from": "dihitung dari",
           "why": "diagnosis", "scale": "Skala predikat", "eff": "Efisiensi", "no_tables": "tidak ada tabel dikenali", "pdf_pages": "PDF, {n} hlm.",
           "sheets_unrec": "lembar tidak dikenali", "suppressed": "disembunyikan oleh baseline",
           "quote": "kalimat", "summary": "Ringkasan", "total": "Total", "row": "baris"},
    "en": {"read": "Read", "files": "files", "tables": "tables recognised", "skipped": "skipped",
           "unreadable": "unreadable", "clean": "No findings.", "from": "computed from",
           "why": "diagnosis", "scale": "Rating scale", "eff": "Efficiency", "no_tables": "no table recognised", "pdf_pages": "PDF, {n} pages",
           "sheets_unrec": "sheets not recognised", "suppressed": "suppressed by baseline",
           "quote": "sentence", "summary": "Summary", "total": "Total", "row": "row"},
}


def _t(lang: str, key: str) -> str:
    return T.get(lang, T["id"])[key]


def header(report: dict) -> Panel:
    lang = report.get("lang", "id")
    s = report["summary"]
    roots = report.get("paths") or []
    tab = Table(box=None, show_header=False, pad_edge=False, expand=False)
    tab.add_column(no_wrap=False, overflow="fold")
    tab.add_column(overflow="fold")
    for f in report["files"]:
        name = display_path(f["path"], roots)
        if f.get("error"):
            tab.add_row(Text("✗ " + name, style="red"), Text(f["error"], style="red"))
            continue
        kinds = defaultdict(int)
        for t in f["tables"]:
            kinds[t.get("caption") or t["kind"]] += 1
        desc = ", ".join(f"{k}" + (f" ×{n}" if n > 1 else "") for k, n in kinds.items()) or _t(lang, "no_tables")
        if f.get("same_as") and f.get("coverage") is not None:
            desc = _t(lang, "pdf_pages").format(n=f.get("pages"))
        if f.get("unrecognised"):
            desc += f"  [{len(f['unrecognised'])} {_t(lang, 'sheets_unrec')}]"
        if f.get("coverage") is not None:               # coverage: how much of the file was checked
            desc += f" — {cov.short(f['coverage'], lang)}"
        tab.add_row(Text("✓ " + name, style="green") + _year(f), Text(desc, style="dim"))
    _previous_rows(tab, report, roots, lang)
    for sk in report.get("skipped", [])[:20]:
        tab.add_row(Text("- " + display_path(sk["path"], roots), style="dim"), Text(sk.get("message", ""), style="dim"))
    line = (f"{_t(lang, 'read')} {s['files']} {_t(lang, 'files')}, {s['tables']} {_t(lang, 'tables')}"
            + (f", {s.get('unreadable', 0)} {_t(lang, 'unreadable')}" if s.get("unreadable") else "")
            + (f", {len(report.get('skipped', []))} {_t(lang, 'skipped')}" if report.get("skipped") else ""))
    title = f"lkip-audit {report.get('version', '')} — {', '.join(roots)}"
    parts = [Text(line, style="bold")]
    if s.get("coverage"):
        parts.append(Text(f"{cov.label(lang, 'coverage')}: {cov.coverage_line(s['coverage'], lang)}", style="bold"))
    parts.append(tab)
    missed = cov.not_audited(report, skipped=False, action=False)   # skipped files are listed above
    if missed:
        parts.append(Text(f"{cov.label(lang, 'not_audited')} ({len(missed)}):", style="yellow"))
        for spot, why in missed[:20]:
            parts.append(Text(f"  ! {spot}: {why}", style="yellow"))
        if len(missed) > 20:
            parts.append(Text(f"  … +{len(missed) - 20}", style="yellow"))
    return Panel(Group(*parts), title=escape(title), title_align="left")


# -- across years (auditor/periods): the year each file was taken as, and the earlier years compared --
def _year(f: dict) -> Text:
    return Text(f"  [{f['year']}]", style="dim") if f.get("year") else Text("")


def _previous_rows(tab, report: dict, roots, lang: str) -> None:
    word = "tahun sebelumnya" if lang == "id" else "earlier year"
    for y in report.get("previous") or []:
        for f in y.get("files") or []:
            tab.add_row(Text("↺ " + display_path(f["path"], roots + list(y.get("paths") or [])), style="cyan")
                        + _year(f), Text(f"{word} {y.get('year') or '?'}" + (f" — {f['error']}" if f.get("error") else ""),
                                         style="dim"))


def finding_block(f: dict, lang: str, roots) -> Group:
    loc = f["location"]
    sev = f["severity"]
    head = Text()
    head.append(f"{ICON[sev]} ", style=STYLE[sev])
    head.append(f"{f['rule']} ", style=STYLE[sev])
    where = cell_ref(loc.get("sheet"), loc.get("cell")) if loc.get("cell") else (loc.get("sheet") or "")
    if loc.get("page"):
        where = page_text(loc, lang) + (", " + where if where else "")
    head.append(where, style="bold")
    if loc.get("row_label"):
        head.append("  " + truncate(loc["row_label"], 70), style="italic")
    parts = [Text(f["message"], style="default")]
    if loc.get("quote"):
        parts.append(Text(f"“{truncate(loc['quote'], 240)}”", style="italic dim"))
    if f.get("reported") is not None or f.get("expected") is not None:
        vals = Text()
        vals.append(f"{label(lang, 'reported')}: ", style="dim")
        vals.append(format_value(f.get("reported"), lang), style="red")
        if f.get("expected") is not None:
            vals.append(f"  →  {label(lang, 'expected')}: ", style="dim")
            vals.append(format_value(f.get("expected"), lang), style="green")
        if isinstance(f.get("imbalance"), (int, float)) and f.get("imbalance"):
            vals.append(f"  ({label(lang, 'imbalance')} {format_signed(f['imbalance'], lang)})", style="dim")
        parts.append(vals)
    rel = f.get("related") or []
    if rel:
        shown = []
        for r in rel[:6]:
            ref = cell_ref(r.get("sheet"), r.get("cell"))
            if r.get("path") and r["path"] != loc.get("path"):
                ref = f"{display_path(r['path'], roots)} {ref}"
            shown.append(f"{ref} = {format_value(r.get('value'), lang)} ({role_label(lang, r.get('role'))})")
        more = f" … +{len(rel) - 6}" if len(rel) > 6 else ""
        parts.append(Text(f"{_t(lang, 'from')}: " + "; ".join(shown) + more, style="dim"))
    if f.get("diagnosis"):
        parts.append(Text(f"➜ {f['diagnosis']}", style="magenta"))
    return Group(head, Padding(Group(*parts), (0, 0, 0, 2)))


def summary(report: dict) -> Table:
    lang = report.get("lang", "id")
    fams = defaultdict(lambda: defaultdict(int))
    for f in report["findings"]:
        fams[f["family"]][f["severity"]] += 1
    tab = Table(title=_t(lang, "summary"), title_justify="left", show_lines=False)
    tab.add_column(label(lang, "family"))
    for s in SEVERITY_ORDER:
        tab.add_column(severity_label(lang, s), justify="right", style=STYLE[s])
    tab.add_column(_t(lang, "total"), justify="right", style="bold")
    order = [x for x in FAMILY_ORDER if x in fams] + sorted(set(fams) - set(FAMILY_ORDER))
    for fam in order:
        row = [fams[fam][s] for s in SEVERITY_ORDER]
        tab.add_row(f"{fam} {family_label(lang, fam)}", *[str(x) if x else "·" for x in row], str(sum(row)))
    tot = [report["summary"]["by_severity"].get(s, 0) for s in SEVERITY_ORDER]
    tab.add_row(_t(lang, "total"), *map(str, tot), str(sum(tot)), style="bold")
    return tab


def render(report: dict, console: Console) -> None:
    lang = report.get("lang", "id")
    roots = report.get("paths") or []
    console.print(header(report))
    groups: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for f in report["findings"]:
        loc = f["location"]
        groups[loc.get("path", "")][loc.get("caption") or loc.get("sheet") or ""].append(f)
    if not report["findings"]:
        # never "no findings" alone: say what it covers
        console.print(Text(cov.clean_text(report) if "coverage" in report["summary"] else _t(lang, "clean"),
                           style="bold green"))
    for path, tables in groups.items():
        console.rule(Text(display_path(path, roots), style="bold"), align="left")
        for table, items in tables.items():
            if table:
                console.print(Text(f"▸ {table}", style="bold blue"))
            for f in items:
                console.print(finding_block(f, lang, roots))
            console.print()
    if report["findings"]:
        console.print(summary(report))
    st = report.get("settings") or {}
    if st.get("scale"):
        console.print(Text(f"{_t(lang, 'scale')}: {st['scale']} — {st.get('scale_bands', '')}", style="dim"))
    if st.get("efisiensi"):
        console.print(Text(f"{_t(lang, 'eff')}: {st['efisiensi']}", style="dim"))
    if report.get("suppressed"):
        console.print(Text(f"{report['suppressed']} {_t(lang, 'suppressed')}", style="dim"))
