"""detransliterate: Latin spellings back to ranked Cyrillic candidates."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import normalize
from normalize.errors import UnknownSchemeError

CASES = Path(__file__).parent / "data" / "detranslit_cases.tsv"


def load_cases() -> list[tuple[str, str, str, int]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        latin, spec, cyr, within = line.split("\t")
        rows.append((latin, spec, cyr, int(within)))
    return rows


@pytest.mark.parametrize(("latin", "spec", "cyr", "within"), load_cases())
def test_documented_cases(latin: str, spec: str, cyr: str, within: int) -> None:
    got = normalize.detransliterate(latin, spec, limit=5)
    assert cyr in got[:within], got


def test_chikhov_gives_both_readings() -> None:
    got = normalize.detransliterate("Chikhov", "auto")
    assert "Чихов" in got and "Чиков" in got


def test_case_follows_the_input() -> None:
    assert normalize.detransliterate("TSCHIKOW", "de")[0] == "ЧИКОВ"
    assert normalize.detransliterate("Pawel Tschikow", "de")[0] == "Павел Чиков"


def test_unknown_scheme() -> None:
    with pytest.raises(UnknownSchemeError) as info:
        normalize.detransliterate("Moskva", "klingon")
    assert "auto" in str(info.value) and "wikipedia" in str(info.value)


def test_limit() -> None:
    assert len(normalize.detransliterate("Moskva", "auto", limit=2)) <= 2
    with pytest.raises(ValueError):
        normalize.detransliterate("Moskva", "auto", limit=0)


@given(st.text(max_size=25))
def test_never_raises(text: str) -> None:
    out = normalize.detransliterate(text, "auto", limit=3)
    assert isinstance(out, list) and len(out) <= 3
    assert all(isinstance(s, str) for s in out)
