"""Lookup keys of names: the folded form and the compact form.

* :func:`name_key` — :func:`~normalize.fold.fold` plus tidy punctuation:
  quotation marks dropped, runs of spaces collapsed, an English possessive
  (``'s``) removed.  Two spellings that differ only in case, invisible
  characters, homoglyphs, apostrophes, dashes or ё/е have the same key.
* :func:`compact_key` — the name key without spaces, hyphens, apostrophes,
  soft and hard signs and Latin diacritics (``Ros-gvardia``, ``Rosgvardia``,
  ``Rosgvardiâ`` and ``ROSGVARDIA`` meet; so do Беньяш and Беняш, a sign
  the press often drops); Cyrillic keeps its marks (й stays й).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .fold import _TABLE as FOLD_TABLE
from .fold import fold

_QUOTES = re.compile("[\"«»“”„‟‹›「」『』]")
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?=\s|$)")
_SPACE = re.compile(r"\s+")
#: Latin letters that do not decompose under NFD.
_LATIN_BASE = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae",
                             "œ": "oe", "þ": "th", "ð": "d", "ŀ": "l"})
#: A token of running text, for finding names in it: a run of letters and
#: digits (apostrophes, hyphens and spaces separate tokens; the compact keys
#: of a name's tokens, joined, are its compact key).
TOKEN = re.compile(r"[^\W_]+")
_NOT_KEY = re.compile(r"[\s\-'.,·ʹʺ`\"()/ьъ]+")


def name_key(name: str) -> str:
    """The folded key of *name*.

    >>> name_key("«Медиазона»") == name_key("медиазона")
    True
    >>> name_key("Rosgvardia’s")
    'rosgvardia'
    """
    return _tidy(fold(name))


def _tidy(folded: str) -> str:
    s = _POSSESSIVE.sub("", _QUOTES.sub("", folded))
    return _SPACE.sub(" ", s).strip(" .,;:!?")


_LATIN_MARKED = re.compile("[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")


@lru_cache(maxsize=4096)
def _latin_base(ch: str) -> str:
    if unicodedata.combining(ch):
        return ""  # a stray mark after a Latin letter (g̀)
    if not unicodedata.name(ch, "").startswith("LATIN"):
        return ch
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def strip_latin_marks(s: str) -> str:
    """Remove diacritics from Latin letters only (č → c, ł → l, й stays й)."""
    if s.isascii():
        return s
    return _LATIN_MARKED.sub(lambda m: _latin_base(m.group()), s.translate(_LATIN_BASE))


def compact_key(name: str) -> str:
    """The key of *name* without separators and Latin diacritics.

    >>> compact_key("Ros-gvardia") == compact_key("Rosgvardiâ") == compact_key("ROSGVARDIA")
    True
    """
    return _NOT_KEY.sub("", strip_latin_marks(name_key(name)))


_CYRILLIC = re.compile("[\u0400-\u052f]")


def latin_key(text: str) -> str:
    """:func:`compact_key` of a scheme's output, faster: such text is Latin
    letters, marks and separators only, with no look-alikes to repair.

    >>> latin_key("Tschikow") == compact_key("Tschikow")
    True
    """
    if _CYRILLIC.search(text):
        return compact_key(text)  # a letter the scheme left (fallback): the full path
    # fold() of text with no Cyrillic letter, without its look-alike checks
    if text.isascii():
        folded = text.translate(FOLD_TABLE).casefold()
    else:
        folded = unicodedata.normalize("NFC", text.translate(FOLD_TABLE)).casefold()
    return _NOT_KEY.sub("", strip_latin_marks(_tidy(folded)))
