"""Name-resolution accuracy against labelled data, with baselines, in one run.

    python benchmarks/bench_resolve.py [DATA_DIR ...] [--report PATH]

DATA_DIR holds ``entities.yaml`` (entities with labelled spelling variants
by tag) and ``negatives.yaml`` (strings that must not resolve to a given
entity), in the format of ``benchmarks/data/resolve/README.md`` (the same
as ``../shared/eval``).  Default: the project's own set,
``benchmarks/data/resolve``; pass ``../shared/eval`` to measure on the
shared development set too.

A data set's keys are mapped to gazetteer ids by resolving the entity's own
canonical names (``ru``, then ``en``) exactly; an entity that maps to no id
is reported and its cases count as misses.  Baselines get the same
gazetteer names: exact match, unidecode-folded exact match, and rapidfuzz
WRatio >= 85 over unidecode-folded names.

Reports accuracy overall, per tag and per type, false links, the share of
negatives passed, and every miss.  Writes Markdown (default
benchmarks/results/resolve_accuracy.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import normalize  # noqa: E402

Resolver = Callable[[str], "str | None"]


def load_set(folder: Path) -> tuple[list[dict], list[dict]]:
    entities = yaml.safe_load((folder / "entities.yaml").read_text("utf-8"))
    neg_path = folder / "negatives.yaml"
    negatives = yaml.safe_load(neg_path.read_text("utf-8")) if neg_path.exists() else []
    return entities, negatives or []


def map_keys(gaz: normalize.Normalizer, entities: list[dict]) -> dict[str, str | None]:
    """Data-set key → gazetteer id, by the entity's own canonical names."""
    out: dict[str, str | None] = {}
    for ent in entities:
        if ent.get("id"):
            out[ent["key"]] = ent["id"] if ent["id"] in gaz else None
            continue
        found = None
        for field in ("ru", "en"):
            name = ent.get(field)
            if not name:
                continue
            ms = [m for m in gaz.candidates(name, limit=3) if m.method in (
                "exact", "folded", "acronym", "former")]
            if ms and (len(ms) == 1 or ms[0].score > ms[1].score):
                found = ms[0].id
                break
        out[ent["key"]] = found
    return out


def baselines(gaz: normalize.Normalizer) -> dict[str, Resolver]:
    from rapidfuzz import fuzz, process
    from unidecode import unidecode

    exact: dict[str, set[str]] = defaultdict(set)
    folded: dict[str, set[str]] = defaultdict(set)
    choices: list[str] = []
    owners: list[str] = []
    for e in gaz:
        for _lang, name, _role in e.all_names():
            exact[name].add(e.id)
            f = unidecode(name).lower().strip()
            folded[f].add(e.id)
            choices.append(f)
            owners.append(e.id)

    def one(ids: set[str]) -> str | None:
        return next(iter(ids)) if len(ids) == 1 else None

    def fuzzy(q: str) -> str | None:
        best = process.extractOne(unidecode(q).lower().strip(), choices, scorer=fuzz.WRatio,
                                  score_cutoff=85)
        return owners[best[2]] if best else None

    return {
        "exact match": lambda q: one(exact.get(q, set())),
        "unidecode exact": lambda q: one(folded.get(unidecode(q).lower().strip(), set())),
        "rapidfuzz WRatio>=85": fuzzy,
    }


