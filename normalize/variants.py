"""Spelling variants of a gazetteer name, generated once at load time.

A Cyrillic name is written in Latin by every scheme and press profile of
its language (Чиков → Chikov, Tschikow, Czikow, Čikov, Tchikov, …), so a
spelling any table produces is found by one dictionary look-up.  Each
variant remembers the scheme that produced it, so a match can say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from .keys import latin_key
from .letters import has_cyrillic_letter
from .schemes import REGISTRY
from .translit import transliterator

#: Source language of a name → the scheme languages that may have written it.
SCHEME_LANGS = {"ru": ("ru",), "uk": ("uk", "ru"), "be": ("be", "ru")}


#: Press languages that decline names in Latin script (Polish Czikowa,
#: Czech Čikova): only their profiles write oblique forms of people's names.
INFLECTING_PRESS = frozenset({"pl", "cs"})
#: The schemes whose spellings of case forms are indexed (every press
#: profile and the standards the press and catalogues use most); the
#: nominative is indexed in every scheme.
CORE = frozenset({"wikipedia", "bgn_pcgn", "bgn_pcgn_alt", "gost_779", "scientific",
                  "icao_doc_9303", "ala_lc", "ala_lc_alt", "mvd_782", "ua_2010", "iso_9_uk",
                  "icao_doc_9303_uk", "by_2007", "iso_9_be"})


@cache
def _writers(lang: str, which: str) -> tuple[tuple[str, Callable[[str], str]], ...]:
    langs = SCHEME_LANGS.get(lang, ("ru", "uk"))
    return tuple(
        (t.info.name, transliterator(t.info.name))
        for t in REGISTRY.tables() if t.info.language in langs and (
            which == "all"
            or (which == "inflecting" and t.info.press in INFLECTING_PRESS)
            or (which == "core" and (t.info.kind == "press" or t.info.name in CORE)))
    )


def latin_variants(name: str, lang: str, *, inflecting_only: bool = False,
                   core: bool = False) -> Iterator[tuple[str, str]]:
    """``(compact key, scheme)`` for every Latin spelling of the Cyrillic *name*.

    With *inflecting_only*, only the press profiles of languages that
    decline foreign names (an English text's "Chikova" is a woman, not the
    genitive of Chikov); with *core*, the press profiles and the commonest
    standards (for case forms).

    >>> dict(latin_variants("Чиков", "ru"))["tschikow"]
    'news_de'
    """
    if not has_cyrillic_letter(name):
        return
    which = "inflecting" if inflecting_only else "core" if core else "all"
    words = [w for w in _SPACES.split(name) if w]
    per_word = [_word_keys(w, lang, which) for w in words]
    seen: set[str] = set()
    for i, (scheme, _write) in enumerate(_writers(lang, which)):
        key = "".join(keys[i] for keys in per_word)
        if key and key not in seen:
            seen.add(key)
            yield key, scheme


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 17)
def _word_keys(word: str, lang: str, which: str) -> tuple[str, ...]:
    """The key of one word in every scheme of the selection.  Names are
    written word by word: every scheme's rules look within a word only (a
    test checks that whole names and their words agree), and the words of
    a gazetteer's names repeat, so each is written once."""
    return tuple(latin_key(write(word)) for _scheme, write in _writers(lang, which))
