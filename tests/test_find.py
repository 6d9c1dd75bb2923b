"""Mentions in running text: data-driven cases and properties."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import normalize

CASES = yaml.safe_load((Path(__file__).parent / "data" / "find_cases.yaml").read_text("utf-8"))
N = normalize.load()
NAMES = sorted({name for e in N for _lang, name, _role in e.all_names()})[::7]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_case(case: dict) -> None:
    plain, want = N.parse_tagged(case["text"])
    got = N.find(plain)
    assert [(m.start, m.end, m.id) for m in got] == [(m.start, m.end, m.id) for m in want]


def test_nfd_input_keeps_offsets() -> None:
    text = "Чиков и " + unicodedata.normalize("NFD", "Čikov") + " сказали"
    ms = N.find(text)
    assert [m.text for m in ms] == ["Чиков", unicodedata.normalize("NFD", "Čikov")]


def test_overlap_all_reports_nested_spans() -> None:
    text = "the Kursk Oblast governor"
    longest = N.find(text)
    every = N.find(text, overlap="all")
    assert len(every) >= len(longest)
    assert {(m.start, m.end) for m in longest} <= {(m.start, m.end) for m in every}


def test_kinds_filter() -> None:
    text = "Сотрудники Росгвардии из Хакасии"
    assert [m.kind for m in N.find(text, kinds=["place"])] == ["place"]


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        N.find("x", overlap="shortest")
    with pytest.raises(TypeError):
        N.find(b"x")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        N.normalize_text("x", style="bold")


def test_replace_and_tag() -> None:
    text = "Tschikow und Rosgwardia"
    assert N.normalize_text(text) == "Pavel Chikov und Rosgvardia"
    assert N.normalize_text(text, lang="ru") == "Павел Чиков und Росгвардия"
    tagged = N.normalize_text(text, style="tag")
    assert tagged == "[[Tschikow|person:pavel-chikov]] und [[Rosgwardia|agency:rosgvardia]]"


def test_replace_settles_when_a_written_name_joins_its_neighbours() -> None:
    # "Oblast" + the written "Arkhangelsk Oblast" is itself a name
    once = N.normalize_text("Oblast Archangelskoblast d'Ivano-Frankivsk")
    assert N.normalize_text(once) == once


def test_tag_escapes_markup_in_text() -> None:
    text = "a [[b]] c \\ [x|y] Rosgvardia\\"
    plain, ms = N.parse_tagged(N.normalize_text(text, style="tag"))
    assert plain == text and [m.id for m in ms] == ["agency:rosgvardia"]


@pytest.mark.parametrize("bad", ["[[x|", "[[x]]", "a\\", "[[x|a b]]"])
def test_parse_tagged_rejects_malformed(bad: str) -> None:
    with pytest.raises(normalize.NormalizeError):  # malformed, or an unknown id
        N.parse_tagged(bad)


# ------------------------------------------------------------ properties
_NOISE = st.sampled_from(["", " ", "  ", "\n", ", ", "-", "\u00ad", "’s ", ". ", "«", "»",
                          "ß", "İ", "\u0301", "2022", "331st", "в", "the", "и", "Straße"])
_PIECE = st.one_of(st.sampled_from(NAMES), _NOISE, st.text(max_size=6))
TEXTS = st.lists(_PIECE, max_size=12).map("".join)


@settings(deadline=None)
@given(TEXTS)
def test_offsets_point_at_the_surface(text: str) -> None:
    for m in N.find(text):
        assert text[m.start:m.end] == m.text and m.start < m.end


@settings(deadline=None)
@given(TEXTS)
def test_tag_parses_back(text: str) -> None:
    found = N.find(text)
    plain, ms = N.parse_tagged(N.normalize_text(text, style="tag"))
    assert plain == text
    assert [(m.start, m.end, m.id) for m in ms] == [(m.start, m.end, m.id) for m in found]


@settings(deadline=None)
@given(TEXTS)
def test_replace_is_idempotent(text: str) -> None:
    once = N.normalize_text(text)
    assert N.normalize_text(once) == once


@settings(deadline=None)
@given(st.text(max_size=40))
def test_text_without_mentions_is_unchanged(text: str) -> None:
    if not N.find(text):
        assert N.normalize_text(text) == text
        assert N.normalize_text(text, style="tag").replace("\\", "") == text.replace("\\", "")


@settings(deadline=None)
@given(st.text())
def test_find_never_raises(text: str) -> None:
    for m in N.find(text, overlap="all"):
        assert text[m.start:m.end] == m.text
