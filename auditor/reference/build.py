"""Build the compact nomenclature reference from a Kepmendagri nomenclature workbook.

Source of the shipped reference (`kepmendagri.zip` beside this file): the workbook
`public/data subkegiatan.xlsx` of the public repository ichien86/esakip at commit
17ece1cf25b101122dad8997cc65ea2612aba4d6 — the Kepmendagri nomenclature of bidang urusan / program /
kegiatan / sub kegiatan with each sub kegiatan's kinerja, indikator and satuan, PROV (4,207 rows) and
KABKOT (3,558 rows), in its 2025 revision (it cites 2025 regulations). Regenerate with

    python -m auditor.reference.build "data subkegiatan.xlsx" auditor/reference/kepmendagri.zip \
        --revision 2025 --source "ichien86/esakip @ 17ece1c… : public/data subkegiatan.xlsx"

The workbook has one sheet, one header row, one row per sub kegiatan:
`JENIS PEMDA | BIDANG | PROGRAM | KEGIATAN | SUBKEGIATAN | KINERJA | INDIKATOR | SATUAN | … |
SUBKEGIATAN SEBELUMNYA`, each level written "code name" ("7.01.02 PROGRAM PENYELENGGARAAN …").
Columns are found by their header words, so a workbook of another revision with the same columns in
another order reads too (the `nomenclature:` config key builds it on the fly, auditor.reference).

Each reference row: (jenis, code, level, name, kinerja, indikator, satuan, now) — `now` is empty for
a code of the revision and, for a former code listed under SUBKEGIATAN SEBELUMNYA, the code that
replaced it (its name is the former name). The file is a zip archive with `meta.json` (revision,
source, columns) and one JSON member per jenis and bidang (`KABKOT/7.01.json`, `KABKOT/X.XX.json`): an
audit decompresses only the few bidang its documents use (~1 ms) instead of all 10,000 codes.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from . import NomenclatureError

COLUMNS = ("jenis", "code", "level", "name", "kinerja", "indikator", "satuan", "now")
# header words -> field; the level columns carry "code name"
HEADERS = {
    "jenis pemda": "jenis", "jenis": "jenis", "bidang": "bidang", "bidang urusan": "bidang",
    "program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub_kegiatan", "sub kegiatan": "sub_kegiatan",
    "kinerja": "kinerja", "indikator": "indikator", "satuan": "satuan",
    "subkegiatan sebelumnya": "previous", "sub kegiatan sebelumnya": "previous",
}
LEVEL_COLUMNS = ("bidang", "program", "kegiatan", "sub_kegiatan")
_CODE_NAME = re.compile(r"\s*([0-9X]\.(?:[0-9]{2}|XX)(?:\.[0-9]{2}(?:\.[0-9]\.[0-9]{2}(?:\.[0-9]{4})?)?)?)\s+(.*)",
                        re.S | re.I)


def clean(text) -> str:
    """Text as a name: the source's line breaks inside names ("Penyusunan Dokumen\\n\\nPerubahan") and
    runs of spaces become one space."""
    return " ".join(str(text).split()) if text is not None else ""


def split(cell) -> tuple[str, str] | None:
    m = _CODE_NAME.match(clean(cell))
    return (m.group(1).upper(), m.group(2).strip()) if m else None


def _header_map(header) -> dict[str, int]:
    out = {}
    for i, h in enumerate(header):
        key = HEADERS.get(" ".join(str(h or "").lower().replace("_", " ").split()))
        if key and key not in out:
            out[key] = i
    missing = [k for k in ("jenis", "program", "kegiatan", "sub_kegiatan") if k not in out]
    if missing:
        raise NomenclatureError(f"no column {', '.join(m.upper() for m in missing)} in the header row")
    return out


def rows_from_workbook(path: str | Path) -> list[tuple]:
    """Reference rows from a nomenclature workbook (first sheet whose first row is the header)."""
    from python_calamine import CalamineWorkbook     # fast, and already a dependency of the readers
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as e:  # noqa: BLE001 - any unreadable file is one line for the user
        raise NomenclatureError(f"{path}: cannot be read as a workbook ({type(e).__name__})") from None
    last_error = None
    for name in wb.sheet_names:
        data = wb.get_sheet_by_name(name).to_python()
        if not data:
            continue
        try:
            cols = _header_map(data[0])
        except NomenclatureError as e:
            last_error = e
            continue
        return _rows(data[1:], cols)
    raise NomenclatureError(f"{path}: {last_error or 'empty workbook'}")


def _rows(body, cols: dict[str, int]) -> list[tuple]:
    seen: dict[tuple, tuple] = {}
    former: list[tuple] = []

    def get(row, key):
        i = cols.get(key)
        return row[i] if i is not None and i < len(row) else None

    for row in body:
        jenis = clean(get(row, "jenis")).upper()
        if not jenis:
            continue
        sub_code = None
        for level in LEVEL_COLUMNS:
            got = split(get(row, level))
            if got is None:
                continue
            code, name = got
            extra = ("", "", "")
            if level == "sub_kegiatan":
                sub_code = code
                extra = (clean(get(row, "kinerja")), clean(get(row, "indikator")), clean(get(row, "satuan")))
            seen.setdefault((jenis, code), (jenis, code, level, name) + extra + ("",))
        prev = split(get(row, "previous"))
        if prev and sub_code and prev[0] != sub_code:
            former.append((jenis, prev[0], "sub_kegiatan", prev[1], "", "", "", sub_code))
    for r in former:
        seen.setdefault((r[0], r[1]), r)     # a code of the revision wins over a former one
    return sorted(seen.values(), key=lambda r: (r[0], r[1]))


def bidang_of(code: str) -> str:
    return ".".join(code.split(".")[:2])


def groups(rows) -> dict[tuple[str, str], list]:
    out: dict[tuple[str, str], list] = {}
    for r in rows:
        out.setdefault((r[0], bidang_of(r[1])), []).append(list(r))
    return out


def write(rows: list[tuple], out: str | Path, *, revision: str, source: str) -> None:
    import zipfile

    def put(zf, name, obj):
        # a fixed date: the same workbook gives the same bytes (a reviewable, reproducible file)
        info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, json.dumps(obj, ensure_ascii=False, separators=(",", ":")), compresslevel=9)

    with zipfile.ZipFile(out, "w") as zf:
        put(zf, "meta.json", {"revision": revision, "source": source, "columns": list(COLUMNS)})
        for (jenis, bidang), members in sorted(groups(rows).items()):
            put(zf, f"{jenis}/{bidang}.json", members)


def main(argv=None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workbook")
    ap.add_argument("out")
    ap.add_argument("--revision", required=True, help="the revision's name, e.g. 2025")
    ap.add_argument("--source", required=True, help="where the workbook comes from (repository @ commit : path)")
    a = ap.parse_args(argv)
    try:
        rows = rows_from_workbook(a.workbook)
    except NomenclatureError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    write(rows, a.out, revision=a.revision, source=a.source)
    print(f"{len(rows)} codes -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
