"""Transliteration scheme tables: the file format, its validation and the registry.

Every scheme is one YAML file in ``normalize/data/schemes/``.  A file holds the
scheme's metadata, a letter map, context rules and samples that double as
tests.  The format (documented in ``normalize/data/schemes/README.md``)::

    name: wikipedia                 # iuliia's name where iuliia has the scheme
    aliases: [en_wikipedia]         # other names a user may know it by
    language: ru                    # source language: ru, uk or be
    kind: standard                  # standard | press | informal
    press: de                       # press schemes: the target language
    reversible: false               # true only if every string round-trips
    description: ...
    source: ...                     # the standard's document or the evidence
    extends: news_de                # optional: start from another table
    letters: {а: a, в: [w, v]}      # lower case; a list = canonical first,
                                    # then spellings also seen (reverse only)
    rules:                          # context rules, first listed wins
      - {cyr: е, lat: je, start: true, after: аеёиоуыэюяьъ}
      - {cyr: ий, lat: i, end: true}
    samples: [[Чиков, Tschikow]]

Tables are data, not code, so that a reader can check one against its
standard's document without reading Python.  Files are read lazily on first
use (never at import) and validated then.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from .errors import DataError, UnknownSchemeError
from .letters import ALPHABETS, APOSTROPHES, has_cyrillic_letter

try:  # the C loader is a drop-in speed-up where libyaml is present
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

KINDS = ("standard", "press", "informal")
_TOP_KEYS = {
    "name", "aliases", "language", "kind", "press", "reversible", "description",
    "source", "extends", "letters", "capitals", "rules", "samples", "notes", "exceptions",
}
_RULE_KEYS = {"cyr", "lat", "start", "after", "before", "end"}


@dataclass(frozen=True, slots=True)
class Scheme:
    """Public description of one scheme, as listed by :func:`normalize.schemes`."""

    name: str
    aliases: tuple[str, ...]
    language: str
    kind: str
    reversible: bool
    description: str
    source: str
    press: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A context rule: *cyr* is written *lat* when its context holds.

    The previous-letter side holds if ``start`` and the position is a word
    start, or the previous letter is in ``after``; the next-letter side holds if
    ``end`` and the sequence ends the word, or the next letter is in
    ``before``.  A side with no condition always holds; both sides must hold.
    """

    cyr: str
    lat: tuple[str, ...]
    start: bool = False
    after: str = ""
    before: str = ""
    end: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A loaded, validated scheme table."""

    info: Scheme
    letters: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    samples: tuple[tuple[str, str], ...]
    path: str
    exceptions: tuple[tuple[str, str, str], ...] = ()  # reviewed vectors: (cyr, lat, why)
    capitals: tuple[tuple[str, str], ...] = ()  # letter -> capital form, where not Title case


def _err(path: str, msg: str) -> DataError:
    return DataError(msg, path=path)


def _latin(path: str, where: str, value: Any) -> tuple[str, ...]:
    """Validate a Latin value: a string or a non-empty list of strings."""
    values = value if isinstance(value, list) else [value]
    if not values:
        raise _err(path, f"{where}: empty list")
    for v in values:
        if not isinstance(v, str):
            raise _err(path, f"{where}: {v!r} is not a string (quote it)")
        if has_cyrillic_letter(v):
            raise _err(path, f"{where}: Latin value {v!r} holds a Cyrillic letter")
    return tuple(values)


def _str(path: str, data: dict[str, Any], key: str, *, required: bool = True) -> str | None:
    v = data.get(key)
    if v is None:
        if required:
            raise _err(path, f"missing key {key!r}")
        return None
    if not isinstance(v, str):
        raise _err(path, f"{key}: {v!r} is not a string (quote it)")
    return v


def parse_table(data: Any, path: str, base: Table | None = None) -> Table:
    """Validate the parsed YAML of one scheme file and build its :class:`Table`.

    *base* is the already parsed table named by ``extends``.
    """
    if not isinstance(data, dict):
        raise _err(path, "a scheme file must be a mapping")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise _err(path, f"unknown keys: {', '.join(sorted(map(str, unknown)))}")
    name = _str(path, data, "name")
    assert name is not None
    if not name.isascii() or not name.replace("_", "").isalnum() or name.lower() != name:
        raise _err(path, f"name {name!r} must be lower-case ASCII letters, digits and _")
    language = _str(path, data, "language") or ""
    if language not in ALPHABETS:
        raise _err(path, f"language {language!r} must be one of {', '.join(ALPHABETS)}")
    kind = _str(path, data, "kind") or ""
    if kind not in KINDS:
        raise _err(path, f"kind {kind!r} must be one of {', '.join(KINDS)}")
    press = _str(path, data, "press", required=kind == "press")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _err(path, "aliases must be a list of strings")
    reversible = data.get("reversible", False)
    if not isinstance(reversible, bool):
        raise _err(path, "reversible must be true or false")

    letters: dict[str, tuple[str, ...]] = dict(base.letters) if base else {}
    raw_letters = data.get("letters", {})
    if not isinstance(raw_letters, dict):
        raise _err(path, "letters must be a mapping")
    alphabet = ALPHABETS[language]
    for cyr, lat in raw_letters.items():
        if not isinstance(cyr, str) or len(cyr) != 1 or cyr not in alphabet + APOSTROPHES:
            raise _err(path, f"letters: {cyr!r} is not a lower-case letter of {language}")
        letters[cyr] = _latin(path, f"letters.{cyr}", lat)
    missing = [c for c in alphabet if c not in letters]
    if missing:
        raise _err(path, f"letters: no mapping for {''.join(missing)}")

    raw_caps = data.get("capitals", {})
    if not isinstance(raw_caps, dict):
        raise _err(path, "capitals must be a mapping")
    capitals = dict(base.capitals) if base else {}
    for cyr, lat in raw_caps.items():
        if not isinstance(cyr, str) or cyr not in letters:
            raise _err(path, f"capitals: {cyr!r} is not a letter of the table")
        capitals[cyr] = _latin(path, f"capitals.{cyr}", lat)[0]

    if "rules" in data:
        raw_rules = data["rules"]
        if not isinstance(raw_rules, list):
            raise _err(path, "rules must be a list")
        rules = tuple(_rule(path, i, r, alphabet) for i, r in enumerate(raw_rules))
    else:
        rules = base.rules if base else ()

    raw_samples = data.get("samples", [])
    if not isinstance(raw_samples, list) or not raw_samples:
        raise _err(path, "samples: at least one [cyrillic, latin] pair is required")
    samples = []
    for i, pair in enumerate(raw_samples):
        if (not isinstance(pair, list) or len(pair) != 2
                or not all(isinstance(s, str) for s in pair)):
            raise _err(path, f"samples[{i}]: must be a [cyrillic, latin] pair of strings")
        samples.append((pair[0], pair[1]))

    raw_exc = data.get("exceptions", [])
    if not isinstance(raw_exc, list):
        raise _err(path, "exceptions must be a list")
    exceptions = []
    for i, e in enumerate(raw_exc):
        if (not isinstance(e, dict) or set(e) != {"cyr", "lat", "why"}
                or not all(isinstance(v, str) and v for v in e.values())):
            raise _err(path, f"exceptions[{i}]: must be {{cyr, lat, why}} with string values")
        exceptions.append((e["cyr"], e["lat"], e["why"]))

    info = Scheme(
        name=name,
        aliases=tuple(aliases),
        language=language,
        kind=kind,
        reversible=reversible,
        description=" ".join((_str(path, data, "description") or "").split()),
        source=" ".join((_str(path, data, "source") or "").split()),
        press=press,
    )
    return Table(info=info, letters=letters, rules=rules, samples=tuple(samples), path=path,
                 exceptions=tuple(exceptions), capitals=tuple(capitals.items()))


def _rule(path: str, i: int, raw: Any, alphabet: str) -> Rule:
    where = f"rules[{i}]"
    if not isinstance(raw, dict):
        raise _err(path, f"{where}: must be a mapping")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _err(path, f"{where}: unknown keys {', '.join(sorted(map(str, unknown)))}")
    cyr = raw.get("cyr")
    if not isinstance(cyr, str) or not cyr or any(c not in alphabet for c in cyr):
        raise _err(path, f"{where}: cyr {cyr!r} must be lower-case letters of the alphabet")
    lat = _latin(path, f"{where}.lat", raw.get("lat"))
    after = raw.get("after", "")
    before = raw.get("before", "")
    for key, val in (("after", after), ("before", before)):
        if not isinstance(val, str) or any(c not in alphabet + APOSTROPHES for c in val):
            raise _err(path, f"{where}.{key}: must be a string of letters of the alphabet")
    start, end = raw.get("start", False), raw.get("end", False)
    if not isinstance(start, bool) or not isinstance(end, bool):
        raise _err(path, f"{where}: start and end must be true or false")
    if not (start or end or after or before):
        raise _err(path, f"{where}: a rule needs a context (start, after, before or end)")
    return Rule(cyr=cyr, lat=lat, start=start, after=after, before=before, end=end)


def _key(name: str) -> str:
    """Names and aliases match case-insensitively, ``-`` and ``_`` alike."""
    return name.strip().lower().replace("-", "_")


class Registry:
    """All scheme tables, read once on first use and then shared."""

    def __init__(self) -> None:
        self._tables: dict[str, Table] | None = None
        self._names: dict[str, str] = {}
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Table]:
        with self._lock:
            if self._tables is None:
                self._tables = self._read_all()
            return self._tables

    def _read_all(self) -> dict[str, Table]:
        folder = resources.files("normalize") / "data" / "schemes"
        raw: dict[str, tuple[Any, str]] = {}
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".yaml"):
                continue
            path = f"normalize/data/schemes/{entry.name}"
            try:
                data = yaml.load(entry.read_text(encoding="utf-8"), Loader=_Loader)
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 1 if mark is not None else None
                raise DataError(f"invalid YAML: {getattr(exc, 'problem', exc)}",
                                path=path, line=line) from None
            name = data.get("name") if isinstance(data, dict) else None
            if not isinstance(name, str):
                raise _err(path, "missing key 'name'")
            if name in raw:
                raise _err(path, f"scheme {name!r} is also defined in {raw[name][1]}")
            raw[name] = (data, path)
        tables: dict[str, Table] = {}

        def build(name: str, chain: tuple[str, ...] = ()) -> Table:
            if name in tables:
                return tables[name]
            data, path = raw[name]
            base = None
            parent = data.get("extends")
            if parent is not None:
                if parent not in raw:
                    raise _err(path, f"extends unknown scheme {parent!r}")
                if parent in chain:
                    raise _err(path, f"extends forms a cycle: {' -> '.join((*chain, parent))}")
                base = build(parent, (*chain, name))
            tables[name] = parse_table(data, path, base)
            return tables[name]

        for name in raw:
            build(name)
        names: dict[str, str] = {}
        for t in tables.values():
            for key in (t.info.name, *t.info.aliases):
                k = _key(key)
                if k in names and names[k] != t.info.name:
                    raise _err(t.path, f"name or alias {key!r} is also used by {names[k]!r}")
                names[k] = t.info.name
        self._names = names
        return tables

    def tables(self) -> list[Table]:
        """Every table, sorted by language then name."""
        return sorted(self._load().values(), key=lambda t: (t.info.language, t.info.name))

    def get(self, name: str) -> Table:
        """The table called *name* (a name or an alias, case-insensitive)."""
        if not isinstance(name, str):
            raise TypeError(f"scheme name must be str, not {type(name).__name__}")
        tables = self._load()
        key = self._names.get(_key(name))
        if key is None:
            raise UnknownSchemeError(name, sorted(tables))
        return tables[key]


REGISTRY = Registry()


def schemes() -> list[Scheme]:
    """List every transliteration scheme with its metadata.

    >>> wiki = next(s for s in schemes() if s.name == "wikipedia")
    >>> wiki.language, wiki.reversible
    ('ru', False)
    """
    return [t.info for t in REGISTRY.tables()]
