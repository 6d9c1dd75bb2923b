"""Build the character n-gram models and the held-out word lists.

    python tools/build_lm.py

Writes ``normalize/data/lm/{ru,uk,be}.tsv`` (the models that rank
``detransliterate`` candidates) and ``benchmarks/data/words_{ru,uk}.txt``
(held-out evaluation words: their whole paradigms are left out of training).

Sources (install them first; only this script needs them):

* ru: the OpenCorpora dictionary shipped as ``pymorphy3-dicts-ru`` (CC BY-SA
  3.0), every word form, so names (tagged Surn, Name, Geox) and inflected
  forms are covered;
* uk: Debian's ``hunspell-uk`` (spell-uk, GPL-2+/LGPL-2.1+/MPL-1.1), expanded with
  ``unmunch`` from ``hunspell-tools``;
* be: Debian's ``hunspell-be`` (expanded the same way).

The model is an interpolated absolute-discounting character model of order
4 over lower-case words padded with ``^`` and ``$``; n-grams seen once are
pruned.  Each lemma contributes itself and at most ``FORMS_PER_LEMMA`` of
its inflected forms, so large verb paradigms do not drown the letter
sequences of names and nouns.  The file holds ``ngram<TAB>log10 p`` rows and ``ctx<TAB><TAB>log10
backoff`` rows; the format is read by ``normalize/langmodel.py``.  We write
our own (small) model rather than depend on an n-gram library: scoring a
few hundred candidate strings needs only a dictionary look-up per letter,
and the data must be pinned in the package.
"""

from __future__ import annotations

import hashlib
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

ORDER = 4
DISCOUNT = 0.75
FORMS_PER_LEMMA = 4
LETTERS = {
    "ru": set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя-"),
    "uk": set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'-"),
    "be": set("абвгдеёжзійклмнопрстуўфхцчшыьэюя'-"),
}


def h(word: str) -> int:
    return int(hashlib.sha1(word.encode()).hexdigest()[:8], 16)


def sample(lemma: str, forms: set[str]) -> list[str]:
    """The lemma and a deterministic handful of its other forms."""
    others = sorted((f for f in forms if f != lemma), key=h)[:FORMS_PER_LEMMA]
    return [lemma, *others]


def clean(word: str, lang: str) -> str | None:
    w = word.strip().lower().replace("’", "'").replace("ʼ", "'")
    if len(w) < 2 or not set(w) <= LETTERS[lang]:
        return None
    return w


def ru_sources() -> tuple[list[str], list[str]]:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    by_lemma: dict[str, set[str]] = defaultdict(set)
    kind: dict[str, str] = {}
    for word, tag, lemma, _pid, _idx in morph.dictionary.iter_known_words():
        w = clean(word, "ru")
        if not w:
            continue
        by_lemma[lemma].add(w)
        if lemma not in kind and w == lemma:
            t = str(tag)
            if "Surn" in t and "masc" in t:
                kind[lemma] = "surname"
            elif "Name" in t:
                kind[lemma] = "name"
            elif "Geox" in t:
                kind[lemma] = "place"
            elif t.startswith(("NOUN", "ADJF", "INFN")):
                kind[lemma] = "word"
    quota = {"surname": 300, "name": 150, "place": 150, "word": 400}
    held: list[str] = []
    for k, n in quota.items():
        pool = sorted((lem for lem, kk in kind.items() if kk == k and clean(lem, "ru")), key=h)
        held.extend(pool[:n])
    held_set = set(held)
    train = [w for lem, forms in by_lemma.items() if lem not in held_set
             for w in sample(lem, forms) if clean(w, "ru")]
    display = [w.capitalize() if kind[w] != "word" else w for w in held]
    return train, display


def hunspell_sources(lang: str, dic: str, aff: str, n_names: int, n_words: int
                     ) -> tuple[list[str], list[str]]:
    with open(dic, encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]
    stems = [(line.split("/")[0], line) for line in lines if line.strip()]
    names = sorted({s for s, _ in stems if s[:1].isupper() and s[1:].islower()
                    and clean(s, lang)}, key=h)[:n_names]
    words = sorted({s for s, _ in stems if s.islower() and clean(s, lang)}, key=h)[:n_words]
    held = set(names) | set(words)
    with tempfile.TemporaryDirectory() as tmp:
        kept = [line for s, line in stems if s not in held]
        path = os.path.join(tmp, "train.dic")
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"{len(kept)}\n" + "\n".join(kept) + "\n")
        out = subprocess.run(["unmunch", path, aff], capture_output=True, check=True)
    # unmunch prints each entry's stem, then its forms: group them back
    kept_stems = [line.split("/")[0] for line in kept]
    groups: list[tuple[str, set[str]]] = []
    j = 0
    for x in out.stdout.decode("utf-8").splitlines():
        if j < len(kept_stems) and x == kept_stems[j]:
            groups.append((x, set()))
            j += 1
        elif groups:
            groups[-1][1].add(x)
    train = [w for stem, forms in groups for x in sample(stem, forms) if (w := clean(x, lang))]
    return train, names + words


