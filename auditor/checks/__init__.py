"""The check kinds: generic primitives that rule instances (rules/*.yaml) bind to tables and columns."""
from __future__ import annotations

from . import inputs, names, derived, hierarchy, numbering, ratio, same_fact, scale, total, text
from . import code_tree, formulas, grades, groups, periods, relations, sequence  # the relations tables state themselves (rules/relations.yaml)

# yamllint-style explicit registry: a check kind is available only when listed here.
CHECKS = {
    "total": total,
    "ratio": ratio,
    "hierarchy": hierarchy,
    "scale": scale,
    "derived": derived,
    "numbering": numbering,
    "same_fact": same_fact,
    "input": inputs,
    "names": names,
    "text": text,
    "relations": relations,
    "code_tree": code_tree,
    "formulas": formulas,
    "groups": groups,
    "periods": periods,
    "grades": grades,
    "sequence": sequence,
}
