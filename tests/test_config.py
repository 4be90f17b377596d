"""A user's config changes what the audit reports — tolerance mode, severities, disabled rules, scale, language."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.checks.base import ConfigError
from auditor.engine import audit
from tests.helpers import write_tables

HEADER = ["No", "Program/ Kegiatan/ Sub Kegiatan", "PAGU (Rp)", "REALISASI (Rp)", "%"]


@pytest.fixture()
def tabel38(tmp_path):
    return write_tables(tmp_path / "t.xlsx", [{"header": HEADER, "rows": [
        ["1", "Program Penyelenggaraan Pemerintahan", 781140000, 779777200, 99],     # 99,83 truncated
        ["2", "Program Penunjang Urusan", 232309480, 230544850, 85],                  # 99,24: wrong either way
    ]}])


def cfg(tmp_path, data) -> str:
    p = Path(tmp_path) / "cfg.yaml"
    p.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(p)


def cells(report, rule):
    return sorted(f["location"]["cell"] for f in report["findings"] if f["rule"] == rule)


def test_round_mode_flags_truncation_truncate_mode_accepts_it(tmp_path, tabel38):
    assert cells(audit([tabel38]), "PCT001") == ["E2", "E3"]
    r = audit([tabel38], config=cfg(tmp_path, {"rules": {"PCT001": {"tolerance": {"mode": "truncate"}}}}))
    assert cells(r, "PCT001") == ["E3"]


def test_absolute_tolerance_widens_the_interval(tmp_path, tabel38):
    r = audit([tabel38], config=cfg(tmp_path, {"rules": {"PCT001": {"tolerance": {"absolute": 1}}}}))
    assert cells(r, "PCT001") == ["E3"]


def test_severity_and_disable(tmp_path, tabel38):
    r = audit([tabel38], config=cfg(tmp_path, {"rules": {"PCT001": {"severity": "info"}}}))
    assert {f["severity"] for f in r["findings"] if f["rule"] == "PCT001"} == {"info"}
    r = audit([tabel38], config=cfg(tmp_path, {"disable": ["PCT001"]}))
    assert cells(r, "PCT001") == []


def test_a_config_does_not_outlive_its_audit(tmp_path, tabel38):
    # the catalogue is parsed once per process (batch workers): each audit gets its own rules
    cfg_path = cfg(tmp_path, {"disable": ["PCT001"], "rules": {"SUM001": {"severity": "info"},
                                                            "PCT001": {"tolerance": {"mode": "truncate"}}}})
    assert cells(audit([tabel38], config=cfg_path), "PCT001") == []
    again = audit([tabel38])
    assert cells(again, "PCT001") == ["E2", "E3"]
    from auditor.rules import load_rules
    rules = load_rules()
    assert rules["PCT001"].enabled and rules["SUM001"].severity == "error"
    assert rules["PCT001"].tolerance.mode == "round"


def test_an_edited_rules_file_is_read_again(tmp_path, tabel38):
    from auditor.rules import load_rules
    extra = tmp_path / "extra.yaml"
    base = load_rules()["PCT001"]
    def write(severity):
        extra.write_text(yaml.safe_dump({"rules": [{
            "code": "PCT001", "name": base.name, "check": base.check, "severity": severity,
            "params": base.params, "message": base.message}]}, allow_unicode=True), encoding="utf-8")
    write("warning")
    assert load_rules([str(extra)])["PCT001"].severity == "warning"
    write("info")
    import os
    st = extra.stat()
    os.utime(extra, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))   # a later edit, whatever the clock
    assert load_rules([str(extra)])["PCT001"].severity == "info"


def test_english_messages_same_findings(tabel38):
    a, b = audit([tabel38], lang="id"), audit([tabel38], lang="en")
    assert [(f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in a["findings"]] == \
        [(f["rule"], f["location"]["cell"], f["reported"], f["expected"]) for f in b["findings"]]
    assert a["findings"][0]["message"] != b["findings"][0]["message"]


def test_scale_convention_changes_judgement(tmp_path):
    # no Tabel 3.1 in the file: the regulation judges. 90,5 falls between the integer bands.
    p = write_tables(tmp_path / "p.xlsx", [{"header": ["Sasaran/ Indikator", "% Capaian", "Predikat Kinerja Sangat Tinggi",
                                                       "Predikat Kinerja Tinggi"],
                                            "rows": [["Indikator 1.1 X", "90,5%", "", "✓"],
                                                     ["Indikator 1.2 Y", "95%", "", "✓"],
                                                     ["Indikator 1.3 Z", "116,54%", "", "✓"]]}])
    cont = audit([p])
    assert cells(cont, "PRED001") == ["D3", "D4"]                # continuous: 90,5 < 91 is Tinggi; 95 and 116,54 are not
    integer = audit([p], config=cfg(tmp_path, {"scale": {"name": "permendagri-86-2017", "convention": "integer"}}))
    assert cells(integer, "PRED001") == ["D3"]                   # 90,5 and 116,54 fall in no integer band: not judged


@pytest.mark.parametrize("bad", [{"nonsense": 1}, {"rules": {"XX999": {"severity": "error"}}},
                                 {"rules": {"PCT001": {"severity": "fatal"}}}, {"scale": "no-such-scale"},
                                 {"rules": {"PCT001": {"tolerance": {"mode": "ceil"}}}},
                                 {"rules": {"PCT001": {"params": {"bogus": 1}}}}])
def test_bad_config_is_a_config_error(tmp_path, tabel38, bad):
    with pytest.raises(ConfigError):
        audit([tabel38], config=cfg(tmp_path, bad))


def test_extra_rules_file_overrides_a_rule(tmp_path, tabel38):
    rules = yaml.safe_load((Path(__file__).parent.parent / "rules" / "default.yaml").read_text(encoding="utf-8"))
    pct = next(r for r in rules["rules"] if r["code"] == "PCT001")
    pct["severity"] = "warning"
    extra = tmp_path / "mine.yaml"
    extra.write_text(yaml.safe_dump({"rules": [pct]}, allow_unicode=True), encoding="utf-8")
    r = audit([tabel38], rules_files=[str(extra)])
    assert {f["severity"] for f in r["findings"] if f["rule"] == "PCT001"} == {"warning"}
