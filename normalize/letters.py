"""Alphabets, script tests and letter-case helpers shared by the engines.

Kept apart from the engines so that transliteration, detransliteration and
(later) name folding agree on what a Cyrillic letter, a word boundary and an
ALL-CAPS word are.
"""

from __future__ import annotations

import re
import unicodedata

#: The lower-case alphabet of each source language, in dictionary order.
ALPHABETS: dict[str, str] = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
}

#: Characters that stand for the Ukrainian/Belarusian apostrophe (and the
#: Russian hard sign in some older texts) inside a word.
APOSTROPHES = "'’ʼ`´ʹ"

#: Unicode blocks that hold Cyrillic script characters.
CYRILLIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x1C80, 0x1C8F),  # Cyrillic Extended-C
    (0x2DE0, 0x2DFF),  # Cyrillic Extended-A (combining letters)
    (0xA640, 0xA69F),  # Cyrillic Extended-B
    (0x1E030, 0x1E08F),  # Cyrillic Extended-D
)

_CYR_CLASS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in CYRILLIC_RANGES)
#: Matches one Cyrillic-script character.
CYRILLIC_RE = re.compile(f"[{_CYR_CLASS}]")
#: Matches a Cyrillic character followed by combining marks (NFD input).
_CYR_WITH_MARKS_RE = re.compile(f"[{_CYR_CLASS}][\u0300-\u036f]+")

#: Regex fragment: a letter of any script.
LETTER = r"[^\W\d_]"
#: Regex fragment: the position is at the start of a word.  An apostrophe
#: directly after a letter belongs to the word (Ukrainian м'ясо), so the
#: position after it is not a word start.
WORD_START = rf"(?<!{LETTER})(?<!{LETTER}[{APOSTROPHES}])"
#: Regex fragment: the position is at the end of a word.
WORD_END = rf"(?!{LETTER})"


def is_cyrillic(ch: str) -> bool:
    """Return True if the single character *ch* is in a Cyrillic block."""
    cp = ord(ch)
    return any(a <= cp <= b for a, b in CYRILLIC_RANGES)


def has_cyrillic_letter(text: str) -> bool:
    """Return True if *text* holds a Cyrillic letter (category L*)."""
    return any(is_cyrillic(ch) and unicodedata.category(ch).startswith("L") for ch in text)


def nfc_cyrillic(text: str) -> str:
    """Compose Cyrillic letters written with combining marks (NFD) into NFC.

    Only Cyrillic sequences are touched, so other text passes unchanged:

    >>> nfc_cyrillic("и\u0306") == "й"
    True
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    return _CYR_WITH_MARKS_RE.sub(lambda m: unicodedata.normalize("NFC", m.group()), text)


def title(s: str) -> str:
    """Upper-case the first cased character of *s* (``'ʹya'`` → ``'ʹYa'``)."""
    for i, ch in enumerate(s):
        if ch.lower() != ch.upper():
            return s[:i] + ch.upper() + s[i + 1 :]
    return s


def match_case(template: str, s: str) -> str:
    """Give *s* the letter case of *template*: ALL CAPS, Title or lower.

    >>> match_case("ЧИКОВ", "chikov"), match_case("Чиков", "chikov")
    ('CHIKOV', 'Chikov')
    """
    letters = [c for c in template if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return s.upper()
    if letters and letters[0].isupper():
        return title(s)
    return s
