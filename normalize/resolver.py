"""Name resolution: a spelling → its gazetteer entity, or an honest None.

The steps, strongest evidence first; the first step that finds anything
decides (its candidates are then ranked, and ``resolve`` abstains when the
top two are too close):

1. the index (:mod:`normalize.index`): exact, folded, acronym, former,
   variant (a scheme's spelling), inflection, name order, unique surname;
2. for Latin text, ``detransliterate`` to Cyrillic and the index again
   (spellings no table produces exactly);
3. for Cyrillic text, the dictionary lemma of each word (Росгвардейцы is not
   taken: a lemma must *be* a name);
4. fuzzy matching (rapidfuzz) against the names that share a blocking key
   with the query — never a scan of the whole gazetteer, never for short
   acronyms, and a differing number vetoes a match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from . import designation
from .detranslit import detransliterate
from .errors import DataError
from .fold import fold
from .gazetteer import Entity
from .index import METHODS, Entry, NameIndex
from .keys import compact_key, name_key
from .letters import has_cyrillic_letter

#: Score of each method when it is the first to find the query.
BASE_SCORE = {
    "exact": 1.0, "acronym": 0.99, "folded": 0.98, "former": 0.97, "variant": 0.95,
    "inflection": 0.93, "order": 0.93, "designation": 0.9, "surname": 0.85, "detranslit": 0.85,
    "ocr": 0.85, "fuzzy": 0.0,
}
#: Fuzzy matching: least similarity (0–100) to accept, and least lead over
#: the runner-up entity.  Calibrated on benchmarks/data (see the report).
FUZZY_MIN = 88.0
FUZZY_MARGIN = 4.0
FUZZY_MIN_LEN = 6
_DIGITS = re.compile(r"\d+")
#: Pairs that optical character recognition confuses: (as read, as written).
OCR_CONFUSIONS = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("0", "o"), ("0", "O"), ("1", "l"),
                  ("1", "I"), ("l", "I"), ("I", "l"), ("5", "S"), ("8", "B"), ("ii", "u"),
                  ("li", "h"), ("m", "rn"))


@dataclass(frozen=True, slots=True)
class Match:
    """Why a name was resolved to an entity.

    ``score`` is 0–1; ``method`` is the step that found it (exact, folded,
    variant, inflection, detranslit, fuzzy, …); ``variant`` is the gazetteer
    name that matched; ``rule`` the scheme or grammar rule behind it.
    """

    id: str
    kind: str
    name: str
    score: float
    method: str
    variant: str
    rule: str | None = None


class Resolver:
    """Resolution over one set of entities (see the module docstring)."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = {e.id: e for e in entities}
        self.index = NameIndex.build(list(self.entities.values()))
        self._blocks: dict[str, set[str]] | None = None
        self._units: list[designation.UnitSig] | None = None

    # ---------------------------------------------------------------- API
    def candidates(self, text: str, *, kinds: Iterable[str] | None = None,
                   limit: int = 5) -> list[Match]:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        wanted = set(kinds) if kinds is not None else None
        found = self._find(text, wanted)
        return found[:limit]

    def resolve(self, text: str, *, kinds: Iterable[str] | None = None) -> Match | None:
        found = self.candidates(text, kinds=kinds, limit=2)
        if not found:
            return None
        if len(found) > 1 and found[1].score >= found[0].score - 0.02:
            return None  # too close to call
        return found[0]

    # -------------------------------------------------------------- steps
    def _find(self, text: str, kinds: set[str] | None) -> list[Match]:
        query = text.strip()
        if not query or len(query) > 300:
            return []
        queries = [query]
        bare = strip_titles(query)
        if bare and bare != query:
            queries.append(bare)  # "генерал Суровикин" → "Суровикин"
        for step in (self._step_index, self._step_designation, self._step_detranslit,
                     self._step_ocr, self._step_fuzzy):
            for q in queries:
                found = step(q, kinds)
                if found:
                    return found
        return []

    def _keep(self, entity_id: str, kinds: set[str] | None) -> bool:
        return kinds is None or self.entities[entity_id].kind in kinds

    def _rank(self, entries: list[Entry], kinds: set[str] | None, query: str,
              method_override: str | None = None, score_scale: float = 1.0) -> list[Match]:
        best: dict[str, Match] = {}
        order = {m: i for i, m in enumerate(METHODS)}
        for entry in sorted(entries, key=lambda en: order.get(en.method, 99)):
            if not self._keep(entry.entity, kinds) or not _numbers_agree(
                    query, self.entities[entry.entity]):
                continue
            e = self.entities[entry.entity]
            method = method_override or entry.method
            score = BASE_SCORE[method] * score_scale
            if entry.ambiguous:
                score -= 0.1
            m = Match(e.id, e.kind, e.name, round(score, 4), method, entry.variant, entry.rule)
            if e.id not in best or best[e.id].score < m.score:
                best[e.id] = m
        return sorted(best.values(), key=lambda m: (-m.score, m.id))

    def _step_index(self, query: str, kinds: set[str] | None) -> list[Match]:
        entries = self.index.lookup(query)
        if entries:
            return self._rank(entries, kinds, query)
        people = {p for p in self.index.surname(query) if self._keep(p, kinds)}
        if len(people) == 1:
            (pid,) = people
            e = self.entities[pid]
            return [Match(pid, e.kind, e.name, BASE_SCORE["surname"], "surname", query,
                          "unique surname")]
        if len(people) > 1:
            return [Match(pid, self.entities[pid].kind, self.entities[pid].name, 0.5,
                          "surname", query, "shared surname") for pid in sorted(people)]
        return []

    def _step_designation(self, query: str, kinds: set[str] | None) -> list[Match]:
        if kinds is not None and "unit" not in kinds:
            return []
        d = designation.parse(query)
        if d.head is None or (d.number is None and not d.rest):
            return []
        if self._units is None:
            self._units = designation.unit_signatures(self.entities.values())
        found = [u for u in self._units if designation.matches(d, u)]
        rule = "number"
        if d.number is None:
            # "Pskov airborne division": the units of that head type garrisoned there
            places = {m.id for m in self._step_index(" ".join(d.rest), {"place"})}
            found = [u for u in self._units if u.garrison in places and u.head == d.head
                     and designation.matches(designation.Designation(
                         u.number, d.head, d.qualifiers, ()), u)]
            rule = "garrison"
        out = []
        for u in found:
            e = self.entities[u.entity]
            out.append(Match(e.id, e.kind, e.name, BASE_SCORE["designation"], "designation",
                             e.names.get("ru", (e.name,))[0], rule))
        return sorted(out, key=lambda m: m.id)

    def _step_detranslit(self, query: str, kinds: set[str] | None) -> list[Match]:
        if has_cyrillic_letter(query) or not any(c.isalpha() for c in query):
            return []
        words = query.split()
        if len(words) > 6:
            return []
        found: list[Match] = []
        for rank, cyr in enumerate(detransliterate(query, "auto", limit=5)):
            entries = self.index.lookup(cyr)
            got = self._rank(entries, kinds, query, "detranslit", 1.0 - 0.02 * rank)
            for m in got:
                if all(x.id != m.id for x in found):
                    found.append(m)
        return sorted(found, key=lambda m: (-m.score, m.id))

    def _step_ocr(self, query: str, kinds: set[str] | None) -> list[Match]:
        """Undo the confusions of optical character recognition (rn → m,
        cl → d, 0 → o, 1 → l), one kind at a time, and look up again."""
        found: list[Match] = []
        for wrong, right in OCR_CONFUSIONS:
            if wrong not in query:
                continue
            fixed = query.replace(wrong, right)
            got = self._rank(self.index.lookup(fixed), kinds, fixed, "ocr")
            found += [m for m in got if all(m.id != x.id for x in found)]
        return found

    # -------------------------------------------------------------- fuzzy
    def _block_index(self) -> dict[str, set[str]]:
        if self._blocks is None:
            blocks: dict[str, set[str]] = defaultdict(set)
            for key in list(self.index.compact):
                for b in _blocking_keys(key):
                    blocks[b].add(key)
            self._blocks = blocks
        return self._blocks

    def _step_fuzzy(self, query: str, kinds: set[str] | None) -> list[Match]:
        q = compact_key(query)
        if len(q) < FUZZY_MIN_LEN or q.isupper() or (query.isupper() and len(query) <= 6):
            return []
        blocks = self._block_index()
        pool: set[str] = set()
        for b in _blocking_keys(q):
            pool |= blocks.get(b, set())
        scored: dict[str, tuple[float, Entry]] = {}
        for key in pool:
            if abs(len(key) - len(q)) > max(2, len(q) // 4):
                continue
            sim = fuzz.ratio(q, key)
            if sim < FUZZY_MIN - 10:
                continue
            for entry in self.index.compact[key]:
                if entry.method == "acronym" or not self._keep(entry.entity, kinds):
                    continue
                if not _numbers_agree(query, self.entities[entry.entity]):
                    continue
                if self.entities[entry.entity].kind == "person" and _vowel_change(q, key):
                    continue  # Chekov is another surname, not a typo of Chikov
                if entry.entity not in scored or scored[entry.entity][0] < sim:
                    scored[entry.entity] = (sim, entry)
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if not ranked or ranked[0][1][0] < FUZZY_MIN:
            return []
        out = []
        for eid, (sim, entry) in ranked[:5]:
            e = self.entities[eid]
            out.append(Match(eid, e.kind, e.name, round(sim / 100 * 0.9, 4), "fuzzy",
                             entry.variant, f"ratio {sim:.0f}"))
        if len(ranked) > 1 and ranked[0][1][0] - ranked[1][1][0] < FUZZY_MARGIN:
            # keep both, equally scored, so that resolve() abstains
            out[1] = Match(out[1].id, out[1].kind, out[1].name, out[0].score, "fuzzy",
                           out[1].variant, out[1].rule)
        return out


_VOWELS = frozenset("aeiouyаеёиоуыэюяіїє")


def _vowel_change(a: str, b: str) -> bool:
    """True if *a* and *b* differ only by vowels replaced with other vowels."""
    ops = Levenshtein.editops(a, b)
    return bool(ops) and all(
        op.tag == "replace" and a[op.src_pos] in _VOWELS and b[op.dest_pos] in _VOWELS
        for op in ops
    )


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset[str], tuple[str, ...]]:
    path = "normalize/data/titles.yaml"
    try:
        data = yaml.safe_load(
            (resources.files("normalize") / "data" / "titles.yaml").read_text("utf-8"))
        terms = [fold(str(t)).replace(".", "") for ts in data["titles"].values() for t in ts]
    except (KeyError, TypeError, AttributeError, yaml.YAMLError) as exc:
        raise DataError(f"malformed titles: {exc}", path=path) from None
    exact = frozenset(t for t in terms if not t.endswith("*"))
    prefixes = tuple(t[:-1] for t in terms if t.endswith("*"))
    return exact, prefixes


