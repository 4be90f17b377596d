"""Atomic outputs, and outputs that would touch an input."""
from __future__ import annotations

import hashlib
import os

import pytest

from auditor.outio import OutputProblem, atomic_output, atomic_write_bytes, atomic_write_text, guard_output


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def test_atomic_write_bytes_and_text(tmp_path):
    p = tmp_path / "out.json"
    atomic_write_bytes(p, b"{}")
    assert p.read_bytes() == b"{}"
    atomic_write_text(p, "laporan\nbaris 2\n")
    assert p.read_bytes() == "laporan\nbaris 2\n".encode()
    assert os.listdir(tmp_path) == ["out.json"]
    if os.name == "posix":                       # usual permissions, not mkstemp's 0600
        umask = os.umask(0o022)
        os.umask(umask)
        assert os.stat(p).st_mode & 0o777 == 0o666 & ~umask


def test_temp_beside_target_with_suffix_then_renamed(tmp_path):
    import openpyxl

    target = tmp_path / "report.xlsx"
    with atomic_output(target, ".xlsx") as tmp:
        assert os.path.dirname(tmp) == str(tmp_path)
        assert tmp.endswith(".xlsx") and os.path.basename(tmp).startswith(".")
        assert not target.exists()
        wb = openpyxl.Workbook()
        wb.active["A1"] = "ok"
        wb.save(tmp)
    assert openpyxl.load_workbook(target).active["A1"].value == "ok"
    assert os.listdir(tmp_path) == ["report.xlsx"]


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_temp_removed_on_failure_and_old_output_kept(tmp_path, exc):
    target = tmp_path / "report.html"
    target.write_text("old report")
    with pytest.raises(exc):
        with atomic_output(target, ".html") as tmp:
            with open(tmp, "w") as f:
                f.write("half a new rep")
            raise exc()
    assert target.read_text() == "old report"
    assert os.listdir(tmp_path) == ["report.html"]


def test_writer_that_removes_temp_itself(tmp_path):
    target = tmp_path / "x.txt"
    with pytest.raises(OutputProblem) as ei:
        with atomic_output(target) as tmp:
            os.remove(tmp)
    assert ei.value.reason == "write_failed"
    assert os.listdir(tmp_path) == []


def test_missing_folder_and_folder_target(tmp_path):
    with pytest.raises(OutputProblem) as ei:
        atomic_write_text(tmp_path / "nope" / "r.txt", "x")
    assert ei.value.reason == "no_folder"
    assert not (tmp_path / "nope").exists()
    atomic_write_text(tmp_path / "made" / "r.txt", "x", make_dirs=True)
    assert (tmp_path / "made" / "r.txt").read_text() == "x"
    with pytest.raises(OutputProblem) as ei:
        atomic_write_text(tmp_path / "made", "x")
    assert ei.value.reason == "is_folder"


def test_guard_refuses_output_equal_to_input(tmp_path):
    inp = tmp_path / "in" / "data.xlsx"
    inp.parent.mkdir()
    inp.write_bytes(b"original workbook bytes")
    before = digest(inp)
    for out in [inp, tmp_path / "in" / ".." / "in" / "data.xlsx"]:
        with pytest.raises(OutputProblem) as ei:
            guard_output(out, [str(inp)])
        assert ei.value.reason == "is_input"
    assert digest(inp) == before


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no links")
def test_guard_sees_through_links(tmp_path):
    inp = tmp_path / "data.xlsx"
    inp.write_bytes(b"original")
    os.symlink(inp, tmp_path / "alias.xlsx")
    os.link(inp, tmp_path / "hard.xlsx")
    for out in ["alias.xlsx", "hard.xlsx"]:
        with pytest.raises(OutputProblem) as ei:
            guard_output(tmp_path / out, [str(inp)])
        assert ei.value.reason == "is_input"
    assert inp.read_bytes() == b"original"


def test_guard_inside_input_folder(tmp_path):
    folder = tmp_path / "kiriman"
    folder.mkdir()
    with pytest.raises(OutputProblem) as ei:
        guard_output(folder / "sub" / "hasil.xlsx", [str(folder)])
    assert ei.value.reason == "inside_input"
    guard_output(folder / "hasil.html", [str(folder)], allow_inside_input_dirs=True)
    guard_output(tmp_path / "kiriman-hasil.xlsx", [str(folder)])       # sibling name, not inside
    guard_output(tmp_path / "out.xlsx", [str(folder), str(tmp_path / "missing.xlsx")])
    with pytest.raises(OutputProblem) as ei:
        guard_output(folder, [str(tmp_path / "x.xlsx")])
    assert ei.value.reason == "is_folder"


def test_original_untouched_by_a_whole_run(tmp_path):
    """Audit-like sequence: check the input, refuse to write over it, write elsewhere."""
    import openpyxl

    from auditor.readers.safety import check_file

    inp = tmp_path / "lkip.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = 123
    wb.save(inp)
    before, mtime = digest(inp), os.stat(inp).st_mtime_ns
    assert check_file(inp) == "xlsx"
    with pytest.raises(OutputProblem):
        guard_output(inp, [str(inp)])
    out = tmp_path / "out" / "report.txt"
    guard_output(out, [str(inp)])
    atomic_write_text(out, "ok", make_dirs=True)
    assert digest(inp) == before and os.stat(inp).st_mtime_ns == mtime
    assert sorted(os.listdir(tmp_path)) == ["lkip.xlsx", "out"]
