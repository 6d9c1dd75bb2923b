"""Character n-gram models of Russian, Ukrainian and Belarusian words.

They rank the Cyrillic candidates of :func:`normalize.detransliterate`:
``Tschikow`` can be read as Чиков, Чыков, Чикоу …; the model prefers the
spellings that look like words of the language.  The models are built by
``tools/build_lm.py`` (sources and method there) and shipped as data, so
the ranking never changes when a dependency updates.  Reading is lazy.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .errors import DataError

#: log10 probability given to a character no model row covers.
FLOOR = -7.0


class CharModel:
    """A back-off character model: ``logp(history, ch)`` in log10 units."""

    __slots__ = ("_backoff", "_logp", "order")

    def __init__(self, logp: dict[str, float], backoff: dict[str, float], order: int) -> None:
        self._logp = logp
        self._backoff = backoff
        self.order = order

    def logp(self, history: str, ch: str) -> float:
        """log10 P(*ch* | the last ``order - 1`` characters of *history*).

        *history* starts with ``order - 1`` ``^`` pads at a word start; ``$``
        as *ch* scores the end of the word.
        """
        ctx = history[len(history) - self.order + 1 :] if self.order > 1 else ""
        penalty = 0.0
        while True:
            v = self._logp.get(ctx + ch)
            if v is not None:
                return penalty + v
            if not ctx:
                return penalty + FLOOR
            penalty += self._backoff.get(ctx, 0.0)
            ctx = ctx[1:]

    def word(self, word: str) -> float:
        """log10 probability of a whole lower-case *word*."""
        s = "^" * (self.order - 1) + word
        total = 0.0
        for i in range(self.order - 1, len(s)):
            total += self.logp(s[:i], s[i])
        return total + self.logp(s, "$")


@cache
def model(lang: str) -> CharModel:
    """The model for *lang* (``ru``, ``uk`` or ``be``), read on first use."""
    path = f"normalize/data/lm/{lang}.tsv"
    try:
        text = (resources.files("normalize") / "data" / "lm" / f"{lang}.tsv").read_text("utf-8")
    except FileNotFoundError:
        raise DataError("language model missing", path=path) from None
    logp: dict[str, float] = {}
    backoff: dict[str, float] = {}
    order = 1
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            if len(parts) == 2:
                logp[parts[0]] = float(parts[1])
                order = max(order, len(parts[0]))
            elif len(parts) == 3 and parts[1] == "":
                backoff[parts[0]] = float(parts[2])
            else:
                raise ValueError
        except ValueError:
            raise DataError("malformed row", path=path, line=n) from None
    return CharModel(logp, backoff, order)
