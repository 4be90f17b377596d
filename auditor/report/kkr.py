"""Kertas Kerja Reviu (KKR) workbook: one row per finding, plus a "Ringkasan" sheet.

The workbook is written atomically (temp file in the target folder, then os.replace), so an
interrupted run never leaves a half-written KKR over a previous one.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Any, Iterator

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from auditor.report import labels as L
from auditor.report import coverage as C

SEVERITY_FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
HEADER_FILL = "1F4E78"
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

# (label key, width)
COLUMNS = [
    ("col_no", 5), ("col_doc", 24), ("col_loc", 30), ("col_desc", 55), ("col_reported", 17),
    ("col_expected", 17), ("col_diff", 15), ("col_rule", 20), ("col_sev", 12), ("col_diag", 32),
    ("col_advice", 50), ("col_response", 32),
]
HEADER_ROW = 5


try:  # the project's shared safe-output helper
    from auditor.outio import atomic_output as _atomic_output  # type: ignore
except Exception:  # pragma: no cover - only when outio is absent
    _atomic_output = None


@contextlib.contextmanager
def _local_atomic(path: str, suffix: str = "") -> Iterator[str]:
    """Yield a temp path in the target's folder; on success move it over ``path``."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp" + suffix, dir=folder)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_workbook_atomic(wb: Any, path: str) -> None:
    """Save an openpyxl workbook to ``path`` atomically (temp file beside it, then os.replace).

    The folder must exist (as with auditor.outio). Used by the KKR and the annotated copies.
    """
    path = os.fspath(path)
    suffix = os.path.splitext(path)[1]
    cm = _atomic_output(path, suffix) if _atomic_output is not None else _local_atomic(path, suffix)
    with cm as tmp:
        wb.save(tmp)


def _num_format(v: Any) -> str:
    if L.is_whole(v):
        return "#,##0"
    return "#,##0.00"


def _put_value(ws, row: int, col: int, v: Any) -> None:
    cell = ws.cell(row=row, column=col)
    if L.is_number(v):
        cell.value = int(v) if L.is_whole(v) else float(v)
        cell.number_format = _num_format(v)
        cell.alignment = Alignment(horizontal="right", vertical="top")
    elif v is None:
        cell.value = None
    else:
        cell.value = _text(L.format_value(v))
        if cell.data_type == "f":
            cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _text(s: Any) -> str | None:
    """Cell text: control characters openpyxl refuses are dropped, length kept under Excel's limit."""
    if s is None:
        return None
    s = str(s)
    s = "".join(ch for ch in s if ch in "\t\n" or ord(ch) >= 32)
    if len(s) > 32000:
        s = s[:31999] + "…"
    return s


def _set(ws, row: int, column: int, value: Any = None):
    """ws.cell(..., value=...) that never turns a text starting with '=' into a formula."""
    c = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = _text(value)
        c.value = value
        if c.data_type == "f":
            c.data_type = "s"
    else:
        c.value = value
    return c


def _doc_name(path: str, roots: list[str]) -> str:
    return L.display_path(path, roots)