def evaluate(name: str, fn: Resolver, entities: list[dict], negatives: list[dict],
             mapping: dict[str, str | None]) -> dict:
    by_tag: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    false_links = []
    t = time.perf_counter()
    n_calls = 0
    for ent in entities:
        target = mapping.get(ent["key"])
        for case in ent.get("cases", []):
            got = fn(case["text"])
            n_calls += 1
            ok = target is not None and got == target
            for c in (by_tag[case["tag"]], by_type[ent.get("type", "?")]):
                c["n"] += 1
                c["ok"] += ok
            if not ok:
                misses.append((ent["key"], case["tag"], case["text"], got))
                if got is not None:
                    false_links.append((case["text"], ent["key"], got))
    neg = Counter()
    neg_fail = []
    for item in negatives:
        got = fn(item["text"])
        n_calls += 1
        bad = mapping.get(item["not"])
        neg["n"] += 1
        neg["none"] += got is None
        if got is not None and got == bad:
            neg_fail.append((item["text"], item["not"], got))
        else:
            neg["passed"] += 1
    elapsed = time.perf_counter() - t
    total = sum(c["n"] for c in by_tag.values())
    ok = sum(c["ok"] for c in by_tag.values())
    return {
        "name": name, "accuracy": ok / total if total else 0.0, "n": total, "by_tag": by_tag,
        "by_type": by_type, "misses": misses, "false_links": false_links,
        "neg_passed": neg["passed"] / neg["n"] if neg["n"] else 1.0,
        "neg_none": neg["none"] / neg["n"] if neg["n"] else 1.0, "neg_n": neg["n"],
        "neg_fail": neg_fail, "us_per_call": elapsed / max(n_calls, 1) * 1e6,
    }


def report_set(title: str, folder: Path, gaz: normalize.Normalizer) -> list[str]:
    entities, negatives = load_set(folder)
    mapping = map_keys(gaz, entities)
    unmapped = sorted(k for k, v in mapping.items() if v is None)

    def ours(q: str) -> str | None:
        m = gaz.resolve(q)
        return m.id if m else None

    runs = [evaluate("normalize", ours, entities, negatives, mapping)]
    runs += [evaluate(n, f, entities, negatives, mapping) for n, f in baselines(gaz).items()]
    main = runs[0]
    lines = [f"## {title}", "", f"Data: `{folder}` — {len(entities)} entities, {main['n']} cases, "
             f"{main['neg_n']} negatives. Keys mapped to gazetteer ids: "
             f"{len(mapping) - len(unmapped)}/{len(mapping)}"
             + (f" (unmapped: {', '.join(unmapped)})" if unmapped else "") + ".", "",
             "| resolver | accuracy | false links | negatives passed | negatives → nothing "
             "| µs/call |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in runs:
        lines.append(f"| {r['name']} | {r['accuracy']:.3f} | {len(r['false_links'])} | "
                     f"{r['neg_passed']:.3f} | {r['neg_none']:.3f} | {r['us_per_call']:.0f} |")
    tags = sorted(main["by_tag"])
    lines += ["", "### Accuracy by tag", "", "| tag | n | " + " | ".join(r["name"] for r in runs)
              + " |", "| --- | ---: |" + " ---: |" * len(runs)]
    for tag in tags:
        n = main["by_tag"][tag]["n"]
        cells = " | ".join(f"{r['by_tag'][tag]['ok'] / n:.2f}" for r in runs)
        lines.append(f"| {tag} | {n} | {cells} |")
    lines += ["", "### Accuracy by type", "", "| type | n | normalize |", "| --- | ---: | ---: |"]
    for typ, c in sorted(main["by_type"].items()):
        lines.append(f"| {typ} | {c['n']} | {c['ok'] / c['n']:.2f} |")
    lines += ["", f"### Misses of normalize ({len(main['misses'])})", ""]
    for key, tag, text, got in main["misses"]:
        lines.append(f"- `{key}` [{tag}] {text!r} → {got or 'nothing'}")
    lines += ["", f"### Negatives resolved to the forbidden entity ({len(main['neg_fail'])})", ""]
    for text, bad, got in main["neg_fail"]:
        lines.append(f"- {text!r} → {got} (must not be `{bad}`)")
    lines.append("")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--report", type=Path,
                    default=ROOT / "benchmarks" / "results" / "resolve_accuracy.md")
    args = ap.parse_args()
    sets = args.sets or [ROOT / "benchmarks" / "data" / "resolve"]
    gaz = normalize.load()
    gaz.resolve("warm-up")  # build the index outside the timings
    lines = ["# Name resolution accuracy", "",
             f"Command: `python benchmarks/bench_resolve.py {' '.join(map(str, args.sets))}`",
             f"Gazetteer: {len(gaz)} bundled entities.", ""]
    for folder in sets:
        lines += report_set(folder.name, folder, gaz)
    text = "\n".join(lines) + "\n"
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(text, encoding="utf-8")
    print(text[:6000])


if __name__ == "__main__":
    main()
