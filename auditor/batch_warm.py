"""Importing this module warms the process for audits: a batch preloads it in the fork server.

`batch`'s workers are forked from a fork server that imports `auditor.batch.PRELOAD` once; whatever
that process has done, every worker inherits for free. Besides the modules (the readers, PDF ones
included, every check kind and what each one's `warm(rule)` imports), this parses the default rule
catalogue (cached per process by rules.load_rules) and opens the shipped nomenclature reference
(cached per process by reference.load). Measured on the sample folder with its PDF: the first audit
of a worker cost ~0.35 s more than the next ones, most of it these imports and the catalogue.

Nothing here depends on a folder, and nothing of it changes what an audit finds: the same caches
are filled by the first audit otherwise. Failures are ignored (the audit reports what it cannot use).
"""
from __future__ import annotations

import importlib

MODULES = ("auditor.readers.pdf", "auditor.readers.xlsx_lean", "auditor.readers.html", "auditor.readers.convert",
           "auditor.coverage", "auditor.pages", "auditor.periods.units", "auditor.periods.years",
           "auditor.reference", "auditor.reference.match", "auditor.tables.codetree", "auditor.tables.conventions",
           "auditor.tables.relations", "auditor.entities", "auditor.readers.twin", "pypdfium2", "pdfplumber.table",
           # what the first audit of a worker imported besides (measured: a sample folder with its PDF)
           "concurrent.futures.thread", "defusedxml.ElementTree", "xml.etree.ElementTree", "mmap",
           "encodings.utf_16_le")


def warm_process() -> None:
    for mod in MODULES:
        try:
            importlib.import_module(mod)
        except Exception:  # noqa: BLE001 - an optional reader's library missing: its files say so
            pass
    try:
        from .engine import warm
        from .rules import load_rules
        rules = load_rules()
        for rule in rules.values():          # every check kind's module, then what it imports to run
            rule.check_module()
        warm(rules)
    except Exception:  # noqa: BLE001
        pass
    try:
        from .reference import load
        load(None)
    except Exception:  # noqa: BLE001
        pass
    try:
        from .tables.kinds import compile_all
        compile_all()
    except Exception:  # noqa: BLE001
        pass


warm_process()
