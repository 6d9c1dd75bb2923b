"""Russian and Ukrainian inflection of gazetteer names.

Names are inflected once at load time, so that Росгвардией, Хакасии,
Києві, Харкова, Чиковым, Беняшу and "331-го гвардейского
парашютно-десантного полка" are plain look-ups in the index.

* Ordinary words (полк, служба, гвардейский, Хакасия, Київ) are inflected
  with the pymorphy3 dictionaries (pinned versions), where a dictionary
  helps.
* Surnames are inflected by rule, with masculine and feminine paradigms
  chosen by the entity's gender: pymorphy3 reads Чиков as a form of "чик"
  and Чикова as a place, so its guesses are not used for surnames.
* In a multi-word name only the leading group that agrees with the head
  noun is inflected; dependents stay as they are (Федеральная служба
  *безопасности* → Федеральной службы *безопасности*).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .datafiles import read_data
from .errors import DataError

CASES = ("gent", "datv", "accs", "ablt", "loct")
_WORD = re.compile(r"[^\s]+")
_ORDINAL = re.compile(r"^(\d+)-(?:й|я|е|ий|ый|ой|ая|ое|і|а|ша|га|тя|та|ма|ме|ий|ій|ше|ге|те)$")
#: Ordinal endings by case for a masculine / feminine / neuter head.
_ORD_ENDINGS = {
    "masc": {"nomn": ["й"], "gent": ["го", "ого"], "datv": ["му", "ому"], "accs": ["й", "го"],
             "ablt": ["м", "ым"], "loct": ["м", "ом"]},
    "femn": {"nomn": ["я"], "gent": ["й", "ой"], "datv": ["й", "ой"], "accs": ["ю"],
             "ablt": ["й", "ой"], "loct": ["й", "ой"]},
    "neut": {"nomn": ["е"], "gent": ["го"], "datv": ["му"], "accs": ["е"], "ablt": ["м"],
             "loct": ["м"]},
}


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


# ---------------------------------------------------------------- surnames
# ending of the nominative → its replacement in (gent, datv, accs, ablt, loct)
Paradigm = tuple[str, str, str, str, str]
@lru_cache(maxsize=1)
def _surname_rules() -> dict[str, dict[str, list[tuple[str, Paradigm]]]]:
    """The paradigms of ``data/surnames.yaml``, by language and gender."""
    data = read_data("surnames.yaml")
    try:
        out: dict[str, dict[str, list[tuple[str, Paradigm]]]] = {}
        for lang, genders in data.items():
            for g, rows in genders.items():
                out.setdefault(lang, {})[g] = [
                    (str(r[0]), (str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])))
                    for r in rows]
        return out
    except (TypeError, AttributeError, IndexError) as exc:
        raise DataError(f"malformed surname paradigms: {exc}",
                        path="normalize/data/surnames.yaml") from None


_INDECLINABLE = re.compile(r"(?:[оеиуюіэы]|их|ых)$")  # Шойгу, Живаго, Черных


def surname_paradigm(surname: str, gender: str, lang: str = "ru") -> list[str]:
    """The surname in (gent, datv, accs, ablt, loct), by rule; [] if it does
    not decline.

    >>> surname_paradigm("Чиков", "m")
    ['Чикова', 'Чикову', 'Чикова', 'Чиковым', 'Чикове']
    >>> surname_paradigm("Чикова", "f")
    ['Чиковой', 'Чиковой', 'Чикову', 'Чиковой', 'Чиковой']
    >>> surname_paradigm("Шойгу", "m")
    []
    """
    if "-" in surname:  # Львова-Белова: both parts decline (Кара-Мурза: the last)
        raw = surname.split("-")
        parts = [surname_paradigm(p, gender, lang) or [p] * 5 for p in raw]
        if all(p == [q] * 5 for p, q in zip(parts, raw, strict=True)):
            return []
        both = ["-".join(p[k] for p in parts) for k in range(5)]
        last = ["-".join([*raw[:-1], parts[-1][k]]) for k in range(5)]
        return both + [f for f in last if f not in both]
    rules = _surname_rules()["uk" if lang == "uk" else "ru"].get(gender, [])
    low = surname.lower()
    if lang == "ru" and (_INDECLINABLE.search(low) or low.endswith("ко")):
        return []
    for ending, forms in rules:
        if low.endswith(ending):
            stem = surname[: len(surname) - len(ending)]
            return [stem + f for f in forms]
    if gender == "m" and re.search(r"[бвгджзклмнпрстфхцчшщ]$", low):
        # a consonant-final masculine surname declines as a noun (Беняш, Чубайс)
        if lang == "uk":
            return [surname + e for e in ("а", "ові", "а", "ем" if low[-1] in "жшчщц" else "ом",
                                          "ові")]
        ablt = "ем" if low[-1] in "жшчщц" else "ом"
        return [surname + e for e in ("а", "у", "а", ablt, "е")]
    return []


def surname_forms(surname: str, gender: str, lang: str = "ru") -> set[str]:
    """The set of :func:`surname_paradigm`."""
    return set(surname_paradigm(surname, gender, lang))


# ----------------------------------------------------------- other words
def _best_parse(word: str, lang: str, *, prefer_adjective: bool = False) -> Any | None:
    """The likeliest nominative reading of *word* (singular before plural;
    with *prefer_adjective*, an adjective before a noun: "Главное" in
    "Главное управление" is an adjective, not "the main thing")."""
    parses = _analyzer(lang).parse(word)
    sing = [p for p in parses if "nomn" in p.tag and "plur" not in p.tag]
    plur = [p for p in parses if "nomn" in p.tag]
    found = sing or plur
    common = [p for p in found if not set(str(p.tag).replace(" ", ",").split(",")) & _RARE]
    found = common or found  # Сухопутні the standard form, not a dialect reading
    if prefer_adjective:
        adj = [p for p in found if "ADJF" in p.tag or "PRTF" in p.tag]
        found = adj or found
    return (found or [None])[0]


_UK_ORD_ENDINGS = {
    "masc": {"nomn": ["й"], "gent": ["го"], "datv": ["му"], "accs": ["й", "го"],
             "ablt": ["м"], "loct": ["му", "м"]},
    "femn": {"nomn": ["а"], "gent": ["ї"], "datv": ["ій"], "accs": ["у"], "ablt": ["ю"],
             "loct": ["ій"]},
    "neut": {"nomn": ["е"], "gent": ["го"], "datv": ["му"], "accs": ["е"], "ablt": ["м"],
             "loct": ["му", "м"]},
}


#: Case endings (gent, datv, accs, ablt, loct) of one-word Russian names by the
#: ending of the nominative, for names the dictionary does not know or knows
#: in one gender only (Ирпень is masculine; Тоцкое an adjective). None: the
#: nominative itself.
_P = tuple[str | None, str | None, str | None, str | None, str | None]
_CASE_RULES: tuple[tuple[str, tuple[_P, ...]], ...] = (
    ("ое", (("ого", "ому", None, "ым", "ом"),)), ("ее", (("его", "ему", None, "им", "ем"),)),
    ("ий", (("ого", "ому", None, "им", "ом"), ("его", "ему", None, "им", "ем"))),
    ("ый", (("ого", "ому", None, "ым", "ом"),)), ("ой", (("ого", "ому", None, "ым", "ом"),)),
    ("ая", (("ой", "ой", "ую", "ой", "ой"),)), ("яя", (("ей", "ей", "юю", "ей", "ей"),)),
    ("ие", (("их", "им", None, "ими", "их"),)), ("ые", (("ых", "ым", None, "ыми", "ых"),)),
    ("ия", (("ии", "ии", "ию", "ией", "ии"),)), ("ья", (("ьи", "ье", "ью", "ьей", "ье"),)),
    ("ь", (("я", "ю", None, "ем", "е"), ("и", "и", None, "ью", "и"))),
    ("й", (("я", "ю", None, "ем", "е"),)),
    ("а", (("ы", "е", "у", "ой", "е"), ("и", "е", "у", "ой", "е"))),
    ("я", (("и", "е", "ю", "ей", "е"),)),
    ("ы", (("ов", "ам", None, "ами", "ах"),)), ("и", (("ей", "ам", None, "ями", "ях"),)),
    ("о", ()), ("е", ()), ("у", ()), ("ю", ()),
)


def _rule_forms_by_case(word: str) -> dict[str, list[str]]:
    """Oblique forms of a one-word Russian name by its ending alone, by case;
    a hyphenated name inflects every part (Белгороде-Днестровском)."""
    if "-" in word:
        parts = [_rule_forms_by_case(p) for p in word.split("-")]
        return {case: ["-".join(p[case][0] if p.get(case) else w for p, w in
                                zip(parts, word.split("-"), strict=True))]
                for case in CASES if any(p.get(case) for p in parts)}
    low = word.lower()
    if not re.fullmatch(r"[а-яё]+", low):
        return {}
    paradigms: tuple[_P, ...] = ()
    stem = word
    for ending, found in _CASE_RULES:
        if low.endswith(ending):
            paradigms, stem = found, word[: len(word) - len(ending)]
            break
    else:
        if re.search(r"[бвгджзклмнпрстфхцчшщ]$", low):
            ablt = "ем" if low[-1] in "жшчщц" else "ом"
            paradigms = (("а", "у", None, ablt, "е"),)
    out: dict[str, list[str]] = {}
    for paradigm in paradigms:
        for case, end in zip(CASES, paradigm, strict=True):
            form = word if end is None else _SPELL.sub(lambda m: m.group(1) + "и", stem + end)
            if form not in out.setdefault(case, []):
                out[case].append(form)
    return out


#: Russian spelling: no ы after к, г, х, ж, ш, ч, щ (Тоцким, not Тоцкым).
_SPELL = re.compile(r"([кгхжшчщ])ы")


def _belarusian_forms(name: str) -> set[str]:
    """Oblique forms of a one-word Belarusian name by its ending (there is no
    Belarusian dictionary in pymorphy3): Мазыр → Мазыра, Мазыру, Мазырам,
    Мазыры; Гомель → Гомеля, Гомелю, Гомелем, Гомелі; Беларусь → Беларусі."""
    if " " in name or not re.fullmatch(r"[а-яёіў'-]+", name.lower()):
        return set()
    low = name.lower()
    if low.endswith("ь"):
        stem = name[:-1]
        return {stem + e for e in ("я", "ю", "ем", "і", "ю", "сі")} - {stem + "сі"}
    if low.endswith(("а", "я")):
        stem = name[:-1]
        return {stem + e for e in ("ы", "і", "е", "у", "ю", "ай", "ой", "яй")}
    if re.search(r"[бвгджзклмнпрстфхцчшўк]$", low):
        hard_loct = "ы" if low[-1] in "рчжшц" else "е"
        return {name + e for e in ("а", "у", "ам", hard_loct, "е")}
    return set()


def ukrainian_forms_of_russian(word: str) -> set[str]:
    """Ukrainian case forms of a one-word Russian place name written as in
    Russian (Ukrainian texts write у Пскові, в Абакані, Владимирі)."""
    low = word.lower()
    if not re.fullmatch(r"[а-яё]+", low):
        return set()
    if low.endswith("ия"):
        return {word[:-2] + e for e in ("ії", "ію", "ією")}
    if low.endswith("ь"):
        return {word[:-1] + e for e in ("я", "ю", "ем", "і")}
    if low.endswith("а"):
        return {word[:-1] + e for e in ("и", "і", "у", "ою")}
    if re.search(r"[бвгджзклмнпрстфхцчшщ]$", low):
        return {word + e for e in ("а", "у", "ові", "ом", "і")}
    return set()


def _noun_rule_forms(word: str) -> set[str]:
    """The set of :func:`_rule_forms_by_case`."""
    return {f for forms in _rule_forms_by_case(word).values() for f in forms} - {word}


def _name_parse(word: str, lang: str, gender: str | None = None) -> Any | None:
    """A nominative reading of *word* as a first name or patronymic of the
    person's gender if it has one (Роман the name, not роман the novel; Эван
    a man's name, not the dictionary's woman's), else the likeliest one."""
    parses = [p for p in _analyzer(lang).parse(word) if "nomn" in p.tag and "plur" not in p.tag]
    named = [p for p in parses if {"Name", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))]
    if gender is not None:
        want = {"m": "masc", "f": "femn"}.get(gender, "")
        named = [p for p in named if want in p.tag]
        parses = [p for p in parses if want in p.tag or "Fixd" not in p.tag]
    return (named or parses or [None])[0]