def write_kkr(report: dict, path: str) -> None:
    """Write the KKR workbook for ``report`` to ``path`` (atomically)."""
    lang = L.lang_of(report)
    findings = [f for f in (report.get("findings") or []) if isinstance(f, dict)]
    roots = [str(p) for p in (report.get("paths") or [])]

    wb = Workbook()
    ws = wb.active
    ws.title = L.label(lang, "kkr_sheet")
    ncol = len(COLUMNS)
    last_col = get_column_letter(ncol)

    _set(ws, 1, 1, L.label(lang, "kkr_title")).font = Font(bold=True, size=14)
    ws.merge_cells(f"A1:{last_col}1")
    _set(ws, 2, 1, (f"{L.label(lang, 'paths')}: " + ", ".join(roots)))
    ws.merge_cells(f"A2:{last_col}2")
    meta = f"{L.label(lang, 'tool')}: {report.get('tool', 'lkip-audit')} {report.get('version', '')}".strip()
    date = L.report_date(report)
    if date:
        meta += f" · {L.label(lang, 'date')}: {date}"
    _set(ws, 3, 1, _text(meta)).font = Font(italic=True, color="595959")
    ws.merge_cells(f"A3:{last_col}3")

    hdr_font = Font(bold=True, color="FFFFFF")
    hdr_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for i, (key, width) in enumerate(COLUMNS, 1):
        c = _set(ws, HEADER_ROW, i, L.label(lang, key))
        c.font = hdr_font
        c.fill = hdr_fill
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = BORDER
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[HEADER_ROW].height = 32

    wrap = Alignment(wrap_text=True, vertical="top")
    for n, f in enumerate(findings, 1):
        r = HEADER_ROW + n
        loc = f.get("location") or {}
        sev = str(f.get("severity") or "info")
        desc = f.get("message") or ""
        if loc.get("quote"):
            desc += f"\n“{L.truncate(loc['quote'], 400)}”"
        rel = [x for x in (f.get("related") or []) if isinstance(x, dict)]
        if rel:
            lines = []
            for x in rel[:12]:
                lines.append(f"{L.role_label(lang, x.get('role'))} {L.related_ref(x, loc.get('path'))}"
                             f" = {L.format_value(x.get('value'), lang)}"
                             + (f" ({L.truncate(x['label'], 50)})" if x.get("label") else ""))
            if len(rel) > 12:
                lines.append("…")
            desc += f"\n{L.label(lang, 'related')}: " + "; ".join(lines)
        row = {
            1: n,
            2: _doc_name(loc.get("path") or "", roots),
            3: L.location_text(loc, lang, with_quote=False) or L.short_location(loc),
            4: desc,
            8: f"{f.get('rule', '')} {f.get('name', '')}".strip(),
            9: L.severity_label(lang, sev),
            10: f.get("diagnosis") or None,
            11: L.saran(f, lang),
            12: None,
        }
        for col, v in row.items():
            c = _set(ws, r, col, v)
            c.alignment = wrap
            c.border = BORDER
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center", vertical="top")
        _put_value(ws, r, 5, f.get("reported"))
        _put_value(ws, r, 6, f.get("expected"))
        _put_value(ws, r, 7, f.get("imbalance"))
        for col in (5, 6, 7):
            ws.cell(row=r, column=col).border = BORDER
        sc = ws.cell(row=r, column=9)
        if sev in SEVERITY_FILLS:
            sc.fill = PatternFill("solid", fgColor=SEVERITY_FILLS[sev])
        sc.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)

    if not findings and "coverage" in (report.get("summary") or {}):
        # an empty KKR still says what was checked: "no findings" only covers that
        _set(ws, HEADER_ROW + 1, 4, C.clean_text(report)).alignment = wrap
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + len(findings)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    _ringkasan(wb, report, lang, findings, roots)
    save_workbook_atomic(wb, path)


