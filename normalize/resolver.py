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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from . import designation, qualifiers, thresholds
from .datafiles import read_data
from .detranslit import detransliterate
from .errors import DataError
from .fold import fold
from .gazetteer import Entity
from .index import METHODS, Entry, NameIndex, blocking_keys
from .keys import compact_key, name_key
from .langmodel import model
from .letters import has_cyrillic_letter
from .qualifiers import countries_in

#: Score of each method when it is the first to find the query.
BASE_SCORE = {
    "exact": 1.0, "acronym": 0.99, "folded": 0.98, "former": 0.97, "variant": 0.95,
    "inflection": 0.93, "order": 0.93, "shortened": 0.85, "designation": 0.9, "surname": 0.85,
    "nickname": 0.8,
    "detranslit": 0.85,
    "ocr": 0.85, "stem": 0.8, "skeleton": 0.75, "fuzzy": 0.0,
}
#: The steps after the index, in order; cheap ones first, detransliterate's
#: beam search last.  The first that finds anything decides.
STEPS = ("index", "qualified", "owner", "designation", "ocr", "stem", "skeleton", "fuzzy",
         "detranslit")
#: Place types that a region word ("oblast", "region", "sritis") names.
REGION_TYPES = frozenset({"oblast", "krai", "republic", "autonomous-okrug", "autonomous-oblast",
                          "federal-subject", "region", "autonomous-republic"})
#: Methods whose variant is the query itself, folded (no qualifier can hide).
EXACT_METHODS = frozenset({"exact", "folded", "acronym", "former", "variant", "inflection",
                           "order", "shortened", "nickname"})
#: Methods that find a name as written (in any case form), the only ones by
#: which a name marked ambiguous is found.
AS_WRITTEN = frozenset({"exact", "folded", "acronym", "former", "inflection", "order"})
#: Index entries fuzzy matching may land on (not generated case forms).
FUZZY_METHODS = frozenset({"exact", "folded", "former", "variant"})
#: Latin-script endings to strip (ending, what may replace it), longest first.
LATIN_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("iens", ("ien",)), ("ijos", ("ija", "ia")), ("ijas", ("ija", "ia")),
    ("iem", ("",)), ("ovi", ("",)), ("owi", ("",)),
    ("ės", ("ė", "a")), ("os", ("a", "")), ("as", ("", "a")), ("is", ("", "a")),
    ("us", ("",)), ("ui", ("",)), ("ie", ("ia", "")), ("ii", ("ia", "ija")),
    ("ou", ("a", "")), ("em", ("",)), ("om", ("",)), ("ą", ("a",)), ("ę", ("a",)),
    ("s", ("",)), ("o", ("",)), ("u", ("", "a")), ("y", ("a", "")), ("e", ("a", "")),
    ("a", ("",)), ("i", ("", "a")),
)
#: Endings that make a surname feminine: a man's name never ends so.
FEMININE_ENDINGS = frozenset({"a", "ą", "ę", "os", "ės"})
_DIGITS = re.compile(r"\d+")
#: Pairs that optical character recognition confuses: (as read, as written).
OCR_CONFUSIONS = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("0", "o"), ("0", "O"), ("1", "l"),
                  ("1", "i"), ("1", "I"), ("l", "I"), ("I", "l"), ("l", "i"), ("5", "S"),
                  ("8", "B"), ("ii", "u"), ("li", "h"), ("m", "rn"), ("|", "l"), ("!", "l"))

