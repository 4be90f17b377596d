#!/usr/bin/env python3
"""The READ FLOOR of the batch benchmark: only read what `lkip-audit batch ROOT --jobs 2` reads.

Every folder under ROOT that directly holds office files is one task; tasks go, biggest first, to
`--jobs` worker processes (fork). A worker reads every cell of every worksheet of each workbook with
python-calamine (``to_python``: one Python object per cell, as the tool's reader gets them),
parses each .docx's ``word/document.xml`` with lxml and takes the text of every paragraph and table
cell (the part python-docx parses to get paragraphs and tables; styles, numbering and headers are
left out), and gets the text of every page of each PDF with pypdfium2. Nothing is interpreted. It
prints one JSON line: folders, files, cells, XML elements, docx texts, PDF pages and characters.
Files the floor cannot read without a converter (.doc, .odt, .rtf, web pages) count as nothing.

This is the least any auditor built on these libraries must do, so `batch time / floor time` says
how much the detection, the checks and the report add on top of reading.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import zipfile

OFFICE = (".xlsx", ".xlsm", ".xls", ".ods", ".docx", ".pdf")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def folders_of(root: str) -> list[tuple[int, str, list[str]]]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files = sorted(os.path.join(dirpath, f) for f in filenames
                       if f.lower().endswith(OFFICE) and not f.startswith((".", "~$")))
        if files:
            out.append((sum(os.path.getsize(f) for f in files), dirpath, files))
    return sorted(out, key=lambda t: -t[0])


def read_folder(files: list[str]) -> tuple[int, int, int, int, int]:
    import python_calamine as pc
    from lxml import etree

    cells = elements = texts = pages = chars = 0
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    for path in files:
        low = path.lower()
        if low.endswith(".docx"):
            with zipfile.ZipFile(path) as z:
                root = etree.fromstring(z.read("word/document.xml"), parser)
            elements += sum(1 for _ in root.iter())
            # the text of every paragraph (table cells hold paragraphs too): what the reader gets
            for para in root.iter(W + "p"):
                if "".join(t.text or "" for t in para.iter(W + "t")):
                    texts += 1
            continue
        if low.endswith(".pdf"):
            import pypdfium2 as pdfium
            doc = pdfium.PdfDocument(path)
            try:
                for i in range(len(doc)):
                    page = doc[i]
                    tp = page.get_textpage()
                    chars += len(tp.get_text_range())
                    tp.close()
                    page.close()
                    pages += 1
            finally:
                doc.close()
            continue
        try:
            wb = pc.CalamineWorkbook.from_path(path)
        except Exception:          # e.g. a web page saved as .xls: the tool converts it, the floor does not
            continue
        try:
            for meta in wb.sheets_metadata:
                if "WorkSheet" not in str(meta.typ):
                    continue
                rows = wb.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
                cells += sum(len(r) for r in rows)
        finally:
            wb.close()
    return cells, elements, texts, pages, chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    tasks = folders_of(a.root)
    cells = elements = texts = pages = chars = 0
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(max(1, min(a.jobs, len(tasks) or 1))) as pool:
        for c, e, x, p, n in pool.imap_unordered(read_folder, [t[2] for t in tasks], chunksize=1):
            cells += c
            elements += e
            texts += x
            pages += p
            chars += n
    json.dump({"folders": len(tasks), "files": sum(len(t[2]) for t in tasks), "cells": cells,
               "docx_elements": elements, "docx_texts": texts, "pdf_pages": pages, "pdf_chars": chars},
              sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
