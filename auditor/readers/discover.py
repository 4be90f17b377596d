"""Find the office files to audit among the paths a user gave. Never raises, never writes.

* A file named explicitly is taken whatever its name (``check_file`` judges its content later);
  a missing one is reported as skipped ("missing").
* A folder is walked recursively in a fixed order (names sorted case-insensitively; a folder's
  own files first, then its subfolders, depth first), so two runs list the same files in the same
  order.
* Links: inside a walk, a symbolic link to a folder is *not followed* (skipped, reason
  "symlink_dir": a link can lead outside what the user sent or back into itself); a link to a
  file is taken like a file. Every folder walked is also remembered by (st_dev, st_ino), so a
  loop made some other way (bind mounts, Windows junctions) or the same folder given twice is
  walked only once. A folder *given explicitly* may itself be a link: the user asked for it.
* The same file reached twice (given twice, a folder and a file inside it, hard links) is listed
  once; the later ones are skipped as "duplicate".
* Skipped inside folders, each with a note: hidden files and folders (name starting with ".",
  or the Windows hidden attribute), Office lock files ("~$Book1.xlsx", reason "lock_file"),
  files whose extension is not an office one (reason "not_office"; all are kept in
  ``Discovery.skipped`` — use ``Discovery.counts()`` to summarise), folders we may not open
  ("no_permission"; the walk goes on), and other read errors ("read_error").
* A walk stops after ``max_entries`` directory entries in all (reason "too_many_entries").

Skip reasons: missing, not_office, lock_file, hidden, symlink_dir, duplicate, no_permission,
read_error, too_many_entries.
"""
from __future__ import annotations

import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

__all__ = ["Skipped", "Discovery", "OFFICE_EXT", "discover", "audit_folders"]

OFFICE_EXT = {".xlsx", ".xlsm", ".xls", ".ods", ".docx", ".pdf", ".doc", ".odt", ".rtf", ".htm", ".html", ".mht",
              ".mhtml"}
MAX_ENTRIES = 1_000_000