def build(words: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    counts: list[Counter[str]] = [Counter() for _ in range(ORDER + 1)]
    for w in set(words):
        s = "^" * (ORDER - 1) + w + "$"
        for i in range(ORDER - 1, len(s)):
            for n in range(1, ORDER + 1):
                counts[n][s[i - n + 1 : i + 1]] += 1
    # context totals and distinct followers
    ctx_total: list[Counter[str]] = [Counter() for _ in range(ORDER + 1)]
    ctx_types: list[Counter[str]] = [Counter() for _ in range(ORDER + 1)]
    for n in range(2, ORDER + 1):
        for g, c in counts[n].items():
            ctx_total[n][g[:-1]] += c
            ctx_types[n][g[:-1]] += 1
    total = sum(counts[1].values())
    prob: dict[str, float] = {g: c / total for g, c in counts[1].items()}
    logp: dict[str, float] = {g: math.log10(p) for g, p in prob.items()}
    backoff: dict[str, float] = {}
    for n in range(2, ORDER + 1):
        new: dict[str, float] = {}
        for g, c in counts[n].items():
            ctx = g[:-1]
            gamma = DISCOUNT * ctx_types[n][ctx] / ctx_total[n][ctx]
            lower = prob.get(g[1:], 1e-7)
            p = max(c - DISCOUNT, 0) / ctx_total[n][ctx] + gamma * lower
            new[g] = p
            if n < ORDER or c >= 2:
                logp[g] = math.log10(p)
        for ctx in ctx_total[n]:
            backoff[ctx] = math.log10(DISCOUNT * ctx_types[n][ctx] / ctx_total[n][ctx])
        prob.update(new)
    return logp, backoff


def write(lang: str, logp: dict[str, float], backoff: dict[str, float], n_words: int,
          source: str) -> None:
    os.makedirs("normalize/data/lm", exist_ok=True)
    path = f"normalize/data/lm/{lang}.tsv"
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# character {ORDER}-gram model for {lang}, built by tools/build_lm.py\n")
        f.write(f"# from {n_words} word forms of {source}\n")
        for g in sorted(logp):
            f.write(f"{g}\t{logp[g]:.3f}\n")
        for c in sorted(backoff):
            f.write(f"{c}\t\t{backoff[c]:.3f}\n")
    print(lang, len(logp), "n-grams,", len(backoff), "contexts ->", path, file=sys.stderr)


def write_words(lang: str, held: list[str], what: str, source: str) -> None:
    with open(f"benchmarks/data/words_{lang}.txt", "w", encoding="utf-8") as f:
        f.write(f"# held-out {what}\n# from {source}; left out of the model\n")
        f.write("\n".join(held) + "\n")


def main() -> None:
    os.makedirs("benchmarks/data", exist_ok=True)
    train, held = ru_sources()
    write("ru", *build(train), len(train), "the OpenCorpora dictionary (pymorphy3-dicts-ru)")
    write_words("ru", held, "Russian words: surnames, first names, places, ordinary words",
                "the OpenCorpora dictionary (CC BY-SA 3.0)")
    hunspell = "/usr/share/hunspell"
    train, held = hunspell_sources("uk", f"{hunspell}/uk_UA.dic", f"{hunspell}/uk_UA.aff",
                                   500, 500)
    write("uk", *build(train), len(train), "Debian hunspell-uk (spell-uk)")
    write_words("uk", held, "Ukrainian words: proper names and ordinary words",
                "Debian hunspell-uk (spell-uk, MPL-1.1)")
    train, _ = hunspell_sources("be", f"{hunspell}/be_BY.dic", f"{hunspell}/be_BY.aff", 0, 0)
    write("be", *build(train), len(train), "Debian hunspell-be")


if __name__ == "__main__":
    main()
