"""The shipped YAML (rule catalogue, scales) parsed once per user and kept with marshal: the kept data
is the parsed data, a changed or damaged cache is parsed again, LKIP_AUDIT_CACHE=off keeps nothing."""
from __future__ import annotations

import yaml

from auditor import rules


def _shipped():
    d = rules.rules_dir()
    return sorted(d.glob("*.yaml")) + sorted((d / "scales").glob("*.yaml"))


def _parse(p):
    with open(p, encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def test_cached_data_is_the_parsed_data(tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_AUDIT_CACHE", str(tmp_path))
    files = _shipped()
    assert len(files) >= 7
    for p in files:
        first = rules.load_yaml(p)                 # parsed, then kept
        assert first == _parse(p)
    kept = sorted(tmp_path.glob("yaml-*.marshal"))
    assert len(kept) == len({p.read_bytes() for p in files})
    for p in files:
        assert rules._cached(p) == _parse(p)      # read back from the cache
        assert rules.load_yaml(p) == _parse(p)
    # the whole catalogue the same with and without the cache
    a = rules._load_rules(files[:1] + [f for f in files if f.parent == files[0].parent][1:])
    monkeypatch.setenv("LKIP_AUDIT_CACHE", "off")
    b = rules._load_rules(files[:1] + [f for f in files if f.parent == files[0].parent][1:])
    assert {k: (r.params, r.message, r.severity, r.check) for k, r in a.items()} == \
        {k: (r.params, r.message, r.severity, r.check) for k, r in b.items()}


def test_damaged_cache_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_AUDIT_CACHE", str(tmp_path))
    p = rules.rules_dir() / "default.yaml"
    rules.load_yaml(p)
    (f,) = tmp_path.glob("yaml-*.marshal")
    f.write_bytes(b"\x00not marshal")
    assert rules.load_yaml(p) == _parse(p)


def test_off_keeps_nothing_and_user_files_are_not_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("LKIP_AUDIT_CACHE", "off")
    assert rules.load_yaml(rules.rules_dir() / "default.yaml") == _parse(rules.rules_dir() / "default.yaml")
    cache = tmp_path / "cache"
    monkeypatch.setenv("LKIP_AUDIT_CACHE", str(cache))
    mine = tmp_path / "mine.yaml"
    mine.write_text("rules: []\n", encoding="utf-8")
    assert rules.load_yaml(mine) == {"rules": []}
    assert not cache.exists()