def _ordinal_forms(number: str, gender: str, case: str, lang: str = "ru") -> list[str]:
    table = _UK_ORD_ENDINGS if lang == "uk" else _ORD_ENDINGS
    return [f"{number}-{e}" for e in table.get(gender, table["masc"])[case]]


#: Grammemes of forms the index does not need.
_RARE = frozenset({"Supr", "Cmp2", "Cmpr", "V-ie", "V-ey", "V-oy", "V-bi", "V-be", "V-en", "V-ei",
                   "V-ej", "V-sh", "V-ob", "Arch", "Infr", "Slng", "Erro", "Dist"})


def _case_forms(p: Any, want: set[str]) -> list[str]:
    """Every form of the parse's lexeme with the grammemes *want* and the
    parse's own number (Ukrainian корпуса and корпусу are both genitive)."""
    return list(_case_forms_cached(p, frozenset(want)))


@lru_cache(maxsize=65536)
def _case_forms_cached(p: Any, want: frozenset[str]) -> tuple[str, ...]:
    number = "plur" if "plur" in p.tag else "sing" if "sing" in p.tag else ""
    gender = next((g for g in ("masc", "femn", "neut") if g in p.tag), None)
    own = set(str(p.tag).replace(" ", ",").split(","))
    out = []
    for f in p.lexeme:
        tags = set(str(f.tag).replace(" ", ",").split(","))
        if (tags & _RARE) - own:
            continue  # superlatives (главнейшего), archaic endings (управленья)
        if "PRTF" in own and (f.tag.POS != "PRTF" or f.tag.tense != p.tag.tense
                              or f.tag.voice != p.tag.voice):
            continue  # объединённой, not объединившей
        if want <= tags and (number in tags if number else "plur" not in tags) and (
                gender is None or "NOUN" in p.tag or number == "plur" or gender in f.tag):
            out.append(f.word)
    first = p.inflect(want)
    if first is not None and first.word not in out:
        out.insert(0, first.word)
    if "gent" in want and "NOUN" in p.tag and "masc" in p.tag and number != "plur":
        # Ukrainian masculine genitive: -а or -у (корпуса, корпусу); the
        # dictionary often knows one of the two
        out += [w[:-1] + alt for w in list(out) for end, alt in (("а", "у"), ("у", "а"))
                if w.endswith(end) and w[:-1] + alt not in out]
    return tuple(out)


