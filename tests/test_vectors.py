"""External vectors: iuliia's own samples and interscript's published vectors.

A vector that contradicts the standard's document is not bent into a
table: it is listed, with the reason, in the table's ``exceptions`` and
checked here to still be what the vector says (so the list stays honest).
Strings are compared in NFC: several vectors are written decomposed.
"""

from __future__ import annotations

import json
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
import yaml

import normalize
from normalize.schemes import REGISTRY

VECTORS = Path(__file__).parent / "vectors" / "interscript-cyrl-latn.yaml"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def interscript_cases() -> list[object]:
    data = yaml.safe_load(VECTORS.read_text("utf-8"))
    cases = []
    for map_id, block in sorted(data.items()):
        table = REGISTRY.get(map_id)
        for i, (cyr, lat) in enumerate(block["tests"]):
            cases.append(pytest.param(table.info.name, cyr, lat, id=f"{map_id}-{i}"))
    return cases


@pytest.mark.parametrize(("scheme", "cyr", "lat"), interscript_cases())
def test_interscript_vector(scheme: str, cyr: str, lat: str) -> None:
    table = REGISTRY.get(scheme)
    reviewed = {c: (lt, why) for c, lt, why in table.exceptions}
    got = nfc(normalize.transliterate(cyr, scheme))
    if cyr in reviewed:
        assert nfc(reviewed[cyr][0]) == nfc(lat), "exception no longer matches the vector"
        assert got != nfc(lat), f"the table now follows the vector; drop the exception: {cyr}"
        return
    assert got == nfc(lat)


def test_every_interscript_map_we_implement_is_tested() -> None:
    data = yaml.safe_load(VECTORS.read_text("utf-8"))
    assert len(data) >= 15
    assert sum(len(b["tests"]) for b in data.values()) >= 650


# iuliia writes the Cyrillic letter ё (U+0451) inside Latin output in eight
# schemes; we write the Latin ë (U+00EB) that the standards prescribe.  And
# iuliia's ALA-LC sample capitalises only the first letter of the tie-bar
# pair Ю (I͡ulii͡a) where the LC table prints I͡U.
IUILLIA_REVIEWED = {("ala_lc", "Юлия, съешь ещё"): "I͡Ulii͡a"}


def iuliia_cases() -> list[object]:
    pytest.importorskip("iuliia")
    folder = resources.files("iuliia") / "schemas"
    cases = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json") or entry.name == "uz.json":
            continue
        data = json.loads(entry.read_text("utf-8"))
        for i, (cyr, lat) in enumerate(data["samples"]):
            cases.append(pytest.param(data["name"], cyr, lat, id=f"{data['name']}-{i}"))
    return cases


@pytest.mark.parametrize(("scheme", "cyr", "lat"), iuliia_cases())
def test_iuliia_sample(scheme: str, cyr: str, lat: str) -> None:
    expected = lat.replace("ё", "ë").replace("Ё", "Ë")
    for (name, prefix), fixed in IUILLIA_REVIEWED.items():
        if name == scheme and cyr.startswith(prefix):
            expected = fixed + expected[len(fixed):]
    assert nfc(normalize.transliterate(cyr, scheme)) == nfc(expected)


def test_all_iuliia_schemes_present() -> None:
    pytest.importorskip("iuliia")
    folder = resources.files("iuliia") / "schemas"
    names = {e.name[:-5] for e in folder.iterdir() if e.name.endswith(".json")} - {"uz"}
    ours = {s.name for s in normalize.schemes()}
    assert names <= ours
