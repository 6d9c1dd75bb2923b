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
from functools import cache, lru_cache
from typing import NamedTuple

from .errors import UnknownSchemeError
from .langmodel import CharModel, model
from .letters import ALPHABETS, APOSTROPHES, title
from .schemes import REGISTRY, Table

VARIANT_COST = 0.7
BLOCKED_COST = 1.0
EMPTY_COST = 0.6
NOISE_COST = 1.5
PRIOR_WEIGHT = 0.5
#: When a group reads a word in several languages, how much less likely a
#: Ukrainian or Belarusian reading is a priori (the toolkit follows Russian
#: bodies first; a clearly Ukrainian spelling such as Kharkiv still wins).
LANG_PRIOR = {"ru": 0.0, "uk": -2.0, "be": -3.0}
#: How far behind (log10) another language's best reading may be and still
#: be placed second.
LANG_MARGIN = 8.0
BEAM = 48
VOWELS = set("аеёиоуыэюяєіїў")
SIGNS = set("ьъ'")
_APOS_MAP = {ord(c): "'" for c in APOSTROPHES} | {ord("ʺ"): '"', ord("”"): '"'}
#: Marks that some schemes write as (part of) a letter: ʹ for ь, ` in GOST 7.79 B.
MARKS = "'’ʼʹʺ`´\"”"
_WORD_RE = re.compile(f"[^\\W\\d_](?:[^\\W\\d_]|[\u0300-\u036f{re.escape(MARKS)}])*")
COPY_COST = 4.0


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


def _norm_latin(s: str, *, fold_marks: bool = True) -> str:
    """Lower case and NFC; in groups also one apostrophe for all look-alikes."""
    s = unicodedata.normalize("NFC", s.lower())
    return s.translate(_APOS_MAP) if fold_marks else s


def build_reverse(tables: list[Table], *, noise: bool) -> Reverse:
    """Merge the reverse options of *tables* (all of one language)."""
    lang = tables[0].info.language
    best: dict[tuple[str, Option], float] = {}

    def add(lat: str, opt: Option, table: str) -> None:
        key = _norm_latin(lat, fold_marks=noise)
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


class _Hyp(NamedTuple):
    """A partial reading: the Cyrillic so far is the key of the layer dict."""

    score: float
    pending: frozenset[str] | None  # letters the next one must be (a `before` rule)
    end_ok: bool  # ... unless the word ends here
    inserted: bool  # the last letter was written as nothing (ь)
    cased: str  # the reading in the letter case of the input


class _Decoder:
    """Beam search over the segmentations of one Latin word."""

    def __init__(self, rev: Reverse, lm: CharModel) -> None:
        self.rev = rev
        self.lm = lm
        self.pad = "^" * (lm.order - 1)
        self._cache: dict[tuple[str, str], float] = {}

    def lm_add(self, cyr: str, add: str) -> float:
        """log10 probability of appending *add* to *cyr*."""
        total = 0.0
        keep = self.lm.order - 1
        hist = (self.pad + cyr)[len(self.pad) + len(cyr) - keep :] if keep else ""
        for ch in add:
            v = self._cache.get((hist, ch))
            if v is None:
                v = self._cache[hist, ch] = self.lm.logp(hist, ch)
            total += v
            hist = (hist + ch)[1:] if keep else ""
        return total

    def blocked_cost(self, letter: str, cyr: str) -> float:
        """Cost of writing *letter* plainly where the table's own rule would not."""
        for start, after in self.rev.blocked.get(letter, ()):
            if (start and not cyr) or (cyr and cyr[-1] in after):
                return BLOCKED_COST
        return 0.0

    def decode(self, word: str, cased: str, nbest: int) -> list[tuple[float, str]]:
        """Best readings of the lower-case *word*, in the letter case of *cased*."""
        n = len(word)
        caps = _all_caps(cased)
        layers: list[dict[str, _Hyp]] = [{} for _ in range(n + 1)]
        layers[0][""] = _Hyp(0.0, None, False, False, "")
        for i in range(n):
            if layers[i]:
                beam = sorted(layers[i].items(), key=lambda kv: -kv[1].score)[:BEAM]
                beam += self._insert_empties(beam, layers[i], caps)
                self._extend(word, cased, i, beam, layers, caps)
        return self._finish(layers[n], caps, nbest)

    def _push(self, layer: dict[str, _Hyp], cyr: str, hyp: _Hyp) -> bool:
        old = layer.get(cyr)
        if old is None or hyp.score > old.score:
            layer[cyr] = hyp
            return True
        return False

    def _insert_empties(self, beam: list[tuple[str, _Hyp]], layer: dict[str, _Hyp],
                        caps: bool) -> list[tuple[str, _Hyp]]:
        """Letters some table writes as nothing (ь, ъ) between two chunks."""
        added = []
        for cyr, h in beam:
            if not cyr or h.inserted or cyr[-1] in VOWELS | SIGNS:
                continue
            for e in self.rev.empties:
                if h.pending is not None and e not in h.pending:
                    continue
                new = _Hyp(h.score - EMPTY_COST + self.lm_add(cyr, e), None, False, True,
                           h.cased + (e.upper() if caps else e))
                if self._push(layer, cyr + e, new):
                    added.append((cyr + e, new))
        return added

    def _extend(self, word: str, cased: str, i: int, beam: list[tuple[str, _Hyp]],
                layers: list[dict[str, _Hyp]], caps: bool) -> None:
        rev, n = self.rev, len(word)
        for length in range(1, min(rev.maxlen, n - i) + 1):
            opts = rev.options.get(word[i : i + length])
            if not opts:
                continue
            at_end = i + length == n
            chunk = cased[i : i + length]
            if chunk.lower() == chunk.upper():  # ʹ, ʺ: case from the neighbours
                chunk = _neighbour_case(cased, i, length)
            upper = caps or (chunk[:1].isupper()
                             and (length > 1 or n == 1 or cased[i + 1 : i + 2].isupper()))
            for opt in opts:
                if opt.before is not None and not opt.before and not at_end:
                    continue  # an end-only rule
                if opt.before is not None and at_end and not opt.end:
                    continue  # a rule that needs a following letter
                out = (opt.cyr.upper() if upper
                       else title(opt.cyr) if chunk[:1].isupper() else opt.cyr)
                pending = opt.before if opt.before is not None and not at_end else None
                for cyr, h in beam:
                    if h.pending is not None and opt.cyr[0] not in h.pending:
                        continue
                    if not _prev_ok(opt, cyr):
                        continue
                    cost = opt.cost
                    if opt.after is None and len(opt.cyr) == 1:
                        cost += self.blocked_cost(opt.cyr, cyr)
                    score = h.score - cost + self.lm_add(cyr, opt.cyr)
                    self._push(layers[i + length], cyr + opt.cyr,
                               _Hyp(score, pending, opt.end, False, h.cased + out))
        ch = word[i]
        if not ch.isalpha() and not (ch in rev.latin_chars and unicodedata.combining(ch)):
            # a mark: a letter of the scheme, or punctuation kept as it is
            cost = COPY_COST if ch in rev.latin_chars else 0.0
            for cyr, h in beam:
                if h.pending is None:
                    self._push(layers[i + 1], cyr, h._replace(score=h.score - cost,
                                                              cased=h.cased + cased[i]))
        if not rev.noise:
            return
        silent_h = ch == "h" and i > 0 and word[i - 1] not in "aeiouyh"  # Chikhov: Чиков
        doubled = i + 1 < n and word[i + 1] == ch and ch not in "aeiouy"  # Rossija: Росия
        if silent_h or doubled:
            for cyr, h in beam:
                if cyr and h.pending is None and (silent_h or cyr[-1] not in VOWELS | SIGNS):
                    self._push(layers[i + 1], cyr, h._replace(score=h.score - NOISE_COST))

    def _finish(self, last: dict[str, _Hyp], caps: bool, nbest: int) -> list[tuple[float, str]]:
        finals = []
        for cyr, h in last.items():
            if h.pending is None or h.end_ok:
                finals.append((h.score + self.lm_add(cyr, "$"), h.cased))
            # a final letter written as nothing (Igor for Игорь)
            if cyr and not h.inserted and cyr[-1] not in VOWELS | SIGNS:
                for e in self.rev.empties:
                    if h.pending is None or e in h.pending:
                        s = (h.score - EMPTY_COST + self.lm_add(cyr, e)
                             + self.lm_add(cyr + e, "$"))
                        finals.append((s, h.cased + (e.upper() if caps else e)))
        finals.sort(key=lambda x: (-x[0], x[1]))
        return finals[:nbest]


