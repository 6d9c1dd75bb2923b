"""Cyrillic → Latin transliteration: compiles a scheme table into a fast form.

Why our own engine rather than iuliia's: iuliia walks a word letter by letter
in Python, keeps the Cyrillic ``ё`` in eight schemes, writes ALL-CAPS words as
``ShchUKA`` and knows neither Ukrainian, Belarusian nor press conventions.
Here a table is compiled once into

* one ``str.translate`` map for every letter whose spelling does not depend on
  its neighbours (lower case and Title case), which runs in C, and
* one regular expression that finds, in a single left-to-right pass over the
  *original* text, the places where a context rule applies (word start,
  previous letter, next letter, word end) and the runs of two or more
  capital letters, which are written in capitals.  Text without such a run
  (the common case) takes a variant of the expression whose alternatives
  start with a literal letter, which the regex engine scans for in C.

Context rules therefore always see the source letters, never letters that
an earlier rule already rewrote.  Cyrillic letters that the scheme does not
cover (ї in a Russian scheme, Serbian ђ, Old Church Slavonic ѣ) are written by
a fallback table, so no Cyrillic letter is ever left in the output; every
other character passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from unicodedata import is_normalized

from .fallback import fallback_table
from .letters import APOSTROPHES, LETTER, WORD_END, is_cyrillic, nfc_cyrillic, title
from .schemes import REGISTRY, Rule, Table


@dataclass(frozen=True, slots=True)
class Compiled:
    """A scheme compiled for speed (see the module docstring)."""

    table: Table
    translate_map: dict[int, str]
    caps: re.Pattern[str]  # a run of two or more capitals
    rules: re.Pattern[str] | None  # the context rules, one alternative per first letter
    replacements: tuple[str, ...]  # lower-case Latin, by the marker group that matched

    def __call__(self, text: str) -> str:
        if not self.caps.search(text):
            if self.rules is not None:
                text = self.rules.sub(self._replace, text)
            return text.translate(self.translate_map)
        # Runs of capitals are written in lower case and then upper-cased
        # (ЩУКА → SHCHUKA, not ShchUKA); the text between them takes the
        # rules, matched on the whole text so that look-behinds see across.
        out = []
        pos = 0
        for m in self.caps.finditer(text):
            out.append(self._rules_between(text, pos, m.start()))
            out.append(self(m.group().lower()).upper())
            pos = m.end()
        out.append(self._rules_between(text, pos, len(text)))
        return "".join(out).translate(self.translate_map)

    def _rules_between(self, text: str, start: int, end: int) -> str:
        if self.rules is None:
            return text[start:end]
        out = []
        pos = start
        for m in self.rules.finditer(text, start, end):
            out.append(text[pos : m.start()])
            out.append(self._replace(m))
            pos = m.end()
        out.append(text[pos:end])
        return "".join(out)

    def _replace(self, m: re.Match[str]) -> str:
        lat = self.replacements[m.lastindex or 0]
        return title(lat) if m.group()[0].isupper() else lat


def _char_class(chars: str) -> str:
    """A character class of *chars* in both cases (the pattern is compiled
    case-sensitively: ``re.IGNORECASE`` would make every step slower)."""
    both = dict.fromkeys(chars + chars.upper())
    return "[" + "".join(re.escape(c) for c in both) + "]"


def _either_case(s: str) -> str:
    return "".join(_char_class(c) if c.lower() != c.upper() else re.escape(c) for c in s)


def _rule_regex(rule: Rule) -> str:
    """The regex of one rule: the letters first, then the contexts as
    look-arounds, so that the combined pattern starts with a character
    class and the regex engine skips non-candidate positions quickly."""
    body = _either_case(rule.cyr)
    prev = []
    if rule.start:
        prev.append(f"(?<!{LETTER}{body})(?<!{LETTER}[{APOSTROPHES}]{body})")
    if rule.after:
        prev.append(f"(?<={_char_class(rule.after)}{body})")
    if rule.end and len(rule.cyr) > 1 and not prev:
        # an ending rule needs a stem: "ий" alone is not an ending
        prev.append(f"(?<={LETTER}{body})")
    nxt = []
    if rule.end:
        nxt.append(WORD_END)
    if rule.before:
        nxt.append(f"(?={_char_class(rule.before)})")
    left = "(?:" + "|".join(prev) + ")" if prev else ""
    right = "(?:" + "|".join(nxt) + ")" if nxt else ""
    return body + left + right


def compile_table(table: Table) -> Compiled:
    """Compile *table* into a :class:`Compiled` transliterator."""
    letters = {c: v[0] for c, v in table.letters.items()}
    tmap = {ord(ch): lat for ch, lat in fallback_table().items()}
    capitals = dict(table.capitals)
    apostrophes = {c: lat for c, lat in letters.items() if c in APOSTROPHES}
    for cyr, lat in letters.items():
        if cyr in apostrophes:
            continue  # written only inside a word: see the rules below
        tmap[ord(cyr)] = lat
        if cyr.upper() != cyr:
            tmap[ord(cyr.upper())] = capitals.get(cyr, title(lat))
    # capital letters covered by the scheme, for the ALL-CAPS runs
    uppers = "".join(
        chr(cp) for cp in sorted(tmap)
        if chr(cp).isupper() and is_cyrillic(chr(cp))
    )
    caps = "[" + "".join(re.escape(c) for c in uppers) + "]"
    # Each rule with a literal first letter outside any group and an empty
    # marker group at the end: the regex engine then scans for the first
    # letters in C instead of trying every alternative everywhere.
    # Multi-letter rules come first so that an ending such as ий beats и.
    parts = []
    replacements = [""]
    for rule in sorted(table.rules, key=lambda r: -len(r.cyr)):
        body = _rule_regex(rule)
        first = _char_class(rule.cyr[0])
        for c in dict.fromkeys((rule.cyr[0], rule.cyr[0].upper())):
            parts.append(re.escape(c) + body[len(first) :] + "()")
            replacements.append(rule.lat[0])
    # an apostrophe is a letter of the table only between two letters
    # (Ukrainian м'ясо); elsewhere it is a quotation mark and passes through
    for apo, lat in apostrophes.items():
        parts.append(f"{re.escape(apo)}(?<={LETTER}{re.escape(apo)})(?={LETTER})()")
        replacements.append(lat)
    return Compiled(
        table=table,
        translate_map=tmap,
        caps=re.compile(f"{caps}(?:[{APOSTROPHES}]?{caps})+"),
        rules=re.compile("|".join(parts)) if parts else None,
        replacements=tuple(replacements),
    )


@cache
def compiled(name: str) -> Compiled:
    """The compiled form of the scheme called *name* (cached)."""
    return compile_table(REGISTRY.get(name))


#: Compiled schemes by every spelling of a name a caller has used.
_BY_ANY_NAME: dict[str, Compiled] = {}


def transliterate(text: str, scheme: str = "wikipedia") -> str:
    """Write the Cyrillic letters of *text* in Latin letters by *scheme*.

    *scheme* is any scheme name or alias listed by :func:`normalize.schemes`
    (iuliia's names, standard names such as ``iso_9_1995``, interscript map
    ids, and press profiles such as ``news_de``).  Letter case follows the
    source: ALL-CAPS words stay in capitals, Title case stays Title case.
    Non-Cyrillic characters pass through unchanged.

    >>> transliterate("Павел Чиков", "news_de")
    'Pawel Tschikow'
    >>> transliterate("ЩУКА", "wikipedia")
    'SHCHUKA'
    >>> transliterate("Харків", "ua_2010")
    'Kharkiv'
    """
    try:
        fn = _BY_ANY_NAME[scheme]
    except (KeyError, TypeError):
        fn = _BY_ANY_NAME[scheme] = compiled(REGISTRY.get(scheme).info.name)
    if text.__class__ is not str:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        text = str(text)
    if not is_normalized("NFC", text):
        text = nfc_cyrillic(text)
    return fn(text)


def transliterator(scheme: str) -> Callable[[str], str]:
    """Return a function that transliterates by *scheme*, for tight loops.

    It skips the per-call scheme lookup; the input must be NFC (or at least
    have no Cyrillic letters written with combining marks).

    >>> to_latin = transliterator("wikipedia")
    >>> to_latin("Москва")
    'Moskva'
    """
    return compiled(REGISTRY.get(scheme).info.name)
