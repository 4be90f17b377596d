"""Legacy Word (.doc), OpenDocument text (.odt) and RTF, read as .docx after LibreOffice converts them.

LibreOffice is optional: without ``soffice`` (or ``libreoffice``) on PATH the file is reported as not
audited (IN001, "save it as .docx"). With it, the conversion runs headless, in a private temporary folder
(the input is copied there first and never written to, nothing is written beside it), with its own
throw-away user profile (a running LibreOffice of the user is not touched) and a time limit; the folder is
removed afterwards whatever happens.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from typing import Iterator

from .safety import InputProblem

TIMEOUT_S = 60


def soffice() -> str | None:
    """The LibreOffice executable on PATH, or None (LKIP_SOFFICE overrides; "" disables)."""
    env = os.environ.get("LKIP_SOFFICE")
    if env is not None:
        return env or None
    return shutil.which("soffice") or shutil.which("libreoffice")


@contextlib.contextmanager
def to_docx(path: str, kind: str, timeout: float = TIMEOUT_S) -> Iterator[str]:
    """The path of a .docx converted from `path` (kind doc/odt/rtf), valid inside the `with`."""
    exe = soffice()
    what = {"doc": "an old Word 97-2003 document (.doc)", "odt": "an OpenDocument text (.odt)",
            "rtf": "an RTF document"}.get(kind, kind)
    if exe is None:
        raise InputProblem(path, "unsupported_format", f"The file is {what}; it is read only where LibreOffice "
                                                       f"is installed. Not audited: open it and save it as .docx.")
    with tempfile.TemporaryDirectory(prefix="lkip-convert-") as tmp:
        src = os.path.join(tmp, "input." + kind)
        shutil.copyfile(path, src)            # LibreOffice works on a private copy, never on the input
        out = os.path.join(tmp, "out")
        cmd = [exe, f"-env:UserInstallation=file://{os.path.join(tmp, 'profile')}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, src]
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                                  cwd=tmp, start_new_session=True)
        except subprocess.TimeoutExpired:
            raise InputProblem(path, "read_error", f"LibreOffice did not convert {what} within {timeout:.0f} s; "
                                                   f"not audited: save it as .docx.") from None
        except OSError as e:
            raise InputProblem(path, "read_error", f"LibreOffice could not be started ({e.strerror or e}); "
                                                   f"not audited: save it as .docx.") from None
        result = os.path.join(out, "input.docx")
        if proc.returncode != 0 or not os.path.isfile(result):
            raise InputProblem(path, "read_error", f"LibreOffice could not convert {what}; it may be damaged. "
                                                   f"Not audited: open it in Word and save it as .docx.")
        yield result
