"""Scheme tables: every file loads, every sample holds, names resolve."""

from __future__ import annotations

import re

import pytest
import yaml

import normalize
from normalize.errors import DataError, NormalizeError, UnknownSchemeError
from normalize.letters import ALPHABETS
from normalize.schemes import REGISTRY, parse_table

TABLES = REGISTRY.tables()
SAMPLES = [
    pytest.param(t.info.name, cyr, lat, id=f"{t.info.name}-{i}")
    for t in TABLES
    for i, (cyr, lat) in enumerate(t.samples)
]


@pytest.mark.parametrize(("scheme", "cyr", "lat"), SAMPLES)
def test_sample(scheme: str, cyr: str, lat: str) -> None:
    assert normalize.transliterate(cyr, scheme) == lat


def test_coverage_of_the_issue() -> None:
    names = {s.name for s in normalize.schemes()}
    iuliia_names = {
        "ala_lc", "ala_lc_alt", "bgn_pcgn", "bgn_pcgn_alt", "bs_2979", "bs_2979_alt",
        "gost_16876", "gost_16876_alt", "gost_52290", "gost_52535", "gost_7034", "gost_779",
        "gost_779_alt", "icao_doc_9303", "iso_9_1954", "iso_9_1968", "iso_9_1968_alt",
        "mosmetro", "mvd_310", "mvd_310_fr", "mvd_782", "scientific", "telegram",
        "ungegn_1987", "wikipedia", "yandex_maps", "yandex_money",
    }
    assert iuliia_names <= names
    press = {(s.press, s.language) for s in normalize.schemes() if s.kind == "press"}
    for lang in ("de", "fr", "pl", "cs", "es", "it", "nl", "sv"):
        assert (lang, "ru") in press and (lang, "uk") in press, lang
    by_lang = {s.language for s in normalize.schemes()}
    assert by_lang == set(ALPHABETS)


def test_scheme_metadata_is_complete() -> None:
    for s in normalize.schemes():
        assert s.description and s.source, s.name
        assert s.language in ALPHABETS
        assert (s.press is not None) == (s.kind == "press")


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("iso_9_1995", "gost_779"),
        ("ISO-9-1995", "gost_779"),
        ("ua-ukr-Cyrl-Latn-2010", "ua_2010"),
        ("bgnpcgn-bel-Cyrl-Latn-1979", "bgn_pcgn_be"),
        ("kmu_55", "ua_2010"),
        ("de", "news_de"),
    ],
)
def test_aliases(alias: str, name: str) -> None:
    assert REGISTRY.get(alias).info.name == name


def test_unknown_scheme_lists_the_valid_names() -> None:
    with pytest.raises(UnknownSchemeError) as info:
        normalize.transliterate("Москва", "klingon")
    msg = str(info.value)
    assert "klingon" in msg and "wikipedia" in msg and "gost_779" in msg
    assert isinstance(info.value, NormalizeError) and isinstance(info.value, KeyError)


BAD_TABLES = [
    ("name: x\nlanguage: ru\n", "missing key 'kind'"),
    ("name: x\nlanguage: xx\nkind: standard\n", "language 'xx'"),
    ("name: x\nlanguage: ru\nkind: standard\ndescription: d\nsource: s\nletters: {а: 1}\n",
     "not a string (quote it)"),
    ("name: x\nlanguage: ru\nkind: standard\ndescription: d\nsource: s\nletters: {а: a}\n",
     "no mapping for"),
    ("name: x\nlanguage: ru\nkind: standard\ndescription: d\nsource: s\nletters: {а: б}\n",
     "Cyrillic letter"),
    ("name: x\nlanguage: ru\nkind: standard\nbogus: 1\n", "unknown keys: bogus"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TABLES)
def test_malformed_tables_are_rejected(text: str, message: str) -> None:
    with pytest.raises(DataError, match=re.escape(message)) as info:
        parse_table(yaml.safe_load(text), "bad.yaml")
    assert str(info.value).startswith("bad.yaml: ")


def test_rule_without_context_is_rejected() -> None:
    base = REGISTRY.get("wikipedia")
    data = {
        "name": "x", "language": "ru", "kind": "standard", "description": "d", "source": "s",
        "rules": [{"cyr": "е", "lat": "ye"}], "samples": [["а", "a"]],
    }
    with pytest.raises(DataError, match="needs a context"):
        parse_table(data, "bad.yaml", base)
