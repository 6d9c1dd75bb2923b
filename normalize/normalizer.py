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

from . import tagging
from .errors import NormalizeError
from .gazetteer import Entity, read_paths
from .mentions import Finder, Mention
from .paths import gazetteer_dir
from .resolver import Match, Resolver

#: Rounds of replacing at most (see :meth:`Normalizer.render`).
_REPLACE_ROUNDS = 4


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
        self._finder: Finder | None = None

    def _res(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self._entities)
        return self._resolver

    def _find(self) -> Finder:
        if self._finder is None:
            self._finder = Finder(self._res())
        return self._finder

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

    def find(self, text: str, *, kinds: Iterable[str] | None = None,
             overlap: str = "longest") -> list[Mention]:
        """Every mention of a gazetteer entity in *text*, in order, with
        offsets into *text* (``text[m.start:m.end] == m.text``).

        *overlap* is ``"longest"`` (non-overlapping: longest first, then
        leftmost) or ``"all"`` (every candidate span).  The whole *text* is
        one document: a surname alone links to the person named in full
        elsewhere in it, and a name marked ambiguous links only with such
        context.

        >>> n = load()
        >>> [(m.text, m.id) for m in n.find("Сотрудники Росгвардии из Хакасии")]
        [('Росгвардии', 'agency:rosgvardia'), ('Хакасии', 'place:khakassia')]
        """
        return self._find().find(text, kinds=kinds, overlap=overlap)

    def normalize_text(self, text: str, *, style: str = "replace", lang: str = "en",
                       kinds: Iterable[str] | None = None) -> str:
        """*text* with its mentions replaced by the entity's name in *lang*
        (``style="replace"``; the canonical name where the entity has none in
        *lang*) or marked ``[[surface|id]]`` (``style="tag"``, read back by
        :meth:`parse_tagged`).  Text outside the mentions is unchanged.

        >>> n = load()
        >>> n.normalize_text("Tschikow und Rosgwardia", lang="en")
        'Pavel Chikov und Rosgvardia'
        >>> n.normalize_text("Rosgwardia", style="tag")
        '[[Rosgwardia|agency:rosgvardia]]'
        """
        if style not in tagging.STYLES:
            raise ValueError(f"style must be one of {', '.join(tagging.STYLES)}, not {style!r}")
        return self.render(text, self.find(text, kinds=kinds), style=style, lang=lang,
                           kinds=kinds)

    def render(self, text: str, mentions: list[Mention], *, style: str = "replace",
               lang: str = "en", kinds: Iterable[str] | None = None) -> str:
        """*text* with *mentions* (from :meth:`find`) replaced or tagged, as
        :meth:`normalize_text` writes them.

        A written name can form a longer name with the words around it
        ("Oblast" + "Arkhangelsk Oblast"), so replacing is repeated on its
        own output until nothing changes (a few rounds at most): normalising
        the result again then leaves it as it is.
        """
        if style == "tag":
            return tagging.tag(text, mentions)
        out = text
        for _round in range(_REPLACE_ROUNDS):
            new = tagging.replace(out, mentions,
                                  [self.display_name(m.id, lang) for m in mentions])
            if new == out:
                break
            out = new
            mentions = self.find(out, kinds=kinds)
        return out

    def display_name(self, entity_id: str, lang: str = "en") -> str:
        """The entity's first name in *lang*, else its canonical name."""
        e = self.entity(entity_id)
        names = e.names.get(lang)
        return names[0] if names else e.name

    def parse_tagged(self, tagged: str) -> tuple[str, list[Mention]]:
        """Read the output of ``normalize_text(style="tag")`` back: the plain
        text and its mentions (score 1.0, method ``tag``).

        >>> n = load()
        >>> plain, ms = n.parse_tagged("[[Rosgwardia|agency:rosgvardia]] (PL)")
        >>> plain, ms[0].text, ms[0].start, ms[0].end
        ('Rosgwardia (PL)', 'Rosgwardia', 0, 10)
        """
        plain, spans = tagging.parse_tagged(tagged)
        out = []
        for start, end, entity_id in spans:
            e = self.entity(entity_id)
            out.append(Mention(start, end, plain[start:end], e.id, e.kind, e.name, 1.0, "tag"))
        return plain, out

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


def find(text: str, *, kinds: Iterable[str] | None = None,
         overlap: str = "longest") -> list[Mention]:
    """:meth:`Normalizer.find` on the bundled gazetteer.

    >>> [m.id for m in find("Rosgvardia-led raids, Mediazona's report")]
    ['agency:rosgvardia', 'media:mediazona']
    """
    return default().find(text, kinds=kinds, overlap=overlap)


def normalize_text(text: str, *, style: str = "replace", lang: str = "en",
                   kinds: Iterable[str] | None = None) -> str:
    """:meth:`Normalizer.normalize_text` on the bundled gazetteer."""
    return default().normalize_text(text, style=style, lang=lang, kinds=kinds)


def parse_tagged(tagged: str) -> tuple[str, list[Mention]]:
    """:meth:`Normalizer.parse_tagged` on the bundled gazetteer."""
    return default().parse_tagged(tagged)
