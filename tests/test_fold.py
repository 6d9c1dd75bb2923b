"""Folding and keys: data and queries meet in one form; offsets stay exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.fold import fold, fold_map
from normalize.keys import compact_key, name_key

mixed = st.text(st.sampled_from(
    "abcxyzABCPOXрстоаеРОСВНАЁёйЙи\u0306 -–—'’ʼ\u00ad\u200b\u00a0.ßİŞ1234"), max_size=30)


@given(mixed)
def test_fold_fast_path_agrees_with_fold_map(text: str) -> None:
    assert fold(text) == fold_map(text)[0]


@given(mixed)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(mixed)
def test_fold_map_points_into_the_original(text: str) -> None:
    folded, where = fold_map(text)
    assert len(where) == len(folded)
    assert all(0 <= i < len(text) for i in where)
    assert where == sorted(where)


@pytest.mark.parametrize(("a", "b"), [
    ("Pосгвардия", "Росгвардия"),      # Latin P
    ("ВДB", "ВДВ"),                   # Latin B
    ("Rоsgvardia", "Rosgvardia"),     # Cyrillic о
    ("FSВ", "FSB"),                   # Cyrillic В
    ("Ёлкин", "Елкин"),
    ("Memo\u00adrial", "Memorial"),
    ("Media\u00a0Zona", "Media Zona"),
    ("и\u0306од", "йод"),
])
def test_same_fold(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_й_is_not_и() -> None:
    assert fold("йод") != fold("иод")
    assert compact_key("Йошкар-Ола") != compact_key("Иошкар-Ола")


@pytest.mark.parametrize(("a", "b"), [
    ("Ros-gvardia", "Rosgvardia"), ("Media Zona", "Mediazona"), ("Čikov", "Cikov"),
    ("Mediazona's", "Mediazona"), ("Rosgvardiya’s", "Rosgvardiya"), ("«Медиазона»", "Медиазона"),
    ("Беньяш", "Беняш"),
])
def test_same_compact_key(a: str, b: str) -> None:
    assert compact_key(a) == compact_key(b)


def test_name_key_keeps_words() -> None:
    assert name_key("Media  Zona") == "media zona"
    assert name_key("FSB's") == "fsb"


@given(st.text(st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў АБЩЪЁ-'’"), max_size=20),
       st.sampled_from(["wikipedia", "gost_779", "ala_lc", "bgn_pcgn", "news_de", "news_cs",
                        "dstu_9112_a", "iso_9_uk", "lacinka", "gost_779_alt", "ala_lc_alt"]))
def test_latin_key_equals_compact_key_on_scheme_output(text: str, scheme: str) -> None:
    from normalize import transliterate
    from normalize.keys import latin_key

    out = transliterate(text, scheme)
    assert latin_key(out) == compact_key(out)


@given(st.text(st.sampled_from("abcz ABZ`'’ʹʺ\"”-.,:!?čëŝ\u0361\u0300"), max_size=20))
def test_latin_key_equals_compact_key(text: str) -> None:
    from normalize.keys import latin_key

    assert latin_key(text) == compact_key(text)
