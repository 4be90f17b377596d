"""SIPD codes (Kepmendagri 050-5889/2021 nomenclature), label prefixes and row numbering.

Program codes: urusan ``7``, bidang ``7.01``, program ``7.01.01``, kegiatan ``7.01.01.2.01``,
sub kegiatan ``7.01.01.2.01.0001`` (some SIPD data writes the last part with two digits:
``7.01.02.2.01.01``); shared penunjang codes appear as ``X.XX.01.2.01.0001`` and are kept as written.
Kode rekening: ``5.1.02.01.01.0024``, or padded ``5.1.02.01.001.00024``.

Program codes and rekening codes never collide: a program code's second part has two characters
(``7.01``), a rekening's has one (``5.1``).
"""
from __future__ import annotations

import re

__all__ = [
    "normalise_program_code",
    "code_level",
    "parent_code",
    "normalise_rekening",
    "rekening_group",
    "split_code_label",
    "label_level",
    "numbering_level",
    "LEVELS",
]

LEVELS = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")
_LEVEL_BY_PARTS = {1: "urusan", 2: "bidang", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
_PARENT_PARTS = {6: 5, 5: 3, 3: 2, 2: 1}

_WS = re.compile(r"\s+")
# one pattern per position of a program code
_PROG_PARTS = (
    re.compile(r"[0-9]|X"),        # urusan (X in shared penunjang codes)
    re.compile(r"[0-9]{2}|XX"),    # bidang urusan
    re.compile(r"[0-9]{2}"),       # program
    re.compile(r"[0-9]"),          # kegiatan, first part (1 = ..., 2 = ...)
    re.compile(r"[0-9]{2}"),       # kegiatan, second part
    re.compile(r"[0-9]{1,4}"),     # sub kegiatan: 4 digits canonical; 2-digit SIPD variant padded
)

# rekening: (canonical width, widest accepted input width) per part
_REK_WIDTHS = ((1, 1), (1, 1), (2, 2), (2, 2), (2, 3), (4, 5))
_REK_GROUPS = {"1": "operasi", "2": "modal", "3": "tidak_terduga", "4": "transfer"}


def _as_text(value) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return None


def _squash(text: str) -> str:
    s = _WS.sub("", text.replace("\u00a0", " "))
    return s.rstrip(".")


def normalise_program_code(text) -> str | None:
    """Canonical program/kegiatan/sub-kegiatan code (``7.01.01.2.01.0001``), or None if not one.

    Spaces are removed, a trailing dot dropped, ``x`` upper-cased, and a sub kegiatan's last part is
    zero-padded to 4 digits (``7.01.02.2.01.01`` -> ``7.01.02.2.01.0001``). Accepts the levels urusan
    (1 part), bidang (2), program (3), kegiatan (5), sub kegiatan (6).
    """
    s = _as_text(text)
    if not s:
        return None
    s = _squash(s).upper()
    if not s:
        return None
    parts = s.split(".")
    n = len(parts)
    if n not in _LEVEL_BY_PARTS:
        return None
    for i, part in enumerate(parts):
        if not _PROG_PARTS[i].fullmatch(part):
            return None
    if n == 6:
        parts[5] = parts[5].zfill(4)
    return ".".join(parts)


def code_level(code) -> str | None:
    """``urusan`` / ``bidang`` / ``program`` / ``kegiatan`` / ``sub_kegiatan`` for a program code."""
    c = normalise_program_code(code)
    if c is None:
        return None
    return _LEVEL_BY_PARTS[c.count(".") + 1]


def parent_code(code) -> str | None:
    """The code one level up (sub kegiatan -> kegiatan -> program -> bidang -> urusan); None at the top."""
    c = normalise_program_code(code)
    if c is None:
        return None
    parts = c.split(".")
    up = _PARENT_PARTS.get(len(parts))
    return ".".join(parts[:up]) if up else None


def normalise_rekening(text) -> str | None:
    """Canonical kode rekening (``5.1.02.01.01.0024``); padded ``5.1.02.01.001.00024`` is un-padded.

    1 to 6 parts; the first two are single digits (which keeps program codes like ``7.01.01`` out).
    """
    s = _as_text(text)
    if not s:
        return None
    s = _squash(s)
    parts = s.split(".")
    if not 1 <= len(parts) <= 6:
        return None
    out = []
    for part, (canon, widest) in zip(parts, _REK_WIDTHS):
        if not part.isascii() or not part.isdigit() or not 1 <= len(part) <= widest:
            return None
        stripped = part.lstrip("0") or "0"
        if len(stripped) > canon:
            return None
        out.append(stripped.zfill(canon))
    return ".".join(out)


def rekening_group(code) -> str | None:
    """Belanja group of a rekening: 5.1 ``operasi``, 5.2 ``modal``, 5.3 ``tidak_terduga``, 5.4 ``transfer``."""
    c = normalise_rekening(code)
    if c is None or len(c) < 3 or c[0] != "5":
        return None
    return _REK_GROUPS.get(c[2])


_CODE_LABEL = re.compile(
    r"\s*(?P<code>"
    r"[0-9xX]\.(?:[0-9]{2}|[xX]{2})\.[0-9]{2}(?:\.[0-9]\.[0-9]{2}(?:\.[0-9]{1,4})?)?"     # program codes
    r"|[4-6]\.[0-9]\.[0-9]{2}(?:\.[0-9]{1,2}(?:\.[0-9]{2,3}(?:\.[0-9]{2,5})?)?)?"       # rekening
    r")(?![0-9]|\.[0-9xX])\.?\s*[-\u2013\u2014:]?\s*(?P<rest>.*)",
    re.DOTALL,
)


def split_code_label(text) -> tuple[str | None, str]:
    """Split a leading code off a label: ``"7.01.01.2.01.0001 Penyusunan"`` -> (code, "Penyusunan").

    Recognises program codes from program level down (3, 5 or 6 parts) and kode rekening (3+ parts,
    starting 4/5/6); the code is returned canonical. No code -> ``(None, text)``. Bare urusan/bidang
    codes and numbering (``1``, ``1.1``, ``1.1.1``) are not split off.
    """
    if not isinstance(text, str):
        return None, text
    m = _CODE_LABEL.match(text)
    if m is None:
        return None, text
    raw = m.group("code")
    code = normalise_program_code(raw) or normalise_rekening(raw)
    if code is None:
        return None, text
    return code, m.group("rest").strip()


_LABEL_KW = re.compile(
    r"\s*(?P<kw>sub\s*-?\s*kegiatan|kegiatan|program|sasaran(?:\s+strategis)?|tujuan(?:\s+strategis)?"
    r"|indikator(?:\s+kinerja)?(?:\s+(?:utama|program|kegiatan|sub\s*-?\s*kegiatan|sasaran|tujuan))?)"
    r"(?![^\W\d_])"
    r"\s*(?P<ord>[0-9]+(?:\.[0-9]+)*(?![0-9]))?\.?"
    r"\s*(?P<sep>[:\-\u2013\u2014])?\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_HEADER_CONTINUATION = re.compile(r"(?:dan|atau)(?![^\W\d_])|[&/,]", re.IGNORECASE)


def _kw_level(kw: str) -> str:
    k = kw.lower()
    if k.startswith("sub"):
        return "sub_kegiatan"
    if k.startswith("indikator"):
        return "indikator"
    if k.startswith("sasaran"):
        return "sasaran"
    if k.startswith("tujuan"):
        return "tujuan"
    return k  # program / kegiatan


def label_level(text) -> tuple[str | None, str | None, str]:
    """Level announced by a label prefix -> ``(level, ordinal, rest)``.

    ``"Program 1 : Penunjang…"`` -> ("program", "1", "Penunjang…"); ``"Indikator 1.1 Nilai"`` ->
    ("indikator", "1.1", "Nilai"); ``"Sub Kegiatan : X"`` -> ("sub_kegiatan", None, "X"). When the keyword
    is just the first word of a name (no ordinal, no colon) the whole label is the rest:
    ``"Program Penunjang Urusan"`` -> ("program", None, "Program Penunjang Urusan"). Levels: tujuan,
    sasaran ("Sasaran Strategis" too), program, kegiatan, sub_kegiatan, indikator. Header phrases like
    ``"Program dan Kegiatan"`` and unprefixed labels give ``(None, None, text)``.
    """
    if not isinstance(text, str):
        return None, None, "" if text is None else str(text)
    m = _LABEL_KW.match(text)
    if m is None:
        return None, None, text
    level = _kw_level(m.group("kw"))
    ordinal = m.group("ord")
    rest = m.group("rest").strip()
    if ordinal is None and m.group("sep") is None:
        if _HEADER_CONTINUATION.match(rest):
            return None, None, text
        return level, None, text.strip()
    return level, ordinal, rest


_NUMBERING = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,2})*\.?")


