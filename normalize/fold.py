"""Folding: the form in which names and queries are compared.

Data and queries go through the same functions, so a gazetteer name and
a spelling found in text meet in one form (the approach of OpenSanctions'
rigour).  Folding

* removes invisible characters (soft hyphen, zero-width space and joiners,
  direction marks, BOM) and turns every kind of space into a space, every
  dash into ``-`` and every apostrophe into ``'``;
* repairs homoglyphs: in a word written mostly in Cyrillic, Latin look-alike
  letters become Cyrillic (``Pосгвардия`` → ``росгвардия``, ``ВДB`` → ``вдв``)
  and the other way round (``Rоsgvardia`` → ``rosgvardia``);
* composes (NFC), case-folds (``ß`` → ``ss``) and folds ``ё`` to ``е``.
  Cyrillic is never stripped of its marks: ``й`` stays ``й``.

:func:`fold_map` also returns, for each folded character, the index of the
character of the original string it came from, so that matches found in
folded text map back to exact offsets in the caller's string.
"""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c"
                      "\u202d\u202e\u2061\u2062\u2063\u2064\u180e")
SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                   "\u202f\u205f\u3000\t")
DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad")
APOSTROPHES = frozenset("\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\u02bb\u02bd\uff07")

#: Stress marks (acute, grave), dropped after a Cyrillic letter.
STRESS = frozenset("\u0301\u0300")
_STRESSED = re.compile("(?<=[\u0400-\u04ff])[\u0301\u0300]+")

# Latin ↔ Cyrillic look-alikes (both cases), as they occur in mistyped and
# spoofed text.  Only letters that look the same in common fonts.
_LAT = "AaBCcEeHKMOoPpTXxYyiIJj"
_CYR = "АаВСсЕеНКМОоРрТХхУуіІЈј"
TO_CYRILLIC = dict(zip(_LAT, _CYR, strict=True))
TO_LATIN = dict(zip(_CYR, _LAT, strict=True))


def _script(ch: str) -> str | None:
    """'c' for a Cyrillic letter, 'l' for a Latin one, None otherwise."""
    if ch.isascii():
        return "l" if ch.isalpha() else None
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "c"
    if name.startswith("LATIN"):
        return "l"
    return None


def _repair_word(word: list[str]) -> None:
    """Turn the minority-script look-alikes of one word into the majority script."""
    cyr = lat = 0
    for ch in word:
        s = _script(ch)
        if s == "c":
            cyr += 1
        elif s == "l":
            lat += 1
    if not cyr or not lat:
        return
    # a look-alike counts for neither side: decide on the unambiguous letters
    cyr_sure = sum(1 for ch in word if _script(ch) == "c" and ch not in TO_LATIN)
    lat_sure = sum(1 for ch in word if _script(ch) == "l" and ch not in TO_CYRILLIC)
    table = TO_CYRILLIC if (cyr_sure, cyr) > (lat_sure, lat) else TO_LATIN
    for i, ch in enumerate(word):
        word[i] = table.get(ch, ch)


def fold_map(text: str) -> tuple[str, list[int]]:
    """Fold *text*; return the folded string and, per folded character, the
    index of the original character it came from.

    >>> folded, where = fold_map("Ros\\u00adgvardia’s")
    >>> folded, where[3]
    ("rosgvardia's", 4)
    """
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in INVISIBLE:
            continue
        if ch in STRESS and chars and "\u0400" <= chars[-1] <= "\u04ff":
            continue  # a stress mark: Чико́в is Чиков
        if ch in SPACES:
            ch = " "
        elif ch in DASHES:
            ch = "-"
        elif ch in APOSTROPHES:
            ch = "'"
        chars.append(ch)
        where.append(i)
    _compose(chars, where)
    # homoglyph repair on the letters as written (B and В look alike, b and в
    # do not), and again after case folding (which can make new look-alikes)
    _repair(chars)
    _compose(chars, where)
    out: list[str] = []
    out_where: list[int] = []
    for ch, i in zip(chars, where, strict=True):
        for c in _fold_char(ch):
            out.append(c)
            out_where.append(i)
    _repair(out)
    _compose(out, out_where)
    return "".join(out), out_where


def _repair(chars: list[str]) -> None:
    """Homoglyph repair of every word of *chars*, in place."""
    start = 0
    n = len(chars)
    while start < n:
        if not chars[start].isalpha():
            start += 1
            continue
        end = start
        while end < n and (chars[end].isalpha() or unicodedata.combining(chars[end])):
            end += 1
        word = chars[start:end]
        _repair_word(word)
        chars[start:end] = word
        start = end


def _compose(chars: list[str], where: list[int]) -> None:
    """Compose letters with the combining marks that follow them, in place."""
    k = 1
    while k < len(chars):
        if unicodedata.combining(chars[k]):
            composed = unicodedata.normalize("NFC", chars[k - 1] + chars[k])
            if len(composed) == 1:
                chars[k - 1] = composed
                del chars[k]
                del where[k]
                continue
        k += 1


