"""normalize: find Russian agencies, units, places, media and people in text
in any language, and map every spelling to one canonical ID.

Transliteration between Cyrillic (Russian, Ukrainian, Belarusian) and Latin
in the standard schemes and the spellings of the European press, in both
directions; a checked gazetteer; resolution of any spelling of a name to its
entity.

>>> import normalize
>>> normalize.transliterate("Росгвардия", "news_de")
'Rosgwardija'
>>> normalize.detransliterate("Czikow", "pl")[0]
'Чиков'

Nothing is read from disk at import; tables load on first use.
"""

from __future__ import annotations

from .detranslit import detransliterate
from .errors import DataError, InputError, NormalizeError, UnknownSchemeError
from .gazetteer import Entity
from .mentions import Mention
from .normalizer import (
    Normalizer,
    UnknownEntityError,
    candidates,
    find,
    load,
    normalize_text,
    parse_tagged,
    resolve,
)
from .resolver import Match
from .schemes import Scheme, schemes
from .translit import transliterate, transliterator

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "Entity",
    "InputError",
    "Match",
    "Mention",
    "NormalizeError",
    "Normalizer",
    "Scheme",
    "UnknownEntityError",
    "UnknownSchemeError",
    "__version__",
    "candidates",
    "detransliterate",
    "find",
    "load",
    "normalize_text",
    "parse_tagged",
    "resolve",
    "schemes",
    "transliterate",
    "transliterator",
]
