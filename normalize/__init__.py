"""normalize: find Russian agencies, units, places, media and people in text
in any language, and map every spelling to one canonical ID.

This release holds the foundation: transliteration between Cyrillic
(Russian, Ukrainian, Belarusian) and Latin in the standard schemes and the
spellings of the German, French, Polish, Czech, Spanish, Italian, Dutch and
Swedish press, in both directions.

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
from .schemes import Scheme, schemes
from .translit import transliterate, transliterator

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "InputError",
    "NormalizeError",
    "Scheme",
    "UnknownSchemeError",
    "__version__",
    "detransliterate",
    "schemes",
    "transliterate",
    "transliterator",
]
