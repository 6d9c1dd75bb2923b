"""The calibrated thresholds of name resolution, read from
``normalize/data/thresholds.yaml`` and validated on first use.

The numbers live in data, with the calibration that set them
(``benchmarks/calibrate.py``), so that changing one is a reviewed data
change with its evidence, not an edit buried in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_data
from .errors import DataError

SCRIPTS = ("cyrillic", "latin")
_PATH = "normalize/data/thresholds.yaml"

Steps = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Thresholds:
    """Edits a typo may make, per kind and script; the abstention margin."""

    fuzzy: dict[str, dict[str, Steps]]
    margin: float

    def edits(self, length: int, kind: str, script: str) -> int:
        """Edits allowed in a query key of *length* letters against a name of
        an entity of *kind*, the query being in *script*.

        >>> load().edits(3, "person", "latin")
        0
        """
        steps = self.fuzzy.get(kind, self.fuzzy["default"])[script]
        allowed = 0
        for start, edits in steps:
            if length >= start:
                allowed = edits
        return allowed

    def most_edits(self, length: int, script: str) -> int:
        """The most edits any kind allows at *length* (to gather candidates)."""
        return max(self.edits(length, k, script) for k in self.fuzzy)


def _steps(value: object, where: str) -> Steps:
    if not isinstance(value, list) or not all(
            isinstance(s, list) and len(s) == 2 and all(type(x) is int and x >= 0 for x in s)
            for s in value):
        raise DataError(f"{where}: expected a list of [length, edits] pairs", path=_PATH)
    steps = tuple((s[0], s[1]) for s in value)
    if list(steps) != sorted(steps) or len({s for s, _e in steps}) != len(steps):
        raise DataError(f"{where}: steps must rise in length", path=_PATH)
    return steps


@lru_cache(maxsize=1)
def load() -> Thresholds:
    """The package's thresholds (cached)."""
    data = read_data("thresholds.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("fuzzy"), dict):
        raise DataError("expected a mapping with 'fuzzy'", path=_PATH)
    fuzzy: dict[str, dict[str, Steps]] = {}
    for kind, per_script in data["fuzzy"].items():
        if not isinstance(per_script, dict) or set(per_script) != set(SCRIPTS):
            raise DataError(f"fuzzy.{kind}: expected {' and '.join(SCRIPTS)}", path=_PATH)
        fuzzy[str(kind)] = {s: _steps(per_script[s], f"fuzzy.{kind}.{s}") for s in SCRIPTS}
    if "default" not in fuzzy:
        raise DataError("fuzzy: a 'default' kind is required", path=_PATH)
    margin = data.get("margin")
    if type(margin) is not float or not 0 <= margin < 1:
        raise DataError("margin: expected a number between 0 and 1", path=_PATH)
    return Thresholds(fuzzy, margin)
