"""Look at an input file before any reader touches it: what it really is, and whether it is safe.

``check_file(path)`` returns the kind of the file, judged by its *content* (never by its name), or
raises ``InputProblem`` with a short ``reason`` code and a plain one-line ``message``. It only ever
reads: the file is opened read-only, nothing is written anywhere, and the work is bounded — the ZIP
central directory, a few KB of each ZIP member, the OLE2 header and directory, never a whole member.

Reason codes (stable; the report layer translates them):

=================== ===========================================================================
``bad_path``        the path itself is unusable (e.g. contains a NUL character)
``missing``         no such file
``not_a_file``      a folder, a device, a pipe... not a regular file
``no_permission``   the operating system refuses to let us read it
``read_error``      any other operating-system error while reading (disk, network share)
``empty``           zero bytes
``too_large``       larger than ``Limits.max_file_bytes``
``encrypted``       password-protected (OOXML in an OLE2 ``EncryptedPackage``, a legacy .xls
                    with a FILEPASS record, an encrypted .ods, or ZIP-level encryption)
``corrupt_zip``     a ZIP that cannot be read: truncated, central directory missing, a member
                    past the end of the file, duplicate members, unusual compression
``corrupt_ole``     an OLE2 (legacy Office) file whose internal structure is damaged
``zip_bomb``        declared uncompressed size, compression ratio or member count over the limits
``not_office_zip``  a readable ZIP that is not an Excel/Word/OpenDocument file
``hostile_xml``     an XML member with a DOCTYPE/ENTITY declaration (billion laughs, XXE), an
                    unreasonably long XML prolog, or an unusual character encoding
``corrupt_pdf``     a PDF that is incomplete (no ``%%EOF`` near its end: truncated) or that PDFium
                    cannot open
``pdf_bomb``        a PDF stream that inflates past ``Limits.max_pdf_inflated_bytes`` or more than
                    ``max_ratio`` times its stored size (a decompression bomb)
``too_many_pages``  a PDF with more pages than ``Limits.max_pdf_pages``
``unsupported_format`` an office format we recognise but do not read (.xlsb, .docm, .pptx...)
``not_a_workbook``  not an office file at all: a web page (HTML), CSV/text, PDF, image...
``unrecognised``    binary content that matches no format we know (damaged, or random bytes)
``internal_error``  a bug of ours while examining the file (never expected; reported, not raised)
=================== ===========================================================================

Kinds returned by ``sniff`` (``check_file`` returns one of ``accept``, by default
``READABLE_KINDS`` = xlsx, xlsm, xls, ods, docx):

xlsx, xlsm (also .xltx/.xltm templates), xlsb, docx, docm (macro-enabled Word), dotx (Word
template; python-docx refuses both), pptx, ods, odt, odf (another OpenDocument type), zip (a ZIP
that is not an office file, or a damaged one), xls, ole_encrypted (password-protected OOXML), doc,
ppt, ole (another or a damaged OLE2 file), html, mhtml, xml_spreadsheet (Excel 2003 XML), xml,
csv, text, pdf, image, archive, empty, unknown, unreadable (sniff could not open the file).

XML entity handling in the libraries we read with (checked with openpyxl 3.1.5, defusedxml 0.7.1,
lxml 6.1 / libxml2 2.14, python-docx 1.2, python-calamine 0.9) — see ``harden_xml``.
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Collection

__all__ = [
    "InputProblem", "Limits", "READABLE_KINDS", "REASONS", "sniff", "check_file", "harden_xml",
]

MB = 1024 * 1024


class InputProblem(Exception):
    """A file we refuse or cannot read.

    ``reason`` is a short stable code (see the module docstring / ``REASONS``), ``message`` a plain
    one-line sentence without the path; ``str(problem)`` is ``"<path>: <message>"``.
    """

    def __init__(self, path, reason: str, message: str):
        self.path = str(path)
        self.reason = reason
        self.message = message
        super().__init__(f"{self.path}: {message}")


REASONS = (
    "bad_path", "missing", "not_a_file", "no_permission", "read_error", "empty", "too_large",
    "encrypted", "corrupt_zip", "corrupt_ole", "zip_bomb", "not_office_zip", "hostile_xml",
    "unsupported_format", "not_a_workbook", "unrecognised", "internal_error", "corrupt_pdf", "pdf_bomb",
    "too_many_pages",
)


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 200 * MB
    max_uncompressed_bytes: int = 1024 * MB   # sum of the sizes declared in the ZIP directory
    max_ratio: float = 200                    # declared uncompressed / compressed, per member and total
    max_members: int = 10_000
    # Ratios are judged only above this uncompressed size: a 2 KB part compressing 300:1 harms no
    # one, and real office parts never come near 200:1 once they are large (measured: ~15:1).
    ratio_floor_bytes: int = 1 * MB
    # How far into an XML member we read looking for its root element (the prolog, where a
    # DOCTYPE must stand). Office writes ~60 bytes of prolog; anything past this is refused.
    xml_prolog_bytes: int = 64 * 1024
    # PDF: what its Flate streams may inflate to in all (PDFium holds a page's content in memory), and
    # how many pages are read (a 200-page LKIP reads in ~3 s; see README "PDF")
    max_pdf_inflated_bytes: int = 256 * MB
    max_pdf_pages: int = 1000
    # HTML / MHTML exports: the largest page parsed (lxml holds the whole tree)
    max_html_bytes: int = 50 * MB


# doc / odt / rtf are converted to .docx with LibreOffice when it is installed (readers/convert.py)
READABLE_KINDS = frozenset({"xlsx", "xlsm", "xls", "ods", "docx", "pdf", "html", "mhtml", "doc", "odt", "rtf"})

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD_BYTES = 8192

_DESCRIBE = {
    "xlsb": "an Excel binary workbook (.xlsb)",
    "docm": "a macro-enabled Word document (.docm)",
    "dotx": "a Word template (.dotx)",
    "pptx": "a PowerPoint presentation",
    "odt": "an OpenDocument text document (.odt)",
    "odf": "an OpenDocument file that is not a spreadsheet",
    "doc": "an old Word 97-2003 document (.doc)",
    "ppt": "an old PowerPoint presentation (.ppt)",
    "ole": "an old-format Office file of an unknown type",
    "xml_spreadsheet": "an Excel 2003 XML spreadsheet",
    "mhtml": "a single-file web page (MHTML)",
    "html": "a web page (HTML), as web applications produce when they 'export to Excel'",
    "xml": "an XML file",
    "csv": "a CSV text file",
    "text": "a plain text file",
    "pdf": "a PDF document",
    "rtf": "a Rich Text Format document (.rtf)",
    "image": "an image",
    "archive": "a compressed archive (RAR/7z/gzip)",
    "zip": "a ZIP archive",
}
_SAVE_AS = {
    "doc": ".docx", "docm": ".docx", "dotx": ".docx", "odt": ".docx", "rtf": ".docx",
}
_UNSUPPORTED = {"xlsb", "docm", "dotx", "pptx", "odt", "odf", "doc", "ppt", "ole", "xml_spreadsheet", "mhtml"}


def _human(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"  # pragma: no cover


# ----------------------------------------------------------------------------------------------
# opening

def _open_read_only(path: str) -> BinaryIO:
    """Open for reading only. O_NONBLOCK so a FIFO swapped in cannot hang us; no O_CREAT ever."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# ----------------------------------------------------------------------------------------------
