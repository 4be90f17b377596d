"""The outputs people act on, produced from samples/kalisat-2024 by the CLI, hold every finding."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "kalisat-2024"


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    before = {p.name: sha(p) for p in SAMPLES.iterdir()}
    cmd = [sys.executable, "-m", "auditor.cli", "check", str(SAMPLES), "--format", "json",
           "--annotate", str(out / "annotated"), "--html", str(out / "laporan.html"), "--kkr", str(out / "kkr.xlsx"),
           "--write-baseline", str(out / "baseline.json")]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert res.returncode == 1, res.stderr
    after = {p.name: sha(p) for p in SAMPLES.iterdir()}
    assert before == after, "an input changed"
    return out, json.loads(res.stdout)


def test_annotated_copies_carry_every_cell_finding(produced):
    out, report = produced
    by_file: dict[str, list[dict]] = {}
    for f in report["findings"]:
        if f["location"].get("cell") and f["location"]["path"].endswith(".xlsx"):
            by_file.setdefault(Path(f["location"]["path"]).name, []).append(f)
    assert by_file
    for name, findings in by_file.items():
        wb = openpyxl.load_workbook(out / "annotated" / name)
        for f in findings:
            cell = wb[f["location"]["sheet"]][f["location"]["cell"]]
            assert cell.comment is not None and f["rule"] in cell.comment.text, (name, f["location"])
            assert cell.fill.fgColor.rgb not in (None, "00000000")


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.stack, self.external = set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for k in ("src", "href"):
            if (a.get(k) or "").startswith(("http://", "https://", "//")):
                self.external.append(a[k])


def test_html_holds_every_finding_and_needs_no_network(produced):
    out, report = produced
    p = _Collect()
    p.feed((out / "laporan.html").read_text(encoding="utf-8"))
    assert p.external == []
    for f in report["findings"]:
        assert f"f-{f['fingerprint']}" in p.ids


def test_kkr_has_one_row_per_finding(produced):
    out, report = produced
    wb = openpyxl.load_workbook(out / "kkr.xlsx")
    ws = wb["KKR"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    for f in report["findings"]:
        assert f["rule"] in text
    assert ws.freeze_panes and ws.auto_filter.ref
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert len(rows) == len(report["findings"])


def test_baseline_suppresses_what_was_accepted(produced):
    out, report = produced
    res = subprocess.run([sys.executable, "-m", "auditor.cli", "check", str(SAMPLES), "--format", "json",
                          "--baseline", str(out / "baseline.json")], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    again = json.loads(res.stdout)
    assert res.returncode == 0 and again["findings"] == [] and again["suppressed"] == len(report["findings"])