def numbering_level(text) -> int | None:
    """Depth of a row number: ``"1"`` -> 1, ``"1.1"`` -> 2, ``"1.1.1"`` -> 3, ``"1."`` -> 1.

    ``"(1)"`` (a column-number marker), ``""``, letters and numbers like ``1.949.000`` -> None.
    """
    s = _as_text(text)
    if s is None:
        return None
    s = s.strip()
    if not s or not _NUMBERING.fullmatch(s):
        return None
    return s.rstrip(".").count(".") + 1


# -- any code a table's rows are keyed by ---------------------------------------------------------------
# An organisation (unit) code: urusan.bidang written three times, then unit and sub unit
# (``2.16.2.20.2.21.01.0000``, ``1.02.0.00.0.00.01.0001``, ``7.01.0.00.0.00.27.0000``).
_UNIT = re.compile(r"[0-9X]\.[0-9X]{2}\.[0-9]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}")


def any_code(text) -> tuple[str, str] | None:
    """(family, canonical code) of whatever code a cell holds: ``program`` (urusan down to sub
    kegiatan), ``unit`` (an SKPD / sub unit), ``rekening`` (belanja, pendapatan, pembiayaan: first part
    4, 5 or 6); None for numbering, amounts and text."""
    s = _as_text(text)
    if not s:
        return None
    s = _squash(s)
    if not s or len(s) > 40:
        return None
    if _UNIT.fullmatch(s.upper()):
        return "unit", s.upper()
    p = normalise_program_code(s)
    if p is not None:
        return "program", p
    if s[0] in "456" and "." in s:
        r = normalise_rekening(s)
        if r is not None:
            return "rekening", r
    return None


