"""Every real file in ../shared/real (documents nobody here wrote): read or refused with a reason, never a
traceback; no error anywhere (none of the inconsistencies its README lists is an arithmetic one the
tool claims to find, and everything else is consistent); warnings only to say what was not audited;
coverage stated. Skips cleanly when ../shared is absent."""
from __future__ import annotations

import pytest

from auditor.engine import audit
from tests.helpers import shared_dir

SHARED = shared_dir()
REAL = SHARED / "real" if SHARED else None
FOLDERS = sorted(p for p in REAL.iterdir() if p.is_dir()) if REAL and REAL.is_dir() else []
NOT_AUDITED = {"IN001", "IN003", "IN006", "IN007", "IN008", "IN020", "IN021", "IN022", "IN023"}
# what ../shared/real/README.md lists as verified wrong, where the tool finds it
VERIFIED = {"pasuruan-bappeda-2021": {"NAME111", "TXT101", "TXT103"},  # columns (1)(2)(3)(6); 050/… vs 060/…; 2 vs 4 Januari
            "tapin-bps-2026": {"NAME112", "TXT102", "TXT104",   # [1.3.1.1] twice; "83.2" among "3,43"; no name;
                               "TXT005"}}                      # the template's $efesiensi left in the minutes


@pytest.fixture(scope="module", params=FOLDERS or [None], ids=lambda p: p.name if p else "absent")
def folder_report(request):
    if request.param is None:
        pytest.skip("../shared/real not present")
    return request.param, audit([str(request.param)])


def test_no_error_and_only_not_audited_warnings(folder_report):
    folder, rep = folder_report
    errors = [(f["rule"], f["location"].get("cell"), f["message"][:80]) for f in rep["findings"]
              if f["severity"] == "error" and f["rule"] not in VERIFIED.get(folder.name, set())]
    assert errors == [], folder.name
    warnings = {f["rule"] for f in rep["findings"] if f["severity"] == "warning"}
    allowed = NOT_AUDITED | VERIFIED.get(folder.name, set())
    assert warnings <= allowed, (folder.name, warnings - allowed)


def test_every_file_is_read_or_said_not_to_be(folder_report):
    folder, rep = folder_report
    seen = {f["path"] for f in rep["files"]} | {s["path"] for s in rep["skipped"]}
    for p in folder.iterdir():
        assert str(p) in seen, p.name
    cov = rep["summary"]["coverage"]
    assert cov["files"] == len(rep["files"]) and cov["checked"] <= cov["numbers"]
    for f in rep["files"]:
        c = f["coverage"]
        # a file of numbers none of which was checked says so with an IN finding
        if c["numbers"] and not c["checked"]:
            assert any(x["rule"] in NOT_AUDITED and x["location"]["path"] == f["path"] for x in rep["findings"]), f["path"]


def _one(name):
    match = [p for p in FOLDERS if p.name == name]
    if not match:
        pytest.skip(f"{name} not in ../shared/real")
    return audit([str(match[0])])


def test_sipd_rekapitulasi_belanja_every_number_checked():
    cov = _one("lampung-selatan-diskominfo-2026")["summary"]["coverage"]
    assert cov["numbers"] > 25_000 and cov["checked"] == cov["numbers"]


def test_revenue_report_saved_as_mhtml_every_number_checked():
    rep = _one("tangsel-bapenda-2020")
    [f] = rep["files"]
    assert f["coverage"]["checked"] == f["coverage"]["numbers"] > 900


def test_line_items_under_sub_kegiatan_codes_are_not_called_misnamed():
    rep = _one("mamberamo-raya-2023")
    assert not [f for f in rep["findings"] if f["rule"] in ("NAME103", "SUM002", "SUM104")]


def test_an_evaluation_worksheet_has_its_outline_sums_checked():
    """Trenggalek's KKE SAKIP: components over sub components over criteria over evidence, in columns of
    their own; every parent adds up (its README), so SUM112 says nothing and the sums count as checked.
    The first component row under the two-row header of PENILAIAN is data, not more header."""
    rep = _one("trenggalek-kke-sakip")
    assert not [f for f in rep["findings"] if f["rule"] == "SUM112"]
    [f] = rep["files"]
    assert f["coverage"]["checked"] >= 350          # 225 before the outline was read
    from auditor.loader import load_file
    penilaian = next(t for t in load_file(f["path"]).tables if t.sheet == "PENILAIAN")
    assert penilaian.headers["kode"] == "kode" and penilaian.rows[0].label == "Perencanaan Kinerja"


def test_an_e_budgeting_export_and_its_rkpd_are_compared_per_code():
    """Mamberamo Raya: before the change the e-budgeting lines and the RKPD agree on every sub keluaran
    (its README), after it they differ on some: XDOC102 says so (info) on menjadi_anggaran only, and the
    numbers compared count as checked (none were before); the 122 sub keluaran only the e-budgeting has are
    one XDOC103."""
    rep = _one("mamberamo-raya-2023")
    found = [f for f in rep["findings"] if f["rule"] == "XDOC102"]
    assert found and {f["severity"] for f in found} == {"info"}
    assert {f["location"]["cell"].rstrip("0123456789") for f in found} == {"U"}      # menjadi_anggaran
    assert rep["summary"]["coverage"]["checked"] > 7000
    assert [(f["location"]["path"].rsplit("/", 1)[-1], f["reported"]) for f in rep["findings"]
            if f["rule"] == "XDOC103"] == [("ebugeting-perubahan-2023.xlsx", 122)]