def _ringkasan(wb, report: dict, lang: str, findings: list[dict], roots: list[str]) -> None:
    ws = wb.create_sheet(L.label(lang, "summary_sheet"))
    bold = Font(bold=True)
    hdr_font = Font(bold=True, color="FFFFFF")
    hdr_fill = PatternFill("solid", fgColor=HEADER_FILL)
    _set(ws, 1, 1, f"{L.label(lang, 'summary')} — {L.label(lang, 'kkr_title')}").font = Font(bold=True, size=13)

    sevs = list(L.SEVERITY_ORDER) + sorted({str(f.get("severity") or "info") for f in findings} - set(L.SEVERITY_ORDER))
    fams = L.ordered({L.finding_family(f) for f in findings}, L.FAMILY_ORDER)
    cross: dict[tuple[str, str], int] = {}
    for f in findings:
        k = (L.finding_family(f), str(f.get("severity") or "info"))
        cross[k] = cross.get(k, 0) + 1

    r = 3
    heads = [L.label(lang, "family"), ""] + [L.severity_label(lang, s) for s in sevs] + [L.label(lang, "total")]
    for i, h in enumerate(heads, 1):
        c = _set(ws, r, i, h)
        c.font = hdr_font
        c.fill = hdr_fill
        c.border = BORDER
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for fm in fams:
        r += 1
        _set(ws, r, 1, _text(fm)).border = BORDER
        _set(ws, r, 2, L.family_label(lang, fm)).border = BORDER
        tot = 0
        for j, s in enumerate(sevs):
            n = cross.get((fm, s), 0)
            tot += n
            _set(ws, r, 3 + j, n).border = BORDER
        c = _set(ws, r, 3 + len(sevs), tot)
        c.font = bold
        c.border = BORDER
    r += 1
    _set(ws, r, 1, L.label(lang, "total")).font = bold
    ws.cell(row=r, column=1).border = BORDER
    ws.cell(row=r, column=2).border = BORDER
    for j, s in enumerate(sevs):
        c = _set(ws, r, 3 + j, sum(cross.get((fm, s), 0) for fm in fams))
        c.font = bold
        c.border = BORDER
    c = _set(ws, r, 3 + len(sevs), len(findings))
    c.font = bold
    c.border = BORDER

    files = report.get("files") or []
    summ = report.get("summary") or {}
    r += 2
    facts = [
        (L.label(lang, "files_read"), summ.get("files", len(files))),
        (L.label(lang, "tables"), summ.get("tables", sum(len(f.get("tables") or []) for f in files))),
        (L.label(lang, "skipped"), len(report.get("skipped") or [])),
        (L.label(lang, "unreadable"), sum(1 for f in files if f.get("error"))),
        (L.label(lang, "suppressed"), report.get("suppressed") or 0),
    ]
    if summ.get("coverage") is not None:     # what the findings (or their absence) cover
        facts.append((C.label(lang, "coverage"), C.coverage_line(summ["coverage"], lang)))
    for k, v in facts:
        _set(ws, r, 1, k).font = bold
        _set(ws, r, 3, v)
        r += 1
    for k, v in (report.get("settings") or {}).items():
        _set(ws, r, 1, _text(f"{L.label(lang, 'settings')}: {k}")).font = bold
        _set(ws, r, 3, _text(str(v)))
        r += 1

    # per-file list
    r += 1
    _set(ws, r, 1, L.label(lang, "files_sheet_title")).font = Font(bold=True, size=12)
    r += 1
    for i, h in enumerate([L.label(lang, "file"), L.label(lang, "format"), L.label(lang, "tables"),
                           L.label(lang, "findings"), L.label(lang, "error_col"), C.label(lang, "coverage"),
                           "Year" if lang == "en" else "Tahun"], 1):
        c = _set(ws, r, i, h)
        c.font = hdr_font
        c.fill = hdr_fill
    per_file = L.count_by(findings, lambda f: (f.get("location") or {}).get("path") or "")
    for fi in files:
        r += 1
        p = fi.get("path") or ""
        _set(ws, r, 1, _text(L.display_path(p, roots)))
        _set(ws, r, 2, _text(fi.get("format")))
        _set(ws, r, 3, len(fi.get("tables") or []))
        _set(ws, r, 4, per_file.get(p, 0))
        _set(ws, r, 5, _text(fi.get("error")))
        if "coverage" in fi:
            _set(ws, r, 6, _text(C.short(fi["coverage"], lang)))
        if fi.get("year"):
            _set(ws, r, 7, fi["year"])          # the year the file was taken as (periods.years)
    for sk in report.get("skipped") or []:
        r += 1
        _set(ws, r, 1, _text(L.display_path(sk.get("path"), roots)))
        _set(ws, r, 5, _text(f"{L.label(lang, 'skipped').lower()}: {sk.get('reason')}"
                                             + (f" ({sk.get('message')})" if sk.get("message") else "")))

    missed = C.not_audited(report, skipped=False)
    if missed:      # the parts no check looked at, each with its reason and what to do
        r += 2
        _set(ws, r, 1, C.label(lang, "not_audited")).font = Font(bold=True, size=12)
        for spot, why in missed:
            r += 1
            _set(ws, r, 1, _text(spot))
            _set(ws, r, 5, _text(why))

    widths = [34, 24] + [12] * (len(sevs) + 1)
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
