"""The gazetteer loader: every malformed input gives one clear file:line error."""

from __future__ import annotations

from pathlib import Path

import pytest

import normalize
from normalize.errors import DataError
from normalize.gazetteer import fold_name, name_problem, read_paths

GOOD = """\
kind: agency
entities:
  - id: agency:alpha
    country: ru
    names:
      ru: [Альфа-служба]
      en: [Alpha Service]
  - id: agency:beta
    country: ru
    parent: agency:alpha
    names:
      ru: [Бета-служба]
"""


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_good_user_file_loads_alone(tmp_path: Path) -> None:
    n = normalize.load(write(tmp_path, GOOD), bundled=False)
    assert len(n) == 2
    assert n.entity("agency:beta").parent == "agency:alpha"
    assert n.entity("agency:alpha").name == "Alpha Service"
    with pytest.raises(normalize.UnknownEntityError):
        n.entity("agency:gamma")


CASES = [
    # (text replacing GOOD, expected line, message fragment)
    (GOOD.replace("[Альфа-служба]", "[03147]"), 6, "03147 is not a string; quote it"),
    (GOOD.replace("country: ru\n    parent", "country: no\n    parent"), 9,
     "no is not a string; quote it"),
    (GOOD.replace("[Бета-служба]", "[Бета-служба"), None, "invalid YAML"),
    (GOOD.replace("agency:beta", "agency:alpha"), 8, "id agency:alpha is also defined"),
    (GOOD.replace("parent: agency:alpha", "parent: agency:omega"), 8,
     "parent agency:omega does not exist"),
    (GOOD.replace("parent: agency:alpha", "parent: agency:alpha\n    affiliations: [agency:omega]"),
     8, "affiliation agency:omega does not exist"),
    (GOOD.replace("parent: agency:alpha", "parent: agency:alpha\n    affiliations: [Omega]"),
     11, "'Omega' is not an id"),
    (GOOD.replace("[Бета-служба]", "[Альфа-служба]"), 3, "is also a name of agency:beta"),
    (GOOD.replace("[Alpha Service]", "[Alpha Sеrvice]"), 7, "mixes scripts"),
    (GOOD.replace("[Alpha Service]", "['Alpha  Service']"), 7, "white space"),
    (GOOD.replace("[Alpha Service]", "['Alpha Service ']"), 7, "white space"),
    (GOOD.replace("agency:alpha\n    country", "agency:Alpha\n    country"), 3,
     "must be kind:slug"),
    (GOOD.replace("kind: agency", "kind: agency\nbogus: x"), 1, "unknown keys: bogus"),
    (GOOD.replace("ru: [Альфа-служба]", "xx: [Альфа-служба]"), 6,
     "unknown language code 'xx'"),
    (GOOD.replace("kind: agency", "kind: spaceship"), 1, "kind must be one of"),
    (GOOD.replace("      ru: [Бета-служба]\n", "      en: [Beta]\n"), 8,
     "needs a ru name"),
    ("", None, "the file is empty"),
]


@pytest.mark.parametrize(("text", "line", "message"), CASES)
def test_broken_user_files(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as info:
        normalize.load(path, bundled=False)
    err = info.value
    assert message in str(err), str(err)
    assert err.path == str(path)
    if line is not None:
        assert err.line == line, str(err)
    assert "\n" not in str(err)


def test_ambiguous_names_may_be_shared(tmp_path: Path) -> None:
    text = GOOD.replace("[Бета-служба]",
                        "[Альфа-служба, Бета-служба]\n    ambiguous: [Альфа-служба]")
    text = text.replace("      en: [Alpha Service]\n",
                        "      en: [Alpha Service]\n    ambiguous: [альфа-служба]\n")
    n = normalize.load(write(tmp_path, text), bundled=False)
    assert len(n) == 2


def test_all_problems_are_reported(tmp_path: Path) -> None:
    text = GOOD.replace("[Alpha Service]", "[Alpha Sеrvice]").replace(
        "parent: agency:alpha", "parent: agency:omega")
    _entities, problems = read_paths([write(tmp_path, text)])
    assert len(problems) == 2
    assert all(str(p).startswith(str(tmp_path)) for p in problems)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        normalize.load(tmp_path / "nope.yaml", bundled=False)
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"kind: agency\nentities: []\n\xff\n")
    with pytest.raises(DataError, match="invalid UTF-8"):
        normalize.load(bad, bundled=False)


def test_name_rules() -> None:
    assert name_problem("Росгвардия") is None
    assert name_problem("Pосгвардия")  # Latin P
    assert name_problem("ВДB")  # Latin B
    assert name_problem("331-й гвардейский парашютно-десантный полк") is None
    assert name_problem("Rosgvardia-led") is None
    assert name_problem("и\u0306од")  # NFD
    assert fold_name("Ёлкин") == fold_name("елкин") == fold_name("ЕЛКИН")
