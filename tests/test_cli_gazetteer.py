"""`normalize gazetteer check|stats|export`, through a subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalize", "gazetteer", *args],
                          capture_output=True, text=True, timeout=120, encoding="utf-8")


def test_check_bundled_is_clean() -> None:
    r = run("check")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "0 problems" in r.stderr


def test_check_reports_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("kind: place\nentities:\n  - id: place:x\n    names: {en: [X]}\n"
                   "    parent: place:nowhere\n  - id: place:y\n    names: {en: [Y  Y]}\n",
                   encoding="utf-8")
    r = run("check", "--no-bundled", str(bad))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert any(line.startswith(f"{bad}:3: place:x: parent place:nowhere") for line in lines)
    assert any(line.startswith(f"{bad}:7: ") and "white space" in line for line in lines)
    assert lines[-1].endswith("2 problems")


def test_broken_yaml_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("kind: place\nentities:\n  - id: place:x\n    names: {en: [X]\n",
                   encoding="utf-8")
    for cmd in ("check", "stats", "export"):
        r = run(cmd, str(bad))
        assert r.returncode == 1
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
        assert f"{bad}:" in r.stderr and "invalid YAML" in r.stderr


def test_stats() -> None:
    r = run("stats", "--json")
    assert r.returncode == 0, r.stderr
    stats = json.loads(r.stdout)
    assert sum(stats["kinds"].values()) >= 600
    assert {"ru", "en", "uk"} <= set(stats["languages"])
    text = run("stats").stdout
    assert text.startswith("entities: ") and "names by language" in text


def test_export_jsonl_and_csv(tmp_path: Path) -> None:
    r = run("export")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"id", "kind", "canonical", "lang", "name", "role"} <= set(rows[0])
    assert any(x["id"] == "agency:rosgvardia" and x["name"] == "Росгвардия" for x in rows)
    out = tmp_path / "g.csv"
    r = run("export", "--format", "csv", "-o", str(out))
    assert r.returncode == 0, r.stderr
    table = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert len(table) == len(rows)


def run_match(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "normalize", "match", *args], input=stdin,
                          capture_output=True, text=True, timeout=300, encoding="utf-8")


def test_match_names_and_stdin() -> None:
    r = run_match("Rosgwardii", "Tschikow", "Rosneft corp xyz")
    assert r.returncode == 0, r.stderr
    lines = [line.split("\t") for line in r.stdout.splitlines()]
    assert lines[0][:2] == ["Rosgwardii", "agency:rosgvardia"]
    assert lines[1][:2] == ["Tschikow", "person:pavel-chikov"]
    r = run_match("--json", stdin="Mediazona\nМедуза\n")
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert recs[0]["matches"][0]["id"] == "media:mediazona"
    assert recs[1]["matches"][0]["id"] == "media:meduza"


def test_match_candidates() -> None:
    r = run_match("--candidates", "3", "--json", "Ministry of Defence")
    rec = json.loads(r.stdout)
    assert 1 <= len(rec["matches"]) <= 3
    assert all({"id", "score", "method"} <= set(m) for m in rec["matches"])
