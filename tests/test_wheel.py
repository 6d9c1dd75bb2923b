"""Build the wheel, install it in a fresh venv and run the CLI outside the tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (whl,) = out.glob("normalize_ru-*.whl")
    return whl


@pytest.mark.slow
def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    schemes = {n for n in names if n.startswith("normalize/data/schemes/") and n.endswith(".yaml")}
    repo_schemes = set((ROOT / "normalize" / "data" / "schemes").glob("*.yaml"))
    assert len(schemes) == len(repo_schemes) > 50
    for required in (
        "normalize/__init__.py", "normalize/py.typed", "normalize/cli.py",
        "normalize/data/fallback.yaml", "normalize/data/lm/ru.tsv", "normalize/data/lm/uk.tsv",
        "normalize/gazetteer/README.md", "normalize/data/samples/ru_news.txt",
    ):
        assert required in names, required
    gaz = {n for n in names if n.startswith("normalize/gazetteer/") and n.endswith(".yaml")}
    assert len(gaz) == len(list((ROOT / "gazetteer").glob("*.yaml"))) >= 6
    assert "normalize/gazetteer/schema.json" in names
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "normalize = normalize.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


@pytest.mark.slow
def test_installed_wheel_runs_outside_the_tree(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    py = bindir / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True,
                   capture_output=True, timeout=600)
    clean_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([str(bindir / "normalize"), "translit", "-s", "news_pl"],
                       input="Павел Чиков\n".encode(), capture_output=True, cwd=tmp_path,
                       env=clean_env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Pawieł Czikow\n".encode()
    code = ("import normalize, normalize.paths as p; "
            "print(normalize.__file__); print(p.gazetteer_dir())")
    r = subprocess.run([str(py), "-c", code], capture_output=True, cwd=tmp_path,
                       env=clean_env, timeout=120, text=True)
    where, gaz = r.stdout.split("\n")[:2]
    assert str(env_dir) in where and str(ROOT) not in where
    assert gaz.endswith(os.path.join("normalize", "gazetteer"))
    r = subprocess.run([str(bindir / "normalize"), "gazetteer", "stats", "--json"],
                       capture_output=True, cwd=tmp_path, env=clean_env, timeout=120, text=True)
    assert r.returncode == 0, r.stderr
    assert sum(json.loads(r.stdout)["kinds"].values()) >= 600