#: A digit with a letter on both sides, ending a word of letters, or
#: starting one that is not an ordinal (0VD-Info, not 2nd).
_OCR_DIGIT = re.compile(r"(?<=[^\W\d_])\d(?=[^\W\d_])|(?<=[^\W\d_]{3})\d\b"
                        r"|\b\d(?=([^\W\d_]{2,}))")


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
        self._skeletons: dict[str, set[tuple[str, str]]] | None = None
        self._units: list[designation.UnitSig] | None = None

    # ---------------------------------------------------------------- API
    def candidates(self, text: str, *, kinds: Iterable[str] | None = None,
                   limit: int = 5) -> list[Match]:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        wanted = set(kinds) if kinds is not None else None
        return self._find(text, wanted)[:limit]

    def resolve(self, text: str, *, kinds: Iterable[str] | None = None) -> Match | None:
        return self.decide(self.candidates(text, kinds=kinds, limit=3))

    def decide(self, found: list[Match], *, margin: float | None = None) -> Match | None:
        """The match among ranked candidates *found* that ``resolve`` returns,
        or None when there is none or the top two are within *margin* (by
        default the calibrated one) and so too close to call."""
        if not found:
            return None
        if margin is None:
            margin = thresholds.load().margin
        close = [m for m in found if m.score >= found[0].score - margin]
        if len(close) == 1:
            return found[0]
        # "Investigative Committee", "Interior Ministry": the toolkit follows
        # Russia's bodies, so a Russian entity wins a tie with its foreign
        # namesakes when the text names no country
        russian = [m for m in close if self.entities[m.id].country == "ru"]
        if len(russian) == 1 and all(self.entities[m.id].kind == russian[0].kind for m in close):
            m = russian[0]
            return Match(m.id, m.kind, m.name, round(m.score * 0.9, 4), m.method, m.variant,
                         f"{m.rule or m.method}; Russian namesake preferred")
        return None  # too close to call

    # -------------------------------------------------------------- steps
    def _find(self, text: str, kinds: set[str] | None, *, inner: bool = False) -> list[Match]:
        query = text.strip()
        if not query or len(query) > 300:
            return []
        found = self._step_index(query, kinds)
        if found:
            return found  # the common case: one look-up
        queries = [query]
        bare = strip_titles(query)
        if bare and bare != query:
            queries.append(bare)  # "генерал Суровикин" → "Суровикин", "в Пскове" → "Пскове"
        for name in STEPS:
            if inner and name in ("qualified", "owner"):
                continue
            step: Callable[[str, set[str] | None], list[Match]] = getattr(self, f"_step_{name}")
            for q in queries:
                found = step(q, kinds)
                if found:
                    return found
        return []

    def _keep(self, entity_id: str, kinds: set[str] | None) -> bool:
        return kinds is None or self.entities[entity_id].kind in kinds

    def _accept(self, query: str, e: Entity, variant: str, method: str) -> bool:
        """Vetoes that no score can outweigh."""
        if method not in EXACT_METHODS and not _numbers_agree(query, e):
            return False  # the 313th is not the 331st (a name found whole carries its own)
        if e.kind == "person" and _lower_word(query):
            return False  # "poutine", "чайка": a lower-case word is not a person
        if e.kind == "person" and method not in EXACT_METHODS:
            g = surname_gender(query)
            if g is not None and e.gender is not None and g != e.gender and all(
                    surname_gender(n) != g for n in _surnames(e)):
                return False  # Chikova is a woman; Chikov a man (Chaika is a man too)
        if method not in EXACT_METHODS:
            # an index key is a whole name: only a looser match can leave
            # words of the query unexplained
            named = countries_in(query) - countries_in(variant)
            if named and e.country is not None and e.country not in named:
                return False  # the Investigative Committee *of Armenia*
        return True

    def _rank(self, entries: list[Entry], kinds: set[str] | None, query: str,
              method_override: str | None = None, score_scale: float = 1.0) -> list[Match]:
        best: dict[str, Match] = {}
        order = {m: i for i, m in enumerate(METHODS)}
        for entry in sorted(entries, key=lambda en: order.get(en.method, 99)):
            if not self._keep(entry.entity, kinds):
                continue
            e = self.entities[entry.entity]
            method = method_override or entry.method
            if not self._accept(query, e, entry.variant, method):
                continue
            score = BASE_SCORE[method] * score_scale
            if entry.ambiguous:
                if _lower_word(query):
                    continue  # "медуза", "яблоко": a lower-case word, not the name
                if method not in AS_WRITTEN and method != "variant":
                    continue  # an ambiguous name is not guessed at (detranslit, stems, OCR)
                score -= 0.1 if method in AS_WRITTEN else 0.15
            m = Match(e.id, e.kind, e.name, round(score, 4), method, entry.variant, entry.rule)
            if e.id not in best or best[e.id].score < m.score:
                best[e.id] = m
        return sorted(best.values(), key=lambda m: (-m.score, m.id))

    def _step_index(self, query: str, kinds: set[str] | None) -> list[Match]:
        return self.index_step(query, kinds)[0]

    def index_step(self, query: str, kinds: set[str] | None) -> tuple[list[Match], list[Entry]]:
        """The index step, and the index entries it ranked (empty when only
        a surname matched): what text scanning needs to see ambiguity."""
        entries = self.index.lookup(query)
        if entries:
            return self._rank(entries, kinds, query), entries
        return self._surname_step(query, kinds), []

    def _surname_step(self, query: str, kinds: set[str] | None) -> list[Match]:
        case_form = self.index.is_case_form(query)
        people = [p for p in sorted(self.index.surname(query)) if self._keep(p, kinds)
                  and self._accept(query, self.entities[p], query,
                                   "inflection" if case_form else "surname")]
        g = surname_gender(query)
        if len(people) > 1 and g is not None:
            # a shared surname in a man's or a woman's form (Navalny, Navalnaya)
            same = [p for p in people if self.entities[p].gender == g]
            people = same if len(same) == 1 else people
        if len(people) == 1:
            e = self.entities[people[0]]
            return [Match(e.id, e.kind, e.name, BASE_SCORE["surname"], "surname", query,
                          "unique surname")]
        return [Match(p, "person", self.entities[p].name, 0.5, "surname", query,
                      "shared surname") for p in people]

    def _step_qualified(self, query: str, kinds: set[str] | None) -> list[Match]:
        """"city of Vladimir", "Menschenrechtsgruppe Agora", "ФСБ России": resolve
        the name without its qualifiers; the entity must be of the kind and
        country they name."""
        q = qualifiers.split(query)
        if q.name == query or not q.name:
            return []
        wanted = q.kinds if kinds is None else (kinds & q.kinds if q.kinds else kinds)
        if wanted is not None and not wanted:
            return []
        out = []
        if wanted is not None and "region" in wanted:
            wanted = (wanted - {"region"}) | {"place"}
        for m in self._find(q.name, set(wanted) if wanted else None, inner=True):
            e = self.entities[m.id]
            if q.countries and e.country is not None and e.country not in q.countries:
                continue
            if q.kinds and "region" in q.kinds and e.type not in REGION_TYPES:
                # "Pskov region": the region named after the city
                parent = self.entities.get(e.parent or "")
                if parent is None or parent.type not in REGION_TYPES:
                    continue
                e = parent
                m = Match(e.id, e.kind, e.name, m.score, m.method, m.variant, "region of")
            out.append(Match(m.id, m.kind, m.name, round(m.score * 0.98, 4), m.method,
                             m.variant, f"{m.rule or m.method}; qualifiers"))
        return out

    def _ancestors(self, entity_id: str) -> set[str]:
        seen: set[str] = set()
        p = self.entities[entity_id].parent
        while p is not None and p in self.entities and p not in seen:
            seen.add(p)
            p = self.entities[p].parent
        return seen

    def _step_owner(self, query: str, kinds: set[str] | None) -> list[Match]:
        """A name with the name of the body it belongs to: "ГРУ Генштаба",
        "Служба … ФСБ", "FSB Border Service": the rest must resolve to an
        entity under that body."""
        words = query.split()
        if len(words) < 2:
            return []
        out: list[Match] = []
        for n in range(1, min(3, len(words) - 1) + 1):
            for owner, rest in ((" ".join(words[-n:]), " ".join(words[:-n])),
                                (" ".join(words[:n]), " ".join(words[n:]))):
                owners = {en.entity for en in self.index.lookup(owner)}
                if not owners:
                    continue
                for m in self._find(rest, kinds, inner=True):
                    # "ГРУ Генштаба": under that body; "глава ФСИН Калашников": a person
                    related = bool(owners & self._ancestors(m.id)) or (
                        m.kind == "person" and len(rest.split()) >= 2)
                    if related and all(x.id != m.id for x in out):
                        out.append(Match(m.id, m.kind, m.name, round(m.score * 0.97, 4),
                                         m.method, m.variant, f"{m.rule or m.method}; owner"))
            if out:
                return out
        return out

    def _step_designation(self, query: str, kinds: set[str] | None) -> list[Match]:
        if kinds is not None and "unit" not in kinds:
            return []
        if not designation.may_designate(query):
            return []
        d = designation.parse(query)
        if d.head is None or (d.number is None and not d.rest):
            return []
        if self._units is None:
            self._units = designation.unit_signatures(self.entities.values())
        rule = "number"
        if d.number is not None:
            found = [u for u in self._units if designation.matches(d, u)]
        else:
            # "Pskov airborne division": the units of that head type garrisoned there
            places = {m.id for m in self._step_index(" ".join(d.rest), {"place"})}
            bare = designation.Designation(None, d.head, d.qualifiers, ())
            found = [u for u in self._units if u.garrison in places
                     and designation.matches(bare, u, by_number=False)]
            rule = "garrison"
        out = []
        for u in found:
            e = self.entities[u.entity]
            variant = e.names.get("ru", (e.name,))[0]
            if self._accept(query, e, variant, "designation"):
                out.append(Match(e.id, e.kind, e.name, BASE_SCORE["designation"],
                                 "designation", variant, rule))
        return sorted(out, key=lambda m: m.id)

    def _step_detranslit(self, query: str, kinds: set[str] | None) -> list[Match]:
        if has_cyrillic_letter(query) or not any(c.isalpha() for c in query):
            return []
        if len(query.split()) > 6:
            return []
        found: list[Match] = []
        for rank, cyr in enumerate(detransliterate(query, "auto", limit=5)):
            got = self._rank(self.index.lookup(cyr), kinds, query, "detranslit",
                             1.0 - 0.02 * rank)
            found += [m for m in got if all(x.id != m.id for x in found)]
        return sorted(found, key=lambda m: (-m.score, m.id))

    def _step_ocr(self, query: str, kinds: set[str] | None) -> list[Match]:
        """Undo the confusions of optical character recognition (rn → m,
        cl → d, 0 → o, 1 → l), one kind at a time, and look up again."""
        found: list[Match] = []
        for wrong, right in OCR_CONFUSIONS:
            if wrong not in query:
                continue
            if wrong.isdigit():  # only a digit inside a word: R0sgvardia, not 331st or 2022
                fixed = _OCR_DIGIT.sub(partial(_swap, wrong, right), query)
                if fixed == query:
                    continue
            else:
                fixed = query.replace(wrong, right)
            got = self._lookup(fixed, kinds, "ocr")
            found += [m for m in got if all(m.id != x.id for x in found)]
        return found

    def _lookup(self, text: str, kinds: set[str] | None, method: str) -> list[Match]:
        """The index step on a rewritten query, reported under *method*."""
        return [Match(m.id, m.kind, m.name, round(min(m.score, BASE_SCORE[method]), 4), method,
                      m.variant, m.rule) for m in self._step_index(text, kinds)]

    def _step_stem(self, query: str, kinds: set[str] | None) -> list[Match]:
        """Latin-script case and gender endings (Polish, Czech, Baltic, German
        genitive): Pskovas, Kadirovs, Pskovo, Tschetscheniens."""
        if has_cyrillic_letter(query):
            return []
        words = query.split()
        last = words[-1]
        found: list[Match] = []
        for ending, replacements in LATIN_ENDINGS:
            if not last.lower().endswith(ending) or len(last) - len(ending) < 4:
                continue
            stem = last[: len(last) - len(ending)]
            for rep in replacements:
                cand = " ".join([*words[:-1], stem + rep])
                for m in self._lookup(cand, kinds, "stem"):
                    if m.kind == "person" and ending in FEMININE_ENDINGS:
                        continue  # Chikova is a woman, not a form of Chikov
                    if all(x.id != m.id for x in found):
                        found.append(m)
            if found:
                break
        return found

    def _skeleton_index(self) -> dict[str, set[tuple[str, str]]]:
        if self._skeletons is None:
            sk: dict[str, set[tuple[str, str]]] = defaultdict(set)
            for key, entries in self.index.exact.items():
                if has_cyrillic_letter(key):
                    s = _skeleton(key)
                    if len(s) >= 3:
                        for en in entries:
                            if en.method != "acronym":
                                sk[s].add((en.entity, en.variant))
            self._skeletons = sk
        return self._skeletons

    def _step_skeleton(self, query: str, kinds: set[str] | None) -> list[Match]:
        """Cyrillic spellings of another East Slavic language (Belarusian Чачня,
        Марыупаль, Кадыраў): the consonants must agree and the letters be close."""
        if not has_cyrillic_letter(query):
            return []
        key = name_key(query)
        sk = _skeleton(key)
        if len(sk) < 3:
            return []
        if not _looks_belarusian(key):
            return []  # Токмок is a Russian word, and another town than Токмак
        hits = {(eid, v) for eid, v in self._skeleton_index().get(sk, set())
                if self._keep(eid, kinds) and fuzz.ratio(key, name_key(v)) >= 60
                and key[:1] == name_key(v)[:1]}
        ids = sorted({eid for eid, _v in hits})
        out = []
        for eid in ids:
            e = self.entities[eid]
            variant = next(v for i, v in sorted(hits) if i == eid)
            if self._accept(query, e, variant, "skeleton"):
                out.append(Match(eid, e.kind, e.name, BASE_SCORE["skeleton"], "skeleton",
                                 variant, "consonants"))
        return out

    # -------------------------------------------------------------- fuzzy
    def _step_fuzzy(self, query: str, kinds: set[str] | None) -> list[Match]:
        """Typing errors: a few edits (transpositions count once) against the
        names that share a blocking key with the query; how many edits, by
        the query's length, the kind of the entity and the query's script,
        is calibrated (:mod:`normalize.thresholds`)."""
        q = compact_key(query)
        limits = thresholds.load()
        script = "cyrillic" if has_cyrillic_letter(query) else "latin"
        scored = self.fuzzy_candidates(query, kinds, limits.most_edits(len(q), script))
        alone = len(name_key(query).split()) == 1
        scored = {eid: (dist, entry) for eid, (dist, entry) in scored.items()
                  if dist <= limits.edits(len(q), fuzzy_kind(self.entities[eid].kind, alone),
                                          script)}
        ranked = sorted(scored.items(), key=lambda kv: (kv[1][0], kv[0]))
        out = []
        for eid, (dist, entry) in ranked[:5]:
            e = self.entities[eid]
            sim = 1 - dist / max(len(q), 1)
            out.append(Match(eid, e.kind, e.name, round(0.9 * sim, 4), "fuzzy", entry.variant,
                             f"{dist} edit{'s' if dist != 1 else ''}"))
        if len(ranked) > 1 and ranked[1][1][0] == ranked[0][1][0]:
            # equally close: keep both equally scored, so that resolve() abstains
            out[1] = Match(out[1].id, out[1].kind, out[1].name, out[0].score, "fuzzy",
                           out[1].variant, out[1].rule)
        return out

    def fuzzy_candidates(self, query: str, kinds: set[str] | None,
                         allowed: int) -> dict[str, tuple[int, Entry]]:
        """Entities within *allowed* edits of *query* that pass every veto of
        fuzzy matching, with their distance (the calibration reads this)."""
        q = compact_key(query)
        if not allowed or (query.isupper() and len(query) <= 6) or query.islower():
            return {}  # acronyms are not guessed; "project" is a word, not a name
        q_tokens = name_key(query).split()
        blocks = self.index.blocks
        pool: set[str] = set()
        for b in blocking_keys(q, slack=allowed):
            pool.update(blocks.get(b, ()))
        close = process.extract(q, list(pool), scorer=OSA.distance, score_cutoff=allowed,
                                limit=None)
        scored: dict[str, tuple[int, Entry]] = {}
        for key, dist, _i in close:
            entries = list(self.index.compact.get(key, ()))
            people = self.index.surnames.get(key, set())
            if len(people) == 1:  # a unique surname, alone
                entries.append(Entry(next(iter(people)), "exact", key, "surname"))
            for entry in entries:
                if (entry.method not in FUZZY_METHODS or not self._keep(entry.entity, kinds)
                        or (entry.ambiguous and (len(q) < 7 or query.islower()))):
                    continue  # a short ambiguous name is never guessed at
                if entry.entity in scored and scored[entry.entity][0] <= dist:
                    continue
                e = self.entities[entry.entity]
                if not _typo_like(q, key, e.kind):
                    continue
                if not _tokens_align(q_tokens, name_key(entry.variant).split(), dist):
                    continue
                if not self._accept(query, e, entry.variant, "fuzzy"):
                    continue
                scored[entry.entity] = (dist, entry)
        return scored


