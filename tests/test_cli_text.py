"""``normalize text`` run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = ("\ufeffСотрудники Росгвардии из Хакасии отказались.\r\n"
        "Pawel Tschikow (Agora) sagte, Rosgvardia-led raids.  \n\nno mentions here")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    return subprocess.run([sys.executable, "-m", "normalize", "text", *args], input=stdin,
                          capture_output=True, timeout=300, env=env)


def test_pipe_replace_keeps_everything_else() -> None:
    r = run(stdin=TEXT.encode("utf-8"))
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    assert out == TEXT.replace("Росгвардии", "Rosgvardia").replace("Хакасии", "Khakassia") \
        .replace("Pawel Tschikow", "Pavel Chikov")
    assert r.stderr == b""


def test_tag_and_jsonl(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes(TEXT.encode("utf-8"))
    r = run("--format", "tag", str(src))
    assert r.returncode == 0, r.stderr
    assert "[[Росгвардии|agency:rosgvardia]]" in r.stdout.decode("utf-8")
    r = run("--format", "jsonl", str(src))
    rows = [json.loads(line) for line in r.stdout.decode("utf-8").splitlines()]
    # Agora is ambiguous alone; Chikov, affiliated with it, is named beside it
    assert [row["id"] for row in rows] == ["agency:rosgvardia", "place:khakassia",
                                           "person:pavel-chikov", "org:agora",
                                           "agency:rosgvardia"]
    assert rows[2]["line"] == 2 and rows[2]["column"] == 0
    assert all(TEXT[row["start"]:row["end"]] == row["text"] for row in rows)


def test_jobs_keep_order_and_output(tmp_path: Path) -> None:
    para = "Росгвардия и ОМОН в Пскове. Tschikow sagte nichts.\n\n"
    src = tmp_path / "big.txt"
    src.write_text(para * 30000, encoding="utf-8")  # several blocks
    one = run(str(src))
    two = run("--jobs", "2", str(src))
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    assert one.stdout.count(b"Rosgvardia") == 30000


def test_in_place_and_output_file(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT.encode("utf-8"))
    out = tmp_path / "out.txt"
    r = run(str(src), "-o", str(out), "--lang", "ru")
    assert r.returncode == 0, r.stderr
    assert "Росгвардия" in out.read_text("utf-8")
    r = run("--in-place", str(src))
    assert r.returncode == 0, r.stderr
    assert src.read_bytes().startswith("\ufeffСотрудники Rosgvardia".encode())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_jsonl_input(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "body": "Rosgwardia in Pskow"}) + "\n", "utf-8")
    r = run("--input-format", "jsonl", "--text-field", "body", str(src))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"id": 1, "body": "Rosgvardia in Pskov"}


def test_stats(tmp_path: Path) -> None:
    r = run("--stats", stdin=TEXT.encode("utf-8"))
    assert r.returncode == 0
    assert b"mentions: 5" in r.stderr
    assert b"agency:rosgvardia" in r.stderr and b"org:agora" in r.stderr


def test_invalid_utf8_names_file_and_offset_and_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    src.write_bytes(b"Rosgvardia\nok \xff here\n")
    out = tmp_path / "out.txt"
    r = run(str(src), "-o", str(out))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "bad.txt" in err and "byte offset 14" in err and "Traceback" not in err
    assert not out.exists()
    r = run("--errors", "replace", str(src))
    assert r.returncode == 0 and "\ufffd" in r.stdout.decode("utf-8")


def test_in_place_error_keeps_the_original(tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    data = b"Rosgwardia\n\xff\n"
    src.write_bytes(data)
    r = run("--in-place", str(src))
    assert r.returncode == 1 and src.read_bytes() == data


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rosgwardia\n", "utf-8")
    binary = tmp_path / "img.bin"
    binary.write_bytes(b"\x89PNG\0\0\0")
    r = run(str(binary), str(good))
    assert r.returncode == 1
    assert b"skipped" in r.stderr and b"img.bin" in r.stderr
    assert r.stdout == b"Rosgvardia\n"


@pytest.mark.parametrize("args, message", [
    (["/no/such/file.txt"], b"no such file"),
    (["-o", "/no/such/dir/out.txt"], b"cannot write"),
    (["--in-place"], b"--in-place needs files"),
    (["--jobs", "0"], b"--jobs"),
])
def test_errors_are_one_line(args: list[str], message: bytes) -> None:
    r = run(*args, stdin=b"Rosgvardia\n")
    assert r.returncode != 0
    assert message in r.stderr and b"Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_broken_gazetteer(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("kind: org\nentities:\n  - id: org:x\n    names: {en: [Foo\n", "utf-8")
    r = run("--gazetteer", str(bad), stdin=b"Foo\n")
    assert r.returncode == 1
    assert b"mine.yaml" in r.stderr and b"Traceback" not in r.stderr
    assert r.stdout == b""
