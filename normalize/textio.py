"""Safe text streaming for the command line: UTF-8 in, UTF-8 out, atomically.

Input is read as bytes and decoded line by line, so the locale never
matters, memory stays constant, and an error names the file, line and
byte offset.  Output to a file goes through a temporary file in the same
folder and an atomic rename, so a failed run never leaves a truncated file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import BinaryIO

from .errors import InputError

#: Longest line accepted (characters are never split mid-line).
MAX_LINE_BYTES = 32 * 1024 * 1024


def read_lines(path: str, *, errors: str = "strict") -> Iterator[str]:
    """Yield the lines of *path* (``-`` for stdin) decoded from UTF-8.

    Line endings are kept (``\\r\\n`` stays ``\\r\\n``).  Raises
    :class:`InputError` for a missing or unreadable file, a binary file
    (a NUL byte), invalid UTF-8 (unless *errors* is ``"replace"``: then
    U+FFFD stands for each bad byte) or a line longer than ``MAX_LINE_BYTES``.
    """
    name = "<stdin>" if path == "-" else path
    try:
        stream: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    offset = 0
    try:
        for lineno, raw in enumerate(iter(lambda: stream.readline(MAX_LINE_BYTES + 1), b""), 1):
            if len(raw) > MAX_LINE_BYTES:
                raise InputError(
                    f"{name}:{lineno}: line longer than {MAX_LINE_BYTES // 2**20} MiB"
                )
            if b"\0" in raw:
                at = offset + raw.index(0)
                raise InputError(f"{name}: binary file (NUL byte at offset {at})")
            try:
                yield raw.decode("utf-8", errors)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}:{lineno}: invalid UTF-8 at byte offset {offset + exc.start}"
                ) from None
            offset += len(raw)
    except OSError as exc:
        raise InputError(f"{name}: read error: {exc.strerror}") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[BinaryIO]:
    """A binary stream for *path* (``None`` or ``-``: stdout).

    A file is written to a temporary sibling and renamed over *path* only
    when the block ends without an exception.
    """
    if path is None or path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".normalize-", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
        if os.path.exists(path):
            with contextlib.suppress(OSError):
                os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