_VOWELS = frozenset("aeiouyаеёиоуыэюяіїє")


def fuzzy_kind(kind: str, alone: bool) -> str:
    """The row of the fuzzy thresholds for an entity of *kind*: a surname
    alone (one word naming a person) has its own, as surnames lie close
    together (Kolpakov, Kolmakov)."""
    return "person-surname" if kind == "person" and alone else kind


def _swap(wrong: str, right: str, m: re.Match[str]) -> str:
    if m.group() != wrong or (m.group(1) and designation.is_ordinal_suffix(m.group(1))):
        return m.group()
    return right


def _vowel_change(a: str, b: str) -> bool:
    """True if *a* and *b* have as many vowels but not the same ones: in a
    surname that makes another name (Chekov, Chikov), not a typo (a typo
    drops, adds or swaps letters: Benaysh for Benyash)."""
    va = sorted(c for c in a if c in _VOWELS)
    vb = sorted(c for c in b if c in _VOWELS)
    return len(va) == len(vb) and va != vb


@lru_cache(maxsize=1)
def _titles() -> tuple[frozenset[str], tuple[str, ...]]:
    path = "normalize/data/titles.yaml"
    data = read_data("titles.yaml")
    try:
        terms = [fold(str(t)).replace(".", "") for ts in data["titles"].values() for t in ts]
    except (KeyError, TypeError, AttributeError) as exc:
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


