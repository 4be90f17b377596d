"""The check kinds: generic primitives that rule instances (rules/*.yaml) bind to tables and columns."""
from __future__ import annotations

from . import coverage, inputs, names, nomenclature, derived, hierarchy, numbering, ratio, same_fact, scale, total
from . import text, wording
from . import across_years, past_capaian, previous_year, series
from . import aggregates, document_refs, recompute
from . import code_tree, formulas, grades, groups, period_targets, relations, rollup, sequence  # the relations tables state themselves (rules/relations.yaml)

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
    "nomenclature": nomenclature,
    "text": text,
    "across_years": across_years,
    "past_capaian": past_capaian,
    "series": series,
    "previous_year": previous_year,
    "wording": wording,
    "document_refs": document_refs,
    "recompute": recompute,
    "relations": relations,
    "code_tree": code_tree,
    "formulas": formulas,
    "groups": groups,
    "period_targets": period_targets,
    "grades": grades,
    "sequence": sequence,
    "rollup": rollup,
    "aggregates": aggregates,
    "coverage": coverage,
}
