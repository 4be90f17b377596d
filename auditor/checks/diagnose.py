"""Why a number is wrong, said only when the evidence is unambiguous.

Each function returns a sentence (in the report's language) or None. A diagnosis names one cause;
when two causes would explain the same number equally well, none is given.
"""
from __future__ import annotations

from decimal import Decimal

from .. import tolerance as tl
from ..numbers import Num, format_id

T = {
    "transposed": {"id": "dua angka tertukar: {stated} seharusnya {expected}",
                   "en": "two digits transposed: {stated} should be {expected}"},
    "double": {"id": "baris \"{label}\" tampaknya terhitung dua kali",
               "en": "the row \"{label}\" seems to be counted twice"},
    "omitted": {"id": "baris \"{label}\" tampaknya tidak ikut dijumlahkan",
                "en": "the row \"{label}\" seems to be left out of the sum"},
    "missing": {"id": "{n} baris tanpa nilai; agar jumlahnya cocok nilainya harus {gap}",
                "en": "{n} row(s) have no value; for the total to hold they would need {gap}"},
    "truncated": {"id": "nilai dipotong (truncate), bukan dibulatkan: {exact} dibulatkan menjadi {rounded}",
                  "en": "the value was truncated instead of rounded: {exact} rounds to {rounded}"},
    "swapped": {"id": "nilai ini tertukar dengan baris berikutnya/sebelumnya (\"{label}\"): keduanya cocok bila ditukar",
                "en": "this value is swapped with the adjacent row (\"{label}\"): both agree once exchanged"},
    "other_measure": {"id": "yang tertulis adalah {measure} ({value}), bukan {wanted}",
                      "en": "the number printed is the {measure} ({value}), not the {wanted}"},
    "other_base": {"id": "rasio yang sama terhadap {base} ({value}), bukan terhadap {wanted}",
                   "en": "the same ratio over {base} ({value}), not over {wanted}"},
    "capped": {"id": "nilai dibatasi 100%: capaian di atas 100% ({x}) ditulis 100",
               "en": "capped at 100%: an achievement above 100% ({x}) is written as 100"},
    "fraction": {"id": "ditulis sebagai pecahan, bukan persen ({value} = {pct}%)",
                 "en": "written as a fraction, not a percentage ({value} = {pct}%)"},
}


class Diag(str):
    """A diagnosis sentence that also carries its stable kind (the T key), for JSON and tests."""
    kind: str = ""


def say(lang: str, key: str, **kw) -> Diag:
    d = Diag(T[key].get(lang, T[key]["en"]).format(**kw))
    d.kind = key
    return d


def _style(lang):
    return "en" if lang == "en" else "id"


def transposed(a: Decimal, b: Decimal) -> bool:
    """a and b differ by exchanging two adjacent digits (80.359 vs 80.395)."""
    sa, sb = str(abs(a)), str(abs(b))
    if len(sa) != len(sb) or sa == sb:
        return False
    diff = [i for i, (x, y) in enumerate(zip(sa, sb)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and sa[diff[0]] == sb[diff[1]] and sa[diff[1]] == sb[diff[0]]


def diagnose_sum(lang: str, stated: Num, expected: Decimal, kids: list[Num], missing_rows) -> str | None:
    if stated.decimals == 0 and expected == expected.to_integral_value():
        exp_i = expected.to_integral_value()
        if transposed(stated.value, exp_i):
            return say(lang, "transposed", stated=format_id(stated.value, 0, style=_style(lang)),
                       expected=format_id(exp_i, 0, style=_style(lang)))
    gap = stated.value - expected
    if missing_rows and gap > 0:
        return say(lang, "missing", n=len(missing_rows), gap=format_id(gap, stated.decimals, style=_style(lang)))
    return None


def diagnose_ratio(lang: str, stated: Num, expected: Decimal, *, neighbours=(), measures=(), bases=(),
                   wanted: str = "") -> str | None:
    """neighbours: [(label, their stated Num, their expected)]; measures/bases: [(name, Decimal)]."""
    causes: list[str] = []
    for label, n_stated, n_expected in neighbours:
        if (n_stated is not None and n_expected is not None and tl.rounds_to(n_expected, stated)
                and tl.rounds_to(expected, n_stated)):
            causes.append(say(lang, "swapped", label=label[:60]))
    if not causes and tl.truncates_to(expected, stated) and not tl.rounds_to(expected, stated):
        causes.append(say(lang, "truncated", exact=format_id(expected, stated.decimals + 2, style=_style(lang)),
                          rounded=format_id(expected, stated.decimals, style=_style(lang))))
    if not causes:
        hits = [(name, v) for name, v in measures if v is not None and tl.rounds_to(v, stated)]
        if len(hits) == 1:
            causes.append(say(lang, "other_measure", measure=hits[0][0], wanted=wanted,
                              value=format_id(hits[0][1], stated.decimals, style=_style(lang))))
    if not causes:
        hits = [(name, v) for name, v in bases if v is not None and tl.rounds_to(v, stated)]
        if len(hits) == 1:
            causes.append(say(lang, "other_base", base=hits[0][0], wanted=wanted,
                              value=format_id(hits[0][1], stated.decimals, style=_style(lang))))
    if not causes and stated.value < 2 and not stated.percent:
        pct = stated.value * 100
        if tl.shown(expected, max(stated.decimals - 2, 0)) == tl.shown(pct, max(stated.decimals - 2, 0)):
            causes.append(say(lang, "fraction", value=stated.text or str(stated.value),
                              pct=format_id(pct, max(stated.decimals - 2, 0), style=_style(lang))))
    return causes[0] if len(causes) == 1 else None