_FEMININE = re.compile(r"(?:ая|яя|ова|ева|ёва|ина|ына|ская|цкая|ова|aya|aja|aia|ova|eva|ina|yna|"
                       r"skaya|skaja|ska|ská|ová|owa|ewa|yna|iene|ytė|aitė)$")
_MASCULINE = re.compile(r"(?:ов|ев|ёв|ин|ын|ий|ый|ой|ский|ov|ev|ow|ew|in|yn|iy|ij|yj|y|i|sky|"
                        r"ski|skij|skiy|ský|as|is|us|s)$")


def _surnames(e: Entity) -> list[str]:
    """The nominative surnames of a person, in every language given."""
    out = [p.surname for p in e.person.values() if p.surname]
    out += [n.split()[-1] for names in e.names.values() for n in names if " " in n]
    return out


def surname_gender(text: str) -> str | None:
    """'m' or 'f' if the last word of *text* has the ending of a man's or a
    woman's Russian or Ukrainian surname, else None.

    >>> surname_gender("Chikova"), surname_gender("Чиков"), surname_gender("Шойгу")
    ('f', 'm', None)
    """
    words = name_key(text).split()
    if not words:
        return None
    w = words[-1]
    if _FEMININE.search(w):
        return "f"
    if _MASCULINE.search(w):
        return "m"
    return None


