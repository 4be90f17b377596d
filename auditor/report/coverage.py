"""Coverage in words, for every reporter: what was read, how much of it was checked, what was not.

The figures come from the report dict (`files[].coverage`, `summary.coverage`, built by
auditor/coverage.py once the rules ran); every reporter (terminal, HTML, KKR, batch rekap) says them
with these helpers, so "no findings" is never printed without what it covers.
"""
from __future__ import annotations

import os

from .labels import cell_ref, display_path, format_value

T = {
    "id": {
        "line": "{numbers} angka dibaca dari {tables} tabel ({rows} baris); {checked} ikut diperiksa ({pct})",
        "short": "{checked}/{numbers} angka diperiksa ({pct})",
        "none": "tidak ada angka dalam tabel yang dikenali",
        "clean": "Tidak ada temuan pada {checked} angka yang diperiksa dari {numbers} yang dibaca ({pct}).",
        "clean_none": "Tidak ada temuan — tetapi tidak satu angka pun dapat diperiksa.",
        "not_audited": "Tidak diaudit",
        "skipped": "{n} berkas dilewati",
        "numbers": "{n} angka",
        "coverage": "Cakupan",
        "same_as": "isinya sama dengan {name}: angkanya diperiksa di sana",
    },
    "en": {
        "line": "{numbers} numbers read in {tables} tables ({rows} rows); {checked} took part in a check ({pct})",
        "short": "{checked}/{numbers} numbers checked ({pct})",
        "none": "no numbers in a recognised table",
        "clean": "No findings in the {checked} numbers checked of the {numbers} read ({pct}).",
        "clean_none": "No findings — but not one number could be checked.",
        "not_audited": "Not audited",
        "skipped": "{n} files skipped",
        "numbers": "{n} numbers",
        "coverage": "Coverage",
        "same_as": "same text as {name}: its numbers are checked there",
    },
}


def _t(lang: str, key: str) -> str:
    return T["en" if lang == "en" else "id"][key]


def pct_text(p, lang: str) -> str:
    return "–" if p is None else f"{format_value(p, lang)} %"


def _fields(cov: dict, lang: str) -> dict:
    return {"numbers": format_value(cov.get("numbers", 0), lang), "checked": format_value(cov.get("checked", 0), lang),
            "tables": format_value(cov.get("tables", 0), lang), "rows": format_value(cov.get("rows", 0), lang),
            "pct": pct_text(cov.get("percent"), lang)}


def coverage_line(cov: dict | None, lang: str) -> str:
    """"2.308 angka dibaca dari 70 tabel (930 baris); 1.783 ikut diperiksa (77,3 %)" (file or run)."""
    if not cov:
        return ""
    if not cov.get("numbers"):
        return _t(lang, "none")
    return _t(lang, "line").format(**_fields(cov, lang))


def short(cov: dict | None, lang: str) -> str:
    """"376/398 angka diperiksa (94,5 %)" — for a column."""
    if cov and cov.get("same_as"):
        return _t(lang, "same_as").format(name=os.path.basename(cov["same_as"]))
    if not cov or not cov.get("numbers"):
        return _t(lang, "none") if cov is not None else ""
    return _t(lang, "short").format(**_fields(cov, lang))


def clean_text(report: dict) -> str:
    """What "no findings" covers, said with it."""
    lang = report.get("lang", "id")
    cov = report.get("summary", {}).get("coverage") or {}
    if not cov.get("checked"):
        return _t(lang, "clean_none")
    return _t(lang, "clean").format(**_fields(cov, lang))


def not_audited(report: dict, skipped: bool = True, action: bool = True) -> list[tuple[str, str]]:
    """(where, why — what to do) for every part of the run that was not audited: each file's items,
    then the skipped files."""
    lang = report.get("lang", "id")
    roots = report.get("paths") or []
    out = []
    for f in report.get("files", []):
        for x in (f.get("coverage") or {}).get("not_audited", []):
            out.append((where(f["path"], x, roots), reason(x, lang, action)))
    for x in (report.get("summary", {}).get("coverage") or {}).get("skipped_files", []) if skipped else ():
        out.append((display_path(x["path"], roots), reason(x, lang, action)))
    return out


def where(path: str, x: dict, roots=()) -> str:
    name = display_path(path, roots)
    at = x.get("where") if x.get("where") and ":" not in (x.get("where") or "") else None
    spot = cell_ref(x.get("sheet"), at) if x.get("sheet") else ""
    if x.get("where") and ":" in x["where"]:
        spot = f"{x.get('sheet') or ''}!{x['where']}" if x.get("sheet") else x["where"]
    return f"{name} {spot}".strip()


def reason(x: dict, lang: str, action: bool = True) -> str:
    bits = [x.get("why") or x.get("reason", "")]
    if x.get("detail"):
        bits[0] += f" ({x['detail']})"
    if x.get("numbers"):
        bits[0] += ", " + _t(lang, "numbers").format(n=format_value(x["numbers"], lang))
    return bits[0] + (f" — {x['action']}" if action and x.get("action") else "")


def label(lang: str, key: str) -> str:
    return _t(lang, key)
