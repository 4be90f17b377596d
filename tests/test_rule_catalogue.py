"""Every registered rule is documented, and its documented examples behave as documented (sqlfluff-style)."""
from __future__ import annotations

import pytest

from auditor.checks import CHECKS
from auditor.engine import audit
from auditor.rules import load_rules
from tests.helpers import write_tables

RULES = load_rules()


def test_catalogue_is_not_empty_and_codes_are_stable_shape():
    assert len(RULES) >= 10
    for code, r in RULES.items():
        assert code == r.code
        assert r.family in {"IN", "SUM", "PCT", "PRED", "EFF", "XDOC", "NAME", "TXT", "CNT", "PER"}
        assert code[len(r.family):].isdigit()


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented_in_both_languages(code):
    r = RULES[code]
    for key in ("what", "why", "fix"):
        assert r.doc.get(key, {}).get("id") and r.doc[key].get("en"), f"{code}: doc.{key} missing"
    assert r.title.get("id") and r.title.get("en")
    assert r.message.get("id") and r.message.get("en")
    assert r.check in CHECKS
    assert "fail" in r.examples and "pass" in r.examples, f"{code}: needs a failing and a passing example"
    assert r.examples["fail"].get("findings"), f"{code}: the failing example must name the cells it flags"
    # examples are tables (run below), narrative text (tests/test_text.py), input files (tests/test_reliability.py)
    # or series of files (tests/test_periods.py)
    assert any(k in r.examples["fail"] for k in ("header", "tables", "text", "file", "files")), code


def _run_example(tmp_path, code, which):
    ex = RULES[code].examples[which]
    path = _write_example(tmp_path, f"{code}-{which}", ex)
    # across-year examples (PER): `previous` is the earlier year's workbook, passed as --previous
    previous = [_write_example(tmp_path, f"{code}-{which}-previous", ex["previous"])] if "previous" in ex else None
    report = audit([path], previous=previous)
    return [f for f in report["findings"] if f["rule"] == code], report


def _write_example(tmp_path, name, ex):
    # `year`: the workbook sits in a folder of that year (a year the document itself does not state)
    folder = tmp_path / str(ex["year"]) if "year" in ex else tmp_path
    folder.mkdir(exist_ok=True)
    return write_tables(folder / f"{name}.xlsx", ex.get("tables") or [ex])


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.examples.get("fail", {}).get("header")
                                        or r.examples.get("fail", {}).get("tables")))
def test_failing_example_fails_at_the_documented_cells(tmp_path, code):
    found, report = _run_example(tmp_path, code, "fail")
    assert sorted((f["location"].get("cell") for f in found), key=str) == sorted(RULES[code].examples["fail"]["findings"], key=str), \
        [f["message"] for f in report["findings"]]


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.examples.get("pass", {}).get("header")
                                        or r.examples.get("pass", {}).get("tables")))
def test_passing_example_passes(tmp_path, code):
    found, report = _run_example(tmp_path, code, "pass")
    assert found == [], [f["message"] for f in found]
