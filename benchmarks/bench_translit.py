"""Transliteration speed, side by side with peers, in one run.

    python benchmarks/bench_translit.py [--quick] [--report PATH]

Times bulk text (1 MB of Cyrillic) and short names (20,000 "Имя Фамилия")
for every Russian scheme that iuliia also implements (same scheme, same
input), and for unidecode, transliterate and cyrtranslit (their own
Russian romanisations; not the same scheme, so only a speed reference).
Single process, one core; each figure is the best of several runs.
Targets (issue 2): at least 2x iuliia on the same scheme, and at least
500,000 names/s.  Writes a Markdown report (default
benchmarks/results/translit_speed.md).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import normalize


def best_time(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def peers() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {}
    try:
        from unidecode import unidecode

        out["unidecode"] = unidecode
    except ImportError:
        pass
    try:
        from transliterate import translit

        out["transliterate (ru)"] = lambda s: translit(s, "ru", reversed=True)
    except ImportError:
        pass
    try:
        import cyrtranslit

        out["cyrtranslit (ru)"] = lambda s: cyrtranslit.to_latin(s, "ru")
    except ImportError:
        pass
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller inputs, fewer repeats")
    ap.add_argument("--report",
                    default=str(Path(__file__).parent / "results" / "translit_speed.md"))
    args = ap.parse_args()
    import iuliia

    size, n_names, repeat = (200_000, 5_000, 2) if args.quick else (1_000_000, 20_000, 3)
    text = corpus.text(size)
    names = corpus.names(n_names)
    rows = []
    for scheme in normalize.schemes():
        if scheme.language != "ru" or not hasattr(iuliia, scheme.name.upper()):
            continue
        ours = normalize.transliterator(scheme.name)
        theirs = getattr(iuliia, scheme.name.upper()).translate
        t_bulk = best_time(lambda f=ours: f(text), repeat)  # type: ignore[misc]
        i_bulk = best_time(lambda f=theirs: f(text), repeat)  # type: ignore[misc]
        t_names = best_time(lambda f=ours: [f(x) for x in names], repeat)  # type: ignore[misc]
        i_names = best_time(lambda f=theirs: [f(x) for x in names], repeat)  # type: ignore[misc]
        api = best_time(lambda s=scheme.name: [normalize.transliterate(x, s) for x in names],
                        repeat)  # type: ignore[misc]
        rows.append((scheme.name, len(text) / t_bulk, len(text) / i_bulk, n_names / t_names,
                     n_names / api, n_names / i_names))
    peer_rows = []
    for name, fn in peers().items():
        p_bulk = best_time(lambda f=fn: f(text), repeat)  # type: ignore[misc]
        p_names = best_time(lambda f=fn: [f(x) for x in names], repeat)  # type: ignore[misc]
        peer_rows.append((name, len(text) / p_bulk, n_names / p_names))

    lines = [
        "# Transliteration speed",
        "",
        f"Command: `python benchmarks/bench_translit.py{' --quick' if args.quick else ''}`  ",
        f"Input: {len(text):,} characters of generated Cyrillic text; {n_names:,} names "
        f"(\"Имя Фамилия\"). Best of {repeat} runs, one process.  ",
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"iuliia {iuliia.__version__ if hasattr(iuliia, '__version__') else '0.13'}.",
        "",
        "`names/s` uses `normalize.transliterator(scheme)` (the scheme looked up once); "
        "`API names/s` calls `normalize.transliterate(name, scheme)` each time.",
        "",
        "| scheme | chars/s | iuliia chars/s | × iuliia | names/s | API names/s "
        "| iuliia names/s | × iuliia |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, tb, ib, tn, api, inn in rows:
        lines.append(f"| {name} | {tb:,.0f} | {ib:,.0f} | {tb / ib:.1f} | {tn:,.0f} | {api:,.0f} "
                     f"| {inn:,.0f} | {tn / inn:.1f} |")
    bulk_ratios = [tb / ib for _, tb, ib, *_ in rows]
    name_ratios = [tn / inn for *_, tn, _api, inn in rows]
    lines += [
        "",
        f"Ratio to iuliia on the same scheme: bulk min {min(bulk_ratios):.1f}×, "
        f"median {sorted(bulk_ratios)[len(bulk_ratios) // 2]:.1f}×; names min "
        f"{min(name_ratios):.1f}×, median {sorted(name_ratios)[len(name_ratios) // 2]:.1f}×.  ",
        f"Names/s: min {min(r[3] for r in rows):,.0f}, "
        f"median {sorted(r[3] for r in rows)[len(rows) // 2]:,.0f}.",
        "",
        "## Other libraries (their own Russian romanisation, for reference)",
        "",
        "| library | chars/s | names/s | ours (wikipedia) ÷ theirs, bulk | names |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    wiki = next(r for r in rows if r[0] == "wikipedia")
    for name, pb, pn in peer_rows:
        lines.append(f"| {name} | {pb:,.0f} | {pn:,.0f} | {wiki[1] / pb:.1f} "
                     f"| {wiki[3] / pn:.1f} |")
    report = "\n".join(lines) + "\n"
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
