"""Finding gazetteer names in running text, with exact offsets.

The text is folded once (:func:`~normalize.fold.scan_fold`, which keeps a
map back to the caller's offsets) and cut into tokens, runs of letters and
digits.  A token can start a mention only if it is the first token of some
index key (``NameIndex.starts``: every name, case form, order and Latin
spelling, compiled at load time), a number or a capitalised word; those
tokens are picked out without a Python loop (``map`` and ``compress`` over
the token list), and only they are visited.  From such a token the longest
run of tokens whose joined compact key is in the index is taken (a run
stops as soon as no key starts so), and the index step of the resolver
decides on the surface exactly as :func:`normalize.resolve` would (the same
vetoes: a lower-case word is not a person, an ambiguous name is not taken
on its own).  What a word or a surface resolves to is cached, so a name
that recurs in a long text is decided once.

Besides that dictionary scan:

* a number starts a unit designation (``331st Guards Parachute Regiment``,
  ``331-го гв. пдп``) that runs over the designation words after it;
* a capitalised token that the index nearly matches (its blocking keys are
  taken) goes to fuzzy matching, and one with a Latin case ending
  (``Pskovas``, ``Tschetscheniens``) to the ending step;
* a hyphen or a space inside a name (``Ros-gvardia``, ``Media Zona``) and a
  hyphenated line break join tokens.

Document context, after the scan: a mention whose candidates the resolver
could not tell apart (a surname several people share, a name marked
ambiguous such as Agora or Kursk) links to the one candidate named
unambiguously elsewhere in the same text, or related to an entity named
there (its parent, child or garrison, or a person affiliated with it:
Chikov for Agora), or named with a cue word of its kind just before it
(``Stadt Wladimir``, ``правозащитная группа «Агора»``);
otherwise it stays unlinked.  A bare ordinal (``the 331st``) links to the
unit with that number named in the text.

Overlaps: longest first, then leftmost, as spaCy's ``filter_spans`` does
(``overlap="longest"``), or every candidate span (``overlap="all"``).  A
name found with the word for its kind before it (``Телеканал «Дождь»``,
``партии Яблоко``) is reported as the name alone, unless the entity's own
name in some language carries the word (``groupe Wagner``).

The scan is written here rather than taken from an Aho-Corasick library
because a mention is decided token by token (word boundaries in every
script, case forms and Latin spellings that share one compact key, joins
across hyphens), and because the index it reads is the resolver's own, so
a name found in text and the same name resolved alone always agree.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count

from . import designation, qualifiers
from .datafiles import read_data
from .errors import DataError
from .fold import fold, scan_fold
from .index import Entry, blocking_keys
from .keys import compact_key
from .resolver import LATIN_ENDINGS, Match, Resolver

OVERLAPS = ("longest", "all")
#: What may stand between two tokens of one name: a space or a line break,
#: a hyphen, an apostrophe, a comma ("Chikov, Pavel"), a full stop after an
#: initial ("В. В. Путин"), the quotes, brackets and slashes that names
#: carry ("БДК «Оленегорский горняк»", "бригада (горная)", "Radio Free
#: Europe/Radio Liberty"); a hyphenated line break.
_SPLIT = re.compile(r"([^\W_]+)")  # TOKEN, captured: split keeps the separators
_GAP = re.compile(r"[ \t]?[-'.,/«»\"“”„()&]{0,2}[ \t]?\n?[ \t]?|-[ \t]*\r?\n[ \t]*"
                  r"|[ \t]*\r?\n[ \t]*")
_MAX_GAP = 6
#: Tokens a designation may run over after its number, at most.
_MAX_DESIGNATION = 8
_PIECES_MAX = 200_000
_CACHE_MAX = 50_000  # entries per look-up cache (least recently used go first)
#: How close (in characters) an entity of the same kind must be to count as
#: context for an ambiguous name.
_NEAR = 100
_Orig = Callable[[int, int], tuple[int, int]]  # folded offsets → the caller's
_Joinable = Callable[[int, int], bool]  # may tokens k, k + 1 be one name that starts at a?


class _Pieces(dict[str, str]):
    """Token → its compact key, computed on first sight."""

    def __missing__(self, token: str) -> str:
        p = self[token] = compact_key(token)
        return p


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer entity named in text: ``text[start:end]`` is ``surface``
    exactly, in the caller's string."""

    start: int
    end: int
    text: str
    id: str
    kind: str
    name: str
    score: float
    method: str


