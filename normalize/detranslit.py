"""Latin → ranked Cyrillic candidates: the reverse of the scheme tables.

Every scheme table is read backwards: each Latin spelling a table can write
(canonical letters, variants, context rules) becomes an *option* that
consumes that Latin text and emits Cyrillic.  A beam search segments the
Latin word into options; candidates are scored by

* the cost of the options used (canonical 0, a listed variant a little, a
  letter used where the table's own context rule would have written
  something else a little more), plus
* a character n-gram model of the source language (:mod:`normalize.langmodel`),
  which prefers spellings that look like words.

Groups of tables (``"auto"``, a press language such as ``"de"``, a source
language such as ``"uk"``) merge their options per source language and
also accept two kinds of noise that the press produces and no table does:
an ``h`` written after a consonant (Chikhov for Чиков) and a doubled
consonant (Rossiya).  Costs are log10 units, like the model's scores.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .errors import UnknownSchemeError
from .langmodel import CharModel, model
from .letters import ALPHABETS, APOSTROPHES, title
from .schemes import REGISTRY, Table

VARIANT_COST = 0.7
BLOCKED_COST = 1.0
EMPTY_COST = 0.6
NOISE_COST = 1.5
PRIOR_WEIGHT = 0.5
BEAM = 48
VOWELS = set("аеёиоуыэюяєіїў")
SIGNS = set("ьъ'")
_APOS_MAP = {ord(c): "'" for c in APOSTROPHES} | {ord("ʺ"): '"', ord("”"): '"'}
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f]|['’ʼʹ](?=[^\W\d_]))*")


@dataclass(frozen=True, slots=True)
class Option:
    """Latin text → *cyr*, with the contexts the forward rule required."""

    cyr: str
    cost: float
    start: bool = False  # previous side: word start allowed
    after: frozenset[str] | None = None  # previous side: letters allowed (None = any)
    end: bool = False  # next side: word end allowed
    before: frozenset[str] | None = None  # next side: letters allowed (None = any)


@dataclass(frozen=True, slots=True)
class Reverse:
    """The merged reverse options of some tables of one source language."""

    lang: str
    options: dict[str, tuple[Option, ...]]
    maxlen: int
    blocked: dict[str, tuple[tuple[bool, frozenset[str]], ...]]  # letter -> prev contexts
    empties: tuple[str, ...]  # letters some table writes as nothing
    noise: bool
    latin_chars: frozenset[str]


def _norm_latin(s: str) -> str:
    return unicodedata.normalize("NFC", s.lower().translate(_APOS_MAP))


def build_reverse(tables: list[Table], *, noise: bool) -> Reverse:
    """Merge the reverse options of *tables* (all of one language)."""
    lang = tables[0].info.language
    best: dict[tuple[str, Option], float] = {}

    def add(lat: str, opt: Option, table: str) -> None:
        key = _norm_latin(lat)
        if not key:
            return
        k = (key, opt)
        best[k] = min(best.get(k, opt.cost), opt.cost)
        users[key, opt.cyr].add(table)

    users: dict[tuple[str, str], set[str]] = defaultdict(set)
    empties: set[str] = set()
    blocked: dict[str, set[tuple[bool, frozenset[str]]]] = defaultdict(set)
    for t in tables:
        for cyr, lats in t.letters.items():
            if cyr in APOSTROPHES:
                continue
            for i, lat in enumerate(lats):
                if lat == "":
                    empties.add(cyr)
                add(lat, Option(cyr, 0.0 if i == 0 else VARIANT_COST), t.info.name)
        for r in t.rules:
            after = frozenset(r.after) if r.after else (frozenset() if r.start else None)
            before = frozenset(r.before) if r.before else (frozenset() if r.end else None)
            for i, lat in enumerate(r.lat):
                if lat == "":
                    empties.add(r.cyr)
                    continue
                add(lat, Option(r.cyr, 0.0 if i == 0 else VARIANT_COST,
                                r.start, after, r.end, before), t.info.name)
            if len(r.cyr) == 1 and not (r.end or r.before) and len(tables) == 1:
                blocked[r.cyr].add((r.start, frozenset(r.after)))
    # in a group, a reading that few tables use costs more (a popularity prior)
    most = {key: max(len(v) for (k, _), v in users.items() if k == key) for key, _ in users}
    options: dict[str, list[Option]] = defaultdict(list)
    for (key, opt), cost in best.items():
        prior = PRIOR_WEIGHT * math.log10(most[key] / len(users[key, opt.cyr]))
        options[key].append(
            Option(opt.cyr, cost + prior, opt.start, opt.after, opt.end, opt.before)
        )
    merged = {k: tuple(dict.fromkeys(v)) for k, v in options.items()}
    return Reverse(
        lang=lang,
        options=merged,
        maxlen=max(len(k) for k in merged),
        blocked={k: tuple(v) for k, v in blocked.items()},
        empties=tuple(sorted(e for e in empties if len(e) == 1)),
        noise=noise,
        latin_chars=frozenset("".join(merged)),
    )


def _prev_ok(opt: Option, cyr: str) -> bool:
    if opt.after is None:
        return True
    if not cyr:
        return opt.start
    return cyr[-1] in opt.after


class _Decoder:
    def __init__(self, rev: Reverse, lm: CharModel) -> None:
        self.rev = rev
        self.lm = lm
        self.pad = "^" * (lm.order - 1)
        self._cache: dict[tuple[str, str], float] = {}

    def lm_add(self, cyr: str, add: str) -> float:
        total = 0.0
        hist = (self.pad + cyr)[-(self.lm.order - 1):] if self.lm.order > 1 else ""
        for ch in add:
            key = (hist, ch)
            v = self._cache.get(key)
            if v is None:
                v = self._cache[key] = self.lm.logp(hist, ch)
            total += v
            hist = (hist + ch)[1:] if self.lm.order > 1 else ""
        return total

    def blocked_cost(self, letter: str, cyr: str) -> float:
        for start, after in self.rev.blocked.get(letter, ()):
            if (start and not cyr) or (cyr and cyr[-1] in after):
                return BLOCKED_COST
        return 0.0

    def decode(self, word: str, cased: str, nbest: int) -> list[tuple[float, str]]:
        """Best readings of the lower-case *word*, in the letter case of *cased*."""
        rev = self.rev
        n = len(word)
        caps = _all_caps(cased)
        # state: cyr -> (score, pending next-side constraint, empty letter just
        # inserted, word end allowed despite the pending constraint, cased cyr)
        State = tuple[float, "frozenset[str] | None", bool, bool, str]
        layers: list[dict[str, State]] = [{} for _ in range(n + 1)]
        layers[0][""] = (0.0, None, False, False, "")

        def push(pos: int, cyr: str, st: State) -> None:
            old = layers[pos].get(cyr)
            if old is None or st[0] > old[0]:
                layers[pos][cyr] = st

        for i in range(n):
            layer = layers[i]
            if not layer:
                continue
            ranked = sorted(layer.items(), key=lambda kv: -kv[1][0])[:BEAM]
            # letters written as nothing (ь, ъ) may stand between two chunks
            if rev.empties:
                for cyr, (score, pend, inserted, _pe, cc) in list(ranked):
                    if not cyr or inserted or pend is not None or cyr[-1] in VOWELS | SIGNS:
                        continue
                    for e in rev.empties:
                        new = cyr + e
                        st = (score - EMPTY_COST + self.lm_add(cyr, e), None, True, False,
                              cc + (e.upper() if caps else e))
                        if new not in layer or layer[new][0] < st[0]:
                            layer[new] = st
                            ranked.append((new, st))
            for length in range(1, min(rev.maxlen, n - i) + 1):
                key = word[i : i + length]
                opts = rev.options.get(key)
                if not opts:
                    continue
                at_end = i + length == n
                chunk = cased[i : i + length]
                upper = caps or (chunk[:1].isupper() and (length > 1 or n == 1 or
                                                         cased[i + 1 : i + 2].isupper()))
                for opt in opts:
                    out = (opt.cyr.upper() if upper else title(opt.cyr) if chunk[:1].isupper()
                           else opt.cyr)
                    if opt.before is not None and not opt.before and not at_end:
                        continue  # an end-only rule
                    for cyr, (score, pend, _ins, _pe, cc) in ranked:
                        if pend is not None and opt.cyr[0] not in pend:
                            continue
                        if not _prev_ok(opt, cyr):
                            continue
                        cost = opt.cost
                        if opt.after is None and len(opt.cyr) == 1:
                            cost += self.blocked_cost(opt.cyr, cyr)
                        s = score - cost + self.lm_add(cyr, opt.cyr)
                        new_pend: frozenset[str] | None = None
                        end_ok = False
                        if opt.before is not None:
                            if at_end:
                                if not opt.end:
                                    continue
                            else:
                                new_pend = opt.before if opt.before else frozenset()
                                end_ok = opt.end
                        push(i + length, cyr + opt.cyr, (s, new_pend, False, end_ok, cc + out))
            if rev.noise:
                ch = word[i]
                # a silent h after a consonant (Chikhov for Чиков)
                if ch == "h" and i > 0 and word[i - 1] not in "aeiouyh":
                    for cyr, st in ranked:
                        if cyr and st[1] is None:
                            push(i + 1, cyr, (st[0] - NOISE_COST, *st[1:]))
                # a doubled consonant written for a single one
                if i + 1 < n and word[i + 1] == ch and ch not in "aeiouy":
                    for cyr, st in ranked:
                        if cyr and st[1] is None and cyr[-1] not in VOWELS | SIGNS:
                            push(i + 1, cyr, (st[0] - NOISE_COST, *st[1:]))
        finals = []
        for cyr, (score, pend, _ins, pend_end, cc) in layers[n].items():
            if pend is not None and not pend_end:
                continue
            finals.append((score + self.lm_add(cyr, "$"), cc))
        finals.sort(key=lambda x: (-x[0], x[1]))
        return finals[:nbest]


@lru_cache(maxsize=None)
def _group(spec: str) -> tuple[Reverse, ...]:
    tables = REGISTRY.tables()
    key = spec.strip().lower()
    if key == "auto":
        chosen = tables
    elif key in ALPHABETS:
        chosen = [t for t in tables if t.info.language == key]
    elif any(t.info.press == key for t in tables):
        chosen = [t for t in tables if t.info.press == key]
    else:
        try:
            table = REGISTRY.get(spec)
        except UnknownSchemeError as exc:
            groups = ["auto", *ALPHABETS, *sorted({t.info.press for t in tables if t.info.press})]
            raise UnknownSchemeError(spec, groups + exc.valid) from None
        return (build_reverse([table], noise=False),)
    by_lang: dict[str, list[Table]] = defaultdict(list)
    for t in chosen:
        by_lang[t.info.language].append(t)
    return tuple(build_reverse(ts, noise=True) for _, ts in sorted(by_lang.items()))


def _all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _fold_foreign(word: str, known: frozenset[str]) -> str:
    """Strip accents from letters the tables never write (Chíkov → Chikov)."""
    out = []
    for c in word:
        if c in known or c.isascii():
            out.append(c)
        else:
            base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
            out.append(base if len(base) == 1 else c)
    return "".join(out)


@lru_cache(maxsize=4096)
def _decode_word(spec: str, word: str, nbest: int) -> tuple[tuple[float, str], ...]:
    merged: dict[str, float] = {}
    lower = _norm_latin(word)
    cased = unicodedata.normalize("NFC", word.translate(_APOS_MAP))
    if len(cased) != len(lower):  # a letter whose lower case has another length
        cased = lower
    for rev in _group(spec):
        w = _fold_foreign(lower, rev.latin_chars)
        c = "".join(a if a.lower() == b else b for a, b in zip(cased, w, strict=True))
        for score, cyr in _Decoder(rev, model(rev.lang)).decode(w, c, nbest):
            if cyr not in merged or merged[cyr] < score:
                merged[cyr] = score
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:nbest]
    return tuple((s, c) for c, s in ranked)


def detransliterate(text: str, scheme_or_lang: str = "auto", *, limit: int = 5) -> list[str]:
    """Return up to *limit* Cyrillic readings of the Latin *text*, best first.

    *scheme_or_lang* is a scheme name or alias (read that table backwards),
    a press language (``"de"``, ``"pl"``, … : all its press profiles), a
    source language (``"ru"``, ``"uk"``, ``"be"``: all its tables) or
    ``"auto"`` (every table and profile, rankings merged).  Letter case
    follows the input; characters other than Latin letters pass through.

    >>> detransliterate("Tschikow", "de")[0]
    'Чиков'
    >>> detransliterate("Szojgu", "pl")[0]
    'Шойгу'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not isinstance(limit, int) or limit < 1:
        raise ValueError("limit must be a positive integer")
    _group(scheme_or_lang)  # validate the name even for text with no Latin word
    text = unicodedata.normalize("NFC", text)
    combos: list[tuple[float, str]] = [(0.0, "")]
    pos = 0
    for m in _WORD_RE.finditer(text):
        literal = text[pos : m.start()]
        word = m.group()
        pos = m.end()
        if not any(c.isascii() or unicodedata.normalize("NFD", c)[0].isascii() for c in word):
            combos = [(s, c + literal + word) for s, c in combos]
            continue
        cased = _decode_word(scheme_or_lang, word, max(limit, 5))
        if not cased:
            combos = [(s, c + literal + word) for s, c in combos]
            continue
        combos = sorted(
            ((s1 + s2, c + literal + w) for s1, c in combos for s2, w in cased),
            key=lambda x: -x[0],
        )[: max(limit, 5)]
    tail = text[pos:]
    out = list(dict.fromkeys(c + tail for _, c in combos))
    return out[:limit]
