"""detransliterate accuracy: does the original word come back?

    python benchmarks/bench_detranslit.py [--words N] [--report PATH]

For every scheme and press profile: each word of the held-out list of the
scheme's language (benchmarks/data/words_{ru,uk,be}.txt: names, places and
ordinary words, left out of the character models) is transliterated by the
scheme, and the Latin is read back with ``detransliterate(latin, scheme)``.
Reported: share of words whose original comes back first (top-1) and among
the first five (top-5), comparing after folding ё to е (many schemes write
ё and е alike).  The groups ``auto`` and each press language are measured
the same way on the Russian and the Ukrainian lists (Latin produced by each
member profile).  Target (issue 2): top-5 >= 0.95 for the news profiles.
Writes a Markdown report (default benchmarks/results/detranslit_accuracy.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import normalize


def fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def measure(job: tuple[str, str, str, list[str]]) -> tuple[str, str, str, int, int, int, float]:
    """(label, reader, lang, n, top1, top5, ms per word) for one writer scheme."""
    label, writer, reader, words = job
    top1 = top5 = 0
    t = time.perf_counter()
    for w in words:
        latin = normalize.transliterate(w, writer)
        cands = [fold(c) for c in normalize.detransliterate(latin, reader, limit=5)]
        top1 += bool(cands) and cands[0] == fold(w)
        top5 += fold(w) in cands
    ms = (time.perf_counter() - t) * 1000 / max(len(words), 1)
    return label, reader, writer, len(words), top1, top5, ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=1000, help="words per list (default: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--report",
                    default=str(Path(__file__).parent / "results" / "detranslit_accuracy.md"))
    args = ap.parse_args()
    lists = {lang: corpus.words(lang)[: args.words] for lang in ("ru", "uk")}
    jobs = []
    for s in normalize.schemes():
        if s.language in lists:
            jobs.append(("scheme", s.name, s.name, lists[s.language]))
    presses = sorted({s.press for s in normalize.schemes() if s.press})
    for s in normalize.schemes():
        if s.press and s.language in lists:
            jobs.append(("press group", s.name, s.press, lists[s.language]))
            jobs.append(("auto", s.name, "auto", lists[s.language]))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(measure, jobs))

    info = {s.name: s for s in normalize.schemes()}
    lines = [
        "# detransliterate accuracy",
        "",
        f"Command: `python benchmarks/bench_detranslit.py --words {args.words}`  ",
        f"Word lists: {len(lists['ru'])} Russian and {len(lists['uk'])} Ukrainian held-out words "
        "(surnames, first names, places, ordinary words; none of them, nor any other form of "
        "their lemma, is in the character models' training data).  ",
        "Top-1/top-5: the original word (ё folded to е) is the first / among the first five "
        "candidates.",
        "",
        "## Each scheme read back by itself",
        "",
        "| scheme | language | kind | words | top-1 | top-5 | ms/word |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, _reader, writer, n, t1, t5, ms in results:
        if label != "scheme":
            continue
        s = info[writer]
        lines.append(f"| {writer} | {s.language} | {s.kind} | {n} | {t1 / n:.3f} | {t5 / n:.3f} "
                     f"| {ms:.1f} |")
    news = [(t5 / n) for label, _r, w, n, _t1, t5, _ms in results
            if label == "scheme" and info[w].kind == "press"]
    lines += ["", f"News profiles: top-5 min {min(news):.3f}, mean {sum(news) / len(news):.3f} "
              f"(target >= 0.95).", ""]
    for label, title in (("press group", "Read back by the press language (all its profiles)"),
                         ("auto", "Read back by `auto` (every scheme and profile)")):
        lines += [f"## {title}", "", "| written by | read by | words | top-1 | top-5 | ms/word |",
                  "| --- | --- | ---: | ---: | ---: | ---: |"]
        for lab, reader, writer, n, t1, t5, ms in results:
            if lab == label:
                lines.append(f"| {writer} | {reader} | {n} | {t1 / n:.3f} | {t5 / n:.3f} "
                             f"| {ms:.1f} |")
        lines.append("")
    report = "\n".join(lines) + "\n"
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(report, encoding="utf-8")
    print(report)
    del presses


if __name__ == "__main__":
    main()
