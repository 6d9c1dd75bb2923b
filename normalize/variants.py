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

from .fold import fold
from .keys import TOKEN, compact_key, latin_key
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
    which = _which(inflecting_only, core)
    per_word = _per_word(name, lang, which)
    seen: set[str] = set()
    for i, (scheme, _write) in enumerate(_writers(lang, which)):
        key = "".join(info[i][0] for info in per_word)
        if key and key not in seen:
            seen.add(key)
            yield key, scheme


def latin_starts(name: str, lang: str, *, inflecting_only: bool = False,
                 core: bool = False) -> dict[str, int]:
    """For finding names in running text: the key of the first text token of
    every Latin spelling of *name* (as :func:`latin_variants` selects them)
    → the most tokens such a spelling has.  Tokens are runs of letters and
    digits (:data:`~normalize.keys.TOKEN`): "Kuz'min" is two.

    >>> latin_starts("Павел Чиков", "ru")["pawel"]
    2
    """
    if not has_cyrillic_letter(name):
        return {}
    per_word = _per_word(name, lang, _which(inflecting_only, core))
    if not per_word:
        return {}
    out: dict[str, int] = {}
    for i in range(len(per_word[0])):
        first = per_word[0][i][1]
        if first:
            n = sum(info[i][2] for info in per_word)
            out[first] = max(out.get(first, 0), n)
    return out


_SPACES = re.compile(r"\s+")


def _which(inflecting_only: bool, core: bool) -> str:
    return "inflecting" if inflecting_only else "core" if core else "all"


def _per_word(name: str, lang: str, which: str) -> list[tuple[tuple[str, str, int], ...]]:
    return [_word_info(w, lang, which) for w in _SPACES.split(name) if w]


@lru_cache(maxsize=1 << 17)
def _word_info(word: str, lang: str, which: str) -> tuple[tuple[str, str, int], ...]:
    """Per scheme of the selection: the key of one word, the key of its
    first text token, and its number of tokens.  Names are written word by
    word: every scheme's rules look within a word only (a test checks that
    whole names and their words agree), and the words of a gazetteer's
    names repeat, so each is written once."""
    out = []
    for _scheme, write in _writers(lang, which):
        latin = write(word)
        tokens = TOKEN.findall(fold(latin))
        out.append((latin_key(latin), compact_key(tokens[0]) if tokens else "", len(tokens)))
    return tuple(out)