def _lower_word(text: str) -> bool:
    """A single word of three or more letters, all in lower case: in news
    text that is an ordinary word, not a name (poutine, медуза, яблоко)."""
    letters = [c for c in text if c.isalpha()]
    return " " not in text.strip() and len(letters) >= 3 and all(c.islower() for c in letters)


def _typo_like(query: str, key: str, kind: str) -> bool:
    """Whether *query* differs from the name *key* the way a typing or OCR
    error does, rather than the way another name does.

    The first and the last letter are kept (Pinsk is not Minsk, Bucha is not
    Buchach; only a long name may lose its last letter); in a short place
    name no letter is replaced by another (Tokmok, Perevalsk are other towns:
    only dropped, added or swapped letters); in a surname no vowel is
    replaced (Chekov is not Chikov).
    """
    if query[:1] != key[:1]:
        return False
    if query[-1:] != key[-1:] and not (len(key) >= 7 and key.startswith(query)):
        return False  # only a long name may lose its last letter (Mediazon)
    ops = Levenshtein.editops(query, key)
    if kind == "place" and (len(key) < 8 or len(ops) > 1) and any(
            op.tag == "replace" for op in ops):
        # a swap of neighbours shows as two replacements: allow exactly that
        reps = [op for op in ops if op.tag == "replace"]
        swapped = (len(reps) == 2 and reps[1].src_pos == reps[0].src_pos + 1
                   and query[reps[0].src_pos] == key[reps[1].dest_pos]
                   and query[reps[1].src_pos] == key[reps[0].dest_pos])
        if not swapped:
            return False
    return not (kind == "person" and _vowel_change(query, key))