def _fold_char(ch: str) -> str:
    f = ch.casefold()
    return "е" if f in ("ё", "ѐ") else f



_TABLE = {ord(c): None for c in INVISIBLE} | {ord(c): " " for c in SPACES} | {
    ord(c): "-" for c in DASHES - INVISIBLE} | {ord(c): "'" for c in APOSTROPHES}
_ASCII_TABLE = {k: v for k, v in _TABLE.items() if k < 128}
_YO = str.maketrans({"ё": "е", "ѐ": "е"})
_LATIN_LETTERS = "A-Za-z\u00c0-\u024f"
_CYRILLIC_LETTERS = "\u0400-\u04ff"
_CYRILLIC_RE = re.compile(f"[{_CYRILLIC_LETTERS}]")
_LATIN_RE = re.compile(f"[{_LATIN_LETTERS}]")


def fold(text: str) -> str:
    """The folded form of *text* (see the module docstring); the same as
    ``fold_map(text)[0]``, faster.

    >>> fold("Pосгвардия") == fold("РОСГВАРДИЯ")
    True
    >>> fold("Ёлкин"), fold("Straße")
    ('елкин', 'strasse')
    """
    if text.isascii():
        return text.translate(_ASCII_TABLE).casefold()  # a backtick or a tab too
    if "\u0301" in text or "\u0300" in text:
        text = _STRESSED.sub("", text)
    if _CYRILLIC_RE.search(text) and _LATIN_RE.search(text):
        return fold_map(text)[0]  # look-alikes to repair, word by word
    s = unicodedata.normalize("NFC", text.translate(_TABLE)).casefold().translate(_YO)
    return unicodedata.normalize("NFC", s).translate(_YO)


_MARKS = "\u0300-\u036f\u0483-\u0489"
#: What folding cannot do in place, each found by a pattern that starts with
#: one character class (so the regex engine skips ahead in C): invisible
#: characters, combining marks, and two scripts meeting inside a word.
_SPECIALS = (
    re.compile("[" + "".join(sorted(INVISIBLE)) + "]"),
    re.compile("[" + _MARKS + "]"),
    re.compile(f"[{_LATIN_LETTERS}](?=[{_CYRILLIC_LETTERS}])"),
    re.compile(f"[{_CYRILLIC_LETTERS}](?=[{_LATIN_LETTERS}])"),
)
_SCAN_TABLE = {k: v for k, v in _TABLE.items() if v is not None}
_SCAN_CHARS = re.compile("[" + re.escape("".join(chr(k) for k in _SCAN_TABLE)) + "]")


def _in_place(s: str) -> str:
    """The folding of *s*, already case-folded, that keeps every character
    in place: spaces, dashes and apostrophes unified, ё → е.  Each kind of
    character present is replaced in one pass (``str.translate`` with a
    table looks every character up in Python's dict; this stays in C)."""
    for ch in set(_SCAN_CHARS.findall(s)):
        s = s.replace(ch, _SCAN_TABLE[ord(ch)])
    if "ё" in s or "ѐ" in s:
        s = s.replace("ё", "е").replace("ѐ", "е")
    return s


def scan_fold(text: str) -> tuple[str, list[int] | None]:
    """:func:`fold_map` for long text, fast where folding keeps every
    character in place (no invisible characters, no combining marks, no
    look-alikes to repair, no letter that case-folds to two): then the
    offsets are the identity and None is returned for them.  Otherwise the
    words with such characters are folded one by one with :func:`fold_map`
    and the rest in stretches.

    >>> scan_fold("Росгвардия, Rosgvardia")
    ('росгвардия, rosgvardia', None)
    >>> folded, where = scan_fold("Ros\\u00adgvardia")
    >>> folded, where[3]
    ('rosgvardia', 4)
    """
    hits = [m.start() for p in _SPECIALS for m in p.finditer(text)]
    if not hits:
        s = text.casefold()
        if len(s) == len(text):
            return _in_place(s), None
    out: list[str] = []
    where: list[int] = []
    pos = 0
    n = len(text)
    for a in sorted(hits):
        if a < pos:
            continue  # inside a word already folded
        b = a + 1
        while a > pos and _in_word(text[a - 1]):
            a -= 1
        while b < n and _in_word(text[b]):
            b += 1
        _plain(text, pos, a, out, where)
        f, w = fold_map(text[a:b])
        out.append(f)
        where.extend(a + i for i in w)
        pos = b
    _plain(text, pos, n, out, where)
    return "".join(out), where


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in INVISIBLE or unicodedata.combining(ch) != 0


def _plain(text: str, a: int, b: int, out: list[str], where: list[int]) -> None:
    """Fold text[a:b], which holds nothing special, onto *out* and *where*."""
    if a >= b:
        return
    part = text[a:b]
    s = part.casefold()
    if len(s) == len(part):
        out.append(_in_place(s))
        where.extend(range(a, b))
    else:  # ß → ss, İ → i̇: letter by letter
        for i, ch in enumerate(part):
            f = _fold_char(ch.translate(_SCAN_TABLE))
            out.append(f)
            where.extend([a + i] * len(f))
