"""Writing outputs safely: atomically, only where the user asked, never over an input.

* ``atomic_output(path, suffix)`` yields a fresh temporary path in the *same folder* as `path`
  (hidden: ``.<name>.<random>.tmp<suffix>``, created empty with the usual permissions). Write the
  output there by any means (``wb.save(tmp)``, ``open(tmp, "w")``...). When the block ends
  normally the temp file is flushed to disk and renamed over `path` in one step (``os.replace``),
  so a reader never sees half a report and an old report survives a failed run. When the block
  raises — including KeyboardInterrupt — the temp file is removed and the exception propagates.
* Nothing creates folders unless ``make_dirs=True`` is passed.
* ``guard_output(path, inputs)`` refuses an output path that is one of the inputs (same file by
  ``os.path.samefile`` or by resolved real path, so links and hard links count), a folder, or
  lies inside a folder given as input (writing there would change what was sent, and the next
  run would read our output as an input) unless ``allow_inside_input_dirs=True``.

``OutputProblem.reason`` codes: is_input, inside_input, is_folder, no_folder, write_failed.
"""
from __future__ import annotations

import contextlib
import os
import secrets
from typing import Iterable, Iterator

__all__ = ["OutputProblem", "atomic_output", "atomic_write_bytes", "atomic_write_text", "guard_output"]


class OutputProblem(Exception):
    """An output we refuse to write or could not write. ``reason`` code, plain ``message``."""

    def __init__(self, path, reason: str, message: str):
        self.path = str(path)
        self.reason = reason
        self.message = message
        super().__init__(f"{self.path}: {message}")


def _real(p: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(p)))


def _fsync_file(p: str) -> None:
    try:
        fd = os.open(p, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_dir(d: str) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be fsynced on Windows
        return
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path, suffix: str = "", *, make_dirs: bool = False) -> Iterator[str]:
    """Yield a temp path beside `path`; rename it over `path` on success, remove it on failure."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise OutputProblem(path, "is_folder", "The output path is a folder; give a file name.")
    if not os.path.isdir(folder):
        if not make_dirs:
            raise OutputProblem(path, "no_folder", "The folder for this output does not exist.")
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as e:
            raise OutputProblem(path, "write_failed", f"Could not create the output folder ({e.strerror or e}).") from None
    base = os.path.basename(path)
    tmp = None
    for _ in range(20):
        cand = os.path.join(folder, f".{base}.{secrets.token_hex(4)}.tmp{suffix}")
        try:
            fd = os.open(cand, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        except OSError as e:
            raise OutputProblem(path, "write_failed", f"Cannot write in the output folder ({e.strerror or e}).") from None
        os.close(fd)
        tmp = cand
        break
    if tmp is None:  # pragma: no cover - 20 random collisions
        raise OutputProblem(path, "write_failed", "Could not create a temporary file in the output folder.")
    try:
        yield tmp
        _fsync_file(tmp)
        try:
            os.replace(tmp, path)
        except PermissionError:
            raise OutputProblem(path, "write_failed", "Could not replace the output file: permission denied "
                                                      "(is it open in Excel or another program?).") from None
        except OSError as e:
            raise OutputProblem(path, "write_failed", f"Could not write the output file ({e.strerror or e}).") from None
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path, data: bytes, *, make_dirs: bool = False) -> None:
    with atomic_output(path, make_dirs=make_dirs) as tmp:
        with open(tmp, "wb") as f:
            f.write(data)


def atomic_write_text(path, text: str, encoding: str = "utf-8", *, make_dirs: bool = False) -> None:
    """Text is written as given (no newline translation), UTF-8 by default."""
    atomic_write_bytes(path, text.encode(encoding), make_dirs=make_dirs)


def guard_output(path, inputs: Iterable[str], *, allow_inside_input_dirs: bool = False) -> None:
    """Raise OutputProblem if writing `path` could overwrite or change an input."""
    path = os.fspath(path)
    if os.path.isdir(path):
        raise OutputProblem(path, "is_folder", "The output path is a folder; give a file name.")
    out_real = _real(path)
    out_exists = os.path.lexists(path)
    for raw in inputs:
        try:
            inp = os.fspath(raw)
        except TypeError:
            continue
        if not os.path.exists(inp):
            continue
        in_real = _real(inp)
        same = out_real == in_real
        if not same and out_exists:
            with contextlib.suppress(OSError, ValueError):
                same = os.path.samefile(path, inp)
        if same:
            raise OutputProblem(path, "is_input", f"The output would overwrite an input file ({inp}); choose another name.")
        if os.path.isdir(inp) and not allow_inside_input_dirs:
            if out_real.startswith(in_real.rstrip(os.sep) + os.sep):
                raise OutputProblem(path, "inside_input", f"The output would be written inside the input folder ({inp}); "
                                                          "choose a location outside it.")
