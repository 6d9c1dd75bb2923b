"""The gazetteer: entity records, the file format's rules, and loading.

The format is documented in ``gazetteer/README.md`` and described by
``gazetteer/schema.json``.  :func:`read_entities` checks one file and
:func:`check_all` the rules that span files (unique ids, parents, shared
names).  Problems are collected as :class:`Problem` records with file and
line, so ``normalize gazetteer check`` can list them all; loading raises
the first as a :class:`~normalize.errors.DataError`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError
from .yamlfile import LDict, LList, read_yaml

KINDS = ("agency", "unit", "place", "person", "media", "org")
#: Languages a name may be given in (ISO 639-1).
LANGS = frozenset({
    "ru", "uk", "be", "en", "de", "fr", "pl", "cs", "sk", "es", "pt", "it", "nl", "sv", "da",
    "no", "fi", "et", "lv", "lt", "ro", "hu", "bg", "sr", "hr", "sl", "mk", "el", "tr", "ka",
    "hy", "az", "kk", "ky", "uz", "tg", "tk", "ab", "os", "ce", "tt", "ba", "cv", "he",
    "ar", "fa", "zh", "ja", "ko",
})
#: For an entity of these countries, the name in these languages is required.
REQUIRED_NAME = {"ru": ("ru",), "ua": ("uk",), "by": ("be", "ru")}

_ID_RE = re.compile(r"^([a-z]+):[a-z0-9]+(?:-[a-z0-9]+)*$")
_COUNTRY_RE = re.compile(r"^[a-z]{2}$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_QID_RE = re.compile(r"^Q[1-9]\d*$")
_TOP_KEYS = {"kind", "entities", "source", "notes"}
_ENTITY_KEYS = {
    "id", "names", "country", "type", "acronyms", "parent", "former", "ambiguous", "gender",
    "person", "number", "garrison", "affiliations", "status", "founded", "dissolved",
    "wikidata", "description", "examples", "not_examples",
}
_PERSON_PARTS = {"given", "surname", "patronymic"}


@dataclass(frozen=True, slots=True)
class Acronym:
    """A short form and, where known, its expansion."""

    short: str
    lang: str
    long: str | None = None


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name the entity no longer officially carries."""

    name: str
    lang: str
    until: str | None = None


