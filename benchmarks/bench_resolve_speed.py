"""Name-resolution speed: per-call times of ``resolve`` and index build cost.

    python benchmarks/bench_resolve_speed.py [--generated N] [--report PATH]

On the bundled gazetteer (and, with ``--generated N``, on a generated
gazetteer of N entities built from the held-out word lists) it measures:

* index build time without the on-disk cache, and start-up time with it;
* peak memory of the process;
* ``resolve`` per call, median and 95th percentile, for queries that the
  index finds (gazetteer names, their case forms and scheme spellings), for
  queries that need fuzzy matching (a letter dropped from a name), and for
  queries that find nothing.

Targets (issue 4): median <= 50 µs for index hits, <= 1 ms with fuzzy.
Writes a Markdown report (default benchmarks/results/resolve_speed.md).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

import normalize  # noqa: E402


def timed(gaz: normalize.Normalizer, queries: list[str]) -> tuple[float, float]:
    times = []
    for q in queries:
        t = time.perf_counter()
        gaz.resolve(q)
        times.append(time.perf_counter() - t)
    times.sort()
    return statistics.median(times) * 1e6, times[int(len(times) * 0.95)] * 1e6


def queries_for(gaz: normalize.Normalizer, n: int, seed: int) -> dict[str, list[str]]:
    rnd = random.Random(seed)
    names = [(e, name) for e in gaz for _l, name, _r in e.all_names() if len(name) >= 6]
    sample = rnd.sample(names, min(n, len(names)))
    hits = [name for _e, name in sample]
    hits += [normalize.transliterate(name, rnd.choice(["news_de", "news_pl", "wikipedia"]))
             for _e, name in sample[: n // 2] if any("\u0400" <= c <= "\u04ff" for c in name)]
    typos = []
    for _e, name in sample:
        words = name.split(" ")
        long = [i for i, w in enumerate(words) if len(w) >= 8 and w.isalpha()]
        if name[:1].isupper() and long:
            i = rnd.choice(long)
            k = rnd.randrange(2, len(words[i]) - 2)
            words[i] = words[i][:k] + words[i][k + 1:]
            typos.append(" ".join(words))
    misses = [f"{rnd.choice(corpus.words('ru'))} {rnd.choice(corpus.words('uk'))}"
              for _ in range(n // 2)]
    return {"index hits": hits, "fuzzy (a letter dropped)": typos, "no match": misses}


def generated_gazetteer(n: int, folder: Path) -> Path:
    """A gazetteer of *n* organisations named from the held-out word lists."""
    words = [w for w in corpus.words("ru") if w.islower() and len(w) > 4]
    rnd = random.Random(7)
    lines = ["kind: org", "entities:"]
    for i in range(n):
        a, b = rnd.choice(words), rnd.choice(words)
        lines += [f"  - id: org:gen-{i}", "    country: ru", "    names:",
                  f"      ru: [\"{a.capitalize()} {b} {i}\"]",
                  f"      en: [\"Generated Organisation {i}\"]"]
    path = folder / "generated.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure(title: str, load: object, n_queries: int) -> list[str]:
    os.environ["NORMALIZE_CACHE"] = "off"
    t = time.perf_counter()
    gaz = load()  # type: ignore[operator]
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    gaz.resolve("warm-up")
    t_build = time.perf_counter() - t
    rows = [f"## {title}", "", f"- entities: {len(gaz)}",
            f"- `load()`: {t_load:.2f} s; index build (no cache): {t_build:.1f} s",
            f"- peak RSS so far: "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
            "", "| queries | n | median µs | p95 µs |", "| --- | ---: | ---: | ---: |"]
    for label, qs in queries_for(gaz, n_queries, 1).items():
        if not qs:
            continue
        med, p95 = timed(gaz, qs)
        rows.append(f"| {label} | {len(qs)} | {med:.0f} | {p95:.0f} |")
    return [*rows, ""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--generated", type=int, default=0, metavar="N",
                    help="also a generated gazetteer of N entities (slow to index)")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--report", type=Path,
                    default=ROOT / "benchmarks" / "results" / "resolve_speed.md")
    args = ap.parse_args()
    lines = ["# Name resolution speed", "",
             f"Command: `python benchmarks/bench_resolve_speed.py"
             f"{f' --generated {args.generated}' if args.generated else ''}`  ",
             "One process, one core; per-call times after the index is built.", ""]
    lines += measure("Bundled gazetteer", normalize.load, args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        os.environ["NORMALIZE_CACHE"] = str(cache)
        t = time.perf_counter()
        normalize.load().resolve("x")
        first = time.perf_counter() - t
        t = time.perf_counter()
        normalize.load().resolve("x")
        lines += [f"With the on-disk cache: first start {first:.1f} s (builds and writes it), "
                  f"next start {time.perf_counter() - t:.1f} s.", ""]
        if args.generated:
            path = generated_gazetteer(args.generated, Path(tmp))
            lines += measure(f"Generated gazetteer ({args.generated} entities)",
                             lambda: normalize.load(path, bundled=False), args.queries)
    report = "\n".join(lines) + "\n"
    args.report.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
