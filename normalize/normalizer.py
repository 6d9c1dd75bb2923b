"""The Normalizer: a loaded gazetteer and the operations over it.

>>> import normalize
>>> n = normalize.load()
>>> n.entity("agency:rosgvardia").names["ru"][0]
'Росгвардия'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import NormalizeError
from .gazetteer import Entity, read_paths
from .paths import gazetteer_dir
from .resolver import Match, Resolver


class UnknownEntityError(NormalizeError, KeyError):
    """An id that the loaded gazetteer does not hold."""

    def __str__(self) -> str:
        return f"no entity with id {self.args[0]!r}"


class Normalizer:
    """A gazetteer loaded and checked: look entities up, count them.

    Build one with :func:`normalize.load`.
    """

    def __init__(self, entities: list[Entity]) -> None:
        self._entities = tuple(entities)
        self._by_id = {e.id: e for e in entities}
        self._resolver: Resolver | None = None

    def _res(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self._entities)
        return self._resolver

    def resolve(self, text: str, *, kinds: Iterable[str] | None = None) -> Match | None:
        """The entity *text* names, or None when it names none or the
        evidence does not single one out.

        >>> n = load()
        >>> n.resolve("Rosgwardia").id
        'agency:rosgvardia'
        """
        return self._res().resolve(text, kinds=kinds)

    def candidates(self, text: str, *, kinds: Iterable[str] | None = None,
                   limit: int = 5) -> list[Match]:
        """Up to *limit* candidate entities for *text*, best first, with scores."""
        return self._res().candidates(text, kinds=kinds, limit=limit)

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def entity(self, entity_id: str) -> Entity:
        """The entity with *entity_id*; :class:`UnknownEntityError` if none."""
        try:
            return self._by_id[entity_id]
        except KeyError:
            raise UnknownEntityError(entity_id) from None

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts: entities by kind, and names by language."""
        kinds = Counter(e.kind for e in self._entities)
        langs = Counter(lang for e in self._entities for lang, _n, _r in e.all_names())
        return {"kinds": dict(sorted(kinds.items())), "languages": dict(langs.most_common())}


def load(*paths: str | Path, bundled: bool = True) -> Normalizer:
    """Load the bundled gazetteer and/or the user's own files.

    *paths* are YAML files or folders of them, in the format of
    ``gazetteer/README.md``.  With ``bundled=False`` only *paths* are read.
    Any problem (malformed entry, duplicate id, dangling parent, a name
    shared without being marked ambiguous) raises
    :class:`~normalize.errors.DataError` naming the file and line.

    >>> len(load()) > 600
    True
    """
    sources: list[str | Path] = [gazetteer_dir()] if bundled else []
    sources.extend(paths)
    entities, problems = read_paths(sources)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        err = first.error()
        err.args = (str(err) + more,)
        raise err
    return Normalizer(entities)


_DEFAULT: Normalizer | None = None


def default() -> Normalizer:
    """The Normalizer over the bundled gazetteer, loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT


def resolve(text: str, *, kinds: Iterable[str] | None = None) -> Match | None:
    """:meth:`Normalizer.resolve` on the bundled gazetteer.

    >>> resolve("Tschikow").id
    'person:pavel-chikov'
    """
    return default().resolve(text, kinds=kinds)


def candidates(text: str, *, kinds: Iterable[str] | None = None, limit: int = 5) -> list[Match]:
    """:meth:`Normalizer.candidates` on the bundled gazetteer."""
    return default().candidates(text, kinds=kinds, limit=limit)
