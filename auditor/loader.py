"""Files → grids → tables, with every input problem turned into an IN finding instead of an exception."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .model import Finding, Location
from .readers.document import Paragraph
from .readers.grid import EXCEL_ERRORS
from .readers.safety import InputProblem
from .tables.detect import Unrecognised, detect_tables
from .tables.model import Table


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
    pages: int | None = None                  # PDF: its number of pages
    same_as: str | None = None                # PDF: the .docx beside it whose text it renders (readers.twin)
    twin: tuple | None = None                 # .docx: (units, header rows) a PDF beside it is compared with
    # parts no check looked at, with the reason (coverage.NotAudited): readers append theirs (a scanned
    # page, a sheet of no known shape); the run adds tables without rows and numbers never checked
    not_audited: list = field(default_factory=list)

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
            **({"pages": self.pages} if self.pages is not None else {}),
            **({"same_as": self.same_as} if self.same_as else {}),
        }


def in_finding(code: str, name: str, severity: str, path: str, message: str, sheet: str | None = None,
               cell: str | None = None, reported=None) -> Finding:
    # the message is the reader's own sentence; rules/input.yaml gives the code its name and severity
    return Finding(rule=code, name=name, severity=severity, message=message,
                   location=Location(path=path, sheet=sheet, cell=cell), reported=reported)


WORKBOOKS = ("xlsx", "xlsm", "xls", "ods")
CONVERTED = ("doc", "odt", "rtf")          # read as .docx after LibreOffice converts them


def _page_list(pages: list[int]) -> str:
    """[2, 3, 4, 8] -> "2-4, 8"."""
    runs: list[list[int]] = []
    for p in pages:
        if runs and p == runs[-1][1] + 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def scanned_findings(path: str, doc) -> list[Finding]:
    """Pages that are only an image (a scan) cannot be audited from text: say which (IN020); and pages whose
    text stands beside a big picture (IN021); pages PDFium could not load (IN022); tables set out without
    ruling lines, read as text only (IN023)."""
    out = []
    if doc.scanned:
        msg = f"{_page_list(doc.scanned)} / {doc.pages}"     # the rule's template says it in the report's language
        out.append(Finding(rule="IN020", name="pages-not-audited", severity="warning", message=msg,
                           location=Location(path=path, page=doc.scanned[0]), reported=_page_list(doc.scanned)))
    if doc.pictured:
        # text pages with a picture over a quarter of the page or more: what it shows was not read (IN021)
        out.append(Finding(rule="IN021", name="images-not-audited", severity="info",
                           message=_page_list(doc.pictured), location=Location(path=path, page=doc.pictured[0]),
                           reported=_page_list(doc.pictured)))
    if doc.damaged:
        out.append(Finding(rule="IN022", name="damaged-pages", severity="warning", message=_page_list(doc.damaged),
                           location=Location(path=path, page=doc.damaged[0]), reported=_page_list(doc.damaged)))
    unruled = getattr(doc, "unruled", ())
    if unruled:
        # tables without ruling lines: their numbers stand in the text, no table was read there (IN023)
        pages = [p for p, _ in unruled]
        numbers = sum(n for _, n in unruled)
        out.append(Finding(rule="IN023", name="unruled-tables-not-audited", severity="warning",
                           message=f"{_page_list(pages)}: {numbers}", location=Location(path=path, page=pages[0]),
                           reported=numbers))
    return out


@dataclass
class Opened:
    """The part of reading a file that may run in a thread ahead of the rest: the safety checks, and
    for a workbook calamine's parse (which releases the GIL, so it overlaps the Python work)."""
    kind: str = ""
    problem: Exception | None = None     # an InputProblem: the file is not read further
    parsed: object = None                # readers.workbook.parse(), or readers.pdf.read_pdf()
    details: dict | None = None          # a big workbook's streamed details pass, run beside the parse
    texts: list[str] | None = None       # a PDF with a .docx beside it: its pages' text only (readers.twin)
    error: Exception | None = None       # the parse failed: reported as the reader failing