def phrase_forms(name: str, lang: str) -> set[str]:
    """Oblique-case forms of a (multi-word) name that is not a person's.

    >>> sorted(phrase_forms("Хакасия", "ru"))
    ['Хакасией', 'Хакасии', 'Хакасию']
    >>> "331-го гвардейского парашютно-десантного полка" in phrase_forms(
    ...     "331-й гвардейский парашютно-десантный полк", "ru")
    True
    >>> "Ракетных войск и артиллерии" in phrase_forms("Ракетные войска и артиллерия", "ru")
    True
    """
    if lang == "be":
        return _belarusian_forms(name)
    if lang not in ("ru", "uk"):
        return set()
    words = name.split(" ")
    by_case = _phrase_by_case(words, lang)
    out = {f for forms in by_case.values() for f in forms}
    out.discard(name)
    return out


_CONJUNCTIONS = frozenset({"и", "й", "і", "та"})


def _phrase_by_case(words: list[str], lang: str) -> dict[str, set[str]]:
    """The forms of *words* by case: the leading agreement group inflects,
    a group joined to it by "и"/"і"/"та" inflects too, the rest stays."""
    group: list[tuple[str, Any | None]] = []  # leading agreeing words
    head_gender = "masc"
    head_anim = False
    for w in words:
        if _ORDINAL.match(w):
            group.append((w, None))
            continue
        core = w.strip("«»\"'()")
        if not core or not core[0].isalpha() or core != w:
            break
        last = len(group) + 1 == len(words)
        p = _best_parse(core, lang, prefer_adjective=not last)
        if p is None or not ({"NOUN", "ADJF", "PRTF"} & set(str(p.tag).replace(" ", ",").split(
                ","))):
            break  # participles agree like adjectives (Объединённая группировка)
        group.append((w, p))
        if "NOUN" in p.tag:
            head_gender = next((g for g in ("masc", "femn", "neut") if g in p.tag), "masc")
            head_anim = "anim" in p.tag
            break  # a noun ends the agreement group
    if not group or all(p is None for _w, p in group):
        if len(words) == 1:
            return {c: set(f) for c, f in _rule_forms_by_case(words[0]).items()}
        return {}
    if len(words) == 1 and group[0][1] is not None:
        # one word: every nominative noun reading (Ирпень as masculine and as feminine)
        single = {c: set(f) for c, f in _rule_forms_by_case(words[0]).items()}
        for p in _analyzer(lang).parse(words[0]):
            if "NOUN" in p.tag and "nomn" in p.tag:
                for case in CASES:
                    single.setdefault(case, set()).update(
                        _match_case(words[0], f) for f in _case_forms(p, {case}))
        return single
    rest = words[len(group):]
    tails: dict[str, list[str]] = {case: [" ".join(rest)] if rest else [""] for case in CASES}
    if len(rest) >= 2 and rest[0].lower() in _CONJUNCTIONS:
        joined = _phrase_by_case(rest[1:], lang)  # "… войска и артиллерия"
        for case in CASES:
            if joined.get(case):
                tails[case] = [f"{rest[0]} {f}" for f in sorted(joined[case])]
    out: dict[str, set[str]] = {}
    for case in CASES:
        variants: list[list[str]] = [[]]
        for w, p in group:
            if p is None:
                m = _ORDINAL.match(w)
                assert m is not None
                options = _ordinal_forms(m.group(1), head_gender, case, lang)
                if case == "accs" and head_gender == "masc":
                    options = options[1:] if head_anim else options[:1]
            else:
                want = {case}
                if case == "accs" and "NOUN" not in p.tag and (
                        head_gender == "masc" or "plur" in p.tag):
                    # an adjective's accusative follows the head's animacy
                    want = {"accs", "anim" if head_anim else "inan"}
                forms = _case_forms(p, want) or _case_forms(p, {case})
                options = [_match_case(w, f) for f in forms] or [w]
            variants = [[*v, o] for v in variants for o in dict.fromkeys(options)]
        out[case] = {" ".join([*v, t] if t else v) for v in variants for t in tails[case]}
    return out


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        # keep the capitals of hyphenated parts (Йошкар-Ола)
        parts = word.split("-")
        tparts = template.split("-")
        if len(parts) == len(tparts):
            return "-".join(p.capitalize() if t[:1].isupper() else p
                            for p, t in zip(parts, tparts, strict=True))
        return word[:1].upper() + word[1:]
    return word


