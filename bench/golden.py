#!/usr/bin/env python3
"""Findings and facts of a fixed set of inputs, to prove an optimisation changes nothing.

    python bench/golden.py OUT.json            # write the golden copy
    python bench/golden.py OUT.json --compare GOLDEN.json   # exit 1 and name what differs

The set: samples/kalisat-2024, samples/kalisat-2024-pdf (with the workbooks of the sample, as a
user's folder with the PDF), samples/kalisat-2024 with --previous samples/kalisat-2023, every folder
of the shared real corpus (when present), and the 20,000- and 100,000-row exports of bench/corpus.py
(when built under bench/out/corpus). Each audit's findings (the report's JSON, seconds dropped) and
the facts the fact store built (every Fact and Entity, repr'd) are kept.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if "--tool-root" in sys.argv:            # audit with another checkout's auditor (e.g. the commit before)
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--tool-root") + 1]).resolve()))
else:
    sys.path.insert(0, str(REPO))


def _shared():
    sys.path.insert(0, str(REPO / "tests"))
    from helpers import shared_dir
    return shared_dir()


def _twin_folder(s: Path) -> Path:
    """bench/out/golden-twin: the sample folder with its PDF beside the .docx (rebuilt each run)."""
    import shutil
    d = HERE / "out" / "golden-twin"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    for p in (s / "kalisat-2024").iterdir():
        shutil.copy(p, d / p.name)
    shutil.copy(s / "kalisat-2024-pdf" / "lkip-2024.pdf", d / "lkip-2024.pdf")
    return d


def cases() -> list[tuple[str, list[str], dict]]:
    s = REPO / "samples"
    out = [("kalisat-2024", [str(s / "kalisat-2024")], {}),
           ("kalisat-2024-pdf", [str(s / "kalisat-2024-pdf" / "lkip-2024.pdf")], {}),
           ("kalisat-2024-pdf+xlsx", [str(s / "kalisat-2024-pdf" / "lkip-2024.pdf")]
            + sorted(str(p) for p in (s / "kalisat-2024").glob("*.xlsx")), {}),
           ("kalisat-2024 --previous 2023", [str(s / "kalisat-2024")], {"previous": [str(s / "kalisat-2023")]}),
           # the .docx and the PDF in two folders: both read in full, findings folded
           ("kalisat-2024 + pdf elsewhere", [str(s / "kalisat-2024"), str(s / "kalisat-2024-pdf" / "lkip-2024.pdf")], {}),
           # a user's folder holding both: the PDF is compared with the .docx (readers.twin)
           ("kalisat-2024 with its pdf", [str(_twin_folder(s))], {})]
    sh = _shared()
    if sh is not None and (sh / "real").is_dir():
        for d in sorted(p for p in (sh / "real").iterdir() if p.is_dir()):
            out.append((f"real/{d.name}", [str(d)], {}))
    big = HERE / "out" / "corpus"
    for name in ("big/sipd-realisasi-20k.xlsx", "big100k/sipd-realisasi-100k.xlsx"):
        if (big / name).is_file():
            out.append((name, [str(big / name)], {}))
    return out


def scrub(x):
    if isinstance(x, dict):
        return {k: scrub(v) for k, v in x.items() if k not in ("seconds", "elapsed", "duration", "peak_rss_mb")}
    if isinstance(x, list):
        return [scrub(v) for v in x]
    return x


def plain(x):
    """A fact or entity as plain data, sets sorted (their order changes with the hash seed)."""
    import dataclasses
    from decimal import Decimal
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, (set, frozenset)):
        return sorted((plain(v) for v in x), key=repr)
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, Decimal):
        return str(x)
    return x if isinstance(x, (str, int, float, bool, type(None))) else repr(x)


def run() -> dict:
    from auditor import engine, facts
    seen = []
    orig = facts.build_facts

    def capture(*a, **kw):
        store = orig(*a, **kw)
        seen.append(store)
        return store

    facts.build_facts = capture
    out = {}
    for name, paths, kw in cases():
        seen.clear()
        rep = engine.audit(paths, **kw)
        out[name] = {"report": scrub(json.loads(json.dumps(rep, default=str))),
                     "facts": [{"facts": sorted((plain(f) for f in st.facts), key=lambda d: json.dumps(d, sort_keys=True)),
                                "entities": {k: plain(e) for k, e in st.entities.items()}} for st in seen]}
        sys.stderr.write(f"{name}: {len(rep.get('findings', []))} findings, "
                         f"{sum(len(st.facts) for st in seen)} facts\n")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--compare")
    ap.add_argument("--tool-root", help="audit with this checkout's auditor package")
    a = ap.parse_args()
    got = run()
    Path(a.out).write_text(json.dumps(got, indent=0, sort_keys=True, ensure_ascii=False))
    if not a.compare:
        return 0
    gold = json.loads(Path(a.compare).read_text())
    bad = [k for k in sorted(set(gold) | set(got)) if gold.get(k) != json.loads(json.dumps(got.get(k), sort_keys=True))]
    for k in bad:
        sys.stderr.write(f"DIFFERS: {k}\n")
    sys.stderr.write("identical\n" if not bad else f"{len(bad)} differ\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