def open_file(path: str, limits=None, text_only: bool = False) -> Opened:
    from .readers import safety
    from .readers.safety import InputProblem, Limits, check_file

    if not safety.HARDENED:
        safety.harden_xml()   # openpyxl parses through defusedxml whatever the environment says
    try:
        kind = check_file(path, limits or Limits())
    except InputProblem as e:
        return Opened(problem=e)
    opened = Opened(kind=kind)
    if kind in WORKBOOKS:
        try:
            from .readers.workbook import lean, parse
            if lean(path):
                # the streamed details pass (zlib, regular expressions) beside calamine's parse (which
                # releases the GIL): on two cores the formats of a big export cost little wall time
                from concurrent.futures import ThreadPoolExecutor

                from .readers.xlsx_lean import lean_details
                with ThreadPoolExecutor(1, thread_name_prefix="lkip-details") as pool:
                    job = pool.submit(lean_details, path)
                    opened.parsed = parse(path)
                    opened.details = job.result()
            else:
                opened.parsed = parse(path)
        except Exception as e:  # kept for load_file to report like any reader failure
            opened.error = e
    elif kind == "pdf":
        # PDFium releases the GIL: the pages are read while the rules' imports load. Only this thread
        # calls PDFium while it runs (PDFium is not thread-safe; load_all reads files one at a time here).
        try:
            from .readers.pdf import page_texts, read_pdf
            if text_only:
                # first only its text: if it renders the .docx beside it, that is all it needs (load_file)
                opened.texts = page_texts(path, max_pages=limits.max_pdf_pages if limits else None)
                if opened.texts is not None:
                    return opened
            opened.parsed = read_pdf(path, max_pages=limits.max_pdf_pages if limits else None)
        except Exception as e:  # an InputProblem (password, pages) or a PDFium failure: load_file reports it
            opened.error = e
    return opened


def load_file(path: str, limits=None, opened: Opened | None = None, words: list[FileResult] = (),
              twin: bool = False) -> FileResult:
    """Read one file (`opened`: open_file's result for it, when that ran ahead). Never raises for
    anything the file itself does wrong. `twin`: a .docx's text is kept for a PDF beside it to be
    compared with; `words`: those .docx files, read already, for a PDF (`opened` with its text only)."""
    if opened is None:
        opened = open_file(path, limits)
    if opened.texts is not None:
        same = _rendered(opened.texts, words)
        if same is not None:
            return FileResult(path=path, format="pdf", pages=len(opened.texts), same_as=same)
        opened = open_file(path, limits)          # not the same text: read in full, as any PDF
    res = FileResult(path=path)
    if opened.problem is not None:
        e = opened.problem
        res.error = e.message
        res.problems.append(in_finding("IN001", "unreadable-file", "error", path, e.message, reported=e.reason))
        return res
    res.format = kind = opened.kind
    try:
        if kind == "docx":
            from .readers.document import read_document
            doc = read_document(path)
            grids, res.paragraphs = doc.grids, doc.paragraphs
            if twin and doc.body is not None:
                from .readers.twin import word_units
                res.twin = word_units(doc.body)
        elif kind == "pdf":
            if opened.error is not None:
                raise opened.error
            doc = opened.parsed
            opened.parsed = None
            grids, res.paragraphs = doc.grids, doc.paragraphs
            res.pages = doc.pages
            res.problems.extend(scanned_findings(path, doc))
            from .coverage import not_audited_pages      # coverage lists them; IN020/IN022 report them
            res.not_audited.extend(not_audited_pages(doc))
        elif kind in WORKBOOKS:
            from .readers.workbook import read_workbook
            if opened.error is not None:
                raise opened.error
            grids = read_workbook(path, parsed=opened.parsed, details=opened.details)
            opened.parsed = opened.details = None
        elif kind in ("html", "mhtml"):
            from .readers.html import read_html
            grids = read_html(path, mime=kind == "mhtml")
        elif kind in CONVERTED:
            from .readers.convert import to_docx
            from .readers.document import read_document
            with to_docx(path, kind) as docx_path:
                doc = read_document(docx_path)
            for g in doc.grids:
                g.path = path
            for p in doc.paragraphs:
                p.path = path
            grids, res.paragraphs = doc.grids, doc.paragraphs
        else:
            msg = {"html": "HTML page saved with a spreadsheet name; open it in Excel and save as .xlsx",
                   "csv": "plain text/CSV, not a workbook"}.get(kind, f"not a workbook or Word document ({kind})")
            res.error = msg
            res.problems.append(in_finding("IN001", "unreadable-file", "error", path, msg, reported=kind))
            return res
    except KeyboardInterrupt:
        raise
    except InputProblem as e:  # the reader found what the first look could not (a PDF's password, its pages)
        res.error = e.message
        res.problems.append(in_finding("IN001", "unreadable-file", "error", path, e.message, reported=e.reason))
        return res
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
        if notes:
            from .coverage import not_audited_of_grid
            res.not_audited.extend(not_audited_of_grid(g, tables, notes))
        for (r, c) in sorted(g.uncached):
            if any(r in range(t.header[0], t.end + 1) and c in t.columns.values() for t in tables):
                res.problems.append(in_finding(
                    "IN002", "formula-without-cached-value", "error", path,
                    f"formula {g.formulas.get((r, c), '')} has no cached value (file never recalculated in Excel)",
                    sheet=g.sheet, cell=g.addr(r, c), reported=g.formulas.get((r, c))))
        for t in tables:
            for row in t.rows_with_errors():
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


