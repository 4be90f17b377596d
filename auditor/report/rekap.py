"""Outputs of ``lkip-audit batch``: the "Rekap" workbook, JSON lines and the terminal table.

All three take the ``FolderResult`` rows of ``auditor.batch.run_batch``.

* ``write_rekap(results, path, lang)`` — workbook with
  - "Rekap": one row per folder, worst first (failed folders first, then most errors, warnings);
    No, Folder, Status, Files, Tables, Error, Warning, Info, Top families, Keterangan (the error
    message of a failed folder, unreadable files of a finished one, the earlier years a unit's
    latest year folder was compared with and its across-year (PER) findings);
  - "Temuan": every finding of every folder (Folder, Rule, Severity, File, Sheet, Cell, Row label,
    Message, Reported, Expected, Diagnosis), folders in the same worst-first order.
  The findings come from ``FolderResult.findings`` (``run_batch(keep_findings=True)``, the default:
  only the finding dicts are kept, not the whole report). A row without findings kept (or a failed
  folder) contributes none; Temuan then says so in a note row. Written with openpyxl's write-only
  mode (memory stays flat with many findings), capped at Excel's row limit, atomically
  (``auditor.outio`` via ``kkr.save_workbook_atomic``).
* ``rekap_json_lines(results)`` — one JSON object per folder, in the order given (folder, name,
  status, error, seconds, peak_rss_mb, summary, findings). ``rekap_json_line(r)`` for one row, so a
  caller may stream them from ``on_done``.
* ``render_rekap_table(results, lang)`` — a rich Table, one row per folder, worst first.
"""
from __future__ import annotations

import json
import os
from typing import Any, Iterable, Iterator

from auditor.report import labels as L

SEVERITY_FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
FAILED_FILL = "F4B084"
HEADER_FILL = "1F4E78"
EXCEL_MAX_ROWS = 1_048_576

TEXT = {
    "id": {
        "rekap_sheet": "Rekap", "temuan_sheet": "Temuan",
        "no": "No", "folder": "Folder", "status": "Status", "files": "Berkas", "tables": "Tabel",
        "top": "Kelompok terbanyak", "note": "Keterangan",
        "rule": "Aturan", "severity": "Tingkat", "file": "Berkas", "sheet": "Lembar", "cell": "Sel",
        "row_label": "Label baris", "message": "Uraian", "reported": "Dilaporkan", "expected": "Seharusnya",
        "diagnosis": "Diagnosis",
        "st_ok": "Selesai", "st_error": "Galat", "st_timeout": "Melewati batas waktu", "st_crashed": "Proses terhenti",
        "unreadable_n": "{n} berkas tidak terbaca",
        "no_files": "tidak ada berkas yang dibaca",
        "previous": "dibandingkan dengan tahun sebelumnya: {names} ({n} temuan antar tahun)",
        "not_kept": "Temuan folder berikut tidak disimpan: {names}",
        "truncated": "Daftar dipotong: {n} temuan lain tidak muat di lembar ini (batas baris Excel).",
        "failed_note": "{status}: {error}",
        "title": "Rekap pemeriksaan per folder",
        "total": "Jumlah",
    },
    "en": {
        "rekap_sheet": "Rekap", "temuan_sheet": "Temuan",
        "no": "No", "folder": "Folder", "status": "Status", "files": "Files", "tables": "Tables",
        "top": "Top families", "note": "Note",
        "rule": "Rule", "severity": "Severity", "file": "File", "sheet": "Sheet", "cell": "Cell",
        "row_label": "Row label", "message": "Message", "reported": "Reported", "expected": "Expected",
        "diagnosis": "Diagnosis",
        "st_ok": "OK", "st_error": "Error", "st_timeout": "Timed out", "st_crashed": "Crashed",
        "unreadable_n": "{n} unreadable file(s)",
        "no_files": "no files read",
        "previous": "compared with earlier years: {names} ({n} across-year findings)",
        "not_kept": "Findings were not kept for: {names}",
        "truncated": "List cut: {n} more findings do not fit in this sheet (Excel row limit).",
        "failed_note": "{status}: {error}",
        "title": "Audit summary per folder",
        "total": "Total",
    },
}

