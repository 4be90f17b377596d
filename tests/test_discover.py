"""discover / audit_folders on awkward folder trees, each built here in tmp_path."""
from __future__ import annotations

import os

import pytest

from auditor.readers.discover import OFFICE_EXT, Discovery, Skipped, audit_folders, discover


def touch(path, data=b"x"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return str(path)


def reasons(d: Discovery) -> dict[str, str]:
    return {os.path.basename(s.path): s.reason for s in d.skipped}


@pytest.fixture
def tree(tmp_path):
    r = tmp_path / "kiriman"
    for name in ["B.xlsx", "a.XLSX", "c.docx", "d.ods", "e.xls", "f.xlsm", "notes.txt", "scan.pdf",
                 "~$a.xlsx", ".hidden.xlsx", "sub/z.xlsx", "sub/deeper/y.docx", ".git/config.xlsx",
                 "only_lock/~$x.docx", "empty_dir/.keep"]:
        touch(r / name)
    return r


def test_walk_finds_office_files_in_stable_order(tree):
    d = discover([str(tree)])
    rel = [os.path.relpath(f, tree) for f in d.files]
    assert rel == ["a.XLSX", "B.xlsx", "c.docx", "d.ods", "e.xls", "f.xlsm", "scan.pdf",
                   os.path.join("sub", "z.xlsx"), os.path.join("sub", "deeper", "y.docx")]
    r = reasons(d)
    assert r["notes.txt"] == "not_office" and "scan.pdf" not in r       # PDFs are read since issue 14
    assert r["~$a.xlsx"] == r["~$x.docx"] == "lock_file"
    assert r[".hidden.xlsx"] == r[".git"] == r[".keep"] == "hidden"
    assert "config.xlsx" not in r                      # hidden folder not entered
    assert all(isinstance(s, Skipped) and s.message for s in d.skipped)
    assert discover([str(tree)]) == d                  # deterministic
    assert d.counts()["not_office"] == 1


def test_explicit_files_taken_whatever_extension(tmp_path):
    a = touch(tmp_path / "laporan.txt")
    b = touch(tmp_path / "~$lock.xlsx")
    d = discover([a, b, str(tmp_path / "missing.xlsx")])
    assert d.files == [a, b]
    assert [(os.path.basename(s.path), s.reason) for s in d.skipped] == [("missing.xlsx", "missing")]


def test_single_string_and_pathlike_accepted(tmp_path):
    a = touch(tmp_path / "x.xlsx")
    assert discover(str(tmp_path)).files == [a]
    assert discover([tmp_path]).files == [a]


def test_same_file_listed_once(tmp_path):
    a = touch(tmp_path / "dir" / "a.xlsx")
    d = discover([str(tmp_path / "dir"), a, str(tmp_path / "dir")])
    assert d.files == [a]
    assert [s.reason for s in d.skipped] == ["duplicate"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop_terminates(tmp_path):
    root = tmp_path / "root"
    a = touch(root / "sub" / "a.xlsx")
    os.symlink(root, root / "sub" / "loop")              # sub/loop -> root (its grandparent)
    os.symlink(root / "sub", root / "sub" / "self")      # sub/self -> sub (its parent)
    d = discover([str(root)])
    assert d.files == [a]
    assert reasons(d)["loop"] == reasons(d)["self"] == "symlink_dir"
    assert audit_folders(str(root)) == [str(root / "sub")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinked_files_and_broken_links(tmp_path):
    a = touch(tmp_path / "src" / "a.xlsx")
    os.symlink(a, tmp_path / "src" / "link.xlsx")
    os.symlink(tmp_path / "nowhere.xlsx", tmp_path / "src" / "dangling.xlsx")
    d = discover([str(tmp_path / "src")])
    assert d.files == [a]
    r = reasons(d)
    assert r["link.xlsx"] == "duplicate" and r["dangling.xlsx"] == "missing"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_explicit_symlinked_folder_is_followed(tmp_path):
    touch(tmp_path / "real" / "a.xlsx")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    assert discover([str(tmp_path / "alias")]).files == [str(tmp_path / "alias" / "a.xlsx")]


def test_unreadable_subfolder_is_skipped_and_walk_continues(tree, monkeypatch):
    real_scandir = os.scandir
    bad = str(tree / "sub")

    def fake_scandir(path="."):
        if os.fspath(path) == bad:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    d = discover([str(tree)])
    assert [s.reason for s in d.skipped if s.path == bad] == ["no_permission"]
    names = [os.path.basename(f) for f in d.files]
    assert "z.xlsx" not in names and "y.docx" not in names
    assert "a.XLSX" in names and "f.xlsm" in names
    assert str(tree) in audit_folders(str(tree))


def test_unreadable_subfolder_real_chmod(tmp_path):
    a = touch(tmp_path / "ok" / "a.xlsx")
    touch(tmp_path / "locked" / "b.xlsx")
    os.chmod(tmp_path / "locked", 0)
    try:
        if os.access(tmp_path / "locked", os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop us reading")
        d = discover([str(tmp_path)])
        assert d.files == [a]
        assert reasons(d)["locked"] == "no_permission"
    finally:
        os.chmod(tmp_path / "locked", 0o755)


def test_many_non_office_files_all_kept(tmp_path):
    for i in range(3000):
        touch(tmp_path / f"foto_{i:04}.jpg")
    touch(tmp_path / "real.xlsx")
    d = discover([str(tmp_path)])
    assert len(d.files) == 1
    assert d.counts() == {"not_office": 3000}


def test_entry_budget(tmp_path):
    for i in range(50):
        touch(tmp_path / f"f{i:02}.xlsx")
    d = discover([str(tmp_path)], max_entries=10)
    assert len(d.files) == 10
    assert d.counts().get("too_many_entries") == 1


def test_never_raises_on_odd_input(tmp_path, monkeypatch):
    d = discover([str(tmp_path / "a\0b"), None, 42, str(tmp_path)])   # type: ignore[list-item]
    assert d.files == []
    assert len(d.skipped) == 3
    assert audit_folders(str(tmp_path / "nope")) == []
    assert audit_folders("a\0b") == []

    def boom(path="."):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "scandir", boom)
    d = discover([str(tmp_path)])
    assert d.files == [] and d.skipped[0].reason == "read_error"


def test_audit_folders(tree):
    got = audit_folders(str(tree))
    assert got == [str(tree), str(tree / "sub"), str(tree / "sub" / "deeper")]
    assert str(tree / "only_lock") not in got and str(tree / "empty_dir") not in got
    assert audit_folders(str(tree / "sub" / "deeper" / "y.docx")) == []


def test_office_ext():
    assert OFFICE_EXT == {".xlsx", ".xlsm", ".xls", ".ods", ".docx",
                          ".pdf", ".doc", ".odt", ".rtf", ".htm", ".html", ".mht", ".mhtml"}   # issue 14