def _rendered(texts: list[str], words: list[FileResult]) -> str | None:
    """The .docx among `words` whose text the PDF's pages render, if one does (readers.twin)."""
    from .readers.twin import page_streams, same_text

    streams = page_streams(texts)
    if streams is None:
        return None
    for w in words:
        if w.twin is not None and not w.error and same_text(*w.twin, streams) is None:
            return w.path
    return None


def _twin_plan(files: list[str]) -> tuple[list[int], dict[int, list[int]]]:
    """The order files are read in, and for each PDF with a .docx in the same folder those .docx files
    (indices): such a PDF is read after them, and compared with them first."""
    folder = [os.path.dirname(os.path.abspath(p)) for p in files]
    ext = [os.path.splitext(p)[1].lower() for p in files]
    words = [i for i, e in enumerate(ext) if e == ".docx"]
    beside = {i: [j for j in words if folder[j] == folder[i]] for i, e in enumerate(ext) if e == ".pdf"}
    beside = {i: js for i, js in beside.items() if js}
    order = [i for i in range(len(files)) if i not in beside] + sorted(beside)
    return order, beside


# Read the next file in a thread while this one is detected: on a machine with a core to spare (one
# `check`) the parse of a big export or a PDF overlaps the Python work. A batch worker shares the cores
# with the other workers, so there the thread only adds hand-offs: batch turns it off (measured on 24
# sample folders with their PDF, 2 workers: 2-4 % less wall time in 4 of 4 interleaved pairs).
READ_AHEAD = True


class _InOrder:
    """ThreadPoolExecutor's submit, run at once in the caller's thread (READ_AHEAD off)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> bool:
        return False

    @staticmethod
    def submit(fn, *args):
        from concurrent.futures import Future
        done: Future = Future()
        try:
            done.set_result(fn(*args))
        except Exception as e:  # noqa: BLE001 - handed to the caller by result(), as a thread's would be
            done.set_exception(e)
        return done


def load_all(paths: list[str], warm=None) -> tuple[list[FileResult], list[dict]]:
    """Every file of `paths`, read in order while a thread opens (checks and parses) the next one.
    `warm`: work for the main thread while the first file is being opened - the imports the rules
    will need, which would otherwise wait for the parse of a big export. A PDF with a .docx beside it is
    read after it, and only its text when that is the .docx's (readers.twin); results keep `paths`' order."""
    from concurrent.futures import ThreadPoolExecutor

    files, skipped = collect(paths)
    files = [os.fspath(p) for p in files]
    order, beside = _twin_plan(files)
    words = {j for js in beside.values() for j in js}
    out: list[FileResult | None] = [None] * len(files)

    def start(k: int):
        i = order[k]
        return pool.submit(open_file, files[i], None, i in beside)

    with ThreadPoolExecutor(1, thread_name_prefix="lkip-open") if READ_AHEAD else _InOrder() as pool:
        ahead = start(0) if files else None
        if warm is not None:
            warm()
        for k, i in enumerate(order):
            opened = ahead.result()
            ahead = start(k + 1) if k + 1 < len(order) else None
            out[i] = load_file(files[i], opened=opened, words=[out[j] for j in beside.get(i, ())],
                               twin=i in words)
            del opened
    for i in words:
        out[i].twin = None                        # compared: no longer needed
    return out, skipped
