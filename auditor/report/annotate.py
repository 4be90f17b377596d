"""Annotated copies of the input workbooks: finding cells filled by severity, with an Excel comment.

The inputs are only read. Copies go to ``out_dir`` under the same file name, written atomically;
a copy that would land on its own input is refused. Formulas are kept (the workbook is loaded
without ``data_only``) and macros are kept for .xlsm (``keep_vba``).

Caveat (openpyxl): images, charts and some extensions of the input are not carried into the copy.
"""
from __future__ import annotations

import logging
import os
from collections import OrderedDict

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Border, PatternFill, Side
from openpyxl.utils.cell import range_boundaries

from auditor.report import labels as L
from auditor.report.kkr import SEVERITY_FILLS, save_workbook_atomic

try:  # the project's shared output guard
    from auditor.outio import OutputProblem, guard_output  # type: ignore
except Exception:  # pragma: no cover - only when outio is absent
    guard_output = None

    class OutputProblem(ValueError):  # type: ignore[no-redef]
        def __init__(self, path, reason: str, message: str):
            self.path, self.reason, self.message = str(path), reason, message
            super().__init__(f"{path}: {message}")

log = logging.getLogger(__name__)

AUTHOR = "lkip-audit"
WORKBOOK_EXTS = (".xlsx", ".xlsm")
RELATED_SIDE = Side(style="dashed", color="7F7F7F")
RELATED_BORDER = Border(left=RELATED_SIDE, right=RELATED_SIDE, top=RELATED_SIDE, bottom=RELATED_SIDE)
COMMENT_MAX = 30000  # Excel comments are long-text safe, but keep them sane


