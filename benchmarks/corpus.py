"""Deterministic benchmark inputs built from the held-out word lists."""

from __future__ import annotations

import random
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def words(lang: str) -> list[str]:
    """The held-out word list of *lang* (``ru`` or ``uk``), in file order."""
    lines = (DATA / f"words_{lang}.txt").read_text("utf-8").splitlines()
    return [w for w in lines if w and not w.startswith("#")]


def names(n: int = 20_000, seed: int = 1) -> list[str]:
    """*n* person-like names ("Имя Фамилия") from the Russian list."""
    ws = words("ru")
    capital = [w for w in ws if w[:1].isupper()] or ws
    rnd = random.Random(seed)
    return [f"{rnd.choice(capital)} {rnd.choice(capital)}" for _ in range(n)]


def text(size: int = 1_000_000, seed: int = 2) -> str:
    """About *size* characters of Cyrillic running text with punctuation,
    Title-case sentence starts and an occasional ALL-CAPS word."""
    ws = [w.lower() for w in words("ru")]
    rnd = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = [rnd.choice(ws) for _ in range(rnd.randint(5, 14))]
        sentence[0] = sentence[0].capitalize()
        if rnd.random() < 0.1:
            k = rnd.randrange(len(sentence))
            sentence[k] = sentence[k].upper()
        s = " ".join(sentence) + rnd.choice([".", ".", "!", "?", ", 2022."]) + " "
        parts.append(s)
        length += len(s)
        if rnd.random() < 0.05:
            parts.append("\n")
    return "".join(parts)[:size]


def news(names: list[str], size: int = 1_000_000, seed: int = 3, *,
         mention_rate: float = 0.4) -> str:
    """About *size* characters of multilingual news-like text: sentences of
    held-out Russian and Ukrainian words, in Cyrillic or written in Latin
    by a press profile (German, French, Polish, Czech, English-style
    Wikipedia), paragraphs of a few sentences; about *mention_rate* of the
    sentences carry one of *names* (gazetteer names, in any language)."""
    from normalize import transliterate

    schemes = ["news_de", "news_fr", "news_pl", "news_cs", "wikipedia"]
    ru = [w.lower() for w in words("ru")]
    uk = [w.lower() for w in words("uk")]
    rnd = random.Random(seed)
    latin_cache: dict[tuple[str, str], str] = {}

    def latin(word: str, scheme: str) -> str:
        key = (word, scheme)
        if key not in latin_cache:
            latin_cache[key] = transliterate(word, scheme)
        return latin_cache[key]

    parts: list[str] = []
    length = 0
    while length < size:
        script = rnd.random()
        vocab = uk if rnd.random() < 0.3 else ru
        sentence = [rnd.choice(vocab) for _ in range(rnd.randint(6, 16))]
        if script < 0.6:
            scheme = rnd.choice(schemes)
            sentence = [latin(w, scheme) for w in sentence]
        if rnd.random() < mention_rate:
            sentence.insert(rnd.randrange(1, len(sentence)), rnd.choice(names))
        sentence[0] = sentence[0][:1].upper() + sentence[0][1:]
        s = " ".join(sentence) + rnd.choice([".", ".", ".", "!", "?", ", 2022."])
        s += "\n\n" if rnd.random() < 0.2 else " "
        parts.append(s)
        length += len(s)
    return "".join(parts)[:size]