def _tokens_align(query: list[str], name: list[str], dist: int) -> bool:
    """A typo changes letters, not words: the words of the query and of the
    name must pair up and each pair be close (a different word, "Armenia"
    for "Russia", is not a typo).  Names in another script are not compared
    word by word."""
    if not name or has_cyrillic_letter(" ".join(query)) != has_cyrillic_letter(" ".join(name)):
        return True
    if len(query) != len(name):
        return dist <= 1 and abs(len(query) - len(name)) == 1  # a lost or added space
    for a, b in zip(query, name, strict=True):
        if a == b:
            continue
        if len(b) <= 3 or OSA.distance(a, b) > max(1, len(b) // 5) or not _typo_like(a, b, ""):
            return False  # MSW is not MSZ; inrikes- is not utrikes-
    return True


def _looks_belarusian(key: str) -> bool:
    """Whether the character models find *key* more Belarusian than Russian
    or Ukrainian (by a clear margin)."""
    words = [w for w in re.split(r"[\s-]+", key) if w]
    if not words:
        return False
    score = {lang: sum(model(lang).word(w) for w in words) for lang in ("ru", "uk", "be")}
    return score["be"] > max(score["ru"], score["uk"]) + 1.0


_SKELETON_DROP = re.compile(r"[аеёиоуыэюяіїєўйьъ'\s-]")


def _skeleton(key: str) -> str:
    """The consonants of a Cyrillic key, with в and ў as one (Кадыраў, Кадыров)."""
    return _SKELETON_DROP.sub("", key.replace("ў", "в"))


def _numbers_agree(query: str, entity: Entity) -> bool:
    """A number in the query must be the entity's number (313th is not 331st)."""
    nums = set(_DIGITS.findall(query))
    if not nums or entity.number is None:
        return not nums or entity.kind != "unit" or entity.number is None
    return entity.number in nums
