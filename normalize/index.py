"""The name index: every key a gazetteer name can be looked up by.

Built once per :class:`~normalize.normalizer.Normalizer`, on first use.
For each entity it holds

* the folded key and the compact key of every name, acronym, expansion
  and former name (``exact``, ``folded``, ``former``, ``acronym``);
* the compact keys of the Latin spellings that every scheme and press
  profile writes for its Cyrillic names (``variant``, with the scheme);
* the Russian and Ukrainian oblique-case forms of its names, and their
  Latin spellings in the press profiles (``inflection``: Rosgwardii);
* for people: the other orders and initials (``order``: "Chikov, Pavel",
  "P. Chikov", "Путин В. В.") and the surname alone (``surname``), which
  counts only where a single person carries it.

A key maps to :class:`Entry` records; :meth:`NameIndex.lookup` returns
them for a query key.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import qualifiers
from .gazetteer import Entity
from .keys import TOKEN, compact_key, name_key
from .letters import has_cyrillic_letter
from .morph import person_forms, phrase_forms, surname_paradigm, ukrainian_forms_of_russian
from .variants import latin_starts, latin_variants

#: The methods, strongest first; a weaker method never overrides a stronger.
METHODS = ("exact", "acronym", "folded", "former", "variant", "inflection", "order",
           "shortened", "nickname", "surname")
_CYR_LANGS = ("ru", "uk", "be")


@dataclass(frozen=True, slots=True)
class Entry:
    """One way an entity can be reached from a key."""

    entity: str
    method: str
    variant: str  # the gazetteer name (or generated form) behind the key
    rule: str | None = None  # the scheme or grammar rule that produced it
    ambiguous: bool = False  # a name marked ambiguous: needs context


class NameIndex:
    """Keys → entries, for a set of entities."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.exact: dict[str, list[Entry]] = defaultdict(list)
        self.compact: dict[str, list[Entry]] = defaultdict(list)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.oblique: set[str] = set()  # surname keys that are case forms (Чикова, Czikowa)
        #: compact key of the first token of any key → the most tokens of
        #: the keys it starts (to find names in running text)
        self.starts: dict[str, int] = {}
        entities = list(entities)
        for e in entities:
            self._add_entity(e)
        self._add_honorifics(entities)
        #: blocking key → the compact keys in that block (fuzzy candidates)
        self.blocks: dict[str, list[str]] = _blocks(self)

    @classmethod
    def build(cls, entities: Sequence[Entity]) -> NameIndex:
        """The index of *entities*, from the on-disk cache when it has one
        for exactly these entities and this version of the code and data.

        Building takes seconds (every name in every scheme, every case
        form); the cache makes the next start fast.  The cache folder is
        ``$NORMALIZE_CACHE`` or ``~/.cache/normalize``; set
        ``NORMALIZE_CACHE=off`` to disable it.  A cache that cannot be read
        or written is ignored.
        """
        where = os.environ.get("NORMALIZE_CACHE", "")
        if where.lower() in ("off", "0", "no", "false"):
            return cls(entities)
        folder = Path(where) if where else Path.home() / ".cache" / "normalize"
        path = folder / f"index-{_fingerprint(entities)}.pickle"
        try:
            with open(path, "rb") as f:
                index = pickle.load(f)
            if isinstance(index, cls):
                return index
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            pass
        index = cls(entities)
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            # keep the few newest indexes (other gazetteers, earlier versions)
            old = sorted(folder.glob("index-*.pickle"), key=lambda p: p.stat().st_mtime)
            for stale in old[:-4]:
                stale.unlink()
        return index

    def __getstate__(self) -> dict[str, object]:
        return {"exact": dict(self.exact), "compact": dict(self.compact),
                "surnames": dict(self.surnames), "oblique": self.oblique,
                "starts": self.starts, "blocks": self.blocks}

    def __setstate__(self, state: dict[str, dict]) -> None:  # type: ignore[type-arg]
        self.exact = defaultdict(list, state["exact"])
        self.compact = defaultdict(list, state["compact"])
        self.surnames = defaultdict(set, state["surnames"])
        self.oblique = set(state["oblique"])
        self.starts = dict(state["starts"])
        self.blocks = dict(state["blocks"])

    # ------------------------------------------------------------ building
    def _add(self, key_text: str, entry: Entry, *, compact_only: bool = False) -> None:
        if not compact_only:
            k = name_key(key_text)
            if k and entry not in self.exact[k]:
                self.exact[k].append(entry)
                self._note_start(k)
        c = compact_key(key_text)
        if c and entry not in self.compact[c]:
            self.compact[c].append(entry)

    def _add_latin_of(self, form: str, lang: str, entity: str, method: str, variant: str,
                      ambiguous: bool = False, **which: bool) -> None:
        """Index every Latin spelling of the Cyrillic *form* (found by
        *method*, standing for the gazetteer name *variant*) and the first
        tokens that the spellings start with."""
        for key, scheme in latin_variants(form, lang, **which):
            entry = Entry(entity, method, variant, scheme, ambiguous)
            if key and entry not in self.compact[key]:
                self.compact[key].append(entry)
        for first, n in latin_starts(form, lang, **which).items():
            if self.starts.get(first, 0) < n:
                self.starts[first] = n

    def _note_start(self, key: str) -> None:
        tokens = TOKEN.findall(key)
        if tokens:
            first = compact_key(tokens[0])
            if first and self.starts.get(first, 0) < len(tokens):
                self.starts[first] = len(tokens)

    def _add_entity(self, e: Entity) -> None:
        amb = e.ambiguous
        for lang, name, role in e.all_names():
            is_amb = name_key(name) in amb or compact_key(name) in {compact_key(a) for a in amb}
            method = {"name": "exact", "acronym": "acronym", "expansion": "exact",
                      "former": "former"}[role]
            self._add(name, Entry(e.id, method, name, None, is_amb))
            if role == "acronym":
                continue
            short = qualifiers.split(name) if qualifiers.has_qualifier(name) else None
            if (short is not None and short.countries and short.name != name
                    and len(short.name.split()) >= 2 and e.country in short.countries):
                # "Министерство безопасности" for "… Российской Федерации"
                self._add(short.name, Entry(e.id, "shortened", name, "country dropped", is_amb))
                if lang in _CYR_LANGS and e.kind != "person":
                    for form in phrase_forms(short.name, lang):
                        self._add(form, Entry(e.id, "shortened", name, f"{lang}:case", is_amb))
            cyr = lang in _CYR_LANGS and has_cyrillic_letter(name)
            if cyr:
                self._add_latin_of(name, lang, e.id, "variant", name, is_amb)
                if e.kind == "place" and lang == "ru" and " " not in name:
                    for form in ukrainian_forms_of_russian(name):
                        self._add(form, Entry(e.id, "inflection", name, "uk:case", is_amb))
                if e.kind != "person" and lang in ("ru", "uk", "be"):
                    for form in phrase_forms(name, lang):
                        entry = Entry(e.id, "inflection", name, f"{lang}:case", is_amb)
                        self._add(form, entry)
                        self._add_latin_of(form, lang, e.id, "inflection", name, is_amb,
                                           inflecting_only=True)
        if e.kind == "person":
            self._add_person(e)
        for a in e.acronyms:  # an acronym in the other script: ФСБ ↔ FSB
            if has_cyrillic_letter(a.short) and a.lang in _CYR_LANGS:
                self._add_latin_of(a.short, a.lang, e.id, "acronym", a.short)

    def _add_honorifics(self, entities: list[Entity]) -> None:
        """A unit's honorific name alone (Кантемировская, Таманская): the
        capitalised adjectives of its Russian names that no other unit has."""
        from .designation import parse

        found: dict[str, set[str]] = defaultdict(set)
        for e in entities:
            if e.kind != "unit":
                continue
            for name in e.names.get("ru", ()):
                for w in name.split()[1:]:
                    w = w.strip("«»\"(),")
                    if (len(w) >= 6 and w[:1].isupper() and w[1:].islower()
                            and w.endswith(("ая", "ий", "ый", "ой", "ое"))
                            and parse(w).head is None and not parse(w).qualifiers):
                        found[w].add(e.id)
        for word, ids in found.items():
            if len(ids) != 1:
                continue  # Краснознамённая: an order many units carry
            (eid,) = ids
            entry = Entry(eid, "nickname", word, "honorific")
            self._add(word, entry)
            for form in phrase_forms(word, "ru"):
                self._add(form, entry)
            self._add_latin_of(word, "ru", eid, "nickname", word)

    def _add_person(self, e: Entity) -> None:
        gender = e.gender or ""
        for lang, names in e.names.items():
            parts = e.person.get(lang)
            for full in names:
                words = full.split(" ")
                given = parts.given if parts and parts.given else None
                surname = parts.surname if parts and parts.surname else None
                patronymic = parts.patronymic if parts else None
                if given not in words or surname not in words:
                    # another name of the person (Игорь Стрелков for Гиркин):
                    # its first word is the given name, its last the surname
                    if len(words) < 2:
                        continue
                    given, surname = words[0], words[-1]
                    patronymic = words[1] if len(words) == 3 else None
                assert given is not None and surname is not None
                for form in _orders(given, surname, patronymic):
                    self._add(form, Entry(e.id, "order", full, "order"))
                    if lang in _CYR_LANGS:
                        self._add_latin_of(form, lang, e.id, "order", full, core=True)
                # the surname alone (unique surnames only, checked at look-up)
                surname_keys = {surname}
                oblique: set[str] = set()
                if lang in ("ru", "uk") and has_cyrillic_letter(surname):
                    for form in person_forms(full, lang, gender, given, surname, patronymic):
                        self._add(form, Entry(e.id, "inflection", full, f"{lang}:case"))
                        self._add_latin_of(form, lang, e.id, "inflection", full,
                                           inflecting_only=True)
                    oblique = set(surname_paradigm(surname, gender, lang))
                for s in surname_keys | oblique:
                    keys = {name_key(s), compact_key(s)}
                    if lang in _CYR_LANGS:
                        keys |= {k for k, _scheme in latin_variants(
                            s, lang, inflecting_only=s in oblique)}
                    for k in keys:
                        self.surnames[k].add(e.id)
                        if s in oblique:
                            self.oblique.add(k)

    # ------------------------------------------------------------- look-up
    def lookup(self, text: str) -> list[Entry]:
        """Entries whose key equals the folded or the compact key of *text*
        (an exact name found only by its compact key is reported as
        ``folded``)."""
        k = name_key(text)
        found = list(self.exact.get(k, ()))
        for entry in self.compact.get(compact_key(text), ()):
            if entry not in found:
                if entry.method == "exact":
                    entry = Entry(entry.entity, "folded", entry.variant, entry.rule,
                                  entry.ambiguous)
                found.append(entry)
        return found

    def surname(self, text: str) -> set[str]:
        """Ids of the people whose surname (in any case or spelling) is *text*."""
        return set(self.surnames.get(name_key(text), set())) | set(
            self.surnames.get(compact_key(text), set()))

    def is_case_form(self, text: str) -> bool:
        """Whether *text* is a surname in an oblique case (Чикова, Czikowa)."""
        return name_key(text) in self.oblique or compact_key(text) in self.oblique