@dataclass
class Skipped:
    path: str
    reason: str
    message: str


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of skipped paths per reason, e.g. {"not_office": 1312, "lock_file": 2}."""
        return dict(Counter(s.reason for s in self.skipped))


def _sort_key(name: str) -> tuple[str, str]:
    return (name.casefold(), name)


def _is_hidden(entry: os.DirEntry) -> bool:
    if entry.name.startswith("."):
        return True
    if os.name == "nt":  # pragma: no cover - Windows only
        try:
            attrs = getattr(entry.stat(follow_symlinks=False), "st_file_attributes", 0)
            return bool(attrs & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 2))
        except OSError:
            return False
    return False


def _file_key(path: str, st: os.stat_result | None):
    if st is not None and st.st_ino:
        return (st.st_dev, st.st_ino)
    return ("path", os.path.normcase(os.path.realpath(path)))


class _Walker:
    def __init__(self, max_entries: int):
        self.skipped: list[Skipped] = []
        self.seen_dirs: set = set()
        self.budget = max_entries
        self.stopped = False

    def skip(self, path: str, reason: str, message: str) -> None:
        self.skipped.append(Skipped(path, reason, message))

    def walk(self, top: str) -> Iterator[tuple[str, list[str]]]:
        """(folder, office files directly in it) for `top` and every folder below it."""
        stack = [top]
        while stack and not self.stopped:
            d = stack.pop()
            try:
                st = os.stat(d)
                key = (st.st_dev, st.st_ino) if st.st_ino else ("path", os.path.normcase(os.path.realpath(d)))
            except PermissionError:
                self.skip(d, "no_permission", "This folder cannot be opened (permission denied); its files were not checked.")
                continue
            except OSError as e:
                self.skip(d, "read_error", f"This folder could not be read ({e.strerror or e}); its files were not checked.")
                continue
            if key in self.seen_dirs:
                continue                  # already walked (given twice, or a loop not made of symlinks)
            self.seen_dirs.add(key)
            try:
                with os.scandir(d) as it:
                    entries = list(it)
            except PermissionError:
                self.skip(d, "no_permission", "This folder cannot be opened (permission denied); its files were not checked.")
                continue
            except OSError as e:
                self.skip(d, "read_error", f"This folder could not be read ({e.strerror or e}); its files were not checked.")
                continue
            entries.sort(key=lambda e: _sort_key(e.name))
            files: list[str] = []
            subdirs: list[str] = []
            for e in entries:
                self.budget -= 1
                if self.budget < 0:
                    self.stopped = True
                    self.skip(d, "too_many_entries", "Stopped looking for files: too many files and folders under the given paths.")
                    break
                p = os.path.join(d, e.name)
                try:
                    is_link = e.is_symlink()
                    is_dir = e.is_dir()                 # follows links
                    hidden = _is_hidden(e)
                except OSError as ex:
                    self.skip(p, "read_error", f"Could not be examined ({ex.strerror or ex}).")
                    continue
                if hidden:
                    self.skip(p, "hidden", "Hidden " + ("folder" if is_dir else "file") + "; not checked.")
                    continue
                if is_dir:
                    if is_link:
                        self.skip(p, "symlink_dir", "A link to a folder; links are not followed (give the folder itself to include it).")
                    else:
                        subdirs.append(p)
                    continue
                if e.name.startswith("~$"):
                    self.skip(p, "lock_file", "An Office lock file (left while a document is open); not a document.")
                    continue
                if os.path.splitext(e.name)[1].lower() not in OFFICE_EXT:
                    self.skip(p, "not_office", "Not an Excel, Word, PDF, OpenDocument or web-page file (by its extension).")
                    continue
                if is_link and not os.path.exists(p):
                    self.skip(p, "missing", "A link to a file that does not exist.")
                    continue
                files.append(p)
            yield d, files
            stack.extend(reversed(subdirs))


def discover(paths: Iterable[str], *, max_entries: int = MAX_ENTRIES) -> Discovery:
    """Office files under `paths` (files as given, folders walked). Never raises."""
    out = Discovery()
    w = _Walker(max_entries)
    seen_files: set = set()

    def add(p: str, st: os.stat_result | None) -> None:
        try:
            key = _file_key(p, st)
        except (OSError, ValueError):
            key = ("path", p)
        if key in seen_files:
            out.skipped.append(Skipped(p, "duplicate", "The same file is already included under another name."))
            return
        seen_files.add(key)
        out.files.append(p)

    try:
        items = list(paths) if not isinstance(paths, (str, bytes, os.PathLike)) else [paths]
    except Exception:
        return out
    for raw in items:
        try:
            p = os.fspath(raw)
            if isinstance(p, bytes):
                p = os.fsdecode(p)
            try:
                st = os.stat(p)
            except FileNotFoundError:
                out.skipped.append(Skipped(p, "missing", "No such file or folder."))
                continue
            except PermissionError:
                out.skipped.append(Skipped(p, "no_permission", "Cannot be opened (permission denied)."))
                continue
            except (OSError, ValueError) as e:
                out.skipped.append(Skipped(p, "read_error", f"Could not be examined ({getattr(e, 'strerror', None) or e})."))
                continue
            if stat.S_ISDIR(st.st_mode):
                for _d, files in w.walk(p):
                    for fp in files:
                        try:
                            fst = os.stat(fp)
                        except OSError:
                            fst = None
                        add(fp, fst)
                out.skipped.extend(w.skipped)
                w.skipped = []
            else:
                add(p, st)
        except Exception as e:  # never raise: whatever went wrong is a note, not a crash
            out.skipped.append(Skipped(str(raw), "read_error", f"Could not be examined ({e})."))
    return out


def audit_folders(root: str, *, max_entries: int = MAX_ENTRIES) -> list[str]:
    """Every folder under `root` (root included) that directly holds at least one office file
    (hidden and lock files do not count), sorted. Same walking rules as ``discover``. Never raises."""
    try:
        root = os.fspath(root)
        if not os.path.isdir(root):
            return []
        w = _Walker(max_entries)
        return sorted({d for d, files in w.walk(root) if files}, key=_sort_key)
    except Exception:
        return []