@dataclass(frozen=True, slots=True)
class PersonName:
    """The parts of a person's name in one language."""

    given: str | None = None
    surname: str | None = None
    patronymic: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One gazetteer entity.  ``names[lang][0]`` is the canonical name in *lang*."""

    id: str
    kind: str
    names: Mapping[str, tuple[str, ...]]
    country: str | None = None
    type: str | None = None
    acronyms: tuple[Acronym, ...] = ()
    parent: str | None = None
    former: tuple[FormerName, ...] = ()
    ambiguous: frozenset[str] = frozenset()
    gender: str | None = None
    person: Mapping[str, PersonName] = field(default_factory=dict)
    number: str | None = None
    garrison: str | None = None
    #: ids of the bodies a person leads or works for (context for their names)
    affiliations: tuple[str, ...] = ()
    status: str | None = None
    founded: str | None = None
    dissolved: str | None = None
    wikidata: str | None = None
    description: str | None = None
    examples: tuple[str, ...] = ()
    not_examples: tuple[str, ...] = ()
    source: str = ""
    line: int = 0

    @property
    def name(self) -> str:
        """The canonical name: the first English name, else the first name given."""
        if "en" in self.names:
            return self.names["en"][0]
        return next(iter(self.names.values()))[0]

    def all_names(self) -> Iterator[tuple[str, str, str]]:
        """Every name as ``(lang, name, role)``; role is ``name``, ``acronym``,
        ``expansion`` or ``former``."""
        for lang, names in self.names.items():
            for n in names:
                yield lang, n, "name"
        for a in self.acronyms:
            yield a.lang, a.short, "acronym"
            if a.long:
                yield a.lang, a.long, "expansion"
        for f in self.former:
            yield f.lang, f.name, "former"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of the checker."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

    def error(self) -> DataError:
        return DataError(self.message, path=self.path, line=self.line)


def fold_name(name: str) -> str:
    """The key two names are compared by: NFC, case-folded, ё = е, one space.

    >>> fold_name("Росгвардия") == fold_name("РОСГВАРДИЯ")
    True
    """
    s = unicodedata.normalize("NFC", name).casefold().replace("ё", "е")
    return " ".join(s.split())


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "GREEK", "GEORGIAN", "ARMENIAN", "HEBREW", "ARABIC"):
        if name.startswith(script) or f" {script} " in name:
            return script
    return "OTHER"


def name_problem(name: str) -> str | None:
    """Why *name* is not acceptable as written, or None."""
    if not name:
        return "empty name"
    if unicodedata.normalize("NFC", name) != name:
        return f"{name!r} is not NFC"
    if name != name.strip() or "  " in name or any(c in name for c in "\t\n\r\u00a0\u00ad\u200b"):
        return f"{name!r} has stray, doubled or invisible white space"
    for word in re.split(r"[\s\-‐–—/]+", name):
        scripts = {s for s in map(_script, word) if s is not None}
        if len(scripts) > 1:
            return f"{name!r}: the word {word!r} mixes scripts ({', '.join(sorted(scripts))})"
    return None


class _Reader:
    """Reads the entities of one parsed file, collecting problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def strings(self, value: Any, line: int, where: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(line, f"{where}: must be a list of strings")
            return ()
        out = []
        lines = value.lines if isinstance(value, LList) else [line] * len(value)
        for item, ln in zip(value, lines, strict=True):
            if not isinstance(item, str):
                self.problem(ln, f"{where}: {item!r} is not a string")
                continue
            why = name_problem(item)
            if why:
                self.problem(ln, f"{where}: {why}")
            out.append(item)
        return tuple(out)

    def records_with_lines(self, e: LDict, key: str, required: tuple[str, ...],
                           optional: tuple[str, ...], what: str, names: tuple[str, ...]
                           ) -> list[tuple[LDict, int]]:
        """The valid mappings of the list *key* (acronyms, former names), with
        their lines; a malformed one, a bad name or language is a problem."""
        eid = e.get("id")
        items = e.get(key) or []
        out = []
        for i, item in enumerate(items):
            ln = items.lines[i] if isinstance(items, LList) else e.line
            if not isinstance(item, LDict) or any(k not in item for k in required) or \
                    set(item) - set(required) - set(optional):
                fields = ", ".join((*required, *optional))
                self.problem(ln, f"{eid}: {what} is {{{fields}}} ({', '.join(optional)} "
                                 "optional)")
                continue
            for part in names:
                if part in item:
                    why = name_problem(item[part])
                    if why:
                        self.problem(ln, f"{eid} {key}: {why}")
            if item["lang"] not in LANGS:
                self.problem(ln, f"{eid}: unknown language code {item['lang']!r}")
            out.append((item, ln))
        return out

    def records(self, e: LDict, key: str, required: tuple[str, ...], optional: tuple[str, ...],
                what: str, names: tuple[str, ...]) -> list[LDict]:
        """:meth:`records_with_lines` without the lines."""
        return [item for item, _ln in
                self.records_with_lines(e, key, required, optional, what, names)]

    def text(self, e: LDict, key: str, pattern: re.Pattern[str] | None = None,
             what: str = "") -> str | None:
        v = e.get(key)
        if v is None:
            return None
        line = e.lines.get(key, e.line)
        if not isinstance(v, str):
            self.problem(line, f"{key}: must be a string")
            return None
        if pattern is not None and not pattern.match(v):
            self.problem(line, f"{key}: {v!r} is not {what}")
        return v

    def entity(self, e: Any, kind: str, line: int) -> Entity | None:
        if not isinstance(e, LDict):
            self.problem(line, "an entity must be a mapping")
            return None
        unknown = sorted(set(e) - _ENTITY_KEYS)
        if unknown:
            self.problem(e.line, f"unknown keys: {', '.join(unknown)}")
        eid = e.get("id")
        if not isinstance(eid, str):
            self.problem(e.line, "missing id")
            return None
        m = _ID_RE.match(eid)
        if not m:
            self.problem(e.lines["id"], f"id {eid!r} must be kind:slug (ASCII, lower case, -)")
        elif m.group(1) != kind:
            self.problem(e.lines["id"], f"id {eid!r} must start with '{kind}:' in this file")

        names: dict[str, tuple[str, ...]] = {}
        raw = e.get("names")
        if not isinstance(raw, LDict) or not raw:
            self.problem(e.lines.get("names", e.line), f"{eid}: names must map languages to lists")
        else:
            for lang, value in raw.items():
                ln = raw.lines[lang]
                if lang not in LANGS:
                    self.problem(ln, f"{eid}: unknown language code {lang!r}")
                got = self.strings(value, ln, f"{eid} names.{lang}")
                if not got:
                    self.problem(ln, f"{eid}: names.{lang} is empty")
                names[lang] = got
        country = self.text(e, "country", _COUNTRY_RE, "an ISO 3166 alpha-2 code in lower case")
        if country in REQUIRED_NAME and names and not any(
            lang in names for lang in REQUIRED_NAME[country]
        ):
            need = " or ".join(REQUIRED_NAME[country])
            self.problem(e.line, f"{eid}: an entity of country {country!r} needs a {need} name")

        acronyms = [Acronym(short=a["short"], lang=a["lang"], long=a.get("long"))
                    for a in self.records(e, "acronyms", ("short", "lang"), ("long",),
                                          "an acronym", ("short", "long"))]
        former = []
        for f, ln in self.records_with_lines(e, "former", ("name", "lang"), ("until",),
                                             "a former name", ("name",)):
            if "until" in f and not _DATE_RE.match(f["until"]):
                self.problem(ln, f"{eid}: until {f['until']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            former.append(FormerName(name=f["name"], lang=f["lang"], until=f.get("until")))

        ambiguous = self.strings(e.get("ambiguous", []), e.lines.get("ambiguous", e.line),
                                 f"{eid} ambiguous")
        own = {fold_name(n) for _lang, n, _role in
               Entity(eid, kind, names, acronyms=tuple(acronyms),
                      former=tuple(former)).all_names()}
        for a in ambiguous:
            if fold_name(a) not in own:
                self.problem(e.lines.get("ambiguous", e.line),
                             f"{eid}: ambiguous name {a!r} is not one of its names")

        gender = self.text(e, "gender", re.compile(r"^[mf]$"), "m or f")
        if kind == "person" and gender is None:
            self.problem(e.line, f"{eid}: a person needs gender (m or f)")
        person: dict[str, PersonName] = {}
        raw_person = e.get("person")
        if raw_person is not None:
            if kind != "person" or not isinstance(raw_person, LDict):
                self.problem(e.lines["person"], f"{eid}: person is {{lang: {{given, surname, "
                                                "patronymic}}}} and only for people")
            else:
                for lang, parts in raw_person.items():
                    if not isinstance(parts, LDict) or set(parts) - _PERSON_PARTS:
                        self.problem(raw_person.lines[lang],
                                     f"{eid}: person.{lang} has given, surname, patronymic")
                        continue
                    for v in parts.values():
                        why = name_problem(v)
                        if why:
                            self.problem(raw_person.lines[lang], f"{eid} person: {why}")
                    person[lang] = PersonName(**parts)

        for key in ("founded", "dissolved"):
            self.text(e, key, _DATE_RE, "YYYY, YYYY-MM or YYYY-MM-DD")
        for key in ("parent", "garrison"):
            self.text(e, key, _ID_RE, "an id")
        number = self.text(e, "number", re.compile(r"^\d+$"), "a number written as a string")
        affiliations = self.strings(e.get("affiliations", []),
                                    e.lines.get("affiliations", e.line), f"{eid} affiliations")
        for a in affiliations:
            if not _ID_RE.match(a):
                self.problem(e.lines.get("affiliations", e.line),
                             f"{eid} affiliations: {a!r} is not an id")
        examples = self.strings(e.get("examples", []), e.lines.get("examples", e.line),
                                f"{eid} examples")
        not_examples = self.strings(e.get("not_examples", []),
                                    e.lines.get("not_examples", e.line), f"{eid} not_examples")
        return Entity(
            id=eid, kind=kind, names=names, country=country, type=self.text(e, "type"),
            acronyms=tuple(acronyms), parent=e.get("parent"), former=tuple(former),
            ambiguous=frozenset(fold_name(a) for a in ambiguous), gender=gender,
            person=person, number=number, garrison=e.get("garrison"),
            affiliations=affiliations,
            status=self.text(e, "status"), founded=e.get("founded"),
            dissolved=e.get("dissolved"),
            wikidata=self.text(e, "wikidata", _QID_RE, "a Wikidata QID"),
            description=self.text(e, "description"), examples=examples,
            not_examples=not_examples, source=self.path, line=e.line,
        )


def read_entities(text: str, path: str) -> tuple[list[Entity], list[Problem]]:
    """The entities of one file and the problems found in it.

    A file that is not valid YAML, or holds an unquoted non-string scalar,
    raises :class:`DataError` at once (nothing after it can be trusted).
    """
    data = read_yaml(text, path)
    reader = _Reader(path)
    if not isinstance(data, LDict):
        raise DataError("a gazetteer file is a mapping with 'kind' and 'entities'", path=path,
                        line=1)
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        reader.problem(data.line, f"unknown keys: {', '.join(unknown)}")
    kind = data.get("kind")
    if kind not in KINDS:
        raise DataError(f"kind must be one of {', '.join(KINDS)}", path=path,
                        line=data.lines.get("kind", 1))
    raw = data.get("entities")
    if not isinstance(raw, LList):
        raise DataError("'entities' must be a list", path=path,
                        line=data.lines.get("entities", 1))
    entities = []
    for item, line in zip(raw, raw.lines, strict=True):
        ent = reader.entity(item, str(kind), line)
        if ent is not None:
            entities.append(ent)
    return entities, reader.problems


def check_all(entities: Iterable[Entity]) -> list[Problem]:
    """Problems that span entities: duplicate ids, dangling or cyclic
    parents, unknown garrisons and affiliations, and names shared without
    being ambiguous."""
    problems: list[Problem] = []
    by_id: dict[str, Entity] = {}
    for e in entities:
        if e.id in by_id:
            first = by_id[e.id]
            problems.append(Problem(e.source, e.line,
                                    f"id {e.id} is also defined at {first.source}:{first.line}"))
            continue
        by_id[e.id] = e
    for e in by_id.values():
        for key in ("parent", "garrison"):
            ref = getattr(e, key)
            if ref is not None and ref not in by_id:
                problems.append(Problem(e.source, e.line, f"{e.id}: {key} {ref} does not exist"))
        for ref in e.affiliations:
            if ref not in by_id or ref == e.id:
                problems.append(Problem(e.source, e.line,
                                        f"{e.id}: affiliation {ref} does not exist"))
        if e.garrison in by_id and by_id[e.garrison].kind != "place":
            problems.append(Problem(e.source, e.line, f"{e.id}: garrison must be a place"))
        seen = {e.id}
        p = e.parent
        while p is not None and p in by_id:
            if p in seen:
                problems.append(Problem(e.source, e.line, f"{e.id}: parents form a cycle"))
                break
            seen.add(p)
            p = by_id[p].parent
    claims: dict[str, list[Entity]] = defaultdict(list)
    for e in by_id.values():
        for key in {fold_name(n) for _lang, n, _role in e.all_names()}:
            claims[key].append(e)
    for key, owners in claims.items():
        if len(owners) > 1 and not all(key in o.ambiguous for o in owners):
            unmarked = [o for o in owners if key not in o.ambiguous]
            o = unmarked[0]
            others = ", ".join(x.id for x in owners if x is not o)
            problems.append(Problem(o.source, o.line,
                                    f"{o.id}: name {key!r} is also a name of {others}; "
                                    "mark it ambiguous in each"))
    return problems


def read_paths(paths: Iterable[Path | str]) -> tuple[list[Entity], list[Problem]]:
    """Read gazetteer files (folders: their ``*.yaml``), collecting problems."""
    entities: list[Entity] = []
    problems: list[Problem] = []
    for p in paths:
        path = Path(p)
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except FileNotFoundError:
                raise DataError("no such file", path=str(f)) from None
            except UnicodeDecodeError as exc:
                raise DataError(f"invalid UTF-8 at byte offset {exc.start}", path=str(f)) from None
            except OSError as exc:
                raise DataError(f"cannot read: {exc.strerror}", path=str(f)) from None
            got, found = read_entities(text, str(f))
            entities.extend(got)
            problems.extend(found)
    problems.extend(check_all(entities))
    return entities, problems