def _blocks(index: NameIndex) -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    keys = set(index.compact)
    keys.update(k for k in index.surnames if " " not in k)
    for key in sorted(keys):
        for b in blocking_keys(key):
            blocks[b].append(key)
    return dict(blocks)


def blocking_keys(key: str, *, slack: int = 0) -> list[str]:
    """Blocks a compact key falls in: its first three and last three letters,
    and its letters with the vowels dropped (typos rarely hit all three),
    each with the key's length.  With *slack*, the blocks of every length
    within that many edits (to look a query up)."""
    pieces = ["a" + key[:3], "z" + key[-3:]]
    skeleton = re.sub(r"[aeiouyаеиоуыэюяіїє]", "", key)
    if len(skeleton) >= 3:
        pieces.append("s" + skeleton[:4])
    digits = "".join(re.findall(r"\d", key))
    if digits:  # numbers are never guessed (313th is not 331st): block by them exactly
        pieces = [f"{p}#{digits}" for p in pieces]
    n = len(key)
    return [f"{n + d}:{p}" for p in pieces for d in range(-slack, slack + 1)]


def _fingerprint(entities: Sequence[Entity]) -> str:
    """A hash of the entities and of the package's code and data files."""
    h = hashlib.sha256()
    for e in entities:
        # canonical: sets sorted, so the hash does not depend on PYTHONHASHSEED
        h.update(json.dumps(dataclasses.asdict(e), sort_keys=True, ensure_ascii=False,
                            default=lambda o: sorted(o)).encode("utf-8"))
    root = Path(__file__).resolve().parent
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".yaml", ".tsv") and "gazetteer" not in p.parts:
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:24]


def _orders(given: str, surname: str, patronymic: str | None) -> list[str]:
    """Other orders and initials of a person's name."""
    g = given[0] + "."
    out = [f"{surname} {given}", f"{surname}, {given}", f"{g} {surname}", f"{surname} {g}"]
    if patronymic:
        p = patronymic[0] + "."
        out += [f"{given} {patronymic}", f"{given} {patronymic} {surname}",
                f"{surname} {given} {patronymic}",
                f"{g} {p} {surname}", f"{g}{p} {surname}", f"{surname} {g} {p}",
                f"{surname} {g}{p}", f"{given} {surname}"]
    return out