def _norm(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same_file(a: str, b: str) -> bool:
    if _norm(a) == _norm(b):
        return True
    try:
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


def _cells_of(ref: str) -> list[tuple[int, int]]:
    """(row, col) pairs for "E12" or "E12:F14"; empty when the address is not A1."""
    ref = str(ref).replace("$", "").strip()
    try:
        c0, r0, c1, r1 = range_boundaries(ref)
    except (ValueError, TypeError):
        return []
    if None in (c0, r0, c1, r1):
        return []
    if (r1 - r0 + 1) * (c1 - c0 + 1) > 10000:   # a whole-column reference: not a finding cell
        return []
    return [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]


def _anchor(ws, row: int, col: int):
    """The writable cell for (row, col): the top-left cell of a merged range it lies in."""
    cell = ws.cell(row=row, column=col)
    if isinstance(cell, MergedCell):
        for rng in ws.merged_cells.ranges:
            if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
                return ws.cell(row=rng.min_row, column=rng.min_col)
    return cell


def _comment_block(f: dict, lang: str) -> str:
    sev = str(f.get("severity") or "info")
    lines = [f"{f.get('rule', '')} {f.get('name', '')} [{L.severity_label(lang, sev)}]".strip(),
             str(f.get("message") or "")]
    rep, exp = f.get("reported"), f.get("expected")
    if rep is not None or exp is not None:
        lines.append(f"{L.label(lang, 'annot_reported')}: {L.format_value(rep, lang)} / "
                     f"{L.label(lang, 'annot_expected')}: {L.format_value(exp, lang)}")
    if f.get("imbalance") is not None:
        lines.append(f"{L.label(lang, 'imbalance')}: {L.format_signed(f.get('imbalance'), lang)}")
    if f.get("diagnosis"):
        lines.append(f"{L.label(lang, 'diagnosis')}: {f['diagnosis']}")
    rel = [r for r in (f.get("related") or []) if isinstance(r, dict)]
    if rel:
        path = (f.get("location") or {}).get("path")
        refs = [f"{L.role_label(lang, r.get('role'))} {L.related_ref(r, path)}".strip() for r in rel[:8]]
        lines.append(f"{L.label(lang, 'annot_related')}: " + ", ".join(refs) + (", …" if len(rel) > 8 else ""))
    return "\n".join(x for x in lines if x)


def _comment_size(text: str) -> tuple[int, int]:
    width = 360
    per_line = 52          # characters per line at that width, roughly
    lines = 0
    for ln in text.split("\n"):
        lines += max(1, -(-len(ln) // per_line))
    height = min(600, 24 + 15 * lines)
    return width, height


def _clean(text: str) -> str:
    text = "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)
    return text if len(text) <= COMMENT_MAX else text[: COMMENT_MAX - 1] + "…"


def _out_name(path: str, used: set[str]) -> str:
    name = L.file_name(path)
    if name.lower() not in used:
        used.add(name.lower())
        return name
    parent = L.file_name(os.path.dirname(os.path.abspath(path))) or "dir"
    stem, ext = os.path.splitext(name)
    n = 1
    cand = f"{parent}__{name}"
    while cand.lower() in used:
        n += 1
        cand = f"{parent}__{stem}-{n}{ext}"
    used.add(cand.lower())
    return cand


def annotate_workbooks(report: dict, out_dir: str, notes: list[tuple[str, str]] | None = None) -> list[str]:
    """Write annotated copies of the workbooks that have findings with a cell; return their paths.

    ``notes``, when given, collects (path, reason) for every input that was not annotated
    (not a workbook, unreadable, no cell findings); the same reasons are logged.
    Raises OutputProblem (auditor.outio; reason "is_input") before writing anything when a copy
    would overwrite an input, i.e. when out_dir is an input's own folder.
    """
    lang = L.lang_of(report)

    def note(path: str, reason: str) -> None:
        log.info("annotate: %s skipped: %s", path, reason)
        if notes is not None:
            notes.append((path, reason))

    by_path: "OrderedDict[str, list[dict]]" = OrderedDict()
    for f in report.get("findings") or []:
        if not isinstance(f, dict):
            continue
        loc = f.get("location") or {}
        path = loc.get("path")
        if not path:
            continue
        by_path.setdefault(path, [])
        if loc.get("cell") and loc.get("sheet"):
            by_path[path].append(f)

    plan: list[tuple[str, str, list[dict]]] = []
    used: set[str] = set()
    for path, fs in by_path.items():
        ext = os.path.splitext(path)[1].lower()
        if ext not in WORKBOOK_EXTS:
            note(path, "not an .xlsx/.xlsm workbook")
            continue
        if not fs:
            note(path, "no finding with a cell")
            continue
        if not os.path.isfile(path):
            note(path, "input file not found")
            continue
        out = os.path.join(out_dir, _out_name(path, used))
        plan.append((path, out, fs))
    # never write over an input: neither the file itself nor any other input of the report
    inputs = list(by_path) + [fi.get("path") for fi in report.get("files") or [] if fi.get("path")]
    for path, out, _ in plan:
        if guard_output is not None:
            guard_output(out, [p for p in inputs if os.path.isfile(p)], allow_inside_input_dirs=True)
        elif any(_same_file(out, p) for p in inputs):
            raise OutputProblem(out, "is_input", f"The output would overwrite an input file ({path}); "
                                                 "choose another output folder.")

    written: list[str] = []
    if plan:
        os.makedirs(out_dir, exist_ok=True)
    for path, out, fs in plan:
        try:
            _annotate_one(path, out, fs, lang, note)
        except Exception as exc:  # one bad workbook never stops the rest
            note(path, f"could not annotate: {type(exc).__name__}: {exc}")
            continue
        written.append(out)
    return written


def _annotate_one(path: str, out: str, findings: list[dict], lang: str, note) -> None:
    is_xlsm = path.lower().endswith(".xlsm")
    wb = load_workbook(path, keep_vba=is_xlsm, keep_links=True)
    # cell -> findings, in report order; the worst severity decides the fill
    per_cell: "OrderedDict[tuple[str, int, int], list[dict]]" = OrderedDict()
    for f in findings:
        loc = f["location"]
        sheet = str(loc["sheet"])
        if sheet not in wb.sheetnames:
            note(path, f"{f.get('rule')}: sheet {sheet!r} not in workbook")
            continue
        cells = _cells_of(loc["cell"])
        if not cells:
            note(path, f"{f.get('rule')}: cell {loc['cell']!r} is not an A1 address")
            continue
        ws = wb[sheet]
        for r, c in cells:
            a = _anchor(ws, r, c)
            per_cell.setdefault((sheet, a.row, a.column), []).append(f)

    marked = set(per_cell)
    for (sheet, r, c), fs in per_cell.items():
        cell = wb[sheet].cell(row=r, column=c)
        worst = max(fs, key=lambda f: L.SEVERITY_ORDER[::-1].index(f.get("severity"))
                    if f.get("severity") in L.SEVERITY_ORDER else -1)
        color = SEVERITY_FILLS.get(str(worst.get("severity")), SEVERITY_FILLS["info"])
        cell.fill = PatternFill("solid", fgColor=color)
        seen_fp = set()
        blocks = []
        for f in fs:
            key = f.get("fingerprint") or id(f)
            if key in seen_fp:
                continue
            seen_fp.add(key)
            blocks.append(_comment_block(f, lang))
        text = "\n\n".join(blocks)
        if cell.comment is not None and cell.comment.text:
            text = cell.comment.text.rstrip() + "\n\n— " + AUTHOR + " —\n" + text
        text = _clean(text)
        w, h = _comment_size(text)
        cell.comment = Comment(text, AUTHOR, height=h, width=w)

    # related cells in the same workbook: a dashed border, nothing else
    for f in findings:
        for rel in f.get("related") or []:
            if not isinstance(rel, dict) or not rel.get("cell") or not rel.get("sheet"):
                continue
            if rel.get("path") and not _same_file(rel["path"], path) and rel["path"] != path:
                continue
            sheet = str(rel["sheet"])
            if sheet not in wb.sheetnames:
                continue
            ws = wb[sheet]
            for r, c in _cells_of(rel["cell"])[:200]:
                a = _anchor(ws, r, c)
                if (sheet, a.row, a.column) in marked:
                    continue
                a.border = RELATED_BORDER

    save_workbook_atomic(wb, out)
