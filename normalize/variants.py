"""Spelling variants of a gazetteer name, generated once at load time.

A Cyrillic name is written in Latin by every scheme and press profile of
its language (Чиков → Chikov, Tschikow, Czikow, Čikov, Tchikov, …), so a
spelling any table produces is found by one dictionary look-up.  Each
variant remembers the scheme that produced it, so a match can say why.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from .keys import compact_key
from .letters import has_cyrillic_letter
from .schemes import REGISTRY
from .translit import transliterator

#: Source language of a name → the scheme languages that may have written it.
SCHEME_LANGS = {"ru": ("ru",), "uk": ("uk", "ru"), "be": ("be", "ru")}


#: Press languages that decline names in Latin script (Polish Czikowa,
#: Czech Čikova): only their profiles write oblique forms of people's names.
INFLECTING_PRESS = frozenset({"pl", "cs"})


@cache
def _writers(lang: str, inflecting_only: bool) -> tuple[tuple[str, object], ...]:
    langs = SCHEME_LANGS.get(lang, ("ru", "uk"))
    return tuple(
        (t.info.name, transliterator(t.info.name))
        for t in REGISTRY.tables() if t.info.language in langs
        and (not inflecting_only or t.info.press in INFLECTING_PRESS)
    )


def latin_variants(name: str, lang: str, *, inflecting_only: bool = False
                   ) -> Iterator[tuple[str, str]]:
    """``(compact key, scheme)`` for every Latin spelling of the Cyrillic *name*.

    With *inflecting_only*, only the press profiles of languages that
    decline foreign names (an English text's "Chikova" is a woman, not the
    genitive of Chikov).

    >>> dict(latin_variants("Чиков", "ru"))["tschikow"]
    'news_de'
    """
    if not has_cyrillic_letter(name):
        return
    seen: set[str] = set()
    for scheme, write in _writers(lang, inflecting_only):
        key = compact_key(write(name))  # type: ignore[operator]
        if key and key not in seen:
            seen.add(key)
            yield key, scheme
