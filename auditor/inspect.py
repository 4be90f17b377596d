"""`lkip-audit inspect`: what the reader and the detector saw, as data and as a rich view."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table as RTable
from rich.text import Text

from .loader import load_all


def table_info(t) -> dict:
    depth = len({r.level for r in t.rows if r.level in ("program", "kegiatan", "sub_kegiatan")})
    return {
        "sheet": t.sheet, "kind": t.kind, "caption": t.caption, "range": t.range,
        "rows": len(t.rows), "data_rows": sum(r.type == "data" for r in t.rows),
        "total_rows": sum(r.type == "total" for r in t.rows),
        "section_rows": sum(r.type == "section" for r in t.rows),
        "hierarchy_depth": depth,
        "header_rows": f"{t.header[0] + t.grid.row0}-{t.header[1] + t.grid.row0}",
        "columns": {canon: {"column": t.grid.addr(t.header[0], c).rstrip("0123456789"), "header": t.headers.get(canon, "")}
                    for canon, c in t.columns.items()},
        "unmapped_headers": t.unmapped,
        "column_formulas": t.column_hints,
        "context": t.context, "footer": t.footer,
    }


def inspect_paths(paths: list[str], facts: bool = False, claims: bool = False) -> dict:
    files, skipped = load_all(paths)
    out = {"paths": paths, "skipped": skipped, "files": []}
    for f in files:
        out["files"].append({
            "path": f.path, "format": f.format, "error": f.error, "sheets": f.sheets,
            "tables": [table_info(t) for t in f.tables],
            "unrecognised": [{"sheet": u.sheet, "reason": u.reason, "at": u.rows} for u in f.unrecognised],
            "paragraphs": len(f.paragraphs),
            "problems": [p.to_dict() for p in f.problems],
            **({"pages": f.pages} if f.pages is not None else {}),
            **({"same_as": f.same_as} if f.same_as else {}),
        })
    if facts:
        from .engine import Context
        from .periods.years import file_years
        # the facts as `check` builds them: the year the audit takes the folder as, resolution anchored
        # on the (shipped) nomenclature
        store = Context(files=files, year=file_years(files, paths[0] if len(paths) == 1 else None)[1]).facts()
        out["entities"] = store.entities_summary()
        out["facts"] = [fa.to_dict() for fa in store.facts]
    if claims:
        from .text.claims import claims_summary
        out["claims"] = claims_summary(files)
    return out


def render_inspect(data: dict, console: Console) -> None:
    for f in data["files"]:
        console.rule(Text(f"{f['path']}  [{f['format'] or '?'}]", style="bold"), align="left")
        if f["error"]:
            console.print(Text(f"✗ {f['error']}", style="red"))
            continue
        if f.get("same_as"):
            # readers.twin: its tables are the .docx's; `inspect` that file, or this one alone
            console.print(Text(f"= {f.get('pages')} pages, the same text as {f['same_as']}: read there "
                               "(inspect the PDF alone to see its own tables)", style="dim"))
            continue
        for t in f["tables"]:
            head = Text()
            head.append(f"{t['sheet']}!{t['range']}", style="bold")
            head.append(f"  {t['kind']}", style="cyan")
            if t["caption"]:
                head.append(f"  ({t['caption']})")
            head.append(f"  rows: {t['data_rows']} data, {t['total_rows']} total, {t['section_rows']} section;"
                        f" hierarchy depth {t['hierarchy_depth']}", style="dim")
            console.print(head)
            tab = RTable(show_header=True, box=None, pad_edge=False)
            tab.add_column("col", style="dim", no_wrap=True)
            tab.add_column("canonical", style="green", no_wrap=True)
            tab.add_column("source header", overflow="fold")
            for canon, info in t["columns"].items():
                tab.add_row(info["column"], canon, info["header"])
            console.print(tab)
            if t["unmapped_headers"]:
                console.print(Text("  not mapped: " + " | ".join(t["unmapped_headers"]), style="yellow"))
            if t["column_formulas"]:
                console.print(Text("  column formulas: " + "; ".join(f"{k}: {v}" for k, v in t["column_formulas"].items()),
                                   style="dim"))
        for u in f["unrecognised"]:
            console.print(Text(f"  ? {u['sheet']}: {u['reason']}", style="yellow"))
        for p in f["problems"]:
            loc = p["location"]
            where = f"{loc.get('sheet', '')}!{loc.get('cell', '')}" if loc.get("sheet") or loc.get("cell") else ""
            if loc.get("page"):                 # a PDF's pages (IN020-IN022): "p. 2" and the pages named
                where = f"{p['name']} p. {loc['page']}" + (f" {where}" if where else "")
            console.print(Text(f"  ! {p['rule']} {where}: {p['message']}", style="red"))
    for s in data.get("skipped", []):
        console.print(Text(f"- {s['path']}: {s['message']}", style="dim"))
    if "entities" in data:
        console.rule("entities", align="left")
        tab = RTable(show_header=True)
        for c in ("key", "level", "name", "names seen", "facts"):
            tab.add_column(c, overflow="fold")
        for e in data["entities"]:
            tab.add_row(e["key"], e["level"], e["name"], " | ".join(e["aliases"][:4]), str(e["facts"]))
        console.print(tab)
        console.rule("facts", align="left")
        ft = RTable(show_header=True)
        for c in ("entity", "measure", "period", "value", "source"):
            ft.add_column(c, overflow="fold")
        for f in data["facts"]:
            src = f["source"]
            where = f"{src['path'].rsplit('/', 1)[-1]} {src.get('sheet') or ''}!{src.get('cell') or ''}"
            if src.get("rows", 1) > 1:
                where += f" (Σ {src['rows']} rows)"
            ft.add_row(f["entity"][:40], f["measure"], str(f["period"] or ""), f["text"][:40], where)
        console.print(ft)
    if "claims" in data:
        console.rule("claims", align="left")
        for c in data["claims"]:
            mark = "✓" if c.get("tied") else "·"
            console.print(Text(f"{mark} {c.get('section', '')} ¶{c.get('paragraph')}: {c.get('text', '')[:120]}"
                               f" → {c.get('fact') or c.get('why', '')}", style="green" if c.get("tied") else "dim"))