# an organisation's own dotted code, not Kepmendagri's: a program `GG` and its kegiatan `GG.2896` (BPS),
# a worksheet's `AREN001.1`. Its first part starts with a letter (so numbering "1.1" is not one).
LOCAL_PATTERN = r"[A-Z][A-Z0-9]{0,9}(?:\.[A-Z0-9]{1,10}){0,6}"     # also the frame schema's (auditor.frames)
_LOCAL = re.compile(LOCAL_PATTERN)


def local_code(text) -> str | None:
    """A dotted code of the document's own scheme (upper-cased), for a cell of a Kode column that holds
    no Kepmendagri code (any_code); None otherwise. Its parent drops the last part (code_parent)."""
    s = _as_text(text)
    if not s:
        return None
    s = s.strip().upper()
    return s if len(s) <= 40 and _LOCAL.fullmatch(s) else None


def code_parent(family: str, code: str) -> str | None:
    """The code one level up within its own family; None at the family's top."""
    if family == "program":
        return parent_code(code)
    if family in ("rekening", "local"):
        return code.rsplit(".", 1)[0] if "." in code else None
    if family == "digits":            # undotted account codes: 4110103 under 41101 under 411 under 41 under 4
        return code[:-1] or None
    return None


def code_depth(family: str, code: str) -> int:
    return code.count(".") + 1
