"""The bundled gazetteer: it loads, it is checked, and it covers the field."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

import normalize
from normalize.gazetteer import read_paths
from normalize.paths import gazetteer_dir

GAZ = gazetteer_dir()
FILES = sorted(GAZ.glob("*.yaml"))


@pytest.fixture(scope="module")
def gaz() -> normalize.Normalizer:
    return normalize.load()


def test_loads_without_problems() -> None:
    _entities, problems = read_paths([GAZ])
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_size_and_kinds(gaz: normalize.Normalizer) -> None:
    kinds = Counter(e.kind for e in gaz)
    assert len(gaz) >= 600, kinds
    for kind, least in {"agency": 60, "unit": 150, "place": 250, "person": 120, "media": 40,
                        "org": 30}.items():
        assert kinds[kind] >= least, (kind, kinds)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_matches_the_json_schema(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((GAZ / "schema.json").read_text("utf-8"))
    data = yaml.safe_load(path.read_text("utf-8"))
    jsonschema.validate(data, schema)


def test_russian_and_ukrainian_entities_have_their_names(gaz: normalize.Normalizer) -> None:
    for e in gaz:
        if e.country == "ru":
            assert "ru" in e.names, e.id
        if e.country == "ua":
            assert "uk" in e.names, e.id
        assert "en" in e.names or "ru" in e.names or "uk" in e.names, e.id


def test_people_have_gender_and_no_stray_parts(gaz: normalize.Normalizer) -> None:
    for e in gaz:
        if e.kind == "person":
            assert e.gender in ("m", "f"), e.id
            for lang, parts in e.person.items():
                full = " ".join(e.names.get(lang, ()))
                if parts.surname:
                    assert parts.surname in full, (e.id, lang, parts.surname)


# Entities the issue names, and everyone named in the project's reference articles.
REQUIRED = [
    "agency:rosgvardia", "agency:omon", "agency:sobr", "agency:fsb", "agency:svr", "agency:gru",
    "agency:fso", "agency:mvd", "agency:ministry-of-defence", "agency:general-staff",
    "agency:investigative-committee", "agency:prosecutor-general", "agency:fsin", "agency:mchs",
    "agency:roskomnadzor", "agency:national-guard-of-ukraine",
    "unit:vdv", "unit:331-guards-airborne-regiment", "unit:98-guards-airborne-division",
    "unit:76-guards-air-assault-division", "unit:4-guards-military-base", "unit:wagner-group",
    "unit:1-guards-tank-army", "unit:black-sea-fleet",
    "place:khakassia", "place:pskov", "place:pskov-oblast", "place:krasnodar", "place:kyiv",
    "place:kharkiv", "place:crimea", "place:south-ossetia", "place:tskhinvali", "place:belarus",
    "place:vladimir", "place:moscow",
    "media:mediazona", "media:meduza", "media:pskovskaya-guberniya",
    "org:agora", "org:memorial", "org:yabloko",
    "person:vladimir-putin", "person:pavel-chikov", "person:mikhail-benyash",
    "person:ilya-kosygin", "person:sergei-sukharev", "person:nikolay-kuzmin",
    "person:eduard-kokoity", "person:farid-chitav",
]


@pytest.mark.parametrize("entity_id", REQUIRED)
def test_required_entity(gaz: normalize.Normalizer, entity_id: str) -> None:
    assert entity_id in gaz


def test_parents_point_the_right_way(gaz: normalize.Normalizer) -> None:
    assert gaz.entity("agency:omon").parent == "agency:rosgvardia"
    assert gaz.entity("unit:331-guards-airborne-regiment").parent == \
        "unit:98-guards-airborne-division"
    assert gaz.entity("place:pskov").parent == "place:pskov-oblast"


def test_occupied_and_annexed_places_say_so(gaz: normalize.Normalizer) -> None:
    for pid in ("place:crimea", "place:sevastopol", "place:donetsk-oblast"):
        status = gaz.entity(pid).status or ""
        assert "annex" in status or "occup" in status, pid


def _examples(kind: str) -> list[object]:
    gaz = normalize.load()
    cases = []
    for e in gaz:
        for text in e.examples:
            cases.append(pytest.param(e.id, text, True, id=f"{e.id}+{text}"))
        for text in e.not_examples:
            cases.append(pytest.param(e.id, text, False, id=f"{e.id}-{text}"))
    return cases if kind == "all" else []


@pytest.mark.parametrize(("entity_id", "text", "positive"), _examples("all"))
def test_entity_examples(gaz: normalize.Normalizer, entity_id: str, text: str,
                         positive: bool) -> None:
    got = gaz.resolve(text)
    if positive:
        assert got is not None and got.id == entity_id, (text, got)
    else:
        assert got is None or got.id != entity_id, (text, got)
