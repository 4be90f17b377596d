"""Files → grids → tables, with every input problem turned into an IN finding instead of an exception."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .model import Finding, Location
from .readers.document import Paragraph
from .tables.detect import Unrecognised, detect_tables
from .tables.model import Table

from .tables.detect import EXCEL_ERRORS


@dataclass
class FileResult:
    path: str
    format: str = ""
    tables: list[Table] = field(default_factory=list)
    unrecognised: list[Unrecognised] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    error: str | None = None
    sheets: int = 0

    def summary(self) -> dict:
        return {
            "path": self.path,
            "format": self.format,
            "sheets": self.sheets,
            "tables": [{"sheet": t.sheet, "kind": t.kind, "range": t.range, "rows": len(t.rows),
                        "caption": t.caption} for t in self.tables],
            "unrecognised": [{"sheet": u.sheet, "reason": u.reason} for u in self.unrecognised],
            "paragraphs": len(self.paragraphs),
            "error": self.error,
        }


def in_finding(code: str, name: str, severity: str, path: str, message: str, sheet: str | None = None,
               cell: str | None = None, reported=None) -> Finding:
    # the message is the reader's own sentence; rules/input.yaml gives the code its name and severity
    return Finding(rule=code, name=name, severity=severity, message=message,
                   location=Location(path=path, sheet=sheet, cell=cell), reported=reported)


def load_file(path: str, limits=None) -> FileResult:
    """Read one file. Never raises for anything the file itself does wrong."""
    from .readers import safety
    from .readers.safety import InputProblem, Limits, check_file

    if not safety.HARDENED:
        safety.harden_xml()   # openpyxl parses through defusedxml whatever the environment says

    res = FileResult(path=path)
    try:
        kind = check_file(path, limits or Limits())
    except InputProblem as e:
        res.error = e.message
        res.problems.append(in_finding("IN001", "unreadable-file", "error", path, e.message, reported=e.reason))
        return res
    res.format = kind
    try:
        if kind == "docx":
            from .readers.document import read_document
            doc = read_document(path)
            grids, res.paragraphs = doc.grids, doc.paragraphs
        elif kind in ("xlsx", "xlsm", "xls", "ods"):
            from .readers.workbook import read_workbook
            grids = read_workbook(path)
        else:
            msg = {"html": "HTML page saved with a spreadsheet name; open it in Excel and save as .xlsx",
                   "csv": "plain text/CSV, not a workbook"}.get(kind, f"not a workbook or Word document ({kind})")
            res.error = msg
            res.problems.append(in_finding("IN001", "unreadable-file", "error", path, msg, reported=kind))
            return res
    except KeyboardInterrupt:
        raise
    except Exception as e:  # a reader library choked on the content: say so, keep going
        msg = f"cannot be read as {kind}: {type(e).__name__}: {str(e)[:160]}"
        res.error = msg
        res.problems.append(in_finding("IN001", "unreadable-file", "error", path, msg, reported=kind))
        return res
    res.sheets = len(grids)
    for g in grids:
        try:
            tables, notes = detect_tables(g)
        except KeyboardInterrupt:
            raise
        except Exception as e:  # detection must not take the file down with it
            tables, notes = [], [Unrecognised(g.sheet, f"detection failed: {type(e).__name__}: {e}")]
        res.tables.extend(tables)
        res.unrecognised.extend(notes)
        for (r, c) in sorted(g.uncached):
            if any(r in range(t.header[0], t.end + 1) and c in t.columns.values() for t in tables):
                res.problems.append(in_finding(
                    "IN002", "formula-without-cached-value", "error", path,
                    f"formula {g.formulas.get((r, c), '')} has no cached value (file never recalculated in Excel)",
                    sheet=g.sheet, cell=g.addr(r, c), reported=g.formulas.get((r, c))))
        for t in tables:
            for row in t.rows:
                for canon, cell in row.cells.items():
                    if isinstance(cell.raw, str) and cell.raw.strip().upper() in EXCEL_ERRORS:
                        res.problems.append(in_finding(
                            "IN004", "excel-error-value", "error", path,
                            f"cell shows Excel error {cell.raw.strip()}", sheet=g.sheet, cell=cell.addr,
                            reported=cell.raw.strip()))
    return res


def collect(paths: list[str]) -> tuple[list[str], list[dict]]:
    """Files to audit and what was skipped, from files and folders."""
    from .readers.discover import discover

    d = discover(paths)
    return d.files, [{"path": s.path, "reason": s.reason, "message": s.message} for s in d.skipped]


def load_all(paths: list[str]) -> tuple[list[FileResult], list[dict]]:
    files, skipped = collect(paths)
    return [load_file(os.fspath(p)) for p in files], skipped
