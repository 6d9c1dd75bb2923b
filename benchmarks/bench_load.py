"""Gazetteer load time: the bundled gazetteer, cold, in a fresh process.

    python benchmarks/bench_load.py [--runs N] [--report PATH]

Each run starts a new interpreter, imports normalize and times
``normalize.load()`` (reading, parsing and checking every bundled file),
so nothing is cached between runs.  Target (issue 3): under 1 s.
Writes a Markdown report (default benchmarks/results/gazetteer_load.md).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, time, resource
t0 = time.perf_counter()
import normalize
t1 = time.perf_counter()
g = normalize.load()
t2 = time.perf_counter()
names = sum(1 for e in g for _ in e.all_names())
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "entities": len(g), "names": names,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--report", default=str(ROOT / "benchmarks" / "results" / "gazetteer_load.md"))
    args = ap.parse_args()
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                             cwd=ROOT, check=True).stdout
        runs.append(json.loads(out))
    loads = [r["load"] for r in runs]
    imports = [r["import"] for r in runs]
    lines = [
        "# Gazetteer load time",
        "",
        f"Command: `python benchmarks/bench_load.py --runs {args.runs}`  ",
        f"Python {platform.python_version()}; each run a fresh interpreter (cold).",
        "",
        f"- entities: {runs[0]['entities']}, names (with acronyms and former names): "
        f"{runs[0]['names']}",
        f"- `normalize.load()`: median {statistics.median(loads) * 1000:.0f} ms, "
        f"min {min(loads) * 1000:.0f} ms, max {max(loads) * 1000:.0f} ms (target < 1000 ms)",
        f"- `import normalize`: median {statistics.median(imports) * 1000:.0f} ms",
        f"- peak RSS of the process: {max(r['rss_mb'] for r in runs):.0f} MB",
    ]
    report = "\n".join(lines) + "\n"
    Path(args.report).write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