def strip_titles(text: str) -> str:
    """*text* without the ranks and offices at its start (``data/titles.yaml``).

    >>> strip_titles("генерал-полковник Александр Лапин")
    'Александр Лапин'
    >>> strip_titles("Col. Sergei Sukharev")
    'Sergei Sukharev'
    """
    exact, prefixes = _titles()
    words = text.split()
    i = 0
    while i < len(words) - 1:
        w = fold(words[i]).replace(".", "").strip(",")
        if w in exact or w.startswith(prefixes):
            i += 1
        else:
            break
    return " ".join(words[i:])


def _blocking_keys(key: str) -> set[str]:
    """Blocks a compact key falls in: its first three and last three letters,
    and its letters with the vowels dropped (typos rarely hit all three)."""
    out = {"a:" + key[:3], "z:" + key[-3:]}
    skeleton = re.sub(r"[aeiouyаеиоуыэюяіїє]", "", key)
    if len(skeleton) >= 3:
        out.add("s:" + skeleton[:4])
    return out


def _numbers_agree(query: str, entity: Entity) -> bool:
    """A number in the query must be the entity's number (313th is not 331st)."""
    nums = set(_DIGITS.findall(query))
    if not nums or entity.number is None:
        return not nums or entity.kind != "unit" or entity.number is None
    return entity.number in nums


def key_of(text: str) -> str:
    """The folded key used by the index (exported for tests and tools)."""
    return name_key(text)
