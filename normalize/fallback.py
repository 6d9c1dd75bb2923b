"""The Latin fallback for Cyrillic letters that a scheme does not cover.

The table lives in ``data/fallback.yaml``, generated once by
``tools/make_fallback.py`` from Unicode letter names and committed, so the
result does not depend on the Python version's Unicode database.
"""

from __future__ import annotations

from functools import lru_cache

from .datafiles import read_data
from .errors import DataError


@lru_cache(maxsize=1)
def fallback_table() -> dict[str, str]:
    """Map every Cyrillic letter to a Latin spelling (read on first use)."""
    data = read_data("fallback.yaml")
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in data.items()
    ):
        raise DataError("must map single characters to strings",
                        path="normalize/data/fallback.yaml")
    return data