REKAP_COLUMNS = [("no", 5), ("folder", 36), ("status", 16), ("files", 8), ("tables", 8),
                 ("sev:error", 11), ("sev:warning", 11), ("sev:info", 9), ("top", 24), ("note", 60)]
TEMUAN_COLUMNS = [("folder", 30), ("rule", 9), ("severity", 12), ("file", 28), ("sheet", 18), ("cell", 8),
                  ("row_label", 32), ("message", 70), ("reported", 16), ("expected", 16), ("diagnosis", 36)]


def _t(lang: str, key: str) -> str:
    return TEXT.get(lang, TEXT["id"]).get(key) or TEXT["id"][key]


def _lang(lang: str | None) -> str:
    lang = str(lang or "id").lower()
    return lang if lang in TEXT else "id"


def status_label(lang: str, status: str) -> str:
    return _t(lang, "st_" + status) if ("st_" + status) in TEXT["id"] else str(status)


def _get(r: Any, name: str, default=None):
    if isinstance(r, dict):
        return r.get(name, default)
    return getattr(r, name, default)


def _sev(r: Any) -> dict:
    d = _get(r, "by_severity") or {}
    return {s: int(d.get(s, 0) or 0) for s in L.SEVERITY_ORDER}


def _failed(r: Any) -> bool:
    return _get(r, "status", "ok") != "ok"


def _sorted(results: Iterable[Any]) -> list:
    from auditor.batch import worst_key, FolderResult

    rows = list(results)
    if all(isinstance(r, FolderResult) for r in rows):
        return sorted(rows, key=worst_key)

    def key(r):
        s = _sev(r)
        name = str(_get(r, "name") or _get(r, "folder") or "")
        return (0 if _failed(r) else 1, -s["error"], -s["warning"], -s["info"], -int(_get(r, "unreadable", 0) or 0),
                name.casefold(), name)
    return sorted(rows, key=key)


def note_text(r: Any, lang: str = "id") -> str:
    """The "Keterangan" of a row: the error of a failed folder, else unreadable files (or nothing)."""
    lang = _lang(lang)
    status = _get(r, "status", "ok")
    if status != "ok":
        err = _get(r, "error") or ""
        return _t(lang, "failed_note").format(status=status_label(lang, status), error=err).rstrip(": ")
    parts = []
    n = int(_get(r, "unreadable", 0) or 0)
    if n:
        parts.append(_t(lang, "unreadable_n").format(n=n))
    if not int(_get(r, "files", 0) or 0):
        parts.append(_t(lang, "no_files"))
    previous = _get(r, "previous") or []
    if previous:   # across years (auditor.periods): the PER findings are this row's, located in its files
        n = int((_get(r, "by_family") or {}).get("PER", 0) or 0)
        parts.append(_t(lang, "previous").format(names=", ".join(map(str, previous)), n=n))
    return "; ".join(parts)


def _top(r: Any) -> str:
    return ", ".join(str(x) for x in (_get(r, "top_families") or []))


# ------------------------------------------------------------------------------------ workbook

