"""One unit (a kecamatan, an SKPD) over several years: its year folders, read one by one.

A folder holding one sub-folder per year (and no documents of its own) is audited across years: each
sub-folder is read on its own, its year taken from its documents (periods.years), the latest year is
the report and the earlier ones its context. Sub-folders whose documents do not give distinct years
are audited together as before. `--previous PATH` names an earlier year explicitly.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from .years import YearOf, file_years, name_year


@dataclass
class Year:
    paths: list[str]
    files: list = field(default_factory=list)          # loader.FileResult
    skipped: list[dict] = field(default_factory=list)
    year: int | None = None
    years: list[YearOf] = field(default_factory=list)  # per file

    def describe(self) -> dict:
        """The report's `previous[]` entry: which files were read as which year."""
        return {"paths": [os.fspath(p) for p in self.paths], "year": self.year,
                "files": [{"path": f.path, "year": y.year, "error": f.error} for f, y in zip(self.files, self.years)],
                "skipped": self.skipped}


def load_year(paths: list[str]) -> Year:
    from ..loader import load_all
    paths = [os.fspath(p) for p in paths]
    files, skipped = load_all(paths)
    years, year = file_years(files, paths[0] if len(paths) == 1 else None)
    return Year(paths=paths, files=files, skipped=skipped, year=year, years=years)


def load_previous(previous) -> list[Year]:
    """Each earlier year (a path, or a list of paths that together are one year), oldest first."""
    out = [load_year([p] if isinstance(p, (str, os.PathLike)) else list(p)) for p in previous]
    return sorted(out, key=lambda y: (y.year is None, y.year or 0))


def year_subfolders(folder: str) -> list[str] | None:
    """The sub-folders of `folder` if it holds documents only in two or more direct sub-folders (the
    shape of a unit kept per year), else None. Only the folder tree is looked at here."""
    from ..readers.discover import audit_folders
    if not os.path.isdir(folder):
        return None
    found = audit_folders(folder)
    top = os.path.normcase(os.path.abspath(folder))
    if len(found) < 2 or any(os.path.normcase(os.path.abspath(os.path.dirname(f))) != top for f in found):
        return None
    return found


def split_years(folders: list[str]) -> tuple[list, list[dict], list[Year] | None]:
    """Read each year folder: (the latest year's files, its skipped, the earlier years) when their
    years are known and distinct; else every folder's files and skipped together and None."""
    years = [load_year([f]) for f in folders]
    got = [y.year for y in years]
    # a sub-folder whose name states another year than its documents is not a year folder
    named = [name_year(f) for f in folders]
    if None in got or len(set(got)) != len(got) or any(n is not None and n != y for n, y in zip(named, got)):
        return [f for y in years for f in y.files], [s for y in years for s in y.skipped], None
    years.sort(key=lambda y: y.year)
    return years[-1].files, years[-1].skipped, years[:-1]


# -- batch: which sibling folders are one unit's years -----------------------------------------------
_YEAR_IN_NAME = re.compile(r"(?<![0-9])20[0-9]{2}(?![0-9])")


def unit_key(folder: str) -> tuple[str, str] | None:
    """(parent, name without its year) for a folder whose name states one year: "kalisat/2023" and
    "kalisat/2024", or "kalisat-2023" and "kalisat-2024", share a key; None without a year."""
    name = os.path.basename(os.path.normpath(folder))
    if name_year(name) is None:
        return None
    stem = _YEAR_IN_NAME.sub("", name).strip(" -_.")
    return (os.path.dirname(os.path.normpath(folder)), stem.casefold())


def group_units(folders: list[str]) -> list[list[str]]:
    """Batch folders grouped into units: siblings whose names differ only by their (distinct) year
    form one unit, oldest first; every other folder is a unit of its own."""
    by_key: dict[tuple, list[str]] = {}
    order: list = []
    for f in folders:
        k = unit_key(f)
        k = k if k is not None else ("", f)
        if k not in by_key:
            by_key[k] = []
            order.append(k)
        by_key[k].append(f)
    out = []
    for k in order:
        group = by_key[k]
        years = [name_year(os.path.basename(os.path.normpath(f))) for f in group]
        if len(group) > 1 and None not in years and len(set(years)) == len(years):
            out.append([f for _y, f in sorted(zip(years, group))])
        else:
            out.extend([f] for f in group)
    return out
