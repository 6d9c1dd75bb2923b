"""Words around a name that say what it is or whose it is.

"city of Vladimir", "Stadt Wladimir", "Menschenrechtsgruppe Agora",
"Aerospace Forces of the Russian Federation", "ФСБ России": the words
of ``data/qualifiers.yaml`` are split off, and what remains is the name.
A kind word (city, group, newspaper) requires an entity of that kind; a
country word requires an entity of that country, so "Investigative
Committee of Armenia" never resolves to Russia's.

All terms are compiled into one regular expression, run on the folded
query, so that a query without qualifiers costs one regex search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_data
from .errors import DataError
from .fold import fold, fold_map

#: Kind words may ask for one of several kinds.
KIND_GROUPS = {"force": frozenset({"agency", "unit"})}
_QUOTED = re.compile(r"[«\"“„][^«»\"“”„]*[»\"”“]")
_WORD = re.compile(r"[\w']+")
_GLUE = r"(?:of the|of|the|der|des|die|das|de la|de l'|de|la|du|le|les|d'|di|del|della|van|av)"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    pattern: re.Pattern[str]
    values: tuple[tuple[str, str], ...]  # per capture group: (group, value)
    firsts: frozenset[str]  # the first words of the terms ...
    prefixes: tuple[str, ...]  # ... and the stems of those that end in "*"

    def may_start(self, word: str) -> bool:
        """Whether the folded *word* can be the first word of a term."""
        return word in self.firsts or word.startswith(self.prefixes)

    def may_occur(self, folded: str) -> bool:
        """A quick test: whether some term's first word is in *folded*."""
        return any(self.may_start(w) for w in _WORD.findall(folded))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The qualifier words compiled into one pattern, read on first use."""
    path = "normalize/data/qualifiers.yaml"
    data = read_data("qualifiers.yaml")
    try:
        terms: list[tuple[str, str, str]] = []
        for group in ("descriptors", "countries"):
            for value, items in data[group].items():
                for t in items:
                    terms.append((fold(str(t)), group, str(value)))
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"malformed qualifiers: {exc}", path=path) from None
    terms.sort(key=lambda t: -len(t[0]))
    # the quick test looks at the first word-token of each term ("u" of "u.s.")
    heads = [t[0].split()[0] for t in terms if t[0].split()]
    starred = {h.rstrip("*") for h in heads if h.endswith("*") and _WORD.fullmatch(h[:-1])}
    firsts = frozenset(_WORD.findall(h)[0] for h in heads if h.rstrip("*") not in starred)
    prefixes = tuple(sorted(starred))
    parts = []
    values = []
    for term, group, value in terms:
        words = term.split()
        rx = r"\s+".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "")
                         for w in words)
        parts.append(f"({rx})")
        values.append((group, value))
    # a qualifier with the glue words that tie it to the name ("of the", "de")
    pattern = re.compile(
        rf"(?:(?<![\w'])\s*{_GLUE}\s+)?(?<![\w'])(?:{'|'.join(parts)})(?![\w'])"
        rf"(?:\s+{_GLUE}(?![\w']))?")
    return Vocabulary(pattern, tuple(values), firsts, prefixes)


@dataclass(frozen=True, slots=True)
class Qualified:
    """A query split into the name and its qualifiers."""

    name: str  # what remains, in the caller's spelling
    kinds: frozenset[str] | None  # the kinds a descriptor asks for
    countries: frozenset[str]  # the countries named


def has_qualifier(text: str) -> bool:
    """Whether *text* holds a qualifier word (a quick test before :func:`split`)."""
    vocab = vocabulary()
    folded = fold(text)
    return vocab.may_occur(folded) and vocab.pattern.search(folded) is not None


def split(text: str) -> Qualified:
    """Split *text* into a name and its qualifiers.

    >>> q = split("Investigative Committee of Armenia")
    >>> q.name, sorted(q.countries)
    ('Investigative Committee', ['am'])
    >>> sorted(split("Stadt Wladimir").kinds)
    ['place']
    """
    vocab = vocabulary()
    if not vocab.may_occur(fold(text)):
        return Qualified(text, None, frozenset())
    folded, where = fold_map(text)
    kinds: frozenset[str] | None = None
    countries: set[str] = set()
    cut: list[tuple[int, int]] = []
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(folded)]
    for m in vocab.pattern.finditer(folded):
        group = m.lastindex
        if group is None or any(a < m.end() and m.start() < b for a, b in quoted):
            continue  # «Россия-1» is a name, not a country
        kind, value = vocab.values[group - 1]
        if kind == "descriptors":
            kinds = kinds or KIND_GROUPS.get(value, frozenset({value}))
        else:
            countries.add(value)
        start = where[m.start()]
        end = where[m.end() - 1] + 1
        cut.append((start, end))
    if not cut:
        return Qualified(text, None, frozenset())
    out = []
    pos = 0
    for start, end in cut:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    name = " ".join(" ".join(out).split()).strip(" ,")
    return Qualified(name=name, kinds=kinds, countries=frozenset(countries))


def countries_in(text: str) -> frozenset[str]:
    """The countries that *text* names (by the qualifier vocabulary)."""
    return split(text).countries
