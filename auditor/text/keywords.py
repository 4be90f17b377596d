"""Keyword pre-tests: is a case-insensitive pattern worth running on a text at all?

A pattern that needs one of a few literal words cannot match a text holding none of them; testing
the words as substrings of the lower-cased text is far cheaper than the pattern. The one trap is
case folding: re.IGNORECASE folds a few characters to ASCII letters that str.lower() does not, so
for a text holding one of them the test says "maybe" (None), never "no". One module for the narrative
analysis, the document self-reference checks, the year of a document and a table's stated unit.
"""
from __future__ import annotations

# re.IGNORECASE matches these to "i", "i", "s"; str.lower() does not turn them into those letters
_FOLD_ODD = ("\u0130", "\u0131", "\u017f")


def keyword_text(text: str) -> str | None:
    """``text.lower()`` for keyword tests that stand for case-insensitive patterns; None when such a
    test could miss a match (the text has a character that re.IGNORECASE folds differently)."""
    if not text.isascii():
        for ch in _FOLD_ODD:
            if ch in text:
                return None
    return text.lower()


def has_any(low: str | None, keys) -> bool:
    """``may_match`` on the ``keyword_text`` of a text."""
    return low is None or any(k in low for k in keys)


def may_match(text: str, keys) -> bool:
    """False only when ``text`` has none of ``keys`` (lower-case literals), so that a case-insensitive
    pattern needing one of them cannot match it."""
    return has_any(keyword_text(text), keys)
