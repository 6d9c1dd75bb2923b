"""The calibrated thresholds: the data file is valid, the rules read it, and
a damaged file is one clear error."""

from __future__ import annotations

import pytest

import normalize
from normalize import thresholds
from normalize.errors import DataError


def test_bundled_thresholds_are_valid_and_rise_with_length() -> None:
    limits = thresholds.load()
    assert "default" in limits.fuzzy
    for kind in limits.fuzzy:
        for script in thresholds.SCRIPTS:
            edits = [limits.edits(n, kind, script) for n in range(1, 40)]
            assert edits == sorted(edits), (kind, script)
            assert edits[:3] == [0, 0, 0]  # no name of three letters is guessed at
    assert 0 <= limits.margin < 0.2


def test_a_surname_alone_is_never_looser_than_a_full_name() -> None:
    limits = thresholds.load()
    for script in thresholds.SCRIPTS:
        for n in range(1, 30):
            assert (limits.edits(n, "person-surname", script)
                    <= limits.edits(n, "person", script))


@pytest.mark.parametrize("text", ["Kolmakov", "Buyanov", "Kuzenkov"])
def test_other_surnames_close_to_a_gazetteer_person_do_not_resolve(text: str) -> None:
    # each is one letter from a surname in the gazetteer, and a real surname
    assert normalize.resolve(text) is None


@pytest.mark.parametrize("data, message", [
    ([], "expected a mapping"),
    ({"fuzzy": {"person": {"latin": [[5, 1]], "cyrillic": [[5, 1]]}}, "margin": 0.1},
     "'default' kind is required"),
    ({"fuzzy": {"default": {"latin": [[5, 1]]}}, "margin": 0.1}, "cyrillic and latin"),
    ({"fuzzy": {"default": {"latin": [[9, 2], [5, 1]], "cyrillic": [[5, 1]]}}, "margin": 0.1},
     "rise in length"),
    ({"fuzzy": {"default": {"latin": [["5", 1]], "cyrillic": [[5, 1]]}}, "margin": 0.1},
     "[length, edits] pairs"),
    ({"fuzzy": {"default": {"latin": [[5, 1]], "cyrillic": [[5, 1]]}}, "margin": "x"},
     "margin"),
])
def test_a_damaged_file_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, data: object,
                                           message: str) -> None:
    monkeypatch.setattr(thresholds, "read_data", lambda name: data)
    thresholds.load.cache_clear()
    try:
        with pytest.raises(DataError, match=r"thresholds\.yaml") as info:
            thresholds.load()
        assert message in str(info.value)
    finally:
        monkeypatch.undo()
        thresholds.load.cache_clear()
