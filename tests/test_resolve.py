"""Name resolution: documented cases, vetoes, and properties over the gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import normalize
from normalize.gazetteer import fold_name
from normalize.keys import compact_key
from normalize.letters import has_cyrillic_letter
from normalize.schemes import REGISTRY

CASES = Path(__file__).parent / "data" / "resolve_cases.tsv"


@pytest.fixture(scope="module")
def gaz() -> normalize.Normalizer:
    return normalize.load()


def load_cases() -> list[tuple[str, str, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected, method = [*line.split("\t"), ""][:3]
            rows.append((text.replace("\\u00ad", "\u00ad"), expected, method))
    return rows


@pytest.mark.parametrize(("text", "expected", "method"), load_cases())
def test_documented_case(gaz: normalize.Normalizer, text: str, expected: str,
                         method: str) -> None:
    got = gaz.resolve(text)
    if expected == "-":
        assert got is None, got
    elif expected.startswith("!"):
        assert got is None or got.id != expected[1:], got
    else:
        assert got is not None and got.id == expected, (text, got)
        if method:
            assert got.method == method, got


def test_match_explains_itself(gaz: normalize.Normalizer) -> None:
    m = gaz.resolve("Rosgwardii")
    assert m is not None
    assert (m.id, m.kind, m.name) == ("agency:rosgvardia", "agency", "Rosgvardia")
    assert m.method == "inflection" and m.variant == "Росгвардия"
    assert m.rule in ("news_pl", "news_de")  # both profiles write Rosgwardii
    assert 0 < m.score <= 1


def test_candidates_show_both_when_too_close(gaz: normalize.Normalizer) -> None:
    cands = gaz.candidates("Ministry of Defence", limit=5)
    ids = {c.id for c in cands}
    assert {"agency:ministry-of-defence", "agency:ministry-of-defence-of-ukraine"} & ids
    assert len(gaz.candidates("Rosgvardia", limit=5)) >= 1


def test_kinds_filter(gaz: normalize.Normalizer) -> None:
    assert gaz.resolve("Pskov", kinds=["place"]).id == "place:pskov"  # type: ignore[union-attr]
    assert gaz.resolve("Pskov", kinds=["agency"]) is None


def test_module_level_functions() -> None:
    assert normalize.resolve("Mediazona").id == "media:mediazona"  # type: ignore[union-attr]
    assert normalize.candidates("Meduza")[0].id == "media:meduza"


def test_user_gazetteer(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("kind: org\nentities:\n  - id: org:test-fund\n    country: ru\n"
                 "    names:\n      ru: [Фонд испытаний]\n      en: [Test Fund]\n",
                 encoding="utf-8")
    n = normalize.load(f, bundled=False)
    assert n.resolve("Фонда испытаний").id == "org:test-fund"  # type: ignore[union-attr]
    assert n.resolve("Fond ispytaniy").id == "org:test-fund"  # type: ignore[union-attr]
    assert n.resolve("Rosgvardia") is None


# ---------------------------------------------------------------- properties
GAZ = normalize.load()
SCHEMES = [t.info.name for t in REGISTRY.tables()]


def _unique_names() -> list[tuple[str, str, str]]:
    """(entity id, language, name) for names no other entity shares."""
    owners: dict[str, set[str]] = {}
    for e in GAZ:
        for _lang, n, _role in e.all_names():
            owners.setdefault(compact_key(n), set()).add(e.id)
    out = []
    for e in GAZ:
        for lang, names in e.names.items():
            for n in names:
                if (len(owners[compact_key(n)]) == 1 and fold_name(n) not in e.ambiguous
                        and len(compact_key(n)) >= 4):
                    out.append((e.id, lang, n))
    return out


NAMES = _unique_names()


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(NAMES), st.sampled_from(SCHEMES),
       st.sampled_from(["plain", "upper", "possessive", "soft-hyphen", "nbsp"]))
def test_generated_variants_resolve_to_their_entry(item: tuple[str, str, str], scheme: str,
                                                   change: str) -> None:
    entity_id, lang, name = item
    text = name
    table = REGISTRY.get(scheme)
    if has_cyrillic_letter(name) and table.info.language == lang:
        text = normalize.transliterate(name, scheme)
    if change == "upper":
        text = text.upper()
    elif change == "possessive" and not has_cyrillic_letter(text):
        text += "’s"
    elif change == "soft-hyphen" and len(text) > 4:
        text = text[:2] + "\u00ad" + text[2:]
    elif change == "nbsp":
        text = text.replace(" ", "\u00a0")
    got = GAZ.candidates(text, limit=3)
    assert got, (entity_id, text)
    assert entity_id in {m.id for m in got}, (entity_id, text, got)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_resolve_never_raises_and_is_deterministic(text: str) -> None:
    first = GAZ.resolve(text)
    assert GAZ.resolve(text) == first
    assert first is None or isinstance(first, normalize.Match)