@dataclass(slots=True)
class _Span:
    """A candidate span, in token indices, and what the resolver said."""

    first: int
    last: int  # inclusive
    start: int  # offsets in the original text
    end: int
    found: list[Match]
    chosen: Match | None
    method: str | None = None  # set when context decided


class Finder:
    """Mention finding over one resolver's index (see the module docstring)."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver
        index = resolver.index
        self.starts = index.starts
        self.compact = index.compact
        self.surnames = index.surnames
        self._pieces: dict[str, str] = _Pieces()
        self._starters = frozenset(index.starts) | frozenset(index.surnames)
        self._sorted_keys = sorted(index.compact)
        self._related: dict[str, set[str]] | None = None
        # what a word or a surface resolves to, decided once per Finder
        memo = lru_cache(maxsize=_CACHE_MAX)
        self._index_step = memo(self._index_step_of)
        self._alone = memo(self._alone_of)
        self._fuzzy = memo(self._fuzzy_of)
        self._nearly = memo(self._nearly_of)
        self._descriptor = memo(self._descriptor_of)

    # ----------------------------------------------------------------- API
    def find(self, text: str, *, kinds: Iterable[str] | None = None,
             overlap: str = "longest") -> list[Mention]:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        if overlap not in OVERLAPS:
            raise ValueError(f"overlap must be one of {', '.join(OVERLAPS)}, not {overlap!r}")
        wanted = set(kinds) if kinds is not None else None
        folded, where = scan_fold(text)
        # tokens as (start, end, text), cut in C: the split keeps the
        # separators, so running sums of the lengths are the offsets
        parts = _SPLIT.split(folded)
        bounds = list(accumulate(map(len, parts)))
        tokens = list(zip(bounds[0:-1:2], bounds[1::2], parts[1::2], strict=True))
        spans = self._scan(text, folded, where, tokens, wanted, every=overlap == "all")
        self._context(text, spans)
        if overlap == "longest":
            spans = _longest_first(spans, len(tokens))
        out = []
        for sp in spans:
            m = sp.chosen
            if m is None:
                continue
            self._trim_descriptor(text, sp)
            out.append(Mention(sp.start, sp.end, text[sp.start:sp.end], m.id, m.kind, m.name,
                               m.score, sp.method or m.method))
        out.sort(key=lambda x: (x.start, -x.end, x.id))
        return out

    # ---------------------------------------------------------------- scan

    def _scan(self, text: str, folded: str, where: list[int] | None,
              tokens: list[tuple[int, int, str]], kinds: set[str] | None, *,
              every: bool) -> list[_Span]:
        starts, compact, surnames = self.starts, self.compact, self.surnames
        preps = _cue_words()[0]
        if len(self._pieces) > _PIECES_MAX:
            self._pieces.clear()
        texts = [t for _a, _b, t in tokens]
        pieces = list(map(self._pieces.__getitem__, texts))
        n = len(tokens)
        # the tokens that can start a mention, found without a Python loop:
        # a key's first token or a surname, a number, a capital letter
        firsts = [a for a, _b, _t in tokens] if where is None else [
            where[a] for a, _b, _t in tokens]
        todo = set(compress(count(), map(self._starters.__contains__, pieces)))
        todo.update(compress(count(), map(":".__gt__, texts)))  # "0" <= first < ":"
        todo.update(compress(count(), map(str.isupper, map(text.__getitem__, firsts))))
        spans: list[_Span] = []
        covered = -1  # the last token of the last mention found (longest mode)

        def orig(a: int, b: int) -> tuple[int, int]:
            if where is None:
                return a, b
            return where[a], where[b - 1] + 1

        def capitalised(k: int) -> bool:
            a = tokens[k][0]
            return text[where[a] if where is not None else a].isupper()

        def joinable(k: int, first: int) -> bool:
            gap = folded[tokens[k][1]:tokens[k + 1][0]]
            if len(gap) > _MAX_GAP or not _GAP.fullmatch(gap):
                return False
            if any(c in _CLOSERS for c in gap) and not _unclosed(
                    folded[tokens[first][0]:tokens[k][1]]):
                return False  # "(FSB) è": a bracket closes only what the name opened
            # a full stop ends a sentence unless it follows an initial
            return "." not in gap or len(tokens[k][2]) == 1

        for i in sorted(todo):
            p = pieces[i]
            longest = starts.get(p, 0)
            if not longest and p not in surnames:
                if p[:1].isdigit():
                    if i > covered or every:
                        spans += self._designation(text, tokens, i, orig, joinable, kinds)
                    continue
                if (i > covered or every) and capitalised(i):
                    spans += self._capitalised(text, tokens, pieces, i, orig, joinable, kinds)
                continue
            if i <= covered and not every:
                continue
            # the longest run of tokens from here whose compact key is a key
            last = i
            prefix = p
            while last + 1 < n and last - i + 1 < longest and joinable(last, i):
                prefix += pieces[last + 1]
                if not self._is_prefix(prefix):
                    break  # no key goes on so
                last += 1
            key_parts = pieces[i:last + 1]
            found_any = False
            for j in range(last, i - 1, -1):
                key = "".join(key_parts[:j - i + 1])
                if j > i and tokens[j][2] in preps:
                    continue  # "ФСБ у": a case form must not swallow a preposition
                if key in compact or (j == i and key in surnames):
                    sp = self._decide_span(text, tokens, i, j, orig, kinds)
                    if sp is not None:
                        spans.append(sp)
                        found_any = True
                        if not every:
                            covered = j
                            break
            if not found_any:
                if p[:1].isdigit():
                    spans += self._designation(text, tokens, i, orig, joinable, kinds)
                elif capitalised(i):
                    spans += self._capitalised(text, tokens, pieces, i, orig, joinable, kinds)
        return spans

    def _trim_descriptor(self, text: str, sp: _Span) -> None:
        """A name found with the word for its kind before it ("Телеканал
        «Дождь»", "партии Яблоко") is the name alone: the descriptor decided
        which entity, the mention is the name, unless the entity's own name
        in some language carries the word ("groupe Wagner", "Grupo Wagner")."""
        surface = text[sp.start:sp.end]
        if " " not in surface or sp.chosen is None:
            return
        cut = self._descriptor(surface, sp.chosen.id)
        if cut is not None:
            sp.start += cut[0]
            sp.end = sp.start + cut[1]

    def _descriptor_of(self, surface: str, eid: str) -> tuple[int, int] | None:
        """The offset and length of the name in *surface* after a leading
        descriptor, or None."""
        first = fold(surface.split(None, 1)[0]).strip("«»\"“”„'(")
        if not qualifiers.vocabulary().may_start(first):
            return None  # the quick test: no descriptor word comes first
        q = qualifiers.split(surface)
        if not q.kinds or q.countries or q.name == surface:
            return None
        name = q.name.strip("«»\"“”„' ")
        k = surface.rfind(name)
        if not name or k <= 0 or not surface[:k].rstrip("«\"“„ "):
            return None
        # the entity's own name in each language (its first) says whether the
        # word belongs to the name: "groupe Wagner" is Wagner's French name
        firsts = {names[0] for names in self.r.entities[eid].names.values() if names}
        if any(e.entity == eid and e.variant in firsts for e in self.r.index.lookup(surface)):
            return None
        if any(e.entity == eid and e.variant in firsts for e in self.r.index.lookup(name)):
            return k, len(name)
        return None

    def _is_prefix(self, s: str) -> bool:
        """Whether some compact key of the index starts with *s*."""
        k = bisect.bisect_left(self._sorted_keys, s)
        return k < len(self._sorted_keys) and self._sorted_keys[k].startswith(s)

    def _decide_span(self, text: str, tokens: list[tuple[int, int, str]], i: int, j: int,
                     orig: _Orig, kinds: set[str] | None,
                     found: list[Match] | None = None) -> _Span | None:
        """The span of tokens *i*..*j* as the resolver's index step sees it
        (or with the matches *found* by another step)."""
        start, end = orig(tokens[i][0], tokens[j][1])
        end = _close(text, start, end)
        surface = text[start:end]
        if found is None:
            found, entries = self._index_step(surface, _frozen(kinds))
        else:
            entries = self.r.index.lookup(surface)
        if not found:
            return None
        chosen = self.r.decide(found)
        if chosen is not None:
            own = [e for e in entries if e.entity == chosen.id]
            if own and all(e.ambiguous for e in own):
                chosen = None  # a name marked ambiguous needs context
        return _Span(i, j, start, end, found, chosen)

    def _capitalised(self, text: str, tokens: list[tuple[int, int, str]], pieces: list[str],
                     i: int, orig: _Orig, joinable: _Joinable,
                     kinds: set[str] | None) -> list[_Span]:
        """A capitalised token that starts no key: a name split by a hyphen
        or a space, a Latin case ending, a typo."""
        p = pieces[i]
        if i + 1 < len(tokens) and joinable(i, i):
            joined = p + pieces[i + 1]
            if joined in self.compact:  # Ros-gvardia, Media Zona
                sp = self._decide_span(text, tokens, i, i + 1, orig, kinds)
                if sp is not None:
                    return [sp]
            a, _b = orig(tokens[i + 1][0], tokens[i + 1][1])
            if (pieces[i + 1][:1].isalpha() and text[a].isupper() and len(joined) >= 8
                    and self._nearly(joined)):
                start, end = orig(tokens[i][0], tokens[i + 1][1])
                found = self._fuzzy(text[start:end], _frozen(kinds))
                if found:  # Paweł Czikow
                    sp = self._decide_span(text, tokens, i, i + 1, orig, kinds, found)
                    if sp is not None:
                        return [sp]
        if len(p) < 5 or not p.isalpha():
            return []
        start, end = orig(tokens[i][0], tokens[i][1])
        surface = text[start:end]
        alone = self._alone(p, surface, _frozen(kinds))
        sp = self._decide_span(text, tokens, i, i, orig, kinds, alone) if alone else None
        return [sp] if sp is not None else []

    def _index_step_of(self, surface: str,
                       kinds: frozenset[str] | None) -> tuple[list[Match], list[Entry]]:
        return self.r.index_step(surface, _thawed(kinds))

    def _alone_of(self, p: str, surface: str,
                  frozen: frozenset[str] | None) -> list[Match] | None:
        """What a capitalised word alone resolves to by its Latin case ending
        or as a typo (the same for every occurrence of the word)."""
        kinds = _thawed(frozen)
        if surface.isupper():
            return None  # an acronym is found as written or not at all
        for ending, repls in LATIN_ENDINGS:
            if p.endswith(ending) and len(p) - len(ending) >= 3:
                stem = p[: len(p) - len(ending)]
                if any(stem + r in self.compact for r in repls):
                    found = self.r._step_stem(surface, kinds)
                    if found:
                        return found
                    break
        if len(p) < 6 or not self._nearly(p):
            return None
        return self._fuzzy(surface, frozen)

    def _fuzzy_of(self, surface: str, kinds: frozenset[str] | None) -> list[Match]:
        return self.r._step_fuzzy(surface, _thawed(kinds))

    def _nearly_of(self, piece: str) -> bool:
        """Whether the index holds a key of about this length that shares
        two of its three blocking keys with *piece* (its start, its end,
        its consonants): a typo inside a name keeps at least two."""
        blocks = self.r.index.blocks
        groups = blocking_keys(piece, slack=1)
        per = 3  # the lengths of one blocking key (slack 1)
        hits = sum(any(k in blocks for k in groups[g:g + per])
                   for g in range(0, len(groups), per))
        return hits >= 2

    def _designation(self, text: str, tokens: list[tuple[int, int, str]], i: int,
                     orig: _Orig, joinable: _Joinable,
                     kinds: set[str] | None) -> list[_Span]:
        """A unit designation that starts with the number at token *i*."""
        if kinds is not None and "unit" not in kinds:
            return []
        n = len(tokens)
        last = i
        while (last + 1 < n and last - i < _MAX_DESIGNATION
               and (joinable(last, i) or (last == i and _ordinal_dot(text, tokens, i, orig)))
               and designation.is_term(tokens[last + 1][2])):
            last += 1
        for j in range(last, i, -1):
            if designation.is_glue(tokens[j][2]):
                continue  # "331 … Pułku w Kostromie": a glue word does not end a designation
            start, end = orig(tokens[i][0], tokens[j][1])
            found = self.r._step_designation(text[start:end], kinds)
            if found:
                sp = self._decide_span(text, tokens, i, j, orig, kinds, found)
                return [sp] if sp is not None else []
        tok = tokens[i][2]
        if not tok.isdigit() and designation.is_term(tok.lstrip("0123456789")):
            # "the 331st" alone: the unit of that number named in the text
            return [_Span(i, i, *orig(tokens[i][0], tokens[i][1]), [], None, "ordinal")]
        return []

    # -------------------------------------------------------------- context
    def _context(self, text: str, spans: list[_Span]) -> None:
        """Decide the spans the resolver left open, by the rest of the text."""
        named = {sp.chosen.id for sp in spans if sp.chosen is not None}
        open_spans = [sp for sp in spans if sp.chosen is None]
        if not open_spans:
            return
        related = set()
        numbered: dict[str, list[str]] = {}
        for eid in sorted(named):
            related |= self._relatives().get(eid, set())
            e = self.r.entities[eid]
            if e.kind == "unit" and e.number:
                numbered.setdefault(e.number, []).append(eid)
        sure = sorted((o.start, o.chosen.kind) for o in spans if o.chosen is not None)
        sure_starts = [a for a, _k in sure]
        for sp in open_spans:
            if sp.method == "ordinal":
                number = re.match(r"\d+", text[sp.start:sp.end])
                units = numbered.get(number.group(), []) if number else []
                if len(units) == 1:
                    u = self.r.entities[units[0]]
                    sp.chosen = Match(u.id, u.kind, u.name, 0.8, "context", u.name, "number")
                    sp.method = "context"
                continue
            ids = sorted({m.id for m in sp.found})
            if _link(sp, [x for x in ids if x in named]) or _link(
                    sp, [x for x in ids if x in related]):
                continue
            # an entity of the same kind named close by ("Meduza and
            # Mediazona", "Kursk and Belgorod")
            lo = bisect.bisect_left(sure_starts, sp.start - _NEAR)
            hi = bisect.bisect_right(sure_starts, sp.start + _NEAR)
            near = {kind for _s, kind in sure[lo:hi]}
            if _link(sp, [x for x in ids if self.r.entities[x].kind in near]):
                continue
            cue_kinds = _cue_kinds(text, sp.start)
            if _place_cue(text, sp.start):
                cue_kinds |= {"place"}
            if cue_kinds:
                _link(sp, [x for x in ids if self.r.entities[x].kind in cue_kinds])

    def _relatives(self) -> dict[str, set[str]]:
        """Entity id → the ids of its parent, children, garrison and
        affiliations (both ways)."""
        if self._related is None:
            rel: dict[str, set[str]] = {}
            for e in self.r.entities.values():
                for other in (e.parent, e.garrison, *e.affiliations):
                    if other and other in self.r.entities:
                        rel.setdefault(e.id, set()).add(other)
                        rel.setdefault(other, set()).add(e.id)
            self._related = rel
        return self._related


_PAIRS = {"«": "»", "(": ")", "„": "“”", "“": "”"}
_CLOSERS = frozenset("»)”")  # never open a quote (“ opens in English, closes in German)
_ALL_CLOSERS = frozenset("»)”“")


def _unclosed(span: str) -> bool:
    """Whether *span* opens a quote or a bracket that it does not close."""
    return any(span.count(o) > sum(span.count(c) for c in cs) for o, cs in _PAIRS.items())


def _close(text: str, start: int, end: int) -> int:
    """*end*, moved past the closing quotes or brackets of those the span
    opened ("БДК «Оленегорский горняк»", "бригада (горная)")."""
    while end < len(text) and text[end] in _ALL_CLOSERS and _unclosed(text[start:end]):
        end += 1
    return end


def _frozen(kinds: set[str] | None) -> frozenset[str] | None:
    return frozenset(kinds) if kinds is not None else None


def _thawed(kinds: frozenset[str] | None) -> set[str] | None:
    return set(kinds) if kinds is not None else None


def _link(sp: _Span, hits: list[str]) -> bool:
    """Link *sp* to its candidate when context leaves exactly one."""
    if len(hits) != 1:
        return False
    sp.chosen = next(m for m in sp.found if m.id == hits[0])
    sp.method = "context"
    return True


def _cue_kinds(text: str, start: int) -> frozenset[str]:
    """The kinds that a descriptor word just before *start* asks for
    ("Stadt Wladimir", "группа «Агора»")."""
    window = text[max(0, start - 40):start]
    words = window.split()[-3:]
    if not words:
        return frozenset()
    q = qualifiers.split(" ".join(words) + " X")
    if q.kinds is None:
        return frozenset()
    return q.kinds | ({"place"} if "region" in q.kinds else frozenset())


@lru_cache(maxsize=1)
def _cue_words() -> tuple[frozenset[str], frozenset[str]]:
    """The prepositions and the place cues of ``data/titles.yaml``, folded."""
    data = read_data("titles.yaml")
    try:
        return (frozenset(fold(str(w)) for w in data["titles"]["prepositions"]),
                frozenset(fold(str(w)) for w in data["place_cues"]))
    except (KeyError, TypeError) as exc:
        raise DataError(f"prepositions or place_cues missing: {exc}",
                        path="normalize/data/titles.yaml") from None


def _ordinal_dot(text: str, tokens: list[tuple[int, int, str]], i: int, orig: _Orig) -> bool:
    """Whether the number at token *i* is followed by an ordinal full stop
    ("76. Garde-Luftsturmdivision")."""
    _a, end = orig(tokens[i][0], tokens[i][1])
    return text[end:end + 2] in (". ", ".\u00a0")


def _place_cue(text: str, start: int) -> bool:
    """Whether the word just before *start* is a locative preposition."""
    words = text[max(0, start - 12):start].split()
    return bool(words) and text[start - 1:start].isspace() and fold(words[-1]) in _cue_words()[1]


def _longest_first(spans: list[_Span], n_tokens: int) -> list[_Span]:
    """Non-overlapping spans: longest first, then leftmost."""
    chosen = [sp for sp in spans if sp.chosen is not None]
    chosen.sort(key=lambda sp: (-(sp.end - sp.start), sp.start))
    taken = bytearray(n_tokens)
    out = []
    for sp in chosen:
        if not any(taken[sp.first:sp.last + 1]):
            taken[sp.first:sp.last + 1] = b"\x01" * (sp.last - sp.first + 1)
            out.append(sp)
    return out