def person_forms(full: str, lang: str, gender: str, given: str | None,
                 surname: str | None, patronymic: str | None) -> set[str]:
    """Oblique-case forms of a person's full name, the words in agreement.

    >>> sorted(person_forms("Павел Чиков", "ru", "m", "Павел", "Чиков", None))[:3]
    ['Павла Чикова', 'Павлом Чиковым', 'Павле Чикове']
    """
    if lang not in ("ru", "uk") or gender not in ("m", "f"):
        return set()
    words = full.split(" ")
    per_word: list[list[str]] = []  # for each word: its forms by case, or [] if it stays
    for w in words:
        forms: list[str] = []
        if surname and w == surname:
            forms = surname_paradigm(w, gender, lang)
        elif (given and w == given) or (patronymic and w == patronymic):
            p = _name_parse(w, lang, gender)
            tags = set(str(p.tag).replace(" ", ",").split(",")) if p is not None else set()
            if p is not None and ({"Name", "Patr"} & tags or (lang == "uk" and "NOUN" in tags)):
                got = [p.inflect({c}) for c in CASES]
                if all(g is not None for g in got):
                    forms = [_match_case(w, g.word) for g in got]
            if not forms and gender == "m" and w == given:
                forms = surname_paradigm(w, "m", lang)  # a foreign first name: Эван, Эвана
        per_word.append(forms)
    out: set[str] = set()
    for k in range(len(CASES)):
        out.add(" ".join(f[k] if f else w for w, f in zip(words, per_word, strict=True)))
    out.discard(full)
    return out