# plain (non-container) content

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
_ARCHIVE_MAGIC = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")


def _decode_text_head(head: bytes) -> str | None:
    """The head as text, or None if it looks binary."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return codecs.getincrementaldecoder(enc)(errors="replace").decode(head[len(bom):])
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] != 0:   # UTF-16-LE without BOM
        return codecs.getincrementaldecoder("utf-16-le")(errors="replace").decode(head)
    if b"\x00" in head:
        return None
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    if controls > max(2, len(head) // 50):
        return None
    return codecs.getincrementaldecoder("utf-8")(errors="replace").decode(head)


def _looks_csv(text: str) -> bool:
    lines = [ln for ln in text.splitlines()[:-1] or text.splitlines() if ln.strip()][:6]
    if not lines:
        return False
    for delim in (";", ",", "\t", "|"):
        counts = [ln.count(delim) for ln in lines]
        if min(counts) >= 1 and (len(lines) == 1 or max(counts) - min(counts) <= max(1, max(counts) // 5)):
            return True
    return False


def _sniff_plain(head: bytes) -> str:
    if head.startswith(b"%PDF") or (b"%PDF-" in head[:1024] and not head.lstrip().startswith(b"<")):
        return "pdf"          # readers accept junk before the header (PDF 1.7, 7.5.2); so does PDFium
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if any(head.startswith(m) for m in _IMAGE_MAGIC):
        return "image"
    if any(head.startswith(m) for m in _ARCHIVE_MAGIC):
        return "archive"
    text = _decode_text_head(head)
    if text is None:
        return "unknown"
    t = text.lstrip("\ufeff \t\r\n\f\v\x00").lower()
    if t.startswith("mime-version:") or ("mime-version:" in t[:2000] and "multipart/related" in t):
        return "mhtml"
    if t.startswith("<"):
        if "<html" in t or "<table" in t or t.startswith(("<!doctype html", "<head", "<body", "<meta", "<tr", "<td")):
            return "html"
        if "urn:schemas-microsoft-com:office:spreadsheet" in t:
            return "xml_spreadsheet"
        return "xml"
    if not t.strip():
        return "text"
    return "csv" if _looks_csv(text) else "text"


# ----------------------------------------------------------------------------------------------
# OLE2 compound files (legacy .xls/.doc, and the wrapper Office puts around encrypted OOXML)

class _OleError(Exception):
    pass


_FREE, _ENDOFCHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_MAXREGSECT = 0xFFFFFFFA


class _Ole:
    """Just enough of [MS-CFB] to list the root storage and read the start of a stream."""

    def __init__(self, f: BinaryIO, size: int):
        self.f, self.size = f, size
        f.seek(0)
        hdr = f.read(512)
        if len(hdr) < 512 or not hdr.startswith(_OLE_MAGIC):
            raise _OleError("short header")
        shift, mini_shift = struct.unpack_from("<HH", hdr, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise _OleError("bad sector size")
        self.ssz = 1 << shift
        (n_fat, self.dir_start, _, self.mini_cutoff, self.minifat_start, n_minifat,
         difat_start, n_difat) = struct.unpack_from("<8I", hdr, 0x2C)
        self.nsect = max(0, (size - self.ssz) // self.ssz + (1 if (size - self.ssz) % self.ssz else 0))
        if n_fat > self.nsect:
            raise _OleError("FAT larger than file")
        difat = list(struct.unpack_from("<109I", hdr, 0x4C))
        sec, hops = difat_start, 0
        per = self.ssz // 4
        while sec <= _MAXREGSECT and len(difat) < n_fat and hops <= min(n_difat, self.nsect):
            ents = struct.unpack(f"<{per}I", self._sector(sec))
            difat.extend(ents[:-1])
            sec, hops = ents[-1], hops + 1
        self.fat_secs = difat[:n_fat]
        if len(self.fat_secs) < n_fat:
            raise _OleError("DIFAT too short")
        self._fat_cache: dict[int, tuple[int, ...]] = {}

    def _sector(self, sec: int) -> bytes:
        if sec > _MAXREGSECT or sec >= self.nsect:
            raise _OleError(f"sector {sec} outside the file")
        self.f.seek((sec + 1) * self.ssz)
        data = self.f.read(self.ssz)
        if len(data) < self.ssz:
            data += b"\x00" * (self.ssz - len(data))   # last sector may be short; harmless
        return data

    def _next(self, sec: int) -> int:
        per = self.ssz // 4
        i = sec // per
        if i >= len(self.fat_secs):
            raise _OleError("FAT entry outside the FAT")
        ents = self._fat_cache.get(i)
        if ents is None:
            ents = self._fat_cache[i] = struct.unpack(f"<{per}I", self._sector(self.fat_secs[i]))
        return ents[sec % per]

    def _chain(self, start: int, max_sectors: int):
        sec, n = start, 0
        while sec != _ENDOFCHAIN:
            if n >= max_sectors or n > self.nsect:
                return
            yield sec
            sec, n = self._next(sec), n + 1

    def root_entries(self) -> dict[str, tuple[int, int, int]]:
        """Children of the root storage: lower-cased name -> (type, start sector, size)."""
        raw = b"".join(self._sector(s) for s in self._chain(self.dir_start, max(1, 2 * MB // self.ssz)))
        count = len(raw) // 128
        if count == 0:
            raise _OleError("empty directory")

        def entry(i: int):
            e = raw[i * 128:(i + 1) * 128]
            nlen = min(struct.unpack_from("<H", e, 0x40)[0], 64)
            name = e[:max(0, nlen - 2)].decode("utf-16-le", "replace")
            etype = e[0x42]
            left, right, child = struct.unpack_from("<3I", e, 0x44)
            start, size_lo, size_hi = struct.unpack_from("<3I", e, 0x74)
            return name, etype, left, right, child, start, size_lo | (size_hi << 32)

        root = entry(0)
        if root[1] != 5:
            raise _OleError("no root entry")
        self.root_start, self.root_size = root[5], root[6]
        out: dict[str, tuple[int, int, int]] = {}
        todo, seen = [root[4]], set()
        while todo:
            i = todo.pop()
            if i > _MAXREGSECT or i >= count or i in seen:
                continue
            seen.add(i)
            name, etype, left, right, _child, start, size = entry(i)
            if etype in (1, 2):
                out[name.lower()] = (etype, start, size)
            todo += [left, right]
        return out

    def stream_head(self, start: int, size: int, n: int = 512) -> bytes:
        """The first bytes of a stream (at most one sector / one mini sector)."""
        if size >= self.mini_cutoff:
            return self._sector(start)[:min(n, size)]
        # small streams live in the mini stream: 64-byte mini sectors inside the root's chain
        off = start * 64
        for k, sec in enumerate(self._chain(self.root_start, off // self.ssz + 1)):
            if k == off // self.ssz:
                data = self._sector(sec)
                return data[off % self.ssz: off % self.ssz + min(64, size, n)]
        raise _OleError("mini stream too short")


def _ole_kind(f: BinaryIO, size: int) -> tuple[str, bool]:
    """(kind, encrypted) for an OLE2 file; raises _OleError when damaged."""
    ole = _Ole(f, size)
    names = ole.root_entries()
    if "encryptedpackage" in names or "encryptioninfo" in names:
        return "ole_encrypted", True
    for wb in ("workbook", "book"):
        if wb in names and names[wb][0] == 2:
            _, start, ssize = names[wb]
            return "xls", _biff_has_filepass(ole.stream_head(start, ssize))
    if "worddocument" in names:
        return "doc", False
    if "powerpoint document" in names:
        return "ppt", False
    return "ole", False


def _biff_has_filepass(head: bytes) -> bool:
    """FILEPASS (0x002F) follows BOF (and an optional WRITEPROT) in a password-protected .xls."""
    pos = 0
    for _ in range(4):
        if pos + 4 > len(head):
            return False
        rtype, rlen = struct.unpack_from("<HH", head, pos)
        if rtype == 0x002F:
            return True
        pos += 4 + rlen
    return False


# ----------------------------------------------------------------------------------------------
# ZIP containers (OOXML, OpenDocument)

def _member_head(zf: zipfile.ZipFile, info: zipfile.ZipInfo, n: int) -> bytes:
    with zf.open(info) as m:
        return m.read(n)


def _zip_kind(zf: zipfile.ZipFile) -> str:
    infos = zf.infolist()
    names = {i.filename.lower().lstrip("/"): i for i in infos}
    ct = b""
    if "[content_types].xml" in names:
        ct = _member_head(zf, names["[content_types].xml"], 256 * 1024).lower()
    macro = b"macroenabled.main+xml" in ct
    if "xl/workbook.xml" in names or b"spreadsheetml.sheet.main+xml" in ct or b"spreadsheetml.template.main+xml" in ct \
            or b"ms-excel.sheet.macroenabled.main+xml" in ct or b"ms-excel.template.macroenabled.main+xml" in ct:
        return "xlsm" if macro or "xl/vbaproject.bin" in names else "xlsx"
    if "xl/workbook.bin" in names or b"sheet.binary.macroenabled.main" in ct:
        return "xlsb"
    if "word/document.xml" in names or b"wordprocessingml" in ct or b"ms-word." in ct:
        if macro or "word/vbaproject.bin" in names:
            return "docm"
        if b"wordprocessingml.document.main+xml" in ct or not ct:
            return "docx"
        return "dotx" if b"wordprocessingml.template.main+xml" in ct else "docx"
    if "ppt/presentation.xml" in names or b"presentationml" in ct:
        return "pptx"
    mt = b""
    if "mimetype" in names:
        mt = _member_head(zf, names["mimetype"], 200).strip().lower()
    elif "meta-inf/manifest.xml" in names:
        man = _member_head(zf, names["meta-inf/manifest.xml"], 64 * 1024).lower()
        m = re.search(rb'full-path="/"[^>]*media-type="([^"]+)"|media-type="([^"]+)"[^>]*full-path="/"', man)
        if m:
            mt = m.group(1) or m.group(2)
    if mt.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if mt.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    if mt.startswith(b"application/vnd.oasis.opendocument"):
        return "odf"
    return "zip"


# --- the XML prolog scan ---------------------------------------------------------------------

_OK_ENCODINGS = {
    "utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be",
    "us-ascii", "ascii", "latin1", "latin-1", "iso-8859-1", "windows-1252", "cp1252",
} | {f"iso-8859-{i}" for i in range(2, 16)} | {f"windows-125{i}" for i in range(9)}
_ENC_RE = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
# Parts no reader of ours parses as XML: media (a plain <!DOCTYPE html> / <!DOCTYPE svg PUBLIC ...>
# is normal there) and the ODF manifest (OpenOffice.org 2/3 wrote <!DOCTYPE manifest:manifest
# PUBLIC ...>; we only search it for "encryption-data"). A DOCTYPE *without* an internal subset
# cannot declare entities, so it is let through there; an internal subset ([ ... ]) is refused.
_LENIENT_EXT = (".svg", ".htm", ".html", ".xhtml", ".mht")
_LENIENT_NAMES = {"meta-inf/manifest.xml"}


def _xml_encoding(start: bytes) -> str | None:
    """Python codec for the first bytes of an XML entity, or None if it does not look like XML."""
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if start.startswith(b"<\x00\x00\x00"):
        return "utf-32-le"
    if start.startswith(b"\x00\x00\x00<"):
        return "utf-32-be"
    if len(start) >= 2 and start[1] == 0 and start[0] in b"< \t\r\n":
        return "utf-16-le"
    if len(start) >= 2 and start[0] == 0 and start[1] in b"< \t\r\n":
        return "utf-16-be"
    if start.startswith(b"\x4c\x6f\xa7\x94"):      # '<?xm' in EBCDIC
        return "cp500"
    if start[:1] in (b"<", b" ", b"\t", b"\r", b"\n"):
        return "utf-8"                              # or any ASCII-compatible encoding
    return None


def _prolog_state(text: str, media: bool) -> tuple[str, str]:
    """('root'|'more'|'hostile'|'not_xml', detail) after looking at the prolog in `text`."""
    i, n = 0, len(text)
    if text.startswith("\ufeff"):
        i = 1
    while True:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n:
            return "more", ""
        if text.startswith("<?", i):
            j = text.find("?>", i + 2)
            if j < 0:
                return "more", ""
            i = j + 2
            continue
        if text.startswith("<!--", i):
            j = text.find("-->", i + 4)
            if j < 0:
                return "more", ""
            i = j + 3
            continue
        if text.startswith("<!", i):
            word = text[i + 2:i + 10].upper()
            if word.startswith("DOCTYPE") or word.startswith("ENTITY"):
                if media and word.startswith("DOCTYPE"):
                    j = text.find(">", i)
                    if j < 0:
                        return "more", ""
                    if "[" not in text[i:j]:
                        i = j + 1
                        continue
                return "hostile", "a DOCTYPE/ENTITY declaration"
            if len(text) - i < 10:
                return "more", ""
            return "not_xml", ""
        if text[i] == "<":
            return "root", ""
        return "not_xml", ""


def _scan_xml_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """None if harmless, else a short description of what is hostile in this member."""
    lname = info.filename.lower()
    media = lname.endswith(_LENIENT_EXT) or lname in _LENIENT_NAMES
    with zf.open(info) as m:
        first = m.read(4096)
        enc = _xml_encoding(first[:8])
        if enc is None:
            return None                                 # not XML: no XML parser will take it
        dec = codecs.getincrementaldecoder(enc)(errors="replace")
        text = dec.decode(first)
        head = text[:4096].upper()
        if not media and ("<!DOCTYPE" in head or "<!ENTITY" in head):
            return "a DOCTYPE/ENTITY declaration"
        m_enc = _ENC_RE.match(text.lstrip("\ufeff"))
        if m_enc and m_enc.group(1).strip().lower().replace("_", "-") not in _OK_ENCODINGS:
            return f"an unusual character encoding ({m_enc.group(1)[:30]})"
        read = len(first)
        while True:
            state, detail = _prolog_state(text, media)
            if state == "hostile":
                return detail
            if state in ("root", "not_xml"):
                return None
            if read >= limits.xml_prolog_bytes:
                return f"an XML header longer than {_human(limits.xml_prolog_bytes)}"
            chunk = m.read(4096)
            if not chunk:
                return None                             # no root element: parsers fail, harmlessly
            read += len(chunk)
            text += dec.decode(chunk)


def _check_zip(f: BinaryIO, size: int, path: str, limits: Limits) -> str:
    def refuse(reason: str, msg: str):
        raise InputProblem(path, reason, msg)

    broken = "The file is damaged or incomplete (its ZIP structure is broken); it may not have been fully downloaded or copied. Please ask for a fresh copy."
    try:
        zf = zipfile.ZipFile(f)                          # reads the central directory only
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error, OverflowError,
            NotImplementedError):                        # e.g. "zip file version 21.8" from a garbled directory
        refuse("corrupt_zip", broken)
    except OSError as e:
        refuse(*_zip_oserror(e, broken))
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            refuse("zip_bomb", f"The file holds {len(infos)} internal parts (limit {limits.max_members}); refused as unsafe.")
        if not infos:
            refuse("not_office_zip", "The file is an empty ZIP archive, not an Excel, Word or OpenDocument file.")
        total_u = sum(i.file_size for i in infos)
        total_c = sum(i.compress_size for i in infos)
        if total_u > limits.max_uncompressed_bytes:
            refuse("zip_bomb", f"The file declares {_human(total_u)} of content once unpacked "
                               f"(limit {_human(limits.max_uncompressed_bytes)}); refused as unsafe.")
        seen: set[str] = set()
        for i in infos:
            if i.flag_bits & 0x1:
                refuse("encrypted", "The file's contents are encrypted with a password; remove the password and send it again.")
            if i.file_size > limits.ratio_floor_bytes and i.file_size > limits.max_ratio * max(i.compress_size, 1):
                refuse("zip_bomb", f"The part {i.filename[:80]} unpacks {i.file_size / max(i.compress_size, 1):.0f} times "
                                   f"larger than it is stored (limit {limits.max_ratio:g}); refused as unsafe.")
            if i.header_offset < 0 or i.header_offset + i.compress_size > size or not i.filename:
                refuse("corrupt_zip", broken)
            key = i.filename.lower()
            if key in seen:
                refuse("corrupt_zip", f"The file is damaged: it holds the part {i.filename[:80]} twice.")
            seen.add(key)
            if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                refuse("corrupt_zip", f"The file uses a compression method (number {i.compress_type}) that office programs do not write.")
        if total_u > limits.ratio_floor_bytes and total_u > limits.max_ratio * max(total_c, 1):
            refuse("zip_bomb", f"The file unpacks {total_u / max(total_c, 1):.0f} times larger than it is stored "
                               f"(limit {limits.max_ratio:g}); refused as unsafe.")
        try:
            kind = _zip_kind(zf)
            if kind == "zip":
                refuse("not_office_zip", "The file is a ZIP archive, not an Excel, Word or OpenDocument file.")
            if kind in ("ods", "odt", "odf"):
                man = next((i for i in infos if i.filename.lower() == "meta-inf/manifest.xml"), None)
                if man is not None and b"encryption-data" in _member_head(zf, man, 1 * MB):
                    refuse("encrypted", "The spreadsheet is password-protected; remove the password (save it again without one) and send it again.")
            for i in infos:
                if i.filename.endswith("/") or i.file_size == 0:
                    continue
                bad = _scan_xml_member(zf, i, limits)
                if bad:
                    refuse("hostile_xml", f"The part {i.filename[:80]} contains {bad}, which office programs never write; refused as unsafe.")
        except InputProblem:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error, NotImplementedError, RuntimeError):
            refuse("corrupt_zip", broken)
        except OSError as e:
            refuse(*_zip_oserror(e, broken))
    return kind


def _zip_oserror(e: OSError, broken: str) -> tuple[str, str]:
    # a seek to a negative or absurd offset taken from a garbled directory is damage, not a disk fault
    if e.errno in (errno.EINVAL, getattr(errno, "EOVERFLOW", -1)):
        return "corrupt_zip", broken
    return "read_error", f"The file could not be read ({e.strerror or e})."


# ----------------------------------------------------------------------------------------------
# PDF: complete, and no stream that inflates into a bomb

_STREAM = re.compile(rb"stream\r?\n")


def _check_pdf(f: BinaryIO, size: int, path: str, limits: Limits) -> None:
    """A PDF ends with %%EOF (a truncated download does not), and none of its Flate streams inflates past
    the limits. Only Flate is inflated (images in DCT/JPX are never decoded here); the work stops at the
    first stream over the ratio, so a bomb costs milliseconds."""
    import mmap

    f.seek(max(0, size - 2048))
    if b"%%EOF" not in f.read(2048):
        raise InputProblem(path, "corrupt_pdf", "The PDF is incomplete (it does not end as a PDF file must); "
                                                "it may not have been fully downloaded or copied. Please ask for a fresh copy.")
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        total = 0
        for m in _STREAM.finditer(mm):
            head = mm[max(0, m.start() - 400):m.start()]
            if b"Flate" not in head[head.rfind(b"obj"):] and b"/Fl " not in head:
                continue
            d = zlib.decompressobj()
            pos, out, fed = m.end(), 0, 0
            try:
                while pos < size and not d.eof:
                    chunk = mm[pos:pos + 65536]
                    pos += len(chunk)
                    fed += len(chunk)
                    data = d.decompress(chunk, 4 * MB)
                    out += len(data)
                    while d.unconsumed_tail and out <= limits.max_pdf_inflated_bytes:
                        data = d.decompress(d.unconsumed_tail, 4 * MB)
                        out += len(data)
                        if out > limits.ratio_floor_bytes and out > limits.max_ratio * fed:
                            break
                    if out > limits.ratio_floor_bytes and out > limits.max_ratio * fed:
                        raise InputProblem(path, "pdf_bomb", f"A part of the PDF unpacks more than {limits.max_ratio:g} times "
                                                             f"larger than it is stored; refused as unsafe.")
                    if total + out > limits.max_pdf_inflated_bytes:
                        raise InputProblem(path, "pdf_bomb", f"The PDF's contents unpack to more than "
                                                             f"{_human(limits.max_pdf_inflated_bytes)}; refused as unsafe.")
                    if not chunk:
                        break
            except zlib.error:
                pass                      # a damaged stream: PDFium will skip it, nothing is inflated
            total += out


# ----------------------------------------------------------------------------------------------
# public API

def _kind_of_open(f: BinaryIO, size: int, head: bytes) -> str:
    if size == 0 or not head:
        return "empty"
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(f) as zf:
                return _zip_kind(zf)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
                struct.error, NotImplementedError, RuntimeError, OverflowError):
            return "zip"
    if head.startswith(_OLE_MAGIC):
        try:
            return _ole_kind(f, size)[0]
        except (_OleError, struct.error, ValueError, OverflowError):
            return "ole"
    return _sniff_plain(head)


def sniff(path) -> str:
    """What the file is, by content (see the module docstring for the kinds). Never raises."""
    try:
        with _open_read_only(os.fspath(path)) as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                return "unreadable"
            head = f.read(_HEAD_BYTES)
            return _kind_of_open(f, st.st_size, head)
    except (OSError, ValueError, TypeError):
        return "unreadable"
    except Exception:           # never raise
        return "unknown"


def check_file(path, limits: Limits = Limits(), accept: Collection[str] = READABLE_KINDS) -> str:
    """The file's kind (one of `accept`), or InputProblem. Reads only; never writes anything.

    Cost: open + fstat, 8 KB of head, then for a ZIP its central directory and at most a few KB
    of each member (the XML prolog), for an OLE2 file its header, directory and one sector.
    """
    try:
        p = os.fspath(path)
        if "\x00" in p:
            raise ValueError("NUL in path")
    except (TypeError, ValueError):
        raise InputProblem(str(path), "bad_path", "The file name is not a valid path.") from None
    name = os.path.basename(p)
    ext = os.path.splitext(name)[1].lower()
    if os.path.isdir(p):
        raise InputProblem(p, "not_a_file", "This is a folder, not a file.")
    try:
        f = _open_read_only(p)
    except FileNotFoundError:
        raise InputProblem(p, "missing", "The file does not exist (it may have been moved, renamed or deleted).") from None
    except NotADirectoryError:
        raise InputProblem(p, "missing", "The file does not exist (part of its folder path is a file).") from None
    except PermissionError:
        raise InputProblem(p, "no_permission", "The file cannot be opened: permission denied. Check its sharing or access settings.") from None
    except OSError as e:
        raise InputProblem(p, "read_error", f"The file could not be opened ({e.strerror or e}).") from None
    with f:
        try:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise InputProblem(p, "not_a_file", "This is not a regular file (a device, pipe or similar).")
            size = st.st_size
            if size == 0:
                raise InputProblem(p, "empty", "The file is empty (0 bytes); it was probably not saved or copied completely.")
            if size > limits.max_file_bytes:
                raise InputProblem(p, "too_large", f"The file is {_human(size)}, larger than the {_human(limits.max_file_bytes)} limit.")
            head = f.read(_HEAD_BYTES)
            if not head:
                raise InputProblem(p, "empty", "The file is empty (0 bytes); it was probably not saved or copied completely.")
            if head.startswith(_ZIP_MAGIC):
                kind = _check_zip(f, size, p, limits)
            elif head.startswith(_OLE_MAGIC):
                try:
                    kind, encrypted = _ole_kind(f, size)
                except (_OleError, struct.error, ValueError, OverflowError):
                    raise InputProblem(p, "corrupt_ole", "The file looks like an old-format Office file (.xls/.doc) but its internal structure is damaged.") from None
                if encrypted:
                    raise InputProblem(p, "encrypted", "The workbook is password-protected; remove the password "
                                                       "(File > Info > Protect Workbook) and send it again.")
            else:
                kind = _sniff_plain(head)
                if kind == "pdf" and kind in accept:
                    _check_pdf(f, size, p, limits)
                elif kind in ("html", "mhtml") and kind in accept and size > limits.max_html_bytes:
                    raise InputProblem(p, "too_large", f"The web page is {_human(size)}, larger than the "
                                                       f"{_human(limits.max_html_bytes)} read.")
        except InputProblem:
            raise
        except PermissionError:
            raise InputProblem(p, "no_permission", "The file cannot be read: permission denied.") from None
        except OSError as e:
            raise InputProblem(p, "read_error", f"The file could not be read ({e.strerror or e}).") from None
        except Exception as e:   # a bug of ours must not become a traceback for the user
            raise InputProblem(p, "internal_error", f"The file could not be examined (internal error: {type(e).__name__}).") from None
    if kind in accept:
        return kind
    named = f"is named {ext} but" if ext else "is"
    what = _DESCRIBE.get(kind)
    if kind == "unknown" or what is None:
        raise InputProblem(p, "unrecognised", "The file's content is not a spreadsheet or document format we recognise; it may be damaged.")
    target = _SAVE_AS.get(kind, ".xlsx")
    if kind in _UNSUPPORTED:
        raise InputProblem(p, "unsupported_format", f"The file {named} is actually {what}, which is not read here; open it and save it as {target}.")
    raise InputProblem(p, "not_a_workbook", f"The file {named} is actually {what}, not a spreadsheet or Word document; open it in Excel and save it as {target}.")


# ----------------------------------------------------------------------------------------------
# XML parser hardening

HARDENED = False


def harden_xml() -> None:
    """Make sure the XML parsers behind our readers refuse entity tricks. Idempotent, never raises.

    What each library does (verified with openpyxl 3.1.5, defusedxml 0.7.1, lxml 6.1.3 on
    libxml2 2.14.6, python-docx 1.2.0, python-calamine 0.9.1):

    * openpyxl decides at import time: ``openpyxl.DEFUSEDXML`` (= ``openpyxl.xml.DEFUSEDXML``) is
      True when defusedxml is importable and the environment variable ``OPENPYXL_DEFUSEDXML`` is
      not set to something other than "True". Then worksheets and shared strings (the big parts,
      parsed with ``iterparse``) go through ``defusedxml.ElementTree.iterparse``, which raises
      ``EntitiesForbidden`` for any ENTITY declaration (billion laughs, XXE). The small parts
      (workbook.xml, styles, rels, drawings) go through ``fromstring``: with lxml installed (it
      is) that is lxml with ``resolve_entities=False`` — entities are never substituted, and
      libxml2 >= 2.11 additionally stops billion laughs with "Maximum entity amplification factor
      exceeded"; without lxml it is defusedxml's ``fromstring``. openpyxl wraps any of these
      errors in a ValueError ("Unable to read workbook...").
    * python-docx parses every part with ``lxml.etree.XMLParser(remove_blank_text=True,
      resolve_entities=False)`` (docx/oxml/parser.py, docx/opc/oxml.py): external entities are not
      fetched (an XXE reference yields empty text, no file read) and internal ones are not
      expanded; billion laughs is refused by libxml2's amplification limit (XMLSyntaxError). It
      does not use defusedxml, so with an older libxml2 the DOCTYPE pre-scan in ``check_file`` is
      the guard.
    * python-calamine (Rust quick-xml) does not process DTDs: an entity reference it does not know
      is an error ("unrecognized entity"); nothing is expanded or fetched.

    This function sets ``OPENPYXL_DEFUSEDXML=True`` for an openpyxl not yet imported, and if
    openpyxl was already imported without defusedxml, switches its ``iterparse``/``fromstring``
    bindings to defusedxml's. Whatever happens here, ``check_file`` refuses any XML part with a
    DOCTYPE or ENTITY declaration before a parser sees it.
    """
    global HARDENED
    try:
        import defusedxml.ElementTree as dET
    except Exception:                       # pragma: no cover - defusedxml is a dependency
        return
    os.environ["OPENPYXL_DEFUSEDXML"] = "True"
    try:
        import sys
        if "openpyxl" in sys.modules:
            import openpyxl
            import openpyxl.xml.functions as fx
            if not getattr(openpyxl, "DEFUSEDXML", False):
                for modname in ("openpyxl.xml.functions", "openpyxl.worksheet._reader", "openpyxl.reader.strings"):
                    mod = sys.modules.get(modname)
                    if mod is not None and hasattr(mod, "iterparse"):
                        mod.iterparse = dET.iterparse
                if not getattr(openpyxl, "LXML", False):
                    for modname, mod in list(sys.modules.items()):
                        if modname.startswith("openpyxl") and getattr(mod, "fromstring", None) is getattr(fx, "fromstring", None):
                            mod.fromstring = dET.fromstring
                openpyxl.DEFUSEDXML = True
        HARDENED = True
    except Exception:                       # pragma: no cover - never let hardening break startup
        pass
