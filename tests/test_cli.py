"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "normalize" / "data" / "samples" / "ru_news.txt"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "normalize", *args],
        input=stdin, capture_output=True, timeout=120, env=full_env,
    )


def test_translit_stdin_to_stdout() -> None:
    r = run("translit", "-s", "wikipedia", stdin="Ельцин и ЩУКА\r\nМосква\n".encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout == b"Yeltsin i SHCHUKA\r\nMoskva\n"
    assert r.stderr == b""


def test_translit_is_utf8_whatever_the_locale() -> None:
    r = run("translit", "-s", "news_de", stdin="Чиков\n".encode(),
            env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode("utf-8") == "Tschikow\n"


def test_translit_file_and_output(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    r = run("translit", "-s", "gost_779", str(SAMPLE), "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text("utf-8")
    assert "Rosgvardii" in text and "VOENNYJ SUD" in text
    assert len(text.splitlines()) == len(SAMPLE.read_text("utf-8").splitlines())


def test_keeps_bom_and_missing_final_newline() -> None:
    r = run("translit", stdin="\ufeffМосква".encode())
    assert r.stdout == "\ufeffMoskva".encode()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["translit", "-s", "klingon"], b"", "unknown scheme 'klingon'; valid names:"),
        (["translit"], b"ok\n\xff\xfe\n", "<stdin>:2: invalid UTF-8 at byte offset 3"),
        (["translit"], b"\x00\x01binary", "binary file"),
        (["translit", "/no/such/file"], None, "/no/such/file: no such file"),
        (["detranslit", "-s", "klingon", "Moskva"], None, "unknown scheme"),
        (["frobnicate"], None, "invalid choice"),
    ],
)
def test_errors_are_one_line_without_traceback(args: list[str], stdin: bytes | None,
                                               message: str) -> None:
    r = run(*args, stdin=stdin)
    assert r.returncode != 0
    err = r.stderr.decode()
    assert message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(b"\xd0\x9c\xd0\xbe\n\xff\n")
    out = tmp_path / "out.txt"
    out.write_text("precious")
    r = run("translit", str(src), "-o", str(out))
    assert r.returncode == 1
    assert out.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]


def test_unwritable_output(tmp_path: Path) -> None:
    r = run("translit", "-o", str(tmp_path / "missing" / "out.txt"), stdin=b"x\n")
    assert r.returncode == 1 and b"cannot write" in r.stderr


def test_schemes_listing() -> None:
    r = run("schemes")
    assert r.returncode == 0
    text = r.stdout.decode()
    assert "gost_779" in text and "news_pl" in text and "iso_9_1995" in text
    r = run("schemes", "--json")
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert {"name", "aliases", "language", "reversible", "description", "source"} <= set(rows[0])


def test_detranslit_command() -> None:
    r = run("detranslit", "-s", "de", "-n", "3", "Tschikow")
    assert r.returncode == 0, r.stderr
    word, *cands = r.stdout.decode().rstrip("\n").split("\t")
    assert word == "Tschikow" and cands[0] == "Чиков" and len(cands) <= 3
    r = run("detranslit", "-s", "pl", stdin=b"Czikow\nSzojgu\n")
    lines = r.stdout.decode().splitlines()
    assert [line.split("\t")[1] for line in lines] == ["Чиков", "Шойгу"]


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith(b"normalize ")
    r = run("translit", "--help")
    assert r.returncode == 0 and b"--scheme" in r.stdout
