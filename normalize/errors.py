"""The one exception family of the package.

Every error the package raises on purpose is a :class:`NormalizeError`, so a
caller can catch the whole family with one ``except``.  Subclasses also derive
from the matching built-in exception (``ValueError``, ``KeyError``) so code
that already catches those keeps working.
"""

from __future__ import annotations


class NormalizeError(Exception):
    """Base class of every error raised by :mod:`normalize`."""


class DataError(NormalizeError, ValueError):
    """A data file (scheme table, gazetteer, language model) is malformed.

    The message names the file and, where known, the line.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message)


class UnknownSchemeError(NormalizeError, KeyError):
    """A transliteration scheme or language profile name is not known."""

    def __init__(self, name: str, valid: list[str]) -> None:
        self.name = name
        self.valid = valid
        super().__init__(name)

    def __str__(self) -> str:
        return f"unknown scheme {self.name!r}; valid names: {', '.join(self.valid)}"


class InputError(NormalizeError, ValueError):
    """Input that cannot be processed (invalid UTF-8, a binary file, ...)."""
