"""What `pip install .` ships: every package of the source tree (a package left out installs fine and
fails at the first import that needs it, which only an installed run shows)."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(conf["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "auditor").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)


def test_package_data_files_exist():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    for pkg, patterns in conf.get("package-data", {}).items():
        where = conf.get("package-dir", {}).get(pkg) or pkg.replace(".", "/")
        for pat in patterns:
            assert list((ROOT / where).glob(pat)), (pkg, pat)
