"""The public API: what is exported, typed, and that importing does no I/O."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import normalize
from normalize import errors

ROOT = Path(__file__).resolve().parent.parent


def test_public_names() -> None:
    assert set(normalize.__all__) >= {
        "transliterate", "transliterator", "detransliterate", "schemes", "Scheme",
        "NormalizeError", "UnknownSchemeError", "DataError", "InputError",
    }
    for name in normalize.__all__:
        assert hasattr(normalize, name), name
    assert (ROOT / "normalize" / "py.typed").exists()


def test_one_error_family() -> None:
    for cls in (errors.DataError, errors.UnknownSchemeError, errors.InputError):
        assert issubclass(cls, normalize.NormalizeError)


def test_import_reads_no_data() -> None:
    code = (
        "import builtins, io, importlib.resources as r\n"
        "opened = []\n"
        "real_open = io.open\n"
        "def spy(f, *a, **k):\n"
        "    opened.append(str(f)); return real_open(f, *a, **k)\n"
        "builtins.open = io.open = spy\n"
        "import normalize\n"
        "from normalize.schemes import REGISTRY\n"
        "assert REGISTRY._tables is None\n"
        "print([p for p in opened if p.endswith(('.yaml', '.tsv'))])\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_scheme_records_are_frozen() -> None:
    s = normalize.schemes()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.name = "x"  # type: ignore[misc]