def write_rekap(results: Iterable[Any], path, lang: str = "id") -> None:
    """Write the batch rekap workbook (sheets "Rekap" and "Temuan") to `path`, atomically."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from auditor.report.kkr import _text, save_workbook_atomic

    lang = _lang(lang)
    rows = _sorted(results)
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    hdr_font = Font(bold=True, color="FFFFFF")
    hdr_fill = PatternFill("solid", fgColor=HEADER_FILL)
    hdr_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    fills = {s: PatternFill("solid", fgColor=c) for s, c in SEVERITY_FILLS.items()}
    failed_fill = PatternFill("solid", fgColor=FAILED_FILL)
    bold = Font(bold=True)

    wb = Workbook(write_only=True)

    def cell(ws, value, *, font=None, fill=None, align=None, fmt=None, brd=True):
        if isinstance(value, str):
            value = _text(value)
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str) and c.data_type == "f":   # text starting with "=" stays text
            c.data_type = "s"
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if align is not None:
            c.alignment = align
        if fmt is not None:
            c.number_format = fmt
        if brd:
            c.border = border
        return c

    def header(ws, columns):
        for i, (_k, width) in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        heads = []
        for key, _w in columns:
            text = L.severity_label(lang, key[4:]) if key.startswith("sev:") else _t(lang, key)
            heads.append(cell(ws, text, font=hdr_font, fill=hdr_fill, align=hdr_align))
        ws.append(heads)

    # --- Rekap
    ws = wb.create_sheet(_t(lang, "rekap_sheet"))
    ncol = len(REKAP_COLUMNS)
    ws.auto_filter.ref = f"A1:{get_column_letter(ncol)}{1 + len(rows)}"
    header(ws, REKAP_COLUMNS)
    totals = {"files": 0, "tables": 0, **{s: 0 for s in L.SEVERITY_ORDER}}
    for n, r in enumerate(rows, 1):
        status = _get(r, "status", "ok")
        sev = _sev(r)
        for s in L.SEVERITY_ORDER:
            totals[s] += sev[s]
        totals["files"] += int(_get(r, "files", 0) or 0)
        totals["tables"] += int(_get(r, "tables", 0) or 0)
        line = [
            cell(ws, n, align=Alignment(horizontal="center", vertical="top")),
            cell(ws, str(_get(r, "name") or _get(r, "folder") or ""), align=wrap),
            cell(ws, status_label(lang, status), align=top, fill=failed_fill if status != "ok" else None,
                 font=bold if status != "ok" else None),
            cell(ws, int(_get(r, "files", 0) or 0), align=top, fmt="#,##0"),
            cell(ws, int(_get(r, "tables", 0) or 0), align=top, fmt="#,##0"),
        ]
        for s in L.SEVERITY_ORDER:
            v = sev[s]
            line.append(cell(ws, v, align=Alignment(horizontal="center", vertical="top"), fmt="#,##0",
                             fill=fills[s] if v else None, font=bold if v and s == "error" else None))
        line.append(cell(ws, _top(r), align=wrap))
        line.append(cell(ws, note_text(r, lang) or None, align=wrap))
        ws.append(line)
    # totals row (outside the filter range, so sorting/filtering leaves it alone)
    if rows:
        ws.append([cell(ws, None, brd=False), cell(ws, _t(lang, "total"), font=bold, brd=False),
                   cell(ws, None, brd=False),
                   cell(ws, totals["files"], font=bold, fmt="#,##0", brd=False),
                   cell(ws, totals["tables"], font=bold, fmt="#,##0", brd=False)]
                  + [cell(ws, totals[s], font=bold, fmt="#,##0", brd=False,
                          align=Alignment(horizontal="center")) for s in L.SEVERITY_ORDER])

    # --- Temuan
    wt = wb.create_sheet(_t(lang, "temuan_sheet"))
    finding_rows = [(r, f) for r in rows for f in (_get(r, "findings") or []) if isinstance(f, dict)]
    not_kept = [str(_get(r, "name") or _get(r, "folder")) for r in rows
                if not _failed(r) and _get(r, "findings") is None and sum(_sev(r).values())]
    room = EXCEL_MAX_ROWS - 1 - (1 if not_kept else 0)
    cut = max(0, len(finding_rows) - room)
    if cut:
        room -= 1
        cut = len(finding_rows) - room
        finding_rows = finding_rows[:room]
    wt.auto_filter.ref = f"A1:{get_column_letter(len(TEMUAN_COLUMNS))}{1 + len(finding_rows)}"
    header(wt, TEMUAN_COLUMNS)
    for r, f in finding_rows:
        loc = f.get("location") or {}
        sev = str(f.get("severity") or "info")
        folder = _get(r, "folder") or ""
        p = loc.get("path") or ""
        file_name = L.display_path(p, [folder]) if folder and p else os.path.basename(p)
        line = [
            cell(wt, str(_get(r, "name") or folder), align=wrap),
            cell(wt, str(f.get("rule") or ""), align=top),
            cell(wt, L.severity_label(lang, sev), align=Alignment(horizontal="center", vertical="top"),
                 fill=fills.get(sev)),
            cell(wt, file_name, align=wrap),
            cell(wt, loc.get("sheet"), align=wrap),
            cell(wt, loc.get("cell"), align=top),
            cell(wt, L.truncate(loc.get("row_label"), 200) if loc.get("row_label") else None, align=wrap),
            cell(wt, f.get("message") or "", align=wrap),
        ]
        for v in (f.get("reported"), f.get("expected")):
            if L.is_number(v):
                line.append(cell(wt, int(v) if L.is_whole(v) else float(v), align=top,
                                 fmt="#,##0" if L.is_whole(v) else "#,##0.00"))
            elif v is None:
                line.append(cell(wt, None))
            else:
                line.append(cell(wt, L.format_value(v, lang) if not isinstance(v, str) else v, align=wrap))
        line.append(cell(wt, f.get("diagnosis") or None, align=wrap))
        wt.append(line)
    if cut:
        wt.append([cell(wt, _t(lang, "truncated").format(n=cut), font=Font(italic=True), brd=False)])
    if not_kept:
        names = ", ".join(not_kept[:20]) + (" …" if len(not_kept) > 20 else "")
        wt.append([cell(wt, _t(lang, "not_kept").format(names=names), font=Font(italic=True), brd=False)])

    save_workbook_atomic(wb, os.fspath(path))


# ------------------------------------------------------------------------------------ JSON lines

def _jsonable(v: Any) -> Any:
    from decimal import Decimal

    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, (set, frozenset)):
        return sorted(v)
    return str(v)


def rekap_json_line(r: Any) -> str:
    """One folder as one JSON object on one line (no trailing newline)."""
    obj = {
        "folder": _get(r, "folder"),
        "name": _get(r, "name"),
        "status": _get(r, "status", "ok"),
        "error": _get(r, "error"),
        "seconds": _get(r, "seconds"),
        "peak_rss_mb": _get(r, "peak_rss_mb"),
        "summary": {
            "by_severity": _sev(r),
            "by_family": dict(_get(r, "by_family") or {}),
            "top_families": list(_get(r, "top_families") or []),
            "files": int(_get(r, "files", 0) or 0),
            "tables": int(_get(r, "tables", 0) or 0),
            "unreadable": int(_get(r, "unreadable", 0) or 0),
            "skipped": int(_get(r, "skipped", 0) or 0),
        },
        "findings": _get(r, "findings"),
    }
    if _get(r, "previous"):
        obj["previous"] = list(_get(r, "previous"))
    return json.dumps(obj, ensure_ascii=False, default=_jsonable)


def rekap_json_lines(results: Iterable[Any]) -> Iterator[str]:
    """One JSON line per folder, in the order given (sort with batch.sort_worst_first if wanted)."""
    for r in results:
        yield rekap_json_line(r)


# ------------------------------------------------------------------------------------ terminal

def render_rekap_table(results: Iterable[Any], lang: str = "id"):
    """A rich Table for the terminal: one row per folder, worst first."""
    from rich.table import Table
    from rich.text import Text

    lang = _lang(lang)
    rows = _sorted(results)
    table = Table(title=_t(lang, "title"), show_lines=False, header_style="bold")
    table.add_column(_t(lang, "folder"), overflow="fold", ratio=3)
    table.add_column(_t(lang, "files"), justify="right")
    table.add_column(_t(lang, "tables"), justify="right")
    sev_style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for s in L.SEVERITY_ORDER:
        table.add_column(L.severity_label(lang, s)[:1], justify="right", header_style=sev_style[s])  # K/P/I, E/W/I
    table.add_column(_t(lang, "top"))
    table.add_column(_t(lang, "status"), overflow="fold", ratio=2)
    for r in rows:
        status = _get(r, "status", "ok")
        sev = _sev(r)
        counts = [Text(str(sev[s]), style=sev_style[s] if sev[s] else "dim") for s in L.SEVERITY_ORDER]
        if status == "ok":
            note = note_text(r, lang)
            st = Text(status_label(lang, status) + (f" — {note}" if note else ""),
                      style="green" if not note else "yellow")
        else:
            st = Text(note_text(r, lang), style="bold red")
        table.add_row(Text(str(_get(r, "name") or _get(r, "folder") or "")),
                      str(int(_get(r, "files", 0) or 0)), str(int(_get(r, "tables", 0) or 0)),
                      *counts, _top(r), st)
    return table
