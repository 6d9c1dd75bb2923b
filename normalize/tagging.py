"""Writing mentions into text, and reading tagged text back.

Two styles:

* ``replace`` — each mention becomes the entity's name in the chosen
  language (``Чиковым`` → ``Pavel Chikov``); everything else is unchanged.
* ``tag`` — each mention is marked where it stands, ``[[Чиковым|person:pavel-chikov]]``,
  the markup of the project's labelled sentences.  :func:`parse_tagged`
  reads it back into the plain text and the mentions' offsets.

In tagged text a backslash escapes the characters the markup uses, so any
text survives the round trip: ``[[`` and ``]]`` written by the author become
``\\[[`` and ``\\]]``, a ``|`` or a bracket inside a surface is escaped, and
a backslash before any of ``[ ] | \\`` (or at the end of a stretch of text)
is doubled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from .errors import InputError

STYLES = ("replace", "tag")
_PLAIN_SPECIAL = re.compile(r"\\(?=[\[\]|\\]|$)|\[(?=\[|$)|\](?=\])")
_SURFACE_SPECIAL = re.compile(r"[\\\[\]|]")


class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def id(self) -> str: ...


def escape_plain(text: str) -> str:
    """Escape the markup characters in a stretch of untagged text.

    >>> escape_plain("a [[b]] c\\\\")
    'a \\\\[[b\\\\]] c\\\\\\\\'
    """
    return _PLAIN_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def tag(text: str, mentions: Sequence[_Located]) -> str:
    """*text* with non-overlapping *mentions* marked ``[[surface|id]]``.

    >>> from types import SimpleNamespace as M
    >>> tag("Hi Rosgvardia.", [M(start=3, end=13, id="agency:rosgvardia")])
    'Hi [[Rosgvardia|agency:rosgvardia]].'
    """
    out = []
    pos = 0
    for m in mentions:
        out.append(escape_plain(text[pos:m.start]))
        surface = _SURFACE_SPECIAL.sub(lambda x: "\\" + x.group(), text[m.start:m.end])
        out.append(f"[[{surface}|{m.id}]]")
        pos = m.end
    out.append(escape_plain(text[pos:]))
    return "".join(out)


def replace(text: str, mentions: Sequence[_Located], names: Sequence[str]) -> str:
    """*text* with each of *mentions* replaced by the name at the same place
    in *names*.

    >>> from types import SimpleNamespace as M
    >>> replace("Чиковым", [M(start=0, end=7, id="x")], ["Pavel Chikov"])
    'Pavel Chikov'
    """
    out = []
    pos = 0
    for m, name in zip(mentions, names, strict=True):
        out.append(text[pos:m.start])
        out.append(name)
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def parse_tagged(tagged: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text of *tagged* and its mentions as ``(start, end, id)``.

    >>> parse_tagged("Hi [[Rosgvardia|agency:rosgvardia]].")
    ('Hi Rosgvardia.', [(3, 13, 'agency:rosgvardia')])

    Raises :class:`~normalize.errors.InputError` on malformed markup.
    """
    plain: list[str] = []
    length = 0
    spans: list[tuple[int, int, str]] = []
    i = 0
    n = len(tagged)
    while i < n:
        ch = tagged[i]
        if ch == "\\" and i + 1 < n and tagged[i + 1] in "[]|\\":
            plain.append(tagged[i + 1])
            length += 1
            i += 2
            continue
        if ch == "\\" and i + 1 == n:
            raise InputError(f"tagged text ends with a lone backslash at {i}")
        if tagged.startswith("[[", i):
            start = length
            i += 2
            surface: list[str] = []
            while i < n and tagged[i] != "|":
                if tagged[i] == "\\" and i + 1 < n:
                    i += 1
                elif tagged.startswith("[[", i) or tagged.startswith("]]", i):
                    raise InputError(f"unclosed mention before offset {i}")
                surface.append(tagged[i])
                i += 1
            close = tagged.find("]]", i)
            if i >= n or close < 0:
                raise InputError(f"unclosed mention at offset {start}")
            entity_id = tagged[i + 1:close]
            if not entity_id or any(c in entity_id for c in "[]|\\\n"):
                raise InputError(f"malformed mention id {entity_id!r}")
            plain.append("".join(surface))
            length += len(surface)
            spans.append((start, length, entity_id))
            i = close + 2
            continue
        plain.append(ch)
        length += 1
        i += 1
    return "".join(plain), spans
