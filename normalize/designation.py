"""Military unit designations: "331-й гв. пдп", "1st GTA", "20th CAA",
"76. Luftsturmdivision", "Pskov airborne division".

A designation is parsed into a number and features (a head type such as
division or regiment, and qualifiers such as guards, tank, airborne) using
the terms of ``data/unit_terms.yaml``; the gazetteer's units are parsed the
same way from their own names.  A query matches a unit when the numbers are
equal (a differing number never matches: the 313th is not the 331st), the
head types are equal and every type qualifier of the query is one of the
unit's (guards, separate and military may be left out or added: the press
does both).  Without a number, a place name in the query (Pskov, Ivanovo)
selects the units garrisoned there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_data
from .errors import DataError
from .fold import fold
from .gazetteer import Entity

#: Ordinal endings written after a number, with or without a hyphen (331st, 331-й).
_ENDINGS = ("st|nd|rd|th|й|я|е|ий|ый|ой|ая|ое|го|ого|му|ому|м|ом|ым|ю|ую|і|а|ої|ша|га|тя|ма|та"
            "|ї|ій|у")
_NUM = re.compile(
    rf"^(\d+)(?:-?(?:{_ENDINGS})|\.|\.[ªº°]|e|ème|º|ª|°|-?ste?|-?te|-?de|:e|:a|-asis|-oji|-ais|"
    r"-ā|-ajā|\.-?a)?$"
)
_SOFT = {"guards", "separate", "military"}
#: Qualifiers that reporting uses for one another (VDV for any airborne unit).
_FAMILIES = ({"airborne", "air-assault", "parachute"},)
_STOP = frozenset("de la le les du des der die das of the di del della van av och i и і в у w z "
                  "von".split())
_HEADS_ORDER = ("district", "fleet", "flotilla", "army", "corps", "division", "brigade",
                "regiment", "battalion", "base")


@dataclass(frozen=True, slots=True)
class Terms:
    words: tuple[tuple[str, str, bool], ...]  # (term, feature, is_prefix)
    abbreviations: dict[str, frozenset[str]]
    ordinals: dict[str, str]


@lru_cache(maxsize=1)
def terms() -> Terms:
    """The designation vocabulary, read on first use."""
    path = "normalize/data/unit_terms.yaml"
    data = read_data("unit_terms.yaml")
    try:
        words = []
        for group in ("heads", "qualifiers"):
            for feature, items in data[group].items():
                for t in items:
                    t = fold(str(t))
                    words.append((t.rstrip("*"), feature, t.endswith("*")))
        abbreviations = {fold(str(k)).replace(".", ""): frozenset(v)
                         for k, v in data["abbreviations"].items()}
        ordinals = {fold(w): str(n) for n, ws in data["ordinals"].items() for w in ws}
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"malformed unit terms: {exc}", path=path) from None
    # longest terms first so that "воздушно-десантн" wins over "десантн"
    words.sort(key=lambda w: -len(w[0]))
    return Terms(tuple(words), abbreviations, ordinals)


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern[str]:
    t = terms()
    heads = sorted({term for term, feature, _p in t.words if feature in _HEADS_ORDER},
                   key=len, reverse=True)
    abbrs = sorted(t.abbreviations, key=len, reverse=True)
    alts = [re.escape(h) for h in heads] + [rf"(?<![\w]){re.escape(a)}(?![\w])" for a in abbrs]
    return re.compile("|".join(alts))


def may_designate(text: str) -> bool:
    """A quick test: does *text* hold a unit head word or abbreviation at all?"""
    return _head_pattern().search(fold(text).replace(".", "")) is not None


#: An ordinal ending as a text token of its own (331-го, 331e, 76-asis).
_ORDINAL_SUFFIX = re.compile(rf"{_ENDINGS}|e|ème|re|er|º|ª|ste?|te|de|a|asis|oji|ais")


def is_glue(token: str) -> bool:
    """Whether the folded token is a glue word of designations (of, the, w, z, и).

    >>> is_glue("w"), is_glue("pułku")
    (True, False)
    """
    return token in _STOP


def is_ordinal_suffix(letters: str) -> bool:
    """Whether *letters* end an ordinal number (st, nd, ème, го, ...).

    >>> is_ordinal_suffix("nd"), is_ordinal_suffix("VD")
    (True, False)
    """
    return _ORDINAL_SUFFIX.fullmatch(letters.casefold()) is not None


@lru_cache(maxsize=4096)
def is_term(token: str) -> bool:
    """Whether the folded text token can be a word of a designation after
    its number: an ordinal ending, a unit term or abbreviation, a glue word
    (what :func:`parse` would find a head or a qualifier in, by one regex).

    >>> is_term("гв"), is_term("parachute"), is_term("го"), is_term("kharkiv")
    (True, True, True, False)
    >>> is_term("luftsturmdivision")
    True
    """
    if is_glue(token) or _ORDINAL_SUFFIX.fullmatch(token) or token in terms().abbreviations:
        return True
    return _term_pattern().fullmatch(token) is not None


@lru_cache(maxsize=1)
def _term_pattern() -> re.Pattern[str]:
    """A term as a whole token, a term that is a prefix with any ending, or a
    compound ending in a head word of five letters or more (the rules of
    :func:`parse` for one token)."""
    alts = []
    for term, feature, prefix in terms().words:
        alts.append(re.escape(term) + (r"\w*" if prefix else ""))
        if feature in _HEADS_ORDER and len(term) >= 5:
            alts.append(r"\w+" + re.escape(term))
    return re.compile("|".join(alts))


@dataclass(frozen=True, slots=True)
class Designation:
    number: str | None
    head: str | None
    qualifiers: frozenset[str]
    rest: tuple[str, ...]  # words that are neither numbers nor unit terms


def parse(text: str) -> Designation:
    """Parse a designation.

    >>> d = parse("331-й гв. пдп")
    >>> d.number, d.head, sorted(d.qualifiers)
    ('331', 'regiment', ['guards', 'parachute'])
    >>> parse("1st GTA").head, parse("Pskov airborne division").rest
    ('army', ('pskov',))
    """
    t = terms()
    number = None
    feats: set[str] = set()
    rest: list[str] = []
    for raw in re.split(r"[\s,;()«»\"]+", fold(text)):
        tok = raw.strip(".'")
        if not tok:
            continue
        m = _NUM.match(raw.strip("'"))
        if m and number is None:
            number = m.group(1)
            continue
        if tok in t.ordinals and number is None:
            number = t.ordinals[tok]
            continue
        abbr = tok.replace(".", "")
        if abbr in t.abbreviations:
            feats |= t.abbreviations[abbr]
            continue
        hit = False
        for part in (tok, *tok.split("-")) if "-" in tok else (tok,):
            for term, feature, prefix in t.words:
                if part == term or (prefix and part.startswith(term)):
                    feats.add(feature)
                    hit = True
                    break
            # a compound ending in a head word: Luftsturmdivision, Panzerarmee
            for term, feature, _prefix in t.words:
                if (feature in _HEADS_ORDER and len(term) >= 5 and part.endswith(term)
                        and part != term):
                    feats.add(feature)
                    hit = True
                    break
        if not hit and tok not in _STOP:
            rest.append(tok)
    heads = [h for h in _HEADS_ORDER if h in feats]
    head = heads[-1] if heads else None  # "army corps" → corps; "tank division" → division
    quals = frozenset(feats - set(_HEADS_ORDER))
    return Designation(number, head, quals, tuple(rest))


@dataclass(frozen=True, slots=True)
class UnitSig:
    entity: str
    number: str | None
    head: str | None
    qualifiers: frozenset[str]
    garrison: str | None
    words: frozenset[str]  # every folded word of the unit's names


def unit_signatures(entities: Iterable[Entity]) -> list[UnitSig]:
    """The designation of every unit, from its Russian and English names."""
    out = []
    for e in entities:
        if e.kind != "unit":
            continue
        head = None
        quals: set[str] = set()
        for lang in ("ru", "en", "uk"):
            for name in e.names.get(lang, ())[:2]:
                d = parse(name)
                if head is None and d.head is not None:
                    head = d.head
                quals |= d.qualifiers
        words = {w for _l, n, _r in e.all_names() for w in re.split(r"[\s,«»\"()]+", fold(n))}
        out.append(UnitSig(e.id, e.number, head, frozenset(quals), e.garrison,
                           frozenset(w for w in words if w)))
    return out


def matches(query: Designation, unit: UnitSig, *, by_number: bool = True) -> bool:
    """Whether a parsed query designates *unit* (see the module docstring).

    Words of the query that are neither numbers nor unit terms must be words
    of the unit's own names (Kantemirovskaya), so that "76th Infantry
    Division" or "6. Armee der Wehrmacht" designate nothing of ours.
    """
    if query.head is None or unit.head != query.head:
        return False
    if by_number and any(w not in unit.words for w in query.rest):
        return False
    for q in query.qualifiers - _SOFT - unit.qualifiers:
        if not any(q in fam and fam & unit.qualifiers for fam in _FAMILIES):
            return False
    if not by_number:
        return True
    if query.number is not None:
        return unit.number == query.number
    return False
