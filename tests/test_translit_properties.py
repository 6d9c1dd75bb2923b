"""Properties of transliteration that hold for every scheme and any input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import normalize
from normalize.letters import ALPHABETS, CYRILLIC_RANGES, is_cyrillic
from normalize.schemes import REGISTRY

NAMES = [t.info.name for t in REGISTRY.tables()]
REVERSIBLE = [t.info.name for t in REGISTRY.tables() if t.info.reversible]

cyrillic_char = st.one_of(
    *[st.characters(min_codepoint=a, max_codepoint=b) for a, b in CYRILLIC_RANGES]
)
cyrillic_text = st.text(
    st.one_of(cyrillic_char, st.sampled_from(" -,.'’ʼ0123456789\n")), max_size=40
)


def no_cyrillic_letter(s: str) -> bool:
    return not any(is_cyrillic(c) and unicodedata.category(c).startswith("L") for c in s)


@pytest.mark.parametrize("scheme", NAMES)
@given(text=cyrillic_text)
def test_no_cyrillic_letter_ever_in_the_output(scheme: str, text: str) -> None:
    out = normalize.transliterate(text, scheme)
    assert no_cyrillic_letter(out), (text, out)


@given(text=st.text(max_size=60))
def test_never_raises_and_keeps_non_cyrillic(text: str) -> None:
    out = normalize.transliterate(text, "wikipedia")
    assert isinstance(out, str)
    if not any(is_cyrillic(c) for c in text):
        assert out == text


def sign_case(text: str, caseless: str) -> str:
    """Give each letter whose Latin has no case (ь → ʹ) the case of the
    nearest other letter of its word, before it, else after it, else lower
    case: Ь and ь are both written ʹ, so only that case can come back."""
    out = list(text)
    for i, c in enumerate(text):
        if c.lower() not in caseless:
            continue
        j, k = i, i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        while k + 1 < len(text) and text[k + 1].isalpha():
            k += 1
        word = [(p, text[p]) for p in range(j, k + 1) if text[p].lower() not in caseless]
        before = [ch for p, ch in word if p < i]
        after = [ch for p, ch in word if p > i]
        ref = before[-1] if before else after[0] if after else "x"
        out[i] = c.upper() if ref.isupper() else c.lower()
    return "".join(out)


def language_text(lang: str, exclude: str) -> st.SearchStrategy[str]:
    letters = ALPHABETS[lang] + ALPHABETS[lang].upper()
    seps = "".join(c for c in " -,.!?0123456789" if c not in exclude)
    return st.text(st.sampled_from(letters + seps), max_size=30)


@pytest.mark.parametrize("scheme", REVERSIBLE)
@given(data=st.data())
def test_reversible_schemes_round_trip(scheme: str, data: st.DataObject) -> None:
    table = REGISTRY.get(scheme)
    latin = "".join(v for vs in table.letters.values() for v in vs)
    caseless = "".join(c for c, v in table.letters.items() if v[0].lower() == v[0].upper())
    text = sign_case(data.draw(language_text(table.info.language, latin)), caseless)
    there = normalize.transliterate(text, scheme)
    back = normalize.detransliterate(there, scheme, limit=1)
    assert back == [text], (text, there, back)


def test_reversible_schemes_exist_for_each_language() -> None:
    langs = {REGISTRY.get(n).info.language for n in REVERSIBLE}
    assert {"ru", "uk", "be"} <= langs


@pytest.mark.parametrize("scheme", NAMES)
def test_all_caps_words_stay_all_caps(scheme: str) -> None:
    for word in ("ЩУКА", "ЖУКОВ", "ЧЕЧНЯ", "ЮЖНЫЙ"):
        src = word if REGISTRY.get(scheme).info.language == "ru" else word.replace("Ы", "И")
        out = normalize.transliterate(src, scheme)
        letters = [c for c in out if c.isalpha()]
        assert all(c.isupper() for c in letters), (scheme, src, out)
        title = normalize.transliterate(src.capitalize(), scheme)
        assert title[:1].isupper() and title != title.upper(), (scheme, title)
        assert title[-3:] == title[-3:].lower(), (scheme, title)


@pytest.mark.parametrize(
    ("text", "scheme", "expected"),
    [
        ("ЩУКА", "wikipedia", "SHCHUKA"),
        ("Щука", "wikipedia", "Shchuka"),
        ("ЙОШКАР-ОЛА", "wikipedia", "YOSHKAR-OLA"),
        ("Ёлкин", "gost_779", "Ëlkin"),
        ("ёжик", "ala_lc", "ëzhik"),
        ("Москва, 2022 г.", "wikipedia", "Moskva, 2022 g."),
        ("Tschüss Москва", "wikipedia", "Tschüss Moskva"),
        ("и\u0306од", "gost_779", "jod"),  # NFD й is still й, never и
        ("ђак", "wikipedia", "đak"),  # a letter outside the scheme: fallback, not Cyrillic
    ],
)
def test_examples(text: str, scheme: str, expected: str) -> None:
    assert normalize.transliterate(text, scheme) == expected


@pytest.mark.parametrize("bad", [None, 42, b"\xd0\x9c", ["Москва"]])
def test_non_str_input_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        normalize.transliterate(bad, "wikipedia")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        normalize.detransliterate(bad, "auto")  # type: ignore[arg-type]