@cache
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


def _latinish(c: str) -> bool:
    """True for a Latin letter or a mark a scheme may write (ʹ ʺ ` …)."""
    return c.isascii() or c in MARKS or unicodedata.name(c, "").startswith(("LATIN", "MODIFIER"))


def _neighbour_case(cased: str, i: int, length: int) -> str:
    """A cased stand-in for a caseless chunk: the nearest cased letter before
    it, else after it, else lower case."""
    around: list[str] = [*reversed(cased[:i]), *cased[i + length :]]
    for ch in around:
        if ch.lower() != ch.upper():
            return ch
    return "x"


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
            nfd = unicodedata.normalize("NFD", c)
            base = "".join(x for x in nfd if not unicodedata.combining(x))
            out.append(base if len(base) == 1 else c)
    return "".join(out)


@lru_cache(maxsize=4096)
def _decode_word(spec: str, word: str, nbest: int) -> tuple[tuple[float, str], ...]:
    merged: dict[str, float] = {}
    groups = _group(spec)
    fold_marks = groups[0].noise
    lower = _norm_latin(word, fold_marks=fold_marks)
    cased = unicodedata.normalize("NFC", word)
    if fold_marks:
        cased = cased.translate(_APOS_MAP)
    if len(cased) != len(lower):  # a letter whose lower case has another length
        cased = lower
    heads: list[tuple[float, str]] = []  # the best reading of each language
    for rev in groups:
        w = _fold_foreign(lower, rev.latin_chars)
        c = "".join(a if a.lower() == b else b for a, b in zip(cased, w, strict=True))
        prior = LANG_PRIOR[rev.lang] if len(groups) > 1 else 0.0
        found = _Decoder(rev, model(rev.lang)).decode(w, c, nbest)
        for score, cyr in found:
            score += prior
            if cyr not in merged or merged[cyr] < score:
                merged[cyr] = score
        if found:
            heads.append((found[0][0] + prior, found[0][1]))
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    # The character models of two languages are not calibrated against each
    # other, so the runner-up language's best reading is kept right behind
    # the winner (Росгвардія, then Росгвардия) instead of behind the
    # winner's own spelling variants.
    if len(heads) > 1 and ranked:
        top = ranked[0][1]
        keep = [c for s, c in sorted(heads, reverse=True) if top - s <= LANG_MARGIN]
        order = [ranked[0][0], *(c for c in keep if c != ranked[0][0])]
        ranked = [(c, merged[c]) for c in order] + [kv for kv in ranked if kv[0] not in order]
    return tuple((s, c) for c, s in ranked[:nbest])


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
        if not any(map(_latinish, word)):
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
